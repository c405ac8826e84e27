/*
 * fuzz_tmpl.c - libFuzzer harness for the generators' skeleton language:
 * tmpl_expand (placeholders, filters |yaml and |md, sections), the
 * variables (tmpl_vars_*), and tmpl_yaml_scalar.
 *
 * Input: when it holds a NUL byte, the bytes before it declare the
 * variables, one a line: "key=value" a string, "key+=item" appends a list
 * item, "key[]" an empty list (in values "\n", "\r", "\t" and "\\" are
 * escapes, so that values can hold line breaks); the bytes after it are
 * the skeleton.  Without a NUL the whole input is the skeleton, over a
 * few fixed variables (a string, "", "0", a list, an empty list).
 *
 * Contracts checked (abort() when broken): VB_OK exactly when there is an
 * output; an error leaves a message; a deep copy (tmpl_vars_dup) expands
 * to the same result; every value, written by tmpl_yaml_scalar as the
 * value of a YAML mapping, reads back through libyaml as the same
 * string, its line ends as LF (valid UTF-8 values only: the generators'
 * text is).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#include <yaml.h>

#include "vanban.h"
#include "../lib/yamlback.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Undo the escapes of a value in place. */
static void
unescape(char *s)
{
	char *w = s;

	for (; *s != '\0'; s++) {
		if (*s != '\\' || s[1] == '\0') {
			*w++ = *s;
			continue;
		}
		s++;
		*w++ = *s == 'n' ? '\n' : *s == 'r' ? '\r' : *s == 't' ? '\t' :
		    *s;
	}
	*w = '\0';
}

/* Declare the variables of the lines of decl (modified). */
static int
declare(struct tmpl_vars *vs, char *decl)
{
	char	*line, *eq, *next;

	for (line = decl; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((eq = strchr(line, '=')) == NULL) {
			size_t n = strlen(line);

			if (n > 2 && strcmp(line + n - 2, "[]") == 0) {
				line[n - 2] = '\0';
				if (tmpl_vars_list(vs, line) != 0)
					return -1;
			}
			continue;
		}
		*eq = '\0';
		unescape(eq + 1);
		if (eq > line && eq[-1] == '+') {
			eq[-1] = '\0';
			if (tmpl_vars_push(vs, line, eq + 1) != 0)
				return -1;
		} else if (tmpl_vars_set(vs, line, eq + 1) != 0)
			return -1;
	}
	return 0;
}

static int
defaults(struct tmpl_vars *vs)
{
	return tmpl_vars_set(vs, "ten", "Sở Nội vụ: *tỉnh* [A]") ||
	    tmpl_vars_set(vs, "rong", "") || tmpl_vars_set(vs, "khong", "0") ||
	    tmpl_vars_push(vs, "ds", "Như trên;") ||
	    tmpl_vars_push(vs, "ds", "- Lưu: VT, TĐKT.") ||
	    tmpl_vars_list(vs, "trong") ? -1 : 0;
}

/* 1 when s is valid UTF-8 (utf8proc's rules, as the readers apply). */
static int
valid_utf8(const char *s)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 k;

	while (*p != '\0') {
		if ((k = utf8proc_iterate(p, -1, &cp)) <= 0)
			return 0;
		p += k;
	}
	return 1;
}

/* Every item of key must survive tmpl_yaml_scalar and libyaml. */
static void
check_yaml(const struct tmpl_vars *vs, const char *key)
{
	const char	*s;
	char		*y, *back;
	size_t		 i;

	for (i = 0; (s = tmpl_vars_item(vs, key, i)) != NULL; i++) {
		if (!valid_utf8(s) || (y = tmpl_yaml_scalar(s)) == NULL)
			continue;
		if ((back = yaml_back(y)) == NULL || !same_lines(back, s))
			abort();	/* the scalar does not read back */
		free(back);
		free(y);
	}
}

/* The keys declared in decl (a copy of the declaration lines). */
static void
check_all_yaml(const struct tmpl_vars *vs, const char *decl, size_t n)
{
	char	 key[256];
	size_t	 i = 0, k;

	while (i < n) {
		for (k = 0; i < n && decl[i] != '\n' && decl[i] != '=' &&
		    decl[i] != '+' && decl[i] != '['; i++)
			if (k < sizeof(key) - 1)
				key[k++] = decl[i];
		key[k] = '\0';
		check_yaml(vs, key);
		while (i < n && decl[i] != '\n')
			i++;
		i++;
	}
}

/* Expand tmpl over vs; check the result's contract.  *out is set. */
static int
expand(const char *tmpl, const struct tmpl_vars *vs, char **out)
{
	struct diag	*d = diag_new();
	int		 rc;

	if (d == NULL)
		return -1;
	rc = tmpl_expand("fuzz.md", tmpl, vs, d, out);
	if ((rc == VB_OK) != (*out != NULL))
		abort();	/* an output exactly on success */
	if (rc != VB_OK && diag_errors(d) == 0)
		abort();	/* a failure says why */
	diag_free(d);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tmpl_vars	*vs = tmpl_vars_new(), *dup = NULL;
	const uint8_t		*nul = memchr(data, '\0', size);
	char			*decl = NULL, *tmpl = NULL, *a = NULL, *b = NULL;
	size_t			 dn = nul ? (size_t)(nul - data) : 0;
	int			 ra, rb;

	if (vs == NULL)
		return 0;
	if (nul != NULL) {
		if ((decl = strndup((const char *)data, dn)) == NULL ||
		    (tmpl = strndup((const char *)nul + 1, size - dn - 1)) ==
		    NULL || declare(vs, decl) != 0)
			goto done;
		free(decl);
		decl = strndup((const char *)data, dn);   /* declare cut it */
	} else if ((tmpl = strndup((const char *)data, size)) == NULL ||
	    defaults(vs) != 0)
		goto done;
	if ((dup = tmpl_vars_dup(vs)) == NULL)
		goto done;
	ra = expand(tmpl, vs, &a);
	rb = expand(tmpl, dup, &b);
	if (ra != rb || (a != NULL && strcmp(a, b) != 0))
		abort();	/* a copy must expand alike */
	if (decl != NULL)
		check_all_yaml(vs, decl, dn);
	else
		check_yaml(vs, "ten");
done:
	free(a);
	free(b);
	free(decl);
	free(tmpl);
	tmpl_vars_free(dup);
	tmpl_vars_free(vs);
	return 0;
}
