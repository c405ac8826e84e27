/*
 * opts.h - the command lines of the tools (opts.c): for each, the struct
 * its options are read into and its table for cli_parse, with its help.
 */
#ifndef OPTS_H
#define OPTS_H

/* vb-render. */
struct opts_render {
	const char	*out;     /* -o FILE, or NULL */
	const char	*outdir;  /* -d DIR, or NULL */
	const char	*fonts;   /* --fonts DIR, or NULL */
	enum text_enc	 enc;     /* -f */
	unsigned	 to;      /* --to: 1 << enum render_format each;
				   * 0: not given */
	int		 dump;    /* --dump-layout */
	int		 jobs;    /* -j: worker processes */
	int		 quiet;   /* -q: no progress line */
};
extern const struct cli_tool opts_render_tool;

/* vb-khenthuong: the batch, and what only the tool uses. */
struct opts_kt {
	struct kt_batch	 b;       /* the run */
	const char	*fonts;   /* --fonts DIR, or NULL */
	int		 quiet;   /* -q: no progress, no summary */
};
extern const struct cli_tool opts_kt_tool;

/* vb-baocao: the run, and what only the tool uses. */
struct opts_bc {
	struct bc_args	 a;         /* the run */
	const char	*fonts;     /* --fonts DIR, or NULL */
	const char	*khoi_tao;  /* --khoi-tao DIR, or NULL */
	int		 quiet;     /* -q: no progress, no summary */
	char		*kt[64];    /* --khen-thuong registers (a.khen_thuong) */
};
extern const struct cli_tool opts_bc_tool;

#endif /* OPTS_H */
