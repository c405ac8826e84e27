/*
 * doc_parse.c - a document source (YAML front matter + CommonMark body)
 * into the document model of render.h.  libyaml reads the front matter,
 * cmark the body; CSV tables go through csvt_parse.  Every problem is
 * reported with its line and column in the user's file.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <utf8proc.h>
#include <yaml.h>

#include "vanban.h"
#include "doc/doc.h"

#define DOC_MAX_DEPTH 16   /* nested lists / quotes beyond this are flattened */

struct pctx {
	struct doc	*doc;
	struct diag	*d;
	int		 body_line0;   /* file line of the body's first line - 1 */
	int		 fm_line0;     /* file line of the YAML's first line - 1 */
	char		*dir;          /* the source's folder, for file= tables */
};

/* Upper-case a UTF-8 string (Vietnamese letters included); malloc'd. */
static char *
doc_upper(const char *s)
{
	size_t		 n = strlen(s), o = 0;
	char		*out = malloc(n * 2 + 1);
	utf8proc_ssize_t i = 0;

	if (out == NULL)
		return NULL;
	while ((size_t)i < n) {
		utf8proc_int32_t	 cp;
		utf8proc_ssize_t	 k;

		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)n - i, &cp);
		if (k <= 0) {
			out[o++] = s[i++];
			continue;
		}
		i += k;
		o += (size_t)utf8proc_encode_char(utf8proc_toupper(cp),
		    (utf8proc_uint8_t *)out + o);
	}
	out[o] = '\0';
	return out;
}

int
doc_inline_add(struct doc_inline *in, const char *text, size_t n, int face,
    int sup)
{
	struct doc_run *r;

	if (n == 0)
		return 0;
	/* Extend the last run when the face is the same. */
	if (in->n > 0 && in->runs[in->n - 1].face == face &&
	    in->runs[in->n - 1].sup == sup &&
	    strcmp(in->runs[in->n - 1].text, "\n") != 0 &&
	    !(n == 1 && text[0] == '\n')) {
		struct doc_run	*last = &in->runs[in->n - 1];
		size_t		 ln = strlen(last->text);
		char		*t = realloc(last->text, ln + n + 1);

		if (t == NULL)
			return -1;
		memcpy(t + ln, text, n);
		t[ln + n] = '\0';
		last->text = t;
		return 0;
	}
	if ((r = realloc(in->runs, (in->n + 1) * sizeof(*r))) == NULL)
		return -1;
	in->runs = r;
	r = &in->runs[in->n];
	if ((r->text = strndup(text, n)) == NULL)
		return -1;
	r->face = face;
	r->sup = sup;
	in->n++;
	return 0;
}

void
doc_inline_free(struct doc_inline *in)
{
	size_t i;

	if (in == NULL)
		return;
	for (i = 0; i < in->n; i++)
		free(in->runs[i].text);
	free(in->runs);
	in->runs = NULL;
	in->n = 0;
}

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

int
doc_is_roman(const char *s)
{
	static const char *const r[] = { "I", "II", "III", "IV", "V", "VI",
	    "VII", "VIII", "IX" };
	size_t	 i, tens = 0;

	while (*s == 'X' && tens < 3) {
		s++;
		tens++;
	}
	if (*s == '\0')
		return tens > 0;
	for (i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		if (strcmp(s, r[i]) == 0)
			return 1;
	return 0;
}

int
doc_locate(const char *text, int line, uint32_t cp, int *oline, int *ocol)
{
	const unsigned char	*p = (const unsigned char *)text;
	int			 l = 1, col = 1;
	utf8proc_ssize_t	 k;

	while (*p != '\0') {
		utf8proc_int32_t c;

		k = utf8proc_iterate(p, -1, &c);
		if (k <= 0) {
			p++;
			continue;
		}
		if (l >= line && (uint32_t)c == cp) {
			*oline = l;
			*ocol = col;
			return 1;
		}
		if (c == '\n') {
			l++;
			col = 1;
		} else
			col++;
		p += k;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Front matter                                                         */
/* ------------------------------------------------------------------ */

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

/* A scalar's value, trimmed, malloc'd; NULL and an error otherwise. */
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
		char		*s, **v;

		if (e == NULL || (s = fm_scalar(c, e, key)) == NULL)
			return -1;
		if ((v = realloc(l->v, (l->n + 1) * sizeof(char *))) == NULL) {
			free(s);
			return -1;
		}
		l->v = v;
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
	if (s->chuc_vu == NULL || s->ho_ten == NULL) {
		diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, n),
		    fm_col(n), "'ky' needs chuc_vu and ho_ten");
		goto fail;
	}
	if (s->tham_quyen != NULL && *s->tham_quyen == '\0') {
		free(s->tham_quyen);
		s->tham_quyen = NULL;
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
	"nguoi_soan", "du_thao", "do_khan", "encoding", NULL
};

/* One key of the front matter. */
static void
fm_key(struct pctx *c, yaml_document_t *y, const yaml_node_t *v,
    const char *key)
{
	struct doc_meta	*m = &c->doc->meta;
	char		*s = NULL;

	if (strcmp(key, "co_quan") == 0) {
		fm_list(c, y, v, key, &m->co_quan);
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
	} else if (strcmp(key, "do_khan") == 0) {
		char *u = doc_upper(s);

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
	} else
		free(s);   /* encoding: used when reading */
}

/*
 * The front matter between the first line "---" and the next "---" (or
 * "..."); sets *body to the text after it and c->body_line0.
 */
static int
fm_parse(struct pctx *c, const char *text, size_t len, const char **body)
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
			    "nguoi_soan, du_thao, do_khan, encoding)", key);
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

/* ------------------------------------------------------------------ */
/* Body                                                                 */
/* ------------------------------------------------------------------ */

static struct doc_block *
doc_add_block(struct doc *doc, enum doc_btype type, int line, int col)
{
	struct doc_block *b;

	if (doc->nblocks == doc->cap) {
		size_t cap = doc->cap ? doc->cap * 2 : 32;

		if ((b = realloc(doc->blocks, cap * sizeof(*b))) == NULL)
			return NULL;
		doc->blocks = b;
		doc->cap = cap;
	}
	b = &doc->blocks[doc->nblocks++];
	memset(b, 0, sizeof(*b));
	b->type = type;
	b->line = line;
	b->col = col;
	return b;
}

/* Inline children of a cmark block into in. */
static int
body_inlines(cmark_node *blk, struct doc_inline *in)
{
	cmark_iter		*it = cmark_iter_new(blk);
	cmark_event_type	 ev;
	int			 bold = 0, ital = 0, sup = 0, rc = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE && rc == 0) {
		cmark_node	*n = cmark_iter_get_node(it);
		const char	*lit;
		int		 face;

		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_EMPH:
			ital += ev == CMARK_EVENT_ENTER ? 1 : -1;
			continue;
		case CMARK_NODE_STRONG:
			bold += ev == CMARK_EVENT_ENTER ? 1 : -1;
			continue;
		default:
			break;
		}
		face = (bold > 0 ? DOC_BOLD : 0) | (ital > 0 ? DOC_ITALIC : 0);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(n);
			rc = doc_inline_add(in, lit, strlen(lit), face, sup);
			break;
		case CMARK_NODE_SOFTBREAK:
			rc = doc_inline_add(in, " ", 1, face, sup);
			break;
		case CMARK_NODE_LINEBREAK:
			rc = doc_inline_add(in, "\n", 1, face, sup);
			break;
		case CMARK_NODE_HTML_INLINE:
			lit = cmark_node_get_literal(n);
			if (strcmp(lit, "<sup>") == 0)
				sup = 1;
			else if (strcmp(lit, "</sup>") == 0)
				sup = 0;
			else if (strcmp(lit, "<i>") == 0 ||
			    strcmp(lit, "<em>") == 0)
				ital++;
			else if (strcmp(lit, "</i>") == 0 ||
			    strcmp(lit, "</em>") == 0)
				ital--;
			else if (strcmp(lit, "<b>") == 0 ||
			    strcmp(lit, "<strong>") == 0)
				bold++;
			else if (strcmp(lit, "</b>") == 0 ||
			    strcmp(lit, "</strong>") == 0)
				bold--;
			else if (strncmp(lit, "<br", 3) == 0)
				rc = doc_inline_add(in, "\n", 1, face, sup);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	return rc;
}

/* Strip "->" and "<-" from a centred paragraph; 1 if it was one. */
static int
body_center(struct doc_inline *in)
{
	struct doc_run	*f, *l;
	char		*t;
	size_t		 n;

	if (in->n == 0)
		return 0;
	f = &in->runs[0];
	l = &in->runs[in->n - 1];
	if (strncmp(f->text, "->", 2) != 0)
		return 0;
	n = strlen(l->text);
	while (n > 0 && l->text[n - 1] == ' ')
		n--;
	if (n < 2 || strncmp(l->text + n - 2, "<-", 2) != 0)
		return 0;
	l->text[n - 2] = '\0';
	memmove(f->text, f->text + 2, strlen(f->text + 2) + 1);
	/* Trim the spaces around the markers. */
	t = f->text;
	while (*t == ' ')
		t++;
	memmove(f->text, t, strlen(t) + 1);
	n = strlen(l->text);
	while (n > 0 && l->text[n - 1] == ' ')
		l->text[--n] = '\0';
	return 1;
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
	int	 n = 0;
	char	*e;

	*mm = 0;
	while (*s != '\0') {
		double x = strtod(s, &e);
		double *nv;

		if (e == s || x <= 0)
			goto bad;
		if (strncmp(e, "mm", 2) == 0) {
			*mm = 1;
			e += 2;
		}
		if ((nv = realloc(v, (size_t)(n + 1) * sizeof(double))) == NULL)
			goto bad;
		v = nv;
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

/*
 * A ```csv fenced block into a table block.  Options of the info string:
 * file=, widths=, header=, size=, align=.
 */
static void
body_table(struct pctx *c, cmark_node *n, int line, int col)
{
	const char		*info = cmark_node_get_fence_info(n);
	char			*opts = strdup(info ? info : ""), *tok, *save;
	char			*file = NULL, *text = NULL, *fname = NULL;
	const char		*csvname = c->doc->name;
	size_t			 tlen, r, k;
	int			 line0 = line, errs = diag_errors(c->d);
	struct doc_table	*t = calloc(1, sizeof(*t));
	struct csvt		*csv = NULL;
	struct doc_block	*b;
	double			*w = NULL;
	int			 nw = 0, wmm = 0;
	enum text_enc		 fenc = TEXT_ENC_AUTO;

	if (opts == NULL || t == NULL)
		goto done;
	t->header_rows = 1;
	t->size_pt = 13;
	for (tok = strtok_r(opts, " \t", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t", &save)) {
		if (strcmp(tok, "csv") == 0)
			continue;
		if (strncmp(tok, "file=", 5) == 0)
			file = tok + 5;
		else if (strncmp(tok, "widths=", 7) == 0) {
			if ((nw = body_numbers(tok + 7, &w, &wmm)) < 0)
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
			double s = strtod(tok + 5, &e);

			if (*e != '\0' || s < 8 || s > 14)
				diag_add(c->d, DIAG_ERROR, c->doc->name, line,
				    col, "table option '%s': the size is 8 to "
				    "14 pt", tok);
			else
				t->size_pt = s;
		} else if (strncmp(tok, "encoding=", 9) == 0) {
			if (text_enc_parse(tok + 9, &fenc) == -1)
				diag_add(c->d, DIAG_ERROR, c->doc->name, line,
				    col, "table option '%s': the encoding is "
				    "utf-8, utf-16, cp1258 or tcvn3", tok);
		} else if (strncmp(tok, "align=", 6) == 0) {
			const char *a = tok + 6;

			free(t->align);
			t->align = calloc(strlen(a) + 1, 1);
			for (k = 0; t->align && *a; a++) {
				if (*a == ',')
					continue;
				if (strchr("lcrj", *a) == NULL) {
					diag_add(c->d, DIAG_ERROR, c->doc->name,
					    line, col, "table option '%s': one "
					    "of l, c, r, j per column", tok);
					break;
				}
				t->align[k++] = *a;
			}
		} else
			diag_add(c->d, DIAG_ERROR, c->doc->name, line, col,
			    "unknown table option '%s' (known: file=, widths=, "
			    "header=, size=, align=, encoding=)", tok);
	}
	if (file != NULL) {
		size_t fl;

		if (!body_safe_path(file)) {
			diag_add(c->d, DIAG_ERROR, c->doc->name, line, col,
			    "table file '%s' is outside the source's folder; "
			    "put the CSV beside the source", file);
			goto done;
		}
		fl = strlen(c->dir) + strlen(file) + 2;
		if ((fname = malloc(fl)) == NULL)
			goto done;
		if (strcmp(c->dir, ".") == 0)
			snprintf(fname, fl, "%s", file);
		else
			snprintf(fname, fl, "%s/%s", c->dir, file);
		if (text_read_file(fname, fenc, c->d, &text, &tlen) !=
		    VB_OK)
			goto done;
		csvname = fname;
		line0 = 0;
	} else {
		const char *lit = cmark_node_get_literal(n);

		text = strdup(lit ? lit : "");
		tlen = text ? strlen(text) : 0;
	}
	if (text == NULL)
		goto done;
	if (csvt_parse(csvname, text, tlen, 0, line0, c->d, &csv) != VB_OK)
		goto done;
	if (csv->nrows == 0 || csv->rows[0].nfields == 0) {
		diag_add(c->d, DIAG_ERROR, csvname, line0 + 1, 1,
		    "the table is empty");
		goto done;
	}
	t->ncols = csv->rows[0].nfields;
	t->nrows = csv->nrows;
	if (nw > 0 && (size_t)nw != t->ncols)
		diag_add(c->d, DIAG_ERROR, c->doc->name, line, col, "%d widths "
		    "for a table of %zu columns", nw, t->ncols);
	else if (nw > 0) {
		t->widths = w;
		w = NULL;
		t->widths_mm = wmm;
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
		goto done;
	for (r = 0; r < t->nrows; r++) {
		t->row_line[r] = csv->rows[r].line;
		for (k = 0; k < t->ncols && k < csv->rows[r].nfields; k++)
			if (doc_inline_parse(csv->rows[r].fields[k],
			    &t->cells[r * t->ncols + k]) == -1)
				goto done;
	}
	if (diag_errors(c->d) > errs)
		goto done;
	if ((b = doc_add_block(c->doc, DOC_TABLE, line, col)) == NULL)
		goto done;
	t->file = strdup(csvname);
	b->table = t;
	t = NULL;
done:
	if (t != NULL) {
		for (r = 0; t->cells && r < t->nrows * t->ncols; r++)
			doc_inline_free(&t->cells[r]);
		free(t->cells);
		free(t->row_line);
		free(t->widths);
		free(t->align);
		free(t);
	}
	csvt_free(csv);
	free(w);
	free(text);
	free(fname);
	free(opts);
}

static void body_blocks(struct pctx *, cmark_node *, int);

/* One list: each item's first paragraph carries the marker. */
static void
body_list(struct pctx *c, cmark_node *list, int depth)
{
	cmark_node	*item, *ch;
	int		 num = cmark_node_get_list_start(list);
	int		 ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
	int		 paren = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM;

	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item), num++) {
		int first = 1;

		for (ch = cmark_node_first_child(item); ch != NULL;
		    ch = cmark_node_next(ch)) {
			struct doc_block	*b;
			char			 mk[32];

			if (cmark_node_get_type(ch) != CMARK_NODE_PARAGRAPH) {
				body_blocks(c, ch, depth + 1);
				continue;
			}
			b = doc_add_block(c->doc, DOC_ITEM,
			    cmark_node_get_start_line(ch) + c->body_line0,
			    cmark_node_get_start_column(ch));
			if (b == NULL)
				return;
			b->level = depth;
			if (first) {
				if (ordered)
					snprintf(mk, sizeof(mk), "%d%c ", num,
					    paren ? ')' : '.');
				else
					snprintf(mk, sizeof(mk), "- ");
				b->marker = strdup(mk);
			}
			first = 0;
			body_inlines(ch, &b->in);
		}
	}
}

/* The body blocks under parent (the document, a quote or an item). */
static void
body_blocks(struct pctx *c, cmark_node *parent, int depth)
{
	cmark_node *n;

	if (depth > DOC_MAX_DEPTH)
		depth = DOC_MAX_DEPTH;
	for (n = cmark_node_first_child(parent); n != NULL;
	    n = cmark_node_next(n)) {
		int			 line = cmark_node_get_start_line(n) +
		    c->body_line0;
		int			 col = cmark_node_get_start_column(n);
		struct doc_block	*b;
		const char		*lit, *info;

		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			if ((b = doc_add_block(c->doc, DOC_PARA, line,
			    col)) == NULL)
				return;
			body_inlines(n, &b->in);
			if (body_center(&b->in))
				b->type = DOC_CENTER;
			break;
		case CMARK_NODE_HEADING:
			if ((b = doc_add_block(c->doc, DOC_HEADING, line,
			    col)) == NULL)
				return;
			b->level = cmark_node_get_heading_level(n);
			if (b->level > 3)
				b->level = 3;
			body_inlines(n, &b->in);
			for (size_t i = 0; i < b->in.n; i++)
				b->in.runs[i].face |= b->level == 3 ?
				    DOC_BOLDITALIC : DOC_BOLD;
			if (b->level == 1) {
				size_t i;

				for (i = 0; i < b->in.n; i++) {
					char *u = doc_upper(b->in.runs[i].text);

					if (u != NULL) {
						free(b->in.runs[i].text);
						b->in.runs[i].text = u;
					}
				}
			}
			break;
		case CMARK_NODE_LIST:
			body_list(c, n, depth);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			body_blocks(c, n, depth + 1);
			break;
		case CMARK_NODE_CODE_BLOCK:
			info = cmark_node_get_fence_info(n);
			if (info != NULL && strncmp(info, "csv", 3) == 0 &&
			    (info[3] == '\0' || info[3] == ' ')) {
				body_table(c, n, line, col);
				break;
			}
			if (info != NULL && strncmp(info, "chart", 5) == 0 &&
			    (info[5] == '\0' || info[5] == ' ')) {
				struct doc_chart *ch = doc_chart_parse(
				    c->doc->name, info, cmark_node_get_literal(n),
				    line, col, c->d);

				if (ch != NULL && (b = doc_add_block(c->doc,
				    DOC_CHART, line, col)) != NULL)
					b->chart = ch;
				else
					doc_chart_free(ch);
				break;
			}
			/* Other code: its lines as they are. */
			if ((b = doc_add_block(c->doc, DOC_PARA, line,
			    col)) == NULL)
				return;
			b->level = -1;   /* left aligned, no indent */
			lit = cmark_node_get_literal(n);
			while (lit != NULL && *lit != '\0') {
				const char *nl = strchr(lit, '\n');
				size_t	    ln = nl ? (size_t)(nl - lit) :
				    strlen(lit);

				doc_inline_add(&b->in, lit, ln, DOC_REGULAR, 0);
				if (nl == NULL || nl[1] == '\0')
					break;
				doc_inline_add(&b->in, "\n", 1, DOC_REGULAR, 0);
				lit = nl + 1;
			}
			break;
		case CMARK_NODE_HTML_BLOCK:
			lit = cmark_node_get_literal(n);
			if (strncmp(lit, "<!-- pagebreak -->", 18) == 0)
				doc_add_block(c->doc, DOC_PAGEBREAK, line, col);
			else if (strncmp(lit, "<!-- annex", 10) == 0) {
				if ((b = doc_add_block(c->doc, DOC_ANNEX, line,
				    col)) == NULL)
					return;
				b->landscape = strstr(lit, "landscape") != NULL;
			} else if (strncmp(lit, "<!--", 4) != 0)
				diag_add(c->d, DIAG_WARNING, c->doc->name, line,
				    col, "HTML block ignored");
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			diag_add(c->d, DIAG_WARNING, c->doc->name, line, col,
			    "a thematic break (---) draws nothing; for a page "
			    "break write <!-- pagebreak -->");
			break;
		default:
			break;
		}
	}
}

static void
doc_list_free(struct doc_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

void
doc_free(struct doc *doc)
{
	size_t i, k;

	if (doc == NULL)
		return;
	for (i = 0; i < doc->nblocks; i++) {
		struct doc_block *b = &doc->blocks[i];

		doc_inline_free(&b->in);
		free(b->marker);
		if (b->table != NULL) {
			for (k = 0; k < b->table->nrows * b->table->ncols; k++)
				doc_inline_free(&b->table->cells[k]);
			free(b->table->cells);
			free(b->table->row_line);
			free(b->table->widths);
			free(b->table->align);
			free((char *)b->table->file);
			free(b->table);
		}
		doc_chart_free(b->chart);
	}
	free(doc->blocks);
	free(doc->meta.loai);
	free(doc->meta.co_quan_chu_quan);
	doc_list_free(&doc->meta.co_quan);
	free(doc->meta.so);
	free(doc->meta.ky_hieu);
	free(doc->meta.dia_danh);
	free(doc->meta.trich_yeu);
	doc_list_free(&doc->meta.kinh_gui);
	for (i = 0; i < doc->meta.nky; i++) {
		free(doc->meta.ky[i].tham_quyen);
		free(doc->meta.ky[i].chuc_vu);
		free(doc->meta.ky[i].ho_ten);
	}
	free(doc->meta.ky);
	doc_list_free(&doc->meta.noi_nhan);
	free(doc->meta.luu);
	free(doc->meta.nguoi_soan);
	free(doc->meta.du_thao);
	free(doc->meta.do_khan);
	free(doc->name);
	free(doc);
}

struct doc *
doc_parse(const char *name, const char *text, size_t len, struct diag *d)
{
	struct pctx	 c;
	const char	*body = NULL, *slash;
	cmark_node	*root;
	int		 errs = diag_errors(d);

	memset(&c, 0, sizeof(c));
	c.d = d;
	if ((c.doc = calloc(1, sizeof(*c.doc))) == NULL)
		return NULL;
	c.doc->name = strdup(name);
	c.doc->text = text;
	slash = strrchr(name, '/');
	c.dir = slash ? strndup(name, (size_t)(slash - name)) : strdup(".");
	if (c.doc->name == NULL || c.dir == NULL)
		goto fail;
	if (fm_parse(&c, text, len, &body) == -1)
		goto fail;
	if (c.doc->meta.loai == NULL)
		diag_add(d, DIAG_ERROR, name, 1, 1, "missing key 'loai' "
		    "(the document type: QUYẾT ĐỊNH, KẾ HOẠCH, BÁO CÁO, "
		    "CÔNG VĂN ...)");
	if (c.doc->meta.co_quan.n == 0)
		diag_add(d, DIAG_ERROR, name, 1, 1, "missing key 'co_quan' "
		    "(the issuing agency)");
	if (c.doc->meta.trich_yeu == NULL)
		diag_add(d, DIAG_ERROR, name, 1, 1, "missing key 'trich_yeu' "
		    "(the subject)");
	if (c.doc->meta.nky == 0 && c.doc->meta.ky == NULL)
		diag_add(d, DIAG_ERROR, name, 1, 1, "missing key 'ky' (the "
		    "signature: tham_quyen, chuc_vu, ho_ten)");
	root = cmark_parse_document(body, (size_t)(text + len - body),
	    CMARK_OPT_DEFAULT);
	if (root == NULL)
		goto fail;
	body_blocks(&c, root, 1);
	cmark_node_free(root);
	if (diag_errors(d) > errs)
		goto fail;
	free(c.dir);
	return c.doc;
fail:
	free(c.dir);
	doc_free(c.doc);
	return NULL;
}
