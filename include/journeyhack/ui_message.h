/* ui_message.h: the message line at the bottom of the screen. */
#ifndef JOURNEYHACK_UI_MESSAGE_H
#define JOURNEYHACK_UI_MESSAGE_H

#include "journeyhack/err.h"

struct ui;

/* Say something on the message line until the next key. */
void ui_message(struct ui *ui, int error, const char *fmt, ...) JH_PRINTF(3, 4);
/* Draw the message line (the key hint when there is no message). */
void ui_message_draw(struct ui *ui);

#endif
