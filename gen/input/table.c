/*
 * table.c - the one entry point for reading a table (table_read): the
 * file's first bytes tell a zip (an .ods spreadsheet, ods.c, when its
 * first entry says so; else an .xlsx workbook, xlsx.c), an OLE
 * compound file (an .xls workbook, xls.c, unless it holds the encrypted
 * package of a password-protected workbook) or text (CSV, csvt.c).
 *
 * Also what both workbook readers share: cell references, numbers and
 * dates as shown, number formats, the choice of a sheet (the grid they
 * fill is tgrid.c's).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/input.h"
#include "input/table.h"

static const unsigned char table_ole_sig[8] = {
	0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1
};

/* Does the directory entry e (128 bytes of an OLE compound file) name
 * the stream `name` (ASCII)? */
static int
table_ole_entry(const unsigned char *e, const char *name)
{
	size_t i, n = strlen(name);

	if ((size_t)(e[0x40] | e[0x41] << 8) != 2 * (n + 1) || e[0x42] != 2)
		return 0;
	for (i = 0; i < n; i++)
		if (e[2 * i] != (unsigned char)name[i] || e[2 * i + 1] != 0)
			return 0;
	return 1;
}

/*
 * Is the OLE compound file fp an encrypted Office document?  Directory
 * entries are 128 bytes and sectors start at multiples of 512 after the
 * 512-byte header, so every entry starts at a multiple of 128: each one
 * is looked at for the streams of Office encryption (EncryptionInfo and
 * EncryptedPackage, MS-OFFCRYPTO), without following the FAT.
 */
static int
table_ole_encrypted(FILE *fp)
{
	unsigned char e[128];

	if (fseek(fp, 512, SEEK_SET) != 0)
		return 0;
	while (fread(e, 1, sizeof(e), fp) == sizeof(e))
		if (table_ole_entry(e, "EncryptionInfo") ||
		    table_ole_entry(e, "EncryptedPackage"))
			return 1;
	return 0;
}

static int	 table_read_as(const char *, const char *, enum text_enc, int,
		    const struct table_match *, struct diag *, struct csvt **);

/* A CSV or text table: text_read_file + csvt_parse_all, or
 * csvt_parse_rows (rows as they are, no header assumed) when rows. */
static int
table_text(const char *path, enum text_enc enc, int rows, struct diag *d,
    struct csvt **out)
{
	char	*text;
	size_t	 len;
	int	 rc;

	if ((rc = text_read_file(path, enc, d, &text, &len)) != VB_OK)
		return rc;
	rc = rows ? csvt_parse_rows(path, text, len, 0, 0, d, out) :
	    csvt_parse_all(path, text, len, 0, 0, d, out);
	free(text);
	return rc;
}

/* table_read_as, then the check of the text's encoding: a table whose
 * text is UTF-8 read as Windows-1252 is refused (*out NULL). */
static int
table_read_checked(const char *path, const char *sheet, enum text_enc enc,
    int rows, const struct table_match *m, struct diag *d,
    struct csvt **out)
{
	int rc = table_read_as(path, sheet, enc, rows, m, d, out);

	if (rc != VB_ESYS && *out != NULL && table_check_mojibake(*out, d)) {
		csvt_free(*out);
		*out = NULL;
		rc = VB_EINPUT;
	}
	return rc;
}

int
table_read(const char *path, const char *sheet, enum text_enc enc,
    struct diag *d, struct csvt **out)
{
	return table_read_checked(path, sheet, enc, 0, NULL, d, out);
}

int
table_read_rows(const char *path, const char *sheet, enum text_enc enc,
    struct diag *d, struct csvt **out)
{
	return table_read_checked(path, sheet, enc, 1, NULL, d, out);
}

int
table_read_match(const char *path, const char *sheet, enum text_enc enc,
    const struct table_match *m, struct diag *d, struct csvt **out)
{
	return table_read_checked(path, sheet, enc, 1, m, d, out);
}

int
table_read_head_match(const char *path, const char *sheet,
    enum text_enc enc, const struct table_match *m, struct diag *d,
    struct csvt **out)
{
	return table_read_checked(path, sheet, enc, 0, m, d, out);
}

/* Is the zip that starts with these bytes an OpenDocument spreadsheet?
 * Its first entry is "mimetype", stored, holding the media type (ODF
 * 1.2 part 3, 3.3). */
static int
table_is_ods(const unsigned char *h, size_t n)
{
	static const char mt[] = "application/vnd.oasis.opendocument."
	    "spreadsheet";

	return n >= 38 + sizeof(mt) - 1 && memcmp(h + 30, "mimetype", 8) == 0 &&
	    memcmp(h + 38, mt, sizeof(mt) - 1) == 0;
}

static int
table_read_as(const char *path, const char *sheet, enum text_enc enc,
    int rows, const struct table_match *m, struct diag *d,
    struct csvt **out)
{
	unsigned char	 head[128];
	size_t		 n;
	FILE		*fp;
	int		 enc_ole, rc;

	*out = NULL;
	if (strcmp(path, "-") == 0)
		return table_text(path, enc, rows, d, out);
	if ((rc = vb_open_read(path, &fp, d)) != VB_OK)
		return rc;
	/* Only now: the lock file check opens it again, a regular file. */
	if (table_lock_file(path, d)) {
		fclose(fp);
		return VB_EINPUT;
	}
	n = fread(head, 1, sizeof(head), fp);
	if (n >= 4 && memcmp(head, "PK", 2) == 0 && ((head[2] == 3 &&
	    head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
		fclose(fp);
		if (table_is_ods(head, n))
			return ods_read(path, sheet, m, d, out);
		return xlsx_read(path, sheet, m, d, out);
	}
	if (n >= 8 && memcmp(head, table_ole_sig, 8) == 0) {
		enc_ole = table_ole_encrypted(fp);
		fclose(fp);
		if (enc_ole) {
			diag_add(d, DIAG_ERROR, path, 0, 0,
			    "this is an Excel file protected by a password: "
			    "open it in Excel and save it without a password");
			return VB_EINPUT;
		}
		return xls_read(path, sheet, m, d, out);
	}
	fclose(fp);
	if (sheet != NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0,
		    "a sheet (\"%s\") is named, but this is a text file, "
		    "not an Excel workbook", sheet);
		return VB_EINPUT;
	}
	return table_text(path, enc, rows, d, out);
}

int
table_file_is_workbook(const char *path)
{
	unsigned char	 h[8];
	size_t		 n = 0;
	FILE		*fp;

	if (strcmp(path, "-") == 0 || (fp = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(h, 1, sizeof(h), fp);
	fclose(fp);
	return (n >= 4 && memcmp(h, "PK", 2) == 0 && ((h[2] == 3 &&
	    h[3] == 4) || (h[2] == 5 && h[3] == 6))) ||
	    (n == 8 && memcmp(h, table_ole_sig, 8) == 0);
}

int
table_is_workbook(const struct csvt *t)
{
	return t != NULL && t->sep == 0;
}

void
table_col_name(size_t col, char buf[8])
{
	char	tmp[8];
	size_t	n = 0, i;

	col++;
	while (col > 0 && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

int
table_cell_name(const struct csvt *t, size_t row, size_t field,
    char buf[16])
{
	char col[8];

	buf[0] = '\0';
	if (!table_is_workbook(t) || row >= t->nrows ||
	    field >= t->rows[row].nfields)
		return -1;
	table_col_name(field, col);
	snprintf(buf, 16, "%s%d", col, t->rows[row].line);
	return 0;
}

const char *
xml_local(const char *name)
{
	const char *c = strrchr(name, ':');

	return c != NULL ? c + 1 : name;
}

const char *
xml_attr(const char **atts, const char *name)
{
	for (; atts[0] != NULL; atts += 2)
		if (strcmp(xml_local(atts[0]), name) == 0)
			return atts[1];
	return NULL;
}

int
table_ref(const char *ref, unsigned *col, long *row)
{
	unsigned long	c = 0;
	long		r = 0;
	const char	*s = ref;

	while (*s == '$')
		s++;
	while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')) {
		c = c * 26 + (unsigned long)((*s | 0x20) - 'a' + 1);
		if (c > 1000000)
			return -1;
		s++;
	}
	if (*s == '$')
		s++;
	while (*s >= '0' && *s <= '9') {
		r = r * 10 + (*s - '0');
		if (r > 100000000L)
			return -1;
		s++;
	}
	if (*s != '\0' || (c == 0 && r == 0))
		return -1;
	if (c > 0)
		*col = (unsigned)(c - 1);
	if (r > 0)
		*row = r;
	return 0;
}

void
table_num(double v, char buf[64])
{
	char	*e;
	double	 a = fabs(v);
	int	 prec;

	if (v == 0 || !isfinite(v)) {	/* -0 too; no cell holds inf */
		snprintf(buf, 64, "%s", v == 0 ? "0" : "#NUM!");
		return;
	}
	if (a >= 1e-10 && a < 1e-4) {
		/* %g would write 1e-05: fixed, 15 significant digits. */
		prec = 15 - (int)floor(log10(a)) - 1;
		snprintf(buf, 64, "%.*f", prec, v);
		for (e = buf + strlen(buf) - 1; *e == '0'; e--)
			*e = '\0';
		if (*e == '.')
			*e = '\0';
		return;
	}
	snprintf(buf, 64, "%.15g", v);
}

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar,
 * and back (Howard Hinnant's civil-date algorithm, written anew). */
static void
table_civil(long z, int *y, int *m, int *d)
{
	long	era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* v to 15 significant digits, as a spreadsheet shows it (2958465.999999999
 * is 2958466, 1/3 of a day 28800 seconds). */
static double
table_approx(double v)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%.15g", v);
	return strtod(buf, NULL);
}

/*
 * As LibreOffice Calc shows a date or time (checked against its CSV
 * export "as shown"): the serial taken to 15 significant digits; then the
 * seconds cut, not rounded (12:00:00.99 is 12:00:00), except that a time
 * that rounds to midnight is the next day's 00:00:00 in a date; a time of
 * day alone never reaches 24:00:00 (0.99999999999 is 23:59:59).  Years
 * 1900 to 32767 (LibreOffice's last; the day after 9999-12-31 shows as
 * 10000-01-01).
 */
int
table_serial(double v, int date1904, enum tnum_kind kind, char buf[64])
{
	double	 day, fsec;
	long	 days, secs;
	int	 y, m, dd;

	if (!isfinite(v) || v < 0 || v > 2e7)
		return -1;
	v = table_approx(v);
	day = floor(v);
	fsec = table_approx((v - day) * 86400.0);
	secs = (long)floor(fsec);
	if (kind == TNUM_TIME && v < 1) {
		if (secs > 86399)
			secs = 86399;
		snprintf(buf, 64, "%02ld:%02ld:%02ld", secs / 3600,
		    secs / 60 % 60, secs % 60);
		return 0;
	}
	if (lround(fsec) >= 86400) {
		secs = 0;
		day += 1;
	}
	/* Day 0 of the 1904 system is 1904-01-01 (-24107 from 1970);
	 * of the 1900 system, 1899-12-30 for days from 61 on, while
	 * 1..59 count from 1899-12-31 (Lotus's 1900-02-29 is day 60). */
	if (date1904)
		days = (long)day - 24107;
	else if (day >= 61)
		days = (long)day - 25569;
	else if (day >= 1 && day < 60)
		days = (long)day - 25568;
	else
		return -1;
	table_civil(days, &y, &m, &dd);
	if (y < 1900 || y > 32767)
		return -1;
	if (secs == 0)
		snprintf(buf, 64, "%04d-%02d-%02d", y, m, dd);
	else
		snprintf(buf, 64, "%04d-%02d-%02d %02ld:%02ld:%02ld", y, m, dd,
		    secs / 3600, secs / 60 % 60, secs % 60);
	return 0;
}

enum tnum_kind
table_builtin_kind(unsigned long id)
{
	if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	    (id >= 50 && id <= 58))
		return TNUM_DATE;
	if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
		return TNUM_TIME;
	return TNUM_NUMBER;
}

enum tnum_kind
table_fmt_kind(const char *s)
{
	int	date = 0, time = 0, month = 0;

	for (; *s != '\0'; s++) {
		switch (*s) {
		case '"':		/* literal text */
			while (s[1] != '\0' && s[1] != '"')
				s++;
			if (s[1] != '\0')
				s++;
			break;
		case '\\': case '_': case '*':	/* escaped, padding */
			if (s[1] != '\0')
				s++;
			break;
		case '[':		/* [Red], [$-409]; [h] [mm] [ss] */
			if (strchr("hHmMsS", s[1]) != NULL && s[1] != '\0')
				time = 1;
			while (s[1] != '\0' && s[1] != ']')
				s++;
			break;
		case ';':		/* only the first section counts */
			goto done;
		case 'd': case 'D': case 'y': case 'Y':
			date = 1;
			break;
		case 'm': case 'M':
			month = 1;
			break;
		case 'h': case 'H': case 's': case 'S':
			time = 1;
			break;
		case 'A': case 'a':	/* AM/PM */
			if (strncmp(s, "AM/PM", 5) == 0 ||
			    strncmp(s, "am/pm", 5) == 0 ||
			    strncmp(s, "A/P", 3) == 0) {
				time = 1;
				s += s[1] == 'M' || s[1] == 'm' ? 4 : 2;
			}
			break;
		case 'e': case 'E':	/* "General", exponents */
			if (strncmp(s, "E+", 2) == 0 || strncmp(s, "E-", 2) == 0 ||
			    strncmp(s, "e+", 2) == 0 || strncmp(s, "e-", 2) == 0)
				return TNUM_NUMBER;
			break;
		default:
			break;
		}
	}
done:
	if (date)
		return TNUM_DATE;
	if (time)
		return TNUM_TIME;
	return month ? TNUM_DATE : TNUM_NUMBER;
}

int
table_pick(const char *path, const char *want, const char *const *names,
    size_t n, struct diag *d)
{
	struct vbuf	 list = { NULL, 0, 0, 0 };
	char		*fw, *fn, *end;
	size_t		 i;
	long		 k;
	int		 hit = -1;

	if (want == NULL)
		return -1;
	for (i = 0; i < n && hit < 0; i++)
		if (strcmp(names[i], want) == 0)
			hit = (int)i;
	if (hit < 0 && (fw = csvt_fold(want)) != NULL) {
		for (i = 0; i < n && hit < 0 && fw[0] != '\0'; i++) {
			if ((fn = csvt_fold(names[i])) != NULL &&
			    strcmp(fn, fw) == 0)
				hit = (int)i;
			free(fn);
		}
		free(fw);
	}
	if (hit < 0 && want[0] >= '1' && want[0] <= '9') {
		errno = 0;
		k = strtol(want, &end, 10);
		if (*end == '\0' && errno == 0 && k >= 1 && (size_t)k <= n)
			hit = (int)(k - 1);
	}
	if (hit >= 0)
		return hit;
	for (i = 0; i < n; i++)
		vbuf_printf(&list, "%s\"%s\"", i ? ", " : "", names[i]);
	diag_add(d, DIAG_ERROR, path, 0, 0,
	    "no sheet \"%s\" in this workbook: its sheets are %s (give a "
	    "name or a number from 1 to %zu)", want,
	    list.s ? list.s : "none", n);
	free(list.s);
	return -2;
}
