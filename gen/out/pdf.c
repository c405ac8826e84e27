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
#include <zlib.h>
#include <utf8proc.h>

#include "vanban.h"
#include "doc/doc.h"
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
		if (s->n == s->cap) {
			size_t	 cap = s->cap ? s->cap * 2 : 256;
			uint32_t *v = realloc(s->v, cap * sizeof(*v));

			if (v == NULL)
				return -1;
			s->v = v;
			s->cap = cap;
		}
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

int
pdf_write(const struct dl *dl, struct font_set *fs, long long epoch,
    char **out, size_t *len, struct diag *d)
{
	struct pdf_err	 err = { 0, 0 };
	HPDF_Doc	 pdf;
	HPDF_Page	 page = NULL;
	HPDF_Font	 font[DOC_NFACES] = { NULL, NULL, NULL, NULL };
	HPDF_Outline	 parent[4] = { NULL, NULL, NULL, NULL };
	HPDF_Encoder	 utf8;
	HPDF_Date	 hd;
	struct cpset	 cs[DOC_NFACES];
	int		 fds[DOC_NFACES] = { -1, -1, -1, -1 };
	int		 rc = VB_ESYS, f, intext = 0;
	double		 ph = 0, cursize = 0;
	int		 curface = -1;
	size_t		 i;
	HPDF_UINT32	 sz;

	memset(cs, 0, sizeof(cs));
	*out = NULL;
	if ((pdf = HPDF_New(pdf_on_error, &err)) == NULL) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot start a PDF");
		return VB_ESYS;
	}
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	utf8 = HPDF_GetEncoder(pdf, "UTF-8");
	for (i = 0; i < dl->n; i++)
		if (dl->v[i].kind == DL_TEXT &&
		    cpset_add_text(&cs[dl->v[i].face & 3], dl->v[i].text) == -1)
			goto done;
	for (f = 0; f < DOC_NFACES; f++) {
		const char *name;

		if (cs[f].n == 0)
			continue;
		if ((name = pdf_load_face(pdf, fs, f, &cs[f], &fds[f])) == NULL ||
		    (font[f] = HPDF_GetFont(pdf, name, "UTF-8")) == NULL) {
			diag_add(d, DIAG_ERROR, font_set_path(fs, f), 0, 0,
			    "cannot embed the font (libharu error 0x%04X)",
			    (unsigned)err.code);
			goto done;
		}
	}
	for (i = 0; i < dl->n; i++) {
		const struct dl_item *it = &dl->v[i];

		if (it->kind != DL_TEXT && intext) {
			HPDF_Page_EndText(page);
			intext = 0;
		}
		switch (it->kind) {
		case DL_PAGE:
			if ((page = HPDF_AddPage(pdf)) == NULL)
				goto done;
			HPDF_Page_SetWidth(page, (HPDF_REAL)it->x2_pt);
			HPDF_Page_SetHeight(page, (HPDF_REAL)it->y2_pt);
			ph = it->y2_pt;
			curface = -1;
			break;
		case DL_TEXT:
			if (page == NULL)
				break;
			if (!intext) {
				HPDF_Page_BeginText(page);
				intext = 1;
				curface = -1;
			}
			if (curface != (it->face & 3) ||
			    cursize != it->size_pt) {
				curface = it->face & 3;
				cursize = it->size_pt;
				HPDF_Page_SetFontAndSize(page, font[curface],
				    (HPDF_REAL)cursize);
			}
			HPDF_Page_TextOut(page, (HPDF_REAL)it->x_pt,
			    (HPDF_REAL)(ph - it->y_pt), it->text);
			break;
		case DL_RULE:
			if (page == NULL)
				break;
			HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->size_pt);
			HPDF_Page_MoveTo(page, (HPDF_REAL)it->x_pt,
			    (HPDF_REAL)(ph - it->y_pt));
			HPDF_Page_LineTo(page, (HPDF_REAL)it->x2_pt,
			    (HPDF_REAL)(ph - it->y2_pt));
			HPDF_Page_Stroke(page);
			break;
		case DL_BOX:
			if (page == NULL)
				break;
			HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->size_pt);
			HPDF_Page_Rectangle(page, (HPDF_REAL)it->x_pt,
			    (HPDF_REAL)(ph - it->y_pt - it->y2_pt),
			    (HPDF_REAL)it->x2_pt, (HPDF_REAL)it->y2_pt);
			HPDF_Page_Stroke(page);
			break;
		case DL_FILL:
			if (page == NULL)
				break;
			HPDF_Page_SetGrayFill(page, (HPDF_REAL)it->grey);
			if (it->size_pt > 0)
				HPDF_Page_SetLineWidth(page,
				    (HPDF_REAL)it->size_pt);
			HPDF_Page_Rectangle(page, (HPDF_REAL)it->x_pt,
			    (HPDF_REAL)(ph - it->y_pt - it->y2_pt),
			    (HPDF_REAL)it->x2_pt, (HPDF_REAL)it->y2_pt);
			if (it->size_pt > 0)
				HPDF_Page_FillStroke(page);
			else
				HPDF_Page_Fill(page);
			HPDF_Page_SetGrayFill(page, 0);   /* text is black */
			break;
		case DL_MARK: {
			int		 lv = it->face < 1 ? 1 : it->face > 3 ? 3 :
			    it->face;
			HPDF_Outline	 o;
			HPDF_Destination dst;

			if (page == NULL)
				break;
			o = HPDF_CreateOutline(pdf, lv > 1 ? parent[lv - 1] :
			    NULL, it->text, utf8);
			dst = HPDF_Page_CreateDestination(page);
			/* libharu rejects XYZ with a null zoom: fit the
			 * page's width at the heading instead. */
			HPDF_Destination_SetFitH(dst,
			    (HPDF_REAL)(ph - it->y_pt + 20));
			HPDF_Outline_SetDestination(o, dst);
			HPDF_Outline_SetOpened(o, HPDF_FALSE);
			parent[lv] = o;
			if (lv < 3)
				parent[lv + 1] = NULL;
			break;
		}
		}
	}
	if (intext)
		HPDF_Page_EndText(page);
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
	if (err.code != 0) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "PDF error 0x%04X (detail "
		    "%u)", (unsigned)err.code, (unsigned)err.detail);
		goto done;
	}
	if (HPDF_SaveToStream(pdf) != HPDF_OK)
		goto done;
	sz = HPDF_GetStreamSize(pdf);
	if ((*out = malloc(sz ? sz : 1)) == NULL)
		goto done;
	HPDF_ResetStream(pdf);
	*len = sz;
	if (HPDF_ReadFromStream(pdf, (HPDF_BYTE *)*out, &sz) != HPDF_OK &&
	    sz != *len) {
		free(*out);
		*out = NULL;
		goto done;
	}
	pdf_fix_tounicode(*out, *len);
	rc = VB_OK;
done:
	if (rc != VB_OK && diag_errors(d) == 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot write the PDF "
		    "(libharu error 0x%04X)", (unsigned)err.code);
	HPDF_Free(pdf);
	for (f = 0; f < DOC_NFACES; f++) {
		free(cs[f].v);
		if (fds[f] != -1)
			close(fds[f]);
	}
	return rc;
}
