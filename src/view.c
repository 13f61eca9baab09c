/* view.c: the views table, expanded from views.def, and each view's
 * state, allocated on first use (tig's private_size) so the views keep
 * nothing in file statics. */
#include <stdlib.h>
#include <string.h>

#include "journeyhack/util.h"
#include "journeyhack/view.h"

static const struct view views[UI_NVIEWS] = {
#define VIEW(id, name_, title_, tab_) [UI_VIEW_##id] = {#name_, title_, tab_, &view_##name_##_ops},
#include "journeyhack/views.def"
#undef VIEW
};

static void *privates[UI_NVIEWS];

const struct view *view_get(enum ui_view_id v)
{
	return (int)v >= 0 && v < UI_NVIEWS ? &views[v] : NULL;
}

int view_find(const char *name)
{
	for (int i = 0; i < UI_NVIEWS; i++)
		if (name && !strcmp(name, views[i].name))
			return i;
	return -1;
}

void *view_private(const struct ui *ui)
{
	enum ui_view_id v = ui->view;
	size_t size = views[v].ops->private_size;

	if (!privates[v])
		privates[v] = util_xcalloc(1, size ? size : 1);
	return privates[v];
}

void view_free_all(void)
{
	for (int i = 0; i < UI_NVIEWS; i++) {
		if (!privates[i])
			continue;
		if (views[i].ops->cleanup)
			views[i].ops->cleanup(privates[i]);
		free(privates[i]);
		privates[i] = NULL;
	}
}
