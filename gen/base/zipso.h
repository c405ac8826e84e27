/*
 * zipso.h - libzip, loaded when a workbook is read or a Word file written.
 *
 * libzip brings OpenSSL's libcrypto (bound at load, 4,000 symbols) and
 * libbz2 into every process that links it: 1.3 ms of every tool's start,
 * a tenth of rendering the 2020 plan, for documents that open no zip.
 * So no tool links it: zipso_load() opens it with dlopen the first time
 * it is needed and fills `zipso`, whose members have the names, and
 * through __typeof__ exactly the types, of libzip's functions; callers
 * write zipso->zip_fread(...) where they would write zip_fread(...).
 *
 * Include order: base/base.h, then this.  Only this module, emit/docx.c,
 * input/xlsx.c and input/ods.c include <zip.h>.
 */
#ifndef ZIPSO_H
#define ZIPSO_H

#include <zip.h>

/* The libzip functions vanban calls: one list, for the table and for
 * the names zipso.c looks up. */
#define ZIPSO_FUNCS(X) \
	X(zip_close) \
	X(zip_discard) \
	X(zip_error_code_zip) \
	X(zip_error_fini) \
	X(zip_error_init) \
	X(zip_error_init_with_code) \
	X(zip_error_strerror) \
	X(zip_fclose) \
	X(zip_file_add) \
	X(zip_file_get_error) \
	X(zip_file_set_mtime) \
	X(zip_fopen_index) \
	X(zip_fread) \
	X(zip_get_error) \
	X(zip_name_locate) \
	X(zip_open) \
	X(zip_open_from_source) \
	X(zip_set_file_compression) \
	X(zip_source_buffer) \
	X(zip_source_buffer_create) \
	X(zip_source_close) \
	X(zip_source_free) \
	X(zip_source_keep) \
	X(zip_source_open) \
	X(zip_source_read) \
	X(zip_source_stat) \
	X(zip_stat_index)

#define ZIPSO_MEMBER(f)	__typeof__(f) *f;
struct zipso {
	ZIPSO_FUNCS(ZIPSO_MEMBER)
};
#undef ZIPSO_MEMBER

/* The loaded functions; NULL until zipso_load() has succeeded. */
extern const struct zipso *zipso;

/* Load libzip once per process (later calls return at once).  0, or -1
 * with a message in d (file names the input or output that needed it,
 * may be NULL) when the library or one of its functions is missing. */
int	zipso_load(const char *file, struct diag *d);

#endif /* ZIPSO_H */
