/* view.c: the table of views, in tab order. It only names them, so every
 * layer of the UI may look a view up without depending on the loop. */
#include <string.h>

#include "journeyhack/view.h"

static const struct view_ops *const views[UI_NVIEWS] = {
    &view_agenda_ops, &view_journeys_ops, &view_painpoints_ops, &view_backlog_ops,
    &view_matrix_ops, &view_actions_ops,  &view_parking_ops,
};

const struct view_ops *view_get(enum ui_view_id v)
{
	return (int)v >= 0 && v < UI_NVIEWS ? views[v] : NULL;
}

int view_find(const char *name)
{
	for (int i = 0; i < UI_NVIEWS; i++)
		if (name && !strcmp(name, views[i]->name))
			return i;
	return -1;
}
