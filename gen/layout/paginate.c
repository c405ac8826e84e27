/*
 * paginate.c - the vertical list cut into pages: each page filled until a
 * row does not fit, then broken before the last row that allows a break
 * (widows and orphans, headings kept with what follows, the signature
 * kept with the end of the body), a table's header rows repeated on the
 * pages it continues on, page numbers in the top margin from page 2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "layout/layout_int.h"

/* Height of the header rows of table t (1-based). */
static double
header_h(const struct lctx *L, int t)
{
	const struct ltable	*tb = &L->tables[t - 1];
	double			 h = 0;
	size_t			 i;

	for (i = tb->hdr0; i < tb->hdr1; i++)
		h += L->rows[i].h_pt;
	return h;
}

/* Copy the items of row r whose x is in [xlo, xhi) to the page at y. */
static void
emit_items(struct lctx *L, size_t r, double y, double xlo, double xhi)
{
	const struct vrow	*v = &L->rows[r];
	size_t			 i;

	for (i = v->i0; i < v->i1; i++) {
		const struct dl_item	*it = &L->tmp->v[i];
		struct dl_item		*o;

		if (it->x_pt < xlo || it->x_pt >= xhi)
			continue;
		o = dl_add(L->out, it->kind, it->x_pt, it->y_pt + y, it->x2_pt,
		    it->kind == DL_RULE ? it->y2_pt + y : it->y2_pt,
		    it->size_pt, it->face, it->text,
		    it->text ? strlen(it->text) : 0);
		if (o != NULL)
			o->grey = it->grey;
	}
}

/* A vertical grid line at x from y to y2: the line of this page that
 * ends at y at that x is extended, else a new one is drawn.  One line a
 * column edge for the rows of a page, not one a slice: a 5,000-row annex
 * had 87,000 rules in its display list, 60 % of the items. */
static void
emit_vline(struct lctx *L, double x, double y, double y2)
{
	struct dl_item	*it;
	size_t		 i;

	for (i = L->ngridv; i-- > 0; ) {
		it = &L->out->v[L->gridv[i]];
		if (it->x_pt == x && it->y2_pt > y - 1e-6 &&
		    it->y2_pt < y + 1e-6) {
			it->y2_pt = y2;
			return;
		}
	}
	if (dl_add(L->out, DL_RULE, x, y, x, y2, RULE_PT, 0, NULL, 0) == NULL)
		return;
	if (vb_grow((void **)&L->gridv, &L->capgridv, L->ngridv + 1,
	    sizeof(*L->gridv)) != 0) {
		L->oom = 1;
		return;
	}
	L->gridv[L->ngridv++] = L->out->n - 1;
}

/* The grid of table slice r at y: its vertical lines, a rule on top
 * when a row starts there (or the page does), one at the bottom when the
 * table stops there (or the page does). */
static void
emit_grid(struct lctx *L, size_t r, double y, int first, int last)
{
	const struct vrow	*v = &L->rows[r];
	const struct ltable	*tb = &L->tables[v->table - 1];
	size_t			 i;

	for (i = 0; i < v->nvx; i++)
		emit_vline(L, L->vx[v->vx0 + i], y, y + v->h_pt);
	if (v->top_rule || first)
		dl_add(L->out, DL_RULE, tb->x0_pt, y, tb->x1_pt, y, RULE_PT, 0,
		    NULL, 0);
	if (last)
		dl_add(L->out, DL_RULE, tb->x0_pt, y + v->h_pt, tb->x1_pt,
		    y + v->h_pt, RULE_PT, 0, NULL, 0);
}

/* A row placed on the page. */
struct placed {
	size_t	 r;   /* index in L->rows */
	double	 y;   /* its top on the page, pt */
};

/*
 * Emit placed rows p[0..n).  The slices of one table row are emitted cell
 * by cell, so a PDF's text comes out in reading order (each cell whole,
 * then the next), not line by line across the cells.
 */
static void
emit_placed(struct lctx *L, const struct placed *p, size_t n)
{
	size_t i = 0, j, k, c;

	while (i < n) {
		const struct vrow *v = &L->rows[p[i].r];

		if (!v->table) {
			emit_items(L, p[i].r, p[i].y, -1e9, 1e9);
			i++;
			continue;
		}
		/* The slices of this table row on this page: [i, j). */
		for (j = i + 1; j < n && L->rows[p[j].r].table == v->table &&
		    !L->rows[p[j].r].top_rule &&
		    L->rows[p[j].r].header == v->header; j++)
			;
		for (c = 0; c + 1 < v->nvx; c++)
			for (k = i; k < j; k++)
				emit_items(L, p[k].r, p[k].y,
				    L->vx[v->vx0 + c], L->vx[v->vx0 + c + 1]);
		for (k = i; k < j; k++) {
			int first = k == 0 || L->rows[p[k - 1].r].table !=
			    v->table;
			int last = k + 1 == n || L->rows[p[k + 1].r].table !=
			    v->table;

			emit_grid(L, p[k].r, p[k].y, first, last);
		}
		i = j;
	}
}

/* Emit rows [s, e) as one page, numbered `number` (0: no number). */
static void
emit_page(struct lctx *L, size_t s, size_t e, int number)
{
	struct placed	*p;
	size_t		 n = 0, r, cap;
	double		 y = L->top_pt;
	char		 num[16];

	dl_add(L->out, DL_PAGE, 0, 0, L->pw_pt, L->ph_pt, 0, 0, NULL, 0);
	L->ngridv = 0;
	if (number > 0) {
		double w;

		snprintf(num, sizeof(num), "%d", number);
		w = layout_width(L->lf, DOC_REGULAR, BODY_PT, num, strlen(num));
		dl_add(L->out, DL_TEXT, L->left_pt + (L->width_pt - w) / 2,
		    L->top_pt - 20, 0, 0, BODY_PT, DOC_REGULAR, num,
		    strlen(num));
	}
	cap = e - s;
	if (s < e && L->rows[s].table)
		cap += L->tables[L->rows[s].table - 1].hdr1 -
		    L->tables[L->rows[s].table - 1].hdr0;
	if ((p = calloc(cap ? cap : 1, sizeof(*p))) == NULL)
		return;
	/* A table continued from the previous page: its header again. */
	if (s < e && L->rows[s].table && !L->rows[s].header && s > 0 &&
	    L->rows[s - 1].table == L->rows[s].table) {
		const struct ltable *tb = &L->tables[L->rows[s].table - 1];

		for (r = tb->hdr0; r < tb->hdr1; r++) {
			p[n].r = r;
			p[n++].y = y;
			y += L->rows[r].h_pt;
		}
	}
	for (r = s; r < e; r++) {
		if (r > s)
			y += L->rows[r].before_pt;
		p[n].r = r;
		p[n++].y = y;
		y += L->rows[r].h_pt;
	}
	emit_placed(L, p, n);
	free(p);
}

/*
 * Cut the rows into pages: fill each page; when a row does not fit, break
 * before the last row at or before it that allows a break (keep == 0).
 * number_from: the first page that carries a number (2 for the main
 * part and for annexes).
 */
void
lpage_cut(struct lctx *L)
{
	size_t	 s = 0, r, e;
	double	 avail = L->bottom_pt - L->top_pt;
	int	 page = 0;

	while (s < L->nrows) {
		double y = 0;

		page++;
		if (L->rows[s].table && !L->rows[s].header && s > 0 &&
		    L->rows[s - 1].table == L->rows[s].table)
			y = header_h(L, L->rows[s].table);
		e = L->nrows;
		for (r = s; r < L->nrows; r++) {
			double h = L->rows[r].h_pt +
			    (r == s ? 0 : L->rows[r].before_pt);

			if (r > s && L->rows[r].force) {
				e = r;
				break;
			}
			if (r > s && y + h > avail + 0.01) {
				size_t k = r;

				while (k > s && L->rows[k].keep)
					k--;
				e = k > s ? k : r;
				break;
			}
			y += h;
		}
		emit_page(L, s, e, page >= 2 ? page : 0);
		L->last_start = s;
		s = e;
	}
	L->npages = page;
}
