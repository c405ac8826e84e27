/*
 * layout_int.h - state shared by the layout files (layout_page.c,
 * layout_table.c).  Layout builds a vertical list of rows (a line of text,
 * a table slice, the letterhead, the signature block), each with its
 * display items relative to the row's top, then cuts the list into pages.
 */
#ifndef LAYOUT_INT_H
#define LAYOUT_INT_H

#define MM_PT(mm) ((mm) * 72.0 / 25.4)

#define PAGE_W_PT 595.276   /* A4 */
#define PAGE_H_PT 841.890
#define MARGIN_TOP_PT MM_PT(20)
#define MARGIN_BOTTOM_PT MM_PT(20)
#define MARGIN_LEFT_PT MM_PT(30)
#define MARGIN_RIGHT_PT MM_PT(15)

#define BODY_PT 14.0               /* body text size */
#define BODY_LEAD_PT 16.8          /* body leading: 1.2 lines */
#define PARA_AFTER_PT 6.0          /* paragraph spacing */
#define INDENT_PT MM_PT(12.7)      /* first-line indent, 1.27 cm */
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
	struct dl		 *out;      /* the display list being built */
	double			  pw_pt, ph_pt;  /* page size */
	double			  left_pt;  /* text area */
	double			  right_pt;
	double			  top_pt;
	double			  bottom_pt;
	double			  width_pt;
	int			  next_keep;   /* keep the next row with this */
	int			  next_force;  /* page break before the next row */
	double			  next_before; /* extra space before the next */
};

/* Start a new row; its items are added to L->tmp with y from its top. */
size_t		 lrow_begin(struct lctx *);
/* Close the row started at i0. */
struct vrow	*lrow_end(struct lctx *, size_t i0, double h_pt,
		    double before_pt, int keep);
/* Draw one broken line's pieces at (x_pt, baseline y_pt) into L->tmp. */
int		 lrow_line(struct lctx *, const struct lb_line *, double x_pt,
		    double y_pt, double size_pt);
/* Lay out a table block as rows. */
int		 layout_table(struct lctx *, const struct doc_block *);
/* Lay out a chart block as one row, kept whole on a page (chart.c). */
int		 layout_chart(struct lctx *, const struct doc_block *);

#endif /* LAYOUT_INT_H */
