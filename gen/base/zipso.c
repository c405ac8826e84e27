/*
 * zipso.c - libzip opened with dlopen on first use (see zipso.h for why).
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

#include "base/base.h"
#include "base/zipso.h"

#ifndef VB_LIBZIP_SONAME
#define VB_LIBZIP_SONAME "libzip.so.4"
#endif

const struct zipso	*zipso;

static struct zipso	 zipso_fns;
static pthread_once_t	 zipso_once = PTHREAD_ONCE_INIT;
static const char	*zipso_missing;   /* what failed, NULL: loaded */

/* The table's members, in its order, by name. */
#define ZIPSO_NAME(f)	#f,
static const char *const zipso_names[] = { ZIPSO_FUNCS(ZIPSO_NAME) };
#undef ZIPSO_NAME

static void
zipso_open(void)
{
	void	(**fn)(void) = (void (**)(void))&zipso_fns;
	void	*h;
	size_t	 i, n = sizeof(zipso_names) / sizeof(zipso_names[0]);

	/* The table is n function pointers, nothing else. */
	_Static_assert(sizeof(zipso_fns) == sizeof(zipso_names) /
	    sizeof(zipso_names[0]) * sizeof(void (*)(void)),
	    "zipso_names and struct zipso differ");
	if ((h = dlopen(VB_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		zipso_missing = VB_LIBZIP_SONAME;
		return;
	}
	for (i = 0; i < n; i++) {
		void *p = dlsym(h, zipso_names[i]);

		if (p == NULL) {
			zipso_missing = zipso_names[i];
			return;
		}
		/* POSIX: a function's address through dlsym's void *. */
		*(void **)&fn[i] = p;
	}
	zipso = &zipso_fns;
}

int
zipso_load(const char *file, struct diag *d)
{
	pthread_once(&zipso_once, zipso_open);
	if (zipso != NULL)
		return 0;
	diag_add(d, DIAG_ERROR, file, 0, 0, "cannot load %s, which reads "
	    "Excel workbooks and writes Word files (package libzip4)",
	    zipso_missing);
	return -1;
}
