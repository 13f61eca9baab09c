/* test_cli_json.c: what goes into --json output is never translated.
 *
 * A message catalogue with one Swedish message is written (in the MO
 * format gettext reads) and bound; under the Swedish locale gettext gives
 * the translation, between cli_json_untranslated and cli_json_translated
 * the English text, and afterwards the translation again. */
#include <criterion/criterion.h>
#include <libintl.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "journeyhack/cli_json.h"
#include "testutil.h"

#define DOMAIN "jh-test-json"

static void put32(FILE *f, uint32_t v)
{
	cr_assert_eq(fwrite(&v, sizeof v, 1, f), 1);
}

/* A catalogue of n messages, sorted by msgid as the format requires. */
static void write_mo(const char *path, const char *const *ids, const char *const *strs, uint32_t n)
{
	FILE *f = fopen(path, "wb");
	uint32_t at = 28 + 16 * n;

	cr_assert_not_null(f);
	put32(f, 0x950412de); /* magic, in this machine's byte order */
	put32(f, 0);	      /* revision */
	put32(f, n);
	put32(f, 28);	      /* the table of msgids */
	put32(f, 28 + 8 * n); /* the table of translations */
	put32(f, 0);	      /* no hash table */
	put32(f, 0);
	for (uint32_t i = 0; i < n; i++) {
		put32(f, (uint32_t)strlen(ids[i]));
		put32(f, at);
		at += (uint32_t)strlen(ids[i]) + 1;
	}
	for (uint32_t i = 0; i < n; i++) {
		put32(f, (uint32_t)strlen(strs[i]));
		put32(f, at);
		at += (uint32_t)strlen(strs[i]) + 1;
	}
	for (uint32_t i = 0; i < n; i++)
		cr_assert_eq(fwrite(ids[i], strlen(ids[i]) + 1, 1, f), 1);
	for (uint32_t i = 0; i < n; i++)
		cr_assert_eq(fwrite(strs[i], strlen(strs[i]) + 1, 1, f), 1);
	cr_assert_eq(fclose(f), 0);
}

Test(cli_json, messages_are_made_untranslated_between_the_calls)
{
	static const char *const ids[] = {"", "empty template"};
	static const char *const strs[] = {"Content-Type: text/plain; charset=UTF-8\n", "tom mall"};
	char *dir = tu_tmpdir(), *sv = tu_join(dir, "sv"), *lc = tu_join(sv, "LC_MESSAGES");
	char *mo = tu_join(lc, DOMAIN ".mo"), *saved;

	cr_assert_eq(mkdir(sv, 0700), 0);
	cr_assert_eq(mkdir(lc, 0700), 0);
	write_mo(mo, ids, strs, 2);
	unsetenv("LANGUAGE");
	cr_assert_not_null(bindtextdomain(DOMAIN, dir));
	cr_assert_not_null(bind_textdomain_codeset(DOMAIN, "UTF-8"));
	cr_assert_not_null(setlocale(LC_ALL, "sv_SE.UTF-8"),
			   "the sv_SE.UTF-8 locale is needed (scripts/deps.sh installs locales)");
	cr_assert_str_eq(dgettext(DOMAIN, "empty template"), "tom mall");

	saved = cli_json_untranslated();
	cr_expect_str_eq(dgettext(DOMAIN, "empty template"), "empty template");
	/* LANGUAGE chooses the language only outside the C locale. */
	setenv("LANGUAGE", "sv", 1);
	cr_expect_str_eq(dgettext(DOMAIN, "empty template"), "empty template");
	unsetenv("LANGUAGE");
	cli_json_translated(saved);

	cr_expect_str_eq(dgettext(DOMAIN, "empty template"), "tom mall");
	cr_expect_str_eq(setlocale(LC_MESSAGES, NULL), "sv_SE.UTF-8");
	setlocale(LC_ALL, "C");
	tu_rmtree(dir);
	free(mo);
	free(lc);
	free(sv);
	free(dir);
}
