/* Bench driver: netan's ingest of a call-record file through the built-in
 * "cdr" spec, in memory and (with --save) into a case file, then the view
 * with igraph's graph of it. A view makes igraph's graph on first use by a
 * measure that calls igraph: degree, the cheapest, is computed so that the
 * graph step ends, like the pandas peer's, with an igraph graph (and also
 * pays for a degree table the peer does not make).
 * Prints one JSON object with the step times and the process's peak RSS.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <netan/netan.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

static double
now(void)
{
  return (double)g_get_monotonic_time() / 1e6;
}

int
main(int argc, char **argv)
{
  if (argc < 3) {
    fprintf(stderr, "usage: netan_ingest FILE REGION [--save CASE.netan]\n");
    return 2;
  }
  const char *save = argc > 4 && strcmp(argv[3], "--save") == 0 ? argv[4] : NULL;
  GError *e = NULL;
  netan_case_t *c = netan_case_new();
  netan_ingest_options_t o = NETAN_INGEST_OPTIONS_INIT;
  o.kind = "cdr";
  o.region = argv[2];
  double t0 = now();
  netan_ingest_report_t *r = netan_ingest_file(c, argv[1], &o, &e);
  double t1 = now();
  if (r == NULL) {
    fprintf(stderr, "netan_ingest: %s\n", e->message);
    return 1;
  }
  double t2 = t1;
  if (save) {
    remove(save);
    if (!netan_case_save(c, save, &e)) {
      fprintf(stderr, "netan_ingest: %s\n", e->message);
      return 1;
    }
    t2 = now();
  }
  netan_view_t *v = netan_view_build(c, NULL, &e);
  netan_table_t *degree = v ? netan_centrality_degree(v, NULL, &e) : NULL;
  double t3 = now();
  if (degree == NULL) {
    fprintf(stderr, "netan_ingest: %s\n", e->message);
    return 1;
  }
  netan_table_free(degree);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("{\"rows_read\": %lld, \"rows_ingested\": %lld, \"rows_rejected\": %lld, \"entities\": %lld, "
         "\"events\": %lld, \"vertices\": %lld, \"edges\": %lld, \"ingest_s\": %.6f, \"save_s\": %.6f, "
         "\"view_s\": %.6f, \"peak_rss_kb\": %ld}\n",
         (long long)netan_ingest_report_rows_read(r), (long long)netan_ingest_report_rows_ingested(r),
         (long long)netan_ingest_report_rows_rejected(r), (long long)netan_case_n_entities(c),
         (long long)netan_case_n_events(c), (long long)netan_view_n_vertices(v), (long long)netan_view_n_edges(v),
         t1 - t0, t2 - t1, t3 - t2, ru.ru_maxrss);
  netan_view_free(v);
  netan_ingest_report_free(r);
  netan_case_free(c);
  return 0;
}
