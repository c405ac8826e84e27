/*
 * bc/jobs.c - rendering many sources to PDF, in worker processes: each
 * worker renders every jobs-th source and sends one line per file back
 * through a pipe (its messages, then a status line); the parent reads
 * them as they come, reports progress, and waits for every worker.
 * Each PDF is still written atomically by render_source.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "baocao/bc.h"

#define BC_JOBS_MAX 64

/* path with ".md" replaced by ".pdf"; malloc'd. */
static char *
bc_pdf_path(const char *path)
{
	size_t	 n = strlen(path);
	char	*s;

	if (n > 3 && strcmp(path + n - 3, ".md") == 0)
		n -= 3;
	if (asprintf(&s, "%.*s.pdf", (int)n, path) < 0)
		return NULL;
	return s;
}

/* Render source i into d; VB_OK, VB_EINPUT or VB_ESYS. */
static int
bc_render_one(char **paths, char **md, size_t i,
    const struct render_opt *ropt, struct diag *d)
{
	char	*pdf = bc_pdf_path(paths[i]);
	int	 rc;

	if (pdf == NULL)
		return VB_ESYS;
	rc = render_source(paths[i], md[i], strlen(md[i]), pdf, ropt, d);
	free(pdf);
	return rc;
}

/* Write all of buf to fd; -1 on error. */
static int
bc_write_all(int fd, const char *buf, size_t n)
{
	ssize_t k;

	while (n > 0) {
		if ((k = write(fd, buf, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += k;
		n -= (size_t)k;
	}
	return 0;
}

/*
 * The worker: renders sources w, w + jobs, …; for each, its messages as
 * "M<message>\n" lines (newlines inside replaced by spaces), then
 * "R<index> <status>\n".  Never returns.
 */
static void
bc_worker(int fd, size_t w, size_t jobs, char **paths, char **md, size_t n,
    const struct render_opt *ropt)
{
	struct diag	*d;
	size_t		 i, k;
	char		*m, line[64];
	int		 rc, worst = VB_OK;

	for (i = w; i < n; i += jobs) {
		if ((d = diag_new()) == NULL)
			_exit(VB_ESYS);
		rc = bc_render_one(paths, md, i, ropt, d);
		for (k = 0; k < diag_count(d); k++) {
			if ((m = strdup(diag_get(d, k))) == NULL)
				_exit(VB_ESYS);
			for (char *q = m; *q; q++)
				if (*q == '\n')
					*q = ' ';
			if (bc_write_all(fd, "M", 1) || bc_write_all(fd, m,
			    strlen(m)) || bc_write_all(fd, "\n", 1))
				_exit(VB_ESYS);
			free(m);
		}
		diag_free(d);
		snprintf(line, sizeof(line), "R%zu %d\n", i, rc);
		if (bc_write_all(fd, line, strlen(line)) != 0)
			_exit(VB_ESYS);
		if (rc > worst)
			worst = rc;
		if (rc == VB_ESYS)
			break;	/* fonts, disk: the next file would fail too */
	}
	_exit(worst);
}

/* One message line of a worker back into d, its level recovered from
 * the formatted text ("…: error: …" or "…: warning: …"). */
static void
bc_take_message(const char *m, struct diag *d)
{
	const char	*e = strstr(m, "error: "), *w = strstr(m, "warning: ");
	int		 err = e != NULL && (w == NULL || e < w);
	const char	*tag = err ? e : w;
	char		*pos;

	if (tag == NULL) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "%s", m);
		return;
	}
	/* "file:line:col: " before the tag: kept as the file part. */
	pos = tag > m + 2 ? strndup(m, (size_t)(tag - m - 2)) : NULL;
	diag_add(d, err ? DIAG_ERROR : DIAG_WARNING, pos, 0, 0, "%s",
	    tag + (err ? 7 : 9));
	free(pos);
}

struct bc_pipe {
	int	 fd;      /* read end, -1 when closed */
	char	*buf;     /* partial line */
	size_t	 len, cap;
};

/* Handle the complete lines of p; returns files finished. */
static size_t
bc_lines(struct bc_pipe *p, char **paths, size_t n, struct diag *d,
    bc_progress_fn *cb, void *ctx, size_t *done, int *worst)
{
	char	*nl, *s = p->buf;
	size_t	 k = 0, idx;
	int	 rc;

	while ((nl = memchr(s, '\n', p->len - (size_t)(s - p->buf))) != NULL) {
		*nl = '\0';
		if (s[0] == 'M')
			bc_take_message(s + 1, d);
		else if (s[0] == 'R' && sscanf(s + 1, "%zu %d", &idx, &rc) ==
		    2 && idx < n) {
			(*done)++;
			k++;
			if (rc > *worst)
				*worst = rc;
			if (cb != NULL)
				cb(ctx, *done, n, paths[idx], rc == VB_OK);
		}
		s = nl + 1;
	}
	p->len -= (size_t)(s - p->buf);
	memmove(p->buf, s, p->len);
	return k;
}

/* Read from the workers' pipes until all are closed. */
static int
bc_collect(struct bc_pipe *pp, size_t jobs, char **paths, size_t n,
    struct diag *d, bc_progress_fn *cb, void *ctx, int *worst)
{
	struct pollfd	 pfd[BC_JOBS_MAX];
	size_t		 i, open = jobs, done = 0;
	ssize_t		 k;

	while (open > 0) {
		for (i = 0; i < jobs; i++) {
			pfd[i].fd = pp[i].fd;
			pfd[i].events = POLLIN;
			pfd[i].revents = 0;
		}
		if (poll(pfd, jobs, -1) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (i = 0; i < jobs; i++) {
			if (pp[i].fd < 0 || pfd[i].revents == 0)
				continue;
			if (pp[i].cap - pp[i].len < 4096) {
				char *nb = realloc(pp[i].buf, pp[i].cap + 8192);

				if (nb == NULL)
					return -1;
				pp[i].buf = nb;
				pp[i].cap += 8192;
			}
			k = read(pp[i].fd, pp[i].buf + pp[i].len,
			    pp[i].cap - pp[i].len - 1);
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0) {
				close(pp[i].fd);
				pp[i].fd = -1;
				open--;
				continue;
			}
			pp[i].len += (size_t)k;
			bc_lines(&pp[i], paths, n, d, cb, ctx, &done, worst);
		}
	}
	return 0;
}

int
bc_render_all(char **paths, char **md, size_t n, int jobs,
    const struct render_opt *ropt, struct diag *d, bc_progress_fn *cb,
    void *ctx)
{
	struct bc_pipe	 pp[BC_JOBS_MAX];
	pid_t		 pid[BC_JOBS_MAX];
	size_t		 i, nj;
	int		 fds[2], worst = VB_OK, st, rc;

	if (jobs <= 1 || n <= 1) {
		for (i = 0; i < n; i++) {
			rc = bc_render_one(paths, md, i, ropt, d);
			if (rc > worst)
				worst = rc;
			if (cb != NULL)
				cb(ctx, i + 1, n, paths[i], rc == VB_OK);
			if (rc == VB_ESYS)
				break;
		}
		return worst;
	}
	nj = (size_t)jobs < n ? (size_t)jobs : n;
	if (nj > BC_JOBS_MAX)
		nj = BC_JOBS_MAX;
	fflush(NULL);
	for (i = 0; i < nj; i++) {
		memset(&pp[i], 0, sizeof(pp[i]));
		pp[i].fd = -1;
		if (pipe(fds) != 0 || (pid[i] = fork()) < 0) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot start a "
			    "worker process: %s", strerror(errno));
			nj = i;
			worst = VB_ESYS;
			break;
		}
		if (pid[i] == 0) {
			size_t j;

			close(fds[0]);
			for (j = 0; j < i; j++)
				close(pp[j].fd);
			bc_worker(fds[1], i, nj, paths, md, n, ropt);
		}
		close(fds[1]);
		pp[i].fd = fds[0];
	}
	if (worst == VB_OK && bc_collect(pp, nj, paths, n, d, cb, ctx,
	    &worst) != 0) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "lost the workers' output: "
		    "%s", strerror(errno));
		worst = VB_ESYS;
	}
	for (i = 0; i < nj; i++) {
		if (pp[i].fd >= 0)
			close(pp[i].fd);
		free(pp[i].buf);
		while (waitpid(pid[i], &st, 0) < 0 && errno == EINTR)
			continue;
		rc = WIFEXITED(st) ? WEXITSTATUS(st) : VB_ESYS;
		if (!WIFEXITED(st))
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "a worker process "
			    "died (signal %d)", WIFSIGNALED(st) ?
			    WTERMSIG(st) : 0);
		if (rc > worst)
			worst = rc;
	}
	return worst;
}
