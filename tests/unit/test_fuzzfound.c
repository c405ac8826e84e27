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
#include "check.h"

/* The string libyaml reads for "k: <y>", malloc'd; NULL when it reads
 * no such scalar. */
static char *
yaml_value(const char *y)
{
	yaml_parser_t	 p;
	yaml_document_t	 doc;
	yaml_node_t	*root, *v;
	char		*text, *r = NULL;

	if (asprintf(&text, "k: %s\n", y) < 0)
		return NULL;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text,
	    strlen(text));
	if (yaml_parser_load(&p, &doc)) {
		root = yaml_document_get_root_node(&doc);
		if (root != NULL && root->type == YAML_MAPPING_NODE &&
		    (v = yaml_document_get_node(&doc,
		    root->data.mapping.pairs.start->value)) != NULL &&
		    v->type == YAML_SCALAR_NODE)
			r = strdup((const char *)v->data.scalar.value);
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&p);
	free(text);
	return r;
}

/*
 * fuzz_tmpl: a value holding CR (an .xlsx cell's line break), a control
 * character, NEL, LS or a BOM was written as a plain YAML scalar, or
 * raw between double quotes: the front matter read back another value
 * (CR became a space) or did not parse at all.
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
		back = y ? yaml_value(y) : NULL;
		snprintf(name, sizeof(name), "yaml scalar reads back (%zu)", i);
		CHECK(name, back != NULL && strcmp(back, v[i]) == 0);
		free(back);
		free(y);
	}
	y = tmpl_yaml_scalar("Sở Nội vụ");
	CHECK_STR("plain scalar stays plain", y, "Sở Nội vụ");
	free(y);
}

int
main(void)
{
	test_yaml_scalar_controls();
	return check_failed != 0;
}
