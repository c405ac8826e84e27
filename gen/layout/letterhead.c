/*
 * letterhead.c - the top of page 1 by Nghị định 30/2020, Phụ lục I:
 * the agency (ô 2) beside the Quốc hiệu and Tiêu ngữ (ô 1), the number
 * (ô 3) level with the place and date (ô 4), the urgency box (ô 10b), the
 * document type and trích yếu (ô 5a) or a công văn's V/v (ô 5b), and the
 * Kính gửi (ô 9a).  The words come from gen/doc/nd30.c; this file only
 * places them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "layout/layout_int.h"

/* Sizes (pt) and pitches.  Every offset is a baseline or rule position
 * measured down from the previous one, in pt unless the name says mm. */
#define HEAD_BASE_PT 12.0     /* ô 1, 2: first baseline below the top
			       * (the top margin, or the draft mark) */
#define AGENCY_RULE_GAP_PT 5.0   /* ô 2: the rule under the issuing agency */
#define TIEU_NGU_PITCH_PT 16.0   /* ô 1: Tiêu ngữ under the Quốc hiệu */
#define TIEU_NGU_RULE_GAP_PT 6.5 /* ô 1: the rule (as long as the Tiêu ngữ)
				  * under its baseline: the descenders
				  * ("p") reach 3.0 pt (0.217 em at 14 pt),
				  * the rule 3.5 pt under them, a visible
				  * gap as in printed documents */
#define SO_GAP_PT 22.0        /* ô 3, 4: Số and date on one baseline, this
			       * far under the lower of the two rules */
#define URGENCY_H_MM 8.0      /* ô 10b: boxes 20x8, 40x8, 30x8 mm */
#define URGENCY_BASE 0.33     /* ô 10b: baseline this many ems under the
			       * box's middle, to centre capitals in it */
#define DRAFT_BOX_H_PT 22.0   /* draft mark: its box's height */
#define DRAFT_BASE_PT 16.0    /* draft mark: its baseline in the box */
#define DRAFT_SPACE_PT 34.0   /* draft mark: the header starts this much
			       * lower, above it sits the mark (top right) */
#define TYPE_GAP_PT 30.0      /* ô 5a: the document type's baseline under
			       * the Số line (or the urgency box) */
#define TRICH_YEU_RULE_GAP_PT 6.0   /* ô 5a: the rule under the trích yếu */
#define KINH_GUI_GAP_PT 24.0  /* ô 9a: Kính gửi's baseline under the rule
			       * of 5a (or under 5b) */
#define LETTERHEAD_END_PT 4.0    /* the letterhead row ends this far under
				  * its last baseline (descenders) */
#define LETTERHEAD_AFTER_PT 14.0 /* space between it and the body */

/* Width of the urgency box (ô 10b) by its words (contract in layout.h). */
double
layout_urgency_w(const char *s)
{
	if (strcmp(s, "THƯỢNG KHẨN") == 0)
		return MM_PT(40);
	if (strcmp(s, "HỎA TỐC") == 0)
		return MM_PT(30);
	return MM_PT(20);
}

/* Where the Kính gửi list goes (contract in layout.h). */
int
layout_kinh_gui_box(const struct layout_font *lf, const struct doc_meta *m,
    double width_pt, double *label_pt, double *x0_pt, double *entry_pt)
{
	const char	*label = "Kính gửi: ";
	double		 lw = layout_width(lf, DOC_REGULAR, ND30_BODY_PT, label,
	    strlen(label)), ew = 0, w;
	size_t		 i;
	char		*s;

	for (i = 0; i < m->kinh_gui.n; i++) {
		if ((s = nd30_kinh_gui_entry(m->kinh_gui.v[i], i + 1 ==
		    m->kinh_gui.n)) == NULL)
			return -1;
		w = layout_width(lf, DOC_REGULAR, ND30_BODY_PT, s, strlen(s));
		free(s);
		if (w > ew)
			ew = w;
	}
	if (ew > width_pt - lw)
		ew = width_pt - lw;
	*label_pt = lw;
	*entry_pt = ew;
	*x0_pt = (width_pt - lw - ew) / 2;
	return 0;
}

/*
 * The Kính gửi block (ô 9a) from baseline y into the current row: one
 * recipient centred on one line, several as a list beside the label.
 * *last: the last baseline.  0, or -1 (memory).
 */
static int
lay_kinh_gui(struct lctx *L, double y, double *last)
{
	const struct doc_list	*kg = &L->doc->meta.kinh_gui;
	const char		*label = "Kính gửi: ";
	double			 lw, ew, x0;
	size_t			 i;
	char			*s;

	if (kg->n == 1) {
		if ((s = nd30_kinh_gui_one(kg->v[0])) == NULL)
			return -1;
		y = lrow_center_wrap(L, s, DOC_REGULAR, ND30_BODY_PT,
		    ND30_BODY_LEAD_PT, L->left_pt + L->width_pt / 2,
		    L->width_pt, y, NULL);
		free(s);
		*last = y;
		return 0;
	}
	if (layout_kinh_gui_box(L->lf, &L->doc->meta, L->width_pt, &lw, &x0,
	    &ew) == -1)
		return -1;
	x0 += L->left_pt;
	dl_add(L->tmp, DL_TEXT, x0, y, 0, 0, ND30_BODY_PT, DOC_REGULAR, label,
	    strlen(label) - 1);
	for (i = 0; i < kg->n; i++) {
		struct doc_inline	in = { NULL, 0, 0 };
		struct lb_result	res;
		size_t			k;

		if ((s = nd30_kinh_gui_entry(kg->v[i], i + 1 == kg->n)) == NULL)
			return -1;
		if (doc_inline_add(&in, s, strlen(s), DOC_REGULAR, 0) ||
		    lb_break(L->lf, &in, ND30_BODY_PT, ew, 0, 0, &res)) {
			free(s);
			doc_inline_free(&in);
			return -1;
		}
		free(s);
		for (k = 0; k < res.n; k++) {
			if (i > 0 || k > 0)
				y += ND30_BODY_LEAD_PT;
			if (lrow_line(L, &res.lines[k], x0 + lw, y,
			    ND30_BODY_PT) == -1)
				L->oom = 1;
		}
		lb_result_free(&res);
		doc_inline_free(&in);
	}
	*last = y;
	return 0;
}

/* The draft mark, boxed, top right above the header (practice, from the
 * 2011 circular).  Returns how far down it pushes the header, pt. */
static double
lh_draft(struct lctx *L, const char *mark)
{
	double X = L->left_pt, W = L->width_pt;
	double dw = layout_width(L->lf, DOC_BOLD, ND30_DRAFT_PT, mark,
	    strlen(mark));

	dl_add(L->tmp, DL_BOX, X + W - dw - 2 * ND30_DRAFT_PAD_PT, 0,
	    dw + 2 * ND30_DRAFT_PAD_PT, DRAFT_BOX_H_PT, RULE_PT, 0, NULL, 0);
	dl_add(L->tmp, DL_TEXT, X + W - dw - ND30_DRAFT_PAD_PT, DRAFT_BASE_PT,
	    0, 0, ND30_DRAFT_PT, DOC_BOLD, mark, strlen(mark));
	return DRAFT_SPACE_PT;
}

/* ô 2: the parent agency, the issuing agency and the rule under it,
 * centred on lcx from the top y0.  Returns the rule's y; *nlines the
 * number of lines. */
static double
lh_agency(struct lctx *L, double lcx, double lcw, double y0, int *nlines)
{
	const struct doc_meta	*m = &L->doc->meta;
	double			 yl = y0 + HEAD_BASE_PT - ND30_HEAD_LEAD_PT, w;
	double			 maxw = 0;
	size_t			 i;

	if (m->co_quan_chu_quan != NULL)
		yl = lrow_center_wrap(L, m->co_quan_chu_quan, DOC_REGULAR,
		    ND30_HEAD_PT, ND30_HEAD_LEAD_PT, lcx,
		    lcw - ND30_LEFT_COL_PAD_PT, yl + ND30_HEAD_LEAD_PT, NULL);
	for (i = 0; i < m->co_quan.n; i++) {
		yl = lrow_center_wrap(L, m->co_quan.v[i], DOC_BOLD,
		    ND30_HEAD_PT, ND30_HEAD_LEAD_PT, lcx,
		    lcw - ND30_LEFT_COL_PAD_PT, yl + ND30_HEAD_LEAD_PT, &w);
		if (w > maxw)
			maxw = w;
	}
	*nlines = (int)((yl - (y0 + HEAD_BASE_PT)) / ND30_HEAD_LEAD_PT + 1.5);
	yl += AGENCY_RULE_GAP_PT;
	lrow_rule(L, lcx, yl, layout_agency_rule(maxw));
	return yl;
}

/* The rule under the agency (contract in layout.h): 1/3 to 1/2 of the
 * line (Phụ lục I), 45 %, lengthened for a short name towards the
 * minimum but never past half the line. */
double
layout_agency_rule(double line_pt)
{
	double w = line_pt * ND30_AGENCY_RULE_SHARE;

	if (w < ND30_AGENCY_RULE_MIN_PT)
		w = ND30_AGENCY_RULE_MIN_PT < line_pt * ND30_AGENCY_RULE_MAX ?
		    ND30_AGENCY_RULE_MIN_PT : line_pt * ND30_AGENCY_RULE_MAX;
	return w;
}

/* The rule under the trích yếu (contract in layout.h). */
double
layout_trich_yeu_rule(double line_pt)
{
	return line_pt / ND30_TRICH_YEU_RULE_DIV < ND30_TRICH_YEU_RULE_MIN_PT ?
	    ND30_TRICH_YEU_RULE_MIN_PT : line_pt / ND30_TRICH_YEU_RULE_DIV;
}

/* The right column's widest line, pt (contract in layout.h). */
double
layout_national_w(const struct layout_font *lf, const struct doc_meta *m)
{
	const char	*qh = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
	double		 w = layout_width(lf, DOC_BOLD, ND30_HEAD_PT, qh,
	    strlen(qh)), dw;
	char		*s = nd30_date(m);

	if (s != NULL && (dw = layout_width(lf, DOC_ITALIC, ND30_BODY_PT, s,
	    strlen(s))) > w)
		w = dw;
	free(s);
	return w;
}

/* ô 1: the Quốc hiệu and the Tiêu ngữ with its rule, centred on rcx from
 * the top y0.  Returns the rule's y. */
static double
lh_national(struct lctx *L, double rcx, double y0)
{
	const char	*qh = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
	const char	*tn = "Độc lập - Tự do - Hạnh phúc";
	double		 yr = y0 + HEAD_BASE_PT, tnw;

	lrow_center(L, qh, DOC_BOLD, ND30_HEAD_PT, rcx, yr);
	yr += TIEU_NGU_PITCH_PT;
	tnw = lrow_center(L, tn, DOC_BOLD, ND30_TIEU_NGU_PT, rcx, yr);
	yr += TIEU_NGU_RULE_GAP_PT;
	lrow_rule(L, rcx, yr, tnw);
	return yr;
}

/*
 * ô 3 and 4 on baseline y, then under ô 3 a công văn's V/v (ô 5b) and the
 * urgency box (ô 10b).  Returns the lowest baseline or box bottom of the
 * left column, or -1 (memory).
 */
static double
lh_number(struct lctx *L, double lcx, double lcw, double rcx, double y)
{
	const struct doc_meta	*m = &L->doc->meta;
	double			 yl;
	char			*s;

	if ((s = nd30_so(m)) == NULL)
		return -1;
	lrow_center(L, s, DOC_REGULAR, ND30_HEAD_PT, lcx, y);
	free(s);
	if ((s = nd30_date(m)) == NULL)
		return -1;
	lrow_center(L, s, DOC_ITALIC, ND30_BODY_PT, rcx, y);
	free(s);
	yl = y;
	if (m->cong_van && m->trich_yeu != NULL) {
		struct vbuf b = { NULL, 0, 0, 0 };

		vbuf_printf(&b, "V/v %s", m->trich_yeu);
		if ((s = vbuf_take(&b)) == NULL)
			return -1;
		yl = lrow_center_wrap(L, s, DOC_REGULAR, ND30_HEAD_PT,
		    ND30_HEAD_LEAD_PT, lcx, lcw,
		    y + ND30_VV_GAP_PT + ND30_HEAD_LEAD_PT, NULL);
		free(s);
	}
	if (m->do_khan != NULL) {
		double bw = layout_urgency_w(m->do_khan);
		double bh = MM_PT(URGENCY_H_MM);

		dl_add(L->tmp, DL_BOX, lcx - bw / 2, yl + ND30_URGENCY_GAP_PT, bw,
		    bh, RULE_PT, 0, NULL, 0);
		lrow_center(L, m->do_khan, DOC_BOLD, ND30_HEAD_PT, lcx,
		    yl + ND30_URGENCY_GAP_PT + bh / 2 +
		    ND30_HEAD_PT * URGENCY_BASE);
		yl += ND30_URGENCY_GAP_PT + bh;
	}
	return yl;
}

/* ô 5a under y: the document type, the trích yếu and the rule under it.
 * Returns the rule's y. */
static double
lh_title(struct lctx *L, double y)
{
	const struct doc_meta	*m = &L->doc->meta;
	double			 W = L->width_pt, X = L->left_pt, w;

	y += TYPE_GAP_PT;
	lrow_center(L, m->loai, DOC_BOLD, ND30_BODY_PT, X + W / 2, y);
	y = lrow_center_wrap(L, m->trich_yeu, DOC_BOLD, ND30_BODY_PT,
	    ND30_BODY_LEAD_PT, X + W / 2, W * ND30_TRICH_YEU_SHARE,
	    y + ND30_BODY_LEAD_PT, &w);
	y += TRICH_YEU_RULE_GAP_PT;
	lrow_rule(L, X + W / 2, y, layout_trich_yeu_rule(w));
	return y;
}

/*
 * The letterhead: one row at the top of page 1.  When it is taller than a
 * page (a long trích yếu, V/v or Kính gửi list), the part under the Số
 * line flows onto the next pages like body text; when the part down to
 * the Số line cannot fit on page 1 (the agency's lines), it is an error
 * at the co_quan key.
 */
int
layout_letterhead(struct lctx *L)
{
	const struct doc_meta	*m = &L->doc->meta;
	double			 W = L->width_pt, X = L->left_pt;
	double			 lcw = W * ND30_LEFT_COL, lcx = X + lcw / 2;
	double			 rcx, y0 = 0, yl, yr, y, yso, first;
	size_t			 i0 = lrow_begin(L);
	int			 nag, line, col;

	/* The right column's widest line flush with the right margin, the
	 * rest centred under it. */
	rcx = X + W - layout_national_w(L->lf, m) / 2;
	if (m->du_thao != NULL)
		y0 = lh_draft(L, m->du_thao);
	yl = lh_agency(L, lcx, lcw, y0, &nag);
	yr = lh_national(L, rcx, y0);
	yso = y = (yl > yr ? yl : yr) + SO_GAP_PT;
	if ((y = lh_number(L, lcx, lcw, rcx, y)) < 0)
		return -1;
	if (!m->cong_van)
		y = lh_title(L, y);
	if (m->kinh_gui.n > 0 && lay_kinh_gui(L, y + KINH_GUI_GAP_PT, &y) == -1)
		return -1;
	if (lrow_end(L, i0, y + LETTERHEAD_END_PT, 0, 0) == NULL ||
	    lrow_split(L, yso, &first) < 0)
		return -1;
	if (first > L->bottom_pt - L->top_pt + 0.01) {
		lmeta_pos(L->doc, m->co_quan.n > 0 ? "co_quan" :
		    "co_quan_chu_quan", &line, &col);
		diag_add(L->d, DIAG_ERROR, L->doc->name, line, col,
		    "the agency name has %d lines; the letterhead cannot fit "
		    "on the first page (it takes %.0f mm of the %.0f mm "
		    "between the margins)", nag, first * 25.4 / 72,
		    (L->bottom_pt - L->top_pt) * 25.4 / 72);
		return -1;
	}
	L->next_before = LETTERHEAD_AFTER_PT;
	return 0;
}
