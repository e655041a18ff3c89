/* Helpers shared by the subcommands.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "cli/commands.h"

#include <stdio.h>
#include <string.h>

netan_case_t *
netan_cli_open_case(const char *path, gboolean create, GError **error)
{
  if (create && !g_file_test(path, G_FILE_TEST_EXISTS))
    return netan_case_new();
  return netan_case_open(path, error);
}

gboolean
netan_cli_check_format(const char *command, const char *format)
{
  if (format == NULL || strcmp(format, "table") == 0 || strcmp(format, "csv") == 0 ||
      strcmp(format, "json") == 0)
    return TRUE;
  netan_cli_error("%s: --format must be table, csv or json, not '%s'", command, format);
  return FALSE;
}

netan_table_format_t
netan_cli_table_format(const char *format)
{
  if (format && strcmp(format, "csv") == 0)
    return NETAN_TABLE_CSV;
  if (format && strcmp(format, "json") == 0)
    return NETAN_TABLE_JSON;
  return NETAN_TABLE_TEXT;
}

void
netan_cli_print_table(const netan_table_t *t, const char *format, int64_t max)
{
  g_autofree char *text = netan_table_to_string(t, netan_cli_table_format(format), max);
  fputs(text, stdout);
}
