/*
 * bc/plan.c - the plan's task table, the very CSV the plan renders:
 * group rows (a Roman numeral in the first cell) whose title names the
 * period ("Nhiệm vụ thực hiện trong Quý I", "Công việc thực hiện trong
 * quý III", "Nhiệm vụ thường xuyên trong năm"), then numbered tasks.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "baocao/bc.h"

static const char *const bc_col_stt[] = {
	"stt", "Số TT", "TT", "Số thứ tự", NULL
};
static const char *const bc_col_noi_dung[] = {
	"noi_dung", "Nội dung nhiệm vụ", "Nội dung nhiệm vụ chủ yếu",
	"Nội dung", "Nội dung công việc", "Nhiệm vụ", NULL
};
static const char *const bc_col_chu_tri[] = {
	"chu_tri", "Đơn vị chủ trì", "Đơn vị chủ trì tham mưu", "Chủ trì",
	"Cơ quan chủ trì", NULL
};
static const char *const bc_col_phoi_hop[] = {
	"phoi_hop", "Đơn vị phối hợp", "Đơn vị phối hợp thực hiện",
	"Phối hợp", "Cơ quan phối hợp", NULL
};
static const char *const bc_col_ma[] = {
	"ma", "Mã", "Mã nhiệm vụ", NULL
};

/*
 * The period a group title names: 1..4 for "quý I".."quý IV" (or
 * "quý 1"), 0 for "thường xuyên", -1 when none.  *year: a year written
 * in the title, else left alone.
 */
static int
bc_title_period(const char *title, int *year)
{
	static const char *const q[] = {
		"i", "ii", "iii", "iv", "1", "2", "3", "4"
	};
	char	*slug = vb_slug(title), *w, *prev = NULL, *save = NULL;
	int	 period = -1;
	size_t	 i;

	if (slug == NULL)
		return -1;
	for (w = strtok_r(slug, "-", &save); w != NULL;
	    prev = w, w = strtok_r(NULL, "-", &save)) {
		if (strlen(w) == 4 && isdigit((unsigned char)w[0]) &&
		    (w[0] == '1' || w[0] == '2') && atoi(w) >= 1945)
			*year = atoi(w);
		if (prev != NULL && strcmp(prev, "quy") == 0 && period < 0)
			for (i = 0; i < 8; i++)
				if (strcmp(w, q[i]) == 0)
					period = (int)(i % 4) + 1;
		if (prev != NULL && strcmp(prev, "thuong") == 0 &&
		    strcmp(w, "xuyen") == 0 && period < 0)
			period = 0;
	}
	free(slug);
	return period;
}

static const char *
bc_cell(const struct csvt_row *r, int c)
{
	return (c >= 0 && (size_t)c < r->nfields) ? r->fields[c] : "";
}

/* A group row: set up groups[ngroups]; 0, or -1 on OOM. */
static int
bc_plan_group(struct bc_plan *p, const struct csvt_row *row, int cstt,
    struct diag *d)
{
	struct bc_group	*g = &p->groups[p->ngroups];
	const char	*title = "";
	size_t		 i;
	int		 year = 0;

	for (i = 0; i < row->nfields && *title == '\0'; i++)
		if ((int)i != cstt)
			title = row->fields[i];
	g->line = row->line;
	if ((g->roman = strdup(bc_cell(row, cstt))) == NULL ||
	    (g->title = strdup(title)) == NULL)
		return -1;
	g->quarter = bc_title_period(title, &year);
	if (year != 0 && p->year == 0)
		p->year = year;
	if (g->quarter < 0) {
		diag_add(d, DIAG_ERROR, p->name, row->line, 1, "group %s \"%s\" "
		    "names no period: its title must say Quý I, Quý II, Quý "
		    "III, Quý IV or thường xuyên", g->roman, title);
		g->quarter = 0;
	}
	p->ngroups++;
	return 0;
}

/* A task row: set up tasks[ntasks]; 0, or -1 on OOM. */
static int
bc_plan_task(struct bc_plan *p, const struct csvt_row *row, int cstt,
    int cnd, const int cct[2], int cma, struct diag *d)
{
	struct bc_task	*t = &p->tasks[p->ntasks];
	const char	*ma = bc_cell(row, cma), *so = bc_cell(row, cstt);

	if (p->ngroups == 0 && *ma == '\0') {
		diag_add(d, DIAG_ERROR, p->name, row->line, 1, "task \"%s\" "
		    "comes before the first group row (I, II, …), so its period "
		    "is unknown", so);
		return 0;
	}
	t->line = row->line;
	t->group = p->ngroups ? p->ngroups - 1 : 0;
	if (*ma != '\0')
		t->key = strdup(ma);
	else if (asprintf(&t->key, "%s.%s", p->groups[t->group].roman,
	    so) < 0)
		t->key = NULL;
	if (t->key == NULL || (t->fold = csvt_fold(t->key)) == NULL ||
	    (t->so = strdup(so)) == NULL ||
	    (t->noi_dung = strdup(bc_cell(row, cnd))) == NULL ||
	    (t->chu_tri = strdup(bc_cell(row, cct[0]))) == NULL ||
	    (t->phoi_hop = strdup(bc_cell(row, cct[1]))) == NULL)
		return -1;
	p->ntasks++;
	return 0;
}

int
bc_plan_parse(const char *name, const char *text, size_t len,
    struct diag *d, struct bc_plan **out)
{
	struct csvt	*t = NULL;
	int		 rc;

	*out = NULL;
	if ((rc = csvt_parse(name, text, len, 0, 0, d, &t)) != VB_OK)
		return rc;
	return bc_plan_table(t, d, out);
}

int
bc_plan_matches(const struct csvt *t, void *arg)
{
	(void)arg;
	return csvt_column(t, bc_col_noi_dung) >= 0;
}

int
bc_plan_table(struct csvt *t, struct diag *d, struct bc_plan **out)
{
	struct bc_plan	*p;
	const char	*name = t->name;
	int		 errs = diag_errors(d), cstt, cnd, cct[2], cma, oom = 0;
	size_t		 r, i, j;

	*out = NULL;
	if ((p = calloc(1, sizeof(*p))) == NULL ||
	    (p->name = strdup(name)) == NULL ||
	    (p->groups = calloc(t->nrows, sizeof(*p->groups))) == NULL ||
	    (p->tasks = calloc(t->nrows, sizeof(*p->tasks))) == NULL) {
		csvt_free(t);
		bc_plan_free(p);
		return VB_ESYS;
	}
	if ((cstt = csvt_column(t, bc_col_stt)) < 0)
		cstt = 0;
	cma = csvt_column(t, bc_col_ma);
	cct[0] = csvt_column(t, bc_col_chu_tri);
	cct[1] = csvt_column(t, bc_col_phoi_hop);
	if ((cnd = csvt_column(t, bc_col_noi_dung)) < 0)
		diag_add(d, DIAG_ERROR, name, t->nrows ? t->rows[0].line : 1, 0,
		    "no column of task contents (Nội dung nhiệm vụ)");
	for (r = 1; r < t->nrows && cnd >= 0 && !oom; r++) {
		const struct csvt_row *row = &t->rows[r];

		if (vb_roman(bc_cell(row, cstt),
		    strlen(bc_cell(row, cstt))) > 0 &&
		    *bc_cell(row, cma) == '\0')
			oom = bc_plan_group(p, row, cstt, d) != 0;
		else if (*bc_cell(row, cstt) != '\0' ||
		    *bc_cell(row, cnd) != '\0')
			oom = bc_plan_task(p, row, cstt, cnd, cct, cma, d) != 0;
	}
	csvt_free(t);
	if (!oom && cnd >= 0 && p->ntasks == 0)
		diag_add(d, DIAG_ERROR, p->name, 0, 0, "no tasks: the task table "
		    "has only a header or group rows");
	for (i = 0; i < p->ntasks; i++)
		for (j = i + 1; j < p->ntasks; j++)
			if (strcmp(p->tasks[i].fold, p->tasks[j].fold) == 0)
				p->tasks[i].dup = p->tasks[j].dup = 1;
	if (oom || diag_errors(d) > errs) {
		bc_plan_free(p);
		return oom ? VB_ESYS : VB_EINPUT;
	}
	*out = p;
	return VB_OK;
}

void
bc_plan_free(struct bc_plan *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->ngroups; i++) {
		free(p->groups[i].roman);
		free(p->groups[i].title);
	}
	for (i = 0; i < p->ntasks; i++) {
		free(p->tasks[i].key);
		free(p->tasks[i].fold);
		free(p->tasks[i].so);
		free(p->tasks[i].noi_dung);
		free(p->tasks[i].chu_tri);
		free(p->tasks[i].phoi_hop);
	}
	free(p->groups);
	free(p->tasks);
	free(p->name);
	free(p);
}

int
bc_task_in(const struct bc_plan *p, size_t i, unsigned mask)
{
	int q = p->groups[p->tasks[i].group].quarter;

	if (mask == 0)
		return 0;
	return q == 0 || (mask & (1u << (q - 1))) != 0;
}

int
bc_task_shown(const struct bc_plan *p, size_t i, unsigned mask,
    const struct bc_row *r)
{
	int q = p->groups[p->tasks[i].group].quarter;

	if (bc_task_in(p, i, mask))
		return 1;
	return r != NULL && r->titled && q > 0 && mask != 0 &&
	    q < ffs((int)mask);
}

size_t
bc_task_find(const struct bc_plan *p, const char *s, size_t idx[2])
{
	char	*f = csvt_fold(s);
	size_t	 i, n = 0;

	for (i = 0; f != NULL && *f != '\0' && i < p->ntasks; i++)
		if (strcmp(p->tasks[i].fold, f) == 0) {
			if (n < 2)
				idx[n] = i;
			n++;
		}
	free(f);
	return n;
}
