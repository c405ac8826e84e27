/*
 * input/input.h - the input stage: bytes of any encoding in, NFC UTF-8
 * text with LF line ends out; CSV text and workbooks (.xlsx, .ods, .xls)
 * read as tables whose rows keep their lines; configuration files and
 * lists of records read from disk.  Its files' own converter is in
 * input/input_int.h, the workbook readers' in input/table.h.
 */
#ifndef INPUT_H
#define INPUT_H

#include "base/base.h"

/* ------------------------------------------------------------------ */
/* Text input: any encoding in, NFC UTF-8 with LF line ends out       */
/* ------------------------------------------------------------------ */

enum text_enc {
	TEXT_ENC_AUTO,    /* BOM, then UTF-8, then CP1258/TCVN3 by content */
	TEXT_ENC_UTF8,
	TEXT_ENC_UTF16,   /* byte order from the BOM (LE without one) */
	TEXT_ENC_UTF16LE,
	TEXT_ENC_UTF16BE,
	TEXT_ENC_CP1258,
	TEXT_ENC_TCVN3
};

/* Parse an encoding name as given to -f or `encoding:` ("utf-8",
 * "utf8", "utf-16", "cp1258", "windows-1258", "tcvn3", ...).
 * Returns 0 and sets *out, or -1 for an unknown name. */
int		 text_enc_parse(const char *name, enum text_enc *out);
/* The first name text_enc_parse accepts for enc ("utf-8", "cp1258",
 * "tcvn3", ...), "?" for a value that is none. */
const char	*text_enc_name(enum text_enc);
/*
 * Read the file at path ("-" = stdin) and return its text as NFC UTF-8
 * with LF line ends and no BOM in *out (malloc'd, NUL-terminated, caller
 * frees) and its length in *len.  Problems go to d under the name `path`.
 * Returns VB_OK, VB_EINPUT (bad bytes: position and a hint such as
 * "-f cp1258?") or VB_ESYS (cannot open or read).
 */
int		 text_read_file(const char *path, enum text_enc enc,
		    struct diag *d, char **out, size_t *len);
/* The same for a document source: without a forced encoding, the one
 * its front matter declares ("encoding: cp1258") is used. */
int		 text_read_source(const char *path, enum text_enc enc,
		    struct diag *d, char **out, size_t *len);
/* The same for bytes already in memory; name is used in messages. */
int		 text_read_mem(const char *name, const char *buf, size_t n,
		    enum text_enc enc, struct diag *d, char **out, size_t *len);
/*
 * Convert the file at in_path ("-" = stdin) as text_read_file does, but
 * streaming, in constant memory, to out_path ("-" = stdout).  A file
 * output appears only when complete (temporary file + rename); on error
 * nothing is written there.  Output to stdout is written as it goes, so a
 * late error leaves the text before it.  Returns VB_OK, VB_EINPUT or
 * VB_ESYS with messages in d.
 */
int		 text_convert_stream(const char *in_path, const char *out_path,
		    enum text_enc enc, struct diag *d);
/* 1 if the n bytes of UTF-8 at s are one Vietnamese syllable (onset,
 * rhyme, at most one tone; any case), else 0. */
int		 text_vn_syllable(const char *s, size_t n);

/* ------------------------------------------------------------------ */
/* CSV tables (libcsv)                                                */
/* ------------------------------------------------------------------ */

struct csvt_row {
	size_t		  nfields;  /* fields in this row */
	char		**fields;   /* NUL-terminated, trimmed UTF-8 */
	int		  line;     /* source line where the row starts, 1-based */
};

struct csvt {
	char		 *name;     /* file name used in messages */
	size_t		  nrows;    /* rows, header included */
	struct csvt_row	 *rows;     /* rows[0] is the header */
	char		  sep;      /* separator used: ',', ';' or '\t' */
};

/*
 * Parse CSV text (already NFC UTF-8, see text_read_*).  sep 0 detects the
 * separator from the first line (tab, ';' or ','); line0 is added to every
 * line number (for CSV inside a fenced block of a larger file).  Empty
 * trailing fields beyond the header's width are dropped; a row with more
 * or fewer fields than the header is an error with its line.  Blank lines
 * are skipped.  Returns VB_OK with *out (caller frees with csvt_free) or
 * VB_EINPUT with messages in d.
 */
int		 csvt_parse(const char *name, const char *text, size_t len,
		    char sep, int line0, struct diag *d, struct csvt **out);
/* The same, but on VB_EINPUT *out still holds the rows that could be
 * read (a ragged or badly quoted row left out; NULL when there are none),
 * so a caller checks the good rows in the same run; the caller frees it
 * either way. */
int		 csvt_parse_all(const char *name, const char *text, size_t len,
		    char sep, int line0, struct diag *d, struct csvt **out);
/* The same for a table whose header is not the first row (title rows
 * above it, a caller finds it): every non-blank row is kept with all its
 * fields as read, whatever its width (no width check, no trimming of
 * empty cells on the right), and the separator is sniffed from the
 * first line holding one. */
int		 csvt_parse_rows(const char *name, const char *text, size_t len,
		    char sep, int line0, struct diag *d, struct csvt **out);
void		 csvt_free(struct csvt *);   /* NULL is a no-op */

/* Append one CSV field to b (after a comma unless first), quoted when it
 * holds a separator, a quote or a line break. */
void		 csvt_put_field(struct vbuf *b, const char *s, int first);
/*
 * A data table of the templates (or of an office): the file at path
 * read in any encoding and parsed as CSV, and in c[i] the column of
 * cols[i] (a NULL-terminated list of names, as csvt_column), for i < n.
 * The first nreq columns must be there, else one error at the header
 * saying missing (an N_() message id).  VB_OK with *out (caller frees
 * with csvt_free), else VB_EINPUT or VB_ESYS with messages in d.
 */
int		 csvt_load_table(const char *path, const char *const *const *cols,
		    int n, int nreq, const char *missing, struct diag *d,
		    int *c, struct csvt **out);
/* Fold a heading for matching: lower case, no accents, đ -> d, no spaces,
 * underscores or punctuation ("Họ và tên" -> "hovaten").  Malloc'd. */
char		*csvt_fold(const char *s);
/* Index of the header column matching any of the NULL-terminated names
 * (keys or Vietnamese headings, compared folded), or -1. */
int		 csvt_column(const struct csvt *, const char *const *names);

/* ------------------------------------------------------------------ */
/* Tables from CSV/text, .xlsx, .ods or .xls files                    */
/* ------------------------------------------------------------------ */

/* Limits on a workbook (bad input beyond them is refused with a message). */
#define TABLE_MAX_ROWS	  200000          /* last row number read */
#define TABLE_MAX_COLS	  1000            /* last column read (ALL) */
#define TABLE_MAX_CELLS	  4000000         /* filled cells in one sheet */
#define TABLE_MAX_ENTRY	  (200L << 20)    /* bytes of one inflated zip entry */
#define TABLE_MAX_RATIO	  100             /* inflated:compressed, entries > 1 MB */
#define TABLE_MAX_SHEETS  256             /* sheets in a workbook */
#define TABLE_MAX_GRID	  2000000         /* rows x used width of a table */
#define TABLE_MAX_TEXT	  (64L << 20)     /* bytes of text in a sheet's cells */
#define TABLE_MAX_DEPTH	  64              /* nested XML elements of a part */

/*
 * Read a table from the file at path, whose kind is told by its content,
 * never by its name: an Office Open XML workbook (.xlsx, a zip), a
 * legacy BIFF8 workbook (.xls, an OLE compound file, biff.c), or
 * else text in any encoding (enc, as text_read_file) parsed as CSV by
 * csvt_parse_all.  A workbook protected by a password, a zip or OLE file
 * that is not a workbook, and a workbook beyond the TABLE_MAX_* limits
 * are refused with a message.
 *
 * sheet (workbooks only; NULL for a text file): NULL reads the first
 * visible sheet that has rows; otherwise a sheet's name (exact, else
 * compared as csvt_fold does) or its 1-based number "N" in the
 * workbook's order.  A name that matches no sheet is an error listing the
 * sheets.  Hidden sheets are passed over with a warning; hidden rows are
 * left out with a warning.
 *
 * The result is a struct csvt as csvt_parse gives (fields trimmed NFC
 * UTF-8; blank rows and empty trailing columns dropped).  For a workbook:
 * t->name is "path:Sheet!" (the '!' makes diag name places as Excel
 * does: "list.xlsx:Sheet1!F12: error: ..." for line 12, column 6, and
 * "list.xlsx:Sheet1!12:12" for the whole row), each row's line is its spreadsheet row number, field i is
 * column i of the sheet (field 0 = column A: leading empty columns are
 * kept so this holds; see table_cell_name), every row has the same
 * number of fields, t->sep is 0; numbers are written without float
 * noise (1490000, 87.5, 0.3), cells with a date format as YYYY-MM-DD
 * (" HH:MM:SS" appended when the time of day is not 0), times as
 * HH:MM:SS, booleans TRUE/FALSE, error values as shown (#N/A),
 * formulas as their cached value (none cached: empty), and the value of
 * a merged range of the header rows is copied into every cell it covers
 * there (header rows: the first visible row with a value and the rows
 * that the merged ranges starting on it reach down to, at most 10; a
 * merged range of the data rows keeps its value in its first cell).
 *
 * Returns VB_OK; VB_EINPUT with messages in d (for a text file *out may
 * still hold the good rows, as csvt_parse_all; for a workbook *out is
 * NULL); or VB_ESYS.  The caller frees *out with csvt_free either way.
 */
int		 table_read(const char *path, const char *sheet,
		    enum text_enc enc, struct diag *d, struct csvt **out);
/* The same, but a CSV's rows as they are (csvt_parse_rows: no header
 * assumed, no width check), for a reader that finds the header itself
 * (a nominee list with title rows above it). */
int		 table_read_rows(const char *path, const char *sheet,
		    enum text_enc enc, struct diag *d, struct csvt **out);
/* The same, for a workbook whose sheet is not named: the first visible
 * sheet with a filled cell that m->fn accepts (a note says which when it
 * is not the first), else the first (NULL m: as table_read_rows). */
struct table_match {
	int	(*fn)(const struct csvt *t, void *arg);  /* 1: this one */
	void	 *arg;                                    /* passed to fn */
};
int		 table_read_match(const char *path, const char *sheet,
		    enum text_enc enc, const struct table_match *m,
		    struct diag *d, struct csvt **out);
/* The same with a CSV read as table_read reads it (its first row the
 * header, every row as wide). */
int		 table_read_head_match(const char *path, const char *sheet,
		    enum text_enc enc, const struct table_match *m,
		    struct diag *d, struct csvt **out);
/* Does the file at path start as a workbook does (a zip: .xlsx, .ods;
 * an OLE compound file: .xls)?  0 for a text file or one not read. */
int		 table_file_is_workbook(const char *path);
/* Is t read from a workbook (t->sep == 0)? */
int		 table_is_workbook(const struct csvt *t);
/*
 * The cell of field `field` of row `row` (indexes into t->rows) as a
 * spreadsheet reference, "F12" (column letters, then the row's line):
 * for naming a cell inside a message's text (diag names the place of a
 * message itself, see table_read).  Returns 0, or -1 for a table not read from a
 * workbook or indexes out of range (buf then holds "").
 */
int		 table_cell_name(const struct csvt *t, size_t row, size_t field,
		    char buf[16]);
/* The column letters of 0-based column col (0 -> "A", 27 -> "AB") into
 * buf; col < 18278 (3 letters). */
void		 table_col_name(size_t col, char buf[8]);

/* ------------------------------------------------------------------ */
/* Configuration files and lists of records read from disk (yaml.c)   */
/* ------------------------------------------------------------------ */

/* Overlay the YAML file at path on vars: every key checked against keys
 * (an unknown key, a wrong type: an error at its line).  A mapping
 * replaces all its sub-keys.  VB_OK, VB_EINPUT or VB_ESYS. */
int		 config_load(const char *path, const struct config_key *keys,
		    struct tmpl_vars *, struct diag *);

/* A YAML list of records (- key: value ...) as a table: the header is
 * the keys in order of first appearance, each record a row at its line,
 * "" where a record lacks a key.  For data files that may be written as
 * CSV or YAML.  With key_ok, a key it refuses is an error at its line
 * naming the `known` keys, and is left out.  VB_OK (errors may be in d),
 * VB_EINPUT or VB_ESYS; *out: csvt_free. */
int		 config_load_table(const char *path, const char *text,
		    size_t len, int (*key_ok)(const char *), const char *known,
		    struct diag *d, struct csvt **out);

/*
 * The editable data folder of a generator, templates_dir/<name> (the
 * templates are found by vb_find_templates): its tables, read by the
 * generator's `tables` step, then its settings, mac-dinh.yaml and the
 * config file a clerk names, loaded by `load` over `defaults`.
 */
struct datadir {
	const char	*name;	/* folder under the templates: "bao-cao" */
	int		(*defaults)(struct tmpl_vars *);	/* 0, -1 OOM */
	int		(*load)(const char *path, struct tmpl_vars *,
			    struct diag *);
	int		(*tables)(void *data, const char *dir, struct diag *);
};
/* Load dd into data: *dir (malloc'd) and *vars are set first, so the
 * caller's free function releases them on any failure; config (may be
 * NULL) is read after mac-dinh.yaml.  Any error added to d makes the
 * result VB_EINPUT.  VB_OK, VB_EINPUT or VB_ESYS. */
int		 datadir_load(const struct datadir *dd, const char *templates_dir,
		    const char *config, void *data, char **dir,
		    struct tmpl_vars **vars, struct diag *d);

#endif /* INPUT_H */
