#!/bin/sh
# Cells that look like Markdown come out literally (issue 20, item 4): every
# value of tests/data/nasty/gia-tri.csv (a line "```", "#", "|", "<", "{{",
# "---", leading spaces, CR, "->", "*" ...) goes through vb-khenthuong (a
# nominee's name, position, unit and achievement) and vb-baocao (a task of
# the plan, a unit's result, a unit's name); each generated source must
# render (exit 0) and its layout (vb-render --dump-layout) must draw every
# character of every value, in order (white space aside: tables wrap).
# Prints "PASS name" / "FAIL name: detail" / "SKIP name: why".
. "$(dirname "$0")/../lib/prologue.sh"
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP md_inject: python3 is not installed"; exit 0
fi
cd "$tmp" || exit 0
# The inputs of both generators, built from the one fixture.
python3 - "$ROOT/tests/data/nasty/gia-tri.csv" <<'PY' || echo "FAIL md_inject_fixture: python"
import csv, sys
vals = [r[0] for r in list(csv.reader(open(sys.argv[1], newline="")))[1:]]
w = lambda name: csv.writer(open(name, "w", newline=""), lineterminator="\n")
k = w("danh-sach.csv")
k.writerow(["doi_tuong", "ho_ten", "chuc_vu", "don_vi", "hinh_thuc", "thanh_tich"])
for i, v in enumerate(vals):
    k.writerow(["cá nhân", "Người %d %s" % (i + 1, v), v, v, "Bằng khen", v])
p = w("nhiem-vu.csv")
p.writerow(["Số TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp"])
p.writerow(["I", "Nhiệm vụ thực hiện trong Quý I", "", ""])
for i, v in enumerate(vals):
    p.writerow([i + 1, v, "", ""])   # no lead named: every unit's task
p.writerow(["II", "Nhiệm vụ thực hiện trong Quý II", "", ""])
for i, v in enumerate(vals):
    p.writerow([i + 1, "Quý II: " + v, "", ""])
t = w("tien-do.csv")
t.writerow(["don_vi", "nhiem_vu", "trang_thai", "ngay", "ket_qua"])
unit2 = "Sở <Tài> #chính | {{x}} *a*"
for i, v in enumerate(vals):
    t.writerow(["Sở Y tế", "I.%d" % (i + 1), "Đang thực hiện", "", v])
    t.writerow([unit2, "I.%d" % (i + 1), "Hoàn thành", "2020-03-01", v])
with open("expected.txt", "w") as f:
    for v in vals + [unit2]:
        f.write("\x1f".join(v.split()) + "\n")
PY
cat >check.py <<'PY'
# The values of expected.txt (lines argv[1] to argv[2]) each drawn at
# least argv[3] times: the words of a value in order in the text runs of
# the layout (white space aside; the text of a table row split between
# pages goes on after the next page's header, so other text may come
# between two words, never between two characters of one word).
import re, sys
want = [l.rstrip("\n").split("\x1f") for l in open("expected.txt")]
text = ""
for line in sys.stdin:
    m = re.match(r'text \S+ \S+ \S+ \S+ "(.*)"$', line.rstrip("\n"))
    if m:
        text += m.group(1)     # printed as it is, quotes too
text = "".join(text.split())
def times(words):
    n, at = 0, 0
    while True:
        for w in words:
            at = text.find(w, at)
            if at < 0:
                return n
            at += len(w)
        n += 1
for words in want[int(sys.argv[1]):int(sys.argv[2])]:
    if times(words) < int(sys.argv[3]):
        print(" ".join(words))
PY
KT="$BIN/vb-khenthuong --data $ROOT/templates --config $ROOT/tests/golden/kt-rerun/tinh.yaml --ngay 2020-12-28"
$KT -d kt danh-sach.csv 2>kt.err
rc=$?
n=$(($(wc -l <expected.txt) - 1))
"$BIN/vb-render" --dump-layout kt/bang-khen.md >kt.dump 2>kt.err2
rc2=$?
miss=$(python3 check.py 0 "$n" 3 <kt.dump)
if [ $rc = 0 ] && [ $rc2 = 0 ] && [ -z "$miss" ]; then
	pass=1; echo "PASS md_inject_khenthuong"
else
	echo "FAIL md_inject_khenthuong: exit $rc/$rc2: $(head -2 kt.err kt.err2 | tr '\n' ' ') not drawn: $(echo "$miss" | head -3 | tr '\n' ' ')"
fi
"$BIN/vb-baocao" --templates "$ROOT/templates" --config "$ROOT/input/2020/bao-cao.yaml" --ky Q1 --nam 2020 \
	--ngay 2020-04-06 -d bc nhiem-vu.csv tien-do.csv 2>bc.err
rc=$?
ok=1
detail=
for f in bc/*.md; do
	"$BIN/vb-render" --dump-layout "$f" >bc.dump 2>bc.err2 || {
		ok=0; detail="$detail $f: $(head -1 bc.err2)"; continue; }
	case $f in
	*tong-hop.md) miss=$(python3 check.py "$n" $((n + 1)) 2 <bc.dump) ;;
	*y-te.md) miss=$(python3 check.py 0 "$n" 5 <bc.dump) ;;
	*) miss=$(python3 check.py 0 "$n" 3 <bc.dump) ;;
	esac
	[ -z "$miss" ] || { ok=0; detail="$detail $f lacks $(echo "$miss" | head -2 | tr '\n' ' ')"; }
done
if [ $rc = 0 ] && [ $ok = 1 ] && [ "$(ls bc | wc -l)" = 3 ]; then
	echo "PASS md_inject_baocao"
else
	echo "FAIL md_inject_baocao: exit $rc: $(grep -v warning bc.err | head -2 | tr '\n' ' ') $(ls bc | tr '\n' ' ')$detail"
fi
