/* view.h: what the views need from the core UI, and the views.
 *
 * Layers, as in tmux: the model (struct jh_data, loaded by the store) ->
 * the views, which turn it into rows and draw only the rows on screen ->
 * ui.c, the event loop. A view is a `struct view_ops` table (tig's
 * pattern); every key is an action from keys.def (ui_keys.h); handlers
 * return UI_* flags that the loop acts on (htop's pattern). Only UI
 * modules include this header, since it pulls in curses. */
#ifndef JOURNEYHACK_VIEW_H
#define JOURNEYHACK_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"
#include "journeyhack/model.h"
#include "journeyhack/samefile.h"
#include "journeyhack/ui_draw.h"
#include "journeyhack/ui_edit.h"
#include "journeyhack/analysis_inc.h"
#include "journeyhack/model_patch.h"
#include "journeyhack/ui_index.h"
#include "journeyhack/ui_keys.h"
#include "journeyhack/ui_message.h"
#include "journeyhack/ui_undo.h"

struct jh_store;

enum ui_view_id {
#define VIEW(id, name, title, tab) UI_VIEW_##id,
#include "journeyhack/views.def"
#undef VIEW
	UI_NVIEWS
};

/* Flags returned by handlers; the event loop acts on them. */
enum {
	UI_HANDLED = 1 << 0,
	UI_RELOAD = 1 << 1, /* the data changed here: reload and rebuild */
	UI_QUIT = 1 << 2
};

struct ui_undo; /* ui_undo.c */
struct replay_event;

struct ui {
	struct jh_store *st;
	jh_id wid;
	struct jh_data d;
	struct ui_index ix;
	int64_t data_version;
	unsigned long generation; /* counts reloads: keys for views' caches */
	enum ui_view_id view;
	jh_id me;	 /* the participant at this terminal; 0: none chosen */
	jh_id acting;	 /* whose items and votes are entered (me, or someone in the room) */
	int facilitator; /* me may run the agenda (or nobody is facilitator) */
	/* The participant at this terminal was removed elsewhere: nothing is
	 * written until someone signs in again (p); me_name keeps who it was. */
	int removed;
	char me_name[128];
	int stay;      /* do not follow the room's step to its view (f toggles) */
	int follow_to; /* 1 + the view to follow the room to, once back in the loop */
	int readonly;
	/* The database file as opened; non-empty db_lost: it was deleted or
	 * replaced since, so changes would go nowhere (ui_apply_db_gone). */
	struct samefile_id db_id;
	char db_lost[384];
	int utf8;   /* the locale's codeset is UTF-8 */
	int scheme; /* colour scheme in use */
	/* The configured export folder, or NULL. */
	const char *export_folder;
	char msg[512];
	int msg_error;
	char search[256];
	int quit;
	int too_small;
	int rows, cols;
	/* replay */
	int replay;
	const struct replay_event *events;
	size_t nevents, next_event;
	const char *dump_path;
	int dumped, dump_failed;
	struct jh_err dump_err;
	/* mouse: the last event */
	int mouse_y, mouse_x, mouse_button; /* 1 press, 4 wheel up, 5 wheel down */
	struct ui_undo *undo;
	int64_t last_poll_ms;
	int64_t last_tick;
	/* Called by ui_term_key() between keys: look for other processes'
	 * changes; 1 when the data was reloaded. Set by the loop above, so
	 * the terminal layer never calls up into the views. */
	int (*poll)(struct ui *ui);
	/* The pain point or idea duplicates merge into (ui_merge.c); 0: none. */
	enum jh_kind merge_kind;
	jh_id merge_mark;
	int presenter;	 /* the projector view is on (ui_presenter.c) */
	int focus_stay;	 /* do not jump to the facilitator's focus (ui_focus.c) */
	int focus_shown; /* 1 + the kind, and the id, of the focus last followed */
	jh_id focus_shown_id;
	/* d holds only the head (store_load_head): the rest is read before
	 * anything that needs it (ui.c). */
	int partial;
	/* The backlog's figures kept up to date per change (analysis_inc.h),
	 * valid while inc_ok: built on the backlog's first use after a load,
	 * then followed through what each refresh changed. */
	struct analysis_inc inc;
	int inc_ok;
	struct model_changes changes; /* what the last refresh changed */
};

struct view_list_class; /* view_list.h */

/* A view's behaviour (tig's pattern). The callbacks act on the view on
 * screen (ui->view) and reach its state through view_private(). */
struct view_ops {
	enum jh_kind kind;   /* what `a` adds; JH_NKINDS: nothing */
	size_t private_size; /* bytes of per-view state, zeroed on first use */
	/* List views: what view_list needs to run them; NULL for the others. */
	const struct view_list_class *list;
	/* The data was (re)loaded: rebuild rows, keep the selection by id. */
	void (*rebuild)(struct ui *ui);
	void (*draw)(struct ui *ui, const struct ui_rect *r);
	/* An action the loop did not handle; returns UI_* flags, 0 if unknown. */
	int (*action)(struct ui *ui, enum ui_action act, const struct ui_rect *r);
	/* The item under the cursor: 0 and kind/id, or -1 when none. */
	int (*selected)(struct ui *ui, enum jh_kind *kind, jh_id *id);
	/* Move to the next (dir 1) or previous (-1) row matching needle; 0 if found. */
	int (*search)(struct ui *ui, const char *needle, int dir);
	/* Mouse press at screen (y, x) within r: select what is there. */
	void (*click)(struct ui *ui, const struct ui_rect *r, int y, int x);
	/* Fill assignments ("field=value") that preset a new item here. */
	size_t (*presets)(struct ui *ui, enum jh_kind kind, char (*buf)[128], size_t max);
	/* Select an item by id after it was added or changed (may be NULL). */
	void (*focus)(struct ui *ui, enum jh_kind kind, jh_id id);
	/* Free what the state points to (the state itself is freed after). */
	void (*cleanup)(void *private);
};

/* A view as views.def declares it. */
struct view {
	const char *name;  /* as in an agenda step's view: "painpoints" */
	const char *title; /* "Pain points" */
	const char *tab;   /* short tab label: "Pain" */
	const struct view_ops *ops;
};

#define VIEW(id, name, title, tab) extern const struct view_ops view_##name##_ops;
#include "journeyhack/views.def"
#undef VIEW

/* ---- view.c: the views table ---- */
const struct view *view_get(enum ui_view_id v);
/* A view by its name in a step ("painpoints"); -1 when unknown. */
int view_find(const char *name);
/* The state of the view on screen: ops->private_size bytes, zeroed when
 * first asked for, kept until view_free_all(). */
void *view_private(const struct ui *ui);
void view_free_all(void);

/* ---- ui_list.c: a selection over n rows ---- */
struct ui_list {
	size_t n, sel, top;
};
/* Apply a movement action; returns UI_HANDLED when it was one. */
int ui_list_action(struct ui_list *l, enum ui_action act, int page);
/* Keep sel in [0, n) and visible in a window of `height` rows. */
void ui_list_clamp(struct ui_list *l, int height);
/* Search rows from the selection; match(i) says whether row i matches. */
int ui_list_search(struct ui_list *l, int dir, int (*match)(struct ui *, size_t, const char *),
		   struct ui *ui, const char *needle);
/* Select the row at screen line y; 1 when a row was hit. */
int ui_list_click(struct ui_list *l, const struct ui_rect *r, int has_header, int y);
/* Split a view's area into a list of `rows` rows (plus a header) and a
 * detail pane: side by side when wide, stacked when not; detail h or w is
 * 0 when there is no room. */
void ui_split(const struct ui_rect *r, int detail_min, size_t rows, struct ui_rect *list,
	      struct ui_rect *detail);

#endif
