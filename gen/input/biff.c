/*
 * biff.c - legacy Excel workbooks (.xls): the BIFF8 records of the
 * "Workbook" stream of an OLE compound file, read by vanban itself, so
 * that no untrusted byte reaches a library that trusts its input.
 *
 * The compound file (MS-CFB) is read whole (at most TABLE_MAX_ENTRY
 * bytes), its FAT gathered from the DIFAT, and the stream followed
 * sector by sector (or mini-sector by mini-sector, for a stream under the
 * mini stream cutoff).  Every chain is bounded by the number of sectors,
 * so a loop or a sector beyond the file ends the reading as "damaged".
 *
 * Of the records (MS-XLS), the globals give the sheets (BOUNDSHEET),
 * the date system (DATEMODE), the number formats (FORMAT, XF), the
 * shared strings (SST and its CONTINUE records) and encryption
 * (FILEPASS); a worksheet's substream gives its cells (LABELSST, LABEL,
 * RSTRING, NUMBER, RK, MULRK, BOOLERR, and FORMULA with its STRING: the
 * cached result), hidden rows (ROW, fDyZero) and merged ranges
 * (MERGEDCELLS).  Numbers are shown by their cell's XF as numbers or
 * dates.  Every length is checked against the record it lies in; a
 * record that does not fit stops the reading, and *where* it stopped
 * (the record's type and offset) is kept for the message.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/input.h"
#include "input/table.h"

#define OLE_END		0xFFFFFFFEu	/* ENDOFCHAIN */
#define OLE_FREE	0xFFFFFFFFu	/* FREESECT, also "none" */

#define BIFF_BOF	0x0809
#define BIFF_EOF	0x000A
#define BIFF_FILEPASS	0x002F
#define BIFF_SHEET	0x0085		/* BOUNDSHEET */
#define BIFF_ROW	0x0208
#define BIFF_MERGED	0x00E5		/* MERGEDCELLS */
#define BIFF_FORMULA	0x0006
#define BIFF_STRING	0x0207		/* a formula's string result */
#define BIFF_DATEMODE	0x0022
#define BIFF_FORMAT	0x041E
#define BIFF_XF		0x00E0
#define BIFF_SST	0x00FC
#define BIFF_CONTINUE	0x003C
#define BIFF_LABELSST	0x00FD
#define BIFF_LABEL	0x0204
#define BIFF_RSTRING	0x00D6
#define BIFF_NUMBER	0x0203
#define BIFF_RK		0x027E
#define BIFF_MULRK	0x00BD
#define BIFF_BOOLERR	0x0205

static const struct { unsigned type; const char *name; } biff_names[] = {
	{ BIFF_BOF, "BOF" }, { BIFF_EOF, "EOF" }, { BIFF_SHEET, "BOUNDSHEET" },
	{ BIFF_ROW, "ROW" }, { BIFF_MERGED, "MERGEDCELLS" },
	{ BIFF_FORMULA, "FORMULA" }, { BIFF_STRING, "STRING" },
	{ BIFF_FORMAT, "FORMAT" }, { BIFF_XF, "XF" }, { BIFF_SST, "SST" },
	{ BIFF_CONTINUE, "CONTINUE" }, { BIFF_LABELSST, "LABELSST" },
	{ BIFF_LABEL, "LABEL" }, { BIFF_RSTRING, "RSTRING" },
	{ BIFF_NUMBER, "NUMBER" }, { BIFF_RK, "RK" }, { BIFF_MULRK, "MULRK" },
	{ BIFF_BOOLERR, "BOOLERR" }, { BIFF_DATEMODE, "DATEMODE" }
};

/* The compound file in memory. */
struct ole {
	const unsigned char	*f;      /* the file */
	size_t			 n;      /* its bytes */
	size_t			 ssz;    /* sector size: 512 or 4096 */
	uint32_t		*fat;    /* the FAT */
	size_t			 nfat;   /* its entries */
};

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static unsigned
le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/* Sector k of the file, or NULL beyond it. */
static const unsigned char *
ole_sector(const struct ole *o, uint32_t k)
{
	size_t off = ((size_t)k + 1) * o->ssz;

	if (k >= OLE_END - 5 || off / o->ssz != (size_t)k + 1 ||
	    off > o->n || o->n - off < o->ssz)
		return NULL;
	return o->f + off;
}

/*
 * Follow the chain from start through fat (nfat entries), copying units
 * of `unit` bytes taken by get (file sectors) or from src (the mini
 * stream, srclen bytes), until `size` bytes (SIZE_MAX: the whole chain).
 * Malloc'd with its length in *len, or NULL.
 */
static unsigned char *
ole_chain(const struct ole *o, const uint32_t *fat, size_t nfat,
    const unsigned char *src, size_t srclen, size_t unit, uint32_t start,
    size_t size, size_t *len)
{
	unsigned char		*out = NULL;
	const unsigned char	*p;
	size_t			 cap = 0, used = 0, steps = 0;
	uint32_t		 k;

	for (k = start; k != OLE_END && used < size; k = fat[k]) {
		if (k >= nfat || ++steps > nfat)
			goto bad;
		if (src != NULL)
			p = (size_t)k * unit + unit <= srclen ?
			    src + (size_t)k * unit : NULL;
		else
			p = ole_sector(o, k);
		if (p == NULL || vb_grow((void **)&out, &cap, used + unit, 1) != 0)
			goto bad;
		memcpy(out + used, p, unit);
		used += unit;
	}
	if (size != SIZE_MAX) {
		if (used < size)
			goto bad;
		used = size;
	}
	*len = used;
	if (out == NULL)
		out = malloc(1);
	return out;
bad:
	free(out);
	return NULL;
}

/* Gather the FAT from the DIFAT of the header and its chain. */
static int
ole_fat(struct ole *o)
{
	const unsigned char	*h = o->f, *p;
	size_t			 per = o->ssz / 4, i, nsec, cap = 0, steps = 0;
	uint32_t		 k, next;

	nsec = le32(h + 0x2C);
	for (i = 0; i < 109 && i < nsec; i++) {
		if ((p = ole_sector(o, le32(h + 0x4C + 4 * i))) == NULL ||
		    vb_grow((void **)&o->fat, &cap, o->nfat + per, 4) != 0)
			return -1;
		for (k = 0; k < per; k++)
			o->fat[o->nfat++] = le32(p + 4 * k);
	}
	for (next = le32(h + 0x44); i < nsec && next < OLE_END - 5;) {
		if ((p = ole_sector(o, next)) == NULL || ++steps > o->n / o->ssz)
			return -1;
		for (k = 0; k + 1 < per && i < nsec; k++, i++) {
			const unsigned char *q = ole_sector(o, le32(p + 4 * k));

			if (q == NULL || vb_grow((void **)&o->fat, &cap,
			    o->nfat + per, 4) != 0)
				return -1;
			for (size_t j = 0; j < per; j++)
				o->fat[o->nfat++] = le32(q + 4 * j);
		}
		next = le32(p + 4 * (per - 1));
	}
	return o->nfat > 0 ? 0 : -1;
}

/* Is directory entry e the stream `name`? */
static int
ole_named(const unsigned char *e, const char *name)
{
	size_t i, n = strlen(name);

	if (le16(e + 0x40) != 2 * (n + 1) || e[0x42] != 2)
		return 0;
	for (i = 0; i < n; i++)
		if (e[2 * i] != (unsigned char)name[i] || e[2 * i + 1] != 0)
			return 0;
	return 1;
}

/* The Workbook stream of the compound file; *found tells whether
 * there is one (1), only BIFF5's Book (2), neither (0), or whether the
 * directory cannot be read (-1). */
static unsigned char *
ole_workbook(struct ole *o, size_t *len, int *found)
{
	unsigned char	*dir, *mini = NULL, *minifat = NULL, *s = NULL;
	const unsigned char *e, *root;
	size_t		 ndir, nmini, nminifat, i, size;
	uint32_t	 cutoff = le32(o->f + 0x38);

	*found = -1;
	if ((dir = ole_chain(o, o->fat, o->nfat, NULL, 0, o->ssz,
	    le32(o->f + 0x30), SIZE_MAX, &ndir)) == NULL || ndir < 128)
		goto done;
	*found = 0;
	root = dir;
	for (i = 0; i + 128 <= ndir; i += 128) {
		e = dir + i;
		if (ole_named(e, "Book") && *found == 0)
			*found = 2;
		if (!ole_named(e, "Workbook"))
			continue;
		*found = 1;
		size = le32(e + 0x78);
		if (size > (size_t)TABLE_MAX_ENTRY)
			break;
		if (size >= cutoff) {
			s = ole_chain(o, o->fat, o->nfat, NULL, 0, o->ssz,
			    le32(e + 0x74), size, len);
			break;
		}
		/* In the mini stream: the root entry's chain, cut in 64-byte
		 * mini-sectors that the mini FAT chains. */
		if ((mini = ole_chain(o, o->fat, o->nfat, NULL, 0, o->ssz,
		    le32(root + 0x74), le32(root + 0x78), &nmini)) == NULL ||
		    (minifat = ole_chain(o, o->fat, o->nfat, NULL, 0, o->ssz,
		    le32(o->f + 0x3C), SIZE_MAX, &nminifat)) == NULL)
			break;
		for (size_t k = 0; k < nminifat / 4; k++)
			((uint32_t *)(void *)minifat)[k] = le32(minifat + 4 * k);
		s = ole_chain(o, (uint32_t *)(void *)minifat, nminifat / 4, mini,
		    nmini, 64, le32(e + 0x74), size, len);
		break;
	}
done:
	free(dir);
	free(mini);
	free(minifat);
	return s;
}

/* ------------------------------------------------------------------ */
/* Strings                                                              */
/* ------------------------------------------------------------------ */

const char *
biff_rec_name(unsigned type)
{
	size_t i;

	for (i = 0; i < sizeof(biff_names) / sizeof(biff_names[0]); i++)
		if (biff_names[i].type == type)
			return biff_names[i].name;
	return "?";
}

/* Append to b the first characters of the cch at p (n bytes, w bytes a
 * character: 1 for the compressed form, 2 for UTF-16LE) that fit in n;
 * the number appended. */
static size_t
biff_chars(struct vbuf *b, const unsigned char *p, size_t n, size_t cch,
    size_t w)
{
	size_t		i;
	unsigned long	cp, lo;

	if (n / w < cch)
		cch = n / w;
	for (i = 0; i < cch; i++) {
		cp = w == 2 ? le16(p + 2 * i) : p[i];
		lo = w == 2 && i + 1 < cch ? le16(p + 2 * i + 2) : 0;
		if (cp >= 0xD800 && cp < 0xDC00 && lo >= 0xDC00 && lo < 0xE000) {
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			i++;
		} else if (cp >= 0xD800 && cp < 0xE000)
			cp = 0xFFFD;
		vbuf_put_cp(b, (uint32_t)cp);
	}
	return cch;
}

/* A BIFF8 string at p (n bytes left) as UTF-8: ShortXLUnicodeString
 * (a 1-byte count) when lc is 1, XLUnicodeString (2 bytes) when 2; a
 * string cut by the record's end (its rest in a CONTINUE) is cut there.
 * NULL if not even its header fits. */
static char *
biff_str(const unsigned char *p, size_t n, size_t lc)
{
	struct vbuf	b = { NULL, 0, 0, 0 };
	size_t		cch;

	if (n < lc + 1)
		return NULL;
	cch = lc == 1 ? p[0] : le16(p);
	vbuf_puts(&b, "");
	biff_chars(&b, p + lc + 1, n - lc - 1, cch, (p[lc] & 1) ? 2 : 1);
	return vbuf_take(&b);
}

/*
 * The shared strings: the SST record and the CONTINUE records after it,
 * joined into one buffer `d` whose segment ends are `ends`.  A string's
 * header, rich-text runs and phonetic block run on across segments, but
 * its characters, when cut by a segment's end, go on after a new flags
 * byte (fHighByte: 1 or 2 bytes a character) at the next segment's
 * start (MS-XLS 2.5.293, XLUnicodeRichExtendedString).
 */
struct sst {
	unsigned char	*d;       /* the segments, joined */
	size_t		 n;       /* bytes */
	size_t		 cap;     /* allocated */
	size_t		*ends;    /* end offset of each segment */
	size_t		 nends;   /* segments */
	size_t		 capends; /* allocated */
	size_t		 p;       /* read position */
	size_t		 k;       /* first segment whose end is >= p */
};

/* The end of the segment the read position is in (or at the end of). */
static size_t
sst_end(struct sst *r)
{
	while (r->k + 1 < r->nends && r->ends[r->k] < r->p)
		r->k++;
	return r->ends[r->k];
}

/* The next string into *out (malloc'd): 0, or -1 (damaged or OOM:
 * *out NULL for damaged, set for OOM... both end the reading). */
static int
sst_next(struct sst *r, char **out)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	size_t		 cch, w, runs = 0, ext = 0, end, got;
	unsigned	 fl;

	*out = NULL;
	if (r->n - r->p < 3)
		return -1;
	cch = le16(r->d + r->p);
	fl = r->d[r->p + 2];
	r->p += 3;
	if ((fl & 8) && r->n - r->p >= 2) {
		runs = le16(r->d + r->p);
		r->p += 2;
	} else if (fl & 8)
		return -1;
	if ((fl & 4) && r->n - r->p >= 4) {
		ext = le32(r->d + r->p);
		r->p += 4;
	} else if (fl & 4)
		return -1;
	w = (fl & 1) ? 2 : 1;
	vbuf_puts(&b, "");
	while (cch > 0) {
		end = sst_end(r);
		if (end == r->p) {		/* a new segment: its flags */
			if (r->p >= r->n)
				break;
			w = (r->d[r->p++] & 1) ? 2 : 1;
			continue;
		}
		got = biff_chars(&b, r->d + r->p, end - r->p, cch, w);
		if (got == 0)			/* half a character */
			break;
		r->p += got * w;
		cch -= got;
	}
	if (cch > 0 || r->n - r->p < runs * 4 ||
	    r->n - r->p - runs * 4 < ext) {
		free(b.s);
		return -1;
	}
	r->p += runs * 4 + ext;
	*out = vbuf_take(&b);
	return *out == NULL ? -1 : 0;
}

/* Append the n bytes at p to the joined segments. */
static int
sst_add(struct sst *r, const unsigned char *p, size_t n)
{
	if (vb_grow((void **)&r->d, &r->cap, r->n + n + 1, 1) != 0 ||
	    vb_grow((void **)&r->ends, &r->capends, r->nends + 1,
	    sizeof(*r->ends)) != 0)
		return -1;
	memcpy(r->d + r->n, p, n);
	r->n += n;
	r->ends[r->nends++] = r->n;
	return 0;
}

/*
 * Read the SST record at off of the stream s (n bytes) and the CONTINUE
 * records after it into b->sst.  A list that ends before the count it
 * declares is taken as it is; a string that runs past the last segment
 * is damage.
 */
static int
biff_sst(struct biff_book *b, const unsigned char *s, size_t n, size_t off)
{
	struct sst	 r;
	size_t		 len = le16(s + off + 2), cnt;
	char		*str;
	int		 rc = 0;

	memset(&r, 0, sizeof(r));
	if (len < 8)
		return -1;
	cnt = le32(s + off + 8);
	if (sst_add(&r, s + off + 12, len - 8) != 0)
		return -1;
	for (off += 4 + len; off + 4 <= n && le16(s + off) == BIFF_CONTINUE;
	    off += 4 + len) {
		if ((len = le16(s + off + 2)) > n - off - 4 ||
		    sst_add(&r, s + off + 4, len) != 0) {
			rc = -1;
			break;
		}
	}
	while (rc == 0 && b->nsst < cnt && r.p < r.n) {
		if (b->nsst >= TABLE_MAX_STRINGS || vb_grow((void **)&b->sst,
		    &b->capsst, b->nsst + 1, sizeof(*b->sst)) != 0 ||
		    sst_next(&r, &str) != 0) {
			rc = -1;
			break;
		}
		b->sst[b->nsst++] = str;
	}
	free(r.d);
	free(r.ends);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The globals                                                          */
/* ------------------------------------------------------------------ */

/* One record of the globals substream (p: its len bytes). */
static int
biff_global(struct biff_book *b, unsigned type, const unsigned char *p,
    size_t len)
{
	struct biff_sheet	*sh;
	char			*code;
	unsigned		 id, k;
	enum tnum_kind		 kind;

	if (type == BIFF_DATEMODE && len >= 2)
		b->date1904 = le16(p) == 1;
	else if (type == BIFF_FORMAT && len >= 5) {
		if ((code = biff_str(p + 2, len - 2, 2)) == NULL ||
		    vb_grow((void **)&b->fid, &b->capf, b->nf + 1,
		    sizeof(*b->fid)) != 0 || vb_grow((void **)&b->fkind,
		    &b->capk, b->nf + 1, sizeof(*b->fkind)) != 0) {
			free(code);
			return -1;
		}
		b->fid[b->nf] = le16(p);
		b->fkind[b->nf++] = table_fmt_kind(code);
		free(code);
	} else if (type == BIFF_XF && len >= 4) {
		id = le16(p + 2);
		kind = table_builtin_kind(id);
		for (k = 0; k < b->nf; k++)
			if (b->fid[k] == id)
				kind = b->fkind[k];
		if (b->nxf >= TABLE_MAX_XF || vb_grow((void **)&b->xf,
		    &b->capxf, b->nxf + 1, sizeof(*b->xf)) != 0)
			return -1;
		b->xf[b->nxf++] = kind;
	} else if (type == BIFF_SHEET && len >= 8) {
		if (b->n >= TABLE_MAX_SHEETS || vb_grow((void **)&b->s,
		    &b->cap, b->n + 1, sizeof(*b->s)) != 0)
			return -1;
		sh = &b->s[b->n++];
		memset(sh, 0, sizeof(*sh));
		sh->pos = le32(p);
		sh->hidden = (p[4] & 3) != 0;
		sh->worksheet = p[5] == 0;
		if ((sh->name = biff_str(p + 6, len - 6, 1)) == NULL)
			return -1;
	}
	return 0;
}

/* Walk the globals: encryption, date system, formats, strings, sheets.
 * BIFF_OK, BIFF_OLD (not BIFF8) or BIFF_DAMAGED (b->stop set). */
static int
biff_walk(const unsigned char *s, size_t n, struct biff_book *b)
{
	size_t		off, len;
	unsigned	type;

	for (off = 0; off + 4 <= n; off += 4 + len) {
		b->stop = off;
		b->stop_type = type = le16(s + off);
		len = le16(s + off + 2);
		if (n - off - 4 < len || (off == 0 && (type != BIFF_BOF ||
		    len < 4)))
			return BIFF_DAMAGED;
		if (off == 0 && le16(s + 4) != 0x0600)
			return BIFF_OLD;
		if (type == BIFF_FILEPASS) {
			b->filepass = 1;
			return BIFF_OK;
		}
		if (type == BIFF_EOF)
			return BIFF_OK;
		if (type == BIFF_SST && b->sst == NULL) {
			if (biff_sst(b, s, n, off) != 0)
				return BIFF_DAMAGED;
		} else if (biff_global(b, type, s + off + 4, len) != 0)
			return BIFF_DAMAGED;
	}
	b->stop = off;
	b->stop_type = BIFF_EOF;
	return BIFF_DAMAGED;
}

/* ------------------------------------------------------------------ */
/* A worksheet                                                          */
/* ------------------------------------------------------------------ */

/* The number v of a cell of format xf as shown: a date or time when its
 * format is one, else as table_num writes it. */
static void
biff_num(const struct biff_book *b, unsigned xf, double v, char buf[64])
{
	enum tnum_kind k = xf < b->nxf ? b->xf[xf] : TNUM_NUMBER;

	if (k == TNUM_NUMBER || table_serial(v, b->date1904, k, buf) != 0)
		table_num(v, buf);
}

/* An RK number (MS-XLS 2.5.217): 30 bits of an integer or the top of a
 * double, maybe divided by 100. */
static double
biff_rk(uint32_t rk)
{
	uint64_t	bits;
	double		v;

	if (rk & 2)
		v = (double)((int32_t)(rk & 0xFFFFFFFCu) / 4);
	else {
		bits = (uint64_t)(rk & 0xFFFFFFFCu) << 32;
		memcpy(&v, &bits, sizeof(v));
	}
	return (rk & 1) ? v / 100 : v;
}

/* A boolean or an error value (BOOLERR, a FORMULA's result) as shown. */
static const char *
biff_boolerr(unsigned v, int err)
{
	static const struct { unsigned code; const char *s; } e[] = {
		{ 0x00, "#NULL!" }, { 0x07, "#DIV/0!" }, { 0x0F, "#VALUE!" },
		{ 0x17, "#REF!" }, { 0x1D, "#NAME?" }, { 0x24, "#NUM!" },
		{ 0x2A, "#N/A" }
	};
	size_t i;

	if (!err)
		return v ? "TRUE" : "FALSE";
	for (i = 0; i < sizeof(e) / sizeof(e[0]); i++)
		if (e[i].code == v)
			return e[i].s;
	return "#ERROR";
}

/* The cached result of a FORMULA record (p: its 20+ bytes) as shown in
 * buf; a string result is in the STRING record after it (*want_str). */
static void
biff_formula(const struct biff_book *b, const unsigned char *p,
    int *want_str, char buf[64])
{
	uint64_t	bits;
	double		v;

	*want_str = 0;
	buf[0] = '\0';
	if (p[12] == 0xFF && p[13] == 0xFF) {
		if (p[6] == 0)
			*want_str = 1;
		else if (p[6] == 1 || p[6] == 2)
			snprintf(buf, 64, "%s", biff_boolerr(p[8], p[6] == 2));
		return;
	}
	bits = (uint64_t)le32(p + 6) | (uint64_t)le32(p + 10) << 32;
	memcpy(&v, &bits, sizeof(v));
	biff_num(b, le16(p + 4), v, buf);
}

/* Put the text s (malloc'd; NULL: out of memory) at 0-based r, c. */
static int
biff_put_str(struct tgrid *g, unsigned r, unsigned c, char *s)
{
	int rc;

	if (s == NULL) {
		g->oom = 1;
		return -1;
	}
	rc = tgrid_put(g, (long)r + 1, c, s, strlen(s));
	free(s);
	return rc;
}

/* One cell record (type, its len >= 6 bytes at p) into g; -1 when the
 * grid refused it (g->failed or g->oom), -2 when it is damaged. */
static int
biff_cell(const struct biff_book *b, unsigned type, const unsigned char *p,
    size_t len, struct tgrid *g, int *want_str)
{
	char		 buf[64];
	unsigned	 r = le16(p), c = le16(p + 2), k;
	uint64_t	 bits;
	double		 v;

	buf[0] = '\0';
	switch (type) {
	case BIFF_LABELSST:
		if (len < 10 || le32(p + 6) >= b->nsst)
			return -2;
		return tgrid_put(g, (long)r + 1, c, b->sst[le32(p + 6)],
		    strlen(b->sst[le32(p + 6)]));
	case BIFF_LABEL: case BIFF_RSTRING:
		if (len < 9)
			return -2;
		return biff_put_str(g, r, c, biff_str(p + 6, len - 6, 2));
	case BIFF_NUMBER:
		if (len < 14)
			return -2;
		bits = (uint64_t)le32(p + 6) | (uint64_t)le32(p + 10) << 32;
		memcpy(&v, &bits, sizeof(v));
		biff_num(b, le16(p + 4), v, buf);
		break;
	case BIFF_RK:
		if (len < 10)
			return -2;
		biff_num(b, le16(p + 4), biff_rk(le32(p + 6)), buf);
		break;
	case BIFF_MULRK:	/* ixfe and RK for columns c, c+1, ... */
		for (k = 0; 4 + 6 * k + 6 + 2 <= len; k++) {
			biff_num(b, le16(p + 4 + 6 * k),
			    biff_rk(le32(p + 6 + 6 * k)), buf);
			if (tgrid_put(g, (long)r + 1, c + k, buf,
			    strlen(buf)) != 0)
				return -1;
		}
		return 0;
	case BIFF_BOOLERR:
		if (len < 8)
			return -2;
		snprintf(buf, sizeof(buf), "%s", biff_boolerr(p[6], p[7]));
		break;
	case BIFF_FORMULA:
		if (len < 20)
			return -2;
		biff_formula(b, p, want_str, buf);
		break;
	default:
		return 0;
	}
	return tgrid_put(g, (long)r + 1, c, buf, strlen(buf));
}

/* The merged ranges of a MERGEDCELLS record (p: its len bytes). */
static int
biff_merged(const unsigned char *p, size_t len, struct tgrid *g)
{
	size_t k, cnt = le16(p);

	for (k = 0; k < cnt && 2 + 8 * k + 8 <= len; k++)
		if (tgrid_merge(g, (long)le16(p + 2 + 8 * k) + 1,
		    le16(p + 6 + 8 * k), (long)le16(p + 4 + 8 * k) + 1,
		    le16(p + 8 + 8 * k)) != 0 || g->failed)
			return -1;
	return 0;
}

int
biff_sheet_read(struct biff_book *b, size_t i, struct tgrid *g)
{
	const unsigned char	*s = b->st, *p;
	size_t			 n = b->len, off, len;
	unsigned		 type, fr = 0, fc = 0;
	int			 depth = 0, want_str = 0, k;

	for (off = b->s[i].pos; off + 4 <= n; off += 4 + len) {
		b->stop = off;
		b->stop_type = type = le16(s + off);
		len = le16(s + off + 2);
		p = s + off + 4;
		if (n - off - 4 < len || (off == b->s[i].pos &&
		    type != BIFF_BOF))
			return BIFF_DAMAGED;
		if (type == BIFF_BOF)
			depth++;
		else if (type == BIFF_EOF && --depth <= 0)
			return BIFF_OK;
		if (depth != 1)
			continue;
		if (type == BIFF_STRING && want_str) {
			want_str = 0;
			if (biff_put_str(g, fr, fc, biff_str(p, len, 2)) != 0)
				return BIFF_OK;		/* g says why */
		} else if (type == BIFF_ROW && len >= 16) {
			if (le16(p + 12) & 0x20)
				tgrid_hide(g, (long)le16(p) + 1);
		} else if (type == BIFF_MERGED && len >= 2) {
			if (biff_merged(p, len, g) != 0)
				return BIFF_OK;
		} else if (len >= 6) {
			if (type == BIFF_FORMULA) {
				fr = le16(p);
				fc = le16(p + 2);
			}
			if ((k = biff_cell(b, type, p, len, g, &want_str)) == -2)
				return BIFF_DAMAGED;
			if (k != 0)
				return BIFF_OK;
		}
		if (g->oom)
			return BIFF_OK;
	}
	b->stop = off;
	b->stop_type = BIFF_EOF;
	return BIFF_DAMAGED;
}

/* ------------------------------------------------------------------ */
/* The file                                                             */
/* ------------------------------------------------------------------ */

int
biff_open(const char *path, struct biff_book *b)
{
	struct ole	 o;
	unsigned char	*f = NULL;
	size_t		 n = 0, cap = 0, len;
	FILE		*fp;
	int		 rc = BIFF_NOMEM, found = 0;

	memset(b, 0, sizeof(*b));
	memset(&o, 0, sizeof(o));
	b->stop_type = BIFF_NOREC;
	if ((fp = fopen(path, "rb")) == NULL)
		return BIFF_IO;
	for (;;) {
		if (vb_grow((void **)&f, &cap, n + 65536, 1) != 0)
			goto done;
		len = fread(f + n, 1, 65536, fp);
		n += len;
		if (len == 0 || n > (size_t)TABLE_MAX_ENTRY)
			break;
	}
	rc = BIFF_IO;
	if (ferror(fp))
		goto done;
	rc = BIFF_DAMAGED;
	if (n > (size_t)TABLE_MAX_ENTRY || n < 512 ||
	    (le16(f + 0x1E) != 9 && le16(f + 0x1E) != 12))
		goto done;
	o.f = f;
	o.n = n;
	o.ssz = le16(f + 0x1E) == 12 ? 4096 : 512;
	if (ole_fat(&o) != 0)
		goto done;
	if ((b->st = ole_workbook(&o, &b->len, &found)) == NULL) {
		rc = found == 2 ? BIFF_OLD : found == 0 ? BIFF_NOBOOK :
		    BIFF_DAMAGED;
		goto done;
	}
	rc = biff_walk(b->st, b->len, b);
done:
	fclose(fp);
	free(o.fat);
	free(f);
	return rc;
}

void
biff_free(struct biff_book *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		free(b->s[i].name);
	for (i = 0; i < b->nsst; i++)
		free(b->sst[i]);
	free(b->s);
	free(b->sst);
	free(b->st);
	free(b->xf);
	free(b->fid);
	free(b->fkind);
	memset(b, 0, sizeof(*b));
}
