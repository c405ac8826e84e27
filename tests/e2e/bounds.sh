#!/bin/sh
# Every display-list item lies on its page: `vb-render --dump-layout` of
# each tests/golden/*/in.md that renders (exit 0) and of inputs made to
# overflow (a long Nơi nhận, Kính gửi, agency, trích yếu, signer's name,
# tall header rows, long words, a 1 MB paragraph ...), read with awk
# (format: gen/layout/dlist.c, y down from the page's top, pt):
#   - text, mark: (x, y) inside the page box [0, W] x [0, H];
#   - rule: both ends inside it; box: its four corners inside it;
#   - text: its baseline above the bottom margin (H - 20 mm): a line
#     drawn lower is lost under the edge or sits in the margin.
# The overflow inputs that cannot be laid out (an agency or a signature
# block taller than a page) must be refused: exit 1 with an "error:" line;
# every other input must render (exit 0).
# Prints "PASS name" / "FAIL name: detail".  Environment: ROOT, BIN.
. "$(dirname "$0")/../lib/prologue.sh"
render=$BIN/vb-render

if [ ! -x "$render" ]; then
	echo "FAIL bounds: $render not built"
	exit 0
fi

# inside DUMP: prints the first item outside its page, nothing if none.
inside() {
	awk '
	function out(why) { printf "page %d: %s: %s\n", p, why, $0; bad = 1; exit }
	function pt(x, y) { return x >= -0.01 && x <= W + 0.01 && y >= -0.01 && y <= H + 0.01 }
	$1 == "page" { p = $2; split($3, a, "x"); W = a[1]; H = a[2]; next }
	$1 == "text" {
		if (!pt($2, $3)) out("text outside the page")
		if ($3 > H - 56.69 + 0.01) out("text below the bottom margin")
	}
	$1 == "mark" && !pt(0, $3) { out("bookmark outside the page") }
	$1 == "rule" && (!pt($2, $3) || !pt($4, $5)) { out("rule outside the page") }
	$1 == "box" { split($4, s, "x")
		if (!pt($2, $3) || !pt($2 + s[1], $3 + s[2])) out("box outside the page") }
	' "$1"
}

# check NAME FILE [WANT [WORDS]]: dump, then judge; WANT 1: must be
# refused with an error that contains WORDS.
check() {
	want=${3:-0}
	words=${4:-: error: }
	(cd "$(dirname "$2")" && "$render" --dump-layout "$(basename "$2")") \
	    >"$tmp/dump" 2>"$tmp/err"
	rc=$?
	if [ $rc != "$want" ]; then
		echo "FAIL bounds_$1: exit $rc, expected $want"
		head -3 "$tmp/err"
		return
	fi
	if [ $rc = 1 ]; then
		if grep ': error: ' "$tmp/err" | grep -q "$words"; then
			echo "PASS bounds_$1"
		else
			echo "FAIL bounds_$1: no error saying \"$words\""
		fi
		return
	fi
	why=$(inside "$tmp/dump")
	if [ -z "$why" ]; then
		echo "PASS bounds_$1"
	else
		echo "FAIL bounds_$1: $why"
	fi
}

# The golden cases that render.
for f in "$ROOT"/tests/golden/*/in.md; do
	[ -f "$f" ] || continue
	c=$(basename "$(dirname "$f")")
	(cd "$(dirname "$f")" && "$render" --dump-layout in.md) >/dev/null 2>&1 ||
	    continue
	check "golden_$c" "$f"
done

# Inputs made to overflow.
fm() {	# a front matter without its closing line; sed drops keys
	sed -e 's/^//' "$@" <<'FM'
---
loai: KẾ HOẠCH
co_quan: ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN
so: "1"
ky_hieu: KH-UBND
dia_danh: Điện Biên
ngay: 2020-02-03
trich_yeu: Thử trang tràn
ky: {tham_quyen: TM. ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Mùa A Sơn}
noi_nhan: [Sở Nội vụ]
luu: VT
FM
}
rep() {	# rep N STRING: STRING N times
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}
lines() {	# lines N TEXT: N YAML list lines "  - TEXT i"
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 1; i <= n; i++) print "  - " s " " i }'
}
body='Nội dung của văn bản.'

for n in 40 55 60 120 300; do
	{ fm -e '/^noi_nhan/d'; echo 'noi_nhan:'; lines $n 'Ủy ban nhân dân xã'
	  echo '---'; echo; echo "$body"; } >"$tmp/nn$n.md"
	check noi_nhan_$n "$tmp/nn$n.md"
done
{ fm -e '/^noi_nhan/d' -e '/^ky:/d'
  echo 'ky: [{chuc_vu: CHỦ TỊCH, ho_ten: A}, {chuc_vu: GIÁM ĐỐC, ho_ten: B}]'
  echo 'noi_nhan:'; lines 80 'Phòng'; echo '---'; echo; echo "$body"; } >"$tmp/joint.md"
check noi_nhan_joint_80 "$tmp/joint.md"
for n in 30 100; do
	{ fm; echo 'kinh_gui:'; lines $n 'Sở ngành'; echo '---'; echo
	  echo "$body"; } >"$tmp/kg$n.md"
	check kinh_gui_$n "$tmp/kg$n.md"
done
{ fm -e 's/^loai: .*/loai: CÔNG VĂN/' -e '/^trich_yeu/d'
  printf 'trich_yeu: '; rep 600 'đôn đốc '; echo; echo 'kinh_gui:'
  lines 60 'Sở'; echo '---'; echo; echo "$body"; } >"$tmp/cv.md"
check cong_van_long "$tmp/cv.md"
{ fm -e '/^co_quan/d'; echo 'co_quan:'; lines 100 'PHÒNG'; echo '---'; echo
  echo "$body"; } >"$tmp/cq.md"
check agency_100_lines "$tmp/cq.md" 1 \
    "the agency name has 100 lines; the letterhead cannot fit"
{ fm -e '/^trich_yeu/d'; printf 'trich_yeu: '; rep 1000 'việc '; echo
  echo '---'; echo; echo "$body"; } >"$tmp/ty.md"
check trich_yeu_5000 "$tmp/ty.md"
{ fm -e '/^ky:/d'; printf 'ky: {chuc_vu: CHỦ TỊCH, ho_ten: '; rep 1000 'Sơn '
  echo '}'; echo '---'; echo; echo "$body"; } >"$tmp/name.md"
check signer_name_long "$tmp/name.md" 1 "the signature block"
{ fm; echo 'nguoi_soan: '"$(rep 3000 'x')"; echo '---'; echo; echo "$body"; } >"$tmp/ns.md"
check nguoi_soan_long "$tmp/ns.md"
{ fm; echo '---'; echo; echo '```csv header=5 widths=1,1'
  for r in 1 2 3 4 5; do printf '"'; rep 60 'tiêu đề dài '; echo '",b'; done
  awk 'BEGIN { for (r = 1; r <= 60; r++) print r ",x" }'; echo '```'; } >"$tmp/hdr.md"
check table_tall_header "$tmp/hdr.md"
{ fm; echo '---'; echo; echo '```csv header=2 widths=1,1'
  for r in 1 2; do printf '"'; rep 25 'tiêu đề dài '; echo '",b'; done
  awk 'BEGIN { for (r = 1; r <= 120; r++) print r ",x" }'; echo '```'; } >"$tmp/hdr2.md"
check table_header_repeated "$tmp/hdr2.md"
{ fm; echo '---'; echo; echo '```csv'; echo 'a,b'; printf 'x,'; rep 3000 'chữ '
  echo; echo '```'; } >"$tmp/cell.md"
check table_cell_tall "$tmp/cell.md"
{ fm; echo '---'; echo; rep 20000 'việc làm '; echo; } >"$tmp/para.md"
check paragraph_180KB "$tmp/para.md"
{ fm; echo '---'; echo; rep 100000 'a'; echo; } >"$tmp/word.md"
check word_100KB "$tmp/word.md"
{ fm; echo '---'; echo; rep 3000 'dòng \\\n'; echo x; } >"$tmp/breaks.md"
check hard_breaks_3000 "$tmp/breaks.md"
{ fm; echo '---'; echo; awk 'BEGIN { for (i = 1; i <= 500; i++) print "# " i ". MỤC\n" }'
  } >"$tmp/heads.md"
check headings_500 "$tmp/heads.md"
{ fm; echo '---'; echo; rep 200 '<!-- annex landscape -->\n\nx\n\n'; } >"$tmp/annex.md"
check annexes_200 "$tmp/annex.md"
{ fm -e '/^co_quan/d' -e 's/^so: .*/du_thao: Dự thảo lần 2/'
  echo 'do_khan: THƯỢNG KHẨN'; echo 'co_quan_chu_quan: BỘ NỘI VỤ'
  echo 'co_quan:'; lines 35 'PHÒNG'; echo 'kinh_gui:'; lines 40 'Sở'
  echo '---'; echo; echo "$body"; } >"$tmp/cq35.md"
check agency_35_lines_draft_urgent "$tmp/cq35.md"
{ fm; printf 'kinh_gui: '; rep 1500 'Ủy ban '; echo; echo '---'; echo
  echo "$body"; } >"$tmp/kg1.md"
check kinh_gui_one_long "$tmp/kg1.md"
{ fm; echo '---'; echo; echo '```csv header=1'; echo 'STT,Nội dung'
  awk 'BEGIN { for (i = 1; i <= 2000; i++) print i ",việc " i }'
  echo '```'; } >"$tmp/rows.md"
check table_2000_rows "$tmp/rows.md"
{ fm; echo '---'; echo; echo '<!-- annex landscape -->'; echo
  echo '```csv header=3 widths=1,1,1'
  for r in 1 2 3; do printf '"'; rep 30 'tiêu đề '; echo '",b,c'; done
  awk 'BEGIN { for (r = 1; r <= 100; r++) print r ",x,y" }'; echo '```'
  } >"$tmp/hdr-land.md"
check table_tall_header_landscape "$tmp/hdr-land.md"
{ fm; echo '---'; echo; awk 'BEGIN { for (i = 0; i < 500; i++) {
	for (k = 0; k < i % 40; k++) printf "  "; print "- mục " i } }'
  } >"$tmp/indent.md"
check indented_list_500 "$tmp/indent.md"
{ fm; echo '---'; echo; rep 2000 '-> **a** <-\n\n'; } >"$tmp/center.md"
check centred_2000 "$tmp/center.md"
exit 0
