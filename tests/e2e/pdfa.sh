#!/bin/sh
# Every PDF vanban writes is PDF/A-1b (TCVN 14159-1:2024 = ISO 19005-1):
#  - pdfa_preflight: Apache PDFBox Preflight (Debian libpdfbox2-java, run
#    with java) passes every sample of output/ (the four documents, the
#    reports and decisions of the generators) and a document whose codes
#    take two bytes; SKIP when java or the jars are not installed;
#  - pdfa_xmp: the XMP metadata says what the Info dictionary says;
#  - pdfa_catalog: /Lang (vi-VN), /DisplayDocTitle, /PageMode
#    /UseOutlines exactly when there are bookmarks, a trailer /ID;
#  - pdfa_fonts: /W within half a unit of the font's hmtx, FontBBox and
#    CapHeight rounded outward, no ForceBold, a CIDSet, ToUnicode ranges
#    only to targets below U+0100, a cmap table in each subset;
#  - pdfa_id: the /ID is a hash of the content: the same source and
#    SOURCE_DATE_EPOCH give the same file, another date another /ID.
# Prints "PASS name" / "FAIL name: detail" / "SKIP name: why".
. "$(dirname "$0")/../lib/prologue.sh"

names="pdfa_preflight pdfa_xmp pdfa_catalog pdfa_fonts pdfa_id"
command -v python3 >/dev/null 2>&1 || {
	for n in $names; do fail "$n" "python3 is not installed"; done
	exit 0
}
samples=$(find "$ROOT/output" -name '*.pdf' 2>/dev/null | sort)
[ -n "$samples" ] || {
	for n in $names; do fail "$n" "no PDF in output/: run \`make\`"; done
	exit 0
}

# A document with more than 255 characters in one face (two-byte codes)
# and bookmarks.
letters=$(python3 -c 'print(" ".join("".join(chr(c) for c in range(a, a + 8))
    for a in range(0x410, 0x450, 8)) + " " + " ".join("".join(chr(c)
    for c in range(a, a + 8)) for a in range(0xC0, 0x180, 8) if a != 0xD0))')
cat >"$tmp/two.md" <<EOF
---
loai: QUYẾT ĐỊNH
co_quan: ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN
so: "12"
ky_hieu: QĐ-UBND
dia_danh: Điện Biên
ngay: 2020-02-03
trich_yeu: Về việc thử bộ chữ <&> "x"
ky:
  chuc_vu: CHỦ TỊCH
  ho_ten: Mùa A Sơn
noi_nhan:
  - Như Điều 3
luu: VT
---

# I. Chương một

Ắ ặ ẩ ữ ự ỷ ỹ ỵ Ễ ệ ỗ ộ ờ ở ỡ ợ ủ ứ ừ ử. $letters

# II. Chương hai

Thêm một đoạn.
EOF
export SOURCE_DATE_EPOCH=1580688000
"$BIN/vb-render" -o "$tmp/two.pdf" "$tmp/two.md" 2>"$tmp/err" ||
	fail pdfa_render "vb-render: $(head -3 "$tmp/err")"
"$BIN/vb-render" -o "$tmp/two-again.pdf" "$tmp/two.md" 2>/dev/null
SOURCE_DATE_EPOCH=1580774400 "$BIN/vb-render" -o "$tmp/two-later.pdf" \
	"$tmp/two.md" 2>/dev/null
all="$samples $tmp/two.pdf"

# PDFBox Preflight, the jars Debian installs (not ../shared's script).
. "$ROOT/tests/lib/preflight.sh"	# CP, miss
if ! command -v java >/dev/null 2>&1; then
	echo "SKIP pdfa_preflight: java is not installed (apt-get install default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java)"
elif [ -n "$miss" ]; then
	echo "SKIP pdfa_preflight: missing$miss in $J (apt-get install libpdfbox2-java libactivation-java libjaxb-api-java)"
else
	# One JVM a file (Validator_A1b reads one), two at a time.
	printf '%s\n' $all | xargs -P 2 -I{} sh -c 'o=$(mktemp) || exit 1
	    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$1" \
	    org.apache.pdfbox.preflight.Validator_A1b "$2" >"$o" 2>&1
	    grep -q "is a valid PDF/A-1b file" "$o" ||
	    echo "$2: $(grep -v "^The file" "$o" | sed "s/ on page [0-9]*//" |
	    sort | uniq -c | sort -rn | head -3 | tr -s " \n" " ")"
	    rm -f "$o"' _ "$CP" {} >"$tmp/preflight" 2>&1
	n=$(printf '%s\n' $all | wc -l)
	if [ -s "$tmp/preflight" ]; then
		fail pdfa_preflight "$(wc -l <"$tmp/preflight") of $n files are not PDF/A-1b: $(head -3 "$tmp/preflight" | sed "s|$ROOT/||g")"
	else
		pass pdfa_preflight
	fi
fi

for w in xmp catalog fonts; do
	bad=
	for f in $all; do
		r=$(python3 "$here/pdf_archival.py" $w "$f" 2>&1 | head -3)
		[ "$r" = ok ] || bad="$bad ${f#$ROOT/}: $(printf '%s' "$r" | tr '\n' ';')"
	done
	[ -z "$bad" ] && pass "pdfa_$w" || fail "pdfa_$w" "$bad"
done

id() { grep -a -o '/ID \[<[0-9A-F]*>' "$1" 2>/dev/null; }
if [ -z "$(id "$tmp/two.pdf")" ]; then
	fail pdfa_id "no /ID in the trailer"
elif ! cmp -s "$tmp/two.pdf" "$tmp/two-again.pdf"; then
	fail pdfa_id "the same source and SOURCE_DATE_EPOCH gave two files"
elif [ "$(id "$tmp/two.pdf")" = "$(id "$tmp/two-later.pdf")" ]; then
	fail pdfa_id "another date, the same /ID $(id "$tmp/two.pdf")"
else
	pass pdfa_id
fi
exit 0
