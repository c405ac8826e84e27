/*
 * order.c - the order of the nominees in a decision's annex (--sap-xep):
 * as the list gives them, by name or by unit, in Vietnamese alphabetical
 * order (ă â ê ô ơ ư đ letters of their own, tones after letters).
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "kt/kt.h"

/* Collation weights of a string: primary (letters, with ă â ê ô ơ ư đ
 * as letters of their own) and secondary (tones).  Malloc'd arrays. */
struct kt_coll {
	utf8proc_int32_t	*pri;
	utf8proc_int32_t	*sec;
	size_t			 n;
};

int
kt_sort_parse(const char *s, int *out)
{
	if (strcmp(s, "nhap") == 0 || strcmp(s, "") == 0)
		*out = KT_SORT_INPUT;
	else if (strcmp(s, "ten") == 0)
		*out = KT_SORT_NAME;
	else if (strcmp(s, "don-vi") == 0 || strcmp(s, "don_vi") == 0)
		*out = KT_SORT_UNIT;
	else
		return -1;
	return 0;
}

static int
kt_coll_make(const char *s, struct kt_coll *c)
{
	utf8proc_int32_t	 cp, dec[8];
	utf8proc_ssize_t	 k, nd, i;
	size_t			 len = strlen(s), pos = 0;

	c->n = 0;
	c->pri = malloc((len + 1) * sizeof(*c->pri));
	c->sec = malloc((len + 1) * sizeof(*c->sec));
	if (c->pri == NULL || c->sec == NULL)
		return -1;
	while (pos < len) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + pos,
		    (utf8proc_ssize_t)(len - pos), &cp);
		if (k <= 0)
			break;
		pos += (size_t)k;
		cp = utf8proc_tolower(cp);
		nd = utf8proc_decompose_char(cp, dec, 8, UTF8PROC_DECOMPOSE,
		    NULL);
		if (nd <= 0)
			continue;
		utf8proc_int32_t base = dec[0], var = 0, tone = 0;

		for (i = 1; i < nd; i++) {
			switch (dec[i]) {
			case 0x0306: var = 1; break;	/* ă */
			case 0x0302: var = 2; break;	/* â ê ô */
			case 0x031B: var = 3; break;	/* ơ ư */
			case 0x0300: tone = 1; break;	/* huyền */
			case 0x0309: tone = 2; break;	/* hỏi */
			case 0x0303: tone = 3; break;	/* ngã */
			case 0x0301: tone = 4; break;	/* sắc */
			case 0x0323: tone = 5; break;	/* nặng */
			default: break;
			}
		}
		if (base == 0x0111) {		/* đ after d */
			base = 'd';
			var = 1;
		}
		if (base >= 'a' && base <= 'z')
			c->pri[c->n] = 0x10000 + (base - 'a') * 4 + var;
		else if (base == ' ')
			c->pri[c->n] = 1;
		else
			c->pri[c->n] = base < 0x10000 ? base : 0xFFFF;
		c->sec[c->n] = tone;
		c->n++;
	}
	return 0;
}

static int
kt_weights_cmp(const utf8proc_int32_t *a, size_t na,
    const utf8proc_int32_t *b, size_t nb)
{
	size_t i;

	for (i = 0; i < na && i < nb; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return (na > nb) - (na < nb);
}

/* Compare two strings: letters first, tones to break ties. */
static int
kt_coll_cmp(const char *a, const char *b)
{
	struct kt_coll	 x, y;
	int		 c;

	if (kt_coll_make(a, &x) != 0 || kt_coll_make(b, &y) != 0)
		c = strcmp(a, b);
	else if ((c = kt_weights_cmp(x.pri, x.n, y.pri, y.n)) == 0 &&
	    (c = kt_weights_cmp(x.sec, x.n, y.sec, y.n)) == 0)
		c = strcmp(a, b);
	free(x.pri);
	free(x.sec);
	free(y.pri);
	free(y.sec);
	return c;
}

int
kt_name_cmp(const char *a, const char *b, int by_given)
{
	const char	*ga, *gb;
	int		 c;

	if (by_given) {
		ga = strrchr(a, ' ');
		gb = strrchr(b, ' ');
		ga = ga ? ga + 1 : a;
		gb = gb ? gb + 1 : b;
		if ((c = kt_coll_cmp(ga, gb)) != 0)
			return c;
	}
	return kt_coll_cmp(a, b);
}

/* qsort context: the sort asked for (qsort has no user pointer). */
static int kt_sort_mode;

static int
kt_nominee_cmp(const void *pa, const void *pb)
{
	const struct kt_nominee	*a = *(const struct kt_nominee *const *)pa;
	const struct kt_nominee	*b = *(const struct kt_nominee *const *)pb;
	int			 c = 0;

	if (kt_sort_mode == KT_SORT_NAME)
		c = kt_name_cmp(a->ho_ten, b->ho_ten, a->kind == KT_CA_NHAN);
	else if (kt_sort_mode == KT_SORT_UNIT)
		c = kt_coll_cmp(a->don_vi, b->don_vi);
	if (c != 0)
		return c;
	return (a->order > b->order) - (a->order < b->order);
}

void
kt_nominees_sort(struct kt_nominee **v, size_t n, int sort)
{
	kt_sort_mode = sort;
	if (sort != KT_SORT_INPUT)
		qsort(v, n, sizeof(*v), kt_nominee_cmp);
}
