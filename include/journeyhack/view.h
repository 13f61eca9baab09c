/* view.h: the interactive UI's shared state, its views and drawing aids.
 *
 * Layers, as in tmux: the model (struct jh_data, loaded by the store) ->
 * the views, which turn it into rows and draw only the rows on screen ->
 * ui.c, the one place that owns the terminal, the event loop and resizes.
 * A view is a `struct view_ops` table (tig's pattern); every key is an
 * action from keys.def; handlers return UI_* flags that the loop acts on
 * (htop's pattern). Only UI modules include this header, since it pulls in
 * curses. */
#ifndef JOURNEYHACK_VIEW_H
#define JOURNEYHACK_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"
#include "journeyhack/model.h"

struct jh_store;

enum ui_view_id {
#define VIEW(id, name, title, tab) UI_VIEW_##id,
#include "journeyhack/views.def"
#undef VIEW
	UI_NVIEWS
};

/* Where an action applies: views, forms, pick lists and dialogs. */
#define UI_IN(v)       (1u << (v))
#define UI_IN_VIEWS    ((1u << UI_NVIEWS) - 1)
#define UI_IN_EDITABLE (UI_IN_VIEWS & ~UI_IN(UI_VIEW_AGENDA))
#define UI_IN_FORM     (1u << 16)
#define UI_IN_LIST     (1u << 17)

/* Key codes: characters are their code point; curses function keys are
 * moved above Unicode so they never collide with a typed character. */
#define UI_FKEY(k)   (0x200000 | (k))
#define UI_CTRL(c)   ((c)&0x1f)
#define UI_KEY_ESC   27
#define UI_KEY_ENTER '\r'
#define UI_KEY_NONE  (-1) /* nothing pressed: redraw (timer, reload, resize) */
#define UI_KEY_EOF   (-2) /* replay keys ran out, or a signal asked to quit */
#define UI_KEY_MOUSE (-3) /* a mouse event waits in ui->mouse_* */

enum ui_action {
#define UI_ACTION(id, name, help, where, ...) UI_ACT_##id,
/* keys.def lives with the sources (it is data, not interface); this path
 * is relative to this header so no extra include flag is needed. */
#include "../../src/keys.def"
#undef UI_ACTION
	UI_NACTIONS
};

struct ui_action_info {
	enum ui_action act;
	const char *name;
	const char *help;
	unsigned where;
	const int *keys; /* 0-terminated */
};

/* The action bound to key in context `where` (one UI_IN bit), or -1. */
int ui_key_action(int key, unsigned where);
const struct ui_action_info *ui_action_info(enum ui_action act);
/* Human name of a key: "j", "Down", "C-l", "Tab", "Space". */
void ui_key_name(int key, char *buf, size_t size);
/* "j Down": the keys of an action. */
void ui_action_keys(enum ui_action act, char *buf, size_t size);

/* Flags returned by handlers; the event loop acts on them. */
enum {
	UI_HANDLED = 1 << 0,
	UI_RELOAD = 1 << 1, /* the data changed here: reload and rebuild */
	UI_QUIT = 1 << 2
};

/* Colours by meaning; ui_attr() maps them to the active scheme. */
enum ui_color {
	UI_C_NORMAL,
	UI_C_TITLE,    /* top bar */
	UI_C_TAB,      /* the current view's tab */
	UI_C_STATUS,   /* status bar */
	UI_C_SELECTED, /* cursor row */
	UI_C_HEADER,   /* group and column headers */
	UI_C_DIM,      /* secondary text */
	UI_C_NEGATIVE, /* below expectations */
	UI_C_NEUTRAL,
	UI_C_POSITIVE, /* above expectations */
	UI_C_ALARM,    /* capital not positive, weakest link */
	UI_C_OVERDUE,
	UI_C_WARNING, /* time up, missing owner */
	UI_C_ERROR,   /* message line errors */
	UI_C_CURRENT, /* current agenda step */
	UI_C_BORDER,
	UI_C_MARK, /* search match, marked entries */
	UI_NCOLORS
};

/* Symbols that carry meaning next to colour; ASCII when not UTF-8. */
enum ui_glyph {
	UI_G_HLINE,
	UI_G_VLINE,
	UI_G_TL,
	UI_G_TR,
	UI_G_BL,
	UI_G_BR,
	UI_G_UP,    /* positive */
	UI_G_DOWN,  /* negative */
	UI_G_DOT,   /* neutral, a dot given */
	UI_G_EMPTY, /* a dot not given */
	UI_G_STAR,  /* weakest link */
	UI_G_PLAY,  /* timer running, current step */
	UI_G_PAUSE,
	UI_G_LOCK,  /* private writing */
	UI_G_ARROW, /* path separator */
	UI_G_SEP,   /* separator in bars */
	UI_NGLYPHS
};

struct ui_rect {
	int y, x, h, w;
};

/* Sorted id -> array index map for lookups that stay O(log n) with
 * 100 000 items (model.h's lookups are linear). */
struct ui_idmap {
	jh_id *ids;
	size_t *idx;
	size_t n;
};

/* Derived facts about the loaded data, rebuilt on every reload. */
struct ui_index {
	struct ui_idmap participants, journeys, stages, touchpoints, painpoints, ideas;
	int *idea_votes;	    /* per d->ideas[i]: all dots */
	int *idea_my_votes;	    /* per d->ideas[i]: dots of ui->acting */
	unsigned char *pain_hidden; /* per d->painpoints[i]: private, not ours */
	unsigned char *idea_hidden; /* per d->ideas[i] */
	size_t hidden_pain, hidden_ideas;
	int my_dots;	  /* dots ui->acting has spent */
	int votes_hidden; /* current step private and unrevealed */
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
	int readonly;
	int utf8;   /* the locale's codeset is UTF-8 */
	int scheme; /* colour scheme in use */
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

/* ---- ui_draw.c: drawing that clips to the screen and measures by width ---- */
attr_t ui_attr(const struct ui *ui, enum ui_color c);
const char *ui_glyph(const struct ui *ui, enum ui_glyph g);
void ui_colors_init(struct ui *ui);
/* Draw s at (y, x) in at most w columns (ellipsis when cut, pad to w
 * when pad). Returns the columns used. Never draws outside the screen. */
int ui_text(int y, int x, int w, const char *s, attr_t a, int pad);
int ui_textf(int y, int x, int w, attr_t a, int pad, const char *fmt, ...) JH_PRINTF(6, 7);
void ui_fill(int y, int x, int w, attr_t a);
void ui_hline(const struct ui *ui, int y, int x, int w, attr_t a);
void ui_box(const struct ui *ui, const struct ui_rect *r, const char *title, attr_t a);
/* Wrap text (newlines kept) into r starting `skip` lines down; returns
 * the number of lines the text needs in r's width. */
int ui_wrap(const struct ui_rect *r, int skip, const char *text, attr_t a);
/* A list header: `left` fitted into the columns before `at`, then the
 * column labels (drawn over the row's right-hand columns). */
void ui_columns(char *buf, size_t size, int w, const char *left, int at, const char *labels);
/* Score "-2".."+2" with its symbol, e.g. "-2 ▼▼". */
void ui_score_text(const struct ui *ui, int score, char *buf, size_t size);
enum ui_color ui_score_color(int score);
/* n of max dots as glyphs: "●●○○○" (at most `cols` columns). */
void ui_dots(const struct ui *ui, int n, int max, char *buf, size_t size);
/* Case-insensitive (Unicode lower case) substring test. */
int ui_match(const char *hay, const char *needle);

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

/* ---- ui_index.c ---- */
void ui_index_build(struct ui *ui);
void ui_index_free(struct ui_index *ix);
/* Index into the data array of the item with this id, or -1. */
long ui_find(const struct ui_idmap *m, jh_id id);
const struct jh_participant *ui_participant(const struct ui *ui, jh_id id);
const struct jh_touchpoint *ui_touchpoint(const struct ui *ui, jh_id id);
const struct jh_stage *ui_stage(const struct ui *ui, jh_id id);
const struct jh_journey *ui_journey(const struct ui *ui, jh_id id);
const struct jh_painpoint *ui_painpoint(const struct ui *ui, jh_id id);
const struct jh_idea *ui_idea(const struct ui *ui, jh_id id);
const struct jh_step *ui_current_step(const struct ui *ui);
/* Name of a participant, "" when none. */
const char *ui_name(const struct ui *ui, jh_id participant);

/* ---- ui.c, ui_bars.c, ui_actions.c ---- */
/* Show view v (rebuilding it first if the data changed since). */
void ui_switch_view(struct ui *ui, int v);
/* Handle one key (or UI_KEY_MOUSE) in the main loop. */
void ui_handle_key(struct ui *ui, int key);
/* The view whose tab is at column x of the title bar, or -1. */
int ui_tab_at(int x);
void ui_message(struct ui *ui, int error, const char *fmt, ...) JH_PRINTF(3, 4);
/* Next key (UI_KEY_NONE on a tick, reload or resize; UI_KEY_EOF to stop). */
int ui_getkey(struct ui *ui);
/* Draw the base screen: bars and the current view. */
void ui_draw(struct ui *ui);
void ui_refresh(struct ui *ui);
/* The rectangle the current view draws in. */
void ui_view_rect(const struct ui *ui, struct ui_rect *r);
int ui_reload(struct ui *ui);
/* Seconds left on the current step's timer (negative: over time). */
long ui_timer_left(const struct ui *ui, int64_t now);
int64_t ui_now(void);

/* ---- ui_dialog.c: modal overlays ---- */
int ui_confirm(struct ui *ui, const char *question);
/* One-line prompt on the message line; 1 with buf filled, 0 cancelled. */
int ui_prompt(struct ui *ui, const char *label, char *buf, size_t size);
struct ui_pick_item {
	char *label;
	int marked;
};
/* Choose from items (multi: Space marks several). Returns the index
 * chosen, or -1 when cancelled. */
long ui_pick(struct ui *ui, const char *title, struct ui_pick_item *items, size_t n, size_t start,
	     int multi);
void ui_help(struct ui *ui);

/* ---- ui_undo.c: per terminal, at least 50 levels ---- */
enum ui_undo_op { UI_UNDO_ADD, UI_UNDO_SET, UI_UNDO_DELETE, UI_UNDO_VOTE, UI_UNDO_STEP };

/* What it takes to reverse one change. */
struct ui_undo_rec {
	enum ui_undo_op op;
	enum jh_kind kind;
	jh_id id;
	char **assigns; /* SET, DELETE: "field=value" that put the item back */
	size_t nassigns;
	jh_id *voters; /* DELETE of an idea: its votes; VOTE: who voted */
	int *dots;
	size_t nvotes;
	int step;	/* STEP: the agenda position to go back to */
	unsigned group; /* records of one user action share a group */
	char what[128]; /* "delete of idea #3", for the message */
};

void ui_undo_init(struct ui_undo_rec *r, enum ui_undo_op op, enum jh_kind kind, jh_id id,
		  const char *fmt, ...) JH_PRINTF(5, 6);
void ui_undo_assign(struct ui_undo_rec *r, const char *field, const char *value);
void ui_undo_vote(struct ui_undo_rec *r, jh_id participant, int dots);
/* Record a change (the record is taken over and cleared). */
void ui_undo_push(struct ui *ui, struct ui_undo_rec *r);
void ui_undo_discard(struct ui_undo_rec *r);
/* Apply "field=value" assignments through items_parse: a set of item id
 * (add 0), or an add, under want_id when not 0. */
int ui_apply(struct ui *ui, enum jh_kind kind, jh_id id, int add, jh_id want_id,
	     char *const *assigns, size_t n, jh_id *new_id, struct jh_err *err);

/* ---- ui_fill.c, ui_choices.c: forms from the loaded workshop ---- */
struct form;
/* An item's current values into form (-1 when it is gone). */
int ui_fill_form(const struct ui *ui, struct form *f, enum jh_kind kind, jh_id id);
/* A form's `changed` hook: refresh the choices that depend on the
 * workshop and on other fields; field == form->n: all of them. */
void ui_form_choices(struct form *f, size_t field, void *ctx);

/* ---- ui_edit.c: changes through the core, with undo ---- */
int ui_add(struct ui *ui, enum jh_kind kind);
/* Add through a form; *out is the new id, 0 when cancelled. */
int ui_add_item(struct ui *ui, enum jh_kind kind, jh_id *out);
/* Reload after a change, keep its message, and select the item. */
void ui_after_change(struct ui *ui, enum jh_kind kind, jh_id id);
int ui_edit(struct ui *ui, enum jh_kind kind, jh_id id);
int ui_delete(struct ui *ui, enum jh_kind kind, jh_id id);
/* Set some fields of an item ("field=value" each) as one undoable change. */
int ui_set_fields(struct ui *ui, enum jh_kind kind, jh_id id, const char *const *assigns, size_t n,
		  const char *what);
int ui_vote(struct ui *ui, jh_id idea, int dots);
int ui_step(struct ui *ui, int position);
int ui_undo_last(struct ui *ui);
/* Changes between begin and end are undone by one u. */
void ui_undo_group_begin(struct ui *ui);
void ui_undo_group_end(struct ui *ui);
void ui_undo_free(struct ui *ui);
int ui_choose_participant(struct ui *ui);
int ui_export(struct ui *ui);
/* Facilitator rights, with a message when missing. */
int ui_need_facilitator(struct ui *ui, const char *what);

#endif
