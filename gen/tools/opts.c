/*
 * opts.c - the command line of each tool: its options (the table
 * cli_parse reads, into the tool's struct of opts.h), the values only it
 * takes, and its help.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "kt/kt.h"
#include "baocao/bc.h"
#include "tools/cli.h"
#include "tools/opts.h"

#define HELP_OPTS \
	{ "help", 'h', CLI_HELP, 0, NULL, NULL }, \
	{ "version", 'V', CLI_VERSION, 0, NULL, NULL }, \
	{ NULL, 0, CLI_FLAG, 0, NULL, NULL }

/* ------------------------------------------------------------------ */
/* vb-render                                                            */
/* ------------------------------------------------------------------ */

static void
render_usage(FILE *fp, const char *prog)
{
	fprintf(fp,
	    vb_tr("usage: %s [-f ENC] [--to pdf|docx] [--dump-layout] [-o OUT.pdf]\n"
	    "       SOURCE.md|-\n"
	    "       %s [-f ENC] [--to pdf|docx] [-d DIR] [-j N] [-q] SOURCE.md...\n"
	    "  -o, --output=FILE    output (default: SOURCE with .pdf or .docx;\n"
	    "                       - = stdout, refused on a terminal); one source\n"
	    "  -d, --output-dir=DIR write DIR/NAME.pdf for each source NAME.md\n"
	    "                       (default: beside each source)\n"
	    "  -j, --jobs=N         documents rendered in parallel (default: cores)\n"
	    "  -q, --quiet          no progress line\n"
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
	{ "to", 0, CLI_CALL, 0, N_("%s: --to takes pdf or docx, not '%s'.\n"),
	    render_to },
	{ "dump-layout", 0, CLI_FLAG, R(dump), NULL, NULL },
	{ "fonts", 0, CLI_STR, R(fonts), NULL, NULL },
	HELP_OPTS
};
#undef R

const struct cli_tool opts_render_tool = {
	"vb-render", render_opts, render_usage
};

/* ------------------------------------------------------------------ */
/* vb-khenthuong                                                        */
/* ------------------------------------------------------------------ */

static void
kt_usage(FILE *fp, const char *prog)
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

/* A repeatable value into v[*n] (at most max). */
static int
opts_add(const char **v, int *n, int max, const char *arg)
{
	if (*n == max)
		return -1;
	v[(*n)++] = arg;
	return 0;
}

static int
kt_so(void *tool, const char *arg)
{
	struct kt_batch *b = &((struct opts_kt *)tool)->b;

	return opts_add(b->so, &b->nso, 64, arg);
}

static int
kt_so_vang(void *tool, const char *arg)
{
	struct kt_batch *b = &((struct opts_kt *)tool)->b;

	return opts_add(b->so_vang, &b->nso_vang, 64, arg);
}

static int
kt_round(void *tool, const char *arg)
{
	return kt_round_parse(arg, &((struct opts_kt *)tool)->b.opt.round);
}

static int
kt_sort(void *tool, const char *arg)
{
	return kt_sort_parse(arg, &((struct opts_kt *)tool)->b.opt.sort);
}

static int
kt_nam(void *tool, const char *arg)
{
	struct kt_opt	*o = &((struct opts_kt *)tool)->b.opt;
	char		*end;

	o->nam = strtol(arg, &end, 10);
	return *arg != '\0' && *end == '\0' && o->nam >= 1945 &&
	    o->nam <= 2200 ? 0 : -1;
}

/* --du-thao[=TEXT]: a draft, its mark TEXT or the template's. */
static int
kt_du_thao(void *tool, const char *arg)
{
	((struct opts_kt *)tool)->b.opt.du_thao = arg && *arg ? arg : "true";
	return 0;
}

/* --phoi-nen[=FILE.png]: the preview, over FILE or the layout's. */
static int
kt_phoi_nen(void *tool, const char *arg)
{
	struct kt_batch *b = &((struct opts_kt *)tool)->b;

	b->phoi_nen = 1;
	b->nen = arg;
	return 0;
}

#define K(f) offsetof(struct opts_kt, b.f)
static const struct cli_opt kt_opts[] = {
	{ "output-dir", 'd', CLI_STR, K(outdir), NULL, NULL },
	{ "output", 'o', CLI_STR, K(outfile), NULL, NULL },
	{ "encoding", 'f', CLI_ENC, K(enc), NULL, NULL },
	{ "jobs", 'j', CLI_JOBS, K(jobs), NULL, NULL },
	{ "quiet", 'q', CLI_FLAG, offsetof(struct opts_kt, quiet), NULL, NULL },
	{ "pdf", 0, CLI_FLAG, K(pdf), NULL, NULL },
	{ "docx", 0, CLI_FLAG, K(docx), NULL, NULL },
	{ "phoi", 0, CLI_FLAG, K(phoi), NULL, NULL },
	{ "phoi-can", 0, CLI_FLAG, K(phoi_can), NULL, NULL },
	{ "phoi-nen", 0, CLI_CALL_OPT, 0, NULL, kt_phoi_nen },
	{ "so-vang", 0, CLI_CALL, 0, N_("%s: too many --so-vang\n"),
	    kt_so_vang },
	{ "dump-layout", 0, CLI_FLAG, K(phoi_dump), NULL, NULL },
	{ "sheet", 0, CLI_STR, K(sheet), NULL, NULL },
	{ "ngay", 0, CLI_DATE, K(opt.ngay), N_("%s: --ngay: \"%s\" is not a "
	    "date (write 28/12/2020 or 2020-12-28)\n"), NULL },
	{ "so", 0, CLI_CALL, 0, N_("%s: too many --so\n"), kt_so },
	{ "du-thao", 0, CLI_CALL_OPT, 0, NULL, kt_du_thao },
	{ "luong-co-so", 0, CLI_AMOUNT, K(opt.luong), N_("%s: --luong-co-so: "
	    "\"%s\" is not an amount (write 1490000, 1.490.000 or 1.490.000 "
	    "đồng)\n"), NULL },
	{ "lam-tron", 0, CLI_CALL, 0, N_("%s: --lam-tron: \"%s\": use len "
	    "(up) or gan (nearest)\n"), kt_round },
	{ "phong-trao", 0, CLI_STR, K(opt.phong_trao), NULL, NULL },
	{ "sap-xep", 0, CLI_CALL, 0, N_("%s: --sap-xep: \"%s\": use nhap, ten "
	    "or don-vi\n"), kt_sort },
	{ "cho-trung", 0, CLI_FLAG, K(cho_trung), NULL, NULL },
	{ "nam", 0, CLI_CALL, 0, N_("%s: --nam: \"%s\" is not a year (write "
	    "2026)\n"), kt_nam },
	{ "ghi-de", 0, CLI_FLAG, K(ghi_de), NULL, NULL },
	{ "khoi-tao", 0, CLI_STR, K(khoi_tao), NULL, NULL },
	{ "cap", 0, CLI_STR, K(cap), NULL, NULL },
	{ "to-trinh", 0, CLI_FLAG, K(to_trinh), NULL, NULL },
	{ "config", 0, CLI_STR, K(config), NULL, NULL },
	{ "template", 0, CLI_STR, K(opt.skeleton), NULL, NULL },
	{ "templates", 0, CLI_STR, K(templates), NULL, NULL },
	{ "data", 0, CLI_STR, K(templates), NULL, NULL },
	{ "fonts", 0, CLI_STR, offsetof(struct opts_kt, fonts), NULL, NULL },
	{ "font-dir", 0, CLI_STR, offsetof(struct opts_kt, fonts), NULL, NULL },
	HELP_OPTS
};
#undef K

const struct cli_tool opts_kt_tool = {
	"vb-khenthuong", kt_opts, kt_usage
};

/* ------------------------------------------------------------------ */
/* vb-baocao                                                            */
/* ------------------------------------------------------------------ */

static void
bc_usage(FILE *fp, const char *prog)
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
	    "  -d, --output-dir DIR;  -q, --quiet (no progress, no last line)\n"
	    "  -f, --encoding ENC of the input tables (default: detected)\n"
	    "  --sheet NAME|N     the sheet of Excel workbooks (.xlsx, .xls)\n"
	    "  --templates DIR, --fonts DIR, --config FILE\n"
	    "  --lang=vi|en         messages in Vietnamese or English\n"
	    "  -h, --help;  -V, --version\n"
	    "Exit: 0 done, 1 bad input (nothing written), 2 usage, 3 I/O.\n"),
	    prog, prog, prog);
}

static int
bc_ky(void *tool, const char *arg)
{
	struct bc_args *a = &((struct opts_bc *)tool)->a;

	return (a->have_ky = bc_ky_parse(arg, &a->ky) == 0) ? 0 : -1;
}

static int
bc_nam(void *tool, const char *arg)
{
	struct bc_args	*a = &((struct opts_bc *)tool)->a;
	char		*e;

	a->nam = (int)strtol(arg, &e, 10);
	return *e != '\0' || a->nam < 1945 || a->nam > 2999 ? -1 : 0;
}

static int
bc_mau_csv(void *tool, const char *arg)
{
	struct bc_args *a = &((struct opts_bc *)tool)->a;

	(void)arg;
	a->mau = a->mau_csv = 1;
	return 0;
}

static int
bc_khen_thuong(void *tool, const char *arg)
{
	struct opts_bc *o = tool;

	if (o->a.nkhen_thuong == sizeof(o->kt) / sizeof(o->kt[0]))
		return -1;
	o->kt[o->a.nkhen_thuong++] = (char *)arg;
	o->a.khen_thuong = o->kt;
	return 0;
}

#define B(f) offsetof(struct opts_bc, a.f)
static const struct cli_opt bc_opts[] = {
	{ "ky", 0, CLI_CALL, 0, N_("%s: --ky: use Q1, Q2, Q3, Q4, 6T or NAM, "
	    "not \"%s\"\n"), bc_ky },
	{ "nam", 0, CLI_CALL, 0, N_("%s: --nam: not a year: \"%s\"\n"),
	    bc_nam },
	{ "ngay", 0, CLI_DATE, B(ngay), N_("%s: --ngay: write 30/06/2020 or "
	    "2020-06-30, not \"%s\"\n"), NULL },
	{ "don-vi", 0, CLI_STR, B(units), NULL, NULL },
	{ "mau", 0, CLI_FLAG, B(mau), NULL, NULL },
	{ "mau-csv", 0, CLI_CALL_FLAG, 0, NULL, bc_mau_csv },
	{ "khen-thuong", 0, CLI_CALL, 0, N_("%s: --khen-thuong: at most 64 "
	    "registers; one more is \"%s\"\n"), bc_khen_thuong },
	{ "han", 0, CLI_DATE, B(han), N_("%s: --han: write 30/06/2020 or "
	    "2020-06-30, not \"%s\"\n"), NULL },
	{ "du-thao", 0, CLI_FLAG, B(du_thao), NULL, NULL },
	{ "khoi-tao", 0, CLI_STR, offsetof(struct opts_bc, khoi_tao), NULL,
	    NULL },
	{ "pdf", 0, CLI_FLAG, B(pdf), NULL, NULL },
	{ "docx", 0, CLI_FLAG, B(docx), NULL, NULL },
	{ "templates", 0, CLI_STR, B(templates), NULL, NULL },
	{ "fonts", 0, CLI_STR, offsetof(struct opts_bc, fonts), NULL, NULL },
	{ "config", 0, CLI_STR, B(config), NULL, NULL },
	{ "output-dir", 'd', CLI_STR, B(outdir), NULL, NULL },
	{ "jobs", 'j', CLI_JOBS, B(jobs), N_("%s: -j: a number from 1 to 64, "
	    "not \"%s\"\n"), NULL },
	{ "quiet", 'q', CLI_FLAG, offsetof(struct opts_bc, quiet), NULL, NULL },
	{ "encoding", 'f', CLI_ENC, B(enc), N_("%s: unknown encoding "
	    "\"%s\"\n"), NULL },
	{ "sheet", 0, CLI_STR, B(sheet), NULL, NULL },
	HELP_OPTS
};
#undef B

const struct cli_tool opts_bc_tool = {
	"vb-baocao", bc_opts, bc_usage
};
