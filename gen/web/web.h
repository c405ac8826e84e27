/*
 * web.h - vb-web, the clerk's page: an HTTP server (GNU libmicrohttpd,
 * thread-pool mode) in front of the generators.  Uploads are spooled
 * into a job folder under --data; a bounded queue hands each job to a
 * worker process (this program again, in --worker mode: rlimits, a time
 * limit) that calls kt_batch_run or bc_run, exactly as the tools do.
 *
 * The data folder (nothing is written outside it):
 *   DATA/tam/<id>/        a job being uploaded or rendered
 *   DATA/ket-qua/<id>/    a finished result: ra/ (the documents),
 *                         ket-qua.zip, tom-tat.txt, loi.txt
 *   DATA/cau-hinh/        khen-thuong.yaml (+ .cu, the previous one),
 *                         bao-cao.yaml, don-vi.* (seeded from options)
 * A result id is "<instance>-<32 hex digits>" (128 random bits): the
 * instance name lets a proxy send it to the server that holds it.
 */
#ifndef WEB_H
#define WEB_H

#include <stddef.h>

struct web_opt {
	const char	*listen;       /* ADDR:PORT (default 127.0.0.1:8080) */
	const char	*data;         /* --data DIR */
	const char	*kt_config;    /* --khen-thuong-config: seeds cau-hinh/ */
	const char	*bc_config;    /* --bao-cao-config: likewise */
	const char	*don_vi;       /* --don-vi: the default units file */
	const char	*templates;    /* --templates, or NULL */
	const char	*instance;     /* --ten: names the results, [a-z0-9] */
	const char	*self;         /* this program, run as the worker */
	int		 workers;      /* worker processes at once */
	int		 threads;      /* MHD's thread pool */
	int		 queue;        /* jobs waiting or running, at most */
	long		 giu_s;        /* results kept this many seconds */
	long		 limit_s;      /* time limit of one job, seconds */
	long long	 max_upload;   /* bytes of one request body */
	int		 secure_cookie; /* behind TLS: the cookie is Secure */
};

/* Serve until SIGINT or SIGTERM.  VB_OK, VB_EUSAGE (bad address or
 * data folder: a message on stderr) or VB_ESYS. */
int	 web_serve(const struct web_opt *);

/* The worker: run the job of folder dir (its file "job") with the data
 * folder's settings; writes loi.txt, tom-tat.txt, ra/ and ket-qua.zip
 * there.  The job's result: VB_OK, VB_EINPUT or VB_ESYS. */
int	 web_worker(const char *dir, const struct web_opt *);

/* The defaults of the options (listen on 127.0.0.1:8080, ...). */
void	 web_opt_defaults(struct web_opt *);
/* The instance name: --ten, else the port of --listen written into buf
 * (n bytes); up to 16 of a-z and 0-9.  0, or -1 after a message. */
int	 web_instance(struct web_opt *, char *buf, size_t n);

/* "24h", "30m", "90s", "2d", "3600": seconds into *out; 0, or -1. */
int	 web_duration(const char *s, long *out);

#endif /* WEB_H */
