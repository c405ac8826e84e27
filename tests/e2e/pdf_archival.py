#!/usr/bin/env python3
"""What a vanban PDF says of itself, read from its objects (Python 3 standard
library; the writer's objects are plain dictionaries, streams deflated).

  pdf_archival.py catalog FILE.pdf     /Lang, /DisplayDocTitle, /PageMode
  pdf_archival.py fonts FILE.pdf       metrics, flags, ToUnicode, cmap
  pdf_archival.py xmp FILE.pdf         XMP metadata against Info

Prints "ok" or the faults found, one a line.
"""
import re
import struct
import sys
import zlib


def objects(data):
    """Object number -> (dictionary text, stream bytes or None)."""
    out = {}
    for m in re.finditer(rb'(\d+) 0 obj\n', data):
        start = m.end()
        end = data.find(b'endobj', start)
        body = data[start:end]
        s = body.find(b'stream\n')
        if s >= 0 and body[:s].rstrip().endswith(b'>>'):
            d = body[:s]
            n = int(re.search(rb'/Length (\d+)', d).group(1))
            raw = body[s + 7:s + 7 + n]
            if b'/FlateDecode' in d:
                raw = zlib.decompress(raw)
            out[int(m.group(1))] = (d.decode('latin-1'), raw)
        else:
            out[int(m.group(1))] = (body.decode('latin-1'), None)
    return out


def ref(d, key):
    m = re.search(r'/%s (\d+) 0 R' % key, d)
    return int(m.group(1)) if m else None


def catalog(data, objs):
    faults = []
    root = int(re.search(rb'/Root (\d+) 0 R', data).group(1))
    d = objs[root][0]
    if '/Lang (vi-VN)' not in d:
        faults.append('no /Lang (vi-VN) in the catalog')
    if not re.search(r'/ViewerPreferences << /DisplayDocTitle true >>', d):
        faults.append('no /DisplayDocTitle true')
    if ('/Outlines' in d) != ('/PageMode /UseOutlines' in d):
        faults.append('/PageMode /UseOutlines not exactly when there are '
                      'bookmarks: %s' % d.strip())
    if not re.search(rb'/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]', data):
        faults.append('no trailer /ID')
    return faults


def ttf_tables(font):
    n = struct.unpack('>H', font[4:6])[0]
    t = {}
    for i in range(n):
        tag, _, off, ln = struct.unpack('>4sIII', font[12 + 16 * i:28 + 16 * i])
        t[tag.decode('latin-1')] = font[off:off + ln]
    return t


def fonts(data, objs):
    faults = []
    for num, (d, _) in objs.items():
        if '/Subtype /CIDFontType2' not in d:
            continue
        name = re.search(r'/BaseFont /(\S+)', d).group(1)
        fd = objs[ref(d, 'FontDescriptor')][0]
        font = objs[ref(fd, 'FontFile2')][1]
        gidmap = objs[ref(d, 'CIDToGIDMap')][1]
        t = ttf_tables(font)
        if 'cmap' not in t:
            faults.append('%s: the subset has no cmap table' % name)
        upem = struct.unpack('>H', t['head'][18:20])[0]
        k = 1000.0 / upem
        box = struct.unpack('>4h', t['head'][36:44])
        got = [int(v) for v in re.search(r'/FontBBox \[(-?\d+) (-?\d+) (-?\d+) (-?\d+)\]',
                                         fd).groups()]
        if not (got[0] <= box[0] * k and got[1] <= box[1] * k and
                got[2] >= box[2] * k and got[3] >= box[3] * k):
            faults.append('%s: FontBBox %s does not enclose %s' %
                          (name, got, [round(v * k, 2) for v in box]))
        os2 = t['OS/2']
        if struct.unpack('>H', os2[0:2])[0] >= 2:
            cap = struct.unpack('>h', os2[88:90])[0] * k
            got = int(re.search(r'/CapHeight (-?\d+)', fd).group(1))
            if got < cap or got - cap >= 1:
                faults.append('%s: CapHeight %d, font %.2f' % (name, got, cap))
        flags = int(re.search(r'/Flags (\d+)', fd).group(1))
        if flags & (1 << 18):
            faults.append('%s: ForceBold set on a TrueType face' % name)
        nh = struct.unpack('>H', t['hhea'][34:36])[0]
        hm = t['hmtx']
        w = [int(v) for v in re.search(r'/W \[1 \[([^\]]*)\]\]', d).group(1).split()]
        for cid, wv in enumerate(w, 1):
            gid = struct.unpack('>H', gidmap[2 * cid:2 * cid + 2])[0]
            i = min(gid, nh - 1)
            adv = struct.unpack('>H', hm[4 * i:4 * i + 2])[0] * k
            if abs(wv - adv) > 0.5 + 1e-9:
                faults.append('%s: CID %d width %d, hmtx %.3f' % (name, cid, wv, adv))
                break
        tu = objs[ref(objs[num - 1][0], 'ToUnicode')][1].decode('latin-1')
        for blk in re.findall(r'beginbfrange\n(.*?)endbfrange', tu, re.S):
            for ln in blk.splitlines():
                dst = int(ln.split('<')[-1].rstrip('>'), 16)
                last = int(ln.split('<')[2].split('>')[0], 16) - \
                    int(ln.split('<')[1].split('>')[0], 16) + dst
                if last >= 0x100:
                    faults.append('%s: ToUnicode range to U+%04X' % (name, last))
        if '/CIDSet' not in fd:
            faults.append('%s: no CIDSet' % name)
    return faults


def xmp(data, objs):
    faults = []
    root = int(re.search(rb'/Root (\d+) 0 R', data).group(1))
    md = objs[ref(objs[root][0], 'Metadata')]
    if '/Filter' in md[0]:
        faults.append('the metadata stream is filtered')
    x = md[1].decode('utf-8')
    info = objs[int(re.search(rb'/Info (\d+) 0 R', data).group(1))][0]

    def text(key):
        m = re.search(r'/%s (\([^)]*\)|<[0-9A-F]*>)' % key, info)
        if not m:
            return None
        v = m.group(1)
        if v.startswith('('):
            return v[1:-1]
        return bytes.fromhex(v[1:-1])[2:].decode('utf-16-be')
    for key, el in (('Title', 'dc:title'), ('Author', 'dc:creator'),
                    ('Subject', 'dc:description'), ('Creator', 'xmp:CreatorTool'),
                    ('Producer', 'pdf:Producer')):
        want = text(key)
        m = re.search(r'<%s>(?:<rdf:\w+><rdf:li[^>]*>)?([^<]*)<' % el, x)
        got = m.group(1).replace('&lt;', '<').replace('&gt;', '>').replace('&amp;', '&') \
            if m else None
        if want != got:
            faults.append('Info %s %r, XMP %s %r' % (key, want, el, got))
    d = re.search(r'/CreationDate \(D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z\)', info)
    want = '%s-%s-%sT%s:%s:%sZ' % d.groups() if d else None
    for el in ('xmp:CreateDate', 'xmp:ModifyDate'):
        if '<%s>%s</%s>' % (el, want, el) not in x:
            faults.append('%s is not the Info date %s' % (el, want))
    if '<pdfaid:part>1</pdfaid:part>' not in x or \
            '<pdfaid:conformance>B</pdfaid:conformance>' not in x:
        faults.append('no pdfaid part 1 conformance B')
    return faults


def main():
    what, path = sys.argv[1], sys.argv[2]
    data = open(path, 'rb').read()
    objs = objects(data)
    faults = {'catalog': catalog, 'fonts': fonts, 'xmp': xmp}[what](data, objs)
    print('\n'.join(faults) if faults else 'ok')


if __name__ == '__main__':
    main()
