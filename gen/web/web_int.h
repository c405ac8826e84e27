/*
 * web_int.h - what the files of gen/web/ share: the request being
 * served, the job queue, the data folder, the pages.
 */
#ifndef WEB_INT_H
#define WEB_INT_H

#include <stddef.h>
#include <sys/types.h>

#include "web/web.h"

#define WEB_ID_MAX	64	/* "<instance>-<32 hex>" and a NUL */
#define WEB_TOKEN_LEN	32	/* CSRF token: 32 hex digits */
#define WEB_FIELD_MAX	2048	/* bytes of one text field */
#define WEB_FILES_MAX	64	/* uploaded files of one request */

enum web_kind {
	WEB_KT,       /* POST /khen-thuong: decisions */
	WEB_BC,       /* POST /bao-cao: reports */
	WEB_CFG       /* POST /cau-hinh: the settings */
};

/* One uploaded file, spooled into the job folder. */
struct web_file {
	char	 field[24];    /* form field: danh_sach, tien_do, ... */
	char	 name[48];     /* file name in the job folder */
	char	*orig;         /* the name the browser gave (display only) */
	int	 fd;           /* open while being written, else -1 */
	int	 bad_type;     /* an extension no reader takes */
	long long size;        /* bytes */
};

/* One text field. */
struct web_field {
	char	*key;
	char	*val;
};

/* The state of one POST, owned by MHD's connection (con_cls). */
struct web_req {
	enum web_kind		 kind;
	int			 state;     /* WEB_ST_* */
	int			 status;    /* error to answer, 0: none */
	int			 reserved;  /* holds a queue slot */
	void			*pp;        /* struct MHD_PostProcessor * */
	void			*conn;      /* struct MHD_Connection * */
	char			 id[WEB_ID_MAX];
	int			 dirfd;     /* the job folder, or -1 */
	char			 cookie[WEB_TOKEN_LEN + 1];
	long long		 body;      /* bytes received */
	struct web_file		 files[WEB_FILES_MAX];
	int			 nfiles;
	struct web_field	*fields;
	size_t			 nfields, capfields;
	int			 rc;        /* the worker's result */
	int			 timed_out;
};

enum { WEB_ST_BODY, WEB_ST_QUEUED, WEB_ST_DONE };

extern const struct web_opt *web_opt;

/* Text fields of a request: the value of key (the first), or NULL. */
const char *web_field(const struct web_req *, const char *key);

/* ----- the body of a POST (upload.c) ----- */

#ifdef MHD_VERSION
/* libmicrohttpd's post iterator; cls: the struct web_req. */
enum MHD_Result upload_iter(void *cls, enum MHD_ValueKind, const char *key,
	    const char *filename, const char *content_type,
	    const char *transfer_encoding, const char *data, uint64_t off,
	    size_t size);
#endif
/* Close the files being written. */
void	 upload_close(struct web_req *);
/* Write the job file the worker reads: 0, or -1. */
int	 upload_job(struct web_req *);

/* ----- the data folder (store.c) ----- */

/* Create or open DATA and its folders, refusing symlinks; seed the
 * settings from the options.  0, or -1 after a message on stderr. */
int	 store_open(const struct web_opt *);
/* A new result id: the instance name, "-", 32 hex digits of getrandom. */
int	 store_new_id(char id[WEB_ID_MAX]);
/* Is s a result id of this server's shape (any instance)? Its instance
 * name in inst (WEB_ID_MAX). */
int	 store_id_ok(const char *s, char *inst);
/* A file name a result may hold: [A-Za-z0-9._-], no leading dot. */
int	 store_name_ok(const char *s);
/* The job folder DATA/tam/<id>, created: its fd, or -1. */
int	 store_job_new(const char *id);
/* Remove the job folder (and all in it; symlinks not followed). */
void	 store_job_drop(const char *id);
/* Move the finished job to DATA/ket-qua/<id>: 0, or -1. */
int	 store_publish(const char *id);
/* Open DATA/ket-qua/<id>/<rel> (rel: "ra/NAME" or a top-level name),
 * a regular file reached without any symlink, of a result not expired:
 * its fd and size, or -1. */
int	 store_open_result(const char *id, const char *rel, off_t *size);
/* Read a small file of a result (tom-tat.txt, loi.txt) or of a job:
 * malloc'd text, or NULL. */
char	*store_read(const char *id, int job, const char *name);
/* The names in DATA/ket-qua/<id>/ra, sorted; NULL-terminated, malloc'd
 * (free each and the array); NULL if none. */
char	**store_list(const char *id);
/* Remove results older than --giu and jobs older than an hour. */
void	 store_sweep(void);
/* Absolute paths for the worker's command line. */
const char *store_data_path(void);
/* The settings files: DATA/cau-hinh/<name>, malloc'd. */
char	*store_cfg_path(const char *name);

/* ----- the queue (queue.c) ----- */

/* Start the dispatchers.  0, or -1. */
int	 queue_start(void);
/* Stop the dispatchers and wait for them; the queue freed. */
void	 queue_stop(void);
/* Take a slot (a request about to upload): 0, or -1 when full. */
int	 queue_reserve(void);
/* Give back a slot queue_reserve took, for a request not queued. */
void	 queue_release(void);
/* Hand the uploaded job to a worker; web_job_done(r) follows. */
void	 queue_push(struct web_req *);
/* Called by a dispatcher when r's worker has ended. */
void	 web_job_done(struct web_req *);

/* ----- the settings (settings.c) ----- */

/* The settings form filled from the current config: HTML, malloc'd. */
char	*settings_form(const char *csrf, const char *note);
/* Save the posted settings (the previous file kept as .cu): 0, or -1
 * with a message (malloc'd) in *err. */
int	 settings_save(const struct web_req *, char **err);

/* ----- the pages (pages.c) ----- */

/* Append s with &<>"' escaped. */
struct vbuf;
void	 page_esc(struct vbuf *, const char *s);
/* The head of a page (title escaped) / its end. */
void	 page_head(struct vbuf *, const char *title);
void	 page_foot(struct vbuf *);
/* The home page; r (NULL: empty) fills the forms again, errors (lines
 * "level\tfile\tline\tcol\ttext") listed above the form of r->kind. */
char	*page_index(const char *csrf, const struct web_req *r,
	    const char *errors);
/* The result page of id. */
char	*page_result(const char *id);
/* A short page: a title and a sentence (both escaped). */
char	*page_msg(const char *title, const char *text);

#endif /* WEB_INT_H */
