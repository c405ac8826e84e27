/*
 * opts_web.h - vb-web's command line (opts_web.c): the server's options
 * and the worker's job, read by cli_parse.  After web/web.h.
 */
#ifndef OPTS_WEB_H
#define OPTS_WEB_H

struct opts_web {
	struct web_opt	 o;       /* the server's options */
	const char	*worker;  /* --worker DIR: run that job, or NULL */
};
extern const struct cli_tool opts_web_tool;

#endif /* OPTS_WEB_H */
