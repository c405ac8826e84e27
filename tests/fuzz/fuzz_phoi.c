/*
 * fuzz_phoi.c - libFuzzer harness for certificate layouts: the input is a
 * layout file (templates/khen-thuong/phoi/FORM.yaml) given to
 * phoi_layout_parse; a layout it accepts must keep its promises (every
 * box on the sheet, no two overlapping, sizes from 6 pt, the minimum not
 * above the size), and is then laid out (layout_phoi) for two
 * certificates, one with texts long enough to shrink, wrap or not fit,
 * and as the calibration page: every text item of a certificate must lie
 * inside a box (the fitting's promise: nothing over the border).  The
 * fonts are loaded once, in LLVMFuzzerInitialize, from
 * render_find_fonts(NULL).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "doc/doc.h"
#include "layout/layout.h"
#include "emit/emit.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct font_set		*fs;
static struct layout_font	 lf;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag	*d = diag_new();
	char		*fonts = render_find_fonts(NULL);

	(void)argc;
	(void)argv;
	if (d == NULL || fonts == NULL ||
	    (fs = font_set_new(fonts, d)) == NULL) {
		fprintf(stderr, "fuzz_phoi: cannot load the fonts (set "
		    "VB_FONT_DIR)\n");
		exit(1);
	}
	free(fonts);
	diag_free(d);
	lf = font_set_metrics(fs);
	return 0;
}

/* The layout's promises; abort() when one is broken. */
static void
check_layout(const struct phoi_layout *l)
{
	size_t i, j;

	for (i = 0; i < l->nbox; i++) {
		const struct phoi_box *b = &l->box[i];

		if (b->field < 0 || b->field >= PHOI_NFIELDS || b->x_mm < 0 ||
		    b->y_mm < 0 || b->w_mm <= 0 || b->h_mm <= 0 ||
		    b->x_mm + b->w_mm > l->w_mm + 1e-6 ||
		    b->y_mm + b->h_mm > l->h_mm + 1e-6 ||
		    b->min_pt < PHOI_MIN_PT || b->min_pt > b->size_pt)
			abort();
		for (j = 0; j < i; j++) {
			const struct phoi_box *a = &l->box[j];

			if (a->x_mm < b->x_mm + b->w_mm &&
			    b->x_mm < a->x_mm + a->w_mm &&
			    a->y_mm < b->y_mm + b->h_mm &&
			    b->y_mm < a->y_mm + a->h_mm)
				abort();
		}
	}
}

/* Every text item of dl inside some box of l (pt, a little slack). */
static void
check_inside(const struct dl *dl, const struct phoi_layout *l)
{
	const double	 k = 72.0 / 25.4, tol = 0.05;
	size_t		 i, j;

	for (i = 0; i < dl->n; i++) {
		const struct dl_item *it = &dl->v[i];
		double w, top, bot;

		if (it->kind != DL_TEXT)
			continue;
		w = layout_width(&lf, it->face, it->size_pt, it->text,
		    strlen(it->text));
		top = it->y_pt - 0.891 * it->size_pt;
		bot = it->y_pt + 0.216 * it->size_pt;
		for (j = 0; j < l->nbox; j++) {
			const struct phoi_box *b = &l->box[j];

			if (it->x_pt >= b->x_mm * k - tol &&
			    it->x_pt + w <= (b->x_mm + b->w_mm) * k + tol &&
			    top >= b->y_mm * k - tol &&
			    bot <= (b->y_mm + b->h_mm) * k + tol)
				break;
		}
		if (j == l->nbox)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const text[2][3] = {
		{ "Lò Văn Thành", "Trưởng phòng Tổ chức cán bộ", "Sở Nội vụ" },
		{ "Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công "
		  "an tỉnh Điện Biên", "Phó Trưởng phòng Quản lý Quy hoạch, "
		  "Kiến trúc và Phát triển đô thị và nông thôn", "Ban Quản lý "
		  "dự án đầu tư xây dựng các công trình dân dụng và công "
		  "nghiệp tỉnh Điện Biên" } };
	struct phoi_cert	 ce[2];
	struct phoi_opt		 o;
	struct phoi_layout	*l = NULL;
	struct diag		*d = diag_new();
	struct dl		*dl;
	char			*s;
	int			 i, f, rc;

	if (d == NULL || (s = malloc(size + 1)) == NULL) {
		diag_free(d);
		return 0;
	}
	memcpy(s, data, size);
	s[size] = '\0';
	rc = phoi_layout_parse("fuzz.yaml", s, size, d, &l);
	if ((rc == VB_OK) != (l != NULL) ||
	    (rc == VB_EINPUT && diag_errors(d) == 0))
		abort();
	if (l != NULL) {
		check_layout(l);
		memset(ce, 0, sizeof(ce));
		for (i = 0; i < 2; i++) {
			for (f = 0; f < PHOI_NFIELDS; f++)
				ce[i].v[f] = "Điện Biên, ngày 28 tháng 12 năm 2020";
			ce[i].v[PHOI_HO_TEN] = text[i][0];
			ce[i].v[PHOI_CHUC_VU] = text[i][1];
			ce[i].v[PHOI_DON_VI] = text[i][2];
			ce[i].v[PHOI_CHUC_VU_KY] = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH";
			ce[i].file = "list.csv";
			ce[i].line = i + 2;
		}
		memset(&o, 0, sizeof(o));
		for (i = 0; i < 2; i++) {
			o.mode = i ? PHOI_CALIB : PHOI_PRINT;
			if ((dl = layout_phoi(l, &lf, ce, 2, &o, NULL, d)) !=
			    NULL && i == 0)
				check_inside(dl, l);
			dl_free(dl);
		}
	}
	phoi_layout_free(l);
	diag_free(d);
	free(s);
	return 0;
}
