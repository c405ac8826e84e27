/*
 * conv.c - the one converter every reader goes through (see input.h):
 * phases, CR/LF and BOM handling, line and column counting, NFC a line at
 * a time, and the guess between Windows-1258 and TCVN3.
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

/* ------------------------------------------------------------------ */
/* The converter                                                        */
/* ------------------------------------------------------------------ */



void
conv_init(struct conv *c, const char *name, enum text_enc enc,
    struct diag *d, conv_sink sink, void *sinkarg)
{
	memset(c, 0, sizeof(*c));
	c->name = name;
	c->d = d;
	c->want = enc;
	c->enc = enc;
	c->ph = PH_HEAD;
	c->cd = (iconv_t)-1;
	c->line = 1;
	c->col = 1;
	c->sink = sink;
	c->sinkarg = sinkarg;
	c->rc = VB_OK;
}

void
conv_free(struct conv *c)
{
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	free(c->in);
	free(c->pend);
}

static void
conv_nomem(struct conv *c)
{
	if (c->rc == VB_OK)
		diag_add(c->d, DIAG_ERROR, c->name, 0, 0, "out of memory");
	c->rc = VB_ESYS;
	c->ph = PH_DONE;
}

/* Record an input error at the current position; the converter stops. */
void
conv_fail(struct conv *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

void
conv_fail(struct conv *c, const char *fmt, ...)
{
	char	 msg[1024];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), vb_tr(fmt), ap);
	va_end(ap);
	diag_add(c->d, DIAG_ERROR, c->name, (int)c->line, (int)c->col,
	    "%s", msg);
	c->rc = VB_EINPUT;
	c->ph = PH_DONE;
}

/* Make room for n more bytes at the end of *buf. */
int
conv_grow(char **buf, size_t *cap, size_t used, size_t n)
{
	if (n > SIZE_MAX - used)
		return -1;
	return vb_grow((void **)buf, cap, used + n, 1);
}

/* Normalise the first n pending bytes (whole combining sequences) and
 * send them to the sink. */
static void
conv_emit(struct conv *c, size_t n)
{
	size_t	 i, nn;
	char	*nfc;
	int	 r;

	if (n == 0 || c->rc != VB_OK)
		return;
	for (i = 0; i < n; i++)
		if ((unsigned char)c->pend[i] >= 0x80)
			break;
	if (i == n)
		r = c->sink(c->sinkarg, c->pend, n);
	else {
		if ((nfc = text_nfc(c->pend, n, &nn)) == NULL) {
			conv_nomem(c);
			return;
		}
		r = c->sink(c->sinkarg, nfc, nn);
		free(nfc);
	}
	if (r != 0) {
		diag_add(c->d, DIAG_ERROR, c->name, 0, 0,
		    "cannot write the output: %s", strerror(errno));
		c->rc = VB_ESYS;
		c->ph = PH_DONE;
		return;
	}
	memmove(c->pend, c->pend + n, c->npend - n);
	c->npend -= n;
}

/*
 * Send the pending text up to its last line end: NFC never composes
 * across a line end.  A line longer than TEXT_MAXPEND is cut before an
 * ASCII character, which never combines with what precedes it.  final
 * sends everything.
 */
static void
conv_flush(struct conv *c, int final)
{
	size_t i;

	if (final) {
		conv_emit(c, c->npend);
		return;
	}
	for (i = c->npend; i > 0; i--)
		if (c->pend[i - 1] == '\n')
			break;
	if (i == 0 && c->npend > TEXT_MAXPEND)
		for (i = c->npend - 1; i > 0; i--)
			if ((unsigned char)c->pend[i] < 0x80)
				break;
	conv_emit(c, i);
}

/*
 * Take n bytes of valid, decoded UTF-8 (whole characters): CR and CRLF
 * become LF, a BOM is dropped (with a warning inside the text), and the
 * position of the next character is kept up to date.
 */
void
conv_put(struct conv *c, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i;
	char			*o;

	if (n == 0 || c->rc != VB_OK)
		return;
	if (conv_grow(&c->pend, &c->cappend, c->npend, n) == -1) {
		conv_nomem(c);
		return;
	}
	o = c->pend + c->npend;
	for (i = 0; i < n; i++) {
		unsigned char b = p[i];

		if (b == '\n' && c->cr) {
			c->cr = 0;
			continue;
		}
		c->cr = 0;
		if (b == '\r' || b == '\n') {
			*o++ = '\n';
			c->cr = b == '\r';
			c->line++;
			c->col = 1;
			c->started = 1;
			continue;
		}
		if (b == 0xEF && i + 2 < n && p[i + 1] == 0xBB &&
		    p[i + 2] == 0xBF) {
			if (c->started && !c->bom_warned) {
				diag_add(c->d, DIAG_WARNING, c->name,
				    (int)c->line, (int)c->col,
				    "byte order mark (U+FEFF) inside the text "
				    "dropped");
				c->bom_warned = 1;
			}
			c->started = 1;
			i += 2;
			continue;
		}
		if ((b & 0xC0) != 0x80)
			c->col++;
		c->started = 1;
		*o++ = (char)b;
	}
	c->npend = (size_t)(o - c->pend);
}

/* Decide the encoding from the first bytes (BOM) and what was asked. */
static void
conv_head(struct conv *c)
{
	const unsigned char *p = c->in;
	size_t n = c->nin;

	if (c->want == TEXT_ENC_AUTO) {
		if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
			c->enc = TEXT_ENC_UTF8;
		else if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE)
			c->enc = TEXT_ENC_UTF16LE;
		else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF)
			c->enc = TEXT_ENC_UTF16BE;
		else {
			c->ph = PH_SNIFF;
			return;
		}
	} else if (c->want == TEXT_ENC_UTF16)
		c->enc = n >= 2 && p[0] == 0xFE && p[1] == 0xFF ?
		    TEXT_ENC_UTF16BE : TEXT_ENC_UTF16LE;
	c->ph = PH_RUN;
	conv_open_iconv(c);
}

/* A byte that makes the auto reader stop and guess. */
static int
conv_sniff_byte(unsigned char b)
{
	return b >= 0x80 || tcvn_low(b) != b;
}

/* Remove the first n bytes of the input buffer. */
static void
conv_consume(struct conv *c, size_t n)
{
	if (n < c->nin)
		memmove(c->in, c->in + n, c->nin - n);
	c->nin -= n;
	c->in_off += n;
}

/*
 * The held sample starts at the first non-ASCII byte of a file read
 * without a forced encoding: UTF-8 if it is valid UTF-8, else CP1258 or
 * TCVN3, whichever gives more Vietnamese words (a warning names the
 * choice); an error when neither does.
 */
static void
conv_guess(struct conv *c, int final)
{
	const unsigned char	*p = c->in;
	size_t			 n = c->nin, i, ln, bad = n, good = 0, nbad = 0;
	int			 k, s1258 = -1, stcvn = -1;
	char			*t;

	/* Multi-byte UTF-8 sequences against bytes that are not UTF-8:
	 * one bad byte in a UTF-8 file is an error at that byte, not a
	 * reason to read the file in another encoding. */
	for (i = 0; i < n; i += k > 0 ? (size_t)k : 1) {
		if (p[i] == 0)
			k = -1;
		else if ((k = conv_utf8_len(p + i, n - i)) == 0 &&
		    (!final || good > 0))
			break;		/* cut by the end of the sample */
		if (k > 1)
			good++;
		else if (k <= 0) {
			nbad++;
			if (bad == n)
				bad = i;
		}
	}
	if (good > nbad || nbad == 0) {
		c->enc = TEXT_ENC_UTF8;
		c->ph = PH_RUN;
		return;
	}
	if (memchr(p, 0, n) == NULL) {
		if ((t = dec_cp1258_all(p, n, &ln)) != NULL) {
			s1258 = text_vn_share(t, ln);
			free(t);
		}
		if ((t = dec_tcvn3_all(p, n, &ln)) != NULL) {
			stcvn = text_vn_share(t, ln);
			free(t);
		}
	}
	if (s1258 >= TEXT_VN_MIN && s1258 >= stcvn)
		c->enc = TEXT_ENC_CP1258;
	else if (stcvn >= TEXT_VN_MIN)
		c->enc = TEXT_ENC_TCVN3;
	else {
		/* Name the first bad byte: decode the good ones before it. */
		c->enc = TEXT_ENC_UTF8;
		conv_consume(c, dec_utf8(c, p, bad, 0));
		if (c->rc != VB_OK)
			return;
		if (c->in[0] == 0)
			conv_nul(c, c->in_off);
		else
			conv_fail(c, "not UTF-8 (byte 0x%02X at offset %llu), "
			    "and neither Windows-1258 (%d%% Vietnamese words) "
			    "nor TCVN3 (%d%%) reads as Vietnamese text; give "
			    "-f with the file's encoding (cp1258, tcvn3, "
			    "utf-16le, ...)", c->in[0], c->in_off,
			    s1258 < 0 ? 0 : s1258, stcvn < 0 ? 0 : stcvn);
		return;
	}
	diag_add(c->d, DIAG_WARNING, c->name, 0, 0,
	    "not UTF-8; read as %s (%d%% Vietnamese words); give -f %s to "
	    "be sure", text_enc_label(c->enc),
	    c->enc == TEXT_ENC_CP1258 ? s1258 : stcvn,
	    c->enc == TEXT_ENC_CP1258 ? "cp1258" : "tcvn3");
	c->ph = PH_RUN;
	conv_open_iconv(c);
}

/* Run the phases on the buffered input; final: no more input comes. */
static void
conv_run(struct conv *c, int final)
{
	size_t i;

	for (;;) {
		switch (c->ph) {
		case PH_HEAD:
			if (c->nin < 4 && !final)
				return;
			conv_head(c);
			break;
		case PH_SNIFF:
			for (i = 0; i < c->nin; i++)
				if (conv_sniff_byte(c->in[i]))
					break;
			c->enc = TEXT_ENC_UTF8;
			conv_consume(c, dec_utf8(c, c->in, i, final));
			if (c->rc != VB_OK)
				return;
			if (c->nin == 0)
				return;
			c->ph = PH_HOLD;
			break;
		case PH_HOLD:
			if (c->nin < TEXT_SNIFF && !final)
				return;
			conv_guess(c, final);
			break;
		case PH_RUN:
			if (c->enc == TEXT_ENC_UTF8)
				i = dec_utf8(c, c->in, c->nin, final);
			else if (c->enc == TEXT_ENC_TCVN3)
				i = dec_tcvn3(c, c->in, c->nin);
			else
				i = dec_iconv(c, c->in, c->nin, final);
			conv_consume(c, i);
			conv_flush(c, final && c->rc == VB_OK);
			return;
		case PH_DONE:
			return;
		}
	}
}

/* Give the converter n more input bytes. */
void
conv_feed(struct conv *c, const void *buf, size_t n)
{
	if (c->ph == PH_DONE || n == 0)
		return;
	if (conv_grow((char **)&c->in, &c->capin, c->nin, n) == -1) {
		conv_nomem(c);
		return;
	}
	memcpy(c->in + c->nin, buf, n);
	c->nin += n;
	conv_run(c, 0);
}

/* No more input: finish and return the status. */
int
conv_finish(struct conv *c)
{
	conv_run(c, 1);
	if (c->rc == VB_OK)
		conv_flush(c, 1);
	return c->rc;
}
