#!/bin/sh
# bin/vb-render end to end on the samples (input/*.md and
# input/2020/ke-hoach.md), checked with poppler, mutool and qpdf:
# reproducible bytes with SOURCE_DATE_EPOCH, embedded subset fonts,
# document info, outline, NFC text, a clean file, the same document from
# every encoding, atomic output, exit codes and text inside the margins.
# Everything is written in a temporary folder, removed at exit.
# Prints "PASS name" / "FAIL name: detail".  Environment: ROOT, BIN, SHARED.
. "$(dirname "$0")/../lib/prologue.sh"
render=$BIN/vb-render

# A fixed time, not midnight, so the clock time is checked too.
EPOCH=1578650645	# 2020-01-10T10:04:05Z
WANT_DATE=2020-01-10T10:04:05Z
# Portrait A4 text area (Nghị định 30/2020: left 30 mm, right 15 mm).
LEFT_PT=85.04
RIGHT_PT=552.76		# 595.28 - 42.52

missing=
for t in pdfinfo pdffonts pdftotext mutool qpdf python3 cmp; do
	command -v $t >/dev/null 2>&1 || missing="$missing $t"
done
if [ ! -x "$render" ] || [ -n "$missing" ]; then
	fail render_setup "vb-render not built or missing:$missing"
	exit 0
fi

# ---- The samples: NAME<TAB>source, NAME as the Makefile names outputs.
: >"$tmp/samples"
for f in "$ROOT"/input/*.md "$ROOT"/input/2020/ke-hoach.md; do
	[ -f "$f" ] || continue
	case $f in
	"$ROOT"/input/*/*) n=$(basename "$f" .md)-$(basename "$(dirname "$f")") ;;
	*) n=$(basename "$f" .md) ;;
	esac
	printf '%s\t%s\n' "$n" "$f" >>"$tmp/samples"
done
if [ "$(wc -l <"$tmp/samples")" -lt 4 ]; then
	fail render_samples "expected input/*.md and input/2020/ke-hoach.md"
	exit 0
fi
plan=$ROOT/input/2020/ke-hoach.md

mkdir "$tmp/a" "$tmp/b" "$tmp/txt" "$tmp/err"
while IFS='	' read -r n f; do
	for d in a b; do
		SOURCE_DATE_EPOCH=$EPOCH "$render" -o "$tmp/$d/$n.pdf" "$f" \
		    2>"$tmp/err/$n.render" || fail "render_$n" "exit $?"
	done
done <"$tmp/samples"

# ---- (a) reproducible: byte-identical renders, CreationDate = epoch.
while IFS='	' read -r n f; do
	[ -f "$tmp/a/$n.pdf" ] || continue
	if cmp -s "$tmp/a/$n.pdf" "$tmp/b/$n.pdf"; then
		pass "render_reproducible_$n"
	else
		fail "render_reproducible_$n" "two renders differ"
	fi
	got=$(pdfinfo -isodates "$tmp/a/$n.pdf" 2>>"$tmp/err/$n.poppler" |
	    sed -n 's/^CreationDate: *//p')
	if [ "$got" = "$WANT_DATE" ]; then
		pass "render_creation_date_$n"
	else
		fail "render_creation_date_$n" "got '$got', want '$WANT_DATE'"
	fi
done <"$tmp/samples"

# ---- (b) fonts: every font embedded and subset.
while IFS='	' read -r n f; do
	[ -f "$tmp/a/$n.pdf" ] || continue
	pdffonts "$tmp/a/$n.pdf" >"$tmp/fonts" 2>>"$tmp/err/$n.poppler"
	bad=$(awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes") { printf "%s; ", $1 }' \
	    "$tmp/fonts")
	nf=$(awk 'NR > 2' "$tmp/fonts" | wc -l)
	if [ "$nf" -gt 0 ] && [ -z "$bad" ]; then
		pass "render_fonts_embedded_subset_$n"
	else
		fail "render_fonts_embedded_subset_$n" "$nf fonts; not emb/sub: $bad"
	fi
done <"$tmp/samples"

# ---- (c) document info from the front matter, in UTF-8.
# Front matter read with PyYAML when it is there, else with a small
# parser (scalars, "|" and ">" blocks, lists of "  - item").  Line breaks
# inside a value become spaces (a PDF title has one line); the agency's
# lines are joined by a space.
cat >"$tmp/fm.py" <<'PY'
import sys
def simple(head):
    fm, key, block = {}, None, False
    for ln in head.split('\n'):
        if block and (ln.startswith('  ') or not ln):
            fm[key] += ' ' + ln.strip()
            continue
        block = False
        if ln.startswith('  - ') and key:
            if not isinstance(fm.get(key), list):
                fm[key] = []
            fm[key].append(ln[4:].strip().strip('"'))
        elif ln and not ln.startswith(' ') and ':' in ln:
            key, v = ln.split(':', 1)
            v = v.strip()
            if v[:1] in ('|', '>'):
                fm[key], block = '', True
            elif v:
                fm[key] = v.strip('"')
    return fm
text = open(sys.argv[1], encoding='utf-8').read()
assert text.startswith('---\n')
head = text[4:text.index('\n---\n', 3)]
try:
    import yaml
    fm = yaml.safe_load(head)
except ImportError:
    fm = simple(head)
one = lambda v: ' '.join(str(v).split())
cq = fm.get('co_quan', '')
if isinstance(cq, list):
    cq = ' '.join(one(x) for x in cq)
print('Title\t' + one(fm.get('trich_yeu', '')))
print('Author\t' + one(cq))
print('Subject\t' + one(fm.get('loai', '')))
PY
while IFS='	' read -r n f; do
	[ -f "$tmp/a/$n.pdf" ] || continue
	pdfinfo -enc UTF-8 "$tmp/a/$n.pdf" >"$tmp/info" 2>>"$tmp/err/$n.poppler"
	python3 "$tmp/fm.py" "$f" >"$tmp/want" ||
	    { fail "render_info_$n" "cannot read the front matter"; continue; }
	while IFS='	' read -r k want; do
		got=$(sed -n "s/^$k: *//p" "$tmp/info")
		lk=$(echo "$k" | tr 'A-Z' 'a-z')
		if [ -n "$want" ] && [ "$got" = "$want" ]; then
			pass "render_info_${lk}_$n"
		else
			fail "render_info_${lk}_$n" "got '$got', want '$want'"
		fi
	done <"$tmp/want"
done <"$tmp/samples"

# ---- (d) the outline of the plan: its # headings (level 1) and its
# ## headings (level 2), in order.
pn=ke-hoach-2020
if [ -f "$tmp/a/$pn.pdf" ]; then
	mutool show "$tmp/a/$pn.pdf" outline >"$tmp/outline" 2>"$tmp/err/outline"
	# Level = number of tabs before the quoted title.
	python3 - "$tmp/outline" "$plan" >"$tmp/outline.cmp" <<'PY'
import re, sys
got1, got12 = [], []
for ln in open(sys.argv[1], encoding='utf-8'):
    m = re.match(r'^[+|-]?(\t+)"(.*)"\t', ln)
    if m:
        lev = len(m.group(1))
        got12.append((lev, m.group(2)))
        if lev == 1:
            got1.append(m.group(2))
want1, want12, fence = [], [], False
src = open(sys.argv[2], encoding='utf-8').read()
for ln in src[src.index('\n---\n', 3) + 5:].split('\n'):
    if ln.startswith('```'):
        fence = not fence
    if fence:
        continue
    m = re.match(r'^(#{1,2}) (.*)$', ln)
    if m:
        want12.append((len(m.group(1)), m.group(2).strip()))
        if len(m.group(1)) == 1:
            want1.append(m.group(2).strip())
print('h1', 'ok' if got1 == want1 and len(want1) >= 4 else 'got %r want %r' % (got1, want1))
print('h12', 'ok' if got12 == want12 else 'got %r want %r' % (got12, want12))
PY
	for k in h1 h12; do
		r=$(sed -n "s/^$k //p" "$tmp/outline.cmp")
		name=render_outline_sections
		[ $k = h12 ] && name=render_outline_sections_and_khoan
		if [ "$r" = ok ]; then pass $name; else fail $name "${r:-no result}"; fi
	done
else
	fail render_outline_sections "no PDF of the plan"
fi

# ---- (e) extracted text is NFC and holds known phrases.
while IFS='	' read -r n f; do
	[ -f "$tmp/a/$n.pdf" ] || continue
	pdftotext -enc UTF-8 "$tmp/a/$n.pdf" "$tmp/txt/$n.txt" \
	    2>>"$tmp/err/$n.poppler"
done <"$tmp/samples"
python3 - "$tmp/txt" "$tmp/samples" <<'PY'
import os, sys, unicodedata
txt, samples = sys.argv[1], sys.argv[2]
common = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
          'Nơi nhận:']
plan = ['KẾ HOẠCH', 'Điện Biên, ngày 10 tháng 01 năm 2020',
        'Số: 88/KH-UBND', 'I. MỤC ĐÍCH, YÊU CẦU', 'TM. ỦY BAN NHÂN DÂN',
        'Mùa A Sơn', 'Luật Thi đua, khen thưởng', 'Điện Biên Phủ',
        'Khen thưởng']
for ln in open(samples, encoding='utf-8'):
    n = ln.split('\t')[0]
    p = os.path.join(txt, n + '.txt')
    if not os.path.exists(p):
        print('FAIL render_text_nfc_%s: no text' % n)
        continue
    t = open(p, encoding='utf-8').read()
    if t and unicodedata.is_normalized('NFC', t):
        print('PASS render_text_nfc_%s' % n)
    else:
        bad = [w for w in t.split() if not unicodedata.is_normalized('NFC', w)]
        print('FAIL render_text_nfc_%s: %d words not NFC: %s' % (n, len(bad), bad[:5]))
    # Lines are broken anywhere: compare with whitespace collapsed.
    flat = ' '.join(t.split())
    want = common + (plan if n == 'ke-hoach-2020' else [])
    miss = [w for w in want if w not in flat]
    if miss:
        print('FAIL render_text_phrases_%s: missing %s' % (n, miss))
    else:
        print('PASS render_text_phrases_%s' % n)
PY

# ---- (f) qpdf finds no structural error.
while IFS='	' read -r n f; do
	[ -f "$tmp/a/$n.pdf" ] || continue
	if qpdf --check "$tmp/a/$n.pdf" >"$tmp/qpdf" 2>&1 &&
	    grep -q 'No syntax or stream encoding errors' "$tmp/qpdf"; then
		pass "render_qpdf_check_$n"
	else
		fail "render_qpdf_check_$n" "$(grep -iv '^checking\|^PDF Version\|^File is not' "$tmp/qpdf" | head -3)"
	fi
done <"$tmp/samples"

# ---- (k) no text outside the margins on portrait pages: the display
# list's text starts inside the text area, and poppler's word boxes
# (pdftotext -bbox) lie between the left and right margins.
while IFS='	' read -r n f; do
	[ -f "$tmp/a/$n.pdf" ] || continue
	"$render" --dump-layout "$f" >"$tmp/$n.dump" 2>/dev/null
	pdftotext -bbox "$tmp/a/$n.pdf" "$tmp/$n.bbox.html" \
	    2>>"$tmp/err/$n.poppler"
	python3 - "$n" "$tmp/$n.dump" "$tmp/$n.bbox.html" $LEFT_PT $RIGHT_PT <<'PY'
import re, sys
n, dump, bbox = sys.argv[1:4]
left, right = float(sys.argv[4]), float(sys.argv[5])
portrait, bad, ntext = True, [], 0
for ln in open(dump, encoding='utf-8'):
    m = re.match(r'^page \d+ ([\d.]+)x([\d.]+)', ln)
    if m:
        portrait = float(m.group(1)) < float(m.group(2))
        continue
    m = re.match(r'^text ([-\d.]+) ([-\d.]+) \S+ [\d.]+ "(.*)"$', ln)
    if m and portrait:
        ntext += 1
        x = float(m.group(1))
        if not (left - 0.5 <= x < right):
            bad.append((x, m.group(3)))
if ntext and not bad:
    print('PASS render_dump_text_in_margins_%s' % n)
else:
    print('FAIL render_dump_text_in_margins_%s: %d text items, outside: %s' % (n, ntext, bad[:3]))
portrait, bad, nword = True, [], 0
for ln in open(bbox, encoding='utf-8'):
    m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', ln)
    if m:
        portrait = float(m.group(1)) < float(m.group(2))
        continue
    m = re.search(r'<word xMin="([-\d.]+)" yMin="[-\d.]+" xMax="([-\d.]+)" yMax="[-\d.]+">(.*)</word>', ln)
    if m and portrait:
        nword += 1
        x0, x1 = float(m.group(1)), float(m.group(2))
        if x0 < left - 0.5 or x1 > right + 0.5:
            bad.append((x0, x1, m.group(3)))
if nword > 50 and not bad:
    print('PASS render_glyphs_in_margins_%s' % n)
else:
    print('FAIL render_glyphs_in_margins_%s: %d words, outside: %s' % (n, nword, bad[:3]))
PY
done <"$tmp/samples"

# ---- (g) poppler said nothing about syntax while reading the samples.
while IFS='	' read -r n f; do
	[ -f "$tmp/a/$n.pdf" ] || continue
	if [ ! -s "$tmp/err/$n.poppler" ]; then
		pass "render_poppler_quiet_$n"
	else
		fail "render_poppler_quiet_$n" "$(grep -m1 . "$tmp/err/$n.poppler")"
	fi
	if grep -q 'Syntax \(Warning\|Error\)' "$tmp/err/$n.poppler"; then
		fail "render_poppler_no_syntax_warning_$n" "$(grep -m1 Syntax "$tmp/err/$n.poppler")"
	else
		pass "render_poppler_no_syntax_warning_$n"
	fi
done <"$tmp/samples"

# ---- (h) the same document from every encoding: UTF-8, UTF-16LE with
# BOM, Windows-1258 (letters the code page lacks as base + combining tone,
# as Vietnamese keyboards write them) detected and forced, NFD, CRLF.
enc=$tmp/enc
mkdir "$enc"
cp "$ROOT"/input/2020/*.csv "$enc"/ 2>/dev/null
python3 - "$plan" "$enc" "$ROOT" <<'PY' || fail render_enc_make "python failed"
import os, sys, unicodedata
src, out = sys.argv[1:3]
sys.path.insert(0, os.path.join(sys.argv[3], 'tests', 'lib'))
from vnenc import cp1258
s = open(src, encoding='utf-8').read()
w = lambda name, data: open(os.path.join(out, name), 'wb').write(data)
w('utf8.md', s.encode('utf-8'))
w('utf16.md', b'\xff\xfe' + s.encode('utf-16-le'))
w('cp1258.md', cp1258(s))
w('nfd.md', unicodedata.normalize('NFD', s).encode('utf-8'))
w('crlf.md', s.replace('\n', '\r\n').encode('utf-8'))
PY
# A sanity check of the copies: each really is in its encoding.
if [ "$(head -c 2 "$enc/utf16.md" | od -An -tx1 | tr -d ' ')" = fffe ] &&
    ! iconv -f UTF-8 -t UTF-8 "$enc/cp1258.md" >/dev/null 2>&1 &&
    ! cmp -s "$enc/nfd.md" "$enc/utf8.md" &&
    grep -q "$(printf '\r')" "$enc/crlf.md"; then
	pass render_enc_copies_made
else
	fail render_enc_copies_made "a copy is not in the encoding it should be"
fi
for v in utf8 utf16 cp1258 cp1258-f nfd crlf; do
	opt=
	src=$enc/$v.md
	case $v in cp1258-f) opt="-f cp1258"; src=$enc/cp1258.md ;; esac
	# shellcheck disable=SC2086
	SOURCE_DATE_EPOCH=$EPOCH "$render" $opt -o "$enc/$v.pdf" "$src" \
	    2>"$enc/$v.err" || { fail "render_enc_$v" "exit $?: $(head -1 "$enc/$v.err")"; continue; }
	# shellcheck disable=SC2086
	"$render" $opt --dump-layout "$src" >"$enc/$v.dump" 2>/dev/null
	pdftotext -enc UTF-8 "$enc/$v.pdf" "$enc/$v.txt" 2>/dev/null
	[ $v = utf8 ] && continue
	if [ -s "$enc/$v.txt" ] && cmp -s "$enc/utf8.txt" "$enc/$v.txt"; then
		pass "render_enc_same_text_$v"
	else
		fail "render_enc_same_text_$v" "pdftotext differs from UTF-8's"
	fi
	if [ -s "$enc/$v.dump" ] && cmp -s "$enc/utf8.dump" "$enc/$v.dump"; then
		pass "render_enc_same_dump_$v"
	else
		fail "render_enc_same_dump_$v" "$(diff "$enc/utf8.dump" "$enc/$v.dump" | sed -n 2p)"
	fi
	if cmp -s "$enc/utf8.pdf" "$enc/$v.pdf"; then
		pass "render_enc_same_pdf_$v"
	else
		fail "render_enc_same_pdf_$v" "PDF bytes differ from UTF-8's"
	fi
done
# The UTF-8 copy renders as the sample in input/ does.
if cmp -s "$enc/utf8.pdf" "$tmp/a/$pn.pdf"; then
	pass render_enc_utf8_copy_same_as_sample
else
	fail render_enc_utf8_copy_same_as_sample "PDF differs"
fi

# ---- (i) atomic output.  A failed render leaves the old output as it was
# and no temporary file; a good one into a fresh folder makes one PDF.
at=$tmp/atomic
mkdir "$at"
printf 'old output, not a PDF\n' >"$at/out.pdf"
cp "$at/out.pdf" "$at/keep"
# Bad YAML in the front matter; then a body that is not UTF-8.
printf -- '---\nloai: KẾ HOẠCH\nco_quan: [ỦY BAN\n---\n\nVăn bản.\n' >"$tmp/bad-yaml.md"
{ sed -n '1,/^---$/p' "$ROOT"/input/quyet-dinh-kiem-tra.md
  printf '\nVăn b\303n h\377ng.\n'; } >"$tmp/bad-utf8.md"
for b in bad-yaml bad-utf8; do
	"$render" -f utf-8 -o "$at/out.pdf" "$tmp/$b.md" 2>"$tmp/$b.err"
	rc=$?
	if [ $rc = 1 ] && [ -s "$tmp/$b.err" ]; then
		pass "render_${b}_exit_1_with_message"
	else
		fail "render_${b}_exit_1_with_message" "exit $rc, stderr: $(head -1 "$tmp/$b.err")"
	fi
	if cmp -s "$at/out.pdf" "$at/keep"; then
		pass "render_${b}_keeps_old_output"
	else
		fail "render_${b}_keeps_old_output" "out.pdf changed"
	fi
	left=$(cd "$at" && ls -A | grep '\.tmp\.')
	if [ -z "$left" ]; then
		pass "render_${b}_no_temp_left"
	else
		fail "render_${b}_no_temp_left" "$left"
	fi
done
fresh=$tmp/fresh
mkdir "$fresh" "$tmp/fresh-o"
cp "$ROOT"/input/cong-van-don-doc.md "$fresh/"
if "$render" "$fresh/cong-van-don-doc.md" 2>"$tmp/fresh.err" &&
    [ "$(cd "$fresh" && ls -A | tr '\n' ' ')" = "cong-van-don-doc.md cong-van-don-doc.pdf " ]; then
	pass render_default_output_one_pdf
else
	fail render_default_output_one_pdf "folder holds: $(cd "$fresh" && ls -A | tr '\n' ' ')"
fi
if "$render" -o "$tmp/fresh-o/x.pdf" "$plan" 2>"$tmp/fresh.err" &&
    [ "$(cd "$tmp/fresh-o" && ls -A)" = x.pdf ] &&
    pdfinfo "$tmp/fresh-o/x.pdf" >/dev/null 2>&1; then
	pass render_fresh_dir_one_pdf
else
	fail render_fresh_dir_one_pdf "folder holds: $(cd "$tmp/fresh-o" && ls -A | tr '\n' ' ')"
fi

# ---- (j) exit codes: 0 done, 1 bad input, 2 usage, 3 system.
ex() {	# name, expected code, args...
	name=$1 want=$2
	shift 2
	"$render" "$@" >"$tmp/ex.out" 2>"$tmp/ex.err"
	got=$?
	if [ "$got" = "$want" ]; then
		pass "render_exit_$name"
	else
		fail "render_exit_$name" "exit $got, expected $want"
	fi
}
ex help 0 -h
ex help_long 0 --help
if grep -q '^usage: vb-render' "$tmp/ex.out"; then
	pass render_help_on_stdout
else
	fail render_help_on_stdout "no usage on stdout"
fi
ex version 0 --version
ex unknown_option 2 --no-such-option "$plan"
ex unknown_short_option 2 -Z "$plan"
ex no_source 2
ex two_sources 2 "$plan" "$plan"
ex unknown_encoding 2 -f klingon "$plan"
ex missing_file 3 -o "$tmp/missing.pdf" "$tmp/no-such-file.md"
ex unwritable_output 3 -o "$tmp/no-such-dir/x.pdf" "$plan"
ex bad_input 1 -o "$tmp/bad.pdf" "$tmp/bad-yaml.md"
if [ ! -e "$tmp/bad.pdf" ] && [ ! -e "$tmp/missing.pdf" ]; then
	pass render_failed_writes_nothing
else
	fail render_failed_writes_nothing "an output appeared"
fi
exit 0
