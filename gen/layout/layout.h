/*
 * layout.h - the layout stage: it measures text through struct
 * layout_font (metrics only, implemented over the TTFs by gen/emit/font.c
 * or by a fake font in tests), breaks lines (lb_), places blocks on pages
 * and produces the display list (dl_): what to draw where, which the
 * output stage only draws.  Layout includes no cmark, libyaml, zlib or
 * HarfBuzz header.
 *
 * Include order: base/base.h, doc/doc.h, then this.
 */
#ifndef LAYOUT_H
#define LAYOUT_H

#include <stdint.h>

struct doc;          /* doc/doc.h */
struct doc_inline;

/* ------------------------------------------------------------------ */
/* The decree's geometry                                                */
/* ------------------------------------------------------------------ */

/* The page, sizes and shares of Nghị định 30/2020, Phụ lục I (and the
 * practice the layout follows where the decree gives a range), in pt.
 * Both writers read these: the layout places the PDF's items with them,
 * the DOCX writer converts them to twips; neither keeps a copy. */
#define ND30_MM_PT(mm) ((mm) * 72.0 / 25.4)
#define ND30_PAGE_W_PT 595.276   /* A4 */
#define ND30_PAGE_H_PT 841.890
#define ND30_MARGIN_TOP_PT ND30_MM_PT(20)
#define ND30_MARGIN_BOTTOM_PT ND30_MM_PT(20)
#define ND30_MARGIN_LEFT_PT ND30_MM_PT(30)
#define ND30_MARGIN_RIGHT_PT ND30_MM_PT(15)
#define ND30_INDENT_PT ND30_MM_PT(12.7)  /* first-line indent, 1.27 cm */
#define ND30_BODY_PT 14.0        /* body text size */
#define ND30_BODY_LEAD_PT 16.8   /* body leading: 1.2 lines */
#define ND30_PARA_AFTER_PT 6.0   /* paragraph spacing; also after a table */
#define ND30_HEAD_PT 13.0        /* ô 1, 2, 3: agency, Quốc hiệu, Số */
#define ND30_HEAD_LEAD_PT 15.0   /* pitch of the agency's lines */
#define ND30_TIEU_NGU_PT 14.0    /* ô 1: Tiêu ngữ */
#define ND30_LEFT_COL 0.38       /* ô 2-3 column: share of the text width
				  * (practice: about 40 % of it) */
#define ND30_LEFT_COL_PAD_PT 12.0  /* ô 2: agency lines this much narrower
				    * than their column (half each side),
				    * so they never touch ô 1 */
#define ND30_AGENCY_RULE_SHARE 0.45  /* ô 2: rule 1/3-1/2 of the agency's
				      * widest line */
#define ND30_AGENCY_RULE_MIN_PT 40.0 /* ô 2: but never a dot under a short
				      * name, within 1/2 of the line */
#define ND30_AGENCY_RULE_MAX 0.5     /* ô 2: the decree's upper bound */
#define ND30_VV_GAP_PT 6.0       /* ô 5b: V/v 6 pt under the Số line */
#define ND30_URGENCY_GAP_PT 8.0  /* ô 10b: the urgency box under ô 3 (or
				  * 5b) */
#define ND30_TRICH_YEU_SHARE 0.82    /* ô 5a: the trích yếu's lines at most
				      * this share of the text width */
#define ND30_TRICH_YEU_RULE_DIV 3    /* ô 5a: rule 1/3 of its widest line */
#define ND30_TRICH_YEU_RULE_MIN_PT 60.0  /* ô 5a: and at least this long */
#define ND30_DRAFT_PT 14.0       /* draft mark (practice): bold, boxed */
#define ND30_DRAFT_PAD_PT 6.0    /* draft mark: room left and right in its
				  * box */
#define ND30_NOI_NHAN_PT 12.0    /* ô 9b: "Nơi nhận:" bold italic */
#define ND30_NOI_NHAN_ENTRY_PT 11.0  /* ô 9b: entries, upright */
#define ND30_NOI_NHAN_LEAD_PT 12.8   /* pitch of the entries' lines */
/* ô 7c: the room for the hand signature and seal, clear between the
 * authority's last line (its descenders) and the name (its capitals):
 * 31 mm, as offices leave it (at least 3 cm; 27 mm baseline to baseline
 * left 22-23 mm, too little for a seal of 35-40 mm overlapping the
 * signature).  Baseline to baseline it adds Liberation Serif's
 * descender (0.216 em) and cap height (0.655 em) at the body size. */
#define ND30_SIGN_ROOM_PT ND30_MM_PT(31)
#define ND30_SIGN_SPACE_PT (ND30_SIGN_ROOM_PT + (0.216 + 0.655) * \
	ND30_BODY_PT)
#define ND30_NN_COL 0.45         /* ô 9b: the Nơi nhận's share of the text
				  * width; 7a-7b centred in the rest */
#define ND30_SIGN_COL_GAP_PT 6.0 /* between the columns of the signature
				  * block (and of joint signers) */
#define ND30_CELL_PADX_PT 4.0    /* table cells: padding left and right, */
#define ND30_CELL_PADT_PT 2.0    /* on top */
#define ND30_CELL_PADB_PT 3.5    /* and under */

/* Width in pt of the urgency box (ô 10b) by its words: 40 mm for
 * THƯỢNG KHẨN, 30 mm for HỎA TỐC, 20 mm otherwise (letterhead.c). */
double		 layout_urgency_w(const char *urgency);
/* Width in pt of the widest line of the letterhead's right column: the
 * Quốc hiệu (ô 1), or the place and date (ô 4) when longer ("Thành phố
 * Hồ Chí Minh, ngày ..."); that line sits flush with the right margin
 * and the column is centred under it (letterhead.c). */
struct doc_meta;
struct layout_font;
double		 layout_national_w(const struct layout_font *,
		    const struct doc_meta *);
/* The length in pt of the rule under the agency (ô 2) whose widest line
 * is line_pt long, and of the rule under the trích yếu (ô 5a). */
double		 layout_agency_rule(double line_pt);
double		 layout_trich_yeu_rule(double line_pt);
/* Where a Kính gửi of several recipients goes (ô 9a) in a text width_pt
 * wide: the label's width, the block's left edge from the text's left
 * (the label and the widest entry centred as one) and the entries'
 * measure, pt.  0, or -1 (memory). */
int		 layout_kinh_gui_box(const struct layout_font *,
		    const struct doc_meta *, double width_pt, double *label_pt,
		    double *x0_pt, double *entry_pt);

/* ------------------------------------------------------------------ */
/* Font metrics (layout measures through this only)                     */
/* ------------------------------------------------------------------ */

/* The faces a layout_font measures and a display list draws, numbered
 * as enum doc_face: 0 regular, 1 bold, 2 italic, 3 bold italic.  The
 * output stage sees these numbers, not the document model. */
#define LAYOUT_NFACES 4
#define LAYOUT_REGULAR 0
#if defined(DOC_NFACES) && DOC_NFACES != LAYOUT_NFACES
#error "doc.h and layout.h disagree on the number of faces"
#endif

struct layout_font {
	void	*ctx;
	/* Advance of cp in face, in 1/1000 em; -1 if the face lacks it. */
	int	(*advance)(void *ctx, int face, uint32_t cp);
};

/* Width in pt of n bytes of UTF-8 s in face at size_pt (layout/measure.c). */
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
	DL_MARK,   /* bookmark: level, text, at y_pt of the current page */
	DL_FILL,   /* rectangle (x_pt, y_pt) top-left, size x2_pt by y2_pt,
		    * filled in grey; outlined in black when size_pt > 0 */
	DL_IMAGE   /* image dl->img[face] scaled to the rectangle (x_pt,
		    * y_pt) top-left, size x2_pt by y2_pt */
};

/* An opaque 8-bit image, rows top to bottom (a scanned blank). */
struct dl_image {
	int		 w_px, h_px;  /* size, pixels */
	int		 comps;       /* 1 grey, 3 RGB */
	unsigned char	*px;          /* w_px * h_px * comps bytes */
};

/* y grows downwards from the top of the page in every item. */
struct dl_item {
	enum dl_kind	 kind;
	double		 x_pt, y_pt;    /* position, pt */
	double		 x2_pt, y2_pt;  /* RULE end; BOX/PAGE: width, height, pt */
	double		 size_pt;       /* TEXT: font size; RULE/BOX: line width */
	int		 face;          /* TEXT: enum doc_face; MARK: level */
	char		*text;          /* TEXT, MARK: UTF-8 */
	double		 grey;          /* FILL: 0 black .. 1 white */
};

/* The body settings a layout chose (page.c: 14 pt, or tightened to save
 * a page, or co_chu / gian_dong of the front matter); every writer sets
 * the body with these. */
struct layout_fit {
	double		 body_pt;   /* body text size, pt */
	double		 lead_pt;   /* body line pitch, pt */
	double		 para_pt;   /* space after a paragraph, pt */
};

struct dl {
	struct dl_item	*v;
	size_t		 n, cap;
	char		*title;     /* document info */
	char		*author;
	char		*subject;
	char		*fit;       /* body settings when not the default
				     * (dumped as "info fit"), or NULL */
	struct layout_fit set;      /* body settings used */
	struct dl_image	**img;      /* images drawn (owned), each once in
				     * the file however many pages use it */
	size_t		 nimg, capimg;
};

/* A new, empty display list; NULL on OOM. */
struct dl	*dl_new(void);
/* Free the list, its texts and its images (NULL is a no-op). */
void		 dl_free(struct dl *);
/* Append an item (text copied when not NULL); returns it or NULL. */
struct dl_item	*dl_add(struct dl *, enum dl_kind, double x_pt, double y_pt,
		    double x2_pt, double y2_pt, double size_pt, int face,
		    const char *text, size_t n);
/* Give image im (malloc'd, with its pixels) to dl; its index, or -1 (memory:
 * im freed). */
int		 dl_add_image(struct dl *, struct dl_image *im);
/* Free an image and its pixels (NULL is a no-op). */
void		 dl_image_free(struct dl_image *);
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
	size_t		 nsplit;    /* breaks inside a listed word or a name */
};

/*
 * Break an inline sequence into lines of width_pt (the first line
 * narrowed by indent_pt) with total-fit (Knuth-Plass) breaking.  justify:
 * 1 stretch interword spaces so every line but the last (and lines ended
 * by a hard break) reaches width_pt; 0 natural spacing, shrunk where a
 * line needs it; LB_NATURAL natural spacing always (balanced, centred
 * lines: a line may then be wider than width_pt); LB_RAGGED as 0, the
 * lines' cost being how short they fall of width_pt (table cells: the
 * fullest first lines, not the shortest).  A word wider
 * than a line is broken between characters.  A break between two
 * syllables of a word of templates/tu-ghep.txt ("Ủy ban") or of a name
 * (a run of capitalised syllables, "Điện Biên", not the first word of a
 * sentence) costs a penalty; in justified text it is weighed against
 * loose lines, in other text it is taken only when no other way fits.
 * LB_CELL or-ed into justify: a table cell, whose last line is not one
 * syllable alone ("đơn / vị") when another break costs less.
 * Returns 0, or -1 (memory).
 */
#define LB_NATURAL 2
#define LB_RAGGED 3
#define LB_CELL 8
int		 lb_break(const struct layout_font *, const struct doc_inline *,
		    double size_pt, double width_pt, double indent_pt,
		    int justify, struct lb_result *out);
/* Free the lines of a result and empty it (not the struct). */
void		 lb_result_free(struct lb_result *);

/* ------------------------------------------------------------------ */
/* Layout and output                                                    */
/* ------------------------------------------------------------------ */

/*
 * Which body rows of table block b (of doc), on a portrait or landscape
 * page (landscape 1), the layout may split between pages (rows of four
 * lines or more, two at least on each side): one flag per row into split
 * (nrows).  For a writer whose reader paginates (DOCX).  0 (every
 * flag 0 when the table does not fit), or -1 (memory).
 */
struct doc_block;
int		 layout_table_splits(const struct doc *, const struct
		    layout_font *, const struct doc_block *b, int landscape,
		    unsigned char *split);
/*
 * The column widths the layout draws table block b with (widths= or sized
 * by the content), on a portrait or landscape page, in pt into w (one per
 * column), for a writer whose reader sets the table (DOCX): it gives
 * them as they are.  Returns the table's width, pt, or -1 (too wide for
 * the page: the layout says so; or memory).
 */
double		 layout_table_widths(const struct doc *, const struct
		    layout_font *, const struct doc_block *b, int landscape,
		    double *w);

/*
 * The centred lines of plain text s (face, size_pt) as the layout sets
 * them (the agency, trích yếu, signer: lrow_center_wrap): each line of s
 * broken to width_pt and balanced.  A malloc'd copy of s with a "\n" at
 * every line break (the spaces there dropped, empty lines of s too), for
 * a writer that sets the lines itself (DOCX); *maxw_pt the widest line.
 * NULL (memory).
 */
char		*layout_center_text(const struct layout_font *, const char *s,
		    int face, double size_pt, double width_pt,
		    double *maxw_pt);

/* Lay the document out into a new display list; NULL and messages in d on
 * error (a table too wide, ...). */
struct dl	*layout_run(const struct doc *, const struct layout_font *,
		    struct diag *d);

/*
 * Certificates (phoi.c): one page per certificate (PHOI_PRINT,
 * PHOI_PREVIEW, with bg drawn under the text of every page), or the
 * calibration page (PHOI_CALIB).  bg (may be NULL) is given to the
 * display list.  NULL with messages in d when a text cannot fit its box.
 */
struct phoi_layout;
struct phoi_cert;
struct phoi_opt;
struct dl	*layout_phoi(const struct phoi_layout *, const struct
		    layout_font *, const struct phoi_cert *, size_t n,
		    const struct phoi_opt *, struct dl_image *bg, struct diag *d);

#endif /* LAYOUT_H */
