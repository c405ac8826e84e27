/*
 * list_int.h - internal header of the nominee list reader: list.c (the
 * rows checked), heads.c (the columns found by their headings) and
 * rowkind.c (rows that hold no nominee: column numbers, group headings,
 * the footer).
 */
#ifndef KT_LIST_INT_H
#define KT_LIST_INT_H

#include "kt/kt.h"

enum {
	COL_DOI_TUONG, COL_HO_TEN, COL_CHUC_VU, COL_DON_VI, COL_CV_DV,
	COL_HINH_THUC, COL_THANH_TICH, COL_STT, COL_DANH_XUNG, NCOL
};

/* Built-in headings per column (heads.c): key, heading messages name,
 * other headings; NULL-terminated. */
extern const char *const kt_col_names[NCOL][8];
/* Whether each column must be there. */
extern const int kt_col_required[NCOL];

/* The headings of every column, folded: built-in and tieu-de.csv. */
struct kt_heads {
	char	**f[NCOL];     /* folded headings */
	size_t	  n[NCOL];     /* in f */
	size_t	  cap[NCOL];   /* allocated */
};

/* What the rows are checked with: the header found and the state kept
 * from row to row. */
struct kt_lt {
	const struct kt_data	*kd;
	const struct csvt	*t;
	int			 col[NCOL];  /* cell of a column, -1 */
	const char		*hd[NCOL];   /* heading messages name */
	size_t			 width;      /* header cells but empty
					      * ones at the right */
	int			 check_width; /* a row's width checked */
	int			 group;      /* kind given above, -1 */
	int			 footer;     /* below a total, signature */
	vb_date			 date;       /* the decision's */
};

/* heads.c: the headings of every column (built-in, then tieu-de.csv);
 * the header row's index with its map in x->col, or -1 after an error;
 * the columns named as the header writes them. */
int	 kt_heads_load(const struct kt_data *, struct kt_heads *,
	    struct diag *);
void	 kt_heads_free(struct kt_heads *);
int	 kt_find_header(const struct kt_heads *, struct kt_lt *x,
	    struct diag *);
void	 kt_name_columns(struct kt_lt *x, const struct csvt_row *hr);

/* list.c: field c of row r, "" when absent. */
const char *kt_cell(const struct kt_lt *x, const struct csvt_row *r, int c);

/* rowkind.c: rows that hold no nominee.  kt_group_of: the kind a group
 * row gives, -1 a section heading, -2 not a group row. */
int	 kt_colnum_row(const struct csvt_row *r);
int	 kt_empty_row(const struct kt_lt *x, const struct csvt_row *r);
int	 kt_group_of(const struct kt_lt *x, const struct csvt_row *r);
int	 kt_footer_row(const struct kt_lt *x, const struct csvt_row *r);
int	 kt_after_footer(const struct kt_lt *x, const struct csvt_row *r);

#endif
