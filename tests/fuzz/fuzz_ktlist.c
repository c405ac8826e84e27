/*
 * fuzz_ktlist.c - libFuzzer harness for the nominee list of
 * vb-khenthuong: the input (after its first byte) goes through
 * text_read_mem (auto-detected encoding, as the list is read) and
 * kt_list_parse (header found by its headings, group rows, footer rows,
 * award forms matched by name or code and by date, duplicates), against
 * the tables of templates/khen-thuong loaded once ($VB_TEMPLATES, else
 * the build tree's).
 *
 * Byte 0: bit 0 cho_trung (duplicates only warned), bits 1-2 the
 * decision date (2020-01-10, 2018-05-01, 2025-07-01 when forms and rates
 * changed, 2010-01-01), bit 3 the workbook path instead (csvt_parse_rows
 * + kt_list_table without the width check), bit 4 also write the
 * decision of the first form used (kt_decision: the list's values
 * through the skeleton).
 *
 * Contracts checked (abort() when broken): VB_OK exactly when there is a
 * list, and then no error was added; a failure says why; every nominee
 * has a kind, a name, a unit, a form of the table and a line.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "kt/kt.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kt_data	*kd;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag	*d = diag_new();
	char		*tdir = kt_find_templates(NULL);

	(void)argc;
	(void)argv;
	if (d == NULL || tdir == NULL || kt_data_load(tdir, d, &kd) != VB_OK) {
		if (d != NULL)
			diag_print(d, stderr, "fuzz_ktlist");
		fprintf(stderr, "fuzz_ktlist: cannot load templates/khen-thuong "
		    "of %s (set VB_TEMPLATES)\n", tdir ? tdir : "?");
		exit(1);
	}
	free(tdir);
	diag_free(d);
	return 0;
}

/* The decision of the list's first form, for memory errors only. */
static void
decision(const struct kt_list *l, vb_date date)
{
	struct kt_opt	 o;
	struct diag	*d = diag_new();
	char		*md = NULL;
	int		 *idx = calloc(kd->nforms + 1, sizeof(int));

	memset(&o, 0, sizeof(o));
	o.ngay = date;
	o.ngay_given = 1;
	o.round = -1;
	o.sort = -1;
	if (d != NULL && idx != NULL && kt_forms_used(kd, l, idx) > 0)
		(void)kt_decision(kd, l, idx[0], &o, d, &md);
	free(md);
	free(idx);
	diag_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const vb_date	 dates[4] = { 20200110, 20180501, 20250701,
	    20100101 };
	struct kt_list_opt	 lo;
	struct diag		*d;
	struct kt_list		*l = NULL;
	struct csvt		*t = NULL;
	char			*text = NULL;
	size_t			 len, i;
	int			 rc, errs;

	if (size < 1 || (d = diag_new()) == NULL)
		return 0;
	lo.cho_trung = data[0] & 1;
	lo.ngay = dates[(data[0] >> 1) & 3];
	if (text_read_mem("danh-sach.csv", (const char *)data + 1, size - 1,
	    TEXT_ENC_AUTO, d, &text, &len) != VB_OK)
		goto done;
	errs = diag_errors(d);
	if (data[0] & 8) {
		/* A workbook's rows: what the CSV layer refused is not
		 * the list's business. */
		rc = csvt_parse_rows("danh-sach.csv", text, len, 0, 0, d, &t);
		errs = diag_errors(d);
		if (t == NULL)
			goto done;
		rc = kt_list_table(t, kd, &lo, 0, d, &l);
	} else
		rc = kt_list_parse("danh-sach.csv", text, len, kd, &lo, d, &l);
	if ((rc == VB_OK) != (l != NULL))
		abort();	/* a list exactly on success */
	if (rc != VB_OK && diag_errors(d) == errs)
		abort();	/* a failure says why */
	if (rc == VB_OK && (diag_errors(d) > errs || l->n == 0))
		abort();	/* an error or no nominee, yet a list */
	for (i = 0; l != NULL && i < l->n; i++)
		if ((l->rows[i].kind != KT_CA_NHAN &&
		    l->rows[i].kind != KT_TAP_THE) ||
		    l->rows[i].ho_ten == NULL || *l->rows[i].ho_ten == '\0' ||
		    l->rows[i].don_vi == NULL || l->rows[i].chuc_vu == NULL ||
		    l->rows[i].form < 0 || (size_t)l->rows[i].form >=
		    kd->nforms || l->rows[i].line <= 0)
			abort();	/* a nominee not whole */
	if (l != NULL && (data[0] & 16))
		decision(l, lo.ngay);
done:
	kt_list_free(l);
	csvt_free(t);
	free(text);
	diag_free(d);
	return 0;
}
