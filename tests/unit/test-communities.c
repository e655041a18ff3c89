/* /analysis/communities: every method on hand-made graphs whose
 * communities are known (two triangles joined by a bridge, a ring of
 * cliques), determinism, igraph called directly as the oracle of each
 * method's parameters, the edge-betweenness size guard, progress and
 * cancellation, errors, and the per-community summary.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include "util/igraph-gate.h"
#include "analysis/louvain.h"
#include <netan/netan-communities.h>

#include <math.h>
#include <string.h>

/* ------------------------------------------------------------ helpers */


/* @k cliques of @size vertices ("c<i>_<j>"), clique i joined to clique
 * i+1 (mod k) by one edge between their first members. */
static netan_case_t *
ring_of_cliques(int k, int size)
{
  GString *s = g_string_new(NULL);
  for (int i = 0; i < k; i++) {
    for (int a = 0; a < size; a++)
      for (int b = a + 1; b < size; b++)
        g_string_append_printf(s, "c%d_%d-c%d_%d ", i, a, i, b);
    g_string_append_printf(s, "c%d_0-c%d_0 ", i, (i + 1) % k);
  }
  netan_case_t *c = harness_case(s->str);
  g_string_free(s, TRUE);
  return c;
}

/* A random case: @n people, @m random pairs with weights 1..5. */
static netan_case_t *
random_case(int n, int m, guint32 seed)
{
  netan_case_t *c = netan_case_new();
  GRand *r = g_rand_new_with_seed(seed);
  int64_t *ids = g_new(int64_t, n);
  for (int i = 0; i < n; i++) {
    char key[16];
    g_snprintf(key, sizeof key, "p%03d", i);
    ids[i] = netan_case_add_entity(c, "person", key, NULL, NULL);
  }
  for (int e = 0; e < m; e++) {
    int a = g_rand_int_range(r, 0, n), b = g_rand_int_range(r, 0, n);
    if (a != b)
      netan_case_add_link(c, ids[a], ids[b], "contact", g_rand_int_range(r, 1, 6), NULL, NULL);
  }
  g_free(ids);
  g_rand_free(r);
  return c;
}

static double
meta_double(const netan_table_t *t, const char *key)
{
  const char *s = netan_table_get_meta(t, key);
  return s ? g_ascii_strtod(s, NULL) : NAN;
}

/* The community of each vertex, from a community table. */
static int64_t *
membership_of(const netan_view_t *v, const netan_table_t *t)
{
  int64_t n = netan_view_n_vertices(v);
  int64_t *mem = g_new(int64_t, n > 0 ? n : 1);
  for (int64_t r = 0; r < netan_table_n_rows(t); r++)
    mem[netan_view_vertex(v, netan_table_get_int(t, r, 0))] = netan_table_get_int(t, r, 4);
  return mem;
}

/* Pairs of vertices together in one partition and apart in the other. */
static int64_t
partition_mismatches(int64_t n, const int64_t *a, const igraph_integer_t *b)
{
  int64_t bad = 0;
  for (int64_t i = 0; i < n; i++)
    for (int64_t j = i + 1; j < n; j++)
      bad += (a[i] == a[j]) != (b[i] == b[j]);
  return bad;
}

static const char *
community_of_key(const netan_table_t *t, const char *key, int64_t *community)
{
  for (int64_t r = 0; r < netan_table_n_rows(t); r++)
    if (strcmp(netan_table_get_string(t, r, 1), key) == 0) {
      *community = netan_table_get_int(t, r, 4);
      return key;
    }
  return NULL;
}

static netan_table_t *
run(const netan_view_t *v, const char *method, const netan_communities_options_t *o)
{
  GError *e = NULL;
  netan_table_t *t = netan_communities(v, method, o, &e);
  if (t == NULL)
    fprintf(stderr, "\n%s: %s\n", method, e ? e->message : "?");
  g_clear_error(&e);
  return t;
}

/* ------------------------------------------------------------ methods */

static void
test_methods_list(void)
{
  const char *const *m = netan_communities_methods();
  const char *want[] = { "louvain", "leiden", "infomap", "label_propagation", "walktrap",
                         "edge_betweenness", NULL };
  for (int i = 0; want[i]; i++)
    CU_ASSERT_STRING_EQUAL(m[i], want[i]);
  CU_ASSERT_PTR_NULL(m[6]);
  netan_communities_options_t o;
  netan_communities_options_init(&o);
  CU_ASSERT_EQUAL(o.version, NETAN_COMMUNITIES_OPTIONS_VERSION);
  CU_ASSERT_EQUAL(o.seed, 42);
  CU_ASSERT_EQUAL(o.steps, 4);
  CU_ASSERT_EQUAL(o.trials, 10);
  CU_ASSERT_EQUAL(o.max_vertices, 1000);
  CU_ASSERT_EQUAL(o.max_edges, 5000);
}

/* Two triangles a,b,c and d,e,f joined by the bridge c-d: every method
 * finds the two triangles. Q = 2 * (3/7 - (7/14)^2) = 5/14. */
static void
check_two_triangles(const netan_view_t *v, const char *method, const netan_communities_options_t *o)
{
  g_autoptr(netan_table_t) t = run(v, method, o);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t, "method"), method);
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t, "communities"), "2");
  CU_ASSERT_DOUBLE_EQUAL(meta_double(t, "modularity"), 5.0 / 14, 1e-12);
  /* equal sizes: the community with the smaller entity ids is 0 */
  const char *keys[] = { "a", "b", "c", "d", "e", "f" };
  for (int i = 0; i < 6; i++) {
    int64_t c = -1;
    CU_ASSERT_PTR_NOT_NULL(community_of_key(t, keys[i], &c));
    CU_ASSERT_EQUAL(c, i < 3 ? 0 : 1);
    CU_ASSERT_STRING_EQUAL(netan_table_get_string(t, i, 1), keys[i]);
    CU_ASSERT_EQUAL(netan_table_get_int(t, i, 5), 3);
  }
  if (netan_table_get_meta(t, "communities") && strcmp(netan_table_get_meta(t, "communities"), "2") != 0)
    fprintf(stderr, "\n%s found %s communities\n", method, netan_table_get_meta(t, "communities"));
}

static void
test_two_triangles(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b b-c a-c d-e e-f d-f c-d");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  for (const char *const *m = netan_communities_methods(); *m; m++)
    check_two_triangles(v, *m, NULL);
  netan_communities_options_t o = NETAN_COMMUNITIES_OPTIONS_INIT;
  o.objective = "cpm";
  o.resolution = 0.5;  /* a triangle scores 2*3 - 0.5*9 > 0; joining them does not pay */
  check_two_triangles(v, "leiden", &o);
  /* and for other seeds too */
  for (uint64_t seed = 1; seed <= 10; seed++) {
    netan_communities_options_t s = NETAN_COMMUNITIES_OPTIONS_INIT;
    s.seed = seed;
    for (const char *const *m = netan_communities_methods(); *m; m++)
      check_two_triangles(v, *m, &s);
  }
}

static void
test_two_triangles_directed(void)
{
  /* calls both ways inside each triangle, one way over the bridge c->d:
   * directed edge betweenness removes the bridge first (it carries all 9
   * paths from a,b,c to d,e,f), a random walk along arcs circulates in
   * each triangle. (With one-way cycles a->b->c->a the arcs inside carry
   * as many directed paths as the bridge and edge betweenness does not
   * separate the triangles.) */
  g_autoptr(netan_case_t) c = harness_case("a-b b-a b-c c-b a-c c-a d-e e-d e-f f-e d-f f-d c-d");
  g_autoptr(netan_view_t) v = harness_view(c, TRUE, NETAN_LENGTH_INVERSE_STRENGTH);
  for (const char *const *m = netan_communities_methods(); *m; m++) {
    g_autoptr(netan_table_t) t = run(v, *m, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    const char *d = netan_table_get_meta(t, "directed");
    gboolean own = strcmp(*m, "infomap") == 0 || strcmp(*m, "edge_betweenness") == 0;
    CU_ASSERT_PTR_NOT_NULL(strstr(d, own ? "directed (" : "symmetrised"));
    CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t, "communities"), "2");
    if (strcmp(netan_table_get_meta(t, "communities"), "2") != 0) {
      g_autofree char *dump = netan_table_to_string(t, NETAN_TABLE_TEXT, -1);
      fprintf(stderr, "\n%s (directed):\n%s\n", *m, dump);
    }
    /* modularity is that of the symmetrised view: strength 2 inside, W = 13 */
    CU_ASSERT_DOUBLE_EQUAL(meta_double(t, "modularity"), 12.0 / 13 - 0.5, 1e-12);
  }
}

/* Six 5-cliques in a ring: m = 6 * 10 + 6 = 66, each clique has degree
 * sum 22, so Q = 6 * (10/66 - (22/132)^2) = 49/66. */
static void
test_ring_of_cliques(void)
{
  g_autoptr(netan_case_t) c = ring_of_cliques(6, 5);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  CU_ASSERT_EQUAL(netan_view_n_edges(v), 66);
  netan_communities_options_t cpm = NETAN_COMMUNITIES_OPTIONS_INIT;
  cpm.objective = "cpm";
  cpm.resolution = 0.5;
  for (int pass = 0; pass < 2; pass++) {
    for (const char *const *m = netan_communities_methods(); *m; m++) {
      if (pass == 1 && strcmp(*m, "leiden") != 0)
        continue;
      g_autoptr(netan_table_t) t = run(v, *m, pass ? &cpm : NULL);
      CU_ASSERT_PTR_NOT_NULL_FATAL(t);
      CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t, "communities"), "6");
      CU_ASSERT_DOUBLE_EQUAL(meta_double(t, "modularity"), 49.0 / 66, 1e-12);
      /* each community is one clique: rows are sorted by community, then key */
      for (int64_t r = 0; r < 30; r++) {
        CU_ASSERT_EQUAL(netan_table_get_int(t, r, 4), r / 5);
        CU_ASSERT_EQUAL(netan_table_get_int(t, r, 5), 5);
        const char *key = netan_table_get_string(t, r, 1);
        const char *first = netan_table_get_string(t, r - r % 5, 1);
        CU_ASSERT_EQUAL(strchr(key, '_') - key, strchr(first, '_') - first);
        CU_ASSERT_EQUAL(strncmp(key, first, (size_t)(strchr(key, '_') - key)), 0);
      }
    }
  }
  /* at a high enough resolution Louvain and Leiden split the cliques */
  netan_communities_options_t hi = NETAN_COMMUNITIES_OPTIONS_INIT;
  hi.resolution = 30;
  g_autoptr(netan_table_t) lv = run(v, "louvain", &hi);
  g_autoptr(netan_table_t) ld = run(v, "leiden", &hi);
  CU_ASSERT(g_ascii_strtoll(netan_table_get_meta(lv, "communities"), NULL, 10) > 6);
  CU_ASSERT(g_ascii_strtoll(netan_table_get_meta(ld, "communities"), NULL, 10) > 6);
  CU_ASSERT_DOUBLE_EQUAL(meta_double(ld, "modularity_resolution"), 30, 0);
  /* iterating until nothing changes takes at least two iterations, and
   * ends (igraph 0.10.2 alone would loop for ever here) */
  gint64 its = g_ascii_strtoll(netan_table_get_meta(ld, "iterations"), NULL, 10);
  CU_ASSERT(its >= 2 && its < 100);
}

/* Same seed, same partition, whatever ran in between; and the generic
 * louvain is netan_communities_louvain. */
static void
test_determinism(void)
{
  g_autoptr(netan_case_t) c = random_case(150, 450, 7);
  for (int directed = 0; directed < 2; directed++) {
    g_autoptr(netan_view_t) v = harness_view(c, directed, NETAN_LENGTH_INVERSE_STRENGTH);
    for (const char *const *m = netan_communities_methods(); *m; m++) {
      netan_communities_options_t o = NETAN_COMMUNITIES_OPTIONS_INIT;
      o.seed = 1234;
      g_autoptr(netan_table_t) t1 = run(v, *m, &o);
      g_autoptr(netan_table_t) other = run(v, "label_propagation", NULL);  /* moves igraph's RNG */
      g_autoptr(netan_table_t) t2 = run(v, *m, &o);
      CU_ASSERT_PTR_NOT_NULL_FATAL(t1);
      CU_ASSERT_PTR_NOT_NULL_FATAL(t2);
      g_autofree char *s1 = netan_table_to_string(t1, NETAN_TABLE_JSON, -1);
      g_autofree char *s2 = netan_table_to_string(t2, NETAN_TABLE_JSON, -1);
      CU_ASSERT_STRING_EQUAL(s1, s2);
      CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t1, "seed"), "1234");
    }
  }
  /* the randomised methods do depend on the seed */
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  const char *randomised[] = { "louvain", "leiden", "label_propagation", NULL };
  for (int i = 0; randomised[i]; i++) {
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (uint64_t seed = 1; seed <= 8; seed++) {
      netan_communities_options_t o = NETAN_COMMUNITIES_OPTIONS_INIT;
      o.seed = seed;
      g_autoptr(netan_table_t) t = run(v, randomised[i], &o);
      GString *s = g_string_new(NULL);
      for (int64_t r = 0; r < netan_table_n_rows(t); r++)
        g_string_append_printf(s, "%" G_GINT64_FORMAT ",", netan_table_get_int(t, r, 4));
      g_hash_table_add(seen, g_string_free(s, FALSE));
    }
    CU_ASSERT(g_hash_table_size(seen) > 1);
    g_hash_table_destroy(seen);
  }
  /* the old entry point and the generic one agree, metadata included */
  for (int directed = 0; directed < 2; directed++) {
    g_autoptr(netan_view_t) dv = harness_view(c, directed, NETAN_LENGTH_INVERSE_STRENGTH);
    netan_louvain_options_t lo = NETAN_LOUVAIN_OPTIONS_INIT;
    lo.seed = 5;
    lo.resolution = 0.8;
    netan_communities_options_t o = NETAN_COMMUNITIES_OPTIONS_INIT;
    o.seed = 5;
    o.resolution = 0.8;
    g_autoptr(netan_table_t) a = netan_communities_louvain(dv, &lo, NULL);
    g_autoptr(netan_table_t) b = run(dv, "louvain", &o);
    g_autofree char *sa = netan_table_to_string(a, NETAN_TABLE_JSON, -1);
    g_autofree char *sb = netan_table_to_string(b, NETAN_TABLE_JSON, -1);
    CU_ASSERT_STRING_EQUAL(sa, sb);
    CU_ASSERT_DOUBLE_EQUAL(meta_double(a, "resolution"), 0.8, 0);
  }
}

/* ------------------------------------------------------------ igraph as the oracle */

typedef struct {
  const netan_view_t *view;
  const char *method;
  gboolean weighted;
  double resolution;
  igraph_vector_int_t membership;
} raw_t;

/* The view's graph rebuilt from the public edge accessors; undirected
 * (strengths of both directions added) unless @keep_direction. */
static igraph_error_t
raw_graph(const netan_view_t *v, gboolean keep_direction, igraph_t *g, igraph_vector_t *w,
          igraph_vector_t *len)
{
  int64_t m = netan_view_n_edges(v), n = netan_view_n_vertices(v);
  gboolean directed = keep_direction && netan_view_is_directed(v);
  igraph_vector_int_t ends;
  IGRAPH_CHECK(igraph_vector_int_init(&ends, 0));
  IGRAPH_CHECK(igraph_vector_init(w, 0));
  IGRAPH_CHECK(igraph_vector_init(len, 0));
  GHashTable *seen = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
  for (int64_t e = 0; e < m; e++) {
    int64_t a, b;
    double s, l;
    netan_view_get_edge(v, e, &a, &b, &s, &l, NULL);
    if (!directed) {
      int64_t key = MIN(a, b) * n + MAX(a, b);
      gpointer at = g_hash_table_lookup(seen, &key);
      if (at) {
        VECTOR(*w)[GPOINTER_TO_SIZE(at) - 1] += s;
        continue;
      }
      g_hash_table_insert(seen, g_memdup2(&key, sizeof key), GSIZE_TO_POINTER(igraph_vector_size(w) + 1));
    }
    igraph_vector_int_push_back(&ends, a);
    igraph_vector_int_push_back(&ends, b);
    igraph_vector_push_back(w, s);
    igraph_vector_push_back(len, l);
  }
  g_hash_table_destroy(seen);
  IGRAPH_CHECK(igraph_create(g, &ends, n, directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED));
  igraph_vector_int_destroy(&ends);
  return IGRAPH_SUCCESS;
}

/* The dendrogram cut of highest modularity, recomputed level by level. */
static igraph_error_t
raw_cut(const igraph_t *ug, const igraph_vector_t *w, const igraph_matrix_int_t *merges,
        igraph_vector_int_t *membership)
{
  igraph_integer_t n = igraph_vcount(ug), best_steps = 0;
  double best = -INFINITY;
  for (igraph_integer_t s = 0; s <= igraph_matrix_int_nrow(merges); s++) {
    double q;
    IGRAPH_CHECK(igraph_community_to_membership(merges, n, s, membership, NULL));
    IGRAPH_CHECK(igraph_modularity(ug, membership, w, 1, IGRAPH_UNDIRECTED, &q));
    if (q > best + 1e-12) {
      best = q;
      best_steps = s;
    }
  }
  return igraph_community_to_membership(merges, n, best_steps, membership, NULL);
}

static igraph_error_t
raw_run(void *data)
{
  raw_t *r = data;
  igraph_t ug, dg;
  igraph_vector_t w, len, dw, dlen;
  IGRAPH_CHECK(raw_graph(r->view, FALSE, &ug, &w, &len));
  IGRAPH_CHECK(raw_graph(r->view, TRUE, &dg, &dw, &dlen));
  const igraph_vector_t *uw = r->weighted ? &w : NULL;
  igraph_matrix_int_t merges;
  igraph_matrix_int_init(&merges, 0, 2);
  igraph_integer_t nb;
  double quality, codelength;
  if (strcmp(r->method, "leiden") == 0) {
    igraph_vector_t nw;
    igraph_vector_init(&nw, 0);
    IGRAPH_CHECK(igraph_strength(&ug, &nw, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, uw));
    IGRAPH_CHECK(igraph_community_leiden(&ug, uw, &nw, r->resolution / igraph_vector_sum(&nw), 0.01, FALSE,
                                         2, &r->membership, &nb, &quality));
    igraph_vector_destroy(&nw);
  } else if (strcmp(r->method, "infomap") == 0) {
    IGRAPH_CHECK(igraph_community_infomap(&dg, r->weighted ? &dw : NULL, NULL, 10, &r->membership,
                                          &codelength));
  } else if (strcmp(r->method, "label_propagation") == 0) {
    /* ten runs, the first of highest modularity kept */
    igraph_vector_int_t trial;
    igraph_vector_int_init(&trial, 0);
    double best = -INFINITY, q;
    for (int t = 0; t < 10; t++) {
      IGRAPH_CHECK(igraph_community_label_propagation(&ug, &trial, IGRAPH_ALL, uw, NULL, NULL));
      IGRAPH_CHECK(igraph_modularity(&ug, &trial, uw, 1, IGRAPH_UNDIRECTED, &q));
      if (q > best + 1e-12) {
        best = q;
        igraph_vector_int_update(&r->membership, &trial);
      }
    }
    igraph_vector_int_destroy(&trial);
  } else if (strcmp(r->method, "walktrap") == 0) {
    IGRAPH_CHECK(igraph_community_walktrap(&ug, uw, 4, &merges, NULL, NULL));
    IGRAPH_CHECK(raw_cut(&ug, uw, &merges, &r->membership));
  } else if (strcmp(r->method, "edge_betweenness") == 0) {
    IGRAPH_CHECK(igraph_community_edge_betweenness(&dg, NULL, NULL, &merges, NULL, NULL, NULL, TRUE,
                                                   r->weighted ? &dlen : NULL));
    IGRAPH_CHECK(raw_cut(&ug, uw, &merges, &r->membership));
  } else {
    IGRAPH_CHECK(igraph_community_multilevel(&ug, uw, r->resolution, &r->membership, NULL, NULL));
  }
  igraph_matrix_int_destroy(&merges);
  igraph_destroy(&ug);
  igraph_destroy(&dg);
  igraph_vector_destroy(&w);
  igraph_vector_destroy(&len);
  igraph_vector_destroy(&dw);
  igraph_vector_destroy(&dlen);
  return IGRAPH_SUCCESS;
}

static void
check_against_igraph(const netan_view_t *v, gboolean weighted)
{
  int64_t n = netan_view_n_vertices(v);
  for (const char *const *m = netan_communities_methods(); *m; m++) {
    for (uint64_t seed = 1; seed <= 3; seed++) {
      netan_communities_options_t o = NETAN_COMMUNITIES_OPTIONS_INIT;
      o.seed = seed;
      o.weighted = weighted;
      o.resolution = strcmp(*m, "leiden") == 0 ? 1.5 : 1.0;
      o.iterations = 2;  /* one igraph call (see leiden_iterate) */
      g_autoptr(netan_table_t) t = run(v, *m, &o);
      CU_ASSERT_PTR_NOT_NULL_FATAL(t);
      raw_t r = { v, *m, weighted, o.resolution, { 0 } };
      igraph_vector_int_init(&r.membership, 0);
      netan_gi_call_t call = { .what = "raw", .seed_rng = TRUE, .seed = seed };
      CU_ASSERT_TRUE_FATAL(netan_gi_run(&call, raw_run, &r, NULL));
      g_autofree int64_t *mine = membership_of(v, t);
      int64_t bad = partition_mismatches(n, mine, VECTOR(r.membership));
      if (bad)
        fprintf(stderr, "\n%s seed %" G_GUINT64_FORMAT " weighted %d: %" G_GINT64_FORMAT " pairs differ\n",
                *m, seed, weighted, bad);
      CU_ASSERT_EQUAL(bad, 0);
      igraph_vector_int_destroy(&r.membership);
    }
  }
}

static void
test_same_as_igraph_random(void)
{
  g_autoptr(netan_case_t) c = random_case(60, 150, 3);
  for (int directed = 0; directed < 2; directed++) {
    g_autoptr(netan_view_t) v = harness_view(c, directed, NETAN_LENGTH_INVERSE_STRENGTH);
    check_against_igraph(v, TRUE);
    check_against_igraph(v, FALSE);
  }
}

/* netan_louvain_i_run() against igraph_community_multilevel() on the same
 * igraph graph with the same seed: the membership vectors equal element
 * for element, and the modularity of each equal to the last bit. Random
 * multigraphs with loops, isolated vertices, real, integer, zero and no
 * weights, three resolutions, sizes up to 3,000 vertices. */
typedef struct {
  int64_t n, m;
  int kind;              /* 0 unweighted, 1 real weights, 2 small integers with zeros */
  double resolution;
  guint32 seed;
  int64_t differ;        /* vertices whose community differs */
  double q_netan, q_igraph;
} louvain_pair_t;

static igraph_error_t
louvain_pair_run(void *data)
{
  louvain_pair_t *r = data;
  igraph_t g;
  igraph_vector_int_t ends, a, b;
  igraph_vector_t w;
  GRand *rng = g_rand_new_with_seed(r->seed);
  IGRAPH_CHECK(igraph_vector_int_init(&ends, 2 * r->m));
  IGRAPH_CHECK(igraph_vector_init(&w, r->m));
  for (int64_t e = 0; e < r->m; e++) {
    /* a tenth of the vertices take most edges, so that communities form */
    int64_t hub = MAX(r->n / 10, 1);
    int64_t x = g_rand_int_range(rng, 0, 3) ? g_rand_int_range(rng, 0, (gint32)hub) : g_rand_int_range(rng, 0, (gint32)r->n);
    int64_t y = g_rand_int_range(rng, 0, 20) == 0 ? x : (x + 1 + g_rand_int_range(rng, 0, 6)) % r->n;  /* loops, locality */
    VECTOR(ends)[2 * e] = x;
    VECTOR(ends)[2 * e + 1] = y;
    VECTOR(w)[e] = r->kind == 1 ? g_rand_double_range(rng, 0.01, 3.0) : g_rand_int_range(rng, 0, 4);
  }
  g_rand_free(rng);
  IGRAPH_CHECK(igraph_create(&g, &ends, r->n, IGRAPH_UNDIRECTED));
  const igraph_vector_t *wp = r->kind == 0 ? NULL : &w;
  IGRAPH_CHECK(igraph_vector_int_init(&a, 0));
  IGRAPH_CHECK(igraph_vector_int_init(&b, 0));
  igraph_rng_seed(igraph_rng_default(), r->seed);
  IGRAPH_CHECK(netan_louvain_i_run(&g, wp, r->resolution, &a));
  igraph_rng_seed(igraph_rng_default(), r->seed);
  IGRAPH_CHECK(igraph_community_multilevel(&g, wp, r->resolution, &b, NULL, NULL));
  r->differ = igraph_vector_int_size(&a) == r->n ? 0 : r->n;
  for (int64_t i = 0; i < r->n && r->differ == 0; i++)
    r->differ += VECTOR(a)[i] != VECTOR(b)[i];
  if (r->m > 0) {
    IGRAPH_CHECK(igraph_modularity(&g, &a, wp, r->resolution, IGRAPH_UNDIRECTED, &r->q_netan));
    IGRAPH_CHECK(igraph_modularity(&g, &b, wp, r->resolution, IGRAPH_UNDIRECTED, &r->q_igraph));
  }
  igraph_vector_int_destroy(&a);
  igraph_vector_int_destroy(&b);
  igraph_destroy(&g);
  igraph_vector_destroy(&w);
  igraph_vector_int_destroy(&ends);
  return IGRAPH_SUCCESS;
}

static void
test_louvain_same_steps_as_igraph(void)
{
  static const int64_t sizes[][2] = { { 0, 0 }, { 1, 0 }, { 5, 0 }, { 2, 1 }, { 30, 60 }, { 200, 900 },
                                      { 1000, 5000 }, { 3000, 12000 } };
  static const double resolutions[] = { 1.0, 0.5, 2.0 };
  int runs = 0, levels_seen = 0;
  for (gsize s = 0; s < G_N_ELEMENTS(sizes); s++)
    for (int kind = 0; kind < 3; kind++)
      for (gsize k = 0; k < G_N_ELEMENTS(resolutions); k++)
        for (guint32 seed = 1; seed <= 3; seed++) {
          louvain_pair_t r = { sizes[s][0], sizes[s][1], kind, resolutions[k], seed * 7919 + (guint32)s, 0, 0, 0 };
          if (sizes[s][1] == 0 && kind != 0)
            continue;
          netan_gi_call_t call = { .what = "louvain pair" };
          CU_ASSERT_TRUE_FATAL(netan_gi_run(&call, louvain_pair_run, &r, NULL));
          if (r.differ || r.q_netan != r.q_igraph)
            fprintf(stderr, "\n  n=%" G_GINT64_FORMAT " m=%" G_GINT64_FORMAT " kind %d gamma %g seed %u: %" G_GINT64_FORMAT
                    " vertices differ, modularity %.17g vs %.17g\n", r.n, r.m, kind, r.resolution, r.seed, r.differ,
                    r.q_netan, r.q_igraph);
          CU_ASSERT_EQUAL(r.differ, 0);
          CU_ASSERT_EQUAL(r.q_netan, r.q_igraph);
          runs++;
          levels_seen += r.q_netan > 0.3;  /* a real community structure was found */
        }
  CU_ASSERT_EQUAL(runs, 162);
  CU_ASSERT_TRUE(levels_seen > 50);
}

static void
test_same_as_igraph_siren(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  g_autofree char *path = harness_data("siren.csv");
  g_autoptr(netan_ingest_report_t) rep = netan_ingest_edgelist(c, path, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(rep);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  check_against_igraph(v, TRUE);
}

/* ------------------------------------------------------------ guard, progress, errors */

static void
test_edge_betweenness_limit(void)
{
  /* a path of 1001 vertices: over the default vertex limit */
  g_autoptr(netan_case_t) c = netan_case_new();
  int64_t prev = -1;
  for (int i = 0; i < 1001; i++) {
    char key[16];
    g_snprintf(key, sizeof key, "v%04d", i);
    int64_t id = netan_case_add_entity(c, "person", key, NULL, NULL);
    if (prev >= 0)
      netan_case_add_link(c, prev, id, "contact", 1, NULL, NULL);
    prev = id;
  }
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  GError *e = NULL;
  CU_ASSERT_PTR_NULL(netan_communities(v, "edge_betweenness", NULL, &e));
  CU_ASSERT_PTR_NOT_NULL_FATAL(e);
  CU_ASSERT_PTR_NOT_NULL(strstr(e->message, "1001 vertices"));
  CU_ASSERT_PTR_NOT_NULL(strstr(e->message, "max_vertices"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  /* other methods are not limited */
  g_autoptr(netan_table_t) lv = netan_communities(v, "louvain", NULL, &e);
  CU_ASSERT_PTR_NOT_NULL(lv);

  /* the edge limit, and lifting it */
  g_autoptr(netan_case_t) t = harness_case("a-b b-c a-c d-e e-f d-f c-d");
  g_autoptr(netan_view_t) tv = harness_view(t, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  netan_communities_options_t o = NETAN_COMMUNITIES_OPTIONS_INIT;
  o.max_edges = 6;
  CU_ASSERT_PTR_NULL(netan_communities(tv, "edge_betweenness", &o, &e));
  CU_ASSERT_PTR_NOT_NULL_FATAL(e);
  CU_ASSERT_PTR_NOT_NULL(strstr(e->message, "7 edges"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  o.max_edges = -1;
  o.max_vertices = -1;
  g_autoptr(netan_table_t) ok = netan_communities(tv, "edge_betweenness", &o, &e);
  CU_ASSERT_PTR_NOT_NULL(ok);
  o.max_edges = -2;
  CU_ASSERT_PTR_NULL(netan_communities(tv, "edge_betweenness", &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
}

typedef struct {
  int calls;
  double last;
  gboolean monotone;
  double cancel_above;
} progress_log_t;

static int
log_progress(double fraction, void *payload)
{
  progress_log_t *p = payload;
  p->calls++;
  if (fraction < p->last)
    p->monotone = FALSE;
  p->last = fraction;
  return fraction > p->cancel_above;
}

static void
test_progress_and_cancel(void)
{
  g_autoptr(netan_case_t) c = ring_of_cliques(8, 6);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  netan_communities_options_t o = NETAN_COMMUNITIES_OPTIONS_INIT;
  progress_log_t log = { 0, 0, TRUE, 2.0 };
  o.progress = log_progress;
  o.payload = &log;
  g_autoptr(netan_table_t) t = run(v, "edge_betweenness", &o);
  CU_ASSERT_PTR_NOT_NULL(t);
  CU_ASSERT(log.calls >= 10 && log.calls <= 102);
  CU_ASSERT(log.monotone);
  CU_ASSERT_DOUBLE_EQUAL(log.last, 1.0, 0);
  /* every method reports at least start and end */
  for (const char *const *m = netan_communities_methods(); *m; m++) {
    progress_log_t l = { 0, 0, TRUE, 2.0 };
    o.payload = &l;
    g_autoptr(netan_table_t) r = run(v, *m, &o);
    CU_ASSERT_PTR_NOT_NULL(r);
    CU_ASSERT(l.calls >= 2);
    CU_ASSERT_DOUBLE_EQUAL(l.last, 1.0, 0);
  }
  /* cancel half way */
  progress_log_t half = { 0, 0, TRUE, 0.5 };
  o.payload = &half;
  GError *e = NULL;
  CU_ASSERT_PTR_NULL(netan_communities(v, "edge_betweenness", &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_CANCELLED);
  CU_ASSERT(half.last > 0.5 && half.last < 1.0);
  /* cancel before starting */
  progress_log_t now = { 0, 0, TRUE, -1.0 };
  o.payload = &now;
  CU_ASSERT_PTR_NULL(netan_communities(v, "leiden", &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_CANCELLED);
  /* and the next call runs normally */
  g_autoptr(netan_table_t) after = run(v, "edge_betweenness", NULL);
  CU_ASSERT_PTR_NOT_NULL(after);
}

static void
test_errors(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b b-c a-c d-e e-f d-f c-d");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  GError *e = NULL;
  CU_ASSERT_PTR_NULL(netan_communities(v, "spinglass", NULL, &e));
  CU_ASSERT_PTR_NOT_NULL_FATAL(e);
  CU_ASSERT_PTR_NOT_NULL(strstr(e->message, "louvain, leiden, infomap"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  CU_ASSERT_PTR_NULL(netan_communities(v, NULL, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);

  netan_communities_options_t o = NETAN_COMMUNITIES_OPTIONS_INIT;
  o.version = 99;
  CU_ASSERT_PTR_NULL(netan_communities(v, "louvain", &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);

  const struct {
    const char *method;
    double resolution;
    const char *objective;
    int64_t iterations;
    int trials, steps;
  } bad[] = {
    { "louvain", 0, NULL, -1, 10, 4 },
    { "leiden", -1, NULL, -1, 10, 4 },
    { "leiden", NAN, NULL, -1, 10, 4 },
    { "louvain", INFINITY, NULL, -1, 10, 4 },
    { "leiden", 1, "surprise", -1, 10, 4 },
    { "leiden", 1, NULL, 0, 10, 4 },
    { "infomap", 1, NULL, -1, 0, 4 },
    { "walktrap", 1, NULL, -1, 10, 0 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
    netan_communities_options_t b = NETAN_COMMUNITIES_OPTIONS_INIT;
    b.resolution = bad[i].resolution;
    b.objective = bad[i].objective;
    b.iterations = bad[i].iterations;
    b.trials = bad[i].trials;
    b.steps = bad[i].steps;
    CU_ASSERT_PTR_NULL(netan_communities(v, bad[i].method, &b, &e));
    ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  }
  /* the objective is not case sensitive; resolution is not read by methods without one */
  o = (netan_communities_options_t)NETAN_COMMUNITIES_OPTIONS_INIT;
  o.objective = "CPM";
  o.resolution = 0.5;
  g_autoptr(netan_table_t) cpm = netan_communities(v, "leiden", &o, &e);
  CU_ASSERT_PTR_NOT_NULL(cpm);
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(cpm, "objective"), "cpm");
  CU_ASSERT_DOUBLE_EQUAL(meta_double(cpm, "modularity_resolution"), 1, 0);
  o.resolution = -3;
  g_autoptr(netan_table_t) wt = netan_communities(v, "walktrap", &o, &e);
  CU_ASSERT_PTR_NOT_NULL(wt);

  /* stale */
  netan_case_add_entity(c, "person", "late", NULL, NULL);
  for (const char *const *m = netan_communities_methods(); *m; m++) {
    CU_ASSERT_PTR_NULL(netan_communities(v, *m, NULL, &e));
    ASSERT_NETAN_ERROR(e, NETAN_ERROR_STALE);
  }
}

static void
test_no_edges(void)
{
  g_autoptr(netan_case_t) empty = netan_case_new();
  g_autoptr(netan_view_t) ev = harness_view(empty, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_case_t) c = netan_case_new();
  for (const char *k = "cab"; *k; k++) {
    char key[2] = { *k, 0 };
    netan_case_add_entity(c, "person", key, NULL, NULL);
  }
  g_autoptr(netan_view_t) v = harness_view(c, TRUE, NETAN_LENGTH_INVERSE_STRENGTH);
  for (const char *const *m = netan_communities_methods(); *m; m++) {
    g_autoptr(netan_table_t) t0 = run(ev, *m, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t0);
    CU_ASSERT_EQUAL(netan_table_n_rows(t0), 0);
    CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t0, "communities"), "0");
    g_autoptr(netan_table_t) t = run(v, *m, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t, "communities"), "3");
    CU_ASSERT(isnan(meta_double(t, "modularity")));
    /* singletons, numbered by entity id: c (0), a (1), b (2) */
    CU_ASSERT_STRING_EQUAL(netan_table_get_string(t, 0, 1), "c");
    CU_ASSERT_EQUAL(netan_table_get_int(t, 2, 4), 2);
  }
}

/* Walktrap and edge betweenness with isolated vertices and several
 * components: the cut is the partition of highest modularity as reported. */
static void
test_dendrogram_cut(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b b-c a-c d-e e-f d-f c-d g-h h-i g-i");
  netan_case_add_entity(c, "person", "alone", NULL, NULL);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  for (int i = 0; i < 2; i++) {
    const char *m = i ? "edge_betweenness" : "walktrap";
    g_autoptr(netan_table_t) t = run(v, m, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    /* {a,b,c} {d,e,f} {g,h,i} {alone}: m = 10, Q = 3/10 + 2*(3/10 - (7/20)^2) - (6/20)^2 */
    CU_ASSERT_STRING_EQUAL(netan_table_get_meta(t, "communities"), "4");
    double want = 0.3 - 0.09 + 2 * (0.3 - 0.35 * 0.35);
    CU_ASSERT_DOUBLE_EQUAL(meta_double(t, "modularity"), want, 1e-12);
  }
}

/* ------------------------------------------------------------ summary */

static const char *
cell(const netan_table_t *t, int64_t row, const char *column)
{
  return netan_table_get_string(t, row, netan_table_column_index(t, column));
}

static double
dcell(const netan_table_t *t, int64_t row, const char *column)
{
  return netan_table_get_double(t, row, netan_table_column_index(t, column));
}

static int64_t
icell(const netan_table_t *t, int64_t row, const char *column)
{
  return netan_table_get_int(t, row, netan_table_column_index(t, column));
}

static void
test_summary(void)
{
  /* two triangles (a-b heavier) and the bridge c-d */
  g_autoptr(netan_case_t) c = harness_case("a-b:2 b-c a-c d-e e-f d-f c-d");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) p = run(v, "louvain", NULL);
  GError *e = NULL;
  g_autoptr(netan_table_t) s = netan_communities_summary(v, p, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(s);
  const char *cols[] = { "community", "size", "internal_density", "internal_strength",
                         "external_strength", "n_neighbour_communities", "top_members", "top_brokers" };
  CU_ASSERT_EQUAL(netan_table_n_columns(s), 8);
  for (int i = 0; i < 8; i++)
    CU_ASSERT_STRING_EQUAL(netan_table_column_name(s, i), cols[i]);
  CU_ASSERT_EQUAL(netan_table_n_rows(s), 2);
  CU_ASSERT_EQUAL(icell(s, 0, "community"), 0);
  CU_ASSERT_EQUAL(icell(s, 0, "size"), 3);
  CU_ASSERT_DOUBLE_EQUAL(dcell(s, 0, "internal_density"), 1.0, 0);
  CU_ASSERT_DOUBLE_EQUAL(dcell(s, 0, "internal_strength"), 4.0, 0);
  CU_ASSERT_DOUBLE_EQUAL(dcell(s, 1, "internal_strength"), 3.0, 0);
  CU_ASSERT_DOUBLE_EQUAL(dcell(s, 0, "external_strength"), 1.0, 0);
  CU_ASSERT_EQUAL(icell(s, 1, "n_neighbour_communities"), 1);
  /* betweenness (lengths 1/strength): c lies on the 6 paths {a,b} x {d,e,f}, a and b on none */
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "top_members"), "c; a; b");
  CU_ASSERT_STRING_EQUAL(cell(s, 1, "top_members"), "d; e; f");
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "top_brokers"), "c");
  CU_ASSERT_STRING_EQUAL(cell(s, 1, "top_brokers"), "d");
  /* Q with strengths: W = 8; inside 4 and 3; strengths 9 and 7 */
  double q = 7.0 / 8 - (9.0 / 16) * (9.0 / 16) - (7.0 / 16) * (7.0 / 16);
  CU_ASSERT_DOUBLE_EQUAL(meta_double(s, "modularity"), q, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL(meta_double(s, "modularity"), meta_double(p, "modularity"), 1e-12);
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(s, "method"), "louvain");
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(s, "communities"), "2");

  /* a hand-made partition, any numbering: {a} {b,c,d} {e,f} */
  int64_t ents[6], coms[6] = { 7, 3, 3, 3, 12, 12 };
  const char *keys[] = { "a", "b", "c", "d", "e", "f" };
  for (int i = 0; i < 6; i++)
    ents[i] = netan_case_find_entity(c, "person", keys[i]);
  g_autoptr(netan_table_t) h = netan_communities_summary_membership(v, 6, ents, coms, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(h);
  CU_ASSERT_EQUAL(netan_table_n_rows(h), 3);
  CU_ASSERT_EQUAL(icell(h, 0, "community"), 3);     /* sorted by number */
  CU_ASSERT_EQUAL(icell(h, 1, "community"), 7);
  CU_ASSERT_EQUAL(icell(h, 2, "community"), 12);
  CU_ASSERT_EQUAL(icell(h, 0, "size"), 3);
  CU_ASSERT_DOUBLE_EQUAL(dcell(h, 0, "internal_density"), 2.0 / 3, 1e-15);  /* b-c, c-d of 3 pairs */
  CU_ASSERT_DOUBLE_EQUAL(dcell(h, 1, "internal_density"), 0.0, 0);          /* a single member */
  CU_ASSERT_DOUBLE_EQUAL(dcell(h, 0, "internal_strength"), 2.0, 0);  /* b-c, c-d */
  /* {b,c,d} leaves by a-b 2, a-c 1, d-e 1, d-f 1 */
  CU_ASSERT_DOUBLE_EQUAL(dcell(h, 0, "external_strength"), 5.0, 0);
  CU_ASSERT_EQUAL(icell(h, 0, "n_neighbour_communities"), 2);
  CU_ASSERT_EQUAL(icell(h, 1, "n_neighbour_communities"), 1);
  /* b, c and d each have one or two outside neighbours: d has e and f (2),
   * c has a (1, strength 1), b has a (1, strength 2) */
  CU_ASSERT_STRING_EQUAL(cell(h, 0, "top_brokers"), "d; b; c");
  CU_ASSERT_STRING_EQUAL(cell(h, 1, "top_brokers"), "a");
  CU_ASSERT_PTR_NULL(netan_table_get_meta(h, "method"));

  /* directed: density counts arcs out of s(s-1) */
  g_autoptr(netan_case_t) dc = harness_case("a-b b-a b-c a-c d-e e-f d-f c-d");
  g_autoptr(netan_view_t) dv = harness_view(dc, TRUE, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t dents[6], dcoms[6] = { 0, 0, 0, 1, 1, 1 };
  for (int i = 0; i < 6; i++)
    dents[i] = netan_case_find_entity(dc, "person", keys[i]);
  g_autoptr(netan_table_t) ds = netan_communities_summary_membership(dv, 6, dents, dcoms, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(ds);
  CU_ASSERT_DOUBLE_EQUAL(dcell(ds, 0, "internal_density"), 4.0 / 6, 1e-15);
  CU_ASSERT_DOUBLE_EQUAL(dcell(ds, 1, "internal_density"), 3.0 / 6, 1e-15);
  CU_ASSERT_DOUBLE_EQUAL(dcell(ds, 0, "internal_strength"), 4.0, 0);
}

static void
test_summary_errors(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b b-c a-c d-e e-f d-f c-d");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  GError *e = NULL;
  int64_t a = netan_case_find_entity(c, "person", "a"), b = netan_case_find_entity(c, "person", "b");
  int64_t ents[6], coms[6] = { 0, 0, 0, 1, 1, 1 };
  const char *keys[] = { "a", "b", "c", "d", "e", "f" };
  for (int i = 0; i < 6; i++)
    ents[i] = netan_case_find_entity(c, "person", keys[i]);
  /* a vertex missing */
  CU_ASSERT_PTR_NULL(netan_communities_summary_membership(v, 5, ents, coms, &e));
  CU_ASSERT_PTR_NOT_NULL_FATAL(e);
  CU_ASSERT_PTR_NOT_NULL(strstr(e->message, "f (entity"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  /* twice */
  int64_t twice[7] = { a, b, ents[2], ents[3], ents[4], ents[5], a }, tc[7] = { 0, 0, 0, 1, 1, 1, 1 };
  CU_ASSERT_PTR_NULL(netan_communities_summary_membership(v, 7, twice, tc, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  /* not in the view */
  int64_t nowhere[6] = { 999, ents[1], ents[2], ents[3], ents[4], ents[5] };
  CU_ASSERT_PTR_NULL(netan_communities_summary_membership(v, 6, nowhere, coms, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  /* negative community */
  int64_t negc[6] = { 0, 0, -1, 1, 1, 1 };
  CU_ASSERT_PTR_NULL(netan_communities_summary_membership(v, 6, ents, negc, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  /* a table that is not a partition */
  g_autoptr(netan_table_t) deg = netan_centrality_degree(v, NULL, NULL);
  CU_ASSERT_PTR_NULL(netan_communities_summary(v, deg, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  /* a partition of another view */
  g_autoptr(netan_case_t) other = harness_case("a-b b-c");
  g_autoptr(netan_view_t) ov = harness_view(other, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) op = run(ov, "louvain", NULL);
  CU_ASSERT_PTR_NULL(netan_communities_summary(v, op, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  /* stale */
  g_autoptr(netan_table_t) p = run(v, "louvain", NULL);
  netan_case_add_entity(c, "person", "late", NULL, NULL);
  CU_ASSERT_PTR_NULL(netan_communities_summary(v, p, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_STALE);
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return CU_get_error();
  static const harness_test_t methods[] = {
    { "/analysis/communities/methods", test_methods_list },
    { "/analysis/communities/two-triangles", test_two_triangles },
    { "/analysis/communities/two-triangles-directed", test_two_triangles_directed },
    { "/analysis/communities/ring-of-cliques", test_ring_of_cliques },
    { "/analysis/communities/no-edges", test_no_edges },
    { "/analysis/communities/dendrogram-cut", test_dendrogram_cut },
    { "/analysis/communities/determinism", test_determinism },
    { "/analysis/communities/same-as-igraph-random", test_same_as_igraph_random },
    { "/analysis/communities/same-as-igraph-siren", test_same_as_igraph_siren },
    { "/analysis/communities/louvain-same-steps-as-igraph", test_louvain_same_steps_as_igraph },
    { NULL, NULL } };
  static const harness_test_t guard[] = {
    { "/analysis/communities/edge-betweenness-limit", test_edge_betweenness_limit },
    { "/analysis/communities/progress-and-cancel", test_progress_and_cancel },
    { "/analysis/communities/errors", test_errors },
    { NULL, NULL } };
  static const harness_test_t summary[] = {
    { "/analysis/communities/summary", test_summary },
    { "/analysis/communities/summary-errors", test_summary_errors },
    { NULL, NULL } };
  harness_add_suite("/analysis/communities/methods", methods);
  harness_add_suite("/analysis/communities/guard", guard);
  harness_add_suite("/analysis/communities/summary", summary);
  return harness_run();
}
