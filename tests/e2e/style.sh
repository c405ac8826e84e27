#!/bin/sh
# Shape rules of style.md that a script can check on gen/: no function
# longer than 120 lines (a function's name starts in column 0, its body
# ends at the next "}" in column 0).  Prints one PASS/FAIL per folder.
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
cd "$ROOT/gen" || { echo "FAIL style: no gen/"; exit 0; }
MAX=120
for dir in */; do
	dir=${dir%/}
	long=$(for f in "$dir"/*.c; do
		[ -f "$f" ] || continue
		awk -v F="$f" -v max=$MAX '
		/^[a-z_][a-z_0-9]*\(/ { name = $1; sub(/\(.*/, "", name); start = NR }
		/^}/ && name != "" {
			if (NR - start + 1 > max)
				printf "%s:%d %s (%d lines); ", F, start, name, NR - start + 1
			name = ""
		}' "$f"
	done)
	if [ -z "$long" ]; then
		echo "PASS style_function_length_$dir"
	else
		echo "FAIL style_function_length_$dir: over $MAX lines: $long"
	fi
done
exit 0
