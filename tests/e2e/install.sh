#!/bin/sh
# make install / make uninstall, as a packager or a provincial IT person
# runs them: the tools are built afresh into a temporary folder with the
# build tree's data compiled in at a temporary copy, installed with
# DESTDIR and PREFIX=/usr, and run from another folder on the samples —
# once with that "build tree" present and once after it is removed (the
# installed tools must find their installed fonts and templates either
# way and give the same bytes); every manual opens with man -l (or
# mandoc); make uninstall removes every file it installed.
# Prints "PASS name" / "FAIL name: detail" / "SKIP name: why".
. "$(dirname "$0")/../lib/prologue.sh"
if [ -n "$VB_SANITIZED" ]; then
	echo "SKIP install: builds its own tools; run by the plain suite, not again under the sanitizers"
	exit 0
fi

# The "build tree" compiled in holds broken data (an empty font, an empty
# form table): an installed tool that preferred it to its own would fail.
mkdir -p "$tmp/tree"
cp -R "$ROOT/fonts" "$ROOT/templates" "$tmp/tree/"
: >"$tmp/tree/fonts/LiberationSerif-Regular.ttf"
: >"$tmp/tree/templates/khen-thuong/hinh-thuc.csv"
dest=$tmp/dest
if ! make -s -C "$ROOT" install DESTDIR="$dest" PREFIX=/usr \
    B="$tmp/build" BIN="$tmp/bin" CFLAGS="-O0" \
    FONT_DIR="$tmp/tree/fonts" TEMPLATES_DIR="$tmp/tree/templates" \
    >"$tmp/log" 2>&1; then
	fail install_make "$(tail -3 "$tmp/log")"
	exit 0
fi
pass install_make
find "$dest" -type f | sort >"$tmp/installed"
for f in usr/bin/vb-render usr/bin/vb-khenthuong usr/bin/vb-norm \
    usr/bin/vb-sotien usr/share/vanban/fonts/LiberationSerif-Regular.ttf \
    usr/share/vanban/fonts/OFL.txt \
    usr/share/vanban/templates/khen-thuong/hinh-thuc.csv \
    usr/share/man/man1/vb-render.1 usr/share/man/man7/vanban.7 \
    usr/share/bash-completion/completions/vb-render; do
	[ -f "$dest/$f" ] || missing="$missing $f"
done
[ -z "$missing" ] && pass install_files || fail install_files "missing:$missing"

# Render the samples from another folder: a copy of input/ elsewhere.
mkdir -p "$tmp/work" && cp -R "$ROOT/input" "$tmp/work/"
run() {	# OUTDIR: render every sample and a decision with the installed tools
	mkdir -p "$1"
	(cd "$tmp/work" && unset VB_FONT_DIR VB_TEMPLATES &&
	for s in input/*.md input/2020/ke-hoach.md; do
		SOURCE_DATE_EPOCH=1600000000 "$dest/usr/bin/vb-render" \
		    -o "$1/$(basename "$s" .md).pdf" "$s" || exit 1
	done &&
	SOURCE_DATE_EPOCH=1600000000 "$dest/usr/bin/vb-khenthuong" -q --pdf \
	    --config input/khen-thuong/dien-bien-2020.yaml --ngay 2020-12-28 \
	    -d "$1/kt" input/2020/de-nghi-khen-thuong.csv) >"$tmp/run.log" 2>&1
}
if run "$tmp/out1"; then
	pass install_render_with_tree
else
	fail install_render_with_tree "$(tail -3 "$tmp/run.log")"
fi
rm -rf "$tmp/tree"
if run "$tmp/out2"; then
	pass install_render_tree_moved
else
	fail install_render_tree_moved "$(tail -3 "$tmp/run.log")"
fi
if diff -r "$tmp/out1" "$tmp/out2" >/dev/null 2>&1; then
	pass install_same_bytes
else
	fail install_same_bytes "the outputs differ with and without the tree"
fi

# The manuals.
if command -v man >/dev/null 2>&1; then
	viewer="man -l"
elif command -v mandoc >/dev/null 2>&1; then
	viewer="mandoc"
fi
if [ -n "$viewer" ]; then
	bad=
	for m in "$dest"/usr/share/man/man*/*; do
		out=$(MANPAGER=cat PAGER=cat $viewer "$m" 2>/dev/null | head -5)
		[ -n "$out" ] || bad="$bad $(basename "$m")"
	done
	[ -z "$bad" ] && pass install_man_pages || fail install_man_pages "$bad"
else
	echo "SKIP install_man_pages: neither man nor mandoc is installed"
fi

if make -s -C "$ROOT" uninstall DESTDIR="$dest" PREFIX=/usr \
    B="$tmp/build" BIN="$tmp/bin" >"$tmp/log" 2>&1; then
	left=$(cd "$dest" && find . -type f | head -5)
	[ -z "$left" ] && pass install_uninstall ||
	    fail install_uninstall "left behind: $left"
else
	fail install_uninstall "$(tail -3 "$tmp/log")"
fi
exit 0
