/*
 * xls.c - legacy Excel workbooks (.xls: BIFF8 in an OLE compound file),
 * read by biff.c (vanban's own reader: no library sees the bytes) into
 * the sheet grid of table.c.  What stops the reading is told: a
 * compound file without a workbook, an Excel 5/95 workbook, a password,
 * or damage, with the sheet and record where reading stopped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/input.h"
#include "input/table.h"

/* The message for a biff_* status rc other than BIFF_OK (sheet: the
 * sheet being read, or NULL); the exit status. */
static int
xls_fail(const char *path, const struct biff_book *b, const char *sheet,
    int rc, struct diag *d)
{
	switch (rc) {
	case BIFF_NOMEM:
		diag_add(d, DIAG_ERROR, path, 0, 0, "out of memory");
		return VB_ESYS;
	case BIFF_IO:
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot open the file");
		return VB_ESYS;
	case BIFF_NOBOOK:
		diag_add(d, DIAG_ERROR, path, 0, 0, "this file is an OLE "
		    "compound file (as a Word .doc) but holds no Excel "
		    "workbook: open it in Excel or LibreOffice and save it "
		    "again (as .xlsx)");
		return VB_EINPUT;
	case BIFF_OLD:
		diag_add(d, DIAG_ERROR, path, 0, 0, "this .xls workbook is "
		    "in the format of Excel 5/95 or older, which vanban does "
		    "not read: open it in Excel or LibreOffice and save it "
		    "again (as .xlsx)");
		return VB_EINPUT;
	default:
		break;
	}
	if (b->stop_type == BIFF_NOREC)
		diag_add(d, DIAG_ERROR, path, 0, 0, "the .xls file is damaged: "
		    "its compound-file structure (sectors, FAT or directory) "
		    "is broken: open it in Excel or LibreOffice and save it "
		    "again (as .xlsx)");
	else if (sheet != NULL)
		diag_add(d, DIAG_ERROR, path, 0, 0, "the .xls file is damaged: "
		    "reading stopped in sheet \"%s\", at record 0x%04X (%s) "
		    "at byte %zu of the Workbook stream: open it in Excel or "
		    "LibreOffice and save it again (as .xlsx)", sheet,
		    b->stop_type, biff_rec_name(b->stop_type), b->stop);
	else
		diag_add(d, DIAG_ERROR, path, 0, 0, "the .xls file is damaged: "
		    "reading stopped at record 0x%04X (%s) at byte %zu of the "
		    "Workbook stream: open it in Excel or LibreOffice and save "
		    "it again (as .xlsx)", b->stop_type,
		    biff_rec_name(b->stop_type), b->stop);
	return VB_EINPUT;
}

/* Read worksheet i of b into a table named "path:Sheet" (*out NULL
 * when it has no filled cell). */
static int
xls_sheet(struct biff_book *b, const char *path, size_t i, struct diag *d,
    struct csvt **out)
{
	struct tgrid	 g;
	struct vbuf	 nm = { NULL, 0, 0, 0 };
	char		*name;
	int		 rc;

	*out = NULL;
	vbuf_printf(&nm, "%s:%s", path, b->s[i].name);
	if ((name = vbuf_take(&nm)) == NULL)
		return xls_fail(path, b, NULL, BIFF_NOMEM, d);
	tgrid_init(&g, name, d);
	if ((rc = biff_sheet_read(b, i, &g)) != BIFF_OK)
		rc = xls_fail(path, b, b->s[i].name, rc, d);
	else
		rc = tgrid_finish(&g, out);
	tgrid_free(&g);
	free(name);
	return rc;
}

/* Read the sheet asked for, or the first visible one with rows, among
 * the n worksheets ws[] (indexes into b->s) named names[]. */
static int
xls_pick(struct biff_book *b, const char *path, const char *sheet,
    const char **names, const size_t *ws, size_t n,
    const struct table_match *m, struct diag *d, struct csvt **out)
{
	struct table_choice	 ch;
	struct csvt		*t = NULL;
	size_t			 i;
	int			 rc = VB_OK, pick, k;

	if ((pick = table_pick(path, sheet, names, n, d)) == -2)
		return VB_EINPUT;
	if (pick >= 0) {
		rc = xls_sheet(b, path, ws[pick], d, out);
		if (rc == VB_OK && *out == NULL) {
			diag_add(d, DIAG_ERROR, path, 0, 0, "sheet \"%s\" is "
			    "empty", names[pick]);
			rc = VB_EINPUT;
		}
		return rc;
	}
	table_choice_init(&ch, m);
	for (i = 0; rc == VB_OK && i < n; i++) {
		if (b->s[ws[i]].hidden)
			diag_add(d, DIAG_WARNING, path, 0, 0, "sheet \"%s\" is "
			    "hidden and is passed over (name it to read it)",
			    names[i]);
		else if ((rc = xls_sheet(b, path, ws[i], d, &t)) == VB_OK &&
		    t != NULL && (k = table_offer(&ch, &t, names[i])) != 0) {
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
	struct biff_book	  b;
	const char		**names = NULL;
	size_t			 *ws = NULL, n = 0, i;
	int			  rc;

	*out = NULL;
	if ((rc = biff_open(path, &b)) != BIFF_OK) {
		rc = xls_fail(path, &b, NULL, rc, d);
		biff_free(&b);
		return rc;
	}
	if (b.filepass) {
		biff_free(&b);
		diag_add(d, DIAG_ERROR, path, 0, 0, "this is an Excel file "
		    "protected by a password: open it in Excel and save it "
		    "without a password");
		return VB_EINPUT;
	}
	if (b.n > 0 && ((names = calloc(b.n, sizeof(*names))) == NULL ||
	    (ws = calloc(b.n, sizeof(*ws))) == NULL))
		rc = xls_fail(path, &b, NULL, BIFF_NOMEM, d);
	for (i = 0; rc == VB_OK && i < b.n; i++)
		if (b.s[i].worksheet) {
			names[n] = b.s[i].name;
			ws[n++] = i;
		}
	if (rc == VB_OK)
		rc = xls_pick(&b, path, sheet, names, ws, n, m, d, out);
	if (rc != VB_OK) {
		csvt_free(*out);
		*out = NULL;
	}
	free(names);
	free(ws);
	biff_free(&b);
	return rc;
}
