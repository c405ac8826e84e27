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

#include "vanban.h"

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
