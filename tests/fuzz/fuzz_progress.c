/*
 * fuzz_progress.c - libFuzzer harness for the tables of vb-baocao: the
 * progress tables (bc_progress_parse: columns by key or heading, units,
 * task keys, status words, dates, the same unit and task twice, across
 * several tables as the tool reads several) and the plan's task table
 * (bc_plan_parse).
 *
 * Input: byte 0, then up to 4 tables separated by NUL bytes, each read
 * with text_read_mem (auto-detected encoding) as a file tien-do-N.csv.
 * Byte 0: bit 0 the units come from a units file (input/2020/don-vi.csv,
 * so an unknown unit is an error) rather than from the tables; bit 1 the
 * first table is the plan (else input/2020/nhiem-vu.csv is); bits 2-4
 * the period read for (--ky, mod 6), bit 5 any period (--mau), bit 6 a
 * --ngay (2020-06-30).  The periods are composed at the end
 * (bc_progress_compose), as the tool does.  The
 * templates ($VB_TEMPLATES, else the build tree's) and the input/2020
 * files ($VB_FUZZ_SRCDIR, else input/2020) are loaded once.
 *
 * Contracts checked (abort() when broken): an input error says why;
 * every row kept names a unit, a task of the plan and a status; the file
 * a row names (for the message of a later duplicate) is still readable
 * when every table has been read.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "baocao/bc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NTABLES 4

static struct bc_data	*bd;
static struct bc_plan	*plan;
static struct bc_units	 units;   /* from don-vi.csv */

static void
init_fail(struct diag *d, const char *what)
{
	diag_print(d, stderr, "fuzz_progress");
	fprintf(stderr, "fuzz_progress: cannot load %s (set VB_TEMPLATES "
	    "and VB_FUZZ_SRCDIR)\n", what);
	exit(1);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag	*d = diag_new();
	const char	*src = getenv("VB_FUZZ_SRCDIR");
	char		*tdir = bc_find_templates(NULL), *text, path[4096];
	size_t		 len;

	(void)argc;
	(void)argv;
	if (src == NULL || *src == '\0')
		src = "input/2020";
	if (d == NULL || tdir == NULL ||
	    bc_data_load(tdir, NULL, d, &bd) != VB_OK)
		init_fail(d, "templates/bao-cao");
	snprintf(path, sizeof(path), "%s/nhiem-vu.csv", src);
	if (text_read_file(path, TEXT_ENC_AUTO, d, &text, &len) != VB_OK ||
	    bc_plan_parse(path, text, len, d, &plan) != VB_OK)
		init_fail(d, path);
	free(text);
	snprintf(path, sizeof(path), "%s/don-vi.csv", src);
	if (bc_units_load(path, TEXT_ENC_AUTO, d, &units) != VB_OK)
		init_fail(d, path);
	free(tdir);
	diag_free(d);
	return 0;
}

/* Read one table of the input; -1 when text_read_mem refused it. */
static int
table_text(const char *name, const uint8_t *p, size_t n, struct diag *d,
    char **text, size_t *len)
{
	return text_read_mem(name, (const char *)p, n, TEXT_ENC_AUTO, d, text,
	    len) == VB_OK ? 0 : -1;
}

/* The rows read must point into the plan and the units. */
static void
check_rows(const struct bc_progress *pr, const struct bc_plan *p,
    const struct bc_units *us)
{
	size_t i;

	for (i = 0; i < pr->n; i++) {
		if (pr->v[i].unit >= us->n || pr->v[i].task >= p->ntasks ||
		    pr->v[i].status >= BC_MISSING || pr->v[i].ket_qua == NULL)
			abort();	/* a row not whole */
		if (strlen(pr->v[i].file) == 0)
			abort();	/* the name of its file */
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bc_progress	 pr;
	struct bc_want		 w;
	struct bc_units		 own, *us;
	struct bc_plan		*p = plan, *mine = NULL;
	struct diag		*d;
	const uint8_t		*s, *e, *end = data + size;
	char			*text, name[32];
	size_t			 len;
	int			 k, rc, errs;

	if (size < 1 || (d = diag_new()) == NULL)
		return 0;
	memset(&pr, 0, sizeof(pr));
	memset(&own, 0, sizeof(own));
	w.ky = (enum bc_ky)(((data[0] >> 2) & 7) % 6);
	w.nam = 2020;
	w.ngay = (data[0] & 64) ? 20200630 : 0;
	w.any = (data[0] >> 5) & 1;
	us = (data[0] & 1) ? &units : &own;
	for (k = 0, s = data + 1; k < NTABLES && s <= end; k++, s = e + 1) {
		if ((e = memchr(s, '\0', (size_t)(end - s))) == NULL)
			e = end;
		snprintf(name, sizeof(name), "tien-do-%d.csv", k + 1);
		if (table_text(name, s, (size_t)(e - s), d, &text, &len) != 0)
			continue;
		errs = diag_errors(d);
		if (k == 0 && (data[0] & 2)) {
			rc = bc_plan_parse(name, text, len, d, &mine);
			if ((rc == VB_OK) != (mine != NULL))
				abort();	/* a plan exactly on success */
			if (mine != NULL)
				p = mine;
		} else
			rc = bc_progress_parse(name, text, len, p, bd, us, &w,
			    d, &pr);
		if (rc == VB_EINPUT && diag_errors(d) == errs)
			abort();	/* an input error says where */
		free(text);
	}
	bc_progress_compose(&pr);
	check_rows(&pr, p, us);
	bc_progress_free(&pr);
	bc_plan_free(mine);
	bc_units_free(&own);
	diag_free(d);
	return 0;
}
