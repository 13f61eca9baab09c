/* kinds.h: the item kinds of a workshop and their fields, described once.
 *
 * The command line, CSV import, the UI's forms and the store all read
 * these tables, so a field's name, type, range and default are stated in
 * one place (kinds.c). */
#ifndef JOURNEYHACK_KINDS_H
#define JOURNEYHACK_KINDS_H

#include <stddef.h>

enum jh_kind {
	JH_PARTICIPANT,
	JH_JOURNEY,
	JH_STAGE,
	JH_TOUCHPOINT,
	JH_PAINPOINT,
	JH_IDEA,
	JH_VOTE,
	JH_ACTION,
	JH_PARKING,
	JH_STEP,
	JH_WORKSHOP,
	JH_NKINDS
};

enum jh_ftype {
	JF_TEXT,     /* one line of text */
	JF_LONGTEXT, /* may hold newlines: evidence, notes, test card */
	JF_INT,      /* integer in [min, max] */
	JF_BOOL,     /* yes/no, true/false, 1/0 */
	JF_DATE,     /* YYYY-MM-DD, a real calendar date */
	JF_ENUM,     /* one of choices */
	JF_REF,      /* id or unambiguous name of another item */
	JF_IDLIST    /* comma-separated ids or names (idea -> pain points) */
};

struct jh_field_def {
	const char *name;    /* as typed: score=-2 */
	const char *column;  /* column in the store's table */
	enum jh_ftype type;
	int min, max;        /* JF_INT range */
	const char *const *choices; /* JF_ENUM, NULL-terminated */
	enum jh_kind ref;    /* JF_REF / JF_IDLIST target */
	int required;        /* must be given on add */
	const char *defval;  /* default on add, NULL: empty / none */
	const char *label;   /* short human label for forms and tables */
};

struct jh_kind_def {
	enum jh_kind kind;
	const char *name;     /* participant */
	const char *plural;   /* participants */
	const char *table;    /* store table */
	const char *label_field; /* field that names an item (name or title) */
	const struct jh_field_def *fields;
	size_t nfields;
};

const struct jh_kind_def *kinds_get(enum jh_kind kind);

/* Look a kind up by name, accepting singular and plural
 * ("painpoint", "painpoints"); NULL when unknown. */
const struct jh_kind_def *kinds_find(const char *name);

const struct jh_field_def *kinds_field(const struct jh_kind_def *k, const char *name);

/* "participant journey stage ..." for messages and help. */
const char *kinds_names(void);

/* The kinds a user can add items of (not step, workshop). */
int kinds_addable(enum jh_kind kind);

#endif
