/*
 * base/base.h - the base stage of libvanban, below every other: what the
 * files of gen/base/ define and every later stage uses.  Diagnostics and
 * the clerk's language, growing buffers, text helpers, dates, amounts,
 * files in and out, installed data, template variables, the escapes of
 * values written into Markdown, and configuration keys.
 *
 * Library code never prints and never exits: it returns an exit-code-like
 * status (enum vb_status) and collects messages in a struct diag that the
 * tool's main() prints.  Every length carries its unit in its name (_pt,
 * _mm).  Strings are UTF-8 in NFC unless a comment says otherwise.
 */
#ifndef BASE_H
#define BASE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The version every tool prints and every output names as its writer. */
#define VB_VERSION "0.1.0"

/* Exit codes shared by every tool (interface.md). */
enum vb_status {
	VB_OK = 0,     /* done */
	VB_EINPUT = 1, /* bad input: nothing written */
	VB_EUSAGE = 2, /* bad usage */
	VB_ESYS = 3    /* system or I/O error */
};

/* A message id kept as data, translated where it is used (xgettext
 * -kN_). */
#define N_(s) s

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
const char	*vb_ntr(const char *one, const char *many, unsigned long n)
		    __attribute__((format_arg(1), format_arg(2)));
/* libyaml's problem or context string in the clerk's language (the
 * common ones; others as given; NULL stays NULL). */
const char	*vb_yaml_tr(const char *s);

/* ------------------------------------------------------------------ */
/* Growing arrays and strings                                         */
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

/* Append n bytes of s (which may hold NULs). */
void	 vbuf_putn(struct vbuf *, const char *, size_t);
/* Append the string s. */
void	 vbuf_puts(struct vbuf *, const char *);
/* Append code point cp as UTF-8 (U+FFFD for a surrogate or a value past
 * U+10FFFF). */
void	 vbuf_put_cp(struct vbuf *, uint32_t cp);
/* Append a printf-formatted string. */
void	 vbuf_printf(struct vbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Hand over the string (caller frees; "" when empty, NULL if bad) and
 * reset the buffer. */
char	*vbuf_take(struct vbuf *);

/* ------------------------------------------------------------------ */
/* Text: normalisation, folding, case, distance                       */
/* ------------------------------------------------------------------ */

/* NFC-normalise n bytes of valid UTF-8; malloc'd result or NULL. */
char		*text_nfc(const char *s, size_t n, size_t *outlen);
/* Fold s: decomposed, case-folded, accents stripped, đ -> d; with slug 0
 * only letters and digits (of any script) kept (csvt_fold), with slug 1
 * only ASCII letters and digits, words joined by '-' (vb_slug).
 * Malloc'd; NULL on OOM. */
char		*vb_fold(const char *s, int slug);
/* A file-name slug: lower case ASCII, no accents, đ -> d, words (runs of
 * letters and digits) joined by '-': "Sở Văn hóa, Thể thao" ->
 * "so-van-hoa-the-thao".  Malloc'd ("" when s has no letter); NULL on
 * OOM. */
char		*vb_slug(const char *s);
/* s in capitals (Unicode case mapping, then NFC): "Sở Y tế" ->
 * "SỞ Y TẾ".  Malloc'd; NULL on OOM. */
char		*vb_upper(const char *s);
/* The edit (Levenshtein) distance of two byte strings, for "did you
 * mean" suggestions; (size_t)-1 on OOM. */
size_t		 vb_edit_distance(const char *a, const char *b);
/* The value of the n bytes at s as a Roman numeral in capitals, I to
 * XXXIX ("XIV" -> 14), or 0 when they are not one (base/roman.c). */
int		 vb_roman(const char *s, size_t n);

/* ------------------------------------------------------------------ */
/* Dates                                                              */
/* ------------------------------------------------------------------ */

/* A day written YYYY-MM-DD or DD/MM/YYYY (leading zeros optional in the
 * second form) into *y, *m, *d.  Returns 0 for a real calendar day, -1
 * otherwise (30/02, 2020-13-01, trailing text ...). */
int		 text_date_parse(const char *s, int *y, int *m, int *d);
/* A calendar date as yyyymmdd (20200110), so dates compare as ints. */
typedef long vb_date;

/* Parse "2020-01-10" or "10/01/2020" (years 1900-9999); 0 and *out,
 * or -1. */
int	 vb_date_parse(const char *s, vb_date *out);
/* Today (local time). */
vb_date	 vb_today(void);

/* ------------------------------------------------------------------ */
/* Amounts: figures and words (vb-sotien, decisions)                  */
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
/* v as Vietnamese write a number, rounded half away from zero to the
 * hundredth: 1490000 -> "1.490.000", 87.5 -> "87,5", 0.256 -> "0,26",
 * -3 -> "-3" (every chart label and table figure of both writers).
 * Into buf (n bytes, cut short if too small); NaN, infinities and
 * |v| >= 10^15 are written as 0. */
void		 sotien_decimal(double v, char *buf, size_t n);
/* Parse an amount written "1490000", "1.490.000" or "1 490 000" (one
 * separator kind, groups of three).  Returns 0 and sets *out, or -1 when
 * s is not such an amount or exceeds SOTIEN_MAX. */
int		 sotien_parse(const char *s, unsigned long long *out);

/* ------------------------------------------------------------------ */
/* Files: inputs opened, outputs written whole                        */
/* ------------------------------------------------------------------ */

/*
 * Open the file at path for reading, refusing anything that is not a
 * regular file (a FIFO, a device, a folder) before a byte is read; every
 * input of every tool is opened here.  VB_OK with *fp set (the caller
 * closes it), VB_EINPUT (not a regular file) or VB_ESYS (cannot open),
 * with a message in d (NULL: none).
 */
int		 vb_open_read(const char *path, FILE **fp, struct diag *d);
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
/* Finding installed data, paths, the build time                      */
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
/* The templates folder (vb_find_dir): opt (--templates), $VB_TEMPLATES,
 * ../share/vanban/templates or ../templates beside the program when they
 * hold probe ("khen-thuong/hinh-thuc.csv"), else the build tree's
 * templates/.  Malloc'd, NULL on OOM. */
char		*vb_find_templates(const char *opt, const char *probe);

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
/* Template variables and expansion                                   */
/* ------------------------------------------------------------------ */

struct tmpl_vars;

/* A new, empty set of variables; NULL on OOM. */
struct tmpl_vars	*tmpl_vars_new(void);
/* Free the set and every value (NULL is a no-op). */
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
/* Values written into generated Markdown (mdesc.c)                   */
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
/* Configuration keys (YAML key: value over template variables)       */
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

#endif /* BASE_H */
