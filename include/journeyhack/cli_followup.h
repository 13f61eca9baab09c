/* cli_followup.h: follow-up sessions on the command line: what
 * `new NAME --follow-up FROM` carries, and `followup WORKSHOP`, the
 * report that compares a follow-up with the session it follows. */
#ifndef JOURNEYHACK_CLI_FOLLOWUP_H
#define JOURNEYHACK_CLI_FOLLOWUP_H

#include "journeyhack/cli.h"
#include "journeyhack/followup.h"
#include "journeyhack/model.h"
#include "journeyhack/store.h"

extern const struct cli_command cli_followup_entry;

/* The workshop a new one follows up, loaded with what it carries. */
struct cli_followup {
	struct jh_data from;
	struct followup_carry carry;
	struct store_follow follow; /* for store_workshop_follow */
	int loaded;
};

/* The template a follow-up gets when none is named (caller frees). */
char *cli_followup_template(void);

/* Load workshop `from` (name or id) from ctx's open store; prints the
 * error and returns its status when there is none. */
int cli_followup_load(struct cli_ctx *ctx, const char *from, struct cli_followup *fu);

/* After the follow-up was created: say what it carried. */
void cli_followup_created(struct cli_ctx *ctx, const struct cli_followup *fu);
void cli_followup_free(struct cli_followup *fu);

#endif
