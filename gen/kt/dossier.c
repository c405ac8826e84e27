/*
 * dossier.c - what a desk files with a batch of decisions: the register
 * of documents (so-dang-ky.csv, one row a decision, read by vb-baocao
 * --khen-thuong and used for the fund's estimate) and the advising
 * body's Tờ trình proposing the awards (mau/to-trinh.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kt/kt.h"

int
kt_register_csv(const struct kt_data *kd, const struct kt_opt *opt,
    const struct kt_entry *e, size_t n, char **out)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	char		 num[32], day[48] = "";
	const char	*file;
	size_t		 i;
	int		 draft = opt->du_thao != NULL;

	if (!draft && opt->ngay_given)
		snprintf(day, sizeof(day), "%04ld-%02ld-%02ld",
		    opt->ngay / 10000, opt->ngay / 100 % 100, opt->ngay % 100);
	vbuf_puts(&b, "ngay,so_ky_hieu,trich_yeu,hinh_thuc,tap_the,ca_nhan,"
	    "tong_tien,tep\n");
	for (i = 0; i < n; i++) {
		const struct kt_form *f = &kd->forms[e[i].form];

		csvt_put_field(&b, day, 1);
		csvt_put_field(&b, e[i].sum.so_ky_hieu, 0);
		csvt_put_field(&b, f->trich_yeu, 0);
		csvt_put_field(&b, f->ten, 0);
		snprintf(num, sizeof(num), "%zu", e[i].sum.n[KT_TAP_THE]);
		csvt_put_field(&b, num, 0);
		snprintf(num, sizeof(num), "%zu", e[i].sum.n[KT_CA_NHAN]);
		csvt_put_field(&b, num, 0);
		snprintf(num, sizeof(num), "%llu", e[i].sum.total);
		csvt_put_field(&b, num, 0);
		file = strrchr(e[i].file, '/');
		csvt_put_field(&b, file ? file + 1 : e[i].file, 0);
		vbuf_puts(&b, "\n");
	}
	*out = vbuf_take(&b);
	return *out == NULL ? VB_ESYS : VB_OK;
}

/* A Tờ trình key the config must give: "…" or empty is an error, or a
 * warning in a draft; 1 when it is missing. */
static int
kt_tt_need(const struct tmpl_vars *v, const char *key, const char *name,
    int draft, const char *cfg, struct diag *d)
{
	const char *s = tmpl_vars_get(v, key);

	if (s != NULL && *s != '\0' && strstr(s, "…") == NULL)
		return 0;
	diag_add(d, draft ? DIAG_WARNING : DIAG_ERROR, cfg, 0, 0, "--to-trinh: "
	    "%s is not set: the Tờ trình needs it%s", name, draft ? "; the "
	    "draft leaves a blank" : " (a draft, --du-thao, only warns)");
	return 1;
}

/* The proposal table's rows: "STT,form,collectives,individuals,money"
 * CSV lines, and the total. */
static void
kt_tt_rows(const struct kt_data *kd, const struct kt_entry *e, size_t n,
    struct vbuf *b, unsigned long long *total)
{
	char	 cell[64], *money;
	size_t	 i;

	*total = 0;
	for (i = 0; i < n; i++) {
		snprintf(cell, sizeof(cell), "%zu", i + 1);
		csvt_put_field(b, cell, 1);
		csvt_put_field(b, kd->forms[e[i].form].ten, 0);
		snprintf(cell, sizeof(cell), "%zu", e[i].sum.n[KT_TAP_THE]);
		csvt_put_field(b, cell, 0);
		snprintf(cell, sizeof(cell), "%zu", e[i].sum.n[KT_CA_NHAN]);
		csvt_put_field(b, cell, 0);
		money = sotien_figures(e[i].sum.total);
		csvt_put_field(b, money ? money : "", 0);
		free(money);
		*total += e[i].sum.total;
		if (i + 1 < n)
			vbuf_puts(b, "\n");
	}
}

/* The vars of the Tờ trình on top of the config's. */
static int
kt_tt_vars(const struct kt_data *kd, const struct kt_opt *opt,
    const struct kt_entry *e, size_t n, struct tmpl_vars *v,
    struct diag *d)
{
	struct vbuf		 rows = { NULL, 0, 0, 0 };
	const char		*so = tmpl_vars_get(v, "to_trinh_so"), *sl, *kh,
				*nd;
	vb_date			 dt;
	char			*cc, *s;
	unsigned long long	 total;
	size_t			 i, nt = 0, nc = 0;
	int			 oom = 0;

	/* "88/TTr-SNV": the number, and the symbol unless the config's. */
	sl = so ? strchr(so, '/') : NULL;
	if (so == NULL || opt->du_thao != NULL ||
	    strspn(so, "0123456789") != (size_t)(sl ? sl - so : (long)strlen(so)))
		so = "", sl = NULL;
	oom |= tmpl_vars_setf(v, "tt_so", "%.*s", sl ? (int)(sl - so) :
	    (int)strlen(so), so);
	kh = tmpl_vars_get(v, "to_trinh_ky_hieu");
	if (sl != NULL && (kh == NULL || *kh == '\0'))
		oom |= tmpl_vars_set(v, "to_trinh_ky_hieu", sl + 1);
	/* Front matter: a number of digits and an ISO date, else blanks. */
	nd = tmpl_vars_get(v, "to_trinh_ngay");
	oom |= tmpl_vars_set(v, "tt_ngay", !opt->du_thao && nd != NULL &&
	    vb_date_parse(nd, &dt) == 0 ? nd : "");
	oom |= tmpl_vars_setf(v, "tt_nam", "%04ld", opt->ngay / 10000);
	for (i = 0; i < n; i++) {
		nt += e[i].sum.n[KT_TAP_THE];
		nc += e[i].sum.n[KT_CA_NHAN];
	}
	oom |= tmpl_vars_set(v, "tt_mot_hinh_thuc", n == 1 ? "1" : "");
	oom |= tmpl_vars_set(v, "tt_hinh_thuc", n ? kd->forms[e[0].form].ten :
	    "");
	if (n > 0) {
		/* "Về việc đề nghị tặng Bằng khen …": the form's trích yếu
		 * with "đề nghị" after "Về việc". */
		static const char vv[] = "Về việc ";
		const char *ty = kd->forms[e[0].form].trich_yeu;

		if (strncmp(ty, vv, sizeof(vv) - 1) == 0)
			oom |= tmpl_vars_setf(v, "tt_trich_yeu", "Về việc đề "
			    "nghị %s", ty + sizeof(vv) - 1);
		else
			oom |= tmpl_vars_setf(v, "tt_trich_yeu", "Về việc đề "
			    "nghị khen thưởng");
	}
	oom |= tmpl_vars_setf(v, "tt_tap_the", "%02zu", nt);
	oom |= tmpl_vars_setf(v, "tt_ca_nhan", "%02zu", nc);
	kt_tt_rows(kd, e, n, &rows, &total);
	if ((s = vbuf_take(&rows)) == NULL)
		return -1;
	oom |= tmpl_vars_set(v, "tt_dong", s);
	free(s);
	if ((s = sotien_figures(total)) == NULL)
		return -1;
	oom |= tmpl_vars_set(v, "tt_tong_tien", s);
	free(s);
	/* The căn cứ of the proposal: those of the decision, without its
	 * own "Xét đề nghị" line (the Tờ trình is that proposal). */
	oom |= tmpl_vars_set(v, "xet_de_nghi", "");
	if ((cc = kt_basis_text(kd, v, opt->ngay, d)) == NULL)
		return -1;
	oom |= tmpl_vars_set(v, "can_cu", cc);
	free(cc);
	return oom;
}

int
kt_to_trinh(const struct kt_data *kd, const struct kt_opt *opt,
    const char *cfg, const struct kt_entry *e, size_t n, struct diag *d,
    char **out)
{
	static const char *const need[][2] = {
		{ "to_trinh_co_quan", "to_trinh_co_quan (the advising body)" },
		{ "to_trinh_ky_chuc_vu", "to_trinh_ky: chuc_vu" },
		{ "to_trinh_ky_ho_ten", "to_trinh_ky: ho_ten" },
		{ "to_trinh_so", "to_trinh: so" },
		{ "to_trinh_ngay", "to_trinh: ngay" },
	};
	struct tmpl_vars	*v;
	char			 path[4096], *skel = NULL;
	size_t			 i, len, miss = 0;
	int			 rc, draft = opt->du_thao != NULL;

	*out = NULL;
	for (i = 0; i < sizeof(need) / sizeof(need[0]); i++)
		miss += kt_tt_need(kd->config, need[i][0], need[i][1], draft,
		    cfg, d);
	if (miss > 0 && !draft)
		return VB_EINPUT;
	if ((v = tmpl_vars_dup(kd->config)) == NULL)
		return VB_ESYS;
	/* A draft's missing values: dots the clerk fills in. */
	for (i = 0, rc = 0; i < sizeof(need) / sizeof(need[0]); i++) {
		const char *s = tmpl_vars_get(v, need[i][0]);

		if (s == NULL || *s == '\0' || strstr(s, "…") != NULL)
			rc |= tmpl_vars_set(v, need[i][0], "……");
	}
	if (rc != 0) {
		tmpl_vars_free(v);
		return VB_ESYS;
	}
	rc = VB_ESYS;
	if (tmpl_vars_set(v, "du_thao", draft ? "true" : "") == 0 &&
	    kt_tt_vars(kd, opt, e, n, v, d) == 0) {
		snprintf(path, sizeof(path), "%s/mau/to-trinh.md", kd->dir);
		if ((rc = text_read_file(path, TEXT_ENC_AUTO, d, &skel, &len)) ==
		    VB_OK)
			rc = tmpl_expand(path, skel, v, d, out);
	}
	free(skel);
	tmpl_vars_free(v);
	return rc;
}

int
kt_register_read(const char *dir, struct diag *d, struct kt_reg **out,
    size_t *n)
{
	static const char *const name[5][2] = {
		{ "tep", NULL }, { "so_ky_hieu", NULL }, { "tap_the", NULL },
		{ "ca_nhan", NULL }, { "tong_tien", NULL }
	};
	static const char *const *const cols[5] = {
		name[0], name[1], name[2], name[3], name[4]
	};
	struct csvt	*t = NULL;
	struct kt_reg	*v;
	const char	*f[5];
	char		*path;
	size_t		 r;
	int		 c[5], k, rc;

	*out = NULL;
	*n = 0;
	if (asprintf(&path, "%s/so-dang-ky.csv", dir) < 0)
		return VB_ESYS;
	rc = csvt_load_table(path, cols, 5, 5, N_("the register must name the "
	    "columns tep, so_ky_hieu, tap_the, ca_nhan and tong_tien"), d, c,
	    &t);
	free(path);
	if (rc != VB_OK)
		return rc;
	if ((v = calloc(t->nrows, sizeof(*v))) == NULL) {
		csvt_free(t);
		return VB_ESYS;
	}
	for (r = 1; r < t->nrows; r++) {
		for (k = 0; k < 5; k++)
			f[k] = (size_t)c[k] < t->rows[r].nfields ?
			    t->rows[r].fields[c[k]] : "";
		v[r - 1].tap_the = strtoull(f[2], NULL, 10);
		v[r - 1].ca_nhan = strtoull(f[3], NULL, 10);
		v[r - 1].tien = strtoull(f[4], NULL, 10);
		if ((v[r - 1].tep = strdup(f[0])) == NULL ||
		    (v[r - 1].so_ky_hieu = strdup(f[1])) == NULL) {
			kt_register_free(v, r);
			csvt_free(t);
			return VB_ESYS;
		}
	}
	*out = v;
	*n = t->nrows - 1;
	csvt_free(t);
	return VB_OK;
}

void
kt_register_free(struct kt_reg *v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++) {
		free(v[i].tep);
		free(v[i].so_ky_hieu);
	}
	free(v);
}

void
kt_register_totals(const struct kt_reg *v, size_t n,
    unsigned long long sum[3])
{
	size_t r;

	sum[0] = sum[1] = sum[2] = 0;
	for (r = 0; r < n; r++) {
		sum[0] += v[r].tap_the;
		sum[1] += v[r].ca_nhan;
		sum[2] += v[r].tien;
	}
}
