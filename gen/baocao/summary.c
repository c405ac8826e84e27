/*
 * bc/summary.c - the province summary (tong-hop.md: the state of
 * reporting, the results table and chart, late completions, the awards
 * of the period, the units' assessments, directions and proposals, each
 * attributed), and the reminder to the units that sent nothing
 * (don-doc.md, a công văn đôn đốc).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baocao/bc.h"

struct bc_line {
	size_t		 unit;   /* index into bc_units */
	struct bc_count	 c;      /* its counts */
};

/* Higher rate first, then more tasks done, then the units' order. */
static int
bc_line_cmp(const void *pa, const void *pb)
{
	const struct bc_line	*a = pa, *b = pb;
	unsigned long long	 ra, rb;

	ra = (unsigned long long)a->c.n[BC_DONE] * (b->c.total ? b->c.total : 1);
	rb = (unsigned long long)b->c.n[BC_DONE] * (a->c.total ? a->c.total : 1);
	if (ra != rb)
		return ra > rb ? -1 : 1;
	if (a->c.n[BC_DONE] != b->c.n[BC_DONE])
		return a->c.n[BC_DONE] > b->c.n[BC_DONE] ? -1 : 1;
	return (a->unit > b->unit) - (a->unit < b->unit);
}

/* The summary table's rows (totals last) and the chart's rows; lines[]
 * sorted; the units with no task in the period are left out. */
static void
bc_summary_rows(const struct bc_units *us, const struct bc_line *lines,
    struct vbuf *tb, struct vbuf *ch, size_t *nchart)
{
	struct bc_count	 tot;
	char		 rate[32];
	size_t		 i, k, n = 0;

	memset(&tot, 0, sizeof(tot));
	for (i = 0; i < us->n; i++) {
		const struct bc_count *c = &lines[i].c;

		if (c->total == 0)
			continue;
		for (k = 0; k < BC_NSTATUS; k++)
			tot.n[k] += c->n[k];
		tot.total += c->total;
		tot.late += c->late;
		bc_rate(c->n[BC_DONE], c->total, 1, rate, sizeof(rate));
		vbuf_printf(tb, "%s%zu,", n ? "\n" : "", n + 1);
		mdesc_cell(tb, us->v[lines[i].unit].don_vi, 1);
		vbuf_printf(tb, ",%zu,%zu,%zu,%zu,%zu,%zu", c->total,
		    c->n[BC_DONE], c->late, c->n[BC_DOING], c->n[BC_TODO],
		    c->n[BC_MISSING]);
		csvt_put_field(tb, rate, 0);
		bc_rate(c->n[BC_DONE], c->total, 0, rate, sizeof(rate));
		mdesc_chart_cell(ch, us->v[lines[i].unit].don_vi, 1);
		vbuf_printf(ch, ",%s\n", rate);
		n++;
	}
	*nchart = n;
	bc_rate(tot.n[BC_DONE], tot.total, 1, rate, sizeof(rate));
	vbuf_printf(tb, "\n,**Tổng cộng**,**%zu**,**%zu**,**%zu**,**%zu**,"
	    "**%zu**,**%zu**,\"**%s**\"", tot.total, tot.n[BC_DONE], tot.late,
	    tot.n[BC_DOING], tot.n[BC_TODO], tot.n[BC_MISSING], rate);
}

/* Bars per chart.  A chart is kept whole on a page, so it must not be
 * tall: at most two lines a label (38 pt a bar), six bars and the title
 * and axis take about 95 mm, under 40 % of a page, the most a page may
 * be left empty (page economy: the Q1 and 6T summaries of 16 units left
 * 45 % of a page blank before one chart of 16 bars, 214 mm). */
#define BC_CHART_MAX 6

/*
 * The bar charts of the rates (rows: the "label,value\n" lines of ch,
 * in order), titled `title`: one chart, or for more units several of
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

/* The period's tasks by their lead units' status: the counts, the ones
 * not finished (with the status) and the late completions. */
static void
bc_summary_tasks(const struct bc_plan *p, const struct bc_progress *pr,
    const struct bc_units *us, const struct bc_opt *o, size_t cnt[5],
    struct vbuf *open, struct vbuf *late)
{
	unsigned	 mask = bc_ky_quarters(o->ky);
	enum bc_status	 s;
	size_t		 i, j, n;
	char		 day[16];
	int		 lt;

	memset(cnt, 0, 5 * sizeof(*cnt));
	for (i = 0; i < p->ntasks; i++) {
		for (j = 0; j < pr->n && !bc_task_in(p, i, mask); j++)
			if (pr->v[j].task == i && o->role[pr->v[j].unit *
			    p->ntasks + i] != BC_ROLE_NONE &&
			    bc_task_shown(p, i, mask, &pr->v[j]))
				break;
		if (!bc_task_in(p, i, mask) && j == pr->n)
			continue;
		s = bc_task_status(p, pr, us->n, o->role, i,
		    bc_deadline(p, i, o), &lt);
		cnt[s]++;
		cnt[4] += lt;
		if (s != BC_DONE) {
			bc_put_item(open, p->tasks[i].key);
			bc_put_trimmed(open, p->tasks[i].noi_dung);
			vbuf_printf(open, " (%s);", s == BC_MISSING ?
			    "chưa có báo cáo của đơn vị chủ trì" :
			    s == BC_DOING ? "đang thực hiện" : "chưa thực hiện");
		}
		/* The task once, its late units and their dates after it. */
		for (n = 0, j = 0; j < pr->n; j++) {
			const struct bc_row *r = &pr->v[j];

			if (r->task != i || r->status != BC_DONE ||
			    r->ngay <= bc_deadline(p, i, o) ||
			    o->role[r->unit * p->ntasks + i] == BC_ROLE_NONE)
				continue;
			if (n++ == 0) {
				bc_put_item(late, p->tasks[i].key);
				bc_put_trimmed(late, p->tasks[i].noi_dung);
				vbuf_puts(late, " (");
			} else
				vbuf_puts(late, "; ");
			bc_day(r->ngay, day, sizeof(day));
			vbuf_printf(late, "%s ngày %s", us->v[r->unit].don_vi,
			    day);
		}
		if (n > 0)
			vbuf_puts(late, ");");
	}
	if (open->len > 0 && !open->bad)
		open->s[open->len - 1] = '.';
	if (late->len > 0 && !late->bad)
		late->s[late->len - 1] = '.';
}

/* The units' texts of kind k, each attributed: "- *Sở X*: a; b." */
static void
bc_summary_text(struct vbuf *b, const struct bc_progress *pr,
    const struct bc_units *us, enum bc_txt k)
{
	const char	*s, *e;
	size_t		 u, i, n;

	for (u = 0; u < us->n; u++)
		for (i = 0; i < pr->ntx; i++) {
			if (pr->tx[i].unit != u || pr->tx[i].kind != k)
				continue;
			vbuf_printf(b, "%s- *", b->len ? "\n" : "");
			mdesc_inline(b, us->v[u].don_vi);
			vbuf_puts(b, "*:");
			for (n = 0, s = pr->tx[i].text; *s != '\0';
			    s = *e ? e + 1 : e) {
				e = s + strcspn(s, "\n");
				/* Its own bullets dropped: "- ", "• ". */
				while (s < e && (strchr(" \r-+*", *s) != NULL ||
				    strncmp(s, "\xE2\x80\xA2", 3) == 0))
					s += *s == '\xE2' ? 3 : 1;
				while (e > s && strchr(" \r.;", e[-1]) != NULL)
					e--;
				if (s >= e)
					continue;
				vbuf_puts(b, n++ ? "; " : " ");
				{
					char *line = strndup(s, (size_t)(e - s));

					if (line == NULL) {
						b->bad = 1;
						return;
					}
					mdesc_inline(b, line);
					free(line);
				}
			}
			vbuf_puts(b, ".");
		}
}

/* "2.340.000" */
static void
bc_money(unsigned long long v, char *buf, size_t n)
{
	char	 d[32];
	size_t	 len, i, k = 0;

	len = (size_t)snprintf(d, sizeof(d), "%llu", v);
	for (i = 0; i < len && k + 2 < n; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[k++] = '.';
		buf[k++] = d[i];
	}
	buf[k] = '\0';
}

/* The awards' table rows (totals last) and figures. */
static int
bc_award_vars(struct tmpl_vars *v, const struct bc_awards *aw)
{
	struct vbuf		 b = { NULL, 0, 0, 0 };
	struct bc_award		 t;
	char			 m[40];
	size_t			 i;
	int			 oom = 0;

	memset(&t, 0, sizeof(t));
	for (i = 0; aw != NULL && i < aw->n; i++) {
		const struct bc_award *a = &aw->v[i];

		bc_money(a->tien, m, sizeof(m));
		vbuf_printf(&b, "%s%zu,", i ? "\n" : "", i + 1);
		mdesc_cell(&b, a->hinh_thuc, 1);
		vbuf_printf(&b, ",%zu,%zu,%zu,%s", a->n_qd, a->tap_the,
		    a->ca_nhan, m);
		t.n_qd += a->n_qd;
		t.tap_the += a->tap_the;
		t.ca_nhan += a->ca_nhan;
		t.tien += a->tien;
	}
	bc_money(t.tien, m, sizeof(m));
	if (t.n_qd > 0)
		vbuf_printf(&b, "\n,**Tổng cộng**,**%zu**,**%zu**,**%zu**,**%s**",
		    t.n_qd, t.tap_the, t.ca_nhan, m);
	oom |= bc_set_buf(v, "kt_bang", &b);
	oom |= tmpl_vars_set(v, "kt_nguon", aw != NULL && aw->given ? "1" : "");
	oom |= tmpl_vars_set(v, "co_khen_thuong", t.n_qd ? "1" : "");
	oom |= tmpl_vars_setf(v, "kt_n_qd", "%zu", t.n_qd);
	oom |= tmpl_vars_setf(v, "kt_tap_the", "%zu", t.tap_the);
	oom |= tmpl_vars_setf(v, "kt_ca_nhan", "%zu", t.ca_nhan);
	oom |= tmpl_vars_set(v, "kt_tien", m);
	return oom;
}

/* The state of reporting: units that sent something, those that did
 * not (asked of some task, nothing sent). */
static int
bc_report_vars(struct tmpl_vars *v, const struct bc_plan *p,
    const struct bc_progress *pr, const struct bc_units *us,
    const struct bc_line *lines, unsigned mask)
{
	struct vbuf	 miss = { NULL, 0, 0, 0 };
	size_t		 i, u, nmiss = 0, nasked = 0;
	int		 oom = 0;

	for (i = 0; i < us->n; i++) {
		u = lines[i].unit;
		if (lines[i].c.total == 0 && !bc_unit_sent(p, pr, u, mask))
			continue;
		nasked++;
		if (bc_unit_sent(p, pr, u, mask))
			continue;
		vbuf_printf(&miss, "%s%s", nmiss ? ", " : "", us->v[u].don_vi);
		nmiss++;
	}
	oom |= tmpl_vars_setf(v, "n_don_vi", "%zu", nasked);
	oom |= tmpl_vars_setf(v, "n_da_bao_cao", "%zu", nasked - nmiss);
	oom |= tmpl_vars_set(v, "n_khong_bao_cao", "");
	if (nmiss)
		oom |= tmpl_vars_setf(v, "n_khong_bao_cao", "%zu", nmiss);
	oom |= bc_set_buf(v, "ds_khong_bao_cao", &miss);
	return oom;
}

/* The figures of the tasks by their lead units. */
static int
bc_task_vars(struct tmpl_vars *v, const size_t cnt[5])
{
	size_t	 n = cnt[0] + cnt[1] + cnt[2] + cnt[3];
	char	 rate[32];
	int	 oom = 0;

	bc_rate(cnt[BC_DONE], n, 1, rate, sizeof(rate));
	oom |= tmpl_vars_setf(v, "n_nhiem_vu", "%zu", n);
	oom |= tmpl_vars_setf(v, "n_nv_xong", "%zu", cnt[BC_DONE]);
	oom |= tmpl_vars_setf(v, "n_nv_dang", "%zu", cnt[BC_DOING]);
	oom |= tmpl_vars_setf(v, "n_nv_chua", "%zu", cnt[BC_TODO]);
	oom |= tmpl_vars_setf(v, "n_nv_chua_bc", "%zu", cnt[BC_MISSING]);
	oom |= tmpl_vars_set(v, "n_nv_cham", "");
	if (cnt[4])
		oom |= tmpl_vars_setf(v, "n_nv_cham", "%zu", cnt[4]);
	oom |= tmpl_vars_set(v, "ty_le_nv", rate);
	return oom;
}

/* The units' texts, attributed, as ds_uu_diem … ds_de_xuat. */
static int
bc_texts_vars(struct tmpl_vars *v, const struct bc_progress *pr,
    const struct bc_units *us)
{
	static const char *const key[BC_NTXT] = {
		"ds_uu_diem", "ds_ton_tai", "ds_nguyen_nhan",
		"ds_phuong_huong", "ds_de_xuat"
	};
	struct vbuf	 b = { NULL, 0, 0, 0 };
	int		 k, oom = 0;

	for (k = 0; k < BC_NTXT; k++) {
		bc_summary_text(&b, pr, us, (enum bc_txt)k);
		oom |= bc_set_buf(v, key[k], &b);
	}
	return oom;
}

/* The plan's tasks of the next period (none: next year's). */
static void
bc_plan_next(struct vbuf *b, const struct bc_plan *p, unsigned next)
{
	size_t i;

	for (i = 0; i < p->ntasks; i++) {
		if (!bc_task_in(p, i, next) ||
		    p->groups[p->tasks[i].group].quarter == 0)
			continue;
		vbuf_printf(b, "%s- ", b->len ? "\n" : "");
		bc_put_trimmed(b, p->tasks[i].noi_dung);
		vbuf_puts(b, ";");
	}
	if (b->len > 0 && !b->bad)
		b->s[b->len - 1] = '.';
}

/* The chart's title and blocks. */
static int
bc_chart_vars(struct tmpl_vars *v, struct vbuf *ch, size_t n)
{
	struct vbuf	 charts = { NULL, 0, 0, 0 };
	const char	*s;
	char		 title[512];

	if ((s = tmpl_vars_get(v, "th_bieu_do")) == NULL)
		s = "";
	snprintf(title, sizeof(title), "%s %s", s, tmpl_vars_get(v, "ky_ten"));
	bc_charts(&charts, ch->s ? ch->s : "", n, title);
	return bc_set_buf(v, "bieu_do", &charts);
}

int
bc_summary(const struct bc_data *bd, const struct bc_plan *p,
    const struct bc_units *us, const struct bc_progress *pr,
    const struct bc_opt *o, struct diag *d, char **out)
{
	struct tmpl_vars	 *v = NULL;
	struct bc_line		 *lines;
	enum bc_status		 *st;
	const struct bc_row	**row;
	struct vbuf		  tb = { NULL, 0, 0, 0 }, ch = tb, open = tb,
				  late = tb, nx = tb;
	unsigned		  mask = bc_ky_quarters(o->ky);
	size_t			  i, cnt[5], nchart;
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
		bc_unit_status(p, pr, i, mask, o->role + i * p->ntasks, o, st,
		    row, &lines[i].c);
	}
	qsort(lines, us->n, sizeof(*lines), bc_line_cmp);
	bc_summary_rows(us, lines, &tb, &ch, &nchart);
	bc_summary_tasks(p, pr, us, o, cnt, &open, &late);
	bc_plan_next(&nx, p, bc_ky_next(o->ky));
	oom |= bc_period_vars(v, o);
	oom |= bc_report_vars(v, p, pr, us, lines, mask);
	oom |= bc_task_vars(v, cnt);
	oom |= bc_award_vars(v, o->aw);
	oom |= bc_texts_vars(v, pr, us);
	oom |= bc_set_buf(v, "bang", &tb);
	oom |= bc_chart_vars(v, &ch, nchart);
	oom |= bc_set_buf(v, "nv_chua_xong", &open);
	oom |= bc_set_buf(v, "ds_cham", &late);
	oom |= bc_set_buf(v, "nv_sau", &nx);
	if (!oom && o->doc != NULL) {
		struct bc_count c = { { cnt[0], cnt[1], cnt[2], cnt[3] },
		    cnt[0] + cnt[1] + cnt[2] + cnt[3], cnt[4], 0 };

		o->doc->units = us->n;
		oom |= bc_doc_fill(o->doc, v, "th_ky_hieu", &c);
	}
	if (!oom)
		rc = bc_expand(bd, "tong-hop.md", v, d, out);
done:
	if (rc == VB_ESYS && *out == NULL && diag_errors(d) == 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
	free(vbuf_take(&tb));
	free(vbuf_take(&ch));
	free(vbuf_take(&open));
	free(vbuf_take(&late));
	free(vbuf_take(&nx));
	free(lines);
	free(st);
	free(row);
	tmpl_vars_free(v);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The reminder                                                         */
/* ------------------------------------------------------------------ */

int
bc_reminder(const struct bc_data *bd, const struct bc_units *us,
    const unsigned char *silent, const struct bc_opt *o, struct diag *d,
    char **out)
{
	struct tmpl_vars	*v;
	const char		*kh;
	size_t			 u;
	int			 oom = 0, rc = VB_ESYS;

	*out = NULL;
	if ((v = tmpl_vars_dup(bd->config)) == NULL)
		goto done;
	oom |= bc_period_vars(v, o);
	oom |= tmpl_vars_list(v, "ds_kinh_gui");
	for (u = 0; u < us->n; u++)
		if (silent[u])
			oom |= tmpl_vars_push(v, "ds_kinh_gui",
			    *us->v[u].ten_day_du ? us->v[u].ten_day_du :
			    us->v[u].don_vi);
	/* The deadline as in a sentence: "ngày 13 tháng 7 năm 2026" (a
	 * day below 10 and the months 1 and 2 with a leading zero). */
	if (o->han != 0)
		oom |= tmpl_vars_setf(v, "han", "ngày %02ld tháng %0*ld năm "
		    "%04ld", o->han % 100, o->han / 100 % 100 < 3 ? 2 : 1,
		    o->han / 100 % 100, o->han / 10000);
	else
		oom |= tmpl_vars_setf(v, "han", "ngày …… tháng …… năm %d",
		    o->nam + (o->ky == BC_Q4 || o->ky == BC_NAM));
	/* A công văn's ký hiệu: the summary's without its "BC-". */
	if ((kh = tmpl_vars_get(v, "th_ky_hieu")) == NULL)
		kh = "";
	oom |= tmpl_vars_set(v, "ky_hieu_cv", strncmp(kh, "BC-", 3) == 0 ?
	    kh + 3 : kh);
	if (!oom && o->doc != NULL) {
		for (u = 0; u < us->n; u++)
			o->doc->units += silent[u] != 0;
		oom |= bc_doc_fill(o->doc, v, "ky_hieu_cv", NULL);
	}
	if (!oom)
		rc = bc_expand(bd, "don-doc.md", v, d, out);
done:
	if (rc == VB_ESYS && *out == NULL && diag_errors(d) == 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory");
	tmpl_vars_free(v);
	return rc;
}
