/*
 * pdf_int.h - shared by the PDF writer's files (emit/pdf.c: objects,
 * fonts, pages, outline, trailer; emit/pdfa.c: what makes the file
 * archival, PDF/A-1b, and its text extractable by other tools: the XMP
 * metadata, the output intent's ICC profile, the file identifier, the
 * fonts: the encodings, widths, CIDSet and ToUnicode maps).
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
};

/* pdf.c */
/* The CID of cp in face f (0, .notdef, if the face does not have it). */
unsigned pdf_cid(const struct pdf_face *f, uint32_t cp);
/* Start object num here (its offset noted for the xref table). */
void	pdf_begin(struct pdf *, int num);
/* Append code point cp in UTF-16BE as hex digits (4, or 8 for a pair). */
void	pdf_utf16(struct vbuf *, uint32_t cp);
/* Object num: data deflated, extra (may be "") added to its dictionary. */
void	pdf_stream(struct pdf *, int num, const char *extra, const void *data,
	    size_t len);

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
