/*
 * vb-norm - any supported encoding in, UTF-8 NFC with LF line ends out.
 *
 *   vb-norm [-f ENC] [-o OUT] [FILE|-]
 *
 * The same conversion every vanban tool applies to its inputs
 * (text_input.c), as a filter: streaming, in constant memory.  Bad bytes
 * are an error naming line, column and offset; with -o nothing is
 * written then.  The options and the help: opts.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "vanban.h"
#include "tools/cli.h"
#include "tools/opts.h"

static const char *prog = "vb-norm";

int
main(int argc, char **argv)
{
	struct opts_norm	 o = { "-", TEXT_ENC_AUTO };
	struct diag		*d;
	const char		*inpath = "-";
	int			 rc;

	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	if (cli_parse(&opts_norm_tool, argc, argv, &o, &rc) != 0)
		return rc;
	if (argc - optind > 1) {
		fprintf(stderr, vb_tr("%s: one input file at most\n"), prog);
		cli_see_help(prog);
		return VB_EUSAGE;
	}
	if (optind < argc)
		inpath = argv[optind];
	if ((d = diag_new()) == NULL) {
		fprintf(stderr, vb_tr("%s: out of memory\n"), prog);
		return VB_ESYS;
	}
	rc = text_convert_stream(inpath, o.out, o.enc, d);
	diag_print(d, stderr, prog);
	diag_free(d);
	return rc;
}
