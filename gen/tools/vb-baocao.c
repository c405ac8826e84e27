/* vb-baocao - progress reports (BÁO CÁO) per unit and the province
 * summary from the plan's task table, or the empty forms.  vb-baocao(1).
 * The options and the help: opts.c. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vanban.h"
#include "kt/kt.h"
#include "baocao/bc.h"
#include "tools/cli.h"
#include "tools/opts_gen.h"
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

/* "  PRE WHO: N task(s): ..." of the closing lines. */
static void
tasks(const char *pre, const char *who, const struct bc_count *c)
{
	fprintf(stderr, vb_tr("  %s%s: %zu task(s): %zu done (%zu late), %zu in "
	    "progress, %zu not done, %zu not reported\n"), pre, who, c->total,
	    c->n[BC_DONE], c->late, c->n[BC_DOING], c->n[BC_TODO],
	    c->n[BC_MISSING]);
}

/* What was written: one line a document (its file, ký
 * hiệu, unit and tasks by status), then the units' reports' totals. */
static void
docs(const struct bc_args *a)
{
	const struct bc_doc	*v;
	struct bc_count		 t = { { 0, 0, 0, 0 }, 0, 0, 0 };
	char			*pre, who[128];
	size_t			 i, k, nrep = 0;

	for (i = 0, v = a->docs; i < a->ndocs; i++, v++) {
		if (asprintf(&pre, "%s%s%s  ", v->file, v->ky_hieu &&
		    *v->ky_hieu ? "  " : "", v->ky_hieu ? v->ky_hieu : "") < 0)
			return;
		if (v->kind == BC_DOC_FORM)
			fprintf(stderr, vb_tr("  %sform of %s\n"), pre, v->don_vi);
		else if (v->kind == BC_DOC_REMINDER)
			fprintf(stderr, vb_tr("  %sreminder to %zu unit(s)\n"), pre,
			    v->units);
		else if (v->kind == BC_DOC_SUMMARY) {
			snprintf(who, sizeof(who), vb_tr("summary of %zu unit(s)"),
			    v->units);
			tasks(pre, who, &v->c);
		} else {
			tasks(pre, v->don_vi, &v->c);
			for (k = 0; k < BC_NSTATUS; k++)
				t.n[k] += v->c.n[k];
			t.total += v->c.total;
			t.late += v->c.late;
			nrep++;
		}
		free(pre);
	}
	snprintf(who, sizeof(who), vb_tr("total of the %zu report(s)"), nrep);
	if (nrep > 0)
		tasks("", who, &t);
}

/* The closing lines: what was written, then each document. */
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
	docs(a);
}

/* --khoi-tao DIR: a config and a units file to start from. */
static int
khoi_tao(const char *templates, const char *dir)
{
	struct diag	*d;
	int		 rc;

	if ((d = diag_new()) == NULL)
		return VB_ESYS;
	if ((rc = cli_finish(prog, d, bc_khoi_tao(templates, dir, d))) == VB_OK)
		fprintf(stderr, vb_tr("%s: wrote %s/bao-cao.yaml and %s/don-vi.csv: "
		    "fill in every \"…\", then give --config %s/bao-cao.yaml "
		    "--don-vi %s/don-vi.csv\n"), prog, dir, dir, dir, dir);
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts_bc		 o = { .quiet = 0 };
	struct bc_args		*a = &o.a;
	struct cli_progress	 pr;
	struct diag		*d;
	char			*fdir;
	int			 rc;

	a->jobs = cli_cores();
	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	if (cli_parse(&opts_bc_tool, argc, argv, &o, &rc) != 0)
		return rc;
	if (o.khoi_tao != NULL)
		return khoi_tao(a->templates, o.khoi_tao);
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
	bc_docs_free(a->docs, a->ndocs);
	return rc;
}
