/*
 * glyphs.c - every character of a document must be in the face it is
 * set in: checked on the document model before layout, so that a missing
 * character is an error at its source line, never a blank in the PDF.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "render/render.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "render/render_int.h"

#define GLYPH_REPORTS_MAX 50   /* then one line says there are more */

/* State of the glyph check. */
struct gcheck {
	const struct doc		*doc;
	const struct layout_font	*lf;
	struct diag			*d;
	int				 reported;  /* messages so far */
	int				 more;      /* characters not reported */
	const char			*file;      /* where the text is */
	const char			*text;      /* its source, NULL: none */
};

/* Whether cp is written right to left (Hebrew, Arabic, Syriac, ...) or
 * asks for it (an RLE, RLO or RLI mark).  vanban sets every line left to
 * right, with no bidirectional reordering nor Arabic joining: such text
 * would come out reversed and unjoined, so it is refused. */
static int
rtl_char(utf8proc_int32_t cp)
{
	switch (utf8proc_get_property(cp)->bidi_class) {
	case UTF8PROC_BIDI_CLASS_R:
	case UTF8PROC_BIDI_CLASS_AL:
	case UTF8PROC_BIDI_CLASS_RLE:
	case UTF8PROC_BIDI_CLASS_RLO:
	case UTF8PROC_BIDI_CLASS_RLI:
		return 1;
	default:
		return 0;
	}
}

/*
 * Report the characters of s that face cannot draw (and control
 * characters), located from line on: each character once per text, and
 * at most GLYPH_REPORTS_MAX messages in all, so a file full of them is
 * answered quickly.  Right-to-left text is reported once per text, at
 * its first character.
 */
static void
check_text(struct gcheck *g, const char *s, int face, int line)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 cp, seen[16];
	utf8proc_ssize_t	 k;
	size_t			 nseen = 0, i;
	int			 rtl = 0;

	while (*p != '\0') {
		int l = line, c = 0, r;

		k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0)
			return;
		p += k;
		if (cp == '\n' || cp == '\t')
			continue;
		if ((r = rtl_char(cp)) && rtl)
			continue;
		if (!r && g->lf->advance(g->lf->ctx, face, (uint32_t)cp) >= 0 &&
		    cp >= 0x20)
			continue;
		rtl |= r;
		for (i = 0; i < nseen && seen[i] != cp; i++)
			;
		if (i < nseen)
			continue;
		if (nseen < sizeof(seen) / sizeof(seen[0]))
			seen[nseen++] = cp;
		if (g->reported >= GLYPH_REPORTS_MAX) {
			g->more++;
			continue;
		}
		g->reported++;
		if (g->text != NULL)
			doc_locate(g->text, line, (uint32_t)cp, &l, &c);
		if (cp < 0x20 || cp == 0x7F)
			diag_add(g->d, DIAG_ERROR, g->file, l, c, "control "
			    "character U+%04X in the text", (unsigned)cp);
		else if (r) {
			char ch[12] = { 0 };

			/* A letter is shown; a direction mark would turn
			 * the terminal's line around. */
			if (utf8proc_category(cp) != UTF8PROC_CATEGORY_CF) {
				ch[0] = ' ';
				ch[1] = '\'';
				ch[2 + utf8proc_encode_char(cp,
				    (utf8proc_uint8_t *)ch + 2)] = '\'';
			}
			diag_add(g->d, DIAG_ERROR, g->file, l, c,
			    "right-to-left text (U+%04X%s): vanban sets "
			    "text left to right only (no Hebrew or Arabic) and "
			    "would print it reversed: remove it or write it in "
			    "Latin letters", (unsigned)cp, ch);
		} else {
			char ch[8] = { 0 };

			utf8proc_encode_char(cp, (utf8proc_uint8_t *)ch);
			diag_add(g->d, DIAG_ERROR, g->file, l, c,
			    "character U+%04X '%s' is in no font face "
			    "(Liberation Serif has Vietnamese, Latin, Greek and "
			    "Cyrillic; no emoji or CJK): remove or replace it",
			    (unsigned)cp, ch);
		}
	}
}

static void
check_inline(struct gcheck *g, const struct doc_inline *in, int line)
{
	size_t i;

	for (i = 0; i < in->n; i++)
		check_text(g, in->runs[i].text, in->runs[i].face, line);
}

/* The texts a chart draws: title (bold), unit, series, categories. */
static void
check_chart(struct gcheck *g, const struct doc_block *b)
{
	const struct doc_chart	*c = b->chart;
	size_t			 i;

	if (c->title != NULL)
		check_text(g, c->title, DOC_BOLD, b->line);
	if (c->unit != NULL) {
		check_text(g, c->unit, DOC_REGULAR, b->line);
		check_text(g, c->unit, DOC_ITALIC, b->line);
	}
	for (i = 0; i < c->nseries; i++)
		check_text(g, c->series[i], DOC_REGULAR, b->line);
	for (i = 0; i < c->nrows; i++)
		check_text(g, c->cats[i], DOC_REGULAR, c->row_line[i]);
}

void
render_check_glyphs(const struct doc *doc, const struct layout_font *lf,
    struct diag *d)
{
	const struct doc_meta	*m = &doc->meta;
	const char		*one[] = { m->loai, m->co_quan_chu_quan, m->so,
	    m->ky_hieu, m->dia_danh, m->trich_yeu, m->luu, m->nguoi_soan,
	    m->du_thao, m->do_khan };
	const struct doc_list	*lists[] = { &m->co_quan, &m->kinh_gui,
	    &m->noi_nhan };
	struct gcheck		 g = { doc, lf, d, 0, 0, doc->name, doc->text };
	size_t			 i, k;

	for (i = 0; i < sizeof(one) / sizeof(one[0]); i++)
		if (one[i] != NULL)
			check_text(&g, one[i], DOC_BOLD, 1);
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		for (k = 0; k < lists[i]->n; k++)
			check_text(&g, lists[i]->v[k], DOC_BOLD, 1);
	for (i = 0; i < m->nky; i++) {
		if (m->ky[i].tham_quyen)
			check_text(&g, m->ky[i].tham_quyen, DOC_BOLD, 1);
		check_text(&g, m->ky[i].chuc_vu, DOC_BOLD, 1);
		check_text(&g, m->ky[i].ho_ten, DOC_BOLD, 1);
	}
	for (i = 0; i < doc->nblocks; i++) {
		const struct doc_block *b = &doc->blocks[i];

		check_inline(&g, &b->in, b->line);
		if (b->chart != NULL)
			check_chart(&g, b);
		if (b->table == NULL)
			continue;
		/* The cells of a file= table are named by the CSV's row
		 * line (its text is not kept). */
		if (strcmp(b->table->file, doc->name) != 0) {
			g.file = b->table->file;
			g.text = NULL;
		}
		for (k = 0; k < b->table->nrows * b->table->ncols; k++)
			check_inline(&g, &b->table->cells[k],
			    b->table->row_line[k / b->table->ncols]);
		g.file = doc->name;
		g.text = doc->text;
	}
	if (g.more > 0)
		diag_add(d, DIAG_ERROR, doc->name, 0, 0, "%d more character%s "
		    "that no font face has (not listed)", g.more,
		    g.more == 1 ? "" : "s");
}

uint32_t
render_missing_glyph(struct render *r, const char *s, int face)
{
	const struct layout_font	*lf = render_metrics(r);
	const utf8proc_uint8_t		*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t		 cp;
	utf8proc_ssize_t		 k;

	while (*p != '\0') {
		if ((k = utf8proc_iterate(p, -1, &cp)) <= 0)
			return 0xFFFD;
		p += k;
		if (cp == '\n' || cp == '\t')
			continue;
		if (cp < 0x20 || cp == 0x7F ||
		    lf->advance(lf->ctx, face, (uint32_t)cp) < 0)
			return (uint32_t)cp;
	}
	return 0;
}
