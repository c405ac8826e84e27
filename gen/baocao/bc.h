/*
 * bc.h - internal header of the báo cáo (progress report) generator:
 * the plan's task table, the units, the progress table, the periods,
 * and the reports made from them.
 *
 *   templates/bao-cao/trang-thai.csv  status words and their variants
 *   templates/bao-cao/mac-dinh.yaml   front-matter defaults and wording
 *   templates/bao-cao/don-vi.md       a unit's report skeleton
 *   templates/bao-cao/tong-hop.md     the province summary skeleton
 *
 * Library code: nothing here prints or exits; problems go to a struct
 * diag and functions return an enum vb_status.
 */
#ifndef BC_H
#define BC_H

#include <stddef.h>

#include "vanban.h"

/* ------------------------------------------------------------------ */
/* Periods and statuses                                                 */
/* ------------------------------------------------------------------ */

enum bc_ky {
	BC_Q1, BC_Q2, BC_Q3, BC_Q4,
	BC_6T,   /* sơ kết 6 tháng: Q1 + Q2, outlook Q3 + Q4 */
	BC_NAM   /* tổng kết năm: Q1 … Q4, outlook next year */
};

/* Parse "Q1".."Q4", "6T", "NAM" (any case; "quy2", "6t", "nam"); 0 and
 * *out, or -1. */
int	 bc_ky_parse(const char *s, enum bc_ky *out);
/* "q2", "6t", "nam": used in file names. */
const char *bc_ky_code(enum bc_ky);
/* The period's name in a sentence: "quý II năm 2020", "6 tháng đầu
 * năm 2020", "năm 2020"; with next, the period after it ("quý III năm
 * 2020", "6 tháng cuối năm 2020", "năm 2021"). */
void	 bc_ky_label(enum bc_ky, int nam, int next, char *buf, size_t n);
/* Bit mask of the quarters a period covers (bit q-1 for quarter q), and
 * of the quarters of its outlook (0: next year, nothing in the plan). */
unsigned bc_ky_quarters(enum bc_ky);
unsigned bc_ky_next(enum bc_ky);

enum bc_status {
	BC_DONE,     /* hoàn thành */
	BC_DOING,    /* đang thực hiện */
	BC_TODO,     /* chưa thực hiện */
	BC_MISSING,  /* no row: chưa báo cáo */
	BC_NSTATUS
};

/* The status as printed: "Hoàn thành" … "Chưa báo cáo". */
const char *bc_status_name(enum bc_status);

/* ------------------------------------------------------------------ */
/* Data of templates/bao-cao/                                           */
/* ------------------------------------------------------------------ */

struct bc_word {
	char		*fold;    /* folded spelling (csvt_fold) */
	enum bc_status	 status;  /* what it means */
};

struct bc_data {
	char		*dir;      /* templates/bao-cao */
	struct bc_word	*words;    /* trang-thai.csv, in table order */
	size_t		 nwords;
	struct tmpl_vars	*config;   /* mac-dinh.yaml + --config */
};

/* The templates folder (vb_find_dir): opt (--templates), $VB_TEMPLATES,
 * ../share/vanban/templates or ../templates beside the program when they
 * hold bao-cao/trang-thai.csv, else the build tree's.  Malloc'd. */
char	*bc_find_templates(const char *opt);

/* Load trang-thai.csv and mac-dinh.yaml of templates_dir/bao-cao, then
 * the config file `config` (may be NULL) over them.  *out: free with
 * bc_data_free.  VB_OK, VB_EINPUT or VB_ESYS. */
int	 bc_data_load(const char *templates_dir, const char *config,
	    struct diag *, struct bc_data **out);
void	 bc_data_free(struct bc_data *);

/* The status a word means (folded match of the table), or -1. */
int	 bc_status_find(const struct bc_data *, const char *word);

/* ------------------------------------------------------------------ */
/* The plan's task table                                                */
/* ------------------------------------------------------------------ */

struct bc_group {
	char	*roman;    /* "II" */
	char	*title;    /* "Nhiệm vụ thực hiện trong Quý II" */
	int	 quarter;  /* 1..4, 0: thường xuyên (every period) */
	int	 line;     /* line in the task table */
};

struct bc_task {
	char	*key;       /* "II.3", or the Mã column's code */
	char	*fold;      /* key folded (csvt_fold), for matching */
	char	*so;        /* the number as written: "3" */
	char	*noi_dung;  /* content */
	char	*chu_tri;   /* lead unit, may be "" */
	size_t	 group;     /* index into bc_plan.groups */
	int	 dup;       /* another task has the same key */
	int	 line;      /* line in the task table */
};

struct bc_plan {
	char		*name;     /* file name for messages */
	struct bc_group	*groups;
	size_t		 ngroups;
	struct bc_task	*tasks;    /* in table order */
	size_t		 ntasks;
	int		 year;     /* a year the group titles give, 0: none */
};

/*
 * Parse the task table (NFC text): group rows (a Roman numeral in the
 * first cell) carry the period in their title; a task's key is
 * group.number or its Mã.  A group whose period cannot be told is an
 * error at its line.  *out: free with bc_plan_free.
 */
/* The same from a table already read (table_read); takes t and frees it. */
int	 bc_plan_table(struct csvt *t, struct diag *, struct bc_plan **out);
int	 bc_plan_parse(const char *name, const char *text, size_t len,
	    struct diag *, struct bc_plan **out);
void	 bc_plan_free(struct bc_plan *);

/* Whether task i belongs to the quarters of mask (thường xuyên: always
 * when mask is not 0). */
int	 bc_task_in(const struct bc_plan *, size_t i, unsigned mask);

/* Indices of the tasks whose key matches s (folded), up to 2 in idx;
 * returns how many match (0, 1 or more). */
size_t	 bc_task_find(const struct bc_plan *, const char *s, size_t idx[2]);

/* ------------------------------------------------------------------ */
/* Units                                                                */
/* ------------------------------------------------------------------ */

struct bc_unit {
	char	*don_vi;            /* name used in the progress table */
	char	*ten_day_du;        /* full name, the issuing agency */
	char	*co_quan_chu_quan;  /* parent agency, may be "" */
	char	*ky_hieu;           /* "BC-SNV", may be "" */
	char	*dia_danh;          /* place, may be "" */
	char	*chuc_vu_ky;        /* signer's position, may be "" */
	char	*nguoi_ky;          /* signer's name, may be "" */
	char	*tham_quyen;        /* "TM. ỦY BAN NHÂN DÂN", may be "" */
	char	*slug;              /* output file name, no extension */
	char	*fold;              /* don_vi folded, NULL: not yet (find) */
	int	 line;              /* line in the units file, 0: none */
};

struct bc_units {
	struct bc_unit	*v;
	size_t		 n, cap;
	int		 from_file;  /* read from --don-vi */
	size_t		*idx;        /* units by folded name (units.c) */
	size_t		 idxcap, nindexed;  /* its slots, units in it */
};

/* Read a units file (CSV, or YAML when it ends .yaml/.yml or starts
 * "-"/"don_vi:"): columns don_vi, ten_day_du, co_quan_chu_quan,
 * ky_hieu, dia_danh, chuc_vu_ky, nguoi_ky, and tham_quyen (TM., KT.
 * lines above the position); Vietnamese headings too. */
int	 bc_units_load(const char *path, enum text_enc, struct diag *,
	    struct bc_units *);
/* The unit named s (folded), or -1. */
int	 bc_units_find(const struct bc_units *, const char *s);
/* Append a unit known only by name; its index, or -1 on OOM. */
int	 bc_units_add(struct bc_units *, const char *name, int line);
/* Give every unit a distinct slug; -1 on OOM. */
int	 bc_units_slugs(struct bc_units *);
void	 bc_units_free(struct bc_units *);

/* ------------------------------------------------------------------ */
/* Progress                                                             */
/* ------------------------------------------------------------------ */

struct bc_row {
	size_t		 unit;     /* index into bc_units */
	size_t		 task;     /* index into bc_plan.tasks */
	enum bc_status	 status;
	vb_date		 ngay;     /* completion date, 0: none */
	char		*ket_qua;  /* result or reason, may be "" */
	const char	*file;     /* progress file (messages) */
	int		 line;
};

struct bc_progress {
	struct bc_row	*v;
	size_t		 n, cap;
	int		 year;     /* the most frequent year of the dates */
	char		**files;   /* names of the tables read (rows' file) */
	size_t		 nfiles;
	size_t		*idx;      /* rows by unit and task (progress.c) */
	size_t		 idxcap, nindexed;  /* its slots, rows in it */
};

/*
 * Parse one progress table and append its rows to pr.  Units not in
 * units are added when !units->from_file, an error otherwise.  Every
 * problem is reported (unknown or ambiguous key, status word, date,
 * the same unit and task twice); VB_EINPUT when there was any.
 */
int	 bc_progress_table(struct csvt *t, const struct bc_plan *,
	    const struct bc_data *, struct bc_units *, struct diag *,
	    struct bc_progress *);
int	 bc_progress_parse(const char *name, const char *text, size_t len,
	    const struct bc_plan *, const struct bc_data *,
	    struct bc_units *, struct diag *, struct bc_progress *pr);
void	 bc_progress_free(struct bc_progress *);

/* ------------------------------------------------------------------ */
/* Reports                                                              */
/* ------------------------------------------------------------------ */

struct bc_opt {
	enum bc_ky	 ky;
	int		 nam;         /* year of the report */
	vb_date		 ngay;        /* date of the reports, 0: blank */
};

/* Counts of one unit over the tasks of a period. */
struct bc_count {
	size_t	 n[BC_NSTATUS];  /* tasks per status */
	size_t	 total;          /* tasks of the period */
};

/* The status of every task of the period for unit u: st[i] for task i
 * (BC_MISSING without a row), row[i] the row or NULL; fills c. */
void	 bc_unit_status(const struct bc_plan *, const struct bc_progress *,
	    size_t u, unsigned mask, enum bc_status *st,
	    const struct bc_row **row, struct bc_count *c);

/* A completion rate as printed: "87,5 %" (comma, one decimal unless it
 * is 0), "100 %"; comma 0 gives the chart's "87.5".  Rounded half up. */
void	 bc_rate(size_t done, size_t total, int comma, char *buf, size_t n);

/* The report source (Markdown) of unit u.  *out malloc'd. */
int	 bc_unit_report(const struct bc_data *, const struct bc_plan *,
	    const struct bc_units *, const struct bc_progress *, size_t u,
	    const struct bc_opt *, struct diag *, char **out);
/* The province summary (tong-hop.md).  *out malloc'd. */
int	 bc_summary(const struct bc_data *, const struct bc_plan *,
	    const struct bc_units *, const struct bc_progress *,
	    const struct bc_opt *, struct diag *, char **out);
/* The empty progress form of unit u for the period: CSV, UTF-8 with a
 * BOM, CRLF line ends (Excel).  *out malloc'd, *len its size. */
int	 bc_form(const struct bc_plan *, const struct bc_units *, size_t u,
	    unsigned mask, char **out, size_t *len);

/* ------------------------------------------------------------------ */
/* One run of vb-baocao                                                 */
/* ------------------------------------------------------------------ */

struct bc_args {
	const char	 *tasks;       /* the plan's task table */
	char		**progress;    /* progress tables */
	size_t		  nprogress;
	const char	 *outdir;      /* -d */
	const char	 *units;       /* --don-vi, may be NULL */
	const char	 *templates;   /* --templates, may be NULL */
	struct render_opt ropt;        /* fonts and SOURCE_DATE_EPOCH (main) */
	const char	 *config;      /* --config, may be NULL */
	enum text_enc	  enc;         /* -f: the input tables' encoding */
	const char	 *sheet;       /* --sheet: of workbooks, NULL: first */
	int		  have_ky;     /* --ky given */
	enum bc_ky	  ky;          /* --ky */
	int		  nam;         /* --nam, 0: from the data */
	vb_date		  ngay;        /* --ngay, 0: blank */
	int		  mau;         /* --mau: forms instead of reports */
	int		  pdf;         /* --pdf */
	int		  docx;        /* --docx: Word files beside */
	int		  jobs;        /* -j */
	void		(*cb)(void *, size_t, size_t);  /* PDF progress, or NULL */
	void		 *ctx;         /* its argument */
	/* Filled by bc_run: */
	size_t		  n_md;        /* Markdown sources written */
	size_t		  n_pdf;       /* PDFs written */
	size_t		  n_csv;       /* forms written */
	int		  nam_used;    /* the year of the documents */
};

/*
 * Everything vb-baocao does: read and check every input (all problems in
 * one run; nothing written on error), then write the reports (or the
 * forms) into outdir, then render them.  VB_OK, VB_EINPUT, VB_ESYS.
 */
int	 bc_run(struct bc_args *, struct diag *);

#endif /* BC_H */
