/*
 * kt.h - internal header of the khen thưởng (commendation) generator:
 * the data tables of templates/khen-thuong/, the nominee list, the tiny
 * template language of the decision skeletons, and the decision itself.
 *
 *   templates/khen-thuong/hinh-thuc.csv   award forms and coefficients
 *   templates/khen-thuong/luong-co-so.csv base salary by date
 *   templates/khen-thuong/can-cu.csv      căn cứ lines by date
 *   templates/khen-thuong/mac-dinh.yaml   front-matter defaults (config)
 *   templates/khen-thuong/mau/NAME.md      one decision skeleton per form
 *
 * Library code: nothing here prints or exits; problems go to a struct
 * diag and functions return an enum vb_status.
 */
#ifndef KT_H
#define KT_H

#include <stddef.h>

#include "render/render.h"

/* ------------------------------------------------------------------ */
/* Data tables                                                          */
/* ------------------------------------------------------------------ */

enum kt_kind {
	KT_CA_NHAN,   /* individual */
	KT_TAP_THE    /* collective */
};

enum kt_round {
	KT_ROUND_UP,      /* up to the next unit (the decree) */
	KT_ROUND_NEAREST  /* to the nearest unit, halves up */
};

struct kt_form {
	char	 *ma;         /* code, also the output file name: bang-khen */
	char	 *ten;        /* name: Bằng khen của Chủ tịch UBND tỉnh */
	char	**alias;      /* other accepted names and codes */
	vb_date	 *alias_until; /* per alias: last valid day, 0: always */
	size_t	  nalias;
	vb_date	  from;       /* first day the form exists, 0: always */
	vb_date	  until;      /* last day, 0: still in force */
	char	 *het_han;    /* why a dated form or name ends, may be "" */
	char	 *cap;        /* issuing levels by date ("so; xa"), may be "" */
	long	  he_so[2];   /* coefficient in thousandths per enum
			       * kt_kind; -1: not given to that kind */
	char	 *trich_yeu;  /* "Về việc tặng Bằng khen …" */
	char	 *dieu_1;     /* Điều 1's verb phrase: "Tặng Bằng khen …" */
	char	 *danh_sach;  /* annex subtitle after "Tập thể và cá nhân" */
	char	 *mau;        /* skeleton file, relative to the data dir */
	int	  line;       /* line in hinh-thuc.csv */
};

/* Where a row of a law table comes from (columns nguon, xac_nhan). */
struct kt_source {
	int	 line;       /* line in its CSV file */
	int	 confirmed;  /* 1 xac_nhan co, 0 chua or empty, -1 no column */
	char	*nguon;      /* URLs checked, may be NULL */
	int	 warned;     /* the unconfirmed warning was given this run */
};

struct kt_salary {
	vb_date			 from;    /* in force from this date */
	unsigned long long	 amount;  /* VND per month */
	struct kt_source	 src;
};

struct kt_basis {
	vb_date			 from;    /* first day the line applies, 0: always */
	vb_date			 until;   /* last day, 0: still in force */
	char			*text;    /* "Căn cứ Luật …" without the final ; or . */
	int			 levels;  /* bits of enum kt_level, 0: every level */
	struct kt_source	 src;
};

/* A coefficient by date (he-so.csv): overrides the form's own
 * he_so_ca_nhan / he_so_tap_the on the days it covers. */
struct kt_rate {
	int			 form;    /* index into kt_data.forms */
	enum kt_kind		 kind;
	vb_date			 from;    /* first day, 0: always */
	vb_date			 until;   /* last day, 0: still in force */
	long			 coef;    /* thousandths */
	char			*van_ban; /* the text that sets it */
	struct kt_source	 src;
};

/* Who issues a decision (config cap): the province's Chủ tịch UBND, a
 * department's Giám đốc, a commune's Chủ tịch UBND; the district level
 * only names forms until 2025-06-30. */
enum kt_level {
	KT_CAP_TINH,
	KT_CAP_SO,
	KT_CAP_XA,
	KT_CAP_HUYEN,
	KT_CAP_N
};

struct kt_data {
	char			*dir;       /* templates/khen-thuong */
	int			 cap;       /* enum kt_level of the run */
	struct kt_form		*forms;     /* in table order */
	size_t			 nforms;
	struct kt_salary	*salary;    /* sorted by date */
	size_t			 nsalary;
	struct kt_basis		*basis;     /* in table order */
	size_t			 nbasis;
	struct kt_rate		*rates;     /* he-so.csv, in table order */
	size_t			 nrates;
	struct tmpl_vars		*config;    /* mac-dinh.yaml + --config */
};

/*
 * Find the templates folder (vb_find_dir): opt (--templates) if given,
 * then $VB_TEMPLATES, then ../share/vanban/templates and ../templates
 * beside the executable when they hold khen-thuong/hinh-thuc.csv, then
 * the build tree's templates/.  Malloc'd, or NULL on OOM.
 */
char	*kt_find_templates(const char *opt);

/* Load the tables and defaults of templates_dir/khen-thuong.  Every
 * problem is reported with its file and line.  *out: free with
 * kt_data_free.  VB_OK, VB_EINPUT or VB_ESYS. */
int	 kt_data_load(const char *templates_dir, struct diag *,
	    struct kt_data **out);
/* Free the data (NULL is a no-op). */
void	 kt_data_free(struct kt_data *);

/* The data folder's name under the templates folder. */
#define KT_DIR "khen-thuong"

/* Every config key with its default (empty) into vars; nonzero on OOM. */
int	 kt_config_defaults(struct tmpl_vars *);

/* Overlay a YAML config file (same keys as mac-dinh.yaml) on vars, key
 * by key: a mapping (ky, quy_che, to_trinh) changes only the sub-keys it
 * gives a value; a title (ky: chuc_vu) given without tham_quyen clears
 * tham_quyen. */
int	 kt_config_load(const char *path, struct tmpl_vars *, struct diag *);

/* Report every config value that still holds a "…": the --khoi-tao
 * file's (at its line in cfg), or the neutral default of a key cfg
 * leaves out (at its line in level, mac-dinh-<cap>.yaml, else in
 * defaults, mac-dinh.yaml): errors, or
 * warnings for a draft; one message a key.  How many. */
int	 kt_config_placeholders(const struct tmpl_vars *, int draft,
	    const char *cfg, const char *defaults, const char *level,
	    struct diag *);

/* Write DIR/cau-hinh.yaml and DIR/danh-sach.csv for a new province from
 * templates_dir/khen-thuong/khoi-tao.{yaml,csv} (cap so or xa, a
 * department or a commune: khoi-tao-<cap>.{yaml,csv} when they exist;
 * NULL: tinh); never overwrites.
 * VB_OK, VB_EINPUT or VB_ESYS. */
int	 kt_init(const char *templates_dir, const char *dir, const char *cap,
	    struct diag *);

/* The nominee list's columns, keys and accepted Vietnamese headings, as
 * lines for -h.  Malloc'd, NULL on OOM. */
char	*kt_list_help(void);

/* A form's name folded for matching as people type it: csvt_fold's
 * (case, accents, spaces, punctuation), then word by word "UBND", "BK",
 * "GK", "CSTĐ", "LĐTT", "TTLĐXS", "TTLĐTT", "CTĐ", "CT" spelled out,
 * "của" and a leading "Danh hiệu" or "Tặng" left out, sỹ as sĩ (a final
 * y after a consonant).  Malloc'd, NULL on OOM. */
char	*kt_form_fold(const char *s);

/* The form whose code, name or alias matches s (kt_form_fold), or -1. */
int	 kt_form_find(const struct kt_data *, const char *s);

/*
 * The form named s on date: its index, -1 when no name matches, or -2
 * when s names a form (or a name of it) that is not valid on date: then
 * *form is that form and *until its last valid day (0 when the form
 * starts later, *from then set).
 */
int	 kt_form_on(const struct kt_data *, const char *s, vb_date date,
	    int *form, vb_date *from, vb_date *until);

/* The coefficient (thousandths) of form for kind on date: the row of
 * he-so.csv in force, else the form's own; -1: not given to kind.
 * *rate: the row used, or NULL. */
long	 kt_coef_on(const struct kt_data *, int form, enum kt_kind,
	    vb_date date, struct kt_rate **rate);

/* The row of luong-co-so.csv in force on date, or NULL. */
struct kt_salary *kt_salary_row(const struct kt_data *, vb_date);

/* The base salary in force on date, or 0 when the table starts later. */
unsigned long long kt_salary_on(const struct kt_data *, vb_date);

/*
 * The award amount: coefficient (thousandths) × base, rounded to a
 * multiple of unit (đồng, > 0) by mode.  Integer arithmetic throughout.
 */
unsigned long long kt_amount(long coef_milli, unsigned long long base,
	    unsigned long long unit, enum kt_round mode);

/* Parse a coefficient "1.5", "0,15", "3" into thousandths; -1 if bad. */
long	 kt_coef_parse(const char *s);

/* ------------------------------------------------------------------ */
/* Issuing levels and the units of the 2025 reform (level.c)            */
/* ------------------------------------------------------------------ */

/* "tinh; so" into bits of enum kt_level (0 for ""), -1 if bad. */
int	 kt_levels_parse(const char *s);

/* The level code ("tinh", "so", "xa", "huyen"). */
const char *kt_level_code(int cap);

/*
 * Load the config at cfg (may be NULL) over the defaults with the level
 * it names (cap:, else told from co_quan): mac-dinh-<cap>.yaml of the
 * data folder first, when it exists, then cfg.  Sets kd->cap.
 */
int	 kt_config_load_level(struct kt_data *, const char *cfg, struct diag *);

struct kt_list;

/* Every list row whose form is given at another level than kd->cap on
 * date: an error at the row saying who gives it and with which config
 * to run.  VB_OK or VB_EINPUT. */
int	 kt_check_levels(const struct kt_data *, const struct kt_list *,
	    vb_date date, struct diag *);

/* Every list row naming (in its unit, or a collective's name) a unit of
 * don-vi-2025.csv that ended before date: a warning at the row naming
 * the successor.  VB_OK, VB_EINPUT (a bad table) or VB_ESYS. */
int	 kt_check_units(const struct kt_data *, const struct kt_list *,
	    vb_date date, struct diag *);

/* ------------------------------------------------------------------ */
/* The nominee list                                                     */
/* ------------------------------------------------------------------ */

struct kt_nominee {
	enum kt_kind	 kind;        /* cá nhân or tập thể */
	char		*ho_ten;      /* person or collective */
	char		*chuc_vu;     /* position, may be "" */
	char		*don_vi;      /* unit */
	char		*thanh_tich;  /* achievement, may be "" */
	char		*danh_xung;   /* Ông / Bà as listed (optional column),
				       * may be "" */
	int		 form;        /* index into kt_data.forms */
	int		 line;        /* CSV line */
	size_t		 order;       /* position in the input */
};

struct kt_list {
	char			*name;       /* file name for messages */
	struct kt_nominee	*rows;
	size_t			 n;
	int			 has_thanh_tich;  /* the column exists */
};

/* What a list is checked against. */
struct kt_list_opt {
	vb_date	 ngay;       /* decision date: forms and names valid then */
	int	 cho_trung;  /* a nominee twice for one form: warn only */
};

/*
 * Parse and validate a nominee list (NFC UTF-8 text, as read by
 * text_read_file).  Every problem is reported with name:line:col; on
 * any error the result is VB_EINPUT and *out is NULL.  The same person
 * (name and unit, folded) twice for one form is an error unless
 * lo->cho_trung.  *out: free with kt_list_free.
 */
int	 kt_list_parse(const char *name, const char *text, size_t len,
	    const struct kt_data *, const struct kt_list_opt *lo,
	    struct diag *, struct kt_list **out);
/*
 * The same from a table already read (CSV, or a workbook's sheet by
 * table_read): the header is the first row naming the list's columns
 * (title rows above it are skipped); group rows ("I. TẬP THỂ") give the
 * kind, numbered empty rows and the footer (totals, signatures) are
 * skipped with one warning.  check_width: a nominee row with more or
 * fewer cells than the header is an error (a comma missing in a CSV).
 */
int	 kt_list_table(const struct csvt *t, const struct kt_data *,
	    const struct kt_list_opt *lo, int check_width, struct diag *,
	    struct kt_list **out);
/* Whether a row of t has the headings of a nominee list (arg: the
 * struct kt_data): the sheet to read of a workbook (table_read_match). */
int	 kt_list_matches(const struct csvt *t, void *arg);
/* Free the list (NULL is a no-op). */
void	 kt_list_free(struct kt_list *);

/* ------------------------------------------------------------------ */
/* The decision                                                         */
/* ------------------------------------------------------------------ */

enum kt_sort {
	KT_SORT_INPUT,    /* as listed */
	KT_SORT_NAME,     /* Vietnamese order of the given name, then family */
	KT_SORT_UNIT      /* by unit, then as listed */
};

/* What one decision holds, for the register and the Tờ trình. */
struct kt_summary {
	size_t			 n[2];        /* nominees per enum kt_kind */
	unsigned long long	 amount[2];   /* VND each, per kind */
	unsigned long long	 total;       /* VND */
	char			 so_ky_hieu[128]; /* "15/QĐ-UBND", "" unnumbered */
};

struct kt_opt {
	vb_date			 ngay;        /* decision date (always set) */
	int			 ngay_given;  /* print it (not a draft) */
	const char		*so;          /* number, NULL: blank */
	const char		*du_thao;     /* NULL, "true" or a mark text */
	unsigned long long	 luong;       /* base salary, 0: the table's */
	int			 round;       /* enum kt_round, -1: config */
	const char		*phong_trao;  /* NULL: config or default */
	int			 sort;        /* enum kt_sort, -1: config */
	const char		*skeleton;    /* --template file, NULL: table */
	long			 nam;         /* the movement's year, 0: the date's */
	struct kt_summary	*sum;         /* filled by kt_decision, or NULL */
};

/*
 * Check the config before any decision: the signer's title, the quy chế
 * and Tờ trình numbers and dates (missing: an error, or a warning for a
 * draft), the Tờ trình's date against the decision's.  Messages name
 * cfg.  VB_OK or VB_EINPUT.
 */
int	 kt_config_check(const struct kt_data *, const struct kt_opt *,
	    const char *cfg, struct diag *);

/* Parse a --sap-xep / --lam-tron value; 0 and *out, or -1. */
int	 kt_sort_parse(const char *s, int *out);
int	 kt_round_parse(const char *s, int *out);

/* Compare two names in Vietnamese alphabetical order (a < ă < â, d < đ,
 * tones after letters); by the last word first when by_given. */
int	 kt_name_cmp(const char *a, const char *b, int by_given);
/* Sort the nominees v[0..n) as --sap-xep asks (KT_SORT_*); stable
 * through each nominee's order in the list. */
void	 kt_nominees_sort(struct kt_nominee **v, size_t n, int sort);

/*
 * The decision source (Markdown + YAML) for form index `form` of the
 * list: counts, amounts, căn cứ lines, annex.  *out malloc'd.
 * VB_OK, VB_EINPUT (a template or data problem, in d) or VB_ESYS.
 */
int	 kt_decision(const struct kt_data *, const struct kt_list *, int form,
	    const struct kt_opt *, struct diag *, char **out);

/* dieu_1_toi_da of the config (default 1): how many recipients Điều 1
 * names without an annex.  0, or -1 after an error naming cfg. */
int	 kt_dieu_1_limit(const struct tmpl_vars *, long *out, struct diag *,
	    const char *cfg);

/* Điều 1's recipients for a decision without an annex: collectives then
 * individuals (by[kind], cnt[kind]), each with unit and, when a row of
 * them gives one, achievement (*own 1; 0: the skeleton's words follow).
 * Malloc'd, NULL on OOM. */
char	*kt_dieu_1_names(struct kt_nominee *const *by[2], const size_t cnt[2],
	    int *own);

/* Forms present in the list, in table order: fills idx (nforms slots)
 * and returns how many. */
size_t	 kt_forms_used(const struct kt_data *, const struct kt_list *,
	    int *idx);

/* The căn cứ paragraphs of the config vars on date (can-cu.csv's lines
 * of the run's level, chuc_nang, the quy chế, can_cu_them, xet_de_nghi
 * with its Tờ trình when set).  Malloc'd, NULL on OOM. */
char	*kt_basis_text(const struct kt_data *, const struct tmpl_vars *,
	    vb_date, struct diag *);

/* ------------------------------------------------------------------ */
/* The dossier: the register and the Tờ trình (dossier.c)               */
/* ------------------------------------------------------------------ */

/* One decision of a run. */
struct kt_entry {
	int			 form;   /* index into kt_data.forms */
	const char		*file;   /* its file (the PDF with --pdf) */
	struct kt_summary	 sum;
};

/* DIR/so-dang-ky.csv: one row a decision (ngay ISO, so_ky_hieu,
 * trich_yeu, hinh_thuc, tap_the, ca_nhan, tong_tien, tep); a draft's
 * ngay and so_ky_hieu are empty.  Malloc'd text in *out. */
int	 kt_register_csv(const struct kt_data *, const struct kt_opt *,
	    const struct kt_entry *, size_t n, char **out);

/* One decision as the register of a run holds it. */
struct kt_reg {
	char			*tep;       /* its file, as written in the register */
	char			*so_ky_hieu; /* "15/QĐ-UBND", "" unnumbered */
	unsigned long long	 tap_the;   /* collectives */
	unsigned long long	 ca_nhan;   /* individuals */
	unsigned long long	 tien;      /* money, VND */
};

/* The register a run wrote in folder dir (DIR/so-dang-ky.csv), read
 * back for what a caller shows of the run (the tool's closing lines,
 * vb-web's figures): the decisions' figures as written, never counted
 * again.  *out (free with kt_register_free) holds *n rows.  VB_OK, or a
 * status with messages in d. */
int	 kt_register_read(const char *dir, struct diag *d, struct kt_reg **out,
	    size_t *n);
/* Free the n rows kt_register_read gave (NULL is a no-op). */
void	 kt_register_free(struct kt_reg *, size_t n);
/* The totals of n rows: sum[0] collectives, sum[1] individuals, sum[2]
 * money (VND). */
void	 kt_register_totals(const struct kt_reg *, size_t n,
	    unsigned long long sum[3]);

/* The Tờ trình proposing the run's awards (templates' mau/to-trinh.md):
 * its keys (to_trinh_*) checked first, missing ones an error, or a
 * warning in a draft.  Malloc'd source in *out.  VB_OK, VB_EINPUT or
 * VB_ESYS. */
int	 kt_to_trinh(const struct kt_data *, const struct kt_opt *,
	    const char *cfg, const struct kt_entry *, size_t n,
	    struct diag *, char **out);

/* ------------------------------------------------------------------ */
/* The checksum line of a generated source (sum.c)                      */
/* ------------------------------------------------------------------ */

/* SHA-256 of n bytes as 64 lowercase hex digits and a NUL. */
void	 kt_sha256_hex(const void *, size_t n, char hex[65]);

/* md with "# vanban: sha256 HEX …" inserted after its first line (the
 * opening "---"): the digest of md itself.  Malloc'd, NULL on OOM. */
char	*kt_sum_add(const char *md);

/* A source read back: 1 when its checksum line matches the rest (not
 * edited since written), 0 when it does not (edited), -1 when it has no
 * such line in its front matter (or OOM). */
int	 kt_sum_check(const char *text, size_t len);

/* ------------------------------------------------------------------ */
/* A whole run of vb-khenthuong                                         */
/* ------------------------------------------------------------------ */

struct kt_batch {
	const char		*list;       /* the nominee list */
	enum text_enc		 enc;        /* its encoding (-f) */
	const char		*outfile;    /* -o, or NULL */
	const char		*outdir;     /* -d, or NULL */
	int			 pdf;        /* --pdf */
	int			 docx;       /* --docx: a Word file beside */
	const char		*gop;        /* --gop: all in one PDF, or NULL */
	const char		*sheet;      /* --sheet of a workbook, or NULL */
	int			 jobs;       /* PDFs rendered in parallel (-j) */
	const char		*config;     /* --config, or NULL */
	const char		*templates;  /* --templates, or NULL */
	const char		*so[64];     /* --so values, as given */
	int			 cho_trung;  /* --cho-trung: duplicates allowed */
	int			 ghi_de;     /* --ghi-de: overwrite edited sources */
	const char		*khoi_tao;   /* --khoi-tao DIR: settings only */
	const char		*cap;        /* --cap of --khoi-tao, or NULL */
	int			 to_trinh;   /* --to-trinh: the Tờ trình too */
	int			 nso;
	int			 phoi;       /* --phoi: the certificates */
	int			 phoi_can;   /* --phoi-can: calibration page */
	int			 phoi_nen;   /* --phoi-nen: the preview */
	int			 phoi_dump;  /* --dump-layout: theirs as text */
	const char		*nen;        /* its scanned blank, NULL: the
					      * layout's */
	const char		*so_vang[64]; /* --so-vang values, as given */
	int			 nso_vang;
	struct kt_opt		 opt;        /* the decisions' options */
	struct render_opt	 ropt;       /* fonts, SOURCE_DATE_EPOCH */
	void			(*progress)(void *, size_t, size_t);
	void			*progress_arg;
};

/*
 * Load, check, generate and (with pdf) render every decision of the
 * list, then write them: DIR/<code>.md (and .pdf) or the one decision to
 * outfile.  Nothing is written unless everything succeeded.  VB_OK,
 * VB_EINPUT, VB_EUSAGE or VB_ESYS, with messages in d.
 */
int	 kt_batch_run(const struct kt_batch *, struct diag *);
/* The folder the run writes to (its register, so-dang-ky.csv, is
 * there): -d DIR, or the folder of -o FILE; NULL for -o - (stdout).
 * Malloc'd. */
char	*kt_batch_folder(const struct kt_batch *);


/* The --so value for form f (batch.c): "FORM=N" for its code, or a
 * plain "N" when it is the only one given; NULL: none. */
const char *kt_number_for(const struct kt_batch *, const struct kt_form *f);
/* "05/QĐ-UBND": a number under 10 with a leading 0; none: a blank
 * (gen.c).  Malloc'd, NULL on OOM. */
char	*kt_so_ky_hieu(const char *so, const char *ky_hieu);

/* ------------------------------------------------------------------ */
/* Certificates (phoi.c)                                                */
/* ------------------------------------------------------------------ */

struct kt_phoi;

/*
 * With --phoi, --phoi-can or --phoi-nen: for every form of the list
 * (used[0..nused)) that has a layout in templates/khen-thuong/phoi/
 * (a note for each that has none), the certificates, calibration page
 * or preview, rendered in memory into *out.  VB_OK, VB_EINPUT,
 * VB_EUSAGE or VB_ESYS.
 */
int	 kt_phoi_make(const struct kt_batch *, const struct kt_data *,
	    const struct kt_list *, const int *used, size_t nused,
	    struct kt_phoi **out, struct diag *);
/* Write them (after the decisions); VB_OK or VB_ESYS. */
int	 kt_phoi_write(const struct kt_phoi *, struct diag *);
/* Free the certificates (NULL is a no-op). */
void	 kt_phoi_free(struct kt_phoi *);

#endif /* KT_H */
