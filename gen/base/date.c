/*
 * date.c - calendar days as users write them (ISO or dd/mm/yyyy): the
 * one date parser of the front matter, the award data and the progress
 * tables.
 */
#include <stdio.h>
#include <time.h>

#include "base/base.h"

int
text_date_parse(const char *s, int *y, int *m, int *d)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int	 n = 0, leap;

	if (sscanf(s, "%4d-%2d-%2d%n", y, m, d, &n) == 3 && n == 10 &&
	    s[n] == '\0')
		;
	else if (n = 0, sscanf(s, "%2d/%2d/%4d%n", d, m, y, &n) == 3 &&
	    s[n] == '\0')
		;
	else
		return -1;
	if (*m < 1 || *m > 12 || *d < 1)
		return -1;
	leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
	return *d > mdays[*m - 1] + (*m == 2 && leap) ? -1 : 0;
}

int
vb_date_parse(const char *s, vb_date *out)
{
	int y, m, d;

	if (text_date_parse(s, &y, &m, &d) == -1 || y < 1900 || y > 9999)
		return -1;
	*out = (vb_date)y * 10000 + m * 100 + d;
	return 0;
}

vb_date
vb_today(void)
{
	time_t		 t = time(NULL);
	struct tm	*tm = localtime(&t);

	if (tm == NULL)
		return 20200101;
	return (long)(tm->tm_year + 1900) * 10000 + (tm->tm_mon + 1) * 100 +
	    tm->tm_mday;
}
