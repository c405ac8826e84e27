/*
 * cli.h - what every tool's main() does the same way: options that all
 * tools share, the progress line, printing the messages.  Linked into
 * each tool (not part of libvanban: library code never prints).
 */
#ifndef CLI_H
#define CLI_H

/* The progress line of a batch: "prog: N/M" on stderr, rewritten in
 * place, only when stderr is a terminal and not quiet. */
struct cli_progress {
	const char	*prog;    /* tool name */
	const char	*what;    /* "PDF" ... */
	int		 on;      /* stderr is a terminal and no -q */
	int		 shown;   /* a line is on the screen */
};

/* Set up progress lines for prog, counting `what` (off when quiet). */
void	 cli_progress_init(struct cli_progress *, const char *prog,
	    const char *what, int quiet);
/* render_batch's progress callback (arg: struct cli_progress *). */
void	 cli_progress(void *arg, size_t done, size_t total);
/* End the line, if one was shown. */
void	 cli_progress_end(struct cli_progress *);

/* -f ENC: 0, or -1 after a message (usage error). */
int	 cli_encoding(const char *prog, const char *arg, enum text_enc *out);
/* -j N (1..64): 0, or -1 after a message. */
int	 cli_jobs(const char *prog, const char *arg, int *out);
/* --gop FILE.pdf (the merged PDF of a run): a name ending in .pdf, or
 * - when stdout is not a terminal; 0, or -1 after a message. */
int	 cli_gop(const char *prog, const char *arg, const char **out);
/* The default of -j: the number of cores (1..64). */
int	 cli_cores(void);
/* SOURCE_DATE_EPOCH into *out (-1: not set): 0, or -1 after a message. */
int	 cli_epoch(const char *prog, long long *out);
/* Refuse binary output (a PDF) to a terminal: -1 after a message when
 * path is "-" and stdout is a terminal. */
int	 cli_no_tty(const char *prog, const char *path);
/* --lang=vi|en (anywhere on the command line, removed from argv) or the
 * environment chooses the messages' language; call first: it also makes
 * the standard streams safe (closed ones on /dev/null, SIGPIPE ignored).
 * 0, or -1 after a message (usage error). */
int	 cli_lang(const char *prog, int *argc, char **argv);
/* Print the messages of d (and free it); returns rc. */
int	 cli_finish(const char *prog, struct diag *d, int rc);

/* After getopt_long returned '?': one line naming the option, with a
 * hint to see --help (not the whole help). */
void	 cli_bad_option(const char *prog, char **argv);
/* "prog: see prog --help", after a usage message. */
void	 cli_see_help(const char *prog);
/* An amount option: "2340000", "2.340.000", "2.340.000 đồng" (or đ,
 * VND); 0 and *out, or -1. */
int	 cli_amount(const char *arg, unsigned long long *out);

#endif /* CLI_H */
