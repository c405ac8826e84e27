/*
 * png.c - a scanned blank (PNG) as an opaque 8-bit image for the
 * certificates' preview, read with libpng's simplified API: every PNG
 * kind (grey, RGB, palette, 16-bit, interlaced, with alpha or tRNS) is
 * decoded, and an alpha channel is composed onto white, since PDF/A-1
 * has no transparency.  libpng is already in every vanban process
 * (HarfBuzz -> FreeType -> libpng), so it costs nothing at start; a
 * reader of our own would have had to handle fewer kinds and be fuzzed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "base/base.h"
#include "layout/layout.h"
#include "emit/emit.h"

/* The largest image taken: an A3 scan at 400 dpi is 31 million. */
#define PNG_MAX_PIXELS	60000000L

/* What the file's first bytes say it is, for the message. */
static const char *
png_kind(const unsigned char *h, size_t n)
{
	if (n >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF)
		return vb_tr("a JPEG image");
	if (n >= 4 && (memcmp(h, "%PDF", 4) == 0))
		return vb_tr("a PDF");
	if (n >= 4 && (memcmp(h, "II*", 4) == 0 || memcmp(h, "MM\0*", 4) == 0))
		return vb_tr("a TIFF image");
	if (n >= 2 && h[0] == 'B' && h[1] == 'M')
		return vb_tr("a BMP image");
	return vb_tr("not an image vanban reads");
}

struct dl_image *
png_read(const char *path, const char *file, int line, struct diag *d)
{
	png_image	 im;
	png_color	 white = { 255, 255, 255 };
	struct dl_image	*out;
	unsigned char	 head[8];
	size_t		 got = 0;
	FILE		*fp;

	if ((fp = fopen(path, "rb")) == NULL) {
		diag_add(d, DIAG_ERROR, file ? file : path, line, 0,
		    "cannot open the scanned blank %s", path);
		return NULL;
	}
	got = fread(head, 1, sizeof(head), fp);
	fclose(fp);
	if (got < 8 || png_sig_cmp(head, 0, 8) != 0) {
		diag_add(d, DIAG_ERROR, file ? file : path, line, 0, "%s is %s, "
		    "not a PNG: save the scanned blank as PNG",
		    path, png_kind(head, got));
		return NULL;
	}
	memset(&im, 0, sizeof(im));
	im.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&im, path))
		goto bad;
	if ((long)im.width * (long)im.height > PNG_MAX_PIXELS) {
		diag_add(d, DIAG_ERROR, file ? file : path, line, 0, "%s has "
		    "%u × %u pixels, more than %ld million: scan at 150 to 300 "
		    "dpi", path, im.width, im.height, PNG_MAX_PIXELS / 1000000);
		png_image_free(&im);
		return NULL;
	}
	im.format = (im.format & PNG_FORMAT_FLAG_COLOR) ? PNG_FORMAT_RGB :
	    PNG_FORMAT_GRAY;
	if ((out = calloc(1, sizeof(*out))) == NULL ||
	    (out->px = malloc(PNG_IMAGE_SIZE(im))) == NULL) {
		free(out);
		png_image_free(&im);
		return NULL;
	}
	out->w_px = (int)im.width;
	out->h_px = (int)im.height;
	out->comps = (im.format & PNG_FORMAT_FLAG_COLOR) ? 3 : 1;
	if (png_image_finish_read(&im, &white, out->px, 0, NULL))
		return out;
	dl_image_free(out);
bad:
	diag_add(d, DIAG_ERROR, file ? file : path, line, 0, "%s: cannot read "
	    "the PNG: %s", path, im.message);
	png_image_free(&im);
	return NULL;
}
