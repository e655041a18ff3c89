/* netan communities: groups in the network, and what each is.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "cli/commands.h"
#include "cli/view-options.h"

#include <stdio.h>
#include <string.h>

int
netan_cmd_communities(int argc, char **argv)
{
  char *method = NULL, *format = NULL, *objective = NULL;
  gint64 seed = 42;
  double resolution = 1.0;
  gboolean members = FALSE, unweighted_modularity = FALSE;
  int top = 0;
  netan_cli_view_t view_args = { 0 };
  GOptionEntry entries[] = {
    { "method", 'm', 0, G_OPTION_ARG_STRING, &method, "louvain (default), leiden, infomap, label_propagation, walktrap, edge_betweenness", "M" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed (default 42): same seed, same partition", "S" },
    { "resolution", 0, 0, G_OPTION_ARG_DOUBLE, &resolution, "louvain, leiden: resolution (default 1)", "R" },
    { "objective", 0, 0, G_OPTION_ARG_STRING, &objective, "leiden: modularity (default) or cpm", "O" },
    { "ignore-weights", 0, 0, G_OPTION_ARG_NONE, &unweighted_modularity, "Every edge weighs 1", NULL },
    { "members", 0, 0, G_OPTION_ARG_NONE, &members, "List every entity's community instead of the summary", NULL },
    { "top", 'n', 0, G_OPTION_ARG_INT, &top, "Show the N first rows (default all)", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "table, csv or json", "F" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new("CASE.netan | EDGES.csv");
  g_option_context_set_summary(ctx,
      "Finds groups whose members are more in contact with each other than with\n"
      "the rest, and shows per group: size, density, ties inside and outside,\n"
      "its most central members and its brokers to other groups (doc/communities.md).");
  g_option_context_set_description(ctx, "Example:\n  netan communities case.netan --type phone --method leiden --seed 7\n\n"
                                        "Exit status: 0 success, 1 failure, 2 usage error.");
  g_option_context_add_main_entries(ctx, entries, NULL);
  g_option_context_add_group(ctx, netan_cli_view_group(&view_args));
  GError *e = NULL;
  int status = NETAN_EXIT_USAGE;
  netan_case_t *kase = NULL;
  netan_view_t *view = NULL;
  netan_table_t *partition = NULL, *summary = NULL;
  if (!g_option_context_parse(ctx, &argc, &argv, &e)) {
    netan_cli_error("communities: %s", e->message);
    g_clear_error(&e);
    goto out;
  }
  if (argc != 2 || !netan_cli_check_format("communities", format)) {
    if (argc != 2)
      netan_cli_error("communities: give one case file or edge list (see netan communities --help)");
    goto out;
  }
  status = NETAN_EXIT_FAILURE;
  view = netan_cli_open_view(argv[1], &view_args, &kase, &e);
  if (view == NULL)
    goto fail;
  netan_communities_options_t o = NETAN_COMMUNITIES_OPTIONS_INIT;
  o.seed = (uint64_t)seed;
  o.resolution = resolution;
  o.objective = objective;
  o.weighted = !unweighted_modularity;
  partition = netan_communities(view, method ? method : "louvain", &o, &e);
  if (partition == NULL)
    goto fail;
  if (members) {
    netan_cli_print_table(partition, format, top > 0 ? top : -1);
  } else {
    summary = netan_communities_summary(view, partition, &e);
    if (summary == NULL)
      goto fail;
    if (format == NULL || strcmp(format, "table") == 0)
      printf("%s communities (%s, seed %s), modularity %.4f\n", netan_table_get_meta(partition, "communities"),
             netan_table_get_meta(partition, "method"), netan_table_get_meta(partition, "seed"),
             g_ascii_strtod(netan_table_get_meta(partition, "modularity"), NULL));
    netan_cli_print_table(summary, format, top > 0 ? top : -1);
  }
  status = NETAN_EXIT_OK;
  goto out;
fail:
  netan_cli_error("%s", e->message);
  g_clear_error(&e);
out:
  netan_table_free(partition);
  netan_table_free(summary);
  netan_view_free(view);
  netan_case_free(kase);
  netan_cli_view_clear(&view_args);
  g_free(method);
  g_free(format);
  g_free(objective);
  return status;
}
