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

/* "prog: see prog --help", after a usage message. */
void	 cli_see_help(const char *prog);
/* An amount option: "2340000", "2.340.000", "2.340.000 đồng" (or đ,
 * VND); 0 and *out, or -1. */
int	 cli_amount(const char *arg, unsigned long long *out);

/* How an option's value is read (struct cli_opt). */
enum cli_kind {
	CLI_FLAG,     /* no value: the int field becomes 1 */
	CLI_STR,      /* the value as given: a const char * field */
	CLI_DATE,     /* a vb_date field: 28/12/2020 or 2020-12-28 */
	CLI_AMOUNT,   /* an unsigned long long field, not 0 (cli_amount) */
	CLI_JOBS,     /* an int field, 1 to 64 (-j) */
	CLI_ENC,      /* an enum text_enc field (-f) */
	CLI_GOP,      /* a const char * field: the merged PDF of a run
		       * (--gop), a name ending in .pdf, or - off a terminal */
	CLI_CALL,     /* fn reads the value */
	CLI_CALL_OPT, /* fn reads the value, which may be absent (NULL) */
	CLI_CALL_FLAG, /* no value: fn is called (with NULL) */
	CLI_HELP,     /* the tool's help on stdout, exit 0 */
	CLI_VERSION   /* "prog VERSION" on stdout, exit 0 */
};

/* One option of a tool (a table of them ends with a NULL name). */
struct cli_opt {
	const char	*name;    /* long name, without "--" */
	int		 letter;  /* short name, or 0 */
	enum cli_kind	 kind;
	size_t		 off;     /* its field: offsetof in the tool's struct */
	const char	*bad;     /* a bad value: format of prog and the value
				   * (N_), NULL: the kind's own message */
	int		(*fn)(void *tool, const char *value);  /* CLI_CALL*:
				   * 0, or -1 (then bad, when not NULL) */
};

/* The end of every tool's table: -h, --help and -V, --version. */
#define CLI_HELP_OPTS \
	{ "help", 'h', CLI_HELP, 0, NULL, NULL }, \
	{ "version", 'V', CLI_VERSION, 0, NULL, NULL }, \
	{ NULL, 0, CLI_FLAG, 0, NULL, NULL }

/* A tool's command line: its name, its options and its help. */
struct cli_tool {
	const char		*prog;   /* "vb-render" */
	const struct cli_opt	*opt;    /* its options */
	void			(*usage)(FILE *, const char *prog);
};

/* Read the options of argv into tool (the struct the table's offsets
 * are in); getopt's optind is then the first operand.  0 with *rc
 * VB_OK, or -1: exit with *rc (VB_OK after --help or --version, VB_ESYS
 * when they could not be written, VB_EUSAGE after a message). */
int	 cli_parse(const struct cli_tool *, int argc, char **argv, void *tool,
	    int *rc);

#endif /* CLI_H */
