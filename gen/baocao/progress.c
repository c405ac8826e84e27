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
	char	*f = csvt_fold(key), *pn = diag_place(p->name, 0, 0);
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
		    pn ? pn : p->name, p->tasks[bi].key, pn ? pn : p->name,
		    p->tasks[bi].line);
	else
		diag_add(d, DIAG_ERROR, file, line, col, "task \"%s\" is not in "
		    "the plan %s (keys are written group.number: II.3)", key,
		    pn ? pn : p->name);
	free(pn);
}

/* Whether folded word w names a kind of body or place ("ubnd", "huyen",
 * "so"): words shared for that alone do not make two units alike. */
static int
bc_generic_word(const char *w)
{
	static const char *const gen[] = { "ubnd", "uy", "ban", "nhan",
	    "dan", "huyen", "xa", "thi", "tran", "thanh", "pho", "tinh", "so",
	    "phong", "truong", "h", "tp", "tx", "va", "cua", "cap", "trung",
	    "tam", "co", "quan", "don", "vi", NULL };
	int i;

	for (i = 0; gen[i] != NULL; i++)
		if (strcmp(w, gen[i]) == 0)
			return 1;
	return 0;
}

#define BC_WORD_SEP	" ,.-/()"

/* Whether one of the words of s folds to fw. */
static int
bc_has_word(const char *s, const char *fw)
{
	char	*copy = strdup(s != NULL ? s : ""), *w, *save = NULL, *f;
	int	 hit = 0;

	for (w = copy ? strtok_r(copy, BC_WORD_SEP, &save) : NULL;
	    w != NULL && !hit; w = strtok_r(NULL, BC_WORD_SEP, &save)) {
		hit = (f = csvt_fold(w)) != NULL && strcmp(f, fw) == 0;
		free(f);
	}
	free(copy);
	return hit;
}

/* How many distinctive words of name (folded one by one) the unit's
 * names hold (its don_vi or ten_day_du). */
static size_t
bc_shared_words(const struct bc_unit *u, const char *name)
{
	char	*copy = strdup(name), *w, *save = NULL, *fw;
	size_t	 n = 0;

	for (w = copy ? strtok_r(copy, BC_WORD_SEP, &save) : NULL; w != NULL;
	    w = strtok_r(NULL, BC_WORD_SEP, &save)) {
		if ((fw = csvt_fold(w)) != NULL && strlen(fw) >= 2 &&
		    !bc_generic_word(fw) && (bc_has_word(u->don_vi, fw) ||
		    bc_has_word(u->ten_day_du, fw)))
			n++;
		free(fw);
	}
	free(copy);
	return n;
}

/* The one unit sharing the most distinctive words (at least two) with
 * name, as a clerk writes a unit in full, shortened or reordered
 * ("Ủy ban nhân dân huyện Mường Chà" for "UBND huyện Mường Chà"); -1
 * when none or a tie. */
static int
bc_unit_by_words(const struct bc_units *us, const char *name)
{
	size_t	i, k, best = 1;
	int	bi = -1;

	for (i = 0; i < us->n; i++) {
		if ((k = bc_shared_words(&us->v[i], name)) > best) {
			best = k;
			bi = (int)i;
		} else if (k == best && bi >= 0)
			bi = -2;	/* a tie */
	}
	return bi < 0 ? -1 : bi;
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
	int	 w;

	for (i = 0; near && f != NULL && i < us->n; i++) {
		if ((g = csvt_fold(us->v[i].don_vi)) == NULL)
			continue;
		if ((dist = vb_edit_distance(f, g)) < best) {
			best = dist;
			bi = i;
		}
		free(g);
	}
	if (near && f != NULL && (best == (size_t)-1 ||
	    best * 3 > strlen(f) + 2) && (w = bc_unit_by_words(us, name)) >= 0) {
		best = 0;
		bi = (size_t)w;
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

/* The unit of a row: its index, -1 after an error, -2 on OOM. */
static int
bc_row_unit(const char *name, const struct csvt_row *r, const int *c,
    struct bc_units *us, struct diag *d)
{
	const char	*unit = bc_cell(r, c[BC_P_DON_VI]);
	int		 u;

	if (*unit == '\0') {
		diag_add(d, DIAG_ERROR, name, r->line, c[BC_P_DON_VI] + 1,
		    "empty unit (column \"Đơn vị\")");
		return -1;
	}
	if ((u = bc_units_find(us, unit)) < 0 && us->from_file) {
		bc_unknown_unit(us, name, r->line, c[BC_P_DON_VI] + 1, unit, d);
		return -1;
	}
	if (u < 0 && (u = bc_units_add(us, unit, 0)) < 0)
		return -2;
	return u;
}

/* Check one row; fill *row and return 1 when it is good. */
static int
bc_row_parse(const char *name, const struct csvt_row *r, const int *c,
    const struct bc_plan *p, const struct bc_data *bd, struct bc_units *us,
    struct diag *d, struct bc_row *row)
{
	const char	*key = bc_cell(r, c[BC_P_NHIEM_VU]),
			*st = bc_cell(r, c[BC_P_TRANG_THAI]),
			*day = bc_cell(r, c[BC_P_NGAY]);
	size_t		 idx[2], n;
	int		 u, s, ok;

	row->file = name;
	row->line = r->line;
	if ((u = bc_row_unit(name, r, c, us, d)) == -2)
		return -1;
	ok = u >= 0;
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
		char *pn = diag_place(p->name, 0, 0);

		diag_add(d, DIAG_ERROR, name, r->line, c[BC_P_NHIEM_VU] + 1,
		    "task \"%s\" is ambiguous: %s lines %d and %d both have "
		    "this key; add a column Mã to the task table with a code "
		    "for each task, and write that code here", key,
		    pn ? pn : p->name, p->tasks[idx[0]].line,
		    p->tasks[idx[1]].line);
		free(pn);
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

/* The earlier row of row's unit, task and period, or NULL. */
static const struct bc_row *
bc_row_earlier(struct bc_progress *pr, const struct bc_row *row)
{
	const struct bc_row	*o;
	size_t			 i, k;

	if (bc_index_sync(pr) != 0) {	/* out of memory: look at each */
		for (i = 0; i < pr->n; i++)
			if (pr->v[i].unit == row->unit &&
			    pr->v[i].task == row->task && pr->v[i].ky == row->ky)
				return &pr->v[i];
		return NULL;
	}
	for (k = bc_index_slot(pr, row->unit, row->task); pr->idx[k] != 0;
	    k = (k + 1) & (pr->idxcap - 1)) {
		o = &pr->v[pr->idx[k] - 1];
		if (o->unit == row->unit && o->task == row->task &&
		    o->ky == row->ky)
			return o;
	}
	return NULL;
}

/* The same unit, task and period as an earlier row: an error naming
 * it. */
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
    const struct bc_want *w, struct diag *d, struct bc_progress *pr)
{
	struct csvt	*t;
	int		 rc;

	if ((rc = csvt_parse_rows(name, text, len, 0, 0, d, &t)) != VB_OK) {
		csvt_free(t);
		return rc;
	}
	return bc_progress_table(t, p, bd, us, w, d, pr);
}

/* The header row of a table: the first of its first rows naming the
 * unit, task and status columns (a form has title rows above), else -1;
 * h: the table seen from there (from its first row when none). */
static long
bc_header_find(const struct csvt *t, struct csvt *h)
{
	size_t r;

	for (r = 0; r < t->nrows && r < 12; r++) {
		*h = *t;
		h->rows = t->rows + r;
		h->nrows = t->nrows - r;
		if (csvt_column(h, bc_prog_cols[BC_P_DON_VI]) >= 0 &&
		    csvt_column(h, bc_prog_cols[BC_P_NHIEM_VU]) >= 0 &&
		    csvt_column(h, bc_prog_cols[BC_P_TRANG_THAI]) >= 0)
			return (long)r;
	}
	*h = *t;
	return -1;
}

/* bc_header_find, 0 when there is none (the errors then name row 1). */
static size_t
bc_header(const struct csvt *t, struct csvt *h)
{
	long r = bc_header_find(t, h);

	return r < 0 ? 0 : (size_t)r;
}

int
bc_progress_matches(const struct csvt *t, void *arg)
{
	struct csvt h;

	(void)arg;
	return bc_header_find(t, &h) >= 0;
}

/* The period of the table from its title rows (those above the header):
 * *ky, want's when none names one; 0, or 1 after an error (a period
 * want does not cover, another year). */
static int
bc_table_ky(const struct csvt *t, size_t hdr, const struct bc_want *w,
    struct diag *d, enum bc_ky *ky, int *titled)
{
	char	 want[64], got[64];
	size_t	 r, f;
	int	 year;

	*ky = w->ky;
	*titled = 0;
	for (r = 0; r < hdr; r++)
		for (f = 0; f < t->rows[r].nfields; f++) {
			if (bc_ky_find(t->rows[r].fields[f], ky, &year) != 0)
				continue;
			*titled = 1;
			if (w->any)
				return 0;
			if (bc_ky_covers(w->ky, *ky) && (w->nam == 0 ||
			    year == 0 || year == w->nam))
				return 0;
			bc_ky_label(*ky, year ? year : w->nam, 0, got,
			    sizeof(got));
			bc_ky_label(w->ky, w->nam ? w->nam : year, 0, want,
			    sizeof(want));
			diag_add(d, DIAG_ERROR, t->name, t->rows[r].line,
			    (int)f + 1, "this form is of %s, not of %s: give "
			    "the forms of the period asked for (--ky)", got,
			    want);
			return 1;
		}
	return 0;
}

const char *
bc_txt_name(enum bc_txt k)
{
	static const char *const name[BC_NTXT] = {
		"Ưu điểm", "Tồn tại, hạn chế", "Nguyên nhân", "Phương hướng",
		"Đề xuất, kiến nghị"
	};

	return name[k];
}

/* The text a form's Mã names ("Ưu điểm", "Tồn tại, hạn chế", "Tồn
 * tại" …), or -1. */
static int
bc_txt_kind(const char *key)
{
	static const struct {
		const char	*fold;
		enum bc_txt	 kind;
	} k[] = {
		{ "uudiem", BC_T_UU_DIEM }, { "tontaihanche", BC_T_TON_TAI },
		{ "tontai", BC_T_TON_TAI }, { "hanche", BC_T_TON_TAI },
		{ "nguyennhan", BC_T_NGUYEN_NHAN },
		{ "phuonghuong", BC_T_PHUONG_HUONG },
		{ "phuonghuongnhiemvu", BC_T_PHUONG_HUONG },
		{ "dexuatkiennghi", BC_T_DE_XUAT }, { "dexuat", BC_T_DE_XUAT },
		{ "kiennghi", BC_T_DE_XUAT }
	};
	char	*f = csvt_fold(key);
	size_t	 i;
	int	 kind = -1;

	for (i = 0; f != NULL && i < sizeof(k) / sizeof(k[0]); i++)
		if (strcmp(f, k[i].fold) == 0)
			kind = (int)k[i].kind;
	free(f);
	return kind;
}

/* Grow an array of n elements of size sz to hold one more; -1 on OOM. */
static int
bc_grow(void *vp, size_t n, size_t *cap, size_t sz)
{
	void	**v = vp, *q;
	size_t	 c;

	if (n < *cap)
		return 0;
	c = *cap ? *cap * 2 : 16;
	if ((q = realloc(*v, c * sz)) == NULL)
		return -1;
	*v = q;
	*cap = c;
	return 0;
}

/* A text row of a form: its text (Kết quả) kept for the unit; 0, -1 on
 * OOM. */
static int
bc_text_row(const char *name, const struct csvt_row *r, const int *c,
    enum bc_txt kind, enum bc_ky ky, struct bc_units *us, struct diag *d,
    struct bc_progress *pr, int *unit)
{
	const char	*text = bc_cell(r, c[BC_P_KET_QUA]);
	struct bc_text	*x;
	int		 u;

	*unit = -1;
	if (*text == '\0')
		return 0;
	if ((u = bc_row_unit(name, r, c, us, d)) == -2)
		return -1;
	if (u < 0)
		return 0;
	*unit = u;
	if (bc_grow(&pr->tx, pr->ntx, &pr->captx, sizeof(*pr->tx)) != 0)
		return -1;
	x = &pr->tx[pr->ntx];
	x->unit = (size_t)u;
	x->ky = ky;
	x->kind = kind;
	if ((x->text = strdup(text)) == NULL)
		return -1;
	pr->ntx++;
	return 0;
}

/* Unit u is in this table (line): a second table of the same period for
 * it is an error; 0, or -1 on OOM. */
static int
bc_src_note(struct bc_progress *pr, const char *name, int line, size_t u,
    enum bc_ky ky, const struct bc_units *us, int nam, struct diag *d)
{
	struct bc_src	*s;
	char		 per[64];
	size_t		 i;

	for (i = 0; i < pr->nsrc; i++) {
		s = &pr->src[i];
		if (s->unit != u || s->ky != ky)
			continue;
		if (s->table == pr->ntables)
			return 0;
		bc_ky_label(ky, nam, 0, per, sizeof(per));
		diag_add(d, DIAG_ERROR, name, line, 1, "a second form of %s "
		    "for %s: the first is %s (line %d); give one form per unit "
		    "and period", us->v[u].don_vi, per, s->file, s->line);
		return 0;
	}
	if (bc_grow(&pr->src, pr->nsrc, &pr->capsrc, sizeof(*pr->src)) != 0)
		return -1;
	s = &pr->src[pr->nsrc];
	s->unit = u;
	s->ky = ky;
	s->table = pr->ntables;
	s->line = line;
	if ((s->file = strdup(name)) == NULL)
		return -1;
	pr->nsrc++;
	return 0;
}

/* Whether row i gives way to another row of its unit and task: one of
 * a later period, or an earlier one of the same period.  The rows of a
 * unit and task are found through the index (each row compared with
 * every other made 80,000 rows take 6 s), else by a scan (no memory). */
static int
bc_row_superseded(struct bc_progress *pr, size_t i, int indexed)
{
	const struct bc_row	*a = &pr->v[i], *b;
	size_t			 j, k = 0;

	if (indexed)
		k = bc_index_slot(pr, a->unit, a->task);
	for (j = 0; indexed ? pr->idx[k] != 0 : j < pr->n;) {
		if (indexed) {
			j = pr->idx[k] - 1;
			k = (k + 1) & (pr->idxcap - 1);
		}
		b = &pr->v[j];
		if (j != i && b->unit == a->unit && b->task == a->task &&
		    (bc_ky_rank(b->ky) > bc_ky_rank(a->ky) ||
		    (b->ky == a->ky && j < i)))
			return 1;
		if (!indexed)
			j++;
	}
	return 0;
}

void
bc_progress_compose(struct bc_progress *pr)
{
	size_t	 i, j, n = 0;
	int	 indexed = bc_index_sync(pr) == 0;
	char	*drop = calloc(pr->n + 1, 1);

	/* Decided for every row before any moves. */
	for (i = 0; drop != NULL && i < pr->n; i++)
		drop[i] = (char)bc_row_superseded(pr, i, indexed);
	for (i = 0; i < pr->n; i++) {
		if (drop != NULL ? drop[i] : bc_row_superseded(pr, i, 0)) {
			free(pr->v[i].ket_qua);
			continue;
		}
		pr->v[n++] = pr->v[i];
	}
	free(drop);
	pr->n = n;
	free(pr->idx);		/* rows moved: bc_index_sync builds anew */
	pr->idx = NULL;
	pr->idxcap = pr->nindexed = 0;
	/* A unit's texts: the latest period's; one period's kept whole. */
	for (n = 0, i = 0; i < pr->ntx; i++) {
		for (j = 0; j < pr->ntx; j++)
			if (pr->tx[j].unit == pr->tx[i].unit &&
			    pr->tx[j].kind == pr->tx[i].kind &&
			    bc_ky_rank(pr->tx[j].ky) > bc_ky_rank(pr->tx[i].ky))
				break;
		if (j < pr->ntx) {
			free(pr->tx[i].text);
			continue;
		}
		pr->tx[n++] = pr->tx[i];
	}
	pr->ntx = n;
}

/* A copy of the table's name that lives as long as pr (its rows point to
 * it, and messages about later tables name it); NULL on OOM. */
static const char *
bc_progress_name(struct bc_progress *pr, const char *name)
{
	char	**v, *s;

	if ((s = strdup(name)) == NULL ||
	    (v = realloc(pr->files, (pr->nfiles + 1) * sizeof(*v))) == NULL) {
		free(s);
		return NULL;
	}
	pr->files = v;
	pr->files[pr->nfiles++] = s;
	return s;
}

int
bc_progress_table(struct csvt *t0, const struct bc_plan *p,
    const struct bc_data *bd, struct bc_units *us, const struct bc_want *w,
    struct diag *d, struct bc_progress *pr)
{
	const char	*name;
	struct bc_row	 row;
	struct csvt	 view, *t = &view;
	enum bc_ky	 ky;
	int		 c[BC_P_N], f, k, errs = diag_errors(d), ok, titled;
	size_t		 r, hdr = bc_header(t0, &view);

	/* Rows and messages name the table after it is freed. */
	if ((name = bc_progress_name(pr, t0->name)) == NULL) {
		csvt_free(t0);
		return VB_ESYS;
	}
	if (bc_table_ky(t0, hdr, w, d, &ky, &titled) != 0) {
		csvt_free(t0);
		return VB_EINPUT;
	}
	if (t->nrows == 0) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "empty progress table");
		csvt_free(t0);
		return VB_EINPUT;
	}
	for (f = 0; f < BC_P_N; f++) {
		c[f] = csvt_column(t, bc_prog_cols[f]);
		if (c[f] < 0 && f <= BC_P_TRANG_THAI)
			diag_add(d, DIAG_ERROR, name, t->rows[0].line, 0,
			    "no column %s (%s)", bc_prog_cols[f][0],
			    bc_prog_heading[f]);
	}
	pr->ntables++;
	for (r = 1; r < t->nrows; r++) {
		if (c[BC_P_DON_VI] < 0 || c[BC_P_NHIEM_VU] < 0 ||
		    c[BC_P_TRANG_THAI] < 0)
			break;
		if ((k = bc_txt_kind(bc_cell(&t->rows[r],
		    c[BC_P_NHIEM_VU]))) >= 0) {
			if (bc_text_row(name, &t->rows[r], c, (enum bc_txt)k, ky,
			    us, d, pr, &f) != 0 || (f >= 0 && bc_src_note(pr,
			    name, t->rows[r].line, (size_t)f, ky, us, w->nam,
			    d) != 0))
				goto oom0;
			continue;
		}
		/* A row whose status is empty was not reported (a form
		 * not filled in): it counts as no row. */
		if (*bc_cell(&t->rows[r], c[BC_P_TRANG_THAI]) == '\0')
			continue;
		memset(&row, 0, sizeof(row));
		row.ky = ky;
		row.titled = titled;
		if ((ok = bc_row_parse(name, &t->rows[r], c, p, bd, us, d,
		    &row)) < 0)
			goto oom;
		/* A date after the report's, of a row the report uses (a
		 * year's table given for a quarter keeps its later rows). */
		if (ok == 1 && w->ngay != 0 && row.ngay > w->ngay &&
		    bc_task_shown(p, row.task, bc_ky_quarters(w->ky), &row)) {
			diag_add(d, DIAG_ERROR, name, row.line, c[BC_P_NGAY] + 1,
			    "completion date %02ld/%02ld/%04ld is after the "
			    "date of the report (--ngay %02ld/%02ld/%04ld)",
			    row.ngay % 100, row.ngay / 100 % 100,
			    row.ngay / 10000, w->ngay % 100, w->ngay / 100 % 100,
			    w->ngay / 10000);
			ok = 0;
		}
		if (ok == 1 && bc_src_note(pr, name, row.line, row.unit, ky,
		    us, w->nam, d) != 0)
			goto oom;
		if (ok == 1 && bc_row_dup(pr, &row, p, us,
		    c[BC_P_NHIEM_VU] + 1, d) == 0) {
			if (bc_progress_push(pr, &row) != 0)
				goto oom;
			continue;	/* pr owns ket_qua now */
		}
		free(row.ket_qua);
	}
	csvt_free(t0);
	pr->year = bc_progress_year(pr);
	return diag_errors(d) > errs ? VB_EINPUT : VB_OK;
oom:
	free(row.ket_qua);
oom0:
	csvt_free(t0);
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
	for (i = 0; i < pr->ntx; i++)
		free(pr->tx[i].text);
	for (i = 0; i < pr->nsrc; i++)
		free(pr->src[i].file);
	free(pr->v);
	free(pr->tx);
	free(pr->src);
	for (i = 0; i < pr->nfiles; i++)
		free(pr->files[i]);
	free(pr->files);
	free(pr->idx);
	memset(pr, 0, sizeof(*pr));
}
