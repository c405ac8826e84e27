/*
 * vb-sotien - amounts in VND written in words.
 *
 *   vb-sotien [--le] [--bon] [--khong-dong] [-o FILE] [AMOUNT...]
 *
 * Each AMOUNT ("1490000", "1.490.000", "1 490 000") becomes one line of
 * words; without arguments the amounts are read one a line from stdin
 * (blank lines skipped).  Every bad amount is reported; when there is
 * one, nothing is written and the exit code is 1.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "tools/cli.h"

static const char *prog = "vb-sotien";

static void
usage(FILE *fp)
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

/* Convert one amount; problems go to d under file/line. */
static void
convert(const char *text, const char *file, int line,
    const struct sotien_opt *opt, struct diag *d, struct vbuf *o)
{
	unsigned long long	 v;
	char			*w;

	if (cli_amount(text, &v) != 0) {
		diag_add(d, DIAG_ERROR, file, line, 0,
		    "\"%s\" is not an amount in đồng from 0 to "
		    "999.999.999.999.999.999 (write 1490000, 1.490.000 "
		    "or 1 490 000)", text);
		return;
	}
	if ((w = sotien_words(v, opt)) == NULL) {
		o->bad = 1;
		return;
	}
	vbuf_puts(o, w);
	vbuf_puts(o, "\n");
	free(w);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "le", no_argument, NULL, 'l' },
		{ "bon", no_argument, NULL, 'b' },
		{ "khong-dong", no_argument, NULL, 'k' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct sotien_opt	 opt = { 0, 0, 0 };
	struct vbuf		 o = { NULL, 0, 0, 0 };
	struct diag		*d;
	const char		*outpath = "-";
	char			*text = NULL, *line, *nl;
	size_t			 len;
	int			 c, lineno, rc = VB_OK;

	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	while ((c = getopt_long(argc, argv, "ho:V", longopts, NULL)) != -1) {
		switch (c) {
		case 'l': opt.le = 1; break;
		case 'b': opt.bon = 1; break;
		case 'k': opt.khong_dong = 1; break;
		case 'o': outpath = optarg; break;
		case 'h': usage(stdout); return VB_OK;
		case 'V': printf("%s %s\n", prog, VB_VERSION); return VB_OK;
		default: cli_bad_option(prog, argv); return VB_EUSAGE;
		}
	}
	if ((d = diag_new()) == NULL) {
		fprintf(stderr, vb_tr("%s: out of memory\n"), prog);
		return VB_ESYS;
	}
	if (optind < argc) {
		for (c = optind; c < argc; c++)
			convert(argv[c], NULL, 0, &opt, d, &o);
	} else {
		rc = text_read_file("-", TEXT_ENC_AUTO, d, &text, &len);
		for (line = text, lineno = 1; rc == VB_OK && line != NULL &&
		    *line != '\0'; line = nl, lineno++) {
			if ((nl = strchr(line, '\n')) != NULL)
				*nl++ = '\0';
			/* One line out per line in: an empty line would
			 * shift every answer after it. */
			if (line[strspn(line, " \t")] == '\0')
				diag_add(d, DIAG_ERROR, "<stdin>", lineno, 0,
				    "empty line: give one amount a line (the "
				    "answers stay on the lines of the amounts)");
			else
				convert(line, "<stdin>", lineno, &opt, d, &o);
		}
		free(text);
	}
	if (rc == VB_OK && o.bad) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		rc = VB_ESYS;
	}
	if (rc == VB_OK && diag_errors(d) > 0)
		rc = VB_EINPUT;
	if (rc == VB_OK && text_write_file(outpath, o.s ? o.s : "", o.len,
	    d) != VB_OK)
		rc = VB_ESYS;
	free(o.s);
	return cli_finish(prog, d, rc);
}
