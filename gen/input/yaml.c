/*
 * yaml.c - YAML files read from disk: a configuration (key: value)
 * loaded over template variables (the text checked and applied by
 * base/config.c), and a list of records read as a table (struct csvt).
 * Here, not in base, because reading files and making tables is input's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "input/input.h"

int
config_load(const char *path, const struct config_key *keys,
    struct tmpl_vars *vars, struct diag *d)
{
	char	*text;
	size_t	 len;
	int	 rc;

	if ((rc = text_read_file(path, TEXT_ENC_AUTO, d, &text, &len)) != VB_OK)
		return rc;
	rc = config_load_text(path, text, len, keys, vars, d);
	free(text);
	return rc;
}

/* ------------------------------------------------------------------ */
/* A list of records in YAML, as a table                                */
/* ------------------------------------------------------------------ */

/* State of one YAML-to-table reading. */
struct ytab {
	char	**keys;    /* header: keys in order of first appearance */
	size_t	  nkeys, capkeys;
	char	***vals;   /* per record, its values (NULL: not given) */
	size_t	 *width;   /* per record, values allocated */
	int	 *lines;   /* per record, its line */
	size_t	  n, cap;
};

/* The column of key, added to the header when new; -1 on OOM. */
static int
ytab_key(struct ytab *y, const char *key)
{
	size_t i;

	for (i = 0; i < y->nkeys; i++)
		if (strcmp(y->keys[i], key) == 0)
			return (int)i;
	if (vb_grow((void **)&y->keys, &y->capkeys, y->nkeys + 1,
	    sizeof(*y->keys)) != 0 || (y->keys[y->nkeys] = strdup(key)) ==
	    NULL)
		return -1;
	return (int)y->nkeys++;
}

/* Turn what was read into a csvt (header + rows, "" for a missing
 * value); -1 on OOM.  Frees y's content either way. */
static int
ytab_take(struct ytab *y, const char *path, struct csvt **out)
{
	struct csvt	*t;
	size_t		 r, k;
	int		 oom = 0;

	if ((t = calloc(1, sizeof(*t))) == NULL ||
	    (t->name = strdup(path)) == NULL ||
	    (t->rows = calloc(y->n + 1, sizeof(*t->rows))) == NULL)
		oom = 1;
	for (r = 0; !oom && r <= y->n; r++) {
		struct csvt_row *row = &t->rows[r];

		row->line = r == 0 ? (y->n ? y->lines[0] : 1) : y->lines[r - 1];
		if ((row->fields = calloc(y->nkeys + 1, sizeof(char *))) == NULL)
			oom = 1;
		for (k = 0; !oom && k < y->nkeys; k++) {
			const char *v = r == 0 ? y->keys[k] :
			    (k < y->width[r - 1] && y->vals[r - 1][k] ?
			    y->vals[r - 1][k] : "");

			if ((row->fields[k] = strdup(v)) == NULL)
				oom = 1;
			row->nfields = k + 1;
		}
		t->nrows = r + 1;
	}
	for (r = 0; r < y->n; r++) {
		for (k = 0; k < y->width[r]; k++)
			free(y->vals[r][k]);
		free(y->vals[r]);
	}
	free(y->width);
	for (k = 0; k < y->nkeys; k++)
		free(y->keys[k]);
	free(y->keys);
	free(y->vals);
	free(y->lines);
	if (oom) {
		csvt_free(t);
		return -1;
	}
	*out = t;
	return 0;
}

/* Start a new record at line; -1 on OOM. */
static int
ytab_record(struct ytab *y, int line)
{
	size_t	cap = y->cap;
	void	*p;

	if (vb_grow((void **)&y->vals, &y->cap, y->n + 1, sizeof(*y->vals)) !=
	    0)
		return -1;
	if (y->cap != cap) {
		if ((p = realloc(y->lines, y->cap * sizeof(int))) == NULL)
			return -1;
		y->lines = p;
		if ((p = realloc(y->width, y->cap * sizeof(size_t))) == NULL)
			return -1;
		y->width = p;
	}
	y->vals[y->n] = NULL;
	y->width[y->n] = 0;
	y->lines[y->n++] = line;
	return 0;
}

/* A scalar of a record: value of key `key` in record y->n - 1. */
static int
ytab_set(struct ytab *y, const char *key, const char *value)
{
	char	**v;
	int	  c = ytab_key(y, key);
	size_t	  k;

	if (c < 0)
		return -1;
	if ((size_t)c >= y->width[y->n - 1]) {
		if ((v = realloc(y->vals[y->n - 1], y->nkeys *
		    sizeof(char *))) == NULL)
			return -1;
		for (k = y->width[y->n - 1]; k < y->nkeys; k++)
			v[k] = NULL;
		y->vals[y->n - 1] = v;
		y->width[y->n - 1] = y->nkeys;
	}
	v = y->vals[y->n - 1];
	free(v[c]);
	return (v[c] = strdup(value)) == NULL ? -1 : 0;
}

int
config_load_table(const char *path, const char *text, size_t len,
    int (*key_ok)(const char *), const char *known, struct diag *d,
    struct csvt **out)
{
	yaml_parser_t	 yp;
	yaml_event_t	 ev;
	struct ytab	 y;
	char		*key = NULL;
	int		 depth = 0, done = 0, rc = VB_OK, line;

	memset(&y, 0, sizeof(y));
	*out = NULL;
	if (config_yaml_guard(path, 0, vb_tr("list of records"), text, len,
	    d) == -1)
		return VB_EINPUT;
	if (!yaml_parser_initialize(&yp))
		return VB_ESYS;
	yaml_parser_set_input_string(&yp, (const unsigned char *)text, len);
	while (!done && rc == VB_OK) {
		if (!yaml_parser_parse(&yp, &ev)) {
			diag_add(d, DIAG_ERROR, path, (int)yp.problem_mark.line
			    + 1, (int)yp.problem_mark.column + 1, "YAML: %s",
			    yp.problem ? vb_yaml_tr(yp.problem) : vb_tr("syntax error"));
			rc = VB_EINPUT;
			break;
		}
		line = (int)ev.start_mark.line + 1;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_ALIAS_EVENT:
			diag_add(d, DIAG_ERROR, path, line, 0, "write every "
			    "value out: aliases (*name) are not read here");
			rc = VB_EINPUT;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			depth++;
			if (depth == 1 && ev.type != YAML_SEQUENCE_START_EVENT) {
				diag_add(d, DIAG_ERROR, path, line, 0, "expected "
				    "a list of records (- key: value)");
				rc = VB_EINPUT;
			} else if (depth > 2 || (depth == 2 &&
			    ev.type != YAML_MAPPING_START_EVENT)) {
				diag_add(d, DIAG_ERROR, path, line, 0, "each "
				    "value of a record is one line of text");
				rc = VB_EINPUT;
			} else if (depth == 2 && ytab_record(&y, line) != 0)
				rc = VB_ESYS;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_SCALAR_EVENT:
			if (depth != 2) {
				diag_add(d, DIAG_ERROR, path, line, 0, "expected "
				    "a list of records (- key: value)");
				rc = VB_EINPUT;
			} else if (key == NULL) {
				if ((key = strdup((char *)ev.data.scalar.value))
				    == NULL)
					rc = VB_ESYS;
			} else {
				if (key_ok != NULL && !key_ok(key))
					diag_add(d, DIAG_ERROR, path, line, 0,
					    "unknown key \"%s\" (known: %s)", key,
					    known);
				else if (ytab_set(&y, key,
				    (char *)ev.data.scalar.value) != 0)
					rc = VB_ESYS;
				free(key);
				key = NULL;
			}
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	free(key);
	yaml_parser_delete(&yp);
	if (ytab_take(&y, path, out) != 0 && rc == VB_OK)
		rc = VB_ESYS;
	if (rc != VB_OK) {
		csvt_free(*out);
		*out = NULL;
	}
	return rc;
}
