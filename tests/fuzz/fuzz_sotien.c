/*
 * fuzz_sotien.c - libFuzzer harness for amounts: the input after its first
 * byte is a string given to sotien_parse; the first byte's low bits are
 * the sotien_opt flags.  A parsed amount must be <= SOTIEN_MAX, have words
 * (sotien_words) and figures (sotien_figures) that parse back to itself.
 * The first 8 bytes are also read as a raw amount for sotien_words, which
 * must return NULL exactly above SOTIEN_MAX.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sotien_opt	 opt;
	unsigned long long	 v, back, raw = 0;
	char			*s, *w, *fig;

	if (size < 1)
		return 0;
	opt.le = data[0] & 1;
	opt.bon = (data[0] >> 1) & 1;
	opt.khong_dong = (data[0] >> 2) & 1;
	if ((s = malloc(size)) == NULL)
		return 0;
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	if (sotien_parse(s, &v) == 0) {
		if (v > SOTIEN_MAX)
			abort();
		if ((w = sotien_words(v, &opt)) == NULL || *w == '\0')
			abort();
		free(w);
		if ((fig = sotien_figures(v)) == NULL)
			abort();
		if (sotien_parse(fig, &back) != 0 || back != v)
			abort();	/* figures must parse back */
		free(fig);
	}
	free(s);
	memcpy(&raw, data, size < sizeof(raw) ? size : sizeof(raw));
	if (data[0] & 8)
		raw %= SOTIEN_MAX + 1;
	w = sotien_words(raw, (data[0] & 16) ? NULL : &opt);
	if ((w == NULL) != (raw > SOTIEN_MAX))
		abort();
	free(w);
	return 0;
}
