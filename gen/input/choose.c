/*
 * choose.c - which file and which sheet a table is read from: the lock
 * files an office suite keeps beside an open workbook (the clerk picked
 * the wrong file), and the sheet of a workbook when none is named (the
 * first whose table the caller's match accepts: a guide sheet before a
 * list is passed over, and a note says so; when none does, a note names
 * the sheets tried and the one read).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/input.h"
#include "input/table.h"

/*
 * Is path the lock file an office suite keeps beside an open workbook:
 * Excel's owner file "~$name" (165 bytes), LibreOffice's ".~lock.name#"
 * (one line of text)?  Then an error naming the workbook: the clerk
 * picked the lock file instead of the list.
 */
int
table_lock_file(const char *path, struct diag *d)
{
	const char	*base = strrchr(path, '/');
	char		*name;
	size_t		 n;
	FILE		*fp;
	long		 size = -1;

	base = base != NULL ? base + 1 : path;
	n = strlen(base);
	if (strncmp(base, "~$", 2) == 0 && n > 2)
		name = strdup(base + 2);
	else if (strncmp(base, ".~lock.", 7) == 0 && n > 8 &&
	    base[n - 1] == '#')
		name = strndup(base + 7, n - 8);
	else
		return 0;
	if ((fp = fopen(path, "rb")) != NULL) {
		if (fseek(fp, 0, SEEK_END) == 0)
			size = ftell(fp);
		fclose(fp);
	}
	/* A lock file is small; a list named so by hand is read. */
	if (name == NULL || size < 0 || size > 4096) {
		free(name);
		return 0;
	}
	if (base[0] == '~')
		diag_add(d, DIAG_ERROR, path, 0, 0, "this is Excel's lock "
		    "file: %s is open — close it and use that file itself",
		    name);
	else
		diag_add(d, DIAG_ERROR, path, 0, 0, "this is LibreOffice's "
		    "lock file: %s is open — close it and use that file itself",
		    name);
	free(name);
	return 1;
}

void
table_choice_init(struct table_choice *ch, const struct table_match *m)
{
	memset(ch, 0, sizeof(*ch));
	ch->m = m != NULL && m->fn != NULL ? m : NULL;
}

int
table_offer(struct table_choice *ch, struct csvt **t, const char *name)
{
	struct csvt *x = *t;

	*t = NULL;
	vbuf_printf(&ch->tried, "%s\"%s\"", ch->tried.len ? ", " : "",
	    name);
	if (ch->first == NULL && ch->ans == NULL) {
		if (ch->m == NULL || ch->m->fn(x, ch->m->arg)) {
			ch->ans = x;
			return 1;
		}
		ch->first = x;
		return (ch->first_name = strdup(name)) == NULL ? -1 : 0;
	}
	if (!ch->m->fn(x, ch->m->arg)) {
		csvt_free(x);
		ch->others++;
		return 0;
	}
	ch->ans = x;
	return (ch->ans_name = strdup(name)) == NULL ? -1 : 1;
}

int
table_chosen(struct table_choice *ch, const char *path, int rc,
    struct diag *d, struct csvt **out)
{
	*out = NULL;
	if (rc == VB_OK && ch->ans != NULL) {
		if (ch->ans_name != NULL && ch->first_name != NULL)
			diag_add(d, DIAG_NOTE, path, 0, 0, "sheet \"%s\" is "
			    "read: the first whose headings match (sheet "
			    "\"%s\" before it has other headings)",
			    ch->ans_name, ch->first_name);
		*out = ch->ans;
		csvt_free(ch->first);
	} else if (rc == VB_OK) {
		if (ch->others > 0)
			diag_add(d, DIAG_NOTE, path, 0, 0, "no sheet of the "
			    "workbook has the headings looked for (sheets "
			    "tried: %s): the first, \"%s\", is read (give "
			    "--sheet to read another)", ch->tried.bad ? "…" :
			    ch->tried.s, ch->first_name);
		*out = ch->first;
		csvt_free(ch->ans);
	} else {
		csvt_free(ch->first);
		csvt_free(ch->ans);
	}
	free(ch->first_name);
	free(ch->ans_name);
	free(ch->tried.s);
	memset(ch, 0, sizeof(*ch));
	return rc;
}
