/*
 * fontfile.c - a font file read and checked before HarfBuzz or the PDF
 * writer sees it.  HarfBuzz is lenient: it takes a CFF (OpenType) face
 * under a .ttf name, replaces a unitsPerEm of 0 by 1000 and reads past a
 * short hmtx, and the PDF then embeds a FontFile2 that every reader warns
 * about.  The checks here are those of the tables vanban relies on:
 *
 *   - the file is a TrueType sfnt (version 0x00010000 or 'true'), every
 *     table inside the file;
 *   - glyf and loca: TrueType outlines, each glyph's offsets in order and
 *     inside glyf (a CFF or CFF2 face is refused by name);
 *   - head: the magic number, unitsPerEm in 16..16384, a loca format of
 *     0 or 1;
 *   - maxp: at least one glyph; hhea: 1 <= numberOfHMetrics <= numGlyphs;
 *     hmtx long enough for both;
 *   - cmap: a Unicode subtable (platform 0, or 3 with encoding 1 or 10)
 *     of format 4 or 12 inside the table.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "layout/layout.h"
#include "emit/emit.h"

#define FONT_FILE_MAX (64L << 20)   /* bytes: a face is < 1 MB */

/* A table of the face: where it is in the file. */
struct ftab {
	const unsigned char	*p;     /* its bytes, NULL: absent */
	uint32_t		 len;   /* its length in bytes */
};

static uint32_t
be16(const unsigned char *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* Table tag of the face in *t; NULL (found, or absent: t->p NULL) or
 * why the directory is bad (translated, as every reason below). */
static const char *
font_table(const unsigned char *f, size_t n, const char *tag,
    struct ftab *t)
{
	uint32_t i, nt = be16(f + 4), off, len;

	t->p = NULL;
	t->len = 0;
	if (12 + 16 * (size_t)nt > n)
		return vb_tr("a table lies past the end of the file");
	for (i = 0; i < nt; i++) {
		const unsigned char *r = f + 12 + 16 * i;

		if (memcmp(r, tag, 4) != 0)
			continue;
		off = be32(r + 8);
		len = be32(r + 12);
		if (off > n || len > n - off)
			return vb_tr("a table lies past the end of the file");
		t->p = f + off;
		t->len = len;
		return NULL;
	}
	return NULL;
}

/* Whether cmap has a Unicode subtable that can be read. */
static int
font_cmap_ok(const struct ftab *c)
{
	uint32_t i, nrec, pid, eid, off;

	if (c->len < 4)
		return 0;
	nrec = be16(c->p + 2);
	if (4 + 8 * (size_t)nrec > c->len)
		return 0;
	for (i = 0; i < nrec; i++) {
		const unsigned char *r = c->p + 4 + 8 * i;

		pid = be16(r);
		eid = be16(r + 2);
		off = be32(r + 4);
		if (!(pid == 0 || (pid == 3 && (eid == 1 || eid == 10))) ||
		    off > c->len - 4)
			continue;
		if (be16(c->p + off) == 4 && be16(c->p + off + 2) <= c->len - off)
			return 1;
		if (be16(c->p + off) == 12 && c->len - off >= 8 &&
		    be32(c->p + off + 4) <= c->len - off)
			return 1;
	}
	return 0;
}

/* Each glyph's outline inside glyf: loca's offsets in order, the last
 * within glyf. */
static const char *
font_loca(const struct ftab *loca, const struct ftab *glyf,
    uint32_t nglyphs, int longfmt)
{
	uint32_t i, o, prev = 0;

	if ((uint64_t)loca->len < ((uint64_t)nglyphs + 1) * (longfmt ? 4 : 2))
		return vb_tr("the loca table is shorter than the glyphs "
		    "of maxp");
	for (i = 0; i <= nglyphs; i++) {
		o = longfmt ? be32(loca->p + 4 * i) : be16(loca->p + 2 * i) * 2;
		if (o < prev || o > glyf->len)
			return vb_tr("a glyph's outline (loca) lies outside "
			    "the glyf table");
		prev = o;
	}
	return NULL;
}

/* The metrics tables: head, maxp, hhea, hmtx.  *nglyphs and *longfmt
 * for the loca check. */
static const char *
font_metrics(const unsigned char *f, size_t n, uint32_t *nglyphs,
    int *longfmt)
{
	struct ftab	 head, maxp, hhea, hmtx;
	const char	*why;
	uint32_t	 upem, nhm;

	if ((why = font_table(f, n, "head", &head)) != NULL ||
	    (why = font_table(f, n, "maxp", &maxp)) != NULL ||
	    (why = font_table(f, n, "hhea", &hhea)) != NULL ||
	    (why = font_table(f, n, "hmtx", &hmtx)) != NULL)
		return why;
	if (head.len < 54 || be32(head.p + 12) != 0x5F0F3CF5)
		return vb_tr("not a TrueType font (head table)");
	upem = be16(head.p + 18);
	if (upem < 16 || upem > 16384)
		return vb_tr("unitsPerEm in head is not between 16 and "
		    "16384");
	if (be16(head.p + 50) > 1)
		return vb_tr("not a TrueType font (head table)");
	*longfmt = be16(head.p + 50) == 1;
	if (maxp.len < 6 || (*nglyphs = be16(maxp.p + 4)) == 0)
		return vb_tr("no glyphs (maxp table)");
	if (hhea.len < 36)
		return vb_tr("no horizontal metrics (hhea table)");
	nhm = be16(hhea.p + 34);
	if (nhm == 0 || nhm > *nglyphs)
		return vb_tr("numberOfHMetrics in hhea is 0 or more than "
		    "the glyphs of maxp");
	if (hmtx.len < 4 * nhm + 2 * (*nglyphs - nhm))
		return vb_tr("the hmtx table is shorter than hhea and maxp "
		    "say");
	return NULL;
}

/* NULL when the n bytes at f are a TrueType face vanban can use, else
 * why not (translated). */
static const char *
font_check(const unsigned char *f, size_t n)
{
	struct ftab	 glyf, loca, cmap, cff;
	const char	*why;
	uint32_t	 nglyphs = 0;
	int		 longfmt = 0;

	if (n < 12)
		return vb_tr("not a TrueType font");
	if (memcmp(f, "OTTO", 4) == 0)
		return vb_tr("CFF outlines (OpenType/CFF), not TrueType");
	if (memcmp(f, "ttcf", 4) == 0)
		return vb_tr("a font collection (.ttc), not one TrueType "
		    "face");
	if (memcmp(f, "wOF", 3) == 0)
		return vb_tr("a web font (WOFF), not TrueType");
	if (be32(f) != 0x00010000 && memcmp(f, "true", 4) != 0)
		return vb_tr("not a TrueType font");
	if ((why = font_metrics(f, n, &nglyphs, &longfmt)) != NULL ||
	    (why = font_table(f, n, "glyf", &glyf)) != NULL ||
	    (why = font_table(f, n, "loca", &loca)) != NULL ||
	    (why = font_table(f, n, "cmap", &cmap)) != NULL ||
	    (why = font_table(f, n, "CFF ", &cff)) != NULL)
		return why;
	if (glyf.p == NULL || loca.p == NULL)
		return cff.p != NULL ? vb_tr("CFF outlines (OpenType/CFF), "
		    "not TrueType") : vb_tr("no TrueType outlines (glyf and "
		    "loca tables)");
	if ((why = font_loca(&loca, &glyf, nglyphs, longfmt)) != NULL)
		return why;
	if (cmap.p == NULL || !font_cmap_ok(&cmap))
		return vb_tr("no Unicode character map (cmap)");
	return NULL;
}

/* The whole regular file at path (at most FONT_FILE_MAX bytes) into
 * *buf, *n; VB_OK, or the status with a message in d. */
static int
font_slurp(const char *path, unsigned char **buf, size_t *n, struct diag *d)
{
	FILE	*fp;
	size_t	 cap = 0, got;
	int	 rc;

	*buf = NULL;
	*n = 0;
	if (access(path, F_OK) != 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0,
		    "cannot open font (set VB_FONT_DIR?)");
		return VB_ESYS;
	}
	if ((rc = vb_open_read(path, &fp, d)) != VB_OK)
		return rc;
	do {
		if (*n >= (size_t)FONT_FILE_MAX) {
			diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot use the "
			    "font %s: %s", path, vb_tr("larger than 64 MB"));
			rc = VB_ESYS;
			break;
		}
		if (vb_grow((void **)buf, &cap, *n + 65536, 1) != 0) {
			diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory");
			rc = VB_ESYS;
			break;
		}
		got = fread(*buf + *n, 1, cap - *n, fp);
		*n += got;
	} while (got > 0);
	if (rc == VB_OK && ferror(fp)) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		rc = VB_ESYS;
	}
	fclose(fp);
	if (rc != VB_OK) {
		free(*buf);
		*buf = NULL;
	}
	return rc;
}

int
font_file_read(const char *path, char **bytes, size_t *len, struct diag *d)
{
	unsigned char	*buf;
	size_t		 n;
	const char	*why;
	int		 rc;

	*bytes = NULL;
	*len = 0;
	if ((rc = font_slurp(path, &buf, &n, d)) != VB_OK)
		return rc;
	if ((why = font_check(buf, n)) != NULL) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "cannot use the font %s: %s",
		    path, why);
		free(buf);
		return VB_ESYS;
	}
	*bytes = (char *)buf;
	*len = n;
	return VB_OK;
}
