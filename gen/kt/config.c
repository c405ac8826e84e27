/*
 * config.c - vb-khenthuong's settings: the keys a config may set
 * (mac-dinh.yaml, mac-dinh-<cap>.yaml, --config), overlaid key by key;
 * the "…" a value still holds (the --khoi-tao file's, or a neutral
 * default's), reported at its line; and --khoi-tao, which writes a new
 * province's (department's, commune's) settings.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "kt/kt.h"

/* ------------------------------------------------------------------ */
/* YAML config                                                          */
/* ------------------------------------------------------------------ */

static const char *const kt_ky_keys[] = {
	"tham_quyen", "chuc_vu", "ho_ten", NULL
};
static const char *const kt_quy_che_keys[] = {
	"ten", "so", "ngay", "co_quan", NULL
};
static const char *const kt_chuc_nang_keys[] = {
	"so", "ngay", "co_quan", "ten", NULL
};
static const char *const kt_to_trinh_keys[] = {
	"so", "ngay", NULL
};

/* The keys a config may set: 's' a string, 'l' a list, 'm' a mapping.
 * Keys starting "x_" are free for a province's own skeletons. */
static const struct config_key kt_config_keys[] = {
	{ "co_quan_chu_quan", 's', NULL }, { "co_quan", 's', NULL },
	{ "ky_hieu", 's', NULL }, { "dia_danh", 's', NULL },
	{ "tham_quyen_dong", 's', NULL }, { "ky", 'm', kt_ky_keys },
	{ "noi_nhan", 'l', NULL }, { "luu", 's', NULL },
	{ "nguoi_soan", 's', NULL }, { "can_cu_them", 'l', NULL },
	{ "quy_che", 'm', kt_quy_che_keys },
	{ "to_trinh", 'm', kt_to_trinh_keys },
	{ "xet_de_nghi", 's', NULL }, { "quy", 's', NULL },
	{ "thi_hanh", 's', NULL }, { "phong_trao", 's', NULL },
	{ "nam", 's', NULL },
	{ "lam_tron", 's', NULL }, { "lam_tron_den", 's', NULL },
	{ "sap_xep", 's', NULL }, { "nguoi_ky_danh_sach", 's', NULL },
	{ "dieu_1_toi_da", 's', NULL }, { "cap", 's', NULL },
	{ "chuc_nang", 'm', kt_chuc_nang_keys },
	{ "to_trinh_co_quan_chu_quan", 's', NULL },
	{ "to_trinh_co_quan", 's', NULL }, { "to_trinh_ky_hieu", 's', NULL },
	{ "to_trinh_ky", 'm', kt_ky_keys },
	{ "phoi_lech_x", 's', NULL }, { "phoi_lech_y", 's', NULL },
	{ NULL, 0, NULL }
};

/* A value no YAML file gives: marks a mapping key the file left out. */
#define KT_UNSET "\x01"

/*
 * After config_load, which replaces every sub-key of a mapping it
 * reads, put back the earlier value (saved) of each sub-key the file
 * left empty or out: a config overrides key by key.  fresh holds the
 * same file loaded over KT_UNSET markers.  One exception: a signer's
 * title (ky: chuc_vu) given without tham_quyen takes no KT. line, as
 * the authority line belongs to the title ("CHỦ TỊCH" signs himself).
 */
static int
kt_config_restore(struct tmpl_vars *vars, const struct tmpl_vars *saved,
    const struct tmpl_vars *fresh)
{
	const struct config_key	*k;
	char			 full[128];
	const char		*fv, *cv;
	size_t			 j;
	int			 given, title;

	for (k = kt_config_keys; k->key != NULL; k++) {
		if (k->type != 'm')
			continue;
		given = 0;
		for (j = 0; k->sub[j] != NULL; j++) {
			snprintf(full, sizeof(full), "%s_%s", k->key, k->sub[j]);
			fv = tmpl_vars_get(fresh, full);
			given |= fv != NULL && strcmp(fv, KT_UNSET) != 0;
		}
		cv = tmpl_vars_get(fresh, "ky_chuc_vu");
		title = strcmp(k->key, "ky") == 0 && cv != NULL && *cv != '\0' &&
		    strcmp(cv, KT_UNSET) != 0;
		for (j = 0; given && k->sub[j] != NULL; j++) {
			snprintf(full, sizeof(full), "%s_%s", k->key, k->sub[j]);
			fv = tmpl_vars_get(fresh, full);
			if (fv != NULL && *fv != '\0')
				continue;
			if (title && strcmp(k->sub[j], "tham_quyen") == 0)
				continue;
			if (tmpl_vars_set(vars, full, (fv = tmpl_vars_get(saved,
			    full)) ? fv : "") != 0)
				return -1;
		}
	}
	return 0;
}

int
kt_config_load(const char *path, struct tmpl_vars *vars, struct diag *d)
{
	const struct config_key	*k;
	struct tmpl_vars	*saved = NULL, *fresh = NULL;
	struct diag		*scratch = NULL;
	char			 full[128];
	size_t			 j;
	int			 rc = VB_ESYS;

	if ((saved = tmpl_vars_dup(vars)) == NULL ||
	    (fresh = tmpl_vars_new()) == NULL || (scratch = diag_new()) == NULL)
		goto done;
	for (k = kt_config_keys; k->key != NULL; k++)
		for (j = 0; k->type == 'm' && k->sub[j] != NULL; j++) {
			snprintf(full, sizeof(full), "%s_%s", k->key, k->sub[j]);
			if (tmpl_vars_set(fresh, full, KT_UNSET) != 0)
				goto done;
		}
	if ((rc = config_load(path, kt_config_keys, vars, d)) != VB_OK)
		goto done;
	/* The same file again, to learn which sub-keys it gives; its
	 * messages were reported by the first load. */
	if ((rc = config_load(path, kt_config_keys, fresh, scratch)) == VB_OK &&
	    kt_config_restore(vars, saved, fresh) != 0)
		rc = VB_ESYS;
done:
	diag_free(scratch);
	tmpl_vars_free(saved);
	tmpl_vars_free(fresh);
	return rc;
}

/*
 * The line of key (or of sub under the mapping key) in the YAML file at
 * path: a top-level "key:" at the start of a line, a "  sub:" indented
 * under it.  0 when absent or unreadable.
 */
static int
kt_yaml_line(const char *path, const char *key, const char *sub)
{
	FILE	*fp;
	char	 line[1024];
	size_t	 kl = strlen(key), sl = sub ? strlen(sub) : 0;
	int	 n = 0, in = 0, found = 0;
	char	*p;

	if (path == NULL || (fp = fopen(path, "r")) == NULL)
		return 0;
	while (!found && fgets(line, sizeof(line), fp) != NULL) {
		n++;
		if (line[0] != ' ' && line[0] != '\t' && line[0] != '#' &&
		    line[0] != '\n') {
			in = strncmp(line, key, kl) == 0 && line[kl] == ':';
			found = in && sub == NULL;
			continue;
		}
		for (p = line; *p == ' '; p++)
			;
		found = in && sub != NULL && p > line &&
		    strncmp(p, sub, sl) == 0 && p[sl] == ':';
	}
	fclose(fp);
	return found ? n : 0;
}

/* A "…" in value (key, or sub of the mapping key): left from the
 * --khoi-tao file in the config, or the neutral default of
 * mac-dinh.yaml (defaults) for a key the config leaves out.  One
 * message at the key's line; 1 when there is one. */
static int
kt_placeholder(const char *key, const char *sub, const char *value,
    int draft, const char *cfg, const char *defaults, struct diag *d)
{
	char	name[128];
	int	line;

	if (value == NULL || strstr(value, "…") == NULL)
		return 0;
	snprintf(name, sizeof(name), sub ? "%s: %s" : "%s", key, sub);
	if ((line = kt_yaml_line(cfg, key, sub)) > 0 || defaults == NULL)
		diag_add(d, draft ? DIAG_WARNING : DIAG_ERROR, cfg, line, 0,
		    "%s: \"%s\" still holds the \"…\" of the --khoi-tao "
		    "file: write your own value%s", name, value, draft ?
		    " before the final decision" : "");
	else
	{
		const char *base = strrchr(defaults, '/');

		line = kt_yaml_line(defaults, key, sub);
		diag_add(d, draft ? DIAG_WARNING : DIAG_ERROR, cfg, 0, 0,
		    "%s is not set: it takes the neutral default \"%s\" of "
		    "%s:%d; set it in the config%s", name, value, base ?
		    base + 1 : defaults, line, draft ? " before the final "
		    "decision" : " (a draft, --du-thao, only warns)");
	}
	return 1;
}

int
kt_config_placeholders(const struct tmpl_vars *v, int draft, const char *cfg,
    const char *defaults, const char *level, struct diag *d)
{
	const struct config_key	*k;
	char			 full[128];
	size_t			 j;
	int			 n = 0;

	for (k = kt_config_keys; k->key != NULL; k++) {
		if (k->type == 's')
			n += kt_placeholder(k->key, NULL,
			    tmpl_vars_get(v, k->key), draft, cfg, kt_yaml_line(
			    level, k->key, NULL) > 0 ? level : defaults, d);
		for (j = 0; k->type == 'l' && j < tmpl_vars_count(v, k->key);
		    j++)
			n += kt_placeholder(k->key, NULL,
			    tmpl_vars_item(v, k->key, j), draft, cfg, defaults,
			    d);
		for (j = 0; k->type == 'm' && k->sub[j] != NULL; j++) {
			snprintf(full, sizeof(full), "%s_%s", k->key,
			    k->sub[j]);
			n += kt_placeholder(k->key, k->sub[j],
			    tmpl_vars_get(v, full), draft, cfg, kt_yaml_line(
			    level, k->key, k->sub[j]) > 0 ? level : defaults, d);
		}
	}
	return n;
}

int
kt_init(const char *templates_dir, const char *dir, const char *cap,
    struct diag *d)
{
	static const char *const ext[2] = { "yaml", "csv" };
	char		 from[2][64];
	static const char *const to[2] = { "cau-hinh.yaml", "danh-sach.csv" };
	char		 src[PATH_MAX], dst[2][PATH_MAX];
	char		*text[2] = { NULL, NULL };
	size_t		 len[2];
	int		 i, rc = VB_OK;

	for (i = 0; i < 2; i++) {
		snprintf(dst[i], sizeof(dst[i]), "%s/%s", dir, to[i]);
		if (access(dst[i], F_OK) == 0) {
			diag_add(d, DIAG_ERROR, dst[i], 0, 0, "already exists: "
			    "--khoi-tao never overwrites a province's settings; "
			    "choose a new folder or move the file away");
			rc = VB_EINPUT;
		}
	}
	if (cap != NULL && strcmp(cap, "tinh") != 0 && strcmp(cap, "so") != 0 &&
	    strcmp(cap, "xa") != 0) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "--cap %s: write tinh (the "
		    "province), so (a department) or xa (a commune)", cap);
		return VB_EUSAGE;
	}
	for (i = 0; i < 2 && rc == VB_OK; i++) {
		/* A level's own file, else the province's. */
		snprintf(from[i], sizeof(from[i]), "khoi-tao-%s.%s", cap ? cap :
		    "tinh", ext[i]);
		snprintf(src, sizeof(src), "%s/" KT_DIR "/%s", templates_dir,
		    from[i]);
		if (access(src, F_OK) != 0) {
			snprintf(from[i], sizeof(from[i]), "khoi-tao.%s", ext[i]);
			snprintf(src, sizeof(src), "%s/" KT_DIR "/%s",
			    templates_dir, from[i]);
		}
		rc = text_read_file(src, TEXT_ENC_AUTO, d, &text[i], &len[i]);
	}
	if (rc == VB_OK)
		rc = vb_mkdir_p(dir, d);
	for (i = 0; i < 2 && rc == VB_OK; i++)
		rc = text_write_file(dst[i], text[i], len[i], d);
	free(text[0]);
	free(text[1]);
	return rc;
}


int
kt_config_defaults(struct tmpl_vars *vars)
{
	return config_defaults(kt_config_keys, vars);
}
