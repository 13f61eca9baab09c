/* merge.h: merging a duplicate pain point or idea into another, as rules.
 *
 * Pure: over a loaded workshop, no SQL, no printing. Merging B ("from")
 * into A ("into") keeps A and loses nothing of B:
 *
 * Pain points: B's evidence is appended to A's under an attribution line
 * naming B's id, title and author (so every author stays visible wherever
 * evidence is shown or exported); every idea linked to B is linked to A
 * instead (once); severity and frequency each take the higher of the two
 * (a duplicate report never makes a problem milder); A keeps its
 * touchpoint, or takes B's when it had none; title, status, author and
 * step stay A's.
 *
 * Ideas: each test card field of B is appended to A's, attributed, the
 * first ("We believe that") always carrying the line that names B and
 * its author; the pain point links are the union of both; B's action
 * points move to A; each participant's dots on B move to A within the
 * per-idea cap and their budget, the rest going back to them; title,
 * scores, author and step stay A's.
 *
 * Who may merge: whoever has facilitator rights (session_facilitates),
 * the author of both items, or the command line without --as (the
 * database's owner). */
#ifndef JOURNEYHACK_MERGE_H
#define JOURNEYHACK_MERGE_H

#include <stddef.h>

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"
#include "journeyhack/model.h"

/* Test card fields, in card order. */
#define MERGE_CARD_FIELDS 4

/* One participant's dots on the idea merged away. */
struct merge_move {
	jh_id participant;
	int dots;     /* moved onto the idea kept */
	int returned; /* back in their budget: over the cap or the budget */
};

/* An idea whose pain point links change (pain point merges). */
struct merge_relink {
	jh_id idea;
	jh_id *painpoints; /* ascending, B replaced by A, once */
	size_t n;
};

/* Everything one merge changes, for the store to write and the caller
 * to report. Texts and arrays are owned; free with merge_plan_free. */
struct merge_plan {
	enum jh_kind kind;
	jh_id into, from;
	/* pain points */
	char *evidence;
	int severity, frequency;
	jh_id touchpoint;
	struct merge_relink *relinks;
	size_t nrelinks;
	/* ideas */
	char *card[MERGE_CARD_FIELDS];
	jh_id *painpoints; /* A's links after: ascending */
	size_t npainpoints;
	struct merge_move *moves;
	size_t nmoves;
	jh_id *actions; /* action points of B, moved to A */
	size_t nactions;
	/* for the report */
	size_t links; /* links moved to A (relinked ideas, or new pain points) */
	size_t texts; /* texts of B appended (evidence, card fields) */
	int dots_moved, dots_returned;
};

/* The names of the test card fields, in card order ("belief", ...). */
const char *merge_card_field(size_t i);

/* a, then b under an attribution line: "a\n\nLINE\nb" (no blank line
 * when a is empty, no "\nb" when b is empty). Newly allocated. */
char *merge_text(const char *a, const char *b, const char *line);

/* The dots a participant has on the idea kept after a merge, given their
 * dots on it (have) and on the duplicate (moving), the per-idea cap (0:
 * none), the budget and all they had spent before; *returned gets the
 * dots that go back to them. */
int merge_dots(int have, int moving, long long cap, long long budget, long long spent,
	       int *returned);

/* 0 when participant `me` (owner: the database's owner, every right)
 * may merge item from into item into of kind, else -1 with why. */
int merge_may(const struct jh_data *d, jh_id me, int owner, enum jh_kind kind, jh_id into,
	      jh_id from, struct jh_err *err);

/* What merging from into into (kind: pain point or idea) changes in d:
 * 0 and *out, or -1 with why (another kind, the same item twice, an
 * unknown id, a text that would grow too long). */
int merge_plan_make(const struct jh_data *d, enum jh_kind kind, jh_id into, jh_id from,
		    struct merge_plan *out, struct jh_err *err);
void merge_plan_free(struct merge_plan *p);

#endif
