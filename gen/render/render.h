/*
 * render/render.h - the render stage, the pipeline that joins the others:
 * a document source parsed (doc), checked against the fonts, laid out
 * (layout) and written (emit) as PDF or DOCX; fonts loaded once per
 * process, batches in worker processes, many sources to their files, and
 * certificates.  Used by the generators (kt, baocao) and the tools.
 */
#ifndef RENDER_H
#define RENDER_H

#include "base/base.h"
#include "input/input.h"
#include "doc/phoi.h"

/* ------------------------------------------------------------------ */
/* Rendering a document source to PDF or DOCX                         */
/* ------------------------------------------------------------------ */

struct render_opt {
	const char	*font_dir;     /* folder with the Liberation Serif TTFs */
	int		 dump_layout;  /* write the display list as text, no PDF */
	long long	 epoch;        /* creation time (SOURCE_DATE_EPOCH), -1: now */
	int		 format;       /* enum render_format (0: PDF) */
};

/* What render_mem writes. */
enum render_format {
	RENDER_PDF = 0,   /* the official PDF */
	RENDER_DOCX = 1   /* an editable Word file from the document model */
};

/* The font folder: opt (--fonts) when not NULL, else $VB_FONT_DIR,
 * else share/vanban/fonts or fonts beside the program (installed, or the
 * build tree), else the build tree's fonts/ compiled in.  Malloc'd. */
char		*render_find_fonts(const char *opt);

/* A renderer: the fonts of opt->font_dir loaded once for any number of
 * documents.  NULL with a message in d when a face cannot be loaded. */
struct render;
struct render	*render_new(const struct render_opt *opt, struct diag *d);
void		 render_free(struct render *);   /* NULL is a no-op */
/*
 * Render the document source `text` (NFC UTF-8, as read by text_read_*;
 * `name` is its path, used in messages and to resolve `file=` tables)
 * into memory: the PDF, or the display list as text when the options say
 * dump_layout.  *out malloc'd (caller frees).  VB_OK, VB_EINPUT
 * (messages in d) or VB_ESYS.
 */
int		 render_mem(struct render *, const char *name, const char *text,
		    size_t len, char **out, size_t *outlen, struct diag *d);
/* The first character of s (NFC UTF-8) that face (0 regular, 1 bold,
 * 2 italic, 3 bold italic) cannot draw, or a control character; 0 when
 * every one can.  For generators that check their data before writing. */
uint32_t	 render_missing_glyph(struct render *, const char *s, int face);

/* One document of a batch: its source in, its PDF out. */
struct render_job {
	const char	*name;    /* source path (messages, file= tables) */
	const char	*text;    /* source text, NUL-terminated */
	char		*out;     /* the rendered PDF (malloc'd) or NULL */
	size_t		 outlen;  /* its length */
	int		 rc;      /* VB_OK, VB_EINPUT or VB_ESYS */
	struct diag	*d;       /* its messages, or NULL: render_batch's d */
};

/*
 * Render n documents into memory, with `jobs` worker processes when
 * jobs > 1 (each renders every jobs-th document with its own renderer;
 * results and messages come back through temporary files), else in this
 * process.  progress, when not NULL, is called after each document with
 * the number done.  Messages of every document go to its job's d, or
 * to d when that is NULL, in document order (a worker that cannot load
 * the fonts says so with its first document; one that cannot be started
 * says so in d).
 * Returns the worst rc (VB_ESYS before VB_EINPUT before VB_OK).
 */
int		 render_batch(const struct render_opt *, struct render_job *,
		    size_t n, int jobs, void (*progress)(void *, size_t, size_t),
		    void *arg, struct diag *d);

/* Free n jobs' outputs and the array (NULL is a no-op). */
void		 render_jobs_free(struct render_job *, size_t n);

/*
 * Many sources to their outputs (vb-render SOURCE.md...).
 * render_files_check: no two outputs name one file, and no output is one
 * of the sources (a.pdf and ./a.pdf are one file); 0, or -1 after a
 * message in d for each, or VB_ESYS.  render_files: read each source
 * (as enc says), render them with render_batch (jobs workers) in chunks
 * of 128 a worker, so memory stays flat, and write each output that has
 * no error; a bad source is named and not written, the others are.
 * progress, when not NULL, is told the sources done over the whole run.
 * gop, when not NULL, is the merged PDF of them all (render_book): none
 * of the sources or outputs (else VB_EUSAGE after a message), written
 * only when every source was.
 * Messages go to d in source order; returns the worst result.
 */
int		 render_files_check(char *const *src, char *const *outs,
		    char *const *docx, size_t n, struct diag *d);
int		 render_files(const struct render_opt *, enum text_enc enc,
		    char *const *src, char *const *outs, char *const *docx,
		    size_t n, int jobs, const char *gop,
		    void (*progress)(void *, size_t, size_t), void *arg,
		    struct diag *d);
/* docx (NULL: none): a DOCX of each source too, rendered from the same
 * reading when its first output was written.  render_files_stale: a
 * warning for each SOURCE.docx beside its source that is older than it
 * and is not docx[i] (--to pdf,docx writes both). */
void		 render_files_stale(char *const *src, char *const *docx,
		    size_t n, struct diag *d);
/* The output of each source: out (-o) when not NULL; "-" for the
 * source "-" and for dump; else the source's name, its .md replaced by
 * ext (".pdf"), in outdir when not NULL.  n malloc'd names, NULL on OOM;
 * render_names_free frees them. */
char		**render_out_names(char *const *src, size_t n, const char *out,
		    const char *outdir, int dump, const char *ext);
void		 render_names_free(char **, size_t n);

/*
 * A merged PDF (--gop FILE.pdf): every document of a run, in the order
 * given, laid out as on its own (its page numbers, its draft mark) and
 * written through one PDF writer: one PDF/A-1b file for the printer.
 * render_book_new: for path ("-": stdout); NULL with a message in d
 * when the fonts cannot be loaded, or on OOM.  render_book_add: lay out
 * one document (text NUL-terminated) and keep it; its messages to d,
 * only its errors when said (its own file, made in the run, gave them).
 * render_book_skip: a document of the run that failed elsewhere.
 * render_book_write: the file, whole, only when no document failed
 * (else an error naming how many), and a note of what it holds.  VB_OK,
 * VB_EINPUT or VB_ESYS.
 */
struct render_book;
struct render_book *render_book_new(const struct render_opt *,
		    const char *path, struct diag *d);
int		 render_book_add(struct render_book *, const char *name,
		    const char *text, int said, struct diag *d);
void		 render_book_skip(struct render_book *);
int		 render_book_write(struct render_book *, struct diag *d);
void		 render_book_free(struct render_book *);   /* NULL: no-op */

/* Render one source to out_path ("-" = stdout), written only when
 * complete: render_new + render_mem + text_write_file. */
int		 render_source(const char *name, const char *text, size_t len,
		    const char *out_path, const struct render_opt *opt,
		    struct diag *d);

/* ------------------------------------------------------------------ */
/* Certificates (doc/phoi.h)                                          */
/* ------------------------------------------------------------------ */

/*
 * The certificates (n of them, one page each, in order), the
 * calibration page or the preview, as a PDF (or the display list as text
 * when the renderer dumps layouts) into *out (malloc'd).  Text too long
 * for its box shrinks to the box's minimum size, then wraps; when it
 * still does not fit, an error names the awardee and the box.  VB_OK,
 * VB_EINPUT or VB_ESYS, messages in d.
 */
int		 render_phoi(struct render *, const struct phoi_layout *,
		    const struct phoi_cert *, size_t n, const struct phoi_opt *,
		    char **out, size_t *outlen, struct diag *d);

#endif /* RENDER_H */
