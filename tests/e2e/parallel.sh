#!/bin/sh
# End to end: README.md's recipe "beyond one machine" (section
# "Performance"), run on this machine with GNU parallel -j 2 instead of
# parallel -S host1,host2: a nominee list cut into shares, the same
# vb-khenthuong command on each share into its own folder, and the union
# of the shares' outputs against one run on the whole list.
#
# What "equal" means.  vb-khenthuong writes one decision per award form,
# its nominees in the annex, with counts (Điều 1) and a total (Điều 2)
# over the whole annex, and checks that nobody is twice in one form.
#  - The recipe (exact): the list is cut BY AWARD FORM: every row of a
#    form, under any of its names (templates/khen-thuong/hinh-thuc.csv:
#    "Bằng khen" and "Bằng khen của Chủ tịch UBND tỉnh" are one form), in
#    one share, rows kept in their order.  Each share then writes whole
#    decisions, and the union of the shares' folders is the one run's
#    folder FILE FOR FILE, BYTE FOR BYTE (Markdown and PDF, with
#    SOURCE_DATE_EPOCH): checked here with cmp.
#  - Cutting by rows (parallel --pipe) is not exact: a form's nominees end
#    up in several decisions, each with its own count and total, and a
#    person twice in one form is no longer caught when the two rows fall
#    into different shares.  What stays equal is the set of (form,
#    nominee) rows of the annexes, the amount per nominee and the sum of
#    the totals: checked here too, to show what a row cut keeps (and that
#    the decisions are not the same ones).
# Prints PASS/FAIL/SKIP lines (tests/run.sh counts them); SKIP when GNU
# parallel is not installed.  Takes a few seconds.
PREFIX=parallel
SEP=' '
. "$(dirname "$0")/../lib/prologue.sh"
export SOURCE_DATE_EPOCH=1609113600

if ! command -v parallel >/dev/null 2>&1; then
	echo "SKIP parallel: GNU parallel not installed"
	exit 0
fi
if ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
	echo "SKIP parallel: the parallel in PATH is not GNU parallel (moreutils?)"
	exit 0
fi

# The list: 1 200 nominees, the seed list's columns and its (kind, form
# name) rows in turn, so every spelling of every form is there; units
# with commas (quoted fields).
python3 - "$ROOT" "$tmp" <<'PY' || { fail generate "python3 failed"; exit 0; }
import csv, random, sys, unicodedata
root, tmp = sys.argv[1:3]
random.seed(11)
seed = list(csv.reader(open(root + '/input/2020/de-nghi-khen-thuong.csv', encoding='utf-8')))
ho = ['Lò', 'Quàng', 'Lường', 'Cà', 'Tòng', 'Giàng', 'Sùng', 'Nguyễn', 'Trần', 'Điêu']
dem = ['Văn', 'Thị', 'A', 'Thị Thu', 'Đức']
ten = ['Thành', 'Hương', 'Pọm', 'Chung', 'Xuân', 'Sơn', 'Dơ', 'Chứ', 'Hà', 'Lan']
def fold(s):
    s = unicodedata.normalize('NFD', s.lower().replace('đ', 'd'))
    return ''.join(c for c in s if c.isalnum() and ord(c) < 128)
seen = set()
with open(tmp + '/list.csv', 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f)
    w.writerow(seed[0])
    for i in range(1200):
        s = seed[1 + i % (len(seed) - 1)]
        unit = 'Tổ %d, %s' % (i // 30 + 1, s[4])
        while True:
            if s[1] == 'tập thể':
                name = '%s số %d' % (s[2].split(' ')[0], i + 1)
            else:
                name = '%s %s %s' % (random.choice(ho), random.choice(dem), random.choice(ten))
            # one person once per form (the tool's rule), a form under
            # any of its names
            form = ('bk' if s[5].startswith('Bằng khen') else 'ctd' if s[5].startswith('Cờ')
                    else 'tt' if s[1] == 'tập thể' else 'cstd')
            key = (fold(name), fold(unit), form)
            if key not in seen:
                break
        seen.add(key)
        w.writerow([i + 1, s[1], name, s[3], unit, s[5], s[6]])
PY

KT="$BIN/vb-khenthuong -q --templates $ROOT/templates --config $ROOT/input/khen-thuong/dien-bien-2020.yaml --ngay 2020-12-28"

# One run on the whole list: the reference.
if $KT --pdf -j 2 -d "$tmp/one" "$tmp/list.csv" 2>"$tmp/err"; then
	pass one-run
else
	fail one-run "exit $?: $(head -3 "$tmp/err")"
	exit 0
fi

# ---- The recipe: shares by award form.
# Each row's form code from the form table (name and aliases), the codes
# dealt to 2 shares, the largest form first to the lighter share.
python3 - "$ROOT/templates/khen-thuong/hinh-thuc.csv" "$tmp" 2 <<'PY' >"$tmp/split.out" 2>&1
import csv, re, sys
table, tmp, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
code = {}
for r in csv.DictReader(open(table, encoding='utf-8')):
    for name in [r['ten']] + r['bi_danh'].split(';'):
        name = re.sub(r'\s*\(đến [^)]*\)\s*$', '', name).strip()
        if name:
            code[name.casefold()] = r['ma']
rows = list(csv.reader(open(tmp + '/list.csv', encoding='utf-8')))
head, rows = rows[0], rows[1:]
col = head.index('Hình thức khen thưởng')
count = {}
for r in rows:
    c = code.get(r[col].strip().casefold())
    if c is None:
        sys.exit('form %r is not in %s' % (r[col], table))
    count[c] = count.get(c, 0) + 1
load, share = [0] * k, {}
for c in sorted(count, key=lambda c: -count[c]):
    s = load.index(min(load))
    share[c] = s
    load[s] += count[c]
out = [csv.writer(open('%s/share-%d.csv' % (tmp, s + 1), 'w', encoding='utf-8', newline='')) for s in range(k)]
for w in out:
    w.writerow(head)
for r in rows:
    out[share[code[r[col].strip().casefold()]]].writerow(r)
print(' '.join('%s:%d' % (c, share[c] + 1) for c in sorted(share)))
PY
if [ $? -ne 0 ]; then
	fail by-form-split "$(head -2 "$tmp/split.out")"
	exit 0
fi
echo "# forms and their shares: $(cat "$tmp/split.out")"
# The same command on every share, 2 at a time, into a folder per share
# (on several machines: parallel -S host1,host2 --trc ... the same line).
mkdir -p "$tmp/by-form" "$tmp/by-row"
if parallel -j 2 $KT --pdf -j 1 -d "$tmp/by-form/{/.}" {} ::: "$tmp/share-1.csv" "$tmp/share-2.csv" 2>"$tmp/err"; then
	pass by-form-shares-ran
else
	fail by-form-shares-ran "exit $?: $(head -3 "$tmp/err")"
	exit 0
fi
# Each run writes its own register (so-dang-ky.csv): compared as rows below.
n1=$(ls "$tmp/by-form/share-1" | grep -vc '^so-dang-ky.csv$')
n2=$(ls "$tmp/by-form/share-2" | grep -vc '^so-dang-ky.csv$')
both=$(ls "$tmp/by-form/share-1" "$tmp/by-form/share-2" | grep -v '^so-dang-ky.csv$' | sort | uniq -d | grep -c .)
if [ "$n1" -gt 0 ] && [ "$n2" -gt 0 ] && [ "$both" -eq 0 ]; then
	pass by-form-disjoint
else
	fail by-form-disjoint "share 1: $n1 files, share 2: $n2, in both: $both"
fi
(cd "$tmp/one" && ls | grep -v '^so-dang-ky.csv$') >"$tmp/names.one"
(cd "$tmp/by-form" && ls share-1 share-2 | grep -v ':$' | grep . | grep -v '^so-dang-ky.csv$' | sort) >"$tmp/names.shares"
bad=
if ! cmp -s "$tmp/names.one" "$tmp/names.shares"; then
	bad="files differ: $(diff "$tmp/names.one" "$tmp/names.shares" | grep '^[<>]' | head -3 | tr '\n' ' ')"
else
	for f in $(cat "$tmp/names.one"); do
		s=share-1
		[ -f "$tmp/by-form/$s/$f" ] || s=share-2
		cmp -s "$tmp/one/$f" "$tmp/by-form/$s/$f" || bad="$bad $f"
	done
	[ -n "$bad" ] && bad="not byte-identical:$bad"
fi
if [ -z "$bad" ]; then
	pass by-form-union-identical
	echo "# $(wc -l <"$tmp/names.one" | tr -d ' ') files (Markdown and PDF): the shares' union equals the one run byte for byte"
else
	fail by-form-union-identical "$bad"
fi
# The shares' registers hold, together, the rows of the one run's.
sed 1d "$tmp/one/so-dang-ky.csv" | sort >"$tmp/reg.one"
{ sed 1d "$tmp/by-form/share-1/so-dang-ky.csv"; sed 1d "$tmp/by-form/share-2/so-dang-ky.csv"; } | sort >"$tmp/reg.shares"
if [ -s "$tmp/reg.one" ] && cmp -s "$tmp/reg.one" "$tmp/reg.shares"; then
	pass by-form-register-union
else
	fail by-form-register-union "$(diff "$tmp/reg.one" "$tmp/reg.shares" | head -3 | tr '\n' ' ')"
fi

# ---- For comparison: shares of 400 rows (parallel --pipe, the header
# repeated on each), Markdown only.
if parallel --pipe --header : -N 400 -j 2 "$KT -d $tmp/by-row/{#} -" <"$tmp/list.csv" 2>"$tmp/err"; then
	pass by-rows-shares-ran
else
	fail by-rows-shares-ran "exit $?: $(head -3 "$tmp/err")"
	exit 0
fi
python3 - "$tmp" <<'PY'
import csv, glob, os, re, sys
from collections import Counter
tmp = sys.argv[1]
def read(path):
    """(form code, section, annex row without its STT) rows, amount per
    nominee by kind, total, of one decision source."""
    text = open(path, encoding='utf-8').read()
    form = os.path.basename(path)[:-3]
    rows, sect, fence = Counter(), None, None
    for line in text.split('\n'):
        if line.startswith('# '):
            sect = line[2:]
        elif line.startswith('```csv'):
            fence = []
        elif line.startswith('```') and fence is not None:
            for r in list(csv.reader(fence))[1:]:
                rows[(form, sect, tuple(r[1:]))] += 1
            fence = None
        elif fence is not None:
            fence.append(line)
    each = dict(re.findall(r'mỗi (tập thể|cá nhân) được thưởng ([\d.]+) đồng', text))
    m = re.search(r'Tổng số tiền thưởng: ([\d.]+) đồng', text)
    total = int(m.group(1).replace('.', '')) if m else None
    return form, rows, each, total
one = [read(p) for p in sorted(glob.glob(tmp + '/one/*.md'))]
parts = [read(p) for p in sorted(glob.glob(tmp + '/by-row/*/*.md'))]
want = sum((x[1] for x in one), Counter())
got = sum((x[1] for x in parts), Counter())
if want == got and sum(want.values()) == 1200:
    print('PASS parallel by-rows-same-nominees')
else:
    print('FAIL parallel by-rows-same-nominees: %d rows in one run, %d in the shares, %d differ'
          % (sum(want.values()), sum(got.values()), sum(((want - got) + (got - want)).values())))
ok, why = True, ''
for form, _, each, total in one:
    mine = [x for x in parts if x[0] == form]
    if any(x[2] != each for x in mine):
        ok, why = False, '%s: an amount per nominee differs' % form
    if total is None or sum(x[3] or 0 for x in mine) != total:
        ok, why = False, '%s: the totals of the shares do not add up to %s' % (form, total)
print('PASS parallel by-rows-same-amounts' if ok else 'FAIL parallel by-rows-same-amounts: ' + why)
print('# by rows: %d decisions instead of %d (each form cut into several)' % (len(parts), len(one)))
PY
exit 0
