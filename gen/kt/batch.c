/*
 * batch.c - vb-khenthuong's whole run as one library call: the data and
 * the list are loaded and checked, every decision is generated and (with
 * --pdf) rendered in memory, and only when all of it succeeded are the
 * files written.  A bad list, a character no font has, a template error:
 * nothing is written and no existing file is touched.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "render/render.h"
#include "kt/kt.h"

/* One decision of the run. */
struct kt_out {
	int	 form;   /* index into kt_data.forms, -1: the Tờ trình */
	char	*md;     /* its source */
	char	*path;   /* where the source goes ("-": stdout) */
	char	*pdf;    /* where its PDF goes, or NULL */
	int	 same;   /* the file at path already holds md */
	int	 existed;  /* a file was at path when checked */
	char	 seen[65]; /* its SHA-256 then (hex) */
	int	 moved;  /* it changed since: md went to NAME.moi.md */
	struct kt_summary sum; /* what the decision holds (the register) */
};

/* The files kt_write writes, in order (each decision's source, PDF,
 * DOCX), for the message when one of them fails. */
struct kt_plan {
	char	**name;  /* malloc'd paths */
	size_t	  n;     /* of them */
	size_t	  k;     /* written so far: name[0..k) */
	int	  pdf;   /* a PDF for each decision */
	int	  docx;  /* a DOCX for each decision */
};

/* The number for form f (contract in kt.h). */
const char *
kt_number_for(const struct kt_batch *b, const struct kt_form *f)
{
	size_t	 n = strlen(f->ma);
	int	 i;

	for (i = 0; i < b->nso; i++)
		if (strncmp(b->so[i], f->ma, n) == 0 && b->so[i][n] == '=')
			return b->so[i] + n + 1;
	for (i = 0; i < b->nso; i++)
		if (strchr(b->so[i], '=') == NULL)
			return b->so[i];
	return NULL;
}

/* The form codes of the list, ", "-separated, for a message. */
static void
kt_codes(const struct kt_data *kd, const int *used, size_t nused, char *buf,
    size_t len)
{
	size_t i, at = 0;

	buf[0] = '\0';
	for (i = 0; i < nused && at < len; i++)
		at += (size_t)snprintf(buf + at, len - at, "%s%s", i ? ", " : "",
		    kd->forms[used[i]].ma);
}

/*
 * The number of one --so value (after FORM=): digits only, leading zeros
 * kept.  A clerk who types the whole "15/QĐ-UBND" gets 15 and a note.
 * *num malloc'd; 0 good, 1 good after the note, -1 not a number.
 */
static int
kt_so_value(const char *v, char **num)
{
	size_t n = strspn(v, "0123456789");

	*num = NULL;
	if (n == 0 || (v[n] != '\0' && v[n] != '/'))
		return -1;
	if ((*num = strndup(v, n)) == NULL)
		return -2;
	return v[n] == '/';
}

/* Every --so names a form of the list (or is plain with one form) and
 * a number: so[] gets the numbers as FORM=N or N, malloc'd. */
static int
kt_check_numbers(const struct kt_batch *b, const struct kt_data *kd,
    const int *used, size_t nused, char **so, struct diag *d)
{
	const char	*eq;
	char		*num, codes[512];
	size_t		 i, j, n;
	int		 rc = VB_OK, hit, r;

	kt_codes(kd, used, nused, codes, sizeof(codes));
	for (i = 0; i < (size_t)b->nso; i++) {
		eq = strchr(b->so[i], '=');
		n = eq ? (size_t)(eq - b->so[i]) : 0;
		hit = eq == NULL && nused == 1;
		for (j = 0; eq != NULL && j < nused; j++)
			if (strlen(kd->forms[used[j]].ma) == n &&
			    strncmp(b->so[i], kd->forms[used[j]].ma, n) == 0)
				hit = 1;
		if (!hit) {
			if (eq != NULL)
				diag_add(d, DIAG_ERROR, NULL, 0, 0, "--so %s: no "
				    "such award form in the list; its forms: %s",
				    b->so[i], codes);
			else
				diag_add(d, DIAG_ERROR, NULL, 0, 0, "--so %s: the "
				    "list holds several award forms: give FORM=N "
				    "for each (its forms: %s)", b->so[i], codes);
			rc = VB_EUSAGE;
			continue;
		}
		if ((r = kt_so_value(eq ? eq + 1 : b->so[i], &num)) == -2)
			return VB_ESYS;
		if (r < 0) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "--so %s: \"%s\" is "
			    "not a number: write its digits only (--so 15, or "
			    "FORM=15 for one form of the list: %s)", b->so[i],
			    eq ? eq + 1 : b->so[i], codes);
			rc = VB_EUSAGE;
			continue;
		}
		if (r == 1)
			diag_add(d, DIAG_WARNING, NULL, 0, 0, "--so %s: the number "
			    "is %s; the symbol after it comes from ky_hieu of "
			    "the config", b->so[i], num);
		if (asprintf(&so[i], "%.*s%s%s", (int)(eq ? n : 0), b->so[i],
		    eq ? "=" : "", num) < 0) {
			so[i] = NULL;
			free(num);
			return VB_ESYS;
		}
		free(num);
	}
	return rc;
}


/*
 * The movement's year (Điều 1's "phong trào thi đua năm …"): --nam, else
 * the config's nam, else the decision's year, with a warning in January
 * to March, when a decision usually rewards the year before.  0 and
 * *nam, or -1 after an error.
 */
static int
kt_year(const struct kt_batch *b, const struct kt_data *kd, long *nam,
    struct diag *d)
{
	const char	*s = tmpl_vars_get(kd->config, "nam"),
			*pt = tmpl_vars_get(kd->config, "phong_trao");
	char		*end;
	long		 m = b->opt.ngay / 100 % 100;

	*nam = b->opt.nam;
	if (*nam == 0 && s != NULL && *s != '\0') {
		*nam = strtol(s, &end, 10);
		if (*end != '\0' || *nam < 1945 || *nam > 2200) {
			diag_add(d, DIAG_ERROR, b->config, 0, 0, "nam: \"%s\" "
			    "is not a year (write 2026)", s);
			return -1;
		}
	}
	if (*nam == 0 && m <= 3 && b->opt.phong_trao == NULL &&
	    (pt == NULL || *pt == '\0'))
		diag_add(d, DIAG_WARNING, NULL, 0, 0, "the decision is dated "
		    "%04ld-%02ld-%02ld and no year was given: Điều 1 says "
		    "\"phong trào thi đua năm %ld\"; for the achievements of "
		    "%ld give --nam %ld (or nam: in the config)",
		    b->opt.ngay / 10000, m, b->opt.ngay % 100,
		    b->opt.ngay / 10000, b->opt.ngay / 10000 - 1,
		    b->opt.ngay / 10000 - 1);
	return 0;
}

/* Load the data, the config and the list: everything checked first. */
static int
kt_load(const struct kt_batch *b, struct kt_data **kd, struct kt_list **list,
    struct diag *d)
{
	struct csvt	*t = NULL;
	char		*tdir;
	int		 rc, errs = diag_errors(d);

	if ((tdir = kt_find_templates(b->templates)) == NULL)
		return VB_ESYS;
	rc = kt_data_load(tdir, d, kd);
	free(tdir);
	if (rc == VB_OK)
		rc = kt_config_load_level(*kd, b->config, d);
	/* The list: CSV in any encoding or an Excel workbook (--sheet);
	 * its header is found by its headings, below any title rows. */
	if (rc == VB_OK) {
		struct table_match m = { kt_list_matches, *kd };

		rc = table_read_match(b->list, b->sheet, b->enc, &m, d, &t);
		if (t == NULL && rc == VB_OK)
			rc = VB_EINPUT;
	}
	if (t != NULL && rc != VB_ESYS) {
		struct kt_list_opt lo = { b->opt.ngay, b->cho_trung };

		rc = kt_list_table(t, *kd, &lo, !table_is_workbook(t), d, list);
		if (rc == VB_OK && diag_errors(d) > errs) {
			kt_list_free(*list);
			*list = NULL;
			rc = VB_EINPUT;
		}
	}
	csvt_free(t);
	return rc;
}

/* Every character of the list's text must be in the fonts (--pdf):
 * reported at the list's line, before anything is generated. */
static int
kt_check_glyphs(const struct kt_batch *b, const struct kt_list *l,
    struct diag *d)
{
	struct render_opt	 ro = b->ropt;
	struct render		*r;
	size_t			 i, k;
	uint32_t		 cp;

	ro.dump_layout = 0;
	if ((r = render_new(&ro, d)) == NULL)
		return VB_ESYS;
	for (i = 0; i < l->n; i++) {
		const char *f[] = { l->rows[i].ho_ten, l->rows[i].chuc_vu,
		    l->rows[i].don_vi, l->rows[i].thanh_tich };

		for (k = 0; k < sizeof(f) / sizeof(f[0]); k++) {
			if ((cp = render_missing_glyph(r, f[k], 0)) == 0 &&
			    (cp = render_missing_glyph(r, f[k], 1)) == 0)
				continue;
			diag_add(d, DIAG_ERROR, l->name, l->rows[i].line, 0,
			    "character U+%04X in \"%s\" is in no font face "
			    "(Liberation Serif has Vietnamese, Latin, Greek and "
			    "Cyrillic; no emoji or CJK): remove or replace it",
			    (unsigned)cp, f[k]);
		}
	}
	render_free(r);
	return diag_errors(d) ? VB_EINPUT : VB_OK;
}

/* Generate the decision of every form used into o[]. */
static int
kt_generate(const struct kt_batch *b, const struct kt_data *kd,
    const struct kt_list *list, struct kt_out *o, size_t n, struct diag *d)
{
	struct kt_opt	 opt = b->opt;
	size_t		 i;
	int		 rc = VB_OK;

	if (kt_year(b, kd, &opt.nam, d) != 0)
		return VB_EINPUT;
	for (i = 0; i < n && rc == VB_OK; i++) {
		const struct kt_form *f = &kd->forms[o[i].form];

		char *md;

		opt.so = kt_number_for(b, f);
		opt.sum = &o[i].sum;
		rc = kt_decision(kd, list, o[i].form, &opt, d, &md);
		if (rc != VB_OK)
			break;
		o[i].md = kt_sum_add(md);
		free(md);
		if (o[i].md == NULL) {
			rc = VB_ESYS;
			break;
		}
		if (b->outdir != NULL) {
			if (asprintf(&o[i].path, "%s/%s.md", b->outdir,
			    f->ma) < 0) {
				o[i].path = NULL;
				rc = VB_ESYS;
			}
		} else if ((o[i].path = strdup(b->outfile ? b->outfile :
		    "-")) == NULL)
			rc = VB_ESYS;
		if (rc == VB_OK && b->pdf &&
		    (o[i].pdf = vb_with_ext(o[i].path, ".pdf")) == NULL)
			rc = VB_ESYS;
	}
	return rc;
}

/* The whole file at path, raw; NULL when it does not exist (*exists 0)
 * or cannot be read (*exists 1). */
static char *
kt_slurp(const char *path, size_t *len, int *exists)
{
	FILE	*fp;
	char	*buf = NULL;
	size_t	 cap = 0, n = 0, got;

	struct stat	 st;
	int		 fd;

	/* Only a regular file holds a source to compare: a FIFO or a
	 * device at the output path is written through, never read (an
	 * open without O_NONBLOCK would wait for a writer forever). */
	*exists = 0;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (fp = fdopen(fd, "rb")) == NULL) {
		close(fd);
		return NULL;
	}
	*exists = 1;
	do {
		if (vb_grow((void **)&buf, &cap, n + 65536, 1) != 0) {
			free(buf);
			fclose(fp);
			return NULL;
		}
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
	} while (got > 0);
	if (ferror(fp)) {
		free(buf);
		buf = NULL;
	}
	fclose(fp);
	*len = n;
	return buf;
}

/*
 * A source already at a decision's path is overwritten only when this
 * tool wrote it and nobody changed it since (its checksum line still
 * matches), or with --ghi-de.  Marks the sources that are unchanged.
 */
static int
kt_check_existing(const struct kt_batch *b, struct kt_out *o, size_t n,
    struct diag *d)
{
	char	*old;
	size_t	 i, len = 0;
	int	 rc = VB_OK, exists, sum;

	for (i = 0; i < n; i++) {
		if (strcmp(o[i].path, "-") == 0)
			continue;
		old = kt_slurp(o[i].path, &len, &exists);
		if (old == NULL && exists) {
			diag_add(d, DIAG_ERROR, o[i].path, 0, 0, "cannot read "
			    "the decision source already there: %s",
			    strerror(errno));
			rc = VB_ESYS;
			continue;
		}
		if (old == NULL)
			continue;
		o[i].existed = 1;
		kt_sha256_hex(old, len, o[i].seen);
		o[i].same = len == strlen(o[i].md) &&
		    memcmp(old, o[i].md, len) == 0;
		sum = kt_sum_check(old, len);
		free(old);
		if (sum == 1 || o[i].same)
			continue;
		diag_add(d, b->ghi_de ? DIAG_WARNING : DIAG_ERROR, o[i].path,
		    0, 0, "%s%s", sum == 0 ? "this decision source was "
		    "edited after vb-khenthuong wrote it" : "this file was not "
		    "written by vb-khenthuong (it has no \"# vanban: sha256\" "
		    "line) and may hold edits", b->ghi_de ? "; overwritten "
		    "(--ghi-de)" : ": the run would overwrite it, so nothing "
		    "was written; move it away, or give --ghi-de to "
		    "overwrite it");
		if (!b->ghi_de && rc == VB_OK)
			rc = VB_EINPUT;
	}
	return rc;
}

/* Without --pdf, a PDF beside a source that changed was made from the
 * old one: removed, with a warning, so the two never disagree. */
static int
kt_drop_stale_pdf(const struct kt_out *o, struct diag *d)
{
	char *pdf;

	if (strcmp(o->path, "-") == 0 || o->same)
		return VB_OK;
	if ((pdf = vb_with_ext(o->path, ".pdf")) == NULL)
		return VB_ESYS;
	if (unlink(pdf) == 0)
		diag_add(d, DIAG_WARNING, pdf, 0, 0, "removed: it was made "
		    "from the previous %s; give --pdf to render the new one",
		    o->path);
	else if (errno != ENOENT) {
		diag_add(d, DIAG_ERROR, pdf, 0, 0, "cannot remove this PDF of "
		    "the previous source: %s", strerror(errno));
		free(pdf);
		return VB_ESYS;
	}
	free(pdf);
	return VB_OK;
}

/* Render every decision in memory in one format (render_batch: -j
 * workers), before anything is written. */
static int
kt_render(const struct kt_batch *b, const struct kt_out *o, size_t n,
    int format, struct render_job **out, struct diag *d)
{
	struct render_opt	 ro = b->ropt;
	struct render_job	*jobs;
	size_t			 i;

	*out = NULL;
	if ((jobs = calloc(n ? n : 1, sizeof(*jobs))) == NULL)
		return VB_ESYS;
	for (i = 0; i < n; i++) {
		jobs[i].name = o[i].path;
		jobs[i].text = o[i].md;
	}
	ro.format = format;
	*out = jobs;
	return render_batch(&ro, jobs, n, b->jobs, b->progress,
	    b->progress_arg, d);
}

/* --gop: every decision laid out for the merged PDF, in the order they
 * are written, before anything is (a decision that cannot be stops the
 * run). */
static int
kt_book(const struct kt_batch *b, const struct kt_out *o, size_t n,
    struct render_book **book, struct diag *d)
{
	size_t	 i;
	int	 rc = VB_OK, r;

	if ((*book = render_book_new(&b->ropt, b->gop, d)) == NULL)
		return VB_ESYS;
	for (i = 0; i < n; i++)
		if ((r = render_book_add(*book, o[i].path, o[i].md, b->pdf ||
		    b->docx, d)) > rc)
			rc = r;
	return rc;
}

/* The guard's check (struct outfile_guard): has the source at path
 * changed since kt_check_existing read it?  A file that is gone holds
 * nothing to lose. */
static int
kt_source_changed(const char *path, void *arg)
{
	const struct kt_out	*o = arg;
	char			*now, hex[65];
	size_t			 len = 0;
	int			 exists;

	if ((now = kt_slurp(path, &len, &exists)) == NULL)
		return exists ? -1 : 0;
	kt_sha256_hex(now, len, hex);
	free(now);
	return !o->existed || strcmp(hex, o->seen) != 0;
}

static void
kt_plan_free(struct kt_plan *pl)
{
	size_t i;

	for (i = 0; i < pl->n; i++)
		free(pl->name[i]);
	free(pl->name);
}

/* The files of o[0..n) in the order kt_write writes them. */
static int
kt_plan_make(struct kt_plan *pl, const struct kt_out *o, size_t n,
    int pdf, int docx)
{
	size_t i;

	pl->pdf = pdf;
	pl->docx = docx;
	if ((pl->name = calloc(n * 3 + 1, sizeof(*pl->name))) == NULL)
		return VB_ESYS;
	for (i = 0; i < n; i++) {
		pl->name[pl->n++] = strdup(o[i].path);
		if (pdf)
			pl->name[pl->n++] = vb_with_ext(o[i].path, ".pdf");
		if (docx)
			pl->name[pl->n++] = vb_with_ext(o[i].path, ".docx");
	}
	for (i = 0; i < pl->n; i++)
		if (pl->name[i] == NULL)
			return VB_ESYS;
	return VB_OK;
}

/* Decision source path changed while the run went on: its files are
 * now NAME.moi.md (written: name[k - 1]), NAME.moi.pdf, NAME.moi.docx. */
static int
kt_plan_moved(struct kt_plan *pl, const char *path)
{
	const char	*ext[3];
	size_t		 i, m = 0, j = pl->k - 1;

	ext[m++] = ".moi.md";
	if (pl->pdf)
		ext[m++] = ".moi.pdf";
	if (pl->docx)
		ext[m++] = ".moi.docx";
	for (i = 0; i < m; i++) {
		free(pl->name[j + i]);
		if ((pl->name[j + i] = vb_with_ext(path, ext[i])) == NULL)
			return VB_ESYS;
	}
	return VB_OK;
}

/* name[from..to) as "a, b, c" (file names only: they share a folder),
 * at most 20, then how many more. */
static void
kt_plan_list(const struct kt_plan *pl, size_t from, size_t to,
    struct vbuf *b)
{
	const char	*s;
	size_t		 i;

	for (i = from; i < to && i < from + 20; i++) {
		s = strrchr(pl->name[i], '/');
		vbuf_printf(b, "%s%s", i > from ? ", " : "",
		    s ? s + 1 : pl->name[i]);
	}
	if (to > from + 20)
		vbuf_printf(b, vb_tr(" and %zu more"), to - from - 20);
}

/*
 * Write the plan's next file (guarded: g, or NULL).  When it fails, its
 * message says in the same line what the run wrote before it and what
 * it did not write: the run stops there.
 */
static int
kt_put(struct kt_plan *pl, const void *buf, size_t len,
    struct outfile_guard *g, struct diag *d)
{
	struct diag		*w;
	const struct diag_msg	*m = NULL;
	struct vbuf		 done = { 0 }, rest = { 0 };
	size_t			 i;
	int			 rc;

	if ((w = diag_new()) == NULL)
		return VB_ESYS;
	rc = text_write_guarded(pl->name[pl->k], buf, len, g, w);
	for (i = 0; rc != VB_OK && m == NULL && i < diag_count(w); i++)
		if (diag_item(w, i)->level == DIAG_ERROR)
			m = diag_item(w, i);
	if (m == NULL) {
		diag_move(d, w);
		diag_free(w);
		pl->k += rc == VB_OK;
		return rc;
	}
	kt_plan_list(pl, 0, pl->k, &done);
	kt_plan_list(pl, pl->k, pl->n, &rest);
	if (pl->k == 0)
		diag_add(d, DIAG_ERROR, m->file, m->line, m->col, "%s; "
		    "nothing was written (not written: %s)", m->text, rest.s ?
		    rest.s : "");
	else
		diag_add(d, DIAG_ERROR, m->file, m->line, m->col, "%s; "
		    "written: %s; not written: %s", m->text, done.s ?
		    done.s : "", rest.s ? rest.s : "");
	free(done.s);
	free(rest.s);
	diag_free(w);
	return rc;
}

/* Write decision o's source (guarded against an edit made during the
 * run), then its PDF and DOCX (job's output, when rendered). */
static int
kt_write_one(struct kt_plan *pl, struct kt_out *o,
    const struct render_job *pdf, const struct render_job *docx,
    struct diag *d)
{
	struct outfile_guard	 g = { kt_source_changed, o, NULL, 0 };
	char			*alt = NULL;
	int			 rc;

	if (strcmp(o->path, "-") != 0 &&
	    (g.alt = alt = vb_with_ext(o->path, ".moi.md")) == NULL)
		return VB_ESYS;
	rc = kt_put(pl, o->md, strlen(o->md), alt ? &g : NULL, d);
	if (rc == VB_OK && g.moved) {
		o->moved = 1;
		diag_add(d, DIAG_ERROR, o->path, 0, 0, "this decision source "
		    "was edited while vb-khenthuong was running: it is kept as "
		    "it is, and the new decision was written beside it as %s "
		    "(compare the two and keep one)", alt);
		rc = kt_plan_moved(pl, o->path);
	}
	if (rc == VB_OK && pdf != NULL)
		rc = kt_put(pl, pdf->out, pdf->outlen, NULL, d);
	else if (rc == VB_OK && !o->moved)
		rc = kt_drop_stale_pdf(o, d);
	if (rc == VB_OK && docx != NULL)
		rc = kt_put(pl, docx->out, docx->outlen, NULL, d);
	free(alt);
	return rc;
}

/* Render every decision in memory, then write the sources, PDFs and
 * DOCX files.  A source edited during the run is kept (exit 1). */
static int
kt_write(const struct kt_batch *b, struct kt_out *o, size_t n,
    struct diag *d)
{
	struct render_job	*pdf = NULL, *docx = NULL;
	struct kt_plan		 pl = { NULL, 0, 0, 0, 0 };
	struct render_book	*book = NULL;
	size_t			 i, moved = 0;
	int			 rc = VB_OK;

	if (b->pdf)
		rc = kt_render(b, o, n, RENDER_PDF, &pdf, d);
	if (rc == VB_OK && b->docx)
		rc = kt_render(b, o, n, RENDER_DOCX, &docx, d);
	if (rc == VB_OK && b->gop != NULL)
		rc = kt_book(b, o, n, &book, d);
	if (rc == VB_OK && b->outdir != NULL)
		rc = vb_mkdir_p(b->outdir, d);
	if (rc == VB_OK)
		rc = kt_plan_make(&pl, o, n, pdf != NULL, docx != NULL);
	for (i = 0; i < n && rc == VB_OK; i++) {
		rc = kt_write_one(&pl, &o[i], pdf ? &pdf[i] : NULL,
		    docx ? &docx[i] : NULL, d);
		moved += o[i].moved;
	}
	if (rc == VB_OK && book != NULL)
		rc = render_book_write(book, d);
	render_book_free(book);
	if (rc == VB_OK && moved > 0)
		rc = VB_EINPUT;
	kt_plan_free(&pl);
	render_jobs_free(pdf, n);
	render_jobs_free(docx, n);
	return rc;
}

char *
kt_batch_folder(const struct kt_batch *b)
{
	const char *sl;

	if (b->outdir != NULL)
		return strdup(b->outdir);
	if (b->outfile == NULL || strcmp(b->outfile, "-") == 0)
		return NULL;
	if ((sl = strrchr(b->outfile, '/')) == NULL)
		return strdup(".");
	return strndup(b->outfile, (size_t)(sl - b->outfile) + (sl == b->outfile));
}

/* --to-trinh: the Tờ trình as one more output, o[n], of the n decisions
 * (-1 form), in the run's folder.  *n grows by one. */
static int
kt_add_to_trinh(const struct kt_batch *b, const struct kt_data *kd,
    struct kt_out *o, size_t *n, struct diag *d)
{
	struct kt_entry	*e;
	char		*md = NULL, *dir;
	size_t		 i;
	int		 rc;

	if ((dir = kt_batch_folder(b)) == NULL) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--to-trinh writes "
		    "to-trinh.md beside the decisions: give -d DIR (or -o FILE)");
		return VB_EUSAGE;
	}
	if ((e = calloc(*n + 1, sizeof(*e))) == NULL) {
		free(dir);
		return VB_ESYS;
	}
	for (i = 0; i < *n; i++) {
		e[i].form = o[i].form;
		e[i].file = o[i].path;
		e[i].sum = o[i].sum;
	}
	rc = kt_to_trinh(kd, &b->opt, b->config ? b->config : "mac-dinh.yaml",
	    e, *n, d, &md);
	free(e);
	if (rc == VB_OK) {
		o[*n].form = -1;
		o[*n].md = kt_sum_add(md);
		if (o[*n].md == NULL || asprintf(&o[*n].path, "%s/to-trinh.md",
		    dir) < 0 || (b->pdf && (o[*n].pdf = vb_with_ext(o[*n].path,
		    ".pdf")) == NULL))
			rc = VB_ESYS;
		(*n)++;
	}
	free(md);
	free(dir);
	return rc;
}

/* Every run with an output folder: DIR/so-dang-ky.csv, one row a
 * decision of the run (the register of documents). */
static int
kt_write_register(const struct kt_batch *b, const struct kt_data *kd,
    const struct kt_out *o, size_t n, struct diag *d)
{
	struct kt_entry	*e;
	char		*dir, *csv = NULL, *path = NULL;
	size_t		 i, k = 0;
	int		 rc = VB_ESYS;

	if ((dir = kt_batch_folder(b)) == NULL)
		return VB_OK;
	if ((e = calloc(n + 1, sizeof(*e))) != NULL) {
		for (i = 0; i < n; i++) {
			if (o[i].form < 0)
				continue;
			e[k].form = o[i].form;
			e[k].file = o[i].pdf ? o[i].pdf : o[i].path;
			e[k++].sum = o[i].sum;
		}
		if (kt_register_csv(kd, &b->opt, e, k, &csv) == VB_OK &&
		    asprintf(&path, "%s/so-dang-ky.csv", dir) >= 0)
			rc = text_write_file(path, csv, strlen(csv), d);
		else
			path = NULL;
	}
	free(e);
	free(csv);
	free(path);
	free(dir);
	return rc;
}

int
kt_batch_run(const struct kt_batch *b, struct diag *d)
{
	struct kt_data	*kd = NULL;
	struct kt_list	*list = NULL;
	struct kt_out	*o = NULL;
	struct kt_phoi	*ph = NULL;
	struct kt_batch	 bb;
	char		*so[64] = { NULL };
	int		*used = NULL, rc;
	const char	*e;
	size_t		 n = 0, ndec = 0, i;

	if (b->khoi_tao != NULL) {
		char *tdir = kt_find_templates(b->templates);

		rc = tdir ? kt_init(tdir, b->khoi_tao, b->cap, d) : VB_ESYS;
		free(tdir);
		goto out;
	}
	if ((rc = kt_load(b, &kd, &list, d)) != VB_OK)
		goto out;
	if ((e = tmpl_vars_get(kd->config, "ky_ho_ten")) == NULL || *e == '\0')
		diag_add(d, DIAG_WARNING, b->config, 0, 0, "no signer's name "
		    "(ky: ho_ten:); the decisions leave it blank");
	if ((rc = kt_config_check(kd, &b->opt, b->config ? b->config :
	    "mac-dinh.yaml", d)) != VB_OK ||
	    (rc = kt_check_levels(kd, list, b->opt.ngay, d)) != VB_OK ||
	    (rc = kt_check_units(kd, list, b->opt.ngay, d)) != VB_OK)
		goto out;
	if ((used = calloc(kd->nforms, sizeof(*used))) == NULL ||
	    (o = calloc(kd->nforms + 1, sizeof(*o))) == NULL) {
		rc = VB_ESYS;
		goto out;
	}
	n = kt_forms_used(kd, list, used);
	if (n > 1 && b->outdir == NULL) {
		diag_add(d, DIAG_ERROR, b->list, 0, 0, "the list holds "
		    "%zu award forms: give -d DIR for one decision each", n);
		rc = VB_EUSAGE;
		goto out;
	}
	if ((rc = kt_check_numbers(b, kd, used, n, so, d)) != VB_OK)
		goto out;
	bb = *b;
	for (i = 0; i < (size_t)b->nso; i++)
		bb.so[i] = so[i];
	b = &bb;
	if (b->pdf && (rc = kt_check_glyphs(b, list, d)) != VB_OK)
		goto out;
	for (i = 0; i < n; i++)
		o[i].form = used[i];
	rc = kt_generate(b, kd, list, o, n, d);
	ndec = n;	/* the Tờ trình is no form: no certificate */
	if (rc == VB_OK && b->to_trinh)
		rc = kt_add_to_trinh(b, kd, o, &n, d);
	if (rc == VB_OK && (rc = kt_check_existing(b, o, n, d)) == VB_OK &&
	    (rc = kt_phoi_make(b, kd, list, used, ndec, &ph, d)) == VB_OK &&
	    (rc = kt_write(b, o, n, d)) == VB_OK &&
	    (rc = kt_phoi_write(ph, d)) == VB_OK)
		rc = kt_write_register(b, kd, o, n, d);
out:
	if (rc == VB_ESYS && diag_errors(d) == 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
	for (i = 0; o != NULL && i < n; i++) {
		free(o[i].md);
		free(o[i].path);
		free(o[i].pdf);
	}
	free(o);
	free(used);
	kt_phoi_free(ph);
	for (i = 0; i < sizeof(so) / sizeof(so[0]); i++)
		free(so[i]);
	kt_list_free(list);
	kt_data_free(kd);
	return rc;
}
