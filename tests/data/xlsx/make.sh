#!/bin/sh
# Makes the test workbooks of this folder (not run by `make test`; the
# workbooks are committed).  Two independent writers: LibreOffice Calc
# (soffice --convert-to) and python3-openpyxl; plus workbooks written by
# hand with python's zipfile for what neither writes (inline and rich
# strings, escapes, odd references) and the hostile files (zip bomb,
# DOCTYPE, a zip that is not a workbook, an encrypted workbook).
# Needs: libreoffice-calc (soffice), python3-openpyxl (Debian).
set -e
cd "$(dirname "$0")"
export HOME="${TMPDIR:-/tmp}/vb-xlsx-home.$$"
mkdir -p "$HOME" out.tmp
trap 'rm -rf "$HOME" out.tmp' EXIT
# CSV import: comma, double quote, UTF-8 (76), from line 1.
lo() {	# FORMAT FILE
	soffice --headless --infilter="CSV:44,34,76,1" --convert-to "$1" \
	    --outdir out.tmp "$2" >/dev/null 2>&1
}

# LibreOffice from the CSV: must give exactly the CSV's rows.
lo xlsx lo-list.csv && mv out.tmp/lo-list.xlsx .
lo xls lo-list.csv && mv out.tmp/lo-list.xls .
lo ods lo-list.csv && mv out.tmp/lo-list.ods .
# Long texts (lo-long.csv, 160 rows): the .xls's shared strings run over
# 8,224 bytes, so into CONTINUE records that split strings.
lo xls lo-long.csv && mv out.tmp/lo-long.xls .
# A Word .doc: an OLE compound file without a workbook.
printf 'Not a workbook.\n' > out.tmp/lo-doc.txt
soffice --headless --convert-to doc --outdir out.tmp out.tmp/lo-doc.txt \
    >/dev/null 2>&1 && mv out.tmp/lo-doc.doc .

# openpyxl (and the hand-made ones).
/usr/bin/python3 make.py

# LibreOffice saves openpyxl's feature workbook again: its formulas get
# their cached values, and the .xls what biff.c makes of it.
soffice --headless --convert-to xlsx --outdir out.tmp py-features.xlsx \
    >/dev/null 2>&1 && mv out.tmp/py-features.xlsx lo-features.xlsx
soffice --headless --convert-to xls --outdir out.tmp py-features.xlsx \
    >/dev/null 2>&1 && mv out.tmp/py-features.xls lo-features.xls
# 1904 dates through LibreOffice too, and the formulas' results.
for f in 1904 formulas; do
	for x in xlsx xls; do
		soffice --headless --convert-to $x --outdir out.tmp \
		    py-$f.xlsx >/dev/null 2>&1 && mv out.tmp/py-$f.$x lo-$f.$x
	done
done
ls -l *.xlsx *.xls *.ods *.doc *.csv
