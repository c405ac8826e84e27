/*
 * vb-norm - any supported encoding in, UTF-8 NFC with LF line ends out.
 *
 *   vb-norm [-f ENC] [-o OUT] [FILE|-]
 *
 * The same conversion every vanban tool applies to its inputs
 * (text_input.c), as a filter: streaming, in constant memory.  Bad bytes
 * are an error naming line, column and offset; with -o nothing is
 * written then.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "vanban.h"
#include "tools/cli.h"

static const char *prog = "vb-norm";

static void
usage(FILE *fp)
{
	fprintf(fp,
	    vb_tr("usage: %s [-f ENC] [-o OUT] [FILE|-]\n"
	    "Convert a text or CSV file (stdin without FILE or with -) to\n"
	    "UTF-8 in Unicode NFC with LF line ends, without a BOM.\n"
	    "  -f, --encoding=ENC  the file's encoding: utf-8, utf-16 (byte\n"
	    "                      order from the BOM), utf-16le, utf-16be,\n"
	    "                      cp1258 (windows-1258), tcvn3 (the .Vn fonts);\n"
	    "                      default: a BOM tells, else UTF-8, else\n"
	    "                      Windows-1258 or TCVN3 by content (warning)\n"
	    "  -o, --output=OUT    write to OUT (only when complete), not stdout\n"
	    "  --lang=vi|en         messages in Vietnamese or English\n"
	    "  -h, --help          this help\n"
	    "  -V, --version       the version\n"
	    "Exit: 0 done, 1 bad input (nothing written to OUT), 2 usage,\n"
	    "3 system or I/O error.\n"),
	    prog);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "encoding", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct diag	*d;
	const char	*outpath = "-", *inpath = "-";
	enum text_enc	 enc = TEXT_ENC_AUTO;
	int		 c, rc;

	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	while ((c = getopt_long(argc, argv, "f:ho:V", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (text_enc_parse(optarg, &enc) != 0) {
				fprintf(stderr, vb_tr("%s: unknown encoding \"%s\"; "
				    "known: utf-8, utf-16, utf-16le, utf-16be, "
				    "cp1258, tcvn3\n"), prog, optarg);
				return VB_EUSAGE;
			}
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'h':
			usage(stdout);
			return fflush(stdout) == 0 ? VB_OK : VB_ESYS;
		case 'V':
			printf("%s %s\n", prog, VB_VERSION);
			return fflush(stdout) == 0 ? VB_OK : VB_ESYS;
		default:
			cli_bad_option(prog, argv);
			return VB_EUSAGE;
		}
	}
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
	rc = text_convert_stream(inpath, outpath, enc, d);
	diag_print(d, stderr, prog);
	diag_free(d);
	return rc;
}
