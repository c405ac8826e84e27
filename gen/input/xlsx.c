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

#include <expat.h>

#include "input/input.h"
#include "base/zipso.h"
#include "input/table.h"

#define XLSX_CHUNK	65536		/* bytes inflated at a time */
#define XLSX_RATIO_MIN	(1L << 20)	/* entries checked for their ratio */

/* An open workbook. */
struct xlsx {
	zip_t		 *z;         /* the archive */
	const char	 *path;      /* its file, for messages */
	struct diag	 *d;         /* where messages go */
	int		  date1904;  /* workbookPr date1904 */
	char		**sst;       /* shared strings */
	size_t		  nsst;      /* used */
	size_t		  capsst;    /* allocated */
	size_t		  sstbytes;  /* their bytes */
	enum tnum_kind	 *xf;        /* kind of each cellXfs entry */
	size_t		  nxf;       /* used */
	size_t		  capxf;     /* allocated */
};

/* The state every part's parse starts with (first member of each). */
struct xparse {
	XML_Parser	 p;         /* the parser */
	struct xlsx	*x;         /* the workbook */
	const char	*part;      /* part name, for messages */
	int		 rc;        /* VB_OK until a handler stops the parse */
	int		 doctype;   /* a DOCTYPE was seen */
	struct vbuf	 text;      /* character data being collected */
	int		 collect;   /* collecting character data */
	int		 depth;     /* open elements */
	XML_StartElementHandler start;	/* the part's handlers */
	XML_EndElementHandler	end;
};

/* ------------------------------------------------------------------ */
/* XML helpers                                                          */
/* ------------------------------------------------------------------ */

/* The local part of a name ("x:row" -> "row", "r:id" -> "id"). */
static const char *
xl_local(const char *name)
{
	const char *c = strrchr(name, ':');

	return c ? c + 1 : name;
}

/* The value of the attribute whose local name is `name`, or NULL. */
static const char *
xl_attr(const char **atts, const char *name)
{
	for (; atts[0] != NULL; atts += 2)
		if (strcmp(xl_local(atts[0]), name) == 0)
			return atts[1];
	return NULL;
}

static int
xl_true(const char *v)
{
	return v != NULL && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

/* Stop the parse with a message (one per part). */
static void __attribute__((format(printf, 3, 4)))
xl_stop(struct xparse *xp, int rc, const char *fmt, ...)
{
	char	msg[512];
	va_list	ap;

	if (xp->rc == VB_OK) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		diag_add(xp->x->d, DIAG_ERROR, xp->x->path, 0, 0,
		    "%s (in %s)", msg, xp->part);
		xp->rc = rc;
	}
	XML_StopParser(xp->p, XML_FALSE);
}

static void XMLCALL
xl_doctype(void *arg, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int internal)
{
	struct xparse *xp = arg;

	(void)name; (void)sysid; (void)pubid; (void)internal;
	xp->doctype = 1;
	xl_stop(xp, VB_EINPUT, "this workbook's XML has a DOCTYPE (entity "
	    "declarations), which no spreadsheet program writes: it is "
	    "refused; save the workbook again from Excel or LibreOffice");
}

static void XMLCALL
xl_entity(void *arg, const XML_Char *name, int pe, const XML_Char *value,
    int vlen, const XML_Char *base, const XML_Char *sysid,
    const XML_Char *pubid, const XML_Char *notation)
{
	(void)name; (void)pe; (void)value; (void)vlen; (void)base;
	(void)sysid; (void)pubid; (void)notation;
	xl_doctype(arg, NULL, NULL, NULL, 0);
}

/* Every element passes here: expat keeps a name for each open one, so
 * nesting is bounded (no workbook part nests more than a few deep). */
static void XMLCALL
xl_start(void *arg, const XML_Char *name, const XML_Char **atts)
{
	struct xparse *xp = arg;

	if (++xp->depth > TABLE_MAX_DEPTH) {
		xl_stop(xp, VB_EINPUT, vb_tr("the workbook's XML nests "
		    "elements more than %d deep, which no spreadsheet program "
		    "writes: it is refused"), TABLE_MAX_DEPTH);
		return;
	}
	xp->start(arg, name, atts);
}

static void XMLCALL
xl_end(void *arg, const XML_Char *name)
{
	struct xparse *xp = arg;

	xp->depth--;
	xp->end(arg, name);
}

static void XMLCALL
xl_chars(void *arg, const XML_Char *s, int n)
{
	struct xparse *xp = arg;

	if (xp->collect && xp->text.len + (size_t)n > (size_t)TABLE_MAX_TEXT)
		xl_stop(xp, VB_EINPUT, vb_tr("a text of the workbook is "
		    "longer than %ld MB: it is refused"), TABLE_MAX_TEXT >> 20);
	else if (xp->collect)
		vbuf_putn(&xp->text, s, (size_t)n);
}

/* The text s with OOXML's escapes _xHHHH_ decoded ("_x000D_" a CR,
 * "_x005F_" an underscore), into b (reset first). */
static void
xl_unescape(struct vbuf *b, const char *s, size_t n)
{
	size_t		i, k;
	unsigned long	cp;
	int		ok;

	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
	for (i = 0; i < n; i++) {
		if (s[i] == '_' && i + 6 < n && s[i + 1] == 'x' &&
		    s[i + 6] == '_') {
			cp = 0;
			ok = 1;
			for (k = i + 2; k < i + 6 && ok; k++) {
				char c = s[k];

				ok = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a'
				    && (c | 0x20) <= 'f');
				cp = cp * 16 + (unsigned long)(c <= '9' ?
				    c - '0' : (c | 0x20) - 'a' + 10);
			}
			if (ok && cp != 0) {
				vbuf_put_cp(b, (uint32_t)cp);
				i += 6;
				continue;
			}
		}
		vbuf_putn(b, s + i, 1);
	}
}

/* ------------------------------------------------------------------ */
/* Zip entries                                                          */
/* ------------------------------------------------------------------ */

/* Message for a zip error on the workbook. */
static int
xz_fail(struct xlsx *x, const char *part, int ze)
{
	if (ze == ZIP_ER_NOPASSWD || ze == ZIP_ER_WRONGPASSWD ||
	    ze == ZIP_ER_ENCRNOTSUPP) {
		diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "this is an Excel "
		    "file protected by a password: open it in Excel and save "
		    "it without a password");
		return VB_EINPUT;
	}
	if (ze == ZIP_ER_MEMORY) {
		diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "out of memory");
		return VB_ESYS;
	}
	diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "the workbook is damaged: "
	    "%s cannot be read (%s); open it in Excel or LibreOffice and "
	    "save it again", part,
	    zipso->zip_error_strerror(zipso->zip_get_error(x->z)));
	return VB_EINPUT;
}

/* Is the entry too big, or too highly compressed, to be a workbook's?
 * (Only above 1 MB: small XML parts compress far more than 100:1.) */
static int
xz_bomb(struct xlsx *x, const char *part, zip_uint64_t size,
    zip_uint64_t comp)
{
	if (size <= (zip_uint64_t)TABLE_MAX_ENTRY &&
	    (size <= (zip_uint64_t)XLSX_RATIO_MIN ||
	    size / (comp ? comp : 1) <= TABLE_MAX_RATIO))
		return 0;
	diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "%s would inflate to "
	    "%llu bytes from %llu: a workbook's part may have %ld bytes, and "
	    "above 1 MB at most %d times its compressed size; the file is "
	    "refused as a zip bomb", part, (unsigned long long)size,
	    (unsigned long long)comp, (long)TABLE_MAX_ENTRY, TABLE_MAX_RATIO);
	return 1;
}

/* Does the archive hold a part of this name (any case)? */
static int
xz_has(struct xlsx *x, const char *part)
{
	return zipso->zip_name_locate(x->z, part, ZIP_FL_NOCASE) >= 0;
}

/*
 * Parse the part `part` with expat, handlers on xp (whose p, x and part
 * are set here).  Returns VB_OK, VB_EINPUT or VB_ESYS (message given),
 * or -1 without a message when the archive has no such part.
 */
static int
xz_parse(struct xlsx *x, const char *part, struct xparse *xp,
    XML_StartElementHandler start, XML_EndElementHandler end)
{
	zip_stat_t	 st;
	zip_file_t	*f;
	zip_int64_t	 i, n;
	zip_uint64_t	 total = 0;
	char		*buf;
	int		 rc = VB_OK, last = 0;

	if ((i = zipso->zip_name_locate(x->z, part, ZIP_FL_NOCASE)) < 0)
		return -1;
	if (zipso->zip_stat_index(x->z, (zip_uint64_t)i, 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
		return xz_fail(x, part, zipso->zip_error_code_zip(
		    zipso->zip_get_error(x->z)));
	if (xz_bomb(x, part, st.size, st.comp_size))
		return VB_EINPUT;
	if ((f = zipso->zip_fopen_index(x->z, (zip_uint64_t)i, 0)) == NULL)
		return xz_fail(x, part, zipso->zip_error_code_zip(
		    zipso->zip_get_error(x->z)));
	xp->x = x;
	xp->part = part;
	xp->rc = VB_OK;
	if ((buf = malloc(XLSX_CHUNK)) == NULL ||
	    (xp->p = XML_ParserCreate(NULL)) == NULL) {
		free(buf);
		zipso->zip_fclose(f);
		diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "out of memory");
		return VB_ESYS;
	}
	XML_SetUserData(xp->p, xp);
	xp->start = start;
	xp->end = end;
	XML_SetElementHandler(xp->p, xl_start, xl_end);
	XML_SetCharacterDataHandler(xp->p, xl_chars);
	XML_SetStartDoctypeDeclHandler(xp->p, xl_doctype);
	XML_SetEntityDeclHandler(xp->p, xl_entity);
	XML_SetParamEntityParsing(xp->p, XML_PARAM_ENTITY_PARSING_NEVER);
	while (rc == VB_OK && !last) {
		if ((n = zipso->zip_fread(f, buf, XLSX_CHUNK)) < 0) {
			rc = xz_fail(x, part, zipso->zip_error_code_zip(
			    zipso->zip_file_get_error(f)));
			break;
		}
		total += (zip_uint64_t)n;
		if (total > st.size) {	/* the directory lied */
			diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "%s inflates "
			    "to more than the %llu bytes the zip directory "
			    "gives: the file is damaged or a zip bomb, and is "
			    "refused", part, (unsigned long long)st.size);
			rc = VB_EINPUT;
			break;
		}
		last = n == 0;
		if (XML_Parse(xp->p, buf, (int)n, last) == XML_STATUS_ERROR) {
			if (xp->rc != VB_OK)
				rc = xp->rc;
			else {
				diag_add(x->d, DIAG_ERROR, x->path, 0, 0,
				    "the workbook is damaged: %s, line %lu: %s",
				    part, (unsigned long)
				    XML_GetCurrentLineNumber(xp->p),
				    XML_ErrorString(XML_GetErrorCode(xp->p)));
				rc = VB_EINPUT;
			}
		}
	}
	if (rc == VB_OK && xp->rc != VB_OK)
		rc = xp->rc;
	if (rc == VB_OK && xp->text.bad) {
		diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "out of memory");
		rc = VB_ESYS;
	}
	XML_ParserFree(xp->p);
	xp->p = NULL;
	free(xp->text.s);
	memset(&xp->text, 0, sizeof(xp->text));
	free(buf);
	zipso->zip_fclose(f);
	return rc;
}

/* The part named by target, relative to the folder of part `from`
 * ("xl/workbook.xml" + "worksheets/sheet1.xml"; "/xl/..." absolute;
 * ".." climbs).  Malloc'd, NULL on OOM. */
static char *
xz_resolve(const char *from, const char *target)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	const char	*slash, *seg, *e;
	char		*p;

	if (target[0] == '/')
		return strdup(target + 1);
	if ((slash = strrchr(from, '/')) != NULL)
		vbuf_putn(&b, from, (size_t)(slash - from));
	for (seg = target; *seg != '\0'; seg = *e ? e + 1 : e) {
		if ((e = strchr(seg, '/')) == NULL)
			e = seg + strlen(seg);
		if ((e - seg == 1 && seg[0] == '.') || e == seg)
			continue;
		if (e - seg == 2 && seg[0] == '.' && seg[1] == '.') {
			if (b.s != NULL && (p = strrchr(b.s, '/')) != NULL)
				*p = '\0';
			else if (b.s != NULL)
				b.s[0] = '\0';
			b.len = b.s ? strlen(b.s) : 0;
			continue;
		}
		if (b.len > 0)
			vbuf_putn(&b, "/", 1);
		vbuf_putn(&b, seg, (size_t)(e - seg));
	}
	return vbuf_take(&b);
}

/* ------------------------------------------------------------------ */
/* Relationships (_rels/NAME.rels)                                       */
/* ------------------------------------------------------------------ */

struct xrel {
	char	*id;      /* Id */
	char	*type;    /* Type (a URI; matched by its last segment) */
	char	*target;  /* Target, as written */
};

struct xrels {
	struct xparse	 xp;     /* first: the common state */
	struct xrel	*r;      /* relationships */
	size_t		 n;      /* used */
	size_t		 cap;    /* allocated */
};

static void XMLCALL
xrels_start(void *arg, const XML_Char *name, const XML_Char **atts)
{
	struct xrels	*rs = arg;
	struct xrel	*r;
	const char	*id, *type, *target;

	if (strcmp(xl_local(name), "Relationship") != 0)
		return;
	id = xl_attr(atts, "Id");
	type = xl_attr(atts, "Type");
	target = xl_attr(atts, "Target");
	if (id == NULL || type == NULL || target == NULL)
		return;
	if (vb_grow((void **)&rs->r, &rs->cap, rs->n + 1, sizeof(*rs->r)) != 0)
		goto oom;
	r = &rs->r[rs->n];
	r->id = strdup(id);
	r->type = strdup(type);
	r->target = strdup(target);
	rs->n++;
	if (r->id == NULL || r->type == NULL || r->target == NULL)
		goto oom;
	return;
oom:
	xl_stop(&rs->xp, VB_ESYS, "out of memory");
}

static void XMLCALL
xl_end_none(void *arg, const XML_Char *name)
{
	(void)arg;
	(void)name;
}

static void
xrels_free(struct xrels *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		free(rs->r[i].id);
		free(rs->r[i].type);
		free(rs->r[i].target);
	}
	free(rs->r);
	memset(rs, 0, sizeof(*rs));
}

/* The relationships of part `of` ("" for the package): -1 if it has
 * none, else VB_OK/VB_EINPUT/VB_ESYS. */
static int
xrels_read(struct xlsx *x, const char *of, struct xrels *rs)
{
	const char	*slash = strrchr(of, '/');
	struct vbuf	 b = { NULL, 0, 0, 0 };
	char		*name;
	int		 rc;

	memset(rs, 0, sizeof(*rs));
	if (slash != NULL)
		vbuf_putn(&b, of, (size_t)(slash - of + 1));
	vbuf_printf(&b, "_rels/%s.rels", slash ? slash + 1 : of);
	if ((name = vbuf_take(&b)) == NULL) {
		diag_add(x->d, DIAG_ERROR, x->path, 0, 0, "out of memory");
		return VB_ESYS;
	}
	rc = xz_parse(x, name, &rs->xp, xrels_start, xl_end_none);
	free(name);
	return rc;
}

/* The relationship whose type ends with "/suffix", or whose id is id. */
static const struct xrel *
xrels_find(const struct xrels *rs, const char *suffix, const char *id)
{
	size_t	i, n, k;

	for (i = 0; i < rs->n; i++) {
		if (id != NULL) {
			if (strcmp(rs->r[i].id, id) == 0)
				return &rs->r[i];
			continue;
		}
		n = strlen(rs->r[i].type);
		k = strlen(suffix);
		if (n > k && rs->r[i].type[n - k - 1] == '/' &&
		    strcmp(rs->r[i].type + n - k, suffix) == 0)
			return &rs->r[i];
	}
	return NULL;
}

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
	const char	*ln = xl_local(name), *nm, *rid, *state;

	if (b->depth++ == 0)
		b->root = strcmp(ln, "workbook") == 0;
	if (strcmp(ln, "workbookPr") == 0)
		b->xp.x->date1904 = xl_true(xl_attr(atts, "date1904"));
	if (strcmp(ln, "sheet") != 0)
		return;
	nm = xl_attr(atts, "name");
	rid = xl_attr(atts, "id");
	state = xl_attr(atts, "state");
	if (nm == NULL || rid == NULL)
		return;
	if (b->n >= TABLE_MAX_SHEETS) {
		xl_stop(&b->xp, VB_EINPUT, vb_tr("the workbook has more "
		    "than %d sheets: it is refused"), TABLE_MAX_SHEETS);
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
	const char	*ln = xl_local(name);

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
	const char	*ln = xl_local(name);
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
			xl_stop(&s->xp, VB_EINPUT, vb_tr("the shared texts "
			    "of the workbook are longer than %ld MB: it is "
			    "refused"), TABLE_MAX_TEXT >> 20);
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
	const char	*ln = xl_local(name), *id, *code;
	unsigned long	 fid;
	enum tnum_kind	 k;
	size_t		 i;

	if (strcmp(ln, "numFmts") == 0)
		st->in_fmts = 1;
	else if (strcmp(ln, "cellXfs") == 0)
		st->in_xfs = 1;
	else if (strcmp(ln, "numFmt") == 0 && st->in_fmts) {
		id = xl_attr(atts, "numFmtId");
		code = xl_attr(atts, "formatCode");
		if (id == NULL || code == NULL)
			return;
		if (vb_grow((void **)&st->fid, &st->capf, st->nf + 1,
		    sizeof(*st->fid)) != 0 || vb_grow((void **)&st->fkind,
		    &st->capk, st->nf + 1, sizeof(*st->fkind)) != 0)
			goto oom;
		st->fid[st->nf] = (unsigned)strtoul(id, NULL, 10);
		st->fkind[st->nf++] = table_fmt_kind(code);
	} else if (strcmp(ln, "xf") == 0 && st->in_xfs) {
		id = xl_attr(atts, "numFmtId");
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
	const char	*ln = xl_local(name);

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
	const char	*ln = xl_local(name), *v;

	if (strcmp(ln, "row") == 0) {
		v = xl_attr(atts, "r");
		sh->row = v ? strtol(v, NULL, 10) : sh->row + 1;
		if (xl_true(xl_attr(atts, "hidden")))
			tgrid_hide(sh->g, sh->row);
		sh->col = (unsigned)-1;
	} else if (strcmp(ln, "c") == 0) {
		sh->in_c = 1;
		sh->col++;
		if ((v = xl_attr(atts, "r")) != NULL &&
		    table_ref(v, &sh->col, &sh->row) != 0) {
			xl_stop(&sh->xp, VB_EINPUT, "the workbook is damaged: "
			    "a cell has a bad reference");
			return;
		}
		v = xl_attr(atts, "t");
		snprintf(sh->t, sizeof(sh->t), "%s", v ? v : "n");
		v = xl_attr(atts, "s");
		sh->s = v ? strtoul(v, NULL, 10) : 0;
		sh->xp.text.len = 0;
		if (sh->xp.text.s != NULL)
			sh->xp.text.s[0] = '\0';
	} else if (!sh->in_c) {
		if (strcmp(ln, "mergeCell") == 0 &&
		    (v = xl_attr(atts, "ref")) != NULL) {
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
	const char	*ln = xl_local(name);

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
