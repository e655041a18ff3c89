/* /view and /analysis: hand-computed cases, the strength-vs-length rule,
 * determinism, and igraph itself as the oracle for Louvain.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include "util/igraph-gate.h"
#include "analysis/vertex-table.h"

#include <math.h>
#include <string.h>

/* Value of @key in a centrality table. */
static double
value_of(const netan_table_t *t, const char *key)
{
  for (int64_t r = 0; r < netan_table_n_rows(t); r++)
    if (strcmp(netan_table_get_string(t, r, 1), key) == 0)
      return netan_table_get_double(t, r, 4);
  return NAN;
}


static void
test_star(void)
{
  g_autoptr(netan_case_t) c = harness_case("h-a h-b h-c h-d h-e");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) d = netan_centrality_degree(v, NULL, NULL);
  g_autoptr(netan_table_t) b = netan_centrality_betweenness(v, NULL, NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(d, "h"), 5, 0);
  CU_ASSERT_DOUBLE_EQUAL(value_of(d, "a"), 1, 0);
  CU_ASSERT_DOUBLE_EQUAL(value_of(b, "h"), 10, 1e-12);  /* C(5,2) pairs of leaves */
  CU_ASSERT_DOUBLE_EQUAL(value_of(b, "a"), 0, 1e-12);
  /* sorted highest first; leaves tie at rank 2, ordered by key */
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(b, 0, 1), "h");
  CU_ASSERT_EQUAL(netan_table_get_int(b, 0, 5), 1);
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(b, 1, 1), "a");
  CU_ASSERT_EQUAL(netan_table_get_int(b, 1, 5), 2);
  CU_ASSERT_EQUAL(netan_table_get_int(b, 5, 5), 2);
  netan_betweenness_options_t o = NETAN_BETWEENNESS_OPTIONS_INIT;
  o.normalized = TRUE;
  g_autoptr(netan_table_t) bn = netan_centrality_betweenness(v, &o, NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(bn, "h"), 1.0, 1e-12);  /* 10 / (5*4/2) */
  /* PageRank, d = 0.85, N = 6: leaf = 0.025 + 0.17 centre, centre =
   * 0.025 + 4.25 leaf => leaf = 0.02925 / 0.2775, centre = 0.025 + 4.25 leaf */
  g_autoptr(netan_table_t) pr = netan_centrality_pagerank(v, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(pr);
  double leaf = 0.02925 / 0.2775;
  CU_ASSERT_DOUBLE_EQUAL(value_of(pr, "a"), leaf, 1e-9);
  CU_ASSERT_DOUBLE_EQUAL(value_of(pr, "h"), 0.025 + 4.25 * leaf, 1e-9);
}

static void
test_path(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b b-c c-d");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) b = netan_centrality_betweenness(v, NULL, NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(b, "b"), 2, 1e-12);  /* a-c, a-d */
  CU_ASSERT_DOUBLE_EQUAL(value_of(b, "c"), 2, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL(value_of(b, "a"), 0, 1e-12);
  /* directed a->b->c->d: b lies on a->c and a->d */
  g_autoptr(netan_view_t) dv = harness_view(c, TRUE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) db = netan_centrality_betweenness(dv, NULL, NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(db, "b"), 2, 1e-12);
  netan_degree_options_t o = NETAN_DEGREE_OPTIONS_INIT;
  o.mode = NETAN_DEGREE_OUT;
  g_autoptr(netan_table_t) out = netan_centrality_degree(dv, &o, NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(out, "a"), 1, 0);
  CU_ASSERT_DOUBLE_EQUAL(value_of(out, "d"), 0, 0);
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(out, "mode"), "out");
}

/* Two triangles a,b,c and d,e,f joined by the bridge c-d. */
static void
test_two_triangles(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b b-c a-c d-e e-f d-f c-d");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) b = netan_centrality_betweenness(v, NULL, NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(b, "c"), 6, 1e-12);  /* {a,b} x {d,e,f} */
  CU_ASSERT_DOUBLE_EQUAL(value_of(b, "d"), 6, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL(value_of(b, "a"), 0, 1e-12);
  g_autoptr(netan_table_t) com = netan_communities_louvain(v, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(com);
  CU_ASSERT_STRING_EQUAL(netan_table_get_meta(com, "communities"), "2");
  /* Q = 2 * (3/7 - (7/14)^2) = 5/14 */
  CU_ASSERT_DOUBLE_EQUAL(g_ascii_strtod(netan_table_get_meta(com, "modularity"), NULL), 5.0 / 14, 1e-12);
  /* communities numbered by size then first member: a,b,c is 0 */
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(com, 0, 1), "a");
  CU_ASSERT_EQUAL(netan_table_get_int(com, 0, 4), 0);
  CU_ASSERT_EQUAL(netan_table_get_int(com, 2, 4), 0);
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(com, 3, 1), "d");
  CU_ASSERT_EQUAL(netan_table_get_int(com, 3, 4), 1);
  CU_ASSERT_EQUAL(netan_table_get_int(com, 3, 5), 3);
}

/* Strong ties are short: a-b and b-c called 10 times, a-c once. With
 * length = 1/strength the shortest a..c path runs through b; unweighted,
 * the direct edge is shortest and b brokers nothing. */
static void
test_strength_is_not_length(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b:10 b-c:10 a-c:1");
  g_autoptr(netan_view_t) w = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_view_t) u = harness_view(c, FALSE, NETAN_LENGTH_UNWEIGHTED);
  g_autoptr(netan_table_t) bw = netan_centrality_betweenness(w, NULL, NULL);
  g_autoptr(netan_table_t) bu = netan_centrality_betweenness(u, NULL, NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(bw, "b"), 1, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL(value_of(bu, "b"), 0, 1e-12);
  CU_ASSERT_PTR_NOT_NULL(strstr(netan_table_get_meta(bw, "weights"), "1/strength"));
  CU_ASSERT_PTR_NOT_NULL(strstr(netan_table_get_meta(bu, "weights"), "unweighted"));
  /* strength adds the weights of a vertex's edges */
  netan_degree_options_t o = NETAN_DEGREE_OPTIONS_INIT;
  o.strength = TRUE;
  g_autoptr(netan_table_t) s = netan_centrality_degree(w, &o, NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(s, "b"), 20, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL(value_of(s, "a"), 11, 1e-12);
}

static void
test_parallel_links_merge(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b:2 b-a:3 a-b:1 b-c");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  CU_ASSERT_EQUAL(netan_view_n_edges(v), 2);
  double s, l;
  int64_t k, from, to;
  CU_ASSERT_TRUE(netan_view_get_edge(v, 0, &from, &to, &s, &l, &k));
  CU_ASSERT_DOUBLE_EQUAL(s, 6, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL(l, 1.0 / 6, 1e-12);
  CU_ASSERT_EQUAL(k, 3);
  g_autoptr(netan_table_t) d = netan_centrality_degree(v, NULL, NULL);
  CU_ASSERT_DOUBLE_EQUAL(value_of(d, "a"), 1, 0);  /* distinct neighbours */
  /* directed: a->b and b->a stay apart */
  g_autoptr(netan_view_t) dv = harness_view(c, TRUE, NETAN_LENGTH_INVERSE_STRENGTH);
  CU_ASSERT_EQUAL(netan_view_n_edges(dv), 3);
}

static void
test_view_filters(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  int64_t p = netan_case_add_entity(c, "person", "p", NULL, NULL);
  int64_t q = netan_case_add_entity(c, "person", "q", NULL, NULL);
  int64_t ph = netan_case_add_entity(c, "phone", "+38269000000", NULL, NULL);
  netan_case_add_entity(c, "person", "alone", NULL, NULL);
  netan_case_add_link(c, p, q, "associate", 1, NULL, NULL);
  netan_case_add_link(c, p, ph, "uses", 1, NULL, NULL);
  netan_view_options_t o = NETAN_VIEW_OPTIONS_INIT;
  o.entity_type = "person";
  g_autoptr(netan_view_t) persons = netan_view_build(c, &o, NULL);
  CU_ASSERT_EQUAL(netan_view_n_vertices(persons), 3);
  CU_ASSERT_EQUAL(netan_view_n_edges(persons), 1);
  CU_ASSERT_EQUAL(netan_view_vertex(persons, ph), -1);
  o.drop_isolates = TRUE;
  g_autoptr(netan_view_t) linked = netan_view_build(c, &o, NULL);
  CU_ASSERT_EQUAL(netan_view_n_vertices(linked), 2);
  netan_view_options_t o2 = NETAN_VIEW_OPTIONS_INIT;
  o2.link_type = "uses";
  o2.drop_isolates = TRUE;
  g_autoptr(netan_view_t) uses = netan_view_build(c, &o2, NULL);
  CU_ASSERT_EQUAL(netan_view_n_vertices(uses), 2);
  CU_ASSERT_EQUAL(netan_view_entity(uses, 1), ph);
}

static void
test_stale_and_bad_options(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b b-c");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  netan_case_add_entity(c, "person", "d", NULL, NULL);
  GError *e = NULL;
  CU_ASSERT_PTR_NULL(netan_centrality_betweenness(v, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_STALE);
  CU_ASSERT_PTR_NULL(netan_communities_louvain(v, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_STALE);
  g_autoptr(netan_view_t) v2 = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  netan_louvain_options_t lo = NETAN_LOUVAIN_OPTIONS_INIT;
  lo.resolution = -1;
  CU_ASSERT_PTR_NULL(netan_communities_louvain(v2, &lo, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  netan_view_options_t vo = NETAN_VIEW_OPTIONS_INIT;
  vo.version = 0;
  CU_ASSERT_PTR_NULL(netan_view_build(c, &vo, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
}

static void
test_empty(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  GError *e = NULL;
  g_autoptr(netan_table_t) b = netan_centrality_betweenness(v, NULL, &e);
  CU_ASSERT_PTR_NOT_NULL(b);
  CU_ASSERT_EQUAL(b ? netan_table_n_rows(b) : -1, 0);
  g_autoptr(netan_table_t) com = netan_communities_louvain(v, NULL, &e);
  CU_ASSERT_PTR_NOT_NULL(com);
  g_clear_error(&e);
}

static int
cancel_at_once(double fraction, void *payload)
{
  (*(int *)payload)++;
  return 1;
}

static void
test_cancel(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  for (int i = 0; i < 300; i++) {
    char a[16], b[16];
    g_snprintf(a, sizeof a, "v%d", i);
    g_snprintf(b, sizeof b, "v%d", (i * 7 + 1) % 300);
    netan_case_add_link(c, netan_case_add_entity(c, "person", a, NULL, NULL),
                        netan_case_add_entity(c, "person", b, NULL, NULL), "contact", 1, NULL, NULL);
  }
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_UNWEIGHTED);
  int calls = 0;
  netan_betweenness_options_t o = NETAN_BETWEENNESS_OPTIONS_INIT;
  o.progress = cancel_at_once;
  o.payload = &calls;
  GError *e = NULL;
  CU_ASSERT_PTR_NULL(netan_centrality_betweenness(v, &o, &e));
  CU_ASSERT(calls >= 1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_CANCELLED);
  /* a later call without a callback runs normally */
  g_autoptr(netan_table_t) b = netan_centrality_betweenness(v, NULL, &e);
  CU_ASSERT_PTR_NOT_NULL(b);
}

/* Louvain: the same seed gives the same table; netan's result equals what
 * igraph_community_multilevel gives when called directly with that seed. */
typedef struct {
  const netan_view_t *view;
  igraph_vector_int_t membership;
  double q;
} raw_louvain_t;

static igraph_error_t
raw_louvain(void *data)
{
  raw_louvain_t *r = data;
  igraph_t g;
  igraph_vector_int_t ends;
  igraph_vector_t w;
  int64_t m = netan_view_n_edges(r->view);
  IGRAPH_CHECK(igraph_vector_int_init(&ends, 2 * m));
  IGRAPH_CHECK(igraph_vector_init(&w, m));
  for (int64_t e = 0; e < m; e++) {
    int64_t a, b;
    double s;
    netan_view_get_edge(r->view, e, &a, &b, &s, NULL, NULL);
    VECTOR(ends)[2 * e] = a;
    VECTOR(ends)[2 * e + 1] = b;
    VECTOR(w)[e] = s;
  }
  IGRAPH_CHECK(igraph_create(&g, &ends, netan_view_n_vertices(r->view), IGRAPH_UNDIRECTED));
  IGRAPH_CHECK(igraph_community_multilevel(&g, &w, 1.0, &r->membership, NULL, NULL));
  IGRAPH_CHECK(igraph_modularity(&g, &r->membership, &w, 1.0, IGRAPH_UNDIRECTED, &r->q));
  igraph_destroy(&g);
  igraph_vector_destroy(&w);
  igraph_vector_int_destroy(&ends);
  return IGRAPH_SUCCESS;
}

static void
check_louvain_against_igraph(const char *file)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  g_autofree char *path = harness_data(file);
  g_autoptr(netan_ingest_report_t) rep = netan_ingest_edgelist(c, path, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(rep);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  for (uint64_t seed = 1; seed <= 5; seed++) {
    netan_louvain_options_t o = NETAN_LOUVAIN_OPTIONS_INIT;
    o.seed = seed;
    g_autoptr(netan_table_t) t1 = netan_communities_louvain(v, &o, NULL);
    g_autoptr(netan_table_t) t2 = netan_communities_louvain(v, &o, NULL);
    g_autofree char *s1 = netan_table_to_string(t1, NETAN_TABLE_CSV, -1);
    g_autofree char *s2 = netan_table_to_string(t2, NETAN_TABLE_CSV, -1);
    CU_ASSERT_STRING_EQUAL(s1, s2);

    raw_louvain_t raw = { v, { 0 }, 0 };
    igraph_vector_int_init(&raw.membership, 0);
    netan_gi_call_t call = { .what = "raw louvain", .seed_rng = TRUE, .seed = seed };
    CU_ASSERT_TRUE_FATAL(netan_gi_run(&call, raw_louvain, &raw, NULL));
    double q = g_ascii_strtod(netan_table_get_meta(t1, "modularity"), NULL);
    CU_ASSERT_DOUBLE_EQUAL(q, raw.q, 1e-12);
    /* same partition: two vertices share a community in one iff in the other */
    int64_t n = netan_view_n_vertices(v);
    g_autofree int64_t *mine = g_new(int64_t, n);
    for (int64_t r = 0; r < n; r++)
      mine[netan_view_vertex(v, netan_table_get_int(t1, r, 0))] = netan_table_get_int(t1, r, 4);
    int mismatches = 0;
    for (int64_t i = 0; i < n; i++)
      for (int64_t j = i + 1; j < n; j++)
        mismatches += (mine[i] == mine[j]) != (VECTOR(raw.membership)[i] == VECTOR(raw.membership)[j]);
    CU_ASSERT_EQUAL(mismatches, 0);
    igraph_vector_int_destroy(&raw.membership);
  }
}

static void
test_louvain_siren(void)
{
  check_louvain_against_igraph("siren.csv");
}

static void
test_louvain_montagna(void)
{
  check_louvain_against_igraph("montagna_meetings.csv");
}

/* A centrality table is in the order netan documents: value highest
 * first, then key (strcmp), then vertex; "1224" ranks; each row's entity,
 * key, label, type and value those of one vertex, every vertex once. */
static void
check_vt_table(const netan_view_t *v, const netan_table_t *t, const double *values)
{
  const netan_case_t *c = netan_view_case(v);
  int64_t n = netan_view_n_vertices(v);
  CU_ASSERT_EQUAL_FATAL(netan_table_n_rows(t), n);
  g_autofree gboolean *seen = g_new0(gboolean, n > 0 ? n : 1);
  int64_t bad_order = 0, bad_cells = 0, bad_rank = 0, prev_vertex = -1;
  for (int64_t r = 0; r < n; r++) {
    int64_t entity = netan_table_get_int(t, r, VT_ENTITY);
    int64_t vertex = netan_view_vertex(v, entity);
    CU_ASSERT_FATAL(vertex >= 0 && vertex < n && !seen[vertex]);
    seen[vertex] = TRUE;
    double value = netan_table_get_double(t, r, VT_VALUE);
    bad_cells += !(value == values[vertex] || (isnan(value) && isnan(values[vertex])));
    bad_cells += strcmp(netan_table_get_string(t, r, VT_KEY), netan_case_entity_key(c, entity)) != 0;
    bad_cells += strcmp(netan_table_get_string(t, r, VT_LABEL), netan_case_entity_label(c, entity)) != 0;
    bad_cells += strcmp(netan_table_get_string(t, r, VT_TYPE), netan_case_entity_type(c, entity)) != 0;
    if (r > 0) {
      double pv = values[prev_vertex];
      int kc = strcmp(netan_table_get_string(t, r - 1, VT_KEY), netan_table_get_string(t, r, VT_KEY));
      gboolean ok = pv > value || (pv == value && (kc < 0 || (kc == 0 && prev_vertex < vertex)));
      bad_order += !ok;
      int64_t want = pv == value ? netan_table_get_int(t, r - 1, VT_RANK) : r + 1;
      bad_rank += netan_table_get_int(t, r, VT_RANK) != want;
    } else {
      bad_rank += netan_table_get_int(t, r, VT_RANK) != 1;
    }
    prev_vertex = vertex;
  }
  CU_ASSERT_EQUAL(bad_order, 0);
  CU_ASSERT_EQUAL(bad_cells, 0);
  CU_ASSERT_EQUAL(bad_rank, 0);
}

/* Keys that the sort's 16-byte integer prefix must order like strcmp:
 * common prefixes of 0..20 bytes, keys that end inside and after the
 * prefix, bytes above 0x7f (UTF-8); two types sharing keys; labels given
 * or not; more distinct strings than the table's string cache holds; and
 * heavy ties (degree), few ties (PageRank), crafted values (0 and -0,
 * infinities, negatives). */
static void
test_table_order_and_strings(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GRand *rng = g_rand_new_with_seed(7);
  static const char *const stems[] = { "", "+3556", "+35560000000", "abcdefghijklmnop", "abcdefghijklmnopqrst",
                                        "\xc3\xa9t\xc3\xa9", "z" };
  int64_t n_ent = 6000;
  g_autofree int64_t *ids = g_new(int64_t, n_ent);
  for (int64_t i = 0; i < n_ent; i++) {
    const char *stem = stems[g_rand_int_range(rng, 0, G_N_ELEMENTS(stems))];
    g_autofree char *key = g_strdup_printf("%s%d", stem, g_rand_int_range(rng, 0, 3000));
    g_autofree char *label = g_strdup_printf("label %d", g_rand_int_range(rng, 0, 50));
    ids[i] = netan_case_add_entity(c, i % 7 == 0 ? "person" : "phone", key,
                                   g_rand_boolean(rng) ? label : NULL, NULL);
    CU_ASSERT_FATAL(ids[i] >= 0);
  }
  for (int i = 0; i < 15000; i++) {
    int64_t a = ids[g_rand_int_range(rng, 0, (gint32)n_ent)], b = ids[g_rand_int_range(rng, 0, (gint32)n_ent)];
    if (a != b)
      netan_case_add_link(c, a, b, "call", g_rand_int_range(rng, 1, 5), NULL, NULL);
  }
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t n = netan_view_n_vertices(v);
  CU_ASSERT_FATAL(n > 4096);
  g_autofree double *values = g_new(double, n);

  g_autoptr(netan_table_t) d = netan_centrality_degree(v, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  for (int64_t r = 0; r < n; r++)
    values[netan_view_vertex(v, netan_table_get_int(d, r, VT_ENTITY))] = netan_table_get_double(d, r, VT_VALUE);
  check_vt_table(v, d, values);

  g_autoptr(netan_table_t) pr = netan_centrality_pagerank(v, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(pr);
  for (int64_t r = 0; r < n; r++)
    values[netan_view_vertex(v, netan_table_get_int(pr, r, VT_ENTITY))] = netan_table_get_double(pr, r, VT_VALUE);
  check_vt_table(v, pr, values);

  static const double special[] = { 0.0, -0.0, 1.0, -1.0, INFINITY, -INFINITY, 1e-300, -1e-300, 2.5 };
  for (int64_t i = 0; i < n; i++)
    values[i] = special[g_rand_int_range(rng, 0, G_N_ELEMENTS(special))];
  g_autoptr(netan_table_t) s = netan_vt_centrality(v, values, "test");
  check_vt_table(v, s, values);
  /* 0 and -0 are one value: one run, one rank */
  int64_t zero_ranks = 0, last = -1;
  for (int64_t r = 0; r < n; r++)
    if (netan_table_get_double(s, r, VT_VALUE) == 0 && netan_table_get_int(s, r, VT_RANK) != last) {
      zero_ranks++;
      last = netan_table_get_int(s, r, VT_RANK);
    }
  CU_ASSERT_EQUAL(zero_ranks, 1);
  g_rand_free(rng);
}

static void
test_table_formats(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  int64_t a = netan_case_add_entity(c, "person", "=HYPERLINK(\"x\")", "=cmd|' /C calc'!A0", NULL);
  int64_t b = netan_case_add_entity(c, "person", "b,\"c\"", "line\nbreak", NULL);
  netan_case_add_link(c, a, b, "contact", 1, NULL, NULL);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) d = netan_centrality_degree(v, NULL, NULL);
  g_autofree char *csv = netan_table_to_string(d, NETAN_TABLE_CSV, -1);
  /* formula cells are neutralised with a leading apostrophe, inside quotes */
  CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\"'=HYPERLINK(\"\"x\"\")\""));
  CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\"'=cmd|' /C calc'!A0\""));
  CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\"b,\"\"c\"\"\""));
  g_autofree char *json = netan_table_to_string(d, NETAN_TABLE_JSON, -1);
  CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"line\\nbreak\""));
  CU_ASSERT_PTR_NOT_NULL(strstr(json, "\"measure\": \"degree\""));
  g_autofree char *text = netan_table_to_string(d, NETAN_TABLE_TEXT, 1);
  g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
  CU_ASSERT_EQUAL(g_strv_length(lines), 3);  /* header, one row, final empty */
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return CU_get_error();
  static const harness_test_t centrality[] = {
    { "/analysis/centrality/star", test_star },
    { "/analysis/centrality/path", test_path },
    { "/analysis/centrality/two-triangles", test_two_triangles },
    { "/analysis/centrality/strength-is-not-length", test_strength_is_not_length },
    { "/analysis/centrality/cancel", test_cancel },
    { "/analysis/centrality/empty", test_empty },
    { NULL, NULL } };
  static const harness_test_t view[] = {
    { "/view/parallel-links-merge", test_parallel_links_merge },
    { "/view/filters", test_view_filters },
    { "/view/stale-and-bad-options", test_stale_and_bad_options },
    { NULL, NULL } };
  static const harness_test_t communities[] = {
    { "/analysis/communities/louvain-vs-igraph-siren", test_louvain_siren },
    { "/analysis/communities/louvain-vs-igraph-montagna", test_louvain_montagna },
    { NULL, NULL } };
  static const harness_test_t table[] = {
    { "/analysis/table/formats", test_table_formats },
    { "/analysis/table/order-and-strings", test_table_order_and_strings },
    { NULL, NULL } };
  harness_add_suite("/analysis/centrality", centrality);
  harness_add_suite("/view", view);
  harness_add_suite("/analysis/communities", communities);
  harness_add_suite("/analysis/table", table);
  return harness_run();
}
