/* ui_signin.h: who this terminal is, kept across reloads: told when the
 * participant signed in here is removed elsewhere, held to the workshop's
 * rights for every change, and shown on the status line with who leads. */
#ifndef JOURNEYHACK_UI_SIGNIN_H
#define JOURNEYHACK_UI_SIGNIN_H

#include <stddef.h>

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"

struct ui;

/* After a reload settled ui->me (session_viewer_settle): remember the
 * name signed in; `removed` (me was removed elsewhere) marks the terminal
 * signed out and says so on the message line. */
void ui_signin_settled(struct ui *ui, int removed);

/* Sign this terminal in as participant id (0: nobody): the explicit act
 * that ends a removal. */
void ui_signin_as(struct ui *ui, jh_id id);

/* 0 when the change may be written from this terminal, else -1 with why
 * in err: a terminal whose participant was removed writes nothing, and
 * the workshop's rights (session_change_check) hold for the rest. The
 * change is kind, item id (add: 0) and "field=value" assignments. */
int ui_signin_check(struct ui *ui, enum jh_kind kind, jh_id id, int add, char *const *assigns,
		    size_t n, struct jh_err *err);

/* The status line's account of this terminal: who is here (or that they
 * were removed), for whom they type, their dots, and who leads. */
void ui_signin_status(const struct ui *ui, char *buf, size_t size);

#endif
