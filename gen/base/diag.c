/*
 * diag.c - one collector and one format for every message of every tool:
 * "file:line:col: error: message" (or warning).  Library code adds
 * messages; only a tool's main() prints them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

/* Messages kept for printing; past this they are only counted, so an
 * input with an error on each of a million lines is answered quickly and
 * the first messages (the ones to fix first) stay readable. */
#define DIAG_KEEP_MAX 200

struct diag {
	struct diag_msg *msgs;  /* messages, in order */
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
	for (i = 0; i < d->n; i++) {
		free(d->msgs[i].file);
		free(d->msgs[i].text);
		free(d->msgs[i].formatted);
	}
	free(d->msgs);
	free(d);
}

/* "error", "warning" or "note", in the clerk's language. */
static const char *
diag_level_word(enum diag_level l)
{
	return l == DIAG_ERROR ? vb_tr("error") : l == DIAG_NOTE ?
	    vb_tr("note") : vb_tr("warning");
}

/*
 * Is file a workbook's sheet, "book.xlsx:Sheet!" (as the workbook
 * readers name their tables)?  Its places are then cells as Excel names
 * them: "book.xlsx:Sheet!F23" (col 6, line 23), "book.xlsx:Sheet!23:23"
 * (the whole row 23), "book.xlsx:Sheet" (the sheet).
 */
static int
diag_sheet(const char *file)
{
	size_t n = file != NULL ? strlen(file) : 0;

	return n > 2 && file[n - 1] == '!' && strchr(file, ':') != NULL;
}

/* A workbook's place as above ("" when none); malloc'd, NULL on OOM. */
static char *
diag_cell(const struct diag_msg *m)
{
	char	 col[8], tmp[8];
	char	*out;
	size_t	 k = 0, i;
	long	 c = m->col;
	int	 n, len = (int)strlen(m->file) - 1;

	while (c > 0 && k < 7) {
		tmp[k++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	for (i = 0; i < k; i++)
		col[i] = tmp[k - 1 - i];
	col[k] = '\0';
	if (m->line > 0 && m->col > 0)
		n = asprintf(&out, "%s%s%d", m->file, col, m->line);
	else if (m->line > 0)
		n = asprintf(&out, "%s%d:%d", m->file, m->line, m->line);
	else
		n = asprintf(&out, "%.*s", len, m->file);
	return n < 0 ? NULL : out;
}

char *
diag_place(const char *file, int line, int col)
{
	struct diag_msg	 m;
	char		*out;
	int		 n;

	memset(&m, 0, sizeof(m));
	m.file = (char *)file;
	m.line = line;
	m.col = col;
	if (file != NULL && diag_sheet(file))
		return diag_cell(&m);
	if (file == NULL)
		return strdup("");
	if (line > 0 && col > 0)
		n = asprintf(&out, "%s:%d:%d", file, line, col);
	else if (line > 0)
		n = asprintf(&out, "%s:%d", file, line);
	else
		n = asprintf(&out, "%s", file);
	return n < 0 ? NULL : out;
}

/* The message as printed: "file:line:col: error: text".  Malloc'd. */
static char *
diag_format(const struct diag_msg *m)
{
	char	*out, *cell;
	int	 n;

	if (diag_sheet(m->file)) {
		if ((cell = diag_cell(m)) == NULL)
			return NULL;
		n = asprintf(&out, "%s: %s: %s", cell,
		    diag_level_word(m->level), m->text);
		free(cell);
	} else if (m->file != NULL && m->line > 0 && m->col > 0)
		n = asprintf(&out, "%s:%d:%d: %s: %s", m->file, m->line,
		    m->col, diag_level_word(m->level),
		    m->text);
	else if (m->file != NULL && m->line > 0)
		n = asprintf(&out, "%s:%d: %s: %s", m->file, m->line,
		    diag_level_word(m->level), m->text);
	else if (m->file != NULL)
		n = asprintf(&out, "%s: %s: %s", m->file,
		    diag_level_word(m->level), m->text);
	else
		n = asprintf(&out, "%s: %s",
		    diag_level_word(m->level), m->text);
	return n < 0 ? NULL : out;
}

/*
 * s with every control character (C0, DEL, C1 in UTF-8) written as
 * "U+001B": a message quotes what it was given (a cell, a file name),
 * and a raw ESC or CSI would drive the clerk's terminal.  Malloc'd.
 */
static char *
diag_clean(const char *s)
{
	const unsigned char	*p;
	char			*out, *o;
	unsigned		 cp;

	if ((out = malloc(strlen(s) * 6 + 1)) == NULL)
		return NULL;
	for (p = (const unsigned char *)s, o = out; *p != '\0'; p++) {
		cp = *p;
		if (cp == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			cp = *++p;		/* C1: U+0080..U+009F */
		else if (cp >= 0x20 && cp != 0x7F) {
			*o++ = (char)cp;
			continue;
		}
		o += sprintf(o, "U+%04X", cp);
	}
	*o = '\0';
	return out;
}

/* Keeps a record of the message; on allocation failure the message is
 * lost but still counted, so the exit code stays right. */
void
diag_add(struct diag *d, enum diag_level lvl, const char *file, int line,
    int col, const char *fmt, ...)
{
	struct diag_msg	 m;
	char		 body[2048];
	va_list		 ap;

	if (d == NULL)
		return;
	if (lvl == DIAG_ERROR)
		d->errors++;
	else if (lvl == DIAG_WARNING)
		d->warnings++;
	if (d->n >= DIAG_KEEP_MAX) {
		d->dropped++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(body, sizeof(body), vb_tr(fmt), ap);
	va_end(ap);
	m.level = lvl;
	m.line = line;
	m.col = col;
	m.file = file ? diag_clean(file) : NULL;
	m.text = diag_clean(body);
	m.formatted = NULL;
	if ((file != NULL && m.file == NULL) || m.text == NULL ||
	    (m.formatted = diag_format(&m)) == NULL ||
	    vb_grow((void **)&d->msgs, &d->cap, d->n + 1,
	    sizeof(*d->msgs)) != 0) {
		free(m.file);
		free(m.text);
		free(m.formatted);
		return;
	}
	d->msgs[d->n++] = m;
}

void
diag_move(struct diag *to, struct diag *from)
{
	size_t i;

	if (to == NULL || from == NULL)
		return;
	for (i = 0; i < from->n; i++) {
		if (to->n >= DIAG_KEEP_MAX || vb_grow((void **)&to->msgs,
		    &to->cap, to->n + 1, sizeof(*to->msgs)) != 0) {
			to->dropped++;
			free(from->msgs[i].file);
			free(from->msgs[i].text);
			free(from->msgs[i].formatted);
			continue;
		}
		to->msgs[to->n++] = from->msgs[i];
	}
	to->errors += from->errors;
	to->warnings += from->warnings;
	to->dropped += from->dropped;
	from->n = 0;
	from->errors = from->warnings = from->dropped = 0;
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
	return (d && i < d->n) ? d->msgs[i].formatted : NULL;
}

const struct diag_msg *
diag_item(const struct diag *d, size_t i)
{
	return (d && i < d->n) ? &d->msgs[i] : NULL;
}

void
diag_print(const struct diag *d, FILE *fp, const char *prog)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++)
		fprintf(fp, "%s\n", d->msgs[i].formatted);
	if (d->dropped > 0) {
		fprintf(fp, "%s: ", prog);
		fprintf(fp, vb_ntr("%d more message not shown",
		    "%d more messages not shown", (unsigned long)d->dropped),
		    d->dropped);
		fputc('\n', fp);
	}
	if (d->errors || d->warnings) {
		fprintf(fp, "%s: ", prog);
		fprintf(fp, vb_ntr("%d error", "%d errors",
		    (unsigned long)d->errors), d->errors);
		fputs(", ", fp);
		fprintf(fp, vb_ntr("%d warning", "%d warnings",
		    (unsigned long)d->warnings), d->warnings);
		fputc('\n', fp);
	}
}
