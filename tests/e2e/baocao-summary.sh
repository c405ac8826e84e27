#!/bin/sh
# vb-baocao's closing lines (issue 24): after "wrote ...", one line a
# document written (its file, ký hiệu, unit, and its tasks by status as
# the report itself states them), then the units' reports' totals; in
# the clerk's language; -q silences them.
# Prints "PASS name" / "FAIL name: detail".
PREFIX=bc_summary
. "$(dirname "$0")/../lib/prologue.sh"
G=$ROOT/tests/golden/bc-counts
run() {	# DIR, then options
	d=$1
	shift
	"$BIN/vb-baocao" --templates "$ROOT/templates" --ky Q1 \
	    --config "$ROOT/input/2020/bao-cao.yaml" --ngay 2020-07-06 \
	    -d "$tmp/$d" "$@" "$G/nhiem-vu.csv" "$G/tien-do.csv"
}
run vi --lang vi 2>"$tmp/err"; rc=$?
lines=$(grep -c "^  $tmp/vi/.*\.md  " "$tmp/err")
mds=$(ls "$tmp/vi"/*.md 2>/dev/null | wc -l)
if [ $rc = 0 ] && [ "$lines" -gt 0 ] && [ "$lines" = "$mds" ]; then
	pass one_line_a_document
else
	fail one_line_a_document "rc $rc, $lines lines for $mds documents: $(cat "$tmp/err")"
fi

# Each unit's line says what its report says: "có N nhiệm vụ ... đã hoàn
# thành D (trong đó L ...), đang thực hiện P, chưa thực hiện T".
bad=
for f in "$tmp/vi"/*.md; do
	case $f in */tong-hop.md|*/don-doc.md) continue ;; esac
	l=$(grep "^  $f  " "$tmp/err")
	n=$(sed -n 's/.*có \([0-9]*\) nhiệm vụ theo Kế hoạch.*/\1/p' "$f")
	dn=$(sed -n 's/.*đã hoàn thành \([0-9]*\).*/\1/p' "$f" | head -1)
	dg=$(sed -n 's/.*đang thực hiện \([0-9]*\),.*/\1/p' "$f" | head -1)
	case $l in
	*": $n nhiệm vụ: $dn hoàn thành ("*", $dg đang thực hiện, "*) ;;
	*) bad="$bad $(basename "$f"): '$l' ($n/$dn/$dg);" ;;
	esac
done
if [ -z "$bad" ] && grep -q '^  .*/so-y-te.md  BC  Sở Y tế: ' "$tmp/err"; then
	pass counts_as_the_reports
else
	fail counts_as_the_reports "$bad"
fi

# The totals: the sum of the units' lines.
sum=$(grep "^  $tmp/vi/.*\.md  BC  " "$tmp/err" | grep -v 'tổng hợp' |
    sed 's/.*: \([0-9]*\) nhiệm vụ: \([0-9]*\) hoàn thành.*/\1 \2/' |
    awk '{ n += $1; d += $2 } END { print n " nhiệm vụ: " d " hoàn thành" }')
if grep -q "^  tổng cộng 3 báo cáo của đơn vị: $sum (" "$tmp/err"; then
	pass totals
else
	fail totals "want '$sum': $(tail -1 "$tmp/err")"
fi
if grep -q "^  $tmp/vi/tong-hop.md  BC-SNV  tổng hợp 4 đơn vị: " "$tmp/err" &&
    grep -q "^  $tmp/vi/don-doc.md  SNV  công văn đôn đốc 1 đơn vị$" "$tmp/err"; then
	pass summary_and_reminder
else
	fail summary_and_reminder "$(cat "$tmp/err")"
fi

# English under --lang en; nothing under -q.
run en --lang en 2>"$tmp/err"
if grep -q "^  $tmp/en/so-y-te.md  BC  Sở Y tế: 3 task(s): 3 done (2 late)" "$tmp/err" &&
    grep -q '^  total of the 3 report(s): ' "$tmp/err"; then
	pass english
else
	fail english "$(cat "$tmp/err")"
fi
run q -q 2>"$tmp/err"; rc=$?
if [ $rc = 0 ] && [ -s "$tmp/q/so-y-te.md" ] && ! grep -q '^  \|wrote' "$tmp/err"; then
	pass quiet
else
	fail quiet "rc $rc: $(cat "$tmp/err")"
fi
exit 0
