/* ui.h: the interactive curses interface, a client of the core. */
#ifndef JOURNEYHACK_UI_H
#define JOURNEYHACK_UI_H

#include "journeyhack/err.h"
#include "journeyhack/kinds.h"

struct config;

struct ui_opts {
	const char *db_path;	 /* database file (already resolved) */
	const char *workshop;	 /* name or id; NULL: the only one, or a chooser */
	const char *as_name;	 /* --as NAME: the acting participant, or NULL */
	const char *replay_path; /* --replay FILE: keys from FILE, virtual screen */
	const char *dump_path;	 /* --dump-screen FILE: final screen as text */
	int cols, rows;		 /* --size COLSxROWS for replay (default 80x24) */
	/* Keys, colours and bell (NULL: the defaults), and the folder the
	 * export prompt proposes (NULL: the current one). */
	const struct config *config;
	const char *export_folder;
	int presenter; /* --presenter: start in the presenter view */
	/* NULL, or filled as the run goes (tests, measurements). */
	struct ui_stats *stats;
};

/* What a run read from the store, by kind (enum jh_kind): when the first
 * frame was drawn, and in all. */
struct ui_stats {
	long long first_frame_rows[JH_NKINDS];
	long long rows[JH_NKINDS];
};

/* ui_run's answer when the database cannot be opened (missing, foreign,
 * damaged, newer), so the caller exits as the command line does then. */
#define UI_RUN_NODB (-3)

/* Run the UI until the user quits. Returns 0, or -1 with err filled (the
 * terminal already restored) when it cannot start, UI_RUN_NODB when the
 * reason is the database. */
int ui_run(const struct ui_opts *opts, struct jh_err *err);

#endif
