/* netan path, ego, connect, common: how entities are connected.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "cli/commands.h"
#include "cli/view-options.h"

#include <stdio.h>
#include <string.h>

typedef enum { PATH, EGO, CONNECT, COMMON } path_command_t;

static const struct {
  const char *name, *args, *summary, *example;
  int min_entities, max_entities;
} commands[] = {
  [PATH] = { "path", "CASE.netan FROM TO",
             "The shortest path from FROM to TO (--k N: the N shortest; --all: every\n"
             "shortest one), one row per step with the evidence behind each link.",
             "netan path case.netan 'person:dritan hoxha' +381652828619 --k 3", 2, 2 },
  [EGO] = { "ego", "CASE.netan ENTITY", "Every entity within --hops steps of ENTITY, with its distance.",
            "netan ego case.netan +355689653357 --hops 2", 1, 1 },
  [CONNECT] = { "connect", "CASE.netan ENTITY ENTITY...",
                "The connecting network of the entities (i2's heuristic: shortest paths,\n"
                "shared intermediaries first; doc/paths.md): the paths chosen, then its entities.",
                "netan connect case.netan 'person:ilir hoxha' 'person:goran petrovic'", 2, 1000 },
  [COMMON] = { "common", "CASE.netan ENTITY ENTITY...", "Entities in contact with every one of the entities.",
               "netan common case.netan +381652828619 +355689653357", 2, 1000 },
};

static int
run(path_command_t which, int argc, char **argv)
{
  gint64 k = 1, hops = 1;
  gboolean all = FALSE, ignore_weights = FALSE;
  char *format = NULL, *direction = NULL;
  int evidence = 3;
  netan_cli_view_t view_args = { 0 };
  GOptionEntry entries[] = {
    { "k", 'k', 0, G_OPTION_ARG_INT64, &k, "path: the K shortest paths (default 1)", "K" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, "path: every shortest path", NULL },
    { "hops", 0, 0, G_OPTION_ARG_INT64, &hops, "ego: steps (default 1)", "H" },
    { "hops-only", 0, 0, G_OPTION_ARG_NONE, &ignore_weights, "Count steps, not lengths", NULL },
    { "direction", 0, 0, G_OPTION_ARG_STRING, &direction, "Directed views: with (default), against or any", "D" },
    { "evidence", 0, 0, G_OPTION_ARG_INT, &evidence, "Records listed per link (default 3; -1 = all)", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "table, csv or json", "F" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new(commands[which].args);
  g_option_context_set_summary(ctx, commands[which].summary);
  g_autofree char *example = g_strdup_printf("Example:\n  %s\n\nEntities are named by TYPE:KEY, key, label or #ID.\n"
                                             "Exit status: 0 success (also when there is no path), 1 failure, 2 usage error.",
                                             commands[which].example);
  g_option_context_set_description(ctx, example);
  g_option_context_add_main_entries(ctx, entries, NULL);
  g_option_context_add_group(ctx, netan_cli_view_group(&view_args));
  GError *e = NULL;
  int status = NETAN_EXIT_USAGE;
  netan_case_t *kase = NULL;
  netan_view_t *view = NULL;
  netan_table_t *t = NULL, *ents = NULL;
  g_autofree int64_t *ids = NULL;
  if (!g_option_context_parse(ctx, &argc, &argv, &e)) {
    netan_cli_error("%s: %s", commands[which].name, e->message);
    g_clear_error(&e);
    goto out;
  }
  int n = argc - 2;
  if (argc < 2 || n < commands[which].min_entities || n > commands[which].max_entities) {
    netan_cli_error("%s: usage: netan %s %s", commands[which].name, commands[which].name, commands[which].args);
    goto out;
  }
  if (!netan_cli_check_format(commands[which].name, format))
    goto out;
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  o.k = k;
  o.weighted = !ignore_weights;
  o.max_evidence = evidence;
  if (direction == NULL || strcmp(direction, "with") == 0) o.direction = NETAN_PATH_WITH_ARROWS;
  else if (strcmp(direction, "against") == 0) o.direction = NETAN_PATH_AGAINST_ARROWS;
  else if (strcmp(direction, "any") == 0) o.direction = NETAN_PATH_ANY_DIRECTION;
  else {
    netan_cli_error("%s: --direction must be with, against or any", commands[which].name);
    goto out;
  }
  status = NETAN_EXIT_FAILURE;
  view = netan_cli_open_view(argv[1], &view_args, &kase, &e);
  if (view == NULL)
    goto fail;
  ids = g_new(int64_t, n);
  for (int i = 0; i < n; i++)
    if ((ids[i] = netan_cli_find_entity(kase, argv[2 + i], &e)) < 0)
      goto fail;
  switch (which) {
  case PATH:
    t = all ? netan_paths_all_shortest(view, ids[0], ids[1], &o, &e)
            : netan_paths_shortest(view, ids[0], ids[1], &o, &e);
    break;
  case EGO:
    t = netan_paths_ego(view, ids[0], hops, &o, &e);
    break;
  case CONNECT:
    t = netan_paths_connect(view, ids, (size_t)n, &o, &ents, &e);
    break;
  case COMMON:
    t = netan_paths_common_contacts(view, ids, (size_t)n, &o, &e);
    break;
  }
  if (t == NULL)
    goto fail;
  if ((which == PATH || which == CONNECT) && (format == NULL || strcmp(format, "table") == 0)) {
    const char *reachable = netan_table_get_meta(t, "reachable");
    if (reachable && strcmp(reachable, "false") == 0)
      printf("no path: the entities are not connected in this view\n");
  }
  netan_cli_print_table(t, format, -1);
  if (ents) {
    if (format == NULL || strcmp(format, "table") == 0)
      printf("\n");
    netan_cli_print_table(ents, format, -1);
  }
  status = NETAN_EXIT_OK;
  goto out;
fail:
  netan_cli_error("%s", e->message);
  g_clear_error(&e);
out:
  netan_table_free(t);
  netan_table_free(ents);
  netan_view_free(view);
  netan_case_free(kase);
  netan_cli_view_clear(&view_args);
  g_free(format);
  g_free(direction);
  return status;
}

int netan_cmd_path(int argc, char **argv) { return run(PATH, argc, argv); }
int netan_cmd_ego(int argc, char **argv) { return run(EGO, argc, argv); }
int netan_cmd_connect(int argc, char **argv) { return run(CONNECT, argc, argv); }
int netan_cmd_common(int argc, char **argv) { return run(COMMON, argc, argv); }
