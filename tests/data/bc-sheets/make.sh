#!/bin/sh
# How the workbooks of this folder were made (not run by make test),
# from input/2020/ (tests/e2e/bc-sheets.sh reads them with vb-baocao):
#  - tien-do.xlsx (openpyxl): the progress table on a form's only sheet
#    "Phiếu báo cáo", under a title row;
#  - tien-do-huong-dan.xlsx (openpyxl): the same form after a guide sheet
#    "Hướng dẫn", as a clerk may save it;
#  - tien-do-huong-dan.ods, tien-do-lo.xlsx: LibreOffice Calc's .ods of
#    it, and the .xlsx Calc saves from that .ods;
#  - nhiem-vu-huong-dan.xlsx (openpyxl): the task table after a guide
#    sheet;
#  - don-vi-huong-dan.xlsx (openpyxl): the units after a guide sheet;
#  - khong-khop.xlsx (openpyxl): a guide sheet and a sheet of notes, no
#    progress table;
#  - so-dang-ky.csv: ../../e2e/baocao-nam/so-dang-ky.csv with its 2026
#    decisions dated in 2020 (quý II, but the last); so-dang-ky-huong-dan.xlsx
#    (openpyxl): that register after a guide sheet, its dates and numbers
#    as Excel keeps them.
cd "$(dirname "$0")" || exit 1
I=../../../input/2020
sed 's/^\(\xef\xbb\xbf\)\?2026-0[1-3]/2020-04/; s/^2026/2020/' \
    ../../e2e/baocao-nam/so-dang-ky.csv >so-dang-ky.csv
/usr/bin/python3 - "$I" <<'PY'
import csv, datetime, sys, openpyxl
I = sys.argv[1]
def rows(name):
    return list(csv.reader(open(I + "/" + name, encoding="utf-8")))
def guide(wb, lines):
    g = wb.active
    g.title = "Hướng dẫn"
    for l in lines:
        g.append([l])
def form(ws, rs):
    ws.append(["PHIẾU BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH"])
    ws.append([])
    for r in rs:
        ws.append(r)
tien = rows("tien-do.csv")
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Phiếu báo cáo"
form(ws, tien)
wb.save("tien-do.xlsx")
wb = openpyxl.Workbook()
guide(wb, ["HƯỚNG DẪN ĐIỀN PHIẾU", "1. Mỗi dòng một nhiệm vụ.",
           "2. Cột Trạng thái: Hoàn thành, Đang thực hiện, Chưa thực hiện."])
form(wb.create_sheet("Phiếu báo cáo"), tien)
wb.save("tien-do-huong-dan.xlsx")
wb = openpyxl.Workbook()
guide(wb, ["KẾ HOẠCH CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "Xem sheet Nhiệm vụ."])
ws = wb.create_sheet("Nhiệm vụ")
for r in rows("nhiem-vu.csv"):
    ws.append(r)
wb.save("nhiem-vu-huong-dan.xlsx")
wb = openpyxl.Workbook()
guide(wb, ["DANH SÁCH ĐƠN VỊ", "Mỗi dòng một đơn vị."])
ws = wb.create_sheet("Đơn vị")
for r in rows("don-vi.csv"):
    ws.append(r)
wb.save("don-vi-huong-dan.xlsx")
wb = openpyxl.Workbook()
guide(wb, ["HƯỚNG DẪN ĐIỀN PHIẾU"])
ws = wb.create_sheet("Ghi chú")
ws.append(["STT", "Nội dung", "Ghi chú"])
ws.append([1, "Sở Nội vụ gửi phiếu trước ngày 05/4", ""])
wb.save("khong-khop.xlsx")
wb = openpyxl.Workbook()
guide(wb, ["SỔ ĐĂNG KÝ QUYẾT ĐỊNH KHEN THƯỞNG"])
ws = wb.create_sheet("Sổ đăng ký")
reg = list(csv.reader(open("so-dang-ky.csv", encoding="utf-8-sig")))
ws.append(reg[0])
for r in reg[1:]:
    ws.append([datetime.date.fromisoformat(r[0])] + r[1:4] +
              [int(x) for x in r[4:7]] + r[7:])
    ws.cell(ws.max_row, 1).number_format = "DD/MM/YYYY"
wb.save("so-dang-ky-huong-dan.xlsx")
PY
d=$(mktemp -d)
soffice --headless --convert-to ods --outdir . tien-do-huong-dan.xlsx
cp tien-do-huong-dan.ods "$d/tien-do-lo.ods"
soffice --headless --convert-to xlsx --outdir . "$d/tien-do-lo.ods"
rm -rf "$d"
