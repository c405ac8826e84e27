#!/bin/sh
# Pathological inputs to vb-render (style.md: cap nesting depth, time the
# pathological inputs): each must finish within a time limit with exit 0
# (rendered) or 1 (bad input, messages) and never crash: a signal (exit
# >= 128) or the timeout (124, a hang) is a FAIL.  The limit is 20 s
# (60 s when VB_SANITIZED is set, as by `make asan`; VB_PATH_TIMEOUT
# overrides); there is no other timing threshold: each case's time is
# printed as an "info" line.
# Files are made at test time with awk in a temporary folder.
# Prints "PASS name" / "FAIL name: detail".  Environment: ROOT, BIN.
. "$(dirname "$0")/../lib/prologue.sh"
render=$BIN/vb-render
if [ -n "$VB_PATH_TIMEOUT" ]; then
	limit=$VB_PATH_TIMEOUT
elif [ -n "$VB_SANITIZED" ]; then
	limit=60
else
	limit=20
fi

if [ ! -x "$render" ] || ! command -v timeout >/dev/null 2>&1; then
	echo "FAIL pathological: $render not built or timeout(1) missing"
	exit 0
fi

# A valid front matter; the body follows.
fm() {
	cat <<'FM'
---
loai: KẾ HOẠCH
co_quan: ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN
so: "1"
ky_hieu: KH-UBND
dia_danh: Điện Biên
ngay: 2020-02-03
trich_yeu: Thử đầu vào bệnh lý
ky: {tham_quyen: TM. ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Mùa A Sơn}
noi_nhan: [Như trên]
luu: VT
---

FM
}

# rep N STRING: STRING N times (awk; no newline added).
rep() {
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

now() { date +%s.%N 2>/dev/null || date +%s; }

# check NAME FILE [vb-render options]: run, judge, time.
check() {
	name=pathological_$1
	f=$2
	shift 2
	t0=$(now)
	timeout "$limit" "$render" "$@" -o "$tmp/out.pdf" "$f" \
	    >"$tmp/stdout" 2>"$tmp/stderr"
	rc=$?
	t1=$(now)
	secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
	size=$(wc -c <"$f" | tr -d ' ')
	nerr=$(grep -c ': error: ' "$tmp/stderr")
	echo "info $name: ${secs} s, exit $rc, input $size bytes, $nerr error line(s)"
	[ "$rc" = 1 ] && echo "info $name: $(head -1 "$tmp/stderr" | cut -c1-160)"
	case $rc in
	0|1)	echo "PASS $name" ;;
	124)	echo "FAIL $name: no result within ${limit} s (hang?)" ;;
	*)	if [ "$rc" -ge 128 ]; then
			echo "FAIL $name: killed by signal $((rc - 128))"
		else
			echo "FAIL $name: exit $rc"
		fi
		head -5 "$tmp/stderr" ;;
	esac
	rm -f "$tmp/out.pdf"
}

# ---- Nesting
{ fm; rep 10000 '- '; echo 'mục'; } >"$tmp/list.md"
check nested_lists_10000 "$tmp/list.md"
{ fm; rep 10000 '1. '; echo 'mục'; } >"$tmp/olist.md"
check nested_ordered_lists_10000 "$tmp/olist.md"
{ fm; rep 10000 '> '; echo 'trích'; } >"$tmp/quote.md"
check nested_quotes_10000 "$tmp/quote.md"
{ fm; rep 5000 '> - '; echo 'trộn'; } >"$tmp/mixed.md"
check nested_quote_list_5000 "$tmp/mixed.md"
{ fm; awk 'BEGIN { for (i = 0; i < 2000; i++) {
	for (k = 0; k < i; k++) printf "  "; print "- mục " i } }'; } >"$tmp/indent.md"
check indented_list_2000 "$tmp/indent.md"

# ---- Emphasis
{ fm; rep 50000 '*'; echo 'chữ'; } >"$tmp/stars.md"
check star_run_50000 "$tmp/stars.md"
{ fm; rep 50000 '*a '; echo; } >"$tmp/openers.md"
check emphasis_openers_50000 "$tmp/openers.md"
{ fm; rep 25000 '**a *b '; echo; } >"$tmp/openers2.md"
check strong_em_openers_50000 "$tmp/openers2.md"
{ fm; rep 25000 '*'; echo 'chữ'; rep 25000 '*'; echo; } >"$tmp/balanced.md"
check emphasis_nested_25000 "$tmp/balanced.md"

# ---- Size
{ fm; rep 90000 'việc làm '; echo; } >"$tmp/para.md"
check paragraph_1MB "$tmp/para.md"
{ fm; rep 1000000 'a'; echo; } >"$tmp/word.md"
check word_1MB "$tmp/word.md"
{ fm; rep 333333 'ệ'; echo; } >"$tmp/word-vn.md"
check word_vietnamese_1MB "$tmp/word-vn.md"
{ fm; rep 100000 'dòng \\\n'; echo x; } >"$tmp/breaks.md"
check hard_breaks_100000 "$tmp/breaks.md"
{ fm; awk 'BEGIN { for (i = 1; i <= 5000; i++) print "# " i ". MỤC\n" }'; } >"$tmp/heads.md"
check headings_5000 "$tmp/heads.md"
{ fm; awk 'BEGIN { for (i = 1; i <= 5000; i++) print "## " i "\n\n### a)\n" }'; } >"$tmp/heads2.md"
check headings_only_10000 "$tmp/heads2.md"
{ fm; rep 10000 '<!-- pagebreak -->\n\n'; } >"$tmp/pb.md"
check pagebreaks_10000 "$tmp/pb.md"
{ fm; rep 2000 '<!-- annex landscape -->\n\nx\n\n'; } >"$tmp/annex.md"
check annexes_2000 "$tmp/annex.md"
{ fm; rep 20000 '-> **a** <-\n\n'; } >"$tmp/center.md"
check centred_20000 "$tmp/center.md"

# ---- Tables
{ fm; echo '```csv'
  awk 'BEGIN { for (i = 1; i <= 2000; i++) printf "%s%d", (i > 1 ? "," : ""), i
	print ""; for (i = 1; i <= 2000; i++) printf "%sx", (i > 1 ? "," : "")
	print "" }'
  echo '```'; } >"$tmp/cols.md"
check table_2000_columns "$tmp/cols.md"
{ fm; echo '```csv widths=1,1'; echo 'a,b'
  printf '"'; rep 50000 '""'; printf '",x\n'; echo '```'; } >"$tmp/quotes.md"
check csv_field_100000_quotes "$tmp/quotes.md"
{ fm; echo '```csv'; echo 'a,b'
  rep 100000 '"'; printf ',x\n'; echo '```'; } >"$tmp/quotes-odd.md"
check csv_100000_bare_quotes "$tmp/quotes-odd.md"
{ fm; echo '```csv'; echo 'STT,Nội dung'
  awk 'BEGIN { for (i = 1; i <= 20000; i++) print i ",việc " i }'
  echo '```'; } >"$tmp/rows.md"
check table_20000_rows "$tmp/rows.md"
{ fm; echo '```csv header=1'; echo 'a,b'
  printf 'x,'; rep 50000 'chữ '; echo; echo '```'; } >"$tmp/cell.md"
check table_cell_250KB "$tmp/cell.md"
{ fm; echo '```csv'; echo 'a,b'
  printf 'x,'; rep 100000 '*'; echo 'y'; echo '```'; } >"$tmp/cellstars.md"
check table_cell_100000_stars "$tmp/cellstars.md"

# ---- Front matter
{ echo '---'; awk 'BEGIN { for (i = 0; i < 10000; i++) print "k" i ": v" }'
  echo '---'; echo x; } >"$tmp/keys.md"
check front_matter_10000_unknown_keys "$tmp/keys.md"
{ fm | sed '$d' | sed '$d'; awk 'BEGIN { for (i = 0; i < 10000; i++) print "luu: VT" i }'
  echo '---'; echo x; } >"$tmp/dupkeys.md"
check front_matter_10000_repeated_keys "$tmp/dupkeys.md"
{ fm | sed '/^noi_nhan/d' | sed '$d' | sed '$d'; printf 'noi_nhan: '; rep 10000 '['
  rep 10000 ']'; echo; echo '---'; echo x; } >"$tmp/flow.md"
check yaml_flow_sequences_10000 "$tmp/flow.md"
{ fm | sed '/^ky:/d' | sed '$d' | sed '$d'; printf 'ky: '; rep 10000 '{a: '
  rep 10000 '}'; echo; echo '---'; echo x; } >"$tmp/flowmap.md"
check yaml_flow_mappings_10000 "$tmp/flowmap.md"
{ fm | sed '/^noi_nhan/d' | sed '$d' | sed '$d'; echo 'noi_nhan:'
  awk 'BEGIN { for (i = 0; i < 3000; i++) { for (k = 0; k < i; k++) printf " "; print "- " } }'
  echo '---'; echo x; } >"$tmp/blockseq.md"
check yaml_block_sequences_3000 "$tmp/blockseq.md"
{ fm | sed '$d' | sed '$d'; fm | sed '1d' | sed '$d' | sed '$d'
  echo 'ky: [{chuc_vu: A, ho_ten: B}, {chuc_vu: C, ho_ten: D}]'
  echo 'ky: [{chuc_vu: A, ho_ten: B}, {chuc_vu: C, ho_ten: D}]'; echo '---'; echo x; } >"$tmp/twice.md"
check front_matter_every_key_twice "$tmp/twice.md"
{ fm | sed '/^noi_nhan/d' | sed '$d' | sed '$d'; printf 'noi_nhan: ['
  rep 100000 'x, '; echo 'y]'; echo '---'; echo x; } >"$tmp/bigseq.md"
check yaml_noi_nhan_100000 "$tmp/bigseq.md"
{ fm | sed '$d' | sed '$d'; echo 'a: &a [x, x, x, x, x, x, x, x, x]'
  for k in b c d e f g h i; do p=$(printf %s "$k" | tr 'b-i' 'a-h')
	echo "$k: &$k [*$p, *$p, *$p, *$p, *$p, *$p, *$p, *$p, *$p]"; done
  echo 'noi_nhan: *i'; echo '---'; echo x; } >"$tmp/billion.md"
check yaml_alias_expansion "$tmp/billion.md"

# ---- Bytes
head -c 1000000 /dev/zero >"$tmp/nul.md"
check nul_bytes_1MB "$tmp/nul.md"
: >"$tmp/empty.md"
check empty_file "$tmp/empty.md"
{ fm; head -c 100000 /dev/zero; } >"$tmp/nulbody.md"
check nul_bytes_in_body "$tmp/nulbody.md"
if command -v iconv >/dev/null 2>&1; then
	{ printf '\377\376'; { fm; rep 200000 'x '; echo; } |
	    iconv -f utf-8 -t utf-16le; } >"$tmp/u16.md"
	check utf16_paragraph_800KB "$tmp/u16.md"
fi
{ fm; rep 100000 '&#1;&#x10FFFF;&amp;'; echo; } >"$tmp/entities.md"
check entities_100000 "$tmp/entities.md"
{ fm; rep 200000 'a\314\201'; echo; } >"$tmp/nfd.md"
check combining_marks_200000 "$tmp/nfd.md"

# The same front matter through the layout dump.
check dump_paragraph_1MB "$tmp/para.md" --dump-layout

# ---- Memory of one long word (layout/break.c): a word wider than a line
# was cut into one box and one break per character, some 370 bytes per
# byte of text (5 MB -> 1.86 GB).  A 2 MB word in the body, in a table
# cell and in nguoi_soan must now render within 200 MB of address space
# (the old code ran out of memory: exit 1, or dropped the line), with the
# word in the layout (nguoi_soan: 65,000 bytes, its limit).  Not under the sanitizers, which reserve far more
# address space than they use.
memcheck() {	# memcheck NAME FILE WORD: WORD must be in the layout
	if [ -n "$VB_SANITIZED" ]; then
		echo "info pathological_memory_$1: skipped under the sanitizers"
		return
	fi
	(ulimit -v 200000 2>/dev/null || exit 99
	 timeout "$limit" "$render" --dump-layout "$2" >"$tmp/stdout" \
	    2>"$tmp/stderr")
	rc=$?
	case $rc in
	0)	if grep -q "$3" "$tmp/stdout"; then
			echo "PASS pathological_memory_$1"
		else
			echo "FAIL pathological_memory_$1: $3 is not in the layout"
		fi ;;
	99)	echo "info pathological_memory_$1: ulimit -v unsupported, skipped" ;;
	*)	echo "FAIL pathological_memory_$1: exit $rc within 200 MB"
		head -2 "$tmp/stderr" ;;
	esac
}
{ fm; rep 2000000 'a'; echo; } >"$tmp/word2.md"
memcheck word_2MB_body "$tmp/word2.md" aaaaaaaaaa
{ fm; echo '```csv'; echo 'a,b'; printf 'x,'; rep 2000000 'y'; echo
  echo '```'; } >"$tmp/cellword.md"
memcheck word_2MB_table_cell "$tmp/cellword.md" yyyyyyyyyy
# nguoi_soan is a front-matter value: at most 65535 bytes (DOC_MAX_STRING,
# refused above that at its line), so its longest word.
{ fm | sed '$d' | sed '$d'; printf 'nguoi_soan: '; rep 65000 'x'; echo
  echo '---'; echo x; } >"$tmp/nsword.md"
memcheck word_65KB_nguoi_soan "$tmp/nsword.md" xxxxxxxxxx

# ---- Hardening (parser): crashes and limits found after the cases above.
# growth NAME SMALL BIG [options]: BIG holds 4 times the input of SMALL;
# it must cost less than 6 times the CPU time (best of three runs each), so a
# quadratic step fails (16x) whatever the machine's speed; each run must
# also pass as check does (exit 0 or 1, no signal, no hang).
# The CPU time (user + system) of the run, not the wall clock: other
# processes on the machine then do not skew the ratio.
cpu_run() {
	python3 - "$@" <<'PY'
import resource, subprocess, sys
r = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%d %.3f" % (r, u.ru_utime + u.ru_stime))
PY
}
best() {
	b=
	for _ in 1 2 3; do
		out=$(cpu_run timeout "$limit" "$render" "$@" -o "$tmp/out.pdf")
		rc=${out% *}
		t=${out#* }
		[ "$rc" -gt 1 ] && { echo "rc$rc"; return; }
		b=$(awk -v t="$t" -v b="$b" 'BEGIN {
			if (b == "" || t < b) b = t; printf "%.3f", b }')
	done
	echo "$b"
}
growth() {
	name=pathological_$1
	small=$2
	big=$3
	shift 3
	ts=$(best "$@" "$small")
	tb=$(best "$@" "$big")
	case "$ts$tb" in
	*rc*)	echo "FAIL $name: a run ended with exit $(echo "$ts $tb" |
		    sed 's/[0-9.]* *//; s/rc//g') (crash or hang)"
		return ;;
	esac
	ratio=$(awk -v s="$ts" -v b="$tb" 'BEGIN {
		if (s < 0.05) s = 0.05; printf "%.2f", b / s }')
	echo "info $name: ${ts} s, 4x input ${tb} s, ratio $ratio"
	if awk -v r="$ratio" 'BEGIN { exit !(r < 6) }'; then
		echo "PASS $name"
	else
		echo "FAIL $name: 4x the input costs ${ratio}x the time (limit 6x)"
	fi
}

# Block quotes nested 300,000 deep (300 KB) overflowed the C stack of the
# body walk (a segfault); the walk keeps its own stack now.
{ fm; rep 300000 '> '; echo 'trích'; } >"$tmp/quote300k.md"
check nested_quotes_300000 "$tmp/quote300k.md"
{ fm; rep 100000 '> - '; echo 'trộn'; } >"$tmp/quotelist100k.md"
check nested_quote_list_100000 "$tmp/quotelist100k.md"
{ fm; rep 75000 '> '; echo 'trích'; } >"$tmp/q75k.md"
growth nested_quotes_growth "$tmp/q75k.md" "$tmp/quote300k.md" --dump-layout

# A paragraph of soft line breaks (one word a line): 1.25 MB and 5 MB.
{ fm; rep 105000 'việc làm\n'; } >"$tmp/soft1.md"
{ fm; rep 420000 'việc làm\n'; } >"$tmp/soft4.md"
growth soft_breaks_paragraph "$tmp/soft1.md" "$tmp/soft4.md" --dump-layout
# YAML nesting: libyaml is quadratic in the depth (80 s for 100,000
# levels); the front matter stops at 64 levels before loading.
{ fm | sed '/^noi_nhan/d' | sed '$d' | sed '$d'; printf 'noi_nhan: '
  rep 25000 '['; rep 25000 ']'; echo; echo '---'; echo x; } >"$tmp/yflow25k.md"
{ fm | sed '/^noi_nhan/d' | sed '$d' | sed '$d'; printf 'noi_nhan: '
  rep 100000 '['; rep 100000 ']'; echo; echo '---'; echo x; } >"$tmp/yflow100k.md"
growth yaml_flow_depth_growth "$tmp/yflow25k.md" "$tmp/yflow100k.md"
# YAML aliases: 100 KB that stood for 100 MB of noi_nhan.
{ fm | sed '/^noi_nhan/d' | sed '$d' | sed '$d'; printf 'x: &a '; rep 10000 'Như trên '
  echo; printf 'noi_nhan: ['; rep 2000 '*a, '; echo '*a]'; echo '---'; echo x; } >"$tmp/yalias.md"
check yaml_alias_100MB "$tmp/yalias.md"
exit 0
