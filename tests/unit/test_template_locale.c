/* test_template_locale.c: the language field of templates, the translated
 * bundled templates as the loader reads them, and the languages the
 * default template follows. */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journeyhack/template.h"
#include "journeyhack/template_locale.h"
#include "testutil.h"

static const char body[] = "name: kundresa\n"
			   "title: Kundresan\n"
			   "stages: [Upptäcka, Köpa]\n"
			   "channels: [webb]\n"
			   "agenda:\n"
			   "  - day: 1\n"
			   "    title: Start\n"
			   "    minutes: 10\n";

/* The template above with "language: TAG" added; 0 when it loads. */
static int load_tag(const char *tag, struct jh_template *t, struct jh_err *err)
{
	char buf[512];

	snprintf(buf, sizeof buf, "%slanguage: %s\n", body, tag);
	return template_load_buffer(buf, strlen(buf), "t.yaml", t, err);
}

Test(language, tags_are_accepted_as_written)
{
	static const char *const good[] = {"sv",    "nb",      "en",	    "fil",
					   "pt-BR", "sr-Latn", "zh-Hant-TW"};

	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		struct jh_template t;
		struct jh_err err = {{0}};

		cr_assert_eq(load_tag(good[i], &t, &err), 0, "%s: %s", good[i], err.msg);
		cr_expect_str_eq(t.language, good[i]);
		template_free(&t);
	}
}

Test(language, locales_and_malformed_tags_are_refused_at_their_place)
{
	static const char *const bad[] = {
	    "sv_SE.UTF-8", "SV",	   "s",	     "svenska", "sv-",
	    "sv-x",	   "sv-abcdefghi", "nb--NO", "sv SE",	"-sv"};

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct jh_template t;
		struct jh_err err = {{0}};
		char want[160];

		cr_assert_eq(load_tag(bad[i], &t, &err), -1, "%s was accepted", bad[i]);
		snprintf(want, sizeof want,
			 "t.yaml:9:11: language: \"%s\" is not a language tag (use a code such as "
			 "sv, nb or en)",
			 bad[i]);
		cr_expect_str_eq(err.msg, want);
	}
}

Test(language, absent_or_empty_is_not_stated)
{
	struct jh_template t;
	struct jh_err err = {{0}};

	cr_assert_eq(template_load_buffer(body, strlen(body), "t.yaml", &t, &err), 0, "%s",
		     err.msg);
	cr_expect_str_eq(t.language, "");
	template_free(&t);
	cr_assert_eq(load_tag("~", &t, &err), 0, "%s", err.msg);
	cr_expect_str_eq(t.language, "");
	template_free(&t);
}

/* Each translation states its language, which its name ends with, and
 * keeps its original's timeboxes, days, views and stage count. */
static void expect_translation(const char *original, const char *lang)
{
	char name[128], file[160];
	char *p = NULL;
	struct jh_template en, tr;
	struct jh_err err = {{0}};

	snprintf(file, sizeof file, "workshop-templates/%s.yaml", original);
	p = tu_srcpath(file);
	cr_assert_eq(template_load(p, &en, &err), 0, "%s", err.msg);
	free(p);
	snprintf(name, sizeof name, "%s-%s", original, lang);
	snprintf(file, sizeof file, "workshop-templates/%s.yaml", name);
	p = tu_srcpath(file);
	cr_assert_eq(template_load(p, &tr, &err), 0, "%s", err.msg);
	free(p);
	cr_expect_str_eq(tr.name, name);
	cr_expect_str_eq(tr.language, lang);
	cr_expect_str_eq(en.language, "");
	cr_expect_str_neq(tr.title, en.title);
	cr_expect_str_eq(tr.method, en.method);
	cr_expect_eq(tr.nstages, en.nstages);
	cr_expect_eq(tr.nchannels, en.nchannels);
	cr_expect_eq(tr.nprompts, en.nprompts);
	cr_expect_eq(tr.njourneys, en.njourneys);
	cr_assert_eq(tr.nsteps, en.nsteps, "%s", name);
	for (size_t i = 0; i < en.nsteps; i++) {
		cr_expect_eq(tr.steps[i].day, en.steps[i].day, "%s step %zu", name, i + 1);
		cr_expect_eq(tr.steps[i].minutes, en.steps[i].minutes, "%s step %zu", name, i + 1);
		cr_expect_str_eq(tr.steps[i].view, en.steps[i].view, "%s step %zu", name, i + 1);
		cr_expect_eq(tr.steps[i].private_, en.steps[i].private_);
		cr_expect_str_neq(tr.steps[i].notes, en.steps[i].notes);
	}
	template_free(&en);
	template_free(&tr);
}

Test(bundled, translations_state_their_language_and_keep_the_structure)
{
	expect_translation("customer-journey-hackathon", "sv");
	expect_translation("customer-journey-hackathon", "nb");
	expect_translation("payment-moment", "sv");
	expect_translation("payment-moment", "nb");
}

/* Languages for one environment, joined by spaces. */
static void languages(const char *language, const char *all, const char *messages, const char *lang,
		      char *out, size_t size)
{
	char langs[8][9];
	size_t n, used = 0;

	unsetenv("LANGUAGE");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
	if (language)
		setenv("LANGUAGE", language, 1);
	if (all)
		setenv("LC_ALL", all, 1);
	if (messages)
		setenv("LC_MESSAGES", messages, 1);
	if (lang)
		setenv("LANG", lang, 1);
	n = template_locale_languages(langs, 8);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s", i ? " " : "", langs[i]);
}

Test(locale, languages_are_read_as_gettext_reads_them)
{
	static const struct {
		const char *language, *all, *messages, *lang, *want;
	} cases[] = {
	    {NULL, NULL, NULL, NULL, ""},
	    {NULL, NULL, NULL, "sv_SE.UTF-8", "sv"},
	    {NULL, NULL, NULL, "nb_NO.UTF-8@euro", "nb"},
	    {NULL, NULL, NULL, "no_NO", "nb"},
	    {NULL, NULL, NULL, "nn_NO.UTF-8", "nn"},
	    {NULL, NULL, "sv_FI.UTF-8", "en_GB.UTF-8", "sv"},
	    {NULL, "nb_NO.UTF-8", "sv_SE.UTF-8", "en_GB.UTF-8", "nb"},
	    {"", NULL, NULL, "sv_SE.UTF-8", "sv"},
	    {"nn:nb:sv", NULL, NULL, "sv_SE.UTF-8", "nn nb sv"},
	    {"de::no:nb", NULL, NULL, "de_DE.UTF-8", "de nb"},
	    {"sv", "C", NULL, NULL, ""},
	    {"sv", NULL, NULL, "POSIX", ""},
	    {"sv", NULL, NULL, NULL, ""},
	    {"sv", "C.UTF-8", NULL, NULL, "sv"},
	    {NULL, "C.UTF-8", NULL, "sv_SE.UTF-8", ""},
	    {"toolonglanguage:sv", NULL, NULL, "en_US.UTF-8", "sv en"},
	};
	char got[128];

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		languages(cases[i].language, cases[i].all, cases[i].messages, cases[i].lang, got,
			  sizeof got);
		cr_expect_str_eq(got, cases[i].want, "case %zu: LANGUAGE=%s LC_ALL=%s", i,
				 cases[i].language ? cases[i].language : "(unset)",
				 cases[i].all ? cases[i].all : "(unset)");
	}
}

Test(locale, at_most_max_languages_are_written)
{
	char langs[2][9];

	setenv("LANGUAGE", "sv:nb:da:fi", 1);
	setenv("LANG", "sv_SE.UTF-8", 1);
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	cr_expect_eq(template_locale_languages(langs, 2), 2);
	cr_expect_str_eq(langs[0], "sv");
	cr_expect_str_eq(langs[1], "nb");
}
