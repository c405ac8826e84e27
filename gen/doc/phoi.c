/*
 * phoi.c - certificate layouts (templates/khen-thuong/phoi/<form>.yaml):
 * the sheet of a pre-printed blank (phôi bằng khen, giấy khen) and the
 * boxes its text goes into, in millimetres from the sheet's top-left
 * corner, read with libyaml so that every problem is reported at its
 * line.  Layouts are data: a province measures its own blank and writes
 * its own file (README, "Certificates").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "input/input.h"
#include "doc/doc.h"
#include "doc/phoi.h"

/* The keys of enum phoi_field, NULL-terminated (phoi_word). */
static const char *const phoi_fields[PHOI_NFIELDS + 1] = {
	"tieu_de", "hinh_thuc", "danh_xung", "ho_ten", "chuc_vu", "don_vi",
	"thanh_tich", "quyet_dinh", "noi_ngay", "chuc_vu_ky", "nguoi_ky",
	"so_vang", NULL
};

#define PHOI_FIELD_LIST "tieu_de, hinh_thuc, danh_xung, ho_ten, chuc_vu, " \
	"don_vi, thanh_tich, quyet_dinh, noi_ngay, chuc_vu_ky, nguoi_ky, " \
	"so_vang"

const char *
phoi_field_name(int f)
{
	return f >= 0 && f < PHOI_NFIELDS ? phoi_fields[f] : NULL;
}

void
phoi_layout_free(struct phoi_layout *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->nbox; i++)
		free(l->box[i].mau);
	free(l->box);
	free(l->nen);
	free(l->path);
	free(l);
}

int
phoi_layout_uses(const struct phoi_layout *l, enum phoi_field f)
{
	size_t i;

	for (i = 0; l != NULL && i < l->nbox; i++)
		if (l->box[i].field == (int)f)
			return 1;
	return 0;
}

/* What is being read, for the helpers' messages. */
struct phoi_rd {
	const char	*path;
	yaml_document_t	*doc;
	struct diag	*d;
};

/* A scalar's text, or NULL (after an error) when n is not a scalar. */
static const char *
phoi_scalar(struct phoi_rd *r, yaml_node_t *k, yaml_node_t *n)
{
	if (n->type == YAML_SCALAR_NODE)
		return (const char *)n->data.scalar.value;
	diag_add(r->d, DIAG_ERROR, r->path, (int)n->start_mark.line + 1,
	    (int)n->start_mark.column + 1, "\"%s\" must be one value",
	    (const char *)k->data.scalar.value);
	return NULL;
}

/* A number of millimetres or points ("12.5" or "12,5"); 0, or -1 after
 * an error. */
static int
phoi_number(struct phoi_rd *r, yaml_node_t *k, yaml_node_t *n, double *out)
{
	const char	*s = phoi_scalar(r, k, n);
	char		 buf[32], *end, *c;

	if (s == NULL)
		return -1;
	snprintf(buf, sizeof(buf), "%s", s);
	if ((c = strchr(buf, ',')) != NULL)
		*c = '.';
	*out = strtod(buf, &end);
	if (*buf != '\0' && *end == '\0' && strlen(s) < sizeof(buf) &&
	    *out >= -10000 && *out <= 10000)
		return 0;
	diag_add(r->d, DIAG_ERROR, r->path, (int)n->start_mark.line + 1,
	    (int)n->start_mark.column + 1, "%s: \"%s\" is not a number "
	    "(write 12.5)", (const char *)k->data.scalar.value, s);
	return -1;
}

/* s among the NULL-terminated words; its index, or -1 after an error
 * listing them (what: the key). */
static int
phoi_word(struct phoi_rd *r, yaml_node_t *k, yaml_node_t *n,
    const char *const *words, const char *list)
{
	const char	*s = phoi_scalar(r, k, n);
	int		 i;

	if (s == NULL)
		return -1;
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(s, words[i]) == 0)
			return i;
	diag_add(r->d, DIAG_ERROR, r->path, (int)n->start_mark.line + 1,
	    (int)n->start_mark.column + 1, "%s: \"%s\" is not one of %s",
	    (const char *)k->data.scalar.value, s, list);
	return -1;
}

/* Every "{key}" of a mau names a field ("{}": the box's own). */
static int
phoi_mau_check(struct phoi_rd *r, yaml_node_t *v, const char *s)
{
	const char	*e;
	int		 k, bad = 0;

	for (; (s = strchr(s, '{')) != NULL; s = e) {
		if ((e = strchr(s, '}')) == NULL)
			break;
		for (k = 0; e > s + 1 && k < PHOI_NFIELDS; k++)
			if (strlen(phoi_fields[k]) == (size_t)(e - s - 1) &&
			    strncmp(phoi_fields[k], s + 1, (size_t)(e - s - 1))
			    == 0)
				break;
		if (e > s + 1 && k == PHOI_NFIELDS) {
			diag_add(r->d, DIAG_ERROR, r->path,
			    (int)v->start_mark.line + 1,
			    (int)v->start_mark.column + 1, "mau: unknown field "
			    "\"%.*s\" (%s)", (int)(e - s - 1), s + 1,
			    PHOI_FIELD_LIST);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

/* One key of a box; 0, or -1 after an error (or on OOM: *oom). */
static int
phoi_box_key(struct phoi_rd *r, struct phoi_box *b, yaml_node_t *k,
    yaml_node_t *v, unsigned *seen, int *oom)
{
	static const char *const keys[] = { "noi_dung", "x", "y", "rong",
	    "cao", "kieu", "co", "co_min", "can", "mau", NULL };
	static const char *const faces[] = { "thuong", "dam", "nghieng",
	    "dam_nghieng", NULL };
	static const char *const aligns[] = { "trai", "giua", "phai", NULL };
	const char	*key = (const char *)k->data.scalar.value, *s;
	double		*num[] = { NULL, &b->x_mm, &b->y_mm, &b->w_mm, &b->h_mm,
			    NULL, &b->size_pt, &b->min_pt };
	int		 i, w;

	for (i = 0; keys[i] != NULL && strcmp(keys[i], key) != 0; i++)
		;
	if (keys[i] == NULL) {
		diag_add(r->d, DIAG_ERROR, r->path, (int)k->start_mark.line + 1,
		    (int)k->start_mark.column + 1, "unknown key \"%s\" in a "
		    "box (noi_dung, x, y, rong, cao, kieu, co, co_min, can, "
		    "mau)", key);
		return -1;
	}
	*seen |= 1u << i;
	if (i < 8 && num[i] != NULL)
		return phoi_number(r, k, v, num[i]);
	if (i == 0) {
		if ((w = phoi_word(r, k, v, phoi_fields, PHOI_FIELD_LIST)) < 0)
			return -1;
		return b->field = w, 0;
	}
	if (i == 5) {
		if ((w = phoi_word(r, k, v, faces, "thuong, dam, nghieng, "
		    "dam_nghieng")) < 0)
			return -1;
		return b->face = w == 0 ? DOC_REGULAR : w == 1 ? DOC_BOLD :
		    w == 2 ? DOC_ITALIC : DOC_BOLDITALIC, 0;
	}
	if (i == 8) {
		if ((w = phoi_word(r, k, v, aligns, "trai, giua, phai")) < 0)
			return -1;
		return b->align = "lcr"[w], 0;
	}
	if ((s = phoi_scalar(r, k, v)) == NULL)
		return -1;
	if (phoi_mau_check(r, v, s) != 0)
		return -1;
	free(b->mau);
	if ((b->mau = strdup(s)) == NULL)
		*oom = 1;
	return 0;
}

/* One box (a mapping of the o: list) into l; -1 on OOM. */
static int
phoi_box(struct phoi_rd *r, struct phoi_layout *l, yaml_node_t *n,
    size_t *cap)
{
	struct phoi_box		*b;
	yaml_node_pair_t	*pp;
	unsigned		 seen = 0;
	int			 oom = 0, bad = 0, line = (int)n->start_mark.line + 1;

	if (n->type != YAML_MAPPING_NODE) {
		diag_add(r->d, DIAG_ERROR, r->path, line, 0, "a box is a set "
		    "of key: value lines (noi_dung, x, y, rong, cao, co, ...)");
		return 0;
	}
	if (vb_grow((void **)&l->box, cap, l->nbox + 1, sizeof(*l->box)) != 0)
		return -1;
	b = &l->box[l->nbox++];
	memset(b, 0, sizeof(*b));
	b->line = line;
	b->align = 'c';
	b->field = -1;
	for (pp = n->data.mapping.pairs.start; pp < n->data.mapping.pairs.top;
	    pp++) {
		yaml_node_t *k = yaml_document_get_node(r->doc, pp->key);
		yaml_node_t *v = yaml_document_get_node(r->doc, pp->value);

		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE)
			continue;
		bad |= phoi_box_key(r, b, k, v, &seen, &oom) != 0;
	}
	if ((seen & 0x5F) != 0x5F && !bad) {
		diag_add(r->d, DIAG_ERROR, r->path, line, 0, "a box needs "
		    "noi_dung, x, y, rong, cao and co");
		bad = 1;
	}
	if (!(seen & (1u << 7)))
		b->min_pt = b->size_pt;
	if (bad)
		b->field = -1;   /* not checked further */
	return oom ? -1 : 0;
}

/* The background named by nen:, relative to the layout's folder: it
 * must exist and be a PNG (its first 8 bytes); an error at line. */
static int
phoi_nen(struct phoi_rd *r, struct phoi_layout *l, const char *s, int line)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r',
	    '\n', 0x1A, '\n' };
	const char	*slash = strrchr(l->path, '/');
	unsigned char	 head[8];
	FILE		*fp;
	size_t		 got = 0;

	free(l->nen);
	l->nen = NULL;
	l->nen_line = line;
	if (*s == '\0')
		return 0;
	if (*s == '/' || slash == NULL) {
		if ((l->nen = strdup(s)) == NULL)
			return -1;
	} else if (asprintf(&l->nen, "%.*s/%s", (int)(slash - l->path),
	    l->path, s) < 0) {
		l->nen = NULL;
		return -1;
	}
	if ((fp = fopen(l->nen, "rb")) != NULL) {
		got = fread(head, 1, sizeof(head), fp);
		fclose(fp);
	}
	if (fp == NULL)
		diag_add(r->d, DIAG_ERROR, r->path, line, 0, "nen: cannot "
		    "open the scanned blank %s", l->nen);
	else if (got < sizeof(head) || memcmp(head, sig, sizeof(sig)) != 0)
		diag_add(r->d, DIAG_ERROR, r->path, line, 0, "nen: %s is not "
		    "a PNG image (save the scan as PNG)", l->nen);
	return 0;
}

/* The sheet: kho (A4, A3) and huong (ngang, doc). */
static void
phoi_sheet(struct phoi_rd *r, struct phoi_layout *l, yaml_node_t *k,
    yaml_node_t *v, int is_kho)
{
	static const char *const khos[] = { "A4", "A3", NULL };
	static const char *const huongs[] = { "ngang", "doc", NULL };
	int w;

	if (is_kho) {
		if ((w = phoi_word(r, k, v, khos, "A4, A3")) >= 0)
			snprintf(l->kho, sizeof(l->kho), "%s", khos[w]);
	} else if ((w = phoi_word(r, k, v, huongs, "ngang, doc")) >= 0)
		l->landscape = w == 0;
}

/* The top level of the file; -1 on OOM. */
static int
phoi_top(struct phoi_rd *r, struct phoi_layout *l, yaml_node_t *root)
{
	yaml_node_pair_t	*pp;
	yaml_node_item_t	*it;
	size_t			 cap = 0;
	const char		*key, *s;

	for (pp = root->data.mapping.pairs.start;
	    pp < root->data.mapping.pairs.top; pp++) {
		yaml_node_t *k = yaml_document_get_node(r->doc, pp->key);
		yaml_node_t *v = yaml_document_get_node(r->doc, pp->value);
		int line;

		if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE)
			continue;
		key = (const char *)k->data.scalar.value;
		line = (int)k->start_mark.line + 1;
		if (strcmp(key, "kho") == 0 || strcmp(key, "huong") == 0)
			phoi_sheet(r, l, k, v, key[0] == 'k');
		else if (strcmp(key, "nen") == 0) {
			if ((s = phoi_scalar(r, k, v)) != NULL &&
			    phoi_nen(r, l, s, line) != 0)
				return -1;
		} else if (strcmp(key, "o") == 0 &&
		    v->type == YAML_SEQUENCE_NODE) {
			for (it = v->data.sequence.items.start;
			    it < v->data.sequence.items.top; it++) {
				yaml_node_t *b = yaml_document_get_node(r->doc,
				    *it);

				if (b != NULL && phoi_box(r, l, b, &cap) != 0)
					return -1;
			}
		} else if (strcmp(key, "o") == 0)
			diag_add(r->d, DIAG_ERROR, r->path, line, 0, "o: the "
			    "boxes are a list (- noi_dung: ho_ten ...)");
		else
			diag_add(r->d, DIAG_ERROR, r->path, line,
			    (int)k->start_mark.column + 1, "unknown key \"%s\" "
			    "(kho, huong, nen, o)", key);
	}
	return 0;
}

/* Each box on the sheet, at least 6 pt, and no two boxes overlapping:
 * errors at the box's line. */
static void
phoi_check(struct phoi_rd *r, struct phoi_layout *l)
{
	size_t i, j;

	for (i = 0; i < l->nbox; i++) {
		const struct phoi_box *b = &l->box[i];

		if (b->field < 0)
			continue;
		if (b->w_mm <= 0 || b->h_mm <= 0 || b->x_mm < 0 ||
		    b->y_mm < 0 || b->x_mm + b->w_mm > l->w_mm + 1e-9 ||
		    b->y_mm + b->h_mm > l->h_mm + 1e-9)
			diag_add(r->d, DIAG_ERROR, r->path, b->line, 0, "box %s "
			    "(x %g, y %g, %g × %g mm) is not inside the %s "
			    "sheet (%g × %g mm)", phoi_fields[b->field], b->x_mm,
			    b->y_mm, b->w_mm, b->h_mm, l->kho, l->w_mm, l->h_mm);
		if (b->size_pt < PHOI_MIN_PT || b->min_pt < PHOI_MIN_PT)
			diag_add(r->d, DIAG_ERROR, r->path, b->line, 0, "box %s: "
			    "size %g pt is below %g pt, too small to read",
			    phoi_fields[b->field], b->min_pt < b->size_pt ?
			    b->min_pt : b->size_pt, PHOI_MIN_PT);
		else if (b->min_pt > b->size_pt)
			diag_add(r->d, DIAG_ERROR, r->path, b->line, 0, "box %s: "
			    "co_min %g is larger than co %g",
			    phoi_fields[b->field], b->min_pt, b->size_pt);
		for (j = 0; j < i; j++) {
			const struct phoi_box *a = &l->box[j];

			if (a->field < 0 || a->x_mm >= b->x_mm + b->w_mm ||
			    b->x_mm >= a->x_mm + a->w_mm ||
			    a->y_mm >= b->y_mm + b->h_mm ||
			    b->y_mm >= a->y_mm + a->h_mm)
				continue;
			diag_add(r->d, DIAG_ERROR, r->path, b->line, 0, "box %s "
			    "overlaps box %s of line %d: their text would "
			    "print over each other", phoi_fields[b->field],
			    phoi_fields[a->field], a->line);
		}
	}
}

/* Parse the text of the layout into l; VB_OK, VB_EINPUT or VB_ESYS. */
static int
phoi_parse(struct phoi_layout *l, const char *text, size_t len,
    struct diag *d)
{
	yaml_parser_t	 p;
	yaml_document_t	 doc;
	yaml_node_t	*root;
	struct phoi_rd	 r = { l->path, &doc, d };
	int		 rc = VB_OK;

	if (config_yaml_guard(l->path, 0, vb_tr("layout"), text, len, d) != 0)
		return VB_EINPUT;
	if (!yaml_parser_initialize(&p))
		return VB_ESYS;
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	if (!yaml_parser_load(&p, &doc)) {
		diag_add(d, DIAG_ERROR, l->path, (int)p.problem_mark.line + 1,
		    (int)p.problem_mark.column + 1, "YAML: %s",
		    p.problem ? vb_yaml_tr(p.problem) : vb_tr("syntax error"));
		yaml_parser_delete(&p);
		return VB_EINPUT;
	}
	root = yaml_document_get_root_node(&doc);
	if (root == NULL || root->type != YAML_MAPPING_NODE)
		diag_add(d, DIAG_ERROR, l->path, root ? (int)root->start_mark.line
		    + 1 : 1, 0, "expected key: value lines (kho, huong, o)");
	else if (phoi_top(&r, l, root) != 0)
		rc = VB_ESYS;
	yaml_document_delete(&doc);
	yaml_parser_delete(&p);
	return rc;
}

int
phoi_layout_parse(const char *path, const char *text, size_t len,
    struct diag *d, struct phoi_layout **out)
{
	struct phoi_layout	*l;
	struct phoi_rd		 r = { path, NULL, d };
	int			 rc, errs = diag_errors(d);

	*out = NULL;
	if ((l = calloc(1, sizeof(*l))) == NULL ||
	    (l->path = strdup(path)) == NULL) {
		free(l);
		return VB_ESYS;
	}
	l->landscape = 1;
	rc = phoi_parse(l, text, len, d);
	if (rc == VB_OK && l->kho[0] == '\0')
		diag_add(d, DIAG_ERROR, path, 1, 0, "kho: the sheet is not "
		    "given (A4 or A3)");
	if (rc == VB_OK && l->nbox == 0)
		diag_add(d, DIAG_ERROR, path, 1, 0, "o: no box: nothing "
		    "would be printed");
	if (rc == VB_OK && l->kho[0] != '\0') {
		double s = strcmp(l->kho, "A3") == 0 ? 420 : 297;
		double t = strcmp(l->kho, "A3") == 0 ? 297 : 210;

		l->w_mm = l->landscape ? s : t;
		l->h_mm = l->landscape ? t : s;
		phoi_check(&r, l);
	}
	if (rc == VB_OK && diag_errors(d) > errs)
		rc = VB_EINPUT;
	if (rc != VB_OK) {
		phoi_layout_free(l);
		return rc;
	}
	*out = l;
	return VB_OK;
}

int
phoi_layout_load(const char *path, struct diag *d, struct phoi_layout **out)
{
	char	*text = NULL;
	size_t	 len;
	int	 rc;

	*out = NULL;
	if ((rc = text_read_file(path, TEXT_ENC_AUTO, d, &text, &len)) ==
	    VB_OK)
		rc = phoi_layout_parse(path, text, len, d, out);
	free(text);
	return rc;
}
