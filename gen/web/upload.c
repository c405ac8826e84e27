/*
 * upload.c - the body of a POST, through libmicrohttpd's post processor:
 * text fields kept (each at most WEB_FIELD_MAX bytes), files written
 * straight into the job folder under names chosen here (the field, a
 * number, the extension when it is one a reader takes): the browser's
 * file name is only shown, never used as a path.  Then the job file
 * the worker reads.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>

#include "vanban.h"
#include "web/web_int.h"

/* The file fields of each form. */
static const char *const kt_files[] = { "danh_sach", NULL };
static const char *const bc_files[] = { "ke_hoach", "tien_do", "don_vi",
	"khen_thuong", NULL };

/* The nth value of key (repeated fields), or NULL. */
static const char *
web_field_nth(const struct web_req *r, const char *key, size_t nth)
{
	size_t i;

	for (i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].key, key) == 0 && nth-- == 0)
			return r->fields[i].val;
	return NULL;
}

const char *
web_field(const struct web_req *r, const char *key)
{
	return web_field_nth(r, key, 0);
}

/* Is key one of r's file fields? */
static int
upload_file_field(const struct web_req *r, const char *key)
{
	const char *const	*f = r->kind == WEB_KT ? kt_files :
				    r->kind == WEB_BC ? bc_files : NULL;

	for (; f != NULL && *f != NULL; f++)
		if (strcmp(*f, key) == 0)
			return 1;
	return 0;
}

/* The extension of a browser's file name, lowercased, when a reader
 * takes it; NULL otherwise. */
static const char *
upload_ext(const char *filename)
{
	static const char *const ok[] = { "csv", "txt", "tsv", "xlsx", "xls",
	    "ods", "yaml", "yml", NULL };
	const char	*dot = strrchr(filename, '.');
	char		 e[8];
	size_t		 i;

	if (dot == NULL || strlen(dot + 1) >= sizeof(e))
		return NULL;
	for (i = 0; dot[1 + i]; i++)
		e[i] = (char)(dot[1 + i] >= 'A' && dot[1 + i] <= 'Z' ?
		    dot[1 + i] + 32 : dot[1 + i]);
	e[i] = '\0';
	for (i = 0; ok[i] != NULL; i++)
		if (strcmp(ok[i], e) == 0)
			return ok[i];
	return NULL;
}

/* Start the next file of field key. */
static struct web_file *
upload_file_new(struct web_req *r, const char *key, const char *filename)
{
	struct web_file	*f;
	const char	*ext;
	size_t		 i;

	if (r->nfiles == WEB_FILES_MAX)
		return NULL;
	f = &r->files[r->nfiles++];
	memset(f, 0, sizeof(*f));
	f->fd = -1;
	snprintf(f->field, sizeof(f->field), "%s", key);
	if ((f->orig = strdup(filename)) == NULL)
		return NULL;
	if ((ext = upload_ext(filename)) == NULL) {
		f->bad_type = 1;
		return f;
	}
	snprintf(f->name, sizeof(f->name), "%s-%d.%s", key, r->nfiles, ext);
	for (i = 0; f->name[i]; i++)
		if (f->name[i] == '_')
			f->name[i] = '-';
	f->fd = openat(r->dirfd, f->name, O_WRONLY | O_CREAT | O_EXCL |
	    O_NOFOLLOW | O_CLOEXEC, 0600);
	return f->fd < 0 ? NULL : f;
}

/* Append size bytes to the text field key (a new one at off 0). */
static int
upload_text(struct web_req *r, const char *key, const char *data,
    uint64_t off, size_t size)
{
	struct web_field	*f;
	size_t			 had;
	char			*v;

	if (off == 0) {
		if (r->nfields >= 256 || vb_grow((void **)&r->fields,
		    &r->capfields, r->nfields + 1, sizeof(*r->fields)) != 0)
			return -1;
		f = &r->fields[r->nfields];
		if ((f->key = strdup(key)) == NULL ||
		    (f->val = strdup("")) == NULL) {
			free(f->key);
			return -1;
		}
		r->nfields++;
	}
	if (r->nfields == 0)
		return -1;
	f = &r->fields[r->nfields - 1];
	had = strlen(f->val);
	if (had + size > WEB_FIELD_MAX ||
	    (v = realloc(f->val, had + size + 1)) == NULL)
		return -1;
	memcpy(v + had, data, size);
	v[had + size] = '\0';
	f->val = v;
	return 0;
}

/* MHD's post iterator (cls: the request). */
enum MHD_Result
upload_iter(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *filename, const char *content_type,
    const char *transfer_encoding, const char *data, uint64_t off,
    size_t size)
{
	struct web_req	*r = cls;
	struct web_file	*f = r->nfiles ? &r->files[r->nfiles - 1] : NULL;

	(void)kind, (void)content_type, (void)transfer_encoding;
	if (filename == NULL)
		return upload_text(r, key, data, off, size) == 0 ? MHD_YES :
		    MHD_NO;
	if (r->dirfd < 0 || !upload_file_field(r, key))
		return MHD_YES;		/* not a field of this form */
	if (*filename == '\0')
		return MHD_YES;		/* no file chosen */
	if (off == 0 && (f == NULL || strcmp(f->field, key) != 0 ||
	    f->size > 0 || strcmp(f->orig, filename) != 0))
		if ((f = upload_file_new(r, key, filename)) == NULL)
			return MHD_NO;
	if (f->fd >= 0 && size > 0) {
		if (write(f->fd, data, size) != (ssize_t)size)
			return MHD_NO;
	}
	f->size += (long long)size;
	return MHD_YES;
}

/* Close the files being written. */
void
upload_close(struct web_req *r)
{
	int i;

	for (i = 0; i < r->nfiles; i++)
		if (r->files[i].fd >= 0) {
			close(r->files[i].fd);
			r->files[i].fd = -1;
		}
}

/* Append a line key=value to b, the value on one line. */
static void
upload_line(struct vbuf *b, const char *key, const char *val)
{
	vbuf_printf(b, "%s=", key);
	for (; *val; val++)
		vbuf_putn(b, *val == '\n' || *val == '\r' ? " " : val, 1);
	vbuf_puts(b, "\n");
}

/* The job file from r's fields and files: 0, or -1. */
int
upload_job(struct web_req *r)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	const char	*v;
	char		*s, *tok, *save, *copy;
	int		 i, fd, rc;

	upload_line(&b, "kind", r->kind == WEB_KT ? "kt" : "bc");
	if ((v = web_field(r, "ngay")) != NULL)
		upload_line(&b, "ngay", v);
	if ((v = web_field(r, "du_thao")) != NULL && *v != '\0')
		upload_line(&b, "du_thao", "1");
	if ((v = web_field(r, "ky")) != NULL)
		upload_line(&b, "ky", v);
	/* so: "12", or one per form, "bang-khen=12; cstd-tinh=13", in one
	 * field or in several */
	for (i = 0; (v = web_field_nth(r, "so", (size_t)i)) != NULL; i++) {
		if ((copy = strdup(v)) == NULL) {
			b.bad = 1;
			break;
		}
		for (tok = strtok_r(copy, ",; \t\r\n", &save); tok != NULL;
		    tok = strtok_r(NULL, ",; \t\r\n", &save))
			upload_line(&b, "so", tok);
		free(copy);
	}
	for (i = 0; i < r->nfiles; i++)
		if (r->files[i].name[0] != '\0' && r->files[i].size > 0) {
			vbuf_printf(&b, "file.%s=%s\n", r->files[i].field,
			    r->files[i].name);
		}
	if ((s = vbuf_take(&b)) == NULL)
		return -1;
	fd = openat(r->dirfd, "job", O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600);
	rc = fd >= 0 && write(fd, s, strlen(s)) == (ssize_t)strlen(s) ? 0 : -1;
	if (fd >= 0 && close(fd) != 0)
		rc = -1;
	free(s);
	return rc;
}
