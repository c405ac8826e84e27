/*
 * test_table.c - tables from workbooks (gen/input/table.c, xlsx.c,
 * xls.c).  Without arguments: the unit checks (number, date and
 * reference formatting, and reading the workbooks of tests/data/xlsx/
 * under $ROOT).  With `--dump FILE [SHEET]`: print the table read by
 * table_read, for the golden tests and tests/e2e/xlsx.sh, one row a line
 * "LINE: field|field|..." after a first line "name: NAME"; messages to
 * stderr; exit 0, 1 or 3 as the tools do.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "input/table.h"
#include "check.h"

static int
dump(const char *path, const char *sheet)
{
	struct diag	*d = diag_new();
	struct csvt	*t = NULL;
	size_t		 i, j;
	int		 rc;

	rc = table_read(path, sheet, TEXT_ENC_AUTO, d, &t);
	if (t != NULL) {
		printf("name: %s\n", t->name);
		for (i = 0; i < t->nrows; i++) {
			printf("%d:", t->rows[i].line);
			for (j = 0; j < t->rows[i].nfields; j++)
				printf("%s%s", j ? "|" : " ",
				    t->rows[i].fields[j]);
			printf("\n");
		}
	}
	diag_print(d, stderr, "test_table");
	csvt_free(t);
	diag_free(d);
	return rc;
}

static void
test_num(void)
{
	char b[64];

	table_num(1490000, b);
	CHECK_STR("num_int", b, "1490000");
	table_num(87.5, b);
	CHECK_STR("num_half", b, "87.5");
	table_num(0.1 + 0.2, b);
	CHECK_STR("num_noise", b, "0.3");
	table_num(nextafter(1490000, 2e6), b);	/* 1490000.0000000002 */
	CHECK_STR("num_noise_big", b, "1490000");
	table_num(-0.0, b);
	CHECK_STR("num_negzero", b, "0");
	table_num(-12.25, b);
	CHECK_STR("num_neg", b, "-12.25");
	table_num(0.00001, b);
	CHECK_STR("num_small", b, "0.00001");
	table_num(123456789012, b);
	CHECK_STR("num_12digits", b, "123456789012");
	table_num(1e20, b);
	CHECK_STR("num_huge", b, "1e+20");
}

static void
test_serial(void)
{
	char b[64];

	CHECK("serial_1900", table_serial(43840, 0, TNUM_DATE, b) == 0);
	CHECK_STR("serial_1900_value", b, "2020-01-10");
	CHECK("serial_1904", table_serial(42378, 1, TNUM_DATE, b) == 0);
	CHECK_STR("serial_1904_value", b, "2020-01-10");
	table_serial(1, 0, TNUM_DATE, b);
	CHECK_STR("serial_day1", b, "1900-01-01");
	table_serial(59, 0, TNUM_DATE, b);
	CHECK_STR("serial_day59", b, "1900-02-28");
	table_serial(61, 0, TNUM_DATE, b);
	CHECK_STR("serial_day61", b, "1900-03-01");
	CHECK("serial_day60_refused", table_serial(60, 0, TNUM_DATE, b) != 0);
	table_serial(0, 1, TNUM_DATE, b);
	CHECK_STR("serial_1904_day0", b, "1904-01-01");
	table_serial(43840.5, 0, TNUM_DATE, b);
	CHECK_STR("serial_datetime", b, "2020-01-10 12:00:00");
	table_serial(0.75, 0, TNUM_TIME, b);
	CHECK_STR("serial_time", b, "18:00:00");
	CHECK("serial_negative", table_serial(-1, 0, TNUM_DATE, b) != 0);
	CHECK("serial_too_big", table_serial(2e7, 0, TNUM_DATE, b) != 0);
	/* As LibreOffice's CSV export shows the cells (issue 20): seconds
	 * cut, 15 significant digits, midnight carried into the day. */
	table_serial(0.99999999999, 0, TNUM_TIME, b);
	CHECK_STR("serial_time_end_of_day", b, "23:59:59");
	table_serial(0.999999999999999, 0, TNUM_TIME, b);
	CHECK_STR("serial_time_never_24h", b, "23:59:59");
	table_serial(1.0 / 3, 0, TNUM_TIME, b);
	CHECK_STR("serial_time_third", b, "08:00:00");
	table_serial(0.5 + 0.99 / 86400, 0, TNUM_TIME, b);
	CHECK_STR("serial_time_seconds_cut", b, "12:00:00");
	table_serial(43831.5 + 0.99 / 86400, 0, TNUM_DATE, b);
	CHECK_STR("serial_datetime_seconds_cut", b, "2020-01-01 12:00:00");
	table_serial(43831.999995, 0, TNUM_DATE, b);
	CHECK_STR("serial_datetime_midnight", b, "2020-01-02");
	table_serial(43831.99999, 0, TNUM_DATE, b);
	CHECK_STR("serial_datetime_before_midnight", b, "2020-01-01 23:59:59");
	CHECK("serial_last_day_rounded", table_serial(2958465.999999999, 0,
	    TNUM_DATE, b) == 0);
	CHECK_STR("serial_last_day_rounded_value", b, "10000-01-01");
}

static void
test_fmt(void)
{
	CHECK("fmt_general", table_fmt_kind("General") == TNUM_NUMBER);
	CHECK("fmt_money", table_fmt_kind("#,##0\\ \"đ\"") == TNUM_NUMBER);
	CHECK("fmt_dmy", table_fmt_kind("dd/mm/yyyy") == TNUM_DATE);
	CHECK("fmt_iso_escaped", table_fmt_kind("yyyy\\-mm\\-dd") ==
	    TNUM_DATE);
	CHECK("fmt_locale", table_fmt_kind("[$-42A]dd/mm/yyyy;@") ==
	    TNUM_DATE);
	CHECK("fmt_time", table_fmt_kind("hh:mm:ss") == TNUM_TIME);
	CHECK("fmt_ampm", table_fmt_kind("h:mm AM/PM") == TNUM_TIME);
	CHECK("fmt_elapsed", table_fmt_kind("[h]:mm") == TNUM_TIME);
	CHECK("fmt_quoted_d", table_fmt_kind("0 \"days\"") == TNUM_NUMBER);
	CHECK("fmt_red", table_fmt_kind("[Red]0.00") == TNUM_NUMBER);
	CHECK("fmt_sci", table_fmt_kind("0.00E+00") == TNUM_NUMBER);
	CHECK("fmt_mmm", table_fmt_kind("mmm-yy") == TNUM_DATE);
}

static void
test_ref(void)
{
	char		b[16], c[8];
	unsigned	col = 99;
	long		row = 99;
	struct csvt	t;
	struct csvt_row	r;
	char		*f[30];

	CHECK("ref_a1", table_ref("A1", &col, &row) == 0 && col == 0 &&
	    row == 1);
	CHECK("ref_ab12", table_ref("AB12", &col, &row) == 0 && col == 27 &&
	    row == 12);
	CHECK("ref_abs", table_ref("$C$7", &col, &row) == 0 && col == 2 &&
	    row == 7);
	CHECK("ref_xfd", table_ref("XFD1048576", &col, &row) == 0 &&
	    col == 16383 && row == 1048576);
	CHECK("ref_bad", table_ref("A1B", &col, &row) != 0);
	CHECK("ref_empty", table_ref("", &col, &row) != 0);
	table_col_name(0, c);
	CHECK_STR("col_a", c, "A");
	table_col_name(25, c);
	CHECK_STR("col_z", c, "Z");
	table_col_name(26, c);
	CHECK_STR("col_aa", c, "AA");
	table_col_name(16383, c);
	CHECK_STR("col_xfd", c, "XFD");
	memset(&t, 0, sizeof(t));
	memset(f, 0, sizeof(f));
	r.nfields = 30;
	r.fields = f;
	r.line = 12;
	t.nrows = 1;
	t.rows = &r;
	t.sep = 0;
	CHECK("cell_name_ok", table_cell_name(&t, 0, 5, b) == 0);
	CHECK_STR("cell_name_f12", b, "F12");
	CHECK("cell_name_range", table_cell_name(&t, 0, 30, b) != 0);
	t.sep = ',';
	CHECK("cell_name_csv", table_cell_name(&t, 0, 5, b) != 0 &&
	    b[0] == '\0');
}

/* The table of a test workbook, NULL and a FAIL on error. */
static struct csvt *
load(const char *file, const char *sheet, struct diag *d)
{
	char		 path[4096];
	const char	*root = getenv("ROOT");
	struct csvt	*t = NULL;

	snprintf(path, sizeof(path), "%s/tests/data/xlsx/%s",
	    root ? root : ".", file);
	if (table_read(path, sheet, TEXT_ENC_AUTO, d, &t) != VB_OK) {
		csvt_free(t);
		return NULL;
	}
	return t;
}

static void
test_read(void)
{
	struct diag	*d = diag_new();
	struct csvt	*t;
	char		 b[16];

	t = load("lo-list.xlsx", NULL, d);
	CHECK("read_lo_xlsx", t != NULL && t->nrows == 5 &&
	    t->rows[0].nfields == 6 && t->rows[4].line == 5);
	if (t != NULL) {
		CHECK_STR("read_lo_name", strrchr(t->name, '/') + 1,
		    "lo-list.xlsx:lo-list!");
		CHECK_STR("read_lo_money", t->rows[1].fields[4], "1490000");
		CHECK_STR("read_lo_score", t->rows[1].fields[5], "87.5");
		CHECK_STR("read_lo_date", t->rows[1].fields[2], "1985-03-12");
		CHECK("read_lo_workbook", table_is_workbook(t));
		CHECK("read_lo_cell", table_cell_name(t, 2, 4, b) == 0 &&
		    strcmp(b, "E3") == 0);
	}
	csvt_free(t);
	t = load("lo-list.csv", NULL, d);
	CHECK("read_csv", t != NULL && t->nrows == 5 && !table_is_workbook(t));
	csvt_free(t);
	t = load("lo-list.xlsx", "2", d);
	CHECK("read_sheet_number_missing", t == NULL && diag_errors(d) == 1);
	csvt_free(t);
	diag_free(d);
}

/* The grid alone: merged headings spread in the header rows only, gaps,
 * a cell given twice, hidden rows, trimming, line ends, NFC. */
static void
test_grid(void)
{
	struct diag	*d = diag_new();
	struct tgrid	 g;
	struct csvt	*t = NULL;
	const char	 nfd[] = "Ho\xcc\x80" "a";	/* "Hòa" decomposed */

	tgrid_init(&g, "f.xlsx:S", d);
	tgrid_put(&g, 3, 0, "Tên", strlen("Tên"));	/* header on row 3 */
	tgrid_put(&g, 3, 1, "Khen", 4);
	tgrid_merge(&g, 3, 1, 3, 3);			/* B3:D3 */
	tgrid_put(&g, 4, 0, "  An \r\n", 7);
	tgrid_put(&g, 4, 2, "x", 1);
	tgrid_put(&g, 4, 2, "y", 1);			/* given twice */
	tgrid_merge(&g, 4, 0, 5, 0);			/* A4:A5, data */
	tgrid_put(&g, 5, 3, nfd, strlen(nfd));
	tgrid_put(&g, 6, 0, "a\r\nb\rc", 7);
	tgrid_put(&g, 7, 0, "ẩn", strlen("ẩn"));
	tgrid_hide(&g, 7);
	tgrid_put(&g, 9, 0, " ", 1);			/* blank: no row */
	CHECK("grid_finish", tgrid_finish(&g, &t) == VB_OK && t != NULL);
	tgrid_free(&g);
	if (t == NULL) {
		diag_free(d);
		return;
	}
	CHECK("grid_rows", t->nrows == 4 && t->rows[0].line == 3 &&
	    t->rows[3].line == 6);
	CHECK("grid_width", t->rows[0].nfields == 4 && t->rows[3].nfields == 4);
	CHECK_STR("grid_spread_b", t->rows[0].fields[1], "Khen");
	CHECK_STR("grid_spread_d", t->rows[0].fields[3], "Khen");
	CHECK_STR("grid_trim", t->rows[1].fields[0], "An");
	CHECK_STR("grid_gap", t->rows[1].fields[1], "");
	CHECK_STR("grid_last_wins", t->rows[1].fields[2], "y");
	CHECK_STR("grid_data_merge_not_spread", t->rows[2].fields[0], "");
	CHECK_STR("grid_nfc", t->rows[2].fields[3], "Hòa");
	CHECK_STR("grid_lf", t->rows[3].fields[0], "a\nb\nc");
	CHECK("grid_hidden_warned", diag_warnings(d) == 1 &&
	    diag_item(d, 0)->line == 7);
	csvt_free(t);
	/* a value beyond the limits; the grid refuses the rest */
	tgrid_init(&g, "f.xlsx:S", d);
	CHECK("grid_limit_row", tgrid_put(&g, TABLE_MAX_ROWS + 1, 0, "x", 1)
	    != 0 && diag_errors(d) == 1);
	CHECK("grid_limit_sticks", tgrid_put(&g, 1, 0, "x", 1) != 0);
	CHECK("grid_limit_finish", tgrid_finish(&g, &t) == VB_EINPUT &&
	    t == NULL);
	tgrid_free(&g);
	tgrid_init(&g, "f.xlsx:S", d);
	CHECK("grid_limit_col", tgrid_put(&g, 1, TABLE_MAX_COLS, "x", 1) != 0);
	tgrid_free(&g);
	tgrid_init(&g, "f.xlsx:S", d);
	CHECK("grid_bad_utf8", tgrid_put(&g, 1, 0, "\xff", 1) != 0 &&
	    diag_errors(d) == 3);
	tgrid_free(&g);
	tgrid_init(&g, "f.xlsx:S", d);
	CHECK("grid_empty", tgrid_finish(&g, &t) == VB_OK && t == NULL);
	tgrid_free(&g);
	diag_free(d);
}

/* UTF-8 read as Windows-1252 is recognised, and only that. */
static void
test_mojibake(void)
{
	char *m;

	m = table_mojibake("TÃªn táº­p thá»ƒ");
	CHECK_STR("mojibake_heading", m ? m : "(null)", "Tên tập thể");
	free(m);
	/* U+0090: the byte 0x90 Windows-1252 leaves undefined ("Đ"). */
	m = table_mojibake("Ä\xc2\x90á»‘i tÆ°á»£ng");
	CHECK_STR("mojibake_c1", m ? m : "(null)", "Đối tượng");
	free(m);
	CHECK("mojibake_not_vietnamese", table_mojibake("Tên tập thể") ==
	    NULL && table_mojibake("Nguyễn Văn Ân") == NULL);
	CHECK("mojibake_not_latin1", table_mojibake("Café Ôn São Paulo") ==
	    NULL && table_mojibake("ASCII only") == NULL &&
	    table_mojibake("") == NULL);
}

/* A message about a workbook's sheet names its cell as Excel does. */
static void
test_cell_place(void)
{
	struct diag	*d = diag_new();
	char		*p;

	diag_add(d, DIAG_ERROR, "ds.xlsx:Danh sách!", 23, 6, "x");
	diag_add(d, DIAG_WARNING, "ds.xlsx:Danh sách!", 4, 0, "y");
	diag_add(d, DIAG_ERROR, "ds.xlsx:Danh sách!", 0, 0, "z");
	diag_add(d, DIAG_ERROR, "ds.xlsx:S!", 2, 28, "w");
	diag_add(d, DIAG_ERROR, "ds.csv", 23, 6, "v");
	CHECK_STR("place_cell", diag_get(d, 0),
	    "ds.xlsx:Danh sách!F23: error: x");
	CHECK_STR("place_row", diag_get(d, 1),
	    "ds.xlsx:Danh sách!4:4: warning: y");
	CHECK_STR("place_sheet", diag_get(d, 2), "ds.xlsx:Danh sách: error: z");
	CHECK_STR("place_col_ab", diag_get(d, 3), "ds.xlsx:S!AB2: error: w");
	CHECK_STR("place_csv", diag_get(d, 4), "ds.csv:23:6: error: v");
	diag_free(d);
	p = diag_place("ds.xlsx:Danh sách!", 0, 0);
	CHECK_STR("place_text_sheet", p, "ds.xlsx:Danh sách");
	free(p);
	p = diag_place("ds.xlsx:Danh sách!", 7, 3);
	CHECK_STR("place_text_cell", p, "ds.xlsx:Danh sách!C7");
	free(p);
	p = diag_place("ds.csv", 7, 3);
	CHECK_STR("place_text_csv", p, "ds.csv:7:3");
	free(p);
}

int
main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "--dump") == 0)
		return dump(argv[2], argc > 3 ? argv[3] : NULL);
	test_num();
	test_serial();
	test_fmt();
	test_ref();
	test_grid();
	test_cell_place();
	test_mojibake();
	test_read();
	return check_failed != 0;
}
