/*
 * tabfmt.c - how a table's cells are set, the same in every writer: the
 * alignment of a column's body cells when align= does not give it
 * (numbers to the right, a running number 1, 2, 3 ... centred, text to
 * the left) and the totals rows set bold.  layout/table.c (the PDF) and
 * emit/docx_body.c (the Word file) both ask here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/input.h"
#include "doc/doc.h"

#define CELL_NUM_MAX 48   /* a number cell is shorter than this, bytes */

/* The text of a cell, runs joined and spaces trimmed, into buf (cap
 * bytes); NULL when longer (never a number nor a totals label). */
static const char *
cell_text(const struct doc_inline *in, char *buf, size_t cap)
{
	size_t	 i, n = 0, k;
	char	*b;

	for (i = 0; i < in->n; i++) {
		k = strlen(in->runs[i].text);
		if (n + k + 1 > cap)
			return NULL;
		memcpy(buf + n, in->runs[i].text, k);
		n += k;
	}
	buf[n] = '\0';
	while (n > 0 && strchr(" \n\t", buf[n - 1]) != NULL)
		buf[--n] = '\0';
	for (b = buf; *b == ' ' || *b == '\n' || *b == '\t'; b++)
		;
	return b;
}

/* Is s a number as a table writes one: an amount "1.490.000", a count
 * "12", a share "87,5 %" or "-3,2%"? */
static int
cell_is_number(const char *s)
{
	int digits = 0;

	if (*s == '-' || *s == '+')
		s++;
	else if (strncmp(s, "\xe2\x88\x92", 3) == 0)   /* U+2212 minus */
		s += 3;
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if ((*s == '.' || *s == ',') && digits > 0 &&
		    s[1] >= '0' && s[1] <= '9')
			continue;
		else
			break;
	}
	if (*s == ' ')
		s++;
	if (*s == '%')
		s++;
	return digits > 0 && *s == '\0';
}

/* By content: 'r' when every non-empty body cell (group rows aside) is
 * a number, but 'c' for a running number 1, 2, 3 ... (Số TT), also when
 * it starts again at 1 after a group row (in each group of a plan);
 * 'l' otherwise. */
static char
column_align(const struct doc_table *t, size_t c)
{
	char		 buf[CELL_NUM_MAX];
	const char	*s;
	size_t		 r, n = 0;
	long		 prev = 0, v;
	int		 seq = 1, group = 0;

	for (r = t->header_rows; r < t->nrows; r++) {
		if (t->group[r]) {
			group = 1;  /* a group row: numbering may restart */
			continue;
		}
		if ((s = cell_text(&t->cells[r * t->ncols + c], buf,
		    sizeof(buf))) == NULL || (*s != '\0' &&
		    !cell_is_number(s)))
			return 'l';
		if (*s == '\0')
			continue;
		n++;
		v = strtol(s, NULL, 10);
		if ((v != prev + 1 && (v != 1 || !group)) ||
		    strspn(s, "0123456789") != strlen(s))
			seq = 0;
		prev = v;
		group = 0;
	}
	if (n == 0)
		return 'l';
	return seq ? 'c' : 'r';
}

/* The alignment of column c's body cells (contract in doc.h). */
char
doc_table_align(const struct doc_table *t, size_t c)
{
	return t->align != NULL ? t->align[c] : column_align(t, c);
}

/* Is row r a totals row (contract in doc.h)? */
int
doc_table_total(const struct doc_table *t, size_t r)
{
	static const char *const lab[] = { "Tổng cộng", "TỔNG CỘNG",
	    "Tổng Cộng", "tổng cộng", "Cộng", "CỘNG", "cộng", NULL };
	char		 buf[CELL_NUM_MAX];
	const char	*s;
	size_t		 c, i, k;

	for (c = 0; c < 2 && c < t->ncols; c++) {
		if ((s = cell_text(&t->cells[r * t->ncols + c], buf,
		    sizeof(buf))) == NULL)
			continue;
		for (i = 0; lab[i] != NULL; i++) {
			k = strlen(lab[i]);
			if (strncmp(s, lab[i], k) == 0 && (s[k] == '\0' ||
			    (s[k] == ':' && s[k + 1] == '\0')))
				return 1;
		}
	}
	return 0;
}
