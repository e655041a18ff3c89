/* The subcommands of `netan`, one file each.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_CLI_COMMANDS_H
#define NETAN_CLI_COMMANDS_H

#include <netan/netan.h>

/* Exit codes, documented in `netan --help` and doc/netan.1 */
enum {
  NETAN_EXIT_OK = 0,
  NETAN_EXIT_FAILURE = 1,  /* the work failed: bad input, I/O, Graphviz */
  NETAN_EXIT_USAGE = 2     /* the command line is wrong */
};

typedef struct {
  const char *name;
  const char *summary;
  int (*run)(int argc, char **argv);
} netan_command_t;

int netan_cmd_analyze(int argc, char **argv);
int netan_cmd_ingest(int argc, char **argv);
int netan_cmd_info(int argc, char **argv);
int netan_cmd_resolve(int argc, char **argv);
int netan_cmd_centrality(int argc, char **argv);
int netan_cmd_communities(int argc, char **argv);
int netan_cmd_path(int argc, char **argv);
int netan_cmd_ego(int argc, char **argv);
int netan_cmd_connect(int argc, char **argv);
int netan_cmd_common(int argc, char **argv);
int netan_cmd_chart(int argc, char **argv);

/* Opens the case file @path; with @create, a missing file gives a new case. */
netan_case_t *netan_cli_open_case(const char *path, gboolean create, GError **error);
/* TRUE if @format is table, csv or json (NULL = table). */
gboolean netan_cli_check_format(const char *command, const char *format);
/* The table format of @format (NULL = table). */
netan_table_format_t netan_cli_table_format(const char *format);
/* Ctrl-C: the first one asks long work to stop (its progress callback
 * returns non-zero and the library cancels cleanly); a second one ends the
 * program at once. */
void netan_cli_catch_interrupt(void);
/* A progress callback: a bar on stderr when it is a terminal (@payload names
 * the work), and the cancel of Ctrl-C. */
int netan_cli_progress(double fraction, void *payload);

/* Prints @t in @format, the first @max rows (-1 = all). */
void netan_cli_print_table(const netan_table_t *t, const char *format, int64_t max);

/* Prints "netan: message" to stderr. */
void netan_cli_error(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

#endif
