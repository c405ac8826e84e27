/*
 * fuzz_source.c - libFuzzer harness for the whole renderer short of the
 * PDF writer: the input goes through text_read_mem (auto-detected
 * encoding, as vb-render reads a source), doc_parse (YAML front matter,
 * CommonMark body, csv tables), the glyph check render_source makes
 * (repeated here: it is static there, and layout assumes it passed),
 * layout_run and dl_dump.  The fonts are loaded once, in
 * LLVMFuzzerInitialize, from render_find_fonts(NULL) ($VB_FONT_DIR or the
 * build's fonts/).
 *
 * The source is named $VB_FUZZ_SRCDIR/fuzz.md (default: fuzz.md in the
 * current folder) so that `file=NAME.csv` tables read CSV files of that
 * folder; mk/fuzz.mk points it at input/2020/ (nhiem-vu.csv).
 *
 * With VB_FUZZ_PDF=1 in the environment the display list is also written
 * as a PDF into memory (pdf_write: font subsetting, deflate; slower).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "vanban.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "emit/emit.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct font_set		*fs;
static struct layout_font	 lf;
static char			 name[4096] = "fuzz.md";
static int			 with_pdf;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag	*d = diag_new();
	const char	*dir = getenv("VB_FUZZ_SRCDIR"), *e;
	char		*fonts = render_find_fonts(NULL);

	(void)argc;
	(void)argv;
	if (dir != NULL && *dir != '\0')
		snprintf(name, sizeof(name), "%s/fuzz.md", dir);
	with_pdf = (e = getenv("VB_FUZZ_PDF")) != NULL && *e == '1';
	if (d == NULL || fonts == NULL ||
	    (fs = font_set_new(fonts, d)) == NULL) {
		if (d != NULL)
			diag_print(d, stderr, "fuzz_source");
		fprintf(stderr, "fuzz_source: cannot load the fonts of %s "
		    "(set VB_FONT_DIR)\n", fonts ? fonts : "?");
		exit(1);
	}
	free(fonts);
	diag_free(d);
	lf = font_set_metrics(fs);
	return 0;
}

/* 1 if every character of s can be drawn in face (render.c check_text). */
static int
ok_text(const char *s, int face)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 k;

	if (s == NULL)
		return 1;
	while (*p != '\0') {
		if ((k = utf8proc_iterate(p, -1, &cp)) <= 0)
			return 1;	/* render.c stops there too */
		p += k;
		if (cp == '\n' || cp == '\t')
			continue;
		if (cp < 0x20 || lf.advance(lf.ctx, face, (uint32_t)cp) < 0)
			return 0;
	}
	return 1;
}

static int
ok_inline(const struct doc_inline *in)
{
	size_t i;

	for (i = 0; i < in->n; i++)
		if (!ok_text(in->runs[i].text, in->runs[i].face))
			return 0;
	return 1;
}

/* render.c check_glyphs as a predicate. */
static int
ok_glyphs(const struct doc *doc)
{
	const struct doc_meta	*m = &doc->meta;
	const char		*one[] = { m->loai, m->co_quan_chu_quan, m->so,
	    m->ky_hieu, m->dia_danh, m->trich_yeu, m->luu, m->nguoi_soan,
	    m->du_thao, m->do_khan };
	const struct doc_list	*lists[] = { &m->co_quan, &m->kinh_gui,
	    &m->noi_nhan };
	size_t			 i, k;

	for (i = 0; i < sizeof(one) / sizeof(one[0]); i++)
		if (!ok_text(one[i], DOC_BOLD))
			return 0;
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		for (k = 0; k < lists[i]->n; k++)
			if (!ok_text(lists[i]->v[k], DOC_BOLD))
				return 0;
	for (i = 0; i < m->nky; i++)
		if (!ok_text(m->ky[i].tham_quyen, DOC_BOLD) ||
		    !ok_text(m->ky[i].chuc_vu, DOC_BOLD) ||
		    !ok_text(m->ky[i].ho_ten, DOC_BOLD))
			return 0;
	for (i = 0; i < doc->nblocks; i++) {
		const struct doc_block *b = &doc->blocks[i];

		if (!ok_inline(&b->in))
			return 0;
		if (b->table == NULL)
			continue;
		for (k = 0; k < b->table->nrows * b->table->ncols; k++)
			if (!ok_inline(&b->table->cells[k]))
				return 0;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag	*d;
	struct doc	*doc = NULL;
	struct dl	*dl = NULL;
	char		*text = NULL, *dump = NULL, *pdf = NULL;
	size_t		 len = 0, dlen = 0, plen = 0;

	if ((d = diag_new()) == NULL)
		return 0;
	if (text_read_mem(name, (const char *)data, size, TEXT_ENC_AUTO, d,
	    &text, &len) != VB_OK)
		goto done;
	if ((doc = doc_parse(name, text, len, d)) == NULL)
		goto done;
	if (doc->meta.day == 0 && doc->meta.year == 0)
		doc->meta.year = 2020;
	if (!ok_glyphs(doc))
		goto done;
	if ((dl = layout_run(doc, &lf, d)) == NULL)
		goto done;
	if ((dump = dl_dump(dl, &dlen)) == NULL)
		goto done;
	if (with_pdf)
		(void)pdf_write(dl, fs, 0, &pdf, &plen, d);
done:
	free(pdf);
	free(dump);
	dl_free(dl);
	doc_free(doc);
	free(text);
	diag_free(d);
	return 0;
}
