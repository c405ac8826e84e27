/*
 * test_text.c - the input layer: encodings in, NFC UTF-8 with LF out
 * (text_read_mem on each encoding, detection, errors with positions),
 * the Vietnamese syllable validator, and the streaming converter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vanban.h"
#include "check.h"

/* "Kế hoạch thực hiện nhiệm vụ năm 2020 của Ủy ban nhân dân tỉnh" */
#define KH_UTF8 "K\xE1\xBA\xBF ho\xE1\xBA\xA1""ch th\xE1\xBB\xB1""c " \
	"hi\xE1\xBB\x87n nhi\xE1\xBB\x87m v\xE1\xBB\xA5 n\xC4\x83m 2020 " \
	"c\xE1\xBB\xA7""a \xE1\xBB\xA6y ban nh\xC3\xA2n d\xC3\xA2n " \
	"t\xE1\xBB\x89nh"
/* The same in Windows-1258 (tone marks as combining bytes). */
#define KH_1258 "K\xEA\xEC hoa\xF2""ch th\xFD\xF2""c hi\xEA\xF2n " \
	"nhi\xEA\xF2m vu\xF2 n\xE3m 2020 cu\xD2""a U\xD2y ban nh\xE2n " \
	"d\xE2n ti\xD2nh"
/* The same in TCVN3 (TCVN 5712). */
#define KH_TCVN "K\xD5 ho\xB9""ch th\xF9""c hi\xD6n nhi\xD6m v\xF4 " \
	"n\xA8m 2020 c\xF1""a \x9Ey ban nh\xA9n d\xA9n t\xD8nh"

/* A literal and its length (without the final NUL). */
#define LIT(s) s, sizeof(s) - 1

static struct diag *d;

/* Read n bytes with enc; the text, or NULL (rc in *rc). */
static char *
rd(const char *buf, size_t n, enum text_enc enc, int *rc)
{
	char	*out = NULL;
	size_t	 len;

	diag_free(d);
	d = diag_new();
	*rc = text_read_mem("t.txt", buf, n, enc, d, &out, &len);
	if (*rc == VB_OK && strlen(out) != len) {
		free(out);
		return NULL;
	}
	return *rc == VB_OK ? out : NULL;
}

/* Check reading gives want. */
static void
check_read(const char *name, const char *buf, size_t n, enum text_enc enc,
    const char *want)
{
	int	 rc;
	char	*got = rd(buf, n, enc, &rc);

	CHECK_STR(name, got, want);
	free(got);
}

/* Check reading fails with rc and first message msg. */
static void
check_err(const char *name, const char *buf, size_t n, enum text_enc enc,
    int want_rc, const char *msg)
{
	int	 rc;
	char	*got = rd(buf, n, enc, &rc);
	char	 nm[128];

	free(got);
	snprintf(nm, sizeof(nm), "%s (rc)", name);
	CHECK(nm, rc == want_rc);
	CHECK_STR(name, diag_get(d, 0), msg);
}

static void
test_syllables(void)
{
	static const char *const good[] = {
		"nghiêng", "Nguyễn", "thực", "hiện", "khuya", "quyết", "gì",
		"giếng", "Điện", "ĐIỆN", "được", "oái", "khuỷu", "à", "Ủy",
		"tháng", "người", "ngoằn", "hoạch", "quốc", "gia", "xuân",
		"thuở", "kế", "ghế", "nghề", "yêu", "tỉnh", "khuếch",
		"Thu\xCC\x9B\xCC\xA3""c",	/* NFD "Thực" */
		NULL
	};
	static const char *const bad[] = {
		"thùc", "hiÖn", "µ", "kan", "ngê", "ce", "xyz", "tháng\xCC\x80",
		"Thý\xC5\xA9""c", "qoa", "ab", "", "nghìnn", "yêm\xCC\x81m",
		"đư\xC3\xB4", NULL
	};
	char name[128];
	int i;

	for (i = 0; good[i] != NULL; i++) {
		snprintf(name, sizeof(name), "syllable %s", good[i]);
		CHECK(name, text_vn_syllable(good[i], strlen(good[i])) == 1);
	}
	for (i = 0; bad[i] != NULL; i++) {
		snprintf(name, sizeof(name), "not syllable \"%s\"", bad[i]);
		CHECK(name, text_vn_syllable(bad[i], strlen(bad[i])) == 0);
	}
}

static void
test_enc_names(void)
{
	enum text_enc e = TEXT_ENC_AUTO;

	CHECK("enc parse cp1258", text_enc_parse("Windows-1258", &e) == 0 &&
	    e == TEXT_ENC_CP1258);
	CHECK("enc parse tcvn3", text_enc_parse("TCVN3", &e) == 0 &&
	    e == TEXT_ENC_TCVN3);
	CHECK("enc parse utf-16", text_enc_parse("utf-16", &e) == 0 &&
	    e == TEXT_ENC_UTF16);
	CHECK("enc parse unknown", text_enc_parse("latin-9", &e) == -1);
	CHECK_STR("enc name", text_enc_name(TEXT_ENC_UTF8), "utf-8");
}

static void
test_utf8(void)
{
	check_read("utf8 plain", KH_UTF8 "\n", sizeof(KH_UTF8), TEXT_ENC_AUTO,
	    KH_UTF8 "\n");
	check_read("utf8 bom", LIT("\xEF\xBB\xBF" "a\n"), TEXT_ENC_AUTO, "a\n");
	check_read("utf8 forced bom", LIT("\xEF\xBB\xBF" "a"), TEXT_ENC_UTF8,
	    "a");
	check_read("crlf and cr", LIT("a\r\nb\rc\n\r\nd"), TEXT_ENC_AUTO,
	    "a\nb\nc\n\nd");
	check_read("nfd to nfc",
	    LIT("Thu\xCC\x9B\xCC\xA3""c hie\xCC\x82\xCC\xA3n"),
	    TEXT_ENC_AUTO, "Th\xE1\xBB\xB1""c hi\xE1\xBB\x87n");
	check_read("empty", LIT(""), TEXT_ENC_AUTO, "");
	check_read("bom only", LIT("\xEF\xBB\xBF"), TEXT_ENC_AUTO, "");
	check_read("bom inside dropped", LIT("a\n b\xEF\xBB\xBF" "c"),
	    TEXT_ENC_AUTO, "a\n bc");
	CHECK_STR("bom inside warning", diag_get(d, 0),
	    "t.txt:2:3: warning: byte order mark (U+FEFF) inside the text "
	    "dropped");
	check_err("invalid utf8 forced", LIT("ab\ncd\nxxxxxxxxxxxxxxxx\xE0zz"),
	    TEXT_ENC_UTF8, VB_EINPUT,
	    "t.txt:3:17: error: invalid UTF-8 byte 0xE0 at offset 22; if the "
	    "file was saved as Windows-1258 or TCVN3, give -f cp1258 or "
	    "-f tcvn3");
	check_err("invalid utf8 after utf8", LIT("H\xC3\xA0 N\xE1\xBB\x99i\n"
	    "x\xC3("), TEXT_ENC_AUTO, VB_EINPUT,
	    "t.txt:2:2: error: invalid UTF-8 byte 0xC3 at offset 11; if the "
	    "file was saved as Windows-1258 or TCVN3, give -f cp1258 or "
	    "-f tcvn3");
	check_err("overlong utf8", LIT("a\xC0\xAF"), TEXT_ENC_UTF8, VB_EINPUT,
	    "t.txt:1:2: error: invalid UTF-8 byte 0xC0 at offset 1; if the "
	    "file was saved as Windows-1258 or TCVN3, give -f cp1258 or "
	    "-f tcvn3");
	check_err("surrogate utf8", LIT("\xED\xA0\x80"), TEXT_ENC_UTF8,
	    VB_EINPUT, "t.txt:1:1: error: invalid UTF-8 byte 0xED at offset "
	    "0; if the file was saved as Windows-1258 or TCVN3, give -f "
	    "cp1258 or -f tcvn3");
	check_err("truncated utf8", LIT("Vi\xE1\xBB\x87t\nNam \xE1\xBB"),
	    TEXT_ENC_AUTO, VB_EINPUT,
	    "t.txt:2:5: error: the file ends in the middle of a UTF-8 "
	    "character (byte 0xE1 at offset 11): was it cut short?");
	check_err("nul byte", LIT("abc\n\0def"), TEXT_ENC_AUTO, VB_EINPUT,
	    "t.txt:2:1: error: NUL byte at offset 4: this is not a text file "
	    "(if it is UTF-16 without a byte order mark, give -f utf-16le or "
	    "-f utf-16be)");
}

static void
test_utf16(void)
{
	/* "Hà\r\nNội" */
	static const char le[] = "\xFF\xFEH\0\xE0\0\r\0\n\0N\0\xD9\x1Ei\0";
	static const char be[] = "\xFE\xFF\0H\0\xE0\0\r\0\n\0N\x1E\xD9\0i";
	static const char want[] = "H\xC3\xA0\nN\xE1\xBB\x99i";

	check_read("utf16le bom", le, sizeof(le) - 1, TEXT_ENC_AUTO, want);
	check_read("utf16be bom", be, sizeof(be) - 1, TEXT_ENC_AUTO, want);
	check_read("utf16 forced be", be, sizeof(be) - 1, TEXT_ENC_UTF16,
	    want);
	check_read("utf16le forced no bom", le + 2, sizeof(le) - 3,
	    TEXT_ENC_UTF16LE, want);
	check_read("utf16 forced no bom", le + 2, sizeof(le) - 3,
	    TEXT_ENC_UTF16, want);
	check_err("utf16 odd length", le, sizeof(le) - 2, TEXT_ENC_AUTO,
	    VB_EINPUT, "t.txt:2:3: error: the file ends in the middle of a "
	    "UTF-16 character (offset 14): was it cut short?");
	check_err("utf16 lone surrogate", LIT("\xFF\xFE" "a\0\x00\xDC" "b\0"),
	    TEXT_ENC_AUTO, VB_EINPUT, "t.txt:1:2: error: invalid UTF-16 at "
	    "offset 4 (a lone surrogate): is the file really UTF-16?");
	check_err("utf16 without bom", LIT("a\0b\0"), TEXT_ENC_AUTO, VB_EINPUT,
	    "t.txt:1:2: error: NUL byte at offset 1: this is not a text file "
	    "(if it is UTF-16 without a byte order mark, give -f utf-16le or "
	    "-f utf-16be)");
}

static void
test_cp1258_tcvn3(void)
{
	check_read("cp1258 forced", KH_1258 "\r\n", sizeof(KH_1258) + 1,
	    TEXT_ENC_CP1258, KH_UTF8 "\n");
	check_read("cp1258 auto", KH_1258, sizeof(KH_1258) - 1, TEXT_ENC_AUTO,
	    KH_UTF8);
	CHECK_STR("cp1258 auto warning", diag_get(d, 0), "t.txt: warning: "
	    "not UTF-8; read as Windows-1258 (100% Vietnamese words); give "
	    "-f cp1258 to be sure");
	check_read("cp1258 last char", LIT("Ha\xCC"), TEXT_ENC_CP1258,
	    "H\xC3\xA0");
	check_err("cp1258 undefined byte", LIT("a\n\x81"), TEXT_ENC_CP1258,
	    VB_EINPUT, "t.txt:2:1: error: byte 0x81 at offset 2 is not a "
	    "Windows-1258 character; give -f with the file's encoding");
	check_read("tcvn3 forced", KH_TCVN "\n", sizeof(KH_TCVN),
	    TEXT_ENC_TCVN3, KH_UTF8 "\n");
	check_read("tcvn3 auto", "abc\n" KH_TCVN, sizeof(KH_TCVN) + 3,
	    TEXT_ENC_AUTO, "abc\n" KH_UTF8);
	CHECK_STR("tcvn3 auto warning", diag_get(d, 0), "t.txt: warning: "
	    "not UTF-8; read as TCVN3 (100% Vietnamese words); give "
	    "-f tcvn3 to be sure");
	check_read("tcvn3 capitals",
	    LIT("\xA7\xA1\xA2\xA3\xA4\xA5\xA6 \x01\x16"), TEXT_ENC_TCVN3,
	    "\xC4\x90\xC4\x82\xC3\x82\xC3\x8A\xC3\x94"
	    "\xC6\xA0\xC6\xAF \xC3\x9A\xC3\x9D");
	check_err("binary", LIT("\x89PNG\r\n\x1A\n\x80\xFF\xFE\x12\x9C"),
	    TEXT_ENC_AUTO, VB_EINPUT, "t.txt:1:1: error: not UTF-8 (byte "
	    "0x89 at offset 0), and neither Windows-1258 (0% Vietnamese "
	    "words) nor TCVN3 (0%) reads as Vietnamese text; give -f with "
	    "the file's encoding (cp1258, tcvn3, utf-16le, ...)");
}

/* NFD across the converter's 64 KiB chunks and a line of 3 MB (cut
 * before ASCII) must give the same as normalising at once. */
static void
test_long(void)
{
	static const char unit[] = "Thu\xCC\x9B\xCC\xA3""c hie\xCC\x82\xCC\xA3n ";
	size_t	 n = 3 * 1024 * 1024, k = strlen(unit), i, wl;
	char	*buf = malloc(n + k + 1), *got, *want;
	int	 rc;

	if (buf == NULL)
		return;
	for (i = 0; i + k < n; i += k)
		memcpy(buf + i, unit, k);
	buf[i] = '\0';
	want = text_nfc(buf, i, &wl);
	got = rd(buf, i, TEXT_ENC_AUTO, &rc);
	CHECK("long line nfc", got != NULL && want != NULL &&
	    strcmp(got, want) == 0);
	free(got);
	for (i = 0; i < 200000; i += k + 1) {
		memcpy(buf + i, unit, k);
		buf[i + k] = '\n';
	}
	free(want);
	want = text_nfc(buf, i, &wl);
	got = rd(buf, i, TEXT_ENC_AUTO, &rc);
	CHECK("chunked lines nfc", got != NULL && want != NULL &&
	    strcmp(got, want) == 0);
	free(got);
	free(want);
	free(buf);
}

/* text_convert_stream to a file; nothing is written on error. */
static void
test_stream(void)
{
	char	 dir[] = "/tmp/vbtestXXXXXX", in[64], out[80], buf[256];
	FILE	*fp;
	size_t	 n;
	int	 rc;

	if (mkdtemp(dir) == NULL)
		return;
	snprintf(in, sizeof(in), "%s/in", dir);
	snprintf(out, sizeof(out), "%s/out", dir);
	if ((fp = fopen(in, "wb")) == NULL)
		return;
	fputs(KH_1258 "\r\n", fp);
	fclose(fp);
	diag_free(d);
	d = diag_new();
	rc = text_convert_stream(in, out, TEXT_ENC_CP1258, d);
	CHECK("stream ok", rc == VB_OK && diag_count(d) == 0);
	n = 0;
	if ((fp = fopen(out, "rb")) != NULL) {
		n = fread(buf, 1, sizeof(buf) - 1, fp);
		fclose(fp);
	}
	buf[n] = '\0';
	CHECK_STR("stream output", buf, KH_UTF8 "\n");
	unlink(out);
	if ((fp = fopen(in, "wb")) == NULL)
		return;
	fputs("a\n\x81", fp);
	fclose(fp);
	rc = text_convert_stream(in, out, TEXT_ENC_CP1258, d);
	CHECK("stream error", rc == VB_EINPUT && access(out, F_OK) != 0);
	unlink(in);
	rmdir(dir);
}

/* text_date_parse: both forms, real calendar days only. */
static void
test_dates(void)
{
	int y = 0, m = 0, dd = 0;

	CHECK("date_iso", text_date_parse("2020-01-10", &y, &m, &dd) == 0 &&
	    y == 2020 && m == 1 && dd == 10);
	CHECK("date_vn", text_date_parse("9/2/2024", &y, &m, &dd) == 0 &&
	    y == 2024 && m == 2 && dd == 9);
	CHECK("date_leap_day", text_date_parse("29/02/2024", &y, &m, &dd) == 0);
	CHECK("date_no_leap_day", text_date_parse("2023-02-29", &y, &m, &dd) == -1);
	CHECK("date_month_13", text_date_parse("2020-13-01", &y, &m, &dd) == -1);
	CHECK("date_day_31_april", text_date_parse("31/04/2020", &y, &m, &dd) == -1);
	CHECK("date_trailing", text_date_parse("2020-01-10x", &y, &m, &dd) == -1);
	CHECK("date_short_iso", text_date_parse("2020-1-10", &y, &m, &dd) == -1);
}

int
main(void)
{
	test_syllables();
	test_enc_names();
	test_utf8();
	test_utf16();
	test_cp1258_tcvn3();
	test_long();
	test_stream();
	test_dates();
	diag_free(d);
	return check_failed != 0;
}
