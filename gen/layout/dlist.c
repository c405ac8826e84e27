/*
 * layout_dlist.c - the display list: what layout decided to draw where.
 * The PDF writer only draws it; dl_dump prints it as text for the golden
 * tests (positions in pt, y from the top of the page).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "doc/doc.h"
#include "layout/layout.h"

struct dl *
dl_new(void)
{
	return calloc(1, sizeof(struct dl));
}

void
dl_free(struct dl *dl)
{
	size_t i;

	if (dl == NULL)
		return;
	for (i = 0; i < dl->n; i++)
		free(dl->v[i].text);
	free(dl->v);
	for (i = 0; i < dl->nimg; i++)
		dl_image_free(dl->img[i]);
	free(dl->img);
	free(dl->title);
	free(dl->fit);
	free(dl->author);
	free(dl->subject);
	free(dl);
}

struct dl_item *
dl_add(struct dl *dl, enum dl_kind kind, double x, double y, double x2,
    double y2, double size, int face, const char *text, size_t n)
{
	struct dl_item *it;

	if (vb_grow((void **)&dl->v, &dl->cap, dl->n + 1, sizeof(*dl->v)) != 0)
		return NULL;
	it = &dl->v[dl->n];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->x_pt = x;
	it->y_pt = y;
	it->x2_pt = x2;
	it->y2_pt = y2;
	it->size_pt = size;
	it->face = face;
	if (text != NULL) {
		if ((it->text = malloc(n + 1)) == NULL)
			return NULL;
		memcpy(it->text, text, n);
		it->text[n] = '\0';
	}
	dl->n++;
	return it;
}

void
dl_image_free(struct dl_image *im)
{
	if (im == NULL)
		return;
	free(im->px);
	free(im);
}

int
dl_add_image(struct dl *dl, struct dl_image *im)
{
	if (vb_grow((void **)&dl->img, &dl->capimg, dl->nimg + 1,
	    sizeof(*dl->img)) != 0) {
		dl_image_free(im);
		return -1;
	}
	dl->img[dl->nimg] = im;
	return (int)dl->nimg++;
}

static const char *const face_names[DOC_NFACES] = { "R", "B", "I", "BI" };

char *
dl_dump(const struct dl *dl, size_t *len)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	size_t		 i;
	int		 page = 0;

	vbuf_printf(&b, "info title \"%s\"\n", dl->title ? dl->title : "");
	vbuf_printf(&b, "info author \"%s\"\n", dl->author ? dl->author : "");
	vbuf_printf(&b, "info subject \"%s\"\n", dl->subject ? dl->subject : "");
	if (dl->fit != NULL)
		vbuf_printf(&b, "info fit \"%s\"\n", dl->fit);
	for (i = 0; i < dl->n; i++) {
		const struct dl_item *it = &dl->v[i];

		switch (it->kind) {
		case DL_PAGE:
			vbuf_printf(&b, "page %d %.2fx%.2f\n", ++page, it->x2_pt,
			    it->y2_pt);
			break;
		case DL_TEXT:
			vbuf_printf(&b, "text %.2f %.2f %s %.1f \"%s\"\n",
			    it->x_pt, it->y_pt, face_names[it->face & 3],
			    it->size_pt, it->text);
			break;
		case DL_RULE:
			vbuf_printf(&b, "rule %.2f %.2f %.2f %.2f w%.2f\n",
			    it->x_pt, it->y_pt, it->x2_pt, it->y2_pt,
			    it->size_pt);
			break;
		case DL_BOX:
			vbuf_printf(&b, "box %.2f %.2f %.2fx%.2f w%.2f\n",
			    it->x_pt, it->y_pt, it->x2_pt, it->y2_pt,
			    it->size_pt);
			break;
		case DL_MARK:
			vbuf_printf(&b, "mark %d %.2f \"%s\"\n", it->face,
			    it->y_pt, it->text);
			break;
		case DL_FILL:
			vbuf_printf(&b, "fill %.2f %.2f %.2fx%.2f g%.2f w%.2f\n",
			    it->x_pt, it->y_pt, it->x2_pt, it->y2_pt, it->grey,
			    it->size_pt);
			break;
		case DL_IMAGE:
			vbuf_printf(&b, "image %.2f %.2f %.2fx%.2f %dx%d c%d\n",
			    it->x_pt, it->y_pt, it->x2_pt, it->y2_pt,
			    dl->img[it->face]->w_px, dl->img[it->face]->h_px,
			    dl->img[it->face]->comps);
			break;
		}
	}
	*len = b.len;
	return vbuf_take(&b);
}
