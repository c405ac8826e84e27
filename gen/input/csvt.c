/*
 * csvt.c - CSV tables: text (NFC UTF-8, from text_read_*) -> rows of
 * trimmed fields, each with its source line, with libcsv.
 *
 * libcsv gives no positions, so the text is fed one line at a time and
 * a row's line is the line being fed when its first byte goes in; blank
 * lines between rows are never fed.  It also delivers the last row only
 * at csv_fini and does not strip a UTF-8 BOM: both are handled here.
 */
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <utf8proc.h>

#include "input/input.h"

/* State of one parse, shared with the libcsv callbacks. */
struct csvt_p {
	struct csvt	*t;         /* the table being built */
	struct diag	*d;         /* where errors go */
	char		**f;        /* fields of the current row */
	size_t		 nf;        /* fields in f */
	size_t		 capf;      /* allocated */
	size_t		 caprows;   /* rows allocated in t->rows */
	size_t		 width;     /* header fields; 0 before the header */
	int		 row_line;  /* line where the current row starts */
	int		 at_start;  /* between rows: the next byte starts one */
	int		 oom;       /* out of memory */
	int		 dropping;  /* ignore rows (after an unclosed quote) */
	int		 ragged;    /* keep every row as read: no header */
};

/* Where quotes open and close, followed beside libcsv (whose csv_fini
 * does not tell of a quote left open unless in its strict mode, which
 * also rejects 12" in an unquoted field). */
struct csvt_q {
	int	inq;        /* inside a quoted field */
	int	after_q;    /* inside one, just after a quote */
	int	fstart;     /* at the start of a field */
	int	open_line;  /* line of the quote that opened it */
};

static int
csvt_space(unsigned char c)
{
	return c == ' ';
}

static int
csvt_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
	    c == '\f' || c == '\v';
}

/* libcsv field callback: keep a trimmed copy of the field. */
static void
csvt_cb_field(void *s, size_t len, void *arg)
{
	struct csvt_p		*p = arg;
	const unsigned char	*b = s;
	char			*f;

	if (p->oom)
		return;
	while (len > 0 && csvt_blank(b[0])) {
		b++;
		len--;
	}
	while (len > 0 && csvt_blank(b[len - 1]))
		len--;
	if (vb_grow((void **)&p->f, &p->capf, p->nf + 1, sizeof(*p->f)) != 0) {
		p->oom = 1;
		return;
	}
	if ((f = malloc(len + 1)) == NULL) {
		p->oom = 1;
		return;
	}
	memcpy(f, b, len);
	f[len] = '\0';
	p->f[p->nf++] = f;
}

static void
csvt_drop_fields(struct csvt_p *p)
{
	while (p->nf > 0)
		free(p->f[--p->nf]);
}

/* libcsv row callback: check the row's width and keep it. */
static void
csvt_cb_row(int c, void *arg)
{
	struct csvt_p	*p = arg;
	struct csvt	*t = p->t;
	struct csvt_row	*r;
	size_t		 i;

	(void)c;
	p->at_start = 1;
	if (p->oom || p->dropping) {
		csvt_drop_fields(p);
		return;
	}
	/* Excel leaves empty cells to the right of the table. */
	while (!p->ragged && p->nf > 0 && p->nf > p->width &&
	    p->f[p->nf - 1][0] == '\0')
		free(p->f[--p->nf]);
	for (i = 0; i < p->nf; i++)
		if (p->f[i][0] != '\0')
			break;
	if (i == p->nf) {		/* a row of empty cells is blank */
		csvt_drop_fields(p);
		return;
	}
	if (p->ragged)
		;			/* any width, the caller judges */
	else if (p->width == 0)
		p->width = p->nf;
	else if (p->nf != p->width) {
		diag_add(p->d, DIAG_ERROR, t->name, p->row_line, 1,
		    "row has %zu field%s, the header has %zu", p->nf,
		    p->nf == 1 ? "" : "s", p->width);
		csvt_drop_fields(p);
		return;
	}
	if (vb_grow((void **)&t->rows, &p->caprows, t->nrows + 1,
	    sizeof(*t->rows)) != 0) {
		p->oom = 1;
		csvt_drop_fields(p);
		return;
	}
	r = &t->rows[t->nrows++];
	r->nfields = p->nf;
	r->line = p->row_line;
	if ((r->fields = malloc((p->nf ? p->nf : 1) * sizeof(char *))) == NULL) {
		t->nrows--;
		p->oom = 1;
		csvt_drop_fields(p);
		return;
	}
	memcpy(r->fields, p->f, p->nf * sizeof(char *));
	p->nf = 0;
}

/* Separators of the line at s (up to n bytes) outside quotes, in
 * c[0] tab, c[1] ';', c[2] ','; the bytes it takes, newline included. */
static size_t
csvt_sep_count(const char *s, size_t n, size_t c[3])
{
	size_t	i;
	int	q = 0;

	c[0] = c[1] = c[2] = 0;
	for (i = 0; i < n && (q || s[i] != '\n'); i++) {
		if (s[i] == '"')
			q = !q;
		else if (q)
			continue;
		else if (s[i] == '\t')
			c[0]++;
		else if (s[i] == ';')
			c[1]++;
		else if (s[i] == ',')
			c[2]++;
	}
	return i < n ? i + 1 : i;
}

/* The separator of the first non-blank line: the most frequent of tab,
 * ';' and ',' outside quotes (ties in that order); ',' if none.  With
 * any_line (title rows may come first): the one found most often on a
 * single line among the first 30 (the header's, as a rule). */
static char
csvt_sniff(const char *s, size_t n, int any_line)
{
	size_t	c[3], best[3] = { 0, 0, 0 }, k, lines = 0;
	int	j;

	while (n > 0 && csvt_blank((unsigned char)*s)) {
		s++;
		n--;
	}
	do {
		k = csvt_sep_count(s, n, c);
		for (j = 0; j < 3; j++)
			if (c[j] > best[j])
				best[j] = c[j];
		s += k;
		n -= k;
	} while (any_line && n > 0 && ++lines < 30);
	if (best[0] > 0 && best[0] >= best[1] && best[0] >= best[2])
		return '\t';
	if (best[1] > 0 && best[1] >= best[2])
		return ';';
	return ',';
}

/* Follow the quotes of the n bytes at s, on line `line`. */
static void
csvt_quotes(struct csvt_q *q, const char *s, size_t n, char sep, int line)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char ch = s[i];

		if (q->inq) {
			if (!q->after_q) {
				q->after_q = ch == '"';
				continue;
			}
			q->after_q = 0;
			if (ch == '"')		/* "" inside quotes */
				continue;
			q->inq = 0;
		}
		if (ch == sep || ch == '\n' || ch == '\r')
			q->fstart = 1;
		else if (q->fstart && ch == '"') {
			q->inq = 1;
			q->fstart = 0;
			q->open_line = line;
		} else if (ch != ' ')
			q->fstart = 0;
	}
}

int
csvt_parse(const char *name, const char *text, size_t len, char sep,
    int line0, struct diag *d, struct csvt **out)
{
	int rc = csvt_parse_all(name, text, len, sep, line0, d, out);

	if (rc != VB_OK) {
		csvt_free(*out);
		*out = NULL;
	}
	return rc;
}

static int csvt_parse_p(const char *, const char *, size_t, char, int,
    int, struct diag *, struct csvt **);

int
csvt_parse_all(const char *name, const char *text, size_t len, char sep,
    int line0, struct diag *d, struct csvt **out)
{
	return csvt_parse_p(name, text, len, sep, line0, 0, d, out);
}

int
csvt_parse_rows(const char *name, const char *text, size_t len, char sep,
    int line0, struct diag *d, struct csvt **out)
{
	return csvt_parse_p(name, text, len, sep, line0, 1, d, out);
}

/* csvt_parse_all, or with ragged csvt_parse_rows. */
static int
csvt_parse_p(const char *name, const char *text, size_t len, char sep,
    int line0, int ragged, struct diag *d, struct csvt **out)
{
	struct csv_parser	 cp;
	struct csvt_p		 p;
	struct csvt_q		 q = { 0, 0, 1, 0 };
	struct csvt		*t;
	size_t			 i, e;
	int			 line, errors = diag_errors(d), rc;

	*out = NULL;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if ((t = calloc(1, sizeof(*t))) == NULL ||
	    (t->name = strdup(name)) == NULL ||
	    csv_init(&cp, CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		free(t);
		diag_add(d, DIAG_ERROR, name, 0, 0, "out of memory");
		return VB_ESYS;
	}
	t->sep = sep ? sep : csvt_sniff(text, len, ragged);
	csv_set_delim(&cp, (unsigned char)t->sep);
	csv_set_space_func(&cp, csvt_space);
	memset(&p, 0, sizeof(p));
	p.t = t;
	p.d = d;
	p.at_start = 1;
	p.ragged = ragged;
	for (i = 0, line = line0 + 1; i < len && !p.oom; i = e, line++) {
		for (e = i; e < len && text[e] != '\n'; e++)
			;
		if (e < len)
			e++;
		if (p.at_start) {
			size_t k;

			for (k = i; k < e && csvt_blank((unsigned char)text[k]);
			    k++)
				;
			if (k == e)
				continue;	/* blank line */
			p.row_line = line;
			p.at_start = 0;
		}
		csvt_quotes(&q, text + i, e - i, t->sep, line);
		if (csv_parse(&cp, text + i, e - i, csvt_cb_field, csvt_cb_row,
		    &p) != e - i) {
			if (csv_error(&cp) == CSV_ENOMEM) {
				p.oom = 1;
				break;
			}
			diag_add(d, DIAG_ERROR, name, line, 0,
			    "bad quoting: a field in quotes must end with "
			    "its quote (write a quote inside one as \"\")");
			/* Start afresh on the next line. */
			csv_free(&cp);
			csv_init(&cp, CSV_STRICT_FINI |
			    CSV_APPEND_NULL);
			csv_set_delim(&cp, (unsigned char)t->sep);
			csv_set_space_func(&cp, csvt_space);
			csvt_drop_fields(&p);
			p.at_start = 1;
			memset(&q, 0, sizeof(q));
			q.fstart = 1;
		}
	}
	if (q.inq && !q.after_q) {
		diag_add(d, DIAG_ERROR, name, q.open_line, 0,
		    "a quoted field opened on this line is never closed "
		    "(a \" is missing)");
		p.dropping = 1;
	}
	if (!p.oom && csv_fini(&cp, csvt_cb_field, csvt_cb_row, &p) != 0 &&
	    csv_error(&cp) == CSV_ENOMEM)
		p.oom = 1;
	csv_free(&cp);
	csvt_drop_fields(&p);
	free(p.f);
	rc = VB_OK;
	if (p.oom) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "out of memory");
		rc = VB_ESYS;
	} else if (diag_errors(d) > errors)
		rc = VB_EINPUT;
	else if (t->nrows == 0) {
		diag_add(d, DIAG_ERROR, name, line0 + 1, 0,
		    "empty table: the first row must be the header");
		rc = VB_EINPUT;
	}
	if (rc == VB_ESYS || t->nrows == 0) {
		csvt_free(t);
		return rc;
	}
	*out = t;
	return rc;
}

void
csvt_free(struct csvt *t)
{
	size_t i, j;

	if (t == NULL)
		return;
	for (i = 0; i < t->nrows; i++) {
		for (j = 0; j < t->rows[i].nfields; j++)
			free(t->rows[i].fields[j]);
		free(t->rows[i].fields);
	}
	free(t->rows);
	free(t->name);
	free(t);
}

char *
csvt_fold(const char *s)
{
	return vb_fold(s, 0);
}

int
csvt_column(const struct csvt *t, const char *const *names)
{
	char	**fh;
	char	 *fn;
	size_t	  i, n;
	int	  col = -1;

	if (t == NULL || t->nrows == 0 || names == NULL)
		return -1;
	n = t->rows[0].nfields;
	if ((fh = calloc(n ? n : 1, sizeof(*fh))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		fh[i] = csvt_fold(t->rows[0].fields[i]);
	for (; *names != NULL && col < 0; names++) {
		if ((fn = csvt_fold(*names)) == NULL)
			continue;
		for (i = 0; i < n && col < 0; i++)
			if (fn[0] != '\0' && fh[i] != NULL &&
			    strcmp(fh[i], fn) == 0)
				col = (int)i;
		free(fn);
	}
	for (i = 0; i < n; i++)
		free(fh[i]);
	free(fh);
	return col;
}

void
csvt_put_field(struct vbuf *b, const char *s, int first)
{
	const char *q;

	if (!first)
		vbuf_puts(b, ",");
	if (strpbrk(s, ",\"\n;\t") == NULL) {
		vbuf_puts(b, s);
		return;
	}
	vbuf_puts(b, "\"");
	for (q = s; *q != '\0'; q++) {
		if (*q == '"')
			vbuf_puts(b, "\"");
		vbuf_putn(b, q, 1);
	}
	vbuf_puts(b, "\"");
}

int
csvt_load_table(const char *path, const char *const *const *cols, int n,
    int nreq, const char *missing, struct diag *d, int *c, struct csvt **out)
{
	struct csvt	*t = NULL;
	char		*text;
	size_t		 len;
	int		 rc, i, ok = 1;

	*out = NULL;
	if ((rc = text_read_file(path, TEXT_ENC_AUTO, d, &text, &len)) != VB_OK)
		return rc;
	rc = csvt_parse(path, text, len, 0, 0, d, &t);
	free(text);
	if (rc != VB_OK)
		return rc;
	for (i = 0; i < n; i++)
		if ((c[i] = csvt_column(t, cols[i])) < 0 && i < nreq)
			ok = 0;
	if (!ok) {
		diag_add(d, DIAG_ERROR, path, 1, 0, "%s", vb_tr(missing));
		csvt_free(t);
		return VB_EINPUT;
	}
	*out = t;
	return VB_OK;
}
