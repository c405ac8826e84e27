/*
 * vb-render - a document source (YAML front matter + CommonMark) to an
 * official PDF in the format of Nghị định 30/2020, or to an editable Word
 * file (DOCX) in the same format.
 *
 *   vb-render [options] SOURCE.md|-
 *   vb-render [options] SOURCE.md...
 *
 * Several sources are rendered by render_files (-j worker processes, in
 * chunks, so that memory stays flat however many there are); each source
 * is judged on its own: the good ones are written, the bad ones named,
 * and the exit status is the worst.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "vanban.h"
#include "tools/cli.h"

static const char *prog = "vb-render";

static void
usage(FILE *fp)
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
	    "  --to=FORMAT          pdf (default) or docx, an editable Word file;\n"
	    "                       an -o name ending in .docx chooses docx\n"
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


/* The command line. */
struct args {
	const char	*out;     /* -o FILE, or NULL */
	const char	*outdir;  /* -d DIR, or NULL */
	const char	*fonts;   /* --fonts DIR, or NULL */
	const char	*gop;     /* --gop FILE.pdf: all in one, or NULL */
	enum text_enc	 enc;     /* -f */
	int		 to;      /* --to (enum render_format); -1: not given */
	int		 dump;    /* --dump-layout */
	int		 jobs;    /* -j: worker processes */
	int		 quiet;   /* -q: no progress line */
	char	       **src;     /* the sources, as given */
	size_t		 n;       /* their number */
};

/* The combinations of options and sources allowed; -1 after a message
 * (usage error). */
static int
check_args(const struct args *a)
{
	size_t i;

	if (a->n == 0) {
		cli_see_help(prog);
		return -1;
	}
	if (a->out != NULL && a->outdir != NULL) {
		fprintf(stderr, vb_tr("%s: -o and -d exclude each other: -o names "
		    "the output of one source, -d a folder for them\n"), prog);
		return -1;
	}
	if (a->n > 1 && a->out != NULL) {
		fprintf(stderr, vb_tr("%s: -o names one output but %zu sources are "
		    "given: write them beside their sources, or give -d DIR\n"),
		    prog, a->n);
		return -1;
	}
	if (a->dump && a->gop != NULL) {
		fprintf(stderr, vb_tr("%s: --gop writes a PDF: not with "
		    "--dump-layout\n"), prog);
		return -1;
	}
	if (a->dump && (a->n > 1 || a->outdir != NULL)) {
		fprintf(stderr, vb_tr("%s: --dump-layout takes one source and writes "
		    "to standard output or -o, not -d\n"), prog);
		return -1;
	}
	for (i = 0; i < a->n; i++)
		if (strcmp(a->src[i], "-") == 0 &&
		    (a->n > 1 || a->outdir != NULL)) {
			fprintf(stderr, vb_tr("%s: - (standard input) is a source "
			    "only alone and without -d\n"), prog);
			return -1;
		}
	return 0;
}

/* Parse the command line into a; -1: exit with *rc. */
static int
parse_args(int argc, char **argv, struct args *a, int *rc)
{
	static const struct option lo[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "output-dir", required_argument, NULL, 'd' },
		{ "encoding", required_argument, NULL, 'f' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "to", required_argument, NULL, 't' },
		{ "dump-layout", no_argument, NULL, 'D' },
		{ "fonts", required_argument, NULL, 'F' },
		{ "gop", required_argument, NULL, 'g' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	*rc = VB_EUSAGE;
	while ((ch = getopt_long(argc, argv, "d:f:hj:o:qV", lo, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (cli_encoding(prog, optarg, &a->enc) != 0)
				return -1;
			break;
		case 'j':
			if (cli_jobs(prog, optarg, &a->jobs) != 0)
				return -1;
			break;
		case 'o': a->out = optarg; break;
		case 'd': a->outdir = optarg; break;
		case 'q': a->quiet = 1; break;
		case 't':
			if (strcmp(optarg, "pdf") == 0)
				a->to = RENDER_PDF;
			else if (strcmp(optarg, "docx") == 0)
				a->to = RENDER_DOCX;
			else {
				fprintf(stderr, vb_tr("%s: --to takes pdf or docx, "
				    "not '%s'.\n"), prog, optarg);
				return -1;
			}
			break;
		case 'D': a->dump = 1; break;
		case 'F': a->fonts = optarg; break;
		case 'g':
			if (cli_gop(prog, optarg, &a->gop) != 0)
				return -1;
			break;
		case 'h': usage(stdout); *rc = VB_OK; return -1;
		case 'V': puts("vb-render " VB_VERSION); *rc = VB_OK; return -1;
		default: cli_bad_option(prog, argv); return -1;
		}
	}
	a->src = argv + optind;
	a->n = (size_t)(argc - optind);
	return check_args(a);
}

static void
names_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i]);
	free(v);
}

/* The output of each source: -o; standard output for --dump-layout and
 * for -; DIR/NAME.pdf under -d; else beside the source (default_output).
 * Malloc'd names, NULL when out of memory. */
static char **
out_names(const struct args *a, int format)
{
	char	**o, *def;
	size_t	  i;

	if ((o = calloc(a->n, sizeof(*o))) == NULL)
		return NULL;
	for (i = 0; i < a->n; i++) {
		const char *s = a->src[i], *base;

		if (a->out != NULL)
			o[i] = strdup(a->out);
		else if (a->dump || strcmp(s, "-") == 0)
			o[i] = strdup("-");
		else if ((def = default_output(s, format)) == NULL)
			o[i] = NULL;
		else if (a->outdir == NULL)
			o[i] = def;
		else {
			base = strrchr(def, '/') ? strrchr(def, '/') + 1 : def;
			if (asprintf(&o[i], "%s/%s", a->outdir, base) < 0)
				o[i] = NULL;
			free(def);
		}
		if (o[i] == NULL) {
			names_free(o, i);
			return NULL;
		}
	}
	return o;
}

/* Render every source to its output, with a progress line on a terminal
 * when there are several; the worst result. */
static int
run(const struct args *a, const struct render_opt *opt, char **outs,
    struct diag *d)
{
	struct cli_progress	 pr;
	int			 rc;

	cli_progress_init(&pr, prog, opt->format == RENDER_DOCX ? "DOCX" :
	    "PDF", a->quiet || a->n == 1);
	rc = render_files(opt, a->enc, a->src, outs, a->n, a->jobs, a->gop,
	    cli_progress, &pr, d);
	cli_progress_end(&pr);
	return rc;
}

int
main(int argc, char **argv)
{
	struct args		 a;
	struct render_opt	 opt;
	struct diag		*d;
	char			**outs = NULL, *fonts = NULL;
	int			 rc;

	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	memset(&a, 0, sizeof(a));
	a.enc = TEXT_ENC_AUTO;
	a.to = -1;
	a.jobs = cli_cores();
	if (parse_args(argc, argv, &a, &rc) != 0)
		return rc;
	memset(&opt, 0, sizeof(opt));
	opt.dump_layout = a.dump;
	opt.format = a.to >= 0 ? a.to : format_of(a.out);
	if ((d = diag_new()) == NULL ||
	    (outs = out_names(&a, opt.format)) == NULL ||
	    (fonts = render_find_fonts(a.fonts)) == NULL) {
		fprintf(stderr, vb_tr("%s: out of memory\n"), prog);
		return VB_ESYS;
	}
	opt.font_dir = fonts;
	if ((!a.dump && cli_no_tty(prog, outs[0]) != 0) ||
	    cli_epoch(prog, &opt.epoch) != 0)
		rc = VB_EUSAGE;
	else if (a.n == 1 && text_same_file(a.src[0], outs[0])) {
		diag_add(d, DIAG_ERROR, outs[0], 0, 0, "the output would "
		    "replace the source: give another -o");
		rc = VB_EUSAGE;
	} else if (a.n > 1 && (rc = render_files_check(a.src, outs, a.n,
	    d)) != 0)
		rc = rc == VB_ESYS ? VB_ESYS : VB_EUSAGE;
	else if (a.outdir == NULL ||
	    (rc = vb_mkdir_p(a.outdir, d)) == VB_OK)
		rc = run(&a, &opt, outs, d);
	names_free(outs, a.n);
	free(fonts);
	return cli_finish(prog, d, rc);
}
