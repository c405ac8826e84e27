#!/bin/sh
# Fonts that must not be embedded (issue 20, item 6): each face is checked
# before use, and a bad one stops the run with exit 3 and "cannot use the
# font PATH: WHY" (Vietnamese: "không dùng được phông …: …").  The hostile
# faces are copies of fonts/LiberationSerif-Bold.ttf patched with
# python3's struct (no font library needed):
#   cff       an OpenType/CFF face ('OTTO', CFF outlines) under the .ttf name
#   upem0     head.unitsPerEm = 0
#   hmetrics  hhea.numberOfHMetrics = maxp.numGlyphs + 1
#   noglyf    the glyf table gone (its tag renamed)
#   nocmap    no Unicode character map (every cmap record made Macintosh)
#   badloca   a loca offset past the end of glyf
#   short     the file cut in half (tables past its end)
#   magic     head.magicNumber wrong
# and the shipped faces still load (a run that renders).
# Prints "PASS name" / "FAIL name: detail".
PREFIX=fonts
. "$(dirname "$0")/../lib/prologue.sh"

python3 - "$ROOT/fonts/LiberationSerif-Bold.ttf" "$tmp" <<'PY' || { fail make "python3 failed"; exit 0; }
import struct, sys
src, out = sys.argv[1], sys.argv[2]
base = open(src, "rb").read()

def tables(b):
    n = struct.unpack(">H", b[4:6])[0]
    t = {}
    for i in range(n):
        tag, _, off, ln = struct.unpack(">4sIII", b[12 + 16 * i:28 + 16 * i])
        t[tag] = (12 + 16 * i, off, ln)
    return t

T = tables(base)
def put(b, off, fmt, *v):
    b[off:off + struct.calcsize(fmt)] = struct.pack(fmt, *v)

def retag(b, old, new):
    put(b, T[old][0], ">4s", new)

num_glyphs = struct.unpack(">H", base[T[b"maxp"][1] + 4:T[b"maxp"][1] + 6])[0]
cases = {}
b = bytearray(base); put(b, 0, ">4s", b"OTTO"); retag(b, b"glyf", b"CFF "); cases["cff"] = b
b = bytearray(base); put(b, T[b"head"][1] + 18, ">H", 0); cases["upem0"] = b
b = bytearray(base); put(b, T[b"hhea"][1] + 34, ">H", num_glyphs + 1); cases["hmetrics"] = b
b = bytearray(base); retag(b, b"glyf", b"xxxx"); cases["noglyf"] = b
b = bytearray(base)
c = T[b"cmap"][1]
for i in range(struct.unpack(">H", base[c + 2:c + 4])[0]):
    put(b, c + 4 + 8 * i, ">HH", 1, 0)
cases["nocmap"] = b
b = bytearray(base)
h = T[b"head"][1]
long_loca = struct.unpack(">h", base[h + 50:h + 52])[0] == 1
l = T[b"loca"][1]
if long_loca:
    put(b, l + 4, ">I", T[b"glyf"][2] + 1000)
else:
    put(b, l + 2, ">H", (T[b"glyf"][2] + 1000) // 2 & 0xFFFF)
cases["badloca"] = b
cases["short"] = bytearray(base[:len(base) // 2])
b = bytearray(base); put(b, T[b"head"][1] + 12, ">I", 0x12345678); cases["magic"] = b
for name, data in cases.items():
    open("%s/%s.ttf" % (out, name), "wb").write(data)
PY

cp "$ROOT/input/quyet-dinh-kiem-tra.md" "$tmp/a.md"
# expect CASE WHY: vb-render with CASE as the bold face stops with exit 3
# and "cannot use the font …/LiberationSerif-Bold.ttf: WHY".
expect() {
	d=$tmp/f-$1
	mkdir -p "$d"
	for f in "$ROOT"/fonts/*.ttf; do ln -sf "$f" "$d/"; done
	rm -f "$d/LiberationSerif-Bold.ttf"
	cp "$tmp/$1.ttf" "$d/LiberationSerif-Bold.ttf"
	rm -f "$tmp/a.pdf"
	"$BIN/vb-render" --fonts "$d" -o "$tmp/a.pdf" "$tmp/a.md" 2>"$tmp/err"
	rc=$?
	if [ $rc = 3 ] && [ ! -e "$tmp/a.pdf" ] &&
	    grep -qF "error: cannot use the font $d/LiberationSerif-Bold.ttf: $2" "$tmp/err"; then
		pass "$1"
	else
		fail "$1" "exit $rc: $(head -2 "$tmp/err" | tr '\n' ' ')"
	fi
}
expect cff "CFF outlines (OpenType/CFF), not TrueType"
expect upem0 "unitsPerEm in head is not between 16 and 16384"
expect hmetrics "numberOfHMetrics in hhea is 0 or more than the glyphs of maxp"
expect noglyf "no TrueType outlines (glyf and loca tables)"
expect nocmap "no Unicode character map (cmap)"
expect badloca "a glyph's outline (loca) lies outside the glyf table"
expect short "a table lies past the end of the file"
expect magic "not a TrueType font (head table)"

# The message in Vietnamese.
LANG=vi_VN.UTF-8 "$BIN/vb-render" --fonts "$tmp/f-cff" -o "$tmp/a.pdf" "$tmp/a.md" 2>"$tmp/err"
grep -q "không dùng được phông .*LiberationSerif-Bold.ttf: " "$tmp/err" &&
    pass message_vi || fail message_vi "$(head -1 "$tmp/err")"

# The shipped faces pass the same check.
"$BIN/vb-render" -o "$tmp/a.pdf" "$tmp/a.md" 2>"$tmp/err" && [ -s "$tmp/a.pdf" ] &&
    pass shipped || fail shipped "$(head -1 "$tmp/err")"
exit 0
