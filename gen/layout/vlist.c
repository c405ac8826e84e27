/*
 * vlist.c - the vertical list: rows of display items (a line of text, a
 * table slice, the letterhead, the signature block) relative to the
 * row's top, appended to struct lctx and cut into pages by paginate.c.
 * Also the ways every block puts text into a row: a paragraph as one row
 * per line, centred and balanced lines, rules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "layout/layout_int.h"

size_t
lrow_begin(struct lctx *L)
{
	return L->tmp->n;
}

struct vrow *
lrow_end(struct lctx *L, size_t i0, double h, double before, int keep)
{
	struct vrow *r;

	if (vb_grow((void **)&L->rows, &L->caprows, L->nrows + 1,
	    sizeof(*L->rows)) != 0)
		return NULL;
	r = &L->rows[L->nrows++];
	memset(r, 0, sizeof(*r));
	r->h_pt = h;
	r->before_pt = before + L->next_before;
	r->keep = keep || L->next_keep;
	r->force = L->next_force;
	r->i0 = i0;
	r->i1 = L->tmp->n;
	L->next_keep = L->next_force = 0;
	L->next_before = 0;
	return r;
}

int
lrow_line(struct lctx *L, const struct lb_line *ln, double x, double y,
    double size)
{
	size_t i;

	/* A superscript is raised 0.28 em: less than half its own size
	 * (0.6 em), so that text extraction (poppler) keeps it on the line
	 * of what follows it, "HĐĐ." one word rather than "HĐĐ" and a
	 * line "." (at 0.33 em it did not). */
	for (i = 0; i < ln->n; i++) {
		const struct lb_piece *p = &ln->p[i];

		if (dl_add(L->tmp, DL_TEXT, x + p->x_pt,
		    p->sup ? y - size * 0.28 : y, 0, 0,
		    p->sup ? size * 0.6 : size, p->face, p->text,
		    p->n) == NULL)
			return -1;
	}
	return 0;
}

/* Text of an inline sequence, runs joined (bookmark titles). */
static char *
inline_text(const struct doc_inline *in)
{
	size_t	 i, n = 0;
	char	*s;

	for (i = 0; i < in->n; i++)
		n += strlen(in->runs[i].text);
	if ((s = malloc(n + 1)) == NULL)
		return NULL;
	s[0] = '\0';
	for (i = 0; i < in->n; i++)
		strcat(s, strcmp(in->runs[i].text, "\n") ? in->runs[i].text : " ");
	return s;
}

/*
 * Lay out an inline sequence as one row per line at x..x+width:
 * first-line indent, alignment, leading.
 * Widow and orphan control: the first two and the last two lines stay
 * together.  mark > 0 adds a bookmark of that level on the first line.
 * Returns the number of rows, -1 on failure.
 */
/* A paragraph as rows, one a line (contract in layout_int.h). */
int
lrow_inline(struct lctx *L, const struct doc_inline *in, double size,
    double lead, double x, double width, double indent, enum lalign al,
    double before, int mark)
{
	struct lb_result	 res;
	size_t			 i;
	double			 base = lead - size * 0.25;

	if (lb_break(L->lf, in, size, width, indent, al == LA_JUSTIFY,
	    &res) == -1)
		return -1;
	for (i = 0; i < res.n; i++) {
		const struct lb_line	*ln = &res.lines[i];
		size_t			 i0 = lrow_begin(L);
		double			 lx = x;
		int			 keep;

		if (al == LA_CENTER)
			lx = x + (width - ln->width_pt) / 2;
		else if (al == LA_RIGHT)
			lx = x + width - ln->width_pt;
		if (i == 0 && mark > 0) {
			char *t = inline_text(in);

			if (t != NULL)
				dl_add(L->tmp, DL_MARK, 0, 0, 0, 0, 0, mark, t,
				    strlen(t));
			free(t);
		}
		keep = i == 1 || (i > 0 && i == res.n - 1);
		if (lrow_line(L, ln, lx, base, size) == -1 ||
		    lrow_end(L, i0, lead, i == 0 ? before : 0, keep) == NULL) {
			L->oom = 1;
			break;
		}
	}
	lb_result_free(&res);
	return (int)res.n;
}

/* One centred line into the current row; returns its width. */
double
lrow_center(struct lctx *L, const char *s, int face, double size, double cx,
    double y)
{
	double w = layout_width(L->lf, face, size, s, strlen(s));

	dl_add(L->tmp, DL_TEXT, cx - w / 2, y, 0, 0, size, face, s, strlen(s));
	return w;
}

/* Balanced centred lines (contract in layout_int.h): the one decision
 * of both writers (lrow_center_wrap, layout_center_text) and of the
 * certificates (phoi.c). */
int
lb_center(const struct layout_font *lf, const struct doc_inline *in,
    double size, double width, struct lb_result *res)
{
	double	 lo, hi = width;
	size_t	 want, split, i;
	int	 k;

	memset(res, 0, sizeof(*res));
	if (lb_break(lf, in, size, width, 0, 0, res) == -1)
		return -1;
	if (res->n <= 1)
		return 0;
	lo = width / (double)res->n;
	want = res->n;
	split = res->nsplit;
	for (k = 0; k < 12 && hi - lo > 0.5; k++) {
		struct lb_result t;
		double mid = (lo + hi) / 2;

		if (lb_break(lf, in, size, mid, 0, 0, &t) == -1)
			break;
		/* No narrower than keeps the words whole. */
		if (t.n > want || t.nsplit > split)
			lo = mid;
		else
			hi = mid;
		lb_result_free(&t);
	}
	lb_result_free(res);
	memset(res, 0, sizeof(*res));
	if (lb_break(lf, in, size, hi, 0, LB_NATURAL, res) == -1)
		return -1;
	/* Centred lines keep their natural spaces (never squeezed nor
	 * stretched), unless one would then pass the measure. */
	for (i = 0; i < res->n; i++)
		if (res->lines[i].width_pt > width + 0.01)
			break;
	if (i == res->n)
		return 0;
	lb_result_free(res);
	memset(res, 0, sizeof(*res));
	return lb_break(lf, in, size, hi, 0, 0, res);
}

/*
 * One logical line s broken to width, balanced, and centred on cx from
 * baseline y, pitch lead, into the current row.  Returns the last
 * baseline; *maxw the widest line.
 */
static double
center_one(struct lctx *L, const char *s, int face, double size,
    double lead, double cx, double width, double y, double *maxw)
{
	struct doc_inline	 in = { NULL, 0, 0 };
	struct lb_result	 res;
	size_t			 i;
	double			 last = y - lead;

	if (maxw)
		*maxw = 0;
	if (doc_inline_add(&in, s, strlen(s), face, 0) == -1 ||
	    lb_center(L->lf, &in, size, width, &res) == -1) {
		doc_inline_free(&in);
		L->oom = 1;
		return y;
	}
	for (i = 0; i < res.n; i++) {
		last = y + lead * (double)i;
		if (lrow_line(L, &res.lines[i], cx - res.lines[i].width_pt / 2,
		    last, size) == -1)
			L->oom = 1;
		if (maxw && res.lines[i].width_pt > *maxw)
			*maxw = res.lines[i].width_pt;
	}
	lb_result_free(&res);
	doc_inline_free(&in);
	return last;
}

/*
 * The lines of s as lrow_center_wrap sets them (contract in layout.h):
 * each logical line through lb_center, its lines' text (the pieces
 * point into the one run) joined by "\n".
 */
char *
layout_center_text(const struct layout_font *lf, const char *s, int face,
    double size_pt, double width_pt, double *maxw_pt)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	const char	*p = s, *e;
	size_t		 i;

	*maxw_pt = 0;
	for (; p != NULL; p = *e != '\0' ? e + 1 : NULL) {
		struct doc_inline	 in = { NULL, 0, 0 };
		struct lb_result	 res;

		e = p + strcspn(p, "\n");
		if (e == p)
			continue;   /* as strtok: empty lines dropped */
		if (doc_inline_add(&in, p, (size_t)(e - p), face, 0) == -1 ||
		    lb_center(lf, &in, size_pt, width_pt, &res) == -1) {
			doc_inline_free(&in);
			free(vbuf_take(&b));
			return NULL;
		}
		for (i = 0; i < res.n; i++) {
			const struct lb_line *ln = &res.lines[i];

			if (ln->n == 0)
				continue;
			if (b.len > 0)
				vbuf_putn(&b, "\n", 1);
			vbuf_putn(&b, ln->p[0].text, (size_t)(ln->p[ln->n -
			    1].text + ln->p[ln->n - 1].n - ln->p[0].text));
			if (ln->width_pt > *maxw_pt)
				*maxw_pt = ln->width_pt;
		}
		lb_result_free(&res);
		doc_inline_free(&in);
	}
	return vbuf_take(&b);
}

/* Lines of s, each broken and balanced, centred on cx from baseline y;
 * returns the last baseline (contract in layout_int.h). */
double
lrow_center_wrap(struct lctx *L, const char *s, int face, double size,
    double lead, double cx, double width, double y, double *maxw)
{
	double	 w, last = y - lead;
	char	*copy = strdup(s), *line, *save;

	if (maxw)
		*maxw = 0;
	if (copy == NULL) {
		L->oom = 1;
		return y;
	}
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		last = center_one(L, line, face, size, lead, cx, width,
		    last + lead, &w);
		if (maxw && w > *maxw)
			*maxw = w;
	}
	free(copy);
	return last;
}

/* A rule len long centred on cx at y, into the current row. */
void
lrow_rule(struct lctx *L, double cx, double y, double len)
{
	dl_add(L->tmp, DL_RULE, cx - len / 2, y, cx + len / 2, y, RULE_PT, 0,
	    NULL, 0);
}

/* An item's vertical extent in its row: [top, bottom], pt. */
struct lext {
	double	 top, bot;  /* extent, pt from the row's top */
	size_t	 i;         /* its index in L->tmp */
	size_t	 piece;     /* the piece of the row it goes to */
};

/* The extent of item it, y from its row's top, into e. */
static void
item_extent(const struct dl_item *it, struct lext *e)
{
	switch (it->kind) {
	case DL_TEXT:   /* capitals with Vietnamese marks; descenders */
		e->top = it->y_pt - it->size_pt * 0.8;
		e->bot = it->y_pt + it->size_pt * 0.2;
		break;
	case DL_RULE:
		e->top = (it->y_pt < it->y2_pt ? it->y_pt : it->y2_pt) -
		    it->size_pt / 2;
		e->bot = (it->y_pt > it->y2_pt ? it->y_pt : it->y2_pt) +
		    it->size_pt / 2;
		break;
	case DL_BOX:
		e->top = it->y_pt;
		e->bot = it->y_pt + it->y2_pt;
		break;
	default:        /* a bookmark: with the row's first piece */
		e->top = e->bot = 0;
		break;
	}
}

/* qsort order of extents: by top, then by place in the row. */
static int
ext_cmp(const void *a, const void *b)
{
	const struct lext *x = a, *y = b;

	if (x->top != y->top)
		return x->top < y->top ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Order items [i0, i0 + n) of L->tmp by piece, stably (a counting
 * sort), each moved up by its piece's top: cut[piece - 1], 0 for the
 * first.  pc[k]: the piece of item i0 + k; np pieces. */
static int
regroup(struct lctx *L, const size_t *pc, size_t n, size_t np, size_t i0,
    const double *cut)
{
	struct dl_item	*v = malloc(n * sizeof(*v));
	size_t		*at = calloc(np + 1, sizeof(*at));
	size_t		 k;

	if (v == NULL || at == NULL) {
		free(v);
		free(at);
		return -1;
	}
	for (k = 0; k < n; k++)
		at[pc[k] + 1]++;
	for (k = 1; k <= np; k++)
		at[k] += at[k - 1];
	for (k = 0; k < n; k++) {
		struct dl_item	*o = &v[at[pc[k]]++];
		double		 dy = pc[k] > 0 ? cut[pc[k] - 1] : 0;

		*o = L->tmp->v[i0 + k];
		o->y_pt -= dy;
		if (o->kind == DL_RULE)
			o->y2_pt -= dy;
	}
	memcpy(&L->tmp->v[i0], v, n * sizeof(*v));
	free(v);
	free(at);
	return 0;
}

/* Cuts of the row whose items are e[0..n) (sorted by top): every gap
 * between lines below keep_to_pt.  Returns how many into *cut (malloc'd),
 * -1 (memory). */
static long
find_cuts(const struct lext *e, size_t n, double keep_to_pt, double **cut)
{
	double	 maxbot = 0;
	size_t	 k, nc = 0, cap = 0;

	*cut = NULL;
	for (k = 0; k < n; k++) {
		if (k > 0 && e[k].top >= maxbot && maxbot > keep_to_pt &&
		    (nc == 0 || e[k].top > (*cut)[nc - 1])) {
			if (vb_grow((void **)cut, &cap, nc + 1,
			    sizeof(**cut)) != 0) {
				free(*cut);
				return -1;
			}
			(*cut)[nc++] = e[k].top;
		}
		if (k == 0 || e[k].bot > maxbot)
			maxbot = e[k].bot;
	}
	return (long)nc;
}

/* The last row cut at its gaps below keep_to_pt when taller than a page
 * (contract in layout_int.h). */
double
lrow_split(struct lctx *L, double keep_to_pt, double *first_pt)
{
	struct vrow	 r = L->rows[L->nrows - 1];
	size_t		 n = r.i1 - r.i0, k, j, at = r.i0;
	size_t		*pc = NULL, *cnt = NULL;   /* piece of an item, items
						    * of a piece */
	struct lext	*e = NULL;
	double		*cut = NULL, maxh = 0;
	long		 nc = 0;

	*first_pt = r.h_pt;
	if (r.h_pt <= L->bottom_pt - L->top_pt + 0.01 || n == 0)
		return r.h_pt;
	if ((e = calloc(n, sizeof(*e))) == NULL ||
	    (pc = calloc(n, sizeof(*pc))) == NULL)
		goto fail;
	for (k = 0; k < n; k++) {
		item_extent(&L->tmp->v[r.i0 + k], &e[k]);
		e[k].i = k;
	}
	qsort(e, n, sizeof(*e), ext_cmp);
	if ((nc = find_cuts(e, n, keep_to_pt, &cut)) < 0)
		goto fail;
	for (k = j = 0; k < n; k++) {
		while (j < (size_t)nc && e[k].top >= cut[j])
			j++;
		pc[e[k].i] = j;
	}
	if (regroup(L, pc, n, (size_t)nc + 1, r.i0, cut) == -1 ||
	    (cnt = calloc((size_t)nc + 1, sizeof(*cnt))) == NULL)
		goto fail;
	for (k = 0; k < n; k++)
		cnt[pc[k]]++;
	/* The row becomes nc + 1 rows; a page may break between them. */
	L->nrows--;
	for (j = 0; j <= (size_t)nc; j++) {
		double		 top = j > 0 ? cut[j - 1] : 0;
		double		 bot = j < (size_t)nc ? cut[j] : r.h_pt;
		struct vrow	*v;

		if (vb_grow((void **)&L->rows, &L->caprows, L->nrows + 1,
		    sizeof(*L->rows)) != 0)
			goto fail;
		v = &L->rows[L->nrows++];
		*v = r;
		v->h_pt = bot - top;
		if (j > 0)
			v->before_pt = v->keep = v->force = 0;
		v->i0 = at;
		at += cnt[j];
		v->i1 = at;
		if (v->h_pt > maxh)
			maxh = v->h_pt;
		if (j == 0)
			*first_pt = v->h_pt;
	}
	free(e);
	free(pc);
	free(cnt);
	free(cut);
	return maxh;
fail:
	free(e);
	free(pc);
	free(cnt);
	free(cut);
	return -1;
}
