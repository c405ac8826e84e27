/*
 * table.c - a ```csv fenced block of the body (its own lines, or a file=
 * beside the source) into a DOC_TABLE block, through csvt_parse; the
 * inline Markdown of each cell (doc_inline_parse).
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmark.h>

#include "input/input.h"
#include "doc/doc.h"
#include "doc/doc_int.h"

/*
 * Inline Markdown of one table cell: **bold** and *italic* (or _..._),
 * backslash escapes.  A delimiter without its closing partner is text.
 * cmark is not used here because a cell such as "1." or "- x" would
 * become a list.
 */
int
doc_inline_parse(const char *md, struct doc_inline *out)
{
	size_t	 n = strlen(md), i = 0;
	int	 bold = 0, ital = 0;
	char	*buf = malloc(n + 1);
	size_t	 bn = 0;

	if (buf == NULL)
		return -1;
	while (i < n) {
		char c = md[i];

		if (c == '\\' && i + 1 < n && ispunct((unsigned char)md[i + 1])) {
			buf[bn++] = md[i + 1];
			i += 2;
			continue;
		}
		if (c == '*' || c == '_') {
			int	 dbl = i + 1 < n && md[i + 1] == c;
			size_t	 dl = dbl ? 2 : 1;
			int	*flag = dbl ? &bold : &ital;
			int	 closes = *flag;

			if (!closes) {
				/* Opens only if a closing delimiter follows. */
				const char *q = md + i + dl;
				const char *e;

				e = dbl ? strstr(q, c == '*' ? "**" : "__") :
				    strchr(q, c);
				while (!dbl && e != NULL && e[1] == c)
					e = strchr(e + 2, c);
				if (e == NULL || e == q)
					goto literal;
			}
			if (doc_inline_add(out, buf, bn, (bold ? DOC_BOLD : 0) |
			    (ital ? DOC_ITALIC : 0), 0) == -1)
				goto fail;
			bn = 0;
			*flag = !*flag;
			i += dl;
			continue;
		}
literal:
		buf[bn++] = md[i++];
	}
	if (doc_inline_add(out, buf, bn, (bold ? DOC_BOLD : 0) |
	    (ital ? DOC_ITALIC : 0), 0) == -1)
		goto fail;
	free(buf);
	doc_inline_trim(out);
	return 0;
fail:
	free(buf);
	return -1;
}

/* Is path (relative to the source's folder) safe to read? */
static int
body_safe_path(const char *p)
{
	const char *s;

	if (*p == '/' || *p == '\0')
		return 0;
	for (s = p; s != NULL; s = strchr(s, '/')) {
		if (*s == '/')
			s++;
		if (strncmp(s, "..", 2) == 0 && (s[2] == '/' || s[2] == '\0'))
			return 0;
	}
	return 1;
}

/* Parse "a,b,c" into n doubles (with optional "mm"); count or -1. */
static int
body_numbers(const char *s, double **out, int *mm)
{
	double	*v = NULL;
	size_t	 cap = 0;
	int	 n = 0;
	char	*e;

	*mm = 0;
	while (*s != '\0') {
		double x = strtod(s, &e);

		if (e == s || x <= 0)
			goto bad;
		if (strncmp(e, "mm", 2) == 0) {
			*mm = 1;
			e += 2;
		}
		if (vb_grow((void **)&v, &cap, (size_t)n + 1, sizeof(*v)) != 0)
			goto bad;
		v[n++] = x;
		if (*e == ',')
			e++;
		else if (*e != '\0')
			goto bad;
		s = e;
	}
	*out = v;
	return n;
bad:
	free(v);
	return -1;
}

/* The options of a ```csv info string, as table_options reads them. */
struct topts {
	char		*file;    /* file= (points into the info copy), or NULL */
	double		*w;       /* widths=, nw of them, or NULL */
	int		 nw;      /* number of widths, 0: none */
	int		 wmm;     /* 1: the widths are in mm */
	enum text_enc	 fenc;    /* encoding= of the file */
	char		*sheet;   /* sheet= of a workbook (into the info copy) */
	struct csvt	*wb;      /* the rows of a file= workbook, or NULL */
};

/* align= into t->align (one letter of l, c, r, j per column). */
static void
table_align(struct pctx *c, struct doc_table *t, const char *tok, int line,
    int col)
{
	const char	*a = tok + 6;
	size_t		 k;

	free(t->align);
	t->align = calloc(strlen(a) + 1, 1);
	for (k = 0; t->align && *a; a++) {
		if (*a == ',')
			continue;
		if (strchr("lcrj", *a) == NULL) {
			diag_add(c->d, DIAG_ERROR, c->doc->name, line, col,
			    "table option '%s': one of l, c, r, j per column",
			    tok);
			break;
		}
		t->align[k++] = *a;
	}
}

/*
 * The options of the info string opts (modified: o->file points into it)
 * into t and o; each bad option, and an option given twice, is an error
 * at line, col.
 */
static void
table_options(struct pctx *c, char *opts, struct doc_table *t,
    struct topts *o, int line, int col)
{
	static const char *const names[] = { "file=", "widths=", "header=",
	    "size=", "encoding=", "align=", "sheet=" };
	char		*tok, *save;
	unsigned	 seen = 0;
	size_t		 i;

	for (tok = strtok_r(opts, " \t", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t", &save)) {
		if (strcmp(tok, "csv") == 0)
			continue;
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strncmp(tok, names[i], strlen(names[i])) == 0)
				break;
		if (i < sizeof(names) / sizeof(names[0]) &&
		    (seen & (1u << i)) != 0) {
			diag_add(c->d, DIAG_ERROR, c->doc->name, line, col,
			    "table option '%s': %s is given twice", tok,
			    names[i]);
			continue;
		}
		seen |= 1u << i;
		if (strncmp(tok, "file=", 5) == 0)
			o->file = tok + 5;
		else if (strncmp(tok, "widths=", 7) == 0) {
			if ((o->nw = body_numbers(tok + 7, &o->w, &o->wmm)) < 0)
				diag_add(c->d, DIAG_ERROR, c->doc->name, line,
				    col, "table option '%s': widths are "
				    "positive numbers separated by commas, "
				    "optionally in mm (widths=15mm,80mm)", tok);
		} else if (strncmp(tok, "header=", 7) == 0) {
			char *e;
			long h = strtol(tok + 7, &e, 10);

			if (*e != '\0' || h < 0 || h > 5)
				diag_add(c->d, DIAG_ERROR, c->doc->name, line,
				    col, "table option '%s': header rows are "
				    "0 to 5", tok);
			else
				t->header_rows = (size_t)h;
		} else if (strncmp(tok, "size=", 5) == 0) {
			char *e;
			double sz = strtod(tok + 5, &e);

			if (*e != '\0' || sz < 8 || sz > 14)
				diag_add(c->d, DIAG_ERROR, c->doc->name, line,
				    col, "table option '%s': the size is 8 to "
				    "14 pt", tok);
			else
				t->size_pt = sz;
		} else if (strncmp(tok, "encoding=", 9) == 0) {
			if (text_enc_parse(tok + 9, &o->fenc) == -1)
				diag_add(c->d, DIAG_ERROR, c->doc->name, line,
				    col, "table option '%s': the encoding is "
				    "utf-8, utf-16, cp1258 or tcvn3", tok);
		} else if (strncmp(tok, "align=", 6) == 0)
			table_align(c, t, tok, line, col);
		else if (strncmp(tok, "sheet=", 6) == 0)
			o->sheet = tok + 6;
		else
			diag_add(c->d, DIAG_ERROR, c->doc->name, line, col,
			    "unknown table option '%s' (known: file=, widths=, "
			    "header=, size=, align=, encoding=, sheet=)", tok);
	}
}

/* Is the resolved path file inside the resolved folder dir? */
static int
table_inside(const char *dir, const char *file)
{
	size_t n = strlen(dir);

	if (strncmp(file, dir, n) != 0)
		return 0;
	return (n > 0 && dir[n - 1] == '/') || file[n] == '/';
}

/*
 * The bytes of the regular file at path (already resolved) into *buf
 * and *n (malloc'd).  -1 with errno set, or EISDIR / EINVAL (*special
 * set to 1) for a directory or other file that is not regular: a FIFO or
 * a device would block or never end.
 */
static int
table_slurp(const char *path, char **buf, size_t *n, int *special)
{
	struct stat	 st;
	size_t		 cap = 0;
	ssize_t		 k;
	int		 fd, e;

	*buf = NULL;
	*n = 0;
	*special = 0;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &st) == -1)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		*special = !S_ISDIR(st.st_mode);
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		goto fail;
	}
	for (;;) {
		if (vb_grow((void **)buf, &cap, *n + 65536, 1) != 0)
			goto fail;
		if ((k = read(fd, *buf + *n, cap - *n)) == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		if (k == 0)
			break;
		*n += (size_t)k;
	}
	close(fd);
	return 0;
fail:
	e = errno;
	close(fd);
	free(*buf);
	*buf = NULL;
	errno = e;
	return -1;
}

/*
 * The file o->file of a table: it must resolve (links followed) to a
 * regular file inside the source's folder.  Sets *text, *tlen (decoded,
 * malloc'd) and *fname (its path as written, malloc'd).  Problems are
 * errors at the source line that asked for the file; -1.
 */
static int
table_file(struct pctx *c, struct topts *o, int line, char **text,
    size_t *tlen, char **fname)
{
	char	*rdir = NULL, *rfile = NULL, *buf = NULL;
	size_t	 fl, n;
	int	 rc = -1, special;

	fl = strlen(c->dir) + strlen(o->file) + 2;
	if ((*fname = malloc(fl)) == NULL)
		return -1;
	if (strcmp(c->dir, ".") == 0)
		snprintf(*fname, fl, "%s", o->file);
	else
		snprintf(*fname, fl, "%s/%s", c->dir, o->file);
	if ((rdir = realpath(c->dir, NULL)) == NULL ||
	    (rfile = realpath(*fname, NULL)) == NULL) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, line, 0,
		    "file=%s: cannot read: %s", o->file, strerror(errno));
		goto done;
	}
	if (!table_inside(rdir, rfile)) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, line, 0,
		    "file=%s leads outside the source's folder (a link?); "
		    "the file must be beside the source", o->file);
		goto done;
	}
	if (table_slurp(rfile, &buf, &n, &special) == -1) {
		if (special)
			diag_add(c->d, DIAG_ERROR, c->doc->name, line, 0,
			    "file=%s is not a regular file (a FIFO, device or "
			    "socket); the file must be a CSV file beside the "
			    "source", o->file);
		else
			diag_add(c->d, DIAG_ERROR, c->doc->name, line, 0,
			    "file=%s: cannot read: %s", o->file,
			    strerror(errno));
		goto done;
	}
	/* An Excel workbook (a zip, or an OLE file for .xls), told by its
	 * first bytes: its rows come from table_read. */
	if (n >= 4 && (memcmp(buf, "PK\003\004", 4) == 0 ||
	    memcmp(buf, "\320\317\021\340", 4) == 0)) {
		if (table_read(rfile, o->sheet, o->fenc, c->d, &o->wb) ==
		    VB_OK) {
			free(*fname);
			*fname = strdup(o->wb->name);
			rc = *fname != NULL ? 0 : -1;
		}
		goto done;
	}
	if (o->sheet != NULL) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, line, 0, "file=%s: "
		    "sheet= is for Excel workbooks; this is a text file",
		    o->file);
		goto done;
	}
	if (text_read_mem(*fname, buf, n, o->fenc, c->d, text, tlen) ==
	    VB_OK)
		rc = 0;
done:
	free(buf);
	free(rfile);
	free(rdir);
	return rc;
}

/*
 * The CSV text of the table: the file o->file beside the source, or the
 * fence's own lines.  Sets *text (malloc'd), *tlen, and *fname (the
 * file's path, malloc'd, or NULL for the fence); -1 on an error.
 */
static int
table_text(struct pctx *c, cmark_node *n, struct topts *o, int line,
    int col, char **text, size_t *tlen, char **fname)
{
	if (o->file == NULL) {
		const char *lit = cmark_node_get_literal(n);

		*text = strdup(lit ? lit : "");
		*tlen = *text ? strlen(*text) : 0;
		return *text == NULL ? -1 : 0;
	}
	if (!body_safe_path(o->file)) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, line, col,
		    "table file '%s' is outside the source's folder; "
		    "put the CSV beside the source", o->file);
		return -1;
	}
	return table_file(c, o, line, text, tlen, fname);
}

/* Free a table that was not handed to a block. */
static void
table_free(struct doc_table *t)
{
	size_t r;

	if (t == NULL)
		return;
	for (r = 0; t->cells && r < t->nrows * t->ncols; r++)
		doc_inline_free(&t->cells[r]);
	free(t->cells);
	free(t->row_line);
	free(t->widths);
	free(t->align);
	free(t->group);
	free(t);
}

/* 1 when the n cells at in hold nothing but spaces and line breaks. */
static int
cells_empty(const struct doc_inline *in, size_t n)
{
	size_t c, i;

	for (c = 0; c < n; c++)
		for (i = 0; i < in[c].n; i++)
			if (strspn(in[c].runs[i].text, " \n") !=
			    in[c].runs[i].len)
				return 0;
	return 1;
}

/*
 * The rows of csv into t (sizes, widths of o, cells); checks widths= and
 * align= against the columns (errors at line, col).  -1 (memory).
 */
static int
table_fill(struct pctx *c, struct doc_table *t, const struct csvt *csv,
    struct topts *o, int line, int col)
{
	size_t r, k;

	t->ncols = csv->rows[0].nfields;
	t->nrows = csv->nrows;
	if (o->nw > 0 && (size_t)o->nw != t->ncols)
		diag_add(c->d, DIAG_ERROR, c->doc->name, line, col, "%d widths "
		    "for a table of %zu columns", o->nw, t->ncols);
	else if (o->nw > 0) {
		t->widths = o->w;
		o->w = NULL;
		t->widths_mm = o->wmm;
		t->has_widths = 1;
	}
	if (t->align != NULL && strlen(t->align) != t->ncols) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, line, col, "align= "
		    "has %zu letters for a table of %zu columns",
		    strlen(t->align), t->ncols);
	}
	if (t->header_rows > t->nrows)
		t->header_rows = t->nrows;
	t->cells = calloc(t->nrows * t->ncols, sizeof(*t->cells));
	t->row_line = calloc(t->nrows, sizeof(int));
	t->group = calloc(t->nrows, 1);
	if (t->cells == NULL || t->row_line == NULL || t->group == NULL)
		return -1;
	for (r = 0; r < t->nrows; r++) {
		const struct doc_inline *c0 = &t->cells[r * t->ncols];

		t->row_line[r] = csv->rows[r].line;
		for (k = 0; k < t->ncols && k < csv->rows[r].nfields; k++)
			if (doc_inline_parse(csv->rows[r].fields[k],
			    &t->cells[r * t->ncols + k]) == -1)
				return -1;
		/* A group row: "I" alone in the first cell of a body row. */
		if (r >= t->header_rows && c0->n == 1 &&
		    vb_roman(c0->runs[0].text, c0->runs[0].len) > 0)
			t->group[r] = DOC_GROUP | (t->ncols > 2 &&
			    cells_empty(c0 + 2, t->ncols - 2) ?
			    DOC_GROUP_SPAN : 0);
	}
	return 0;
}

/*
 * A ```csv fenced block into a table block.  Options of the info string:
 * file=, widths=, header=, size=, align=.
 */
void
doc_body_table(struct pctx *c, cmark_node *n, int line, int col)
{
	const char		*info = cmark_node_get_fence_info(n);
	char			*opts = strdup(info ? info : "");
	char			*text = NULL, *fname = NULL;
	const char		*csvname;
	size_t			 tlen;
	int			 line0 = line, errs = diag_errors(c->d);
	struct doc_table	*t = calloc(1, sizeof(*t));
	struct csvt		*csv = NULL;
	struct doc_block	*b;
	struct topts		 o;

	memset(&o, 0, sizeof(o));
	o.fenc = TEXT_ENC_AUTO;
	if (opts == NULL || t == NULL)
		goto done;
	t->header_rows = 1;
	t->size_pt = 13;
	table_options(c, opts, t, &o, line, col);
	if (table_text(c, n, &o, line, col, &text, &tlen, &fname) == -1)
		goto done;
	csvname = fname != NULL ? fname : c->doc->name;
	if (fname != NULL)
		line0 = 0;
	if (o.wb != NULL) {
		csv = o.wb;
		o.wb = NULL;
	} else if (csvt_parse(csvname, text, tlen, 0, line0, c->d, &csv) !=
	    VB_OK)
		goto done;
	if (csv->nrows == 0 || csv->rows[0].nfields == 0) {
		diag_add(c->d, DIAG_ERROR, csvname, line0 + 1, 1,
		    "the table is empty");
		goto done;
	}
	if (table_fill(c, t, csv, &o, line, col) == -1 ||
	    diag_errors(c->d) > errs)
		goto done;
	if ((b = doc_add_block(c->doc, DOC_TABLE, line, col)) == NULL)
		goto done;
	t->file = strdup(csvname);
	b->table = t;
	t = NULL;
done:
	table_free(t);
	csvt_free(csv);
	csvt_free(o.wb);
	free(o.w);
	free(text);
	free(fname);
	free(opts);
}
