/*
 * vb-sotien - amounts in VND written in words.
 *
 *   vb-sotien [--le] [--bon] [--khong-dong] [-o FILE] [AMOUNT...]
 *
 * Each AMOUNT ("1490000", "1.490.000", "1 490 000") becomes one line of
 * words; without arguments the amounts are read one a line from stdin
 * (blank lines skipped).  Every bad amount is reported; when there is
 * one, nothing is written and the exit code is 1.  The options and
 * the help: opts.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "tools/cli.h"
#include "tools/opts.h"

static const char *prog = "vb-sotien";

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
	struct opts_sotien	 a = { { 0, 0, 0 }, "-" };
	struct vbuf		 o = { NULL, 0, 0, 0 };
	struct diag		*d;
	char			*text = NULL, *line, *nl;
	size_t			 len;
	int			 c, lineno, rc = VB_OK;

	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	if (cli_parse(&opts_sotien_tool, argc, argv, &a, &rc) != 0)
		return rc;
	if ((d = diag_new()) == NULL) {
		fprintf(stderr, vb_tr("%s: out of memory\n"), prog);
		return VB_ESYS;
	}
	if (optind < argc) {
		for (c = optind; c < argc; c++)
			convert(argv[c], NULL, 0, &a.opt, d, &o);
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
				convert(line, "<stdin>", lineno, &a.opt,
				    d, &o);
		}
		free(text);
	}
	if (rc == VB_OK && o.bad) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
		rc = VB_ESYS;
	}
	if (rc == VB_OK && diag_errors(d) > 0)
		rc = VB_EINPUT;
	if (rc == VB_OK && text_write_file(a.out, o.s ? o.s : "", o.len,
	    d) != VB_OK)
		rc = VB_ESYS;
	free(o.s);
	return cli_finish(prog, d, rc);
}
