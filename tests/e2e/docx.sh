#!/bin/sh
# vb-render --to docx end to end, on the samples (input/*.md and
# input/2020/ke-hoach.md), on tests/data/docx/phu-luc.md (annexes, one
# landscape, a chart, draft and urgency marks) and on a joint document
# (tests/golden/render-joint: two signers, names on one line):
#  - the same bytes twice under SOURCE_DATE_EPOCH, other bytes for another
#    epoch; the package in its fixed order, dated the epoch, XML well formed;
#  - LibreOffice (soffice --headless, a private profile, the repository's
#    Liberation Serif in a private fontconfig: the metric twin of Times New
#    Roman) converts each DOCX to PDF: the same words in the same order as
#    vanban's own PDF (samples; a chart is a table of data in the DOCX;
#    inside a table row that may split between pages only the characters,
#    since each renderer wraps the cells its own way: docx_check.py),
#    the page count within one, and ../shared/tools/nd30-check passing on
#    LibreOffice's PDF wherever it passes on vanban's;
#  - a second reader (python3-docx) finds the styles, the repeated header
#    rows, the group rows, one section per annex and the properties.
# A check whose tool is absent prints SKIP with the reason.
# Prints "PASS name" / "FAIL name: detail" / "SKIP name: why".
# Environment: ROOT, BIN, SHARED.
. "$(dirname "$0")/../lib/prologue.sh"
render=$BIN/vb-render
check=$here/docx_check.py
EPOCH=1600000000

mkdir -p "$tmp/docx" "$tmp/again" "$tmp/vb" "$tmp/lo" "$tmp/txt"
names=
# The generators' samples too (made by `make`, which make test runs
# first): two decisions with their annexes and a unit's report.
for src in "$ROOT"/input/*.md "$ROOT"/input/2020/ke-hoach.md \
    "$ROOT"/tests/data/docx/phu-luc.md "$ROOT"/tests/golden/render-joint/in.md \
    "$ROOT"/output/khen-thuong-2020/bang-khen.md \
    "$ROOT"/output/khen-thuong-2020/co-thi-dua.md \
    "$ROOT"/output/bao-cao/q2/so-noi-vu.md; do
	[ -f "$src" ] || { fail docx_source "$src missing (run make)"; continue; }
	n=$(basename "$src" .md)
	case $src in
	*/input/2020/*)		n=$n-2020 ;;
	*/tests/golden/*)	n=$(basename "$(dirname "$src")") ;;
	*/output/khen-thuong-2020/*)	n=kt-$n ;;
	*/output/bao-cao/*)	n=bc-$n ;;
	esac
	echo "$n $src" >>"$tmp/list"
	if ! SOURCE_DATE_EPOCH=$EPOCH "$render" -o "$tmp/docx/$n.docx" "$src" \
	    2>"$tmp/err" || ! SOURCE_DATE_EPOCH=$EPOCH "$render" --to docx \
	    -o "$tmp/again/$n.docx" "$src" 2>>"$tmp/err" ||
	    ! SOURCE_DATE_EPOCH=$EPOCH "$render" -o "$tmp/vb/$n.pdf" "$src" \
	    2>>"$tmp/err"; then
		fail "docx_render_$n" "$(head -3 "$tmp/err")"
		continue
	fi
	names="$names $n"
	if cmp -s "$tmp/docx/$n.docx" "$tmp/again/$n.docx"; then
		pass "docx_reproducible_$n"
	else
		fail "docx_reproducible_$n" "two renders differ"
	fi
	r=$(python3 "$check" zip "$tmp/docx/$n.docx" $EPOCH 2>&1)
	[ "$r" = ok ] && pass "docx_package_$n" || fail "docx_package_$n" "$r"
done

# The epoch is what dates the file: another one, other bytes.
src=$ROOT/tests/data/docx/phu-luc.md
SOURCE_DATE_EPOCH=1500000000 "$render" -o "$tmp/other.docx" "$src" 2>/dev/null
if [ -f "$tmp/other.docx" ] && ! cmp -s "$tmp/other.docx" \
    "$tmp/docx/phu-luc.docx"; then
	pass docx_epoch_used
else
	fail docx_epoch_used "another SOURCE_DATE_EPOCH gave the same bytes"
fi

# A second reader: python3-docx (Debian's python3-docx is in the system
# Python, which may not be the first python3 on PATH).
py=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import docx' \
	    2>/dev/null; then
		py=$p
		break
	fi
done
while read -r n src; do
	[ -f "$tmp/docx/$n.docx" ] || continue
	if [ -z "$py" ]; then
		skip "docx_struct_$n" "python3-docx is not installed"
		continue
	fi
	r=$("$py" "$check" struct "$tmp/docx/$n.docx" "$src" 2>&1)
	[ "$r" = ok ] && pass "docx_struct_$n" || fail "docx_struct_$n" "$r"
done <"$tmp/list"

# LibreOffice's rendering against vanban's PDF.
missing=
for t in soffice pdftotext pdfinfo; do
	command -v $t >/dev/null 2>&1 || missing="$missing $t"
done
if [ -n "$missing" ]; then
	for n in $names; do
		skip "docx_libreoffice_$n" "not installed:$missing"
	done
	exit 0
fi
cat >"$tmp/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$ROOT/fonts</dir>
  <cachedir>$tmp/fc</cachedir>
</fontconfig>
CONF
FONTCONFIG_FILE=$tmp/fonts.conf HOME=$tmp timeout 600 soffice \
    -env:UserInstallation=file://$tmp/profile --headless --convert-to pdf \
    --outdir "$tmp/lo" "$tmp"/docx/*.docx >"$tmp/soffice.log" 2>&1
nd30=$SHARED/tools/nd30-check
for n in $names; do
	lo=$tmp/lo/$n.pdf vb=$tmp/vb/$n.pdf
	if [ ! -s "$lo" ]; then
		fail "docx_libreoffice_$n" "no PDF from soffice: $(tail -2 \
		    "$tmp/soffice.log")"
		continue
	fi
	pass "docx_libreoffice_$n"
	a=$(pdfinfo "$lo" | sed -n 's/^Pages: *//p')
	b=$(pdfinfo "$vb" | sed -n 's/^Pages: *//p')
	if [ $((a - b)) -le 1 ] && [ $((b - a)) -le 1 ]; then
		pass "docx_pages_$n"
	else
		fail "docx_pages_$n" "LibreOffice $a pages, vanban $b"
	fi
	if [ "$n" != phu-luc ]; then
		pdftotext -raw "$lo" "$tmp/txt/lo.txt"
		pdftotext -raw "$vb" "$tmp/txt/vb.txt"
		r=$(python3 "$check" words "$tmp/txt/lo.txt" "$tmp/txt/vb.txt" \
		    "$tmp/docx/$n.docx" 2>&1)
		[ "$r" = ok ] && pass "docx_words_$n" || fail "docx_words_$n" "$r"
	fi
	if [ ! -x "$nd30" ]; then
		skip "docx_nd30_$n" "no $nd30"
		continue
	fi
	"$nd30" "$vb" 2>&1 | sed -n 's/^FAIL \([a-z0-9-]*\).*/\1/p' \
	    >"$tmp/txt/vb.fail"
	"$nd30" "$lo" >"$tmp/txt/lo.out" 2>&1
	worse=
	for c in $(sed -n 's/^FAIL \([a-z0-9-]*\).*/\1/p' "$tmp/txt/lo.out"); do
		grep -qx "$c" "$tmp/txt/vb.fail" || worse="$worse $c"
	done
	if [ -z "$worse" ] && grep -q 'passed' "$tmp/txt/lo.out"; then
		pass "docx_nd30_$n"
	else
		fail "docx_nd30_$n" "fails on LibreOffice's PDF only:$worse \
$(grep "^FAIL" "$tmp/txt/lo.out" | head -3)"
	fi
done
exit 0
