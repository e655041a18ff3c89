/* netan analyze: the whole first slice in one command.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "cli/commands.h"
#include "analysis/table-private.h"

#include <stdio.h>
#include <string.h>

typedef struct {
  char **charts;
  int top;
  gint64 seed;
  char *format;
  char *rejects;
  gboolean directed;
  gboolean unweighted;
  char *layout;
  char *title;
  gboolean strict;
  char *delimiter;
  char *type;
  char *link_type;
} analyze_args_t;

/* One table for the analyst: every entity with degree, betweenness and
 * community, in betweenness order. */
static netan_table_t *
combine(const netan_table_t *btw, const netan_table_t *deg, const netan_table_t *com,
        int64_t n_entities)
{
  int64_t n = netan_table_n_rows(btw);
  g_autofree int64_t *degree = g_new0(int64_t, n_entities + 1);
  g_autofree int64_t *community = g_new0(int64_t, n_entities + 1);
  for (int64_t r = 0; r < netan_table_n_rows(deg); r++)
    degree[netan_table_get_int(deg, r, 0)] = (int64_t)netan_table_get_double(deg, r, 4);
  for (int64_t r = 0; r < netan_table_n_rows(com); r++)
    community[netan_table_get_int(com, r, 0)] = netan_table_get_int(com, r, 4);
  netan_table_t *t = netan_table_i_new(n, "rank", NETAN_COLUMN_INT, "key", NETAN_COLUMN_STRING,
                                       "label", NETAN_COLUMN_STRING, "betweenness", NETAN_COLUMN_DOUBLE,
                                       "degree", NETAN_COLUMN_INT, "community", NETAN_COLUMN_INT, NULL);
  for (int64_t r = 0; r < n; r++) {
    int64_t id = netan_table_get_int(btw, r, 0);
    netan_table_i_set_int(t, r, 0, netan_table_get_int(btw, r, 5));
    netan_table_i_set_string(t, r, 1, netan_table_get_string(btw, r, 1));
    netan_table_i_set_string(t, r, 2, netan_table_get_string(btw, r, 2));
    netan_table_i_set_double(t, r, 3, netan_table_get_double(btw, r, 4));
    netan_table_i_set_int(t, r, 4, degree[id]);
    netan_table_i_set_int(t, r, 5, community[id]);
  }
  netan_table_i_set_meta(t, "betweenness", "%s", netan_table_get_meta(btw, "weights"));
  netan_table_i_set_meta(t, "degree", "%s", netan_table_get_meta(deg, "weights"));
  netan_table_i_set_meta(t, "communities", "louvain, seed %s, modularity %s",
                         netan_table_get_meta(com, "seed"), netan_table_get_meta(com, "modularity"));
  return t;
}

/* "community 0 (12): a, b, c, ..." lines, members in betweenness order. */
static void
print_communities(const netan_table_t *btw, const netan_table_t *com, int max_members)
{
  int64_t k = g_ascii_strtoll(netan_table_get_meta(com, "communities"), NULL, 10);
  int64_t n = netan_table_n_rows(com);
  int64_t max_id = 0;
  for (int64_t r = 0; r < n; r++)
    max_id = MAX(max_id, netan_table_get_int(com, r, 0));
  g_autofree int64_t *by_entity = g_new0(int64_t, max_id + 1);
  g_autofree int64_t *size = g_new0(int64_t, k + 1);
  for (int64_t r = 0; r < n; r++) {
    by_entity[netan_table_get_int(com, r, 0)] = netan_table_get_int(com, r, 4);
    size[netan_table_get_int(com, r, 4)] = netan_table_get_int(com, r, 5);
  }
  printf("\nCommunities (Louvain, seed %s): %" G_GINT64_FORMAT ", modularity %.4f\n",
         netan_table_get_meta(com, "seed"), k,
         g_ascii_strtod(netan_table_get_meta(com, "modularity"), NULL));
  int64_t shown_communities = MIN(k, 12);
  for (int64_t c = 0; c < shown_communities; c++) {
    printf("  %3" G_GINT64_FORMAT " (%" G_GINT64_FORMAT "):", c, size[c]);
    int shown = 0;
    for (int64_t r = 0; r < netan_table_n_rows(btw) && shown < max_members; r++) {
      if (by_entity[netan_table_get_int(btw, r, 0)] != c)
        continue;
      printf("%s %s", shown ? "," : "", netan_table_get_string(btw, r, 2));
      shown++;
    }
    printf("%s\n", size[c] > shown ? ", ..." : "");
  }
  if (k > shown_communities)
    printf("  ... and %" G_GINT64_FORMAT " smaller communities (--format csv lists every entity's)\n",
           k - shown_communities);
}

static int
report_ingest(const char *path, const netan_ingest_report_t *report, const char *rejects_path)
{
  int64_t bad = netan_ingest_report_rows_rejected(report);
  fprintf(stderr, "%s: %" G_GINT64_FORMAT " rows read, %" G_GINT64_FORMAT " ingested, %" G_GINT64_FORMAT
                  " rejected\n", path, netan_ingest_report_rows_read(report),
          netan_ingest_report_rows_ingested(report), bad);
  for (int64_t i = 0; i < bad && i < 10; i++) {
    netan_reject_t r;
    netan_ingest_report_get_reject(report, i, &r);
    fprintf(stderr, "  %s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ": %s\n", r.file, r.line, r.column, r.reason);
  }
  if (bad > 10)
    fprintf(stderr, "  ... and %" G_GINT64_FORMAT " more%s\n", bad - 10,
            rejects_path ? "" : " (write them all with --rejects FILE)");
  if (rejects_path) {
    GError *e = NULL;
    if (!netan_ingest_report_write_rejects(report, rejects_path, &e)) {
      netan_cli_error("%s", e->message);
      g_error_free(e);
      return NETAN_EXIT_FAILURE;
    }
    fprintf(stderr, "rejects written to %s\n", rejects_path);
  }
  return NETAN_EXIT_OK;
}

static int
run(const char *path, const analyze_args_t *a)
{
  GError *e = NULL;
  g_autoptr(netan_case_t) kase = NULL;
  g_autoptr(netan_ingest_report_t) report = NULL;
  g_autoptr(netan_view_t) view = NULL;
  g_autoptr(netan_table_t) deg = NULL, btw = NULL, com = NULL, all = NULL;
  if (g_str_has_suffix(path, ".netan")) {
    /* a case file built by netan ingest */
    kase = netan_case_open(path, &e);
    if (kase == NULL)
      goto fail;
  } else {
    kase = netan_case_new();
    netan_edgelist_options_t eo = NETAN_EDGELIST_OPTIONS_INIT;
    eo.strict = a->strict;
    if (a->delimiter)
      eo.delimiter = strcmp(a->delimiter, "tab") == 0 || strcmp(a->delimiter, "\\t") == 0 ? '\t' : a->delimiter[0];
    report = netan_ingest_edgelist(kase, path, &eo, &e);
    if (report == NULL)
      goto fail;
    if (report_ingest(path, report, a->rejects) != NETAN_EXIT_OK)
      return NETAN_EXIT_FAILURE;
  }

  netan_view_options_t vo = NETAN_VIEW_OPTIONS_INIT;
  vo.directed = a->directed;
  vo.length = a->unweighted ? NETAN_LENGTH_UNWEIGHTED : NETAN_LENGTH_INVERSE_STRENGTH;
  vo.entity_type = a->type;
  vo.link_type = a->link_type;
  vo.drop_isolates = a->type != NULL || a->link_type != NULL;
  view = netan_view_build(kase, &vo, &e);
  if (view == NULL)
    goto fail;
  deg = netan_centrality_degree(view, NULL, &e);
  if (deg == NULL)
    goto fail;
  btw = netan_centrality_betweenness(view, NULL, &e);
  if (btw == NULL)
    goto fail;
  netan_louvain_options_t lo = NETAN_LOUVAIN_OPTIONS_INIT;
  lo.seed = (uint64_t)a->seed;
  com = netan_communities_louvain(view, &lo, &e);
  if (com == NULL)
    goto fail;

  all = combine(btw, deg, com, netan_case_n_entities(kase));
  if (strcmp(a->format, "table") == 0) {
    printf("%" G_GINT64_FORMAT " entities, %" G_GINT64_FORMAT " links (%s)\n\n",
           netan_view_n_vertices(view), netan_view_n_edges(view),
           a->directed ? "directed" : "undirected");
    printf("Most central (betweenness, %s):\n", netan_view_length_name(view));
    g_autofree char *text = netan_table_to_string(all, NETAN_TABLE_TEXT, a->top);
    fputs(text, stdout);
    print_communities(btw, com, 6);
  } else {
    g_autofree char *text = netan_table_to_string(all, strcmp(a->format, "csv") == 0 ? NETAN_TABLE_CSV
                                                                                     : NETAN_TABLE_JSON,
                                                  a->top > 0 ? a->top : -1);
    fputs(text, stdout);
  }

  netan_chart_options_t co = NETAN_CHART_OPTIONS_INIT;
  co.title = a->title;
  co.layout = a->layout;
  co.size_by = btw;
  co.communities = com;
  for (char **chart = a->charts; chart && *chart; chart++) {
    if (!netan_chart_render(view, &co, *chart, NULL, &e))
      goto fail;
    fprintf(stderr, "chart written to %s\n", *chart);
  }
  return NETAN_EXIT_OK;

fail:
  netan_cli_error("%s", e->message);
  g_error_free(e);
  return NETAN_EXIT_FAILURE;
}

int
netan_cmd_analyze(int argc, char **argv)
{
  analyze_args_t a = { .top = 10, .seed = 42 };
  GOptionEntry entries[] = {
    { "chart", 'c', 0, G_OPTION_ARG_FILENAME_ARRAY, &a.charts, "Draw the network to FILE (.svg .pdf .png .dot); repeatable", "FILE" },
    { "top", 'n', 0, G_OPTION_ARG_INT, &a.top, "Show the N most central entities (default 10; 0 = all)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &a.seed, "Seed of community detection (default 42)", "S" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &a.format, "Output: table, csv or json (default table)", "F" },
    { "rejects", 'r', 0, G_OPTION_ARG_FILENAME, &a.rejects, "Write every rejected row to FILE (CSV)", "FILE" },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &a.strict, "Stop at the first bad row", NULL },
    { "delimiter", 'd', 0, G_OPTION_ARG_STRING, &a.delimiter, "Field delimiter: , ; or tab (default ,)", "C" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &a.type, "Only entities of this type (person, phone, ...)", "TYPE" },
    { "link-type", 0, 0, G_OPTION_ARG_STRING, &a.link_type, "Only links and events of this type (call, transfer, ...)", "TYPE" },
    { "directed", 0, 0, G_OPTION_ARG_NONE, &a.directed, "Treat links as directed (source -> target)", NULL },
    { "unweighted", 0, 0, G_OPTION_ARG_NONE, &a.unweighted, "Path measures ignore weights (default: length = 1/weight)", NULL },
    { "layout", 'l', 0, G_OPTION_ARG_STRING, &a.layout, "Chart layout: dot neato fdp sfdp circo twopi", "L" },
    { "title", 't', 0, G_OPTION_ARG_STRING, &a.title, "Chart title", "T" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new("CASE.netan | EDGES.csv");
  g_option_context_set_summary(ctx,
      "Reads a case file (from netan ingest) or an edge list (header row, then\n"
      "source,target[,weight]; weight = number of contacts, more = closer), ranks entities by betweenness (path lengths 1/weight)\n"
      "and degree, finds communities (Louvain, seeded), and draws a chart sized by\n"
      "betweenness and coloured by community. Rows that cannot be read are reported\n"
      "with file:line:column and a reason, and the rest is analysed.");
  g_option_context_set_description(ctx,
      "Example:\n  netan analyze calls.csv --top 15 --chart out/chart.svg --chart out/chart.pdf\n\n"
      "Exit status: 0 success, 1 the work failed, 2 usage error.");
  g_option_context_add_main_entries(ctx, entries, NULL);
  GError *e = NULL;
  int status = NETAN_EXIT_USAGE;
  if (!g_option_context_parse(ctx, &argc, &argv, &e)) {
    netan_cli_error("analyze: %s", e->message);
    g_error_free(e);
  } else if (argc != 2) {
    netan_cli_error("analyze: give exactly one case file or edge list (see netan analyze --help)");
  } else if (a.format && strcmp(a.format, "table") != 0 && strcmp(a.format, "csv") != 0 &&
             strcmp(a.format, "json") != 0) {
    netan_cli_error("analyze: --format must be table, csv or json, not '%s'", a.format);
  } else if (a.top < 0) {
    netan_cli_error("analyze: --top must be 0 or more");
  } else if (a.delimiter && strlen(a.delimiter) != 1 && strcmp(a.delimiter, "tab") != 0 &&
             strcmp(a.delimiter, "\\t") != 0) {
    netan_cli_error("analyze: --delimiter must be one character or 'tab'");
  } else {
    if (a.format == NULL)
      a.format = g_strdup("table");
    if (a.top == 0)
      a.top = -1;
    status = run(argv[1], &a);
  }
  g_strfreev(a.charts);
  g_free(a.format);
  g_free(a.rejects);
  g_free(a.layout);
  g_free(a.title);
  g_free(a.delimiter);
  g_free(a.type);
  g_free(a.link_type);
  return status;
}
