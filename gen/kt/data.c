/*
 * kt_data.c - the editable data of the commendation generator: award
 * forms, base salaries, căn cứ lines (CSV) and front-matter defaults
 * (YAML), all under templates/khen-thuong/ so a province updates them
 * without a rebuild.  No amount, rate or date lives in this file.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>


#include "kt/kt.h"


/* ------------------------------------------------------------------ */
/* Small parsers                                                        */
/* ------------------------------------------------------------------ */


long
kt_coef_parse(const char *s)
{
	long	 whole = 0, frac = 0, scale = 100;
	int	 digits = 0;

	while (*s == ' ')
		s++;
	for (; isdigit((unsigned char)*s); s++, digits++) {
		if (whole > 1000000)
			return -1;
		whole = whole * 10 + (*s - '0');
	}
	if (*s == '.' || *s == ',') {
		for (s++; isdigit((unsigned char)*s); s++, digits++) {
			if (scale == 0 && *s != '0')
				return -1;	/* finer than 0.001 */
			frac += (*s - '0') * scale;
			scale /= 10;
		}
	}
	while (*s == ' ')
		s++;
	if (*s != '\0' || digits == 0)
		return -1;
	return whole * 1000 + frac;
}

unsigned long long
kt_amount(long coef_milli, unsigned long long base, unsigned long long unit,
    enum kt_round mode)
{
	unsigned long long milli, step;

	/* Work in thousandths of a đồng: exact for any coefficient. */
	milli = (unsigned long long)coef_milli * base;
	step = unit * 1000;
	if (mode == KT_ROUND_NEAREST)
		return (milli + step / 2) / step * unit;
	return (milli + step - 1) / step * unit;
}

/* ------------------------------------------------------------------ */
/* Finding the templates                                                */
/* ------------------------------------------------------------------ */

char *
kt_find_templates(const char *opt)
{
	return vb_find_templates(opt, KT_DIR "/hinh-thuc.csv");
}

/* ------------------------------------------------------------------ */
/* CSV tables                                                           */
/* ------------------------------------------------------------------ */

/* Column `key` of t, or an error naming it; -1 when missing. */
static int
kt_need_col(const struct csvt *t, const char *key, struct diag *d)
{
	const char *const names[] = { key, NULL };
	int c = csvt_column(t, names);

	if (c < 0)
		diag_add(d, DIAG_ERROR, t->name, t->nrows ? t->rows[0].line : 1,
		    0, "missing column \"%s\"", key);
	return c;
}

/* Field c of row r ("" when the row is short or c < 0). */
static const char *
kt_field(const struct csvt_row *r, int c)
{
	return (c >= 0 && (size_t)c < r->nfields) ? r->fields[c] : "";
}

static char *
kt_dup(const char *s, int *oom)
{
	char *p = strdup(s);

	if (p == NULL)
		*oom = 1;
	return p;
}

/* Columns nguon and xac_nhan of a law table: both optional. */
struct kt_src_cols {
	int	nguon;     /* column index, -1: absent */
	int	xac_nhan;
};

static void
kt_src_cols(const struct csvt *t, struct kt_src_cols *sc)
{
	const char *const n[] = { "nguon", NULL }, *const x[] = { "xac_nhan",
	    NULL };

	sc->nguon = csvt_column(t, n);
	sc->xac_nhan = csvt_column(t, x);
}

/* The source of one row; a xac_nhan other than co / chua is an error
 * at its cell.  -1 on OOM. */
static int
kt_src_read(const struct csvt *t, const struct csvt_row *r,
    const struct kt_src_cols *sc, struct kt_source *src, struct diag *d)
{
	const char	*x = sc->xac_nhan >= 0 ? (sc->xac_nhan < (int)r->nfields ?
			    r->fields[sc->xac_nhan] : "") : NULL;
	char		*f;

	memset(src, 0, sizeof(*src));
	src->line = r->line;
	src->confirmed = -1;
	if (x != NULL) {
		if ((f = csvt_fold(x)) == NULL)
			return -1;
		if (strcmp(f, "co") == 0)
			src->confirmed = 1;
		else if (strcmp(f, "chua") == 0 || *f == '\0')
			src->confirmed = 0;
		else
			diag_add(d, DIAG_ERROR, t->name, r->line,
			    sc->xac_nhan + 1, "xac_nhan \"%s\": write co "
			    "(confirmed against nguon) or chua", x);
		free(f);
	}
	if (sc->nguon >= 0 && sc->nguon < (int)r->nfields &&
	    (src->nguon = strdup(r->fields[sc->nguon])) == NULL)
		return -1;
	return 0;
}

/* An alias "Giấy khen cấp huyện (đến 2025-06-30)": the date cut off
 * into *until (0 without one); -1 when the parenthesis is not a date. */
static int
kt_alias_date(char *a, vb_date *until)
{
	static const char mark[] = " (đến ";
	char *p = strstr(a, mark), *e;

	*until = 0;
	if (p == NULL || (e = strchr(p, ')')) == NULL || e[1] != '\0')
		return 0;
	*e = '\0';
	if (vb_date_parse(p + strlen(mark), until) != 0) {
		*e = ')';
		return -1;
	}
	*p = '\0';
	return 0;
}

/* Split "a; b;c" into trimmed non-empty items. */
static int
kt_split_aliases(const char *s, char ***out, size_t *n)
{
	const char	*p = s, *e;
	char		**v = NULL;
	size_t		  cap = 0;

	*n = 0;
	while (*p != '\0') {
		while (*p == ' ' || *p == ';')
			p++;
		if (*p == '\0')
			break;
		for (e = p; *e != '\0' && *e != ';'; e++)
			continue;
		while (e > p && e[-1] == ' ')
			e--;
		if (vb_grow((void **)&v, &cap, *n + 1, sizeof(*v)) != 0 ||
		    (v[*n] = strndup(p, (size_t)(e - p))) == NULL) {
			*out = v;
			return -1;
		}
		(*n)++;
		for (p = e; *p != '\0' && *p != ';'; p++)
			continue;
	}
	*out = v;
	return 0;
}

/* A coefficient cell: "" or a dash means "not given to that kind". */
static long
kt_coef_cell(const struct csvt *t, const struct csvt_row *r, int c,
    struct diag *d)
{
	const char	*s = kt_field(r, c);
	long		 v;

	if (*s == '\0' || strcmp(s, "-") == 0 || strcmp(s, "—") == 0 ||
	    strcmp(s, "–") == 0)
		return -1;
	if ((v = kt_coef_parse(s)) < 0)
		diag_add(d, DIAG_ERROR, t->name, r->line, c + 1,
		    "bad coefficient \"%s\" (write 1.5 or 0,15; a dash "
		    "when the form is not given to this kind)", s);
	return v;
}

/* A form's code names its output files (DIR/<code>.md): lower-case
 * letters, digits and '-' only, and unique; its skeleton stays inside the
 * data folder.  Errors at the table's line. */
static void
kt_check_form(const struct kt_data *kd, const struct kt_form *f,
    const char *path, int col_ma, int col_mau, struct diag *d)
{
	const char	*p;
	size_t		 i;

	for (p = f->ma; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    (*p == '-' && p != f->ma)))
			break;
	if (*f->ma != '\0' && (*p != '\0' || p - f->ma > 64))
		diag_add(d, DIAG_ERROR, path, f->line, col_ma, "form code "
		    "\"%s\" names the decision's files: write it with a-z, "
		    "0-9 and - only (at most 64)", f->ma);
	for (i = 0; kd->forms + i < f; i++)
		if (strcmp(kd->forms[i].ma, f->ma) == 0)
			diag_add(d, DIAG_ERROR, path, f->line, col_ma, "form "
			    "code \"%s\" is already used on line %d",
			    f->ma, kd->forms[i].line);
	if (f->mau[0] == '/' || strcmp(f->mau, "..") == 0 ||
	    strncmp(f->mau, "../", 3) == 0 || strstr(f->mau, "/../") ||
	    (strlen(f->mau) >= 3 && strcmp(f->mau + strlen(f->mau) - 3,
	    "/..") == 0))
		diag_add(d, DIAG_ERROR, path, f->line, col_mau, "skeleton "
		    "\"%s\" must be a file inside the data folder (such as "
		    "mau/bang-khen.md)", f->mau);
}

/* ------------------------------------------------------------------ */
/* The law tables, read by one loader                                   */
/* ------------------------------------------------------------------ */

struct kt_table;

/* One law table being read: its rows, the columns found (the required
 * ones, then the optional ones, -1 when absent) and its source columns. */
struct kt_tab {
	const struct kt_table	*desc;
	const struct csvt	*t;
	int			 c[16];
	struct kt_src_cols	 sc;
};

/* A law table of the data folder: its file, the columns it must have
 * and those it may have, where its rows go in struct kt_data (offsets of
 * the array and of its count) and how one row is read. */
struct kt_table {
	const char		*file;
	int			 optional;  /* an absent file has no rows */
	const char *const	*need;      /* NULL-terminated */
	const char *const	*may;       /* NULL-terminated */
	const char		*none;      /* the error when no row, or NULL */
	size_t			 size;      /* of one row's struct */
	size_t			 array, count;
	/* Row into elem (zeroed): 1 kept, 0 left out after an error at its
	 * line (nothing of it left allocated), -1 on OOM. */
	int			(*row)(struct kt_data *, const struct kt_tab *,
				    const struct csvt_row *, void *elem,
				    struct diag *);
	void			(*done)(struct kt_data *);  /* or NULL */
};

/* A form's validity: its dates, the dates of its aliases, the reason;
 * bad dates are errors at their cell.  oc: the columns tu_ngay, den_ngay,
 * ly_do_het_han, cap.  -1 on OOM. */
static int
kt_form_dates(const struct csvt *t, const struct csvt_row *row,
    const int *oc, struct kt_form *f, struct diag *d)
{
	const char	*a = kt_field(row, oc[0]), *b = kt_field(row, oc[1]);
	size_t		 j;

	if (*a != '\0' && vb_date_parse(a, &f->from) != 0)
		diag_add(d, DIAG_ERROR, t->name, row->line, oc[0] + 1,
		    "bad date \"%s\" (write 2025-07-01)", a);
	if (*b != '\0' && vb_date_parse(b, &f->until) != 0)
		diag_add(d, DIAG_ERROR, t->name, row->line, oc[1] + 1,
		    "bad date \"%s\" (write 2025-06-30)", b);
	if ((f->het_han = strdup(kt_field(row, oc[2]))) == NULL ||
	    (f->cap = strdup(kt_field(row, oc[3]))) == NULL ||
	    (f->alias_until = calloc(f->nalias + 1,
	    sizeof(*f->alias_until))) == NULL)
		return -1;
	if (kt_levels_parse(f->cap) < 0)
		diag_add(d, DIAG_ERROR, t->name, row->line, oc[3] + 1, "cap: "
		    "\"%s\": write the levels that give the form, tinh, so, xa "
		    "or huyen, separated by ; (a last day as \"(đến "
		    "2025-06-30)\")", f->cap);
	for (j = 0; j < f->nalias; j++)
		if (kt_alias_date(f->alias[j], &f->alias_until[j]) != 0)
			diag_add(d, DIAG_ERROR, t->name, row->line, 0,
			    "name \"%s\": write its last day as \"(đến "
			    "2025-06-30)\"", f->alias[j]);
	return 0;
}

/* A row of hinh-thuc.csv: an award form, always kept (its errors stop
 * the run). */
static int
kt_read_form(struct kt_data *kd, const struct kt_tab *x,
    const struct csvt_row *row, void *elem, struct diag *d)
{
	struct kt_form	*f = elem;
	const int	*c = x->c;
	const char	*path = x->t->name;
	int		 oom = 0, i;

	f->line = row->line;
	f->ma = kt_dup(kt_field(row, c[0]), &oom);
	f->ten = kt_dup(kt_field(row, c[1]), &oom);
	if (kt_split_aliases(kt_field(row, c[2]), &f->alias,
	    &f->nalias) != 0 || kt_form_dates(x->t, row, c + 9, f, d) != 0)
		oom = 1;
	f->he_so[KT_CA_NHAN] = kt_coef_cell(x->t, row, c[3], d);
	f->he_so[KT_TAP_THE] = kt_coef_cell(x->t, row, c[4], d);
	f->trich_yeu = kt_dup(kt_field(row, c[5]), &oom);
	f->dieu_1 = kt_dup(kt_field(row, c[6]), &oom);
	f->danh_sach = kt_dup(kt_field(row, c[7]), &oom);
	f->mau = kt_dup(kt_field(row, c[8]), &oom);
	if (oom)
		return -1;
	for (i = 0; i < 9; i++)
		if (i != 2 && i != 3 && i != 4 &&
		    *kt_field(row, c[i]) == '\0')
			diag_add(d, DIAG_ERROR, path, row->line,
			    c[i] + 1, "empty \"%s\"", x->desc->need[i]);
	if (f->he_so[0] < 0 && f->he_so[1] < 0 &&
	    *kt_field(row, c[3]) == '\0' && *kt_field(row, c[4]) == '\0')
		diag_add(d, DIAG_ERROR, path, row->line, c[3] + 1,
		    "form \"%s\" has no coefficient for either kind", f->ma);
	kt_check_form(kd, f, path, c[0] + 1, c[8] + 1, d);
	return 1;
}

/* A row of luong-co-so.csv: a base salary from a date. */
static int
kt_read_salary(struct kt_data *kd, const struct kt_tab *x,
    const struct csvt_row *row, void *elem, struct diag *d)
{
	struct kt_salary	*s = elem;
	const char		*path = x->t->name;
	int			 cf = x->c[0], ca = x->c[1];

	(void)kd;
	if (kt_src_read(x->t, row, &x->sc, &s->src, d) != 0)
		return -1;
	if (vb_date_parse(kt_field(row, cf), &s->from) != 0)
		diag_add(d, DIAG_ERROR, path, row->line, cf + 1,
		    "bad date \"%s\" (write 2019-07-01)", kt_field(row, cf));
	else if (sotien_parse(kt_field(row, ca), &s->amount) != 0 ||
	    s->amount == 0)
		diag_add(d, DIAG_ERROR, path, row->line, ca + 1,
		    "bad amount \"%s\" (write 1490000 or 1.490.000)",
		    kt_field(row, ca));
	else
		return 1;
	free(s->src.nguon);
	return 0;
}

static int
kt_salary_cmp(const void *a, const void *b)
{
	const struct kt_salary *x = a, *y = b;

	return (x->from > y->from) - (x->from < y->from);
}

static void
kt_salary_sort(struct kt_data *kd)
{
	qsort(kd->salary, kd->nsalary, sizeof(*kd->salary), kt_salary_cmp);
}

/* A row of can-cu.csv: one căn cứ line, its dates and levels. */
static int
kt_read_basis(struct kt_data *kd, const struct kt_tab *x,
    const struct csvt_row *row, void *elem, struct diag *d)
{
	struct kt_basis	*b = elem;
	const char	*path = x->t->name;
	int		 cf = x->c[0], cu = x->c[1], ct = x->c[2], cc = x->c[3];
	const char	*f = kt_field(row, cf), *u = kt_field(row, cu);
	int		 oom = 0;

	(void)kd;
	if (*f != '\0' && vb_date_parse(f, &b->from) != 0) {
		diag_add(d, DIAG_ERROR, path, row->line, cf + 1,
		    "bad date \"%s\" (write 2024-01-01)", f);
		return 0;
	}
	if (*u != '\0' && vb_date_parse(u, &b->until) != 0) {
		diag_add(d, DIAG_ERROR, path, row->line, cu + 1,
		    "bad date \"%s\" (write 2023-12-31)", u);
		return 0;
	}
	if (*kt_field(row, ct) == '\0') {
		diag_add(d, DIAG_ERROR, path, row->line, ct + 1,
		    "empty căn cứ line");
		return 0;
	}
	b->text = kt_dup(kt_field(row, ct), &oom);
	if ((b->levels = kt_levels_parse(kt_field(row, cc))) < 0) {
		diag_add(d, DIAG_ERROR, path, row->line, cc + 1, "cap: "
		    "\"%s\": write tinh, so or xa, separated by ;",
		    kt_field(row, cc));
		b->levels = 0;
	}
	if (kt_src_read(x->t, row, &x->sc, &b->src, d) != 0)
		oom = 1;
	return oom ? -1 : 1;
}

/* A row of he-so.csv: a form's coefficient for one kind over dates. */
static int
kt_read_rate(struct kt_data *kd, const struct kt_tab *x,
    const struct csvt_row *row, void *elem, struct diag *d)
{
	const struct csvt	*t = x->t;
	const int		*c = x->c;
	struct kt_rate		*r = elem;
	const char		*k = kt_field(row, c[1]), *a = kt_field(row, c[2]),
				*b = kt_field(row, c[3]);
	char			*fk;
	int			 kind, good = 1;

	if ((r->form = kt_form_find(kd, kt_field(row, c[0]))) < 0) {
		diag_add(d, DIAG_ERROR, t->name, row->line, c[0] + 1, "no award "
		    "form \"%s\" in hinh-thuc.csv", kt_field(row, c[0]));
		good = 0;
	}
	if ((fk = csvt_fold(k)) == NULL)
		return -1;
	kind = strcmp(fk, "canhan") == 0 ? KT_CA_NHAN :
	    strcmp(fk, "tapthe") == 0 ? KT_TAP_THE : -1;
	free(fk);
	if (kind < 0) {
		diag_add(d, DIAG_ERROR, t->name, row->line, c[1] + 1,
		    "\"%s\": write ca_nhan or tap_the", k);
		good = 0;
	}
	r->kind = kind < 0 ? KT_CA_NHAN : (enum kt_kind)kind;
	if ((*a != '\0' && vb_date_parse(a, &r->from) != 0) ||
	    (*b != '\0' && vb_date_parse(b, &r->until) != 0)) {
		diag_add(d, DIAG_ERROR, t->name, row->line, c[2] + 1,
		    "bad date \"%s\" or \"%s\" (write 2025-07-01)", a, b);
		good = 0;
	}
	if ((r->coef = kt_coef_parse(kt_field(row, c[4]))) < 0) {
		diag_add(d, DIAG_ERROR, t->name, row->line, c[4] + 1,
		    "bad coefficient \"%s\" (write 1.5 or 0,15)",
		    kt_field(row, c[4]));
		good = 0;
	}
	if ((r->van_ban = strdup(kt_field(row, c[5]))) == NULL ||
	    kt_src_read(t, row, &x->sc, &r->src, d) != 0)
		return -1;
	if (!good) {
		free(r->van_ban);
		free(r->src.nguon);
	}
	return good;
}

static const char *const kt_form_need[] = {
	"ma", "ten", "bi_danh", "he_so_ca_nhan", "he_so_tap_the",
	"trich_yeu", "dieu_1", "danh_sach", "mau", NULL
};
/* tu_ngay, den_ngay, ly_do_het_han, and cap: the issuing levels. */
static const char *const kt_form_may[] = {
	"tu_ngay", "den_ngay", "ly_do_het_han", "cap", NULL
};
static const char *const kt_salary_need[] = { "tu_ngay", "muc", NULL };
static const char *const kt_basis_need[] = {
	"tu_ngay", "den_ngay", "noi_dung", NULL
};
static const char *const kt_basis_may[] = { "cap", NULL };
static const char *const kt_rate_need[] = {
	"ma", "doi_tuong", "tu_ngay", "den_ngay", "he_so", NULL
};
static const char *const kt_rate_may[] = { "van_ban", NULL };
static const char *const kt_none[] = { NULL };

/* The law tables, in the order they are read (he-so.csv names forms). */
static const struct kt_table kt_tables[] = {
	{ "hinh-thuc.csv", 0, kt_form_need, kt_form_may, N_("no award forms"),
	    sizeof(struct kt_form), offsetof(struct kt_data, forms),
	    offsetof(struct kt_data, nforms), kt_read_form, NULL },
	{ "luong-co-so.csv", 0, kt_salary_need, kt_none, NULL,
	    sizeof(struct kt_salary), offsetof(struct kt_data, salary),
	    offsetof(struct kt_data, nsalary), kt_read_salary, kt_salary_sort },
	{ "can-cu.csv", 0, kt_basis_need, kt_basis_may, NULL,
	    sizeof(struct kt_basis), offsetof(struct kt_data, basis),
	    offsetof(struct kt_data, nbasis), kt_read_basis, NULL },
	{ "he-so.csv", 1, kt_rate_need, kt_rate_may, NULL,
	    sizeof(struct kt_rate), offsetof(struct kt_data, rates),
	    offsetof(struct kt_data, nrates), kt_read_rate, NULL },
};

/* Find the columns of x->t: each required one missing is an error. */
static int
kt_table_cols(struct kt_tab *x, struct diag *d)
{
	const struct kt_table	*tab = x->desc;
	int			 n = 0, i, rc = VB_OK;

	for (i = 0; tab->need[i] != NULL; i++, n++)
		if ((x->c[n] = kt_need_col(x->t, tab->need[i], d)) < 0)
			rc = VB_EINPUT;
	for (i = 0; tab->may[i] != NULL; i++, n++) {
		const char *const names[] = { tab->may[i], NULL };

		x->c[n] = csvt_column(x->t, names);
	}
	kt_src_cols(x->t, &x->sc);
	if (rc == VB_OK && x->t->nrows < 2 && tab->none != NULL) {
		diag_add(d, DIAG_ERROR, x->t->name, 0, 0, "%s",
		    vb_tr(tab->none));
		rc = VB_EINPUT;
	}
	return rc;
}

/* Read the law table tab of dir into kd. */
static int
kt_load_table(struct kt_data *kd, const char *dir,
    const struct kt_table *tab, struct diag *d)
{
	struct kt_tab	 x;
	struct csvt	*t;
	char		 path[PATH_MAX], *rows;
	size_t		 r, *n = (size_t *)((char *)kd + tab->count);
	int		 rc, got;

	snprintf(path, sizeof(path), "%s/%s", dir, tab->file);
	if (tab->optional && access(path, F_OK) != 0)
		return VB_OK;
	if ((rc = csvt_load_table(path, NULL, 0, 0, NULL, d, NULL, &t)) !=
	    VB_OK)
		return rc;
	memset(&x, 0, sizeof(x));
	x.desc = tab;
	x.t = t;
	if ((rc = kt_table_cols(&x, d)) == VB_OK &&
	    (rows = calloc(t->nrows + 1, tab->size)) == NULL)
		rc = VB_ESYS;
	if (rc == VB_OK)
		memcpy((char *)kd + tab->array, &rows, sizeof(rows));
	for (r = 1; rc == VB_OK && r < t->nrows; r++) {
		memset(rows + *n * tab->size, 0, tab->size);
		got = tab->row(kd, &x, &t->rows[r], rows + *n * tab->size, d);
		*n += got != 0;		/* on OOM, kt_data_free frees it */
		if (got < 0)
			rc = VB_ESYS;
	}
	if (rc == VB_OK && tab->done != NULL)
		tab->done(kd);
	csvt_free(t);
	return rc;
}

/* The law tables of the data folder (a datadir step). */
static int
kt_load_tables(void *data, const char *dir, struct diag *d)
{
	size_t	i;
	int	rc = VB_OK;

	for (i = 0; rc == VB_OK && i < sizeof(kt_tables) /
	    sizeof(kt_tables[0]); i++)
		rc = kt_load_table(data, dir, &kt_tables[i], d);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The whole data set                                                   */
/* ------------------------------------------------------------------ */

int
kt_data_load(const char *templates_dir, struct diag *d, struct kt_data **out)
{
	static const struct datadir dd = {
		KT_DIR, kt_config_defaults, kt_config_load, kt_load_tables
	};
	struct kt_data	*kd;
	int		 rc;

	*out = NULL;
	if ((kd = calloc(1, sizeof(*kd))) == NULL)
		return VB_ESYS;
	if ((rc = datadir_load(&dd, templates_dir, NULL, kd, &kd->dir,
	    &kd->config, d)) != VB_OK) {
		kt_data_free(kd);
		return rc;
	}
	*out = kd;
	return VB_OK;
}

void
kt_data_free(struct kt_data *kd)
{
	size_t i, j;

	if (kd == NULL)
		return;
	for (i = 0; i < kd->nforms; i++) {
		struct kt_form *f = &kd->forms[i];

		free(f->ma);
		free(f->ten);
		for (j = 0; j < f->nalias; j++)
			free(f->alias[j]);
		free(f->alias);
		free(f->alias_until);
		free(f->het_han);
		free(f->cap);
		free(f->trich_yeu);
		free(f->dieu_1);
		free(f->danh_sach);
		free(f->mau);
	}
	free(kd->forms);
	for (i = 0; i < kd->nsalary; i++)
		free(kd->salary[i].src.nguon);
	free(kd->salary);
	for (i = 0; i < kd->nbasis; i++) {
		free(kd->basis[i].text);
		free(kd->basis[i].src.nguon);
	}
	free(kd->basis);
	for (i = 0; i < kd->nrates; i++) {
		free(kd->rates[i].van_ban);
		free(kd->rates[i].src.nguon);
	}
	free(kd->rates);
	tmpl_vars_free(kd->config);
	free(kd->dir);
	free(kd);
}

/* Abbreviations people type in an award form, folded, and the folded
 * words they stand for. */
static const char *const kt_form_abbr[][2] = {
	{ "ubnd", "uybannhandan" }, { "bk", "bangkhen" }, { "gk", "giaykhen" },
	{ "cstd", "chiensithidua" }, { "cstdcs", "chiensithiduacoso" },
	{ "ldtt", "laodongtientien" }, { "ttldxs", "tapthelaodongxuatsac" },
	{ "ttldtt", "tapthelaodongtientien" }, { "ctd", "cothidua" },
	{ "ct", "chutich" },
};

/* Append to b the folded word w as a form name's word: an abbreviation
 * spelled out, "của" left out, a final y after a consonant as i (sỹ and
 * sĩ, kỹ and kĩ are one word). */
static void
kt_form_word(struct vbuf *b, char *w)
{
	size_t	n = strlen(w), i;

	if (n == 0 || strcmp(w, "cua") == 0)
		return;
	for (i = 0; i < sizeof(kt_form_abbr) / sizeof(kt_form_abbr[0]); i++)
		if (strcmp(w, kt_form_abbr[i][0]) == 0) {
			vbuf_puts(b, kt_form_abbr[i][1]);
			return;
		}
	if (n >= 2 && w[n - 1] == 'y' && strchr("aeiouy", w[n - 2]) == NULL)
		w[n - 1] = 'i';
	vbuf_puts(b, w);
}

char *
kt_form_fold(const char *s)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	char		*copy, *w, *save = NULL, *fw;
	int		 k = 0, danh = 0;

	if ((copy = strdup(s)) == NULL)
		return NULL;
	/* Words: split at anything csvt_fold drops (spaces, punctuation). */
	for (w = copy; *w != '\0'; w++)
		if (strchr(" \t\n,.;:-/()", *w) != NULL)
			*w = ' ';
	for (w = strtok_r(copy, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save), k++) {
		if ((fw = csvt_fold(w)) == NULL) {
			b.bad = 1;
			break;
		}
		/* "Danh hiệu …" and "Tặng …" name the same form. */
		if (k == 0 && strcmp(fw, "danh") == 0)
			danh = 1;
		else if (k == 1 && danh && strcmp(fw, "hieu") == 0)
			danh = 0;
		else if (!(k == 0 && strcmp(fw, "tang") == 0)) {
			if (danh)
				vbuf_puts(&b, "danh");
			danh = 0;
			kt_form_word(&b, fw);
		}
		free(fw);
	}
	if (danh)
		vbuf_puts(&b, "danh");
	free(copy);
	return vbuf_take(&b);
}

/* Whether the form-folded a equals the form fold of b. */
static int
kt_fold_eq(const char *fa, const char *b)
{
	char	*fb = kt_form_fold(b);
	int	 eq = fb != NULL && strcmp(fa, fb) == 0;

	free(fb);
	return eq;
}

/* The form fold of a name as typed; NULL when it is empty (or OOM). */
static char *
kt_form_key(const char *s)
{
	char *f = kt_form_fold(s);

	if (f != NULL && *f == '\0') {
		free(f);
		f = NULL;
	}
	return f;
}

/* Whether the form-folded f names fm: its code, its name or one of its
 * other names; *end: that name's last day (0: always). */
static int
kt_form_named(const struct kt_form *fm, const char *f, vb_date *end)
{
	size_t j;

	*end = 0;
	if (kt_fold_eq(f, fm->ma) || kt_fold_eq(f, fm->ten))
		return 1;
	for (j = 0; j < fm->nalias; j++)
		if (kt_fold_eq(f, fm->alias[j])) {
			*end = fm->alias_until[j];
			return 1;
		}
	return 0;
}

int
kt_form_find(const struct kt_data *kd, const char *s)
{
	char	*f = kt_form_key(s);
	size_t	 i;
	int	 hit = -1;
	vb_date	 end;

	for (i = 0; f != NULL && i < kd->nforms && hit < 0; i++)
		if (kt_form_named(&kd->forms[i], f, &end))
			hit = (int)i;
	free(f);
	return hit;
}

/* Whether date falls in [from, until] (0: unbounded). */
static int
kt_in_force(vb_date from, vb_date until, vb_date date)
{
	return (from == 0 || from <= date) && (until == 0 || date <= until);
}

int
kt_form_on(const struct kt_data *kd, const char *s, vb_date date,
    int *form, vb_date *from, vb_date *until)
{
	char		*f;
	size_t		 i;
	int		 hit = -1;

	*form = -1;
	*from = *until = 0;
	if ((f = kt_form_key(s)) == NULL)
		return -1;
	for (i = 0; i < kd->nforms && hit < 0; i++) {
		const struct kt_form	*fm = &kd->forms[i];
		vb_date			 end;

		if (!kt_form_named(fm, f, &end))
			continue;
		if (end == 0 || (fm->until != 0 && fm->until < end))
			end = fm->until;
		if (kt_in_force(fm->from, end, date))
			hit = (int)i;
		else if (*form < 0) {
			*form = (int)i;
			*from = fm->from != 0 && date < fm->from ? fm->from : 0;
			*until = *from ? 0 : end;
		}
	}
	free(f);
	if (hit >= 0) {
		*form = hit;
		*from = *until = 0;
		return hit;
	}
	return *form >= 0 ? -2 : -1;
}

long
kt_coef_on(const struct kt_data *kd, int form, enum kt_kind kind,
    vb_date date, struct kt_rate **rate)
{
	size_t i;

	*rate = NULL;
	if (kd->forms[form].he_so[kind] < 0)
		return -1;
	for (i = 0; i < kd->nrates; i++)
		if (kd->rates[i].form == form && kd->rates[i].kind == kind &&
		    kt_in_force(kd->rates[i].from, kd->rates[i].until, date)) {
			*rate = &kd->rates[i];
			return kd->rates[i].coef;
		}
	return kd->forms[form].he_so[kind];
}

struct kt_salary *
kt_salary_row(const struct kt_data *kd, vb_date date)
{
	struct kt_salary	*v = NULL;
	size_t			 i;

	for (i = 0; i < kd->nsalary && kd->salary[i].from <= date; i++)
		v = &kd->salary[i];
	return v;
}

unsigned long long
kt_salary_on(const struct kt_data *kd, vb_date date)
{
	const struct kt_salary *s = kt_salary_row(kd, date);

	return s ? s->amount : 0;
}
