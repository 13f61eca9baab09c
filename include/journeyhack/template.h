/* template.h: workshop templates (YAML) read into plain structs.
 *
 * The format is documented in man/journeyhack-template.5. Only template.c
 * includes yaml.h. */
#ifndef JOURNEYHACK_TEMPLATE_H
#define JOURNEYHACK_TEMPLATE_H

#include <stddef.h>

#include "journeyhack/err.h"

struct jh_tpl_step {
	int day; /* 1, 2, ... */
	char *title;
	int minutes;  /* timebox, > 0 */
	char *view;   /* agenda journeys painpoints backlog matrix actions parking */
	int private_; /* writing hidden until the facilitator reveals it */
	char *notes;  /* facilitator notes, may hold newlines; "" when none */
};

struct jh_tpl_touchpoint {
	char *stage; /* one of the journey's stages */
	char *name;
	char *channel; /* "" when none */
	char *owner;   /* "" when none */
	int score;     /* -2..2, default 0 */
	int reach;     /* 0..100, default 100 */
	int potential; /* 0..3, default 1 */
};

struct jh_tpl_journey {
	char *name;
	char *description; /* "" when none */
	char **stages;	   /* the journey's own stages; the template's when absent */
	size_t nstages;
	struct jh_tpl_touchpoint *touchpoints;
	size_t ntouchpoints;
};

struct jh_template {
	char *path; /* file it was read from */
	char *name; /* lower-case handle: [a-z0-9-]+ */
	char *title;
	char *language;	   /* BCP 47 tag of the texts (sv, nb); "" when not given */
	char *description; /* "" when none */
	char **stages;	   /* default stages for new journeys, >= 1 */
	size_t nstages;
	char **channels; /* suggested channels, >= 1 */
	size_t nchannels;
	char *method;		   /* impact-effort | ice | rice | votes */
	int dots_per_participant;  /* >= 1 */
	int max_dots_per_idea;	   /* 0: no cap */
	int anonymous;		   /* votes anonymous */
	struct jh_tpl_step *steps; /* >= 1 */
	size_t nsteps;
	struct jh_tpl_journey *journeys;
	size_t njourneys;
	char **prompts; /* remedy / ideation prompts, may be empty */
	size_t nprompts;
};

/* Read and validate a template file. On error returns -1 with err holding
 * "FILE:LINE:COLUMN: message" (LINE and COLUMN 1-based). Never crashes or
 * hangs on hostile input. */
int template_load(const char *path, struct jh_template *out, struct jh_err *err);

/* Same, from memory; `label` stands in for the file name in messages. */
int template_load_buffer(const char *buf, size_t len, const char *label, struct jh_template *out,
			 struct jh_err *err);

void template_free(struct jh_template *t);

/* A template's handle: one or more of a-z, 0-9 and -. */
int template_name_valid(const char *s);

/* Why len bytes of s are not text a template (or a workshop file) may
 * hold, or NULL: invalid UTF-8, a line break when !multiline, or a
 * control character (C0 but tab and line break, DEL, C1), which every
 * terminal that shows the text would obey. */
const char *template_text_problem(const char *s, size_t len, int multiline);

#endif
