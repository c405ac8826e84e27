/*
 * test_roman.c - vb_roman, the one Roman-numeral parser (a table's group
 * rows, vb-baocao's plan groups, vb-khenthuong's group markers), and the
 * group-row flags a parsed table carries for both writers.
 */
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "doc/doc.h"
#include "check.h"

static void
roman(const char *s, int want)
{
	char name[64];

	snprintf(name, sizeof(name), "roman \"%s\"", s);
	CHECK(name, vb_roman(s, strlen(s)) == want);
}

static const char tsrc[] =
    "---\nloai: KẾ HOẠCH\nco_quan: SỞ NỘI VỤ\nso: \"3\"\nky_hieu: KH-SNV\n"
    "dia_danh: Điện Biên\nngay: 2020-03-05\ntrich_yeu: T\nky:\n"
    "  chuc_vu: GIÁM ĐỐC\n  ho_ten: Nguyễn Văn A\n---\n\n"
    "```csv\nTT,Nội dung,Số\nI,Nhóm một,\n1,Việc,5\nII,Nhóm hai,7\n"
    "IIII,Không phải,\n*I*,Nghiêng,\nXIV,Nhóm,\n```\n";

/* The flags of a parsed table: set once, read by both writers. */
static void
groups(void)
{
	struct diag		*d = diag_new();
	struct doc		*doc = d ? doc_parse("t.md", tsrc, strlen(tsrc),
	    d) : NULL;
	const struct doc_table	*t = NULL;
	size_t			 i;

	for (i = 0; doc != NULL && i < doc->nblocks; i++)
		if (doc->blocks[i].type == DOC_TABLE)
			t = doc->blocks[i].table;
	CHECK("group table parsed", t != NULL && t->nrows == 7 &&
	    t->group != NULL);
	if (t != NULL && t->nrows == 7 && t->group != NULL) {
		CHECK("group header row", t->group[0] == 0);
		CHECK("group I spans", t->group[1] ==
		    (DOC_GROUP | DOC_GROUP_SPAN));
		CHECK("group body row", t->group[2] == 0);
		CHECK("group II with a figure does not span",
		    t->group[3] == DOC_GROUP);
		CHECK("group IIII is no numeral", t->group[4] == 0);
		CHECK("group *I* italic is one run",
		    t->group[5] == (DOC_GROUP | DOC_GROUP_SPAN));
		CHECK("group XIV", t->group[6] ==
		    (DOC_GROUP | DOC_GROUP_SPAN));
	}
	doc_free(doc);
	diag_free(d);
}

int
main(void)
{
	roman("I", 1);
	roman("IV", 4);
	roman("IX", 9);
	roman("X", 10);
	roman("XIV", 14);
	roman("XX", 20);
	roman("XXI", 21);
	roman("XXXIX", 39);
	roman("XXX", 30);
	roman("", 0);
	roman("IIII", 0);
	roman("VX", 0);
	roman("XL", 0);
	roman("XXXX", 0);
	roman("i", 0);
	roman("I.", 0);
	roman("L", 0);
	CHECK("roman counts n bytes", vb_roman("II. NHÓM", 2) == 2);
	groups();
	return check_failed != 0;
}
