/* /analysis/pagerank: netan's solvers (conjugate gradients for undirected
 * graphs, Gauss–Seidel for directed ones) against igraph's PRPACK called
 * on the same igraph graph: random graphs with isolated vertices, vertices
 * without out-arcs, parallel edges and zero weights; hand-computed cases;
 * and the cases the solver declines.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include "analysis/pagerank.h"
#include "util/igraph-gate.h"

#include <math.h>

/* PRPACK and netan each stop within 1e-10 in L1 of the exact solution. */
#define TOL 1e-9

typedef struct {
  const igraph_t *g;
  const igraph_vector_t *w;
  gboolean directed;
  double damping;
  igraph_vector_t out;
} ref_job_t;

static igraph_error_t
ref_run(void *data)
{
  ref_job_t *j = data;
  return igraph_pagerank(j->g, IGRAPH_PAGERANK_ALGO_PRPACK, &j->out, NULL, igraph_vss_all(), j->directed,
                         j->damping, j->w, NULL);
}

/* Compares netan with PRPACK on @g; returns the L1 difference. */
static double
compare_with_prpack(const igraph_t *g, const igraph_vector_t *w, gboolean directed, double damping)
{
  int64_t n = igraph_vcount(g);
  ref_job_t j = { g, w, directed, damping, { 0 } };
  igraph_vector_init(&j.out, 0);
  netan_gi_call_t call = { .what = "pagerank" };
  GError *e = NULL;
  gboolean ref_ok = netan_gi_run(&call, ref_run, &j, &e);
  CU_ASSERT_TRUE_FATAL(ref_ok);
  double *got = g_new(double, n + 1);
  const char *why = NULL;
  CU_ASSERT_TRUE(netan_pagerank_i_solve(g, w, directed, damping, got, NULL, &why));
  double l1 = 0, sum = 0;
  int64_t bad = -1;
  for (int64_t i = 0; i < n; i++) {
    double diff = fabs(got[i] - VECTOR(j.out)[i]);
    l1 += diff;
    sum += got[i];
    if (!(diff <= TOL) && bad < 0)
      bad = i;
  }
  CU_ASSERT_EQUAL(bad, -1);
  if (bad >= 0)
    fprintf(stderr, "vertex %" G_GINT64_FORMAT ": netan %.17g, PRPACK %.17g (directed %d, damping %g)\n", bad,
            got[bad], VECTOR(j.out)[bad], directed, damping);
  if (n > 0)
    CU_ASSERT_DOUBLE_EQUAL(sum, 1.0, 1e-12);
  CU_ASSERT(l1 <= 3e-10);  /* both within 1e-10 of the solution, plus rounding */
  g_free(got);
  igraph_vector_destroy(&j.out);
  return l1;
}

/* A random multigraph on @n vertices, the last @isolated of which have no
 * edges, with integer and fractional weights and some zeros. */
static void
random_graph(igraph_t *g, igraph_vector_t *w, GRand *rng, int n, int m, int isolated, gboolean directed)
{
  igraph_vector_int_t edges;
  igraph_vector_int_init(&edges, 0);
  igraph_vector_init(w, 0);
  int linked = n - isolated;
  for (int k = 0; k < m && linked > 1; k++) {
    int a = g_rand_int_range(rng, 0, linked), b = g_rand_int_range(rng, 0, linked);
    if (a == b)
      continue;  /* views have no loops */
    igraph_vector_int_push_back(&edges, a);
    igraph_vector_int_push_back(&edges, b);
    double r = g_rand_double(rng);
    igraph_vector_push_back(w, r < 0.05 ? 0.0 : r < 0.5 ? (double)g_rand_int_range(rng, 1, 20) : 10 * r);
  }
  igraph_create(g, &edges, n, directed);
  igraph_vector_int_destroy(&edges);
}

static void
test_random_graphs_match_prpack(void)
{
  GRand *rng = g_rand_new_with_seed(20261128);
  static const double dampings[] = { 0, 0.5, 0.85, 0.99 };
  double worst = 0;
  int runs = 0;
  for (int round = 0; round < 12; round++) {
    int n = g_rand_int_range(rng, 1, 300);
    int m = g_rand_int_range(rng, 0, 4 * n);
    int isolated = round % 3 == 0 ? 0 : g_rand_int_range(rng, 0, n / 4 + 1);
    for (int directed = 0; directed <= 1; directed++) {
      igraph_t g;
      igraph_vector_t w;
      random_graph(&g, &w, rng, n, m, isolated, directed);
      for (size_t k = 0; k < G_N_ELEMENTS(dampings); k++) {
        worst = MAX(worst, compare_with_prpack(&g, &w, TRUE, dampings[k]));
        worst = MAX(worst, compare_with_prpack(&g, NULL, TRUE, dampings[k]));
        if (directed)  /* a directed graph read as undirected */
          worst = MAX(worst, compare_with_prpack(&g, &w, FALSE, dampings[k]));
        runs++;
      }
      igraph_vector_destroy(&w);
      igraph_destroy(&g);
    }
  }
  g_rand_free(rng);
  fprintf(stderr, "  %d graphs x solvers; largest L1 difference from PRPACK %.2g\n", runs, worst);
}

/* A larger graph, where the solvers run many iterations. */
static void
test_larger_graph_matches_prpack(void)
{
  GRand *rng = g_rand_new_with_seed(7);
  for (int directed = 0; directed <= 1; directed++) {
    igraph_t g;
    igraph_vector_t w;
    random_graph(&g, &w, rng, 5000, 25000, 50, directed);
    compare_with_prpack(&g, &w, TRUE, 0.85);
    igraph_vector_destroy(&w);
    igraph_destroy(&g);
  }
  g_rand_free(rng);
}

/* Star with centre 0 and 3 leaves, undirected, damping d: by symmetry the
 * leaves share x_l and x_0 = (1 - d)/4 + d * 3 x_l, x_l = (1 - d)/4 + d x_0 / 3,
 * so x_0 = (1 - d)/4 (1 + 3 d) / (1 - d^2) = (1 + 3d) / (4 (1 + d)). */
static void
test_star_by_hand(void)
{
  igraph_t g;
  igraph_small(&g, 4, IGRAPH_UNDIRECTED, 0, 1, 0, 2, 0, 3, -1);
  double x[4];
  CU_ASSERT_TRUE(netan_pagerank_i_solve(&g, NULL, FALSE, 0.85, x, NULL, NULL));
  double centre = (1 + 3 * 0.85) / (4 * (1 + 0.85));
  CU_ASSERT_DOUBLE_EQUAL(x[0], centre, 1e-10);
  for (int i = 1; i < 4; i++)
    CU_ASSERT_DOUBLE_EQUAL(x[i], (1 - centre) / 3, 1e-10);
  igraph_destroy(&g);
}

/* Directed path 0 -> 1 -> 2: vertex 2 has no out-arc and always jumps.
 * With c = (d x_2 + 1 - d) / 3: x_0 = c, x_1 = c + d x_0, x_2 = c + d x_1;
 * at d = 0.5: c = (x_2 + 1) / 6, x_2 = c (1 + 0.5 + 0.25) → c = 4/17. */
static void
test_directed_path_by_hand(void)
{
  igraph_t g;
  igraph_small(&g, 3, IGRAPH_DIRECTED, 0, 1, 1, 2, -1);
  double x[3];
  CU_ASSERT_TRUE(netan_pagerank_i_solve(&g, NULL, TRUE, 0.5, x, NULL, NULL));
  double c = 4.0 / 17;
  CU_ASSERT_DOUBLE_EQUAL(x[0], c, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(x[1], 1.5 * c, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(x[2], 1.75 * c, 1e-10);
  igraph_destroy(&g);
}

/* No edges at all: every vertex is only jumped to. */
static void
test_no_edges(void)
{
  igraph_t g;
  igraph_empty(&g, 5, IGRAPH_UNDIRECTED);
  double x[5];
  CU_ASSERT_TRUE(netan_pagerank_i_solve(&g, NULL, FALSE, 0.85, x, NULL, NULL));
  for (int i = 0; i < 5; i++)
    CU_ASSERT_DOUBLE_EQUAL(x[i], 0.2, 1e-15);
  igraph_destroy(&g);
}

/* What the solver declines, so that the caller falls back to PRPACK or
 * reports an error: damping 1, negative and NaN weights. */
static void
test_declines(void)
{
  igraph_t g;
  igraph_small(&g, 3, IGRAPH_UNDIRECTED, 0, 1, 1, 2, -1);
  double x[3];
  const char *why = NULL;
  CU_ASSERT_FALSE(netan_pagerank_i_solve(&g, NULL, FALSE, 1.0, x, NULL, &why));
  CU_ASSERT_PTR_NOT_NULL(why);
  igraph_vector_t w;
  igraph_vector_init(&w, 2);
  VECTOR(w)[0] = 1;
  VECTOR(w)[1] = -1;
  why = NULL;
  CU_ASSERT_FALSE(netan_pagerank_i_solve(&g, &w, FALSE, 0.85, x, NULL, &why));
  CU_ASSERT_PTR_NOT_NULL(why);
  VECTOR(w)[1] = NAN;
  CU_ASSERT_FALSE(netan_pagerank_i_solve(&g, &w, FALSE, 0.85, x, NULL, NULL));
  igraph_vector_destroy(&w);
  igraph_destroy(&g);
}

/* Through the public API: the table says which solver ran; damping 1 falls
 * back to PRPACK and still gives igraph's values. */
static void
test_table_names_solver(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b:2 b-c c-a d-a:3 e");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) t = netan_centrality_pagerank(v, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t, "solver"), "conjugate gradients");
  netan_pagerank_options_t o = NETAN_PAGERANK_OPTIONS_INIT;
  o.damping = 1.0;
  g_autoptr(netan_table_t) t1 = netan_centrality_pagerank(v, &o, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t1);
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t1, "solver"), "prpack");
  g_autoptr(netan_view_t) dv = harness_view(c, TRUE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) td = netan_centrality_pagerank(dv, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(td);
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(td, "solver"), "gauss-seidel");
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return CU_get_error();
  static const harness_test_t tests[] = {
    { "random graphs match PRPACK", test_random_graphs_match_prpack },
    { "a 5,000-vertex graph matches PRPACK", test_larger_graph_matches_prpack },
    { "star by hand", test_star_by_hand },
    { "directed path by hand", test_directed_path_by_hand },
    { "no edges", test_no_edges },
    { "declines damping 1 and bad weights", test_declines },
    { "the table names the solver", test_table_names_solver },
    { NULL, NULL },
  };
  harness_add_suite("/analysis/pagerank", tests);
  return harness_run();
}
