/*
 * opts_gen.h - the command lines of the generators (opts_kt.c,
 * opts_bc.c): for each, the struct its options are read into (the run's
 * own struct and what only the tool uses) and its table for cli_parse.
 * After kt/kt.h and baocao/bc.h.
 */
#ifndef OPTS_GEN_H
#define OPTS_GEN_H

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

#endif /* OPTS_GEN_H */
