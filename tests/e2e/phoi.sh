#!/bin/sh
# Certificates (vb-khenthuong --phoi), read back from the PDFs by
# poppler: the sample decisions of Điện Biên 2020 give one page per
# Bằng khen awardee, in the list's order, each name on its page as text;
# every word pdftotext finds lies inside a box of the layout; the
# calibration page's outlined boxes are the layout's numbers (in mm from
# the sheet's top-left, moved by phoi_lech_x / phoi_lech_y); the preview
# holds the scanned blank and the print PDF does not; an 80-character
# position and unit fit the shipped layouts' boxes in at most two lines.
# Prints PASS/FAIL/SKIP lines (tests/run.sh counts them).
PREFIX=phoi
SEP=' '
. "$(dirname "$0")/../lib/prologue.sh"

for t in pdftotext pdfinfo qpdf python3; do
	if ! command -v $t >/dev/null 2>&1; then
		echo "SKIP phoi: $t is not installed"
		exit 0
	fi
done
lay="$ROOT/templates/khen-thuong/phoi/bang-khen.yaml"
list="$ROOT/input/2020/de-nghi-khen-thuong.csv"
cfg="$ROOT/input/khen-thuong/dien-bien-2020.yaml"
K="$BIN/vb-khenthuong --data $ROOT/templates --ngay 2020-12-28 --so bang-khen=2015"

# A blank with an alpha channel: red border, transparent inside.
python3 - "$tmp/blank.png" <<'EOF'
import sys, zlib, struct
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + \
        struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
w, h = 210, 148
raw = b""
for y in range(h):
    raw += b"\0" + b"".join(bytes([180, 30, 30, 255]) if x < 12 or y < 12 or
        x >= w - 12 or y >= h - 12 else bytes(4) for x in range(w))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" +
    chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)) +
    chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
EOF

if $K --config "$cfg" --so-vang bang-khen=1250 --phoi --phoi-can \
    --phoi-nen="$tmp/blank.png" -d "$tmp/out" "$list" 2>"$tmp/err"; then
	pass run
else
	fail run "exit $?: $(head -3 "$tmp/err")"
	exit 0
fi

# One page per Bằng khen awardee, names in list order, each on its page.
python3 - "$list" "$tmp/out/phoi-bang-khen.pdf" <<'EOF'
import csv, subprocess, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))
        if r["Hình thức khen thưởng"].startswith("Bằng khen")]
pages = int([l.split()[-1] for l in subprocess.run(["pdfinfo", sys.argv[2]],
    capture_output=True, text=True).stdout.splitlines()
    if l.startswith("Pages:")][0])
if pages != len(rows):
    print("FAIL phoi pages: %d pages for %d awardees" % (pages, len(rows)))
else:
    print("PASS phoi pages")
bad = []
for i, r in enumerate(rows):
    t = subprocess.run(["pdftotext", "-f", str(i + 1), "-l", str(i + 1),
        sys.argv[2], "-"], capture_output=True, text=True).stdout
    if r["Họ và tên / Tên tập thể"] not in " ".join(t.split()):
        bad.append("%d %s" % (i + 1, r["Họ và tên / Tên tập thể"]))
print("FAIL phoi names: not on their page: " + "; ".join(bad[:3]) if bad
      else "PASS phoi names")
EOF

# The boxes of a layout file (the shipped format: "- noi_dung:" starts a
# box, "key: value" lines), in pt; then every word of the print PDF
# inside one of them, and the calibration page's rectangles equal to
# them (moved by the offsets).
cat >"$tmp/check.py" <<'EOF'
import re, subprocess, sys, zlib
PT = 72 / 25.4
def boxes(path):
    out, cur = [], None
    for line in open(path, encoding="utf-8"):
        line = line.split("#")[0].rstrip()
        m = re.match(r"\s*(-\s+)?(\w+):\s*(.*)$", line)
        if not m:
            continue
        if m.group(1):
            cur = {}
            out.append(cur)
        if cur is not None:
            cur[m.group(2)] = m.group(3).strip('"')
    return [(float(b["x"]) * PT, float(b["y"]) * PT, float(b["rong"]) * PT,
             float(b["cao"]) * PT, b["noi_dung"]) for b in out]
def words(pdf):
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"],
                          capture_output=True, text=True).stdout
    page = 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                      r'yMax="([\d.]+)">([^<]*)<', line)
        if m:
            yield page, [float(v) for v in m.groups()[:4]], m.group(5)
def rects(pdf, h):
    raw = open(pdf, "rb").read()
    found = []
    for m in re.finditer(rb"stream\r?\n", raw):
        end = raw.find(b"endstream", m.end())
        try:
            s = zlib.decompress(raw[m.end():end]).decode("latin-1")
        except Exception:
            continue
        for r in re.finditer(r"([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) re S", s):
            x, y, w, hh = map(float, r.groups())
            found.append((x, h - y - hh, w, hh))
    return found
mode, lay, pdf = sys.argv[1:4]
bx = boxes(lay)
if mode == "inside":
    tol, bad, n = 0.6, [], 0
    for page, (x0, y0, x1, y1), t in words(pdf):
        n += 1
        if not any(x0 >= x - tol and x1 <= x + w + tol and y0 >= y - tol and
                   y1 <= y + h + tol for x, y, w, h, f in bx):
            bad.append("p%d %r at %.1f,%.1f-%.1f,%.1f" % (page, t, x0, y0, x1, y1))
    print("FAIL phoi inside: %d of %d words outside every box: %s" %
          (len(bad), n, "; ".join(bad[:3])) if bad or n == 0 else
          "PASS phoi inside (%d words)" % n)
else:
    dx, dy, hpt = float(sys.argv[4]) * PT, float(sys.argv[5]) * PT, float(sys.argv[6])
    got = rects(pdf, hpt)
    miss = [f for x, y, w, h, f in bx if not any(abs(a - x - dx) < 0.01 and
            abs(b - y - dy) < 0.01 and abs(c - w) < 0.01 and abs(d - h) < 0.01
            for a, b, c, d in got)]
    print("FAIL phoi calibration %s: boxes not outlined where the layout "
          "says: %s (%d rectangles)" % (mode, ", ".join(miss), len(got))
          if miss or len(got) != len(bx) else "PASS phoi calibration " + mode)
EOF
python3 "$tmp/check.py" inside "$lay" "$tmp/out/phoi-bang-khen.pdf"
python3 "$tmp/check.py" plain "$lay" "$tmp/out/phoi-bang-khen-can-le.pdf" 0 0 841.89

# Offsets from the config move the calibration page and the text.
{ cat "$cfg"; printf 'phoi_lech_x: 2,5\nphoi_lech_y: -1.5\n'; } >"$tmp/lech.yaml"
if $K --config "$tmp/lech.yaml" --phoi-can --phoi -d "$tmp/lech" "$list" \
    2>"$tmp/err"; then
	python3 "$tmp/check.py" offset "$lay" \
	    "$tmp/lech/phoi-bang-khen-can-le.pdf" 2.5 -1.5 841.89
	a=$(pdftotext -bbox -f 1 -l 1 "$tmp/out/phoi-bang-khen.pdf" - | grep -m1 'word ')
	b=$(pdftotext -bbox -f 1 -l 1 "$tmp/lech/phoi-bang-khen.pdf" - | grep -m1 'word ')
	python3 -c '
import re, sys
a, b = [[float(v) for v in re.findall(r"[xy]M..=\"([\d.]+)\"", s)[:2]] for s in sys.argv[1:]]
d = (b[0] - a[0], b[1] - a[1])
ok = abs(d[0] - 2.5 * 72 / 25.4) < 0.05 and abs(d[1] + 1.5 * 72 / 25.4) < 0.05
print(("PASS phoi offset-text" if ok else "FAIL phoi offset-text: moved by %.2f, %.2f pt" % d))
' "$a" "$b"
else
	fail offset "exit $?: $(head -3 "$tmp/err")"
fi

# The preview holds the blank (one image for all pages); the print PDF
# holds none; both keep the names as text.
n=$(qpdf --show-npages "$tmp/out/phoi-bang-khen-xem-truoc.pdf" 2>/dev/null)
img=$(qpdf --qdf --object-streams=disable "$tmp/out/phoi-bang-khen-xem-truoc.pdf" - 2>/dev/null |
    grep -ac '/Subtype /Image')
none=$(qpdf --qdf --object-streams=disable "$tmp/out/phoi-bang-khen.pdf" - 2>/dev/null |
    grep -ac '/Subtype /Image')
if [ "$img" = 1 ] && [ "$none" = 0 ] && [ "${n:-0}" -gt 1 ] &&
    pdftotext -f 2 -l 2 "$tmp/out/phoi-bang-khen-xem-truoc.pdf" - | grep -q 'Nguyễn Thành Công'; then
	pass preview
else
	fail preview "images: preview $img (want 1 for $n pages), print $none (want 0)"
fi
if qpdf --check "$tmp/out/phoi-bang-khen-xem-truoc.pdf" >/dev/null 2>&1 &&
    qpdf --check "$tmp/out/phoi-bang-khen.pdf" >/dev/null 2>&1; then
	pass qpdf
else
	fail qpdf "$(qpdf --check "$tmp/out/phoi-bang-khen-xem-truoc.pdf" 2>&1 | head -2)"
fi

# PNG kinds libpng decodes for the preview: grey (kept grey), palette,
# 16-bit RGB (both to 8-bit RGB), grey with alpha; the image is the
# whole sheet under the text.
python3 - "$tmp" <<'EOF'
import sys, zlib, struct
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + \
        struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
def png(name, w, h, depth, ctype, pixel, extra=b""):
    raw = b"".join(b"\0" + b"".join(pixel(x, y) for x in range(w))
                   for y in range(h))
    open(sys.argv[1] + "/" + name, "wb").write(b"\x89PNG\r\n\x1a\n" +
        chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, ctype, 0, 0, 0)) +
        extra + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
png("grey.png", 30, 20, 8, 0, lambda x, y: bytes([x * 8]))
png("palette.png", 30, 20, 8, 3, lambda x, y: bytes([(x + y) % 2]),
    chunk(b"PLTE", bytes([255, 255, 255, 200, 0, 0])))
png("rgb16.png", 30, 20, 16, 2, lambda x, y: bytes([x, 0, 0, y, 0, 0]))
png("greya.png", 30, 20, 8, 4, lambda x, y: bytes([0, x * 8]))
EOF
for k in grey:c1 palette:c3 rgb16:c3 greya:c1; do
	f=${k%%:*}
	got=$($K --config "$cfg" --so-vang bang-khen=1 --phoi-nen="$tmp/$f.png" \
	    --dump-layout -d "$tmp/kinds" "$list" 2>"$tmp/err" |
	    grep -m1 '^image ')
	case $got in
	"image 0.00 0.00 1190.55x841.89 30x20 ${k#*:}") pass "png-$f" ;;
	*) fail "png-$f" "got \"$got\": $(head -2 "$tmp/err")" ;;
	esac
done

# 80 characters of position and of unit, each a realistic title, fit
# both shipped layouts (Bằng khen A3, Giấy khen A4) in at most two lines
# at no less than the minimum size.
cv="Phó Trưởng phòng Quản lý Quy hoạch, Kiến trúc và Phát triển đô thị và nông thôn."
dv="Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh Điện Biên số 02"
# (The Giấy khen is a department's: its row runs with a sở's config.)
printf 'Đối tượng,Họ và tên,Chức vụ,Đơn vị,Hình thức khen thưởng\ncá nhân,Lò Văn Thành,%s,%s,Bằng khen\n' \
    "\"$cv\"" "\"$dv\"" >"$tmp/long.csv"
printf 'Đối tượng,Họ và tên,Chức vụ,Đơn vị,Hình thức khen thưởng\ncá nhân,Lò Thị Mai,%s,%s,Giấy khen\n' \
    "\"$cv\"" "\"$dv\"" >"$tmp/long-gk.csv"
if [ "$(printf '%s' "$cv" | wc -m)" -ne 80 ] || [ "$(printf '%s' "$dv" | wc -m)" -ne 80 ]; then
	fail eighty "the test's texts are not 80 characters"
elif $K --config "$cfg" --phoi --dump-layout -d "$tmp/long" \
    "$tmp/long.csv" >"$tmp/long.dump" 2>"$tmp/err" &&
    "$BIN/vb-khenthuong" --data "$ROOT/templates" --ngay 2020-12-28 --so giay-khen=3 \
    --config "$ROOT/tests/golden/phoi-fit/so.yaml" --phoi \
    --dump-layout -d "$tmp/long-gk" "$tmp/long-gk.csv" >>"$tmp/long.dump" 2>"$tmp/err"; then
	python3 - "$tmp/long.dump" "$cv" "$dv" <<'EOF'
import re, sys
pages, cur = [], None
for l in open(sys.argv[1], encoding="utf-8"):
    if l.startswith("page "):
        cur = []
        pages.append(cur)
    m = re.match(r'text [\d.]+ [\d.]+ \w+ ([\d.]+) "(.*)"$', l.rstrip("\n"))
    if m and cur is not None:
        cur.append(m.group(2))
bad = []
for i, p in enumerate(pages):
    for t in sys.argv[2:]:
        n = sum(1 for x in p if x in t)
        got = " ".join(x for x in p if x in t)
        if n == 0 or n > 2 or got != t:
            bad.append("page %d: %d lines for %r" % (i + 1, n, t[:20]))
print("FAIL phoi eighty: %s" % "; ".join(bad) if bad or len(pages) != 2
      else "PASS phoi eighty")
EOF
else
	fail eighty "exit $?: $(head -3 "$tmp/err")"
fi
exit 0
