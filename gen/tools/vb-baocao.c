/* vb-baocao - progress reports (BÁO CÁO) per unit and the province
 * summary from the plan's task table, or the empty forms.  vb-baocao(1).
 * The options and the help: opts.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "vanban.h"
#include "kt/kt.h"
#include "baocao/bc.h"
#include "tools/cli.h"
#include "tools/opts.h"
static const char *prog = "vb-baocao";

/* The task table and the progress tables after the options; -1 after a
 * usage message. */
static int
operands(struct bc_args *a, int argc, char **argv)
{
	if (optind >= argc || a->outdir == NULL ||
	    (a->mau ? optind + 1 > argc : optind + 2 > argc || !a->have_ky)) {
		fprintf(stderr, "%s: %s\n", prog, a->mau ? vb_tr("give the task "
		    "table and -d DIR") : vb_tr("give --ky, the task table, the "
		    "progress table(s) and -d DIR"));
		cli_see_help(prog);
		return -1;
	}
	a->tasks = argv[optind];
	a->progress = argv + optind + 1;
	a->nprogress = (size_t)(argc - optind - 1);
	return 0;
}

/* The last line: what was written. */
static void
said(const struct bc_args *a)
{
	char label[64];

	bc_ky_label(a->ky, a->nam_used, 0, label, sizeof(label));
	if (a->mau)
		fprintf(stderr, vb_tr("%s: wrote %zu progress forms to %s/\n"), prog,
		    a->n_csv, a->outdir);
	else
		fprintf(stderr, vb_tr("%s: wrote %zu reports and the summary "
		    "(tong-hop.md)%s%s to %s/ for %s\n"), prog, a->n_reports,
		    a->n_silent ? vb_tr(" and the reminder (don-doc.md)") : "",
		    a->pdf ? vb_tr(", Markdown and PDF,") : "", a->outdir, label);
}

/* --khoi-tao DIR: a config and a units file to start from. */
static int
bc_khoi_tao(const char *templates, const char *dir)
{
	struct diag	*d;
	char		*tdir;
	int		 rc;

	if ((d = diag_new()) == NULL ||
	    (tdir = bc_find_templates(templates)) == NULL)
		return VB_ESYS;
	rc = bc_init_dir(tdir, dir, d);
	free(tdir);
	cli_finish(prog, d, rc);
	if (rc == VB_OK)
		fprintf(stderr, vb_tr("%s: wrote %s/bao-cao.yaml and %s/don-vi.csv: "
		    "fill in every \"…\", then give --config %s/bao-cao.yaml "
		    "--don-vi %s/don-vi.csv\n"), prog, dir, dir, dir, dir);
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts_bc		 o;
	struct bc_args		*a = &o.a;
	struct cli_progress	 pr;
	struct diag		*d;
	char			*fdir;
	int			 rc;

	memset(&o, 0, sizeof(o));
	a->jobs = cli_cores();
	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	if (cli_parse(&opts_bc_tool, argc, argv, &o, &rc) != 0)
		return rc;
	a->khen_thuong = o.kt;
	if (o.khoi_tao != NULL)
		return bc_khoi_tao(a->templates, o.khoi_tao);
	if (operands(a, argc, argv) != 0 ||
	    cli_epoch(prog, &a->ropt.epoch) != 0)
		return VB_EUSAGE;
	if ((d = diag_new()) == NULL ||
	    (a->ropt.font_dir = fdir = render_find_fonts(o.fonts)) == NULL)
		return VB_ESYS;
	cli_progress_init(&pr, prog, "PDF", o.quiet);
	a->cb = cli_progress;
	a->ctx = &pr;
	rc = bc_run(a, d);
	free(fdir);
	cli_progress_end(&pr);
	cli_finish(prog, d, rc);
	if (rc == VB_OK && !o.quiet)
		said(a);
	return rc;
}
