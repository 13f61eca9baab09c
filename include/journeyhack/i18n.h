/* i18n.h: marking text for translation. _() translates at run time
 * through the program's message catalogue; N_() only marks a string in a
 * static table for extraction, to be passed through _() where it is shown.
 * Never translate what scripts read: --json output, export formats, field
 * names, command names and option names stay as they are. */
#ifndef JOURNEYHACK_I18N_H
#define JOURNEYHACK_I18N_H

/* ENABLE_NLS comes from the build (mk/i18n.am), not config.h, so that
 * every file including this header sees the same setting. */
#ifdef ENABLE_NLS
#include <libintl.h>
#define _(msgid) gettext(msgid)
#else
/* Built without NLS the English text is the text; ngettext keeps its
 * name so that xgettext finds plurals the same way in either build. */
#define _(msgid)	       ((const char *)(msgid))
#define ngettext(one, many, n) ((n) == 1 ? (const char *)(one) : (const char *)(many))
#endif
#define N_(msgid) (msgid)

/* Bind the message catalogue: $JOURNEYHACK_LOCALEDIR when set (an
 * uninstalled build and its tests), else the installed locale folder; and
 * keep numbers in the C format (LC_NUMERIC), which files and scripts
 * expect. Call after setlocale(LC_ALL, ""). */
void i18n_init(void);

#endif
