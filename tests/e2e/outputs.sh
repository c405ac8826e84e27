#!/bin/sh
# Outputs are never lost, half-written or misplaced (issue "Hardening"):
# -o naming a device, a symlink, an existing file's mode, the source
# itself; a PDF to a terminal; SOURCE_DATE_EPOCH not a number; a file-size
# limit (SIGXFSZ); SIGTERM while an output is open; a decision list with
# a character no font has.  Prints "PASS name" / "FAIL name: detail" /
# "SKIP name: why".  Environment: ROOT, BIN.
. "$(dirname "$0")/../lib/prologue.sh"
src=$ROOT/input/quyet-dinh-kiem-tra.md
cp "$src" "$tmp/doc.md"
cd "$tmp" || exit 0

# PDF 1.4 or later (the project's spec).
"$BIN/vb-render" -o v.pdf doc.md 2>/dev/null
v=$(head -c 8 v.pdf)
case $v in
%PDF-1.[4-7]) pass output_pdf_version ;;
*) fail output_pdf_version "header '$v'" ;;
esac

# A device is written through, never replaced (as root a rename would
# replace it).  Root gets device nodes of its own in the temporary folder,
# so that a regression cannot replace the system's /dev/null; others use
# /dev/null and /dev/full, which they cannot replace anyway.
if mknod "$tmp/null" c 1 3 2>/dev/null && mknod "$tmp/full" c 1 7 2>/dev/null
then
	null=$tmp/null full=$tmp/full
else
	null=/dev/null full=/dev/full
fi
"$BIN/vb-render" -o "$null" doc.md 2>"$tmp/err"
rc=$?
if [ $rc -eq 0 ] && [ -c "$null" ]; then
	pass output_device
else
	fail output_device "exit $rc, $null: $(ls -l "$null")"
fi
"$BIN/vb-render" -o "$full" doc.md 2>"$tmp/err"
rc=$?
if [ $rc -eq 3 ] && [ -c "$full" ] && grep -q 'cannot write' "$tmp/err"; then
	pass output_device_full
else
	fail output_device_full "exit $rc: $(head -1 "$tmp/err")"
fi

# A symlink: its target is replaced, the link stays a link.
: >target.pdf
ln -s target.pdf link.pdf
"$BIN/vb-render" -o link.pdf doc.md 2>/dev/null
if [ -L link.pdf ] && [ -s target.pdf ]; then
	pass output_symlink
else
	fail output_symlink "link or target lost: $(ls -l link.pdf target.pdf 2>&1)"
fi

# Rewriting an existing output keeps its permission bits.
"$BIN/vb-render" -o mode.pdf doc.md 2>/dev/null
chmod 640 mode.pdf
"$BIN/vb-render" -o mode.pdf doc.md 2>/dev/null
m=$(stat -c %a mode.pdf)
[ "$m" = 640 ] && pass output_keeps_mode || fail output_keeps_mode "mode $m"

# -o onto the source is refused and the source is left as it was.
"$BIN/vb-render" -o doc.md doc.md 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && cmp -s doc.md "$src"; then
	pass output_not_source
else
	fail output_not_source "exit $rc"
fi

# A PDF is not written to a terminal.
if command -v script >/dev/null 2>&1; then
	script -qec "$BIN/vb-render -o - doc.md" /dev/null >"$tmp/tty" 2>&1
	rc=$?
	if [ $rc -eq 2 ] && grep -q 'terminal' "$tmp/tty"; then
		pass output_not_tty
	else
		fail output_not_tty "exit $rc: $(head -c 200 "$tmp/tty")"
	fi
else
	echo "SKIP output_not_tty: script(1) is not installed"
fi

# SOURCE_DATE_EPOCH must be a number of seconds.
SOURCE_DATE_EPOCH=abc "$BIN/vb-render" -o epoch.pdf doc.md 2>"$tmp/err"
rc=$?
if [ $rc -eq 2 ] && [ ! -e epoch.pdf ] && grep -q SOURCE_DATE_EPOCH "$tmp/err"; then
	pass output_epoch_checked
else
	fail output_epoch_checked "exit $rc"
fi

# A file-size limit: exit 3 with a message, no temporary file left.
(ulimit -f 8; "$BIN/vb-render" -o big.pdf "$ROOT/input/2020/ke-hoach.md") \
    2>"$tmp/err"
rc=$?
left=$(ls | grep '\.tmp\.' | head -1)
if [ $rc -eq 3 ] && [ ! -e big.pdf ] && [ -z "$left" ] &&
    grep -q 'cannot write' "$tmp/err"; then
	pass output_size_limit
else
	fail output_size_limit "exit $rc, left: $left, $(head -1 "$tmp/err")"
fi

# SIGTERM while the output is open (vb-norm waits on a FIFO): the
# temporary file is removed.
mkfifo fifo
"$BIN/vb-norm" -o norm.txt <fifo &
pid=$!
exec 7>fifo		# the writer end, kept open: vb-norm waits for input
i=0
while [ -z "$(ls | grep 'norm.txt.tmp')" ] && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
seen=$(ls | grep 'norm.txt.tmp')
kill -TERM $pid
wait $pid 2>/dev/null
exec 7>&-
left=$(ls | grep 'norm.txt.tmp')
if [ -n "$seen" ] && [ -z "$left" ] && [ ! -e norm.txt ]; then
	pass output_signal_cleanup
else
	fail output_signal_cleanup "temporary seen: '$seen', left: '$left'"
fi

# A decision list with a character no font has: nothing written, an
# existing source untouched, the error at the list's line.
mkdir kt
printf 'existing\n' >kt/bang-khen.md
sed '3s/^\([^,]*,[^,]*,[^,]*\)/\1 😀/' \
    "$ROOT/input/2020/de-nghi-khen-thuong.csv" >list.csv
"$BIN/vb-khenthuong" -q --pdf --templates "$ROOT/templates" \
    --config "$ROOT/input/khen-thuong/dien-bien-2020.yaml" \
    --ngay 2020-12-28 -d kt list.csv 2>"$tmp/err"
rc=$?
n=$(ls kt | wc -l)
if [ $rc -eq 1 ] && [ "$n" -eq 1 ] && [ "$(cat kt/bang-khen.md)" = existing ] &&
    grep -q '^list.csv:3: error: character U+1F600' "$tmp/err"; then
	pass output_kt_glyph_first
else
	fail output_kt_glyph_first "exit $rc, $n files, $(head -1 "$tmp/err")"
fi
exit 0
