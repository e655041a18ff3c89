/* bench/chart_dot.c — the steps of `netan chart EDGES.csv --size-by degree`
 * before rendering, through netan's public C API, each timed on its own
 * (bench/chart_bench.py; bench/CHARTS.md).
 *
 * The same calls, in the same order and with the same options, as
 * cli/cmd-chart.c makes for an edge list: netan_ingest_edgelist (default
 * options), netan_view_build (default view), netan_communities "louvain"
 * (seed 42, the CLI's default), netan_centrality "degree", then
 * netan_chart_new — the DOT build this program exists to time. With
 * --render it also renders through netan-render (netan_chart_render_bytes,
 * "svg"), the step the CLI runs next.
 *
 * Usage: chart_dot [--page A3] [--landscape] [--dot-out F] [--svg-out F]
 *                  [--render] EDGES.csv
 * Prints bench_util.h JSON lines: steps ingest, view, louvain, degree,
 * chart_dot (and chart_render), then the process peak.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bench_util.h"

#include <inttypes.h>
#include <netan/netan.h>

static int
fail(const char *where, GError *e)
{
  printf("{\"type\": \"error\", \"tool\": \"chart_dot\", \"error_in\": ");
  bench_json_str(stdout, where);
  printf(", \"message\": ");
  bench_json_str(stdout, e ? e->message : "?");
  printf("}\n");
  if (e)
    g_error_free(e);
  return 1;
}

static int
write_file(const char *path, const void *data, size_t len)
{
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
    perror(path);
    return -1;
  }
  return 0;
}

int
main(int argc, char **argv)
{
  const char *path = NULL, *page = NULL, *dot_out = NULL, *svg_out = NULL;
  gboolean landscape = FALSE, render = FALSE;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--page") && i + 1 < argc)
      page = argv[++i];
    else if (!strcmp(argv[i], "--landscape"))
      landscape = TRUE;
    else if (!strcmp(argv[i], "--render"))
      render = TRUE;
    else if (!strcmp(argv[i], "--dot-out") && i + 1 < argc)
      dot_out = argv[++i];
    else if (!strcmp(argv[i], "--svg-out") && i + 1 < argc)
      svg_out = argv[++i];
    else if (argv[i][0] != '-' && !path)
      path = argv[i];
    else {
      fprintf(stderr, "usage: %s [--page A3] [--landscape] [--dot-out F] [--svg-out F] [--render] EDGES.csv\n",
              argv[0]);
      return 2;
    }
  }
  if (!path) {
    fprintf(stderr, "chart_dot: no input file\n");
    return 2;
  }
  bench_json_begin("chart_dot");
  GError *e = NULL;
  bench_step_t st;
  char extra[256];

  netan_case_t *c = netan_case_new();
  bench_step_start(&st);
  netan_ingest_report_t *rep = netan_ingest_edgelist(c, path, NULL, &e);
  bench_step_end(&st);
  if (!rep)
    return fail("netan_ingest_edgelist", e);
  netan_ingest_report_free(rep);
  bench_step_print("ingest", &st, NULL);

  netan_view_options_t vo;
  netan_view_options_init(&vo);
  bench_step_start(&st);
  netan_view_t *v = netan_view_build(c, &vo, &e);
  bench_step_end(&st);
  if (!v)
    return fail("netan_view_build", e);
  snprintf(extra, sizeof extra, "\"vertices\": %" PRId64 ", \"edges\": %" PRId64, netan_view_n_vertices(v),
           netan_view_n_edges(v));
  bench_step_print("view", &st, extra);

  netan_communities_options_t co = NETAN_COMMUNITIES_OPTIONS_INIT;
  co.seed = 42;
  bench_step_start(&st);
  netan_table_t *comm = netan_communities(v, "louvain", &co, &e);
  bench_step_end(&st);
  if (!comm)
    return fail("netan_communities", e);
  bench_step_print("louvain", &st, NULL);

  bench_step_start(&st);
  netan_table_t *deg = netan_centrality(v, "degree", NULL, &e);
  bench_step_end(&st);
  if (!deg)
    return fail("netan_centrality", e);
  bench_step_print("degree", &st, NULL);

  netan_chart_options_t o = NETAN_CHART_OPTIONS_INIT;
  o.color_by = NETAN_CHART_COLOR_COMMUNITY;
  o.communities = comm;
  o.size_by = deg;
  o.page = page;
  o.landscape = landscape;
  o.command = "netan chart (bench/chart_dot.c)";
  bench_step_start(&st);
  netan_chart_t *chart = netan_chart_new(v, &o, &e);
  bench_step_end(&st);
  if (!chart)
    return fail("netan_chart_new", e);
  const char *dot = netan_chart_get_dot(chart);
  snprintf(extra, sizeof extra, "\"bytes\": %zu, \"nodes\": %" PRId64 ", \"lines\": %" PRId64, strlen(dot),
           netan_chart_n_nodes(chart), netan_chart_n_edges(chart));
  bench_step_print("chart_dot", &st, extra);
  if (dot_out && write_file(dot_out, dot, strlen(dot)) != 0)
    return 1;

  if (render) {
    bench_step_start(&st);
    GBytes *svg = netan_chart_render_bytes(chart, "svg", &e);
    bench_step_end(&st);
    if (!svg)
      return fail("netan_chart_render_bytes", e);
    gsize len = 0;
    const void *data = g_bytes_get_data(svg, &len);
    snprintf(extra, sizeof extra, "\"bytes\": %zu", (size_t)len);
    bench_step_print("chart_render", &st, extra);
    if (svg_out && write_file(svg_out, data, len) != 0)
      return 1;
    g_bytes_unref(svg);
  }
  netan_chart_free(chart);
  netan_table_free(deg);
  netan_table_free(comm);
  netan_view_free(v);
  netan_case_free(c);
  bench_json_end();
  return 0;
}
