/*
 * store.c - the data folder of vb-web.  Every path is reached through
 * the folders' descriptors opened at start (openat, O_NOFOLLOW on every
 * step), from names checked against a strict shape: nothing a request
 * says can name a file elsewhere, and a symlink planted in the data
 * folder is refused, never followed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/random.h>
#include <sys/stat.h>

#include "vanban.h"
#include "web/web_int.h"

static struct {
	char	*path;    /* DATA, absolute */
	int	 data;    /* DATA */
	int	 tam;     /* DATA/tam: jobs */
	int	 kq;      /* DATA/ket-qua: results */
	int	 ch;      /* DATA/cau-hinh: settings */
} st = { NULL, -1, -1, -1, -1 };

/* The whole of fd (at most 64 MiB), NUL-terminated, malloc'd, and its
 * length; NULL on error.  fd is closed. */
static char *
store_slurp(int fd, size_t *len)
{
	struct vbuf	b = { NULL, 0, 0, 0 };
	char		chunk[16384];
	ssize_t		n;

	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || b.len > (64u << 20)) {
			b.bad = 1;
			break;
		}
		vbuf_putn(&b, chunk, (size_t)n);
	}
	close(fd);
	*len = b.len;
	if (b.bad) {
		free(b.s);
		return NULL;
	}
	return b.s ? b.s : strdup("");
}

/* mkdirat and open a folder of parent, refusing a symlink. */
static int
store_dir(int parent, const char *name)
{
	int fd;

	if (mkdirat(parent, name, 0700) != 0 && errno != EEXIST)
		return -1;
	fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	return fd;
}

/* Copy the file at path (an option's) to cau-hinh/name unless there. */
static int
store_seed(const char *path, const char *name)
{
	char	*text = NULL;
	size_t	 len;
	int	 fd, rc;

	if (path == NULL || faccessat(st.ch, name, F_OK, AT_SYMLINK_NOFOLLOW)
	    == 0)
		return 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	rc = (text = store_slurp(fd, &len)) != NULL ? 0 : -1;
	if (rc == 0 && (fd = openat(st.ch, name, O_WRONLY | O_CREAT |
	    O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)) >= 0) {
		rc = write(fd, text, len) == (ssize_t)len ? 0 : -1;
		rc |= close(fd);
	} else
		rc = -1;
	free(text);
	return rc;
}

int
store_open(const struct web_opt *o)
{
	const char	*ext;
	char		 name[32];

	if (mkdir(o->data, 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "vb-web: %s: %s\n", o->data, strerror(errno));
		return -1;
	}
	if ((st.path = realpath(o->data, NULL)) == NULL ||
	    (st.data = open(st.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 ||
	    (st.tam = store_dir(st.data, "tam")) < 0 ||
	    (st.kq = store_dir(st.data, "ket-qua")) < 0 ||
	    (st.ch = store_dir(st.data, "cau-hinh")) < 0) {
		fprintf(stderr, "vb-web: %s: %s (a folder of --data is a "
		    "symlink or cannot be made)\n", o->data, strerror(errno));
		return -1;
	}
	ext = o->don_vi ? strrchr(o->don_vi, '.') : NULL;
	snprintf(name, sizeof(name), "don-vi%s", ext && strlen(ext) < 8 &&
	    store_name_ok(ext + 1) ? ext : ".csv");
	if (store_seed(o->kt_config, "khen-thuong.yaml") != 0 ||
	    store_seed(o->bc_config, "bao-cao.yaml") != 0 ||
	    store_seed(o->don_vi, name) != 0) {
		fprintf(stderr, "vb-web: cannot copy a settings file into "
		    "%s/cau-hinh: %s\n", st.path, strerror(errno));
		return -1;
	}
	return 0;
}

const char *
store_data_path(void)
{
	return st.path;
}

char *
store_cfg_path(const char *name)
{
	char *s;

	return asprintf(&s, "%s/cau-hinh/%s", st.path, name) < 0 ? NULL : s;
}

int
store_new_id(char id[WEB_ID_MAX])
{
	unsigned char	r[16];
	size_t		i, got = 0;
	ssize_t		n;
	int		k;

	while (got < sizeof(r)) {
		if ((n = getrandom(r + got, sizeof(r) - got, 0)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		got += (size_t)n;
	}
	k = snprintf(id, WEB_ID_MAX, "%s-", web_opt->instance);
	for (i = 0; i < sizeof(r); i++)
		k += snprintf(id + k, WEB_ID_MAX - (size_t)k, "%02x", r[i]);
	return 0;
}

int
store_id_ok(const char *s, char *inst)
{
	const char	*dash = strrchr(s, '-'), *p;
	size_t		 n;

	if (dash == NULL || dash == s || (n = (size_t)(dash - s)) > 16 ||
	    strlen(dash + 1) != 32)
		return 0;
	for (p = s; p < dash; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			return 0;
	for (p = dash + 1; *p; p++)
		if (!((*p >= 'a' && *p <= 'f') || (*p >= '0' && *p <= '9')))
			return 0;
	if (inst != NULL)
		memcpy(inst, s, n), inst[n] = '\0';
	return 1;
}

int
store_name_ok(const char *s)
{
	const char *p;

	if (*s == '\0' || *s == '.' || strlen(s) > 120)
		return 0;
	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' ||
		    *p == '_'))
			return 0;
	return 1;
}

int
store_job_new(const char *id)
{
	if (mkdirat(st.tam, id, 0700) != 0)
		return -1;
	return openat(st.tam, id, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
}

/* Remove name in folder dfd and, when a folder, all in it: symlinks are
 * unlinked, never followed. */
static void
store_rm(int dfd, const char *name, int depth)
{
	struct dirent	*e;
	DIR		*dp;
	int		 fd;

	if (unlinkat(dfd, name, 0) == 0 || errno != EISDIR || depth > 8)
		return;
	if ((fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) < 0)
		return;
	if ((dp = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			store_rm(fd, e->d_name, depth + 1);
	closedir(dp);
	unlinkat(dfd, name, AT_REMOVEDIR);
}

void
store_job_drop(const char *id)
{
	store_rm(st.tam, id, 0);
}

int
store_publish(const char *id)
{
	return renameat(st.tam, id, st.kq, id);
}

/* The folder of result id, not expired: its fd, or -1. */
static int
store_result_dir(const char *id)
{
	struct stat	sb;
	int		fd;

	if (!store_id_ok(id, NULL) || (fd = openat(st.kq, id, O_RDONLY |
	    O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return -1;
	if (fstat(fd, &sb) != 0 || time(NULL) - sb.st_mtime > web_opt->giu_s) {
		close(fd);
		return -1;
	}
	return fd;
}

int
store_open_result(const char *id, const char *rel, off_t *size)
{
	struct stat	 sb;
	const char	*name = rel;
	int		 dfd, sub = -1, fd;

	if ((dfd = store_result_dir(id)) < 0)
		return -1;
	if (strncmp(rel, "ra/", 3) == 0) {
		name = rel + 3;
		sub = openat(dfd, "ra", O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
	}
	fd = !store_name_ok(name) || (name != rel && sub < 0) ? -1 :
	    openat(sub >= 0 ? sub : dfd, name, O_RDONLY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (sub >= 0)
		close(sub);
	close(dfd);
	if (fd >= 0 && (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))) {
		close(fd);
		return -1;
	}
	if (fd >= 0)
		*size = sb.st_size;
	return fd;
}

char *
store_read(const char *id, int job, const char *name)
{
	size_t	 len;
	int	 dfd, fd;

	dfd = job ? openat(st.tam, id, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC) : store_result_dir(id);
	if (dfd < 0)
		return NULL;
	fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	close(dfd);
	return fd < 0 ? NULL : store_slurp(fd, &len);
}

static int
store_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
store_list(const char *id)
{
	struct dirent	 *e;
	DIR		 *dp;
	char		**v = NULL;
	size_t		  n = 0, cap = 0;
	int		  dfd, fd;

	if ((dfd = store_result_dir(id)) < 0)
		return NULL;
	fd = openat(dfd, "ra", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	close(dfd);
	if (fd < 0 || (dp = fdopendir(fd)) == NULL) {
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	while ((e = readdir(dp)) != NULL) {
		if (!store_name_ok(e->d_name) || e->d_type == DT_LNK)
			continue;
		if (vb_grow((void **)&v, &cap, n + 2, sizeof(*v)) != 0 ||
		    (v[n] = strdup(e->d_name)) == NULL)
			break;
		v[++n] = NULL;
	}
	closedir(dp);
	if (v != NULL)
		qsort(v, n, sizeof(*v), store_cmp);
	return v;
}

/* Remove the entries of folder fd older than age seconds (only ids of
 * this instance when mine). */
static void
store_sweep_dir(int fd, long age, int mine)
{
	struct dirent	*e;
	struct stat	 sb;
	DIR		*dp;
	char		 inst[WEB_ID_MAX];
	int		 dup_fd = dup(fd);
	time_t		 now = time(NULL);

	if (dup_fd < 0 || (dp = fdopendir(dup_fd)) == NULL) {
		if (dup_fd >= 0)
			close(dup_fd);
		return;
	}
	rewinddir(dp);
	while ((e = readdir(dp)) != NULL) {
		if (!store_id_ok(e->d_name, inst) || (mine &&
		    strcmp(inst, web_opt->instance) != 0))
			continue;
		if (fstatat(fd, e->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
		    now - sb.st_mtime > age)
			store_rm(fd, e->d_name, 0);
	}
	closedir(dp);
}

void
store_sweep(void)
{
	store_sweep_dir(st.kq, web_opt->giu_s, 0);
	store_sweep_dir(st.tam, web_opt->limit_s + 3600, 1);
}
