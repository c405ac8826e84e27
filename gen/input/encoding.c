/*
 * encoding.c - the encodings vanban reads: their names, the TCVN3 table
 * (glibc has no VN3), and NFC.
 */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <utf8proc.h>

#include "input/input.h"
#include "input/input_int.h"

static const struct {
	const char	*name;
	enum text_enc	 enc;
} enc_names[] = {
	{ "auto", TEXT_ENC_AUTO },
	{ "utf-8", TEXT_ENC_UTF8 }, { "utf8", TEXT_ENC_UTF8 },
	{ "utf-16", TEXT_ENC_UTF16 }, { "utf16", TEXT_ENC_UTF16 },
	{ "utf-16le", TEXT_ENC_UTF16LE }, { "utf16le", TEXT_ENC_UTF16LE },
	{ "utf-16be", TEXT_ENC_UTF16BE }, { "utf16be", TEXT_ENC_UTF16BE },
	{ "cp1258", TEXT_ENC_CP1258 }, { "windows-1258", TEXT_ENC_CP1258 },
	{ "win1258", TEXT_ENC_CP1258 },
	{ "tcvn3", TEXT_ENC_TCVN3 }, { "tcvn", TEXT_ENC_TCVN3 },
	{ "vn3", TEXT_ENC_TCVN3 }, { "abc", TEXT_ENC_TCVN3 },
};

/*
 * TCVN 5712:1993 bytes 0x80-0xFF.  VN3 (the ".Vn" fonts) uses 0xA1-0xAE
 * and 0xB5-0xFE (lower-case letters and the seven capitals Ă Â Ê Ô Ơ Ư
 * Đ); VN1 adds the capitals with tone marks (0x80-0x9F and others) and
 * combining tone marks (0xB0-0xB4).  Reading VN1's extra codes as well
 * loses nothing: a VN3 file does not use them for anything else.
 * Checked against glibc's TCVN5712-1 table and a public TCVN3 converter.
 */
const uint16_t tcvn_high[128] = {
	/* 80 */ 0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,
	/* 88 */ 0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,
	/* 90 */ 0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,
	/* 98 */ 0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,
	/* A0 */ 0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
	/* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
	/* B0 */ 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
	/* B8 */ 0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
	/* C0 */ 0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
	/* C8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
	/* D0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
	/* D8 */ 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
	/* E0 */ 0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
	/* E8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
	/* F0 */ 0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
	/* F8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
};

/* TCVN 5712 also puts twelve capitals in the C0 control range. */
uint16_t
tcvn_low(unsigned char b)
{
	switch (b) {
	case 0x01: return 0x00DA;	/* Ú */
	case 0x02: return 0x1EE4;	/* Ụ */
	case 0x04: return 0x1EEA;	/* Ừ */
	case 0x05: return 0x1EEC;	/* Ử */
	case 0x06: return 0x1EEE;	/* Ữ */
	case 0x11: return 0x1EE8;	/* Ứ */
	case 0x12: return 0x1EF0;	/* Ự */
	case 0x13: return 0x1EF2;	/* Ỳ */
	case 0x14: return 0x1EF6;	/* Ỷ */
	case 0x15: return 0x1EF8;	/* Ỹ */
	case 0x16: return 0x00DD;	/* Ý */
	case 0x17: return 0x1EF4;	/* Ỵ */
	default: return b;
	}
}

int
text_enc_parse(const char *name, enum text_enc *out)
{
	size_t i;

	for (i = 0; i < sizeof(enc_names) / sizeof(enc_names[0]); i++)
		if (strcasecmp(name, enc_names[i].name) == 0) {
			*out = enc_names[i].enc;
			return 0;
		}
	return -1;
}

const char *
text_enc_name(enum text_enc enc)
{
	size_t i;

	for (i = 0; i < sizeof(enc_names) / sizeof(enc_names[0]); i++)
		if (enc_names[i].enc == enc)
			return enc_names[i].name;
	return "?";
}

/* The name a clerk knows an encoding by, for messages. */
const char *
text_enc_label(enum text_enc enc)
{
	switch (enc) {
	case TEXT_ENC_UTF8: return "UTF-8";
	case TEXT_ENC_UTF16: return "UTF-16";
	case TEXT_ENC_UTF16LE: return "UTF-16LE";
	case TEXT_ENC_UTF16BE: return "UTF-16BE";
	case TEXT_ENC_CP1258: return "Windows-1258";
	case TEXT_ENC_TCVN3: return "TCVN3";
	default: return "auto";
	}
}

