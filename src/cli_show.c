/* cli_show.c: journeyhack show: a workshop's items as aligned tables.
 *
 * A table is a list of columns. A column names a field of the kind's
 * field table (kinds.c) and how to write it, or computes its cell from
 * the workshop (rank, risk, dots left): plain fields are read through the
 * field table, never by hand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/analysis.h"
#include "journeyhack/cli_json.h"
#include "journeyhack/cli_rounds.h"
#include "journeyhack/cli_show.h"
#include "journeyhack/cli_table.h"
#include "journeyhack/i18n.h"
#include "journeyhack/model_index.h"
#include "journeyhack/rounds.h"
#include "journeyhack/session.h"
#include "journeyhack/text.h"
#include "journeyhack/util.h"

/* How a column writes its field. */
enum show_fmt {
	SHOW_PLAIN,    /* text as it is, a number in decimal */
	SHOW_ID,       /* the item's own id (no field) */
	SHOW_SIGNED,   /* +2, 0, -1 */
	SHOW_PERCENT,  /* 70% */
	SHOW_YESNO,    /* yes, no */
	SHOW_REF_ID,   /* the id referred to, empty when none */
	SHOW_REF_NAME, /* the name (label field) of the item referred to */
	SHOW_IDS,      /* 1,2,3 */
	SHOW_CELL      /* computed by the column's function */
};

struct show_row;

struct show_col {
	const char *head;
	int maxw, right;
	enum show_fmt fmt;
	const char *field; /* in the kind's field table */
	const char *(*cell)(struct show_row *r, char *buf, size_t size);
};

#define COL(h, w, right, fmt, field)                                                               \
	{                                                                                          \
		h, w, right, fmt, field, NULL                                                      \
	}
#define CALC(h, w, right, fn)                                                                      \
	{                                                                                          \
		h, w, right, SHOW_CELL, NULL, fn                                                   \
	}

/* One run of show: what several rows need, worked out once. */
struct show {
	const struct jh_data *d;
	/* model_participant and friends search linearly, which made a table
	 * of 100 000 pain points naming 2 000 participants quadratic. */
	struct model_index ix;
	jh_id *weakest; /* every journey's weakest link, for touchpoints */
	size_t nweakest;
	enum jh_method method;
	char today[11];
};

struct show_row {
	struct show *s;
	const void *item;
	size_t index; /* in the kind's array */
	const struct jh_ranked_idea *rank;
	struct jh_journey_stats js;
	int have_js;
};

#define CELL	 4200 /* room for the longest computed cell: a title with its mark */
#define IDS_ROOM 256  /* an id list stops when it fills this */

/* The name of the item a reference points at; "" for none. */
static const char *ref_name(struct show *s, const struct jh_field_def *f, jh_id id)
{
	const struct jh_kind_def *k = kinds_get(f->ref);
	const void *item = model_index_item(&s->ix, f->ref, id);

	return item ? kinds_text(kinds_field(k, k->label_field), item) : "";
}

/* A number, with its sign when `sign` and positive (+2, 0, -1). */
static const char *num_text(char *buf, size_t size, long long v, int sign)
{
	snprintf(buf, size, sign && v > 0 ? "+%lld" : "%lld", v);
	return buf;
}

static const char *ids_text(const jh_id *ids, size_t n, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t k = 0; k < n && len < size - 24; k++)
		len += (size_t)snprintf(buf + len, size - len, "%s%lld", k ? "," : "",
					(long long)ids[k]);
	return buf;
}

static const char *field_cell(struct show_row *r, const struct show_col *c,
			      const struct jh_field_def *f, char *buf, size_t size)
{
	const void *item = r->item;
	const jh_id *ids;
	size_t n;

	switch (c->fmt) {
	case SHOW_ID:
		return num_text(buf, size, *(const jh_id *)item, 0);
	case SHOW_SIGNED:
		return num_text(buf, size, kinds_num(f, item), 1);
	case SHOW_PERCENT:
		snprintf(buf, size, "%lld%%", kinds_num(f, item));
		return buf;
	case SHOW_YESNO:
		return kinds_num(f, item) ? _("yes") : _("no");
	case SHOW_REF_ID:
		if (!kinds_num(f, item))
			return "";
		break;
	case SHOW_REF_NAME:
		return ref_name(r->s, f, kinds_num(f, item));
	case SHOW_IDS:
		ids = kinds_ids(f, item, &n);
		return ids_text(ids, n, buf, size < IDS_ROOM ? size : IDS_ROOM);
	default:
		if (kinds_storage(f) == KINDS_S_TEXT)
			return kinds_text(f, item);
		break;
	}
	return num_text(buf, size, kinds_num(f, item), 0);
}

/* ---- computed cells ---- */

static const char *participant_dots(struct show_row *r, char *buf, size_t size)
{
	const struct jh_participant *p = r->item;

	snprintf(buf, size, "%d/%d", session_participant_dots(r->s->d, p->id),
		 r->s->d->workshop.dots_per_participant);
	return buf;
}

static const char *step_current(struct show_row *r, char *buf, size_t size)
{
	(void)buf, (void)size;
	return &r->s->d->steps[r->index] == session_current_step(r->s->d) ? ">" : "";
}

static const char *step_private(struct show_row *r, char *buf, size_t size)
{
	const struct jh_step *st = r->item;

	(void)buf, (void)size;
	return st->private_ ? (st->revealed ? _("revealed") : _("yes")) : "";
}

static const struct jh_journey_stats *journey_stats(struct show_row *r)
{
	if (!r->have_js) {
		analysis_journey(r->s->d, ((const struct jh_journey *)r->item)->id, &r->js);
		r->have_js = 1;
	}
	return &r->js;
}

static const char *journey_touchpoints(struct show_row *r, char *buf, size_t size)
{
	return num_text(buf, size, journey_stats(r)->ntouchpoints, 0);
}

static const char *journey_capital(struct show_row *r, char *buf, size_t size)
{
	return num_text(buf, size, journey_stats(r)->cx_capital, 1);
}

static const char *journey_hops(struct show_row *r, char *buf, size_t size)
{
	return num_text(buf, size, journey_stats(r)->channel_hops, 0);
}

static const char *journey_risk(struct show_row *r, char *buf, size_t size)
{
	const struct jh_journey_stats *js = journey_stats(r);

	(void)buf, (void)size;
	return js->ntouchpoints == 0 ? "" : js->at_risk ? _("AT RISK") : _("ok");
}

static const char *journey_weakest(struct show_row *r, char *buf, size_t size)
{
	jh_id id = journey_stats(r)->weakest_link;
	const struct jh_touchpoint *w = model_index_item(&r->s->ix, JH_TOUCHPOINT, id);

	buf[0] = '\0';
	if (w)
		snprintf(buf, size, _("%lld %s (exposure %d)"), (long long)w->id, w->name,
			 journey_stats(r)->weakest_exposure);
	return buf;
}

/* One analysis of the journeys, not one per touchpoint. */
static int touchpoint_is_weakest(struct show *s, const struct jh_touchpoint *tp)
{
	if (!s->weakest)
		s->weakest = analysis_weakest_links(s->d, &s->nweakest);
	for (size_t k = 0; k < s->nweakest; k++)
		if (s->weakest[k] == tp->id)
			return 1;
	return 0;
}

static const char *touchpoint_note(struct show_row *r, char *buf, size_t size)
{
	const struct jh_touchpoint *tp = r->item;
	int weak = touchpoint_is_weakest(r->s, tp), odd = analysis_questionable(tp);

	snprintf(buf, size, "%s%s%s", weak ? _("weakest link") : "", weak && odd ? "; " : "",
		 odd ? _("should it exist?") : "");
	return buf;
}

static const char *idea_rank(struct show_row *r, char *buf, size_t size)
{
	return num_text(buf, size, r->rank->rank, 0);
}

static const char *idea_title(struct show_row *r, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s", r->rank->on_weakest_link ? _("[weakest link] ") : "",
		 ((const struct jh_idea *)r->item)->title);
	return buf;
}

static const char *idea_score(struct show_row *r, char *buf, size_t size)
{
	analysis_format_score(r->s->method, r->rank->score, buf, size < 32 ? size : 32);
	return buf;
}

static const char *idea_votes(struct show_row *r, char *buf, size_t size)
{
	/* An open voting round's totals stay hidden (rounds.h). */
	if (rounds_open(r->s->d))
		return "?";
	return num_text(buf, size, r->rank->votes, 0);
}

static const char *idea_quadrant(struct show_row *r, char *buf, size_t size)
{
	(void)buf, (void)size;
	return analysis_quadrant_name(r->rank->quadrant);
}

static const char *vote_participant(struct show_row *r, char *buf, size_t size)
{
	const struct jh_kind_def *k = kinds_get(JH_VOTE);
	const struct jh_field_def *f = kinds_field(k, "participant");

	(void)buf, (void)size;
	if (session_votes_anonymous(r->s->d))
		return _("(anonymous)");
	return ref_name(r->s, f, kinds_num(f, r->item));
}

static const char *action_overdue(struct show_row *r, char *buf, size_t size)
{
	const struct jh_action *x = r->item;

	(void)buf, (void)size;
	return analysis_action_overdue(x, r->s->today) ? _("OVERDUE") : "";
}

/* ---- the tables ---- */

#define ID COL("ID", 0, 1, SHOW_ID, NULL)

static const struct show_col participant_cols[] = {
    ID,
    COL("NAME", 30, 0, SHOW_PLAIN, "name"),
    COL("DEPARTMENT", 24, 0, SHOW_PLAIN, "department"),
    COL("ROLE", 0, 0, SHOW_PLAIN, "role"),
    CALC("DOTS", 0, 1, participant_dots),
};

static const struct show_col step_cols[] = {
    ID,
    CALC("", 0, 0, step_current),
    COL("DAY", 0, 1, SHOW_PLAIN, "day"),
    COL("MIN", 0, 1, SHOW_PLAIN, "minutes"),
    COL("VIEW", 0, 0, SHOW_PLAIN, "view"),
    CALC("PRIVATE", 0, 0, step_private),
    COL("TITLE", 60, 0, SHOW_PLAIN, "title"),
};

static const struct show_col journey_cols[] = {
    ID,
    COL("NAME", 36, 0, SHOW_PLAIN, "name"),
    CALC("TOUCHPOINTS", 0, 1, journey_touchpoints),
    CALC("CAPITAL", 0, 1, journey_capital),
    CALC("HOPS", 0, 1, journey_hops),
    CALC("RISK", 0, 0, journey_risk),
    CALC("WEAKEST LINK", 40, 0, journey_weakest),
};

static const struct show_col stage_cols[] = {
    ID,
    COL("JOURNEY", 30, 0, SHOW_REF_NAME, "journey"),
    COL("POS", 0, 1, SHOW_PLAIN, "position"),
    COL("NAME", 40, 0, SHOW_PLAIN, "name"),
};

static const struct show_col touchpoint_cols[] = {
    ID,
    COL("JOURNEY", 24, 0, SHOW_REF_NAME, "journey"),
    COL("STAGE", 16, 0, SHOW_REF_NAME, "stage"),
    COL("NAME", 32, 0, SHOW_PLAIN, "name"),
    COL("CHANNEL", 14, 0, SHOW_PLAIN, "channel"),
    COL("OWNER", 18, 0, SHOW_PLAIN, "owner"),
    COL("SCORE", 0, 1, SHOW_SIGNED, "score"),
    COL("REACH", 0, 1, SHOW_PERCENT, "reach"),
    COL("POT", 0, 1, SHOW_PLAIN, "potential"),
    CALC("NOTE", 0, 0, touchpoint_note),
};

static const struct show_col painpoint_cols[] = {
    ID,
    COL("TOUCHPOINT", 24, 0, SHOW_REF_NAME, "touchpoint"),
    COL("TITLE", 40, 0, SHOW_PLAIN, "title"),
    COL("SEV", 0, 1, SHOW_PLAIN, "severity"),
    COL("FREQ", 0, 1, SHOW_PLAIN, "frequency"),
    COL("STATUS", 0, 0, SHOW_PLAIN, "status"),
    COL("AUTHOR", 16, 0, SHOW_REF_NAME, "author"),
    COL("EVIDENCE", 50, 0, SHOW_PLAIN, "evidence"),
};

static const struct show_col idea_cols[] = {
    CALC("RANK", 0, 1, idea_rank),
    ID,
    CALC("TITLE", 44, 0, idea_title),
    CALC("SCORE", 0, 1, idea_score),
    CALC("VOTES", 0, 1, idea_votes),
    COL("IMP", 0, 1, SHOW_PLAIN, "impact"),
    COL("EFF", 0, 1, SHOW_PLAIN, "effort"),
    COL("CONF", 0, 1, SHOW_PLAIN, "confidence"),
    COL("REACH", 0, 1, SHOW_PERCENT, "reach"),
    CALC("QUADRANT", 0, 0, idea_quadrant),
    COL("PAIN POINTS", 0, 0, SHOW_IDS, "painpoints"),
};

static const struct show_col vote_cols[] = {
    ID,
    COL("IDEA", 0, 1, SHOW_REF_ID, "idea"),
    COL("TITLE", 40, 0, SHOW_REF_NAME, "idea"),
    CALC("PARTICIPANT", 24, 0, vote_participant),
    COL("DOTS", 0, 1, SHOW_PLAIN, "dots"),
};

static const struct show_col action_cols[] = {
    ID,
    COL("IDEA", 0, 1, SHOW_REF_ID, "idea"),
    COL("TITLE", 44, 0, SHOW_PLAIN, "title"),
    COL("OWNER", 20, 0, SHOW_PLAIN, "owner"),
    COL("DUE", 0, 0, SHOW_PLAIN, "due"),
    COL("STATUS", 0, 0, SHOW_PLAIN, "status"),
    CALC("", 0, 0, action_overdue),
};

static const struct show_col parking_cols[] = {
    ID,
    COL("ANSWERED", 0, 0, SHOW_YESNO, "answered"),
    COL("TEXT", 50, 0, SHOW_PLAIN, "text"),
    COL("AUTHOR", 16, 0, SHOW_REF_NAME, "author"),
    COL("ANSWER", 50, 0, SHOW_PLAIN, "answer"),
};

static const struct show_col persona_cols[] = {
    ID,
    COL("NAME", 30, 0, SHOW_PLAIN, "name"),
    COL("GOALS", 40, 0, SHOW_PLAIN, "goals"),
    COL("NEEDS", 40, 0, SHOW_PLAIN, "needs"),
    COL("DESCRIPTION", 50, 0, SHOW_PLAIN, "description"),
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct show_table {
	const struct show_col *cols;
	size_t ncols;
};

/* By kind; the workshop has none (show W workshop shows everything). */
static const struct show_table tables[JH_NKINDS] = {
    [JH_PARTICIPANT] = {participant_cols, N(participant_cols)},
    [JH_JOURNEY] = {journey_cols, N(journey_cols)},
    [JH_STAGE] = {stage_cols, N(stage_cols)},
    [JH_TOUCHPOINT] = {touchpoint_cols, N(touchpoint_cols)},
    [JH_PAINPOINT] = {painpoint_cols, N(painpoint_cols)},
    [JH_IDEA] = {idea_cols, N(idea_cols)},
    [JH_VOTE] = {vote_cols, N(vote_cols)},
    [JH_ACTION] = {action_cols, N(action_cols)},
    [JH_PARKING] = {parking_cols, N(parking_cols)},
    [JH_STEP] = {step_cols, N(step_cols)},
    [JH_PERSONA] = {persona_cols, N(persona_cols)},
};

static void show_init(struct show *s, const struct jh_data *d)
{
	memset(s, 0, sizeof *s);
	s->d = d;
	s->method = analysis_workshop_method(d);
	util_today(s->today);
	model_index_build(&s->ix, d);
}

static void show_free(struct show *s)
{
	model_index_free(&s->ix);
	free(s->weakest);
}

static void add_row(struct cli_table *t, const struct show_table *st,
		    const struct jh_field_def *const *fields, struct show_row *r, char *bufs)
{
	const char *cells[CLI_TABLE_MAX_COLS];

	for (size_t c = 0; c < st->ncols; c++) {
		const struct show_col *col = &st->cols[c];
		char *buf = bufs + c * CELL;
		cells[c] =
		    col->cell ? col->cell(r, buf, CELL) : field_cell(r, col, fields[c], buf, CELL);
	}
	cli_table_row(t, cells);
}

/* The table of kind k: its items in order, ideas in rank order. */
static void show_kind(struct show *s, enum jh_kind kind, FILE *f)
{
	const struct jh_kind_def *k = kinds_get(kind);
	const struct show_table *st = &tables[kind];
	const struct jh_field_def *fields[CLI_TABLE_MAX_COLS];
	char *bufs = util_xmalloc(st->ncols * CELL);
	size_t n = kinds_count(k, s->d);
	struct jh_ranked_idea *ranked = kind == JH_IDEA ? analysis_backlog(s->d, &n) : NULL;
	struct cli_table t;

	cli_table_init(&t, st->ncols);
	for (size_t c = 0; c < st->ncols; c++) {
		cli_table_col(&t, c, *st->cols[c].head ? _(st->cols[c].head) : "", st->cols[c].maxw,
			      st->cols[c].right);
		fields[c] = st->cols[c].field ? kinds_field(k, st->cols[c].field) : NULL;
	}
	for (size_t i = 0; i < n; i++) {
		struct show_row r = {.s = s, .index = i};
		if (ranked) {
			r.rank = &ranked[i];
			r.index = r.rank->index;
		}
		r.item = kinds_item(k, s->d, r.index);
		add_row(&t, st, fields, &r, bufs);
	}
	free(ranked);
	free(bufs);
	cli_table_print(&t, f);
}

static void show_header(const struct jh_data *d, FILE *f)
{
	const struct jh_workshop *w = &d->workshop;
	const struct jh_step *cur = session_current_step(d);
	char *title = text_fit_dup(w->title, 200, 0), most[48] = "";

	/* Every field of a handed-over file can hold a sequence: each line
	 * goes out through the sanitiser, not only the free-text ones. */
	cli_line(f, "%s: %s", w->name, title);
	if (w->max_dots_per_idea)
		snprintf(most, sizeof most, _(" (at most %d per idea)"), w->max_dots_per_idea);
	cli_line(f, _("template %s, created %s, prioritisation %s, %d dots per participant%s"),
		 w->template_name, w->created, w->method, w->dots_per_participant, most);
	if (cur) {
		char *st = text_fit_dup(cur->title, 200, 0);
		cli_line(f, _("current step %d of %zu: day %d, %s (%d min)"),
			 session_step_number(d, cur), d->nsteps, cur->day, st, cur->minutes);
		free(st);
	}
	free(title);
}

/* The whole workshop, section by section. */
static void show_all(struct show *s, FILE *f)
{
	static const struct {
		const char *title;
		enum jh_kind kind;
	} sections[] = {
	    {N_("Agenda"), JH_STEP},	       {N_("Participants"), JH_PARTICIPANT},
	    {N_("Journeys"), JH_JOURNEY},      {N_("Touchpoints"), JH_TOUCHPOINT},
	    {N_("Pain points"), JH_PAINPOINT}, {N_("Backlog"), JH_IDEA},
	    {N_("Actions"), JH_ACTION},	       {N_("Parking lot"), JH_PARKING},
	};
	const struct jh_data *d = s->d;

	show_header(d, f);
	for (size_t i = 0; i < N(sections); i++) {
		size_t n = kinds_count(kinds_get(sections[i].kind), d);
		fprintf(f, "\n%s (%zu)\n", _(sections[i].title), n);
		if (n)
			show_kind(s, sections[i].kind, f);
	}
	/* Only where there are some: a workshop without personas reads as
	 * it did before they existed. */
	if (d->npersonas) {
		fprintf(f, "\n%s (%zu)\n", _("Personas"), d->npersonas);
		show_kind(s, JH_PERSONA, f);
	}
	if (d->nprompts) {
		fprintf(f, _("\nPrompts\n"));
		for (size_t i = 0; i < d->nprompts; i++) {
			char *p = text_fit_dup(d->prompts[i], 200, 0);
			cli_line(f, "- %s", p);
			free(p);
		}
	}
}

static int show_exec(struct cli_ctx *ctx, const struct cli_args *args)
{
	char **argv = args->argv;
	const struct jh_kind_def *k = NULL;
	struct jh_data d;
	struct jh_err err;
	struct show s;
	jh_id wid;
	int rc;

	if (args->argc == 3 && !strcmp(argv[2], "rounds"))
		return cli_rounds_list(ctx, argv[1], args->opt[0] != NULL);
	if (args->argc == 3 && !(k = kinds_find(argv[2])))
		return cli_failf(ctx, _("unknown kind \"%s\" (kinds: %s step)"), argv[2],
				 kinds_names());
	if ((rc = cli_workshop(ctx, 0, argv[1], &wid)))
		return rc;
	if (store_load(ctx->st, wid, &d, &err))
		return cli_fail(ctx, err.msg);
	if (args->opt[0]) {
		/* --json: the kind "workshop" is the whole workshop, as without. */
		rc = cli_json_show(ctx->out, &d, k ? k->kind : JH_WORKSHOP, &err);
		model_data_free(&d);
		return rc ? cli_fail(ctx, err.msg) : CLI_OK;
	}
	show_init(&s, &d);
	if (k && tables[k->kind].cols)
		show_kind(&s, k->kind, ctx->out);
	else
		show_all(&s, ctx->out);
	show_free(&s);
	model_data_free(&d);
	if (fflush(ctx->out) != 0 || ferror(ctx->out))
		return cli_fail(ctx, _("cannot write the output"));
	return CLI_OK;
}

const struct cli_command cli_show_entry = {
    .name = "show",
    .synopsis = "show WORKSHOP [KIND]",
    .about = N_("print items as a table"),
    .globals = CLI_GLOBAL_DB,
    .usage = CLI_USAGE_PLAIN,
    .options = {{NULL, "--json", CLI_OPT_FLAG}},
    .min_operands = 1,
    .max_operands = 2,
    .exec = show_exec,
};
