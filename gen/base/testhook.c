/*
 * testhook.c - a signal raised at a named point of the run, for the tests
 * only: they must stop a run at an exact moment (right after a temporary
 * file is made, after a worker's Nth document) to check what the run
 * leaves behind, and a signal sent from outside would land anywhere.
 *
 *   VB_TEST_RAISE=POINT:N:SIG   raise SIG (INT, TERM, HUP or KILL) the
 *                               Nth time this process passes POINT
 *
 * The points: "tmp" (an output's temporary file was just created, before
 * anything else), "workerW" (worker W of a batch sent its Nth result).
 * Unset, it costs one getenv per point passed.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

/* The signal number of a name without "SIG", 0 when unknown. */
static int
hook_signal(const char *s)
{
	static const struct {
		const char	*name;
		int		 sig;
	} sigs[] = {
		{ "INT", SIGINT }, { "TERM", SIGTERM }, { "HUP", SIGHUP },
		{ "KILL", SIGKILL },
	};
	size_t i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (strcmp(s, sigs[i].name) == 0)
			return sigs[i].sig;
	return 0;
}

void
vb_test_point(const char *point)
{
	static unsigned long	 passed;
	const char		*e = getenv("VB_TEST_RAISE"), *c1, *c2;
	size_t			 n = strlen(point);
	int			 sig;

	if (e == NULL || strncmp(e, point, n) != 0 || e[n] != ':' ||
	    (c2 = strchr((c1 = e + n + 1), ':')) == NULL ||
	    (sig = hook_signal(c2 + 1)) == 0)
		return;
	if (++passed == strtoul(c1, NULL, 10))
		raise(sig);
}
