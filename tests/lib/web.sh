# Helpers of the vb-web tests (sourced): a server on 127.0.0.1 with a
# port the kernel picks (--listen 127.0.0.1:0; the port is read from the
# server's first line), and the CSRF cookie of a page.  Needs $BIN and
# $tmp (tests/lib/prologue.sh); loopback only.  At exit every instance
# still running is stopped, then $tmp removed (kept when KEEP is set, to
# look at).
web_exit() {
	for _p in "$tmp"/*.pid; do
		[ -f "$_p" ] && kill "$(cat "$_p")" 2>/dev/null
	done
	[ -n "$KEEP" ] || rm -rf "$tmp"
}
trap web_exit EXIT

# web_start NAME [vb-web options]: start instance NAME with its data in
# $tmp/NAME; sets PORT, PID_NAME (the pid in $tmp/NAME.pid), URL.
web_start() {
	_n=$1
	shift
	: >"$tmp/$_n.log"
	"$BIN/vb-web" --listen 127.0.0.1:0 --data "$tmp/$_n" --ten "$_n" \
	    --templates "$ROOT/templates" "$@" 2>"$tmp/$_n.log" &
	echo $! >"$tmp/$_n.pid"
	_i=0
	PORT=
	while [ $_i -lt 100 ]; do
		PORT=$(sed -n 's/.*(port \([0-9]*\)).*/\1/p' "$tmp/$_n.log")
		[ -n "$PORT" ] && break
		sleep 0.05
		_i=$((_i + 1))
	done
	URL=http://127.0.0.1:$PORT
	[ -n "$PORT" ]
}

# web_stop NAME: SIGTERM the instance (its own pid only) and wait.
web_stop() {
	[ -f "$tmp/$1.pid" ] || return 0
	kill "$(cat "$tmp/$1.pid")" 2>/dev/null
	_i=0
	while kill -0 "$(cat "$tmp/$1.pid")" 2>/dev/null && [ $_i -lt 100 ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	rm -f "$tmp/$1.pid"
}

# web_token JAR URL: GET URL/ into the cookie jar; prints the token.
web_token() {
	curl -s -o /dev/null -c "$1" "$2/" &&
	    awk '$6 == "vb_csrf" { print $7 }' "$1"
}
