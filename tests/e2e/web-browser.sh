#!/bin/sh
# vb-web in a real browser: tests/web/browser.mjs drives Debian's
# chromium (headless) with puppeteer-core (npm, in tests/web/node_modules;
# see README "Tests" for the install line) against a server on
# 127.0.0.1.  Screenshots are kept in $BUILD/artifacts/web/.  Without
# chromium, node or puppeteer-core: a named SKIP.
. "$(dirname "$0")/../lib/prologue.sh"
. "$ROOT/tests/lib/web.sh"
CHROMIUM=${CHROMIUM:-$(command -v chromium)}
if [ -z "$CHROMIUM" ] || ! command -v node >/dev/null ||
    [ ! -d "$ROOT/tests/web/node_modules/puppeteer-core" ]; then
	echo "SKIP web-browser: needs chromium, node and puppeteer-core (apt-get install chromium nodejs npm; npm install --prefix tests/web puppeteer-core@24)"
	exit 0
fi
[ -x "$BIN/vb-web" ] || { echo "SKIP web-browser: bin/vb-web missing"; exit 0; }
out=$ROOT/${BUILD:-build}/artifacts/web
rm -rf "$out"
mkdir -p "$out"
web_start br || { echo "FAIL web-browser start: $(cat "$tmp/br.log")"; exit 0; }
export CHROMIUM
HOME=$tmp timeout 180 node "$ROOT/tests/web/browser.mjs" "$URL" \
    "$ROOT/tests/data/kt/lo-danh-sach.xlsx" \
    "$ROOT/tests/golden/kt-errors/list.csv" "$out" 2>"$tmp/node.err" ||
    echo "FAIL web-browser node: exit $? $(head -3 "$tmp/node.err")"
web_stop br
exit 0
