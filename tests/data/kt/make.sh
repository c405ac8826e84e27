#!/bin/sh
# How the nominee-list workbooks of this folder were made (not run by
# make test): danh-sach.csv is input/2020/de-nghi-khen-thuong.csv;
# LibreOffice Calc writes lo-danh-sach.xlsx and .xls from it as they are;
# openpyxl writes py-danh-sach.xlsx with the title rows and the signature
# footer offices put around a list.
cd "$(dirname "$0")" || exit 1
for t in xlsx xls; do
	soffice --headless --infilter="CSV:44,34,76,1" --convert-to $t \
	    --outdir . danh-sach.csv && mv danh-sach.$t lo-danh-sach.$t
done
/usr/bin/python3 - <<'PY'
import csv, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Danh sách"
ws.append(["UBND TỈNH ĐIỆN BIÊN"]); ws.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2020"]); ws.append([])
for row in csv.reader(open("danh-sach.csv", encoding="utf-8")):
    ws.append([int(c) if c.isdigit() and i == 0 else c for i, c in enumerate(row)])
ws.append([]); ws.append(["", "", "Người lập biểu"])
wb.save("py-danh-sach.xlsx")
PY
