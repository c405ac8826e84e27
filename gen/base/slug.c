/*
 * slug.c - file names made from Vietnamese names: "UBND huyện Mường Nhé"
 * -> "ubnd-huyen-muong-nhe".  Added for vb-baocao (one file per unit).
 * Also NFC (text_nfc): the one home of vanban's Unicode folding, in base
 * because it needs only utf8proc and every stage above uses it.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "base/base.h"

/* Is cp a letter or a digit of any script (what a folded heading keeps)? */
static int
fold_keeps(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return 1;
	default:
		return 0;
	}
}

char *
vb_fold(const char *s, int slug)
{
	utf8proc_uint8_t	*dec = NULL;
	utf8proc_ssize_t	 n, i, k;
	utf8proc_int32_t	 cp;
	size_t			 o = 0;
	int			 gap = 0;
	char			*r;

	n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &dec,
	    UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
	    UTF8PROC_STRIPMARK);
	if (n < 0)
		return strdup("");
	/* A slug's '-' between words never outgrows the text it replaces. */
	if ((r = malloc((size_t)n + 1)) == NULL) {
		free(dec);
		return NULL;
	}
	for (i = 0; i < n; i += k) {
		if ((k = utf8proc_iterate(dec + i, n - i, &cp)) <= 0)
			break;
		if (cp == 0x111)	/* đ (Đ is folded to it) */
			cp = 'd';
		if (!slug) {
			if (fold_keeps(cp))
				o += (size_t)utf8proc_encode_char(cp,
				    (utf8proc_uint8_t *)r + o);
			continue;
		}
		/* Only ASCII letters and digits survive; anything else
		 * (spaces, punctuation, other scripts) separates words. */
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			if (gap && o > 0)
				r[o++] = '-';
			r[o++] = (char)cp;
			gap = 0;
		} else
			gap = 1;
	}
	r[o] = '\0';
	free(dec);
	return r;
}

char *
vb_slug(const char *s)
{
	return vb_fold(s, 1);
}

char *
vb_upper(const char *s)
{
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 k;
	size_t			 n = strlen(s), i = 0, o = 0;
	char			*r, *nfc;

	/* Upper case never takes more than 4 bytes per character. */
	if ((r = malloc(n * 4 + 1)) == NULL)
		return NULL;
	while (i < n) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			r[o++] = s[i++];
			continue;
		}
		i += (size_t)k;
		o += (size_t)utf8proc_encode_char(utf8proc_toupper(cp),
		    (utf8proc_uint8_t *)r + o);
	}
	r[o] = '\0';
	nfc = text_nfc(r, o, NULL);
	free(r);
	return nfc;
}

size_t
vb_edit_distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, *row, prev, tmp, r;

	if ((row = malloc((lb + 1) * sizeof(*row))) == NULL)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			r = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < r)
				r = row[j] + 1;
			if (row[j - 1] + 1 < r)
				r = row[j - 1] + 1;
			row[j] = r;
			prev = tmp;
		}
	}
	r = row[lb];
	free(row);
	return r;
}

/*
 * Whether NFC leaves cp alone whatever stands around it: it has no
 * canonical decomposition of one character, no combining class, and no
 * composition takes it second.  True of U+0000..U+02FF, of Latin Extended
 * Additional (the precomposed Vietnamese letters, U+1E00..U+1EFF), of
 * general punctuation but its two quads (U+2002..U+206F) and of the
 * currency signs; text of only these is its own NFC.
 */
static int
text_nfc_stable(utf8proc_int32_t cp)
{
	return cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) ||
	    (cp >= 0x2002 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF);
}

char *
text_nfc(const char *s, size_t n, size_t *outlen)
{
	const utf8proc_uint8_t	*u = (const utf8proc_uint8_t *)s;
	utf8proc_uint8_t	*r = NULL;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 k;
	size_t			 i;

	/* Most text (all of vanban's own) is already NFC: checking costs a
	 * tenth of normalising it. */
	for (i = 0; i < n; i += (size_t)k)
		if ((k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i),
		    &cp)) <= 0 || !text_nfc_stable(cp))
			break;
	if (i == n) {
		if ((r = malloc(n + 1)) == NULL)
			return NULL;
		if (n > 0)
			memcpy(r, s, n);
		r[n] = '\0';
		if (outlen)
			*outlen = n;
		return (char *)r;
	}
	k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &r, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	if (k < 0)
		return NULL;
	if (outlen)
		*outlen = (size_t)k;
	return (char *)r;
}
