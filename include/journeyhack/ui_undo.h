/* ui_undo.h: undo, per terminal, at least 50 levels. */
#ifndef JOURNEYHACK_UI_UNDO_H
#define JOURNEYHACK_UI_UNDO_H

#include <stddef.h>
#include <stdint.h>

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"

struct ui;

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
	int step; /* STEP: the agenda position to go back to */
	/* ADD, SET, VOTE: the item's revision right after this change; undo
	 * refuses when it has moved on (someone else changed or used it). */
	long long rev;
	unsigned group; /* records of one user action share a group */
	char what[128]; /* "delete of idea #3", for the message */
	/* STEP: the timer as it was when the step (id) was left. */
	int timer_running, timer_elapsed;
	int64_t timer_started;
};

void ui_undo_init(struct ui_undo_rec *r, enum ui_undo_op op, enum jh_kind kind, jh_id id,
		  const char *fmt, ...) JH_PRINTF(5, 6);
void ui_undo_assign(struct ui_undo_rec *r, const char *field, const char *value);
void ui_undo_vote(struct ui_undo_rec *r, jh_id participant, int dots);
/* Record a change (the record is taken over and cleared), with the
 * revision the change left its item at. */
void ui_undo_push(struct ui *ui, struct ui_undo_rec *r);
void ui_undo_discard(struct ui_undo_rec *r);
/* Undo the last user action, all its records in one store transaction
 * (all or nothing), with a message. *kind and *id name what came
 * back or changed back (JH_NKINDS, 0: nothing to select); the caller
 * reloads and selects it. */
void ui_undo_last(struct ui *ui, enum jh_kind *kind, jh_id *id);
/* The ids of a comma-separated list as ui_fill writes it ("3,17,4"),
 * of any length, into *ids (allocated, NULL when empty): 0, or -1 (*ids
 * NULL) when an entry is not a positive id. */
int ui_undo_parse_ids(const char *list, jh_id **ids, size_t *n);
/* Changes between begin and end are undone by one u. */
void ui_undo_group_begin(struct ui *ui);
void ui_undo_group_end(struct ui *ui);
void ui_undo_free(struct ui *ui);

#endif
