/*
 * pdf_page.c - the pages of a PDF: each page of a display list drawn
 * into its content stream (text runs joined into TJ arrays, rules,
 * boxes, fills, images) and written with its resources; the
 * bookmarks found on the way collected for the outline.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "base/base.h"
#include "layout/layout.h"
#include "emit/emit.h"
#include "emit/pdf_int.h"

/* The page being drawn. */
struct pdf_page {
	struct vbuf	 c;         /* content stream */
	double		 h_pt, w_pt;
	unsigned	 faces;     /* bit f: face f used on the page */
	int		 intext;    /* inside BT ... ET */
	int		 face;      /* font set, -1: none */
	double		 size_pt;
	long long	 lx, ly;    /* text line origin, 1/1000 pt */
	int		 tj;        /* a TJ array is open */
	double		 pen_pt;    /* where its next glyph goes, x */
	double		 lw_pt;     /* line width set, -1: none */
	uint64_t	 ximg;      /* bit i: image i drawn on the page */
};


/* CID cid of face f as its code (f->bytes bytes), escaped for a literal
 * string. */
static void
pdf_code(struct vbuf *b, const struct pdf_face *f, unsigned cid)
{
	char	c[2];
	int	i;

	c[0] = (char)(cid >> 8);
	c[1] = (char)(cid & 0xFF);
	for (i = 2 - f->bytes; i < 2; i++) {
		if (c[i] == '(' || c[i] == ')' || c[i] == '\\')
			vbuf_putn(b, "\\", 1);
		if (c[i] == '\r')
			vbuf_puts(b, "\\r");
		else if (c[i] == '\n')
			vbuf_puts(b, "\\n");
		else
			vbuf_putn(b, c + i, 1);
	}
}

/* The characters of t as codes of face f; returns the advance of t in
 * 1/1000 em (the widths of /W). */
static long
pdf_cids(struct vbuf *b, const struct pdf_face *f, const char *t)
{
	const unsigned char	*u = (const unsigned char *)t;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 k;
	long			 adv = 0;

	for (; *u != '\0'; u += k) {
		unsigned cid;

		if ((k = utf8proc_iterate(u, -1, &cp)) <= 0) {
			k = 1;
			cp = 0xFFFD;
		}
		cid = pdf_cid(f, (uint32_t)cp);
		pdf_code(b, f, cid);
		adv += cid > 0 ? f->w[cid - 1] : 0;
	}
	return adv;
}

/* Close the open string and TJ array. */
static void
pdf_tj_end(struct pdf_page *pg)
{
	if (pg->tj) {
		vbuf_puts(&pg->c, ")]TJ\n");
		pg->tj = 0;
	}
}

/*
 * Whether a word ends where the open run ends, before a run that does
 * not join it (item it): the next run on the same line (baseline within
 * half an em) starts a tenth of an em to an em further on, or it is a
 * superscript (smaller, raised) right after it, as the drafter's
 * initials after a unit's code.  The page then draws a space there, so
 * that tools extracting text see two words, not one.
 */
static int
pdf_word_ends(const struct pdf_page *pg, const struct dl_item *it,
    long long y)
{
	double gap = it->x_pt - pg->pen_pt, em = pg->size_pt;

	if (!pg->tj || llabs(y - pg->ly) > llround(em * 500.0))
		return 0;
	if (y == pg->ly)
		return gap >= 0.1 * em && gap < em;
	return y > pg->ly && it->size_pt < em && fabs(gap) < 0.1 * em;
}

/*
 * A text item: its run at its baseline.  Runs of one face and size on
 * one baseline less than an em apart (the words of a justified line, not
 * the cells of a table row) share a TJ array, each gap a space (when a
 * tenth of an em or more: a word's end) and a number in 1/1000 of the
 * size, computed from where the last run ended with the widths the font
 * declares; any other run starts a line with Td.
 */
static void
pdf_text(struct pdf_page *pg, const struct pdf_face *fc,
    const struct dl_item *it)
{
	int		 face = it->face & 3;
	long long	 x = llround(it->x_pt * 1000.0);
	long long	 y = llround((pg->h_pt - it->y_pt) * 1000.0);
	long		 adv;

	if (!pg->intext) {
		vbuf_puts(&pg->c, "BT\n");
		pg->intext = 1;
		pg->face = -1;
		pg->lx = pg->ly = 0;
	}
	if (pg->tj && pg->face == face && pg->size_pt == it->size_pt &&
	    y == pg->ly && it->x_pt >= pg->pen_pt &&
	    it->x_pt - pg->pen_pt < it->size_pt) {
		const struct pdf_face *f = &fc[face];
		long long g = llround((it->x_pt - pg->pen_pt) * 1e6 /
		    it->size_pt);

		if (g >= 100000 && f->space > 0) {
			pdf_code(&pg->c, f, f->space);
			g -= 1000LL * f->w[f->space - 1];
			pg->pen_pt += (double)f->w[f->space - 1] *
			    it->size_pt / 1000.0;
		}
		vbuf_putn(&pg->c, ")", 1);
		if (g != 0)
			pdf_milli(&pg->c, -g);
		vbuf_putn(&pg->c, "(", 1);
		pg->pen_pt += (double)g * it->size_pt / 1e6;
	} else {
		if (pdf_word_ends(pg, it, y) && fc[pg->face].space > 0)
			pdf_code(&pg->c, &fc[pg->face], fc[pg->face].space);
		pdf_tj_end(pg);
		if (pg->face != face || pg->size_pt != it->size_pt) {
			pg->face = face;
			pg->size_pt = it->size_pt;
			pg->faces |= 1u << face;
			vbuf_printf(&pg->c, "/F%d ", face + 1);
			pdf_real(&pg->c, it->size_pt);
			vbuf_puts(&pg->c, " Tf\n");
		}
		pdf_milli(&pg->c, x - pg->lx);
		vbuf_putn(&pg->c, " ", 1);
		pdf_milli(&pg->c, y - pg->ly);
		vbuf_puts(&pg->c, " Td[(");
		pg->lx = x;
		pg->ly = y;
		pg->pen_pt = (double)x / 1000.0;
		pg->tj = 1;
	}
	adv = pdf_cids(&pg->c, &fc[face], it->text);
	pg->pen_pt += (double)adv * it->size_pt / 1000.0;
}

/* The line width, when it changes. */
static void
pdf_lw(struct pdf_page *pg, double w)
{
	if (pg->lw_pt != w) {
		pg->lw_pt = w;
		pdf_op(&pg->c, &w, 1, "w");
	}
}

/* Rules, boxes (stroked) and fills (grey, outlined when they have a
 * line width). */
static void
pdf_graphic(struct pdf_page *pg, const struct dl_item *it)
{
	double v[4];

	pdf_tj_end(pg);
	if (pg->intext) {
		vbuf_puts(&pg->c, "ET\n");
		pg->intext = 0;
	}
	if (it->kind == DL_RULE) {
		pdf_lw(pg, it->size_pt);
		v[0] = it->x_pt;
		v[1] = pg->h_pt - it->y_pt;
		pdf_op(&pg->c, v, 2, "m");
		v[0] = it->x2_pt;
		v[1] = pg->h_pt - it->y2_pt;
		pdf_op(&pg->c, v, 2, "l S");
		return;
	}
	if (it->kind == DL_BOX || it->size_pt > 0)
		pdf_lw(pg, it->size_pt);
	if (it->kind == DL_FILL)
		pdf_op(&pg->c, &it->grey, 1, "g");
	v[0] = it->x_pt;
	v[1] = pg->h_pt - it->y_pt - it->y2_pt;
	v[2] = it->x2_pt;
	v[3] = it->y2_pt;
	pdf_op(&pg->c, v, 4, it->kind == DL_BOX ? "re S" :
	    it->size_pt > 0 ? "re B\n0 g" : "re f\n0 g");
}

/* Image i of the list as an XObject (object num), deflated: 8-bit grey
 * or RGB, no alpha (PDF/A-1 has no transparency). */
void
pdf_image_obj(struct pdf *p, int num, const struct dl_image *im)
{
	char extra[160];

	snprintf(extra, sizeof(extra), "/Type /XObject /Subtype /Image "
	    "/Width %d /Height %d /ColorSpace /%s /BitsPerComponent 8",
	    im->w_px, im->h_px, im->comps == 3 ? "DeviceRGB" : "DeviceGray");
	pdf_stream(p, num, extra, im->px, (size_t)im->w_px *
	    (size_t)im->h_px * (size_t)im->comps);
}

/* An image item: its XObject scaled to the item's rectangle. */
static void
pdf_image(struct pdf_page *pg, const struct dl_item *it)
{
	double v[6] = { it->x2_pt, 0, 0, it->y2_pt, it->x_pt,
	    pg->h_pt - it->y_pt - it->y2_pt };

	pdf_tj_end(pg);
	if (pg->intext) {
		vbuf_puts(&pg->c, "ET\n");
		pg->intext = 0;
	}
	vbuf_puts(&pg->c, "q ");
	pdf_op(&pg->c, v, 6, "cm");
	vbuf_printf(&pg->c, "/Im%d Do Q\n", it->face + 1);
	if (it->face < 64)
		pg->ximg |= 1ULL << it->face;
}

/* The page's images in its resources. */
static void
pdf_xobjects(struct pdf *p, const struct pdf_page *pg)
{
	int i;

	if (pg->ximg == 0)
		return;
	vbuf_puts(&p->out, " /XObject <<");
	for (i = 0; i < 64; i++)
		if (pg->ximg & (1ULL << i))
			vbuf_printf(&p->out, " /Im%d %d 0 R", i + 1, p->imgobj[i]);
	vbuf_puts(&p->out, " >>");
}

/* Write the finished page pg as object num with its contents. */
static void
pdf_page_end(struct pdf *p, struct pdf_page *pg, int num,
    const struct pdf_face *fc)
{
	int f;

	pdf_tj_end(pg);
	if (pg->intext)
		vbuf_puts(&pg->c, "ET\n");
	p->bad |= pg->c.bad;
	pdf_stream(p, num + 1, "", pg->c.s ? pg->c.s : "", pg->c.len);
	pdf_begin(p, num);
	vbuf_puts(&p->out, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ");
	pdf_real(&p->out, pg->w_pt);
	vbuf_putn(&p->out, " ", 1);
	pdf_real(&p->out, pg->h_pt);
	vbuf_puts(&p->out, "] /Resources << /Font <<");
	for (f = 0; f < LAYOUT_NFACES; f++)
		if (pg->faces & (1u << f))
			vbuf_printf(&p->out, " /F%d %d 0 R", f + 1, fc[f].obj);
	vbuf_puts(&p->out, " >>");
	pdf_xobjects(p, pg);
	vbuf_printf(&p->out, " >> /Contents %d 0 R >>\nendobj\n", num + 1);
	free(pg->c.s);
	memset(&pg->c, 0, sizeof(pg->c));
}

/* A bookmark (contract in pdf_int.h). */
int
pdf_mark_add(struct pdf *p, const char *title, int page, double top_pt,
    int level)
{
	struct pdf_mark *mk;

	if (vb_grow((void **)&p->m, &p->capm, (size_t)p->nm + 1,
	    sizeof(*p->m)) != 0)
		return -1;
	mk = &p->m[p->nm++];
	mk->title = title;
	mk->page = page;
	mk->top_pt = top_pt;
	mk->parent = level;   /* until linked */
	return 0;
}

/* Draw every item, page by page (contract in pdf_int.h). */
int
pdf_pages(struct pdf *p, const struct dl *dl, const struct pdf_face *fc)
{
	struct pdf_page	 pg;
	size_t		 i;
	int		 cur = 0;

	memset(&pg, 0, sizeof(pg));
	for (i = 0; i < dl->n; i++) {
		const struct dl_item *it = &dl->v[i];

		if (it->kind == DL_PAGE) {
			if (cur != 0)
				pdf_page_end(p, &pg, cur, fc);
			cur = pdf_new_obj(p);
			(void)pdf_new_obj(p);   /* its contents */
			if (vb_grow((void **)&p->pages, &p->cappages,
			    (size_t)p->npages + 1, sizeof(*p->pages)) != 0)
				return -1;
			p->pages[p->npages++] = cur;
			memset(&pg, 0, sizeof(pg));
			pg.w_pt = it->x2_pt;
			pg.h_pt = it->y2_pt;
			pg.face = -1;
			pg.lw_pt = -1;
			continue;
		}
		if (cur == 0)
			continue;
		if (it->kind == DL_TEXT)
			pdf_text(&pg, fc, it);
		else if (it->kind == DL_MARK) {
			if (pdf_mark_add(p, it->text, cur, pg.h_pt - it->y_pt +
			    20, p->shift + (it->face < 1 ? 1 : it->face > 3 ? 3 :
			    it->face)) != 0)
				return -1;
		} else if (it->kind == DL_RULE || it->kind == DL_BOX ||
		    it->kind == DL_FILL)
			pdf_graphic(&pg, it);
		else if (it->kind == DL_IMAGE && it->face >= 0 &&
		    (size_t)it->face < dl->nimg && it->face < 64)
			pdf_image(&pg, it);
	}
	if (cur != 0)
		pdf_page_end(p, &pg, cur, fc);
	return 0;
}
