/* import_map.h: journeys and touchpoints from a spreadsheet's CSV, its
 * columns mapped onto touchpoint fields.
 *
 * A journey map started in a spreadsheet has its own headers ("Steg",
 * "Fas", "Kanal", "Känsla"); a map such as
 * "Steg=name,Fas=stage,Kanal=channel,Känsla=score" says which column is
 * which field. Columns the map does not name are read as the field of
 * the same name when there is one, and otherwise ignored. */
#ifndef JOURNEYHACK_IMPORT_MAP_H
#define JOURNEYHACK_IMPORT_MAP_H

#include <stddef.h>

#include "journeyhack/err.h"
#include "journeyhack/model.h"
#include "journeyhack/store.h"

struct import_map_opts {
	const char *map;     /* "Column=field,..."; NULL or "": no renaming */
	const char *journey; /* the journey of every row when no column names it */
	char sep;	     /* ',' ';' or '\t'; 0: the file says */
};

struct import_map_result {
	size_t touchpoints, journeys, stages; /* added */
};

/* Add every row of the CSV file at path as a touchpoint of workshop wid,
 * in one transaction: all rows or none. Each row needs a name and a
 * stage, and a journey from its column or o->journey. A journey or stage
 * not in the workshop yet is created (a new journey without the default
 * stages), stages in the order the file first names them. Scores are
 * whole numbers from -2 to +2. Every refusal names FILE:LINE:COLUMN and
 * the column's header. */
int import_map_file(struct jh_store *st, jh_id wid, const char *path,
		    const struct import_map_opts *o, struct import_map_result *res,
		    struct jh_err *err);

#endif
