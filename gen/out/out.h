/*
 * out.h - the output stage: the fonts (HarfBuzz: metrics for layout,
 * subsets for the PDF) and the PDF writer (libharu), which draws a display
 * list and nothing else.  Only out/font.c includes HarfBuzz and only
 * out/pdf.c includes libharu.
 *
 * Include order: vanban.h, layout/layout.h, then this.
 */
#ifndef OUT_H
#define OUT_H

#include <stdint.h>

/* Real metrics from the TTF files in font_dir (HarfBuzz); NULL and a
 * message in d if a face cannot be loaded.  Faces are also used by the
 * PDF writer for subsetting. */
struct font_set	*font_set_new(const char *font_dir, struct diag *d);
void		 font_set_free(struct font_set *);
struct layout_font font_set_metrics(struct font_set *);
const char	*font_set_path(const struct font_set *, int face);
/* Subset face to the codepoints in cps (n of them); returns a malloc'd
 * TTF in *out and its size in *outlen, or -1. */
int		 font_set_subset(struct font_set *, int face, const uint32_t *cps,
		    size_t n, char **out, size_t *outlen);

/* Write the display list as a PDF into a malloc'd buffer. */
int		 pdf_write(const struct dl *, struct font_set *, long long epoch,
		    char **out, size_t *len, struct diag *d);

/* Write the document model (not the display list: Word reflows) as an
 * editable Word file (DOCX) in the decree's format into a malloc'd
 * buffer; lf sizes the short rules; fit is the body size, line pitch and
 * paragraph spacing the layout chose for the same document (the styles
 * carry them, so Word fills the pages as the PDF does).  The same doc
 * and epoch (>= 0) give the same bytes.  VB_OK, or VB_ESYS with a
 * message in d. */
struct doc;
int		 docx_write(const struct doc *, const struct layout_font *lf,
		    const struct layout_fit *fit, long long epoch, char **out,
		    size_t *len, struct diag *d);

#endif /* OUT_H */
