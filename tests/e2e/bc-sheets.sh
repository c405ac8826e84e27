#!/bin/sh
# vb-baocao's workbooks choose their sheet as vb-khenthuong's lists do
# (issue 24): the first whose headings match, with a note naming it when
# it is not the first; none matching, a note naming the sheets tried.
# The workbooks are tests/data/bc-sheets/ (its make.sh: openpyxl and
# LibreOffice).  Prints "PASS name" / "FAIL name: detail".
PREFIX=bc_sheets
. "$(dirname "$0")/../lib/prologue.sh"
export SOURCE_DATE_EPOCH=1593561600
I=$ROOT/input/2020
D=$ROOT/tests/data/bc-sheets
run() {	# OUT TASKS PROGRESS [options]: the reports of quý II into $tmp/OUT
	o=$1 p=$2 f=$3
	shift 3
	"$BIN/vb-baocao" -q --templates "$ROOT/templates" \
	    --config "$I/bao-cao.yaml" --ky Q2 --ngay 2020-07-06 \
	    -d "$tmp/$o" "$@" "$p" "$f" 2>"$tmp/$o.err"
}
same() {	# OUT: OUT ran and wrote what the CSV run wrote
	[ -s "$tmp/$1/so-noi-vu.md" ] && diff -r "$tmp/csv" "$tmp/$1" \
	    >/dev/null && ! grep -q ': error:' "$tmp/$1.err"
}
why() {		# OUT: how OUT differs, its first messages
	echo "$(diff -r "$tmp/csv" "$tmp/$1" 2>&1 | head -2) $(head -3 "$tmp/$1.err" | tr '\n' ' ')"
}
ok() {		# NAME OUT, then a test's exit status: PASS or FAIL
	if [ "$3" = 0 ]; then pass "$1"; else fail "$1" "$(why "$2")"; fi
}
note() {	# FILE SHEET: the note that SHEET of FILE is read, after "Hướng dẫn"
	grep -q "^$1: note: sheet \"$2\" is read: the first whose headings match (sheet \"Hướng dẫn\" before it" "$3"
}

U="--don-vi $I/don-vi.csv"
run csv "$I/nhiem-vu.csv" "$I/tien-do.csv" $U ||
    fail csv "$(head -3 "$tmp/csv.err" | tr "\n" " ")"
# A progress form on its only sheet, and after a guide sheet: as openpyxl
# writes it, as LibreOffice saves it (.ods, and .xlsx from that .ods).
run one "$I/nhiem-vu.csv" "$D/tien-do.xlsx" $U
same one && ! grep -q 'note:' "$tmp/one.err"
ok form_only_sheet one $?
for w in tien-do-huong-dan.xlsx tien-do-huong-dan.ods tien-do-lo.xlsx; do
	n=guide_$(echo "$w" | tr '.-' '__')
	run "$w" "$I/nhiem-vu.csv" "$D/$w" $U
	same "$w" && note "$D/$w" "Phiếu báo cáo" "$tmp/$w.err"
	ok "$n" "$w" $?
done
# The task table and the units after a guide sheet.
run plan "$D/nhiem-vu-huong-dan.xlsx" "$I/tien-do.csv" $U
same plan && note "$D/nhiem-vu-huong-dan.xlsx" "Nhiệm vụ" "$tmp/plan.err"
ok plan_guide plan $?
run units "$I/nhiem-vu.csv" "$I/tien-do.csv" --don-vi "$D/don-vi-huong-dan.xlsx"
same units && note "$D/don-vi-huong-dan.xlsx" "Đơn vị" "$tmp/units.err"
ok units_guide units $?
# vb-khenthuong's register opened and saved in Excel after a guide sheet:
# the same counts of awards as from the CSV.
run kt "$I/nhiem-vu.csv" "$I/tien-do.csv" $U --khen-thuong "$D/so-dang-ky.csv"
run ktx "$I/nhiem-vu.csv" "$I/tien-do.csv" $U --khen-thuong "$D/so-dang-ky-huong-dan.xlsx"
grep -q 'đã ban hành 3 quyết định khen thưởng' "$tmp/kt/tong-hop.md" &&
    diff -r "$tmp/kt" "$tmp/ktx" >/dev/null 2>&1 &&
    note "$D/so-dang-ky-huong-dan.xlsx" "Sổ đăng ký" "$tmp/ktx.err"
if [ $? = 0 ]; then pass register_guide
else fail register_guide "$(head -3 "$tmp/ktx.err" | tr "\n" " ")"; fi
# --sheet still wins: the second sheet of each is read without a note;
# the first, the guide, gives its missing columns.
run sheet2 "$D/nhiem-vu-huong-dan.xlsx" "$D/tien-do-huong-dan.xlsx" $U --sheet 2
same sheet2 && ! grep -q 'note:' "$tmp/sheet2.err"
ok sheet_named sheet2 $?
run sheet1 "$D/nhiem-vu-huong-dan.xlsx" "$D/tien-do-huong-dan.xlsx" $U --sheet 1
if [ $? = 1 ] && grep -q 'nhiem-vu-huong-dan.xlsx:Hướng dẫn!1:1: error: no column of task contents' "$tmp/sheet1.err" &&
    ! grep -q 'note:' "$tmp/sheet1.err"; then
	pass sheet_named_guide
else
	fail sheet_named_guide "$(head -3 "$tmp/sheet1.err" | tr "\n" " ")"
fi
# No sheet has a progress table's headings: a note in Vietnamese names
# the sheets tried and the one read, whose missing columns follow.
run kk "$I/nhiem-vu.csv" "$D/khong-khop.xlsx" $U --lang vi
if [ $? = 1 ] && grep -q "^$D/khong-khop.xlsx: lưu ý: không trang tính nào của bảng tính có các tiêu đề cột cần tìm (đã xét các trang: \"Hướng dẫn\", \"Ghi chú\"): đọc trang đầu tiên, \"Hướng dẫn\" (ghi --sheet" "$tmp/kk.err" &&
    grep -q "^$D/khong-khop.xlsx:Hướng dẫn!1:1: lỗi: thiếu cột don_vi" "$tmp/kk.err"; then
	pass no_sheet_matches
else
	fail no_sheet_matches "$(head -3 "$tmp/kk.err" | tr "\n" " ")"
fi
run kku "$I/nhiem-vu.csv" "$I/tien-do.csv" --don-vi "$D/khong-khop.xlsx" --lang vi
if [ $? = 1 ] && grep -q "^$D/khong-khop.xlsx: lưu ý: .*(đã xét các trang: \"Hướng dẫn\", \"Ghi chú\")" "$tmp/kku.err" &&
    grep -q "^$D/khong-khop.xlsx:Hướng dẫn!1:1: lỗi: .*don_vi" "$tmp/kku.err"; then
	pass units_no_sheet_matches
else
	fail units_no_sheet_matches "$(head -3 "$tmp/kku.err" | tr "\n" " ")"
fi
