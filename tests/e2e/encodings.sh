#!/bin/sh
# The input layer end to end, through bin/vb-norm: every sample (input/,
# the seed in $SHARED/seeds, a text with every Vietnamese letter) in every
# encoding (UTF-8 with and without BOM, NFD, CRLF, CR, UTF-16LE/BE with
# BOM, Windows-1258, TCVN3), detected and forced, must give byte-identical
# NFC UTF-8 with LF; bad input gives a positioned error and exit 1; -o is
# atomic; a 100 MB file streams in constant memory.
# Files are made at test time in a temporary folder (CP1258 with Python's
# codec, TCVN3 with the table below, checked against glibc's TCVN5712-1).
# Prints "PASS name" / "FAIL name: detail".  Environment: ROOT, BIN, SHARED.
. "$(dirname "$0")/../lib/prologue.sh"
norm=$BIN/vb-norm

if [ ! -x "$norm" ] || ! command -v python3 >/dev/null 2>&1; then
	echo "FAIL encodings: $norm not built or python3 missing"
	exit 0
fi

# ---- Make the files: $tmp/manifest lines "name<TAB>file<TAB>-f ENC<TAB>want"
python3 - "$tmp" "$ROOT" "$SHARED" <<'PY' || echo "FAIL encodings_make: python failed"
import glob, os, sys, unicodedata
tmp, root, shared = sys.argv[1:4]

sys.path.insert(0, os.path.join(root, 'tests', 'lib'))
from vnenc import HIGH, LOW, TCVN, TONES, tcvn3, cp1258
open(os.path.join(tmp, 'tcvn-all.bin'), 'wb').write(
    b''.join(b'|' + bytes([b]) + b'\n' for b in list(LOW) + list(range(0x80, 0x100))))

def fit(s, enc):
    """s with every character the encoding lacks replaced by '?'."""
    if enc == 'tcvn3':
        return ''.join(c if (c in TCVN or (ord(c) < 0x80 and ord(c) not in LOW)) else '?' for c in s)
    if enc == 'cp1258':
        return ''.join(c if cp1258(c) != b'?' or c == '?' else '?' for c in s)
    return s

# Every Vietnamese letter, both cases, every tone.
letters = []
for v in 'aăâeêioôơuưy':
    for t in [''] + list(TONES):
        letters.append(unicodedata.normalize('NFC', v + t))
every = ' '.join(letters) + '\n' + ' '.join(l.upper() for l in letters) + '\nđ Đ\n'
every += 'Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n'

srcs = [('every', every)]
for p in sorted(glob.glob(os.path.join(root, 'input', '**', '*.*'), recursive=True)) + \
         sorted(glob.glob(os.path.join(root, 'tests', 'data', '*.txt'))):
    if os.path.splitext(p)[1] in ('.md', '.csv', '.txt'):
        s = open(p, encoding='utf-8', newline='').read().lstrip('\ufeff')
        srcs.append((os.path.basename(p).replace('.', '_'), s))

man = open(os.path.join(tmp, 'manifest'), 'w')
def case(name, data, flag, text):
    f = os.path.join(tmp, name)
    open(f, 'wb').write(data)
    want = unicodedata.normalize('NFC', text.replace('\r\n', '\n').replace('\r', '\n'))
    open(f + '.want', 'wb').write(want.encode('utf-8'))
    man.write('%s\t%s\t%s\t%s\n' % (name, f, flag, f + '.want'))

for name, s in srcs:
    lf = s.replace('\r\n', '\n').replace('\r', '\n')
    case(name + '.utf8', lf.encode(), '-', lf)
    case(name + '.utf8-bom', b'\xef\xbb\xbf' + lf.encode(), '-', lf)
    case(name + '.nfd', unicodedata.normalize('NFD', lf).encode(), '-', lf)
    case(name + '.crlf', lf.replace('\n', '\r\n').encode(), '-', lf)
    case(name + '.cr', lf.replace('\n', '\r').encode(), '-', lf)
    for enc in ('-', 'utf-16'):
        case(name + '.utf16le' + enc, b'\xff\xfe' + lf.replace('\n', '\r\n').encode('utf-16le'), enc, lf)
        case(name + '.utf16be' + enc, b'\xfe\xff' + lf.encode('utf-16be'), enc, lf)
    case(name + '.utf16le-nobom', lf.encode('utf-16le'), 'utf-16le', lf)
    t = fit(lf, 'cp1258')
    for enc in ('-', 'cp1258'):
        case(name + '.cp1258' + enc, cp1258(t.replace('\n', '\r\n')), enc, t)
    t = fit(lf, 'tcvn3')
    for enc in ('-', 'tcvn3'):
        case(name + '.tcvn3' + enc, tcvn3(t), enc, t)
man.close()
PY

[ -f "$tmp/manifest" ] || exit 0
tab=$(printf '\t')
while IFS="$tab" read -r name file flag want; do
	if [ "$flag" = - ]; then
		"$norm" "$file" >"$tmp/out" 2>"$tmp/err"
	else
		"$norm" -f "$flag" "$file" >"$tmp/out" 2>"$tmp/err"
	fi
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL norm_$name: exit $rc: $(head -1 "$tmp/err")"
	elif ! cmp -s "$tmp/out" "$want"; then
		echo "FAIL norm_$name: output differs: $(cmp "$tmp/out" "$want" 2>&1)"
	elif [ "$flag" = - ] && grep -q ": error:" "$tmp/err"; then
		echo "FAIL norm_$name: $(head -1 "$tmp/err")"
	else
		echo "PASS norm_$name"
	fi
done <"$tmp/manifest"

# The TCVN3 table against glibc's TCVN 5712 converter, byte by byte.
"$norm" -f tcvn3 "$tmp/tcvn-all.bin" >"$tmp/tcvn-ours" 2>"$tmp/err"
if iconv -f TCVN5712-1 -t UTF-8 "$tmp/tcvn-all.bin" >"$tmp/tcvn-glibc" 2>/dev/null &&
    python3 - "$tmp/tcvn-ours" "$tmp/tcvn-glibc" <<'PY'
import sys, unicodedata
a, b = (unicodedata.normalize('NFC', open(f, encoding='utf-8').read()) for f in sys.argv[1:3])
if a != b:
    for x, y in zip(a.split('\n'), b.split('\n')):
        if x != y: print('ours %r glibc %r' % (x, y))
    sys.exit(1)
PY
then echo "PASS tcvn3_table_matches_glibc"
else echo "FAIL tcvn3_table_matches_glibc: see above"
fi

# ---- Errors and edge cases
expect() {	# name, expected exit code, stderr pattern, vb-norm arguments...
	n=$1 want=$2 pat=$3
	shift 3
	"$norm" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne "$want" ]; then
		echo "FAIL $n: exit $rc, expected $want: $(head -1 "$tmp/err")"
	elif [ -n "$pat" ] && ! grep -q -- "$pat" "$tmp/err"; then
		echo "FAIL $n: stderr lacks \"$pat\": $(head -1 "$tmp/err")"
	else
		echo "PASS $n"
	fi
}
: >"$tmp/empty"
expect norm_empty_file 0 '' "$tmp/empty"
[ -s "$tmp/out" ] && echo "FAIL norm_empty_output: not empty" || echo "PASS norm_empty_output"
printf 'Vi\341\273\207t Nam\nH\303\240 N\341\273' >"$tmp/trunc"
expect norm_truncated_utf8 1 "trunc:2:5: error: the file ends in the middle of a UTF-8 character (byte 0xE1 at offset 16)" "$tmp/trunc"
printf 'Vi\341\273\207t Nam\nH\303\240 N\341\273\231i\nxxxxxxxxxxxxxxxx\340zz\n' >"$tmp/bad"
expect norm_bad_utf8 1 "bad:3:17: error: invalid UTF-8 byte 0xE0 at offset 37; if the file was saved as Windows-1258 or TCVN3, give -f cp1258 or -f tcvn3" "$tmp/bad"
expect norm_bad_utf8_forced 1 "bad:3:17: error: invalid UTF-8 byte 0xE0" -f utf-8 "$tmp/bad"
printf 'a\nb\357\273\277c\n' >"$tmp/bommid"
expect norm_bom_middle 0 "bommid:2:2: warning: byte order mark (U+FEFF) inside the text dropped" "$tmp/bommid"
printf 'a\nbc\n' | cmp -s - "$tmp/out" && echo "PASS norm_bom_middle_dropped" || echo "FAIL norm_bom_middle_dropped: $(od -c "$tmp/out" | head -2)"
python3 -c "import random,sys; r=random.Random(4); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(4096)))" >"$tmp/binary"
expect norm_binary 1 "error" "$tmp/binary"
head -c 2000 /bin/sh >"$tmp/elf"
expect norm_elf 1 "error" "$tmp/elf"
printf '\377\376a\000b' >"$tmp/odd16"
expect norm_utf16_odd 1 "ends in the middle of a UTF-16 character" "$tmp/odd16"
printf 'H\000\340\000' >"$tmp/u16nobom"
expect norm_utf16_no_bom 1 "NUL byte at offset 1" "$tmp/u16nobom"
expect norm_usage_bad_enc 2 'unknown encoding "latin-9"' -f latin-9 "$tmp/empty"
expect norm_usage_two_files 2 'one input file at most' "$tmp/empty" "$tmp/empty"
expect norm_missing_file 3 'cannot open' "$tmp/no-such-file"
expect norm_version 0 '' --version
grep -q "^vb-norm [0-9]" "$tmp/out" && echo "PASS norm_version_text" || echo "FAIL norm_version_text: $(cat "$tmp/out")"
expect norm_stdin_bad 1 "<stdin>:3:17: error" - <"$tmp/bad"

# -o: atomic; an error leaves the old file and no temporary file.
echo old >"$tmp/o.txt"
expect norm_o_error 1 "error" -o "$tmp/o.txt" "$tmp/bad"
if [ "$(cat "$tmp/o.txt")" = old ] && [ -z "$(ls "$tmp" | grep 'o.txt.tmp')" ]; then
	echo "PASS norm_o_error_keeps_old"
else
	echo "FAIL norm_o_error_keeps_old: $(cat "$tmp/o.txt"); $(ls "$tmp" | grep o.txt)"
fi
expect norm_o_ok 0 '' -o "$tmp/o.txt" "$tmp/bommid"
[ "$(cat "$tmp/o.txt")" = "$(printf 'a\nbc')" ] && [ ! -s "$tmp/out" ] &&
    echo "PASS norm_o_written" || echo "FAIL norm_o_written: $(cat "$tmp/o.txt")"

# ---- 100 MB of Windows-1258 with CRLF and combining tone marks, streamed.
python3 - "$tmp" "$ROOT" <<'PY'
import os, sys
tmp = sys.argv[1]
sys.path.insert(0, os.path.join(sys.argv[2], 'tests', 'lib'))
from vnenc import cp1258
line = ('Kế hoạch triển khai, thực hiện nhiệm vụ công tác Thi đua, khen thưởng '
        'trên địa bàn tỉnh Điện Biên năm 2020; Ủy ban nhân dân tỉnh Điện Biên.')
enc = cp1258(line)
unit = (bytes(enc) + b'\r\n') * 64
wunit = ((line + '\n') * 64).encode('utf-8')
n = 100 * 1024 * 1024 // len(unit) + 1
with open(os.path.join(tmp, 'big.txt'), 'wb') as f, open(os.path.join(tmp, 'big.want'), 'wb') as g:
    for _ in range(n):
        f.write(unit)
        g.write(wunit)
PY
python3 - "$norm" "$tmp" <<'PY'
import resource, subprocess, sys, time, os
norm, tmp = sys.argv[1:3]
size = os.path.getsize(os.path.join(tmp, 'big.txt'))
t0 = time.time()
r = subprocess.run([norm, '-f', 'cp1258', '-o', os.path.join(tmp, 'big.out'),
                    os.path.join(tmp, 'big.txt')], stderr=subprocess.PIPE)
dt = time.time() - t0
rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
same = subprocess.run(['cmp', '-s', os.path.join(tmp, 'big.out'),
                       os.path.join(tmp, 'big.want')]).returncode == 0
print('info: %d MB in %.1f s, max RSS %d KB' % (size >> 20, dt, rss_kb))
if r.returncode != 0 or not same:
    print('FAIL norm_100mb_output: exit %d, same %s %s' % (r.returncode, same, r.stderr[:200]))
else:
    print('PASS norm_100mb_output')
if os.environ.get('VB_SANITIZED'):
    print('info: memory bound not checked under sanitizers (shadow memory)')
    sys.exit(0)
print(('PASS' if rss_kb < 32 * 1024 else 'FAIL') + ' norm_100mb_constant_memory' +
      ('' if rss_kb < 32 * 1024 else ': max RSS %d KB' % rss_kb))
PY
rm -f "$tmp"/big.*
exit 0
