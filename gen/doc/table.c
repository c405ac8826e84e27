/*
 * table.c - a ```csv fenced block of the body (its own lines, or a file=
 * beside the source) into a DOC_TABLE block, through csvt_parse; the
 * inline Markdown of each cell (doc_inline_parse).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "vanban.h"
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
 * into t and o; each bad option is an error at line, col.
 */
static void
table_options(struct pctx *c, char *opts, struct doc_table *t,
    struct topts *o, int line, int col)
{
	char *tok, *save;

	for (tok = strtok_r(opts, " \t", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t", &save)) {
		if (strcmp(tok, "csv") == 0)
			continue;
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
		else
			diag_add(c->d, DIAG_ERROR, c->doc->name, line, col,
			    "unknown table option '%s' (known: file=, widths=, "
			    "header=, size=, align=, encoding=)", tok);
	}
}

/*
 * The CSV text of the table: the file o->file beside the source, or the
 * fence's own lines.  Sets *text (malloc'd), *tlen, and *fname (the
 * file's path, malloc'd, or NULL for the fence); -1 on an error.
 */
static int
table_text(struct pctx *c, cmark_node *n, const struct topts *o, int line,
    int col, char **text, size_t *tlen, char **fname)
{
	size_t fl;

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
	fl = strlen(c->dir) + strlen(o->file) + 2;
	if ((*fname = malloc(fl)) == NULL)
		return -1;
	if (strcmp(c->dir, ".") == 0)
		snprintf(*fname, fl, "%s", o->file);
	else
		snprintf(*fname, fl, "%s/%s", c->dir, o->file);
	if (text_read_file(*fname, o->fenc, c->d, text, tlen) != VB_OK)
		return -1;
	return 0;
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
	free(t);
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
	if (t->cells == NULL || t->row_line == NULL)
		return -1;
	for (r = 0; r < t->nrows; r++) {
		t->row_line[r] = csv->rows[r].line;
		for (k = 0; k < t->ncols && k < csv->rows[r].nfields; k++)
			if (doc_inline_parse(csv->rows[r].fields[k],
			    &t->cells[r * t->ncols + k]) == -1)
				return -1;
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
	if (csvt_parse(csvname, text, tlen, 0, line0, c->d, &csv) != VB_OK)
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
	free(o.w);
	free(text);
	free(fname);
	free(opts);
}
