/*
 * opts_bc.c - vb-baocao's command line: its options (the table
 * cli_parse reads, into struct opts_bc), the values only it takes, and
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
	    "  --don-vi FILE      the units (CSV, YAML or a workbook)\n"
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
	{ "gop", 0, CLI_GOP, B(gop), NULL, NULL },
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
	CLI_HELP_OPTS
};
#undef B

const struct cli_tool opts_bc_tool = {
	"vb-baocao", bc_opts, bc_usage
};
