/*
 * layout/chart.c - a chart block as one row of the vertical list, so the
 * paginator keeps it whole: when it does not fit the rest of a page its
 * plot shrinks (down to CH_SQUEEZE_MIN, the text keeping its size), else
 * it moves to the next page, and the text after it may move up before it
 * (a float).  Bar charts put the category labels at the left (wrapped to two
 * lines), the value axis below; column charts the value axis at the left,
 * the labels below.  Everything is black and greys a photocopier keeps:
 * series filled in distinct greys with black outlines, thin gridlines at
 * nice steps, numbers written the Vietnamese way (87,5 %).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "layout/layout_int.h"

#define CH_TITLE_PT 13.0     /* title, bold */
#define CH_TITLE_LEAD_PT 15.6
#define CH_CAT_PT 13.0       /* category labels: the size of tables */
#define CH_CAT_LEAD_PT 15.0
#define CH_SMALL_PT 13.0     /* ticks, values, legend, unit line */
#define CH_SMALL_LEAD_PT 15.0
#define CH_MIN_PT 10.0       /* values and labels shrink down to this */
#define CH_GRID_PT 0.5       /* gridlines, drawn in grey */
#define CH_GRID_GREY 0.55
#define CH_AXIS_PT 0.5       /* axes and outlines */
#define CH_TICK_PT 3.0       /* tick mark length */
#define CH_GAP_PT 6.0        /* between labels and the plot */
#define CH_LABEL_COL 0.36    /* bar charts: label column, share of width */
#define CH_COLUMN_H_MM 50.0  /* default plot height of a column chart */
#define CH_MAXTICKS 12
#define CH_SQUEEZE_MIN 0.75  /* a plot shrinks to this share of its height
			      * to stay on a page, not below */

static const double ch_greys[DOC_CHART_MAXSERIES] = { 0.35, 0.6, 0.8, 1.0 };

/* A chart being laid out. */
struct chart {
	struct lctx		*L;
	const struct doc_block	*b;
	const struct doc_chart	*c;
	double			 x0_pt, w_pt;  /* the text width */
	double			 ticks[CH_MAXTICKS + 1];  /* axis values */
	int			 nticks;
	double			 amax;         /* axis maximum (value) */
	int			 unit_ticks;   /* 1: the unit follows each tick */
	int			 err;          /* 1: memory */
	int			 cut;          /* 1: the last ch_wrap cut its text */
	double			 squeeze;      /* share of its plot height drawn */
	double			 plot_pt;      /* the plot's height, pt */
	int			 quiet;        /* 1: laid out again: no warnings */
};

/* Grey of series k: one series is mid grey. */
static double
ch_grey(const struct chart *ch, size_t k)
{
	return ch->c->nseries == 1 ? ch_greys[1] : ch_greys[k];
}

/* v as Vietnamese write it (sotien_decimal: 1.490.000; 87,5), then
 * " unit" if unit. */
static void
ch_fmt(double v, const char *unit, char *buf, size_t n)
{
	size_t len;

	sotien_decimal(v, buf, n);
	if (unit != NULL) {
		len = strlen(buf);
		snprintf(buf + len, n - len, " %s", unit);
	}
}

/*
 * The axis: a nice step (1, 2, 2.5 or 5 times a power of ten), at most
 * qmax steps (the room for their labels).  With max= the step divides it
 * when one such step (or 3 times a power of ten: 0, 30, 60, 90) does; otherwise the largest value (or max=) is
 * rounded up to a multiple of a step, with at most 6 steps.  The ticks
 * run from 0 to the maximum.
 */
static void
ch_axis(struct chart *ch, int qmax)
{
	static const double	 f[] = { 1, 2, 2.5, 3, 5 };
	const struct doc_chart	*c = ch->c;
	double			 m = c->max, mag, s = 0, v;
	size_t			 i;
	int			 e, k, found = 0;

	if (m <= 0)
		for (i = 0; i < c->nrows * c->nseries; i++)
			if (c->values[i] > m)
				m = c->values[i];
	if (m <= 0)
		m = 1;
	for (k = 0; k < 2 && !found; k++) {
		if (k == 0 && c->max <= 0)
			continue;
		mag = pow(10, floor(log10(m)) - 2);
		for (e = 0; e < 6 && !found; e++, mag *= 10)
			for (i = 0; i < 5 && !found; i++) {
				double q = m / (f[i] * mag);

				if (k == 1 && f[i] == 3)
					continue;   /* 3 only to divide max= */
				s = f[i] * mag;
				if (k == 0)
					found = q <= qmax + 1e-9 &&
					    fabs(q - round(q)) < 1e-6;
				else
					found = ceil(q - 1e-9) <=
					    (qmax < 6 ? qmax : 6);
			}
	}
	ch->amax = c->max > 0 ? c->max : ceil(m / s - 1e-9) * s;
	ch->nticks = 0;
	for (v = 0; v < ch->amax - s * 0.5 && ch->nticks < CH_MAXTICKS;
	    v = s * (double)ch->nticks)
		ch->ticks[ch->nticks++] = v;
	ch->ticks[ch->nticks++] = ch->amax;
}

static void
ch_text(struct chart *ch, double x, double y, int face, double size,
    const char *s)
{
	if (dl_add(ch->L->tmp, DL_TEXT, x, y, 0, 0, size, face, s,
	    strlen(s)) == NULL)
		ch->err = 1;
}

/* A rectangle filled in grey, outlined lw pt in black (0: none). */
static void
ch_fill(struct chart *ch, double x, double y, double w, double h,
    double grey, double lw)
{
	struct dl_item *it = dl_add(ch->L->tmp, DL_FILL, x, y, w, h, lw, 0,
	    NULL, 0);

	if (it == NULL)
		ch->err = 1;
	else
		it->grey = grey;
}

static void
ch_rule(struct chart *ch, double x1, double y1, double x2, double y2,
    double lw)
{
	if (dl_add(ch->L->tmp, DL_RULE, x1, y1, x2, y2, lw, 0, NULL,
	    0) == NULL)
		ch->err = 1;
}

static double
ch_width(const struct chart *ch, int face, double size, const char *s)
{
	return layout_width(ch->L->lf, face, size, s, strlen(s));
}

/* A value label at baseline y on a white ground, so no gridline runs
 * through its figures. */
static void
ch_value(struct chart *ch, double x, double y, double size, const char *s)
{
	ch_fill(ch, x - 1, y - size * 0.78, ch_width(ch, DOC_REGULAR, size,
	    s) + 2, size * 0.98, 1.0, 0);
	ch_text(ch, x, y, DOC_REGULAR, size, s);
}

/* Lines s takes at width_pt, or -1 (memory). */
static int
ch_count(const struct chart *ch, const char *s, int face, double size,
    double width)
{
	struct doc_inline	 in = { NULL, 0, 0 };
	struct lb_result	 res = { NULL, 0, 0 };
	int			 n = -1;

	if (doc_inline_add(&in, s, strlen(s), face, 0) == 0 &&
	    lb_break(ch->L->lf, &in, size, width, 0, 0, &res) == 0)
		n = (int)res.n;
	lb_result_free(&res);
	doc_inline_free(&in);
	return n;
}

/* The narrowest width not above width_pt that breaks s into as many
 * lines as width_pt does, when that is 2 to maxl: balanced lines
 * ("Ủy ban nhân dân thành phố / Điện Biên Phủ", not "... phố Điện /
 * Biên Phủ"). */
static double
ch_balance(const struct chart *ch, const char *s, int face, double size,
    double width, int maxl)
{
	int		 n = ch_count(ch, s, face, size, width), i;
	double		 lo = width / 2, hi = width;
	const char	*p = s;

	if (n < 2 || n > maxl)
		return width;
	while (*p != '\0') {   /* never below the widest word */
		size_t k = strcspn(p, " ");

		lo = fmax(lo, layout_width(ch->L->lf, face, size, p, k));
		p += k;
		p += strspn(p, " ");
	}
	if (lo >= hi)
		return width;
	for (i = 0; i < 10; i++) {
		double mid = (lo + hi) / 2;

		if (ch_count(ch, s, face, size, mid) == n)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

/*
 * Break s into at most maxl lines at width_pt (line breaker, natural
 * spacing); the last line allowed ends in "…" when the text goes on and
 * is shortened to fit_pt.  The lines (malloc'd) go to out; *over is how
 * far the widest line's natural width passes fit_pt (the line breaker
 * may shrink spaces).  Returns the number of lines, -1 (memory).
 */
static int
ch_wrap_at(struct chart *ch, const char *s, int face, double size,
    double width, double fit, int maxl, char **out, double *over)
{
	struct doc_inline	 in = { NULL, 0, 0 };
	struct lb_result	 res = { NULL, 0, 0 };
	const char		*t;
	int			 n = 0, i;

	*over = 0;
	if (doc_inline_add(&in, s, strlen(s), face, 0) == -1 ||
	    (in.n > 0 && lb_break(ch->L->lf, &in, size, width, 0, 0,
	    &res) == -1)) {
		doc_inline_free(&in);
		return -1;
	}
	t = in.n > 0 ? in.runs[0].text : "";
	for (i = 0; i < (int)res.n && n < maxl; i++) {
		const struct lb_line	*ln = &res.lines[i];
		size_t			 a, z;
		char			*r;

		if (ln->n == 0)
			continue;
		a = (size_t)(ln->p[0].text - t);
		z = (size_t)(ln->p[ln->n - 1].text + ln->p[ln->n - 1].n - t);
		if (n + 1 == maxl && i + 1 < (int)res.n) {
			/* The rest does not fit: shorten it, add "…". */
			if ((r = malloc(strlen(t + a) + 4)) == NULL)
				break;
			z = strlen(t + a);
			memcpy(r, t + a, z);
			strcpy(r + z, "…");
			while (z > 0 && ch_width(ch, face, size, r) > fit) {
				do
					z--;
				while (z > 0 && vb_utf8_cont((unsigned char)r[z]));
				while (z > 0 && r[z - 1] == ' ')
					z--;
				strcpy(r + z, "…");
			}
			/* Rather after a whole word than inside one. */
			while (z > 0 && r[z] != ' ' && memchr(r, ' ', z) != NULL)
				z--;
			while (z > 0 && r[z - 1] == ' ')
				z--;
			strcpy(r + z, "…");
			ch->cut = 1;
			out[n++] = r;
			break;
		}
		if ((out[n] = strndup(t + a, z - a)) == NULL)
			break;
		*over = fmax(*over, ch_width(ch, face, size, out[n]) - fit);
		n++;
	}
	lb_result_free(&res);
	doc_inline_free(&in);
	return n;
}

static void
ch_free_lines(char **v, int n)
{
	while (n > 0)
		free(v[--n]);
}

/*
 * s broken into at most maxl balanced lines that fit width_pt at their
 * natural spacing (see ch_wrap_at).  Returns their number, -1 (memory).
 */
static int
ch_wrap(struct chart *ch, const char *s, int face, double size,
    double width, int maxl, char **out)
{
	double	 w = ch_balance(ch, s, face, size, width, maxl), over;
	int	 n, tries;

	for (tries = 0; ; tries++) {
		ch->cut = 0;
		n = ch_wrap_at(ch, s, face, size, w, width, maxl, out, &over);
		if (n < 0 || over <= 0.01 || tries == 4)
			return n;
		ch_free_lines(out, n);
		w -= over + 0.5;
	}
}

/* The title (bold, centred, wrapped) and, for a long unit, the line
 * "Đơn vị tính: …" at the right; drawn from y if draw.  Returns the
 * height they take. */
static double
ch_head(struct chart *ch, double y, int draw)
{
	const struct doc_chart	*c = ch->c;
	char			*ln[4], cap[256];
	double			 y0 = y;
	int			 n, i;

	if (c->title != NULL) {
		n = ch_wrap(ch, c->title, DOC_BOLD, CH_TITLE_PT, ch->w_pt, 4,
		    ln);
		if (n < 0) {
			ch->err = 1;
			return 0;
		}
		for (i = 0; i < n; i++, y += CH_TITLE_LEAD_PT)
			if (draw)
				ch_text(ch, ch->x0_pt + (ch->w_pt - ch_width(ch,
				    DOC_BOLD, CH_TITLE_PT, ln[i])) / 2,
				    y + CH_TITLE_LEAD_PT - 3.6, DOC_BOLD,
				    CH_TITLE_PT, ln[i]);
		ch_free_lines(ln, n);
		y += 4;
	}
	if (c->unit != NULL && !ch->unit_ticks) {
		snprintf(cap, sizeof(cap), "Đơn vị tính: %s", c->unit);
		if (draw)
			ch_text(ch, ch->x0_pt + ch->w_pt - ch_width(ch,
			    DOC_ITALIC, CH_SMALL_PT, cap), y + CH_SMALL_PT,
			    DOC_ITALIC, CH_SMALL_PT, cap);
		y += CH_SMALL_LEAD_PT + 2;
	}
	return y - y0;
}

/* The legend (more than one series): a swatch and the name of each,
 * centred, as many lines as needed.  Returns its height. */
static double
ch_legend(struct chart *ch, double y, int draw)
{
	const struct doc_chart	*c = ch->c;
	double			 sw = 14, gap = 4, sep = 16, h = 0;
	size_t			 k = 0, j;

	if (c->nseries < 2)
		return 0;
	y += CH_GAP_PT;
	while (k < c->nseries) {
		double lw = 0, x;

		for (j = k; j < c->nseries; j++) {
			double iw = sw + gap + ch_width(ch, DOC_REGULAR,
			    CH_SMALL_PT, c->series[j]);

			if (j > k && lw + sep + iw > ch->w_pt)
				break;
			lw += (j > k ? sep : 0) + iw;
		}
		x = ch->x0_pt + (ch->w_pt - lw) / 2;
		for (; draw && k < j; k++) {
			ch_fill(ch, x, y + h + 3.5, sw, 8, ch_grey(ch, k),
			    CH_AXIS_PT);
			ch_text(ch, x + sw + gap, y + h + CH_SMALL_PT - 1,
			    DOC_REGULAR, CH_SMALL_PT, c->series[k]);
			x += sw + gap + sep + ch_width(ch, DOC_REGULAR,
			    CH_SMALL_PT, c->series[k]);
		}
		k = j;
		h += CH_SMALL_LEAD_PT;
	}
	return h + CH_GAP_PT;
}

/* The tick label of axis value v. */
static void
ch_tick_label(const struct chart *ch, double v, char *buf, size_t n)
{
	ch_fmt(v, ch->unit_ticks ? ch->c->unit : NULL, buf, n);
}

/* The label of value v: with the unit when it is short (87,5 %); a long
 * unit is said once, in the line "Đơn vị tính: …". */
static void
ch_value_label(const struct chart *ch, double v, char *buf, size_t n)
{
	ch_fmt(v, ch->unit_ticks ? ch->c->unit : NULL, buf, n);
}

/* Widest label of the values of every row (labels=yes), pt. */
static double
ch_value_w(const struct chart *ch, double size)
{
	const struct doc_chart	*c = ch->c;
	double			 w = 0;
	char			 buf[64];
	size_t			 i;

	for (i = 0; i < c->nrows * c->nseries; i++) {
		ch_value_label(ch, c->values[i], buf, sizeof(buf));
		if (ch_width(ch, DOC_REGULAR, size, buf) > w)
			w = ch_width(ch, DOC_REGULAR, size, buf);
	}
	return w;
}

/* Steps of the axis that fit len_pt with each at least min_pt long. */
static int
ch_qmax(double len, double min)
{
	int q = (int)floor(len / min);

	return q < 1 ? 1 : q > 10 ? 10 : q;
}

/* Report a chart taller than the page or too low for its rows. */
static int
ch_too_tall(struct chart *ch, double h)
{
	double avail = ch->L->bottom_pt - ch->L->top_pt;

	if (h <= avail + 0.01)
		return 0;
	diag_add(ch->L->d, DIAG_ERROR, ch->L->doc->name, ch->b->line,
	    ch->b->col, "the chart is %.0f mm tall; a page holds %.0f mm "
	    "(fewer rows, or a smaller height=)", h * 25.4 / 72,
	    avail * 25.4 / 72);
	return 1;
}

static int
ch_too_low(struct chart *ch, double need_mm)
{
	diag_add(ch->L->d, DIAG_ERROR, ch->L->doc->name, ch->b->line,
	    ch->b->col, "height=%gmm is too low for this chart; it needs at "
	    "least %.0f mm (raise height=, or leave it out)",
	    ch->c->height_mm, ceil(need_mm));
	return -1;
}

/* A warning when the label of row r had to be cut (ch->cut). */
static void
ch_cut_warn(struct chart *ch, size_t r)
{
	if (!ch->cut || ch->quiet)
		return;
	diag_add(ch->L->d, DIAG_WARNING, ch->L->doc->name,
	    ch->c->row_line[r], 1, "the label '%s' is cut to fit the chart "
	    "(shorten it%s)", ch->c->cats[r], ch->c->type == DOC_CHART_COLUMN ?
	    ", or draw long labels with type=bar" : "");
}

/*
 * A unit's name too long for one line broken at its natural seam: the
 * unit's type ("UBND thành phố", "Sở", "Ban") on the first line, its
 * proper name, from the first capitalised word after the first
 * ("Điện Biên Phủ", "Văn hóa, Thể thao và Du lịch"), on the second, when
 * each fits width_pt at its natural spacing.  The line breaker alone gave
 * "UBND / thành phố Điện Biên Phủ".  Returns 2, 0 (no such seam: the
 * caller breaks), -1 (memory).
 */
static int
ch_seam(struct chart *ch, const char *s, double size, double width,
    int maxl, char **out)
{
	const char	*p = s + strcspn(s, " ");

	if (maxl < 2 || ch_width(ch, DOC_REGULAR, size, s) <= width)
		return 0;
	for (p += strspn(p, " "); *p != '\0'; p += strspn(p, " ")) {
		size_t k = strcspn(p, " ");

		if (lw_titlecase(p, k))
			break;
		p += k;
	}
	if (*p == '\0' || ch_width(ch, DOC_REGULAR, size, p) > width)
		return 0;
	out[1] = strdup(p);
	while (p > s && p[-1] == ' ')
		p--;
	out[0] = strndup(s, (size_t)(p - s));
	if (out[0] == NULL || out[1] == NULL) {
		free(out[0]);
		free(out[1]);
		out[0] = out[1] = NULL;
		return -1;
	}
	if (ch_width(ch, DOC_REGULAR, size, out[0]) > width) {
		ch_free_lines(out, 2);
		out[0] = out[1] = NULL;
		return 0;
	}
	return 2;
}

/* The category labels, at most maxl lines each at size sz and width w:
 * into lab[r * stride + i], their counts into nl[r].  Returns the most
 * lines. */
static int
ch_labels(struct chart *ch, double sz, double w, int maxl, size_t stride,
    char **lab, int *nl)
{
	size_t	 r;
	int	 most = 1;

	for (r = 0; r < ch->c->nrows; r++) {
		nl[r] = ch_seam(ch, ch->c->cats[r], sz, w, maxl,
		    &lab[r * stride]);
		if (nl[r] == 0)
			nl[r] = ch_wrap(ch, ch->c->cats[r], DOC_REGULAR, sz, w,
			    maxl, &lab[r * stride]);
		ch_cut_warn(ch, r);
		if (nl[r] < 0) {
			nl[r] = 0;
			ch->err = 1;
		}
		if (nl[r] > most)
			most = nl[r];
	}
	return most;
}

/* Bars of row r at band centre yc, thickness th each, scale px/value. */
static void
ch_bar_row(struct chart *ch, size_t r, double px0, double scale,
    double yc, double gh, double vsize)
{
	const struct doc_chart	*c = ch->c;
	double			 th = gh / (double)c->nseries;
	size_t			 k;
	char			 buf[64];

	for (k = 0; k < c->nseries; k++) {
		double v = c->values[r * c->nseries + k];
		double top = yc - gh / 2 + (double)k * th;

		if (v * scale >= 0.05)
			ch_fill(ch, px0, top, v * scale, th, ch_grey(ch, k),
			    CH_AXIS_PT);
		if (c->labels) {
			ch_value_label(ch, v, buf, sizeof(buf));
			ch_value(ch, px0 + v * scale + 3, top + th / 2 +
			    vsize * 0.35, vsize, buf);
		}
	}
}

/* A bar chart (horizontal bars) from y 0 of the current row. */
static double
ch_bar(struct chart *ch, char **lab, int *nl)
{
	const struct doc_chart	*c = ch->c;
	double			 W = ch->w_pt, lw = 0, rr, px0, px1, pitch = 0,
	    head, foot, py0, py1, gh, vsize, h;
	char			 buf[64];
	size_t			 r;
	int			 i, most, maxl = 2;

	for (r = 0; r < c->nrows; r++)
		if (ch_width(ch, DOC_REGULAR, CH_CAT_PT, c->cats[r]) > lw)
			lw = ch_width(ch, DOC_REGULAR, CH_CAT_PT, c->cats[r]);
	if (lw > W * CH_LABEL_COL)
		lw = W * CH_LABEL_COL;
	ch_tick_label(ch, ch->amax, buf, sizeof(buf));
	ch_axis(ch, ch_qmax(W - lw - CH_GAP_PT - (c->labels ? ch_value_w(ch,
	    CH_SMALL_PT) : 0) - 10, ch_width(ch, DOC_REGULAR, CH_SMALL_PT,
	    buf) + 12));
	head = ch_head(ch, 0, 0);
	foot = CH_TICK_PT + CH_SMALL_LEAD_PT + 2 + ch_legend(ch, 0, 0);
	if (c->height_mm > 0) {
		pitch = (MM_PT(c->height_mm) - head - foot) / (double)c->nrows;
		maxl = (int)floor((pitch - 4) / CH_CAT_LEAD_PT);
		if (maxl < 1 || pitch < (double)c->nseries * 5 + 4)
			return ch_too_low(ch, (head + foot + (double)c->nrows *
			    fmax(CH_CAT_LEAD_PT + 4, (double)c->nseries * 5 +
			    4)) * 25.4 / 72);
		if (maxl > 2)
			maxl = 2;
	}
	most = ch_labels(ch, CH_CAT_PT, lw, maxl, 2, lab, nl);
	/* Shrunk, a band still holds its label (values go down to
	 * CH_MIN_PT with the bars, as for height=). */
	if (c->height_mm <= 0)
		pitch = fmax(fmax(fmax(most * CH_CAT_LEAD_PT + 8,
		    (double)c->nseries * 13 + 8), 22) * ch->squeeze,
		    fmax(most * CH_CAT_LEAD_PT + 2, (double)c->nseries * 5 +
		    4));
	gh = fmin(pitch * 0.62, (double)c->nseries * 16);
	vsize = fmax(CH_MIN_PT, fmin(CH_SMALL_PT, gh / (double)c->nseries));
	ch_tick_label(ch, ch->amax, buf, sizeof(buf));
	rr = ch_width(ch, DOC_REGULAR, CH_SMALL_PT, buf) / 2 + 1;
	if (c->labels && ch_value_w(ch, vsize) + 5 > rr)
		rr = ch_value_w(ch, vsize) + 5;
	px0 = ch->x0_pt + lw + CH_GAP_PT;
	px1 = ch->x0_pt + W - rr;
	py0 = ch_head(ch, 0, 1);
	py1 = py0 + pitch * (double)c->nrows;
	ch->plot_pt = py1 - py0;
	for (i = 0; i < ch->nticks; i++) {
		double x = px0 + ch->ticks[i] / ch->amax * (px1 - px0);

		if (i > 0)
			ch_fill(ch, x - CH_GRID_PT / 2, py0, CH_GRID_PT,
			    py1 - py0, CH_GRID_GREY, 0);
		ch_rule(ch, x, py1, x, py1 + CH_TICK_PT, CH_AXIS_PT);
		ch_tick_label(ch, ch->ticks[i], buf, sizeof(buf));
		ch_text(ch, x - ch_width(ch, DOC_REGULAR, CH_SMALL_PT, buf) / 2,
		    py1 + CH_TICK_PT + CH_SMALL_PT, DOC_REGULAR, CH_SMALL_PT,
		    buf);
	}
	for (r = 0; r < c->nrows; r++) {
		double yc = py0 + pitch * ((double)r + 0.5);
		double y = yc - nl[r] * CH_CAT_LEAD_PT / 2;

		ch_bar_row(ch, r, px0, (px1 - px0) / ch->amax, yc, gh, vsize);
		for (i = 0; i < nl[r]; i++, y += CH_CAT_LEAD_PT)
			ch_text(ch, px0 - CH_GAP_PT - ch_width(ch, DOC_REGULAR,
			    CH_CAT_PT, lab[r * 2 + i]), y + CH_CAT_LEAD_PT / 2 +
			    CH_CAT_PT * 0.35, DOC_REGULAR, CH_CAT_PT,
			    lab[r * 2 + i]);
	}
	ch_rule(ch, px0, py0, px0, py1 + CH_TICK_PT, CH_AXIS_PT);
	ch_rule(ch, px0, py1, px1, py1, CH_AXIS_PT);
	h = py1 + CH_TICK_PT + CH_SMALL_LEAD_PT + 2;
	h += ch_legend(ch, h, 1);
	return h;
}

/* A column chart (vertical columns) from y 0 of the current row. */
static double
ch_column(struct chart *ch, char **lab, int *nl)
{
	const struct doc_chart	*c = ch->c;
	double			 tw = 0, px0, px1, slot, sz, lead, head, foot,
	    top, H, py0, py1, gw, cwid, vsize = CH_SMALL_PT, scale, h;
	char			 buf[64];
	size_t			 r, k;
	int			 i, most;

	head = ch_head(ch, 0, 0);
	top = CH_SMALL_PT / 2 + (c->labels ? CH_SMALL_PT + 3 : 0);
	/* The plot: CH_COLUMN_H_MM, or at least height= less the most the
	 * rest can take. */
	H = c->height_mm > 0 ? MM_PT(c->height_mm) - head - top -
	    (CH_TICK_PT + 3 * CH_CAT_PT * 1.15 + 4) - ch_legend(ch, 0, 0) :
	    MM_PT(CH_COLUMN_H_MM) * ch->squeeze;
	ch_axis(ch, ch_qmax(H, 2 * CH_SMALL_PT));
	for (i = 0; i < ch->nticks; i++) {
		ch_tick_label(ch, ch->ticks[i], buf, sizeof(buf));
		tw = fmax(tw, ch_width(ch, DOC_REGULAR, CH_SMALL_PT, buf));
	}
	px0 = ch->x0_pt + tw + CH_TICK_PT + 3;
	px1 = ch->x0_pt + ch->w_pt - 2;
	slot = (px1 - px0) / (double)c->nrows;
	sz = slot >= 50 ? CH_CAT_PT : slot >= 40 ? CH_CAT_PT - 1 :
	    CH_CAT_PT - 2;
	lead = sz * 1.15;
	most = ch_labels(ch, sz, slot - 4, 3, 3, lab, nl);
	gw = fmin(slot * 0.7, (double)c->nseries * 32);
	cwid = gw / (double)c->nseries;
	if (c->labels && ch_value_w(ch, vsize) > cwid - 1)
		vsize = fmax(CH_MIN_PT - 1, vsize * (cwid - 1) /
		    ch_value_w(ch, vsize));
	foot = CH_TICK_PT + most * lead + 4 + ch_legend(ch, 0, 0);
	if (c->height_mm <= 0)
		H = head + top + MM_PT(CH_COLUMN_H_MM) * ch->squeeze + foot;
	else if ((H = MM_PT(c->height_mm)) - head - top - foot < MM_PT(20))
		return ch_too_low(ch, (head + top + foot) * 25.4 / 72 + 20);
	py0 = ch_head(ch, 0, 1) + top;
	py1 = H - foot;
	scale = (py1 - py0) / ch->amax;
	ch->plot_pt = py1 - py0;
	for (i = 0; i < ch->nticks; i++) {
		double y = py1 - ch->ticks[i] * scale;

		if (i > 0)
			ch_fill(ch, px0, y - CH_GRID_PT / 2, px1 - px0,
			    CH_GRID_PT, CH_GRID_GREY, 0);
		ch_rule(ch, px0 - CH_TICK_PT, y, px0, y, CH_AXIS_PT);
		ch_tick_label(ch, ch->ticks[i], buf, sizeof(buf));
		ch_text(ch, px0 - CH_TICK_PT - 2 - ch_width(ch, DOC_REGULAR,
		    CH_SMALL_PT, buf), y + CH_SMALL_PT * 0.35, DOC_REGULAR,
		    CH_SMALL_PT, buf);
	}
	for (r = 0; r < c->nrows; r++) {
		double xc = px0 + slot * ((double)r + 0.5);

		for (k = 0; k < c->nseries; k++) {
			double v = c->values[r * c->nseries + k];
			double x = xc - gw / 2 + (double)k * cwid;

			if (v * scale >= 0.05)
				ch_fill(ch, x, py1 - v * scale, cwid, v * scale,
				    ch_grey(ch, k), CH_AXIS_PT);
			if (!c->labels)
				continue;
			ch_value_label(ch, v, buf, sizeof(buf));
			ch_value(ch, x + (cwid - ch_width(ch, DOC_REGULAR,
			    vsize, buf)) / 2, py1 - v * scale - 3, vsize, buf);
		}
		for (i = 0; i < nl[r]; i++)
			ch_text(ch, xc - ch_width(ch, DOC_REGULAR, sz,
			    lab[r * 3 + i]) / 2, py1 + CH_TICK_PT + 2 +
			    (double)i * lead + sz * 0.85, DOC_REGULAR, sz,
			    lab[r * 3 + i]);
	}
	ch_rule(ch, px0, py0, px0, py1, CH_AXIS_PT);
	ch_rule(ch, px0, py1, px1, py1, CH_AXIS_PT);
	h = py1 + CH_TICK_PT + most * lead + 4;
	h += ch_legend(ch, h, 1);
	return h;
}

/* Characters (code points) of UTF-8 s. */
static size_t
ch_chars(const char *s)
{
	return vb_utf8_chars(s, strlen(s));
}

/*
 * Draw chart b into L->tmp at plot share squeeze; ch is set up for it.
 * Returns its height, -1 (a message says why, or ch->err: memory).
 */
static double
ch_build(struct chart *ch, struct lctx *L, const struct doc_block *b,
    double squeeze)
{
	const struct doc_chart	*c = b->chart;
	char			**lab;
	int			*nl;
	size_t			 r;
	double			 h = -1;

	memset(ch, 0, sizeof(*ch));
	ch->L = L;
	ch->b = b;
	ch->c = c;
	ch->x0_pt = L->left_pt;
	ch->w_pt = L->width_pt;
	ch->squeeze = squeeze;
	ch->quiet = squeeze < 1;
	ch->unit_ticks = c->unit != NULL && ch_chars(c->unit) <= 3 &&
	    strchr(c->unit, ' ') == NULL;
	ch_axis(ch, 10);
	lab = calloc(c->nrows * 3, sizeof(char *));
	nl = calloc(c->nrows, sizeof(int));
	if (lab == NULL || nl == NULL)
		ch->err = 1;
	else
		h = c->type == DOC_CHART_BAR ? ch_bar(ch, lab, nl) :
		    ch_column(ch, lab, nl);
	for (r = 0; lab != NULL && r < c->nrows * 3; r++)
		free(lab[r]);
	free(lab);
	free(nl);
	return h;
}

/* Drop the items L->tmp holds from i0 on. */
static void
ch_undraw(struct lctx *L, size_t i0)
{
	while (L->tmp->n > i0)
		free(L->tmp->v[--L->tmp->n].text);
}

int
layout_chart(struct lctx *L, const struct doc_block *b)
{
	struct chart		 ch;
	size_t			 i0 = lrow_begin(L);
	struct vrow		*row;
	double			 h;

	h = ch_build(&ch, L, b, 1.0);
	if (h < 0 || ch.err || ch_too_tall(&ch, h)) {
		ch_undraw(L, i0);   /* nothing of it is drawn */
		return h < 0 || ch.err == 0 ? 0 : -1;   /* a message says why */
	}
	if ((row = lrow_end(L, i0, h, 2 * ND30_PARA_AFTER_PT, 0)) == NULL)
		return -1;
	row->floats = 1;
	row->chart = b;
	row->plot_pt = b->chart->height_mm > 0 ? 0 : ch.plot_pt;
	L->next_before = ND30_PARA_AFTER_PT;
	return 0;
}

/*
 * A chart that does not fit the rest of a page but would with its plot
 * at least CH_SQUEEZE_MIN of its height is laid out again that low (its
 * text keeps its size); a chart with height= keeps it.  The row takes the
 * new items, appended to L->tmp.
 */
int
layout_chart_fit(struct lctx *L, size_t r, double room)
{
	struct vrow	*v = &L->rows[r];
	struct chart	 ch;
	size_t		 i0 = L->tmp->n;
	double		 s, h;

	if (v->chart == NULL || v->plot_pt <= 0)
		return 0;
	s = (room - (v->h_pt - v->plot_pt)) / v->plot_pt;
	if (s < CH_SQUEEZE_MIN || s >= 1)
		return 0;
	h = ch_build(&ch, L, v->chart, s);
	if (h < 0 || ch.err || h > room + 0.01) {
		ch_undraw(L, i0);
		L->oom |= ch.err;
		return 0;
	}
	v->i0 = i0;
	v->i1 = L->tmp->n;
	v->h_pt = h;
	v->plot_pt = ch.plot_pt;
	return 1;
}
