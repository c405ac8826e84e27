/*
 * test_nd30.c - unit tests of gen/doc/nd30.c: the words and punctuation
 * of Nghị định 30/2020 that every writer shares (ô 3, 4, 9a, 9b).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "doc/doc.h"
#include "check.h"

/* Check s (malloc'd, freed here) against want. */
static void
got(const char *name, char *s, const char *want)
{
	CHECK_STR(name, s, want);
	free(s);
}

int
main(void)
{
	struct doc_meta	 m;
	char		 nhu[] = "Như trên", *noi[] = { nhu };

	memset(&m, 0, sizeof(m));
	m.ky_hieu = (char *)"KH-UBND";
	m.so = (char *)"88";
	got("so", nd30_so(&m), "Số: 88/KH-UBND");
	m.so = (char *)"7";
	got("so under 10", nd30_so(&m), "Số: 07/KH-UBND");
	m.so = (char *)"07";
	got("so written 07", nd30_so(&m), "Số: 07/KH-UBND");
	m.so = NULL;
	got("so blank", nd30_so(&m), "Số:          /KH-UBND");

	m.dia_danh = (char *)"Điện Biên";
	m.year = 2020;
	m.month = 1;
	m.day = 10;
	got("date jan", nd30_date(&m), "Điện Biên, ngày 10 tháng 01 năm 2020");
	m.month = 2;
	m.day = 3;
	got("date feb", nd30_date(&m), "Điện Biên, ngày 03 tháng 02 năm 2020");
	m.month = 3;
	got("date mar", nd30_date(&m), "Điện Biên, ngày 03 tháng 3 năm 2020");
	m.month = 12;
	m.day = 25;
	got("date dec", nd30_date(&m), "Điện Biên, ngày 25 tháng 12 năm 2020");
	m.day = 0;
	got("date blank", nd30_date(&m),
	    "Điện Biên, ngày      tháng      năm 2020");

	got("kinh gui one", nd30_kinh_gui_one("Bộ Nội vụ"),
	    "Kính gửi: Bộ Nội vụ.");
	got("kinh gui entry", nd30_kinh_gui_entry("Bộ Nội vụ", 0),
	    "- Bộ Nội vụ;");
	got("kinh gui last", nd30_kinh_gui_entry("Bộ Tài chính", 1),
	    "- Bộ Tài chính.");

	got("nn entry", nd30_nn_entry("Sở Nội vụ", 0), "- Sở Nội vụ;");
	got("nn entry last", nd30_nn_entry("Sở Nội vụ", 1), "- Sở Nội vụ.");
	got("nn entry dash and mark", nd30_nn_entry("  - Sở Nội vụ; ", 0),
	    "- Sở Nội vụ;");
	got("nn entry dot", nd30_nn_entry("UBND huyện.", 0), "- UBND huyện;");
	got("nn entry marks only", nd30_nn_entry(";", 0), "-;");

	m.luu = (char *)"VT, NC.";
	got("luu", nd30_luu(&m), "- Lưu: VT, NC");
	m.luu = (char *)"VT";
	got("luu plain", nd30_luu(&m), "- Lưu: VT");

	CHECK("nhu tren without kinh gui", nd30_nhu_tren(&m) == 0);
	m.kinh_gui.v = noi;
	m.kinh_gui.n = 1;
	CHECK("nhu tren with kinh gui", nd30_nhu_tren(&m) == 1);
	m.noi_nhan.v = noi;
	m.noi_nhan.n = 1;
	CHECK("nhu tren already written", nd30_nhu_tren(&m) == 0);
	return check_failed != 0;
}
