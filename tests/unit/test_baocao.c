/*
 * test_baocao.c - the report generator's pieces: rates with a comma,
 * periods, file-name slugs, capitals, the seed plan's groups and keys,
 * the status words of templates/bao-cao/trang-thai.csv, counts of a
 * unit, and the empty form's bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "baocao/bc.h"
#include "check.h"

#define NBSP "\xC2\xA0"

static void
test_rate(void)
{
	char b[32];

	bc_rate(7, 8, 1, b, sizeof(b));
	CHECK_STR("rate 7/8", b, "87,5" NBSP "%");
	bc_rate(1, 3, 1, b, sizeof(b));
	CHECK_STR("rate 1/3", b, "33,3" NBSP "%");
	bc_rate(2, 3, 1, b, sizeof(b));
	CHECK_STR("rate 2/3", b, "66,7" NBSP "%");
	bc_rate(7, 16, 1, b, sizeof(b));
	CHECK_STR("rate 7/16 half up", b, "43,8" NBSP "%");
	bc_rate(4, 4, 1, b, sizeof(b));
	CHECK_STR("rate 4/4", b, "100" NBSP "%");
	bc_rate(0, 5, 1, b, sizeof(b));
	CHECK_STR("rate 0/5", b, "0" NBSP "%");
	bc_rate(0, 0, 1, b, sizeof(b));
	CHECK_STR("rate no tasks", b, "0" NBSP "%");
	bc_rate(7, 8, 0, b, sizeof(b));
	CHECK_STR("rate for a chart", b, "87.5");
	bc_rate(1, 8, 0, b, sizeof(b));
	CHECK_STR("rate 1/8 half up", b, "12.5");
	bc_rate(1, 16, 0, b, sizeof(b));
	CHECK_STR("rate 1/16 half up", b, "6.3");
}

static void
test_periods(void)
{
	enum bc_ky	 k;
	char		 b[64];
	int		 y;

	CHECK("ky Q1", bc_ky_parse("Q1", &k) == 0 && k == BC_Q1);
	CHECK("ky q4", bc_ky_parse("q4", &k) == 0 && k == BC_Q4);
	CHECK("ky Quý III", bc_ky_parse("Quý III", &k) == 0 && k == BC_Q3);
	CHECK("ky 6T", bc_ky_parse("6T", &k) == 0 && k == BC_6T);
	CHECK("ky NAM", bc_ky_parse("NAM", &k) == 0 && k == BC_NAM);
	CHECK("ky năm", bc_ky_parse("năm", &k) == 0 && k == BC_NAM);
	CHECK("ky Q5 refused", bc_ky_parse("Q5", &k) != 0);
	CHECK("ky empty refused", bc_ky_parse("", &k) != 0);
	CHECK("Q2 quarters", bc_ky_quarters(BC_Q2) == 0x2);
	CHECK("6T quarters", bc_ky_quarters(BC_6T) == 0x3);
	CHECK("NAM quarters", bc_ky_quarters(BC_NAM) == 0xF);
	CHECK("Q1 next", bc_ky_next(BC_Q1) == 0x2);
	CHECK("Q3 next", bc_ky_next(BC_Q3) == 0x8);
	CHECK("Q4 next: next year", bc_ky_next(BC_Q4) == 0);
	CHECK("6T next", bc_ky_next(BC_6T) == 0xC);
	CHECK("NAM next: next year", bc_ky_next(BC_NAM) == 0);
	bc_ky_label(BC_Q2, 2020, 0, b, sizeof(b));
	CHECK_STR("label Q2", b, "quý II năm 2020");
	bc_ky_label(BC_Q4, 2020, 1, b, sizeof(b));
	CHECK_STR("label after Q4", b, "quý I năm 2021");
	bc_ky_label(BC_6T, 2020, 1, b, sizeof(b));
	CHECK_STR("label after 6T", b, "6 tháng cuối năm 2020");
	bc_ky_label(BC_NAM, 2020, 1, b, sizeof(b));
	CHECK_STR("label after NAM", b, "năm 2021");
	CHECK_STR("code 6T", bc_ky_code(BC_6T), "6t");
	CHECK("title Q2", bc_ky_find("PHIẾU BÁO CÁO QUÝ II NĂM 2026", &k,
	    &y) == 0 && k == BC_Q2 && y == 2026);
	CHECK("title 6T", bc_ky_find("6 tháng đầu năm 2026", &k, &y) == 0 &&
	    k == BC_6T);
	CHECK("title NAM", bc_ky_find("Kết quả năm 2026", &k, &y) == 0 &&
	    k == BC_NAM && y == 2026);
	CHECK("no period in a letterhead", bc_ky_find("CỘNG HÒA XÃ HỘI CHỦ "
	    "NGHĨA VIỆT NAM", &k, &y) != 0);
	CHECK("6T covers Q1", bc_ky_covers(BC_6T, BC_Q1));
	CHECK("6T does not cover Q3", !bc_ky_covers(BC_6T, BC_Q3));
	CHECK("NAM covers 6T", bc_ky_covers(BC_NAM, BC_6T));
	CHECK("Q2 does not cover Q1", !bc_ky_covers(BC_Q2, BC_Q1));
	CHECK("6T after Q2, before Q3", bc_ky_rank(BC_6T) >
	    bc_ky_rank(BC_Q2) && bc_ky_rank(BC_6T) < bc_ky_rank(BC_Q3));
}

static void
test_slug(void)
{
	char *s;

	s = vb_slug("UBND huyện Mường Nhé");
	CHECK_STR("slug huyện", s, "ubnd-huyen-muong-nhe");
	free(s);
	s = vb_slug("Sở Văn hóa, Thể thao và Du lịch");
	CHECK_STR("slug commas", s, "so-van-hoa-the-thao-va-du-lich");
	free(s);
	s = vb_slug("  Đảng ủy Khối  - Đồn Biên phòng 317 ");
	CHECK_STR("slug đ, dash, spaces", s, "dang-uy-khoi-don-bien-phong-317");
	free(s);
	s = vb_slug("—");
	CHECK_STR("slug nothing", s, "");
	free(s);
	s = vb_upper("Ủy ban nhân dân huyện Điện Biên");
	CHECK_STR("upper", s, "ỦY BAN NHÂN DÂN HUYỆN ĐIỆN BIÊN");
	free(s);
}

/* The seed plan, read as vb-baocao reads it. */
static struct bc_plan *
seed_plan(const char *root, struct diag *d)
{
	struct bc_plan	*p = NULL;
	char		 path[4096], *text;
	size_t		 len;

	snprintf(path, sizeof(path), "%s/input/2020/nhiem-vu.csv", root);
	if (text_read_file(path, TEXT_ENC_AUTO, d, &text, &len) != VB_OK)
		return NULL;
	bc_plan_parse("nhiem-vu.csv", text, len, d, &p);
	free(text);
	return p;
}

static void
test_plan(const char *root)
{
	struct diag	*d = diag_new();
	struct bc_plan	*p = seed_plan(root, d);
	size_t		 idx[2], i, n;

	CHECK("seed plan parsed", p != NULL && diag_errors(d) == 0);
	if (p == NULL) {
		diag_free(d);
		return;
	}
	CHECK("five groups", p->ngroups == 5);
	CHECK("group I is Q1", p->groups[0].quarter == 1);
	CHECK("group III (lower-case quý) is Q3", p->groups[2].quarter == 3);
	CHECK("group IV is Q4", p->groups[3].quarter == 4);
	CHECK("group V is thường xuyên", p->groups[4].quarter == 0);
	CHECK("30 tasks", p->ntasks == 30);
	CHECK("no year in the titles", p->year == 0);
	CHECK_STR("key of the 11th task", p->tasks[10].key, "II.1");
	CHECK("II.3 found once", bc_task_find(p, "II.3", idx) == 1 &&
	    strcmp(p->tasks[idx[0]].key, "II.3") == 0);
	CHECK("key any case", bc_task_find(p, "ii.3", idx) == 1);
	CHECK("III.3 is two tasks", bc_task_find(p, "III.3", idx) == 2 &&
	    p->tasks[idx[0]].line == 23 && p->tasks[idx[1]].line == 24 &&
	    p->tasks[idx[0]].dup && p->tasks[idx[1]].dup);
	CHECK("II.9 is none", bc_task_find(p, "II.9", idx) == 0);
	for (n = 0, i = 0; i < p->ntasks; i++)
		n += bc_task_in(p, i, bc_ky_quarters(BC_Q2));
	CHECK("Q2: 6 tasks + 4 thường xuyên", n == 10);
	for (n = 0, i = 0; i < p->ntasks; i++)
		n += bc_task_in(p, i, bc_ky_quarters(BC_6T));
	CHECK("6T: 10 + 6 + 4", n == 20);
	for (n = 0, i = 0; i < p->ntasks; i++)
		n += bc_task_in(p, i, bc_ky_quarters(BC_NAM));
	CHECK("NAM: all 30", n == 30);
	for (n = 0, i = 0; i < p->ntasks; i++)
		n += bc_task_in(p, i, 0);
	CHECK("no quarters: nothing, not even thường xuyên", n == 0);
	bc_plan_free(p);
	diag_free(d);
}

static void
test_plan_errors(void)
{
	static const char bad[] =
	    "STT,Nội dung nhiệm vụ\n"
	    "1,Trước nhóm đầu tiên\n"
	    "I,Nhiệm vụ trọng tâm\n"
	    "1,Một việc\n";
	static const char ma[] =
	    "STT,Nội dung nhiệm vụ,Mã\n"
	    "I,Nhiệm vụ thực hiện trong quý 2 năm 2021,\n"
	    "1,Một việc,NV-01\n"
	    "1,Việc khác,NV-02\n";
	struct diag	*d = diag_new();
	struct bc_plan	*p = NULL;
	size_t		 idx[2];

	CHECK("bad plan refused", bc_plan_parse("x.csv", bad, strlen(bad), d,
	    &p) == VB_EINPUT && p == NULL && diag_errors(d) == 2);
	CHECK("task before a group named", diag_count(d) == 2 &&
	    strstr(diag_get(d, 0), "x.csv:2:1: error: task \"1\" comes "
	    "before") != NULL);
	CHECK("group without a period named", diag_count(d) == 2 &&
	    strstr(diag_get(d, 1), "x.csv:3:1: error: group I") != NULL);
	diag_free(d);
	d = diag_new();
	CHECK("Mã column plan", bc_plan_parse("y.csv", ma, strlen(ma), d,
	    &p) == VB_OK && p != NULL);
	if (p != NULL) {
		CHECK("quý 2 is Q2", p->groups[0].quarter == 2);
		CHECK("year from the title", p->year == 2021);
		CHECK("Mã tells the two tasks 1 apart",
		    bc_task_find(p, "nv-02", idx) == 1 && idx[0] == 1 &&
		    !p->tasks[0].dup);
	}
	bc_plan_free(p);
	diag_free(d);
}

static void
test_status(const char *root)
{
	struct diag	*d = diag_new();
	struct bc_data	*bd = NULL;
	char		 dir[4096];

	snprintf(dir, sizeof(dir), "%s/templates", root);
	CHECK("load bao-cao data", bc_data_load(dir, NULL, d, &bd) == VB_OK);
	if (bd != NULL) {
		CHECK("Hoàn thành", bc_status_find(bd, "Hoàn thành") == BC_DONE);
		CHECK("đã hoàn thành", bc_status_find(bd, "đã hoàn thành") ==
		    BC_DONE);
		CHECK("HT", bc_status_find(bd, "HT") == BC_DONE);
		CHECK("HOÀN THÀNH", bc_status_find(bd, "HOÀN THÀNH") == BC_DONE);
		CHECK("đang triển khai", bc_status_find(bd, "đang triển khai") ==
		    BC_DOING);
		CHECK("Đang thực hiện", bc_status_find(bd, "Đang thực hiện") ==
		    BC_DOING);
		CHECK("chưa thực hiện", bc_status_find(bd, "chưa thực hiện") ==
		    BC_TODO);
		CHECK("chưa triển khai", bc_status_find(bd, "chưa triển khai") ==
		    BC_TODO);
		CHECK("unknown word", bc_status_find(bd, "xong rồi") < 0);
		CHECK("empty word", bc_status_find(bd, "") < 0);
	}
	bc_data_free(bd);
	diag_free(d);
}

static void
test_counts_and_form(const char *root)
{
	struct diag		*d = diag_new();
	struct bc_plan		*p = seed_plan(root, d);
	struct bc_units		 us;
	struct bc_progress	 pr;
	struct bc_row		 r[3];
	struct bc_count		 c;
	enum bc_status		*st;
	const struct bc_row	**row;
	size_t			 idx[2], len, lines;
	char			*form = NULL, *tdir;
	const char		*q;
	struct bc_data		*bd = NULL;
	struct bc_form_in	 fi;
	unsigned char		*role = NULL;

	memset(&us, 0, sizeof(us));
	memset(&pr, 0, sizeof(pr));
	if (p == NULL) {
		CHECK("seed plan for counts", 0);
		diag_free(d);
		return;
	}
	bc_units_add(&us, "Sở Y tế", 0);
	bc_units_add(&us, "Ban Dân tộc", 0);
	memset(r, 0, sizeof(r));
	bc_task_find(p, "II.1", idx);
	r[0].task = idx[0];
	r[0].status = BC_DONE;
	bc_task_find(p, "V.2", idx);
	r[1].task = idx[0];
	r[1].status = BC_DOING;
	bc_task_find(p, "I.4", idx);	/* Q1: outside Q2 */
	r[2].task = idx[0];
	r[2].status = BC_DONE;
	pr.v = r;
	pr.n = 3;
	st = calloc(p->ntasks, sizeof(*st));
	row = calloc(p->ntasks, sizeof(*row));
	bc_unit_status(p, &pr, 0, bc_ky_quarters(BC_Q2), NULL, NULL, st, row,
	    &c);
	CHECK("Q2 counts", c.total == 10 && c.n[BC_DONE] == 1 &&
	    c.n[BC_DOING] == 1 && c.n[BC_TODO] == 0 && c.n[BC_MISSING] == 8);
	bc_unit_status(p, &pr, 0, bc_ky_quarters(BC_6T), NULL, NULL, st, row,
	    &c);
	CHECK("6T counts", c.total == 20 && c.n[BC_DONE] == 2 &&
	    c.n[BC_MISSING] == 17);
	bc_unit_status(p, &pr, 1, bc_ky_quarters(BC_Q2), NULL, NULL, st, row,
	    &c);
	CHECK("a unit without rows", c.total == 10 && c.n[BC_MISSING] == 10);
	free(st);
	free(row);
	bc_units_slugs(&us);
	CHECK_STR("unit slug", us.v[0].slug, "so-y-te");
	/* The roles: the seed plan's I.1 names "Các cơ quan, đơn vị có liên
	 * quan" (every unit coordinates), I.2 names Sở Nội vụ only, V.2
	 * names nobody (every unit's own). */
	memset(&fi, 0, sizeof(fi));
	if ((tdir = bc_find_templates(NULL)) != NULL &&
	    bc_data_load(tdir, NULL, d, &bd) == VB_OK &&
	    (role = bc_roles(bd, p, &us)) != NULL) {
		bc_task_find(p, "I.1", idx);
		CHECK("role: a phrase of every unit", role[1 * p->ntasks +
		    idx[0]] == BC_ROLE_COORD);
		bc_task_find(p, "I.2", idx);
		CHECK("role: not asked", role[1 * p->ntasks + idx[0]] ==
		    BC_ROLE_NONE);
		bc_task_find(p, "V.2", idx);
		CHECK("role: a task naming nobody", role[1 * p->ntasks +
		    idx[0]] == BC_ROLE_LEAD);
		fi.plan = p;
		fi.units = &us;
		fi.bd = bd;
		fi.role = role;
		fi.u = 1;
		fi.ky = BC_Q1;
		fi.nam = 2020;
		CHECK("form made", bc_form_csv(&fi, &form, &len) == VB_OK);
		CHECK("form BOM", len > 3 && memcmp(form, "\xEF\xBB\xBF", 3) ==
		    0);
		CHECK("form title", strstr(form, "PHIẾU BÁO CÁO KẾT QUẢ THỰC "
		    "HIỆN NHIỆM VỤ CÔNG TÁC THI ĐUA, KHEN THƯỞNG QUÝ I NĂM "
		    "2020") != NULL);
		CHECK("form header", strstr(form, "\r\nĐơn vị,Mã,Nội dung "
		    "nhiệm vụ,Vai trò,Trạng thái,Ngày hoàn thành,Kết quả\r\n")
		    != NULL);
		CHECK("form first row", strstr(form, "\r\nBan Dân tộc,I.1,"
		    "\"Ban hành báo cáo tổng kết") != NULL);
		CHECK("form: not asked", strstr(form, ",I.2,") == NULL);
		CHECK("form: its own", strstr(form, ",V.2,") != NULL &&
		    strstr(form, ",II.1,") == NULL);
		CHECK("form: text rows", strstr(form, "\r\nBan Dân tộc,"
		    "\"Đề xuất, kiến nghị\",,,,,\r\n") != NULL);
		for (lines = 0, q = form; (q = strstr(q, "\r\n")) != NULL;
		    q += 2)
			lines++;
		CHECK("form lines: name, title, header, 7 of Q1, 4 thường "
		    "xuyên, 5 texts", lines == 19);
	} else
		CHECK("templates for the roles", 0);
	free(role);
	free(tdir);
	bc_data_free(bd);
	free(form);
	bc_units_free(&us);
	bc_plan_free(p);
	diag_free(d);
}

int
main(void)
{
	const char *root = getenv("ROOT");

	if (root == NULL)
		root = ".";
	test_rate();
	test_periods();
	test_slug();
	test_plan(root);
	test_plan_errors();
	test_status(root);
	test_counts_and_form(root);
	return check_failed != 0;
}
