/* form.h: add and edit forms generated from the field tables (kinds.h).
 *
 * A form holds one text value per field of a kind. What the user may type
 * and what is refused is decided by items.c, the same code the command
 * line uses, so the UI accepts exactly what the CLI accepts. */
#ifndef JOURNEYHACK_FORM_H
#define JOURNEYHACK_FORM_H

#include <stddef.h>

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"
#include "journeyhack/model.h"
#include "journeyhack/ui_line.h"

struct ui;

enum form_mode {
	FORM_TEXT,    /* one line, typed */
	FORM_LONG,    /* typed on one line, or in $EDITOR */
	FORM_CHOICE,  /* one of a list: Left/Right cycle, C-t lists */
	FORM_SUGGEST, /* typed, or one of suggestions: Left/Right cycle */
	FORM_IDLIST   /* comma-separated ids, typed or marked in a list */
};

struct form_choice {
	char *value; /* what items_parse gets: "12", "open" */
	char *label; /* what the user sees: "Receive invoice" */
};

struct form_field {
	const struct jh_field_def *def;
	enum form_mode mode;
	int hidden;	     /* carried (author, position) but not shown */
	struct ui_line line; /* the value, as typed */
	char *orig;	     /* value when the form opened */
	struct form_choice *choices;
	size_t nchoices;
	char error[1024]; /* why the value is refused, "" when fine */
};

struct form {
	char title[128];
	enum jh_kind kind;
	jh_id id; /* 0: a new item */
	/* The revision the item was at when the form was filled: saving
	 * over a later one is a conflict (store.h). 0: not checked. */
	long long base_rev;
	struct form_field *f;
	size_t n, cur;
	char error[1024]; /* from saving */
	void *ctx;
	/* A choice changed: refresh the choices of the others (stages of
	 * the journey chosen). May be NULL. */
	void (*changed)(struct form *form, size_t field, void *ctx);
	/* Save: 0, or -1 with err (the form stays open and shows it). */
	int (*save)(struct form *form, void *ctx, struct jh_err *err);
	/* What was typed on a choice field: the prefix that picks the
	 * choice ("-1"), and when its last key came (ms, monotonic). */
	char typed[64];
	size_t typed_field;
	long long typed_ms;
	/* The draft: where it is kept, whether the form differs from what
	 * is saved as draft, when it was last saved (ms), and a draft from
	 * an earlier session offered back (C-r restores, C-d discards). */
	int drafts;	  /* 0: no drafts (read-only, no store) */
	jh_id draft_item; /* the item the draft is of: id at opening */
	int draft_dirty;
	long long draft_ms;
	int draft_offered;
	/* Set by a save that kept someone else's version: the form closes
	 * and what was typed stays as its draft, offered back next time. */
	int keep_draft;
	long long draft_saved; /* epoch seconds of the offered draft */
};

/* Every field of kind, values empty (for_add: the field defaults), with
 * author and position hidden and stages shown only for a new journey. */
void form_init(struct form *form, enum jh_kind kind, jh_id id, int for_add);
void form_free(struct form *form);
struct form_field *form_field(struct form *form, const char *name);
const char *form_get(const struct form *form, const char *name);
void form_set(struct form *form, const char *name, const char *value);
/* Mark the current values as the originals (what "changed" compares to). */
void form_mark_orig(struct form *form);
/* Replace a field's choices (copied). */
void form_set_choices(struct form_field *ff, const struct form_choice *c, size_t n);
/* Validate every shown field (items_check_value); index of the first
 * invalid field, or -1 when all are valid. Fills each field's error. */
long form_validate(struct form *form);
/* Run the form; 1 when saved, 0 when cancelled. */
int form_run(struct ui *ui, struct form *form);

#endif
