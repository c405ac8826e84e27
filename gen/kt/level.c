/*
 * level.c - who issues a decision, and the units of the 2025 reform.
 *
 * A run has a level (config cap: tinh, so or xa; told from co_quan when
 * the config does not say): its own defaults (mac-dinh-<cap>.yaml over
 * mac-dinh.yaml), its căn cứ lines (can-cu.csv, column cap) and the
 * forms it may give (hinh-thuc.csv, column cap, by date).  A list row
 * whose form another level gives is an error at that row, saying who
 * gives it and how to run.  A row naming a unit that the 2025 reform
 * ended (don-vi-2025.csv) before the decision's date is a warning
 * naming the successor.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <utf8proc.h>

#include "kt/kt.h"

/* Each level: its code, who signs its decisions, whose config to run. */
static const struct {
	const char	*code;
	const char	*who;
	const char	*cfg;
} kt_levels[KT_CAP_N] = {
	{ "tinh", "Chủ tịch UBND tỉnh", "tỉnh, cap: tinh" },
	{ "so", "Giám đốc Sở", "sở, cap: so" },
	{ "xa", "Chủ tịch UBND xã", "xã, cap: xa" },
	{ "huyen", "Chủ tịch UBND huyện", "huyện (cấp huyện kết thúc hoạt "
	    "động từ ngày 01/7/2025)" },
};

const char *
kt_level_code(int cap)
{
	return cap >= 0 && cap < KT_CAP_N ? kt_levels[cap].code : "?";
}

/* The level named by the word s (len n), or -1. */
static int
kt_level_word(const char *s, size_t n)
{
	int i;

	for (i = 0; i < KT_CAP_N; i++)
		if (strlen(kt_levels[i].code) == n &&
		    strncmp(kt_levels[i].code, s, n) == 0)
			return i;
	return -1;
}

#define KT_DEN	"(đến "
#define KT_TU	"(từ "

/* One "so (đến 2025-06-30)" entry, trimmed, len n: its level and dates;
 * -1 when bad. */
static int
kt_level_entry(const char *s, size_t n, vb_date *from, vb_date *until)
{
	const char	*p;
	char		 date[16];
	size_t		 w;
	int		 lv;

	*from = *until = 0;
	for (w = 0; w < n && s[w] != ' ' && s[w] != '('; w++)
		;
	if ((lv = kt_level_word(s, w)) < 0)
		return -1;
	for (p = s + w; p < s + n; p++) {
		int to;

		if (*p != '(')
			continue;
		if (strncmp(p, KT_DEN, sizeof(KT_DEN) - 1) == 0)
			to = 1, p += sizeof(KT_DEN) - 1;
		else if (strncmp(p, KT_TU, sizeof(KT_TU) - 1) == 0)
			to = 0, p += sizeof(KT_TU) - 1;
		else
			return -1;
		if (s + n - p < 11 || p[10] != ')')
			return -1;
		memcpy(date, p, 10);
		date[10] = '\0';
		if (vb_date_parse(date, to ? until : from) != 0)
			return -1;
		p += 10;
	}
	return lv;
}

/* The levels of "so; xa; huyen (đến 2025-06-30)" in force on date (0:
 * any date) as bits; every level for "".  -1 when an entry is bad. */
static int
kt_levels_on(const char *s, vb_date date)
{
	const char	*e;
	vb_date		 from, until;
	size_t		 n;
	int		 bits = 0, any = 0, lv;

	for (; *s != '\0'; s = *e ? e + 1 : e) {
		while (*s == ' ')
			s++;
		e = s + strcspn(s, ";");
		for (n = (size_t)(e - s); n > 0 && s[n - 1] == ' '; n--)
			;
		if (n == 0)
			continue;
		any = 1;
		if ((lv = kt_level_entry(s, n, &from, &until)) < 0)
			return -1;
		if (date == 0 || ((from == 0 || from <= date) &&
		    (until == 0 || date <= until)))
			bits |= 1 << lv;
	}
	return any ? bits : (1 << KT_CAP_N) - 1;
}

int
kt_levels_parse(const char *s)
{
	int bits = kt_levels_on(s, 0);

	return bits == (1 << KT_CAP_N) - 1 && *s == '\0' ? 0 : bits;
}

/* The level a co_quan names: a SỞ, a XÃ / PHƯỜNG / ĐẶC KHU, else the
 * province. */
static int
kt_level_told(const char *co_quan)
{
	char	*w = NULL, *f, *copy, *save = NULL;
	int	 lv = KT_CAP_TINH, first = 1, prev_dac = 0;

	if (co_quan == NULL || (copy = strdup(co_quan)) == NULL)
		return KT_CAP_TINH;
	for (w = strtok_r(copy, " ,-", &save); w != NULL;
	    w = strtok_r(NULL, " ,-", &save)) {
		if ((f = csvt_fold(w)) == NULL)
			break;
		if (first && strcmp(f, "so") == 0)
			lv = KT_CAP_SO;
		else if (lv == KT_CAP_TINH && (strcmp(f, "xa") == 0 ||
		    strcmp(f, "phuong") == 0 || (prev_dac &&
		    strcmp(f, "khu") == 0)))
			lv = KT_CAP_XA;
		prev_dac = strcmp(f, "dac") == 0;
		first = 0;
		free(f);
	}
	free(copy);
	return lv;
}

int
kt_config_load_level(struct kt_data *kd, const char *cfg, struct diag *d)
{
	struct tmpl_vars	*scratch = NULL;
	struct diag		*quiet = NULL;
	const struct tmpl_vars	*v = kd->config;
	const char		*cap;
	char			 path[PATH_MAX];
	int			 rc = VB_OK, lv;

	if (cfg != NULL) {
		if ((scratch = tmpl_vars_dup(kd->config)) == NULL ||
		    (quiet = diag_new()) == NULL)
			rc = VB_ESYS;
		else if (kt_config_load(cfg, scratch, quiet) == VB_OK)
			v = scratch;
	}
	cap = tmpl_vars_get(v, "cap");
	if (rc == VB_OK && cap != NULL && *cap != '\0') {
		if ((lv = kt_level_word(cap, strlen(cap))) < 0 ||
		    lv == KT_CAP_HUYEN) {
			diag_add(d, DIAG_ERROR, cfg, 0, 0, "cap: \"%s\": write "
			    "tinh (the province), so (a department) or xa (a "
			    "commune)", cap);
			lv = KT_CAP_TINH;
		}
	} else
		lv = kt_level_told(tmpl_vars_get(v, "co_quan"));
	kd->cap = lv;
	tmpl_vars_free(scratch);
	diag_free(quiet);
	snprintf(path, sizeof(path), "%s/mac-dinh-%s.yaml", kd->dir,
	    kt_level_code(lv));
	if (rc == VB_OK && lv != KT_CAP_TINH && access(path, F_OK) == 0)
		rc = kt_config_load(path, kd->config, d);
	if (rc == VB_OK && cfg != NULL)
		rc = kt_config_load(cfg, kd->config, d);
	return rc;
}

/* "Chủ tịch UBND xã" or "Giám đốc Sở hoặc Chủ tịch UBND xã" (who) and
 * the matching configs (how) of the level bits. */
static void
kt_level_words(int bits, char *who, char *how, size_t n)
{
	size_t	 a = 0, b = 0;
	int	 i, k = 0;

	who[0] = how[0] = '\0';
	for (i = 0; i < KT_CAP_N && a < n && b < n; i++) {
		if (!(bits & (1 << i)))
			continue;
		a += (size_t)snprintf(who + a, n - a, "%s%s", k ? " hoặc " : "",
		    kt_levels[i].who);
		b += (size_t)snprintf(how + b, n - b, "%s%s", k ? " hoặc của " :
		    "", kt_levels[i].cfg);
		k++;
	}
}

int
kt_check_levels(const struct kt_data *kd, const struct kt_list *l,
    vb_date date, struct diag *d)
{
	char	who[256], how[512];
	size_t	i;
	int	bits, errs = 0;

	for (i = 0; i < l->n; i++) {
		const struct kt_form *f = &kd->forms[l->rows[i].form];

		bits = kt_levels_on(f->cap, date);
		if (bits <= 0 || (bits & (1 << kd->cap)))
			continue;
		/* No run is the district's: name it only when alone. */
		if (bits & ~(1 << KT_CAP_HUYEN))
			bits &= ~(1 << KT_CAP_HUYEN);
		kt_level_words(bits, who, how, sizeof(who));
		diag_add(d, DIAG_ERROR, l->name, l->rows[i].line, 0, "\"%s\" is "
		    "given by the %s, not at this level (cap: %s): run with the "
		    "config of a %s", f->ten, who, kt_level_code(kd->cap), how);
		errs++;
	}
	return errs ? VB_EINPUT : VB_OK;
}

/* ------------------------------------------------------------------ */
/* The units the 2025 reform ended (don-vi-2025.csv)                    */
/* ------------------------------------------------------------------ */

/* w lowercased, accents kept (quận is not quan); malloc'd. */
static char *
kt_lower(const char *w)
{
	utf8proc_uint8_t *r = NULL;

	if (utf8proc_map((const utf8proc_uint8_t *)w, 0, &r, UTF8PROC_NULLTERM |
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) < 0)
		return NULL;
	return (char *)r;
}

/* The lowercased words of s, NULL-terminated; NULL on OOM. */
static char **
kt_words(const char *s)
{
	char	**v, *copy, *w, *save = NULL;
	size_t	  n = 0, cap = strlen(s) / 2 + 2;

	if ((v = calloc(cap, sizeof(*v))) == NULL ||
	    (copy = strdup(s)) == NULL) {
		free(v);
		return NULL;
	}
	for (w = strtok_r(copy, " ,;:-–()./\t", &save); w != NULL && n + 1 <
	    cap; w = strtok_r(NULL, " ,;:-–()./\t", &save))
		if ((v[n] = kt_lower(w)) != NULL && *v[n] != '\0')
			n++;
		else
			free(v[n]);
	v[n] = NULL;
	free(copy);
	return v;
}

static void
kt_words_free(char **v)
{
	size_t i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/* Whether the words of pat occur in order, one after the other, in txt. */
static int
kt_words_in(char *const *pat, char *const *txt)
{
	size_t i, j;

	for (i = 0; pat[0] != NULL && txt[i] != NULL; i++) {
		for (j = 0; pat[j] != NULL && txt[i + j] != NULL &&
		    strcmp(pat[j], txt[i + j]) == 0; j++)
			;
		if (pat[j] == NULL)
			return 1;
	}
	return 0;
}

/* Warn at a list row that names a unit ended before date; 1 when it
 * does. */
static int
kt_unit_row(const struct csvt_row *ur, const int *c,
    const struct kt_list *l, const struct kt_nominee *r, vb_date date,
    struct diag *d)
{
	const char	*name = ur->fields[c[0]], *succ, *why, *who;
	char		**pat, **w1, **w2;
	vb_date		 until;

	int		 hit = 0;

	if (vb_date_parse(c[1] < (int)ur->nfields ? ur->fields[c[1]] : "",
	    &until) != 0 || date <= until)
		return 0;
	pat = kt_words(name);
	w1 = kt_words(r->don_vi);
	w2 = kt_words(r->kind == KT_TAP_THE ? r->ho_ten : "");
	if (pat != NULL && w1 != NULL && w2 != NULL &&
	    (kt_words_in(pat, w1) || kt_words_in(pat, w2))) {
		hit = 1;
		succ = c[2] >= 0 && (size_t)c[2] < ur->nfields ?
		    ur->fields[c[2]] : "";
		why = c[3] >= 0 && (size_t)c[3] < ur->nfields ?
		    ur->fields[c[3]] : "";
		who = r->kind == KT_TAP_THE && kt_words_in(pat, w2) ?
		    r->ho_ten : r->don_vi;
		if (*succ != '\0')
			diag_add(d, DIAG_WARNING, l->name, r->line, 0, "\"%s\" "
			    "names %s, which ended on %04ld-%02ld-%02ld (%s; "
			    "don-vi-2025.csv:%d): its work went to %s; write the "
			    "unit as it is on the decision's date", who, name,
			    until / 10000, until / 100 % 100, until % 100, why,
			    ur->line, succ);
		else
			diag_add(d, DIAG_WARNING, l->name, r->line, 0, "\"%s\" "
			    "names %s, which ended on %04ld-%02ld-%02ld (%s; "
			    "don-vi-2025.csv:%d): write the unit as it is on the "
			    "decision's date", who, name, until / 10000,
			    until / 100 % 100, until % 100, why, ur->line);
	}
	kt_words_free(pat);
	kt_words_free(w1);
	kt_words_free(w2);
	return hit;
}

int
kt_check_units(const struct kt_data *kd, const struct kt_list *l,
    vb_date date, struct diag *d)
{
	static const char *const k[4][2] = {
		{ "ten", NULL }, { "den_ngay", NULL }, { "ke_thua", NULL },
		{ "ghi_chu", NULL }
	};
	static const char *const *const cols[4] = { k[0], k[1], k[2], k[3] };
	struct csvt	*t = NULL;
	char		 path[PATH_MAX];
	size_t		 i, r;
	int		 c[4], rc;

	snprintf(path, sizeof(path), "%s/don-vi-2025.csv", kd->dir);
	if (access(path, F_OK) != 0)
		return VB_OK;
	if ((rc = csvt_load_table(path, cols, 4, 2, N_("the header must name the "
	    "columns ten and den_ngay"), d, c, &t)) != VB_OK)
		return rc;
	for (r = 1; r < t->nrows; r++) {
		const struct csvt_row	*ur = &t->rows[r];
		vb_date			 until;

		if ((size_t)c[0] >= ur->nfields || (size_t)c[1] >= ur->nfields ||
		    vb_date_parse(ur->fields[c[1]], &until) != 0) {
			diag_add(d, DIAG_ERROR, path, ur->line, c[1] + 1, "bad "
			    "date \"%s\" (write 2025-06-30)", (size_t)c[1] <
			    ur->nfields ? ur->fields[c[1]] : "");
			rc = VB_EINPUT;
		}
	}
	/* One warning a list row: the first unit of the table it names. */
	for (i = 0; rc == VB_OK && i < l->n; i++)
		for (r = 1; r < t->nrows; r++)
			if (kt_unit_row(&t->rows[r], c, l, &l->rows[i], date, d))
				break;
	csvt_free(t);
	return rc;
}
