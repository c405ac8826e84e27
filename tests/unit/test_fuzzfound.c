/*
 * test_fuzzfound.c - what the libFuzzer harnesses of tests/fuzz/ found in
 * the generators' parsers, one check each (every check failed before
 * its fix; the input the fuzzer found is kept in tests/fuzz/corpus/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "vanban.h"
#include "baocao/bc.h"
#include "check.h"
#include "../lib/yamlback.h"

/*
 * fuzz_tmpl: a value holding CR (an .xlsx cell's line break), a control
 * character, NEL, LS or a BOM was written as a plain YAML scalar, or
 * raw between double quotes: the front matter read back another value
 * (CR became a space) or did not parse at all.  (Merged with main's
 * mdesc_yaml, which writes CR as a line end and escaped C0 controls,
 * but wrote NEL, LS, PS and C1 controls raw.)
 */
static void
test_yaml_scalar_controls(void)
{
	static const char *const v[] = {
		"a\rb", "\r\nxuống dòng", "Sở\x1b[31m", "x\x01y", "tab\tand\x7f",
		"NEL\xc2\x85", "LS\xe2\x80\xa8" "PS\xe2\x80\xa9", "\xef\xbb\xbf" "BOM",
		"C1 \xc2\x9b", "ok: \"quoted\" \\ \n", NULL
	};
	char	 name[64], *y, *back;
	size_t	 i;

	for (i = 0; v[i] != NULL; i++) {
		y = tmpl_yaml_scalar(v[i]);
		back = y ? yaml_back(y) : NULL;
		snprintf(name, sizeof(name), "yaml scalar reads back (%zu)", i);
		CHECK(name, back != NULL && same_lines(back, v[i]));
		free(back);
		free(y);
	}
	y = tmpl_yaml_scalar("Sở Nội vụ");
	CHECK_STR("plain scalar stays plain", y, "Sở Nội vụ");
	free(y);
}

/*
 * fuzz_progress: a row's file name (for the message about the same unit
 * and task in a later table) pointed into the first table, freed once it
 * was read: the duplicate's message printed freed memory (issue 20,
 * item 11).
 */
static void
test_progress_dup_file(const char *root)
{
	static const char head[] = "Đơn vị,Nhiệm vụ,Trạng thái\n";
	struct diag		*d = diag_new();
	struct bc_data		*bd = NULL;
	struct bc_plan		*p = NULL;
	struct bc_units		 us;
	struct bc_progress	 pr;
	struct bc_want		 w = { BC_Q1, 2020, 0, 0 };
	char			 path[4096], *text, *t1, *t2;
	const char		*msg = NULL;
	size_t			 len, i;

	memset(&us, 0, sizeof(us));
	memset(&pr, 0, sizeof(pr));
	snprintf(path, sizeof(path), "%s/input/2020/nhiem-vu.csv", root);
	if (text_read_file(path, TEXT_ENC_AUTO, d, &text, &len) == VB_OK) {
		bc_plan_parse("nhiem-vu.csv", text, len, d, &p);
		free(text);
	}
	snprintf(path, sizeof(path), "%s/templates", root);
	if (p == NULL || bc_data_load(path, NULL, d, &bd) != VB_OK) {
		CHECK("progress: plan and data", 0);
		goto done;
	}
	if (asprintf(&t1, "%sSở Y tế,I.1,Hoàn thành\nSở Y tế,I.2,Xong\n",
	    head) < 0 || asprintf(&t2, "%sBan Dân tộc,I.2,HT\n"
	    "Sở Y tế,I.1,Hoàn thành\n", head) < 0)
		goto done;
	bc_progress_parse("tien-do-a.csv", t1, strlen(t1), p, bd, &us, &w, d,
	    &pr);
	bc_progress_parse("tien-do-b.csv", t2, strlen(t2), p, bd, &us, &w, d,
	    &pr);
	free(t1);
	free(t2);
	for (i = 0; i < diag_count(d); i++)
		if (strstr(diag_get(d, i), "twice") != NULL)
			msg = diag_get(d, i);
	CHECK("progress: duplicate across tables", msg != NULL &&
	    strstr(msg, "tien-do-b.csv:3:") != NULL &&
	    strstr(msg, "first at tien-do-a.csv:2") != NULL);
	CHECK("progress: rows keep their file", pr.n == 3 &&
	    strcmp(pr.v[0].file, "tien-do-a.csv") == 0 &&
	    strcmp(pr.v[2].file, "tien-do-b.csv") == 0);
done:
	bc_progress_free(&pr);
	bc_units_free(&us);
	bc_plan_free(p);
	bc_data_free(bd);
	diag_free(d);
}

int
main(void)
{
	const char *root = getenv("ROOT");

	if (root == NULL)
		root = ".";
	test_yaml_scalar_controls();
	test_progress_dup_file(root);
	return check_failed != 0;
}
