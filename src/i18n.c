/* i18n.c: binding the message catalogue for the locale the user chose. */
#include <stdlib.h>

#include "journeyhack/i18n.h"

#ifndef JH_LOCALEDIR
#define JH_LOCALEDIR "/usr/local/share/locale"
#endif

void i18n_init(void)
{
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
