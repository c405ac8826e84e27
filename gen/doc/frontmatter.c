/*
 * frontmatter.c - the YAML front matter (between the first line "---"
 * and the next) into struct doc_meta, through libyaml.  Every problem is
 * reported at its line and column in the user's file.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "input/input.h"
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

/* The first control character of s[0..len) (C0 but line feed and tab,
 * DEL, C1), or 0: a YAML escape ("\x1b") gets one past the parser. */
static unsigned
fm_control(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i;

	for (i = 0; i < len; i++) {
		if ((p[i] < 0x20 && p[i] != '\n' && p[i] != '\t') ||
		    p[i] == 0x7F)
			return p[i];
		if (p[i] == 0xC2 && i + 1 < len && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9F)
			return p[i + 1];
	}
	return 0;
}

/* A scalar's value, trimmed, malloc'd; NULL and an error otherwise (a
 * value too long for the PDF or with a control character is an error,
 * and returned). */
static char *
fm_scalar(struct pctx *c, const yaml_node_t *n, const char *key)
{
	const char	*s;
	size_t		 len;
	unsigned	 cc;

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
	if ((cc = fm_control(s, len)) != 0)
		diag_add(c->d, DIAG_ERROR, c->doc->name, fm_line(c, n),
		    fm_col(n), "'%s': control character U+%04X in the value "
		    "(an escape such as \\x1b): remove it", key, cc);
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

/* libyaml's reader (bad bytes, control characters) gives only the byte
 * offset of the problem: its line and column (in characters) into
 * p->problem_mark, as the scanner's errors have them. */
static void
fm_reader_mark(yaml_parser_t *p, const char *text)
{
	size_t	 i, line = 0, col = 0;

	for (i = 0; i < p->problem_offset; i++) {
		if (text[i] == '\n') {
			line++;
			col = 0;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80)
			col++;
	}
	p->problem_mark.line = line;
	p->problem_mark.column = col;
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
	if (config_yaml_guard(c->doc->name, c->fm_line0,
	    vb_tr("front matter"), text + 4, (size_t)(end - text - 4),
	    c->d) == -1)
		return -1;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text + 4,
	    (size_t)(end - text - 4));
	if (!yaml_parser_load(&p, &y)) {
		if (p.error == YAML_READER_ERROR)
			fm_reader_mark(&p, text + 4);
		diag_add(c->d, DIAG_ERROR, c->doc->name,
		    (int)p.problem_mark.line + 1 + c->fm_line0,
		    (int)p.problem_mark.column + 1, "front matter: %s%s%s",
		    p.problem ? vb_yaml_tr(p.problem) : vb_tr("malformed YAML"),
		    p.context ? " " : "", p.context ? vb_yaml_tr(p.context) : "");
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
