/*
 * vb-khenthuong - commendation decision drafts from a nominee list.
 *
 *   vb-khenthuong [options] NOMINEES.csv
 *
 * One decision source (Markdown + YAML) per award form present in the
 * list, annex included, into -d DIR as DIR/<code>.md (or -o FILE when
 * the list holds one form); --pdf also renders each to DIR/<code>.pdf.
 * The whole run is kt_batch_run: nothing is written on any error.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vanban.h"
#include "kt/kt.h"
#include "tools/cli.h"

static const char *prog = "vb-khenthuong";

static void
usage(FILE *fp)
{
	char *cols = kt_list_help();

	fprintf(fp,
	    vb_tr("usage: %s [options] NOMINEES.csv\n"
	    "       %s --khoi-tao DIR [--cap tinh|so|xa]\n"
	    "Draft one commendation decision (quyết định khen thưởng) per award\n"
	    "form of the nominee list, with its annex, amounts and căn cứ.\n"
	    "  -d, --output-dir=DIR  write DIR/<form code>.md for every form\n"
	    "  -o, --output=FILE     write the one decision to FILE (- = stdout)\n"
	    "  --pdf                 also render each to a .pdf beside the .md\n"
	    "  --docx                also write each as a Word file (.docx)\n"
	    "  --gop=ALL.pdf         also one PDF of every decision, in order, to\n"
	    "                        print (each keeps its page numbers)\n"
	    "  --phoi                the certificates to print onto the blanks:\n"
	    "                        phoi-<form>.pdf, one page per awardee\n"
	    "  --phoi-can            a calibration page: phoi-<form>-can-le.pdf\n"
	    "  --phoi-nen[=FILE.png] a preview over the scanned blank (default:\n"
	    "                        the layout's nen:): phoi-<form>-xem-truoc.pdf\n"
	    "  --so-vang=N|FORM=N    first number in the register (số sổ vàng)\n"
	    "  --dump-layout         print the certificates' layout, no PDF\n"
	    "  -j, --jobs=N          PDFs rendered in parallel (default: cores)\n"
	    "  -q, --quiet           no progress line\n"
	    "  --ngay=DATE           decision date, 28/12/2020 or 2020-12-28 (law,\n"
	    "                        base salary; default today)\n"
	    "  --so=N|FORM=N         number (FORM=N per form code; repeatable)\n"
	    "  --du-thao[=TEXT]      a draft: no number nor day, DỰ THẢO mark\n"
	    "  --luong-co-so=VND     base salary instead of the table's\n"
	    "                        (2340000, 2.340.000 or 2.340.000 đồng)\n"
	    "  --lam-tron=len|gan    round up (default) or to the nearest unit\n"
	    "  --phong-trao=TEXT     the movement or year named in Điều 1\n"
	    "  --nam=YYYY            the movement's year (default: the date's)\n"
	    "  --sap-xep=nhap|ten|don-vi  order of the annex (default: nhap)\n"
	    "  --cho-trung           allow one person twice for one form\n"
	    "  --ghi-de              overwrite sources edited since written\n"
	    "  --config=FILE         YAML front-matter defaults (co_quan, ky, ...)\n"
	    "  --template=FILE       skeleton to use instead of the form's own\n"
	    "  --templates=DIR       templates folder (default: $VB_TEMPLATES,\n"
	    "                        beside the program, the build tree)\n"
	    "  -f, --encoding=ENC    encoding of the list (default: detected)\n"
	    "  --sheet=NAME|N        the sheet of an Excel list (.xlsx, .xls)\n"
	    "  --fonts=DIR           fonts for --pdf (default: $VB_FONT_DIR, ...)\n"
	    "  --lang=vi|en         messages in Vietnamese or English\n"
	    "  -h, --help            this help\n"
	    "  -V, --version         the version\n"
	    "  --khoi-tao=DIR        write DIR/cau-hinh.yaml (a commented config\n"
	    "                        for a new province) and DIR/danh-sach.csv\n"
	    "  --cap=tinh|so|xa      with --khoi-tao: the config of a province\n"
	    "                        (default), a department or a commune\n"
	    "  --to-trinh            also write to-trinh.md (and its PDF, DOCX):\n"
	    "                        the advising body's Tờ trình proposing the\n"
	    "                        awards; every run with -d or -o FILE writes\n"
	    "                        so-dang-ky.csv, the register of the decisions\n"

	    "The list's columns, named by key or by a Vietnamese heading, in\n"
	    "any order (other columns, such as STT, are ignored):\n%s"
	    "Environment: VB_TEMPLATES, VB_FONT_DIR, SOURCE_DATE_EPOCH.\n"
	    "Exit: 0 done, 1 bad input (nothing written), 2 usage, 3 I/O.\n"),
	    prog, prog, cols ? cols : "");
	free(cols);
}

/* Today as yyyymmdd (local time). */
static vb_date
today(void)
{
	time_t		 t = time(NULL);
	struct tm	*tm = localtime(&t);

	if (tm == NULL)
		return 20200101;
	return (long)(tm->tm_year + 1900) * 10000 + (tm->tm_mon + 1) * 100 +
	    tm->tm_mday;
}

/* The value of one option of the decisions (not of the run); 0, or -1
 * after a message. */
static int
decision_opt(int c, const char *arg, struct kt_opt *o)
{
	unsigned long long	 amount;
	char			*end;

	switch (c) {
	case 'N':
		if (vb_date_parse(arg, &o->ngay) == 0)
			return o->ngay_given = 1, 0;
		fprintf(stderr, vb_tr("%s: --ngay: \"%s\" is not a date (write "
		    "28/12/2020 or 2020-12-28)\n"), prog, arg);
		return -1;
	case 'L':
		if (cli_amount(arg, &amount) == 0 && amount != 0)
			return o->luong = amount, 0;
		fprintf(stderr, vb_tr("%s: --luong-co-so: \"%s\" is not an amount "
		    "(write 1490000, 1.490.000 or 1.490.000 đồng)\n"), prog, arg);
		return -1;
	case 'R':
		if (kt_round_parse(arg, &o->round) == 0)
			return 0;
		fprintf(stderr, vb_tr("%s: --lam-tron: \"%s\": use len (up) or gan "
		    "(nearest)\n"), prog, arg);
		return -1;
	case 'S':
		if (kt_sort_parse(arg, &o->sort) == 0)
			return 0;
		fprintf(stderr, vb_tr("%s: --sap-xep: \"%s\": use nhap, ten or "
		    "don-vi\n"), prog, arg);
		return -1;
	case 'Y':
		o->nam = strtol(arg, &end, 10);
		if (*arg != '\0' && *end == '\0' && o->nam >= 1945 &&
		    o->nam <= 2200)
			return 0;
		fprintf(stderr, vb_tr("%s: --nam: \"%s\" is not a year (write "
		    "2026)\n"), prog, arg);
		return -1;
	case 'T': o->du_thao = arg && *arg ? arg : "true"; return 0;
	case 'P': o->phong_trao = arg; return 0;
	case 'K': o->skeleton = arg; return 0;
	}
	return -1;
}

/* The long options (every one has its long form). */
static const struct option lo[] = {
	{ "output-dir", required_argument, NULL, 'd' },
	{ "output", required_argument, NULL, 'o' },
	{ "encoding", required_argument, NULL, 'f' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "pdf", no_argument, NULL, 'p' },
	{ "docx", no_argument, NULL, 'X' },
	{ "gop", required_argument, NULL, 'g' },
	{ "phoi", no_argument, NULL, 'C' },
	{ "phoi-can", no_argument, NULL, 'A' },
	{ "phoi-nen", optional_argument, NULL, 'G' },
	{ "so-vang", required_argument, NULL, 'v' },
	{ "dump-layout", no_argument, NULL, 'U' },
	{ "sheet", required_argument, NULL, 'Z' },
	{ "ngay", required_argument, NULL, 'N' },
	{ "so", required_argument, NULL, 's' },
	{ "du-thao", optional_argument, NULL, 'T' },
	{ "luong-co-so", required_argument, NULL, 'L' },
	{ "lam-tron", required_argument, NULL, 'R' },
	{ "phong-trao", required_argument, NULL, 'P' },
	{ "sap-xep", required_argument, NULL, 'S' },
	{ "cho-trung", no_argument, NULL, 'D' },
	{ "nam", required_argument, NULL, 'Y' },
	{ "ghi-de", no_argument, NULL, 'W' },
	{ "khoi-tao", required_argument, NULL, 'I' },
	{ "cap", required_argument, NULL, 'B' },
	{ "to-trinh", no_argument, NULL, 'E' },
	{ "config", required_argument, NULL, 'c' },
	{ "template", required_argument, NULL, 'K' },
	{ "templates", required_argument, NULL, 't' },
	{ "data", required_argument, NULL, 't' },
	{ "fonts", required_argument, NULL, 'F' },
	{ "font-dir", required_argument, NULL, 'F' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* Parse the command line into b; -1: exit with *rc. */
static int
parse_args(int argc, char **argv, struct kt_batch *b, const char **fonts,
    int *quiet, int *rc)
{
	int c;

	*rc = VB_EUSAGE;
	while ((c = getopt_long(argc, argv, "d:o:f:j:qhV", lo, NULL)) != -1) {
		switch (c) {
		case 'd': b->outdir = optarg; break;
		case 'o': b->outfile = optarg; break;
		case 'f':
			if (cli_encoding(prog, optarg, &b->enc) != 0)
				return -1;
			break;
		case 'j':
			if (cli_jobs(prog, optarg, &b->jobs) != 0)
				return -1;
			break;
		case 'q': *quiet = 1; break;
		case 'D': b->cho_trung = 1; break;
		case 'W': b->ghi_de = 1; break;
		case 'I': b->khoi_tao = optarg; break;
		case 'B': b->cap = optarg; break;
		case 'E': b->to_trinh = 1; break;
		case 'p': b->pdf = 1; break;
		case 'X': b->docx = 1; break;
		case 'g':
			if (cli_gop(prog, optarg, &b->gop) != 0)
				return -1;
			break;
		case 'C': b->phoi = 1; break;
		case 'A': b->phoi_can = 1; break;
		case 'G': b->phoi_nen = 1; b->nen = optarg; break;
		case 'U': b->phoi_dump = 1; break;
		case 'v':
			if (b->nso_vang == (int)(sizeof(b->so_vang) /
			    sizeof(b->so_vang[0]))) {
				fprintf(stderr, vb_tr("%s: too many --so-vang\n"), prog);
				return -1;
			}
			b->so_vang[b->nso_vang++] = optarg;
			break;
		case 'Z': b->sheet = optarg; break;
		case 's':
			if (b->nso == (int)(sizeof(b->so) / sizeof(b->so[0]))) {
				fprintf(stderr, vb_tr("%s: too many --so\n"), prog);
				return -1;
			}
			b->so[b->nso++] = optarg;
			break;
		case 'c': b->config = optarg; break;
		case 't': b->templates = optarg; break;
		case 'F': *fonts = optarg; break;
		case 'h': usage(stdout); *rc = VB_OK; return -1;
		case 'V': printf("%s %s\n", prog, VB_VERSION); *rc = VB_OK;
			return -1;
		case 'N': case 'L': case 'R': case 'S': case 'T': case 'P':
		case 'K': case 'Y':
			if (decision_opt(c, optarg, &b->opt) != 0)
				return -1;
			break;
		default: cli_bad_option(prog, argv); return -1;
		}
	}
	if (b->cap != NULL && b->khoi_tao == NULL) {
		fprintf(stderr, vb_tr("%s: --cap goes with --khoi-tao (a run's level "
		    "is its config's cap:)\n"), prog);
		return -1;
	}
	if (b->khoi_tao != NULL && optind == argc)
		return 0;
	if (optind != argc - 1) {
		fprintf(stderr, vb_tr("%s: give one nominee list (CSV)\n"), prog);
		cli_see_help(prog);
		return -1;
	}
	b->list = argv[optind];
	if (b->outfile && b->outdir) {
		fprintf(stderr, vb_tr("%s: -o and -d exclude each other\n"), prog);
		return -1;
	}
	if ((b->pdf || b->docx || b->phoi || b->phoi_can || b->phoi_nen) &&
	    b->outfile && strcmp(b->outfile, "-") == 0) {
		fprintf(stderr, vb_tr("%s: --pdf, --docx and --phoi need a file or "
		    "-d DIR, not stdout\n"), prog);
		return -1;
	}
	return 0;
}

/* What was made: one line per decision of the run's register
 * (so-dang-ky.csv, written by kt_batch_run: the figures the decisions
 * hold, not counted again), then the totals. */
static void
summary(const struct kt_batch *b)
{
	struct diag		*scratch = diag_new();
	struct kt_reg		*v = NULL;
	char			*dir = NULL, *path = NULL, *m;
	const char		*sl, *pre;
	size_t			 len, n = 0, r;
	unsigned long long	 sum[3] = { 0, 0, 0 };

	if (b->outdir != NULL)
		dir = strdup(b->outdir);
	else if (b->outfile != NULL && strcmp(b->outfile, "-") != 0)
		dir = (sl = strrchr(b->outfile, '/')) == NULL ? strdup(".") :
		    strndup(b->outfile, (size_t)(sl - b->outfile) + 1);
	if (scratch == NULL || dir == NULL ||
	    kt_register_read(dir, scratch, &v, &n) != VB_OK)
		goto out;
	/* The files named as given: "ra/x.md", "x.md" beside -o x.md. */
	len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		dir[--len] = '\0';
	if (asprintf(&path, "%s/", dir) < 0)
		goto out;
	pre = b->outdir == NULL && strchr(b->outfile, '/') == NULL ? "" : path;
	fprintf(stderr, vb_ntr("%s: %zu decision:\n", "%s: %zu decisions:\n",
	    n), prog, n);
	for (r = 0; r < n; r++) {
		sum[0] += v[r].tap_the;
		sum[1] += v[r].ca_nhan;
		sum[2] += v[r].tien;
		m = sotien_figures(v[r].tien);
		fprintf(stderr, vb_tr("  %s%s  %s: %llu collective(s), %llu "
		    "person(s), %s đồng\n"), pre, v[r].tep,
		    *v[r].so_ky_hieu ? v[r].so_ky_hieu : vb_tr("no number"),
		    v[r].tap_the, v[r].ca_nhan, m ? m : "?");
		free(m);
	}
	m = sotien_figures(sum[2]);
	fprintf(stderr, vb_tr("  total: %llu collective(s), %llu person(s), "
	    "%s đồng\n"), sum[0], sum[1], m ? m : "?");
	free(m);
out:
	kt_register_free(v, n);
	free(path);
	free(dir);
	diag_free(scratch);
}

int
main(int argc, char **argv)
{
	struct kt_batch		 b;
	struct cli_progress	 pr;
	struct diag		*d;
	const char		*fonts = NULL;
	char			*fdir = NULL;
	int			 rc, quiet = 0;

	if (cli_lang(prog, &argc, argv) != 0)
		return VB_EUSAGE;
	memset(&b, 0, sizeof(b));
	b.enc = TEXT_ENC_AUTO;
	b.jobs = cli_cores();
	b.opt.round = b.opt.sort = -1;
	if (parse_args(argc, argv, &b, &fonts, &quiet, &rc) != 0)
		return rc;
	if (!b.opt.ngay_given)
		b.opt.ngay = today();
	if (cli_epoch(prog, &b.ropt.epoch) != 0)
		return VB_EUSAGE;
	if ((d = diag_new()) == NULL || (fdir = render_find_fonts(fonts)) ==
	    NULL) {
		fprintf(stderr, vb_tr("%s: out of memory\n"), prog);
		return VB_ESYS;
	}
	b.ropt.font_dir = fdir;
	cli_progress_init(&pr, prog, "PDF", quiet);
	b.progress = cli_progress;
	b.progress_arg = &pr;
	rc = kt_batch_run(&b, d);
	cli_progress_end(&pr);
	free(fdir);
	rc = cli_finish(prog, d, rc);
	if (rc == VB_OK && !quiet && b.khoi_tao == NULL && !b.phoi_dump)
		summary(&b);
	return rc;
}
