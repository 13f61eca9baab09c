/* i18n.h: marking text for translation. _() translates at run time
 * through the program's message catalogue; N_() only marks a string in a
 * static table for extraction, to be passed through _() where it is shown.
 * Never translate what scripts read: --json output, export formats, field
 * names, command names and option names stay as they are. */
#ifndef JOURNEYHACK_I18N_H
#define JOURNEYHACK_I18N_H

#include <libintl.h>

#define _(msgid) gettext(msgid)
#define N_(msgid) (msgid)

#endif
