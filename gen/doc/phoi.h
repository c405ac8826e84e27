/*
 * doc/phoi.h - certificates: awardees printed onto pre-printed blanks
 * (phôi).  A certificate layout is loaded and checked here (doc/phoi.c);
 * the certificates, the calibration page and the preview are laid out by
 * layout/phoi.c and rendered by render_phoi (render/render.h).
 */
#ifndef DOC_PHOI_H
#define DOC_PHOI_H

#include "base/base.h"

/* What a box of a certificate layout holds (its noi_dung: key). */
enum phoi_field {
	PHOI_TIEU_DE,     /* the title line: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" */
	PHOI_HINH_THUC,   /* the award's name (hinh-thuc.csv) */
	PHOI_DANH_XUNG,   /* "Ông" / "Bà", "" for a collective or unknown */
	PHOI_HO_TEN,      /* the person's or the collective's name */
	PHOI_CHUC_VU,     /* position */
	PHOI_DON_VI,      /* unit */
	PHOI_THANH_TICH,  /* achievement */
	PHOI_QUYET_DINH,  /* "Quyết định số 15/QĐ-UBND ngày 28/12/2020" */
	PHOI_NOI_NGAY,    /* "Điện Biên, ngày 28 tháng 12 năm 2020" */
	PHOI_CHUC_VU_KY,  /* signer's title, lines split by "\n" */
	PHOI_NGUOI_KY,    /* signer's name */
	PHOI_SO_VANG,     /* the number in the register (sổ vàng) */
	PHOI_NFIELDS
};

/* A layout (templates/khen-thuong/phoi/<form>.yaml; doc/phoi.c). */
struct phoi_layout;

/*
 * Load and check the layout at path: the sheet (A4 or A3, landscape or
 * portrait) and its boxes.  A box outside the sheet, two boxes that
 * overlap, a size under 6 pt, an unknown field or key, a background
 * (nen:) that is not a PNG: each an error at its line.  *out: free with
 * phoi_layout_free.  VB_OK, VB_EINPUT or VB_ESYS.
 */
int		 phoi_layout_load(const char *path, struct diag *d,
		    struct phoi_layout **out);
/* The same from text in memory (NFC UTF-8); path names it in messages
 * and is where a nen: image is found from. */
int		 phoi_layout_parse(const char *path, const char *text,
		    size_t len, struct diag *d, struct phoi_layout **out);
void		 phoi_layout_free(struct phoi_layout *);   /* NULL: no-op */
/* 1 when a box of the layout holds field f. */
int		 phoi_layout_uses(const struct phoi_layout *, enum phoi_field);

/* One certificate: the text of every field ("" or NULL: nothing). */
struct phoi_cert {
	const char	*v[PHOI_NFIELDS];
	const char	*file;   /* where the awardee is listed (messages) */
	int		 line;
};

enum phoi_mode {
	PHOI_PRINT,     /* the text alone, to print onto the blanks */
	PHOI_CALIB,     /* one page: a millimetre grid, every box outlined */
	PHOI_PREVIEW    /* the text over the scanned blank */
};

struct phoi_opt {
	enum phoi_mode	 mode;
	double		 dx_mm, dy_mm;  /* printer offsets (PRINT, CALIB) */
	const char	*nen;           /* PREVIEW: PNG, NULL: the layout's */
	const char	*title;         /* the PDF's title */
};

#endif /* DOC_PHOI_H */
