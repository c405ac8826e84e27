/*
 * pdf.c - the display list written as a PDF 1.4 file, object by object.
 *
 * Each face the text uses becomes a Type 0 font over a CIDFontType2: its
 * program is a HarfBuzz subset (no hinting) holding only the characters
 * drawn, and each distinct character gets a CID of its own (1, 2, ... in
 * code point order), so the CIDToGIDMap, the widths (/W, the numbers
 * layout measured with) and the ToUnicode map list just those characters
 * and text extraction gives back exactly the NFC text that was drawn.
 * A code is one byte when the face draws fewer than 256 characters (an
 * embedded CMap), else two (Identity-H).
 * Streams are deflated (zlib).  The same display list and epoch give the
 * same bytes.  This file holds the objects, the outline, the document's
 * dictionaries and trailer; pdf_font.c the faces, pdf_page.c the pages.
 *
 * Until this file, libharu wrote the PDF; it built, for every font of
 * every document, maps of all 65,536 BMP code points and deflated a
 * 128 KB CIDToGIDMap, which was three quarters of the instructions of
 * rendering the 2020 plan (README, "Performance").
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zlib.h>
#include <utf8proc.h>

#include "base/base.h"
#include "layout/layout.h"
#include "emit/emit.h"
#include "emit/pdf_int.h"

/* ------------------------------------------------------------------ */
/* Objects and numbers                                                  */
/* ------------------------------------------------------------------ */

int
pdf_new_obj(struct pdf *p)
{
	return ++p->nobj;
}

/* Start object num here. */
void
pdf_begin(struct pdf *p, int num)
{
	if (vb_grow((void **)&p->off, &p->capoff, (size_t)num + 1,
	    sizeof(*p->off)) != 0) {
		p->bad = 1;
		return;
	}
	while (p->noff <= (size_t)num)
		p->off[p->noff++] = 0;
	p->off[num] = p->out.len;
	vbuf_printf(&p->out, "%d 0 obj\n", num);
}

/* A number in thousandths as the shortest decimal (written by hand:
 * snprintf was a tenth of the plan's instructions). */
void
pdf_milli(struct vbuf *b, long long m)
{
	char		 s[32], *e = s + sizeof(s), *q = e;
	unsigned long long u = m < 0 ? 0ULL - (unsigned long long)m :
			    (unsigned long long)m;
	unsigned	 frac = (unsigned)(u % 1000);
	int		 i;

	if (frac != 0) {
		for (i = 0; i < 3; i++, frac /= 10)
			if (frac % 10 != 0 || q != e)
				*--q = (char)('0' + frac % 10);
		*--q = '.';
	}
	u /= 1000;
	do
		*--q = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (m < 0)
		*--q = '-';
	vbuf_putn(b, q, (size_t)(e - q));
}

void
pdf_real(struct vbuf *b, double v)
{
	pdf_milli(b, llround(v * 1000.0));
}

/* Reals separated by spaces, then op. */
void
pdf_op(struct vbuf *b, const double *v, int n, const char *op)
{
	int i;

	for (i = 0; i < n; i++) {
		pdf_real(b, v[i]);
		vbuf_putn(b, " ", 1);
	}
	vbuf_puts(b, op);
	vbuf_putn(b, "\n", 1);
}

/* Code point cp in UTF-16BE, as hex digits (4, or 8 for a pair). */
void
pdf_utf16(struct vbuf *b, uint32_t cp)
{
	static const char hex[] = "0123456789ABCDEF";
	char	 s[8];
	int	 n = 0, i;
	uint32_t u[2];

	if (cp >= 0x10000) {
		u[n++] = 0xD800 + ((cp - 0x10000) >> 10);
		cp = 0xDC00 + ((cp - 0x10000) & 0x3FF);
	}
	u[n++] = cp;
	for (i = 0; i < n; i++) {
		s[4 * i] = hex[u[i] >> 12 & 15];
		s[4 * i + 1] = hex[u[i] >> 8 & 15];
		s[4 * i + 2] = hex[u[i] >> 4 & 15];
		s[4 * i + 3] = hex[u[i] & 15];
	}
	vbuf_putn(b, s, (size_t)(4 * n));
}

/* A text string: literal when printable ASCII, else UTF-16BE in hex
 * after a byte order mark. */
static void
pdf_textstring(struct vbuf *b, const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 k;
	size_t			 i;

	for (i = 0; u[i] != '\0' && u[i] >= ' ' && u[i] < 0x7F; i++)
		;
	if (u[i] == '\0') {
		vbuf_putn(b, "(", 1);
		for (i = 0; u[i] != '\0'; i++) {
			if (u[i] == '(' || u[i] == ')' || u[i] == '\\')
				vbuf_putn(b, "\\", 1);
			vbuf_putn(b, (const char *)u + i, 1);
		}
		vbuf_putn(b, ")", 1);
		return;
	}
	vbuf_puts(b, "<FEFF");
	while (*u != '\0') {
		if ((k = utf8proc_iterate(u, -1, &cp)) <= 0) {
			k = 1;
			cp = 0xFFFD;
		}
		u += k;
		pdf_utf16(b, (uint32_t)cp);
	}
	vbuf_putn(b, ">", 1);
}

/* Object num: a stream of data, deflated, with more of its dictionary
 * in extra (may be ""). */
void
pdf_stream(struct pdf *p, int num, const char *extra, const void *data,
    size_t len)
{
	uLongf	 zn = compressBound((uLong)len);
	int	 zrc;

	if (vb_grow((void **)&p->z, &p->zcap, zn, 1) != 0) {
		p->bad = 1;
		return;
	}
	zrc = compress2(p->z, &zn, data, (uLong)len, p->level);
	if (zrc != Z_OK) {
		p->bad = 1;
		return;
	}
	pdf_begin(p, num);
	vbuf_printf(&p->out, "<< /Length %lu /Filter /FlateDecode%s%s >>\n"
	    "stream\n", (unsigned long)zn, *extra ? " " : "", extra);
	vbuf_putn(&p->out, (const char *)p->z, zn);
	vbuf_puts(&p->out, "\nendstream\nendobj\n");
}

/* ------------------------------------------------------------------ */
/* Bookmarks, document                                                  */
/* ------------------------------------------------------------------ */

/* Link bookmark i under the last bookmark of the level above (the root
 * for level 1 or when there is none), as the headings nest. */
static void
pdf_mark_link(struct pdf_mark *m, int i, int level, int last[PDF_LEVELS + 1],
    int *rfirst, int *rlast)
{
	int par = level > 1 ? last[level - 1] : -1;
	int *first = par >= 0 ? &m[par].first : rfirst;
	int *lastp = par >= 0 ? &m[par].last : rlast;

	m[i].parent = par;
	m[i].first = m[i].last = m[i].next = -1;
	m[i].kids = 0;
	m[i].prev = *lastp;
	if (*lastp >= 0)
		m[*lastp].next = i;
	else
		*first = i;
	*lastp = i;
	if (par >= 0)
		m[par].kids++;
	last[level] = i;
	if (level < PDF_LEVELS)
		last[level + 1] = -1;
}

/* The outline: root object root, bookmark i object base + i; every
 * bookmark closed, so the root counts its own children only. */
static void
pdf_outlines(struct pdf *p, const struct pdf_mark *m, int n, int root,
    int base, int rfirst, int rlast)
{
	int i, top = 0;

	for (i = 0; i < n; i++) {
		top += m[i].parent < 0;
		pdf_begin(p, base + i);
		vbuf_puts(&p->out, "<< /Title ");
		pdf_textstring(&p->out, m[i].title);
		vbuf_printf(&p->out, " /Parent %d 0 R", m[i].parent < 0 ? root :
		    base + m[i].parent);
		if (m[i].prev >= 0)
			vbuf_printf(&p->out, " /Prev %d 0 R", base + m[i].prev);
		if (m[i].next >= 0)
			vbuf_printf(&p->out, " /Next %d 0 R", base + m[i].next);
		if (m[i].kids > 0)
			vbuf_printf(&p->out, " /First %d 0 R /Last %d 0 R "
			    "/Count -%d", base + m[i].first, base + m[i].last,
			    m[i].kids);
		vbuf_printf(&p->out, " /Dest [%d 0 R /FitH ", m[i].page);
		pdf_real(&p->out, m[i].top_pt);
		vbuf_puts(&p->out, "] >>\nendobj\n");
	}
	pdf_begin(p, root);
	vbuf_printf(&p->out, "<< /Type /Outlines /First %d 0 R /Last %d 0 R "
	    "/Count %d >>\nendobj\n", base + rfirst, base + rlast, top);
}

/* The Info dictionary: title, author, subject, creator, dates. */
static void
pdf_info(struct pdf *p, int num, const struct dl *dl, long long when)
{
	time_t		t = (time_t)when;
	struct tm	tm;
	char		date[32];

	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "(D:%Y%m%d%H%M%SZ)", &tm);
	pdf_begin(p, num);
	vbuf_puts(&p->out, "<<");
	if (dl->title) {
		vbuf_puts(&p->out, " /Title ");
		pdf_textstring(&p->out, dl->title);
	}
	if (dl->author) {
		vbuf_puts(&p->out, " /Author ");
		pdf_textstring(&p->out, dl->author);
	}
	if (dl->subject) {
		vbuf_puts(&p->out, " /Subject ");
		pdf_textstring(&p->out, dl->subject);
	}
	vbuf_printf(&p->out, " /Creator (vanban " VB_VERSION ") /Producer "
	    "(vanban " VB_VERSION ") /CreationDate %s /ModDate %s >>\n"
	    "endobj\n", date, date);
}

/* The page tree (object 2), catalog (1: in Vietnamese, the title shown
 * in the window, the bookmarks open when there are some, metadata and
 * output intent for PDF/A), cross-reference table and trailer (with the
 * file's identifier). */
static void
pdf_finish(struct pdf *p, int outlines, int info, int xmp, int icc)
{
	size_t	 xref, k;
	int	 i;

	pdf_begin(p, 2);
	vbuf_puts(&p->out, "<< /Type /Pages /Kids [");
	for (i = 0; i < p->npages; i++)
		vbuf_printf(&p->out, i ? " %d 0 R" : "%d 0 R", p->pages[i]);
	vbuf_printf(&p->out, "] /Count %d >>\nendobj\n", p->npages);
	pdf_begin(p, 1);
	vbuf_printf(&p->out, "<< /Type /Catalog /Pages 2 0 R /Lang (vi-VN) "
	    "/ViewerPreferences << /DisplayDocTitle true >> /Metadata %d 0 R",
	    xmp);
	pdf_output_intent(&p->out, icc);
	if (outlines > 0)
		vbuf_printf(&p->out, " /Outlines %d 0 R /PageMode /UseOutlines",
		    outlines);
	if (p->ndoc > 1) {   /* each document numbered from 1 again */
		vbuf_puts(&p->out, " /PageLabels << /Nums [");
		for (k = 0; k < p->ndoc; k++)
			vbuf_printf(&p->out, "%s%d << /S /D >>", k ? " " : "",
			    p->first[k]);
		vbuf_puts(&p->out, "] >>");
	}
	vbuf_puts(&p->out, " >>\nendobj\n");
	xref = p->out.len;
	vbuf_printf(&p->out, "xref\n0 %d\n0000000000 65535 f \n", p->nobj + 1);
	for (i = 1; i <= p->nobj; i++)
		vbuf_printf(&p->out, "%010zu 00000 n \n",
		    (size_t)i < p->noff ? p->off[i] : 0);
	vbuf_printf(&p->out, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R",
	    p->nobj + 1, info);
	pdf_id(&p->out);
	vbuf_printf(&p->out, " >>\nstartxref\n%zu\n%%%%EOF\n", xref);
}

/* The fonts of every face the display lists use: one subset each, over
 * all of them.  VB_OK, or VB_ESYS (a message in d when not memory). */
static int
pdf_faces(struct pdf *p, struct pdf_face *fc, const struct dl *const *dls,
    size_t n, struct font_set *fs, struct diag *d)
{
	int f;

	if (pdf_collect(dls, n, fc) != 0)
		return VB_ESYS;
	for (f = 0; f < LAYOUT_NFACES; f++) {
		fc[f].bytes = fc[f].n < 256 ? 1 : 2;
		if (fc[f].n > 0 && fc[f].n < 256 && p->cmap1 == 0)
			pdf_cmap1(p, p->cmap1 = pdf_new_obj(p));
	}
	for (f = 0; f < LAYOUT_NFACES; f++)
		if (fc[f].n > 0) {
			fc[f].obj = p->nobj + 1;
			p->nobj += 7;
			if (pdf_face_widths(&fc[f], f, fs) != 0 ||
			    pdf_font(p, &fc[f], f, fs, d) != 0)
				return VB_ESYS;
		}
	return VB_OK;
}

/* The title of page one of dl at its top: a document's bookmark in a
 * book; -1 on OOM. */
static int
pdf_doc_mark(struct pdf *p, const struct dl *dl)
{
	size_t i;

	for (i = 0; i < dl->n && dl->v[i].kind != DL_PAGE; i++)
		;
	if (i == dl->n)
		return 0;
	/* Its first page is the next object: pdf_pages's first. */
	return pdf_mark_add(p, dl->title ? dl->title : "-", p->nobj + 1,
	    dl->v[i].y2_pt, 1);
}

/* Each display list in turn: its images, then its pages (and, in a
 * book, its bookmark above its own).  -1 on OOM. */
static int
pdf_docs(struct pdf *p, const struct dl *const *dls, size_t n,
    const struct pdf_face *fc)
{
	size_t	 k;
	int	 i;

	if ((p->first = calloc(n, sizeof(*p->first))) == NULL)
		return -1;
	p->ndoc = n;
	p->shift = n > 1;
	for (k = 0; k < n; k++) {
		const struct dl *dl = dls[k];

		free(p->imgobj);
		p->imgobj = NULL;
		if (dl->nimg > 0 && (p->imgobj = calloc(dl->nimg,
		    sizeof(*p->imgobj))) == NULL)
			return -1;
		for (i = 0; i < (int)dl->nimg; i++)
			pdf_image_obj(p, p->imgobj[i] = pdf_new_obj(p),
			    dl->img[i]);
		p->first[k] = p->npages;
		if ((p->shift && pdf_doc_mark(p, dl) != 0) ||
		    pdf_pages(p, dl, fc) != 0)
			return -1;
	}
	return 0;
}

/* The outline of the bookmarks, nested by level: in a book, a
 * document's headings under its own bookmark even when a level is
 * skipped.  Its root object, or 0 when there are none. */
static int
pdf_outline(struct pdf *p)
{
	int	 last[PDF_LEVELS + 1] = { -1, -1, -1, -1, -1 };
	int	 rfirst = -1, rlast = -1, root, i, l;

	if (p->nm == 0)
		return 0;
	root = pdf_new_obj(p);
	for (i = 0; i < p->nm; i++) {
		l = p->m[i].parent;
		pdf_mark_link(p->m, i, l, last, &rfirst, &rlast);
		if (p->shift && l == 1)
			for (l = 2; l <= PDF_LEVELS; l++)
				last[l] = i;
	}
	pdf_outlines(p, p->m, p->nm, root, p->nobj + 1, rfirst, rlast);
	p->nobj += p->nm;
	return root;
}

int
pdf_write_book(const struct dl *const *dls, size_t n, const struct dl *head,
    struct font_set *fs, long long epoch, char **out, size_t *len,
    struct diag *d)
{
	struct pdf	 p;
	struct pdf_face	 fc[LAYOUT_NFACES];
	int		 f, info, root, xmp, icc;
	long long	 date = epoch >= 0 ? epoch : (long long)time(NULL);
	int		 rc = VB_ESYS;

	memset(&p, 0, sizeof(p));
	memset(fc, 0, sizeof(fc));
	/* A fast zlib level: on the plan 50.7 KB against 49.3 at level 4
	 * and 48.9 at the default (6), for 4 % and 8 % fewer instructions
	 * in all. */
	p.level = 2;
	*out = NULL;
	p.nobj = 2;                     /* 1 catalog, 2 page tree */
	info = pdf_new_obj(&p);
	xmp = pdf_new_obj(&p);
	icc = pdf_new_obj(&p);
	vbuf_putn(&p.out, "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", 15);
	pdf_icc(&p, icc);
	if (pdf_faces(&p, fc, dls, n, fs, d) != VB_OK ||
	    pdf_docs(&p, dls, n, fc) != 0)
		goto done;
	root = pdf_outline(&p);
	pdf_info(&p, info, head, date);
	pdf_xmp(&p, xmp, head, date);
	pdf_finish(&p, root, info, xmp, icc);
	if (!p.bad && !p.out.bad) {
		*len = p.out.len;
		*out = vbuf_take(&p.out);
		rc = *out ? VB_OK : VB_ESYS;
	}
done:
	if (rc != VB_OK && diag_errors(d) == 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot write the PDF "
		    "(out of memory)");
	for (f = 0; f < LAYOUT_NFACES; f++) {
		free(fc[f].cp);
		free(fc[f].w);
	}
	free(p.out.s);
	free(p.off);
	free(p.z);
	free(p.imgobj);
	free(p.pages);
	free(p.m);
	free(p.first);
	return rc;
}

int
pdf_write(const struct dl *dl, struct font_set *fs, long long epoch,
    char **out, size_t *len, struct diag *d)
{
	return pdf_write_book(&dl, 1, dl, fs, epoch, out, len, d);
}
