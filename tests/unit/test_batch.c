/*
 * test_batch.c - render_batch with a bad document among good ones, in
 * this process (-j 1) and in workers (-j 2): the good ones render whatever
 * came before them, the bad one fails alone, the messages go to each
 * job's collector (or to the batch's) in document order; and diag_move
 * keeps the counts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "check.h"

static const char good[] =
    "---\nloai: CÔNG VĂN\nco_quan: UBND TỈNH ĐIỆN BIÊN\nso: \"1\"\n"
    "ky_hieu: UBND-VX\ndia_danh: Điện Biên\nngay: 2020-01-10\n"
    "trich_yeu: V/v thử\nky:\n  chuc_vu: CHỦ TỊCH\n  ho_ten: Lò Văn A\n"
    "---\n\nMột đoạn.\n";
/* An unknown key on line 2 and no co_quan: two errors. */
static const char bad[] =
    "---\nngay_ky: 2020-01-01\nloai: CÔNG VĂN\nso: \"1\"\n"
    "trich_yeu: V/v thử\nky:\n  chuc_vu: CHỦ TỊCH\n  ho_ten: Lò Văn A\n"
    "---\n\nMột đoạn.\n";

/* Render good, bad, good, good with `jobs` workers; per: one collector
 * per job, else the batch's. */
static void
batch_case(const char *tag, int jobs, int per)
{
	struct render_opt	 opt;
	struct render_job	 v[4];
	struct diag		*d = diag_new(), *pd[4] = { NULL };
	const char		*text[4] = { good, bad, good, good };
	char			*fonts = render_find_fonts(NULL);
	char			 name[96];
	size_t			 i;
	int			 rc, ok = 1;

	memset(&opt, 0, sizeof(opt));
	memset(v, 0, sizeof(v));
	opt.font_dir = fonts;
	opt.epoch = 1578650645;
	opt.dump_layout = 1;
	for (i = 0; i < 4; i++) {
		v[i].name = i == 1 ? "bad.md" : "good.md";
		v[i].text = text[i];
		if (per)
			v[i].d = pd[i] = diag_new();
	}
	rc = render_batch(&opt, v, 4, jobs, NULL, NULL, d);
	snprintf(name, sizeof(name), "batch_%s_rc_einput", tag);
	CHECK(name, rc == VB_EINPUT);
	for (i = 0; i < 4; i++)
		if (i != 1 && (v[i].rc != VB_OK || v[i].out == NULL ||
		    strncmp(v[i].out, "info title", 10) != 0))
			ok = 0;
	snprintf(name, sizeof(name), "batch_%s_good_after_bad_render", tag);
	CHECK(name, ok);
	snprintf(name, sizeof(name), "batch_%s_bad_fails_alone", tag);
	CHECK(name, v[1].rc == VB_EINPUT && v[1].out == NULL);
	snprintf(name, sizeof(name), "batch_%s_messages_where_asked", tag);
	if (per)
		CHECK(name, diag_count(d) == 0 && diag_errors(pd[1]) == 2 &&
		    diag_count(pd[0]) == 0 && diag_count(pd[2]) == 0 &&
		    diag_item(pd[1], 0)->line == 2);
	else
		CHECK(name, diag_errors(d) == 2 &&
		    strcmp(diag_item(d, 0)->file, "bad.md") == 0);
	for (i = 0; i < 4; i++) {
		free(v[i].out);
		diag_free(pd[i]);
	}
	diag_free(d);
	free(fonts);
}

int
main(void)
{
	struct diag	*a = diag_new(), *b = diag_new();
	int		 i;

	batch_case("serial", 1, 0);
	batch_case("serial_per_job", 1, 1);
	batch_case("workers", 2, 0);
	batch_case("workers_per_job", 2, 1);

	/* diag_move: messages in order, counts of kept and dropped ones. */
	diag_add(a, DIAG_WARNING, "a.md", 1, 0, "first");
	for (i = 0; i < 250; i++)
		diag_add(b, DIAG_ERROR, "b.md", i + 1, 0, "error %d", i);
	diag_move(a, b);
	CHECK("diag_move_counts", diag_errors(a) == 250 &&
	    diag_warnings(a) == 1 && diag_errors(b) == 0 && diag_count(b) == 0);
	CHECK("diag_move_order", diag_count(a) == 200 &&
	    strcmp(diag_item(a, 0)->text, "first") == 0 &&
	    strcmp(diag_item(a, 1)->text, "error 0") == 0);
	diag_free(a);
	diag_free(b);
	return check_failed != 0;
}
