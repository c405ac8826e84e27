/*
 * bc/role.c - who is asked about a task: the lead units (Đơn vị chủ trì)
 * and the coordinating ones (Đơn vị phối hợp), named one by one or
 * through a group phrase ("Các sở, ban, ngành", "UBND các xã, phường");
 * the phrases and the name starts that tell a unit's group are the
 * editable table templates/bao-cao/vai-tro.csv.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baocao/bc.h"

const char *
bc_role_name(enum bc_role r)
{
	return r == BC_ROLE_LEAD ? "Chủ trì" : r == BC_ROLE_COORD ?
	    "Phối hợp" : "";
}

int
bc_nhom_parse(const char *s)
{
	char	*f = csvt_fold(s);
	int	 g = -1;

	if (f == NULL)
		return -1;
	if (*f == '\0')
		g = 0;
	else if (strstr(f, "tatca") != NULL)
		g = (int)BC_G_ALL;
	else if (strstr(f, "diaphuong") != NULL || strncmp(f, "ubnd", 4) == 0
	    || strncmp(f, "uybannhandan", 12) == 0)
		g = (int)BC_G_DP;
	else if (strncmp(f, "so", 2) == 0 || strstr(f, "nganh") != NULL)
		g = (int)BC_G_SO;
	free(f);
	return g;
}

int
bc_rules_load(struct bc_data *bd, struct diag *d)
{
	static const char *const ck[] = { "kieu", "Kiểu", "Loại", NULL };
	static const char *const cm[] = { "mau", "Mẫu", "Cụm từ", NULL };
	static const char *const cn[] = { "nhom", "Nhóm", NULL };
	static const char *const *const cols[] = { ck, cm, cn };
	struct csvt	*t = NULL;
	char		 path[PATH_MAX], *k;
	size_t		 r;
	int		 rc, c[3], g;

	snprintf(path, sizeof(path), "%s/vai-tro.csv", bd->dir);
	if ((rc = csvt_load_table(path, cols, 3, 3, N_("the header must name "
	    "the columns kieu, mau and nhom"), d, c, &t)) != VB_OK)
		return rc;
	if ((bd->rules = calloc(t->nrows, sizeof(*bd->rules))) == NULL) {
		csvt_free(t);
		return VB_ESYS;
	}
	for (r = 1; r < t->nrows; r++) {
		const struct csvt_row	*row = &t->rows[r];
		struct bc_rule		*ru = &bd->rules[bd->nrules];

		k = csvt_fold((size_t)c[0] < row->nfields ?
		    row->fields[c[0]] : "");
		g = bc_nhom_parse((size_t)c[2] < row->nfields ?
		    row->fields[c[2]] : "");
		ru->fold = csvt_fold((size_t)c[1] < row->nfields ?
		    row->fields[c[1]] : "");
		if (k == NULL || ru->fold == NULL) {
			free(k);
			csvt_free(t);
			return VB_ESYS;
		}
		ru->name = strcmp(k, "ten") == 0;
		if ((!ru->name && strcmp(k, "cumtu") != 0) || g <= 0 ||
		    *ru->fold == '\0') {
			diag_add(d, DIAG_ERROR, path, row->line, 0, "write a "
			    "kind (cụm từ or tên), a text and a group (sở, "
			    "ngành; địa phương; tất cả)");
			free(ru->fold);
			ru->fold = NULL;
		} else {
			ru->nhom = (unsigned)g;
			bd->nrules++;
		}
		free(k);
	}
	csvt_free(t);
	return VB_OK;
}

/* The group of unit u: its nhom, else the first name rule its name (or
 * full name) starts with, else 0. */
static unsigned
bc_unit_group(const struct bc_data *bd, const struct bc_unit *u)
{
	char		*f[2];
	size_t		 i, k;
	unsigned	 g = 0;
	int		 n = bc_nhom_parse(u->nhom);

	if (n > 0)
		return (unsigned)n;
	f[0] = csvt_fold(u->don_vi);
	f[1] = csvt_fold(u->ten_day_du);
	for (i = 0; i < bd->nrules && g == 0; i++)
		for (k = 0; k < 2 && g == 0; k++)
			if (bd->rules[i].name && f[k] != NULL &&
			    strncmp(f[k], bd->rules[i].fold,
			    strlen(bd->rules[i].fold)) == 0)
				g = bd->rules[i].nhom;
	free(f[0]);
	free(f[1]);
	return g;
}

/* The groups the phrases of folded text name. */
unsigned
bc_text_groups(const struct bc_data *bd, const char *f)
{
	size_t		 i;
	unsigned	 g = 0;

	for (i = 0; f != NULL && i < bd->nrules; i++)
		if (!bd->rules[i].name && strstr(f, bd->rules[i].fold) != NULL)
			g |= bd->rules[i].nhom;
	return g;
}

/* Does folded text name the unit (folded names n[2]) or a group of it? */
static int
bc_names(const char *text, unsigned tg, char *const n[2], unsigned ug)
{
	int k;

	if (text == NULL)
		return 0;
	for (k = 0; k < 2; k++)
		if (n[k] != NULL && strlen(n[k]) >= 4 &&
		    strstr(text, n[k]) != NULL)
			return 1;
	return tg == BC_G_ALL || (tg & ug) != 0;
}

unsigned char *
bc_roles(const struct bc_data *bd, const struct bc_plan *p,
    const struct bc_units *us)
{
	unsigned char	*role;
	char		*lead, *co, *n[2];
	unsigned	 gl, gc, ug;
	size_t		 u, i;

	if ((role = calloc(us->n * p->ntasks + 1, 1)) == NULL)
		return NULL;
	for (i = 0; i < p->ntasks; i++) {
		lead = csvt_fold(p->tasks[i].chu_tri);
		co = csvt_fold(p->tasks[i].phoi_hop);
		if (lead == NULL || co == NULL) {
			free(lead);
			free(co);
			free(role);
			return NULL;
		}
		gl = bc_text_groups(bd, lead);
		gc = bc_text_groups(bd, co);
		for (u = 0; u < us->n; u++) {
			ug = bc_unit_group(bd, &us->v[u]);
			n[0] = csvt_fold(us->v[u].don_vi);
			n[1] = csvt_fold(us->v[u].ten_day_du);
			if (*lead == '\0' && *co == '\0')
				role[u * p->ntasks + i] = BC_ROLE_LEAD;
			else if (bc_names(lead, gl, n, ug))
				role[u * p->ntasks + i] = BC_ROLE_LEAD;
			else if (bc_names(co, gc, n, ug))
				role[u * p->ntasks + i] = BC_ROLE_COORD;
			free(n[0]);
			free(n[1]);
		}
		free(lead);
		free(co);
	}
	return role;
}

enum bc_status
bc_task_status(const struct bc_plan *p, const struct bc_progress *pr,
    size_t nunits, const unsigned char *role, size_t i, vb_date end,
    int *late)
{
	size_t		 j, u, nlead = 0, ndone = 0, nrow = 0;
	enum bc_role	 want = BC_ROLE_LEAD;
	int		 doing = 0;

	*late = 0;
	for (u = 0; u < nunits; u++)
		nlead += role[u * p->ntasks + i] == BC_ROLE_LEAD;
	if (nlead == 0)
		want = BC_ROLE_COORD;
	for (nlead = 0, u = 0; u < nunits; u++)
		nlead += role[u * p->ntasks + i] == want;
	for (j = 0; j < pr->n; j++) {
		if (pr->v[j].task != i ||
		    role[pr->v[j].unit * p->ntasks + i] != want)
			continue;
		nrow++;
		if (pr->v[j].status == BC_DONE) {
			ndone++;
			if (end != 0 && pr->v[j].ngay > end)
				*late = 1;
		} else if (pr->v[j].status == BC_DOING)
			doing = 1;
	}
	if (nrow == 0)
		return BC_MISSING;
	if (ndone == nlead)
		return BC_DONE;
	*late = 0;
	return doing || ndone > 0 ? BC_DOING : BC_TODO;
}
