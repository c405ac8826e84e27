/*
 * vb-web - the clerk's page: upload a nominee list, get the decisions;
 * upload the units' progress forms, get the reports.  vb-web(1).
 *
 *   vb-web --listen 127.0.0.1:8080 --data DIR [options]
 *
 * The server is gen/web/ (web_serve); the same program, started by the
 * server with --worker, renders one job (web_worker).  The options and
 * the help: opts_web.c.
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
#include "tools/opts_web.h"

static const char *prog = "vb-web";

int
main(int argc, char **argv)
{
	struct opts_web	 w;
	struct web_opt	*o = &w.o;
	char		 self[PATH_MAX], inst[16];
	ssize_t		 n;
	int		 rc;

	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	web_opt_defaults(o);
	w.worker = NULL;
	if (cli_parse(&opts_web_tool, argc, argv, &w, &rc) != 0)
		return rc;
	if (optind != argc || o->data == NULL) {
		fprintf(stderr, vb_tr("%s: give --data DIR (and no other "
		    "arguments)\n"), prog);
		cli_see_help(prog);
		return VB_EUSAGE;
	}
	if (w.worker != NULL)
		return web_worker(w.worker, o);
	if (web_instance(o, inst, sizeof(inst)) != 0)
		return VB_EUSAGE;
	if ((n = readlink("/proc/self/exe", self, sizeof(self) - 1)) <= 0)
		return fprintf(stderr, vb_tr("%s: cannot find myself\n"), prog),
		    VB_ESYS;
	self[n] = '\0';
	o->self = self;
	if (vb_i18n_init("vi") != 0)
		return VB_ESYS;
	return web_serve(o);
}
