/*
 * layout_page.c - the document model laid out as official pages: the
 * letterhead (ô 1-5), the body blocks, the signature block beside the Nơi
 * nhận, page numbers, annexes; then the vertical list of rows is cut into
 * pages with widow/orphan control, headings kept with what follows, table
 * headers repeated and the signature kept with the end of the body.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "layout/layout_int.h"

#define HEAD_PT 13.0        /* agency, Quốc hiệu, Số */
#define HEAD_LEAD_PT 15.0
#define TIEU_NGU_PT 14.0
#define NOI_NHAN_PT 12.0
#define NOI_NHAN_ENTRY_PT 11.0
#define NOI_NHAN_LEAD_PT 12.8
#define SIGN_SPACE_PT MM_PT(27)   /* 7c: room for the hand signature */
#define LEFT_COL 0.38             /* share of the text width, letterhead */
#define NN_COL 0.45               /* share of the text width, Nơi nhận */

/* ------------------------------------------------------------------ */
/* Rows                                                                 */
/* ------------------------------------------------------------------ */

size_t
lrow_begin(struct lctx *L)
{
	return L->tmp->n;
}

struct vrow *
lrow_end(struct lctx *L, size_t i0, double h, double before, int keep)
{
	struct vrow *r;

	if (L->nrows == L->caprows) {
		size_t cap = L->caprows ? L->caprows * 2 : 128;

		if ((r = realloc(L->rows, cap * sizeof(*r))) == NULL)
			return NULL;
		L->rows = r;
		L->caprows = cap;
	}
	r = &L->rows[L->nrows++];
	memset(r, 0, sizeof(*r));
	r->h_pt = h;
	r->before_pt = before + L->next_before;
	r->keep = keep || L->next_keep;
	r->force = L->next_force;
	r->i0 = i0;
	r->i1 = L->tmp->n;
	L->next_keep = L->next_force = 0;
	L->next_before = 0;
	return r;
}

int
lrow_line(struct lctx *L, const struct lb_line *ln, double x, double y,
    double size)
{
	size_t i;

	for (i = 0; i < ln->n; i++) {
		const struct lb_piece *p = &ln->p[i];

		if (dl_add(L->tmp, DL_TEXT, x + p->x_pt,
		    p->sup ? y - size * 0.33 : y, 0, 0,
		    p->sup ? size * 0.6 : size, p->face, p->text,
		    p->n) == NULL)
			return -1;
	}
	return 0;
}

/* Text of an inline sequence, runs joined (bookmark titles). */
static char *
inline_text(const struct doc_inline *in)
{
	size_t	 i, n = 0;
	char	*s;

	for (i = 0; i < in->n; i++)
		n += strlen(in->runs[i].text);
	if ((s = malloc(n + 1)) == NULL)
		return NULL;
	s[0] = '\0';
	for (i = 0; i < in->n; i++)
		strcat(s, strcmp(in->runs[i].text, "\n") ? in->runs[i].text : " ");
	return s;
}

enum lalign { LA_JUSTIFY, LA_LEFT, LA_CENTER, LA_RIGHT };

/*
 * Lay out an inline sequence as one row per line at x..x+width:
 * first-line indent, alignment, leading.
 * Widow and orphan control: the first two and the last two lines stay
 * together.  mark > 0 adds a bookmark of that level on the first line.
 * Returns the number of rows, -1 on failure.
 */
static int
lay_inline(struct lctx *L, const struct doc_inline *in, double size,
    double lead, double x, double width, double indent, enum lalign al,
    double before, int mark)
{
	struct lb_result	 res;
	size_t			 i;
	double			 base = lead - size * 0.25;

	if (lb_break(L->lf, in, size, width, indent, al == LA_JUSTIFY,
	    &res) == -1)
		return -1;
	for (i = 0; i < res.n; i++) {
		const struct lb_line	*ln = &res.lines[i];
		size_t			 i0 = lrow_begin(L);
		double			 lx = x;
		int			 keep;

		if (al == LA_CENTER)
			lx = x + (width - ln->width_pt) / 2;
		else if (al == LA_RIGHT)
			lx = x + width - ln->width_pt;
		if (i == 0 && mark > 0) {
			char *t = inline_text(in);

			if (t != NULL)
				dl_add(L->tmp, DL_MARK, 0, 0, 0, 0, 0, mark, t,
				    strlen(t));
			free(t);
		}
		if (lrow_line(L, ln, lx, base, size) == -1)
			break;
		keep = i == 1 || (i > 0 && i == res.n - 1);
		if (lrow_end(L, i0, lead, i == 0 ? before : 0, keep) == NULL)
			break;
	}
	lb_result_free(&res);
	return (int)res.n;
}

/* One centred line of plain text at baseline y (in the current row). */
static double
put_center(struct lctx *L, const char *s, int face, double size, double cx,
    double y)
{
	double w = layout_width(L->lf, face, size, s, strlen(s));

	dl_add(L->tmp, DL_TEXT, cx - w / 2, y, 0, 0, size, face, s, strlen(s));
	return w;
}

/*
 * One logical line s broken to width, balanced, and centred on cx from
 * baseline y, pitch lead, into the current row.  Returns the last
 * baseline; *maxw the widest line.
 */
static double
put_center_one(struct lctx *L, const char *s, int face, double size,
    double lead, double cx, double width, double y, double *maxw)
{
	struct doc_inline	 in = { NULL, 0 };
	struct lb_result	 res;
	size_t			 i;
	double			 last = y - lead;

	if (maxw)
		*maxw = 0;
	if (doc_inline_add(&in, s, strlen(s), face, 0) == -1 ||
	    lb_break(L->lf, &in, size, width, 0, 0, &res) == -1) {
		doc_inline_free(&in);
		return y;
	}
	if (res.n > 1) {
		/* Balance the lines: the narrowest width that still gives
		 * as many lines ("ỦY BAN NHÂN DÂN / TỈNH ĐIỆN BIÊN", not
		 * "ỦY BAN NHÂN DÂN TỈNH ĐIỆN / BIÊN"). */
		double lo = width / (double)res.n, hi = width;
		size_t want = res.n;
		int k;

		for (k = 0; k < 12 && hi - lo > 0.5; k++) {
			struct lb_result t;
			double mid = (lo + hi) / 2;

			if (lb_break(L->lf, &in, size, mid, 0, 0, &t) == -1)
				break;
			if (t.n > want)
				lo = mid;
			else
				hi = mid;
			lb_result_free(&t);
		}
		lb_result_free(&res);
		if (lb_break(L->lf, &in, size, hi, 0, 0, &res) == -1) {
			doc_inline_free(&in);
			return y;
		}
	}
	for (i = 0; i < res.n; i++) {
		last = y + lead * (double)i;
		lrow_line(L, &res.lines[i], cx - res.lines[i].width_pt / 2,
		    last, size);
		if (maxw && res.lines[i].width_pt > *maxw)
			*maxw = res.lines[i].width_pt;
	}
	lb_result_free(&res);
	doc_inline_free(&in);
	return last;
}

/*
 * Lines of s centred on cx from baseline y: each line of s ("\n" in the
 * source, e.g. a YAML block) starts a new line, and each is broken to
 * width and balanced.  Returns the last baseline; *maxw the widest line.
 */
static double
put_center_wrap(struct lctx *L, const char *s, int face, double size,
    double lead, double cx, double width, double y, double *maxw)
{
	double	 w, last = y - lead;
	char	*copy = strdup(s), *line, *save;

	if (maxw)
		*maxw = 0;
	if (copy == NULL)
		return y;
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		last = put_center_one(L, line, face, size, lead, cx, width,
		    last + lead, &w);
		if (maxw && w > *maxw)
			*maxw = w;
	}
	free(copy);
	return last;
}

static void
put_rule(struct lctx *L, double cx, double y, double len)
{
	dl_add(L->tmp, DL_RULE, cx - len / 2, y, cx + len / 2, y, RULE_PT, 0,
	    NULL, 0);
}

/* ------------------------------------------------------------------ */
/* Letterhead (ô 1-5, 9a)                                               */
/* ------------------------------------------------------------------ */

/* "Số: 88/KH-UBND"; numbers under 10 get a leading 0; blank if none. */
static void
fmt_so(const struct doc_meta *m, char *buf, size_t n)
{
	const char *kh = m->ky_hieu ? m->ky_hieu : "";

	if (m->so == NULL)
		snprintf(buf, n, "Số:          /%s", kh);
	else if (strlen(m->so) == 1 && m->so[0] >= '1' && m->so[0] <= '9')
		snprintf(buf, n, "Số: 0%s/%s", m->so, kh);
	else
		snprintf(buf, n, "Số: %s/%s", m->so, kh);
}

/* "Điện Biên, ngày 10 tháng 01 năm 2020": leading 0 for days < 10 and
 * months 1 and 2; blanks to fill by hand when there is no day. */
static void
fmt_date(const struct doc_meta *m, char *buf, size_t n)
{
	const char *place = m->dia_danh ? m->dia_danh : "";

	if (m->day == 0)
		snprintf(buf, n, "%s, ngày      tháng      năm %d", place,
		    m->year);
	else
		snprintf(buf, n, "%s, ngày %02d tháng %s%d năm %d", place,
		    m->day, m->month <= 2 ? "0" : "", m->month, m->year);
}

/* Width of the urgency box (ô 10b) by its words, pt. */
static double
urgency_w(const char *s)
{
	if (strcmp(s, "THƯỢNG KHẨN") == 0)
		return MM_PT(40);
	if (strcmp(s, "HỎA TỐC") == 0)
		return MM_PT(30);
	return MM_PT(20);
}

/* The Kính gửi block (ô 9a) from baseline y; returns the last baseline. */
static double
lay_kinh_gui(struct lctx *L, double y)
{
	const struct doc_list	*kg = &L->doc->meta.kinh_gui;
	const char		*label = "Kính gửi: ";
	double			 lw = layout_width(L->lf, DOC_REGULAR, BODY_PT,
	    label, strlen(label));
	double			 ew = 0, x0;
	size_t			 i;
	char			 buf[1024];

	if (kg->n == 1) {
		snprintf(buf, sizeof(buf), "%s%s.", label, kg->v[0]);
		return put_center_wrap(L, buf, DOC_REGULAR, BODY_PT,
		    BODY_LEAD_PT, L->left_pt + L->width_pt / 2, L->width_pt,
		    y, NULL);
	}
	for (i = 0; i < kg->n; i++) {
		double w;

		snprintf(buf, sizeof(buf), "- %s%s", kg->v[i],
		    i + 1 < kg->n ? ";" : ".");
		w = layout_width(L->lf, DOC_REGULAR, BODY_PT, buf, strlen(buf));
		if (w > ew)
			ew = w;
	}
	if (ew > L->width_pt - lw)
		ew = L->width_pt - lw;
	x0 = L->left_pt + (L->width_pt - lw - ew) / 2;
	dl_add(L->tmp, DL_TEXT, x0, y, 0, 0, BODY_PT, DOC_REGULAR, label,
	    strlen(label) - 1);
	for (i = 0; i < kg->n; i++) {
		struct doc_inline	in = { NULL, 0 };
		struct lb_result	res;
		size_t			k;

		snprintf(buf, sizeof(buf), "- %s%s", kg->v[i],
		    i + 1 < kg->n ? ";" : ".");
		if (doc_inline_add(&in, buf, strlen(buf), DOC_REGULAR, 0) ||
		    lb_break(L->lf, &in, BODY_PT, ew, 0, 0, &res)) {
			doc_inline_free(&in);
			break;
		}
		for (k = 0; k < res.n; k++) {
			if (i > 0 || k > 0)
				y += BODY_LEAD_PT;
			lrow_line(L, &res.lines[k], x0 + lw, y, BODY_PT);
		}
		lb_result_free(&res);
		doc_inline_free(&in);
	}
	return y;
}

/*
 * The letterhead, the document type and trích yếu (or V/v for a công
 * văn), and Kính gửi: one row that stays at the top of page 1.
 */
static int
lay_letterhead(struct lctx *L)
{
	const struct doc_meta	*m = &L->doc->meta;
	double			 W = L->width_pt, X = L->left_pt;
	double			 lcw = W * LEFT_COL, lcx = X + lcw / 2;
	double			 rcx, y0 = 0, yl, yr, y, w, maxw = 0;
	const char		*qh = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
	const char		*tn = "Độc lập - Tự do - Hạnh phúc";
	double			 qhw, tnw;
	size_t			 i0 = lrow_begin(L), i;
	char			 buf[1024];

	qhw = layout_width(L->lf, DOC_BOLD, HEAD_PT, qh, strlen(qh));
	/* The Quốc hiệu is the widest line of the right column: set it
	 * flush with the right margin and centre the rest under it. */
	rcx = X + W - qhw / 2;
	if (m->du_thao != NULL) {
		/* DỰ THẢO mark, boxed, top right above the header. */
		double dw = layout_width(L->lf, DOC_BOLD, 14, m->du_thao,
		    strlen(m->du_thao));

		dl_add(L->tmp, DL_BOX, X + W - dw - 12, 0, dw + 12, 22,
		    RULE_PT, 0, NULL, 0);
		dl_add(L->tmp, DL_TEXT, X + W - dw - 6, 16, 0, 0, 14, DOC_BOLD,
		    m->du_thao, strlen(m->du_thao));
		y0 = 34;
	}
	/* Left column: parent agency, issuing agency, rule. */
	yl = y0 + 12 - HEAD_LEAD_PT;
	if (m->co_quan_chu_quan != NULL)
		yl = put_center_wrap(L, m->co_quan_chu_quan, DOC_REGULAR,
		    HEAD_PT, HEAD_LEAD_PT, lcx, lcw - 12, yl + HEAD_LEAD_PT,
		    NULL);
	for (i = 0; i < m->co_quan.n; i++) {
		yl = put_center_wrap(L, m->co_quan.v[i], DOC_BOLD, HEAD_PT,
		    HEAD_LEAD_PT, lcx, lcw - 12, yl + HEAD_LEAD_PT, &w);
		if (w > maxw)
			maxw = w;
	}
	yl += 5;
	put_rule(L, lcx, yl, maxw * 0.45 < 40 ? 40 : maxw * 0.45);
	/* Right column: Quốc hiệu, Tiêu ngữ, rule as long as it. */
	yr = y0 + 12;
	put_center(L, qh, DOC_BOLD, HEAD_PT, rcx, yr);
	yr += 16;
	tnw = put_center(L, tn, DOC_BOLD, TIEU_NGU_PT, rcx, yr);
	yr += 4.5;
	put_rule(L, rcx, yr, tnw);
	/* Số and place-date on one baseline. */
	y = (yl > yr ? yl : yr) + 22;
	fmt_so(m, buf, sizeof(buf));
	put_center(L, buf, DOC_REGULAR, HEAD_PT, lcx, y);
	fmt_date(m, buf, sizeof(buf));
	put_center(L, buf, DOC_ITALIC, BODY_PT, rcx, y);
	yl = y;
	if (m->cong_van && m->trich_yeu != NULL) {
		/* ô 5b: V/v under Số, 6 pt below. */
		snprintf(buf, sizeof(buf), "V/v %s", m->trich_yeu);
		yl = put_center_wrap(L, buf, DOC_REGULAR, HEAD_PT,
		    HEAD_LEAD_PT, lcx, lcw, y + 6 + HEAD_LEAD_PT, NULL);
	}
	if (m->do_khan != NULL) {
		/* ô 10b: the urgency box under Số. */
		double bw = urgency_w(m->do_khan), bh = MM_PT(8);

		dl_add(L->tmp, DL_BOX, lcx - bw / 2, yl + 8, bw, bh, RULE_PT,
		    0, NULL, 0);
		put_center(L, m->do_khan, DOC_BOLD, HEAD_PT, lcx,
		    yl + 8 + bh / 2 + HEAD_PT * 0.33);
		yl += 8 + bh;
	}
	y = yl;
	if (!m->cong_van) {
		/* ô 5a: document type, trích yếu, rule. */
		y += 30;
		put_center(L, m->loai, DOC_BOLD, BODY_PT, X + W / 2, y);
		y = put_center_wrap(L, m->trich_yeu, DOC_BOLD, BODY_PT,
		    BODY_LEAD_PT, X + W / 2, W * 0.82, y + BODY_LEAD_PT, &w);
		y += 6;
		put_rule(L, X + W / 2, y, w / 3 < 60 ? 60 : w / 3);
	}
	if (m->kinh_gui.n > 0)
		y = lay_kinh_gui(L, y + 24);
	if (lrow_end(L, i0, y + 4, 0, 0) == NULL)
		return -1;
	L->next_before = 14;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Signature block and Nơi nhận (ô 7, 9b)                               */
/* ------------------------------------------------------------------ */

/* Strip "- " and a final ";" or "." the user may have written. */
static void
nn_entry(const char *s, char *buf, size_t n)
{
	size_t k;

	while (*s == ' ')
		s++;
	if (s[0] == '-' && s[1] == ' ')
		s += 2;
	snprintf(buf, n, "- %s", s);
	k = strlen(buf);
	while (k > 0 && (buf[k - 1] == ';' || buf[k - 1] == '.' ||
	    buf[k - 1] == ' '))
		buf[--k] = '\0';
}

/* One Nơi nhận entry with a hanging indent past the dash; returns the
 * last baseline. */
static double
nn_put(struct lctx *L, const struct doc_inline *in, double x, double width,
    double y)
{
	struct lb_result	 res;
	double			 dash = layout_width(L->lf, DOC_REGULAR,
	    NOI_NHAN_ENTRY_PT, "- ", 2);
	size_t			 k;

	if (lb_break(L->lf, in, NOI_NHAN_ENTRY_PT, width - dash, -dash, 0,
	    &res) == -1)
		return y;
	for (k = 0; k < res.n; k++) {
		if (k > 0)
			y += NOI_NHAN_LEAD_PT;
		lrow_line(L, &res.lines[k], x + dash, y, NOI_NHAN_ENTRY_PT);
	}
	lb_result_free(&res);
	return y;
}

/* The Nơi nhận list from baseline y at x; returns the last baseline. */
static double
lay_noi_nhan(struct lctx *L, double x, double width, double y)
{
	const struct doc_meta	*m = &L->doc->meta;
	size_t			 i, n = m->noi_nhan.n;
	int			 nhu_tren = 0;
	char			 buf[1024];

	if (n == 0 && m->luu == NULL)
		return y;
	dl_add(L->tmp, DL_TEXT, x, y, 0, 0, NOI_NHAN_PT, DOC_BOLDITALIC,
	    "Nơi nhận:", strlen("Nơi nhận:"));
	if (m->kinh_gui.n > 0 && (n == 0 ||
	    strstr(m->noi_nhan.v[0], "Như trên") == NULL))
		nhu_tren = 1;
	for (i = 0; i < n + (size_t)nhu_tren; i++) {
		struct doc_inline	in = { NULL, 0 };
		const char		*e = nhu_tren ? (i == 0 ? "Như trên" :
		    m->noi_nhan.v[i - 1]) : m->noi_nhan.v[i];
		int			last = i + 1 == n + (size_t)nhu_tren &&
		    m->luu == NULL;

		nn_entry(e, buf, sizeof(buf) - 1);
		strcat(buf, last ? "." : ";");
		doc_inline_add(&in, buf, strlen(buf), DOC_REGULAR, 0);
		y = nn_put(L, &in, x, width, y + NOI_NHAN_LEAD_PT);
		doc_inline_free(&in);
	}
	if (m->luu != NULL) {
		struct doc_inline in = { NULL, 0 };

		snprintf(buf, sizeof(buf), "- Lưu: %s", m->luu);
		while (buf[strlen(buf) - 1] == '.')
			buf[strlen(buf) - 1] = '\0';
		doc_inline_add(&in, buf, strlen(buf), DOC_REGULAR, 0);
		if (m->nguoi_soan != NULL)
			doc_inline_add(&in, m->nguoi_soan,
			    strlen(m->nguoi_soan), DOC_REGULAR, 1);
		doc_inline_add(&in, ".", 1, DOC_REGULAR, 0);
		y = nn_put(L, &in, x, width, y + NOI_NHAN_LEAD_PT);
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
		y = put_center_wrap(L, s->tham_quyen, DOC_BOLD, BODY_PT,
		    BODY_LEAD_PT, cx, width, y, NULL);
		y += BODY_LEAD_PT;
	}
	return put_center_wrap(L, s->chuc_vu, DOC_BOLD, BODY_PT, BODY_LEAD_PT,
	    cx, width, y, NULL);
}

/* The signer's name (7b) at baseline y; returns its last baseline. */
static double
lay_name(struct lctx *L, const struct doc_signer *s, double cx,
    double width, double y)
{
	return put_center_wrap(L, s->ho_ten, DOC_BOLD, BODY_PT, BODY_LEAD_PT,
	    cx, width, y, NULL);
}

/*
 * The signature block (7a-7c) with the Nơi nhận (9b) level with its first
 * line; two signers side by side for a joint document, the Nơi nhận then
 * under them.  Kept with the last two rows of the body.
 */
static int
lay_signature(struct lctx *L)
{
	const struct doc_meta	*m = &L->doc->meta;
	double			 W = L->width_pt, X = L->left_pt;
	double			 y = BODY_PT, yl, yr;
	size_t			 i0 = lrow_begin(L);
	struct vrow		*r;

	if (m->nky >= 2) {
		/* Joint document: the two signers side by side, names on
		 * one baseline; the Nơi nhận under them. */
		yl = lay_authority(L, &m->ky[0], X + W / 4, W / 2 - 6, y);
		yr = lay_authority(L, &m->ky[1], X + 3 * W / 4, W / 2 - 6, y);
		y = (yl > yr ? yl : yr) + SIGN_SPACE_PT;
		yl = lay_name(L, &m->ky[0], X + W / 4, W / 2 - 6, y);
		yr = lay_name(L, &m->ky[1], X + 3 * W / 4, W / 2 - 6, y);
		y = (yl > yr ? yl : yr) + 28;
		yl = lay_noi_nhan(L, X, W * NN_COL, y);
		yr = yl;
	} else {
		double nnw = W * NN_COL, cx = X + nnw + (W - nnw) / 2;

		/* Nơi nhận first: the text then reads in the order a
		 * clerk types it (and pdftotext gives it back). */
		yl = lay_noi_nhan(L, X, nnw - 6, y);
		yr = lay_authority(L, &m->ky[0], cx, W - nnw, y);
		yr = lay_name(L, &m->ky[0], cx, W - nnw, yr + SIGN_SPACE_PT);
	}
	y = (yl > yr ? yl : yr) + 6;
	if (L->nrows > 0)
		L->rows[L->nrows - 1].keep = 1;
	if ((r = lrow_end(L, i0, y, 10, 1)) == NULL)
		return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Body blocks                                                          */
/* ------------------------------------------------------------------ */

static int
lay_block(struct lctx *L, const struct doc_block *b)
{
	double			 X = L->left_pt, W = L->width_pt;
	struct doc_inline	 in = { NULL, 0 };
	int			 n;

	switch (b->type) {
	case DOC_PARA:
		if (b->level < 0)
			return lay_inline(L, &b->in, BODY_PT, BODY_LEAD_PT, X,
			    W, 0, LA_LEFT, PARA_AFTER_PT, 0);
		return lay_inline(L, &b->in, BODY_PT, BODY_LEAD_PT, X, W,
		    INDENT_PT, LA_JUSTIFY, PARA_AFTER_PT, 0);
	case DOC_CENTER:
		return lay_inline(L, &b->in, BODY_PT, BODY_LEAD_PT, X, W, 0,
		    LA_CENTER, PARA_AFTER_PT, 0);
	case DOC_HEADING:
		n = lay_inline(L, &b->in, BODY_PT, BODY_LEAD_PT, X, W,
		    b->level == 1 ? 0 : INDENT_PT, LA_JUSTIFY, PARA_AFTER_PT,
		    b->level);
		L->next_keep = 1;   /* never the last line of a page */
		return n;
	case DOC_ITEM: {
		double ind = (b->level > 1 ? b->level - 1 : 0) * INDENT_PT;
		size_t i;

		if (b->marker != NULL && doc_inline_add(&in, b->marker,
		    strlen(b->marker), b->in.n ? b->in.runs[0].face & ~1 : 0,
		    0) == -1)
			return -1;
		for (i = 0; i < b->in.n; i++)
			if (doc_inline_add(&in, b->in.runs[i].text,
			    strlen(b->in.runs[i].text), b->in.runs[i].face,
			    b->in.runs[i].sup) == -1)
				break;
		n = lay_inline(L, &in, BODY_PT, BODY_LEAD_PT, X + ind, W - ind,
		    INDENT_PT, LA_JUSTIFY, PARA_AFTER_PT, 0);
		doc_inline_free(&in);
		return n;
	}
	case DOC_TABLE:
		return layout_table(L, b);
	case DOC_CHART:
		return layout_chart(L, b);
	case DOC_PAGEBREAK:
		L->next_force = 1;
		return 0;
	case DOC_ANNEX:
		return 0;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Pages                                                                */
/* ------------------------------------------------------------------ */

static void
section_geometry(struct lctx *L, int landscape)
{
	L->pw_pt = landscape ? PAGE_H_PT : PAGE_W_PT;
	L->ph_pt = landscape ? PAGE_W_PT : PAGE_H_PT;
	L->left_pt = MARGIN_LEFT_PT;
	L->right_pt = L->pw_pt - MARGIN_RIGHT_PT;
	L->top_pt = MARGIN_TOP_PT;
	L->bottom_pt = L->ph_pt - MARGIN_BOTTOM_PT;
	L->width_pt = L->right_pt - L->left_pt;
	L->nrows = 0;
	L->nvx = 0;
	L->ntables = 0;
	L->next_keep = L->next_force = 0;
	L->next_before = 0;
}

/* Height of the header rows of table t (1-based). */
static double
header_h(const struct lctx *L, int t)
{
	const struct ltable	*tb = &L->tables[t - 1];
	double			 h = 0;
	size_t			 i;

	for (i = tb->hdr0; i < tb->hdr1; i++)
		h += L->rows[i].h_pt;
	return h;
}

/* Copy the items of row r whose x is in [xlo, xhi) to the page at y. */
static void
emit_items(struct lctx *L, size_t r, double y, double xlo, double xhi)
{
	const struct vrow	*v = &L->rows[r];
	size_t			 i;

	for (i = v->i0; i < v->i1; i++) {
		const struct dl_item	*it = &L->tmp->v[i];
		struct dl_item		*o;

		if (it->x_pt < xlo || it->x_pt >= xhi)
			continue;
		o = dl_add(L->out, it->kind, it->x_pt, it->y_pt + y, it->x2_pt,
		    it->kind == DL_RULE ? it->y2_pt + y : it->y2_pt,
		    it->size_pt, it->face, it->text,
		    it->text ? strlen(it->text) : 0);
		if (o != NULL)
			o->grey = it->grey;
	}
}

/* The grid of table slice r at y: its vertical lines, a rule on top
 * when a row starts there (or the page does), one at the bottom when the
 * table stops there (or the page does). */
static void
emit_grid(struct lctx *L, size_t r, double y, int first, int last)
{
	const struct vrow	*v = &L->rows[r];
	const struct ltable	*tb = &L->tables[v->table - 1];
	size_t			 i;

	for (i = 0; i < v->nvx; i++)
		dl_add(L->out, DL_RULE, L->vx[v->vx0 + i], y, L->vx[v->vx0 + i],
		    y + v->h_pt, RULE_PT, 0, NULL, 0);
	if (v->top_rule || first)
		dl_add(L->out, DL_RULE, tb->x0_pt, y, tb->x1_pt, y, RULE_PT, 0,
		    NULL, 0);
	if (last)
		dl_add(L->out, DL_RULE, tb->x0_pt, y + v->h_pt, tb->x1_pt,
		    y + v->h_pt, RULE_PT, 0, NULL, 0);
}

/* A row placed on the page. */
struct placed {
	size_t	 r;   /* index in L->rows */
	double	 y;   /* its top on the page, pt */
};

/*
 * Emit placed rows p[0..n).  The slices of one table row are emitted cell
 * by cell, so a PDF's text comes out in reading order (each cell whole,
 * then the next), not line by line across the cells.
 */
static void
emit_placed(struct lctx *L, const struct placed *p, size_t n)
{
	size_t i = 0, j, k, c;

	while (i < n) {
		const struct vrow *v = &L->rows[p[i].r];

		if (!v->table) {
			emit_items(L, p[i].r, p[i].y, -1e9, 1e9);
			i++;
			continue;
		}
		/* The slices of this table row on this page: [i, j). */
		for (j = i + 1; j < n && L->rows[p[j].r].table == v->table &&
		    !L->rows[p[j].r].top_rule &&
		    L->rows[p[j].r].header == v->header; j++)
			;
		for (c = 0; c + 1 < v->nvx; c++)
			for (k = i; k < j; k++)
				emit_items(L, p[k].r, p[k].y,
				    L->vx[v->vx0 + c], L->vx[v->vx0 + c + 1]);
		for (k = i; k < j; k++) {
			int first = k == 0 || L->rows[p[k - 1].r].table !=
			    v->table;
			int last = k + 1 == n || L->rows[p[k + 1].r].table !=
			    v->table;

			emit_grid(L, p[k].r, p[k].y, first, last);
		}
		i = j;
	}
}

/* Emit rows [s, e) as one page, numbered `number` (0: no number). */
static void
emit_page(struct lctx *L, size_t s, size_t e, int number)
{
	struct placed	*p;
	size_t		 n = 0, r, cap;
	double		 y = L->top_pt;
	char		 num[16];

	dl_add(L->out, DL_PAGE, 0, 0, L->pw_pt, L->ph_pt, 0, 0, NULL, 0);
	if (number > 0) {
		double w;

		snprintf(num, sizeof(num), "%d", number);
		w = layout_width(L->lf, DOC_REGULAR, BODY_PT, num, strlen(num));
		dl_add(L->out, DL_TEXT, L->left_pt + (L->width_pt - w) / 2,
		    L->top_pt - 20, 0, 0, BODY_PT, DOC_REGULAR, num,
		    strlen(num));
	}
	cap = e - s;
	if (s < e && L->rows[s].table)
		cap += L->tables[L->rows[s].table - 1].hdr1 -
		    L->tables[L->rows[s].table - 1].hdr0;
	if ((p = calloc(cap ? cap : 1, sizeof(*p))) == NULL)
		return;
	/* A table continued from the previous page: its header again. */
	if (s < e && L->rows[s].table && !L->rows[s].header && s > 0 &&
	    L->rows[s - 1].table == L->rows[s].table) {
		const struct ltable *tb = &L->tables[L->rows[s].table - 1];

		for (r = tb->hdr0; r < tb->hdr1; r++) {
			p[n].r = r;
			p[n++].y = y;
			y += L->rows[r].h_pt;
		}
	}
	for (r = s; r < e; r++) {
		if (r > s)
			y += L->rows[r].before_pt;
		p[n].r = r;
		p[n++].y = y;
		y += L->rows[r].h_pt;
	}
	emit_placed(L, p, n);
	free(p);
}

/*
 * Cut the rows into pages: fill each page; when a row does not fit, break
 * before the last row at or before it that allows a break (keep == 0).
 * number_from: the first page that carries a number (2 for the main
 * part and for annexes).
 */
static void
paginate(struct lctx *L)
{
	size_t	 s = 0, r, e;
	double	 avail = L->bottom_pt - L->top_pt;
	int	 page = 0;

	while (s < L->nrows) {
		double y = 0;

		page++;
		if (L->rows[s].table && !L->rows[s].header && s > 0 &&
		    L->rows[s - 1].table == L->rows[s].table)
			y = header_h(L, L->rows[s].table);
		e = L->nrows;
		for (r = s; r < L->nrows; r++) {
			double h = L->rows[r].h_pt +
			    (r == s ? 0 : L->rows[r].before_pt);

			if (r > s && L->rows[r].force) {
				e = r;
				break;
			}
			if (r > s && y + h > avail + 0.01) {
				size_t k = r;

				while (k > s && L->rows[k].keep)
					k--;
				e = k > s ? k : r;
				break;
			}
			y += h;
		}
		emit_page(L, s, e, page >= 2 ? page : 0);
		s = e;
	}
}

struct dl *
layout_run(const struct doc *doc, const struct layout_font *lf,
    struct diag *d)
{
	struct lctx	 L;
	size_t		 i;
	int		 errs = diag_errors(d), signed_ = 0;

	memset(&L, 0, sizeof(L));
	L.doc = doc;
	L.lf = lf;
	L.d = d;
	if ((L.tmp = dl_new()) == NULL || (L.out = dl_new()) == NULL)
		goto fail;
	section_geometry(&L, 0);
	if (lay_letterhead(&L) == -1)
		goto fail;
	for (i = 0; i < doc->nblocks; i++) {
		const struct doc_block *b = &doc->blocks[i];

		if (b->type == DOC_ANNEX) {
			if (!signed_ && lay_signature(&L) == -1)
				goto fail;
			signed_ = 1;
			paginate(&L);
			section_geometry(&L, b->landscape);
			continue;
		}
		if (lay_block(&L, b) == -1)
			goto fail;
	}
	if (!signed_ && lay_signature(&L) == -1)
		goto fail;
	paginate(&L);
	if (diag_errors(d) > errs)
		goto fail;
	if ((L.out->title = strdup(doc->meta.trich_yeu)) != NULL)
		for (char *q = L.out->title; *q != '\0'; q++)
			if (*q == '\n')
				*q = ' ';   /* a line break of the trích yếu */
	{
		size_t	 n = 0, k;
		char	*a;

		for (k = 0; k < doc->meta.co_quan.n; k++)
			n += strlen(doc->meta.co_quan.v[k]) + 1;
		if ((a = malloc(n + 1)) != NULL) {
			a[0] = '\0';
			for (k = 0; k < doc->meta.co_quan.n; k++) {
				if (k)
					strcat(a, " ");
				strcat(a, doc->meta.co_quan.v[k]);
			}
		}
		L.out->author = a;
	}
	L.out->subject = strdup(doc->meta.loai);
	dl_free(L.tmp);
	free(L.rows);
	free(L.vx);
	free(L.tables);
	return L.out;
fail:
	if (diag_errors(d) == errs)   /* nothing said why: memory */
		diag_add(d, DIAG_ERROR, doc->name, 0, 0, "out of memory "
		    "while laying out the document");
	dl_free(L.tmp);
	dl_free(L.out);
	free(L.rows);
	free(L.vx);
	free(L.tables);
	return NULL;
}
