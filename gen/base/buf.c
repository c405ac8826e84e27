/*
 * text_buf.c - the growing string every generator and dump writes into
 * (struct vbuf in vanban.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"

/* ------------------------------------------------------------------ */

void
vbuf_putn(struct vbuf *b, const char *s, size_t n)
{
	char *p;

	if (b->bad)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (cap < b->len + n + 1)
			cap *= 2;
		if ((p = realloc(b->s, cap)) == NULL) {
			b->bad = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
vbuf_puts(struct vbuf *b, const char *s)
{
	vbuf_putn(b, s, strlen(s));
}

void
vbuf_printf(struct vbuf *b, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->bad = 1;
		return;
	}
	vbuf_putn(b, s, (size_t)n);
	free(s);
}

char *
vbuf_take(struct vbuf *b)
{
	char *s;

	if (b->bad) {
		free(b->s);
		memset(b, 0, sizeof(*b));
		return NULL;
	}
	s = b->s ? b->s : strdup("");
	memset(b, 0, sizeof(*b));
	return s;
}
