/* Helpers shared by the subcommands.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "cli/commands.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t interrupted;

static void
on_interrupt(int sig)
{
  if (interrupted)
    _exit(130);  /* a second Ctrl-C: the user really wants out */
  interrupted = 1;
}

void
netan_cli_catch_interrupt(void)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
}

int
netan_cli_progress(double fraction, void *payload)
{
  static int shown = -1;
  if (isatty(STDERR_FILENO)) {
    int pct = (int)(fraction * 100);
    if (pct != shown) {
      fprintf(stderr, "\r  %s %3d%%", payload ? (const char *)payload : "", pct);
      shown = pct;
    }
    if (fraction >= 1.0 || interrupted) {
      fprintf(stderr, "\r%*s\r", 50, "");
      shown = -1;
    }
  }
  return interrupted ? 1 : 0;
}

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
