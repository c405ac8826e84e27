/*
 * vb-render - a document source (YAML front matter + CommonMark) to an
 * official PDF in the format of Nghị định 30/2020, or to an editable Word
 * file (DOCX) in the same format.
 *
 *   vb-render [options] SOURCE.md|-
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "vanban.h"
#include "tools/cli.h"

static const char *prog = "vb-render";

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [-f ENC] [--to pdf|docx] [--dump-layout] [-o OUT.pdf]\n"
	    "       SOURCE.md|-\n"
	    "  -o, --output=FILE    output (default: SOURCE with .pdf or .docx;\n"
	    "                       - = stdout, refused on a terminal)\n"
	    "  --to=FORMAT          pdf (default) or docx, an editable Word file;\n"
	    "                       an -o name ending in .docx chooses docx\n"
	    "  -f, --encoding=ENC   source encoding: utf-8, utf-16, cp1258, tcvn3\n"
	    "  --dump-layout        print the display list as text, no PDF\n"
	    "  --fonts=DIR          folder of the Liberation Serif TTFs\n"
	    "  --lang=vi|en         messages in Vietnamese or English\n"
	    "  -h, --help           this help\n"
	    "  -V, --version        the version\n"
	    "Environment: VB_FONT_DIR, SOURCE_DATE_EPOCH (reproducible PDF).\n"
	    "Exit: 0 done, 1 bad input (nothing written), 2 usage, 3 system.\n",
	    prog);
}

/* SOURCE.md -> SOURCE.pdf (or .docx); malloc'd. */
static char *
default_output(const char *src, int format)
{
	size_t	 n = strlen(src);
	char	*def;

	if ((def = malloc(n + 6)) == NULL)
		return NULL;
	memcpy(def, src, n + 1);
	if (n > 3 && strcmp(def + n - 3, ".md") == 0)
		def[n - 3] = '\0';
	strcat(def, format == RENDER_DOCX ? ".docx" : ".pdf");
	return def;
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
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "encoding", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "dump-layout", no_argument, NULL, 'D' },
		{ "fonts", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct render_opt	 opt;
	struct diag		*d;
	enum text_enc		 enc = TEXT_ENC_AUTO;
	const char		*out = NULL, *src, *fonts_opt = NULL;
	char			*text = NULL, *def = NULL, *fonts = NULL;
	size_t			 len;
	int			 ch, rc, to = -1;

	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	memset(&opt, 0, sizeof(opt));
	while ((ch = getopt_long(argc, argv, "f:ho:V", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (cli_encoding(prog, optarg, &enc) != 0)
				return VB_EUSAGE;
			break;
		case 'o': out = optarg; break;
		case 't':
			if (strcmp(optarg, "pdf") == 0)
				to = RENDER_PDF;
			else if (strcmp(optarg, "docx") == 0)
				to = RENDER_DOCX;
			else {
				fprintf(stderr, "%s: --to takes pdf or docx, "
				    "not '%s'.\n", prog, optarg);
				return VB_EUSAGE;
			}
			break;
		case 'D': opt.dump_layout = 1; break;
		case 'F': fonts_opt = optarg; break;
		case 'h': usage(stdout); return VB_OK;
		case 'V': puts("vb-render " VB_VERSION); return VB_OK;
		default: usage(stderr); return VB_EUSAGE;
		}
	}
	if (optind + 1 != argc) {
		usage(stderr);
		return VB_EUSAGE;
	}
	src = argv[optind];
	opt.format = to >= 0 ? to : format_of(out);
	if (out == NULL)
		out = opt.dump_layout || strcmp(src, "-") == 0 ? "-" :
		    (def = default_output(src, opt.format));
	if (out == NULL || (d = diag_new()) == NULL ||
	    (fonts = render_find_fonts(fonts_opt)) == NULL) {
		fprintf(stderr, "%s: out of memory\n", prog);
		return VB_ESYS;
	}
	if ((!opt.dump_layout && cli_no_tty(prog, out) != 0) ||
	    cli_epoch(prog, &opt.epoch) != 0)
		rc = VB_EUSAGE;
	else if (text_same_file(src, out)) {
		diag_add(d, DIAG_ERROR, out, 0, 0, "the output would replace "
		    "the source: give another -o");
		rc = VB_EUSAGE;
	} else {
		opt.font_dir = fonts;
		rc = text_read_source(src, enc, d, &text, &len);
		if (rc == VB_OK)
			rc = render_source(strcmp(src, "-") == 0 ? "<stdin>" :
			    src, text, len, out, &opt, d);
		if (rc == VB_OK && diag_errors(d) > 0)
			rc = VB_EINPUT;
	}
	free(text);
	free(def);
	free(fonts);
	return cli_finish(prog, d, rc);
}
