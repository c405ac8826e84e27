/*
 * doc_int.h - what the parser's files of gen/doc/ share (parse.c,
 * frontmatter.c, body.c, table.c, model.c).  Internal to gen/doc/.
 *
 * Include order: base/base.h, doc/doc.h, then this.
 */
#ifndef DOC_INT_H
#define DOC_INT_H

#include <stddef.h>

/* The state of one doc_parse. */
struct pctx {
	struct doc	*doc;          /* the document being built */
	struct diag	*d;            /* where problems go */
	int		 body_line0;   /* file line of the body's first line - 1 */
	int		 fm_line0;     /* file line of the YAML's first line - 1 */
	char		*dir;          /* the source's folder, for file= tables */
};

/* model.c */
/* Upper-case a UTF-8 string (Vietnamese letters included); malloc'd. */
char		*doc_upper(const char *s);
/* Shrink an inline's arrays to what they hold (memory of long tables). */
void		 doc_inline_trim(struct doc_inline *);
/* Append a zeroed block of this type and position; NULL (memory). */
struct doc_block *doc_add_block(struct doc *doc, enum doc_btype type,
		    int line, int col);

/* frontmatter.c */
/*
 * The front matter between the first line "---" and the next "---" (or
 * "..."); sets *body to the text after it and c->body_line0.  0, or -1
 * when it could not be read (errors in c->d).
 */
int		 doc_fm_parse(struct pctx *c, const char *text, size_t len,
		    const char **body);

/* body.c */
/* The CommonMark body (len bytes) into c->doc's blocks; -1 (memory). */
int		 doc_body_parse(struct pctx *c, const char *body, size_t len);

/* table.c */
/*
 * A ```csv fenced block n (at line, col of the source) into a table
 * block; problems go to c->d and add no block.
 */
struct cmark_node;
void		 doc_body_table(struct pctx *c, struct cmark_node *n, int line,
		    int col);

#endif /* DOC_INT_H */
