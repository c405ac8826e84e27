/*
 * phoi.c - the certificates' pipeline: every character checked against
 * the box's face, the scanned blank read for a preview, the layout
 * (layout/phoi.c) and the PDF, or the display list as text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "emit/emit.h"
#include "render/render_int.h"

/* Every character of every box's mau and of every certificate's text
 * in its box's face: errors at the layout's or the awardee's line. */
static void
phoi_glyphs(struct render *r, const struct phoi_layout *l,
    const struct phoi_cert *ce, size_t n, struct diag *d)
{
	size_t		 i, k;
	uint32_t	 cp;

	for (k = 0; k < l->nbox; k++)
		if (l->box[k].mau != NULL && (cp = render_missing_glyph(r,
		    l->box[k].mau, l->box[k].face)) != 0)
			diag_add(d, DIAG_ERROR, l->path, l->box[k].line, 0,
			    "character U+%04X in \"%s\" (box %s) is not in its "
			    "font face: remove or replace it", (unsigned)cp,
			    l->box[k].mau, phoi_field_name(l->box[k].field));
	for (i = 0; i < n; i++)
		for (k = 0; k < l->nbox; k++) {
			const struct phoi_box *b = &l->box[k];
			const char *v = ce[i].v[b->field];

			if (v == NULL || (cp = render_missing_glyph(r, v,
			    b->face)) == 0)
				continue;
			diag_add(d, DIAG_ERROR, ce[i].file, ce[i].line, 0,
			    "character U+%04X in \"%s\" (box %s of the "
			    "certificate) is not in its font face: remove or "
			    "replace it", (unsigned)cp, v,
			    phoi_field_name(b->field));
		}
}

int
render_phoi(struct render *r, const struct phoi_layout *l,
    const struct phoi_cert *ce, size_t n, const struct phoi_opt *o,
    char **out, size_t *outlen, struct diag *d)
{
	struct dl_image	*bg = NULL;
	struct dl	*dl;
	const char	*nen = o->nen ? o->nen : l->nen;
	int		 errs = diag_errors(d), rc;

	*out = NULL;
	*outlen = 0;
	if (o->mode != PHOI_CALIB)
		phoi_glyphs(r, l, ce, n, d);
	if (o->mode == PHOI_PREVIEW && nen == NULL)
		diag_add(d, DIAG_ERROR, l->path, 1, 0, "the preview needs the "
		    "scanned blank: give --phoi-nen FILE.png or nen: in the "
		    "layout");
	else if (o->mode == PHOI_PREVIEW && diag_errors(d) == errs &&
	    (bg = png_read(nen, o->nen ? NULL : l->path, o->nen ? 0 :
	    l->nen_line, d)) == NULL && diag_errors(d) == errs)
		return VB_ESYS;
	if (diag_errors(d) > errs)
		return VB_EINPUT;
	if ((dl = layout_phoi(l, render_metrics(r), ce, n, o, bg, d)) == NULL)
		return diag_errors(d) > errs ? VB_EINPUT : VB_ESYS;
	if (o->title != NULL && (dl->title = strdup(o->title)) == NULL) {
		dl_free(dl);
		return VB_ESYS;
	}
	if (render_options(r)->dump_layout)
		rc = (*out = dl_dump(dl, outlen)) == NULL ? VB_ESYS : VB_OK;
	else
		rc = pdf_write(dl, render_font_set(r), render_options(r)->epoch,
		    out, outlen, d);
	dl_free(dl);
	return rc;
}
