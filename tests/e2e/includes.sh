#!/bin/sh
# The include rule of gen/ (README.md, "Architecture"): which header each
# stage may include, and which library headers only one module may.  One
# check per folder and per library header; `make check-includes` runs it.
# Prints "PASS name" / "FAIL name: detail".  Environment: ROOT.
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
cd "$ROOT/gen" || { echo "FAIL includes: no gen/"; exit 0; }

# folder: the project headers its files may include (besides its own
# folder's headers and vanban.h).
allowed() {
	case $1 in
	base|doc)	echo "" ;;
	# input/xlsx.c and out/docx.c reach libzip through base/zipso.h
	# (loaded on first use; see the libzip check below).
	input)		echo "base/zipso.h" ;;
	layout)		echo "doc/doc.h" ;;
	# out: the DOCX writer reads the document model, not the display
	# list, because Word reflows the text itself (only out/docx*.c; see
	# the check below).
	out)		echo "layout/layout.h doc/doc.h base/zipso.h" ;;
	render)		echo "doc/doc.h layout/layout.h out/out.h" ;;
	tools)		echo "kt/kt.h baocao/bc.h" ;;
	*)		echo "" ;;	# generators (kt, baocao, ...)
	esac
}

for dir in */; do
	dir=${dir%/}
	ok="vanban.h $(allowed "$dir")"
	bad=$(grep -H '^#include "' "$dir"/*.c "$dir"/*.h 2>/dev/null |
	    while IFS= read -r line; do
		file=${line%%:*}
		h=$(printf '%s\n' "$line" | sed 's/.*#include "\([^"]*\)".*/\1/')
		case $h in "$dir"/*) continue ;; esac
		hit=0
		for a in $ok; do [ "$h" = "$a" ] && hit=1; done
		[ $hit = 1 ] || printf '%s includes %s; ' "$file" "$h"
	    done)
	if [ -z "$bad" ]; then
		echo "PASS includes_$dir"
	else
		echo "FAIL includes_$dir: $bad"
	fi
done

# Library headers that one module alone may include.
lib() {	# NAME PATTERN ALLOWED-FILES...
	name=$1 pat=$2
	shift 2
	got=$(grep -l "^#include <$pat" */*.c */*.h 2>/dev/null | sort | tr '\n' ' ')
	want=$(for f in "$@"; do [ -f "$f" ] && echo "$f"; done | sort | tr '\n' ' ')
	extra=
	for f in $got; do
		case " $want " in *" $f "*) ;; *) extra="$extra $f" ;; esac
	done
	if [ -z "$extra" ]; then
		echo "PASS includes_lib_$name"
	else
		echo "FAIL includes_lib_$name: <$pat> only in $* (also in:$extra)"
	fi
}
# In out/, the model (doc/doc.h) only for the DOCX writer.
bad=$(grep -l '^#include "doc/doc.h"' out/*.c out/*.h 2>/dev/null |
    grep -v '^out/docx' | tr '\n' ' ')
if [ -z "$bad" ]; then
	echo "PASS includes_out_doc_docx_only"
else
	echo "FAIL includes_out_doc_docx_only: doc/doc.h in $bad(only out/docx*.c)"
fi

lib libzip 'zip.h' base/zipso.h
lib expat 'expat.h' input/xlsx.c input/ods.c
lib harfbuzz 'hb' out/font.c
lib zlib 'zlib.h' out/pdf.c
lib libpng 'png.h' out/png.c
lib lcms2 'lcms2' out/pdfa.c
lib cmark 'cmark' doc/*.c
lib libyaml 'yaml' doc/*.c base/config.c
lib libcsv 'csv.h' input/csvt.c
lib iconv 'iconv' input/*.c input/input.h
exit 0
