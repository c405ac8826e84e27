/*
 * render_int.h - shared by the files of gen/render/ (the pipeline that
 * joins the stages: doc -> layout -> out).
 */
#ifndef RENDER_INT_H
#define RENDER_INT_H

struct doc;
struct dl;
struct layout_font;

/* Parse the source text (name: its path), check its glyphs and lay it
 * out: its display list, and its model in *docp (both the caller's to
 * free); NULL (nothing in *docp) after the messages in d. */
struct dl *render_lay(struct render *, const char *name, const char *text,
	    size_t len, struct doc **docp, struct diag *d);

/* Report every character of doc that its face cannot draw (and control
 * characters) at its source position. */
void	 render_check_glyphs(const struct doc *, const struct layout_font *,
	    struct diag *);
/* The merged PDF was checked against the run's outputs by the caller
 * (render_files): render_book_add does not compare it with NAME.pdf. */
void	 render_book_checked(struct render_book *);
/* The worse of two results: VB_ESYS, then VB_EINPUT, then VB_OK. */
int	 render_worse(int a, int b);
/* The metrics of the renderer's fonts. */
const struct layout_font *render_metrics(struct render *);
/* Its faces (for the PDF writer) and its options. */
struct font_set	*render_font_set(struct render *);
const struct render_opt *render_options(const struct render *);

#endif /* RENDER_INT_H */
