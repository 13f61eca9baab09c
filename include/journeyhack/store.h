/* store.h: the workshop database.
 *
 * The interface carries no engine types: the embedded SQLite store lives in
 * store.c, the only file that includes sqlite3.h, and another engine could
 * stand behind the same functions. Every function that changes data runs
 * as one transaction that is durable when it returns. */
#ifndef JOURNEYHACK_STORE_H
#define JOURNEYHACK_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"
#include "journeyhack/model.h"
#include "journeyhack/template.h"

struct jh_store;

/* The schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 10

enum {
	STORE_READONLY = 1 << 0, /* open for viewing only */
	STORE_NOCREATE = 1 << 1	 /* fail if the file does not exist */
};

/* Open (creating with mode 0600 and missing directories) and migrate.
 * Refuses, untouched, a file that is not a journeyhack database, was
 * written by a newer version, holds tables, indexes, columns, triggers or
 * views the migrations did not create, or a workshop setting, timer or
 * agenda value out of range; nothing stored in a file ever runs. Item
 * values are checked as store_load reads them. When the file cannot be
 * written the store opens read-only and store_readonly() says so. */
int store_open(struct jh_store **out, const char *path, int flags, struct jh_err *err);
void store_close(struct jh_store *st);
const char *store_path(const struct jh_store *st);
int store_readonly(const struct jh_store *st);
/* Why a read-only store cannot be written ("Permission denied", "opened
 * for viewing", ...); "" when it can. */
const char *store_readonly_reason(const struct jh_store *st);

/* Changes a counter whenever any process commits to the file; compare
 * two readings to know whether to reload. -1 on error. */
int64_t store_data_version(struct jh_store *st);

/* ---- workshops ---- */

/* Create a workshop from a template (agenda, stages, channels, prompts,
 * starter journeys) in one transaction. */
int store_workshop_create(struct jh_store *st, const char *name, const struct jh_template *tpl,
			  jh_id *id_out, struct jh_err *err);

/* Find by name (or by numeric id given as text). */
int store_workshop_find(struct jh_store *st, const char *name_or_id, jh_id *id_out,
			struct jh_err *err);

/* All workshops ordered by name; free each with model_workshop_free and the
 * array with free(). */
int store_workshop_list(struct jh_store *st, struct jh_workshop **out, size_t *n,
			struct jh_err *err);

/* Overwrite every column of workshop wid's row except id and name from *w
 * (title, description, template_name, created, method, dots, cap,
 * anonymous, current step, timer): the lossless YAML import. */
int store_workshop_restore(struct jh_store *st, jh_id wid, const struct jh_workshop *w,
			   struct jh_err *err);

int store_workshop_delete(struct jh_store *st, jh_id wid, struct jh_err *err);

/* Load a whole workshop; free with model_data_free. */
int store_load(struct jh_store *st, jh_id wid, struct jh_data *out, struct jh_err *err);
/* Load only the workshop row and its participants (the rest left empty):
 * what names and rights need, without reading a large workshop whole. */
/* Bring d, loaded by store_load, up to date through the change feed: the
 * items changed since d was read are read again and put in place, or d is
 * read whole when the feed no longer reaches back (or names thousands).
 * Returns 0 when nothing changed in the workshop, STORE_REFRESH_PATCHED,
 * STORE_REFRESH_WHOLE, or -1 (d stays usable, but may be partly new).
 * What changed is added to ch (model_patch.h) unless it is NULL. */
enum { STORE_REFRESH_PATCHED = 1, STORE_REFRESH_WHOLE = 2 };
struct model_changes;
int store_refresh(struct jh_store *st, jh_id wid, struct jh_data *d, struct model_changes *ch,
		  struct jh_err *err);

int store_load_people(struct jh_store *st, jh_id wid, struct jh_data *out, struct jh_err *err);
/* Load what the agenda and the status line show, in one snapshot: the
 * workshop row and lists, participants, steps, votes, rounds and ready
 * markers; no journey, pain point, idea or other item table is read, so
 * the first frame of any workshop costs the same. Free with
 * model_data_free; store_load reads the whole. */
int store_load_head(struct jh_store *st, jh_id wid, struct jh_data *out, struct jh_err *err);
/* Read what store_load reads beyond the head, checking every value as
 * it does and keeping nothing: 0, or -1 with the same message store_load
 * would give. A run that ends before it needed the rest still refuses a
 * damaged file, without holding the workshop in memory. */
int store_check_rest(struct jh_store *st, jh_id wid, struct jh_err *err);
/* How many rows of kind the loads on st have kept in a model since it
 * was opened (store_check_rest keeps none). */
long long store_rows_read(const struct jh_store *st, enum jh_kind kind);

/* ---- generic item changes (the field tables in kinds.h) ---- */

/* A value for one field, already validated by items.c. */
struct jh_value {
	const struct jh_field_def *field;
	int is_null;	    /* store NULL / no reference */
	long long num;	    /* JF_INT, JF_BOOL, JF_REF */
	const char *text;   /* JF_TEXT, JF_LONGTEXT, JF_DATE, JF_ENUM */
	const int64_t *ids; /* JF_IDLIST */
	size_t nids;
};

/* Insert an item of `kind` in workshop wid. Fields not given take their
 * defaults. For a journey with no stages given, the workshop's default
 * stages are created with it; a "stages" value that is_null creates none.
 * Pain points and ideas record the current agenda step unless a "step"
 * value is given. A vote through store_item_add is checked against the
 * budget (store_vote); one added with an id is restored as given. */
int store_item_add(struct jh_store *st, jh_id wid, enum jh_kind kind, const struct jh_value *vals,
		   size_t nvals, jh_id *id_out, struct jh_err *err);

/* Insert with a chosen id (undo of a delete, lossless import). */
int store_item_add_with_id(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id,
			   const struct jh_value *vals, size_t nvals, struct jh_err *err);

/* Change an item, whatever happened to it since it was read: the last
 * writer wins (the command line's `set` without --if-revision). */
int store_item_set(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id,
		   const struct jh_value *vals, size_t nvals, struct jh_err *err);

/* ---- revisions: changes never silently overwrite each other ----
 *
 * Every item row carries a revision, 1 when added and one more with each
 * change through the store (a vote given to or taken from an idea, and a
 * pain point newly linked to an idea, count as changes of it), and the
 * name of who made the last one (store_set_actor). */

/* What store_item_set_if returns when the row changed since base. */
#define STORE_CONFLICT (-2)

struct store_rev {
	long long revision;
	char by[128]; /* the participant who changed it last; "": not known */
};

/* store_item_set, but only when the item is still at revision base (0:
 * any). Otherwise nothing is written and it returns STORE_CONFLICT with a
 * message naming who changed it. */
int store_item_set_if(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id, long long base,
		      const struct jh_value *vals, size_t nvals, struct jh_err *err);

/* An item's revision now and who changed it last. */
int store_item_revision(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id,
			struct store_rev *out, struct jh_err *err);

/* The revision the last successful add or set through this connection
 * left its item at (0 after a failure or a vote). */
long long store_last_revision(const struct jh_store *st);

/* Record the changes made through this connection as made by `name` (a
 * participant); NULL or "": nobody in particular. */
void store_set_actor(struct jh_store *st, const char *name);

/* Delete an item; fails with a message when other items still refer to
 * it (a stage with touchpoints, ...) unless it is a dependent that goes
 * with it (an idea's votes and links). */
int store_item_delete(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id,
		      struct jh_err *err);

/* Does an item of this kind with this id exist in the workshop? */
int store_item_exists(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id);

/* The journey a stage or touchpoint belongs to; 0 when there is none. */
jh_id store_item_journey(struct jh_store *st, jh_id wid, enum jh_kind kind, jh_id id);

/* The id of the one item of a kind in the workshop; 0 when there are
 * none or several. */
jh_id store_item_only(struct jh_store *st, jh_id wid, enum jh_kind kind);

/* Number of items of a kind in a workshop (-1 on error). */
long long store_item_count(struct jh_store *st, jh_id wid, enum jh_kind kind);

/* Resolve a name to an id: items of `kind` in wid whose label field equals
 * `name`; scope_id narrows stages and touchpoints to one journey (0: any).
 * Returns 0 and the id when exactly one matches; -1 with a message naming
 * the candidates when none or several match. */
int store_item_lookup(struct jh_store *st, jh_id wid, enum jh_kind kind, const char *name,
		      jh_id scope_id, jh_id *id_out, struct jh_err *err);

/* Give (dots > 0) or take back (dots < 0) dots in one transaction that
 * checks the participant's budget and the per-idea cap. */
int store_vote(struct jh_store *st, jh_id wid, jh_id participant_id, jh_id idea_id, int dots,
	       struct jh_err *err);

/* ---- lowering the budget or the cap ---- */

/* Setting the workshop's dots (budget) or max_dots (cap) below what a
 * participant already has is refused by store_item_set with the names of
 * those over it (session_limit_check). This sets them anyway, trimming
 * the excess in the same transaction: dots over the cap come off each
 * idea; then dots over the budget come off the participant's newest votes
 * first (the ideas they voted for last). vals as for store_item_set (only
 * dots and max_dots are read; absent ones keep their value); *removed
 * (may be NULL): how many dots went. */
int store_workshop_trim(struct jh_store *st, jh_id wid, const struct jh_value *vals, size_t nvals,
			long long *removed, struct jh_err *err);

/* ---- drafts: a form's unsaved text, private to who typed it ---- */

struct store_draft_key {
	jh_id wid;
	jh_id participant; /* who typed it; 0: a terminal that chose nobody */
	enum jh_kind kind;
	jh_id item; /* 0: a new item */
};

struct store_draft {
	char **names, **values; /* field name and text, n of each */
	size_t n;
	int64_t saved; /* epoch seconds of the last save */
};

/* Replace the draft of key k by these fields (n 0: remove it), in one
 * small transaction of its own. */
int store_draft_save(struct jh_store *st, const struct store_draft_key *k, const char *const *names,
		     const char *const *values, size_t n, struct jh_err *err);
int store_draft_delete(struct jh_store *st, const struct store_draft_key *k, struct jh_err *err);
/* The draft of key k; out->n is 0 when there is none. Free with
 * store_draft_free. */
int store_draft_load(struct jh_store *st, const struct store_draft_key *k, struct store_draft *out,
		     struct jh_err *err);
void store_draft_free(struct store_draft *d);

/* ---- agenda and timer (shared by every terminal on the file) ---- */

int store_step_goto(struct jh_store *st, jh_id wid, int position, struct jh_err *err);
/* Make step_id current again with the timer (running, started, elapsed)
 * of *timer, in one change: what undoing a move to another step needs. */
int store_step_restore(struct jh_store *st, jh_id wid, jh_id step_id,
		       const struct jh_workshop *timer, struct jh_err *err);
/* Start or pause the timer of the current step at time `now` (epoch s). */
int store_timer_toggle(struct jh_store *st, jh_id wid, int64_t now, struct jh_err *err);
int store_timer_reset(struct jh_store *st, jh_id wid, struct jh_err *err);
/* Fix step_id to start at `start` minutes after midnight (-1: it starts
 * when the step before it ends, the day's first at 09:00). */
int store_step_start(struct jh_store *st, jh_id wid, jh_id step_id, int start, struct jh_err *err);
int store_step_reveal(struct jh_store *st, jh_id wid, jh_id step_id, struct jh_err *err);

/* ---- batches (CSV and YAML import): all or nothing ---- */

int store_begin(struct jh_store *st, struct jh_err *err);
int store_commit(struct jh_store *st, struct jh_err *err);
void store_rollback(struct jh_store *st);

/* ---- focus (focus.h holds the rule of who may change it) ---- */

/* Point the room at item id of kind ("painpoint", "idea", "journey") of
 * workshop wid, or clear the focus (kind NULL or ""). -1 with err when
 * the item is not in the workshop; deleting the item clears it. */
int store_focus_set(struct jh_store *st, jh_id wid, const char *kind, jh_id id, struct jh_err *err);

/* ---- voting rounds and ready markers (rounds.h) ---- */

struct rounds_plan;
/* Open the round rounds_plan worked out; fails when one is open. */
int store_round_open(struct jh_store *st, jh_id wid, const struct rounds_plan *p,
		     struct jh_err *err);
/* Close the open round: its totals count from now on. */
int store_round_close(struct jh_store *st, jh_id wid, struct jh_err *err);
/* Mark participant_id done (ready 1) or not with the current step; moving
 * the agenda clears every mark. */
int store_ready_set(struct jh_store *st, jh_id wid, jh_id participant_id, int ready,
		    struct jh_err *err);
/* ---- follow-up sessions ---- */

/* What a follow-up carries from the workshop it follows: the whole map
 * and the chosen actions and parking-lot entries (followup_carry). */
struct store_follow {
	const struct jh_data *from; /* the workshop followed up, loaded */
	const size_t *actions;	    /* indexes into from->actions */
	size_t nactions;
	const size_t *parking; /* indexes into from->parking */
	size_t nparking;
};

/* Create workshop `name` from a template (its agenda, lists and
 * settings, not its starter journeys) as a follow-up of f->from, in one
 * transaction: it records the workshop it follows, and copies every
 * journey, stage and touchpoint with its score and the chosen actions
 * and parking-lot entries, each keeping its UUID and naming the workshop
 * it came from. Refuses a follow-up of itself and a name in use. */
int store_workshop_follow(struct jh_store *st, const char *name, const struct jh_template *tpl,
			  const struct store_follow *f, jh_id *id_out, struct jh_err *err);

/* The id of the workshop wid follows up; 0 when it follows none or that
 * workshop is no longer in the file. */
int store_workshop_follows(struct jh_store *st, jh_id wid, jh_id *from, struct jh_err *err);

/* ---- bulk writes (an import) ---- */

/* What the store asked of SQLite since it was opened: statements run
 * (each use of a cached statement or an sqlite3_exec) and statements
 * compiled. An import's cost per row shows in them, without a clock. */
struct store_stats {
	long long used;
	long long prepared;
};
void store_stats(const struct jh_store *st, struct store_stats *out);

/* Inside a transaction, before writing nrows new items of `kind` to
 * workshop wid: when that is at least BULK_MIN_ROWS (1000) and no fewer
 * than the table's present rows, take the table's plain (non-unique)
 * indexes and its per-row insert triggers off until store_bulk_end, so
 * each row writes one b-tree; every check stays. *out is NULL when it
 * was not worth it. */
struct store_bulk;
int store_bulk_begin(struct jh_store *st, jh_id wid, enum jh_kind kind, size_t nrows,
		     struct store_bulk **out, struct jh_err *err);

/* keep: put everything back as it was (the same SQL text), before the
 * commit; 0: the transaction is being rolled back, which restores them.
 * Frees b (NULL is fine). */
int store_bulk_end(struct jh_store *st, struct store_bulk *b, int keep, struct jh_err *err);

#endif
