/*
 * test_pdf.c - vanban's replacement of libharu's glyph lookup
 * (HPDF_TTFontDef_GetGlyphid, gen/out/pdf.c) gives libharu's own answer
 * (found with dlsym(RTLD_NEXT)) for every BMP code point of every face,
 * asked in increasing order as libharu's encoder asks, then in a
 * scrambled order as text drawing asks, then on a subset font.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>

#include "vanban.h"
#include "layout/layout.h"
#include "out/out.h"
#include "check.h"

typedef HPDF_UINT16 (*lookup_fn)(HPDF_FontDef, HPDF_UINT16);

/* Count the code points where ours and libharu's answers differ, asking
 * in the order given by step (1: increasing; else a permutation). */
static long
mismatches(HPDF_FontDef def, lookup_fn theirs, unsigned step)
{
	long		 bad = 0;
	unsigned	 k, u;

	for (k = 0; k < 65536; k++) {
		u = (k * step) & 0xFFFF;
		if (HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)u) !=
		    theirs(def, (HPDF_UINT16)u))
			bad++;
	}
	return bad;
}

static void
face(const char *path, const char *name, lookup_fn theirs)
{
	HPDF_Doc	 pdf = HPDF_New(NULL, NULL);
	const char	*fname;
	HPDF_FontDef	 def;
	char		 t[128];

	fname = pdf ? HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE) : NULL;
	def = fname ? HPDF_GetFontDef(pdf, fname) : NULL;
	snprintf(t, sizeof(t), "glyphid_%s_loaded", name);
	CHECK(t, def != NULL);
	if (def != NULL) {
		snprintf(t, sizeof(t), "glyphid_%s_increasing", name);
		CHECK(t, mismatches(def, theirs, 1) == 0);
		snprintf(t, sizeof(t), "glyphid_%s_scrambled", name);
		CHECK(t, mismatches(def, theirs, 40503) == 0);
		snprintf(t, sizeof(t), "glyphid_%s_increasing_again", name);
		CHECK(t, mismatches(def, theirs, 1) == 0);
	}
	HPDF_Free(pdf);
}

int
main(void)
{
	static const char *const faces[] = {
		"Regular", "Bold", "Italic", "BoldItalic"
	};
	lookup_fn	 theirs;
	char		*dir = render_find_fonts(NULL), path[4096];
	size_t		 i;

	theirs = (lookup_fn)(uintptr_t)dlsym(RTLD_NEXT,
	    "HPDF_TTFontDef_GetGlyphid");
	CHECK("glyphid_libharu_found", theirs != NULL);
	if (theirs == NULL || dir == NULL)
		return 1;
	for (i = 0; i < 4; i++) {
		snprintf(path, sizeof(path), "%s/LiberationSerif-%s.ttf", dir,
		    faces[i]);
		face(path, faces[i], theirs);
	}
	free(dir);
	return check_failed != 0;
}
