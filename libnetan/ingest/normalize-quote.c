/* netan_norm_i_quote(): a value ready for a message. In libnetan and in
 * the netan-i18n module alike (the module does not link libnetan).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/normalize-private.h"

char *
netan_norm_i_quote(const char *value)
{
  enum { MAX_CHARS = 40 };
  /* the region argument, for one, reaches here unchecked */
  g_autofree char *valid = g_utf8_make_valid(value, -1);
  GString *s = g_string_new("\"");
  int n = 0;
  for (const char *p = valid; *p; p = g_utf8_next_char(p), n++) {
    if (n == MAX_CHARS) {
      g_string_append(s, "\xE2\x80\xA6");  /* … */
      break;
    }
    gunichar c = g_utf8_get_char(p);
    if (c == '"' || c == '\\')
      g_string_append_printf(s, "\\%c", (char)c);
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0))
      g_string_append_printf(s, "\\x%02X", (unsigned)c);
    else
      g_string_append_unichar(s, c);
  }
  g_string_append_c(s, '"');
  return g_string_free(s, FALSE);
}
