/*
 * bc/awards.c - the awards of a period for the summary's "công tác khen
 * thưởng": vb-khenthuong's register (so-dang-ky.csv, one row per
 * decision), the rows dated within the period, a số/ký hiệu counted
 * once, summed by form of award.
 */
#include <stdlib.h>
#include <string.h>

#include "baocao/bc.h"

enum { BC_K_NGAY, BC_K_SO, BC_K_HINH_THUC, BC_K_TAP_THE, BC_K_CA_NHAN,
	BC_K_TIEN, BC_K_N };

static const char *const bc_kt_cols[BC_K_N][4] = {
	{ "ngay", "Ngày", "Ngày ký", NULL },
	{ "so_ky_hieu", "Số, ký hiệu", "Số ký hiệu", NULL },
	{ "hinh_thuc", "Hình thức", "Hình thức khen thưởng", NULL },
	{ "tap_the", "Tập thể", NULL },
	{ "ca_nhan", "Cá nhân", NULL },
	{ "tong_tien", "Tổng tiền", "Tiền thưởng", NULL },
};

static const char *
bc_kcell(const struct csvt_row *r, int c)
{
	return (c >= 0 && (size_t)c < r->nfields) ? r->fields[c] : "";
}

/* A count or an amount: digits only ("" is 0); 0, or -1. */
static int
bc_digits(const char *s, unsigned long long *out)
{
	*out = 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || *out > 100000000000000ULL)
			return -1;
		*out = *out * 10 + (unsigned long long)(*s - '0');
	}
	return 0;
}

/* The line of form name, added when new; NULL on OOM. */
static struct bc_award *
bc_award_of(struct bc_awards *aw, const char *name)
{
	size_t	 i;
	void	*q;

	for (i = 0; i < aw->n; i++)
		if (strcmp(aw->v[i].hinh_thuc, name) == 0)
			return &aw->v[i];
	if (aw->n == aw->cap) {
		if ((q = realloc(aw->v, (aw->cap ? aw->cap * 2 : 8) *
		    sizeof(*aw->v))) == NULL)
			return NULL;
		aw->v = q;
		aw->cap = aw->cap ? aw->cap * 2 : 8;
	}
	memset(&aw->v[aw->n], 0, sizeof(aw->v[0]));
	if ((aw->v[aw->n].hinh_thuc = strdup(name)) == NULL)
		return NULL;
	return &aw->v[aw->n++];
}

/* Was số/ký hiệu so seen?  Else note it; -1 on OOM. */
static int
bc_award_seen(struct bc_awards *aw, const char *so)
{
	size_t	 i;
	void	*q;

	for (i = 0; i < aw->nso; i++)
		if (strcmp(aw->so[i], so) == 0)
			return 1;
	if (aw->nso == aw->capso) {
		if ((q = realloc(aw->so, (aw->capso ? aw->capso * 2 : 16) *
		    sizeof(*aw->so))) == NULL)
			return -1;
		aw->so = q;
		aw->capso = aw->capso ? aw->capso * 2 : 16;
	}
	if ((aw->so[aw->nso] = strdup(so)) == NULL)
		return -1;
	aw->nso++;
	return 0;
}

/* One row: checked, and added when in the period; 0, or -1 on OOM. */
static int
bc_award_row(const char *name, const struct csvt_row *r, const int *c,
    vb_date from, vb_date to, struct diag *d, struct bc_awards *aw)
{
	static const char *const what[BC_K_N] = {
		NULL, NULL, NULL, "tap_the", "ca_nhan", "tong_tien"
	};
	unsigned long long	 n[BC_K_N];
	struct bc_award		*a;
	vb_date			 day;
	int			 f, ok = 1, seen;

	if (vb_date_parse(bc_kcell(r, c[BC_K_NGAY]), &day) != 0) {
		diag_add(d, DIAG_ERROR, name, r->line, c[BC_K_NGAY] + 1,
		    "bad date \"%s\": write 2020-06-30 or 30/06/2020, a real "
		    "day", bc_kcell(r, c[BC_K_NGAY]));
		ok = 0;
	}
	for (f = BC_K_TAP_THE; f < BC_K_N; f++)
		if (bc_digits(bc_kcell(r, c[f]), &n[f]) != 0) {
			diag_add(d, DIAG_ERROR, name, r->line, c[f] + 1,
			    "%s \"%s\" is not a whole number (digits only)",
			    what[f], bc_kcell(r, c[f]));
			ok = 0;
		}
	if (!ok || day < from || day > to)
		return 0;
	if ((seen = bc_award_seen(aw, bc_kcell(r, c[BC_K_SO]))) != 0)
		return seen < 0 ? -1 : 0;
	if ((a = bc_award_of(aw, bc_kcell(r, c[BC_K_HINH_THUC]))) == NULL)
		return -1;
	a->n_qd++;
	a->tap_the += (size_t)n[BC_K_TAP_THE];
	a->ca_nhan += (size_t)n[BC_K_CA_NHAN];
	a->tien += n[BC_K_TIEN];
	return 0;
}

/* Has t the columns a register must have?  The table_match of a
 * workbook's sheets. */
static int
bc_awards_matches(const struct csvt *t, void *arg)
{
	int f;

	(void)arg;
	for (f = 0; f <= BC_K_HINH_THUC; f++)
		if (csvt_column(t, bc_kt_cols[f]) < 0)
			return 0;
	return 1;
}

int
bc_awards_load(const char *path, enum text_enc enc, vb_date from,
    vb_date to, struct diag *d, struct bc_awards *aw)
{
	struct table_match	 m = { bc_awards_matches, NULL };
	struct csvt		*t = NULL;
	int			 c[BC_K_N], f, rc, hdr, errs = diag_errors(d);
	size_t			 r;

	aw->given = 1;
	/* A workbook (the register opened and saved in Excel): the first
	 * sheet with its columns; --sheet names the forms' sheet. */
	if ((rc = table_read_head_match(path, NULL, enc, &m, d, &t)) !=
	    VB_OK) {
		csvt_free(t);
		return rc;
	}
	for (f = 0; f < BC_K_N; f++)
		if ((c[f] = csvt_column(t, bc_kt_cols[f])) < 0 &&
		    f <= BC_K_HINH_THUC)
			diag_add(d, DIAG_ERROR, t->name, t->nrows ?
			    t->rows[0].line : 1, 0, "no column %s: a register "
			    "of vb-khenthuong (so-dang-ky.csv) has ngay, "
			    "so_ky_hieu, trich_yeu, hinh_thuc, tap_the, "
			    "ca_nhan, tong_tien, tep", bc_kt_cols[f][0]);
	/* Every row checked, when the columns are there. */
	hdr = diag_errors(d) == errs;
	for (r = 1; hdr && r < t->nrows; r++)
		if (bc_award_row(t->name, &t->rows[r], c, from, to, d,
		    aw) != 0) {
			csvt_free(t);
			return VB_ESYS;
		}
	csvt_free(t);
	return diag_errors(d) > errs ? VB_EINPUT : VB_OK;
}

void
bc_awards_free(struct bc_awards *aw)
{
	size_t i;

	for (i = 0; i < aw->n; i++)
		free(aw->v[i].hinh_thuc);
	for (i = 0; i < aw->nso; i++)
		free(aw->so[i]);
	free(aw->v);
	free(aw->so);
	memset(aw, 0, sizeof(*aw));
}
