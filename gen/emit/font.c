/*
 * font.c - font metrics for layout, and subsets and descriptions for the
 * PDF writer, from the TTF files through HarfBuzz.  Advances are given in
 * 1/1000 em, truncated: the PDF writer puts the same numbers in its /W
 * arrays, so the positions layout computes are the ones a viewer draws.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hb-subset.h>
#include <hb-ot.h>
#include <utf8proc.h>

#include "base/base.h"
#include "layout/layout.h"
#include "emit/emit.h"

static const char *const face_files[LAYOUT_NFACES] = {
	"LiberationSerif-Regular.ttf",
	"LiberationSerif-Bold.ttf",
	"LiberationSerif-Italic.ttf",
	"LiberationSerif-BoldItalic.ttf",
};

#define CACHE_CPS 0x2000  /* advances cached for U+0000..U+1FFF */

struct font_set {
	char		*path[LAYOUT_NFACES];   /* TTF paths */
	hb_face_t	*face[LAYOUT_NFACES];
	hb_font_t	*font[LAYOUT_NFACES];   /* scale = units per em */
	unsigned	 upem[LAYOUT_NFACES];   /* units per em */
	short		*cache[LAYOUT_NFACES];  /* advance+1 (1/1000 em), 0 unknown */
};

static void	 font_set_free(struct font_set *);

struct font_set *
font_set_new(const char *font_dir, struct diag *d)
{
	struct font_set	*fs;
	int		 i;

	if ((fs = calloc(1, sizeof(*fs))) == NULL)
		return NULL;
	for (i = 0; i < LAYOUT_NFACES; i++) {
		hb_blob_t	*blob;
		size_t		 n = strlen(font_dir) + strlen(face_files[i]) + 2;
		char		*bytes;

		if ((fs->path[i] = malloc(n)) == NULL)
			goto fail;
		snprintf(fs->path[i], n, "%s/%s", font_dir, face_files[i]);
		/* Read and checked (fontfile.c) before HarfBuzz sees it. */
		if (font_file_read(fs->path[i], &bytes, &n, d) != VB_OK)
			goto fail;
		blob = hb_blob_create(bytes, (unsigned)n,
		    HB_MEMORY_MODE_READONLY, bytes, free);
		fs->face[i] = hb_face_create(blob, 0);
		hb_blob_destroy(blob);
		fs->upem[i] = hb_face_get_upem(fs->face[i]);
		if (hb_face_get_glyph_count(fs->face[i]) == 0 ||
		    fs->upem[i] == 0) {
			diag_add(d, DIAG_ERROR, fs->path[i], 0, 0,
			    "not a usable TrueType font");
			goto fail;
		}
		fs->font[i] = hb_font_create(fs->face[i]);
		hb_font_set_scale(fs->font[i], (int)fs->upem[i],
		    (int)fs->upem[i]);
		fs->cache[i] = calloc(CACHE_CPS, sizeof(short));
		if (fs->cache[i] == NULL)
			goto fail;
	}
	return fs;
fail:
	font_set_free(fs);
	return NULL;
}

static void
font_set_free(struct font_set *fs)
{
	int i;

	if (fs == NULL)
		return;
	for (i = 0; i < LAYOUT_NFACES; i++) {
		free(fs->path[i]);
		if (fs->font[i])
			hb_font_destroy(fs->font[i]);
		if (fs->face[i])
			hb_face_destroy(fs->face[i]);
		free(fs->cache[i]);
	}
	free(fs);
}

static int
font_advance(void *ctx, int face, uint32_t cp)
{
	struct font_set	*fs = ctx;
	hb_codepoint_t	 gid;
	int		 adv;

	if (face < 0 || face >= LAYOUT_NFACES)
		face = LAYOUT_REGULAR;
	if (cp < CACHE_CPS && fs->cache[face][cp] != 0)
		return fs->cache[face][cp] - 1;
	if (!hb_font_get_nominal_glyph(fs->font[face], cp, &gid))
		adv = -1;
	else
		adv = (int)((long)hb_font_get_glyph_h_advance(fs->font[face],
		    gid) * 1000 / (long)fs->upem[face]);
	if (cp < CACHE_CPS)
		fs->cache[face][cp] = (short)(adv + 1);
	return adv;
}

struct layout_font
font_set_metrics(struct font_set *fs)
{
	struct layout_font lf;

	lf.ctx = fs;
	lf.advance = font_advance;
	return lf;
}

const char *
font_set_path(const struct font_set *fs, int face)
{
	return fs->path[face];
}

int
font_set_subset(struct font_set *fs, int face, const uint32_t *cps, size_t n,
    char **out, size_t *outlen, unsigned *gids)
{
	/* Tables a PDF viewer does not read: no shaping (the layout
	 * tables) and no rasteriser hints (gasp).  The character map stays
	 * although the PDF maps its codes to glyphs itself (CIDToGIDMap):
	 * tools that rewrite a PDF (mutool convert) rebuild the text's
	 * Unicode from it, and garble it without. */
	static const hb_tag_t drop[] = {
		HB_TAG('G','D','E','F'), HB_TAG('G','P','O','S'),
		HB_TAG('G','S','U','B'), HB_TAG('g','a','s','p'),
	};
	hb_subset_input_t	*in;
	hb_subset_plan_t	*plan;
	const hb_map_t		*u2o, *o2n;
	hb_face_t		*sub;
	hb_blob_t		*blob;
	const char		*data;
	unsigned		 len;
	size_t			 i;

	if ((in = hb_subset_input_create_or_fail()) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		hb_set_add(hb_subset_input_unicode_set(in), cps[i]);
	for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		hb_set_add(hb_subset_input_set(in,
		    HB_SUBSET_SETS_DROP_TABLE_TAG), drop[i]);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	plan = hb_subset_plan_create_or_fail(fs->face[face], in);
	hb_subset_input_destroy(in);
	if (plan == NULL)
		return -1;
	sub = hb_subset_plan_execute_or_fail(plan);
	u2o = hb_subset_plan_unicode_to_old_glyph_mapping(plan);
	o2n = hb_subset_plan_old_to_new_glyph_mapping(plan);
	for (i = 0; i < n; i++) {
		hb_codepoint_t g = hb_map_get(o2n, hb_map_get(u2o, cps[i]));

		gids[i] = g == HB_MAP_VALUE_INVALID ? 0 : g;
	}
	hb_subset_plan_destroy(plan);
	if (sub == NULL)
		return -1;
	blob = hb_face_reference_blob(sub);
	data = hb_blob_get_data(blob, &len);
	*out = NULL;
	if (len > 0 && (*out = malloc(len)) != NULL) {
		memcpy(*out, data, len);
		*outlen = len;
	}
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	return *out ? 0 : -1;
}

/* A big-endian 16-bit signed value of table t at offset o (0 past its
 * end). */
static int
font_s16(const char *t, unsigned len, unsigned o)
{
	if (o + 2 > len)
		return 0;
	return (int16_t)((uint16_t)((unsigned char)t[o] << 8 |
	    (unsigned char)t[o + 1]));
}

/* v (1/1000 em) rounded away from zero: a box or a height in a font
 * descriptor then encloses what the font's own units say. */
static int
font_outward(double v)
{
	double r = v < 0 ? floor(v + 1e-9) : ceil(v - 1e-9);

	return (int)r;
}

/* The advance of cp in face, 1/1000 em rounded to the nearest unit (the
 * PDF's /W: within half a unit of the font's hmtx); -1 when the face has
 * no glyph for it. */
int
font_set_width(struct font_set *fs, int face, uint32_t cp)
{
	hb_codepoint_t gid;
	long a;

	if (face < 0 || face >= LAYOUT_NFACES)
		face = LAYOUT_REGULAR;
	if (!hb_font_get_nominal_glyph(fs->font[face], cp, &gid))
		return -1;
	a = (long)hb_font_get_glyph_h_advance(fs->font[face], gid);
	return (int)((a * 2000 / (long)fs->upem[face] + 1) / 2);
}

int
font_set_info(struct font_set *fs, int face, struct font_info *fi)
{
	hb_font_t	*f = fs->font[face];
	hb_blob_t	*head;
	hb_position_t	 v;
	const char	*t;
	unsigned	 len, size = sizeof(fi->psname), i;
	double		 k = 1000.0 / (double)fs->upem[face], w;

	memset(fi, 0, sizeof(*fi));
	if (hb_ot_name_get_utf8(fs->face[face], HB_OT_NAME_ID_POSTSCRIPT_NAME,
	    HB_LANGUAGE_INVALID, &size, fi->psname) == 0)
		snprintf(fi->psname, sizeof(fi->psname), "LiberationSerif");
	/* A PDF name: keep only what needs no escaping. */
	for (i = 0; fi->psname[i] != '\0'; i++)
		if (fi->psname[i] <= ' ' || fi->psname[i] > '~' ||
		    strchr("()<>[]{}/%#", fi->psname[i]) != NULL)
			fi->psname[i] = '-';
	if (hb_ot_metrics_get_position(f, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER,
	    &v))
		fi->ascent = font_outward(v * k);
	if (hb_ot_metrics_get_position(f,
	    HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v))
		fi->descent = font_outward(v * k);
	if (hb_ot_metrics_get_position(f, HB_OT_METRICS_TAG_CAP_HEIGHT, &v))
		fi->cap_height = font_outward(v * k);
	if (hb_ot_metrics_get_position(f, HB_OT_METRICS_TAG_X_HEIGHT, &v))
		fi->x_height = font_outward(v * k);
	head = hb_face_reference_table(fs->face[face], HB_TAG('h','e','a','d'));
	t = hb_blob_get_data(head, &len);
	for (i = 0; i < 4; i++)
		fi->bbox[i] = font_outward(font_s16(t, len, 36 + 2 * i) * k);
	hb_blob_destroy(head);
	fi->italic_angle = hb_style_get_value(f, HB_STYLE_TAG_SLANT_ANGLE);
	w = hb_style_get_value(f, HB_STYLE_TAG_WEIGHT);
	fi->bold = w >= 600;
	/* A vertical stem's width from the weight class (the font has no
	 * such field; readers use it only to pick a substitute). */
	fi->stem_v = (int)(10 + 220 * ((w - 50) / 900) * ((w - 50) / 900));
	return 0;
}
