#!/bin/sh
# Inputs that are not regular files (issue 20, item 7): a FIFO among the
# sources of vb-render -j 2 (it used to hang the whole batch: the good
# source was never written), a font that is a symbolic link to /dev/zero
# (it read 800 MB), a folder given as a source, a FIFO as a nominee list,
# a config or a progress table.  Each is refused before a byte is read,
# named with what it is, and the batch goes on with the others.  Every
# run is bounded (timeout 20 s: a hang is a failure, exit 124).
# Prints "PASS name" / "FAIL name: detail".
PREFIX=notreg
. "$(dirname "$0")/../lib/prologue.sh"
T="timeout 20"

if ! command -v mkfifo >/dev/null || ! command -v timeout >/dev/null; then
	echo "SKIP notreg: mkfifo or timeout missing"
	exit 0
fi
cd "$tmp" || exit 0
cp "$ROOT/input/quyet-dinh-kiem-tra.md" good.md
mkfifo pipe.md
mkdir folder.md

# ---- A FIFO and a folder among the sources: the good one is written.
for j in 1 2; do
	rm -rf out
	$T "$BIN/vb-render" -j $j -q -d out pipe.md good.md folder.md 2>err
	rc=$?
	if [ $rc = 1 ] && [ -s out/good.pdf ] && [ ! -e out/pipe.pdf ] &&
	    grep -q '^pipe.md: error: cannot read: it is a named pipe (FIFO), not a file$' err &&
	    grep -q '^folder.md: error: cannot read: it is a folder, not a file$' err; then
		pass "fifo_source_j$j"
	else
		fail "fifo_source_j$j" "exit $rc: $(head -2 err | tr '\n' ' ')"
	fi
done
# One source alone, and standard input that is a FIFO stays allowed.
$T "$BIN/vb-render" -o one.pdf pipe.md 2>err
rc=$?
[ $rc = 1 ] && [ ! -e one.pdf ] && pass fifo_one || fail fifo_one "exit $rc: $(head -1 err)"
$T "$BIN/vb-render" -o stdin.pdf - <good.md 2>err
rc=$?
[ $rc = 0 ] && [ -s stdin.pdf ] && pass stdin_pipe || fail stdin_pipe "exit $rc: $(head -1 err)"

# ---- A font that is /dev/zero: refused at once, nothing read.
mkdir fonts
for f in "$ROOT"/fonts/*.ttf; do ln -s "$f" fonts/; done
ln -sf /dev/zero fonts/LiberationSerif-Bold.ttf
$T "$BIN/vb-render" --fonts fonts -o z.pdf good.md 2>err
rc=$?
[ $rc = 3 ] && [ ! -e z.pdf ] &&
    grep -q 'LiberationSerif-Bold.ttf: error: cannot read: it is a device, not a file' err &&
    pass font_dev_zero || fail font_dev_zero "exit $rc: $(head -1 err)"

# ---- The generators' inputs.
KT="$BIN/vb-khenthuong --ngay 2020-12-28"
mkfifo list.csv conf.yaml
$T $KT --config "$ROOT/input/khen-thuong/dien-bien-2020.yaml" -d kt list.csv 2>err
rc=$?
[ $rc = 1 ] && grep -q 'list.csv: error: cannot read: it is a named pipe' err &&
    pass fifo_list || fail fifo_list "exit $rc: $(head -1 err)"
$T $KT --config conf.yaml -d kt "$ROOT/tests/data/kt/danh-sach.csv" 2>err
rc=$?
[ $rc = 1 ] && grep -q 'conf.yaml: error: cannot read: it is a named pipe' err &&
    pass fifo_config || fail fifo_config "exit $rc: $(head -1 err)"
G=$ROOT/tests/golden/bc-counts
mkfifo tien-do.csv
$T "$BIN/vb-baocao" --templates "$ROOT/templates" --ky Q1 -d bc \
    "$G/nhiem-vu.csv" tien-do.csv 2>err
rc=$?
[ $rc = 1 ] && grep -q 'tien-do.csv: error: cannot read: it is a named pipe' err &&
    pass fifo_progress || fail fifo_progress "exit $rc: $(head -1 err)"

# ---- A FIFO where vb-khenthuong's decision source goes (-o): the check
# for an edited source must not open it for reading (that waits for a
# writer forever); the source is written through it to its reader.
mkfifo qd.md
(timeout 20 cat qd.md >qd.got) &
reader=$!
printf 'Đối tượng,Họ và tên,Chức vụ,Đơn vị,Hình thức khen thưởng\ncá nhân,Lò Văn Thành,Chuyên viên,Sở Nội vụ,Bằng khen\n' >one.csv
$T "$BIN/vb-khenthuong" --data "$ROOT/templates" \
    --config "$ROOT/input/khen-thuong/dien-bien-2020.yaml" --ngay 2020-12-28 \
    --so 15 -o qd.md one.csv 2>err
rc=$?
wait $reader
if [ $rc = 0 ] && grep -q 'Lò Văn Thành' qd.got; then
	pass "fifo_decision_output"
else
	fail "fifo_decision_output" "exit $rc: $(head -3 err)"
fi
exit 0
