/*
 * worker.c - one job of vb-web, in its own process (vb-web --worker
 * DIR): limits first, then the generator's entry point with the same
 * options and checks as the tool, then what the result page shows.
 *
 * DIR/job holds "key=value" lines written by the server from the form:
 * kind (kt, bc), ngay, du_thao, so (repeated), ky, and file.FIELD=NAME
 * for each upload (names the server chose).  Written here: ra/ (the
 * documents), loi.txt (one message a line: level, file, line, col, text
 * separated by tabs), tom-tat.txt (key=value), ket-qua.zip.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "vanban.h"
#include "kt/kt.h"
#include "baocao/bc.h"
#include "base/zipso.h"
#include "web/web_int.h"

#define JOB_MAX 128	/* lines of a job file */

struct job {
	char	*key[JOB_MAX];
	char	*val[JOB_MAX];
	int	 n;
};

/* The first value of key, or NULL; the i-th. */
static const char *
job_nth(const struct job *j, const char *key, int nth)
{
	int i;

	for (i = 0; i < j->n; i++)
		if (strcmp(j->key[i], key) == 0 && nth-- == 0)
			return j->val[i];
	return NULL;
}

static int
job_read(struct job *j)
{
	static char	 text[65536];
	FILE		*fp = fopen("job", "r");
	size_t		 len;
	char		*p, *nl, *eq;

	if (fp == NULL)
		return -1;
	len = fread(text, 1, sizeof(text) - 1, fp);
	fclose(fp);
	text[len] = '\0';
	for (p = text; *p && j->n < JOB_MAX; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			break;
		*nl = '\0';
		if ((eq = strchr(p, '=')) == NULL)
			continue;
		*eq = '\0';
		j->key[j->n] = p;
		j->val[j->n++] = eq + 1;
	}
	return 0;
}

/* The worker's limits: CPU time, memory, file size, open files. */
static void
worker_limits(long limit_s)
{
	struct rlimit r;

	r.rlim_cur = r.rlim_max = (rlim_t)limit_s;
	setrlimit(RLIMIT_CPU, &r);
	/* Address space: not under AddressSanitizer (make asan), whose
	 * shadow memory reserves terabytes it never touches. */
	r.rlim_cur = r.rlim_max = (rlim_t)2048 << 20;
	if (getenv("VB_SANITIZED") == NULL)
		setrlimit(RLIMIT_AS, &r);
	r.rlim_cur = r.rlim_max = (rlim_t)512 << 20;
	setrlimit(RLIMIT_FSIZE, &r);
	r.rlim_cur = r.rlim_max = 256;
	setrlimit(RLIMIT_NOFILE, &r);
	r.rlim_cur = r.rlim_max = 0;
	setrlimit(RLIMIT_CORE, &r);
}

/* A settings file of the data folder when it exists, else NULL
 * (malloc'd). */
static char *
worker_cfg(const char *data, const char *name)
{
	char *p;

	if (asprintf(&p, "%s/cau-hinh/%s", data, name) < 0)
		return NULL;
	if (access(p, R_OK) != 0) {
		free(p);
		return NULL;
	}
	return p;
}

/* The date field: 0 (not given), or -1 after a message. */
static int
worker_date(const struct job *j, vb_date *out, struct diag *d)
{
	const char *s = job_nth(j, "ngay", 0);

	*out = 0;
	if (s == NULL || *s == '\0')
		return 0;
	if (vb_date_parse(s, out) == 0)
		return 0;
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "the date \"%s\" is not a "
	    "date: choose it in the calendar, or write 2026-12-28", s);
	return -1;
}

/* The run's figures from its register (ra/so-dang-ky.csv, written by
 * kt_batch_run) into tom-tat.txt: the page shows the numbers the
 * decisions hold, counted once, by the generator. */
static void
worker_totals(void)
{
	struct diag		*scratch = diag_new();
	struct kt_reg		*v = NULL;
	unsigned long long	 sum[3];
	size_t			 n = 0;
	FILE			*fp;

	if (scratch != NULL && kt_register_read("ra", scratch, &v, &n) ==
	    VB_OK && (fp = fopen("tom-tat.txt", "w")) != NULL) {
		kt_register_totals(v, n, sum);
		fprintf(fp, "van_ban=%zu\ntap_the=%llu\nca_nhan=%llu\n"
		    "tien=%llu\n", n, sum[0], sum[1], sum[2]);
		fclose(fp);
	}
	kt_register_free(v, n);
	diag_free(scratch);
}

/* The decisions, and their figures in tom-tat.txt. */
static int
worker_kt(const struct job *j, const struct web_opt *o, char *fonts,
    struct diag *d)
{
	struct kt_batch		 b;
	const char		*v;
	char			*cfg = worker_cfg(o->data, "khen-thuong.yaml");
	int			 rc, i;

	memset(&b, 0, sizeof(b));
	b.enc = TEXT_ENC_AUTO;
	b.jobs = 1;
	b.opt.round = b.opt.sort = -1;
	b.outdir = "ra";
	b.pdf = b.docx = 1;
	b.config = cfg;
	b.templates = o->templates;
	b.ropt.font_dir = fonts;
	b.ropt.epoch = -1;
	if ((b.list = job_nth(j, "file.danh_sach", 0)) == NULL)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "choose the nominee list "
		    "(an Excel workbook or a CSV file)");
	if (worker_date(j, &b.opt.ngay, d) == 0 && b.opt.ngay != 0)
		b.opt.ngay_given = 1;
	if (b.opt.ngay == 0)
		b.opt.ngay = vb_today();
	if ((v = job_nth(j, "du_thao", 0)) != NULL && *v != '\0')
		b.opt.du_thao = "true";
	for (i = 0; i < 64 && (v = job_nth(j, "so", i)) != NULL; i++)
		b.so[b.nso++] = v;
	if (diag_errors(d) > 0) {
		free(cfg);
		return VB_EINPUT;
	}
	if ((rc = kt_batch_run(&b, d)) == VB_OK)
		worker_totals();
	free(cfg);
	return rc;
}

/* The default units file of the data folder (don-vi.*), or NULL. */
static char *
worker_units(const char *data)
{
	static const char *const ext[] = { "csv", "yaml", "yml", "xlsx",
	    "xls", NULL };
	char	 name[32], *p;
	int	 i;

	for (i = 0; ext[i] != NULL; i++) {
		snprintf(name, sizeof(name), "don-vi.%s", ext[i]);
		if ((p = worker_cfg(data, name)) != NULL)
			return p;
	}
	return NULL;
}

/* The reports, and their count in tom-tat.txt. */
static int
worker_bc(const struct job *j, const struct web_opt *o, char *fonts,
    struct diag *d)
{
	struct bc_args	 a;
	char		*prog[WEB_FILES_MAX], *kt[1], *units = NULL;
	char		*cfg = worker_cfg(o->data, "bao-cao.yaml");
	const char	*v;
	int		 rc, i;
	FILE		*fp;

	memset(&a, 0, sizeof(a));
	a.outdir = "ra";
	a.pdf = a.docx = 1;
	a.jobs = 1;
	a.templates = o->templates;
	a.config = cfg;
	a.ropt.font_dir = fonts;
	a.ropt.epoch = -1;
	if ((a.tasks = job_nth(j, "file.ke_hoach", 0)) == NULL)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "choose the plan's task "
		    "table (ke_hoach)");
	for (i = 0; i < WEB_FILES_MAX && (v = job_nth(j, "file.tien_do", i));
	    i++)
		prog[a.nprogress++] = (char *)v;
	a.progress = prog;
	if (a.nprogress == 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "choose the units' progress "
		    "tables (tien_do), one or more");
	if ((v = job_nth(j, "ky", 0)) == NULL || bc_ky_parse(v, &a.ky) != 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "choose the period: Q1, Q2, "
		    "Q3, Q4, 6T or NAM");
	a.have_ky = 1;
	worker_date(j, &a.ngay, d);
	if ((v = job_nth(j, "file.don_vi", 0)) != NULL)
		a.units = v;
	else
		a.units = units = worker_units(o->data);
	/* The awards register of vb-khenthuong (so-dang-ky.csv): the
	 * summary's công tác khen thưởng, as --khen-thuong. */
	if ((v = job_nth(j, "file.khen_thuong", 0)) != NULL) {
		kt[0] = (char *)v;
		a.khen_thuong = kt;
		a.nkhen_thuong = 1;
	}
	rc = diag_errors(d) > 0 ? VB_EINPUT : bc_run(&a, d);
	bc_docs_free(a.docs, a.ndocs);
	if (rc == VB_OK && (fp = fopen("tom-tat.txt", "w")) != NULL) {
		fprintf(fp, "van_ban=%zu\n", a.n_md);
		fclose(fp);
	}
	free(units);
	free(cfg);
	return rc;
}

/* Every message of d, one a line, for the page. */
static void
worker_messages(const struct diag *d)
{
	const struct diag_msg	*m;
	FILE			*fp = fopen("loi.txt", "w");
	size_t			 i;
	char			*p;

	if (fp == NULL)
		return;
	for (i = 0; i < diag_count(d); i++) {
		m = diag_item(d, i);
		for (p = m->text; *p; p++)
			if (*p == '\t' || *p == '\n')
				*p = ' ';
		fprintf(fp, "%s\t%s\t%d\t%d\t%s\n", m->level == DIAG_ERROR ?
		    "E" : m->level == DIAG_WARNING ? "W" : "N",
		    m->file ? m->file : "", m->line, m->col, m->text);
	}
	fclose(fp);
}

/* The value of "key: " on a line of the front matter fm, without
 * quotes, into out (n bytes); "" when absent. */
static void
worker_fm(const char *fm, const char *key, char *out, size_t n)
{
	const char	*p = fm;
	size_t		 k = strlen(key), len;

	out[0] = '\0';
	for (; p != NULL && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 :
	    NULL) {
		if (strncmp(p, key, k) != 0 || p[k] != ':' || p[k + 1] != ' ')
			continue;
		p += k + 2;
		len = strcspn(p, "\n\t");
		if (len >= 2 && *p == '"' && p[len - 1] == '"')
			p++, len -= 2;
		snprintf(out, n, "%.*s", (int)len, p);
		return;
	}
}

/* muc-luc.txt: "base\tloai\ttrich_yeu" for each document of ra/, the
 * headings of the result page. */
static void
worker_titles(void)
{
	struct dirent	*e;
	DIR		*dp = opendir("ra");
	FILE		*fp, *out = fopen("muc-luc.txt", "w");
	char		 path[512], head[4096], loai[128], ty[512];
	size_t		 n, len;

	while (dp != NULL && out != NULL && (e = readdir(dp)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 4 ||
		    strcmp(e->d_name + len - 3, ".md") != 0)
			continue;
		snprintf(path, sizeof(path), "ra/%s", e->d_name);
		if ((fp = fopen(path, "r")) == NULL)
			continue;
		n = fread(head, 1, sizeof(head) - 1, fp);
		fclose(fp);
		head[n] = '\0';
		worker_fm(head, "loai", loai, sizeof(loai));
		worker_fm(head, "trich_yeu", ty, sizeof(ty));
		fprintf(out, "%.*s\t%s\t%s\n", (int)(len - 3), e->d_name, loai,
		    ty);
	}
	if (dp != NULL)
		closedir(dp);
	if (out != NULL)
		fclose(out);
}

/* Add the file at path to z as name; 0, or -1. */
static int
worker_zip_add(zip_t *z, const char *path, const char *name)
{
	zip_source_t	*src;
	FILE		*fp = fopen(path, "rb");
	char		*buf;
	long		 len;

	if (fp == NULL)
		return -1;
	if (fseek(fp, 0, SEEK_END) != 0 || (len = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0 ||
	    (buf = malloc((size_t)len + 1)) == NULL) {
		fclose(fp);
		return -1;
	}
	if (fread(buf, 1, (size_t)len, fp) != (size_t)len) {
		fclose(fp);
		free(buf);
		return -1;
	}
	fclose(fp);
	if ((src = zipso->zip_source_buffer(z, buf, (zip_uint64_t)len, 1)) ==
	    NULL) {
		free(buf);
		return -1;
	}
	if (zipso->zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) < 0) {
		zipso->zip_source_free(src);
		return -1;
	}
	return 0;
}

/* ket-qua.zip: every document (source, PDF, DOCX, CSV) and, under
 * dau-vao/, the files uploaded. */
static int
worker_zip(const struct job *j, struct diag *d)
{
	struct dirent	*e;
	DIR		*dp;
	zip_t		*z;
	char		 path[512], name[512];
	int		 err, rc = 0, i;

	if (zipso_load(NULL, d) != 0 || (z = zipso->zip_open("ket-qua.zip",
	    ZIP_CREATE | ZIP_TRUNCATE, &err)) == NULL)
		return -1;
	if ((dp = opendir("ra")) != NULL) {
		while ((e = readdir(dp)) != NULL) {
			if (e->d_name[0] == '.' || e->d_type != DT_REG)
				continue;
			snprintf(path, sizeof(path), "ra/%s", e->d_name);
			rc |= worker_zip_add(z, path, e->d_name);
		}
		closedir(dp);
	}
	for (i = 0; i < j->n; i++)
		if (strncmp(j->key[i], "file.", 5) == 0 &&
		    store_name_ok(j->val[i])) {
			snprintf(name, sizeof(name), "dau-vao/%s", j->val[i]);
			rc |= worker_zip_add(z, j->val[i], name);
		}
	if (zipso->zip_close(z) != 0) {
		zipso->zip_discard(z);
		return -1;
	}
	return rc;
}

int
web_worker(const char *dir, const struct web_opt *o)
{
	struct job	 j;
	struct diag	*d;
	const char	*kind;
	char		*fonts;
	int		 rc;

	worker_limits(o->limit_s);
	memset(&j, 0, sizeof(j));
	if (chdir(dir) != 0 || job_read(&j) != 0 ||
	    (d = diag_new()) == NULL || vb_i18n_init("vi") != 0 ||
	    (fonts = render_find_fonts(NULL)) == NULL)
		return VB_ESYS;
	kind = job_nth(&j, "kind", 0);
	if (kind != NULL && strcmp(kind, "kt") == 0)
		rc = worker_kt(&j, o, fonts, d);
	else if (kind != NULL && strcmp(kind, "bc") == 0)
		rc = worker_bc(&j, o, fonts, d);
	else
		rc = VB_ESYS;
	if (rc == VB_EUSAGE)
		rc = VB_EINPUT;
	if (rc == VB_OK)
		worker_titles();
	if (rc == VB_OK && worker_zip(&j, d) != 0) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot write the zip of "
		    "the results");
		rc = VB_ESYS;
	}
	worker_messages(d);
	diag_free(d);
	free(fonts);
	return rc;
}
