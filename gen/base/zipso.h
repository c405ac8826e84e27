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
 * Include order: vanban.h, then this.  Only this module, out/docx.c and
 * input/xlsx.c include <zip.h>.
 */
#ifndef ZIPSO_H
#define ZIPSO_H

#include <zip.h>

#define ZIPSO_FN(f)	__typeof__(f) *f;
struct zipso {
	ZIPSO_FN(zip_close)
	ZIPSO_FN(zip_discard)
	ZIPSO_FN(zip_error_code_zip)
	ZIPSO_FN(zip_error_fini)
	ZIPSO_FN(zip_error_init)
	ZIPSO_FN(zip_error_init_with_code)
	ZIPSO_FN(zip_error_strerror)
	ZIPSO_FN(zip_fclose)
	ZIPSO_FN(zip_file_add)
	ZIPSO_FN(zip_file_get_error)
	ZIPSO_FN(zip_file_set_mtime)
	ZIPSO_FN(zip_fopen_index)
	ZIPSO_FN(zip_fread)
	ZIPSO_FN(zip_get_error)
	ZIPSO_FN(zip_name_locate)
	ZIPSO_FN(zip_open)
	ZIPSO_FN(zip_open_from_source)
	ZIPSO_FN(zip_set_file_compression)
	ZIPSO_FN(zip_source_buffer)
	ZIPSO_FN(zip_source_buffer_create)
	ZIPSO_FN(zip_source_close)
	ZIPSO_FN(zip_source_free)
	ZIPSO_FN(zip_source_keep)
	ZIPSO_FN(zip_source_open)
	ZIPSO_FN(zip_source_read)
	ZIPSO_FN(zip_source_stat)
	ZIPSO_FN(zip_stat_index)
};
#undef ZIPSO_FN

/* The loaded functions; NULL until zipso_load() has succeeded. */
extern const struct zipso *zipso;

/* Load libzip once per process (later calls return at once).  0, or -1
 * with a message in d (file names the input or output that needed it,
 * may be NULL) when the library or one of its functions is missing. */
int	zipso_load(const char *file, struct diag *d);

#endif /* ZIPSO_H */
