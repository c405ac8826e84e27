/*
 * tgrid.c - the sheet grid both workbook readers fill (struct tgrid,
 * table.h): cells arrive in any order, each checked (control characters
 * left out with a warning, the TABLE_MAX_* limits on cells and text),
 * and tgrid_finish applies the rules of a table read from a sheet:
 * merged headings spread over their columns, hidden rows left out with a
 * warning, blank rows and empty trailing columns dropped, every row as
 * wide as the widest (within TABLE_MAX_GRID cells).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "input/input.h"
#include "input/table.h"

#define TABLE_HEAD_ROWS	10	/* rows a merged heading may span */
#define TABLE_MAX_HIDDEN_MSG 10	/* hidden rows (and cells with control
				   characters) named one by one */

void
tgrid_init(struct tgrid *g, const char *name, struct diag *d)
{
	memset(g, 0, sizeof(*g));
	/* The '!' makes diag name the cells as Excel does (F23). */
	if (asprintf(&g->own, "%s!", name) < 0)
		g->own = NULL;
	g->name = g->own != NULL ? g->own : name;
	g->d = d;
}

void
tgrid_free(struct tgrid *g)
{
	size_t i, j;

	for (i = 0; i < g->nrows; i++) {
		for (j = 0; j < g->rows[i].n; j++)
			free(g->rows[i].c[j].val);
		free(g->rows[i].c);
	}
	free(g->rows);
	free(g->m);
	free(g->own);
	g->own = NULL;
	g->rows = NULL;
	g->m = NULL;
	g->nrows = g->caprows = g->nm = g->capm = 0;
}

/* The row numbered r: the last one if it has that number (cells come in
 * row order), else a new one at the end (sorted in tgrid_finish). */
static struct tgrid_row *
tgrid_row(struct tgrid *g, long r)
{
	struct tgrid_row *w;

	if (g->nrows > 0 && g->rows[g->nrows - 1].r == r)
		return &g->rows[g->nrows - 1];
	if (vb_grow((void **)&g->rows, &g->caprows, g->nrows + 1,
	    sizeof(*g->rows)) != 0) {
		g->oom = 1;
		return NULL;
	}
	w = &g->rows[g->nrows++];
	memset(w, 0, sizeof(*w));
	w->r = r;
	return w;
}

static int
tgrid_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
	    c == '\f' || c == '\v';
}

/* Line ends inside a cell (Alt+Enter; "_x000D_" + LF) as LF, as
 * text_read_* gives them. */
static void
tgrid_lf(char *s)
{
	char *o = s;

	for (; *s != '\0'; s++) {
		if (*s == '\r') {
			if (s[1] != '\n')
				*o++ = '\n';
		} else
			*o++ = *s;
	}
	*o = '\0';
}

/* Are the n bytes at s valid UTF-8 (without NUL)? */
static int
tgrid_utf8(const char *s, size_t n)
{
	utf8proc_int32_t	cp;
	utf8proc_ssize_t	k;

	while (n > 0) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, &cp);
		if (k <= 0 || cp == 0)
			return 0;
		s += k;
		n -= (size_t)k;
	}
	return 1;
}

/* The control character at s (n bytes left: C0 but tab, LF and CR;
 * DEL; C1 in UTF-8), or 0 when there is none; its bytes in *len. */
static unsigned
tgrid_ctl_at(const char *s, size_t n, size_t *len)
{
	unsigned char c = (unsigned char)s[0];

	*len = 1;
	if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
		return c;
	if (c == 0xC2 && n > 1 && (unsigned char)s[1] >= 0x80 &&
	    (unsigned char)s[1] <= 0x9F) {
		*len = 2;
		return (unsigned char)s[1];
	}
	return 0;
}

/* Is the n bytes at val UTF-8 read as Windows-1252 (mojibake.c), whose
 * C1 controls stand for the bytes Windows-1252 leaves undefined? */
static int
tgrid_mojibake(const char *val, size_t n)
{
	char	*s, *f = NULL;

	if ((s = strndup(val, n)) != NULL)
		f = table_mojibake(s);
	free(s);
	free(f);
	return f != NULL;
}

/*
 * The n bytes at val without their control characters (an OOXML
 * "_x001B_", a byte of an .xls), each dropped with a warning naming the
 * cell: in *copy (malloc'd; NULL when val has none), its length in *n.
 * A cell that is UTF-8 read as Windows-1252 keeps its C1 controls (the
 * table is then refused as such: table_check_mojibake).  -1 on OOM.
 */
static int
tgrid_ctl(struct tgrid *g, long r, unsigned col, const char *val,
    size_t *n, char **copy)
{
	char		cn[8];
	size_t		i, k, o = 0;
	unsigned	cp, first = 0;
	int		c1 = 1;		/* only those of mojibake */

	*copy = NULL;
	for (i = 0; i < *n; i += k)
		if ((cp = tgrid_ctl_at(val + i, *n - i, &k)) != 0) {
			if (*copy == NULL && (*copy = malloc(*n + 1)) == NULL)
				return -1;
			if (*copy != NULL && o == 0 && first == 0) {
				memcpy(*copy, val, i);
				o = i;
			}
			if (first == 0)
				first = cp;
			c1 &= k == 2 && (cp == 0x81 || cp == 0x8D ||
			    cp == 0x8F || cp == 0x90 || cp == 0x9D);
		} else if (*copy != NULL) {
			memcpy(*copy + o, val + i, k);
			o += k;
		}
	if (*copy == NULL)
		return 0;
	if (c1 && tgrid_mojibake(val, *n)) {
		free(*copy);
		*copy = NULL;
		return 0;
	}
	*n = o;
	if (g->nctl++ < TABLE_MAX_HIDDEN_MSG) {
		table_col_name(col, cn);
		diag_add(g->d, DIAG_WARNING, g->name, (int)r, 0, "cell %s%ld "
		    "holds a control character (U+%04X), which is left out",
		    cn, r, first);
	}
	return 0;
}

/* Keep the n bytes at val (trimmed, no control character) as the cell
 * of row r, column col: NFC, line ends as LF. */
static int
tgrid_store(struct tgrid *g, long r, unsigned col, const char *val,
    size_t n)
{
	struct tgrid_row	*w;
	char			 cn[8];
	char			*v;
	size_t			 i;

	if ((w = tgrid_row(g, r)) == NULL)
		return -1;
	if (vb_grow((void **)&w->c, &w->cap, w->n + 1, sizeof(*w->c)) != 0) {
		g->oom = 1;
		return -1;
	}
	for (i = 0; i < n && (unsigned char)val[i] < 0x80 && val[i] != 0; i++)
		;
	if (i == n && (v = malloc(n + 1)) != NULL) {	/* ASCII: NFC */
		memcpy(v, val, n);
		v[n] = '\0';
	} else if (i == n)
		v = NULL;
	else
		v = text_nfc(val, n, NULL);
	if (v == NULL && i == n) {
		g->oom = 1;
		return -1;
	}
	if (v == NULL) {
		if (tgrid_utf8(val, n)) {
			g->oom = 1;
			return -1;
		}
		table_col_name(col, cn);
		diag_add(g->d, DIAG_ERROR, g->name, (int)r, 0, "the workbook "
		    "is damaged: the text of cell %s%ld is not valid UTF-8",
		    cn, r);
		g->failed = 1;
		return -1;
	}
	tgrid_lf(v);
	w->c[w->n].col = col;
	w->c[w->n++].val = v;
	return 0;
}

/* Is the cell (r, col) of n more bytes within the limits?  If not, say
 * which and fail the grid. */
static int
tgrid_within(struct tgrid *g, long r, unsigned col, size_t n)
{
	char cn[8];

	if (r < 1 || r > TABLE_MAX_ROWS || col >= TABLE_MAX_COLS) {
		table_col_name(col < 18278 ? col : 18277, cn);
		diag_add(g->d, DIAG_ERROR, g->name, r > 0 && r < 2000000000L ?
		    (int)r : 0, 0, "cell %s%ld is beyond the last cell a table "
		    "may use (row %d, column %d): delete what lies outside the "
		    "table, or split the sheet", cn, r, TABLE_MAX_ROWS,
		    TABLE_MAX_COLS);
	} else if (++g->ncells > TABLE_MAX_CELLS)
		diag_add(g->d, DIAG_ERROR, g->name, 0, 0, "the sheet has more "
		    "than %d filled cells: split it", TABLE_MAX_CELLS);
	else if ((g->ntext += n) > (size_t)TABLE_MAX_TEXT)
		diag_add(g->d, DIAG_ERROR, g->name, 0, 0, "the cells of the "
		    "sheet hold more than %ld MB of text (merged headings "
		    "counted in every cell they cover): split the sheet",
		    TABLE_MAX_TEXT >> 20);
	else
		return 0;
	g->failed = 1;
	return -1;
}

int
tgrid_put(struct tgrid *g, long r, unsigned col, const char *val, size_t n)
{
	char	*copy;
	int	 rc;

	if (g->failed || g->oom)
		return -1;
	if (tgrid_ctl(g, r, col, val, &n, &copy) != 0) {
		g->oom = 1;
		return -1;
	}
	if (copy != NULL)
		val = copy;
	while (n > 0 && tgrid_blank((unsigned char)val[0])) {
		val++;
		n--;
	}
	while (n > 0 && tgrid_blank((unsigned char)val[n - 1]))
		n--;
	rc = n == 0 ? 0 : tgrid_within(g, r, col, n) != 0 ? -1 :
	    tgrid_store(g, r, col, val, n);
	free(copy);
	return rc;
}

void
tgrid_hide(struct tgrid *g, long r)
{
	struct tgrid_row *w;

	if (r >= 1 && r <= TABLE_MAX_ROWS && (w = tgrid_row(g, r)) != NULL)
		w->hidden = 1;
}

int
tgrid_merge(struct tgrid *g, long r1, unsigned c1, long r2, unsigned c2)
{
	struct tgrid_merge *m;

	if (r1 > r2 || c1 > c2 || g->failed)
		return 0;
	if (g->nm >= TABLE_MAX_MERGES) {
		diag_add(g->d, DIAG_ERROR, g->name, 0, 0, "the sheet has more "
		    "than %d merged ranges: unmerge its cells", TABLE_MAX_MERGES);
		g->failed = 1;
		return 0;
	}
	if (vb_grow((void **)&g->m, &g->capm, g->nm + 1, sizeof(*g->m)) != 0) {
		g->oom = 1;
		return -1;
	}
	m = &g->m[g->nm++];
	m->r1 = r1;
	m->r2 = r2;
	m->c1 = c1;
	m->c2 = c2;
	return 0;
}

static int
tgrid_cmp_row(const void *a, const void *b)
{
	const struct tgrid_row *x = a, *y = b;

	return (x->r > y->r) - (x->r < y->r);
}

static int
tgrid_cmp_cell(const void *a, const void *b)
{
	const struct tgrid_cell *x = a, *y = b;

	if (x->col != y->col)
		return (x->col > y->col) - (x->col < y->col);
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Sort the rows and their cells; merge rows given twice and keep the
 * last value of a cell given twice (a merged heading spread over it). */
static void
tgrid_sort(struct tgrid *g)
{
	struct tgrid_row	*w;
	size_t			 i, j, k;

	if (g->nrows == 0)
		return;
	qsort(g->rows, g->nrows, sizeof(*g->rows), tgrid_cmp_row);
	for (i = 1, k = 0; i < g->nrows; i++) {
		w = &g->rows[k];
		if (g->rows[i].r != w->r)
			g->rows[++k] = g->rows[i];
		else if (g->rows[i].n == 0) {
			w->hidden |= g->rows[i].hidden;
			free(g->rows[i].c);
		} else if (vb_grow((void **)&w->c, &w->cap, w->n +
		    g->rows[i].n, sizeof(*w->c)) != 0) {
			g->oom = 1;	/* freed with the grid */
			g->rows[++k] = g->rows[i];
		} else {
			memcpy(w->c + w->n, g->rows[i].c,
			    g->rows[i].n * sizeof(*w->c));
			w->n += g->rows[i].n;
			w->hidden |= g->rows[i].hidden;
			free(g->rows[i].c);
		}
	}
	g->nrows = k + 1;
	for (i = 0; i < g->nrows; i++) {
		if ((w = &g->rows[i])->n == 0)
			continue;
		for (j = 0; j < w->n; j++)
			w->c[j].seq = (unsigned)j;
		qsort(w->c, w->n, sizeof(*w->c), tgrid_cmp_cell);
		for (j = 1, k = 0; j < w->n; j++) {
			if (w->c[j].col == w->c[k].col) {
				free(w->c[k].val);
				w->c[k] = w->c[j];
			} else
				w->c[++k] = w->c[j];
		}
		if (w->n > 0)
			w->n = k + 1;
	}
}

/* The value at row index i, column c, or NULL. */
static const char *
tgrid_at(const struct tgrid_row *w, unsigned c)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (w->c[i].col == c)
			return w->c[i].val;
	return NULL;
}

/*
 * Spread the merged headings: the first visible row with a value and
 * the rows down to the bottom of the merged ranges starting on it (at
 * most TABLE_HEAD_ROWS) are the header rows; the top-left value of each
 * merged range starting there is copied into its other cells there.
 */
static void
tgrid_spread(struct tgrid *g)
{
	const struct tgrid_merge	*m;
	const char			*v;
	char				*copy;
	size_t				 i, j, top = 0;
	long				 r0 = 0, last, r;
	unsigned			 c;

	for (i = 0; i < g->nrows && r0 == 0; i++)
		if (!g->rows[i].hidden && g->rows[i].n > 0) {
			r0 = g->rows[i].r;
			top = i;
		}
	if (r0 == 0 || g->nm == 0)
		return;
	last = r0;
	for (j = 0; j < g->nm; j++)
		if (g->m[j].r1 == r0 && g->m[j].r2 > last)
			last = g->m[j].r2;
	if (last > r0 + TABLE_HEAD_ROWS - 1)
		last = r0 + TABLE_HEAD_ROWS - 1;
	for (j = 0; j < g->nm; j++) {
		m = &g->m[j];
		if (m->r1 < r0 || m->r1 > last)
			continue;
		for (i = top; i < g->nrows && g->rows[i].r < m->r1; i++)
			;
		if (i == g->nrows || g->rows[i].r != m->r1 ||
		    (v = tgrid_at(&g->rows[i], m->c1)) == NULL ||
		    (copy = strdup(v)) == NULL)
			continue;
		for (r = m->r1; r <= m->r2 && r <= last; r++)
			for (c = m->c1; c <= m->c2 && c < TABLE_MAX_COLS; c++)
				if ((r != m->r1 || c != m->c1) &&
				    tgrid_put(g, r, c, copy, strlen(copy)) != 0)
					break;
		free(copy);
	}
}

/* Warn of the hidden rows that hold values. */
static void
tgrid_warn_hidden(struct tgrid *g)
{
	size_t	i, n = 0;

	for (i = 0; i < g->nrows; i++) {
		if (!g->rows[i].hidden || g->rows[i].n == 0)
			continue;
		if (++n <= TABLE_MAX_HIDDEN_MSG)
			diag_add(g->d, DIAG_WARNING, g->name,
			    (int)g->rows[i].r, 0, "row %ld is hidden in the "
			    "workbook and is left out", g->rows[i].r);
	}
	if (n > TABLE_MAX_HIDDEN_MSG)
		diag_add(g->d, DIAG_WARNING, g->name, 0, 0, "%zu more hidden "
		    "rows are left out", n - TABLE_MAX_HIDDEN_MSG);
	if (g->nctl > TABLE_MAX_HIDDEN_MSG)
		diag_add(g->d, DIAG_WARNING, g->name, 0, 0, "%zu more cells "
		    "hold control characters, which are left out",
		    g->nctl - TABLE_MAX_HIDDEN_MSG);
}

int
tgrid_finish(struct tgrid *g, struct csvt **out)
{
	struct csvt		*t;
	struct csvt_row		*row;
	const struct tgrid_row	*w;
	size_t			 i, j, k, width = 0, n = 0;

	*out = NULL;
	if (!g->failed && !g->oom) {
		tgrid_sort(g);
		tgrid_spread(g);
		tgrid_sort(g);
	}
	if (g->failed)
		return VB_EINPUT;
	if (g->oom)
		goto oom;
	tgrid_warn_hidden(g);
	for (i = 0; i < g->nrows; i++) {
		w = &g->rows[i];
		if (w->hidden || w->n == 0)
			continue;
		n++;
		if (w->c[w->n - 1].col + 1 > width)
			width = w->c[w->n - 1].col + 1;
	}
	if (n == 0)
		return VB_OK;
	if (n * width > TABLE_MAX_GRID) {
		diag_add(g->d, DIAG_ERROR, g->name, 0, 0, "the table would be "
		    "%zu rows of %zu columns, more than the %d cells a table "
		    "may have: delete what lies outside the table (far-off "
		    "cells make every row as wide), or split the sheet", n,
		    width, TABLE_MAX_GRID);
		return VB_EINPUT;
	}
	if ((t = calloc(1, sizeof(*t))) == NULL ||
	    (t->name = strdup(g->name)) == NULL ||
	    (t->rows = calloc(n, sizeof(*t->rows))) == NULL) {
		if (t != NULL)
			free(t->name);
		free(t);
		goto oom;
	}
	t->sep = 0;
	for (i = 0; i < g->nrows; i++) {
		w = &g->rows[i];
		if (w->hidden || w->n == 0)
			continue;
		row = &t->rows[t->nrows++];
		row->line = (int)w->r;
		if ((row->fields = calloc(width, sizeof(char *))) == NULL)
			break;
		row->nfields = width;
		for (j = k = 0; j < width; j++) {
			if (k < w->n && w->c[k].col == j) {
				row->fields[j] = w->c[k].val;
				w->c[k++].val = NULL;
			} else if ((row->fields[j] = strdup("")) == NULL)
				break;
		}
		if (j < width)
			break;
	}
	if (i < g->nrows) {		/* fields not filled are NULL */
		csvt_free(t);
		goto oom;
	}
	*out = t;
	return VB_OK;
oom:
	diag_add(g->d, DIAG_ERROR, g->name, 0, 0, "out of memory");
	return VB_ESYS;
}
