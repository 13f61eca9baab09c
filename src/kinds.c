/* kinds.c: every item kind and its fields, stated once.
 *
 * Ranges and defaults here are the ones DOMAIN.md gives: experience score
 * -2..+2 where 0 means "as expected", reach in percent of the customers who
 * pass a touchpoint, potential 0..3 (how far it could move towards
 * positive), severity and frequency 1..5. */
#include <stddef.h>
#include <string.h>

#include "journeyhack/i18n.h"
#include "journeyhack/kinds.h"
#include "journeyhack/model.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const roles[] = {"participant", "facilitator", NULL};
static const char *const pain_status[] = {"open", "addressed", "dropped", NULL};
static const char *const action_status[] = {"todo", "doing", "done", NULL};
/* A to-be score is optional, so it is a choice with "none" for unset
 * rather than a number that would need a value for "not decided". */
static const char *const targets[] = {"none", "-2", "-1", "0", "1", "2", NULL};
static const char *const methods[] = {
#define METHOD(id, name, formula) name,
#include "journeyhack/methods.def"
#undef METHOD
    NULL};
static const char *const views[] = {
#define VIEW(id, name, title, tab) #name,
#include "journeyhack/views.def"
#undef VIEW
    NULL};
/* The tables below are aligned by hand, one row per field. */
/* clang-format off */

/* Every row names where its value lives in the kind's model struct (S,
 * redefined before each table): loading, exports, imports, forms and undo
 * snapshots walk these rows instead of naming fields one by one. */
#define AT(m) offsetof(S, m)
#define TEXT(n, c, req, lbl, m) {n, c, JF_TEXT, 0, 0, NULL, 0, req, NULL, lbl, AT(m)}
#define LONG(n, c, lbl, m) {n, c, JF_LONGTEXT, 0, 0, NULL, 0, 0, NULL, lbl, AT(m)}
#define INT(n, c, lo, hi, def, lbl, m) {n, c, JF_INT, lo, hi, NULL, 0, 0, def, lbl, AT(m)}
#define BOOL(n, c, def, lbl, m) {n, c, JF_BOOL, 0, 1, NULL, 0, 0, def, lbl, AT(m)}
#define ENUM(n, c, ch, def, lbl, m) {n, c, JF_ENUM, 0, 0, ch, 0, 0, def, lbl, AT(m)}
#define REF(n, c, k, req, lbl, m) {n, c, JF_REF, 0, 0, NULL, k, req, NULL, lbl, AT(m)}
#define DATE(n, c, lbl, m) {n, c, JF_DATE, 0, 0, NULL, 0, 0, NULL, lbl, AT(m)}
/* Given on add by an import; the store makes a random one up otherwise.
 * Kept as long text: exports and imports carry it, the tables of `show`
 * have no room for it and forms do not offer it. */
#define UUID LONG("uuid", "uuid", "UUID", uuid)

#define S struct jh_participant
static const struct jh_field_def participant_fields[] = {
	TEXT("name", "name", 1, "Name", name),
	TEXT("department", "department", 0, "Department", department),
	ENUM("role", "role", roles, "participant", "Role", role),
	UUID,
};
#undef S


#define S struct jh_journey
static const struct jh_field_def journey_fields[] = {
	TEXT("name", "name", 1, "Name", name),
	LONG("description", "description", "Description", description),
	INT("position", "position", 0, 1000000, NULL, "Position", position),
	/* stages=A,B,C on add: the journey's own stages instead of the
	 * workshop's defaults. Not a column: the store creates stage rows. */
	{"stages", NULL, JF_TEXT, 0, 0, NULL, 0, 0, NULL, N_("Stages"), KINDS_NO_OFFSET},
	UUID,
	/* Last: the columns and keys the journey had before personas keep
	 * their place in tables and exports. */
	REF("persona", "persona_id", JH_PERSONA, 0, "Persona", persona_id),
};
#undef S


#define S struct jh_stage
static const struct jh_field_def stage_fields[] = {
	REF("journey", "journey_id", JH_JOURNEY, 1, "Journey", journey_id),
	TEXT("name", "name", 1, "Name", name),
	INT("position", "position", 0, 1000000, NULL, "Position", position),
	UUID,
};
#undef S


#define S struct jh_touchpoint
static const struct jh_field_def touchpoint_fields[] = {
	TEXT("name", "name", 1, "Name", name),
	REF("journey", "journey_id", JH_JOURNEY, 1, "Journey", journey_id),
	REF("stage", "stage_id", JH_STAGE, 1, "Stage", stage_id),
	TEXT("channel", "channel", 0, "Channel", channel),
	TEXT("owner", "owner", 0, "Owner", owner),
	INT("score", "score", -2, 2, "0", "Score", score),
	INT("reach", "reach", 0, 100, "100", "Reach %", reach),
	INT("potential", "potential", 0, 3, "1", "Potential", potential),
	INT("position", "position", 0, 1000000, NULL, "Position", position),
	LONG("notes", "notes", "Notes", notes),
	UUID,
	ENUM("target", "target", targets, "none", "Target", target),
};
#undef S


#define S struct jh_painpoint
static const struct jh_field_def painpoint_fields[] = {
	TEXT("title", "title", 1, "Title", title),
	REF("touchpoint", "touchpoint_id", JH_TOUCHPOINT, 0, "Touchpoint", touchpoint_id),
	INT("severity", "severity", 1, 5, "3", "Severity", severity),
	INT("frequency", "frequency", 1, 5, "3", "Frequency", frequency),
	LONG("evidence", "evidence", "Evidence", evidence),
	ENUM("status", "status", pain_status, "open", "Status", status),
	REF("author", "author_id", JH_PARTICIPANT, 0, "Author", author_id),
	/* The agenda step it was written in; the current one when not given. */
	REF("step", "step_id", JH_STEP, 0, "Agenda step", step_id),
	UUID,
};
#undef S


#define S struct jh_idea
static const struct jh_field_def idea_fields[] = {
	TEXT("title", "title", 1, "Title", title),
	LONG("belief", "belief", "We believe that", belief),
	LONG("experiment", "experiment", "To verify that, we will", experiment),
	LONG("metric", "metric", "and measure", metric),
	LONG("success", "success", "We are right if", success),
	INT("impact", "impact", 1, 5, "3", "Impact", impact),
	INT("effort", "effort", 1, 5, "3", "Effort", effort),
	INT("confidence", "confidence", 1, 5, "3", "Confidence", confidence),
	INT("reach", "reach", 0, 100, "100", "Reach %", reach),
	{"painpoints", NULL, JF_IDLIST, 0, 0, NULL, JH_PAINPOINT, 0, NULL, N_("Pain points"), AT(painpoints), AT(npainpoints)},
	REF("author", "author_id", JH_PARTICIPANT, 0, "Author", author_id),
	REF("step", "step_id", JH_STEP, 0, "Agenda step", step_id),
	UUID,
};
#undef S


#define S struct jh_vote
static const struct jh_field_def vote_fields[] = {
	REF("idea", "idea_id", JH_IDEA, 1, "Idea", idea_id),
	REF("participant", "participant_id", JH_PARTICIPANT, 1, "Participant", participant_id),
	/* No uuid: a vote is a participant's dots on an idea, named by
	 * the two, and owns no text (callers build votes in place). */
	INT("dots", "dots", 1, 100, "1", "Dots", dots),
};
#undef S


#define S struct jh_action
static const struct jh_field_def action_fields[] = {
	TEXT("title", "title", 1, "Title", title),
	REF("idea", "idea_id", JH_IDEA, 0, "Idea", idea_id),
	TEXT("owner", "owner", 0, "Owner", owner),
	DATE("due", "due", "Due", due),
	ENUM("status", "status", action_status, "todo", "Status", status),
	LONG("notes", "notes", "Notes", notes),
	UUID,
};
#undef S


#define S struct jh_parking
static const struct jh_field_def parking_fields[] = {
	TEXT("text", "text", 1, "Text", text),
	BOOL("answered", "answered", "0", "Answered", answered),
	LONG("answer", "answer", "Answer", answer),
	REF("author", "author_id", JH_PARTICIPANT, 0, "Author", author_id),
	UUID,
};
#undef S


#define S struct jh_step
static const struct jh_field_def step_fields[] = {
	TEXT("title", "title", 1, "Title", title),
	INT("day", "day", 1, 14, "1", "Day", day),
	INT("minutes", "minutes", 1, 1440, "30", "Minutes", minutes),
	ENUM("view", "view", views, "agenda", "View", view),
	BOOL("private", "private", "0", "Private", private_),
	LONG("notes", "notes", "Notes", notes),
	INT("position", "position", 0, 1000000, NULL, "Position", position),
	UUID,
};
#undef S


#define S struct jh_workshop
static const struct jh_field_def workshop_fields[] = {
	TEXT("title", "title", 1, "Title", title),
	LONG("description", "description", "Description", description),
	ENUM("method", "method", methods, "impact-effort", "Method", method),
	INT("dots", "dots_per_participant", 1, 100, "5", "Dots per participant", dots_per_participant),
	INT("max_dots", "max_dots_per_idea", 0, 100, "0", "Max dots per idea", max_dots_per_idea),
	BOOL("anonymous", "anonymous_votes", "0", "Anonymous votes", anonymous_votes),
	UUID,
};
#undef S

#define S struct jh_persona
static const struct jh_field_def persona_fields[] = {
	TEXT("name", "name", 1, "Name", name),
	LONG("description", "description", "Description", description),
	LONG("goals", "goals", "Goals", goals),
	LONG("needs", "needs", "Needs", needs),
	UUID,
};
#undef S

/* A kind's name is also its table's, its fields are <name>_fields, its
 * model struct jh_<name>, and its items are jh_data's ARR and nARR. */
#define KIND(id, name, arr, label)                                                                 \
	{id, #name, #arr, #name, label, name##_fields, N(name##_fields), sizeof(struct jh_##name),  \
	 offsetof(struct jh_data, arr), offsetof(struct jh_data, n##arr)}

static const struct jh_kind_def kind_table[JH_NKINDS] = {
	KIND(JH_PARTICIPANT, participant, participants, "name"),
	KIND(JH_JOURNEY, journey, journeys, "name"),
	KIND(JH_STAGE, stage, stages, "name"),
	KIND(JH_TOUCHPOINT, touchpoint, touchpoints, "name"),
	KIND(JH_PAINPOINT, painpoint, painpoints, "title"),
	KIND(JH_IDEA, idea, ideas, "title"),
	KIND(JH_VOTE, vote, votes, NULL),
	KIND(JH_ACTION, action, actions, "title"),
	KIND(JH_PARKING, parking, parking, "text"),
	KIND(JH_STEP, step, steps, "title"),
	/* The workshop is one struct, not an array: kinds_item handles it. */
	{JH_WORKSHOP, "workshop", "workshops", "workshop", "title", workshop_fields,
	 N(workshop_fields), sizeof(struct jh_workshop), offsetof(struct jh_data, workshop),
	 KINDS_NO_OFFSET},
	KIND(JH_PERSONA, persona, personas, "name"),
};
/* clang-format on */

const struct jh_kind_def *kinds_get(enum jh_kind kind)
{
	if ((int)kind < 0 || kind >= JH_NKINDS)
		return NULL;
	return &kind_table[kind];
}

const char *kinds_noun(enum jh_kind kind, unsigned long n)
{
	switch (kind) {
	case JH_PARTICIPANT:
		return ngettext("participant", "participants", n);
	case JH_JOURNEY:
		return ngettext("journey", "journeys", n);
	case JH_STAGE:
		return ngettext("stage", "stages", n);
	case JH_TOUCHPOINT:
		return ngettext("touchpoint", "touchpoints", n);
	case JH_PAINPOINT:
		return ngettext("painpoint", "painpoints", n);
	case JH_IDEA:
		return ngettext("idea", "ideas", n);
	case JH_VOTE:
		return ngettext("vote", "votes", n);
	case JH_ACTION:
		return ngettext("action", "actions", n);
	case JH_PARKING:
		/* TRANSLATORS: an item of the parking lot. */
		return ngettext("parking", "parking", n);
	case JH_STEP:
		return ngettext("step", "steps", n);
	case JH_WORKSHOP:
		return ngettext("workshop", "workshops", n);
	case JH_PERSONA:
		return ngettext("persona", "personas", n);
	default:
		return "?";
	}
}

const char *kinds_value_label(const char *value)
{
	/* TRANSLATORS: status and role values, shown in the views' columns;
	 * keep them short (a pain point's status column is 9 wide). */
	static const char *const labels[][2] = {
	    {"open", N_("open")},
	    {"addressed", N_("addressed")},
	    {"dropped", N_("dropped")},
	    {"todo", N_("todo")},
	    {"doing", N_("doing")},
	    {"done", N_("done")},
	    {"facilitator", N_("facilitator")},
	};

	if (!value)
		return "";
	if (!strcmp(value, "participant"))
		return kinds_noun(JH_PARTICIPANT, 1);
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (!strcmp(value, labels[i][0]))
			return _(labels[i][1]);
	return value;
}

const struct jh_kind_def *kinds_find(const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < JH_NKINDS; i++)
		if (!strcmp(name, kind_table[i].name) || !strcmp(name, kind_table[i].plural))
			return &kind_table[i];
	/* Spellings people type: pain-point, parking-lot, actions point. */
	if (!strcmp(name, "pain-point") || !strcmp(name, "pain-points"))
		return &kind_table[JH_PAINPOINT];
	if (!strcmp(name, "parking-lot"))
		return &kind_table[JH_PARKING];
	if (!strcmp(name, "agenda"))
		return &kind_table[JH_STEP];
	return NULL;
}

const struct jh_field_def *kinds_field(const struct jh_kind_def *k, const char *name)
{
	size_t i;

	for (i = 0; k && name && i < k->nfields; i++)
		if (!strcmp(k->fields[i].name, name))
			return &k->fields[i];
	return NULL;
}

const char *kinds_names(void)
{
	return "participant journey stage touchpoint painpoint idea vote action parking persona";
}

int kinds_addable(enum jh_kind kind)
{
	return (kind >= JH_PARTICIPANT && kind <= JH_PARKING) || kind == JH_PERSONA;
}

size_t kinds_count(const struct jh_kind_def *k, const struct jh_data *d)
{
	if (k->count_offset == KINDS_NO_OFFSET)
		return 1;
	return *(const size_t *)(const void *)((const char *)d + k->count_offset);
}

const void *kinds_item(const struct jh_kind_def *k, const struct jh_data *d, size_t i)
{
	const char *base = (const char *)d + k->items_offset;

	if (k->count_offset == KINDS_NO_OFFSET)
		return i == 0 ? base : NULL;
	if (i >= kinds_count(k, d))
		return NULL;
	return *(const char *const *)(const void *)base + i * k->item_size;
}

int kinds_stored(const struct jh_field_def *f)
{
	return f->offset != KINDS_NO_OFFSET;
}

const char *kinds_text(const struct jh_field_def *f, const void *item)
{
	const char *s;

	if (!kinds_stored(f) || kinds_storage(f) != KINDS_S_TEXT)
		return "";
	s = *(const char *const *)(const void *)((const char *)item + f->offset);
	return s ? s : "";
}

long long kinds_num(const struct jh_field_def *f, const void *item)
{
	const char *p = (const char *)item + f->offset;

	if (!kinds_stored(f))
		return 0;
	switch (kinds_storage(f)) {
	case KINDS_S_INT:
		return *(const int *)(const void *)p;
	case KINDS_S_ID:
		return *(const jh_id *)(const void *)p;
	default:
		return 0;
	}
}

const jh_id *kinds_ids(const struct jh_field_def *f, const void *item, size_t *n)
{
	*n = 0;
	if (!kinds_stored(f) || kinds_storage(f) != KINDS_S_IDLIST)
		return NULL;
	*n = *(const size_t *)(const void *)((const char *)item + f->count_offset);
	return *(const jh_id *const *)(const void *)((const char *)item + f->offset);
}

enum kinds_storage kinds_storage(const struct jh_field_def *f)
{
	switch (f->type) {
	case JF_INT:
	case JF_BOOL:
		return KINDS_S_INT;
	case JF_REF:
		return KINDS_S_ID;
	case JF_IDLIST:
		return KINDS_S_IDLIST;
	default:
		return KINDS_S_TEXT;
	}
}

int64_t kinds_revision(enum jh_kind kind, const void *item)
{
	if (!item)
		return 0;
	switch (kind) {
	case JH_PARTICIPANT:
		return ((const struct jh_participant *)item)->revision;
	case JH_JOURNEY:
		return ((const struct jh_journey *)item)->revision;
	case JH_STAGE:
		return ((const struct jh_stage *)item)->revision;
	case JH_TOUCHPOINT:
		return ((const struct jh_touchpoint *)item)->revision;
	case JH_PAINPOINT:
		return ((const struct jh_painpoint *)item)->revision;
	case JH_IDEA:
		return ((const struct jh_idea *)item)->revision;
	case JH_VOTE:
		return ((const struct jh_vote *)item)->revision;
	case JH_ACTION:
		return ((const struct jh_action *)item)->revision;
	case JH_PARKING:
		return ((const struct jh_parking *)item)->revision;
	case JH_STEP:
		return ((const struct jh_step *)item)->revision;
	case JH_WORKSHOP:
		return ((const struct jh_workshop *)item)->revision;
	case JH_PERSONA:
		return ((const struct jh_persona *)item)->revision;
	case JH_NKINDS:
		break;
	}
	return 0;
}

const char *kinds_title_noun(enum jh_kind kind)
{
	/* kinds_noun is also the command line's word, which scripts match;
	 * a form's title is read by people. */
	if (kind == JH_PAINPOINT)
		return _("pain point");
	return kinds_noun(kind, 1);
}
