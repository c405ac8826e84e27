#!/bin/sh
# The Vietnamese text of the samples survives the tools that print shops
# and PDF/A converters read or rewrite PDFs with (issue 25):
#  - survive_gs_txtwrite: the words Ghostscript's txtwrite extracts are
#    the words pdftotext -layout extracts (the same reading order: both
#    go by lines on the page), in order but for the drafter's raised
#    initials, which txtwrite puts on a line of their own;
#  - survive_gs_pdfwrite: a Ghostscript pdfwrite rewrite gives back, with
#    pdftotext -raw, the words of the original in order;
#  - survive_mutool_convert: the same after `mutool convert`, which warns
#    nothing.
# Ghostscript 10.0 garbled every letter above U+00FF from a ToUnicode
# range to such a letter; mutool garbled all from a subset without cmap.
# Prints "PASS name" / "FAIL name: detail" / "SKIP name: why".
. "$(dirname "$0")/../lib/prologue.sh"
samples="ke-hoach-2020 bao-cao-so-ket cong-van-don-doc quyet-dinh-kiem-tra"

need() {	# NAME TOOL...: echo a SKIP line and fail when a tool is missing
	n=$1
	shift
	for t in "$@"; do
		command -v "$t" >/dev/null 2>&1 && continue
		echo "SKIP $n: $t is not installed"
		return 1
	done
}
compare() {	# NAME [--moved K]: the files $tmp/NAME.SAMPLE.{want,got}
	bad=
	for s in $samples; do
		r=$(python3 "$here/text_survives.py" $2 $3 "$tmp/$1.$s.want" \
		    "$tmp/$1.$s.got" 2>&1)
		[ "$r" = ok ] || bad="$bad $s: $r;"
	done
	[ -z "$bad" ] && echo "PASS $1" || echo "FAIL $1:$bad"
}

for s in $samples; do
	[ -s "$ROOT/output/$s.pdf" ] && continue
	for n in survive_gs_txtwrite survive_gs_pdfwrite survive_mutool_convert; do
		echo "FAIL $n: output/$s.pdf not found: run \`make\`"
	done
	exit 0
done
if need survive_gs_txtwrite gs pdftotext python3; then
	for s in $samples; do
		pdftotext -layout "$ROOT/output/$s.pdf" "$tmp/t.$s.want"
		gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=txtwrite \
		    -sOutputFile="$tmp/t.$s.got" "$ROOT/output/$s.pdf" >/dev/null 2>&1
	done
	compare t --moved 1 >"$tmp/r"
	sed 's/^\([A-Z]*\) t\b/\1 survive_gs_txtwrite/' "$tmp/r"
fi
if need survive_gs_pdfwrite gs pdftotext python3; then
	for s in $samples; do
		pdftotext -raw "$ROOT/output/$s.pdf" "$tmp/w.$s.want"
		gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite \
		    -sOutputFile="$tmp/$s.gs.pdf" "$ROOT/output/$s.pdf" >/dev/null 2>&1
		pdftotext -raw "$tmp/$s.gs.pdf" "$tmp/w.$s.got" 2>/dev/null
	done
	compare w >"$tmp/r"
	sed 's/^\([A-Z]*\) w\b/\1 survive_gs_pdfwrite/' "$tmp/r"
fi
if need survive_mutool_convert mutool pdftotext python3; then
	warn=
	for s in $samples; do
		pdftotext -raw "$ROOT/output/$s.pdf" "$tmp/m.$s.want"
		mutool convert -o "$tmp/$s.mu.pdf" "$ROOT/output/$s.pdf" \
		    >"$tmp/mu.err" 2>&1
		grep -q . "$tmp/mu.err" && warn="$warn $s: $(head -1 "$tmp/mu.err");"
		pdftotext -raw "$tmp/$s.mu.pdf" "$tmp/m.$s.got" 2>/dev/null
	done
	compare m >"$tmp/r"
	if [ -n "$warn" ] && grep -q '^PASS' "$tmp/r"; then
		echo "FAIL survive_mutool_convert: mutool warns:$warn"
	else
		sed 's/^\([A-Z]*\) m\b/\1 survive_mutool_convert/' "$tmp/r"
	fi
fi
exit 0
