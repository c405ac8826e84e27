/*
 * opts.c - the command lines of vb-render, vb-norm and vb-sotien: their
 * options (the tables cli_parse reads, into the structs of opts.h), the
 * values only they take, and their help.  The generators' are in
 * opts_kt.c and opts_bc.c, so that each tool links only its own.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "tools/cli.h"
#include "tools/opts.h"

/* ------------------------------------------------------------------ */
/* vb-render                                                            */
/* ------------------------------------------------------------------ */

static void
render_usage(FILE *fp, const char *prog)
{
	fprintf(fp,
	    vb_tr("usage: %s [-f ENC] [--to pdf|docx] [--dump-layout] [-o OUT.pdf]\n"
	    "       SOURCE.md|-\n"
	    "       %s [-f ENC] [--to pdf|docx] [-d DIR] [-j N] [-q] [--gop ALL.pdf]\n"
	    "       SOURCE.md...\n"
	    "  -o, --output=FILE    output (default: SOURCE with .pdf or .docx;\n"
	    "                       - = stdout, refused on a terminal); one source\n"
	    "  -d, --output-dir=DIR write DIR/NAME.pdf for each source NAME.md\n"
	    "                       (default: beside each source)\n"
	    "  -j, --jobs=N         documents rendered in parallel (default: cores)\n"
	    "  -q, --quiet          no progress line\n"
	    "  --gop=ALL.pdf        also one PDF of every source, in order, to\n"
	    "                       print (each keeps its page numbers); not\n"
	    "                       written if a source fails\n"
	    "  --to=FORMAT          pdf (default), docx (an editable Word file)\n"
	    "                       or pdf,docx (both); an -o name ending in\n"
	    "                       .docx chooses docx\n"
	    "  -f, --encoding=ENC   source encoding: utf-8, utf-16, cp1258, tcvn3\n"
	    "  --dump-layout        print the display list as text, no PDF\n"
	    "  --fonts=DIR          folder of the Liberation Serif TTFs\n"
	    "  --lang=vi|en         messages in Vietnamese or English\n"
	    "  -h, --help           this help\n"
	    "  -V, --version        the version\n"
	    "Environment: VB_FONT_DIR, SOURCE_DATE_EPOCH (reproducible PDF).\n"
	    "Exit: 0 done, 1 bad input (nothing written for that source; the\n"
	    "other sources are written), 2 usage, 3 system.\n"),
	    prog, prog);
}

/* --to: pdf, docx, or both as a comma list. */
static int
render_to(void *tool, const char *arg)
{
	struct opts_render	*o = tool;
	const char		*p = arg, *e;
	size_t			 n;

	o->to = 0;
	do {
		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		if (n == 3 && strncmp(p, "pdf", 3) == 0)
			o->to |= 1u << RENDER_PDF;
		else if (n == 4 && strncmp(p, "docx", 4) == 0)
			o->to |= 1u << RENDER_DOCX;
		else
			return -1;
		p = e + 1;
	} while (e != NULL);
	return 0;
}

#define R(f) offsetof(struct opts_render, f)
static const struct cli_opt render_opts[] = {
	{ "output", 'o', CLI_STR, R(out), NULL, NULL },
	{ "output-dir", 'd', CLI_STR, R(outdir), NULL, NULL },
	{ "encoding", 'f', CLI_ENC, R(enc), NULL, NULL },
	{ "jobs", 'j', CLI_JOBS, R(jobs), NULL, NULL },
	{ "quiet", 'q', CLI_FLAG, R(quiet), NULL, NULL },
	{ "gop", 0, CLI_GOP, R(gop), NULL, NULL },
	{ "to", 0, CLI_CALL, 0,
	    N_("%s: --to takes pdf, docx or pdf,docx, not '%s'.\n"),
	    render_to },
	{ "dump-layout", 0, CLI_FLAG, R(dump), NULL, NULL },
	{ "fonts", 0, CLI_STR, R(fonts), NULL, NULL },
	CLI_HELP_OPTS
};
#undef R

const struct cli_tool opts_render_tool = {
	"vb-render", render_opts, render_usage
};

/* ------------------------------------------------------------------ */
/* vb-norm, vb-sotien                                                   */
/* ------------------------------------------------------------------ */

static void
norm_usage(FILE *fp, const char *prog)
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

#define N(f) offsetof(struct opts_norm, f)
static const struct cli_opt norm_opts[] = {
	{ "encoding", 'f', CLI_ENC, N(enc), N_("%s: unknown encoding \"%s\"; "
	    "known: utf-8, utf-16, utf-16le, utf-16be, cp1258, tcvn3\n"), NULL },
	{ "output", 'o', CLI_STR, N(out), NULL, NULL },
	CLI_HELP_OPTS
};
#undef N

const struct cli_tool opts_norm_tool = {
	"vb-norm", norm_opts, norm_usage
};

static void
sotien_usage(FILE *fp, const char *prog)
{
	fprintf(fp,
	    vb_tr("usage: %s [--le] [--bon] [--khong-dong] [-o FILE] [AMOUNT...]\n"
	    "Write each amount (1490000, 1.490.000 or 1 490 000; one a line\n"
	    "on stdin without arguments) in Vietnamese words.\n"
	    "  --le          \"lẻ\" instead of \"linh\" (101: một trăm lẻ một)\n"
	    "  --bon         \"bốn\" instead of \"tư\" (24: hai mươi bốn)\n"
	    "  --khong-dong  leave out the final \"đồng\"\n"
	    "  -o, --output=FILE  write to FILE (atomically), not stdout\n"
	    "  --lang=vi|en         messages in Vietnamese or English\n"
	    "  -h, --help    this help\n"
	    "  -V, --version the version\n"
	    "Exit: 0 done, 1 bad amount (nothing written), 2 usage, 3 I/O.\n"),
	    prog);
}

#define S(f) offsetof(struct opts_sotien, f)
static const struct cli_opt sotien_opts[] = {
	{ "le", 0, CLI_FLAG, S(opt.le), NULL, NULL },
	{ "bon", 0, CLI_FLAG, S(opt.bon), NULL, NULL },
	{ "khong-dong", 0, CLI_FLAG, S(opt.khong_dong), NULL, NULL },
	{ "output", 'o', CLI_STR, S(out), NULL, NULL },
	CLI_HELP_OPTS
};
#undef S

const struct cli_tool opts_sotien_tool = {
	"vb-sotien", sotien_opts, sotien_usage
};
