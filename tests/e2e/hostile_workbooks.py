#!/usr/bin/env python3
"""Write the hostile workbooks of tests/e2e/workbooks.sh into DIR: small
.xlsx and .ods files (python's zipfile) that cost far more than their
size when read naively, and a workbook with control characters in its
cells."""
import os
import random
import sys
import zipfile

CT = ('<?xml version="1.0" encoding="UTF-8"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="rels" ContentType="application/'
      'vnd.openxmlformats-package.relationships+xml"/><Default '
      'Extension="xml" ContentType="application/xml"/></Types>')
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="' + R + '/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>')
NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'


def book(path, sheet_xml, nsheets=1, sst=None, chunks=None):
    """A workbook of nsheets sheets all pointing at one part."""
    sheets = ''.join('<sheet name="S%d" sheetId="%d" r:id="rId1"/>'
                     % (i + 1, i + 1) for i in range(nsheets))
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" '
          'xmlns:r="%s"><sheets>%s</sheets></workbook>' % (NS, R, sheets))
    rels = ('<Relationship Id="rId1" Type="%s/worksheet" '
            'Target="worksheets/sheet1.xml"/>' % R)
    if sst is not None:
        rels += ('<Relationship Id="rId2" Type="%s/sharedStrings" '
                 'Target="sharedStrings.xml"/>' % R)
    wbrels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
              '"http://schemas.openxmlformats.org/package/2006/'
              'relationships">%s</Relationships>' % rels)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', PKG_RELS)
        z.writestr('xl/workbook.xml', wb)
        z.writestr('xl/_rels/workbook.xml.rels', wbrels)
        if sst is not None:
            z.writestr('xl/sharedStrings.xml', sst)
        if chunks is not None:      # a large part, written in pieces
            with z.open('xl/worksheets/sheet1.xml', 'w',
                        force_zip64=True) as f:
                for c in chunks:
                    f.write(c.encode())
        else:
            z.writestr('xl/worksheets/sheet1.xml', sheet_xml)


def sheet(cells, merges=''):
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s">'
            '<sheetData>%s</sheetData>%s</worksheet>' % (NS, cells, merges))


ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')
HIDDEN = ('<office:automatic-styles><style:style style:name="ta1" '
          'style:family="table"><style:table-properties table:display='
          '"false"/></style:style></office:automatic-styles>')


def ods(path, body, styles=''):
    """An .ods whose content.xml holds body in office:spreadsheet."""
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo('mimetype'),
                   'application/vnd.oasis.opendocument.spreadsheet',
                   compress_type=zipfile.ZIP_STORED)
        z.writestr('content.xml', '<?xml version="1.0" encoding="UTF-8"?>'
                   '<office:document-content %s>%s<office:body>'
                   '<office:spreadsheet>%s</office:spreadsheet></office:body>'
                   '</office:document-content>' % (ODS_NS, styles, body))


def ods_main(d, rnd):
    cell = '<table:table-row><table:table-cell><text:p>1</text:p>' \
        '</table:table-cell></table:table-row>'
    ods(os.path.join(d, 'sheets.ods'), ''.join(
        '<table:table table:name="S%d">%s</table:table>' % (i, cell)
        for i in range(300)))
    ods(os.path.join(d, 'deep.ods'), '<table:table table:name="S">'
        + '<a>' * 100 + '</a>' * 100 + cell + '</table:table>')
    # Two sheets of 45 MB of text each (a 900 KB cell over 50 columns),
    # the first hidden: the budget is the workbook's, every sheet being
    # held, so the second is refused.
    text = ''.join(rnd.choice('abcdefghijklmnopqrstuvwxyz')
                   for _ in range(900000))
    wide = ('<table:table-row><table:table-cell table:number-columns-'
            'repeated="50"><text:p>%s</text:p></table:table-cell>'
            '</table:table-row>' % text)
    ods(os.path.join(d, 'text.ods'), ''.join(
        '<table:table table:name="S%d"%s>%s</table:table>'
        % (i, ' table:style-name="ta1"' if i == 0 else '', wide)
        for i in range(2)), HIDDEN)


def main(d):
    # The grid: 200,000 rows in A and one cell in ALL (column 1000).
    rows = ''.join('<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, i)
                   for i in range(2, 200001))
    book(os.path.join(d, 'grid.xlsx'), sheet(
        '<row r="1"><c r="A1"><v>1</v></c><c r="ALL1"><v>1</v></c></row>'
        + rows))
    # Total text: one shared string just under 1 MB in 4,000 cells.
    big = 'a' * 999000
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count='
           '"4000" uniqueCount="1"><si><t>%s</t></si></sst>' % (NS, big))
    cells = ''.join('<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>'
                    % (i, i) for i in range(1, 4001))
    book(os.path.join(d, 'text.xlsx'), sheet(cells), sst=sst)
    # A 900 KB heading merged over A1:ALL10.
    head = big[:900000]
    book(os.path.join(d, 'merge.xlsx'), sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>%s</t></is></c></row>'
        '<row r="11"><c r="A11"><v>1</v></c></row>' % head,
        '<mergeCells count="1"><mergeCell ref="A1:ALL10"/></mergeCells>'))
    # XML depth: 12 MB of unclosed elements with random names (a 100 KB
    # block repeated: deflate looks back 32 KB only, so they compress
    # about 2:1, far under the zip bomb ratio).
    rnd = random.Random(2)
    letters = 'abcdefghijklmnopqrstuvwxyz'
    block = ''.join('<%s>' % ''.join(rnd.choice(letters) for _ in range(8))
                    for _ in range(10000))

    def deep():
        yield ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s">'
               '<sheetData>' % NS)
        for _ in range(120):
            yield block
    book(os.path.join(d, 'deep.xlsx'), None, chunks=deep())
    # 1,000 sheets pointing at one part.
    book(os.path.join(d, 'sheets.xlsx'), sheet(
        '<row r="1"><c r="A1"/></row>'), nsheets=1000)
    # Control characters: _x001B_ (ESC) and a CSI sequence in F12.
    book(os.path.join(d, 'ctl.xlsx'), sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c>'
        '<c r="F1" t="inlineStr"><is><t>Ghi chú</t></is></c></row>'
        '<row r="12"><c r="A12"><v>1</v></c><c r="F12" t="inlineStr"><is>'
        '<t>a_x001B_[31mb_x0007_c</t></is></c></row>'))
    ods_main(d, rnd)


if __name__ == '__main__':
    main(sys.argv[1])
