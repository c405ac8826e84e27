/*
 * datadir.c - the editable data folder of a generator (templates/
 * khen-thuong/, templates/bao-cao/): one loader for vb-khenthuong and
 * vb-baocao, which read their own tables but find the folder and lay
 * their settings (mac-dinh.yaml, then --config) over the keys' defaults
 * the same way.  In input, as reading data files is input's.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "input/input.h"

int
datadir_load(const struct datadir *dd, const char *templates_dir,
    const char *config, void *data, char **dir, struct tmpl_vars **vars,
    struct diag *d)
{
	char	path[PATH_MAX];
	int	rc, errs = diag_errors(d);

	if (asprintf(dir, "%s/%s", templates_dir, dd->name) < 0) {
		*dir = NULL;
		return VB_ESYS;
	}
	if ((*vars = tmpl_vars_new()) == NULL || dd->defaults(*vars) != 0)
		return VB_ESYS;
	snprintf(path, sizeof(path), "%s/mac-dinh.yaml", *dir);
	if ((rc = dd->tables(data, *dir, d)) == VB_OK &&
	    (rc = dd->load(path, *vars, d)) == VB_OK && config != NULL)
		rc = dd->load(config, *vars, d);
	if (rc == VB_OK && diag_errors(d) > errs)
		rc = VB_EINPUT;
	return rc;
}
