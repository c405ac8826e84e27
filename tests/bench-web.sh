#!/bin/sh
# make bench, vb-web's lines (127.0.0.1 only): a 2,000-nominee workbook
# uploaded → its result page ready (the POST, the worker, the redirect
# followed; median of N runs), and the p50/p99 of GET / with 10 clients
# at once (200 requests each).  Prints figures and whether the issue's
# targets are met (≤ 2 s on 2 cores; p99 < 50 ms); asserts nothing.
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
BIN=${BIN:-$ROOT/bin}
N=${N:-3}
tmp=$(mktemp -d)
. "$ROOT/tests/lib/web.sh"	# stops the servers and removes $tmp at exit
[ -x "$BIN/vb-web" ] && command -v curl >/dev/null ||
    { echo "vb-web bench: bin/vb-web or curl missing"; exit 0; }
echo
echo "== vb-web (loopback; load average $(cut -d' ' -f1-3 /proc/loadavg))"
web_start bench --workers 2 || { echo "vb-web did not start"; exit 1; }
python3 "$ROOT/tests/web/big-list.py" 2000 "$tmp/2000.xlsx"
TOK=$(web_token "$tmp/jar" "$URL")
i=0
while [ $i -lt "$N" ]; do
	curl -s -L -o "$tmp/page" -w '%{time_total} %{http_code}\n' -b "$tmp/jar" \
	    -F csrf="$TOK" -F "danh_sach=@$tmp/2000.xlsx" -F du_thao=1 \
	    "$URL/khen-thuong" >>"$tmp/up"
	i=$((i + 1))
done
grep -q '<th>Cá nhân</th>' "$tmp/page" || echo "  (the last answer was not a result page)"
med=$(awk '{ print $1 }' "$tmp/up" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
verdict=$(awk -v t="$med" 'BEGIN { print (t <= 2.0) ? "met" : "NOT met" }')
printf '  2,000-nominee workbook -> result page: %.2f s median of %d (target <= 2 s: %s)\n' \
    "$med" "$N" "$verdict"
c=0
pids=
while [ $c -lt 10 ]; do
	set --
	j=0
	while [ $j -lt 200 ]; do set -- "$@" -o /dev/null "$URL/"; j=$((j + 1)); done
	curl -s -w '%{time_total}\n' "$@" >"$tmp/c$c" &
	pids="$pids $!"
	c=$((c + 1))
done
for p in $pids; do wait "$p"; done
cat "$tmp"/c* | sort -n | awk '{ a[NR] = $1 } END {
	p50 = a[int(NR * 0.50)] * 1000; p99 = a[int(NR * 0.99)] * 1000
	printf "  GET / at 10 concurrent clients: %d requests, p50 %.1f ms, p99 %.1f ms (target p99 < 50 ms: %s)\n",
	    NR, p50, p99, p99 < 50 ? "met" : "NOT met" }'
printf '  server peak memory: %s kB (VmHWM)\n' \
    "$(awk '/^VmHWM/ { print $2 }' "/proc/$(cat "$tmp/bench.pid")/status")"
web_stop bench
exit 0
