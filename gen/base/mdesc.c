/*
 * mdesc.c - how the generators write a value of the user's data (a cell
 * of a list, a task of the plan, a unit's name, a config value) into the
 * Markdown source they emit, so that vb-render reads back exactly that
 * text whatever it holds: a line "```" that would close a fence, "#" or
 * "---" that would start a heading or a rule, "<" (HTML), "&amp;" (an
 * entity), "*" and "_" (emphasis), four leading spaces (code), a CR (a
 * line end for the reader).  Each place a value can go has its function,
 * and the generators and the templates' filters (tmpl.c: |md, |yaml) use
 * only these.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "base/base.h"

/* Is c a space or a line end (LF, CR)? */
static int
mdesc_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void
mdesc_inline(struct vbuf *b, const char *s)
{
	const char	*p, *q, *mark = NULL;

	/* Leading blanks dropped, then each run of blanks one space: the
	 * value stays on its line (no line of it can start a block) and no
	 * indentation makes code of it. */
	for (p = s; mdesc_blank(*p); p++)
		;
	/* Markers that start a block only at a line's start: escaped when
	 * the value starts with them ("- x", "+ x", "=", "1. x", "1) x"). */
	if (*p == '-' || *p == '+' || *p == '=')
		vbuf_puts(b, "\\");
	for (q = p; *q >= '0' && *q <= '9'; q++)
		;
	if (q > p && (*q == '.' || *q == ')'))
		mark = q;
	for (; *p != '\0'; p++) {
		if (mdesc_blank(*p)) {
			while (mdesc_blank(p[1]))
				p++;
			if (p[1] != '\0')
				vbuf_puts(b, " ");
			continue;
		}
		/* Emphasis, code, links, HTML, entities, headings (also a
		 * heading's closing "#"), and the escape itself. */
		if (strchr("\\`*_[]<>&#!", *p) != NULL || p == mark)
			vbuf_puts(b, "\\");
		vbuf_putn(b, p, 1);
	}
}

/* Append a CSV field (after a comma unless first): quoted when it holds
 * a separator, a quote, a line end or blanks at either end. */
static void
mdesc_csv_field(struct vbuf *b, const char *s, int first)
{
	size_t		 n = strlen(s);
	const char	*p;

	if (!first)
		vbuf_puts(b, ",");
	if (strpbrk(s, ",\"\n;\t") == NULL && (n == 0 ||
	    (s[0] != ' ' && s[n - 1] != ' '))) {
		vbuf_puts(b, s);
		return;
	}
	vbuf_puts(b, "\"");
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			vbuf_puts(b, "\"");
		vbuf_putn(b, p, 1);
	}
	vbuf_puts(b, "\"");
}

void
mdesc_cell(struct vbuf *b, const char *s, int first)
{
	struct vbuf	 e = { NULL, 0, 0, 0 };
	const char	*p;

	/* A CR (alone or before LF) is a line break in the cell, as the
	 * reader of the source would make it anyway.  The cell's own markup
	 * (* _ and the escape) is escaped, and so is every backtick: no line
	 * of the fence can then start with the "```" that would close it. */
	for (p = s; *p != '\0'; p++) {
		if (*p == '\r') {
			vbuf_puts(&e, "\n");
			if (p[1] == '\n')
				p++;
			continue;
		}
		if (strchr("\\*_`", *p) != NULL)
			vbuf_puts(&e, "\\");
		vbuf_putn(&e, p, 1);
	}
	if (e.bad) {
		b->bad = 1;
		free(e.s);
		return;
	}
	mdesc_csv_field(b, e.s ? e.s : "", first);
	free(e.s);
}

void
mdesc_chart_cell(struct vbuf *b, const char *s, int first)
{
	struct vbuf	 e = { NULL, 0, 0, 0 };
	const char	*p;

	/* A label is one line (a chart wraps it itself), taken as it is:
	 * no markup.  Quoted when it would start the line with a backtick
	 * or a tilde (a closing fence). */
	for (p = s; mdesc_blank(*p); p++)
		;
	for (; *p != '\0'; p++) {
		if (mdesc_blank(*p)) {
			while (mdesc_blank(p[1]))
				p++;
			if (p[1] != '\0')
				vbuf_puts(&e, " ");
		} else
			vbuf_putn(&e, p, 1);
	}
	if (e.bad) {
		b->bad = 1;
		free(e.s);
		return;
	}
	if (e.s != NULL && (e.s[0] == '`' || e.s[0] == '~') &&
	    strpbrk(e.s, ",\";\t") == NULL) {
		vbuf_printf(b, "%s\"%s\"", first ? "" : ",", e.s);
	} else
		mdesc_csv_field(b, e.s ? e.s : "", first);
	free(e.s);
}

void
mdesc_info_value(struct vbuf *b, const char *s)
{
	const char *p;

	/* An option of a fence's info string, "…": the info string is one
	 * line and its quoted values have no escape, so line ends become
	 * spaces and a double quote a single one. */
	vbuf_puts(b, "\"");
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			vbuf_puts(b, "'");
		else if (*p == '\n' || *p == '\r' || *p == '\t')
			vbuf_puts(b, " ");
		else
			vbuf_putn(b, p, 1);
	}
	vbuf_puts(b, "\"");
}

/* A code point YAML reads as a line end or a byte order mark, or does
 * not allow raw (C1 controls, U+FFFE/FFFF), past ASCII: NEL, LS, PS,
 * U+FEFF.  Written as an escape in double quotes.  (fuzz_tmpl: a value
 * with NEL read back with a line break, one with a C1 control made the
 * front matter fail to parse.) */
static int
mdesc_yaml_special(utf8proc_int32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0xfeff || cp == 0xfffe || cp == 0xffff;
}

/* The code point at p and its length in *k (1 and -1 for a byte that
 * starts none). */
static utf8proc_int32_t
mdesc_cp(const char *p, size_t *k)
{
	utf8proc_int32_t	cp;
	utf8proc_ssize_t	n;

	n = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &cp);
	*k = n > 0 ? (size_t)n : 1;
	return n > 0 ? cp : -1;
}

/* Whether s would read back as the same string when written plain. */
static int
mdesc_yaml_plain_ok(const char *s)
{
	static const char *const special[] = {
		"true", "false", "yes", "no", "on", "off", "null", "~", NULL
	};
	size_t	 i, k, n = strlen(s);
	int	 numeric = 1;

	if (n == 0 || strchr("-?:,[]{}#&*!|>'\"%@` \t", s[0]) != NULL)
		return 0;
	if (s[n - 1] == ' ' || s[n - 1] == ':')
		return 0;
	if (strstr(s, ": ") || strstr(s, " #") || strpbrk(s, "\n\t\r\\"))
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
			return 0;
	for (i = 0; i < n; i += k)
		if (mdesc_yaml_special(mdesc_cp(s + i, &k)))
			return 0;
	for (i = 0; special[i] != NULL; i++)
		if (strcasecmp(s, special[i]) == 0)
			return 0;
	for (i = 0; i < n; i++)
		if (!(s[i] >= '0' && s[i] <= '9') && !strchr(".,+-eE_", s[i]))
			numeric = 0;
	return !numeric;
}

char *
mdesc_yaml(const char *s)
{
	struct vbuf		 b = { NULL, 0, 0, 0 };
	const char		*p;
	size_t			 k;
	utf8proc_int32_t	 cp;

	if (mdesc_yaml_plain_ok(s))
		return strdup(s);
	/* Double-quoted: every line end escaped (a CR, alone or before LF,
	 * is one line end), so no line of it can be the "---" that ends
	 * the front matter. */
	vbuf_puts(&b, "\"");
	for (p = s; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			vbuf_printf(&b, "\\%c", *p);
		else if (*p == '\n' || *p == '\r') {
			vbuf_puts(&b, "\\n");
			if (*p == '\r' && p[1] == '\n')
				p++;
		} else if (*p == '\t')
			vbuf_puts(&b, "\\t");
		else if ((unsigned char)*p < 0x20 || *p == 0x7F)
			vbuf_printf(&b, "\\x%02x", (unsigned char)*p);
		else if ((unsigned char)*p < 0x80)
			vbuf_putn(&b, p, 1);
		else if (mdesc_yaml_special(cp = mdesc_cp(p, &k))) {
			vbuf_printf(&b, cp < 0x100 ? "\\x%02x" : "\\u%04x",
			    (unsigned)cp);
			p += k - 1;
		} else {
			vbuf_putn(&b, p, k);
			p += k - 1;
		}
	}
	vbuf_puts(&b, "\"");
	return vbuf_take(&b);
}
