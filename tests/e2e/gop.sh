#!/bin/sh
# --gop ALL.pdf (issue 24, "Printing"): one PDF of every document of a
# run, for the printer, in vb-render (many sources), vb-khenthuong and
# vb-baocao:
#  - pages: the merged file has the sum of the documents' pages;
#  - order_text: page k of the merged file reads as the same page of its
#    document's own PDF (pdftotext), document after document in the
#    order of the run (vb-render: the sources; the generators: the order
#    their closing lines and register list them);
#  - numbers: each document's numbering restarts: its first page has no
#    page number, its k-th page reads k at its top (and the PDF's page
#    labels restart too);
#  - draft: a DỰ THẢO mark stays on its own document's pages;
#  - outline, reproducible: a bookmark a document; the same bytes again
#    and whatever -j;
#  - pdfa: the merged file passes the archival checks of pdfa.sh
#    (pdf_archival.py xmp, catalog, fonts), has one XMP metadata, one
#    output intent and one font program a face; PDFBox Preflight when
#    java and the jars are installed (else SKIP);
#  - nd30: each document's pages of the merged file pass
#    ../shared/tools/nd30-check as its own PDF does (SKIP without it);
#  - smaller: it is smaller than the documents' PDFs together (the fonts
#    once), the size printed;
#  - same_singles: the documents' own PDFs are the bytes of a run
#    without --gop;
#  - fails: a bad source among good ones: exit 1, the good ones written,
#    the merged file not (and said so); a generator's bad list: nothing;
#  - usage: a name not ending in .pdf, or naming a source or an output
#    (vb-render's, a decision's PDF), is refused (exit 2) and nothing is
#    written; with -d, a name beside a source is allowed.
# Prints "PASS gop_name" / "FAIL gop_name: detail" / "SKIP ...".
PREFIX=gop
. "$(dirname "$0")/../lib/prologue.sh"
SHARED=${SHARED:-$ROOT/../shared}

for t in pdfinfo pdftotext python3; do
	command -v $t >/dev/null 2>&1 || {
		echo "SKIP gop_all: $t is not installed (poppler-utils, python3)"
		exit 0
	}
done
pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
# The text of page $2 of $1, without its page-number line (the first
# non-blank line when it is digits only) when $3 is "strip".
page_text() { pdftotext -f "$2" -l "$2" -layout "$1" - 2>/dev/null; }
# The first non-blank line of page $2 of $1, trimmed.
first_line() { page_text "$1" "$2" | sed -n '/[^ ]/{s/^ *//;s/ *$//;p;q;}'; }

# check_merged NAME MERGED SINGLE...: pages, order_text and numbers of
# a merged file against the documents' own PDFs, in order.
check_merged() {
	name=$1 merged=$2
	shift 2
	sum=0 bad= nbad= at=0 restarted=0
	for s in "$@"; do
		n=$(pages "$s")
		sum=$((sum + ${n:-0}))
		k=1
		while [ "$k" -le "${n:-0}" ]; do
			at=$((at + 1))
			page_text "$s" "$k" >"$tmp/a"
			page_text "$merged" "$at" >"$tmp/b"
			cmp -s "$tmp/a" "$tmp/b" ||
			    bad="$bad $(basename "$s") p$k/merged p$at"
			# The number line as on the document's own page (an
			# annex starts again: the decree), and a number at
			# all only within the document: restarted.
			l=$(first_line "$merged" "$at")
			[ "$l" = "$(first_line "$s" "$k")" ] ||
			    nbad="$nbad merged p$at reads '$l'"
			case $l in *[!0-9]*|'') ;;
			*)	[ "$l" -le "$k" ] && [ "$k" != 1 ] ||
				    nbad="$nbad merged p$at reads $l as page $k"
				[ "$l" != "$at" ] && restarted=1;; esac
			k=$((k + 1))
		done
	done
	got=$(pages "$merged")
	if [ "$got" = "$sum" ] && [ "$sum" -gt "$#" ]; then
		pass "${name}_pages"
	else
		fail "${name}_pages" "the merged PDF has ${got:-no} pages, the documents $sum"
	fi
	[ -z "$bad" ] && pass "${name}_order_text" ||
	    fail "${name}_order_text" "pages differ:$(echo $bad | cut -c1-200)"
	[ $restarted = 1 ] || nbad="$nbad no page number restarts"
	[ -z "$nbad" ] && pass "${name}_numbers" ||
	    fail "${name}_numbers" "$(echo $nbad | cut -c1-200)"
}

# ---- vb-render: the four samples, one a draft ----------------------------
mkdir -p "$tmp/r" "$tmp/plain"
cp "$ROOT"/input/*.md "$ROOT"/input/2020/ke-hoach.md "$ROOT"/input/2020/*.csv \
    "$tmp/r/" 2>/dev/null
sed '0,/^ky_hieu:/s//du_thao: true\nky_hieu:/' "$ROOT/input/cong-van-don-doc.md" \
    >"$tmp/r/cong-van-don-doc.md"
cp -r "$tmp/r/." "$tmp/plain/"
cd "$tmp/r" || exit 0
set -- ke-hoach.md quyet-dinh-kiem-tra.md cong-van-don-doc.md bao-cao-so-ket.md
"$BIN/vb-render" -q --gop tat-ca.pdf "$@" 2>"$tmp/err"
rc=$?
if [ $rc != 0 ] || [ ! -s tat-ca.pdf ]; then
	fail render "exit $rc, $(head -2 "$tmp/err")"
	exit 0
fi
grep -q "tat-ca.pdf: note: 4 documents, [0-9]* pages, in one PDF to print" \
    "$tmp/err" && pass render_note || fail render_note "$(head -2 "$tmp/err")"
check_merged render tat-ca.pdf ke-hoach.pdf quyet-dinh-kiem-tra.pdf \
    cong-van-don-doc.pdf bao-cao-so-ket.pdf
labels=$(grep -a -o '/PageLabels << /Nums \[[^]]*\]' tat-ca.pdf)
want=0 expect=
for s in ke-hoach quyet-dinh-kiem-tra cong-van-don-doc bao-cao-so-ket; do
	expect="$expect${expect:+ }$want << /S /D >>"
	want=$((want + $(pages $s.pdf)))
done
[ "$labels" = "/PageLabels << /Nums [$expect]" ] && pass render_labels ||
    fail render_labels "'$labels', expected [$expect]"

# A bookmark per document at the top of the outline, its headings under
# it; the same bytes whatever -j.
if command -v mutool >/dev/null 2>&1; then
	top=$(mutool show tat-ca.pdf outline | grep -c "$(printf '^[+|]\t"')")
	[ "$top" = 4 ] && pass render_outline ||
	    fail render_outline "$top top-level bookmarks for 4 documents"
else
	echo "SKIP gop_render_outline: mutool is not installed"
fi
mkdir -p "$tmp/j1" "$tmp/j3"
"$BIN/vb-render" -q -j 1 --gop "$tmp/j1/tat-ca.pdf" "$@" 2>/dev/null
"$BIN/vb-render" -q -j 3 --gop "$tmp/j3/tat-ca.pdf" "$@" 2>/dev/null
cmp -s tat-ca.pdf "$tmp/j1/tat-ca.pdf" && cmp -s tat-ca.pdf "$tmp/j3/tat-ca.pdf" &&
    pass render_reproducible ||
    fail render_reproducible "the merged PDF differs between runs or -j"

# The draft mark: on the công văn's page only.
kh=$(pages ke-hoach.pdf) qd=$(pages quyet-dinh-kiem-tra.pdf)
bad=
i=1
while [ $i -le "$(pages tat-ca.pdf)" ]; do
	has=0
	page_text tat-ca.pdf $i | grep -q "DỰ THẢO" && has=1
	draft=0
	[ $i -gt $((kh + qd)) ] && [ $i -le $((kh + qd + $(pages cong-van-don-doc.pdf))) ] &&
	    draft=1
	[ $has = $draft ] || bad="$bad p$i"
	i=$((i + 1))
done
[ -z "$bad" ] && pass render_draft || fail render_draft "DỰ THẢO wrong on$bad"

# The documents' own PDFs: the bytes of a run without --gop.
cd "$tmp/plain" && "$BIN/vb-render" -q "$@" 2>/dev/null
bad=
for s in "$@"; do
	cmp -s "$tmp/r/${s%.md}.pdf" "$tmp/plain/${s%.md}.pdf" || bad="$bad $s"
done
[ -z "$bad" ] && pass same_singles || fail same_singles "differ:$bad"
cd "$tmp/r" || exit 0

# Archival: the checks pdfa.sh makes, and one of each file-wide object.
bad=
for w in xmp catalog fonts; do
	r=$(python3 "$ROOT/tests/e2e/pdf_archival.py" $w tat-ca.pdf 2>&1 | head -2)
	[ "$r" = ok ] || bad="$bad $w: $r"
done
n_xmp=$(grep -a -c '/Type /Metadata' tat-ca.pdf)
n_oi=$(grep -a -c '/OutputIntents' tat-ca.pdf)
n_ff=$(grep -a -o '/FontFile2' tat-ca.pdf | wc -l)
n_faces=$(grep -a -o '/Subtype /CIDFontType2 /BaseFont /[A-Z]*+[A-Za-z-]*' \
    tat-ca.pdf | sed 's/.*+//' | sort -u | wc -l)
[ "$n_xmp" = 1 ] && [ "$n_oi" = 1 ] && [ "$n_ff" = "$n_faces" ] ||
    bad="$bad $n_xmp metadata, $n_oi output intents, $n_ff fonts for $n_faces faces"
[ -z "$bad" ] && pass render_pdfa || fail render_pdfa "$bad"
. "$ROOT/tests/lib/preflight.sh"	# CP, miss
if ! command -v java >/dev/null 2>&1 || [ -n "$miss" ]; then
	echo "SKIP gop_preflight: java or$miss not installed (default-jre-headless libpdfbox2-java)"
else
	java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CP" \
	    org.apache.pdfbox.preflight.Validator_A1b tat-ca.pdf >"$tmp/pf" 2>&1
	grep -q "is a valid PDF/A-1b file" "$tmp/pf" && pass preflight ||
	    fail preflight "$(grep -v '^The file' "$tmp/pf" | head -3 | tr '\n' ' ')"
fi

# Each document's pages of the merged file, cut out with mutool, pass
# nd30-check as its own PDF does.
check=$SHARED/tools/nd30-check
if [ ! -x "$check" ] || ! command -v mutool >/dev/null 2>&1; then
	echo "SKIP gop_nd30: $check or mutool is not installed"
else
	at=1 bad=
	for s in "$@"; do
		n=$(pages "${s%.md}.pdf")
		mutool merge -o "$tmp/cut.pdf" tat-ca.pdf "$at-$((at + n - 1))" 2>/dev/null
		a=$("$check" "${s%.md}.pdf" 2>&1 | tail -1)
		b=$("$check" "$tmp/cut.pdf" 2>&1 | tail -1)
		case $b in *" 0 failed") ;; *) bad="$bad $s: $b";; esac
		[ "$a" = "$b" ] || bad="$bad $s: own PDF '$a', merged pages '$b'"
		at=$((at + n))
	done
	[ -z "$bad" ] && pass nd30 || fail nd30 "$bad"
fi

# Smaller than the documents' PDFs together: the fonts once.
size=$(wc -c <tat-ca.pdf)
singles=$(cat ke-hoach.pdf quyet-dinh-kiem-tra.pdf cong-van-don-doc.pdf \
    bao-cao-so-ket.pdf | wc -c)
if [ "$size" -lt "$singles" ]; then
	pass "smaller"
	echo "# gop: merged $size bytes, the four PDFs $singles bytes" >&2
else
	fail smaller "merged $size bytes, the four PDFs together $singles"
fi

# A bad source among good ones: the good written, the merged not.
rm -f tat-ca.pdf ke-hoach.pdf
printf -- '---\nloai: QUYẾT ĐỊNH\nngay: 2020-13-45\n---\n\nx\n' >hong.md
"$BIN/vb-render" -q --gop tat-ca.pdf ke-hoach.md hong.md 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] && [ ! -e tat-ca.pdf ] && [ -s ke-hoach.pdf ] &&
    grep -q "tat-ca.pdf: error: the merged PDF was not written: 1 of the 2 documents" "$tmp/err"; then
	pass render_fails
else
	fail render_fails "exit $rc, merged $(ls tat-ca.pdf 2>&1), $(tail -2 "$tmp/err" | tr '\n' ' ')"
fi

# Usage: not a .pdf name; the output of a source; a source.
bad=
"$BIN/vb-render" -q --gop tat-ca ke-hoach.md 2>/dev/null
[ $? = 2 ] || bad="$bad no-.pdf"
"$BIN/vb-render" -q --gop ke-hoach.pdf ke-hoach.md quyet-dinh-kiem-tra.md \
    2>"$tmp/err"
[ $? = 2 ] && grep -q "names the output of ke-hoach.md" "$tmp/err" ||
    bad="$bad output: $(head -1 "$tmp/err")"
cp ke-hoach.md x.pdf
"$BIN/vb-render" -q --gop x.pdf x.pdf -o y.pdf 2>"$tmp/err"
[ $? = 2 ] && cmp -s x.pdf ke-hoach.md || bad="$bad source: $(head -1 "$tmp/err")"
"$BIN/vb-render" --dump-layout --gop a.pdf ke-hoach.md >/dev/null 2>&1
[ $? = 2 ] && [ ! -e a.pdf ] || bad="$bad dump-layout"
# ... but with -d the name beside a source is not its output: allowed.
"$BIN/vb-render" -q -d o --gop ke-hoach.pdf ke-hoach.md quyet-dinh-kiem-tra.md \
    2>/dev/null && [ -s ke-hoach.pdf ] && [ -s o/ke-hoach.pdf ] ||
    bad="$bad -d: ke-hoach.pdf refused"
[ -z "$bad" ] && pass usage || fail usage "$bad"

# ---- vb-khenthuong: the 2020 list --------------------------------------
cd "$tmp" || exit 0
K="$BIN/vb-khenthuong --templates $ROOT/templates --config $ROOT/input/khen-thuong/dien-bien-2020.yaml --ngay 2020-12-28"
$K --pdf -d kt --gop kt/tat-ca.pdf "$ROOT/input/2020/de-nghi-khen-thuong.csv" \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
# The decisions in the order the closing lines (the register) list them.
order=$(sed -n 's|^  \(kt/[^ ]*\.pdf\) .*|\1|p' "$tmp/err")
if [ $rc != 0 ] || [ -z "$order" ]; then
	fail kt "exit $rc, $(head -3 "$tmp/err" | tr '\n' ' ')"
else
	check_merged kt kt/tat-ca.pdf $order
fi
$K --pdf -d kt2 "$ROOT/input/2020/de-nghi-khen-thuong.csv" >/dev/null 2>&1
bad=
for f in $order; do cmp -s "$f" "kt2/${f#kt/}" || bad="$bad $f"; done
[ -z "$bad" ] && [ -n "$order" ] && pass kt_same_singles ||
    fail kt_same_singles "differ:$bad"
# The merged PDF may not be a decision's own.
$K --pdf -d kt5 --gop kt5/bang-khen.pdf "$ROOT/input/2020/de-nghi-khen-thuong.csv" \
    2>"$tmp/err" >/dev/null
rc=$?
[ $rc = 2 ] && [ ! -e kt5/bang-khen.md ] &&
    grep -q "names the PDF of kt5/bang-khen.md" "$tmp/err" && pass kt_usage ||
    fail kt_usage "exit $rc, $(ls kt5 2>&1 | tr '\n' ' ') $(head -1 "$tmp/err")"
# Without --pdf: the merged file alone; a bad list: nothing at all.
$K -d kt3 --gop kt3/tat-ca.pdf "$ROOT/input/2020/de-nghi-khen-thuong.csv" \
    >/dev/null 2>&1
[ "$(pages kt3/tat-ca.pdf)" = "$(pages kt/tat-ca.pdf)" ] &&
    [ "$(ls kt3/*.pdf)" = kt3/tat-ca.pdf ] && pass kt_without_pdf ||
    fail kt_without_pdf "$(ls kt3 | tr '\n' ' ')"
# A collective given an individual's title (row 1).
sed '2s/Cờ thi đua của UBND tỉnh/Chiến sĩ thi đua cấp tỉnh/' \
    "$ROOT/input/2020/de-nghi-khen-thuong.csv" >bad.csv
$K --pdf -d kt4 --gop kt4/tat-ca.pdf bad.csv >/dev/null 2>&1
rc=$?
[ $rc = 1 ] && [ ! -e kt4/tat-ca.pdf ] && pass kt_fails ||
    fail kt_fails "exit $rc, $(ls kt4 2>&1 | tr '\n' ' ')"

# ---- vb-baocao: the 2020 quarter ----------------------------------------
B="$BIN/vb-baocao --templates $ROOT/templates --nam 2020 --don-vi $ROOT/input/2020/don-vi.csv --config $ROOT/input/2020/bao-cao.yaml -q --ky Q2 --ngay 2020-07-06"
$B --pdf -d bc --gop bc/tat-ca.pdf "$ROOT/input/2020/nhiem-vu.csv" \
    "$ROOT/input/2020/tien-do.csv" 2>"$tmp/err"
rc=$?
n=$(ls bc/*.pdf 2>/dev/null | grep -vc tat-ca)
if [ $rc != 0 ] || [ "$n" -lt 2 ]; then
	fail bc "exit $rc, $(head -2 "$tmp/err" | tr '\n' ' ')"
else
	# The documents in the merged file by their first pages, then
	# the order written: the units' reports as don-vi.csv lists the
	# units (their signers), the summary, the reminder.
	np=$(pages bc/tat-ca.pdf)
	i=1
	while [ $i -le "$np" ]; do
		page_text bc/tat-ca.pdf $i >"$tmp/m$i"
		i=$((i + 1))
	done
	order=$(for f in bc/*.pdf; do
		[ "$f" = bc/tat-ca.pdf ] && continue
		page_text "$f" 1 >"$tmp/a"
		i=1
		while [ $i -le "$np" ]; do
			cmp -s "$tmp/m$i" "$tmp/a" && { echo "$i $f"; break; }
			i=$((i + 1))
		done
	done | sort -n | cut -d' ' -f2)
	check_merged bc bc/tat-ca.pdf $order
	want=$(sed 1d "$ROOT/input/2020/don-vi.csv" | awk -F, '{ print $NF }' |
	    while read -r signer; do
		for f in $order; do
			case $f in bc/tong-hop.pdf|bc/don-doc.pdf) continue;; esac
			pdftotext "$f" - | grep -qxF "$signer" && echo "$f"
		done
	done; echo bc/tong-hop.pdf; echo bc/don-doc.pdf)
	[ "$(echo $order)" = "$(echo $want)" ] && pass bc_order ||
	    fail bc_order "$(echo $order | sed "s/bc.//g") / $(echo $want | sed "s/bc.//g")"
fi
exit 0
