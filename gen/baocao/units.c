/*
 * bc/units.c - the reporting units (--don-vi FILE, CSV, YAML or a
 * workbook whose sheet is chosen by its headings): the
 * name a progress table uses, and what a report's letterhead and
 * signature need (full name, parent agency, ký hiệu, place, signer).
 */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>


#include "baocao/bc.h"

enum {
	BC_U_DON_VI, BC_U_TEN, BC_U_CHU_QUAN, BC_U_KY_HIEU, BC_U_DIA_DANH,
	BC_U_CHUC_VU, BC_U_NGUOI_KY, BC_U_THAM_QUYEN, BC_U_NHOM, BC_U_N
};

/* Accepted headings (keys) per field, compared folded. */
static const char *const bc_unit_cols[BC_U_N][6] = {
	{ "don_vi", "Đơn vị", "Tên đơn vị", "Tên gọi tắt", NULL },
	{ "ten_day_du", "Tên đầy đủ", "Tên cơ quan", "Cơ quan ban hành",
	    NULL },
	{ "co_quan_chu_quan", "Cơ quan chủ quản", "Cơ quan cấp trên", NULL },
	{ "ky_hieu", "Ký hiệu", "Ký hiệu văn bản", NULL },
	{ "dia_danh", "Địa danh", NULL },
	{ "chuc_vu_ky", "Chức vụ ký", "Chức vụ người ký", "Chức vụ", NULL },
	{ "nguoi_ky", "Người ký", "Họ tên người ký", NULL },
	{ "tham_quyen", "Thẩm quyền ký", "Thẩm quyền", NULL },
	{ "nhom", "Nhóm", "Nhóm đơn vị", "Cấp", NULL },
};

/* The unit's field f, as a pointer to its slot. */
static char **
bc_unit_field(struct bc_unit *u, int f)
{
	switch (f) {
	case BC_U_DON_VI: return &u->don_vi;
	case BC_U_TEN: return &u->ten_day_du;
	case BC_U_CHU_QUAN: return &u->co_quan_chu_quan;
	case BC_U_KY_HIEU: return &u->ky_hieu;
	case BC_U_DIA_DANH: return &u->dia_danh;
	case BC_U_CHUC_VU: return &u->chuc_vu_ky;
	case BC_U_NGUOI_KY: return &u->nguoi_ky;
	case BC_U_NHOM: return &u->nhom;
	default: return &u->tham_quyen;
	}
}

/* A new unit slot with every field "" ; NULL on OOM. */
static struct bc_unit *
bc_units_new(struct bc_units *us, int line)
{
	struct bc_unit	*u;
	int		 f;

	if (us->n == us->cap) {
		size_t	 cap = us->cap ? us->cap * 2 : 16;
		void	*p = realloc(us->v, cap * sizeof(*us->v));

		if (p == NULL)
			return NULL;
		us->v = p;
		us->cap = cap;
	}
	u = &us->v[us->n];
	memset(u, 0, sizeof(*u));
	u->line = line;
	for (f = 0; f < BC_U_N; f++)
		if ((*bc_unit_field(u, f) = strdup("")) == NULL)
			return NULL;
	us->n++;
	return u;
}

static int
bc_set(char **slot, const char *v)
{
	char *s = strdup(v);

	if (s == NULL)
		return -1;
	free(*slot);
	*slot = s;
	return 0;
}

int
bc_units_add(struct bc_units *us, const char *name, int line)
{
	struct bc_unit *u = bc_units_new(us, line);

	if (u == NULL || bc_set(&u->don_vi, name) != 0)
		return -1;
	return (int)(us->n - 1);
}

/* FNV-1a of a folded name. */
static size_t
bc_fold_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)(h ^ h >> 32);
}

/*
 * Index the units not yet indexed by their folded names: an
 * open-addressing table of unit indices + 1 (0: empty), at most half
 * full.  A unit's name does not change once it is looked up (a unit is
 * checked when complete), so the index only grows.  Comparing the name
 * with every unit made 20,000 units take seconds.  -1 on OOM.
 */
static int
bc_units_sync(struct bc_units *us)
{
	size_t i, k, cap;

	if (us->n <= us->nindexed)
		return 0;
	if (us->idx == NULL || us->n * 2 >= us->idxcap) {
		for (cap = 64; cap < us->n * 4; cap *= 2)
			continue;
		free(us->idx);
		us->idxcap = us->nindexed = 0;
		if ((us->idx = calloc(cap, sizeof(*us->idx))) == NULL)
			return -1;
		us->idxcap = cap;
	}
	for (i = us->nindexed; i < us->n; i++) {
		if (us->v[i].fold == NULL &&
		    (us->v[i].fold = csvt_fold(us->v[i].don_vi)) == NULL)
			return -1;
		k = bc_fold_hash(us->v[i].fold) & (us->idxcap - 1);
		while (us->idx[k] != 0)
			k = (k + 1) & (us->idxcap - 1);
		us->idx[k] = i + 1;
		us->nindexed = i + 1;
	}
	return 0;
}

int
bc_units_find(const struct bc_units *cus, const char *s)
{
	struct bc_units	*us = (struct bc_units *)cus;	/* the index: a cache */
	char		*f = csvt_fold(s);
	size_t		 i, k;
	int		 hit = -1;

	if (f == NULL || *f == '\0' || us->n == 0) {
		free(f);
		return -1;
	}
	if (bc_units_sync(us) == 0) {
		/* Units past n: bc_unit_check leaves the one read out. */
		for (k = bc_fold_hash(f) & (us->idxcap - 1); us->idx[k] != 0;
		    k = (k + 1) & (us->idxcap - 1))
			if ((i = us->idx[k] - 1) < us->n && (hit < 0 ||
			    i < (size_t)hit) && strcmp(f, us->v[i].fold) == 0)
				hit = (int)i;
	} else	/* out of memory: compare with each */
		for (i = 0; i < us->n && hit < 0; i++) {
			if (us->v[i].fold == NULL)
				us->v[i].fold = csvt_fold(us->v[i].don_vi);
			if (us->v[i].fold != NULL &&
			    strcmp(f, us->v[i].fold) == 0)
				hit = (int)i;
		}
	free(f);
	return hit;
}

/* Check the unit just read: a name, and not twice. */
static void
bc_unit_check(struct bc_units *us, const char *path, struct diag *d)
{
	struct bc_unit	*u = &us->v[us->n - 1];
	int		 k;

	if (*u->don_vi == '\0') {
		diag_add(d, DIAG_ERROR, path, u->line, 0, "unit without a name "
		    "(don_vi)");
		return;
	}
	if (bc_nhom_parse(u->nhom) < 0)
		diag_add(d, DIAG_ERROR, path, u->line, 0, "unit \"%s\": nhom "
		    "\"%s\" is not a group; write sở, ngành or địa phương",
		    u->don_vi, u->nhom);
	us->n--;
	k = bc_units_find(us, u->don_vi);
	us->n++;
	if (k >= 0)
		diag_add(d, DIAG_ERROR, path, u->line, 0, "unit \"%s\" is "
		    "listed twice; first at line %d", u->don_vi,
		    us->v[k].line);
}

/* The units of a table (a CSV file, or a YAML list read as a table);
 * takes t. */
static int
bc_units_table(const char *path, struct csvt *t, struct diag *d,
    struct bc_units *us)
{
	int		 c[BC_U_N], f;
	size_t		 r;

	/* A workbook's places are its sheet's cells. */
	if (table_is_workbook(t))
		path = t->name;
	for (f = 0; f < BC_U_N; f++)
		c[f] = csvt_column(t, bc_unit_cols[f]);
	if (c[BC_U_DON_VI] < 0) {
		diag_add(d, DIAG_ERROR, path, 1, 0, "no column don_vi (Đơn "
		    "vị): the name each unit has in the progress table");
		csvt_free(t);
		return VB_EINPUT;
	}
	for (r = 1; r < t->nrows; r++) {
		struct bc_unit *u = bc_units_new(us, t->rows[r].line);

		for (f = 0; u != NULL && f < BC_U_N; f++)
			if (c[f] >= 0 && (size_t)c[f] < t->rows[r].nfields &&
			    bc_set(bc_unit_field(u, f),
			    t->rows[r].fields[c[f]]) != 0)
				u = NULL;
		if (u == NULL) {
			csvt_free(t);
			return VB_ESYS;
		}
		bc_unit_check(us, path, d);
	}
	csvt_free(t);
	return VB_OK;
}

/* The field a YAML key names, or -1. */
static int
bc_unit_key(const char *key)
{
	char	*fk = csvt_fold(key), *fn;
	int	 f, i, hit = -1;

	for (f = 0; fk != NULL && f < BC_U_N && hit < 0; f++)
		for (i = 0; bc_unit_cols[f][i] != NULL && hit < 0; i++) {
			if ((fn = csvt_fold(bc_unit_cols[f][i])) != NULL &&
			    strcmp(fn, fk) == 0)
				hit = f;
			free(fn);
		}
	free(fk);
	return hit;
}

/* Does a YAML key name a field? */
static int
bc_unit_known(const char *key)
{
	return bc_unit_key(key) >= 0;
}

/*
 * A YAML units file: a list of units whose keys are the CSV columns',
 * read as a table (config_load_table); a key that names no field is an
 * error (in a CSV file an extra column is ignored, in YAML a typo).
 */
static int
bc_units_yaml(const char *path, const char *text, size_t len,
    struct diag *d, struct bc_units *us)
{
	struct csvt	*t;
	int		 rc;

	if ((rc = config_load_table(path, text, len, bc_unit_known,
	    "don_vi, ten_day_du, co_quan_chu_quan, ky_hieu, dia_danh, "
	    "tham_quyen, chuc_vu_ky, nguoi_ky, nhom", d, &t)) != VB_OK)
		return rc;
	/* Row 0 is the header made of the keys; the units follow. */
	return bc_units_table(path, t, d, us);
}

/* A CSV units file. */
static int
bc_units_csv(const char *path, const char *text, size_t len,
    struct diag *d, struct bc_units *us)
{
	struct csvt	*t;
	int		 rc;

	if ((rc = csvt_parse(path, text, len, 0, 0, d, &t)) != VB_OK)
		return rc;
	return bc_units_table(path, t, d, us);
}

/* Has t a column of units?  The table_match of a workbook's sheets. */
static int
bc_units_matches(const struct csvt *t, void *arg)
{
	(void)arg;
	return csvt_column(t, bc_unit_cols[BC_U_DON_VI]) >= 0;
}

/* A workbook of units: its sheet named, else the first with a column
 * of units. */
static int
bc_units_book(const char *path, const char *sheet, struct diag *d,
    struct bc_units *us)
{
	struct table_match	 m = { bc_units_matches, NULL };
	struct csvt		*t = NULL;
	int			 rc;

	if ((rc = table_read_head_match(path, sheet, TEXT_ENC_AUTO, &m, d,
	    &t)) != VB_OK || t == NULL) {
		csvt_free(t);
		return rc != VB_OK ? rc : VB_EINPUT;
	}
	return bc_units_table(path, t, d, us);
}

/* A units file of text: YAML when it ends .yaml/.yml or starts as a
 * list or a document, else CSV. */
static int
bc_units_text(const char *path, enum text_enc enc, struct diag *d,
    struct bc_units *us)
{
	char		*text;
	size_t		 len, pl = strlen(path);
	int		 rc;
	const char	*p;

	if ((rc = text_read_file(path, enc, d, &text, &len)) != VB_OK)
		return rc;
	for (p = text; *p == ' ' || *p == '\n' || *p == '#';) {
		if (*p == '#')
			p += strcspn(p, "\n");
		else
			p++;
	}
	us->from_file = 1;
	if ((pl > 5 && strcmp(path + pl - 5, ".yaml") == 0) ||
	    (pl > 4 && strcmp(path + pl - 4, ".yml") == 0) ||
	    strncmp(p, "- ", 2) == 0 || strncmp(p, "---", 3) == 0)
		rc = bc_units_yaml(path, text, len, d, us);
	else
		rc = bc_units_csv(path, text, len, d, us);
	free(text);
	return rc;
}

int
bc_units_load(const char *path, const char *sheet, enum text_enc enc,
    struct diag *d, struct bc_units *us)
{
	int rc, errs = diag_errors(d);

	if (table_file_is_workbook(path)) {
		us->from_file = 1;
		rc = bc_units_book(path, sheet, d, us);
	} else if ((rc = bc_units_text(path, enc, d, us)) != VB_OK &&
	    !us->from_file)
		return rc;	/* not read */
	if (rc == VB_OK && us->n == 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "no units");
		rc = VB_EINPUT;
	}
	if (rc == VB_OK && diag_errors(d) > errs)
		rc = VB_EINPUT;
	return rc;
}

int
bc_units_slugs(struct bc_units *us)
{
	size_t	 i, j, k;
	char	*s, *base;

	for (i = 0; i < us->n; i++) {
		if ((s = vb_slug(us->v[i].don_vi)) == NULL)
			return -1;
		if (*s == '\0') {
			free(s);
			if (asprintf(&s, "don-vi-%zu", i + 1) < 0)
				return -1;
		}
		us->v[i].slug = base = s;
		/* The same slug as an earlier unit: number this one. */
		for (k = 2, j = 0; j < i; j++) {
			if (strcmp(us->v[j].slug, us->v[i].slug) != 0)
				continue;
			if (asprintf(&s, "%s-%zu", base, k++) < 0)
				return -1;
			if (us->v[i].slug != base)
				free(us->v[i].slug);
			us->v[i].slug = s;
			j = (size_t)-1;
		}
		if (us->v[i].slug != base)
			free(base);
	}
	return 0;
}

void
bc_units_free(struct bc_units *us)
{
	size_t	 i;
	int	 f;

	if (us == NULL)
		return;
	for (i = 0; i < us->n; i++) {
		for (f = 0; f < BC_U_N; f++)
			free(*bc_unit_field(&us->v[i], f));
		free(us->v[i].slug);
		free(us->v[i].fold);
	}
	free(us->v);
	us->v = NULL;
	us->n = us->cap = 0;
	free(us->idx);
	us->idx = NULL;
	us->idxcap = us->nindexed = 0;
}
