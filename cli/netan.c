/* netan: the command line of libnetan.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "cli/commands.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const netan_command_t commands[] = {
  { "ingest", "add files (call records, transfers, ...) to a case file", netan_cmd_ingest },
  { "info", "what a case holds: entities, events, sources, rejects, merges", netan_cmd_info },
  { "resolve", "suggest, confirm and undo merges of entities", netan_cmd_resolve },
  { "centrality", "measures of every entity (betweenness, pagerank, ...) in one table", netan_cmd_centrality },
  { "communities", "groups in the network and what each is (size, brokers, ...)", netan_cmd_communities },
  { "path", "shortest paths between two entities, with the evidence of each link", netan_cmd_path },
  { "ego", "every entity within k steps of one", netan_cmd_ego },
  { "connect", "the connecting network of several entities", netan_cmd_connect },
  { "common", "entities in contact with all of several entities", netan_cmd_common },
  { "chart", "a link chart with legend, title block and sources, or of a focus (ego, path, ...)", netan_cmd_chart },
  { "analyze", "rank entities, find communities, draw a chart (case file or edge list)", netan_cmd_analyze },
};

void
netan_cli_error(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_autofree char *msg = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  fprintf(stderr, "netan: %s\n", msg);
}

static void
usage(FILE *out)
{
  fprintf(out, "Usage: netan [--version] [--help] COMMAND [ARGS...]\n\n"
               "Link analysis of criminal networks.\n\nCommands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
    fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf(out, "\nExample:\n  netan ingest case.netan cdr.csv --kind cdr --region RS\n"
               "  netan analyze case.netan --top 10 --chart chart.svg\n\n"
               "Run `netan COMMAND --help` for a command's options.\n"
               "Exit status: 0 success, 1 the work failed (bad input, I/O, rendering), 2 usage error.\n");
}

int
main(int argc, char **argv)
{
  setlocale(LC_ALL, "");
  if (argc < 2) {
    usage(stderr);
    return NETAN_EXIT_USAGE;
  }
  if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
    printf("netan %s\n", netan_version());
    return NETAN_EXIT_OK;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
    usage(stdout);
    return NETAN_EXIT_OK;
  }
  for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
    if (strcmp(argv[1], commands[i].name) == 0)
      return commands[i].run(argc - 1, argv + 1);
  netan_cli_error("unknown command '%s'", argv[1]);
  usage(stderr);
  return NETAN_EXIT_USAGE;
}
