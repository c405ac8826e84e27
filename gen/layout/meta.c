/*
 * meta.c - where a front-matter key is written in the source, for the
 * layout's messages about the letterhead and the signature block (the
 * document model keeps the body's positions, not each key's).
 */
#include <string.h>

#include "base/base.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "layout/layout_int.h"

/* Line and column of key in the front matter (contract in layout_int.h). */
void
lmeta_pos(const struct doc *doc, const char *key, int *line, int *col)
{
	const char	*t = doc->text, *p, *bol;
	size_t		 kn = strlen(key);
	int		 ln = 1, dashes = 0;

	*line = 1;
	*col = 1;
	if (t == NULL)
		return;
	/* Only inside the front matter: between the first two "---". */
	for (bol = p = t; *p != '\0'; p++) {
		if (p == bol && strncmp(p, "---", 3) == 0 &&
		    (p[3] == '\n' || p[3] == '\r' || p[3] == '\0') &&
		    ++dashes == 2)
			return;
		if (dashes == 1 && strncmp(p, key, kn) == 0 && p[kn] == ':' &&
		    (p == bol || strchr(" \t{,-", p[-1]) != NULL)) {
			*line = ln;
			*col = 1;
			/* characters, not bytes */
			*col += (int)vb_utf8_chars(bol, (size_t)(p - bol));
			return;
		}
		if (*p == '\n') {
			ln++;
			bol = p + 1;
		}
	}
}
