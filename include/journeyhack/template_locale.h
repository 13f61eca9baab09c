/* template_locale.h: which translation of a bundled template a new
 * workshop gets when the user names none. */
#ifndef JOURNEYHACK_TEMPLATE_LOCALE_H
#define JOURNEYHACK_TEMPLATE_LOCALE_H

#include <stddef.h>

/* The languages the user asked for, in order of preference, as gettext
 * reads them: the entries of $LANGUAGE, then the language of the first
 * non-empty of $LC_ALL, $LC_MESSAGES and $LANG. As in glibc's gettext,
 * none when that locale is unset, C or POSIX; C.UTF-8 names no language
 * but lets $LANGUAGE count.
 * Each entry is cut to its language code ("sv_SE.UTF-8" gives "sv"), and
 * "no" is read as "nb", the Bokmål that glibc's "no_NO" names. Writes at
 * most max codes of up to 8 letters into langs and returns how many. */
size_t template_locale_languages(char langs[][9], size_t max);

/* The template a new workshop gets when none is named: base-LL for the
 * first language LL above whose translation is on the template path,
 * base itself when English comes first or no translation is found.
 * Caller frees. */
char *template_locale_default(const char *base);

#endif
