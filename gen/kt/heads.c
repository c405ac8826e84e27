/*
 * heads.c - the columns of a nominee list, found by key or Vietnamese
 * heading: the built-in headings, those templates/khen-thuong/
 * tieu-de.csv adds, the header row found among the first rows and its
 * columns named as the list writes them.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "kt/list_int.h"

/* Built-in headings per column (compared folded); the first is the key,
 * the second the heading messages name.  templates/khen-thuong/
 * tieu-de.csv adds more. */
const char *const kt_col_names[NCOL][8] = {
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
const int kt_col_required[NCOL] = { 1, 1, 0, 1, 0, 1, 0, 0, 0 };
#define KT_HEADINGS	"tieu-de.csv"

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

void
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
int
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

/* Index of the header row, its map in x->col; -1 after reporting the
 * columns missing from the row that came nearest. */
int
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
void
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
