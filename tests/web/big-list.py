#!/usr/bin/env python3
"""A nominee list of N rows for vb-web's load test, time-limit test and
bench: the rows of tests/data/kt/danh-sach.csv over and over, each name
made unique ("... 0042"), written as an Excel workbook (.xlsx, inline
strings; zipfile only) or, for a .csv name, as CSV.

    big-list.py N OUT.xlsx|OUT.csv
"""
import csv, os, sys, zipfile
from xml.sax.saxutils import escape

n, out = int(sys.argv[1]), sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
seed = list(csv.reader(open(os.path.join(here, "../data/kt/danh-sach.csv"),
                            encoding="utf-8")))
head, body = seed[0], seed[1:]
rows = [head]
for i in range(n):
    r = list(body[i % len(body)])
    r[0] = str(i + 1)
    r[2] = "%s %04d" % (r[2], i)
    rows.append(r)
if out.endswith(".csv"):
    with open(out, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    sys.exit(0)

def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

cells = []
for y, r in enumerate(rows, 1):
    cells.append('<row r="%d">%s</row>' % (y, "".join(
        '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (col(x), y, escape(v))
        for x, v in enumerate(r))))
ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml",
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">'
        '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (pkg, rel))
    z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook %s xmlns:r="%s">'
        '<sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>' % (ns, rel))
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">'
        '<Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' % (pkg, rel))
    z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData>%s</sheetData></worksheet>'
        % (ns, "".join(cells)))
