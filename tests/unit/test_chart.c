/*
 * test_chart.c - unit tests of charts: doc_chart_parse (gen/doc/chart.c,
 * options and values) and the geometry layout_chart gives
 * (gen/layout/chart.c) through layout_run with a fake font of fixed
 * advances (space 250/1000 em, every other character 500/1000 em):
 * bars proportional to their values, labels clear of the bars, all
 * inside the text width, and a chart moved whole to the next page.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "check.h"

#define LEFT_PT (30 * 72 / 25.4)           /* text area, portrait A4 */
#define RIGHT_PT (595.276 - 15 * 72 / 25.4)

static int
fake_advance(void *ctx, int face, uint32_t cp)
{
	(void)ctx;
	(void)face;
	return cp == ' ' ? 250 : 500;
}

static const struct layout_font fake = { NULL, fake_advance };

static const char front[] =
    "---\n"
    "loai: BÁO CÁO\n"
    "co_quan: SỞ NỘI VỤ\n"
    "so: \"1\"\n"
    "ky_hieu: BC-SNV\n"
    "dia_danh: Điện Biên\n"
    "ngay: 2020-07-15\n"
    "trich_yeu: Thử biểu đồ\n"
    "ky: {chuc_vu: GIÁM ĐỐC, ho_ten: Lò Văn Tiến}\n"
    "noi_nhan: [UBND tỉnh]\n"
    "---\n\n";   /* 12 lines: the body starts at line 13 */

static void
test_parse(void)
{
	struct diag		*d = diag_new();
	struct doc_chart	*c;

	c = doc_chart_parse("t.md", "chart type=column title=\"Tỷ lệ hoàn "
	    "thành\" unit=\"%\" max=100 labels=yes height=60mm",
	    "Đơn vị;Năm 2019;Năm 2020\nSở Nội vụ;87,5;90\n\nSở Y tế;0;100\n",
	    10, 1, d);
	CHECK("parse.ok", c != NULL && diag_errors(d) == 0);
	if (c == NULL)
		return;
	CHECK("parse.type", c->type == DOC_CHART_COLUMN);
	CHECK_STR("parse.title", c->title, "Tỷ lệ hoàn thành");
	CHECK_STR("parse.unit", c->unit, "%");
	CHECK("parse.max", c->max == 100);
	CHECK("parse.labels", c->labels == 1);
	CHECK("parse.height", c->height_mm == 60);
	CHECK("parse.shape", c->nseries == 2 && c->nrows == 2);
	CHECK_STR("parse.series", c->series[1], "Năm 2020");
	CHECK_STR("parse.cat", c->cats[1], "Sở Y tế");
	CHECK("parse.comma", fabs(c->values[0] - 87.5) < 1e-9);
	CHECK("parse.values", c->values[1] == 90 && c->values[2] == 0 &&
	    c->values[3] == 100);
	/* Fence at line 10: rows at 12 and 14 (a blank line between). */
	CHECK("parse.lines", c->row_line[0] == 12 && c->row_line[1] == 14);
	doc_chart_free(c);
	diag_free(d);
}

/* Every value that is no number is an error of its own row. */
static void
test_numbers(void)
{
	static const char *const bad[] = { "1e3", "nan", "0x10", "5%",
	    "1.000.000", ",5", "5,", "inf", "1 000" };
	struct diag		*d;
	struct doc_chart	*c;
	char			 body[256];
	size_t			 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		d = diag_new();
		snprintf(body, sizeof(body), "A;B\nx;%s\n", bad[i]);
		c = doc_chart_parse("t.md", "chart", body, 1, 1, d);
		CHECK(bad[i], c == NULL && diag_errors(d) == 1 &&
		    strstr(diag_get(d, 0), "t.md:3:") != NULL);
		doc_chart_free(c);
		diag_free(d);
	}
	d = diag_new();
	c = doc_chart_parse("t.md", "chart", "A;B\nx;0.25\ny;1234567\n", 1, 1,
	    d);
	CHECK("numbers.good", c != NULL && c->values[0] == 0.25 &&
	    c->values[1] == 1234567);
	doc_chart_free(c);
	diag_free(d);
}

static void
test_options(void)
{
	struct diag		*d = diag_new();
	struct doc_chart	*c;

	c = doc_chart_parse("t.md", "chart type=pie colour=red max=-1 "
	    "height=300mm labels=maybe", "A,B\nx,1\n", 1, 1, d);
	CHECK("options.errors", c == NULL && diag_errors(d) == 5);
	diag_free(d);
	d = diag_new();
	c = doc_chart_parse("t.md", "chart max=50", "A,B\nx,50\ny,50.5\n", 1,
	    1, d);
	CHECK("options.above_max", c == NULL && diag_errors(d) == 1 &&
	    strstr(diag_get(d, 0), "t.md:4:") != NULL);
	diag_free(d);
}

/* Lay a source out; the display list or NULL. */
static struct dl *
lay(const char *body, struct doc **docp)
{
	struct diag	*d = diag_new();
	char		 src[8192];
	struct dl	*dl = NULL;

	snprintf(src, sizeof(src), "%s%s", front, body);
	*docp = doc_parse("t.md", src, strlen(src), d);
	if (*docp != NULL)
		dl = layout_run(*docp, &fake, d);
	diag_free(d);
	return dl;
}

static void
test_bars(void)
{
	struct doc	*doc;
	struct dl	*dl = lay("```chart max=100 unit=\"%\" labels=yes\n"
	    "Đơn vị,Tỷ lệ\n"
	    "Ủy ban nhân dân huyện Điện Biên Đông,100\n"
	    "Sở Tài chính,50\n"
	    "```\n", &doc);
	const struct dl_item	*bars[2];
	size_t			 i, nb = 0;
	int			 inside = 1, clear = 1, grey = 1;
	double			 x0 = 0;

	CHECK("bars.laid", dl != NULL);
	if (dl == NULL)
		return;
	for (i = 0; i < dl->n; i++) {
		const struct dl_item *it = &dl->v[i];

		if (it->kind == DL_FILL && it->size_pt > 0 && nb < 2) {
			bars[nb++] = it;
			grey = grey && it->grey > 0.2 && it->grey < 0.9;
		}
	}
	CHECK("bars.two", nb == 2);
	if (nb == 2) {
		x0 = bars[0]->x_pt;
		CHECK("bars.same_start", fabs(bars[1]->x_pt - x0) < 0.01);
		CHECK("bars.proportional", fabs(bars[1]->x2_pt * 2 -
		    bars[0]->x2_pt) < 0.01);
	}
	CHECK("bars.grey", grey);
	/* The chart's items: from its first fill on (the letterhead is
	 * before it). */
	for (i = 0; i < dl->n && dl->v[i].kind != DL_FILL; i++)
		;
	for (; i < dl->n; i++) {
		const struct dl_item *it = &dl->v[i];
		double w;

		if (it->kind != DL_TEXT && it->kind != DL_FILL)
			continue;
		w = it->kind == DL_FILL ? it->x2_pt : layout_width(&fake,
		    it->face, it->size_pt, it->text, strlen(it->text));
		if (it->x_pt < LEFT_PT - 0.01 || it->x_pt + w > RIGHT_PT + 0.01)
			inside = 0;
		/* Category labels end left of the bars. */
		if (nb == 2 && it->kind == DL_TEXT && (strstr(it->text,
		    "Ủy ban") != NULL || strstr(it->text, "Đông") != NULL) &&
		    it->x_pt + w > x0)
			clear = 0;
	}
	CHECK("bars.inside", inside);
	CHECK("bars.labels_clear", clear);
	for (i = 0; i < dl->n; i++)
		if (dl->v[i].kind == DL_TEXT && strcmp(dl->v[i].text,
		    "50 %") == 0)
			break;
	CHECK("bars.value_label", i < dl->n);
	dl_free(dl);
	doc_free(doc);
}

/* A chart that does not fit below a long text starts the next page,
 * whole: every bar on one page. */
static void
test_kept_whole(void)
{
	char		 body[8192], *p = body;
	struct doc	*doc;
	struct dl	*dl;
	size_t		 i;
	int		 k, page = 0, first = 0, last = 0;

	for (k = 0; k < 36; k++)
		p += sprintf(p, "Đoạn %d.\n\n", k);
	p += sprintf(p, "```chart\nXã,Số hộ\n");
	for (k = 0; k < 8; k++)
		p += sprintf(p, "Xã %d,%d\n", k, k + 1);
	sprintf(p, "```\n");
	dl = lay(body, &doc);
	CHECK("kept.laid", dl != NULL);
	if (dl == NULL)
		return;
	for (i = 0; i < dl->n; i++) {
		if (dl->v[i].kind == DL_PAGE)
			page++;
		if (dl->v[i].kind == DL_FILL && dl->v[i].size_pt > 0) {
			if (first == 0)
				first = page;
			last = page;
		}
	}
	CHECK("kept.one_page", first > 1 && first == last);
	dl_free(dl);
	doc_free(doc);
}

int
main(void)
{
	test_parse();
	test_numbers();
	test_options();
	test_bars();
	test_kept_whole();
	return check_failed != 0;
}
