/*
 * test_kt.c - the commendation generator's pieces: the shipped data
 * tables (coefficients and salaries of khen-thuong.md), the amount of
 * every form at every base salary in both rounding modes, dates,
 * coefficients, the skeleton language, YAML scalars, Vietnamese order,
 * and the checks of a nominee list.
 */
#include <stdlib.h>
#include <string.h>

#include "kt/kt.h"
#include "check.h"

/* Base salaries of the spec, in table order. */
static const unsigned long long salaries[5] = {
	1390000, 1490000, 1800000, 2340000, 2530000
};
static const vb_date salary_dates[5] = {
	20180701, 20190701, 20230701, 20240701, 20260701
};

/* Expected amounts per coefficient: rounded up, then to the nearest,
 * at each base salary (computed by hand from khen-thuong.md). */
static const struct {
	const char		*ma;
	int			 kind;
	long			 coef;
	unsigned long long	 up[5], near[5];
} expect[] = {
	{ "cstd-tinh", KT_CA_NHAN, 3000,
	  { 4170000, 4470000, 5400000, 7020000, 7590000 },
	  { 4170000, 4470000, 5400000, 7020000, 7590000 } },
	{ "cstd-co-so", KT_CA_NHAN, 1000,
	  { 1390000, 1490000, 1800000, 2340000, 2530000 },
	  { 1390000, 1490000, 1800000, 2340000, 2530000 } },
	{ "ldtt", KT_CA_NHAN, 300,
	  { 420000, 450000, 540000, 710000, 760000 },
	  { 420000, 450000, 540000, 700000, 760000 } },
	{ "co-thi-dua", KT_TAP_THE, 8000,
	  { 11120000, 11920000, 14400000, 18720000, 20240000 },
	  { 11120000, 11920000, 14400000, 18720000, 20240000 } },
	{ "tt-ldxs", KT_TAP_THE, 1500,
	  { 2090000, 2240000, 2700000, 3510000, 3800000 },
	  { 2090000, 2240000, 2700000, 3510000, 3800000 } },
	{ "tt-ldtt", KT_TAP_THE, 800,
	  { 1120000, 1200000, 1440000, 1880000, 2030000 },
	  { 1110000, 1190000, 1440000, 1870000, 2020000 } },
	{ "bang-khen", KT_CA_NHAN, 1000,
	  { 1390000, 1490000, 1800000, 2340000, 2530000 },
	  { 1390000, 1490000, 1800000, 2340000, 2530000 } },
	{ "bang-khen", KT_TAP_THE, 2000,
	  { 2780000, 2980000, 3600000, 4680000, 5060000 },
	  { 2780000, 2980000, 3600000, 4680000, 5060000 } },
	{ "giay-khen", KT_CA_NHAN, 300,
	  { 420000, 450000, 540000, 710000, 760000 },
	  { 420000, 450000, 540000, 700000, 760000 } },
	{ "giay-khen", KT_TAP_THE, 600,
	  { 840000, 900000, 1080000, 1410000, 1520000 },
	  { 830000, 890000, 1080000, 1400000, 1520000 } },
	{ "giay-khen-xa", KT_CA_NHAN, 150,
	  { 210000, 230000, 270000, 360000, 380000 },
	  { 210000, 220000, 270000, 350000, 380000 } },
	{ "giay-khen-xa", KT_TAP_THE, 300,
	  { 420000, 450000, 540000, 710000, 760000 },
	  { 420000, 450000, 540000, 700000, 760000 } },
};

static void
test_tables(const struct kt_data *kd)
{
	size_t	 i, s;
	char	 name[128];
	int	 f;

	CHECK("forms: nine in the table", kd->nforms == 9);
	CHECK("salaries: six in the table", kd->nsalary == 6);
	/* The first row: 1.300.000 from 2017-07-01 (Nghị định 47/2017). */
	CHECK("salary from 20170701", kd->nsalary > 0 &&
	    kd->salary[0].from == 20170701 && kd->salary[0].amount == 1300000);
	CHECK("salary the day before 2018-07-01",
	    kt_salary_on(kd, 20180630) == 1300000);
	for (s = 0; s < 5 && s + 1 < kd->nsalary; s++) {
		snprintf(name, sizeof(name), "salary from %ld", salary_dates[s]);
		CHECK(name, kd->salary[s + 1].from == salary_dates[s] &&
		    kd->salary[s + 1].amount == salaries[s]);
		snprintf(name, sizeof(name), "salary on %ld", salary_dates[s]);
		CHECK(name, kt_salary_on(kd, salary_dates[s]) == salaries[s]);
	}
	CHECK("salary the day before 2019-07-01",
	    kt_salary_on(kd, 20190630) == 1390000);
	CHECK("salary in 2022", kt_salary_on(kd, 20221231) == 1490000);
	CHECK("no salary before the table", kt_salary_on(kd, 20170630) == 0);
	for (i = 0; i < sizeof(expect) / sizeof(expect[0]); i++) {
		f = kt_form_find(kd, expect[i].ma);
		snprintf(name, sizeof(name), "coefficient %s %s", expect[i].ma,
		    expect[i].kind == KT_CA_NHAN ? "cá nhân" : "tập thể");
		CHECK(name, f >= 0 &&
		    kd->forms[f].he_so[expect[i].kind] == expect[i].coef);
		if (f < 0)
			continue;
		for (s = 0; s < 5; s++) {
			long c = kd->forms[f].he_so[expect[i].kind];

			snprintf(name, sizeof(name), "amount %s %s at %llu up",
			    expect[i].ma, expect[i].kind ? "tt" : "cn",
			    salaries[s]);
			CHECK(name, kt_amount(c, salaries[s], 10000,
			    KT_ROUND_UP) == expect[i].up[s]);
			snprintf(name, sizeof(name),
			    "amount %s %s at %llu nearest", expect[i].ma,
			    expect[i].kind ? "tt" : "cn", salaries[s]);
			CHECK(name, kt_amount(c, salaries[s], 10000,
			    KT_ROUND_NEAREST) == expect[i].near[s]);
		}
	}
	/* Forms not given to a kind. */
	f = kt_form_find(kd, "Chiến sĩ thi đua cấp tỉnh");
	CHECK("cstd-tinh has no collective coefficient",
	    f >= 0 && kd->forms[f].he_so[KT_TAP_THE] < 0);
	f = kt_form_find(kd, "Cờ thi đua của UBND tỉnh");
	CHECK("co-thi-dua found by alias, no individual coefficient",
	    f >= 0 && kd->forms[f].he_so[KT_CA_NHAN] < 0);
	CHECK("form by folded name", kt_form_find(kd,
	    "BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH") >= 0);
	CHECK("unknown form", kt_form_find(kd, "Bằng khen UBND") < 0);
}

static void
test_amounts(void)
{
	/* The spec's worked examples. */
	CHECK("0.3 x 2340000 up = 710000",
	    kt_amount(300, 2340000, 10000, KT_ROUND_UP) == 710000);
	CHECK("0.3 x 2340000 nearest = 700000",
	    kt_amount(300, 2340000, 10000, KT_ROUND_NEAREST) == 700000);
	CHECK("exact multiple is kept",
	    kt_amount(1000, 1490000, 10000, KT_ROUND_UP) == 1490000);
	CHECK("half rounds up in nearest",
	    kt_amount(1500, 1390000, 10000, KT_ROUND_NEAREST) == 2090000);
	CHECK("one đồng over rounds up",
	    kt_amount(1000, 1490001, 10000, KT_ROUND_UP) == 1500000);
	CHECK("coefficient 0.001",
	    kt_amount(1, 1490000, 1000, KT_ROUND_UP) == 2000);
}

static void
test_parsers(void)
{
	vb_date	 dt = 0;
	int	 v;

	CHECK("coef 3.0", kt_coef_parse("3.0") == 3000);
	CHECK("coef 0,15", kt_coef_parse("0,15") == 150);
	CHECK("coef 8", kt_coef_parse("8") == 8000);
	CHECK("coef .5", kt_coef_parse(".5") == 500);
	CHECK("coef 0.1234 too fine", kt_coef_parse("0.1234") == -1);
	CHECK("coef x bad", kt_coef_parse("x") == -1);
	CHECK("coef empty bad", kt_coef_parse("") == -1);
	CHECK("date iso", vb_date_parse("2020-12-28", &dt) == 0 &&
	    dt == 20201228);
	CHECK("date dd/mm/yyyy", vb_date_parse("01/07/2019", &dt) == 0 &&
	    dt == 20190701);
	CHECK("date 29 Feb leap", vb_date_parse("2024-02-29", &dt) == 0);
	CHECK("date 29 Feb not leap", vb_date_parse("2023-02-29", &dt) != 0);
	CHECK("date month 13", vb_date_parse("2020-13-01", &dt) != 0);
	CHECK("date junk", vb_date_parse("2020-12-28x", &dt) != 0);
	CHECK("sort ten", kt_sort_parse("ten", &v) == 0 && v == KT_SORT_NAME);
	CHECK("sort bad", kt_sort_parse("abc", &v) != 0);
	CHECK("round gan", kt_round_parse("gan", &v) == 0 &&
	    v == KT_ROUND_NEAREST);
	CHECK("round bad", kt_round_parse("xuong", &v) != 0);
}

static void
expand(const char *name, const char *tmpl, const struct tmpl_vars *vs,
    const char *want)
{
	struct diag	*d = diag_new();
	char		*out = NULL;
	int		 rc = tmpl_expand("t.md", tmpl, vs, d, &out);

	if (want == NULL)
		CHECK(name, rc == VB_EINPUT && diag_errors(d) > 0);
	else
		CHECK_STR(name, rc == VB_OK ? out : NULL, want);
	free(out);
	diag_free(d);
}

static void
test_template(void)
{
	struct tmpl_vars	*vs = tmpl_vars_new();
	char		*y;

	tmpl_vars_set(vs, "a", "Bằng khen");
	tmpl_vars_set(vs, "empty", "");
	tmpl_vars_set(vs, "zero", "0");
	tmpl_vars_set(vs, "star", "a*b_c");
	tmpl_vars_set(vs, "colon", "Số: 12");
	tmpl_vars_list(vs, "list");
	tmpl_vars_push(vs, "list", "Như Điều 3");
	tmpl_vars_push(vs, "list", "Lưu: VT");
	expand("tmpl plain", "x {{a}} y", vs, "x Bằng khen y");
	expand("tmpl md escape", "{{star|md}}", vs, "a\\*b\\_c");
	expand("tmpl yaml plain", "k: {{a|yaml}}", vs, "k: Bằng khen");
	expand("tmpl yaml quoted", "k: {{colon|yaml}}", vs, "k: \"Số: 12\"");
	expand("tmpl yaml list", "n: {{list|yaml}}\nz", vs,
	    "n:\n  - Như Điều 3\n  - \"Lưu: VT\"\nz");
	expand("tmpl section true", "{{#a}}yes{{/a}}", vs, "yes");
	expand("tmpl section empty", "{{#empty}}yes{{/empty}}.", vs, ".");
	expand("tmpl section zero", "{{#zero}}yes{{/zero}}.", vs, ".");
	expand("tmpl inverted", "{{^zero}}none{{/zero}}", vs, "none");
	expand("tmpl standalone lines vanish",
	    "a\n{{#empty}}\nhidden\n{{/empty}}\nb\n", vs, "a\nb\n");
	expand("tmpl standalone kept content",
	    "a\n  {{#a}}\nshown\n{{/a}}\nb\n", vs, "a\nshown\nb\n");
	expand("tmpl nested", "{{#a}}1{{^zero}}2{{/zero}}{{/a}}", vs, "12");
	expand("tmpl unknown key", "{{nope}}", vs, NULL);
	expand("tmpl unknown section", "{{#nope}}x{{/nope}}", vs, NULL);
	expand("tmpl unclosed section", "{{#a}}x", vs, NULL);
	expand("tmpl mismatched close", "{{#a}}x{{/empty}}", vs, NULL);
	expand("tmpl unclosed tag", "{{a", vs, NULL);
	expand("tmpl bad filter", "{{a|html}}", vs, NULL);
	tmpl_vars_free(vs);

	y = tmpl_yaml_scalar("88");
	CHECK_STR("yaml digits quoted", y, "\"88\"");
	free(y);
	y = tmpl_yaml_scalar("true");
	CHECK_STR("yaml true quoted", y, "\"true\"");
	free(y);
	y = tmpl_yaml_scalar("- a \"b\"");
	CHECK_STR("yaml dash quoted and escaped", y, "\"- a \\\"b\\\"\"");
	free(y);
	y = tmpl_yaml_scalar("VT, NC");
	CHECK_STR("yaml comma plain", y, "VT, NC");
	free(y);
}

static void
test_order(void)
{
	CHECK("a < ă", kt_name_cmp("Ánh", "Ăn", 0) < 0);
	CHECK("ă < â", kt_name_cmp("Ăn", "Ân", 0) < 0);
	CHECK("d < đ", kt_name_cmp("Dung", "Đào", 0) < 0);
	CHECK("đ < e", kt_name_cmp("Đức", "Em", 0) < 0);
	CHECK("o < ô < ơ", kt_name_cmp("Oanh", "Ôn", 0) < 0 &&
	    kt_name_cmp("Ôn", "Ơn", 0) < 0);
	CHECK("u < ư", kt_name_cmp("Uyên", "Ưng", 0) < 0);
	CHECK("letters before tones", kt_name_cmp("Hà", "Hai", 0) < 0);
	CHECK("tone breaks a tie", kt_name_cmp("Hạnh", "Hanh", 0) > 0 &&
	    kt_name_cmp("Hà", "Há", 0) < 0);
	CHECK("case-insensitive", kt_name_cmp("an", "An", 0) != 0 &&
	    kt_name_cmp("an", "Ba", 0) < 0);
	CHECK("by given name", kt_name_cmp("Nguyễn Văn Bình",
	    "Trần Thị An", 1) > 0);
	CHECK("same given, by family", kt_name_cmp("Trần Văn An",
	    "Lò Thị An", 1) > 0);
}

/* Parse an inline list and return the number of errors/warnings. */
static int
list_msgs(const struct kt_data *kd, const char *csv, int *warnings,
    struct kt_list **out)
{
	struct diag		*d = diag_new();
	struct kt_list_opt	 lo = { 20201228, 0 };
	int			 e;

	*out = NULL;
	kt_list_parse("t.csv", csv, strlen(csv), kd, &lo, d, out);
	e = diag_errors(d);
	if (warnings)
		*warnings = diag_warnings(d);
	diag_free(d);
	return e;
}

static void
test_list(const struct kt_data *kd)
{
	struct kt_list	*l;
	int		 w;

	CHECK("list: good", list_msgs(kd,
	    "Đối tượng,Họ và tên,Chức vụ,Đơn vị,Hình thức khen thưởng\n"
	    "cá nhân,Lò Văn A,Chuyên viên,Sở Nội vụ,Bằng khen\n"
	    "Tập thể,Phòng X,,Sở Y tế,bang-khen\n", &w, &l) == 0 &&
	    w == 0 && l != NULL && l->n == 2 && !l->has_thanh_tich &&
	    l->rows[1].kind == KT_TAP_THE);
	kt_list_free(l);
	CHECK("list: keys as headings", list_msgs(kd,
	    "doi_tuong,ho_ten,don_vi,hinh_thuc,thanh_tich\n"
	    "cn,Lò Văn A,Sở Nội vụ,CSTĐ cấp tỉnh,Sáng kiến\n", &w, &l) == 0 &&
	    l != NULL && l->has_thanh_tich);
	kt_list_free(l);
	/* No row names hinh_thuc: no header; the kind may come from group
	 * rows, so only hinh_thuc is reported missing. */
	CHECK("list: missing columns", list_msgs(kd,
	    "ho_ten,don_vi\nA,B\n", NULL, &l) == 1 && l == NULL);
	CHECK("list: every row error counted", list_msgs(kd,
	    "doi_tuong,ho_ten,don_vi,hinh_thuc\n"
	    "nhóm,A,B,Bằng khen\n"
	    "cá nhân,,B,Bằng khen\n"
	    "tập thể,C,B,Chiến sĩ thi đua cấp tỉnh\n"
	    "cá nhân,D,B,Bằng khen UBND\n", &w, &l) == 4 && l == NULL);
	CHECK("list: duplicate is an error", list_msgs(kd,
	    "doi_tuong,ho_ten,don_vi,hinh_thuc\n"
	    "cá nhân,Lò Văn A,Sở Nội vụ,Bằng khen\n"
	    "cá nhân,LÒ VĂN A,Sở nội vụ,bang-khen\n"
	    "cá nhân,Lò Văn A,Sở Nội vụ,CSTĐ cấp tỉnh\n", &w, &l) == 1 &&
	    w == 0 && l == NULL);
	CHECK("list: ragged row", list_msgs(kd,
	    "doi_tuong,ho_ten,don_vi,hinh_thuc\n"
	    "cá nhân,A,B\n", NULL, &l) >= 1 && l == NULL);
}

/* A form's name folded as people type it. */
static void
check_form_fold(const char *in, const char *want)
{
	char	 name[160], *got = kt_form_fold(in);

	snprintf(name, sizeof(name), "form fold \"%s\"", in);
	CHECK_STR(name, got, want);
	free(got);
}

static void
test_form_fold(const struct kt_data *kd)
{
	check_form_fold("Bằng khen của Chủ tịch UBND tỉnh",
	    "bangkhenchutichuybannhandantinh");
	check_form_fold("BK  Chủ tịch Uỷ ban nhân dân tỉnh",
	    "bangkhenchutichuybannhandantinh");
	check_form_fold("Danh hiệu Chiến sỹ thi đua cơ sở",
	    "chiensithiduacoso");
	check_form_fold("CSTĐ-tỉnh", "chiensithiduatinh");
	check_form_fold("Tặng Giấy khen", "giaykhen");
	check_form_fold("Danh", "danh");
	check_form_fold("Uy ban", "uyban");
	check_form_fold("", "");
	CHECK("form: bare CSTĐ is no form", kt_form_find(kd, "CSTĐ") < 0);
	CHECK("form: lđtt", kt_form_find(kd, "lđtt") >= 0 &&
	    strcmp(kd->forms[kt_form_find(kd, "lđtt")].ma, "ldtt") == 0);
	CHECK("form: Bằng khen UBND is no form",
	    kt_form_find(kd, "Bằng khen UBND") < 0);
}

/* Lists as offices lay them out (the goldens kt-layout-* show more). */
static void
test_layouts(const struct kt_data *kd)
{
	struct kt_list	*l = NULL;
	int		 w;

	CHECK("layout: title rows, groups, footer", list_msgs(kd,
	    "UBND TỈNH ĐIỆN BIÊN\n\nDANH SÁCH\n"
	    "STT;Họ tên;Chức vụ, đơn vị;Hình thức đề nghị khen thưởng;"
	    "Ghi chú\n"
	    "I. TẬP THỂ;;;;\n1;Phòng A;Phòng A, Sở X;BK;\n"
	    "II. CÁ NHÂN;;;;\n1;Lò Văn B;Chuyên viên, Sở X;bk;\n"
	    "2;;;;\nNgười lập biểu;;;;\nLò Thị C;;;;\n", &w, &l) == 0 &&
	    w == 1 && l != NULL && l->n == 2 &&
	    l->rows[0].kind == KT_TAP_THE &&
	    strcmp(l->rows[0].don_vi, "Phòng A, Sở X") == 0 &&
	    l->rows[1].kind == KT_CA_NHAN &&
	    strcmp(l->rows[1].chuc_vu, "Chuyên viên") == 0 &&
	    strcmp(l->rows[1].don_vi, "Sở X") == 0);
	kt_list_free(l);
}

/* The checksum of a generated source: SHA-256 against known digests
 * (FIPS 180-4 examples; 56 and 64 bytes cross the padding boundary). */
static void
test_sum(void)
{
	char	 hex[65], *md, *ed;
	size_t	 n;

	kt_sha256_hex("abc", 3, hex);
	CHECK("sha256 abc", strcmp(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad") == 0);
	kt_sha256_hex("", 0, hex);
	CHECK("sha256 empty", strcmp(hex, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855") == 0);
	kt_sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    56, hex);
	CHECK("sha256 56 bytes", strcmp(hex, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1") == 0);
	md = kt_sum_add("---\nloai: QUYẾT ĐỊNH\n---\n\nThân.\n");
	CHECK("sum: added after ---", md != NULL &&
	    strncmp(md, "---\n# vanban: sha256 ", 21) == 0);
	CHECK("sum: unedited", md && kt_sum_check(md, strlen(md)) == 1);
	if (md != NULL && (ed = strdup(md)) != NULL) {
		n = strlen(ed);
		ed[n - 3] = 'X';
		CHECK("sum: edited", kt_sum_check(ed, n) == 0);
		free(ed);
	}
	CHECK("sum: none", kt_sum_check("---\na: b\n---\n", 14) == -1);
	free(md);
}

/* The issuing levels of hinh-thuc.csv and can-cu.csv (column cap). */
static void
test_levels(void)
{
	CHECK("levels: empty is every level (0)", kt_levels_parse("") == 0);
	CHECK("levels: tinh", kt_levels_parse("tinh") == 1 << KT_CAP_TINH);
	CHECK("levels: so; xa", kt_levels_parse("so; xa") ==
	    ((1 << KT_CAP_SO) | (1 << KT_CAP_XA)));
	CHECK("levels: a dated district", kt_levels_parse("so; huyen (đến "
	    "2025-06-30)") == ((1 << KT_CAP_SO) | (1 << KT_CAP_HUYEN)));
	CHECK("levels: unknown word", kt_levels_parse("tinh; quan") < 0);
	CHECK("levels: bad date", kt_levels_parse("huyen (đến 2025-13-01)") < 0);
	CHECK("levels: unknown mark", kt_levels_parse("so (tới 2025-01-01)") < 0);
	CHECK("levels: codes", strcmp(kt_level_code(KT_CAP_XA), "xa") == 0 &&
	    strcmp(kt_level_code(KT_CAP_SO), "so") == 0);
}

int
main(void)
{
	struct kt_data	*kd = NULL;
	struct diag	*d = diag_new();
	const char	*root = getenv("ROOT");
	char		 dir[4096];

	snprintf(dir, sizeof(dir), "%s/templates", root ? root : ".");
	CHECK("load templates", kt_data_load(dir, d, &kd) == VB_OK);
	if (diag_count(d) > 0)
		printf("# %s\n", diag_get(d, 0));
	diag_free(d);
	test_amounts();
	test_parsers();
	test_template();
	test_order();
	test_sum();
	test_levels();
	if (kd != NULL) {
		test_tables(kd);
		test_list(kd);
		test_form_fold(kd);
		test_layouts(kd);
	}
	kt_data_free(kd);
	return check_failed != 0;
}
