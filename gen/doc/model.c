/*
 * model.c - the document model's own helpers: inline runs, blocks,
 * freeing a document, and the small queries later stages ask of it
 * (doc_locate).  Nothing here parses a source, so layout
 * and render link only this and not cmark or libyaml.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "input/input.h"
#include "doc/doc.h"
#include "doc/doc_int.h"

/* Upper-case a UTF-8 string (Vietnamese letters included); malloc'd. */
char *
doc_upper(const char *s)
{
	size_t		 n = strlen(s), o = 0;
	char		*out = malloc(n * 2 + 1);
	utf8proc_ssize_t i = 0;

	if (out == NULL)
		return NULL;
	while ((size_t)i < n) {
		utf8proc_int32_t	 cp;
		utf8proc_ssize_t	 k;

		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)n - i, &cp);
		if (k <= 0) {
			out[o++] = s[i++];
			continue;
		}
		i += k;
		o += (size_t)utf8proc_encode_char(utf8proc_toupper(cp),
		    (utf8proc_uint8_t *)out + o);
	}
	out[o] = '\0';
	return out;
}

/* Bytes of text (at most room, > 0) that end on a UTF-8 character
 * boundary; 0 when the first character does not fit. */
static size_t
doc_cut(const char *text, size_t n, size_t room)
{
	size_t k;

	if (n <= room)
		return n;
	for (k = room; k > 0 && ((unsigned char)text[k] & 0xc0) == 0x80; k--)
		;
	return k;
}

/* Append n bytes to run r (they fit its DOC_MAX_STRING).  -1 (memory). */
static int
doc_run_append(struct doc_run *r, const char *text, size_t n)
{
	if (vb_grow((void **)&r->text, &r->cap, r->len + n + 1, 1) != 0)
		return -1;
	memcpy(r->text + r->len, text, n);
	r->len += n;
	r->text[r->len] = '\0';
	return 0;
}

/* Give back what growing left unused: a cell of one run held sixteen
 * (vb_grow's least), and a long annex's cells are most of its model. */
void
doc_inline_trim(struct doc_inline *in)
{
	struct doc_run	*r;
	size_t		 i;

	for (i = 0; i < in->n; i++) {
		char *t;

		r = &in->runs[i];
		if (r->cap > r->len + 1 &&
		    (t = realloc(r->text, r->len + 1)) != NULL) {
			r->text = t;
			r->cap = r->len + 1;
		}
	}
	if (in->n > 0 && in->cap > in->n &&
	    (r = realloc(in->runs, in->n * sizeof(*r))) != NULL) {
		in->runs = r;
		in->cap = in->n;
	}
}

/*
 * Text joins the last run when the face is the same; a run never holds
 * more than DOC_MAX_STRING bytes (the longest string the PDF writer
 * takes), so longer text goes on in a new run of the same face, cut
 * between characters.
 */
int
doc_inline_add(struct doc_inline *in, const char *text, size_t n, int face,
    int sup)
{
	struct doc_run	*r;
	size_t		 k;
	int		 nl = n == 1 && text[0] == '\n';

	while (n > 0) {
		r = in->n > 0 ? &in->runs[in->n - 1] : NULL;
		if (r != NULL && r->face == face && r->sup == sup && !nl &&
		    strcmp(r->text, "\n") != 0 &&
		    (k = doc_cut(text, n, DOC_MAX_STRING - r->len)) > 0) {
			if (doc_run_append(r, text, k) == -1)
				return -1;
			text += k;
			n -= k;
			continue;
		}
		if (vb_grow((void **)&in->runs, &in->cap, in->n + 1,
		    sizeof(*in->runs)) != 0)
			return -1;
		r = &in->runs[in->n];
		memset(r, 0, sizeof(*r));
		r->face = face;
		r->sup = sup;
		if ((k = doc_cut(text, n, DOC_MAX_STRING)) == 0)
			k = n < 4 ? n : 4;   /* not UTF-8: cut anywhere */
		if (doc_run_append(r, text, k) == -1)
			return -1;
		in->n++;
		text += k;
		n -= k;
	}
	return 0;
}

void
doc_inline_free(struct doc_inline *in)
{
	size_t i;

	if (in == NULL)
		return;
	for (i = 0; i < in->n; i++)
		free(in->runs[i].text);
	free(in->runs);
	in->runs = NULL;
	in->n = 0;
}

/* Append a zeroed block of this type and position to doc; NULL (memory). */
struct doc_block *
doc_add_block(struct doc *doc, enum doc_btype type, int line, int col)
{
	struct doc_block *b;

	if (vb_grow((void **)&doc->blocks, &doc->cap, doc->nblocks + 1,
	    sizeof(*doc->blocks)) != 0)
		return NULL;
	b = &doc->blocks[doc->nblocks++];
	memset(b, 0, sizeof(*b));
	b->type = type;
	b->line = line;
	b->col = col;
	return b;
}

int
doc_locate(const char *text, int line, uint32_t cp, int *oline, int *ocol)
{
	const unsigned char	*p = (const unsigned char *)text;
	int			 l = 1, col = 1;
	utf8proc_ssize_t	 k;

	while (*p != '\0') {
		utf8proc_int32_t c;

		k = utf8proc_iterate(p, -1, &c);
		if (k <= 0) {
			p++;
			continue;
		}
		if (l >= line && (uint32_t)c == cp) {
			*oline = l;
			*ocol = col;
			return 1;
		}
		if (c == '\n') {
			l++;
			col = 1;
		} else
			col++;
		p += k;
	}
	return 0;
}

/* Free the strings of a list (not the list itself). */
static void
doc_list_free(struct doc_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

void
doc_free(struct doc *doc)
{
	size_t i, k;

	if (doc == NULL)
		return;
	for (i = 0; i < doc->nblocks; i++) {
		struct doc_block *b = &doc->blocks[i];

		doc_inline_free(&b->in);
		free(b->marker);
		if (b->table != NULL) {
			for (k = 0; k < b->table->nrows * b->table->ncols; k++)
				doc_inline_free(&b->table->cells[k]);
			free(b->table->cells);
			free(b->table->row_line);
			free(b->table->widths);
			free(b->table->align);
			free(b->table->group);
			free((char *)b->table->file);
			free(b->table);
		}
		doc_chart_free(b->chart);
	}
	free(doc->blocks);
	free(doc->meta.loai);
	free(doc->meta.co_quan_chu_quan);
	doc_list_free(&doc->meta.co_quan);
	free(doc->meta.so);
	free(doc->meta.ky_hieu);
	free(doc->meta.dia_danh);
	free(doc->meta.trich_yeu);
	doc_list_free(&doc->meta.kinh_gui);
	for (i = 0; i < doc->meta.nky; i++) {
		free(doc->meta.ky[i].tham_quyen);
		free(doc->meta.ky[i].chuc_vu);
		free(doc->meta.ky[i].ho_ten);
	}
	free(doc->meta.ky);
	doc_list_free(&doc->meta.noi_nhan);
	free(doc->meta.luu);
	free(doc->meta.nguoi_soan);
	free(doc->meta.du_thao);
	free(doc->meta.do_khan);
	free(doc->name);
	free(doc);
}
