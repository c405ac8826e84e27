/*
 * files.c - many document sources rendered to their output files in one
 * run (vb-render SOURCE.md...): the outputs checked against each other
 * and the sources before anything is rendered, then the sources read,
 * rendered by render_batch and written, in chunks, so that memory stays
 * flat however many there are.  Each source is judged on its own: the
 * good ones are written, the bad ones named, and the result is the worst.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "render/render.h"
#include "render/render_int.h"

/* Which file a path names: an existing file by device and inode, one to
 * be made by its folder's device and inode and its name (or the folder's
 * name when it cannot be looked at), so that a.pdf and ./a.pdf agree. */
struct fkey {
	char	*key;  /* "=DEV:INO", "DEV:INO/NAME" or "?DIR/NAME" */
	size_t	 i;    /* the output it belongs to; n + i: source i */
};

static char *
file_key(const char *path)
{
	const char	*slash = strrchr(path, '/'), *name;
	char		*dir, *key;
	struct stat	 st;
	int		 n;

	if (stat(path, &st) == 0)
		return asprintf(&key, "=%ju:%ju", (uintmax_t)st.st_dev,
		    (uintmax_t)st.st_ino) < 0 ? NULL : key;
	name = slash ? slash + 1 : path;
	dir = slash == NULL ? strdup(".") : slash == path ? strdup("/") :
	    strndup(path, (size_t)(slash - path));
	if (dir == NULL)
		return NULL;
	if (stat(dir, &st) == 0)
		n = asprintf(&key, "%ju:%ju/%s", (uintmax_t)st.st_dev,
		    (uintmax_t)st.st_ino, name);
	else
		n = asprintf(&key, "?%s/%s", dir, name);
	free(dir);
	return n < 0 ? NULL : key;
}

static int
fkey_cmp(const void *a, const void *b)
{
	const struct fkey *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c != 0 ? c : x->i < y->i ? -1 : x->i > y->i;
}

int
render_files_check(char *const *src, char *const *outs, char *const *docx,
    size_t n, struct diag *d)
{
	struct fkey	*k;
	size_t		 i, m = 0, no = docx != NULL ? 2 * n : n;
	int		 rc = 0;

#define OUT(j) ((j) < n ? outs[(j)] : docx[(j) - n])
	if ((k = calloc(no + n + 1, sizeof(*k))) == NULL)
		return VB_ESYS;
	for (i = 0; i < no && rc == 0; i++) {
		k[m].i = i;
		if ((k[m++].key = file_key(OUT(i))) == NULL)
			rc = VB_ESYS;
	}
	for (i = 0; i < n && rc == 0; i++) {
		k[m].i = i + no;   /* a source: after every output */
		if (stat(src[i], &(struct stat){ 0 }) == 0 &&
		    (k[m++].key = file_key(src[i])) == NULL)
			rc = VB_ESYS;
	}
	if (rc == 0)
		qsort(k, m, sizeof(*k), fkey_cmp);
	for (i = 1; i < m && rc != VB_ESYS; i++) {
		if (strcmp(k[i - 1].key, k[i].key) != 0 || k[i - 1].i >= no)
			continue;
		if (k[i].i >= no)
			diag_add(d, DIAG_ERROR, OUT(k[i - 1].i), 0, 0, "the "
			    "output of %s would replace the source %s",
			    src[k[i - 1].i % n], src[k[i].i - no]);
		else
			diag_add(d, DIAG_ERROR, src[k[i].i % n], 0, 0, "this "
			    "source and %s would both be written to %s: give "
			    "each source its own name", src[k[i - 1].i % n],
			    OUT(k[i].i));
		rc = -1;
	}
#undef OUT
	for (i = 0; i < m; i++)
		free(k[i].key);
	free(k);
	return rc;
}

/* The caller's progress over every chunk of the run. */
struct files_progress {
	void	(*fn)(void *, size_t, size_t);
	void	*arg;
	size_t	 base;   /* sources of the chunks before */
	size_t	 total;  /* every source */
	size_t	 shown;  /* the count last told */
};

static void
files_progress(void *arg, size_t done, size_t total)
{
	struct files_progress *fp = arg;

	(void)total;
	fp->shown = fp->base + done;
	if (fp->fn != NULL)
		fp->fn(fp->arg, fp->shown, fp->total);
}

/* One chunk's state: per source, its text, messages, job and result. */
struct chunk {
	struct render_job	*v;     /* the sources that could be read */
	char			**text; /* each source's text (or NULL) */
	struct diag		**per;  /* each source's messages */
	size_t			*job;   /* its index in v, or SIZE_MAX */
	int			*rc;    /* its result */
};

static void
chunk_free(struct chunk *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (c->text != NULL)
			free(c->text[i]);
		if (c->per != NULL)
			diag_free(c->per[i]);
		if (c->v != NULL && c->job != NULL && c->job[i] != SIZE_MAX)
			free(c->v[c->job[i]].out);
	}
	free(c->v);
	free(c->text);
	free(c->per);
	free(c->job);
	free(c->rc);
}

/* What every chunk of one run shares. */
struct files_run {
	const struct render_opt	*opt;
	struct render_opt	 docx_opt;  /* opt, with format RENDER_DOCX */
	enum text_enc		 enc;
	char *const		*src;
	char *const		*outs;
	char *const		*docx;      /* the DOCX of each too, or NULL */
	int			 jobs;
	struct files_progress	 prog;
	struct render_book	*book;  /* --gop, or NULL */
};

/*
 * The second output of the sources [lo, lo + n) of chunk c: the DOCX of
 * each source whose first output was written (c->rc[i] VB_OK), rendered
 * from the text already read.  Its messages repeat the first rendering's,
 * so they are kept only when it fails (the DOCX writer's own error).
 */
static void
files_docx(struct files_run *r, struct chunk *c, size_t lo, size_t n,
    struct diag *d)
{
	struct render_job	*v;
	struct diag		**per;
	size_t			*idx, i, k = 0;

	v = calloc(n, sizeof(*v));
	per = calloc(n, sizeof(*per));
	idx = calloc(n, sizeof(*idx));
	for (i = 0; v && per && idx && i < n; i++) {
		if (c->rc[i] != VB_OK)
			continue;
		if ((per[k] = diag_new()) == NULL) {
			c->rc[i] = VB_ESYS;
			continue;
		}
		v[k].name = c->v[c->job[i]].name;
		v[k].text = c->text[i];
		v[k].d = per[k];
		idx[k++] = i;
	}
	if (v == NULL || per == NULL || idx == NULL)
		for (i = 0; i < n; i++)
			c->rc[i] = c->rc[i] == VB_OK ? VB_ESYS : c->rc[i];
	else if (k > 0)
		render_batch(&r->docx_opt, v, k, r->jobs, NULL, NULL, d);
	for (i = 0; i < k; i++) {
		int *ri = &c->rc[idx[i]];

		*ri = v[i].rc;
		if (*ri == VB_OK && diag_errors(per[i]) > 0)
			*ri = VB_EINPUT;
		if (*ri == VB_OK)
			*ri = text_write_file(r->docx[lo + idx[i]], v[i].out,
			    v[i].outlen, c->per[idx[i]]);
		else
			diag_move(c->per[idx[i]], per[i]);
		diag_free(per[i]);
		free(v[i].out);
	}
	free(v);
	free(per);
	free(idx);
}

/*
 * Sources [lo, hi): read each (as enc says), render those read in one
 * render_batch, write each output that has no error, and move each
 * source's messages to d in source order.  Returns the worst result;
 * *stop is set when the rendering itself failed (no fonts, no worker),
 * not a document, so that the next chunks are not tried.
 */
static int
files_chunk(struct files_run *r, size_t lo, size_t hi, struct diag *d,
    int *stop)
{
	struct chunk	 c;
	size_t		 n = hi - lo, i, k = 0, len;
	int		 rc = VB_OK, brc = VB_OK;

	c.v = calloc(n, sizeof(*c.v));
	c.text = calloc(n, sizeof(*c.text));
	c.per = calloc(n, sizeof(*c.per));
	c.job = calloc(n, sizeof(*c.job));
	c.rc = calloc(n, sizeof(*c.rc));
	if (!c.v || !c.text || !c.per || !c.job || !c.rc) {
		chunk_free(&c, n);
		*stop = 1;
		return VB_ESYS;
	}
	for (i = 0; i < n; i++) {
		const char *s = r->src[lo + i];

		c.job[i] = SIZE_MAX;
		if ((c.per[i] = diag_new()) == NULL)
			c.rc[i] = VB_ESYS;
		else
			c.rc[i] = text_read_source(s, r->enc, c.per[i],
			    &c.text[i], &len);
		if (c.rc[i] != VB_OK)
			continue;
		c.v[k].name = strcmp(s, "-") == 0 ? "<stdin>" : s;
		c.v[k].text = c.text[i];
		c.v[k].d = c.per[i];
		c.job[i] = k++;
	}
	if (k > 0)
		brc = render_batch(r->opt, c.v, k, r->jobs, files_progress,
		    &r->prog, d);
	for (i = 0; i < n; i++) {
		struct render_job *j = c.job[i] != SIZE_MAX ? &c.v[c.job[i]] :
		    NULL;

		if (j != NULL)
			c.rc[i] = j->rc;
		if (c.rc[i] == VB_OK && diag_errors(c.per[i]) > 0)
			c.rc[i] = VB_EINPUT;
		if (c.rc[i] == VB_OK)
			c.rc[i] = text_write_file(r->outs[lo + i], j->out,
			    j->outlen, c.per[i]);
		if (j != NULL && j->rc == VB_OK)
			brc = VB_OK;   /* the renderer works */
	}
	if (r->docx != NULL && brc != VB_ESYS)
		files_docx(r, &c, lo, n, d);
	for (i = 0; i < n; i++) {
		if (r->book != NULL && c.rc[i] == VB_OK)
			(void)render_book_add(r->book, c.v[c.job[i]].name,
			    c.text[i], 1, c.per[i]);
		else if (r->book != NULL)
			render_book_skip(r->book);
		rc = render_worse(rc, c.rc[i]);
		diag_move(d, c.per[i]);
	}
	if (brc == VB_ESYS)   /* and not one document rendered */
		*stop = 1;
	chunk_free(&c, n);
	return rc;
}

/* Sources at a time: enough for each worker to pay its start back many
 * times, few enough that memory stays flat. */
#define FILES_CHUNK_PER_JOB 128

/* The merged PDF is none of the sources and outputs; 0, or -1 after a
 * message, or VB_ESYS. */
static int
files_gop_check(const char *gop, char *const *src, char *const *outs,
    size_t n, struct diag *d)
{
	char	*k, *o;
	size_t	 i;
	int	 rc = 0;

	if (strcmp(gop, "-") == 0)
		return 0;
	if ((k = file_key(gop)) == NULL)
		return VB_ESYS;
	for (i = 0; i < n && rc == 0; i++) {
		if ((o = file_key(outs[i])) == NULL) {
			rc = VB_ESYS;
			break;
		}
		if (strcmp(o, k) == 0) {
			diag_add(d, DIAG_ERROR, gop, 0, 0, "--gop names the "
			    "output of %s: give the merged PDF a name of its "
			    "own", src[i]);
			rc = -1;
		}
		free(o);
		if (rc == 0 && text_same_file(gop, src[i])) {
			diag_add(d, DIAG_ERROR, gop, 0, 0, "--gop would replace "
			    "the source %s", src[i]);
			rc = -1;
		}
	}
	free(k);
	return rc;
}

/* The merged PDF of the run, sources [0, tried) tried: every source
 * made, or not written. */
static int
files_gop(struct files_run *r, size_t tried, size_t n, struct diag *d)
{
	int rc;

	for (; tried < n; tried++)   /* not tried: the run stopped */
		render_book_skip(r->book);
	rc = render_book_write(r->book, d);
	render_book_free(r->book);
	return rc;
}

int
render_files(const struct render_opt *opt, enum text_enc enc,
    char *const *src, char *const *outs, char *const *docx, size_t n,
    int jobs, const char *gop, void (*progress)(void *, size_t, size_t),
    void *arg, struct diag *d)
{
	struct files_run	 r;
	size_t			 lo, hi, step;
	int			 rc = VB_OK, stop = 0;

	memset(&r, 0, sizeof(r));
	if (gop != NULL && (rc = files_gop_check(gop, src, outs, n, d)) != 0)
		return rc == VB_ESYS ? VB_ESYS : VB_EUSAGE;
	if (gop != NULL && (r.book = render_book_new(opt, gop, d)) == NULL)
		return VB_ESYS;
	if (r.book != NULL)   /* files_gop_check: its outputs, not NAME.pdf */
		render_book_checked(r.book);
	r.opt = opt;
	r.enc = enc;
	r.src = src;
	r.outs = outs;
	r.docx = docx;
	r.docx_opt = *opt;
	r.docx_opt.format = RENDER_DOCX;
	r.jobs = jobs < 1 ? 1 : jobs;
	r.prog.fn = progress;
	r.prog.arg = arg;
	r.prog.total = n;
	step = FILES_CHUNK_PER_JOB * (size_t)r.jobs;
	for (lo = 0; lo < n && !stop; lo = hi) {
		hi = n - lo > step ? lo + step : n;
		r.prog.base = lo;
		rc = render_worse(rc, files_chunk(&r, lo, hi, d, &stop));
		if (r.prog.shown != hi)   /* sources that were not rendered */
			files_progress(&r.prog, hi - lo, n);
	}
	if (r.book != NULL)
		rc = render_worse(rc, files_gop(&r, lo, n, d));
	return rc;
}

void
render_files_stale(char *const *src, char *const *docx, size_t n,
    struct diag *d)
{
	struct stat	 ss, ds;
	char		*beside;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (strcmp(src[i], "-") == 0 || stat(src[i], &ss) != 0 ||
		    (beside = vb_with_ext(src[i], ".docx")) == NULL)
			continue;
		if (stat(beside, &ds) == 0 && S_ISREG(ds.st_mode) &&
		    (ds.st_mtim.tv_sec < ss.st_mtim.tv_sec ||
		    (ds.st_mtim.tv_sec == ss.st_mtim.tv_sec &&
		    ds.st_mtim.tv_nsec < ss.st_mtim.tv_nsec)) &&
		    (docx == NULL || !text_same_file(beside, docx[i])))
			diag_add(d, DIAG_WARNING, beside, 0, 0, "older than its "
			    "source %s, and not written again by this run: "
			    "write both with vb-render --to pdf,docx %s", src[i],
			    src[i]);
		free(beside);
	}
}

/* SOURCE.md -> SOURCE.pdf (or .docx); malloc'd. */
static char *
files_default_output(const char *src, const char *ext)
{
	size_t	 n = strlen(src);
	char	*def;

	if ((def = malloc(n + strlen(ext) + 1)) == NULL)
		return NULL;
	memcpy(def, src, n + 1);
	if (n > 3 && strcmp(def + n - 3, ".md") == 0)
		def[n - 3] = '\0';
	strcat(def, ext);
	return def;
}

char **
render_out_names(char *const *src, size_t n, const char *out,
    const char *outdir, int dump, const char *ext)
{
	char	**o, *def;
	size_t	  i;

	if ((o = calloc(n + 1, sizeof(*o))) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		const char *s = src[i], *base;

		if (out != NULL)
			o[i] = strdup(out);
		else if (dump || strcmp(s, "-") == 0)
			o[i] = strdup("-");
		else if ((def = files_default_output(s, ext)) == NULL)
			o[i] = NULL;
		else if (outdir == NULL)
			o[i] = def;
		else {
			base = strrchr(def, '/') ? strrchr(def, '/') + 1 : def;
			if (asprintf(&o[i], "%s/%s", outdir, base) < 0)
				o[i] = NULL;
			free(def);
		}
		if (o[i] == NULL) {
			render_names_free(o, i);
			return NULL;
		}
	}
	return o;
}

void
render_names_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i]);
	free(v);
}
