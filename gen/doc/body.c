/*
 * body.c - the CommonMark body (after the front matter) into body
 * blocks, through cmark: paragraphs, headings, lists, quotes, code,
 * ```csv tables (table.c), page breaks and annexes.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "vanban.h"
#include "doc/doc.h"
#include "doc/doc_int.h"

#define DOC_MAX_DEPTH 16   /* nested lists / quotes beyond this are flattened */

/* Inline children of a cmark block into in. */
static int
body_inlines(cmark_node *blk, struct doc_inline *in)
{
	cmark_iter		*it = cmark_iter_new(blk);
	cmark_event_type	 ev;
	int			 bold = 0, ital = 0, sup = 0, rc = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE && rc == 0) {
		cmark_node	*n = cmark_iter_get_node(it);
		const char	*lit;
		int		 face;

		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_EMPH:
			ital += ev == CMARK_EVENT_ENTER ? 1 : -1;
			continue;
		case CMARK_NODE_STRONG:
			bold += ev == CMARK_EVENT_ENTER ? 1 : -1;
			continue;
		default:
			break;
		}
		face = (bold > 0 ? DOC_BOLD : 0) | (ital > 0 ? DOC_ITALIC : 0);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(n);
			rc = doc_inline_add(in, lit, strlen(lit), face, sup);
			break;
		case CMARK_NODE_SOFTBREAK:
			rc = doc_inline_add(in, " ", 1, face, sup);
			break;
		case CMARK_NODE_LINEBREAK:
			rc = doc_inline_add(in, "\n", 1, face, sup);
			break;
		case CMARK_NODE_HTML_INLINE:
			lit = cmark_node_get_literal(n);
			if (strcmp(lit, "<sup>") == 0)
				sup = 1;
			else if (strcmp(lit, "</sup>") == 0)
				sup = 0;
			else if (strcmp(lit, "<i>") == 0 ||
			    strcmp(lit, "<em>") == 0)
				ital++;
			else if (strcmp(lit, "</i>") == 0 ||
			    strcmp(lit, "</em>") == 0)
				ital--;
			else if (strcmp(lit, "<b>") == 0 ||
			    strcmp(lit, "<strong>") == 0)
				bold++;
			else if (strcmp(lit, "</b>") == 0 ||
			    strcmp(lit, "</strong>") == 0)
				bold--;
			else if (strncmp(lit, "<br", 3) == 0)
				rc = doc_inline_add(in, "\n", 1, face, sup);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	return rc;
}

/* Strip "->" and "<-" from a centred paragraph; 1 if it was one. */
static int
body_center(struct doc_inline *in)
{
	struct doc_run	*f, *l;
	char		*t;
	size_t		 n;

	if (in->n == 0)
		return 0;
	f = &in->runs[0];
	l = &in->runs[in->n - 1];
	if (strncmp(f->text, "->", 2) != 0)
		return 0;
	n = strlen(l->text);
	while (n > 0 && l->text[n - 1] == ' ')
		n--;
	if (n < 2 || strncmp(l->text + n - 2, "<-", 2) != 0)
		return 0;
	l->text[n - 2] = '\0';
	memmove(f->text, f->text + 2, strlen(f->text + 2) + 1);
	/* Trim the spaces around the markers. */
	t = f->text;
	while (*t == ' ')
		t++;
	memmove(f->text, t, strlen(t) + 1);
	n = strlen(l->text);
	while (n > 0 && l->text[n - 1] == ' ')
		l->text[--n] = '\0';
	l->len = n;
	f->len = strlen(f->text);
	return 1;
}

static void body_blocks(struct pctx *, cmark_node *, int);

/* One list: each item's first paragraph carries the marker. */
static void
body_list(struct pctx *c, cmark_node *list, int depth)
{
	cmark_node	*item, *ch;
	int		 num = cmark_node_get_list_start(list);
	int		 ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
	int		 paren = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM;

	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item), num++) {
		int first = 1;

		for (ch = cmark_node_first_child(item); ch != NULL;
		    ch = cmark_node_next(ch)) {
			struct doc_block	*b;
			char			 mk[32];

			if (cmark_node_get_type(ch) != CMARK_NODE_PARAGRAPH) {
				body_blocks(c, ch, depth + 1);
				continue;
			}
			b = doc_add_block(c->doc, DOC_ITEM,
			    cmark_node_get_start_line(ch) + c->body_line0,
			    cmark_node_get_start_column(ch));
			if (b == NULL)
				return;
			b->level = depth;
			if (first) {
				if (ordered)
					snprintf(mk, sizeof(mk), "%d%c ", num,
					    paren ? ')' : '.');
				else
					snprintf(mk, sizeof(mk), "- ");
				b->marker = strdup(mk);
			}
			first = 0;
			body_inlines(ch, &b->in);
		}
	}
}

/* The body blocks under parent (the document, a quote or an item). */
static void
body_blocks(struct pctx *c, cmark_node *parent, int depth)
{
	cmark_node *n;

	if (depth > DOC_MAX_DEPTH)
		depth = DOC_MAX_DEPTH;
	for (n = cmark_node_first_child(parent); n != NULL;
	    n = cmark_node_next(n)) {
		int			 line = cmark_node_get_start_line(n) +
		    c->body_line0;
		int			 col = cmark_node_get_start_column(n);
		struct doc_block	*b;
		const char		*lit, *info;

		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			if ((b = doc_add_block(c->doc, DOC_PARA, line,
			    col)) == NULL)
				return;
			body_inlines(n, &b->in);
			if (body_center(&b->in))
				b->type = DOC_CENTER;
			break;
		case CMARK_NODE_HEADING:
			if ((b = doc_add_block(c->doc, DOC_HEADING, line,
			    col)) == NULL)
				return;
			b->level = cmark_node_get_heading_level(n);
			if (b->level > 3)
				b->level = 3;
			body_inlines(n, &b->in);
			for (size_t i = 0; i < b->in.n; i++)
				b->in.runs[i].face |= b->level == 3 ?
				    DOC_BOLDITALIC : DOC_BOLD;
			if (b->level == 1) {
				size_t i;

				for (i = 0; i < b->in.n; i++) {
					char *u = doc_upper(b->in.runs[i].text);

					if (u != NULL) {
						free(b->in.runs[i].text);
						b->in.runs[i].text = u;
					}
				}
			}
			break;
		case CMARK_NODE_LIST:
			body_list(c, n, depth);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			body_blocks(c, n, depth + 1);
			break;
		case CMARK_NODE_CODE_BLOCK:
			info = cmark_node_get_fence_info(n);
			if (info != NULL && strncmp(info, "csv", 3) == 0 &&
			    (info[3] == '\0' || info[3] == ' ')) {
				doc_body_table(c, n, line, col);
				break;
			}
			/* Other code: its lines as they are. */
			if ((b = doc_add_block(c->doc, DOC_PARA, line,
			    col)) == NULL)
				return;
			b->level = -1;   /* left aligned, no indent */
			lit = cmark_node_get_literal(n);
			while (lit != NULL && *lit != '\0') {
				const char *nl = strchr(lit, '\n');
				size_t	    ln = nl ? (size_t)(nl - lit) :
				    strlen(lit);

				doc_inline_add(&b->in, lit, ln, DOC_REGULAR, 0);
				if (nl == NULL || nl[1] == '\0')
					break;
				doc_inline_add(&b->in, "\n", 1, DOC_REGULAR, 0);
				lit = nl + 1;
			}
			break;
		case CMARK_NODE_HTML_BLOCK:
			lit = cmark_node_get_literal(n);
			if (strncmp(lit, "<!-- pagebreak -->", 18) == 0)
				doc_add_block(c->doc, DOC_PAGEBREAK, line, col);
			else if (strncmp(lit, "<!-- annex", 10) == 0) {
				if ((b = doc_add_block(c->doc, DOC_ANNEX, line,
				    col)) == NULL)
					return;
				b->landscape = strstr(lit, "landscape") != NULL;
			} else if (strncmp(lit, "<!--", 4) != 0)
				diag_add(c->d, DIAG_WARNING, c->doc->name, line,
				    col, "HTML block ignored");
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			diag_add(c->d, DIAG_WARNING, c->doc->name, line, col,
			    "a thematic break (---) draws nothing; for a page "
			    "break write <!-- pagebreak -->");
			break;
		default:
			break;
		}
	}
}

int
doc_body_parse(struct pctx *c, const char *body, size_t len)
{
	cmark_node *root;

	root = cmark_parse_document(body, len, CMARK_OPT_DEFAULT);
	if (root == NULL)
		return -1;
	body_blocks(c, root, 1);
	cmark_node_free(root);
	return 0;
}
