#!/bin/sh
# Hostile and damaged workbooks through table_read (the unit test's
# --dump) and the tools (issue 20, items 1, 2, 5):
#  - a damaged .xls (one byte of tests/data/kt/lo-danh-sach.xls changed)
#    is refused with exit 1 and "the .xls file is damaged" naming the
#    record, by table_read, vb-khenthuong, vb-baocao and vb-render (a
#    `csv file=` fence), in Vietnamese "tệp .xls bị hỏng";
#  - small .xlsx files that inflate (hostile_workbooks.py: the grid, the
#    total text, a merged heading, XML depth, 1,000 sheets; in .ods the
#    sheets, the depth, the text of the whole workbook) are refused
#    with exit 1 and a message naming the limit, within 200 MB of address
#    space (ulimit -v; not under the sanitizers, which reserve more);
#  - control characters of a cell (_x001B_) are left out with a warning
#    naming the cell, and no message prints a raw control character.
# Prints "PASS name" / "FAIL name: detail".  Environment: ROOT, BUILD, BIN.
. "$(dirname "$0")/../lib/prologue.sh"
dump=$ROOT/${BUILD:-build}/tests/test_table
esc=$(printf '\033')

if [ ! -x "$dump" ]; then
	echo "FAIL workbooks: $dump not built"
	exit 0
fi
if ! python3 "$here/hostile_workbooks.py" "$tmp" 2>"$tmp/py.err"; then
	echo "FAIL workbooks_generate: $(head -1 "$tmp/py.err")"
	exit 0
fi

# run NAME WANT_RC PATTERN CMD...: exit status and a line of stderr.
run() {
	name=$1 want=$2 pat=$3
	shift 3
	timeout 120 "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne "$want" ]; then
		echo "FAIL $name: exit $rc, expected $want: $(head -2 "$tmp/err" | tr '\n' ' ')"
	elif ! grep -q -- "$pat" "$tmp/err"; then
		echo "FAIL $name: no \"$pat\" in: $(head -2 "$tmp/err" | tr '\n' ' ')"
	else
		echo "PASS $name"
	fi
}

# ---- 1. A damaged .xls: byte 0x1d06 (an SST record's string header).
cp "$ROOT/tests/data/kt/lo-danh-sach.xls" "$tmp/bad.xls"
printf '\337' | dd of="$tmp/bad.xls" bs=1 seek=$((0x1d06)) conv=notrunc \
    2>/dev/null
dmg='the .xls file is damaged: reading stopped at record 0x00FC (SST)'
run xls_damaged_table 1 "$dmg" "$dump" --dump "$tmp/bad.xls"
run xls_damaged_khenthuong 1 "$dmg" "$BIN/vb-khenthuong" --ngay 2020-12-28 \
    -o "$tmp/kt.md" "$tmp/bad.xls"
run xls_damaged_baocao 1 "$dmg" "$BIN/vb-baocao" --ky Q2 \
    "$ROOT/input/2020/nhiem-vu.csv" "$tmp/bad.xls" -d "$tmp/bc"
cat >"$tmp/fence.md" <<MD
---
loai: BÁO CÁO
co_quan: SỞ NỘI VỤ
so: "1"
ky_hieu: BC-SNV
dia_danh: Điện Biên
ngay: 2020-06-15
trich_yeu: Danh sách
ky: {tham_quyen: KT. GIÁM ĐỐC, chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Lò Văn A}
noi_nhan: [Lưu VT]
luu: VT
---

\`\`\`csv file=bad.xls
\`\`\`
MD
run xls_damaged_render 1 "$dmg" "$BIN/vb-render" --dump-layout \
    -o "$tmp/fence.dump" "$tmp/fence.md"
LANG=vi_VN.UTF-8 run xls_damaged_vi 1 'tệp .xls bị hỏng: việc đọc dừng tại bản ghi 0x00FC (SST)' \
    "$BIN/vb-khenthuong" --ngay 2020-12-28 -o "$tmp/kt.md" "$tmp/bad.xls"
# The same bytes cut short inside the compound file's directory.
head -c 1600 "$ROOT/tests/data/kt/lo-danh-sach.xls" >"$tmp/cut.xls"
run xls_cut_short 1 'the .xls file is damaged' "$dump" --dump "$tmp/cut.xls"

# The shared strings of lo-long.xls run into CONTINUE records that split
# strings (a new flags byte at each): every row as in the CSV it was made of.
"$dump" --dump "$ROOT/tests/data/xlsx/lo-long.csv" 2>/dev/null | sed 1d >"$tmp/long.csv"
"$dump" --dump "$ROOT/tests/data/xlsx/lo-long.xls" 2>/dev/null | sed 1d >"$tmp/long.xls"
if [ "$(wc -l <"$tmp/long.csv")" -eq 160 ] && cmp -s "$tmp/long.csv" "$tmp/long.xls"; then
	echo "PASS xls_sst_continue"
else
	echo "FAIL xls_sst_continue: lo-long.xls and lo-long.csv differ"
fi

# ---- 2. Workbooks that inflate: refused, naming the limit, in 200 MB.
bounded() {	# NAME FILE PATTERN
	if [ -n "$VB_SANITIZED" ]; then
		run "workbook_bound_$1" 1 "$3" "$dump" --dump "$tmp/$2"
		return
	fi
	run "workbook_bound_$1" 1 "$3" sh -c 'ulimit -v 200000 || exit 99
	    exec "$0" --dump "$1"' "$dump" "$tmp/$2"
}
bounded grid grid.xlsx 'more than the 2000000 cells a table may have'
bounded text text.xlsx 'more than 64 MB of text'
bounded merge merge.xlsx 'more than 64 MB of text'
bounded depth deep.xlsx 'nests elements more than 64 deep'
bounded sheets sheets.xlsx 'more than 256 sheets'
bounded ods_sheets sheets.ods 'more than 256 sheets'
bounded ods_depth deep.ods 'nests elements more than 64 deep'
bounded ods_text text.ods 'more than 64 MB of text'

# ---- 5. Control characters.
run workbook_control_warned 0 'ctl.xlsx:S1!12:12: warning: cell F12 holds a control character (U+001B)' \
    "$dump" --dump "$tmp/ctl.xlsx"
if grep -q "^12: 1|||||a\[31mbc$" "$tmp/out"; then
	echo "PASS workbook_control_left_out"
else
	echo "FAIL workbook_control_left_out: $(grep '^12:' "$tmp/out" | od -c | head -2 | tr '\n' ' ')"
fi
# A message never prints a control character raw (here in a file name).
run message_control_escaped 3 'aU+001B\[2Jb.csv' "$dump" --dump \
    "$tmp/a${esc}[2Jb.csv"
if grep -q "$esc" "$tmp/err"; then
	echo "FAIL message_control_raw: a raw ESC in: $(od -c "$tmp/err" | head -2 | tr '\n' ' ')"
else
	echo "PASS message_control_raw"
fi
exit 0
