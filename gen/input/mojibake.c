/*
 * mojibake.c - text that is UTF-8 read as Windows-1252: a UTF-8 CSV
 * imported into a spreadsheet with the wrong character set and saved
 * ("TÃªn táº­p thá»ƒ" for "Tên tập thể").  Every character of such text
 * is one of Windows-1252 (or a C1 control, as spreadsheets read the five
 * bytes it leaves undefined), and its bytes under Windows-1252 are valid
 * UTF-8 with at least one multibyte sequence.  Vietnamese read rightly
 * never is: its letters beyond Latin-1 (ơ, ư, ạ ...) are not in
 * Windows-1252, and a Latin-1 letter (ê, à) is a UTF-8 lead byte that
 * plain letters cannot follow.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "input/input.h"
#include "input/table.h"

/* Windows-1252 bytes 0x80-0x9F as code points (0: undefined there, the
 * spreadsheet gives the C1 control of the same number). */
static const uint16_t mb_cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* The Windows-1252 byte of code point cp, or -1. */
static int
mb_byte(utf8proc_int32_t cp)
{
	int i;

	if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
		return (int)cp;
	if (cp >= 0x80 && cp <= 0x9F)
		return mb_cp1252[cp - 0x80] == 0 ? (int)cp : -1;
	for (i = 0; i < 32; i++)
		if (mb_cp1252[i] == cp)
			return 0x80 + i;
	return -1;
}

char *
table_mojibake(const char *s)
{
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 k;
	const char		*p;
	char			*b, *fixed;
	size_t			 n = 0;
	int			 c, multi = 0;

	for (p = s; *p != '\0' && (unsigned char)*p < 0x80; p++)
		;
	if (*p == '\0' || (b = malloc(strlen(s) + 1)) == NULL)
		return NULL;
	for (p = s; *p != '\0'; p += k) {
		if ((k = utf8proc_iterate((const utf8proc_uint8_t *)p, -1,
		    &cp)) <= 0 || (c = mb_byte(cp)) < 0) {
			free(b);
			return NULL;
		}
		b[n++] = (char)c;
	}
	b[n] = '\0';
	for (p = b; *p != '\0'; p += k) {
		if ((k = utf8proc_iterate((const utf8proc_uint8_t *)p, -1,
		    &cp)) <= 0) {
			free(b);
			return NULL;
		}
		multi |= k > 1;
	}
	fixed = multi ? text_nfc(b, n, NULL) : NULL;
	free(b);
	return fixed;
}

int
table_check_mojibake(const struct csvt *t, struct diag *d)
{
	const char	*first = NULL;
	char		*fixed = NULL, *f;
	size_t		 r, i, n = 0;
	int		 line = 0, col = 0;

	for (r = 0; t != NULL && r < t->nrows; r++)
		for (i = 0; i < t->rows[r].nfields; i++) {
			if ((f = table_mojibake(t->rows[r].fields[i])) == NULL)
				continue;
			if (n++ == 0) {
				first = t->rows[r].fields[i];
				fixed = f;
				line = t->rows[r].line;
				col = (int)i + 1;
			} else
				free(f);
		}
	if (n == 0)
		return 0;
	diag_add(d, DIAG_ERROR, t->name, line, col, vb_ntr("\"%s\" is \"%s\" "
	    "read in the wrong encoding (%zu cell so): the file was read in "
	    "the wrong encoding when it was imported: open the CSV again as "
	    "UTF-8", "\"%s\" is \"%s\" read in the wrong encoding (%zu cells "
	    "so): the file was read in the wrong encoding when it was "
	    "imported: open the CSV again as UTF-8", n), first, fixed, n);
	free(fixed);
	return 1;
}
