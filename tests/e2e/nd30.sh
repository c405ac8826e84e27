#!/bin/sh
# Every sample PDF that `make` renders (output/, its folders included)
# passes the Nghị định 30 format checker of this project's CI
# (../shared/tools/nd30-check), one check line per file.  The checker is
# optional: without it each file is a SKIP with the reason.
. "$(dirname "$0")/../lib/prologue.sh"
check=$SHARED/tools/nd30-check
find "$ROOT/output" -name '*.pdf' 2>/dev/null | sort >"$tmp/list"
if [ ! -s "$tmp/list" ]; then
	echo "FAIL nd30_samples: no PDF in output/ (run make)"
	exit 0
fi
while IFS= read -r f; do
	name=nd30_$(echo "${f#"$ROOT"/output/}" | tr '/' '_')
	if [ ! -x "$check" ]; then
		echo "SKIP $name: $check not found (the format checker is optional)"
		continue
	fi
	if "$check" "$f" >"$tmp/out" 2>&1; then
		echo "PASS $name"
	else
		echo "FAIL $name: $(grep '^FAIL' "$tmp/out" | head -2 | tr '\n' ' ')"
	fi
done <"$tmp/list"
exit 0
