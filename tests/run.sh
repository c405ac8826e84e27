#!/bin/sh
# Runs every test of vanban and prints "N passed, M failed" last.
#
#  - tests/unit/test_*.c, built to $BUILD/tests/test_* (build/ unless
#    BUILD says otherwise; BIN likewise names the tools): each prints lines
#    "PASS name" / "FAIL name: detail"; every line counts.
#  - tests/golden/<case>/: `cmd` is a shell command run in that folder with
#    $BIN (the tools), $ROOT (the repository) and $SHARED (../shared) set;
#    its stdout is compared with `expected.out`, its stderr with
#    `expected.err` and its exit code with `expected.rc` (0 when absent),
#    for each of those files that exists.  One case = one test.
#    UPDATE=1 rewrites the expected files from what the command gives.
#  - tests/e2e/*.sh: scripts printing "PASS name" / "FAIL name: detail" /
#    "SKIP name: why" (a check that needs something optional, such as
#    ../shared/tools/nd30-check: counted and shown, never dropped).
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${BIN:-$ROOT/bin}
BUILD=${BUILD:-build}
SHARED=${SHARED:-$ROOT/../shared}
export ROOT BIN SHARED
# Messages in English whatever the tester's locale: golden outputs are
# English unless a case sets LANG itself (kt-vi).
unset LANGUAGE LC_ALL LC_MESSAGES
LANG=C.UTF-8
export LANG
pass=0
fail=0
skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

count() {	# count PASS/FAIL/SKIP lines of a file, echo FAIL and SKIP ones
	p=$(grep -c '^PASS' "$1")
	f=$(grep -c '^FAIL' "$1")
	k=$(grep -c '^SKIP' "$1")
	grep '^FAIL\|^SKIP' "$1"
	pass=$((pass + p))
	fail=$((fail + f))
	skip=$((skip + k))
}

for t in "$ROOT/$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	"$t" >"$tmp/unit" 2>&1
	rc=$?
	count "$tmp/unit"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL' "$tmp/unit"; then
		echo "FAIL $(basename "$t"): exit $rc"; tail -3 "$tmp/unit"
		fail=$((fail + 1))
	fi
done

for c in "$ROOT"/tests/golden/*/; do
	[ -f "$c/cmd" ] || continue
	name=golden/$(basename "$c")
	(cd "$c" && sh ./cmd >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/rc")
	if [ -n "$UPDATE" ]; then
		[ -f "$c/expected.out" ] && cp "$tmp/out" "$c/expected.out"
		[ -f "$c/expected.err" ] && cp "$tmp/err" "$c/expected.err"
		[ -f "$c/expected.rc" ] && cp "$tmp/rc" "$c/expected.rc"
	fi
	ok=1
	for k in out err; do
		if [ -f "$c/expected.$k" ] && ! cmp -s "$c/expected.$k" "$tmp/$k"; then
			ok=0
			echo "FAIL $name: std$k differs"
			diff -u "$c/expected.$k" "$tmp/$k" | head -20
		fi
	done
	want=0
	[ -f "$c/expected.rc" ] && want=$(cat "$c/expected.rc")
	got=$(cat "$tmp/rc")
	if [ "$want" != "$got" ]; then
		ok=0
		echo "FAIL $name: exit $got, expected $want"
		head -5 "$tmp/err"
	fi
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done

for s in "$ROOT"/tests/e2e/*.sh; do
	[ -f "$s" ] || continue
	sh "$s" >"$tmp/e2e" 2>&1
	rc=$?
	count "$tmp/e2e"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL' "$tmp/e2e"; then
		echo "FAIL $(basename "$s"): exit $rc"; tail -5 "$tmp/e2e"
		fail=$((fail + 1))
	fi
done

echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
