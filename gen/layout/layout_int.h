/*
 * layout_int.h - state shared by the layout files.  Layout builds a
 * vertical list of rows (a line of text, a table slice, the letterhead,
 * the signature block), each with its display items relative to the
 * row's top, then cuts the list into pages:
 *
 *   page.c        layout_run: the sections and the block dispatch
 *   letterhead.c  ô 1-5, 9a, 10b (layout_letterhead)
 *   signature.c   ô 7, 9b (layout_signature)
 *   table.c       a table as rows (layout_table)
 *   vlist.c       the rows, and text put into them (lrow_)
 *   paginate.c    the rows cut into pages (lpage_cut)
 *   meta.c        where a front-matter key is written (messages)
 *   break.c       line breaking (lb_break); breakword.c the breaks
 *                 inside a word; dlist.c the display list
 *
 * The calls go one way: page.c calls the block files, they call vlist.c;
 * nothing calls back into page.c.
 *
 * Nothing is drawn below the text area.  Overflow policy, block by block
 * (tests/e2e/bounds.sh checks the result):
 *   - body text, headings, list items, centred lines: one row a line, so
 *     they always paginate (widows and orphans kept where possible);
 *   - tables: one row of the list per line of a table row, so a row
 *     splits between lines; header rows are repeated on each page unless
 *     they leave no room for one body line under them: then they are set
 *     once and not repeated, with a warning at the table;
 *   - letterhead: one row; when taller than a page, the part under the Số
 *     line (trích yếu, V/v, urgency box, Kính gửi list) flows onto the
 *     next pages (lrow_split); when the part down to the Số line cannot
 *     fit on page 1 it is an error at co_quan ("the agency name has N
 *     lines; the letterhead cannot fit on the first page");
 *   - signature block and Nơi nhận: one row, kept with the body's last two
 *     lines; when taller than a page, the Nơi nhận continues in its column
 *     on the next pages; when the part down to the signer's name cannot
 *     fit on a page it is an error at ky.
 */
#ifndef LAYOUT_INT_H
#define LAYOUT_INT_H

/* The decree's page and sizes: ND30_* in layout.h. */
#define MM_PT(mm) ND30_MM_PT(mm)
#define LINE_SINGLE 1.15           /* single line spacing, ems (Word's
				    * for Liberation Serif, Times) */
#define RULE_PT 0.5                /* width of rules and the table grid */

/* One row of the vertical list. */
struct vrow {
	double	 h_pt;       /* height */
	double	 before_pt;  /* space above, dropped at the top of a page */
	int	 keep;       /* 1: no page break just before this row */
	int	 force;      /* 1: a page break just before this row */
	size_t	 i0, i1;     /* its items in lctx.tmp [i0, i1) */
	int	 table;      /* 1-based table of lctx.tables, 0 for none */
	int	 header;     /* 1: a header slice of its table */
	int	 top_rule;   /* 1: a table row starts here: rule on top */
	size_t	 vx0, nvx;   /* x of its vertical grid lines in lctx.vx */
	int	 floats;     /* 1: a chart the text after it may pass when it
			      * does not fit the rest of a page */
	const struct doc_block *chart;  /* the chart of this row, or NULL */
	double	 plot_pt;    /* a chart's plot height, which may shrink */
};

struct ltable {
	size_t	 hdr0, hdr1;  /* its header rows [hdr0, hdr1) in lctx.rows */
	double	 x0_pt;       /* left edge of the grid */
	double	 x1_pt;       /* right edge */
};

struct lctx {
	const struct doc	 *doc;
	const struct layout_font *lf;
	struct diag		 *d;
	struct dl		 *tmp;      /* items of the rows being built */
	struct vrow		 *rows;     /* rows of the current section */
	size_t			  nrows, caprows;
	double			 *vx;       /* vertical grid lines of the rows */
	size_t			  nvx, capvx;
	struct ltable		 *tables;   /* tables of the current section */
	size_t			  ntables;
	size_t			  captables;
	struct dl		 *out;      /* the display list being built */
	size_t			 *gridv;    /* this page's vertical grid lines:
					     * indices in out, each extended
					     * by the slices below it */
	size_t			  ngridv, capgridv;
	double			  pw_pt, ph_pt;  /* page size */
	double			  left_pt;  /* text area */
	double			  right_pt;
	double			  top_pt;
	double			  bottom_pt;
	double			  width_pt;
	int			  next_keep;   /* keep the next row with this */
	int			  next_force;  /* page break before the next row */
	double			  next_before; /* extra space before the next */
	int			  oom;         /* memory ran out in a helper that
						* returns a position, not -1 */
	double			  body_pt;     /* body text size (13-14) */
	double			  lead_pt;     /* body leading */
	double			  para_pt;     /* space between paragraphs */
	size_t			  sig_row;     /* the signature block's first
						* row in rows */
	int			  npages;      /* pages of the last cut section */
	size_t			  last_start;  /* first row of its last page */
};

enum lalign { LA_JUSTIFY, LA_LEFT, LA_CENTER, LA_RIGHT };

/* vlist.c */
/* Start a new row; its items are added to L->tmp with y from its top. */
size_t		 lrow_begin(struct lctx *);
/* Close the row started at i0. */
struct vrow	*lrow_end(struct lctx *, size_t i0, double h_pt,
		    double before_pt, int keep);
/* Draw one broken line's pieces at (x_pt, baseline y_pt) into L->tmp. */
int		 lrow_line(struct lctx *, const struct lb_line *, double x_pt,
		    double y_pt, double size_pt);
/*
 * An inline sequence as one row per line at x..x+width_pt: first-line
 * indent, alignment, leading; the first two and the last two lines stay
 * together (widows, orphans).  mark > 0 adds a bookmark of that level on
 * the first line.  Returns the number of rows, -1 on failure.
 */
int		 lrow_inline(struct lctx *, const struct doc_inline *,
		    double size_pt, double lead_pt, double x_pt,
		    double width_pt, double indent_pt, enum lalign,
		    double before_pt, int mark);
/* One centred line of plain text s on cx at baseline y, in the current
 * row; returns its width, pt. */
double		 lrow_center(struct lctx *, const char *s, int face,
		    double size_pt, double cx_pt, double y_pt);
/* Lines of s centred on cx from baseline y, in the current row: each line
 * of s ("\n", e.g. a YAML block) starts a new line, each broken to width
 * and balanced ("ỦY BAN NHÂN DÂN / TỈNH ĐIỆN BIÊN").  Returns the last
 * baseline; *maxw (may be NULL) the widest line. */
double		 lrow_center_wrap(struct lctx *, const char *s, int face,
		    double size_pt, double lead_pt, double cx_pt,
		    double width_pt, double y_pt, double *maxw);
/*
 * The inline in (one logical line of plain text) broken to width_pt for
 * centred lines, balanced: the narrowest width that still gives as many
 * lines ("ỦY BAN NHÂN DÂN / TỈNH ĐIỆN BIÊN", not "ỦY BAN NHÂN DÂN TỈNH
 * ĐIỆN / BIÊN") and breaks no more words ("ỦY BAN NHÂN / DÂN TỈNH" would
 * be narrower), natural spaces unless a line would then pass the
 * measure.  0, or -1 (memory; res then empty).
 */
int		 lb_center(const struct layout_font *,
		    const struct doc_inline *in, double size_pt, double width_pt,
		    struct lb_result *res);
/* A horizontal rule len_pt long centred on cx at y, in the current row. */
void		 lrow_rule(struct lctx *, double cx_pt, double y_pt,
		    double len_pt);

/*
 * The last row, when taller than a page, cut into rows at the gaps
 * between its lines below keep_to_pt (y from the row's top), so the pages
 * can break there; the items keep their places when the pieces share a
 * page.  The first piece keeps the row's keep and space before.  Returns
 * the tallest piece's height and *first_pt the first's (the row's height
 * when it fits and stays whole), -1 (memory).
 */
double		 lrow_split(struct lctx *, double keep_to_pt,
		    double *first_pt);

/* words.c: the word list (templates/tu-ghep.txt), read once per
 * process.  lw_fold: n bytes of s in lower case with single spaces into
 * out (cap bytes, NUL-terminated); its length, 0 when it does not fit or
 * is not UTF-8.  lw_has: 1 when key (folded) is a listed word.  lw_pair:
 * 1 when syllables a and b (folded) begin a listed word. */
size_t		 lw_fold(const char *s, size_t n, char *out, size_t cap);
int		 lw_has(const char *key);
int		 lw_pair(const char *a, const char *b);
/* 1 when the n bytes of s start with a capital and hold a small letter
 * ("Điện", not "ĐIỆN" nor "điện"). */
int		 lw_titlecase(const char *s, size_t n);

/* meta.c: the line and column (1-based) of front-matter key `key` in
 * the source; 1, 1 when it is not found. */
void		 lmeta_pos(const struct doc *, const char *key, int *line,
		    int *col);

/* paginate.c: cut the section's rows into pages of L->out; L->npages and
 * L->last_start tell how. */
void		 lpage_cut(struct lctx *);

/* The blocks: each appends its rows; 0, or -1 after a message in L->d or
 * when memory ran out. */
int		 layout_letterhead(struct lctx *);
int		 layout_signature(struct lctx *);
int		 layout_table(struct lctx *, const struct doc_block *);
/* Lay out a chart block as one row, kept whole on a page (chart.c). */
int		 layout_chart(struct lctx *, const struct doc_block *);
/* Lay chart row r out again with its plot shrunk (not below CH_SQUEEZE_MIN
 * of it) to take at most room_pt; 1 when it now fits, else 0 (unchanged). */
int		 layout_chart_fit(struct lctx *, size_t r, double room_pt);

#endif /* LAYOUT_INT_H */
