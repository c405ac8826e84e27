#!/bin/sh
# Workbooks read as the CSV they were made from: each workbook of
# tests/data/xlsx/ made from lo-list.csv by LibreOffice (.xlsx, .xls) or
# openpyxl (1900 and 1904 date systems), or renamed .csv, must give
# exactly the rows (line numbers and fields) that the CSV itself gives
# through table_read.  The tables are printed by the unit test's --dump.
# Prints "PASS name" / "FAIL name: detail".  Environment: ROOT, BUILD.
. "$(dirname "$0")/../lib/prologue.sh"
dump=$ROOT/${BUILD:-build}/tests/test_table
data=$ROOT/tests/data/xlsx

if [ ! -x "$dump" ]; then
	echo "FAIL xlsx: $dump not built"
	exit 0
fi
cd "$data" || exit 0
# The rows without the "name:" line (which names the file and sheet).
rows() {
	"$dump" --dump "$1" 2>"$tmp/err" | sed 1d
}
rows lo-list.csv >"$tmp/csv"
if [ "$(wc -l <"$tmp/csv")" -ne 5 ] || [ -s "$tmp/err" ]; then
	echo "FAIL xlsx_csv_source: lo-list.csv does not give 5 rows cleanly"
	exit 0
fi
for f in lo-list.xlsx lo-list.xls py-list.xlsx py-1904.xlsx lo-1904.xlsx \
    lo-1904.xls renamed.csv; do
	rows "$f" >"$tmp/got"
	if ! cmp -s "$tmp/csv" "$tmp/got"; then
		echo "FAIL xlsx_same_as_csv_$f: rows differ"
		diff "$tmp/csv" "$tmp/got" | head -5
	elif [ -s "$tmp/err" ]; then
		echo "FAIL xlsx_same_as_csv_$f: messages: $(head -1 "$tmp/err")"
	else
		echo "PASS xlsx_same_as_csv_$f"
	fi
done
# The two writers' feature workbooks agree, but for the formula that
# openpyxl leaves without a cached value.
rows py-features.xlsx 2>/dev/null >"$tmp/py"
rows lo-features.xlsx 2>/dev/null | sed 's/|0\.3|/||/' >"$tmp/lo"
if cmp -s "$tmp/py" "$tmp/lo" && [ -s "$tmp/py" ]; then
	echo "PASS xlsx_writers_agree"
else
	echo "FAIL xlsx_writers_agree: py-features.xlsx and lo-features.xlsx differ"
fi
# .xls and .xlsx saved by LibreOffice from the same workbook agree
# (hidden sheet and row, merged headings, formulas' results).
for f in lo-features lo-formulas; do
	rows $f.xlsx >"$tmp/x" 2>/dev/null
	rows $f.xls >"$tmp/b" 2>/dev/null
	if cmp -s "$tmp/x" "$tmp/b" && [ -s "$tmp/x" ]; then
		echo "PASS xlsx_xls_agree_$f"
	else
		echo "FAIL xlsx_xls_agree_$f: $f.xlsx and $f.xls differ"
	fi
done
# Detected by content: the names of the files do not matter.
cp lo-list.xls "$tmp/list.csv"
cp lo-list.csv "$tmp/list.xlsx"
if [ "$(rows "$tmp/list.csv")" = "$(cat "$tmp/csv")" ] &&
    [ "$(rows "$tmp/list.xlsx")" = "$(cat "$tmp/csv")" ]; then
	echo "PASS xlsx_by_content"
else
	echo "FAIL xlsx_by_content: an .xls named .csv or a CSV named .xlsx"
fi
exit 0
