#!/bin/sh
# vb-web under load, on 127.0.0.1 only and bounded: 40 uploads at once
# (a nominee list each, 2 worker processes), every answer a 303 to a
# result page that answers 200, no error in the server's log, and the
# server's peak memory (VmHWM) at most 300 MB.  Prints PASS/FAIL/SKIP.
. "$(dirname "$0")/../lib/prologue.sh"
. "$ROOT/tests/lib/web.sh"
N=40
if [ ! -x "$BIN/vb-web" ] || ! command -v curl >/dev/null; then
	echo "SKIP web-load: bin/vb-web or curl missing"
	exit 0
fi
web_start load --workers 2 ||
    { echo "FAIL web-load start: $(cat "$tmp/load.log")"; exit 0; }
TOK=$(web_token "$tmp/jar" "$URL")
i=0
pids=
while [ $i -lt $N ]; do
	curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' -b "$tmp/jar" \
	    -F csrf="$TOK" -F "danh_sach=@$ROOT/tests/data/kt/lo-danh-sach.xlsx" \
	    -F du_thao=1 "$URL/khen-thuong" >"$tmp/r$i" &
	pids="$pids $!"
	i=$((i + 1))
done
for p in $pids; do wait "$p"; done	# not the server
ok=0
i=0
while [ $i -lt $N ]; do
	set -- $(cat "$tmp/r$i")
	if [ "$1" = 303 ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$2")" = 200 ]; then
		ok=$((ok + 1))
	fi
	i=$((i + 1))
done
hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$(cat "$tmp/load.pid")/status")
if [ $ok = $N ]; then
	echo "PASS web-load all_answered"
else
	echo "FAIL web-load all_answered: $ok of $N uploads gave a result page"
fi
if [ "${hwm:-999999}" -le 307200 ]; then
	echo "PASS web-load memory (${hwm} kB)"
else
	echo "FAIL web-load memory: VmHWM ${hwm} kB > 300 MB"
fi
web_stop load
if grep -qi 'error\|killed\|signal' "$tmp/load.log"; then
	echo "FAIL web-load log_clean: $(grep -i 'error\|killed\|signal' "$tmp/load.log" | head -2)"
else
	echo "PASS web-load log_clean"
fi
exit 0
