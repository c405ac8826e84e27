/*
 * vanban.h - the umbrella header of the vanban tools (vb-norm, vb-render,
 * vb-khenthuong, vb-baocao, vb-sotien, vb-web: gen/tools/ and vb-web's
 * server in gen/web/ beside them).  It declares nothing of its own: it
 * includes the public header of each library stage.  Library code never
 * includes it; a file of the library includes the headers of its own
 * stage and of earlier ones (README.md, "Architecture"; checked by
 * `make check-includes`).
 *
 * Data flows one way:
 *   sources -> text_/csvt_/table_ (input: any encoding to NFC UTF-8, CSV,
 *              workbooks)
 *           -> doc_ (front matter + CommonMark into the document model)
 *           -> layout_ (line breaking, blocks, tables, pages)
 *           -> dl_ (display list: positioned text runs, rules, boxes)
 *           -> pdf_/docx_ (emit: the writers)
 * render_ joins them; the generators (kt_, bc_) write Markdown for it;
 * base/ (diagnostics, buffers, files, templates) is below them all.
 *
 * Library code never prints and never exits: it returns an exit-code-like
 * status (enum vb_status) and collects messages in a struct diag that the
 * tool's main() prints.  Every length carries its unit in its name (_pt,
 * _mm).  Strings are UTF-8 in NFC unless a comment says otherwise.
 */
#ifndef VANBAN_H
#define VANBAN_H

#include "base/base.h"      /* diagnostics, buffers, files, templates, ... */
#include "input/input.h"    /* text in any encoding, CSV, workbooks */
#include "doc/phoi.h"       /* certificate layouts */
#include "render/render.h"  /* a document source to PDF or DOCX */

#endif /* VANBAN_H */
