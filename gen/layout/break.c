/*
 * break.c - total-fit line breaking (after Knuth and Plass,
 * "Breaking paragraphs into lines", 1981) over boxes (words), glue
 * (interword spaces) and penalties.  The paragraph is broken as a whole:
 * the chosen breaks minimise the sum of the lines' demerits, so no line is
 * stretched far more than its neighbours.  Vietnamese is written in
 * syllables separated by spaces and is not hyphenated, so the only breaks
 * are spaces, hard line breaks and, for a word wider than a line, the
 * boundaries between its characters.  Which breaks fall inside a word
 * and cost a penalty is breakword.c's.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "layout/layout_int.h"
#include "layout/break_int.h"

#define LB_LINE_PENALTY 10
#define LB_LONE_SYL 20000      /* a cell's last line of one syllable */
#define LB_ADJ_DEMERITS 3000   /* neighbouring lines of distant fitness */
#define LB_SUP_SCALE 0.6       /* superscript size / body size */
#define LB_SUP_GAP 0.17        /* space before a superscript glued to a
				* word (the drafter's initials after the
				* unit's code), in ems of the body: a thin
				* space, and what text extraction needs to
				* see two words (poppler: 0.15 em) */
#define LB_WORD_SOFT 150       /* justified text: a break inside a word */
#define LB_WORD_HARD 1000      /* other text, when no whole-word breaks
				* fit */
#define LB_DATE_PEN 5000       /* a break inside "ngày 16 tháng 11 năm
				* 2013", once no line breaking without one
				* fits (until then: none) */
#define LB_CUT_LINES 16        /* a word wider than this many lines is cut
				* into line-wide pieces, not characters */

struct lb_node {
	size_t	 pos;       /* item index of the break */
	int	 fit;       /* fitness class of the line ending here */
	double	 totw;      /* sums of the items up to the next line's start */
	double	 totst;
	double	 totsh;
	double	 dem;       /* total demerits up to here */
	int	 prev;      /* previous node, -1 for the start */
	double	 ratio;     /* adjustment ratio of the line ending here */
	int	 active;
};

static int
lb_push_seg(struct lb_ctx *c, const char *t, size_t n, int face, int sup)
{
	struct lb_seg *s;

	if (vb_grow((void **)&c->segs, &c->capsegs, c->nsegs + 1,
	    sizeof(*c->segs)) != 0)
		return -1;
	s = &c->segs[c->nsegs++];
	s->t = t;
	s->n = n;
	s->face = face;
	s->sup = sup;
	s->lead_pt = 0;
	s->w_pt = layout_width(c->lf, face,
	    sup ? c->size_pt * LB_SUP_SCALE : c->size_pt, t, n);
	return 0;
}

static struct lb_item *
lb_push_item(struct lb_ctx *c, enum lb_type type)
{
	struct lb_item *it;

	if (vb_grow((void **)&c->items, &c->capitems, c->nitems + 1,
	    sizeof(*c->items)) != 0)
		return NULL;
	it = &c->items[c->nitems++];
	memset(it, 0, sizeof(*it));
	it->type = type;
	return it;
}

/* Push a box of segments [s0, nsegs) of width w_pt. */
static int
lb_push_box(struct lb_ctx *c, size_t s0, double w_pt)
{
	struct lb_item *it;

	if ((it = lb_push_item(c, LB_BOX)) == NULL)
		return -1;
	it->w_pt = w_pt;
	it->s0 = s0;
	it->s1 = c->nsegs;
	return 0;
}

/* Append cl bytes of old segment o at byte j, cw_pt wide, to the last
 * segment when it continues the same run (from p0 on), else as a new one. */
static int
lb_extend(struct lb_ctx *c, const struct lb_seg *o, size_t j, size_t cl,
    double cw_pt, size_t p0)
{
	struct lb_seg *l = c->nsegs > p0 ? &c->segs[c->nsegs - 1] : NULL;

	if (l != NULL && l->t + l->n == o->t + j && l->face == o->face) {
		l->n += cl;
		l->w_pt += cw_pt;
		return 0;
	}
	return lb_push_seg(c, o->t + j, cl, o->face, o->sup);
}

/*
 * Cut the word of segments old[0..nold) between characters into boxes
 * with a break (penalty 50) between any two: boxes of one character, so
 * the word starts where the line has room and continues on the next
 * lines; or, for a word wider than LB_CUT_LINES lines, boxes as wide as
 * a line (the first maxw_pt), so memory stays a few bytes per byte of
 * text (a character box and its break cost some 370).
 */
static int
lb_cut_word(struct lb_ctx *c, const struct lb_seg *old, size_t nold,
    double maxw_pt, int greedy)
{
	struct lb_item	*it;
	size_t		 p0 = c->nsegs, k;
	double		 pw = 0, lim = maxw_pt;

	for (k = 0; k < nold; k++) {
		size_t j = 0;

		while (j < old[k].n) {
			size_t	 cl = vb_utf8_len((unsigned char)old[k].t[j]);
			double	 cw;

			if (j + cl > old[k].n)
				cl = old[k].n - j;
			cw = layout_width(c->lf, old[k].face, old[k].sup ?
			    c->size_pt * LB_SUP_SCALE : c->size_pt,
			    old[k].t + j, cl);
			if (pw > 0 && (!greedy || pw + cw > lim)) {
				if (lb_push_box(c, p0, pw) == -1 ||
				    (it = lb_push_item(c, LB_PENALTY)) == NULL)
					return -1;
				it->penalty = 50;
				it->charbreak = 1;
				p0 = c->nsegs;
				pw = 0;
				lim = c->width_pt;
			}
			if (lb_extend(c, &old[k], j, cl, cw, p0) == -1)
				return -1;
			pw += cw;
			j += cl;
		}
	}
	return c->nsegs > p0 ? lb_push_box(c, p0, pw) : 0;
}

/*
 * Close the box of segments [s0, nsegs).  A box wider than maxw_pt is cut
 * between characters into boxes that fit, with free breaks between them.
 */
static int
lb_close_box(struct lb_ctx *c, size_t s0, double maxw_pt)
{
	struct lb_seg	*old;
	double		 w = 0;
	size_t		 i, s1 = c->nsegs, nold = s1 - s0;
	int		 rc;

	if (s0 == s1)
		return 0;
	for (i = s0; i < s1; i++)
		w += c->segs[i].w_pt;
	if (w <= maxw_pt)
		return lb_push_box(c, s0, w);
	if ((old = malloc(nold * sizeof(*old))) == NULL)
		return -1;
	memcpy(old, c->segs + s0, nold * sizeof(*old));
	c->nsegs = s0;
	rc = lb_cut_word(c, old, nold, maxw_pt, w > LB_CUT_LINES * maxw_pt);
	free(old);
	return rc;
}

/* Interword glue after a word set in face. */
static int
lb_push_glue(struct lb_ctx *c, int face)
{
	struct lb_item	*it;
	double		 sp = layout_width(c->lf, face, c->size_pt, " ", 1);

	if (c->nitems == 0 || c->items[c->nitems - 1].type != LB_BOX)
		return 0;   /* no glue at a line start or twice */
	if ((it = lb_push_item(c, LB_GLUE)) == NULL)
		return -1;
	it->w_pt = sp;
	it->stretch_pt = sp * 0.6;
	it->shrink_pt = sp * 0.3;
	return 0;
}

/* Paragraph end or hard break: fill glue, then a forced break. */
static int
lb_push_end(struct lb_ctx *c)
{
	struct lb_item *it;

	if (c->nitems > 0 && c->items[c->nitems - 1].type == LB_GLUE)
		c->nitems--;   /* drop trailing space */
	if ((it = lb_push_item(c, LB_GLUE)) == NULL)
		return -1;
	it->stretch_pt = LB_FILL;
	if ((it = lb_push_item(c, LB_PENALTY)) == NULL)
		return -1;
	it->penalty = -LB_INF_PENALTY;
	return 0;
}

/* Turn runs into boxes, glue and penalties. */
static int
lb_items(struct lb_ctx *c, const struct doc_inline *in, double width_pt,
    double indent_pt)
{
	struct lb_item	*it;
	size_t		 r, s0;
	/* The widest a box may be: the first word shares line 1 with the
	 * indent, any later word can have a whole line. */
#define MAXW (c->nitems == 1 ? width_pt - indent_pt : width_pt)

	if ((it = lb_push_item(c, LB_BOX)) == NULL)   /* the indent */
		return -1;
	it->w_pt = indent_pt;
	it->s0 = it->s1 = 0;
	s0 = c->nsegs;
	for (r = 0; r < in->n; r++) {
		const struct doc_run	*run = &in->runs[r];
		const char		*p = run->text, *q;

		if (strcmp(p, "\n") == 0) {
			if (lb_close_box(c, s0, MAXW) == -1 ||
			    lb_push_end(c) == -1)
				return -1;
			s0 = c->nsegs;
			continue;
		}
		while (*p != '\0') {
			if (*p == ' ' || *p == '\n' || *p == '\t') {
				if (lb_close_box(c, s0, MAXW) == -1 ||
				    lb_push_glue(c, run->face) == -1)
					return -1;
				s0 = c->nsegs;
				while (*p == ' ' || *p == '\n' || *p == '\t')
					p++;
				continue;
			}
			for (q = p; *q != '\0' && *q != ' ' && *q != '\n' &&
			    *q != '\t'; q++)
				;
			if (lb_push_seg(c, p, (size_t)(q - p), run->face,
			    run->sup) == -1)
				return -1;
			if (run->sup && c->nsegs - 1 > s0 &&
			    !c->segs[c->nsegs - 2].sup) {
				c->segs[c->nsegs - 1].lead_pt = LB_SUP_GAP *
				    c->size_pt;
				c->segs[c->nsegs - 1].w_pt += LB_SUP_GAP *
				    c->size_pt;
			}
			p = q;
		}
	}
	if (lb_close_box(c, s0, MAXW) == -1)
		return -1;
	return lb_push_end(c);
#undef MAXW
}

/* Set the penalty of the marked glue items to pen. */
static void
lb_word_penalty(struct lb_ctx *c, int pen)
{
	size_t i;

	for (i = 0; i < c->nwglue; i++)
		c->items[c->wglue[i]].penalty = c->items[c->wglue[i]].date &&
		    pen < c->date_pen ? c->date_pen : pen;
}

static int
lb_fitness(double r)
{
	if (r < -0.5)
		return 0;
	if (r <= 0.5)
		return 1;
	if (r <= 1)
		return 2;
	return 3;
}

/* Sums after a break at b: skip the glue and penalties that vanish. */
static void
lb_after(const struct lb_ctx *c, size_t b, double *w, double *st, double *sh)
{
	size_t i;

	*w = c->sw[b];
	*st = c->sst[b];
	*sh = c->ssh[b];
	for (i = b; i < c->nitems; i++) {
		const struct lb_item *it = &c->items[i];

		if (it->type == LB_BOX)
			break;
		if (it->type == LB_GLUE) {
			*w += it->w_pt;
			*st += it->stretch_pt;
			*sh += it->shrink_pt;
		} else if (it->penalty == -LB_INF_PENALTY && i > b)
			break;
	}
}

/* A feasible break at item b: its best candidate node per fitness class. */
struct lb_cands {
	struct lb_node	 cand[4];
	int		 have[4];
};

/*
 * Try a line from active node a (index ai) to the break at item b with
 * tolerance tol; keep it in k when it beats the candidate of its fitness
 * class.  The node dies when the line is too long or the break forced.
 */
static void
lb_try(struct lb_ctx *c, struct lb_node *na, size_t ai, size_t b,
    double width_pt, double tol, struct lb_cands *k)
{
	const struct lb_item	*it = &c->items[b];
	int			 forced = it->type == LB_PENALTY &&
	    it->penalty <= -LB_INF_PENALTY;
	double			 pw = it->type == LB_PENALTY ? it->w_pt : 0;
	int			 pen = it->penalty;   /* 0 for a box */
	double			 L, r, bad, dem;
	int			 fit;

	L = c->sw[b] - na->totw + pw;
	if (L < width_pt) {
		double st = c->sst[b] - na->totst;

		/* LB_RAGGED lines are not stretched: their cost is how
		 * short they fall of the measure, so that a table cell reads
		 * "Kế toán trưởng, / Sở Tài chính", not "Kế / toán trưởng,
		 * Sở Tài chính" (with the spaces' stretch only, every line
		 * of a narrow cell was out of tolerance, all cost the same,
		 * and the shortest first line won). */
		if (!it->charbreak)
			st += c->rag_pt;

		/* A line of characters of a cut word cannot stretch: count
		 * its shortfall in ems, so a line short by less than a
		 * character is good and a half-empty one is not. */
		r = st > 0 ? (width_pt - L) / st :
		    it->charbreak ? (width_pt - L) / c->size_pt : DBL_MAX;
	} else if (L > width_pt) {
		double sh = c->ssh[b] - na->totsh;

		r = sh > 0 ? (width_pt - L) / sh : -DBL_MAX;
	} else
		r = 0;
	if (r < -1 || forced)
		na->active = 0;
	if (r < -1) {
		/* Too long even when shrunk.  At the final tolerance a line
		 * of a single word (or character) is accepted anyway: the
		 * measure is narrower than that, and the overflow cannot be
		 * helped. */
		if (!(tol < 0 && (L - width_pt < 0.01 ||
		    c->sb[b] - c->sb[na->pos] <= 1)))
			return;
		r = -1;
	}
	if (r > tol && tol >= 0)
		return;
	if (r == DBL_MAX)
		bad = 10000;
	else {
		bad = 100 * fabs(r) * fabs(r) * fabs(r);
		if (bad > 10000)
			bad = 10000;
	}
	dem = (LB_LINE_PENALTY + bad) * (LB_LINE_PENALTY + bad);
	if (pen > 0)
		dem += (double)pen * pen;
	else if (pen < 0 && !forced)
		dem -= (double)pen * pen;
	fit = lb_fitness(r == DBL_MAX ? 2 : r);
	if (abs(fit - na->fit) > 1)
		dem += LB_ADJ_DEMERITS;
	if (forced && c->cell && na->pos > 0 && c->sb[b] - c->sb[na->pos] <= 1)
		dem += LB_LONE_SYL;
	dem += na->dem;
	if (!k->have[fit] || dem < k->cand[fit].dem) {
		memset(&k->cand[fit], 0, sizeof(k->cand[fit]));
		k->cand[fit].pos = b;
		k->cand[fit].fit = fit;
		k->cand[fit].dem = dem;
		k->cand[fit].prev = (int)ai;
		k->cand[fit].ratio = r == DBL_MAX ? 0 : r;
		k->cand[fit].active = 1;
		k->have[fit] = 1;
	}
}

/* Is item b a legal break? */
static int
lb_legal(const struct lb_ctx *c, size_t b)
{
	const struct lb_item *it = &c->items[b];

	if (it->type == LB_GLUE)
		return c->items[b - 1].type == LB_BOX &&
		    it->penalty < LB_INF_PENALTY;
	if (it->type == LB_PENALTY)
		return it->penalty < LB_INF_PENALTY;
	return 0;
}

/*
 * One pass of the algorithm with tolerance tol (largest stretch ratio
 * accepted; tol < 0 accepts any).  Returns the best final node index in
 * *nodes, -1 when no feasible breaks exist at this tolerance, -2 when
 * memory ran out.
 */
static int
lb_pass(struct lb_ctx *c, double width_pt, double tol, struct lb_node **pn,
    size_t *pnn)
{
	struct lb_node	*nodes = NULL;
	size_t		*act = NULL;         /* indices of the active nodes */
	size_t		 nact = 0, capact = 0, k;
	size_t		 nn = 0, cap = 0, b, a;
	int		 best_final = -1;

#define PUSH_NODE(N) do {						\
	if (vb_grow((void **)&nodes, &cap, nn + 1, sizeof(*nodes)) ||	\
	    vb_grow((void **)&act, &capact, nact + 1, sizeof(*act))) {	\
		free(nodes); free(act); return -2;			\
	}								\
	act[nact++] = nn;						\
	nodes[nn++] = (N);						\
} while (0)

	{
		struct lb_node start;

		/* The indent box is content: the sums start at 0. */
		memset(&start, 0, sizeof(start));
		start.fit = 1;
		start.prev = -1;
		start.active = 1;
		PUSH_NODE(start);
	}
	for (b = 1; b < c->nitems; b++) {
		struct lb_cands cs;

		if (!lb_legal(c, b))
			continue;
		memset(&cs, 0, sizeof(cs));
		for (k = 0; k < nact; k++)
			if (nodes[act[k]].active)
				lb_try(c, &nodes[act[k]], act[k], b, width_pt,
				    tol, &cs);
		/* Forget the nodes that died here, then add the new ones. */
		for (a = k = 0; k < nact; k++)
			if (nodes[act[k]].active)
				act[a++] = act[k];
		nact = a;
		for (int f = 0; f < 4; f++) {
			if (!cs.have[f])
				continue;
			lb_after(c, b, &cs.cand[f].totw, &cs.cand[f].totst,
			    &cs.cand[f].totsh);
			PUSH_NODE(cs.cand[f]);
		}
		if (nact == 0 && b + 1 < c->nitems) {
			free(nodes);
			free(act);
			return -1;
		}
	}
	free(act);
	for (a = 0; a < nn; a++)
		if (nodes[a].pos == c->nitems - 1 &&
		    (best_final < 0 || nodes[a].dem < nodes[best_final].dem))
			best_final = (int)a;
	if (best_final < 0) {
		free(nodes);
		return -1;
	}
	*pn = nodes;
	*pnn = nn;
	return best_final;
#undef PUSH_NODE
}

static int
lb_add_piece(struct lb_line *ln, size_t *cap, double x, const struct lb_seg *s)
{
	struct lb_piece *p;

	if (vb_grow((void **)&ln->p, cap, ln->n + 1, sizeof(*ln->p)) != 0)
		return -1;
	p = &ln->p[ln->n++];
	p->x_pt = x + s->lead_pt;
	p->face = s->face;
	p->sup = s->sup;
	p->text = s->t;
	p->n = s->n;
	return 0;
}

/* Lay out the items of one line, from after break `from` to break `to`. */
static int
lb_make_line(struct lb_ctx *c, size_t from, size_t to, double ratio,
    int justify, struct lb_line *ln)
{
	size_t	 i, cap = 0, k;
	double	 x = 0, r;
	int	 natural_gap = 0;   /* previous glue was set at natural width */
	int	 prev_box = 0;      /* the previous item was a box: no gap */
	int	 at_start = 1;

	/* Lines that end by a forced break (paragraph end, hard break) keep
	 * natural spacing; so do all lines of unjustified text, except that
	 * they may shrink. */
	r = ratio;
	if (justify != 1 || (c->items[to].type == LB_PENALTY &&
	    c->items[to].penalty <= -LB_INF_PENALTY))
		r = ratio < 0 ? ratio : 0;
	if (justify == LB_NATURAL)
		r = 0;
	memset(ln, 0, sizeof(*ln));
	ln->ratio = r;
	for (i = from; i < to; i++) {
		const struct lb_item *it = &c->items[i];

		if (at_start && it->type != LB_BOX && i > 0)
			continue;   /* discarded after a break */
		if (it->type == LB_GLUE) {
			if (it->stretch_pt >= LB_FILL)
				continue;
			x += it->w_pt + (r >= 0 ? r * it->stretch_pt :
			    r * it->shrink_pt);
			natural_gap = r == 0;
			prev_box = 0;
			continue;
		}
		if (it->type == LB_PENALTY)
			continue;
		for (k = it->s0; k < it->s1; k++) {
			const struct lb_seg	*s = &c->segs[k];
			struct lb_piece		*last = ln->n ?
			    &ln->p[ln->n - 1] : NULL;

			/* Merge with the previous piece when the space
			 * between them is natural and both sit in the same
			 * run: fewer, longer text runs in the PDF. */
			if (last != NULL && last->face == s->face &&
			    last->sup == s->sup && last->text + last->n + 1 ==
			    s->t && last->text[last->n] == ' ' &&
			    natural_gap && k == it->s0)
				last->n += 1 + s->n;
			else if (last != NULL && (k > it->s0 || prev_box) &&
			    last->face == s->face && last->sup == s->sup &&
			    last->text + last->n == s->t)
				last->n += s->n;
			else if (lb_add_piece(ln, &cap, x, s) == -1)
				return -1;
			x += s->w_pt;
		}
		if (it->s0 == it->s1)
			x += it->w_pt;   /* the indent */
		natural_gap = 0;
		prev_box = it->s0 != it->s1;
		at_start = 0;
	}
	ln->width_pt = x;
	return 0;
}

int
lb_break(const struct layout_font *lf, const struct doc_inline *in,
    double size_pt, double width_pt, double indent_pt, int justify,
    struct lb_result *out)
{
	static const double	 tols[] = { 1.0, 2.5, 10.0, -1 };
	struct lb_ctx		 c;
	struct lb_node		*nodes = NULL;
	size_t			 nn = 0, i, nlines;
	int			 best = -1, rc = -1, pass;
	unsigned		 t;

	memset(&c, 0, sizeof(c));
	memset(out, 0, sizeof(*out));
	c.cell = (justify & LB_CELL) != 0;
	justify &= ~LB_CELL;
	c.lf = lf;
	c.size_pt = size_pt;
	c.width_pt = width_pt;
	c.rag_pt = justify == LB_RAGGED ? width_pt : 0;
	if (lb_items(&c, in, width_pt, indent_pt) == -1)
		goto done;
	if ((c.sw = calloc(c.nitems + 1, sizeof(double))) == NULL ||
	    (c.sst = calloc(c.nitems + 1, sizeof(double))) == NULL ||
	    (c.ssh = calloc(c.nitems + 1, sizeof(double))) == NULL ||
	    (c.sb = calloc(c.nitems + 1, sizeof(size_t))) == NULL)
		goto done;
	for (i = 0; i < c.nitems; i++) {
		const struct lb_item *it = &c.items[i];

		c.sw[i + 1] = c.sw[i] + (it->type == LB_PENALTY ? 0 : it->w_pt);
		c.sst[i + 1] = c.sst[i] +
		    (it->type == LB_GLUE ? it->stretch_pt : 0);
		c.ssh[i + 1] = c.ssh[i] +
		    (it->type == LB_GLUE ? it->shrink_pt : 0);
		c.sb[i + 1] = c.sb[i] + (it->type == LB_BOX && i > 0);
	}
	/* Inside words and names: a cost in justified text; elsewhere no
	 * break at all, unless nothing else fits. */
	if (lb_mark_words(&c) == -1)
		goto done;
	c.date_pen = LB_INF_PENALTY;
	lb_word_penalty(&c, justify == 1 ? LB_WORD_SOFT : LB_INF_PENALTY);
	for (pass = 0; pass < 2; pass++) {
		for (t = 0; t < sizeof(tols) / sizeof(tols[0]); t++) {
			best = lb_pass(&c, width_pt, tols[t], &nodes, &nn);
			if (best == -2)
				goto done;
			if (best >= 0)
				break;
		}
		if (best >= 0 || c.nwglue == 0 || pass > 0)
			break;
		c.date_pen = LB_DATE_PEN;   /* dates may break now */
		lb_word_penalty(&c, justify == 1 ? LB_WORD_SOFT : LB_WORD_HARD);
	}
	if (best < 0)
		goto done;
	for (nlines = 0, i = (size_t)best; nodes[i].prev >= 0;
	    i = (size_t)nodes[i].prev) {
		nlines++;
		if (c.items[nodes[i].pos].type == LB_GLUE &&
		    c.items[nodes[i].pos].penalty > 0)
			out->nsplit++;
	}
	if ((out->lines = calloc(nlines ? nlines : 1,
	    sizeof(struct lb_line))) == NULL)
		goto done;
	out->n = nlines;
	for (i = (size_t)best; nodes[i].prev >= 0; i = (size_t)nodes[i].prev) {
		const struct lb_node *prev = &nodes[nodes[i].prev];

		if (lb_make_line(&c, prev->pos, nodes[i].pos, nodes[i].ratio,
		    justify, &out->lines[--nlines]) == -1)
			goto done;
	}
	/* Drop empty lines (a paragraph that was only spaces). */
	rc = 0;
done:
	free(nodes);
	free(c.segs);
	free(c.items);
	free(c.sw);
	free(c.sst);
	free(c.ssh);
	free(c.sb);
	free(c.wglue);
	if (rc != 0)
		lb_result_free(out);
	return rc;
}

void
lb_result_free(struct lb_result *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		free(r->lines[i].p);
	free(r->lines);
	r->lines = NULL;
	r->n = 0;
	r->nsplit = 0;
}
