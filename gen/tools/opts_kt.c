/*
 * opts_kt.c - vb-khenthuong's command line: its options (the table
 * cli_parse reads, into struct opts_kt), the values only it takes, and
 * its help.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "kt/kt.h"
#include "baocao/bc.h"
#include "tools/cli.h"
#include "tools/opts_gen.h"

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
	{ "gop", 0, CLI_GOP, K(gop), NULL, NULL },
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
	CLI_HELP_OPTS
};
#undef K

const struct cli_tool opts_kt_tool = {
	"vb-khenthuong", kt_opts, kt_usage
};
