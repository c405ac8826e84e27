/*
 * bc/data.c - periods, status words and the editable data of the report
 * generator (templates/bao-cao/: the status-word table and the
 * front-matter defaults), so a province changes wording without a
 * rebuild.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include "baocao/bc.h"

#define BC_DIR "bao-cao"

/* ------------------------------------------------------------------ */
/* Periods                                                              */
/* ------------------------------------------------------------------ */

int
bc_ky_parse(const char *s, enum bc_ky *out)
{
	static const struct {
		const char	*name;
		enum bc_ky	 ky;
	} names[] = {
		{ "q1", BC_Q1 }, { "q2", BC_Q2 }, { "q3", BC_Q3 },
		{ "q4", BC_Q4 }, { "quy1", BC_Q1 }, { "quy2", BC_Q2 },
		{ "quy3", BC_Q3 }, { "quy4", BC_Q4 }, { "quyi", BC_Q1 },
		{ "quyii", BC_Q2 }, { "quyiii", BC_Q3 }, { "quyiv", BC_Q4 },
		{ "6t", BC_6T }, { "6thang", BC_6T }, { "nam", BC_NAM },
		{ "canam", BC_NAM }
	};
	char	*f = csvt_fold(s);
	size_t	 i;
	int	 rc = -1;

	for (i = 0; f != NULL && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(f, names[i].name) == 0) {
			*out = names[i].ky;
			rc = 0;
		}
	free(f);
	return rc;
}

const char *
bc_ky_code(enum bc_ky k)
{
	static const char *const code[] = {
		"q1", "q2", "q3", "q4", "6t", "nam"
	};

	return code[k];
}

void
bc_ky_label(enum bc_ky k, int nam, int next, char *buf, size_t n)
{
	static const char *const roman[] = { "I", "II", "III", "IV" };

	if (k == BC_6T)
		snprintf(buf, n, "6 tháng %s năm %d", next ? "cuối" : "đầu",
		    nam);
	else if (k == BC_NAM)
		snprintf(buf, n, "năm %d", nam + (next != 0));
	else if (next && k == BC_Q4)
		snprintf(buf, n, "quý I năm %d", nam + 1);
	else
		snprintf(buf, n, "quý %s năm %d", roman[k + (next != 0)], nam);
}

unsigned
bc_ky_quarters(enum bc_ky k)
{
	switch (k) {
	case BC_6T:
		return 0x3;
	case BC_NAM:
		return 0xF;
	default:
		return 1u << (unsigned)k;
	}
}

unsigned
bc_ky_next(enum bc_ky k)
{
	switch (k) {
	case BC_6T:
		return 0xC;
	case BC_Q4:
	case BC_NAM:
		return 0;
	default:
		return 1u << ((unsigned)k + 1);
	}
}

int
bc_ky_find(const char *title, enum bc_ky *k, int *year)
{
	static const char *const q[] = {
		"i", "ii", "iii", "iv", "1", "2", "3", "4"
	};
	char	*slug = vb_slug(title), *w, *prev = NULL, *save = NULL;
	int	 quy = -1, sau = 0, nam = 0;
	size_t	 i;

	if (slug == NULL)
		return -1;
	for (w = strtok_r(slug, "-", &save); w != NULL;
	    prev = w, w = strtok_r(NULL, "-", &save)) {
		if (prev == NULL)
			continue;
		if (strcmp(prev, "quy") == 0 && quy < 0)
			for (i = 0; i < 8; i++)
				if (strcmp(w, q[i]) == 0)
					quy = (int)(i % 4);
		if (strcmp(prev, "6") == 0 && strcmp(w, "thang") == 0)
			sau = 1;
		if (strcmp(prev, "nam") == 0 && strlen(w) == 4 &&
		    atoi(w) >= 1945 && nam == 0)
			nam = atoi(w);
	}
	free(slug);
	if (quy < 0 && !sau && nam == 0)
		return -1;
	*k = quy >= 0 ? (enum bc_ky)quy : sau ? BC_6T : BC_NAM;
	*year = nam;
	return 0;
}

int
bc_ky_covers(enum bc_ky want, enum bc_ky form)
{
	if (want == form || want == BC_NAM)
		return 1;
	return want == BC_6T && (form == BC_Q1 || form == BC_Q2);
}

int
bc_ky_rank(enum bc_ky k)
{
	static const int rank[] = { 0, 1, 3, 4, 2, 5 };

	return rank[k];
}

const char *
bc_status_name(enum bc_status s)
{
	static const char *const name[BC_NSTATUS] = {
		"Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Chưa báo cáo"
	};

	return name[s];
}

/* ------------------------------------------------------------------ */
/* Finding and loading the data                                         */
/* ------------------------------------------------------------------ */

char *
bc_find_templates(const char *opt)
{
	return vb_find_templates(opt, BC_DIR "/trang-thai.csv");
}

static const char *const bc_ky_keys[] = {
	"tham_quyen", "chuc_vu", "ho_ten", NULL
};

/* The keys mac-dinh.yaml and --config may set; "th_" keys are the
 * summary's (tong-hop.md), the others the units' reports. */
static const struct config_key bc_config_keys[] = {
	{ "linh_vuc", 's', NULL }, { "ke_hoach", 's', NULL },
	{ "kinh_gui", 'l', NULL }, { "noi_nhan", 'l', NULL },
	{ "luu", 's', NULL }, { "ky_hieu", 's', NULL },
	{ "dia_danh", 's', NULL }, { "chuc_vu_ky", 's', NULL },
	{ "th_co_quan_chu_quan", 's', NULL }, { "th_co_quan", 's', NULL },
	{ "th_ten_co_quan", 's', NULL }, { "th_bieu_do", 's', NULL },
	{ "th_ky_hieu", 's', NULL }, { "th_dia_danh", 's', NULL },
	{ "th_kinh_gui", 'l', NULL }, { "th_ky", 'm', bc_ky_keys },
	{ "th_noi_nhan", 'l', NULL }, { "th_luu", 's', NULL },
	{ "th_nguoi_soan", 's', NULL },
	{ NULL, 0, NULL }
};

/* Read trang-thai.csv: columns cach_viet (a spelling) and trang_thai
 * (one of the three statuses, by its name). */
static int
bc_load_words(struct bc_data *bd, struct diag *d)
{
	static const char *const cw[] = { "cach_viet", "Cách viết", NULL };
	static const char *const ct[] = { "trang_thai", "Trạng thái", NULL };
	static const char *const *const cols[] = { cw, ct };
	struct csvt	*t = NULL;
	char		 path[PATH_MAX];
	size_t		 r;
	int		 rc, c[2], c1, c2, s;

	snprintf(path, sizeof(path), "%s/trang-thai.csv", bd->dir);
	if ((rc = csvt_load_table(path, cols, 2, 2, N_("the header must name "
	    "the columns cach_viet and trang_thai"), d, c, &t)) != VB_OK)
		return rc;
	c1 = c[0];
	c2 = c[1];
	if ((bd->words = calloc(t->nrows, sizeof(*bd->words))) == NULL) {
		csvt_free(t);
		return VB_ESYS;
	}
	for (r = 1; r < t->nrows; r++) {
		const struct csvt_row	*row = &t->rows[r];
		const char		*w = (size_t)c1 < row->nfields ?
					    row->fields[c1] : "";
		const char		*st = (size_t)c2 < row->nfields ?
					    row->fields[c2] : "";
		char			*fw = csvt_fold(st);

		for (s = 0; s < BC_MISSING && fw != NULL; s++) {
			char *fn = csvt_fold(bc_status_name(s));

			if (fn != NULL && strcmp(fn, fw) == 0) {
				free(fn);
				break;
			}
			free(fn);
		}
		free(fw);
		if (s == BC_MISSING || *w == '\0') {
			diag_add(d, DIAG_ERROR, path, row->line, c2 + 1,
			    "\"%s\" is not a status: write Hoàn thành, Đang "
			    "thực hiện or Chưa thực hiện beside a non-empty "
			    "spelling", st);
			continue;
		}
		if ((bd->words[bd->nwords].fold = csvt_fold(w)) == NULL) {
			csvt_free(t);
			return VB_ESYS;
		}
		bd->words[bd->nwords++].status = (enum bc_status)s;
	}
	csvt_free(t);
	return VB_OK;
}

static int
bc_config_defaults(struct tmpl_vars *vars)
{
	return config_defaults(bc_config_keys, vars);
}

static int
bc_config_load(const char *path, struct tmpl_vars *vars, struct diag *d)
{
	return config_load(path, bc_config_keys, vars, d);
}

/* The tables of the data folder: the status words, the role rules. */
static int
bc_load_tables(void *data, const char *dir, struct diag *d)
{
	struct bc_data	*bd = data;
	int		 rc;

	(void)dir;	/* bd->dir */
	if ((rc = bc_load_words(bd, d)) == VB_OK)
		rc = bc_rules_load(bd, d);
	return rc;
}

int
bc_data_load(const char *templates_dir, const char *config, struct diag *d,
    struct bc_data **out)
{
	static const struct datadir dd = {
		BC_DIR, bc_config_defaults, bc_config_load, bc_load_tables
	};
	struct bc_data	*bd;
	int		 rc;

	*out = NULL;
	if ((bd = calloc(1, sizeof(*bd))) == NULL)
		return VB_ESYS;
	if ((rc = datadir_load(&dd, templates_dir, config, bd, &bd->dir,
	    &bd->config, d)) != VB_OK) {
		bc_data_free(bd);
		return rc;
	}
	*out = bd;
	return VB_OK;
}

void
bc_data_free(struct bc_data *bd)
{
	size_t i;

	if (bd == NULL)
		return;
	for (i = 0; i < bd->nwords; i++)
		free(bd->words[i].fold);
	free(bd->words);
	for (i = 0; i < bd->nrules; i++)
		free(bd->rules[i].fold);
	free(bd->rules);
	tmpl_vars_free(bd->config);
	free(bd->dir);
	free(bd);
}

int
bc_status_find(const struct bc_data *bd, const char *word)
{
	char	*f = csvt_fold(word);
	size_t	 i;
	int	 s = -1;

	for (i = 0; f != NULL && *f != '\0' && i < bd->nwords && s < 0; i++)
		if (strcmp(bd->words[i].fold, f) == 0)
			s = (int)bd->words[i].status;
	free(f);
	return s;
}

/* ------------------------------------------------------------------ */
/* Settings left to give, and a config to start from                   */
/* ------------------------------------------------------------------ */

#define BC_ELLIPSIS "\xE2\x80\xA6"	/* … */

/* Does setting `name` (a key, or key_sub of a mapping) hold "…"? */
static int
bc_unset(const struct bc_data *bd, const char *name)
{
	size_t		 i, n = tmpl_vars_count(bd->config, name);
	const char	*s;

	for (i = 0; i < n; i++)
		if ((s = tmpl_vars_item(bd->config, name, i)) != NULL &&
		    strstr(s, BC_ELLIPSIS) != NULL)
			return 1;
	return 0;
}

int
bc_config_check(const struct bc_data *bd, const struct bc_units *us,
    int draft, struct diag *d)
{
	const struct config_key	*k;
	char			 name[96];
	size_t			 u, i;
	int			 own = us->n > 0, n = 0;

	for (u = 0; u < us->n; u++)
		own &= *us->v[u].dia_danh != '\0';
	for (k = bc_config_keys; k->key != NULL; k++)
		for (i = 0; k->type != 'm' || k->sub[i] != NULL; i++) {
			if (k->type == 'm')
				snprintf(name, sizeof(name), "%s_%s", k->key,
				    k->sub[i]);
			else
				snprintf(name, sizeof(name), "%s", k->key);
			if (bc_unset(bd, name) && !(own && strcmp(name,
			    "dia_danh") == 0)) {
				if (k->type == 'm')
					snprintf(name, sizeof(name), "%s.%s",
					    k->key, k->sub[i]);
				n++;
				if (draft)
					diag_add(d, DIAG_WARNING, NULL, 0, 0,
					    "draft: %s is still \"…\"; set it in "
					    "the config file (--config)", name);
				else
					diag_add(d, DIAG_ERROR, NULL, 0, 0,
					    "%s is \"…\": set it in the config "
					    "file (--config FILE; vb-baocao "
					    "--khoi-tao DIR writes one), or "
					    "make a draft (--du-thao)", name);
			}
			if (k->type != 'm')
				break;
		}
	return n;
}

/* Write text to dir/name unless it exists; VB_OK, VB_EINPUT, VB_ESYS. */
static int
bc_init_file(const char *dir, const char *name, const char *text,
    size_t len, struct diag *d)
{
	char	 path[PATH_MAX];
	FILE	*fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "wx")) == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write it (%s); "
		    "--khoi-tao never writes over a file", strerror(errno));
		return errno == EEXIST ? VB_EINPUT : VB_ESYS;
	}
	if (fwrite(text, 1, len, fp) != len || fclose(fp) != 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		return VB_ESYS;
	}
	return VB_OK;
}

int
bc_init_dir(const char *templates, const char *dir, struct diag *d)
{
	static const char head[] =
	    "# vb-baocao config of a province (vb-baocao --config THIS "
	    "FILE).\n# Every \"…\" is a name to give: a final report is "
	    "refused while one is\n# left (a draft, --du-thao, only warns).  "
	    "The units go in don-vi.csv\n# (nhom: sở, ngành or địa "
	    "phương).\n\n";
	static const char units[] = "don_vi,ten_day_du,co_quan_chu_quan,"
	    "ky_hieu,dia_danh,tham_quyen,chuc_vu_ky,nguoi_ky,nhom\n";
	struct vbuf	 b = { NULL, 0, 0, 0 };
	char		 path[PATH_MAX], *text, *body;
	size_t		 len;
	int		 rc;

	snprintf(path, sizeof(path), "%s/" BC_DIR "/mac-dinh.yaml", templates);
	if ((rc = text_read_file(path, TEXT_ENC_AUTO, d, &text, &len)) != VB_OK)
		return rc;
	/* Its own opening comment gives way to the config's. */
	for (body = text; *body == '#';)
		body += strcspn(body, "\n") + (body[strcspn(body, "\n")] != 0);
	while (*body == '\n')
		body++;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		diag_add(d, DIAG_ERROR, dir, 0, 0, "cannot create the folder: "
		    "%s", strerror(errno));
		free(text);
		return VB_ESYS;
	}
	vbuf_puts(&b, head);
	vbuf_puts(&b, body);
	rc = b.bad ? VB_ESYS : bc_init_file(dir, "bao-cao.yaml", b.s, b.len,
	    d);
	free(vbuf_take(&b));
	free(text);
	if (rc == VB_OK)
		rc = bc_init_file(dir, "don-vi.csv", units, sizeof(units) - 1,
		    d);
	return rc;
}
