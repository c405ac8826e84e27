#!/bin/sh
# vb-baocao's tables at scale: a units file of 20,000 units and a
# progress table of 20,000 rows (2 MB in all) must be read in linear
# time.  Looking a unit up folded every unit's name again and a row's
# duplicate check scanned every row kept: the units file alone took
# about a minute, the progress table two.  Each row here has an unknown
# status, so the run ends with exit 1 and writes nothing; it must do so
# within 20 s (60 s when VB_SANITIZED is set, as by `make asan`).
# Prints "PASS name" / "FAIL name: detail".  Environment: ROOT, BIN.
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
BIN=${BIN:-$ROOT/bin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
limit=20
[ -n "$VB_SANITIZED" ] && limit=60
n=20000

awk -v n=$n 'BEGIN { print "don_vi,ten_day_du"
	for (i = 0; i < n; i++) printf "Đơn vị số %d,Đơn vị số %d\n", i, i }' \
	>"$tmp/don-vi.csv"
awk -v n=$n 'BEGIN { print "Đơn vị,Nhiệm vụ,Trạng thái,Ngày hoàn thành"
	for (i = 0; i < n; i++)
		printf "Đơn vị số %d,I.%d,Trạng thái lạ,2020-03-01\n", i, 1 + i % 5
}' >"$tmp/tien-do.csv"
timeout $limit "$BIN/vb-baocao" --templates "$ROOT/templates" --ky Q1 \
	--nam 2020 --don-vi "$tmp/don-vi.csv" -d "$tmp/out" \
	"$ROOT/input/2020/nhiem-vu.csv" "$tmp/tien-do.csv" \
	>/dev/null 2>"$tmp/err"
rc=$?
errs=$(grep -c 'unknown status' "$tmp/err")
if [ $rc -eq 1 ] && [ ! -e "$tmp/out" ] && [ "$errs" -ge 1 ]; then
	echo "PASS bc-scale: $n units, $n rows read within ${limit} s"
else
	echo "FAIL bc-scale: exit $rc (124: over ${limit} s), $errs" \
	    "unknown-status messages, output $(ls "$tmp/out" 2>/dev/null |
	    wc -l) files"
fi
