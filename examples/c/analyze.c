/* The smallest complete use of libnetan: ingest an edge list, rank the
 * entities by betweenness, find communities.
 *
 *   cc analyze.c $(pkg-config --cflags --libs netan) -o analyze
 *   ./analyze calls.csv
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <netan/netan.h>
#include <stdio.h>

int
main(int argc, char **argv)
{
  if (argc != 2) {
    fprintf(stderr, "usage: %s EDGES.csv\n", argv[0]);
    return 2;
  }
  GError *error = NULL;
  g_autoptr(netan_case_t) kase = netan_case_new();
  g_autoptr(netan_ingest_report_t) report = netan_ingest_edgelist(kase, argv[1], NULL, &error);
  g_autoptr(netan_view_t) view = report ? netan_view_build(kase, NULL, &error) : NULL;
  g_autoptr(netan_table_t) btw = view ? netan_centrality_betweenness(view, NULL, &error) : NULL;
  g_autoptr(netan_table_t) com = btw ? netan_communities_louvain(view, NULL, &error) : NULL;
  if (com == NULL) {
    fprintf(stderr, "%s\n", error->message);
    g_error_free(error);
    return 1;
  }
  printf("%lld entities, %lld edges, %lld rows rejected\n",
         (long long)netan_view_n_vertices(view), (long long)netan_view_n_edges(view),
         (long long)netan_ingest_report_rows_rejected(report));
  /* columns: entity, key, label, type, value, rank */
  for (int64_t r = 0; r < 5 && r < netan_table_n_rows(btw); r++)
    printf("%s betweenness %.2f\n", netan_table_get_string(btw, r, 1), netan_table_get_double(btw, r, 4));
  printf("%s communities, modularity %s\n", netan_table_get_meta(com, "communities"),
         netan_table_get_meta(com, "modularity"));
  return 0;
}
