/*
 * layout_table.c - a table as rows of the vertical list.  Each table row
 * becomes one slice per text line (all cells share the table's leading),
 * so the paginator can split a tall row between two lines and never
 * inside one; header slices are kept to repeat them on every page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "layout/layout_int.h"

#define CELL_PADX_PT 4.0
#define CELL_PADT_PT 2.0
#define CELL_PADB_PT 3.5

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

static int
inline_empty(const struct doc_inline *in)
{
	size_t i;

	for (i = 0; i < in->n; i++)
		if (strspn(in->runs[i].text, " \n") != strlen(in->runs[i].text))
			return 0;
	return 1;
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
			if (r >= t->header_rows && c > 0 && doc_is_roman(
			    t->cells[r * t->ncols].n ?
			    t->cells[r * t->ncols].runs[0].text : ""))
				continue;
			cell_widths(L->lf, &t->cells[r * t->ncols + c],
			    t->size_pt, &n, &wd);
			if (r < t->header_rows) {
				n *= 1.1;   /* set bold */
				wd *= 1.1;
			}
			n += 2 * CELL_PADX_PT + 1;
			wd += 2 * CELL_PADX_PT + 1;
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

int
layout_table(struct lctx *L, const struct doc_block *b)
{
	const struct doc_table	*t = b->table;
	size_t			 nc = t->ncols, r, c, i;
	double			 size = t->size_pt, lead = size * 1.15;
	double			 base = lead - size * 0.25;
	double			*w, *x, total;
	struct lb_result	*res;
	struct doc_inline	*ins;   /* the cells of a row, faces set */
	double			*cwid;  /* width of each cell (spans) */
	char			*al;    /* alignment of each cell */
	struct ltable		*tb;
	int			 tid, rc = -1, keep_next = 0;

	w = calloc(nc, sizeof(double));
	x = calloc(nc + 1, sizeof(double));
	res = calloc(nc, sizeof(*res));
	ins = calloc(nc, sizeof(*ins));
	cwid = calloc(nc, sizeof(double));
	al = calloc(nc, 1);
	if (w == NULL || x == NULL || res == NULL || ins == NULL ||
	    cwid == NULL || al == NULL)
		goto done;
	if ((total = table_widths(L, b, w)) < 0)
		goto done;
	for (c = 0; c < nc; c++)
		if (w[c] < MM_PT(5)) {
			diag_add(L->d, DIAG_ERROR, L->doc->name, b->line,
			    b->col, "column %zu of the table is %.1f mm wide; "
			    "a column needs at least 5 mm", c + 1,
			    w[c] * 25.4 / 72);
			goto done;
		}
	x[0] = L->left_pt + (L->width_pt - total) / 2;
	for (c = 0; c < nc; c++)
		x[c + 1] = x[c] + w[c];
	if (vb_grow((void **)&L->tables, &L->captables, L->ntables + 1,
	    sizeof(*L->tables)) != 0)
		goto done;
	tb = &L->tables[L->ntables++];
	tid = (int)L->ntables;
	tb->x0_pt = x[0];
	tb->x1_pt = x[nc];
	tb->hdr0 = tb->hdr1 = L->nrows;
	for (r = 0; r < t->nrows; r++) {
		const struct doc_inline	*row = &t->cells[r * nc];
		int			 header = r < t->header_rows;
		int			 group = 0, span = 0;
		size_t			 nlines = 1;

		if (!header && row[0].n == 1 && doc_is_roman(row[0].runs[0].text)) {
			group = 1;
			span = nc > 2;
			for (c = 2; c < nc; c++)
				if (!inline_empty(&row[c]))
					span = 0;
		}
		for (c = 0; c < nc; c++) {
			double cw = w[c];

			memset(&res[c], 0, sizeof(res[c]));
			memset(&ins[c], 0, sizeof(ins[c]));
			cwid[c] = cw;
			if (span && c >= 2)
				continue;
			if (span && c == 1)
				cwid[c] = cw = x[nc] - x[1];
			al[c] = header ? 'c' : t->align ? t->align[c] : 'l';
			if (group && c == 1)
				al[c] = 'l';
			/* The lines point into ins[c]: it lives until the
			 * row's slices are drawn. */
			if (inline_face(&row[c], header || group ? DOC_BOLD : 0,
			    &ins[c]) == -1 ||
			    lb_break(L->lf, &ins[c], size, cw - 2 * CELL_PADX_PT,
			    0, al[c] == 'j', &res[c]) == -1)
				goto done;
			if (res[c].n > nlines)
				nlines = res[c].n;
		}
		for (i = 0; i < nlines; i++) {
			size_t		 i0 = lrow_begin(L);
			double		 top = i == 0 ? CELL_PADT_PT : 0;
			double		 h = lead + top +
			    (i + 1 == nlines ? CELL_PADB_PT : 0);
			int		 keep;
			struct vrow	*v;

			for (c = 0; c < nc; c++) {
				const struct lb_line *ln;
				double lx;

				if (i >= res[c].n)
					continue;
				ln = &res[c].lines[i];
				lx = x[c] + CELL_PADX_PT;
				if (al[c] == 'c')
					lx += (cwid[c] - 2 * CELL_PADX_PT -
					    ln->width_pt) / 2;
				else if (al[c] == 'r')
					lx += cwid[c] - 2 * CELL_PADX_PT -
					    ln->width_pt;
				if (lrow_line(L, ln, lx, top + base, size) == -1)
					goto done;
			}
			if (header)
				keep = r > 0 || i > 0;
			else if (i == 0)
				keep = keep_next || r == t->header_rows;
			else
				keep = nlines <= 3 || i == 1 || i + 1 == nlines;
			v = lrow_end(L, i0, h, r == 0 && i == 0 ?
			    PARA_AFTER_PT : 0, keep);
			if (v == NULL)
				goto done;
			v->table = tid;
			v->header = header;
			v->top_rule = i == 0;
			v->vx0 = L->nvx;
			for (c = 0; c <= nc; c++) {
				if (span && c >= 2 && c < nc)
					continue;
				if (push_vx(L, x[c]) == -1)
					goto done;
			}
			v->nvx = L->nvx - v->vx0;
		}
		keep_next = group;
		for (c = 0; c < nc; c++) {
			lb_result_free(&res[c]);
			doc_inline_free(&ins[c]);
		}
		if (header)
			L->tables[tid - 1].hdr1 = L->nrows;
	}
	L->next_before = PARA_AFTER_PT;
	rc = 0;
done:
	for (c = 0; res != NULL && ins != NULL && c < nc; c++) {
		lb_result_free(&res[c]);
		doc_inline_free(&ins[c]);
	}
	free(w);
	free(x);
	free(res);
	free(ins);
	free(cwid);
	free(al);
	return rc;
}
