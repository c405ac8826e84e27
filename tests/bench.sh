#!/bin/sh
# make bench: the figures of the issue "Performance: every document in
# milliseconds, a province's year-end batch in seconds".  It PRINTS the
# figures and whether each target is met; it asserts nothing (make test
# never runs it) and exits 0 unless a tool fails or is missing.
#
# Sections (a table each, then a summary of the targets):
#   1. the 2020 plan (input/2020/ke-hoach.md), whole process: the floor
#      (process start, a one-paragraph document), the plan's median time,
#      CPU, peak RSS, PDF size, its text back through pdftotext; and the
#      Typst peer (../shared/peers/typst, installed where TYPST_PEER says)
#      in the SAME run, the two commands alternating, with the ratio;
#   2. decisions in batch: generated nominee lists of 1k, 10k and 100k rows
#      (the seed list's columns and form names, spread over the award forms
#      as in the seed) through `vb-khenthuong --pdf -j 2`, with the growth
#      ratios; and many small decision documents, one vb-render process
#      per document, 2 at a time through xargs -P 2, against the same
#      documents in ONE `vb-render -j 2 -d DIR` run (fonts loaded once
#      per worker), and that run again with ten times the documents, once,
#      to show its peak memory does not grow with the batch;
#   3. plans of 1x, 10x and 100x the seed's length;
#   4. vb-baocao: 100 units for one period, with and without --pdf (when
#      bin/vb-baocao is built);
#   5. optional: a callgrind profile of the plan (when valgrind is there).
#
# Measuring: each command runs N times (N is printed) and the MEDIAN is
# shown; a command's time is wall clock from fork to exit, its CPU the
# user + system time of it and every child it waited for, its peak RSS
# the largest single process (parent or a worker, not their sum), from
# wait4().  The machine is shared (2 cores, other builds running): the
# absolute times are noisy, so the load average is printed, ratios of
# medians measured in the same run are what to compare, and the CPU
# columns say what the work costs whatever the load.  Rates "per CPU" are
# the count divided by CPU seconds times the cores used (2): what an idle
# 2-core machine would give.
#
# Environment: ROOT, BIN (this repository, its bin/); TYPST_PEER (folder
# of the Typst peer, default /tmp/typst-peer; skipped with a note when
# absent); N (runs per measure, default 3), N_PLAN (runs of the plan and
# of Typst, default 10), SIZES (list lengths, default "1000 10000
# 100000"; the largest runs once), SMALL (small documents, default 200).
# The whole run takes about 2-3 minutes on the 2-core machine.
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/.." && pwd)}
BIN=${BIN:-$ROOT/bin}
N=${N:-3}
N_PLAN=${N_PLAN:-10}
SIZES=${SIZES:-"1000 10000 100000"}
SMALL=${SMALL:-200}
TYPST_PEER=${TYPST_PEER:-/tmp/typst-peer}
CORES=2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1578614400
unset LANGUAGE LC_ALL LC_MESSAGES
LANG=C.UTF-8
export LANG

for t in vb-render vb-khenthuong; do
	if [ ! -x "$BIN/$t" ]; then
		echo "bench: $BIN/$t is not built (make tools)" >&2
		exit 1
	fi
done
if ! command -v python3 >/dev/null 2>&1; then
	echo "bench: python3 is needed to measure" >&2
	exit 1
fi

# ---------------------------------------------------------------- helpers

# meas.py N [-c DIR]... CMD... [::: [-c DIR]... CMD...]
# Runs each command N times, the commands alternating round by round, and
# prints one line per command: "WALL_MS CPU_MS RSS_KB WALL_MIN WALL_MAX",
# medians of wall and CPU (user + system of the command and its waited-for
# children), the largest peak RSS of one process.  -c DIR: DIR is removed
# before each run (outside the timing).  A failed run prints "FAIL" and
# the command's stderr goes to $tmp/err.
cat >"$tmp/meas.py" <<'PY'
import os, shutil, statistics, sys, time
n = int(sys.argv[1])
segs = [[]]
for a in sys.argv[2:]:
    if a == ':::':
        segs.append([])
    else:
        segs[-1].append(a)
cmds = []
for s in segs:
    clean = []
    while len(s) >= 2 and s[0] == '-c':
        clean.append(s[1])
        s = s[2:]
    cmds.append((clean, s))
err = os.environ['MEAS_ERR']
res = [[] for _ in cmds]
failed = [False] * len(cmds)
for r in range(n):
    for i, (clean, argv) in enumerate(cmds):
        if failed[i]:
            continue
        for d in clean:
            shutil.rmtree(d, ignore_errors=True)
        t0 = time.monotonic()
        pid = os.fork()
        if pid == 0:
            fd = os.open(os.devnull, os.O_RDWR)
            os.dup2(fd, 0)
            os.dup2(fd, 1)
            e = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(e, 2)
            try:
                os.execvp(argv[0], argv)
            finally:
                os._exit(127)
        _, st, ru = os.wait4(pid, 0)
        wall = (time.monotonic() - t0) * 1000
        if not os.WIFEXITED(st) or os.WEXITSTATUS(st) != 0:
            failed[i] = True
            continue
        res[i].append((wall, (ru.ru_utime + ru.ru_stime) * 1000, ru.ru_maxrss))
for i, v in enumerate(res):
    if failed[i] or not v:
        print('FAIL')
        continue
    w = [x[0] for x in v]
    print('%.1f %.1f %d %.1f %.1f' % (statistics.median(w),
          statistics.median([x[1] for x in v]), max(x[2] for x in v),
          min(w), max(w)))
PY
MEAS_ERR=$tmp/err
export MEAS_ERR

# meas N ARGS...: one measure (see meas.py); sets wall cpu rss,
# returns 1 (with a message on stdout) when the command failed.
meas() {
	# shellcheck disable=SC2046
	set -- $(python3 "$tmp/meas.py" "$@")
	if [ "$1" = FAIL ]; then
		echo "  failed: $(head -2 "$tmp/err" | tr '\n' ' ')"
		return 1
	fi
	wall=$1 cpu=$2 rss=$3
}

calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }
mb() { calc "$1 / 1024"; }			# KB -> MB
bytes() { wc -c <"$1" | tr -d ' '; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { p = $2 } END { print p + 0 }'; }
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?"; }
# ge A B: A >= B (numbers)
ge() { awk "BEGIN { exit !($1 >= $2) }"; }

summary=$tmp/summary
: >"$summary"
target() {	# target WHAT VERDICT DETAIL
	printf '  %-48s %-8s %s\n' "$1" "$2" "$3" >>"$summary"
}
verdict() { if "$@"; then echo met; else echo "NOT met"; fi; }

# --------------------------------------------------------------- inputs

cp "$ROOT/input/2020/nhiem-vu.csv" "$tmp/"
python3 - "$tmp" "$ROOT" "$SIZES" <<'PY' || { echo "bench: cannot make the inputs" >&2; exit 1; }
import csv, os, random, sys, unicodedata
tmp, root, sizes = sys.argv[1], sys.argv[2], [int(x) for x in sys.argv[3].split()]
random.seed(2020)

# The plan 1x, 10x, 100x: the seed's front matter, its body (with the
# task table, a fence naming nhiem-vu.csv) repeated.
src = open(os.path.join(root, 'input/2020/ke-hoach.md'), encoding='utf-8').read()
cut = src.index('\n---', 3) + 5
for k in (1, 10, 100):
    with open('%s/plan-%d.md' % (tmp, k), 'w', encoding='utf-8') as f:
        f.write(src[:cut] + '\n'.join([src[cut:]] * k))
# The floor: the plan's front matter and one paragraph.
with open(tmp + '/tiny.md', 'w', encoding='utf-8') as f:
    f.write(src[:cut] + '\nMột đoạn văn ngắn.\n')

# Nominee lists: the seed list's header and its (kind, form name) rows in
# turn, so the forms and their spellings are spread as in the seed; names
# and units drawn at random, one person once per form (a repeat is an
# error of vb-khenthuong).
seed = list(csv.reader(open(os.path.join(root, 'input/2020/de-nghi-khen-thuong.csv'), encoding='utf-8')))
head, rows = seed[0], seed[1:]
code = lambda form: ('bang-khen' if form.startswith('Bằng khen') else
                     'co-thi-dua' if form.startswith('Cờ') else
                     'tt-ldxs' if form in ('TTLĐXS', 'Tập thể lao động xuất sắc') else 'cstd-tinh')
ho = ['Lò', 'Quàng', 'Lường', 'Cà', 'Tòng', 'Vì', 'Giàng', 'Sùng', 'Mùa', 'Vàng',
      'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đỗ', 'Bùi', 'Điêu']
dem = ['Văn', 'Thị', 'A', 'Thị Thu', 'Đức', 'Minh', 'Thị Ngọc']
ten = ['Thành', 'Hương', 'Pọm', 'Chung', 'Xuân', 'Sơn', 'Dơ', 'Chứ', 'Sua', 'Lử',
       'Hà', 'Hùng', 'Lan', 'Tuấn', 'Ánh', 'Ơn']
def fold(s):
    s = unicodedata.normalize('NFD', s.lower().replace('đ', 'd'))
    return ''.join(c for c in s if c.isalnum() and ord(c) < 128)
for n in sizes:
    seen = set()
    with open('%s/list-%d.csv' % (tmp, n), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f)
        w.writerow(head)
        for i in range(n):
            s = rows[i % len(rows)]
            kind, form = s[1], s[5]
            unit = '%s, cụm %d' % (s[4], i // 40 + 1)
            while True:
                if kind == 'tập thể':
                    name, pos = '%s số %d' % (s[2].split(' ')[0], i + 1), ''
                else:
                    name = '%s %s %s' % (random.choice(ho), random.choice(dem), random.choice(ten))
                    pos = s[3] or 'Chuyên viên'
                key = (kind, fold(name), fold(unit), code(form))
                if key not in seen:
                    break
            seen.add(key)
            w.writerow([i + 1, kind, name, pos, unit, form, s[6]])
PY

echo "vanban bench, $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc 2>/dev/null || echo ?) CPUs,"
awk -F": " '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null
echo "load average at start: $(load)"
echo "Absolute times are noisy on this shared machine: medians of N runs, ratios of"
echo "medians taken in the same run, and CPU times are the figures to compare."

# ---------------------------------------------------------- 1. the plan

plan=$ROOT/input/2020/ke-hoach.md
echo
echo "1. The 2020 plan (input/2020/ke-hoach.md), whole process, median of N runs"
echo
printf '%-34s %4s %9s %9s %8s %8s\n' command N "wall ms" "CPU ms" "RSS MB" "PDF KB"
printf '%-34s %4s %9s %9s %8s %8s\n' ------- - ------- ------ ------ ------
if meas "$N_PLAN" "$BIN/vb-render" -V; then
	printf '%-34s %4s %9s %9s %8s %8s\n' "vb-render -V (process start)" "$N_PLAN" "$wall" "$cpu" "$(mb "$rss")" -
fi
if meas "$N_PLAN" "$BIN/vb-render" -o "$tmp/tiny.pdf" "$tmp/tiny.md"; then
	floor=$wall
	printf '%-34s %4s %9s %9s %8s %8s\n' "one paragraph (the floor)" "$N_PLAN" "$wall" "$cpu" "$(mb "$rss")" "$(calc "$(bytes "$tmp/tiny.pdf") / 1024")"
fi
floor=
typst=
if [ -f "$TYPST_PEER/build.mjs" ] && [ -d "$TYPST_PEER/node_modules/@myriaddreamin" ] &&
    command -v node >/dev/null 2>&1; then
	typst=1
fi
if [ -n "$typst" ]; then
	# shellcheck disable=SC2046
	set -- $(python3 "$tmp/meas.py" "$N_PLAN" "$BIN/vb-render" -o "$tmp/plan.pdf" "$plan" \
	    ::: node "$TYPST_PEER/build.mjs" "$tmp/typst.pdf")
	if [ "$1" = FAIL ] || [ "$6" = FAIL ]; then
		echo "  failed: $(head -2 "$tmp/err" | tr '\n' ' ')"
		typst=
		meas "$N_PLAN" "$BIN/vb-render" -o "$tmp/plan.pdf" "$plan" || exit 1
	else
		wall=$1 cpu=$2 rss=$3 twall=$6 tcpu=$7 trss=$8
	fi
else
	meas "$N_PLAN" "$BIN/vb-render" -o "$tmp/plan.pdf" "$plan" || exit 1
fi
pwall=$wall
psize=$(bytes "$tmp/plan.pdf")
printf '%-34s %4s %9s %9s %8s %8s\n' "vb-render, the plan ($(pages "$tmp/plan.pdf") pages)" "$N_PLAN" "$wall" "$cpu" "$(mb "$rss")" "$(calc "$psize / 1024")"
if [ -n "$typst" ]; then
	tsize=$(bytes "$tmp/typst.pdf")
	printf '%-34s %4s %9s %9s %8s %8s\n' "Typst peer, the plan ($(pages "$tmp/typst.pdf") pages)" "$N_PLAN" "$twall" "$tcpu" "$(mb "$trss")" "$(calc "$tsize / 1024")"
	rw=$(calc "$twall / $wall")
	rc=$(calc "$tcpu / $cpu")
	echo "  alternating the two commands: Typst / vanban = ${rw}x wall, ${rc}x CPU,"
	echo "  $(calc "$trss / $rss")x peak RSS, $(calc "$tsize / $psize")x PDF size"
	target "plan: vanban >= 12x faster than Typst" "$(verdict ge "$rw" 12)" "${rw}x wall, ${rc}x CPU (medians, same run)"
else
	echo "  Typst peer: not found in $TYPST_PEER (see ../shared/peers/typst/README.md;"
	echo "  set TYPST_PEER to its folder): no comparison this time."
	target "plan: vanban >= 12x faster than Typst" "n/a" "Typst peer not installed"
fi
target "plan: PDF <= 60 KB" "$(verdict ge 61440 "$psize")" "$(calc "$psize / 1024") KB"
if [ -n "$floor" ]; then
	echo "  the plan costs $(calc "$pwall - $floor") ms of wall above the floor ($floor ms)"
fi
# Its text: the seed's words in order and NFC (tests/e2e/plan_text.py).
if command -v pdftotext >/dev/null 2>&1; then
	python3 "$ROOT/tests/e2e/plan_text.py" --seed "$ROOT/tests/data/ke-hoach-88-KH-UBND-2020.txt" \
	    --csv "$ROOT/input/2020/nhiem-vu.csv" --pdf "$tmp/plan.pdf" >"$tmp/text" 2>&1
	share=$(sed -n 's/^ *share of seed words found in order: //p' "$tmp/text")
	echo "  text back (pdftotext): seed words in order $share"
	grep '^\(PASS\|FAIL\) plan_text_\(words\|nfc\)' "$tmp/text" | sed 's/^/  /'
	if grep -q '^PASS plan_text_nfc' "$tmp/text" && grep -q '^PASS plan_text_words' "$tmp/text"; then
		target "plan: text back, NFC, the seed's words" met "$share"
	else
		target "plan: text back, NFC, the seed's words" "NOT met" "see section 1"
	fi
else
	echo "  pdftotext not installed: text not checked"
	target "plan: text back, NFC, the seed's words" n/a "pdftotext not installed"
fi

# ------------------------------------------------- 2. decisions in batch

echo
echo "2. Decisions in batch: vb-khenthuong --pdf -j 2 -q on generated lists"
echo "   (one decision per award form, the nominees in its annex)"
echo
KT="$BIN/vb-khenthuong --pdf -j 2 -q --templates $ROOT/templates --config $ROOT/input/khen-thuong/dien-bien-2020.yaml --ngay 2020-12-28"
printf '%8s %2s %8s %8s %7s %5s %6s %7s %9s %8s %7s %6s\n' nominees N "wall s" "CPU s" "RSS MB" decis pages "PDF MB" "B/decis" "B/nomin" "nomin/s" "dec/s"
printf '%8s %2s %8s %8s %7s %5s %6s %7s %9s %8s %7s %6s\n' -------- - ------ ----- ------ ----- ----- ------ ------- ------- ------- -----
last=
for n in $SIZES; do last=$n; done
: >"$tmp/grow"
for n in $SIZES; do
	runs=$N
	[ "$n" = "$last" ] && [ "$n" -ge 50000 ] && runs=1
	# shellcheck disable=SC2086
	meas "$runs" -c "$tmp/kt-$n" $KT -d "$tmp/kt-$n" "$tmp/list-$n.csv" || continue
	nd=0 np=0 nb=0
	for p in "$tmp/kt-$n"/*.pdf; do
		nd=$((nd + 1))
		np=$((np + $(pages "$p")))
		nb=$((nb + $(bytes "$p")))
	done
	printf '%8s %2s %8s %8s %7s %5s %6s %7s %9s %8s %7s %6s\n' "$n" "$runs" \
	    "$(calc "$wall / 1000" 2)" "$(calc "$cpu / 1000" 2)" "$(mb "$rss")" "$nd" "$np" \
	    "$(calc "$nb / 1048576" 2)" "$(calc "$nb / $nd" 0)" "$(calc "$nb / $n" 0)" \
	    "$(calc "$n / ($wall / 1000)" 0)" "$(calc "$nd / ($wall / 1000)" 1)"
	echo "$n $wall $cpu $rss" >>"$tmp/grow"
	rm -rf "$tmp/kt-$n"
done
echo
echo "   growth (the larger list against the smaller; exponent k: time ~ n^k)"
printf '   %-16s %9s %9s %9s %7s %14s\n' lists "x input" "x wall" "x CPU" "x RSS" "4x input gives"
awk 'NR > 1 { ni = $1 / n; tw = $2 / w; tc = $3 / c; tr = $4 / r
	k = log(tw) / log(ni)
	printf "   %-16s %9.0f %9.2f %9.2f %7.2f %11.2fx wall\n", n " -> " $1, ni, tw, tc, tr, exp(k * log(4)) }
	{ n = $1; w = $2; c = $3; r = $4 }' "$tmp/grow"
if [ "$(wc -l <"$tmp/grow")" -ge 2 ]; then
	# The verdict on the two largest lists: at the small end the fixed cost
	# (process, fonts) hides the growth.
	g=$(tail -2 "$tmp/grow" | awk 'NR == 1 { n = $1; w = $2 } NR == 2 {
		k = log($2 / w) / log($1 / n); printf "%.2f %.2f", exp(k * log(4)), k }')
	g4=${g% *}
	target "batch: 4x input < 6x time" "$(verdict ge 6 "$g4")" "4x input -> ${g4}x wall (k = ${g#* }, two largest lists)"
	awk 'END { printf "   largest list: %.0f nominees per wall second, %.0f per CPU second\n", $1 / ($2 / 1000), $1 / ($3 / 1000) }' "$tmp/grow"
fi

# Many small documents: K decision sources (the seed's Cờ thi đua
# decision under K names), one vb-render process each, 2 at a time; then
# all of them in one vb-render -j 2 run.  The target's verdict takes the
# better of the two; both figures are printed.
small=$ROOT/output/khen-thuong-2020/co-thi-dua.md
if [ ! -f "$small" ]; then
	# shellcheck disable=SC2086
	$BIN/vb-khenthuong -q --templates "$ROOT/templates" --config "$ROOT/input/khen-thuong/dien-bien-2020.yaml" \
	    --ngay 2020-12-28 -d "$tmp/seed-kt" "$ROOT/input/2020/de-nghi-khen-thuong.csv" >/dev/null 2>&1
	small=$tmp/seed-kt/co-thi-dua.md
fi
echo
echo "   many small documents: $SMALL copies of a one-page decision"
echo "   ($(basename "$small"), $(wc -l <"$small" | tr -d ' ') lines): a vb-render per document through"
echo "   xargs -P 2, then all of them in one vb-render -j 2 -d DIR run"
mkdir -p "$tmp/small"
i=1
while [ $i -le "$SMALL" ]; do
	cp "$small" "$tmp/small/qd-$i.md"
	i=$((i + 1))
done
ls "$tmp/small"/*.md >"$tmp/small.list"
printf '   %-22s %2s %8s %8s %7s %8s %12s %12s\n' run N "wall s" "CPU s" "RSS MB" "ms/doc" "docs/s wall" "docs/s CPU"
# small_row LABEL: print the row of the last measure; sets dw dc.
small_row() {
	dw=$(calc "$SMALL / ($wall / 1000)" 0)
	dc=$(calc "$SMALL / ($cpu / 1000) * $CORES" 0)
	printf '   %-22s %2s %8s %8s %7s %8s %12s %12s\n' "$1" "$N" "$(calc "$wall / 1000" 2)" \
	    "$(calc "$cpu / 1000" 2)" "$(mb "$rss")" "$(calc "$cpu / $SMALL" 1)" "$dw" "$dc"
}
pw='' pc='' bw='' bc=''
if meas "$N" sh -c 'xargs -P 2 -I{} "$1" -o {}.pdf {} <"$2"' sh "$BIN/vb-render" "$tmp/small.list"; then
	small_row "a process each, -P 2"
	pw=$dw pc=$dc
fi
# shellcheck disable=SC2046
if meas "$N" -c "$tmp/small-out" "$BIN/vb-render" -j 2 -q -d "$tmp/small-out" $(cat "$tmp/small.list"); then
	small_row "one run, -j 2 -d DIR"
	bw=$dw bc=$dc
	rss1=$rss
fi
# Ten times the documents in one run, once: the peak memory of a batch
# does not follow its size (vb-render renders it in chunks).
big=$((SMALL * 10))
mkdir -p "$tmp/big"
i=1
while [ $i -le "$big" ]; do
	ln -s "$small" "$tmp/big/qd-$i.md"
	i=$((i + 1))
done
# shellcheck disable=SC2046
if [ -n "${rss1:-}" ] && meas 1 -c "$tmp/big-out" "$BIN/vb-render" -j 2 -q -d "$tmp/big-out" \
    $(ls "$tmp/big"/*.md); then
	SMALL0=$SMALL SMALL=$big N0=$N N=1
	small_row "one run, $big documents"
	SMALL=$SMALL0 N=$N0
	r=$(calc "$rss / $rss1" 2)
	if ge 1.2 "$r" && ge 30720 "$rss"; then v=met; else v="NOT met"; fi
	target "batch: peak memory flat, <= 30 MB a process" "$v" \
	    "$(mb "$rss1") MB for $SMALL documents, $(mb "$rss") MB for $big (x $r)"
fi
echo "   (ms/doc: CPU per document, the process start included; docs/s CPU: on $CORES idle cores)"
if [ -n "$pw$bw" ]; then
	# The best measured way: the larger wall rate, its CPU rate with it.
	if [ -n "$bw" ] && { [ -z "$pw" ] || ge "$bw" "$pw"; }; then
		dw=$bw dc=$bc how="one vb-render -j 2 run"
	else
		dw=$pw dc=$pc how="a vb-render per document"
	fi
	if ge "$dw" 200; then v=met; elif ge "$dc" 200; then v="met(CPU)"; else v="NOT met"; fi
	target "decisions: 200 separate documents per second" "$v" \
	    "$dw/s wall, $dc/s from CPU on $CORES cores ($how; a process each: ${pw:-?}/s wall, ${pc:-?}/s CPU)"
fi

# ------------------------------------------------ 3. longer documents

echo
echo "3. Plans of 1x, 10x and 100x the seed's length (body and table repeated)"
echo
printf '%6s %2s %6s %9s %9s %8s %8s %8s %8s\n' length N pages "wall ms" "CPU ms" "RSS MB" "PDF KB" "x wall" "x RSS"
w1='' r1=''
for k in 1 10 100; do
	runs=$N
	[ $k = 100 ] && runs=2
	meas "$runs" "$BIN/vb-render" -o "$tmp/plan-$k.pdf" "$tmp/plan-$k.md" || continue
	[ -z "$w1" ] && w1=$wall r1=$rss
	printf '%6s %2s %6s %9s %9s %8s %8s %8s %8s\n' "${k}x" "$runs" "$(pages "$tmp/plan-$k.pdf")" "$wall" "$cpu" \
	    "$(mb "$rss")" "$(calc "$(bytes "$tmp/plan-$k.pdf") / 1024" 0)" "$(calc "$wall / $w1" 2)" "$(calc "$rss / $r1" 2)"
	rm -f "$tmp/plan-$k.pdf"
done

# ------------------------------------------------------ 4. vb-baocao

echo
echo "4. Reports: vb-baocao, 100 units x one period (Q2), the summary with its charts"
echo
if [ -x "$BIN/vb-baocao" ]; then
	python3 - "$tmp" <<'PY'
import csv, random, sys
from collections import Counter
random.seed(7)
t = sys.argv[1]
keys, g = [], None
for r in list(csv.reader(open(t + '/nhiem-vu.csv', encoding='utf-8')))[1:]:
    if r[0] in ('I', 'II', 'III', 'IV', 'V'):
        g = r[0]
    elif g:
        keys.append('%s.%s' % (g, r[0]))
once = Counter(keys)
keys = [k for k in keys if once[k] == 1]     # a key twice is ambiguous
units = ['UBND xã số %d' % i for i in range(1, 101)]
with open(t + '/don-vi.csv', 'w', encoding='utf-8') as f:
    f.write('Đơn vị,Tên đầy đủ,Ký hiệu,Địa danh,Chức vụ ký,Người ký\n')
    for u in units:
        f.write('%s,Ủy ban nhân dân %s,BC-UBND,Điện Biên,CHỦ TỊCH,Lò Văn Tiến\n' % (u, u[5:]))
st = ['Hoàn thành', 'Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện']
with open(t + '/tien-do.csv', 'w', encoding='utf-8') as f:
    f.write('don_vi,nhiem_vu,trang_thai,ngay,ket_qua\n')
    for u in units:
        for k in keys:
            s = random.choice(st)
            f.write('%s,%s,%s,%s,Kết quả %s\n' % (u, k, s, '15/05/2020' if s == 'Hoàn thành' else '', k))
PY
	printf '%-22s %2s %8s %8s %7s %6s %9s %12s\n' run N "wall s" "CPU s" "RSS MB" files "docs/s" "docs/s CPU"
	for p in "" --pdf; do
		if meas "$N" -c "$tmp/bc" "$BIN/vb-baocao" --templates "$ROOT/templates" --config "$ROOT/input/2020/bao-cao.yaml" --nam 2020 --don-vi "$tmp/don-vi.csv" \
		    $p -j 2 -q --ky Q2 --ngay 2020-07-06 -d "$tmp/bc" "$tmp/nhiem-vu.csv" "$tmp/tien-do.csv"; then
			nf=$(ls "$tmp/bc" | wc -l | tr -d ' ')
			nd=$(ls "$tmp/bc"/*.md | wc -l | tr -d ' ')
			printf '%-22s %2s %8s %8s %7s %6s %9s %12s\n' "Markdown${p:+ + PDF (-j 2)}" "$N" "$(calc "$wall / 1000" 2)" \
			    "$(calc "$cpu / 1000" 2)" "$(mb "$rss")" "$nf" "$(calc "$nd / ($wall / 1000)" 0)" \
			    "$(calc "$nd / ($cpu / 1000) * $CORES" 0)"
			if [ -n "$p" ]; then
				if ge 1000 "$wall"; then v=met
				elif ge "$CORES * 1000" "$cpu"; then v="met(CPU)"
				else v="NOT met"; fi
				target "reports: 100 units with charts <= 1 s" "$v" \
				    "$(calc "$wall / 1000" 2) s wall, $(calc "$cpu / 1000" 2) s CPU on $CORES cores ($nd documents: the reports and the summary)"
			fi
		fi
	done
else
	echo "vb-baocao not built"
fi

# ----------------------------------------------- 5. profile (optional)

echo
echo "5. Profile of the plan (optional: valgrind --tool=callgrind, instructions)"
echo
if command -v valgrind >/dev/null 2>&1 && command -v callgrind_annotate >/dev/null 2>&1 &&
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$BIN/vb-render" \
    -o "$tmp/cg.pdf" "$plan" >/dev/null 2>&1; then
	callgrind_annotate --threshold=100 "$tmp/cg.out" 2>/dev/null >"$tmp/cg.txt"
	callgrind_annotate --threshold=100 --inclusive=yes "$tmp/cg.out" 2>/dev/null >"$tmp/cgi.txt"
	# The floor: the one-paragraph document.
	: >"$tmp/cgt.txt"
	if valgrind --tool=callgrind --callgrind-out-file="$tmp/cgt.out" "$BIN/vb-render" \
	    -o "$tmp/cgt.pdf" "$tmp/tiny.md" >/dev/null 2>&1; then
		callgrind_annotate --threshold=100 --inclusive=yes "$tmp/cgt.out" 2>/dev/null >"$tmp/cgt.txt"
	fi
	python3 - "$tmp/cg.txt" "$tmp/cgi.txt" "$tmp/cgt.txt" <<'PY'
import re, sys
def read(path):
    total, funcs = 0, []
    for line in open(path, encoding='utf-8', errors='replace'):
        m = re.match(r'\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$', line)
        if not m:
            continue
        ir, what = int(m.group(1).replace(',', '')), m.group(2)
        if what.startswith('PROGRAM TOTALS'):
            total = ir
            continue
        m = re.match(r'(.*):(.*?) \[(.*)\]$', what)
        if m:
            funcs.append((ir, m.group(1), m.group(2), m.group(3)))
    return total, funcs
def gen(f):
    m = re.split(r'(?:^|/)gen/', f, 1)
    return m[1] if len(m) == 2 else None
total, funcs = read(sys.argv[1])
print('total: %.1f million instructions' % (total / 1e6))
print()
print('top 8 functions (self)                                   M instr      %')
for ir, f, fn, obj in funcs[:8]:
    lib = obj.rsplit('/', 1)[-1].split('.so')[0]
    name = fn if not fn.startswith('0x') else '(%s, no symbols)' % lib
    name += ' (gen/%s)' % gen(f) if gen(f) else '' if fn.startswith('0x') else ' (%s)' % lib
    print('  %-54s %7.1f %6.1f' % (name[:54], ir / 1e6, 100.0 * ir / total))
groups = {}
for ir, f, fn, obj in funcs:
    lib = obj.rsplit('/', 1)[-1]
    key = ('vanban gen/' + gen(f).split('/')[0] + '/' if gen(f) else
           'vanban (other)' if lib.startswith('vb-') else lib.split('.so')[0])
    groups[key] = groups.get(key, 0) + ir
print()
print('self cost by library / stage                             M instr      %')
for k, v in sorted(groups.items(), key=lambda x: -x[1])[:10]:
    print('  %-54s %7.1f %6.1f' % (k, v / 1e6, 100.0 * v / total))
# Inclusive cost of the pipeline's steps (the functions found).
steps = [('read and NFC the source', 'text_read_source'), ('parse (front matter, Markdown)', 'doc_parse'),
         ('layout', 'layout_run'), ('font subsets (HarfBuzz)', 'font_set_subset'),
         ('write the PDF, all of it:', 'pdf_write'),
         ('  the fonts (subset, widths, maps)', 'pdf_font'),
         ('  the pages (content streams)', 'pdf_pages'),
         ('  compress the streams (zlib deflate)', 'deflate'),
         ('process start (dynamic loader)', '_dl_start')]
_, inc = read(sys.argv[2])
ftotal, finc = read(sys.argv[3]) if open(sys.argv[3]).read() else (0, [])
def find(fs, name):
    return max([ir for ir, f, fn, obj in fs if fn == name] or [0])
print()
print('inclusive cost of the steps                 plan M      %   floor M')
for label, fn in steps:
    ir = find(inc, fn)
    if ir:
        fl = find(finc, fn)
        print('  %-40s %7.1f %6.1f %9s' % (label, ir / 1e6, 100.0 * ir / total,
              '%.1f' % (fl / 1e6) if ftotal else '-'))
if ftotal:
    print('  %-40s %7s %6s %9.1f' % ('the floor (one paragraph), in all', '', '', ftotal / 1e6))
    print()
    print('the floor is %.0f %% of the plan\'s instructions' % (100.0 * ftotal / total))
PY
else
	echo "valgrind (callgrind) not installed: no profile (optional)"
fi

# -------------------------------------------------------------- summary

echo
echo "load average at the end: $(load)"
echo
echo "Targets (printed, never asserted; 'met(CPU)': met by the CPU figure, not"
echo "by the wall clock of this loaded machine)"
cat "$summary"
exit 0
