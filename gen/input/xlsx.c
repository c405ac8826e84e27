/*
 * xlsx.c - Office Open XML workbooks (.xlsx, .xlsm) with libzip and expat.
 *
 * A workbook is a zip of XML parts: _rels/.rels names the workbook part
 * (xl/workbook.xml: the sheets, their order, names and visibility, and
 * the 1904 date system), whose own relationships name each sheet's part,
 * the shared strings (the text of cells with t="s") and the styles (a
 * cell's s= picks an <xf> of <cellXfs>, whose numFmtId tells a date from
 * a number).  Every part is inflated in chunks straight into expat, so a
 * sheet is never held whole in memory.
 *
 * Hostile input: an entry whose inflated size passes TABLE_MAX_ENTRY, or
 * whose ratio to its compressed size passes TABLE_MAX_RATIO (above 1 MB),
 * is refused both from the zip directory and while inflating (the
 * directory may lie); XML with a DOCTYPE is refused before any entity is
 * declared (no workbook part has one), and expat never loads external
 * entities (no handler is set for them).
 *
 * expat rather than libxml2: the parts are plain, flat XML read once
 * from start to end, which a streaming parser of a few callbacks does in
 * constant memory; entity expansion and DTDs, libxml2's larger attack
 * surface, are what must be refused here anyway.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/xlsx_int.h"

/* ------------------------------------------------------------------ */
/* The workbook part: sheets                                            */
/* ------------------------------------------------------------------ */

struct xsheet {
	char	*name;    /* as the tab shows it */
	char	*rid;     /* r:id, its relationship */
	int	 hidden;  /* state="hidden" or "veryHidden" */
};

struct xbook {
	struct xparse	 xp;      /* first: the common state */
	struct xsheet	*s;       /* sheets in the workbook's order */
	size_t		 n;       /* used */
	size_t		 cap;     /* allocated */
	int		 root;    /* the root element was <workbook> */
	int		 depth;   /* element depth */
};

static void XMLCALL
xbook_start(void *arg, const XML_Char *name, const XML_Char **atts)
{
	struct xbook	*b = arg;
	struct xsheet	*s;
	const char	*ln = xml_local(name), *nm, *rid, *state;

	if (b->depth++ == 0)
		b->root = strcmp(ln, "workbook") == 0;
	if (strcmp(ln, "workbookPr") == 0)
		b->xp.x->date1904 = xl_true(xml_attr(atts, "date1904"));
	if (strcmp(ln, "sheet") != 0)
		return;
	nm = xml_attr(atts, "name");
	rid = xml_attr(atts, "id");
	state = xml_attr(atts, "state");
	if (nm == NULL || rid == NULL)
		return;
	if (b->n >= TABLE_MAX_SHEETS) {
		xl_stop(&b->xp, VB_EINPUT, "the workbook has more "
		    "than %d sheets: it is refused", TABLE_MAX_SHEETS);
		return;
	}
	if (vb_grow((void **)&b->s, &b->cap, b->n + 1, sizeof(*b->s)) != 0)
		goto oom;
	s = &b->s[b->n];
	s->name = text_nfc(nm, strlen(nm), NULL);
	s->rid = strdup(rid);
	s->hidden = state != NULL && strcmp(state, "visible") != 0;
	b->n++;
	if (s->name == NULL || s->rid == NULL)
		goto oom;
	return;
oom:
	xl_stop(&b->xp, VB_ESYS, "out of memory");
}

static void XMLCALL
xbook_end(void *arg, const XML_Char *name)
{
	struct xbook *b = arg;

	(void)name;
	b->depth--;
}

static void
xbook_free(struct xbook *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		free(b->s[i].name);
		free(b->s[i].rid);
	}
	free(b->s);
}

/* ------------------------------------------------------------------ */
/* Shared strings and styles                                            */
/* ------------------------------------------------------------------ */

struct xsst {
	struct xparse	 xp;     /* first: the common state */
	int		 in_si;  /* inside <si> */
	int		 in_rph; /* inside <rPh> (phonetic reading: skipped) */
	struct vbuf	 un;     /* the unescaped text */
};

static void XMLCALL
xsst_start(void *arg, const XML_Char *name, const XML_Char **atts)
{
	struct xsst	*s = arg;
	const char	*ln = xml_local(name);

	(void)atts;
	if (strcmp(ln, "si") == 0) {
		s->in_si = 1;
		s->xp.text.len = 0;
		if (s->xp.text.s != NULL)
			s->xp.text.s[0] = '\0';
	} else if (strcmp(ln, "rPh") == 0)
		s->in_rph = 1;
	else if (strcmp(ln, "t") == 0 && s->in_si && !s->in_rph)
		s->xp.collect = 1;
}

static void XMLCALL
xsst_end(void *arg, const XML_Char *name)
{
	struct xsst	*s = arg;
	struct xlsx	*x = s->xp.x;
	const char	*ln = xml_local(name);
	char		*v;

	if (strcmp(ln, "t") == 0)
		s->xp.collect = 0;
	else if (strcmp(ln, "rPh") == 0)
		s->in_rph = 0;
	else if (strcmp(ln, "si") == 0 && s->in_si) {
		s->in_si = 0;
		if (x->nsst >= TABLE_MAX_STRINGS) {
			xl_stop(&s->xp, VB_EINPUT, "the workbook has more than "
			    "%d different texts: it is refused",
			    TABLE_MAX_STRINGS);
			return;
		}
		xl_unescape(&s->un, s->xp.text.s ? s->xp.text.s : "",
		    s->xp.text.len);
		if (s->un.bad || vb_grow((void **)&x->sst, &x->capsst,
		    x->nsst + 1, sizeof(*x->sst)) != 0 ||
		    (v = strdup(s->un.s ? s->un.s : "")) == NULL) {
			xl_stop(&s->xp, VB_ESYS, "out of memory");
			return;
		}
		x->sst[x->nsst++] = v;
		if ((x->sstbytes += s->un.len) > (size_t)TABLE_MAX_TEXT)
			xl_stop(&s->xp, VB_EINPUT, "the shared texts "
			    "of the workbook are longer than %ld MB: it is "
			    "refused", TABLE_MAX_TEXT >> 20);
	}
}

struct xstyle {
	struct xparse	 xp;       /* first: the common state */
	int		 in_fmts;  /* inside <numFmts> */
	int		 in_xfs;   /* inside <cellXfs> */
	unsigned	*fid;      /* custom format ids */
	enum tnum_kind	*fkind;    /* their kinds */
	size_t		 nf;       /* used */
	size_t		 capf;     /* allocated (fid) */
	size_t		 capk;     /* allocated (fkind) */
};

static void XMLCALL
xstyle_start(void *arg, const XML_Char *name, const XML_Char **atts)
{
	struct xstyle	*st = arg;
	struct xlsx	*x = st->xp.x;
	const char	*ln = xml_local(name), *id, *code;
	unsigned long	 fid;
	enum tnum_kind	 k;
	size_t		 i;

	if (strcmp(ln, "numFmts") == 0)
		st->in_fmts = 1;
	else if (strcmp(ln, "cellXfs") == 0)
		st->in_xfs = 1;
	else if (strcmp(ln, "numFmt") == 0 && st->in_fmts) {
		id = xml_attr(atts, "numFmtId");
		code = xml_attr(atts, "formatCode");
		if (id == NULL || code == NULL)
			return;
		if (vb_grow((void **)&st->fid, &st->capf, st->nf + 1,
		    sizeof(*st->fid)) != 0 || vb_grow((void **)&st->fkind,
		    &st->capk, st->nf + 1, sizeof(*st->fkind)) != 0)
			goto oom;
		st->fid[st->nf] = (unsigned)strtoul(id, NULL, 10);
		st->fkind[st->nf++] = table_fmt_kind(code);
	} else if (strcmp(ln, "xf") == 0 && st->in_xfs) {
		id = xml_attr(atts, "numFmtId");
		fid = id ? strtoul(id, NULL, 10) : 0;
		k = table_builtin_kind(fid);
		for (i = 0; i < st->nf; i++)
			if (st->fid[i] == fid)
				k = st->fkind[i];
		if (x->nxf >= TABLE_MAX_XF) {
			xl_stop(&st->xp, VB_EINPUT, "the workbook has more "
			    "than %d cell formats: it is refused",
			    TABLE_MAX_XF);
			return;
		}
		if (vb_grow((void **)&x->xf, &x->capxf, x->nxf + 1,
		    sizeof(*x->xf)) != 0)
			goto oom;
		x->xf[x->nxf++] = k;
	}
	return;
oom:
	xl_stop(&st->xp, VB_ESYS, "out of memory");
}

static void XMLCALL
xstyle_end(void *arg, const XML_Char *name)
{
	struct xstyle	*st = arg;
	const char	*ln = xml_local(name);

	if (strcmp(ln, "numFmts") == 0)
		st->in_fmts = 0;
	else if (strcmp(ln, "cellXfs") == 0)
		st->in_xfs = 0;
}

/* ------------------------------------------------------------------ */
/* A sheet                                                              */
/* ------------------------------------------------------------------ */

struct xsh {
	struct xparse	 xp;      /* first: the common state */
	struct tgrid	*g;       /* the grid filled */
	long		 row;     /* current row number */
	unsigned	 col;     /* current cell's column */
	int		 in_c;    /* inside <c> */
	int		 in_is;   /* inside <is> (inline string) */
	int		 in_rph;  /* inside <rPh> */
	char		 t[16];   /* the cell's t= */
	unsigned long	 s;       /* the cell's s= */
	struct vbuf	 un;      /* unescaped text */
};

static void XMLCALL
xsh_start(void *arg, const XML_Char *name, const XML_Char **atts)
{
	struct xsh	*sh = arg;
	const char	*ln = xml_local(name), *v;

	if (strcmp(ln, "row") == 0) {
		v = xml_attr(atts, "r");
		sh->row = v ? strtol(v, NULL, 10) : sh->row + 1;
		if (xl_true(xml_attr(atts, "hidden")))
			tgrid_hide(sh->g, sh->row);
		sh->col = (unsigned)-1;
	} else if (strcmp(ln, "c") == 0) {
		sh->in_c = 1;
		sh->col++;
		if ((v = xml_attr(atts, "r")) != NULL &&
		    table_ref(v, &sh->col, &sh->row) != 0) {
			xl_stop(&sh->xp, VB_EINPUT, "the workbook is damaged: "
			    "a cell has a bad reference");
			return;
		}
		v = xml_attr(atts, "t");
		snprintf(sh->t, sizeof(sh->t), "%s", v ? v : "n");
		v = xml_attr(atts, "s");
		sh->s = v ? strtoul(v, NULL, 10) : 0;
		sh->xp.text.len = 0;
		if (sh->xp.text.s != NULL)
			sh->xp.text.s[0] = '\0';
	} else if (!sh->in_c) {
		if (strcmp(ln, "mergeCell") == 0 &&
		    (v = xml_attr(atts, "ref")) != NULL) {
			char		a[32], *colon;
			unsigned	c1 = 0, c2 = 0;
			long		r1 = 0, r2 = 0;

			snprintf(a, sizeof(a), "%s", v);
			if ((colon = strchr(a, ':')) != NULL) {
				*colon = '\0';
				if (table_ref(a, &c1, &r1) == 0 &&
				    table_ref(colon + 1, &c2, &r2) == 0 &&
				    r1 > 0 && r2 > 0 && tgrid_merge(sh->g,
				    r1, c1, r2, c2) != 0)
					xl_stop(&sh->xp, VB_ESYS,
					    "out of memory");
			}
		}
	} else if (strcmp(ln, "is") == 0)
		sh->in_is = 1;
	else if (strcmp(ln, "rPh") == 0)
		sh->in_rph = 1;
	else if (strcmp(ln, "v") == 0 && !sh->in_is)
		sh->xp.collect = 1;
	else if (strcmp(ln, "t") == 0 && sh->in_is && !sh->in_rph)
		sh->xp.collect = 1;
}

/* The value of the cell just ended, into sh->un. */
static int
xsh_value(struct xsh *sh)
{
	struct xlsx	*x = sh->xp.x;
	const char	*v = sh->xp.text.s ? sh->xp.text.s : "";
	char		 buf[64], *end;
	unsigned long	 k;
	double		 num;
	enum tnum_kind	 kind;

	if (strcmp(sh->t, "s") == 0) {
		if (sh->xp.text.len == 0)	/* <c t="s"/>: no value */
			return 0;
		k = strtoul(v, &end, 10);
		if (end == v || k >= x->nsst) {
			xl_stop(&sh->xp, VB_EINPUT, "the workbook is damaged: "
			    "a cell names a shared string that does not exist");
			return -1;
		}
		vbuf_puts(&sh->un, x->sst[k]);
	} else if (strcmp(sh->t, "inlineStr") == 0 || strcmp(sh->t, "str") == 0
	    || strcmp(sh->t, "e") == 0)
		xl_unescape(&sh->un, v, sh->xp.text.len);
	else if (strcmp(sh->t, "b") == 0) {
		if (sh->xp.text.len > 0)
			vbuf_puts(&sh->un, strtol(v, NULL, 10) ? "TRUE" : "FALSE");
	} else if (strcmp(sh->t, "d") == 0) {
		/* ISO 8601: the day alone when the time is midnight */
		if (strlen(v) >= 10 && (v[10] == '\0' ||
		    strncmp(v + 10, "T00:00:00", 9) == 0))
			vbuf_putn(&sh->un, v, 10);
		else
			vbuf_puts(&sh->un, v);
		if (sh->un.len > 10 && sh->un.s[10] == 'T')
			sh->un.s[10] = ' ';
	} else if (sh->xp.text.len > 0) {
		num = strtod(v, &end);
		kind = sh->s < x->nxf ? x->xf[sh->s] : TNUM_NUMBER;
		if (end == v || *end != '\0')
			vbuf_puts(&sh->un, v);
		else if (kind != TNUM_NUMBER &&
		    table_serial(num, x->date1904, kind, buf) == 0)
			vbuf_puts(&sh->un, buf);
		else {
			table_num(num, buf);
			vbuf_puts(&sh->un, buf);
		}
	}
	return 0;
}

static void XMLCALL
xsh_end(void *arg, const XML_Char *name)
{
	struct xsh	*sh = arg;
	const char	*ln = xml_local(name);

	if (strcmp(ln, "v") == 0 || strcmp(ln, "t") == 0)
		sh->xp.collect = 0;
	else if (strcmp(ln, "is") == 0)
		sh->in_is = 0;
	else if (strcmp(ln, "rPh") == 0)
		sh->in_rph = 0;
	else if (strcmp(ln, "c") == 0 && sh->in_c) {
		sh->in_c = 0;
		sh->un.len = 0;
		if (sh->un.s != NULL)
			sh->un.s[0] = '\0';
		if (xsh_value(sh) != 0)
			return;
		if (sh->un.bad)
			xl_stop(&sh->xp, VB_ESYS, "out of memory");
		else if (sh->un.len > 0 && tgrid_put(sh->g, sh->row, sh->col,
		    sh->un.s, sh->un.len) != 0) {
			/* the grid gave the message */
			if (sh->xp.rc == VB_OK)
				sh->xp.rc = sh->g->oom ? VB_ESYS : VB_EINPUT;
			if (sh->g->oom)
				diag_add(sh->xp.x->d, DIAG_ERROR, sh->g->name,
				    0, 0, "out of memory");
			XML_StopParser(sh->xp.p, XML_FALSE);
		}
	}
}

/* Read the sheet part `part` into a table named name (*out NULL when it
 * has no row with a value). */
static int
xsh_read(struct xlsx *x, const char *part, const char *name,
    struct csvt **out)
{
	struct tgrid	g;
	struct xsh	sh;
	int		rc;

	*out = NULL;
	tgrid_init(&g, name, x->d);
	memset(&sh, 0, sizeof(sh));
	sh.g = &g;
	rc = xz_parse(x, part, &sh.xp, xsh_start, xsh_end);
	free(sh.un.s);
	if (rc == -1) {
		diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "the workbook is "
		    "damaged: its part %s is missing", part);
		rc = VB_EINPUT;
	}
	if (rc == VB_OK)
		rc = tgrid_finish(&g, out);
	tgrid_free(&g);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The workbook                                                         */
/* ------------------------------------------------------------------ */

/* Explain why a zip without a workbook part is not read. */
static int
xlsx_not_book(struct xlsx *x)
{
	const char *what = "a zip archive, not an Excel workbook (.xlsx)";

	if (xz_has(x, "content.xml") && xz_has(x, "mimetype"))
		what = "an OpenDocument file (.ods, .odt), not an .xlsx "
		    "workbook: save it from LibreOffice as .xlsx or .csv";
	else if (xz_has(x, "word/document.xml"))
		what = "a Word document (.docx), not an Excel workbook";
	else if (xz_has(x, "xl/workbook.bin"))
		what = "a binary Excel workbook (.xlsb): save it from Excel "
		    "as .xlsx";
	diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "this file is %s", what);
	return VB_EINPUT;
}

/* Read the shared strings and styles the workbook's rels name. */
static int
xlsx_common(struct xlsx *x, const char *book, const struct xrels *rs)
{
	const struct xrel	*r;
	struct xsst		 s;
	struct xstyle		 st;
	char			*part;
	int			 rc = VB_OK;

	if ((r = xrels_find(rs, "sharedStrings", NULL)) != NULL) {
		if ((part = xz_resolve(book, r->target)) == NULL)
			return VB_ESYS;
		memset(&s, 0, sizeof(s));
		rc = xz_parse(x, part, &s.xp, xsst_start, xsst_end);
		free(s.un.s);
		free(part);
		if (rc == -1)
			rc = VB_OK;
		if (rc != VB_OK)
			return rc;
	}
	if ((r = xrels_find(rs, "styles", NULL)) != NULL) {
		if ((part = xz_resolve(book, r->target)) == NULL)
			return VB_ESYS;
		memset(&st, 0, sizeof(st));
		rc = xz_parse(x, part, &st.xp, xstyle_start, xstyle_end);
		free(st.fid);
		free(st.fkind);
		free(part);
		if (rc == -1)
			rc = VB_OK;
	}
	return rc;
}

/* Read sheet i of b into *out (NULL when empty). */
static int
xlsx_sheet(struct xlsx *x, const char *book, const struct xrels *rs,
    const struct xbook *b, size_t i, struct csvt **out)
{
	const struct xrel	*r;
	struct vbuf		 nm = { NULL, 0, 0, 0 };
	char			*part, *name;
	size_t			 n;
	int			 rc;

	*out = NULL;
	if ((r = xrels_find(rs, NULL, b->s[i].rid)) == NULL) {
		diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "the workbook is "
		    "damaged: sheet \"%s\" has no part", b->s[i].name);
		return VB_EINPUT;
	}
	n = strlen(r->type);
	if (n < 10 || strcmp(r->type + n - 10, "/worksheet") != 0)
		return VB_OK;		/* a chart sheet: no cells */
	vbuf_printf(&nm, "%s:%s", x->path, b->s[i].name);
	if ((name = vbuf_take(&nm)) == NULL ||
	    (part = xz_resolve(book, r->target)) == NULL) {
		free(name);
		diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "out of memory");
		return VB_ESYS;
	}
	rc = xsh_read(x, part, name, out);
	free(part);
	free(name);
	return rc;
}

/* Does an earlier visible sheet than i point at the same part as sheet
 * i (a part read once, and found empty or not the one looked for, is
 * not read again)? */
static int
xlsx_seen(const char *book, const struct xrels *rs, const struct xbook *b,
    size_t i)
{
	const struct xrel	*r, *q;
	char			*p, *o;
	size_t			 j;
	int			 seen = 0;

	if ((r = xrels_find(rs, NULL, b->s[i].rid)) == NULL ||
	    (p = xz_resolve(book, r->target)) == NULL)
		return 0;
	for (j = 0; j < i && !seen; j++) {
		if (b->s[j].hidden ||
		    (q = xrels_find(rs, NULL, b->s[j].rid)) == NULL ||
		    (o = xz_resolve(book, q->target)) == NULL)
			continue;
		seen = strcasecmp(o, p) == 0;
		free(o);
	}
	free(p);
	return seen;
}

/* Pick and read the sheet from the workbook part `book`. */
static int
xlsx_book(struct xlsx *x, const char *book, const char *sheet,
    const struct table_match *m, struct csvt **out)
{
	struct xbook		 b;
	struct xrels		 rs;
	struct table_choice	 ch;
	struct csvt		*t = NULL;
	const char		**names = NULL;
	size_t			 i;
	int			 rc, pick = -1, k;

	memset(&b, 0, sizeof(b));
	memset(&rs, 0, sizeof(rs));
	if ((rc = xz_parse(x, book, &b.xp, xbook_start, xbook_end)) == -1 ||
	    (rc == VB_OK && !b.root)) {
		xbook_free(&b);
		return xlsx_not_book(x);
	}
	if (rc == VB_OK && (rc = xrels_read(x, book, &rs)) == -1) {
		diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "the workbook is "
		    "damaged: %s has no relationships", book);
		rc = VB_EINPUT;
	}
	if (rc == VB_OK)
		rc = xlsx_common(x, book, &rs);
	if (rc == VB_OK && b.n > 0 &&
	    (names = malloc(b.n * sizeof(*names))) == NULL)
		rc = VB_ESYS;
	for (i = 0; rc == VB_OK && i < b.n; i++)
		names[i] = b.s[i].name;
	if (rc == VB_OK && (pick = table_pick(x->path, sheet, names, b.n,
	    x->d)) == -2)
		rc = VB_EINPUT;
	if (rc == VB_OK && pick >= 0) {
		rc = xlsx_sheet(x, book, &rs, &b, (size_t)pick, out);
		if (rc == VB_OK && *out == NULL) {
			diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "sheet "
			    "\"%s\" is empty", b.s[pick].name);
			rc = VB_EINPUT;
		}
	}
	table_choice_init(&ch, m);
	for (i = 0; rc == VB_OK && pick < 0 && i < b.n; i++) {
		if (b.s[i].hidden)
			diag_add(x->d, DIAG_WARNING, x->path, 0, 0, "sheet "
			    "\"%s\" is hidden and is passed over (name it to "
			    "read it)", b.s[i].name);
		else if (!xlsx_seen(book, &rs, &b, i) &&
		    (rc = xlsx_sheet(x, book, &rs, &b, i, &t)) == VB_OK &&
		    t != NULL && (k = table_offer(&ch, &t, b.s[i].name)) != 0) {
			rc = k < 0 ? VB_ESYS : rc;
			break;
		}
	}
	if (pick < 0)
		rc = table_chosen(&ch, x->path, rc, x->d, out);
	if (rc == VB_OK && *out == NULL && pick < 0) {
		diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "the workbook has "
		    "no visible sheet with a filled cell");
		rc = VB_EINPUT;
	}
	free(names);
	xrels_free(&rs);
	xbook_free(&b);
	return rc;
}

int
xlsx_read(const char *path, const char *sheet, const struct table_match *m,
    struct diag *d, struct csvt **out)
{
	struct xlsx		 x;
	struct xrels		 pk;
	const struct xrel	*r;
	char			*book = NULL;
	int			 ze = 0, rc;
	size_t			 i;

	*out = NULL;
	memset(&x, 0, sizeof(x));
	x.path = path;
	x.d = d;
	if (zipso_load(path, d) != 0)
		return VB_ESYS;
	if ((x.z = zipso->zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS,
	    &ze)) == NULL) {
		zip_error_t e;

		zipso->zip_error_init_with_code(&e, ze);
		diag_add(d, DIAG_ERROR, path, 0, 0, "this file starts as a zip "
		    "(an .xlsx workbook) but cannot be read as one (%s): it "
		    "is damaged or cut short", zipso->zip_error_strerror(&e));
		zipso->zip_error_fini(&e);
		return ze == ZIP_ER_MEMORY ? VB_ESYS : VB_EINPUT;
	}
	rc = xrels_read(&x, "", &pk);
	if (rc == VB_OK && (r = xrels_find(&pk, "officeDocument", NULL)) !=
	    NULL && (book = xz_resolve("", r->target)) == NULL)
		rc = VB_ESYS;
	xrels_free(&pk);
	if (rc == -1 || (rc == VB_OK && book == NULL))
		rc = xlsx_not_book(&x);
	else if (rc == VB_OK)
		rc = xlsx_book(&x, book, sheet, m, out);
	if (rc != VB_OK) {
		csvt_free(*out);
		*out = NULL;
	}
	free(book);
	for (i = 0; i < x.nsst; i++)
		free(x.sst[i]);
	free(x.sst);
	free(x.xf);
	zipso->zip_discard(x.z);
	return rc;
}
