/*
 * test_docx.c - unit tests of the DOCX writer's XML pieces (escaping,
 * runs) and of its package: a parsed document written twice with the
 * same epoch gives the same bytes, a zip whose first entry is
 * [Content_Types].xml.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "emit/emit.h"
#include "emit/docx_int.h"
#include "check.h"

/* docx_esc of s into a string (malloc'd). */
static char *
esc(const char *s, size_t n)
{
	struct vbuf b = { NULL, 0, 0, 0 };

	docx_esc(&b, s, n);
	return vbuf_take(&b);
}

static char *
run(const char *s, int face, int sup, double size)
{
	struct vbuf b = { NULL, 0, 0, 0 };

	docx_run(&b, s, strlen(s), face, sup, size);
	return vbuf_take(&b);
}

static void
got(const char *name, char *s, const char *want)
{
	CHECK_STR(name, s, want);
	free(s);
}

/* Every character advances half an em: enough to size rules. */
static int
adv(void *ctx, int face, uint32_t cp)
{
	(void)ctx;
	(void)face;
	(void)cp;
	return 500;
}

static const char src[] =
    "---\nloai: KẾ HOẠCH\nco_quan: SỞ NỘI VỤ\nso: \"3\"\nky_hieu: KH-SNV\n"
    "dia_danh: Điện Biên\nngay: 2020-03-05\ntrich_yeu: A & B\nky:\n"
    "  chuc_vu: GIÁM ĐỐC\n  ho_ten: Nguyễn Văn A\n---\n\nMột đoạn.\n";

static void
package(void)
{
	struct layout_font	 lf;
	struct diag		*d = diag_new();
	struct doc		*doc;
	char			*a = NULL, *b = NULL, *c = NULL;
	size_t			 na = 0, nb = 0, nc = 0;
	struct layout_fit	 fit = { 14, 16.8, 6 }, tight = { 13, 14.95, 6 };

	memset(&lf, 0, sizeof(lf));
	lf.advance = adv;
	doc = doc_parse("t.md", src, strlen(src), d);
	CHECK("package parses", doc != NULL);
	if (doc == NULL) {
		diag_free(d);
		return;
	}
	CHECK("package written", docx_write(doc, &lf, &fit, 1600000000, &a,
	    &na, d) == VB_OK && docx_write(doc, &lf, &fit, 1600000000, &b, &nb,
	    d) == VB_OK);
	CHECK("package same bytes", a && b && na == nb &&
	    memcmp(a, b, na) == 0);
	/* The layout's tightened settings reach the styles. */
	CHECK("package with tighter body settings differs", docx_write(doc,
	    &lf, &tight, 1600000000, &c, &nc, d) == VB_OK && a && c &&
	    (na != nc || memcmp(a, c, na) != 0));
	free(c);
	CHECK("package is a zip, [Content_Types].xml first", a && na > 60 &&
	    memcmp(a, "PK\003\004", 4) == 0 &&
	    memcmp(a + 30, "[Content_Types].xml", 19) == 0);
	free(a);
	free(b);
	doc_free(doc);
	diag_free(d);
}

/* A table with a running number, text and amounts, a totals row and a
 * row too long for three lines. */
static const char tsrc[] =
    "---\nloai: KẾ HOẠCH\nco_quan: SỞ NỘI VỤ\nso: \"3\"\nky_hieu: KH-SNV\n"
    "dia_danh: Điện Biên\nngay: 2020-03-05\ntrich_yeu: Bảng\nky:\n"
    "  chuc_vu: GIÁM ĐỐC\n  ho_ten: Nguyễn Văn A\n---\n\n```csv\n"
    "STT,Nội dung,Số tiền\n1,Ngắn,1.490.000\n2,%s,2.000\n"
    ",Tổng cộng,1.492.000\n```\n";

/* The DOCX grid is the layout's column widths (layout_table_widths),
 * each rounded to the twip, not widths of its own. */
static void
same_widths(const struct doc *doc, const struct layout_font *lf,
    const struct doc_block *tb)
{
	struct vbuf	 g = { NULL, 0, 0, 0 };
	double		 w[3], total;
	char		*xml = NULL, *grid;
	size_t		 len, c;

	total = layout_table_widths(doc, lf, tb, 0, w);
	CHECK("layout widths fill the text width", fabs(total -
	    (ND30_PAGE_W_PT - ND30_MARGIN_LEFT_PT - ND30_MARGIN_RIGHT_PT)) <
	    0.01 && w[0] < w[1] && w[2] < w[1]);
	vbuf_puts(&g, "<w:tblGrid>");
	for (c = 0; c < 3; c++)
		vbuf_printf(&g, "<w:gridCol w:w=\"%ld\"/>", DOCX_TW(w[c]));
	grid = vbuf_take(&g);
	CHECK("docx grid is the layout's widths", grid != NULL &&
	    docx_document(doc, lf, &xml, &len) == 0 &&
	    strstr(xml, grid) != NULL);
	free(grid);
	free(xml);
}

/* The table rules every writer shares: alignment by content, the totals
 * row, and which rows the layout may split (for the DOCX's cantSplit). */
static void
table_rules(void)
{
	struct layout_font	 lf;
	struct diag		*d = diag_new();
	struct doc		*doc;
	const struct doc_block	*tb = NULL;
	struct vbuf		 b = { NULL, 0, 0, 0 }, lng = { NULL, 0, 0, 0 };
	unsigned char		 split[4] = { 9, 9, 9, 9 };
	char			*s, *l;
	size_t			 i;

	memset(&lf, 0, sizeof(lf));
	lf.advance = adv;
	for (i = 0; i < 40; i++)
		vbuf_puts(&lng, "một việc dài ");
	l = vbuf_take(&lng);
	vbuf_printf(&b, tsrc, l);
	s = vbuf_take(&b);
	doc = s ? doc_parse("t.md", s, strlen(s), d) : NULL;
	for (i = 0; doc != NULL && i < doc->nblocks; i++)
		if (doc->blocks[i].type == DOC_TABLE)
			tb = &doc->blocks[i];
	CHECK("table parses", tb != NULL && tb->table->nrows == 4);
	if (tb != NULL) {
		CHECK("Số TT centred", doc_table_align(tb->table, 0) == 'c');
		CHECK("text left", doc_table_align(tb->table, 1) == 'l');
		CHECK("amounts right", doc_table_align(tb->table, 2) == 'r');
		CHECK("Tổng cộng is a totals row", doc_table_total(tb->table,
		    3) && !doc_table_total(tb->table, 1));
		CHECK("splits computed", layout_table_splits(doc, &lf, tb, 0,
		    split) == 0);
		CHECK("header and short rows stay whole, the long row may "
		    "split", split[0] == 0 && split[1] == 0 && split[2] == 1 &&
		    split[3] == 0);
		same_widths(doc, &lf, tb);
	}
	doc_free(doc);
	free(s);
	free(l);
	diag_free(d);
}

/* Số TT numbered again from 1 in each group (a plan's sections) is
 * still a running number: centred, as when it never restarts. */
static void
table_restart(void)
{
	static const char src[] =
	    "---\nloai: KẾ HOẠCH\nco_quan: SỞ NỘI VỤ\nso: \"3\"\n"
	    "ky_hieu: KH-SNV\ndia_danh: Điện Biên\nngay: 2020-03-05\n"
	    "trich_yeu: Bảng\nky:\n  chuc_vu: GIÁM ĐỐC\n"
	    "  ho_ten: Nguyễn Văn A\n---\n\n```csv\n"
	    "STT,Nội dung,Số tiền\nI,Nhóm một,\n1,Một,1.000\n2,Hai,2.000\n"
	    "II,Nhóm hai,\n1,Ba,3.000\n2,Bốn,4.000\n3,Năm,5.000\n```\n";
	static const char counts[] =
	    "---\nloai: KẾ HOẠCH\nco_quan: SỞ NỘI VỤ\nso: \"3\"\n"
	    "ky_hieu: KH-SNV\ndia_danh: Điện Biên\nngay: 2020-03-05\n"
	    "trich_yeu: Bảng\nky:\n  chuc_vu: GIÁM ĐỐC\n"
	    "  ho_ten: Nguyễn Văn A\n---\n\n```csv\n"
	    "Nội dung,Số lượng\nMột,1\nHai,2\nBa,1\n```\n";
	struct diag		*d = diag_new();
	struct doc		*doc;
	const struct doc_block	*tb = NULL;
	size_t			 i;

	doc = doc_parse("t.md", src, strlen(src), d);
	for (i = 0; doc != NULL && i < doc->nblocks; i++)
		if (doc->blocks[i].type == DOC_TABLE)
			tb = &doc->blocks[i];
	CHECK("table with groups parses", tb != NULL);
	if (tb != NULL) {
		CHECK("Số TT restarting per group centred",
		    doc_table_align(tb->table, 0) == 'c');
		CHECK("amounts 1.000 ... still right",
		    doc_table_align(tb->table, 2) == 'r');
	}
	doc_free(doc);
	/* Counts 1, 2, 1 with no group row between: not a running number. */
	doc = doc_parse("t.md", counts, strlen(counts), d);
	for (i = 0, tb = NULL; doc != NULL && i < doc->nblocks; i++)
		if (doc->blocks[i].type == DOC_TABLE)
			tb = &doc->blocks[i];
	CHECK("counts 1, 2, 1 right", tb != NULL &&
	    doc_table_align(tb->table, 1) == 'r');
	doc_free(doc);
	diag_free(d);
}

int
main(void)
{
	got("esc markup", esc("a<b>&\"c\"'", 10),
	    "a&lt;b&gt;&amp;&quot;c&quot;&apos;");
	got("esc drops C0 controls", esc("a\001b\033c\x7f", 6), "abc");
	got("esc keeps tab and newline", esc("a\tb\nc", 5), "a\tb\nc");
	got("esc drops U+FFFE U+FFFF", esc("x\xef\xbf\xbey\xef\xbf\xbfz",
	    9), "xyz");
	got("esc keeps Vietnamese", esc("Điện Biên", strlen("Điện Biên")),
	    "Điện Biên");
	got("run plain", run("Số", 0, 0, 0),
	    "<w:r><w:t xml:space=\"preserve\">Số</w:t></w:r>");
	got("run bold italic 13 pt", run("A", DOC_BOLDITALIC, 0, 13),
	    "<w:r><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val=\"26\"/>"
	    "<w:szCs w:val=\"26\"/></w:rPr><w:t xml:space=\"preserve\">A</w:t>"
	    "</w:r>");
	got("run superscript", run("NC", 0, 1, 0), "<w:r><w:rPr><w:vertAlign "
	    "w:val=\"superscript\"/></w:rPr><w:t xml:space=\"preserve\">NC"
	    "</w:t></w:r>");
	got("run line break and tab", run("a\nb\tc", 0, 0, 0),
	    "<w:r><w:t xml:space=\"preserve\">a</w:t><w:br/><w:t xml:space="
	    "\"preserve\">b</w:t><w:tab/><w:t xml:space=\"preserve\">c</w:t>"
	    "</w:r>");
	got("run hard break alone", run("\n", 0, 0, 0), "<w:r><w:br/></w:r>");
	package();
	table_rules();
	table_restart();
	return check_failed != 0;
}
