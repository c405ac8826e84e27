/*
 * docx_xml.c - the pieces of WordprocessingML the DOCX writer is made of
 * (escaped text, runs, paragraphs, short rules), and the two parts of
 * page 1 that are not body text: the letterhead (ô 1-5, 9a, 10b) and the
 * signature block with the Nơi nhận (ô 7, 9b).  Their words come from
 * gen/doc/nd30.c, as for the PDF; Word constructs replace positions: a
 * borderless two-column table, centred paragraphs, rules drawn as the
 * bottom border of an empty paragraph narrowed by its indents.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "emit/docx_int.h"

/* The decree's geometry is layout.h's (ND30_*). */

void
docx_esc(struct vbuf *b, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, k = 0;

	for (i = 0; i < n; i++) {
		const char *rep = NULL;

		if (p[i] == '&')
			rep = "&amp;";
		else if (p[i] == '<')
			rep = "&lt;";
		else if (p[i] == '>')
			rep = "&gt;";
		else if (p[i] == '"')
			rep = "&quot;";
		else if (p[i] == '\'')
			rep = "&apos;";
		else if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' &&
		    p[i] != '\r') || p[i] == 0x7f)
			rep = "";
		else if (p[i] == 0xef && i + 2 < n && p[i + 1] == 0xbf &&
		    (p[i + 2] == 0xbe || p[i + 2] == 0xbf)) {
			vbuf_putn(b, s + k, i - k);   /* U+FFFE, U+FFFF */
			i += 2;
			k = i + 1;
			continue;
		}
		if (rep == NULL)
			continue;
		vbuf_putn(b, s + k, i - k);
		vbuf_puts(b, rep);
		k = i + 1;
	}
	vbuf_putn(b, s + k, n - k);
}

void
docx_run(struct vbuf *b, const char *s, size_t n, int face, int sup,
    double size_pt)
{
	size_t i, k = 0;

	vbuf_puts(b, "<w:r>");
	if (face != DOC_REGULAR || sup || size_pt > 0) {
		vbuf_puts(b, "<w:rPr>");
		if (face & DOC_BOLD)
			vbuf_puts(b, "<w:b/><w:bCs/>");
		if (face & DOC_ITALIC)
			vbuf_puts(b, "<w:i/><w:iCs/>");
		if (size_pt > 0)
			vbuf_printf(b, "<w:sz w:val=\"%d\"/><w:szCs "
			    "w:val=\"%d\"/>", (int)(size_pt * 2 + 0.5),
			    (int)(size_pt * 2 + 0.5));
		if (sup)
			vbuf_puts(b, "<w:vertAlign w:val=\"superscript\"/>");
		vbuf_puts(b, "</w:rPr>");
	}
	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != '\n' && s[i] != '\t')
			continue;
		if (i > k) {
			vbuf_puts(b, "<w:t xml:space=\"preserve\">");
			docx_esc(b, s + k, i - k);
			vbuf_puts(b, "</w:t>");
		}
		if (i < n)
			vbuf_puts(b, s[i] == '\n' ? "<w:br/>" : "<w:tab/>");
		k = i + 1;
	}
	vbuf_puts(b, "</w:r>");
}

void
docx_inline(struct vbuf *b, const struct doc_inline *in, int face_or,
    double size_pt)
{
	size_t i;

	for (i = 0; i < in->n; i++)
		docx_run(b, in->runs[i].text, in->runs[i].len,
		    in->runs[i].face | face_or, in->runs[i].sup, size_pt);
}

/* Width of s in face at size_pt, twips. */
static long
docx_width(const struct docx_state *x, int face, double size_pt, const char *s)
{
	return DOCX_TW(layout_width(x->lf, face, size_pt, s, strlen(s)));
}

void
docx_para(struct vbuf *b, const char *style, const char *ppr, const char *s,
    int face, double size_pt)
{
	vbuf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>", style,
	    ppr ? ppr : "");
	if (s != NULL && *s != '\0')
		docx_run(b, s, strlen(s), face, 0, size_pt);
	vbuf_puts(b, "</w:p>");
}

/* A short rule: an empty paragraph whose bottom border is w_tw long,
 * centred in a column col_tw wide; after_tw space under it. */
static void
docx_rule(struct vbuf *b, long col_tw, long w_tw, long after_tw)
{
	long ind = (col_tw - w_tw) / 2;

	if (ind < 0)
		ind = 0;
	vbuf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"Rule\"/>"
	    "<w:spacing w:after=\"%ld\"/><w:ind w:left=\"%ld\" "
	    "w:right=\"%ld\"/>"
	    "</w:pPr></w:p>", after_tw, ind, ind);
}

/* Start a borderless table of two columns a_tw and b_tw wide. */
static void
two_cols(struct vbuf *b, long a_tw, long b_tw)
{
	vbuf_printf(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"Layout\"/>"
	    "<w:tblW w:w=\"%ld\" w:type=\"dxa\"/>"
	    "<w:tblLayout w:type=\"fixed\"/>"
	    "</w:tblPr><w:tblGrid><w:gridCol w:w=\"%ld\"/><w:gridCol w:w="
	    "\"%ld\"/></w:tblGrid>", a_tw + b_tw, a_tw, b_tw);
}

static void
cell(struct vbuf *b, long w_tw)
{
	vbuf_printf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%ld\" w:type=\"dxa\"/>"
	    "</w:tcPr>", w_tw);
}

/* A bordered box paragraph (draft mark, urgency) w_tw wide, its left
 * edge at left_tw, text bold at size_pt. */
static void
boxed(struct vbuf *b, long left_tw, long w_tw, long col_tw, const char *s,
    double size_pt, long before_tw, long after_tw)
{
	char ppr[512];

	snprintf(ppr, sizeof(ppr), "<w:pBdr><w:top w:val=\"single\" w:sz=\"4\" "
	    "w:space=\"2\" w:color=\"000000\"/><w:left w:val=\"single\" "
	    "w:sz=\"4\" w:space=\"4\" w:color=\"000000\"/><w:bottom w:val="
	    "\"single\" w:sz=\"4\" w:space=\"2\" w:color=\"000000\"/><w:right "
	    "w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"000000\"/>"
	    "</w:pBdr><w:spacing w:before=\"%ld\" w:after=\"%ld\"/><w:ind "
	    "w:left=\"%ld\" w:right=\"%ld\"/>", before_tw, after_tw, left_tw,
	    col_tw - left_tw - w_tw);
	docx_para(b, "Box", ppr, s, DOC_BOLD, size_pt);
}

/*
 * A centred paragraph of style whose lines break where the PDF breaks
 * them (layout_center_text: each line broken to width_pt and balanced,
 * "ỦY BAN NHÂN DÂN / TỈNH ĐIỆN BIÊN"), a line break between them; its
 * indents pad_tw on either side.  size_pt is the style's size.  Returns
 * its widest line, pt (0: memory, marked in x->b).
 */
static double
centred(struct docx_state *x, const char *style, const char *s, int face,
    double size_pt, double width_pt, long pad_tw)
{
	char	 ppr[80];
	char	*t;
	double	 w;

	if ((t = layout_center_text(x->lf, s, face, size_pt, width_pt,
	    &w)) == NULL) {
		x->b.bad = 1;
		return 0;
	}
	snprintf(ppr, sizeof(ppr), "<w:ind w:left=\"%ld\" w:right=\"%ld\"/>",
	    pad_tw, pad_tw);
	docx_para(&x->b, style, ppr, t, face, 0);
	free(t);
	return w;
}

/* ô 2, 3 (and 5b, 10b) in the left cell. */
static int
lh_left(struct docx_state *x, long cw)
{
	const struct doc_meta	*m = &x->doc->meta;
	long			 pad = DOCX_TW(ND30_LEFT_COL_PAD_PT / 2);
	double			 agency_pt = x->width_pt * ND30_LEFT_COL -
	    ND30_LEFT_COL_PAD_PT, w, maxw = 0;
	size_t			 i;

	/* The agency's lines a little narrower than their column, so they
	 * never touch ô 1 (as in the PDF). */
	if (m->co_quan_chu_quan != NULL)
		centred(x, "Letterhead", m->co_quan_chu_quan, DOC_REGULAR,
		    ND30_HEAD_PT, agency_pt, pad);
	for (i = 0; i < m->co_quan.n; i++)
		if ((w = centred(x, "Letterhead", m->co_quan.v[i], DOC_BOLD,
		    ND30_HEAD_PT, agency_pt, pad)) > maxw)
			maxw = w;
	docx_rule(&x->b, cw, DOCX_TW(layout_agency_rule(maxw)), 0);
	return 0;
}

/* ô 1 in the right cell: Quốc hiệu, Tiêu ngữ and its rule, centred on
 * the Quốc hiệu, which sits flush right (as in the PDF): ind is the
 * room left of it. */
static void
lh_right(struct docx_state *x, long cw, long ind)
{
	const char	*tn = "Độc lập - Tự do - Hạnh phúc";
	long		 tw = docx_width(x, DOC_BOLD, ND30_TIEU_NGU_PT, tn);
	char		 ppr[64];

	snprintf(ppr, sizeof(ppr), "<w:ind w:left=\"%ld\"/>", ind);
	docx_para(&x->b, "Letterhead", ppr,
	    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", DOC_BOLD, 0);
	docx_para(&x->b, "Letterhead", ppr, tn, DOC_BOLD, ND30_TIEU_NGU_PT);
	if (tw > cw - ind)
		tw = cw - ind;
	vbuf_printf(&x->b, "<w:p><w:pPr><w:pStyle w:val=\"Rule\"/>"
	    "<w:ind w:left=\"%ld\" w:right=\"%ld\"/></w:pPr></w:p>",
	    ind + (cw - ind - tw) / 2, (cw - ind - tw) / 2);
}

/* Room left of the right column's lines: they centre under its widest
 * line set flush right, as the PDF's (layout_national_w). */
static long
lh_right_ind(struct docx_state *x, long cw)
{
	long w = DOCX_TW(layout_national_w(x->lf, &x->doc->meta));

	w += 40;   /* rounding of the metrics */
	return w < cw ? cw - w : 0;
}

/* The row under ô 3: a công văn's V/v (ô 5b) and the urgency box (ô
 * 10b) in the left cell, after the date in reading order as in the PDF. */
static int
lh_under_number(struct docx_state *x, long lw, long rw)
{
	const struct doc_meta	*m = &x->doc->meta;
	char			*s;

	vbuf_puts(&x->b, "<w:tr>");
	cell(&x->b, lw);
	if (m->cong_van && m->trich_yeu != NULL) {
		struct vbuf v = { NULL, 0, 0, 0 };

		vbuf_printf(&v, "V/v %s", m->trich_yeu);
		if ((s = vbuf_take(&v)) == NULL)
			return -1;
		centred(x, "Vv", s, DOC_REGULAR, ND30_HEAD_PT,
		    x->width_pt * ND30_LEFT_COL, 0);
		free(s);
	}
	if (m->do_khan != NULL) {
		long bw = DOCX_TW(layout_urgency_w(m->do_khan));

		boxed(&x->b, (lw - bw) / 2, bw, lw, m->do_khan, ND30_HEAD_PT,
		    DOCX_TW(ND30_URGENCY_GAP_PT), 0);
	}
	vbuf_puts(&x->b, "</w:tc>");
	cell(&x->b, rw);
	docx_para(&x->b, "Letterhead", NULL, NULL, 0, 0);
	vbuf_puts(&x->b, "</w:tc></w:tr>");
	return 0;
}

/* The second row: ô 3 beside ô 4, centred under the Quốc hiệu. */
static int
lh_number(struct docx_state *x, long lw, long rw, long ind)
{
	const struct doc_meta	*m = &x->doc->meta;
	const char		*sp = "<w:spacing w:before=\"200\"/>";
	char			*s, ppr[96];

	vbuf_puts(&x->b, "<w:tr>");
	cell(&x->b, lw);
	if ((s = nd30_so(m)) == NULL)
		return -1;
	docx_para(&x->b, "Letterhead", sp, s, DOC_REGULAR, 0);
	free(s);
	vbuf_puts(&x->b, "</w:tc>");
	cell(&x->b, rw);
	if ((s = nd30_date(m)) == NULL)
		return -1;
	snprintf(ppr, sizeof(ppr), "%s<w:ind w:left=\"%ld\"/>", sp, ind);
	docx_para(&x->b, "Letterhead", ppr, s, DOC_ITALIC, ND30_BODY_PT);
	free(s);
	vbuf_puts(&x->b, "</w:tc></w:tr>");
	if ((m->cong_van && m->trich_yeu != NULL) || m->do_khan != NULL)
		return lh_under_number(x, lw, rw);
	return 0;
}

/* ô 5a: the document type, the trích yếu and the rule under it. */
static void
lh_title(struct docx_state *x)
{
	const struct doc_meta	*m = &x->doc->meta;
	double			 w;

	docx_para(&x->b, "DocType", NULL, m->loai, DOC_REGULAR, 0);
	w = centred(x, "TrichYeu", m->trich_yeu, DOC_BOLD, ND30_BODY_PT,
	    x->width_pt * ND30_TRICH_YEU_SHARE, (long)(x->width_tw *
	    (1 - ND30_TRICH_YEU_SHARE) / 2));
	docx_rule(&x->b, x->width_tw, DOCX_TW(layout_trich_yeu_rule(w)), 0);
}

/* ô 9a: one recipient centred, several as a list beside the label. */
static int
lh_kinh_gui(struct docx_state *x)
{
	const struct doc_list	*kg = &x->doc->meta.kinh_gui;
	long			 lw, x0;
	double			 lw_pt, x0_pt, ew_pt;
	char			 ppr[200];
	size_t			 i;
	char			*s;

	if (kg->n == 1) {
		char	*t;
		double	 tw;

		if ((s = nd30_kinh_gui_one(kg->v[0])) == NULL)
			return -1;
		/* Broken and balanced as the PDF's (layout_center_text). */
		t = layout_center_text(x->lf, s, DOC_REGULAR, ND30_BODY_PT,
		    x->width_pt, &tw);
		free(s);
		if (t == NULL)
			return -1;
		docx_para(&x->b, "KinhGui", "<w:jc w:val=\"center\"/>", t,
		    DOC_REGULAR, 0);
		free(t);
		return 0;
	}
	/* The label and the entries placed as the PDF's. */
	if (layout_kinh_gui_box(x->lf, &x->doc->meta, x->width_pt, &lw_pt,
	    &x0_pt, &ew_pt) == -1)
		return -1;
	lw = DOCX_TW(lw_pt);
	x0 = DOCX_TW(x0_pt + lw_pt);   /* where the entries start */
	for (i = 0; i < kg->n; i++) {
		if ((s = nd30_kinh_gui_entry(kg->v[i], i + 1 == kg->n)) == NULL)
			return -1;
		snprintf(ppr, sizeof(ppr), "<w:tabs><w:tab w:val=\"left\" "
		    "w:pos=\"%ld\"/></w:tabs><w:spacing w:before=\"%d\"/>"
		    "<w:ind w:left=\"%ld\" w:hanging=\"%ld\"/>", x0,
		    i == 0 ? 240 : 0, x0, i == 0 ? lw : 0);
		vbuf_printf(&x->b, "<w:p><w:pPr><w:pStyle w:val=\"KinhGui\"/>"
		    "%s</w:pPr>", ppr);
		if (i == 0)
			docx_run(&x->b, "Kính gửi:\t",
			    strlen("Kính gửi:\t"), DOC_REGULAR, 0, 0);
		docx_run(&x->b, s, strlen(s), DOC_REGULAR, 0, 0);
		vbuf_puts(&x->b, "</w:p>");
		free(s);
	}
	return 0;
}

int
docx_letterhead(struct docx_state *x)
{
	const struct doc_meta	*m = &x->doc->meta;
	long			 W = x->width_tw;
	long			 lw = (long)(W * ND30_LEFT_COL);
	long			 ind = lh_right_ind(x, W - lw);

	if (m->du_thao != NULL) {
		long bw = docx_width(x, DOC_BOLD, ND30_DRAFT_PT, m->du_thao) +
		    DOCX_TW(2 * ND30_DRAFT_PAD_PT) + 40;

		boxed(&x->b, W - bw, bw, W, m->du_thao, ND30_DRAFT_PT, 0, 240);
	}
	two_cols(&x->b, lw, W - lw);
	vbuf_puts(&x->b, "<w:tr>");
	cell(&x->b, lw);
	if (lh_left(x, lw) == -1)
		return -1;
	vbuf_puts(&x->b, "</w:tc>");
	cell(&x->b, W - lw);
	lh_right(x, W - lw, ind);
	vbuf_puts(&x->b, "</w:tc></w:tr>");
	if (lh_number(x, lw, W - lw, ind) == -1)
		return -1;
	vbuf_puts(&x->b, "</w:tbl>");
	if (!m->cong_van)
		lh_title(x);
	if (m->kinh_gui.n > 0 && lh_kinh_gui(x) == -1)
		return -1;
	/* The body starts 14 pt under the letterhead, as in the PDF. */
	vbuf_puts(&x->b, "<w:p><w:pPr><w:pStyle w:val=\"Spacer\"/><w:spacing "
	    "w:after=\"300\"/></w:pPr></w:p>");
	return 0;
}

/* One Nơi nhận entry (11 pt, hanging past the dash); for the Lưu line
 * (luu set) the drafter's initials superscript, if any, and a full stop. */
static void
nn_entry(struct docx_state *x, const char *s, int luu, const char *initials)
{
	vbuf_puts(&x->b, "<w:p><w:pPr><w:pStyle w:val=\"NoiNhan\"/></w:pPr>");
	docx_run(&x->b, s, strlen(s), DOC_REGULAR, 0, 0);
	if (luu && initials != NULL && *initials != '\0')
		docx_run(&x->b, initials, strlen(initials), DOC_REGULAR, 1, 0);
	if (luu)
		docx_run(&x->b, ".", 1, DOC_REGULAR, 0, 0);
	vbuf_puts(&x->b, "</w:p>");
}

/* ô 9b: the label and the entries, in order. */
static int
noi_nhan(struct docx_state *x)
{
	const struct doc_meta	*m = &x->doc->meta;
	size_t			 i, n = m->noi_nhan.n;
	int			 nhu_tren = nd30_nhu_tren(m);
	char			*s;

	if (n == 0 && m->luu == NULL) {
		docx_para(&x->b, "NoiNhan", NULL, NULL, 0, 0);
		return 0;
	}
	docx_para(&x->b, "NoiNhanTitle", NULL, "Nơi nhận:", DOC_REGULAR, 0);
	for (i = 0; i < n + (size_t)nhu_tren; i++) {
		const char	*e = nhu_tren ? (i == 0 ? "Như trên" :
		    m->noi_nhan.v[i - 1]) : m->noi_nhan.v[i];

		if ((s = nd30_nn_entry(e, i + 1 == n + (size_t)nhu_tren &&
		    m->luu == NULL)) == NULL)
			return -1;
		nn_entry(x, s, 0, NULL);
		free(s);
	}
	if (m->luu != NULL) {
		if ((s = nd30_luu(m)) == NULL)
			return -1;
		nn_entry(x, s, 1, m->nguoi_soan);
		free(s);
	}
	return 0;
}

/* ô 7a-7c of one signer: authority, room for the signature, name
 * (part 0: the authority only; 1: the name only; 2: both). */
static void
signer(struct docx_state *x, const struct doc_signer *s, double w_pt,
    int part)
{
	if (part != 1 && s->tham_quyen != NULL)
		centred(x, "ChuKy", s->tham_quyen, DOC_BOLD, ND30_BODY_PT, w_pt,
		    0);
	if (part != 1)
		centred(x, "ChuKy", s->chuc_vu, DOC_BOLD, ND30_BODY_PT, w_pt,
		    0);
	if (part != 0)
		centred(x, "ChuKyTen", s->ho_ten, DOC_BOLD, ND30_BODY_PT, w_pt,
		    0);
}

/* A joint document: the two signers side by side, their titles in one
 * row and their names in the next, so the names share a baseline as in
 * the PDF; the Nơi nhận under them. */
static int
joint(struct docx_state *x)
{
	const struct doc_meta	*m = &x->doc->meta;
	long			 W = x->width_tw;
	double			 cw = x->width_pt / 2 - ND30_SIGN_COL_GAP_PT;
	int			 row, k;

	two_cols(&x->b, W / 2, W - W / 2);
	for (row = 0; row < 2; row++) {
		vbuf_puts(&x->b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (k = 0; k < 2; k++) {
			cell(&x->b, k == 0 ? W / 2 : W - W / 2);
			signer(x, &m->ky[k], cw, row);
			vbuf_puts(&x->b, "</w:tc>");
		}
		vbuf_puts(&x->b, "</w:tr>");
	}
	vbuf_puts(&x->b, "</w:tbl>");
	docx_para(&x->b, "Spacer", "<w:spacing w:after=\"400\"/>", NULL, 0, 0);
	return noi_nhan(x);
}

int
docx_signature(struct docx_state *x)
{
	const struct doc_meta	*m = &x->doc->meta;
	long			 W = x->width_tw, lw = (long)(W * ND30_NN_COL);
	int			 rc = 0;

	/* Kept with the body's last lines, as in the PDF. */
	vbuf_puts(&x->b, "<w:p><w:pPr><w:pStyle w:val=\"Spacer\"/><w:keepNext/>"
	    "<w:spacing w:after=\"100\"/></w:pPr></w:p>");
	if (m->nky >= 2)
		return joint(x);
	two_cols(&x->b, lw, W - lw);
	vbuf_puts(&x->b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
	cell(&x->b, lw);
	rc = noi_nhan(x);
	vbuf_puts(&x->b, "</w:tc>");
	cell(&x->b, W - lw);
	if (m->nky > 0)
		signer(x, &m->ky[0], x->width_pt - x->width_pt * ND30_NN_COL,
		    2);
	else
		docx_para(&x->b, "ChuKy", NULL, NULL, 0, 0);
	/* Word ends a story with a paragraph, never with a table. */
	vbuf_puts(&x->b, "</w:tc></w:tr></w:tbl><w:p><w:pPr><w:pStyle "
	    "w:val=\"Spacer\"/></w:pPr></w:p>");
	return rc;
}
