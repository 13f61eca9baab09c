/* export_svg.h: the journey map as an SVG poster (A3 landscape).
 *
 * Stages are columns, touchpoints are cards in their stage (name,
 * channel, score with its symbol, reach, pain points), and under them the
 * experience curve runs through the scores on a -2..+2 axis. The weakest
 * link and the CX capital come from analysis.c through export_facts.
 * Every colour has a symbol or a word beside it, so the map reads in
 * black and white. Sizes are millimetres (viewBox 0 0 420 297). */
#ifndef JOURNEYHACK_EXPORT_SVG_H
#define JOURNEYHACK_EXPORT_SVG_H

#include "journeyhack/export_facts.h"
#include "journeyhack/export_w.h"
#include "journeyhack/model.h"

/* All journeys, stacked on one poster. */
#define EXPORT_SVG_ALL (-1)

/* Write one <svg> poster of the journey at index journey into
 * d->journeys, or of all of them (EXPORT_SVG_ALL). standalone: a file of
 * its own, with the XML declaration and the namespace; otherwise the
 * element as HTML embeds it. Element ids carry the journey's number
 * (1-based), so several maps can share one document. */
void export_svg_map(struct export_w *w, const struct jh_data *d, const struct export_facts *x,
		    int journey, int standalone);

#endif
