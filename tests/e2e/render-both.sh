#!/bin/sh
# vb-render keeps a source's outputs together (issue 24): --to pdf,docx
# writes the PDF and the Word file of every source from one reading (the
# same bytes as --to pdf and --to docx apart), a bad source neither and
# its errors once; and a SOURCE.docx beside its source that is older than
# the source, and is not written again by the run, is named in a warning
# (in Vietnamese under --lang vi) with the command that writes both.
# Times are set with touch -d, not waited for.
# Prints "PASS name" / "FAIL name: detail".
PREFIX=render_both
. "$(dirname "$0")/../lib/prologue.sh"
R=$BIN/vb-render
cd "$tmp" || exit 0
mkdir a b one two
cp "$ROOT/tests/golden/docx-small/in.md" a/ke-hoach.md
cp "$ROOT/input/quyet-dinh-kiem-tra.md" a/quyet-dinh.md
printf -- '---\nloai: KẾ HOẠCH\n---\nbody\n' >a/bad.md

# Both outputs of every source, equal to the runs of one format each.
"$R" -q --to pdf,docx a/ke-hoach.md a/quyet-dinh.md 2>err; rc=$?
cp a/ke-hoach.md a/quyet-dinh.md one/ && cp a/ke-hoach.md a/quyet-dinh.md two/
"$R" -q --to pdf one/ke-hoach.md one/quyet-dinh.md 2>/dev/null
"$R" -q --to docx two/ke-hoach.md two/quyet-dinh.md 2>/dev/null
ok=1
for f in ke-hoach quyet-dinh; do
	cmp -s "a/$f.pdf" "one/$f.pdf" && cmp -s "a/$f.docx" "two/$f.docx" ||
	    ok=0
done
if [ $rc = 0 ] && [ $ok = 1 ] && [ "$(head -c 4 a/ke-hoach.pdf)" = "%PDF" ] &&
    [ "$(head -c 2 a/quyet-dinh.docx)" = "PK" ]; then
	pass both_written
else
	fail both_written "rc $rc, same as one format each: $ok; $(ls a | tr '\n' ' ')$(head -2 err)"
fi

# The order of the list does not matter; -d takes both.
"$R" -q --to docx,pdf -d b a/ke-hoach.md 2>err; rc=$?
if [ $rc = 0 ] && cmp -s b/ke-hoach.pdf a/ke-hoach.pdf &&
    cmp -s b/ke-hoach.docx a/ke-hoach.docx; then
	pass dir
else
	fail dir "rc $rc: $(ls b | tr '\n' ' ')$(head -2 err)"
fi

# A bad source: neither output, its errors once, the good one written.
rm -f a/ke-hoach.pdf a/ke-hoach.docx
"$R" -q --to pdf,docx a/bad.md a/ke-hoach.md 2>err; rc=$?
n=$(grep -c 'bad.md.*error' err)
if [ $rc = 1 ] && [ ! -e a/bad.pdf ] && [ ! -e a/bad.docx ] &&
    [ -s a/ke-hoach.pdf ] && [ -s a/ke-hoach.docx ] &&
    [ "$n" -ge 1 ] && [ "$n" = "$(sort -u err | grep -c 'bad.md.*error')" ]; then
	pass bad_source
else
	fail bad_source "rc $rc, $n errors: $(head -3 err | tr '\n' ' ')"
fi

# -o names one file: refused with both, a usage error.
"$R" --to pdf,docx -o x.pdf a/ke-hoach.md 2>err; rc=$?
if [ $rc = 2 ] && [ ! -e x.pdf ] && grep -q 'pdf,docx' err; then
	pass o_refused
else
	fail o_refused "rc $rc: $(head -2 err)"
fi
"$R" --to pdf,odt a/ke-hoach.md 2>err; rc=$?
if [ $rc = 2 ] && grep -q "not 'pdf,odt'" err; then
	pass bad_list
else
	fail bad_list "rc $rc: $(head -2 err)"
fi

# A stale DOCX beside its source.
touch -d '2026-01-01 10:00' a/ke-hoach.docx
touch -d '2026-01-02 10:00' a/ke-hoach.md
"$R" -q a/ke-hoach.md 2>err; rc=$?
if [ $rc = 0 ] && grep -q '^a/ke-hoach.docx: warning: older than its source a/ke-hoach.md.*--to pdf,docx a/ke-hoach.md$' err; then
	pass stale_warned
else
	fail stale_warned "rc $rc: $(cat err)"
fi
touch -d '2026-01-01 10:00' a/ke-hoach.docx
"$R" -q --lang vi a/ke-hoach.md 2>err
if grep -q '^a/ke-hoach.docx: cảnh báo: cũ hơn tệp nguồn a/ke-hoach.md' err &&
    ! grep -q 'older' err; then
	pass stale_vi
else
	fail stale_vi "$(cat err)"
fi
# Written again by this run (--to pdf,docx, or --to docx): no warning.
touch -d '2026-01-01 10:00' a/ke-hoach.docx
"$R" -q --to pdf,docx a/ke-hoach.md 2>err
touch -d '2026-01-01 10:00' a/ke-hoach.docx
"$R" -q --to docx a/ke-hoach.md 2>>err
if [ ! -s err ]; then
	pass rewritten_quiet
else
	fail rewritten_quiet "$(cat err)"
fi
# Written elsewhere (-d): the one beside the source stays old.
touch -d '2026-01-01 10:00' a/ke-hoach.docx
"$R" -q --to pdf,docx -d b a/ke-hoach.md 2>err
if grep -q 'a/ke-hoach.docx: warning: older' err; then
	pass stale_elsewhere
else
	fail stale_elsewhere "$(cat err)"
fi
# A DOCX newer than its source: nothing said.
touch -d '2026-01-03 10:00' a/ke-hoach.docx
"$R" -q a/ke-hoach.md 2>err
if [ ! -s err ]; then
	pass newer_quiet
else
	fail newer_quiet "$(cat err)"
fi
exit 0
