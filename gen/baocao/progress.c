/*
 * bc/progress.c - the progress table (tiến độ): one row per unit and
 * task, checked whole against the plan, the units and the status words;
 * every problem is reported with its file, line and column.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "baocao/bc.h"

enum { BC_P_DON_VI, BC_P_NHIEM_VU, BC_P_TRANG_THAI, BC_P_NGAY, BC_P_KET_QUA,
	BC_P_N };

static const char *const bc_prog_cols[BC_P_N][6] = {
	{ "don_vi", "Đơn vị", "Đơn vị báo cáo", "Tên đơn vị", NULL },
	{ "nhiem_vu", "Nhiệm vụ", "Mã nhiệm vụ", "Mã", NULL },
	{ "trang_thai", "Trạng thái", "Tình trạng", "Tiến độ", NULL },
	{ "ngay", "Ngày hoàn thành", "Ngày", "Thời gian hoàn thành", NULL },
	{ "ket_qua", "Kết quả", "Kết quả thực hiện", "Ghi chú", NULL },
};
static const char *const bc_prog_heading[BC_P_N] = {
	"Đơn vị", "Nhiệm vụ", "Trạng thái", "Ngày hoàn thành", "Kết quả"
};

/*
 * The nearest name is found by an edit distance with every task or
 * unit: it is looked for only while the run has fewer errors than it
 * shows (diag keeps 200) and among at most 1,000 names.  20,000 unknown
 * units against a units file of 20,000 took minutes.
 */
#define BC_NEAR_ERRORS	200
#define BC_NEAR_NAMES	1000

/* An unknown task key: name the nearest one. */
static void
bc_unknown_task(const struct bc_plan *p, const char *file, int line,
    int col, const char *key, struct diag *d)
{
	char	*f = csvt_fold(key);
	size_t	 i, best = (size_t)-1, bi = 0, dist;

	if (p->ntasks > BC_NEAR_NAMES || diag_errors(d) >= BC_NEAR_ERRORS) {
		free(f);
		f = NULL;
	}
	for (i = 0; f != NULL && i < p->ntasks; i++)
		if ((dist = vb_edit_distance(f, p->tasks[i].fold)) < best) {
			best = dist;
			bi = i;
		}
	free(f);
	/* Suggest only what is plausibly a typo. */
	if (best != (size_t)-1 && (best <= 1 || best * 3 <= strlen(key)))
		diag_add(d, DIAG_ERROR, file, line, col, "task \"%s\" is not in "
		    "the plan %s; did you mean \"%s\" (%s line %d)?", key,
		    p->name, p->tasks[bi].key, p->name, p->tasks[bi].line);
	else
		diag_add(d, DIAG_ERROR, file, line, col, "task \"%s\" is not in "
		    "the plan %s (keys are written group.number: II.3)", key,
		    p->name);
}

/* An unknown unit (a units file was given): name the nearest one. */
static void
bc_unknown_unit(const struct bc_units *us, const char *file, int line,
    int col, const char *name, struct diag *d)
{
	char	*f = csvt_fold(name), *g;
	size_t	 i, best = (size_t)-1, bi = 0, dist;
	int	 near = us->n <= BC_NEAR_NAMES &&
		    diag_errors(d) < BC_NEAR_ERRORS;

	for (i = 0; near && f != NULL && i < us->n; i++) {
		if ((g = csvt_fold(us->v[i].don_vi)) == NULL)
			continue;
		if ((dist = vb_edit_distance(f, g)) < best) {
			best = dist;
			bi = i;
		}
		free(g);
	}
	if (f != NULL && best != (size_t)-1 && best * 3 <= strlen(f) + 2)
		diag_add(d, DIAG_ERROR, file, line, col, "unit \"%s\" is not "
		    "in the units file; did you mean \"%s\"?", name,
		    us->v[bi].don_vi);
	else
		diag_add(d, DIAG_ERROR, file, line, col, "unit \"%s\" is not "
		    "in the units file", name);
	free(f);
}

static const char *
bc_cell(const struct csvt_row *r, int c)
{
	return (c >= 0 && (size_t)c < r->nfields) ? r->fields[c] : "";
}

/* Check one row; fill *row and return 1 when it is good. */
static int
bc_row_parse(const char *name, const struct csvt_row *r, const int *c,
    const struct bc_plan *p, const struct bc_data *bd, struct bc_units *us,
    struct diag *d, struct bc_row *row)
{
	const char	*unit = bc_cell(r, c[BC_P_DON_VI]),
			*key = bc_cell(r, c[BC_P_NHIEM_VU]),
			*st = bc_cell(r, c[BC_P_TRANG_THAI]),
			*day = bc_cell(r, c[BC_P_NGAY]);
	size_t		 idx[2], n;
	int		 u = -1, s, ok = 1;

	row->file = name;
	row->line = r->line;
	if (*unit == '\0') {
		diag_add(d, DIAG_ERROR, name, r->line, c[BC_P_DON_VI] + 1,
		    "empty unit (column \"Đơn vị\")");
		ok = 0;
	} else if ((u = bc_units_find(us, unit)) < 0 && us->from_file) {
		bc_unknown_unit(us, name, r->line, c[BC_P_DON_VI] + 1, unit, d);
		ok = 0;
	} else if (u < 0 && (u = bc_units_add(us, unit, 0)) < 0)
		return -1;
	row->unit = (size_t)(u < 0 ? 0 : u);
	if ((n = bc_task_find(p, key, idx)) == 0) {
		if (*key == '\0')
			diag_add(d, DIAG_ERROR, name, r->line,
			    c[BC_P_NHIEM_VU] + 1, "empty task key (column "
			    "\"Nhiệm vụ\": write II.3)");
		else
			bc_unknown_task(p, name, r->line, c[BC_P_NHIEM_VU] + 1,
			    key, d);
		ok = 0;
	} else if (n > 1) {
		diag_add(d, DIAG_ERROR, name, r->line, c[BC_P_NHIEM_VU] + 1,
		    "task \"%s\" is ambiguous: %s lines %d and %d both have "
		    "this key; add a column Mã to the task table with a code "
		    "for each task, and write that code here", key, p->name,
		    p->tasks[idx[0]].line, p->tasks[idx[1]].line);
		ok = 0;
	}
	row->task = idx[0];
	if ((s = bc_status_find(bd, st)) < 0) {
		diag_add(d, DIAG_ERROR, name, r->line, c[BC_P_TRANG_THAI] + 1,
		    "unknown status \"%s\": write Hoàn thành, Đang thực hiện "
		    "or Chưa thực hiện (other spellings: %s/trang-thai.csv)",
		    st, bd->dir);
		ok = 0;
	}
	row->status = s < 0 ? BC_TODO : (enum bc_status)s;
	if (*day != '\0' && vb_date_parse(day, &row->ngay) != 0) {
		diag_add(d, DIAG_ERROR, name, r->line, c[BC_P_NGAY] + 1,
		    "bad date \"%s\": write 2020-06-30 or 30/06/2020, a real "
		    "day", day);
		ok = 0;
	}
	if ((row->ket_qua = strdup(bc_cell(r, c[BC_P_KET_QUA]))) == NULL)
		return -1;
	return ok;
}

/* Where the rows of pr are by unit and task: an open-addressing table
 * of row indices + 1 (0: empty), at most half full, brought up to date
 * with the rows added since (bc_index_sync).  A scan of every row for
 * each new one made 20,000 rows take seconds. */
static size_t
bc_index_slot(const struct bc_progress *pr, size_t unit, size_t task)
{
	uint64_t h = (uint64_t)unit * 0x9E3779B97F4A7C15ULL ^
	    (uint64_t)task * 0xC2B2AE3D27D4EB4FULL;

	return (size_t)(h ^ h >> 29) & (pr->idxcap - 1);
}

/* Index the rows not yet indexed; -1 on OOM. */
static int
bc_index_sync(struct bc_progress *pr)
{
	size_t i, k, cap;

	if (pr->idx == NULL || pr->nindexed > pr->n ||
	    pr->n * 2 >= pr->idxcap) {
		for (cap = 64; cap < pr->n * 4; cap *= 2)
			continue;
		free(pr->idx);
		pr->idxcap = pr->nindexed = 0;
		if ((pr->idx = calloc(cap, sizeof(*pr->idx))) == NULL)
			return -1;
		pr->idxcap = cap;
	}
	for (i = pr->nindexed; i < pr->n; i++) {
		k = bc_index_slot(pr, pr->v[i].unit, pr->v[i].task);
		while (pr->idx[k] != 0)
			k = (k + 1) & (pr->idxcap - 1);
		pr->idx[k] = i + 1;
	}
	pr->nindexed = pr->n;
	return 0;
}

/* The earlier row of row's unit and task, or NULL. */
static const struct bc_row *
bc_row_earlier(struct bc_progress *pr, const struct bc_row *row)
{
	const struct bc_row	*o;
	size_t			 i, k;

	if (bc_index_sync(pr) != 0) {	/* out of memory: look at each */
		for (i = 0; i < pr->n; i++)
			if (pr->v[i].unit == row->unit &&
			    pr->v[i].task == row->task)
				return &pr->v[i];
		return NULL;
	}
	for (k = bc_index_slot(pr, row->unit, row->task); pr->idx[k] != 0;
	    k = (k + 1) & (pr->idxcap - 1)) {
		o = &pr->v[pr->idx[k] - 1];
		if (o->unit == row->unit && o->task == row->task)
			return o;
	}
	return NULL;
}

/* The same unit and task as an earlier row: an error naming it. */
static int
bc_row_dup(struct bc_progress *pr, const struct bc_row *row,
    const struct bc_plan *p, const struct bc_units *us, int col,
    struct diag *d)
{
	const struct bc_row *o = bc_row_earlier(pr, row);

	if (o == NULL)
		return 0;
	diag_add(d, DIAG_ERROR, row->file, row->line, col,
	    "%s reports task %s twice; first at %s:%d",
	    us->v[row->unit].don_vi, p->tasks[row->task].key, o->file,
	    o->line);
	return 1;
}

/* Add row to pr; -1 on OOM. */
static int
bc_progress_push(struct bc_progress *pr, const struct bc_row *row)
{
	if (pr->n == pr->cap) {
		size_t	 cap = pr->cap ? pr->cap * 2 : 64;
		void	*v = realloc(pr->v, cap * sizeof(*pr->v));

		if (v == NULL)
			return -1;
		pr->v = v;
		pr->cap = cap;
	}
	pr->v[pr->n++] = *row;
	return 0;
}

/* The most frequent year of the dates (the first row's of equal
 * counts), 0 when none.  Counted per year: vb_date_parse gives years
 * 1900-9999. */
static int
bc_progress_year(const struct bc_progress *pr)
{
	static unsigned	 cnt[10000];
	size_t		 i, best = 0;
	long		 y;
	int		 year = 0;

	memset(cnt, 0, sizeof(cnt));
	for (i = 0; i < pr->n; i++)
		if ((y = pr->v[i].ngay / 10000) > 0 && y < 10000)
			cnt[y]++;
	for (i = 0; i < pr->n; i++)
		if ((y = pr->v[i].ngay / 10000) > 0 && y < 10000 &&
		    cnt[y] > best) {
			best = cnt[y];
			year = (int)y;
		}
	return year;
}

int
bc_progress_parse(const char *name, const char *text, size_t len,
    const struct bc_plan *p, const struct bc_data *bd, struct bc_units *us,
    struct diag *d, struct bc_progress *pr)
{
	struct csvt	*t;
	int		 rc;

	if ((rc = csvt_parse(name, text, len, 0, 0, d, &t)) != VB_OK)
		return rc;
	return bc_progress_table(t, p, bd, us, d, pr);
}

int
bc_progress_table(struct csvt *t, const struct bc_plan *p,
    const struct bc_data *bd, struct bc_units *us, struct diag *d,
    struct bc_progress *pr)
{
	const char	*name;
	struct bc_row	 row;
	int		 c[BC_P_N], f, errs = diag_errors(d), ok;
	size_t		 r;
	char		**files;

	/* The rows name their file in later messages (a duplicate in the
	 * next table), after t is freed: pr keeps a copy of the name. */
	memset(&row, 0, sizeof(row));
	if ((files = realloc(pr->files, (pr->nfiles + 1) * sizeof(*files))) ==
	    NULL)
		goto oom;
	pr->files = files;
	if ((files[pr->nfiles] = strdup(t->name)) == NULL)
		goto oom;
	name = files[pr->nfiles++];
	if (t->nrows == 0) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "empty progress table");
		csvt_free(t);
		return VB_EINPUT;
	}
	for (f = 0; f < BC_P_N; f++) {
		c[f] = csvt_column(t, bc_prog_cols[f]);
		if (c[f] < 0 && f <= BC_P_TRANG_THAI)
			diag_add(d, DIAG_ERROR, name, t->rows[0].line, 0,
			    "no column %s (%s)", bc_prog_cols[f][0],
			    bc_prog_heading[f]);
	}
	for (r = 1; r < t->nrows; r++) {
		if (c[BC_P_DON_VI] < 0 || c[BC_P_NHIEM_VU] < 0 ||
		    c[BC_P_TRANG_THAI] < 0)
			break;
		/* A row whose status is empty was not reported (a form
		 * not filled in): it counts as no row. */
		if (*bc_cell(&t->rows[r], c[BC_P_TRANG_THAI]) == '\0')
			continue;
		memset(&row, 0, sizeof(row));
		if ((ok = bc_row_parse(name, &t->rows[r], c, p, bd, us, d,
		    &row)) < 0)
			goto oom;
		if (ok == 1 && bc_row_dup(pr, &row, p, us,
		    c[BC_P_NHIEM_VU] + 1, d) == 0) {
			if (bc_progress_push(pr, &row) != 0)
				goto oom;
			continue;	/* pr owns ket_qua now */
		}
		free(row.ket_qua);
	}
	csvt_free(t);
	pr->year = bc_progress_year(pr);
	return diag_errors(d) > errs ? VB_EINPUT : VB_OK;
oom:
	free(row.ket_qua);
	csvt_free(t);
	return VB_ESYS;
}

void
bc_progress_free(struct bc_progress *pr)
{
	size_t i;

	if (pr == NULL)
		return;
	for (i = 0; i < pr->n; i++)
		free(pr->v[i].ket_qua);
	free(pr->v);
	pr->v = NULL;
	pr->n = pr->cap = 0;
	for (i = 0; i < pr->nfiles; i++)
		free(pr->files[i]);
	free(pr->files);
	pr->files = NULL;
	pr->nfiles = 0;
	free(pr->idx);
	pr->idx = NULL;
	pr->idxcap = pr->nindexed = 0;
}
