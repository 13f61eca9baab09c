/* ui_export.h: the export dialog. */
#ifndef JOURNEYHACK_UI_EXPORT_H
#define JOURNEYHACK_UI_EXPORT_H

struct ui;

int ui_export(struct ui *ui);

#endif
