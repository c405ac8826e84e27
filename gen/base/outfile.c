/*
 * outfile.c - every output file of every tool is written here, so that a
 * failed run never leaves a partial file nor touches a good one:
 *
 *  - a regular file (or a new one) is written to a temporary file beside
 *    it, flushed to disk and renamed over it only when complete; the
 *    permission bits of the file it replaces are kept;
 *  - a symbolic link is followed: its target is replaced, the link stays;
 *  - anything else that exists (a device such as /dev/null, a FIFO) is
 *    opened and written through, never replaced by a rename;
 *  - "-" is standard output;
 *  - a file the user may have edited since the tool looked at it is
 *    checked once more just before the rename (struct outfile_guard): if
 *    it changed, it is kept and the new file goes beside it.
 *
 * Temporary files are removed on SIGINT, SIGTERM and SIGHUP; SIGXFSZ (a
 * file-size limit) is ignored so that the write fails with EFBIG and the
 * run ends with a message and exit 3 instead of dying silently.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/base.h"

#define OUT_TMP_MAX 16   /* temporary files open at once */

struct outfile {
	FILE	*fp;      /* where the bytes go */
	char	*path;    /* the file to replace (symlinks resolved) */
	char	*tmp;     /* temporary file, NULL: written through */
	int	 slot;    /* index in out_tmps, -1: none */
	const char *name; /* the path as given (for a guard) */
	struct outfile_guard *guard; /* last check before the rename, or NULL */
};

/* Temporary files to remove if a signal ends the run.  Written only with
 * the signals blocked; read by the handler. */
static char		*volatile out_tmps[OUT_TMP_MAX];
static volatile sig_atomic_t out_hooked;

static void
out_on_signal(int sig)
{
	int i;

	for (i = 0; i < OUT_TMP_MAX; i++)
		if (out_tmps[i] != NULL)
			unlink(out_tmps[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Block (how = SIG_BLOCK) or unblock the signals the handler catches. */
static void
out_mask(int how)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, SIGINT);
	sigaddset(&s, SIGTERM);
	sigaddset(&s, SIGHUP);
	sigprocmask(how, &s, NULL);
}

/* Catch the signals that end a run (once per process).  A signal the
 * run was started ignoring stays ignored: under nohup a hangup must not
 * end it, nor an interrupt a job the shell started in the background. */
static void
out_hook(void)
{
	static const int	 sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction	 sa, old;
	size_t			 i;

	if (out_hooked)
		return;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = out_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	signal(SIGXFSZ, SIG_IGN);
	out_hooked = 1;
}

/* Remember tmp for the handler (called with the signals blocked); the
 * slot, or -1 when all are taken. */
static int
out_track(char *tmp)
{
	int i;

	for (i = 0; i < OUT_TMP_MAX; i++)
		if (out_tmps[i] == NULL) {
			out_tmps[i] = tmp;
			return i;
		}
	return -1;
}

static void
out_untrack(int slot)
{
	if (slot < 0)
		return;
	out_mask(SIG_BLOCK);
	out_tmps[slot] = NULL;
	out_mask(SIG_UNBLOCK);
}

/* The process's umask, which mkstemp ignores (it creates 0600). */
static mode_t
out_umask(void)
{
	mode_t m = umask(022);

	umask(m);
	return m;
}

/* Open a temporary file beside of->path with the given mode. */
static int
out_tmp(struct outfile *of, const char *name, mode_t mode, struct diag *d)
{
	size_t	 plen = strlen(of->path);
	int	 fd, e;

	if ((of->tmp = malloc(plen + 16)) == NULL) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "out of memory");
		return -1;
	}
	snprintf(of->tmp, plen + 16, "%s.tmp.XXXXXX", of->path);
	/* Made and remembered with the signals held: a signal delivered as
	 * mkstemp's open returns would otherwise leave the file behind. */
	out_hook();
	out_mask(SIG_BLOCK);
	if ((fd = mkstemp(of->tmp)) == -1) {
		e = errno;
		out_mask(SIG_UNBLOCK);
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot create: %s",
		    strerror(e));
		free(of->tmp);
		of->tmp = NULL;
		return -1;
	}
	vb_test_point("tmp");
	of->slot = out_track(of->tmp);
	out_mask(SIG_UNBLOCK);
	if (fchmod(fd, mode) != 0 || (of->fp = fdopen(fd, "wb")) == NULL) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot create: %s",
		    strerror(errno));
		close(fd);
		unlink(of->tmp);
		out_untrack(of->slot);
		free(of->tmp);
		of->tmp = NULL;
		return -1;
	}
	return 0;
}

/* Where path really is: a symlink resolved (a dangling one refused). */
static int
out_resolve(struct outfile *of, const char *path, struct stat *st,
    int *exists, struct diag *d)
{
	char real[PATH_MAX];

	*exists = lstat(path, st) == 0;
	if (*exists && S_ISLNK(st->st_mode)) {
		if (realpath(path, real) == NULL || stat(real, st) != 0) {
			diag_add(d, DIAG_ERROR, path, 0, 0, "a symbolic link "
			    "to nothing: remove it or give another name");
			return -1;
		}
		of->path = strdup(real);
	} else
		of->path = strdup(path);
	if (of->path == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory");
		return -1;
	}
	return 0;
}

FILE *
outfile_open(const char *path, struct outfile **out, struct diag *d)
{
	struct outfile	*of;
	struct stat	 st;
	int		 exists;

	*out = NULL;
	if ((of = calloc(1, sizeof(*of))) == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory");
		return NULL;
	}
	of->slot = -1;
	if (strcmp(path, "-") == 0) {
		of->fp = stdout;
		*out = of;
		return of->fp;
	}
	if (out_resolve(of, path, &st, &exists, d) != 0)
		goto fail;
	if (exists && !S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode)) {
			diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write: "
			    "it is a folder");
			goto fail;
		}
		/* A device or a FIFO: written through, never replaced. */
		signal(SIGXFSZ, SIG_IGN);
		if ((of->fp = fopen(of->path, "wb")) == NULL) {
			diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write: %s",
			    strerror(errno));
			goto fail;
		}
		*out = of;
		return of->fp;
	}
	if (out_tmp(of, path, exists ? (st.st_mode & 07777) :
	    (0666 & ~out_umask()), d) != 0)
		goto fail;
	*out = of;
	return of->fp;
fail:
	free(of->path);
	free(of);
	return NULL;
}

/* Tests only: VB_TEST_PAUSE_BEFORE_RENAME names a FIFO; write path to it,
 * then wait until the test writes something to it and closes it (see
 * struct outfile_guard).  Lets a test change a file between a tool's
 * first check and its rename without depending on timing. */
static void
out_test_pause(const char *path)
{
	const char	*fifo = getenv("VB_TEST_PAUSE_BEFORE_RENAME");
	FILE		*fp;

	if (fifo == NULL || *fifo == '\0')
		return;
	if ((fp = fopen(fifo, "w")) != NULL) {
		fprintf(fp, "%s\n", path);
		fclose(fp);
	}
	if ((fp = fopen(fifo, "r")) != NULL) {
		while (getc(fp) != EOF)
			;
		fclose(fp);
	}
}

/* Put the complete temporary file in place: over of->path, or at the
 * guard's alt when the file there changed since the caller checked it.
 * 0, or -1 with a message in d. */
static int
out_rename(struct outfile *of, struct diag *d)
{
	const char	*to = of->path;
	int		 changed = 0;

	if (of->guard != NULL) {
		out_test_pause(of->name);
		if ((changed = of->guard->changed(of->name,
		    of->guard->arg)) < 0) {
			diag_add(d, DIAG_ERROR, of->name, 0, 0, "cannot read "
			    "it again before replacing it: %s",
			    strerror(errno));
			return -1;
		}
		if (changed)
			to = of->guard->alt;
	}
	if (rename(of->tmp, to) != 0) {
		diag_add(d, DIAG_ERROR, to, 0, 0, "cannot write: %s",
		    strerror(errno));
		return -1;
	}
	if (changed)
		of->guard->moved = 1;
	return 0;
}

int
outfile_close(struct outfile *of, int ok, struct diag *d)
{
	const char	*name = of->path ? of->path : "<stdout>";
	int		 rc = VB_OK;

	if (ok && (fflush(of->fp) != 0 || ferror(of->fp) ||
	    (of->tmp != NULL && fsync(fileno(of->fp)) != 0))) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
		    strerror(errno ? errno : EIO));
		rc = VB_ESYS;
		ok = 0;
	}
	if (of->fp != stdout && fclose(of->fp) != 0 && ok) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot write: %s",
		    strerror(errno));
		rc = VB_ESYS;
		ok = 0;
	}
	if (of->tmp != NULL && ok && out_rename(of, d) != 0) {
		rc = VB_ESYS;
		ok = 0;
	}
	if (of->tmp != NULL && !ok)
		unlink(of->tmp);
	out_untrack(of->slot);
	free(of->tmp);
	free(of->path);
	free(of);
	return ok ? rc : (rc == VB_OK ? VB_ESYS : rc);
}

int
text_write_file(const char *path, const void *buf, size_t n, struct diag *d)
{
	return text_write_guarded(path, buf, n, NULL, d);
}

int
text_write_guarded(const char *path, const void *buf, size_t n,
    struct outfile_guard *g, struct diag *d)
{
	struct outfile	*of;
	FILE		*fp;

	if ((fp = outfile_open(path, &of, d)) == NULL)
		return VB_ESYS;
	of->name = path;
	of->guard = g;
	errno = 0;
	if (fwrite(buf, 1, n, fp) != n) {
		diag_add(d, DIAG_ERROR, strcmp(path, "-") ? path : "<stdout>",
		    0, 0, "cannot write: %s", strerror(errno ? errno : EIO));
		outfile_close(of, 0, d);
		return VB_ESYS;
	}
	return outfile_close(of, 1, d);
}

int
text_same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (strcmp(a, "-") == 0 || strcmp(b, "-") == 0)
		return 0;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
