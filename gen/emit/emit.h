/*
 * emit.h - the writers (emit): the fonts (HarfBuzz: metrics for layout,
 * subsets for the PDF), the PDF writer (its own objects, zlib), which
 * draws a display list and nothing else, and the DOCX writer.  Only
 * emit/font.c includes HarfBuzz.
 *
 * Include order: base/base.h, layout/layout.h, then this.
 */
#ifndef EMIT_H
#define EMIT_H

#include <stdint.h>

/* The font file at path, read whole into *bytes, *len (malloc'd) and
 * checked to be a TrueType face vanban can embed (fontfile.c): VB_OK,
 * or VB_ESYS with "cannot use the font PATH: WHY" (or why it cannot be
 * read) in d. */
int		 font_file_read(const char *path, char **bytes, size_t *len,
		    struct diag *d);
/* Real metrics from the TTF files in font_dir (HarfBuzz); NULL and a
 * message in d if a face cannot be loaded.  Faces are also used by the
 * PDF writer for subsetting.  Loaded once per process (render.c) and
 * kept until it exits. */
struct font_set	*font_set_new(const char *font_dir, struct diag *d);
/* The faces as the layout measures them (struct layout_font over fs). */
struct layout_font font_set_metrics(struct font_set *);
/* The file face (enum doc_face) was loaded from. */
const char	*font_set_path(const struct font_set *, int face);
/* Subset face to the codepoints in cps (n of them, sorted); returns a
 * malloc'd TTF in *out and its size in *outlen, and in gids[i] the
 * subset's glyph of cps[i] (0: the font has none); or -1. */
int		 font_set_subset(struct font_set *, int face, const uint32_t *cps,
		    size_t n, char **out, size_t *outlen, unsigned *gids);

/* The advance of cp in 1/1000 em rounded to the nearest (the PDF's /W),
 * -1 when face has no glyph for it. */
int		 font_set_width(struct font_set *, int face, uint32_t cp);

/* What a PDF font descriptor says of a face (rounded outward). */
struct font_info {
	char	 psname[64];      /* PostScript name (name ID 6) */
	int	 ascent, descent; /* 1/1000 em, descent negative */
	int	 cap_height;      /* 1/1000 em */
	int	 x_height;        /* 1/1000 em */
	int	 bbox[4];         /* xMin yMin xMax yMax, 1/1000 em */
	int	 stem_v;          /* estimated from the weight, 1/1000 em */
	double	 italic_angle;    /* degrees, counter-clockwise */
	int	 bold;            /* weight class >= 600 */
};
/* Fill *fi for face from its tables; 0. */
int		 font_set_info(struct font_set *, int face, struct font_info *);

/* The PNG at path as an opaque 8-bit grey or RGB image, an alpha channel
 * composed onto white (png.c, libpng).  NULL with an error at file:line
 * (or at path when file is NULL) when it is not a PNG, is broken or is
 * too large, or on OOM (no message). */
struct dl_image	*png_read(const char *path, const char *file, int line,
		    struct diag *d);

/* Write the display list as a PDF into a malloc'd buffer. */
int		 pdf_write(const struct dl *, struct font_set *, long long epoch,
		    char **out, size_t *len, struct diag *d);
/* Write n display lists as one PDF (a book: a clerk's batch to print),
 * each one's pages in turn as it laid them out (its own page numbers),
 * with one set of fonts subset over all of them, one metadata and one
 * output intent; head gives the title, author and subject; page labels
 * start again at 1 with each list, and each list gets a bookmark (its
 * title) above its own.  With n = 1 and head = dls[0], pdf_write's
 * bytes. */
int		 pdf_write_book(const struct dl *const *dls, size_t n,
		    const struct dl *head, struct font_set *, long long epoch,
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

#endif /* EMIT_H */
