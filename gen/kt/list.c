/*
 * list.c - the nominee list (danh sách đề nghị khen thưởng): every row
 * checked against the award-form table (a form named, valid on the
 * decision's date, the kind, a row repeated), every problem reported
 * with its CSV line.  The columns are found by heads.c, the rows that
 * hold no nominee told apart by rowkind.c.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "kt/list_int.h"

/* How far the value (f: its csvt_fold, g: its kt_form_fold) is from the
 * nearest spelling of form fm valid on date: 3 × edits − length, the
 * smaller of the two folds (a short f, an abbreviation, only spelled
 * out); a typo scores at most 2. */
static long
kt_form_distance(const struct kt_form *fm, const char *f, const char *g,
    vb_date date)
{
	long		 best = LONG_MAX, sc;
	size_t		 j, lf = strlen(f), lg = strlen(g);
	const char	*name;
	char		*x, *y;

	for (j = 0; j < fm->nalias + 2; j++) {
		if (j >= 2 && fm->alias_until[j - 2] != 0 &&
		    date > fm->alias_until[j - 2])
			continue;
		name = j == 0 ? fm->ma : j == 1 ? fm->ten : fm->alias[j - 2];
		x = csvt_fold(name);
		y = kt_form_fold(name);
		if (x != NULL && lf >= 6 && (sc = 3 *
		    (long)vb_edit_distance(f, x) - (long)lf) < best)
			best = sc;
		if (y != NULL && (sc = 3 * (long)vb_edit_distance(g, y) -
		    (long)lg) < best)
			best = sc;
		free(x);
		free(y);
	}
	return best;
}

/* Report an unknown form, listing the known ones and the nearest. */
static void
kt_unknown_form(const struct kt_data *kd, const char *file,
    const struct csvt_row *r, int col, const char *value, vb_date date,
    struct diag *d)
{
	struct vbuf	 known = { NULL, 0, 0, 0 };
	char		*f = csvt_fold(value), *g = kt_form_fold(value);
	size_t		 i, bi = 0;
	long		 best = LONG_MAX, dist;

	for (i = 0; i < kd->nforms; i++) {
		const struct kt_form *fm = &kd->forms[i];

		/* Offer only the forms that exist on the decision's date. */
		if ((fm->from != 0 && date < fm->from) ||
		    (fm->until != 0 && date > fm->until))
			continue;
		vbuf_printf(&known, "%s%s (%s)", known.len ? ", " : "",
		    kd->forms[i].ten, kd->forms[i].ma);
		if (f != NULL && g != NULL && (dist = kt_form_distance(
		    &kd->forms[i], f, g, date)) < best) {
			best = dist;
			bi = i;
		}
	}
	/* Suggest only what is plausibly a typo: at most a third of it.
	 * Money is never guessed: the row stays an error. */
	if (f != NULL && best <= 2)
		diag_add(d, DIAG_ERROR, file, r->line, col + 1,
		    "unknown award form \"%s\"; did you mean \"%s\"? If it is "
		    "another name of that form, add it to the bi_danh column "
		    "of templates/khen-thuong/hinh-thuc.csv. Known forms: %s",
		    value, kd->forms[bi].ten, known.s ? known.s : "");
	else
		diag_add(d, DIAG_ERROR, file, r->line, col + 1,
		    "unknown award form \"%s\"; known forms: %s", value,
		    known.s ? known.s : "");
	free(known.s);
	free(f);
	free(g);
}

/* Parse doi_tuong; -1 when it is neither kind. */
static int
kt_kind_parse(const char *s)
{
	char	*f = csvt_fold(s);
	int	 k = -1;

	if (f == NULL)
		return -1;
	if (strcmp(f, "canhan") == 0 || strcmp(f, "cn") == 0)
		k = KT_CA_NHAN;
	else if (strcmp(f, "tapthe") == 0 || strcmp(f, "tt") == 0)
		k = KT_TAP_THE;
	free(f);
	return k;
}

/* A copy of s with line breaks (from quoted CSV fields) as spaces. */
static char *
kt_oneline(const char *s)
{
	char *p = strdup(s), *q;

	if (p != NULL)
		for (q = p; *q != '\0'; q++)
			if (*q == '\n' || *q == '\t')
				*q = ' ';
	return p;
}

/* Duplicate detection: a folded key per row, sorted. */
struct kt_dupkey {
	char	*key;    /* kind, form, folded name and unit */
	size_t	 row;    /* index into the list */
};

static int
kt_dupkey_cmp(const void *a, const void *b)
{
	const struct kt_dupkey	*x = a, *y = b;
	int			 c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return (x->row > y->row) - (x->row < y->row);
}

/* Report each row that repeats an earlier one for the same form: an
 * error naming both lines, or a warning when allowed (--cho-trung). */
static int
kt_check_duplicates(const struct kt_data *kd, struct kt_list *l,
    int allow, struct diag *d)
{
	struct kt_dupkey	*k;
	size_t			 i, first = 0, *dup_of;
	int			 rc = VB_OK;

	if (l->n < 2)
		return VB_OK;
	k = calloc(l->n, sizeof(*k));
	dup_of = calloc(l->n, sizeof(*dup_of));
	if (k == NULL || dup_of == NULL) {
		free(k);
		free(dup_of);
		return VB_ESYS;
	}
	for (i = 0; i < l->n && rc == VB_OK; i++) {
		char *fn = csvt_fold(l->rows[i].ho_ten);
		char *fu = csvt_fold(l->rows[i].don_vi);

		k[i].row = i;
		if (fn == NULL || fu == NULL || asprintf(&k[i].key,
		    "%d|%d|%s|%s", (int)l->rows[i].kind, l->rows[i].form,
		    fn, fu) < 0) {
			k[i].key = NULL;
			rc = VB_ESYS;
		}
		free(fn);
		free(fu);
	}
	if (rc == VB_OK) {
		qsort(k, l->n, sizeof(*k), kt_dupkey_cmp);
		for (i = 0; i < l->n; i++) {
			if (i == 0 || strcmp(k[i].key, k[i - 1].key) != 0)
				first = k[i].row;
			else
				dup_of[k[i].row] = first + 1;
		}
		for (i = 0; i < l->n; i++)
			if (dup_of[i] != 0 && allow)
				diag_add(d, DIAG_WARNING, l->name,
				    l->rows[i].line, 0,
				    "\"%s\" (%s) is proposed for \"%s\" "
				    "twice (lines %d and %d); both are kept "
				    "(--cho-trung)",
				    l->rows[i].ho_ten, l->rows[i].don_vi,
				    kd->forms[l->rows[i].form].ten,
				    l->rows[dup_of[i] - 1].line,
				    l->rows[i].line);
			else if (dup_of[i] != 0)
				diag_add(d, DIAG_ERROR, l->name,
				    l->rows[i].line, 0,
				    "\"%s\" (%s) is proposed for \"%s\" "
				    "twice, at lines %d and %d, and would be "
				    "awarded and paid twice: remove one line, "
				    "or give --cho-trung if both are meant",
				    l->rows[i].ho_ten, l->rows[i].don_vi,
				    kd->forms[l->rows[i].form].ten,
				    l->rows[dup_of[i] - 1].line,
				    l->rows[i].line);
	}
	for (i = 0; i < l->n; i++)
		free(k[i].key);
	free(k);
	free(dup_of);
	return rc;
}

/* A form named for a decision date it is not valid on: why, at the
 * row's line. */
static void
kt_form_expired(const struct kt_data *kd, const char *file,
    const struct csvt_row *r, int col, const char *value, int form,
    vb_date from, vb_date until, vb_date date, struct diag *d)
{
	const struct kt_form	*fm = &kd->forms[form];
	vb_date			 x = from ? from : until;

	diag_add(d, DIAG_ERROR, file, r->line, col + 1, "\"%s\" cannot be "
	    "given by a decision dated %04ld-%02ld-%02ld: it applies %s "
	    "%04ld-%02ld-%02ld%s%s%s", value, date / 10000, date / 100 % 100,
	    date % 100, from ? "from" : "until", x / 10000, x / 100 % 100,
	    x % 100, *fm->het_han ? " (" : "", fm->het_han,
	    *fm->het_han ? ")" : "");
}

/* Words that start a unit's name (Sở Nội vụ, Trường THCS …), as
 * written: a combined "chức vụ, đơn vị" is split before one. */
static const char *const kt_unit_words[] = {
	"Sở", "Phòng", "Ban", "Văn phòng", "Ủy ban", "Uỷ ban", "UBND",
	"Trường", "Bệnh viện", "Trung tâm", "Công ty", "Tổng công ty", "Hội",
	"Cục", "Chi cục", "Viện", "Học viện", "Báo", "Đài", "Kho bạc",
	"Ngân hàng", "Thanh tra", "Bộ", "Đảng ủy", "Đảng uỷ", "Đảng bộ",
	"Huyện ủy", "Huyện uỷ", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thị ủy",
	"Công an", "Liên đoàn", "Liên minh", "Tỉnh đoàn", "Đoàn", "Khoa",
	"Trạm", "Hạt", "Đội", "Chi nhánh", "Mặt trận", "Hợp tác xã", "Tòa án",
	"Toà án", "Bảo hiểm xã hội", "BHXH", "Đại học", "Nhà máy",
	"Xí nghiệp", "Tạp chí", "Thư viện", "Bảo tàng", "Nhà văn hóa",
	"Đồn", "Lữ đoàn", "Trung đoàn", "Sư đoàn", "Quân khu", "Cơ quan",
	NULL
};

/*
 * Split a combined "chức vụ, đơn vị" value at the first ", " followed
 * by a unit word written as above, capital included and ending a word
 * ("Trưởng phòng Tổ chức, Sở Nội vụ"; "Giáo viên, tổ trưởng tổ Toán,
 * Trường THCS Him Lam" at the second).  A position lower-cased after a
 * comma, or an area ("…, huyện Điện Biên"), is not a unit word.  Without
 * such a comma the whole value is the unit and *cv is "": the annex
 * prints a position and its unit as "position, unit", so either way it
 * prints the value as written.  *cv and *dv malloc'd.
 */
static int
kt_split_cv_dv(const char *s, char **cv, char **dv)
{
	const char	*p;
	size_t		 i, n;

	for (p = strstr(s, ", "); p != NULL; p = strstr(p + 1, ", "))
		for (i = 0; kt_unit_words[i] != NULL; i++) {
			n = strlen(kt_unit_words[i]);
			if (strncmp(p + 2, kt_unit_words[i], n) == 0 &&
			    (p[2 + n] == ' ' || p[2 + n] == '\0') && p > s) {
				*cv = strndup(s, (size_t)(p - s));
				*dv = strdup(p + 2);
				goto done;
			}
		}
	*cv = strdup("");
	*dv = strdup(s);
done:
	if (*cv == NULL || *dv == NULL) {
		free(*cv);
		free(*dv);
		*cv = *dv = NULL;
		return VB_ESYS;
	}
	return VB_OK;
}

/* Field c of row r, "" when absent. */
const char *
kt_cell(const struct kt_lt *x, const struct csvt_row *r, int c)
{
	int i = x->col[c];

	return (i >= 0 && (size_t)i < r->nfields) ? r->fields[i] : "";
}

/* The value of the position and unit columns as the row gives them. */
static int
kt_row_cv_dv(const struct kt_lt *x, const struct csvt_row *r, int kind,
    char **cv, char **dv)
{
	char	*one;
	int	 rc;

	if (x->col[COL_DON_VI] >= 0 || x->col[COL_CV_DV] < 0) {
		*cv = kt_oneline(kt_cell(x, r, COL_CHUC_VU));
		*dv = kt_oneline(kt_cell(x, r, COL_DON_VI));
	} else if ((one = kt_oneline(kt_cell(x, r, COL_CV_DV))) == NULL) {
		*cv = *dv = NULL;
	} else {
		/* A collective's cell is its unit: never split. */
		if (kind == KT_TAP_THE) {
			*cv = strdup("");
			*dv = strdup(one);
		} else if ((rc = kt_split_cv_dv(one, cv, dv)) != VB_OK)
			*cv = *dv = NULL;
		free(one);
	}
	if (*cv == NULL || *dv == NULL) {
		free(*cv);
		free(*dv);
		return VB_ESYS;
	}
	return VB_OK;
}

/* The row's kind: its doi_tuong cell, else the group row's; -1 (and
 * an error) when neither says. */
static int
kt_row_kind(const struct kt_lt *x, const struct csvt_row *r,
    struct diag *d)
{
	const char	*v = kt_cell(x, r, COL_DOI_TUONG);
	int		 kind;

	if (*v == '\0' && x->group >= 0)
		return x->group;
	if (x->col[COL_DOI_TUONG] < 0) {
		diag_add(d, DIAG_ERROR, x->t->name, r->line, 0,
		    "\"%s\" is not marked as cá nhân or tập thể: the list "
		    "has no column \"%s\" and no group row such as "
		    "\"I. TẬP THỂ\" or \"II. CÁ NHÂN\" above it",
		    kt_cell(x, r, COL_HO_TEN), x->hd[COL_DOI_TUONG]);
		return -1;
	}
	if ((kind = kt_kind_parse(v)) < 0)
		diag_add(d, DIAG_ERROR, x->t->name, r->line,
		    x->col[COL_DOI_TUONG] + 1,
		    "\"%s\" in column \"%s\" must be \"cá nhân\" or "
		    "\"tập thể\"", v, x->hd[COL_DOI_TUONG]);
	return kind;
}

/* Check one nominee row and append it to l; problems go to d. */
static int
kt_list_row(const struct kt_lt *x, const struct csvt_row *r,
    struct kt_list *l, struct diag *d)
{
	const struct kt_data	*kd = x->kd;
	const char		*file = x->t->name;
	const char		*name = kt_cell(x, r, COL_HO_TEN);
	const char		*hinh = kt_cell(x, r, COL_HINH_THUC);
	int			 ch = x->col[COL_HINH_THUC] + 1;
	int			 cu = x->col[COL_DON_VI] >= 0 ?
				    x->col[COL_DON_VI] : x->col[COL_CV_DV];
	int			 kind, form, bad = 0;
	vb_date			 from, until;
	struct kt_nominee	*n = &l->rows[l->n];
	char			*cv, *dv;

	kind = kt_row_kind(x, r, d);
	bad = kind < 0;
	if (*name == '\0') {
		diag_add(d, DIAG_ERROR, file, r->line, x->col[COL_HO_TEN] + 1,
		    "empty name (column \"%s\")", x->hd[COL_HO_TEN]);
		bad = 1;
	}
	if (*kt_cell(x, r, cu == x->col[COL_DON_VI] ? COL_DON_VI : COL_CV_DV)
	    == '\0') {
		diag_add(d, DIAG_ERROR, file, r->line, cu + 1,
		    "empty unit (column \"%s\")", x->col[COL_DON_VI] >= 0 ?
		    x->hd[COL_DON_VI] : x->hd[COL_CV_DV]);
		bad = 1;
	}
	if (kt_form_on(kd, hinh, x->date, &form, &from, &until) == -2) {
		kt_form_expired(kd, file, r, ch - 1, hinh, form, from, until,
		    x->date, d);
		bad = 1;
	} else if (form < 0) {
		if (*hinh == '\0')
			diag_add(d, DIAG_ERROR, file, r->line, ch,
			    "empty award form (column \"%s\")",
			    x->hd[COL_HINH_THUC]);
		else
			kt_unknown_form(kd, file, r, ch - 1, hinh, x->date, d);
		bad = 1;
	} else if (kind >= 0 && kd->forms[form].he_so[kind] < 0) {
		diag_add(d, DIAG_ERROR, file, r->line, ch,
		    "\"%s\" is awarded to %s only, not to %s \"%s\"",
		    kd->forms[form].ten,
		    kind == KT_CA_NHAN ? "collectives (tập thể)" :
		    "individuals (cá nhân)",
		    kind == KT_CA_NHAN ? "the individual" : "the collective",
		    name);
		bad = 1;
	}
	if (bad)
		return VB_OK;
	if (kt_row_cv_dv(x, r, kind, &cv, &dv) != VB_OK)
		return VB_ESYS;
	memset(n, 0, sizeof(*n));
	n->kind = (enum kt_kind)kind;
	n->form = form;
	n->line = r->line;
	n->order = l->n;
	n->ho_ten = kt_oneline(name);
	n->chuc_vu = cv;
	n->don_vi = dv;
	n->thanh_tich = kt_oneline(kt_cell(x, r, COL_THANH_TICH));
	n->danh_xung = kt_oneline(kt_cell(x, r, COL_DANH_XUNG));
	l->n++;
	if (!n->ho_ten || !n->thanh_tich || !n->danh_xung)
		return VB_ESYS;
	return VB_OK;
}

/* Whether the nominee row r has the header's width (cells beyond it
 * empty); else an error. */
static int
kt_width_ok(const struct kt_lt *x, const struct csvt_row *r,
    struct diag *d)
{
	size_t n = r->nfields;

	if (!x->check_width)
		return 1;
	while (n > x->width && *r->fields[n - 1] == '\0')
		n--;
	if (n == x->width)
		return 1;
	diag_add(d, DIAG_ERROR, x->t->name, r->line, 1,
	    "row has %zu field%s, the header has %zu", n, n == 1 ? "" : "s",
	    x->width);
	return 0;
}

/* Whether the list has no kind column and no group row: one error. */
static int
kt_kinds_missing(struct kt_lt *x, size_t hdr, struct diag *d)
{
	size_t i;

	if (x->col[COL_DOI_TUONG] >= 0)
		return 0;
	for (i = hdr + 1; i < x->t->nrows; i++)
		if (*kt_cell(x, &x->t->rows[i], COL_HINH_THUC) == '\0' &&
		    kt_group_of(x, &x->t->rows[i]) >= 0)
			return 0;
	diag_add(d, DIAG_ERROR, x->t->name, x->t->rows[hdr].line, 0,
	    "missing column \"%s\" (cá nhân or tập thể), and no group row "
	    "such as \"I. TẬP THỂ\" or \"II. CÁ NHÂN\" gives the kind of the "
	    "rows below it", kt_col_names[COL_DOI_TUONG][1]);
	return 1;
}

/* Check the rows below the header; rows holding no nominee are
 * counted in *skipped (the first at *skip_line). */
static int
kt_list_rows(struct kt_lt *x, size_t hdr, struct kt_list *l,
    size_t *skipped, int *skip_line, struct diag *d)
{
	const struct csvt_row	*r;
	size_t			 i;
	int			 g, rc = VB_OK, skip;

	for (i = hdr + 1; i < x->t->nrows && rc == VB_OK; i++) {
		r = &x->t->rows[i];
		if (i == hdr + 1 && kt_colnum_row(r))
			continue;
		skip = 0;
		if (*kt_cell(x, r, COL_HINH_THUC) == '\0') {
			if ((g = kt_group_of(x, r)) >= 0) {
				x->group = g;
				x->footer = 0;
				continue;
			}
			skip = g == -1 || kt_empty_row(x, r) || x->footer ||
			    (x->footer = kt_footer_row(x, r));
		} else if (x->footer)	/* the signers' names under it */
			skip = !kt_after_footer(x, r);
		else
			skip = x->footer = kt_footer_row(x, r);
		if (skip) {
			if ((*skipped)++ == 0)
				*skip_line = r->line;
		} else if (kt_width_ok(x, r, d))
			rc = kt_list_row(x, r, l, d);
	}
	return rc;
}

int
kt_list_table(const struct csvt *t, const struct kt_data *kd,
    const struct kt_list_opt *lo, int check_width, struct diag *d,
    struct kt_list **out)
{
	struct kt_heads	 h;
	struct kt_lt	 x;
	struct kt_list	*l;
	int		 hdr, rc, errs = diag_errors(d), skip_line = 0;
	size_t		 skipped = 0;

	*out = NULL;
	memset(&x, 0, sizeof(x));
	x.kd = kd;
	x.t = t;
	x.check_width = check_width;
	x.group = -1;
	x.date = lo->ngay;
	if ((rc = kt_heads_load(kd, &h, d)) == VB_OK && t->nrows > 0 &&
	    (hdr = kt_find_header(&h, &x, d)) >= 0) {
		kt_name_columns(&x, &t->rows[hdr]);
		if (kt_kinds_missing(&x, (size_t)hdr, d))
			hdr = -1;
	} else
		hdr = -1;
	kt_heads_free(&h);
	if (rc != VB_OK || hdr < 0)
		return rc != VB_OK ? rc : VB_EINPUT;
	if ((l = calloc(1, sizeof(*l))) == NULL ||
	    (l->name = strdup(t->name)) == NULL ||
	    (l->rows = calloc(t->nrows, sizeof(*l->rows))) == NULL) {
		kt_list_free(l);
		return VB_ESYS;
	}
	l->has_thanh_tich = x.col[COL_THANH_TICH] >= 0;
	rc = kt_list_rows(&x, (size_t)hdr, l, &skipped, &skip_line, d);
	if (rc == VB_OK && skipped > 0)
		diag_add(d, DIAG_WARNING, t->name, skip_line, 0, vb_ntr(
		    "%zu row below the header holds no nominee and was "
		    "skipped (a numbered empty row, a section title, a total "
		    "or a signature)",
		    "%zu rows below the header hold no nominee and were "
		    "skipped (numbered empty rows, section titles, totals, "
		    "signatures), the first at this line", skipped), skipped);
	if (rc == VB_OK && l->n == 0 && diag_errors(d) == errs)
		diag_add(d, DIAG_ERROR, t->name, 0, 0,
		    "no nominees in the list");
	if (rc == VB_OK)
		rc = kt_check_duplicates(kd, l, lo->cho_trung, d);
	if (rc == VB_OK && diag_errors(d) > errs)
		rc = VB_EINPUT;
	if (rc != VB_OK) {
		kt_list_free(l);
		return rc;
	}
	*out = l;
	return VB_OK;
}

int
kt_list_parse(const char *name, const char *text, size_t len,
    const struct kt_data *kd, const struct kt_list_opt *lo, struct diag *d,
    struct kt_list **out)
{
	struct csvt	*t = NULL;
	int		 rc, errs = diag_errors(d);

	*out = NULL;
	/* Title rows above the header are kept: the header is found by
	 * its headings.  Bad quoting leaves a row out, and the others are
	 * still checked in the same run. */
	rc = csvt_parse_rows(name, text, len, 0, 0, d, &t);
	if (t == NULL)
		return rc;
	rc = kt_list_table(t, kd, lo, 1, d, out);
	csvt_free(t);
	if (rc == VB_OK && diag_errors(d) > errs) {
		kt_list_free(*out);
		*out = NULL;
		rc = VB_EINPUT;
	}
	return rc;
}

void
kt_list_free(struct kt_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->rows[i].ho_ten);
		free(l->rows[i].chuc_vu);
		free(l->rows[i].don_vi);
		free(l->rows[i].thanh_tich);
		free(l->rows[i].danh_xung);
	}
	free(l->rows);
	free(l->name);
	free(l);
}
