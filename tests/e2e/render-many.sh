#!/bin/sh
# vb-render with several sources in one run (issue 16, "Batch"): the same
# bytes as rendering each source alone, whatever -j; -d DIR; the outputs
# beside the sources by default; the usage errors (-o, -, --dump-layout
# with several sources; two sources with one output; an output that is a
# source); a bad source among good ones (every error named with its
# file:line, in the order of the sources, exit 1, the good ones written,
# the bad one not, its old output left alone); a missing source (exit 3,
# the others written); more sources than one chunk of the run.
# Everything is written in a temporary folder, removed at exit.
# Prints "PASS name" / "FAIL name: detail".  Environment: ROOT, BIN.
PREFIX=many
. "$(dirname "$0")/../lib/prologue.sh"
render=$BIN/vb-render

# check NAME COMMAND...: PASS when the command succeeds, else FAIL with
# the first lines of $tmp/err.  A condition of several tests is given as
# COMMAND = ok after them: "[ a ] && [ b ]; check NAME ok".
check() {
	_st=$?
	_name=$1
	shift
	if [ "$1" = ok ]; then
		[ $_st -eq 0 ]
	else
		"$@"
	fi
	if [ $? -eq 0 ]; then
		pass "$_name"
	else
		fail "$_name" "$(head -3 "$tmp/err" 2>/dev/null | tr '\n' ' ')"
	fi
}
# same DIR1 DIR2 NAME...: each NAME is in both folders, byte for byte.
same() {
	a=$1 b=$2
	shift 2
	for f in "$@"; do
		[ -s "$a/$f" ] && cmp -s "$a/$f" "$b/$f" || return 1
	done
}

if [ ! -x "$render" ]; then
	fail built "$render is not built"
	exit 0
fi

# The samples, with the plan's CSV table beside it (file= is read from
# the folder of the source), and a bad source whose errors are known:
# an unknown key on line 2 and a missing key.
mkdir -p "$tmp/src"
cp "$ROOT"/input/*.md "$ROOT/input/2020/ke-hoach.md" "$ROOT/input/2020/nhiem-vu.csv" \
    "$tmp/src/"
cd "$tmp/src" || exit 0
names="bao-cao-so-ket cong-van-don-doc ke-hoach quyet-dinh-kiem-tra"
{
	echo '---'
	echo 'ngay_ky: 2020-01-01'
	sed -n '2,$p' quyet-dinh-kiem-tra.md | grep -v '^co_quan:'
} >xau.md

# Each alone: the reference.
mkdir "$tmp/alone"
for s in $names; do
	"$render" -o "$tmp/alone/$s.pdf" "$s.md" 2>>"$tmp/err" || fail alone "$s: exit $?"
	"$render" --to docx -o "$tmp/alone/$s.docx" "$s.md" 2>>"$tmp/err"
done

# ---- Several sources, -d DIR (made when missing), -j 1 and -j 2.
for j in 1 2; do
	"$render" -j $j -q -d "$tmp/d$j" bao-cao-so-ket.md cong-van-don-doc.md \
	    ke-hoach.md quyet-dinh-kiem-tra.md >"$tmp/out$j" 2>"$tmp/err$j"
	rc=$?
	cp "$tmp/err$j" "$tmp/err"
	check "dir_j${j}_exit" [ $rc -eq 0 ]
	[ ! -s "$tmp/err$j" ] && [ ! -s "$tmp/out$j" ]; check "dir_j${j}_quiet" ok
	# shellcheck disable=SC2046
	check "dir_j${j}_same_as_alone" same "$tmp/alone" "$tmp/d$j" \
	    $(for s in $names; do echo "$s.pdf"; done)
	n=$(ls "$tmp/d$j" | wc -l)
	check "dir_j${j}_only_outputs" [ "$n" -eq 4 ]
done
# DOCX too.
"$render" -j 2 --to docx -d "$tmp/x" ke-hoach.md quyet-dinh-kiem-tra.md 2>"$tmp/err"
check docx_same_as_alone same "$tmp/alone" "$tmp/x" ke-hoach.docx quyet-dinh-kiem-tra.docx

# ---- Beside the sources by default.
mkdir "$tmp/b"
cp quyet-dinh-kiem-tra.md cong-van-don-doc.md "$tmp/b/"
"$render" -j 2 "$tmp/b/quyet-dinh-kiem-tra.md" "$tmp/b/cong-van-don-doc.md" 2>"$tmp/err"
[ $? -eq 0 ]; check beside_exit ok
check beside_same_as_alone same "$tmp/alone" "$tmp/b" quyet-dinh-kiem-tra.pdf cong-van-don-doc.pdf

# ---- Usage errors: exit 2, a message saying why, nothing written.
usage_case() {	# usage_case NAME WORD-IN-MESSAGE ARGS...
	n=$1 w=$2
	shift 2
	rm -rf "$tmp/u"
	mkdir "$tmp/u"
	(cd "$tmp/u" && cp "$tmp/src/quyet-dinh-kiem-tra.md" a.md &&
	    cp a.md b.md && "$render" "$@" >out 2>"$tmp/err" </dev/null)
	rc=$?
	left=$(cd "$tmp/u" && ls | grep -v '^a\.md$\|^b\.md$\|^out$' | tr '\n' ' ')
	if [ $rc -eq 2 ] && grep -q -- "$w" "$tmp/err" && [ -z "$left" ]; then
		pass "usage_$n"
	else
		fail "usage_$n" "exit $rc, written: '$left', $(head -2 "$tmp/err" | tr '\n' ' ')"
	fi
}
usage_case o_with_several "-o names one output" -o x.pdf a.md b.md
usage_case stdin_with_others "standard input" a.md - b.md
usage_case stdin_with_d "standard input" -d out -
usage_case dump_with_several "dump-layout takes one source" --dump-layout a.md b.md
usage_case o_and_d "exclude each other" -o x.pdf -d out a.md
usage_case same_source_twice "would both be written to ./a.pdf" a.md ./a.md b.md
usage_case same_name_under_d "would both be written to out/a.pdf" -d out a.md sub/../a.md
# Sources "a" and "a.pdf": the output of "a" is the other source.
rm -rf "$tmp/u" && mkdir "$tmp/u"
cp quyet-dinh-kiem-tra.md "$tmp/u/a"
cp quyet-dinh-kiem-tra.md "$tmp/u/a.pdf"
(cd "$tmp/u" && "$render" a a.pdf 2>"$tmp/err")
[ $? -eq 2 ] && cmp -s "$tmp/u/a.pdf" quyet-dinh-kiem-tra.md && [ ! -e "$tmp/u/a.pdf.pdf" ] &&
    grep -q '^a.pdf: error: the output of a would replace the source a.pdf' "$tmp/err"
check usage_output_is_a_source ok
usage_case jobs_zero "not a number of jobs" -j 0 a.md b.md
# The two sources of one name from different folders under -d (the
# folders exist, so this is the folders' identity, not the spelling).
rm -rf "$tmp/u" && mkdir -p "$tmp/u/x" "$tmp/u/y"
cp quyet-dinh-kiem-tra.md "$tmp/u/x/a.md"
cp quyet-dinh-kiem-tra.md "$tmp/u/y/a.md"
(cd "$tmp/u" && "$render" -d out x/a.md y/a.md 2>"$tmp/err")
rc=$?
[ $rc -eq 2 ] && [ ! -e "$tmp/u/out" ] &&
    grep -q '^y/a.md: error: this source and x/a.md would both be written to out/a.pdf' "$tmp/err"
check usage_same_basename_under_d ok
# The same two, beside their sources: two outputs, no collision.
(cd "$tmp/u" && "$render" x/a.md y/a.md 2>"$tmp/err")
[ $? -eq 0 ] && [ -s "$tmp/u/x/a.pdf" ] && [ -s "$tmp/u/y/a.pdf" ]; check beside_same_basename ok

# ---- A bad source among good ones: the good ones written, the bad one
# named (file:line) and not written, its old output left alone, exit 1;
# the messages in the order of the sources, the same for -j 1 and -j 2
# (ke-hoach.md, the longest, goes first to a worker: the order of the
# messages is not the order of the work).
for j in 1 2; do
	rm -rf "$tmp/m$j"
	mkdir "$tmp/m$j"
	echo "old" >"$tmp/m$j/xau.pdf"
	"$render" -j $j -d "$tmp/m$j" quyet-dinh-kiem-tra.md xau.md ke-hoach.md \
	    >/dev/null 2>"$tmp/bad$j"
	echo $? >"$tmp/rc$j"
done
cp "$tmp/bad2" "$tmp/err"
[ "$(cat "$tmp/rc1")" = 1 ] && [ "$(cat "$tmp/rc2")" = 1 ]; check bad_exit_1 ok
check bad_file_line grep -q '^xau\.md:2:1: error: unknown key .ngay_ky.' "$tmp/bad2"
check bad_missing_key grep -q "^xau\.md:.*error: missing key 'co_quan'" "$tmp/bad2"
check bad_only_the_bad_named [ "$(grep -c 'error:' "$tmp/bad2")" -eq "$(grep -c '^xau\.md:' "$tmp/bad2")" ]
check bad_summary grep -q '^vb-render: 2 errors, 0 warnings$' "$tmp/bad2"
check bad_good_written same "$tmp/alone" "$tmp/m2" quyet-dinh-kiem-tra.pdf ke-hoach.pdf
[ "$(cat "$tmp/m2/xau.pdf")" = old ] && [ "$(ls "$tmp/m2" | wc -l)" -eq 3 ]; check bad_old_output_kept ok
check bad_j1_j2_same cmp -s "$tmp/bad1" "$tmp/bad2"
check bad_j1_j2_same_outputs same "$tmp/m1" "$tmp/m2" quyet-dinh-kiem-tra.pdf ke-hoach.pdf xau.pdf
# Two bad sources around good ones, -j 2: the messages of the first bad
# one come before those of the second, whatever worker renders them.
cp xau.md xau2.md
"$render" -j 2 -d "$tmp/m3" xau2.md ke-hoach.md quyet-dinh-kiem-tra.md xau.md 2>"$tmp/err"
order=$(grep -o '^xau2*\.md' "$tmp/err" | uniq | tr '\n' ' ')
check bad_messages_in_source_order [ "$order" = "xau2.md xau.md " ]

# ---- A source that cannot be read: named, exit 3, the others written.
"$render" -j 2 -d "$tmp/m4" quyet-dinh-kiem-tra.md khong-co.md cong-van-don-doc.md 2>"$tmp/err"
rc=$?
[ $rc -eq 3 ] && grep -q '^khong-co\.md: error: cannot open' "$tmp/err"; check missing_exit_3 ok
check missing_others_written same "$tmp/alone" "$tmp/m4" quyet-dinh-kiem-tra.pdf cong-van-don-doc.pdf

# ---- More sources than a chunk (128 a worker): the outputs of the
# second chunk too, and every output there.
mkdir "$tmp/many"
i=1
while [ $i -le 131 ]; do
	cp cong-van-don-doc.md "$tmp/many/cv-$i.md"
	i=$((i + 1))
done
(cd "$tmp/many" && "$render" -j 1 -q -d ../many-out cv-*.md 2>"$tmp/err")
rc=$?
n=$(ls "$tmp/many-out" | grep -c '\.pdf$')
[ $rc -eq 0 ] && [ "$n" -eq 131 ]; check chunks_all_written ok
check chunks_same_as_alone cmp -s "$tmp/alone/cong-van-don-doc.pdf" "$tmp/many-out/cv-131.pdf"
exit 0
