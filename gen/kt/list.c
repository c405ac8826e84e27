/*
 * kt_list.c - the nominee list (danh sách đề nghị khen thưởng): columns
 * matched by key or Vietnamese heading, every row checked against the
 * award-form table, every problem reported with its CSV line.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <utf8proc.h>

#include "kt/kt.h"

enum {
	COL_DOI_TUONG, COL_HO_TEN, COL_CHUC_VU, COL_DON_VI, COL_CV_DV,
	COL_HINH_THUC, COL_THANH_TICH, COL_STT, COL_DANH_XUNG, NCOL
};

/* Built-in headings per column (compared folded); the first is the key,
 * the second the heading messages name.  templates/khen-thuong/
 * tieu-de.csv adds more. */
static const char *const kt_col_names[NCOL][8] = {
	{ "doi_tuong", "Đối tượng", "Loại đối tượng", "Cá nhân/Tập thể",
	    NULL },
	{ "ho_ten", "Họ và tên", "Họ và tên / Tên tập thể", "Tên tập thể",
	    "Họ tên", "Tên tập thể, cá nhân", "Tên cá nhân, tập thể", NULL },
	{ "chuc_vu", "Chức vụ", "Chức danh", NULL },
	{ "don_vi", "Đơn vị", "Đơn vị công tác", "Cơ quan, đơn vị", NULL },
	{ "chuc_vu_don_vi", "Chức vụ, đơn vị", "Chức vụ, đơn vị công tác",
	    NULL },
	{ "hinh_thuc", "Hình thức khen thưởng", "Hình thức",
	    "Danh hiệu", "Hình thức, danh hiệu", "Danh hiệu thi đua", NULL },
	{ "thanh_tich", "Thành tích", "Thành tích đạt được", NULL },
	{ "stt", "STT", "TT", "Số TT", "Số thứ tự", NULL },
	{ "danh_xung", "Danh xưng", "Ông/Bà", "Giới tính", NULL },
};
static const int kt_col_required[NCOL] = { 1, 1, 0, 1, 0, 1, 0, 0, 0 };
#define KT_HEADINGS	"tieu-de.csv"

/* The headings of every column, folded: built-in and tieu-de.csv. */
struct kt_heads {
	char	**f[NCOL];     /* folded headings */
	size_t	  n[NCOL];     /* in f */
	size_t	  cap[NCOL];   /* allocated */
};

char *
kt_list_help(void)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	int		 i, j;
	const char	*what[NCOL] = {
		vb_tr("cá nhân or tập thể"),
		vb_tr("the person's or the collective's name"),
		vb_tr("the person's position (may be empty)"),
		vb_tr("the unit"),
		vb_tr("position and unit in one column instead of chuc_vu and "
		    "don_vi"),
		vb_tr("the award form: a name or code of hinh-thuc.csv"),
		vb_tr("the achievement, printed in the annex"),
		vb_tr("the row number"),
		vb_tr("Ông or Bà (Nam, Nữ) before the name on a certificate"),
	};

	for (i = 0; i < NCOL; i++) {
		vbuf_printf(&b, vb_tr("  %-11s %s, %s; headings:"),
		    kt_col_names[i][0], kt_col_required[i] ? vb_tr("required") :
		    vb_tr("optional"), what[i]);
		for (j = 1; kt_col_names[i][j] != NULL; j++)
			vbuf_printf(&b, "%s \"%s\"", j > 1 ? "," : "",
			    kt_col_names[i][j]);
		vbuf_puts(&b, "\n");
	}
	vbuf_printf(&b, vb_tr("More headings: khen-thuong/%s of the "
	    "templates.\n"), KT_HEADINGS);
	vbuf_puts(&b, vb_tr(
	    "Rows above the header (titles) are skipped; the header is the\n"
	    "first row naming ho_ten, hinh_thuc and don_vi (or "
	    "chuc_vu_don_vi).\n"
	    "A row \"I. TẬP THỂ\" or \"II. CÁ NHÂN\" gives the kind of the "
	    "rows\n"
	    "below it (then doi_tuong may be left out).  Rows with only a\n"
	    "number, totals and signatures below the table are skipped, with\n"
	    "a warning.  chuc_vu_don_vi is split at the first \", \" followed\n"
	    "by a unit word (Sở, Phòng, Trường, ...); else it is the unit.\n"));
	return vbuf_take(&b);
}

/* Add the fold of heading s to column c. */
static int
kt_heads_add(struct kt_heads *h, int c, const char *s)
{
	char *f;

	if (vb_grow((void **)&h->f[c], &h->cap[c], h->n[c] + 1,
	    sizeof(*h->f[c])) != 0 || (f = csvt_fold(s)) == NULL)
		return VB_ESYS;
	h->f[c][h->n[c]++] = f;
	return VB_OK;
}

static void
kt_heads_free(struct kt_heads *h)
{
	size_t	c, i;

	for (c = 0; c < NCOL; c++) {
		for (i = 0; i < h->n[c]; i++)
			free(h->f[c][i]);
		free(h->f[c]);
	}
}

/* Add the rows of tieu-de.csv (cot = a column key, tieu_de = a
 * heading) to h; the file is optional. */
static int
kt_heads_file(const struct kt_data *kd, struct kt_heads *h, struct diag *d)
{
	static const char *const kcot[] = { "cot", NULL };
	static const char *const ktd[] = { "tieu_de", NULL };
	struct csvt	*t = NULL;
	char		*path, *text;
	size_t		 len, r;
	int		 rc, cc, ct, c;

	if (asprintf(&path, "%s/" KT_HEADINGS, kd->dir) < 0)
		return VB_ESYS;
	if (access(path, F_OK) != 0) {
		free(path);
		return VB_OK;
	}
	if ((rc = text_read_file(path, TEXT_ENC_AUTO, d, &text, &len)) ==
	    VB_OK) {
		rc = csvt_parse(path, text, len, 0, 0, d, &t);
		free(text);
	}
	free(path);
	if (rc != VB_OK)
		return rc;
	cc = csvt_column(t, kcot);
	ct = csvt_column(t, ktd);
	if (cc < 0 || ct < 0) {
		diag_add(d, DIAG_ERROR, t->name, t->rows[0].line, 0,
		    "missing column \"%s\"", cc < 0 ? "cot" : "tieu_de");
		rc = VB_EINPUT;
	}
	for (r = 1; r < t->nrows && rc == VB_OK; r++) {
		const struct csvt_row *row = &t->rows[r];

		for (c = 0; c < NCOL; c++)
			if (strcmp(row->fields[cc], kt_col_names[c][0]) == 0)
				break;
		if (c == NCOL) {
			diag_add(d, DIAG_ERROR, t->name, row->line, cc + 1,
			    "\"%s\" is not a column of the nominee list: "
			    "write doi_tuong, ho_ten, chuc_vu, don_vi, "
			    "chuc_vu_don_vi, hinh_thuc, thanh_tich or stt",
			    row->fields[cc]);
			continue;
		}
		if (*row->fields[ct] != '\0')
			rc = kt_heads_add(h, c, row->fields[ct]);
	}
	csvt_free(t);
	return rc;
}

/* The headings of every column: the built-in ones, then the file's. */
static int
kt_heads_load(const struct kt_data *kd, struct kt_heads *h, struct diag *d)
{
	int	c, j, rc = VB_OK;

	memset(h, 0, sizeof(*h));
	for (c = 0; c < NCOL && rc == VB_OK; c++)
		for (j = 0; kt_col_names[c][j] != NULL && rc == VB_OK; j++)
			rc = kt_heads_add(h, c, kt_col_names[c][j]);
	if (rc == VB_OK)
		rc = kt_heads_file(kd, h, d);
	return rc;
}

/* Map the cells of row r to columns (col[c]: cell index, -1 if none);
 * how many columns it names. */
static int
kt_header_map(const struct kt_heads *h, const struct csvt_row *r, int *col)
{
	size_t	i, j;
	int	c, n = 0;
	char	*f;

	for (c = 0; c < NCOL; c++)
		col[c] = -1;
	for (i = 0; i < r->nfields; i++) {
		if ((f = csvt_fold(r->fields[i])) == NULL || *f == '\0') {
			free(f);
			continue;
		}
		for (c = 0; c < NCOL; c++) {
			for (j = 0; j < h->n[c]; j++)
				if (strcmp(f, h->f[c][j]) == 0)
					break;
			if (j < h->n[c] && col[c] < 0) {
				col[c] = (int)i;
				n++;
				break;
			}
		}
		free(f);
	}
	return n;
}

/* Whether a header map has the columns a list needs (the kind may come
 * from group rows, the unit from chuc_vu_don_vi). */
static int
kt_header_ok(const int *col)
{
	return col[COL_HO_TEN] >= 0 && col[COL_HINH_THUC] >= 0 &&
	    (col[COL_DON_VI] >= 0 || col[COL_CV_DV] >= 0);
}

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

/* What the rows are checked with: the header found and the state kept
 * from row to row. */
struct kt_lt {
	const struct kt_data	*kd;
	const struct csvt	*t;
	int			 col[NCOL];  /* cell of a column, -1 */
	const char		*hd[NCOL];   /* heading messages name */
	size_t			 width;      /* header cells but empty
					      * ones at the right */
	int			 check_width; /* a row's width checked */
	int			 group;      /* kind given above, -1 */
	int			 footer;     /* below a total, signature */
	vb_date			 date;       /* the decision's */
};

/* Field c of row r, "" when absent. */
static const char *
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

/* Whether row r (just below the header) numbers the columns: "1", "2"
 * or "(1)", "(2)" in every cell that is not empty. */
static int
kt_colnum_row(const struct csvt_row *r)
{
	size_t		 i, n = 0;
	const char	*p;

	for (i = 0; i < r->nfields; i++) {
		if (*r->fields[i] == '\0')
			continue;
		for (p = r->fields[i]; *p != '\0'; p++)
			if (strchr("0123456789() .", *p) == NULL)
				return 0;
		n++;
	}
	return n >= 2;
}

/* Whether every cell of r is empty but those outside the list's columns
 * and the STT (a numbered empty row). */
static int
kt_empty_row(const struct kt_lt *x, const struct csvt_row *r)
{
	int c;

	for (c = 0; c < NCOL; c++)
		if (c != COL_STT && *kt_cell(x, r, c) != '\0')
			return 0;
	return 1;
}

/* Length of a group marker at s: a Roman numeral (vb_roman: I …
 * XXXIX) or one capital letter, then ".", ")" or a space; 0 if none. */
static size_t
kt_group_marker(const char *s)
{
	size_t n = strspn(s, "IVX");

	if (n > 0 && vb_roman(s, n) == 0)
		n = 0;

	if (n == 0 && *s >= 'A' && *s <= 'Z')
		n = 1;
	if (n == 0 || (s[n] != '.' && s[n] != ')' && s[n] != ' '))
		return 0;
	return n + 1;
}

/*
 * A row without an award form that heads a group: "I. TẬP THỂ",
 * "II. CÁ NHÂN", "A. Tập thể", "B) Cá nhân" (the marker may be alone in
 * the STT cell), "1. Tập thể" or a lone "Tập thể" / "Cá nhân": the
 * kind of the rows below it.  A row marked by a numeral or a letter
 * naming neither kind or both ("I. SỞ NỘI VỤ") heads a section: -1.
 * Not a group row: -2.
 */
static int
kt_group_row(const struct csvt_row *r)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	size_t		 i, m;
	char		*g, *f;
	int		 k = -2, tt, cn;

	for (i = 0; i < r->nfields; i++)
		if (*r->fields[i] != '\0')
			vbuf_printf(&b, "%s%s", b.len ? " " : "",
			    r->fields[i]);
	if ((g = vbuf_take(&b)) == NULL)
		return -2;
	m = kt_group_marker(g);
	/* "1. Tập thể": a number marks a group naming nothing but its kind
	 * (after it a nominee's name could follow). */
	if (m == 0 && (i = strspn(g, "0123456789")) > 0 &&
	    (g[i] == '.' || g[i] == ')'))
		m = i + 1;
	if ((f = csvt_fold(g + m)) != NULL) {
		tt = strstr(f, "tapthe") != NULL;
		cn = strstr(f, "canhan") != NULL;
		if (m > 0 && (*g < '0' || *g > '9'))
			k = tt == cn ? -1 : tt ? KT_TAP_THE : KT_CA_NHAN;
		else if (strcmp(f, "tapthe") == 0)
			k = KT_TAP_THE;
		else if (strcmp(f, "canhan") == 0)
			k = KT_CA_NHAN;
	}
	free(f);
	free(g);
	return k;
}

/* kt_group_row of a row without an award form, when it names no unit
 * either (a nominee whose form was left out stays an error). */
static int
kt_group_of(const struct kt_lt *x, const struct csvt_row *r)
{
	if (*kt_cell(x, r, COL_DON_VI) != '\0' ||
	    *kt_cell(x, r, COL_CV_DV) != '\0')
		return -2;
	return kt_group_row(r);
}

/* Whether a cell starts the footer under the table: a total, the
 * preparer, a signature, the place and date, a signing authority. */
static int
kt_footer_cell(const char *s)
{
	static const char *const starts[] = {
		"tongcong", "tongso", "nguoilap", "nguoiky",
		"thutruong", "xacnhan", "kyten", "kyghi", "kydongdau", NULL
	};
	static const char *const marks[] = {
		"TM.", "T/M", "KT.", "TL.", "Q.", "TUQ.", NULL
	};
	char	*f = csvt_fold(s);
	int	 hit = 0, i;

	if (f == NULL)
		return 0;
	for (i = 0; starts[i] != NULL && !hit; i++)
		hit = strncmp(f, starts[i], strlen(starts[i])) == 0;
	if (!hit)
		hit = strcmp(f, "tong") == 0 || strcmp(f, "cong") == 0 ||
		    strstr(f, "kyghirohoten") ||
		    (strstr(s, "ngày") != NULL && strstr(s, "tháng") != NULL &&
		    strstr(s, "năm") != NULL && strlen(s) < 80);
	for (i = 0; marks[i] != NULL && !hit; i++)
		hit = strncmp(s, marks[i], strlen(marks[i])) == 0 &&
		    s[strlen(marks[i])] == ' ';
	free(f);
	return hit;
}

/* Whether s is a title in capitals, as a signing authority is written
 * ("GIÁM ĐỐC", "THỦ TRƯỞNG ĐƠN VỊ"): at least four letters, none of them
 * lower case, no digit, and no word of an award form ("BẰNG KHEN UBND"
 * is a form mistyped, reported as such). */
static int
kt_caps_title(const char *s)
{
	static const char *const award[] = { "khen", "thidua", "laodong",
	    "chiensi", "danhhieu", NULL };
	utf8proc_int32_t	cp;
	utf8proc_ssize_t	k;
	const char		*p;
	int			upper = 0, cat, i;
	char			*f;

	for (p = s; *p != '\0'; p += k) {
		if ((k = utf8proc_iterate((const utf8proc_uint8_t *)p, -1,
		    &cp)) <= 0)
			return 0;
		cat = utf8proc_category(cp);
		if (cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_ND)
			return 0;
		upper += cat == UTF8PROC_CATEGORY_LU;
	}
	if (upper < 4 || (f = csvt_fold(s)) == NULL)
		return 0;
	for (i = 0; award[i] != NULL && strstr(f, award[i]) == NULL; i++)
		;
	free(f);
	return award[i] == NULL;
}

/* Whether the row's award form cell names a form (valid or not on the
 * decision's date). */
static int
kt_names_form(const struct kt_lt *x, const struct csvt_row *r)
{
	int	form;
	vb_date	from, until;

	return kt_form_on(x->kd, kt_cell(x, r, COL_HINH_THUC), x->date, &form,
	    &from, &until) == -2 || form >= 0;
}

/*
 * Whether a row starts the footer: it names no award form, a cell of it
 * is a footer's (in whatever column: a total, the preparer, a
 * signature, the place and date, or, when the row names no unit, a
 * title in capitals), and its name cell is empty or that cell (a
 * nominee whose form was left out stays an error, whatever its
 * position).
 */
static int
kt_footer_row(const struct kt_lt *x, const struct csvt_row *r)
{
	const char	*name = kt_cell(x, r, COL_HO_TEN);
	int		 nounit = *kt_cell(x, r, COL_DON_VI) == '\0' &&
			    *kt_cell(x, r, COL_CV_DV) == '\0';
	size_t		 i;

	if (*kt_cell(x, r, COL_HINH_THUC) != '\0' && kt_names_form(x, r))
		return 0;
	if (*name != '\0' && !kt_footer_cell(name) &&
	    !(nounit && kt_caps_title(name)))
		return 0;
	for (i = 0; i < r->nfields; i++)
		if (*r->fields[i] != '\0' && (kt_footer_cell(r->fields[i]) ||
		    (kt_caps_title(r->fields[i]) && (nounit ||
		    (int)i != x->col[COL_HO_TEN]))))
			return 1;
	return 0;
}

/* Whether a row under the footer is still a nominee: it names a person
 * or collective and an award form (checked as any other). */
static int
kt_after_footer(const struct kt_lt *x, const struct csvt_row *r)
{
	return *kt_cell(x, r, COL_HO_TEN) != '\0' && kt_names_form(x, r);
}

/* Index of the header row, its map in x->col; -1 after reporting the
 * columns missing from the row that came nearest. */
static int
kt_find_header(const struct kt_heads *h, struct kt_lt *x, struct diag *d)
{
	const struct csvt	*t = x->t;
	int			 col[NCOL], best = -1, bestn = -1, n, c;
	size_t			 i;

	for (i = 0; i < t->nrows; i++) {
		n = kt_header_map(h, &t->rows[i], col);
		if (kt_header_ok(col)) {
			memcpy(x->col, col, sizeof(col));
			return (int)i;
		}
		if (n > bestn) {
			bestn = n;
			best = (int)i;
		}
	}
	kt_header_map(h, &t->rows[best], col);
	for (c = 0; c < NCOL; c++)
		if (col[c] < 0 && kt_col_required[c] &&
		    (c != COL_DON_VI || col[COL_CV_DV] < 0) &&
		    c != COL_DOI_TUONG)
			diag_add(d, DIAG_ERROR, t->name, t->rows[best].line, 0,
			    "missing column \"%s\"", kt_col_names[c][1]);
	return -1;
}

int
kt_list_matches(const struct csvt *t, void *arg)
{
	struct kt_heads	 h;
	struct diag	*d = diag_new();
	int		 col[NCOL], hit = 0;
	size_t		 i;

	if (d != NULL && kt_heads_load(arg, &h, d) == VB_OK)
		for (i = 0; i < t->nrows && !hit; i++) {
			kt_header_map(&h, &t->rows[i], col);
			hit = kt_header_ok(col);
		}
	if (d != NULL)
		kt_heads_free(&h);
	diag_free(d);
	return hit;
}

/* Name the columns as the header writes them; a key (ho_ten) or a
 * missing column by its Vietnamese heading. */
static void
kt_name_columns(struct kt_lt *x, const struct csvt_row *hr)
{
	int c;

	for (c = 0; c < NCOL; c++) {
		x->hd[c] = kt_col_names[c][1];
		if (x->col[c] >= 0 &&
		    strcasecmp(hr->fields[x->col[c]], kt_col_names[c][0]) != 0)
			x->hd[c] = hr->fields[x->col[c]];
	}
	x->width = hr->nfields;
	while (x->width > 0 && *hr->fields[x->width - 1] == '\0')
		x->width--;
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
