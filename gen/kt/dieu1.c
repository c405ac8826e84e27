/*
 * dieu1.c - Điều 1 of a decision with few recipients: up to
 * dieu_1_toi_da of them (config, default 1) are named in Điều 1 with
 * their unit and achievement, and the decision has no annex, as offices
 * write a Cờ thi đua for one collective.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "kt/kt.h"

/* The position and unit of an individual, as the annex prints them:
 * the unit once when the position already ends with it. */
static void
kt_who(struct vbuf *b, const struct kt_nominee *r)
{
	const char *cv = r->chuc_vu, *dv = r->don_vi;

	vbuf_puts(b, r->ho_ten);
	if (r->kind == KT_CA_NHAN && *cv != '\0') {
		vbuf_printf(b, ", %s", cv);
		if (*dv != '\0' && strstr(cv, dv) == NULL)
			vbuf_printf(b, ", %s", dv);
	} else if (*dv != '\0' && strstr(r->ho_ten, dv) == NULL)
		vbuf_printf(b, ", %s", dv);
}

/* "đã có thành tích " and an achievement written as a sentence: its
 * first letter lowercased unless the second is a capital too (an
 * abbreviation). */
static void
kt_achievement(struct vbuf *b, const char *tt)
{
	utf8proc_int32_t	c1, c2 = 0;
	utf8proc_ssize_t	n1, n2 = 0;

	vbuf_puts(b, ", đã có thành tích ");
	n1 = utf8proc_iterate((const utf8proc_uint8_t *)tt, -1, &c1);
	if (n1 > 0)
		n2 = utf8proc_iterate((const utf8proc_uint8_t *)tt + n1, -1,
		    &c2);
	if (n1 <= 0 || (n2 > 0 && utf8proc_isupper(c2))) {
		vbuf_puts(b, tt);
		return;
	}
	vbuf_put_cp(b, (uint32_t)utf8proc_tolower(c1));
	vbuf_puts(b, tt + n1);
}

int
kt_dieu_1_limit(const struct tmpl_vars *v, long *out, struct diag *d,
    const char *cfg)
{
	const char	*s = tmpl_vars_get(v, "dieu_1_toi_da");
	char		*end;

	*out = 1;
	if (s == NULL || *s == '\0')
		return 0;
	*out = strtol(s, &end, 10);
	if (*end != '\0' || *out < 0 || *out > 50) {
		diag_add(d, DIAG_ERROR, cfg, 0, 0, "dieu_1_toi_da: \"%s\" must "
		    "be a number from 0 to 50 (how many recipients Điều 1 names "
		    "without an annex; 0: always an annex)", s);
		return -1;
	}
	return 0;
}

char *
kt_dieu_1_names(struct kt_nominee *const *by[2], const size_t cnt[2],
    int *own)
{
	struct vbuf	 b = { NULL, 0, 0, 0 };
	size_t		 i, n = 0, with_tt = 0;
	int		 k, order[2] = { KT_TAP_THE, KT_CA_NHAN };

	for (k = 0; k < 2; k++)
		for (i = 0; i < cnt[order[k]]; i++)
			with_tt += *by[order[k]][i]->thanh_tich != '\0';
	for (k = 0; k < 2; k++)
		for (i = 0; i < cnt[order[k]]; i++) {
			const struct kt_nominee *r = by[order[k]][i];

			if (n++ > 0)
				vbuf_puts(&b, "; ");
			kt_who(&b, r);
			if (with_tt > 0 && *r->thanh_tich != '\0')
				kt_achievement(&b, r->thanh_tich);
		}
	*own = with_tt > 0;
	return vbuf_take(&b);
}
