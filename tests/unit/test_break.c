/*
 * test_break.c - unit tests of lb_break (gen/layout_break.c), the
 * total-fit line breaker, measured through a fake font with fixed
 * advances so every expectation is exact:
 *
 *   U+0020 space   250/1000 em in every face
 *   U+1F600        missing (-1): layout_width falls back to U+FFFD
 *   U+FFFD         1000/1000 em
 *   anything else  500/1000 em, 600/1000 em in the bold faces
 *
 * At 10 pt a regular letter is 5 pt and a space 2.5 pt (stretch 1.5 pt,
 * shrink 0.75 pt in the breaker's glue).
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "emit/emit.h"
#include "check.h"

#define SIZE_PT	10.0
#define EPS_PT	0.01
#define SPACE_PT 2.5

static int
fake_advance(void *ctx, int face, uint32_t cp)
{
	(void)ctx;
	if (cp == ' ')
		return 250;
	if (cp == 0x1F600)
		return -1;
	if (cp == 0xFFFD)
		return 1000;
	return (face & DOC_BOLD) ? 600 : 500;
}

static const struct layout_font fake = { NULL, fake_advance };

/* Width of a piece as the breaker measures it. */
static double
piece_w(const struct lb_piece *p)
{
	return layout_width(&fake, p->face, p->sup ? SIZE_PT * 0.6 : SIZE_PT,
	    p->text, p->n);
}

/* Right edge of a line: end of its last piece (0 if empty). */
static double
line_end(const struct lb_line *ln)
{
	if (ln->n == 0)
		return 0;
	return ln->p[ln->n - 1].x_pt + piece_w(&ln->p[ln->n - 1]);
}

/* Does the line use natural spacing: every gap between pieces is 0 (a
 * face change inside a word) or one natural space? */
static int
line_natural(const struct lb_line *ln)
{
	size_t i;

	for (i = 1; i < ln->n; i++) {
		double gap = ln->p[i].x_pt - (ln->p[i - 1].x_pt +
		    piece_w(&ln->p[i - 1]));

		if (fabs(gap) > EPS_PT && fabs(gap - SPACE_PT) > EPS_PT)
			return 0;
	}
	return 1;
}

/* One inline from alternating (text, face) pairs, NULL-terminated. */
static struct doc_inline
mk(const char *text, int face, ...)
{
	struct doc_inline	 in = { NULL, 0, 0 };
	va_list			 ap;

	va_start(ap, face);
	while (text != NULL) {
		if (doc_inline_add(&in, text, strlen(text), face, 0) == -1) {
			printf("FAIL break_setup: out of memory\n");
			exit(1);
		}
		text = va_arg(ap, const char *);
		if (text != NULL)
			face = va_arg(ap, int);
	}
	va_end(ap);
	return in;
}

static struct lb_result
brk(const struct doc_inline *in, double width_pt, double indent_pt,
    int justify)
{
	struct lb_result r;

	if (lb_break(&fake, in, SIZE_PT, width_pt, indent_pt, justify,
	    &r) == -1) {
		printf("FAIL break_setup: lb_break returned -1\n");
		exit(1);
	}
	return r;
}

/*
 * The text of the result: pieces of a line joined by a space where there
 * is a gap and by nothing where there is none (a word set in two faces or
 * cut between characters), lines joined by sep.  Malloc'd.
 */
static char *
joined(const struct lb_result *r, const char *sep)
{
	size_t	 cap = 1, i, k;
	char	*s;

	for (i = 0; i < r->n; i++)
		for (k = 0; k < r->lines[i].n; k++)
			cap += r->lines[i].p[k].n + 1 + strlen(sep);
	if ((s = calloc(1, cap)) == NULL)
		exit(1);
	for (i = 0; i < r->n; i++) {
		const struct lb_line *ln = &r->lines[i];

		if (i > 0)
			strcat(s, sep);
		for (k = 0; k < ln->n; k++) {
			if (k > 0 && ln->p[k].x_pt - (ln->p[k - 1].x_pt +
			    piece_w(&ln->p[k - 1])) > EPS_PT)
				strcat(s, " ");
			strncat(s, ln->p[k].text, ln->p[k].n);
		}
	}
	return s;
}

/* Does the line stretch its spaces: are there at least two pieces with
 * a gap between them?  (A line of one word has no glue to stretch.) */
static int
line_has_gap(const struct lb_line *ln)
{
	size_t i;

	for (i = 1; i < ln->n; i++)
		if (ln->p[i].x_pt - (ln->p[i - 1].x_pt +
		    piece_w(&ln->p[i - 1])) > EPS_PT)
			return 1;
	return 0;
}

/*
 * Can the one-face text be broken at its spaces into lines of width_pt
 * (the first narrowed by indent_pt) so that every line but the last has
 * interword glue and an adjustment ratio within [-1, 1] and the last line
 * fits (shrunk at most fully)?  An exhaustive search, independent of the
 * breaker, with the breaker's glue (stretch 0.6, shrink 0.3 of a space).
 */
static int
feasible(const char *text, double width_pt, double indent_pt)
{
	double	 w[256];
	int	 ok[257];
	size_t	 n = 0, i, j;
	const char *p = text;

	while (*p && n < 256) {
		size_t k = strcspn(p, " ");

		w[n++] = layout_width(&fake, DOC_REGULAR, SIZE_PT, p, k);
		p += k;
		p += strspn(p, " ");
	}
	/* ok[i]: words i.. can be set, word i starting a line. */
	ok[n] = 1;
	for (i = n; i-- > 0;) {
		double avail = width_pt - (i == 0 ? indent_pt : 0), nat = 0;

		ok[i] = 0;
		for (j = i; j < n; j++) {
			size_t	 gaps = j - i;
			double	 r;

			nat += w[j] + (gaps ? SPACE_PT : 0);
			if (nat <= avail)
				r = gaps ? (avail - nat) / (gaps * SPACE_PT * 0.6) :
				    1e9;
			else
				r = gaps ? (avail - nat) / (gaps * SPACE_PT * 0.3) :
				    -1e9;
			if (r < -1 - 1e-9)
				break;
			if (j + 1 == n || (r <= 1 + 1e-9 && ok[j + 1])) {
				if (j + 1 == n || gaps > 0) {
					ok[i] = 1;
					break;
				}
			}
		}
	}
	return ok[0];
}

/* Largest ratio of the lines that are not the last one. */
static double
max_ratio(const struct lb_result *r)
{
	double	 m = -1e9;
	size_t	 i;

	for (i = 0; i + 1 < r->n; i++)
		if (r->lines[i].ratio > m)
			m = r->lines[i].ratio;
	return m;
}

static const char PARA[] =
    "Căn cứ Luật thi đua khen thưởng ngày 26/11/2003 và Luật sửa đổi bổ "
    "sung một số điều của Luật thi đua khen thưởng ngày 14/6/2005 Luật "
    "Thi đua khen thưởng sửa đổi bổ sung ngày 16/11/2013 của Quốc hội nước "
    "Cộng hòa xã hội chủ nghĩa Việt Nam về công tác thi đua khen thưởng";

/* (a) widths, (b) ragged last line, (h) ratios within the tolerance. */
static void
test_widths(void)
{
	struct doc_inline	 in = mk(PARA, DOC_REGULAR, NULL);
	struct lb_result	 r;
	size_t			 i;
	int			 ok_just = 1, ok_w = 1, ok_r = 1, ok_nat = 1;
	int			 nfeas = 0;
	char			*s;

	r = brk(&in, 250, 0, 1);
	CHECK("break_justified_several_lines", r.n >= 4);
	for (i = 0; i + 1 < r.n; i++) {
		const struct lb_line *ln = &r.lines[i];

		if (fabs(line_end(ln) - 250) > EPS_PT ||
		    fabs(ln->width_pt - 250) > EPS_PT) {
			printf("  line %zu ends at %.3f (width_pt %.3f)\n", i,
			    line_end(ln), ln->width_pt);
			ok_just = 0;
		}
		if (ln->ratio < -1 || ln->ratio > 1) {
			printf("  line %zu ratio %.3f\n", i, ln->ratio);
			ok_r = 0;
		}
	}
	CHECK("break_justified_lines_reach_width", ok_just);
	CHECK("break_justified_feasible_at_250pt", feasible(PARA, 250, 0));
	CHECK("break_justified_ratio_within_tolerance", ok_r);
	CHECK("break_last_line_ratio_0", r.n > 0 && r.lines[r.n - 1].ratio == 0);
	CHECK("break_last_line_natural", r.n > 0 &&
	    line_natural(&r.lines[r.n - 1]));
	CHECK("break_last_line_ragged", r.n > 0 &&
	    line_end(&r.lines[r.n - 1]) < 250 - 1 &&
	    fabs(r.lines[r.n - 1].width_pt -
	    line_end(&r.lines[r.n - 1])) < EPS_PT);
	s = joined(&r, " ");
	CHECK_STR("break_justified_text_kept", s, PARA);
	free(s);
	lb_result_free(&r);

	/* Unjustified: natural spacing, never past the width. */
	r = brk(&in, 250, 0, 0);
	for (i = 0; i < r.n; i++) {
		if (line_end(&r.lines[i]) > 250 + EPS_PT)
			ok_w = 0;
		if (r.lines[i].ratio == 0 && !line_natural(&r.lines[i]))
			ok_nat = 0;
	}
	CHECK("break_ragged_within_width", r.n >= 4 && ok_w);
	CHECK("break_ragged_natural_spacing", ok_nat);
	lb_result_free(&r);

	/* Many measures: every line within the width and, unless it holds
	 * a single word, justified to it; text kept; where a solution with
	 * every ratio in [-1, 1] exists, the breaker's ratios are in it. */
	ok_w = 1;
	ok_r = 1;
	/* From 63 pt: the longest word (50 pt) fits the indented first
	 * line too, so no word is cut. */
	for (double w = 63; w <= 400; w += 7.3) {
		int feas = feasible(PARA, w, 12.7);

		nfeas += feas;
		r = brk(&in, w, 12.7, 1);
		for (i = 0; i < r.n; i++) {
			const struct lb_line *ln = &r.lines[i];

			if (line_end(ln) > w + EPS_PT ||
			    (i + 1 < r.n && line_has_gap(ln) &&
			    fabs(line_end(ln) - w) > EPS_PT)) {
				printf("  width %.1f line %zu ends at %.3f\n",
				    w, i, line_end(ln));
				ok_w = 0;
			}
			if (feas && i + 1 < r.n && (ln->ratio < -1 ||
			    ln->ratio > 1)) {
				printf("  width %.1f line %zu ratio %.3f\n", w,
				    i, ln->ratio);
				ok_r = 0;
			}
		}
		s = joined(&r, " ");
		if (strcmp(s, PARA) != 0) {
			printf("  width %.1f text \"%s\"\n", w, s);
			ok_w = 0;
		}
		free(s);
		lb_result_free(&r);
	}
	printf("  %d of 47 measures have a solution within [-1, 1]\n", nfeas);
	CHECK("break_some_measures_feasible", nfeas >= 10 && nfeas < 47);
	CHECK("break_all_measures_within_width", ok_w);
	CHECK("break_all_measures_ratio_in_tolerance", ok_r);
	doc_inline_free(&in);
}

/*
 * (c) Total fit beats first fit.  Words of 1,1,2,2,4,2,1,5,5 letters at
 * 70 pt: first fit takes "a b cd ef ghij" (60 pt) and leaves "kl m nopqr"
 * (45 pt, two spaces) stretched by 8.33; total fit shrinks the first line
 * to "a b cd ef ghij kl" (72.5 pt, ratio -0.67) and ends with
 * "m nopqr stuvw".
 */
static void
test_total_fit(void)
{
	static const char	*text = "a b cd ef ghij kl m nopqr stuvw";
	struct doc_inline	 in = mk(text, DOC_REGULAR, NULL);
	struct lb_result	 r;
	const double		 W = 70;
	double			 gmax = -1e9, line = 0, kp;
	int			 gaps = 0, glines = 1;
	const char		*p = text;

	/* Greedy first fit at natural widths. */
	while (*p) {
		size_t	 n = strcspn(p, " ");
		double	 w = layout_width(&fake, DOC_REGULAR, SIZE_PT, p, n);

		if (line > 0 && line + SPACE_PT + w > W) {
			double rr = gaps ? (W - line) / (gaps * SPACE_PT * 0.6) :
			    1e9;

			if (rr > gmax)
				gmax = rr;
			line = w;
			gaps = 0;
			glines++;
		} else if (line > 0) {
			line += SPACE_PT + w;
			gaps++;
		} else
			line = w;
		p += n;
		p += strspn(p, " ");
	}
	r = brk(&in, W, 0, 1);
	kp = max_ratio(&r);
	printf("  first fit: %d lines, max ratio %.3f; total fit: %zu lines, "
	    "max ratio %.3f\n", glines, gmax, r.n, kp);
	CHECK("break_greedy_is_loose", gmax > 8);
	CHECK("break_total_fit_tighter_than_greedy", kp < gmax && kp <= 1);
	CHECK("break_total_fit_shrinks_line_1", r.n == 2 &&
	    fabs(r.lines[0].ratio - (-2.5 / 3.75)) < 1e-6);
	{
		char *s = joined(&r, "|");

		CHECK_STR("break_total_fit_lines", s,
		    "a b cd ef ghij kl|m nopqr stuvw");
		free(s);
	}
	lb_result_free(&r);
	doc_inline_free(&in);
}

/* Is every piece cut at a UTF-8 character boundary? */
static int
pieces_whole_chars(const struct lb_result *r)
{
	size_t i, k;

	for (i = 0; i < r->n; i++)
		for (k = 0; k < r->lines[i].n; k++) {
			const struct lb_piece *p = &r->lines[i].p[k];

			if (p->n == 0 ||
			    ((unsigned char)p->text[0] & 0xC0) == 0x80 ||
			    ((unsigned char)p->text[p->n] & 0xC0) == 0x80)
				return 0;
		}
	return 1;
}

/* (d) A word longer than the line is cut between characters. */
static void
test_long_word(void)
{
	/* 30 characters, 2- and 3-byte letters and a missing glyph (the
	 * emoji is measured as U+FFFD, 10 pt). */
	static const char	*word =
	    "Nghịđịnhsốbamươinămhaingànhaimươi\xF0\x9F\x98\x80xyz";
	struct doc_inline	 in = mk(word, DOC_REGULAR, NULL);
	struct doc_inline	 in2 = mk("ab", DOC_REGULAR, word, DOC_BOLD,
	    " cd", DOC_REGULAR, NULL);
	struct lb_result	 r;
	size_t			 i;
	int			 ok = 1;
	char			*s;

	r = brk(&in, 42, 0, 1);
	for (i = 0; i < r.n; i++)
		if (line_end(&r.lines[i]) > 42 + EPS_PT)
			ok = 0;
	CHECK("break_long_word_several_lines", r.n >= 4);
	CHECK("break_long_word_pieces_fit", ok);
	CHECK("break_long_word_whole_chars", pieces_whole_chars(&r));
	s = joined(&r, "");
	CHECK_STR("break_long_word_text_kept", s, word);
	free(s);
	lb_result_free(&r);

	/* With a first-line indent the pieces still fit every line. */
	r = brk(&in, 42, 12, 1);
	ok = 1;
	for (i = 0; i < r.n; i++)
		if (line_end(&r.lines[i]) > 42 + EPS_PT)
			ok = 0;
	CHECK("break_long_word_indent_fits", r.n >= 4 && ok);
	s = joined(&r, "");
	CHECK_STR("break_long_word_indent_text_kept", s, word);
	free(s);
	lb_result_free(&r);

	/* A long bold word glued to a regular prefix, then more text. */
	r = brk(&in2, 42, 0, 1);
	ok = 1;
	for (i = 0; i < r.n; i++)
		if (line_end(&r.lines[i]) > 42 + EPS_PT)
			ok = 0;
	CHECK("break_long_word_two_faces_fit", ok);
	CHECK("break_long_word_two_faces_whole_chars", pieces_whole_chars(&r));
	s = joined(&r, "");
	{
		char want[256];

		snprintf(want, sizeof(want), "ab%s cd", word);
		CHECK_STR("break_long_word_two_faces_text_kept", s, want);
	}
	free(s);
	lb_result_free(&r);
	doc_inline_free(&in);
	doc_inline_free(&in2);
}

/* (d2) A word wider than 16 lines is cut into line-wide pieces: one
 * piece a line, every line but the last full to one character, the text
 * whole (layout/break.c keeps memory small for such words). */
static void
test_very_long_word(void)
{
	size_t			 n = 3000, i;
	char			*word = malloc(2 * n + 1), *s;
	struct doc_inline	 in;
	struct lb_result	 r;
	int			 fit = 1, full = 1, one = 1;

	if (word == NULL)
		return;
	for (i = 0; i < n; i++)   /* "ệ" is 3 bytes: use 2-byte "ơ" too */
		memcpy(word + 2 * i, "\xC6\xA1", 2);
	word[2 * n] = '\0';
	in = mk("Đầu", DOC_REGULAR, " ", DOC_REGULAR, word, DOC_REGULAR,
	    " cuối", DOC_REGULAR, NULL);
	r = brk(&in, 42, 0, 1);
	for (i = 0; i < r.n; i++) {
		double e = line_end(&r.lines[i]);

		if (e > 42 + EPS_PT)
			fit = 0;
		if (i > 0 && i + 2 < r.n && (e < 42 - 5 - EPS_PT ||
		    r.lines[i].n != 1))
			full = one = 0;
	}
	CHECK("break_very_long_word_lines", r.n >= n * 5 / 42);
	CHECK("break_very_long_word_fits", fit);
	CHECK("break_very_long_word_full_lines_one_piece", full && one);
	CHECK("break_very_long_word_whole_chars", pieces_whole_chars(&r));
	s = joined(&r, "");
	/* "Đầu" alone on line 1 (the word starts a line), lines joined
	 * with nothing ("cuối" on a line of its own or after a space). */
	CHECK("break_very_long_word_text_kept", s != NULL &&
	    strncmp(s, "Đầu", strlen("Đầu")) == 0 &&
	    strncmp(s + strlen("Đầu"), word, 2 * n) == 0 &&
	    strcmp(s + strlen("Đầu") + 2 * n +
	    (s[strlen("Đầu") + 2 * n] == ' '), "cuối") == 0);
	free(s);
	lb_result_free(&r);
	doc_inline_free(&in);
	free(word);
}

/* (e) A hard line break ends a line with natural spacing. */
static void
test_hard_break(void)
{
	struct doc_inline	 in = mk("aa bb", DOC_REGULAR, "\n", DOC_REGULAR,
	    "cc dd ee ff gg hh ii jj kk ll mm nn", DOC_REGULAR, NULL);
	struct lb_result	 r = brk(&in, 100, 0, 1);
	char			*s;

	s = joined(&r, "|");
	CHECK_STR("break_hard_break_lines", s,
	    "aa bb|cc dd ee ff gg hh ii jj|kk ll mm nn");
	free(s);
	CHECK("break_hard_break_ratio_0", r.n == 3 && r.lines[0].ratio == 0);
	CHECK("break_hard_break_natural", r.n == 3 &&
	    line_natural(&r.lines[0]) &&
	    fabs(r.lines[0].width_pt - 22.5) < EPS_PT &&
	    fabs(line_end(&r.lines[0]) - 22.5) < EPS_PT);
	CHECK("break_after_hard_break_justified", r.n == 3 &&
	    fabs(line_end(&r.lines[1]) - 100) < EPS_PT);
	lb_result_free(&r);
	doc_inline_free(&in);

	/* Two hard breaks in a row: an empty line between. */
	in = mk("aa", DOC_REGULAR, "\n", DOC_REGULAR, "\n", DOC_REGULAR, "bb",
	    DOC_REGULAR, NULL);
	r = brk(&in, 100, 0, 1);
	s = joined(&r, "|");
	CHECK_STR("break_double_hard_break", s, "aa||bb");
	free(s);
	lb_result_free(&r);
	doc_inline_free(&in);
}

/* (f) First-line indent, positive and hanging. */
static void
test_indent(void)
{
	struct doc_inline	 in = mk(PARA, DOC_REGULAR, NULL);
	struct lb_result	 r;
	size_t			 i;
	int			 ok = 1;

	r = brk(&in, 200, 35.56, 1);
	CHECK("break_indent_first_line_x", r.n > 2 && r.lines[0].n > 0 &&
	    fabs(r.lines[0].p[0].x_pt - 35.56) < EPS_PT);
	CHECK("break_indent_first_line_ends_at_width", r.n > 2 &&
	    fabs(line_end(&r.lines[0]) - 200) < EPS_PT);
	for (i = 1; i < r.n; i++)
		if (r.lines[i].n == 0 || fabs(r.lines[i].p[0].x_pt) > EPS_PT)
			ok = 0;
	CHECK("break_indent_other_lines_at_0", ok);
	lb_result_free(&r);

	/* Hanging: line 1 starts 15 pt left of the others and is 15 pt
	 * wider; the others keep the width. */
	r = brk(&in, 200, -15, 1);
	CHECK("break_hanging_first_line_x", r.n > 2 && r.lines[0].n > 0 &&
	    fabs(r.lines[0].p[0].x_pt + 15) < EPS_PT);
	CHECK("break_hanging_first_line_ends_at_width", r.n > 2 &&
	    fabs(line_end(&r.lines[0]) - 200) < EPS_PT);
	ok = 1;
	for (i = 1; i < r.n; i++)
		if (r.lines[i].n == 0 || fabs(r.lines[i].p[0].x_pt) > EPS_PT ||
		    line_end(&r.lines[i]) > 200 + EPS_PT)
			ok = 0;
	CHECK("break_hanging_other_lines_at_0", ok);
	lb_result_free(&r);

	/* Unjustified hanging indent (Nơi nhận entries). */
	r = brk(&in, 200, -15, 0);
	ok = r.n > 2 && r.lines[0].n > 0 &&
	    fabs(r.lines[0].p[0].x_pt + 15) < EPS_PT;
	for (i = 0; i < r.n; i++)
		if (line_end(&r.lines[i]) > 200 + EPS_PT)
			ok = 0;
	CHECK("break_hanging_ragged", ok);
	lb_result_free(&r);
	doc_inline_free(&in);
}

/* (g) An empty paragraph gives one empty line. */
static void
test_empty(void)
{
	struct doc_inline	 in = { NULL, 0, 0 };
	struct lb_result	 r = brk(&in, 200, 0, 1);

	CHECK("break_empty_one_line", r.n == 1);
	CHECK("break_empty_line_empty", r.n == 1 && r.lines[0].n == 0 &&
	    r.lines[0].width_pt == 0);
	lb_result_free(&r);
	in = mk("", DOC_REGULAR, NULL);
	r = brk(&in, 200, 0, 1);
	CHECK("break_empty_run_one_line", r.n == 1 && r.lines[0].n == 0);
	lb_result_free(&r);
	doc_inline_free(&in);
}

/* Index of the run that holds the piece's bytes, or -1. */
static int
run_of(const struct doc_inline *in, const struct lb_piece *p)
{
	size_t i;

	for (i = 0; i < in->n; i++) {
		const char *t = in->runs[i].text;

		if (p->text >= t && p->text + p->n <= t + strlen(t))
			return (int)i;
	}
	return -1;
}

/* (i) Pieces keep the face of their run. */
static void
test_faces(void)
{
	struct doc_inline	 in = mk("Điều 1.", DOC_BOLD,
	    " Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho ông ",
	    DOC_REGULAR, "Nguyễn Văn A", DOC_BOLD, ", đã có thành tích ",
	    DOC_REGULAR, "xuất sắc", DOC_ITALIC, " trong công tác", DOC_REGULAR,
	    "abc", DOC_BOLDITALIC, "def", DOC_REGULAR, NULL);
	struct lb_result	 r;
	size_t			 i, k;
	int			 ok_face = 1, ok_x = 1, nbold = 0;
	char			*s;

	for (int just = 0; just <= 1; just++) {
		r = brk(&in, 150, 20, just);
		for (i = 0; i < r.n; i++) {
			const struct lb_line *ln = &r.lines[i];

			for (k = 0; k < ln->n; k++) {
				int ri = run_of(&in, &ln->p[k]);

				if (ri < 0 || in.runs[ri].face != ln->p[k].face) {
					printf("  line %zu piece %zu \"%.*s\" "
					    "face %d\n", i, k, (int)ln->p[k].n,
					    ln->p[k].text, ln->p[k].face);
					ok_face = 0;
				}
				if (ln->p[k].face == DOC_BOLD)
					nbold++;
				if (k > 0 && ln->p[k].x_pt < ln->p[k - 1].x_pt +
				    piece_w(&ln->p[k - 1]) - EPS_PT)
					ok_x = 0;   /* overlap */
			}
			if (line_end(ln) > 150 + EPS_PT)
				ok_x = 0;
		}
		s = joined(&r, " ");
		CHECK_STR(just ? "break_faces_text_kept_justified" :
		    "break_faces_text_kept_ragged", s,
		    "Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh "
		    "cho ông Nguyễn Văn A, đã có thành tích xuất sắc trong "
		    "công tácabcdef");
		free(s);
		lb_result_free(&r);
	}
	CHECK("break_faces_each_piece_keeps_face", ok_face && nbold >= 2);
	CHECK("break_faces_no_overlap_within_width", ok_x);

	/* "tácabcdef": one word in three faces, measured per face. */
	r = brk(&in, 1000, 0, 0);
	ok_x = r.n == 1 && r.lines[0].n >= 3;
	if (ok_x) {
		const struct lb_line *ln = &r.lines[0];
		const struct lb_piece *a = &ln->p[ln->n - 2];
		const struct lb_piece *b = &ln->p[ln->n - 1];

		ok_x = a->face == DOC_BOLDITALIC && a->n == 3 &&
		    b->face == DOC_REGULAR && b->n == 3 &&
		    fabs(b->x_pt - (a->x_pt + 18)) < EPS_PT;
	}
	CHECK("break_faces_word_in_three_faces", ok_x);
	lb_result_free(&r);
	doc_inline_free(&in);
}

/* layout_center_text: the balanced centred lines both writers set. */
static void
test_center_text(void)
{
	double	 w = 0;
	char	*t;

	/* Greedy: "aaaa bbbb cccc dddd" (87.5 pt) / "e"; balanced: the
	 * narrowest width that keeps two lines. */
	t = layout_center_text(&fake, "aaaa bbbb cccc dddd e", DOC_REGULAR,
	    SIZE_PT, 90, &w);
	CHECK_STR("center_text balanced", t, "aaaa bbbb\ncccc dddd e");
	CHECK("center_text widest line", fabs(w - 50) < EPS_PT);
	free(t);
	t = layout_center_text(&fake, "aaaa bbbb", DOC_REGULAR, SIZE_PT, 90,
	    &w);
	CHECK_STR("center_text one line", t, "aaaa bbbb");
	CHECK("center_text one line width", fabs(w - 42.5) < EPS_PT);
	free(t);
	t = layout_center_text(&fake, "aa\n\nbb cc", DOC_BOLD, SIZE_PT, 90,
	    &w);
	CHECK_STR("center_text own breaks kept, empty lines dropped", t,
	    "aa\nbb cc");
	CHECK("center_text bold width", fabs(w - 26.5) < EPS_PT);
	free(t);
}

/* The rules under the agency and the trích yếu, one measure for both
 * writers. */
static void
test_rules(void)
{
	CHECK("agency rule 45 % of a long line",
	    fabs(layout_agency_rule(200) - 90) < EPS_PT);
	CHECK("agency rule lengthened to its minimum",
	    fabs(layout_agency_rule(85) - ND30_AGENCY_RULE_MIN_PT) < EPS_PT);
	CHECK("agency rule never past half a short line",
	    fabs(layout_agency_rule(60) - 30) < EPS_PT);
	CHECK("trích yếu rule a third of the line",
	    fabs(layout_trich_yeu_rule(300) - 100) < EPS_PT);
	CHECK("trích yếu rule at least its minimum",
	    fabs(layout_trich_yeu_rule(120) - ND30_TRICH_YEU_RULE_MIN_PT) <
	    EPS_PT);
}

int
main(void)
{
	test_widths();
	test_total_fit();
	test_long_word();
	test_very_long_word();
	test_hard_break();
	test_indent();
	test_empty();
	test_faces();
	test_center_text();
	test_rules();
	return check_failed != 0;
}
