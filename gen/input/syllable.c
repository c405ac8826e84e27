/*
 * syllable.c - Vietnamese syllables (onset + rhyme + at most one tone):
 * how the reader tells Windows-1258 from TCVN3 text by content.
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
int
text_vn_share(const char *s, size_t n)
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
