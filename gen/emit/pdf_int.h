/*
 * pdf_int.h - shared by the PDF writer's files: emit/pdf.c (objects,
 * outline, the document's dictionaries, trailer), emit/pdf_font.c (the
 * faces), emit/pdf_page.c (the pages) and emit/pdfa.c (what makes the
 * file archival, PDF/A-1b, and its text extractable by other tools: the
 * XMP metadata, the output intent's ICC profile, the file identifier,
 * the fonts' encodings, widths, CIDSet and ToUnicode maps).
 *
 * Include order: base/base.h, layout/layout.h, emit/emit.h, then this.
 */
#ifndef PDF_INT_H
#define PDF_INT_H

#include <stddef.h>
#include <stdint.h>

/* One face as the document uses it. */
struct pdf_face {
	uint32_t	*cp;        /* sorted distinct code points: CID i + 1 */
	int		*w;         /* their widths (/W), 1/1000 em */
	size_t		 n, cap;
	int		 obj;       /* Type 0 font object, 0: face unused */
	int		 bytes;     /* bytes a code: 1 (up to 255 characters) or 2 */
	unsigned	 space;     /* the CID of U+0020 */
};

/* A bookmark, linked into the outline tree. */
struct pdf_mark {
	const char	*title;
	int		 page;      /* page object */
	double		 top_pt;    /* FitH top, PDF coordinates */
	int		 parent;    /* index, -1: the outline root */
	int		 first, last, prev, next;   /* indices, -1: none */
	int		 kids;      /* direct children */
};

/* The file being written. */
struct pdf {
	struct vbuf	 out;       /* the file so far */
	size_t		*off;       /* byte offset of object i (1-based) */
	size_t		 noff, capoff;
	int		 nobj;      /* object numbers handed out */
	int		 bad;       /* memory or zlib failure */
	unsigned char	*z;         /* deflate output */
	size_t		 zcap;
	int		 level;     /* zlib level */
	int		 cmap1;     /* the one-byte encoding CMap, 0: none */
	int		*imgobj;    /* the XObject of each image of the list */
	int		*pages;     /* page objects, in order */
	int		 npages;
	size_t		 cappages;
	struct pdf_mark	*m;         /* bookmarks, in order */
	int		 nm;
	size_t		 capm;
	int		 shift;     /* added to each bookmark's level: 1 in a
				     * book (under its document's), else 0 */
	int		*first;     /* each document's first page (index) */
	size_t		 ndoc;
};

/* Bookmark levels: a document's headings 1-3, one more in a book. */
#define PDF_LEVELS 4

/* pdf.c */
/* A new object number. */
int	pdf_new_obj(struct pdf *);
/* Start object num here (its offset noted for the xref table). */
void	pdf_begin(struct pdf *, int num);
/* A number in thousandths, a real, reals then an operator, as the
 * shortest decimals. */
void	pdf_milli(struct vbuf *, long long m);
void	pdf_real(struct vbuf *, double v);
void	pdf_op(struct vbuf *, const double *v, int n, const char *op);
/* Append code point cp in UTF-16BE as hex digits (4, or 8 for a pair). */
void	pdf_utf16(struct vbuf *, uint32_t cp);
/* Object num: data deflated, extra (may be "") added to its dictionary. */
void	pdf_stream(struct pdf *, int num, const char *extra, const void *data,
	    size_t len);

/* pdf_font.c */
/* The CID of cp in face f (0, .notdef, if the face does not have it). */
unsigned pdf_cid(const struct pdf_face *f, uint32_t cp);
/* The code points of every text item of the n display lists, by face,
 * sorted and distinct, into fc[LAYOUT_NFACES]; -1 on OOM. */
int	pdf_collect(const struct dl *const *dls, size_t n, struct pdf_face *fc);
/* Write the seven objects of face `face`, numbered from f->obj; -1
 * after a message in d. */
int	pdf_font(struct pdf *, struct pdf_face *f, int face,
	    struct font_set *fs, struct diag *d);

/* pdf_page.c */
/* Object num: image im as an XObject. */
void	pdf_image_obj(struct pdf *, int num, const struct dl_image *im);
/* Draw every item of dl, page by page (page objects added to p->pages),
 * its bookmarks added to p->m at their level + p->shift.  -1 on OOM. */
int	pdf_pages(struct pdf *, const struct dl *dl, const struct pdf_face *fc);
/* Add a bookmark to p->m: title (not copied) at top_pt of page object
 * page, at level (1: top).  -1 on OOM. */
int	pdf_mark_add(struct pdf *, const char *title, int page, double top_pt,
	    int level);

/* pdfa.c */
/* Face f's widths (f->w) and its space's CID, from the font. */
int	pdf_face_widths(struct pdf_face *f, int face, struct font_set *fs);
/* The /W entry of a CIDFont. */
void	pdf_widths(struct vbuf *b, const struct pdf_face *f);
/* Object num: the one-byte encoding CMap (code c is CID c). */
void	pdf_cmap1(struct pdf *, int num);
/* The ToUnicode CMap of a face into b. */
void	pdf_tounicode(struct vbuf *b, const struct pdf_face *f);
/* Object num: the CIDSet of a face (every CID it has, 0 included). */
void	pdf_cidset(struct pdf *, int num, const struct pdf_face *f);
/* Object num: the sRGB ICC profile (version 2) of the output intent. */
void	pdf_icc(struct pdf *, int num);
/* The catalog's /OutputIntents entry, its profile object icc. */
void	pdf_output_intent(struct vbuf *, int icc);
/* Object num: the XMP metadata, stored, matching the Info dictionary
 * (date: seconds since 1970). */
void	pdf_xmp(struct pdf *, int num, const struct dl *dl, long long date);
/* The trailer's /ID entry: a hash of the file so far. */
void	pdf_id(struct vbuf *);

#endif /* PDF_INT_H */
