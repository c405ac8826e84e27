/*
 * test_pdf.c - vanban's replacement of libharu's glyph lookup
 * (HPDF_TTFontDef_GetGlyphid, gen/out/pdf.c) gives libharu's own answer
 * (found with dlsym(RTLD_NEXT)) for every BMP code point of every face,
 * asked in increasing order as libharu's encoder asks, then in a
 * scrambled order as text drawing asks; and the replacements of
 * HPDF_MemCpy and HPDF_MemSet write and return what libharu's do.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_utils.h>

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

typedef HPDF_BYTE *(*memcpy_fn)(HPDF_BYTE *, const HPDF_BYTE *, HPDF_UINT);
typedef void *(*memset_fn)(void *, HPDF_BYTE, HPDF_UINT);

static void
mem(void)
{
	memcpy_fn	 cpy = (memcpy_fn)(uintptr_t)dlsym(RTLD_NEXT, "HPDF_MemCpy");
	memset_fn	 set = (memset_fn)(uintptr_t)dlsym(RTLD_NEXT, "HPDF_MemSet");
	HPDF_BYTE	 a[64], b[64], src[64];
	unsigned	 n, i;
	int		 same = 1;

	CHECK("memcpy_libharu_found", cpy != NULL && set != NULL);
	if (cpy == NULL || set == NULL)
		return;
	for (i = 0; i < sizeof(src); i++)
		src[i] = (HPDF_BYTE)(i * 7 + 1);
	for (n = 0; n <= 40; n++) {
		memset(a, 0, sizeof(a));
		memset(b, 0, sizeof(b));
		if (HPDF_MemCpy(a + 3, src, n) - a != cpy(b + 3, src, n) - b ||
		    memcmp(a, b, sizeof(a)) != 0)
			same = 0;
		if ((HPDF_BYTE *)HPDF_MemSet(a + 5, 0xAB, n) - a !=
		    (HPDF_BYTE *)set(b + 5, 0xAB, n) - b ||
		    memcmp(a, b, sizeof(a)) != 0)
			same = 0;
		/* A copy down into an overlapping buffer. */
		memcpy(a, src, sizeof(a));
		memcpy(b, src, sizeof(b));
		if (HPDF_MemCpy(a, a + 2, n) - a != cpy(b, b + 2, n) - b ||
		    memcmp(a, b, sizeof(a)) != 0)
			same = 0;
	}
	CHECK("memcpy_memset_as_libharu", same);
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
	mem();
	return check_failed != 0;
}
