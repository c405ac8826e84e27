/*
 * bc/report.c - the documents: a unit's report (BÁO CÁO, the unit as
 * issuing agency), the province summary, and the empty progress form.
 * The wording lives in the skeletons of templates/bao-cao/; this file
 * computes counts, rates and the rows of the tables.
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
bc_unit_status(const struct bc_plan *p, const struct bc_progress *pr,
    size_t u, unsigned mask, enum bc_status *st, const struct bc_row **row,
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
	for (i = 0; i < p->ntasks; i++)
		if (bc_task_in(p, i, mask)) {
			c->n[st[i]]++;
			c->total++;
		}
}

/* s without its final '.', ';' and blanks, into b as list-item text
 * (escaped: mdesc_inline). */
static void
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
static void
bc_put_item(struct vbuf *b, const char *key)
{
	if (b->len)
		vbuf_puts(b, "\n");
	vbuf_puts(b, "- ");
	mdesc_inline(b, key);
	vbuf_puts(b, ": ");
}

/* Set key to the buffer's text (taken); -1 on OOM. */
static int
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
static int
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
	if (o->ngay != 0)
		oom |= tmpl_vars_setf(v, "ngay", "%04ld-%02ld-%02ld", o->ngay / 10000,
		    o->ngay / 100 % 100, o->ngay % 100);
	else
		oom |= tmpl_vars_set(v, "ngay", "");
	return oom;
}

/* Read skeleton `file` of the data folder and expand it with v. */
static int
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
 * none: next year's). */
static void
bc_next_tasks(struct vbuf *b, const struct bc_plan *p, unsigned next)
{
	size_t i;

	for (i = 0; i < p->ntasks; i++) {
		if (!bc_task_in(p, i, next) ||
		    p->groups[p->tasks[i].group].quarter == 0)
			continue;
		bc_put_item(b, p->tasks[i].key);
		bc_put_trimmed(b, p->tasks[i].noi_dung);
		vbuf_puts(b, ";");
	}
	if (b->len > 0 && !b->bad)
		b->s[b->len - 1] = '.';
}

/* ------------------------------------------------------------------ */
/* A unit's report                                                      */
/* ------------------------------------------------------------------ */

/* The table rows (no header) of the period's tasks, under their group
 * rows, and the list of the tasks not done with their reasons. */
static void
bc_unit_rows(const struct bc_plan *p, unsigned mask, int nam,
    const enum bc_status *st, const struct bc_row **row, struct vbuf *tb,
    struct vbuf *nd)
{
	static const int qend[5] = { 0, 331, 630, 930, 1231 };
	size_t	 i, g = (size_t)-1;
	char	 day[48];
	int	 q;

	for (i = 0; i < p->ntasks; i++) {
		const struct bc_task *t = &p->tasks[i];

		if (!bc_task_in(p, i, mask))
			continue;
		if (t->group != g) {
			g = t->group;
			vbuf_printf(tb, "%s%s,", tb->len ? "\n" : "",
			    p->groups[g].roman);
			mdesc_cell(tb, p->groups[g].title, 1);
			vbuf_puts(tb, ",,,");
		}
		day[0] = '\0';
		q = p->groups[t->group].quarter;
		/* Done after the end of its quarter: marked late. */
		if (row[i] != NULL && row[i]->ngay != 0)
			snprintf(day, sizeof(day), "%02ld/%02ld/%04ld%s",
			    row[i]->ngay % 100, row[i]->ngay / 100 % 100,
			    row[i]->ngay / 10000, q > 0 && st[i] == BC_DONE &&
			    row[i]->ngay > (long)nam * 10000 + qend[q] ?
			    " *(chậm)*" : "");
		vbuf_puts(tb, "\n");
		mdesc_cell(tb, t->key, 1);
		mdesc_cell(tb, t->noi_dung, 0);
		csvt_put_field(tb, st[i] == BC_MISSING ? "*Chưa báo cáo*" :
		    bc_status_name(st[i]), 0);
		csvt_put_field(tb, day, 0);
		mdesc_cell(tb, row[i] ? row[i]->ket_qua : "", 0);
		if (st[i] == BC_DONE)
			continue;
		bc_put_item(nd, t->key);
		bc_put_trimmed(nd, t->noi_dung);
		if (st[i] == BC_MISSING)
			vbuf_puts(nd, " (chưa báo cáo).");
		else {
			vbuf_printf(nd, " (%s", st[i] == BC_DOING ?
			    "đang thực hiện" : "chưa thực hiện");
			if (row[i] != NULL && *row[i]->ket_qua != '\0') {
				vbuf_puts(nd, "): ");
				bc_put_trimmed(nd, row[i]->ket_qua);
				vbuf_puts(nd, ".");
			} else
				vbuf_puts(nd, "; chưa nêu lý do).");
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

int
bc_unit_report(const struct bc_data *bd, const struct bc_plan *p,
    const struct bc_units *us, const struct bc_progress *pr, size_t u,
    const struct bc_opt *o, struct diag *d, char **out)
{
	struct tmpl_vars		 *v = NULL;
	enum bc_status		 *st;
	const struct bc_row	**row;
	struct bc_count		  c;
	struct vbuf		  tb = { NULL, 0, 0, 0 }, nd = tb, nx = tb;
	unsigned		  mask = bc_ky_quarters(o->ky);
	char			  rate[32];
	int			  oom = 0, rc;

	*out = NULL;
	st = calloc(p->ntasks + 1, sizeof(*st));
	row = calloc(p->ntasks + 1, sizeof(*row));
	if (st == NULL || row == NULL || (v = tmpl_vars_dup(bd->config)) ==
	    NULL) {
		oom = 1;
		goto done;
	}
	bc_unit_status(p, pr, u, mask, st, row, &c);
	bc_unit_rows(p, mask, o->nam, st, row, &tb, &nd);
	bc_next_tasks(&nx, p, bc_ky_next(o->ky));
	bc_rate(c.n[BC_DONE], c.total, 1, rate, sizeof(rate));
	oom |= bc_period_vars(v, o);
	oom |= bc_unit_vars(v, &us->v[u]);
	oom |= tmpl_vars_setf(v, "n_nhiem_vu", "%zu", c.total);
	oom |= tmpl_vars_setf(v, "n_hoan_thanh", "%zu", c.n[BC_DONE]);
	oom |= tmpl_vars_setf(v, "n_dang", "%zu", c.n[BC_DOING]);
	oom |= tmpl_vars_setf(v, "n_chua", "%zu", c.n[BC_TODO]);
	oom |= tmpl_vars_setf(v, "n_chua_bao_cao", "%zu", c.n[BC_MISSING]);
	oom |= tmpl_vars_set(v, "ty_le", rate);
	oom |= bc_set_buf(v, "bang", &tb);
	oom |= bc_set_buf(v, "ton_tai", &nd);
	oom |= bc_set_buf(v, "nv_sau", &nx);
	if (oom)
		goto done;
	rc = bc_expand(bd, "don-vi.md", v, d, out);
	free(st);
	free(row);
	tmpl_vars_free(v);
	return rc;
done:
	free(vbuf_take(&tb));
	free(vbuf_take(&nd));
	free(vbuf_take(&nx));
	free(st);
	free(row);
	tmpl_vars_free(v);
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
	return VB_ESYS;
}

/* ------------------------------------------------------------------ */
/* The province summary                                                 */
/* ------------------------------------------------------------------ */

struct bc_line {
	size_t		 unit;   /* index into bc_units */
	struct bc_count	 c;      /* its counts */
};

/* Higher rate first, then more tasks done, then the units' order. */
static int
bc_line_cmp(const void *pa, const void *pb)
{
	const struct bc_line		*a = pa, *b = pb;
	unsigned long long	 ra, rb;

	ra = (unsigned long long)a->c.n[BC_DONE] * (b->c.total ? b->c.total : 1);
	rb = (unsigned long long)b->c.n[BC_DONE] * (a->c.total ? a->c.total : 1);
	if (ra != rb)
		return ra > rb ? -1 : 1;
	if (a->c.n[BC_DONE] != b->c.n[BC_DONE])
		return a->c.n[BC_DONE] > b->c.n[BC_DONE] ? -1 : 1;
	return (a->unit > b->unit) - (a->unit < b->unit);
}

/* The summary table's rows (totals last), the chart's rows and the
 * list of units that did not report; lines[] sorted. */
static void
bc_summary_rows(const struct bc_units *us, struct bc_line *lines,
    struct vbuf *tb, struct vbuf *ch, struct vbuf *miss, size_t *nmiss)
{
	struct bc_count	 tot;
	char		 rate[32];
	size_t		 i, k;

	memset(&tot, 0, sizeof(tot));
	*nmiss = 0;
	for (i = 0; i < us->n; i++) {
		const struct bc_count *c = &lines[i].c;

		for (k = 0; k < BC_NSTATUS; k++)
			tot.n[k] += c->n[k];
		tot.total += c->total;
		bc_rate(c->n[BC_DONE], c->total, 1, rate, sizeof(rate));
		vbuf_printf(tb, "%s%zu,", i ? "\n" : "", i + 1);
		mdesc_cell(tb, us->v[lines[i].unit].don_vi, 1);
		vbuf_printf(tb, ",%zu,%zu,%zu,%zu", c->n[BC_DONE],
		    c->n[BC_DOING], c->n[BC_TODO], c->n[BC_MISSING]);
		csvt_put_field(tb, rate, 0);
		bc_rate(c->n[BC_DONE], c->total, 0, rate, sizeof(rate));
		mdesc_chart_cell(ch, us->v[lines[i].unit].don_vi, 1);
		vbuf_printf(ch, ",%s\n", rate);
		if (c->total > 0 && c->n[BC_MISSING] == c->total) {
			vbuf_printf(miss, "%s%s", *nmiss ? ", " : "",
			    us->v[lines[i].unit].don_vi);
			(*nmiss)++;
		}
	}
	bc_rate(tot.n[BC_DONE], tot.total, 1, rate, sizeof(rate));
	vbuf_printf(tb, "\n,**Tổng cộng**,**%zu**,**%zu**,**%zu**,**%zu**,"
	    "\"**%s**\"", tot.n[BC_DONE], tot.n[BC_DOING], tot.n[BC_TODO],
	    tot.n[BC_MISSING], rate);
}

/* Bars per chart: a chart is kept whole on a page, and a page holds
 * about 17 bars whose labels take two lines. */
#define BC_CHART_MAX 16

/*
 * The bar charts of the rates (rows: the "label,value\n" lines of ch,
 * in order), titled `title`: one chart, or for many units several of
 * equal size, the later ones titled "(tiếp)".
 */
static void
bc_charts(struct vbuf *b, const char *rows, size_t n, const char *title)
{
	size_t		 parts = (n + BC_CHART_MAX - 1) / BC_CHART_MAX, per, i,
			 k = 0;
	const char	*p = rows, *q;

	if (parts == 0)
		return;
	per = (n + parts - 1) / parts;
	for (i = 0; i < parts; i++) {
		char t[600];

		snprintf(t, sizeof(t), "%s%s", title, i ? " (tiếp)" : "");
		vbuf_printf(b, "%s```chart type=bar title=", i ? "\n\n" : "");
		mdesc_info_value(b, t);
		vbuf_puts(b, " unit=\"%\" max=100 labels=yes\nĐơn vị,Tỷ lệ\n");
		for (; k < (i + 1) * per && k < n && *p != '\0'; k++) {
			q = strchr(p, '\n');
			q = q ? q + 1 : p + strlen(p);
			vbuf_putn(b, p, (size_t)(q - p));
			p = q;
		}
		vbuf_puts(b, "```");
	}
}

/* The period's tasks that no unit has finished, as a Markdown list. */
static void
bc_summary_open(const struct bc_plan *p, const struct bc_progress *pr,
    unsigned mask, struct vbuf *b)
{
	size_t i, j;

	for (i = 0; i < p->ntasks; i++) {
		if (!bc_task_in(p, i, mask))
			continue;
		for (j = 0; j < pr->n; j++)
			if (pr->v[j].task == i && pr->v[j].status == BC_DONE)
				break;
		if (j < pr->n)
			continue;
		bc_put_item(b, p->tasks[i].key);
		bc_put_trimmed(b, p->tasks[i].noi_dung);
		vbuf_puts(b, ";");
	}
	if (b->len > 0 && !b->bad)
		b->s[b->len - 1] = '.';
}

int
bc_summary(const struct bc_data *bd, const struct bc_plan *p,
    const struct bc_units *us, const struct bc_progress *pr,
    const struct bc_opt *o, struct diag *d, char **out)
{
	struct tmpl_vars		 *v = NULL;
	struct bc_line		 *lines;
	enum bc_status		 *st;
	const struct bc_row	**row;
	struct vbuf		  tb = { NULL, 0, 0, 0 }, ch = tb, miss = tb,
				  open = tb, charts = tb;
	const char		 *s;
	char			  title[512];
	unsigned		  mask = bc_ky_quarters(o->ky);
	size_t			  i, nmiss, ntask = 0;
	int			  oom = 0, rc = VB_ESYS;

	*out = NULL;
	lines = calloc(us->n + 1, sizeof(*lines));
	st = calloc(p->ntasks + 1, sizeof(*st));
	row = calloc(p->ntasks + 1, sizeof(*row));
	if (lines == NULL || st == NULL || row == NULL ||
	    (v = tmpl_vars_dup(bd->config)) == NULL)
		goto done;
	for (i = 0; i < us->n; i++) {
		lines[i].unit = i;
		bc_unit_status(p, pr, i, mask, st, row, &lines[i].c);
		ntask = lines[i].c.total;
	}
	qsort(lines, us->n, sizeof(*lines), bc_line_cmp);
	bc_summary_rows(us, lines, &tb, &ch, &miss, &nmiss);
	bc_summary_open(p, pr, mask, &open);
	oom |= bc_period_vars(v, o);
	oom |= tmpl_vars_setf(v, "n_don_vi", "%zu", us->n);
	oom |= tmpl_vars_setf(v, "n_da_bao_cao", "%zu", us->n - nmiss);
	oom |= tmpl_vars_setf(v, "n_khong_bao_cao", "%zu", nmiss);
	oom |= tmpl_vars_setf(v, "n_nhiem_vu", "%zu", ntask);
	oom |= bc_set_buf(v, "ds_khong_bao_cao", &miss);
	oom |= bc_set_buf(v, "bang", &tb);
	if ((s = tmpl_vars_get(v, "th_bieu_do")) == NULL)
		s = "";
	snprintf(title, sizeof(title), "%s %s", s, tmpl_vars_get(v, "ky_ten"));
	bc_charts(&charts, ch.s ? ch.s : "", us->n, title);
	free(vbuf_take(&ch));
	oom |= bc_set_buf(v, "bieu_do", &charts);
	oom |= bc_set_buf(v, "nv_chua_xong", &open);
	if (!oom)
		rc = bc_expand(bd, "tong-hop.md", v, d, out);
done:
	if (rc == VB_ESYS && *out == NULL && diag_errors(d) == 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
	free(vbuf_take(&tb));
	free(vbuf_take(&ch));
	free(vbuf_take(&miss));
	free(vbuf_take(&open));
	free(vbuf_take(&charts));
	free(lines);
	free(st);
	free(row);
	tmpl_vars_free(v);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The empty progress form                                              */
/* ------------------------------------------------------------------ */

int
bc_form(const struct bc_plan *p, const struct bc_units *us, size_t u,
    unsigned mask, char **out, size_t *len)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	size_t		 i;

	/* UTF-8 BOM: Excel then reads the diacritics right. */
	vbuf_puts(&b, "\xEF\xBB\xBF" "Đơn vị,Nhiệm vụ,Nội dung nhiệm vụ,"
	    "Đơn vị chủ trì,Trạng thái,Ngày hoàn thành,Kết quả\r\n");
	for (i = 0; i < p->ntasks; i++) {
		if (!bc_task_in(p, i, mask))
			continue;
		csvt_put_field(&b, us->v[u].don_vi, 1);
		csvt_put_field(&b, p->tasks[i].key, 0);
		csvt_put_field(&b, p->tasks[i].noi_dung, 0);
		csvt_put_field(&b, p->tasks[i].chu_tri, 0);
		vbuf_puts(&b, ",,,\r\n");
	}
	*len = b.len;
	if (b.bad) {
		free(vbuf_take(&b));
		*out = NULL;
		return VB_ESYS;
	}
	*out = vbuf_take(&b);
	return *out ? VB_OK : VB_ESYS;
}
