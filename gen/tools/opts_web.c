/*
 * opts_web.c - vb-web's command line: its options (the table cli_parse
 * reads, into struct opts_web), the values only it takes, and its help.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "vanban.h"
#include "web/web.h"
#include "tools/cli.h"
#include "tools/opts_web.h"

static void
web_usage(FILE *fp, const char *prog)
{
	fprintf(fp,
	    vb_tr("usage: %s --data DIR [--listen ADDR:PORT] [options]\n"
	    "The clerk's web page in front of vb-khenthuong and vb-baocao.\n"
	    "  --listen ADDR:PORT        address (default 127.0.0.1:8080;\n"
	    "                            port 0: any free one, printed)\n"
	    "  --data DIR                results, settings, uploads (only here)\n"
	    "  --khen-thuong-config FILE seed the decisions' settings\n"
	    "  --bao-cao-config FILE     seed the reports' settings\n"
	    "  --don-vi FILE             the default units of the reports\n"
	    "  --templates DIR           templates folder\n"
	    "  --workers N               worker processes at once (default 2)\n"
	    "  --queue N                 requests in flight at most (default 64)\n"
	    "  --giu DURATION            keep results (default 24h; 30m, 90s, 2d)\n"
	    "  --han DURATION            time limit of one job (default 120s)\n"
	    "  --max-upload MB           upload limit (default 20)\n"
	    "  --ten NAME                instance name in result ids [a-z0-9]\n"
	    "                            (default: the port)\n"
	    "  --threads N               HTTP threads (default 4)\n"
	    "  --cookie-secure           behind TLS: the cookie is Secure\n"
	    "  --lang=vi|en              messages in Vietnamese or English\n"
	    "  -h, --help;  -V, --version\n"
	    "Exit: 0 stopped (SIGTERM), 2 usage, 3 system.\n"), prog);
}

/* --NAME: a number from lo to hi into *out: 0, or -1 after a message. */
static int
web_num(const char *name, const char *arg, long lo, long hi, long *out)
{
	char *e;

	*out = strtol(arg, &e, 10);
	if (*arg != '\0' && *e == '\0' && *out >= lo && *out <= hi)
		return 0;
	fprintf(stderr, vb_tr("%s: --%s: \"%s\": a number from %ld to %ld\n"),
	    "vb-web", name, arg, lo, hi);
	return -1;
}

/* --NAME: a number from 1 to hi into the int *out. */
static int
web_int(const char *name, const char *arg, long hi, int *out)
{
	long v;

	if (web_num(name, arg, 1, hi, &v) != 0)
		return -1;
	*out = (int)v;
	return 0;
}

static int
web_workers(void *tool, const char *arg)
{
	return web_int("workers", arg, 64,
	    &((struct opts_web *)tool)->o.workers);
}

static int
web_threads(void *tool, const char *arg)
{
	return web_int("threads", arg, 64,
	    &((struct opts_web *)tool)->o.threads);
}

static int
web_queue(void *tool, const char *arg)
{
	return web_int("queue", arg, 4096,
	    &((struct opts_web *)tool)->o.queue);
}

/* --max-upload MB, kept in bytes. */
static int
web_max_upload(void *tool, const char *arg)
{
	long v;

	if (web_num("max-upload", arg, 1, 4096, &v) != 0)
		return -1;
	((struct opts_web *)tool)->o.max_upload = (long long)v << 20;
	return 0;
}

/* --giu, --han: a duration, or a message naming the option. */
static int
web_time(const char *name, const char *arg, long *out)
{
	if (web_duration(arg, out) == 0)
		return 0;
	fprintf(stderr, vb_tr("%s: --%s: \"%s\": write 24h, 30m, 90s or 2d\n"),
	    "vb-web", name, arg);
	return -1;
}

static int
web_giu(void *tool, const char *arg)
{
	return web_time("giu", arg, &((struct opts_web *)tool)->o.giu_s);
}

static int
web_han(void *tool, const char *arg)
{
	return web_time("han", arg, &((struct opts_web *)tool)->o.limit_s);
}

#define W(f) offsetof(struct opts_web, o.f)
static const struct cli_opt web_opts[] = {
	{ "listen", 0, CLI_STR, W(listen), NULL, NULL },
	{ "data", 0, CLI_STR, W(data), NULL, NULL },
	{ "khen-thuong-config", 0, CLI_STR, W(kt_config), NULL, NULL },
	{ "bao-cao-config", 0, CLI_STR, W(bc_config), NULL, NULL },
	{ "don-vi", 0, CLI_STR, W(don_vi), NULL, NULL },
	{ "templates", 0, CLI_STR, W(templates), NULL, NULL },
	{ "workers", 0, CLI_CALL, 0, NULL, web_workers },
	{ "queue", 0, CLI_CALL, 0, NULL, web_queue },
	{ "giu", 0, CLI_CALL, 0, NULL, web_giu },
	{ "han", 0, CLI_CALL, 0, NULL, web_han },
	{ "max-upload", 0, CLI_CALL, 0, NULL, web_max_upload },
	{ "ten", 0, CLI_STR, W(instance), NULL, NULL },
	{ "threads", 0, CLI_CALL, 0, NULL, web_threads },
	{ "cookie-secure", 0, CLI_FLAG, W(secure_cookie), NULL, NULL },
	{ "worker", 0, CLI_STR, offsetof(struct opts_web, worker), NULL,
	    NULL },
	CLI_HELP_OPTS
};
#undef W

const struct cli_tool opts_web_tool = {
	"vb-web", web_opts, web_usage
};
