/*
 * pdf_write.c - the display list drawn with libharu.  Each face used is
 * subset to the characters drawn (HarfBuzz, no hinting) and loaded from a
 * memory file, so a document embeds a few KB per face instead of the
 * whole font's tables.  Text goes through libharu's UTF-8 encoder (NFC
 * input): it stays text, selectable and extractable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_utils.h>
#include <zlib.h>
#include <utf8proc.h>

#include "vanban.h"
#include "layout/layout.h"
#include "out/out.h"

struct pdf_err {
	HPDF_STATUS	 code;     /* first libharu error, 0 if none */
	HPDF_STATUS	 detail;
};

static void
pdf_on_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	struct pdf_err *e = arg;

	if (e->code == 0) {
		e->code = code;
		e->detail = detail;
	}
}

/* Sorted, unique codepoints of one face. */
struct cpset {
	uint32_t	*v;
	size_t		 n, cap;
};

static int
cp_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static int
cpset_add_text(struct cpset *s, const char *t)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)t;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 k;

	while (*p != '\0') {
		if ((k = utf8proc_iterate(p, -1, &cp)) <= 0) {
			k = 1;
			cp = 0xFFFD;
		}
		p += k;
		if (vb_grow((void **)&s->v, &s->cap, s->n + 1,
		    sizeof(*s->v)) != 0)
			return -1;
		s->v[s->n++] = (uint32_t)cp;
	}
	return 0;
}

/*
 * libharu 2.3.0 appends the font's subfamily name (name ID 2) to its
 * PostScript name unless it reads "Regular", and cuts "Bold Italic" to
 * "LiberationSerif-BoldItalic,Bold", a name longer than tools such as
 * pdffonts lay out.  The PostScript name already says the style, so a
 * subfamily of 7 characters or more is rewritten in place as "Regular"
 * padded with spaces (same length: the table's offsets stay valid).
 * Only the embedded subset is changed.
 */
static void
ttf_plain_subfamily(unsigned char *f, size_t len)
{
	size_t	 i, n, k;

	if (len < 12)
		return;
	n = (size_t)(f[4] << 8 | f[5]);
	for (i = 0; i < n && 12 + 16 * (i + 1) <= len; i++) {
		const unsigned char	*e = f + 12 + 16 * i;
		size_t			 off = (size_t)e[8] << 24 |
		    (size_t)e[9] << 16 | (size_t)e[10] << 8 | e[11];
		size_t			 cnt, strs;

		if (memcmp(e, "name", 4) != 0 || off + 6 > len)
			continue;
		cnt = (size_t)(f[off + 2] << 8 | f[off + 3]);
		strs = off + (size_t)(f[off + 4] << 8 | f[off + 5]);
		for (k = 0; k < cnt && off + 6 + 12 * (k + 1) <= len; k++) {
			unsigned char	*r = f + off + 6 + 12 * k;
			size_t		 plat = (size_t)(r[0] << 8 | r[1]);
			size_t		 id = (size_t)(r[6] << 8 | r[7]);
			size_t		 sl = (size_t)(r[8] << 8 | r[9]);
			size_t		 so = strs + (size_t)(r[10] << 8 | r[11]);
			size_t		 wide = plat == 0 || plat == 3, j;
			static const char reg[] = "Regular";

			if (id != 2 || so + sl > len || sl / (wide + 1) < 7)
				continue;
			for (j = 0; j < sl / (wide + 1); j++) {
				char c = j < 7 ? reg[j] : ' ';

				if (wide) {
					f[so + 2 * j] = 0;
					f[so + 2 * j + 1] = (unsigned char)c;
				} else
					f[so + j] = (unsigned char)c;
			}
		}
	}
}

/*
 * Load face into pdf, subset to the codepoints used; *fd receives the
 * memory file that must stay open until the PDF is saved.  Returns the
 * font's name in the document, or NULL.
 */
static const char *
pdf_load_face(HPDF_Doc pdf, struct font_set *fs, int face, struct cpset *cs,
    int *fd)
{
	char	*sub = NULL, path[64];
	size_t	 len = 0, i, o;

	*fd = -1;
	qsort(cs->v, cs->n, sizeof(uint32_t), cp_cmp);
	for (i = o = 0; i < cs->n; i++)
		if (o == 0 || cs->v[o - 1] != cs->v[i])
			cs->v[o++] = cs->v[i];
	cs->n = o;
	if (font_set_subset(fs, face, cs->v, cs->n, &sub, &len) == 0 &&
	    (*fd = memfd_create("vanban-font", 0)) != -1) {
		ssize_t k;

		ttf_plain_subfamily((unsigned char *)sub, len);
		k = write(*fd, sub, len);

		free(sub);
		if (k == (ssize_t)len) {
			snprintf(path, sizeof(path), "/proc/self/fd/%d", *fd);
			return HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
		}
		close(*fd);
		*fd = -1;
	} else
		free(sub);
	/* Subsetting failed: embed the whole face. */
	return HPDF_LoadTTFontFromFile(pdf, font_set_path(fs, face), HPDF_TRUE);
}

/*
 * libharu 2.3.0 writes each font's ToUnicode CMap with a "cidrange" (an
 * operator of CID CMaps, not of ToUnicode ones): viewers warn, and some
 * may not map the text back to Unicode.  Its codes are Unicode values
 * (the UTF-8 encoder), so the right map is the identity "bfrange".  Each
 * such stream is inflated, patched and deflated again in place; the new
 * data is never longer (the patch removes bytes), and the rest of the
 * stream's length is filled with bytes after the end of the zlib data,
 * which decoders do not read, so no offset in the file moves.
 */
static void
pdf_fix_tounicode(char *pdf, size_t len)
{
	static const char from[] = "1 beginnotdefrange";
	static const char to[] = "endcidrange";
	static const char fix[] = "1 beginbfrange\n<0000> <FFFF> <0000>\n"
	    "endbfrange";
	char	*p = pdf, *end = pdf + len;

	while ((p = memmem(p, (size_t)(end - p), "/ToUnicode ", 11)) != NULL) {
		char		 objhdr[32], *o, *s, *e;
		long		 num;
		unsigned char	 plain[16384], packed[16384];
		uLongf		 pn = sizeof(plain), cn = sizeof(packed);
		size_t		 slen;
		char		*a, *b;

		p += 11;
		num = strtol(p, NULL, 10);
		if (num <= 0)
			continue;
		snprintf(objhdr, sizeof(objhdr), "\n%ld 0 obj", num);
		if ((o = memmem(pdf, len, objhdr, strlen(objhdr))) == NULL ||
		    (s = memmem(o, (size_t)(end - o), "stream\r\n", 8)) ==
		    NULL ||
		    (e = memmem(s, (size_t)(end - s), "endstream", 9)) == NULL)
			continue;
		s += 8;
		while (e > s && (e[-1] == '\n' || e[-1] == '\r'))
			e--;
		slen = (size_t)(e - s);
		if (uncompress(plain, &pn, (unsigned char *)s, slen) != Z_OK ||
		    pn >= sizeof(plain))
			continue;
		plain[pn] = '\0';
		if ((a = strstr((char *)plain, from)) == NULL ||
		    (b = strstr(a, to)) == NULL)
			continue;
		b += strlen(to);
		if ((size_t)(b - a) < strlen(fix))
			continue;
		memmove(a + strlen(fix), b, pn - (size_t)(b - (char *)plain) + 1);
		memcpy(a, fix, strlen(fix));
		pn -= (size_t)(b - a) - strlen(fix);
		if (compress2(packed, &cn, plain, pn, 9) != Z_OK || cn > slen)
			continue;
		memcpy(s, packed, cn);
		memset(s + cn, '\n', slen - cn);
	}
}

static void
pdf_date(HPDF_Date *hd, long long epoch)
{
	time_t		t = epoch >= 0 ? (time_t)epoch : time(NULL);
	struct tm	tm;

	gmtime_r(&t, &tm);
	memset(hd, 0, sizeof(*hd));
	hd->year = tm.tm_year + 1900;
	hd->month = tm.tm_mon + 1;
	hd->day = tm.tm_mday;
	hd->hour = tm.tm_hour;
	hd->minutes = tm.tm_min;
	hd->seconds = tm.tm_sec;
	hd->ind = 'Z';
}

/* What drawing the display list needs across items. */
struct pdf_draw {
	HPDF_Doc	 pdf;
	HPDF_Page	 page;              /* current page, NULL before one */
	HPDF_Font	 font[LAYOUT_NFACES];  /* faces used, else NULL */
	HPDF_Outline	 parent[4];         /* last bookmark of each level */
	HPDF_Encoder	 utf8;
	double		 ph;                /* page height, pt */
	int		 intext;            /* inside BeginText/EndText */
	int		 curface;           /* face set, -1: none */
	double		 cursize;           /* size set, pt */
};

/* Subset and embed every face the text items use. */
static int
pdf_fonts(struct pdf_draw *w, const struct dl *dl, struct font_set *fs,
    struct cpset *cs, int *fds, struct pdf_err *err, struct diag *d)
{
	const char	*name;
	size_t		 i;
	int		 f;

	for (i = 0; i < dl->n; i++)
		if (dl->v[i].kind == DL_TEXT &&
		    cpset_add_text(&cs[dl->v[i].face & 3], dl->v[i].text) == -1)
			return -1;
	for (f = 0; f < LAYOUT_NFACES; f++) {
		if (cs[f].n == 0)
			continue;
		if ((name = pdf_load_face(w->pdf, fs, f, &cs[f], &fds[f])) ==
		    NULL || (w->font[f] = HPDF_GetFont(w->pdf, name,
		    "UTF-8")) == NULL) {
			diag_add(d, DIAG_ERROR, font_set_path(fs, f), 0, 0,
			    "cannot embed the font (libharu error 0x%04X)",
			    (unsigned)err->code);
			return -1;
		}
	}
	return 0;
}

/* A bookmark at the item's height, under the last one of the level
 * above. */
static void
pdf_mark(struct pdf_draw *w, const struct dl_item *it)
{
	int		 lv = it->face < 1 ? 1 : it->face > 3 ? 3 : it->face;
	HPDF_Outline	 o;
	HPDF_Destination dst;

	o = HPDF_CreateOutline(w->pdf, lv > 1 ? w->parent[lv - 1] : NULL,
	    it->text, w->utf8);
	dst = HPDF_Page_CreateDestination(w->page);
	/* libharu rejects XYZ with a null zoom: fit the page's width at the
	 * heading instead. */
	HPDF_Destination_SetFitH(dst, (HPDF_REAL)(w->ph - it->y_pt + 20));
	HPDF_Outline_SetDestination(o, dst);
	HPDF_Outline_SetOpened(o, HPDF_FALSE);
	w->parent[lv] = o;
	if (lv < 3)
		w->parent[lv + 1] = NULL;
}

/* A text item: one run at its baseline. */
static void
pdf_text(struct pdf_draw *w, const struct dl_item *it)
{
	if (!w->intext) {
		HPDF_Page_BeginText(w->page);
		w->intext = 1;
		w->curface = -1;
	}
	if (w->curface != (it->face & 3) || w->cursize != it->size_pt) {
		w->curface = it->face & 3;
		w->cursize = it->size_pt;
		HPDF_Page_SetFontAndSize(w->page, w->font[w->curface],
		    (HPDF_REAL)w->cursize);
	}
	HPDF_Page_TextOut(w->page, (HPDF_REAL)it->x_pt,
	    (HPDF_REAL)(w->ph - it->y_pt), it->text);
}

/* A rectangle (BOX stroked, FILL filled in grey, outlined when it has a
 * line width). */
static void
pdf_rect(struct pdf_draw *w, const struct dl_item *it)
{
	HPDF_Page pg = w->page;

	if (it->kind == DL_FILL)
		HPDF_Page_SetGrayFill(pg, (HPDF_REAL)it->grey);
	if (it->kind == DL_BOX || it->size_pt > 0)
		HPDF_Page_SetLineWidth(pg, (HPDF_REAL)it->size_pt);
	HPDF_Page_Rectangle(pg, (HPDF_REAL)it->x_pt,
	    (HPDF_REAL)(w->ph - it->y_pt - it->y2_pt), (HPDF_REAL)it->x2_pt,
	    (HPDF_REAL)it->y2_pt);
	if (it->kind == DL_BOX)
		HPDF_Page_Stroke(pg);
	else {
		if (it->size_pt > 0)
			HPDF_Page_FillStroke(pg);
		else
			HPDF_Page_Fill(pg);
		HPDF_Page_SetGrayFill(pg, 0);   /* text is black */
	}
}

/* Draw one display-list item; -1 when a page cannot be added. */
static int
pdf_item(struct pdf_draw *w, const struct dl_item *it)
{
	if (it->kind != DL_TEXT && w->intext) {
		HPDF_Page_EndText(w->page);
		w->intext = 0;
	}
	if (it->kind == DL_PAGE) {
		if ((w->page = HPDF_AddPage(w->pdf)) == NULL)
			return -1;
		HPDF_Page_SetWidth(w->page, (HPDF_REAL)it->x2_pt);
		HPDF_Page_SetHeight(w->page, (HPDF_REAL)it->y2_pt);
		w->ph = it->y2_pt;
		w->curface = -1;
		return 0;
	}
	if (w->page == NULL)
		return 0;
	switch (it->kind) {
	case DL_TEXT:
		pdf_text(w, it);
		break;
	case DL_RULE:
		HPDF_Page_SetLineWidth(w->page, (HPDF_REAL)it->size_pt);
		HPDF_Page_MoveTo(w->page, (HPDF_REAL)it->x_pt,
		    (HPDF_REAL)(w->ph - it->y_pt));
		HPDF_Page_LineTo(w->page, (HPDF_REAL)it->x2_pt,
		    (HPDF_REAL)(w->ph - it->y2_pt));
		HPDF_Page_Stroke(w->page);
		break;
	case DL_BOX:
	case DL_FILL:
		pdf_rect(w, it);
		break;
	case DL_MARK:
		pdf_mark(w, it);
		break;
	default:
		break;
	}
	return 0;
}

/* Document information: title, author, subject, creator, dates. */
static void
pdf_info(HPDF_Doc pdf, const struct dl *dl, long long epoch)
{
	HPDF_Date hd;

	if (dl->title)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, dl->title);
	if (dl->author)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, dl->author);
	if (dl->subject)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, dl->subject);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "vanban " VB_VERSION);
	pdf_date(&hd, epoch);
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, hd);
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, hd);
}

/* The finished PDF into a malloc'd buffer, its ToUnicode maps repaired. */
static int
pdf_save(HPDF_Doc pdf, char **out, size_t *len)
{
	HPDF_UINT32 sz;

	if (HPDF_SaveToStream(pdf) != HPDF_OK)
		return -1;
	sz = HPDF_GetStreamSize(pdf);
	if ((*out = malloc(sz ? sz : 1)) == NULL)
		return -1;
	HPDF_ResetStream(pdf);
	*len = sz;
	if (HPDF_ReadFromStream(pdf, (HPDF_BYTE *)*out, &sz) != HPDF_OK &&
	    sz != *len) {
		free(*out);
		*out = NULL;
		return -1;
	}
	pdf_fix_tounicode(*out, *len);
	return 0;
}

int
pdf_write(const struct dl *dl, struct font_set *fs, long long epoch,
    char **out, size_t *len, struct diag *d)
{
	struct pdf_err	 err = { 0, 0 };
	struct pdf_draw	 w;
	struct cpset	 cs[LAYOUT_NFACES];
	int		 fds[LAYOUT_NFACES] = { -1, -1, -1, -1 };
	int		 rc = VB_ESYS, f;
	size_t		 i;

	memset(cs, 0, sizeof(cs));
	memset(&w, 0, sizeof(w));
	w.curface = -1;
	*out = NULL;
	if ((w.pdf = HPDF_New(pdf_on_error, &err)) == NULL) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot start a PDF");
		return VB_ESYS;
	}
	/* PDF 1.4 (the project's spec): libharu has no setter and writes
	 * the header from this field of its (installed, public) document
	 * record; nothing vanban draws needs a later version. */
	w.pdf->pdf_version = HPDF_VER_14;
	HPDF_SetCompressionMode(w.pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(w.pdf);
	HPDF_SetCurrentEncoder(w.pdf, "UTF-8");
	w.utf8 = HPDF_GetEncoder(w.pdf, "UTF-8");
	if (pdf_fonts(&w, dl, fs, cs, fds, &err, d) != 0)
		goto done;
	for (i = 0; i < dl->n; i++)
		if (pdf_item(&w, &dl->v[i]) != 0)
			goto done;
	if (w.intext)
		HPDF_Page_EndText(w.page);
	pdf_info(w.pdf, dl, epoch);
	if (err.code != 0) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "PDF error 0x%04X (detail "
		    "%u)", (unsigned)err.code, (unsigned)err.detail);
		goto done;
	}
	if (pdf_save(w.pdf, out, len) == 0)
		rc = VB_OK;
done:
	if (rc != VB_OK && diag_errors(d) == 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot write the PDF "
		    "(libharu error 0x%04X)", (unsigned)err.code);
	HPDF_Free(w.pdf);
	for (f = 0; f < LAYOUT_NFACES; f++) {
		free(cs[f].v);
		if (fds[f] != -1)
			close(fds[f]);
	}
	return rc;
}

/* ------------------------------------------------------------------ */
/* libharu's glyph lookup, made fast                                    */
/* ------------------------------------------------------------------ */

/*
 * libharu 2.3.0's UTF-8 encoder asks HPDF_TTFontDef_GetGlyphid for every
 * one of the 65,536 BMP code points when a font is added, and that
 * function walks the cmap's segments from the first: a third of all the
 * instructions of rendering the 2020 plan.  libharu calls it through its
 * PLT, so this definition, exported by the program, takes its place in
 * every process that links this file: the same answers for the same
 * (format 4, sorted) cmap, found by binary search over the segments'
 * end codes — or, as libharu asks in increasing order, by moving on from
 * the segment of the previous question.  Checked against libharu's own
 * answers for every code point of every face by tests/unit/test_pdf.c.
 */
HPDF_UINT16
HPDF_TTFontDef_GetGlyphid(HPDF_FontDef fontdef, HPDF_UINT16 unicode)
{
	HPDF_TTFontDefAttr	 attr = (HPDF_TTFontDefAttr)fontdef->attr;
	const HPDF_TTF_CmapRange *cm = &attr->cmap;
	HPDF_UINT		 seg = cm->seg_count_x2 / 2, lo = 0, hi, i, idx;

	if (cm->format == 0)
		return cm->glyph_id_array[unicode & 0xFF];
	if (seg == 0) {
		HPDF_SetError(fontdef->error, HPDF_TTF_INVALID_CMAP, 0);
		return 0;
	}
	/* The first segment whose end is >= unicode (seg when none, as the
	 * linear walk leaves it). */
	static const HPDF_TTF_CmapRange	*last_cm;
	static HPDF_UINT		 last_i;
	static HPDF_UINT16		 last_u;

	/* Moving on from the last answer is right whenever the segment
	 * before it ends below unicode (ends are sorted), whatever font the
	 * last answer was for. */
	if (cm == last_cm && unicode >= last_u && last_i < seg &&
	    (last_i == 0 || unicode > cm->end_count[last_i - 1])) {
		lo = last_i;
		while (lo < seg && unicode > cm->end_count[lo])
			lo++;
		hi = lo;
	} else
		hi = seg;
	while (lo < hi) {
		HPDF_UINT mid = lo + (hi - lo) / 2;

		if (unicode <= cm->end_count[mid])
			hi = mid;
		else
			lo = mid + 1;
	}
	i = lo;
	last_cm = cm;
	last_i = i;
	last_u = unicode;
	if (i == seg || cm->start_count[i] > unicode)
		return 0;
	if (cm->id_range_offset[i] == 0)
		return (HPDF_UINT16)(unicode + cm->id_delta[i]);
	idx = cm->id_range_offset[i] / 2 + (unicode - cm->start_count[i]) -
	    (seg - i);
	if (idx >= cm->glyph_id_array_count)
		return 0;
	return (HPDF_UINT16)(cm->glyph_id_array[idx] + cm->id_delta[i]);
}

/*
 * libharu copies and clears memory a byte at a time in HPDF_MemCpy and
 * HPDF_MemSet (a sixth of the plan's instructions, mostly the 128 KB
 * glyph maps of each font); like the glyph lookup these are called
 * through the PLT, and the C library's functions do the same work.
 * Like libharu's, each returns the end of what it wrote (out + n), which
 * libharu's callers go on from.  memmove, not memcpy: libharu's forward
 * byte loop is also correct for a copy down into an overlapping buffer.
 */
HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	if (n > 0)
		memmove(out, in, n);
	return out + n;
}

void *
HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	if (n > 0)
		memset(s, c, n);
	return (HPDF_BYTE *)s + n;
}
