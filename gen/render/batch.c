/*
 * batch.c - render_batch: many documents into memory, in this process or
 * in worker processes (fork), each worker loading the fonts once.  Workers
 * write their results (PDF bytes and messages) to a temporary file each
 * and one byte per finished document to a shared pipe, which the parent
 * reads to report progress; the parent then reads the results back in
 * document order, so the messages come out as a serial run would print
 * them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "vanban.h"
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
	char		 one = 1;

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
		(void)!write(tick, &one, 1);
		if (r == NULL)
			break;
	}
	_exit(fflush(res) == 0 && !ferror(res) ? 0 : VB_ESYS);
}

/* Read one worker's results back into v and d.  -1 on a short file. */
static int
batch_read(FILE *res, struct render_job *v, size_t n, struct diag **per)
{
	size_t	 i;
	long	 nm, k;

	rewind(res);
	while (fread(&i, sizeof(i), 1, res) == 1) {
		if (i >= n || fread(&v[i].rc, sizeof(v[i].rc), 1, res) != 1 ||
		    fread(&v[i].outlen, sizeof(v[i].outlen), 1, res) != 1)
			return -1;
		/* A failed document has no output (NULL), as in serial. */
		if ((v[i].rc == VB_OK || v[i].outlen > 0) &&
		    ((v[i].out = malloc(v[i].outlen + 1)) == NULL ||
		    fread(v[i].out, 1, v[i].outlen, res) != v[i].outlen))
			return -1;
		if (fread(&nm, sizeof(nm), 1, res) != 1)
			return -1;
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
			diag_add(per[i], lvl, file, line, col, "%s", text);
			free(file);
			free(text);
		}
	}
	return 0;
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
	size_t		 w, i, done = 0, k;
	int		 tick[2], st, rc = VB_OK;
	char		 buf[256];
	ssize_t		 got;

	if ((per = calloc(n, sizeof(*per))) == NULL ||
	    (owner = batch_share(v, n, jobs)) == NULL || pipe(tick) != 0) {
		free(per);
		free(owner);
		return VB_ESYS;
	}
	fflush(NULL);
	for (w = 0; w < jobs; w++) {
		if ((res[w] = tmpfile()) == NULL ||
		    (pid[w] = fork()) == -1) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot start a "
			    "worker: %s", strerror(errno));
			rc = VB_ESYS;
			break;
		}
		if (pid[w] == 0) {
			close(tick[0]);
			batch_worker(opt, v, n, w, owner, res[w], tick[1]);
		}
	}
	jobs = w;
	close(tick[1]);
	while ((got = read(tick[0], buf, sizeof(buf))) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			break;
		done += (size_t)got;
		if (progress != NULL)
			progress(arg, done, n);
	}
	close(tick[0]);
	for (i = 0; i < n; i++)
		if ((per[i] = diag_new()) == NULL)
			rc = VB_ESYS;
	for (w = 0; w < jobs; w++) {
		while (waitpid(pid[w], &st, 0) == -1 && errno == EINTR)
			;
		if (rc == VB_OK && (!WIFEXITED(st) || WEXITSTATUS(st) != 0 ||
		    batch_read(res[w], v, n, per) != 0)) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "a worker process "
			    "failed (%s)", WIFSIGNALED(st) ? strsignal(
			    WTERMSIG(st)) : "no result");
			rc = VB_ESYS;
		}
		fclose(res[w]);
	}
	for (i = 0; i < n; i++) {
		struct diag *to = v[i].d != NULL ? v[i].d : d;

		for (k = 0; per[i] != NULL && k < diag_count(per[i]); k++) {
			const struct diag_msg *m = diag_item(per[i], k);

			diag_add(to, m->level, m->file, m->line, m->col, "%s",
			    m->text);
		}
		diag_free(per[i]);
		if (rc == VB_OK)
			rc = render_worse(rc, v[i].rc);
	}
	free(per);
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
