/* text.h: UTF-8 text for terminals and plain-text output.
 *
 * The one sanitiser for text bound for a terminal, and the one width
 * function every table and every screen measures with: display width by
 * grapheme cluster (a letter with its marks, an emoji sequence joined by
 * U+200D, a flag: as wide as a terminal draws it, checked against tmux
 * and wcwidth), truncation with an ellipsis that never splits a cluster,
 * and control characters, escape sequences and bidi controls made
 * visible, so no text can send a raw sequence to a terminal or reorder a
 * row. Requires setlocale(LC_CTYPE) to a UTF-8 locale for wide
 * characters; in other locales non-ASCII counts as width 1. */
#ifndef JOURNEYHACK_TEXT_H
#define JOURNEYHACK_TEXT_H

#include <stddef.h>
#include <wchar.h>

/* Decode one UTF-8 character at s (at most len bytes). Returns its byte
 * length (>= 1) and sets *cp; an invalid or truncated sequence returns 1
 * and sets *cp to 0xFFFD. len == 0 returns 0. */
size_t text_decode(const char *s, size_t len, unsigned int *cp);

/* Encode cp as UTF-8 into b (room for 4 bytes); a surrogate or a value
 * past U+10FFFF becomes U+FFFD. Returns the length (1 to 4). */
size_t text_encode(char *b, unsigned int cp);

/* The visible stand-in of a control character cp: U+2400 + cp for C0,
 * U+2421 for DEL, U+FFFD for a C1 or bidi control (which have no
 * picture). */
unsigned int text_picture(unsigned int cp);

/* Is cp a bidi control (embedding, override, isolate, mark)? These are
 * shown as U+FFFD: raw, they can visually reverse the rest of a row. */
int text_is_bidi(unsigned int cp);

/* The grapheme cluster at s (at most len bytes): returns its byte length
 * (0 when len is 0) and sets *width to the columns its safe form takes
 * on a terminal. Newline and tab are clusters of their own, one column. */
size_t text_cluster(const char *s, size_t len, int *width);

/* The terminal cell at s in text already made safe (text_safe): a
 * character with the marks, selectors and joined pictographs a terminal
 * draws in the same cell. Returns its byte length, *width its columns.
 * What a curses screen stores as one cell, so its idea of the columns
 * stays the terminal's. */
size_t text_cell(const char *s, size_t len, int *width);

/* A copy of s (NULL: "") that is valid UTF-8 for files rather than
 * terminals: invalid bytes and C1 controls as U+FFFD, other control
 * characters except tab, CR and LF as visible symbols (U+2400...).
 * Caller frees. */
char *text_clean(const char *s);

/* Display columns of one code point once made safe (see text_safe):
 * control characters count as their visible replacement. */
int text_cp_width(unsigned int cp);

/* Display columns of a UTF-8 string as text_safe would show it. */
int text_width(const char *s);

/* Write into out (size outsize, always NUL-terminated) a version of s that
 * is safe for a terminal: C0 controls (ESC included, so no escape
 * sequence survives) and DEL shown as U+2400-style symbols, C1 and bidi
 * controls, characters this libc cannot measure, a joiner with nothing
 * before it and invalid UTF-8 as U+FFFD; a joiner that joins nothing at
 * a cluster's end is left out. Newline and tab become a space (when
 * flatten) or are kept. Returns the number of bytes written. */
size_t text_safe(const char *s, char *out, size_t outsize, int flatten);

/* Allocate the result of text_safe. Caller frees. */
char *text_safe_dup(const char *s, int flatten);

/* Like text_safe with flatten, but cut to at most `cols` display columns,
 * ending with "…" when cut, padded with spaces to exactly `cols` when pad.
 * Never splits a grapheme cluster. Returns bytes written. */
size_t text_fit(const char *s, int cols, int pad, char *out, size_t outsize);

/* Convenience: allocate the result of text_fit. Caller frees. */
char *text_fit_dup(const char *s, int cols, int pad);

/* Is s (len bytes) well-formed UTF-8: no stray, overlong or truncated
 * sequence, no surrogate, nothing past U+10FFFF? */
int text_utf8_valid(const char *s, size_t len);
/* s starts with prefix, letters compared without case (what typing in a
 * choice field or a pick list matches). */
int text_starts_folded(const char *s, const char *prefix);

#endif
