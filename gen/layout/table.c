/*
 * layout_table.c - a table as rows of the vertical list.  Each table row
 * becomes one slice per text line (all cells share the table's leading),
 * so the paginator can split a tall row between two lines and never
 * inside one; header slices are kept to repeat them on every page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "layout/layout_int.h"

/* A justified cell whose word gaps would pass this (in ems; a space is
 * 0.25 em, stretching by 0.6 of it per unit of ratio) is set ragged-right
 * instead: a narrow column justified had gaps of 0.81 em. */
#define CELL_GAP_MAX_EM 0.5
#define CELL_RATIO_MAX ((CELL_GAP_MAX_EM / 0.25 - 1) / 0.6)
#define ROW_SPLIT_LINES 4   /* a body row of this many lines or more may
			     * be split between pages (two lines at least
			     * on each side); a shorter one stays whole */

/* A copy of in with every run's face OR'ed with face. */
static int
inline_face(const struct doc_inline *in, int face, struct doc_inline *out)
{
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < in->n; i++)
		if (doc_inline_add(out, in->runs[i].text,
		    strlen(in->runs[i].text), in->runs[i].face | face,
		    in->runs[i].sup) == -1)
			return -1;
	return 0;
}

/* Natural one-line width and widest word of a cell, pt. */
static void
cell_widths(const struct layout_font *lf, const struct doc_inline *in,
    double size, double *nat, double *word)
{
	size_t i;

	*nat = *word = 0;
	for (i = 0; i < in->n; i++) {
		const char	*p = in->runs[i].text;
		int		 face = in->runs[i].face;

		*nat += layout_width(lf, face, size, p, strlen(p));
		while (*p != '\0') {
			size_t k = strcspn(p, " \n");
			double w = layout_width(lf, face, size, p, k);

			if (w > *word)
				*word = w;
			p += k;
			p += strspn(p, " \n");
		}
	}
}

/*
 * Column widths in pt into w (ncols), from the options or the content.
 * Returns the total, or -1 after an error (the table is too wide).
 */
static double
table_widths(struct lctx *L, const struct doc_block *b, double *w)
{
	const struct doc_table	*t = b->table;
	double			 W = L->width_pt, total = 0, summin = 0,
	    sumnat = 0;
	double			*nat, *mn;
	size_t			 c, r;

	if (t->has_widths) {
		for (c = 0; c < t->ncols; c++)
			total += t->widths[c];
		if (t->widths_mm) {
			for (c = 0; c < t->ncols; c++)
				w[c] = MM_PT(t->widths[c]);
			if (MM_PT(total) > W + 0.5) {
				diag_add(L->d, DIAG_ERROR, L->doc->name,
				    b->line, b->col, "the table is %.0f mm "
				    "wide; the text width is %.0f mm (narrow "
				    "the columns, or put the table in an annex "
				    "set to landscape: <!-- annex landscape -->)",
				    total, W * 25.4 / 72);
				return -1;
			}
			return MM_PT(total);
		}
		for (c = 0; c < t->ncols; c++)
			w[c] = t->widths[c] / total * W;
		return W;
	}
	nat = calloc(t->ncols, sizeof(double));
	mn = calloc(t->ncols, sizeof(double));
	if (nat == NULL || mn == NULL) {
		free(nat);
		free(mn);
		return -1;
	}
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			double n, wd;

			/* A group title spans: it does not size its column. */
			if (c > 0 && t->group[r])
				continue;
			cell_widths(L->lf, &t->cells[r * t->ncols + c],
			    t->size_pt, &n, &wd);
			if (r < t->header_rows) {
				n *= 1.1;   /* set bold */
				wd *= 1.1;
			}
			n += 2 * ND30_CELL_PADX_PT + 1;
			wd += 2 * ND30_CELL_PADX_PT + 1;
			if (wd > W * 0.3)
				wd = W * 0.3;   /* longer words break */
			if (n > nat[c])
				nat[c] = n;
			if (wd > mn[c])
				mn[c] = wd;
		}
	for (c = 0; c < t->ncols; c++) {
		if (nat[c] < mn[c])
			nat[c] = mn[c];
		summin += mn[c];
		sumnat += nat[c];
	}
	if (summin > W + 0.5) {
		diag_add(L->d, DIAG_ERROR, L->doc->name, b->line, b->col,
		    "the table's %zu columns need %.0f mm; the text width is "
		    "%.0f mm (give widths=, or put the table in an annex set "
		    "to landscape: <!-- annex landscape -->)", t->ncols,
		    summin * 25.4 / 72, W * 25.4 / 72);
		free(nat);
		free(mn);
		return -1;
	}
	for (c = 0; c < t->ncols; c++) {
		if (sumnat <= W)   /* all fits: share the rest */
			w[c] = nat[c] * W / sumnat;
		else	/* shrink each column between its minimum and natural */
			w[c] = mn[c] + (nat[c] - mn[c]) * (W - summin) /
			    (sumnat - summin);
	}
	free(nat);
	free(mn);
	return W;
}

static int
push_vx(struct lctx *L, double x)
{
	if (vb_grow((void **)&L->vx, &L->capvx, L->nvx + 1,
	    sizeof(*L->vx)) != 0)
		return -1;
	L->vx[L->nvx++] = x;
	return 0;
}

/* A table being laid out: its geometry and one row's cells at a time. */
struct tlay {
	const struct doc_table	*t;
	size_t			 nc;     /* columns */
	double			 size;   /* font size, pt */
	double			 lead;   /* line pitch, pt */
	double			 base;   /* baseline under a line's top, pt */
	double			*w;      /* nc column widths, pt */
	double			*x;      /* nc + 1 column edges, pt */
	struct lb_result	*res;    /* the row's cells broken into lines */
	struct doc_inline	*ins;    /* the row's cells, faces set */
	double			*cwid;   /* width of each cell (spans), pt */
	char			*al;     /* alignment of each cell */
	char			*colal;  /* body alignment of each column:
					  * align=, or by its content */
	double			*rpad;   /* right-aligned columns: space
					  * right of the numbers, pt */
	int			 tid;    /* 1-based index in L->tables */
	int			 group;  /* a group row (I, II ...) */
	int			 span;   /* its title spans the empty cells */
	size_t			 nlines; /* lines of its tallest cell */
	int			 hwhole; /* the header rows take at most
					  * half a page: each drawn whole */
};

/* Free the cells of the row in T (their lines point into them). */
static void
trow_free(struct tlay *T)
{
	size_t c;

	for (c = 0; T->res != NULL && T->ins != NULL && c < T->nc; c++) {
		lb_result_free(&T->res[c]);
		doc_inline_free(&T->ins[c]);
		memset(&T->ins[c], 0, sizeof(T->ins[c]));
	}
}

/* Set T up for table t: its size and leading, its per-column arrays
 * and the columns' alignment.  0, or -1 (memory; tlay_free frees what
 * was got). */
static int
tlay_init(struct tlay *T, const struct doc_table *t)
{
	size_t nc = t->ncols, c;

	memset(T, 0, sizeof(*T));
	T->t = t;
	T->nc = nc;
	T->size = t->size_pt;
	T->lead = T->size * 1.15;
	T->base = T->lead - T->size * 0.25;
	T->w = calloc(nc, sizeof(double));
	T->x = calloc(nc + 1, sizeof(double));
	T->res = calloc(nc, sizeof(*T->res));
	T->ins = calloc(nc, sizeof(*T->ins));
	T->cwid = calloc(nc, sizeof(double));
	T->al = calloc(nc, 1);
	T->colal = calloc(nc, 1);
	T->rpad = calloc(nc, sizeof(double));
	if (T->w == NULL || T->x == NULL || T->res == NULL || T->ins == NULL ||
	    T->cwid == NULL || T->al == NULL || T->colal == NULL ||
	    T->rpad == NULL)
		return -1;
	for (c = 0; c < nc; c++)
		T->colal[c] = doc_table_align(t, c);
	return 0;
}

/* Free everything T holds: the row's cells and the table's arrays. */
static void
tlay_free(struct tlay *T)
{
	trow_free(T);
	free(T->w);
	free(T->x);
	free(T->res);
	free(T->ins);
	free(T->cwid);
	free(T->al);
	free(T->colal);
	free(T->rpad);
}

/*
 * A right-aligned column (numbers) keeps its numbers right-aligned among
 * themselves but centres their block under the centred heading: the
 * widest body cell's width decides the space left right of them all
 * (T->rpad).  Right against the cell's edge, the numbers of a wide
 * column stood far from their heading.
 */
static void
table_num_centre(struct lctx *L, struct tlay *T)
{
	const struct doc_table	*t = T->t;
	size_t			 r, c;

	for (c = 0; c < T->nc; c++) {
		double inner = T->w[c] - 2 * ND30_CELL_PADX_PT, widest = 0;

		T->rpad[c] = 0;
		if (T->colal[c] != 'r')
			continue;
		for (r = t->header_rows; r < t->nrows; r++) {
			const struct doc_inline *in = &t->cells[r * t->ncols + c];
			double nat, word;
			size_t i;

			cell_widths(L->lf, in, T->size, &nat, &word);
			for (i = 0; doc_table_total(t, r) && i < in->n; i++)
				nat += layout_width(L->lf, DOC_BOLD, T->size,
				    in->runs[i].text, strlen(in->runs[i].text)) -
				    layout_width(L->lf, in->runs[i].face,
				    T->size, in->runs[i].text,
				    strlen(in->runs[i].text));
			if (nat > widest)
				widest = nat;
		}
		if (widest > 0 && widest < inner)
			T->rpad[c] = (inner - widest) / 2;
	}
}

/* A cell's lines: justified (just) unless a line's word gaps would pass
 * CELL_GAP_MAX_EM, then ragged-right, as any other alignment. */
static int
tcell_break(struct lctx *L, const struct doc_inline *in, double size,
    double width, int just, struct lb_result *res)
{
	size_t i;

	if (lb_break(L->lf, in, size, width, 0, (just ? 1 : LB_RAGGED) |
	    LB_CELL, res) == -1)
		return -1;
	if (!just)
		return 0;
	for (i = 0; i < res->n; i++)
		if (res->lines[i].ratio > CELL_RATIO_MAX)
			break;
	if (i == res->n)
		return 0;
	lb_result_free(res);
	memset(res, 0, sizeof(*res));
	return lb_break(L->lf, in, size, width, 0, LB_RAGGED | LB_CELL, res);
}

/* Break the cells of row r into lines: T->res, T->nlines, the group
 * and span flags.  0, or -1 (memory). */
static int
trow_break(struct lctx *L, struct tlay *T, size_t r, int header)
{
	const struct doc_inline	*row = &T->t->cells[r * T->nc];
	size_t			 c, nc = T->nc;
	int			 bold;

	T->group = T->span = 0;
	T->nlines = 1;
	bold = header || (!header && doc_table_total(T->t, r));
	if (!header) {
		T->group = (T->t->group[r] & DOC_GROUP) != 0;
		T->span = (T->t->group[r] & DOC_GROUP_SPAN) != 0;
	}
	for (c = 0; c < nc; c++) {
		double cw = T->w[c];

		memset(&T->res[c], 0, sizeof(T->res[c]));
		memset(&T->ins[c], 0, sizeof(T->ins[c]));
		T->cwid[c] = cw;
		if (T->span && c >= 2)
			continue;
		if (T->span && c == 1)
			T->cwid[c] = cw = T->x[nc] - T->x[1];
		T->al[c] = header ? 'c' : T->colal[c];
		if (T->group && c == 1)
			T->al[c] = 'l';
		/* The lines point into ins[c]: it lives until the row's
		 * slices are drawn. */
		if (inline_face(&row[c], bold || T->group ? DOC_BOLD : 0,
		    &T->ins[c]) == -1 ||
		    tcell_break(L, &T->ins[c], T->size,
		    cw - 2 * ND30_CELL_PADX_PT, T->al[c] == 'j',
		    &T->res[c]) == -1)
			return -1;
		if (T->res[c].n > T->nlines)
			T->nlines = T->res[c].n;
	}
	return 0;
}

/* Line i of cell c of the row in T at baseline y of the current row of
 * the vertical list. */
static int
tcell_line(struct lctx *L, struct tlay *T, size_t c, size_t i, double y)
{
	const struct lb_line	*ln = &T->res[c].lines[i];
	double			 lx = T->x[c] + ND30_CELL_PADX_PT;

	if (T->al[c] == 'c')
		lx += (T->cwid[c] - 2 * ND30_CELL_PADX_PT - ln->width_pt) / 2;
	else if (T->al[c] == 'r')
		lx += T->cwid[c] - 2 * ND30_CELL_PADX_PT - ln->width_pt -
		    T->rpad[c];
	return lrow_line(L, ln, lx, y, T->size);
}

/* Line i of every cell of the row in T into the current row of the
 * vertical list, top: the cell padding above it.  A header row drawn
 * whole (its slices stay together) comes with its first line, each cell
 * centred on the row's height: a one-line heading beside a three-line
 * one sits on its middle line, not at the top. */
static int
trow_line(struct lctx *L, struct tlay *T, size_t i, double top, int header)
{
	size_t c, j;

	for (c = 0; c < T->nc; c++) {
		double off = header ? (double)(T->nlines - T->res[c].n) *
		    T->lead / 2 : 0;

		if (header && i > 0)
			break;
		for (j = header ? 0 : i; j < T->res[c].n &&
		    (header || j == i); j++)
			if (tcell_line(L, T, c, j, top + off + T->base +
			    (double)(j - (header ? 0 : i)) * T->lead) == -1)
				return -1;
	}
	return 0;
}

/*
 * The row r of T (broken by trow_break) as one slice of the vertical
 * list per line, each with its grid lines.  keep_first: keep its first
 * slice with the row above.  0, or -1 (memory).
 */
static int
trow_slices(struct lctx *L, struct tlay *T, size_t r, int header,
    int keep_first)
{
	size_t	 i, c, nc = T->nc, nlines = T->nlines;
	/* Header rows are drawn whole (centred) unless so tall that their
	 * slices may be cut across pages. */
	int	 whole = header && T->hwhole;

	for (i = 0; i < nlines; i++) {
		size_t		 i0 = lrow_begin(L);
		double		 top = i == 0 ? ND30_CELL_PADT_PT : 0;
		double		 h = T->lead + top +
		    (i + 1 == nlines ? ND30_CELL_PADB_PT : 0);
		int		 keep;
		struct vrow	*v;

		if (trow_line(L, T, i, top, whole) == -1)
			return -1;
		if (header)
			keep = r > 0 || i > 0;
		else if (i == 0)
			keep = keep_first || r == T->t->header_rows;
		else
			keep = nlines < ROW_SPLIT_LINES || i == 1 ||
			    i + 1 == nlines;
		v = lrow_end(L, i0, h, r == 0 && i == 0 ?
		    ND30_PARA_AFTER_PT : 0, keep);
		if (v == NULL)
			return -1;
		v->table = T->tid;
		v->header = header;
		v->top_rule = i == 0;
		v->vx0 = L->nvx;
		for (c = 0; c <= nc; c++) {
			if (T->span && c >= 2 && c < nc)
				continue;
			if (push_vx(L, T->x[c]) == -1)
				return -1;
		}
		v->nvx = L->nvx - v->vx0;
	}
	return 0;
}

/* Column widths and edges of table b into T->w, T->x; 0, or -1 after a
 * message. */
static int
table_columns(struct lctx *L, const struct doc_block *b, struct tlay *T)
{
	double	*w = T->w, total;
	size_t	 c;

	if ((total = table_widths(L, b, w)) < 0)
		return -1;
	for (c = 0; c < T->nc; c++)
		if (w[c] < MM_PT(5)) {
			diag_add(L->d, DIAG_ERROR, L->doc->name, b->line,
			    b->col, "column %zu of the table is %.1f mm wide; "
			    "a column needs at least 5 mm", c + 1,
			    w[c] * 25.4 / 72);
			return -1;
		}
	T->x[0] = L->left_pt + (L->width_pt - total) / 2;
	for (c = 0; c < T->nc; c++)
		T->x[c + 1] = T->x[c] + w[c];
	return 0;
}

/*
 * The header rows of table b (just laid out) are repeated on every page
 * the table continues on, unless they leave no room for one line of a
 * body row under them: then they are set once, where the table starts,
 * not repeated (a page of nothing but a header would follow a page of
 * nothing but a header), and a warning says so.
 */
static void
table_header_check(struct lctx *L, const struct doc_block *b,
    const struct tlay *T)
{
	struct ltable	*tb = &L->tables[T->tid - 1];
	double		 h = 0, avail = L->bottom_pt - L->top_pt;
	size_t		 i;

	for (i = tb->hdr0; i < tb->hdr1; i++)
		h += L->rows[i].h_pt;
	if (h + T->lead + ND30_CELL_PADT_PT + ND30_CELL_PADB_PT <= avail + 0.01)
		return;
	tb->hdr1 = tb->hdr0;
	diag_add(L->d, DIAG_WARNING, L->doc->name, b->line, b->col,
	    "the table's %zu header rows are %.0f mm tall and leave no room "
	    "for a body row on a page of %.0f mm; they are set once and not "
	    "repeated on the next pages (give fewer header= rows, or "
	    "shorter headings)", T->t->header_rows, h * 25.4 / 72,
	    avail * 25.4 / 72);
}

/* Set T->hwhole: the header rows take at most half a page, so they
 * never break across pages.  0, or -1 (memory). */
static int
header_whole(struct lctx *L, struct tlay *T)
{
	double	 h = 0;
	size_t	 r;

	for (r = 0; r < T->t->header_rows && r < T->t->nrows; r++) {
		if (trow_break(L, T, r, 1) == -1)
			return -1;
		h += (double)T->nlines * T->lead + ND30_CELL_PADT_PT +
		    ND30_CELL_PADB_PT;
		trow_free(T);
	}
	T->hwhole = h <= (L->bottom_pt - L->top_pt) / 2;
	return 0;
}

int
layout_table(struct lctx *L, const struct doc_block *b)
{
	struct tlay	 T;
	struct ltable	*tb;
	size_t		 r, nc = b->table->ncols;
	int		 rc = -1, keep_next = 0;

	if (tlay_init(&T, b->table) == -1 || table_columns(L, b, &T) == -1)
		goto done;
	table_num_centre(L, &T);
	if (vb_grow((void **)&L->tables, &L->captables, L->ntables + 1,
	    sizeof(*L->tables)) != 0)
		goto done;
	tb = &L->tables[L->ntables++];
	T.tid = (int)L->ntables;
	tb->x0_pt = T.x[0];
	tb->x1_pt = T.x[nc];
	tb->hdr0 = tb->hdr1 = L->nrows;
	if (header_whole(L, &T) == -1)
		goto done;
	for (r = 0; r < T.t->nrows; r++) {
		int header = r < T.t->header_rows;

		if (trow_break(L, &T, r, header) == -1 ||
		    trow_slices(L, &T, r, header, keep_next) == -1)
			goto done;
		keep_next = T.group;
		trow_free(&T);
		if (header)
			L->tables[T.tid - 1].hdr1 = L->nrows;
		if (header && r + 1 == T.t->header_rows)
			table_header_check(L, b, &T);
	}
	L->next_before = ND30_PARA_AFTER_PT;
	rc = 0;
done:
	tlay_free(&T);
	return rc;
}

/* A layout context for one table alone on a portrait or landscape page
 * (as section_geometry in page.c sets the text width).  0, or -1
 * (memory). */
static int
table_alone(struct lctx *L, const struct doc *doc,
    const struct layout_font *lf, int landscape)
{
	memset(L, 0, sizeof(*L));
	L->doc = doc;
	L->lf = lf;
	L->width_pt = (landscape ? ND30_PAGE_H_PT : ND30_PAGE_W_PT) -
	    ND30_MARGIN_LEFT_PT - ND30_MARGIN_RIGHT_PT;
	return (L->d = diag_new()) == NULL ? -1 : 0;
}

/*
 * The column widths layout_table draws table block b with, on a portrait
 * or landscape page, in pt into w (ncols): from widths= or sized by the
 * content.  For a writer whose reader sets the table itself (DOCX).
 * Returns the table's width, pt, or -1 (too wide for the page, or
 * memory).
 */
double
layout_table_widths(const struct doc *doc, const struct layout_font *lf,
    const struct doc_block *b, int landscape, double *w)
{
	struct lctx	 L;
	double		 total = -1;

	if (table_alone(&L, doc, lf, landscape) == 0)
		total = table_widths(&L, b, w);
	diag_free(L.d);
	return total;
}

/*
 * Which body rows of table block b, on a portrait or landscape page, may
 * be split between pages: the same columns, cell lines and rule as
 * layout_table's (a row of ROW_SPLIT_LINES lines or more).  split gets
 * one flag per row of the table (header rows 0).  For a writer whose
 * reader paginates (DOCX).  0 (every flag 0 when the table does not fit
 * the page), or -1 (memory).
 */
int
layout_table_splits(const struct doc *doc, const struct layout_font *lf,
    const struct doc_block *b, int landscape, unsigned char *split)
{
	struct lctx	 L;
	struct tlay	 T;
	size_t		 r;
	int		 rc = -1;

	memset(split, 0, b->table->nrows);
	memset(&T, 0, sizeof(T));
	if (table_alone(&L, doc, lf, landscape) == -1 ||
	    tlay_init(&T, b->table) == -1)
		goto done;
	if (table_columns(&L, b, &T) == -1) {
		rc = diag_errors(L.d) > 0 ? 0 : -1;   /* too wide: none */
		goto done;
	}
	for (r = T.t->header_rows; r < T.t->nrows; r++) {
		if (trow_break(&L, &T, r, 0) == -1)
			goto done;
		split[r] = T.nlines >= ROW_SPLIT_LINES;
		trow_free(&T);
	}
	rc = 0;
done:
	tlay_free(&T);
	diag_free(L.d);
	return rc;
}
