/*
 * gen.c - one decision source (Markdown + YAML) per award form: the
 * template variables of a decision (counts, amounts in figures and
 * words, căn cứ lines in force on its date, the annex rows) expanded
 * into the form's skeleton.  The wording lives in the skeletons and the
 * tables of templates/khen-thuong/; this file only computes.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kt/kt.h"

/* Blanks of a draft: no-break spaces, which the renderer keeps. */
#define KT_NBSP		"\xC2\xA0"
#define KT_BLANK_SO	KT_NBSP KT_NBSP KT_NBSP KT_NBSP KT_NBSP KT_NBSP
#define KT_BLANK_DAY	KT_NBSP KT_NBSP KT_NBSP KT_NBSP
/* A value the config lacks, in a draft: dots the clerk fills in. */
#define KT_GAP		"……"

/* ------------------------------------------------------------------ */
/* Options                                                              */
/* ------------------------------------------------------------------ */

int
kt_round_parse(const char *s, int *out)
{
	if (strcmp(s, "len") == 0 || strcmp(s, "") == 0)
		*out = KT_ROUND_UP;
	else if (strcmp(s, "gan") == 0)
		*out = KT_ROUND_NEAREST;
	else
		return -1;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Pieces of the decision                                               */
/* ------------------------------------------------------------------ */

size_t
kt_forms_used(const struct kt_data *kd, const struct kt_list *l, int *idx)
{
	size_t	 i, j, n = 0;

	for (i = 0; i < kd->nforms; i++)
		for (j = 0; j < l->n; j++)
			if (l->rows[j].form == (int)i) {
				idx[n++] = (int)i;
				break;
			}
	return n;
}

/* "1.490.000 đồng (Một triệu bốn trăm chín mươi nghìn đồng)". */
static char *
kt_money(unsigned long long v)
{
	char	*fig = sotien_figures(v), *w = sotien_words(v, NULL), *s;

	if (fig == NULL || w == NULL || asprintf(&s, "%s đồng (%s)", fig,
	    w) < 0)
		s = NULL;
	free(fig);
	free(w);
	return s;
}

/* A coefficient as Vietnamese write it: 1500 -> "1,5", 3000 -> "3,0". */
static void
kt_coef_text(long milli, char *buf, size_t n)
{
	long frac = milli % 1000;

	if (frac == 0)
		snprintf(buf, n, "%ld,0", milli / 1000);
	else if (frac % 100 == 0)
		snprintf(buf, n, "%ld,%ld", milli / 1000, frac / 100);
	else if (frac % 10 == 0)
		snprintf(buf, n, "%ld,%02ld", milli / 1000, frac / 10);
	else
		snprintf(buf, n, "%ld,%03ld", milli / 1000, frac);
}

/* Whether the position already ends with the unit ("Phó Chủ tịch Hội
 * LHPN tỉnh" of "Hội LHPN tỉnh"), compared folded: then the annex
 * prints the position alone. */
static int
kt_names_unit(const char *chuc_vu, const char *don_vi)
{
	char	*c = csvt_fold(chuc_vu), *u = csvt_fold(don_vi);
	size_t	 nc, nu;
	int	 hit = 0;

	if (c != NULL && u != NULL && (nu = strlen(u)) > 0 &&
	    (nc = strlen(c)) > nu)
		hit = strcmp(c + nc - nu, u) == 0;
	free(c);
	free(u);
	return hit;
}

/* The annex rows of one kind: "STT,name,position and unit,achievement"
 * lines, no header (the skeleton has it); the list's values escaped for
 * the table (mdesc_cell). */
static void
kt_rows(struct vbuf *b, struct kt_nominee **v, size_t n, int has_tt)
{
	size_t	 i;
	char	 stt[24];

	for (i = 0; i < n; i++) {
		const struct kt_nominee *r = v[i];

		snprintf(stt, sizeof(stt), "%zu", i + 1);
		csvt_put_field(b, stt, 1);
		mdesc_cell(b, r->ho_ten, 0);
		if (r->kind == KT_CA_NHAN && *r->chuc_vu != '\0' &&
		    kt_names_unit(r->chuc_vu, r->don_vi))
			mdesc_cell(b, r->chuc_vu, 0);
		else if (r->kind == KT_CA_NHAN && *r->chuc_vu != '\0') {
			char *cv;

			if (asprintf(&cv, "%s, %s", r->chuc_vu, r->don_vi) < 0) {
				b->bad = 1;
				return;
			}
			mdesc_cell(b, cv, 0);
			free(cv);
		} else
			mdesc_cell(b, r->don_vi, 0);
		mdesc_cell(b, has_tt ? r->thanh_tich : "", 0);
		if (i + 1 < n)
			vbuf_puts(b, "\n");
	}
}

/* Append "*text;*": text escaped (mdesc_inline), without its own final
 * ";" or ".", then end. */
static void
kt_italic_line(struct vbuf *b, const char *text, const char *end)
{
	size_t	 n = strlen(text);
	char	*t;

	while (n > 0 && (text[n - 1] == ';' || text[n - 1] == '.' ||
	    text[n - 1] == ' '))
		n--;
	if ((t = strndup(text, n)) == NULL) {
		b->bad = 1;
		return;
	}
	vbuf_puts(b, "*");
	mdesc_inline(b, t);
	free(t);
	vbuf_printf(b, "%s*", end);
}

/* Warn once per run that a table row (line src->line of table, under
 * the data folder) is used while not confirmed (xac_nhan chua). */
static void
kt_source_warn(struct diag *d, const struct kt_data *kd, const char *table,
    struct kt_source *src, const char *what, const char *text)
{
	char		 path[4096], tdir[4096];
	const char	*sl;

	if (src->confirmed != 0 || src->warned)
		return;
	src->warned = 1;
	snprintf(path, sizeof(path), "%s/%s", kd->dir, table);
	/* The templates folder, the data folder's parent. */
	sl = strrchr(kd->dir, '/');
	snprintf(tdir, sizeof(tdir), "%.*s", sl ? (int)(sl - kd->dir) : 1,
	    sl ? kd->dir : ".");
	diag_add(d, DIAG_WARNING, path, src->line, 0, "the %s \"%s\" (row %d "
	    "of %s) is not confirmed (xac_nhan: chua): check it against the "
	    "law's text (nguon: %s) before signing; to write co there, or "
	    "correct it, without touching the installed files: copy the "
	    "templates folder (cp -r %s mau-cua-toi), edit "
	    "mau-cua-toi/khen-thuong/%s and "
	    "run with --templates mau-cua-toi (or VB_TEMPLATES=mau-cua-toi)",
	    what, text, src->line, table, src->nguon && *src->nguon ?
	    src->nguon : vb_tr("none given"), tdir, table);
}

/* "ngày 08 tháng 5 năm 2018" (Nghị định 30: a leading 0 for days under
 * 10 and months 1 and 2), or a visible blank when date is 0. */
static void
kt_date_words(vb_date date, char *buf, size_t n)
{
	long y = date / 10000, m = date / 100 % 100, dd = date % 100;

	if (date == 0)
		snprintf(buf, n, "ngày %s tháng %s năm %s", KT_GAP, KT_GAP,
		    KT_GAP);
	else
		snprintf(buf, n, "ngày %02ld tháng %0*ld năm %04ld", dd,
		    m < 3 ? 2 : 1, m, y);
}

/* The date of config key (ISO), 0 when empty or bad. */
static vb_date
kt_config_date(const struct tmpl_vars *vars, const char *key)
{
	const char	*s = tmpl_vars_get(vars, key);
	vb_date		 v;

	return s != NULL && vb_date_parse(s, &v) == 0 ? v : 0;
}

/* The value of a config key, KT_GAP when empty (a draft's blank). */
static const char *
kt_or_gap(const struct tmpl_vars *vars, const char *key)
{
	const char *s = tmpl_vars_get(vars, key);

	return s != NULL && *s != '\0' && strcmp(s, "…") != 0 ? s : KT_GAP;
}

/* The province's quy chế line and the xét đề nghị line with its Tờ
 * trình (config keys quy_che, to_trinh, xet_de_nghi); a missing number
 * or date is a visible blank (kt_config_check refused it unless a
 * draft).  Malloc'd in *qc and *xet (*xet NULL without xet_de_nghi). */
static int
kt_own_lines(const struct tmpl_vars *vars, char **qc, char **xet)
{
	char		 dq[96], dt[96];
	const char	*x = tmpl_vars_get(vars, "xet_de_nghi");

	*qc = *xet = NULL;
	kt_date_words(kt_config_date(vars, "quy_che_ngay"), dq, sizeof(dq));
	kt_date_words(kt_config_date(vars, "to_trinh_ngay"), dt, sizeof(dt));
	if (asprintf(qc, "Căn cứ %s ban hành kèm theo Quyết định số %s %s "
	    "của %s", kt_or_gap(vars, "quy_che_ten"),
	    kt_or_gap(vars, "quy_che_so"), dq,
	    kt_or_gap(vars, "quy_che_co_quan")) < 0) {
		*qc = NULL;
		return -1;
	}
	if (x == NULL || *x == '\0')
		return 0;
	if (asprintf(xet, "%s tại Tờ trình số %s %s", x,
	    kt_or_gap(vars, "to_trinh_so"), dt) < 0) {
		*xet = NULL;
		return -1;
	}
	return 0;
}

/* A department's căn cứ on its functions (config chuc_nang, cap: so):
 * "Căn cứ Quyết định số <so> ngày … của <co_quan> quy định chức năng,
 * nhiệm vụ, quyền hạn và cơ cấu tổ chức của <ten>"; *out NULL when
 * chuc_nang has no number.  -1 on OOM. */
static int
kt_chuc_nang_line(const struct tmpl_vars *vars, char **out)
{
	const char	*so = tmpl_vars_get(vars, "chuc_nang_so");
	char		 dn[96];

	*out = NULL;
	if (so == NULL || *so == '\0')
		return 0;
	kt_date_words(kt_config_date(vars, "chuc_nang_ngay"), dn, sizeof(dn));
	if (asprintf(out, "Căn cứ Quyết định số %s %s của %s quy định chức "
	    "năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của %s",
	    kt_or_gap(vars, "chuc_nang_so"), dn,
	    kt_or_gap(vars, "chuc_nang_co_quan"),
	    kt_or_gap(vars, "chuc_nang_ten")) < 0) {
		*out = NULL;
		return -1;
	}
	return 0;
}

/* The căn cứ block: the table's lines in force on date (each an
 * unconfirmed one warned about in d), the province's quy chế, the
 * config's own (can_cu_them), then the xét đề nghị line with its Tờ
 * trình; each an italic paragraph ending ";", the last ".".
 * Malloc'd. */
char *
kt_basis_text(const struct kt_data *kd, const struct tmpl_vars *vars,
    vb_date date, struct diag *d)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	const char	**lines, *s;
	char		*qc = NULL, *xet = NULL, *cn = NULL;
	size_t		 n = 0, i, nthem = tmpl_vars_count(vars, "can_cu_them");

	if ((lines = calloc(kd->nbasis + nthem + 4, sizeof(*lines))) == NULL ||
	    kt_own_lines(vars, &qc, &xet) != 0 ||
	    kt_chuc_nang_line(vars, &cn) != 0) {
		free(lines);
		free(qc);
		free(xet);
		return NULL;
	}
	for (i = 0; i < kd->nbasis; i++)
		if ((kd->basis[i].from == 0 || kd->basis[i].from <= date) &&
		    (kd->basis[i].until == 0 || date <= kd->basis[i].until) &&
		    (kd->basis[i].levels == 0 ||
		    (kd->basis[i].levels & (1 << kd->cap)))) {
			lines[n++] = kd->basis[i].text;
			kt_source_warn(d, kd, "can-cu.csv", &kd->basis[i].src,
			    vb_tr("căn cứ line"), kd->basis[i].text);
		}
	if (cn != NULL)
		lines[n++] = cn;
	lines[n++] = qc;
	for (i = 0; i < nthem; i++)
		if (*(s = tmpl_vars_item(vars, "can_cu_them", i)) != '\0')
			lines[n++] = s;
	if (xet != NULL)
		lines[n++] = xet;
	for (i = 0; i < n; i++) {
		if (i > 0)
			vbuf_puts(&b, "\n\n");
		kt_italic_line(&b, lines[i], i + 1 < n ? ";" : ".");
	}
	free(lines);
	free(qc);
	free(xet);
	free(cn);
	return vbuf_take(&b);
}

/* A required config value: empty is an error in a final decision and a
 * warning (a blank to fill) in a draft; 1 when it is empty. */
static int
kt_need_value(const struct tmpl_vars *v, const char *key, const char *what,
    const char *example, int draft, const char *cfg, struct diag *d)
{
	const char *s = tmpl_vars_get(v, key);

	if (s != NULL && *s != '\0')
		return 0;
	diag_add(d, draft ? DIAG_WARNING : DIAG_ERROR, cfg, 0, 0,
	    "%s is not set (%s, e.g. %s): Nghị định 30 requires the number and "
	    "date of every căn cứ; %s", what, key, example, draft ?
	    "the draft leaves a blank to fill in" : "set it in the --config "
	    "file (a draft, --du-thao, leaves a blank instead)");
	return 1;
}

/* A config date (ISO) that is set must parse; 0 or its value. */
static vb_date
kt_check_date(const struct tmpl_vars *v, const char *key, const char *cfg,
    struct diag *d)
{
	const char	*s = tmpl_vars_get(v, key);
	vb_date		 x;

	if (s == NULL || *s == '\0' || strstr(s, "…") != NULL)
		return 0;	/* unset, or the --khoi-tao placeholder */
	if (vb_date_parse(s, &x) == 0)
		return x;
	diag_add(d, DIAG_ERROR, cfg, 0, 0, "%s: \"%s\" is not a date (write "
	    "2020-12-18)", key, s);
	return 0;
}

int
kt_config_check(const struct kt_data *kd, const struct kt_opt *opt,
    const char *cfg, struct diag *d)
{
	const struct tmpl_vars	*v = kd->config;
	const char		*x = tmpl_vars_get(v, "xet_de_nghi");
	int			 draft = opt->du_thao != NULL,
				 errs = diag_errors(d);
	vb_date			 tt;
	long			 lim;
	char			 defaults[4096], level[4096];

	snprintf(defaults, sizeof(defaults), "%s/mac-dinh.yaml", kd->dir);
	snprintf(level, sizeof(level), "%s/mac-dinh-%s.yaml", kd->dir,
	    kt_level_code(kd->cap));
	kt_config_placeholders(v, draft, strcmp(cfg, "mac-dinh.yaml") == 0 ?
	    NULL : cfg, defaults, kd->cap == KT_CAP_TINH ? NULL : level, d);
	if (*kt_or_gap(v, "ky_chuc_vu") == *KT_GAP)
		diag_add(d, DIAG_ERROR, cfg, 0, 0, "the signer has no title: set "
		    "ky: chuc_vu: (e.g. PHÓ CHỦ TỊCH, with tham_quyen: KT. CHỦ "
		    "TỊCH; or CHỦ TỊCH alone)");
	kt_check_date(v, "quy_che_ngay", cfg, d);
	kt_check_date(v, "chuc_nang_ngay", cfg, d);
	tt = kt_check_date(v, "to_trinh_ngay", cfg, d);
	kt_need_value(v, "quy_che_so", "the number of the decision issuing "
	    "the province's quy chế", "09/2018/QĐ-UBND", draft, cfg, d);
	kt_need_value(v, "quy_che_ngay", "the date of the decision issuing "
	    "the province's quy chế", "2018-05-10", draft, cfg, d);
	if (x != NULL && *x != '\0') {
		kt_need_value(v, "to_trinh_so", "the number of the Tờ trình "
		    "proposing the awards", "412/TTr-SNV", draft, cfg, d);
		kt_need_value(v, "to_trinh_ngay", "the date of the Tờ trình "
		    "proposing the awards", "2020-12-18", draft, cfg, d);
	}
	kt_dieu_1_limit(v, &lim, d, cfg);
	if (tt != 0 && opt->ngay_given && tt > opt->ngay)
		diag_add(d, DIAG_WARNING, cfg, 0, 0, "the Tờ trình (to_trinh: "
		    "ngay: %s) is dated after the decision (%04ld-%02ld-%02ld): "
		    "a decision answers an earlier proposal; check both dates",
		    tmpl_vars_get(v, "to_trinh_ngay"), opt->ngay / 10000,
		    opt->ngay / 100 % 100, opt->ngay % 100);
	else if (tt != 0 && tt / 10000 != opt->ngay / 10000)
		diag_add(d, DIAG_WARNING, cfg, 0, 0, "the Tờ trình (to_trinh: "
		    "ngay: %s) is of %ld and the decision of %ld: check that it "
		    "is this year's proposal", tmpl_vars_get(v, "to_trinh_ngay"),
		    tt / 10000, opt->ngay / 10000);
	return diag_errors(d) > errs ? VB_EINPUT : VB_OK;
}

/* ------------------------------------------------------------------ */
/* The decision                                                         */
/* ------------------------------------------------------------------ */

/* Read the skeleton file; VB_OK or VB_ESYS with a message. */
static int
kt_read_skeleton(const char *path, struct diag *d, char **out)
{
	size_t len;

	return text_read_file(path, TEXT_ENC_AUTO, d, out, &len);
}

/* Set key to s and free s; -1 when s is NULL (OOM) or on OOM. */
static int
kt_set_take(struct tmpl_vars *v, const char *key, char *s)
{
	int rc;

	if (s == NULL)
		return -1;
	rc = tmpl_vars_set(v, key, s);
	free(s);
	return rc;
}

/* "03 tập thể và 12 cá nhân": counts under 10 take a leading 0, as the
 * province writes them. */
static char *
kt_counts(size_t ntt, size_t ncn)
{
	char *s;

	if (ntt > 0 && ncn > 0)
		return asprintf(&s, "%02zu tập thể và %02zu cá nhân", ntt,
		    ncn) < 0 ? NULL : s;
	if (ntt > 0)
		return asprintf(&s, "%02zu tập thể", ntt) < 0 ? NULL : s;
	return asprintf(&s, "%02zu cá nhân", ncn) < 0 ? NULL : s;
}

/* The number as it reads in "Quyết định số 05/QĐ-UBND": a number under
 * 10 takes a leading 0; none: a blank to fill by hand. */
char *
kt_so_ky_hieu(const char *so, const char *ky_hieu)
{
	char *s;

	if (so == NULL || *so == '\0')
		return asprintf(&s, "%s/%s", KT_BLANK_SO, ky_hieu) < 0 ?
		    NULL : s;
	if (so[0] >= '1' && so[0] <= '9' && so[1] == '\0')
		return asprintf(&s, "0%s/%s", so, ky_hieu) < 0 ? NULL : s;
	return asprintf(&s, "%s/%s", so, ky_hieu) < 0 ? NULL : s;
}

/* The rates and modes of one decision: options over the config. */
struct kt_calc {
	unsigned long long	 base;   /* base salary, VND */
	unsigned long long	 unit;   /* rounding unit, VND */
	int			 round;  /* enum kt_round */
	int			 sort;   /* enum kt_sort */
};

static int
kt_calc_get(const struct kt_data *kd, const struct kt_opt *opt,
    struct kt_calc *c, struct diag *d)
{
	const char *s;

	c->base = opt->luong ? opt->luong : kt_salary_on(kd, opt->ngay);
	if (c->base != 0 && opt->luong == 0) {
		struct kt_salary	*row = kt_salary_row(kd, opt->ngay);
		char			 what[64];

		snprintf(what, sizeof(what), "%llu đồng from %04ld-%02ld-%02ld",
		    row->amount, row->from / 10000, row->from / 100 % 100,
		    row->from % 100);
		kt_source_warn(d, kd, "luong-co-so.csv", &row->src,
		    vb_tr("base salary (mức lương cơ sở)"), what);
	}
	if (c->base == 0) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "no base salary (mức lương "
		    "cơ sở) in force on %04ld-%02ld-%02ld in %s/luong-co-so.csv; "
		    "give --luong-co-so", opt->ngay / 10000,
		    opt->ngay / 100 % 100, opt->ngay % 100, kd->dir);
		return VB_EINPUT;
	}
	s = tmpl_vars_get(kd->config, "lam_tron_den");
	if (s == NULL || sotien_parse(s, &c->unit) != 0 || c->unit == 0) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "lam_tron_den: \"%s\" is "
		    "not a rounding unit in đồng (%s/mac-dinh.yaml or "
		    "--config)", s ? s : "", kd->dir);
		return VB_EINPUT;
	}
	c->round = opt->round;
	if (c->round < 0 && kt_round_parse((s = tmpl_vars_get(kd->config,
	    "lam_tron")) ? s : "", &c->round) != 0) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "lam_tron: \"%s\" must be "
		    "len or gan", s);
		return VB_EINPUT;
	}
	c->sort = opt->sort;
	if (c->sort < 0 && kt_sort_parse((s = tmpl_vars_get(kd->config,
	    "sap_xep")) ? s : "", &c->sort) != 0) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "sap_xep: \"%s\" must be "
		    "nhap, ten or don-vi", s);
		return VB_EINPUT;
	}
	return VB_OK;
}

/* The nominees of one form by kind, in the order asked for, and what
 * each kind is paid. */
struct kt_group {
	struct kt_nominee	**by[2];      /* per enum kt_kind */
	size_t			  cnt[2];
	long			  coef[2];    /* thousandths on the date, -1: none */
	unsigned long long	  amount[2];  /* per nominee, VND */
	unsigned long long	  total;      /* VND */
};

static int
kt_group_make(const struct kt_data *kd, const struct kt_list *l, int form,
    vb_date date, const struct kt_calc *c, struct kt_group *g,
    struct diag *d)
{
	struct kt_rate	*rate;
	size_t		 i;
	int		 k;

	memset(g, 0, sizeof(*g));
	for (k = 0; k < 2; k++) {
		g->coef[k] = kt_coef_on(kd, form, (enum kt_kind)k, date, &rate);
		if ((g->by[k] = calloc(l->n + 1, sizeof(*g->by[k]))) == NULL)
			return -1;
		for (i = 0; i < l->n; i++)
			if (l->rows[i].form == form &&
			    (int)l->rows[i].kind == k)
				g->by[k][g->cnt[k]++] = &l->rows[i];
		kt_nominees_sort(g->by[k], g->cnt[k], c->sort);
		if (g->cnt[k] > 0 && rate != NULL) {
			char what[160], cf[32];

			kt_coef_text(rate->coef, cf, sizeof(cf));
			snprintf(what, sizeof(what), "%s %s %s",
			    kd->forms[form].ma, k == KT_CA_NHAN ? "ca_nhan" :
			    "tap_the", cf);
			kt_source_warn(d, kd, "he-so.csv", &rate->src,
			    vb_tr("coefficient"), what);
		}
		if (g->cnt[k] > 0)
			g->amount[k] = kt_amount(g->coef[k], c->base, c->unit,
			    (enum kt_round)c->round);
	}
	g->total = g->amount[KT_CA_NHAN] * g->cnt[KT_CA_NHAN] +
	    g->amount[KT_TAP_THE] * g->cnt[KT_TAP_THE];
	return 0;
}

/* Number, date and the draft mark; nonzero on OOM. */
static int
kt_set_dates(struct tmpl_vars *v, const struct kt_opt *opt)
{
	long		 y = opt->ngay / 10000, m = opt->ngay / 100 % 100,
			 dd = opt->ngay % 100;
	int		 draft = opt->du_thao != NULL, oom = 0;
	const char	*s, *ky_hieu;

	ky_hieu = (s = tmpl_vars_get(v, "ky_hieu")) ? s : "";
	if (opt->phong_trao != NULL)
		oom |= tmpl_vars_set(v, "phong_trao", opt->phong_trao);
	oom |= tmpl_vars_set(v, "so", !draft && opt->so ? opt->so : "");
	oom |= tmpl_vars_setf(v, "ngay", !draft && opt->ngay_given ?
	    "%04ld-%02ld-%02ld" : "", y, m, dd);
	oom |= tmpl_vars_set(v, "du_thao", !draft ? "" :
	    strcmp(opt->du_thao, "true") == 0 ? "true" : opt->du_thao);
	if (draft && strcmp(opt->du_thao, "true") != 0)
		oom |= kt_set_take(v, "du_thao", tmpl_yaml_scalar(opt->du_thao));
	oom |= tmpl_vars_setf(v, "nam", "%04ld", y);
	oom |= tmpl_vars_setf(v, "nam_thi_dua", "%04ld", opt->nam ? opt->nam : y);
	oom |= kt_set_take(v, "so_ky_hieu", kt_so_ky_hieu(draft ? NULL :
	    opt->so, ky_hieu));
	if (!draft && opt->ngay_given)
		/* Nghị định 30: a leading 0 for days under 10 and for
		 * months 1 and 2 only. */
		oom |= tmpl_vars_setf(v, "ngay_chu", "ngày %02ld tháng %0*ld năm %04ld",
		    dd, m < 3 ? 2 : 1, m, y);
	else
		oom |= tmpl_vars_setf(v, "ngay_chu", "ngày %s tháng %s năm %04ld",
		    KT_BLANK_DAY, KT_BLANK_DAY, y);
	return oom;
}

/* Điều 3's executors (thi_hanh): "các tập thể, cá nhân có tên tại Điều
 * 1" names only the kinds the decision has.  Nonzero on OOM. */
static int
kt_set_thi_hanh(struct tmpl_vars *v, const struct kt_group *g)
{
	static const char both[] = "các tập thể, cá nhân";
	const char	*s = tmpl_vars_get(v, "thi_hanh"), *p;
	const char	*one = g->cnt[KT_TAP_THE] ? "các tập thể" : "các cá nhân";
	char		*r;

	if (s == NULL || (p = strstr(s, both)) == NULL ||
	    (g->cnt[KT_TAP_THE] && g->cnt[KT_CA_NHAN]))
		return 0;
	if (asprintf(&r, "%.*s%s%s", (int)(p - s), s, one,
	    p + strlen(both)) < 0)
		return -1;
	return kt_set_take(v, "thi_hanh", r);
}

/* Few recipients (up to dieu_1_toi_da): named in Điều 1 (nhan_dieu_1,
 * thanh_tich_dieu_1 "1" when they carry their own achievements), no
 * annex; phu_luc "1" otherwise.  Nonzero on OOM. */
static int
kt_set_dieu_1(struct tmpl_vars *v, const struct kt_group *g, struct diag *d)
{
	struct kt_nominee *const	*by[2] = { g->by[0], g->by[1] };
	char				*names;
	long				 lim;
	int				 own = 0, oom;

	if (kt_dieu_1_limit(v, &lim, d, NULL) != 0 ||
	    g->cnt[0] + g->cnt[1] > (size_t)lim)
		return tmpl_vars_set(v, "phu_luc", "1") |
		    tmpl_vars_set(v, "nhan_dieu_1", "") |
		    tmpl_vars_set(v, "thanh_tich_dieu_1", "");
	if ((names = kt_dieu_1_names(by, g->cnt, &own)) == NULL)
		return -1;
	oom = tmpl_vars_set(v, "phu_luc", "");
	oom |= tmpl_vars_set(v, "thanh_tich_dieu_1", own ? "1" : "");
	return oom | kt_set_take(v, "nhan_dieu_1", names);
}

/* The form's words, counts, amounts, căn cứ and annex rows; nonzero on
 * OOM. */
static int
kt_set_money(struct tmpl_vars *v, const struct kt_data *kd,
    const struct kt_list *l, const struct kt_form *f,
    const struct kt_calc *c, const struct kt_group *g, vb_date ngay,
    struct diag *d)
{
	struct vbuf	 rows = { NULL, 0, 0, 0 };
	char		 coef[32], key[32];
	int		 k, oom = 0;

	oom |= tmpl_vars_set(v, "ma", f->ma);
	oom |= tmpl_vars_set(v, "hinh_thuc", f->ten);
	oom |= tmpl_vars_set(v, "trich_yeu", f->trich_yeu);
	oom |= tmpl_vars_set(v, "dieu_1", f->dieu_1);
	oom |= tmpl_vars_set(v, "danh_sach", f->danh_sach);
	oom |= tmpl_vars_setf(v, "n_tap_the", "%zu", g->cnt[KT_TAP_THE]);
	oom |= tmpl_vars_setf(v, "n_ca_nhan", "%zu", g->cnt[KT_CA_NHAN]);
	oom |= kt_set_take(v, "doi_tuong_dem", kt_counts(g->cnt[KT_TAP_THE],
	    g->cnt[KT_CA_NHAN]));
	oom |= tmpl_vars_set(v, "muc_ca_nhan", g->cnt[KT_TAP_THE] ? "II" : "I");
	oom |= kt_set_take(v, "luong_co_so", sotien_figures(c->base));
	for (k = 0; k < 2; k++) {
		const char *kn = k == KT_CA_NHAN ? "ca_nhan" : "tap_the";

		coef[0] = '\0';
		if (g->coef[k] >= 0)
			kt_coef_text(g->coef[k], coef, sizeof(coef));
		snprintf(key, sizeof(key), "he_so_%s", kn);
		oom |= tmpl_vars_set(v, key, coef);
		snprintf(key, sizeof(key), "tien_%s", kn);
		oom |= g->cnt[k] && g->amount[k] ? kt_set_take(v, key,
		    kt_money(g->amount[k])) : tmpl_vars_set(v, key, "");
	}
	oom |= g->total ? kt_set_take(v, "tong_tien", kt_money(g->total)) :
	    tmpl_vars_set(v, "tong_tien", "");
	oom |= kt_set_take(v, "can_cu", kt_basis_text(kd, v, ngay, d));
	oom |= kt_set_thi_hanh(v, g);
	oom |= tmpl_vars_set(v, "co_thanh_tich", l->has_thanh_tich ? "1" : "");
	oom |= kt_set_dieu_1(v, g, d);
	for (k = 0; k < 2; k++) {
		kt_rows(&rows, g->by[k], g->cnt[k], l->has_thanh_tich);
		oom |= kt_set_take(v, k == KT_CA_NHAN ? "dong_ca_nhan" :
		    "dong_tap_the", vbuf_take(&rows));
	}
	return oom;
}

/* The register's figures of a decision just made. */
static void
kt_summary_fill(struct kt_summary *sum, const struct kt_group *g,
    const struct tmpl_vars *v, const struct kt_opt *opt)
{
	const char *skh = tmpl_vars_get(v, "so_ky_hieu");

	memset(sum, 0, sizeof(*sum));
	sum->n[0] = g->cnt[0];
	sum->n[1] = g->cnt[1];
	sum->amount[0] = g->amount[0];
	sum->amount[1] = g->amount[1];
	sum->total = g->total;
	if (opt->du_thao == NULL && opt->so != NULL && skh != NULL)
		snprintf(sum->so_ky_hieu, sizeof(sum->so_ky_hieu), "%s", skh);
}

int
kt_decision(const struct kt_data *kd, const struct kt_list *l, int form,
    const struct kt_opt *opt, struct diag *d, char **out)
{
	const struct kt_form	*f = &kd->forms[form];
	struct kt_calc		 c;
	struct kt_group		 g;
	struct tmpl_vars	*v = NULL;
	char			*skel = NULL, path[4096];
	int			 rc;

	*out = NULL;
	if ((rc = kt_calc_get(kd, opt, &c, d)) != VB_OK)
		return rc;
	rc = VB_ESYS;
	if (kt_group_make(kd, l, form, opt->ngay, &c, &g, d) != 0)
		goto done;
	if (g.total > SOTIEN_MAX) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "total amount too large");
		rc = VB_EINPUT;
		goto done;
	}
	if ((v = tmpl_vars_dup(kd->config)) == NULL ||
	    kt_set_dates(v, opt) != 0 ||
	    kt_set_money(v, kd, l, f, &c, &g, opt->ngay, d) != 0)
		goto done;
	/* The skeleton: --template, else the form's own. */
	if (opt->skeleton != NULL)
		snprintf(path, sizeof(path), "%s", opt->skeleton);
	else
		snprintf(path, sizeof(path), "%s/%s", kd->dir, f->mau);
	if ((rc = kt_read_skeleton(path, d, &skel)) == VB_OK)
		rc = tmpl_expand(path, skel, v, d, out);
	if (rc == VB_OK && opt->sum != NULL)
		kt_summary_fill(opt->sum, &g, v, opt);
done:
	if (rc == VB_ESYS && diag_errors(d) == 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
	free(skel);
	tmpl_vars_free(v);
	free(g.by[0]);
	free(g.by[1]);
	return rc;
}
