/*
 * vb-khenthuong - commendation decision drafts from a nominee list.
 *
 *   vb-khenthuong [options] NOMINEES.csv
 *
 * One decision source (Markdown + YAML) per award form present in the
 * list, annex included, into -d DIR as DIR/<code>.md (or -o FILE when
 * the list holds one form); --pdf also renders each to DIR/<code>.pdf.
 * The whole run is kt_batch_run: nothing is written on any error.  The
 * options and the help: opts.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "kt/kt.h"
#include "baocao/bc.h"
#include "tools/cli.h"
#include "tools/opts_gen.h"

static const char *prog = "vb-khenthuong";

/* The combinations of options and operands allowed: 0, or -1 after a
 * message (usage error). */
static int
check_args(int argc, char **argv, struct kt_batch *b)
{
	if (b->cap != NULL && b->khoi_tao == NULL) {
		fprintf(stderr, vb_tr("%s: --cap goes with --khoi-tao (a run's level "
		    "is its config's cap:)\n"), prog);
		return -1;
	}
	if (b->khoi_tao != NULL && optind == argc)
		return 0;
	if (optind != argc - 1) {
		fprintf(stderr, vb_tr("%s: give one nominee list (CSV)\n"), prog);
		cli_see_help(prog);
		return -1;
	}
	b->list = argv[optind];
	if (b->outfile && b->outdir) {
		fprintf(stderr, vb_tr("%s: -o and -d exclude each other\n"), prog);
		return -1;
	}
	if ((b->pdf || b->docx || b->phoi || b->phoi_can || b->phoi_nen) &&
	    b->outfile && strcmp(b->outfile, "-") == 0) {
		fprintf(stderr, vb_tr("%s: --pdf, --docx and --phoi need a file or "
		    "-d DIR, not stdout\n"), prog);
		return -1;
	}
	return 0;
}

/* What was made: one line per decision of the run's register
 * (so-dang-ky.csv, written by kt_batch_run: the figures the decisions
 * hold, not counted again), then the totals. */
static void
summary(const struct kt_batch *b)
{
	struct diag		*scratch = diag_new();
	struct kt_reg		*v = NULL;
	char			*dir = kt_batch_folder(b), *path = NULL, *m;
	const char		*pre;
	size_t			 len, n = 0, r;
	unsigned long long	 sum[3];

	if (scratch == NULL || dir == NULL ||
	    kt_register_read(dir, scratch, &v, &n) != VB_OK)
		goto out;
	/* The files named as given: "ra/x.md", "x.md" beside -o x.md. */
	len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		dir[--len] = '\0';
	if (asprintf(&path, "%s/", dir) < 0)
		goto out;
	pre = b->outdir == NULL && strchr(b->outfile, '/') == NULL ? "" : path;
	fprintf(stderr, vb_ntr("%s: %zu decision:\n", "%s: %zu decisions:\n",
	    n), prog, n);
	for (r = 0; r < n; r++) {
		m = sotien_figures(v[r].tien);
		fprintf(stderr, vb_tr("  %s%s  %s: %llu collective(s), %llu "
		    "person(s), %s đồng\n"), pre, v[r].tep,
		    *v[r].so_ky_hieu ? v[r].so_ky_hieu : vb_tr("no number"),
		    v[r].tap_the, v[r].ca_nhan, m ? m : "?");
		free(m);
	}
	kt_register_totals(v, n, sum);
	m = sotien_figures(sum[2]);
	fprintf(stderr, vb_tr("  total: %llu collective(s), %llu person(s), "
	    "%s đồng\n"), sum[0], sum[1], m ? m : "?");
	free(m);
out:
	kt_register_free(v, n);
	free(path);
	free(dir);
	diag_free(scratch);
}

int
main(int argc, char **argv)
{
	struct opts_kt		 o = { .b.enc = TEXT_ENC_AUTO };
	struct kt_batch		*b = &o.b;
	struct cli_progress	 pr;
	struct diag		*d;
	char			*fdir = NULL;
	int			 rc;

	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	b->jobs = cli_cores();
	b->opt.round = b->opt.sort = -1;
	if (cli_parse(&opts_kt_tool, argc, argv, &o, &rc) != 0)
		return rc;
	if (check_args(argc, argv, b) != 0)
		return VB_EUSAGE;
	if (!(b->opt.ngay_given = b->opt.ngay != 0))
		b->opt.ngay = vb_today();
	if (cli_epoch(prog, &b->ropt.epoch) != 0)
		return VB_EUSAGE;
	if ((d = diag_new()) == NULL || (fdir = render_find_fonts(o.fonts)) ==
	    NULL) {
		fprintf(stderr, vb_tr("%s: out of memory\n"), prog);
		return VB_ESYS;
	}
	b->ropt.font_dir = fdir;
	cli_progress_init(&pr, prog, "PDF", o.quiet);
	b->progress = cli_progress;
	b->progress_arg = &pr;
	rc = kt_batch_run(b, d);
	cli_progress_end(&pr);
	free(fdir);
	rc = cli_finish(prog, d, rc);
	if (rc == VB_OK && !o.quiet && b->khoi_tao == NULL && !b->phoi_dump)
		summary(b);
	return rc;
}
