/*
 * ods.c - OpenDocument spreadsheets (.ods, LibreOffice Calc's own
 * format) with libzip and expat, into the same sheet grid as xlsx.c.
 *
 * An .ods is a zip whose content.xml holds every sheet: table:table
 * (table:name; its automatic style tells a hidden sheet by
 * table:display="false"), table:table-row (table:number-rows-repeated,
 * table:visibility "collapse" or "filter" for a hidden row) and
 * table:table-cell or table:covered-table-cell (the cells a merged one
 * hides), with table:number-columns-repeated, the spans of a merged
 * cell, the value type and the value (office:value of a number,
 * office:date-value, office:time-value, office:boolean-value) or, for
 * text, its text:p paragraphs.  content.xml is inflated in chunks
 * straight into expat, each sheet filling its own grid and collecting
 * its own messages, so the chosen sheet's alone reach the caller.
 *
 * Repetition is never expanded blindly: an empty row or cell repeated a
 * million times (LibreOffice pads every sheet to its last row and
 * column so) only moves the position, and a filled one is written once
 * per repetition into the grid, whose limits stop it.  The bounds are
 * xlsx.c's (TABLE_MAX_*, input/input.h): the sheets, the nesting of elements,
 * a cell's text; the grid's budgets of filled cells and of their text
 * are the whole workbook's, every sheet being read.  Hostile zips are
 * refused as xlsx.c does (size and ratio of the entry, from the
 * directory and while inflating; no DOCTYPE).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>

#include "input/input.h"
#include "base/zipso.h"
#include "input/table.h"

#define ODS_CHUNK	65536		/* bytes inflated at a time */
#define ODS_RATIO_MIN	(1L << 20)	/* entries checked for their ratio */
#define ODS_POS_MAX	(1L << 40)	/* rows and columns counted so far */

/* A sheet as read. */
struct ods_sheet {
	char		*name;    /* table:name */
	int		 hidden;  /* table:display="false" */
	struct csvt	*t;       /* its table, NULL when empty or failed */
	struct diag	*d;       /* its messages */
	int		 rc;      /* its tgrid_finish status */
};

/* A filled cell of the row being read. */
struct ods_cell {
	long	 col;     /* first column, 0-based */
	long	 rep;     /* columns it repeats over */
	char	*val;     /* its value, malloc'd */
};

struct ods {
	const char		*path;     /* the file, for messages */
	struct diag		*d;        /* where messages go */
	XML_Parser		 p;        /* the parser of content.xml */
	int			 rc;       /* VB_OK until a handler stops */
	char			**hstyle;  /* names of hidden table styles */
	size_t			 nhs;      /* used */
	size_t			 caphs;    /* allocated */
	char			*style;    /* table style being read */
	struct ods_sheet	*s;        /* sheets read */
	size_t			 n;        /* used */
	size_t			 cap;      /* allocated */
	size_t			 cells;    /* filled cells of the sheets read */
	size_t			 ntext;    /* their bytes of text */
	int			 depth;    /* open elements */
	int			 in_table; /* inside a sheet */
	int			 skip;     /* depth inside a nested table */
	struct tgrid		 g;        /* the sheet being read */
	long			 row;      /* 1-based number of the row */
	long			 rrep;     /* its repetitions */
	int			 rhidden;  /* it is hidden */
	long			 col;      /* 0-based column of the next cell */
	struct ods_cell		*c;        /* filled cells of the row */
	size_t			 nc;       /* used */
	size_t			 capc;     /* allocated */
	int			 in_cell;  /* inside a table-cell */
	long			 crep;     /* its repetitions */
	char			*cval;     /* its value from attributes */
	int			 in_p;     /* inside its text:p */
	int			 np;       /* its paragraphs so far */
	int			 note;     /* depth in an office:annotation */
	struct vbuf		 text;     /* its text */
};

/* A positive count attribute (repetitions, spans): 1 when absent or
 * bad, at most ODS_POS_MAX. */
static long
ods_count(const char **atts, const char *name)
{
	const char	*v = xml_attr(atts, name);
	char		*end;
	long long	 n;

	if (v == NULL)
		return 1;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (end == v || n < 1)
		return 1;
	return n > ODS_POS_MAX || errno != 0 ? ODS_POS_MAX : (long)n;
}

/* Stop the parse with rc (a message given). */
static void
ods_stop(struct ods *o, int rc)
{
	if (o->rc == VB_OK)
		o->rc = rc;
	XML_StopParser(o->p, XML_FALSE);
}

static void XMLCALL
ods_doctype(void *arg, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int internal)
{
	struct ods *o = arg;

	(void)name; (void)sysid; (void)pubid; (void)internal;
	diag_add(o->d, DIAG_ERROR, o->path, 0, 0, "the workbook is refused: "
	    "content.xml has a DOCTYPE, which no spreadsheet has");
	ods_stop(o, VB_EINPUT);
}

/* Add the n bytes at s to the cell's text, within TABLE_MAX_TEXT. */
static void
ods_put(struct ods *o, const char *s, size_t n)
{
	if (o->text.len + n > (size_t)TABLE_MAX_TEXT) {
		diag_add(o->d, DIAG_ERROR, o->path, 0, 0, "a text of the "
		    "workbook is longer than %ld MB: it is refused",
		    TABLE_MAX_TEXT >> 20);
		ods_stop(o, VB_EINPUT);
	} else
		vbuf_putn(&o->text, s, n);
}

static void XMLCALL
ods_chars(void *arg, const XML_Char *s, int n)
{
	struct ods *o = arg;

	if (o->rc == VB_OK && o->in_p && o->note == 0 && o->skip == 0)
		ods_put(o, s, (size_t)n);
}

/* A date-value "2025-12-01" or "2025-12-01T10:30:00.5" as the grid
 * writes dates: "2025-12-01", "2025-12-01 10:30:00". */
static char *
ods_date(const char *v)
{
	int	 y, m, d, hh = 0, mm = 0, ss = 0, n;
	char	*out;

	n = sscanf(v, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &m, &d, &hh, &mm, &ss);
	if (n < 3 || y < 1 || m < 1 || m > 12 || d < 1 || d > 31 || hh < 0 ||
	    hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60)
		return strdup(v);
	if (hh == 0 && mm == 0 && ss == 0)
		n = asprintf(&out, "%04d-%02d-%02d", y, m, d);
	else
		n = asprintf(&out, "%04d-%02d-%02d %02d:%02d:%02d", y, m, d,
		    hh, mm, ss);
	return n < 0 ? NULL : out;
}

/* A time-value "PT10H30M00S" (ISO 8601 duration) as "10:30:00". */
static char *
ods_time(const char *v)
{
	long	 h = 0, m = 0;
	double	 s = 0;
	char	*out;

	if (sscanf(v, "PT%ldH%ldM%lfS", &h, &m, &s) != 3 || h < 0 ||
	    h > 1000000 || m < 0 || m > 1000000 || !(s >= 0 && s < 1e6))
		return strdup(v);
	m += (long)(s + 0.5) / 60;
	if (asprintf(&out, "%02ld:%02ld:%02ld", h + m / 60, m % 60,
	    (long)(s + 0.5) % 60) < 0)
		return NULL;
	return out;
}

/* The value a cell's attributes give (a number, date, time or boolean),
 * or NULL (text: its paragraphs).  *oom set when out of memory. */
static char *
ods_value(const char **atts, int *oom)
{
	const char	*type = xml_attr(atts, "value-type");
	const char	*v;
	char		 buf[64], *end, *r = NULL;
	double		 x;

	*oom = 0;
	if (type == NULL || strcmp(type, "string") == 0)
		return NULL;
	if (strcmp(type, "date") == 0 &&
	    (v = xml_attr(atts, "date-value")) != NULL)
		r = ods_date(v);
	else if (strcmp(type, "time") == 0 &&
	    (v = xml_attr(atts, "time-value")) != NULL)
		r = ods_time(v);
	else if (strcmp(type, "boolean") == 0 &&
	    (v = xml_attr(atts, "boolean-value")) != NULL)
		r = strdup(strcmp(v, "true") == 0 ? "TRUE" : "FALSE");
	else if ((v = xml_attr(atts, "value")) != NULL) {
		x = strtod(v, &end);
		if (end == v || *end != '\0')
			return NULL;		/* shown as its text */
		table_num(x, buf);
		r = strdup(buf);
	} else
		return NULL;
	*oom = r == NULL;
	return r;
}

/* A new sheet: its grid, named "path:name". */
static void
ods_sheet_start(struct ods *o, const char **atts)
{
	const char		*nm = xml_attr(atts, "name");
	const char		*st = xml_attr(atts, "style-name");
	struct ods_sheet	*s;
	char			*full;
	size_t			 i;

	if (o->n >= TABLE_MAX_SHEETS) {
		diag_add(o->d, DIAG_ERROR, o->path, 0, 0, "the workbook has "
		    "more than %d sheets: it is refused", TABLE_MAX_SHEETS);
		ods_stop(o, VB_EINPUT);
		return;
	}
	if (vb_grow((void **)&o->s, &o->cap, o->n + 1, sizeof(*o->s)) != 0) {
		ods_stop(o, VB_ESYS);
		return;
	}
	s = &o->s[o->n++];
	memset(s, 0, sizeof(*s));
	if (nm == NULL)
		nm = "";
	for (i = 0; st != NULL && i < o->nhs; i++)
		if (strcmp(o->hstyle[i], st) == 0)
			s->hidden = 1;
	if ((s->name = strdup(nm)) == NULL || (s->d = diag_new()) == NULL ||
	    asprintf(&full, "%s:%s", o->path, nm) < 0) {
		ods_stop(o, VB_ESYS);
		return;
	}
	tgrid_init(&o->g, full, s->d);
	free(full);	/* the grid keeps its own copy (own) */
	if (o->g.own == NULL) {
		ods_stop(o, VB_ESYS);
		return;
	}
	o->g.ncells = o->cells;	/* budgets for the whole workbook */
	o->g.ntext = o->ntext;
	o->in_table = 1;
	o->row = 1;
}

/* The sheet ends: its table, and the budget it used. */
static void
ods_sheet_end(struct ods *o)
{
	struct ods_sheet *s = &o->s[o->n - 1];

	o->cells = o->g.ncells;
	o->ntext = o->g.ntext;
	s->rc = tgrid_finish(&o->g, &s->t);
	tgrid_free(&o->g);
	o->in_table = 0;
	if (s->rc == VB_ESYS)
		ods_stop(o, VB_ESYS);
}

/* The row ends: its filled cells written for each repetition, while
 * the grid takes them (its limits bound the work). */
static void
ods_row_end(struct ods *o)
{
	long	 k, j;
	size_t	 i;
	int	 ok = 1;

	for (k = 0; k < o->rrep && ok && o->nc > 0; k++) {
		if (o->rhidden)
			tgrid_hide(&o->g, o->row + k);
		for (i = 0; i < o->nc && ok; i++)
			for (j = 0; j < o->c[i].rep && ok; j++)
				ok = tgrid_put(&o->g, o->row + k,
				    (unsigned)(o->c[i].col + j > 16383 ?
				    16383 : o->c[i].col + j),	/* XFD */
				    o->c[i].val, strlen(o->c[i].val)) == 0;
	}
	for (i = 0; i < o->nc; i++)
		free(o->c[i].val);
	o->nc = 0;
	o->row = o->row + o->rrep > ODS_POS_MAX ? ODS_POS_MAX :
	    o->row + o->rrep;
	if (o->g.oom)
		ods_stop(o, VB_ESYS);
}

/* A cell starts: its repetitions, spans and value. */
static void
ods_cell_start(struct ods *o, const char **atts, int covered)
{
	long	cs, rs;
	int	oom;

	o->crep = ods_count(atts, "number-columns-repeated");
	o->in_cell = 1;
	o->in_p = 0;
	o->note = 0;
	o->np = 0;
	o->text.len = 0;
	free(o->cval);
	o->cval = NULL;
	if (covered) {
		o->in_cell = 2;		/* its content is not shown */
		return;
	}
	cs = ods_count(atts, "number-columns-spanned");
	rs = ods_count(atts, "number-rows-spanned");
	if ((cs > 1 || rs > 1) && o->row <= TABLE_MAX_ROWS &&
	    o->col < TABLE_MAX_COLS && tgrid_merge(&o->g, o->row,
	    (unsigned)o->col, o->row + (rs > TABLE_MAX_ROWS ? TABLE_MAX_ROWS :
	    rs) - 1, (unsigned)(o->col + (cs > TABLE_MAX_COLS ?
	    TABLE_MAX_COLS : cs) - 1)) != 0)
		ods_stop(o, VB_ESYS);
	o->cval = ods_value(atts, &oom);
	if (oom)
		ods_stop(o, VB_ESYS);
}

/* A cell ends: kept when filled, the position moved past it. */
static void
ods_cell_end(struct ods *o)
{
	struct ods_cell	*c;
	char		*v;

	if (o->in_cell == 1 && o->cval == NULL && o->text.len > 0)
		v = strndup(o->text.s, o->text.len);
	else {
		v = o->cval;
		o->cval = NULL;
	}
	if (o->text.bad)
		ods_stop(o, VB_ESYS);
	if (v != NULL && *v != '\0' && o->in_cell == 1) {
		if (vb_grow((void **)&o->c, &o->capc, o->nc + 1,
		    sizeof(*o->c)) != 0) {
			free(v);
			ods_stop(o, VB_ESYS);
		} else {
			c = &o->c[o->nc++];
			c->col = o->col;
			c->rep = o->crep;
			c->val = v;
		}
	} else
		free(v);
	o->col = o->col + o->crep > ODS_POS_MAX ? ODS_POS_MAX :
	    o->col + o->crep;
	o->in_cell = 0;
}

/* Inside a cell's text: paragraphs (joined by line ends), spaces
 * (text:s c="3"), tabs and line breaks. */
static void
ods_text_start(struct ods *o, const char *ln, const char **atts)
{
	long n;

	if (strcmp(ln, "annotation") == 0) {
		o->note++;
		return;
	}
	if (o->note > 0)
		return;
	if (strcmp(ln, "p") == 0 || strcmp(ln, "h") == 0) {
		if (o->np++ > 0)
			ods_put(o, "\n", 1);
		o->in_p = 1;
	} else if (!o->in_p)
		return;
	else if (strcmp(ln, "s") == 0)
		for (n = ods_count(atts, "c"); n > 0 && n <= 1000; n--)
			ods_put(o, " ", 1);
	else if (strcmp(ln, "tab") == 0)
		ods_put(o, "\t", 1);
	else if (strcmp(ln, "line-break") == 0)
		ods_put(o, "\n", 1);
}

/* The automatic styles: which table styles hide their sheet. */
static void
ods_style_start(struct ods *o, const char *ln, const char **atts)
{
	const char *v;

	if (strcmp(ln, "style") == 0) {
		free(o->style);
		o->style = NULL;
		if ((v = xml_attr(atts, "family")) != NULL &&
		    strcmp(v, "table") == 0 &&
		    (v = xml_attr(atts, "name")) != NULL &&
		    (o->style = strdup(v)) == NULL)
			ods_stop(o, VB_ESYS);
	} else if (strcmp(ln, "table-properties") == 0 && o->style != NULL &&
	    (v = xml_attr(atts, "display")) != NULL &&
	    strcmp(v, "false") == 0) {
		if (vb_grow((void **)&o->hstyle, &o->caphs, o->nhs + 1,
		    sizeof(*o->hstyle)) != 0) {
			ods_stop(o, VB_ESYS);
			return;
		}
		o->hstyle[o->nhs++] = o->style;
		o->style = NULL;
	}
}

static void XMLCALL
ods_start(void *arg, const XML_Char *name, const XML_Char **atts)
{
	struct ods	*o = arg;
	const char	*ln = xml_local(name), *v;

	if (o->rc != VB_OK)
		return;
	/* expat keeps a name for each open element: nesting is bounded */
	if (++o->depth > TABLE_MAX_DEPTH) {
		diag_add(o->d, DIAG_ERROR, o->path, 0, 0, "the workbook's XML "
		    "nests elements more than %d deep, which no spreadsheet "
		    "program writes: it is refused", TABLE_MAX_DEPTH);
		ods_stop(o, VB_EINPUT);
		return;
	}
	if (o->skip > 0) {
		o->skip += strcmp(ln, "table") == 0;
		return;
	}
	if (!o->in_table) {
		if (strcmp(ln, "table") == 0 &&
		    strncmp(name, "table:", 6) == 0)
			ods_sheet_start(o, atts);
		else
			ods_style_start(o, ln, atts);
	} else if (o->in_cell) {
		if (strcmp(ln, "table") == 0)
			o->skip = 1;	/* a table inside a cell */
		else
			ods_text_start(o, ln, atts);
	} else if (strcmp(ln, "table-row") == 0) {
		o->rrep = ods_count(atts, "number-rows-repeated");
		o->rhidden = (v = xml_attr(atts, "visibility")) != NULL &&
		    strcmp(v, "visible") != 0;
		o->col = 0;
		o->nc = 0;
	} else if (strcmp(ln, "table-cell") == 0)
		ods_cell_start(o, atts, 0);
	else if (strcmp(ln, "covered-table-cell") == 0)
		ods_cell_start(o, atts, 1);
}

static void XMLCALL
ods_end(void *arg, const XML_Char *name)
{
	struct ods	*o = arg;
	const char	*ln = xml_local(name);

	if (o->rc != VB_OK)
		return;
	o->depth--;
	if (o->skip > 0) {
		o->skip -= strcmp(ln, "table") == 0;
		return;
	}
	if (!o->in_table)
		return;
	if (o->in_cell) {
		if (strcmp(ln, "annotation") == 0 && o->note > 0)
			o->note--;
		else if (o->note == 0 && (strcmp(ln, "p") == 0 ||
		    strcmp(ln, "h") == 0))
			o->in_p = 0;
		else if (strcmp(ln, "table-cell") == 0 ||
		    strcmp(ln, "covered-table-cell") == 0)
			ods_cell_end(o);
	} else if (strcmp(ln, "table-row") == 0)
		ods_row_end(o);
	else if (strcmp(ln, "table") == 0)
		ods_sheet_end(o);
}

/* Is the entry too big, or too highly compressed, to be a sheet's? */
static int
ods_bomb(struct ods *o, zip_uint64_t size, zip_uint64_t comp)
{
	if (size <= (zip_uint64_t)TABLE_MAX_ENTRY &&
	    (size <= (zip_uint64_t)ODS_RATIO_MIN ||
	    size / (comp ? comp : 1) <= TABLE_MAX_RATIO))
		return 0;
	diag_add(o->d, DIAG_ERROR, o->path, 0, 0, "%s would inflate to "
	    "%llu bytes from %llu: a workbook's part may have %ld bytes, and "
	    "above 1 MB at most %d times its compressed size; the file is "
	    "refused as a zip bomb", "content.xml", (unsigned long long)size,
	    (unsigned long long)comp, (long)TABLE_MAX_ENTRY, TABLE_MAX_RATIO);
	return 1;
}

/* Does the manifest say the document is encrypted (a password)?  Its
 * first 16 chunks are looked at. */
static int
ods_encrypted(zip_t *z)
{
	char		*buf;
	zip_file_t	*f;
	zip_int64_t	 n, i;
	int		 hit = 0, k;

	if ((i = zipso->zip_name_locate(z, "META-INF/manifest.xml", 0)) < 0 ||
	    (f = zipso->zip_fopen_index(z, (zip_uint64_t)i, 0)) == NULL)
		return 0;
	if ((buf = malloc(ODS_CHUNK + 1)) != NULL)
		for (k = 0; k < 16 && !hit &&
		    (n = zipso->zip_fread(f, buf, ODS_CHUNK)) > 0; k++) {
			buf[n] = '\0';
			hit = strstr(buf, "encryption-data") != NULL;
		}
	free(buf);
	zipso->zip_fclose(f);
	return hit;
}

/* Feed content.xml to the parser, in chunks. */
static int
ods_feed(struct ods *o, zip_t *z, zip_file_t *f, zip_uint64_t size)
{
	char		*buf;
	zip_int64_t	 n;
	zip_uint64_t	 total = 0;
	int		 rc = VB_OK, last = 0;

	if ((buf = malloc(ODS_CHUNK)) == NULL)
		return VB_ESYS;
	while (rc == VB_OK && !last) {
		if ((n = zipso->zip_fread(f, buf, ODS_CHUNK)) < 0) {
			diag_add(o->d, DIAG_ERROR, o->path, 0, 0, "the workbook "
			    "is damaged: content.xml cannot be read (%s); open "
			    "it in LibreOffice and save it again",
			    zipso->zip_error_strerror(
			    zipso->zip_file_get_error(f)));
			rc = VB_EINPUT;
			break;
		}
		if ((total += (zip_uint64_t)n) > size) {
			diag_add(o->d, DIAG_ERROR, o->path, 0, 0, "content.xml "
			    "inflates to more than the %llu bytes the zip "
			    "directory gives: the file is damaged or a zip "
			    "bomb, and is refused", (unsigned long long)size);
			rc = VB_EINPUT;
			break;
		}
		last = n == 0;
		if (XML_Parse(o->p, buf, (int)n, last) != XML_STATUS_ERROR)
			continue;
		if ((rc = o->rc) != VB_OK)
			break;
		if (ods_encrypted(z))
			diag_add(o->d, DIAG_ERROR, o->path, 0, 0, "this is a "
			    "spreadsheet protected by a password: open it in "
			    "LibreOffice and save it without a password");
		else
			diag_add(o->d, DIAG_ERROR, o->path, 0, 0, "the "
			    "workbook is damaged: content.xml, line %lu: %s",
			    (unsigned long)XML_GetCurrentLineNumber(o->p),
			    XML_ErrorString(XML_GetErrorCode(o->p)));
		rc = VB_EINPUT;
	}
	free(buf);
	return rc != VB_OK ? rc : o->rc;
}

/* Read every sheet of content.xml into o->s. */
static int
ods_parse(struct ods *o, zip_t *z)
{
	zip_stat_t	 st;
	zip_file_t	*f;
	zip_int64_t	 i;
	int		 rc;

	if ((i = zipso->zip_name_locate(z, "content.xml", 0)) < 0 ||
	    zipso->zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
		diag_add(o->d, DIAG_ERROR, o->path, 0, 0, "the workbook is "
		    "damaged: it has no content.xml; open it in LibreOffice "
		    "and save it again");
		return VB_EINPUT;
	}
	if (ods_bomb(o, st.size, st.comp_size))
		return VB_EINPUT;
	if ((f = zipso->zip_fopen_index(z, (zip_uint64_t)i, 0)) == NULL) {
		diag_add(o->d, DIAG_ERROR, o->path, 0, 0, "the workbook is "
		    "damaged: content.xml cannot be read (%s)",
		    zipso->zip_error_strerror(zipso->zip_get_error(z)));
		return VB_EINPUT;
	}
	if ((o->p = XML_ParserCreate(NULL)) == NULL) {
		zipso->zip_fclose(f);
		return VB_ESYS;
	}
	XML_SetUserData(o->p, o);
	XML_SetElementHandler(o->p, ods_start, ods_end);
	XML_SetCharacterDataHandler(o->p, ods_chars);
	XML_SetStartDoctypeDeclHandler(o->p, ods_doctype);
	XML_SetParamEntityParsing(o->p, XML_PARAM_ENTITY_PARSING_NEVER);
	rc = ods_feed(o, z, f, st.size);
	XML_ParserFree(o->p);
	o->p = NULL;
	zipso->zip_fclose(f);
	return rc;
}

/* Choose the sheet (named, or the first visible filled one that m
 * accepts, see table_offer) and hand over its table and messages. */
static int
ods_choose(struct ods *o, const char *sheet, const struct table_match *m,
    struct csvt **out)
{
	struct table_choice	 ch;
	const char		**names;
	size_t			 i;
	int			 pick, rc = VB_OK;

	if ((names = calloc(o->n + 1, sizeof(*names))) == NULL)
		return VB_ESYS;
	for (i = 0; i < o->n; i++)
		names[i] = o->s[i].name;
	pick = table_pick(o->path, sheet, names, o->n, o->d);
	free(names);
	if (pick == -2)
		return VB_EINPUT;
	if (pick >= 0) {
		diag_move(o->d, o->s[pick].d);
		if ((rc = o->s[pick].rc) == VB_OK && o->s[pick].t == NULL) {
			diag_add(o->d, DIAG_ERROR, o->path, 0, 0, "sheet "
			    "\"%s\" is empty", o->s[pick].name);
			rc = VB_EINPUT;
		}
		*out = o->s[pick].t;
		o->s[pick].t = NULL;
		return rc;
	}
	table_choice_init(&ch, m);
	for (i = 0; i < o->n && rc == VB_OK; i++) {
		if (o->s[i].hidden) {
			if (o->s[i].t != NULL)
				diag_add(o->d, DIAG_WARNING, o->path, 0, 0,
				    "sheet \"%s\" is hidden and is passed over "
				    "(name it to read it)", o->s[i].name);
			continue;
		}
		if (o->s[i].rc != VB_OK || o->s[i].t != NULL)
			diag_move(o->d, o->s[i].d);
		if ((rc = o->s[i].rc) == VB_OK && o->s[i].t != NULL &&
		    table_offer(&ch, &o->s[i].t, o->s[i].name))
			break;
	}
	if ((rc = table_chosen(&ch, o->path, rc, o->d, out)) == VB_OK &&
	    *out == NULL) {
		diag_add(o->d, DIAG_ERROR, o->path, 0, 0, "the workbook has "
		    "no visible sheet with a filled cell");
		rc = VB_EINPUT;
	}
	return rc;
}

int
ods_read(const char *path, const char *sheet, const struct table_match *m,
    struct diag *d, struct csvt **out)
{
	struct ods	 o;
	zip_t		*z;
	int		 ze = 0, rc;
	size_t		 i;

	*out = NULL;
	if (zipso_load(path, d) != 0)
		return VB_ESYS;
	if ((z = zipso->zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS,
	    &ze)) == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "this file starts as an "
		    "OpenDocument spreadsheet (.ods) but cannot be read as "
		    "one: it is damaged or cut short");
		return ze == ZIP_ER_MEMORY ? VB_ESYS : VB_EINPUT;
	}
	memset(&o, 0, sizeof(o));
	o.path = path;
	o.d = d;
	o.rc = VB_OK;
	rc = ods_parse(&o, z);
	if (o.in_table) {		/* stopped inside a sheet */
		tgrid_free(&o.g);
		o.in_table = 0;
	}
	if (rc == VB_OK && o.n == 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "this OpenDocument file "
		    "has no sheet: it is not a spreadsheet (.ods)");
		rc = VB_EINPUT;
	}
	if (rc == VB_OK)
		rc = ods_choose(&o, sheet, m, out);
	if (rc == VB_ESYS && diag_errors(d) == 0)
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory");
	for (i = 0; i < o.n; i++) {
		free(o.s[i].name);
		csvt_free(o.s[i].t);
		diag_free(o.s[i].d);
	}
	for (i = 0; i < o.nc; i++)
		free(o.c[i].val);
	for (i = 0; i < o.nhs; i++)
		free(o.hstyle[i]);
	free(o.hstyle);
	free(o.style);
	free(o.s);
	free(o.c);
	free(o.cval);
	free(o.text.s);
	zipso->zip_discard(z);
	return rc;
}
