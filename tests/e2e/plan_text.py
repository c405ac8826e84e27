#!/usr/bin/env python3
"""End-to-end text check of the rendered 2020 plan (Kế hoạch 88/KH-UBND).

Compares the words of the seed (the real document's text) with the text that
comes back out of the PDF, and checks that every row of the task table comes
back cell by cell.  Prints "PASS name" / "FAIL name: detail" lines, and info
lines starting with "  ".

  plan_text.py --seed SEED --csv CSV --pdf PDF      text from pdftotext -raw
  plan_text.py --seed SEED --csv CSV --text FILE    text from a file (tests)
  plan_text.py --seed SEED --csv CSV --source MD    self-check of the sources

Python 3 standard library only.
"""
import argparse
import csv
import re
import subprocess
import sys
import unicodedata

THRESHOLD = 100.0         # per cent of seed words that must come back in order
                          # (every one: issue 25, the raised initials too)
SHOW_MISSING = 8          # how many missing seed words to list


# ---------------------------------------------------------------- tokenising

def seed_words(text):
    """Words of the seed, its markup stripped.

    `**`/`*` (bold, italic), `<i>`/`</i>` (italic in the table; the spaces
    the HTML export put between a quote mark and the tag are artefacts, so
    “ <i>Đẩy … Minh</i> ” reads “Đẩy … Minh”), and `X^(HĐĐ)` (raised drafter
    initials) becomes `X HĐĐ`.  The seed's "Số: 88 /KH-UBND" (a number
    typed into a form's blank) is printed "Số: 88/KH-UBND" (see the
    reference page 1), so that space goes too."""
    text = re.sub(r'(Số:[ \t]*\d+)[ \t]+/', r'\1/', text)
    text = re.sub(r'([“"])[ \t]*<i>', r'\1', text)
    text = re.sub(r'</i>[ \t]*([”"])', r'\1', text)
    text = text.replace('<i>', '').replace('</i>', '')
    text = text.replace('**', '').replace('*', '')
    text = re.sub(r'\^\(([^)]*)\)', r' \1', text)
    return text.split()


def cell_words(cell):
    """Words of a CSV cell: `*italic*` / `**bold**` markers stripped."""
    return cell.replace('*', '').split()


def front_matter(text):
    """The few shapes of YAML this source uses: `key: value`, `key:` with
    `  - item` lines (a list) or `  sub: value` lines (a mapping)."""
    fm, key = {}, None
    for line in text.split('\n'):
        m = re.match(r'([a-z_]+):\s*(.*)$', line)
        if m:
            key, val = m.groups()
            fm[key] = val.strip().strip('"') if val.strip() else None
            continue
        m = re.match(r'\s+- (.*)$', line)
        if m and key:
            fm[key] = (fm[key] or []) + [m.group(1).strip().strip('"')]
            continue
        m = re.match(r'\s+([a-z_]+):\s*(.*)$', line)
        if m and key:
            fm[key] = fm[key] or {}
            fm[key][m.group(1)] = m.group(2).strip().strip('"')
    return fm


def source_text(md_path, csv_path):
    """Plain text of the sources, laid out as the renderer prints them
    (header, body with Markdown syntax removed and the CSV table in place of
    its fenced block, Nơi nhận, signature).  For the self-check only."""
    src = open(md_path, encoding='utf-8').read()
    m = re.match(r'---\n(.*?)\n---\n(.*)', src, re.S)
    if not m:
        raise SystemExit(f'{md_path}: no YAML front matter')
    fm, body = front_matter(m.group(1)), m.group(2)
    y, mo, d = fm['ngay'].split('-')
    head = [' '.join(fm['co_quan']),
            f"Số: {fm['so']}/{fm['ky_hieu']}",
            f"{fm['dia_danh']}, ngày {d} tháng {mo} năm {y}",
            fm['loai'], fm['trich_yeu']]
    rows = list(csv.reader(open(csv_path, encoding='utf-8', newline='')))
    table = '\n'.join(' '.join(r) for r in rows)
    body = re.sub(r'^```csv[^\n]*\n```$', lambda _: table, body, flags=re.M)
    body = re.sub(r'^#+ ', '', body, flags=re.M)
    body = re.sub(r'\\([!-/:-@\[-`{-~])', r'\1', body)   # backslash escapes
    tail = ['Nơi nhận:'] + [f'- {x};' for x in fm['noi_nhan']]
    tail.append(f"- Lưu: {fm['luu']} {fm.get('nguoi_soan') or ''}.")
    ky = fm['ky']
    tail += [ky['tham_quyen'], ky['chuc_vu'], ky['ho_ten']]
    return '\n'.join(head) + '\n' + body + '\n'.join(tail) + '\n'


def pdf_text(pdf):
    try:
        r = subprocess.run(['pdftotext', '-raw', '-enc', 'UTF-8', pdf, '-'],
                           capture_output=True)
    except OSError as e:
        raise SystemExit(f'cannot run pdftotext: {e}')
    if r.returncode != 0:
        raise SystemExit('pdftotext failed: '
                         + r.stderr.decode('utf-8', 'replace').strip())
    return r.stdout.decode('utf-8', 'replace')


# ---------------------------------------------------------------- LCS

def lcs_unmatched(a, b):
    """Longest common subsequence of word lists a and b.

    Bit-parallel LCS (Allison-Dix / Hyyrö): one big integer per word of b,
    bit i of V_j is 0 where L[i+1][j] = L[i][j] + 1, so L[i][j] is the count
    of zero bits among the low i bits of V_j.  Returns (length, indices of
    a's words that are not in the LCS found by the traceback)."""
    n = len(a)
    full = (1 << n) - 1
    masks = {}
    for i, w in enumerate(a):
        masks[w] = masks.get(w, 0) | (1 << i)
    v = full
    rows = [v]
    for w in b:
        u = v & masks.get(w, 0)
        v = ((v + u) | (v - u)) & full
        rows.append(v)

    def L(i, j):
        return i - (rows[j] & ((1 << i) - 1)).bit_count()

    length = L(n, len(b))
    missing = []
    i, j = n, len(b)
    while i > 0 and j > 0:
        here = L(i, j)
        if a[i - 1] == b[j - 1] and L(i - 1, j - 1) == here - 1:
            i, j = i - 1, j - 1
        elif L(i - 1, j) == here:
            missing.append(i - 1)
            i -= 1
        else:
            j -= 1
    missing.extend(range(i - 1, -1, -1))
    missing.reverse()
    return length, missing


# ---------------------------------------------------------------- checks

def check_words(seed, words):
    length, missing = lcs_unmatched(seed, words)
    share = 100.0 * length / len(seed) if seed else 0.0
    print(f'  share of seed words found in order: {share:.1f} % '
          f'({length} of {len(seed)}; extracted text has {len(words)} words)')
    for k in missing[:SHOW_MISSING]:
        ctx = ' '.join(seed[max(0, k - 3):k])
        print(f'  not found: seed word {k + 1} "{seed[k]}" (after "… {ctx}")')
    if len(missing) > SHOW_MISSING:
        print(f'  … and {len(missing) - SHOW_MISSING} more')
    # where the losses are: the task table (between "II." and "III.")?
    try:
        t0 = seed.index('II.')
        t1 = seed.index('III.', t0)
        in_table = sum(1 for k in missing if t0 < k < t1)
        if in_table:
            print(f'  {in_table} of the {len(missing)} missing words are in '
                  f'the task table (cells drawn line by line across a row '
                  f'come out interleaved: draw each cell whole)')
    except ValueError:
        pass
    # compare on the printed figure, as the message says; 100 % is every
    # word, not a share that rounds to it
    if round(share, 1) >= THRESHOLD and (THRESHOLD < 100 or not missing):
        print('PASS plan_text_words')
    else:
        first = f'; first missing "{seed[missing[0]]}"' if missing else ''
        print(f'FAIL plan_text_words: only {share:.1f} % of seed words found '
              f'in order (need {THRESHOLD} %){first}')


def check_nfc(text):
    nfc = unicodedata.normalize('NFC', text)
    if nfc == text:
        print('PASS plan_text_nfc')
        return
    k = next((i for i, (x, y) in enumerate(zip(text, nfc)) if x != y),
             min(len(text), len(nfc)))
    print(f'FAIL plan_text_nfc: extracted text is not NFC '
          f'(first difference at character {k}: '
          f'"{text[max(0, k - 10):k + 10]}")')


def find_seq(words, need, start, limit):
    """Greedy search for need as a subsequence of words[start:limit].
    Returns the index after the last match, or (None, first missing word)."""
    j = start
    for w in need:
        while j < limit and words[j] != w:
            j += 1
        if j >= limit:
            return None, w
        j += 1
    return j, None


def check_rows(rows, words):
    """Every cell's words in order, each cell searched from the row's start;
    the row must be found within a window a little longer than itself (room
    for a page number and a repeated table header at a page break); the next
    row is searched after the furthest end of this one."""
    pos = 0
    for n, row in enumerate(rows, 1):
        need = [cell_words(c) for c in row]
        total = sum(len(c) for c in need)
        limit = len(words) if n == 1 else \
            min(len(words), pos + total + total // 2 + 60)
        end = pos
        for c, cw in enumerate(need):
            e, miss = find_seq(words, cw, pos, limit)
            if e is None:
                label = ' | '.join(x for x in row if x)[:70]
                print(f'FAIL plan_text_table_rows: row {n} of the CSV '
                      f'("{label}…") not found: cell {c + 1}, word "{miss}"')
                return
            end = max(end, e)
        pos = end
    print(f'PASS plan_text_table_rows')
    print(f'  {len(rows)} table rows found cell by cell')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', required=True)
    ap.add_argument('--csv', required=True)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument('--pdf')
    g.add_argument('--text')
    g.add_argument('--source', metavar='MD')
    a = ap.parse_args()

    seed = seed_words(open(a.seed, encoding='utf-8').read())
    rows = list(csv.reader(open(a.csv, encoding='utf-8-sig', newline='')))
    if a.pdf:
        text = pdf_text(a.pdf)
    elif a.text:
        text = open(a.text, encoding='utf-8').read()
    else:
        text = source_text(a.source, a.csv).replace('*', '')
    words = text.split()

    check_words(seed, words)
    check_nfc(text)
    check_rows(rows, words)


if __name__ == '__main__':
    sys.exit(main())
