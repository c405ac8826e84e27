/*
 * pdfa.c - what makes vanban's PDF archival and its text survive other
 * tools.  Archives in Vietnam keep PDF/A (TCVN 14159-1:2024 = ISO
 * 19005-1); every PDF is written as PDF/A-1b:
 *
 *  - XMP metadata (stored, not deflated, as PDF/A-1 wants) saying what
 *    the Info dictionary says: title, author (the issuing agency),
 *    subject, creator tool, producer, dates, and pdfaid part 1, B;
 *  - an output intent GTS_PDFA1 with an sRGB profile of ICC version 2
 *    (PDF/A-1 predates version 4), made by Little CMS, so that the grey
 *    the pages paint (DeviceGray) has a meaning;
 *  - a file identifier, a hash of the file's bytes (so the same document
 *    and SOURCE_DATE_EPOCH still give the same file);
 *  - a CIDSet for each subset font.
 *
 * And the maps of the fonts, which decide whether other tools read the
 * text back: the widths (/W, the font's advances rounded to the nearest
 * unit), the one-byte encoding, and the ToUnicode maps, bfchar entries
 * with a bfrange only for targets below U+0100: Ghostscript 10.0 reads
 * a range whose target passes U+00FF wrong and garbles every Vietnamese
 * letter it extracts or rewrites.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lcms2.h>

#include "base/base.h"
#include "layout/layout.h"
#include "emit/emit.h"
#include "emit/pdf_int.h"

/* ------------------------------------------------------------------ */
/* Fonts                                                                */
/* ------------------------------------------------------------------ */

/* One block of at most 100 entries from CID i + 1 on: ranges (targets
 * below U+0100, consecutive, varying the last byte only) into r, single
 * characters into c; returns where the block ends. */
static size_t
pdf_tu_block(const struct pdf_face *f, size_t i, struct vbuf *r,
    struct vbuf *c, size_t *nr, size_t *nc)
{
	const char	*code = f->bytes == 1 ? "<%02zX>" : "<%04zX>";

	for (*nr = *nc = 0; i < f->n && *nr + *nc < 100; i++) {
		size_t k = i;

		while (k + 1 < f->n && f->cp[k + 1] == f->cp[k] + 1 &&
		    f->cp[k + 1] < 0x100 && ((k + 2) & 0xFF) != 0)
			k++;
		if (k > i) {
			vbuf_printf(r, code, i + 1);
			vbuf_putn(r, " ", 1);
			vbuf_printf(r, code, k + 1);
			vbuf_putn(r, " <", 2);
			pdf_utf16(r, f->cp[i]);
			vbuf_putn(r, ">\n", 2);
			(*nr)++;
			i = k;
			continue;
		}
		vbuf_printf(c, code, i + 1);
		vbuf_putn(c, " <", 2);
		pdf_utf16(c, f->cp[i]);
		vbuf_putn(c, ">\n", 2);
		(*nc)++;
	}
	return i;
}

void
pdf_tounicode(struct vbuf *b, const struct pdf_face *f)
{
	size_t i, nr, nc;

	vbuf_printf(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\n"
	    "begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n1 begincodespacerange\n%s\n"
	    "endcodespacerange\n", f->bytes == 1 ? "<00> <FF>" :
	    "<0000> <FFFF>");
	for (i = 0; i < f->n; ) {
		struct vbuf r = { NULL, 0, 0, 0 }, c = { NULL, 0, 0, 0 };

		i = pdf_tu_block(f, i, &r, &c, &nr, &nc);
		if (nr > 0) {
			vbuf_printf(b, "%zu beginbfrange\n", nr);
			vbuf_putn(b, r.s, r.len);
			vbuf_puts(b, "endbfrange\n");
		}
		if (nc > 0) {
			vbuf_printf(b, "%zu beginbfchar\n", nc);
			vbuf_putn(b, c.s, c.len);
			vbuf_puts(b, "endbfchar\n");
		}
		b->bad |= r.bad | c.bad;
		free(r.s);
		free(c.s);
	}
	vbuf_puts(b, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
	    "end\nend\n");
}

/* The widths of face f's characters in 1/1000 em: the font's advances
 * rounded to the nearest unit (a character the face lacks: as U+FFFD,
 * as layout measures it). */
int
pdf_face_widths(struct pdf_face *f, int face, struct font_set *fs)
{
	size_t i;

	if ((f->w = calloc(f->n + 1, sizeof(*f->w))) == NULL)
		return -1;
	for (i = 0; i < f->n; i++) {
		int a = font_set_width(fs, face, f->cp[i]);

		if (a < 0)
			a = font_set_width(fs, face, 0xFFFD);
		f->w[i] = a > 0 ? a : 0;
	}
	f->space = pdf_cid(f, 0x20);
	return 0;
}

/* The widths of the CIDs 1..n, as the pages use them. */
void
pdf_widths(struct vbuf *b, const struct pdf_face *f)
{
	size_t i;

	vbuf_puts(b, "/W [1 [");
	for (i = 0; i < f->n; i++) {
		if (i > 0)
			vbuf_putn(b, " ", 1);
		vbuf_printf(b, "%d", f->w[i]);
	}
	vbuf_puts(b, "]]");
}

/*
 * Object num: the encoding of the faces with fewer than 256 characters,
 * one byte a code, code c being CID c.  Half the bytes of Identity-H's
 * two (a document uses 100 to 200 characters a face): smaller page
 * streams to deflate and to store.
 */
void
pdf_cmap1(struct pdf *p, int num)
{
	static const char cmap[] = "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) "
	    "/Ordering (Identity) /Supplement 0 >> def\n/CMapName "
	    "/VanBan-OneByte def\n/CMapType 1 def\n1 begincodespacerange\n"
	    "<00> <FF>\nendcodespacerange\n1 begincidrange\n<00> <FF> 0\n"
	    "endcidrange\nendcmap\nCMapName currentdict /CMap "
	    "defineresource pop\nend\nend\n";

	pdf_stream(p, num, "/Type /CMap /CMapName /VanBan-OneByte "
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
	    "/Supplement 0 >>", cmap, sizeof(cmap) - 1);
}

void
pdf_cidset(struct pdf *p, int num, const struct pdf_face *f)
{
	unsigned char	*bits;
	size_t		 n = (f->n + 1 + 7) / 8, i;

	if ((bits = calloc(n, 1)) == NULL) {
		p->bad = 1;
		return;
	}
	for (i = 0; i <= f->n; i++)
		bits[i / 8] |= (unsigned char)(0x80 >> (i % 8));
	pdf_stream(p, num, "", bits, n);
	free(bits);
}

/* ------------------------------------------------------------------ */
/* Output intent                                                        */
/* ------------------------------------------------------------------ */

static unsigned char	*icc;        /* the profile, made once */
static cmsUInt32Number	 icc_len;
static pthread_once_t	 icc_once = PTHREAD_ONCE_INIT;

/*
 * sRGB (IEC 61966-2-1: D65 white, the ITU-R BT.709 primaries) as an ICC
 * profile of version 2.1, made by Little CMS, its tone curve sampled at
 * 256 points (linear between them, within 0.2 % of the formula) rather
 * than the 4096 lcms writes for a v2 profile: 1.1 KB instead of 8.8, the
 * plan's file staying under its 60 KB.  Built from the primaries rather
 * than by cmsCreate_sRGBProfile, whose parametric curve this replaces
 * anyway (that one call was 1.2 million instructions of the plan's 45).
 * The header's date, which lcms sets to the time of the call, is fixed
 * so that the file does not depend on it.
 */
static void
pdf_icc_make(void)
{
	static const cmsCIExyYTRIPLE rec709 = {
		{ 0.6400, 0.3300, 1.0 }, { 0.3000, 0.6000, 1.0 },
		{ 0.1500, 0.0600, 1.0 } };
	static const cmsCIExyY d65 = { 0.3127, 0.3290, 1.0 };
	cmsUInt16Number	 v[256];
	cmsToneCurve	*c, *rgb[3];
	cmsHPROFILE	 h = NULL;
	cmsMLU		*desc = NULL;
	cmsUInt32Number	 n = 0;
	int		 i;

	for (i = 0; i < 256; i++) {
		double x = i / 255.0;
		double y = x <= 0.04045 ? x / 12.92 :
		    pow((x + 0.055) / 1.055, 2.4);

		v[i] = (cmsUInt16Number)(y * 65535.0 + 0.5);
	}
	if ((c = cmsBuildTabulatedToneCurve16(NULL, 256, v)) == NULL)
		return;
	rgb[0] = rgb[1] = rgb[2] = c;
	if ((h = cmsCreateRGBProfile(&d65, &rec709, rgb)) == NULL ||
	    (desc = cmsMLUalloc(NULL, 1)) == NULL)
		goto done;
	cmsSetProfileVersion(h, 2.1);
	if (!cmsMLUsetASCII(desc, "en", "US", "sRGB IEC61966-2.1") ||
	    !cmsWriteTag(h, cmsSigProfileDescriptionTag, desc) ||
	    !cmsLinkTag(h, cmsSigGreenTRCTag, cmsSigRedTRCTag) ||
	    !cmsLinkTag(h, cmsSigBlueTRCTag, cmsSigRedTRCTag) ||
	    !cmsSaveProfileToMem(h, NULL, &n) || n <= 36 ||
	    (icc = malloc(n)) == NULL)
		goto done;
	if (cmsSaveProfileToMem(h, icc, &n)) {
		/* 2000-01-01 00:00:00, six big-endian 16-bit fields */
		static const unsigned char date[12] = {
			0x07, 0xD0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0 };

		memcpy(icc + 24, date, sizeof(date));
		icc_len = n;
	} else {
		free(icc);
		icc = NULL;
	}
done:
	if (desc != NULL)
		cmsMLUfree(desc);
	if (h != NULL)
		cmsCloseProfile(h);
	cmsFreeToneCurve(c);
}

void
pdf_icc(struct pdf *p, int num)
{
	pthread_once(&icc_once, pdf_icc_make);
	if (icc == NULL) {
		p->bad = 1;
		return;
	}
	pdf_stream(p, num, "/N 3", icc, icc_len);
}

void
pdf_output_intent(struct vbuf *b, int obj)
{
	vbuf_printf(b, " /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 "
	    "/OutputConditionIdentifier (sRGB IEC61966-2.1) /RegistryName "
	    "(http://www.color.org) /Info (sRGB IEC61966-2.1) "
	    "/DestOutputProfile %d 0 R >>]", obj);
}

/* ------------------------------------------------------------------ */
/* Metadata, identifier                                                 */
/* ------------------------------------------------------------------ */

/* s as XML character data. */
static void
pdf_xml(struct vbuf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '&')
			vbuf_puts(b, "&amp;");
		else if (*s == '<')
			vbuf_puts(b, "&lt;");
		else if (*s == '>')
			vbuf_puts(b, "&gt;");
		else
			vbuf_putn(b, s, 1);
	}
}

/* An rdf:Alt of one x-default value, or an rdf:Seq of one, as element
 * el. */
static void
pdf_xmp_item(struct vbuf *b, const char *el, const char *kind,
    const char *s)
{
	if (s == NULL)
		return;
	vbuf_printf(b, "<%s><rdf:%s><rdf:li%s>", el, kind,
	    strcmp(kind, "Alt") == 0 ? " xml:lang=\"x-default\"" : "");
	pdf_xml(b, s);
	vbuf_printf(b, "</rdf:li></rdf:%s></%s>\n", kind, el);
}

void
pdf_xmp(struct pdf *p, int num, const struct dl *dl, long long date)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	time_t		 t = (time_t)date;
	struct tm	 tm;
	char		 d[32];

	gmtime_r(&t, &tm);
	strftime(d, sizeof(d), "%Y-%m-%dT%H:%M:%SZ", &tm);
	vbuf_puts(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf="
	    "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	    "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
	    "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
	    "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
	    "<dc:format>application/pdf</dc:format>\n");
	pdf_xmp_item(&b, "dc:title", "Alt", dl->title);
	pdf_xmp_item(&b, "dc:creator", "Seq", dl->author);
	pdf_xmp_item(&b, "dc:description", "Alt", dl->subject);
	vbuf_printf(&b, "<xmp:CreatorTool>vanban " VB_VERSION
	    "</xmp:CreatorTool>\n<xmp:CreateDate>%s</xmp:CreateDate>\n"
	    "<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s"
	    "</xmp:MetadataDate>\n<pdf:Producer>vanban " VB_VERSION
	    "</pdf:Producer>\n<pdfaid:part>1</pdfaid:part>\n"
	    "<pdfaid:conformance>B</pdfaid:conformance>\n"
	    "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>", d, d, d);
	pdf_begin(p, num);
	vbuf_printf(&p->out, "<< /Type /Metadata /Subtype /XML /Length %zu >>\n"
	    "stream\n", b.len);
	vbuf_putn(&p->out, b.s, b.len);
	vbuf_puts(&p->out, "\nendstream\nendobj\n");
	p->bad |= b.bad;
	free(b.s);
}

/*
 * The identifier: 128 bits from two 64-bit hashes of the bytes so far,
 * eight at a time (a multiply-xorshift each, with different constants),
 * the same for both halves of /ID as for a file never updated.  A hash
 * of the content, not of the time or a random source, so that a
 * reproducible build stays so.
 */
void
pdf_id(struct vbuf *b)
{
	const unsigned char	*s = (const unsigned char *)b->s;
	uint64_t		 h1 = 14695981039346656037ULL ^ b->len;
	uint64_t		 h2 = 0x243F6A8885A308D3ULL;
	char			 hex[33];
	size_t			 i, k;

	for (i = 0; i < b->len; i += 8) {
		uint64_t w = 0;

		if (i + 8 <= b->len)    /* little-endian on every machine */
			w = (uint64_t)s[i] | (uint64_t)s[i + 1] << 8 |
			    (uint64_t)s[i + 2] << 16 | (uint64_t)s[i + 3] << 24 |
			    (uint64_t)s[i + 4] << 32 | (uint64_t)s[i + 5] << 40 |
			    (uint64_t)s[i + 6] << 48 | (uint64_t)s[i + 7] << 56;
		else
			for (k = 0; i + k < b->len; k++)
				w |= (uint64_t)s[i + k] << (8 * k);
		h1 = (h1 ^ w) * 0x100000001B3ULL;
		h1 ^= h1 >> 31;
		h2 = (h2 ^ w) * 0x9E3779B97F4A7C15ULL;
		h2 ^= h2 >> 29;
	}
	snprintf(hex, sizeof(hex), "%016llX%016llX", (unsigned long long)h1,
	    (unsigned long long)h2);
	vbuf_printf(b, " /ID [<%s> <%s>]", hex, hex);
}
