/*
 * breakword.c - where a line break would fall inside a word: a word of
 * templates/tu-ghep.txt ("Ủy ban"), a name ("Điện Biên"), a number and
 * the word that counts it ("năm 2020"), a date written out ("ngày 16
 * tháng 11 năm 2013"), or before a dash.  The breaker (break.c) prices
 * those breaks; this file only finds them.
 */
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "layout/layout_int.h"
#include "layout/break_int.h"

/* One syllable of a run of words separated by single spaces. */
struct lb_syl {
	size_t	 glue;       /* the glue after it (0: none) */
	char	 key[48];    /* lower case, punctuation stripped; "" none */
	int	 lead;       /* punctuation before it: "(", a quote */
	int	 trail;      /* punctuation after it: ",", ".", ")" */
	int	 end;        /* it ends a sentence: ".", "!", "?", ":" */
	int	 cap;        /* Title case ("Điện") */
	int	 pfx;        /* it and the next begin a listed word */
};

/* Is the UTF-8 character at s (n bytes left) punctuation that sticks to a
 * word?  Its length, 0 if not. */
static size_t
lb_punct(const char *s, size_t n)
{
	static const char *const multi[] = { "\xe2\x80\x9c", "\xe2\x80\x9d",
	    "\xe2\x80\x98", "\xe2\x80\x99", "\xe2\x80\xa6", NULL };
	size_t i;

	if (n > 0 && strchr("()[]\"',.;:!?", s[0]) != NULL && s[0] != '\0')
		return 1;
	for (i = 0; multi[i] != NULL; i++)
		if (n >= 3 && memcmp(s, multi[i], 3) == 0)
			return 3;
	return 0;
}

/* Fill y from the box it: its text stripped of punctuation, folded. */
static void
lb_syl_of(const struct lb_ctx *c, const struct lb_item *it, struct lb_syl *y)
{
	char	 buf[64];
	size_t	 n = 0, k, a = 0, b, l;

	memset(y, 0, sizeof(*y));
	for (k = it->s0; k < it->s1; k++) {
		if (n + c->segs[k].n >= sizeof(buf))
			return;
		memcpy(buf + n, c->segs[k].t, c->segs[k].n);
		n += c->segs[k].n;
	}
	while (a < n && (l = lb_punct(buf + a, n - a)) > 0) {
		a += l;
		y->lead = 1;
	}
	for (b = n; b > a; ) {
		size_t back = buf[b - 1] & 0x80 ? 3 : 1;

		if (back > b - a || lb_punct(buf + b - back, back) != back)
			break;
		if (strchr(".!?:", buf[b - 1]) != NULL ||
		    (back == 3 && memcmp(buf + b - 3, "\xe2\x80\xa6", 3) == 0))
			y->end = 1;
		b -= back;
		y->trail = 1;
	}
	if (b == a)
		return;
	y->cap = lw_titlecase(buf + a, b - a);
	if (lw_fold(buf + a, b - a, y->key, sizeof(y->key)) == 0)
		y->key[0] = '\0';
}

/* Is `num` a number that the word `w` (folded) counts: "năm 2020",
 * "Điều 3", "số 12", "ngày 06/12/2019"?  The two stay on one line as a
 * listed word does. */
static int
lb_counted(const char *w, const char *num)
{
	static const char *const words[] = {
		"năm", "tháng", "ngày", "số", "điều", "khoản", "điểm",
		"chương", "mục", "phần", "lần", "đợt", "quý", "khóa", "kỳ",
	};
	size_t i;

	if (*num < '0' || *num > '9')
		return 0;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(w, words[i]) == 0)
			return 1;
	return 0;
}

/* Is syllable j a number (a day or a month)? */
static int
lb_num(const struct lb_syl *v, size_t j)
{
	return v[j].key[0] >= '0' && v[j].key[0] <= '9' && !v[j].trail &&
	    !v[j].lead;
}

/* Does the break after syllable j of v (m of them) fall inside a date
 * written out, "ngày 16 tháng 11 năm 2013"?  (Its pairs "ngày 16",
 * "tháng 11", "năm 2013" are counted words: lb_counted.) */
static int
lb_in_date(const struct lb_syl *v, size_t m, size_t j)
{
	if (v[j].trail || v[j + 1].lead)
		return 0;
	if (strcmp(v[j].key, "ngày") == 0)
		return lb_num(v, j + 1) && j + 2 < m &&
		    strcmp(v[j + 2].key, "tháng") == 0;
	if (strcmp(v[j].key, "tháng") == 0)
		return lb_num(v, j + 1) && j > 0 && lb_num(v, j - 1);
	if (strcmp(v[j].key, "năm") == 0)
		return lb_num(v, j + 1) && j > 0 && lb_num(v, j - 1);
	if (lb_num(v, j) && j > 0 && strcmp(v[j + 1].key, "tháng") == 0)
		return strcmp(v[j - 1].key, "ngày") == 0;
	if (lb_num(v, j) && j > 0 && strcmp(v[j + 1].key, "năm") == 0)
		return strcmp(v[j - 1].key, "tháng") == 0;
	return 0;
}

/* Does the break after syllable j of v (m of them; a run starts a
 * sentence) fall inside a listed word of up to LB_WORD_SYL syllables, or
 * inside a name? */
static int
lb_inside(const struct lb_syl *v, size_t m, size_t j)
{
	char	 key[LB_KEY_MAX];
	size_t	 len, st, k, n;

	/* A dash between words stays at the end of its line ("BAN THI
	 * ĐUA - / KHEN THƯỞNG"), never starts the next. */
	if (strcmp(v[j + 1].key, "-") == 0 ||
	    strcmp(v[j + 1].key, "\xe2\x80\x93") == 0)
		return 1;
	if (v[j].trail || v[j + 1].lead || !*v[j].key || !*v[j + 1].key)
		return 0;
	if (lb_counted(v[j].key, v[j + 1].key))
		return 1;
	/* A name: capitalised syllables ("Điện Biên").  A sentence's first
	 * word has its capital anyway: a name from there needs three
	 * ("Sở Công Thương", not "Theo Kế hoạch"). */
	if (v[j].cap && v[j + 1].cap && (!(j == 0 ? 1 : v[j - 1].end) ||
	    (j + 2 < m && v[j + 2].cap && !v[j + 1].trail && !v[j + 2].lead)))
		return 1;
	for (len = 2; len <= LB_WORD_SYL; len++)
		for (st = j + 2 > len ? j + 2 - len : 0; st <= j &&
		    st + len <= m; st++) {
			if (!v[st].pfx)
				continue;
			for (k = st, n = 0; k < st + len; k++) {
				size_t kl = strlen(v[k].key);

				if (!*v[k].key || (k > st && v[k].lead) ||
				    (k + 1 < st + len && v[k].trail) ||
				    n + kl + 2 > sizeof(key))
					break;
				if (k > st)
					key[n++] = ' ';
				memcpy(key + n, v[k].key, kl);
				n += kl;
			}
			key[n] = '\0';
			if (k == st + len && lw_has(key))
				return 1;
		}
	return 0;
}

/* Mark the glue inside listed words, names and dates (contract in
 * break_int.h). */
int
lb_mark_words(struct lb_ctx *c)
{
	struct lb_syl	*v = NULL;
	size_t		 cap = 0, m, i = 1, j, capw = 0;
	int		 rc = 0;

	c->nwglue = 0;
	while (i < c->nitems) {
		/* A run starts at a box of a word. */
		if (c->items[i].type != LB_BOX || c->items[i].s0 ==
		    c->items[i].s1) {
			i++;
			continue;
		}
		for (m = 0; i < c->nitems && c->items[i].type == LB_BOX; m++) {
			if (vb_grow((void **)&v, &cap, m + 1, sizeof(*v))) {
				rc = -1;
				goto done;
			}
			lb_syl_of(c, &c->items[i], &v[m]);
			if ((i + 1 < c->nitems && c->items[i + 1].type ==
			    LB_PENALTY) || (i > 1 && c->items[i - 1].type ==
			    LB_PENALTY && c->items[i - 1].charbreak))
				v[m].key[0] = '\0';   /* a cut word */
			v[m].glue = i + 1 < c->nitems && c->items[i + 1].type ==
			    LB_GLUE && c->items[i + 1].stretch_pt < LB_FILL ?
			    i + 1 : 0;
			if (v[m].glue == 0 || i + 2 >= c->nitems) {
				i++;
				m++;
				break;
			}
			i += 2;
		}
		for (j = 0; j + 1 < m; j++)
			v[j].pfx = *v[j].key && *v[j + 1].key &&
			    lw_pair(v[j].key, v[j + 1].key);
		if (m > 0)
			v[m - 1].pfx = 0;
		for (j = 0; j + 1 < m; j++) {
			if (v[j].glue == 0)
				continue;
			c->items[v[j].glue].date = lb_in_date(v, m, j);
			if (!c->items[v[j].glue].date && !lb_inside(v, m, j))
				continue;
			if (vb_grow((void **)&c->wglue, &capw, c->nwglue + 1,
			    sizeof(*c->wglue))) {
				rc = -1;
				goto done;
			}
			c->wglue[c->nwglue++] = v[j].glue;
		}
	}
done:
	free(v);
	return rc;
}

