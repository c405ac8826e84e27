/*
 * phoi.c - vb-khenthuong's certificates: for each award form of the
 * list that has a layout (templates/khen-thuong/phoi/<code>.yaml), the
 * awardees' text in list order (title line, Ông/Bà, name, position,
 * unit, achievement, the decision's number and date, place and date,
 * signer, số sổ vàng), rendered by render_phoi: phoi-<code>.pdf to
 * print onto the blanks, phoi-<code>-can-le.pdf to calibrate the
 * printer, phoi-<code>-xem-truoc.pdf over the scanned blank.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kt/kt.h"

/* One output file, rendered. */
struct kt_phoi_file {
	char	*path;   /* where it goes ("-": a dump to stdout) */
	char	*data;   /* PDF or layout dump */
	size_t	 len;
};

struct kt_phoi {
	struct kt_phoi_file	*f;
	size_t			 n, cap;
};

/* The texts of one form's certificates: per awardee, strings owned by
 * the list, the config or own (own[]). */
struct kt_certs {
	struct phoi_cert	*c;
	size_t			 n;
	char			**own;   /* malloc'd strings to free */
	size_t			 nown, capown;
};

/* Keep s to free it later; s itself, or NULL (s freed) on OOM. */
static char *
kt_own(struct kt_certs *cs, char *s)
{
	if (s == NULL || vb_grow((void **)&cs->own, &cs->capown, cs->nown + 1,
	    sizeof(*cs->own)) != 0) {
		free(s);
		return NULL;
	}
	return cs->own[cs->nown++] = s;
}

static void
kt_certs_free(struct kt_certs *cs)
{
	size_t i;

	for (i = 0; i < cs->nown; i++)
		free(cs->own[i]);
	free(cs->own);
	free(cs->c);
}

/* A config value, "" when unset. */
static const char *
kt_cfg(const struct kt_data *kd, const char *key)
{
	const char *s = tmpl_vars_get(kd->config, key);

	return s ? s : "";
}

/* An offset in mm of the config (phoi_lech_x, _y): 0 and *mm, or -1
 * after an error. */
static int
kt_offset(const struct kt_batch *b, const struct kt_data *kd,
    const char *key, double *mm, struct diag *d)
{
	const char	*s = kt_cfg(kd, key);
	char		 buf[32], *end, *c;

	*mm = 0;
	if (*s == '\0')
		return 0;
	snprintf(buf, sizeof(buf), "%s", s);
	if ((c = strchr(buf, ',')) != NULL)
		*c = '.';
	*mm = strtod(buf, &end);
	if (*end == '\0' && *mm >= -50 && *mm <= 50 && strlen(s) < 32)
		return 0;
	diag_add(d, DIAG_ERROR, b->config ? b->config : "mac-dinh.yaml", 0, 0,
	    "%s: \"%s\" is not an offset in mm between -50 and 50 (write "
	    "1.5 or -0.5)", key, s);
	return -1;
}

/* The first số sổ vàng of form f: --so-vang FORM=N or a plain N; NULL
 * when none; -1 after an error. */
static int
kt_so_vang(const struct kt_batch *b, const struct kt_form *f,
    const char **out, struct diag *d)
{
	const char	*s = NULL, *p;
	size_t		 n = strlen(f->ma);
	int		 i;

	for (i = 0; i < b->nso_vang && s == NULL; i++)
		if (strncmp(b->so_vang[i], f->ma, n) == 0 &&
		    b->so_vang[i][n] == '=')
			s = b->so_vang[i] + n + 1;
	for (i = 0; i < b->nso_vang && s == NULL; i++)
		if (strchr(b->so_vang[i], '=') == NULL)
			s = b->so_vang[i];
	*out = s;
	for (p = s; p != NULL && *p >= '0' && *p <= '9'; p++)
		;
	if (s == NULL || (*s != '\0' && *p == '\0' && p - s <= 9))
		return 0;
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "--so-vang %s: the first number "
	    "in the register is a whole number (write 1250, or %s=1250)", s,
	    f->ma);
	return -1;
}

/* Every --so-vang names a form of the list, or is a plain N with one
 * form (each form has its own register).  VB_OK or VB_EUSAGE. */
static int
kt_so_vang_check(const struct kt_batch *b, const struct kt_data *kd,
    const int *used, size_t nused, struct diag *d)
{
	const char	*eq;
	size_t		 j, n;
	int		 i, hit, rc = VB_OK;

	for (i = 0; i < b->nso_vang; i++) {
		eq = strchr(b->so_vang[i], '=');
		n = eq ? (size_t)(eq - b->so_vang[i]) : 0;
		hit = eq == NULL && nused == 1;
		for (j = 0; eq != NULL && j < nused; j++)
			if (strlen(kd->forms[used[j]].ma) == n &&
			    strncmp(b->so_vang[i], kd->forms[used[j]].ma, n) == 0)
				hit = 1;
		if (hit)
			continue;
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--so-vang %s: %s",
		    b->so_vang[i], eq ? vb_tr("no such award form in the list") :
		    vb_tr("with several forms give FORM=N (each form has its "
		    "own register; form codes of hinh-thuc.csv)"));
		rc = VB_EUSAGE;
	}
	return rc;
}

/* "Ông" or "Bà" from a danh_xung cell (Ông, Bà, Nam, Nữ in any case),
 * "" when empty; NULL after an error at the awardee's line. */
static const char *
kt_danh_xung(const struct kt_list *l, const struct kt_nominee *nm,
    struct diag *d)
{
	char		*f = csvt_fold(nm->danh_xung);
	const char	*r = NULL;

	if (f == NULL || nm->kind == KT_TAP_THE || *f == '\0')
		r = "";
	else if (strcmp(f, "ong") == 0 || strcmp(f, "nam") == 0)
		r = "Ông";
	else if (strcmp(f, "ba") == 0 || strcmp(f, "nu") == 0)
		r = "Bà";
	else
		diag_add(d, DIAG_ERROR, l->name, nm->line, 0, "\"%s\": danh "
		    "xưng \"%s\" is neither Ông nor Bà (or Nam, Nữ)",
		    nm->ho_ten, nm->danh_xung);
	free(f);
	return r;
}

/* The texts every certificate of form f shares into base (owned by cs):
 * title line, form, decision, place and date, signer. */
static int
kt_cert_common(const struct kt_batch *b, const struct kt_data *kd,
    const struct kt_form *f, struct kt_certs *cs, struct phoi_cert *base)
{
	const vb_date	 t = b->opt.ngay;
	long		 y = t / 10000, m = t / 100 % 100, dd = t % 100;
	int		 dated = b->opt.ngay_given && b->opt.du_thao == NULL;
	const char	*so = b->opt.du_thao ? NULL : kt_number_for(b, f);
	const char	*tq = kt_cfg(kd, "ky_tham_quyen");
	char		*s, *sk;

	memset(base, 0, sizeof(*base));
	base->v[PHOI_TIEU_DE] = kt_cfg(kd, "tham_quyen_dong");
	base->v[PHOI_HINH_THUC] = f->ten;
	base->v[PHOI_NGUOI_KY] = kt_cfg(kd, "ky_ho_ten");
	/* Without a number (a draft, no --so): dots to fill by hand. */
	if (so != NULL && *so != '\0')
		sk = kt_so_ky_hieu(so, kt_cfg(kd, "ky_hieu"));
	else if (asprintf(&sk, "……/%s", kt_cfg(kd, "ky_hieu")) < 0)
		sk = NULL;
	if (sk == NULL)
		return -1;
	if (dated)
		s = asprintf(&s, "Quyết định số %s ngày %02ld/%02ld/%04ld", sk,
		    dd, m, y) < 0 ? NULL : s;
	else
		s = asprintf(&s, "Quyết định số %s ngày ……/……/%04ld", sk, y) < 0 ?
		    NULL : s;
	free(sk);
	if ((base->v[PHOI_QUYET_DINH] = kt_own(cs, s)) == NULL)
		return -1;
	/* Nghị định 30: a leading 0 for days under 10 and months 1, 2. */
	if (dated)
		s = asprintf(&s, "%s, ngày %02ld tháng %0*ld năm %04ld",
		    kt_cfg(kd, "dia_danh"), dd, m < 3 ? 2 : 1, m, y) < 0 ?
		    NULL : s;
	else
		s = asprintf(&s, "%s, ngày …… tháng …… năm %04ld",
		    kt_cfg(kd, "dia_danh"), y) < 0 ? NULL : s;
	if ((base->v[PHOI_NOI_NGAY] = kt_own(cs, s)) == NULL)
		return -1;
	if (asprintf(&s, "%s%s%s", tq, *tq ? "\n" : "",
	    kt_cfg(kd, "ky_chuc_vu")) < 0)
		s = NULL;
	return (base->v[PHOI_CHUC_VU_KY] = kt_own(cs, s)) == NULL ? -1 : 0;
}

/* The certificates of form `form`, in list order, into cs.  VB_OK,
 * VB_EINPUT or VB_ESYS. */
static int
kt_certs(const struct kt_batch *b, const struct kt_data *kd,
    const struct kt_list *l, int form, const struct phoi_layout *lay,
    struct kt_certs *cs, struct diag *d)
{
	const struct kt_form	*f = &kd->forms[form];
	struct phoi_cert	 base;
	const char		*sv;
	unsigned long		 no = 0;
	size_t			 i;
	int			 width = 0;

	if ((cs->c = calloc(l->n + 1, sizeof(*cs->c))) == NULL ||
	    kt_cert_common(b, kd, f, cs, &base) != 0)
		return VB_ESYS;
	sv = b->opt.du_thao ? NULL : kt_number_for(b, f);
	if (phoi_layout_uses(lay, PHOI_QUYET_DINH) && (sv == NULL || *sv ==
	    '\0' || !b->opt.ngay_given || b->opt.du_thao != NULL))
		diag_add(d, DIAG_WARNING, NULL, 0, 0, "\"%s\": the certificates "
		    "leave the decision's number or date blank (a certificate "
		    "cites the signed decision: give --so and --ngay)", f->ten);
	if (kt_so_vang(b, f, &sv, d) != 0)
		return VB_EUSAGE;
	if (sv != NULL) {
		no = strtoul(sv, NULL, 10);
		width = (int)strlen(sv);
	} else if (phoi_layout_uses(lay, PHOI_SO_VANG))
		diag_add(d, DIAG_WARNING, NULL, 0, 0, "\"%s\": no --so-vang: "
		    "the certificates leave the number in the register (số sổ "
		    "vàng) blank", f->ten);
	for (i = 0; i < l->n; i++) {
		const struct kt_nominee	*nm = &l->rows[i];
		struct phoi_cert	*c = &cs->c[cs->n];
		char			*s;

		if (nm->form != form)
			continue;
		*c = base;
		c->file = l->name;
		c->line = nm->line;
		c->v[PHOI_DANH_XUNG] = kt_danh_xung(l, nm, d);
		c->v[PHOI_HO_TEN] = nm->ho_ten;
		c->v[PHOI_CHUC_VU] = nm->kind == KT_CA_NHAN ? nm->chuc_vu : "";
		c->v[PHOI_DON_VI] = nm->don_vi;
		c->v[PHOI_THANH_TICH] = nm->thanh_tich;
		if (sv != NULL) {
			if (asprintf(&s, "%0*lu", width, no++) < 0 ||
			    (c->v[PHOI_SO_VANG] = kt_own(cs, s)) == NULL)
				return VB_ESYS;
		}
		cs->n++;
	}
	return VB_OK;
}

/* Add one rendered output: dir/phoi-<code><suffix>.pdf (a dump with a
 * heading when dumping).  VB_OK or VB_ESYS. */
static int
kt_phoi_add(struct kt_phoi *ph, const char *dir, const char *ma,
    const char *suffix, int dump, char *data, size_t len)
{
	struct kt_phoi_file	*f;
	char			*path, *head;

	if (asprintf(&path, "%s/phoi-%s%s.pdf", dir, ma, suffix) < 0) {
		free(data);
		return VB_ESYS;
	}
	if (dump) {
		const char *base = strrchr(path, '/') + 1;

		if (asprintf(&head, "==> %s\n%.*s", base, (int)len, data) < 0) {
			free(path);
			free(data);
			return VB_ESYS;
		}
		free(data);
		free(path);
		data = head;
		len = strlen(head);
		if ((path = strdup("-")) == NULL) {
			free(data);
			return VB_ESYS;
		}
	}
	if (vb_grow((void **)&ph->f, &ph->cap, ph->n + 1, sizeof(*ph->f)) !=
	    0) {
		free(path);
		free(data);
		return VB_ESYS;
	}
	f = &ph->f[ph->n++];
	f->path = path;
	f->data = data;
	f->len = len;
	return VB_OK;
}

/* Form f's layout, loaded into *lay; a note and *lay NULL when the
 * templates have none.  VB_OK, VB_EINPUT or VB_ESYS. */
static int
kt_phoi_layout(const struct kt_data *kd, const struct kt_form *f,
    struct phoi_layout **lay, struct diag *d)
{
	struct stat	 st;
	char		*path;
	int		 rc;

	*lay = NULL;
	if (asprintf(&path, "%s/phoi/%s.yaml", kd->dir, f->ma) < 0)
		return VB_ESYS;
	if (stat(path, &st) != 0 && errno == ENOENT) {
		diag_add(d, DIAG_NOTE, NULL, 0, 0, "\"%s\" has no certificate "
		    "layout (phoi/%s.yaml in the templates): its certificates "
		    "are not printed", f->ten, f->ma);
		free(path);
		return VB_OK;
	}
	rc = phoi_layout_load(path, d, lay);
	free(path);
	return rc;
}

/* The outputs of one form's layout into ph.  VB_OK, VB_EINPUT or
 * VB_ESYS. */
static int
kt_phoi_form(const struct kt_batch *b, const struct phoi_layout *lay,
    const struct kt_form *f, const struct kt_certs *cs, struct render *r,
    const char *dir, double dx, double dy, struct kt_phoi *ph,
    struct diag *d)
{
	static const char *const suffix[] = { "", "-can-le", "-xem-truoc" };
	int		 want[3] = { b->phoi, b->phoi_can, b->phoi_nen };
	struct phoi_opt	 o;
	char		*out, *title;
	size_t		 len;
	int		 m, rc = VB_OK;

	if (asprintf(&title, "Phôi %s", f->ten) < 0)
		return VB_ESYS;
	for (m = 0; m < 3 && rc == VB_OK; m++) {
		if (!want[m])
			continue;
		memset(&o, 0, sizeof(o));
		o.mode = (enum phoi_mode)m;
		o.dx_mm = dx;
		o.dy_mm = dy;
		o.nen = b->nen;
		o.title = title;
		rc = render_phoi(r, lay, cs->c, cs->n, &o, &out, &len, d);
		if (rc == VB_OK)
			rc = kt_phoi_add(ph, dir, f->ma, suffix[m],
			    b->phoi_dump, out, len);
	}
	free(title);
	return rc;
}

/* The folder the certificates go to: -d DIR, else -o FILE's. */
static char *
kt_phoi_dir(const struct kt_batch *b)
{
	const char *s;

	if (b->outdir != NULL)
		return strdup(b->outdir);
	if (b->outfile == NULL || (s = strrchr(b->outfile, '/')) == NULL)
		return strdup(".");
	return strndup(b->outfile, (size_t)(s - b->outfile) + (s ==
	    b->outfile));
}

int
kt_phoi_make(const struct kt_batch *b, const struct kt_data *kd,
    const struct kt_list *l, const int *used, size_t nused,
    struct kt_phoi **out, struct diag *d)
{
	struct kt_phoi		*ph;
	struct render		*r = NULL;
	struct phoi_layout	*lay;
	struct render_opt	 ro = b->ropt;
	char			*dir = NULL;
	double			 dx, dy;
	size_t			 i;
	int			 rc = VB_OK, worst = VB_OK;

	*out = NULL;
	if (!b->phoi && !b->phoi_can && !b->phoi_nen)
		return VB_OK;
	ro.dump_layout = b->phoi_dump;
	if (kt_so_vang_check(b, kd, used, nused, d) != VB_OK)
		return VB_EUSAGE;
	if ((*out = ph = calloc(1, sizeof(*ph))) == NULL ||
	    (dir = kt_phoi_dir(b)) == NULL)
		return VB_ESYS;
	if (kt_offset(b, kd, "phoi_lech_x", &dx, d) != 0 ||
	    kt_offset(b, kd, "phoi_lech_y", &dy, d) != 0) {
		free(dir);
		return VB_EINPUT;
	}
	for (i = 0; i < nused && worst != VB_ESYS; i++) {
		struct kt_certs cs;

		memset(&cs, 0, sizeof(cs));
		if ((rc = kt_phoi_layout(kd, &kd->forms[used[i]], &lay, d)) ==
		    VB_OK && lay != NULL)
			rc = kt_certs(b, kd, l, used[i], lay, &cs, d);
		if (rc == VB_OK && lay != NULL && r == NULL &&
		    (r = render_new(&ro, d)) == NULL)
			rc = VB_ESYS;
		if (rc == VB_OK && lay != NULL && worst == VB_OK)
			rc = kt_phoi_form(b, lay, &kd->forms[used[i]], &cs, r,
			    dir, dx, dy, ph, d);
		kt_certs_free(&cs);
		phoi_layout_free(lay);
		if (rc == VB_ESYS || (rc != VB_OK && worst == VB_OK) ||
		    (rc == VB_EUSAGE && worst == VB_EINPUT))
			worst = rc;
	}
	render_free(r);
	free(dir);
	return worst != VB_OK ? worst : diag_errors(d) ? VB_EINPUT : VB_OK;
}

int
kt_phoi_write(const struct kt_phoi *ph, struct diag *d)
{
	size_t	 i;
	int	 rc = VB_OK;

	for (i = 0; ph != NULL && i < ph->n && rc == VB_OK; i++)
		rc = text_write_file(ph->f[i].path, ph->f[i].data, ph->f[i].len,
		    d);
	return rc;
}

void
kt_phoi_free(struct kt_phoi *ph)
{
	size_t i;

	if (ph == NULL)
		return;
	for (i = 0; i < ph->n; i++) {
		free(ph->f[i].path);
		free(ph->f[i].data);
	}
	free(ph->f);
	free(ph);
}
