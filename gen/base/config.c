/*
 * config.c - YAML configuration files (key: value) loaded over template
 * variables, checked against a table of the keys a generator accepts.
 * The one libyaml user outside gen/doc/ (README.md, "Architecture").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "vanban.h"

/* Set "<key>_<sub>" to value for one sub-key of a mapping. */
static int
config_set_sub(struct tmpl_vars *vars, const char *key, const char *sub,
    const char *value)
{
	char full[128];

	snprintf(full, sizeof(full), "%s_%s", key, sub);
	return tmpl_vars_set(vars, full, value);
}

int
config_defaults(const struct config_key *keys, struct tmpl_vars *vars)
{
	size_t i, j;

	for (i = 0; keys[i].key != NULL; i++) {
		if (keys[i].type == 'l') {
			if (tmpl_vars_list(vars, keys[i].key) != 0)
				return -1;
		} else if (keys[i].type == 's') {
			if (tmpl_vars_set(vars, keys[i].key, "") != 0)
				return -1;
		} else
			for (j = 0; keys[i].sub[j] != NULL; j++)
				if (config_set_sub(vars, keys[i].key,
				    keys[i].sub[j], "") != 0)
					return -1;
	}
	return 0;
}

/* The text of a scalar node ("" for a null value). */
static const char *
config_scalar(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

/* The sub-keys of a mapping key as "a, b, c" into buf. */
static const char *
config_subs(const struct config_key *k, char *buf, size_t n)
{
	size_t j, used = 0;

	buf[0] = '\0';
	for (j = 0; k->sub[j] != NULL && used < n; j++)
		used += (size_t)snprintf(buf + used, n - used, "%s%s",
		    j ? ", " : "", k->sub[j]);
	return buf;
}

/* Load a list value (one line, or a sequence of lines) of key. */
static int
config_list(const char *path, yaml_document_t *doc, const char *key,
    yaml_node_t *v, int line, struct tmpl_vars *vars, struct diag *d)
{
	yaml_node_item_t *it;

	if (tmpl_vars_list(vars, key) != 0)
		return -1;
	if (v->type == YAML_SCALAR_NODE)
		return *config_scalar(v) ? tmpl_vars_push(vars, key,
		    config_scalar(v)) : 0;
	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++) {
		yaml_node_t *e = yaml_document_get_node(doc, *it);

		if (e == NULL || e->type != YAML_SCALAR_NODE) {
			diag_add(d, DIAG_ERROR, path,
			    e ? (int)e->start_mark.line + 1 : line, 0,
			    "\"%s\": each entry must be one line of text", key);
			continue;
		}
		if (tmpl_vars_push(vars, key, config_scalar(e)) != 0)
			return -1;
	}
	return 0;
}

/* Load a mapping value of key k: every sub-key replaced. */
static int
config_map(const char *path, yaml_document_t *doc,
    const struct config_key *k, yaml_node_t *v, struct tmpl_vars *vars,
    struct diag *d)
{
	yaml_node_pair_t *pp;
	char		  subs[256];
	size_t		  j;

	for (j = 0; k->sub[j] != NULL; j++)
		if (config_set_sub(vars, k->key, k->sub[j], "") != 0)
			return -1;
	for (pp = v->data.mapping.pairs.start; pp < v->data.mapping.pairs.top;
	    pp++) {
		yaml_node_t *sk = yaml_document_get_node(doc, pp->key);
		yaml_node_t *sv = yaml_document_get_node(doc, pp->value);
		int ok = 0;

		if (sk == NULL || sv == NULL || sk->type != YAML_SCALAR_NODE)
			continue;
		for (j = 0; k->sub[j] != NULL; j++)
			if (strcmp(config_scalar(sk), k->sub[j]) == 0)
				ok = 1;
		if (!ok || sv->type != YAML_SCALAR_NODE) {
			if (ok)
				diag_add(d, DIAG_ERROR, path,
				    (int)sk->start_mark.line + 1,
				    (int)sk->start_mark.column + 1,
				    "\"%s\" must be one line of text",
				    config_scalar(sk));
			else
				diag_add(d, DIAG_ERROR, path,
				    (int)sk->start_mark.line + 1,
				    (int)sk->start_mark.column + 1,
				    "unknown key \"%s\" in %s (%s)",
				    config_scalar(sk), k->key,
				    config_subs(k, subs, sizeof(subs)));
			continue;
		}
		if (config_set_sub(vars, k->key, config_scalar(sk),
		    config_scalar(sv)) != 0)
			return -1;
	}
	return 0;
}

/* Load one mapping pair of the file into vars; -1 only on OOM. */
static int
config_pair(const char *path, yaml_document_t *doc,
    const struct config_key *keys, yaml_node_t *k, yaml_node_t *v,
    struct tmpl_vars *vars, struct diag *d)
{
	const struct config_key	*ck = NULL;
	struct config_key	 x = { NULL, 0, NULL };
	const char		*key;
	char			 subs[256];
	size_t			 i;
	int			 line = (int)k->start_mark.line + 1;

	if (k->type != YAML_SCALAR_NODE) {
		diag_add(d, DIAG_ERROR, path, line, 0, "a key must be text");
		return 0;
	}
	key = config_scalar(k);
	for (i = 0; keys[i].key != NULL; i++)
		if (strcmp(key, keys[i].key) == 0)
			ck = &keys[i];
	if (ck == NULL && strncmp(key, "x_", 2) == 0) {
		x.key = key;
		x.type = v->type == YAML_SEQUENCE_NODE ? 'l' : 's';
		ck = &x;
	}
	if (ck == NULL) {
		diag_add(d, DIAG_ERROR, path, line, (int)k->start_mark.column + 1,
		    "unknown key \"%s\"", key);
		return 0;
	}
	if (ck->type == 's' && v->type == YAML_SCALAR_NODE)
		return tmpl_vars_set(vars, key, config_scalar(v));
	if (ck->type == 'l' && (v->type == YAML_SCALAR_NODE ||
	    v->type == YAML_SEQUENCE_NODE))
		return config_list(path, doc, key, v, line, vars, d);
	if (ck->type == 'm' && v->type == YAML_MAPPING_NODE)
		return config_map(path, doc, ck, v, vars, d);
	if (ck->type == 'm')
		diag_add(d, DIAG_ERROR, path, (int)v->start_mark.line + 1,
		    (int)v->start_mark.column + 1, "\"%s\" must be a mapping "
		    "(%s)", key, config_subs(ck, subs, sizeof(subs)));
	else
		diag_add(d, DIAG_ERROR, path, (int)v->start_mark.line + 1,
		    (int)v->start_mark.column + 1, "\"%s\" must be %s", key,
		    ck->type == 's' ? "one line of text" : "a list of lines");
	return 0;
}

/*
 * Limits of a YAML text (front matter, configs), checked on libyaml's events before the
 * document is loaded: libyaml takes quadratic time on deep nesting (80 s
 * for 100,000 levels) and its aliases let a small text stand for a huge
 * one.  A real front matter or config nests 3 deep and needs no alias.
 */
#define CFG_MAX_DEPTH		64        /* nested lists and maps */
#define CFG_MAX_ALIAS_VALUES	10000     /* values aliases may add in all */
#define CFG_MAX_ALIAS_BYTES	1048576   /* bytes of text they may add */

/* What an anchored value stands for, once expanded. */
struct cfg_anchor {
	char	*name;    /* the anchor's name */
	size_t	 nodes;   /* values in it, aliases expanded */
	size_t	 bytes;   /* bytes of its scalars, aliases expanded */
};

/* The state of config_yaml_guard: open collections and the anchors seen. */
struct cfg_gstate {
	struct cfg_anchor  open[CFG_MAX_DEPTH + 1];  /* open collections */
	int		  depth;       /* of them */
	struct cfg_anchor *anchors;     /* anchors defined so far */
	size_t		  nanchors;    /* of them */
	size_t		  cap;         /* anchors allocated */
	size_t		  alias_nodes; /* values added by aliases */
	size_t		  alias_bytes; /* bytes added by aliases */
	const char	 *name;        /* file, for messages */
	const char	 *what;        /* "front matter", "config" */
	int		  line0;       /* lines before the text in the file */
	struct diag	 *d;
};

/* Count a value of `nodes` values and `bytes` bytes in the open
 * collection; record it under anchor (if any).  -1 (memory). */
static int
cfg_gcount(struct cfg_gstate *g, const unsigned char *anchor, size_t nodes,
    size_t bytes)
{
	struct cfg_anchor *a;

	if (g->depth > 0) {
		g->open[g->depth - 1].nodes += nodes;
		g->open[g->depth - 1].bytes += bytes;
	}
	if (anchor == NULL)
		return 0;
	if (vb_grow((void **)&g->anchors, &g->cap, g->nanchors + 1,
	    sizeof(*g->anchors)) != 0)
		return -1;
	a = &g->anchors[g->nanchors];
	if ((a->name = strdup((const char *)anchor)) == NULL)
		return -1;
	a->nodes = nodes;
	a->bytes = bytes;
	g->nanchors++;
	return 0;
}

/* The latest anchor of that name, or NULL. */
static const struct cfg_anchor *
cfg_gfind(const struct cfg_gstate *g, const unsigned char *name)
{
	size_t i;

	for (i = g->nanchors; i > 0; i--)
		if (strcmp(g->anchors[i - 1].name, (const char *)name) == 0)
			return &g->anchors[i - 1];
	return NULL;
}

/*
 * One event of the YAML text: 1 when a limit is passed (the error is in
 * g->d), -1 (memory), else 0.
 */
static int
cfg_gevent(struct cfg_gstate *g, const yaml_event_t *e)
{
	const struct cfg_anchor	*a;
	struct cfg_anchor	*o;
	const yaml_char_t	*anchor;
	int			 line = (int)e->start_mark.line + 1 + g->line0;
	int			 col = (int)e->start_mark.column + 1;

	switch (e->type) {
	case YAML_SCALAR_EVENT:
		return cfg_gcount(g, e->data.scalar.anchor, 1,
		    e->data.scalar.length);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (g->depth == CFG_MAX_DEPTH) {
			diag_add(g->d, DIAG_ERROR, g->name, line, col,
			    "%s: lists and maps are nested more than %d deep",
			    g->what, CFG_MAX_DEPTH);
			return 1;
		}
		anchor = e->type == YAML_SEQUENCE_START_EVENT ?
		    e->data.sequence_start.anchor :
		    e->data.mapping_start.anchor;
		o = &g->open[g->depth++];
		o->nodes = o->bytes = 0;
		o->name = NULL;
		if (anchor != NULL &&
		    (o->name = strdup((const char *)anchor)) == NULL)
			return -1;
		return 0;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT: {
		struct cfg_anchor done;
		int		 rc;

		if (g->depth == 0)
			return 0;
		done = g->open[--g->depth];
		rc = cfg_gcount(g, (const unsigned char *)done.name,
		    done.nodes + 1, done.bytes);
		free(done.name);
		return rc;
	}
	case YAML_ALIAS_EVENT:
		if ((a = cfg_gfind(g, e->data.alias.anchor)) == NULL)
			return 0;   /* the loader reports it */
		g->alias_nodes += a->nodes;
		g->alias_bytes += a->bytes;
		if (g->alias_nodes > CFG_MAX_ALIAS_VALUES ||
		    g->alias_bytes > CFG_MAX_ALIAS_BYTES) {
			diag_add(g->d, DIAG_ERROR, g->name, line, col,
			    "%s: the aliases (*%s) stand for more than %d "
			    "values or %d bytes in all; write the values out",
			    g->what, (const char *)e->data.alias.anchor,
			    CFG_MAX_ALIAS_VALUES, CFG_MAX_ALIAS_BYTES);
			return 1;
		}
		return cfg_gcount(g, NULL, a->nodes, a->bytes);
	default:
		return 0;
	}
}

int
config_yaml_guard(const char *name, int line0, const char *what,
    const char *text, size_t len, struct diag *d)
{
	yaml_parser_t	 p;
	yaml_event_t	 e;
	struct cfg_gstate *g = calloc(1, sizeof(*g));
	int		 rc = 0, end = 0;
	size_t		 i;

	if (g == NULL)
		return -1;
	g->name = name;
	g->what = what;
	g->line0 = line0;
	g->d = d;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (!end && rc == 0 && yaml_parser_parse(&p, &e)) {
		rc = cfg_gevent(g, &e);
		end = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&p);
	for (i = 0; i < (size_t)g->depth; i++)
		free(g->open[i].name);
	for (i = 0; i < g->nanchors; i++)
		free(g->anchors[i].name);
	free(g->anchors);
	free(g);
	return rc == 0 ? 0 : -1;
}

int
config_load(const char *path, const struct config_key *keys,
    struct tmpl_vars *vars, struct diag *d)
{
	yaml_parser_t	 parser;
	yaml_document_t	 doc;
	yaml_node_t	*root;
	yaml_node_pair_t *pp;
	char		*text;
	size_t		 len;
	int		 rc, errs = diag_errors(d);

	if ((rc = text_read_file(path, TEXT_ENC_AUTO, d, &text, &len)) != VB_OK)
		return rc;
	if (config_yaml_guard(path, 0, vb_tr("config"), text, len, d) == -1) {
		free(text);
		return VB_EINPUT;
	}
	if (!yaml_parser_initialize(&parser)) {
		free(text);
		return VB_ESYS;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text,
	    len);
	if (!yaml_parser_load(&parser, &doc)) {
		diag_add(d, DIAG_ERROR, path, (int)parser.problem_mark.line + 1,
		    (int)parser.problem_mark.column + 1, "YAML: %s",
		    parser.problem ? vb_yaml_tr(parser.problem) : vb_tr("syntax error"));
		yaml_parser_delete(&parser);
		free(text);
		return VB_EINPUT;
	}
	rc = VB_OK;
	root = yaml_document_get_root_node(&doc);
	if (root != NULL && root->type != YAML_MAPPING_NODE) {
		diag_add(d, DIAG_ERROR, path, (int)root->start_mark.line + 1, 0,
		    "expected key: value lines");
		rc = VB_EINPUT;
	} else if (root != NULL) {
		for (pp = root->data.mapping.pairs.start;
		    pp < root->data.mapping.pairs.top; pp++) {
			yaml_node_t *k = yaml_document_get_node(&doc, pp->key);
			yaml_node_t *v = yaml_document_get_node(&doc, pp->value);

			if (k == NULL || v == NULL)
				continue;
			if (config_pair(path, &doc, keys, k, v, vars, d) != 0) {
				rc = VB_ESYS;
				break;
			}
		}
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	free(text);
	if (rc == VB_OK && diag_errors(d) > errs)
		rc = VB_EINPUT;
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
