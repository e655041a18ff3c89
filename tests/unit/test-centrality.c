/* /analysis/centrality/...: closeness, harmonic, eigenvector, hubs and
 * authorities, coreness, Burt's constraint and effective size, and edge
 * betweenness, on graphs small enough to compute by hand (a star, a path,
 * two triangles joined by a bridge, ...). The derivations are in the
 * comments; python-igraph and networkx check the same measures on random
 * and real networks in bindings/python/tests/test_centrality_more.py.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include <netan/netan-edge-measures.h>

#include <math.h>
#include <string.h>

#define EPS 1e-12


static netan_view_t *
undirected(const netan_case_t *c)
{
  return harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
}

static netan_view_t *
directed(const netan_case_t *c)
{
  return harness_view(c, TRUE, NETAN_LENGTH_INVERSE_STRENGTH);
}

/* netan_centrality(@measure) with the options in @o (NULL: defaults);
 * fails the test if it fails. */
static netan_table_t *
measure(const netan_view_t *v, const char *name, const netan_centrality_options_t *o)
{
  GError *e = NULL;
  netan_table_t *t = netan_centrality(v, name, o, &e);
  if (t == NULL)
    fprintf(stderr, "\n%s: %s\n", name, e->message);
  g_clear_error(&e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  return t;
}

static netan_centrality_options_t
opts(netan_degree_mode_t mode, gboolean normalized, double cutoff, gboolean weighted)
{
  netan_centrality_options_t o = NETAN_CENTRALITY_OPTIONS_INIT;
  o.mode = mode;
  o.normalized = normalized;
  o.cutoff = cutoff;
  o.weighted = weighted;
  return o;
}

/* Value of @key in a centrality table (NAN if absent: fails the compare). */
static double
value_of(const netan_table_t *t, const char *key)
{
  for (int64_t r = 0; r < netan_table_n_rows(t); r++)
    if (strcmp(netan_table_get_string(t, r, 1), key) == 0)
      return netan_table_get_double(t, r, 4);
  CU_FAIL("key not in the table");
  return NAN;
}

static int64_t
rank_of(const netan_table_t *t, const char *key)
{
  for (int64_t r = 0; r < netan_table_n_rows(t); r++)
    if (strcmp(netan_table_get_string(t, r, 1), key) == 0)
      return netan_table_get_int(t, r, 5);
  return -1;
}

/* Value of the edge from-to in an edge table (either order undirected). */
static double
edge_value(const netan_table_t *t, const char *from, const char *to)
{
  for (int64_t r = 0; r < netan_table_n_rows(t); r++) {
    const char *a = netan_table_get_string(t, r, 1), *b = netan_table_get_string(t, r, 3);
    if ((strcmp(a, from) == 0 && strcmp(b, to) == 0))
      return netan_table_get_double(t, r, 4);
  }
  CU_FAIL("edge not in the table");
  return NAN;
}

#define ASSERT_META(t, key, want) CU_ASSERT_STRING_EQUAL(netan_table_get_meta((t), (key)), (want))

/* ------------------------------------------------------------ star */

/* h-a, h-b, h-c, h-d, h-e: n = 6. */
static const char *STAR = "h-a h-b h-c h-d h-e";

static void
test_star_paths(void)
{
  g_autoptr(netan_case_t) c = harness_case(STAR);
  g_autoptr(netan_view_t) v = undirected(c);
  /* closeness: h is 1 from all 5; a leaf 1 from h and 2 from 4 leaves = 9 */
  g_autoptr(netan_table_t) cl = measure(v, "closeness", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "h"), 1.0 / 5, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "a"), 1.0 / 9, EPS);
  ASSERT_META(cl, "measure", "closeness");
  ASSERT_META(cl, "normalized", "false");
  ASSERT_META(cl, "all_reachable", "true");
  ASSERT_META(cl, "cutoff", "none");
  ASSERT_META(cl, "directed", "false");
  CU_ASSERT_PTR_NOT_NULL(strstr(netan_table_get_meta(cl, "weights"), "1/strength"));
  netan_centrality_options_t n = opts(NETAN_DEGREE_ALL, TRUE, -1, TRUE);
  g_autoptr(netan_table_t) cln = measure(v, "closeness", &n);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cln, "h"), 1.0, EPS);       /* 5 reached / 5 */
  CU_ASSERT_DOUBLE_EQUAL(value_of(cln, "a"), 5.0 / 9, EPS);
  /* harmonic: h 5 x 1; a leaf 1 + 4 x 1/2 = 3; normalized by n - 1 = 5 */
  g_autoptr(netan_table_t) hr = measure(v, "harmonic", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hr, "h"), 5, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hr, "a"), 3, EPS);
  g_autoptr(netan_table_t) hrn = measure(v, "harmonic", &n);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hrn, "h"), 1, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hrn, "e"), 0.6, EPS);
  ASSERT_META(hrn, "normalized", "1/(n-1)");
  /* ranks: h first, the five leaves share rank 2, ordered by key */
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(hr, 0, 1), "h");
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(hr, 1, 1), "a");
  CU_ASSERT_EQUAL(rank_of(hr, "e"), 2);
}

static void
test_star_spectral(void)
{
  g_autoptr(netan_case_t) c = harness_case(STAR);
  g_autoptr(netan_view_t) v = undirected(c);
  /* K(1,5): lambda = sqrt(5), x_leaf = x_h / sqrt(5) */
  g_autoptr(netan_table_t) ev = measure(v, "eigenvector", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "h"), 1, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "c"), 1 / sqrt(5), 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(g_ascii_strtod(netan_table_get_meta(ev, "eigenvalue"), NULL), sqrt(5), 1e-10);
  ASSERT_META(ev, "normalized", "max=1");
  ASSERT_META(ev, "weights", "strength=sum of link weights");
  /* Euclidean length 1: |(1, 5 x 1/sqrt 5)| = sqrt 2 */
  netan_centrality_options_t n = opts(NETAN_DEGREE_ALL, TRUE, -1, TRUE);
  g_autoptr(netan_table_t) evn = measure(v, "eigenvector", &n);
  CU_ASSERT_DOUBLE_EQUAL(value_of(evn, "h"), 1 / sqrt(2), 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(evn, "a"), 1 / sqrt(10), 1e-10);
  ASSERT_META(evn, "normalized", "euclidean norm=1");
}

static void
test_directed_star_hits(void)
{
  /* h -> a..e: h is the only hub, the leaves the only authorities.
   * A A^T has the single non-zero entry 5 at h; A^T A is the 5 x 5 block
   * of ones over the leaves (eigenvalue 5, uniform eigenvector). */
  g_autoptr(netan_case_t) c = harness_case(STAR);
  g_autoptr(netan_view_t) v = directed(c);
  g_autoptr(netan_table_t) hubs = measure(v, "hubs", NULL);
  g_autoptr(netan_table_t) auths = measure(v, "authorities", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hubs, "h"), 1, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hubs, "a"), 0, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(auths, "h"), 0, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(auths, "d"), 1, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(g_ascii_strtod(netan_table_get_meta(hubs, "eigenvalue"), NULL), 5, 1e-10);
  /* no score is negative, not even -0 */
  for (int64_t r = 0; r < netan_table_n_rows(hubs); r++)
    CU_ASSERT(!signbit(netan_table_get_double(hubs, r, 4)));
  netan_centrality_options_t n = opts(NETAN_DEGREE_ALL, TRUE, -1, TRUE);
  g_autoptr(netan_table_t) authn = measure(v, "authorities", &n);
  CU_ASSERT_DOUBLE_EQUAL(value_of(authn, "a"), 0.2, 1e-10);  /* sum = 1 */
  ASSERT_META(authn, "normalized", "sum=1");
  ASSERT_META(authn, "measure", "authorities");
}

static void
test_star_structure(void)
{
  g_autoptr(netan_case_t) c = harness_case(STAR);
  g_autoptr(netan_view_t) v = undirected(c);
  g_autoptr(netan_table_t) core = measure(v, "coreness", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(core, "h"), 1, 0);
  CU_ASSERT_DOUBLE_EQUAL(value_of(core, "a"), 1, 0);
  /* constraint: h gives 1/5 to each leaf, leaves are not tied:
   * 5 x (1/5)^2; a leaf depends on h alone: 1 */
  g_autoptr(netan_table_t) con = measure(v, "constraint", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(con, "h"), 0.2, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(con, "b"), 1, EPS);
  /* effective size: no tie among h's 5 contacts: 5 - 0 */
  g_autoptr(netan_table_t) es = measure(v, "effective_size", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(es, "h"), 5, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(es, "a"), 1, EPS);
  netan_centrality_options_t n = opts(NETAN_DEGREE_ALL, TRUE, -1, TRUE);
  g_autoptr(netan_table_t) eff = measure(v, "effective_size", &n);
  CU_ASSERT_DOUBLE_EQUAL(value_of(eff, "h"), 1, EPS);  /* efficiency 5/5 */
  ASSERT_META(eff, "normalized", "effective size/number of contacts (efficiency)");
}

static void
test_star_edge_betweenness(void)
{
  g_autoptr(netan_case_t) c = harness_case(STAR);
  g_autoptr(netan_view_t) v = undirected(c);
  GError *e = NULL;
  g_autoptr(netan_table_t) eb = netan_centrality_edge_betweenness(v, NULL, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(eb);
  /* the edge h-x carries x's paths to h and to the 4 other leaves */
  CU_ASSERT_EQUAL(netan_table_n_rows(eb), 5);
  CU_ASSERT_EQUAL(netan_table_n_columns(eb), 6);
  static const char *const cols[] = { "from", "from_key", "to", "to_key", "value", "rank" };
  for (int i = 0; i < 6; i++)
    CU_ASSERT_STRING_EQUAL(netan_table_column_name(eb, i), cols[i]);
  /* h was added first: it has the smaller entity id, so it is "from" */
  CU_ASSERT_DOUBLE_EQUAL(edge_value(eb, "h", "a"), 5, EPS);
  CU_ASSERT_DOUBLE_EQUAL(edge_value(eb, "h", "e"), 5, EPS);
  CU_ASSERT_EQUAL(netan_table_get_int(eb, 4, 5), 1);  /* all tie at rank 1 */
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(eb, 0, 3), "a");  /* ties by key */
  CU_ASSERT_EQUAL(netan_table_get_int(eb, 0, 0), netan_case_find_entity(c, "person", "h"));
  ASSERT_META(eb, "measure", "edge_betweenness");
  ASSERT_META(eb, "normalized", "false");
  netan_centrality_options_t n = opts(NETAN_DEGREE_ALL, TRUE, -1, TRUE);
  g_autoptr(netan_table_t) ebn = netan_centrality_edge_betweenness(v, &n, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(ebn);
  CU_ASSERT_DOUBLE_EQUAL(edge_value(ebn, "h", "c"), 5.0 / 15, EPS);  /* n(n-1)/2 = 15 pairs */
  ASSERT_META(ebn, "normalized", "2/(n(n-1))");
}

/* ------------------------------------------------------------ path */

/* a-b-c-d */
static const char *PATH = "a-b b-c c-d";

static void
test_path_undirected(void)
{
  g_autoptr(netan_case_t) c = harness_case(PATH);
  g_autoptr(netan_view_t) v = undirected(c);
  g_autoptr(netan_table_t) cl = measure(v, "closeness", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "a"), 1.0 / 6, EPS);  /* 1 + 2 + 3 */
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "b"), 1.0 / 4, EPS);  /* 1 + 1 + 2 */
  g_autoptr(netan_table_t) hr = measure(v, "harmonic", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hr, "a"), 1 + 1.0 / 2 + 1.0 / 3, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hr, "c"), 2.5, EPS);
  /* P4: lambda = 2 cos(pi/5), x_k = sin(k pi/5): a/b = sin 36 / sin 72 */
  g_autoptr(netan_table_t) ev = measure(v, "eigenvector", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "b"), 1, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "d"), sin(G_PI / 5) / sin(2 * G_PI / 5), 1e-10);
  g_autoptr(netan_table_t) con = measure(v, "constraint", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(con, "a"), 1, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(con, "b"), 0.5, EPS);  /* 2 x (1/2)^2 */
  g_autoptr(netan_table_t) es = measure(v, "effective_size", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(es, "b"), 2, EPS);
  g_autoptr(netan_table_t) eb = netan_centrality_edge_betweenness(v, NULL, NULL);
  CU_ASSERT_DOUBLE_EQUAL(edge_value(eb, "a", "b"), 3, EPS);  /* {a} x {b, c, d} */
  CU_ASSERT_DOUBLE_EQUAL(edge_value(eb, "b", "c"), 4, EPS);  /* {a, b} x {c, d} */
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(eb, 0, 1), "b");
  CU_ASSERT_EQUAL(netan_table_get_int(eb, 2, 5), 2);
}

static void
test_path_hits_and_coreness(void)
{
  /* a -1-> b -2-> c -3-> d: A A^T = diag(1, 4, 9, 0), A^T A = diag(0, 1, 4, 9):
   * c is the one hub (it points to d with strength 3), d the one authority.
   * (Unweighted, both matrices would have a repeated leading eigenvalue
   * and no unique answer.) */
  g_autoptr(netan_case_t) c = harness_case("a-b:1 b-c:2 c-d:3");
  g_autoptr(netan_view_t) v = directed(c);
  g_autoptr(netan_table_t) hubs = measure(v, "hubs", NULL);
  g_autoptr(netan_table_t) auths = measure(v, "authorities", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hubs, "c"), 1, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hubs, "b"), 0, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hubs, "d"), 0, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(auths, "d"), 1, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(auths, "c"), 0, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(g_ascii_strtod(netan_table_get_meta(hubs, "eigenvalue"), NULL), 9, 1e-9);
  CU_ASSERT_PTR_NOT_NULL(strstr(netan_table_get_meta(auths, "direction"), "in-links"));
  /* undirected path: every vertex is in the 1-core, none in a 2-core */
  g_autoptr(netan_view_t) u = undirected(c);
  g_autoptr(netan_table_t) core = measure(u, "coreness", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(core, "a"), 1, 0);
  CU_ASSERT_DOUBLE_EQUAL(value_of(core, "b"), 1, 0);
  CU_ASSERT_EQUAL(rank_of(core, "d"), 1);  /* all tie */
}

static void
test_path_cutoff(void)
{
  g_autoptr(netan_case_t) c = harness_case(PATH);
  g_autoptr(netan_view_t) v = undirected(c);
  netan_centrality_options_t o = opts(NETAN_DEGREE_ALL, FALSE, 1, TRUE);
  /* only paths of length <= 1: neighbours */
  g_autoptr(netan_table_t) cl = measure(v, "closeness", &o);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "a"), 1, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "b"), 0.5, EPS);
  CU_ASSERT_DOUBLE_EQUAL(g_ascii_strtod(netan_table_get_meta(cl, "cutoff"), NULL), 1, 0);
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(cl, "all_reachable"), "false");
  o.cutoff = 2;
  g_autoptr(netan_table_t) hr = measure(v, "harmonic", &o);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hr, "a"), 1.5, EPS);  /* d is 3 away */
  o.cutoff = 1;
  g_autoptr(netan_table_t) eb = netan_centrality_edge_betweenness(v, &o, NULL);
  CU_ASSERT_DOUBLE_EQUAL(edge_value(eb, "b", "c"), 1, EPS);  /* its own pair only */
  o.cutoff = 0;  /* nothing but the vertex itself */
  g_autoptr(netan_table_t) cl0 = measure(v, "closeness", &o);
  CU_ASSERT(isnan(value_of(cl0, "a")));
}

static void
test_path_directed(void)
{
  /* a -> b -> c -> d */
  g_autoptr(netan_case_t) c = harness_case(PATH);
  g_autoptr(netan_view_t) v = directed(c);
  netan_centrality_options_t out = opts(NETAN_DEGREE_OUT, FALSE, -1, TRUE);
  g_autoptr(netan_table_t) cl = measure(v, "closeness", &out);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "a"), 1.0 / 6, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "b"), 1.0 / 3, EPS);   /* reaches c, d only */
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "c"), 1, EPS);
  /* d reaches nobody: closeness is undefined (igraph: NaN), listed last */
  CU_ASSERT(isnan(value_of(cl, "d")));
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(cl, 3, 1), "d");
  CU_ASSERT_EQUAL(netan_table_get_int(cl, 3, 5), 4);
  ASSERT_META(cl, "mode", "out");
  ASSERT_META(cl, "all_reachable", "false");
  netan_centrality_options_t outn = opts(NETAN_DEGREE_OUT, TRUE, -1, TRUE);
  g_autoptr(netan_table_t) cln = measure(v, "closeness", &outn);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cln, "b"), 2.0 / 3, EPS);  /* 2 reached / 3 */
  netan_centrality_options_t in = opts(NETAN_DEGREE_IN, FALSE, -1, TRUE);
  g_autoptr(netan_table_t) hin = measure(v, "harmonic", &in);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hin, "a"), 0, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hin, "d"), 1 + 1.0 / 2 + 1.0 / 3, EPS);
  /* ignoring direction gives the undirected values */
  g_autoptr(netan_table_t) hall = measure(v, "harmonic", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hall, "b"), 2.5, EPS);
  ASSERT_META(hall, "mode", "all");
  /* edge betweenness along the arcs */
  g_autoptr(netan_table_t) eb = netan_centrality_edge_betweenness(v, NULL, NULL);
  CU_ASSERT_DOUBLE_EQUAL(edge_value(eb, "b", "c"), 4, EPS);  /* a->c a->d b->c b->d */
  CU_ASSERT_DOUBLE_EQUAL(edge_value(eb, "c", "d"), 3, EPS);
  ASSERT_META(eb, "directed", "true");
  netan_centrality_options_t n = opts(NETAN_DEGREE_ALL, TRUE, -1, TRUE);
  g_autoptr(netan_table_t) ebn = netan_centrality_edge_betweenness(v, &n, NULL);
  CU_ASSERT_DOUBLE_EQUAL(edge_value(ebn, "b", "c"), 4.0 / 12, EPS);
  /* in-coreness of a chain: a has no in-arc, so peeling it strips b, ... */
  g_autoptr(netan_table_t) core = measure(v, "coreness", &in);
  CU_ASSERT_DOUBLE_EQUAL(value_of(core, "d"), 0, 0);
  g_autoptr(netan_table_t) core_all = measure(v, "coreness", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(core_all, "b"), 1, 0);
}

static void
test_directed_cycle_coreness(void)
{
  /* a -> b -> c -> a, and c -> d: every cycle vertex keeps one in-arc */
  g_autoptr(netan_case_t) c = harness_case("a-b b-c c-a c-d");
  g_autoptr(netan_view_t) v = directed(c);
  netan_centrality_options_t in = opts(NETAN_DEGREE_IN, FALSE, -1, TRUE);
  netan_centrality_options_t out = opts(NETAN_DEGREE_OUT, FALSE, -1, TRUE);
  g_autoptr(netan_table_t) cin = measure(v, "coreness", &in);
  g_autoptr(netan_table_t) cout = measure(v, "coreness", &out);
  g_autoptr(netan_table_t) call = measure(v, "coreness", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cin, "a"), 1, 0);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cin, "d"), 1, 0);   /* in-degree 1 from c, which stays */
  CU_ASSERT_DOUBLE_EQUAL(value_of(cout, "d"), 0, 0);  /* no out-arc */
  CU_ASSERT_DOUBLE_EQUAL(value_of(call, "a"), 2, 0);  /* in + out */
  CU_ASSERT_DOUBLE_EQUAL(value_of(call, "d"), 1, 0);
  ASSERT_META(cout, "mode", "out");
}

/* ------------------------------------------------------------ two triangles */

/* a, b, c and d, e, f, joined by the bridge c-d. */
static const char *TRIANGLES = "a-b b-c a-c d-e e-f d-f c-d";

static void
test_two_triangles(void)
{
  g_autoptr(netan_case_t) c = harness_case(TRIANGLES);
  g_autoptr(netan_view_t) v = undirected(c);
  g_autoptr(netan_table_t) cl = measure(v, "closeness", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "c"), 1.0 / 7, EPS);   /* 1+1+1+2+2 */
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "a"), 1.0 / 10, EPS);  /* 1+1+2+3+3 */
  g_autoptr(netan_table_t) hr = measure(v, "harmonic", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hr, "c"), 4, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hr, "a"), 19.0 / 6, EPS);
  /* by symmetry x_a = x_b = x_e = x_f = x, x_c = x_d = y:
   * lambda x = x + y, lambda y = 2x + y => (lambda-1)^2 = 2, x/y = 1/sqrt 2 */
  g_autoptr(netan_table_t) ev = measure(v, "eigenvector", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "c"), 1, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "f"), 1 / sqrt(2), 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(g_ascii_strtod(netan_table_get_meta(ev, "eigenvalue"), NULL), 1 + sqrt(2), 1e-10);
  /* connected and not bipartite: hubs = authorities = eigenvector */
  g_autoptr(netan_table_t) hubs = measure(v, "hubs", NULL);
  g_autoptr(netan_table_t) auths = measure(v, "authorities", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hubs, "a"), 1 / sqrt(2), 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(auths, "d"), 1, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(g_ascii_strtod(netan_table_get_meta(hubs, "eigenvalue"), NULL), 3 + 2 * sqrt(2), 1e-9);
  /* both triangles are 2-cores; the bridge does not make a 3-core */
  g_autoptr(netan_table_t) core = measure(v, "coreness", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(core, "a"), 2, 0);
  CU_ASSERT_DOUBLE_EQUAL(value_of(core, "c"), 2, 0);
  /* constraint of a: p_ab = p_ac = 1/2, p_cb = 1/3, p_bc = 1/2:
   * (1/2 + 1/2 1/3)^2 + (1/2 + 1/2 1/2)^2 = 4/9 + 9/16 */
  g_autoptr(netan_table_t) con = measure(v, "constraint", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(con, "a"), 4.0 / 9 + 9.0 / 16, EPS);
  /* of c: p = 1/3 to a, b, d; a and b are tied (p_ab = p_ba = 1/2):
   * 2 (1/3 + 1/3 1/2)^2 + (1/3)^2 = 1/2 + 1/9 */
  CU_ASSERT_DOUBLE_EQUAL(value_of(con, "c"), 0.5 + 1.0 / 9, EPS);
  /* effective size: a has 2 tied contacts: 2 - 2/2; c has a, b (tied)
   * and d: 3 - 2/3 */
  g_autoptr(netan_table_t) es = measure(v, "effective_size", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(es, "a"), 1, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(es, "c"), 7.0 / 3, EPS);
  ASSERT_META(es, "formula", "Borgatti: n-2t/n");
  /* the same through Burt's general formula (weights all 1) */
  g_autoptr(netan_view_t) dv = directed(c);
  g_autoptr(netan_table_t) esd = measure(dv, "effective_size", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(esd, "c"), 7.0 / 3, EPS);
  ASSERT_META(esd, "formula", "Burt: sum_j (1 - sum_q p_iq m_jq)");
  /* the bridge carries all 3 x 3 crossing pairs */
  g_autoptr(netan_table_t) eb = netan_centrality_edge_betweenness(v, NULL, NULL);
  CU_ASSERT_DOUBLE_EQUAL(edge_value(eb, "c", "d"), 9, EPS);
  CU_ASSERT_DOUBLE_EQUAL(edge_value(eb, "a", "b"), 1, EPS);
  CU_ASSERT_DOUBLE_EQUAL(edge_value(eb, "a", "c"), 4, EPS);  /* a to c, d, e, f */
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(eb, 0, 1), "c");
  CU_ASSERT_EQUAL(netan_table_get_int(eb, 0, 5), 1);
}

/* ------------------------------------------------------------ weights */

static void
test_lengths_and_strengths(void)
{
  /* closeness reads LENGTHS = 1/strength: a-b:1 b-c:4 gives d(a,c) = 1.25 */
  g_autoptr(netan_case_t) c = harness_case("a-b:1 b-c:4");
  g_autoptr(netan_view_t) v = undirected(c);
  g_autoptr(netan_table_t) cl = measure(v, "closeness", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "a"), 1 / 2.25, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "c"), 1 / (0.25 + 1.25), EPS);
  g_autoptr(netan_table_t) hr = measure(v, "harmonic", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hr, "b"), 1 + 4, EPS);
  /* weighted = FALSE, or an unweighted view: every edge has length 1 */
  netan_centrality_options_t flat = opts(NETAN_DEGREE_ALL, FALSE, -1, FALSE);
  g_autoptr(netan_table_t) hr1 = measure(v, "harmonic", &flat);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hr1, "b"), 2, EPS);
  CU_ASSERT_PTR_NOT_NULL(strstr(netan_table_get_meta(hr1, "weights"), "none"));
  g_autoptr(netan_view_t) uv = harness_view(c, FALSE, NETAN_LENGTH_UNWEIGHTED);
  g_autoptr(netan_table_t) hr2 = measure(uv, "harmonic", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hr2, "b"), 2, EPS);
  CU_ASSERT_PTR_NOT_NULL(strstr(netan_table_get_meta(hr2, "weights"), "unweighted"));
  /* edge betweenness with a cutoff in length units: a-c is 1.25 long */
  netan_centrality_options_t cut = opts(NETAN_DEGREE_ALL, FALSE, 1.2, TRUE);
  g_autoptr(netan_table_t) eb = netan_centrality_edge_betweenness(v, &cut, NULL);
  CU_ASSERT_DOUBLE_EQUAL(edge_value(eb, "a", "b"), 1, EPS);

  /* eigenvector reads STRENGTHS: A = [0 5 0; 5 0 1; 0 1 0], lambda = sqrt 26,
   * x_a = 5 x_b / sqrt 26, x_c = x_b / sqrt 26 */
  g_autoptr(netan_case_t) c2 = harness_case("a-b:5 b-c:1");
  g_autoptr(netan_view_t) v2 = undirected(c2);
  g_autoptr(netan_table_t) ev = measure(v2, "eigenvector", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "b"), 1, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "a"), 5 / sqrt(26), 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "c"), 1 / sqrt(26), 1e-10);
  /* the length transform does not matter to a strength measure */
  g_autoptr(netan_view_t) uv2 = harness_view(c2, FALSE, NETAN_LENGTH_UNWEIGHTED);
  g_autoptr(netan_table_t) ev2 = measure(uv2, "eigenvector", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev2, "a"), 5 / sqrt(26), 1e-10);

  /* constraint with tie weights: h-a:3 h-b:1 => (3/4)^2 + (1/4)^2 */
  g_autoptr(netan_case_t) c3 = harness_case("h-a:3 h-b:1");
  g_autoptr(netan_view_t) v3 = undirected(c3);
  g_autoptr(netan_table_t) con = measure(v3, "constraint", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(con, "h"), 10.0 / 16, EPS);
  g_autoptr(netan_table_t) con1 = measure(v3, "constraint", &flat);
  CU_ASSERT_DOUBLE_EQUAL(value_of(con1, "h"), 0.5, EPS);

  /* effective size with tie weights: h-a:2 h-b:2 a-b:1. p_ha = p_hb = 1/2;
   * a's strongest tie is 2, so m_ab = 1/2: 2 x (1 - 1/2 1/2) = 1.5
   * (unweighted, Borgatti: 2 - 2/2 = 1) */
  g_autoptr(netan_case_t) c4 = harness_case("h-a:2 h-b:2 a-b:1");
  g_autoptr(netan_view_t) v4 = undirected(c4);
  g_autoptr(netan_table_t) es = measure(v4, "effective_size", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(es, "h"), 1.5, EPS);
  ASSERT_META(es, "formula", "Burt: sum_j (1 - sum_q p_iq m_jq)");
  g_autoptr(netan_table_t) es1 = measure(v4, "effective_size", &flat);
  CU_ASSERT_DOUBLE_EQUAL(value_of(es1, "h"), 1, EPS);
}

static void
test_directed_mutual_ties(void)
{
  /* a -> b (2) and b -> a (3) are one tie of strength 5 for the
   * symmetrised measures, and two arcs for directed ones */
  g_autoptr(netan_case_t) c = harness_case("a-b:2 b-a:3 b-c:5");
  g_autoptr(netan_view_t) v = directed(c);
  /* eigenvector, mode all: the same as the undirected view (strengths added) */
  g_autoptr(netan_view_t) u = undirected(c);
  g_autoptr(netan_table_t) evd = measure(v, "eigenvector", NULL);
  g_autoptr(netan_table_t) evu = measure(u, "eigenvector", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(evd, "a"), value_of(evu, "a"), 1e-12);
  CU_ASSERT_DOUBLE_EQUAL(value_of(evd, "a"), 1 / sqrt(2), 1e-10);  /* A = [0 5 0; 5 0 5; 0 5 0] */
  CU_ASSERT_PTR_NOT_NULL(strstr(netan_table_get_meta(evd, "direction"), "ignored"));
  /* mode in: c has no out-arc... a <-> b -> c: in-links: c is pointed to
   * by b only; the strongly connected {a, b} feeds c. Left eigenvector of
   * A = [0 2 0; 3 0 5; 0 0 0]: lambda = sqrt 6, x_a = 3 x_b / lambda,
   * x_b = 2 x_a / lambda, x_c = 5 x_b / lambda */
  netan_centrality_options_t in = opts(NETAN_DEGREE_IN, FALSE, -1, TRUE);
  g_autoptr(netan_table_t) evin = measure(v, "eigenvector", &in);
  double l = sqrt(6), xb = 1, xa = 3 * xb / l, xc = 5 * xb / l, mx = MAX(xa, MAX(xb, xc));
  CU_ASSERT_DOUBLE_EQUAL(value_of(evin, "a"), xa / mx, 1e-9);
  CU_ASSERT_DOUBLE_EQUAL(value_of(evin, "c"), xc / mx, 1e-9);
  ASSERT_META(evin, "mode", "in");
  /* constraint and effective size add both directions: a's one tie */
  g_autoptr(netan_table_t) con = measure(v, "constraint", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(con, "a"), 1, EPS);
  /* b: ties a (5) and c (5), not tied to each other: 2 x (1/2)^2 */
  CU_ASSERT_DOUBLE_EQUAL(value_of(con, "b"), 0.5, EPS);
  g_autoptr(netan_table_t) es = measure(v, "effective_size", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(es, "b"), 2, EPS);
}

/* ------------------------------------------------------------ disconnected */

static void
test_disconnected(void)
{
  /* a-b, c-d-e, and x alone */
  g_autoptr(netan_case_t) c = harness_case("a-b c-d d-e x");
  g_autoptr(netan_view_t) v = undirected(c);
  /* reachable-only closeness: a reaches only b, at 1 */
  g_autoptr(netan_table_t) cl = measure(v, "closeness", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "a"), 1, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(cl, "c"), 1.0 / 3, EPS);
  CU_ASSERT(isnan(value_of(cl, "x")));
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(cl, 5, 1), "x");
  ASSERT_META(cl, "all_reachable", "false");
  /* harmonic: unreachable vertices add 0; normalized by n - 1 = 5 */
  netan_centrality_options_t n = opts(NETAN_DEGREE_ALL, TRUE, -1, TRUE);
  g_autoptr(netan_table_t) hr = measure(v, "harmonic", &n);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hr, "a"), 1.0 / 5, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hr, "d"), 2.0 / 5, EPS);
  CU_ASSERT_DOUBLE_EQUAL(value_of(hr, "x"), 0, EPS);
  /* eigenvector: the component with the largest eigenvalue (P3: sqrt 2 >
   * P2: 1) carries the vector; the others are 0 */
  g_autoptr(netan_table_t) ev = measure(v, "eigenvector", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "d"), 1, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "c"), 1 / sqrt(2), 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "a"), 0, 1e-10);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "x"), 0, 1e-10);
  /* the isolate: no ego network, constraint and effective size undefined */
  g_autoptr(netan_table_t) con = measure(v, "constraint", NULL);
  g_autoptr(netan_table_t) es = measure(v, "effective_size", NULL);
  CU_ASSERT(isnan(value_of(con, "x")));
  CU_ASSERT(isnan(value_of(es, "x")));
  CU_ASSERT_EQUAL(rank_of(es, "x"), 6);
  g_autoptr(netan_table_t) core = measure(v, "coreness", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(core, "x"), 0, 0);
  g_autoptr(netan_table_t) eb = netan_centrality_edge_betweenness(v, NULL, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(eb), 3);
  CU_ASSERT_DOUBLE_EQUAL(edge_value(eb, "c", "d"), 2, EPS);
  /* NaN becomes null in JSON */
  g_autofree char *json = netan_table_to_string(con, NETAN_TABLE_JSON, -1);
  CU_ASSERT_PTR_NOT_NULL(strstr(json, "null"));
}

static void
test_two_isolates_share_the_last_rank(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b y x");
  g_autoptr(netan_view_t) v = undirected(c);
  g_autoptr(netan_table_t) cl = measure(v, "closeness", NULL);
  CU_ASSERT_EQUAL(rank_of(cl, "a"), 1);
  CU_ASSERT_EQUAL(rank_of(cl, "x"), 3);
  CU_ASSERT_EQUAL(rank_of(cl, "y"), 3);
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(cl, 2, 1), "x");  /* ties by key */
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(cl, 3, 1), "y");
}

static void
test_empty_views(void)
{
  /* no vertices at all, and vertices without edges: every measure answers */
  g_autoptr(netan_case_t) none = netan_case_new();
  g_autoptr(netan_case_t) lonely = harness_case("a b c");
  const char *const *names = netan_centrality_measures();
  for (int k = 0; k < 2; k++) {
    g_autoptr(netan_view_t) v = undirected(k == 0 ? none : lonely);
    for (int i = 0; names[i]; i++) {
      g_autoptr(netan_table_t) t = measure(v, names[i], NULL);
      CU_ASSERT_EQUAL(netan_table_n_rows(t), k == 0 ? 0 : 3);
    }
    g_autoptr(netan_table_t) eb = netan_centrality_edge_betweenness(v, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(eb);
    CU_ASSERT_EQUAL(netan_table_n_rows(eb), 0);
  }
  /* without edges igraph gives every vertex eigenvector centrality 1 */
  g_autoptr(netan_view_t) v = undirected(lonely);
  g_autoptr(netan_table_t) ev = measure(v, "eigenvector", NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(ev, "b"), 1, 0);
}

/* ------------------------------------------------------------ API */

static void
test_registry_names(void)
{
  static const char *const want[] = { "degree", "strength", "betweenness", "pagerank", "closeness",
                                      "harmonic", "eigenvector", "hubs", "authorities", "coreness",
                                      "constraint", "effective_size" };
  const char *const *names = netan_centrality_measures();
  for (gsize i = 0; i < G_N_ELEMENTS(want); i++)
    CU_ASSERT(g_strv_contains(names, want[i]));
  /* every table names its measure and says which weights it read */
  g_autoptr(netan_case_t) c = harness_case(TRIANGLES);
  g_autoptr(netan_view_t) v = directed(c);
  for (int i = 0; names[i]; i++) {
    g_autoptr(netan_table_t) t = measure(v, names[i], NULL);
    CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t, "measure"), names[i]);
    CU_ASSERT_PTR_NOT_NULL(netan_table_get_meta(t, "weights"));
    CU_ASSERT_PTR_NOT_NULL(netan_table_get_meta(t, "normalized"));
    CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t, "directed"), "true");
    CU_ASSERT_EQUAL(netan_table_n_rows(t), 6);
  }
}

static void
test_bad_options(void)
{
  g_autoptr(netan_case_t) c = harness_case(TRIANGLES);
  g_autoptr(netan_view_t) v = directed(c);
  GError *e = NULL;
  netan_centrality_options_t o = NETAN_CENTRALITY_OPTIONS_INIT;
  static const char *const with_mode[] = { "closeness", "harmonic", "eigenvector", "coreness" };
  o.mode = (netan_degree_mode_t)7;
  for (gsize i = 0; i < G_N_ELEMENTS(with_mode); i++) {
    CU_ASSERT_PTR_NULL(netan_centrality(v, with_mode[i], &o, &e));
    ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  }
  o = opts(NETAN_DEGREE_ALL, FALSE, NAN, TRUE);
  CU_ASSERT_PTR_NULL(netan_centrality(v, "closeness", &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_PTR_NULL(netan_centrality(v, "harmonic", &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_PTR_NULL(netan_centrality_edge_betweenness(v, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  /* eigenvector along out-links is refused with a pointer to hubs */
  o = opts(NETAN_DEGREE_OUT, FALSE, -1, TRUE);
  CU_ASSERT_PTR_NULL(netan_centrality(v, "eigenvector", &o, &e));
  CU_ASSERT_PTR_NOT_NULL_FATAL(e);
  CU_ASSERT_PTR_NOT_NULL(strstr(e->message, "hubs"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  /* ... but on an undirected view mode does not matter */
  g_autoptr(netan_view_t) u = undirected(c);
  g_autoptr(netan_table_t) ok = netan_centrality(u, "eigenvector", &o, &e);
  CU_ASSERT_PTR_NOT_NULL(ok);
  o.version = 99;
  CU_ASSERT_PTR_NULL(netan_centrality_edge_betweenness(v, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_PTR_NULL(netan_centrality(v, "effective-size", NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
}

static void
test_stale_view(void)
{
  g_autoptr(netan_case_t) c = harness_case(PATH);
  g_autoptr(netan_view_t) v = undirected(c);
  netan_case_add_entity(c, "person", "late", NULL, NULL);
  GError *e = NULL;
  const char *const *names = netan_centrality_measures();
  for (int i = 0; names[i]; i++) {
    CU_ASSERT_PTR_NULL(netan_centrality(v, names[i], NULL, &e));
    ASSERT_NETAN_ERROR(e, NETAN_ERROR_STALE);
  }
  CU_ASSERT_PTR_NULL(netan_centrality_edge_betweenness(v, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_STALE);
}

static int
cancel_at_once(double fraction, void *payload)
{
  (void)fraction;
  (*(int *)payload)++;
  return 1;
}

static int
count_calls(double fraction, void *payload)
{
  (void)fraction;
  (*(int *)payload)++;
  return 0;
}

static void
test_progress_and_cancel(void)
{
  /* a ring of 300 vertices with chords: long enough to report progress */
  GString *spec = g_string_new(NULL);
  for (int i = 0; i < 300; i++)
    g_string_append_printf(spec, "v%d-v%d v%d-v%d ", i, (i + 1) % 300, i, (i + 7) % 300);
  g_autoptr(netan_case_t) c = harness_case(spec->str);
  g_string_free(spec, TRUE);
  g_autoptr(netan_view_t) v = undirected(c);
  static const char *const long_ones[] = { "closeness", "harmonic", "effective_size" };
  for (gsize i = 0; i <= G_N_ELEMENTS(long_ones); i++) {
    int calls = 0;
    netan_centrality_options_t o = NETAN_CENTRALITY_OPTIONS_INIT;
    o.progress = count_calls;
    o.payload = &calls;
    GError *e = NULL;
    netan_table_t *t = i < G_N_ELEMENTS(long_ones) ? netan_centrality(v, long_ones[i], &o, &e)
                                                    : netan_centrality_edge_betweenness(v, &o, &e);
    CU_ASSERT_PTR_NOT_NULL(t);
    CU_ASSERT(calls > 1);
    if (calls <= 1)
      fprintf(stderr, "\n%s: progress called %d times\n",
              i < G_N_ELEMENTS(long_ones) ? long_ones[i] : "edge betweenness", calls);
    netan_table_free(t);
    calls = 0;
    o.progress = cancel_at_once;
    t = i < G_N_ELEMENTS(long_ones) ? netan_centrality(v, long_ones[i], &o, &e)
                                    : netan_centrality_edge_betweenness(v, &o, &e);
    CU_ASSERT_PTR_NULL(t);
    CU_ASSERT_EQUAL(calls, 1);
    ASSERT_NETAN_ERROR(e, NETAN_ERROR_CANCELLED);
  }
  /* the view is still usable afterwards */
  g_autoptr(netan_table_t) again = measure(v, "closeness", NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(again), 300);
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return CU_get_error();
  static const harness_test_t hand[] = {
    { "/analysis/centrality/star/paths", test_star_paths },
    { "/analysis/centrality/star/spectral", test_star_spectral },
    { "/analysis/centrality/star/directed-hits", test_directed_star_hits },
    { "/analysis/centrality/star/structure", test_star_structure },
    { "/analysis/centrality/star/edge-betweenness", test_star_edge_betweenness },
    { "/analysis/centrality/path/undirected", test_path_undirected },
    { "/analysis/centrality/path/hits-and-coreness", test_path_hits_and_coreness },
    { "/analysis/centrality/path/cutoff", test_path_cutoff },
    { "/analysis/centrality/path/directed", test_path_directed },
    { "/analysis/centrality/cycle/directed-coreness", test_directed_cycle_coreness },
    { "/analysis/centrality/two-triangles", test_two_triangles },
    { "/analysis/centrality/weights/lengths-and-strengths", test_lengths_and_strengths },
    { "/analysis/centrality/weights/directed-mutual-ties", test_directed_mutual_ties },
    { "/analysis/centrality/disconnected", test_disconnected },
    { "/analysis/centrality/disconnected/isolates-share-rank", test_two_isolates_share_the_last_rank },
    { "/analysis/centrality/empty", test_empty_views },
    { NULL, NULL } };
  static const harness_test_t api[] = {
    { "/analysis/centrality/api/registry", test_registry_names },
    { "/analysis/centrality/api/bad-options", test_bad_options },
    { "/analysis/centrality/api/stale-view", test_stale_view },
    { "/analysis/centrality/api/progress-and-cancel", test_progress_and_cancel },
    { NULL, NULL } };
  harness_add_suite("/analysis/centrality/measures", hand);
  harness_add_suite("/analysis/centrality/api", api);
  return harness_run();
}
