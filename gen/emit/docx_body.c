/*
 * docx_body.c - word/document.xml from the document model: the
 * letterhead, the body blocks (styled paragraphs, headings, list items,
 * tables with their header rows repeated, charts as the table of their
 * data), the signature block, and one section per annex (its own page
 * numbering, landscape when the annex says so).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "emit/docx_int.h"

/* Cell margins as the PDF's (layout.h); under, less the 0.5 pt grid
 * line that Word adds to each row. */
#define CELL_PADX DOCX_TW(ND30_CELL_PADX_PT)
#define CELL_PADT DOCX_TW(ND30_CELL_PADT_PT)
#define CELL_PADB DOCX_TW(ND30_CELL_PADB_PT - 0.5)

/* The sectPr of a section (A4, the decree's margins, number from page 2
 * at the top centre, numbering from 1 in each section). */
static void
sect_pr(struct vbuf *b, int landscape)
{
	vbuf_printf(b, "<w:sectPr><w:headerReference w:type=\"default\" "
	    "r:id=\"rId1\"/><w:headerReference w:type=\"first\" r:id=\"rId2\"/>"
	    "<w:pgSz w:w=\"%d\" w:h=\"%d\"%s/><w:pgMar w:top=\"%d\" w:right="
	    "\"%d\" w:bottom=\"%d\" w:left=\"%d\" w:header=\"%d\" w:footer="
	    "\"%d\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/><w:titlePg/>"
	    "</w:sectPr>", landscape ? DOCX_PAGE_H : DOCX_PAGE_W,
	    landscape ? DOCX_PAGE_W : DOCX_PAGE_H,
	    landscape ? " w:orient=\"landscape\"" : "", DOCX_MARGIN_TOP,
	    DOCX_MARGIN_RIGHT, DOCX_MARGIN_BOTTOM, DOCX_MARGIN_LEFT,
	    DOCX_HEADER,
	    DOCX_FOOTER);
}

/* The text width of a portrait or landscape page, pt, as the layout's. */
static double
text_width_pt(int landscape)
{
	return (landscape ? ND30_PAGE_H_PT : ND30_PAGE_W_PT) -
	    ND30_MARGIN_LEFT_PT - ND30_MARGIN_RIGHT_PT;
}

static long
text_width(int landscape)
{
	return (landscape ? DOCX_PAGE_H : DOCX_PAGE_W) - DOCX_MARGIN_LEFT -
	    DOCX_MARGIN_RIGHT;
}

/* Does the inline sequence start with the words pre? */
static int
starts(const struct doc_inline *in, const char *pre)
{
	return in->n > 0 && strncmp(in->runs[0].text, pre, strlen(pre)) == 0;
}

/* Open a paragraph of style with extra pPr; a pending page break
 * becomes pageBreakBefore. */
static void
p_open(struct docx_state *x, const char *style, const char *ppr)
{
	vbuf_printf(&x->b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", style);
	if (x->pagebreak)
		vbuf_puts(&x->b, "<w:pageBreakBefore/>");
	x->pagebreak = 0;
	vbuf_printf(&x->b, "%s</w:pPr>", ppr ? ppr : "");
}

/* PARA, CENTER, HEADING and ITEM blocks. */
static void
text_block(struct docx_state *x, const struct doc_block *b)
{
	const char	*style = "Body";
	char		 ppr[128] = "";

	switch (b->type) {
	case DOC_PARA:
		/* An article of a decision opens with "**Điều 1.**". */
		style = b->level < 0 ? "Plain" : starts(&b->in, "Căn cứ") ?
		    "CanCu" : starts(&b->in, "Điều ") &&
		    (b->in.runs[0].face & DOC_BOLD) ? "Dieu" : "Body";
		break;
	case DOC_CENTER:
		style = "Center";
		break;
	case DOC_HEADING:
		style = b->level == 1 ? "Heading1" : b->level == 2 ?
		    "Heading2" : "Heading3";
		break;
	case DOC_ITEM:
		style = "ListItem";
		if (b->level > 1)
			snprintf(ppr, sizeof(ppr), "<w:ind w:left=\"%d\" "
			    "w:firstLine=\"%d\"/>",
			    (b->level - 1) * DOCX_INDENT, DOCX_INDENT);
		break;
	default:
		break;
	}
	p_open(x, style, ppr);
	if (b->type == DOC_ITEM && b->marker != NULL)
		docx_run(&x->b, b->marker, strlen(b->marker),
		    b->in.n ? b->in.runs[0].face & ~DOC_BOLD : 0, 0, 0);
	docx_inline(&x->b, &b->in, 0, 0);
	vbuf_puts(&x->b, "</w:p>");
}

/* Column widths of table block b in twips into w, as the PDF's
 * (layout_table_widths); returns the table's width.  Equal shares of the
 * text width if the layout has none (memory: the PDF then failed too). */
static long
col_widths(const struct docx_state *x, const struct doc_block *b, long *w)
{
	size_t	 c, nc = b->table->ncols;
	double	*pt = calloc(nc, sizeof(double));
	long	 total = 0;

	if (pt == NULL || layout_table_widths(x->doc, x->lf, b, x->landscape,
	    pt) < 0) {
		for (c = 0; c < nc; c++)
			w[c] = x->width_tw / (long)nc;
		free(pt);
		return x->width_tw / (long)nc * (long)nc;
	}
	for (c = 0; c < nc; c++)
		total += (w[c] = DOCX_TW(pt[c]));
	free(pt);
	return total;
}

/* One cell: width, span, its text bold or not, aligned al ('C': centred
 * on the row's height too, as the PDF's header cells); keep: its row
 * stays on the page of the next one (Word keeps a row whose paragraphs
 * say keepNext with the row after it). */
static void
tcell(struct docx_state *x, long w, size_t span, const struct doc_inline *in,
    int face_or, int al, double size, int keep)
{
	const char *jc = al == 'c' || al == 'C' ? "center" :
	    al == 'r' ? "right" : al == 'j' ? "both" : "left";

	vbuf_printf(&x->b, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/>",
	    w);
	if (span > 1)
		vbuf_printf(&x->b, "<w:gridSpan w:val=\"%zu\"/>", span);
	if (al == 'C')
		vbuf_puts(&x->b, "<w:vAlign w:val=\"center\"/>");
	vbuf_printf(&x->b, "</w:tcPr><w:p><w:pPr><w:pStyle "
	    "w:val=\"TableText\"/>%s<w:jc w:val=\"%s\"/><w:rPr><w:sz "
	    "w:val=\"%d\"/></w:rPr></w:pPr>", keep ? "<w:keepNext/>" : "",
	    jc, (int)(size * 2 + 0.5));
	docx_inline(&x->b, in, face_or, size);
	vbuf_puts(&x->b, "</w:p></w:tc>");
}

/* The table's properties and grid. */
static void
tbl_open(struct docx_state *x, const long *w, size_t nc, long total)
{
	size_t c;

	if (x->pagebreak)
		vbuf_puts(&x->b, "<w:p><w:pPr><w:pStyle w:val=\"Spacer\"/>"
		    "<w:pageBreakBefore/></w:pPr></w:p>");
	x->pagebreak = 0;
	vbuf_printf(&x->b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"Grid\"/>"
	    "<w:tblW w:w=\"%ld\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>"
	    "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"%ld\" "
	    "w:type=\"dxa\"/><w:left w:w=\"%ld\" w:type=\"dxa\"/><w:bottom "
	    "w:w=\"%ld\" w:type=\"dxa\"/><w:right w:w=\"%ld\" w:type=\"dxa\"/>"
	    "</w:tblCellMar></w:tblPr><w:tblGrid>", total, CELL_PADT,
	    CELL_PADX, CELL_PADB, CELL_PADX);
	for (c = 0; c < nc; c++)
		vbuf_printf(&x->b, "<w:gridCol w:w=\"%ld\"/>", w[c]);
	vbuf_puts(&x->b, "</w:tblGrid>");
}

/* A table block of the model. */
static void
docx_table(struct docx_state *x, const struct doc_block *tb)
{
	const struct doc_table	*t = tb->table;
	size_t			 nc = t->ncols, r, c;
	long			*w, total;
	char			*colal;   /* body alignment of each column,
					   * as the PDF's */
	unsigned char		*split;   /* rows the PDF may split */

	if (nc == 0 || (w = calloc(nc, sizeof(long))) == NULL) {
		x->b.bad = 1;
		return;
	}
	colal = malloc(nc);
	split = malloc(t->nrows ? t->nrows : 1);
	if (colal == NULL || split == NULL || layout_table_splits(x->doc,
	    x->lf, tb, x->landscape, split) == -1) {
		free(colal);
		free(split);
		free(w);
		x->b.bad = 1;
		return;
	}
	for (c = 0; c < nc; c++)
		colal[c] = doc_table_align(t, c);
	total = col_widths(x, tb, w);
	tbl_open(x, w, nc, total);
	for (r = 0; r < t->nrows; r++) {
		const struct doc_inline	*row = &t->cells[r * nc];
		int			 header = r < t->header_rows;
		int			 group = t->group[r] & DOC_GROUP;
		int			 span = t->group[r] & DOC_GROUP_SPAN;
		int			 bold = header || group ||
		    doc_table_total(t, r);

		/* The header rows repeat on every page, whole.  A body row
		 * may split between two pages where the PDF may split it
		 * (layout_table_splits: four lines or more; the cells' widow
		 * control, TableText, asks for two lines on each side);
		 * another stays whole. */
		vbuf_puts(&x->b, header ? "<w:tr><w:trPr><w:cantSplit/>"
		    "<w:tblHeader/></w:trPr>" : split[r] ? "<w:tr>" :
		    "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (c = 0; c < nc; c++) {
			int al = header ? 'C' : colal[c];
			long cw = w[c];
			size_t k;

			if (span && c == 1) {
				for (k = 2; k < nc; k++)
					cw += w[k];
				tcell(x, cw, nc - 1, &row[c], DOC_BOLD, 'l',
				    t->size_pt, r + 1 < t->nrows);
				break;
			}
			/* A header or group row is never left alone at
			 * the foot of a page, as in the PDF. */
			tcell(x, cw, 1, &row[c], bold ? DOC_BOLD : 0, al,
			    t->size_pt, (header || group) && r + 1 < t->nrows);
		}
		vbuf_puts(&x->b, "</w:tr>");
	}
	/* Space before the next block, as in the PDF. */
	vbuf_printf(&x->b, "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"Spacer\"/>"
	    "<w:spacing w:after=\"%ld\"/></w:pPr></w:p>",
	    DOCX_TW(ND30_PARA_AFTER_PT));
	free(colal);
	free(split);
	free(w);
}

/* One text cell of a chart's table. */
static void
chart_cell(struct docx_state *x, long w, const char *s, int face, int al)
{
	struct doc_inline in = { NULL, 0, 0 };

	if (s != NULL && doc_inline_add(&in, s, strlen(s), 0, 0) == -1)
		x->b.bad = 1;
	tcell(x, w, 1, &in, face, al, 13, 0);
	doc_inline_free(&in);
}

/* A chart, written as the table of its data. */
static void
docx_chart(struct docx_state *x, const struct doc_chart *ch)
{
	long	 w[1 + DOC_CHART_MAXSERIES], cw = x->width_tw * 2 / 3;
	size_t	 nc = ch->nseries + 1, r, c;
	char	 num[64];

	if (ch->title != NULL)
		docx_para(&x->b, "Center", "<w:keepNext/>", ch->title,
		    DOC_BOLD, 0);
	if (ch->unit != NULL) {
		struct vbuf u = { NULL, 0, 0, 0 };
		char *s;

		vbuf_printf(&u, "Đơn vị tính: %s", ch->unit);
		if ((s = vbuf_take(&u)) != NULL)
			docx_para(&x->b, "Note", "<w:keepNext/>", s,
			    DOC_ITALIC, 0);
		free(s);
	}
	w[0] = cw / 2;
	for (c = 1; c < nc; c++)
		w[c] = (cw - w[0]) / (long)ch->nseries;
	tbl_open(x, w, nc, cw);
	vbuf_puts(&x->b, "<w:tr><w:trPr><w:tblHeader/></w:trPr>");
	chart_cell(x, w[0], NULL, DOC_BOLD, 'C');
	for (c = 1; c < nc; c++)
		chart_cell(x, w[c], ch->series[c - 1], DOC_BOLD, 'C');
	vbuf_puts(&x->b, "</w:tr>");
	for (r = 0; r < ch->nrows; r++) {
		vbuf_puts(&x->b, "<w:tr>");
		chart_cell(x, w[0], ch->cats[r], 0, 'l');
		for (c = 1; c < nc; c++) {
			/* As the PDF's chart labels (sotien_decimal). */
			sotien_decimal(ch->values[r * ch->nseries + c - 1],
			    num, sizeof(num));
			chart_cell(x, w[c], num, 0, 'r');
		}
		vbuf_puts(&x->b, "</w:tr>");
	}
	vbuf_puts(&x->b, "</w:tbl>");
	/* Word has no drawing of it here: say so where the chart would be. */
	docx_para(&x->b, "Note", NULL, "(Biểu đồ: số liệu trình bày "
	    "dạng bảng; hình vẽ có trong bản PDF.)", DOC_ITALIC, 0);
}

/* The body blocks, the signature before the first annex, a section per
 * annex.  0, or -1 (memory). */
static int
body(struct docx_state *x)
{
	size_t	 i;
	int	 signed_ = 0;

	for (i = 0; i < x->doc->nblocks; i++) {
		const struct doc_block *b = &x->doc->blocks[i];

		switch (b->type) {
		case DOC_TABLE:
			docx_table(x, b);
			break;
		case DOC_CHART:
			docx_chart(x, b->chart);
			break;
		case DOC_PAGEBREAK:
			x->pagebreak = 1;
			break;
		case DOC_ANNEX:
			if (!signed_ && docx_signature(x) == -1)
				return -1;
			signed_ = 1;
			/* The section so far ends with this paragraph. */
			vbuf_puts(&x->b, "<w:p><w:pPr><w:pStyle "
			    "w:val=\"Spacer\"/>");
			sect_pr(&x->b, x->landscape);
			vbuf_puts(&x->b, "</w:pPr></w:p>");
			x->landscape = b->landscape;
			x->width_tw = text_width(b->landscape);
			x->width_pt = text_width_pt(b->landscape);
			x->pagebreak = 0;
			break;
		default:
			text_block(x, b);
			break;
		}
	}
	if (!signed_ && docx_signature(x) == -1)
		return -1;
	return 0;
}

int
docx_document(const struct doc *doc, const struct layout_font *lf,
    char **out, size_t *len)
{
	struct docx_state x;

	memset(&x, 0, sizeof(x));
	x.doc = doc;
	x.lf = lf;
	x.width_tw = text_width(0);
	x.width_pt = text_width_pt(0);
	vbuf_puts(&x.b, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas."
	    "openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://"
	    "schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	    "<w:body>");
	if (docx_letterhead(&x) == -1 || body(&x) == -1) {
		free(vbuf_take(&x.b));
		return -1;
	}
	sect_pr(&x.b, x.landscape);
	vbuf_puts(&x.b, "</w:body></w:document>\n");
	*len = x.b.len;
	if ((*out = vbuf_take(&x.b)) == NULL)
		return -1;
	return 0;
}
