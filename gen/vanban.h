/*
 * vanban.h - the one public header of libvanban, the core of the vanban
 * tools (vb-norm, vb-render, vb-khenthuong, vb-baocao, vb-sotien).
 *
 * Data flows one way:
 *   sources -> text_/csvt_ (any encoding to NFC UTF-8, CSV)
 *           -> doc_ (front matter + CommonMark into the document model)
 *           -> layout_ (line breaking, blocks, tables, pages)
 *           -> dlist (display list: positioned text runs, rules, boxes)
 *           -> pdf_ (its own PDF objects, zlib).
 *
 * Library code never prints and never exits: it returns an exit-code-like
 * status (enum vb_status) and collects messages in a struct diag that the
 * tool's main() prints.  Every length carries its unit in its name (_pt,
 * _mm).  Strings are UTF-8 in NFC unless a comment says otherwise.
 */
#ifndef VANBAN_H
#define VANBAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define VB_VERSION "0.1.0"

/* Exit codes shared by every tool (interface.md). */
enum vb_status {
	VB_OK = 0,     /* done */
	VB_EINPUT = 1, /* bad input: nothing written */
	VB_EUSAGE = 2, /* bad usage */
	VB_ESYS = 3    /* system or I/O error */
};

/* ------------------------------------------------------------------ */
/* Diagnostics: file:line:col: error|warning: message                  */
/* ------------------------------------------------------------------ */

enum diag_level {
	DIAG_WARNING,
	DIAG_ERROR,
	DIAG_NOTE      /* for information: counted as neither */
};

struct diag;

/* A new, empty collector; NULL only when out of memory. */
struct diag	*diag_new(void);
void		 diag_free(struct diag *);   /* NULL is a no-op */

/*
 * Record one message.  file may be NULL (message about no file), line and
 * col are 1-based; 0 leaves them out of the printed position.  The message
 * is printf-formatted and copied.
 */
void		 diag_add(struct diag *, enum diag_level, const char *file,
		    int line, int col, const char *fmt, ...)
		    __attribute__((format(printf, 6, 7)));
/* Append the messages of `from` to `to`, counts included (those past
 * to's limit are counted as not shown), and empty `from`. */
void		 diag_move(struct diag *to, struct diag *from);
int		 diag_errors(const struct diag *);    /* errors so far */
int		 diag_warnings(const struct diag *);  /* warnings so far */
/* One message as a record. */
struct diag_msg {
	enum diag_level	 level;      /* error or warning */
	char		*file;       /* NULL: about no file */
	int		 line, col;  /* 1-based; 0: not known */
	char		*text;       /* the message itself */
	char		*formatted;  /* as printed: "file:line:col: error: text" */
};

/* Number of messages kept; the i-th one formatted as printed, or as a
 * record; owned by the collector. */
size_t		 diag_count(const struct diag *);
const char	*diag_get(const struct diag *, size_t i);
const struct diag_msg *diag_item(const struct diag *, size_t i);
/* A place as messages print it ("list.csv:12:3", "list.xlsx:Sheet!C12",
 * "list.xlsx:Sheet" for line 0), for naming a file or a place inside a
 * message's text.  Malloc'd; NULL on OOM. */
char		*diag_place(const char *file, int line, int col);
/* Print every message (one a line), then "N error(s), M warning(s)"
 * when there were any, to fp.  Called by tools' main() only. */
void		 diag_print(const struct diag *, FILE *fp, const char *prog);

/* Messages in the clerk's language: vb_i18n_init(lang) with "vi" or
 * "en" (--lang), or NULL to follow the environment (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG starting "vi"); called once by a tool's main before
 * any message.  vb_tr translates a message id (diag_add does it for its
 * format), vb_ntr picks the plural.  0, or -1 on OOM. */
int		 vb_i18n_init(const char *lang);
const char	*vb_tr(const char *msgid) __attribute__((format_arg(1)));
/* libyaml's problem or context string in the clerk's language (the
 * common ones; others as given; NULL stays NULL). */
const char	*vb_yaml_tr(const char *s);
const char	*vb_ntr(const char *one, const char *many, unsigned long n)
		    __attribute__((format_arg(1), format_arg(2)));

/* ------------------------------------------------------------------ */
/* Text input: any encoding in, NFC UTF-8 with LF line ends out         */
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
const char	*text_enc_name(enum text_enc);

/*
 * Open the file at path for reading, refusing anything that is not a
 * regular file (a FIFO, a device, a folder) before a byte is read; every
 * input of every tool is opened here.  VB_OK with *fp set (the caller
 * closes it), VB_EINPUT (not a regular file) or VB_ESYS (cannot open),
 * with a message in d (NULL: none).
 */
int		 vb_open_read(const char *path, FILE **fp, struct diag *d);
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
/* A day written YYYY-MM-DD or DD/MM/YYYY (leading zeros optional in the
 * second form) into *y, *m, *d.  Returns 0 for a real calendar day, -1
 * otherwise (30/02, 2020-13-01, trailing text ...). */
int		 text_date_parse(const char *s, int *y, int *m, int *d);
/* NFC-normalise n bytes of valid UTF-8; malloc'd result or NULL. */
char		*text_nfc(const char *s, size_t n, size_t *outlen);

/*
 * Write an output file atomically: the bytes go to a temporary file in
 * the same directory, which is flushed, closed and renamed over path only
 * when complete.  path "-" writes to stdout.  Returns VB_OK or VB_ESYS
 * with a message in d.
 */
int		 text_write_file(const char *path, const void *buf, size_t n,
		    struct diag *d);
/* The same as a stream: outfile_open gives the FILE to write (NULL and a
 * message in d on failure); outfile_close(of, ok) puts the file in place
 * when ok, else discards it, and frees of.  A symlink is followed (its
 * target replaced), an existing device or FIFO written through, an
 * existing file's permission bits kept.  VB_OK or VB_ESYS. */
struct outfile;
FILE		*outfile_open(const char *path, struct outfile **of,
		    struct diag *d);
int		 outfile_close(struct outfile *of, int ok, struct diag *d);
/*
 * A last check before an output replaces a file the user may edit: just
 * before the rename, changed(path, arg) says whether the file at path
 * changed since the caller looked at it (1), not (0) or cannot be read
 * (-1, errno set).  When it changed, the file there is kept and the new
 * one goes to alt instead (moved set); -1 is an error, nothing replaced.
 * Tests only: VB_TEST_PAUSE_BEFORE_RENAME names a FIFO to which the path
 * is written before the check, the run then waiting until something is
 * written to the FIFO (tests/e2e/gen-outputs.sh edits the file then).
 */
struct outfile_guard {
	int		(*changed)(const char *path, void *arg);
	void		 *arg;     /* for changed */
	const char	 *alt;     /* where the new file goes if it changed */
	int		  moved;   /* set: it went to alt */
};
/* text_write_file with a guard (NULL: none). */
int		 text_write_guarded(const char *path, const void *buf,
		    size_t n, struct outfile_guard *g, struct diag *d);

/* Do paths a and b name the same existing file? ("-" never does.) */
int		 text_same_file(const char *a, const char *b);
/* For the tests only: raise the signal VB_TEST_RAISE=POINT:N:SIG names
 * the Nth time the process passes point (testhook.c). */
void		 vb_test_point(const char *point);

/* ------------------------------------------------------------------ */
/* Growing arrays and strings                                                      */
/* ------------------------------------------------------------------ */

/* Appends after an allocation failure are ignored and set `bad`, so a
 * caller checks once at the end.  Start from { NULL, 0, 0, 0 }. */
struct vbuf {
	char	*s;     /* NUL-terminated (NULL while empty) */
	size_t	 len;   /* bytes, NUL excluded */
	size_t	 cap;   /* bytes allocated */
	int	 bad;   /* out of memory */
};

/* The one way arrays grow: make room for `need` elements of `size`
 * bytes in *p, whose capacity *cap is counted in elements (doubling, at
 * least 16).  0, or -1 on OOM or overflow (*p unchanged then). */
int	 vb_grow(void **p, size_t *cap, size_t need, size_t size);

/* UTF-8 of valid text (NFC, as every reader gives it; decoding with
 * code points goes through utf8proc_iterate): the length of the
 * sequence a lead byte starts, whether a byte continues one, and the
 * characters in the first n bytes of s (up to a NUL). */
size_t	 vb_utf8_len(unsigned char lead);
int	 vb_utf8_cont(unsigned char b);
size_t	 vb_utf8_chars(const char *s, size_t n);

void	 vbuf_putn(struct vbuf *, const char *, size_t);
void	 vbuf_puts(struct vbuf *, const char *);
/* Append code point cp as UTF-8 (U+FFFD for a surrogate or a value past
 * U+10FFFF). */
void	 vbuf_put_cp(struct vbuf *, uint32_t cp);
void	 vbuf_printf(struct vbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Hand over the string (caller frees; "" when empty, NULL if bad) and
 * reset the buffer. */
char	*vbuf_take(struct vbuf *);

/* ------------------------------------------------------------------ */
/* CSV tables (libcsv)                                                  */
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

/* Fold s: decomposed, case-folded, accents stripped, đ -> d; with slug 0
 * only letters and digits (of any script) kept (csvt_fold), with slug 1
 * only ASCII letters and digits, words joined by '-' (vb_slug).
 * Malloc'd; NULL on OOM. */
char		*vb_fold(const char *s, int slug);

/* A message id kept as data, translated where it is used (xgettext
 * -kN_). */
#define N_(s) s

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
/* Dates                                                                */
/* ------------------------------------------------------------------ */

/* A calendar date as yyyymmdd (20200110), so dates compare as ints. */
typedef long vb_date;

/* Parse "2020-01-10" or "10/01/2020" (years 1900-9999); 0 and *out,
 * or -1. */
int	 vb_date_parse(const char *s, vb_date *out);
/* Today (local time). */
vb_date	 vb_today(void);

/* ------------------------------------------------------------------ */
/* Template variables and expansion                                     */
/* ------------------------------------------------------------------ */

struct tmpl_vars;

struct tmpl_vars	*tmpl_vars_new(void);
void		 tmpl_vars_free(struct tmpl_vars *);
/* A deep copy (NULL on OOM). */
struct tmpl_vars	*tmpl_vars_dup(const struct tmpl_vars *);
/* Set key to a copy of value (a string variable); 0, or -1 on OOM. */
int		 tmpl_vars_set(struct tmpl_vars *, const char *key,
		    const char *value);
/* Set key to a printf-formatted string; 0, or -1 on OOM. */
int		 tmpl_vars_setf(struct tmpl_vars *, const char *key,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Items of a list (a string counts 1, unset 0) / the i-th one. */
size_t		 tmpl_vars_count(const struct tmpl_vars *, const char *key);
const char	*tmpl_vars_item(const struct tmpl_vars *, const char *key,
		    size_t i);
/* Make key a list (emptied if it was one) / append a copy of item. */
int		 tmpl_vars_list(struct tmpl_vars *, const char *key);
int		 tmpl_vars_push(struct tmpl_vars *, const char *key,
		    const char *item);
/* The string value of key (a list's first item), or NULL if unset. */
const char	*tmpl_vars_get(const struct tmpl_vars *, const char *key);

/*
 * Expand a skeleton: {{key}} the value as is, {{key|yaml}} a YAML scalar
 * (a list: an indented block sequence on the following lines),
 * {{key|md}} Markdown-escaped; {{#key}}…{{/key}} kept when key is set,
 * not empty and not "0"; {{^key}}…{{/key}} the opposite.  A line holding
 * only a section tag disappears entirely.  An unknown key or a broken
 * tag is an error at name:line.  *out is malloc'd (caller frees).
 * Returns VB_OK, VB_EINPUT or VB_ESYS.
 */
int	 tmpl_expand(const char *name, const char *tmpl,
	    const struct tmpl_vars *, struct diag *, char **out);

/* A YAML scalar for s: plain when safe, otherwise double-quoted.
 * Malloc'd, NULL on OOM.  (mdesc_yaml, under the templates' name.) */
char	*tmpl_yaml_scalar(const char *s);

/* ------------------------------------------------------------------ */
/* Values written into generated Markdown (mdesc.c)                     */
/* ------------------------------------------------------------------ */

/* Each appends s to b so that vb-render reads back exactly s where it is
 * put, whatever s holds ("```", "#", "---", "<", "&", "*", indentation,
 * CR).  mdesc_inline: inside a paragraph, heading or list item (one line:
 * blanks collapse to one space, markup backslash-escaped).  mdesc_cell: a
 * field of a ```csv table (after a comma unless first; a line end stays
 * a line break in the cell).  mdesc_chart_cell: a field of a ```chart
 * (one line, no markup).  mdesc_info_value: a quoted option of a fence's
 * info string (title="…").  mdesc_yaml: a front-matter value, plain or
 * double-quoted; malloc'd, NULL on OOM. */
void	 mdesc_inline(struct vbuf *, const char *s);
void	 mdesc_cell(struct vbuf *, const char *s, int first);
void	 mdesc_chart_cell(struct vbuf *, const char *s, int first);
void	 mdesc_info_value(struct vbuf *, const char *s);
char	*mdesc_yaml(const char *s);

/* ------------------------------------------------------------------ */
/* Configuration files (YAML key: value) over template variables        */
/* ------------------------------------------------------------------ */

/* One key a config file may set: type 's' one line of text, 'l' a list
 * of lines, 'm' a mapping whose keys `sub` names, stored as
 * "<key>_<sub>" variables (ky: {ho_ten: …} -> ky_ho_ten).  A key starting
 * "x_" is always accepted (text or list).  A table ends with key NULL. */
struct config_key {
	const char		 *key;   /* name in the file */
	char			  type;  /* 's', 'l' or 'm' */
	const char *const	 *sub;   /* 'm': its keys, NULL-terminated */
};

/* Declare every key of `keys` empty ("" or an empty list; each sub-key of
 * a mapping ""), so that a template's placeholder for a key that no file
 * sets expands to nothing.  0, or -1 on OOM. */
int		 config_defaults(const struct config_key *keys,
		    struct tmpl_vars *);
/* Overlay the YAML file at path on vars: every key checked against keys
 * (an unknown key, a wrong type: an error at its line).  A mapping
 * replaces all its sub-keys.  VB_OK, VB_EINPUT or VB_ESYS. */
int		 config_load(const char *path, const struct config_key *keys,
		    struct tmpl_vars *, struct diag *);
/* The same over text already read (len bytes, NFC UTF-8); path names it
 * in messages. */
int		 config_load_text(const char *path, const char *text,
		    size_t len, const struct config_key *keys,
		    struct tmpl_vars *, struct diag *);

/* Before loading YAML text (a front matter, a config): refuse nesting
 * deeper than 64 and aliases that stand for more than 10,000 values or
 * 1 MiB, at the line where it happens (line0: lines before the text in
 * name; what: "front matter", "config" in the message).  libyaml takes
 * quadratic time on deep nesting, and aliases let a small text stand
 * for a huge one.  -1 with an error in d (or OOM), else 0. */
int		 config_yaml_guard(const char *name, int line0,
		    const char *what, const char *text, size_t len,
		    struct diag *d);

/* A YAML list of records (- key: value ...) as a table: the header is
 * the keys in order of first appearance, each record a row at its line,
 * "" where a record lacks a key.  For data files that may be written as
 * CSV or YAML.  With key_ok, a key it refuses is an error at its line
 * naming the `known` keys, and is left out.  VB_OK (errors may be in d),
 * VB_EINPUT or VB_ESYS; *out: csvt_free. */
int		 config_load_table(const char *path, const char *text,
		    size_t len, int (*key_ok)(const char *), const char *known,
		    struct diag *d, struct csvt **out);

/* ------------------------------------------------------------------ */
/* Finding installed data (fonts, templates)                            */
/* ------------------------------------------------------------------ */

/*
 * The folder of a data set, in this order: opt (an option) when not
 * NULL; the environment variable env when set and not empty; beside the
 * program, each of the NULL-terminated paths rel relative to the
 * program's own folder (/proc/self/exe) that holds the file `probe`;
 * then builtin (compiled in).  Malloc'd; NULL on OOM.
 */
char		*vb_find_dir(const char *opt, const char *env,
		    const char *const *rel, const char *probe,
		    const char *builtin);

/* path with its extension (after the last '.' of the last component)
 * replaced by ext (".pdf"), or ext appended.  Malloc'd, NULL on OOM. */
char		*vb_with_ext(const char *path, const char *ext);

/* Make the folder dir and every missing folder above it (mkdir -p); one
 * that exists is fine.  VB_OK, or VB_ESYS with a message in d naming the
 * folder that could not be made. */
int		 vb_mkdir_p(const char *dir, struct diag *d);

/* The time a reproducible build asks for: SOURCE_DATE_EPOCH (decimal
 * seconds, 0 to 253402300799) in *out, or -1 when it is not set.
 * Returns 0, or -1 when it is set but not such a number (message in d). */
int		 vb_source_epoch(long long *out, struct diag *d);

/* ------------------------------------------------------------------ */
/* Amounts: figures and words (vb-sotien, decisions)                    */
/* ------------------------------------------------------------------ */

struct sotien_opt {
	int	le;          /* "lẻ" instead of "linh" */
	int	bon;         /* "bốn" instead of "tư" */
	int	khong_dong;  /* omit the final " đồng" */
};

#define SOTIEN_MAX 999999999999999999ULL /* 10^18 - 1: "chín trăm chín mươi chín triệu tỷ ..." */

/* The amount in words, first letter capitalised, "đồng" appended unless
 * opt->khong_dong: 1490000 -> "Một triệu bốn trăm chín mươi nghìn đồng".
 * opt may be NULL.  Malloc'd; NULL if amount > SOTIEN_MAX. */
char		*sotien_words(unsigned long long amount,
		    const struct sotien_opt *opt);
/* Figures grouped with '.': 1490000 -> "1.490.000".  Malloc'd. */
char		*sotien_figures(unsigned long long amount);

/* ------------------------------------------------------------------ */
/* Rendering a document source to PDF                                   */
/* ------------------------------------------------------------------ */

struct render_opt {
	const char	*font_dir;     /* folder with the Liberation Serif TTFs */
	int		 dump_layout;  /* write the display list as text, no PDF */
	long long	 epoch;        /* creation time (SOURCE_DATE_EPOCH), -1: now */
	int		 format;       /* enum render_format (0: PDF) */
};

/* What render_mem writes. */
enum render_format {
	RENDER_PDF = 0,   /* the official PDF */
	RENDER_DOCX = 1   /* an editable Word file from the document model */
};

/* The font folder: opt (--fonts) when not NULL, else $VB_FONT_DIR,
 * else share/vanban/fonts or fonts beside the program (installed, or the
 * build tree), else the build tree's fonts/ compiled in.  Malloc'd. */
char		*render_find_fonts(const char *opt);

/* A renderer: the fonts of opt->font_dir loaded once for any number of
 * documents.  NULL with a message in d when a face cannot be loaded. */
struct render;
struct render	*render_new(const struct render_opt *opt, struct diag *d);
void		 render_free(struct render *);   /* NULL is a no-op */
/*
 * Render the document source `text` (NFC UTF-8, as read by text_read_*;
 * `name` is its path, used in messages and to resolve `file=` tables)
 * into memory: the PDF, or the display list as text when the options say
 * dump_layout.  *out malloc'd (caller frees).  VB_OK, VB_EINPUT
 * (messages in d) or VB_ESYS.
 */
int		 render_mem(struct render *, const char *name, const char *text,
		    size_t len, char **out, size_t *outlen, struct diag *d);
/* The first character of s (NFC UTF-8) that face (0 regular, 1 bold,
 * 2 italic, 3 bold italic) cannot draw, or a control character; 0 when
 * every one can.  For generators that check their data before writing. */
uint32_t	 render_missing_glyph(struct render *, const char *s, int face);

/* One document of a batch: its source in, its PDF out. */
struct render_job {
	const char	*name;    /* source path (messages, file= tables) */
	const char	*text;    /* source text, NUL-terminated */
	char		*out;     /* the rendered PDF (malloc'd) or NULL */
	size_t		 outlen;  /* its length */
	int		 rc;      /* VB_OK, VB_EINPUT or VB_ESYS */
	struct diag	*d;       /* its messages, or NULL: render_batch's d */
};

/*
 * Render n documents into memory, with `jobs` worker processes when
 * jobs > 1 (each renders every jobs-th document with its own renderer;
 * results and messages come back through temporary files), else in this
 * process.  progress, when not NULL, is called after each document with
 * the number done.  Messages of every document go to its job's d, or
 * to d when that is NULL, in document order (a worker that cannot load
 * the fonts says so with its first document; one that cannot be started
 * says so in d).
 * Returns the worst rc (VB_ESYS before VB_EINPUT before VB_OK).
 */
int		 render_batch(const struct render_opt *, struct render_job *,
		    size_t n, int jobs, void (*progress)(void *, size_t, size_t),
		    void *arg, struct diag *d);

/* Free n jobs' outputs and the array (NULL is a no-op). */
void		 render_jobs_free(struct render_job *, size_t n);

/*
 * Many sources to their outputs (vb-render SOURCE.md...).
 * render_files_check: no two outputs name one file, and no output is one
 * of the sources (a.pdf and ./a.pdf are one file); 0, or -1 after a
 * message in d for each, or VB_ESYS.  render_files: read each source
 * (as enc says), render them with render_batch (jobs workers) in chunks
 * of 128 a worker, so memory stays flat, and write each output that has
 * no error; a bad source is named and not written, the others are.
 * progress, when not NULL, is told the sources done over the whole run.
 * Messages go to d in source order; returns the worst result.
 */
int		 render_files_check(char *const *src, char *const *outs,
		    char *const *docx, size_t n, struct diag *d);
int		 render_files(const struct render_opt *, enum text_enc enc,
		    char *const *src, char *const *outs, char *const *docx,
		    size_t n, int jobs, void (*progress)(void *, size_t,
		    size_t), void *arg, struct diag *d);
/* docx (NULL: none): a DOCX of each source too, rendered from the same
 * reading when its first output was written.  render_files_stale: a
 * warning for each SOURCE.docx beside its source that is older than it
 * and is not docx[i] (--to pdf,docx writes both). */
void		 render_files_stale(char *const *src, char *const *docx,
		    size_t n, struct diag *d);
/* The output of each source: out (-o) when not NULL; "-" for the
 * source "-" and for dump; else the source's name, its .md replaced by
 * ext (".pdf"), in outdir when not NULL.  n malloc'd names, NULL on OOM;
 * render_names_free frees them. */
char		**render_out_names(char *const *src, size_t n, const char *out,
		    const char *outdir, int dump, const char *ext);
void		 render_names_free(char **, size_t n);

/* Render one source to out_path ("-" = stdout), written only when
 * complete: render_new + render_mem + text_write_file. */
int		 render_source(const char *name, const char *text, size_t len,
		    const char *out_path, const struct render_opt *opt,
		    struct diag *d);

/* ------------------------------------------------------------------ */
/* Additions (issue 5: vb-khenthuong, vb-sotien)                        */
/* ------------------------------------------------------------------ */

/* Parse an amount written "1490000", "1.490.000" or "1 490 000" (one
 * separator kind, groups of three).  Returns 0 and sets *out, or -1 when
 * s is not such an amount or exceeds SOTIEN_MAX. */
int		 sotien_parse(const char *s, unsigned long long *out);

/* ------------------------------------------------------------------ */
/* Added for issue 4 (encodings): streaming conversion, syllables       */
/* ------------------------------------------------------------------ */

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
/* Added for vb-baocao                                                  */
/* ------------------------------------------------------------------ */

/* A file-name slug: lower case ASCII, no accents, đ -> d, words (runs of
 * letters and digits) joined by '-': "Sở Văn hóa, Thể thao" ->
 * "so-van-hoa-the-thao".  Malloc'd ("" when s has no letter); NULL on
 * OOM. */
char		*vb_slug(const char *s);
/* s in capitals (Unicode case mapping, then NFC): "Sở Y tế" ->
 * "SỞ Y TẾ".  Malloc'd; NULL on OOM. */
char		*vb_upper(const char *s);
/* Added for workbooks: tables from CSV/text, .xlsx or .xls files       */
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

/* The edit (Levenshtein) distance of two byte strings, for "did you
 * mean" suggestions; (size_t)-1 on OOM. */
size_t		 vb_edit_distance(const char *a, const char *b);

/* ------------------------------------------------------------------ */
/* Certificates: awardees printed onto pre-printed blanks (phôi)        */
/* ------------------------------------------------------------------ */

/* What a box of a certificate layout holds (its noi_dung: key). */
enum phoi_field {
	PHOI_TIEU_DE,     /* the title line: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" */
	PHOI_HINH_THUC,   /* the award's name (hinh-thuc.csv) */
	PHOI_DANH_XUNG,   /* "Ông" / "Bà", "" for a collective or unknown */
	PHOI_HO_TEN,      /* the person's or the collective's name */
	PHOI_CHUC_VU,     /* position */
	PHOI_DON_VI,      /* unit */
	PHOI_THANH_TICH,  /* achievement */
	PHOI_QUYET_DINH,  /* "Quyết định số 15/QĐ-UBND ngày 28/12/2020" */
	PHOI_NOI_NGAY,    /* "Điện Biên, ngày 28 tháng 12 năm 2020" */
	PHOI_CHUC_VU_KY,  /* signer's title, lines split by "\n" */
	PHOI_NGUOI_KY,    /* signer's name */
	PHOI_SO_VANG,     /* the number in the register (sổ vàng) */
	PHOI_NFIELDS
};

/* A layout (templates/khen-thuong/phoi/<form>.yaml; doc/phoi.c). */
struct phoi_layout;

/*
 * Load and check the layout at path: the sheet (A4 or A3, landscape or
 * portrait) and its boxes.  A box outside the sheet, two boxes that
 * overlap, a size under 6 pt, an unknown field or key, a background
 * (nen:) that is not a PNG: each an error at its line.  *out: free with
 * phoi_layout_free.  VB_OK, VB_EINPUT or VB_ESYS.
 */
int		 phoi_layout_load(const char *path, struct diag *d,
		    struct phoi_layout **out);
/* The same from text in memory (NFC UTF-8); path names it in messages
 * and is where a nen: image is found from. */
int		 phoi_layout_parse(const char *path, const char *text,
		    size_t len, struct diag *d, struct phoi_layout **out);
void		 phoi_layout_free(struct phoi_layout *);   /* NULL: no-op */
/* 1 when a box of the layout holds field f. */
int		 phoi_layout_uses(const struct phoi_layout *, enum phoi_field);

/* One certificate: the text of every field ("" or NULL: nothing). */
struct phoi_cert {
	const char	*v[PHOI_NFIELDS];
	const char	*file;   /* where the awardee is listed (messages) */
	int		 line;
};

enum phoi_mode {
	PHOI_PRINT,     /* the text alone, to print onto the blanks */
	PHOI_CALIB,     /* one page: a millimetre grid, every box outlined */
	PHOI_PREVIEW    /* the text over the scanned blank */
};

struct phoi_opt {
	enum phoi_mode	 mode;
	double		 dx_mm, dy_mm;  /* printer offsets (PRINT, CALIB) */
	const char	*nen;           /* PREVIEW: PNG, NULL: the layout's */
	const char	*title;         /* the PDF's title */
};

/*
 * The certificates (n of them, one page each, in order), the
 * calibration page or the preview, as a PDF (or the display list as text
 * when the renderer dumps layouts) into *out (malloc'd).  Text too long
 * for its box shrinks to the box's minimum size, then wraps; when it
 * still does not fit, an error names the awardee and the box.  VB_OK,
 * VB_EINPUT or VB_ESYS, messages in d.
 */
int		 render_phoi(struct render *, const struct phoi_layout *,
		    const struct phoi_cert *, size_t n, const struct phoi_opt *,
		    char **out, size_t *outlen, struct diag *d);

#endif /* VANBAN_H */
