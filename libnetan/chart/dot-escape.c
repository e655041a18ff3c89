/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "chart/dot-escape.h"

void
netan_dot_append_string(GString *out, const char *text)
{
  g_string_append_c(out, '"');
  for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p; p++) {
    switch (*p) {
    case '"': g_string_append(out, "\\\""); break;
    case '\\': g_string_append(out, "\\\\"); break;
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
