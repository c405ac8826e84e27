/* vb-baocao - progress reports (BÁO CÁO) per unit and the province
 * summary from the plan's task table, or the empty forms.  vb-baocao(1). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "vanban.h"
#include "tools/cli.h"
#include "baocao/bc.h"
static const char *prog = "vb-baocao";

static void
usage(FILE *fp)
{
	fprintf(fp,
	    vb_tr("usage: %s [options] --ky KY TASKS.csv PROGRESS.csv... -d DIR\n"
	    "       %s --mau [--ky KY] [options] TASKS.csv [PROGRESS...] -d DIR\n"
	    "       %s --khoi-tao DIR\n"
	    "  --ky Q1|Q2|Q3|Q4|6T|NAM  the period (forms: every quarter)\n"
	    "  --nam YYYY         the year (default: the tables')\n"
	    "  --ngay DATE        date of the reports, 30/06/2020 or 2020-06-30\n"
	    "                     (default: blank)\n"
	    "  --don-vi FILE      the units (CSV or YAML)\n"
	    "  --khen-thuong FILE vb-khenthuong's register (so-dang-ky.csv)\n"
	    "  --han DATE         the reminder's deadline (default: 5 working\n"
	    "                     days after --ngay)\n"
	    "  --du-thao          drafts: settings left \"…\" only warn\n"
	    "  --mau              write the progress forms (.xlsx); with the\n"
	    "                     earlier forms, their unfinished tasks carried\n"
	    "  --mau-csv          the forms as CSV (UTF-8 with BOM)\n"
	    "  --khoi-tao DIR     write a config and a units file to start from\n"
	    "  --pdf, -j N        also render PDFs, N at a time (--jobs)\n"
	    "  --docx             also write each as a Word file (.docx)\n"
	    "  --gop ALL.pdf      also one PDF of every document, in order, to\n"
	    "                     print (each keeps its page numbers)\n"
	    "  -d, --output-dir DIR;  -q, --quiet (no progress, no last line)\n"
	    "  -f, --encoding ENC of the input tables (default: detected)\n"
	    "  --sheet NAME|N     the sheet of Excel workbooks (.xlsx, .xls)\n"
	    "  --templates DIR, --fonts DIR, --config FILE\n"
	    "  --lang=vi|en         messages in Vietnamese or English\n"
	    "  -h, --help;  -V, --version\n"
	    "Exit: 0 done, 1 bad input (nothing written), 2 usage, 3 I/O.\n"),
	    prog, prog, prog);
}

/* A bad option value: the message, and exit status 2. */
static int
bad(const char *what, const char *arg)
{
	fprintf(stderr, "%s: %s \"%s\"\n", prog, what, arg);
	return VB_EUSAGE;
}

/* The task table and the progress tables after the options; -1 after a
 * usage message. */
static int
operands(struct bc_args *a, int argc, char **argv)
{
	if (optind >= argc || a->outdir == NULL ||
	    (a->mau ? optind + 1 > argc : optind + 2 > argc || !a->have_ky)) {
		fprintf(stderr, "%s: %s\n", prog, a->mau ? vb_tr("give the task "
		    "table and -d DIR") : vb_tr("give --ky, the task table, the "
		    "progress table(s) and -d DIR"));
		cli_see_help(prog);
		return -1;
	}
	if (a->gop != NULL && cli_gop(prog, a->gop, &a->gop) != 0)
		return -1;
	a->tasks = argv[optind];
	a->progress = argv + optind + 1;
	a->nprogress = (size_t)(argc - optind - 1);
	return 0;
}

/* The last line: what was written. */
static void
said(const struct bc_args *a)
{
	char label[64];

	bc_ky_label(a->ky, a->nam_used, 0, label, sizeof(label));
	if (a->mau)
		fprintf(stderr, vb_tr("%s: wrote %zu progress forms to %s/\n"), prog,
		    a->n_csv, a->outdir);
	else
		fprintf(stderr, vb_tr("%s: wrote %zu reports and the summary "
		    "(tong-hop.md)%s%s to %s/ for %s\n"), prog, a->n_reports,
		    a->n_silent ? vb_tr(" and the reminder (don-doc.md)") : "",
		    a->pdf ? vb_tr(", Markdown and PDF,") : "", a->outdir, label);
}

/* --khoi-tao DIR: a config and a units file to start from. */
static int
bc_khoi_tao(const char *templates, const char *dir)
{
	struct diag	*d;
	char		*tdir;
	int		 rc;

	if ((d = diag_new()) == NULL ||
	    (tdir = bc_find_templates(templates)) == NULL)
		return VB_ESYS;
	rc = bc_init_dir(tdir, dir, d);
	free(tdir);
	cli_finish(prog, d, rc);
	if (rc == VB_OK)
		fprintf(stderr, vb_tr("%s: wrote %s/bao-cao.yaml and %s/don-vi.csv: "
		    "fill in every \"…\", then give --config %s/bao-cao.yaml "
		    "--don-vi %s/don-vi.csv\n"), prog, dir, dir, dir, dir);
	return rc;
}

int
main(int argc, char **argv)
{
	enum { O_KY = 256, O_NAM, O_NGAY, O_DON_VI, O_MAU, O_PDF, O_DOCX, O_TPL,
	    O_FONTS, O_CONFIG, O_MAU_CSV, O_KT, O_HAN, O_DU_THAO, O_KHOI_TAO, O_GOP };
	static const struct option lo[] = {
		{ "ky", required_argument, NULL, O_KY },
		{ "nam", required_argument, NULL, O_NAM },
		{ "ngay", required_argument, NULL, O_NGAY },
		{ "don-vi", required_argument, NULL, O_DON_VI },
		{ "mau", no_argument, NULL, O_MAU },
		{ "mau-csv", no_argument, NULL, O_MAU_CSV },
		{ "khen-thuong", required_argument, NULL, O_KT },
		{ "han", required_argument, NULL, O_HAN },
		{ "du-thao", no_argument, NULL, O_DU_THAO },
		{ "khoi-tao", required_argument, NULL, O_KHOI_TAO },
		{ "pdf", no_argument, NULL, O_PDF },
		{ "docx", no_argument, NULL, O_DOCX },
		{ "gop", required_argument, NULL, O_GOP },
		{ "templates", required_argument, NULL, O_TPL },
		{ "fonts", required_argument, NULL, O_FONTS },
		{ "config", required_argument, NULL, O_CONFIG },
		{ "output-dir", required_argument, NULL, 'd' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "encoding", required_argument, NULL, 'f' },
		{ "sheet", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct bc_args		 a;
	const char		*fonts = NULL;
	struct cli_progress	 pr;
	struct diag		*d;
	int			 c, quiet = 0, rc;
	char			*e, *fdir, *kt[64];
	const char		*khoi_tao = NULL;

	memset(&a, 0, sizeof(a));
	a.jobs = cli_cores();
	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	while ((c = getopt_long(argc, argv, "d:j:qf:hV", lo, NULL)) != -1) {
		switch (c) {
		case O_KY:
			if ((a.have_ky = bc_ky_parse(optarg, &a.ky) == 0) == 0)
				return bad(vb_tr("--ky: use Q1, Q2, Q3, Q4, 6T or NAM, "
				    "not"), optarg);
			break;
		case O_NAM:
			a.nam = (int)strtol(optarg, &e, 10);
			if (*e != '\0' || a.nam < 1945 || a.nam > 2999)
				return bad(vb_tr("--nam: not a year:"), optarg);
			break;
		case O_NGAY:
			if (vb_date_parse(optarg, &a.ngay) != 0)
				return bad(vb_tr("--ngay: write 30/06/2020 "
				    "or 2020-06-30, not"), optarg);
			break;
		case O_DON_VI: a.units = optarg; break;
		case O_MAU: a.mau = 1; break;
		case O_MAU_CSV: a.mau = a.mau_csv = 1; break;
		case O_KT:
			if (a.nkhen_thuong == sizeof(kt) / sizeof(kt[0]))
				return bad(vb_tr("--khen-thuong: at most 64 "
				    "registers; one more is"), optarg);
			kt[a.nkhen_thuong++] = optarg;
			break;
		case O_HAN:
			if (vb_date_parse(optarg, &a.han) != 0)
				return bad(vb_tr("--han: write 30/06/2020 "
				    "or 2020-06-30, not"), optarg);
			break;
		case O_DU_THAO: a.du_thao = 1; break;
		case O_KHOI_TAO: khoi_tao = optarg; break;
		case O_PDF: a.pdf = 1; break;
		case O_DOCX: a.docx = 1; break;
		case O_GOP: a.gop = optarg; break;
		case O_TPL: a.templates = optarg; break;
		case O_FONTS: fonts = optarg; break;
		case O_CONFIG: a.config = optarg; break;
		case 'd': a.outdir = optarg; break;
		case 'j':
			a.jobs = (int)strtol(optarg, &e, 10);
			if (*e != '\0' || a.jobs < 1 || a.jobs > 64)
				return bad(vb_tr("-j: a number from 1 to 64, not"),
				    optarg);
			break;
		case 'q': quiet = 1; break;
		case 'S': a.sheet = optarg; break;
		case 'f':
			if (text_enc_parse(optarg, &a.enc) != 0)
				return bad(vb_tr("unknown encoding"), optarg);
			break;
		case 'h': usage(stdout); return VB_OK;
		case 'V': return printf("%s %s\n", prog, VB_VERSION) < 0;
		default: cli_bad_option(prog, argv); return VB_EUSAGE;
		}
	}
	a.khen_thuong = kt;
	if (khoi_tao != NULL)
		return bc_khoi_tao(a.templates, khoi_tao);
	if (operands(&a, argc, argv) != 0 ||
	    cli_epoch(prog, &a.ropt.epoch) != 0)
		return VB_EUSAGE;
	if ((d = diag_new()) == NULL ||
	    (a.ropt.font_dir = fdir = render_find_fonts(fonts)) == NULL)
		return VB_ESYS;
	cli_progress_init(&pr, prog, "PDF", quiet);
	a.cb = cli_progress;
	a.ctx = &pr;
	rc = bc_run(&a, d);
	free(fdir);
	cli_progress_end(&pr);
	cli_finish(prog, d, rc);
	if (rc == VB_OK && !quiet)
		said(&a);
	return rc;
}
