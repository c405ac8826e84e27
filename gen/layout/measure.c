/*
 * measure.c - the width of a run of text, from the advances a struct
 * layout_font gives (gen/emit/font.c over the TTFs, or a fake font in
 * tests).  Here, not beside the font, because the layout measures with
 * it and the layout comes before the writers.
 */
#include <stddef.h>
#include <stdint.h>

#include <utf8proc.h>

#include "base/base.h"
#include "layout/layout.h"

double
layout_width(const struct layout_font *lf, int face, double size_pt,
    const char *s, size_t n)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	long			 units = 0;
	size_t			 i = 0;

	while (i < n) {
		utf8proc_int32_t	cp;
		utf8proc_ssize_t	k;
		int			a;

		/* Input is valid UTF-8 (text_read_*); a bad byte counts as
		 * one replacement character. */
		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			k = 1;
			cp = 0xFFFD;
		}
		i += (size_t)k;
		a = lf->advance(lf->ctx, face, (uint32_t)cp);
		if (a < 0)
			a = lf->advance(lf->ctx, face, 0xFFFD);
		units += a > 0 ? a : 0;
	}
	return (double)units * size_pt / 1000.0;
}
