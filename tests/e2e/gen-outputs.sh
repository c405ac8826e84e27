#!/bin/sh
# What the generators and vb-render write, under hostile conditions
# (issue 20): -d DIR made whole (mkdir -p) by every tool; a decision source
# edited while vb-khenthuong runs is kept (the new one goes beside it); a
# full disk in the middle of a run says what was written and what was not;
# cells that look like Markdown come out literally.  Prints "PASS name" /
# "FAIL name: detail" / "SKIP name: why".  Environment: ROOT, BIN.
. "$(dirname "$0")/../lib/prologue.sh"
G=$ROOT/tests/golden
KT="$BIN/vb-khenthuong --data $ROOT/templates --config $G/kt-rerun/tinh.yaml --ngay 2020-12-28"
BC="$BIN/vb-baocao --templates $ROOT/templates --config $ROOT/input/2020/bao-cao.yaml --ky Q1 --ngay 2020-07-06"
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

# An edit saved while vb-khenthuong runs (after its first check of the
# sources, before it replaces them) is kept: the new decision goes beside
# it as NAME.moi.md (its PDF as NAME.moi.pdf), exit 1.  No timing: the
# test-only hook VB_TEST_PAUSE_BEFORE_RENAME makes the run wait on a FIFO
# just before its last check; the test edits the source meanwhile.
L=$G/kt-rerun/list.csv
$KT -d race "$L" 2>err || fail race_setup "$(head -2 err)"
mkfifo pause
VB_TEST_PAUSE_BEFORE_RENAME=$tmp/pause $KT --pdf --so 9 -d race "$L" \
	2>race.err &
pid=$!
at=$(timeout 30 sh -c 'read l <pause && echo "$l"')
echo "SỬA TAY" >>race/bang-khen.md
timeout 30 sh -c 'echo go >pause'
wait $pid
rc=$?
if [ $rc -eq 1 ] && [ "$at" = race/bang-khen.md ] &&
    tail -1 race/bang-khen.md | grep -q 'SỬA TAY' &&
    grep -q '^\*\*Điều 1' race/bang-khen.moi.md &&
    grep -q '^so: "9"' race/bang-khen.moi.md && [ -s race/bang-khen.moi.pdf ] &&
    [ ! -e race/bang-khen.pdf ] &&
    grep -q 'edited while vb-khenthuong was running.*bang-khen.moi.md' race.err
then
	pass edit_during_run_kept
else
	fail edit_during_run_kept "exit $rc, paused at '$at': $(head -2 race.err); $(ls race | tr '\n' ' ')"
fi
# The same pause without an edit: the source is replaced as usual.
rm -f race/bang-khen.md race/*.moi.*
$KT -d race "$L" 2>err
VB_TEST_PAUSE_BEFORE_RENAME=$tmp/pause $KT --so 9 -d race "$L" 2>race.err &
pid=$!
timeout 30 sh -c 'read l <pause' && timeout 30 sh -c 'echo go >pause'
wait $pid
rc=$?
if [ $rc -eq 0 ] && grep -q '^so: "9"' race/bang-khen.md &&
    ! ls race | grep -q moi; then
	pass no_edit_during_run_replaced
else
	fail no_edit_during_run_replaced "exit $rc: $(head -2 race.err)"
fi

# A full disk in the middle of `vb-khenthuong --pdf --docx`: the run stops
# at the first failure, with one message that says which files were
# written and which were not (and it is right about both); no temporary
# file is left.  A 120 KB tmpfs holds about two and a half decisions;
# without the right to mount one, a file-size limit of 20 KB (ulimit -f
# in 512-byte blocks, SIGXFSZ ignored by the tool; -j 1, the PDFs made in
# the process itself) stops the first PDF the same way.
mkdir small
if mount -t tmpfs -o size=120k tmpfs small 2>/dev/null; then
	trap 'umount "$tmp/small"; rm -rf "$tmp"' EXIT
	how=tmpfs
	$KT --pdf --docx -d small/qd "$ROOT/tests/data/kt/danh-sach.csv" \
		2>full.err
	rc=$?
else
	how="ulimit -f"
	(ulimit -f 40 && exec $KT -j 1 --pdf --docx -d small/qd \
	    "$ROOT/tests/data/kt/danh-sach.csv") 2>full.err
	rc=$?
fi
msg=$(grep ': error: ' full.err)
ok=1
written=$(echo "$msg" | sed -n 's/.*; written: \(.*\); not written: .*/\1/p')
missing=$(echo "$msg" | sed -n 's/.*; not written: \(.*\)/\1/p')
for f in $(echo "$written" | tr -d ','); do
	[ -s "small/qd/$f" ] || ok=0
done
for f in $(echo "$missing" | tr -d ','); do
	[ ! -e "small/qd/$f" ] || ok=0
done
n=$(ls small/qd | wc -l)
nw=$(echo "$written" | tr ',' '\n' | grep -c .)
nm=$(echo "$missing" | tr ',' '\n' | grep -c .)
if [ $rc -eq 3 ] && [ $ok = 1 ] && [ "$(echo "$msg" | wc -l)" = 1 ] &&
    echo "$msg" | grep -q 'No space left on device\|File too large' &&
    [ "$nw" -ge 1 ] && [ "$nm" -ge 1 ] && [ $((nw + nm)) = 12 ] &&
    [ "$n" = "$nw" ] && grep -q '1 error' full.err; then
	pass disk_full_says_what_was_written
else
	fail disk_full_says_what_was_written "($how) exit $rc, $n files ($(ls small/qd | tr '\n' ' ')): $(head -3 full.err)"
fi
