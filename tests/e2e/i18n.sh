#!/bin/sh
# The Vietnamese catalogue covers every message: the message ids are
# extracted afresh from gen/ (every diag_add format string, as `make pot`
# does) and each must be in po/vi.po, translated, with the same format
# directives.  Prints "PASS name" / "FAIL name: detail" / "SKIP name: why".
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for t in xgettext msgcmp msgfmt msgattrib; do
	if ! command -v $t >/dev/null 2>&1; then
		echo "SKIP i18n_catalogue: $t is not installed (gettext)"
		exit 0
	fi
done
cd "$ROOT" || exit 0
xgettext --from-code=UTF-8 --language=C -k -kdiag_add:6 -kvb_tr \
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
exit 0
