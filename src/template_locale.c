/* template_locale.c: the default template follows the user's language, so
 * a facilitator in Stockholm or Oslo gets the agenda in Swedish or
 * Norwegian without having to know the translated template's name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/err.h"
#include "journeyhack/paths.h"
#include "journeyhack/template_locale.h"
#include "journeyhack/util.h"

static const char *env_nonempty(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

/* "sv_SE.UTF-8@euro" -> "sv"; "" when the entry names no language. */
static void language_code(const char *entry, size_t len, char code[9])
{
	size_t n = 0;

	while (n < len && n < 8 && entry[n] >= 'a' && entry[n] <= 'z')
		n++;
	if (n < len && entry[n] != '_' && entry[n] != '.' && entry[n] != '@' && entry[n] != '-')
		n = 0; /* "C", "POSIX" or something that is no language */
	memcpy(code, entry, n);
	code[n] = '\0';
	if (!strcmp(code, "no"))
		memcpy(code, "nb", 3);
}

static size_t add(char langs[][9], size_t n, size_t max, const char *entry, size_t len)
{
	char code[9];

	language_code(entry, len, code);
	if (!*code || n >= max)
		return n;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(langs[i], code))
			return n;
	memcpy(langs[n], code, sizeof code);
	return n + 1;
}

size_t template_locale_languages(char langs[][9], size_t max)
{
	const char *locale = env_nonempty("LC_ALL");
	const char *list = env_nonempty("LANGUAGE");
	size_t n = 0;

	if (!locale)
		locale = env_nonempty("LC_MESSAGES");
	if (!locale)
		locale = env_nonempty("LANG");
	/* As glibc's gettext: only the plain C locale shuts LANGUAGE out, so
	 * C.UTF-8 with LANGUAGE=sv shows Swedish messages and gets Swedish
	 * templates alike. */
	if (!locale || !strcmp(locale, "C") || !strcmp(locale, "POSIX"))
		return 0;
	while (list && *list) {
		const char *colon = strchr(list, ':');
		size_t len = colon ? (size_t)(colon - list) : strlen(list);

		n = add(langs, n, max, list, len);
		list = colon ? colon + 1 : NULL;
	}
	return add(langs, n, max, locale, strlen(locale));
}

char *template_locale_default(const char *base)
{
	char langs[16][9];
	size_t n = template_locale_languages(langs, 16);

	for (size_t i = 0; i < n && strcmp(langs[i], "en"); i++) {
		size_t len = strlen(base) + strlen(langs[i]) + 2;
		char *name = util_xmalloc(len);
		struct jh_err err;
		char *path;

		snprintf(name, len, "%s-%s", base, langs[i]);
		path = paths_find_template(name, &err);
		if (path) {
			free(path);
			return name;
		}
		free(name);
	}
	return util_xstrdup(base);
}
