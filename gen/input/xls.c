/*
 * xls.c - legacy Excel workbooks (.xls: BIFF8 and older in an OLE
 * compound file) through FreeXL, which gives each cell typed (integer,
 * double, text in UTF-8, and dates already as YYYY-MM-DD text in the
 * workbook's own 1900 or 1904 system).
 *
 * FreeXL tells neither hidden rows or sheets, nor merged ranges, nor
 * the results of formulas: biff.c reads them from the records.  FreeXL
 * allocates a sheet's whole used range at once, so the range is checked
 * against TABLE_MAX_CELLS first, with the lighter freexl_open_info,
 * which also tells of a password.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <freexl.h>

#include "vanban.h"
#include "input/table.h"

/* Message for a FreeXL error code ret. */
static int
xls_fail(const char *path, struct diag *d, int ret)
{
	const char *why;

	switch (ret) {
	case FREEXL_INSUFFICIENT_MEMORY:
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory");
		return VB_ESYS;
	case FREEXL_FILE_NOT_FOUND:
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot open the file");
		return VB_ESYS;
	case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
		why = "this file is an OLE compound file (as a Word .doc) "
		    "but holds no Excel workbook";
		break;
	case FREEXL_CRAFTED_FILE:
		why = "this .xls workbook is damaged (its records contradict "
		    "each other) and is refused";
		break;
	default:
		why = "this .xls workbook is damaged and cannot be read";
		break;
	}
	diag_add(d, DIAG_ERROR, path, 0, 0, "%s: open it in Excel or "
	    "LibreOffice and save it again (as .xlsx)", why);
	return VB_EINPUT;
}

/* Check the workbook without reading its cells: no password, and no
 * sheet whose used range passes TABLE_MAX_CELLS. */
static int
xls_check(const char *path, struct diag *d)
{
	const void	*h = NULL;
	unsigned int	 info, rows, i, nsheets = 0;
	unsigned short	 cols;
	int		 ret, rc = VB_OK;

	if ((ret = freexl_open_info(path, &h)) != FREEXL_OK) {
		freexl_close(h);
		return xls_fail(path, d, ret);
	}
	if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
	    info == FREEXL_BIFF_OBFUSCATED) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "this is an Excel file "
		    "protected by a password: open it in Excel and save it "
		    "without a password");
		rc = VB_EINPUT;
	}
	if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &nsheets) != FREEXL_OK)
		nsheets = 0;
	for (i = 0; rc == VB_OK && i < nsheets && i < 65536; i++) {
		if (freexl_select_active_worksheet(h, (unsigned short)i) !=
		    FREEXL_OK || freexl_worksheet_dimensions(h, &rows, &cols)
		    != FREEXL_OK)
			continue;
		if ((unsigned long long)rows * cols > TABLE_MAX_CELLS) {
			diag_add(d, DIAG_ERROR, path, 0, 0, "a sheet of this "
			    "workbook uses %u rows of %u columns, more than the "
			    "%d cells a table may have: delete what lies "
			    "outside the table, or split the sheet", rows,
			    (unsigned)cols, TABLE_MAX_CELLS);
			rc = VB_EINPUT;
		}
	}
	freexl_close(h);
	return rc;
}

/* Put the cell at (r, c) (0-based) into g. */
static int
xls_cell(const void *h, struct tgrid *g, unsigned r, unsigned short c)
{
	FreeXL_CellValue	 v;
	char			 buf[64];
	const char		*s = buf;
	size_t			 n;

	if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK)
		return 0;
	switch (v.type) {
	case FREEXL_CELL_INT:
		snprintf(buf, sizeof(buf), "%d", v.value.int_value);
		break;
	case FREEXL_CELL_DOUBLE:
		table_num(v.value.double_value, buf);
		break;
	case FREEXL_CELL_TEXT: case FREEXL_CELL_SST_TEXT:
	case FREEXL_CELL_DATE: case FREEXL_CELL_DATETIME:
	case FREEXL_CELL_TIME:
		if ((s = v.value.text_value) == NULL)
			return 0;
		break;
	default:
		return 0;
	}
	n = strlen(s);
	/* A date-time at midnight is the day alone, as from an .xlsx. */
	if (v.type == FREEXL_CELL_DATETIME && n == 19 &&
	    strcmp(s + 10, " 00:00:00") == 0)
		n = 10;
	return tgrid_put(g, (long)r + 1, c, s, n);
}

/* Read sheet i of h into a table named "path:Sheet" (*out NULL when it
 * has no filled cell). */
static int
xls_sheet(const void *h, const char *path, const char *sheet_name,
    unsigned short i, const struct biff_sheet *info, struct diag *d,
    struct csvt **out)
{
	struct tgrid	 g;
	struct vbuf	 nm = { NULL, 0, 0, 0 };
	char		*name;
	unsigned int	 rows, r;
	unsigned short	 cols, c;
	int		 rc = VB_OK;

	*out = NULL;
	vbuf_printf(&nm, "%s:%s", path, sheet_name);
	if ((name = vbuf_take(&nm)) == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory");
		return VB_ESYS;
	}
	tgrid_init(&g, name, d);
	if (freexl_select_active_worksheet(h, i) != FREEXL_OK ||
	    freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK)
		rc = xls_fail(path, d, FREEXL_BIFF_ILLEGAL_SHEET_INDEX);
	for (r = 0; rc == VB_OK && r < rows; r++)
		for (c = 0; c < cols; c++)
			if (xls_cell(h, &g, r, c) != 0) {
				rc = g.oom ? VB_ESYS : VB_EINPUT;
				if (g.oom)
					diag_add(d, DIAG_ERROR, path, 0, 0,
					    "out of memory");
				break;
			}
	for (r = 0; rc == VB_OK && info != NULL && r < info->nfc; r++)
		if (tgrid_put(&g, info->fc[r].r, info->fc[r].c, info->fc[r].val,
		    strlen(info->fc[r].val)) != 0) {
			rc = g.oom ? xls_fail(path, d,
			    FREEXL_INSUFFICIENT_MEMORY) : VB_EINPUT;
			break;
		}
	for (r = 0; rc == VB_OK && info != NULL && r < info->nh; r++)
		tgrid_hide(&g, info->hidden_rows[r]);
	for (r = 0; rc == VB_OK && info != NULL && r < info->nm; r++)
		if (tgrid_merge(&g, info->m[r].r1, info->m[r].c1, info->m[r].r2,
		    info->m[r].c2) != 0)
			rc = xls_fail(path, d, FREEXL_INSUFFICIENT_MEMORY);
	if (rc == VB_OK)
		rc = tgrid_finish(&g, out);
	tgrid_free(&g);
	free(name);
	return rc;
}

/* The BIFF facts of each of FreeXL's n sheets, matched by name (NULL
 * where none matches): info[i] points into bb. */
static void
xls_match(const struct biff_book *bb, const char **names, unsigned n,
    const struct biff_sheet **info)
{
	unsigned	i;
	size_t		j, k = 0;

	for (i = 0; i < n; i++) {
		info[i] = NULL;
		/* in order: the next worksheet of that name */
		for (j = k; j < bb->n && info[i] == NULL; j++)
			if (bb->s[j].worksheet && bb->s[j].name != NULL &&
			    strcmp(bb->s[j].name, names[i]) == 0) {
				info[i] = &bb->s[j];
				k = j + 1;
			}
	}
}

/* Read the sheet asked for, or the first visible one with rows. */
static int
xls_pick(const void *h, const char *path, const char *sheet,
    const char **names, const struct biff_sheet **info, unsigned n,
    const struct table_match *m, struct diag *d, struct csvt **out)
{
	struct table_choice	 ch;
	struct csvt		*t = NULL;
	unsigned		 i;
	int			 rc = VB_OK, pick, k;

	if ((pick = table_pick(path, sheet, names, n, d)) == -2)
		return VB_EINPUT;
	if (pick >= 0) {
		rc = xls_sheet(h, path, names[pick], (unsigned short)pick,
		    info[pick], d, out);
		if (rc == VB_OK && *out == NULL) {
			diag_add(d, DIAG_ERROR, path, 0, 0, "sheet \"%s\" is "
			    "empty", names[pick]);
			rc = VB_EINPUT;
		}
		return rc;
	}
	table_choice_init(&ch, m);
	for (i = 0; rc == VB_OK && i < n; i++) {
		if (info[i] != NULL && info[i]->hidden)
			diag_add(d, DIAG_WARNING, path, 0, 0, "sheet \"%s\" is "
			    "hidden and is passed over (name it to read it)",
			    names[i]);
		else if ((rc = xls_sheet(h, path, names[i], (unsigned short)i,
		    info[i], d, &t)) == VB_OK && t != NULL &&
		    (k = table_offer(&ch, &t, names[i])) != 0) {
			rc = k < 0 ? VB_ESYS : rc;
			break;
		}
	}
	rc = table_chosen(&ch, path, rc, d, out);
	if (rc == VB_OK && *out == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "the workbook has no "
		    "visible sheet with a filled cell");
		rc = VB_EINPUT;
	}
	return rc;
}

int
xls_read(const char *path, const char *sheet, const struct table_match *m,
    struct diag *d, struct csvt **out)
{
	const void		 *h = NULL;
	const char		**names = NULL;
	const struct biff_sheet	**info = NULL;
	struct biff_book	  bb;
	unsigned int		  n = 0, i;
	int			  ret, rc;

	*out = NULL;
	if ((rc = xls_check(path, d)) != VB_OK)
		return rc;
	if (biff_scan(path, &bb) == 0 && bb.filepass) {
		biff_free(&bb);
		diag_add(d, DIAG_ERROR, path, 0, 0, "this is an Excel file "
		    "protected by a password: open it in Excel and save it "
		    "without a password");
		return VB_EINPUT;
	}
	if ((ret = freexl_open(path, &h)) != FREEXL_OK) {
		freexl_close(h);
		biff_free(&bb);
		return xls_fail(path, d, ret);
	}
	if (freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &n) != FREEXL_OK)
		n = 0;
	if (n > 65535)
		n = 65535;
	if (n > 0 && ((names = calloc(n, sizeof(*names))) == NULL ||
	    (info = calloc(n, sizeof(*info))) == NULL))
		rc = xls_fail(path, d, FREEXL_INSUFFICIENT_MEMORY);
	for (i = 0; rc == VB_OK && i < n; i++)
		if (freexl_get_worksheet_name(h, (unsigned short)i, &names[i])
		    != FREEXL_OK || names[i] == NULL)
			names[i] = "";
	if (rc == VB_OK) {
		xls_match(&bb, names, n, info);
		rc = xls_pick(h, path, sheet, names, info, n, m, d, out);
	}
	if (rc != VB_OK) {
		csvt_free(*out);
		*out = NULL;
	}
	free(names);
	free(info);
	biff_free(&bb);
	freexl_close(h);
	return rc;
}
