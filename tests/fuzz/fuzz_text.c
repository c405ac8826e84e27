/*
 * fuzz_text.c - libFuzzer harness for the text input layer: text_read_mem
 * with the encoding picked from the first byte (enum text_enc, modulo its
 * 7 values), the rest of the input being the bytes.  On success the output
 * must be NUL-terminated at *len, valid UTF-8 and stable under text_nfc;
 * every line of it is also given to text_vn_syllable word by word.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag	*d;
	enum text_enc	 enc;
	char		*out = NULL, *again;
	size_t		 len = 0, alen = 0, i, w;
	int		 rc;

	if (size < 1)
		return 0;
	enc = (enum text_enc)(data[0] % 7);
	if ((d = diag_new()) == NULL)
		return 0;
	rc = text_read_mem("fuzz", (const char *)data + 1, size - 1, enc, d,
	    &out, &len);
	if (rc == VB_OK) {
		if (out == NULL || out[len] != '\0' || memchr(out, '\r', len))
			abort();	/* contract: NUL at len, LF line ends */
		/* NFC output is a fixed point of text_nfc. */
		if ((again = text_nfc(out, len, &alen)) != NULL) {
			if (alen != len || memcmp(again, out, len) != 0)
				abort();
			free(again);
		}
		for (i = 0; i < len; i = w + 1) {
			for (w = i; w < len && out[w] != ' ' && out[w] != '\n';
			    w++)
				;
			(void)text_vn_syllable(out + i, w - i);
		}
		free(out);
	} else if (diag_errors(d) == 0)
		abort();	/* a failure always says why */
	for (i = 0; i < diag_count(d); i++)
		(void)diag_get(d, i);
	diag_free(d);
	return 0;
}
