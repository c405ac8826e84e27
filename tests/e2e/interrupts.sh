#!/bin/sh
# A run stopped by a signal or a dead worker, and a run whose stderr is
# gone (issue 20, items 8 and 12): nothing half-written is left behind,
# the exit status says what happened, and what was not written is named.
#
#  - SIGINT, SIGTERM, SIGHUP right after an output's temporary file was
#    created (the moment a signal used to leave DIR/NAME.pdf.tmp.XXXXXX):
#    no temporary file left, exit 130 / 143 / 129 as the shell reports a
#    death by that signal, in vb-render -j 2 -d DIR and in vb-khenthuong
#    and vb-baocao --pdf -j 2;
#  - under nohup (SIGHUP ignored when the run starts) a hangup does not
#    end the run;
#  - a worker killed (SIGKILL) after its 2nd document: every source it
#    did not render named with its file, the others written, exit 3;
#  - stderr closed (2>&-) or a pipe nobody reads: the exit status is the
#    run's own (0, 1), the same with -j 1 and -j 2.
#
# The signals are raised by the tools themselves at an exact point
# (VB_TEST_RAISE=POINT:N:SIG, gen/base/testhook.c): nothing here depends
# on timing.  Prints "PASS name" / "FAIL name: detail".
PREFIX=interrupts
. "$(dirname "$0")/../lib/prologue.sh"
# sigs IGNORED CMD...: CMD with SIGINT, SIGTERM and SIGHUP at their
# defaults, except those IGNORED names ("HUP", or "-" for none): a test
# run in the background starts with SIGINT ignored, which a shell cannot
# undo, and nohup starts a run with SIGHUP ignored.
sigs() {
	python3 -c 'import os, signal, sys
for n in ("INT", "TERM", "HUP"):
    signal.signal(getattr(signal, "SIG" + n),
                  signal.SIG_IGN if n in sys.argv[1].split(",") else signal.SIG_DFL)
os.execvp(sys.argv[2], sys.argv[2:])' "$@"
}
# tmps DIR: the temporary files left in DIR (and below), one a line.
tmps() { find "$1" -name '*.tmp.*' 2>/dev/null; }

if [ ! -x "$BIN/vb-render" ]; then
	fail built "$BIN/vb-render is not built"
	exit 0
fi

# 40 small sources.
mkdir "$tmp/src"
i=10
while [ $i -lt 50 ]; do
	sed "s/^so: .*/so: \"$i\"/" "$ROOT/input/quyet-dinh-kiem-tra.md" \
	    >"$tmp/src/d$i.md"
	i=$((i + 1))
done
cd "$tmp/src" || exit 0

# ---- A signal right after the 30th temporary file is made.
for s in INT:130 TERM:143 HUP:129; do
	sig=${s%:*} want=${s#*:}
	rm -rf "$tmp/out"
	sigs - env VB_TEST_RAISE=tmp:30:$sig "$BIN/vb-render" -j 2 -q \
	    -d "$tmp/out" d*.md 2>"$tmp/err"
	rc=$?
	left=$(tmps "$tmp/out")
	n=$(ls "$tmp/out" | wc -l)
	if [ $rc = "$want" ] && [ -z "$left" ] && [ "$n" = 29 ]; then
		pass "render_sig$sig"
	else
		fail "render_sig$sig" "exit $rc (want $want), $n files, left: $left"
	fi
done

# ---- Under nohup (SIGHUP ignored from the start) a hangup is no end.
rm -rf "$tmp/out"
sigs HUP env VB_TEST_RAISE=tmp:30:HUP "$BIN/vb-render" -j 2 -q -d "$tmp/out" \
    d*.md 2>"$tmp/err"
rc=$?
n=$(ls "$tmp/out" | wc -l)
[ $rc = 0 ] && [ "$n" = 40 ] && pass render_nohup ||
    fail render_nohup "exit $rc, $n files"

# ---- A worker killed after its 2nd document.
rm -rf "$tmp/out"
VB_TEST_RAISE=worker0:2:KILL "$BIN/vb-render" -j 2 -q -d "$tmp/out" d*.md \
    2>"$tmp/err"
rc=$?
missing=0 named=0
for f in d*.md; do
	[ -s "$tmp/out/${f%.md}.pdf" ] && continue
	missing=$((missing + 1))
	grep -q "^$f: error: not rendered: the worker process for it stopped" \
	    "$tmp/err" && named=$((named + 1))
done
if [ $rc = 3 ] && [ $missing -gt 0 ] && [ $missing -lt 40 ] &&
    [ $named = $missing ] && [ -z "$(tmps "$tmp/out")" ] &&
    grep -q "a worker process stopped (Killed); documents not rendered: $missing" \
    "$tmp/err"; then
	pass render_worker_killed
else
	fail render_worker_killed "exit $rc, $missing missing, $named named: $(head -2 "$tmp/err" | tr '\n' ' ')"
fi

# ---- The generators: the same writer, the same workers.
KT="$BIN/vb-khenthuong --config $ROOT/input/khen-thuong/dien-bien-2020.yaml --ngay 2020-12-28 --pdf -j 2"
for s in INT:130 TERM:143; do
	sig=${s%:*} want=${s#*:}
	rm -rf "$tmp/kt"
	sigs - env VB_TEST_RAISE=tmp:3:$sig $KT -d "$tmp/kt" \
	    "$ROOT/tests/data/kt/danh-sach.csv" 2>"$tmp/err"
	rc=$?
	left=$(tmps "$tmp/kt")
	[ $rc = "$want" ] && [ -z "$left" ] && pass "khenthuong_sig$sig" ||
	    fail "khenthuong_sig$sig" "exit $rc (want $want), left: $left"
done
rm -rf "$tmp/kt"
VB_TEST_RAISE=worker0:1:KILL $KT -d "$tmp/kt" "$ROOT/tests/data/kt/danh-sach.csv" \
    2>"$tmp/err"
rc=$?
[ $rc = 3 ] && grep -q '\.md: error: not rendered: the worker process for it stopped (Killed)' "$tmp/err" &&
    [ ! -e "$tmp/kt" ] && pass khenthuong_worker_killed ||
    fail khenthuong_worker_killed "exit $rc: $(head -2 "$tmp/err" | tr '\n' ' ')"

BC="$BIN/vb-baocao --templates $ROOT/templates --config $ROOT/input/2020/bao-cao.yaml --ky Q1 --ngay 2020-07-06 --pdf -j 2"
G=$ROOT/tests/golden/bc-counts
rm -rf "$tmp/bc"
sigs - env VB_TEST_RAISE=tmp:4:TERM $BC -d "$tmp/bc" "$G/nhiem-vu.csv" \
    "$G/tien-do.csv" 2>"$tmp/err"
rc=$?
left=$(tmps "$tmp/bc")
[ $rc = 143 ] && [ -z "$left" ] && pass baocao_sigTERM ||
    fail baocao_sigTERM "exit $rc, left: $left"
rm -rf "$tmp/bc"
VB_TEST_RAISE=worker1:1:KILL $BC -d "$tmp/bc" "$G/nhiem-vu.csv" "$G/tien-do.csv" 2>"$tmp/err"
rc=$?
[ $rc = 3 ] && grep -q '\.md: error: not rendered: the worker process for it stopped (Killed)' "$tmp/err" &&
    pass baocao_worker_killed ||
    fail baocao_worker_killed "exit $rc: $(head -2 "$tmp/err" | tr '\n' ' ')"

# ---- Without stderr: the run's own status, whatever -j.
cp d10.md good.md
sed 's/^loai:/loai_x:/' d11.md >bad.md
python3 - "$BIN/vb-render" "$tmp/o" >"$tmp/stderr-gone" <<'PY'
import os, subprocess, sys
render, out = sys.argv[1], sys.argv[2]
for how in ("closed", "pipe"):
    for j in ("1", "2"):
        for srcs, want in ((["good.md", "d12.md"], 0), (["good.md", "bad.md"], 1)):
            args = [render, "-j", j, "-q", "-d", out] + srcs
            if how == "closed":
                p = subprocess.run(args, preexec_fn=lambda: os.close(2))
            else:
                r, w = os.pipe()
                os.close(r)
                p = subprocess.run(args, stderr=w)
                os.close(w)
            name = "stderr_%s_j%s_%s" % (how, j, "bad" if want else "good")
            if p.returncode == want:
                print("PASS interrupts_" + name)
            else:
                print("FAIL interrupts_%s: exit %d, want %d" % (name, p.returncode, want))
PY
cat "$tmp/stderr-gone"
exit 0
