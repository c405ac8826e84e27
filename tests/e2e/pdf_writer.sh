#!/bin/sh
# vanban's own PDF writer (gen/emit/pdf.c) read back by independent readers:
#  - a document using every Vietnamese letter, upper and lower case, in
#    the four faces, with the bytes a literal string must escape (every
#    face uses more than 100 characters, so CIDs 10, 13, 40, 41 and 92
#    are drawn) and characters outside the BMP's Latin blocks: pdftotext
#    gives back exactly the words drawn, in order and NFC; the regular
#    face also draws Latin-1, Latin Extended-A, Greek and Cyrillic
#    letters, more than 255 characters, so its codes take two bytes
#    while the other faces' take one (both encodings are read back);
#  - qpdf --check finds no damage (cross-reference offsets, stream
#    lengths), poppler and mupdf read it without a warning;
#  - pdffonts: four faces, each embedded, subset and with a ToUnicode map;
#  - the bookmarks nest as the headings (mutool show outline);
#  - the same source and SOURCE_DATE_EPOCH give the same bytes, and the
#    date is the epoch's;
#  - words spread over a justified line come out as separate words.
# Prints "PASS name" / "FAIL name: detail" / "SKIP name: why".
. "$(dirname "$0")/../lib/prologue.sh"

names="pdfw_text pdfw_qpdf pdfw_readers pdfw_fonts pdfw_outline pdfw_same pdfw_date"
for t in pdftotext pdffonts qpdf mutool python3; do
	if ! command -v $t >/dev/null 2>&1; then
		for n in $names; do fail "$n" "$t is not installed"; done
		exit 0
	fi
done

# The letters: a-z with every Vietnamese vowel in its six tones, đ, and
# some punctuation, parentheses and a backslash.
python3 - "$tmp/words.txt" <<'PY'
import sys, unicodedata
base = "aăâeêioôơuưy"
tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
words = []
for v in base:
    w = "".join(unicodedata.normalize("NFC", v + t) for t in tones)
    words += [w, w.upper()]
words += ["đĐ", "bcdfghjklmnpqrstvxz", "BCDFGHJKLMNPQRSTVXZ", "(ngoặc)",
          "a\\b", "0123456789", "–—“”‘’…", "№§°±×÷", "€₫"]
open(sys.argv[1], "w", encoding="utf-8").write(" ".join(words) + "\n")
letters = "".join(chr(c) for a, b in ((0xC0, 0x100), (0x100, 0x180), (0x391, 0x3CA),
                  (0x410, 0x450)) for c in range(a, b) if chr(c).isalpha())
more = [letters[i:i + 8] for i in range(0, len(letters), 8)]
open(sys.argv[1] + ".more", "w", encoding="utf-8").write(" ".join(more) + "\n")
PY
more=$(cat "$tmp/words.txt.more")
w=$(cat "$tmp/words.txt")
wmd=$(printf '%s' "$w" | sed 's/\\/\\\\/g; s/(/\\(/g; s/)/\\)/g')
cat >"$tmp/in.md" <<EOF
---
loai: QUYẾT ĐỊNH
co_quan: ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN
so: "12"
ky_hieu: QĐ-UBND
dia_danh: Điện Biên
ngay: 2020-02-03
trich_yeu: Về việc thử bộ chữ
ky:
  chuc_vu: CHỦ TỊCH
  ho_ten: Mùa A Sơn
noi_nhan:
  - Như Điều 3
luu: VT
---

# I. Chương một

## 1. Mục một

### a) Điểm một

$wmd

**$wmd**

*$wmd*

***$wmd***

$more

## 2. Mục hai

# II. Chương hai
EOF
export SOURCE_DATE_EPOCH=1580688000
if ! "$BIN/vb-render" -o "$tmp/a.pdf" "$tmp/in.md" 2>"$tmp/err"; then
	for n in $names; do fail "$n" "vb-render failed: $(head -3 "$tmp/err")"; done
	exit 0
fi
"$BIN/vb-render" -o "$tmp/b.pdf" "$tmp/in.md" 2>/dev/null

# Text: the four paragraphs give back the words, in order, four times.
pdftotext -raw "$tmp/a.pdf" "$tmp/a.txt" 2>"$tmp/poppler"
python3 - "$tmp/words.txt" "$tmp/a.txt" >"$tmp/r" 2>&1 <<'PY'
import sys, unicodedata
want = open(sys.argv[1], encoding="utf-8").read().split()
more = open(sys.argv[1] + ".more", encoding="utf-8").read().split()
got = open(sys.argv[2], encoding="utf-8").read()
if got != unicodedata.normalize("NFC", got):
    print("extracted text is not NFC"); sys.exit()
toks = got.split()
def count(w):
    return sum(1 for i in range(len(toks)) if toks[i:i + len(w)] == w)
n, m = count(want), count(more)
print("ok" if (n, m) == (4, 1) else "the words were found %d times (want 4), the other "
      "letters %d (want 1): %s" % (n, m, " ".join(toks[:60])))
PY
r=$(cat "$tmp/r")
[ "$r" = ok ] && pass pdfw_text || fail pdfw_text "$r"

out=$(qpdf --check "$tmp/a.pdf" 2>&1)
if [ $? -eq 0 ] && ! printf '%s' "$out" | grep -qi "warning\|error:"; then
	pass pdfw_qpdf
else
	fail pdfw_qpdf "$(printf '%s' "$out" | head -3)"
fi

pdftoppm -r 20 -gray "$tmp/a.pdf" "$tmp/pg" 2>>"$tmp/poppler"
pdfinfo "$tmp/a.pdf" >"$tmp/info" 2>>"$tmp/poppler"
mutool draw -q -o "$tmp/m%d.pgm" -r 20 "$tmp/a.pdf" 2>"$tmp/mupdf"
grep -v "ICC support is not available" "$tmp/mupdf" >"$tmp/mupdf2"
if [ -s "$tmp/poppler" ] || [ -s "$tmp/mupdf2" ]; then
	fail pdfw_readers "$(cat "$tmp/poppler" "$tmp/mupdf2" | head -3)"
else
	pass pdfw_readers
fi

pdffonts "$tmp/a.pdf" >"$tmp/fonts" 2>/dev/null
r=$(awk 'NR > 2 { n++; if (($4 == "Identity-H") == ($1 ~ /LiberationSerif$/) &&
    $(NF-4) == "yes" && $(NF-3) == "yes" &&
    $(NF-2) == "yes" && $1 ~ /^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+LiberationSerif/) ok++ }
    END { print n + 0, ok + 0 }' "$tmp/fonts")
[ "$r" = "4 4" ] && pass pdfw_fonts || fail pdfw_fonts "fonts, good: $r; $(cat "$tmp/fonts")"

mutool show "$tmp/a.pdf" outline >"$tmp/outline" 2>/dev/null
python3 - "$tmp/outline" >"$tmp/r" <<'PY'
import sys, re
rows = []
for ln in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'^[-+|]?(\t*)"(.*)"', ln.rstrip("\n"))
    if m:
        rows.append((len(m.group(1)), m.group(2)))
titles = [t for _, t in rows]
want = ["I. CHƯƠNG MỘT", "1. Mục một", "a) Điểm một", "2. Mục hai", "II. CHƯƠNG HAI"]
depth = [d for d, _ in rows]
ok = len(rows) == 5 and depth[0] == depth[4] and depth[1] == depth[3] > depth[0] and depth[2] > depth[1]
upper = [t.upper() for t in titles] == [t.upper() for t in want]
print("ok" if ok and upper else "outline: %r" % rows)
PY
r=$(cat "$tmp/r")
[ "$r" = ok ] && pass pdfw_outline || fail pdfw_outline "$r"

cmp -s "$tmp/a.pdf" "$tmp/b.pdf" && pass pdfw_same || fail pdfw_same "two renders differ"
d=$(sed -n 's/^CreationDate: *//p' "$tmp/info")
case $d in
*2020*) pass pdfw_date ;;
*) fail pdfw_date "CreationDate '$d'" ;;
esac
exit 0
