/* i18n.c: binding the message catalogue for the locale the user chose. */
#include <locale.h>
#include <stdlib.h>

#include "journeyhack/i18n.h"

#ifndef JH_LOCALEDIR
#define JH_LOCALEDIR "/usr/local/share/locale"
#endif

void i18n_init(void)
{
	/* Numbers keep the C format whatever the language: exports are read
	 * by programs, and a Swedish or Norwegian decimal comma turned JSON's
	 * 27.0000 into the invalid 27,0000. */
	setlocale(LC_NUMERIC, "C");
#ifdef ENABLE_NLS
	const char *dir = getenv("JOURNEYHACK_LOCALEDIR");

	/* An uninstalled build (and its tests) points here at the catalogues
	 * it built, since the installed ones may be missing or older. */
	if (!dir || !*dir)
		dir = JH_LOCALEDIR;
	bindtextdomain("journeyhack", dir);
	/* Item text and the terminal are UTF-8 whatever the locale's charset,
	 * so translations are too (main.c measures text as UTF-8). */
	bind_textdomain_codeset("journeyhack", "UTF-8");
	textdomain("journeyhack");
#endif
}
