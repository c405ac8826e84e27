/*
 * parse.c - a document source (YAML front matter + CommonMark body) into
 * the document model of doc.h: the front matter (frontmatter.c), then the
 * body (body.c, tables in table.c), then the keys every document needs.
 */
#include <stdlib.h>
#include <string.h>

#include "input/input.h"
#include "doc/doc.h"
#include "doc/doc_int.h"

/* Bytes of an inline sequence as one string (a line break as a space). */
static size_t
doc_inline_len(const struct doc_inline *in)
{
	size_t i, n = 0;

	for (i = 0; i < in->n; i++)
		n += in->runs[i].len;
	return n;
}

/*
 * The headings against DOC_MAX_STRING: each is also a bookmark, whose
 * title the PDF writer takes whole (a run is cut to that length as it is
 * made).  Errors at the heading's line.
 */
static void
doc_check_strings(struct pctx *c)
{
	size_t i, n;

	for (i = 0; i < c->doc->nblocks; i++) {
		const struct doc_block *b = &c->doc->blocks[i];

		if (b->type == DOC_HEADING &&
		    (n = doc_inline_len(&b->in)) > DOC_MAX_STRING)
			diag_add(c->d, DIAG_ERROR, c->doc->name, b->line,
			    b->col, "this heading is %zu bytes long; a PDF "
			    "bookmark holds at most %d bytes", n,
			    DOC_MAX_STRING);
	}
}

struct doc *
doc_parse(const char *name, const char *text, size_t len, struct diag *d)
{
	struct pctx	 c;
	const char	*body = NULL, *slash;
	int		 errs = diag_errors(d);

	memset(&c, 0, sizeof(c));
	c.d = d;
	if ((c.doc = calloc(1, sizeof(*c.doc))) == NULL)
		return NULL;
	c.doc->name = strdup(name);
	c.doc->text = text;
	slash = strrchr(name, '/');
	c.dir = slash ? strndup(name, (size_t)(slash - name)) : strdup(".");
	if (c.doc->name == NULL || c.dir == NULL)
		goto fail;
	if (doc_fm_parse(&c, text, len, &body) == -1)
		goto fail;
	if (c.doc->meta.loai == NULL)
		diag_add(d, DIAG_ERROR, name, 1, 1, "missing key 'loai' "
		    "(the document type: QUYẾT ĐỊNH, KẾ HOẠCH, BÁO CÁO, "
		    "CÔNG VĂN ...)");
	if (c.doc->meta.co_quan.n == 0)
		diag_add(d, DIAG_ERROR, name, 1, 1, "missing key 'co_quan' "
		    "(the issuing agency)");
	if (c.doc->meta.trich_yeu == NULL)
		diag_add(d, DIAG_ERROR, name, 1, 1, "missing key 'trich_yeu' "
		    "(the subject)");
	if (c.doc->meta.nky == 0 && c.doc->meta.ky == NULL)
		diag_add(d, DIAG_ERROR, name, 1, 1, "missing key 'ky' (the "
		    "signature: tham_quyen, chuc_vu, ho_ten)");
	if (doc_body_parse(&c, body, (size_t)(text + len - body)) == -1)
		goto fail;
	doc_check_strings(&c);
	if (diag_errors(d) > errs)
		goto fail;
	free(c.dir);
	return c.doc;
fail:
	free(c.dir);
	doc_free(c.doc);
	return NULL;
}
