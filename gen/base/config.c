/*
 * config.c - YAML configuration files (key: value) loaded over template
 * variables, checked against a table of the keys a generator accepts.
 * Works on text already read: reading the file is input's
 * (input/yaml.c, config_load), which comes after base.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "base/base.h"

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
 * for 100,000 levels) and on aliases among many anchors (it looks each
 * up among all), and its aliases let a small text stand for a huge one.
 * A real front matter or config nests 3 deep and needs no alias.
 */
#define CFG_MAX_DEPTH		64        /* nested lists and maps */
#define CFG_MAX_ALIAS_VALUES	10000     /* values aliases may add in all */
#define CFG_MAX_ALIAS_BYTES	1048576   /* bytes of text they may add */
#define CFG_MAX_ANCHORS		1000      /* &names defined */

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
	size_t		  ndefs;       /* anchors defined (&name) */
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

	anchor = e->type == YAML_SCALAR_EVENT ? e->data.scalar.anchor :
	    e->type == YAML_SEQUENCE_START_EVENT ?
	    e->data.sequence_start.anchor :
	    e->type == YAML_MAPPING_START_EVENT ?
	    e->data.mapping_start.anchor : NULL;
	/* libyaml's loader looks each alias up among all the anchors: 80,000
	 * anchors and 9,000 aliases (900 KB) took 20 s. */
	if (anchor != NULL && ++g->ndefs > CFG_MAX_ANCHORS) {
		diag_add(g->d, DIAG_ERROR, g->name, line, col,
		    "%s: more than %d anchors (&%s); write the values out",
		    g->what, CFG_MAX_ANCHORS, (const char *)anchor);
		return 1;
	}
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
config_load_text(const char *path, const char *text, size_t len,
    const struct config_key *keys, struct tmpl_vars *vars, struct diag *d)
{
	yaml_parser_t	 parser;
	yaml_document_t	 doc;
	yaml_node_t	*root;
	yaml_node_pair_t *pp;
	int		 rc, errs = diag_errors(d);

	if (config_yaml_guard(path, 0, vb_tr("config"), text, len, d) == -1)
		return VB_EINPUT;
	if (!yaml_parser_initialize(&parser))
		return VB_ESYS;
	yaml_parser_set_input_string(&parser, (const unsigned char *)text,
	    len);
	if (!yaml_parser_load(&parser, &doc)) {
		diag_add(d, DIAG_ERROR, path, (int)parser.problem_mark.line + 1,
		    (int)parser.problem_mark.column + 1, "YAML: %s",
		    parser.problem ? vb_yaml_tr(parser.problem) : vb_tr("syntax error"));
		yaml_parser_delete(&parser);
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
	if (rc == VB_OK && diag_errors(d) > errs)
		rc = VB_EINPUT;
	return rc;
}
