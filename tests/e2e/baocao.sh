#!/bin/sh
# End to end: vb-baocao on a province of 100 units (one period, Markdown
# and PDF, in 2 worker processes), the same PDFs from one process, a
# progress table in Windows-1258, a failed run that leaves a good output
# alone, and the rendered samples checked by nd30-check when it is there.
# Prints PASS/FAIL/SKIP lines (tests/run.sh counts them).
PREFIX=baocao-e2e
SEP=' '
. "$(dirname "$0")/../lib/prologue.sh"
export SOURCE_DATE_EPOCH=1593561600

T="--templates $ROOT/templates --config $ROOT/input/2020/bao-cao.yaml"
P="$ROOT/input/2020/nhiem-vu.csv"

# 100 units, each reporting on the tasks of quý II (some in part, some
# not at all); the expected counts are computed here, independently.
python3 - "$tmp" "$P" <<'PY' || { fail generate "python3 failed"; exit 0; }
import sys, csv, random
random.seed(7)
t, plan = sys.argv[1], sys.argv[2]
keys, g = [], None
for r in list(csv.reader(open(plan, encoding="utf-8")))[1:]:
    if r[0] in ("I", "II", "III", "IV", "V"):
        g = r[0]
    elif g in ("II", "V"):
        keys.append("%s.%s" % (g, r[0]))
units = ["UBND xã số %d" % i for i in range(1, 101)]
with open(t + "/don-vi.csv", "w", encoding="utf-8") as f:
    f.write("Đơn vị,Tên đầy đủ,Ký hiệu,Địa danh,Chức vụ ký,Người ký\n")
    for u in units:
        f.write("%s,Ủy ban nhân dân %s,BC-UBND,Điện Biên,CHỦ TỊCH,Lò Văn Tiến\n"
                % (u, u[5:]))
words = {0: ["Hoàn thành", "HT", "đã hoàn thành"],
         1: ["Đang thực hiện", "đang triển khai"],
         2: ["Chưa thực hiện", "chưa triển khai"]}
done = {}
with open(t + "/tien-do.csv", "w", encoding="utf-8") as f:
    f.write("don_vi,nhiem_vu,trang_thai,ngay,ket_qua\n")
    for i, u in enumerate(units):
        done[u] = 0
        if i % 25 == 24:
            continue                 # no report at all
        for k in keys:
            if i % 10 == 3 and k.startswith("V"):
                continue             # part only
            s = random.choice([0, 0, 1, 2])
            done[u] += s == 0
            day = "15/05/2020" if s == 0 else ""
            f.write("%s,%s,%s,%s,Kết quả %s\n" % (u, k, random.choice(words[s]), day, k))
n = len(keys)
with open(t + "/want", "w", encoding="utf-8") as f:
    for u in units:
        tenths = (done[u] * 2000 // n + 1) // 2
        rate = "%d" % (tenths // 10) if tenths % 10 == 0 else "%d,%d" % (tenths // 10, tenths % 10)
        f.write("%s,%d,%s\n" % (u, done[u], rate))
PY

start=$(date +%s%N)
"$BIN/vb-baocao" $T --ky Q2 --nam 2020 --don-vi "$tmp/don-vi.csv" --pdf -j 2 \
	-d "$tmp/j2" "$P" "$tmp/tien-do.csv" >"$tmp/out" 2>"$tmp/err"
rc=$?
end=$(date +%s%N)
echo "# 100 units, Markdown and PDF, -j 2: $(( (end - start) / 1000000 )) ms"
[ $rc = 0 ] && pass batch-100 || fail batch-100 "exit $rc: $(head -3 "$tmp/err")"
n=$(ls "$tmp/j2"/*.md 2>/dev/null | wc -l); p=$(ls "$tmp/j2"/*.pdf 2>/dev/null | wc -l)
# 96 units sent something: their reports, the summary and the reminder.
[ "$n" = 98 ] && [ "$p" = 98 ] && [ ! -e "$tmp/j2/ubnd-xa-so-25.md" ] &&
	pass batch-files || fail batch-files "$n md, $p pdf"
# The line of what was written (the documents' lines follow it).
last=$(grep '^vb-baocao: wrote' "$tmp/err")
case $last in
"vb-baocao: wrote 96 reports and the summary (tong-hop.md) and the reminder (don-doc.md), Markdown and PDF, to $tmp/j2/ for quý II năm 2020")
	pass final-line ;;
*) fail final-line "$last" ;;
esac
# stderr is not a terminal here: no progress line.
if grep -q "$(printf '\r')" "$tmp/err"; then fail no-progress-off-tty "carriage return on stderr"; else pass no-progress-off-tty; fi
w=$(grep -c 'sent nothing' "$tmp/err")
[ "$w" = 4 ] && pass missing-units-warned || fail missing-units-warned "$w warnings"
# The summary's table against the counts computed above.
python3 - "$tmp" <<'PY' >"$tmp/cmp" 2>&1
import sys, csv, io
t = sys.argv[1]
md = open(t + "/j2/tong-hop.md", encoding="utf-8").read()
body = md.split("```csv", 1)[1].split("```", 1)[0].split("\n", 1)[1]
rows = list(csv.reader(io.StringIO(body)))[1:-1]
got = {r[1]: (int(r[3]), r[8].replace("\u00a0%", "")) for r in rows}
bad = 0
for line in open(t + "/want", encoding="utf-8"):
    u, d, rate = line.strip().split(",", 2)
    if got.get(u) != (int(d), rate.replace(",", ",")):
        print("%s: got %s, want %s %s" % (u, got.get(u), d, rate)); bad += 1
rates = [float(r[8].replace("\u00a0%", "").replace(",", ".")) for r in rows]
if rates != sorted(rates, reverse=True):
    print("not sorted by rate"); bad += 1
if len(rows) != 100 or md.count("```chart") != 17:
    print("%d rows, %d charts" % (len(rows), md.count("```chart"))); bad += 1
sys.exit(bad != 0)
PY
[ $? = 0 ] && pass summary-counts || fail summary-counts "$(head -3 "$tmp/cmp")"

# The same PDFs rendered in this one process: byte for byte.
"$BIN/vb-baocao" $T -q --ky Q2 --nam 2020 --don-vi "$tmp/don-vi.csv" --pdf \
	-d "$tmp/j1" "$P" "$tmp/tien-do.csv" 2>"$tmp/err1"
[ -s "$tmp/err1" ] && grep -v warning "$tmp/err1" | grep -q . && fail quiet "$(head -2 "$tmp/err1")" || pass quiet
diffs=0
for f in "$tmp/j2"/*.pdf; do cmp -s "$f" "$tmp/j1/$(basename "$f")" || diffs=$((diffs + 1)); done
[ $diffs = 0 ] && pass jobs-same-pdfs || fail jobs-same-pdfs "$diffs PDFs differ"

# A worker's failure comes back: its message, and exit status 3.
"$BIN/vb-baocao" $T -q --ky Q2 --nam 2020 --don-vi "$tmp/don-vi.csv" --pdf -j 2 \
	--fonts "$tmp/no-fonts" -d "$tmp/nf" "$P" "$tmp/tien-do.csv" 2>"$tmp/err3"
rc=$?
n=$(grep -c 'no-fonts/LiberationSerif-Regular.ttf: error: cannot open font' "$tmp/err3")
[ $rc = 3 ] && [ "$n" -ge 1 ] && [ "$n" -le 2 ] && ! ls "$tmp/nf"/*.pdf >/dev/null 2>&1 &&
	pass worker-errors || fail worker-errors "exit $rc, $n messages"

# A progress table saved in Windows-1258 (detected) gives the same reports.
iconv -f utf-8 -t cp1258 "$tmp/tien-do.csv" >"$tmp/tien-do-1258.csv" 2>/dev/null &&
"$BIN/vb-baocao" $T -q --ky Q2 --nam 2020 --don-vi "$tmp/don-vi.csv" \
	-d "$tmp/cp" "$P" "$tmp/tien-do-1258.csv" 2>/dev/null
if diff -r -q -x '*.pdf' "$tmp/j2" "$tmp/cp" >/dev/null 2>&1; then pass cp1258-progress; else fail cp1258-progress "reports differ"; fi

# A failed run (one bad row) leaves the earlier output as it was.
sum1=$(cat "$tmp/j2"/* | cksum)
sed '5s/,II\.[0-9],/,II.99,/' "$tmp/tien-do.csv" >"$tmp/bad.csv"
"$BIN/vb-baocao" $T -q --ky Q2 --nam 2020 --don-vi "$tmp/don-vi.csv" --pdf \
	-d "$tmp/j2" "$P" "$tmp/bad.csv" 2>"$tmp/err2"
rc=$?
sum2=$(cat "$tmp/j2"/* | cksum)
[ $rc = 1 ] && [ "$sum1" = "$sum2" ] && grep -q 'bad.csv:5:2: error: task "II.99"' "$tmp/err2" &&
	pass failed-run-keeps-output || fail failed-run-keeps-output "exit $rc, $(head -2 "$tmp/err2")"

# The samples as `make` renders them, against the decree's checker.
if [ ! -x "$SHARED/tools/nd30-check" ]; then
	echo "SKIP baocao-e2e nd30-check: $SHARED/tools/nd30-check is absent"
else
	"$BIN/vb-baocao" $T -q --ky 6T --nam 2020 --don-vi "$ROOT/input/2020/don-vi.csv" \
		--config "$ROOT/input/2020/bao-cao.yaml" --pdf -j 2 -d "$tmp/6t" \
		"$P" "$ROOT/input/2020/tien-do.csv" 2>/dev/null
	for f in tong-hop so-noi-vu ubnd-huyen-muong-nhe ubnd-huyen-nam-po; do
		if "$SHARED/tools/nd30-check" --type bao-cao "$tmp/6t/$f.pdf" >"$tmp/chk" 2>&1; then
			pass "nd30-check-$f"
		else
			fail "nd30-check-$f" "$(grep FAIL "$tmp/chk" | head -2)"
		fi
	done
fi
