/*
 * table.h - internal header of the workbook readers of gen/input/
 * (table.c, tgrid.c, xlsx.c, xls.c, biff.c, ods.c): a sheet is collected cell
 * by cell into a struct tgrid, then turned into a struct csvt by tgrid_finish, so both
 * formats share the rules on hidden rows, merged headings, empty rows and
 * columns and the limits.
 */
#ifndef TABLE_H
#define TABLE_H

/* Limits beyond those of input/input.h: no real list comes near them, and
 * each bounds the memory or time a hostile workbook can take. */
#define TABLE_MAX_MERGES	100000    /* merged ranges in a sheet */
#define TABLE_MAX_STRINGS	TABLE_MAX_CELLS	/* shared strings */
#define TABLE_MAX_XF		200000    /* cell formats (Excel: 64000) */

/* How a number cell is to be shown, from its number format. */
enum tnum_kind {
	TNUM_NUMBER,	/* General, 0.00, ... */
	TNUM_DATE,	/* a day (with a time of day when not 0) */
	TNUM_TIME	/* a time of day only */
};

struct tgrid_cell {
	unsigned	 col;    /* 0-based column */
	unsigned	 seq;    /* order given, while sorting */
	char		*val;    /* NFC UTF-8, trimmed, malloc'd */
};

struct tgrid_row {
	long			 r;       /* 1-based row number */
	int			 hidden;  /* hidden in the workbook */
	size_t			 n;       /* cells */
	size_t			 cap;     /* allocated */
	struct tgrid_cell	*c;       /* in the order given */
};

struct tgrid_merge {
	long		r1, r2;  /* rows, 1-based, r1 <= r2 */
	unsigned	c1, c2;  /* columns, 0-based, c1 <= c2 */
};

struct tgrid {
	const char		*name;    /* "file:Sheet!", for messages */
	char			*own;     /* that name, malloc'd */
	struct diag		*d;       /* where messages go */
	struct tgrid_row	*rows;    /* rows seen */
	size_t			 nrows;   /* used */
	size_t			 caprows; /* allocated */
	struct tgrid_merge	*m;       /* merged ranges */
	size_t			 nm;      /* used */
	size_t			 capm;    /* allocated */
	size_t			 ncells;  /* filled cells so far */
	size_t			 ntext;   /* their bytes of text */
	size_t			 nctl;    /* cells with a control character */
	int			 failed;  /* a limit was passed (message given) */
	int			 oom;     /* out of memory */
};

/* tgrid.c */
/* An empty grid for the sheet `name` ("file:Sheet"; messages to d). */
void	 tgrid_init(struct tgrid *, const char *name, struct diag *);
/* Free what the grid holds (not the struct itself). */
void	 tgrid_free(struct tgrid *);
/* Put the n bytes of val (UTF-8) at row r (1-based), column col
 * (0-based); empty values are not kept, control characters are left out
 * with a warning.  -1 once failed or oom is set (beyond a limit: a
 * message given). */
int	 tgrid_put(struct tgrid *, long r, unsigned col, const char *val,
	    size_t n);
/* Mark row r (1-based) hidden in the workbook. */
void	 tgrid_hide(struct tgrid *, long r);
/* Record the merged range r1:c1 to r2:c2 (a reversed one is ignored);
 * 0, or -1 on OOM (beyond TABLE_MAX_MERGES: failed set, a message). */
int	 tgrid_merge(struct tgrid *, long r1, unsigned c1, long r2,
	    unsigned c2);
/* The table (NULL: no row with a value), VB_OK; or VB_EINPUT/VB_ESYS. */
int	 tgrid_finish(struct tgrid *, struct csvt **out);

/* table.c */
/* A number as a clerk reads it: 1490000, 87.5, 0.3 (15 significant
 * digits, no exponent for 1e-10 <= |v| < 1e15). */
void	 table_num(double v, char buf[64]);
/* A date serial of the 1900 or 1904 system as YYYY-MM-DD[ HH:MM:SS] or
 * HH:MM:SS (kind), as LibreOffice shows it; -1 if out of range (years
 * 1900-32767). */
int	 table_serial(double v, int date1904, enum tnum_kind kind,
	    char buf[64]);
/* Parse "AB12" into a 0-based column and 1-based row (either may be
 * absent from ref: *col or *row then untouched); -1 if malformed. */
int	 table_ref(const char *ref, unsigned *col, long *row);
/* The XML readers (xlsx, ods): the local part of an expat name
 * ("table:table-row" -> "table-row"), and the value of the attribute
 * whose local name is `name` among atts (name, value, ..., NULL), or
 * NULL. */
const char *xml_local(const char *name);
const char *xml_attr(const char **atts, const char *name);
/* The kind of builtin number format id (ECMA-376 18.8.30; 27-36 and
 * 50-58 are dates in the East Asian locales that use them). */
enum tnum_kind table_builtin_kind(unsigned long id);
/* The kind of a number format code ("dd/mm/yyyy" -> TNUM_DATE). */
enum tnum_kind table_fmt_kind(const char *code);
/* Choose the sheet `want` among n names (NULL: -1, the caller takes the
 * first with rows); a name not found is an error listing them. */
int	 table_pick(const char *path, const char *want,
	    const char *const *names, size_t n, struct diag *d);

/* biff.c: an .xls workbook, its BIFF8 records read from the
 * compound file. */
enum biff_status {
	BIFF_OK,	/* read */
	BIFF_NOBOOK,	/* a compound file without a workbook (a .doc) */
	BIFF_OLD,	/* Excel 5/95 or older (not BIFF8) */
	BIFF_DAMAGED,	/* stop, stop_type: where reading stopped */
	BIFF_NOMEM,	/* out of memory */
	BIFF_IO		/* the file cannot be read */
};
#define BIFF_NOREC	0x10000u	/* stop_type: in the compound file */

struct biff_sheet {
	char		*name;       /* UTF-8 */
	int		 hidden;     /* hidden or very hidden */
	int		 worksheet;  /* not a chart or macro sheet */
	size_t		 pos;        /* its BOF in the stream */
};

struct biff_book {
	unsigned char		*st;        /* the Workbook stream */
	size_t			 len;       /* its bytes */
	struct biff_sheet	*s;         /* BOUNDSHEET order */
	size_t			 n;         /* used */
	size_t			 cap;       /* allocated */
	int			 filepass;  /* encrypted (FILEPASS) */
	int			 date1904;  /* DATEMODE */
	enum tnum_kind		*xf;        /* kind of each XF record */
	size_t			 nxf;       /* used */
	size_t			 capxf;     /* allocated */
	unsigned		*fid;       /* FORMAT records: ids */
	enum tnum_kind		*fkind;     /* and kinds */
	size_t			 nf;        /* used */
	size_t			 capf;      /* allocated (fid) */
	size_t			 capk;      /* allocated (fkind) */
	char			**sst;      /* shared strings, UTF-8 */
	size_t			 nsst;      /* used */
	size_t			 capsst;    /* allocated */
	size_t			 stop;      /* offset of the last record read */
	unsigned		 stop_type; /* its type, or BIFF_NOREC */
};

/* Read the globals of the .xls at path into *b (free with biff_free,
 * whatever the result): an enum biff_status. */
int	 biff_open(const char *path, struct biff_book *b);
/* Put the cells, hidden rows and merged ranges of sheet i into g:
 * BIFF_OK (g->failed or g->oom may be set) or BIFF_DAMAGED. */
int	 biff_sheet_read(struct biff_book *b, size_t i, struct tgrid *g);
/* The name of a record type ("SST"), "?" for one not read. */
const char *biff_rec_name(unsigned type);
/* Free what b holds (not b itself). */
void	 biff_free(struct biff_book *b);

/* choose.c: whether path is an office suite's lock file (an error given
 * naming the workbook to use instead): 1, else 0. */
int	 table_lock_file(const char *path, struct diag *d);

/*
 * choose.c: the choice of a sheet when none is named.  A reader offers
 * each visible sheet's table in order (table_offer takes it): the first
 * that the caller's match accepts is the answer (with a note when it is
 * not the first sheet offered); without a match, or when none matches,
 * the first (whose reader then says what it lacks).
 */
struct table_choice {
	const struct table_match *m;  /* NULL: the first filled sheet */
	struct csvt	*first;       /* the first table offered */
	char		*first_name;  /* its sheet */
	struct csvt	*ans;         /* the answer, when one matched */
	char		*ans_name;    /* its sheet, when not the first */
	size_t		 others;      /* tables offered after the first */
	struct vbuf	 tried;       /* the sheets offered: "A", "B" */
};

/* Start a choice among the sheets by m (NULL or without fn: the first). */
void	 table_choice_init(struct table_choice *, const struct table_match *);
/* Offer sheet `name`'s table *t (taken, *t NULL after): 1 when it is the
 * answer (stop offering), 0 to go on; -1 out of memory. */
int	 table_offer(struct table_choice *, struct csvt **t, const char *name);
/* The answer into *out (NULL when nothing was offered) and the note;
 * everything freed when rc is not VB_OK.  Returns rc. */
int	 table_chosen(struct table_choice *, const char *path, int rc,
	    struct diag *d, struct csvt **out);

/* mojibake.c: s as it was before UTF-8 was read as Windows-1252
 * ("TÃªn" -> "Tên", malloc'd), or NULL when it does not look so. */
char	*table_mojibake(const char *s);
/* Report the cells of t that look so (one error naming the first and
 * the count): 1 if any, else 0. */
int	 table_check_mojibake(const struct csvt *t, struct diag *d);

/* xlsx.c, xls.c, ods.c: read a workbook (.xlsx, .xls, .ods), its sheet
 * chosen as table_read_match says; *out NULL on failure. */
int	 xlsx_read(const char *path, const char *sheet,
	    const struct table_match *m, struct diag *d, struct csvt **out);
int	 xls_read(const char *path, const char *sheet,
	    const struct table_match *m, struct diag *d, struct csvt **out);
int	 ods_read(const char *path, const char *sheet,
	    const struct table_match *m, struct diag *d, struct csvt **out);

#endif /* TABLE_H */
