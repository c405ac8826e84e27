/*
 * summary.c - the closing figures of a run of vb-khenthuong (for vb-web's
 * result page): how many decisions, collectives, individuals, and the
 * money of them all, computed from the same data, list and options the
 * decisions are made from.
 */
#include <stdlib.h>
#include <string.h>

#include "vanban.h"
#include "kt/kt.h"

/* The rounding unit and mode of the config (options first); -1 when
 * the config gives none that is valid (kt_batch_run reports that). */
static int
kt_summary_round(const struct kt_data *kd, const struct kt_opt *opt,
    unsigned long long *unit, int *round)
{
	const char *s = tmpl_vars_get(kd->config, "lam_tron_den");

	if (s == NULL || sotien_parse(s, unit) != 0 || *unit == 0)
		return -1;
	*round = opt->round;
	if (*round < 0 && kt_round_parse((s = tmpl_vars_get(kd->config,
	    "lam_tron")) ? s : "", round) != 0)
		return -1;
	return 0;
}

/* Add the figures of list l to *out. */
static int
kt_summary_add(const struct kt_data *kd, const struct kt_list *l,
    const struct kt_opt *opt, struct kt_summary *out)
{
	unsigned long long	 base, unit;
	struct kt_rate		*rate;
	int			*used, round;
	size_t			 n, i, j, cnt[2];
	long			 coef;
	int			 k;

	base = opt->luong ? opt->luong : kt_salary_on(kd, opt->ngay);
	if (kt_summary_round(kd, opt, &unit, &round) != 0)
		return VB_EINPUT;
	if ((used = calloc(kd->nforms + 1, sizeof(*used))) == NULL)
		return VB_ESYS;
	n = kt_forms_used(kd, l, used);
	out->docs += n;
	for (i = 0; i < n; i++) {
		cnt[0] = cnt[1] = 0;
		for (j = 0; j < l->n; j++)
			if (l->rows[j].form == used[i])
				cnt[l->rows[j].kind]++;
		for (k = 0; k < 2; k++) {
			coef = kt_coef_on(kd, used[i], (enum kt_kind)k,
			    opt->ngay, &rate);
			if (cnt[k] > 0 && coef >= 0)
				out->tien += cnt[k] * kt_amount(coef, base,
				    unit, (enum kt_round)round);
		}
		out->ca_nhan += cnt[KT_CA_NHAN];
		out->tap_the += cnt[KT_TAP_THE];
	}
	free(used);
	return VB_OK;
}

int
kt_batch_summary(const struct kt_batch *b, struct kt_summary *out,
    struct diag *d)
{
	struct kt_data	*kd = NULL;
	struct kt_list	*l = NULL;
	struct csvt	*t = NULL;
	char		*tdir;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((tdir = kt_find_templates(b->templates)) == NULL)
		return VB_ESYS;
	rc = kt_data_load(tdir, d, &kd);
	free(tdir);
	if (rc == VB_OK && b->config != NULL)
		rc = kt_config_load(b->config, kd->config, d);
	if (rc == VB_OK && (rc = table_read_rows(b->list, b->sheet, b->enc,
	    d, &t)) == VB_OK && t == NULL)
		rc = VB_EINPUT;
	if (rc == VB_OK) {
		struct kt_list_opt lo = { b->opt.ngay, b->cho_trung };

		rc = kt_list_table(t, kd, &lo, !table_is_workbook(t), d, &l);
	}
	if (rc == VB_OK)
		rc = kt_summary_add(kd, l, &b->opt, out);
	csvt_free(t);
	kt_list_free(l);
	kt_data_free(kd);
	return rc;
}
