/*
 * biff.c - what FreeXL does not tell of an .xls workbook, read from its
 * BIFF8 records: which sheets are hidden (BOUNDSHEET), which rows are
 * hidden (ROW, fDyZero), which ranges are merged (MERGEDCELLS), the
 * cached results of formulas (FORMULA, STRING; shown by their cell's XF
 * and FORMAT as numbers or dates) and whether the workbook is encrypted
 * (FILEPASS).
 *
 * The records live in the "Workbook" stream of an OLE compound file
 * (MS-CFB): the file is read whole (at most TABLE_MAX_ENTRY bytes), its
 * FAT gathered from the DIFAT, and the stream followed sector by sector
 * (or mini-sector by mini-sector, for a stream under the mini stream
 * cutoff).  Every chain is bounded by the number of sectors, so a loop
 * or a sector beyond the file ends the reading: biff_scan then fails and
 * the workbook is read with FreeXL's view alone.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
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

/* The Workbook (or BIFF5's Book) stream of the compound file. */
static unsigned char *
ole_workbook(struct ole *o, size_t *len)
{
	unsigned char	*dir, *mini = NULL, *minifat = NULL, *s = NULL;
	const unsigned char *e, *root;
	size_t		 ndir, nmini, nminifat, i, size;
	uint32_t	 cutoff = le32(o->f + 0x38);

	if ((dir = ole_chain(o, o->fat, o->nfat, NULL, 0, o->ssz,
	    le32(o->f + 0x30), SIZE_MAX, &ndir)) == NULL || ndir < 128)
		goto done;
	root = dir;
	for (i = 0; i + 128 <= ndir; i += 128) {
		e = dir + i;
		if (!ole_named(e, "Workbook") && !ole_named(e, "Book"))
			continue;
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

/* A BIFF8 string at p (n bytes left) as UTF-8: ShortXLUnicodeString
 * (a 1-byte count) when lc is 1, XLUnicodeString (2 bytes) when 2; a
 * string cut by the record's end (its rest in a CONTINUE) is cut there.
 * NULL if not even its header fits. */
static char *
biff_str(const unsigned char *p, size_t n, size_t lc)
{
	struct vbuf	b = { NULL, 0, 0, 0 };
	size_t		cch, i, w;
	unsigned long	cp;

	if (n < lc + 1)
		return NULL;
	cch = lc == 1 ? p[0] : le16(p);
	w = (p[lc] & 1) ? 2 : 1;
	p += lc + 1;
	n -= lc + 1;
	if (n / w < cch)
		cch = n / w;
	vbuf_puts(&b, "");
	for (i = 0; i < cch; i++) {
		cp = w == 2 ? le16(p + 2 * i) : p[i];
		if (cp >= 0xD800 && cp < 0xDC00 && w == 2 && i + 1 < cch &&
		    le16(p + 2 * i + 2) >= 0xDC00 && le16(p + 2 * i + 2) < 0xE000) {
			cp = 0x10000 + ((cp - 0xD800) << 10) +
			    (le16(p + 2 * i + 2) - 0xDC00);
			i++;
		} else if (cp >= 0xD800 && cp < 0xE000)
			cp = 0xFFFD;
		vbuf_put_cp(&b, (uint32_t)cp);
	}
	return vbuf_take(&b);
}

/* Keep the cached value val (malloc'd, or NULL: OOM) of the formula at
 * 0-based row r, column c. */
static int
biff_keep(struct biff_sheet *sh, unsigned r, unsigned c, char *val)
{
	if (sh->nfc > TABLE_MAX_CELLS) {	/* the grid refuses them */
		free(val);
		return 0;
	}
	if (val == NULL || vb_grow((void **)&sh->fc, &sh->capfc, sh->nfc + 1,
	    sizeof(*sh->fc)) != 0) {
		free(val);
		return -1;
	}
	sh->fc[sh->nfc].r = (long)r + 1;
	sh->fc[sh->nfc].c = c;
	sh->fc[sh->nfc++].val = val;
	return 0;
}

/* The cached result of a FORMULA record (p: its 20+ bytes) as shown; a
 * string result is in the STRING record after it (*want_str set). */
static char *
biff_formula(const struct biff_book *b, const unsigned char *p,
    int *want_str)
{
	static const struct { unsigned code; const char *s; } err[] = {
		{ 0x00, "#NULL!" }, { 0x07, "#DIV/0!" }, { 0x0F, "#VALUE!" },
		{ 0x17, "#REF!" }, { 0x1D, "#NAME?" }, { 0x24, "#NUM!" },
		{ 0x2A, "#N/A" }
	};
	char		 buf[64];
	uint64_t	 bits;
	double		 v;
	unsigned	 xf = le16(p + 4), i;
	enum tnum_kind	 k;

	*want_str = 0;
	if (p[12] == 0xFF && p[13] == 0xFF) {
		switch (p[6]) {
		case 0:
			*want_str = 1;
			return NULL;
		case 1:
			return strdup(p[8] ? "TRUE" : "FALSE");
		case 2:
			for (i = 0; i < sizeof(err) / sizeof(err[0]); i++)
				if (err[i].code == p[8])
					return strdup(err[i].s);
			return strdup("#ERROR");
		default:
			return strdup("");
		}
	}
	bits = (uint64_t)le32(p + 6) | (uint64_t)le32(p + 10) << 32;
	memcpy(&v, &bits, sizeof(v));
	k = xf < b->nxf ? b->xf[xf] : TNUM_NUMBER;
	if (k == TNUM_NUMBER || table_serial(v, b->date1904, k, buf) != 0)
		table_num(v, buf);
	return strdup(buf);
}

/* The hidden rows, merged ranges and formula results of the sheet whose
 * BOF is at sh->pos. */
static int
biff_sheet(const struct biff_book *b, const unsigned char *s, size_t n,
    struct biff_sheet *sh)
{
	const unsigned char	*p;
	size_t			 off, len, k, cnt;
	unsigned		 type, fr = 0, fc = 0;
	int			 depth = 0, want_str = 0;
	struct tgrid_merge	*m;

	for (off = sh->pos; off + 4 <= n; off += 4 + len) {
		type = le16(s + off);
		len = le16(s + off + 2);
		p = s + off + 4;
		if (n - off - 4 < len || (off == sh->pos && type != BIFF_BOF))
			return -1;
		if (type == BIFF_BOF)
			depth++;
		else if (type == BIFF_EOF && --depth <= 0)
			return 0;
		if (depth != 1)
			continue;
		if (type == BIFF_FORMULA && len >= 20) {
			fr = le16(p);
			fc = le16(p + 2);
			if (biff_keep(sh, fr, fc, biff_formula(b, p, &want_str))
			    != 0 && !want_str)
				return -1;
		} else if (type == BIFF_STRING && want_str) {
			want_str = 0;
			if (biff_keep(sh, fr, fc, biff_str(p, len, 2)) != 0)
				return -1;
		} else if (type == BIFF_ROW && len >= 16 && (le16(p + 12) & 0x20)) {
			if (vb_grow((void **)&sh->hidden_rows, &sh->caph,
			    sh->nh + 1, sizeof(long)) != 0)
				return -1;
			sh->hidden_rows[sh->nh++] = (long)le16(p) + 1;
		} else if (type == BIFF_MERGED && len >= 2) {
			cnt = le16(p);
			/* one past the limit: tgrid_merge then refuses */
			for (k = 0; k < cnt && 2 + 8 * k + 8 <= len &&
			    sh->nm <= TABLE_MAX_MERGES; k++) {
				if (vb_grow((void **)&sh->m, &sh->capm,
				    sh->nm + 1, sizeof(*sh->m)) != 0)
					return -1;
				m = &sh->m[sh->nm++];
				m->r1 = (long)le16(p + 2 + 8 * k) + 1;
				m->r2 = (long)le16(p + 4 + 8 * k) + 1;
				m->c1 = le16(p + 6 + 8 * k);
				m->c2 = le16(p + 8 + 8 * k);
			}
		}
	}
	return -1;
}

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
		if (vb_grow((void **)&b->xf, &b->capxf, b->nxf + 1,
		    sizeof(*b->xf)) != 0)
			return -1;
		b->xf[b->nxf++] = kind;
	} else if (type == BIFF_SHEET && len >= 8) {
		if (vb_grow((void **)&b->s, &b->cap, b->n + 1,
		    sizeof(*b->s)) != 0)
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

/* Walk the globals (encryption, date system, formats, sheets), then
 * each worksheet. */
static int
biff_walk(const unsigned char *s, size_t n, struct biff_book *b)
{
	size_t		off, len, i;
	unsigned	type;

	for (off = 0; off + 4 <= n; off += 4 + len) {
		type = le16(s + off);
		len = le16(s + off + 2);
		if (n - off - 4 < len)
			return -1;
		if (type == BIFF_FILEPASS) {
			b->filepass = 1;
			return 0;
		}
		if (type == BIFF_EOF)
			break;
		if (biff_global(b, type, s + off + 4, len) != 0)
			return -1;
	}
	if (off + 4 > n)
		return -1;
	for (i = 0; i < b->n; i++)
		if (b->s[i].worksheet && biff_sheet(b, s, n, &b->s[i]) != 0)
			return -1;
	return 0;
}

int
biff_scan(const char *path, struct biff_book *b)
{
	struct ole	 o;
	unsigned char	*f = NULL, *s = NULL;
	size_t		 n = 0, cap = 0, len;
	FILE		*fp;
	int		 rc = -1;

	memset(b, 0, sizeof(*b));
	memset(&o, 0, sizeof(o));
	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	for (;;) {
		if (vb_grow((void **)&f, &cap, n + 65536, 1) != 0)
			goto done;
		len = fread(f + n, 1, 65536, fp);
		n += len;
		if (len == 0 || n > (size_t)TABLE_MAX_ENTRY)
			break;
	}
	if (ferror(fp) || n > (size_t)TABLE_MAX_ENTRY || n < 512)
		goto done;
	o.f = f;
	o.n = n;
	o.ssz = le16(f + 0x1E) == 12 ? 4096 : 512;
	if (le16(f + 0x1E) != 9 && le16(f + 0x1E) != 12)
		goto done;
	if (ole_fat(&o) != 0 || (s = ole_workbook(&o, &len)) == NULL)
		goto done;
	rc = biff_walk(s, len, b);
done:
	fclose(fp);
	free(o.fat);
	free(f);
	free(s);
	if (rc != 0)
		biff_free(b);
	return rc;
}

void
biff_free(struct biff_book *b)
{
	size_t i, j;

	for (i = 0; i < b->n; i++) {
		free(b->s[i].name);
		free(b->s[i].hidden_rows);
		free(b->s[i].m);
		for (j = 0; j < b->s[i].nfc; j++)
			free(b->s[i].fc[j].val);
		free(b->s[i].fc);
	}
	free(b->s);
	free(b->xf);
	free(b->fid);
	free(b->fkind);
	memset(b, 0, sizeof(*b));
}
