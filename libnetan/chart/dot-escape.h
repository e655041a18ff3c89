/* Escaping text for DOT strings.
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

#endif
