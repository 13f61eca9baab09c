/* ui_owner.c: one owner per person, however the name was typed. */
#include <string.h>

#include "journeyhack/form.h"
#include "journeyhack/owners.h"
#include "journeyhack/ui_owner.h"
#include "journeyhack/view.h"

int ui_owner_settle(struct ui *ui, struct form *f)
{
	const struct jh_participant *p;
	const char *typed;

	if (f->kind != JH_ACTION || !form_field(f, "owner"))
		return 0;
	typed = form_get(f, "owner");
	p = owners_participant(&ui->d, typed);
	if (!p || !strcmp(p->name, typed))
		return 0;
	form_set(f, "owner", p->name);
	return 1;
}
