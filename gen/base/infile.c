/*
 * infile.c - every input file of every tool (sources, lists, configs,
 * templates, fonts) is opened here, and only a regular file is read: a
 * FIFO would block the run (a batch never finishes), a device such as
 * /dev/zero never ends, a folder reads as an error deep in a parser.
 * The file is opened without blocking (O_NONBLOCK: a FIFO with no writer
 * opens at once) and judged by fstat on what was opened, not on a name
 * that could change in between.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/base.h"

/* What a file that is not regular is, for the message. */
static const char *
in_kind(mode_t m)
{
	if (S_ISDIR(m))
		return vb_tr("it is a folder, not a file");
	if (S_ISFIFO(m))
		return vb_tr("it is a named pipe (FIFO), not a file");
	if (S_ISSOCK(m))
		return vb_tr("it is a socket, not a file");
	return vb_tr("it is a device, not a file");
}

int
vb_open_read(const char *path, FILE **out, struct diag *d)
{
	struct stat	 st;
	int		 fd, fl, e;

	*out = NULL;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd == -1) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot open: %s",
		    strerror(errno));
		return VB_ESYS;
	}
	if (fstat(fd, &st) != 0) {
		e = errno;
		close(fd);
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot open: %s",
		    strerror(e));
		return VB_ESYS;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
		    in_kind(st.st_mode));
		return VB_EINPUT;
	}
	/* A regular file: reads block as usual. */
	if ((fl = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1 ||
	    (*out = fdopen(fd, "rb")) == NULL) {
		e = errno;
		close(fd);
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot open: %s",
		    strerror(e));
		return VB_ESYS;
	}
	return VB_OK;
}
