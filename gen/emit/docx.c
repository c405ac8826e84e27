/*
 * docx.c - the editable draft: the document model as a Word file (DOCX,
 * Office Open XML) in the format of Nghị định 30/2020.  This file writes
 * the package: [Content_Types].xml, the relationships, the styles (named
 * plainly: Body, CanCu, Dieu, Heading1 ...; Times New Roman throughout),
 * the settings, the two page headers (none on a section's first page, the
 * page number at the top centre from page 2), the document properties,
 * and zips them with libzip in a fixed order with fixed times, so the
 * same source and SOURCE_DATE_EPOCH give the same bytes.
 * word/document.xml comes from docx_body.c and docx_xml.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/base.h"
#include "base/zipso.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "emit/emit.h"
#include "emit/docx_int.h"

#define DOCX_FIXED_TIME 1577836800LL   /* 2020-01-01: entries' time when
				      * SOURCE_DATE_EPOCH is not a DOS date */
#define DOCX_DOS_MIN 315964800LL       /* 1980-01-06: earliest safe DOS time */
#define DOCX_DOS_MAX 4102444800LL      /* 2100-01-01 */

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define NS_W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define NS_R "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define RELS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml"

static const char content_types[] = XML_HEAD
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"" CT_WML ".document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"" CT_WML ".styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"" CT_WML ".settings+xml\"/>"
    "<Override PartName=\"/word/header1.xml\" ContentType=\"" CT_WML ".header+xml\"/>"
    "<Override PartName=\"/word/header2.xml\" ContentType=\"" CT_WML ".header+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    "</Types>\n";

static const char package_rels[] = XML_HEAD
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" RELS "/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" RELS "/extended-properties\" Target=\"docProps/app.xml\"/>"
    "</Relationships>\n";

/* rId1 and rId2 are the headers the sections name (docx_body.c). */
static const char document_rels[] = XML_HEAD
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"" RELS "/header\" Target=\"header1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"" RELS "/header\" Target=\"header2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" RELS "/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"" RELS "/settings\" Target=\"settings.xml\"/>"
    "</Relationships>\n";

static const char settings[] = XML_HEAD
    "<w:settings " NS_W "><w:defaultTabStop w:val=\"720\"/>"
    "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
    "</w:compat></w:settings>\n";

/* The page number from page 2 (Nghị định 30: top centre, 13-14 pt). */
static const char header_default[] = XML_HEAD
    "<w:hdr " NS_W " " NS_R "><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>"
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
    "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
    "<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    "</w:p></w:hdr>\n";

/* None on a section's first page. */
static const char header_first[] = XML_HEAD
    "<w:hdr " NS_W " " NS_R "><w:p><w:pPr><w:pStyle w:val=\"Header\"/>"
    "</w:pPr></w:p></w:hdr>\n";

/* A paragraph style: id (= name), parent, pPr and rPr XML.  The pPr is a
 * format: its %ld, if any, take p[0] and p[1] (twips), so the sizes and
 * pitches the layout uses (ND30_* of layout.h) are written from there,
 * not copied; the size, if any, ends the rPr. */
struct docx_style {
	const char	*id;
	const char	*based;   /* NULL: none */
	const char	*ppr;
	const char	*rpr;
	long		 p[2];    /* the pPr's numbers, twips */
	double		 size_pt; /* the rPr's size (0: the parent's) */
};

#define TW(pt) DOCX_TW(pt)
#define B "<w:b/><w:bCs/>"
#define KEEP "<w:keepNext/><w:keepLines/>"
#define SP_LINE(after) "<w:spacing w:after=\"" after "\" w:line=\"%ld\" " \
	"w:lineRule=\"atLeast\"/>"
#define SP_TIGHT SP_LINE("0")

/* Sizes: the body as the layout set it (14 pt on a 16.8 pt line pitch,
 * 6 pt after, unless tightened to save a page or set by co_chu and
 * gian_dong: see body_style), 14 pt letterhead titles and signature,
 * 13 pt letterhead, 12-11 pt Nơi nhận. */
static const struct docx_style styles[] = {
	{ "Normal", NULL, "<w:spacing w:after=\"0\" w:line=\"240\" "
	    "w:lineRule=\"auto\"/>", "", { 0, 0 }, 0 },
	/* No single line of a paragraph alone at a page's top or bottom. */
	/* Body: its size and spacing first (body_style). */
	{ "Body", "Normal", "<w:ind w:firstLine=\"%ld\"/><w:jc w:val=\"both\"/>",
	    "", { DOCX_INDENT, 0 }, 0 },
	{ "CanCu", "Body", "", "", { 0, 0 }, 0 },
	{ "ListItem", "Body", "", "", { 0, 0 }, 0 },
	{ "Plain", "Body", "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/>",
	    "", { 0, 0 }, 0 },
	{ "Center", "Body", "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
	    "", { 0, 0 }, 0 },
	{ "Heading1", "Body", KEEP "<w:ind w:firstLine=\"0\"/>"
	    "<w:outlineLvl w:val=\"0\"/>", B, { 0, 0 }, 0 },
	{ "Heading2", "Body", KEEP "<w:outlineLvl w:val=\"1\"/>", B,
	    { 0, 0 }, 0 },
	{ "Heading3", "Body", KEEP "<w:outlineLvl w:val=\"2\"/>",
	    B "<w:i/><w:iCs/>", { 0, 0 }, 0 },
	{ "Dieu", "Body", "", "", { 0, 0 }, 0 },   /* an article: "Điều 1." bold
						 * in it */
	{ "Letterhead", "Normal", SP_LINE("0") "<w:jc w:val=\"center\"/>", "",
	    { TW(ND30_HEAD_LEAD_PT), 0 }, ND30_HEAD_PT },
	{ "Vv", "Letterhead", "<w:spacing w:before=\"%ld\"/>", "",
	    { TW(ND30_VV_GAP_PT), 0 }, 0 },
	{ "Rule", "Normal", "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" "
	    "w:space=\"1\" w:color=\"000000\"/></w:pBdr><w:spacing w:after=\"0\" "
	    "w:line=\"20\" w:lineRule=\"exact\"/>",
	    "<w:sz w:val=\"4\"/><w:szCs w:val=\"4\"/>", { 0, 0 }, 0 },
	{ "Spacer", "Normal", "<w:spacing w:after=\"0\" w:line=\"40\" "
	    "w:lineRule=\"exact\"/>", "<w:sz w:val=\"4\"/><w:szCs w:val=\"4\"/>",
	    { 0, 0 }, 0 },
	{ "Box", "Normal", SP_TIGHT "<w:jc w:val=\"center\"/>", B,
	    { TW(ND30_BODY_LEAD_PT), 0 }, 0 },
	{ "DocType", "Normal", KEEP "<w:spacing w:before=\"300\" w:after=\"0\" "
	    "w:line=\"%ld\" w:lineRule=\"atLeast\"/><w:jc w:val=\"center\"/>", B,
	    { TW(ND30_BODY_LEAD_PT), 0 }, 0 },
	{ "TrichYeu", "Normal", KEEP SP_TIGHT "<w:jc w:val=\"center\"/>", B,
	    { TW(ND30_BODY_LEAD_PT), 0 }, 0 },
	{ "KinhGui", "Normal", "<w:spacing w:before=\"240\" w:after=\"0\" "
	    "w:line=\"%ld\" w:lineRule=\"atLeast\"/>", "",
	    { TW(ND30_BODY_LEAD_PT), 0 }, 0 },
	{ "NoiNhanTitle", "Normal", KEEP SP_LINE("0"), B "<w:i/><w:iCs/>",
	    { TW(ND30_NOI_NHAN_LEAD_PT), 0 }, ND30_NOI_NHAN_PT },
	/* The hanging indent: "- " at 11 pt in Liberation Serif. */
	{ "NoiNhan", "Normal", SP_LINE("0") "<w:ind w:left=\"128\" "
	    "w:hanging=\"128\"/>", "", { TW(ND30_NOI_NHAN_LEAD_PT), 0 },
	    ND30_NOI_NHAN_ENTRY_PT },
	{ "ChuKy", "Normal", KEEP SP_TIGHT "<w:jc w:val=\"center\"/>", B,
	    { TW(ND30_BODY_LEAD_PT), 0 }, 0 },
	/* 7c: the name's baseline under the title's as the PDF's (31 mm
	 * clear between them for the hand signature and the seal): the
	 * space before the name's line, less its own pitch. */
	{ "ChuKyTen", "ChuKy", "<w:spacing w:before=\"%ld\"/>", "",
	    { TW(ND30_SIGN_SPACE_PT) - TW(ND30_BODY_LEAD_PT), 0 }, 0 },
	/* A cell's text: at least two lines on each side of a page break
	 * (a table row splits as in the PDF). */
	{ "TableText", "Normal", "<w:widowControl/><w:spacing w:after=\"0\" "
	    "w:line=\"240\" w:lineRule=\"auto\"/>", "", { 0, 0 }, 0 },
	{ "Note", "Center", "", "<w:i/><w:iCs/><w:sz w:val=\"24\"/>"
	    "<w:szCs w:val=\"24\"/>", { 0, 0 }, 0 },
	{ "Header", "Normal", "<w:jc w:val=\"center\"/>", "", { 0, 0 }, 0 },
};

/*
 * The body's settings as the layout chose them (fit): rpr 0, the pPr
 * part (no single line alone at a page's top or bottom; the line pitch
 * "at least", so larger text still fits; the space after), rpr 1, the
 * size.  Every body style (CanCu, Dieu, headings, lists ...) inherits
 * them from Body.
 */
static void
body_style(struct vbuf *b, const struct layout_fit *fit, int rpr)
{
	if (rpr) {
		long hp = (long)(fit->body_pt * 2 + 0.5);   /* half-points */

		vbuf_printf(b, "<w:sz w:val=\"%ld\"/><w:szCs w:val=\"%ld\"/>",
		    hp, hp);
		return;
	}
	vbuf_printf(b, "<w:widowControl/><w:spacing w:after=\"%ld\" "
	    "w:line=\"%ld\" w:lineRule=\"atLeast\"/>",
	    DOCX_TW(fit->para_pt), DOCX_TW(fit->lead_pt));
}

/* word/styles.xml: the defaults, the paragraph styles, and two table
 * styles: Layout (no borders, no cell margins) and Grid (0.5 pt). */
static char *
styles_xml(const struct layout_fit *fit)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	size_t		 i;

	vbuf_puts(&b, XML_HEAD "<w:styles " NS_W "><w:docDefaults><w:rPrDefault>"
	    "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New "
	    "Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
	    "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\" "
	    "w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
	    "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" "
	    "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>");
	for (i = 0; i < sizeof(styles) / sizeof(styles[0]); i++) {
		const struct docx_style *s = &styles[i];
		int body = strcmp(s->id, "Body") == 0;

		vbuf_printf(&b, "<w:style w:type=\"paragraph\"%s w:styleId=\"%s\">"
		    "<w:name w:val=\"%s\"/>", i == 0 ? " w:default=\"1\"" : "",
		    s->id, s->id);
		if (s->based != NULL)
			vbuf_printf(&b, "<w:basedOn w:val=\"%s\"/>", s->based);
		vbuf_puts(&b, "<w:qFormat/><w:pPr>");
		if (body)
			body_style(&b, fit, 0);
		vbuf_printf(&b, s->ppr, s->p[0], s->p[1]);
		vbuf_puts(&b, "</w:pPr><w:rPr>");
		if (body)
			body_style(&b, fit, 1);
		vbuf_puts(&b, s->rpr);
		if (s->size_pt > 0)
			vbuf_printf(&b, "<w:sz w:val=\"%ld\"/><w:szCs w:val="
			    "\"%ld\"/>", (long)(s->size_pt * 2 + 0.5),
			    (long)(s->size_pt * 2 + 0.5));
		vbuf_puts(&b, "</w:rPr></w:style>");
	}
	vbuf_puts(&b, "<w:style w:type=\"table\" w:default=\"1\" w:styleId="
	    "\"Layout\"><w:name w:val=\"Layout\"/><w:tblPr><w:tblInd w:w=\"0\" "
	    "w:type=\"dxa\"/><w:tblBorders><w:top w:val=\"nil\"/><w:left w:val="
	    "\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>"
	    "<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
	    "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"0\" "
	    "w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w="
	    "\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
	    "<w:style w:type=\"table\" w:styleId=\"Grid\"><w:name w:val=\"Grid\"/>"
	    "<w:basedOn w:val=\"Layout\"/><w:tblPr><w:tblBorders>"
	    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	    "</w:tblBorders></w:tblPr></w:style></w:styles>\n");
	return vbuf_take(&b);
}

/* s with its line breaks as spaces, escaped, into b. */
static void
prop_text(struct vbuf *b, const char *s)
{
	size_t i, k = 0, n = s ? strlen(s) : 0;

	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != '\n')
			continue;
		docx_esc(b, s + k, i - k);
		if (i < n && i + 1 < n)
			vbuf_putn(b, " ", 1);
		k = i + 1;
	}
}

/* docProps/core.xml: title = trích yếu, subject = document type,
 * creator = the issuing agency, created = the epoch. */
static char *
core_xml(const struct doc *doc, long long when)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	time_t		 t = (time_t)when;
	struct tm	 tm;
	char		 iso[32];
	size_t		 i;

	gmtime_r(&t, &tm);
	strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%SZ", &tm);
	vbuf_puts(&b, XML_HEAD "<cp:coreProperties xmlns:cp=\"http://schemas."
	    "openxmlformats.org/package/2006/metadata/core-properties\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms="
	    "\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/"
	    "XMLSchema-instance\"><dc:title>");
	prop_text(&b, doc->meta.trich_yeu);
	vbuf_puts(&b, "</dc:title><dc:subject>");
	prop_text(&b, doc->meta.loai);
	vbuf_puts(&b, "</dc:subject><dc:creator>");
	for (i = 0; i < doc->meta.co_quan.n; i++) {
		if (i > 0)
			vbuf_puts(&b, " ");
		prop_text(&b, doc->meta.co_quan.v[i]);
	}
	vbuf_printf(&b, "</dc:creator><dc:language>vi-VN</dc:language>"
	    "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
	    "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>"
	    "</cp:coreProperties>\n", iso, iso);
	return vbuf_take(&b);
}

static char *
app_xml(void)
{
	struct vbuf b = { NULL, 0, 0, 0 };

	vbuf_puts(&b, XML_HEAD "<Properties xmlns=\"http://schemas."
	    "openxmlformats.org/officeDocument/2006/extended-properties\">"
	    "<Application>vanban " VB_VERSION "</Application>"
	    "<DocSecurity>0</DocSecurity></Properties>\n");
	return vbuf_take(&b);
}

/* Add entry name with n bytes of data (owned: libzip frees it, even
 * when adding fails) at time mtime, deflated.  0, or -1. */
static int
add_entry(zip_t *za, const char *name, char *data, size_t n, int owned,
    time_t mtime)
{
	zip_source_t	*src;
	zip_int64_t	 idx;

	if (data == NULL)
		return -1;
	if ((src = zipso->zip_source_buffer(za, data, n, owned)) == NULL) {
		if (owned)
			free(data);
		return -1;
	}
	if ((idx = zipso->zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		zipso->zip_source_free(src);
		return -1;
	}
	if (zipso->zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0) != 0 ||
	    zipso->zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE,
	    0) != 0)
		return -1;
	return 0;
}

/* The archive's bytes, after zip_close, from the kept source. */
static int
take_bytes(zip_source_t *zs, char **out, size_t *len)
{
	zip_stat_t	 st;
	zip_int64_t	 got;

	if (zipso->zip_source_stat(zs, &st) != 0 || zipso->zip_source_open(zs) != 0)
		return -1;
	if ((*out = malloc(st.size ? st.size : 1)) == NULL) {
		zipso->zip_source_close(zs);
		return -1;
	}
	got = zipso->zip_source_read(zs, *out, st.size);
	zipso->zip_source_close(zs);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(*out);
		*out = NULL;
		return -1;
	}
	*len = st.size;
	return 0;
}

/* The parts in their fixed order, [Content_Types].xml first. */
static int
add_parts(zip_t *za, const struct doc *doc, const struct layout_font *lf,
    const struct layout_fit *fit, long long when, time_t mtime)
{
	char	*docxml;
	size_t	 dlen;

	if (docx_document(doc, lf, &docxml, &dlen) == -1)
		return -1;
#define CONST_ENTRY(name, s) \
	add_entry(za, name, (char *)(s), sizeof(s) - 1, 0, mtime)
	if (CONST_ENTRY("[Content_Types].xml", content_types) ||
	    CONST_ENTRY("_rels/.rels", package_rels)) {
		free(docxml);
		return -1;
	}
	if (add_entry(za, "word/document.xml", docxml, dlen, 1, mtime))
		return -1;
	docxml = styles_xml(fit);
	if (add_entry(za, "word/styles.xml", docxml, docxml ? strlen(docxml) :
	    0, 1, mtime) ||
	    CONST_ENTRY("word/settings.xml", settings) ||
	    CONST_ENTRY("word/header1.xml", header_default) ||
	    CONST_ENTRY("word/header2.xml", header_first) ||
	    CONST_ENTRY("word/_rels/document.xml.rels", document_rels))
		return -1;
	docxml = core_xml(doc, when);
	if (add_entry(za, "docProps/core.xml", docxml, docxml ?
	    strlen(docxml) : 0, 1, mtime))
		return -1;
	docxml = app_xml();
	return add_entry(za, "docProps/app.xml", docxml, docxml ?
	    strlen(docxml) : 0, 1, mtime);
#undef CONST_ENTRY
}

int
docx_write(const struct doc *doc, const struct layout_font *lf,
    const struct layout_fit *fit, long long epoch, char **out, size_t *len,
    struct diag *d)
{
	zip_error_t	 err;
	zip_source_t	*zs;
	zip_t		*za;
	long long	 when = epoch >= 0 ? epoch : (long long)time(NULL);
	time_t		 mtime = (time_t)(when >= DOCX_DOS_MIN && when <
	    DOCX_DOS_MAX ? when : DOCX_FIXED_TIME);

	*out = NULL;
	*len = 0;
	if (zipso_load(NULL, d) != 0)
		return VB_ESYS;
	zipso->zip_error_init(&err);
	if ((zs = zipso->zip_source_buffer_create(NULL, 0, 0, &err)) == NULL)
		goto fail;
	zipso->zip_source_keep(zs);
	if ((za = zipso->zip_open_from_source(zs, ZIP_TRUNCATE, &err)) == NULL) {
		zipso->zip_source_free(zs);
		goto fail;
	}
	if (add_parts(za, doc, lf, fit, when, mtime) == -1) {
		zipso->zip_discard(za);
		zipso->zip_source_free(zs);
		goto fail;
	}
	if (zipso->zip_close(za) != 0) {
		zipso->zip_discard(za);
		zipso->zip_source_free(zs);
		goto fail;
	}
	if (take_bytes(zs, out, len) == -1) {
		zipso->zip_source_free(zs);
		goto fail;
	}
	zipso->zip_source_free(zs);
	zipso->zip_error_fini(&err);
	return VB_OK;
fail:
	diag_add(d, DIAG_ERROR, doc->name, 0, 0, "the Word file could not be "
	    "assembled (out of memory?).");
	zipso->zip_error_fini(&err);
	return VB_ESYS;
}
