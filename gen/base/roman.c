/*
 * roman.c - Roman numerals as Vietnamese tables number their groups
 * (I, II ... XXXIX): the one parser that the document model (a table's
 * group rows), vb-baocao (a plan's groups) and vb-khenthuong (a nominee
 * list's group markers) read.
 */
#include <string.h>

#include "base/base.h"

/* The value of the n bytes at s as a Roman numeral in capitals, I to
 * XXXIX (tens X, XX, XXX, then I to IX in their usual forms), or 0
 * (contract in vanban.h). */
int
vb_roman(const char *s, size_t n)
{
	static const char *const units[] = { "I", "II", "III", "IV", "V",
	    "VI", "VII", "VIII", "IX" };
	size_t	 i, tens = 0;

	while (tens < n && s[tens] == 'X' && tens < 3)
		tens++;
	if (tens == n)
		return (int)tens * 10;   /* "" is 0 */
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strlen(units[i]) == n - tens &&
		    memcmp(s + tens, units[i], n - tens) == 0)
			return (int)(tens * 10 + i + 1);
	return 0;
}
