/*
 * render_int.h - shared by the files of gen/render/ (the pipeline that
 * joins the stages: doc -> layout -> out).
 */
#ifndef RENDER_INT_H
#define RENDER_INT_H

struct doc;
struct layout_font;

/* Report every character of doc that its face cannot draw (and control
 * characters) at its source position. */
void	 render_check_glyphs(const struct doc *, const struct layout_font *,
	    struct diag *);
/* The worse of two results: VB_ESYS, then VB_EINPUT, then VB_OK. */
int	 render_worse(int a, int b);
/* The metrics of the renderer's fonts. */
const struct layout_font *render_metrics(struct render *);
/* Its faces (for the PDF writer) and its options. */
struct font_set	*render_font_set(struct render *);
const struct render_opt *render_options(const struct render *);

#endif /* RENDER_INT_H */
