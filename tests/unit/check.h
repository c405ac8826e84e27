/*
 * check.h - the unit tests' tiny harness: each check prints
 * "PASS name" or "FAIL name: detail" (tests/run.sh counts them) and
 * main() returns check_failed != 0.
 */
#ifndef CHECK_H
#define CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failed;

#define CHECK(name, cond) do {						\
	if (cond)							\
		printf("PASS %s\n", (name));				\
	else {								\
		printf("FAIL %s: %s (%s:%d)\n", (name), #cond,		\
		    __FILE__, __LINE__);				\
		check_failed++;						\
	}								\
} while (0)

#define CHECK_STR(name, got, want) do {					\
	const char *g_ = (got), *w_ = (want);				\
	if (g_ != NULL && strcmp(g_, w_) == 0)				\
		printf("PASS %s\n", (name));				\
	else {								\
		printf("FAIL %s: got \"%s\", want \"%s\"\n", (name),	\
		    g_ ? g_ : "(null)", w_);				\
		check_failed++;						\
	}								\
} while (0)

#endif
