/*
 * settings.c - /cau-hinh: the province's settings for the decisions as
 * a form, stored as the YAML config vb-khenthuong reads (--config), in
 * DATA/cau-hinh/khen-thuong.yaml; the previous version is kept as
 * khen-thuong.yaml.cu.  A new file is checked by loading it as the
 * tool would before it replaces the old one.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vanban.h"
#include "kt/kt.h"
#include "web/web_int.h"

/* One setting: its variable (a mapping's sub-key as "map_sub"), where
 * it goes in the file (map, sub), its label; list: one item a line. */
struct setting {
	const char	*var;
	const char	*map;     /* NULL: a top-level key */
	const char	*sub;
	int		 list;
	const char	*label;
};

static const struct setting settings[] = {
	{ "co_quan_chu_quan", NULL, NULL, 0, "Cơ quan chủ quản (để trống "
	    "nếu cơ quan ban hành là UBND tỉnh)" },
	{ "co_quan", NULL, NULL, 0, "Cơ quan ban hành (chữ in hoa, như trên "
	    "tiêu đề)" },
	{ "ky_hieu", NULL, NULL, 0, "Ký hiệu của số (QĐ-UBND)" },
	{ "dia_danh", NULL, NULL, 0, "Địa danh (trong “…, ngày … tháng …”)" },
	{ "tham_quyen_dong", NULL, NULL, 0, "Dòng thẩm quyền trên căn cứ" },
	{ "nguoi_ky_danh_sach", NULL, NULL, 0, "Người ký (trên danh sách "
	    "kèm theo)" },
	{ "ky_tham_quyen", "ky", "tham_quyen", 0, "Người ký: thẩm quyền "
	    "(KT. CHỦ TỊCH, hoặc để trống)" },
	{ "ky_chuc_vu", "ky", "chuc_vu", 0, "Người ký: chức vụ" },
	{ "ky_ho_ten", "ky", "ho_ten", 0, "Người ký: họ và tên" },
	{ "quy_che_ten", "quy_che", "ten", 0, "Quy chế thi đua, khen thưởng: "
	    "tên" },
	{ "quy_che_so", "quy_che", "so", 0, "Quy chế: số quyết định ban hành" },
	{ "quy_che_ngay", "quy_che", "ngay", 0, "Quy chế: ngày ban hành "
	    "(2018-05-10)" },
	{ "quy_che_co_quan", "quy_che", "co_quan", 0, "Quy chế: cơ quan ban "
	    "hành" },
	{ "xet_de_nghi", NULL, NULL, 0, "Xét đề nghị của" },
	{ "to_trinh_so", "to_trinh", "so", 0, "Tờ trình: số" },
	{ "to_trinh_ngay", "to_trinh", "ngay", 0, "Tờ trình: ngày "
	    "(2020-12-18)" },
	{ "noi_nhan", NULL, NULL, 1, "Nơi nhận (mỗi dòng một nơi)" },
	{ "luu", NULL, NULL, 0, "Lưu" },
	{ "nguoi_soan", NULL, NULL, 0, "Chữ viết tắt người soạn (sau "
	    "“Lưu:”)" },
	{ "quy", NULL, NULL, 0, "Quỹ chi tiền thưởng (Điều 2)" },
	{ "thi_hanh", NULL, NULL, 0, "Tổ chức thi hành (Điều 3)" },
	{ "lam_tron", NULL, NULL, 0, "Làm tròn tiền thưởng: len (lên) hoặc "
	    "gan (gần nhất)" },
	{ "lam_tron_den", NULL, NULL, 0, "Làm tròn đến (đồng)" },
	{ NULL, NULL, NULL, 0, NULL }
};

static pthread_mutex_t settings_mu = PTHREAD_MUTEX_INITIALIZER;

/* The settings in force: the shipped defaults under the saved file.
 * *out: free with kt_data_free; VB_OK or not. */
static int
settings_load(const char *path, struct diag *d, struct kt_data **out)
{
	char	*tdir = kt_find_templates(web_opt->templates);
	int	 rc;

	*out = NULL;
	if (tdir == NULL)
		return VB_ESYS;
	rc = kt_data_load(tdir, d, out);
	free(tdir);
	if (rc == VB_OK && path != NULL && access(path, F_OK) == 0)
		rc = kt_config_load(path, (*out)->config, d);
	return rc;
}

char *
settings_form(const char *csrf, const char *note)
{
	struct vbuf		 b = { NULL, 0, 0, 0 };
	struct kt_data		*kd = NULL;
	struct diag		*d = diag_new();
	const struct setting	*s;
	char			*path = store_cfg_path("khen-thuong.yaml");
	size_t			 i, n;

	page_head(&b, "Cài đặt");
	vbuf_puts(&b, "<h1>Cài đặt của tỉnh</h1>");
	if (note != NULL) {
		vbuf_puts(&b, "<div class=\"luu-y\" role=\"status\"><p>");
		page_esc(&b, note);
		vbuf_puts(&b, "</p></div>");
	}
	pthread_mutex_lock(&settings_mu);
	if (d != NULL && path != NULL)
		settings_load(path, d, &kd);
	pthread_mutex_unlock(&settings_mu);
	vbuf_printf(&b, "<section><p class=\"goi-y\">Dùng cho mọi quyết định "
	    "khen thưởng soạn sau khi lưu; bản trước được giữ lại "
	    "(khen-thuong.yaml.cu).</p><form method=\"post\" "
	    "action=\"/cau-hinh\" enctype=\"multipart/form-data\">"
	    "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", csrf);
	for (s = settings; s->var != NULL; s++) {
		vbuf_printf(&b, "<label for=\"%s\">", s->var);
		page_esc(&b, s->label);
		vbuf_puts(&b, "</label>");
		if (s->list) {
			vbuf_printf(&b, "<textarea id=\"%s\" name=\"%s\" "
			    "rows=\"6\">", s->var, s->var);
			n = kd ? tmpl_vars_count(kd->config, s->var) : 0;
			for (i = 0; i < n; i++) {
				page_esc(&b, tmpl_vars_item(kd->config, s->var,
				    i));
				vbuf_puts(&b, "\n");
			}
			vbuf_puts(&b, "</textarea>\n");
			continue;
		}
		vbuf_printf(&b, "<input type=\"text\" id=\"%s\" name=\"%s\" "
		    "value=\"", s->var, s->var);
		page_esc(&b, kd ? tmpl_vars_get(kd->config, s->var) : NULL);
		vbuf_puts(&b, "\">\n");
	}
	vbuf_puts(&b, "<br><button type=\"submit\">Lưu cài đặt</button>"
	    "</form></section>");
	page_foot(&b);
	kt_data_free(kd);
	diag_free(d);
	free(path);
	return vbuf_take(&b);
}

/* The YAML of the posted settings, as the tool's --config reads it. */
static char *
settings_yaml(const struct web_req *r, const struct kt_data *cur)
{
	struct vbuf		 b = { NULL, 0, 0, 0 };
	const struct setting	*s;
	const char		*v, *map = NULL;
	char			*q, *copy, *line, *save;

	vbuf_puts(&b, "# The province's settings for vb-khenthuong (--config),"
	    "\n# written by vb-web's /cau-hinh page.\n");
	for (s = settings; s->var != NULL; s++) {
		if ((v = web_field(r, s->var)) == NULL && cur != NULL &&
		    !s->list)	/* not in the form sent: kept */
			v = tmpl_vars_get(cur->config, s->var);
		if (s->map != NULL && (map == NULL || strcmp(map, s->map) != 0))
			vbuf_printf(&b, "%s:\n", s->map);
		map = s->map;
		if (s->list) {
			vbuf_printf(&b, "%s:", s->var);
			if (v == NULL && cur != NULL) {
				size_t i, n = tmpl_vars_count(cur->config,
				    s->var);

				for (i = 0; i < n; i++) {
					q = tmpl_yaml_scalar(tmpl_vars_item(
					    cur->config, s->var, i));
					vbuf_printf(&b, "\n  - %s", q ? q : "");
					free(q);
				}
				vbuf_puts(&b, n ? "\n" : " []\n");
				continue;
			}
			if ((copy = strdup(v ? v : "")) == NULL)
				b.bad = 1;
			for (line = copy ? strtok_r(copy, "\r\n", &save) : NULL;
			    line != NULL; line = strtok_r(NULL, "\r\n", &save)) {
				if ((q = tmpl_yaml_scalar(line)) == NULL)
					b.bad = 1;
				vbuf_printf(&b, "\n  - %s", q ? q : "");
				free(q);
			}
			if (b.s != NULL && b.s[b.len - 1] == ':')
				vbuf_puts(&b, " []");
			vbuf_puts(&b, "\n");
			free(copy);
			continue;
		}
		if ((q = tmpl_yaml_scalar(v ? v : "")) == NULL)
			b.bad = 1;
		vbuf_printf(&b, "%s%s: %s\n", s->map ? "  " : "", s->map ?
		    s->sub : s->var, q ? q : "");
		free(q);
	}
	return vbuf_take(&b);
}

/* Every message of d, one a line (malloc'd). */
static char *
settings_errors(const struct diag *d)
{
	struct vbuf	b = { NULL, 0, 0, 0 };
	size_t		i;

	for (i = 0; i < diag_count(d); i++)
		if (diag_item(d, i)->level == DIAG_ERROR)
			vbuf_printf(&b, "%s\n", diag_item(d, i)->text);
	return vbuf_take(&b);
}

/* The values the YAML loader cannot judge: rounding, dates.  A
 * malloc'd message, or NULL when all are good. */
static char *
settings_check(const struct web_req *r)
{
	static const char *const dates[] = { "quy_che_ngay", "to_trinh_ngay",
	    NULL };
	unsigned long long	 unit;
	const char		*v;
	vb_date			 day;
	char			*msg = NULL;
	int			 mode, i;

	if ((v = web_field(r, "lam_tron")) != NULL && *v != '\0' &&
	    kt_round_parse(v, &mode) != 0)
		return asprintf(&msg, vb_tr("lam_tron: \"%s\" must be len "
		    "or gan"), v) < 0 ? NULL : msg;
	if ((v = web_field(r, "lam_tron_den")) != NULL && (*v == '\0' ||
	    sotien_parse(v, &unit) != 0 || unit == 0))
		return asprintf(&msg, vb_tr("lam_tron_den: \"%s\" is not an "
		    "amount in đồng (write 10.000)"), v) < 0 ? NULL : msg;
	for (i = 0; dates[i] != NULL; i++)
		if ((v = web_field(r, dates[i])) != NULL && *v != '\0' &&
		    strstr(v, "…") == NULL && vb_date_parse(v, &day) != 0)
			return asprintf(&msg, vb_tr("%s: \"%s\" is not a date "
			    "(write 2020-12-18)"), dates[i], v) < 0 ? NULL : msg;
	return NULL;
}

int
settings_save(const struct web_req *r, char **err)
{
	struct kt_data	*kd = NULL, *cur = NULL;
	struct diag	*d = diag_new();
	char		*yaml = NULL;
	char		*path = store_cfg_path("khen-thuong.yaml");
	char		*tmp = store_cfg_path("khen-thuong.yaml.moi");
	char		*old = store_cfg_path("khen-thuong.yaml.cu");
	int		 rc = -1;

	if ((*err = settings_check(r)) != NULL) {
		diag_free(d);
		free(path);
		free(tmp);
		free(old);
		return -1;
	}
	pthread_mutex_lock(&settings_mu);
	if (d != NULL && path != NULL && settings_load(path, d, &cur) == VB_OK)
		yaml = settings_yaml(r, cur);
	if (d == NULL || yaml == NULL || path == NULL || tmp == NULL ||
	    old == NULL || text_write_file(tmp, yaml, strlen(yaml), d) != VB_OK)
		*err = strdup(vb_tr("The settings could not be saved: tell "
		    "the IT staff."));
	else if (settings_load(tmp, d, &kd) != VB_OK || diag_errors(d) > 0) {
		*err = settings_errors(d);
		unlink(tmp);
	} else if ((access(path, F_OK) == 0 && rename(path, old) != 0) ||
	    rename(tmp, path) != 0)
		*err = strdup(vb_tr("The settings could not be saved: tell "
		    "the IT staff."));
	else
		rc = 0;
	pthread_mutex_unlock(&settings_mu);
	kt_data_free(kd);
	kt_data_free(cur);
	diag_free(d);
	free(yaml);
	free(path);
	free(tmp);
	free(old);
	return rc;
}
