/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "chart/dot-escape.h"

#include <string.h>

static void
append_quoted(GString *out, const char *text, const char *backslash)
{
  g_string_append_c(out, '"');
  for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p; p++) {
    switch (*p) {
    case '"': g_string_append(out, "\\\""); break;
    case '\\': g_string_append(out, backslash); break;
    case '&': g_string_append(out, "&amp;"); break;
    case '\n': g_string_append(out, "\\n"); break;
    case '\r':
      if (p[1] != '\n')
        g_string_append(out, "\\n");
      break;
    default:
      g_string_append_c(out, *p < 0x20 || *p == 0x7f ? ' ' : (char)*p);
    }
  }
  g_string_append_c(out, '"');
}

void
netan_dot_append_string(GString *out, const char *text)
{
  append_quoted(out, text, "\\\\");
}

void
netan_dot_append_escstring(GString *out, const char *text)
{
  append_quoted(out, text, "\\\\\\\\");
}

void
netan_html_append_text(GString *out, const char *text, const char *align)
{
  g_autofree char *valid = g_utf8_make_valid(text ? text : "", -1);
  for (const unsigned char *p = (const unsigned char *)valid; *p; p++) {
    switch (*p) {
    case '&': g_string_append(out, "&amp;"); break;
    case '<': g_string_append(out, "&lt;"); break;
    case '>': g_string_append(out, "&gt;"); break;
    case '"': g_string_append(out, "&quot;"); break;
    case '\'': g_string_append(out, "&#39;"); break;
    /* Graphviz expands \N, \G, \l ... in HTML-like labels too; a doubled
     * backslash is shown as one */
    case '\\': g_string_append(out, "\\\\"); break;
    case '\n': g_string_append_printf(out, "<BR ALIGN=\"%s\"/>", align ? align : "CENTER"); break;
    case '\r':
      if (p[1] != '\n')
        g_string_append_printf(out, "<BR ALIGN=\"%s\"/>", align ? align : "CENTER");
      break;
    default:
      g_string_append_c(out, *p < 0x20 || *p == 0x7f ? ' ' : (char)*p);
    }
  }
}

char *
netan_text_wrap(const char *text, int width)
{
  g_autofree char *valid = g_utf8_make_valid(text ? text : "", -1);
  if (width <= 0)
    return g_steal_pointer(&valid);
  GString *out = g_string_sized_new(strlen(valid) + 8);
  int col = 0;
  const char *p = valid;
  while (*p) {
    if (*p == '\n') {
      g_string_append_c(out, '\n');
      col = 0;
      p++;
      continue;
    }
    if (*p == ' ') {
      p++;
      continue;  /* spaces are put back between words below */
    }
    const char *end = p;
    int len = 0;
    while (*end && *end != ' ' && *end != '\n') {
      end = g_utf8_next_char(end);
      len++;
    }
    if (col > 0 && col + 1 + len > width) {
      g_string_append_c(out, '\n');
      col = 0;
    } else if (col > 0) {
      g_string_append_c(out, ' ');
      col++;
    }
    /* a word longer than a line is cut into line-sized pieces */
    while (len > width) {
      const char *cut = g_utf8_offset_to_pointer(p, width - col);
      g_string_append_len(out, p, cut - p);
      g_string_append_c(out, '\n');
      len -= width - col;
      col = 0;
      p = cut;
    }
    g_string_append_len(out, p, end - p);
    col += len;
    p = end;
  }
  return g_string_free(out, FALSE);
}
