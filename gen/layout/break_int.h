/*
 * break_int.h - shared by the two files of the line breaker: break.c
 * (the items of a paragraph, the total-fit passes, the lines) and
 * breakword.c (which breaks fall inside a listed word, a name, a
 * counted number or a date, and so cost a penalty).
 */
#ifndef BREAK_INT_H
#define BREAK_INT_H

#define LB_INF_PENALTY 10000   /* a penalty this high forbids the break */
#define LB_FILL 1e6            /* stretch of the glue that ends a paragraph */
#define LB_WORD_SYL 4          /* syllables of the longest listed word */
#define LB_KEY_MAX 192         /* bytes of a folded word of the list */

enum lb_type { LB_BOX, LB_GLUE, LB_PENALTY };

struct lb_seg {
	const char	*t;     /* text, inside the inline's runs */
	size_t		 n;     /* bytes */
	int		 face;
	int		 sup;
	double		 w_pt;  /* width (with lead_pt) */
	double		 lead_pt;   /* space before the text */
};

struct lb_item {
	enum lb_type	 type;
	double		 w_pt;        /* width (glue: natural) */
	double		 stretch_pt;  /* glue */
	double		 shrink_pt;   /* glue */
	int		 penalty;     /* penalty; -LB_INF_PENALTY forces;
				       * glue: a break inside a word */
	int		 charbreak;   /* penalty between two characters of a
				       * word too wide for a line */
	int		 date;        /* glue inside a written-out date */
	size_t		 s0, s1;      /* box: its segments [s0, s1) */
};

struct lb_ctx {
	const struct layout_font *lf;
	double		 size_pt;
	double		 width_pt;        /* the measure */
	struct lb_seg	*segs;
	size_t		 nsegs, capsegs;
	struct lb_item	*items;
	size_t		 nitems, capitems;
	double		*sw, *sst, *ssh;  /* prefix sums of widths, stretch, shrink */
	size_t		*sb;              /* prefix count of words (boxes but the indent) */
	size_t		*wglue;           /* glue items inside a word or name */
	size_t		 nwglue;
	int		 date_pen;        /* their penalty inside a date */
	int		 cell;            /* LB_CELL: a lone last syllable costs */
	double		 rag_pt;          /* unjustified text: the stretch a
					   * line's end adds (0: justified) */
};

/*
 * Mark the glue inside listed words (templates/tu-ghep.txt), names,
 * counted numbers ("năm 2020") and written-out dates: their items in
 * c->wglue (dates also flagged in item.date), for lb_word_penalty to
 * price.  Runs are boxes of whole words (not pieces of a cut word)
 * separated by single glue items.  0, or -1 (memory).
 */
int		 lb_mark_words(struct lb_ctx *c);

#endif /* BREAK_INT_H */
