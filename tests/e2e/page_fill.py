#!/usr/bin/env python3
"""Empty share of each page of a display list (vb-render --dump-layout):
the part of the text area (20 mm top and bottom margins) below the page's
lowest ink (a text's descenders, a rule, a fill).  Prints one line a page:
"page N empty P" (P in %), the last page marked "last"."""
import re, sys

MM = 72 / 25.4
pages = []
for ln in open(sys.argv[1], encoding="utf-8"):
    f = ln.split()
    if not f:
        continue
    if f[0] == "page":
        w, h = (float(v) for v in f[2].split("x"))
        pages.append([h, 20 * MM])
        continue
    if not pages:
        continue
    p = pages[-1]
    if f[0] == "text":
        p[1] = max(p[1], float(f[2]) + 0.22 * float(f[4]))
    elif f[0] == "rule":
        p[1] = max(p[1], float(f[2]), float(f[4]))
    elif f[0] == "fill":
        m = re.match(r"([\d.]+)x([\d.]+)", f[3])
        p[1] = max(p[1], float(f[2]) + float(m.group(2)))
for i, (h, low) in enumerate(pages):
    top, bot = 20 * MM, h - 20 * MM
    empty = max(0.0, (bot - low) / (bot - top) * 100)
    print("page %d empty %.1f%s" % (i + 1, empty,
          " last" if i + 1 == len(pages) else ""))
