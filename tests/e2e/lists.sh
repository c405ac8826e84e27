#!/bin/sh
# Nominee lists as offices send them (tests/data/lists/, made by its
# make.sh with openpyxl and LibreOffice): a guide sheet before the list,
# a footer in the Hình thức column, .ods, the lock files of Excel and
# LibreOffice, UTF-8 read as Windows-1252, cells named as Excel does,
# and hostile .ods repetitions.  Prints "PASS name" / "FAIL name: detail".
# Environment: ROOT, BIN.
. "$(dirname "$0")/../lib/prologue.sh"
D=$ROOT/tests/data/lists
kt() {	# OUT LIST [options]: a decision per form into $tmp/OUT
	o=$1 l=$2
	shift 2
	SOURCE_DATE_EPOCH=1600000000 "$BIN/vb-khenthuong" -q -j 1 \
	    --templates "$ROOT/templates" \
	    --config "$ROOT/input/khen-thuong/dien-bien-2020.yaml" \
	    --ngay 2020-12-28 -d "$tmp/$o" "$@" "$l" 2>"$tmp/$o.err"
}
fail() { echo "FAIL $1: $(head -3 "$2" 2>/dev/null | tr '\n' ' ')"; }

kt csv "$ROOT/tests/data/kt/danh-sach.csv" || fail lists_csv "$tmp/csv.err"
# A guide sheet first: the list's sheet read, with a note saying so; the
# footer (place and date, GIÁM ĐỐC, the signers) skipped, not nominees.
for w in huong-dan.xlsx huong-dan.ods huong-dan.xls; do
	name=lists_guide_sheet_$(echo "$w" | tr '.-' '__')
	if kt "$w" "$D/$w" && diff -r "$tmp/csv" "$tmp/$w" >/dev/null &&
	    grep -q 'note: sheet "Danh sách" is read.*"Hướng dẫn"' \
	    "$tmp/$w.err" && grep -q 'Danh sách!45:45: warning: 3 rows' \
	    "$tmp/$w.err" && ! grep -q ': error:' "$tmp/$w.err"; then
		pass "$name"
	else
		fail "$name" "$tmp/$w.err"
	fi
done
# No sheet has a list's headings: the first is read, and a note says so
# and how to read another.
kt kk "$D/khong-khop.xlsx" --lang vi
if [ $? = 1 ] && grep -q 'khong-khop.xlsx: lưu ý: không trang tính nào .*"Hướng dẫn" (ghi --sheet' "$tmp/kk.err" &&
    grep -q 'khong-khop.xlsx:Hướng dẫn!1:1: lỗi: thiếu cột "Họ và tên"' "$tmp/kk.err"; then
	pass lists_no_sheet_matches
else
	fail lists_no_sheet_matches "$tmp/kk.err"
fi
# Lock files: what they are, and which file to use.
mkdir "$tmp/lock"
printf '\005Nguyen\000\000' >"$tmp/lock/~\$danh-sach.xlsx"
printf 'Nguyen,may-1,may-1,07.12.2026 10:00,file:///home/nguyen/.config/libreoffice/4;' \
    >"$tmp/lock/.~lock.danh-sach.xlsx#"
kt lx "$tmp/lock/~\$danh-sach.xlsx" --lang vi
if [ $? = 1 ] && grep -q 'tệp khóa của Excel: danh-sach.xlsx đang mở — đóng nó rồi dùng chính tệp đó' "$tmp/lx.err" &&
    [ "$(grep -c 'lỗi:' "$tmp/lx.err")" = 1 ]; then
	pass lists_lock_excel
else
	fail lists_lock_excel "$tmp/lx.err"
fi
kt ll "$tmp/lock/.~lock.danh-sach.xlsx#" --lang vi
if [ $? = 1 ] && grep -q 'tệp khóa của LibreOffice: danh-sach.xlsx đang mở' "$tmp/ll.err"; then
	pass lists_lock_libreoffice
else
	fail lists_lock_libreoffice "$tmp/ll.err"
fi
# UTF-8 read as Windows-1252, in a workbook and in a CSV saved so.
kt mj "$D/mojibake.xlsx" --lang vi
if [ $? = 1 ] && grep -q 'mojibake.xlsx:danh-sach!B1: lỗi: "Ä.*á»‘i tÆ°á»£ng" chính là "Đối tượng" .*tệp đã bị đọc sai bảng mã khi nhập: mở lại CSV với UTF-8' "$tmp/mj.err" &&
    ! grep -q 'thiếu cột' "$tmp/mj.err"; then
	pass lists_mojibake_xlsx
else
	fail lists_mojibake_xlsx "$tmp/mj.err"
fi
python3 -c 'import sys
t = open(sys.argv[1], encoding="utf-8").read().encode("utf-8")
sys.stdout.write("".join(bytes([b]).decode("cp1252", "replace") if b not in (0x81, 0x8d, 0x8f, 0x90, 0x9d) else chr(b) for b in t))' \
    "$ROOT/tests/data/kt/danh-sach.csv" >"$tmp/mojibake.csv"
kt mc "$tmp/mojibake.csv"
if [ $? = 1 ] && grep -q 'mojibake.csv:1:2: error: .*open the CSV again as UTF-8' "$tmp/mc.err"; then
	pass lists_mojibake_csv
else
	fail lists_mojibake_csv "$tmp/mc.err"
fi
# A cell of a workbook named as Excel does.
kt loi "$D/loi.xlsx"
if [ $? = 1 ] && grep -q 'loi.xlsx:Danh sách!F3: error: unknown award form "Bằng khen UBND"' "$tmp/loi.err"; then
	pass lists_cell_named
else
	fail lists_cell_named "$tmp/loi.err"
fi
# vb-baocao with the plan as a workbook: the progress row's cell and the
# plan's sheet named as a clerk finds them (no "Sheet!" in the text).
PY=
for p in python3 /usr/bin/python3; do
	[ -z "$PY" ] && $p -c 'import openpyxl' 2>/dev/null && PY=$p
done
if [ -n "$PY" ]; then
	G=$ROOT/tests/golden/bc-errors
	$PY - "$G/nhiem-vu.csv" "$G/tien-do.csv" "$tmp" <<'PY'
import csv, sys, openpyxl
for src, dst, title in ((sys.argv[1], "nv.xlsx", "Kế hoạch"),
                        (sys.argv[2], "td.xlsx", "Tiến độ")):
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = title
    for row in csv.reader(open(src, encoding="utf-8")):
        ws.append(row)
    wb.save(sys.argv[3] + "/" + dst)
PY
	"$BIN/vb-baocao" --templates "$ROOT/templates" --ky Q1 --nam 2020 \
	    --don-vi "$G/don-vi.csv" -d "$tmp/bc" "$tmp/nv.xlsx" \
	    "$tmp/td.xlsx" 2>"$tmp/bc.err"
	if grep -q 'td.xlsx:Tiến độ!B3: error: task "I.3" is not in the plan [^ ]*nv.xlsx:Kế hoạch; did you mean "I.1" ([^ ]*nv.xlsx:Kế hoạch line 3)?' "$tmp/bc.err" &&
	    grep -q 'td.xlsx:Tiến độ!A8: error: unit "UBND huyện Mường Cà"' "$tmp/bc.err"; then
		pass lists_baocao_cells
	else
		fail lists_baocao_cells "$tmp/bc.err"
	fi
else
	echo "SKIP lists_baocao_cells: python3-openpyxl is not installed"
fi
# .ods repetitions: a filled row repeated a billion times stops at the
# grid's limit at once; empty ones repeated so cost nothing.
python3 - "$tmp" <<'PY'
import sys, zipfile
def mk(name, body):
    c = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
         'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
         'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
         'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
         '<office:body><office:spreadsheet><table:table table:name="T">'
         + body + '</table:table></office:spreadsheet></office:body>'
         '</office:document-content>')
    z = zipfile.ZipFile(sys.argv[1] + "/" + name, "w")
    z.writestr(zipfile.ZipInfo("mimetype"),
               "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("content.xml", c, compress_type=zipfile.ZIP_DEFLATED)
    z.close()
cell = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
mk("rows.ods", '<table:table-row>' + cell + '</table:table-row>'
   '<table:table-row table:number-rows-repeated="1000000000">' + cell +
   '</table:table-row>')
mk("empty.ods", '<table:table-row>' + cell + cell +
   '<table:table-cell table:number-columns-repeated="1000000000"/>'
   '</table:table-row><table:table-row table:number-rows-repeated="1000000000">'
   '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>')
PY
s=$(date +%s)
kt rows "$tmp/rows.ods"
t=$(( $(date +%s) - s ))
if grep -q 'rows.ods:T!200001:200001: error: cell A200001 is beyond' "$tmp/rows.err" && [ $t -le 5 ]; then
	pass lists_ods_rows_repeated
else
	fail lists_ods_rows_repeated "$tmp/rows.err"
fi
s=$(date +%s)
kt empty "$tmp/empty.ods"
t=$(( $(date +%s) - s ))
if grep -q 'empty.ods:T!1:1: error: missing column' "$tmp/empty.err" &&
    ! grep -q 'beyond' "$tmp/empty.err" && [ $t -le 5 ]; then
	pass lists_ods_empty_repeated
else
	fail lists_ods_empty_repeated "$tmp/empty.err"
fi
exit 0
