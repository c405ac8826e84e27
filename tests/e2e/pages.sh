#!/bin/sh
# Page decisions a typesetter checks (issue 25), on the samples' display
# lists (vb-render --dump-layout: baselines in pt from the page's top):
#  - pages_signature_room: between the signer's title (its last line's
#    descenders) and the name (its capitals) at least 30 mm stay clear
#    for the hand signature and the seal;
#  - pages_date_whole: a date written out, "ngày 16 tháng 11 năm 2013",
#    is never broken across lines (30 paragraphs putting it at every
#    place of a line);
#  - pages_cell_gaps: a justified cell of a narrow column (20 % of the
#    text width) has no word gap over 0.5 em (set ragged-right when
#    justifying would need more; it had 3.7 em), measured on the PDF with
#    pdftotext -bbox;
#  - pages_number_heading: a wide column of amounts keeps them
#    right-aligned among themselves, their block centred under its
#    centred heading (within 1 pt; they stood at the cell's right edge).
# Prints "PASS name" / "FAIL name: detail".
. "$(dirname "$0")/../lib/prologue.sh"
command -v python3 >/dev/null 2>&1 || {
	echo "FAIL pages_signature_room: python3 is not installed"; exit 0; }

# A document at $1: the sample decision's front matter, then the body
# read from standard input.
with_front() {
	{ sed -n '1,/^---$/p' "$ROOT/input/quyet-dinh-kiem-tra.md"; cat; } >"$1"
}

bad=
for md in "$ROOT"/input/*.md "$ROOT"/input/2020/ke-hoach.md; do
	name=$(sed -n 's/^ *ho_ten: *//p' "$md" | head -1)
	"$BIN/vb-render" --dump-layout "$md" >"$tmp/dl" 2>"$tmp/err" || {
		bad="$bad ${md#$ROOT/}: vb-render failed;"; continue; }
	r=$(python3 - "$tmp/dl" "$name" <<'PY'
import re, sys
name = sys.argv[2]
items, page = [], 0
for ln in open(sys.argv[1], encoding="utf-8"):
    if ln.startswith("page"):
        page += 1
    m = re.match(r'text (\S+) (\S+) (\w+) (\S+) "(.*)"$', ln.rstrip("\n"))
    if m:
        items.append((page, float(m.group(1)), float(m.group(2)), m.group(3),
                      float(m.group(4)), m.group(5)))
hit = [it for it in items if it[5] == name]
if not hit:
    print("the signer's name %r not found" % name); sys.exit()
pg, x, y, face, size, _ = hit[-1]
above = [it for it in items if it[0] == pg and it[2] < y - 1 and it[3] == "B"
         and it[1] > 250]
if not above:
    print("no title above the name"); sys.exit()
t = max(above, key=lambda it: it[2])
clear = (y - 0.655 * size) - (t[2] + 0.216 * t[4])
mm = clear * 25.4 / 72
print("ok" if mm >= 30 else "%.1f mm clear between %r and the name" % (mm, t[5]))
PY
)
	[ "$r" = ok ] || bad="$bad ${md#$ROOT/}: $r;"
done
[ -z "$bad" ] && echo "PASS pages_signature_room" ||
	echo "FAIL pages_signature_room:$bad"

{
	echo
	for k in $(seq 1 30); do
		printf 'Căn cứ'
		for i in $(seq 1 "$k"); do printf ' Luật Thi đua'; done
		echo ' ngày 16 tháng 11 năm 2013 của Quốc hội khóa mười ba về thi đua.'
		echo
	done
} | with_front "$tmp/date.md"
if ! "$BIN/vb-render" --dump-layout "$tmp/date.md" >"$tmp/dl" 2>"$tmp/err"; then
	echo "FAIL pages_date_whole: vb-render: $(head -2 "$tmp/err")"
else
	r=$(python3 - "$tmp/dl" <<'PY'
import re, sys
lines, page = {}, 0
for ln in open(sys.argv[1], encoding="utf-8"):
    if ln.startswith("page"):
        page += 1
    m = re.match(r'text (\S+) (\S+) \w+ (\S+) "(.*)"$', ln.rstrip("\n"))
    if m:
        lines.setdefault((page, float(m.group(2))), []).append((float(m.group(1)), m.group(4)))
text = [" ".join(t for _, t in sorted(v)) for _, v in sorted(lines.items())]
n = sum(t.count("ngày 16 tháng 11 năm 2013") for t in text)
broken = [a + " / " + b for a, b in zip(text, text[1:])
          if "ngày 16 tháng 11 năm 2013" in re.sub(r"\s+", " ", a + " " + b) and
          "ngày 16 tháng 11 năm 2013" not in a and "ngày 16 tháng 11 năm 2013" not in b]
print("ok" if n == 30 else "%d of 30 dates whole; broken: %s" % (n, "; ".join(
    "…" + x[-60:] if len(x) < 200 else x for x in broken[:2])))
PY
)
	[ "$r" = ok ] && echo "PASS pages_date_whole" ||
		echo "FAIL pages_date_whole: $r"
fi

t="Chỉ đạo các Khối thi đua tổng kết công tác thi đua, khen thưởng năm 2019, ký kết giao ước thi đua năm 2020; xét, khen thưởng cụm khối và lĩnh vực KT-XH năm 2019 của các cơ quan, đơn vị."
{
	printf '\nĐoạn văn.\n\n```csv widths=8,20,72 align=l,j,j\n'
	printf 'STT,Hẹp,Rộng\n1,"%s","%s"\n```\n' "$t" "$t"
} | with_front "$tmp/cell.md"
if ! command -v pdftotext >/dev/null 2>&1; then
	echo "FAIL pages_cell_gaps: pdftotext is not installed (poppler-utils)"
elif ! "$BIN/vb-render" -o "$tmp/cell.pdf" "$tmp/cell.md" 2>"$tmp/err"; then
	echo "FAIL pages_cell_gaps: vb-render: $(head -2 "$tmp/err")"
else
	pdftotext -bbox "$tmp/cell.pdf" "$tmp/cell.html"
	# The narrow column: x from 85.04 + 8 % to + 28 % of 467.7 pt.
	r=$(python3 - "$tmp/cell.html" <<'PY'
import html, re, sys
ws = [(float(a), float(b), float(c), html.unescape(t), float(d) - float(b))
      for a, b, c, d, t in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" '
                                      r'xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                                      open(sys.argv[1], encoding="utf-8").read())]
rows = {}
for w in ws:   # the cell's 13 pt words (box 1.107 em high), not the Nơi nhận's 11 pt
    if 122 <= w[0] < 214 and w[1] > 230 and abs(w[4] - 13 * 1.107) < 0.5:
        rows.setdefault(round(w[1], 1), []).append(w)
gaps = [((q[0] - p[2]) / 13.0, p[3] + " " + q[3])
        for v in rows.values() for p, q in zip(sorted(v), sorted(v)[1:])]
if len(rows) < 5:
    print("the narrow cell was not found (%d lines)" % len(rows))
else:
    g = max(gaps)
    print("ok" if g[0] <= 0.5 else "a gap of %.2f em (%s)" % g)
PY
)
	[ "$r" = ok ] && echo "PASS pages_cell_gaps" ||
		echo "FAIL pages_cell_gaps: $r"
fi

{
	printf '\nĐoạn văn.\n\n```csv widths=8,52,40\n'
	printf 'STT,Nội dung,Kinh phí\n1,Khen thưởng tập thể,1.250.000\n'
	printf '2,Khen thưởng cá nhân,35.000\n3,Tổ chức hội nghị,980.500.000\n```\n'
} | with_front "$tmp/num.md"
if ! command -v pdftotext >/dev/null 2>&1; then
	echo "FAIL pages_number_heading: pdftotext is not installed (poppler-utils)"
elif ! "$BIN/vb-render" -o "$tmp/num.pdf" "$tmp/num.md" 2>"$tmp/err"; then
	echo "FAIL pages_number_heading: vb-render: $(head -2 "$tmp/err")"
else
	pdftotext -bbox "$tmp/num.pdf" "$tmp/num.html"
	r=$(python3 - "$tmp/num.html" <<'PY'
import html, re, sys
ws = {html.unescape(t): (float(a), float(c)) for a, c, t in re.findall(
    r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>',
    open(sys.argv[1], encoding="utf-8").read())}
try:
    head, num = ws["Kinh"][0], ws["phí"][1]
    h = (head + num) / 2
    right = {ws[n][1] for n in ("1.250.000", "35.000", "980.500.000")}
    n = (ws["980.500.000"][0] + ws["980.500.000"][1]) / 2
except KeyError as e:
    print("not found: %s" % e); sys.exit()
if max(right) - min(right) > 0.5:
    print("the amounts are not right-aligned: right edges %s" % sorted(right))
else:
    print("ok" if abs(n - h) <= 1 else "the widest amount's centre %.1f pt from "
          "the heading's" % (n - h))
PY
)
	[ "$r" = ok ] && echo "PASS pages_number_heading" ||
		echo "FAIL pages_number_heading: $r"
fi

# pages_no_hole: no page before a section's last more than 40 % empty
# (tests/e2e/page_fill.py on the display list), on the samples and on
# documents where a tall chart follows 2 to 12 paragraphs and more text
# follows it: the chart once moved whole to the next page and left the
# rest of its page empty.
p="Các cơ quan, đơn vị, địa phương tiếp tục đẩy mạnh phong trào thi đua yêu nước, gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, hoàn thành các chỉ tiêu, nhiệm vụ được giao."
bad=
for k in 2 3 4 5 6 7 8 9 10 11 12; do
	{
		for i in $(seq 1 "$k"); do printf '\n%s\n' "$p"; done
		printf '\n```chart type=bar title="Tỷ lệ hoàn thành" unit="%%" max=100\nĐơn vị,Tỷ lệ\n'
		for i in $(seq 1 14); do echo "UBND huyện số $i,$((i * 7))"; done
		printf '```\n'
		for i in $(seq 1 10); do printf '\n%s\n' "$p"; done
	} | with_front "$tmp/hole$k.md"
done
for md in "$ROOT"/input/*.md "$ROOT"/input/2020/ke-hoach.md "$tmp"/hole*.md; do
	if ! "$BIN/vb-render" --dump-layout "$md" >"$tmp/dl" 2>"$tmp/err"; then
		bad="$bad ${md##*/}: vb-render: $(head -1 "$tmp/err");"
		continue
	fi
	r=$(python3 "$here/page_fill.py" "$tmp/dl" |
		awk '!/last/ && $4 > 40 { printf " page %d %.0f %% empty", $2, $4 }')
	[ -z "$r" ] || bad="$bad ${md##*/}:$r;"
done
[ -z "$bad" ] && echo "PASS pages_no_hole" || echo "FAIL pages_no_hole:$bad"

# pages_chart_shrink: a chart a little too tall for the rest of its page
# shrinks its plot to stay there, after the text that leads to it (it was
# moved whole to the next page): with 4 paragraphs before it, the chart of
# pages_no_hole starts on page 1, its labels still 13 pt, its values no
# smaller than 10 pt, and the text after it keeps its order.
if ! "$BIN/vb-render" --dump-layout "$tmp/hole4.md" >"$tmp/dl" 2>"$tmp/err"; then
	echo "FAIL pages_chart_shrink: vb-render: $(head -1 "$tmp/err")"
else
	r=$(python3 - "$tmp/dl" <<'PY'
import re, sys
page, items = 0, []
for ln in open(sys.argv[1], encoding="utf-8"):
    if ln.startswith("page "):
        page += 1
    m = re.match(r'text \S+ (\S+) \S+ (\S+) "(.*)"$', ln.rstrip("\n"))
    if m:
        items.append((page, float(m.group(1)), float(m.group(2)), m.group(3)))
t = [i for i, it in enumerate(items) if it[3] == "Tỷ lệ hoàn thành"]
lab = [it for it in items if it[3].startswith("UBND huyện số")]
val = [it for it in items if re.fullmatch(r"[\d,]+ %", it[3]) and it[2] < 13]
if not t or len(lab) != 14:
    print("the chart was not found")
elif items[t[0]][0] != 1:
    print("the chart starts on page %d, not after its text on page 1"
          % items[t[0]][0])
elif items[t[0] - 1][0] != 1 or not items[t[0] - 1][3].endswith("giao."):
    print("the chart does not follow the paragraph before it")
elif any(it[2] != 13 for it in lab) or any(it[2] < 10 for it in val):
    print("chart text below its sizes: %s" % sorted({it[2] for it in lab + val}))
else:
    print("ok")
PY
)
	[ "$r" = ok ] && echo "PASS pages_chart_shrink" ||
		echo "FAIL pages_chart_shrink: $r"
fi

# pages_header_middle: a table's heading cells are centred on the header
# row's height: a one-line heading beside a three-line one stands on the
# latter's middle line (it stood on the first).
{
	printf '\nĐoạn văn.\n\n```csv widths=10,30,60\n'
	printf 'STT,"Tên cơ quan, đơn vị chủ trì thực hiện nhiệm vụ",Kết quả\n'
	printf '1,Sở Nội vụ,Hoàn thành\n```\n'
} | with_front "$tmp/head.md"
if ! "$BIN/vb-render" --dump-layout "$tmp/head.md" >"$tmp/dl" 2>"$tmp/err"; then
	echo "FAIL pages_header_middle: vb-render: $(head -2 "$tmp/err")"
else
	r=$(python3 - "$tmp/dl" <<'PY'
import re, sys
its = []
for ln in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'text (\S+) (\S+) B \S+ "(.*)"$', ln.rstrip("\n"))
    if m:
        its.append((m.group(3), float(m.group(2))))
names = [t for t, _ in its]
if "STT" not in names or "Kết quả" not in names:
    print("the header was not found")
    sys.exit()
a, b = names.index("STT"), names.index("Kết quả")
ys = {"STT": [its[a][1]], "Kết quả": [its[b][1]]}
tall = sorted(set(y for _, y in its[a + 1:b]))
if len(tall) < 2:
    print("the two-line heading was not found: %r" % tall)
else:
    mid = (tall[0] + tall[-1]) / 2
    off = [abs(ys[k][0] - mid) for k in ("STT", "Kết quả")]
    print("ok" if max(off) < 0.5 else "one-line headings %.1f pt off the middle "
          "of the %d-line one" % (max(off), len(tall)))
PY
)
	[ "$r" = ok ] && echo "PASS pages_header_middle" ||
		echo "FAIL pages_header_middle: $r"
fi

# pages_chart_seam: a chart's unit name too long for one line breaks
# between the unit's type and its proper name ("UBND thành phố / Điện
# Biên Phủ"; the line breaker gave "UBND / thành phố Điện Biên Phủ").
{
	printf '\nĐoạn văn.\n\n```chart type=bar title="Tỷ lệ" unit="%%" max=100\n'
	printf 'Đơn vị,Tỷ lệ\nSở Nội vụ,100\nUBND thành phố Điện Biên Phủ,52.9\n'
	printf 'UBND huyện Điện Biên Đông,40\n```\n'
} | with_front "$tmp/seam.md"
if ! "$BIN/vb-render" --dump-layout "$tmp/seam.md" >"$tmp/dl" 2>"$tmp/err"; then
	echo "FAIL pages_chart_seam: vb-render: $(head -2 "$tmp/err")"
elif grep -q '"UBND thành phố"$' "$tmp/dl" && grep -q '"Điện Biên Phủ"$' "$tmp/dl"; then
	echo "PASS pages_chart_seam"
else
	echo "FAIL pages_chart_seam: $(grep -o '"UBND[^"]*"' "$tmp/dl" | tr '\n' ' ')"
fi

# pages_cell_lone_syllable: a cell's last line is not one syllable alone
# ("đơn / vị") when another break exists: 14 cells of a narrow column,
# the words of a sentence cut at every length from 10 to 23 syllables.
s="Các cơ quan đơn vị địa phương tổ chức tốt phong trào thi đua yêu nước gắn với nhiệm vụ chính trị của cơ quan đơn vị"
{
	printf '\nĐoạn văn.\n\n```csv widths=8,22,70 align=l,l,l\nSTT,Nội dung,Ghi chú\n'
	for k in $(seq 10 23); do
		echo "$k,$(echo "$s" | cut -d' ' -f1-"$k"),x"
	done
	printf '```\n'
} | with_front "$tmp/lone.md"
if ! "$BIN/vb-render" --dump-layout "$tmp/lone.md" >"$tmp/dl" 2>"$tmp/err"; then
	echo "FAIL pages_cell_lone_syllable: vb-render: $(head -2 "$tmp/err")"
else
	r=$(python3 - "$tmp/dl" <<'PY'
import re, sys
rows, cur, col = [], None, None
for ln in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'text (\S+) (\S+) R \S+ "(.*)"$', ln.rstrip("\n"))
    if not m:
        continue
    x, y, t = float(m.group(1)), float(m.group(2)), m.group(3)
    if re.fullmatch(r"1\d|2[0-3]", t) and x < 122:
        cur = {}
        rows.append(cur)
    elif cur is not None and t != "x" and x < 250:
        cur.setdefault(y, []).extend(t.split())
lone = [" ".join(r[max(r)]) for r in rows if len(r) > 1 and len(r[max(r)]) == 1]
print("ok" if len(rows) == 14 and not lone else
      "%d cells, %d end on one syllable: %s" % (len(rows), len(lone), ", ".join(lone)))
PY
)
	[ "$r" = ok ] && echo "PASS pages_cell_lone_syllable" ||
		echo "FAIL pages_cell_lone_syllable: $r"
fi
exit 0
