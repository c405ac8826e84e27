/*
 * server.c - vb-web's HTTP side on GNU libmicrohttpd (thread-pool mode):
 * the routes, the security headers on every answer, the CSRF double
 * submit (a cookie and the hidden field csrf), the upload limit decided
 * from Content-Length before any byte of the body is read, the queue
 * slot taken before it too, and the connection suspended while a
 * worker renders (the pool's threads keep serving the others).
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "vanban.h"
#include "web/web_int.h"

const struct web_opt *web_opt;

#define CSP_PAGE "default-src 'none'; style-src 'unsafe-inline'; " \
	"img-src 'self'; object-src 'self'; frame-src 'self'; " \
	"form-action 'self'; frame-ancestors 'self'; base-uri 'none'"
#define CSP_FILE "default-src 'none'; frame-ancestors 'self'"

/* Queue resp with the headers every answer carries; frees resp. */
static enum MHD_Result
web_send(struct MHD_Connection *c, unsigned status, struct MHD_Response *resp,
    int page)
{
	enum MHD_Result rc;

	if (resp == NULL)
		return MHD_NO;
	MHD_add_response_header(resp, "Content-Security-Policy",
	    page ? CSP_PAGE : CSP_FILE);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "SAMEORIGIN");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	if (page) {
		MHD_add_response_header(resp, "Content-Type",
		    "text/html; charset=utf-8");
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	}
	rc = MHD_queue_response(c, status, resp);
	MHD_destroy_response(resp);
	return rc;
}

/* An HTML page (html malloc'd, taken; NULL: out of memory). */
static enum MHD_Result
web_page(struct MHD_Connection *c, unsigned status, char *html,
    const char *cookie)
{
	struct MHD_Response *resp;

	if (html == NULL)
		return MHD_NO;
	resp = MHD_create_response_from_buffer(strlen(html), html,
	    MHD_RESPMEM_MUST_FREE);
	if (resp != NULL && cookie != NULL)
		MHD_add_response_header(resp, "Set-Cookie", cookie);
	return web_send(c, status, resp, 1);
}

/* A short page: status, title, sentence. */
static enum MHD_Result
web_msg(struct MHD_Connection *c, unsigned status, const char *title,
    const char *text)
{
	return web_page(c, status, page_msg(title, text), NULL);
}

/* A 303 to location. */
static enum MHD_Result
web_redirect(struct MHD_Connection *c, const char *location)
{
	struct MHD_Response	*resp;
	char			*html = page_msg(vb_tr("Moved"), location);

	if (html == NULL)
		return MHD_NO;
	resp = MHD_create_response_from_buffer(strlen(html), html,
	    MHD_RESPMEM_MUST_FREE);
	if (resp != NULL)
		MHD_add_response_header(resp, "Location", location);
	return web_send(c, 303, resp, 1);
}

/* The CSRF cookie of the request when well formed, else NULL. */
static const char *
web_cookie(struct MHD_Connection *c)
{
	const char	*v = MHD_lookup_connection_value(c, MHD_COOKIE_KIND,
			    "vb_csrf");
	size_t		 i;

	if (v == NULL || strlen(v) != WEB_TOKEN_LEN)
		return NULL;
	for (i = 0; i < WEB_TOKEN_LEN; i++)
		if (!((v[i] >= '0' && v[i] <= '9') || (v[i] >= 'a' &&
		    v[i] <= 'f')))
			return NULL;
	return v;
}

/* The token for a page with a form: the request's cookie, or a new one
 * (then *set is the Set-Cookie value, in set[160]).  0, or -1. */
static int
web_token(struct MHD_Connection *c, char tok[WEB_TOKEN_LEN + 1], char *set)
{
	const char	*v = web_cookie(c);
	char		 id[WEB_ID_MAX];

	set[0] = '\0';
	if (v != NULL) {
		memcpy(tok, v, WEB_TOKEN_LEN + 1);
		return 0;
	}
	if (store_new_id(id) != 0)
		return -1;
	memcpy(tok, strrchr(id, '-') + 1, WEB_TOKEN_LEN + 1);
	snprintf(set, 160, "vb_csrf=%s; Path=/; HttpOnly; SameSite=Strict%s",
	    tok, web_opt->secure_cookie ? "; Secure" : "");
	return 0;
}

/* Constant-time comparison of two tokens. */
static int
web_same(const char *a, const char *b)
{
	unsigned char	diff = 0;
	size_t		i;

	if (a == NULL || b == NULL || strlen(a) != WEB_TOKEN_LEN ||
	    strlen(b) != WEB_TOKEN_LEN)
		return 0;
	for (i = 0; i < WEB_TOKEN_LEN; i++)
		diff |= (unsigned char)(a[i] ^ b[i]);
	return diff == 0;
}

/* The Content-Type of a result's file by its extension, and whether it
 * opens in the browser. */
static const char *
web_type(const char *name, int *inline_)
{
	const char *dot = strrchr(name, '.');

	*inline_ = 0;
	if (dot == NULL)
		return "application/octet-stream";
	if (strcmp(dot, ".pdf") == 0)
		return *inline_ = 1, "application/pdf";
	if (strcmp(dot, ".docx") == 0)
		return "application/vnd.openxmlformats-officedocument."
		    "wordprocessingml.document";
	if (strcmp(dot, ".zip") == 0)
		return "application/zip";
	if (strcmp(dot, ".csv") == 0)
		return "text/csv; charset=utf-8";
	if (strcmp(dot, ".md") == 0)
		return "text/markdown; charset=utf-8";
	return "application/octet-stream";
}

/* GET /ket-qua/<id>.zip or /ket-qua/<id>/<name>. */
static enum MHD_Result
web_file(struct MHD_Connection *c, const char *id, const char *rel,
    const char *dl)
{
	struct MHD_Response	*resp;
	off_t			 size;
	char			 disp[200];
	int			 fd, inl;
	const char		*type;

	if ((fd = store_open_result(id, rel, &size)) < 0)
		return web_msg(c, 404, vb_tr("Not found"), vb_tr("This file "
		    "does not exist, or its result has expired."));
	type = web_type(rel, &inl);
	if ((resp = MHD_create_response_from_fd((uint64_t)size, fd)) == NULL) {
		close(fd);
		return MHD_NO;
	}
	snprintf(disp, sizeof(disp), "%s; filename=\"%s\"", inl ? "inline" :
	    "attachment", dl);
	MHD_add_response_header(resp, "Content-Type", type);
	MHD_add_response_header(resp, "Content-Disposition", disp);
	MHD_add_response_header(resp, "Cache-Control", "private, max-age=300");
	return web_send(c, 200, resp, 0);
}

/* GET /ket-qua/...: the result page, its zip, its files. */
static enum MHD_Result
web_result(struct MHD_Connection *c, const char *path)
{
	char		 id[WEB_ID_MAX], inst[WEB_ID_MAX], loc[128], rel[200];
	const char	*slash = strchr(path, '/'), *dot;
	size_t		 n = slash ? (size_t)(slash - path) : strlen(path);

	if ((dot = strstr(path, ".zip")) != NULL && slash == NULL &&
	    dot[4] == '\0')
		n = (size_t)(dot - path);
	if (n >= WEB_ID_MAX)
		goto missing;
	memcpy(id, path, n);
	id[n] = '\0';
	if (!store_id_ok(id, inst))
		goto missing;
	if (strcmp(inst, web_opt->instance) != 0)
		return web_msg(c, 404, vb_tr("Not found"), vb_tr("This result "
		    "is kept by another server of the office: open it through "
		    "the office's address, not this server's own."));
	if (dot != NULL && slash == NULL)
		return web_file(c, id, "ket-qua.zip", "ket-qua.zip");
	if (slash == NULL) {
		snprintf(loc, sizeof(loc), "/ket-qua/%s/", id);
		return web_redirect(c, loc);
	}
	if (slash[1] == '\0') {
		char *html = page_result(id);

		if (html == NULL)
			goto missing;
		return web_page(c, 200, html, NULL);
	}
	if (!store_name_ok(slash + 1))
		goto missing;
	snprintf(rel, sizeof(rel), "ra/%s", slash + 1);
	return web_file(c, id, rel, slash + 1);
missing:
	return web_msg(c, 404, vb_tr("Not found"), vb_tr("There is no such "
	    "result: it has expired (results are kept for a while only) or "
	    "the address is wrong."));
}

/* GET / and GET /cau-hinh: a page with a form, the cookie set. */
static enum MHD_Result
web_form_page(struct MHD_Connection *c, int settings)
{
	char	tok[WEB_TOKEN_LEN + 1], set[160];

	if (web_token(c, tok, set) != 0)
		return MHD_NO;
	return web_page(c, 200, settings ? settings_form(tok, NULL) :
	    page_index(tok, NULL, NULL), set[0] ? set : NULL);
}

/* The first call of a POST: check the size, the cookie and the queue
 * before the body; make the request's state. */
static enum MHD_Result
web_post_start(struct MHD_Connection *c, enum web_kind kind, void **con_cls)
{
	const char	*cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
			    MHD_HTTP_HEADER_CONTENT_LENGTH);
	const char	*cookie = web_cookie(c);
	struct web_req	*r;
	char		 msg[200];

	if (cl != NULL && strtoll(cl, NULL, 10) > web_opt->max_upload) {
		snprintf(msg, sizeof(msg), vb_tr("The files sent are larger "
		    "than %lld MB, the limit of this server: send fewer or "
		    "smaller files."), web_opt->max_upload >> 20);
		return web_msg(c, 413, vb_tr("Too large"), msg);
	}
	if (cookie == NULL)
		return web_msg(c, 403, vb_tr("Refused"), vb_tr("The form has "
		    "expired or did not come from this page: open the page "
		    "again and send it from there."));
	if (kind != WEB_CFG && queue_reserve() != 0) {
		struct MHD_Response *resp;
		char *html = page_msg(vb_tr("Busy"), vb_tr("The server is "
		    "busy with other documents: try again in a minute."));

		if (html == NULL || (resp = MHD_create_response_from_buffer(
		    strlen(html), html, MHD_RESPMEM_MUST_FREE)) == NULL)
			return MHD_NO;
		MHD_add_response_header(resp, "Retry-After", "30");
		return web_send(c, 503, resp, 1);
	}
	if ((r = calloc(1, sizeof(*r))) == NULL) {
		if (kind != WEB_CFG)
			queue_release();
		return MHD_NO;
	}
	r->kind = kind;
	r->reserved = kind != WEB_CFG;
	r->conn = c;
	r->dirfd = -1;
	memcpy(r->cookie, cookie, WEB_TOKEN_LEN + 1);
	*con_cls = r;
	r->pp = MHD_create_post_processor(c, 65536, upload_iter, r);
	if (r->pp == NULL)
		r->status = 400;
	else if (kind != WEB_CFG && (store_new_id(r->id) != 0 ||
	    (r->dirfd = store_job_new(r->id)) < 0))
		r->status = 500;
	return MHD_YES;
}

/* The body is in: answer the settings, or queue the job. */
static enum MHD_Result
web_post_end(struct MHD_Connection *c, struct web_req *r)
{
	char *err = NULL;

	upload_close(r);
	if (r->status == 0 && !web_same(web_field(r, "csrf"), r->cookie))
		r->status = 403;
	if (r->status == 413)
		return web_msg(c, 413, vb_tr("Too large"), vb_tr("The files "
		    "sent are larger than the limit of this server."));
	if (r->status == 403)
		return web_msg(c, 403, vb_tr("Refused"), vb_tr("The form has "
		    "expired or did not come from this page: open the page "
		    "again and send it from there."));
	if (r->status == 400)
		return web_msg(c, 400, vb_tr("Bad request"), vb_tr("The form "
		    "was not sent as a form (multipart/form-data)."));
	if (r->status != 0 || (r->kind != WEB_CFG && upload_job(r) != 0))
		return web_msg(c, 500, vb_tr("Server error"), vb_tr("The "
		    "server could not store the files sent: tell the IT "
		    "staff."));
	if (r->kind == WEB_CFG) {
		if (settings_save(r, &err) != 0) {
			char *html = settings_form(r->cookie, err);

			free(err);
			return web_page(c, 422, html, NULL);
		}
		return web_page(c, 200, settings_form(r->cookie,
		    vb_tr("Saved: the next documents use these settings.")),
		    NULL);
	}
	r->state = WEB_ST_QUEUED;
	MHD_suspend_connection(c);
	queue_push(r);
	return MHD_YES;
}

void
web_job_done(struct web_req *r)
{
	r->state = WEB_ST_DONE;
	MHD_resume_connection(r->conn);
}

/* The worker has ended: the result page, the problems, or an error. */
static enum MHD_Result
web_post_answer(struct MHD_Connection *c, struct web_req *r)
{
	char	loc[128], *errs, *html;

	if (r->rc == VB_OK && store_publish(r->id) == 0) {
		snprintf(loc, sizeof(loc), "/ket-qua/%s/", r->id);
		return web_redirect(c, loc);
	}
	if (r->rc == VB_EINPUT) {
		errs = store_read(r->id, 1, "loi.txt");
		html = page_index(r->cookie, r, errs ? errs : "");
		free(errs);
		return web_page(c, 422, html, NULL);
	}
	return web_msg(c, 500, vb_tr("Server error"), r->timed_out ?
	    vb_tr("Making the documents took longer than this server "
	    "allows: send a shorter list, or tell the IT staff.") :
	    vb_tr("The documents could not be made because of a problem of "
	    "the server: tell the IT staff."));
}

/* Every request comes here (MHD's access handler). */
static enum MHD_Result
web_handle(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *data,
    size_t *size, void **con_cls)
{
	struct web_req	*r = *con_cls;
	int		 get = strcmp(method, "GET") == 0 ||
			    strcmp(method, "HEAD") == 0;

	(void)cls, (void)version;
	if (r != NULL) {
		if (r->state == WEB_ST_DONE)
			return web_post_answer(c, r);
		if (r->state == WEB_ST_QUEUED)
			return MHD_YES;
		if (*size == 0)
			return web_post_end(c, r);
		/* Without a Content-Length (chunked), the limit is found
		 * here: the rest is read and dropped, 413 at the end. */
		r->body += (long long)*size;
		if (r->body > web_opt->max_upload && r->status == 0)
			r->status = 413;
		if (r->status == 0 && MHD_post_process(r->pp, data, *size) !=
		    MHD_YES)
			r->status = 400;
		*size = 0;
		return MHD_YES;
	}
	if (strcmp(method, "POST") == 0) {
		if (strcmp(url, "/khen-thuong") == 0)
			return web_post_start(c, WEB_KT, con_cls);
		if (strcmp(url, "/bao-cao") == 0)
			return web_post_start(c, WEB_BC, con_cls);
		if (strcmp(url, "/cau-hinh") == 0)
			return web_post_start(c, WEB_CFG, con_cls);
	} else if (!get)
		return web_msg(c, 405, vb_tr("Not allowed"), vb_tr("This "
		    "address only answers GET and POST."));
	else if (strcmp(url, "/") == 0)
		return web_form_page(c, 0);
	else if (strcmp(url, "/favicon.ico") == 0)	/* none: not an error */
		return web_send(c, 204, MHD_create_response_from_buffer(0, NULL,
		    MHD_RESPMEM_PERSISTENT), 0);
	else if (strcmp(url, "/cau-hinh") == 0)
		return web_form_page(c, 1);
	else if (strncmp(url, "/ket-qua/", 9) == 0)
		return web_result(c, url + 9);
	return web_msg(c, 404, vb_tr("Not found"), vb_tr("There is no page "
	    "at this address."));
}

/* MHD's completion callback: free the request's state. */
static void
web_done(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode why)
{
	struct web_req	*r = *con_cls;
	size_t		 i;

	(void)cls, (void)c, (void)why;
	if (r == NULL)
		return;
	upload_close(r);
	if (r->pp != NULL)
		MHD_destroy_post_processor(r->pp);
	if (r->dirfd >= 0)
		close(r->dirfd);
	if (r->id[0] != '\0')
		store_job_drop(r->id);	/* published: gone from tam/ */
	if (r->reserved)
		queue_release();
	for (i = 0; i < (size_t)r->nfiles; i++)
		free(r->files[i].orig);
	for (i = 0; i < r->nfields; i++) {
		free(r->fields[i].key);
		free(r->fields[i].val);
	}
	free(r->fields);
	free(r);
	*con_cls = NULL;
}

/* ADDR:PORT ("[::1]:8080" for IPv6) into an address: 0, or -1. */
static int
web_addr(const char *listen, struct sockaddr_storage *sa, socklen_t *len)
{
	struct addrinfo	 hints, *ai;
	char		 host[256];
	const char	*colon = strrchr(listen, ':'), *h = listen;
	size_t		 n;

	if (colon == NULL || colon == listen)
		return -1;
	n = (size_t)(colon - listen);
	if (*h == '[' && n >= 2 && listen[n - 1] == ']')
		h++, n -= 2;
	if (n >= sizeof(host))
		return -1;
	memcpy(host, h, n);
	host[n] = '\0';
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
	if (getaddrinfo(host, colon + 1, &hints, &ai) != 0)
		return -1;
	memcpy(sa, ai->ai_addr, ai->ai_addrlen);
	*len = ai->ai_addrlen;
	freeaddrinfo(ai);
	return 0;
}

static volatile sig_atomic_t web_stop;

static void
web_signal(int sig)
{
	(void)sig;
	web_stop = 1;
}

int
web_serve(const struct web_opt *o)
{
	struct sockaddr_storage	 sa;
	socklen_t		 salen;
	struct MHD_Daemon	*dm;
	const union MHD_DaemonInfo *info;
	struct sigaction	 act;
	unsigned		 flags = MHD_USE_INTERNAL_POLLING_THREAD |
				    MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ITC |
				    MHD_USE_ERROR_LOG;

	web_opt = o;
	if (web_addr(o->listen, &sa, &salen) != 0) {
		fprintf(stderr, "vb-web: --listen: \"%s\" is not ADDR:PORT "
		    "(write 127.0.0.1:8080)\n", o->listen);
		return VB_EUSAGE;
	}
	if (store_open(o) != 0)
		return VB_EUSAGE;
	if (sa.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	signal(SIGPIPE, SIG_IGN);
	if (queue_start() != 0)
		return VB_ESYS;
	dm = MHD_start_daemon(flags, 0, NULL, NULL, web_handle, NULL,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)o->threads,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(o->limit_s + 60),
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)(o->queue * 4 + 64),
	    MHD_OPTION_NOTIFY_COMPLETED, web_done, NULL,
	    MHD_OPTION_END);
	if (dm == NULL) {
		fprintf(stderr, "vb-web: cannot listen on %s: %s\n", o->listen,
		    strerror(errno));
		queue_stop();
		return VB_ESYS;
	}
	info = MHD_get_daemon_info(dm, MHD_DAEMON_INFO_BIND_PORT);
	fprintf(stderr, "vb-web: listening on %s (port %u), data in %s, "
	    "instance %s\n", o->listen, info ? info->port : 0,
	    store_data_path(), o->instance);
	memset(&act, 0, sizeof(act));
	act.sa_handler = web_signal;
	sigaction(SIGINT, &act, NULL);
	sigaction(SIGTERM, &act, NULL);
	while (!web_stop)
		pause();
	/* No new connection; the jobs waiting answered; then stop. */
	MHD_quiesce_daemon(dm);
	queue_stop();
	MHD_stop_daemon(dm);
	return VB_OK;
}

int
web_duration(const char *s, long *out)
{
	char	*e;
	long	 v = strtol(s, &e, 10), k = 1;

	if (e == s || v < 0)
		return -1;
	if (*e == 's' || *e == '\0')
		k = 1;
	else if (*e == 'm')
		k = 60;
	else if (*e == 'h')
		k = 3600;
	else if (*e == 'd')
		k = 86400;
	else
		return -1;
	if ((*e != '\0' && e[1] != '\0') || v > 365L * 86400 / k || v == 0)
		return -1;
	*out = v * k;
	return 0;
}

void
web_opt_defaults(struct web_opt *o)
{
	memset(o, 0, sizeof(*o));
	o->listen = "127.0.0.1:8080";
	o->workers = 2;
	o->threads = 4;
	o->queue = 64;
	o->giu_s = 24 * 3600;
	o->limit_s = 120;
	o->max_upload = 20LL << 20;
}

int
web_instance(struct web_opt *o, char *buf, size_t n)
{
	const char *p;

	if (o->instance == NULL) {
		p = strrchr(o->listen, ':');
		snprintf(buf, n, "%s", p ? p + 1 : "0");
		o->instance = buf;
	}
	for (p = o->instance; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) ||
		    p - o->instance >= 16) {
			fprintf(stderr, vb_tr("%s: --ten: \"%s\": up to 16 letters "
			    "a-z and digits\n"), "vb-web", o->instance);
			return -1;
		}
	return 0;
}
