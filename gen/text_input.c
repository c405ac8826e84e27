/*
 * text_input.c - the one reader of every input file: bytes in any
 * supported encoding -> NFC UTF-8 with LF line ends, and the one atomic
 * writer of every output file.
 *
 * (First version: UTF-8 with or without BOM.  Other encodings: see the
 * encoding layer, issue 4.)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <utf8proc.h>

#include "vanban.h"

static const struct {
	const char	*name;
	enum text_enc	 enc;
} enc_names[] = {
	{ "auto", TEXT_ENC_AUTO },
	{ "utf-8", TEXT_ENC_UTF8 }, { "utf8", TEXT_ENC_UTF8 },
	{ "utf-16", TEXT_ENC_UTF16 }, { "utf16", TEXT_ENC_UTF16 },
	{ "utf-16le", TEXT_ENC_UTF16LE }, { "utf-16be", TEXT_ENC_UTF16BE },
	{ "cp1258", TEXT_ENC_CP1258 }, { "windows-1258", TEXT_ENC_CP1258 },
	{ "tcvn3", TEXT_ENC_TCVN3 }, { "tcvn", TEXT_ENC_TCVN3 },
};

int
text_enc_parse(const char *name, enum text_enc *out)
{
	size_t i;

	for (i = 0; i < sizeof(enc_names) / sizeof(enc_names[0]); i++)
		if (strcasecmp(name, enc_names[i].name) == 0) {
			*out = enc_names[i].enc;
			return 0;
		}
	return -1;
}

const char *
text_enc_name(enum text_enc enc)
{
	size_t i;

	for (i = 0; i < sizeof(enc_names) / sizeof(enc_names[0]); i++)
		if (enc_names[i].enc == enc)
			return enc_names[i].name;
	return "?";
}

char *
text_nfc(const char *s, size_t n, size_t *outlen)
{
	utf8proc_uint8_t	*r = NULL;
	utf8proc_ssize_t	 k;

	k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &r, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	if (k < 0)
		return NULL;
	if (outlen)
		*outlen = (size_t)k;
	return (char *)r;
}

int
text_read_mem(const char *name, const char *buf, size_t n, enum text_enc enc,
    struct diag *d, char **out, size_t *len)
{
	const unsigned char	*p = (const unsigned char *)buf;
	size_t			 i, line = 1, col = 1, o;
	char			*lf, *nfc;

	(void)enc;
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		p += 3;
		n -= 3;
	}
	for (i = 0; i < n; ) {
		utf8proc_int32_t	cp;
		utf8proc_ssize_t	k;

		k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k < 0) {
			diag_add(d, DIAG_ERROR, name, (int)line, (int)col,
			    "invalid UTF-8 byte 0x%02X at offset %zu "
			    "(is the file in another encoding? try -f cp1258)",
			    p[i], i);
			return VB_EINPUT;
		}
		if (cp == '\n') {
			line++;
			col = 1;
		} else
			col++;
		i += (size_t)k;
	}
	if ((lf = malloc(n + 1)) == NULL) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "out of memory");
		return VB_ESYS;
	}
	for (i = o = 0; i < n; i++) {
		if (p[i] == '\r') {
			lf[o++] = '\n';
			if (i + 1 < n && p[i + 1] == '\n')
				i++;
		} else
			lf[o++] = (char)p[i];
	}
	nfc = text_nfc(lf, o, len);
	free(lf);
	if (nfc == NULL) {
		diag_add(d, DIAG_ERROR, name, 0, 0, "cannot normalise text");
		return VB_EINPUT;
	}
	*out = nfc;
	return VB_OK;
}

int
text_read_file(const char *path, enum text_enc enc, struct diag *d,
    char **out, size_t *len)
{
	FILE	*fp;
	char	*buf = NULL, *p;
	size_t	 n = 0, cap = 0, k;
	int	 rc;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "rb")) == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot open: %s",
		    strerror(errno));
		return VB_ESYS;
	}
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((p = realloc(buf, cap)) == NULL) {
				free(buf);
				if (fp != stdin)
					fclose(fp);
				diag_add(d, DIAG_ERROR, path, 0, 0,
				    "out of memory");
				return VB_ESYS;
			}
			buf = p;
		}
		k = fread(buf + n, 1, cap - n, fp);
		n += k;
		if (k == 0)
			break;
	}
	if (ferror(fp)) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		free(buf);
		if (fp != stdin)
			fclose(fp);
		return VB_ESYS;
	}
	if (fp != stdin)
		fclose(fp);
	rc = text_read_mem(path, buf, n, enc, d, out, len);
	free(buf);
	return rc;
}

/* The process's umask, which mkstemp ignores (it creates 0600). */
static mode_t
text_umask(void)
{
	mode_t m = umask(022);

	umask(m);
	return m;
}

int
text_write_file(const char *path, const void *buf, size_t n, struct diag *d)
{
	char	*tmp;
	FILE	*fp;
	int	 fd;
	size_t	 plen;

	if (strcmp(path, "-") == 0) {
		if (fwrite(buf, 1, n, stdout) != n || fflush(stdout) != 0) {
			diag_add(d, DIAG_ERROR, "<stdout>", 0, 0,
			    "cannot write: %s", strerror(errno));
			return VB_ESYS;
		}
		return VB_OK;
	}
	plen = strlen(path);
	if ((tmp = malloc(plen + 16)) == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory");
		return VB_ESYS;
	}
	snprintf(tmp, plen + 16, "%s.tmp.XXXXXX", path);
	fp = NULL;
	if ((fd = mkstemp(tmp)) == -1 || fchmod(fd, 0666 & ~text_umask()) != 0 ||
	    (fp = fdopen(fd, "wb")) == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot create: %s",
		    strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return VB_ESYS;
	}
	if (fwrite(buf, 1, n, fp) != n || fflush(fp) != 0 ||
	    fsync(fileno(fp)) != 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		fclose(fp);
		unlink(tmp);
		free(tmp);
		return VB_ESYS;
	}
	if (fclose(fp) != 0 || rename(tmp, path) != 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		unlink(tmp);
		free(tmp);
		return VB_ESYS;
	}
	free(tmp);
	return VB_OK;
}
