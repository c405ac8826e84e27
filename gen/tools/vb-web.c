/*
 * vb-web - the clerk's page: upload a nominee list, get the decisions;
 * upload the units' progress forms, get the reports.  vb-web(1).
 *
 *   vb-web --listen 127.0.0.1:8080 --data DIR [options]
 *
 * The server is gen/web/ (web_serve); the same program, started by the
 * server with --worker, renders one job (web_worker).
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vanban.h"
#include "web/web.h"
#include "tools/cli.h"

static const char *prog = "vb-web";

static void
usage(FILE *fp)
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

/* A number from lo to hi into *out: 0, or -1 after a message. */
static int
num(const char *opt, const char *arg, long lo, long hi, long *out)
{
	char *e;

	*out = strtol(arg, &e, 10);
	if (*arg != '\0' && *e == '\0' && *out >= lo && *out <= hi)
		return 0;
	fprintf(stderr, vb_tr("%s: --%s: \"%s\": a number from %ld to %ld\n"), prog,
	    opt, arg, lo, hi);
	return -1;
}

int
main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "listen", 1, NULL, 'l' }, { "data", 1, NULL, 'd' },
		{ "khen-thuong-config", 1, NULL, 'k' },
		{ "bao-cao-config", 1, NULL, 'b' }, { "don-vi", 1, NULL, 'u' },
		{ "templates", 1, NULL, 't' }, { "workers", 1, NULL, 'w' },
		{ "queue", 1, NULL, 'q' }, { "giu", 1, NULL, 'g' },
		{ "han", 1, NULL, 'H' }, { "max-upload", 1, NULL, 'm' },
		{ "ten", 1, NULL, 'n' }, { "threads", 1, NULL, 'T' },
		{ "cookie-secure", 0, NULL, 's' }, { "worker", 1, NULL, 'W' },
		{ "help", 0, NULL, 'h' }, { "version", 0, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct web_opt	 o;
	const char	*worker = NULL;
	char		 self[PATH_MAX], inst[16];
	long		 v;
	ssize_t		 n;
	int		 c;

	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	web_opt_defaults(&o);
	while ((c = getopt_long(argc, argv, "hV", lo, NULL)) != -1) {
		switch (c) {
		case 'l': o.listen = optarg; break;
		case 'd': o.data = optarg; break;
		case 'k': o.kt_config = optarg; break;
		case 'b': o.bc_config = optarg; break;
		case 'u': o.don_vi = optarg; break;
		case 't': o.templates = optarg; break;
		case 'n': o.instance = optarg; break;
		case 's': o.secure_cookie = 1; break;
		case 'W': worker = optarg; break;
		case 'w': if (num("workers", optarg, 1, 64, &v)) return 2;
			o.workers = (int)v; break;
		case 'T': if (num("threads", optarg, 1, 64, &v)) return 2;
			o.threads = (int)v; break;
		case 'q': if (num("queue", optarg, 1, 4096, &v)) return 2;
			o.queue = (int)v; break;
		case 'm': if (num("max-upload", optarg, 1, 4096, &v)) return 2;
			o.max_upload = (long long)v << 20; break;
		case 'g': case 'H':
			if (web_duration(optarg, c == 'g' ? &o.giu_s :
			    &o.limit_s) != 0) {
				fprintf(stderr, vb_tr("%s: --%s: \"%s\": write 24h, "
				    "30m, 90s or 2d\n"), prog, c == 'g' ? "giu" :
				    "han", optarg);
				return VB_EUSAGE;
			}
			break;
		case 'h': usage(stdout); return VB_OK;
		case 'V': printf("%s %s\n", prog, VB_VERSION); return VB_OK;
		default: cli_bad_option(prog, argv); return VB_EUSAGE;
		}
	}
	if (optind != argc || o.data == NULL) {
		fprintf(stderr, vb_tr("%s: give --data DIR (and no other "
		    "arguments)\n"), prog);
		cli_see_help(prog);
		return VB_EUSAGE;
	}
	if (worker != NULL)
		return web_worker(worker, &o);
	if (web_instance(&o, inst, sizeof(inst)) != 0)
		return VB_EUSAGE;
	if ((n = readlink("/proc/self/exe", self, sizeof(self) - 1)) <= 0)
		return fprintf(stderr, vb_tr("%s: cannot find myself\n"), prog),
		    VB_ESYS;
	self[n] = '\0';
	o.self = self;
	if (vb_i18n_init("vi") != 0)
		return VB_ESYS;
	return web_serve(&o);
}
