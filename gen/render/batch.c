/*
 * batch.c - render_batch: many documents into memory, in this process or
 * in worker processes (fork), each worker loading the fonts once.  Workers
 * write their results (PDF bytes and messages) to a temporary file each
 * and one byte per finished document to a shared pipe, which the parent
 * reads to report progress; the parent then reads the results back in
 * document order, so the messages come out as a serial run would print
 * them.  A worker dies with the parent; a worker that dies leaves the
 * results of the documents it finished, and each of the others is named.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include "render/render.h"
#include "render/render_int.h"

/* The worse of two results (contract in render_int.h). */
int
render_worse(int a, int b)
{
	if (a == VB_ESYS || b == VB_ESYS)
		return VB_ESYS;
	return a != VB_OK ? a : b;
}

/* Render jobs first, first + step, ... with one renderer.  A finished
 * document is told through progress (serial) or one byte on fd. */
static int
batch_serial(const struct render_opt *opt, struct render_job *v, size_t n,
    void (*progress)(void *, size_t, size_t), void *arg, struct diag *d)
{
	struct render	*r;
	size_t		 i;
	int		 rc = VB_OK;

	if ((r = render_new(opt, d)) == NULL)
		return VB_ESYS;
	for (i = 0; i < n; i++) {
		v[i].rc = render_mem(r, v[i].name, v[i].text, strlen(v[i].text),
		    &v[i].out, &v[i].outlen, v[i].d != NULL ? v[i].d : d);
		rc = render_worse(rc, v[i].rc);
		if (progress != NULL)
			progress(arg, i + 1, n);
	}
	render_free(r);
	return rc;
}

/* Write a string with its length (-1: NULL). */
static void
batch_put_str(FILE *fp, const char *s)
{
	long n = s ? (long)strlen(s) : -1;

	fwrite(&n, sizeof(n), 1, fp);
	if (s != NULL)
		fwrite(s, 1, (size_t)n, fp);
}

/* Read a string written by batch_put_str (malloc'd); -1 on a short read. */
static int
batch_get_str(FILE *fp, char **s)
{
	long n;

	*s = NULL;
	if (fread(&n, sizeof(n), 1, fp) != 1 || n < -1)
		return -1;
	if (n == -1)
		return 0;
	if ((*s = malloc((size_t)n + 1)) == NULL ||
	    fread(*s, 1, (size_t)n, fp) != (size_t)n) {
		free(*s);
		*s = NULL;
		return -1;
	}
	(*s)[n] = '\0';
	return 0;
}

/* The worker's loop: the documents owner[] gives worker w; never returns.  When
 * its renderer cannot start (a font missing), the first document's
 * record carries that message and the worker stops. */
static void
batch_worker(const struct render_opt *opt, struct render_job *v, size_t n,
    size_t w, const size_t *owner, FILE *res, int tick)
{
	struct render	*r;
	struct diag	*d;
	size_t		 i, k;
	char		 one = 1, point[32];

	if ((d = diag_new()) == NULL)
		_exit(VB_ESYS);
	r = render_new(opt, d);
	for (i = 0; i < n; i++) {
		if (owner[i] != w)
			continue;
		const struct diag_msg	*m;
		long			 nm;

		if (r != NULL)
			v[i].rc = render_mem(r, v[i].name, v[i].text,
			    strlen(v[i].text), &v[i].out, &v[i].outlen, d);
		nm = (long)diag_count(d);
		fwrite(&i, sizeof(i), 1, res);
		fwrite(&v[i].rc, sizeof(v[i].rc), 1, res);
		fwrite(&v[i].outlen, sizeof(v[i].outlen), 1, res);
		if (v[i].outlen > 0)
			fwrite(v[i].out, 1, v[i].outlen, res);
		fwrite(&nm, sizeof(nm), 1, res);
		for (k = 0; k < diag_count(d); k++) {
			m = diag_item(d, k);
			fwrite(&m->level, sizeof(m->level), 1, res);
			fwrite(&m->line, sizeof(m->line), 1, res);
			fwrite(&m->col, sizeof(m->col), 1, res);
			batch_put_str(res, m->file);
			batch_put_str(res, m->text);
		}
		/* A fresh collector for the next document: the cap on kept
		 * messages is then per document, as in a serial run. */
		diag_free(d);
		if ((d = diag_new()) == NULL)
			_exit(VB_ESYS);
		free(v[i].out);
		v[i].out = NULL;
		/* The parent is gone (EPIPE): nobody reads the results. */
		if (fflush(res) != 0 || write(tick, &one, 1) != 1)
			_exit(VB_ESYS);
		if (r == NULL)
			break;
		snprintf(point, sizeof(point), "worker%zu", w);
		vb_test_point(point);
	}
	_exit(fflush(res) == 0 && !ferror(res) ? 0 : VB_ESYS);
}

/* Read one document's messages (nm of them) into rec; -1 on a short
 * file. */
static int
batch_read_msgs(FILE *res, long nm, struct diag *rec)
{
	long k;

	for (k = 0; k < nm; k++) {
		enum diag_level	 lvl;
		int		 line, col;
		char		*file, *text;

		if (fread(&lvl, sizeof(lvl), 1, res) != 1 ||
		    fread(&line, sizeof(line), 1, res) != 1 ||
		    fread(&col, sizeof(col), 1, res) != 1 ||
		    batch_get_str(res, &file) != 0)
			return -1;
		if (batch_get_str(res, &text) != 0) {
			free(file);
			return -1;
		}
		diag_add(rec, lvl, file, line, col, "%s", text);
		free(file);
		free(text);
	}
	return 0;
}

/*
 * Read one worker's results back into v and per, and set got[i] for each
 * document whose record is complete: a worker that was killed leaves the
 * records of the documents it finished (each was flushed before its
 * tick), and perhaps a partial one, which is dropped.  -1 on a short or
 * bad file.
 */
static int
batch_read(FILE *res, struct render_job *v, size_t n, struct diag **per,
    char *got)
{
	struct diag	*rec;
	size_t		 i, outlen;
	long		 nm;
	char		*out;
	int		 rc;

	rewind(res);
	while (fread(&i, sizeof(i), 1, res) == 1) {
		if (i >= n || got[i] || fread(&rc, sizeof(rc), 1, res) != 1 ||
		    fread(&outlen, sizeof(outlen), 1, res) != 1)
			return -1;
		/* A failed document has no output (NULL), as in serial. */
		out = NULL;
		if ((rc == VB_OK || outlen > 0) &&
		    ((out = malloc(outlen + 1)) == NULL ||
		    fread(out, 1, outlen, res) != outlen)) {
			free(out);
			return -1;
		}
		if ((rec = diag_new()) == NULL ||
		    fread(&nm, sizeof(nm), 1, res) != 1 ||
		    batch_read_msgs(res, nm, rec) != 0) {
			diag_free(rec);
			free(out);
			return -1;
		}
		v[i].rc = rc;
		v[i].out = out;
		v[i].outlen = outlen;
		diag_move(per[i], rec);
		diag_free(rec);
		got[i] = 1;
	}
	return ferror(res) ? -1 : 0;
}

/* Sort by decreasing source length (batch_share). */
static const struct render_job *batch_sort_v;

static int
batch_longer(const void *a, const void *b)
{
	size_t la = strlen(batch_sort_v[*(const size_t *)a].text);
	size_t lb = strlen(batch_sort_v[*(const size_t *)b].text);

	if (la != lb)
		return la > lb ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/*
 * Which worker renders each document: the longest sources first, each to
 * the worker with the least text so far, so that one long decision (a
 * form that holds most of a list) does not leave the other cores idle.
 * Malloc'd owner[n], or NULL on OOM.
 */
static size_t *
batch_share(const struct render_job *v, size_t n, size_t jobs)
{
	size_t	*order, *owner, load[64] = { 0 }, i, w, best;

	if ((order = calloc(n, sizeof(*order))) == NULL ||
	    (owner = calloc(n, sizeof(*owner))) == NULL) {
		free(order);
		return NULL;
	}
	for (i = 0; i < n; i++)
		order[i] = i;
	batch_sort_v = v;
	qsort(order, n, sizeof(*order), batch_longer);
	for (i = 0; i < n; i++) {
		for (best = 0, w = 1; w < jobs; w++)
			if (load[w] < load[best])
				best = w;
		owner[order[i]] = best;
		load[best] += strlen(v[order[i]].text) + 1;
	}
	free(order);
	return owner;
}

/* Each document of worker w (every worker from w on when all) that was
 * not read back: a message of its own naming it, and no result. */
static size_t
batch_lost(struct render_job *v, size_t n, const size_t *owner, size_t w,
    int all, const char *got, struct diag **per, const char *why)
{
	size_t i, lost = 0;

	for (i = 0; i < n; i++) {
		if (got[i] || (all ? owner[i] < w : owner[i] != w))
			continue;
		diag_add(per[i], DIAG_ERROR, v[i].name, 0, 0, "not rendered: "
		    "the worker process for it stopped (%s)", why);
		free(v[i].out);
		v[i].out = NULL;
		v[i].rc = VB_ESYS;
		lost++;
	}
	return lost;
}

/* Wait for worker w and read its results back.  A worker that did not
 * end well (killed, out of memory) is named in d, and each of its
 * documents it did not finish in that document's messages; the results
 * of the others stand.  VB_OK or VB_ESYS. */
static int
batch_collect(pid_t pid, FILE *res, size_t w, struct render_job *v,
    size_t n, const size_t *owner, char *got, struct diag **per,
    struct diag *d)
{
	char	 why[128];
	int	 st, read_ok;

	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		;
	read_ok = batch_read(res, v, n, per, got) == 0;
	if (read_ok && WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return VB_OK;
	if (WIFSIGNALED(st))
		snprintf(why, sizeof(why), "%s", strsignal(WTERMSIG(st)));
	else
		snprintf(why, sizeof(why), "%s", vb_tr("no result"));
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "a worker process stopped (%s); "
	    "documents not rendered: %zu", why,
	    batch_lost(v, n, owner, w, 0, got, per, why));
	return VB_ESYS;
}

/* Start worker w: a child that renders its share and exits, and dies
 * with the parent (a signal that ends the run ends it too).  The
 * child's pid, or -1. */
static pid_t
batch_start(const struct render_opt *opt, struct render_job *v, size_t n,
    size_t w, const size_t *owner, FILE *res, int tick[2])
{
	pid_t parent = getpid(), pid;

	if ((pid = fork()) != 0)
		return pid;
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
		_exit(VB_ESYS);
	close(tick[0]);
	batch_worker(opt, v, n, w, owner, res, tick[1]);
	return -1;   /* not reached */
}

/* Start the workers, follow their progress, collect their results. */
static int
batch_fork(const struct render_opt *opt, struct render_job *v, size_t n,
    size_t jobs, void (*progress)(void *, size_t, size_t), void *arg,
    struct diag *d)
{
	FILE		*res[64];
	struct diag	**per;
	size_t		*owner = NULL;
	pid_t		 pid[64];
	size_t		 w, i, done = 0;
	int		 tick[2], rc = VB_OK;
	char		 buf[256], *got;
	ssize_t		 k;

	per = calloc(n, sizeof(*per));
	got = calloc(n, 1);
	if (per == NULL || got == NULL ||
	    (owner = batch_share(v, n, jobs)) == NULL || pipe(tick) != 0) {
		free(per);
		free(got);
		free(owner);
		return VB_ESYS;
	}
	for (i = 0; i < n; i++)
		if ((per[i] = diag_new()) == NULL)
			rc = VB_ESYS;
	fflush(NULL);
	for (w = 0; w < jobs && rc == VB_OK; w++) {
		if ((res[w] = tmpfile()) == NULL ||
		    (pid[w] = batch_start(opt, v, n, w, owner, res[w],
		    tick)) == -1) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot start a "
			    "worker: %s", strerror(errno));
			if (res[w] != NULL)
				fclose(res[w]);
			rc = VB_ESYS;
			break;
		}
	}
	jobs = w;
	close(tick[1]);
	while ((k = read(tick[0], buf, sizeof(buf))) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			break;
		done += (size_t)k;
		if (progress != NULL)
			progress(arg, done, n);
	}
	close(tick[0]);
	for (w = 0; w < jobs; w++) {
		rc = render_worse(rc, batch_collect(pid[w], res[w], w, v, n,
		    owner, got, per, d));
		fclose(res[w]);
	}
	if (rc == VB_ESYS && per[0] != NULL)   /* workers never started */
		batch_lost(v, n, owner, jobs, 1, got, per,
		    vb_tr("not started"));
	for (i = 0; i < n; i++) {
		diag_move(v[i].d != NULL ? v[i].d : d, per[i]);
		diag_free(per[i]);
		rc = render_worse(rc, v[i].rc);
	}
	free(per);
	free(got);
	free(owner);
	return rc;
}

int
render_batch(const struct render_opt *opt, struct render_job *v, size_t n,
    int jobs, void (*progress)(void *, size_t, size_t), void *arg,
    struct diag *d)
{
	struct diag	*warm;
	size_t		 i;

	for (i = 0; i < n; i++) {
		v[i].out = NULL;
		v[i].outlen = 0;
		v[i].rc = VB_ESYS;
	}
	if (jobs > 64)
		jobs = 64;
	if ((size_t)jobs > n)
		jobs = (int)n;
	if (jobs <= 1)
		return batch_serial(opt, v, n, progress, arg, d);
	/* The faces loaded here, once: the workers inherit them.  Whether
	 * they loaded is told by each worker's own render_new. */
	if ((warm = diag_new()) != NULL) {
		render_free(render_new(opt, warm));
		diag_free(warm);
	}
	return batch_fork(opt, v, n, (size_t)jobs, progress, arg, d);
}

void
render_jobs_free(struct render_job *v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i].out);
	free(v);
}
