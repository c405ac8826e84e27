/*
 * doc.h - the document model shared by every stage after parsing (blocks,
 * inline runs, tables, front matter, each with its source position) and
 * the parser that builds it from a source (libyaml front matter, cmark
 * body, CSV tables).  Internal: included by gen/doc/, gen/layout/,
 * gen/render/ (see the include rule in README.md, "Architecture").
 *
 * Include order: base/base.h, then this.
 */
#ifndef DOC_H
#define DOC_H

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
	size_t	 len;    /* bytes of text */
	size_t	 cap;    /* bytes allocated for text */
	int	 face;   /* enum doc_face */
	int	 sup;    /* 1: superscript (small, raised) */
};

/* A sequence of runs: the content of a paragraph, heading or cell. */
struct doc_inline {
	struct doc_run	*runs;   /* runs, in order */
	size_t		 n;      /* number of runs */
	size_t		 cap;    /* runs allocated */
};

enum doc_btype {
	DOC_PARA,       /* justified paragraph with first-line indent */
	DOC_HEADING,    /* level 1 section, 2 khoản, 3 minor */
	DOC_CENTER,     /* centred line(s): -> text <- */
	DOC_ITEM,       /* list item: marker + paragraph, level = depth */
	DOC_TABLE,      /* table */
	DOC_PAGEBREAK,  /* <!-- pagebreak --> */
	DOC_ANNEX,      /* <!-- annex [landscape] -->: a new Phụ lục */
	DOC_CHART       /* ```chart: a bar or column chart */
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
	unsigned char	 *group;        /* nrows flags, set when the table is
					 * parsed and read by every writer:
					 * DOC_GROUP for a body row that heads
					 * a group (its first cell a Roman
					 * numeral alone: I, II ...), with
					 * DOC_GROUP_SPAN when its title
					 * (cell 2) spans the empty cells
					 * after it (3 columns or more) */
};
#define DOC_GROUP 1
#define DOC_GROUP_SPAN 2

enum doc_chart_type {
	DOC_CHART_BAR,     /* horizontal bars, labels at the left */
	DOC_CHART_COLUMN   /* vertical columns, labels below */
};

struct doc_chart {
	enum doc_chart_type  type;
	char		    *title;      /* bold, centred above; NULL: none */
	char		    *unit;       /* printed after each value; NULL: none */
	double		     max;        /* axis maximum; 0: from the values */
	int		     labels;     /* 1: values printed at the bar ends */
	double		     height_mm;  /* whole chart, mm; 0: from the rows */
	size_t		     nseries;    /* value columns (1 to DOC_CHART_MAXSERIES) */
	char		   **series;     /* nseries names (the header's cells) */
	size_t		     nrows;      /* categories (rows after the header) */
	char		   **cats;       /* nrows category labels */
	double		    *values;     /* nrows * nseries, row-major, >= 0 */
	int		    *row_line;   /* source line of each category row */
};
#define DOC_CHART_MAXSERIES 4

struct doc_block {
	enum doc_btype	  type;
	int		  level;      /* heading level / list depth (1-based) */
	int		  line;       /* source line, 1-based */
	int		  col;        /* source column, 1-based */
	struct doc_inline in;         /* text of PARA, HEADING, CENTER, ITEM */
	char		 *marker;     /* ITEM: "- " or "1. " */
	struct doc_table *table;      /* TABLE */
	int		  landscape;  /* ANNEX: landscape A4 pages */
	struct doc_chart *chart;      /* CHART */
};

struct doc_signer {
	char	*tham_quyen;  /* "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", or NULL */
	char	*chuc_vu;     /* "CHỦ TỊCH", "PHÓ CHỦ TỊCH" */
	char	*ho_ten;      /* signer's name */
};

struct doc_list {
	char	**v;   /* strings */
	size_t	  n;   /* count */
	size_t	  cap; /* allocated */
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
	double		   co_chu_pt;         /* body size by hand (13, 14 pt),
					       * 0: chosen by layout */
	double		   gian_dong;         /* line spacing by hand (1.0-1.5
					       * lines), 0: chosen by layout */
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
/* Free a document and everything it holds (NULL is a no-op). */
void		 doc_free(struct doc *);
/* Free the runs of an inline sequence and empty it (not the struct). */
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
/*
 * A ```chart fenced block (info string and CSV body; the fence at file
 * line `line`) into a new chart; NULL with messages in d on error.
 */
struct doc_chart *doc_chart_parse(const char *name, const char *info,
		    const char *body, int line, int col, struct diag *d);
void		 doc_chart_free(struct doc_chart *);   /* NULL is a no-op */
/* tabfmt.c: how every writer sets a table's cells. */
/* The alignment of column c's body cells: align= when the table gives
 * it, else by content: 'r' when every non-empty body cell (group rows
 * aside) is a number (1.490.000, 12, 87,5 %), 'c' for a running number
 * 1, 2, 3 ... (Số TT), 'l' otherwise.  Header cells are centred. */
char		 doc_table_align(const struct doc_table *, size_t c);
/* 1: body row r is a totals row, set bold: its first or second cell is
 * "Tổng cộng" or "Cộng" (any case as typed, a colon after it allowed). */
int		 doc_table_total(const struct doc_table *, size_t r);

/* nd30.c: format rules */
/* The words and punctuation of Nghị định 30/2020, Phụ lục I, shared by
 * every writer.  Each returns a malloc'd string (caller frees) or NULL
 * (memory). */
/* ô 3: "Số: 88/KH-UBND", a leading 0 under 10, a blank without so. */
char		*nd30_so(const struct doc_meta *);
/* ô 4: "Điện Biên, ngày 10 tháng 01 năm 2020": a leading 0 for days
 * under 10 and months 1 and 2; blanks for day and month when day is 0. */
char		*nd30_date(const struct doc_meta *);
/* ô 9a, one recipient: "Kính gửi: X." */
char		*nd30_kinh_gui_one(const char *who);
/* ô 9a, one of several recipients: "- X;", the last "- X." */
char		*nd30_kinh_gui_entry(const char *who, int last);
/* ô 9b entry s ("- " and a final ";" or "." the user wrote dropped):
 * "- X;", or "- X." when last (no Lưu line follows). */
char		*nd30_nn_entry(const char *s, int last);
/* 1: the Nơi nhận starts with "- Như trên;" (there is a Kính gửi and the
 * first entry does not say it already). */
int		 nd30_nhu_tren(const struct doc_meta *);
/* ô 9b last line without its final ".": "- Lưu: VT, NC" (m->luu set);
 * the drafter's initials (superscript) and "." follow it. */
char		*nd30_luu(const struct doc_meta *);

/*
 * The longest string taken whole, in bytes (the limit of libharu, which
 * wrote vanban's PDFs until 2026-12, kept: no title, author or heading is
 * that long, and a PDF reader's own limits are of that order).
 * doc_parse reports a longer front-matter value (title, author) or
 * heading (bookmark title) at its source line; doc_inline_add cuts
 * longer text into runs of at most this length, and the PDF draws pieces
 * of one run.
 */
#define DOC_MAX_STRING	65535

/* ------------------------------------------------------------------ */
/* Certificate layouts (phôi): phoi.c                                   */
/* ------------------------------------------------------------------ */

#define PHOI_MIN_PT 6.0   /* the smallest size a box may print at */

/* One box of a layout: where and how a field is printed. */
struct phoi_box {
	int	 field;        /* enum phoi_field */
	double	 x_mm, y_mm;   /* top-left corner, from the sheet's top-left */
	double	 w_mm, h_mm;   /* size */
	int	 face;         /* enum doc_face */
	double	 size_pt;      /* the size to print at */
	double	 min_pt;       /* the smallest before wrapping, pt */
	char	 align;        /* 'l', 'c' or 'r' */
	char	*mau;          /* the text with "{}" for the field's, or NULL */
	int	 line;         /* its line in the layout file */
};

struct phoi_layout {
	char		*path;       /* the file (messages) */
	double		 w_mm, h_mm; /* the sheet as printed */
	char		 kho[8];     /* "A4", "A3" */
	int		 landscape;  /* 1: ngang */
	char		*nen;        /* the scanned blank (a path), or NULL */
	int		 nen_line;   /* its line */
	struct phoi_box	*box;        /* in file order */
	size_t		 nbox;
};

/* The key of field f in a layout ("ho_ten"), or NULL. */
const char	*phoi_field_name(int f);

#endif /* DOC_H */
