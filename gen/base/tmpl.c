/*
 * tmpl.c - the template language of the generators' skeletons (a small
 * subset of Mustache), its variables, and the string helpers the
 * generator shares (the escapes of its |md and |yaml filters: mdesc.c).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/base.h"

/* ------------------------------------------------------------------ */
/* Variables                                                            */
/* ------------------------------------------------------------------ */

struct tmpl_var {
	char	 *key;
	char	**items;   /* a string variable has exactly one */
	size_t	  n;
	size_t	  cap;     /* items allocated */
	int	  list;    /* declared a list */
};

struct tmpl_vars {
	struct tmpl_var	*v;
	size_t		 n, cap;
	size_t		*idx;      /* v by key: indices + 1, 0 empty */
	size_t		 idxcap;   /* its slots, a power of 2 (or 0) */
};

struct tmpl_vars *
tmpl_vars_new(void)
{
	return calloc(1, sizeof(struct tmpl_vars));
}

static void
tmpl_var_clear(struct tmpl_var *v)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		free(v->items[i]);
	free(v->items);
	v->items = NULL;
	v->n = v->cap = 0;
}

void
tmpl_vars_free(struct tmpl_vars *vs)
{
	size_t i;

	if (vs == NULL)
		return;
	for (i = 0; i < vs->n; i++) {
		tmpl_var_clear(&vs->v[i]);
		free(vs->v[i].key);
	}
	free(vs->v);
	free(vs->idx);
	free(vs);
}

/* FNV-1a of a key's keylen bytes. */
static size_t
tmpl_key_hash(const char *key, size_t keylen)
{
	uint64_t	h = 14695981039346656037ULL;
	size_t		i;

	for (i = 0; i < keylen; i++)
		h = (h ^ (unsigned char)key[i]) * 1099511628211ULL;
	return (size_t)(h ^ h >> 32);
}

/* Put variable i into the index (which has a free slot). */
static void
tmpl_index_put(struct tmpl_vars *vs, size_t i)
{
	const char	*k = vs->v[i].key;
	size_t		 s = tmpl_key_hash(k, strlen(k)) & (vs->idxcap - 1);

	while (vs->idx[s] != 0)
		s = (s + 1) & (vs->idxcap - 1);
	vs->idx[s] = i + 1;
}

/*
 * Index the variable just added (the last one), growing the index to
 * keep it at most half full.  Looking each key up among all the others
 * made a config of 40,000 keys (1.2 MB) take 4 s.  -1 on OOM.
 */
static int
tmpl_index_add(struct tmpl_vars *vs)
{
	size_t	 cap, i;
	size_t	*idx;

	if (vs->n * 2 > vs->idxcap) {
		for (cap = vs->idxcap ? vs->idxcap * 2 : 64; cap < vs->n * 2;)
			cap *= 2;
		if ((idx = calloc(cap, sizeof(*idx))) == NULL)
			return -1;
		free(vs->idx);
		vs->idx = idx;
		vs->idxcap = cap;
		for (i = 0; i + 1 < vs->n; i++)
			tmpl_index_put(vs, i);
	}
	tmpl_index_put(vs, vs->n - 1);
	return 0;
}

static struct tmpl_var *
tmpl_vars_find(const struct tmpl_vars *vs, const char *key, size_t keylen)
{
	size_t	 s, i;

	if (vs->idxcap == 0)
		return NULL;
	for (s = tmpl_key_hash(key, keylen) & (vs->idxcap - 1);
	    vs->idx[s] != 0; s = (s + 1) & (vs->idxcap - 1)) {
		i = vs->idx[s] - 1;
		if (strlen(vs->v[i].key) == keylen &&
		    memcmp(vs->v[i].key, key, keylen) == 0)
			return &vs->v[i];
	}
	return NULL;
}

/* The variable named key, created empty when absent; NULL on OOM. */
static struct tmpl_var *
tmpl_vars_slot(struct tmpl_vars *vs, const char *key)
{
	struct tmpl_var *v;

	if ((v = tmpl_vars_find(vs, key, strlen(key))) != NULL)
		return v;
	if (vb_grow((void **)&vs->v, &vs->cap, vs->n + 1, sizeof(*vs->v)) != 0)
		return NULL;
	v = &vs->v[vs->n];
	memset(v, 0, sizeof(*v));
	if ((v->key = strdup(key)) == NULL)
		return NULL;
	vs->n++;
	if (tmpl_index_add(vs) != 0) {
		free(v->key);
		vs->n--;
		return NULL;
	}
	return v;
}

static int
tmpl_var_append(struct tmpl_var *v, const char *s)
{
	if (vb_grow((void **)&v->items, &v->cap, v->n + 1,
	    sizeof(*v->items)) != 0)
		return -1;
	if ((v->items[v->n] = strdup(s)) == NULL)
		return -1;
	v->n++;
	return 0;
}

int
tmpl_vars_set(struct tmpl_vars *vs, const char *key, const char *value)
{
	struct tmpl_var *v;

	if ((v = tmpl_vars_slot(vs, key)) == NULL)
		return -1;
	tmpl_var_clear(v);
	v->list = 0;
	return tmpl_var_append(v, value);
}

int
tmpl_vars_list(struct tmpl_vars *vs, const char *key)
{
	struct tmpl_var *v;

	if ((v = tmpl_vars_slot(vs, key)) == NULL)
		return -1;
	tmpl_var_clear(v);
	v->list = 1;
	return 0;
}

int
tmpl_vars_push(struct tmpl_vars *vs, const char *key, const char *item)
{
	struct tmpl_var *v;

	if ((v = tmpl_vars_slot(vs, key)) == NULL)
		return -1;
	v->list = 1;
	return tmpl_var_append(v, item);
}

struct tmpl_vars *
tmpl_vars_dup(const struct tmpl_vars *vs)
{
	struct tmpl_vars	*c;
	size_t		 i, j;
	int		 bad = 0;

	if ((c = tmpl_vars_new()) == NULL)
		return NULL;
	for (i = 0; i < vs->n && !bad; i++) {
		const struct tmpl_var *v = &vs->v[i];

		if (v->list) {
			bad = tmpl_vars_list(c, v->key) != 0;
			for (j = 0; j < v->n && !bad; j++)
				bad = tmpl_vars_push(c, v->key, v->items[j]) != 0;
		} else
			bad = tmpl_vars_set(c, v->key, v->n ? v->items[0] : "")
			    != 0;
	}
	if (bad) {
		tmpl_vars_free(c);
		return NULL;
	}
	return c;
}

size_t
tmpl_vars_count(const struct tmpl_vars *vs, const char *key)
{
	const struct tmpl_var *v = tmpl_vars_find(vs, key, strlen(key));

	return v ? v->n : 0;
}

const char *
tmpl_vars_item(const struct tmpl_vars *vs, const char *key, size_t i)
{
	const struct tmpl_var *v = tmpl_vars_find(vs, key, strlen(key));

	return (v != NULL && i < v->n) ? v->items[i] : NULL;
}

const char *
tmpl_vars_get(const struct tmpl_vars *vs, const char *key)
{
	const struct tmpl_var *v = tmpl_vars_find(vs, key, strlen(key));

	return (v != NULL && v->n > 0) ? v->items[0] : NULL;
}

/* ------------------------------------------------------------------ */
/* Escapes                                                              */
/* ------------------------------------------------------------------ */

char *
tmpl_yaml_scalar(const char *s)
{
	return mdesc_yaml(s);
}

/* ------------------------------------------------------------------ */
/* Expansion                                                            */
/* ------------------------------------------------------------------ */

#define TMPL_DEPTH 16   /* sections open at once */

struct tmpl_section {
	char	 key[64];   /* the key that opened it */
	int	 line;      /* where */
	int	 active;    /* emitting inside */
};

/* The state of one expansion. */
struct tmpl_run {
	const char		*name;   /* skeleton name, for messages */
	const char		*tmpl;   /* its text */
	const struct tmpl_vars	*vs;
	struct diag		*d;
	struct vbuf		 b;      /* the output */
	struct tmpl_section	 st[TMPL_DEPTH];
	int			 depth;  /* sections open */
	int			 line;   /* current line of the skeleton */
	int			 errs;   /* errors so far */
	int			 active; /* emitting here */
	size_t			 linestart_out;  /* output offset of the line */
};

/* Whether a variable makes a section true. */
static int
tmpl_var_truthy(const struct tmpl_var *v)
{
	if (v == NULL || v->n == 0)
		return 0;
	if (v->list)
		return 1;
	return v->items[0][0] != '\0' && strcmp(v->items[0], "0") != 0;
}

/* Emit one variable through its filter. */
static void
tmpl_emit_var(struct vbuf *b, const struct tmpl_var *v, const char *filter)
{
	size_t i;

	if (strcmp(filter, "yaml") == 0 && v->list) {
		/* A block sequence on the following lines. */
		while (b->len > 0 && b->s[b->len - 1] == ' ')
			b->s[--b->len] = '\0';
		for (i = 0; i < v->n; i++) {
			char *y = tmpl_yaml_scalar(v->items[i]);

			if (y == NULL) {
				b->bad = 1;
				return;
			}
			vbuf_printf(b, "\n  - %s", y);
			free(y);
		}
		if (v->n == 0)
			vbuf_puts(b, " []");
		return;
	}
	for (i = 0; i < v->n; i++) {
		if (i > 0)
			vbuf_puts(b, v->list ? "\n" : "");
		if (strcmp(filter, "yaml") == 0) {
			char *y = tmpl_yaml_scalar(v->items[i]);

			if (y == NULL) {
				b->bad = 1;
				return;
			}
			vbuf_puts(b, y);
			free(y);
		} else if (strcmp(filter, "md") == 0)
			mdesc_inline(b, v->items[i]);
		else
			vbuf_puts(b, v->items[i]);
	}
}

static void
tmpl_err(struct tmpl_run *r, const char *msg, const char *key)
{
	diag_add(r->d, DIAG_ERROR, r->name, r->line, 0, msg, key);
	r->errs++;
}

/* Open or close a section at p ({{#key}}, {{^key}}, {{/key}}, the tag's
 * text from tag to end); returns where the skeleton goes on. */
static const char *
tmpl_section(struct tmpl_run *r, const char *p, const char *tag,
    const char *end)
{
	char			 op = *tag, key[64];
	size_t			 kl = (size_t)(end - tag - 1);
	const struct tmpl_var	*v;
	const char		*ls, *le;
	int			 standalone;

	if (kl == 0 || kl >= sizeof(key)) {
		tmpl_err(r, "bad section tag%s", "");
		return end + 2;
	}
	memcpy(key, tag + 1, kl);
	key[kl] = '\0';
	/* A line holding only this tag vanishes. */
	for (ls = p; ls > r->tmpl && (ls[-1] == ' ' || ls[-1] == '\t'); ls--)
		continue;
	for (le = end + 2; *le == ' ' || *le == '\t'; le++)
		continue;
	standalone = (ls == r->tmpl || ls[-1] == '\n') &&
	    (*le == '\n' || *le == '\0');
	if (op == '/') {
		if (r->depth == 0 || strcmp(r->st[r->depth - 1].key, key) != 0)
			tmpl_err(r, "\"{{/%s}}\" closes no open section", key);
		else
			r->depth--;
	} else if (r->depth == TMPL_DEPTH)
		tmpl_err(r, "sections nested too deep%s", "");
	else {
		if ((v = tmpl_vars_find(r->vs, key, kl)) == NULL)
			tmpl_err(r, "unknown placeholder \"%s\"", key);
		memcpy(r->st[r->depth].key, key, kl + 1);
		r->st[r->depth].line = r->line;
		r->st[r->depth].active = r->active &&
		    (op == '#') == tmpl_var_truthy(v);
		r->depth++;
	}
	if (standalone && r->active && !r->b.bad) {
		r->b.len = r->linestart_out;
		if (r->b.s != NULL)
			r->b.s[r->b.len] = '\0';
	}
	r->active = r->depth == 0 || r->st[r->depth - 1].active;
	if (!standalone)
		return end + 2;
	if (*le == '\n')
		r->line++;
	r->linestart_out = r->b.len;
	return *le == '\n' ? le + 1 : le;
}

/* A placeholder {{key}} or {{key|filter}} (the tag's text from tag to
 * end): its value when the section is active. */
static void
tmpl_placeholder(struct tmpl_run *r, const char *tag, const char *end)
{
	char			 key[64], filter[16] = "";
	const char		*bar = memchr(tag, '|', (size_t)(end - tag));
	size_t			 kl = (size_t)((bar ? bar : end) - tag);
	const struct tmpl_var	*v;

	if (kl == 0 || kl >= sizeof(key) || (bar &&
	    (size_t)(end - bar - 1) >= sizeof(filter))) {
		tmpl_err(r, "bad placeholder%s", "");
		return;
	}
	memcpy(key, tag, kl);
	key[kl] = '\0';
	if (bar) {
		memcpy(filter, bar + 1, (size_t)(end - bar - 1));
		filter[end - bar - 1] = '\0';
	}
	if (filter[0] != '\0' && strcmp(filter, "yaml") != 0 &&
	    strcmp(filter, "md") != 0)
		tmpl_err(r, "unknown filter \"|%s\" (yaml, md)", filter);
	else if ((v = tmpl_vars_find(r->vs, key, kl)) == NULL)
		tmpl_err(r, "unknown placeholder \"%s\"", key);
	else if (r->active)
		tmpl_emit_var(&r->b, v, filter);
}

int
tmpl_expand(const char *name, const char *tmpl, const struct tmpl_vars *vs,
    struct diag *d, char **out)
{
	struct tmpl_run	 r;
	const char	*p = tmpl, *tag, *end;

	memset(&r, 0, sizeof(r));
	r.name = name;
	r.tmpl = tmpl;
	r.vs = vs;
	r.d = d;
	r.line = 1;
	r.active = 1;
	*out = NULL;
	while (*p != '\0') {
		if (p[0] != '{' || p[1] != '{') {
			if (r.active)
				vbuf_putn(&r.b, p, 1);
			if (*p == '\n') {
				r.line++;
				r.linestart_out = r.b.len;
			}
			p++;
			continue;
		}
		tag = p + 2;
		if ((end = strstr(tag, "}}")) == NULL ||
		    memchr(tag, '\n', (size_t)(end - tag)) != NULL) {
			tmpl_err(&r, "unclosed placeholder \"{{\"%s", "");
			break;
		}
		if (*tag == '#' || *tag == '^' || *tag == '/')
			p = tmpl_section(&r, p, tag, end);
		else {
			tmpl_placeholder(&r, tag, end);
			p = end + 2;
		}
	}
	if (r.depth > 0) {
		diag_add(d, DIAG_ERROR, name, r.st[r.depth - 1].line, 0,
		    "section \"{{#%s}}\" is never closed",
		    r.st[r.depth - 1].key);
		r.errs++;
	}
	if (r.b.bad) {
		free(r.b.s);
		diag_add(d, DIAG_ERROR, name, 0, 0, "out of memory");
		return VB_ESYS;
	}
	if (r.errs > 0) {
		free(r.b.s);
		return VB_EINPUT;
	}
	*out = vbuf_take(&r.b);
	return *out ? VB_OK : VB_ESYS;
}

int
tmpl_vars_setf(struct tmpl_vars *v, const char *key, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;
	int	 n, rc;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		return -1;
	rc = tmpl_vars_set(v, key, s);
	free(s);
	return rc;
}
