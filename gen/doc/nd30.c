/*
 * nd30.c - the format rules of Nghị định 30/2020 that are words and
 * punctuation, not geometry: the number line (ô 3), the place-date line
 * (ô 4), the Kính gửi lines (ô 9a) and the Nơi nhận entries (ô 9b).  The
 * PDF layout calls these; a DOCX writer would call the same, so the two
 * can never disagree on a leading zero or a semicolon.
 *
 * Every function returns a malloc'd NFC UTF-8 string (the caller frees
 * it), or NULL when memory ran out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/input.h"
#include "doc/doc.h"

/* The blank the clerk fills by hand: the number (ô 3) and the day and
 * month of an undated document (ô 4). */
#define ND30_BLANK_SO "         "
#define ND30_BLANK_DAY "    "

/* ô 3, the number line (contract in doc.h). */
char *
nd30_so(const struct doc_meta *m)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	const char	*kh = m->ky_hieu ? m->ky_hieu : "";

	/* Numbers under 10 get a leading 0 (Phụ lục I, ô 3). */
	if (m->so == NULL)
		vbuf_printf(&b, "Số: " ND30_BLANK_SO "/%s", kh);
	else if (strlen(m->so) == 1 && m->so[0] >= '1' && m->so[0] <= '9')
		vbuf_printf(&b, "Số: 0%s/%s", m->so, kh);
	else
		vbuf_printf(&b, "Số: %s/%s", m->so, kh);
	return vbuf_take(&b);
}

/* ô 4, the place and date (contract in doc.h). */
char *
nd30_date(const struct doc_meta *m)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	const char	*place = m->dia_danh ? m->dia_danh : "";

	/* A leading 0 for days under 10 and for months 1 and 2 (ô 4):
	 * "tháng 01", "tháng 02", but "tháng 3". */
	if (m->day == 0)
		vbuf_printf(&b, "%s, ngày " ND30_BLANK_DAY " tháng "
		    ND30_BLANK_DAY " năm %d", place, m->year);
	else
		vbuf_printf(&b, "%s, ngày %02d tháng %s%d năm %d", place,
		    m->day, m->month <= 2 ? "0" : "", m->month, m->year);
	return vbuf_take(&b);
}

/* ô 9a, a single recipient: "Kính gửi: X." */
char *
nd30_kinh_gui_one(const char *who)
{
	struct vbuf b = { NULL, 0, 0, 0 };

	vbuf_printf(&b, "Kính gửi: %s.", who);
	return vbuf_take(&b);
}

/* ô 9a, one of several recipients: "- X;" or "- X." */
char *
nd30_kinh_gui_entry(const char *who, int last)
{
	struct vbuf b = { NULL, 0, 0, 0 };

	vbuf_printf(&b, "- %s%s", who, last ? "." : ";");
	return vbuf_take(&b);
}

/* ô 9b, one entry: "- X;" or, last, "- X." */
char *
nd30_nn_entry(const char *s, int last)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	size_t		 k;

	/* The user may have written the dash and the final mark already. */
	while (*s == ' ')
		s++;
	if (s[0] == '-' && s[1] == ' ')
		s += 2;
	k = strlen(s);
	while (k > 0 && (s[k - 1] == ';' || s[k - 1] == '.' ||
	    s[k - 1] == ' '))
		k--;
	/* (An entry of nothing but marks keeps its dash alone: "-;".) */
	vbuf_puts(&b, k > 0 ? "- " : "-");
	vbuf_putn(&b, s, k);
	vbuf_puts(&b, last ? "." : ";");
	return vbuf_take(&b);
}

/* ô 9b: does the list start with "- Như trên;"? */
int
nd30_nhu_tren(const struct doc_meta *m)
{
	return m->kinh_gui.n > 0 && (m->noi_nhan.n == 0 ||
	    strstr(m->noi_nhan.v[0], "Như trên") == NULL);
}

/* ô 9b, the Lưu line without its final "." */
char *
nd30_luu(const struct doc_meta *m)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	size_t		 k = strlen(m->luu);

	while (k > 0 && m->luu[k - 1] == '.')
		k--;
	vbuf_puts(&b, "- Lưu: ");
	vbuf_putn(&b, m->luu, k);
	return vbuf_take(&b);
}
