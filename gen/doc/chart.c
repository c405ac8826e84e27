/*
 * doc/chart.c - a ```chart fenced block into struct doc_chart: the
 * options of the info string (type=, title="...", unit=, max=, labels=,
 * height=) and the CSV body (header: the label column, then one column
 * per series; each further row: a category and its values).  Values are
 * written 87.5 or 87,5; every problem is reported at its file line.
 */
#include <stdlib.h>
#include <string.h>

#include "input/input.h"
#include "doc/doc.h"

#define CHART_HEIGHT_MIN_MM 30.0
#define CHART_HEIGHT_MAX_MM 250.0

void
doc_chart_free(struct doc_chart *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; c->series != NULL && i < c->nseries; i++)
		free(c->series[i]);
	for (i = 0; c->cats != NULL && i < c->nrows; i++)
		free(c->cats[i]);
	free(c->series);
	free(c->cats);
	free(c->values);
	free(c->row_line);
	free(c->title);
	free(c->unit);
	free(c);
}

/*
 * A non-negative decimal number: digits, optionally one '.' or ',' and
 * more digits (no sign, exponent or thousands separator).  Returns 0 with
 * *v, 1 if s is such a number with a leading '-', -1 if it is no number.
 */
static int
chart_number(const char *s, double *v)
{
	const char	*p = s;
	double		 x = 0, scale = 1;
	int		 neg = 0, digits = 0;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	for (; *p >= '0' && *p <= '9'; p++, digits++)
		x = x * 10 + (*p - '0');
	if (digits > 0 && (*p == '.' || *p == ',') && p[1] >= '0' &&
	    p[1] <= '9')
		for (p++; *p >= '0' && *p <= '9'; p++) {
			scale /= 10;
			x += (*p - '0') * scale;
		}
	if (digits == 0 || *p != '\0' || digits > 15)
		return -1;
	*v = neg ? -x : x;
	return neg && x > 0;
}

/* The next option of info: key in [*k, *k + *kn), value (quotes taken
 * off) in [*v, *v + *vn), or *v NULL when there is no '='.  Returns 0 at
 * the end, -1 for an unclosed quote, else 1. */
static int
chart_next_opt(const char **pp, const char **k, size_t *kn, const char **v,
    size_t *vn)
{
	const char *p = *pp;

	p += strspn(p, " \t");
	if (*p == '\0')
		return 0;
	*k = p;
	p += strcspn(p, " \t=");
	*kn = (size_t)(p - *k);
	*v = NULL;
	*vn = 0;
	if (*p == '=') {
		p++;
		if (*p == '"') {
			const char *q = strchr(p + 1, '"');

			if (q == NULL) {
				*pp = p + strlen(p);
				return -1;
			}
			*v = p + 1;
			*vn = (size_t)(q - p - 1);
			p = q + 1;
		} else {
			*v = p;
			p += strcspn(p, " \t");
			*vn = (size_t)(p - *v);
		}
	}
	*pp = p;
	return 1;
}

/* One option key=val of the info string into c; messages at line:col. */
static void
chart_option(struct doc_chart *c, const char *key, const char *val,
    const char *name, int line, int col, struct diag *d)
{
	double x;

	if (strcmp(key, "type") == 0) {
		if (strcmp(val, "bar") == 0)
			c->type = DOC_CHART_BAR;
		else if (strcmp(val, "column") == 0)
			c->type = DOC_CHART_COLUMN;
		else
			diag_add(d, DIAG_ERROR, name, line, col, "unknown chart "
			    "type '%s' (known: bar, column)", val);
	} else if (strcmp(key, "title") == 0) {
		free(c->title);
		c->title = *val ? strdup(val) : NULL;
	} else if (strcmp(key, "unit") == 0) {
		free(c->unit);
		c->unit = *val ? strdup(val) : NULL;
	} else if (strcmp(key, "max") == 0) {
		if (chart_number(val, &x) != 0 || x <= 0)
			diag_add(d, DIAG_ERROR, name, line, col, "chart option "
			    "'max=%s': the axis maximum is a positive number "
			    "(max=100)", val);
		else
			c->max = x;
	} else if (strcmp(key, "labels") == 0) {
		if (strcmp(val, "yes") == 0)
			c->labels = 1;
		else if (strcmp(val, "no") == 0)
			c->labels = 0;
		else
			diag_add(d, DIAG_ERROR, name, line, col, "chart option "
			    "'labels=%s': write labels=yes or labels=no", val);
	} else if (strcmp(key, "height") == 0) {
		size_t	 n = strlen(val);
		char	*num = strdup(val);

		if (num != NULL && n > 2 && strcmp(val + n - 2, "mm") == 0)
			num[n - 2] = '\0';
		if (num == NULL || chart_number(num, &x) != 0 ||
		    x < CHART_HEIGHT_MIN_MM || x > CHART_HEIGHT_MAX_MM)
			diag_add(d, DIAG_ERROR, name, line, col, "chart option "
			    "'height=%s': the height is %.0f to %.0f mm "
			    "(height=60mm)", val, CHART_HEIGHT_MIN_MM,
			    CHART_HEIGHT_MAX_MM);
		else
			c->height_mm = x;
		free(num);
	} else
		diag_add(d, DIAG_ERROR, name, line, col, "unknown chart option "
		    "'%s' (known: type=, title=, unit=, max=, labels=, "
		    "height=)", key);
}

/* The options of the info string (after "chart") into c. */
static void
chart_options(struct doc_chart *c, const char *info, const char *name,
    int line, int col, struct diag *d)
{
	const char	*p = info, *k, *v;
	size_t		 kn, vn;
	int		 r;

	p += strspn(p, " \t");
	p += strcspn(p, " \t");   /* "chart" */
	while ((r = chart_next_opt(&p, &k, &kn, &v, &vn)) != 0) {
		char *key, *val;

		if (r < 0) {
			diag_add(d, DIAG_ERROR, name, line, col, "chart "
			    "options: a quoted value is not closed (a \" is "
			    "missing)");
			return;
		}
		key = strndup(k, kn);
		val = v ? strndup(v, vn) : NULL;
		if (key != NULL && v == NULL)
			diag_add(d, DIAG_ERROR, name, line, col, "chart option "
			    "'%s' has no value (write key=value, e.g. "
			    "type=bar)", key);
		else if (key != NULL && val != NULL)
			chart_option(c, key, val, name, line, col, d);
		free(key);
		free(val);
	}
}

/* The CSV rows into c: the header gives the series, each further row a
 * category and its values.  Returns 0, or -1 (memory). */
static int
chart_rows(struct doc_chart *c, const struct csvt *csv, const char *name,
    struct diag *d)
{
	size_t r, k;

	c->nseries = csv->rows[0].nfields - 1;
	c->nrows = csv->nrows - 1;
	c->series = calloc(c->nseries, sizeof(char *));
	c->cats = calloc(c->nrows, sizeof(char *));
	c->values = calloc(c->nrows * c->nseries, sizeof(double));
	c->row_line = calloc(c->nrows, sizeof(int));
	if (c->series == NULL || c->cats == NULL || c->values == NULL ||
	    c->row_line == NULL)
		return -1;
	for (k = 0; k < c->nseries; k++)
		if ((c->series[k] = strdup(csv->rows[0].fields[k + 1])) == NULL)
			return -1;
	for (r = 0; r < c->nrows; r++) {
		const struct csvt_row *row = &csv->rows[r + 1];

		c->row_line[r] = row->line;
		if ((c->cats[r] = strdup(row->fields[0])) == NULL)
			return -1;
		for (k = 0; k < c->nseries && k + 1 < row->nfields; k++) {
			const char	*f = row->fields[k + 1];
			double		*v = &c->values[r * c->nseries + k];
			int		 n = chart_number(f, v);

			if (*f == '\0')
				diag_add(d, DIAG_ERROR, name, row->line, 1,
				    "the row '%s' has no value in the column "
				    "'%s' (write 0 if it is zero)", row->fields[0],
				    c->series[k]);
			else if (n < 0)
				diag_add(d, DIAG_ERROR, name, row->line, 1,
				    "'%s' in the column '%s' is not a number "
				    "(write 87.5 or 87,5)", f, c->series[k]);
			else if (n > 0)
				diag_add(d, DIAG_ERROR, name, row->line, 1,
				    "the value %s in the column '%s' is "
				    "negative; a chart draws values from 0", f,
				    c->series[k]);
			else if (c->max > 0 && *v > c->max)
				diag_add(d, DIAG_ERROR, name, row->line, 1,
				    "the value %s in the column '%s' is above "
				    "the axis maximum max=%g", f, c->series[k],
				    c->max);
		}
	}
	return 0;
}

/* After a CSV error: when the columns are separated by commas and a
 * value is written with a decimal comma (87,5), say how to write it. */
static void
chart_comma_hint(const char *body, const char *name, int line, int col,
    struct diag *d)
{
	size_t		 hl = strcspn(body, "\n");
	const char	*p;

	if (memchr(body, ';', hl) != NULL || memchr(body, '\t', hl) != NULL)
		return;
	for (p = body + hl; *p != '\0'; p++)
		if (*p == ',' && p[-1] >= '0' && p[-1] <= '9' && p[1] >= '0' &&
		    p[1] <= '9') {
			diag_add(d, DIAG_WARNING, name, line, col, "the chart's "
			    "columns are separated by commas: write a decimal "
			    "comma in quotes (\"87,5\"), write 87.5, or separate "
			    "the columns with ';'");
			return;
		}
}

struct doc_chart *
doc_chart_parse(const char *name, const char *info, const char *body,
    int line, int col, struct diag *d)
{
	struct doc_chart	*c = calloc(1, sizeof(*c));
	struct csvt		*csv = NULL;
	int			 errs = diag_errors(d);

	if (c == NULL)
		goto oom;
	chart_options(c, info ? info : "", name, line, col, d);
	if (body == NULL || body[strspn(body, " \t\r\n")] == '\0') {
		diag_add(d, DIAG_ERROR, name, line, col, "the chart is empty: "
		    "write a header (label column, then one column per series) "
		    "and one row per category");
		goto fail;
	}
	if (csvt_parse(name, body, strlen(body), 0, line, d, &csv) != VB_OK) {
		chart_comma_hint(body, name, line, col, d);
		goto fail;
	}
	if (csv->rows[0].nfields < 2) {
		diag_add(d, DIAG_ERROR, name, csv->rows[0].line, 1, "the "
		    "chart's header needs a label column and at least one "
		    "series column (Đơn vị,Tỷ lệ)");
		goto fail;
	}
	if (csv->rows[0].nfields - 1 > DOC_CHART_MAXSERIES) {
		diag_add(d, DIAG_ERROR, name, csv->rows[0].line, 1, "the chart "
		    "has %zu series; at most %d can be told apart in greys",
		    csv->rows[0].nfields - 1, DOC_CHART_MAXSERIES);
		goto fail;
	}
	if (csv->nrows < 2) {
		diag_add(d, DIAG_ERROR, name, csv->rows[0].line, 1, "the chart "
		    "has a header but no rows");
		goto fail;
	}
	if (chart_rows(c, csv, name, d) == -1)
		goto oom;
	if (diag_errors(d) > errs)
		goto fail;
	csvt_free(csv);
	return c;
oom:
	diag_add(d, DIAG_ERROR, name, line, col, "out of memory while "
	    "reading the chart");
fail:
	csvt_free(csv);
	doc_chart_free(c);
	return NULL;
}
