/*
 * paginate.c - the vertical list cut into pages: each page filled until a
 * row does not fit, then broken before the last row that allows a break
 * (widows and orphans, headings kept with what follows, the signature
 * kept with the end of the body), a table's header rows repeated on the
 * pages it continues on, page numbers in the top margin from page 2.
 * A chart too tall for the rest of a page shrinks to fit when it can
 * (layout_chart_fit); else, when moving it would leave a hole (FLOAT_HOLE
 * of the page), it floats: the paragraphs after it that fit move up
 * before it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
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
		w = layout_width(L->lf, DOC_REGULAR, ND30_BODY_PT, num,
		    strlen(num));
		dl_add(L->out, DL_TEXT, L->left_pt + (L->width_pt - w) / 2,
		    L->top_pt - 20, 0, 0, ND30_BODY_PT, DOC_REGULAR, num,
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

/* The height rows [s, k) of a page take, from y0. */
static double
y_at(const struct lctx *L, size_t s, size_t k, double y0)
{
	size_t r;

	for (r = s; r < k; r++)
		y0 += L->rows[r].h_pt + (r == s ? 0 : L->rows[r].before_pt);
	return y0;
}

/* 1 when row r ends in a colon: it introduces what follows ("... như
 * sau:"), so it does not move up before a chart that is not its own. */
static int
intro(const struct lctx *L, size_t r)
{
	size_t i;

	for (i = L->rows[r].i1; i-- > L->rows[r].i0; ) {
		const char *t = L->tmp->v[i].text;

		if (L->tmp->v[i].kind == DL_TEXT && t != NULL && *t != '\0')
			return t[strlen(t) - 1] == ':';
	}
	return 0;
}

/* A page may end this share of its height early before a chart. */
#define FLOAT_HOLE 0.25

/*
 * The page from s breaks before row g (y_g: the height used above it),
 * and the rows from g to the end of its keep chain hold a floating chart.
 * When that leaves more than FLOAT_HOLE of the page empty, the rows after
 * the chain that fit there (no table, no forced break, not the signature
 * block, ending where a break is allowed and before the section's end)
 * are moved before g, but not a paragraph introducing what follows it.
 * Returns the row the page now ends before, or g.
 */
static size_t
float_past(struct lctx *L, size_t g, double y_g, double avail)
{
	size_t		 c, e0, j, last = 0, lim, n;
	struct vrow	*tmp;
	double		 y = y_g;
	int		 chart = 0;

	if (avail - y_g <= FLOAT_HOLE * avail)
		return g;
	for (e0 = g; e0 < L->nrows && (e0 == g || L->rows[e0].keep); e0++) {
		chart |= L->rows[e0].floats;
		if (L->rows[e0].table)
			return g;
	}
	if (!chart)
		return g;
	lim = L->sig_row > g ? L->sig_row : L->nrows;
	for (j = e0; j < lim && j + 1 < L->nrows; j++) {
		if (L->rows[j].table || L->rows[j].force || L->rows[j].floats ||
		    y + L->rows[j].before_pt + L->rows[j].h_pt > avail + 0.01)
			break;
		y += L->rows[j].before_pt + L->rows[j].h_pt;
		if (!L->rows[j + 1].keep && j + 1 < lim && !intro(L, j))
			last = j + 1;
	}
	if (last == 0)
		return g;
	/* rows [g, last) become [e0, last) then [g, e0). */
	n = e0 - g;
	if ((tmp = malloc(n * sizeof(*tmp))) == NULL) {
		L->oom = 1;
		return g;
	}
	memcpy(tmp, &L->rows[g], n * sizeof(*tmp));
	memmove(&L->rows[g], &L->rows[e0], (last - e0) * sizeof(*tmp));
	memcpy(&L->rows[g + last - e0], tmp, n * sizeof(*tmp));
	free(tmp);
	c = g + last - e0;
	return c;
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
		double y = 0, y0;

		page++;
		if (L->rows[s].table && !L->rows[s].header && s > 0 &&
		    L->rows[s - 1].table == L->rows[s].table)
			y = header_h(L, L->rows[s].table);
		y0 = y;
		e = L->nrows;
		for (r = s; r < L->nrows; r++) {
			double h = L->rows[r].h_pt +
			    (r == s ? 0 : L->rows[r].before_pt);

			if (r > s && L->rows[r].force) {
				e = r;
				break;
			}
			if (r > s && y + h > avail + 0.01 &&
			    L->rows[r].floats && layout_chart_fit(L, r,
			    avail - y - L->rows[r].before_pt)) {
				y += L->rows[r].before_pt + L->rows[r].h_pt;
				continue;
			}
			if (r > s && y + h > avail + 0.01) {
				size_t k = r;

				while (k > s && L->rows[k].keep)
					k--;
				e = k > s ? k : r;
				if (k > s)
					e = float_past(L, k, y_at(L, s, k, y0),
					    avail);
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
