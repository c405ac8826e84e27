#!/bin/sh
# The Makefile itself (issue 21): a second make does nothing.  The
# tools' objects (build/tools/vb-*.o) were intermediates of the pattern
# rule that links a tool, so make deleted them after a fresh build; their
# .d files name them, so the next make built them all again.  Checked on
# make's database (a real fresh build would take the whole suite's time):
# each tool's object must be kept (.SECONDARY) or never intermediate.
# Also: pkg-config runs once per make (its results are := variables).
# Prints "PASS name" / "FAIL name: detail".  Environment: ROOT, BUILD.
. "$(dirname "$0")/../lib/prologue.sh"
BUILD=${BUILD:-build}

make -C "$ROOT" -pq B="$BUILD" tools >"$tmp/db" 2>/dev/null
secondary=$(grep '^\.SECONDARY:' "$tmp/db")
missing=
for c in "$ROOT"/gen/tools/*.c; do
	o=$BUILD/tools/$(basename "$c" .c).o
	case " $secondary " in *" $o "*) ;; *) missing="$missing $o" ;; esac
done
if [ -n "$secondary" ] && [ -z "$missing" ]; then
	echo "PASS make_tool_objects_kept"
else
	echo "FAIL make_tool_objects_kept: not .SECONDARY:$missing"
fi

for v in PKG_CFLAGS PKG_LIBS; do
	if grep -q "^$v := " "$tmp/db"; then
		echo "PASS make_${v}_once"
	else
		echo "FAIL make_${v}_once: not a simply expanded (:=) variable"
	fi
done
exit 0
