/*
 * diag.c - one collector and one format for every message of every tool:
 * "file:line:col: error: message" (or warning).  Library code adds
 * messages; only a tool's main() prints them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"

/* Messages kept for printing; past this they are only counted, so an
 * input with an error on each of a million lines is answered quickly and
 * the first messages (the ones to fix first) stay readable. */
#define DIAG_KEEP_MAX 200

struct diag {
	char	**msgs;      /* formatted messages, in order */
	size_t	  n;         /* messages kept */
	size_t	  cap;       /* allocated slots */
	int	  errors;    /* errors, kept or not */
	int	  warnings;  /* warnings, kept or not */
	int	  dropped;   /* messages not kept */
};

struct diag *
diag_new(void)
{
	return calloc(1, sizeof(struct diag));
}

void
diag_free(struct diag *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++)
		free(d->msgs[i]);
	free(d->msgs);
	free(d);
}

/* Formats the position prefix and message; on allocation failure the
 * message is lost but still counted, so the exit code stays right. */
void
diag_add(struct diag *d, enum diag_level lvl, const char *file, int line,
    int col, const char *fmt, ...)
{
	char	 pos[512], body[2048], *m;
	va_list	 ap;
	size_t	 n;

	if (d == NULL)
		return;
	if (lvl == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->n >= DIAG_KEEP_MAX) {
		d->dropped++;
		return;
	}
	pos[0] = '\0';
	if (file != NULL && line > 0 && col > 0)
		snprintf(pos, sizeof(pos), "%s:%d:%d: ", file, line, col);
	else if (file != NULL && line > 0)
		snprintf(pos, sizeof(pos), "%s:%d: ", file, line);
	else if (file != NULL)
		snprintf(pos, sizeof(pos), "%s: ", file);
	va_start(ap, fmt);
	vsnprintf(body, sizeof(body), fmt, ap);
	va_end(ap);
	n = strlen(pos) + strlen(body) + 16;
	if ((m = malloc(n)) == NULL)
		return;
	snprintf(m, n, "%s%s: %s", pos,
	    lvl == DIAG_ERROR ? "error" : "warning", body);
	if (d->n == d->cap) {
		size_t	 cap = d->cap ? d->cap * 2 : 16;
		char	**p = realloc(d->msgs, cap * sizeof(*p));

		if (p == NULL) {
			free(m);
			return;
		}
		d->msgs = p;
		d->cap = cap;
	}
	d->msgs[d->n++] = m;
}

int
diag_errors(const struct diag *d)
{
	return d ? d->errors : 0;
}

int
diag_warnings(const struct diag *d)
{
	return d ? d->warnings : 0;
}

size_t
diag_count(const struct diag *d)
{
	return d ? d->n : 0;
}

const char *
diag_get(const struct diag *d, size_t i)
{
	return (d && i < d->n) ? d->msgs[i] : NULL;
}

void
diag_print(const struct diag *d, FILE *fp, const char *prog)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++)
		fprintf(fp, "%s\n", d->msgs[i]);
	if (d->dropped > 0)
		fprintf(fp, "%s: %d more message%s not shown\n", prog,
		    d->dropped, d->dropped == 1 ? "" : "s");
	if (d->errors || d->warnings)
		fprintf(fp, "%s: %d error%s, %d warning%s\n", prog,
		    d->errors, d->errors == 1 ? "" : "s",
		    d->warnings, d->warnings == 1 ? "" : "s");
}
