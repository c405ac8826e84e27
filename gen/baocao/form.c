/*
 * bc/form.c - the progress form a unit fills for a period: the letterhead
 * lines, a title naming the period (read back: bc_ky_find), the header,
 * the tasks it leads or coordinates with its role (and the unfinished
 * tasks of earlier quarters carried with their last status), then the
 * five rows of its own texts.  As an Excel workbook (libxlsxwriter: a
 * drop-down list of statuses, dates as dates, the header frozen) or as
 * CSV (UTF-8 with a BOM, CRLF).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#include "baocao/bc.h"

#define BC_FCOLS 7

static const char *const bc_form_head[BC_FCOLS] = {
	"Đơn vị", "Mã", "Nội dung nhiệm vụ", "Vai trò", "Trạng thái",
	"Ngày hoàn thành", "Kết quả"
};

/* The form's lines, made once for either format. */
struct bc_fline {
	char	*cell[BC_FCOLS];
};

struct bc_fdoc {
	char		*top[2];     /* letterhead lines, may be "" */
	char		*title;      /* names the period */
	struct bc_fline	*v;          /* task rows, then the five texts */
	size_t		 n, ntasks;
};

static void
bc_fdoc_free(struct bc_fdoc *f)
{
	size_t	 i;
	int	 k;

	for (i = 0; i < f->n; i++)
		for (k = 0; k < BC_FCOLS; k++)
			free(f->v[i].cell[k]);
	free(f->v);
	free(f->top[0]);
	free(f->top[1]);
	free(f->title);
}

/* Append a line of the given cells ("" for NULL); -1 on OOM. */
static int
bc_fdoc_add(struct bc_fdoc *f, const char *const c[BC_FCOLS])
{
	int k;

	for (k = 0; k < BC_FCOLS; k++)
		if ((f->v[f->n].cell[k] = strdup(c[k] ? c[k] : "")) == NULL)
			return -1;
	f->n++;
	return 0;
}

/* The row of task i carried from an earlier period for unit u: its
 * latest row when not done, else NULL. */
static const struct bc_row *
bc_carried(const struct bc_form_in *in, size_t i)
{
	size_t	 j;
	int	 q = in->plan->groups[in->plan->tasks[i].group].quarter;

	if (in->carry == NULL || q == 0 || in->ky > BC_Q4 ||
	    q - 1 >= (int)in->ky)
		return NULL;
	for (j = 0; j < in->carry->n; j++)
		if (in->carry->v[j].unit == in->u && in->carry->v[j].task == i)
			return in->carry->v[j].status == BC_DONE ? NULL :
			    &in->carry->v[j];
	return NULL;
}

/* One task's line: fresh, or carried with its last status. */
static int
bc_form_task(const struct bc_form_in *in, size_t i, const struct bc_row *r,
    struct bc_fdoc *f)
{
	const struct bc_task	*t = &in->plan->tasks[i];
	const char		*c[BC_FCOLS];
	char			 per[64], *kq = NULL;
	int			 rc;

	c[0] = in->units->v[in->u].don_vi;
	c[1] = t->key;
	c[2] = t->noi_dung;
	c[3] = bc_role_name(in->role[in->u * in->plan->ntasks + i]);
	c[4] = c[5] = c[6] = NULL;
	if (r != NULL) {
		bc_ky_label(r->ky, in->nam, 0, per, sizeof(per));
		if (asprintf(&kq, "Chuyển từ %s%s%s", per, *r->ket_qua ?
		    ": " : "", r->ket_qua) < 0)
			return -1;
		c[4] = bc_status_name(r->status);
		c[6] = kq;
	}
	rc = bc_fdoc_add(f, c);
	free(kq);
	return rc;
}

/* The form's content for either format. */
static int
bc_fdoc_make(const struct bc_form_in *in, struct bc_fdoc *f)
{
	const struct bc_unit	*u = &in->units->v[in->u];
	const char		*lv = tmpl_vars_get(in->bd->config, "linh_vuc");
	const unsigned char	*role = in->role + in->u * in->plan->ntasks;
	const struct bc_row	*r;
	unsigned		 mask = bc_ky_quarters(in->ky);
	char			 per[64], *t;
	const char		*c[BC_FCOLS] = { NULL };
	size_t			 i;
	int			 k;

	memset(f, 0, sizeof(*f));
	if ((f->v = calloc(in->plan->ntasks + BC_NTXT + 1,
	    sizeof(*f->v))) == NULL)
		return -1;
	f->top[0] = vb_upper(u->co_quan_chu_quan);
	f->top[1] = vb_upper(*u->ten_day_du ? u->ten_day_du : u->don_vi);
	bc_ky_label(in->ky, in->nam, 0, per, sizeof(per));
	if (f->top[0] == NULL || f->top[1] == NULL ||
	    asprintf(&t, "PHIẾU BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ %s %s",
	    lv ? lv : "", per) < 0)
		return -1;
	f->title = vb_upper(t);
	free(t);
	if (f->title == NULL)
		return -1;
	for (i = 0; i < in->plan->ntasks; i++) {
		r = bc_carried(in, i);
		if (role[i] == BC_ROLE_NONE ||
		    (!bc_task_in(in->plan, i, mask) && r == NULL))
			continue;
		if (bc_form_task(in, i, r, f) != 0)
			return -1;
	}
	f->ntasks = f->n;
	c[0] = u->don_vi;
	for (k = 0; k < BC_NTXT; k++) {
		c[1] = bc_txt_name((enum bc_txt)k);
		if (bc_fdoc_add(f, c) != 0)
			return -1;
	}
	return 0;
}

int
bc_form_csv(const struct bc_form_in *in, char **out, size_t *len)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	struct bc_fdoc	 f;
	size_t		 i;
	int		 k;

	*out = NULL;
	if (bc_fdoc_make(in, &f) != 0) {
		bc_fdoc_free(&f);
		return VB_ESYS;
	}
	/* UTF-8 BOM: Excel then reads the diacritics right. */
	vbuf_puts(&b, "\xEF\xBB\xBF");
	for (k = 0; k < 2; k++)
		if (*f.top[k] != '\0') {
			csvt_put_field(&b, f.top[k], 1);
			vbuf_puts(&b, ",,,,,,\r\n");
		}
	csvt_put_field(&b, f.title, 1);
	vbuf_puts(&b, ",,,,,,\r\n");
	for (k = 0; k < BC_FCOLS; k++)
		csvt_put_field(&b, bc_form_head[k], k == 0);
	vbuf_puts(&b, "\r\n");
	for (i = 0; i < f.n; i++) {
		for (k = 0; k < BC_FCOLS; k++)
			csvt_put_field(&b, f.v[i].cell[k], k == 0);
		vbuf_puts(&b, "\r\n");
	}
	bc_fdoc_free(&f);
	*len = b.len;
	if (b.bad) {
		free(vbuf_take(&b));
		return VB_ESYS;
	}
	*out = vbuf_take(&b);
	return *out ? VB_OK : VB_ESYS;
}

/* ------------------------------------------------------------------ */
/* The workbook                                                         */
/* ------------------------------------------------------------------ */

struct bc_xfmt {
	lxw_format	*top, *title, *head, *cell, *wrap, *date, *text,
			*datecol;
};

static void
bc_xlsx_formats(lxw_workbook *wb, struct bc_xfmt *x)
{
	x->top = workbook_add_format(wb);
	format_set_bold(x->top);
	x->title = workbook_add_format(wb);
	format_set_bold(x->title);
	format_set_font_size(x->title, 13);
	format_set_align(x->title, LXW_ALIGN_CENTER);
	x->head = workbook_add_format(wb);
	format_set_bold(x->head);
	format_set_text_wrap(x->head);
	format_set_align(x->head, LXW_ALIGN_CENTER);
	format_set_align(x->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_border(x->head, LXW_BORDER_THIN);
	format_set_bg_color(x->head, 0xDDEBF7);
	x->cell = workbook_add_format(wb);
	format_set_border(x->cell, LXW_BORDER_THIN);
	format_set_align(x->cell, LXW_ALIGN_VERTICAL_TOP);
	x->wrap = workbook_add_format(wb);
	format_set_text_wrap(x->wrap);
	format_set_border(x->wrap, LXW_BORDER_THIN);
	format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	x->datecol = workbook_add_format(wb);	/* rows added by the unit */
	format_set_num_format(x->datecol, "dd/mm/yyyy");
	x->date = workbook_add_format(wb);
	format_set_num_format(x->date, "dd/mm/yyyy");
	format_set_border(x->date, LXW_BORDER_THIN);
	format_set_align(x->date, LXW_ALIGN_VERTICAL_TOP);
	x->text = workbook_add_format(wb);
	format_set_bold(x->text);
	format_set_text_wrap(x->text);
	format_set_border(x->text, LXW_BORDER_THIN);
	format_set_align(x->text, LXW_ALIGN_VERTICAL_TOP);
}

/* The drop-down list of statuses and the date check. */
static void
bc_xlsx_checks(lxw_worksheet *ws, lxw_row_t r0, lxw_row_t r1, int nam)
{
	static char	 s0[] = "Hoàn thành", s1[] = "Đang thực hiện",
			 s2[] = "Chưa thực hiện", t1[] = "Trạng thái",
			 m1[] = "Chọn một trạng thái trong danh sách.",
			 t2[] = "Ngày hoàn thành",
			 m2[] = "Nhập ngày dạng dd/mm/yyyy.";
	static char	*list[] = { s0, s1, s2, NULL };
	lxw_data_validation v;

	if (r1 < r0)
		return;
	memset(&v, 0, sizeof(v));
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = list;
	v.error_title = t1;
	v.error_message = m1;
	worksheet_data_validation_range(ws, r0, 4, r1, 4, &v);
	memset(&v, 0, sizeof(v));
	v.validate = LXW_VALIDATION_TYPE_DATE;
	v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	v.minimum_datetime = (lxw_datetime){ nam, 1, 1, 0, 0, 0 };
	v.maximum_datetime = (lxw_datetime){ nam + 1, 12, 31, 0, 0, 0 };
	v.error_title = t2;
	v.error_message = m2;
	worksheet_data_validation_range(ws, r0, 5, r1, 5, &v);
}

int
bc_form_xlsx(const struct bc_form_in *in, const char *path, struct diag *d)
{
	static const double width[BC_FCOLS] = { 22, 8, 50, 10, 16, 14, 40 };
	lxw_workbook_options	 wo = { 0, NULL, 0 };
	lxw_doc_properties	 props;
	lxw_workbook		*wb;
	lxw_worksheet		*ws;
	struct bc_xfmt		 x;
	struct bc_fdoc		 f;
	lxw_row_t		 r = 0, h;
	lxw_error		 err;
	size_t			 i;
	int			 k;

	if (bc_fdoc_make(in, &f) != 0) {
		bc_fdoc_free(&f);
		return VB_ESYS;
	}
	if ((wb = workbook_new_opt(path, &wo)) == NULL) {
		bc_fdoc_free(&f);
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write the workbook");
		return VB_ESYS;
	}
	memset(&props, 0, sizeof(props));
	props.title = f.title;
	props.created = in->epoch >= 0 ? (time_t)in->epoch : time(NULL);
	workbook_set_properties(wb, &props);
	ws = workbook_add_worksheet(wb, "Phiếu báo cáo");
	bc_xlsx_formats(wb, &x);
	for (k = 0; k < BC_FCOLS; k++)
		worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, width[k],
		    k == 5 ? x.datecol : NULL);
	for (k = 0; k < 2; k++)
		if (*f.top[k] != '\0')
			worksheet_write_string(ws, r++, 0, f.top[k], x.top);
	r++;	/* a blank row, then the title across the columns */
	worksheet_merge_range(ws, r, 0, r, BC_FCOLS - 1, f.title, x.title);
	h = r + 2;
	for (k = 0; k < BC_FCOLS; k++)
		worksheet_write_string(ws, h, (lxw_col_t)k, bc_form_head[k],
		    x.head);
	worksheet_set_row(ws, h, 32, NULL);	/* two lines of heading */
	worksheet_freeze_panes(ws, h + 1, 0);
	for (i = 0; i < f.n; i++) {
		r = h + 1 + (lxw_row_t)i;
		for (k = 0; k < BC_FCOLS; k++)
			worksheet_write_string(ws, r, (lxw_col_t)k,
			    f.v[i].cell[k], k == 2 || k == 6 ? x.wrap :
			    i >= f.ntasks && k == 1 ? x.text : k == 5 ? x.date :
			    x.cell);
		if (i >= f.ntasks)
			worksheet_set_row(ws, r, 60, NULL);
	}
	bc_xlsx_checks(ws, h + 1, h + (lxw_row_t)f.ntasks, in->nam);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);	/* A4 */
	worksheet_repeat_rows(ws, h, h);
	worksheet_fit_to_pages(ws, 1, 0);
	bc_fdoc_free(&f);
	if ((err = workbook_close(wb)) != LXW_NO_ERROR) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write the workbook: "
		    "%s", lxw_strerror(err));
		return VB_ESYS;
	}
	return VB_OK;
}
