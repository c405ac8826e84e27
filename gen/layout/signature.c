/*
 * signature.c - the end of the main part by Nghị định 30/2020, Phụ lục
 * I: the signature block (ô 7a authority and title, 7c room for the hand
 * signature and seal, 7b the signer's name) with the Nơi nhận (ô 9b) in
 * the left column, level with the first line of 7a; for a joint document
 * two signers side by side and the Nơi nhận under them.  The entries'
 * words and punctuation come from gen/doc/nd30.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "layout/layout_int.h"

#define SIGN_TOP_PT ND30_BODY_PT     /* first baseline (7a, 9b) in the row */
#define JOINT_NN_GAP_PT 28.0    /* joint document: the Nơi nhận's label
				 * under the names */
#define SIGN_END_PT 6.0         /* the row ends this far under its last
				 * baseline */
#define SIGN_BEFORE_PT 10.0     /* space between the body and the block */
/* One Nơi nhận entry with a hanging indent past the dash; returns the
 * last baseline. */
static double
nn_put(struct lctx *L, const struct doc_inline *in, double x, double width,
    double y)
{
	struct lb_result	 res;
	double			 dash = layout_width(L->lf, DOC_REGULAR,
	    ND30_NOI_NHAN_ENTRY_PT, "- ", 2);
	size_t			 k;

	if (lb_break(L->lf, in, ND30_NOI_NHAN_ENTRY_PT, width - dash, -dash, 0,
	    &res) == -1) {
		L->oom = 1;
		return y;
	}
	for (k = 0; k < res.n; k++) {
		if (k > 0)
			y += ND30_NOI_NHAN_LEAD_PT;
		if (lrow_line(L, &res.lines[k], x + dash, y,
		    ND30_NOI_NHAN_ENTRY_PT) == -1)
			L->oom = 1;
	}
	lb_result_free(&res);
	return y;
}

/* The Nơi nhận list from baseline y at x; returns the last baseline, -1
 * (memory). */
static double
lay_noi_nhan(struct lctx *L, double x, double width, double y)
{
	const struct doc_meta	*m = &L->doc->meta;
	size_t			 i, n = m->noi_nhan.n;
	int			 nhu_tren = nd30_nhu_tren(m);
	char			*s;

	if (n == 0 && m->luu == NULL)
		return y;
	dl_add(L->tmp, DL_TEXT, x, y, 0, 0, ND30_NOI_NHAN_PT, DOC_BOLDITALIC,
	    "Nơi nhận:", strlen("Nơi nhận:"));
	for (i = 0; i < n + (size_t)nhu_tren; i++) {
		struct doc_inline in = { NULL, 0, 0 };
		const char	*e = nhu_tren ? (i == 0 ? "Như trên" :
		    m->noi_nhan.v[i - 1]) : m->noi_nhan.v[i];
		int		 last = i + 1 == n + (size_t)nhu_tren &&
		    m->luu == NULL;

		if ((s = nd30_nn_entry(e, last)) == NULL)
			return -1;
		doc_inline_add(&in, s, strlen(s), DOC_REGULAR, 0);
		free(s);
		y = nn_put(L, &in, x, width, y + ND30_NOI_NHAN_LEAD_PT);
		doc_inline_free(&in);
	}
	if (m->luu != NULL) {
		struct doc_inline in = { NULL, 0, 0 };

		if ((s = nd30_luu(m)) == NULL)
			return -1;
		doc_inline_add(&in, s, strlen(s), DOC_REGULAR, 0);
		free(s);
		if (m->nguoi_soan != NULL)
			doc_inline_add(&in, m->nguoi_soan,
			    strlen(m->nguoi_soan), DOC_REGULAR, 1);
		doc_inline_add(&in, ".", 1, DOC_REGULAR, 0);
		y = nn_put(L, &in, x, width, y + ND30_NOI_NHAN_LEAD_PT);
		doc_inline_free(&in);
	}
	return y;
}

/* The authority lines (7a) of one signer centred on cx from baseline y;
 * returns the last one's baseline. */
static double
lay_authority(struct lctx *L, const struct doc_signer *s, double cx,
    double width, double y)
{
	if (s->tham_quyen != NULL) {
		y = lrow_center_wrap(L, s->tham_quyen, DOC_BOLD, ND30_BODY_PT,
		    ND30_BODY_LEAD_PT, cx, width, y, NULL);
		y += ND30_BODY_LEAD_PT;
	}
	return lrow_center_wrap(L, s->chuc_vu, DOC_BOLD, ND30_BODY_PT,
	    ND30_BODY_LEAD_PT, cx, width, y, NULL);
}

/* The signer's name (7b) at baseline y; returns its last baseline. */
static double
lay_name(struct lctx *L, const struct doc_signer *s, double cx,
    double width, double y)
{
	return lrow_center_wrap(L, s->ho_ten, DOC_BOLD, ND30_BODY_PT,
	    ND30_BODY_LEAD_PT, cx, width, y, NULL);
}

/*
 * The signature block (7a-7c) with the Nơi nhận (9b) level with its first
 * line; two signers side by side for a joint document, the Nơi nhận then
 * under them.  Kept with the last two rows of the body.  A block taller
 * than a page is cut under the signer's name: the Nơi nhận continues in
 * its column on the next pages.  When the block down to the name cannot
 * fit on a page, it is an error at the ky key.
 */
int
layout_signature(struct lctx *L)
{
	const struct doc_meta	*m = &L->doc->meta;
	double			 W = L->width_pt, X = L->left_pt;
	double			 y = SIGN_TOP_PT, yl, yr, yname, first;
	size_t			 i0 = lrow_begin(L);
	int			 line, col;

	if (m->nky >= 2) {
		double cw = W / 2 - ND30_SIGN_COL_GAP_PT;

		/* Joint document: the two signers side by side, names on
		 * one baseline; the Nơi nhận under them. */
		yl = lay_authority(L, &m->ky[0], X + W / 4, cw, y);
		yr = lay_authority(L, &m->ky[1], X + 3 * W / 4, cw, y);
		y = (yl > yr ? yl : yr) + ND30_SIGN_SPACE_PT;
		yl = lay_name(L, &m->ky[0], X + W / 4, cw, y);
		yr = lay_name(L, &m->ky[1], X + 3 * W / 4, cw, y);
		yname = yl > yr ? yl : yr;
		y = yname + JOINT_NN_GAP_PT;
		yl = lay_noi_nhan(L, X, W * ND30_NN_COL, y);
		yr = yl;
	} else {
		double nnw = W * ND30_NN_COL, cx = X + nnw + (W - nnw) / 2;

		/* Nơi nhận first: the text then reads in the order a
		 * clerk types it (and pdftotext gives it back). */
		yl = lay_noi_nhan(L, X, nnw - ND30_SIGN_COL_GAP_PT, y);
		yr = lay_authority(L, &m->ky[0], cx, W - nnw, y);
		yr = lay_name(L, &m->ky[0], cx, W - nnw,
		    yr + ND30_SIGN_SPACE_PT);
		yname = yr;
	}
	if (yl < 0)
		return -1;
	y = (yl > yr ? yl : yr) + SIGN_END_PT;
	if (L->nrows > 0)
		L->rows[L->nrows - 1].keep = 1;
	L->sig_row = L->nrows;
	if (lrow_end(L, i0, y, SIGN_BEFORE_PT, 1) == NULL ||
	    lrow_split(L, yname, &first) < 0)
		return -1;
	if (first > L->bottom_pt - L->top_pt + 0.01) {
		lmeta_pos(L->doc, "ky", &line, &col);
		diag_add(L->d, DIAG_ERROR, L->doc->name, line, col,
		    "the signature block (authority, title, room to sign and "
		    "the signer's name) is %.0f mm tall; it cannot fit on one "
		    "page of %.0f mm (shorten tham_quyen, chuc_vu or ho_ten)",
		    first * 25.4 / 72, (L->bottom_pt - L->top_pt) * 25.4 / 72);
		return -1;
	}
	return 0;
}
