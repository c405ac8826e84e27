/*
 * fuzz_table.c - libFuzzer harness for table_read, the one door for
 * .xlsx, .xls and CSV tables: the input, as it is (a real workbook is a
 * seed), is written to a file and read by table_read, which tells the
 * kind by the content; then by table_read_rows when the last byte is odd.
 * Contracts (vanban.h): a failure gives a message and no table from a
 * workbook (a CSV's good rows may be kept); a table read from a workbook
 * has rows of one width, and every field is UTF-8 without a control
 * character but LF and tab.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vanban.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char	fz_path[64];

/* Is s valid UTF-8 without C0 controls (but LF, tab), DEL or C1? */
static int
fz_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7F)
			return 0;
		if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return 0;
	}
	return 1;
}

static void
fz_unlink(void)
{
	unlink(fz_path);
}

static void
fz_check(int rc, struct csvt *t, struct diag *d)
{
	size_t r, k;

	if (rc != VB_OK) {
		/* contract: a message; no table from a workbook (a CSV's
		 * good rows may be kept, as csvt_parse_all) */
		if (diag_errors(d) == 0 || (t != NULL && table_is_workbook(t)))
			abort();
		return;
	}
	if (t == NULL || !table_is_workbook(t))
		return;
	for (r = 0; r < t->nrows; r++) {
		if (t->rows[r].nfields != t->rows[0].nfields)
			abort();	/* documented: every row as wide */
		for (k = 0; k < t->rows[r].nfields; k++)
			if (!fz_clean(t->rows[r].fields[k]))
				abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag	*d;
	struct csvt	*t = NULL;
	FILE		*fp;
	int		 rc;

	if (fz_path[0] == '\0') {
		snprintf(fz_path, sizeof(fz_path), "/tmp/vb-fuzz-table.%ld",
		    (long)getpid());
		atexit(fz_unlink);
	}
	if ((fp = fopen(fz_path, "wb")) == NULL)
		abort();
	if (fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	if ((d = diag_new()) == NULL)
		return 0;
	rc = table_read(fz_path, NULL, TEXT_ENC_AUTO, d, &t);
	fz_check(rc, t, d);
	csvt_free(t);
	t = NULL;
	if (size > 0 && (data[size - 1] & 1)) {
		rc = table_read_rows(fz_path, "1", TEXT_ENC_AUTO, d, &t);
		fz_check(rc, t, d);
		csvt_free(t);
	}
	diag_free(d);
	return 0;
}
