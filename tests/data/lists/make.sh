#!/bin/sh
# How the lists of this folder were made (not run by make test), from
# ../kt/danh-sach.csv (input/2020/de-nghi-khen-thuong.csv):
#  - huong-dan.xlsx (openpyxl): a guide sheet "Hướng dẫn" first, then
#    "Danh sách" with the list and an office's footer whose place and
#    date, title and signer fall in the Hình thức column;
#  - huong-dan.ods, huong-dan.xls: LibreOffice Calc's .ods and .xls of it;
#  - mojibake.xlsx (openpyxl): the list as LibreOffice gives it when the
#    UTF-8 CSV is imported as Windows-1252 (bytes 81 8D 8F 90 9D, which
#    Windows-1252 lacks, as U+0081 ... the way LibreOffice reads them);
#  - loi.xlsx (openpyxl): the list with a form mistyped in cell F3;
#  - khong-khop.xlsx (openpyxl): a guide sheet and a list whose headings
#    are not a nominee list's (no sheet matches).
cd "$(dirname "$0")" || exit 1
/usr/bin/python3 - <<'PY'
import csv, openpyxl
rows = list(csv.reader(open("../kt/danh-sach.csv", encoding="utf-8")))
wb = openpyxl.Workbook(); g = wb.active; g.title = "Hướng dẫn"
g.append(["HƯỚNG DẪN LẬP DANH SÁCH"])
g.append(["1. Mỗi dòng một cá nhân hoặc tập thể."])
g.append(["2. Cột Hình thức khen thưởng ghi đúng tên trong danh mục."])
ws = wb.create_sheet("Danh sách")
ws.append(["UBND TỈNH ĐIỆN BIÊN"]); ws.append([])
for row in rows:
    ws.append([int(c) if c.isdigit() and i == 0 else c for i, c in enumerate(row)])
ws.append([])
n = len(rows[0])
ws.append([""] * (n - 2) + ["Lào Cai, ngày 01 tháng 12 năm 2025"])
ws.append(["", "", "Người lập biểu"] + [""] * (n - 5) + ["GIÁM ĐỐC"])
ws.append([]); ws.append([])
ws.append(["", "", "Lường Thị Thu"] + [""] * (n - 5) + ["Nguyễn Văn Hải"])
wb.save("huong-dan.xlsx")

def cp1252(b):
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "danh-sach"
for row in rows:
    ws.append(["".join(cp1252(b) for b in c.encode("utf-8")) for c in row])
wb.save("mojibake.xlsx")
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Danh sách"
for row in rows:
    ws.append(row)
ws["F3"] = "Bằng khen UBND"
wb.save("loi.xlsx")
wb = openpyxl.Workbook(); g = wb.active; g.title = "Hướng dẫn"
g.append(["Ghi chú"])
ws = wb.create_sheet("Danh sách")
ws.append(["STT", "Tên", "Nơi công tác", "Khen"])
ws.append([1, "Lò Văn Minh", "Sở Nội vụ", "Giấy khen"])
wb.save("khong-khop.xlsx")
PY
for t in ods xls; do
	soffice --headless --convert-to $t --outdir . huong-dan.xlsx
done
