/*
 * rowkind.c - the rows below a nominee list's header that hold no
 * nominee: a row numbering the columns, an empty numbered row, a group
 * heading that gives the kind of the rows below it ("I. TẬP THỂ"), and
 * the footer (a total, the signers) with the names signed under it.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "kt/list_int.h"

/* Whether row r (just below the header) numbers the columns: "1", "2"
 * or "(1)", "(2)" in every cell that is not empty. */
int
kt_colnum_row(const struct csvt_row *r)
{
	size_t		 i, n = 0;
	const char	*p;

	for (i = 0; i < r->nfields; i++) {
		if (*r->fields[i] == '\0')
			continue;
		for (p = r->fields[i]; *p != '\0'; p++)
			if (strchr("0123456789() .", *p) == NULL)
				return 0;
		n++;
	}
	return n >= 2;
}

/* Whether every cell of r is empty but those outside the list's columns
 * and the STT (a numbered empty row). */
int
kt_empty_row(const struct kt_lt *x, const struct csvt_row *r)
{
	int c;

	for (c = 0; c < NCOL; c++)
		if (c != COL_STT && *kt_cell(x, r, c) != '\0')
			return 0;
	return 1;
}

/* Length of a group marker at s: a Roman numeral (vb_roman: I …
 * XXXIX) or one capital letter, then ".", ")" or a space; 0 if none. */
static size_t
kt_group_marker(const char *s)
{
	size_t n = strspn(s, "IVX");

	if (n > 0 && vb_roman(s, n) == 0)
		n = 0;

	if (n == 0 && *s >= 'A' && *s <= 'Z')
		n = 1;
	if (n == 0 || (s[n] != '.' && s[n] != ')' && s[n] != ' '))
		return 0;
	return n + 1;
}

/*
 * A row without an award form that heads a group: "I. TẬP THỂ",
 * "II. CÁ NHÂN", "A. Tập thể", "B) Cá nhân" (the marker may be alone in
 * the STT cell), "1. Tập thể" or a lone "Tập thể" / "Cá nhân": the
 * kind of the rows below it.  A row marked by a numeral or a letter
 * naming neither kind or both ("I. SỞ NỘI VỤ") heads a section: -1.
 * Not a group row: -2.
 */
static int
kt_group_row(const struct csvt_row *r)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	size_t		 i, m;
	char		*g, *f;
	int		 k = -2, tt, cn;

	for (i = 0; i < r->nfields; i++)
		if (*r->fields[i] != '\0')
			vbuf_printf(&b, "%s%s", b.len ? " " : "",
			    r->fields[i]);
	if ((g = vbuf_take(&b)) == NULL)
		return -2;
	m = kt_group_marker(g);
	/* "1. Tập thể": a number marks a group naming nothing but its kind
	 * (after it a nominee's name could follow). */
	if (m == 0 && (i = strspn(g, "0123456789")) > 0 &&
	    (g[i] == '.' || g[i] == ')'))
		m = i + 1;
	if ((f = csvt_fold(g + m)) != NULL) {
		tt = strstr(f, "tapthe") != NULL;
		cn = strstr(f, "canhan") != NULL;
		if (m > 0 && (*g < '0' || *g > '9'))
			k = tt == cn ? -1 : tt ? KT_TAP_THE : KT_CA_NHAN;
		else if (strcmp(f, "tapthe") == 0)
			k = KT_TAP_THE;
		else if (strcmp(f, "canhan") == 0)
			k = KT_CA_NHAN;
	}
	free(f);
	free(g);
	return k;
}

/* kt_group_row of a row without an award form, when it names no unit
 * either (a nominee whose form was left out stays an error). */
int
kt_group_of(const struct kt_lt *x, const struct csvt_row *r)
{
	if (*kt_cell(x, r, COL_DON_VI) != '\0' ||
	    *kt_cell(x, r, COL_CV_DV) != '\0')
		return -2;
	return kt_group_row(r);
}

/* Whether a cell starts the footer under the table: a total, the
 * preparer, a signature, the place and date, a signing authority. */
static int
kt_footer_cell(const char *s)
{
	static const char *const starts[] = {
		"tongcong", "tongso", "nguoilap", "nguoiky",
		"thutruong", "xacnhan", "kyten", "kyghi", "kydongdau", NULL
	};
	static const char *const marks[] = {
		"TM.", "T/M", "KT.", "TL.", "Q.", "TUQ.", NULL
	};
	char	*f = csvt_fold(s);
	int	 hit = 0, i;

	if (f == NULL)
		return 0;
	for (i = 0; starts[i] != NULL && !hit; i++)
		hit = strncmp(f, starts[i], strlen(starts[i])) == 0;
	if (!hit)
		hit = strcmp(f, "tong") == 0 || strcmp(f, "cong") == 0 ||
		    strstr(f, "kyghirohoten") ||
		    (strstr(s, "ngày") != NULL && strstr(s, "tháng") != NULL &&
		    strstr(s, "năm") != NULL && strlen(s) < 80);
	for (i = 0; marks[i] != NULL && !hit; i++)
		hit = strncmp(s, marks[i], strlen(marks[i])) == 0 &&
		    s[strlen(marks[i])] == ' ';
	free(f);
	return hit;
}

/* Whether s is a title in capitals, as a signing authority is written
 * ("GIÁM ĐỐC", "THỦ TRƯỞNG ĐƠN VỊ"): at least four letters, none of them
 * lower case, no digit, and no word of an award form ("BẰNG KHEN UBND"
 * is a form mistyped, reported as such). */
static int
kt_caps_title(const char *s)
{
	static const char *const award[] = { "khen", "thidua", "laodong",
	    "chiensi", "danhhieu", NULL };
	utf8proc_int32_t	cp;
	utf8proc_ssize_t	k;
	const char		*p;
	int			upper = 0, cat, i;
	char			*f;

	for (p = s; *p != '\0'; p += k) {
		if ((k = utf8proc_iterate((const utf8proc_uint8_t *)p, -1,
		    &cp)) <= 0)
			return 0;
		cat = utf8proc_category(cp);
		if (cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_ND)
			return 0;
		upper += cat == UTF8PROC_CATEGORY_LU;
	}
	if (upper < 4 || (f = csvt_fold(s)) == NULL)
		return 0;
	for (i = 0; award[i] != NULL && strstr(f, award[i]) == NULL; i++)
		;
	free(f);
	return award[i] == NULL;
}

/* Whether the row's award form cell names a form (valid or not on the
 * decision's date). */
static int
kt_names_form(const struct kt_lt *x, const struct csvt_row *r)
{
	int	form;
	vb_date	from, until;

	return kt_form_on(x->kd, kt_cell(x, r, COL_HINH_THUC), x->date, &form,
	    &from, &until) == -2 || form >= 0;
}

/*
 * Whether a row starts the footer: it names no award form, a cell of it
 * is a footer's (in whatever column: a total, the preparer, a
 * signature, the place and date, or, when the row names no unit, a
 * title in capitals), and its name cell is empty or that cell (a
 * nominee whose form was left out stays an error, whatever its
 * position).
 */
int
kt_footer_row(const struct kt_lt *x, const struct csvt_row *r)
{
	const char	*name = kt_cell(x, r, COL_HO_TEN);
	int		 nounit = *kt_cell(x, r, COL_DON_VI) == '\0' &&
			    *kt_cell(x, r, COL_CV_DV) == '\0';
	size_t		 i;

	if (*kt_cell(x, r, COL_HINH_THUC) != '\0' && kt_names_form(x, r))
		return 0;
	if (*name != '\0' && !kt_footer_cell(name) &&
	    !(nounit && kt_caps_title(name)))
		return 0;
	for (i = 0; i < r->nfields; i++)
		if (*r->fields[i] != '\0' && (kt_footer_cell(r->fields[i]) ||
		    (kt_caps_title(r->fields[i]) && (nounit ||
		    (int)i != x->col[COL_HO_TEN]))))
			return 1;
	return 0;
}

/* Whether a row under the footer is still a nominee: it names a person
 * or collective and an award form (checked as any other). */
int
kt_after_footer(const struct kt_lt *x, const struct csvt_row *r)
{
	return *kt_cell(x, r, COL_HO_TEN) != '\0' && kt_names_form(x, r);
}
