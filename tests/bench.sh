#!/bin/sh
# Speed and size figures of the vanban tools (make bench).  No thresholds:
# it prints a table.  Times are the best of several runs, in ms of wall
# clock.  Inputs other than the samples are generated in a temporary
# folder, removed at exit:
#   - a large plan: 200 paragraphs, 20 headings and a 300-row table;
#   - a 20 MB Windows-1258 text for vb-norm;
#   - a 2 000-row nominee list for vb-khenthuong --pdf (when built).
# Environment: ROOT, BIN (defaults: this repository, its bin/).
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/.." && pwd)}
BIN=${BIN:-$ROOT/bin}
RUNS=${RUNS:-5}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1578614400

if [ ! -x "$BIN/vb-render" ] || ! command -v python3 >/dev/null 2>&1; then
	echo "bench: $BIN/vb-render not built or python3 missing" >&2
	exit 1
fi

now_ns() { date +%s%N; }

# best N CMD...: run CMD N times (output to /dev/null unless the command
# redirects itself), print the best wall time in ms with one decimal.
# Prints "-" when a run fails.
best() {
	n=$1
	shift
	b=
	i=0
	while [ $i -lt "$n" ]; do
		t0=$(now_ns)
		"$@" >/dev/null 2>"$tmp/bench.err" || { echo -; return; }
		t1=$(now_ns)
		d=$((t1 - t0))
		if [ -z "$b" ] || [ $d -lt "$b" ]; then b=$d; fi
		i=$((i + 1))
	done
	awk -v d="$b" 'BEGIN { printf "%.1f", d / 1e6 }'
}

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
kb() { awk -v b="$(wc -c <"$1")" 'BEGIN { printf "%.1f", b / 1024 }'; }

row() {	# what pages ms size
	printf '%-40s %7s %10s %10s\n' "$1" "$2" "$3" "$4"
}

# ---- Inputs.
python3 - "$tmp" "$ROOT" <<'PY'
import os, random, sys, unicodedata
tmp, root = sys.argv[1:3]
random.seed(30)
words = ('công tác thi đua khen thưởng trên địa bàn tỉnh Điện Biên năm 2020 '
         'triển khai thực hiện nhiệm vụ các cơ quan đơn vị địa phương phong '
         'trào thi đua yêu nước gắn với việc học tập và làm theo tư tưởng đạo '
         'đức phong cách Hồ Chí Minh nâng cao chất lượng hiệu quả hoạt động '
         'của Hội đồng Thi đua Khen thưởng các cấp kịp thời biểu dương tôn vinh '
         'những tập thể cá nhân có thành tích xuất sắc').split()
def sentence(n):
    s = ' '.join(random.choice(words) for _ in range(n))
    return s[0].upper() + s[1:] + '.'
fm = open(os.path.join(root, 'input/2020/ke-hoach.md'), encoding='utf-8').read()
fm = fm[:fm.index('\n---', 3) + 5]
body = []
for h in range(20):
    body.append('# %s. PHẦN THỨ %d' % ('IVX'[h % 3] * (1 + h % 2), h + 1))
    for p in range(10):
        body.append(' '.join(sentence(random.randint(8, 25))
                             for _ in range(random.randint(2, 5))))
body.append('```csv widths=8,42,25,25 header=1')
body.append('TT,Nội dung nhiệm vụ,Đơn vị chủ trì,Thời gian')
for r in range(300):
    body.append('%d,"%s","%s",Quý %d năm 2020' % (
        r + 1, sentence(random.randint(5, 30)), sentence(random.randint(2, 6)),
        1 + r % 4))
body.append('```')
open(os.path.join(tmp, 'large.md'), 'w', encoding='utf-8').write(
    fm + '\n' + '\n\n'.join(body) + '\n')

# 20 MB of Windows-1258: the samples again and again, written as
# Vietnamese keyboards do (letters the code page lacks as base + tone).
sys.path.insert(0, os.path.join(root, 'tests', 'lib'))
from vnenc import cp1258
text = ''
for f in sorted(os.listdir(os.path.join(root, 'input'))):
    if f.endswith('.md'):
        text += open(os.path.join(root, 'input', f), encoding='utf-8').read()
chunk = cp1258(text)
with open(os.path.join(tmp, 'big-cp1258.txt'), 'wb') as f:
    n = 0
    while n < 20 * 1024 * 1024:
        f.write(chunk)
        n += len(chunk)

# 2 000 nominees, UTF-16LE tab-separated (as tests/e2e/khenthuong.sh).
ho = ['Lò', 'Quàng', 'Lường', 'Cà', 'Tòng', 'Vì', 'Giàng', 'Sùng', 'Mùa',
      'Vàng', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đỗ', 'Bùi', 'Điêu']
dem = ['Văn', 'Thị', 'A', 'Thị Thu', 'Đức', 'Minh', 'Thị Ngọc']
ten = ['Thành', 'Hương', 'Pọm', 'Chung', 'Xuân', 'Sơn', 'Dơ', 'Chứ', 'Sua',
       'Lử', 'Hà', 'Hùng', 'Lan', 'Anh', 'Đức', 'Tuấn', 'Ánh', 'Ân', 'Ơn']
dv = ['Sở Nội vụ', 'Sở Y tế', 'Sở Tài chính', 'Sở Giáo dục và Đào tạo',
      'UBND huyện Mường Nhé', 'UBND huyện Tuần Giáo', 'Công an tỉnh']
cv = ['Chuyên viên', 'Giáo viên', 'Bác sĩ', 'Trưởng phòng']
rows = ['Đối tượng\tHọ và tên\tChức vụ\tĐơn vị\tHình thức khen thưởng\tThành tích']
for i in range(2000):
    if i % 10 == 0:
        k, form, name, pos = 'Tập thể', random.choice(['Bằng khen', 'Tập thể lao động xuất sắc']), 'Phòng số %d' % (i + 1), ''
    else:
        k = 'Cá nhân'
        form = random.choice(['Bằng khen của Chủ tịch UBND tỉnh', 'CSTĐ cấp tỉnh', 'Bằng khen'])
        name = '%s %s %s' % (random.choice(ho), random.choice(dem), random.choice(ten))
        pos = random.choice(cv)
    rows.append('\t'.join([k, name, pos, random.choice(dv), form,
                           'Hoàn thành xuất sắc nhiệm vụ năm 2020']))
with open(os.path.join(tmp, 'nominees.txt'), 'wb') as f:
    f.write(b'\xff\xfe' + ('\r\n'.join(rows) + '\r\n').encode('utf-16-le'))
PY
[ -f "$tmp/large.md" ] || { echo "bench: cannot make the inputs" >&2; exit 1; }

echo "vanban bench: best of $RUNS runs, wall clock ($(uname -m), $(nproc 2>/dev/null || echo ?) CPUs)"
echo
row "vb-render" pages ms KB
row "---------" ----- -- --
for f in "$ROOT"/input/*.md "$ROOT"/input/*/*.md "$tmp/large.md"; do
	[ -f "$f" ] || continue
	case $f in
	"$tmp"/*) name="large: 200 paragraphs, 300-row table" ;;
	"$ROOT"/input/*/*) name="$(basename "$(dirname "$f")")/$(basename "$f")" ;;
	*) name=$(basename "$f") ;;
	esac
	ms=$(best "$RUNS" "$BIN/vb-render" -o "$tmp/out.pdf" "$f")
	if [ "$ms" = - ]; then
		row "$name" - "failed: $(head -1 "$tmp/bench.err")" ""
		continue
	fi
	row "$name" "$(pages "$tmp/out.pdf")" "$ms" "$(kb "$tmp/out.pdf")"
	dms=$(best "$RUNS" "$BIN/vb-render" --dump-layout -o "$tmp/out.dump" "$f")
	row "  (--dump-layout, no PDF)" "" "$dms" "$(kb "$tmp/out.dump")"
done

echo
row "vb-norm" MB ms MB/s
row "-------" -- -- ----
mb=$(awk -v b="$(wc -c <"$tmp/big-cp1258.txt")" 'BEGIN { printf "%.1f", b / 1048576 }')
for enc in auto cp1258; do
	opt=
	[ $enc = cp1258 ] && opt="-f cp1258"
	# shellcheck disable=SC2086
	ms=$(best 3 "$BIN/vb-norm" $opt -o "$tmp/norm.txt" "$tmp/big-cp1258.txt")
	rate=$(awk -v mb="$mb" -v ms="$ms" 'BEGIN { if (ms > 0) printf "%.1f", mb / (ms / 1000); else print "-" }')
	row "Windows-1258 to NFC UTF-8 ($enc)" "$mb" "$ms" "$rate"
done

if [ -x "$BIN/vb-khenthuong" ]; then
	echo
	row "vb-khenthuong --pdf, 2 000 rows" pages ms KB
	row "-------------------------------" ----- -- --
	cfg=$ROOT/input/khen-thuong/dien-bien-2020.yaml
	set -- --ngay 2020-12-28 --pdf
	[ -f "$cfg" ] && set -- --config "$cfg" "$@"
	rm -rf "$tmp/kt"
	t0=$(now_ns)
	if "$BIN/vb-khenthuong" "$@" -d "$tmp/kt" "$tmp/nominees.txt" \
	    >/dev/null 2>"$tmp/kt.err"; then
		t1=$(now_ns)
		tot=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.1f", d / 1e6 }')
		tp=0
		tk=0
		for p in "$tmp/kt"/*.pdf; do
			pg=$(pages "$p")
			tp=$((tp + ${pg:-0}))
			tk=$((tk + $(wc -c <"$p")))
			row "  $(basename "$p")" "$pg" "" "$(kb "$p")"
		done
		row "all decisions (one run)" "$tp" "$tot" \
		    "$(awk -v b=$tk 'BEGIN { printf "%.1f", b / 1024 }')"
	else
		row "failed: $(head -1 "$tmp/kt.err")" "" "" ""
	fi
fi
