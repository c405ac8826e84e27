/*
 * queue.c - the bounded queue of vb-web.  A POST takes a slot before its
 * body is read (none left: 503), so the requests in flight never exceed
 * --queue; --workers dispatcher threads each run one job at a time in a
 * worker process: this program again (posix_spawn, no shell), in
 * --worker mode, which sets its own rlimits, and is killed at the time
 * limit.  A new process rather than a fork of the server: a fork of a
 * threaded process may inherit a lock another thread held, and the
 * generators take many (malloc, stdio, gettext).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#include "vanban.h"
#include "web/web_int.h"

extern char **environ;

static struct {
	pthread_mutex_t	  mu;
	pthread_cond_t	  cv;        /* a job waits, or stop */
	pthread_cond_t	  sweep_cv;  /* stop (the sweeper's own: a
				      * signal for a job must wake a
				      * dispatcher) */
	int		  slots;     /* requests holding a slot */
	struct web_req	**ring;      /* waiting jobs */
	size_t		  head, n;
	pthread_t	 *th;        /* dispatchers, then the sweeper */
	int		  nth;
	int		  stop;
} qu = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	PTHREAD_COND_INITIALIZER, 0, NULL, 0, 0, NULL, 0, 0 };

int
queue_reserve(void)
{
	int ok;

	pthread_mutex_lock(&qu.mu);
	if ((ok = qu.slots < web_opt->queue))
		qu.slots++;
	pthread_mutex_unlock(&qu.mu);
	return ok ? 0 : -1;
}

void
queue_release(void)
{
	pthread_mutex_lock(&qu.mu);
	qu.slots--;
	pthread_mutex_unlock(&qu.mu);
}

void
queue_push(struct web_req *r)
{
	pthread_mutex_lock(&qu.mu);
	/* Never full: the ring has a place for every slot. */
	qu.ring[(qu.head + qu.n++) % (size_t)web_opt->queue] = r;
	pthread_cond_signal(&qu.cv);
	pthread_mutex_unlock(&qu.mu);
}

/* Run r's job in a worker process and wait for it, at most the time
 * limit; r->rc its exit status (VB_ESYS when killed or not started). */
static void
queue_run(struct web_req *r)
{
	char		*argv[12], *dir = NULL, lim[24];
	struct timespec	 t0, now, nap = { 0, 5 * 1000 * 1000 };
	pid_t		 pid;
	int		 n = 0, status;

	r->rc = VB_ESYS;
	if (asprintf(&dir, "%s/tam/%s", store_data_path(), r->id) < 0)
		return;
	argv[n++] = (char *)web_opt->self;
	argv[n++] = (char *)"--worker";
	argv[n++] = dir;
	argv[n++] = (char *)"--data";
	argv[n++] = (char *)store_data_path();
	if (web_opt->templates != NULL) {
		argv[n++] = (char *)"--templates";
		argv[n++] = (char *)web_opt->templates;
	}
	snprintf(lim, sizeof(lim), "%lds", web_opt->limit_s);
	argv[n++] = (char *)"--han";
	argv[n++] = lim;
	argv[n] = NULL;
	n = posix_spawn(&pid, web_opt->self, NULL, NULL, argv, environ);
	free(dir);
	if (n != 0) {
		fprintf(stderr, "vb-web: cannot start %s: %s\n", web_opt->self,
		    strerror(n));
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (waitpid(pid, &status, WNOHANG) == 0) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - t0.tv_sec >= web_opt->limit_s) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			r->timed_out = 1;
			fprintf(stderr, "vb-web: %s: killed at the time limit "
			    "(%ld s)\n", r->id, web_opt->limit_s);
			return;
		}
		nanosleep(&nap, NULL);
		if (nap.tv_nsec < 40 * 1000 * 1000)
			nap.tv_nsec += 5 * 1000 * 1000;
	}
	if (WIFEXITED(status))
		r->rc = WEXITSTATUS(status);
	else
		fprintf(stderr, "vb-web: %s: the worker ended by signal %d\n",
		    r->id, WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

static void *
queue_dispatch(void *arg)
{
	struct web_req	*r;
	int		 stop;

	(void)arg;
	for (;;) {
		pthread_mutex_lock(&qu.mu);
		while (qu.n == 0 && !qu.stop)
			pthread_cond_wait(&qu.cv, &qu.mu);
		if (qu.n == 0) {
			pthread_mutex_unlock(&qu.mu);
			return NULL;
		}
		r = qu.ring[qu.head];
		qu.head = (qu.head + 1) % (size_t)web_opt->queue;
		qu.n--;
		stop = qu.stop;
		pthread_mutex_unlock(&qu.mu);
		if (stop)	/* shutting down: answered, not rendered */
			r->rc = VB_ESYS;
		else
			queue_run(r);
		web_job_done(r);
	}
}

/* Every while, remove what --giu says has expired. */
static void *
queue_sweep(void *arg)
{
	long		every = web_opt->giu_s / 4;
	struct timespec	until;

	(void)arg;
	if (every < 1)
		every = 1;
	if (every > 60)
		every = 60;
	pthread_mutex_lock(&qu.mu);
	while (!qu.stop) {
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += every;
		pthread_cond_timedwait(&qu.sweep_cv, &qu.mu, &until);
		if (qu.stop)
			break;
		pthread_mutex_unlock(&qu.mu);
		store_sweep();
		pthread_mutex_lock(&qu.mu);
	}
	pthread_mutex_unlock(&qu.mu);
	return NULL;
}

int
queue_start(void)
{
	int i;

	if ((qu.ring = calloc((size_t)web_opt->queue, sizeof(*qu.ring))) ==
	    NULL || (qu.th = calloc((size_t)web_opt->workers + 1,
	    sizeof(*qu.th))) == NULL)
		return -1;
	for (i = 0; i <= web_opt->workers; i++) {
		if (pthread_create(&qu.th[i], NULL, i < web_opt->workers ?
		    queue_dispatch : queue_sweep, NULL) != 0)
			return -1;
		qu.nth++;
	}
	store_sweep();
	return 0;
}

void
queue_stop(void)
{
	int i;

	pthread_mutex_lock(&qu.mu);
	qu.stop = 1;
	pthread_cond_broadcast(&qu.cv);
	pthread_cond_broadcast(&qu.sweep_cv);
	pthread_mutex_unlock(&qu.mu);
	for (i = 0; i < qu.nth; i++)
		pthread_join(qu.th[i], NULL);
	free(qu.th);
	free(qu.ring);
}
