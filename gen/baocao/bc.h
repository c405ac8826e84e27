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

#include "render/render.h"

struct bc_progress;
struct bc_units;
struct bc_row;

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
/* The period a title names ("… quý II năm 2026", "6 tháng đầu năm
 * 2026", "… năm 2026"): 0 with *k and *year (0 when none), or -1. */
int	 bc_ky_find(const char *title, enum bc_ky *k, int *year);
/* Whether a form of period form may be read for a report of want (Q1
 * and Q2 for 6T; the quarters and 6T for NAM; a period for itself). */
int	 bc_ky_covers(enum bc_ky want, enum bc_ky form);
/* Order of periods by their end (Q1 < Q2 < 6T < Q3 < Q4 < NAM): the
 * later one's row of a task wins. */
int	 bc_ky_rank(enum bc_ky);

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

/* Unit groups (bits), as the units file's nhom and vai-tro.csv say. */
#define BC_G_SO	 1u   /* sở, ban, ngành */
#define BC_G_DP	 2u   /* địa phương */
#define BC_G_ALL 3u   /* tất cả */

/* A line of vai-tro.csv: a phrase of "Đơn vị chủ trì / phối hợp" naming
 * a group of units, or the start of a unit's name telling its group. */
struct bc_rule {
	int	 name;     /* 0: a phrase (cụm từ), 1: a name's start (tên) */
	char	*fold;     /* the text folded (csvt_fold) */
	unsigned nhom;     /* BC_G_* */
};

struct bc_data {
	char		*dir;      /* templates/bao-cao */
	struct bc_word	*words;    /* trang-thai.csv, in table order */
	size_t		 nwords;
	struct bc_rule	*rules;    /* vai-tro.csv, in table order */
	size_t		 nrules;
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
/* Free the data (NULL is a no-op). */
void	 bc_data_free(struct bc_data *);

/* The settings still "…" (a province's or a person's name to give):
 * one message per key, an error for a final report, a warning for a
 * draft; dia_danh only when some unit leaves its own blank.  The number
 * of such keys. */
int	 bc_config_check(const struct bc_data *, const struct bc_units *,
	    int draft, struct diag *);
/* --khoi-tao DIR: a commented config (bao-cao.yaml: mac-dinh.yaml's
 * keys) and a units file's header (don-vi.csv), never over a file. */
int	 bc_init_dir(const char *templates, const char *dir, struct diag *);
/* The same from the --templates option (NULL: bc_find_templates'). */
int	 bc_khoi_tao(const char *templates, const char *dir, struct diag *);

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
	char	*phoi_hop;  /* coordinating units, may be "" */
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
int	 bc_plan_parse(const char *name, const char *text, size_t len,
	    struct diag *, struct bc_plan **out);
/* The same from a table already read (table_read); takes t and frees it. */
int	 bc_plan_table(struct csvt *t, struct diag *, struct bc_plan **out);
/* Is t a task table (a column of task contents)?  The table_match of a
 * workbook's sheets. */
int	 bc_plan_matches(const struct csvt *t, void *arg);
/* Free the plan (NULL is a no-op). */
void	 bc_plan_free(struct bc_plan *);

/* Whether task i belongs to the quarters of mask (thường xuyên: always
 * when mask is not 0). */
int	 bc_task_in(const struct bc_plan *, size_t i, unsigned mask);
/* Whether task i is in a report of mask given its row r (may be NULL):
 * a task of the period, or one of an earlier quarter carried into a
 * form of the period (r from a titled form). */
int	 bc_task_shown(const struct bc_plan *, size_t i, unsigned mask,
	    const struct bc_row *r);

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
	char	*nhom;              /* "sở, ngành", "địa phương", or "" */
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
 * "-"/"don_vi:", or a workbook: its sheet named by sheet, else the first
 * with a column don_vi, see table_read_match): columns don_vi,
 * ten_day_du, co_quan_chu_quan, ky_hieu, dia_danh, chuc_vu_ky, nguoi_ky,
 * and tham_quyen (TM., KT. lines above the position); Vietnamese
 * headings too. */
int	 bc_units_load(const char *path, const char *sheet, enum text_enc,
	    struct diag *, struct bc_units *);
/* The unit named s (folded), or -1. */
int	 bc_units_find(const struct bc_units *, const char *s);
/* Append a unit known only by name; its index, or -1 on OOM. */
int	 bc_units_add(struct bc_units *, const char *name, int line);
/* Give every unit a distinct slug; -1 on OOM. */
int	 bc_units_slugs(struct bc_units *);
/* Free what the units hold. */
void	 bc_units_free(struct bc_units *);

/* ------------------------------------------------------------------ */
/* Roles: who leads and who coordinates each task (role.c)              */
/* ------------------------------------------------------------------ */

enum bc_role {
	BC_ROLE_NONE,    /* neither: not asked */
	BC_ROLE_LEAD,    /* chủ trì */
	BC_ROLE_COORD    /* phối hợp */
};

/* The groups (BC_G_*) the phrases of vai-tro.csv in folded text f name
 * ("cacsobannganh…"), 0 for none. */
unsigned bc_text_groups(const struct bc_data *, const char *f);

/* "Chủ trì", "Phối hợp", "" */
const char *bc_role_name(enum bc_role);

/* Load templates_dir/bao-cao/vai-tro.csv into bd (bc_data_load). */
int	 bc_rules_load(struct bc_data *, struct diag *);

/* The group of a units file's nhom ("sở, ngành", "địa phương"), 0 for
 * "", or -1 when it names none. */
int	 bc_nhom_parse(const char *);

/*
 * The role of every unit in every task: role[u * ntasks + i].  A unit
 * leads a task whose "Đơn vị chủ trì" names it or a group of it, and
 * coordinates one whose "Đơn vị phối hợp" does ("Các sở, ban, ngành",
 * "UBND các xã, phường", "Các cơ quan, đơn vị, địa phương": the phrases
 * of vai-tro.csv); a task naming no unit at all is every unit's own.  A
 * unit's group: its nhom, else the start of its name (vai-tro.csv), else
 * none (then only the phrases of every unit reach it).  Malloc'd; NULL
 * on OOM.
 */
unsigned char *bc_roles(const struct bc_data *, const struct bc_plan *,
	    const struct bc_units *);

/* The status of task i in the summary: its lead units' (every lead
 * done: done; some row: under way or not started; none: chưa báo cáo),
 * a row of a unit that is not asked left out.  *late: done after the
 * end of the period (end, yyyymmdd; 0: not checked). */
enum bc_status bc_task_status(const struct bc_plan *,
	    const struct bc_progress *, size_t nunits,
	    const unsigned char *role, size_t i, vb_date end, int *late);

/* ------------------------------------------------------------------ */
/* Progress                                                             */
/* ------------------------------------------------------------------ */

struct bc_row {
	size_t		 unit;     /* index into bc_units */
	size_t		 task;     /* index into bc_plan.tasks */
	enum bc_status	 status;
	vb_date		 ngay;     /* completion date, 0: none */
	char		*ket_qua;  /* result or reason, may be "" */
	const char	*file;     /* progress file (messages), owned by
				    * bc_progress.files */
	int		 line;
	enum bc_ky	 ky;       /* the period of its table */
	int		 titled;   /* the table's title named it (a form) */
};

/* The unit's own texts: rows of a form whose Mã is one of these. */
enum bc_txt {
	BC_T_UU_DIEM,      /* Ưu điểm */
	BC_T_TON_TAI,      /* Tồn tại, hạn chế */
	BC_T_NGUYEN_NHAN,  /* Nguyên nhân */
	BC_T_PHUONG_HUONG, /* Phương hướng */
	BC_T_DE_XUAT,      /* Đề xuất, kiến nghị */
	BC_NTXT
};

/* "Ưu điểm" … "Đề xuất, kiến nghị": the Mã of the form's text rows. */
const char *bc_txt_name(enum bc_txt);

struct bc_text {
	size_t		 unit;
	enum bc_ky	 ky;       /* the period of its table */
	enum bc_txt	 kind;
	char		*text;     /* as written, line breaks kept */
};

/* Which unit sent a table of which period (two forms of one unit for
 * one period are an error). */
struct bc_src {
	size_t		 unit;
	enum bc_ky	 ky;
	int		 table;    /* serial number of the table */
	int		 line;     /* its first row of the unit */
	char		*file;
};

struct bc_progress {
	struct bc_row	*v;
	size_t		 n, cap;
	char		**files;   /* the progress files' names, for the
				    * rows' messages (a table's own name is
				    * freed with it) */
	size_t		 nfiles;
	int		 year;     /* the most frequent year of the dates */
	size_t		*idx;      /* rows by unit and task (progress.c) */
	size_t		 idxcap, nindexed;  /* its slots, rows in it */
	struct bc_text	*tx;       /* the units' texts */
	size_t		 ntx, captx;
	struct bc_src	*src;
	size_t		 nsrc, capsrc;
	int		 ntables;
};

/* The period a progress table is read for: --ky and --nam (0: any);
 * ngay: --ngay, no completion date may be later (0: not checked). */
struct bc_want {
	enum bc_ky	 ky;
	int		 nam;
	vb_date		 ngay;
	int		 any;      /* any period (forms carried to --mau) */
};

/*
 * Parse one progress table and append its rows to pr.  The header may
 * have title rows above it (a form); a title naming a period records
 * the table's period, which want must cover; a table naming none is of
 * want's period.  Units not in units are added when !units->from_file,
 * an error otherwise.  Every problem is reported (unknown or ambiguous
 * key, status word, date, the same unit and task twice in one period);
 * VB_EINPUT when there was any.
 */
/* Has t a progress table's header (in its first rows)?  The
 * table_match of a workbook's sheets. */
int	 bc_progress_matches(const struct csvt *t, void *arg);
int	 bc_progress_table(struct csvt *t, const struct bc_plan *,
	    const struct bc_data *, struct bc_units *, const struct bc_want *,
	    struct diag *, struct bc_progress *);
int	 bc_progress_parse(const char *name, const char *text, size_t len,
	    const struct bc_plan *, const struct bc_data *,
	    struct bc_units *, const struct bc_want *, struct diag *,
	    struct bc_progress *pr);
/* Periods composed: of the rows of one unit and task from tables of
 * different periods, only the latest period's stays. */
void	 bc_progress_compose(struct bc_progress *);
/* Free what the progress rows hold. */
void	 bc_progress_free(struct bc_progress *);

/* ------------------------------------------------------------------ */
/* Reports                                                              */
/* ------------------------------------------------------------------ */

/* The awards of the period, from vb-khenthuong's registers
 * (--khen-thuong): one line per form of award. */
struct bc_award {
	char		*hinh_thuc;   /* the form's name */
	size_t		 n_qd;        /* decisions */
	size_t		 tap_the;     /* collectives */
	size_t		 ca_nhan;     /* individuals */
	unsigned long long tien;      /* money, whole đồng */
};

struct bc_awards {
	struct bc_award	*v;
	size_t		 n, cap;
	char		**so;         /* số/ký hiệu seen (counted once) */
	size_t		 nso, capso;
	int		 given;       /* --khen-thuong given */
};

/* The first and last day of period k of year nam. */
void	 bc_ky_range(enum bc_ky k, int nam, vb_date *from, vb_date *to);

/* Read one register (UTF-8, a BOM allowed; columns ngay, so_ky_hieu,
 * trich_yeu, hinh_thuc, tap_the, ca_nhan, tong_tien, tep), adding the
 * rows dated within [from, to] to aw, a số/ký hiệu once.  Every problem
 * at its row and column; VB_OK, VB_EINPUT, VB_ESYS. */
int	 bc_awards_load(const char *path, enum text_enc, vb_date from,
	    vb_date to, struct diag *, struct bc_awards *aw);
/* Free what the awards hold. */
void	 bc_awards_free(struct bc_awards *);

struct bc_opt {
	enum bc_ky	 ky;
	int		 nam;         /* year of the report */
	vb_date		 ngay;        /* date of the reports, 0: blank */
	vb_date		 han;         /* the reminder's deadline, 0: blank */
	int		 du_thao;     /* drafts */
	const unsigned char *role;    /* bc_roles, [u * ntasks + i] */
	const struct bc_awards *aw;   /* the period's awards */
	struct bc_doc	*doc;         /* the document's figures, filled by
				       * the generator; NULL: not wanted */
};

/* Counts of one unit over the tasks of a period. */
struct bc_count {
	size_t	 n[BC_NSTATUS];  /* tasks per status */
	size_t	 total;          /* tasks of the period asked of it */
	size_t	 late;           /* of n[BC_DONE]: done after the deadline */
	size_t	 extra;          /* rows of tasks not asked of it */
};

/* One document a run wrote, for the tool's closing lines (bc_args). */
enum bc_doc_kind {
	BC_DOC_REPORT,    /* a unit's report */
	BC_DOC_SUMMARY,   /* the summary (tong-hop.md) */
	BC_DOC_REMINDER,  /* the reminder (don-doc.md) */
	BC_DOC_FORM       /* a unit's progress form */
};
struct bc_doc {
	enum bc_doc_kind kind;
	char		*file;     /* its path, as written (malloc'd) */
	char		*ky_hieu;  /* its ký hiệu ("BC-STC"), NULL or "": none */
	char		*don_vi;   /* report, form: the unit (malloc'd) */
	struct bc_count	 c;        /* report: its tasks; summary: the tasks
				    * by their lead units' status */
	size_t		 units;    /* summary: units; reminder: reminded */
};
/* Free the documents of a run (NULL is a no-op). */
void	 bc_docs_free(struct bc_doc *, size_t n);
/* A generator's part of doc: the ký hiệu (template variable key of v)
 * and the counts c (when not NULL); nonzero when out of memory. */
struct tmpl_vars;
int	 bc_doc_fill(struct bc_doc *, const struct tmpl_vars *, const char *key,
	    const struct bc_count *c);

/* The deadline of task i in a report of period o: the end of its
 * quarter, or of the period for a recurring task. */
vb_date	 bc_deadline(const struct bc_plan *, size_t i, const struct bc_opt *);

/* The status of every task of the period for unit u: st[i] for task i
 * (BC_MISSING without a row), row[i] the row or NULL; fills c.  role:
 * the unit's roles (role + u * ntasks), NULL: every task is asked.  o
 * (may be NULL): late completions are counted against its deadlines. */
void	 bc_unit_status(const struct bc_plan *, const struct bc_progress *,
	    size_t u, unsigned mask, const unsigned char *role,
	    const struct bc_opt *o, enum bc_status *st,
	    const struct bc_row **row, struct bc_count *c);

/* Did unit u send anything for the period (a row or a text)? */
int	 bc_unit_sent(const struct bc_plan *, const struct bc_progress *,
	    size_t u, unsigned mask);

/* A completion rate as printed: "87,5 %" (comma, one decimal unless it
 * is 0), "100 %"; comma 0 gives the chart's "87.5".  Rounded half up. */
void	 bc_rate(size_t done, size_t total, int comma, char *buf, size_t n);

/* Shared by the documents (report.c). */
/* s without its final '.', ';' and blanks, as Markdown text (escaped). */
void	 bc_put_trimmed(struct vbuf *, const char *);
/* "- KEY: " starting a list item (on a new line unless the first). */
void	 bc_put_item(struct vbuf *, const char *);
/* Set key to the buffer's text (taken); 0, or -1 on OOM. */
int	 bc_set_buf(struct tmpl_vars *, const char *key, struct vbuf *);
/* The period's variables (ky_ten, ky_sau, la_quy, nam, ngay, ...) from
 * the options; 0, or -1 on OOM. */
int	 bc_period_vars(struct tmpl_vars *, const struct bc_opt *);
/* Read skeleton `file` of the data folder and expand it with the
 * variables (tmpl_expand); *out ends with a line end. */
int	 bc_expand(const struct bc_data *, const char *file,
	    const struct tmpl_vars *, struct diag *, char **out);
/* A date as "05/07/2026". */
void	 bc_day(vb_date, char *buf, size_t n);

/* The report source (Markdown) of unit u.  *out malloc'd. */
int	 bc_unit_report(const struct bc_data *, const struct bc_plan *,
	    const struct bc_units *, const struct bc_progress *, size_t u,
	    const struct bc_opt *, struct diag *, char **out);
/* The province summary (tong-hop.md).  *out malloc'd. */
int	 bc_summary(const struct bc_data *, const struct bc_plan *,
	    const struct bc_units *, const struct bc_progress *,
	    const struct bc_opt *, struct diag *, char **out);
/* The reminder (don-doc.md) to the units that sent nothing (silent[u]
 * set).  *out malloc'd. */
int	 bc_reminder(const struct bc_data *, const struct bc_units *,
	    const unsigned char *silent, const struct bc_opt *, struct diag *,
	    char **out);

/* A progress form of unit u for period k: its tasks (led or
 * coordinated) with their roles, then the five text rows; carry (may be
 * NULL): the earlier rows of unfinished tasks to pre-fill. */
struct bc_form_in {
	const struct bc_plan	*plan;
	const struct bc_units	*units;
	const struct bc_data	*bd;
	const unsigned char	*role;
	const struct bc_progress *carry;
	size_t			 u;
	enum bc_ky		 ky;
	int			 nam;
	long long		 epoch;    /* the workbook's creation time,
					    * -1: now (SOURCE_DATE_EPOCH) */
};
/* CSV, UTF-8 with a BOM, CRLF line ends (Excel).  *out malloc'd. */
int	 bc_form_csv(const struct bc_form_in *, char **out, size_t *len);
/* The same as an Excel workbook (libxlsxwriter), written to path. */
int	 bc_form_xlsx(const struct bc_form_in *, const char *path,
	    struct diag *);

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
	int		  mau_csv;     /* --mau-csv: the forms as CSV */
	char		**khen_thuong; /* --khen-thuong registers */
	size_t		  nkhen_thuong;
	vb_date		  han;         /* --han, 0: five working days on */
	int		  du_thao;     /* --du-thao */
	int		  pdf;         /* --pdf */
	int		  docx;        /* --docx: Word files beside */
	const char	 *gop;         /* --gop: all in one PDF, or NULL */
	int		  jobs;        /* -j */
	void		(*cb)(void *, size_t, size_t);  /* PDF progress, or NULL */
	void		 *ctx;         /* its argument */
	/* Filled by bc_run: */
	size_t		  n_md;        /* Markdown sources written */
	size_t		  n_pdf;       /* PDFs written */
	size_t		  n_csv;       /* forms written */
	size_t		  n_reports;   /* units' reports written */
	size_t		  n_silent;    /* units reminded (don-doc.md) */
	int		  nam_used;    /* the year of the documents */
	struct bc_doc	 *docs;        /* what was written (bc_docs_free) */
	size_t		  ndocs;
};

/*
 * Everything vb-baocao does: read and check every input (all problems in
 * one run; nothing written on error), then write the reports (or the
 * forms) into outdir, then render them.  VB_OK, VB_EINPUT, VB_ESYS.
 */
int	 bc_run(struct bc_args *, struct diag *);

#endif /* BC_H */
