/*
 * yamlback.h - what a YAML scalar the generators write reads back as,
 * for the tests that check it (tests/fuzz/fuzz_tmpl.c and the check of
 * what it found, tests/unit/test_fuzzfound.c).  Include after <yaml.h>,
 * <stdio.h>, <stdlib.h> and <string.h>.
 */
#ifndef YAMLBACK_H
#define YAMLBACK_H

/* The value libyaml reads for "k: <y>": malloc'd, NULL if it is not one
 * scalar of a one-pair mapping. */
static char *
yaml_back(const char *y)
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
		    root->data.mapping.pairs.top -
		    root->data.mapping.pairs.start == 1 &&
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

/* Whether a equals b with b's line ends (CR LF, CR) written LF, as
 * tmpl_yaml_scalar (mdesc_yaml) writes them. */
static int
same_lines(const char *a, const char *b)
{
	for (; *b != '\0'; a++, b++) {
		if (*b == '\r') {
			if (b[1] == '\n')
				b++;
			if (*a != '\n')
				return 0;
		} else if (*a != *b)
			return 0;
	}
	return *a == '\0';
}

#endif
