/*
 * kt_list.c - the nominee list (danh sách đề nghị khen thưởng): columns
 * matched by key or Vietnamese heading, every row checked against the
 * award-form table, every problem reported with its CSV line.
 */
#include <stdlib.h>
#include <string.h>

#include "kt/kt.h"

enum {
	COL_DOI_TUONG, COL_HO_TEN, COL_CHUC_VU, COL_DON_VI, COL_HINH_THUC,
	COL_THANH_TICH, NCOL
};

/* Accepted headings per column (compared folded); the first is the key. */
static const char *const kt_col_names[NCOL][8] = {
	{ "doi_tuong", "Đối tượng", "Loại đối tượng", "Cá nhân/Tập thể",
	    NULL },
	{ "ho_ten", "Họ và tên", "Họ và tên / Tên tập thể", "Tên tập thể",
	    "Họ tên", "Tên tập thể, cá nhân", "Tên cá nhân, tập thể", NULL },
	{ "chuc_vu", "Chức vụ", "Chức danh", NULL },
	{ "don_vi", "Đơn vị", "Đơn vị công tác", "Cơ quan, đơn vị", NULL },
	{ "hinh_thuc", "Hình thức khen thưởng", "Hình thức",
	    "Danh hiệu", "Hình thức, danh hiệu", "Danh hiệu thi đua", NULL },
	{ "thanh_tich", "Thành tích", "Thành tích đạt được", NULL },
};
static const int kt_col_required[NCOL] = { 1, 1, 0, 1, 1, 0 };
static const char *const kt_col_heading[NCOL] = {
	"Đối tượng", "Họ và tên", "Chức vụ", "Đơn vị",
	"Hình thức khen thưởng", "Thành tích"
};

char *
kt_list_help(void)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	int		 i, j;

	static const char *const what[NCOL] = {
		"cá nhân or tập thể",
		"the person's or the collective's name",
		"the person's position (may be empty)",
		"the unit",
		"the award form: a name or code of hinh-thuc.csv",
		"the achievement, printed in the annex",
	};

	for (i = 0; i < NCOL; i++) {
		vbuf_printf(&b, "  %-11s %s, %s; headings:", kt_col_names[i][0],
		    kt_col_required[i] ? "required" : "optional", what[i]);
		for (j = 1; kt_col_names[i][j] != NULL; j++)
			vbuf_printf(&b, "%s \"%s\"", j > 1 ? "," : "",
			    kt_col_names[i][j]);
		vbuf_puts(&b, "\n");
	}
	return vbuf_take(&b);
}

/* Levenshtein distance of two ASCII strings (folded names). */
static size_t
kt_edit_distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, *row, prev, tmp, r;

	if ((row = malloc((lb + 1) * sizeof(*row))) == NULL)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			r = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < r)
				r = row[j] + 1;
			if (row[j - 1] + 1 < r)
				r = row[j - 1] + 1;
			row[j] = r;
			prev = tmp;
		}
	}
	r = row[lb];
	free(row);
	return r;
}

/* Distance from folded f to the nearest spelling of form i valid on
 * date. */
static size_t
kt_form_distance(const struct kt_form *fm, const char *f, vb_date date)
{
	size_t	 best = (size_t)-1, j, dist;
	char	*g;

	for (j = 0; j < fm->nalias + 2; j++) {
		if (j >= 2 && fm->alias_until[j - 2] != 0 &&
		    date > fm->alias_until[j - 2])
			continue;
		g = csvt_fold(j == 0 ? fm->ma : j == 1 ? fm->ten :
		    fm->alias[j - 2]);
		if (g == NULL)
			continue;
		if ((dist = kt_edit_distance(f, g)) < best)
			best = dist;
		free(g);
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
	char		*f = csvt_fold(value);
	size_t		 i, best = (size_t)-1, dist, bi = 0;

	for (i = 0; i < kd->nforms; i++) {
		const struct kt_form *fm = &kd->forms[i];

		/* Offer only the forms that exist on the decision's date. */
		if ((fm->from != 0 && date < fm->from) ||
		    (fm->until != 0 && date > fm->until))
			continue;
		vbuf_printf(&known, "%s%s (%s)", known.len ? ", " : "",
		    kd->forms[i].ten, kd->forms[i].ma);
		if (f != NULL &&
		    (dist = kt_form_distance(&kd->forms[i], f, date)) < best) {
			best = dist;
			bi = i;
		}
	}
	/* Suggest only what is plausibly a typo: at most a third of it. */
	if (f != NULL && best != (size_t)-1 && best * 3 <= strlen(f) + 2)
		diag_add(d, DIAG_ERROR, file, r->line, col + 1,
		    "unknown award form \"%s\"; did you mean \"%s\"? "
		    "known forms: %s", value, kd->forms[bi].ten,
		    known.s ? known.s : "");
	else
		diag_add(d, DIAG_ERROR, file, r->line, col + 1,
		    "unknown award form \"%s\"; known forms: %s", value,
		    known.s ? known.s : "");
	free(known.s);
	free(f);
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

/* Check one data row and append it to l; problems go to d. */
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

static int
kt_list_row(const struct kt_data *kd, const struct csvt *t,
    const struct csvt_row *r, const int *col, struct kt_list *l,
    vb_date date, struct diag *d)
{
	vb_date from, until;
	struct kt_nominee	*n = &l->rows[l->n];
	const char		*v[NCOL];
	int			 i, kind, form, bad = 0;

	for (i = 0; i < NCOL; i++)
		v[i] = (col[i] >= 0 && (size_t)col[i] < r->nfields) ?
		    r->fields[col[i]] : "";
	kind = kt_kind_parse(v[COL_DOI_TUONG]);
	if (kind < 0) {
		diag_add(d, DIAG_ERROR, t->name, r->line, col[COL_DOI_TUONG] + 1,
		    "\"%s\" in column \"%s\" must be \"cá nhân\" or "
		    "\"tập thể\"", v[COL_DOI_TUONG],
		    kt_col_heading[COL_DOI_TUONG]);
		bad = 1;
	}
	if (*v[COL_HO_TEN] == '\0') {
		diag_add(d, DIAG_ERROR, t->name, r->line, col[COL_HO_TEN] + 1,
		    "empty name (column \"%s\")", kt_col_heading[COL_HO_TEN]);
		bad = 1;
	}
	if (*v[COL_DON_VI] == '\0') {
		diag_add(d, DIAG_ERROR, t->name, r->line, col[COL_DON_VI] + 1,
		    "empty unit (column \"%s\")", kt_col_heading[COL_DON_VI]);
		bad = 1;
	}
	if (kt_form_on(kd, v[COL_HINH_THUC], date, &form, &from, &until) ==
	    -2) {
		kt_form_expired(kd, t->name, r, col[COL_HINH_THUC],
		    v[COL_HINH_THUC], form, from, until, date, d);
		bad = 1;
	} else if (form < 0) {
		if (*v[COL_HINH_THUC] == '\0')
			diag_add(d, DIAG_ERROR, t->name, r->line,
			    col[COL_HINH_THUC] + 1, "empty award form "
			    "(column \"%s\")", kt_col_heading[COL_HINH_THUC]);
		else
			kt_unknown_form(kd, t->name, r, col[COL_HINH_THUC],
			    v[COL_HINH_THUC], date, d);
		bad = 1;
	} else if (kind >= 0 && kd->forms[form].he_so[kind] < 0) {
		diag_add(d, DIAG_ERROR, t->name, r->line, col[COL_HINH_THUC] + 1,
		    "\"%s\" is awarded to %s only, not to %s \"%s\"",
		    kd->forms[form].ten,
		    kind == KT_CA_NHAN ? "collectives (tập thể)" :
		    "individuals (cá nhân)",
		    kind == KT_CA_NHAN ? "the individual" : "the collective",
		    v[COL_HO_TEN]);
		bad = 1;
	}
	if (bad)
		return VB_OK;
	memset(n, 0, sizeof(*n));
	n->kind = (enum kt_kind)kind;
	n->form = form;
	n->line = r->line;
	n->order = l->n;
	n->ho_ten = kt_oneline(v[COL_HO_TEN]);
	n->chuc_vu = kt_oneline(v[COL_CHUC_VU]);
	n->don_vi = kt_oneline(v[COL_DON_VI]);
	n->thanh_tich = kt_oneline(v[COL_THANH_TICH]);
	l->n++;
	if (!n->ho_ten || !n->chuc_vu || !n->don_vi || !n->thanh_tich)
		return VB_ESYS;
	return VB_OK;
}

/*
 * Parse the CSV.  A ragged row or bad quoting is reported with its line
 * and left out, and the other rows are still checked in the same run:
 * *bad is set when the table *out lacks rows (the result is then
 * VB_EINPUT).
 */
static int
kt_list_csv(const char *name, const char *text, size_t len, struct diag *d,
    struct csvt **out, int *bad)
{
	int rc = csvt_parse_all(name, text, len, 0, 0, d, out);

	*bad = rc == VB_EINPUT && *out != NULL;
	return *bad ? VB_OK : rc;
}

int
kt_list_parse(const char *name, const char *text, size_t len,
    const struct kt_data *kd, const struct kt_list_opt *lo, struct diag *d,
    struct kt_list **out)
{
	struct csvt	*t;
	struct kt_list	*l;
	int		 col[NCOL], i, rc, errs = diag_errors(d), bad, colerrs;
	size_t		 r;

	*out = NULL;
	if ((rc = kt_list_csv(name, text, len, d, &t, &bad)) != VB_OK)
		return rc;
	colerrs = diag_errors(d);
	for (i = 0; i < NCOL; i++) {
		col[i] = csvt_column(t, kt_col_names[i]);
		if (col[i] < 0 && kt_col_required[i])
			diag_add(d, DIAG_ERROR, name,
			    t->nrows ? t->rows[0].line : 1, 0,
			    "missing required column \"%s\" (%s)",
			    kt_col_names[i][0], kt_col_heading[i]);
	}
	if (diag_errors(d) > colerrs) {
		csvt_free(t);
		return VB_EINPUT;
	}
	if ((l = calloc(1, sizeof(*l))) == NULL ||
	    (l->name = strdup(name)) == NULL ||
	    (l->rows = calloc(t->nrows, sizeof(*l->rows))) == NULL) {
		kt_list_free(l);
		csvt_free(t);
		return VB_ESYS;
	}
	l->has_thanh_tich = col[COL_THANH_TICH] >= 0;
	for (r = 1; r < t->nrows && rc == VB_OK; r++)
		rc = kt_list_row(kd, t, &t->rows[r], col, l, lo->ngay, d);
	if (rc == VB_OK && t->nrows < 2)
		diag_add(d, DIAG_ERROR, name, 0, 0, "no nominees in the list");
	csvt_free(t);
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
	}
	free(l->rows);
	free(l->name);
	free(l);
}
