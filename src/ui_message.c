/* ui_message.c: the message line: what the last key did or why it could
 * not, else a hint of the commonest keys. */
#include <stdarg.h>
#include <stdio.h>

#include "journeyhack/i18n.h"
#include "journeyhack/ui_message.h"
#include "journeyhack/view.h"

void ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
}

void ui_message_draw(struct ui *ui)
{
	int y = LINES - 1;

	ui_fill(y, 0, COLS, A_NORMAL);
	if (ui->msg[0])
		ui_text(y, 0, COLS, ui->msg, ui->msg_error ? ui_attr(ui, UI_C_ERROR) : A_NORMAL, 0);
	else
		/* TRANSLATORS: the bottom line at 80 columns; keep it under 80. */
		ui_textf(y, 0, COLS, ui_attr(ui, UI_C_DIM), 0,
			 _("%s help  %s add  %s edit  %s delete  %s undo  %s search  %s quit"),
			 ui_keys_first(UI_ACT_HELP), ui_keys_first(UI_ACT_ADD),
			 ui_keys_first(UI_ACT_EDIT), ui_keys_first(UI_ACT_DELETE),
			 ui_keys_first(UI_ACT_UNDO), ui_keys_first(UI_ACT_SEARCH),
			 ui_keys_first(UI_ACT_QUIT));
}
