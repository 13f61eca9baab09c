/* kinds.c: every item kind and its fields, stated once.
 *
 * Ranges and defaults here are the ones DOMAIN.md gives: experience score
 * -2..+2 where 0 means "as expected", reach in percent of the customers who
 * pass a touchpoint, potential 0..3 (how far it could move towards
 * positive), severity and frequency 1..5. */
#include <string.h>

#include "journeyhack/kinds.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const roles[] = {"participant", "facilitator", NULL};
static const char *const pain_status[] = {"open", "addressed", "dropped", NULL};
static const char *const action_status[] = {"todo", "doing", "done", NULL};
static const char *const methods[] = {"impact-effort", "ice", "rice", "votes", NULL};
static const char *const views[] = {"agenda",  "journeys", "painpoints", "backlog",
				    "matrix", "actions",  "parking",    NULL};

#define TEXT(n, c, req, lbl) {n, c, JF_TEXT, 0, 0, NULL, 0, req, NULL, lbl}
#define LONG(n, c, lbl) {n, c, JF_LONGTEXT, 0, 0, NULL, 0, 0, NULL, lbl}
#define INT(n, c, lo, hi, def, lbl) {n, c, JF_INT, lo, hi, NULL, 0, 0, def, lbl}
#define BOOL(n, c, def, lbl) {n, c, JF_BOOL, 0, 1, NULL, 0, 0, def, lbl}
#define ENUM(n, c, ch, def, lbl) {n, c, JF_ENUM, 0, 0, ch, 0, 0, def, lbl}
#define REF(n, c, k, req, lbl) {n, c, JF_REF, 0, 0, NULL, k, req, NULL, lbl}

static const struct jh_field_def participant_fields[] = {
	TEXT("name", "name", 1, "Name"),
	TEXT("department", "department", 0, "Department"),
	ENUM("role", "role", roles, "participant", "Role"),
};

static const struct jh_field_def journey_fields[] = {
	TEXT("name", "name", 1, "Name"),
	LONG("description", "description", "Description"),
	INT("position", "position", 0, 1000000, NULL, "Position"),
	/* stages=A,B,C on add: the journey's own stages instead of the
	 * workshop's defaults. Not a column: the store creates stage rows. */
	{"stages", NULL, JF_TEXT, 0, 0, NULL, 0, 0, NULL, "Stages"},
};

static const struct jh_field_def stage_fields[] = {
	REF("journey", "journey_id", JH_JOURNEY, 1, "Journey"),
	TEXT("name", "name", 1, "Name"),
	INT("position", "position", 0, 1000000, NULL, "Position"),
};

static const struct jh_field_def touchpoint_fields[] = {
	TEXT("name", "name", 1, "Name"),
	REF("journey", "journey_id", JH_JOURNEY, 1, "Journey"),
	REF("stage", "stage_id", JH_STAGE, 1, "Stage"),
	TEXT("channel", "channel", 0, "Channel"),
	TEXT("owner", "owner", 0, "Owner"),
	INT("score", "score", -2, 2, "0", "Score"),
	INT("reach", "reach", 0, 100, "100", "Reach %"),
	INT("potential", "potential", 0, 3, "1", "Potential"),
	INT("position", "position", 0, 1000000, NULL, "Position"),
	LONG("notes", "notes", "Notes"),
};

static const struct jh_field_def painpoint_fields[] = {
	TEXT("title", "title", 1, "Title"),
	REF("touchpoint", "touchpoint_id", JH_TOUCHPOINT, 0, "Touchpoint"),
	INT("severity", "severity", 1, 5, "3", "Severity"),
	INT("frequency", "frequency", 1, 5, "3", "Frequency"),
	LONG("evidence", "evidence", "Evidence"),
	ENUM("status", "status", pain_status, "open", "Status"),
	REF("author", "author_id", JH_PARTICIPANT, 0, "Author"),
	/* The agenda step it was written in; the current one when not given. */
	REF("step", "step_id", JH_STEP, 0, "Agenda step"),
};

static const struct jh_field_def idea_fields[] = {
	TEXT("title", "title", 1, "Title"),
	LONG("belief", "belief", "We believe that"),
	LONG("experiment", "experiment", "To verify that, we will"),
	LONG("metric", "metric", "and measure"),
	LONG("success", "success", "We are right if"),
	INT("impact", "impact", 1, 5, "3", "Impact"),
	INT("effort", "effort", 1, 5, "3", "Effort"),
	INT("confidence", "confidence", 1, 5, "3", "Confidence"),
	INT("reach", "reach", 0, 100, "100", "Reach %"),
	{"painpoints", NULL, JF_IDLIST, 0, 0, NULL, JH_PAINPOINT, 0, NULL, "Pain points"},
	REF("author", "author_id", JH_PARTICIPANT, 0, "Author"),
	REF("step", "step_id", JH_STEP, 0, "Agenda step"),
};

static const struct jh_field_def vote_fields[] = {
	REF("idea", "idea_id", JH_IDEA, 1, "Idea"),
	REF("participant", "participant_id", JH_PARTICIPANT, 1, "Participant"),
	INT("dots", "dots", 1, 100, "1", "Dots"),
};

static const struct jh_field_def action_fields[] = {
	TEXT("title", "title", 1, "Title"),
	REF("idea", "idea_id", JH_IDEA, 0, "Idea"),
	TEXT("owner", "owner", 0, "Owner"),
	{"due", "due", JF_DATE, 0, 0, NULL, 0, 0, NULL, "Due"},
	ENUM("status", "status", action_status, "todo", "Status"),
	LONG("notes", "notes", "Notes"),
};

static const struct jh_field_def parking_fields[] = {
	TEXT("text", "text", 1, "Text"),
	BOOL("answered", "answered", "0", "Answered"),
	LONG("answer", "answer", "Answer"),
	REF("author", "author_id", JH_PARTICIPANT, 0, "Author"),
};

static const struct jh_field_def step_fields[] = {
	TEXT("title", "title", 1, "Title"),
	INT("day", "day", 1, 14, "1", "Day"),
	INT("minutes", "minutes", 1, 1440, "30", "Minutes"),
	ENUM("view", "view", views, "agenda", "View"),
	BOOL("private", "private", "0", "Private"),
	LONG("notes", "notes", "Notes"),
	INT("position", "position", 0, 1000000, NULL, "Position"),
};

static const struct jh_field_def workshop_fields[] = {
	TEXT("title", "title", 1, "Title"),
	LONG("description", "description", "Description"),
	ENUM("method", "method", methods, "impact-effort", "Method"),
	INT("dots", "dots_per_participant", 1, 100, "5", "Dots per participant"),
	INT("max_dots", "max_dots_per_idea", 0, 100, "0", "Max dots per idea"),
	BOOL("anonymous", "anonymous_votes", "0", "Anonymous votes"),
};

static const struct jh_kind_def kind_table[JH_NKINDS] = {
	{JH_PARTICIPANT, "participant", "participants", "participant", "name", participant_fields,
	 N(participant_fields)},
	{JH_JOURNEY, "journey", "journeys", "journey", "name", journey_fields, N(journey_fields)},
	{JH_STAGE, "stage", "stages", "stage", "name", stage_fields, N(stage_fields)},
	{JH_TOUCHPOINT, "touchpoint", "touchpoints", "touchpoint", "name", touchpoint_fields,
	 N(touchpoint_fields)},
	{JH_PAINPOINT, "painpoint", "painpoints", "painpoint", "title", painpoint_fields,
	 N(painpoint_fields)},
	{JH_IDEA, "idea", "ideas", "idea", "title", idea_fields, N(idea_fields)},
	{JH_VOTE, "vote", "votes", "vote", NULL, vote_fields, N(vote_fields)},
	{JH_ACTION, "action", "actions", "action", "title", action_fields, N(action_fields)},
	{JH_PARKING, "parking", "parking", "parking", "text", parking_fields, N(parking_fields)},
	{JH_STEP, "step", "steps", "step", "title", step_fields, N(step_fields)},
	{JH_WORKSHOP, "workshop", "workshops", "workshop", "title", workshop_fields,
	 N(workshop_fields)},
};

const struct jh_kind_def *kinds_get(enum jh_kind kind)
{
	if ((int)kind < 0 || kind >= JH_NKINDS)
		return NULL;
	return &kind_table[kind];
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
	return "participant journey stage touchpoint painpoint idea vote action parking";
}

int kinds_addable(enum jh_kind kind)
{
	return kind >= JH_PARTICIPANT && kind <= JH_PARKING;
}
