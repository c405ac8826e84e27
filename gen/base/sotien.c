/*
 * sotien.c - amounts of money as Vietnamese write them: figures grouped
 * with '.' ("1.490.000") and words ("Một triệu bốn trăm chín mươi nghìn
 * đồng"), following the rules of ../shared/spec/khen-thuong.md.
 *
 * Words are built from groups of three digits.  Above a billion the
 * number splits as A tỷ B (B < 10^9) with A itself said in words, so
 * 1.500.000.000.000 is "một nghìn năm trăm tỷ", never "một nghìn tỷ năm
 * trăm tỷ".  A group that follows a higher non-zero part is said in full
 * ("không trăm", "linh"); a group of 000 is skipped.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

#define SOTIEN_BILLION 1000000000ULL

static const char *const sotien_digit[10] = {
	"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"
};

/* Append word w, a space before it unless it is the first. */
static void
sotien_put(struct vbuf *b, const char *w)
{
	if (b->len > 0)
		vbuf_putn(b, " ", 1);
	vbuf_puts(b, w);
}

/*
 * Append the words of one group g (1..999).  full: something higher was
 * said already, so a zero hundreds digit is "không trăm" and a lone
 * unit takes "linh".
 */
static void
sotien_group(struct vbuf *b, unsigned g, int full,
    const struct sotien_opt *opt)
{
	unsigned h = g / 100, t = g / 10 % 10, u = g % 10;

	if (h > 0 || full) {
		sotien_put(b, sotien_digit[h]);
		sotien_put(b, "trăm");
	}
	if (t == 0) {
		if (u == 0)
			return;
		if (h > 0 || full)
			sotien_put(b, opt && opt->le ? "lẻ" : "linh");
		sotien_put(b, sotien_digit[u]);
		return;
	}
	if (t == 1)
		sotien_put(b, "mười");
	else {
		sotien_put(b, sotien_digit[t]);
		sotien_put(b, "mươi");
	}
	if (u == 0)
		return;
	if (u == 5)
		sotien_put(b, "lăm");
	else if (u == 1 && t >= 2)
		sotien_put(b, "mốt");
	else if (u == 4 && t >= 2)
		sotien_put(b, opt && opt->bon ? "bốn" : "tư");
	else
		sotien_put(b, sotien_digit[u]);
}

/* Append n (0 < n < 10^9) as groups with nghìn and triệu. */
static void
sotien_below_billion(struct vbuf *b, unsigned long long n, int full,
    const struct sotien_opt *opt)
{
	static const char *const unit[3] = { NULL, "nghìn", "triệu" };
	unsigned	 grp[3];
	int		 i;

	grp[0] = (unsigned)(n % 1000);
	grp[1] = (unsigned)(n / 1000 % 1000);
	grp[2] = (unsigned)(n / 1000000 % 1000);
	for (i = 2; i >= 0; i--) {
		if (grp[i] == 0)
			continue;
		sotien_group(b, grp[i], full, opt);
		if (unit[i] != NULL)
			sotien_put(b, unit[i]);
		full = 1;
	}
}

/* Append n > 0 of any size: A tỷ B with A said recursively. */
static void
sotien_number(struct vbuf *b, unsigned long long n, int full,
    const struct sotien_opt *opt)
{
	unsigned long long hi = n / SOTIEN_BILLION, lo = n % SOTIEN_BILLION;

	if (hi > 0) {
		sotien_number(b, hi, full, opt);
		sotien_put(b, "tỷ");
		full = 1;
	}
	if (lo > 0)
		sotien_below_billion(b, lo, full, opt);
}

char *
sotien_words(unsigned long long amount, const struct sotien_opt *opt)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	char		*w;

	if (amount > SOTIEN_MAX)
		return NULL;
	if (amount == 0)
		sotien_put(&b, sotien_digit[0]);
	else
		sotien_number(&b, amount, 0, opt);
	if (opt == NULL || !opt->khong_dong)
		sotien_put(&b, "đồng");
	if ((w = vbuf_take(&b)) == NULL)
		return NULL;
	/* Every first word starts with an ASCII letter (m, h, b, n, s, t,
	 * c, k): capitalising one byte is enough. */
	if (w[0] >= 'a' && w[0] <= 'z')
		w[0] = (char)(w[0] - 'a' + 'A');
	return w;
}

char *
sotien_figures(unsigned long long amount)
{
	char	 digits[32], *out;
	size_t	 n, i, o;

	n = (size_t)snprintf(digits, sizeof(digits), "%llu", amount);
	if ((out = malloc(n + n / 3 + 1)) == NULL)
		return NULL;
	for (i = o = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return out;
}

/*
 * v as Vietnamese write a number (contract in vanban.h).  Rounded to the
 * hundredth by llround, half away from zero: adding 0.5 and truncating
 * rounded a negative value towards zero (-1.234 gave -1,22) and took
 * 0.49999999999999994 to 1 (the sum rounds up in binary).
 */
void
sotien_decimal(double v, char *buf, size_t n)
{
	long long		 cents;
	unsigned long long	 a;
	char			 ip[32];
	size_t			 len, i, k = 0;
	int			 fr;

	if (n == 0)
		return;
	if (!(v > -1e15 && v < 1e15))   /* NaN, infinite, or too large */
		v = 0;
	cents = llround(v * 100);
	a = (unsigned long long)(cents < 0 ? -cents : cents);
	fr = (int)(a % 100);
	if (cents < 0 && k + 1 < n)
		buf[k++] = '-';
	snprintf(ip, sizeof(ip), "%llu", a / 100);
	len = strlen(ip);
	for (i = 0; i < len && k + 2 < n; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[k++] = '.';
		buf[k++] = ip[i];
	}
	buf[k] = '\0';
	if (fr != 0)
		snprintf(buf + k, n - k, fr % 10 ? ",%02d" : ",%d",
		    fr % 10 ? fr : fr / 10);
}

/* The value of a decimal digit string s[0..n) or -1 past SOTIEN_MAX. */
static int
sotien_digits(const char *s, size_t n, unsigned long long *acc)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (*acc > SOTIEN_MAX / 10)
			return -1;
		*acc = *acc * 10 + (unsigned long long)(s[i] - '0');
		if (*acc > SOTIEN_MAX)
			return -1;
	}
	return 0;
}

int
sotien_parse(const char *s, unsigned long long *out)
{
	unsigned long long	 acc = 0;
	size_t			 run, i, end;
	char			 sep = 0;
	int			 groups = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	end = strlen(s);
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	if (end == 0)
		return -1;
	for (i = 0; i < end; ) {
		for (run = 0; i + run < end && s[i + run] >= '0' &&
		    s[i + run] <= '9'; run++)
			continue;
		/* The first group has 1-3 digits when separators follow;
		 * every later one exactly 3. */
		if (run == 0 || (groups > 0 && run != 3))
			return -1;
		if (sotien_digits(s + i, run, &acc) != 0)
			return -1;
		i += run;
		groups++;
		if (i == end)
			break;
		if (groups == 1 && run > 3)
			return -1;
		if (s[i] != '.' && s[i] != ' ')
			return -1;
		if (sep != 0 && s[i] != sep)
			return -1;
		sep = s[i++];
		if (i == end)		/* "5." or "1.490.": a group is missing */
			return -1;
	}
	*out = acc;
	return 0;
}
