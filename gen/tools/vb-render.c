/*
 * vb-render - a document source (YAML front matter + CommonMark) to an
 * official PDF in the format of Nghị định 30/2020/NĐ-CP.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"


static void
usage(FILE *fp)
{
	fprintf(fp, "usage: vb-render [-f ENC] [--dump-layout] [-o OUT.pdf] "
	    "SOURCE.md|-\n"
	    "  -o FILE         output (default: SOURCE with .pdf; - = stdout)\n"
	    "  -f ENC          source encoding: utf-8, utf-16, cp1258, tcvn3\n"
	    "  --dump-layout   print the display list as text, no PDF\n"
	    "  --fonts DIR     folder of the Liberation Serif TTFs\n"
	    "Environment: VB_FONT_DIR, SOURCE_DATE_EPOCH (reproducible PDF).\n"
	    "Exit: 0 done, 1 bad input (nothing written), 2 usage, 3 system.\n");
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "dump-layout", no_argument, NULL, 'D' },
		{ "fonts", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct render_opt	 opt;
	struct diag		*d;
	enum text_enc		 enc = TEXT_ENC_AUTO;
	const char		*out = NULL, *src, *e;
	char			*text = NULL, *def = NULL, *fonts = NULL;
	const char		*fonts_opt = NULL;
	size_t			 len;
	int			 ch, rc;

	memset(&opt, 0, sizeof(opt));
	opt.epoch = (e = getenv("SOURCE_DATE_EPOCH")) && *e ? atoll(e) : -1;
	while ((ch = getopt_long(argc, argv, "f:ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (text_enc_parse(optarg, &enc) == -1) {
				fprintf(stderr, "vb-render: unknown encoding "
				    "'%s' (utf-8, utf-16, cp1258, tcvn3)\n",
				    optarg);
				return VB_EUSAGE;
			}
			break;
		case 'o':
			out = optarg;
			break;
		case 'D':
			opt.dump_layout = 1;
			break;
		case 'F':
			fonts_opt = optarg;
			break;
		case 'h':
			usage(stdout);
			return VB_OK;
		case 'V':
			puts("vb-render " VB_VERSION);
			return VB_OK;
		default:
			usage(stderr);
			return VB_EUSAGE;
		}
	}
	if (optind + 1 != argc) {
		usage(stderr);
		return VB_EUSAGE;
	}
	src = argv[optind];
	if (out == NULL) {
		size_t n = strlen(src);

		if (opt.dump_layout || strcmp(src, "-") == 0)
			out = "-";
		else if ((def = malloc(n + 5)) != NULL) {
			memcpy(def, src, n + 1);
			if (n > 3 && strcmp(def + n - 3, ".md") == 0)
				def[n - 3] = '\0';
			strcat(def, ".pdf");
			out = def;
		}
	}
	if ((d = diag_new()) == NULL ||
	    (fonts = render_find_fonts(fonts_opt)) == NULL)
		return VB_ESYS;
	opt.font_dir = fonts;
	rc = text_read_source(src, enc, d, &text, &len);
	if (rc == VB_OK)
		rc = render_source(strcmp(src, "-") == 0 ? "<stdin>" : src,
		    text, len, out, &opt, d);
	if (rc == VB_OK && diag_errors(d) > 0)
		rc = VB_EINPUT;
	diag_print(d, stderr, "vb-render");
	diag_free(d);
	free(text);
	free(def);
	free(fonts);
	return rc;
}
