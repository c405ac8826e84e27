/*
 * vb-render - a document source (YAML front matter + CommonMark) to an
 * official PDF in the format of Nghị định 30/2020, or to an editable Word
 * file (DOCX) in the same format, or to both.
 *
 *   vb-render [options] SOURCE.md|-
 *   vb-render [options] SOURCE.md...
 *
 * Several sources are rendered by render_files (-j worker processes, in
 * chunks, so that memory stays flat however many there are); each source
 * is judged on its own: the good ones are written, the bad ones named,
 * and the exit status is the worst.  The options and the help: opts.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "vanban.h"
#include "tools/cli.h"
#include "tools/opts.h"

static const char *prog = "vb-render";

/* The combinations of options and sources allowed; -1 after a message
 * (usage error). */
static int
check_args(const struct opts_render *a, char **src, size_t n)
{
	size_t i;

	if (n == 0) {
		cli_see_help(prog);
		return -1;
	}
	if (a->out != NULL && a->outdir != NULL) {
		fprintf(stderr, vb_tr("%s: -o and -d exclude each other: -o names "
		    "the output of one source, -d a folder for them\n"), prog);
		return -1;
	}
	if (n > 1 && a->out != NULL) {
		fprintf(stderr, vb_tr("%s: -o names one output but %zu sources are "
		    "given: write them beside their sources, or give -d DIR\n"),
		    prog, n);
		return -1;
	}
	if (a->out != NULL && a->to == (1u << RENDER_PDF | 1u << RENDER_DOCX)) {
		fprintf(stderr, vb_tr("%s: --to pdf,docx writes two files: give no "
		    "-o (they are written beside the source) or -d DIR\n"), prog);
		return -1;
	}
	if (a->dump && a->gop != NULL) {
		fprintf(stderr, vb_tr("%s: --gop writes a PDF: not with "
		    "--dump-layout\n"), prog);
		return -1;
	}
	if (a->dump && (n > 1 || a->outdir != NULL)) {
		fprintf(stderr, vb_tr("%s: --dump-layout takes one source and writes "
		    "to standard output or -o, not -d\n"), prog);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (strcmp(src[i], "-") == 0 && (n > 1 || a->outdir != NULL)) {
			fprintf(stderr, vb_tr("%s: - (standard input) is a source "
			    "only alone and without -d\n"), prog);
			return -1;
		}
	return 0;
}

/* The format an -o name asks for: .docx (any case) is DOCX. */
static int
format_of(const char *out)
{
	size_t n = out ? strlen(out) : 0;

	return n > 5 && strcasecmp(out + n - 5, ".docx") == 0 ? RENDER_DOCX :
	    RENDER_PDF;
}

int
main(int argc, char **argv)
{
	struct opts_render	 a = { .enc = TEXT_ENC_AUTO };
	struct render_opt	 opt = { 0 };
	struct cli_progress	 pr;
	struct diag		*d;
	char			**src, **outs = NULL, **docx = NULL, *fonts = NULL;
	size_t			 n;
	int			 rc, both;

	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	a.jobs = cli_cores();
	if (cli_parse(&opts_render_tool, argc, argv, &a, &rc) != 0)
		return rc;
	src = argv + optind;
	n = (size_t)(argc - optind);
	if (check_args(&a, src, n) != 0)
		return VB_EUSAGE;
	both = !a.dump && a.to == (1u << RENDER_PDF | 1u << RENDER_DOCX);
	opt.dump_layout = a.dump;
	opt.format = a.to == 1u << RENDER_DOCX ? RENDER_DOCX : a.to != 0 ?
	    RENDER_PDF : format_of(a.out);
	if ((d = diag_new()) == NULL || (outs = render_out_names(src, n, a.out,
	    a.outdir, a.dump, opt.format == RENDER_DOCX ? ".docx" : ".pdf")) ==
	    NULL || (both && (docx = render_out_names(src, n, NULL, a.outdir,
	    0, ".docx")) == NULL) || (opt.font_dir = fonts =
	    render_find_fonts(a.fonts)) == NULL) {
		fprintf(stderr, vb_tr("%s: out of memory\n"), prog);
		return VB_ESYS;
	}
	if ((!a.dump && cli_no_tty(prog, outs[0]) != 0) ||
	    cli_epoch(prog, &opt.epoch) != 0)
		rc = VB_EUSAGE;
	else if (n == 1 && !both && text_same_file(src[0], outs[0])) {
		diag_add(d, DIAG_ERROR, outs[0], 0, 0, "the output would "
		    "replace the source: give another -o");
		rc = VB_EUSAGE;
	} else if ((n > 1 || both) && (rc = render_files_check(src, outs, docx,
	    n, d)) != 0)
		rc = rc == VB_ESYS ? VB_ESYS : VB_EUSAGE;
	else if (a.outdir == NULL || (rc = vb_mkdir_p(a.outdir, d)) == VB_OK) {
		if (!a.dump)
			render_files_stale(src, docx ? docx : opt.format ==
			    RENDER_DOCX ? outs : NULL, n, d);
		cli_progress_init(&pr, prog, both ? "PDF+DOCX" : opt.format ==
		    RENDER_DOCX ? "DOCX" : "PDF", a.quiet || n == 1);
		rc = render_files(&opt, a.enc, src, outs, docx, n, a.jobs,
		    a.gop, cli_progress, &pr, d);
		cli_progress_end(&pr);
	}
	render_names_free(outs, n);
	render_names_free(docx, n);
	free(fonts);
	return cli_finish(prog, d, rc);
}
