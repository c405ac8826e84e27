#!/bin/sh
# vb-web over HTTP with curl, against servers this script starts on
# 127.0.0.1 (ports the kernel picks): every page, good and bad uploads of
# both forms, the settings, CSRF, the upload limit, traversal attempts,
# the full queue, result expiry, two instances.  Loopback only.  Prints
# PASS/FAIL/SKIP lines (tests/run.sh counts them).
PREFIX=web
SEP=' '
. "$(dirname "$0")/../lib/prologue.sh"
. "$ROOT/tests/lib/web.sh"
[ -n "$KEEP" ] && echo "kept: $tmp" >&2

check() {	# NAME DETAIL COMMAND...: PASS when the command succeeds
	_name=$1 _why=$2
	shift 2
	if "$@"; then pass "$_name"; else fail "$_name" "$_why"; fi
}
if [ ! -x "$BIN/vb-web" ] || ! command -v curl >/dev/null; then
	echo "SKIP web: bin/vb-web or curl missing"
	exit 0
fi
KT=$ROOT/tests/data/kt
BC=$ROOT/tests/golden/bc-counts
web_start a --bao-cao-config "$ROOT/input/2020/bao-cao.yaml" || { fail start "vb-web did not start: $(cat "$tmp/a.log")"; exit 0; }
A=$URL

# --- the pages ---------------------------------------------------------
curl -s -D "$tmp/h" -o "$tmp/index.html" "$A/"
check index_200 "$(head -1 "$tmp/h")" grep -q '^HTTP/1.1 200' "$tmp/h"
check index_vi 'no lang="vi"' grep -q '<html lang="vi">' "$tmp/index.html"
miss=
for f in danh_sach ngay du_thao so ke_hoach tien_do don_vi khen_thuong ky \
    csrf; do
	grep -q "name=\"$f\"" "$tmp/index.html" || miss="$miss $f"
done
check index_fields "missing:$miss" test -z "$miss"
check index_settings_link "no /cau-hinh link" grep -q 'href="/cau-hinh"' "$tmp/index.html"
check index_no_script "a <script> in the page" sh -c "! grep -qi '<script' '$tmp/index.html'"
check header_csp "$(grep -i '^content-security' "$tmp/h")" \
    grep -qi "^Content-Security-Policy:.*frame-ancestors 'self'" "$tmp/h"
check header_nosniff "no nosniff" grep -qi '^X-Content-Type-Options: nosniff' "$tmp/h"
check cookie_set "$(grep -i set-cookie "$tmp/h")" \
    grep -qi '^Set-Cookie: vb_csrf=[0-9a-f]\{32\}; Path=/; HttpOnly; SameSite=Strict' "$tmp/h"
check cookie_not_secure "Secure on plain HTTP" sh -c "! grep -i '^Set-Cookie' '$tmp/h' | grep -qi secure"
curl -s -o "$tmp/cfg.html" -w '%{http_code}' "$A/cau-hinh" >"$tmp/code"
check settings_page "$(cat "$tmp/code")" sh -c "[ \$(cat '$tmp/code') = 200 ] && grep -q 'name=\"ky_ho_ten\"' '$tmp/cfg.html'"
code=$(curl -s -o /dev/null -w '%{http_code}' "$A/khong-co")
check unknown_404 "$code" test "$code" = 404
code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "$A/")
check method_405 "$code" test "$code" = 405

TOK=$(web_token "$tmp/jar" "$A")

# --- a good list: the result page, its files, the zip ------------------
curl -s -o /dev/null -D "$tmp/h" -b "$tmp/jar" -F csrf="$TOK" \
    -F "danh_sach=@$KT/lo-danh-sach.xlsx" -F ngay=2026-12-28 -F du_thao=1 \
    "$A/khen-thuong"
loc=$(sed -n 's/^Location: \(.*\)\r$/\1/p' "$tmp/h")
check kt_redirect "$(head -1 "$tmp/h") $loc" sh -c "grep -q '^HTTP/1.1 303' '$tmp/h' &&
    echo '$loc' | grep -q '^/ket-qua/a-[0-9a-f]\{32\}/\$'"
ID=$(echo "$loc" | sed 's|/ket-qua/\(.*\)/|\1|')
curl -s -o "$tmp/res.html" "$A$loc"
docs=$(ls "$tmp/a/ket-qua/$ID/ra" | grep -c '\.md$')
miss=
for f in $(ls "$tmp/a/ket-qua/$ID/ra" | sed -n 's/\.md$//p'); do
	for x in pdf docx; do
		grep -q "href=\"$f.$x\"" "$tmp/res.html" || miss="$miss $f.$x"
	done
	grep -q "<iframe src=\"$f.pdf#page=1" "$tmp/res.html" || miss="$miss $f(preview)"
done
check kt_result_links "docs $docs, missing:$miss" sh -c "[ $docs -eq 4 ] && [ -z '$miss' ]"
check kt_result_titles "no heading from the front matter" grep -q \
    '<h2>QUYẾT ĐỊNH – Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh <small>(bang-khen)</small></h2>' "$tmp/res.html"
# The summary against the decisions' own Điều 1 and Điều 2.
tt=0 cn=0 money=0
for f in "$tmp/a/ket-qua/$ID/ra"/*.md; do
	t=$(sed -n 's/.*cho 0*\([0-9][0-9]*\) tập thể.*/\1/p' "$f" | head -1)
	c=$(sed -n 's/.*cho [0-9]* tập thể và 0*\([0-9][0-9]*\) cá nhân.*/\1/p;s/.*cho 0*\([0-9][0-9]*\) cá nhân.*/\1/p' "$f" | head -1)
	m=$(sed -n 's/.*Tổng số tiền thưởng: \([0-9.]*\) đồng.*/\1/p' "$f" | tr -d . | head -1)
	tt=$((tt + ${t:-0})) cn=$((cn + ${c:-0})) money=$((money + ${m:-0}))
done
mfmt=$(printf '%s' "$money" | rev | sed 's/\([0-9]\{3\}\)/\1./g;s/\.$//' | rev)
check kt_summary "want $tt tập thể, $cn cá nhân, $mfmt đồng" grep -q \
    "<th>Văn bản</th><td>4</td></tr><tr><th>Tập thể</th><td>$tt</td></tr><tr><th>Cá nhân</th><td>$cn</td></tr><tr><th>Tổng tiền thưởng</th><td>$mfmt đồng" "$tmp/res.html"
curl -s -D "$tmp/h" -o "$tmp/d.pdf" "$A/ket-qua/$ID/bang-khen.pdf"
check kt_pdf "$(grep -i content-type "$tmp/h")" sh -c "grep -qi '^Content-Type: application/pdf' '$tmp/h' &&
    head -c 5 '$tmp/d.pdf' | grep -q '%PDF-' && grep -qi '^Content-Disposition: inline' '$tmp/h'"
curl -s -o "$tmp/d.docx" "$A/ket-qua/$ID/bang-khen.docx"
check kt_docx "not a zip" sh -c "head -c 2 '$tmp/d.docx' | grep -q PK"
curl -s -D "$tmp/h" -o "$tmp/all.zip" "$A/ket-qua/$ID.zip"
python3 - "$tmp/all.zip" "$tmp/a/ket-qua/$ID/ra" >"$tmp/zipcheck" 2>&1 <<'PY'
import sys, zipfile, os
z = zipfile.ZipFile(sys.argv[1]); names = set(z.namelist())
want = set(os.listdir(sys.argv[2])) | {"dau-vao/danh-sach-1.xlsx"}
for n in want:
    if n not in names: print("missing", n)
    elif not n.startswith("dau-vao/") and z.read(n) != open(os.path.join(sys.argv[2], n), "rb").read():
        print("differs", n)
PY
check kt_zip "$(head -3 "$tmp/zipcheck")" sh -c "grep -qi '^Content-Type: application/zip' '$tmp/h' && [ ! -s '$tmp/zipcheck' ]"

# --- a bad list: every problem, in Vietnamese, with its place ----------
curl -s -o "$tmp/bad.html" -w '%{http_code}' -b "$tmp/jar" -F csrf="$TOK" \
    -F "danh_sach=@$ROOT/tests/golden/kt-errors/list.csv;filename=ds-loi.csv" \
    -F ngay=2020-12-28 -F so=12 "$A/khen-thuong" >"$tmp/code"
n=$(sed -n '/class="loi"/,/<\/div>/p' "$tmp/bad.html" | grep -c '<li>')
check kt_bad_422 "$(cat "$tmp/code")" test "$(cat "$tmp/code")" = 422
check kt_bad_every_problem "$n problems listed, want 7" test "$n" = 7
check kt_bad_place "no 'ds-loi.csv, dòng 2, cột 5'" grep -q '<b>ds-loi.csv, dòng 2, cột 5</b>: hình thức khen thưởng' "$tmp/bad.html"
check kt_bad_kept "the form lost so / ngay" sh -c "grep -q 'name=\"so\"[^>]*value=\"12\"' '$tmp/bad.html' &&
    grep -q 'name=\"ngay\" value=\"2020-12-28\"' '$tmp/bad.html' && grep -q 'Đã chọn: ds-loi.csv' '$tmp/bad.html'"
left=$(ls "$tmp/a/tam" | wc -l)
check kt_bad_nothing_kept "$left job folders left" test "$left" = 0
# A workbook: the cell as the clerk sees it (sheet!E2).
python3 - "$KT/lo-danh-sach.xlsx" "$tmp/bad.xlsx" <<'PY'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for i in src.infolist():
    data = src.read(i.filename)
    if i.filename.startswith("xl/"):
        data = data.replace("Chiến sĩ thi đua cấp tỉnh".encode(), "Chiến sĩ thi đua cấp tnh".encode(), 1)
    dst.writestr(i, data)
dst.close()
PY
curl -s -o "$tmp/badx.html" -b "$tmp/jar" -F csrf="$TOK" \
    -F "danh_sach=@$tmp/bad.xlsx;filename=Danh sách.xlsx" "$A/khen-thuong"
check kt_bad_cell "$(grep -o '<li><b>[^<]*</b>' "$tmp/badx.html" | head -2)" \
    grep -q '<li><b>Danh sách.xlsx, ô [^!<]*![A-Z][0-9]*</b>' "$tmp/badx.html"
curl -s -o "$tmp/badt.html" -w '%{http_code}' -b "$tmp/jar" -F csrf="$TOK" \
    -F "danh_sach=@$KT/danh-sach.csv;filename=ds.pdf" "$A/khen-thuong" >"$tmp/code"
check kt_bad_type "$(cat "$tmp/code")" sh -c "[ \$(cat '$tmp/code') = 422 ] && grep -q 'loại tệp không đọc được' '$tmp/badt.html'"

# --- reports -------------------------------------------------------------
code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$tmp/jar" -F csrf="$TOK" \
    -F "ke_hoach=@$BC/nhiem-vu.csv" -F "tien_do=@$BC/tien-do.csv" -F ky=Q1 \
    -F ngay=2020-07-06 "$A/bao-cao")
check bc_redirect "$code" sh -c "echo '$code' | grep -q '^303 .*/ket-qua/a-'"
bid=$(echo "$code" | sed 's|.*/ket-qua/\([^/]*\)/|\1|')
curl -s -o "$tmp/bc.html" "$A/ket-qua/$bid/"
check bc_result "no tong-hop" sh -c "grep -q 'href=\"tong-hop.pdf\"' '$tmp/bc.html' && grep -q 'href=\"tong-hop.docx\"' '$tmp/bc.html' &&
    grep -q '<th>Văn bản</th><td>5</td>' '$tmp/bc.html'"
# The awards register (khen_thuong) feeds the summary's công tác khen
# thưởng, as vb-baocao --khen-thuong does.
KR=$ROOT/tests/golden/bc-khen-thuong
code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$tmp/jar" -F csrf="$TOK" \
    -F "ke_hoach=@$KR/nhiem-vu.csv" -F "tien_do=@$KR/q1.csv" \
    -F "khen_thuong=@$KR/so-dang-ky.csv" -F ky=Q1 -F ngay=2026-07-03 "$A/bao-cao")
kid=$(echo "$code" | sed 's|.*/ket-qua/\([^/]*\)/|\1|')
curl -s -o "$tmp/kr.zip" "$A/ket-qua/$kid.zip"
unzip -p "$tmp/kr.zip" '*tong-hop.md' >"$tmp/kr.md" 2>/dev/null
check bc_awards "$code: $(grep -c 'Bằng khen của Chủ tịch UBND tỉnh' "$tmp/kr.md") award lines" \
    grep -q 'đã ban hành 2 quyết định khen thưởng cho 3 tập thể và 4 cá nhân' "$tmp/kr.md"
curl -s -o "$tmp/bcbad.html" -w '%{http_code}' -b "$tmp/jar" -F csrf="$TOK" \
    -F "ke_hoach=@$BC/nhiem-vu.csv" -F ky=Q9 "$A/bao-cao" >"$tmp/code"
check bc_bad "$(cat "$tmp/code")" sh -c "[ \$(cat '$tmp/code') = 422 ] &&
    grep -q 'hãy chọn kỳ báo cáo' '$tmp/bcbad.html' && grep -q 'hãy chọn các biểu tiến độ' '$tmp/bcbad.html'"

# --- CSRF ------------------------------------------------------------------
c1=$(curl -s -o /dev/null -w '%{http_code}' -F csrf="$TOK" -F "danh_sach=@$KT/danh-sach.csv" "$A/khen-thuong")
c2=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar" -F "danh_sach=@$KT/danh-sach.csv" "$A/khen-thuong")
c3=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar" -F csrf=0123456789abcdef0123456789abcdef -F "danh_sach=@$KT/danh-sach.csv" "$A/khen-thuong")
c4=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar" -d "ky_ho_ten=X" "$A/cau-hinh")
check csrf_403 "no cookie $c1, no field $c2, wrong field $c3, settings $c4" test "$c1$c2$c3$c4" = 403403403403

# --- settings: saved as the YAML the tool reads, the previous one kept ---
curl -s -o "$tmp/cfg.html" -b "$tmp/jar" "$A/cau-hinh"
set -- -F csrf="$TOK"
for k in $(grep -o 'name="[a-z_]*" value="[^"]*"' "$tmp/cfg.html" | sed 's/name="\([a-z_]*\)".*/\1/' | grep -v '^csrf$'); do
	v=$(grep -o "name=\"$k\" value=\"[^\"]*\"" "$tmp/cfg.html" | sed 's/.*value="\(.*\)"/\1/;s/&quot;/"/g;s/&amp;/\&/g')
	[ "$k" = ky_ho_ten ] && v="Lò Văn Mừng"
	set -- "$@" -F "$k=$v"
done
set -- "$@" -F "noi_nhan=Như Điều 3
Lưu trữ tỉnh"
code=$(curl -s -o "$tmp/saved.html" -w '%{http_code}' -b "$tmp/jar" "$@" "$A/cau-hinh")
check settings_save "$code $(grep -o 'luu-y[^/]*' "$tmp/saved.html" | head -1)" sh -c "[ $code = 200 ] &&
    grep -q 'Đã lưu' '$tmp/saved.html' && grep -q 'ho_ten: Lò Văn Mừng' '$tmp/a/cau-hinh/khen-thuong.yaml'"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/jar" "$@" "$A/cau-hinh")
check settings_previous_kept "no khen-thuong.yaml.cu" sh -c "[ $code = 200 ] && grep -q 'Lò Văn Mừng' '$tmp/a/cau-hinh/khen-thuong.yaml.cu'"
loc=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$tmp/jar" -F csrf="$TOK" \
    -F "danh_sach=@$KT/danh-sach.csv" -F du_thao=1 "$A/khen-thuong")
sid=$(echo "$loc" | sed 's|.*/ket-qua/\([^/]*\)/|\1|')
check settings_used "the decisions lack the signer or Nơi nhận" sh -c "grep -q 'Lò Văn Mừng' '$tmp/a/ket-qua/$sid/ra/bang-khen.md' &&
    grep -q 'Lưu trữ tỉnh' '$tmp/a/ket-qua/$sid/ra/bang-khen.md'"
curl -s -o "$tmp/cfgbad.html" -w '%{http_code}' -b "$tmp/jar" -F csrf="$TOK" -F lam_tron=xyz -F lam_tron_den=abc "$A/cau-hinh" >"$tmp/code"
check settings_bad_refused "$(cat "$tmp/code")" sh -c "[ \$(cat '$tmp/code') = 422 ] && grep -q 'Lò Văn Mừng' '$tmp/a/cau-hinh/khen-thuong.yaml'"

# --- no request path reaches the file system unchecked --------------------
ln -s /etc/passwd "$tmp/a/ket-qua/$ID/ra/lien-ket.pdf"
other=a-0123456789abcdef0123456789abcdef
ln -s "$tmp/a/ket-qua/$ID" "$tmp/a/ket-qua/$other"
bad=
for p in "/ket-qua/../../../../etc/passwd" "/ket-qua/%2e%2e/%2e%2e/%2e%2e/etc/passwd" \
    "/ket-qua/$ID/..%2f..%2f..%2fetc%2fpasswd" "/ket-qua/$ID/%2fetc%2fpasswd" \
    "/ket-qua/$ID/../$ID/job" "/ket-qua/$ID/%2e%2e%2fjob" "/ket-qua/$ID/loi.txt" \
    "/ket-qua/$ID/job" "/ket-qua/$ID/lien-ket.pdf" "/ket-qua/$other/" \
    "/ket-qua/$other/bang-khen.pdf" "/ket-qua/$other.zip" "/ket-qua/$ID/.%2e/job" \
    "//etc/passwd" "/ket-qua//etc/passwd" "/ket-qua/$ID/ra/bang-khen.pdf" \
    "/ket-qua/A-$(echo "$ID" | cut -d- -f2)/"; do
	code=$(curl -s --path-as-is -o "$tmp/t" -w '%{http_code}' "$A$p")
	if [ "$code" != 404 ] || grep -q 'root:' "$tmp/t"; then bad="$bad $p=$code"; fi
done
check traversal_404 "answered:$bad" test -z "$bad"

# --- the upload limit: 413 from Content-Length, the server goes on --------
web_start small --max-upload 1 || fail start_small "$(cat "$tmp/small.log")"
S=$URL
STOK=$(web_token "$tmp/sjar" "$S")
head -c 3000000 /dev/urandom >"$tmp/big.csv"
code=$(curl -s -o "$tmp/413.html" -w '%{http_code}' -b "$tmp/sjar" -F csrf="$STOK" \
    -F "danh_sach=@$tmp/big.csv" "$S/khen-thuong")
left=$(ls "$tmp/small/tam" | wc -l)
check upload_413 "$code, $left job folders" sh -c "[ '$code' = 413 ] && [ $left = 0 ] && grep -q 'lớn hơn 1 MB' '$tmp/413.html'"
# A body announced small and sent large (no Content-Length: chunked).
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/sjar" -H 'Transfer-Encoding: chunked' \
    -F csrf="$STOK" -F "danh_sach=@$tmp/big.csv" "$S/khen-thuong")
check upload_413_chunked "$code" test "$code" = 413
code=$(curl -s -o /dev/null -w '%{http_code}' "$S/")
check upload_413_goes_on "$code" test "$code" = 200
web_stop small

# --- a full queue: 503 with Retry-After, not unbounded memory -------------
web_start q --queue 1 --workers 1 || fail start_q "$(cat "$tmp/q.log")"
Q=$URL
QTOK=$(web_token "$tmp/qjar" "$Q")
head -c 400000 /dev/urandom | base64 >"$tmp/slow.csv"
curl -s -o /dev/null --limit-rate 50k -b "$tmp/qjar" -F csrf="$QTOK" \
    -F "danh_sach=@$tmp/slow.csv" "$Q/khen-thuong" &
slow=$!
sleep 1
curl -s -o /dev/null -D "$tmp/h" -b "$tmp/qjar" -F csrf="$QTOK" \
    -F "danh_sach=@$KT/danh-sach.csv" "$Q/khen-thuong"
check queue_full_503 "$(head -1 "$tmp/h")" sh -c "grep -q '^HTTP/1.1 503' '$tmp/h' && grep -qi '^Retry-After: [0-9]' '$tmp/h'"
wait $slow
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$tmp/qjar" -F csrf="$QTOK" \
    -F "danh_sach=@$KT/danh-sach.csv" -F du_thao=1 "$Q/khen-thuong")
check queue_frees "$code after the slow upload ended" test "$code" = 303
web_stop q

# --- results expire after --giu --------------------------------------------
web_start e --giu 2s || fail start_e "$(cat "$tmp/e.log")"
E=$URL
ETOK=$(web_token "$tmp/ejar" "$E")
loc=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$tmp/ejar" -F csrf="$ETOK" \
    -F "danh_sach=@$KT/danh-sach.csv" -F du_thao=1 "$E/khen-thuong")
c1=$(curl -s -o /dev/null -w '%{http_code}' "$loc")
sleep 4
c2=$(curl -s -o /dev/null -w '%{http_code}' "$loc")
c3=$(curl -s -o /dev/null -w '%{http_code}' "${loc%/}.zip")
n=$(ls "$tmp/e/ket-qua" | wc -l)
check result_expiry "before $c1, after $c2 (zip $c3), $n left on disk" \
    test "$c1 $c2 $c3 $n" = "200 404 404 0"
web_stop e

# --- the time limit of a job: killed, a page, the server goes on ---------
web_start lim --han 1s || fail start_lim "$(cat "$tmp/lim.log")"
T=$URL
TTOK=$(web_token "$tmp/tjar" "$T")
python3 "$ROOT/tests/web/big-list.py" 20000 "$tmp/long.csv"
code=$(curl -s -o "$tmp/slow.html" -w '%{http_code}' -b "$tmp/tjar" -F csrf="$TTOK" \
    -F "danh_sach=@$tmp/long.csv" -F du_thao=1 "$T/khen-thuong")
c2=$(curl -s -o /dev/null -w '%{http_code}' "$T/")
check time_limit "$code, then $c2" sh -c "[ '$code $c2' = '500 200' ] && grep -q 'lâu hơn thời gian' '$tmp/slow.html' &&
    [ -z \"\$(find '$tmp/lim/tam' '$tmp/lim/ket-qua' -mindepth 1)\" ]"
web_stop lim

# --- two instances: an id names the one that holds it ---------------------
web_start b || fail start_b "$(cat "$tmp/b.log")"
B=$URL
BTOK=$(web_token "$tmp/bjar" "$B")
loc=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$tmp/bjar" -F csrf="$BTOK" \
    -F "danh_sach=@$KT/danh-sach.csv" -F du_thao=1 "$B/khen-thuong")
c1=$(curl -s -o /dev/null -w '%{http_code}' "$loc")
c2=$(curl -s -o "$tmp/other.html" -w '%{http_code}' "$A/ket-qua/$ID/")
c3=$(curl -s -o "$tmp/other.html" -w '%{http_code}' "$B/ket-qua/$ID/")
check two_instances "b's $loc $c1, a's on a $c2, a's on b $c3" sh -c "echo '$loc' | grep -q '/ket-qua/b-[0-9a-f]\{32\}/\$' &&
    [ '$c1 $c2 $c3' = '200 200 404' ] && grep -q 'máy chủ khác' '$tmp/other.html'"
web_stop b

# --- a province's settings given at start; numbers per form ---------------
web_start n --khen-thuong-config "$ROOT/input/khen-thuong/dien-bien-2020.yaml" ||
    fail start_n "$(cat "$tmp/n.log")"
NTOK=$(web_token "$tmp/njar" "$URL")
loc=$(curl -s -o "$tmp/n.html" -w '%{redirect_url}' -b "$tmp/njar" -F csrf="$NTOK" \
    -F "danh_sach=@$KT/danh-sach.csv" -F ngay=2020-12-28 \
    --form-string "so=co-thi-dua=2012; cstd-tinh=2013" -F "so=tt-ldxs=2014" -F "so=bang-khen=2015" "$URL/khen-thuong")
nid=$(echo "$loc" | sed 's|.*/ket-qua/\([^/]*\)/|\1|')
check numbered_per_form "$(grep -o '<li>.*' "$tmp/n.html" | head -2)" sh -c "
    grep -qx 'so: .2015.' '$tmp/n/ket-qua/$nid/ra/bang-khen.md' &&
    grep -qx 'so: .2012.' '$tmp/n/ket-qua/$nid/ra/co-thi-dua.md' &&
    grep -qx 'so: .2013.' '$tmp/n/ket-qua/$nid/ra/cstd-tinh.md' &&
    grep -qx 'so: .2014.' '$tmp/n/ket-qua/$nid/ra/tt-ldxs.md'"
web_stop n

# --- nothing written outside --data; no error in the log ------------------
web_stop a
check log_clean "$(grep -i 'error\|lỗi' "$tmp/a.log" | head -2)" sh -c "! grep -qi 'error' '$tmp/a.log'"
exit 0
