/*
 * docx_int.h - shared by the DOCX writer's files (emit/docx.c: the
 * container, styles, headers and properties; emit/docx_body.c: the
 * letterhead, body, tables, signature and sections of word/document.xml).
 * The writer reads the document model, not the display list: Word and
 * LibreOffice reflow the text themselves.
 *
 * Include order: base/base.h, doc/doc.h, layout/layout.h, then this.
 */
#ifndef DOCX_INT_H
#define DOCX_INT_H

/* Page geometry of Nghị định 30/2020 (ND30_* of layout/layout.h: A4;
 * margins 20, 20, 30, 15 mm), in twentieths of a point (twips), the
 * unit of WordprocessingML. */
#define DOCX_PAGE_W ((int)DOCX_TW(ND30_PAGE_W_PT))          /* 11906 */
#define DOCX_PAGE_H ((int)DOCX_TW(ND30_PAGE_H_PT))          /* 16838 */
#define DOCX_MARGIN_TOP ((int)DOCX_TW(ND30_MARGIN_TOP_PT))  /* 1134 */
#define DOCX_MARGIN_BOTTOM ((int)DOCX_TW(ND30_MARGIN_BOTTOM_PT))
#define DOCX_MARGIN_LEFT ((int)DOCX_TW(ND30_MARGIN_LEFT_PT))    /* 1701 */
#define DOCX_MARGIN_RIGHT ((int)DOCX_TW(ND30_MARGIN_RIGHT_PT))  /* 850 */
#define DOCX_HEADER 500          /* the page number's paragraph from the top
				* edge: its baseline where the PDF puts it */
#define DOCX_FOOTER 567          /* 10 mm */
#define DOCX_INDENT ((int)DOCX_TW(ND30_INDENT_PT))   /* 720: 1.27 cm */
#define DOCX_TW(pt) ((long)((pt) * 20.0 + 0.5))   /* pt -> twips */

/* The writer's state while document.xml is produced. */
struct docx_state {
	struct vbuf		  b;          /* document.xml so far */
	const struct doc	 *doc;        /* the model */
	const struct layout_font *lf;         /* metrics, to size rules */
	long			  width_tw;   /* text width of the section */
	double			  width_pt;   /* the same, pt (the layout's) */
	int			  landscape;  /* current section is landscape */
	int			  pagebreak;  /* next paragraph starts a page */
};

/* XML text: &, <, >, quotes escaped, characters XML 1.0 forbids (C0
 * controls but tab and line ends, U+FFFE, U+FFFF) dropped. */
void	 docx_esc(struct vbuf *, const char *s, size_t n);
/* One run of text in face (enum doc_face) at size_pt (0: the style's);
 * "\n" inside becomes a line break, a tab a tab. */
void	 docx_run(struct vbuf *, const char *s, size_t n, int face, int sup,
	    double size_pt);
/* The runs of an inline sequence; face_or is or'ed into every face. */
void	 docx_inline(struct vbuf *, const struct doc_inline *, int face_or,
	    double size_pt);
/* A paragraph of one run: style, extra pPr XML (or NULL), text. */
void	 docx_para(struct vbuf *, const char *style, const char *ppr,
	    const char *s, int face, double size_pt);

/* docx_body.c: the whole of word/document.xml into *out (malloc'd).
 * 0, or -1 (memory). */
int	 docx_document(const struct doc *, const struct layout_font *,
	    char **out, size_t *len);
/* The top of page 1 (letterhead.c's counterpart); the signature block
 * and Nơi nhận.  0, or -1 (memory). */
int	 docx_letterhead(struct docx_state *);
int	 docx_signature(struct docx_state *);

#endif /* DOCX_INT_H */
