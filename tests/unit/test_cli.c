/* test_cli.c: the built journeyhack binary on a temporary database. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journeyhack/cli.h"
#include "journeyhack/cli_cmd.h"
#include "journeyhack/cli_table.h"
#include "journeyhack/kinds.h"
#include "testutil.h"

static char *dir;
static char *db;

static void setup(void)
{
	dir = tu_tmpdir();
	db = tu_join(dir, "w.db");
	setenv("JOURNEYHACK_TODAY", "2026-11-22", 1);
}

static void teardown(void)
{
	tu_rmtree(dir);
	free(dir);
	free(db);
}

TestSuite(cli, .init = setup, .fini = teardown);

#define RUN(...) tu_jhdb(db, (const char *const[]){__VA_ARGS__, NULL})

/* Run, expect success, free. */
#define OK(...)                                                                                    \
	do {                                                                                       \
		struct tu_run r_ = RUN(__VA_ARGS__);                                               \
		cr_assert_eq(r_.status, 0, "status %d: %s", r_.status, r_.err);                    \
		tu_run_free(&r_);                                                                  \
	} while (0)

static void expect_fail(struct tu_run r, int status, const char *needle)
{
	cr_assert_eq(r.status, status, "status %d, stderr: %s", r.status, r.err);
	cr_assert(strstr(r.err, needle), "stderr \"%s\" lacks \"%s\"", r.err, needle);
	cr_assert_eq(strchr(r.err, '\n'), r.err + strlen(r.err) - 1, "not one line: %s", r.err);
	tu_run_free(&r);
}

static char *show_all(void)
{
	struct tu_run r = RUN("show", "w");
	char *out;
	cr_assert_eq(r.status, 0, "%s", r.err);
	out = r.out;
	free(r.err);
	return out;
}

static void workshop(void)
{
	OK("new", "w", "-t", "payment-moment");
	OK("add", "w", "participant", "name=Åsa", "department=Ekonomi", "role=facilitator");
	OK("add", "w", "participant", "name=Øyvind");
}

Test(cli, help_and_version)
{
	struct tu_run r = tu_jh((const char *const[]){"--help", NULL}, NULL, NULL);
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "journeyhack [-d DB] new NAME [-t TEMPLATE]"));
	cr_assert(strstr(r.out, "export WORKSHOP"));
	tu_run_free(&r);
	r = tu_jh((const char *const[]){"--version", NULL}, NULL, NULL);
	cr_assert_eq(r.status, 0);
	cr_assert(strncmp(r.out, "journeyhack ", 12) == 0, "%s", r.out);
	tu_run_free(&r);
	r = tu_jh((const char *const[]){"--bogus", NULL}, NULL, NULL);
	cr_assert_eq(r.status, 2);
	tu_run_free(&r);
	expect_fail(RUN("frobnicate", "x", "y"), 2, "unknown command \"frobnicate\"");
}

Test(cli, new_list_and_templates)
{
	struct tu_run r;
	struct stat sb;

	OK("new", "hack");
	OK("new", "pay", "-t", "payment-moment");
	cr_assert_eq(stat(db, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	r = RUN("list");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "customer-journey-hackathon"), "%s", r.out);
	cr_assert(strstr(r.out, "payment-moment"), "%s", r.out);
	cr_assert(strstr(r.out, "2026-11-22"), "%s", r.out);
	tu_run_free(&r);
	expect_fail(RUN("new", "pay"), 1, "already exists");
	expect_fail(RUN("new", "x", "-t", "no-such-template"), 1,
		    "no template \"no-such-template\"");

	r = tu_jh((const char *const[]){"templates", NULL}, NULL, NULL);
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "customer-journey-hackathon"));
	cr_assert(strstr(r.out, "payment-moment"));
	cr_assert(strstr(r.out, "half-day-sprint"));
	tu_run_free(&r);
}

Test(cli, template_path_env_comes_first)
{
	char *tdir = tu_join(dir, "tpl");
	char *src = tu_srcpath("workshop-templates/half-day-sprint.yaml");
	char *content = tu_read(src, NULL);
	char *dst, env[1024];
	struct tu_run r;

	mkdir(tdir, 0700);
	dst = tu_join(tdir, "my-own.yaml");
	tu_write(dst, content);
	snprintf(env, sizeof env, "JOURNEYHACK_TEMPLATE_PATH=%s", tdir);
	r = tu_jh((const char *const[]){"templates", NULL}, NULL, (const char *const[]){env, NULL});
	cr_assert(strstr(r.out, "my-own"), "%s", r.out);
	cr_assert(strstr(r.out, dst), "%s", r.out);
	tu_run_free(&r);
	r = tu_jh((const char *const[]){"-d", db, "new", "mine", "-t", "my-own", NULL}, NULL,
		  (const char *const[]){env, NULL});
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	free(tdir);
	free(src);
	free(content);
	free(dst);
}

Test(cli, check_template)
{
	char *good = tu_srcpath("workshop-templates/payment-moment.yaml");
	char *bad = tu_join(dir, "bad.yaml");
	struct tu_run r;

	r = tu_jh((const char *const[]){"check-template", good, NULL}, NULL, NULL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	tu_write(bad, "name: x\ntitle: [unclosed\n");
	r = tu_jh((const char *const[]){"check-template", bad, NULL}, NULL, NULL);
	cr_assert_eq(r.status, 1);
	cr_assert(strstr(r.err, bad), "%s", r.err);
	cr_assert(strstr(r.err, ":3:") || strstr(r.err, ":2:"), "%s", r.err);
	tu_run_free(&r);
	free(good);
	free(bad);
}

Test(cli, add_show_set_rm_every_kind)
{
	struct tu_run r;

	workshop();
	OK("add", "w", "journey", "name=Bli kund", "stages=Hitta,Köpa,Välkomnas");
	OK("add", "w", "touchpoint", "journey=Bli kund", "stage=Köpa", "name=Kassan", "channel=web",
	   "owner=IT", "score=-1", "reach=70", "potential=2");
	OK("add", "w", "stage", "journey=Bli kund", "name=Förnya");
	OK("add", "w", "painpoint", "touchpoint=Receive invoice", "title=Fakturan är obegriplig",
	   "severity=5", "frequency=4", "evidence=41 % av samtalen");
	OK("add", "w", "idea", "title=Förklara fakturan", "impact=5", "effort=2", "confidence=4",
	   "painpoints=1");
	OK("--as", "Åsa", "add", "w", "vote", "idea=1", "dots=2");
	OK("add", "w", "action", "idea=1", "title=Skissa ny faktura", "owner=Åsa",
	   "due=2026-12-15");
	OK("add", "w", "action", "title=Old thing", "owner=Øyvind", "due=2026-11-01");
	OK("--as", "Øyvind", "add", "w", "parking", "text=Vänta på nytt system?");

	r = RUN("show", "w", "touchpoints");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "Kassan"), "%s", r.out);
	cr_assert(strstr(r.out, "weakest link"), "%s", r.out);
	tu_run_free(&r);

	r = RUN("show", "w", "idea");
	cr_assert(strstr(r.out, "Förklara fakturan"), "%s", r.out);
	cr_assert(strstr(r.out, "[weakest link]"), "%s", r.out);
	cr_assert(strstr(r.out, "quick-win"), "%s", r.out);
	tu_run_free(&r);

	r = RUN("show", "w", "action");
	cr_assert(strstr(r.out, "OVERDUE"), "%s", r.out);
	tu_run_free(&r);

	r = RUN("show", "w", "participants");
	cr_assert(strstr(r.out, "2/"), "%s", r.out);
	tu_run_free(&r);

	r = RUN("show", "w", "parking");
	cr_assert(strstr(r.out, "Øyvind"), "%s", r.out);
	tu_run_free(&r);

	OK("set", "w", "action", "1", "status=done");
	OK("set", "w", "touchpoint", "Kassan", "stage=Hitta", "score=1");
	OK("set", "w", "workshop", "method=ice");
	OK("set", "w", "step", "1", "minutes=45");
	r = RUN("show", "w");
	cr_assert(strstr(r.out, "prioritisation ice"), "%s", r.out);
	cr_assert(strstr(r.out, "45"), "%s", r.out);
	tu_run_free(&r);
	OK("rm", "w", "parking", "1");
	OK("rm", "w", "action", "Old thing");
	r = RUN("show", "w", "parking");
	cr_assert_eq(r.status, 0);
	cr_assert_str_eq(r.out, "ID  ANSWERED  TEXT  AUTHOR  ANSWER\n");
	tu_run_free(&r);
}

Test(cli, swedish_columns_line_up)
{
	struct tu_run r;
	char *line2, *line3;

	workshop();
	r = RUN("show", "w", "participant");
	cr_assert_eq(r.status, 0);
	/* "Åsa" and "Øyvind" are 3 and 6 columns: the next column starts at
	 * the same display column on both lines, i.e. Åsa is padded with 3
	 * more spaces than Øyvind. */
	line2 = strstr(r.out, "Åsa");
	line3 = strstr(r.out, "Øyvind");
	cr_assert(line2 && line3);
	cr_assert(strncmp(line2, "Åsa     Ekonomi", strlen("Åsa     Ekonomi")) == 0, "%s", r.out);
	cr_assert(strncmp(line3, "Øyvind  ", 8) == 0, "%s", r.out);
	tu_run_free(&r);
}

Test(cli, bad_values_change_nothing)
{
	char *before, *after;

	workshop();
	before = show_all();
	expect_fail(RUN("add", "w", "touchpoint", "stage=Receive", "name=X", "score=3"), 1,
		    "score: 3 is out of range (-2..2)");
	expect_fail(RUN("add", "w", "action", "title=X", "due=2026-02-30"), 1,
		    "due: \"2026-02-30\" is not a date");
	expect_fail(RUN("add", "w", "painpoint", "title=X", "touchpoint=-4"), 1,
		    "touchpoint: -4 is not a valid id");
	expect_fail(RUN("add", "w", "painpoint", "title=X", "touchpoint=Nowhere"), 1,
		    "no touchpoint named \"Nowhere\"");
	expect_fail(RUN("add", "w", "painpoint", "title=X", "colour=red"), 1,
		    "painpoint has no field \"colour\"");
	expect_fail(RUN("add", "w", "painpoint", "severity=2"), 1, "title: required");
	expect_fail(RUN("add", "w", "painpoint", "title=a", "title=b"), 1, "title: given twice");
	expect_fail(RUN("add", "w", "painpoint", "title"), 1, "expected FIELD=VALUE");
	expect_fail(RUN("add", "w", "gizmo", "title=x"), 1, "unknown kind \"gizmo\"");
	expect_fail(RUN("add", "nope", "painpoint", "title=x"), 1, "no workshop \"nope\"");
	expect_fail(RUN("add", "w", "participant", "name=Åsa"), 1, "already exists");
	expect_fail(RUN("add", "w", "vote", "idea=1", "participant=Åsa"), 1, "no idea with id 1");
	expect_fail(RUN("set", "w", "painpoint", "77", "severity=2"), 1, "no painpoint 77");
	expect_fail(RUN("rm", "w", "stage", "Receive"), 1, "still has 1 touchpoint;");
	expect_fail(RUN("set", "w", "workshop", "method=magic"), 1, "is not one of");
	after = show_all();
	cr_assert_str_eq(before, after);
	free(before);
	free(after);
}

Test(cli, vote_budget_refused_with_message)
{
	workshop();
	OK("set", "w", "workshop", "dots=2");
	OK("add", "w", "idea", "title=A");
	OK("add", "w", "idea", "title=B");
	OK("add", "w", "vote", "idea=A", "participant=Åsa", "dots=2");
	expect_fail(RUN("add", "w", "vote", "idea=B", "participant=Åsa"), 1,
		    "the budget is 2 dots per participant");
}

Test(cli, sql_and_escapes_are_harmless)
{
	struct tu_run r;

	workshop();
	OK("add", "w", "painpoint", "title=x'); DROP TABLE painpoint; --",
	   "evidence=\x1b]0;pwned\x07\x1b[2J");
	r = RUN("show", "w", "painpoints");
	cr_assert_eq(r.status, 0);
	cr_assert(strstr(r.out, "x'); DROP TABLE painpoint; --"), "%s", r.out);
	cr_assert_null(strchr(r.out, '\x1b'), "raw ESC in output");
	cr_assert_null(strchr(r.out, '\x07'), "raw BEL in output");
	tu_run_free(&r);
}

Test(cli, missing_database_is_not_created_by_reading)
{
	struct tu_run r = RUN("list");

	cr_assert_eq(r.status, 3);
	cr_assert(strstr(r.err, "no such database"), "%s", r.err);
	cr_assert_neq(access(db, F_OK), 0);
	tu_run_free(&r);
}

Test(cli, default_database_follows_xdg)
{
	char env1[1024], env2[1024], *path;
	struct tu_run r;
	struct stat sb;

	snprintf(env1, sizeof env1, "XDG_DATA_HOME=%s/xdg", dir);
	snprintf(env2, sizeof env2, "HOME=%s/home", dir);
	unsetenv("JOURNEYHACK_DB");
	r = tu_jh((const char *const[]){"new", "x", NULL}, NULL,
		  (const char *const[]){env1, env2, NULL});
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	path = tu_join(dir, "xdg/journeyhack/journeyhack.db");
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	free(path);

	snprintf(env1, sizeof env1, "JOURNEYHACK_DB=%s/env.db", dir);
	r = tu_jh((const char *const[]){"new", "y", NULL}, NULL,
		  (const char *const[]){env1, env2, NULL});
	cr_assert_eq(r.status, 0, "%s", r.err);
	tu_run_free(&r);
	path = tu_join(dir, "env.db");
	cr_assert_eq(stat(path, &sb), 0);
	free(path);
}

Test(cli, csv_import_all_or_nothing)
{
	char *good = tu_join(dir, "painpoints.csv"), *bad = tu_join(dir, "bad.csv");
	struct tu_run r;
	char *before, *after;

	workshop();
	tu_write(good,
		 "\xEF\xBB\xBFtitle,touchpoint,severity,frequency,evidence\r\n"
		 "\"Fakturan, igen\",Receive invoice,5,4,\"Kund: \"\"Vad betalar jag för?\"\"\"\r\n"
		 "Kö i telefon,Ask a question,4,,\"rad ett\nrad två\"\r\n");
	r = RUN("import", "w", good);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert(strstr(r.out, "imported 2 painpoints"), "%s", r.out);
	tu_run_free(&r);
	r = RUN("show", "w", "painpoint");
	cr_assert(strstr(r.out, "Fakturan, igen"), "%s", r.out);
	cr_assert(strstr(r.out, "Kund: \"Vad betalar jag för?\""), "%s", r.out);
	tu_run_free(&r);

	before = show_all();
	tu_write(bad, "title,severity\nfine,3\nalso fine,2\nbroken,9\n");
	expect_fail(RUN("import", "w", bad, "--kind", "painpoints"), 1,
		    "bad.csv:4: severity: 9 is out of range (1..5); nothing was imported");
	tu_write(bad, "title,colour\nx,red\n");
	expect_fail(RUN("import", "w", bad, "--kind", "painpoints"), 1,
		    "unknown column \"colour\"");
	tu_write(bad, "title,severity\n\"unterminated,3\n");
	expect_fail(RUN("import", "w", bad, "--kind", "ideas"), 1, "bad.csv:2");
	expect_fail(RUN("import", "w", bad), 1, "--kind");
	after = show_all();
	cr_assert_str_eq(before, after);
	free(before);
	free(after);
	free(good);
	free(bad);
}

Test(cli, names_resolve_within_journey)
{
	workshop();
	OK("add", "w", "journey", "name=Second", "stages=Receive,Other");
	/* "Receive" exists in both journeys: the journey given decides. */
	OK("add", "w", "touchpoint", "journey=Second", "stage=Receive", "name=Welcome letter");
	expect_fail(RUN("add", "w", "touchpoint", "stage=Receive", "name=X"), 1,
		    "journey: required (the workshop has 2 journeys)");
	OK("add", "w", "touchpoint", "stage=7", "name=By stage id");
}

Test(cli, tables_line_up_in_the_c_locale)
{
	struct tu_run r;
	const char *lines[2];

	workshop();
	OK("add", "w", "participant", "name=請求書", "department=X");
	r = tu_jh((const char *const[]){"-d", db, "show", "w", "participant", NULL}, NULL,
		  (const char *const[]){"LC_ALL=C", "LANG=C", NULL});
	cr_assert_eq(r.status, 0, "%s", r.err);
	/* 請求書 is 6 columns wide, like Øyvind: their next columns align. */
	lines[0] = strstr(r.out, "Øyvind");
	lines[1] = strstr(r.out, "請求書");
	cr_assert(lines[0] && lines[1], "%s", r.out);
	cr_assert(strncmp(lines[1], "請求書  X", strlen("請求書  X")) == 0, "%s", r.out);
	tu_run_free(&r);
}

Test(cli, show_every_kind)
{
	workshop();
	for (int i = 0; i < JH_NKINDS; i++) {
		const struct jh_kind_def *k = kinds_get((enum jh_kind)i);
		struct tu_run r = RUN("show", "w", k->name);
		cr_assert_eq(r.status, 0, "show %s: %s", k->name, r.err);
		/* Every kind has a table with an ID column; the workshop shows it all. */
		cr_assert(strstr(r.out, "ID") || strstr(r.out, "RANK"), "show %s: %s", k->name,
			  r.out);
		tu_run_free(&r);
	}
}

/* ---- the command table, its parser and --help, in process ---- */

static char *help_text(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cli_cmd_help(f);
	fclose(f);
	return buf;
}

Test(cli_cmd, help_is_made_from_the_table_unchanged)
{
	static const char want[] =
	    "Usage:\n"
	    "  journeyhack [-d DB] [--as NAME] [WORKSHOP]     open the workshop UI\n"
	    "  journeyhack [-d DB] new NAME [-t TEMPLATE]     create a workshop\n"
	    "  journeyhack [-d DB] list                       list workshops\n"
	    "  journeyhack templates                          list templates found\n"
	    "  journeyhack check-template FILE...             validate template files\n"
	    "  journeyhack [-d DB] [--as NAME] add WORKSHOP KIND FIELD=VALUE...\n"
	    "  journeyhack [-d DB] show WORKSHOP [KIND]       print items as a table\n"
	    "  journeyhack [-d DB] set WORKSHOP KIND ID FIELD=VALUE...\n"
	    "  journeyhack [-d DB] rm WORKSHOP KIND ID\n"
	    "  journeyhack [-d DB] [--as NAME] merge WORKSHOP painpoint|idea A B...\n"
	    "                                  [--if-revision REV]\n"
	    "  journeyhack [-d DB] import WORKSHOP FILE\n"
	    "                      [-k painpoints|ideas|actions|touchpoints] [--csv-sep SEP]\n"
	    "                      [--map MAP [--journey J]]\n"
	    "  journeyhack [-d DB] export WORKSHOP [-f FORMAT]\n"
	    "                      [-r actions|backlog|report|painpoints] [-o FILE]\n"
	    "                      [--csv-raw] [--csv-sep SEP] [--csv-bom]\n"
	    "                      [--journey JOURNEY]\n"
	    "  journeyhack [-d DB] followup WORKSHOP [-o FILE] follow-up report\n"
	    "  journeyhack config [--dump | --path]           the configuration in effect\n"
	    "  journeyhack [-d DB] [--as NAME] focus WORKSHOP [KIND ID|--clear]\n"
	    "  journeyhack [-d DB] [--as NAME] round WORKSHOP [open|close] [--dots N]\n"
	    "                                  [--ideas ID,ID] [--journey J] [--status S]\n"
	    "  journeyhack [-d DB] ready WORKSHOP [--as NAME] [--undo] [--status] [--json]\n"
	    "  journeyhack --help | --version\n"
	    "\n"
	    "KIND: participant journey stage touchpoint painpoint idea vote action parking "
	    "persona\n";
	char *got = help_text();

	/* The lines made from the table; the options that follow are one
	 * literal, printed as it stands. */
	cr_assert_eq(strncmp(got, want, strlen(want)), 0, "%s", got);
	free(got);
}

Test(cli_cmd, every_command_found_by_name_and_in_help)
{
	static const char *const names[] = {"new",    "list",  "templates", "check-template",
					    "add",    "show",  "set",	    "rm",
					    "import", "export"};
	char *help = help_text();

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const struct cli_command *c = cli_cmd_find(names[i]);
		cr_assert(c, "%s", names[i]);
		cr_assert_str_eq(c->name, names[i]);
		/* The two longest synopses are wrapped over several lines. */
		cr_assert(strstr(help, c->synopsis) || !strcmp(c->name, "export") ||
			      !strcmp(c->name, "import"),
			  "%s", c->synopsis);
	}
	cr_assert_null(cli_cmd_find("frobnicate"));
	cr_assert_null(cli_cmd_find("w"));
	free(help);
}

struct parsed {
	int rc;
	struct cli_args args;
	char err[512];
};

static struct parsed parse(const char *name, char **argv)
{
	struct parsed p = {0};
	struct cli_ctx ctx = {0};
	int argc = 0;
	FILE *f = fmemopen(p.err, sizeof p.err - 1, "w");

	while (argv[argc])
		argc++;
	ctx.err = f;
	p.rc = cli_args_parse(&ctx, cli_cmd_find(name), argc, argv, &p.args);
	fclose(f);
	return p;
}

#define ARGV(...) ((char *[]){__VA_ARGS__, NULL})

Test(cli_cmd, options_in_every_spelling_the_entry_allows)
{
	static char *forms[][3] = {{"-f", "csv", NULL},
				   {"--format", "csv", NULL},
				   {"--format=csv", NULL, NULL},
				   {"-fcsv", NULL, NULL}};

	for (size_t i = 0; i < 4; i++) {
		char *argv[5] = {"export", "w", forms[i][0], forms[i][1], NULL};
		struct parsed p = parse("export", argv);
		cr_assert_eq(p.rc, 0, "%s: %s", forms[i][0], p.err);
		cr_assert_str_eq(p.args.opt[0], "csv");
		cr_assert_eq(p.args.argc, 2);
		cr_assert_str_eq(p.args.argv[1], "w");
		cli_args_free(&p.args);
	}
	/* import takes --kind=X but not -kX: that is an operand. */
	struct parsed p = parse("import", ARGV("import", "w", "--kind=ideas", "f.csv"));
	cr_assert_eq(p.rc, 0, "%s", p.err);
	cr_assert_str_eq(p.args.opt[0], "ideas");
	cr_assert_str_eq(p.args.argv[2], "f.csv");
	cli_args_free(&p.args);
	p = parse("import", ARGV("import", "w", "-kideas"));
	cr_assert_eq(p.rc, 0, "%s", p.err);
	cr_assert_null(p.args.opt[0]);
	cr_assert_str_eq(p.args.argv[2], "-kideas");
	cli_args_free(&p.args);
}

Test(cli_cmd, usage_errors_keep_each_commands_wording)
{
	struct parsed p = parse("new", ARGV("new", "w", "-x"));
	cr_assert_eq(p.rc, CLI_USAGE);
	cr_assert_str_eq(p.err, "journeyhack: new: usage: journeyhack new NAME [-t TEMPLATE]\n");
	p = parse("new", ARGV("new", "w", "-t"));
	cr_assert_str_eq(p.err, "journeyhack: new: usage: journeyhack new NAME [-t TEMPLATE]\n");
	p = parse("rm", ARGV("rm", "w", "idea"));
	cr_assert_eq(p.rc, CLI_USAGE);
	cr_assert_str_eq(p.err, "journeyhack: usage: journeyhack rm WORKSHOP KIND ID\n");
	p = parse("list", ARGV("list", "extra"));
	cr_assert_str_eq(p.err, "journeyhack: list: usage: journeyhack list\n");
	p = parse("export", ARGV("export", "w", "-f"));
	cr_assert_str_eq(p.err, "journeyhack: export: an option needs a value\n"
				"usage: journeyhack export WORKSHOP [-f FORMAT] "
				"[-r actions|backlog|report|painpoints] [-o FILE] [--csv-raw] "
				"[--csv-sep SEP] [--csv-bom] [--journey JOURNEY]\n");
	p = parse("export", ARGV("export", "w", "-x"));
	cr_assert(strstr(p.err, "export: unknown option\n"), "%s", p.err);
	p = parse("export", ARGV("export", "w", "v"));
	cr_assert(strstr(p.err, "export: one workshop at a time\n"), "%s", p.err);
	p = parse("export", ARGV("export", "-fmd"));
	cr_assert(strstr(p.err, "export: which workshop?\n"), "%s", p.err);
}

Test(cli_cmd, operands_keep_dashes_where_the_command_is_not_strict)
{
	struct parsed p = parse("add", ARGV("add", "w", "idea", "-x=1"));

	cr_assert_eq(p.rc, 0, "%s", p.err);
	cr_assert_eq(p.args.argc, 4);
	cr_assert_str_eq(p.args.argv[3], "-x=1");
	cli_args_free(&p.args);
	p = parse("check-template", ARGV("check-template", "a", "b", "c"));
	cr_assert_eq(p.rc, 0, "%s", p.err);
	cr_assert_eq(p.args.argc, 4);
	cli_args_free(&p.args);
}

Test(cli_table, columns_line_up_by_display_width)
{
	struct cli_table t;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	/* As main() does: widths are measured as UTF-8. */
	setlocale(LC_CTYPE, "C.UTF-8");
	cli_table_init(&t, 3);
	cli_table_col(&t, 0, "ID", 0, 1);
	cli_table_col(&t, 1, "NAME", 5, 0);
	cli_table_col(&t, 2, "NOTE", 0, 0);
	cli_table_row(&t, (const char *const[]){"1", "Åsa", ""});
	cli_table_row(&t, (const char *const[]){"12", "請求書 long", "x"});
	cr_assert_eq(cli_table_print(&t, f), 0);
	fclose(f);
	cr_assert_str_eq(buf, "ID  NAME   NOTE\n"
			      " 1  Åsa\n"
			      "12  請求…  x\n");
	free(buf);
}
