/*
 * bc/report.c - a unit's report (BÁO CÁO, the unit as issuing agency)
 * and the pieces every document shares: counts, rates, deadlines, the
 * period's names, the skeletons' expansion.  The wording lives in the
 * skeletons of templates/bao-cao/; this file computes the counts and
 * the rows of the tables.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baocao/bc.h"

/* Between a figure and its "%": a no-break space (the renderer keeps
 * it), so "87,5 %" never splits at a line's end. */
#define BC_NBSP "\xC2\xA0"

/* ------------------------------------------------------------------ */
/* Small pieces                                                         */
/* ------------------------------------------------------------------ */

void
bc_rate(size_t done, size_t total, int comma, char *buf, size_t n)
{
	unsigned long long tenths;

	if (total == 0) {
		snprintf(buf, n, comma ? "0" BC_NBSP "%%" : "0");
		return;
	}
	tenths = ((unsigned long long)done * 2000 / total + 1) / 2;
	if (tenths % 10 == 0)
		snprintf(buf, n, comma ? "%llu" BC_NBSP "%%" : "%llu",
		    tenths / 10);
	else
		snprintf(buf, n, comma ? "%llu,%llu" BC_NBSP "%%" : "%llu.%llu",
		    tenths / 10, tenths % 10);
}

void
bc_day(vb_date v, char *buf, size_t n)
{
	snprintf(buf, n, "%02ld/%02ld/%04ld", v % 100, v / 100 % 100,
	    v / 10000);
}

void
bc_ky_range(enum bc_ky k, int nam, vb_date *from, vb_date *to)
{
	static const int first[] = { 101, 401, 701, 1001, 101, 101 };
	static const int last[] = { 331, 630, 930, 1231, 630, 1231 };

	*from = (vb_date)nam * 10000 + first[k];
	*to = (vb_date)nam * 10000 + last[k];
}

vb_date
bc_deadline(const struct bc_plan *p, size_t i, const struct bc_opt *o)
{
	static const int qend[5] = { 0, 331, 630, 930, 1231 };
	int		 q = p->groups[p->tasks[i].group].quarter;
	vb_date		 from, to;

	if (q > 0)
		return (vb_date)o->nam * 10000 + qend[q];
	bc_ky_range(o->ky, o->nam, &from, &to);
	return to;
}

void
bc_unit_status(const struct bc_plan *p, const struct bc_progress *pr,
    size_t u, unsigned mask, const unsigned char *role,
    const struct bc_opt *o, enum bc_status *st, const struct bc_row **row,
    struct bc_count *c)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < p->ntasks; i++) {
		st[i] = BC_MISSING;
		row[i] = NULL;
	}
	for (i = 0; i < pr->n; i++)
		if (pr->v[i].unit == u) {
			st[pr->v[i].task] = pr->v[i].status;
			row[pr->v[i].task] = &pr->v[i];
		}
	for (i = 0; i < p->ntasks; i++) {
		if (!bc_task_shown(p, i, mask, row[i]))
			continue;
		if (role != NULL && role[i] == BC_ROLE_NONE) {
			c->extra += row[i] != NULL;
			continue;
		}
		c->n[st[i]]++;
		c->total++;
		if (o != NULL && st[i] == BC_DONE && row[i]->ngay != 0 &&
		    row[i]->ngay > bc_deadline(p, i, o))
			c->late++;
	}
}

int
bc_unit_sent(const struct bc_plan *p, const struct bc_progress *pr,
    size_t u, unsigned mask)
{
	size_t i;

	for (i = 0; i < pr->n; i++)
		if (pr->v[i].unit == u && bc_task_shown(p, pr->v[i].task, mask,
		    &pr->v[i]))
			return 1;
	for (i = 0; i < pr->ntx; i++)
		if (pr->tx[i].unit == u)
			return 1;
	return 0;
}

/* s without its final '.', ';' and blanks, into b as Markdown text
 * (escaped: mdesc_inline). */
void
bc_put_trimmed(struct vbuf *b, const char *s)
{
	size_t	 n = strlen(s);
	char	*t;

	while (n > 0 && strchr(".; \t\r\n", s[n - 1]) != NULL)
		n--;
	if ((t = strndup(s, n)) == NULL) {
		b->bad = 1;
		return;
	}
	mdesc_inline(b, t);
	free(t);
}

/* "- KEY: " starting a list item (a new line unless the first). */
void
bc_put_item(struct vbuf *b, const char *key)
{
	if (b->len)
		vbuf_puts(b, "\n");
	vbuf_puts(b, "- ");
	mdesc_inline(b, key);
	vbuf_puts(b, ": ");
}

/* Set key to the buffer's text (taken); -1 on OOM. */
int
bc_set_buf(struct tmpl_vars *v, const char *key, struct vbuf *b)
{
	char	*s;
	int	 rc;

	if (b->bad) {
		free(vbuf_take(b));
		return -1;
	}
	if ((s = vbuf_take(b)) == NULL)
		return -1;
	rc = tmpl_vars_set(v, key, s);
	free(s);
	return rc;
}

/* The names of a period: "quý II năm 2020", "6 tháng đầu năm 2020",
 * "năm 2020"; and of the period after it. */
int
bc_period_vars(struct tmpl_vars *v, const struct bc_opt *o)
{
	char	 name[64];
	int	 oom = 0;

	bc_ky_label(o->ky, o->nam, 0, name, sizeof(name));
	oom |= tmpl_vars_set(v, "ky_ten", name);
	bc_ky_label(o->ky, o->nam, 1, name, sizeof(name));
	oom |= tmpl_vars_set(v, "ky_sau", name);
	oom |= tmpl_vars_set(v, "la_6t", o->ky == BC_6T ? "1" : "");
	oom |= tmpl_vars_set(v, "la_nam", o->ky == BC_NAM ? "1" : "");
	oom |= tmpl_vars_set(v, "la_quy", o->ky <= BC_Q4 ? "1" : "");
	oom |= tmpl_vars_setf(v, "nam", "%d", o->nam);
	oom |= tmpl_vars_setf(v, "nam_sau", "%d", o->nam + 1);
	oom |= tmpl_vars_set(v, "du_thao", o->du_thao ? "1" : "");
	if (o->ngay != 0)
		oom |= tmpl_vars_setf(v, "ngay", "%04ld-%02ld-%02ld",
		    o->ngay / 10000, o->ngay / 100 % 100, o->ngay % 100);
	else
		oom |= tmpl_vars_set(v, "ngay", "");
	return oom;
}

/* Read skeleton `file` of the data folder and expand it with v. */
int
bc_expand(const struct bc_data *bd, const char *file,
    const struct tmpl_vars *v, struct diag *d, char **out)
{
	char	 path[PATH_MAX], *skel;
	size_t	 len;
	int	 rc;

	snprintf(path, sizeof(path), "%s/%s", bd->dir, file);
	if ((rc = text_read_file(path, TEXT_ENC_AUTO, d, &skel, &len)) != VB_OK)
		return rc;
	rc = tmpl_expand(path, skel, v, d, out);
	free(skel);
	len = rc == VB_OK ? strlen(*out) : 0;
	if (len > 0 && (*out)[len - 1] != '\n') {
		char *s = realloc(*out, len + 2);

		if (s == NULL)
			return VB_ESYS;
		s[len] = '\n';
		s[len + 1] = '\0';
		*out = s;
	}
	return rc;
}

/* The next period's tasks as a Markdown list ("" when the plan has
 * none: next year's); role (may be NULL): only the unit's, with its
 * role. */
static void
bc_next_tasks(struct vbuf *b, const struct bc_plan *p, unsigned next,
    const unsigned char *role)
{
	size_t i;

	for (i = 0; i < p->ntasks; i++) {
		if (!bc_task_in(p, i, next) ||
		    p->groups[p->tasks[i].group].quarter == 0 ||
		    (role != NULL && role[i] == BC_ROLE_NONE))
			continue;
		bc_put_item(b, p->tasks[i].key);
		bc_put_trimmed(b, p->tasks[i].noi_dung);
		if (role != NULL)
			vbuf_printf(b, " (%s)", role[i] == BC_ROLE_LEAD ?
			    "chủ trì" : "phối hợp");
		vbuf_puts(b, ";");
	}
	if (b->len > 0 && !b->bad)
		b->s[b->len - 1] = '.';
}

/* The unit's texts of kind k as Markdown: a line its own paragraph, a
 * line starting with a bullet ("- ", "+ ", "• ") a list item; "" if
 * none. */
static void
bc_unit_text(struct vbuf *b, const struct bc_progress *pr, size_t u,
    enum bc_txt k)
{
	const char	*s, *e;
	char		*line;
	size_t		 i;
	int		 item, was = 0;

	for (i = 0; i < pr->ntx; i++) {
		if (pr->tx[i].unit != u || pr->tx[i].kind != k)
			continue;
		for (s = pr->tx[i].text; *s != '\0'; s = *e ? e + 1 : e) {
			e = s + strcspn(s, "\n");
			while (s < e && (*s == ' ' || *s == '\r'))
				s++;
			while (e > s && (e[-1] == ' ' || e[-1] == '\r'))
				e--;
			if (s == e)
				continue;
			item = 0;
			if ((*s == '-' || *s == '+') && s[1] == ' ')
				item = 2;
			else if (strncmp(s, "\xE2\x80\xA2 ", 4) == 0)
				item = 4;
			if (b->len > 0)
				vbuf_puts(b, item && was ? "\n" : "\n\n");
			was = item != 0;
			if (item)
				vbuf_puts(b, "- ");
			if ((line = strndup(s + item, (size_t)(e - s - item))) ==
			    NULL) {
				b->bad = 1;
				return;
			}
			mdesc_inline(b, line);
			free(line);
		}
	}
}

/* ------------------------------------------------------------------ */
/* A unit's report                                                      */
/* ------------------------------------------------------------------ */

/* The vars of one unit's report the rows make. */
struct bc_urows {
	struct vbuf	 tb;     /* the table's rows */
	struct vbuf	 nd;     /* the tasks not done, with reasons */
	struct vbuf	 ngoai;  /* the keys of rows of tasks not asked */
};

/* One task's table row. */
static void
bc_unit_row(struct vbuf *tb, const struct bc_plan *p, size_t i,
    enum bc_status st, const struct bc_row *row, const unsigned char *role,
    const struct bc_opt *o)
{
	char day[48];

	day[0] = '\0';
	/* Done after its deadline: marked late. */
	if (row != NULL && row->ngay != 0) {
		bc_day(row->ngay, day, sizeof(day));
		if (st == BC_DONE && row->ngay > bc_deadline(p, i, o))
			strcat(day, " *(chậm)*");
	}
	vbuf_puts(tb, "\n");
	mdesc_cell(tb, p->tasks[i].key, 1);
	mdesc_cell(tb, p->tasks[i].noi_dung, 0);
	csvt_put_field(tb, role == NULL ? "" : role[i] == BC_ROLE_NONE ?
	    "*Ngoài phân công*" : bc_role_name(role[i]), 0);
	csvt_put_field(tb, st == BC_MISSING ? "*Chưa báo cáo*" :
	    bc_status_name(st), 0);
	csvt_put_field(tb, day, 0);
	mdesc_cell(tb, row ? row->ket_qua : "", 0);
}

/* The table rows (no header) of the period's tasks, under their group
 * rows, the list of the tasks not done with their reasons, and the
 * keys of the rows about tasks not asked of the unit. */
static void
bc_unit_rows(const struct bc_plan *p, unsigned mask, const struct bc_opt *o,
    const unsigned char *role, const enum bc_status *st,
    const struct bc_row **row, struct bc_urows *r)
{
	size_t	 i, g = (size_t)-1;

	for (i = 0; i < p->ntasks; i++) {
		const struct bc_task *t = &p->tasks[i];
		int	 asked = role == NULL || role[i] != BC_ROLE_NONE;

		if (!bc_task_shown(p, i, mask, row[i]) ||
		    (!asked && row[i] == NULL))
			continue;
		if (t->group != g) {
			g = t->group;
			vbuf_printf(&r->tb, "%s%s,", r->tb.len ? "\n" : "",
			    p->groups[g].roman);
			mdesc_cell(&r->tb, p->groups[g].title, 1);
			vbuf_puts(&r->tb, ",,,,");
		}
		bc_unit_row(&r->tb, p, i, st[i], row[i], role, o);
		if (!asked) {
			vbuf_printf(&r->ngoai, "%s%s", r->ngoai.len ? ", " : "",
			    t->key);
			continue;
		}
		if (st[i] == BC_DONE)
			continue;
		bc_put_item(&r->nd, t->key);
		bc_put_trimmed(&r->nd, t->noi_dung);
		if (st[i] == BC_MISSING)
			vbuf_puts(&r->nd, " (chưa báo cáo).");
		else {
			vbuf_printf(&r->nd, " (%s", st[i] == BC_DOING ?
			    "đang thực hiện" : "chưa thực hiện");
			if (row[i] != NULL && *row[i]->ket_qua != '\0') {
				vbuf_puts(&r->nd, "): ");
				bc_put_trimmed(&r->nd, row[i]->ket_qua);
				vbuf_puts(&r->nd, ".");
			} else
				vbuf_puts(&r->nd, "; chưa nêu lý do).");
		}
	}
}

/* The unit's own letterhead and signature, the config's defaults where
 * the units file leaves a blank. */
static int
bc_unit_vars(struct tmpl_vars *v, const struct bc_unit *u)
{
	const char	*s;
	char		*up;
	int		 oom = 0;

	oom |= tmpl_vars_set(v, "don_vi", u->don_vi);
	oom |= tmpl_vars_set(v, "ten_don_vi", *u->ten_day_du ?
	    u->ten_day_du : u->don_vi);
	oom |= tmpl_vars_set(v, "co_quan_chu_quan", u->co_quan_chu_quan);
	if ((up = vb_upper(*u->ten_day_du ? u->ten_day_du : u->don_vi)) ==
	    NULL)
		return -1;
	oom |= tmpl_vars_set(v, "co_quan", up);
	free(up);
	if (*u->ky_hieu)
		oom |= tmpl_vars_set(v, "ky_hieu", u->ky_hieu);
	if (*u->dia_danh)
		oom |= tmpl_vars_set(v, "dia_danh", u->dia_danh);
	s = tmpl_vars_get(v, "chuc_vu_ky");
	oom |= tmpl_vars_set(v, "ky_chuc_vu", *u->chuc_vu_ky ? u->chuc_vu_ky :
	    s ? s : "");
	oom |= tmpl_vars_set(v, "ky_ho_ten", u->nguoi_ky);
	oom |= tmpl_vars_set(v, "ky_tham_quyen", u->tham_quyen);
	return oom;
}

/* The unit's texts as dv_uu_diem … dv_de_xuat. */
static int
bc_unit_texts(struct tmpl_vars *v, const struct bc_progress *pr, size_t u)
{
	static const char *const key[BC_NTXT] = {
		"dv_uu_diem", "dv_ton_tai", "dv_nguyen_nhan",
		"dv_phuong_huong", "dv_de_xuat"
	};
	struct vbuf	 b = { NULL, 0, 0, 0 };
	int		 k, oom = 0;

	for (k = 0; k < BC_NTXT; k++) {
		bc_unit_text(&b, pr, u, (enum bc_txt)k);
		oom |= bc_set_buf(v, key[k], &b);
	}
	return oom;
}

/* The counts of a unit's report. */
static int
bc_count_vars(struct tmpl_vars *v, const struct bc_count *c,
    const unsigned char *role, const struct bc_plan *p, unsigned mask)
{
	char	 rate[32];
	size_t	 i, lead = 0, coord = 0;
	int	 oom = 0;

	for (i = 0; role != NULL && i < p->ntasks; i++)
		if (bc_task_in(p, i, mask)) {
			lead += role[i] == BC_ROLE_LEAD;
			coord += role[i] == BC_ROLE_COORD;
		}
	bc_rate(c->n[BC_DONE], c->total, 1, rate, sizeof(rate));
	oom |= tmpl_vars_setf(v, "n_nhiem_vu", "%zu", c->total);
	oom |= tmpl_vars_setf(v, "n_chu_tri", "%zu", lead);
	oom |= tmpl_vars_setf(v, "n_phoi_hop", "%zu", coord);
	oom |= tmpl_vars_setf(v, "n_hoan_thanh", "%zu", c->n[BC_DONE]);
	if (c->late)
		oom |= tmpl_vars_setf(v, "n_cham", "%zu", c->late);
	else
		oom |= tmpl_vars_set(v, "n_cham", "");
	oom |= tmpl_vars_setf(v, "n_dang", "%zu", c->n[BC_DOING]);
	oom |= tmpl_vars_setf(v, "n_chua", "%zu", c->n[BC_TODO]);
	oom |= tmpl_vars_setf(v, "n_chua_bao_cao", "%zu", c->n[BC_MISSING]);
	oom |= tmpl_vars_set(v, "ty_le", rate);
	return oom;
}

int
bc_doc_fill(struct bc_doc *doc, const struct tmpl_vars *v, const char *key,
    const struct bc_count *c)
{
	const char *kh = tmpl_vars_get(v, key);

	if (c != NULL)
		doc->c = *c;
	return (doc->ky_hieu = strdup(kh ? kh : "")) == NULL;
}

void
bc_docs_free(struct bc_doc *v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++) {
		free(v[i].file);
		free(v[i].ky_hieu);
		free(v[i].don_vi);
	}
	free(v);
}

int
bc_unit_report(const struct bc_data *bd, const struct bc_plan *p,
    const struct bc_units *us, const struct bc_progress *pr, size_t u,
    const struct bc_opt *o, struct diag *d, char **out)
{
	struct tmpl_vars	 *v = NULL;
	enum bc_status		 *st;
	const struct bc_row	**row;
	const unsigned char	 *role = o->role ? o->role + u * p->ntasks :
				    NULL;
	struct bc_count		  c;
	struct bc_urows		  r;
	struct vbuf		  nx = { NULL, 0, 0, 0 };
	unsigned		  mask = bc_ky_quarters(o->ky);
	int			  oom = 0, rc = VB_ESYS;

	*out = NULL;
	memset(&r, 0, sizeof(r));
	st = calloc(p->ntasks + 1, sizeof(*st));
	row = calloc(p->ntasks + 1, sizeof(*row));
	if (st == NULL || row == NULL || (v = tmpl_vars_dup(bd->config)) ==
	    NULL)
		goto done;
	bc_unit_status(p, pr, u, mask, role, o, st, row, &c);
	bc_unit_rows(p, mask, o, role, st, row, &r);
	bc_next_tasks(&nx, p, bc_ky_next(o->ky), role);
	oom |= bc_period_vars(v, o);
	oom |= bc_unit_vars(v, &us->v[u]);
	oom |= bc_count_vars(v, &c, role, p, mask);
	oom |= bc_unit_texts(v, pr, u);
	oom |= bc_set_buf(v, "bang", &r.tb);
	oom |= bc_set_buf(v, "ton_tai", &r.nd);
	oom |= bc_set_buf(v, "ngoai_phan_cong", &r.ngoai);
	oom |= bc_set_buf(v, "nv_sau", &nx);
	if (!oom && o->doc != NULL)
		oom |= bc_doc_fill(o->doc, v, "ky_hieu", &c);
	if (!oom)
		rc = bc_expand(bd, "don-vi.md", v, d, out);
done:
	free(vbuf_take(&r.tb));
	free(vbuf_take(&r.nd));
	free(vbuf_take(&r.ngoai));
	free(vbuf_take(&nx));
	free(st);
	free(row);
	tmpl_vars_free(v);
	if (rc == VB_ESYS && diag_errors(d) == 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
	return rc;
}
