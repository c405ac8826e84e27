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

#include "vanban.h"
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

	for (i = 0; i < ln->n; i++) {
		const struct lb_piece *p = &ln->p[i];

		if (dl_add(L->tmp, DL_TEXT, x + p->x_pt,
		    p->sup ? y - size * 0.33 : y, 0, 0,
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
		if (lrow_line(L, ln, lx, base, size) == -1)
			break;
		keep = i == 1 || (i > 0 && i == res.n - 1);
		if (lrow_end(L, i0, lead, i == 0 ? before : 0, keep) == NULL)
			break;
	}
	lb_result_free(&res);
	return (int)res.n;
}

double
lrow_center(struct lctx *L, const char *s, int face, double size, double cx,
    double y)
{
	double w = layout_width(L->lf, face, size, s, strlen(s));

	dl_add(L->tmp, DL_TEXT, cx - w / 2, y, 0, 0, size, face, s, strlen(s));
	return w;
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
	    lb_break(L->lf, &in, size, width, 0, 0, &res) == -1) {
		doc_inline_free(&in);
		return y;
	}
	if (res.n > 1) {
		/* Balance the lines: the narrowest width that still gives
		 * as many lines ("ỦY BAN NHÂN DÂN / TỈNH ĐIỆN BIÊN", not
		 * "ỦY BAN NHÂN DÂN TỈNH ĐIỆN / BIÊN"). */
		double lo = width / (double)res.n, hi = width;
		size_t want = res.n;
		int k;

		for (k = 0; k < 12 && hi - lo > 0.5; k++) {
			struct lb_result t;
			double mid = (lo + hi) / 2;

			if (lb_break(L->lf, &in, size, mid, 0, 0, &t) == -1)
				break;
			if (t.n > want)
				lo = mid;
			else
				hi = mid;
			lb_result_free(&t);
		}
		lb_result_free(&res);
		if (lb_break(L->lf, &in, size, hi, 0, 0, &res) == -1) {
			doc_inline_free(&in);
			return y;
		}
	}
	for (i = 0; i < res.n; i++) {
		last = y + lead * (double)i;
		lrow_line(L, &res.lines[i], cx - res.lines[i].width_pt / 2,
		    last, size);
		if (maxw && res.lines[i].width_pt > *maxw)
			*maxw = res.lines[i].width_pt;
	}
	lb_result_free(&res);
	doc_inline_free(&in);
	return last;
}

double
lrow_center_wrap(struct lctx *L, const char *s, int face, double size,
    double lead, double cx, double width, double y, double *maxw)
{
	double	 w, last = y - lead;
	char	*copy = strdup(s), *line, *save;

	if (maxw)
		*maxw = 0;
	if (copy == NULL)
		return y;
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

void
lrow_rule(struct lctx *L, double cx, double y, double len)
{
	dl_add(L->tmp, DL_RULE, cx - len / 2, y, cx + len / 2, y, RULE_PT, 0,
	    NULL, 0);
}
