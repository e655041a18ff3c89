/* netan centrality: measures of every entity in one table.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "cli/commands.h"
#include "cli/view-options.h"
#include "analysis/table-private.h"

#include <stdio.h>
#include <string.h>

/* One table: entity columns, then one value column per measure, sorted by
 * the first measure (the tables come sorted), with each measure's meta. */
static netan_table_t *
join(netan_table_t **tables, char **measures, int n)
{
  int64_t rows = netan_table_n_rows(tables[0]);
  g_autoptr(GHashTable) row_of = g_hash_table_new(g_int64_hash, g_int64_equal);
  g_autofree int64_t *ids = g_new(int64_t, rows + 1);
  for (int64_t r = 0; r < rows; r++) {
    ids[r] = netan_table_get_int(tables[0], r, 0);
    g_hash_table_insert(row_of, &ids[r], GSIZE_TO_POINTER((gsize)r + 1));
  }
  const char *names[64];
  int types[64];
  int nc = 0;
  names[nc] = "rank"; types[nc++] = NETAN_COLUMN_INT;
  names[nc] = "entity"; types[nc++] = NETAN_COLUMN_INT;
  names[nc] = "key"; types[nc++] = NETAN_COLUMN_STRING;
  names[nc] = "label"; types[nc++] = NETAN_COLUMN_STRING;
  names[nc] = "type"; types[nc++] = NETAN_COLUMN_STRING;
  for (int m = 0; m < n && nc < 64; m++) {
    names[nc] = measures[m];
    types[nc++] = NETAN_COLUMN_DOUBLE;
  }
  netan_table_t *t = netan_table_i_new_columns(rows, names, types, nc);
  for (int64_t r = 0; r < rows; r++) {
    netan_table_i_set_int(t, r, 0, netan_table_get_int(tables[0], r, 5));
    netan_table_i_set_int(t, r, 1, ids[r]);
    netan_table_i_set_string(t, r, 2, netan_table_get_string(tables[0], r, 1));
    netan_table_i_set_string(t, r, 3, netan_table_get_string(tables[0], r, 2));
    netan_table_i_set_string(t, r, 4, netan_table_get_string(tables[0], r, 3));
  }
  for (int m = 0; m < n; m++) {
    for (int64_t r = 0; r < netan_table_n_rows(tables[m]); r++) {
      int64_t id = netan_table_get_int(tables[m], r, 0);
      gpointer at = g_hash_table_lookup(row_of, &id);
      if (at)
        netan_table_i_set_double(t, (int64_t)GPOINTER_TO_SIZE(at) - 1, 5 + m, netan_table_get_double(tables[m], r, 4));
    }
    g_auto(GStrv) keys = netan_table_meta_keys(tables[m]);
    for (char **k = keys; *k; k++) {
      g_autofree char *name = g_strconcat(measures[m], ".", *k, NULL);
      netan_table_i_set_meta(t, name, "%s", netan_table_get_meta(tables[m], *k));
    }
  }
  netan_table_i_set_meta(t, "rank", "%s", "by the first measure");
  return t;
}

int
netan_cmd_centrality(int argc, char **argv)
{
  char *measure_arg = NULL, *format = NULL, *mode = NULL;
  int top = 20;
  gboolean normalized = FALSE;
  double cutoff = -1;
  gint64 samples = 0, seed = 42;
  int threads = 0;
  netan_cli_view_t view_args = { 0 };
  GOptionEntry entries[] = {
    { "measure", 'm', 0, G_OPTION_ARG_STRING, &measure_arg, "Measures, comma-separated (default betweenness,degree)", "M[,M...]" },
    { "top", 'n', 0, G_OPTION_ARG_INT, &top, "Show the N first rows (default 20; 0 = all)", "N" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "table, csv or json", "F" },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode, "all, in or out (directed views)", "MODE" },
    { "normalized", 0, 0, G_OPTION_ARG_NONE, &normalized, "Normalise (each measure's documented formula)", NULL },
    { "cutoff", 0, 0, G_OPTION_ARG_DOUBLE, &cutoff, "Path measures: only paths up to this length", "L" },
    { "samples", 0, 0, G_OPTION_ARG_INT64, &samples, "Betweenness: estimate from K random sources", "K" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of sampling and of ARPACK's start vector (default 42)", "S" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, "Betweenness: worker threads (default: one per core)", "T" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new("CASE.netan | EDGES.csv");
  g_autofree char *known = g_strjoinv(", ", (char **)netan_centrality_measures());
  g_autofree char *summary = g_strdup_printf(
      "One row per entity, one column per measure, most central first.\n"
      "Measures: %s.\nPath measures read lengths (1/strength unless --unweighted); see doc/measures.md.", known);
  g_option_context_set_summary(ctx, summary);
  g_option_context_set_description(ctx, "Example:\n  netan centrality case.netan --type phone --measure betweenness,pagerank --top 10\n\n"
                                        "Exit status: 0 success, 1 failure, 2 usage error.");
  g_option_context_add_main_entries(ctx, entries, NULL);
  g_option_context_add_group(ctx, netan_cli_view_group(&view_args));
  GError *e = NULL;
  int status = NETAN_EXIT_USAGE;
  g_auto(GStrv) measures = NULL;
  netan_case_t *kase = NULL;
  netan_view_t *view = NULL;
  netan_table_t **tables = NULL;
  int n = 0;
  if (!g_option_context_parse(ctx, &argc, &argv, &e)) {
    netan_cli_error("centrality: %s", e->message);
    g_clear_error(&e);
    goto out;
  }
  if (argc != 2) {
    netan_cli_error("centrality: give one case file or edge list (see netan centrality --help)");
    goto out;
  }
  if (!netan_cli_check_format("centrality", format))
    goto out;
  measures = g_strsplit(measure_arg ? measure_arg : "betweenness,degree", ",", -1);
  n = (int)g_strv_length(measures);
  if (n == 0 || n > 32) {
    netan_cli_error("centrality: give 1 to 32 measures");
    goto out;
  }
  netan_centrality_options_t o = NETAN_CENTRALITY_OPTIONS_INIT;
  if (mode && strcmp(mode, "in") == 0) o.mode = NETAN_DEGREE_IN;
  else if (mode && strcmp(mode, "out") == 0) o.mode = NETAN_DEGREE_OUT;
  else if (mode && strcmp(mode, "all") != 0) {
    netan_cli_error("centrality: --mode must be all, in or out");
    goto out;
  }
  o.normalized = normalized;
  o.cutoff = cutoff;
  o.samples = samples;
  o.seed = (uint64_t)seed;
  o.threads = threads;
  status = NETAN_EXIT_FAILURE;
  netan_cli_catch_interrupt();
  view = netan_cli_open_view(argv[1], &view_args, &kase, &e);
  if (view == NULL)
    goto fail;
  tables = g_new0(netan_table_t *, n);
  for (int m = 0; m < n; m++) {
    g_strstrip(measures[m]);
    o.progress = netan_cli_progress;  /* a bar on a terminal; Ctrl-C cancels */
    o.payload = measures[m];
    tables[m] = netan_centrality(view, measures[m], &o, &e);
    if (tables[m] == NULL)
      goto fail;
  }
  {
    netan_table_t *t = join(tables, measures, n);
    netan_cli_print_table(t, format, top > 0 ? top : -1);
    netan_table_free(t);
  }
  status = NETAN_EXIT_OK;
  goto out;
fail:
  netan_cli_error("%s", e->message);
  g_clear_error(&e);
out:
  for (int m = 0; tables && m < n; m++)
    netan_table_free(tables[m]);
  g_free(tables);
  netan_view_free(view);
  netan_case_free(kase);
  netan_cli_view_clear(&view_args);
  g_free(measure_arg);
  g_free(format);
  g_free(mode);
  return status;
}
