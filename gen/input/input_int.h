/*
 * input_int.h - internal header of gen/input/: the converter that every reader
 * of a text file goes through, fed in chunks:
 *
 *   bytes -> [head: BOM] -> [sniff: guess the encoding] -> decoder
 *         -> conv_put (CR/CRLF -> LF, BOM dropped, line/col counted)
 *         -> pending text, normalised to NFC a whole line at a time
 *         -> sink (memory buffer or FILE)
 *
 * Decoders: UTF-8 is validated (so that the first bad byte can be named),
 * UTF-16 and Windows-1258 go through iconv, TCVN3 (TCVN 5712 VN3, a
 * subset of VN1) through a table, as glibc lacks VN3.  Without a forced
 * encoding, text that is not UTF-8 is read as CP1258 or TCVN3, whichever
 * decodes the first TEXT_SNIFF bytes after the first non-ASCII byte into
 * more valid Vietnamese syllables.
 */
#ifndef INPUT_INT_H
#define INPUT_INT_H

#include <iconv.h>
#include <stdint.h>

#define TEXT_CHUNK	65536        /* bytes fed to the converter at a time */
#define TEXT_SNIFF	65536        /* bytes looked at to guess an encoding */
#define TEXT_MAXPEND	(1 << 20)    /* decoded bytes held waiting for a line end */
#define TEXT_VN_MIN	60           /* % of Vietnamese words to accept a guess */

enum conv_phase {
	PH_HEAD,	/* waiting for 4 bytes to look for a BOM */
	PH_SNIFF,	/* auto: ASCII so far, passed through as UTF-8 */
	PH_HOLD,	/* auto: holding TEXT_SNIFF bytes to guess from */
	PH_RUN,		/* decoding with enc */
	PH_DONE		/* failed: input ignored */
};

/* Where the converted text goes: returns 0, or -1 with errno set. */
typedef int (*conv_sink)(void *arg, const char *s, size_t n);

struct conv {
	const char	*name;      /* file name for messages */
	struct diag	*d;         /* where messages go */
	enum text_enc	 want;      /* encoding asked for */
	enum text_enc	 enc;       /* decoder in use (PH_RUN) */
	enum conv_phase	 ph;        /* see above */
	iconv_t		 cd;        /* UTF-16 and CP1258, else (iconv_t)-1 */
	unsigned char	*in;        /* input not consumed yet */
	size_t		 nin;       /* bytes in in */
	size_t		 capin;     /* allocated */
	unsigned long long in_off;  /* offset of in[0] in the input */
	long		 line;      /* line of the next decoded character */
	long		 col;       /* its column, in characters */
	int		 cr;        /* the last character was a CR */
	int		 started;   /* a character was decoded */
	int		 bom_warned; /* warned of a BOM inside the text */
	char		*pend;      /* decoded text, not yet normalised */
	size_t		 npend;     /* bytes in pend */
	size_t		 cappend;   /* allocated */
	conv_sink	 sink;      /* where the output goes */
	void		*sinkarg;   /* its argument */
	int		 rc;        /* VB_OK until something failed */
};

/* encoding.c: TCVN 5712 bytes 0x80-0xFF as code points (VN3 and VN1). */
extern const uint16_t tcvn_high[128];

/* encoding.c: the code point of TCVN3 byte b < 0x80 (twelve capitals sit
 * in the C0 control range, the rest is ASCII). */
uint16_t tcvn_low(unsigned char b);
/* encoding.c: the name a clerk knows an encoding by, for messages
 * ("UTF-8", "Windows-1258", "TCVN3", ...). */
const char *text_enc_label(enum text_enc enc);
/* syllable.c: the share (%) of words of s that are Vietnamese syllables
 * (words with a non-ASCII letter only; -1 when there is none). */
int text_vn_share(const char *s, size_t n);

/* conv.c: the converter; conv_feed input in, conv_finish for the status */
/* Start a converter reading `name` (messages to d) as enc, its output
 * going to sink(sinkarg, ...). */
void conv_init(struct conv *c, const char *name, enum text_enc enc,
    struct diag *d, conv_sink sink, void *sinkarg);
/* Free what the converter holds (not c itself). */
void conv_free(struct conv *c);
/* Record an input error at the current position; the converter stops. */
void conv_fail(struct conv *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Make room for n more bytes after `used` in *buf (capacity *cap);
 * 0, or -1 on OOM. */
int conv_grow(char **buf, size_t *cap, size_t used, size_t n);
/* Take n bytes of decoded UTF-8 (whole characters): CR and CRLF become
 * LF, a BOM is dropped, the position of the next character kept. */
void conv_put(struct conv *c, const char *s, size_t n);
/* Give the converter n more input bytes. */
void conv_feed(struct conv *c, const void *buf, size_t n);
/* No more input: finish and return the status (VB_OK, VB_EINPUT,
 * VB_ESYS). */
int conv_finish(struct conv *c);

/* decode.c: the decoders, each returning the bytes it consumed */
/* Length of the UTF-8 sequence at p: > 0 when complete and valid, 0 when
 * cut short by the end of the n bytes, -1 when invalid. */
int conv_utf8_len(const unsigned char *p, size_t n);
/* Fail on a NUL byte at input offset off (not a text file, or UTF-16
 * without a BOM). */
void conv_nul(struct conv *c, unsigned long long off);
/* Decode UTF-8 (an incomplete sequence at the end is left for the next
 * chunk unless final). */
size_t dec_utf8(struct conv *c, const unsigned char *p, size_t n, int final);
/* Decode TCVN3: every byte is a character. */
size_t dec_tcvn3(struct conv *c, const unsigned char *p, size_t n);
/* Decode with iconv (UTF-16, CP1258). */
size_t dec_iconv(struct conv *c, const unsigned char *p, size_t n, int final);
/* Open c->cd for c->enc when it is UTF-16 or CP1258 (else nothing);
 * 0, or -1 with the converter failed (VB_ESYS). */
int conv_open_iconv(struct conv *c);
/* The n bytes at p decoded whole as CP1258 / TCVN3, in NFC (malloc'd;
 * NULL when iconv refuses them, or on OOM): to guess an encoding. */
char *dec_cp1258_all(const unsigned char *p, size_t n, size_t *outlen);
char *dec_tcvn3_all(const unsigned char *p, size_t n, size_t *outlen);

#endif /* INPUT_INT_H */
