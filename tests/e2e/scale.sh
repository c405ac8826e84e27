#!/bin/sh
# The generators' inputs at scale, read in linear time; each run ends
# with exit 1 (a bad value in every row) and writes nothing, within the
# limit: 20 s (60 s when VB_SANITIZED is set, as by `make asan`).
#  - bc-scale: a units file of 20,000 units and a progress table of
#    20,000 rows (2 MB in all).  Looking a unit up folded every unit's
#    name again and a row's duplicate check scanned every row kept: the
#    units file alone took about a minute, the progress table two.
#  - bc-unknown-scale: the same units file and 20,000 rows of units not
#    in it.  Each message looked for the nearest of the 20,000 names (an
#    edit distance each): over a minute.
#  - kt-config-scale: a config of 60,000 x_ keys (1.8 MB), under a
#    10 s limit (60 s sanitized).  Each key was looked up among all the
#    others (twice: kt_config_load reads the file twice), about 20 s.
#  - yaml-anchors-scale: a config of 150,000 anchors and 9,000 aliases
#    (1.7 MB) is refused for its anchors (at most 1,000), within 10 s:
#    libyaml looks each alias up among all the anchors (80,000 of them
#    took 20 s).
# Prints "PASS name" / "FAIL name: detail".  Environment: ROOT, BIN.
. "$(dirname "$0")/../lib/prologue.sh"
limit=20
klimit=10
[ -n "$VB_SANITIZED" ] && limit=60 klimit=60
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

awk -v n=$n 'BEGIN { print "Đơn vị,Nhiệm vụ,Trạng thái"
	for (i = 0; i < n; i++) printf "Đơn vị khác %d,I.%d,Xong\n", i, 1 + i % 5
}' >"$tmp/lac.csv"
timeout $limit "$BIN/vb-baocao" --templates "$ROOT/templates" --ky Q1 \
	--nam 2020 --don-vi "$tmp/don-vi.csv" -d "$tmp/out" \
	"$ROOT/input/2020/nhiem-vu.csv" "$tmp/lac.csv" >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && [ ! -e "$tmp/out" ] &&
    grep -q 'is not in the units file' "$tmp/err"; then
	echo "PASS bc-unknown-scale: $n unknown units within ${limit} s"
else
	echo "FAIL bc-unknown-scale: exit $rc (124: over ${limit} s)"
fi

k=60000
awk -v n=$k 'BEGIN { for (i = 0; i < n; i++) printf "x_khoa_%d: giá trị %d\n", i, i }' \
	>"$tmp/cau-hinh.yaml"
printf 'Họ và tên,Đơn vị,Hình thức khen thưởng,Đối tượng\nA,Sở B,Không có,Cá nhân\n' \
	>"$tmp/danh-sach.csv"
timeout $klimit "$BIN/vb-khenthuong" --templates "$ROOT/templates" \
	--config "$tmp/cau-hinh.yaml" --ngay 2020-12-28 -d "$tmp/kt" \
	"$tmp/danh-sach.csv" >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && [ ! -e "$tmp/kt" ] && grep -q 'Không có' "$tmp/err"; then
	echo "PASS kt-config-scale: $k keys read within ${klimit} s"
else
	echo "FAIL kt-config-scale: exit $rc (124: over ${klimit} s);" \
	    "$(head -c 300 "$tmp/err")"
fi

awk 'BEGIN { printf "x_a: [ &a0 v"; for (i = 1; i < 150000; i++) printf ", &a%d v", i
	print " ]"; printf "x_b: [ *a0"; for (i = 1; i < 9000; i++) printf ", *a0"
	print " ]" }' >"$tmp/neo.yaml"
timeout $klimit "$BIN/vb-khenthuong" --templates "$ROOT/templates" \
	--config "$tmp/neo.yaml" --ngay 2020-12-28 -d "$tmp/kt" \
	"$tmp/danh-sach.csv" >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc -eq 1 ] && grep -q 'more than 1000 anchors (&a1000)' "$tmp/err"; then
	echo "PASS yaml-anchors-scale: refused within ${klimit} s"
else
	echo "FAIL yaml-anchors-scale: exit $rc (124: over ${klimit} s);" \
	    "$(head -c 300 "$tmp/err")"
fi
