/*
 * fuzz_csv.c - libFuzzer harness for the CSV layer: the input (after its
 * first byte) goes through text_read_mem (auto-detected encoding, as a
 * `file=` table is read) and csvt_parse.  The first byte picks the
 * separator (0 = sniffed, ',', ';', tab) and line0.  A parsed table is
 * walked: every field folded (csvt_fold), checked as a group-row numeral
 * and as inline Markdown (doc_inline_parse), and csvt_column is asked for
 * a few headings.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "emit/emit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char	 seps[4] = { 0, ',', ';', '\t' };
	static const char *const names[] = { "stt", "Họ và tên", "ho_ten",
	    "Nội dung", NULL };
	struct diag		*d;
	struct csvt		*t = NULL;
	char			*text = NULL, *f;
	size_t			 len = 0, r, k;
	int			 rc, col;

	if (size < 1)
		return 0;
	if ((d = diag_new()) == NULL)
		return 0;
	if (text_read_mem("fuzz.csv", (const char *)data + 1, size - 1,
	    TEXT_ENC_AUTO, d, &text, &len) != VB_OK)
		goto done;
	rc = csvt_parse("fuzz.csv", text, len, seps[data[0] & 3],
	    data[0] >> 2, d, &t);
	if (rc != VB_OK) {
		if (t != NULL || diag_errors(d) == 0)
			abort();	/* contract: NULL and a message */
		goto done;
	}
	if (t == NULL)
		abort();
	for (r = 0; r < t->nrows; r++) {
		if (r > 0 && t->rows[r].nfields > t->rows[0].nfields)
			abort();	/* documented: same width as header */
		for (k = 0; k < t->rows[r].nfields; k++) {
			struct doc_inline in = { NULL, 0, 0 };

			if ((f = csvt_fold(t->rows[r].fields[k])) != NULL)
				free(f);
			(void)doc_is_roman(t->rows[r].fields[k]);
			(void)doc_inline_parse(t->rows[r].fields[k], &in);
			doc_inline_free(&in);
		}
	}
	col = csvt_column(t, names);
	if (col >= 0 && (t->nrows == 0 || (size_t)col >= t->rows[0].nfields))
		abort();
done:
	csvt_free(t);
	free(text);
	diag_free(d);
	return 0;
}
