/*
 * book.c - a merged PDF (--gop FILE.pdf): every document of a run laid
 * out as it is on its own, kept, and written at the end through one PDF
 * writer (pdf_write_book), not by taking finished PDFs apart: one file
 * for the printer, PDF/A-1b like every single one, the fonts subset
 * once over all the documents.  Each document keeps its page numbers
 * (the layout drew them: from page 2 on, from 1 again in each), its
 * draft mark and its images.  The file is written whole or not at all:
 * a document of the run that failed leaves no half merged file.
 *
 * The documents are laid out again here, in this process, in order,
 * whether or not worker processes rendered their own PDFs: display
 * lists do not travel back from the workers.  Their messages were then
 * given once already; only errors are passed on for those.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "emit/emit.h"
#include "render/render_int.h"

struct render_book {
	struct render	*r;       /* the fonts, the options */
	char		*path;    /* the merged PDF ("-": stdout) */
	struct dl	**dl;     /* each document's display list, in order */
	size_t		 n, cap;
	size_t		 failed;  /* documents of the run not in dl */
	int		 checked; /* the caller checked path against its
				   * outputs (else: each NAME.pdf) */
};

struct render_book *
render_book_new(const struct render_opt *opt, const char *path,
    struct diag *d)
{
	struct render_book	*b;
	struct render_opt	 o = *opt;

	o.format = RENDER_PDF;
	o.dump_layout = 0;
	if ((b = calloc(1, sizeof(*b))) == NULL ||
	    (b->path = strdup(path)) == NULL ||
	    (b->r = render_new(&o, d)) == NULL) {
		render_book_free(b);
		return NULL;
	}
	return b;
}

void
render_book_free(struct render_book *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++)
		dl_free(b->dl[i]);
	free(b->dl);
	free(b->path);
	render_free(b->r);
	free(b);
}

void
render_book_checked(struct render_book *b)
{
	b->checked = 1;
}

void
render_book_skip(struct render_book *b)
{
	b->failed++;
}

/* Whether the merged PDF would be the PDF of source name (NAME.pdf, as
 * the generators write it): -1 after a message, or VB_ESYS. */
static int
book_clash(const struct render_book *b, const char *name, struct diag *d)
{
	char	*pdf;
	int	 same;

	if ((pdf = vb_with_ext(name, ".pdf")) == NULL)
		return VB_ESYS;
	same = strcmp(pdf, b->path) == 0 || text_same_file(pdf, b->path);
	free(pdf);
	if (!same)
		return 0;
	diag_add(d, DIAG_ERROR, b->path, 0, 0, "--gop names the PDF of %s: "
	    "give the merged PDF a name of its own", name);
	return -1;
}

int
render_book_add(struct render_book *b, const char *name, const char *text,
    int said, struct diag *d)
{
	struct diag	*own;
	struct doc	*doc = NULL;
	struct dl	*dl;
	size_t		 i;
	int		 rc;

	if (!b->checked && (rc = book_clash(b, name, d)) != 0) {
		b->failed++;
		return rc == VB_ESYS ? VB_ESYS : VB_EUSAGE;
	}
	if ((own = diag_new()) == NULL)
		return VB_ESYS;
	dl = render_lay(b->r, name, text, strlen(text), &doc, own);
	doc_free(doc);
	if (dl != NULL && vb_grow((void **)&b->dl, &b->cap, b->n + 1,
	    sizeof(*b->dl)) != 0) {
		dl_free(dl);
		diag_free(own);
		b->failed++;
		return VB_ESYS;
	}
	if (!said)
		diag_move(d, own);
	else   /* its warnings were given when its own file was made */
		for (i = 0; i < diag_count(own); i++) {
			const struct diag_msg *m = diag_item(own, i);

			if (m->level == DIAG_ERROR)
				diag_add(d, m->level, m->file, m->line, m->col,
				    "%s", m->text);
		}
	diag_free(own);
	if (dl == NULL) {
		b->failed++;
		return VB_EINPUT;
	}
	/* Its bookmark: its title, else its file's name. */
	if (dl->title == NULL && (dl->title = strdup(strrchr(name, '/') ?
	    strrchr(name, '/') + 1 : name)) == NULL) {
		dl_free(dl);
		b->failed++;
		return VB_ESYS;
	}
	b->dl[b->n++] = dl;
	return VB_OK;
}

/* What the merged file says of itself: its name as the title (the
 * window shows it), the documents' author when they share one. */
static void
book_head(const struct render_book *b, struct dl *head)
{
	const char	*s = strrchr(b->path, '/');
	size_t		 i;

	memset(head, 0, sizeof(*head));
	head->title = (char *)(s != NULL ? s + 1 : b->path);
	head->author = b->dl[0]->author;
	for (i = 1; i < b->n && head->author != NULL; i++)
		if (b->dl[i]->author == NULL ||
		    strcmp(b->dl[i]->author, head->author) != 0)
			head->author = NULL;
}

int
render_book_write(struct render_book *b, struct diag *d)
{
	const struct render_opt	*opt = render_options(b->r);
	struct dl		 head;
	char			*out = NULL;
	size_t			 len = 0, i, k, pages = 0;
	int			 rc;

	if (b->n == 0 && b->failed == 0) {
		diag_add(d, DIAG_ERROR, b->path, 0, 0, "the merged PDF was not "
		    "written: the run made no document");
		return VB_EINPUT;
	}
	if (b->failed > 0) {
		diag_add(d, DIAG_ERROR, b->path, 0, 0, "the merged PDF was not "
		    "written: %zu of the %zu documents of the run failed (named "
		    "above); it is written only with all of them", b->failed,
		    b->failed + b->n);
		return VB_EINPUT;
	}
	book_head(b, &head);
	rc = pdf_write_book((const struct dl *const *)b->dl, b->n, &head,
	    render_font_set(b->r), opt->epoch, &out, &len, d);
	if (rc == VB_OK)
		rc = text_write_file(b->path, out, len, d);
	free(out);
	if (rc != VB_OK)
		return rc;
	for (i = 0; i < b->n; i++)
		for (k = 0; k < b->dl[i]->n; k++)
			pages += b->dl[i]->v[k].kind == DL_PAGE;
	diag_add(d, DIAG_NOTE, strcmp(b->path, "-") ? b->path : "<stdout>",
	    0, 0, "%zu documents, %zu pages, in one PDF to print", b->n,
	    pages);
	return VB_OK;
}
