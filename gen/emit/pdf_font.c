/*
 * pdf_font.c - the faces of a PDF: which characters the display lists
 * draw in each face (their CIDs: 1, 2, ... in code point order), and
 * each used face written as a Type 0 font over a CIDFontType2 whose
 * program is a HarfBuzz subset of just those characters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "base/base.h"
#include "layout/layout.h"
#include "emit/emit.h"
#include "emit/pdf_int.h"

static int
pdf_cp_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* The CID of cp in face f (0, .notdef, if the face does not have it). */
unsigned
pdf_cid(const struct pdf_face *f, uint32_t cp)
{
	size_t lo = 0, hi = f->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (f->cp[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->n && f->cp[lo] == cp ? (unsigned)lo + 1 : 0;
}

/* A subset's tag: six capitals from the face and its characters, so the
 * same document always gets the same name. */
static void
pdf_tag(const struct pdf_face *f, int face, char tag[7])
{
	uint32_t	h = 2166136261u ^ (uint32_t)face;
	size_t		i;

	for (i = 0; i < f->n; i++)
		h = (h ^ f->cp[i]) * 16777619u;
	for (i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
		h = h * 2654435761u + (uint32_t)i;
	}
	tag[6] = '\0';
}

/* Write the seven objects of face `face`, numbered from f->obj. */
int
pdf_font(struct pdf *p, struct pdf_face *f, int face, struct font_set *fs,
    struct diag *d)
{
	struct font_info	 fi;
	struct vbuf		 b = { NULL, 0, 0, 0 };
	unsigned		*gid;
	unsigned char		*map;
	char			*sub = NULL, tag[7], extra[64];
	size_t			 len = 0, i;
	int			 o = f->obj;

	gid = calloc(f->n + 1, sizeof(*gid));
	map = calloc(f->n + 1, 2);
	if (gid == NULL || map == NULL ||
	    font_set_subset(fs, face, f->cp, f->n, &sub, &len, gid) != 0) {
		diag_add(d, DIAG_ERROR, font_set_path(fs, face), 0, 0,
		    "cannot subset the font for the PDF");
		free(gid);
		free(map);
		return -1;
	}
	font_set_info(fs, face, &fi);
	pdf_tag(f, face, tag);
	pdf_begin(p, o);
	vbuf_printf(&p->out, "<< /Type /Font /Subtype /Type0 /BaseFont "
	    "/%s+%s /Encoding ", tag, fi.psname);
	if (f->bytes == 1)
		vbuf_printf(&p->out, "%d 0 R", p->cmap1);
	else
		vbuf_puts(&p->out, "/Identity-H");
	vbuf_printf(&p->out, " /DescendantFonts [%d 0 R] /ToUnicode %d 0 R "
	    ">>\nendobj\n", o + 1, o + 4);
	pdf_begin(p, o + 1);
	vbuf_printf(&p->out, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont "
	    "/%s+%s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
	    "/Supplement 0 >> /FontDescriptor %d 0 R /CIDToGIDMap %d 0 R ",
	    tag, fi.psname, o + 2, o + 5);
	pdf_widths(&p->out, f);
	vbuf_puts(&p->out, " >>\nendobj\n");
	pdf_begin(p, o + 2);
	vbuf_printf(&p->out, "<< /Type /FontDescriptor /FontName /%s+%s "
	    "/Flags %d /FontBBox [%d %d %d %d] /ItalicAngle ", tag, fi.psname,
	    2 | 32 | (fi.italic_angle != 0 ? 64 : 0), fi.bbox[0], fi.bbox[1],
	    fi.bbox[2], fi.bbox[3]);
	pdf_real(&p->out, fi.italic_angle);
	vbuf_printf(&p->out, " /Ascent %d /Descent %d /CapHeight %d "
	    "/XHeight %d /StemV %d /FontFile2 %d 0 R /CIDSet %d 0 R >>\n"
	    "endobj\n", fi.ascent, fi.descent, fi.cap_height, fi.x_height,
	    fi.stem_v, o + 3, o + 6);
	snprintf(extra, sizeof(extra), "/Length1 %zu", len);
	pdf_stream(p, o + 3, extra, sub, len);
	pdf_tounicode(&b, f);
	pdf_stream(p, o + 4, "", b.s, b.len);
	for (i = 0; i < f->n; i++) {
		map[2 * (i + 1)] = (unsigned char)(gid[i] >> 8);
		map[2 * (i + 1) + 1] = (unsigned char)gid[i];
	}
	pdf_stream(p, o + 5, "", map, 2 * (f->n + 1));
	pdf_cidset(p, o + 6, f);
	p->bad |= b.bad;
	free(b.s);
	free(sub);
	free(gid);
	free(map);
	return 0;
}

/* Add cp to face f's set: a bit for the BMP (seen), the rest listed. */
static int
pdf_see(struct pdf_face *f, uint64_t *seen, uint32_t cp)
{
	if (cp < 0x10000) {
		seen[cp >> 6] |= 1ULL << (cp & 63);
		return 0;
	}
	if (vb_grow((void **)&f->cp, &f->cap, f->n + 1, sizeof(*f->cp)) != 0)
		return -1;
	f->cp[f->n++] = cp;
	return 0;
}

/* Add the code points of dl's text items to fc's sets. */
static int
pdf_see_dl(const struct dl *dl, struct pdf_face *fc, uint64_t *seen)
{
	size_t	 i;
	int	 f;

	for (i = 0; i < dl->n; i++) {
		const unsigned char	*u;
		utf8proc_int32_t	 cp;
		utf8proc_ssize_t	 k;

		if (dl->v[i].kind != DL_TEXT)
			continue;
		f = dl->v[i].face & 3;
		for (u = (const unsigned char *)dl->v[i].text; *u; u += k) {
			if ((k = utf8proc_iterate(u, -1, &cp)) <= 0) {
				k = 1;
				cp = 0xFFFD;
			}
			if (pdf_see(&fc[f], seen + 1024 * f, (uint32_t)cp) != 0)
				return -1;
		}
	}
	return 0;
}

/* The code points of every text item, by face, sorted and distinct
 * (contract in pdf_int.h). */
int
pdf_collect(const struct dl *const *dls, size_t n, struct pdf_face *fc)
{
	uint64_t	*seen;
	size_t		 i, o, w;
	int		 f, rc = -1;

	if ((seen = calloc(LAYOUT_NFACES * 1024, sizeof(*seen))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (pdf_see_dl(dls[i], fc, seen) != 0)
			goto done;
	for (f = 0; f < LAYOUT_NFACES; f++) {
		struct pdf_face	*pf = &fc[f];
		size_t		 big = pf->n;
		uint32_t	*v;

		if (big > 0)   /* (qsort and memcpy take no NULL) */
			qsort(pf->cp, big, sizeof(*pf->cp), pdf_cp_cmp);
		for (i = o = 0; i < big; i++)
			if (o == 0 || pf->cp[o - 1] != pf->cp[i])
				pf->cp[o++] = pf->cp[i];
		big = o;
		for (w = 0, o = 0; w < 1024; w++)
			o += (size_t)__builtin_popcountll(seen[1024 * f + w]);
		if (o + big == 0)
			continue;
		/* A space for each face used: the pages put one between
		 * words (pdf_text). */
		if ((seen[1024 * f] & 1ULL << 0x20) == 0) {
			seen[1024 * f] |= 1ULL << 0x20;
			o++;
		}
		if ((v = malloc((o + big) * sizeof(*v))) == NULL)
			goto done;
		for (w = 0, o = 0; w < 1024; w++) {
			uint64_t bits = seen[1024 * f + w];

			for (; bits != 0; bits &= bits - 1)
				v[o++] = (uint32_t)(w * 64 +
				    (size_t)__builtin_ctzll(bits));
		}
		if (big > 0)
			memcpy(v + o, pf->cp, big * sizeof(*v));
		free(pf->cp);
		pf->cp = v;
		pf->n = pf->cap = o + big;
	}
	rc = 0;
done:
	free(seen);
	return rc;
}
