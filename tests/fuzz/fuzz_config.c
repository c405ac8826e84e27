/*
 * fuzz_config.c - libFuzzer harness for the YAML configuration files
 * and YAML data lists: config_load (through kt_config_load and
 * bc_data_load, the generators' two key tables), config_yaml_guard,
 * config_load_table and the units file reader bc_units_load.
 *
 * Input: byte 0 mod 4 picks the door, the rest is the file (written to a
 * memfd, read back by path as the tools read a --config):
 *   0  kt_config_load over the defaults of templates/khen-thuong
 *      (mac-dinh.yaml), then kt_config_placeholders (bit 2: a draft);
 *   1  bc_data_load with the file as --config (templates/bao-cao);
 *   2  config_load_table, every key accepted (bit 2: only a few keys);
 *   3  bc_units_load (a YAML list, or CSV when it does not start "- ").
 * The templates are found as the tools find them ($VB_TEMPLATES, else
 * the build tree's; mk/fuzz.mk sets it).
 *
 * Contracts checked (abort() when broken): VB_OK exactly when no error
 * was added; a failed config_load_table gives no table, a good one is a
 * rectangle (every record as wide as the header of keys).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "vanban.h"
#include "kt/kt.h"
#include "baocao/bc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kt_data	*kd;
static char		*tdir;
static char		 path[64], defaults[4096];
static int		 fd = -1;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag *d = diag_new();

	(void)argc;
	(void)argv;
	if (d == NULL || (tdir = kt_find_templates(NULL)) == NULL ||
	    kt_data_load(tdir, d, &kd) != VB_OK ||
	    (fd = memfd_create("fuzz.yaml", 0)) < 0) {
		if (d != NULL)
			diag_print(d, stderr, "fuzz_config");
		fprintf(stderr, "fuzz_config: cannot load templates/khen-thuong "
		    "of %s (set VB_TEMPLATES)\n", tdir ? tdir : "?");
		exit(1);
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	snprintf(defaults, sizeof(defaults), "%s/mac-dinh.yaml", kd->dir);
	diag_free(d);
	return 0;
}

static int
few_keys(const char *key)
{
	return strcmp(key, "don_vi") == 0 || strcmp(key, "ho_ten") == 0 ||
	    strncmp(key, "x_", 2) == 0;
}

/* config_load_table of the text, its contract checked. */
static int
load_table(const char *text, size_t len, int few, struct diag *d)
{
	struct csvt	*t = NULL;
	size_t		 r;
	int		 rc;

	rc = config_load_table("fuzz.yaml", text, len, few ? few_keys : NULL,
	    "don_vi, ho_ten", d, &t);
	if ((rc == VB_OK) != (t != NULL))
		abort();	/* a table exactly on success */
	for (r = 0; t != NULL && r < t->nrows; r++)
		if (t->rows[r].nfields != t->rows[0].nfields)
			abort();	/* records padded to the header */
	csvt_free(t);
	return rc;
}

/* The file's bytes in memory as text (for config_load_table). */
static int
read_text(struct diag *d, char **text, size_t *len)
{
	return text_read_file(path, TEXT_ENC_AUTO, d, text, len);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag		*d;
	struct tmpl_vars	*v = NULL;
	struct bc_data		*bd = NULL;
	struct bc_units		 us;
	char			*text;
	size_t			 len;
	int			 rc = VB_OK, errs;

	if (size < 1 || (d = diag_new()) == NULL)
		return 0;
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data + 1, size - 1, 0) !=
	    (ssize_t)(size - 1))
		abort();
	errs = diag_errors(d);
	switch (data[0] & 3) {
	case 0:
		if ((v = tmpl_vars_dup(kd->config)) == NULL)
			break;
		rc = kt_config_load(path, v, d);
		break;
	case 1:
		rc = bc_data_load(tdir, path, d, &bd);
		if ((rc == VB_OK) != (bd != NULL))
			abort();
		break;
	case 2:
		if ((rc = read_text(d, &text, &len)) == VB_OK) {
			rc = load_table(text, len, data[0] & 4, d);
			free(text);
		}
		break;
	default:
		memset(&us, 0, sizeof(us));
		rc = bc_units_load(path, TEXT_ENC_AUTO, d, &us);
		bc_units_free(&us);
		break;
	}
	if (rc == VB_EINPUT && diag_errors(d) == errs)
		abort();	/* an input error says where */
	if (rc == VB_OK && (data[0] & 3) != 2 && diag_errors(d) > errs)
		abort();	/* an error reported, yet VB_OK */
	if (v != NULL && rc == VB_OK)	/* "…" left: errors of their own */
		(void)kt_config_placeholders(v, data[0] & 4, path,
		    defaults, NULL, d);
	tmpl_vars_free(v);
	bc_data_free(bd);
	diag_free(d);
	return 0;
}
