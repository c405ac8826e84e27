/*
 * pages.c - the HTML of vb-web: server-rendered, Vietnamese, no script;
 * one small inline style that reads on a phone as on a laptop.  Every
 * text from a request or a file is escaped (page_esc).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "web/web_int.h"

static const char style[] =
    "body{font-family:system-ui,'Segoe UI',Roboto,Arial,sans-serif;"
    "max-width:62rem;margin:0 auto;padding:.5rem 1rem 2rem;line-height:1.5;"
    "color:#1b1b1b;background:#fafafa}"
    "header{display:flex;gap:1rem;flex-wrap:wrap;align-items:baseline;"
    "border-bottom:2px solid #b71c1c;margin-bottom:1rem}"
    "header a{color:#b71c1c;font-weight:600;text-decoration:none}"
    "h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:0}"
    "section{background:#fff;border:1px solid #ddd;border-radius:6px;"
    "padding:1rem;margin:0 0 1rem}"
    "label{display:block;margin:.6rem 0 .2rem;font-weight:600}"
    "input[type=text],input[type=date],input[type=file],select,textarea"
    "{width:100%;max-width:36rem;box-sizing:border-box;padding:.35rem;"
    "font:inherit}"
    "label.o{display:inline;font-weight:400}"
    "button,.nut{display:inline-block;margin-top:.8rem;padding:.5rem 1.2rem;"
    "background:#b71c1c;color:#fff;border:0;border-radius:4px;font:inherit;"
    "font-weight:600;text-decoration:none;cursor:pointer}"
    ".goi-y{color:#555;font-size:.9rem;margin:.1rem 0}"
    ".loi{border-left:4px solid #c62828;background:#fdecea;padding:.5rem "
    "1rem}.luu-y{border-left:4px solid #f9a825;background:#fff8e1;"
    "padding:.5rem 1rem}.loi li,.luu-y li{margin:.3rem 0}"
    "table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left}"
    "iframe,object{width:100%;height:30rem;border:1px solid #ccc;"
    "background:#eee}"
    "@media(max-width:40rem){iframe,object{height:20rem}}";

void
page_esc(struct vbuf *b, const char *s)
{
	for (; s != NULL && *s; s++)
		switch (*s) {
		case '&': vbuf_puts(b, "&amp;"); break;
		case '<': vbuf_puts(b, "&lt;"); break;
		case '>': vbuf_puts(b, "&gt;"); break;
		case '"': vbuf_puts(b, "&quot;"); break;
		case '\'': vbuf_puts(b, "&#39;"); break;
		default: vbuf_putn(b, s, 1); break;
		}
}

void
page_head(struct vbuf *b, const char *title)
{
	vbuf_puts(b, "<!DOCTYPE html>\n<html lang=\"vi\"><head>"
	    "<meta charset=\"utf-8\"><meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\"><title>");
	page_esc(b, title);
	vbuf_printf(b, " – vanban</title><style>%s</style></head><body>"
	    "<header><a href=\"/\">vanban – soạn văn bản</a>"
	    "<a href=\"/cau-hinh\">Cài đặt</a></header><main>\n", style);
}

void
page_foot(struct vbuf *b)
{
	vbuf_puts(b, "</main></body></html>\n");
}

char *
page_msg(const char *title, const char *text)
{
	struct vbuf b = { NULL, 0, 0, 0 };

	page_head(&b, title);
	vbuf_puts(&b, "<h1>");
	page_esc(&b, title);
	vbuf_puts(&b, "</h1><p>");
	page_esc(&b, text);
	vbuf_puts(&b, "</p><p><a href=\"/\">Về trang đầu</a></p>");
	page_foot(&b);
	return vbuf_take(&b);
}

/* The browser's name of the uploaded file the job called name, or
 * name itself. */
static const char *
page_orig(const struct web_req *r, const char *name)
{
	int i;

	for (i = 0; r != NULL && i < r->nfiles; i++)
		if (strcmp(r->files[i].name, name) == 0)
			return r->files[i].orig;
	return name;
}

/* Where one message points, for a clerk: "ds.xlsx, ô Danh sách!E2"
 * (the cell named as every message names it: diag_place), "ds.xlsx,
 * trang tính Danh sách, dòng 3", "ds.csv, dòng 3, cột 5", or the file's
 * last component.  A workbook's table is named "path:Sheet!". */
static void
page_where(struct vbuf *b, const struct web_req *r, char *file, int line,
    int col)
{
	char	*sheet = strchr(file, ':'), *slash, *place = NULL, *cell;
	size_t	 n;

	if (sheet != NULL && line > 0 && col > 0 &&
	    (place = diag_place(file, line, col)) != NULL &&
	    (cell = strchr(place, ':')) != NULL) {
		*cell++ = '\0';
		slash = strrchr(place, '/');
		page_esc(b, page_orig(r, slash ? slash + 1 : place));
		vbuf_puts(b, ", ô ");
		page_esc(b, cell);
		free(place);
		return;
	}
	free(place);
	if (sheet != NULL) {
		*sheet++ = '\0';
		if ((n = strlen(sheet)) > 0 && sheet[n - 1] == '!')
			sheet[n - 1] = '\0';
	}
	slash = strrchr(file, '/');
	page_esc(b, page_orig(r, slash ? slash + 1 : file));
	if (sheet != NULL && line > 0) {
		vbuf_puts(b, ", trang tính ");
		page_esc(b, sheet);
		vbuf_printf(b, ", dòng %d", line);
		return;
	}
	if (line > 0)
		vbuf_printf(b, ", dòng %d", line);
	if (col > 0)
		vbuf_printf(b, ", cột %d", col);
}

/* The messages of a job (loi.txt) of one level ('E' or 'W'); count. */
static int
page_messages(struct vbuf *b, const struct web_req *r, const char *text,
    char level)
{
	char	*copy, *line, *save, *f[5], *p;
	int	 n = 0, i;

	if (text == NULL || (copy = strdup(text)) == NULL)
		return 0;
	for (line = strtok_r(copy, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		for (i = 0, p = line; i < 5; i++) {
			f[i] = p;
			if (i < 4 && (p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
			else if (i < 4)
				break;
		}
		if (i < 5 || f[0][0] != level)
			continue;
		vbuf_puts(b, "<li>");
		if (f[1][0] != '\0') {
			vbuf_puts(b, "<b>");
			page_where(b, r, f[1], atoi(f[2]), atoi(f[3]));
			vbuf_puts(b, "</b>: ");
		}
		page_esc(b, f[4]);
		vbuf_puts(b, "</li>\n");
		n++;
	}
	free(copy);
	return n;
}

/* The problems of r's job above its form. */
static void
page_problems(struct vbuf *b, const struct web_req *r, const char *errors)
{
	struct vbuf	e = { NULL, 0, 0, 0 }, w = { NULL, 0, 0, 0 };
	int		ne = page_messages(&e, r, errors, 'E'),
			nw = page_messages(&w, r, errors, 'W');

	vbuf_printf(b, "<div class=\"loi\" role=\"alert\"><p><b>Chưa soạn "
	    "được: %d lỗi cần sửa.</b> Sửa tệp theo từng dòng dưới đây rồi "
	    "chọn lại tệp và gửi lại; không có văn bản nào được tạo.</p><ul>",
	    ne);
	if (e.s != NULL)
		vbuf_puts(b, e.s);
	vbuf_puts(b, "</ul></div>\n");
	if (nw > 0)
		vbuf_printf(b, "<div class=\"luu-y\"><p><b>Lưu ý (%d)</b></p>"
		    "<ul>%s</ul></div>\n", nw, w.s);
	free(e.s);
	free(w.s);
}

/* value="..." of field key of r (escaped), or nothing. */
static void
page_value(struct vbuf *b, const struct web_req *r, const char *key)
{
	const char *v = r ? web_field(r, key) : NULL;

	if (v != NULL) {
		vbuf_puts(b, " value=\"");
		page_esc(b, v);
		vbuf_puts(b, "\"");
	}
}

/* The names of the files r had in field key, for "you chose ...". */
static void
page_chosen(struct vbuf *b, const struct web_req *r, const char *key)
{
	int i, n = 0;

	for (i = 0; r != NULL && i < r->nfiles; i++)
		if (strcmp(r->files[i].field, key) == 0) {
			vbuf_puts(b, n++ ? ", " : "<p class=\"goi-y\">Đã chọn: ");
			page_esc(b, r->files[i].orig);
			if (r->files[i].bad_type)
				vbuf_puts(b, " (<b>loại tệp không đọc được: "
				    "chọn .xlsx, .xls, .ods hoặc .csv</b>)");
		}
	if (n)
		vbuf_puts(b, " – hãy chọn lại tệp sau khi sửa.</p>");
}

static void
page_form_kt(struct vbuf *b, const char *csrf, const struct web_req *r,
    const char *errors)
{
	const char *dt = r ? web_field(r, "du_thao") : NULL;

	vbuf_puts(b, "<section id=\"khen-thuong\"><h2>Danh sách khen thưởng "
	    "→ quyết định</h2>\n");
	if (errors != NULL)
		page_problems(b, r, errors);
	vbuf_printf(b, "<form method=\"post\" action=\"/khen-thuong\" "
	    "enctype=\"multipart/form-data\"><input type=\"hidden\" "
	    "name=\"csrf\" value=\"%s\">\n<label for=\"danh_sach\">Danh sách "
	    "đề nghị khen thưởng (Excel hoặc CSV)</label><input type=\"file\" "
	    "id=\"danh_sach\" name=\"danh_sach\" required accept=\".xlsx,"
	    ".xls,.ods,.csv\">\n", csrf);
	page_chosen(b, r, "danh_sach");
	vbuf_puts(b, "<p class=\"goi-y\">Mỗi hình thức khen thưởng trong danh "
	    "sách thành một quyết định kèm danh sách.</p><label for=\"ngay\">"
	    "Ngày ký quyết định</label><input type=\"date\" id=\"ngay\" "
	    "name=\"ngay\"");
	page_value(b, r, "ngay");
	vbuf_printf(b, "><p><input type=\"checkbox\" id=\"du_thao\" "
	    "name=\"du_thao\" value=\"1\"%s> <label class=\"o\" for=\"du_thao\">"
	    "Dự thảo (chưa có số, ngày; có dấu DỰ THẢO)</label></p>"
	    "<label for=\"so\">Số quyết định (không bắt buộc)</label>"
	    "<input type=\"text\" id=\"so\" name=\"so\" placeholder=\"12, hoặc "
	    "mỗi hình thức một số: bang-khen=12; cstd-tinh=13\"",
	    dt && *dt ? " checked" : "");
	page_value(b, r, "so");
	vbuf_puts(b, "><br><button type=\"submit\">Soạn quyết định</button>"
	    "</form></section>\n");
}

static void
page_form_bc(struct vbuf *b, const char *csrf, const struct web_req *r,
    const char *errors)
{
	static const char *const ky[][2] = { { "Q1", "Quý I" },
	    { "Q2", "Quý II" }, { "6T", "6 tháng" }, { "Q3", "Quý III" },
	    { "Q4", "Quý IV" }, { "NAM", "Cả năm" } };
	const char	*sel = r ? web_field(r, "ky") : NULL;
	size_t		 i;

	vbuf_puts(b, "<section id=\"bao-cao\"><h2>Tiến độ → báo cáo</h2>\n");
	if (errors != NULL)
		page_problems(b, r, errors);
	vbuf_printf(b, "<form method=\"post\" action=\"/bao-cao\" "
	    "enctype=\"multipart/form-data\"><input type=\"hidden\" "
	    "name=\"csrf\" value=\"%s\">\n<label for=\"ke_hoach\">Bảng nhiệm "
	    "vụ của kế hoạch</label><input type=\"file\" id=\"ke_hoach\" "
	    "name=\"ke_hoach\" required accept=\".xlsx,.xls,.ods,.csv\">\n",
	    csrf);
	page_chosen(b, r, "ke_hoach");
	vbuf_puts(b, "<label for=\"tien_do\">Biểu tiến độ của các đơn vị (chọn "
	    "nhiều tệp)</label><input type=\"file\" id=\"tien_do\" "
	    "name=\"tien_do\" multiple required accept=\".xlsx,.xls,.ods,.csv\">"
	    "\n");
	page_chosen(b, r, "tien_do");
	vbuf_puts(b, "<label for=\"don_vi\">Danh sách đơn vị (không bắt buộc; "
	    "mặc định: của cài đặt)</label><input type=\"file\" id=\"don_vi\" "
	    "name=\"don_vi\" accept=\".xlsx,.xls,.ods,.csv,.yaml,.yml\">\n");
	page_chosen(b, r, "don_vi");
	vbuf_puts(b, "<label for=\"khen_thuong\">Sổ đăng ký khen thưởng (không "
	    "bắt buộc)</label><input type=\"file\" id=\"khen_thuong\" "
	    "name=\"khen_thuong\" accept=\".csv,.xlsx\">\n");
	page_chosen(b, r, "khen_thuong");
	vbuf_puts(b, "<label for=\"ky\">Kỳ báo cáo</label><select id=\"ky\" "
	    "name=\"ky\">");
	for (i = 0; i < sizeof(ky) / sizeof(ky[0]); i++)
		vbuf_printf(b, "<option value=\"%s\"%s>%s</option>", ky[i][0],
		    sel && strcmp(sel, ky[i][0]) == 0 ? " selected" : "",
		    ky[i][1]);
	vbuf_puts(b, "</select><label for=\"ngay_bc\">Ngày báo cáo</label>"
	    "<input type=\"date\" id=\"ngay_bc\" name=\"ngay\"");
	page_value(b, r && r->kind == WEB_BC ? r : NULL, "ngay");
	vbuf_puts(b, "><br><button type=\"submit\">Lập báo cáo</button>"
	    "</form></section>\n");
}

char *
page_index(const char *csrf, const struct web_req *r, const char *errors)
{
	struct vbuf b = { NULL, 0, 0, 0 };

	page_head(&b, errors ? "Cần sửa" : "Soạn văn bản");
	vbuf_puts(&b, "<h1>Soạn văn bản từ tệp Excel</h1><p>Chọn tệp, bấm "
	    "nút; văn bản (PDF, Word) hiện ra để xem và tải về. "
	    "<a href=\"/cau-hinh\">Cài đặt của tỉnh</a> (cơ quan, người ký, "
	    "quy chế, tờ trình, nơi nhận).</p>\n");
	page_form_kt(&b, csrf, r && r->kind == WEB_KT ? r : NULL,
	    r && r->kind == WEB_KT ? errors : NULL);
	page_form_bc(&b, csrf, r && r->kind == WEB_BC ? r : NULL,
	    r && r->kind == WEB_BC ? errors : NULL);
	page_foot(&b);
	return vbuf_take(&b);
}

/* 1490000 as "1.490.000". */
static void
page_money(struct vbuf *b, unsigned long long v)
{
	char	digits[32];
	size_t	n, i;

	n = (size_t)snprintf(digits, sizeof(digits), "%llu", v);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			vbuf_puts(b, ".");
		vbuf_putn(b, digits + i, 1);
	}
}

/* The closing summary of tom-tat.txt. */
static void
page_summary(struct vbuf *b, const char *id)
{
	char			*t = store_read(id, 0, "tom-tat.txt"), *p;
	unsigned long long	 docs = 0, tt = 0, cn = 0, tien = 0;
	int			 kt = 0;

	for (p = t; p != NULL && *p; p = strchr(p, '\n') ? strchr(p, '\n') +
	    1 : p + strlen(p)) {
		if (strncmp(p, "van_ban=", 8) == 0)
			docs = strtoull(p + 8, NULL, 10);
		else if (strncmp(p, "tap_the=", 8) == 0)
			tt = strtoull(p + 8, NULL, 10), kt = 1;
		else if (strncmp(p, "ca_nhan=", 8) == 0)
			cn = strtoull(p + 8, NULL, 10);
		else if (strncmp(p, "tien=", 5) == 0)
			tien = strtoull(p + 5, NULL, 10);
	}
	free(t);
	vbuf_printf(b, "<section id=\"tom-tat\"><h2>Tổng hợp</h2><table>"
	    "<tr><th>Văn bản</th><td>%llu</td></tr>", docs);
	if (kt) {
		vbuf_printf(b, "<tr><th>Tập thể</th><td>%llu</td></tr>"
		    "<tr><th>Cá nhân</th><td>%llu</td></tr>"
		    "<tr><th>Tổng tiền thưởng</th><td>", tt, cn);
		page_money(b, tien);
		vbuf_puts(b, " đồng</td></tr>");
	}
	vbuf_puts(b, "</table></section>\n");
}

/* Is name with its extension replaced by ext in the list? */
static int
page_has(char **names, const char *name, const char *ext)
{
	size_t	n = strcspn(name, ".");
	int	i;

	for (i = 0; names[i] != NULL; i++)
		if (strncmp(names[i], name, n) == 0 &&
		    strcmp(names[i] + n, ext) == 0)
			return 1;
	return 0;
}

/* The heading of document base from muc-luc.txt ("base\tloai\ttrich
 * yeu" lines): "LOẠI – trích yếu", escaped, or base. */
static void
page_title(struct vbuf *b, const char *toc, const char *base)
{
	const char	*p = toc, *tab, *end;
	size_t		 n = strlen(base);

	for (; p != NULL && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 :
	    NULL) {
		if (strncmp(p, base, n) != 0 || p[n] != '\t')
			continue;
		p += n + 1;
		end = p + strcspn(p, "\n");
		tab = memchr(p, '\t', (size_t)(end - p));
		if (tab == NULL || tab == p)
			break;
		{
			char *t = strndup(p, (size_t)(end - p));

			if (t == NULL)
				break;
			t[tab - p] = '\0';
			page_esc(b, t);
			if (tab + 1 < end) {
				vbuf_puts(b, " – ");
				page_esc(b, t + (tab - p) + 1);
			}
			free(t);
		}
		vbuf_printf(b, " <small>(%s)</small>", base);
		return;
	}
	vbuf_puts(b, base);
}

/* One document of a result: its links and page 1. */
static void
page_doc(struct vbuf *b, char **names, const char *md, const char *toc)
{
	size_t	n = strlen(md) - 3;
	char	base[128];

	if (n >= sizeof(base))
		return;
	memcpy(base, md, n);
	base[n] = '\0';
	vbuf_puts(b, "<section class=\"vb\"><h2>");
	page_title(b, toc, base);
	vbuf_puts(b, "</h2><p>");
	if (page_has(names, md, ".pdf"))
		vbuf_printf(b, "<a class=\"nut\" href=\"%s.pdf\">PDF</a> ",
		    base);
	if (page_has(names, md, ".docx"))
		vbuf_printf(b, "<a class=\"nut\" href=\"%s.docx\">Word "
		    "(DOCX)</a> ", base);
	vbuf_printf(b, "<a href=\"%s\">nguồn (Markdown)</a></p>\n", md);
	if (page_has(names, md, ".pdf"))
		vbuf_printf(b, "<iframe src=\"%s.pdf#page=1&amp;view=FitH&amp;"
		    "navpanes=0&amp;toolbar=0\" "
		    "title=\"Trang 1 của %s\" loading=\"lazy\"></iframe>\n",
		    base, base);
	vbuf_puts(b, "</section>\n");
}

char *
page_result(const char *id)
{
	struct vbuf	  b = { NULL, 0, 0, 0 }, w = { NULL, 0, 0, 0 };
	char		**names = store_list(id), *msgs, *toc;
	const char	 *dot;
	int		  i, nw, other = 0;

	if (names == NULL)
		return NULL;
	msgs = store_read(id, 0, "loi.txt");
	toc = store_read(id, 0, "muc-luc.txt");
	page_head(&b, "Kết quả");
	vbuf_printf(&b, "<h1>Kết quả</h1><p><a class=\"nut\" "
	    "href=\"/ket-qua/%s.zip\">Tải tất cả (.zip)</a> "
	    "<a href=\"/\">Soạn tiếp</a></p><p class=\"goi-y\">Kết quả được "
	    "giữ %ld giờ rồi tự xóa; hãy tải về.</p>\n", id,
	    (web_opt->giu_s + 3599) / 3600);
	page_summary(&b, id);
	if ((nw = page_messages(&w, NULL, msgs, 'W')) > 0)
		vbuf_printf(&b, "<div class=\"luu-y\"><p><b>Lưu ý trước khi "
		    "trình ký (%d)</b></p><ul>%s</ul></div>\n", nw, w.s);
	for (i = 0; names[i] != NULL; i++)
		if ((dot = strrchr(names[i], '.')) != NULL &&
		    strcmp(dot, ".md") == 0)
			page_doc(&b, names, names[i], toc);
	for (i = 0; names[i] != NULL; i++) {
		dot = strrchr(names[i], '.');
		if (dot != NULL && (strcmp(dot, ".md") == 0 ||
		    strcmp(dot, ".pdf") == 0 || strcmp(dot, ".docx") == 0))
			continue;
		vbuf_puts(&b, other++ ? ", " : "<section><h2>Tệp khác</h2><p>");
		vbuf_printf(&b, "<a href=\"%s\">%s</a>", names[i], names[i]);
	}
	if (other)
		vbuf_puts(&b, "</p></section>\n");
	page_foot(&b);
	for (i = 0; names[i] != NULL; i++)
		free(names[i]);
	free(names);
	free(msgs);
	free(toc);
	free(w.s);
	return vbuf_take(&b);
}
