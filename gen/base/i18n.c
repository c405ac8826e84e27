/*
 * i18n.c - messages in the clerk's language.  Every message goes through
 * diag_add, whose format string is the message id: it is translated there,
 * in one place, from the catalogue po/vi.po (gettext, text domain
 * "vanban").  The language comes from --lang or the locale's variables
 * (LANGUAGE, LC_ALL, LC_MESSAGES, LANG: "vi..." means Vietnamese), and
 * does not need the vi_VN locale to be installed: the messages category
 * is switched to C.UTF-8 and gettext told the language through LANGUAGE.
 */
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"

#define I18N_DOMAIN "vanban"
#ifndef VB_LOCALE_DIR
#define VB_LOCALE_DIR "locale"
#endif

static int i18n_on;   /* a language other than English was chosen */

/* The language the environment asks for: the first of the variables set
 * (LANGUAGE is a list "vi:en"). */
static const char *
i18n_env_lang(void)
{
	static const char *const vars[] = {
		"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", NULL
	};
	const char	*v;
	size_t		 i;

	for (i = 0; vars[i] != NULL; i++)
		if ((v = getenv(vars[i])) != NULL && *v != '\0')
			return v;
	return "";
}

int
vb_i18n_init(const char *lang)
{
	static const char *const rel[] = {
		"../share/locale", "../build/locale", NULL
	};
	char *dir;

	if (lang == NULL)
		lang = i18n_env_lang();
	if (strncmp(lang, "vi", 2) != 0) {	/* English: the ids themselves */
		i18n_on = 0;
		return 0;
	}
	if ((dir = vb_find_dir(NULL, "VB_LOCALE_DIR", rel,
	    "vi/LC_MESSAGES/" I18N_DOMAIN ".mo", VB_LOCALE_DIR)) == NULL)
		return -1;
	setenv("LANGUAGE", "vi", 1);
	if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL)
		setlocale(LC_MESSAGES, "");
	bindtextdomain(I18N_DOMAIN, dir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	/* strerror's own Vietnamese (glibc's "libc" domain) in UTF-8 too,
	 * not question marks in the C locale's ASCII. */
	bind_textdomain_codeset("libc", "UTF-8");
	free(dir);
	i18n_on = 1;
	return 0;
}

const char *
vb_tr(const char *msgid)
{
	return i18n_on ? dgettext(I18N_DOMAIN, msgid) : msgid;
}

const char *
vb_ntr(const char *one, const char *many, unsigned long n)
{
	if (i18n_on)
		return dngettext(I18N_DOMAIN, one, many, n);
	return n == 1 ? one : many;
}

/* libyaml's own English (its problem and context strings, constants of
 * the library), the common ones in the clerk's language; others as they
 * are.  Each spelled out for the catalogue. */
const char *
vb_yaml_tr(const char *s)
{
	static const char *const known[] = {
		N_("did not find expected key"),
		N_("did not find expected <document start>"),
		N_("did not find expected '-' indicator"),
		N_("did not find expected ',' or ']'"),
		N_("did not find expected ',' or '}'"),
		N_("did not find expected node content"),
		N_("mapping values are not allowed in this context"),
		N_("block sequence entries are not allowed in this context"),
		N_("found character that cannot start any token"),
		N_("found unexpected end of stream"),
		N_("found a tab character that violates indentation"),
		N_("found unknown escape character"),
		N_("found undefined alias"),
		N_("could not find expected ':'"),
		N_("control characters are not allowed"),
		N_("invalid leading UTF-8 octet"),
		N_("incomplete UTF-8 octet sequence"),
		N_("found duplicate %YAML directive"),
		N_("while parsing a block mapping"),
		N_("while parsing a block collection"),
		N_("while parsing a flow mapping"),
		N_("while parsing a flow sequence"),
		N_("while parsing a block node"),
		N_("while parsing a flow node"),
		N_("while scanning a simple key"),
		N_("while scanning a quoted scalar"),
		N_("while scanning a plain scalar"),
		N_("while scanning a block scalar"),
		NULL
	};
	size_t i;

	if (s == NULL)
		return NULL;
	for (i = 0; known[i] != NULL; i++)
		if (strcmp(s, known[i]) == 0)
			return vb_tr(known[i]);
	return s;
}
