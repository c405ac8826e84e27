/*
 * cli.c - the parts of main() every tool shares (see cli.h).
 */
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "vanban.h"
#include "tools/cli.h"

void
cli_progress_init(struct cli_progress *p, const char *prog, const char *what,
    int quiet)
{
	p->prog = prog;
	p->what = what;
	p->on = !quiet && isatty(STDERR_FILENO);
	p->shown = 0;
}

void
cli_progress(void *arg, size_t done, size_t total)
{
	struct cli_progress *p = arg;

	if (!p->on)
		return;
	fprintf(stderr, "\r%s: %zu/%zu %s", p->prog, done, total, p->what);
	fflush(stderr);
	p->shown = 1;
}

void
cli_progress_end(struct cli_progress *p)
{
	if (p->shown)
		fputc('\n', stderr);
	p->shown = 0;
}

/* -f ENC: 0, or -1 after a message (usage error). */
static int
cli_encoding(const char *prog, const char *arg, enum text_enc *out)
{
	if (text_enc_parse(arg, out) == 0)
		return 0;
	fprintf(stderr, vb_tr("%s: unknown encoding '%s' (utf-8, utf-16, utf-16le, "
	    "utf-16be, cp1258, tcvn3)\n"), prog, arg);
	return -1;
}

int
cli_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

/* -j N (1..64): 0, or -1 after a message (none when prog is NULL). */
static int
cli_jobs(const char *prog, const char *arg, int *out)
{
	char	*end;
	long	 n = strtol(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || n < 1 || n > 64) {
		if (prog != NULL)
			fprintf(stderr, vb_tr("%s: -j: '%s' is not a number "
			    "of jobs from 1 to 64\n"), prog, arg);
		return -1;
	}
	*out = (int)n;
	return 0;
}

/* --gop FILE.pdf: 0, or -1 after a message. */
static int
cli_gop(const char *prog, const char *arg, const char **out)
{
	size_t n = strlen(arg);

	*out = arg;
	if (strcmp(arg, "-") == 0)
		return cli_no_tty(prog, arg);
	if (n <= 4 || strcasecmp(arg + n - 4, ".pdf") != 0) {
		fprintf(stderr, vb_tr("%s: --gop: '%s' does not end in .pdf: "
		    "give the merged PDF's name, as tat-ca.pdf\n"), prog, arg);
		return -1;
	}
	return 0;
}

int
cli_epoch(const char *prog, long long *out)
{
	struct diag	*d = diag_new();
	int		 rc;

	if (d == NULL)
		return -1;
	rc = vb_source_epoch(out, d);
	if (rc != 0)
		diag_print(d, stderr, prog);
	diag_free(d);
	return rc;
}

int
cli_no_tty(const char *prog, const char *path)
{
	if (strcmp(path, "-") != 0 || !isatty(STDOUT_FILENO))
		return 0;
	fprintf(stderr, vb_tr("%s: will not write a PDF to a terminal: give "
	    "-o FILE.pdf or redirect the output\n"), prog);
	return -1;
}

int
cli_finish(const char *prog, struct diag *d, int rc)
{
	diag_print(d, stderr, prog);
	diag_free(d);
	return rc;
}

/*
 * The standard streams made safe before anything is opened: a closed one
 * (2>&-) is opened on /dev/null, so that no file of the run takes its
 * number (messages written into a PDF); SIGPIPE is ignored, so that a
 * reader of the messages that went away is a failed write, never the
 * end of the run: the exit status is the run's own, whatever -j.
 */
static void
cli_stdio(void)
{
	int fd;

	signal(SIGPIPE, SIG_IGN);
	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) == -1 &&
		    open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd)
			_exit(VB_ESYS);
}

int
cli_lang(const char *prog, int *argc, char **argv)
{
	const char	*lang = NULL;
	int		 i, j;

	cli_stdio();
	opterr = 0;	/* unknown options: cli_bad_option, in the language */
	for (i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strncmp(argv[i], "--lang=", 7) == 0)
			lang = argv[i] + 7, j = 1;
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < *argc)
			lang = argv[i + 1], j = 2;
		else
			continue;
		if (strcmp(lang, "vi") != 0 && strcmp(lang, "en") != 0) {
			fprintf(stderr, vb_tr("%s: --lang: '%s': use vi or en\n"), prog,
			    lang);
			return -1;
		}
		memmove(argv + i, argv + i + j, (size_t)(*argc - i - j + 1) *
		    sizeof(*argv));
		*argc -= j;
		i--;
	}
	if (vb_i18n_init(lang) != 0) {
		fprintf(stderr, vb_tr("%s: out of memory\n"), prog);
		return -1;
	}
	return 0;
}

void
cli_see_help(const char *prog)
{
	fprintf(stderr, vb_tr("%s: see %s --help\n"), prog, prog);
}

/* After getopt_long returned '?': one line naming the option, with a
 * hint to see --help (not the whole help). */
static void
cli_bad_option(const char *prog, char **argv)
{
	const char	*arg = optind > 0 ? argv[optind - 1] : "";
	int		 n = (int)strcspn(arg, "=");

	if (strncmp(arg, "--", 2) != 0 && optopt > ' ' && optopt < 127)
		fprintf(stderr, vb_tr("%s: -%c: unknown option or missing value "
		    "(see %s --help)\n"), prog, optopt, prog);
	else
		fprintf(stderr, vb_tr("%s: %.*s: unknown option or missing "
		    "value (see %s --help)\n"), prog, n, arg, prog);
}

/* An amount option (contract in cli.h). */
int
cli_amount(const char *arg, unsigned long long *out)
{
	static const char *const unit[] = {
		"đồng", "đ", "VNĐ", "VND", "vnđ", "vnd", NULL
	};
	char	 buf[128];
	size_t	 n = strlen(arg), k, i;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, arg, n + 1);
	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
	for (i = 0; unit[i] != NULL; i++) {
		k = strlen(unit[i]);
		if (n > k && strcmp(buf + n - k, unit[i]) == 0) {
			n -= k;
			buf[n] = '\0';
			break;
		}
	}
	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
	return sotien_parse(buf, out);
}

/* The most options a tool has (struct cli_tool). */
#define CLI_MAX_OPT 48

/* The value of option o into tool; 0, or -1 after a message. */
static int
cli_value(const char *prog, const struct cli_opt *o, void *tool,
    const char *arg)
{
	char			*field = (char *)tool + o->off;
	unsigned long long	 amount;
	enum text_enc		 enc;
	vb_date			 day;
	int			 n;

	switch (o->kind) {
	case CLI_FLAG: *(int *)(void *)field = 1; return 0;
	case CLI_STR: *(const char **)(void *)field = arg; return 0;
	case CLI_DATE:
		if (vb_date_parse(arg, &day) != 0)
			break;
		*(vb_date *)(void *)field = day;
		return 0;
	case CLI_AMOUNT:
		if (cli_amount(arg, &amount) != 0 || amount == 0)
			break;
		*(unsigned long long *)(void *)field = amount;
		return 0;
	case CLI_JOBS:
		if (o->bad == NULL)
			return cli_jobs(prog, arg, (int *)(void *)field);
		if (cli_jobs(NULL, arg, &n) != 0)
			break;
		*(int *)(void *)field = n;
		return 0;
	case CLI_ENC:
		if (o->bad == NULL)
			return cli_encoding(prog, arg, (enum text_enc *)(void *)
			    field);
		if (text_enc_parse(arg, &enc) != 0)
			break;
		*(enum text_enc *)(void *)field = enc;
		return 0;
	case CLI_GOP:
		return cli_gop(prog, arg, (const char **)(void *)field);
	case CLI_CALL: case CLI_CALL_OPT: case CLI_CALL_FLAG:
		if (o->fn(tool, arg) == 0)
			return 0;
		break;
	case CLI_HELP: case CLI_VERSION: return 0;
	}
	if (o->bad != NULL)
		fprintf(stderr, vb_tr(o->bad), prog, arg);
	return -1;
}

/* The index in t->opt of the first option that does what option i does
 * (an alias: --data for --templates), so that getopt_long takes their
 * common prefix ("--font") for either, as it does for one option. */
static int
cli_first(const struct cli_tool *t, size_t i)
{
	const struct cli_opt	*o = t->opt + i, *p;

	for (p = t->opt; p < o; p++)
		if (p->kind == o->kind && p->off == o->off && p->fn == o->fn)
			return (int)(p - t->opt);
	return (int)i;
}

/* getopt_long's tables of t: the long options (val: 256 + the index of
 * the option in t->opt) and the short ones. */
static void
cli_getopt_tables(const struct cli_tool *t, struct option *lo, char *so)
{
	const struct cli_opt	*o;
	size_t			 i;
	int			 has;

	for (i = 0, o = t->opt; o->name != NULL && i < CLI_MAX_OPT; i++, o++) {
		has = o->kind == CLI_FLAG || o->kind == CLI_HELP ||
		    o->kind == CLI_VERSION || o->kind == CLI_CALL_FLAG ?
		    no_argument : o->kind == CLI_CALL_OPT ? optional_argument :
		    required_argument;
		lo[i] = (struct option){ o->name, has, NULL,
		    256 + cli_first(t, i) };
		if (o->letter != 0 && strchr(so, o->letter) == NULL) {
			*so++ = (char)o->letter;
			if (has == required_argument)
				*so++ = ':';
		}
	}
	lo[i] = (struct option){ NULL, 0, NULL, 0 };
	*so = '\0';
}

int
cli_parse(const struct cli_tool *t, int argc, char **argv, void *tool,
    int *rc)
{
	struct option		 lo[CLI_MAX_OPT + 1];
	char			 so[2 * CLI_MAX_OPT + 1] = "";
	const struct cli_opt	*o;
	int			 c;

	*rc = VB_EUSAGE;
	cli_getopt_tables(t, lo, so);
	while ((c = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		for (o = t->opt; o->name != NULL; o++)
			if (c == 256 + (int)(o - t->opt) || c == o->letter)
				break;
		if (c == '?' || c == ':' || o->name == NULL) {
			cli_bad_option(t->prog, argv);
			return -1;
		}
		if (o->kind == CLI_HELP || o->kind == CLI_VERSION) {
			if (o->kind == CLI_HELP)
				t->usage(stdout, t->prog);
			else
				printf("%s %s\n", t->prog, VB_VERSION);
			*rc = fflush(stdout) == 0 ? VB_OK : VB_ESYS;
			return -1;
		}
		if (cli_value(t->prog, o, tool, optarg) != 0)
			return -1;
	}
	*rc = VB_OK;
	return 0;
}
