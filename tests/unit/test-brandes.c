/* /analysis/betweenness: netan's parallel Brandes against igraph itself
 * (igraph_betweenness[_cutoff] called through the gateway) on random and
 * real graphs; thread-count independence; sampling; progress and errors.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include "analysis/brandes.h"

#include <float.h>
#include <math.h>
#include <string.h>

/* igraph and netan agree to this, relative to max(1, |value|). */
#define TOL 1e-9

static double worst_seen;  /* largest relative difference met, printed at the end */

static double
rel_diff(double a, double b)
{
  if (a == b)
    return 0;
  return fabs(a - b) / MAX(1.0, fabs(b));
}

/* Asserts @got equals @want to TOL; names the first vertex that does not. */
static void
check_close(const double *got, const double *want, int64_t n, const char *what)
{
  int64_t bad = -1;
  for (int64_t i = 0; i < n; i++) {
    double d = rel_diff(got[i], want[i]);
    if (d > worst_seen)
      worst_seen = d;
    if (!(d <= TOL) && bad < 0)
      bad = i;
  }
  CU_ASSERT_EQUAL(bad, -1);
  if (bad >= 0)
    fprintf(stderr, "%s: vertex %" G_GINT64_FORMAT ": netan %.17g, igraph %.17g\n", what, bad, got[bad],
            want[bad]);
}

/* ---------------------------------------------------------------- igraph side */

typedef struct {
  const igraph_t *g;
  const igraph_vector_t *w;
  gboolean directed;
  double cutoff;
  igraph_vector_t out;
} ref_job_t;

static igraph_error_t
ref_run(void *data)
{
  ref_job_t *j = data;
  return igraph_betweenness_cutoff(j->g, &j->out, igraph_vss_all(), j->directed, j->w, j->cutoff);
}

/* igraph's betweenness (g_free()). */
static double *
igraph_values(const igraph_t *g, const igraph_vector_t *w, gboolean directed, double cutoff)
{
  ref_job_t j = { g, w, directed, cutoff, { 0 } };
  igraph_vector_init(&j.out, 0);
  netan_gi_call_t call = { .what = "reference betweenness" };
  gboolean ok = netan_gi_run(&call, ref_run, &j, NULL);
  CU_ASSERT_TRUE(ok);
  int64_t n = igraph_vector_size(&j.out);
  double *out = g_new0(double, n > 0 ? n : 1);
  memcpy(out, VECTOR(j.out), (size_t)n * sizeof(double));
  igraph_vector_destroy(&j.out);
  return out;
}

/* netan's (g_free()); NULL on error. */
static double *
netan_values(const igraph_t *g, const igraph_vector_t *w, gboolean directed, double cutoff, int threads,
             int64_t samples, uint64_t seed, double **se)
{
  GError *e = NULL;
  netan_brandes_graph_t *bg = netan_brandes_graph_new(g, w, directed, &e);
  CU_ASSERT_PTR_NOT_NULL(bg);
  if (bg == NULL) {
    fprintf(stderr, "netan_brandes_graph_new: %s\n", e->message);
    g_clear_error(&e);
    return NULL;
  }
  int64_t n = netan_brandes_graph_n_vertices(bg);
  double *out = g_new0(double, n > 0 ? n : 1);
  if (se)
    *se = g_new0(double, n > 0 ? n : 1);
  netan_brandes_options_t o = NETAN_BRANDES_OPTIONS_INIT;
  o.cutoff = cutoff;
  o.threads = threads;
  o.samples = samples;
  o.seed = seed;
  gboolean ok = netan_brandes_run(bg, &o, out, se ? *se : NULL, NULL, &e);
  CU_ASSERT_TRUE(ok);
  if (!ok) {
    fprintf(stderr, "netan_brandes_run: %s\n", e->message);
    g_clear_error(&e);
  }
  netan_brandes_graph_free(bg);
  return out;
}

/* A random multigraph of @n vertices: @m edges drawn inside blocks of ~12
 * vertices (so it falls into pieces), a few across, some repeated, some
 * loops; the last vertices have no edge. Weights 1..5 (integer strengths),
 * lengths 1/weight. */
typedef struct {
  const char *what;
  igraph_t g;
  igraph_vector_t lengths;
  int64_t n, m;
  gboolean directed;
  uint32_t seed;
} raw_graph_t;

static igraph_error_t
raw_create(void *data)
{
  raw_graph_t *r = data;
  GRand *rng = g_rand_new_with_seed(r->seed);
  igraph_vector_int_t ends;
  IGRAPH_CHECK(igraph_vector_int_init(&ends, 2 * r->m));
  IGRAPH_FINALLY(igraph_vector_int_destroy, &ends);
  IGRAPH_CHECK(igraph_vector_init(&r->lengths, r->m));
  int64_t used = r->n - 3;  /* three isolated vertices */
  for (int64_t e = 0; e < r->m; e++) {
    int64_t a = g_rand_int_range(rng, 0, (gint32)used), b;
    int kind = g_rand_int_range(rng, 0, 100);
    if (kind < 3)
      b = a;                                   /* loop */
    else if (kind < 10 && e > 0)
      a = VECTOR(ends)[2 * (e - 1)], b = VECTOR(ends)[2 * (e - 1) + 1];  /* repeat */
    else if (kind < 15)
      b = g_rand_int_range(rng, 0, (gint32)used);  /* across */
    else
      b = MIN(used - 1, (a / 12) * 12 + g_rand_int_range(rng, 0, 12));  /* inside the block */
    VECTOR(ends)[2 * e] = a;
    VECTOR(ends)[2 * e + 1] = b;
    VECTOR(r->lengths)[e] = 1.0 / g_rand_int_range(rng, 1, 6);
  }
  g_rand_free(rng);
  IGRAPH_CHECK(igraph_create(&r->g, &ends, r->n, r->directed));
  igraph_vector_int_destroy(&ends);
  IGRAPH_FINALLY_CLEAN(1);
  return IGRAPH_SUCCESS;
}

static igraph_error_t
raw_destroy(void *data)
{
  raw_graph_t *r = data;
  igraph_destroy(&r->g);
  igraph_vector_destroy(&r->lengths);
  return IGRAPH_SUCCESS;
}

static void
raw_free(raw_graph_t *r)
{
  netan_gi_call_t call = { .what = "destroy" };
  netan_gi_run(&call, raw_destroy, r, NULL);
}

/* Compares netan with igraph on @g for every variant: weighted or not,
 * directions followed or not, a few cutoffs; and 1, 2, 4 threads. */
static void
compare_all_variants(const igraph_t *g, const igraph_vector_t *lengths, const char *what)
{
  int64_t n = igraph_vcount(g);
  const double cutoffs[] = { -1, 0, 1, 2, 2.5, 3 };
  for (int weighted = 0; weighted <= 1; weighted++)
    for (int directed = 0; directed <= 1; directed++)
      for (gsize c = 0; c < G_N_ELEMENTS(cutoffs); c++) {
        /* weighted cutoffs in length units: 1/5 .. 1 per edge */
        double cutoff = cutoffs[c] < 0 ? -1 : (weighted ? cutoffs[c] * 0.45 : cutoffs[c]);
        const igraph_vector_t *w = weighted ? lengths : NULL;
        g_autofree char *label = g_strdup_printf("%s weighted=%d directed=%d cutoff=%g", what, weighted,
                                                 directed, cutoff);
        g_autofree double *want = igraph_values(g, w, directed, cutoff);
        g_autofree double *one = netan_values(g, w, directed, cutoff, 1, 0, 0, NULL);
        g_autofree double *two = netan_values(g, w, directed, cutoff, 2, 0, 0, NULL);
        g_autofree double *four = netan_values(g, w, directed, cutoff, 4, 0, 0, NULL);
        if (!one || !two || !four)
          return;
        check_close(one, want, n, label);
        /* the number of threads does not change a bit */
        CU_ASSERT_EQUAL(memcmp(one, two, (size_t)n * sizeof(double)), 0);
        CU_ASSERT_EQUAL(memcmp(one, four, (size_t)n * sizeof(double)), 0);
      }
}

static void
test_random_raw_graphs(void)
{
  const struct { int64_t n, m; gboolean directed; } shapes[] = {
    { 40, 60, FALSE }, { 40, 60, TRUE }, { 80, 300, FALSE }, { 80, 300, TRUE },
    { 150, 200, FALSE }, { 150, 450, TRUE }, { 5, 3, FALSE }, { 3, 0, TRUE },
  };
  for (gsize s = 0; s < G_N_ELEMENTS(shapes); s++)
    for (uint32_t seed = 1; seed <= 4; seed++) {
      raw_graph_t r = { "raw", { 0 }, { 0 }, shapes[s].n, shapes[s].m, shapes[s].directed, seed };
      netan_gi_call_t call = { .what = "create" };
      CU_ASSERT_TRUE_FATAL(netan_gi_run(&call, raw_create, &r, NULL));
      g_autofree char *what = g_strdup_printf("raw n=%" G_GINT64_FORMAT " m=%" G_GINT64_FORMAT
                                              " directed=%d seed=%u", r.n, r.m, r.directed, seed);
      compare_all_variants(&r.g, &r.lengths, what);
      raw_free(&r);
    }
}

/* The same graphs with lengths kept as doubles (more distinct lengths
 * than codes: none coded, or too many met after some were coded). */
static void
test_lengths_as_doubles(void)
{
  const size_t maxes[] = { 0, 3 };
  for (gsize k = 0; k < G_N_ELEMENTS(maxes); k++) {
    netan_brandes_i_set_length_codes(maxes[k]);
    for (uint32_t seed = 1; seed <= 3; seed++)
      for (int directed = 0; directed <= 1; directed++) {
        raw_graph_t r = { "raw", { 0 }, { 0 }, 80, 300, directed, seed };
        netan_gi_call_t call = { .what = "create" };
        CU_ASSERT_TRUE_FATAL(netan_gi_run(&call, raw_create, &r, NULL));
        g_autofree char *what = g_strdup_printf("doubles (codes <= %zu) directed=%d seed=%u", maxes[k],
                                                directed, seed);
        compare_all_variants(&r.g, &r.lengths, what);
        raw_free(&r);
      }
  }
  netan_brandes_i_set_length_codes(65536);
}

/* Lengths with many near-ties: sums of 1/3, 1/6, 1/7... differ from each
 * other by rounding only, and igraph's tolerance makes them tie. A grid
 * with such lengths has very many equally short paths. */
static igraph_error_t
grid_create(void *data)
{
  raw_graph_t *r = data;
  const int side = 9;
  const double lens[] = { 1.0 / 3, 1.0 / 6, 1.0 / 7, 0.1, 1.0 / 3 };
  igraph_vector_int_t ends;
  IGRAPH_CHECK(igraph_vector_int_init(&ends, 0));
  IGRAPH_FINALLY(igraph_vector_int_destroy, &ends);
  IGRAPH_CHECK(igraph_vector_init(&r->lengths, 0));
  for (int i = 0; i < side; i++)
    for (int j = 0; j < side; j++) {
      if (j + 1 < side) {
        IGRAPH_CHECK(igraph_vector_int_push_back(&ends, i * side + j));
        IGRAPH_CHECK(igraph_vector_int_push_back(&ends, i * side + j + 1));
        IGRAPH_CHECK(igraph_vector_push_back(&r->lengths, lens[(i + j) % 5]));
      }
      if (i + 1 < side) {
        IGRAPH_CHECK(igraph_vector_int_push_back(&ends, i * side + j));
        IGRAPH_CHECK(igraph_vector_int_push_back(&ends, (i + 1) * side + j));
        IGRAPH_CHECK(igraph_vector_push_back(&r->lengths, lens[(i + 2 * j + 1) % 5]));
      }
    }
  IGRAPH_CHECK(igraph_create(&r->g, &ends, side * side, r->directed));
  igraph_vector_int_destroy(&ends);
  IGRAPH_FINALLY_CLEAN(1);
  return IGRAPH_SUCCESS;
}

static void
test_near_ties(void)
{
  for (int directed = 0; directed <= 1; directed++) {
    raw_graph_t r = { "grid", { 0 }, { 0 }, 0, 0, directed, 0 };
    netan_gi_call_t call = { .what = "create" };
    CU_ASSERT_TRUE_FATAL(netan_gi_run(&call, grid_create, &r, NULL));
    compare_all_variants(&r.g, &r.lengths, directed ? "grid directed" : "grid");
    raw_free(&r);
  }
}

/* ---------------------------------------------------------------- igraph_cmp_epsilon */

typedef struct {
  const double *a, *b;
  int n;
  int *want;
} cmp_job_t;

static igraph_error_t
cmp_run(void *data)
{
  cmp_job_t *j = data;
  for (int i = 0; i < j->n; i++)
    j->want[i] = igraph_cmp_epsilon(j->a[i], j->b[i], IGRAPH_SHORTEST_PATH_EPSILON);
  return IGRAPH_SUCCESS;
}

static void
test_cmp_eps_is_igraphs(void)
{
  enum { N = 4000 };
  static double a[N], b[N];
  static int want[N];
  GRand *rng = g_rand_new_with_seed(7);
  const double rel[] = { 0, 1e-16, -1e-16, 1e-12, -1e-12, 0.99e-10, -0.99e-10, 1.01e-10, -1.01e-10,
                         2e-10, -2e-10, 1e-9, -1e-9, 1e-3, -0.5 };
  const double special[] = { 0, -0.0, DBL_MIN, DBL_MIN / 4, DBL_MAX, -DBL_MAX, INFINITY, -INFINITY, 1, 1e300 };
  int k = 0;
  for (; k < N - 100; k++) {
    double x = g_rand_double_range(rng, 0.5, 40) * (g_rand_boolean(rng) ? 1 : 1e-3);
    a[k] = x;
    b[k] = x * (1 + rel[k % G_N_ELEMENTS(rel)]);
    if (k % 2)
      a[k] += 1, b[k] += 1;  /* as igraph's distances: length + 1 */
  }
  for (gsize i = 0; i < G_N_ELEMENTS(special) && k < N; i++)
    for (gsize j = 0; j < G_N_ELEMENTS(special) && k < N; j++, k++)
      a[k] = special[i], b[k] = special[j];
  g_rand_free(rng);
  cmp_job_t j = { a, b, k, want };
  netan_gi_call_t call = { .what = "cmp" };
  CU_ASSERT_TRUE_FATAL(netan_gi_run(&call, cmp_run, &j, NULL));
  int mismatches = 0;
  for (int i = 0; i < k; i++)
    if (netan_brandes_i_cmp_eps(a[i], b[i]) != want[i]) {
      if (mismatches++ < 5)
        fprintf(stderr, "cmp(%.17g, %.17g): netan %d, igraph %d\n", a[i], b[i], netan_brandes_i_cmp_eps(a[i], b[i]),
                want[i]);
    }
  CU_ASSERT_EQUAL(mismatches, 0);
}

/* ---------------------------------------------------------------- views */

/* Value of every vertex from a centrality table, by vertex (g_free()). */
static double *
by_vertex(const netan_table_t *t, const netan_view_t *v)
{
  int64_t n = netan_view_n_vertices(v);
  double *out = g_new0(double, n > 0 ? n : 1);
  for (int64_t r = 0; r < netan_table_n_rows(t); r++)
    out[netan_view_vertex(v, netan_table_get_int(t, r, 0))] = netan_table_get_double(t, r, 4);
  return out;
}

static netan_table_t *
table_with(const netan_view_t *v, int threads, int64_t samples, uint64_t seed, gboolean normalized)
{
  netan_betweenness_params_t p = NETAN_BETWEENNESS_PARAMS_INIT;
  p.threads = threads;
  p.samples = samples;
  p.seed = seed;
  p.normalized = normalized;
  GError *e = NULL;
  netan_table_t *t = netan_betweenness_i_table(v, &p, &e);
  CU_ASSERT_PTR_NOT_NULL(t);
  if (t == NULL) {
    fprintf(stderr, "netan_betweenness_i_table: %s\n", e->message);
    g_clear_error(&e);
  }
  return t;
}

/* igraph's graph of @v (made on first use: netan_view_i_check makes it). */
static const igraph_t *
view_graph(const netan_view_t *v)
{
  CU_ASSERT_TRUE_FATAL(netan_view_i_check(v, NULL));
  return &v->graph;
}

/* The arcs Brandes reads from a view's own edge list are those it reads
 * from igraph's lists of the view's graph: same order, same lengths,
 * followed one way and both ways. */
static void
check_arcs_of_view(const netan_view_t *v, gboolean weighted, const char *what)
{
  for (int directed = 0; directed <= 1; directed++) {
    netan_brandes_graph_t *mine = netan_brandes_graph_of_view(v, weighted, directed, NULL);
    netan_brandes_graph_t *igraphs =
      netan_brandes_graph_new(view_graph(v), weighted ? netan_view_i_lengths(v) : NULL, directed, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(mine);
    CU_ASSERT_PTR_NOT_NULL_FATAL(igraphs);
    gboolean same = netan_brandes_i_same_graph(mine, igraphs);
    if (!same)
      fprintf(stderr, "%s: arcs of the view differ from igraph's (followed %s)\n", what,
              directed ? "one way" : "both ways");
    CU_ASSERT_TRUE(same);
    netan_brandes_graph_free(mine);
    netan_brandes_graph_free(igraphs);
  }
}

/* netan_centrality_betweenness on @v equals igraph_betweenness on the
 * view's own graph and lengths; 1, 2 and 4 threads agree bit for bit. */
static void
check_view(const netan_view_t *v, const char *what)
{
  int64_t n = netan_view_n_vertices(v);
  check_arcs_of_view(v, TRUE, what);
  check_arcs_of_view(v, FALSE, what);
  g_autofree double *want = igraph_values(view_graph(v), netan_view_i_lengths(v), netan_view_is_directed(v), -1);
  g_autoptr(netan_table_t) t = netan_centrality_betweenness(v, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  g_autofree double *got = by_vertex(t, v);
  check_close(got, want, n, what);
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t, "method"), "exact (Brandes)");
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t, "weights"), netan_view_length_name(v));
  for (int threads = 1; threads <= 4; threads *= 2) {
    g_autoptr(netan_table_t) tt = table_with(v, threads, 0, 0, FALSE);
    g_autofree double *vals = by_vertex(tt, v);
    CU_ASSERT_EQUAL(memcmp(vals, got, (size_t)n * sizeof(double)), 0);
  }
  /* normalized: the same divided by the number of pairs */
  netan_betweenness_options_t o = NETAN_BETWEENNESS_OPTIONS_INIT;
  o.normalized = TRUE;
  g_autoptr(netan_table_t) tn = netan_centrality_betweenness(v, &o, NULL);
  g_autofree double *norm = by_vertex(tn, v);
  double pairs = ((double)n - 1) * ((double)n - 2) / (netan_view_is_directed(v) ? 1 : 2);
  for (int64_t i = 0; i < n; i++)
    CU_ASSERT_DOUBLE_EQUAL(norm[i], pairs > 0 ? got[i] / pairs : 0, 1e-15);
}


/* A case of @n people with @m random calls (integer weights 1..5), in
 * clusters, some pairs called several times, a few people without calls. */
static netan_case_t *
random_case(int n, int m, uint32_t seed)
{
  netan_case_t *c = netan_case_new();
  GRand *rng = g_rand_new_with_seed(seed);
  int64_t *ids = g_new(int64_t, n);
  for (int i = 0; i < n; i++) {
    char key[16];
    g_snprintf(key, sizeof key, "p%d", i);
    ids[i] = netan_case_add_entity(c, "person", key, NULL, NULL);
  }
  for (int e = 0; e < m; e++) {
    int a = g_rand_int_range(rng, 0, n - 2);
    int b = g_rand_int_range(rng, 0, 100) < 80 ? MIN(n - 3, (a / 10) * 10 + g_rand_int_range(rng, 0, 10))
                                              : g_rand_int_range(rng, 0, n - 2);
    if (a == b)
      continue;
    netan_case_add_link(c, ids[a], ids[b], "call", g_rand_int_range(rng, 1, 6), NULL, NULL);
  }
  g_free(ids);
  g_rand_free(rng);
  return c;
}

static void
test_random_views(void)
{
  const struct { int n, m; } shapes[] = { { 30, 40 }, { 60, 150 }, { 120, 200 }, { 200, 900 } };
  for (gsize s = 0; s < G_N_ELEMENTS(shapes); s++)
    for (uint32_t seed = 1; seed <= 3; seed++) {
      g_autoptr(netan_case_t) c = random_case(shapes[s].n, shapes[s].m, seed);
      for (int directed = 0; directed <= 1; directed++)
        for (int unweighted = 0; unweighted <= 1; unweighted++) {
          g_autoptr(netan_view_t) v = harness_view(c, directed, unweighted ? NETAN_LENGTH_UNWEIGHTED
                                                                      : NETAN_LENGTH_INVERSE_STRENGTH);
          g_autofree char *what = g_strdup_printf("random view n=%d seed=%u directed=%d unweighted=%d",
                                                  shapes[s].n, seed, directed, unweighted);
          check_view(v, what);
        }
    }
}

static void
test_real_networks(void)
{
  const char *files[] = { "siren.csv", "cielnet_directed.csv", "french_connection.csv", "london_gang.csv",
                          "montagna_meetings.csv", "montagna_phonecalls.csv", "human_trafficking_mexico.csv" };
  for (gsize f = 0; f < G_N_ELEMENTS(files); f++) {
    g_autoptr(netan_case_t) c = netan_case_new();
    g_autofree char *path = harness_data(files[f]);
    g_autoptr(netan_ingest_report_t) rep = netan_ingest_edgelist(c, path, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rep);
    for (int directed = 0; directed <= 1; directed++)
      for (int unweighted = 0; unweighted <= 1; unweighted++) {
        g_autoptr(netan_view_t) v = harness_view(c, directed, unweighted ? NETAN_LENGTH_UNWEIGHTED
                                                                    : NETAN_LENGTH_INVERSE_STRENGTH);
        g_autofree char *what = g_strdup_printf("%s directed=%d unweighted=%d", files[f], directed, unweighted);
        check_view(v, what);
        /* and with cutoffs, against igraph_betweenness_cutoff */
        for (double cutoff = 0.5; cutoff <= 2.5; cutoff += 1) {
          g_autofree double *want = igraph_values(view_graph(v), netan_view_i_lengths(v), directed, cutoff);
          g_autofree double *got = netan_values(view_graph(v), netan_view_i_lengths(v), directed, cutoff, 2, 0, 0,
                                                NULL);
          check_close(got, want, netan_view_n_vertices(v), what);
        }
      }
  }
}

/* ---------------------------------------------------------------- sampling */

static void
test_sampled_all_sources_is_exact(void)
{
  g_autoptr(netan_case_t) c = random_case(150, 500, 11);
  for (int directed = 0; directed <= 1; directed++) {
    g_autoptr(netan_view_t) v = harness_view(c, directed, NETAN_LENGTH_INVERSE_STRENGTH);
    int64_t n = netan_view_n_vertices(v);
    g_autoptr(netan_table_t) exact = table_with(v, 2, 0, 0, FALSE);
    g_autoptr(netan_table_t) all = table_with(v, 2, n, 5, FALSE);
    g_autoptr(netan_table_t) more = table_with(v, 3, n + 10, 5, FALSE);
    g_autofree double *e = by_vertex(exact, v);
    g_autofree double *a = by_vertex(all, v);
    g_autofree double *m = by_vertex(more, v);
    CU_ASSERT_EQUAL(memcmp(e, a, (size_t)n * sizeof(double)), 0);
    CU_ASSERT_EQUAL(memcmp(e, m, (size_t)n * sizeof(double)), 0);
    CU_ASSERT_STRING_EQUAL(netan_table_get_meta(all, "method"), "exact (Brandes)");
    /* at the raw level, k = n through the sampling path: stderr all 0 */
    double *se = NULL;
    g_autofree double *raw = netan_values(view_graph(v), netan_view_i_lengths(v), directed, -1, 2, n, 9, &se);
    g_autofree double *raw_exact = netan_values(view_graph(v), netan_view_i_lengths(v), directed, -1, 1, 0, 0, NULL);
    CU_ASSERT_EQUAL(memcmp(raw, raw_exact, (size_t)n * sizeof(double)), 0);
    for (int64_t i = 0; i < n; i++)
      CU_ASSERT_EQUAL(se[i], 0);
    g_free(se);
  }
}

static int
cmp_desc(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x < y) - (x > y);
}

/* Sampling on @directed views of one random case (undirected: linear
 * scaling; directed: plain Brandes-Pich); @plain forces plain sampling on
 * undirected ones. Returns the root-mean-square relative error of the
 * top 10% over 40 seeds. */
static double
check_estimate(gboolean directed, gboolean plain)
{
  g_autoptr(netan_case_t) c = random_case(400, 1600, 21);
  g_autoptr(netan_view_t) v = harness_view(c, directed, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t n = netan_view_n_vertices(v);
  const int64_t k = 80;
  g_autofree double *exact = igraph_values(view_graph(v), netan_view_i_lengths(v), directed, -1);

  if (!plain) {
    /* seeded: the same seed gives the same table whatever the threads; another seed another one */
    g_autoptr(netan_table_t) t1 = table_with(v, 1, k, 3, FALSE);
    g_autoptr(netan_table_t) t2 = table_with(v, 2, k, 3, FALSE);
    g_autoptr(netan_table_t) t3 = table_with(v, 2, k, 4, FALSE);
    g_autofree double *a1 = by_vertex(t1, v), *a2 = by_vertex(t2, v), *a3 = by_vertex(t3, v);
    CU_ASSERT_EQUAL(memcmp(a1, a2, (size_t)n * sizeof(double)), 0);
    CU_ASSERT_NOT_EQUAL(memcmp(a1, a3, (size_t)n * sizeof(double)), 0);
    CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t1, "samples"), "80");
    CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t1, "seed"), "3");
    const char *method = netan_table_get_meta(t1, "method");
    CU_ASSERT_PTR_NOT_NULL(strstr(method, "80 of 400 sources"));
    CU_ASSERT_EQUAL(strstr(method, "linear scaling") != NULL, !directed);
    CU_ASSERT_PTR_NOT_NULL(netan_table_get_meta(t1, "error_estimate"));
    double se_max = g_ascii_strtod(netan_table_get_meta(t1, "stderr_max"), NULL);
    double rel_top = g_ascii_strtod(netan_table_get_meta(t1, "relative_stderr_top100"), NULL);
    CU_ASSERT(se_max > 0);
    CU_ASSERT(rel_top > 0 && rel_top < 1);
  }

  /* The error estimate, over 40 seeds: the root-mean-square of the
   * standard errors matches the root-mean-square of the actual errors
   * (the estimate is right on average), and the mean of the estimates is
   * close to the exact value (unbiased). The interval value +- 2 stderr is
   * NOT a 95% interval for every vertex: a vertex whose betweenness comes
   * from a few sources is often estimated low with a small stderr when the
   * sample misses them (skewed contributions). The limits below leave room
   * for that, and brandes.h says it. */
  double *sorted = g_new(double, n);
  memcpy(sorted, exact, (size_t)n * sizeof(double));
  qsort(sorted, (size_t)n, sizeof(double), cmp_desc);
  double top_threshold = sorted[n / 10 - 1];  /* the top 10% */
  g_free(sorted);
  int64_t inside = 0, counted = 0, inside_top = 0, counted_top = 0, inside1 = 0;
  double rel2_top = 0;
  g_autofree double *mean = g_new0(double, n);
  g_autofree double *m2 = g_new0(double, n);
  g_autofree double *se2 = g_new0(double, n);
  const int seeds = 40;
  for (int s = 0; s < seeds; s++) {
    double *se = g_new0(double, n);
    g_autofree double *est = g_new0(double, n);
    netan_brandes_graph_t *bg = netan_brandes_graph_new(view_graph(v), netan_view_i_lengths(v), directed, NULL);
    netan_brandes_options_t o = NETAN_BRANDES_OPTIONS_INIT;
    o.samples = k;
    o.seed = 100 + s;
    o.plain_sampling = plain;
    CU_ASSERT_TRUE(netan_brandes_run(bg, &o, est, se, NULL, NULL));
    netan_brandes_graph_free(bg);
    for (int64_t i = 0; i < n; i++) {
      mean[i] += est[i] / seeds;
      m2[i] += (est[i] - exact[i]) * (est[i] - exact[i]) / seeds;
      se2[i] += se[i] * se[i] / seeds;
      if (exact[i] > 50) {
        counted++;
        inside += fabs(est[i] - exact[i]) <= 2 * se[i];
        inside1 += fabs(est[i] - exact[i]) <= se[i];
      }
      if (exact[i] >= top_threshold && exact[i] > 0) {
        counted_top++;
        inside_top += fabs(est[i] - exact[i]) <= 2 * se[i];
        rel2_top += (est[i] - exact[i]) * (est[i] - exact[i]) / (exact[i] * exact[i]);
      }
    }
    g_free(se);
  }
  double coverage = (double)inside / (double)counted, coverage_top = (double)inside_top / (double)counted_top;
  double a = 0, b = 0;
  for (int64_t i = 0; i < n; i++)
    if (exact[i] > 50)
      a += m2[i], b += se2[i];
  double ratio = sqrt(a / b), rms_top = sqrt(rel2_top / (double)counted_top);
  printf("\n    %s, %s, k=%" G_GINT64_FORMAT " of n=%" G_GINT64_FORMAT ": exact within 2 stderr for %.1f%% "
         "(1 stderr: %.1f%%) of %" G_GINT64_FORMAT " (vertex, seed) pairs with exact > 50, %.1f%% in the "
         "top 10%%; rms error / rms stderr = %.3f; rms relative error of the top 10%% = %.3f",
         directed ? "directed" : "undirected", plain ? "plain" : directed ? "plain (directed)" : "linear scaling",
         k, n, 100 * coverage, 100.0 * inside1 / counted, counted, 100 * coverage_top, ratio, rms_top);
  CU_ASSERT(counted > 100);
  CU_ASSERT(ratio > 0.8 && ratio < 1.25);
  CU_ASSERT(coverage >= 0.7);
  CU_ASSERT(coverage_top >= 0.75);
  double sum_exact = 0, sum_mean = 0;
  for (int64_t i = 0; i < n; i++)
    sum_exact += exact[i], sum_mean += mean[i];
  CU_ASSERT(fabs(sum_mean - sum_exact) / sum_exact < 0.05);
  return rms_top;
}

static void
test_sampled_estimate(void)
{
  double linear = check_estimate(FALSE, FALSE);
  double plain = check_estimate(FALSE, TRUE);
  check_estimate(TRUE, FALSE);
  printf("\n");
  /* linear scaling is the better estimator on undirected views */
  CU_ASSERT(linear < plain);
}

/* ---------------------------------------------------------------- progress, errors */

typedef struct {
  int calls;
  double first, last;
  gboolean monotone;
  int cancel_at_call;  /* 0 = never */
} progress_t;

static int
on_progress(double f, void *payload)
{
  progress_t *p = payload;
  if (p->calls == 0)
    p->first = f;
  else if (f < p->last)
    p->monotone = FALSE;
  p->last = f;
  p->calls++;
  return p->cancel_at_call != 0 && p->calls >= p->cancel_at_call;
}

static void
test_progress_and_cancel(void)
{
  g_autoptr(netan_case_t) c = random_case(1500, 6000, 5);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  netan_betweenness_params_t p = NETAN_BETWEENNESS_PARAMS_INIT;
  progress_t pr = { 0, -1, -1, TRUE, 0 };
  p.progress = on_progress;
  p.payload = &pr;
  p.threads = 2;
  GError *e = NULL;
  gint64 start = g_get_monotonic_time();
  g_autoptr(netan_table_t) t = netan_betweenness_i_table(v, &p, &e);
  double seconds = (double)(g_get_monotonic_time() - start) / G_TIME_SPAN_SECOND;
  CU_ASSERT_PTR_NOT_NULL(t);
  CU_ASSERT(pr.calls >= 2);
  /* 0, a call per 1% more, 1; and one a second when that is slower */
  CU_ASSERT(pr.calls <= 102 + (int)seconds + 1);
  CU_ASSERT_EQUAL(pr.first, 0.0);
  CU_ASSERT_EQUAL(pr.last, 1.0);
  CU_ASSERT_TRUE(pr.monotone);

  /* cancelled at the first call, and part-way */
  for (int at = 1; at <= 3; at += 2) {
    progress_t stop = { 0, -1, -1, TRUE, at };
    p.payload = &stop;
    CU_ASSERT_PTR_NULL(netan_betweenness_i_table(v, &p, &e));
    ASSERT_NETAN_ERROR(e, NETAN_ERROR_CANCELLED);
    CU_ASSERT_EQUAL(stop.calls, at);
  }
  /* the public call, through the old options struct */
  progress_t stop = { 0, -1, -1, TRUE, 1 };
  netan_betweenness_options_t o = NETAN_BETWEENNESS_OPTIONS_INIT;
  o.progress = on_progress;
  o.payload = &stop;
  CU_ASSERT_PTR_NULL(netan_centrality_betweenness(v, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_CANCELLED);
  /* and the view is still good */
  g_autoptr(netan_table_t) again = netan_centrality_betweenness(v, NULL, &e);
  CU_ASSERT_PTR_NOT_NULL(again);
}

static igraph_error_t
bad_lengths_create(void *data)
{
  raw_graph_t *r = data;
  igraph_vector_int_t ends = { 0 };
  igraph_integer_t e[] = { 0, 1, 1, 2 };
  igraph_vector_int_view(&ends, e, 4);
  IGRAPH_CHECK(igraph_create(&r->g, &ends, 3, IGRAPH_UNDIRECTED));
  IGRAPH_CHECK(igraph_vector_init(&r->lengths, 2));
  VECTOR(r->lengths)[0] = 1;
  VECTOR(r->lengths)[1] = 0;
  return IGRAPH_SUCCESS;
}

static void
test_bad_input(void)
{
  g_autoptr(netan_case_t) c = random_case(20, 30, 1);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  GError *e = NULL;
  netan_betweenness_params_t p = NETAN_BETWEENNESS_PARAMS_INIT;
  p.samples = -1;
  CU_ASSERT_PTR_NULL(netan_betweenness_i_table(v, &p, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  p.samples = 0;
  p.threads = -2;
  CU_ASSERT_PTR_NULL(netan_betweenness_i_table(v, &p, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  p.threads = 0;
  p.cutoff = NAN;
  CU_ASSERT_PTR_NULL(netan_betweenness_i_table(v, &p, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  netan_betweenness_options_t o = NETAN_BETWEENNESS_OPTIONS_INIT;
  o.version = 99;
  CU_ASSERT_PTR_NULL(netan_centrality_betweenness(v, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);

  /* zero and NaN lengths are refused, as igraph refuses them */
  raw_graph_t r = { "bad", { 0 }, { 0 }, 3, 2, FALSE, 0 };
  netan_gi_call_t call = { .what = "create" };
  CU_ASSERT_TRUE_FATAL(netan_gi_run(&call, bad_lengths_create, &r, NULL));
  CU_ASSERT_PTR_NULL(netan_brandes_graph_new(&r.g, &r.lengths, FALSE, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  VECTOR(r.lengths)[1] = NAN;
  CU_ASSERT_PTR_NULL(netan_brandes_graph_new(&r.g, &r.lengths, FALSE, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  VECTOR(r.lengths)[1] = INFINITY;  /* igraph takes infinite lengths: so do we */
  g_autofree double *want = igraph_values(&r.g, &r.lengths, FALSE, -1);
  g_autofree double *got = netan_values(&r.g, &r.lengths, FALSE, -1, 2, 0, 0, NULL);
  check_close(got, want, 3, "infinite length");
  raw_free(&r);

  /* a stale view */
  netan_case_add_entity(c, "person", "late", NULL, NULL);
  CU_ASSERT_PTR_NULL(netan_centrality_betweenness(v, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_STALE);
}

/* Betweenness, exact and sampled, reads the view's own edges: igraph's
 * graph of the view is not made (the memory a betweenness run saves); a
 * measure that calls igraph makes it once, also when 8 threads ask for it
 * at the same moment, and all of them get the same values. */
typedef struct {
  const netan_view_t *v;
  GMutex *gate;            /* held until every thread is ready */
  netan_table_t *t;
} first_use_t;

static gpointer
first_use_thread(gpointer data)
{
  first_use_t *f = data;
  g_mutex_lock(f->gate);
  g_mutex_unlock(f->gate);
  f->t = netan_centrality_degree(f->v, NULL, NULL);
  return NULL;
}

static void
test_graph_made_on_first_use(void)
{
  g_autoptr(netan_case_t) c = random_case(200, 900, 11);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) exact = netan_centrality_betweenness(v, NULL, NULL);
  netan_betweenness_params_t p = NETAN_BETWEENNESS_PARAMS_INIT;
  p.samples = 50;
  g_autoptr(netan_table_t) sampled = netan_betweenness_i_table(v, &p, NULL);
  CU_ASSERT_PTR_NOT_NULL(exact);
  CU_ASSERT_PTR_NOT_NULL(sampled);
  CU_ASSERT_EQUAL(g_atomic_int_get(&v->graph_state), 0);
  CU_ASSERT_PTR_NULL(v->length_data);

  enum { T = 8 };
  GMutex gate;
  g_mutex_init(&gate);
  g_mutex_lock(&gate);
  first_use_t f[T];
  GThread *th[T];
  for (int i = 0; i < T; i++) {
    f[i] = (first_use_t){ v, &gate, NULL };
    th[i] = g_thread_new("first-use", first_use_thread, &f[i]);
  }
  g_mutex_unlock(&gate);
  for (int i = 0; i < T; i++)
    g_thread_join(th[i]);
  g_mutex_clear(&gate);
  CU_ASSERT_EQUAL(g_atomic_int_get(&v->graph_state), 1);
  g_autofree double *first = f[0].t ? by_vertex(f[0].t, v) : NULL;
  CU_ASSERT_PTR_NOT_NULL_FATAL(first);
  for (int i = 0; i < T; i++) {
    CU_ASSERT_PTR_NOT_NULL_FATAL(f[i].t);
    g_autofree double *vals = by_vertex(f[i].t, v);
    CU_ASSERT_EQUAL(memcmp(vals, first, (size_t)netan_view_n_vertices(v) * sizeof(double)), 0);
    netan_table_free(f[i].t);
  }
  /* and the graph made is the view's: igraph's betweenness on it is netan's */
  g_autofree double *want = igraph_values(&v->graph, netan_view_i_lengths(v), FALSE, -1);
  g_autofree double *got = by_vertex(exact, v);
  check_close(got, want, netan_view_n_vertices(v), "graph made on first use");
}

static void
test_tiny_and_empty(void)
{
  for (int n = 0; n <= 2; n++) {
    g_autoptr(netan_case_t) c = netan_case_new();
    int64_t prev = -1;
    for (int i = 0; i < n; i++) {
      char key[8];
      g_snprintf(key, sizeof key, "x%d", i);
      int64_t id = netan_case_add_entity(c, "person", key, NULL, NULL);
      if (prev >= 0)
        netan_case_add_link(c, prev, id, "call", 1, NULL, NULL);
      prev = id;
    }
    g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
    for (int64_t samples = 0; samples <= 1; samples++) {
      g_autoptr(netan_table_t) t = table_with(v, 4, samples, 1, TRUE);
      CU_ASSERT_PTR_NOT_NULL_FATAL(t);
      CU_ASSERT_EQUAL(netan_table_n_rows(t), n);
      for (int64_t r = 0; r < n; r++)
        CU_ASSERT_EQUAL(netan_table_get_double(t, r, 4), 0);
    }
  }
}

/* The hand-computed cases of /analysis/centrality, through the
 * sampling-free path with a cutoff: on the path a-b-c-d with cutoff 2,
 * a..d (3 steps) is too long, so b only brokers a..c. */
static void
test_cutoff_on_a_path(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  const char *keys[] = { "a", "b", "c", "d" };
  int64_t ids[4];
  for (int i = 0; i < 4; i++)
    ids[i] = netan_case_add_entity(c, "person", keys[i], NULL, NULL);
  for (int i = 0; i < 3; i++)
    netan_case_add_link(c, ids[i], ids[i + 1], "call", 1, NULL, NULL);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_UNWEIGHTED);
  netan_betweenness_params_t p = NETAN_BETWEENNESS_PARAMS_INIT;
  p.cutoff = 2;
  g_autoptr(netan_table_t) t = netan_betweenness_i_table(v, &p, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  g_autofree double *vals = by_vertex(t, v);
  CU_ASSERT_EQUAL(vals[netan_view_vertex(v, ids[1])], 1);
  CU_ASSERT_EQUAL(vals[netan_view_vertex(v, ids[2])], 1);
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t, "cutoff"), "2");
  p.cutoff = -1;
  p.weighted = FALSE;
  g_autoptr(netan_table_t) full = netan_betweenness_i_table(v, &p, NULL);
  g_autofree double *fv = by_vertex(full, v);
  CU_ASSERT_EQUAL(fv[netan_view_vertex(v, ids[1])], 2);
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(full, "cutoff"), "none");
}

static void
test_report_worst(void)
{
  printf("\n    largest relative difference from igraph: %.3g\n", worst_seen);
  CU_ASSERT(worst_seen <= TOL);
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return CU_get_error();
  static const harness_test_t exact[] = {
    { "/analysis/betweenness/cmp-eps-is-igraphs", test_cmp_eps_is_igraphs },
    { "/analysis/betweenness/random-raw-graphs", test_random_raw_graphs },
    { "/analysis/betweenness/lengths-as-doubles", test_lengths_as_doubles },
    { "/analysis/betweenness/near-ties", test_near_ties },
    { "/analysis/betweenness/random-views", test_random_views },
    { "/analysis/betweenness/real-networks", test_real_networks },
    { "/analysis/betweenness/cutoff-on-a-path", test_cutoff_on_a_path },
    { "/analysis/betweenness/tiny-and-empty", test_tiny_and_empty },
    { "/analysis/betweenness/graph-made-on-first-use", test_graph_made_on_first_use },
    { "/analysis/betweenness/worst-difference", test_report_worst },
    { NULL, NULL } };
  static const harness_test_t sampled[] = {
    { "/analysis/betweenness/sampled/all-sources-is-exact", test_sampled_all_sources_is_exact },
    { "/analysis/betweenness/sampled/estimate", test_sampled_estimate },
    { NULL, NULL } };
  static const harness_test_t other[] = {
    { "/analysis/betweenness/progress-and-cancel", test_progress_and_cancel },
    { "/analysis/betweenness/bad-input", test_bad_input },
    { NULL, NULL } };
  harness_add_suite("/analysis/betweenness", exact);
  harness_add_suite("/analysis/betweenness/sampled", sampled);
  harness_add_suite("/analysis/betweenness/other", other);
  return harness_run();
}
