/*
 * test_csvt.c - CSV tables: header folding and matching, separators,
 * quotes, BOM, source lines, ragged rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "check.h"

static struct diag *d;

/* Parse s; the table or NULL (rc in *rc). */
static struct csvt *
parse(const char *s, char sep, int line0, int *rc)
{
	struct csvt *t = NULL;

	diag_free(d);
	d = diag_new();
	*rc = csvt_parse("t.csv", s, strlen(s), sep, line0, d, &t);
	return t;
}

static void
check_fold(const char *in, const char *want)
{
	char	 name[128], *got = csvt_fold(in);

	snprintf(name, sizeof(name), "fold \"%s\"", in);
	CHECK_STR(name, got, want);
	free(got);
}

static void
test_fold(void)
{
	check_fold("Họ và tên", "hovaten");
	check_fold("ho_ten", "hoten");
	check_fold("HO TEN", "hoten");
	check_fold("Đơn vị", "donvi");
	check_fold("ĐỐI TƯỢNG", "doituong");
	check_fold("Hình thức khen thưởng", "hinhthuckhenthuong");
	check_fold("Ngày hoàn thành (dd/mm/yyyy)", "ngayhoanthanhddmmyyyy");
	check_fold("Số TT", "sott");
	check_fold("  Mã ", "ma");
	/* NFD input folds the same. */
	check_fold("Ho\xCC\xA3 va\xCC\x80 te\xCC\x82n", "hovaten");
	check_fold("", "");
}

static void
test_column(void)
{
	static const char *const ho_ten[] = { "ho_ten", "Họ và tên",
	    "Tên tập thể", NULL };
	static const char *const don_vi[] = { "don_vi", "Đơn vị", NULL };
	static const char *const ma[] = { "ma", NULL };
	struct csvt	*t;
	int		 rc;

	t = parse("STT;HỌ VÀ TÊN;Đơn  vị\n1;Lò Văn Minh;Sở Nội vụ\n", 0, 0,
	    &rc);
	CHECK("column parse", rc == VB_OK && t != NULL);
	CHECK("column heading", csvt_column(t, ho_ten) == 1);
	CHECK("column heading spaces", csvt_column(t, don_vi) == 2);
	CHECK("column missing", csvt_column(t, ma) == -1);
	csvt_free(t);
	t = parse("don_vi,ho_ten\na,b\n", 0, 0, &rc);
	CHECK("column key", csvt_column(t, ho_ten) == 1 &&
	    csvt_column(t, don_vi) == 0);
	csvt_free(t);
	CHECK("column null table", csvt_column(NULL, ma) == -1);
}

static void
test_parse(void)
{
	struct csvt	*t;
	int		 rc;

	/* Separators from the first line. */
	t = parse("a,b,c;d\n1,2,3;4\n", 0, 0, &rc);
	CHECK("sep comma", rc == VB_OK && t->sep == ',' && t->nrows == 2 &&
	    t->rows[0].nfields == 3);
	csvt_free(t);
	t = parse("a;b;c,d\n1;2;3,4\n", 0, 0, &rc);
	CHECK("sep semicolon", rc == VB_OK && t->sep == ';' &&
	    t->rows[1].nfields == 3);
	csvt_free(t);
	t = parse("Họ và tên\tĐơn vị, phòng\nLò Văn Minh\tSở Nội vụ\n", 0,
	    0, &rc);
	CHECK("sep tab", rc == VB_OK && t->sep == '\t' &&
	    t->rows[1].nfields == 2);
	if (rc == VB_OK)
		CHECK_STR("tab field", t->rows[1].fields[1], "Sở Nội vụ");
	csvt_free(t);
	t = parse("\"a,b\";c\n1;2\n", 0, 0, &rc);
	CHECK("sep outside quotes", rc == VB_OK && t->sep == ';');
	csvt_free(t);
	t = parse("a,b\n1,2\n", ';', 0, &rc);
	CHECK("sep given", rc == VB_OK && t->rows[0].nfields == 1);
	csvt_free(t);

	/* Tab-separated with empty cells in the middle. */
	t = parse("a\tb\tc\n1\t\t3\n", 0, 0, &rc);
	CHECK("tab empty cell", rc == VB_OK && t->rows[1].nfields == 3 &&
	    t->rows[1].fields[1][0] == '\0');
	csvt_free(t);

	/* BOM, trimming, quotes, blank lines, line numbers. */
	t = parse("\xEF\xBB\xBFten , ghi_chu\n\n  Hà Nội ,  \" hai \"\"x\"\" \"\n"
	    "\"dòng\nhai\",x\n   \n\"ba\",y", 0, 10, &rc);
	CHECK("bom parse", rc == VB_OK && t != NULL && t->nrows == 4);
	if (rc == VB_OK && t->nrows == 4) {
		CHECK_STR("bom stripped", t->rows[0].fields[0], "ten");
		CHECK_STR("trimmed", t->rows[1].fields[0], "Hà Nội");
		CHECK_STR("quoted quote", t->rows[1].fields[1], "hai \"x\"");
		CHECK_STR("multi-line field", t->rows[2].fields[0],
		    "dòng\nhai");
		CHECK("line header", t->rows[0].line == 11);
		CHECK("line after blank", t->rows[1].line == 13);
		CHECK("line multi-line", t->rows[2].line == 14);
		CHECK("line last no newline", t->rows[3].line == 17);
	}
	csvt_free(t);

	/* CRLF. */
	t = parse("a,b\r\n1,2\r\n\r\n3,4\r\n", 0, 0, &rc);
	CHECK("crlf", rc == VB_OK && t->nrows == 3 && t->rows[2].line == 4 &&
	    strcmp(t->rows[2].fields[1], "4") == 0);
	csvt_free(t);

	/* Excel's trailing empty cells and empty rows. */
	t = parse("a;b;;\n1;2;;;\n;;;\n3;;\n", 0, 0, &rc);
	CHECK("trailing empty dropped", rc == VB_OK && t->nrows == 3 &&
	    t->rows[0].nfields == 2 && t->rows[1].nfields == 2 &&
	    t->rows[2].nfields == 2);
	csvt_free(t);

	/* Ragged rows: every one reported, with its line. */
	t = parse("a,b,c,d\n1,2,3,4\n1,2,3,4,5\n\n1,2\n\"x\ny\",2,3,4,5\n",
	    0, 0, &rc);
	CHECK("ragged rc", rc == VB_EINPUT && t == NULL);
	CHECK("ragged count", diag_errors(d) == 3);
	CHECK_STR("ragged more", diag_get(d, 0),
	    "t.csv:3:1: error: row has 5 fields, the header has 4");
	CHECK_STR("ragged fewer", diag_get(d, 1),
	    "t.csv:5:1: error: row has 2 fields, the header has 4");
	CHECK_STR("ragged multi-line", diag_get(d, 2),
	    "t.csv:6:1: error: row has 5 fields, the header has 4");

	/* Unterminated quote. */
	t = parse("a,b\n1,2\n3,\"open\n4,5\n", 0, 0, &rc);
	CHECK("unterminated rc", rc == VB_EINPUT && t == NULL);
	CHECK_STR("unterminated", diag_get(d, 0),
	    "t.csv:3: error: a quoted field opened on this line is never "
	    "closed (a \" is missing)");
	CHECK("unterminated only", diag_errors(d) == 1);

	/* A quote inside an unquoted field is text. */
	t = parse("a,b\n12\" screen,2\n", 0, 0, &rc);
	CHECK("inner quote", rc == VB_OK && t->nrows == 2 &&
	    strcmp(t->rows[1].fields[0], "12\" screen") == 0);
	csvt_free(t);

	/* Empty input. */
	t = parse("\n  \n", 0, 0, &rc);
	CHECK("empty table", rc == VB_EINPUT && t == NULL);
}

/* Excel's "Unicode text": UTF-16LE with a BOM, tab-separated, CRLF. */
static void
test_excel_utf16(void)
{
	static const char raw[] = "\xFF\xFE" "H\0\xCD\x1E \0t\0\xEA\0n\0\t\0"
	    "S\0\x11\x01\r\0\n\0L\0\xF2\0 \0A\0\t\0" "1\0\r\0\n\0";
	struct csvt	*t = NULL;
	char		*txt = NULL;
	size_t		 len;
	int		 rc;

	diag_free(d);
	d = diag_new();
	rc = text_read_mem("x.txt", raw, sizeof(raw) - 1, TEXT_ENC_AUTO, d,
	    &txt, &len);
	if (rc == VB_OK)
		rc = csvt_parse("x.txt", txt, len, 0, 0, d, &t);
	CHECK("excel utf16 parse", rc == VB_OK && t != NULL &&
	    t->sep == '\t' && t->nrows == 2);
	if (rc == VB_OK && t->nrows == 2) {
		CHECK_STR("excel utf16 header", t->rows[0].fields[0],
		    "H\xE1\xBB\x8D t\xC3\xAAn");
		CHECK_STR("excel utf16 cell", t->rows[1].fields[0],
		    "L\xC3\xB2 A");
	}
	csvt_free(t);
	free(txt);
}

/* Rows kept as read: title rows above the header, no width check. */
static void
test_rows(void)
{
	const char	*s = "UBND TỈNH ĐIỆN BIÊN\n\nDANH SÁCH\n"
	    "STT;Họ và tên;Đơn vị;;\n1;Lò A;Sở X;;\n;;;;\n2;Lò B\n";
	const char	*s2 = "UBND TỈNH, SỞ NỘI VỤ\na;b;c\n1;2;3\n";
	struct csvt	*t = NULL;
	int		 rc;

	diag_free(d);
	d = diag_new();
	rc = csvt_parse_rows("t.csv", s, strlen(s), 0, 0, d, &t);
	CHECK("rows ok", rc == VB_OK && t != NULL && diag_errors(d) == 0);
	CHECK("rows sep from a later line", t != NULL && t->sep == ';');
	CHECK("rows count, blank ones skipped", t != NULL && t->nrows == 5);
	if (t != NULL && t->nrows == 5) {
		CHECK("rows title width", t->rows[0].nfields == 1);
		CHECK("rows title line", t->rows[1].line == 3);
		CHECK("rows header kept whole", t->rows[2].nfields == 5);
		CHECK("rows empty cells kept", t->rows[3].nfields == 5);
		CHECK("rows short row kept", t->rows[4].nfields == 2 &&
		    t->rows[4].line == 7);
	}
	csvt_free(t);
	/* A title with a comma above a ';' table: the header decides. */
	diag_free(d);
	d = diag_new();
	t = NULL;
	rc = csvt_parse_rows("t.csv", s2, strlen(s2), 0, 0, d, &t);
	CHECK("rows sep of the widest line", rc == VB_OK && t != NULL &&
	    t->sep == ';' && t->nrows == 3 && t->rows[0].nfields == 1);
	csvt_free(t);
	/* The same text read as a plain table: the separator comes from the
	 * title line (none there, so ','), and a ragged row is an error. */
	diag_free(d);
	d = diag_new();
	t = NULL;
	rc = csvt_parse_all("t.csv", s, strlen(s), 0, 0, d, &t);
	CHECK("rows vs parse_all: first line's sep", t != NULL &&
	    t->sep == ',');
	csvt_free(t);
	diag_free(d);
	d = diag_new();
	t = NULL;
	rc = csvt_parse_all("t.csv", s, strlen(s), ';', 0, d, &t);
	CHECK("rows vs parse_all: width checked", rc == VB_EINPUT &&
	    diag_errors(d) > 0);
	csvt_free(t);
}

int
main(void)
{
	test_fold();
	test_column();
	test_parse();
	test_excel_utf16();
	test_rows();
	diag_free(d);
	return check_failed != 0;
}
