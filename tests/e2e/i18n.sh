#!/bin/sh
# The Vietnamese catalogue covers every message: the message ids are
# extracted afresh from gen/ (every diag_add format string, as `make pot`
# does) and each must be in po/vi.po, translated, with the same format
# directives.  Prints "PASS name" / "FAIL name: detail" / "SKIP name: why".
. "$(dirname "$0")/../lib/prologue.sh"
for t in xgettext msgcmp msgfmt msgattrib; do
	if ! command -v $t >/dev/null 2>&1; then
		echo "SKIP i18n_catalogue: $t is not installed (gettext)"
		exit 0
	fi
done
cd "$ROOT" || exit 0
xgettext --from-code=UTF-8 --language=C -k -kdiag_add:6 -kxl_stop:3 -kvb_tr \
    -kvb_ntr:1,2 -kconv_fail:2 -ktmpl_err:2 -kN_ -o "$tmp/now.pot" \
    $(ls gen/*/*.c | sort) 2>"$tmp/err" || {
	echo "FAIL i18n_extract: $(head -1 "$tmp/err")"; exit 0; }
if msgcmp --use-untranslated po/vi.po "$tmp/now.pot" >"$tmp/cmp" 2>&1; then
	echo "PASS i18n_catalogue_complete"
else
	echo "FAIL i18n_catalogue_complete: $(grep -c 'this message is used but not defined' "$tmp/cmp") message(s) missing from po/vi.po (make pot; msgmerge -U po/vi.po po/vanban.pot): $(grep -A1 'not defined' "$tmp/cmp" | head -2 | tr '\n' ' ')"
fi
n=$(msgattrib --untranslated --no-obsolete po/vi.po 2>/dev/null | grep -c '^msgid ' )
# The header's empty msgid is counted by msgattrib when anything is left.
if [ "${n:-0}" -le 1 ] && ! msgattrib --untranslated --no-obsolete po/vi.po |
    grep -q '^msgid "[^"]'; then
	echo "PASS i18n_all_translated"
else
	echo "FAIL i18n_all_translated: untranslated: $(msgattrib --untranslated --no-obsolete po/vi.po | grep '^msgid "[^"]' | head -3 | tr '\n' ' ')"
fi
if msgfmt -c --check-format -o /dev/null po/vi.po 2>"$tmp/err"; then
	echo "PASS i18n_formats"
else
	echo "FAIL i18n_formats: $(head -2 "$tmp/err" | tr '\n' ' ')"
fi
# Under --lang vi no English sentence reaches the terminal: each tool's
# help and typical mistakes, their whole output searched for common
# English words (the level words are "lỗi" / "cảnh báo").
english() {	# a line of $1 that reads as English, or nothing
	grep -iE '(^| )(the|is not|are|give|write|wrote|use|cannot|unknown|missing|error|warning|usage|not a|decisions?|total|person|collective|option|found|expected|while)( |:|$|\))' "$1" |
	    head -1
}
T="--templates $ROOT/templates"
L=$ROOT/input/2020/de-nghi-khen-thuong.csv
C=$ROOT/input/khen-thuong/dien-bien-2020.yaml
mkdir -p "$tmp/w" && cd "$tmp/w" || exit 0
printf 'co_quan: [x\n' >bad.yaml
n=0
while IFS='|' read -r name cmd; do
	[ -n "$name" ] || continue
	n=$((n + 1))
	sh -c "$cmd" >"$tmp/o" 2>&1 </dev/null
	if line=$(english "$tmp/o") && [ -n "$line" ]; then
		echo "FAIL i18n_vi_$name: English: $line"
	elif [ ! -s "$tmp/o" ]; then
		echo "FAIL i18n_vi_$name: no output"
	else
		echo "PASS i18n_vi_$name"
	fi
done <<EOF2
help_render|"$BIN/vb-render" --lang vi --help
help_norm|"$BIN/vb-norm" --lang vi -h
help_khenthuong|LANG=vi_VN.UTF-8 "$BIN/vb-khenthuong" --help
help_baocao|"$BIN/vb-baocao" --lang vi --help
help_sotien|"$BIN/vb-sotien" --lang vi --help
help_web|"$BIN/vb-web" --lang vi --help
unknown_option|"$BIN/vb-khenthuong" --lang vi --bogus x.csv
missing_value|"$BIN/vb-render" --lang vi -o
us_date|"$BIN/vb-khenthuong" --lang vi $T --ngay 12/31/2025 "$L"
bad_amount|"$BIN/vb-khenthuong" --lang vi $T --luong-co-so "2,34 triệu" "$L"
no_list|"$BIN/vb-khenthuong" --lang vi $T
o_and_d|"$BIN/vb-khenthuong" --lang vi $T -o a.md -d b "$L"
baocao_no_ky|"$BIN/vb-baocao" --lang vi $T x.csv y.csv -d out
baocao_han|"$BIN/vb-baocao" --lang vi $T --ky Q1 --han 2020-02-30 -d out x.csv y.csv
bad_encoding|"$BIN/vb-norm" --lang vi -f latin9 x.txt
bad_yaml|"$BIN/vb-khenthuong" --lang vi $T --config bad.yaml --ngay 28/12/2020 -d out "$L"
chua_and_summary|"$BIN/vb-khenthuong" --lang vi $T --config "$C" --ngay 28/12/2020 --luong-co-so "1.490.000 đồng" -d out "$L"
baocao_mau|"$BIN/vb-baocao" --lang vi $T --mau --ky Q1 -d mau "$ROOT/input/2020/nhiem-vu.csv"
web_no_data|"$BIN/vb-web" --lang vi
damaged_xlsx|"$BIN/vb-khenthuong" --lang vi $T --config "$C" --ngay 28/12/2020 -d out "$ROOT/tests/data/xlsx/hand-doctype.xlsx"
gop_name|"$BIN/vb-render" --lang vi --gop tat-ca "$ROOT/input/cong-van-don-doc.md"
to_value|"$BIN/vb-render" --lang vi --to odt "$ROOT/input/cong-van-don-doc.md"
baocao_summary|"$BIN/vb-baocao" --lang vi $T --nam 2020 --don-vi "$ROOT/input/2020/don-vi.csv" --config "$ROOT/input/2020/bao-cao.yaml" --ky Q2 --ngay 06/07/2020 -d bc "$ROOT/input/2020/nhiem-vu.csv" "$ROOT/input/2020/tien-do.csv"
EOF2
cd "$ROOT" || exit 0
# The dates and amounts as a clerk writes them are accepted, and the
# summary lists every decision with the register's figures.
out=$("$BIN/vb-khenthuong" --lang vi $T --config "$C" --ngay 31/12/2020 \
    --luong-co-so "1.490.000 đồng" -d "$tmp/kt" "$L" 2>&1)
rows=$(($({ wc -l <"$tmp/kt/so-dang-ky.csv"; } 2>/dev/null || echo 1) - 1))
if [ "$(printf '%s\n' "$out" | grep -c '^  .*\.md  chưa có số: .* tập thể, .* cá nhân, .* đồng$')" -eq "$rows" ] &&
    [ "$rows" -gt 0 ] && printf '%s\n' "$out" | grep -q '^  tổng cộng: 16 tập thể, 24 cá nhân, '; then
	echo "PASS i18n_vi_summary"
else
	echo "FAIL i18n_vi_summary: $rows decisions; got: $(printf '%s' "$out" | tail -3 | tr '\n' ' ')"
fi
if "$BIN/vb-khenthuong" -q $T --config "$C" --ngay 31/12/2020 -d "$tmp/kq" \
    "$L" 2>&1 | grep -q 'decision\|total'; then
	echo "FAIL i18n_quiet_summary: -q still prints the summary"
else
	echo "PASS i18n_quiet_summary"
fi
exit 0
