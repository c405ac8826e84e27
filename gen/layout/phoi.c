/*
 * phoi.c - certificates: each awardee's text put into the boxes of a
 * layout (doc/phoi.c), one page per certificate, and the calibration
 * page (a millimetre grid and every box outlined).
 *
 * A text is set on one line per line it holds ("KT. CHỦ TỊCH" / "PHÓ
 * CHỦ TỊCH") at the box's size; when that is too wide it shrinks by half
 * points down to the box's minimum; when it is still too wide it wraps,
 * at the largest size from the box's own down to the minimum whose lines
 * fit the box's height (centred lines balanced, as the letterhead's).
 * The block of lines is centred in the box's height.  A text that fits
 * none of these is an error: nothing is ever drawn outside its box.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "doc/doc.h"
#include "doc/phoi.h"
#include "layout/layout.h"
#include "layout/layout_int.h"

/* Liberation Serif's ascent and descent (hhea, 1/1000 em: 891, 216),
 * which readers use as the glyphs' extent, and the line pitch. */
#define PHOI_ASC	0.891
#define PHOI_DESC	0.216
#define PHOI_LEAD	LINE_SINGLE
#define PHOI_STEP_PT	0.5     /* shrinking step */

/* Where the boxes go: the sheet's origin moved by the offsets. */
struct phoi_ctx {
	const struct layout_font *lf;
	struct dl		 *dl;
	double			  ox_pt, oy_pt;  /* offsets */
};

/* The right edge of line ln's drawn pieces, pt from its start. */
static double
phoi_extent(const struct layout_font *lf, const struct lb_line *ln,
    double size)
{
	double	 e = 0, r;
	size_t	 i;

	for (i = 0; i < ln->n; i++) {
		r = ln->p[i].x_pt + layout_width(lf, ln->p[i].face, size,
		    ln->p[i].text, ln->p[i].n);
		if (r > e)
			e = r;
	}
	return e;
}

/* 1 when every word (between spaces) of s is at most w wide. */
static int
phoi_words_fit(const struct layout_font *lf, int face, double size,
    const char *s, double w)
{
	const char *e;

	for (; *s != '\0'; s = *e ? e + 1 : e) {
		if ((e = strchr(s, ' ')) == NULL)
			e = s + strlen(s);
		if (layout_width(lf, face, size, s, (size_t)(e - s)) > w + 0.01)
			return 0;
	}
	return 1;
}

/*
 * One line of text (no "\n") broken into res: natural spacing on one
 * line when !wrap; else to width w, balanced when centred (the
 * narrowest measure that gives as many lines and breaks no more names).
 * 0, or -1 (memory).
 */
static int
phoi_break(const struct layout_font *lf, const struct doc_inline *in,
    double size, double w, int wrap, char align, struct lb_result *res)
{
	if (!wrap)
		return lb_break(lf, in, size, 1e6, 0, LB_NATURAL, res);
	if (align != 'c')
		return lb_break(lf, in, size, w, 0, LB_RAGGED, res);
	return lb_center(lf, in, size, w, res);
}

/* Draw the lines of res[0..nres) into box b centred in its height. */
static int
phoi_draw(struct phoi_ctx *c, const struct phoi_box *b, double size,
    struct lb_result *res, size_t nres, size_t nlines)
{
	double	 x0 = MM_PT(b->x_mm) + c->ox_pt, w = MM_PT(b->w_mm);
	double	 h = (double)(nlines - 1) * PHOI_LEAD * size +
		    (PHOI_ASC + PHOI_DESC) * size;
	double	 y = MM_PT(b->y_mm) + c->oy_pt + (MM_PT(b->h_mm) - h) / 2 +
		    PHOI_ASC * size;
	size_t	 i, j, k;

	for (i = 0; i < nres; i++)
		for (j = 0; j < res[i].n; j++, y += PHOI_LEAD * size) {
			const struct lb_line *ln = &res[i].lines[j];
			double e = phoi_extent(c->lf, ln, size);
			double x = b->align == 'l' ? x0 : b->align == 'r' ?
			    x0 + w - e : x0 + (w - e) / 2;

			for (k = 0; k < ln->n; k++)
				if (dl_add(c->dl, DL_TEXT, x + ln->p[k].x_pt, y,
				    0, 0, size, ln->p[k].face, ln->p[k].text,
				    ln->p[k].n) == NULL)
					return -1;
		}
	return 0;
}

/* Text t (its "\n" start new lines) in box b at size, one line each
 * (!wrap) or wrapped: drawn and 1 when it fits, 0 when not, -1. */
static int
phoi_try(struct phoi_ctx *c, const struct phoi_box *b, char **ln,
    size_t nln, double size, int wrap)
{
	struct doc_inline	*in;
	struct lb_result	*res;
	double			 w = MM_PT(b->w_mm), h;
	size_t			 i, j, n = 0;
	int			 rc = 1;

	res = calloc(nln, sizeof(*res));
	in = calloc(nln, sizeof(*in));
	if (res == NULL || in == NULL)
		rc = -1;
	for (i = 0; i < nln && rc == 1; i++) {
		if (wrap && !phoi_words_fit(c->lf, b->face, size, ln[i], w)) {
			rc = 0;
			break;
		}
		/* (the pieces point into the inline: kept until drawn) */
		if (doc_inline_add(&in[i], ln[i], strlen(ln[i]), b->face, 0) !=
		    0 || phoi_break(c->lf, &in[i], size, w, wrap, b->align,
		    &res[i]) != 0)
			rc = -1;
		for (j = 0; rc == 1 && j < res[i].n; j++)
			if (phoi_extent(c->lf, &res[i].lines[j], size) > w + 0.01)
				rc = 0;
		n += res[i].n;
	}
	h = (double)(n ? n - 1 : 0) * PHOI_LEAD * size +
	    (PHOI_ASC + PHOI_DESC) * size;
	if (rc == 1 && h > MM_PT(b->h_mm) + 0.01)
		rc = 0;
	if (rc == 1 && phoi_draw(c, b, size, res, nln, n) != 0)
		rc = -1;
	for (i = 0; res != NULL && in != NULL && i < nln; i++) {
		lb_result_free(&res[i]);   /* (zeroed when not broken) */
		doc_inline_free(&in[i]);
	}
	free(res);
	free(in);
	return rc;
}

/* The text of box b for certificate ce: the field's, or the box's mau
 * with "{}" the field's and "{key}" another field's ("{danh_xung} {}"),
 * spaces trimmed and doubled ones made single; NULL when the field is
 * empty (nothing to print) or on OOM (*oom). */
static char *
phoi_text(const struct phoi_box *b, const struct phoi_cert *ce, int *oom)
{
	struct vbuf	 o = { NULL, 0, 0, 0 };
	const char	*v = ce->v[b->field], *p, *e, *f;
	char		*s;
	size_t		 i, j;
	int		 k;

	if (v == NULL || *v == '\0')
		return NULL;
	for (p = b->mau ? b->mau : "{}"; *p != '\0'; p++) {
		if (*p != '{' || (e = strchr(p, '}')) == NULL) {
			vbuf_putn(&o, p, 1);
			continue;
		}
		f = e == p + 1 ? v : "";
		for (k = 0; e > p + 1 && k < PHOI_NFIELDS; k++)
			if (strlen(phoi_field_name(k)) == (size_t)(e - p - 1) &&
			    strncmp(phoi_field_name(k), p + 1, (size_t)(e - p -
			    1)) == 0)
				f = ce->v[k] ? ce->v[k] : "";
		vbuf_puts(&o, f);
		p = e;
	}
	if ((s = vbuf_take(&o)) == NULL) {
		*oom = 1;
		return NULL;
	}
	for (i = j = 0; s[i] != '\0'; i++)
		if (s[i] != ' ' || (j > 0 && s[j - 1] != ' ' &&
		    s[j - 1] != '\n' && s[i + 1] != '\n' && s[i + 1] != '\0'))
			s[j++] = s[i];
	while (j > 0 && s[j - 1] == ' ')
		j--;
	s[j] = '\0';
	return s;
}

/* Box b of certificate ce: drawn, or an error naming the awardee and
 * the box.  0, or -1 (memory). */
static int
phoi_box_fill(struct phoi_ctx *c, const struct phoi_layout *l,
    const struct phoi_box *b, const struct phoi_cert *ce, struct diag *d)
{
	char	*t, *ln[16], *p;
	size_t	 nln = 0;
	double	 s;
	int	 wrap, rc = 0, oom = 0;

	if ((t = phoi_text(b, ce, &oom)) == NULL)
		return oom ? -1 : 0;
	for (p = t; nln < 16; p++) {
		ln[nln++] = p;
		if ((p = strchr(p, '\n')) == NULL)
			break;
		*p = '\0';
	}
	for (wrap = 0; wrap < 2 && rc == 0; wrap++)
		for (s = b->size_pt; rc == 0 && s > b->min_pt - PHOI_STEP_PT +
		    1e-9; s -= PHOI_STEP_PT)
			rc = phoi_try(c, b, ln, nln, s < b->min_pt ? b->min_pt :
			    s, wrap);
	if (rc == 0)
		diag_add(d, DIAG_ERROR, ce->file, ce->line, 0, "\"%s\": "
		    "the text of box %s, \"%s\", does not fit it (%s:%d, %g × "
		    "%g mm) even at %g pt on several lines: shorten the text, or "
		    "make the box larger", ce->v[PHOI_HO_TEN] ?
		    ce->v[PHOI_HO_TEN] : "", phoi_field_name(b->field),
		    ce->v[b->field], l->path, b->line, b->w_mm, b->h_mm,
		    b->min_pt);
	free(t);
	return rc < 0 ? -1 : 0;
}

/* The calibration page's grid: a light grey line every millimetre, a
 * darker one every 5, a black one every 10, numbered along the top and
 * left edges. */
static int
phoi_grid(struct phoi_ctx *c, const struct phoi_layout *l)
{
	double	 w = MM_PT(l->w_mm), h = MM_PT(l->h_mm), p, lw;
	struct dl_item *it;
	char	 num[16];
	int	 i, mm, vert, n;

	for (i = 0; i <= (int)l->w_mm + (int)l->h_mm + 1; i++) {
		vert = i <= (int)l->w_mm;
		mm = vert ? i : i - (int)l->w_mm - 1;
		lw = mm % 10 == 0 ? 0.5 : mm % 5 == 0 ? 0.3 : 0.2;
		p = MM_PT(mm) - lw / 2;
		if (!vert && mm > (int)l->h_mm)
			break;
		it = vert ? dl_add(c->dl, DL_FILL, p + c->ox_pt, c->oy_pt, lw,
		    h, 0, 0, NULL, 0) : dl_add(c->dl, DL_FILL, c->ox_pt,
		    p + c->oy_pt, w, lw, 0, 0, NULL, 0);
		if (it == NULL)
			return -1;
		it->grey = mm % 10 == 0 ? 0 : mm % 5 == 0 ? 0.45 : 0.7;
		if (mm % 10 != 0 || mm == 0)
			continue;
		n = snprintf(num, sizeof(num), "%d", mm);
		if ((vert ? dl_add(c->dl, DL_TEXT, p + c->ox_pt + 1, MM_PT(4) +
		    c->oy_pt, 0, 0, 6, DOC_REGULAR, num, (size_t)n) :
		    dl_add(c->dl, DL_TEXT, MM_PT(1) + c->ox_pt, p + c->oy_pt -
		    1, 0, 0, 6, DOC_REGULAR, num, (size_t)n)) == NULL)
			return -1;
	}
	return 0;
}

/* The calibration page: grid, each box outlined with its field, place
 * and size written inside it, and a caption. */
static int
phoi_calib(struct phoi_ctx *c, const struct phoi_layout *l,
    const struct phoi_opt *o)
{
	const char *name = strrchr(l->path, '/') ? strrchr(l->path, '/') + 1 :
		    l->path;
	struct dl_item *it;
	char	 s[256];
	size_t	 i;
	int	 n;

	if (phoi_grid(c, l) != 0)
		return -1;
	for (i = 0; i < l->nbox; i++) {
		const struct phoi_box *b = &l->box[i];

		n = snprintf(s, sizeof(s), "%s  x %g  y %g  %g × %g mm  %g–%g pt",
		    phoi_field_name(b->field), b->x_mm, b->y_mm, b->w_mm,
		    b->h_mm, b->min_pt, b->size_pt);
		it = dl_add(c->dl, DL_FILL, MM_PT(b->x_mm + 1) + c->ox_pt - 1,
		    MM_PT(b->y_mm) + c->oy_pt + 1.5, layout_width(c->lf,
		    DOC_REGULAR, 6, s, (size_t)n) + 2, 7.5, 0, 0, NULL, 0);
		if (it == NULL)
			return -1;
		it->grey = 1;   /* white under the label */
		if (dl_add(c->dl, DL_BOX, MM_PT(b->x_mm) + c->ox_pt,
		    MM_PT(b->y_mm) + c->oy_pt, MM_PT(b->w_mm), MM_PT(b->h_mm),
		    0.8, 0, NULL, 0) == NULL ||
		    dl_add(c->dl, DL_TEXT, MM_PT(b->x_mm + 1) + c->ox_pt,
		    MM_PT(b->y_mm) + c->oy_pt + 7, 0, 0, 6, DOC_REGULAR, s,
		    (size_t)n) == NULL)
			return -1;
	}
	n = snprintf(s, sizeof(s), "Căn lề phôi: %s, %s %s, lệch x %g mm, "
	    "y %g mm; lưới 1 mm, số theo mm từ mép trên và mép trái",
	    name, l->kho, l->landscape ? "ngang" : "dọc", o->dx_mm, o->dy_mm);
	return dl_add(c->dl, DL_TEXT, MM_PT(12) + c->ox_pt, MM_PT(l->h_mm - 3) +
	    c->oy_pt, 0, 0, 7, DOC_REGULAR, s, (size_t)n) == NULL ? -1 : 0;
}

struct dl *
layout_phoi(const struct phoi_layout *l, const struct layout_font *lf,
    const struct phoi_cert *ce, size_t n, const struct phoi_opt *o,
    struct dl_image *bg, struct diag *d)
{
	struct phoi_ctx	 c;
	size_t		 i, k;
	int		 img = -1, errs = diag_errors(d), rc = 0;

	memset(&c, 0, sizeof(c));
	c.lf = lf;
	if ((c.dl = dl_new()) == NULL) {
		dl_image_free(bg);
		return NULL;
	}
	if (bg != NULL && (img = dl_add_image(c.dl, bg)) < 0)
		rc = -1;
	if (o->mode != PHOI_PREVIEW) {
		c.ox_pt = MM_PT(o->dx_mm);
		c.oy_pt = MM_PT(o->dy_mm);
	}
	for (i = 0; rc == 0 && i < (o->mode == PHOI_CALIB ? 1 : n); i++) {
		if (dl_add(c.dl, DL_PAGE, 0, 0, MM_PT(l->w_mm), MM_PT(l->h_mm),
		    0, 0, NULL, 0) == NULL)
			rc = -1;
		else if (o->mode == PHOI_CALIB)
			rc = phoi_calib(&c, l, o);
		else if (img >= 0 && dl_add(c.dl, DL_IMAGE, 0, 0,
		    MM_PT(l->w_mm), MM_PT(l->h_mm), 0, img, NULL, 0) == NULL)
			rc = -1;
		for (k = 0; rc == 0 && o->mode != PHOI_CALIB && k < l->nbox;
		    k++)
			rc = phoi_box_fill(&c, l, &l->box[k], &ce[i], d);
	}
	if (rc != 0 || diag_errors(d) > errs) {
		if (rc != 0)
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		dl_free(c.dl);
		return NULL;
	}
	return c.dl;
}
