/* ui_roundbar.c: what the status line says of voting rounds and ready
 * markers. Apart from ui_rounds.c, which asks through dialogs: the frame
 * draws this, and the dialogs draw the frame. */
#include <stdio.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/rounds.h"
#include "journeyhack/ui_draw.h"
#include "journeyhack/ui_roundbar.h"
#include "journeyhack/view.h"

void ui_roundbar_text(const struct ui *ui, char *buf, size_t size)
{
	const struct jh_round *r = rounds_open(&ui->d);
	size_t len = 0, of, n;

	buf[0] = '\0';
	if (r && ui->acting) {
		struct rounds_progress p;
		rounds_progress(&ui->d, r, ui->acting, &p);
		len += (size_t)snprintf(buf, size, _("Round %d open: %d of %d dots left "),
					p.number, p.left, p.dots);
	} else if (r)
		len += (size_t)snprintf(buf, size, _("Round %d open "), r->number);
	if (len >= size)
		return;
	if (len)
		len += (size_t)snprintf(buf + len, size - len, "%s ", ui_glyph(ui, UI_G_SEP));
	if (len >= size)
		return;
	n = rounds_ready_count(&ui->d, &of);
	if (ui->facilitator && n)
		snprintf(buf + len, size - len, _("%zu of %zu ready "), n, of);
	else if (ui->me && rounds_is_ready(&ui->d, ui->me))
		snprintf(buf + len, size - len, "%s", _("ready "));
	else if (len >= strlen(ui_glyph(ui, UI_G_SEP)) + 1)
		buf[len - strlen(ui_glyph(ui, UI_G_SEP)) - 1] = '\0';
}
