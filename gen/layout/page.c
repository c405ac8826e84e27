/*
 * page.c - the document model laid out as official pages: the
 * letterhead (letterhead.c), each body block by its type (tables in
 * table.c), the signature block and Nơi nhận (signature.c), annexes as
 * sections of their own; each section's vertical list (vlist.c) is cut
 * into pages by paginate.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "layout/layout_int.h"

/* ------------------------------------------------------------------ */
/* Body blocks                                                          */
/* ------------------------------------------------------------------ */

static int
lay_block(struct lctx *L, const struct doc_block *b)
{
	double			 X = L->left_pt, W = L->width_pt;
	struct doc_inline	 in = { NULL, 0, 0 };
	int			 n;

	switch (b->type) {
	case DOC_PARA:
		if (b->level < 0)
			return lrow_inline(L, &b->in, BODY_PT, BODY_LEAD_PT, X,
			    W, 0, LA_LEFT, PARA_AFTER_PT, 0);
		return lrow_inline(L, &b->in, BODY_PT, BODY_LEAD_PT, X, W,
		    INDENT_PT, LA_JUSTIFY, PARA_AFTER_PT, 0);
	case DOC_CENTER:
		return lrow_inline(L, &b->in, BODY_PT, BODY_LEAD_PT, X, W, 0,
		    LA_CENTER, PARA_AFTER_PT, 0);
	case DOC_HEADING:
		n = lrow_inline(L, &b->in, BODY_PT, BODY_LEAD_PT, X, W,
		    b->level == 1 ? 0 : INDENT_PT, LA_JUSTIFY, PARA_AFTER_PT,
		    b->level);
		L->next_keep = 1;   /* never the last line of a page */
		return n;
	case DOC_ITEM: {
		double ind = (b->level > 1 ? b->level - 1 : 0) * INDENT_PT;
		size_t i;

		if (b->marker != NULL && doc_inline_add(&in, b->marker,
		    strlen(b->marker), b->in.n ? b->in.runs[0].face & ~1 : 0,
		    0) == -1)
			return -1;
		for (i = 0; i < b->in.n; i++)
			if (doc_inline_add(&in, b->in.runs[i].text,
			    strlen(b->in.runs[i].text), b->in.runs[i].face,
			    b->in.runs[i].sup) == -1)
				break;
		n = lrow_inline(L, &in, BODY_PT, BODY_LEAD_PT, X + ind, W - ind,
		    INDENT_PT, LA_JUSTIFY, PARA_AFTER_PT, 0);
		doc_inline_free(&in);
		return n;
	}
	case DOC_TABLE:
		return layout_table(L, b);
	case DOC_CHART:
		return layout_chart(L, b);
	case DOC_PAGEBREAK:
		L->next_force = 1;
		return 0;
	case DOC_ANNEX:
		return 0;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Pages                                                                */
/* ------------------------------------------------------------------ */

static void
section_geometry(struct lctx *L, int landscape)
{
	L->pw_pt = landscape ? PAGE_H_PT : PAGE_W_PT;
	L->ph_pt = landscape ? PAGE_W_PT : PAGE_H_PT;
	L->left_pt = MARGIN_LEFT_PT;
	L->right_pt = L->pw_pt - MARGIN_RIGHT_PT;
	L->top_pt = MARGIN_TOP_PT;
	L->bottom_pt = L->ph_pt - MARGIN_BOTTOM_PT;
	L->width_pt = L->right_pt - L->left_pt;
	L->nrows = 0;
	L->nvx = 0;
	L->ntables = 0;
	L->next_keep = L->next_force = 0;
	L->next_before = 0;
}

struct dl *
layout_run(const struct doc *doc, const struct layout_font *lf,
    struct diag *d)
{
	struct lctx	 L;
	size_t		 i;
	int		 errs = diag_errors(d), signed_ = 0;

	memset(&L, 0, sizeof(L));
	L.doc = doc;
	L.lf = lf;
	L.d = d;
	if ((L.tmp = dl_new()) == NULL || (L.out = dl_new()) == NULL)
		goto fail;
	section_geometry(&L, 0);
	if (layout_letterhead(&L) == -1)
		goto fail;
	for (i = 0; i < doc->nblocks; i++) {
		const struct doc_block *b = &doc->blocks[i];

		if (b->type == DOC_ANNEX) {
			if (!signed_ && layout_signature(&L) == -1)
				goto fail;
			signed_ = 1;
			lpage_cut(&L);
			section_geometry(&L, b->landscape);
			continue;
		}
		if (lay_block(&L, b) == -1)
			goto fail;
	}
	if (!signed_ && layout_signature(&L) == -1)
		goto fail;
	lpage_cut(&L);
	if (diag_errors(d) > errs || L.oom)
		goto fail;
	if ((L.out->title = strdup(doc->meta.trich_yeu)) != NULL)
		for (char *q = L.out->title; *q != '\0'; q++)
			if (*q == '\n')
				*q = ' ';   /* a line break of the trích yếu */
	{
		size_t	 n = 0, k;
		char	*a;

		for (k = 0; k < doc->meta.co_quan.n; k++)
			n += strlen(doc->meta.co_quan.v[k]) + 1;
		if ((a = malloc(n + 1)) != NULL) {
			a[0] = '\0';
			for (k = 0; k < doc->meta.co_quan.n; k++) {
				if (k)
					strcat(a, " ");
				strcat(a, doc->meta.co_quan.v[k]);
			}
		}
		L.out->author = a;
	}
	L.out->subject = strdup(doc->meta.loai);
	dl_free(L.tmp);
	free(L.rows);
	free(L.vx);
	free(L.tables);
	return L.out;
fail:
	if (diag_errors(d) == errs)   /* nothing said why: memory */
		diag_add(d, DIAG_ERROR, doc->name, 0, 0, "out of memory "
		    "while laying out the document");
	dl_free(L.tmp);
	dl_free(L.out);
	free(L.rows);
	free(L.vx);
	free(L.tables);
	return NULL;
}
