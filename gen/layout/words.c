/*
 * words.c - the list of Vietnamese words of several syllables that line
 * breaking keeps whole where it can ("Ủy ban", "xuất sắc", "công tác"):
 * templates/tu-ghep.txt, one word a line, '#' starts a comment.  Read
 * once per process (threads share it), from the templates folder found
 * as the other data sets are (vb_find_templates: $VB_TEMPLATES, beside the
 * program, the build tree); when the file is absent there is no list
 * and no penalty.  Entries are kept in lower case with single spaces,
 * in a hash table (open addressing: line breaking asks for every pair of
 * syllables of every paragraph).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/base.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "layout/layout_int.h"

#define LW_FILE "tu-ghep.txt"
#define LW_LINE_MAX 256   /* longer lines are not words: skipped */

static char		**lw_v;     /* the words, in file order */
static size_t		  lw_n;
static char		**lw_tab;   /* hash table of lw_v, NULL: empty slot */
static size_t		  lw_mask;  /* its size - 1 (a power of 2) */
static pthread_once_t	  lw_once = PTHREAD_ONCE_INIT;

/* s (n bytes) in lower case, runs of spaces as one, into out (contract
 * in layout_int.h). */
size_t
lw_fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t	 i = 0, k = 0;
	int	 space = 0;

	while (i < n) {
		utf8proc_int32_t	 cp;
		utf8proc_ssize_t	 l = utf8proc_iterate((const utf8proc_uint8_t *)
		    s + i, (utf8proc_ssize_t)(n - i), &cp);
		utf8proc_uint8_t	 enc[4];
		utf8proc_ssize_t	 m;

		if (l <= 0)
			return 0;
		i += (size_t)l;
		if (cp == ' ' || cp == '\t') {
			space = k > 0;
			continue;
		}
		if (space) {
			if (k + 1 >= cap)
				return 0;
			out[k++] = ' ';
			space = 0;
		}
		m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
		if (k + (size_t)m >= cap)
			return 0;
		memcpy(out + k, enc, (size_t)m);
		k += (size_t)m;
	}
	out[k] = '\0';
	return k;
}

/* FNV-1a of a string. */
static size_t
lw_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Index lw_v in lw_tab, at most half full. */
static void
lw_index(void)
{
	size_t	 size = 16, i, j;

	while (size < 2 * lw_n)
		size *= 2;
	if ((lw_tab = calloc(size, sizeof(*lw_tab))) == NULL)
		return;
	lw_mask = size - 1;
	for (i = 0; i < lw_n; i++) {
		for (j = lw_hash(lw_v[i]) & lw_mask; lw_tab[j] != NULL;
		    j = (j + 1) & lw_mask)
			if (strcmp(lw_tab[j], lw_v[i]) == 0)
				break;
		lw_tab[j] = lw_v[i];
	}
}

/* Read the list into lw_v (once); on any failure the list stays empty. */
static void
lw_load(void)
{
	char	*dir, *path = NULL, line[LW_LINE_MAX], key[LW_LINE_MAX];
	FILE	*f = NULL;
	size_t	 cap = 0;

	if ((dir = vb_find_templates(NULL, LW_FILE)) == NULL ||
	    asprintf(&path, "%s/%s", dir, LW_FILE) < 0) {
		free(dir);
		return;
	}
	free(dir);
	(void)vb_open_read(path, &f, NULL);
	free(path);
	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		size_t	 n = strcspn(line, "#\r\n"), two;
		char	*w, *sp;

		if (line[strlen(line) - 1] != '\n' && !feof(f)) {
			int ch;   /* too long: skip the rest */

			while ((ch = fgetc(f)) != EOF && ch != '\n')
				;
			continue;
		}
		if (lw_fold(line, n, key, sizeof(key)) == 0 ||
		    strchr(key, ' ') == NULL)
			continue;   /* blank, or one syllable */
		if (vb_grow((void **)&lw_v, &cap, lw_n + 2,
		    sizeof(*lw_v)) != 0 || (w = strdup(key)) == NULL)
			break;
		lw_v[lw_n++] = w;
		/* Its first two syllables, marked by a leading \1, so that
		 * lw_pair can tell most pairs at once they start no word. */
		sp = strchr(key, ' ') + 1;
		two = (size_t)(sp - key) + strcspn(sp, " ");
		if ((w = malloc(two + 2)) == NULL)
			break;
		w[0] = '\1';
		memcpy(w + 1, key, two);
		w[two + 1] = '\0';
		lw_v[lw_n++] = w;
	}
	fclose(f);
	if (lw_n > 0)
		lw_index();
}

/* Is key (folded) a word of the list?  Loads it on the first call. */
int
lw_has(const char *key)
{
	size_t j;

	pthread_once(&lw_once, lw_load);
	if (lw_tab == NULL)
		return 0;
	for (j = lw_hash(key) & lw_mask; lw_tab[j] != NULL;
	    j = (j + 1) & lw_mask)
		if (strcmp(lw_tab[j], key) == 0)
			return 1;
	return 0;
}

/* Do syllables a and b (folded) start a listed word? */
int
lw_pair(const char *a, const char *b)
{
	char	 key[2 * LW_LINE_MAX];
	size_t	 na = strlen(a), nb = strlen(b);

	if (na + nb + 3 > sizeof(key))
		return 0;
	key[0] = '\1';
	memcpy(key + 1, a, na);
	key[na + 1] = ' ';
	memcpy(key + na + 2, b, nb + 1);
	return lw_has(key);
}

/* A capital first, a small letter after it (contract in layout_int.h). */
int
lw_titlecase(const char *s, size_t n)
{
	size_t			 i = 0;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 l;
	int			 first = 1;

	while (i < n && (l = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(n - i), &cp)) > 0) {
		i += (size_t)l;
		if (first && !utf8proc_isupper(cp))
			return 0;
		if (!first && utf8proc_islower(cp))
			return 1;
		first = 0;
	}
	return 0;
}
