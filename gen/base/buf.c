/*
 * buf.c - the one way arrays grow (vb_grow) and the growing string every
 * generator and dump writes into (struct vbuf in base/base.h).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "base/base.h"


int
vb_grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t	 n = *cap ? *cap : 16;
	void	*q;

	if (need <= *cap)
		return 0;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			return -1;
		n *= 2;
	}
	if (n > SIZE_MAX / size || (q = realloc(*p, n * size)) == NULL)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

void
vbuf_putn(struct vbuf *b, const char *s, size_t n)
{
	if (b->bad)
		return;
	if (n > SIZE_MAX - b->len - 1 ||
	    vb_grow((void **)&b->s, &b->cap, b->len + n + 1, 1) != 0) {
		b->bad = 1;
		return;
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

size_t
vb_utf8_len(unsigned char lead)
{
	return lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 :
	    (lead & 0xF0) == 0xE0 ? 3 : 4;
}

int
vb_utf8_cont(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

size_t
vb_utf8_chars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n && s[i] != '\0'; i++)
		c += !vb_utf8_cont((unsigned char)s[i]);
	return c;
}

void
vbuf_put_cp(struct vbuf *b, uint32_t cp)
{
	utf8proc_uint8_t	u[4];
	utf8proc_ssize_t	n;

	/* A surrogate or a value past U+10FFFF is no character. */
	if (!utf8proc_codepoint_valid((utf8proc_int32_t)cp))
		cp = 0xFFFD;
	n = utf8proc_encode_char((utf8proc_int32_t)cp, u);
	vbuf_putn(b, (const char *)u, (size_t)n);
}
