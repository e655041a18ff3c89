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

/* Prints "netan: message" to stderr. */
void netan_cli_error(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

#endif
