#!/bin/sh
# The user's manual pages (man/*.1, man/*.7) and the bash completion
# (completion/vanban.bash): every page there is, and lint-clean under
# mandoc; the completion parses and registers every tool; and for each
# tool built in $BIN, every long option its --help prints is in its page
# and every long option its page lists (an ".It Fl -name" item) is in its
# --help.
# Prints "PASS name" / "FAIL name: detail" / "SKIP name: why".
# Environment: ROOT (the repository), BIN (the tools, default $ROOT/bin).
. "$(dirname "$0")/../lib/prologue.sh"
man=$ROOT/man
comp=$ROOT/completion/vanban.bash
# One collation for sort and comm.
LC_ALL=C
export LC_ALL

# ---- The pages the project promises.
for p in vb-render.1 vb-norm.1 vb-khenthuong.1 vb-sotien.1 vanban.7; do
	if [ -s "$man/$p" ]; then
		pass "man_page_exists_$p"
	else
		fail "man_page_exists_$p" "no $man/$p"
	fi
done

# ---- Lint: mandoc says nothing at the level of warnings.
for f in "$man"/*.1 "$man"/*.7; do
	[ -f "$f" ] || continue
	p=$(basename "$f")
	if ! command -v mandoc >/dev/null 2>&1; then
		skip "man_lint_$p" "mandoc is not installed"
		continue
	fi
	mandoc -Tlint -W warning "$f" >"$tmp/lint" 2>&1
	if [ ! -s "$tmp/lint" ]; then
		pass "man_lint_$p"
	else
		fail "man_lint_$p" "$(head -3 "$tmp/lint" | sed "s|$man/||" | tr '\n' ' ')"
	fi
done

# ---- The completion: it parses, and registers a function for every tool.
if ! command -v bash >/dev/null 2>&1; then
	skip man_completion_syntax "bash is not installed"
elif [ ! -f "$comp" ]; then
	fail man_completion_syntax "no $comp"
elif bash -n "$comp" 2>"$tmp/bash"; then
	pass man_completion_syntax
	for t in vb-render vb-norm vb-khenthuong vb-sotien vb-baocao; do
		if bash -c '. "$1" && complete -p "$2"' sh "$comp" "$t" \
		    >/dev/null 2>&1; then
			pass "man_completion_registers_$t"
		else
			fail "man_completion_registers_$t" "no 'complete' for $t"
		fi
	done
else
	fail man_completion_syntax "$(head -1 "$tmp/bash")"
fi

# ---- Long options: the --help of each tool against its page.
# Long options a page lists: ".It Fl -name" or ".It Fl \-name", and any
# other "Fl -name" on the line (".It Fl o , Fl \-output Ns = ...").
page_listed() {
	awk '/^\.It / {
		for (i = 2; i < NF; i++)
			if ($i == "Fl" && $(i + 1) ~ /^\\?-[a-z0-9]/) {
				o = $(i + 1)
				sub(/^\\/, "", o)
				print "-" o
			}
	}' "$1" | sed 's/[^a-z0-9-].*//' | grep '^--.' | sort -u
}
# Long options a page mentions anywhere: "Fl -name" and a literal
# "--name" (in examples, in old spellings "still accepted").
page_mentioned() {
	{
		awk '{
			for (i = 1; i < NF; i++)
				if ($i ~ /Fl$/ && $(i + 1) ~ /^\\?-[a-z0-9]/) {
					o = $(i + 1)
					sub(/^\\/, "", o)
					print "-" o
				}
		}' "$1"
		sed 's/\\-/-/g' "$1" | grep -o -- '--[a-z0-9][a-z0-9-]*'
	} | sed 's/[^a-z0-9-].*//' | grep '^--.' | sort -u
}
for t in vb-render vb-norm vb-khenthuong vb-sotien vb-baocao vb-web; do
	page=$man/$t.1
	if [ ! -x "$BIN/$t" ]; then
		skip "man_options_$t" "$BIN/$t is not built"
		continue
	fi
	if [ ! -f "$page" ]; then
		if [ $t = vb-baocao ]; then
			skip "man_options_$t" "no page $t.1"
		else
			fail "man_options_$t" "no page $t.1"
		fi
		continue
	fi
	if ! "$BIN/$t" --help >"$tmp/help" 2>&1; then
		fail "man_options_${t}_help" "$t --help exits $?"
		continue
	fi
	grep -o -- '--[a-z0-9][a-z0-9-]*' "$tmp/help" | sort -u >"$tmp/h"
	page_listed "$page" >"$tmp/listed"
	page_mentioned "$page" >"$tmp/mentioned"
	if [ ! -s "$tmp/h" ] || [ ! -s "$tmp/listed" ]; then
		fail "man_options_$t" "no long options found in --help or in the page"
		continue
	fi
	miss=$(comm -23 "$tmp/h" "$tmp/mentioned" | tr '\n' ' ')
	if [ -z "$miss" ]; then
		pass "man_options_${t}_help_in_page"
	else
		fail "man_options_${t}_help_in_page" "--help has, $t.1 lacks: $miss"
	fi
	miss=$(comm -23 "$tmp/listed" "$tmp/h" | tr '\n' ' ')
	if [ -z "$miss" ]; then
		pass "man_options_${t}_page_in_help"
	else
		fail "man_options_${t}_page_in_help" "$t.1 lists, --help lacks: $miss"
	fi
done
exit 0
