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

#include "base/base.h"
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
			return lrow_inline(L, &b->in, L->body_pt, L->lead_pt, X,
			    W, 0, LA_LEFT, L->para_pt, 0);
		return lrow_inline(L, &b->in, L->body_pt, L->lead_pt, X, W,
		    ND30_INDENT_PT, LA_JUSTIFY, L->para_pt, 0);
	case DOC_CENTER:
		return lrow_inline(L, &b->in, L->body_pt, L->lead_pt, X, W, 0,
		    LA_CENTER, L->para_pt, 0);
	case DOC_HEADING:
		n = lrow_inline(L, &b->in, L->body_pt, L->lead_pt, X, W,
		    b->level == 1 ? 0 : ND30_INDENT_PT, LA_JUSTIFY, L->para_pt,
		    b->level);
		L->next_keep = 1;   /* never the last line of a page */
		return n;
	case DOC_ITEM: {
		double ind = (b->level > 1 ? b->level - 1 : 0) * ND30_INDENT_PT;
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
		n = lrow_inline(L, &in, L->body_pt, L->lead_pt, X + ind, W - ind,
		    ND30_INDENT_PT, LA_JUSTIFY, L->para_pt, 0);
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
	L->pw_pt = landscape ? ND30_PAGE_H_PT : ND30_PAGE_W_PT;
	L->ph_pt = landscape ? ND30_PAGE_W_PT : ND30_PAGE_H_PT;
	L->left_pt = ND30_MARGIN_LEFT_PT;
	L->right_pt = L->pw_pt - ND30_MARGIN_RIGHT_PT;
	L->top_pt = ND30_MARGIN_TOP_PT;
	L->bottom_pt = L->ph_pt - ND30_MARGIN_BOTTOM_PT;
	L->width_pt = L->right_pt - L->left_pt;
	L->nrows = 0;
	L->nvx = 0;
	L->ntables = 0;
	L->next_keep = L->next_force = 0;
	L->next_before = 0;
}

/* Body settings layout tries, loosest first (Nghị định 30: body 13-14
 * pt, line spacing from single, paragraph spacing from 6 pt). */
struct lfit {
	double	 size_pt;   /* body text size */
	double	 lead_em;   /* leading, ems of the size */
	double	 para_pt;   /* paragraph spacing */
};

static const struct lfit fits[] = {
	/* 14 pt */
	{ ND30_BODY_PT, ND30_BODY_LEAD_PT / ND30_BODY_PT, ND30_PARA_AFTER_PT },
	/* 13 pt */
	{ 13.0, ND30_BODY_LEAD_PT / ND30_BODY_PT, ND30_PARA_AFTER_PT },
	{ 13.0, LINE_SINGLE, ND30_PARA_AFTER_PT },                 /* single */
};
#define NFITS (sizeof(fits) / sizeof(fits[0]))
#define TAIL_ROWS 4   /* body lines with the signature block on the last
		       * page that make it "only the tail" */

/* How the main part (letterhead to signature) fell into pages. */
struct lstat {
	int	 pages;      /* its pages */
	size_t	 tail;       /* body rows on its last page, before the
			      * signature block */
};

/* The document's info (title, author, subject) into L->out. */
static void
lay_info(struct lctx *L)
{
	const struct doc	*doc = L->doc;
	size_t			 n = 0, k;
	char			*a;

	if ((L->out->title = strdup(doc->meta.trich_yeu)) != NULL)
		for (char *q = L->out->title; *q != '\0'; q++)
			if (*q == '\n')
				*q = ' ';   /* a line break of the trích yếu */
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
	L->out->author = a;
	L->out->subject = strdup(doc->meta.loai);
}

/* The main part's pages and tail into st, after its cut. */
static void
lay_stat(const struct lctx *L, struct lstat *st)
{
	st->pages = L->npages;
	st->tail = L->sig_row > L->last_start ? L->sig_row - L->last_start :
	    0;
}

/*
 * The document laid out once with body settings f into a new display
 * list; *st how its main part fell into pages.  NULL and messages in d
 * on error.
 */
static struct dl *
layout_once(const struct doc *doc, const struct layout_font *lf,
    struct diag *d, const struct lfit *f, struct lstat *st)
{
	struct lctx	 L;
	size_t		 i;
	int		 errs = diag_errors(d), signed_ = 0;

	memset(&L, 0, sizeof(L));
	L.doc = doc;
	L.lf = lf;
	L.d = d;
	L.body_pt = f->size_pt;
	L.lead_pt = f->size_pt * f->lead_em;
	L.para_pt = f->para_pt;
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
			lpage_cut(&L);
			if (!signed_)
				lay_stat(&L, st);
			signed_ = 1;
			section_geometry(&L, b->landscape);
			continue;
		}
		if (lay_block(&L, b) == -1)
			goto fail;
	}
	if (!signed_ && layout_signature(&L) == -1)
		goto fail;
	lpage_cut(&L);
	if (!signed_)
		lay_stat(&L, st);
	if (diag_errors(d) > errs || L.oom)
		goto fail;
	lay_info(&L);
	L.out->set.body_pt = L.body_pt;
	L.out->set.lead_pt = L.lead_pt;
	L.out->set.para_pt = L.para_pt;
	dl_free(L.tmp);
	free(L.rows);
	free(L.vx);
	free(L.gridv);
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
	free(L.gridv);
	free(L.tables);
	return NULL;
}

/* Note the settings in the display list (shown by --dump-layout). */
static int
lay_note(struct dl *dl, const struct lfit *f, const char *why)
{
	char buf[160];

	snprintf(buf, sizeof(buf), "body %.0f pt (co_chu), leading %.1f pt = "
	    "%.2f lines of %.2f em (gian_dong), paragraph spacing %.0f pt; %s",
	    f->size_pt, f->size_pt * f->lead_em, f->lead_em / LINE_SINGLE,
	    LINE_SINGLE, f->para_pt, why);
	free(dl->fit);
	return (dl->fit = strdup(buf)) == NULL ? -1 : 0;
}

/*
 * Lay the document out.  The body is set at 14 pt; when its last page
 * would hold only the tail (the signature block with at most TAIL_ROWS
 * body lines) or a two-page document might fit on one, tighter settings
 * of fits[] are tried in order and the first that saves a page is kept.
 * co_chu and gian_dong in the front matter fix the settings instead.
 */
struct dl *
layout_run(const struct doc *doc, const struct layout_font *lf,
    struct diag *d)
{
	const struct doc_meta	*m = &doc->meta;
	struct lstat		 st0, st;
	struct dl		*dl, *t;
	struct diag		*scratch;
	size_t			 k;

	memset(&st0, 0, sizeof(st0));
	if (m->co_chu_pt > 0 || m->gian_dong > 0) {
		struct lfit f = fits[0];

		if (m->co_chu_pt > 0)
			f.size_pt = m->co_chu_pt;
		if (m->gian_dong > 0)
			f.lead_em = m->gian_dong * LINE_SINGLE;
		if ((dl = layout_once(doc, lf, d, &f, &st0)) != NULL &&
		    lay_note(dl, &f, "set by co_chu, gian_dong") == -1) {
			dl_free(dl);
			return NULL;
		}
		return dl;
	}
	if ((dl = layout_once(doc, lf, d, &fits[0], &st0)) == NULL)
		return NULL;
	if (st0.pages < 2 || (st0.pages > 2 && st0.tail > TAIL_ROWS))
		return dl;
	if ((scratch = diag_new()) == NULL)
		return dl;
	for (k = 1; k < NFITS; k++) {
		memset(&st, 0, sizeof(st));
		if ((t = layout_once(doc, lf, scratch, &fits[k], &st)) == NULL)
			break;
		if (st.pages < st0.pages) {
			if (lay_note(t, &fits[k], "tightened to save a page")
			    == -1) {
				dl_free(t);
				break;
			}
			dl_free(dl);
			dl = t;
			break;
		}
		dl_free(t);
	}
	diag_free(scratch);
	return dl;
}
