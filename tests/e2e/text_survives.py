#!/usr/bin/env python3
"""Compare the words of two text files: text_survives.py [--moved K] WANT GOT.

Words are whitespace-separated, NFC; a word of punctuation alone joins the
word before it (a reader may set "HĐĐ." apart as "HĐĐ" and "." when the
initials are raised: the same text).  With --moved K, trailing punctuation
is left out, and up to K words may stand elsewhere (Ghostscript's txtwrite
puts raised initials on a line of their own, above their line): the same
words, each as often, all but K in order.  Prints "ok", or where the two
first differ and what came back garbled (words of GOT not in WANT)."""
import collections
import difflib
import sys
import unicodedata

PUNCT = set('.,;:!?)]”’…')


def words(path):
    out = []
    for w in unicodedata.normalize('NFC', open(path, encoding='utf-8',
                                                errors='replace').read()).split():
        if out and all(c in PUNCT for c in w):
            out[-1] += w
        else:
            out.append(w)
    return out


def main():
    args = sys.argv[1:]
    moved = None
    if args[0] == '--moved':
        moved = int(args[1])
        args = args[2:]
    want, got = words(args[0]), words(args[1])
    if moved is not None:
        want = [w.rstrip(''.join(PUNCT)) or w for w in want]
        got = [w.rstrip(''.join(PUNCT)) or w for w in got]
        sm = difflib.SequenceMatcher(None, want, got, autojunk=False)
        same = sum(b.size for b in sm.get_matching_blocks())
        if collections.Counter(want) == collections.Counter(got) and \
                same >= len(want) - moved:
            print('ok')
            return
    if want == got:
        print('ok')
        return
    i = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b),
             min(len(want), len(got)))
    extra = [w for w in got if w not in set(want)][:6]
    print('%d words, %d expected; first difference at word %d: %r, expected %r; '
          'not in the original: %s' % (len(got), len(want), i + 1,
                                       ' '.join(got[i:i + 4]),
                                       ' '.join(want[i:i + 4]), ' '.join(extra)))


if __name__ == '__main__':
    main()
