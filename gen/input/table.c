/*
 * table.c - the one entry point for reading a table (table_read): the
 * file's first bytes tell a zip (an .xlsx workbook, xlsx.c), an OLE
 * compound file (an .xls workbook, xls.c, unless it holds the encrypted
 * package of a password-protected workbook) or text (CSV, csvt.c).
 *
 * Also the sheet grid both workbook readers fill (struct tgrid): cells
 * arrive in any order, and tgrid_finish applies the rules of a table
 * read from a sheet: merged headings spread over their columns, hidden
 * rows left out with a warning, blank rows and empty trailing columns
 * dropped, every row as wide as the widest.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "vanban.h"
#include "input/table.h"

#define TABLE_HEAD_ROWS	10	/* rows a merged heading may span */
#define TABLE_MAX_HIDDEN_MSG 10	/* hidden rows named one by one */

static const unsigned char table_ole_sig[8] = {
	0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1
};

/* Does the directory entry e (128 bytes of an OLE compound file) name
 * the stream `name` (ASCII)? */
static int
table_ole_entry(const unsigned char *e, const char *name)
{
	size_t i, n = strlen(name);

	if ((size_t)(e[0x40] | e[0x41] << 8) != 2 * (n + 1) || e[0x42] != 2)
		return 0;
	for (i = 0; i < n; i++)
		if (e[2 * i] != (unsigned char)name[i] || e[2 * i + 1] != 0)
			return 0;
	return 1;
}

/*
 * Is the OLE compound file fp an encrypted Office document?  Directory
 * entries are 128 bytes and sectors start at multiples of 512 after the
 * 512-byte header, so every entry starts at a multiple of 128: each one
 * is looked at for the streams of Office encryption (EncryptionInfo and
 * EncryptedPackage, MS-OFFCRYPTO), without following the FAT.
 */
static int
table_ole_encrypted(FILE *fp)
{
	unsigned char e[128];

	if (fseek(fp, 512, SEEK_SET) != 0)
		return 0;
	while (fread(e, 1, sizeof(e), fp) == sizeof(e))
		if (table_ole_entry(e, "EncryptionInfo") ||
		    table_ole_entry(e, "EncryptedPackage"))
			return 1;
	return 0;
}

static int	 table_read_as(const char *, const char *, enum text_enc, int,
		    struct diag *, struct csvt **);

/* A CSV or text table: text_read_file + csvt_parse_all, or
 * csvt_parse_rows (rows as they are, no header assumed) when rows. */
static int
table_text(const char *path, enum text_enc enc, int rows, struct diag *d,
    struct csvt **out)
{
	char	*text;
	size_t	 len;
	int	 rc;

	if ((rc = text_read_file(path, enc, d, &text, &len)) != VB_OK)
		return rc;
	rc = rows ? csvt_parse_rows(path, text, len, 0, 0, d, out) :
	    csvt_parse_all(path, text, len, 0, 0, d, out);
	free(text);
	return rc;
}

int
table_read(const char *path, const char *sheet, enum text_enc enc,
    struct diag *d, struct csvt **out)
{
	return table_read_as(path, sheet, enc, 0, d, out);
}

int
table_read_rows(const char *path, const char *sheet, enum text_enc enc,
    struct diag *d, struct csvt **out)
{
	return table_read_as(path, sheet, enc, 1, d, out);
}

static int
table_read_as(const char *path, const char *sheet, enum text_enc enc,
    int rows, struct diag *d, struct csvt **out)
{
	unsigned char	 head[8];
	size_t		 n;
	FILE		*fp;
	int		 enc_ole, rc;

	*out = NULL;
	if (strcmp(path, "-") == 0)
		return table_text(path, enc, rows, d, out);
	if ((rc = vb_open_read(path, &fp, d)) != VB_OK)
		return rc;
	n = fread(head, 1, sizeof(head), fp);
	if (n >= 4 && memcmp(head, "PK", 2) == 0 && ((head[2] == 3 &&
	    head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
		fclose(fp);
		return xlsx_read(path, sheet, d, out);
	}
	if (n == sizeof(head) && memcmp(head, table_ole_sig, 8) == 0) {
		enc_ole = table_ole_encrypted(fp);
		fclose(fp);
		if (enc_ole) {
			diag_add(d, DIAG_ERROR, path, 0, 0,
			    "this is an Excel file protected by a password: "
			    "open it in Excel and save it without a password");
			return VB_EINPUT;
		}
		return xls_read(path, sheet, d, out);
	}
	fclose(fp);
	if (sheet != NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0,
		    "a sheet (\"%s\") is named, but this is a text file, "
		    "not an Excel workbook", sheet);
		return VB_EINPUT;
	}
	return table_text(path, enc, rows, d, out);
}

int
table_is_workbook(const struct csvt *t)
{
	return t != NULL && t->sep == 0;
}

void
table_col_name(size_t col, char buf[8])
{
	char	tmp[8];
	size_t	n = 0, i;

	col++;
	while (col > 0 && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

int
table_cell_name(const struct csvt *t, size_t row, size_t field,
    char buf[16])
{
	char col[8];

	buf[0] = '\0';
	if (!table_is_workbook(t) || row >= t->nrows ||
	    field >= t->rows[row].nfields)
		return -1;
	table_col_name(field, col);
	snprintf(buf, 16, "%s%d", col, t->rows[row].line);
	return 0;
}

int
table_ref(const char *ref, unsigned *col, long *row)
{
	unsigned long	c = 0;
	long		r = 0;
	const char	*s = ref;

	while (*s == '$')
		s++;
	while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')) {
		c = c * 26 + (unsigned long)((*s | 0x20) - 'a' + 1);
		if (c > 1000000)
			return -1;
		s++;
	}
	if (*s == '$')
		s++;
	while (*s >= '0' && *s <= '9') {
		r = r * 10 + (*s - '0');
		if (r > 100000000L)
			return -1;
		s++;
	}
	if (*s != '\0' || (c == 0 && r == 0))
		return -1;
	if (c > 0)
		*col = (unsigned)(c - 1);
	if (r > 0)
		*row = r;
	return 0;
}

void
table_num(double v, char buf[64])
{
	char	*e;
	double	 a = fabs(v);
	int	 prec;

	if (v == 0 || !isfinite(v)) {	/* -0 too; no cell holds inf */
		snprintf(buf, 64, "%s", v == 0 ? "0" : "#NUM!");
		return;
	}
	if (a >= 1e-10 && a < 1e-4) {
		/* %g would write 1e-05: fixed, 15 significant digits. */
		prec = 15 - (int)floor(log10(a)) - 1;
		snprintf(buf, 64, "%.*f", prec, v);
		for (e = buf + strlen(buf) - 1; *e == '0'; e--)
			*e = '\0';
		if (*e == '.')
			*e = '\0';
		return;
	}
	snprintf(buf, 64, "%.15g", v);
}

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar,
 * and back (Howard Hinnant's civil-date algorithm, written anew). */
static void
table_civil(long z, int *y, int *m, int *d)
{
	long	era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
table_serial(double v, int date1904, enum tnum_kind kind, char buf[64])
{
	double	 day, frac;
	long	 days, secs;
	int	 y, m, dd;

	if (!isfinite(v) || v < 0 || v > 2958465.0)	/* 9999-12-31 */
		return -1;
	day = floor(v);
	frac = v - day;
	secs = lround(frac * 86400.0);
	if (secs >= 86400) {
		secs -= 86400;
		day += 1;
	}
	if (kind == TNUM_TIME && v < 1) {
		snprintf(buf, 64, "%02ld:%02ld:%02ld", secs / 3600,
		    secs / 60 % 60, secs % 60);
		return 0;
	}
	/* Day 0 of the 1904 system is 1904-01-01 (-24107 from 1970);
	 * of the 1900 system, 1899-12-30 for days from 61 on, while
	 * 1..59 count from 1899-12-31 (Lotus's 1900-02-29 is day 60). */
	if (date1904)
		days = (long)day - 24107;
	else if (day >= 61)
		days = (long)day - 25569;
	else if (day >= 1 && day < 60)
		days = (long)day - 25568;
	else
		return -1;
	table_civil(days, &y, &m, &dd);
	if (y < 1900 || y > 9999)
		return -1;
	if (secs == 0)
		snprintf(buf, 64, "%04d-%02d-%02d", y, m, dd);
	else
		snprintf(buf, 64, "%04d-%02d-%02d %02ld:%02ld:%02ld", y, m, dd,
		    secs / 3600, secs / 60 % 60, secs % 60);
	return 0;
}

enum tnum_kind
table_builtin_kind(unsigned long id)
{
	if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	    (id >= 50 && id <= 58))
		return TNUM_DATE;
	if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
		return TNUM_TIME;
	return TNUM_NUMBER;
}

enum tnum_kind
table_fmt_kind(const char *s)
{
	int	date = 0, time = 0, month = 0;

	for (; *s != '\0'; s++) {
		switch (*s) {
		case '"':		/* literal text */
			while (s[1] != '\0' && s[1] != '"')
				s++;
			if (s[1] != '\0')
				s++;
			break;
		case '\\': case '_': case '*':	/* escaped, padding */
			if (s[1] != '\0')
				s++;
			break;
		case '[':		/* [Red], [$-409]; [h] [mm] [ss] */
			if (strchr("hHmMsS", s[1]) != NULL && s[1] != '\0')
				time = 1;
			while (s[1] != '\0' && s[1] != ']')
				s++;
			break;
		case ';':		/* only the first section counts */
			goto done;
		case 'd': case 'D': case 'y': case 'Y':
			date = 1;
			break;
		case 'm': case 'M':
			month = 1;
			break;
		case 'h': case 'H': case 's': case 'S':
			time = 1;
			break;
		case 'A': case 'a':	/* AM/PM */
			if (strncmp(s, "AM/PM", 5) == 0 ||
			    strncmp(s, "am/pm", 5) == 0 ||
			    strncmp(s, "A/P", 3) == 0) {
				time = 1;
				s += s[1] == 'M' || s[1] == 'm' ? 4 : 2;
			}
			break;
		case 'e': case 'E':	/* "General", exponents */
			if (strncmp(s, "E+", 2) == 0 || strncmp(s, "E-", 2) == 0 ||
			    strncmp(s, "e+", 2) == 0 || strncmp(s, "e-", 2) == 0)
				return TNUM_NUMBER;
			break;
		default:
			break;
		}
	}
done:
	if (date)
		return TNUM_DATE;
	if (time)
		return TNUM_TIME;
	return month ? TNUM_DATE : TNUM_NUMBER;
}

int
table_pick(const char *path, const char *want, const char *const *names,
    size_t n, struct diag *d)
{
	struct vbuf	 list = { NULL, 0, 0, 0 };
	char		*fw, *fn, *end;
	size_t		 i;
	long		 k;
	int		 hit = -1;

	if (want == NULL)
		return -1;
	for (i = 0; i < n && hit < 0; i++)
		if (strcmp(names[i], want) == 0)
			hit = (int)i;
	if (hit < 0 && (fw = csvt_fold(want)) != NULL) {
		for (i = 0; i < n && hit < 0 && fw[0] != '\0'; i++) {
			if ((fn = csvt_fold(names[i])) != NULL &&
			    strcmp(fn, fw) == 0)
				hit = (int)i;
			free(fn);
		}
		free(fw);
	}
	if (hit < 0 && want[0] >= '1' && want[0] <= '9') {
		errno = 0;
		k = strtol(want, &end, 10);
		if (*end == '\0' && errno == 0 && k >= 1 && (size_t)k <= n)
			hit = (int)(k - 1);
	}
	if (hit >= 0)
		return hit;
	for (i = 0; i < n; i++)
		vbuf_printf(&list, "%s\"%s\"", i ? ", " : "", names[i]);
	diag_add(d, DIAG_ERROR, path, 0, 0,
	    "no sheet \"%s\" in this workbook: its sheets are %s (give a "
	    "name or a number from 1 to %zu)", want,
	    list.s ? list.s : "none", n);
	free(list.s);
	return -2;
}

/* ------------------------------------------------------------------ */
/* The sheet grid                                                       */
/* ------------------------------------------------------------------ */

void
tgrid_init(struct tgrid *g, const char *name, struct diag *d)
{
	memset(g, 0, sizeof(*g));
	g->name = name;
	g->d = d;
}

void
tgrid_free(struct tgrid *g)
{
	size_t i, j;

	for (i = 0; i < g->nrows; i++) {
		for (j = 0; j < g->rows[i].n; j++)
			free(g->rows[i].c[j].val);
		free(g->rows[i].c);
	}
	free(g->rows);
	free(g->m);
	g->rows = NULL;
	g->m = NULL;
	g->nrows = g->caprows = g->nm = g->capm = 0;
}

/* The row numbered r: the last one if it has that number (cells come in
 * row order), else a new one at the end (sorted in tgrid_finish). */
static struct tgrid_row *
tgrid_row(struct tgrid *g, long r)
{
	struct tgrid_row *w;

	if (g->nrows > 0 && g->rows[g->nrows - 1].r == r)
		return &g->rows[g->nrows - 1];
	if (vb_grow((void **)&g->rows, &g->caprows, g->nrows + 1,
	    sizeof(*g->rows)) != 0) {
		g->oom = 1;
		return NULL;
	}
	w = &g->rows[g->nrows++];
	memset(w, 0, sizeof(*w));
	w->r = r;
	return w;
}

static int
tgrid_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
	    c == '\f' || c == '\v';
}

/* Line ends inside a cell (Alt+Enter; "_x000D_" + LF) as LF, as
 * text_read_* gives them. */
static void
tgrid_lf(char *s)
{
	char *o = s;

	for (; *s != '\0'; s++) {
		if (*s == '\r') {
			if (s[1] != '\n')
				*o++ = '\n';
		} else
			*o++ = *s;
	}
	*o = '\0';
}

/* Are the n bytes at s valid UTF-8 (without NUL)? */
static int
tgrid_utf8(const char *s, size_t n)
{
	utf8proc_int32_t	cp;
	utf8proc_ssize_t	k;

	while (n > 0) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s,
		    (utf8proc_ssize_t)n, &cp);
		if (k <= 0 || cp == 0)
			return 0;
		s += k;
		n -= (size_t)k;
	}
	return 1;
}

int
tgrid_put(struct tgrid *g, long r, unsigned col, const char *val, size_t n)
{
	struct tgrid_row	*w;
	char			 cn[8];
	char			*v;
	size_t			 i;

	if (g->failed || g->oom)
		return -1;
	while (n > 0 && tgrid_blank((unsigned char)val[0])) {
		val++;
		n--;
	}
	while (n > 0 && tgrid_blank((unsigned char)val[n - 1]))
		n--;
	if (n == 0)
		return 0;
	if (r < 1 || r > TABLE_MAX_ROWS || col >= TABLE_MAX_COLS) {
		table_col_name(col < 18278 ? col : 18277, cn);
		diag_add(g->d, DIAG_ERROR, g->name, r > 0 && r < 2000000000L ?
		    (int)r : 0, 0, "cell %s%ld is beyond the last cell a table "
		    "may use (row %d, column %d): delete what lies outside the "
		    "table, or split the sheet", cn, r, TABLE_MAX_ROWS,
		    TABLE_MAX_COLS);
		g->failed = 1;
		return -1;
	}
	if (++g->ncells > TABLE_MAX_CELLS) {
		diag_add(g->d, DIAG_ERROR, g->name, 0, 0, "the sheet has more "
		    "than %d filled cells: split it", TABLE_MAX_CELLS);
		g->failed = 1;
		return -1;
	}
	if ((w = tgrid_row(g, r)) == NULL)
		return -1;
	if (vb_grow((void **)&w->c, &w->cap, w->n + 1, sizeof(*w->c)) != 0) {
		g->oom = 1;
		return -1;
	}
	for (i = 0; i < n && (unsigned char)val[i] < 0x80 && val[i] != 0; i++)
		;
	if (i == n && (v = malloc(n + 1)) != NULL) {	/* ASCII: NFC */
		memcpy(v, val, n);
		v[n] = '\0';
	} else if (i == n)
		v = NULL;
	else
		v = text_nfc(val, n, NULL);
	if (v == NULL && i == n) {
		g->oom = 1;
		return -1;
	}
	if (v == NULL) {
		if (tgrid_utf8(val, n)) {
			g->oom = 1;
			return -1;
		}
		table_col_name(col, cn);
		diag_add(g->d, DIAG_ERROR, g->name, (int)r, 0, "the workbook "
		    "is damaged: the text of cell %s%ld is not valid UTF-8",
		    cn, r);
		g->failed = 1;
		return -1;
	}
	tgrid_lf(v);
	w->c[w->n].col = col;
	w->c[w->n++].val = v;
	return 0;
}

void
tgrid_hide(struct tgrid *g, long r)
{
	struct tgrid_row *w;

	if (r >= 1 && r <= TABLE_MAX_ROWS && (w = tgrid_row(g, r)) != NULL)
		w->hidden = 1;
}

int
tgrid_merge(struct tgrid *g, long r1, unsigned c1, long r2, unsigned c2)
{
	struct tgrid_merge *m;

	if (r1 > r2 || c1 > c2 || g->failed)
		return 0;
	if (g->nm >= TABLE_MAX_MERGES) {
		diag_add(g->d, DIAG_ERROR, g->name, 0, 0, "the sheet has more "
		    "than %d merged ranges: unmerge its cells", TABLE_MAX_MERGES);
		g->failed = 1;
		return 0;
	}
	if (vb_grow((void **)&g->m, &g->capm, g->nm + 1, sizeof(*g->m)) != 0) {
		g->oom = 1;
		return -1;
	}
	m = &g->m[g->nm++];
	m->r1 = r1;
	m->r2 = r2;
	m->c1 = c1;
	m->c2 = c2;
	return 0;
}

static int
tgrid_cmp_row(const void *a, const void *b)
{
	const struct tgrid_row *x = a, *y = b;

	return (x->r > y->r) - (x->r < y->r);
}

static int
tgrid_cmp_cell(const void *a, const void *b)
{
	const struct tgrid_cell *x = a, *y = b;

	if (x->col != y->col)
		return (x->col > y->col) - (x->col < y->col);
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Sort the rows and their cells; merge rows given twice and keep the
 * last value of a cell given twice (a merged heading spread over it). */
static void
tgrid_sort(struct tgrid *g)
{
	struct tgrid_row	*w;
	size_t			 i, j, k;

	if (g->nrows == 0)
		return;
	qsort(g->rows, g->nrows, sizeof(*g->rows), tgrid_cmp_row);
	for (i = 1, k = 0; i < g->nrows; i++) {
		w = &g->rows[k];
		if (g->rows[i].r != w->r)
			g->rows[++k] = g->rows[i];
		else if (g->rows[i].n == 0) {
			w->hidden |= g->rows[i].hidden;
			free(g->rows[i].c);
		} else if (vb_grow((void **)&w->c, &w->cap, w->n +
		    g->rows[i].n, sizeof(*w->c)) != 0) {
			g->oom = 1;	/* freed with the grid */
			g->rows[++k] = g->rows[i];
		} else {
			memcpy(w->c + w->n, g->rows[i].c,
			    g->rows[i].n * sizeof(*w->c));
			w->n += g->rows[i].n;
			w->hidden |= g->rows[i].hidden;
			free(g->rows[i].c);
		}
	}
	g->nrows = k + 1;
	for (i = 0; i < g->nrows; i++) {
		if ((w = &g->rows[i])->n == 0)
			continue;
		for (j = 0; j < w->n; j++)
			w->c[j].seq = (unsigned)j;
		qsort(w->c, w->n, sizeof(*w->c), tgrid_cmp_cell);
		for (j = 1, k = 0; j < w->n; j++) {
			if (w->c[j].col == w->c[k].col) {
				free(w->c[k].val);
				w->c[k] = w->c[j];
			} else
				w->c[++k] = w->c[j];
		}
		if (w->n > 0)
			w->n = k + 1;
	}
}

/* The value at row index i, column c, or NULL. */
static const char *
tgrid_at(const struct tgrid_row *w, unsigned c)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (w->c[i].col == c)
			return w->c[i].val;
	return NULL;
}

/*
 * Spread the merged headings: the first visible row with a value and
 * the rows down to the bottom of the merged ranges starting on it (at
 * most TABLE_HEAD_ROWS) are the header rows; the top-left value of each
 * merged range starting there is copied into its other cells there.
 */
static void
tgrid_spread(struct tgrid *g)
{
	const struct tgrid_merge	*m;
	const char			*v;
	char				*copy;
	size_t				 i, j, top = 0;
	long				 r0 = 0, last, r;
	unsigned			 c;

	for (i = 0; i < g->nrows && r0 == 0; i++)
		if (!g->rows[i].hidden && g->rows[i].n > 0) {
			r0 = g->rows[i].r;
			top = i;
		}
	if (r0 == 0 || g->nm == 0)
		return;
	last = r0;
	for (j = 0; j < g->nm; j++)
		if (g->m[j].r1 == r0 && g->m[j].r2 > last)
			last = g->m[j].r2;
	if (last > r0 + TABLE_HEAD_ROWS - 1)
		last = r0 + TABLE_HEAD_ROWS - 1;
	for (j = 0; j < g->nm; j++) {
		m = &g->m[j];
		if (m->r1 < r0 || m->r1 > last)
			continue;
		for (i = top; i < g->nrows && g->rows[i].r < m->r1; i++)
			;
		if (i == g->nrows || g->rows[i].r != m->r1 ||
		    (v = tgrid_at(&g->rows[i], m->c1)) == NULL ||
		    (copy = strdup(v)) == NULL)
			continue;
		for (r = m->r1; r <= m->r2 && r <= last; r++)
			for (c = m->c1; c <= m->c2 && c < TABLE_MAX_COLS; c++)
				if ((r != m->r1 || c != m->c1) &&
				    tgrid_put(g, r, c, copy, strlen(copy)) != 0)
					break;
		free(copy);
	}
}

/* Warn of the hidden rows that hold values. */
static void
tgrid_warn_hidden(struct tgrid *g)
{
	size_t	i, n = 0;

	for (i = 0; i < g->nrows; i++) {
		if (!g->rows[i].hidden || g->rows[i].n == 0)
			continue;
		if (++n <= TABLE_MAX_HIDDEN_MSG)
			diag_add(g->d, DIAG_WARNING, g->name,
			    (int)g->rows[i].r, 0, "row %ld is hidden in the "
			    "workbook and is left out", g->rows[i].r);
	}
	if (n > TABLE_MAX_HIDDEN_MSG)
		diag_add(g->d, DIAG_WARNING, g->name, 0, 0, "%zu more hidden "
		    "rows are left out", n - TABLE_MAX_HIDDEN_MSG);
}

int
tgrid_finish(struct tgrid *g, struct csvt **out)
{
	struct csvt		*t;
	struct csvt_row		*row;
	const struct tgrid_row	*w;
	size_t			 i, j, k, width = 0, n = 0;

	*out = NULL;
	if (!g->failed && !g->oom) {
		tgrid_sort(g);
		tgrid_spread(g);
		tgrid_sort(g);
	}
	if (g->failed)
		return VB_EINPUT;
	if (g->oom)
		goto oom;
	tgrid_warn_hidden(g);
	for (i = 0; i < g->nrows; i++) {
		w = &g->rows[i];
		if (w->hidden || w->n == 0)
			continue;
		n++;
		if (w->c[w->n - 1].col + 1 > width)
			width = w->c[w->n - 1].col + 1;
	}
	if (n == 0)
		return VB_OK;
	if ((t = calloc(1, sizeof(*t))) == NULL ||
	    (t->name = strdup(g->name)) == NULL ||
	    (t->rows = calloc(n, sizeof(*t->rows))) == NULL) {
		if (t != NULL)
			free(t->name);
		free(t);
		goto oom;
	}
	t->sep = 0;
	for (i = 0; i < g->nrows; i++) {
		w = &g->rows[i];
		if (w->hidden || w->n == 0)
			continue;
		row = &t->rows[t->nrows++];
		row->line = (int)w->r;
		if ((row->fields = calloc(width, sizeof(char *))) == NULL)
			break;
		row->nfields = width;
		for (j = k = 0; j < width; j++) {
			if (k < w->n && w->c[k].col == j) {
				row->fields[j] = w->c[k].val;
				w->c[k++].val = NULL;
			} else if ((row->fields[j] = strdup("")) == NULL)
				break;
		}
		if (j < width)
			break;
	}
	if (i < g->nrows) {		/* fields not filled are NULL */
		csvt_free(t);
		goto oom;
	}
	*out = t;
	return VB_OK;
oom:
	diag_add(g->d, DIAG_ERROR, g->name, 0, 0, "out of memory");
	return VB_ESYS;
}
