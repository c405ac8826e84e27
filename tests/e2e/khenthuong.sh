#!/bin/sh
# End to end: a nominee list of 2 000 rows with Vietnamese headings, saved
# as Excel's "Unicode text" (UTF-16LE with BOM, tab-separated), becomes its
# decisions (Markdown and PDF, annexes over many pages); a bad row in the
# same kind of file is reported at its line and nothing is written.
# Prints PASS/FAIL lines (tests/run.sh counts them).
PREFIX=khenthuong-e2e
SEP=' '
. "$(dirname "$0")/../lib/prologue.sh"

# The list: 2 000 nominees over four forms, realistic names and units.
python3 - "$tmp" <<'EOF' || { fail generate "python3 failed"; exit 0; }
import sys, random
random.seed(5)
ho = ["Lò", "Quàng", "Lường", "Cà", "Tòng", "Vì", "Giàng", "Sùng", "Mùa",
      "Vàng", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đỗ", "Bùi", "Điêu"]
dem = ["Văn", "Thị", "A", "Thị Thu", "Đức", "Minh", "Thị Ngọc"]
ten = ["Thành", "Hương", "Pọm", "Chung", "Xuân", "Sơn", "Dơ", "Chứ", "Sua",
       "Lử", "Hà", "Hùng", "Lan", "Anh", "Đức", "Tuấn", "Ánh", "Ân", "Ơn"]
dv = ["Sở Nội vụ", "Sở Y tế", "Sở Tài chính", "Sở Giáo dục và Đào tạo",
      "UBND huyện Mường Nhé", "UBND huyện Tuần Giáo", "UBND huyện Nậm Pồ",
      "Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh"]
cv = ["Chuyên viên", "Giáo viên", "Bác sĩ", "Trưởng phòng", "Phó Trưởng phòng"]
rows = ["Đối tượng\tHọ và tên\tChức vụ\tĐơn vị\tHình thức khen thưởng\tThành tích"]
bad = list(rows)
seen = set()
def fold(s):
    import unicodedata
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    return "".join(c for c in s if c.isalnum() and ord(c) < 128)
for i in range(2000):
    if i % 10 == 0:
        k, form = "Tập thể", random.choice(["Bằng khen", "Tập thể lao động xuất sắc"])
        name, pos = "Phòng số %d" % (i + 1), ""
    else:
        k, form = "Cá nhân", random.choice(["Bằng khen của Chủ tịch UBND tỉnh", "CSTĐ cấp tỉnh", "Bằng khen"])
        name = "%s %s %s" % (random.choice(ho), random.choice(dem), random.choice(ten))
        pos = random.choice(cv)
    unit = random.choice(dv)
    # One person once per form: a repeat is an error (the same person
    # paid twice), so a drawn repeat becomes a namesake in another unit.
    key = lambda: (k, fold(name), fold(unit), form.startswith("Bằng khen"))
    while key() in seen:
        unit = random.choice(dv) + " %d" % i
    seen.add(key())
    rows.append("\t".join([k, name, pos, unit, form, "Hoàn thành xuất sắc nhiệm vụ năm 2020, dòng %d" % (i + 2)]))
for i in range(2000):
    bad.append(rows[i + 1])
# One bad row (line 1501): a collective given an individual's title.
bad[1500] = "\t".join(["Tập thể", "Phòng Kế hoạch", "", "Sở Y tế", "Chiến sĩ thi đua cấp tỉnh", ""])
for name, r in (("list.txt", rows), ("bad.txt", bad)):
    with open(sys.argv[1] + "/" + name, "wb") as f:
        f.write(b"\xff\xfe" + ("\r\n".join(r) + "\r\n").encode("utf-16-le"))
EOF

# Markdown only: quick, every decision there, counts and totals right.
start=$(date +%s%N)
if "$BIN/vb-khenthuong" --config "$ROOT/input/khen-thuong/dien-bien-2020.yaml" --ngay 2020-12-28 -d "$tmp/md" "$tmp/list.txt" 2>"$tmp/err"; then
	pass utf16-list-accepted
else
	fail utf16-list-accepted "exit $?: $(head -3 "$tmp/err")"
fi
end=$(date +%s%N)
echo "# markdown for 2000 rows: $(( (end - start) / 1000000 )) ms"
n=$(ls "$tmp/md"/*.md 2>/dev/null | wc -l)
[ "$n" = 3 ] && pass three-decisions || fail three-decisions "$n files"
python3 - "$tmp" <<'EOF' >"$tmp/check" 2>&1
import sys, re, glob
t = sys.argv[1]
rows = open(t + "/list.txt", "rb").read().decode("utf-16").splitlines()[1:]
want = {}
for r in rows:
    f = r.split("\t")
    code = {"Bằng khen": "bang-khen", "Bằng khen của Chủ tịch UBND tỉnh": "bang-khen",
            "CSTĐ cấp tỉnh": "cstd-tinh", "Tập thể lao động xuất sắc": "tt-ldxs"}[f[4]]
    want.setdefault(code, [0, 0])[f[0] == "Cá nhân"] += 1
amount = {("bang-khen", 0): 2980000, ("bang-khen", 1): 1490000,
          ("cstd-tinh", 1): 4470000, ("tt-ldxs", 0): 2240000}
ok = True
for code, (tt, cn) in want.items():
    md = open("%s/md/%s.md" % (t, code)).read()
    total = tt * amount.get((code, 0), 0) + cn * amount.get((code, 1), 0)
    fig = "{:,}".format(total).replace(",", ".")
    parts = []
    if tt: parts.append("%02d tập thể" % tt)
    if cn: parts.append("%02d cá nhân" % cn)
    if " cho " + " và ".join(parts) + " (có danh sách" not in md:
        print("counts of", code, "wrong"); ok = False
    if "Tổng số tiền thưởng: %s đồng" % fig not in md:
        print("total of", code, "is not", fig); ok = False
    # every annex row numbered and in input order
    n = len(re.findall(r"^\d+,", md, re.M))
    if n != tt + cn:
        print("annex of", code, "has", n, "rows, want", tt + cn); ok = False
print("OK" if ok else "BAD")
EOF
grep -q '^OK' "$tmp/check" && pass counts-totals-annex ||
	fail counts-totals-annex "$(head -3 "$tmp/check")"

# A bad row: reported at its line, nothing written.
"$BIN/vb-khenthuong" --config "$ROOT/input/khen-thuong/dien-bien-2020.yaml" --ngay 2020-12-28 -d "$tmp/bad" "$tmp/bad.txt" 2>"$tmp/err"
rc=$?
[ $rc = 1 ] && pass bad-row-exit-1 || fail bad-row-exit-1 "exit $rc"
grep -q 'bad.txt:1501:5: error: "Chiến sĩ thi đua cấp tỉnh" is awarded to individuals' "$tmp/err" &&
	pass bad-row-line || fail bad-row-line "$(head -2 "$tmp/err")"
[ ! -e "$tmp/bad" ] && pass bad-nothing-written || fail bad-nothing-written "output exists"

# PDF in the same process: long annexes, conformant pages.
start=$(date +%s%N)
if "$BIN/vb-khenthuong" --config "$ROOT/input/khen-thuong/dien-bien-2020.yaml" \
    --ngay 2020-12-28 --pdf -d "$tmp/pdf" "$tmp/list.txt" 2>"$tmp/err"; then
	pass pdf-rendered
else
	fail pdf-rendered "exit $?: $(head -3 "$tmp/err")"
	exit 0
fi
end=$(date +%s%N)
echo "# markdown + pdf for 2000 rows: $(( (end - start) / 1000000 )) ms"
pages=$(pdfinfo "$tmp/pdf/bang-khen.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -gt 50 ] && pass long-annex-pages || fail long-annex-pages "${pages:-?} pages"
echo "# bang-khen.pdf: $pages pages, $(wc -c <"$tmp/pdf/bang-khen.pdf") bytes"
if [ -x "$SHARED/tools/nd30-check" ]; then
	for f in "$tmp/pdf"/*.pdf; do
		if "$SHARED/tools/nd30-check" --type quyet-dinh "$f" >"$tmp/nd30" 2>&1; then
			pass "nd30-$(basename "$f" .pdf)"
		else
			fail "nd30-$(basename "$f" .pdf)" "$(grep FAIL "$tmp/nd30" | head -2)"
		fi
	done
else
	echo "SKIP nd30-decisions: $SHARED/tools/nd30-check not found (the format checker is optional)"
fi
exit 0
