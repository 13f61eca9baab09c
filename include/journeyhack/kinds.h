/* kinds.h: the item kinds of a workshop and their fields, described once.
 *
 * The command line, CSV import, the UI's forms and the store all read
 * these tables, so a field's name, type, range and default are stated in
 * one place (kinds.c). */
#ifndef JOURNEYHACK_KINDS_H
#define JOURNEYHACK_KINDS_H

#include <stddef.h>
#include <stdint.h>

#include "journeyhack/model.h"

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
	JH_PERSONA,
	JH_NKINDS
};

enum jh_ftype {
	JF_TEXT,     /* one line of text */
	JF_LONGTEXT, /* may hold newlines: evidence, notes, test card */
	JF_INT,	     /* integer in [min, max] */
	JF_BOOL,     /* yes/no, true/false, 1/0 */
	JF_DATE,     /* YYYY-MM-DD, a real calendar date */
	JF_ENUM,     /* one of choices */
	JF_REF,	     /* id or unambiguous name of another item */
	JF_IDLIST    /* comma-separated ids or names (idea -> pain points) */
};

struct jh_field_def {
	const char *name;   /* as typed: score=-2 */
	const char *column; /* column in the store's table */
	enum jh_ftype type;
	int min, max;		    /* JF_INT range */
	const char *const *choices; /* JF_ENUM, NULL-terminated */
	enum jh_kind ref;	    /* JF_REF / JF_IDLIST target */
	int required;		    /* must be given on add */
	const char *defval;	    /* default on add, NULL: empty / none */
	const char *label;	    /* short human label for forms and tables */
	/* Where the value lives in the kind's model struct (model.h), or
	 * KINDS_NO_OFFSET for a value that is not kept there (a journey's
	 * stages=...). The C type follows from `type`: kinds_storage(). */
	size_t offset;
	size_t count_offset; /* JF_IDLIST: the size_t count beside the array */
};

#define KINDS_NO_OFFSET ((size_t)-1)

/* The C type a field is kept in: char * (TEXT, LONGTEXT, DATE, ENUM),
 * int (INT, BOOL), jh_id (REF), jh_id * plus a size_t count (IDLIST). */
enum kinds_storage { KINDS_S_TEXT, KINDS_S_INT, KINDS_S_ID, KINDS_S_IDLIST };

struct jh_kind_def {
	enum jh_kind kind;
	const char *name;	 /* participant */
	const char *plural;	 /* participants */
	const char *table;	 /* store table */
	const char *label_field; /* field that names an item (name or title) */
	const struct jh_field_def *fields;
	size_t nfields;
	/* Where the items live in a loaded workshop (struct jh_data): the
	 * size of one item, the offset of the array pointer and of its
	 * count. The workshop itself is one struct in place: its
	 * items_offset is the struct's and count_offset KINDS_NO_OFFSET. */
	size_t item_size;
	size_t items_offset;
	size_t count_offset;
};

const struct jh_kind_def *kinds_get(enum jh_kind kind);

/* Look a kind up by name, accepting singular and plural
 * ("painpoint", "painpoints"); NULL when unknown. */
const struct jh_kind_def *kinds_find(const char *name);

/* The name of N items of a kind as people read it, in the interface's
 * language ("painpoint", "smärtpunkt"); name and plural above are what
 * the command line takes and prints for scripts. */
const char *kinds_noun(enum jh_kind kind, unsigned long n);

/* A status or role value as people read it ("open" shows "öppen" in
 * Swedish); what is stored and typed stays the value itself, and a value
 * without a display name is shown as it is. */
const char *kinds_value_label(const char *value);

const struct jh_field_def *kinds_field(const struct jh_kind_def *k, const char *name);

/* "participant journey stage ..." for messages and help. */
const char *kinds_names(void);

/* The kinds a user can add items of (not step, workshop). */
int kinds_addable(enum jh_kind kind);

/* ---- values in loaded items, by the table ---- */

enum kinds_storage kinds_storage(const struct jh_field_def *f);
/* The field is kept in the model struct (it has an offset). */
int kinds_stored(const struct jh_field_def *f);
/* How many items of kind k a workshop holds (1 for the workshop), and the
 * i-th of them (NULL past the end). */
size_t kinds_count(const struct jh_kind_def *k, const struct jh_data *d);
const void *kinds_item(const struct jh_kind_def *k, const struct jh_data *d, size_t i);
/* A field's value in an item: text ("" when unset or not text), number
 * (int, bool or id; 0 otherwise), id list (NULL and *n 0 otherwise). */
const char *kinds_text(const struct jh_field_def *f, const void *item);
long long kinds_num(const struct jh_field_def *f, const void *item);
const jh_id *kinds_ids(const struct jh_field_def *f, const void *item, size_t *n);
/* The revision an item was loaded at (store.h); 0 for none. */
int64_t kinds_revision(enum jh_kind kind, const void *item);

/* The kind as a person names it, for form titles ("pain point"). */
const char *kinds_title_noun(enum jh_kind kind);

#endif
