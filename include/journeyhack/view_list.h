/* view_list.h: one list view for every view that shows rows (tmux's
 * mode-tree, tig's column views). It owns the rows, the selection kept by
 * id across reloads, sort cycling, search, mouse and the list/detail
 * split; a view supplies its rows, their drawing, its detail pane, its
 * sort keys and search fields in a struct view_list_class. */
#ifndef JOURNEYHACK_VIEW_LIST_H
#define JOURNEYHACK_VIEW_LIST_H

#include <stddef.h>

#include "journeyhack/view.h"

/* A row shows an item (an index the view gives meaning to) or, when item
 * is negative, the heading of the rows of `group` below it. */
struct view_list_row {
	long item;
	long group;
};

/* The start of every list view's state (its private_size covers it). */
struct view_list {
	const struct view_list_class *cls;
	struct ui_list l;
	struct view_list_row *rows;
	size_t nrows, cap;
	int sort;     /* index into cls->sorts */
	jh_id sel_id; /* the selection, noted for the next rebuild */
	/* A status change keeps the cursor on its row (1 + the row), not
	 * on the item it moved; 0: follow the item, as usual. */
	size_t hold_row;
	size_t sel_row; /* the row of sel_id when it was noted */
	/* The last sort (by sort prev_sort), the start of the next: the id
	 * of the item at each position of the kind's array then, and the
	 * rank its row had (SIZE_MAX: none). After a change to a few items
	 * the rows start nearly in order and the sort costs about a pass. */
	jh_id *prev_ids;
	size_t *prev_rank;
	size_t nprev;
	int prev_sort;
	int prev_sorted; /* prev_ids ascending, as most kinds load */
	/* "3/12" kept between frames: a move walks from the last row asked
	 * instead of counting every row. Reset by each build. */
	int pos_valid;
	size_t pos_items, pos_row, pos_at; /* items in all, and up to pos_row */
};

/* An ordering; cmp returning 0 (or NULL) falls back to id order. */
struct view_list_sort {
	const char *name; /* "by weight": for the header and the message */
	int (*cmp)(const struct ui *ui, const void *state, const struct view_list_row *a,
		   const struct view_list_row *b);
};

struct view_list_class {
	enum jh_kind kind; /* the kind of the rows' items */
	const struct view_list_sort *sorts;
	int nsorts;	      /* 0: rows stay in the order they were added */
	unsigned grouped;     /* bit per sort: rows get a heading per group */
	int detail_min;	      /* lines the stacked detail pane needs */
	const char *empty;    /* shown when there are no rows (may be NULL) */
	const size_t *search; /* offsets of the item's text fields to search */
	size_t nsearch;
	/* Put the rows in with view_list_add (state: the view's own; NULL:
	 * every item of the kind, in one group). */
	void (*build)(struct ui *ui, void *state);
	/* The model struct behind an item; its first member is its id (NULL:
	 * the item is an index into the kind's array). */
	const void *(*item)(const struct ui *ui, const void *state, long item);
	/* Choose the selection after a reload (NULL: keep sel_id). */
	void (*keep)(struct ui *ui, void *state);
	/* A warning line above the list; 0 when there is none (may be NULL). */
	int (*banner)(const struct ui *ui, char *buf, size_t size);
	void (*header)(const struct ui *ui, const void *state, int w, char *buf, size_t size);
	void (*row)(struct ui *ui, const void *state, const struct view_list_row *rw,
		    const struct ui_rect *line, int selected);
	/* The selected item's details (NULL: no detail pane). */
	void (*detail)(struct ui *ui, void *state, const struct view_list_row *rw,
		       const struct ui_rect *r);
	/* Actions of this view, tried first; 0 when not one (may be NULL). */
	int (*action)(struct ui *ui, void *state, enum ui_action act);
	/* Free what the view's own state holds (may be NULL). */
	void (*free)(void *state);
};

/* The view_ops callbacks of a list view. */
void view_list_rebuild(struct ui *ui);
void view_list_draw(struct ui *ui, const struct ui_rect *r);
int view_list_action(struct ui *ui, enum ui_action act, const struct ui_rect *r);
int view_list_selected(struct ui *ui, enum jh_kind *kind, jh_id *id);
int view_list_search(struct ui *ui, const char *needle, int dir);
void view_list_click(struct ui *ui, const struct ui_rect *r, int y, int x);
void view_list_focus(struct ui *ui, enum jh_kind kind, jh_id id);
/* focus for lists whose items move when edited (the parking lot, open
 * first): after an edit of the item under the cursor, the cursor stays
 * on its row; any other item is followed as by view_list_focus. */
void view_list_focus_row(struct ui *ui, enum jh_kind kind, jh_id id);
void view_list_cleanup(void *state);

#define VIEW_LIST_OPS                                                                              \
	.rebuild = view_list_rebuild, .draw = view_list_draw, .action = view_list_action,          \
	.selected = view_list_selected, .search = view_list_search, .click = view_list_click,      \
	.cleanup = view_list_cleanup

/* The search fields of a class, from an array of offsets. */
#define VIEW_LIST_SEARCH(fields) .search = (fields), .nsearch = sizeof(fields) / sizeof *(fields)

/* For build: one more row. */
void view_list_add(struct view_list *vl, long item, long group);
/* The selected row, NULL when there are none. */
const struct view_list_row *view_list_current(const struct view_list *vl);
/* The id of the selected item, 0 when none (or a heading). */
jh_id view_list_selected_id(const struct ui *ui, const struct view_list *vl);
/* Select the row of the item with this id, when there is one. */
void view_list_select_id(const struct ui *ui, struct view_list *vl, jh_id id);
const char *view_list_sort_name(const struct view_list *vl);
/* For banner: "n nouns hidden" to the facilitator; 0 when none are. noun
 * comes in the form for n already (ngettext), since plurals differ by language. */
int view_list_hidden(const struct ui *ui, size_t n, const char *noun, char *buf, size_t size);

#endif
