/* export_xml.h: user text in XML and HTML, escaped and fitted to a width.
 *
 * The SVG map and the HTML report write user text through these. What
 * they write is character data XML 1.0 accepts: markup characters as
 * entities, invalid UTF-8 as U+FFFD, and the characters XML forbids or
 * discourages (C0 controls but tab and newline, DEL, C1, U+FFFE, U+FFFF)
 * and bidi controls left out. Widths are estimated from the advances of
 * DejaVu Sans, the first font the exports ask for, rounded up so that
 * text measured to fit does fit in the fonts that stand in for it. */
#ifndef JOURNEYHACK_EXPORT_XML_H
#define JOURNEYHACK_EXPORT_XML_H

#include "journeyhack/export_w.h"

/* s (NULL: nothing) escaped for text or an attribute value (& < > " '
 * as entities); a CR LF or lone CR becomes a newline. */
void export_xml_text(struct export_w *w, const char *s);

/* A copy of s on one line: what export_xml_text would drop is dropped,
 * runs of white space are one space, none leads or trails. Caller frees. */
char *export_xml_flat(const char *s);

/* Width of s (as export_xml_flat leaves it) in a font of size `size`,
 * in the same unit; bold: the bold face. */
double export_xml_width(const char *s, double size, int bold);

/* s flattened and broken into at most maxlines lines no wider than
 * width, separated by '\n': at spaces where it can, inside a word longer
 * than a line. What does not fit ends the last line with an ellipsis
 * (U+2026). Never more than maxlines lines; "" when s is empty or
 * maxlines < 1. Caller frees. */
char *export_xml_wrap(const char *s, double size, int bold, double width, int maxlines);

/* A number of user units with at most two decimals and a '.' whatever
 * the locale: "12.5", "-3", "0.25". Returns buf. */
const char *export_xml_num(double v, char *buf, size_t size);

#endif
