/*
 * opts.h - the command lines of vb-render, vb-norm and vb-sotien (opts.c):
 * for each, the struct its options are read into and its table for
 * cli_parse, with its help.  The generators': opts_gen.h.
 */
#ifndef OPTS_H
#define OPTS_H

/* vb-render. */
struct opts_render {
	const char	*out;     /* -o FILE, or NULL */
	const char	*outdir;  /* -d DIR, or NULL */
	const char	*fonts;   /* --fonts DIR, or NULL */
	const char	*gop;     /* --gop FILE.pdf: all in one, or NULL */
	enum text_enc	 enc;     /* -f */
	unsigned	 to;      /* --to: 1 << enum render_format each;
				   * 0: not given */
	int		 dump;    /* --dump-layout */
	int		 jobs;    /* -j: worker processes */
	int		 quiet;   /* -q: no progress line */
};
extern const struct cli_tool opts_render_tool;

/* vb-norm. */
struct opts_norm {
	const char	*out;     /* -o FILE, "-": stdout */
	enum text_enc	 enc;     /* -f */
};
extern const struct cli_tool opts_norm_tool;

/* vb-sotien. */
struct opts_sotien {
	struct sotien_opt opt;    /* --le, --bon, --khong-dong */
	const char	*out;     /* -o FILE, "-": stdout */
};
extern const struct cli_tool opts_sotien_tool;

#endif /* OPTS_H */
