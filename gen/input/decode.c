/*
 * decode.c - the decoders of the converter: UTF-8 validated here (so the
 * first bad byte is named), TCVN3 by table, UTF-16 and Windows-1258
 * through iconv.
 */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <utf8proc.h>

#include "input/input.h"
#include "input/input_int.h"

/* Length of the UTF-8 sequence at p: > 0 when complete and valid, 0
 * when a valid start cut short by the end of the n bytes, -1 when
 * invalid (overlong forms, surrogates and values past U+10FFFF too). */
int
conv_utf8_len(const unsigned char *p, size_t n)
{
	unsigned char	lo = 0x80, hi = 0xBF;
	int		need, j;

	if (p[0] < 0x80)
		return 1;
	if (p[0] < 0xC2)
		return -1;
	if (p[0] < 0xE0)
		need = 2;
	else if (p[0] < 0xF0) {
		need = 3;
		if (p[0] == 0xE0)
			lo = 0xA0;
		else if (p[0] == 0xED)
			hi = 0x9F;
	} else if (p[0] < 0xF5) {
		need = 4;
		if (p[0] == 0xF0)
			lo = 0x90;
		else if (p[0] == 0xF4)
			hi = 0x8F;
	} else
		return -1;
	for (j = 1; j < need; j++) {
		if ((size_t)j >= n)
			return 0;
		if (p[j] < lo || p[j] > hi)
			return -1;
		lo = 0x80;
		hi = 0xBF;
	}
	return need;
}

void
conv_nul(struct conv *c, unsigned long long off)
{
	conv_fail(c, "NUL byte at offset %llu: this is not a text file "
	    "(if it is UTF-16 without a byte order mark, give -f utf-16le "
	    "or -f utf-16be)", off);
}

/* Decode UTF-8; returns the bytes consumed (an incomplete sequence at
 * the end is left for the next chunk unless final). */
size_t
dec_utf8(struct conv *c, const unsigned char *p, size_t n, int final)
{
	size_t	i = 0, run = 0;
	int	k = -1;

	while (i < n) {
		if (p[i] >= 0x20 && p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] != 0 && (k = conv_utf8_len(p + i, n - i)) > 0) {
			i += (size_t)k;
			continue;
		}
		conv_put(c, (const char *)p + run, i - run);
		run = i;
		if (p[i] == 0) {
			conv_nul(c, c->in_off + i);
			return i;
		}
		if (k == 0 && !final)
			return i;
		if (k == 0)
			conv_fail(c, "the file ends in the middle of a UTF-8 "
			    "character (byte 0x%02X at offset %llu): was it "
			    "cut short?", p[i], c->in_off + i);
		else
			conv_fail(c, "invalid UTF-8 byte 0x%02X at offset %llu; "
			    "if the file was saved as Windows-1258 or TCVN3, "
			    "give -f cp1258 or -f tcvn3", p[i], c->in_off + i);
		return i;
	}
	if (n > run)   /* p is NULL when nothing was read */
		conv_put(c, (const char *)p + run, n - run);
	return n;
}

/* Decode TCVN3: every byte is a character. */
size_t
dec_tcvn3(struct conv *c, const unsigned char *p, size_t n)
{
	char	 buf[4096];
	size_t	 i, o = 0;

	for (i = 0; i < n; i++) {
		uint16_t u;

		if (p[i] == 0) {
			conv_put(c, buf, o);
			conv_nul(c, c->in_off + i);
			return i;
		}
		u = p[i] < 0x80 ? tcvn_low(p[i]) : tcvn_high[p[i] - 0x80];
		if (o + 4 > sizeof(buf)) {
			conv_put(c, buf, o);
			o = 0;
		}
		o += (size_t)utf8proc_encode_char(u,
		    (utf8proc_uint8_t *)buf + o);
	}
	conv_put(c, buf, o);
	return n;
}

/* Push out what iconv holds back (glibc's CP1258 keeps the last letter
 * in case a combining tone mark follows). */
static void
conv_iconv_flush(struct conv *c)
{
	char	 buf[64], *o = buf;
	size_t	 left = sizeof(buf);

	iconv(c->cd, NULL, NULL, &o, &left);
	conv_put(c, buf, (size_t)(o - buf));
}

/* Decode with iconv (UTF-16, CP1258); returns the bytes consumed. */
size_t
dec_iconv(struct conv *c, const unsigned char *p, size_t n, int final)
{
	char	 buf[16384], *in, *o;
	size_t	 lim, inleft, left, r, i;
	int	 utf16 = c->enc != TEXT_ENC_CP1258;

	/* A NUL is an error: stop the conversion just before it. */
	for (lim = 0; lim < n; lim++) {
		if (!utf16 && p[lim] == 0)
			break;
		if (utf16 && (c->in_off + lim) % 2 == 0 && lim + 1 < n &&
		    p[lim] == 0 && p[lim + 1] == 0)
			break;
	}
	in = (char *)p;
	inleft = lim;
	while (inleft > 0) {
		o = buf;
		left = sizeof(buf);
		r = iconv(c->cd, &in, &inleft, &o, &left);
		conv_put(c, buf, (size_t)(o - buf));
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		if (errno == EINVAL)
			break;
		i = (size_t)((unsigned char *)in - p);
		conv_iconv_flush(c);
		if (utf16)
			conv_fail(c, "invalid UTF-16 at offset %llu (a lone "
			    "surrogate): is the file really UTF-16?",
			    c->in_off + i);
		else
			conv_fail(c, "byte 0x%02X at offset %llu is not a "
			    "Windows-1258 character; give -f with the file's "
			    "encoding", p[i], c->in_off + i);
		return i;
	}
	i = (size_t)((unsigned char *)in - p);
	if (c->rc != VB_OK)
		return i;
	if (lim < n && i == lim) {
		conv_iconv_flush(c);
		conv_nul(c, c->in_off + lim);
		return i;
	}
	if (final) {
		conv_iconv_flush(c);
		if (i < n)
			conv_fail(c, "the file ends in the middle of a %s "
			    "character (offset %llu): was it cut short?",
			    utf16 ? "UTF-16" : "Windows-1258",
			    c->in_off + i);
	}
	return i;
}

int
conv_open_iconv(struct conv *c)
{
	const char *from;

	switch (c->enc) {
	case TEXT_ENC_UTF16LE: from = "UTF-16LE"; break;
	case TEXT_ENC_UTF16BE: from = "UTF-16BE"; break;
	case TEXT_ENC_CP1258: from = "CP1258"; break;
	default: return 0;
	}
	if ((c->cd = iconv_open("UTF-8", from)) == (iconv_t)-1) {
		diag_add(c->d, DIAG_ERROR, c->name, 0, 0,
		    "cannot convert from %s: %s", from, strerror(errno));
		c->rc = VB_ESYS;
		c->ph = PH_DONE;
		return -1;
	}
	return 0;
}

/* Decode the n bytes at p as CP1258 (all of them, or -1) into NFC. */
char *
dec_cp1258_all(const unsigned char *p, size_t n, size_t *outlen)
{
	iconv_t	 cd;
	char	*buf, *in = (char *)p, *o, *nfc;
	size_t	 inleft = n, left, cap = 3 * n + 16;

	if ((cd = iconv_open("UTF-8", "CP1258")) == (iconv_t)-1)
		return NULL;
	if ((buf = malloc(cap)) == NULL) {
		iconv_close(cd);
		return NULL;
	}
	o = buf;
	left = cap;
	/* An incomplete sequence at the end (EINVAL) is not an error:
	 * the sample was cut. */
	if (iconv(cd, &in, &inleft, &o, &left) == (size_t)-1 &&
	    errno != EINVAL) {
		iconv_close(cd);
		free(buf);
		return NULL;
	}
	iconv(cd, NULL, NULL, &o, &left);
	iconv_close(cd);
	nfc = text_nfc(buf, (size_t)(o - buf), outlen);
	free(buf);
	return nfc;
}

char *
dec_tcvn3_all(const unsigned char *p, size_t n, size_t *outlen)
{
	char	*buf, *nfc;
	size_t	 i, o = 0;

	if ((buf = malloc(3 * n + 16)) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		o += (size_t)utf8proc_encode_char(p[i] < 0x80 ?
		    tcvn_low(p[i]) : tcvn_high[p[i] - 0x80],
		    (utf8proc_uint8_t *)buf + o);
	nfc = text_nfc(buf, o, outlen);
	free(buf);
	return nfc;
}
