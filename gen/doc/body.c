/*
 * body.c - the CommonMark body (after the front matter) into body
 * blocks, through cmark: paragraphs, headings, lists, quotes, code,
 * ```csv tables (table.c), page breaks and annexes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "input/input.h"
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

/* What a frame of the body walk goes through: a container's children. */
enum bkind {
	BK_BLOCKS,   /* the document's or a block quote's blocks */
	BK_LIST,     /* a list's items */
	BK_ITEM      /* a list item's blocks: paragraphs become DOC_ITEM */
};

/* One open container of the body walk. */
struct bframe {
	cmark_node	*next;     /* the next child to take; NULL: done */
	enum bkind	 kind;     /* what the children are */
	int		 depth;    /* list depth of what is inside, 1-based */
	int		 num;      /* LIST: next item's number; ITEM: its own */
	int		 ordered;  /* LIST, ITEM: numbered list */
	int		 paren;    /* LIST, ITEM: "1)" rather than "1." */
	int		 first;    /* ITEM: no paragraph yet (it has the marker) */
};

/*
 * The walk's stack of open containers, on the heap: nesting as deep as
 * the source (cmark builds any depth) costs memory, not C stack.
 */
struct bwalk {
	struct bframe	*f;    /* frames, innermost last */
	size_t		 n;    /* open frames */
	size_t		 cap;  /* frames allocated */
};

/* Open a frame over parent's children; depth is capped.  -1 (memory). */
static int
bwalk_push(struct bwalk *w, cmark_node *parent, enum bkind kind, int depth)
{
	struct bframe *f;

	if (vb_grow((void **)&w->f, &w->cap, w->n + 1, sizeof(*w->f)) != 0)
		return -1;
	f = &w->f[w->n++];
	memset(f, 0, sizeof(*f));
	f->next = cmark_node_first_child(parent);
	f->kind = kind;
	f->depth = depth > DOC_MAX_DEPTH ? DOC_MAX_DEPTH : depth;
	return 0;
}

/* A paragraph of a list item (frame f): an item block, with the
 * item's marker on its first paragraph.  -1 (memory). */
static int
body_item_para(struct pctx *c, struct bframe *f, cmark_node *n)
{
	struct doc_block	*b;
	char			 mk[32];

	b = doc_add_block(c->doc, DOC_ITEM, cmark_node_get_start_line(n) +
	    c->body_line0, cmark_node_get_start_column(n));
	if (b == NULL)
		return -1;
	b->level = f->depth;
	if (f->first) {
		if (f->ordered)
			snprintf(mk, sizeof(mk), "%d%c ", f->num,
			    f->paren ? ')' : '.');
		else
			snprintf(mk, sizeof(mk), "- ");
		if ((b->marker = strdup(mk)) == NULL)
			return -1;
	}
	f->first = 0;
	return body_inlines(n, &b->in);
}

/* A heading block: level 1 to 3, bold (level 3 bold italic), level 1
 * in capitals.  -1 (memory). */
static int
body_heading(struct pctx *c, cmark_node *n, int line, int col)
{
	struct doc_block	*b;
	size_t			 i;

	if ((b = doc_add_block(c->doc, DOC_HEADING, line, col)) == NULL)
		return -1;
	b->level = cmark_node_get_heading_level(n);
	if (b->level > 3)
		b->level = 3;
	if (body_inlines(n, &b->in) == -1)
		return -1;
	for (i = 0; i < b->in.n; i++)
		b->in.runs[i].face |= b->level == 3 ? DOC_BOLDITALIC : DOC_BOLD;
	if (b->level == 1) {
		for (i = 0; i < b->in.n; i++) {
			char *u = doc_upper(b->in.runs[i].text);

			if (u != NULL) {
				free(b->in.runs[i].text);
				b->in.runs[i].text = u;
				b->in.runs[i].len = strlen(u);
				b->in.runs[i].cap = b->in.runs[i].len + 1;
			}
		}
	}
	return 0;
}

/* A code block other than a table: its lines as they are, left aligned
 * without indent.  -1 (memory). */
static int
body_code(struct pctx *c, cmark_node *n, int line, int col)
{
	struct doc_block	*b;
	const char		*lit;

	if ((b = doc_add_block(c->doc, DOC_PARA, line, col)) == NULL)
		return -1;
	b->level = -1;   /* left aligned, no indent */
	lit = cmark_node_get_literal(n);
	while (lit != NULL && *lit != '\0') {
		const char *nl = strchr(lit, '\n');
		size_t	    ln = nl ? (size_t)(nl - lit) : strlen(lit);

		if (doc_inline_add(&b->in, lit, ln, DOC_REGULAR, 0) == -1)
			return -1;
		if (nl == NULL || nl[1] == '\0')
			break;
		if (doc_inline_add(&b->in, "\n", 1, DOC_REGULAR, 0) == -1)
			return -1;
		lit = nl + 1;
	}
	return 0;
}

/* An HTML block: a page break, an annex, a comment, or a warning. */
static int
body_html(struct pctx *c, cmark_node *n, int line, int col)
{
	const char		*lit = cmark_node_get_literal(n);
	struct doc_block	*b;

	if (strncmp(lit, "<!-- pagebreak -->", 18) == 0) {
		if (doc_add_block(c->doc, DOC_PAGEBREAK, line, col) == NULL)
			return -1;
	} else if (strncmp(lit, "<!-- annex", 10) == 0) {
		if ((b = doc_add_block(c->doc, DOC_ANNEX, line, col)) == NULL)
			return -1;
		b->landscape = strstr(lit, "landscape") != NULL;
	} else if (strncmp(lit, "<!--", 4) != 0)
		diag_add(c->d, DIAG_WARNING, c->doc->name, line, col,
		    "HTML block ignored");
	return 0;
}

/*
 * One block n at list depth `depth`.  A list or a quote opens a frame of
 * w for its children.  -1 (memory).
 */
/* A ```chart fence: a chart block (doc/chart.c parses its options and
 * CSV).  0, or -1 on OOM. */
static int
body_chart(struct pctx *c, cmark_node *n, const char *info, int line,
    int col)
{
	struct doc_chart	*ch;
	struct doc_block	*b;

	ch = doc_chart_parse(c->doc->name, info, cmark_node_get_literal(n),
	    line, col, c->d);
	if (ch == NULL)
		return 0;
	if ((b = doc_add_block(c->doc, DOC_CHART, line, col)) == NULL) {
		doc_chart_free(ch);
		return -1;
	}
	b->chart = ch;
	return 0;
}

static int
body_block(struct pctx *c, struct bwalk *w, cmark_node *n, int depth)
{
	int			 line = cmark_node_get_start_line(n) + c->body_line0;
	int			 col = cmark_node_get_start_column(n);
	struct doc_block	*b;
	const char		*info;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		if ((b = doc_add_block(c->doc, DOC_PARA, line, col)) == NULL ||
		    body_inlines(n, &b->in) == -1)
			return -1;
		if (body_center(&b->in))
			b->type = DOC_CENTER;
		return 0;
	case CMARK_NODE_HEADING:
		return body_heading(c, n, line, col);
	case CMARK_NODE_LIST:
		if (bwalk_push(w, n, BK_LIST, depth) == -1)
			return -1;
		w->f[w->n - 1].num = cmark_node_get_list_start(n);
		w->f[w->n - 1].ordered = cmark_node_get_list_type(n) ==
		    CMARK_ORDERED_LIST;
		w->f[w->n - 1].paren = cmark_node_get_list_delim(n) ==
		    CMARK_PAREN_DELIM;
		return 0;
	case CMARK_NODE_BLOCK_QUOTE:
		return bwalk_push(w, n, BK_BLOCKS, depth + 1);
	case CMARK_NODE_CODE_BLOCK:
		info = cmark_node_get_fence_info(n);
		if (info != NULL && strncmp(info, "csv", 3) == 0 &&
		    (info[3] == '\0' || info[3] == ' ')) {
			doc_body_table(c, n, line, col);
			return 0;
		}
		if (info != NULL && strncmp(info, "chart", 5) == 0 &&
		    (info[5] == '\0' || info[5] == ' '))
			return body_chart(c, n, info, line, col);
		return body_code(c, n, line, col);
	case CMARK_NODE_HTML_BLOCK:
		return body_html(c, n, line, col);
	case CMARK_NODE_THEMATIC_BREAK:
		diag_add(c->d, DIAG_WARNING, c->doc->name, line, col,
		    "a thematic break (---) draws nothing; for a page "
		    "break write <!-- pagebreak -->");
		return 0;
	default:
		return 0;
	}
}

/*
 * The body blocks under root, in document order, without recursion: a
 * frame per open list, item or quote.  A list item's first paragraph
 * carries its marker.  -1 (memory).
 */
static int
body_walk(struct pctx *c, cmark_node *root)
{
	struct bwalk	 w = { NULL, 0, 0 };
	int		 rc = 0;

	if (bwalk_push(&w, root, BK_BLOCKS, 1) == -1)
		return -1;
	while (w.n > 0 && rc == 0) {
		struct bframe	*f = &w.f[w.n - 1];
		struct bframe	 item;
		cmark_node	*n = f->next;

		if (n == NULL) {
			w.n--;
			continue;
		}
		f->next = cmark_node_next(n);
		if (f->kind == BK_LIST) {
			item = *f;
			f->num++;
			if ((rc = bwalk_push(&w, n, BK_ITEM, item.depth)) == 0) {
				f = &w.f[w.n - 1];
				f->num = item.num;
				f->ordered = item.ordered;
				f->paren = item.paren;
				f->first = 1;
			}
		} else if (f->kind == BK_ITEM &&
		    cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH)
			rc = body_item_para(c, f, n);
		else if (f->kind == BK_ITEM)
			/* Kept as it was: the blocks inside an item's other
			 * blocks (a quote's), one level deeper; a nested
			 * list's items and an item's code are not shown. */
			rc = bwalk_push(&w, n, BK_BLOCKS, f->depth + 1);
		else
			rc = body_block(c, &w, n, f->depth);
	}
	free(w.f);
	return rc;
}

int
doc_body_parse(struct pctx *c, const char *body, size_t len)
{
	cmark_node	*root;
	int		 rc;

	root = cmark_parse_document(body, len, CMARK_OPT_DEFAULT);
	if (root == NULL)
		return -1;
	rc = body_walk(c, root);
	cmark_node_free(root);
	return rc;
}
