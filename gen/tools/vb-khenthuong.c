/*
 * vb-khenthuong - commendation decision drafts from a nominee list.
 *
 *   vb-khenthuong [options] NOMINEES.csv
 *
 * One decision source (Markdown + YAML) per award form present in the
 * list, annex included, into -d DIR as DIR/<code>.md (or -o FILE when
 * the list holds one form); --pdf also renders each to DIR/<code>.pdf.
 * The list is checked whole first: on any error nothing is written.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "vanban.h"
#include "kt/kt.h"


static const char *prog = "vb-khenthuong";

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: %s [options] NOMINEES.csv\n"
	    "Draft one commendation decision (quyết định khen thưởng) per award\n"
	    "form of the nominee list, with its annex, amounts and căn cứ.\n"
	    "  -d DIR              write DIR/<form code>.md for every form\n"
	    "  -o FILE             write the one decision to FILE (- = stdout)\n"
	    "  --pdf               also render each to a .pdf beside the .md\n"
	    "  --ngay YYYY-MM-DD   decision date (law, base salary; default today)\n"
	    "  --so N | FORM=N     number (FORM=N per form code; repeatable)\n"
	    "  --du-thao[=TEXT]    a draft: no number nor day, DỰ THẢO mark\n"
	    "  --luong-co-so VND   base salary instead of the table's\n"
	    "  --lam-tron len|gan  round up (default) or to the nearest unit\n"
	    "  --phong-trao TEXT   the movement or year named in Điều 1\n"
	    "  --sap-xep nhap|ten|don-vi  order of the annex (default: nhap)\n"
	    "  --config FILE       YAML front-matter defaults (co_quan, ky, ...)\n"
	    "  --template FILE     skeleton to use instead of the form's own\n"
	    "  --data DIR          templates folder (default: $VB_TEMPLATES,\n"
	    "                      ../templates beside the program, ./templates)\n"
	    "  -f ENC              encoding of the list (default: detected)\n"
	    "  --font-dir DIR      fonts for --pdf (default: $VB_FONT_DIR)\n"
	    "  -h, --help          this help;  --version  the version\n"
	    "Exit: 0 done, 1 bad input (nothing written), 2 usage, 3 I/O.\n",
	    prog);
}

/* Options that are not the library's. */
struct args {
	const char	*outfile;     /* -o */
	const char	*outdir;      /* -d */
	int		 pdf;         /* --pdf */
	const char	*config;      /* --config */
	const char	*data;        /* --data */
	const char	*font_dir;    /* --font-dir */
	enum text_enc	 enc;         /* -f */
	const char	*so[64];      /* --so values, as given */
	int		 nso;
};

/* The number for form f: "FORM=N" for its code, or a plain "N" when it
 * is the only number given.  NULL: none. */
static const char *
number_for(const struct args *a, const struct kt_form *f)
{
	size_t	 n = strlen(f->ma);
	int	 i;

	for (i = 0; i < a->nso; i++)
		if (strncmp(a->so[i], f->ma, n) == 0 && a->so[i][n] == '=')
			return a->so[i] + n + 1;
	for (i = 0; i < a->nso; i++)
		if (strchr(a->so[i], '=') == NULL)
			return a->so[i];
	return NULL;
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

/* path with its extension replaced by ext (".pdf"); malloc'd. */
static char *
with_ext(const char *path, const char *ext)
{
	const char	*dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	size_t		 n = (dot && (!slash || dot > slash)) ?
			    (size_t)(dot - path) : strlen(path);
	char		*s;

	if (asprintf(&s, "%.*s%s", (int)n, path, ext) < 0)
		return NULL;
	return s;
}

/* Print the messages and return rc. */
static int
finish(struct diag *d, int rc)
{
	diag_print(d, stderr, prog);
	diag_free(d);
	return rc;
}

int
main(int argc, char **argv)
{
	enum {
		O_PDF = 256, O_NGAY, O_SO, O_DU_THAO, O_LUONG, O_LAM_TRON,
		O_PHONG_TRAO, O_SAP_XEP, O_CONFIG, O_TEMPLATE, O_DATA,
		O_FONT_DIR, O_VERSION
	};
	static const struct option longopts[] = {
		{ "pdf", no_argument, NULL, O_PDF },
		{ "ngay", required_argument, NULL, O_NGAY },
		{ "so", required_argument, NULL, O_SO },
		{ "du-thao", optional_argument, NULL, O_DU_THAO },
		{ "luong-co-so", required_argument, NULL, O_LUONG },
		{ "lam-tron", required_argument, NULL, O_LAM_TRON },
		{ "phong-trao", required_argument, NULL, O_PHONG_TRAO },
		{ "sap-xep", required_argument, NULL, O_SAP_XEP },
		{ "config", required_argument, NULL, O_CONFIG },
		{ "template", required_argument, NULL, O_TEMPLATE },
		{ "data", required_argument, NULL, O_DATA },
		{ "font-dir", required_argument, NULL, O_FONT_DIR },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 }
	};
	struct args		 a;
	struct kt_opt		 opt;
	struct diag		*d;
	struct kt_data		*kd = NULL;
	struct kt_list		*list = NULL;
	struct render_opt	 ropt;
	char			*tdir = NULL, *text = NULL, **md = NULL,
				**paths = NULL;
	int			*used = NULL, c, rc = VB_OK;
	size_t			 nused = 0, i, len;
	const char		*e;
	char			*fonts = NULL;
	unsigned long long	 amount;

	memset(&a, 0, sizeof(a));
	memset(&opt, 0, sizeof(opt));
	a.enc = TEXT_ENC_AUTO;
	opt.round = opt.sort = -1;
	while ((c = getopt_long(argc, argv, "d:o:f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': a.outdir = optarg; break;
		case 'o': a.outfile = optarg; break;
		case 'f':
			if (text_enc_parse(optarg, &a.enc) != 0) {
				fprintf(stderr, "%s: unknown encoding \"%s\"\n",
				    prog, optarg);
				return VB_EUSAGE;
			}
			break;
		case O_PDF: a.pdf = 1; break;
		case O_NGAY:
			if (vb_date_parse(optarg, &opt.ngay) != 0) {
				fprintf(stderr, "%s: --ngay: \"%s\" is not a "
				    "date (write 2020-12-28)\n", prog, optarg);
				return VB_EUSAGE;
			}
			opt.ngay_given = 1;
			break;
		case O_SO:
			if (a.nso == (int)(sizeof(a.so) / sizeof(a.so[0]))) {
				fprintf(stderr, "%s: too many --so\n", prog);
				return VB_EUSAGE;
			}
			a.so[a.nso++] = optarg;
			break;
		case O_DU_THAO:
			opt.du_thao = optarg && *optarg ? optarg : "true";
			break;
		case O_LUONG:
			if (sotien_parse(optarg, &amount) != 0 || amount == 0) {
				fprintf(stderr, "%s: --luong-co-so: \"%s\" is not "
				    "an amount (write 1490000 or 1.490.000)\n",
				    prog, optarg);
				return VB_EUSAGE;
			}
			opt.luong = amount;
			break;
		case O_LAM_TRON:
			if (kt_round_parse(optarg, &opt.round) != 0) {
				fprintf(stderr, "%s: --lam-tron: \"%s\": use len "
				    "(up) or gan (nearest)\n", prog, optarg);
				return VB_EUSAGE;
			}
			break;
		case O_SAP_XEP:
			if (kt_sort_parse(optarg, &opt.sort) != 0) {
				fprintf(stderr, "%s: --sap-xep: \"%s\": use nhap, "
				    "ten or don-vi\n", prog, optarg);
				return VB_EUSAGE;
			}
			break;
		case O_PHONG_TRAO: opt.phong_trao = optarg; break;
		case O_CONFIG: a.config = optarg; break;
		case O_TEMPLATE: opt.skeleton = optarg; break;
		case O_DATA: a.data = optarg; break;
		case O_FONT_DIR: a.font_dir = optarg; break;
		case 'h': usage(stdout); return VB_OK;
		case O_VERSION:
			printf("%s %s\n", prog, VB_VERSION);
			return VB_OK;
		default: usage(stderr); return VB_EUSAGE;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "%s: give one nominee list (CSV)\n", prog);
		usage(stderr);
		return VB_EUSAGE;
	}
	if (a.outfile && a.outdir) {
		fprintf(stderr, "%s: -o and -d exclude each other\n", prog);
		return VB_EUSAGE;
	}
	if (a.pdf && a.outfile && strcmp(a.outfile, "-") == 0) {
		fprintf(stderr, "%s: --pdf needs a file or -d DIR, not stdout\n",
		    prog);
		return VB_EUSAGE;
	}
	if (!opt.ngay_given)
		opt.ngay = today();
	if ((d = diag_new()) == NULL) {
		fprintf(stderr, "%s: out of memory\n", prog);
		return VB_ESYS;
	}

	/* Data, config, list: everything is checked before any output. */
	if ((tdir = kt_find_templates(a.data)) == NULL)
		return finish(d, VB_ESYS);
	rc = kt_data_load(tdir, d, &kd);
	free(tdir);
	if (rc == VB_OK && a.config != NULL)
		rc = kt_config_load(a.config, kd->config, d);
	if (rc == VB_OK)
		rc = text_read_file(argv[optind], a.enc, d, &text, &len);
	if (rc == VB_OK)
		rc = kt_list_parse(argv[optind], text, len, kd, d, &list);
	free(text);
	if (rc != VB_OK)
		goto out;

	if ((e = tmpl_vars_get(kd->config, "ky_ho_ten")) == NULL || *e == '\0')
		diag_add(d, DIAG_WARNING, a.config, 0, 0, "no signer's name "
		    "(ky: ho_ten:); the decisions leave it blank");
	if ((used = calloc(kd->nforms, sizeof(*used))) == NULL ||
	    (md = calloc(kd->nforms, sizeof(*md))) == NULL ||
	    (paths = calloc(kd->nforms, sizeof(*paths))) == NULL) {
		rc = VB_ESYS;
		goto out;
	}
	nused = kt_forms_used(kd, list, used);
	if (nused > 1 && a.outdir == NULL) {
		diag_add(d, DIAG_ERROR, argv[optind], 0, 0, "the list holds "
		    "%zu award forms: give -d DIR for one decision each", nused);
		rc = VB_EUSAGE;
		goto out;
	}
	for (i = 0; i < (size_t)a.nso; i++) {
		const char	*eq = strchr(a.so[i], '=');
		size_t		 j;
		int		 hit = eq == NULL && nused == 1;

		for (j = 0; eq != NULL && j < nused; j++)
			if (strlen(kd->forms[used[j]].ma) ==
			    (size_t)(eq - a.so[i]) && strncmp(a.so[i],
			    kd->forms[used[j]].ma, (size_t)(eq - a.so[i])) == 0)
				hit = 1;
		if (!hit) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "--so %s: %s",
			    a.so[i], eq ? "no such award form in the list" :
			    "with several forms give FORM=N (form codes of "
			    "hinh-thuc.csv)");
			rc = VB_EUSAGE;
		}
	}
	for (i = 0; i < nused && rc == VB_OK; i++) {
		const struct kt_form *f = &kd->forms[used[i]];

		opt.so = number_for(&a, f);
		rc = kt_decision(kd, list, used[i], &opt, d, &md[i]);
		if (rc == VB_OK && a.outdir != NULL &&
		    asprintf(&paths[i], "%s/%s.md", a.outdir, f->ma) < 0) {
			paths[i] = NULL;
			rc = VB_ESYS;
		} else if (rc == VB_OK && a.outdir == NULL &&
		    (paths[i] = strdup(a.outfile ? a.outfile : "-")) == NULL)
			rc = VB_ESYS;
	}
	if (rc != VB_OK)
		goto out;

	/* Write the sources, then render them. */
	if (a.outdir != NULL && mkdir(a.outdir, 0777) != 0 && errno != EEXIST) {
		diag_add(d, DIAG_ERROR, a.outdir, 0, 0, "cannot create: %s",
		    strerror(errno));
		rc = VB_ESYS;
		goto out;
	}
	for (i = 0; i < nused && rc == VB_OK; i++)
		rc = text_write_file(paths[i], md[i], strlen(md[i]), d);
	memset(&ropt, 0, sizeof(ropt));
	ropt.font_dir = fonts = render_find_fonts(a.font_dir);
	ropt.epoch = (e = getenv("SOURCE_DATE_EPOCH")) && *e ? atoll(e) : -1;
	for (i = 0; i < nused && rc == VB_OK && a.pdf; i++) {
		char *pdf = with_ext(paths[i], ".pdf");

		if (pdf == NULL) {
			rc = VB_ESYS;
			break;
		}
		rc = render_source(paths[i], md[i], strlen(md[i]), pdf, &ropt,
		    d);
		free(pdf);
	}
out:
	if (rc == VB_ESYS && diag_errors(d) == 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
	for (i = 0; md != NULL && i < kd->nforms; i++) {
		free(md[i]);
		free(paths[i]);
	}
	free(md);
	free(paths);
	free(used);
	free(fonts);
	kt_list_free(list);
	kt_data_free(kd);
	return finish(d, rc);
}
