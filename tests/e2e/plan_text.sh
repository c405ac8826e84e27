#!/bin/sh
# The 2020 plan (input/2020/ke-hoach.md, rendered by `make` to
# output/ke-hoach-2020.pdf) gives back its text: the seed's words in order
# (every one), NFC text, and every row of the task table cell by cell.
# Prints "PASS name" / "FAIL name: detail"; other lines are information.
# Environment (set by tests/run.sh): ROOT, BIN, SHARED.
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
SHARED=${SHARED:-$ROOT/../shared}
pdf=$ROOT/output/ke-hoach-2020.pdf
seed=$ROOT/tests/data/ke-hoach-88-KH-UBND-2020.txt
tasks=$ROOT/input/2020/nhiem-vu.csv
names="plan_text_words plan_text_nfc plan_text_table_rows"

fail_all() {
	for n in $names; do echo "FAIL $n: $1"; done
	exit 0
}

[ -f "$seed" ] || fail_all "seed $seed not found"
[ -f "$tasks" ] || fail_all "$tasks not found"
[ -f "$pdf" ] || fail_all "output/ke-hoach-2020.pdf not found: run \`make\` (bin/vb-render renders input/2020/ke-hoach.md)"
[ -s "$pdf" ] || fail_all "output/ke-hoach-2020.pdf is empty"
command -v pdftotext >/dev/null 2>&1 || fail_all "pdftotext not installed (poppler-utils)"
command -v python3 >/dev/null 2>&1 || fail_all "python3 not installed"

out=$(python3 "$here/plan_text.py" --seed "$seed" --csv "$tasks" --pdf "$pdf" 2>&1)
rc=$?
printf '%s\n' "$out"
if [ $rc -ne 0 ]; then
	# a crash: make sure every check still shows up as failed
	for n in $names; do
		printf '%s\n' "$out" | grep -q "^\(PASS\|FAIL\) $n\b" ||
			echo "FAIL $n: plan_text.py exited with $rc"
	done
fi
exit 0
