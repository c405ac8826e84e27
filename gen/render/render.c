/*
 * render.c - the whole pipeline for a document source: parse -> check
 * glyphs -> layout -> PDF (or layout dump), or parse -> check glyphs ->
 * layout -> DOCX (Word reflows the model; the layout only chooses the
 * body's size and spacing), with the fonts loaded once per process
 * however many documents and renderers it has: the faces of a font
 * folder are kept for the process's life and shared by every renderer
 * (a generator's glyph check and its rendering; worker processes forked
 * after them inherit them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "render/render.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "emit/emit.h"
#include "render/render_int.h"

struct render {
	struct render_opt	 opt;    /* as given (font_dir copied) */
	char			*fonts;  /* font folder */
	struct font_set		*fs;     /* the four faces (render_fonts) */
	struct layout_font	 lf;     /* their metrics */
};

/* The font folders loaded in this process, kept for its life (a tool
 * uses one; a test may use several). */
struct render_faces {
	char			*dir;
	struct font_set		*fs;
	struct render_faces	*next;
};
static struct render_faces	*render_loaded;

/* The faces of folder dir: loaded the first time, then the same. */
static struct font_set *
render_fonts(const char *dir, struct diag *d)
{
	struct render_faces *f;

	for (f = render_loaded; f != NULL; f = f->next)
		if (strcmp(f->dir, dir) == 0)
			return f->fs;
	if ((f = calloc(1, sizeof(*f))) == NULL ||
	    (f->dir = strdup(dir)) == NULL ||
	    (f->fs = font_set_new(dir, d)) == NULL) {
		if (f != NULL)
			free(f->dir);
		free(f);
		return NULL;
	}
	f->next = render_loaded;
	render_loaded = f;
	return f->fs;
}

struct render *
render_new(const struct render_opt *opt, struct diag *d)
{
	struct render *r;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	r->opt = *opt;
	if ((r->fonts = strdup(opt->font_dir)) == NULL ||
	    (r->fs = render_fonts(r->fonts, d)) == NULL) {
		render_free(r);
		return NULL;
	}
	r->opt.font_dir = r->fonts;
	r->lf = font_set_metrics(r->fs);
	return r;
}

void
render_free(struct render *r)
{
	if (r == NULL)
		return;
	free(r->fonts);
	free(r);
}

const struct layout_font *
render_metrics(struct render *r)
{
	return &r->lf;
}

struct font_set *
render_font_set(struct render *r)
{
	return r->fs;
}

const struct render_opt *
render_options(const struct render *r)
{
	return &r->opt;
}

/* Parse, check and lay out a source (contract in render_int.h). */
struct dl *
render_lay(struct render *r, const char *name, const char *text, size_t len,
    struct doc **docp, struct diag *d)
{
	struct doc	*doc;
	struct dl	*dl;
	int		 errs = diag_errors(d);

	*docp = NULL;
	if ((doc = doc_parse(name, text, len, d)) == NULL)
		return NULL;
	if (doc->meta.day == 0 && doc->meta.year == 0) {
		time_t		t = r->opt.epoch >= 0 ? (time_t)r->opt.epoch :
		    time(NULL);
		struct tm	tm;

		gmtime_r(&t, &tm);
		doc->meta.year = tm.tm_year + 1900;
	}
	render_check_glyphs(doc, &r->lf, d);
	if (diag_errors(d) > errs ||   /* this document's errors, not earlier */
	    (dl = layout_run(doc, &r->lf, d)) == NULL) {
		doc_free(doc);
		return NULL;
	}
	*docp = doc;
	return dl;
}

int
render_mem(struct render *r, const char *name, const char *text, size_t len,
    char **out, size_t *outlen, struct diag *d)
{
	struct doc	*doc = NULL;
	struct dl	*dl;
	int		 rc;

	*out = NULL;
	*outlen = 0;
	if ((dl = render_lay(r, name, text, len, &doc, d)) == NULL)
		return VB_EINPUT;
	/* The DOCX reads the model (Word reflows it) but sets the body as
	 * the layout chose: one fitting decision for both outputs. */
	if (r->opt.format == RENDER_DOCX && !r->opt.dump_layout)
		rc = docx_write(doc, &r->lf, &dl->set, r->opt.epoch, out,
		    outlen, d);
	else if (r->opt.dump_layout)
		rc = (*out = dl_dump(dl, outlen)) == NULL ? VB_ESYS : VB_OK;
	else
		rc = pdf_write(dl, r->fs, r->opt.epoch, out, outlen, d);
	dl_free(dl);
	doc_free(doc);
	return rc;
}

int
render_source(const char *name, const char *text, size_t len,
    const char *out_path, const struct render_opt *opt, struct diag *d)
{
	struct render	*r;
	char		*buf = NULL;
	size_t		 blen = 0;
	int		 rc;

	if ((r = render_new(opt, d)) == NULL)
		return VB_ESYS;
	rc = render_mem(r, name, text, len, &buf, &blen, d);
	if (rc == VB_OK)
		rc = text_write_file(out_path, buf, blen, d);
	free(buf);
	render_free(r);
	return rc;
}

#ifndef VB_FONT_DIR
#define VB_FONT_DIR "fonts"
#endif

char *
render_find_fonts(const char *opt)
{
	static const char *const rel[] = {
		"../share/vanban/fonts", "../fonts", NULL
	};

	return vb_find_dir(opt, "VB_FONT_DIR", rel,
	    "LiberationSerif-Regular.ttf", VB_FONT_DIR);
}
