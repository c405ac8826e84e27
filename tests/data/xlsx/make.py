#!/usr/bin/python3
"""Writes the openpyxl and hand-made test workbooks (called by make.sh).

py-list.xlsx, py-1904.xlsx: lo-list.csv through openpyxl (numbers as
numbers, days as dates with a custom date format; 1904 date system).
py-features.xlsx: merged headings, a hidden row, a hidden sheet first,
a formula, a gap, trailing styled-but-empty rows and columns, an empty
sheet.  hand-*.xlsx: written part by part with zipfile.
"""
import csv
import datetime
import io
import struct
import unicodedata
import zipfile

import openpyxl
from openpyxl.styles import PatternFill
from openpyxl.utils.datetime import CALENDAR_MAC_1904


def typed(v):
    """A CSV field as the value a clerk's spreadsheet would hold."""
    try:
        return int(v)
    except ValueError:
        pass
    try:
        return float(v)
    except ValueError:
        pass
    try:
        return datetime.datetime.strptime(v, "%Y-%m-%d")
    except ValueError:
        return v


def from_csv(path, epoch, fmt):
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "Danh sách"
    with open("lo-list.csv", encoding="utf-8") as f:
        for r, row in enumerate(csv.reader(f), 1):
            for c, v in enumerate(row, 1):
                cell = ws.cell(row=r, column=c, value=typed(v))
                if isinstance(cell.value, datetime.datetime):
                    cell.number_format = fmt
    wb.save(path)


def features():
    wb = openpyxl.Workbook()
    hid = wb.active
    hid.title = "Ẩn"
    hid["A1"] = "Trang ẩn"
    hid["A2"] = "không được đọc"
    hid.sheet_state = "hidden"
    ws = wb.create_sheet("Danh sách")
    ws["A1"] = "Họ và tên"
    ws.merge_cells("A1:A2")
    ws["B1"] = "Khen thưởng"
    ws.merge_cells("B1:C1")
    ws["D1"] = "Điểm"
    ws.merge_cells("D1:D2")
    ws["E1"] = "Ngày"
    ws.merge_cells("E1:E2")
    ws["B2"] = "Hình thức"
    ws["C2"] = "Số tiền"
    rows = [
        ("Nguyễn Văn An", "Giấy khen", 1490000, 87.5,
         datetime.datetime(2020, 1, 10)),
        ("Ẩn Văn Bốn", "Bằng khen", 1, 1, None),
        ("Trần Thị Bình", "Bằng khen", 2980000, "=0.1+0.2",
         datetime.datetime(1999, 12, 31)),
        None,
        ("  Lê Văn Cường  ", None, 745000, None,
         datetime.datetime(2024, 2, 29)),
    ]
    for i, row in enumerate(rows, 3):
        if row is None:
            continue
        for c, v in enumerate(row, 1):
            if v is not None:
                cell = ws.cell(row=i, column=c, value=v)
                if isinstance(v, datetime.datetime):
                    cell.number_format = "dd/mm/yyyy"
    ws.row_dimensions[4].hidden = True
    grey = PatternFill("solid", fgColor="DDDDDD")
    ws["H20"].fill = grey          # styled, empty: dropped
    ws["A15"].fill = grey
    wb.create_sheet("Trống")
    wb.save("py-features.xlsx")


def formulas():
    """Formulas of every result type; LibreOffice computes the cached
    values when it saves the workbook again (lo-formulas.*)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Công thức"
    ws.append(["STT", "Tên", "Tiền", "Thành tiền", "Ngày", "Đúng", "Lỗi"])
    data = [("Nguyễn Văn An", 1490000), ("Trần Thị Bình", 745000)]
    for i, (name, amount) in enumerate(data, 2):
        ws.cell(row=i, column=1, value="=ROW()-1")
        ws.cell(row=i, column=2, value='=UPPER("%s")&" (" & A%d & ")"'
                % (name, i))
        ws.cell(row=i, column=3, value=amount)
        ws.cell(row=i, column=4, value="=C%d*1.1/1.1" % i)
        ws.cell(row=i, column=5, value="=DATE(2020,1,%d)" % (9 + i))
        ws.cell(row=i, column=5).number_format = "dd/mm/yyyy"
        ws.cell(row=i, column=6, value="=C%d>1000000" % i)
        ws.cell(row=i, column=7, value="=1/0" if i == 2 else "=NA()")
    wb.save("py-formulas.xlsx")


CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>"""
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def book(path, sheets, sst=None, styles=None, extra=None, date1904=False):
    """A workbook written part by part: sheets = [(name, xml, state)]."""
    wb = ['<?xml version="1.0" encoding="UTF-8"?>\n<workbook %s>' % NS]
    wb.append('<workbookPr date1904="%d"/><sheets>' % date1904)
    rels = ['<?xml version="1.0" encoding="UTF-8"?>\n<Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships">']
    for i, (name, _, state) in enumerate(sheets, 1):
        st = ' state="%s"' % state if state else ""
        wb.append('<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>'
                  % (name, i, st, i))
        target = ("/xl/worksheets/sheet%d.xml" if i % 2 == 0
                  else "worksheets/sheet%d.xml") % i
        rels.append('<Relationship Id="rId%d" Type="%sworksheet" '
                    'Target="%s"/>' % (i, R, target))
    wb.append("</sheets></workbook>")
    if sst is not None:
        rels.append('<Relationship Id="rIdS" Type="%ssharedStrings" '
                    'Target="sharedStrings.xml"/>' % R)
    if styles is not None:
        rels.append('<Relationship Id="rIdT" Type="%sstyles" '
                    'Target="styles.xml"/>' % R)
    rels.append("</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", "".join(wb))
        z.writestr("xl/_rels/workbook.xml.rels", "".join(rels))
        for i, (_, xml, _) in enumerate(sheets, 1):
            z.writestr("xl/worksheets/sheet%d.xml" % i, xml)
        if sst is not None:
            z.writestr("xl/sharedStrings.xml", sst)
        if styles is not None:
            z.writestr("xl/styles.xml", styles)
        for name, data in (extra or {}).items():
            z.writestr(name, data)


def sheet(rows, after=""):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet %s>'
            '<sheetData>%s</sheetData>%s</worksheet>' % (NS, rows, after))


def hand_strings():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hòa")
    sst = ('<?xml version="1.0" encoding="UTF-8"?>\n<sst %s>'
           '<si><t>Họ và tên</t></si>'
           '<si><r><rPr><b/></rPr><t xml:space="preserve">Nguyễn </t></r>'
           '<r><t>Văn An</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>'
           '<si><t>dòng 1_x000D_\ndòng 2 và a_x005F_x0041_b</t></si>'
           '<si><t>%s</t></si>'
           '<si><t>Ghi chú</t></si>'
           '</sst>' % (NS, nfd))
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet %s>'
              '<numFmts count="1"><numFmt numFmtId="164" '
              'formatCode="[$-42A]dd/mm/yyyy;@"/></numFmts>'
              '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
              '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/>'
              '<xf numFmtId="164"/><xf numFmtId="20"/></cellXfs>'
              '<dxfs><dxf><numFmt numFmtId="165" formatCode="yyyy"/></dxf>'
              '</dxfs></styleSheet>' % NS)
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c>'
        '<c r="B1" t="inlineStr"><is><t>Kiểu</t></is></c>'
        '<c r="C1" t="inlineStr"><is><r><t>Giá </t></r><r><rPr><i/></rPr>'
        '<t>trị</t></r></is></c><c r="E1" t="s"><v>4</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="b"><v>1</v></c>'
        '<c r="C2" t="b"><v>0</v></c><c r="D2" t="s"/></row>'
        '<row r="3"><c r="A3" t="s"><v>2</v></c>'
        '<c r="B3" t="str"><f>"tổng"</f><v>tổng</v></c>'
        '<c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
        '<row r="4"><c r="A4" t="s"><v>3</v></c>'
        '<c r="B4"><f>0.1+0.2</f><v>0.30000000000000004</v></c>'
        '<c r="C4"><v>1490000.0000000002</v></c></row>'
        # a row without r= (row 5), cells without r= (A, B, C)
        '<row><c t="inlineStr"><is><t>không r</t></is></c><c><v>87.5</v>'
        '</c><c s="1"><v>43840</v></c></row>'
        '<row r="7"><c r="A7" t="d"><v>2020-01-10T00:00:00</v></c>'
        '<c r="B7" s="2"><v>43840</v></c><c r="C7" s="3"><v>0.75</v></c>'
        '<c r="E7" t="inlineStr"><is><t>  cách  </t></is></c></row>'
        '<row r="9"><c r="C9" s="1"><v>43840.5</v></c>'
        '<c r="D9" s="1"/><c r="F9" s="2"/></row>'
    )
    # the second sheet, with prefixed elements (x:) and absolute target
    ns2 = ('xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/'
           'main"')
    second = ('<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet %s>'
              '<x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is>'
              '<x:t>Trang 2</x:t></x:is></x:c></x:row></x:sheetData>'
              '</x:worksheet>' % ns2)
    book("hand-strings.xlsx", [("Chuỗi", sheet(rows), None),
                               ("Trang 2", second, None)],
         sst=sst, styles=styles)


def hand_utf16():
    """A sheet part in UTF-16 with a BOM, as OPC allows."""
    xml = ('<?xml version="1.0" encoding="UTF-16"?>\n<worksheet %s>'
           '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên'
           '</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is>'
           '<t>Đặng Thùy Trâm</t></is></c></row></sheetData></worksheet>'
           % NS)
    book("hand-utf16.xlsx", [("UTF-16", xml.encode("utf-16"), None)])


def hand_hostile():
    # A value in the last cell of Excel: beyond the limits.
    book("hand-far.xlsx", [("Xa", sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Tên</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t>'
        '</is></c></row>'), None)])
    # Styled but empty cells there: read, the table stays small.
    book("hand-far-empty.xlsx", [("Xa", sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Tên</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>An</t></is></c></row>'
        '<row r="1048576" hidden="1"><c r="XFD1048576" s="0"/></row>'),
        None)])
    # DOCTYPE with entities (a billion laughs, short).
    lol = ('<?xml version="1.0"?>\n<!DOCTYPE worksheet [\n'
           '<!ENTITY a "ha">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n'
           '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n'
           '<worksheet %s><sheetData><row r="1"><c r="A1" t="inlineStr">'
           '<is><t>&c;</t></is></c></row></sheetData></worksheet>' % NS)
    book("hand-doctype.xlsx", [("Sheet1", lol, None)])
    # A zip bomb: 5 MB of blanks (about 1000:1).
    pad = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>A</t></is>'
                '</c></row>' + " " * (5 << 20))
    book("hand-bomb.xlsx", [("Sheet1", pad, None)])
    # The same whose directory says 60000 bytes: found while inflating.
    with open("hand-bomb.xlsx", "rb") as f:
        data = bytearray(f.read())
    real = len(pad.encode())
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = 0
        while (i := data.find(sig, i)) >= 0:
            if struct.unpack_from("<I", data, i + off)[0] == real:
                struct.pack_into("<I", data, i + off, 60000)
            i += 4
    with open("hand-lie.xlsx", "wb") as f:
        f.write(data)
    # A zip that is not a workbook.
    with zipfile.ZipFile("notbook.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("readme.txt", "Không phải bảng tính.\n")
    # Cut short.
    with open("py-list.xlsx", "rb") as f:
        head = f.read(1500)
    with open("corrupt.xlsx", "wb") as f:
        f.write(head)
    # Renamed: a workbook called .csv.
    with open("py-list.xlsx", "rb") as f, open("renamed.csv", "wb") as g:
        g.write(f.read())


def filepass():
    """An .xls whose globals hold a FILEPASS record (what a password
    adds): LibreOffice's lo-list.xls with the record after BOF made one."""
    d = bytearray(open("lo-list.xls", "rb").read())
    i = d.find(bytes.fromhex("0908100000060500"))   # BOF, BIFF8 globals
    d[i + 20:i + 22] = b"\x2f\x00"
    with open("hand-filepass.xls", "wb") as f:
        f.write(d)


def ole_entry(name, kind):
    """One 128-byte OLE directory entry (MS-CFB 2.6)."""
    n = (name + "\0").encode("utf-16-le")
    e = bytearray(128)
    e[0:len(n)] = n
    struct.pack_into("<HBB", e, 0x40, len(n), kind, 1)
    struct.pack_into("<III", e, 0x44, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    struct.pack_into("<I", e, 0x74, 0xFFFFFFFE)
    return bytes(e)


def encrypted():
    """What Excel writes for a workbook with a password: an OLE compound
    file holding EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO)."""
    hdr = bytearray(512)
    hdr[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", hdr, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIII", hdr, 0x2C, 1, 1, 0, 0x1000)
    struct.pack_into("<IIII", hdr, 0x3C, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<I", hdr, 0x4C, 0)       # DIFAT[0]: FAT in sector 0
    for i in range(1, 109):
        struct.pack_into("<I", hdr, 0x4C + 4 * i, 0xFFFFFFFF)
    fat = bytearray(b"\xff" * 512)
    struct.pack_into("<II", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)
    dirs = (ole_entry("Root Entry", 5) + ole_entry("EncryptionInfo", 2) +
            ole_entry("EncryptedPackage", 2) + bytes(128))
    with open("encrypted.xlsx", "wb") as f:
        f.write(bytes(hdr) + bytes(fat) + dirs)


from_csv("py-list.xlsx", None, "DD/MM/YYYY")
from_csv("py-1904.xlsx", CALENDAR_MAC_1904, "yyyy-mm-dd")
features()
formulas()
hand_strings()
hand_utf16()
hand_hostile()
encrypted()
filepass()
