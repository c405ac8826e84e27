#!/bin/sh
# The nominee list as Excel workbooks from two independent writers
# (tests/data/kt/: LibreOffice Calc's .xlsx, .xls and .ods of the CSV, and an
# openpyxl .xlsx with title rows above the table and a signature below):
# each gives exactly the decisions (sources and PDFs) of the CSV itself.
# Prints "PASS name" / "FAIL name: detail".  Environment: ROOT, BIN.
. "$(dirname "$0")/../lib/prologue.sh"
D=$ROOT/tests/data/kt
run() {	# OUT LIST
	SOURCE_DATE_EPOCH=1600000000 "$BIN/vb-khenthuong" -q --pdf -j 1 \
	    --templates "$ROOT/templates" \
	    --config "$ROOT/input/khen-thuong/dien-bien-2020.yaml" \
	    --ngay 2020-12-28 -d "$tmp/$1" "$2" 2>"$tmp/$1.err"
}
if ! run csv "$D/danh-sach.csv"; then
	echo "FAIL kt_workbook_csv: $(head -2 "$tmp/csv.err")"
	exit 0
fi
for w in lo-danh-sach.xlsx lo-danh-sach.xls lo-danh-sach.ods py-danh-sach.xlsx; do
	name=kt_workbook_$(echo "$w" | tr '.-' '__')
	if ! run "$w" "$D/$w"; then
		echo "FAIL $name: $(head -2 "$tmp/$w.err" | tr '\n' ' ')"
	elif diff -r "$tmp/csv" "$tmp/$w" >/dev/null; then
		echo "PASS $name"
	else
		echo "FAIL $name: $(diff -r "$tmp/csv" "$tmp/$w" | head -3 | tr '\n' ' ')"
	fi
done
# The openpyxl list has title rows and a footer: one note of the rows
# skipped, nothing else.
if grep -q 'skipped' "$tmp/py-danh-sach.xlsx.err" &&
    ! grep -q ': error:' "$tmp/py-danh-sach.xlsx.err"; then
	echo "PASS kt_workbook_footer_noted"
else
	echo "FAIL kt_workbook_footer_noted: $(head -2 "$tmp/py-danh-sach.xlsx.err" | tr '\n' ' ')"
fi
exit 0
