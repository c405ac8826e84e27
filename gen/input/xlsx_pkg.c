/*
 * xlsx_pkg.c - the package layer of the .xlsx reader (xlsx.c): a
 * workbook is a zip of XML parts tied together by relationships.  Here:
 * the XML helpers, every part inflated in chunks straight into expat
 * under the zip-bomb and DOCTYPE guards (see xlsx.c), and the
 * relationships (_rels/NAME.rels) that name one part from another.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/xlsx_int.h"

/* ------------------------------------------------------------------ */
/* XML helpers                                                          */
/* ------------------------------------------------------------------ */

int
xl_true(const char *v)
{
	return v != NULL && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

/* Stop the parse with a message (one per part), in the clerk's language
 * as diag_add's are (its format is a message id: xgettext -kxl_stop:3). */
void __attribute__((format(printf, 3, 4)))
xl_stop(struct xparse *xp, int rc, const char *fmt, ...)
{
	char	msg[512];
	va_list	ap;

	if (xp->rc == VB_OK) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), vb_tr(fmt), ap);
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
		xl_stop(xp, VB_EINPUT, "the workbook's XML nests "
		    "elements more than %d deep, which no spreadsheet program "
		    "writes: it is refused", TABLE_MAX_DEPTH);
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
		xl_stop(xp, VB_EINPUT, "a text of the workbook is "
		    "longer than %ld MB: it is refused", TABLE_MAX_TEXT >> 20);
	else if (xp->collect)
		vbuf_putn(&xp->text, s, (size_t)n);
}

/* The text s with OOXML's escapes _xHHHH_ decoded ("_x000D_" a CR,
 * "_x005F_" an underscore), into b (reset first). */
void
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
int
xz_has(struct xlsx *x, const char *part)
{
	return zipso->zip_name_locate(x->z, part, ZIP_FL_NOCASE) >= 0;
}

/*
 * Parse the part `part` with expat, handlers on xp (whose p, x and part
 * are set here).  Returns VB_OK, VB_EINPUT or VB_ESYS (message given),
 * or -1 without a message when the archive has no such part.
 */
int
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
char *
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

static void XMLCALL
xrels_start(void *arg, const XML_Char *name, const XML_Char **atts)
{
	struct xrels	*rs = arg;
	struct xrel	*r;
	const char	*id, *type, *target;

	if (strcmp(xml_local(name), "Relationship") != 0)
		return;
	id = xml_attr(atts, "Id");
	type = xml_attr(atts, "Type");
	target = xml_attr(atts, "Target");
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

void
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
int
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
const struct xrel *
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

