#!/bin/sh
# The include rule of gen/ (README.md, "Architecture"): which header each
# stage may include, and which library headers only one module may.  One
# check per folder and per library header; `make check-includes` runs it.
# The stage order is also checked on the objects (nm; see the end).
# Prints "PASS name" / "FAIL name: detail".  Environment: ROOT, BUILD.
here=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$here/../.." && pwd)}
cd "$ROOT/gen" || { echo "FAIL includes: no gen/"; exit 0; }

# folder: the project headers its files may include besides its own
# folder's: the public headers of earlier stages (base/base.h,
# input/input.h, doc/phoi.h, render/render.h) and the few inner headers
# a later stage reads.  vanban.h, the umbrella, only for the tools and
# vb-web's server beside them (checked again below).
allowed() {
	case $1 in
	base)		echo "" ;;
	# input/xlsx_int.h and emit/docx.c reach libzip through base/zipso.h
	# (loaded on first use; see the libzip check below).
	input)		echo "base/base.h base/zipso.h" ;;
	doc)		echo "base/base.h input/input.h" ;;
	layout)		echo "base/base.h input/input.h doc/doc.h doc/phoi.h" ;;
	# emit: the DOCX writer reads the document model, not the display
	# list, because Word reflows the text itself (only emit/docx*.c; see
	# the check below).
	emit)		echo "base/base.h input/input.h layout/layout.h doc/doc.h
			    base/zipso.h" ;;
	render)		echo "base/base.h input/input.h doc/doc.h doc/phoi.h
			    layout/layout.h emit/emit.h" ;;
	tools)		echo "vanban.h kt/kt.h baocao/bc.h web/web.h" ;;
	# web: vb-web's server, beside the tools; its worker calls the
	# generators' run entry points and writes the zip through zipso.
	web)		echo "vanban.h kt/kt.h baocao/bc.h base/zipso.h" ;;
	# the generators (kt, baocao, ...): siblings, neither includes the
	# other's header.
	*)		echo "base/base.h input/input.h doc/phoi.h render/render.h" ;;
	esac
}

for dir in */; do
	dir=${dir%/}
	ok=$(allowed "$dir")
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

# vanban.h is the tools' umbrella: no file of the library (the stage
# folders below tools/ and web/) includes it, so that a library file
# sees only the declarations of its own stage and of earlier ones.
# Prints "FILE; " for each one that does, under folder $1.
umbrella_users() {
	(cd "$1" && for f in */*.c */*.h; do
		[ -f "$f" ] || continue
		case ${f%%/*} in tools|web) continue ;; esac
		grep -q '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]vanban\.h[">]' \
		    "$f" && printf '%s; ' "$f"
	done)
}
bad=$(umbrella_users .)
if [ -z "$bad" ]; then
	echo "PASS includes_no_umbrella_in_library"
else
	echo "FAIL includes_no_umbrella_in_library: vanban.h (for the tools only) included by $bad"
fi

# The umbrella rule checked on itself: a layout file including vanban.h
# is caught, a tool's is not.
u=$(mktemp -d)
mkdir -p "$u/layout" "$u/tools"
printf '#include "vanban.h"\n' >"$u/layout/x.c"
printf '#include "vanban.h"\n' >"$u/tools/vb-x.c"
got=$(umbrella_users "$u")
rm -rf "$u"
if [ "$got" = "layout/x.c; " ]; then
	echo "PASS includes_umbrella_self_check"
else
	echo "FAIL includes_umbrella_self_check: got \"$got\""
fi

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
# In emit/, the model (doc/doc.h) only for the DOCX writer.
bad=$(grep -l '^#include "doc/doc.h"' emit/*.c emit/*.h 2>/dev/null |
    grep -v '^emit/docx' | tr '\n' ' ')
if [ -z "$bad" ]; then
	echo "PASS includes_emit_doc_docx_only"
else
	echo "FAIL includes_emit_doc_docx_only: doc/doc.h in $bad(only emit/docx*.c)"
fi

lib libzip 'zip.h' base/zipso.h
lib expat 'expat.h' input/xlsx_int.h input/ods.c
lib harfbuzz 'hb' emit/font.c
lib zlib 'zlib.h' emit/pdf.c
lib libpng 'png.h' emit/png.c
lib lcms2 'lcms2' emit/pdfa.c
lib cmark 'cmark' doc/*.c
lib libyaml 'yaml' doc/*.c base/config.c input/yaml.c
lib libcsv 'csv.h' input/csvt.c
lib iconv 'iconv' input/*.c input/input_int.h
lib libmicrohttpd 'microhttpd.h' web/server.c web/upload.c

# The stage order on the objects: an object may use only symbols that
# its own stage or an earlier one defines.  Order: base, input, doc,
# layout, emit (the writers), render, the generators kt and baocao
# (siblings: neither uses the other), then tools and web.  A prototype
# in vanban.h lets a call climb past the include rule; nm does not.
rank() {	# stage folder -> its place in the order
	case $1 in
	base) echo 0 ;; input) echo 1 ;; doc) echo 2 ;; layout) echo 3 ;;
	emit) echo 4 ;; render) echo 5 ;; kt|baocao) echo 6 ;;
	tools|web) echo 7 ;; *) echo "" ;;
	esac
}

# Upward uses among the objects of build folder $1 whose source is in
# gen folder $2 (a stale object, its source gone, is skipped): one
# "OBJ uses SYM of OBJ; " each; nothing when the order holds.
upward() {
	(cd "$1" && for o in */*.o; do
		[ -f "$o" ] && [ -f "$2/${o%.o}.c" ] || continue
		d=${o%%/*}
		r=$(rank "$d")
		[ -n "$r" ] || continue
		nm -P --defined-only "$o" 2>/dev/null | awk -v o="$o" \
		    -v r="$r" -v d="$d" '$2 ~ /^[TDBRCVW]$/ {
			print "D", $1, o, r, d }'
		nm -P -u "$o" 2>/dev/null | awk -v o="$o" -v r="$r" \
		    -v d="$d" '{ print "U", $1, o, r, d }'
	done) | awk '$1 == "D" { def[$2] = $3; dr[$2] = $4; dd[$2] = $5; next }
	    { use[++n] = $0 }
	    END {
		for (i = 1; i <= n; i++) {
			split(use[i], f, " ")
			s = f[2]
			if (!(s in def))
				continue
			if (dr[s] > f[4] || (dr[s] == f[4] && f[4] == 6 &&
			    dd[s] != f[5]))
				printf "%s uses %s of %s; ", f[3], s, def[s]
		}
	    }'
}

BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
if ! command -v nm >/dev/null 2>&1 || ! command -v cc >/dev/null 2>&1 ||
    [ ! -d "$BUILD" ]; then
	echo "SKIP symbols_stage_order: no nm, cc or $BUILD"
	exit 0
fi
bad=$(upward "$BUILD" "$ROOT/gen")
if [ -z "$bad" ]; then
	echo "PASS symbols_stage_order"
else
	echo "FAIL symbols_stage_order: $bad"
fi

# No global function of the library that nothing else uses: a function
# only its own file calls is static, one nothing calls is removed.  A
# use is another object's (nm) or a test's (tests/ names it).
dead=$(cd "$BUILD" && for o in */*.o; do
	[ -f "$o" ] && [ -f "$ROOT/gen/${o%.o}.c" ] || continue
	nm -P --defined-only "$o" | awk -v o="$o" '$2 == "T" { print "T", $1, o }'
	nm -P -u "$o" | awk '{ print "U", $1 }'
done | awk '$1 == "U" { used[$2] = 1; next } { def[$2] = $3 }
	END { for (s in def) if (!(s in used) && s != "main" &&
	    s !~ /^LLVMFuzzer/) print s, def[s] }' | sort |
    while read -r s o; do
	grep -rqw "$s" "$ROOT/tests" || printf '%s (%s); ' "$s" "$o"
    done)
if [ -z "$dead" ]; then
	echo "PASS symbols_no_unused_globals"
else
	echo "FAIL symbols_no_unused_globals: global but used by no other file nor test: $dead"
fi

# The check itself: base calling layout, and kt calling baocao, must be
# caught; layout calling base must not.
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/gen/base" "$t/gen/layout" "$t/gen/kt" "$t/gen/baocao" \
    "$t/b/base" "$t/b/layout" "$t/b/kt" "$t/b/baocao"
printf 'int lo(void);\nint up(void);\nint lo(void) { return up(); }\n' \
    >"$t/gen/base/lo.c"
printf 'int lo(void);\nint up(void);\nint up(void) { return lo(); }\n' \
    >"$t/gen/layout/up.c"
printf 'int bc(void);\nint kt(void);\nint kt(void) { return bc(); }\n' \
    >"$t/gen/kt/kt.c"
printf 'int bc(void);\nint bc(void) { return 1; }\n' >"$t/gen/baocao/bc.c"
for f in base/lo layout/up kt/kt baocao/bc; do
	cc -c -o "$t/b/$f.o" "$t/gen/$f.c" || echo "FAIL symbols_self: cc"
done
got=$(upward "$t/b" "$t/gen")
case $got in
"base/lo.o uses up of layout/up.o; kt/kt.o uses bc of baocao/bc.o; " |\
"kt/kt.o uses bc of baocao/bc.o; base/lo.o uses up of layout/up.o; ")
	echo "PASS symbols_self_check" ;;
*)	echo "FAIL symbols_self_check: got \"$got\"" ;;
esac
exit 0
