/*
 * frontmatter.c - the YAML front matter (between the first line "---"
 * and the next) into struct doc_meta, through libyaml.  Every problem is
 * reported at its line and column in the user's file.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "vanban.h"
#include "doc/doc.h"
#include "doc/doc_int.h"

static int
fm_line(const struct pctx *c, const yaml_node_t *n)
{
	return (int)n->start_mark.line + 1 + c->fm_line0;
}

static int
fm_col(const yaml_node_t *n)
{
	return (int)n->start_mark.column + 1;
}

/* A scalar's value, trimmed, malloc'd; NULL and an error otherwise (a
 * value too long for the PDF is an error, and returned). */
static char *
fm_scalar(struct pctx *c, const yaml_node_t *n, const char *key)
{
	const char	*s;
	size_t		 len;

	if (n->type != YAML_SCALAR_NODE) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, n),
		    fm_col(n), "'%s' must be a single value", key);
		return NULL;
	}
	s = (const char *)n->data.scalar.value;
	len = n->data.scalar.length;
	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len > DOC_MAX_STRING)
		diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, n),
		    fm_col(n), "'%s' is %zu bytes long; the PDF holds a value "
		    "of at most %d bytes", key, len, DOC_MAX_STRING);
	return strndup(s, len);
}

/* A scalar or a sequence of scalars into l. */
static int
fm_list(struct pctx *c, yaml_document_t *y, const yaml_node_t *n,
    const char *key, struct doc_list *l)
{
	yaml_node_item_t *it;

	if (n->type == YAML_SCALAR_NODE) {
		char *s = fm_scalar(c, n, key);

		if (s == NULL)
			return -1;
		if (*s == '\0') {
			free(s);
			return 0;
		}
		l->v = malloc(sizeof(char *));
		if (l->v == NULL) {
			free(s);
			return -1;
		}
		l->v[0] = s;
		l->n = 1;
		return 0;
	}
	if (n->type != YAML_SEQUENCE_NODE) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, n),
		    fm_col(n), "'%s' must be a value or a list of values", key);
		return -1;
	}
	for (it = n->data.sequence.items.start;
	    it < n->data.sequence.items.top; it++) {
		yaml_node_t	*e = yaml_document_get_node(y, *it);
		char		*s;

		if (e == NULL || (s = fm_scalar(c, e, key)) == NULL)
			return -1;
		if (vb_grow((void **)&l->v, &l->cap, l->n + 1,
		    sizeof(*l->v)) != 0) {
			free(s);
			return -1;
		}
		l->v[l->n++] = s;
	}
	return 0;
}

/* "YYYY-MM-DD" into y, m, d; 0 if it is a real date of the Republic's
 * documents (1945-2999). */
static int
fm_date(const char *s, int *y, int *m, int *d)
{
	size_t i;

	/* ISO only in the front matter: digits and dashes, 10 of them. */
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return -1;
	if (text_date_parse(s, y, m, d) == -1 || *y < 1945 || *y > 2999)
		return -1;
	return 0;
}

static int
fm_signer(struct pctx *c, yaml_document_t *y, const yaml_node_t *n,
    struct doc_signer *s)
{
	yaml_node_pair_t *p;
	char		 *u;

	memset(s, 0, sizeof(*s));
	if (n->type != YAML_MAPPING_NODE) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, n),
		    fm_col(n), "'ky' must have the keys tham_quyen, chuc_vu "
		    "and ho_ten");
		return -1;
	}
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		yaml_node_t	*k = yaml_document_get_node(y, p->key);
		yaml_node_t	*v = yaml_document_get_node(y, p->value);
		const char	*key;
		char		**dst;

		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE)
			continue;
		key = (const char *)k->data.scalar.value;
		if (strcmp(key, "tham_quyen") == 0)
			dst = &s->tham_quyen;
		else if (strcmp(key, "chuc_vu") == 0)
			dst = &s->chuc_vu;
		else if (strcmp(key, "ho_ten") == 0)
			dst = &s->ho_ten;
		else {
			diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, k),
			    fm_col(k), "unknown key 'ky.%s' (known: tham_quyen, "
			    "chuc_vu, ho_ten)", key);
			continue;
		}
		free(*dst);
		if ((*dst = fm_scalar(c, v, key)) == NULL)
			goto fail;
	}
	if (s->tham_quyen != NULL && *s->tham_quyen == '\0') {
		free(s->tham_quyen);
		s->tham_quyen = NULL;
	}
	/* A head who signs on his own authority has one title line
	 * ("GIÁM ĐỐC"), whichever key it was written under: it is kept as
	 * chuc_vu (7a's last line), tham_quyen then NULL. */
	if ((s->chuc_vu == NULL || *s->chuc_vu == '\0') &&
	    s->tham_quyen != NULL) {
		free(s->chuc_vu);
		s->chuc_vu = s->tham_quyen;
		s->tham_quyen = NULL;
	}
	if (s->chuc_vu == NULL || s->ho_ten == NULL) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, n),
		    fm_col(n), "'ky' needs chuc_vu and ho_ten");
		goto fail;
	}
	/* 7a is set in capitals whatever the source says. */
	if (s->tham_quyen != NULL && (u = doc_upper(s->tham_quyen)) != NULL) {
		free(s->tham_quyen);
		s->tham_quyen = u;
	}
	if ((u = doc_upper(s->chuc_vu)) != NULL) {
		free(s->chuc_vu);
		s->chuc_vu = u;
	}
	return 0;
fail:
	/* Not counted in nky: doc_free would not see these. */
	free(s->tham_quyen);
	free(s->chuc_vu);
	free(s->ho_ten);
	memset(s, 0, sizeof(*s));
	return -1;
}

static const char *const fm_keys[] = {
	"loai", "co_quan_chu_quan", "co_quan", "so", "ky_hieu", "dia_danh",
	"ngay", "nam", "trich_yeu", "kinh_gui", "ky", "noi_nhan", "luu",
	"nguoi_soan", "du_thao", "do_khan", "encoding", "co_chu", "gian_dong",
	NULL
};

/* 'ky': one signer, or a list of two for a joint document. */
static void
fm_ky(struct pctx *c, yaml_document_t *y, const yaml_node_t *v)
{
	struct doc_meta	 *m = &c->doc->meta;
	yaml_node_item_t *it;

	if (v->type == YAML_SEQUENCE_NODE) {
		size_t n = (size_t)(v->data.sequence.items.top -
		    v->data.sequence.items.start);

		if (n < 1 || n > 2) {
			diag_add(c->d, DIAG_ERROR, c->doc->name,
			    fm_line(c, v), fm_col(v), "'ky' lists %zu "
			    "signers; one, or two for a joint document",
			    n);
			return;
		}
		m->ky = calloc(n, sizeof(*m->ky));
		if (m->ky == NULL)
			return;
		for (it = v->data.sequence.items.start;
		    it < v->data.sequence.items.top; it++)
			if (fm_signer(c, y, yaml_document_get_node(y,
			    *it), &m->ky[m->nky]) == 0)
				m->nky++;
	} else {
		if ((m->ky = calloc(1, sizeof(*m->ky))) == NULL)
			return;
		if (fm_signer(c, y, v, m->ky) == 0)
			m->nky = 1;
	}
}

/* 'do_khan' from its value s (freed): KHẨN, THƯỢNG KHẨN or HỎA TỐC. */
static void
fm_do_khan(struct pctx *c, const yaml_node_t *v, char *s)
{
	struct doc_meta	*m = &c->doc->meta;
	char		*u = doc_upper(s);

	free(s);
	if (u != NULL && strcmp(u, "HOẢ TỐC") == 0) {
		free(u);
		u = strdup("HỎA TỐC");
	}
	if (u == NULL || *u == '\0') {
		free(u);
		return;
	}
	if (strcmp(u, "KHẨN") != 0 && strcmp(u, "THƯỢNG KHẨN") != 0 &&
	    strcmp(u, "HỎA TỐC") != 0) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, v),
		    fm_col(v), "'do_khan' is \"%s\"; it must be KHẨN, "
		    "THƯỢNG KHẨN or HỎA TỐC", u);
		free(u);
		return;
	}
	m->do_khan = u;
}

/* 'co_chu' (body size: 13 or 14 pt) and 'gian_dong' (line spacing:
 * 1.0 to 1.5 lines, a decimal point or comma) from s (freed), the ranges
 * of Nghị định 30; they fix what layout would otherwise choose. */
static void
fm_fit(struct pctx *c, const yaml_node_t *v, const char *key, char *s)
{
	struct doc_meta	*m = &c->doc->meta;
	char		*e, *q;
	double		 x;

	for (q = s; *q != '\0'; q++)
		if (*q == ',')
			*q = '.';
	x = strtod(s, &e);
	if (strcmp(key, "co_chu") == 0) {
		if (e == s || *e != '\0' || (x != 13 && x != 14))
			diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, v),
			    fm_col(v), "'co_chu' is \"%s\"; the body size must "
			    "be 13 or 14 (pt)", s);
		else
			m->co_chu_pt = x;
	} else {
		if (e == s || *e != '\0' || !(x >= 1.0 && x <= 1.5))
			diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, v),
			    fm_col(v), "'gian_dong' is \"%s\"; the line "
			    "spacing must be from 1.0 (single) to 1.5 lines", s);
		else
			m->gian_dong = x;
	}
	free(s);
}

/* One key of the front matter. */
static void
fm_key(struct pctx *c, yaml_document_t *y, const yaml_node_t *v,
    const char *key)
{
	struct doc_meta	*m = &c->doc->meta;
	char		*s = NULL;

	if (strcmp(key, "co_quan") == 0) {
		size_t i, n = 0;

		fm_list(c, y, v, key, &m->co_quan);
		/* Its lines, joined by spaces, are the PDF's author. */
		for (i = 0; i < m->co_quan.n; i++)
			n += strlen(m->co_quan.v[i]) + (i > 0);
		if (m->co_quan.n > 1 && n > DOC_MAX_STRING)
			diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, v),
			    fm_col(v), "'co_quan' is %zu bytes long; the PDF "
			    "holds a value of at most %d bytes", n,
			    DOC_MAX_STRING);
		return;
	}
	if (strcmp(key, "kinh_gui") == 0) {
		fm_list(c, y, v, key, &m->kinh_gui);
		return;
	}
	if (strcmp(key, "noi_nhan") == 0) {
		fm_list(c, y, v, key, &m->noi_nhan);
		return;
	}
	if (strcmp(key, "ky") == 0) {
		fm_ky(c, y, v);
		return;
	}
	if (strcmp(key, "du_thao") == 0 && v->type == YAML_SCALAR_NODE) {
		s = fm_scalar(c, v, key);
		if (s == NULL)
			return;
		if (strcmp(s, "true") == 0 || strcmp(s, "yes") == 0)
			m->du_thao = strdup("DỰ THẢO");
		else if (strcmp(s, "false") != 0 && strcmp(s, "no") != 0 &&
		    *s != '\0')
			m->du_thao = doc_upper(s);
		free(s);
		return;
	}
	if ((s = fm_scalar(c, v, key)) == NULL)
		return;
	if (strcmp(key, "loai") == 0) {
		m->loai = doc_upper(s);
		m->cong_van = strcmp(m->loai, "CÔNG VĂN") == 0;
		free(s);
	} else if (strcmp(key, "co_quan_chu_quan") == 0) {
		if (*s != '\0')
			m->co_quan_chu_quan = doc_upper(s);
		free(s);
	} else if (strcmp(key, "so") == 0) {
		if (*s != '\0')
			m->so = s;
		else
			free(s);
	} else if (strcmp(key, "ky_hieu") == 0)
		m->ky_hieu = s;
	else if (strcmp(key, "dia_danh") == 0)
		m->dia_danh = s;
	else if (strcmp(key, "trich_yeu") == 0)
		m->trich_yeu = s;
	else if (strcmp(key, "luu") == 0)
		m->luu = s;
	else if (strcmp(key, "nguoi_soan") == 0) {
		if (*s != '\0')
			m->nguoi_soan = s;
		else
			free(s);
	} else if (strcmp(key, "ngay") == 0) {
		if (*s != '\0' && fm_date(s, &m->year, &m->month, &m->day))
			diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, v),
			    fm_col(v), "wrong date \"%s\": write the day as "
			    "YYYY-MM-DD (2020-01-10), a real date", s);
		free(s);
	} else if (strcmp(key, "nam") == 0) {
		char *e;
		long yv = strtol(s, &e, 10);

		if (*e != '\0' || yv < 1945 || yv > 2999)
			diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, v),
			    fm_col(v), "wrong year \"%s\"", s);
		else if (m->day == 0)
			m->year = (int)yv;
		free(s);
	} else if (strcmp(key, "do_khan") == 0)
		fm_do_khan(c, v, s);
	else if (strcmp(key, "co_chu") == 0 || strcmp(key, "gian_dong") == 0)
		fm_fit(c, v, key, s);
	else
		free(s);   /* encoding: used when reading */
}

/*
 * Limits of the front matter, checked on libyaml's events before the
 * document is loaded: libyaml takes quadratic time on deep nesting (80 s
 * for 100,000 levels) and its aliases let a small text stand for a huge
 * one.  A real front matter nests 3 deep and needs no alias.
 */
#define FM_MAX_DEPTH		64        /* nested lists and maps */
#define FM_MAX_ALIAS_VALUES	10000     /* values aliases may add in all */
#define FM_MAX_ALIAS_BYTES	1048576   /* bytes of text they may add */

/* What an anchored value stands for, once expanded. */
struct fm_anchor {
	char	*name;    /* the anchor's name */
	size_t	 nodes;   /* values in it, aliases expanded */
	size_t	 bytes;   /* bytes of its scalars, aliases expanded */
};

/* The state of fm_guard: open collections and the anchors seen. */
struct fm_gstate {
	struct fm_anchor  open[FM_MAX_DEPTH + 1];  /* open collections */
	int		  depth;       /* of them */
	struct fm_anchor *anchors;     /* anchors defined so far */
	size_t		  nanchors;    /* of them */
	size_t		  cap;         /* anchors allocated */
	size_t		  alias_nodes; /* values added by aliases */
	size_t		  alias_bytes; /* bytes added by aliases */
};

/* Count a value of `nodes` values and `bytes` bytes in the open
 * collection; record it under anchor (if any).  -1 (memory). */
static int
fm_gcount(struct fm_gstate *g, const unsigned char *anchor, size_t nodes,
    size_t bytes)
{
	struct fm_anchor *a;

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
static const struct fm_anchor *
fm_gfind(const struct fm_gstate *g, const unsigned char *name)
{
	size_t i;

	for (i = g->nanchors; i > 0; i--)
		if (strcmp(g->anchors[i - 1].name, (const char *)name) == 0)
			return &g->anchors[i - 1];
	return NULL;
}

/*
 * One event of the front matter: 1 when a limit is passed (the error is
 * in c->d), -1 (memory), else 0.
 */
static int
fm_gevent(struct pctx *c, struct fm_gstate *g, const yaml_event_t *e)
{
	const struct fm_anchor	*a;
	struct fm_anchor	*o;
	const yaml_char_t	*anchor;
	int			 line = (int)e->start_mark.line + 1 + c->fm_line0;
	int			 col = (int)e->start_mark.column + 1;

	switch (e->type) {
	case YAML_SCALAR_EVENT:
		return fm_gcount(g, e->data.scalar.anchor, 1,
		    e->data.scalar.length);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (g->depth == FM_MAX_DEPTH) {
			diag_add(c->d, DIAG_ERROR, c->doc->name, line, col,
			    "front matter: lists and maps are nested more than "
			    "%d deep", FM_MAX_DEPTH);
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
		struct fm_anchor done;
		int		 rc;

		if (g->depth == 0)
			return 0;
		done = g->open[--g->depth];
		rc = fm_gcount(g, (const unsigned char *)done.name,
		    done.nodes + 1, done.bytes);
		free(done.name);
		return rc;
	}
	case YAML_ALIAS_EVENT:
		if ((a = fm_gfind(g, e->data.alias.anchor)) == NULL)
			return 0;   /* the loader reports it */
		g->alias_nodes += a->nodes;
		g->alias_bytes += a->bytes;
		if (g->alias_nodes > FM_MAX_ALIAS_VALUES ||
		    g->alias_bytes > FM_MAX_ALIAS_BYTES) {
			diag_add(c->d, DIAG_ERROR, c->doc->name, line, col,
			    "front matter: the aliases (*%s) stand for more "
			    "than %d values or %d bytes in all; write the "
			    "values out", (const char *)e->data.alias.anchor,
			    FM_MAX_ALIAS_VALUES, FM_MAX_ALIAS_BYTES);
			return 1;
		}
		return fm_gcount(g, NULL, a->nodes, a->bytes);
	default:
		return 0;
	}
}

/*
 * Check the nesting depth and the alias expansion of the YAML text
 * (len bytes) on libyaml's events, stopping at the first value beyond a
 * limit.  -1 with an error in c->d when a limit is passed or memory
 * ran out; 0 otherwise (a syntax error is left to the loader to report).
 */
static int
fm_guard(struct pctx *c, const char *text, size_t len)
{
	yaml_parser_t	 p;
	yaml_event_t	 e;
	struct fm_gstate *g = calloc(1, sizeof(*g));
	int		 rc = 0, end = 0;
	size_t		 i;

	if (g == NULL)
		return -1;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (!end && rc == 0 && yaml_parser_parse(&p, &e)) {
		rc = fm_gevent(c, g, &e);
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
doc_fm_parse(struct pctx *c, const char *text, size_t len, const char **body)
{
	yaml_parser_t	 p;
	yaml_document_t	 y;
	yaml_node_t	*root;
	const char	*end, *q;
	int		 line = 2, rc = -1;
	int		 seen[sizeof(fm_keys) / sizeof(fm_keys[0])];
	yaml_node_pair_t *pair;

	memset(seen, 0, sizeof(seen));

	if (len < 4 || strncmp(text, "---\n", 4) != 0) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, 1, 1, "no front "
		    "matter: the source must start with a line \"---\", the "
		    "YAML keys (loai, co_quan, trich_yeu, ky, ...), and "
		    "\"---\"");
		return -1;
	}
	for (q = text + 4, end = NULL; q < text + len; line++) {
		const char *nl = memchr(q, '\n', (size_t)(text + len - q));
		size_t ll = nl ? (size_t)(nl - q) : (size_t)(text + len - q);

		if ((ll == 3 && (strncmp(q, "---", 3) == 0 ||
		    strncmp(q, "...", 3) == 0))) {
			end = q;
			*body = nl ? nl + 1 : text + len;
			c->body_line0 = line;
			break;
		}
		if (nl == NULL)
			break;
		q = nl + 1;
	}
	if (end == NULL) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, 1, 1, "the front "
		    "matter has no closing line \"---\"");
		return -1;
	}
	c->fm_line0 = 1;
	if (fm_guard(c, text + 4, (size_t)(end - text - 4)) == -1)
		return -1;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text + 4,
	    (size_t)(end - text - 4));
	if (!yaml_parser_load(&p, &y)) {
		diag_add(c->d, DIAG_ERROR, c->doc->name,
		    (int)p.problem_mark.line + 1 + c->fm_line0,
		    (int)p.problem_mark.column + 1, "front matter: %s%s%s",
		    p.problem ? p.problem : "malformed YAML",
		    p.context ? " " : "", p.context ? p.context : "");
		yaml_parser_delete(&p);
		return -1;
	}
	root = yaml_document_get_root_node(&y);
	if (root == NULL || root->type != YAML_MAPPING_NODE) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, 2, 1, "the front "
		    "matter must be keys and values (loai: QUYẾT ĐỊNH ...)");
		goto done;
	}
	for (pair = root->data.mapping.pairs.start;
	    pair < root->data.mapping.pairs.top; pair++) {
		yaml_node_t	*k = yaml_document_get_node(&y, pair->key);
		yaml_node_t	*v = yaml_document_get_node(&y, pair->value);
		const char	*key;
		size_t		 i;

		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE)
			continue;
		key = (const char *)k->data.scalar.value;
		for (i = 0; fm_keys[i] != NULL; i++)
			if (strcmp(key, fm_keys[i]) == 0)
				break;
		if (fm_keys[i] != NULL && seen[i] != 0) {
			diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, k),
			    fm_col(k), "key '%s' given twice (first on line "
			    "%d)", key, seen[i]);
			continue;
		}
		if (fm_keys[i] != NULL)
			seen[i] = fm_line(c, k);
		if (fm_keys[i] == NULL) {
			diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, k),
			    fm_col(k), "unknown key '%s' (known: loai, "
			    "co_quan_chu_quan, co_quan, so, ky_hieu, dia_danh, "
			    "ngay, nam, trich_yeu, kinh_gui, ky, noi_nhan, luu, "
			    "nguoi_soan, du_thao, do_khan, encoding, co_chu, "
			    "gian_dong)", key);
			continue;
		}
		fm_key(c, &y, v, key);
	}
	rc = 0;
done:
	yaml_document_delete(&y);
	yaml_parser_delete(&p);
	return rc;
}
