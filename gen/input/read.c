/*
 * read.c - the readers: a whole file, bytes in memory, a stream to an
 * output file, and a document source that declares its encoding.
 */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <utf8proc.h>

#include "input/input.h"
#include "input/input_int.h"

/* ------------------------------------------------------------------ */
/* Readers                                                              */
/* ------------------------------------------------------------------ */

struct membuf {
	char	*p;     /* the bytes, NUL-terminated when done */
	size_t	 n;     /* bytes used */
	size_t	 cap;   /* allocated */
};

static int
mem_sink(void *arg, const char *s, size_t n)
{
	struct membuf *m = arg;

	if (conv_grow(&m->p, &m->cap, m->n, n + 1) == -1) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(m->p + m->n, s, n);
	m->n += n;
	return 0;
}

/* End a conversion into memory that ended with rc: on success hand the
 * NUL-terminated text to the caller, else free it. */
static int
mem_take(struct membuf *m, int rc, const char *name, struct diag *d,
    char **out, size_t *len)
{
	if (rc == VB_OK && mem_sink(m, "", 0) == -1) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "out of memory");
		rc = VB_ESYS;
	}
	if (rc != VB_OK) {
		free(m->p);
		return rc;
	}
	m->p[m->n] = '\0';
	*out = m->p;
	if (len)
		*len = m->n;
	return VB_OK;
}

static int
file_sink(void *arg, const char *s, size_t n)
{
	return fwrite(s, 1, n, (FILE *)arg) == n ? 0 : -1;
}

int
text_read_mem(const char *name, const char *buf, size_t n, enum text_enc enc,
    struct diag *d, char **out, size_t *len)
{
	struct conv	c;
	struct membuf	m = { NULL, 0, 0 };
	size_t		i, k;
	int		rc;

	conv_init(&c, name, enc, d, mem_sink, &m);
	for (i = 0; i < n && c.ph != PH_DONE; i += k) {
		k = n - i < TEXT_CHUNK ? n - i : TEXT_CHUNK;
		conv_feed(&c, buf + i, k);
	}
	rc = conv_finish(&c);
	conv_free(&c);
	return mem_take(&m, rc, name, d, out, len);
}

/* Feed the converter all of fp through buf (TEXT_CHUNK bytes) and finish
 * it; returns its status, or VB_ESYS when fp cannot be read. */
static int
conv_pump(struct conv *c, FILE *fp, const char *path, char *buf,
    struct diag *d)
{
	size_t k;

	while (c->ph != PH_DONE && (k = fread(buf, 1, TEXT_CHUNK, fp)) > 0)
		conv_feed(c, buf, k);
	if (ferror(fp)) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		return VB_ESYS;
	}
	return conv_finish(c);
}

/* Open path for reading ("-" is stdin, whatever it is): VB_OK, or the
 * status of vb_open_read with a message in d. */
static int
text_open_in(const char *path, FILE **fp, struct diag *d)
{
	if (strcmp(path, "-") == 0) {
		*fp = stdin;
		return VB_OK;
	}
	return vb_open_read(path, fp, d);
}

int
text_read_file(const char *path, enum text_enc enc, struct diag *d,
    char **out, size_t *len)
{
	struct conv	 c;
	struct membuf	 m = { NULL, 0, 0 };
	FILE		*fp;
	char		*buf;
	int		 rc;

	if ((rc = text_open_in(path, &fp, d)) != VB_OK)
		return rc;
	if ((buf = malloc(TEXT_CHUNK)) == NULL) {
		if (fp != stdin)
			fclose(fp);
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory");
		return VB_ESYS;
	}
	conv_init(&c, strcmp(path, "-") == 0 ? "<stdin>" : path, enc, d,
	    mem_sink, &m);
	rc = conv_pump(&c, fp, path, buf, d);
	conv_free(&c);
	free(buf);
	if (fp != stdin)
		fclose(fp);
	return mem_take(&m, rc, path, d, out, len);
}

int
text_convert_stream(const char *in_path, const char *out_path,
    enum text_enc enc, struct diag *d)
{
	struct conv	 c;
	struct outfile	*of;
	FILE		*in, *out;
	char		*buf;
	int		 rc;

	if ((rc = text_open_in(in_path, &in, d)) != VB_OK)
		return rc;
	if ((buf = malloc(TEXT_CHUNK)) == NULL) {
		diag_add(d, DIAG_ERROR, in_path, 0, 0, "out of memory");
		if (in != stdin)
			fclose(in);
		return VB_ESYS;
	}
	if ((out = outfile_open(out_path, &of, d)) == NULL) {
		free(buf);
		if (in != stdin)
			fclose(in);
		return VB_ESYS;
	}
	conv_init(&c, strcmp(in_path, "-") == 0 ? "<stdin>" : in_path, enc,
	    d, file_sink, out);
	rc = conv_pump(&c, in, in_path, buf, d);
	conv_free(&c);
	free(buf);
	if (in != stdin)
		fclose(in);
	/* Standard output keeps what was written before an error. */
	if (rc != VB_OK) {
		outfile_close(of, strcmp(out_path, "-") == 0, d);
		return rc;
	}
	return outfile_close(of, 1, d);
}

/*
 * The encoding a document source declares in its front matter
 * ("encoding: cp1258" between the first two "---" lines), read from the
 * raw bytes: the key and the names are ASCII, which every supported
 * single-byte encoding and UTF-8 keep as they are.  Returns 1 and sets
 * *out when a known name is declared, 0 when none is, -1 for an unknown
 * name (its line in *line).
 */
static int
text_enc_declared(const char *buf, size_t n, enum text_enc *out, int *line)
{
	size_t	 i = 0;
	int	 ln = 1;

	if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if (n - i < 4 || memcmp(buf + i, "---", 3) != 0)
		return 0;
	while (i < n) {
		const char	*l = buf + i, *e = memchr(l, '\n', n - i);
		size_t		 ll = e ? (size_t)(e - l) : n - i;

		if (ln > 1 && ll >= 3 && memcmp(l, "---", 3) == 0)
			break;
		if (ll > 9 && memcmp(l, "encoding:", 9) == 0) {
			char	 name[32];
			size_t	 a = 9, k = 0;

			while (a < ll && (l[a] == ' ' || l[a] == '\t' ||
			    l[a] == '"' || l[a] == '\''))
				a++;
			while (a < ll && k + 1 < sizeof(name) && l[a] != ' ' &&
			    l[a] != '"' && l[a] != '\'' && l[a] != '\r' &&
			    l[a] != '#')
				name[k++] = l[a++];
			name[k] = '\0';
			*line = ln;
			return text_enc_parse(name, out) == 0 ? 1 : -1;
		}
		if (e == NULL)
			break;
		i += ll + 1;
		ln++;
	}
	return 0;
}

int
text_read_source(const char *path, enum text_enc enc, struct diag *d,
    char **out, size_t *len)
{
	char	 head[4096];
	size_t	 n;
	FILE	*fp;
	int	 line = 0, k;

	/* A file that cannot be opened is told by text_read_file. */
	if (enc != TEXT_ENC_AUTO || strcmp(path, "-") == 0 ||
	    vb_open_read(path, &fp, NULL) != VB_OK)
		return text_read_file(path, enc, d, out, len);
	n = fread(head, 1, sizeof(head), fp);
	fclose(fp);
	k = text_enc_declared(head, n, &enc, &line);
	if (k < 0) {
		diag_add(d, DIAG_ERROR, path, line, 1, "unknown encoding; "
		    "write utf-8, utf-16, cp1258 or tcvn3");
		return VB_EINPUT;
	}
	return text_read_file(path, enc, d, out, len);
}
