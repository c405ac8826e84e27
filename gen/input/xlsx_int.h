/*
 * xlsx_int.h - internal header of the .xlsx reader: the open workbook,
 * the parse state every part starts with, and the package layer
 * (xlsx_pkg.c: XML helpers, zip entries inflated into expat,
 * relationships) that the workbook layer (xlsx.c) reads its parts by.
 */
#ifndef XLSX_INT_H
#define XLSX_INT_H

#include <expat.h>

#include "input/input.h"
#include "base/zipso.h"
#include "input/table.h"

#define XLSX_CHUNK	65536		/* bytes inflated at a time */
#define XLSX_RATIO_MIN	(1L << 20)	/* entries checked for their ratio */

/* An open workbook. */
struct xlsx {
	zip_t		 *z;         /* the archive */
	const char	 *path;      /* its file, for messages */
	struct diag	 *d;         /* where messages go */
	int		  date1904;  /* workbookPr date1904 */
	char		**sst;       /* shared strings */
	size_t		  nsst;      /* used */
	size_t		  capsst;    /* allocated */
	size_t		  sstbytes;  /* their bytes */
	enum tnum_kind	 *xf;        /* kind of each cellXfs entry */
	size_t		  nxf;       /* used */
	size_t		  capxf;     /* allocated */
};

/* The state every part's parse starts with (first member of each). */
struct xparse {
	XML_Parser	 p;         /* the parser */
	struct xlsx	*x;         /* the workbook */
	const char	*part;      /* part name, for messages */
	int		 rc;        /* VB_OK until a handler stops the parse */
	int		 doctype;   /* a DOCTYPE was seen */
	struct vbuf	 text;      /* character data being collected */
	int		 collect;   /* collecting character data */
	int		 depth;     /* open elements */
	XML_StartElementHandler start;	/* the part's handlers */
	XML_EndElementHandler	end;
};

struct xrel {
	char	*id;      /* Id */
	char	*type;    /* Type (a URI; matched by its last segment) */
	char	*target;  /* Target, as written */
};

struct xrels {
	struct xparse	 xp;     /* first: the common state */
	struct xrel	*r;      /* relationships */
	size_t		 n;      /* used */
	size_t		 cap;    /* allocated */
};

/* XML helpers (xlsx_pkg.c) */
int		 xl_true(const char *v);	/* "1" or "true" */
void		 xl_stop(struct xparse *, int rc, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
void		 xl_unescape(struct vbuf *, const char *s, size_t n);

/* Zip entries (xlsx_pkg.c) */
int		 xz_has(struct xlsx *, const char *part);
int		 xz_parse(struct xlsx *, const char *part, struct xparse *,
		    XML_StartElementHandler, XML_EndElementHandler);
char		*xz_resolve(const char *from, const char *target);

/* Relationships (xlsx_pkg.c) */
int		 xrels_read(struct xlsx *, const char *of, struct xrels *);
const struct xrel *xrels_find(const struct xrels *, const char *suffix,
		    const char *id);
void		 xrels_free(struct xrels *);

#endif
