/* store_schema.h: the database schema and its migrations, private to store.c.
 *
 * MIGRATIONS[i] takes a database from user_version i to i+1. Never edit a
 * migration that has shipped: append a new one. */
#ifndef JOURNEYHACK_STORE_SCHEMA_H
#define JOURNEYHACK_STORE_SCHEMA_H

/* 'JHCK': marks the file as journeyhack's in the SQLite header. */
#define STORE_APPLICATION_ID 0x4A48434B

/* The SQL reads as SQL, one clause a line: not for clang-format. */
/* clang-format off */

/* A version 4 UUID from SQLite's random source. */
#define UUID_SQL \
	"lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'" \
	" || substr(hex(randomblob(2)), 2) || '-'" \
	" || substr('89AB', 1 + abs(random() % 4), 1)" \
	" || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"

/* The revision, last changer and UUID columns of an item table, its
 * existing rows' UUIDs, and the triggers that give a new row its UUID
 * and retire a deleted row's id. */
#define ITEM_REVISIONS(t) \
	"ALTER TABLE " t " ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;" \
	"ALTER TABLE " t " ADD COLUMN changed_by TEXT NOT NULL DEFAULT '';" \
	"ALTER TABLE " t " ADD COLUMN uuid TEXT NOT NULL DEFAULT '';" \
	"UPDATE " t " SET uuid = " UUID_SQL ";" \
	"CREATE TRIGGER " t "_uuid AFTER INSERT ON " t " WHEN NEW.uuid = '' BEGIN" \
	" UPDATE " t " SET uuid = " UUID_SQL " WHERE id = NEW.id; END;" \
	"CREATE TRIGGER " t "_retire AFTER DELETE ON " t " BEGIN" \
	" INSERT OR REPLACE INTO retired_id (tbl, high) VALUES ('" t "'," \
	" max(OLD.id, coalesce((SELECT high FROM retired_id WHERE tbl = '" t "'), 0)));" \
	" END;"

#define VOTER(row) "coalesce((SELECT name FROM participant WHERE id = " row ".participant_id), '')"

/* One entry of the change feed (migration 9 -> 10). */
#define FEED_ROW(wid, kind, id, op) \
	" INSERT INTO change_feed (workshop_id, kind, item_id, op)" \
	" VALUES (" wid ", " kind ", " id ", '" op "'); END;"

/* The feed triggers of an item table whose rows name their workshop in
 * column w; set_when filters the update trigger. */
#define FEED_TRIGGERS(t, w, set_when) \
	"CREATE TRIGGER " t "_feed_add AFTER INSERT ON " t " BEGIN" \
	FEED_ROW("NEW." w, "'" t "'", "NEW.id", "add") \
	"CREATE TRIGGER " t "_feed_set AFTER UPDATE ON " t set_when " BEGIN" \
	FEED_ROW("NEW." w, "'" t "'", "NEW.id", "set") \
	"CREATE TRIGGER " t "_feed_del AFTER DELETE ON " t " BEGIN" \
	FEED_ROW("OLD." w, "'" t "'", "OLD.id", "del")
#define FEED_ITEM(t, w) FEED_TRIGGERS(t, w, " WHEN OLD.uuid <> ''")
#define FEED_ITEM_ALL(t, w) FEED_TRIGGERS(t, w, "")

/* A link row (idea_painpoint, round_idea) changes its parent p, found
 * through column c; the parent may be gone already when a cascade
 * removes its links (workshop 0: nobody's). */
#define FEED_LINK_ROW(p, c, row) \
	FEED_ROW("coalesce((SELECT workshop_id FROM " p " WHERE id = " row "." c "), 0)", \
		 "'" p "'", row "." c, "set")
#define FEED_LINK(t, p, c) \
	"CREATE TRIGGER " t "_feed_add AFTER INSERT ON " t " BEGIN" FEED_LINK_ROW(p, c, "NEW") \
	"CREATE TRIGGER " t "_feed_del AFTER DELETE ON " t " BEGIN" FEED_LINK_ROW(p, c, "OLD")

/* A row of a workshop's own table (lists, ready markers), fed as kind k
 * with the id in column c. */
#define FEED_PART(t, k, c, add, del) \
	"CREATE TRIGGER " t "_feed_add AFTER INSERT ON " t " BEGIN" \
	FEED_ROW("NEW.workshop_id", "'" k "'", "NEW." c, add) \
	"CREATE TRIGGER " t "_feed_set AFTER UPDATE ON " t " BEGIN" \
	FEED_ROW("NEW.workshop_id", "'" k "'", "NEW." c, "set") \
	"CREATE TRIGGER " t "_feed_del AFTER DELETE ON " t " BEGIN" \
	FEED_ROW("OLD.workshop_id", "'" k "'", "OLD." c, del)

static const char *const MIGRATIONS[] = {
	/* 0 -> 1: the whole domain */
	"CREATE TABLE workshop ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE,"
	" title TEXT NOT NULL,"
	" description TEXT NOT NULL DEFAULT '',"
	" template TEXT NOT NULL DEFAULT '',"
	" created TEXT NOT NULL,"
	" method TEXT NOT NULL DEFAULT 'impact-effort'"
	"  CHECK (method IN ('impact-effort','ice','rice','votes')),"
	" dots_per_participant INTEGER NOT NULL DEFAULT 5 CHECK (dots_per_participant BETWEEN 1 AND 100),"
	" max_dots_per_idea INTEGER NOT NULL DEFAULT 0 CHECK (max_dots_per_idea BETWEEN 0 AND 100),"
	" anonymous_votes INTEGER NOT NULL DEFAULT 0 CHECK (anonymous_votes IN (0,1)),"
	" current_step INTEGER NOT NULL DEFAULT 0,"
	" timer_running INTEGER NOT NULL DEFAULT 0 CHECK (timer_running IN (0,1)),"
	" timer_started INTEGER NOT NULL DEFAULT 0,"
	" timer_elapsed INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE TABLE workshop_list ("
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" list TEXT NOT NULL CHECK (list = 'stage' OR list = 'channel' OR list = 'prompt'),"
	" position INTEGER NOT NULL,"
	" value TEXT NOT NULL,"
	" PRIMARY KEY (workshop_id, list, position)"
	");"
	"CREATE TABLE participant ("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" name TEXT NOT NULL CHECK (name <> ''),"
	" department TEXT NOT NULL DEFAULT '',"
	" role TEXT NOT NULL DEFAULT 'participant' CHECK (role IN ('facilitator','participant')),"
	" UNIQUE (workshop_id, name)"
	");"
	"CREATE TABLE step ("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" day INTEGER NOT NULL DEFAULT 1 CHECK (day BETWEEN 1 AND 14),"
	" title TEXT NOT NULL CHECK (title <> ''),"
	" minutes INTEGER NOT NULL DEFAULT 30 CHECK (minutes BETWEEN 1 AND 1440),"
	" view TEXT NOT NULL DEFAULT 'agenda',"
	" private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0,1)),"
	" revealed INTEGER NOT NULL DEFAULT 0 CHECK (revealed IN (0,1)),"
	" notes TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX step_workshop ON step(workshop_id, position);"
	"CREATE TABLE journey ("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL DEFAULT 0,"
	" name TEXT NOT NULL CHECK (name <> ''),"
	" description TEXT NOT NULL DEFAULT '',"
	" UNIQUE (workshop_id, name)"
	");"
	"CREATE TABLE stage ("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" journey_id INTEGER NOT NULL REFERENCES journey(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL DEFAULT 0,"
	" name TEXT NOT NULL CHECK (name <> ''),"
	" UNIQUE (journey_id, name)"
	");"
	"CREATE TABLE touchpoint ("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" journey_id INTEGER NOT NULL REFERENCES journey(id),"
	" stage_id INTEGER NOT NULL REFERENCES stage(id),"
	" position INTEGER NOT NULL DEFAULT 0,"
	" name TEXT NOT NULL CHECK (name <> ''),"
	" channel TEXT NOT NULL DEFAULT '',"
	" owner TEXT NOT NULL DEFAULT '',"
	" score INTEGER NOT NULL DEFAULT 0 CHECK (score BETWEEN -2 AND 2),"
	" reach INTEGER NOT NULL DEFAULT 100 CHECK (reach BETWEEN 0 AND 100),"
	" potential INTEGER NOT NULL DEFAULT 1 CHECK (potential BETWEEN 0 AND 3),"
	" notes TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX touchpoint_journey ON touchpoint(journey_id);"
	"CREATE INDEX touchpoint_stage ON touchpoint(stage_id);"
	"CREATE INDEX touchpoint_workshop ON touchpoint(workshop_id, name);"
	"CREATE TABLE painpoint ("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" touchpoint_id INTEGER REFERENCES touchpoint(id),"
	" title TEXT NOT NULL CHECK (title <> ''),"
	" severity INTEGER NOT NULL DEFAULT 3 CHECK (severity BETWEEN 1 AND 5),"
	" frequency INTEGER NOT NULL DEFAULT 3 CHECK (frequency BETWEEN 1 AND 5),"
	" evidence TEXT NOT NULL DEFAULT '',"
	/* Comparisons, not IN (...): SQLite builds a temporary table for an
	 * IN list of three or more at every INSERT, a third of an import. */
	" status TEXT NOT NULL DEFAULT 'open'"
	"  CHECK (status = 'open' OR status = 'addressed' OR status = 'dropped'),"
	" author_id INTEGER REFERENCES participant(id) ON DELETE SET NULL,"
	" step_id INTEGER REFERENCES step(id) ON DELETE SET NULL"
	");"
	"CREATE INDEX painpoint_workshop ON painpoint(workshop_id, title);"
	/* (workshop_id) alone keeps each workshop's rows in id order: loading
	 * and paging read them without sorting, and stay proportional to the
	 * workshop, not to the file, when it holds years of workshops. The
	 * (workshop_id, title) index serves name lookups. */
	"CREATE INDEX painpoint_workshop_id ON painpoint(workshop_id);"
	"CREATE INDEX painpoint_touchpoint ON painpoint(touchpoint_id);"
	"CREATE TABLE idea ("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" title TEXT NOT NULL CHECK (title <> ''),"
	" belief TEXT NOT NULL DEFAULT '',"
	" experiment TEXT NOT NULL DEFAULT '',"
	" metric TEXT NOT NULL DEFAULT '',"
	" success TEXT NOT NULL DEFAULT '',"
	" impact INTEGER NOT NULL DEFAULT 3 CHECK (impact BETWEEN 1 AND 5),"
	" effort INTEGER NOT NULL DEFAULT 3 CHECK (effort BETWEEN 1 AND 5),"
	" confidence INTEGER NOT NULL DEFAULT 3 CHECK (confidence BETWEEN 1 AND 5),"
	" reach INTEGER NOT NULL DEFAULT 100 CHECK (reach BETWEEN 0 AND 100),"
	" author_id INTEGER REFERENCES participant(id) ON DELETE SET NULL,"
	" step_id INTEGER REFERENCES step(id) ON DELETE SET NULL"
	");"
	"CREATE INDEX idea_workshop ON idea(workshop_id, title);"
	"CREATE INDEX idea_workshop_id ON idea(workshop_id);"
	"CREATE TABLE idea_painpoint ("
	" idea_id INTEGER NOT NULL REFERENCES idea(id) ON DELETE CASCADE,"
	" painpoint_id INTEGER NOT NULL REFERENCES painpoint(id) ON DELETE CASCADE,"
	" PRIMARY KEY (idea_id, painpoint_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX idea_painpoint_painpoint ON idea_painpoint(painpoint_id);"
	"CREATE TABLE vote ("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" participant_id INTEGER NOT NULL REFERENCES participant(id),"
	" idea_id INTEGER NOT NULL REFERENCES idea(id) ON DELETE CASCADE,"
	" dots INTEGER NOT NULL CHECK (dots >= 1),"
	" UNIQUE (participant_id, idea_id)"
	");"
	"CREATE INDEX vote_idea ON vote(idea_id);"
	"CREATE INDEX vote_workshop ON vote(workshop_id);"
	"CREATE TABLE action ("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" idea_id INTEGER REFERENCES idea(id) ON DELETE SET NULL,"
	" title TEXT NOT NULL CHECK (title <> ''),"
	" owner TEXT NOT NULL DEFAULT '',"
	" due TEXT NOT NULL DEFAULT '',"
	" status TEXT NOT NULL DEFAULT 'todo'"
	"  CHECK (status = 'todo' OR status = 'doing' OR status = 'done'),"
	" notes TEXT NOT NULL DEFAULT ''"
	");"
	"CREATE INDEX action_workshop ON action(workshop_id, title);"
	"CREATE INDEX action_workshop_id ON action(workshop_id);"
	"CREATE INDEX action_idea ON action(idea_id);"
	"CREATE TABLE parking ("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" text TEXT NOT NULL CHECK (text <> ''),"
	" answered INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0,1)),"
	" answer TEXT NOT NULL DEFAULT '',"
	" author_id INTEGER REFERENCES participant(id) ON DELETE SET NULL"
	");"
	"CREATE INDEX parking_workshop ON parking(workshop_id);",
	/* 1 -> 2: drafts: a form's unsaved text, one row per field, private to
	 * the participant who typed it (0: a terminal that chose nobody). */
	"CREATE TABLE draft ("
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" participant_id INTEGER NOT NULL,"
	" kind TEXT NOT NULL,"
	" item_id INTEGER NOT NULL DEFAULT 0,"
	" field TEXT NOT NULL,"
	" value TEXT NOT NULL DEFAULT '',"
	" saved INTEGER NOT NULL DEFAULT 0,"
	" PRIMARY KEY (workshop_id, participant_id, kind, item_id, field)"
	") WITHOUT ROWID;"
	"CREATE TRIGGER draft_participant_gone AFTER DELETE ON participant"
	" BEGIN DELETE FROM draft WHERE participant_id = old.id; END;",
	/* 2 -> 3: changes that never silently overwrite each other. Every
	 * item row carries a revision (bumped by each change the store
	 * makes, with the name of who made it) and a random UUID that
	 * exports keep; a deleted id is retired (its table's high-water
	 * mark), so it is never handed out again. Votes "use" their idea:
	 * giving or taking back dots bumps the idea's revision. */
	"CREATE TABLE retired_id ("
	" tbl TEXT PRIMARY KEY,"
	" high INTEGER NOT NULL"
	") WITHOUT ROWID;"
	ITEM_REVISIONS("workshop")
	ITEM_REVISIONS("participant")
	ITEM_REVISIONS("step")
	ITEM_REVISIONS("journey")
	ITEM_REVISIONS("stage")
	ITEM_REVISIONS("touchpoint")
	ITEM_REVISIONS("painpoint")
	ITEM_REVISIONS("idea")
	ITEM_REVISIONS("vote")
	ITEM_REVISIONS("action")
	ITEM_REVISIONS("parking")
	"CREATE TRIGGER vote_uses_idea_add AFTER INSERT ON vote BEGIN"
	" UPDATE idea SET revision = revision + 1, changed_by = " VOTER("NEW")
	" WHERE id = NEW.idea_id; END;"
	"CREATE TRIGGER vote_uses_idea_set AFTER UPDATE OF dots ON vote BEGIN"
	" UPDATE idea SET revision = revision + 1, changed_by = " VOTER("NEW")
	" WHERE id = NEW.idea_id; END;"
	"CREATE TRIGGER vote_uses_idea_rm AFTER DELETE ON vote BEGIN"
	" UPDATE idea SET revision = revision + 1, changed_by = " VOTER("OLD")
	" WHERE id = OLD.idea_id; END;",
	/* personas: who a journey is walked as. Removing a persona leaves
	 * its journeys without one (SET NULL), never removes them. */
	"CREATE TABLE persona ("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" name TEXT NOT NULL CHECK (name <> ''),"
	" description TEXT NOT NULL DEFAULT '',"
	" goals TEXT NOT NULL DEFAULT '',"
	" needs TEXT NOT NULL DEFAULT '',"
	" UNIQUE (workshop_id, name)"
	");"
	"ALTER TABLE journey ADD COLUMN persona_id INTEGER REFERENCES persona(id) ON DELETE SET NULL;"
	"CREATE INDEX journey_persona ON journey(persona_id);"
	ITEM_REVISIONS("persona"),
	/* An optional to-be score per touchpoint beside the as-is one:
	 * "none" until the team sets one. */
	"ALTER TABLE touchpoint ADD COLUMN target TEXT NOT NULL DEFAULT 'none'"
	" CHECK (target IN ('none', '-2', '-1', '0', '1', '2'));",
	/* focus: the one item the facilitator has the room look at (a pain
	 * point, an idea or a journey; kind '' is none). Deleting the item
	 * ends the focus, so no terminal jumps to something gone. */
#define FOCUS_ENDS(t) \
	"CREATE TRIGGER " t "_focus_gone AFTER DELETE ON " t " BEGIN" \
	" UPDATE workshop SET focus_kind = '', focus_id = 0" \
	" WHERE focus_kind = '" t "' AND focus_id = OLD.id; END;"
	"ALTER TABLE workshop ADD COLUMN focus_kind TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE workshop ADD COLUMN focus_id INTEGER NOT NULL DEFAULT 0;"
	FOCUS_ENDS("painpoint")
	FOCUS_ENDS("idea")
	FOCUS_ENDS("journey"),
	/* voting rounds and ready markers. A round is a window of voting
	 * with its own budget, over every idea or the ideas listed in
	 * round_idea; at most one is open per workshop. A vote belongs to
	 * the round it was given in (0: outside any round), so the same
	 * participant can vote on an idea again in a later round: the vote
	 * table is rebuilt for that key, its triggers made again. A ready
	 * marker says a participant is done with the current step; moving
	 * the agenda clears them all. */
	"CREATE TABLE round ("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" number INTEGER NOT NULL CHECK (number >= 1),"
	" dots INTEGER NOT NULL CHECK (dots BETWEEN 1 AND 100),"
	" every_idea INTEGER NOT NULL DEFAULT 1 CHECK (every_idea IN (0,1)),"
	" open INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0,1)),"
	" UNIQUE (workshop_id, number)"
	");"
	"CREATE UNIQUE INDEX round_one_open ON round(workshop_id) WHERE open = 1;"
	"CREATE TABLE round_idea ("
	" round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,"
	" idea_id INTEGER NOT NULL REFERENCES idea(id) ON DELETE CASCADE,"
	" PRIMARY KEY (round_id, idea_id)"
	") WITHOUT ROWID;"
	"CREATE TABLE ready ("
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,"
	" PRIMARY KEY (workshop_id, participant_id)"
	") WITHOUT ROWID;"
	"CREATE TRIGGER ready_step_moves AFTER UPDATE OF current_step ON workshop"
	" WHEN NEW.current_step IS NOT OLD.current_step"
	" BEGIN DELETE FROM ready WHERE workshop_id = NEW.id; END;"
	"CREATE TABLE vote_by_round ("
	" id INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" participant_id INTEGER NOT NULL REFERENCES participant(id),"
	" idea_id INTEGER NOT NULL REFERENCES idea(id) ON DELETE CASCADE,"
	" dots INTEGER NOT NULL CHECK (dots >= 1),"
	" revision INTEGER NOT NULL DEFAULT 1,"
	" changed_by TEXT NOT NULL DEFAULT '',"
	" uuid TEXT NOT NULL DEFAULT '',"
	" round_id INTEGER NOT NULL DEFAULT 0,"
	" UNIQUE (participant_id, idea_id, round_id)"
	");"
	"INSERT INTO vote_by_round (id, workshop_id, participant_id, idea_id, dots, revision,"
	" changed_by, uuid) SELECT id, workshop_id, participant_id, idea_id, dots, revision,"
	" changed_by, uuid FROM vote;"
	"DROP TABLE vote;"
	"ALTER TABLE vote_by_round RENAME TO vote;"
	"CREATE INDEX vote_idea ON vote(idea_id);"
	"CREATE INDEX vote_workshop ON vote(workshop_id);"
	"CREATE TRIGGER vote_uuid AFTER INSERT ON vote WHEN NEW.uuid = '' BEGIN"
	" UPDATE vote SET uuid = " UUID_SQL " WHERE id = NEW.id; END;"
	"CREATE TRIGGER vote_retire AFTER DELETE ON vote BEGIN"
	" INSERT OR REPLACE INTO retired_id (tbl, high) VALUES ('vote',"
	" max(OLD.id, coalesce((SELECT high FROM retired_id WHERE tbl = 'vote'), 0)));"
	" END;"
	"CREATE TRIGGER vote_uses_idea_add AFTER INSERT ON vote BEGIN"
	" UPDATE idea SET revision = revision + 1, changed_by = " VOTER("NEW")
	" WHERE id = NEW.idea_id; END;"
	"CREATE TRIGGER vote_uses_idea_set AFTER UPDATE OF dots ON vote BEGIN"
	" UPDATE idea SET revision = revision + 1, changed_by = " VOTER("NEW")
	" WHERE id = NEW.idea_id; END;"
	"CREATE TRIGGER vote_uses_idea_rm AFTER DELETE ON vote BEGIN"
	" UPDATE idea SET revision = revision + 1, changed_by = " VOTER("OLD")
	" WHERE id = OLD.idea_id; END;",
	/* 3 -> 4: clock times for the agenda: a step may be fixed to start
	 * at a time of day (minutes after midnight); -1 starts it when the
	 * step before it ends, the day's first at 09:00. */
	"ALTER TABLE step ADD COLUMN start INTEGER NOT NULL DEFAULT -1"
	" CHECK (start BETWEEN -1 AND 1439);",
	/* 3 -> 4: follow-up sessions. A follow-up names the workshop it
	 * follows (its UUID); the rows it carried keep their UUID and name the
	 * workshop they came from, so a chain of sessions is one history per
	 * item. Tables of their own, not columns: a row is dropped with its
	 * workshop, and the item tables stay as every other part knows them. */
	"CREATE TABLE follow_up ("
	" workshop_id INTEGER PRIMARY KEY REFERENCES workshop(id) ON DELETE CASCADE,"
	" follows TEXT NOT NULL CHECK (follows <> '')"
	");"
	"CREATE TABLE carried ("
	" workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,"
	" kind TEXT NOT NULL"
	"  CHECK (kind = 'action' OR kind = 'parking' OR kind = 'touchpoint'),"
	" uuid TEXT NOT NULL CHECK (uuid <> ''),"
	" origin TEXT NOT NULL CHECK (origin <> ''),"
	" PRIMARY KEY (workshop_id, kind, uuid)"
	") WITHOUT ROWID;",
	/* 9 -> 10: the change feed. Every committed change appends what it
	 * touched (kind, id, operation) in its own transaction, written by
	 * triggers so that no writer, present or future, can forget it. An
	 * interface asks for the changes after the sequence it has seen and
	 * patches what it holds instead of reading the workshop again. A
	 * link row is a change of its idea or round; a list row or a ready
	 * marker of the workshop. The update trigger skips the UUID a new row
	 * is given by its own trigger: that is part of the insert. The feed
	 * keeps its newest 20 000 entries: a terminal further behind reads
	 * the workshop whole, as it would after a restart. */
	"CREATE TABLE change_feed ("
	" seq INTEGER PRIMARY KEY,"
	" workshop_id INTEGER NOT NULL,"
	" kind TEXT NOT NULL,"
	" item_id INTEGER NOT NULL,"
	" op TEXT NOT NULL CHECK (op = 'add' OR op = 'set' OR op = 'del')"
	");"
	"CREATE TRIGGER change_feed_trim AFTER INSERT ON change_feed"
	" WHEN NEW.seq % 1000 = 0"
	" BEGIN DELETE FROM change_feed WHERE seq <= NEW.seq - 20000; END;"
	FEED_ITEM("workshop", "id")
	FEED_ITEM("participant", "workshop_id")
	FEED_ITEM("step", "workshop_id")
	FEED_ITEM("journey", "workshop_id")
	FEED_ITEM("stage", "workshop_id")
	FEED_ITEM("touchpoint", "workshop_id")
	FEED_ITEM("painpoint", "workshop_id")
	FEED_ITEM("idea", "workshop_id")
	FEED_ITEM("vote", "workshop_id")
	FEED_ITEM("action", "workshop_id")
	FEED_ITEM("parking", "workshop_id")
	FEED_ITEM("persona", "workshop_id")
	FEED_ITEM_ALL("round", "workshop_id")
	FEED_LINK("idea_painpoint", "idea", "idea_id")
	FEED_LINK("round_idea", "round", "round_id")
	FEED_PART("workshop_list", "workshop", "workshop_id", "set", "set")
	FEED_PART("ready", "ready", "participant_id", "add", "del"),
};
/* clang-format on */

#define STORE_NMIGRATIONS (sizeof MIGRATIONS / sizeof MIGRATIONS[0])

#endif
