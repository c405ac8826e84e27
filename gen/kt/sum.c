/*
 * sum.c - the checksum vb-khenthuong writes into each decision source
 * (a YAML comment line "# vanban: sha256 HEX …" after the opening
 * "---"), so that a re-run can tell a source the clerk edited from one
 * it wrote itself.  SHA-256 as FIPS 180-4 defines it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kt/kt.h"

/* The line's fixed start; the hex digest follows. */
#define KT_SUM_MARK	"# vanban: sha256 "
#define KT_SUM_NOTE	" (written by vb-khenthuong: an edited copy is " \
			"not overwritten without --ghi-de)"

static const uint32_t kt_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b,
	0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
	0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7,
	0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
	0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152,
	0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
	0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
	0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
	0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
	0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

#define KT_ROR(x, n)	(((x) >> (n)) | ((x) << (32 - (n))))

/* One 64-byte block into the state h. */
static void
kt_sha256_block(uint32_t *h, const unsigned char *p)
{
	uint32_t	w[64], a, b, c, d, e, f, g, hh, t1, t2;
	int		i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (i = 16; i < 64; i++)
		w[i] = w[i - 16] + (KT_ROR(w[i - 15], 7) ^
		    KT_ROR(w[i - 15], 18) ^ (w[i - 15] >> 3)) + w[i - 7] +
		    (KT_ROR(w[i - 2], 17) ^ KT_ROR(w[i - 2], 19) ^
		    (w[i - 2] >> 10));
	a = h[0]; b = h[1]; c = h[2]; d = h[3];
	e = h[4]; f = h[5]; g = h[6]; hh = h[7];
	for (i = 0; i < 64; i++) {
		t1 = hh + (KT_ROR(e, 6) ^ KT_ROR(e, 11) ^ KT_ROR(e, 25)) +
		    ((e & f) ^ (~e & g)) + kt_k[i] + w[i];
		t2 = (KT_ROR(a, 2) ^ KT_ROR(a, 13) ^ KT_ROR(a, 22)) +
		    ((a & b) ^ (a & c) ^ (b & c));
		hh = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void
kt_sha256_hex(const void *data, size_t n, char hex[65])
{
	uint32_t		 h[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	};
	const unsigned char	*p = data;
	unsigned char		 last[128];
	uint64_t		 bits = (uint64_t)n * 8;
	size_t			 i, rest, tail;

	for (i = 0; i + 64 <= n; i += 64)
		kt_sha256_block(h, p + i);
	rest = n - i;
	memset(last, 0, sizeof(last));
	memcpy(last, p + i, rest);
	last[rest] = 0x80;
	tail = rest + 1 + 8 <= 64 ? 64 : 128;
	for (i = 0; i < 8; i++)
		last[tail - 1 - i] = (unsigned char)(bits >> (8 * i));
	kt_sha256_block(h, last);
	if (tail == 128)
		kt_sha256_block(h, last + 64);
	for (i = 0; i < 8; i++)
		snprintf(hex + 8 * i, 9, "%08x", (unsigned)h[i]);
}

char *
kt_sum_add(const char *md)
{
	const char	*nl = strchr(md, '\n');
	char		 hex[65], *s;
	size_t		 first;

	kt_sha256_hex(md, strlen(md), hex);
	first = nl ? (size_t)(nl - md) + 1 : strlen(md);
	if (asprintf(&s, "%.*s" KT_SUM_MARK "%s" KT_SUM_NOTE "\n%s",
	    (int)first, md, hex, md + first) < 0)
		return NULL;
	return s;
}

int
kt_sum_check(const char *text, size_t len)
{
	const char	*p = text, *e = text + len, *nl, *hex;
	char		*rest, got[65];
	int		 ok;

	for (; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL)
			return -1;
		if ((size_t)(nl - p) > strlen(KT_SUM_MARK) + 64 &&
		    strncmp(p, KT_SUM_MARK, strlen(KT_SUM_MARK)) == 0)
			break;
		if (p != text && strncmp(p, "---", 3) == 0)
			return -1;	/* end of the front matter */
	}
	if (p >= e)
		return -1;
	hex = p + strlen(KT_SUM_MARK);
	if ((rest = malloc(len)) == NULL)
		return -1;
	memcpy(rest, text, (size_t)(p - text));
	memcpy(rest + (p - text), nl + 1, (size_t)(e - nl - 1));
	kt_sha256_hex(rest, len - (size_t)(nl + 1 - p), got);
	ok = strncmp(got, hex, 64) == 0;
	free(rest);
	return ok;
}
