#!/bin/sh
# What the generators and vb-render write, under hostile conditions
# (issue 20): -d DIR made whole (mkdir -p) by every tool; a decision source
# edited while vb-khenthuong runs is kept (the new one goes beside it); a
# full disk in the middle of a run says what was written and what was not;
# cells that look like Markdown come out literally.  Prints "PASS name" /
# "FAIL name: detail" / "SKIP name: why".  Environment: ROOT, BIN.
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
BIN=${BIN:-$ROOT/bin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
G=$ROOT/tests/golden
KT="$BIN/vb-khenthuong --data $ROOT/templates --config $G/kt-rerun/tinh.yaml --ngay 2020-12-28"
BC="$BIN/vb-baocao --templates $ROOT/templates --ky Q1 --ngay 2020-07-06"
cd "$tmp" || exit 0

# -d DIR: the whole path is made, in every tool.
"$BIN/vb-render" -d a/b/c "$ROOT/input/quyet-dinh-kiem-tra.md" \
	"$G/render-cong-van/in.md" 2>err >/dev/null
if [ -s a/b/c/quyet-dinh-kiem-tra.pdf ]; then pass mkdir_p_render
else fail mkdir_p_render "$(head -2 err)"; fi
$KT -d k/l/m "$G/kt-rerun/list.csv" 2>err
if [ -s k/l/m/bang-khen.md ]; then pass mkdir_p_khenthuong
else fail mkdir_p_khenthuong "$(head -2 err)"; fi
$BC -d p/q/r "$G/bc-counts/nhiem-vu.csv" "$G/bc-counts/tien-do.csv" 2>err
if [ -s p/q/r/tong-hop.md ]; then pass mkdir_p_baocao
else fail mkdir_p_baocao "$(head -2 err)"; fi
: >plain
$BC -d plain/x "$G/bc-counts/nhiem-vu.csv" "$G/bc-counts/tien-do.csv" 2>err
rc=$?
if [ $rc -eq 3 ] && grep -q '^plain: .*cannot create the folder' err; then
	pass mkdir_p_not_a_folder
else
	fail mkdir_p_not_a_folder "exit $rc: $(head -2 err)"
fi
