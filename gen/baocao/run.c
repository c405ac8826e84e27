/*
 * bc/run.c - one run of vb-baocao: every input read and checked first
 * (all problems in one run, nothing written on error), then the sources
 * or forms written, then rendered.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "baocao/bc.h"

/* Everything read, owned together. */
struct bc_in {
	struct bc_data		*bd;
	struct bc_plan		*plan;
	struct bc_units		 units;
	struct bc_progress	 pr;
	struct bc_awards	 aw;     /* --khen-thuong, of the period */
	unsigned char		*role;   /* bc_roles */
	unsigned char		*silent; /* [u]: asked, sent nothing */
};

static void
bc_in_free(struct bc_in *in)
{
	bc_data_free(in->bd);
	bc_plan_free(in->plan);
	bc_units_free(&in->units);
	bc_progress_free(&in->pr);
	bc_awards_free(&in->aw);
	free(in->role);
	free(in->silent);
}

/* The lead units of the plan ("Sở Nội vụ (cơ quan thường trực)" counts
 * as "Sở Nội vụ"; a group phrase, "Các cơ quan, đơn vị, địa phương",
 * names no unit), as the units of the forms. */
static int
bc_lead_units(const struct bc_data *bd, const struct bc_plan *p,
    struct bc_units *us)
{
	size_t	 i, n;
	char	*name, *f;
	int	 rc = 0;

	for (i = 0; i < p->ntasks && rc == 0; i++) {
		n = strcspn(p->tasks[i].chu_tri, "(");
		while (n > 0 && p->tasks[i].chu_tri[n - 1] == ' ')
			n--;
		if (n == 0)
			continue;
		if ((name = strndup(p->tasks[i].chu_tri, n)) == NULL ||
		    (f = csvt_fold(name)) == NULL) {
			free(name);
			return -1;
		}
		if (bc_text_groups(bd, f) == 0 && bc_units_find(us, name) < 0 &&
		    bc_units_add(us, name, 0) < 0)
			rc = -1;
		free(f);
		free(name);
	}
	return rc;
}

/* Read the data, the plan, the units and the progress tables. */
static int
bc_read(struct bc_args *a, struct bc_in *in, struct diag *d)
{
	struct csvt	*t = NULL;
	struct bc_want	 w = { a->ky, a->nam, a->ngay, 0 };
	struct table_match mp = { bc_plan_matches, NULL };
	struct table_match mf = { bc_progress_matches, NULL };
	char		*tdir;
	size_t		 i;
	int		 rc, rc2;

	/* Forms: the earlier periods' tables carry their unfinished tasks
	 * (an untitled one is of the quarter before). */
	if (a->mau) {
		w.any = 1;
		w.ky = a->ky > BC_Q1 && a->ky <= BC_Q4 ? a->ky - 1 : BC_Q1;
		w.ngay = 0;
	}
	if ((tdir = bc_find_templates(a->templates)) == NULL)
		return VB_ESYS;
	rc = bc_data_load(tdir, a->config, d, &in->bd);
	free(tdir);
	if (rc != VB_OK)
		return rc;
	/* Tables: CSV in any encoding, or workbooks whose sheet is the
	 * first with the headings looked for (or --sheet). */
	if ((rc = table_read_head_match(a->tasks, a->sheet, a->enc, &mp, d,
	    &t)) != VB_OK) {
		csvt_free(t);
		return rc;
	}
	rc = bc_plan_table(t, d, &in->plan);
	if (a->units != NULL && (rc2 = bc_units_load(a->units, a->sheet,
	    a->enc, d, &in->units)) != VB_OK && rc2 > rc)
		rc = rc2;
	if (rc != VB_OK)
		return rc;
	for (i = 0; i < a->nprogress; i++) {
		if ((rc2 = table_read_match(a->progress[i], a->sheet, a->enc,
		    &mf, d, &t)) == VB_OK)
			rc2 = bc_progress_table(t, in->plan, in->bd,
			    &in->units, &w, d, &in->pr);
		else
			csvt_free(t);
		if (rc2 > rc)
			rc = rc2;
	}
	bc_progress_compose(&in->pr);
	if (rc == VB_OK && a->mau && in->units.n == 0 &&
	    bc_lead_units(in->bd, in->plan, &in->units) != 0)
		rc = VB_ESYS;
	if (rc == VB_OK && in->units.n == 0) {
		diag_add(d, DIAG_ERROR, a->nprogress ? a->progress[0] : a->tasks,
		    0, 0, "no units to report on: the table names none; give "
		    "--don-vi FILE");
		rc = VB_EINPUT;
	}
	if (rc == VB_OK && a->units == NULL && !a->mau)
		diag_add(d, DIAG_WARNING, NULL, 0, 0, "no --don-vi: each report "
		    "names its unit as the progress table does and leaves the "
		    "parent agency, ký hiệu and signer blank to fill by hand");
	if (rc == VB_OK && bc_units_slugs(&in->units) != 0)
		rc = VB_ESYS;
	return rc;
}

/* The year of the documents: --nam, else the data's, saying which. */
static int
bc_year(const struct bc_args *a, const struct bc_in *in, struct diag *d)
{
	time_t		 t = time(NULL);
	struct tm	*tm = localtime(&t);
	int		 y = tm ? tm->tm_year + 1900 : 2020;

	if (a->nam != 0)
		return a->nam;
	if (in->plan->year != 0) {
		diag_add(d, DIAG_WARNING, a->tasks, 0, 0, "no --nam: the year "
		    "is %d, named in the group titles", in->plan->year);
		return in->plan->year;
	}
	if (in->pr.year != 0) {
		diag_add(d, DIAG_WARNING, a->progress[0], 0, 0, "no --nam: the "
		    "year is %d, the year of most progress dates", in->pr.year);
		return in->pr.year;
	}
	diag_add(d, DIAG_WARNING, a->tasks, 0, 0, "no --nam, and neither the "
	    "group titles nor the progress dates name a year: the year is "
	    "%d, the current one", y);
	return y;
}

/* Is unit u asked of some task of mask? */
static int
bc_asked(const struct bc_in *in, size_t u, unsigned mask)
{
	size_t i;

	for (i = 0; i < in->plan->ntasks; i++)
		if (in->role[u * in->plan->ntasks + i] != BC_ROLE_NONE &&
		    bc_task_in(in->plan, i, mask))
			return 1;
	return 0;
}

/* Warnings about the period: units asked something that sent nothing
 * for it (silent: no report, the reminder), tasks of it that share a
 * key (their rows cannot be told apart). */
static void
bc_check_period(const struct bc_args *a, struct bc_in *in, unsigned mask,
    struct diag *d)
{
	size_t	 u, i, j;
	char	 name[64];

	for (i = 0; i < in->plan->ntasks; i++)
		if (in->plan->tasks[i].dup && bc_task_in(in->plan, i, mask)) {
			for (j = i + 1; j < in->plan->ntasks &&
			    !(in->plan->tasks[j].dup && strcmp(in->plan->
			    tasks[j].fold, in->plan->tasks[i].fold) == 0); j++)
				continue;
			if (j < in->plan->ntasks)
				diag_add(d, DIAG_WARNING, a->tasks,
				    in->plan->tasks[j].line, 0, "task %s has "
				    "the key of line %d: no progress row can "
				    "name either; give the table a column Mã "
				    "with a code for each task",
				    in->plan->tasks[j].key,
				    in->plan->tasks[i].line);
		}
	if (a->mau)
		return;
	bc_ky_label(a->ky, a->nam_used, 0, name, sizeof(name));
	for (u = 0; u < in->units.n; u++) {
		in->silent[u] = bc_asked(in, u, mask) &&
		    !bc_unit_sent(in->plan, &in->pr, u, mask);
		if (in->silent[u])
			diag_add(d, DIAG_WARNING, NULL, 0, 0, "%s sent nothing "
			    "for %s: no report in its name; the summary lists "
			    "it and don-doc.md reminds it", in->units.v[u].don_vi,
			    name);
	}
}

/* Outputs kept in memory until all are made; a workbook (xlsx[i]) is
 * written from its form's description. */
struct bc_out {
	char		**path;   /* file names */
	char		**text;   /* contents (NULL: a workbook) */
	size_t		 *len;    /* their sizes */
	struct bc_form_in *xlsx;  /* the workbooks' forms */
	size_t		  n;
};

static int
bc_out_add(struct bc_out *o, char *path, char *text, size_t len)
{
	if (path == NULL || text == NULL) {
		free(path);
		free(text);
		return VB_ESYS;
	}
	o->path[o->n] = path;
	o->text[o->n] = text;
	o->len[o->n++] = len;
	return VB_OK;
}

/* The record of the output just added (o->n - 1) for the closing lines:
 * its kind, file and unit (u, or none when u is units.n). */
static int
bc_doc_add(struct bc_args *a, const struct bc_out *o, enum bc_doc_kind k,
    const struct bc_units *us, size_t u)
{
	struct bc_doc	*doc = &a->docs[o->n - 1];
	const char	*name = u < us->n ? (*us->v[u].ten_day_du ?
			    us->v[u].ten_day_du : us->v[u].don_vi) : NULL;

	doc->kind = k;
	doc->file = strdup(o->path[o->n - 1]);
	doc->don_vi = name ? strdup(name) : NULL;
	return doc->file == NULL || (name && doc->don_vi == NULL) ? VB_ESYS :
	    VB_OK;
}

/* The forms of every unit for period k (or every quarter). */
static int
bc_make_forms(struct bc_args *a, struct bc_in *in, struct bc_out *o)
{
	struct bc_form_in	 f;
	enum bc_ky		 k, k0 = a->have_ky ? a->ky : BC_Q1,
				 k1 = a->have_ky ? a->ky : BC_Q4;
	char			*path, *text;
	size_t			 u, len;
	int			 rc = VB_OK;

	memset(&f, 0, sizeof(f));
	f.plan = in->plan;
	f.units = &in->units;
	f.bd = in->bd;
	f.role = in->role;
	f.carry = &in->pr;
	f.nam = a->nam_used;
	f.epoch = a->ropt.epoch;
	for (k = k0; k <= k1 && rc == VB_OK; k++)
		for (u = 0; u < in->units.n && rc == VB_OK; u++) {
			f.u = u;
			f.ky = k;
			if (!bc_asked(in, u, bc_ky_quarters(k)))
				continue;
			if (asprintf(&path, "%s/%s-%s.%s", a->outdir,
			    in->units.v[u].slug, bc_ky_code(k),
			    a->mau_csv ? "csv" : "xlsx") < 0)
				return VB_ESYS;
			if (!a->mau_csv) {
				o->xlsx[o->n] = f;
				rc = bc_out_add(o, path, strdup(""), 0);
			} else if ((rc = bc_form_csv(&f, &text, &len)) ==
			    VB_OK)
				rc = bc_out_add(o, path, text, len);
			else
				free(path);
			if (rc == VB_OK)
				rc = bc_doc_add(a, o, BC_DOC_FORM, &in->units,
				    u);
		}
	return rc;
}

/* Make every output: the forms, or the reports (of the units that sent
 * something), the summary and the reminder. */
static int
bc_make(struct bc_args *a, struct bc_in *in, struct bc_out *o,
    struct diag *d)
{
	struct bc_opt	 opt;
	size_t		 u, nsilent = 0;
	char		*path, *text;
	int		 rc = VB_OK;

	if (a->mau)
		return bc_make_forms(a, in, o);
	memset(&opt, 0, sizeof(opt));
	opt.ky = a->ky;
	opt.nam = a->nam_used;
	opt.ngay = a->ngay;
	opt.han = a->han;
	opt.du_thao = a->du_thao;
	opt.role = in->role;
	opt.aw = &in->aw;
	for (u = 0; u < in->units.n && rc == VB_OK; u++) {
		if (in->silent[u] || !bc_unit_sent(in->plan, &in->pr, u,
		    bc_ky_quarters(a->ky))) {
			nsilent += in->silent[u];
			continue;
		}
		opt.doc = &a->docs[o->n];
		if ((rc = bc_unit_report(in->bd, in->plan, &in->units, &in->pr,
		    u, &opt, d, &text)) != VB_OK)
			break;
		if (asprintf(&path, "%s/%s.md", a->outdir,
		    in->units.v[u].slug) < 0)
			path = NULL;
		if ((rc = bc_out_add(o, path, text, strlen(text))) == VB_OK)
			rc = bc_doc_add(a, o, BC_DOC_REPORT, &in->units, u);
		a->n_reports++;
	}
	a->n_silent = nsilent;
	opt.doc = &a->docs[o->n];
	if (rc == VB_OK && (rc = bc_summary(in->bd, in->plan, &in->units,
	    &in->pr, &opt, d, &text)) == VB_OK) {
		if (asprintf(&path, "%s/tong-hop.md", a->outdir) < 0)
			path = NULL;
		if ((rc = bc_out_add(o, path, text, strlen(text))) == VB_OK)
			rc = bc_doc_add(a, o, BC_DOC_SUMMARY, &in->units,
			    in->units.n);
	}
	opt.doc = &a->docs[o->n];
	if (rc == VB_OK && nsilent > 0 && (rc = bc_reminder(in->bd,
	    &in->units, in->silent, &opt, d, &text)) == VB_OK) {
		if (asprintf(&path, "%s/don-doc.md", a->outdir) < 0)
			path = NULL;
		if ((rc = bc_out_add(o, path, text, strlen(text))) == VB_OK)
			rc = bc_doc_add(a, o, BC_DOC_REMINDER, &in->units,
			    in->units.n);
	}
	return rc;
}

/* Render every source in memory (render_batch: -j workers), so that a
 * problem in any of them stops the run before a file is written. */
static int
bc_render(const struct bc_args *a, const struct bc_out *o, int format,
    struct render_job **out, struct diag *d)
{
	struct render_opt	 ropt = a->ropt;
	struct render_job	*jobs;
	size_t			 i;
	int			 rc;

	*out = NULL;
	ropt.format = format;
	if ((jobs = calloc(o->n ? o->n : 1, sizeof(*jobs))) == NULL)
		return VB_ESYS;
	for (i = 0; i < o->n; i++) {
		jobs[i].name = o->path[i];
		jobs[i].text = o->text[i];
	}
	rc = render_batch(&ropt, jobs, o->n, a->jobs, a->cb, a->ctx, d);
	if (rc != VB_OK) {
		render_jobs_free(jobs, o->n);
		return rc;
	}
	*out = jobs;
	return VB_OK;
}

/* --gop: every document laid out for the merged PDF, in the order they
 * are written, before anything is (said: their own PDFs or DOCX files,
 * made in the run, gave their warnings). */
static int
bc_book(const struct bc_args *a, const struct bc_out *o,
    struct render_book **book, struct diag *d)
{
	size_t	 i;
	int	 rc = VB_OK, r;

	if (a->mau) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--gop merges the reports' "
		    "PDFs: the forms of --mau are workbooks");
		return VB_EUSAGE;
	}
	if ((*book = render_book_new(&a->ropt, a->gop, d)) == NULL)
		return VB_ESYS;
	for (i = 0; i < o->n; i++)
		if ((r = render_book_add(*book, o->path[i], o->text[i], a->pdf ||
		    a->docx, d)) > rc)
			rc = r;
	return rc;
}

/* The rendering of the source at path, its extension replaced by ext. */
static int
bc_write_as(const char *path, const char *ext, const struct render_job *j,
    struct diag *d)
{
	char	*to;
	int	 rc;

	if ((to = vb_with_ext(path, ext)) == NULL)
		return VB_ESYS;
	rc = text_write_file(to, j->out, j->outlen, d);
	free(to);
	return rc;
}

/* Five working days (Monday to Friday) after day v. */
static vb_date
bc_workdays(vb_date v, int n)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	int	 y = (int)(v / 10000), m = (int)(v / 100 % 100),
		 dd = (int)(v % 100), yy, wd, ml;

	while (n > 0) {
		ml = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) ||
		    y % 400 == 0));
		if (++dd > ml) {
			dd = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
		yy = y - (m < 3);
		wd = (yy + yy / 4 - yy / 100 + yy / 400 + t[m - 1] + dd) % 7;
		n -= wd != 0 && wd != 6;	/* 0 Sunday, 6 Saturday */
	}
	return (vb_date)y * 10000 + m * 100 + dd;
}

/* The period's awards (--khen-thuong), the roles, the units that sent
 * nothing, the settings; after bc_read. */
static int
bc_prepare(struct bc_args *a, struct bc_in *in, struct diag *d)
{
	vb_date	 from, to;
	size_t	 i;
	int	 rc = VB_OK, rc2;

	bc_ky_range(a->ky, a->nam_used, &from, &to);
	for (i = 0; i < a->nkhen_thuong; i++)
		if ((rc2 = bc_awards_load(a->khen_thuong[i], a->enc, from, to,
		    d, &in->aw)) > rc)
			rc = rc2;
	if (rc == VB_ESYS)
		return rc;
	in->role = bc_roles(in->bd, in->plan, &in->units);
	in->silent = calloc(in->units.n + 1, 1);
	if (in->role == NULL || in->silent == NULL)
		return VB_ESYS;
	bc_check_period(a, in, bc_ky_quarters(a->ky), d);
	if (!a->have_ky && a->mau)
		for (i = BC_Q2; i <= BC_Q4; i++)
			bc_check_period(a, in, bc_ky_quarters(i), d);
	if (a->han == 0 && a->ngay != 0)
		a->han = bc_workdays(a->ngay, 5);
	if (!a->mau && bc_config_check(in->bd, &in->units, a->du_thao, d) &&
	    !a->du_thao)
		return VB_EINPUT;
	return rc;
}

/* Write every output (nothing was before: all is made). */
static int
bc_write(const struct bc_args *a, const struct bc_out *o,
    const struct render_job *jobs, const struct render_job *docx,
    struct diag *d)
{
	size_t	 i;
	int	 rc = VB_OK;

	/* Everything is made: only now is anything written. */
	if ((rc = vb_mkdir_p(a->outdir, d)) != VB_OK)
		return rc;
	for (i = 0; i < o->n && rc == VB_OK; i++) {
		if (o->xlsx[i].plan != NULL) {
			rc = bc_form_xlsx(&o->xlsx[i], o->path[i], d);
			continue;
		}
		rc = text_write_file(o->path[i], o->text[i], o->len[i], d);
		if (rc == VB_OK && jobs != NULL)
			rc = bc_write_as(o->path[i], ".pdf", &jobs[i], d);
		if (rc == VB_OK && docx != NULL)
			rc = bc_write_as(o->path[i], ".docx", &docx[i], d);
	}
	return rc;
}

int
bc_run(struct bc_args *a, struct diag *d)
{
	struct bc_in	 in;
	struct bc_out	 o;
	struct render_job *jobs = NULL, *docx = NULL;
	struct render_book *book = NULL;
	size_t		 i, cap = 0;
	int		 rc;

	memset(&in, 0, sizeof(in));
	memset(&o, 0, sizeof(o));
	if ((rc = bc_read(a, &in, d)) != VB_OK)
		goto out;
	a->nam_used = bc_year(a, &in, d);
	if ((rc = bc_prepare(a, &in, d)) != VB_OK)
		goto out;
	cap = in.units.n * 4 + 3;
	o.path = calloc(cap, sizeof(*o.path));
	o.text = calloc(cap, sizeof(*o.text));
	o.len = calloc(cap, sizeof(*o.len));
	o.xlsx = calloc(cap, sizeof(*o.xlsx));
	a->docs = calloc(cap, sizeof(*a->docs));
	if (o.path == NULL || o.text == NULL || o.len == NULL ||
	    o.xlsx == NULL || a->docs == NULL) {
		rc = VB_ESYS;
		goto out;
	}
	if ((rc = bc_make(a, &in, &o, d)) != VB_OK)
		goto out;
	if (a->pdf && !a->mau &&
	    (rc = bc_render(a, &o, RENDER_PDF, &jobs, d)) != VB_OK)
		goto out;
	if (a->docx && !a->mau &&
	    (rc = bc_render(a, &o, RENDER_DOCX, &docx, d)) != VB_OK)
		goto out;
	if (a->gop != NULL && (rc = bc_book(a, &o, &book, d)) != VB_OK)
		goto out;
	if ((rc = bc_write(a, &o, jobs, docx, d)) != VB_OK ||
	    (book != NULL && (rc = render_book_write(book, d)) != VB_OK))
		goto out;
	if (a->mau)
		a->n_csv = o.n;
	else
		a->n_md = o.n;
	a->n_pdf = jobs != NULL ? o.n : 0;
	a->ndocs = o.n;
out:
	if (rc != VB_OK) {   /* nothing to tell */
		bc_docs_free(a->docs, cap);
		a->docs = NULL;
	}
	if (rc == VB_ESYS && diag_errors(d) == 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
	for (i = 0; i < o.n; i++) {
		free(o.path[i]);
		free(o.text[i]);
	}
	render_jobs_free(jobs, o.n);
	render_jobs_free(docx, o.n);
	render_book_free(book);
	free(o.path);
	free(o.text);
	free(o.len);
	free(o.xlsx);
	bc_in_free(&in);
	return rc;
}

int
bc_khoi_tao(const char *templates, const char *dir, struct diag *d)
{
	char	*tdir;
	int	 rc;

	if ((tdir = bc_find_templates(templates)) == NULL) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		return VB_ESYS;
	}
	rc = bc_init_dir(tdir, dir, d);
	free(tdir);
	return rc;
}
