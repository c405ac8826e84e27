/*
 * render.h - internal header of the renderer: the document model (doc_),
 * the font metrics interface, the line breaker and the layout (layout_),
 * the display list (dl_) and the PDF writer (pdf_).  Not installed.
 *
 * Include order: vanban.h, then this.  Layout code includes no cmark,
 * libyaml or libharu header: it sees the document model and measures text
 * through struct layout_font only.
 */
#ifndef RENDER_H
#define RENDER_H

#include <stdint.h>

/* ------------------------------------------------------------------ */
/* Document model                                                       */
/* ------------------------------------------------------------------ */

/* Font faces, as bit flags: the index into every face table. */
enum doc_face {
	DOC_REGULAR = 0,
	DOC_BOLD = 1,
	DOC_ITALIC = 2,
	DOC_BOLDITALIC = 3
};
#define DOC_NFACES 4

/* A run of inline text in one face. */
struct doc_run {
	char	*text;   /* NFC UTF-8; "\n" alone = a hard line break */
	int	 face;   /* enum doc_face */
	int	 sup;    /* 1: superscript (small, raised) */
};

/* A sequence of runs: the content of a paragraph, heading or cell. */
struct doc_inline {
	struct doc_run	*runs;   /* runs, in order */
	size_t		 n;      /* number of runs */
};

enum doc_btype {
	DOC_PARA,       /* justified paragraph with first-line indent */
	DOC_HEADING,    /* level 1 section, 2 khoản, 3 minor */
	DOC_CENTER,     /* centred line(s): -> text <- */
	DOC_ITEM,       /* list item: marker + paragraph, level = depth */
	DOC_TABLE,      /* table */
	DOC_PAGEBREAK,  /* <!-- pagebreak --> */
	DOC_ANNEX       /* <!-- annex [landscape] -->: a new Phụ lục */
};

enum doc_align {
	DOC_ALIGN_LEFT = 'l',
	DOC_ALIGN_CENTER = 'c',
	DOC_ALIGN_RIGHT = 'r',
	DOC_ALIGN_JUSTIFY = 'j'
};

struct doc_table {
	size_t		  nrows;        /* rows, header rows included */
	size_t		  ncols;        /* columns */
	struct doc_inline *cells;       /* nrows * ncols cells, row-major */
	int		 *row_line;     /* source line of each row (CSV file or .md) */
	const char	 *file;         /* file the rows come from (messages) */
	size_t		  header_rows;  /* leading rows repeated on every page */
	double		 *widths;       /* ncols widths: relative, or mm if widths_mm */
	int		  widths_mm;    /* 1: widths are in mm */
	int		  has_widths;   /* 0: size columns from their content */
	char		 *align;        /* ncols enum doc_align, or NULL (left) */
	double		  size_pt;      /* font size of the table, pt */
};

struct doc_block {
	enum doc_btype	  type;
	int		  level;      /* heading level / list depth (1-based) */
	int		  line;       /* source line, 1-based */
	int		  col;        /* source column, 1-based */
	struct doc_inline in;         /* text of PARA, HEADING, CENTER, ITEM */
	char		 *marker;     /* ITEM: "- " or "1. " */
	struct doc_table *table;      /* TABLE */
	int		  landscape;  /* ANNEX: landscape A4 pages */
};

struct doc_signer {
	char	*tham_quyen;  /* "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", or NULL */
	char	*chuc_vu;     /* "CHỦ TỊCH", "PHÓ CHỦ TỊCH" */
	char	*ho_ten;      /* signer's name */
};

struct doc_list {
	char	**v;   /* strings */
	size_t	  n;   /* count */
};

struct doc_meta {
	char		  *loai;              /* document type, upper case */
	char		  *co_quan_chu_quan;  /* parent agency or NULL */
	struct doc_list	   co_quan;           /* issuing agency, explicit lines or one */
	char		  *so;                /* number or NULL (blank) */
	char		  *ky_hieu;           /* "KH-UBND" */
	char		  *dia_danh;          /* place name */
	int		   year, month, day;  /* date; day 0 = blank date */
	char		  *trich_yeu;         /* subject */
	struct doc_list	   kinh_gui;          /* recipients (ô 9a) */
	struct doc_signer *ky;                /* signers */
	size_t		   nky;               /* 1, or 2 for a joint document */
	struct doc_list	   noi_nhan;          /* ô 9b entries, without "- " ";" */
	char		  *luu;               /* "VT, NC" or NULL */
	char		  *nguoi_soan;        /* drafter's initials or NULL */
	char		  *du_thao;           /* "DỰ THẢO", "DỰ THẢO LẦN 2" or NULL */
	char		  *do_khan;           /* "KHẨN" ... or NULL */
	int		   cong_van;          /* 1: a công văn (ô 5b, no 5a) */
};

struct doc {
	char		 *name;     /* source path, for messages */
	const char	 *text;     /* the source text (not owned) */
	struct doc_meta	  meta;
	struct doc_block *blocks;   /* body blocks in order */
	size_t		  nblocks;
	size_t		  cap;      /* allocated blocks */
};

/*
 * Parse a document source (NFC UTF-8) into a new struct doc.  Every
 * problem is added to d with its position; returns NULL when there was an
 * error (the caller frees nothing), else the document (doc_free).
 */
struct doc	*doc_parse(const char *name, const char *text, size_t len,
		    struct diag *d);
void		 doc_free(struct doc *);
void		 doc_inline_free(struct doc_inline *);
/* Append a run to an inline sequence (text copied); 0 or -1 (memory). */
int		 doc_inline_add(struct doc_inline *, const char *text, size_t n,
		    int face, int sup);
/* Parse inline Markdown (emphasis, strong) of one table cell or line. */
int		 doc_inline_parse(const char *md, struct doc_inline *out);
/* Find where codepoint cp first occurs at or after line `line` of text:
 * its 1-based line and column (in characters).  0 if not found. */
int		 doc_locate(const char *text, int line, uint32_t cp, int *oline,
		    int *ocol);
/* Is s a Roman numeral I..XXXIX (a group row's first cell)? */
int		 doc_is_roman(const char *s);

/* ------------------------------------------------------------------ */
/* Font metrics (layout measures through this only)                     */
/* ------------------------------------------------------------------ */

struct layout_font {
	void	*ctx;
	/* Advance of cp in face, in 1/1000 em; -1 if the face lacks it. */
	int	(*advance)(void *ctx, int face, uint32_t cp);
};

/* Real metrics from the TTF files in font_dir (HarfBuzz); NULL and a
 * message in d if a face cannot be loaded.  Faces are also used by the
 * PDF writer for subsetting (font_face_path). */
struct font_set	*font_set_new(const char *font_dir, struct diag *d);
void		 font_set_free(struct font_set *);
struct layout_font font_set_metrics(struct font_set *);
const char	*font_set_path(const struct font_set *, int face);
/* Subset face to the codepoints in cps (n of them); returns a malloc'd
 * TTF in *out and its size in *outlen, or -1. */
int		 font_set_subset(struct font_set *, int face, const uint32_t *cps,
		    size_t n, char **out, size_t *outlen);

/* Width in pt of n bytes of UTF-8 s in face at size_pt. */
double		 layout_width(const struct layout_font *, int face, double size_pt,
		    const char *s, size_t n);

/* ------------------------------------------------------------------ */
/* Display list                                                         */
/* ------------------------------------------------------------------ */

enum dl_kind {
	DL_PAGE,   /* a new page: w_pt x h_pt */
	DL_TEXT,   /* text with baseline at (x_pt, y_pt) */
	DL_RULE,   /* line from (x_pt, y_pt) to (x2_pt, y2_pt), width lw_pt */
	DL_BOX,    /* rectangle (x_pt, y_pt) top-left, size x2_pt by y2_pt, stroked */
	DL_MARK    /* bookmark: level, text, at y_pt of the current page */
};

/* y grows downwards from the top of the page in every item. */
struct dl_item {
	enum dl_kind	 kind;
	double		 x_pt, y_pt;    /* position, pt */
	double		 x2_pt, y2_pt;  /* RULE end; BOX/PAGE: width, height, pt */
	double		 size_pt;       /* TEXT: font size; RULE/BOX: line width */
	int		 face;          /* TEXT: enum doc_face; MARK: level */
	char		*text;          /* TEXT, MARK: UTF-8 */
};

struct dl {
	struct dl_item	*v;
	size_t		 n, cap;
	char		*title;     /* document info */
	char		*author;
	char		*subject;
};

struct dl	*dl_new(void);
void		 dl_free(struct dl *);
/* Append an item (text copied when not NULL); returns it or NULL. */
struct dl_item	*dl_add(struct dl *, enum dl_kind, double x_pt, double y_pt,
		    double x2_pt, double y2_pt, double size_pt, int face,
		    const char *text, size_t n);
/* Write the display list as text (golden tests); malloc'd string. */
char		*dl_dump(const struct dl *, size_t *len);

/* ------------------------------------------------------------------ */
/* Line breaking                                                        */
/* ------------------------------------------------------------------ */

/* One positioned piece of a broken line. */
struct lb_piece {
	double		 x_pt;      /* from the line's left edge */
	int		 face;
	int		 sup;
	const char	*text;      /* points into the inline's runs */
	size_t		 n;         /* bytes */
};

struct lb_line {
	struct lb_piece	*p;         /* pieces */
	size_t		 n;
	double		 width_pt;  /* natural width of the content */
	double		 ratio;     /* adjustment ratio used (0 = natural) */
};

struct lb_result {
	struct lb_line	*lines;
	size_t		 n;
};

/*
 * Break an inline sequence into lines of width_pt (the first line
 * narrowed by indent_pt) with total-fit (Knuth-Plass) breaking.  justify:
 * 1 stretch interword spaces so every line but the last (and lines ended
 * by a hard break) reaches width_pt; 0 natural spacing.  A word wider
 * than a line is broken between characters.  Returns 0, or -1 (memory).
 */
int		 lb_break(const struct layout_font *, const struct doc_inline *,
		    double size_pt, double width_pt, double indent_pt,
		    int justify, struct lb_result *out);
void		 lb_result_free(struct lb_result *);

/* ------------------------------------------------------------------ */
/* Layout and output                                                    */
/* ------------------------------------------------------------------ */

/* Lay the document out into a new display list; NULL and messages in d on
 * error (a table too wide, ...). */
struct dl	*layout_run(const struct doc *, const struct layout_font *,
		    struct diag *d);

/* Write the display list as a PDF into a malloc'd buffer. */
int		 pdf_write(const struct dl *, struct font_set *, long long epoch,
		    char **out, size_t *len, struct diag *d);

#endif /* RENDER_H */
