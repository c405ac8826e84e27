"""Checks of vb-render's DOCX output, called by tests/e2e/docx.sh.

  docx_check.py words LO.txt VB.txt FILE.docx
      the words of LibreOffice's PDF (pdftotext -raw) against vanban's:
      the same characters in the same order once whitespace, hyphens (a
      line may break after one), page numbers (a page's first line when
      only digits) and the repeats of a
      table's header rows (page furniture, as page numbers) are left out.
      Within a body row that the DOCX lets split between pages (no
      cantSplit: the rows the PDF may split), the order is not compared,
      only the characters: split at a page, a row is read part by part,
      and where the part ends depends on how each cell's text wraps, which
      differs (vanban shrinks spaces of a crowded cell line, Word and
      LibreOffice do not).
  docx_check.py zip FILE.docx EPOCH
      the package: [Content_Types].xml first, every entry dated EPOCH
      (local time, as zip stores it), every XML part well formed.
  docx_check.py struct FILE.docx SOURCE.md      (needs python3-docx)
      a second reader: the named styles, Times New Roman, a repeated
      header row on every data table, group rows bold, one section per
      annex (A4, the decree's margins, landscape as the annex says, no
      number on its first page, numbering from 1), the page number field,
      the document properties.
Prints "ok" or what differs; exit 0 or 1.
"""
import re
import sys
import time
import zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'


def header_rows(path):
    """Word lists (hyphens dropped) of each table's tblHeader rows."""
    root = ET.fromstring(zipfile.ZipFile(path).read('word/document.xml'))
    out = []
    for tbl in root.iter(W + 'tbl'):
        words = []
        for tr in tbl.findall(W + 'tr'):
            pr = tr.find(W + 'trPr')
            if pr is None or pr.find(W + 'tblHeader') is None:
                break
            for tc in tr.findall(W + 'tc'):
                for p in tc.iter(W + 'p'):
                    words += ''.join(t.text or '' for t in
                                     p.iter(W + 't')).split()
        words = [w.replace('-', '') for w in words]
        words = [w for w in words if w]
        if words:
            out.append(words)
    return out


def split_rows(path):
    """The text (no whitespace, no hyphens) of each body row that may
    split between pages: neither tblHeader nor cantSplit."""
    root = ET.fromstring(zipfile.ZipFile(path).read('word/document.xml'))
    out = []
    for tr in root.iter(W + 'tr'):
        pr = tr.find(W + 'trPr')
        if pr is not None and (pr.find(W + 'tblHeader') is not None or
                               pr.find(W + 'cantSplit') is not None):
            continue
        first, text = None, ''
        for t in tr.iter(W + 't'):
            for w in (t.text or '').split():
                w = w.replace('-', '')
                if w and first is None:
                    first = w
                text += w
        if first is not None:
            out.append((first, text))
    return out


def row_order_free(s, rows):
    """s with each splittable row's characters, where they stand together
    (after the row's first word) in any order, put in the DOCX's order."""
    at = 0
    for first, text in rows:
        want, n, p = sorted(text), len(text), s.find(first, at)
        while p >= 0 and sorted(s[p:p + n]) != want:
            p = s.find(first, p + 1)
        if p >= 0:
            s = s[:p] + text + s[p + n:]
            at = p + n
    return s


def words(path):
    """Words of a pdftotext output, each page's number (its first line
    when it is digits only) left out."""
    out = []
    with open(path, encoding='utf-8') as f:
        pages = f.read().split('\f')
    for page in pages:
        lines = [x for x in page.split('\n') if x.strip()]
        if lines and re.fullmatch(r'\s*\d+\s*', lines[0]):
            lines = lines[1:]
        for line in lines:
            out += [w.replace('-', '') for w in line.split()]
    return [w for w in out if w]


def drop_repeats(ws, seq):
    """ws without the occurrences of seq after its first."""
    out, i, seen, n = [], 0, False, len(seq)
    while i < len(ws):
        if ws[i:i + n] == seq:
            if not seen:
                out += seq
            seen = True
            i += n
            continue
        out.append(ws[i])
        i += 1
    return out


def cmd_words(lo, vb, docx):
    a, b = words(lo), words(vb)
    for seq in header_rows(docx):
        a, b = drop_repeats(a, seq), drop_repeats(b, seq)
    rows = split_rows(docx)
    sa, sb = row_order_free(''.join(a), rows), row_order_free(''.join(b), rows)
    if sa == sb:
        print('ok')
        return 0
    i = next((k for k in range(min(len(sa), len(sb))) if sa[k] != sb[k]),
             min(len(sa), len(sb)))
    print('LibreOffice ...%s... vs vanban ...%s... (character %d)' %
          (sa[max(0, i - 30):i + 30], sb[max(0, i - 30):i + 30], i))
    return 1


def cmd_zip(docx, epoch):
    z = zipfile.ZipFile(docx)
    names = z.namelist()
    bad = []
    if names[0] != '[Content_Types].xml':
        bad.append('first entry %s' % names[0])
    t = time.localtime(int(epoch))
    want = (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min,
            t.tm_sec // 2 * 2)
    for info in z.infolist():
        if info.date_time != want:
            bad.append('%s dated %s, not %s' % (info.filename,
                                                info.date_time, want))
        if info.filename.endswith('.xml') or info.filename.endswith('.rels'):
            try:
                ET.fromstring(z.read(info.filename))
            except ET.ParseError as e:
                bad.append('%s: %s' % (info.filename, e))
    print('; '.join(bad) if bad else 'ok')
    return 1 if bad else 0


def roman(s):
    return re.fullmatch(r'X{0,3}(IX|IV|V?I{0,3})', s) is not None and s != ''


def check_tables(d, src, bad):
    from docx.oxml.ns import qn
    grid = [t for t in d.tables if t.style is not None and
            t.style.name == 'Grid']
    want = len(re.findall(r'^```(csv|chart)', src, re.M))
    if len(grid) != want:
        bad.append('%d data tables, the source has %d' % (len(grid), want))
    for t in grid:
        tr = t.rows[0]._tr
        if tr.trPr is None or tr.trPr.find(qn('w:tblHeader')) is None:
            bad.append('a table without a repeated header row')
        # Header cells centred on the row's height, as the PDF's: a
        # one-line heading beside a three-line one.
        for tc in tr.findall(qn('w:tc')):
            va = tc.find(qn('w:tcPr')).find(qn('w:vAlign'))
            if va is None or va.get(qn('w:val')) != 'center':
                bad.append('a header cell not centred vertically')
                break
        for row in t.rows[1:]:
            cells = row._tr.findall(qn('w:tc'))
            first = ''.join(x.text or '' for x in cells[0].iter(qn('w:t')))
            if not roman(first.strip()):
                continue
            runs = [r for c in cells for r in c.iter(qn('w:r'))
                    if ''.join(x.text or '' for x in r.iter(qn('w:t')))]
            if any(r.find(qn('w:rPr')) is None or
                   r.find(qn('w:rPr')).find(qn('w:b')) is None
                   for r in runs):
                bad.append('group row %s not bold' % first)
            if len(cells) > 1 and len(cells) < len(t.columns) and \
                    cells[1].find(qn('w:tcPr')).find(qn('w:gridSpan')) is None:
                bad.append('group row %s: no gridSpan' % first)
            # Kept with the row after it (Word: keepNext on its
            # paragraphs), as the PDF never ends a page on it.
            if row._tr is not t.rows[-1]._tr and any(
                    p.find(qn('w:pPr')) is None or
                    p.find(qn('w:pPr')).find(qn('w:keepNext')) is None
                    for c in cells for p in c.iter(qn('w:p'))):
                bad.append('group row %s not kept with the next' % first)


def check_sections(d, src, bad):
    from docx.shared import Mm
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    annexes = re.findall(r'^<!-- annex( landscape)?', src, re.M)
    land = [False] + [a != '' for a in annexes]
    if len(d.sections) != len(land):
        bad.append('%d sections, want %d' % (len(d.sections), len(land)))
        return
    for i, (s, l) in enumerate(zip(d.sections, land)):
        w, h = (Mm(297), Mm(210)) if l else (Mm(210), Mm(297))
        if abs(s.page_width - w) > Mm(1) or abs(s.page_height - h) > Mm(1):
            bad.append('section %d: page %sx%s' % (i + 1, s.page_width.mm,
                                                    s.page_height.mm))
        if (s.orientation == WD_ORIENT.LANDSCAPE) != l:
            bad.append('section %d: orientation' % (i + 1))
        for got, mm in ((s.top_margin, 20), (s.bottom_margin, 20),
                        (s.left_margin, 30), (s.right_margin, 15)):
            if abs(got - Mm(mm)) > Mm(0.1):
                bad.append('section %d: margin %.1f mm, want %d' %
                           (i + 1, got.mm, mm))
        if not s.different_first_page_header_footer:
            bad.append('section %d: numbered on its first page' % (i + 1))
        pn = s._sectPr.find(qn('w:pgNumType'))
        if pn is None or pn.get(qn('w:start')) != '1':
            bad.append('section %d: numbering does not restart' % (i + 1))
        if s.first_page_header.paragraphs[0].text.strip():
            bad.append('section %d: text on the first page header' % (i + 1))
        instr = ''.join(x.text or '' for x in
                        s.header._element.iter(qn('w:instrText')))
        if 'PAGE' not in instr:
            bad.append('section %d: no PAGE field in the header' % (i + 1))


def cmd_struct(docx, source):
    import docx as pydocx
    d = pydocx.Document(docx)
    src = open(source, encoding='utf-8').read()
    bad = []
    names = {s.name for s in d.styles}
    for want in ('Body', 'Letterhead', 'DocType', 'Heading1', 'Heading2',
                 'CanCu', 'Dieu', 'ListItem', 'NoiNhanTitle', 'NoiNhan',
                 'ChuKy', 'TableText', 'Rule'):
        if want not in names:
            bad.append('no style %s' % want)
    fonts = d.styles.element.xpath('.//w:rFonts/@w:ascii')
    if set(fonts) != {'Times New Roman'}:
        bad.append('fonts %s' % sorted(set(fonts)))
    used = {p.style.name for p in d.paragraphs}
    body = used & {'Body', 'CanCu', 'Dieu', 'Heading1', 'Heading2',
                   'Heading3', 'ListItem', 'Center', 'Plain'}
    if not body:
        bad.append('no body paragraph in a body style (%s)' % sorted(used))
    if 'Normal' in used:
        bad.append('a paragraph left in Normal')
    check_tables(d, src, bad)
    check_sections(d, src, bad)
    ty = ' '.join(p.text for p in d.paragraphs
                  if p.style.name == 'TrichYeu')
    for t in d.tables:   # a công văn's trích yếu: V/v under its number
        for c in t._cells:
            for p in c.paragraphs:
                if p.style.name == 'Vv' and p.text.startswith('V/v '):
                    ty = p.text[4:]
    cp = d.core_properties
    if cp.title != ty.replace('\n', ' '):
        bad.append('title %r, trích yếu %r' % (cp.title, ty))
    loai = [p.text for p in d.paragraphs if p.style.name == 'DocType']
    if loai and cp.subject != loai[0]:
        bad.append('subject %r, type %r' % (cp.subject, loai))
    if not cp.author:
        bad.append('no creator')
    print('; '.join(bad) if bad else 'ok')
    return 1 if bad else 0


def main():
    a = sys.argv[1:]
    if len(a) == 4 and a[0] == 'words':
        return cmd_words(a[1], a[2], a[3])
    if len(a) == 3 and a[0] == 'zip':
        return cmd_zip(a[1], a[2])
    if len(a) == 3 and a[0] == 'struct':
        return cmd_struct(a[1], a[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main())
