/*
 * text_input.c - the one reader of every input file: bytes in any
 * supported encoding -> NFC UTF-8 with LF line ends, and the one atomic
 * writer of every output file.
 *
 * Every reader (whole file, memory, stream) goes through one converter,
 * struct conv, fed in chunks:
 *
 *   bytes -> [head: BOM] -> [sniff: guess the encoding] -> decoder
 *         -> conv_put (CR/CRLF -> LF, BOM dropped, line/col counted)
 *         -> pending text, normalised to NFC a whole line at a time
 *         -> sink (memory buffer or FILE)
 *
 * Decoders: UTF-8 is validated here (so that the first bad byte can be
 * named), UTF-16 and Windows-1258 go through iconv, TCVN3 (TCVN 5712
 * VN3, a subset of VN1) through the table below, as glibc lacks VN3.
 * Without a forced encoding, text that is not UTF-8 is read as CP1258 or
 * TCVN3, whichever decodes the first TEXT_SNIFF bytes after the first
 * non-ASCII byte into more valid Vietnamese syllables.
 */
#include <errno.h>
#include <stdarg.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/stat.h>

#include <utf8proc.h>

#include "vanban.h"

#define TEXT_CHUNK	65536        /* bytes fed to the converter at a time */
#define TEXT_SNIFF	65536        /* bytes looked at to guess an encoding */
#define TEXT_MAXPEND	(1 << 20)    /* decoded bytes held waiting for a line end */
#define TEXT_VN_MIN	60           /* % of Vietnamese words to accept a guess */

static const struct {
	const char	*name;
	enum text_enc	 enc;
} enc_names[] = {
	{ "auto", TEXT_ENC_AUTO },
	{ "utf-8", TEXT_ENC_UTF8 }, { "utf8", TEXT_ENC_UTF8 },
	{ "utf-16", TEXT_ENC_UTF16 }, { "utf16", TEXT_ENC_UTF16 },
	{ "utf-16le", TEXT_ENC_UTF16LE }, { "utf16le", TEXT_ENC_UTF16LE },
	{ "utf-16be", TEXT_ENC_UTF16BE }, { "utf16be", TEXT_ENC_UTF16BE },
	{ "cp1258", TEXT_ENC_CP1258 }, { "windows-1258", TEXT_ENC_CP1258 },
	{ "win1258", TEXT_ENC_CP1258 },
	{ "tcvn3", TEXT_ENC_TCVN3 }, { "tcvn", TEXT_ENC_TCVN3 },
	{ "vn3", TEXT_ENC_TCVN3 }, { "abc", TEXT_ENC_TCVN3 },
};

/*
 * TCVN 5712:1993 bytes 0x80-0xFF.  VN3 (the ".Vn" fonts) uses 0xA1-0xAE
 * and 0xB5-0xFE (lower-case letters and the seven capitals Ă Â Ê Ô Ơ Ư
 * Đ); VN1 adds the capitals with tone marks (0x80-0x9F and others) and
 * combining tone marks (0xB0-0xB4).  Reading VN1's extra codes as well
 * loses nothing: a VN3 file does not use them for anything else.
 * Checked against glibc's TCVN5712-1 table and a public TCVN3 converter.
 */
static const uint16_t tcvn_high[128] = {
	/* 80 */ 0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,
	/* 88 */ 0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,
	/* 90 */ 0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,
	/* 98 */ 0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,
	/* A0 */ 0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
	/* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
	/* B0 */ 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
	/* B8 */ 0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
	/* C0 */ 0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
	/* C8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
	/* D0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
	/* D8 */ 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
	/* E0 */ 0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
	/* E8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
	/* F0 */ 0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
	/* F8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

/* TCVN 5712 also puts twelve capitals in the C0 control range. */
static uint16_t
tcvn_low(unsigned char b)
{
	switch (b) {
	case 0x01: return 0x00DA;	/* Ú */
	case 0x02: return 0x1EE4;	/* Ụ */
	case 0x04: return 0x1EEA;	/* Ừ */
	case 0x05: return 0x1EEC;	/* Ử */
	case 0x06: return 0x1EEE;	/* Ữ */
	case 0x11: return 0x1EE8;	/* Ứ */
	case 0x12: return 0x1EF0;	/* Ự */
	case 0x13: return 0x1EF2;	/* Ỳ */
	case 0x14: return 0x1EF6;	/* Ỷ */
	case 0x15: return 0x1EF8;	/* Ỹ */
	case 0x16: return 0x00DD;	/* Ý */
	case 0x17: return 0x1EF4;	/* Ỵ */
	default: return b;
	}
}

int
text_enc_parse(const char *name, enum text_enc *out)
{
	size_t i;

	for (i = 0; i < sizeof(enc_names) / sizeof(enc_names[0]); i++)
		if (strcasecmp(name, enc_names[i].name) == 0) {
			*out = enc_names[i].enc;
			return 0;
		}
	return -1;
}

const char *
text_enc_name(enum text_enc enc)
{
	size_t i;

	for (i = 0; i < sizeof(enc_names) / sizeof(enc_names[0]); i++)
		if (enc_names[i].enc == enc)
			return enc_names[i].name;
	return "?";
}

/* The name a clerk knows an encoding by, for messages. */
static const char *
enc_label(enum text_enc enc)
{
	switch (enc) {
	case TEXT_ENC_UTF8: return "UTF-8";
	case TEXT_ENC_UTF16: return "UTF-16";
	case TEXT_ENC_UTF16LE: return "UTF-16LE";
	case TEXT_ENC_UTF16BE: return "UTF-16BE";
	case TEXT_ENC_CP1258: return "Windows-1258";
	case TEXT_ENC_TCVN3: return "TCVN3";
	default: return "auto";
	}
}

char *
text_nfc(const char *s, size_t n, size_t *outlen)
{
	utf8proc_uint8_t	*r = NULL;
	utf8proc_ssize_t	 k;

	k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &r, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	if (k < 0)
		return NULL;
	if (outlen)
		*outlen = (size_t)k;
	return (char *)r;
}

/* ------------------------------------------------------------------ */
/* Vietnamese syllables: onset + rhyme + at most one tone               */
/* ------------------------------------------------------------------ */

/* Onsets, longest first so that "ngh" is tried before "ng" and "n". */
static const char *const vn_onsets[] = {
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s",
	"t", "v", "x", "",
};

/* Rhymes (medial + nucleus + final) without their tone mark. */
static const char *const vn_rhymes[] = {
	"a", "ai", "ao", "au", "ay", "ac", "ach", "am", "an", "ang", "anh",
	"ap", "at",
	"ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
	"âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
	"e", "eo", "ec", "em", "en", "eng", "ep", "et",
	"ê", "êu", "êch", "êm", "ên", "ênh", "êp", "êt",
	"i", "ia", "iu", "ich", "im", "in", "inh", "ip", "it",
	"iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
	"yêm", "yên", "yêng", "yêt", "yêu",
	"o", "oi", "oc", "om", "on", "ong", "op", "ot", "ooc", "oong",
	"ô", "ôi", "ôc", "ôm", "ôn", "ông", "ôp", "ôt",
	"ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
	"u", "ua", "ui", "uc", "um", "un", "ung", "up", "ut",
	"uôc", "uôi", "uôm", "uôn", "uông", "uôt",
	"ư", "ưa", "ưi", "ưu", "ưc", "ưm", "ưn", "ưng", "ưt",
	"ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
	"y", "ych", "ynh", "yt", "yp",
	"oa", "oai", "oao", "oay", "oac", "oach", "oam", "oan", "oang",
	"oanh", "oap", "oat",
	"oăc", "oăm", "oăn", "oăng", "oăt",
	"oe", "oeo", "oen", "oet",
	"uy", "uya", "uyu", "uych", "uynh", "uyt", "uyp", "uyn",
	"uyên", "uyêt",
	"uê", "uêch", "uênh", "uân", "uâng", "uât", "uây", "uơ",
};

static int
vn_starts_front(const char *r)
{
	return r[0] == 'i' || r[0] == 'e' || r[0] == 'y' ||
	    strncmp(r, "ê", strlen("ê")) == 0;
}

static int
vn_checked(const char *r)
{
	size_t n = strlen(r);

	return n > 0 && (r[n - 1] == 'c' || r[n - 1] == 'p' ||
	    r[n - 1] == 't' || (n > 1 && strcmp(r + n - 2, "ch") == 0));
}

/* Does onset o go with rhyme r (spelling rules: k/gh/ngh before front
 * vowels only, c/ng never before them, qu not before a medial)? */
static int
vn_fits(const char *o, const char *r)
{
	size_t i;

	for (i = 0; i < sizeof(vn_rhymes) / sizeof(vn_rhymes[0]); i++)
		if (strcmp(r, vn_rhymes[i]) == 0)
			break;
	if (i == sizeof(vn_rhymes) / sizeof(vn_rhymes[0]))
		return 0;
	if (strcmp(o, "k") == 0 || strcmp(o, "gh") == 0 ||
	    strcmp(o, "ngh") == 0)
		return vn_starts_front(r);
	if (strcmp(o, "c") == 0 || strcmp(o, "ng") == 0)
		return !vn_starts_front(r);
	if (strcmp(o, "g") == 0)
		return r[0] != 'e' && strncmp(r, "ê", strlen("ê")) != 0;
	if (strcmp(o, "qu") == 0)
		return r[0] != 'u' && r[0] != 'o';
	if (o[0] != '\0' && strncmp(r, "yê", strlen("yê")) == 0)
		return 0;
	return 1;
}

/*
 * Is the n bytes of UTF-8 at s one Vietnamese syllable (any case, any
 * normalisation form): an onset, a rhyme and at most one tone mark, a
 * checked rhyme (final c, ch, p, t) taking only the sắc or nặng tone?
 * Used to tell which decoding of a file gives Vietnamese text.
 */
int
text_vn_syllable(const char *s, size_t n)
{
	utf8proc_uint8_t	*dec = NULL, *base = NULL;
	utf8proc_ssize_t	 k, i, j, step;
	utf8proc_int32_t	 cp, tone = 0;
	int			 tones = 0, ok = 0;
	size_t			 o, lo;

	if (n == 0 || n > 64)
		return 0;
	k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &dec, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD);
	if (k < 0)
		return 0;
	/* Take the tone marks out, in place. */
	for (i = j = 0; i < k; i += step) {
		step = utf8proc_iterate(dec + i, k - i, &cp);
		if (step <= 0)
			goto out;
		if (cp == 0x300 || cp == 0x301 || cp == 0x303 ||
		    cp == 0x309 || cp == 0x323) {
			tones++;
			tone = cp;
			continue;
		}
		memmove(dec + j, dec + i, (size_t)step);
		j += step;
	}
	if (tones > 1)
		goto out;
	if (utf8proc_map(dec, j, &base, UTF8PROC_COMPOSE) < 0)
		goto out;
	for (o = 0; o < sizeof(vn_onsets) / sizeof(vn_onsets[0]); o++) {
		const char *on = vn_onsets[o], *r;

		lo = strlen(on);
		if (strncmp((const char *)base, on, lo) != 0)
			continue;
		r = (const char *)base + lo;
		/* "gì", "gin": the i of gi doubles as the rhyme's. */
		if (*r == '\0' && strcmp(on, "gi") != 0)
			continue;
		if (*r == '\0')
			r = "i";
		if (!vn_fits(on, r))
			continue;
		if (vn_checked(r) && tone != 0 && tone != 0x301 &&
		    tone != 0x323)
			continue;
		if (vn_checked(r) && tone == 0)
			continue;
		ok = 1;
		break;
	}
out:
	free(dec);
	free(base);
	return ok;
}

/* A share of words (percent) in the NFC UTF-8 text s that are
 * Vietnamese syllables, counting only words with a non-ASCII letter;
 * -1 when there is no such word. */
static int
vn_share(const char *s, size_t n)
{
	size_t			 i = 0, w0 = 0, words = 0, good = 0;
	int			 inword = 0, nonascii = 0;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 k;

	for (;;) {
		int letter = 0;

		k = 0;
		if (i < n) {
			k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
			    (utf8proc_ssize_t)(n - i), &cp);
			if (k <= 0) {
				k = 1;
				cp = 0xFFFD;
			}
			switch (utf8proc_category(cp)) {
			case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
			case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
			case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
			case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
				letter = 1;
				break;
			default:
				break;
			}
		}
		if (letter) {
			if (!inword) {
				inword = 1;
				nonascii = 0;
				w0 = i;
			}
			if (cp >= 0x80)
				nonascii = 1;
		} else if (inword) {
			inword = 0;
			if (nonascii) {
				words++;
				good += (size_t)text_vn_syllable(s + w0, i - w0);
			}
		}
		if (i >= n)
			break;
		/* Any other non-ASCII character between words, but for
		 * general punctuation (dashes, quotes), counts as a word that
		 * is not Vietnamese: mojibake is full of symbols. */
		if (!letter && cp >= 0x80 && cp != 0xA0 &&
		    (cp < 0x2000 || cp > 0x206F))
			words++;
		i += (size_t)k;
	}
	if (words == 0)
		return -1;
	return (int)((good * 100 + words / 2) / words);
}

/* ------------------------------------------------------------------ */
/* The converter                                                        */
/* ------------------------------------------------------------------ */

enum conv_phase {
	PH_HEAD,	/* waiting for 4 bytes to look for a BOM */
	PH_SNIFF,	/* auto: ASCII so far, passed through as UTF-8 */
	PH_HOLD,	/* auto: holding TEXT_SNIFF bytes to guess from */
	PH_RUN,		/* decoding with enc */
	PH_DONE		/* failed: input ignored */
};

/* Where the converted text goes: returns 0, or -1 with errno set. */
typedef int (*conv_sink)(void *arg, const char *s, size_t n);

struct conv {
	const char	*name;      /* file name for messages */
	struct diag	*d;         /* where messages go */
	enum text_enc	 want;      /* encoding asked for */
	enum text_enc	 enc;       /* decoder in use (PH_RUN) */
	enum conv_phase	 ph;        /* see above */
	iconv_t		 cd;        /* UTF-16 and CP1258, else (iconv_t)-1 */
	unsigned char	*in;        /* input not consumed yet */
	size_t		 nin;       /* bytes in in */
	size_t		 capin;     /* allocated */
	unsigned long long in_off;  /* offset of in[0] in the input */
	long		 line;      /* line of the next decoded character */
	long		 col;       /* its column, in characters */
	int		 cr;        /* the last character was a CR */
	int		 started;   /* a character was decoded */
	int		 bom_warned; /* warned of a BOM inside the text */
	char		*pend;      /* decoded text, not yet normalised */
	size_t		 npend;     /* bytes in pend */
	size_t		 cappend;   /* allocated */
	conv_sink	 sink;      /* where the output goes */
	void		*sinkarg;   /* its argument */
	int		 rc;        /* VB_OK until something failed */
};

static void
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

static void
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
static void
conv_fail(struct conv *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
conv_fail(struct conv *c, const char *fmt, ...)
{
	char	 msg[1024];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_add(c->d, DIAG_ERROR, c->name, (int)c->line, (int)c->col,
	    "%s", msg);
	c->rc = VB_EINPUT;
	c->ph = PH_DONE;
}

/* Make room for n more bytes at the end of *buf. */
static int
grow(char **buf, size_t *cap, size_t used, size_t n)
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
static void
conv_put(struct conv *c, const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i;
	char			*o;

	if (n == 0 || c->rc != VB_OK)
		return;
	if (grow(&c->pend, &c->cappend, c->npend, n) == -1) {
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

/* Length of the UTF-8 sequence at p: > 0 when complete and valid, 0
 * when a valid start cut short by the end of the n bytes, -1 when
 * invalid (overlong forms, surrogates and values past U+10FFFF too). */
static int
utf8_len(const unsigned char *p, size_t n)
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

static void
conv_nul(struct conv *c, unsigned long long off)
{
	conv_fail(c, "NUL byte at offset %llu: this is not a text file "
	    "(if it is UTF-16 without a byte order mark, give -f utf-16le "
	    "or -f utf-16be)", off);
}

/* Decode UTF-8; returns the bytes consumed (an incomplete sequence at
 * the end is left for the next chunk unless final). */
static size_t
dec_utf8(struct conv *c, const unsigned char *p, size_t n, int final)
{
	size_t	i = 0, run = 0;
	int	k = -1;

	while (i < n) {
		if (p[i] >= 0x20 && p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] != 0 && (k = utf8_len(p + i, n - i)) > 0) {
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
static size_t
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
static size_t
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

static int
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
sniff_byte(unsigned char b)
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

/* Decode the n bytes at p as CP1258 (all of them, or -1) into NFC. */
static char *
decode_cp1258(const unsigned char *p, size_t n, size_t *outlen)
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

static char *
decode_tcvn3(const unsigned char *p, size_t n, size_t *outlen)
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
		else if ((k = utf8_len(p + i, n - i)) == 0 &&
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
		if ((t = decode_cp1258(p, n, &ln)) != NULL) {
			s1258 = vn_share(t, ln);
			free(t);
		}
		if ((t = decode_tcvn3(p, n, &ln)) != NULL) {
			stcvn = vn_share(t, ln);
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
	    "be sure", enc_label(c->enc),
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
				if (sniff_byte(c->in[i]))
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
static void
conv_feed(struct conv *c, const void *buf, size_t n)
{
	if (c->ph == PH_DONE || n == 0)
		return;
	if (grow((char **)&c->in, &c->capin, c->nin, n) == -1) {
		conv_nomem(c);
		return;
	}
	memcpy(c->in + c->nin, buf, n);
	c->nin += n;
	conv_run(c, 0);
}

/* No more input: finish and return the status. */
static int
conv_finish(struct conv *c)
{
	conv_run(c, 1);
	if (c->rc == VB_OK)
		conv_flush(c, 1);
	return c->rc;
}

/* ------------------------------------------------------------------ */
/* Readers                                                              */
/* ------------------------------------------------------------------ */

struct membuf {
	char	*p;     /* the bytes, NUL-terminated when done */
	size_t	 n;     /* bytes used */
	size_t	 cap;   /* allocated */
};

static int
mem_sink(void *arg, const char *s, size_t n)
{
	struct membuf *m = arg;

	if (grow(&m->p, &m->cap, m->n, n + 1) == -1) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(m->p + m->n, s, n);
	m->n += n;
	return 0;
}

/* End a conversion into memory that ended with rc: on success hand the
 * NUL-terminated text to the caller, else free it. */
static int
mem_take(struct membuf *m, int rc, const char *name, struct diag *d,
    char **out, size_t *len)
{
	if (rc == VB_OK && mem_sink(m, "", 0) == -1) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "out of memory");
		rc = VB_ESYS;
	}
	if (rc != VB_OK) {
		free(m->p);
		return rc;
	}
	m->p[m->n] = '\0';
	*out = m->p;
	if (len)
		*len = m->n;
	return VB_OK;
}

static int
file_sink(void *arg, const char *s, size_t n)
{
	return fwrite(s, 1, n, (FILE *)arg) == n ? 0 : -1;
}

int
text_read_mem(const char *name, const char *buf, size_t n, enum text_enc enc,
    struct diag *d, char **out, size_t *len)
{
	struct conv	c;
	struct membuf	m = { NULL, 0, 0 };
	size_t		i, k;
	int		rc;

	conv_init(&c, name, enc, d, mem_sink, &m);
	for (i = 0; i < n && c.ph != PH_DONE; i += k) {
		k = n - i < TEXT_CHUNK ? n - i : TEXT_CHUNK;
		conv_feed(&c, buf + i, k);
	}
	rc = conv_finish(&c);
	conv_free(&c);
	return mem_take(&m, rc, name, d, out, len);
}

/* Feed the converter all of fp through buf (TEXT_CHUNK bytes) and finish
 * it; returns its status, or VB_ESYS when fp cannot be read. */
static int
conv_pump(struct conv *c, FILE *fp, const char *path, char *buf,
    struct diag *d)
{
	size_t k;

	while (c->ph != PH_DONE && (k = fread(buf, 1, TEXT_CHUNK, fp)) > 0)
		conv_feed(c, buf, k);
	if (ferror(fp)) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		return VB_ESYS;
	}
	return conv_finish(c);
}

/* Open path for reading ("-" is stdin); NULL with a message in d. */
static FILE *
text_open_in(const char *path, struct diag *d)
{
	FILE *fp;

	if (strcmp(path, "-") == 0)
		return stdin;
	if ((fp = fopen(path, "rb")) == NULL)
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot open: %s",
		    strerror(errno));
	return fp;
}

int
text_read_file(const char *path, enum text_enc enc, struct diag *d,
    char **out, size_t *len)
{
	struct conv	 c;
	struct membuf	 m = { NULL, 0, 0 };
	FILE		*fp;
	char		*buf;
	int		 rc;

	if ((fp = text_open_in(path, d)) == NULL)
		return VB_ESYS;
	if ((buf = malloc(TEXT_CHUNK)) == NULL) {
		if (fp != stdin)
			fclose(fp);
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory");
		return VB_ESYS;
	}
	conv_init(&c, strcmp(path, "-") == 0 ? "<stdin>" : path, enc, d,
	    mem_sink, &m);
	rc = conv_pump(&c, fp, path, buf, d);
	conv_free(&c);
	free(buf);
	if (fp != stdin)
		fclose(fp);
	return mem_take(&m, rc, path, d, out, len);
}

int
text_convert_stream(const char *in_path, const char *out_path,
    enum text_enc enc, struct diag *d)
{
	struct conv	 c;
	struct outfile	*of;
	FILE		*in, *out;
	char		*buf;
	int		 rc;

	if ((in = text_open_in(in_path, d)) == NULL)
		return VB_ESYS;
	if ((buf = malloc(TEXT_CHUNK)) == NULL) {
		diag_add(d, DIAG_ERROR, in_path, 0, 0, "out of memory");
		if (in != stdin)
			fclose(in);
		return VB_ESYS;
	}
	if ((out = outfile_open(out_path, &of, d)) == NULL) {
		free(buf);
		if (in != stdin)
			fclose(in);
		return VB_ESYS;
	}
	conv_init(&c, strcmp(in_path, "-") == 0 ? "<stdin>" : in_path, enc,
	    d, file_sink, out);
	rc = conv_pump(&c, in, in_path, buf, d);
	conv_free(&c);
	free(buf);
	if (in != stdin)
		fclose(in);
	/* Standard output keeps what was written before an error. */
	if (rc != VB_OK) {
		outfile_close(of, strcmp(out_path, "-") == 0, d);
		return rc;
	}
	return outfile_close(of, 1, d);
}

/*
 * The encoding a document source declares in its front matter
 * ("encoding: cp1258" between the first two "---" lines), read from the
 * raw bytes: the key and the names are ASCII, which every supported
 * single-byte encoding and UTF-8 keep as they are.  Returns 1 and sets
 * *out when a known name is declared, 0 when none is, -1 for an unknown
 * name (its line in *line).
 */
static int
text_enc_declared(const char *buf, size_t n, enum text_enc *out, int *line)
{
	size_t	 i = 0;
	int	 ln = 1;

	if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if (n - i < 4 || memcmp(buf + i, "---", 3) != 0)
		return 0;
	while (i < n) {
		const char	*l = buf + i, *e = memchr(l, '\n', n - i);
		size_t		 ll = e ? (size_t)(e - l) : n - i;

		if (ln > 1 && ll >= 3 && memcmp(l, "---", 3) == 0)
			break;
		if (ll > 9 && memcmp(l, "encoding:", 9) == 0) {
			char	 name[32];
			size_t	 a = 9, k = 0;

			while (a < ll && (l[a] == ' ' || l[a] == '\t' ||
			    l[a] == '"' || l[a] == '\''))
				a++;
			while (a < ll && k + 1 < sizeof(name) && l[a] != ' ' &&
			    l[a] != '"' && l[a] != '\'' && l[a] != '\r' &&
			    l[a] != '#')
				name[k++] = l[a++];
			name[k] = '\0';
			*line = ln;
			return text_enc_parse(name, out) == 0 ? 1 : -1;
		}
		if (e == NULL)
			break;
		i += ll + 1;
		ln++;
	}
	return 0;
}

int
text_read_source(const char *path, enum text_enc enc, struct diag *d,
    char **out, size_t *len)
{
	char	 head[4096];
	size_t	 n;
	FILE	*fp;
	int	 line = 0, k;

	if (enc != TEXT_ENC_AUTO || strcmp(path, "-") == 0 ||
	    (fp = fopen(path, "rb")) == NULL)
		return text_read_file(path, enc, d, out, len);
	n = fread(head, 1, sizeof(head), fp);
	fclose(fp);
	k = text_enc_declared(head, n, &enc, &line);
	if (k < 0) {
		diag_add(d, DIAG_ERROR, path, line, 1, "unknown encoding; "
		    "write utf-8, utf-16, cp1258 or tcvn3");
		return VB_EINPUT;
	}
	return text_read_file(path, enc, d, out, len);
}
