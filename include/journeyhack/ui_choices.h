/* ui_choices.h: what a form's choice fields offer, from the loaded
 * workshop. */
#ifndef JOURNEYHACK_UI_CHOICES_H
#define JOURNEYHACK_UI_CHOICES_H

#include <stddef.h>

struct form;

/* A form's `changed` hook (ctx: the struct ui): refresh the choices that
 * depend on the workshop and on other fields; field == form->n: all. */
void ui_choices_refresh(struct form *f, size_t field, void *ctx);

#endif
