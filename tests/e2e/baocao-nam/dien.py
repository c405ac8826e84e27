#!/usr/bin/env python3
"""Fill in a progress form of vb-baocao as a unit would: dien.py FORM SPEC.

FORM is the .xlsx or .csv that `vb-baocao --mau` wrote; SPEC a JSON
object {"Mã": ["status", "dd/mm/yyyy" or "", "result"], ...}: each row of
that Mã gets the three cells (Trạng thái, Ngày hoàn thành, Kết quả); a
Mã not in the form is an error, rows not named stay as they are.  The
workbook is edited in place as Excel would leave it (the cells as inline
strings, a date as a serial number under the column's date format)."""
import csv, datetime, io, json, re, sys, zipfile
from xml.sax.saxutils import escape

form, spec = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
todo = set(spec)

def serial(day):
    d = datetime.datetime.strptime(day, "%d/%m/%Y").date()
    return (d - datetime.date(1899, 12, 30)).days

if form.endswith(".csv"):
    text = open(form, encoding="utf-8-sig", newline="").read()
    rows = list(csv.reader(io.StringIO(text)))
    for r in rows:
        if len(r) == 7 and r[1] in spec:
            r[4], r[5], r[6] = spec[r[1]]
            todo.discard(r[1])
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    open(form, "w", encoding="utf-8-sig", newline="").write(out.getvalue())
else:
    z = zipfile.ZipFile(form)
    files = {n: z.read(n) for n in z.namelist()}
    z.close()
    ss = [re.sub(r"<[^>]+>", "", m) for m in re.findall(
        r"<si>(.*?)</si>", files["xl/sharedStrings.xml"].decode(), re.S)]
    ss = [s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") for s in ss]
    sheet = files["xl/worksheets/sheet1.xml"].decode()

    def cell(ref):
        m = re.search(r'<c r="%s"( s="\d+")?[^>]*?(/>|>.*?</c>)' % ref, sheet, re.S)
        return m

    def put(ref, value, date=False):
        global sheet
        m = cell(ref)
        s = m.group(1) or ""
        if value == "":
            new = '<c r="%s"%s/>' % (ref, s)
        elif date:
            new = '<c r="%s"%s><v>%d</v></c>' % (ref, s, serial(value))
        else:
            new = '<c r="%s"%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (
                ref, s, escape(value))
        sheet = sheet[:m.start()] + new + sheet[m.end():]

    for row in re.findall(r'<c r="B(\d+)"[^>]*t="s"><v>(\d+)</v>', sheet):
        n, key = row[0], ss[int(row[1])]
        if key in spec:
            st, day, kq = spec[key]
            put("E" + n, st)
            put("F" + n, day, date=True)
            put("G" + n, kq)
            todo.discard(key)
    files["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(form, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in files.items():
            z.writestr(n, b)
if todo:
    sys.exit("dien.py: %s: no row %s" % (form, ", ".join(sorted(todo))))
