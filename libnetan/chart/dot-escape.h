/* Escaping text for DOT strings and HTML-like labels, and wrapping it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_DOT_ESCAPE_H
#define NETAN_DOT_ESCAPE_H

#include <glib.h>

/*
 * Appends @text as a quoted DOT string that Graphviz shows exactly as
 * written, in every output format:
 *  - `"` and `\` are backslash-escaped, so text cannot end the string and
 *    Graphviz's escapes (\N, \G, \l, ...) are not triggered;
 *  - a line break becomes \n (Graphviz's centred line break);
 *  - other control characters become spaces;
 *  - `&` becomes &amp;, because Graphviz decodes HTML entities in labels:
 *    without it "&lt;b&gt;" would be shown as "<b>".
 * Angle brackets need nothing here: a quoted string is never an HTML-like
 * label, and the SVG renderer escapes < and > itself.
 */
void netan_dot_append_string(GString *out, const char *text);

/*
 * As netan_dot_append_string(), for attributes where Graphviz expands its
 * escapes (\N, \G, \L ...) after reading the string, such as tooltips:
 * a backslash is written four times, so that it survives both readings.
 */
void netan_dot_append_escstring(GString *out, const char *text);

/*
 * Appends @text as the text of an HTML-like label: & < > " ' become
 * entities (so no text can open a tag or end the label), a backslash is
 * doubled (Graphviz expands \N, \G, \l in these labels too), a line break
 * becomes <BR ALIGN="..."/> with @align ("LEFT", "CENTER"), other control
 * characters become spaces, and invalid UTF-8 is replaced.
 */
void netan_html_append_text(GString *out, const char *text, const char *align);

/*
 * @text with line breaks put at spaces so that no line is longer than
 * @width characters (Unicode characters, not bytes) where a space allows;
 * a word longer than @width is cut. @width <= 0 returns a copy. g_free().
 */
char *netan_text_wrap(const char *text, int width);

#endif
