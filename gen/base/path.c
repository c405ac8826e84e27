/*
 * path.c - finding the data a tool needs (fonts, templates) whether it
 * runs from the build tree or is installed, and the reproducible-build
 * clock.  One finder for every data set: option, environment, beside the
 * program, compiled in (README.md, "Install").
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/base.h"

/* Does dir/probe exist and can it be read? */
static int
path_has(const char *dir, const char *probe)
{
	char p[PATH_MAX];

	if ((size_t)snprintf(p, sizeof(p), "%s/%s", dir, probe) >= sizeof(p))
		return 0;
	return access(p, R_OK) == 0;
}

char *
vb_find_dir(const char *opt, const char *env, const char *const *rel,
    const char *probe, const char *builtin)
{
	char		 exe[PATH_MAX], cand[PATH_MAX], *slash;
	const char	*e;
	ssize_t		 n;
	size_t		 i;

	if (opt != NULL)
		return strdup(opt);
	if (env != NULL && (e = getenv(env)) != NULL && *e != '\0')
		return strdup(e);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0 && rel != NULL) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		for (i = 0; rel[i] != NULL; i++)
			if ((size_t)snprintf(cand, sizeof(cand), "%s/%s", exe,
			    rel[i]) < sizeof(cand) && path_has(cand, probe))
				return strdup(cand);
	}
	return strdup(builtin);
}

#ifndef VB_TEMPLATES_DIR
#define VB_TEMPLATES_DIR "templates"
#endif

char *
vb_find_templates(const char *opt, const char *probe)
{
	static const char *const rel[] = {
		"../share/vanban/templates", "../templates", NULL
	};

	return vb_find_dir(opt, "VB_TEMPLATES", rel, probe, VB_TEMPLATES_DIR);
}

int
vb_source_epoch(long long *out, struct diag *d)
{
	const char	*s = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	long long	 v;

	*out = -1;
	if (s == NULL || *s == '\0')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	/* Up to 9999-12-31T23:59:59Z: a PDF date has four year digits. */
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 ||
	    v > 253402300799LL) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "SOURCE_DATE_EPOCH=\"%s\" "
		    "is not a number of seconds from 0 to 253402300799", s);
		return -1;
	}
	*out = v;
	return 0;
}

char *
vb_with_ext(const char *path, const char *ext)
{
	const char	*dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	size_t		 n = (dot && (!slash || dot > slash)) ?
			    (size_t)(dot - path) : strlen(path);
	char		*s;

	if (asprintf(&s, "%.*s%s", (int)n, path, ext) < 0)
		return NULL;
	return s;
}

/* Make one folder; an existing folder (or a link to one) is fine. */
static int
path_mkdir1(const char *p)
{
	struct stat st;

	if (mkdir(p, 0777) == 0)
		return 0;
	if (errno == EEXIST && stat(p, &st) == 0 && !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return errno == EEXIST ? 0 : -1;
}

int
vb_mkdir_p(const char *dir, struct diag *d)
{
	char	*p, *s;
	int	 rc = 0;

	if ((p = strdup(dir)) == NULL) {
		diag_add(d, DIAG_ERROR, dir, 0, 0, "out of memory");
		return VB_ESYS;
	}
	/* Each parent in turn, then dir itself: "a/b/c" makes a, a/b, a/b/c
	 * (the leading "/" and repeated slashes are skipped). */
	for (s = p + 1; rc == 0 && *s != '\0'; s++) {
		if (*s != '/' || s[-1] == '/')
			continue;
		*s = '\0';
		if ((rc = path_mkdir1(p)) == 0)
			*s = '/';	/* else the message names this one */
	}
	if (rc == 0)
		rc = path_mkdir1(p);
	if (rc != 0)
		diag_add(d, DIAG_ERROR, p, 0, 0, "cannot create the folder: %s",
		    strerror(errno));
	free(p);
	return rc == 0 ? VB_OK : VB_ESYS;
}
