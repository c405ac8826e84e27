#!/bin/sh
# End to end: a whole year of vb-baocao for a province that is not the
# samples' (tests/e2e/baocao-nam/: Quảng Trị, six units, its own plan,
# config and awards register), from the forms the tool itself writes:
#   --khoi-tao, then a final run refused on its "…";
#   Q1 forms (.xlsx) -> filled -> Q1 reports;
#   Q2 forms with Q1's unfinished tasks carried -> filled (one unit
#   silent: no report, the reminder) -> Q2 reports, and 6T from Q1 + Q2;
#   Q3 forms as CSV (--mau-csv) carried from Q1 + Q2 -> Q3; Q4 -> NAM.
# Checks: who is asked what (roles), the carry, the latest period's row
# winning, late completions, the awards of each period, titles, no
# placeholder, no "…" left, every PDF against nd30-check.
# Prints PASS/FAIL/SKIP lines (tests/run.sh counts them).
PREFIX=baocao-nam
SEP=' '
. "$(dirname "$0")/../lib/prologue.sh"
F=$ROOT/tests/e2e/baocao-nam
# KEEP=DIR: the outputs are written there and kept.
[ -n "$KEEP" ] && { rmdir "$tmp"; tmp=$KEEP; mkdir -p "$tmp"; trap - EXIT; }
export SOURCE_DATE_EPOCH=1798761600

check() {	# check NAME CONDITION-COMMAND...: PASS or FAIL with its output
	n=$1; shift
	if out=$("$@" 2>&1); then pass "$n"; else fail "$n" "$(echo "$out" | head -3)"; fi
}
bc() { "$BIN/vb-baocao" --templates "$ROOT/templates" --nam 2026 \
	--don-vi "$F/don-vi.csv" "$@"; }
rep() { bc --config "$F/bao-cao.yaml" --khen-thuong "$F/so-dang-ky.csv" "$@"; }
fill() {	# fill FORM JSON
	printf '%s' "$2" >"$tmp/spec.json"
	python3 "$F/dien.py" "$1" "$tmp/spec.json" || fail "fill $(basename "$1")" "dien.py failed"
}
has() { grep -q -- "$2" "$1" || { echo "$1: no \"$2\""; return 1; }; }
hasnt() { ! grep -q -- "$2" "$1" || { echo "$1: \"$2\" is there"; return 1; }; }

# --- A config to start from, and a final report refused on its "…".
bc --khoi-tao "$tmp/cfg" 2>/dev/null
check khoi-tao has "$tmp/cfg/bao-cao.yaml" 'ke_hoach: "…"'
bc --khoi-tao "$tmp/cfg" 2>"$tmp/err"
check khoi-tao-no-overwrite test $? = 1
printf 'don_vi,nhiem_vu,trang_thai\nSở Nội vụ,I.1,Hoàn thành\n' >"$tmp/p.csv"
bc -q --config "$tmp/cfg/bao-cao.yaml" --ky Q1 -d "$tmp/refused" \
	"$F/nhiem-vu.csv" "$tmp/p.csv" 2>"$tmp/err"
rc=$?
n=$(grep -c 'error: .* is "…"' "$tmp/err")
[ $rc = 1 ] && [ "$n" = 6 ] && [ ! -d "$tmp/refused" ] && pass refused-ellipsis ||
	fail refused-ellipsis "exit $rc, $n messages: $(head -2 "$tmp/err")"
bc -q --du-thao --config "$tmp/cfg/bao-cao.yaml" --ky Q1 -d "$tmp/draft" \
	"$F/nhiem-vu.csv" "$tmp/p.csv" 2>"$tmp/err"
rc=$?
n=$(grep -c 'warning: draft: .* is still "…"' "$tmp/err")
[ $rc = 0 ] && [ "$n" = 6 ] && pass draft-warns || fail draft-warns "exit $rc, $n warnings"

# --- Q1: the forms (.xlsx), by role.
bc -q --mau --ky Q1 -d "$tmp/m1" "$F/nhiem-vu.csv" 2>"$tmp/err" ||
	fail mau-q1 "$(head -2 "$tmp/err")"
n=$(ls "$tmp/m1"/*-q1.xlsx 2>/dev/null | wc -l)
[ "$n" = 6 ] && pass mau-q1-files || fail mau-q1-files "$n forms"
# The same workbook again, byte for byte (SOURCE_DATE_EPOCH is its date).
bc -q --mau --ky Q1 -d "$tmp/m1b" "$F/nhiem-vu.csv" 2>/dev/null
check mau-reproducible cmp "$tmp/m1/so-noi-vu-q1.xlsx" "$tmp/m1b/so-noi-vu-q1.xlsx"
D="Sở Nội vụ"
fill "$tmp/m1/so-noi-vu-q1.xlsx" '{"I.1":["Hoàn thành","20/03/2026","Kế hoạch số 15/KH-UBND"],
 "I.2":["Hoàn thành","15/02/2026","Chỉ thị số 02/CT-UBND"],
 "I.3":["Đang thực hiện","","Đang tổng hợp đăng ký của các đơn vị"],
 "V.1":["Đang thực hiện","","Đã đăng 12 tin bài"],"V.2":["Hoàn thành","31/03/2026",""],
 "Ưu điểm":["","","Ban hành kế hoạch kịp thời\n- Phối hợp chặt chẽ với các sở"],
 "Tồn tại, hạn chế":["","","Tổng hợp đăng ký thi đua còn chậm"],
 "Nguyên nhân":["","","Một số đơn vị gửi đăng ký muộn"],
 "Phương hướng":["","","Hoàn thành tổng hợp đăng ký thi đua trong tháng 4"],
 "Đề xuất, kiến nghị":["","","Đề nghị UBND tỉnh bổ sung kinh phí Quỹ thi đua"]}'
fill "$tmp/m1/so-tai-chinh-q1.xlsx" '{"I.1":["HT","10/03/2026","Đã góp ý"],"I.2":["Hoàn thành","20/02/2026",""],
 "I.3":["Hoàn thành","25/03/2026",""],"V.1":["Hoàn thành","30/03/2026",""],"V.2":["Đang thực hiện","","Đang trích lập Quỹ"]}'
fill "$tmp/m1/so-giao-duc-va-dao-tao-q1.xlsx" '{"I.1":["Hoàn thành","10/03/2026",""],"I.2":["Hoàn thành","10/03/2026",""],
 "I.3":["Hoàn thành","05/04/2026","Gửi sau thời hạn"],"V.1":["Hoàn thành","30/03/2026",""]}'
fill "$tmp/m1/ubnd-thanh-pho-dong-ha-q1.xlsx" '{"I.1":["Hoàn thành","12/03/2026",""],"I.2":["Hoàn thành","12/03/2026",""],
 "I.3":["Chưa thực hiện","","Chờ hướng dẫn"],"V.1":["Hoàn thành","30/03/2026",""]}'
fill "$tmp/m1/ubnd-huyen-hai-lang-q1.xlsx" '{"I.1":["Hoàn thành","12/03/2026",""],"I.2":["Hoàn thành","12/03/2026",""],
 "I.3":["Hoàn thành","20/03/2026",""],"V.1":["Hoàn thành","30/03/2026",""]}'
fill "$tmp/m1/ubnd-huyen-vinh-linh-q1.xlsx" '{"I.1":["Hoàn thành","12/03/2026",""],"I.2":["Hoàn thành","12/03/2026",""],
 "I.3":["Hoàn thành","20/03/2026",""],"V.1":["Hoàn thành","30/03/2026",""]}'
# A commune-level unit is not asked about the Cụm conference (II.2) and
# Sở Tài chính leads V.2 (the others are not asked of it).
bc -q --mau --mau-csv --ky Q2 -d "$tmp/c2" "$F/nhiem-vu.csv" 2>/dev/null
check roles-local hasnt "$tmp/c2/ubnd-huyen-hai-lang-q2.csv" ',II.2,'
check roles-local-checks has "$tmp/c2/ubnd-huyen-hai-lang-q2.csv" ',II.3,Kiểm tra công tác thi đua tại các địa phương,Phối hợp,'
check roles-so has "$tmp/c2/so-tai-chinh-q2.csv" ',II.2,Tham dự Hội nghị Cụm thi đua các tỉnh Bắc Trung Bộ,Phối hợp,'
check roles-so-not-local hasnt "$tmp/c2/so-tai-chinh-q2.csv" ',II.3,'
check roles-lead has "$tmp/c2/so-tai-chinh-q2.csv" ',V.2,"Quản lý Quỹ thi đua, khen thưởng",Chủ trì,'
check roles-text-rows has "$tmp/c2/so-tai-chinh-q2.csv" ',"Đề xuất, kiến nghị",'

# No units file: the lead units of the plan are the units, a group
# phrase ("Các cơ quan, đơn vị, địa phương" leads I.3) names none.
"$BIN/vb-baocao" --templates "$ROOT/templates" -q --mau-csv --ky Q1 --nam 2026 \
	-d "$tmp/lead" "$F/nhiem-vu.csv" 2>/dev/null
check lead-units test "$(ls "$tmp/lead" | tr '\n' ' ')" = "so-noi-vu-q1.csv so-tai-chinh-q1.csv "

rep -q --ky Q1 --ngay 2026-04-06 --pdf -j 2 -d "$tmp/q1" "$F/nhiem-vu.csv" "$tmp/m1"/*.xlsx 2>"$tmp/err"
rc=$?
[ $rc = 0 ] && pass q1-reports || fail q1-reports "exit $rc: $(head -3 "$tmp/err")"
check q1-title has "$tmp/q1/tong-hop.md" '^trich_yeu: Kết quả công tác thi đua, khen thưởng quý I năm 2026$'
check q1-late-unit has "$tmp/q1/so-giao-duc-va-dao-tao.md" '^I.3,.*05/04/2026 \*(chậm)\*'
check q1-awards has "$tmp/q1/tong-hop.md" 'đã ban hành 2 quyết định khen thưởng cho 3 tập thể và 5 cá nhân, tổng số tiền thưởng 9.880.000 đồng'
check q1-texts has "$tmp/q1/tong-hop.md" '^- \*Sở Nội vụ\*: Ban hành kế hoạch kịp thời; Phối hợp chặt chẽ với các sở.$'
check q1-unit-list has "$tmp/q1/so-noi-vu.md" '^- Phối hợp chặt chẽ với các sở$'
check q1-no-reminder test ! -e "$tmp/q1/don-doc.md"

# --- Q2: the forms carry Q1's unfinished tasks with their last status.
bc -q --mau --ky Q2 -d "$tmp/m2" "$F/nhiem-vu.csv" "$tmp/m1"/*.xlsx 2>"$tmp/err" ||
	fail mau-q2 "$(head -2 "$tmp/err")"
bc -q --mau --mau-csv --ky Q2 -d "$tmp/m2c" "$F/nhiem-vu.csv" "$tmp/m1"/*.xlsx 2>/dev/null
check carry-q2 has "$tmp/m2c/so-noi-vu-q2.csv" ',I.3,Đăng ký danh hiệu thi đua năm 2026,Chủ trì,Đang thực hiện,,Chuyển từ quý I năm 2026: Đang tổng hợp đăng ký của các đơn vị'
check carry-not-done hasnt "$tmp/m2c/so-noi-vu-q2.csv" ',I.1,'
check carry-todo has "$tmp/m2c/ubnd-thanh-pho-dong-ha-q2.csv" ',I.3,.*,Chưa thực hiện,,Chuyển từ quý I năm 2026: Chờ hướng dẫn'
fill "$tmp/m2/so-noi-vu-q2.xlsx" '{"I.3":["Hoàn thành","15/04/2026","Đã tổng hợp, trình UBND tỉnh"],
 "II.1":["Đang thực hiện","","Đang xây dựng báo cáo"],"II.2":["Hoàn thành","20/05/2026",""],
 "II.3":["Hoàn thành","25/06/2026",""],"V.1":["Hoàn thành","30/06/2026","Đã đăng 25 tin bài"],"V.2":["Hoàn thành","30/06/2026",""],
 "Đề xuất, kiến nghị":["","","Đề nghị Ban Thi đua - Khen thưởng Trung ương tập huấn nghiệp vụ"]}'
fill "$tmp/m2/so-tai-chinh-q2.xlsx" '{"II.1":["Hoàn thành","28/06/2026",""],"II.2":["Hoàn thành","20/05/2026",""],
 "V.1":["Hoàn thành","30/06/2026",""],"V.2":["Hoàn thành","30/06/2026",""]}'
fill "$tmp/m2/so-giao-duc-va-dao-tao-q2.xlsx" '{"II.1":["Hoàn thành","28/06/2026",""],"V.1":["Hoàn thành","30/06/2026",""]}'
fill "$tmp/m2/ubnd-thanh-pho-dong-ha-q2.xlsx" '{"I.3":["Hoàn thành","10/05/2026",""],"II.1":["Hoàn thành","28/06/2026",""],
 "II.3":["Hoàn thành","25/06/2026",""],"V.1":["Hoàn thành","30/06/2026",""]}'
fill "$tmp/m2/ubnd-huyen-hai-lang-q2.xlsx" '{"II.1":["Hoàn thành","28/06/2026",""],"II.3":["Đang thực hiện","",""],
 "V.1":["Hoàn thành","30/06/2026",""]}'
# UBND huyện Vĩnh Linh sends nothing for Q2.
Q2="$tmp/m2/so-noi-vu-q2.xlsx $tmp/m2/so-tai-chinh-q2.xlsx $tmp/m2/so-giao-duc-va-dao-tao-q2.xlsx $tmp/m2/ubnd-thanh-pho-dong-ha-q2.xlsx $tmp/m2/ubnd-huyen-hai-lang-q2.xlsx"
rep -q --ky Q2 --ngay 2026-07-03 --pdf -j 2 -d "$tmp/q2" "$F/nhiem-vu.csv" $Q2 2>"$tmp/err"
rc=$?
[ $rc = 0 ] && pass q2-reports || fail q2-reports "exit $rc: $(head -3 "$tmp/err")"
check silent-no-report test ! -e "$tmp/q2/ubnd-huyen-vinh-linh.md"
check silent-listed has "$tmp/q2/tong-hop.md" '1 đơn vị chưa gửi báo cáo: UBND huyện Vĩnh Linh'
check reminder-to has "$tmp/q2/don-doc.md" '^  - Ủy ban nhân dân huyện Vĩnh Linh$'
check reminder-subject has "$tmp/q2/don-doc.md" '^trich_yeu: đôn đốc báo cáo kết quả thực hiện nhiệm vụ công tác thi đua, khen thưởng quý II năm 2026$'
check reminder-deadline has "$tmp/q2/don-doc.md" 'trước ngày 10 tháng 7 năm 2026'
check q2-carried-in-report has "$tmp/q2/so-noi-vu.md" '^I.3,.*,Hoàn thành,15/04/2026 \*(chậm)\*'
check q2-awards has "$tmp/q2/tong-hop.md" 'đã ban hành 1 quyết định khen thưởng cho 0 tập thể và 8 cá nhân'

# --- 6T from the Q1 and Q2 forms: V.1 recurring in both, I.3 carried.
rep -q --ky 6T --ngay 2026-07-03 --pdf -j 2 -d "$tmp/6t" "$F/nhiem-vu.csv" "$tmp/m1"/*.xlsx $Q2 2>"$tmp/err"
rc=$?
[ $rc = 0 ] && pass 6t-reports || fail 6t-reports "exit $rc: $(head -3 "$tmp/err")"
check 6t-title has "$tmp/6t/tong-hop.md" '^trich_yeu: Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026, phương hướng, nhiệm vụ 6 tháng cuối năm$'
check 6t-latest-wins has "$tmp/6t/so-noi-vu.md" '^V.1,.*,Hoàn thành,30/06/2026,Đã đăng 25 tin bài$'
check 6t-awards has "$tmp/6t/tong-hop.md" 'đã ban hành 3 quyết định khen thưởng cho 3 tập thể và 13 cá nhân, tổng số tiền thưởng 16.120.000 đồng'
rep -q --ky Q2 --ngay 2026-07-03 -d "$tmp/bad" "$F/nhiem-vu.csv" "$tmp/m1/so-noi-vu-q1.xlsx" 2>"$tmp/err"
check q2-refuses-q1-form grep -q 'so-noi-vu-q1.xlsx:Phiếu báo cáo!A4: error: this form is of quý I năm 2026, not of quý II năm 2026' "$tmp/err"

# --- Q3 as CSV forms, carried from Q1 and Q2 (Hải Lăng's II.3).
bc -q --mau-csv --ky Q3 -d "$tmp/m3" "$F/nhiem-vu.csv" "$tmp/m1"/*.xlsx $Q2 2>/dev/null
check carry-q3 has "$tmp/m3/ubnd-huyen-hai-lang-q3.csv" ',II.3,.*,Đang thực hiện,,Chuyển từ quý II năm 2026'
check csv-bom test "$(head -c 3 "$tmp/m3/so-noi-vu-q3.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
check q3-local-xa has "$tmp/m3/ubnd-huyen-hai-lang-q3.csv" ',III.2,.*,Phối hợp,'
fill "$tmp/m3/so-noi-vu-q3.csv" '{"II.1":["Hoàn thành","10/07/2026","Báo cáo số 120/BC-SNV"],"III.1":["Hoàn thành","20/08/2026",""],
 "III.2":["Hoàn thành","15/09/2026",""],"V.1":["Hoàn thành","30/09/2026",""],"V.2":["Hoàn thành","30/09/2026",""]}'
for u in so-tai-chinh so-giao-duc-va-dao-tao ubnd-thanh-pho-dong-ha ubnd-huyen-vinh-linh; do
	fill "$tmp/m3/$u-q3.csv" '{"V.1":["Hoàn thành","30/09/2026",""]}'
done
fill "$tmp/m3/ubnd-huyen-hai-lang-q3.csv" '{"II.3":["Hoàn thành","05/08/2026",""],"V.1":["Hoàn thành","30/09/2026",""]}'

# --- Q4 forms, then the year from the four quarters.
bc -q --mau-csv --ky Q4 -d "$tmp/m4" "$F/nhiem-vu.csv" "$tmp/m1"/*.xlsx $Q2 "$tmp/m3"/*.csv 2>/dev/null
for u in so-noi-vu so-tai-chinh so-giao-duc-va-dao-tao ubnd-thanh-pho-dong-ha ubnd-huyen-hai-lang ubnd-huyen-vinh-linh; do
	fill "$tmp/m4/$u-q4.csv" '{"IV.1":["Hoàn thành","15/12/2026",""],"V.1":["Hoàn thành","15/12/2026",""]}'
done
fill "$tmp/m4/so-noi-vu-q4.csv" '{"IV.2":["Đang thực hiện","","Đang thẩm định 40 hồ sơ"],"V.2":["Hoàn thành","15/12/2026",""],
 "Ưu điểm":["","","Hoàn thành phần lớn nhiệm vụ của Kế hoạch"]}'
rep -q --ky NAM --ngay 2026-12-28 --pdf -j 2 -d "$tmp/nam" "$F/nhiem-vu.csv" \
	"$tmp/m1"/*.xlsx $Q2 "$tmp/m3"/*.csv "$tmp/m4"/*.csv 2>"$tmp/err"
rc=$?
[ $rc = 0 ] && pass nam-reports || fail nam-reports "exit $rc: $(head -3 "$tmp/err")"
check nam-title has "$tmp/nam/tong-hop.md" '^trich_yeu: Tổng kết công tác thi đua, khen thưởng năm 2026, phương hướng, nhiệm vụ năm 2027$'
check nam-ii1-ended has "$tmp/nam/so-noi-vu.md" '^II.1,.*,Hoàn thành,10/07/2026 \*(chậm)\*,Báo cáo số 120/BC-SNV$'
check nam-open has "$tmp/nam/tong-hop.md" '^- IV.2: Thẩm định hồ sơ khen thưởng cuối năm (đang thực hiện)'
check nam-awards has "$tmp/nam/tong-hop.md" 'đã ban hành 4 quyết định khen thưởng cho 6 tập thể và 13 cá nhân, tổng số tiền thưởng 30.160.000 đồng'
check nam-latest-text has "$tmp/nam/tong-hop.md" '^- \*Sở Nội vụ\*: Hoàn thành phần lớn nhiệm vụ của Kế hoạch.$'
check nam-late-counted has "$tmp/nam/tong-hop.md" 'nhiệm vụ hoàn thành chậm so với thời hạn'
# No other province's names, no placeholder, no "…" in any final report.
bad=$(grep -l 'Điện Biên\|^\*(\|…' "$tmp"/q1/*.md "$tmp"/q2/*.md "$tmp"/6t/*.md "$tmp"/nam/*.md)
[ -z "$bad" ] && pass no-placeholder || fail no-placeholder "$bad"

# Page economy: no page before the last more than 40 % empty (the text
# area's bottom below its lowest line; charts hold text labels).
python3 - "$tmp"/q1/*.pdf "$tmp"/q2/*.pdf "$tmp"/6t/*.pdf "$tmp"/nam/*.pdf \
    "$ROOT"/output/bao-cao/*/tong-hop.pdf <<'PY' >"$tmp/eco" 2>&1
import re, subprocess, sys
bad = 0
for f in sys.argv[1:]:
    out = subprocess.run(["pdftotext", "-bbox", f, "-"], capture_output=True,
                         text=True).stdout
    top, bot = 20 / 25.4 * 72, 841.89 - 20 / 25.4 * 72
    for i, p in enumerate(out.split("<page ")[1:-1]):
        ys = [float(y) for y in re.findall(r'yMax="([\d.]+)"', p)]
        empty = (bot - max(ys)) / (bot - top) if ys else 1
        if empty > 0.40:
            print("%s: page %d is %.0f %% empty" % (f, i + 1, empty * 100))
            bad += 1
sys.exit(bad != 0)
PY
[ $? = 0 ] && pass page-economy || fail page-economy "$(head -2 "$tmp/eco")"

if [ ! -x "$SHARED/tools/nd30-check" ]; then
	echo "SKIP baocao-nam nd30-check: $SHARED/tools/nd30-check is absent"
else
	nbad=0
	for f in "$tmp"/q1/*.pdf "$tmp"/q2/*.pdf "$tmp"/6t/*.pdf "$tmp"/nam/*.pdf; do
		"$SHARED/tools/nd30-check" "$f" >"$tmp/chk" 2>&1 || {
			nbad=$((nbad + 1)); echo "# $f: $(grep FAIL "$tmp/chk" | head -2)"; }
	done
	[ $nbad = 0 ] && pass nd30-check-all || fail nd30-check-all "$nbad PDFs fail"
fi
