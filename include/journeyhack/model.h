/* model.h: the plain structs of a workshop, shared by every layer. */
#ifndef JOURNEYHACK_MODEL_H
#define JOURNEYHACK_MODEL_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t jh_id; /* 0 means "none" */

/* Strings are owned UTF-8 (never NULL once loaded: empty means unset). */

struct jh_workshop {
	jh_id id;
	char *name; /* short handle used on the command line */
	char *title;
	char *description;
	char *template_name;
	char *created; /* YYYY-MM-DD */
	char *method;  /* impact-effort | ice | rice | votes */
	int dots_per_participant;
	int max_dots_per_idea; /* per participant and idea; 0: no cap */
	int anonymous_votes;
	int current_step; /* position of the current agenda step, 0-based */
	int timer_running;
	int64_t timer_started; /* epoch seconds when the running timer last started */
	int timer_elapsed;     /* seconds accumulated before timer_started */
	char *uuid;	       /* stable and random: the same item in every export */
	int64_t revision;      /* one more with every change (store.h) */
	char *focus_kind;      /* the item the room looks at: "painpoint", "idea", */
	jh_id focus_id;	       /* "journey", or "" (none); see focus.h */
};

struct jh_participant {
	jh_id id;
	char *name;
	char *department;
	char *role;	  /* facilitator | participant */
	char *uuid;	  /* stable and random: the same item in every export */
	int64_t revision; /* one more with every change (store.h) */
};

struct jh_step {
	jh_id id;
	int position;
	int day;
	char *title;
	int minutes;
	char *view;   /* agenda journeys painpoints backlog matrix actions parking */
	int private_; /* writing hidden until revealed */
	int revealed;
	char *notes;
	char *uuid;	  /* stable and random: the same item in every export */
	int64_t revision; /* one more with every change (store.h) */
	int start;	  /* minutes after midnight it is fixed to start at; -1: follows */
};

struct jh_journey {
	jh_id id;
	int position;
	char *name;
	char *description;
	char *uuid;	  /* stable and random: the same item in every export */
	int64_t revision; /* one more with every change (store.h) */
	jh_id persona_id; /* 0: no persona */
};

struct jh_stage {
	jh_id id;
	jh_id journey_id;
	int position;
	char *name;
	char *uuid;	  /* stable and random: the same item in every export */
	int64_t revision; /* one more with every change (store.h) */
};

struct jh_touchpoint {
	jh_id id;
	jh_id journey_id;
	jh_id stage_id;
	int position; /* order within the stage */
	char *name;
	char *channel;
	char *owner;   /* owning department */
	int score;     /* -2..+2 */
	int reach;     /* 0..100 % */
	int potential; /* 0..3 */
	char *notes;
	char *uuid;	  /* stable and random: the same item in every export */
	int64_t revision; /* one more with every change (store.h) */
	char *target;	  /* to-be score "-2".."2", or "none" (analysis_target) */
};

struct jh_painpoint {
	jh_id id;
	jh_id touchpoint_id; /* 0: not tied to a touchpoint */
	char *title;
	int severity;  /* 1..5 */
	int frequency; /* 1..5 */
	char *evidence;
	char *status; /* open | addressed | dropped */
	jh_id author_id;
	jh_id step_id;	  /* agenda step it was written in (private writing) */
	char *uuid;	  /* stable and random: the same item in every export */
	int64_t revision; /* one more with every change (store.h) */
};

struct jh_idea {
	jh_id id;
	char *title;
	char *belief;	  /* We believe that ... */
	char *experiment; /* To verify that, we will ... */
	char *metric;	  /* and measure ... */
	char *success;	  /* We are right if ... */
	int impact;	  /* 1..5 */
	int effort;	  /* 1..5 */
	int confidence;	  /* 1..5 */
	int reach;	  /* 0..100 % */
	jh_id author_id;
	jh_id step_id;
	jh_id *painpoints; /* linked pain point ids, ascending */
	size_t npainpoints;
	char *uuid;	  /* stable and random: the same item in every export */
	int64_t revision; /* one more with every change (store.h) */
};

struct jh_vote {
	jh_id id;
	jh_id participant_id;
	jh_id idea_id;
	int dots;
	int64_t revision; /* one more with every change (store.h) */
	jh_id round_id;	  /* the voting round it was given in; 0: none */
};

/* A voting round (rounds.h): its own budget, over every idea or a few. */
struct jh_round {
	jh_id id;
	int number;	/* 1, 2, ... within the workshop */
	int dots;	/* each participant's budget in this round */
	int every_idea; /* 1: every idea, even one added while open */
	int open;	/* votes go to it and totals are hidden */
	jh_id *ideas;	/* every_idea 0: the ideas in it, ascending */
	size_t nideas;
};

struct jh_action {
	jh_id id;
	jh_id idea_id; /* 0: none */
	char *title;
	char *owner;
	char *due;    /* YYYY-MM-DD or "" */
	char *status; /* todo | doing | done */
	char *notes;
	char *uuid;	  /* stable and random: the same item in every export */
	int64_t revision; /* one more with every change (store.h) */
};

struct jh_parking {
	jh_id id;
	char *text;
	char *answer;
	int answered;
	jh_id author_id;
	char *uuid;	  /* stable and random: the same item in every export */
	int64_t revision; /* one more with every change (store.h) */
};

/* Who a journey is walked as: maps and reports group journeys by it. */
struct jh_persona {
	jh_id id;
	char *name;
	char *description;
	char *goals;
	char *needs;
	char *uuid;	  /* stable and random: the same item in every export */
	int64_t revision; /* one more with every change (store.h) */
};

/* A whole workshop in memory, every array ordered as listed in the
 * comment: the order the CLI shows and the exports write. */
struct jh_data {
	struct jh_workshop workshop;
	char **channels; /* suggested channels, template order */
	size_t nchannels;
	char **stage_names; /* default stages for new journeys */
	size_t nstage_names;
	char **prompts; /* remedy prompts from the template */
	size_t nprompts;
	struct jh_participant *participants;
	size_t nparticipants; /* id */
	struct jh_step *steps;
	size_t nsteps; /* position */
	struct jh_journey *journeys;
	size_t njourneys; /* position, id */
	struct jh_stage *stages;
	size_t nstages; /* journey, position */
	struct jh_touchpoint *touchpoints;
	size_t ntouchpoints; /* journey, stage position, position, id */
	struct jh_painpoint *painpoints;
	size_t npainpoints; /* id */
	struct jh_idea *ideas;
	size_t nideas; /* id */
	struct jh_vote *votes;
	size_t nvotes; /* idea, participant */
	struct jh_action *actions;
	size_t nactions; /* id */
	struct jh_parking *parking;
	size_t nparking; /* id */
	struct jh_persona *personas;
	size_t npersonas; /* id */
	struct jh_round *rounds;
	size_t nrounds; /* number */
	jh_id *ready;	/* participants done with the current step, ascending */
	size_t nready;
	int64_t feed_seq; /* the store's change feed as far as this data shows it */
};

void model_data_free(struct jh_data *d);
void model_workshop_free(struct jh_workshop *w);
/* Free what one item of kind (an enum jh_kind, kinds.h) owns: its texts
 * and id lists, not the item itself. */
void model_item_free(unsigned kind, void *item);

/* Lookups by id in a loaded workshop; NULL when absent. Linear for
 * kinds not loaded in id order: for many lookups use model_index.h. */
const struct jh_participant *model_participant(const struct jh_data *d, jh_id id);
const struct jh_journey *model_journey(const struct jh_data *d, jh_id id);
const struct jh_stage *model_stage(const struct jh_data *d, jh_id id);
const struct jh_touchpoint *model_touchpoint(const struct jh_data *d, jh_id id);
const struct jh_painpoint *model_painpoint(const struct jh_data *d, jh_id id);
const struct jh_idea *model_idea(const struct jh_data *d, jh_id id);
const struct jh_persona *model_persona(const struct jh_data *d, jh_id id);

#endif
