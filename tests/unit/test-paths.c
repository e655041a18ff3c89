/* /analysis/paths: shortest, k shortest and all shortest paths, the
 * connecting network, ego networks and common contacts on graphs small
 * enough to check by hand; evidence, constraints, direction and errors.
 * The pytest suite (test_paths.py) checks the same against networkx.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include <netan/netan-paths.h>

#include <math.h>
#include <string.h>

static int64_t
id_of(const netan_case_t *c, const char *key)
{
  int64_t id = netan_case_find_entity(c, "person", key);
  g_assert(id >= 0);
  return id;
}


static int
col(const netan_table_t *t, const char *name)
{
  int i = netan_table_column_index(t, name);
  g_assert(i >= 0);
  return i;
}

/* Path @p (1-based) of a path table as "a>b>c", or "" if there is none. */
static char *
path_str(const netan_table_t *t, int64_t p)
{
  GString *s = g_string_new(NULL);
  for (int64_t r = 0; r < netan_table_n_rows(t); r++) {
    if (netan_table_get_int(t, r, col(t, "path")) != p)
      continue;
    if (s->len == 0)
      g_string_append(s, netan_table_get_string(t, r, col(t, "from_key")));
    g_string_append_printf(s, ">%s", netan_table_get_string(t, r, col(t, "to_key")));
  }
  return g_string_free(s, FALSE);
}

#define ASSERT_PATH(t, p, want)                    \
  do {                                             \
    g_autofree char *got_ = path_str((t), (p));    \
    if (strcmp(got_, (want)) != 0)                 \
      printf("\n  path %d: got %s, want %s\n", (int)(p), got_, (want)); \
    CU_ASSERT_STRING_EQUAL(got_, (want));          \
  } while (0)

static double
path_length(const netan_table_t *t, int64_t p)
{
  for (int64_t r = 0; r < netan_table_n_rows(t); r++)
    if (netan_table_get_int(t, r, col(t, "path")) == p)
      return netan_table_get_double(t, r, col(t, "path_length"));
  return NAN;
}

static const char *
meta(const netan_table_t *t, const char *key)
{
  const char *m = netan_table_get_meta(t, key);
  return m ? m : "(none)";
}

/* Hops of @key in an ego table, or -1. */
static int64_t
hops_of(const netan_table_t *t, const char *key)
{
  for (int64_t r = 0; r < netan_table_n_rows(t); r++)
    if (strcmp(netan_table_get_string(t, r, col(t, "key")), key) == 0)
      return netan_table_get_int(t, r, col(t, "hops"));
  return -1;
}

/* ---- shortest paths ---- */

static void
test_path_graph(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b b-c c-d d-e");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  GError *e = NULL;
  g_autoptr(netan_table_t) t = netan_paths_shortest(v, id_of(c, "a"), id_of(c, "e"), NULL, &e);
  CU_ASSERT_PTR_NULL(e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  CU_ASSERT_EQUAL(netan_table_n_rows(t), 4);
  ASSERT_PATH(t, 1, "a>b>c>d>e");
  CU_ASSERT_DOUBLE_EQUAL(path_length(t, 1), 4.0, 1e-12);
  CU_ASSERT_STRING_EQUAL(meta(t, "reachable"), "true");
  CU_ASSERT_STRING_EQUAL(meta(t, "n_paths"), "1");
  CU_ASSERT_STRING_EQUAL(meta(t, "analysis"), "shortest_path");
  CU_ASSERT_STRING_EQUAL(meta(t, "distance"), "4");
  /* steps in order, entity ids and keys agree */
  for (int64_t r = 0; r < 4; r++) {
    CU_ASSERT_EQUAL(netan_table_get_int(t, r, col(t, "step")), r + 1);
    CU_ASSERT_STRING_EQUAL(netan_table_get_string(t, r, col(t, "from_key")),
                           netan_case_entity_key(c, netan_table_get_int(t, r, col(t, "from"))));
    CU_ASSERT_EQUAL(netan_table_get_int(t, r, col(t, "n_records")), 1);
  }
  /* backwards too, and k = 3 finds the only path there is */
  g_autoptr(netan_table_t) back = netan_paths_shortest(v, id_of(c, "d"), id_of(c, "b"), NULL, NULL);
  ASSERT_PATH(back, 1, "d>c>b");
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  o.k = 3;
  g_autoptr(netan_table_t) k3 = netan_paths_shortest(v, id_of(c, "a"), id_of(c, "e"), &o, NULL);
  CU_ASSERT_STRING_EQUAL(meta(k3, "n_paths"), "1");
  CU_ASSERT_STRING_EQUAL(meta(k3, "analysis"), "k_shortest_paths");
  ASSERT_PATH(k3, 1, "a>b>c>d>e");
  g_autoptr(netan_table_t) all = netan_paths_all_shortest(v, id_of(c, "a"), id_of(c, "e"), NULL, NULL);
  CU_ASSERT_STRING_EQUAL(meta(all, "n_paths"), "1");
  CU_ASSERT_STRING_EQUAL(meta(all, "truncated"), "false");
  /* an entity to itself: reachable, no steps */
  g_autoptr(netan_table_t) self = netan_paths_shortest(v, id_of(c, "c"), id_of(c, "c"), NULL, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(self), 0);
  CU_ASSERT_STRING_EQUAL(meta(self, "reachable"), "true");
  CU_ASSERT_STRING_EQUAL(meta(self, "distance"), "0");
}

/* a-b-c and d-e-f triangles, c-d the bridge */
#define TWO_TRIANGLES "a-b b-c a-c c-d d-e e-f d-f"

static void
test_two_triangles_paths(void)
{
  g_autoptr(netan_case_t) c = harness_case(TWO_TRIANGLES);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) t = netan_paths_shortest(v, id_of(c, "a"), id_of(c, "f"), NULL, NULL);
  ASSERT_PATH(t, 1, "a>c>d>f");
  g_autoptr(netan_table_t) all = netan_paths_all_shortest(v, id_of(c, "b"), id_of(c, "e"), NULL, NULL);
  CU_ASSERT_STRING_EQUAL(meta(all, "n_paths"), "1");
  ASSERT_PATH(all, 1, "b>c>d>e");

  /* k shortest a -> f: 3, then two of 4 (through b or through e), then 5 */
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  o.k = 10;
  g_autoptr(netan_table_t) k = netan_paths_shortest(v, id_of(c, "a"), id_of(c, "f"), &o, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(k);
  CU_ASSERT_STRING_EQUAL(meta(k, "n_paths"), "4");
  ASSERT_PATH(k, 1, "a>c>d>f");
  CU_ASSERT_DOUBLE_EQUAL(path_length(k, 1), 3, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL(path_length(k, 2), 4, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL(path_length(k, 3), 4, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL(path_length(k, 4), 5, 1e-12);
  ASSERT_PATH(k, 4, "a>b>c>d>e>f");
  g_autofree char *p2 = path_str(k, 2);
  g_autofree char *p3 = path_str(k, 3);
  CU_ASSERT_TRUE((strcmp(p2, "a>b>c>d>f") == 0 && strcmp(p3, "a>c>d>e>f") == 0) ||
                 (strcmp(p3, "a>b>c>d>f") == 0 && strcmp(p2, "a>c>d>e>f") == 0));
  CU_ASSERT_EQUAL(netan_table_n_rows(k), 3 + 4 + 4 + 5);

  /* two equally short ways from a to e when b-e is added: all of them */
  g_autoptr(netan_case_t) c2 = harness_case(TWO_TRIANGLES " b-e");
  g_autoptr(netan_view_t) v2 = harness_view(c2, FALSE, NETAN_LENGTH_UNWEIGHTED);
  g_autoptr(netan_table_t) all2 = netan_paths_all_shortest(v2, id_of(c2, "a"), id_of(c2, "e"), NULL, NULL);
  CU_ASSERT_STRING_EQUAL(meta(all2, "n_paths"), "1");
  ASSERT_PATH(all2, 1, "a>b>e");
  g_autoptr(netan_table_t) all3 = netan_paths_all_shortest(v2, id_of(c2, "b"), id_of(c2, "d"), NULL, NULL);
  CU_ASSERT_STRING_EQUAL(meta(all3, "n_paths"), "2");
  CU_ASSERT_STRING_EQUAL(meta(all3, "n_shortest_paths"), "2");
  /* ordered by the vertices along them: b(1) c(2) d before b(1) e(4) d */
  ASSERT_PATH(all3, 1, "b>c>d");
  ASSERT_PATH(all3, 2, "b>e>d");
  /* max_paths cuts the list and says so */
  o = (netan_path_options_t)NETAN_PATH_OPTIONS_INIT;
  o.max_paths = 1;
  g_autoptr(netan_table_t) cut = netan_paths_all_shortest(v2, id_of(c2, "b"), id_of(c2, "d"), &o, NULL);
  CU_ASSERT_STRING_EQUAL(meta(cut, "n_paths"), "1");
  CU_ASSERT_STRING_EQUAL(meta(cut, "truncated"), "true");
  CU_ASSERT_STRING_EQUAL(meta(cut, "n_shortest_paths"), "2");
}

static void
test_weighted_triangle(void)
{
  /* x-y is one weak contact; x-z and z-y are strong (4 each): with
   * length = 1/strength the way through z (0.25 + 0.25) beats the direct
   * edge (1); counting hops, the direct edge wins */
  g_autoptr(netan_case_t) c = harness_case("x-y:1 x-z:4 z-y:4");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) t = netan_paths_shortest(v, id_of(c, "x"), id_of(c, "y"), NULL, NULL);
  ASSERT_PATH(t, 1, "x>z>y");
  CU_ASSERT_DOUBLE_EQUAL(path_length(t, 1), 0.5, 1e-12);
  CU_ASSERT_DOUBLE_EQUAL(netan_table_get_double(t, 0, col(t, "strength")), 4.0, 0);
  CU_ASSERT_DOUBLE_EQUAL(netan_table_get_double(t, 0, col(t, "length")), 0.25, 0);
  CU_ASSERT_PTR_NOT_NULL(strstr(meta(t, "weights"), "1/strength"));

  g_autoptr(netan_view_t) vu = harness_view(c, FALSE, NETAN_LENGTH_UNWEIGHTED);
  g_autoptr(netan_table_t) tu = netan_paths_shortest(vu, id_of(c, "x"), id_of(c, "y"), NULL, NULL);
  ASSERT_PATH(tu, 1, "x>y");
  CU_ASSERT_DOUBLE_EQUAL(path_length(tu, 1), 1.0, 0);
  CU_ASSERT_PTR_NOT_NULL(strstr(meta(tu, "weights"), "unweighted"));

  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  o.weighted = FALSE;
  g_autoptr(netan_table_t) th = netan_paths_shortest(v, id_of(c, "x"), id_of(c, "y"), &o, NULL);
  ASSERT_PATH(th, 1, "x>y");
  CU_ASSERT_PTR_NOT_NULL(strstr(meta(th, "weights"), "hops"));
  /* the strength column still reports the strength, never the length */
  CU_ASSERT_DOUBLE_EQUAL(netan_table_get_double(th, 0, col(th, "strength")), 1.0, 0);

  /* k = 2 weighted: through z (0.5), then the direct edge (1) */
  o = (netan_path_options_t)NETAN_PATH_OPTIONS_INIT;
  o.k = 2;
  g_autoptr(netan_table_t) k = netan_paths_shortest(v, id_of(c, "x"), id_of(c, "y"), &o, NULL);
  ASSERT_PATH(k, 1, "x>z>y");
  ASSERT_PATH(k, 2, "x>y");
  /* repeated links add up: a second x-y link of 4 makes x-y strength 5,
   * length 0.2 < 0.5 */
  g_autoptr(netan_case_t) c2 = harness_case("x-y:1 x-z:4 z-y:4 y-x:4");
  g_autoptr(netan_view_t) v2 = harness_view(c2, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) t2 = netan_paths_shortest(v2, id_of(c2, "x"), id_of(c2, "y"), NULL, NULL);
  ASSERT_PATH(t2, 1, "x>y");
  CU_ASSERT_DOUBLE_EQUAL(netan_table_get_double(t2, 0, col(t2, "strength")), 5.0, 0);
  CU_ASSERT_EQUAL(netan_table_get_int(t2, 0, col(t2, "n_records")), 2);
}

static void
test_equal_lengths_with_rounding(void)
{
  /* ten steps of strength 10 (length 0.1 each, summing to 0.999...9 in
   * doubles) and one direct step of strength 1: equally short, as in
   * arithmetic; both are listed */
  g_autoptr(netan_case_t) c = harness_case("n0-n1:10 n1-n2:10 n2-n3:10 n3-n4:10 n4-n5:10 "
                                        "n5-n6:10 n6-n7:10 n7-n8:10 n8-n9:10 n9-n10:10 n0-n10:1");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) t = netan_paths_all_shortest(v, id_of(c, "n0"), id_of(c, "n10"), NULL, NULL);
  CU_ASSERT_STRING_EQUAL(meta(t, "n_paths"), "2");
  CU_ASSERT_EQUAL(netan_table_n_rows(t), 11);
}

static void
test_unreachable(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b c-d");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  GError *e = NULL;
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  for (int k = 1; k <= 2; k++) {
    o.k = k;
    g_autoptr(netan_table_t) t = netan_paths_shortest(v, id_of(c, "a"), id_of(c, "d"), &o, &e);
    CU_ASSERT_PTR_NULL(e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(netan_table_n_rows(t), 0);
    CU_ASSERT_STRING_EQUAL(meta(t, "reachable"), "false");
    CU_ASSERT_STRING_EQUAL(meta(t, "n_paths"), "0");
    CU_ASSERT_PTR_NULL(netan_table_get_meta(t, "distance"));
  }
  g_autoptr(netan_table_t) all = netan_paths_all_shortest(v, id_of(c, "a"), id_of(c, "d"), NULL, &e);
  CU_ASSERT_PTR_NULL(e);
  CU_ASSERT_EQUAL(netan_table_n_rows(all), 0);
  CU_ASSERT_STRING_EQUAL(meta(all, "reachable"), "false");
  /* isolated entities are in the view too */
  int64_t lone = netan_case_add_entity(c, "person", "lone", NULL, NULL);
  g_autoptr(netan_view_t) v2 = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) t2 = netan_paths_shortest(v2, lone, id_of(c, "a"), NULL, &e);
  CU_ASSERT_PTR_NULL(e);
  CU_ASSERT_STRING_EQUAL(meta(t2, "reachable"), "false");
}

static void
test_directed(void)
{
  /* a -> b -> c -> d: no way back with the arrows */
  g_autoptr(netan_case_t) c = harness_case("a>b:1 b>c:1 c>d:1");
  g_autoptr(netan_view_t) v = harness_view(c, TRUE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) fwd = netan_paths_shortest(v, id_of(c, "a"), id_of(c, "d"), NULL, NULL);
  ASSERT_PATH(fwd, 1, "a>b>c>d");
  CU_ASSERT_STRING_EQUAL(meta(fwd, "directed"), "true");
  CU_ASSERT_STRING_EQUAL(meta(fwd, "direction"), "with arrows");
  g_autoptr(netan_table_t) back = netan_paths_shortest(v, id_of(c, "d"), id_of(c, "a"), NULL, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(back), 0);
  CU_ASSERT_STRING_EQUAL(meta(back, "reachable"), "false");
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  o.direction = NETAN_PATH_AGAINST_ARROWS;
  g_autoptr(netan_table_t) against = netan_paths_shortest(v, id_of(c, "d"), id_of(c, "a"), &o, NULL);
  ASSERT_PATH(against, 1, "d>c>b>a");
  o.direction = NETAN_PATH_ANY_DIRECTION;
  g_autoptr(netan_table_t) any = netan_paths_shortest(v, id_of(c, "d"), id_of(c, "a"), &o, NULL);
  ASSERT_PATH(any, 1, "d>c>b>a");
  CU_ASSERT_STRING_EQUAL(meta(any, "directed"), "false");
  /* undirected views ignore the direction option */
  g_autoptr(netan_view_t) u = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  o.direction = NETAN_PATH_WITH_ARROWS;
  g_autoptr(netan_table_t) ut = netan_paths_shortest(u, id_of(c, "d"), id_of(c, "a"), &o, NULL);
  ASSERT_PATH(ut, 1, "d>c>b>a");

  /* any direction: a->b and b->a are one edge, strengths added, records of
   * both directions in case order */
  g_autoptr(netan_case_t) c2 = harness_case("a>b:1 b>a:2 b>c:1");
  g_autoptr(netan_view_t) v2 = harness_view(c2, TRUE, NETAN_LENGTH_INVERSE_STRENGTH);
  o.direction = NETAN_PATH_ANY_DIRECTION;
  g_autoptr(netan_table_t) t2 = netan_paths_shortest(v2, id_of(c2, "c"), id_of(c2, "a"), &o, NULL);
  ASSERT_PATH(t2, 1, "c>b>a");
  CU_ASSERT_DOUBLE_EQUAL(netan_table_get_double(t2, 1, col(t2, "strength")), 3.0, 0);
  CU_ASSERT_DOUBLE_EQUAL(netan_table_get_double(t2, 1, col(t2, "length")), 1.0 / 3.0, 1e-15);
  CU_ASSERT_EQUAL(netan_table_get_int(t2, 1, col(t2, "n_records")), 2);
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(t2, 1, col(t2, "evidence")),
                         "contact link #0 (no source row); contact link #1 (no source row)");
}

/* ---- evidence ---- */

static void
test_evidence(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  int64_t src = netan_case_add_source(c, "cdr_rs.csv", NULL, NULL);
  int64_t ppl = netan_case_add_source(c, "persons.csv", NULL, NULL);
  int64_t a = netan_case_add_entity(c, "phone", "+381601", NULL, NULL);
  int64_t b = netan_case_add_entity(c, "phone", "+381602", NULL, NULL);
  int64_t p = netan_case_add_entity(c, "person", "petrovic marko", "Petrović Marko", NULL);
  netan_provenance_t prov = { ppl, 7 };
  CU_ASSERT_EQUAL(netan_case_add_link(c, p, a, "uses", 1.0, &prov, NULL), 0);
  for (int i = 0; i < 5; i++) {
    netan_event_t ev = { a, b, "call", 1709288520 + 60 * i, 30, NAN, NULL, { src, 1043 + i } };
    CU_ASSERT_EQUAL(netan_case_add_event(c, &ev, NULL), i);
  }
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) t = netan_paths_shortest(v, p, b, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  CU_ASSERT_EQUAL(netan_table_n_rows(t), 2);
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(t, 0, col(t, "evidence")),
                         "uses link #0 (persons.csv:7)");
  CU_ASSERT_EQUAL(netan_table_get_int(t, 1, col(t, "n_records")), 5);
  CU_ASSERT_DOUBLE_EQUAL(netan_table_get_double(t, 1, col(t, "strength")), 5.0, 0);
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(t, 1, col(t, "evidence")),
                         "call event #0 2024-03-01T10:22:00Z (cdr_rs.csv:1043); "
                         "call event #1 2024-03-01T10:23:00Z (cdr_rs.csv:1044); "
                         "call event #2 2024-03-01T10:24:00Z (cdr_rs.csv:1045); and 2 more");
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  o.max_evidence = 0;
  g_autoptr(netan_table_t) t0 = netan_paths_shortest(v, p, b, &o, NULL);
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(t0, 1, col(t0, "evidence")), "5 records");
  o.max_evidence = -1;
  g_autoptr(netan_table_t) ta = netan_paths_shortest(v, p, b, &o, NULL);
  const char *all = netan_table_get_string(ta, 1, col(ta, "evidence"));
  CU_ASSERT_PTR_NOT_NULL(strstr(all, "call event #4 2024-03-01T10:26:00Z (cdr_rs.csv:1047)"));
  CU_ASSERT_PTR_NULL(strstr(all, "more"));
}

/* ---- constraints ---- */

static void
test_constraints(void)
{
  /* persons a and b share a phone p (the short way); persons c and d link
   * them the long way; a-b also met once, which link_types can leave out */
  g_autoptr(netan_case_t) c = netan_case_new();
  int64_t a = netan_case_add_entity(c, "person", "a", NULL, NULL);
  int64_t b = netan_case_add_entity(c, "person", "b", NULL, NULL);
  int64_t cc = netan_case_add_entity(c, "person", "c", NULL, NULL);
  int64_t d = netan_case_add_entity(c, "person", "d", NULL, NULL);
  int64_t p = netan_case_add_entity(c, "phone", "p", NULL, NULL);
  netan_case_add_link(c, a, p, "uses", 1, NULL, NULL);
  netan_case_add_link(c, p, b, "uses", 1, NULL, NULL);
  netan_case_add_link(c, a, cc, "associate", 1, NULL, NULL);
  netan_case_add_link(c, cc, d, "associate", 1, NULL, NULL);
  netan_case_add_link(c, cc, d, "meeting", 3, NULL, NULL);
  netan_case_add_link(c, d, b, "associate", 1, NULL, NULL);
  netan_case_add_attribute(c, cc, "country", "RS", NULL, NULL);
  netan_case_add_attribute(c, d, "country", "XK", NULL, NULL);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_UNWEIGHTED);

  g_autoptr(netan_table_t) free_ = netan_paths_shortest(v, a, b, NULL, NULL);
  ASSERT_PATH(free_, 1, "a>p>b");
  CU_ASSERT_STRING_EQUAL(meta(free_, "constraint"), "none");

  const char *persons[] = { "person", NULL };
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  o.entity_types = persons;
  g_autoptr(netan_table_t) t = netan_paths_shortest(v, a, b, &o, NULL);
  ASSERT_PATH(t, 1, "a>c>d>b");
  CU_ASSERT_STRING_EQUAL(meta(t, "constraint"), "entity types: person");
  /* the named entities are allowed whatever their type */
  const char *phones[] = { "phone", NULL };
  o.entity_types = phones;
  g_autoptr(netan_table_t) tp = netan_paths_shortest(v, a, b, &o, NULL);
  ASSERT_PATH(tp, 1, "a>p>b");
  g_autoptr(netan_table_t) tc = netan_paths_shortest(v, cc, b, &o, NULL);
  CU_ASSERT_STRING_EQUAL(meta(tc, "reachable"), "false");

  /* link types: only associate links; the c-d edge keeps only its
   * associate record, strength 1 (not 4) */
  const char *assoc[] = { "associate", NULL };
  o = (netan_path_options_t)NETAN_PATH_OPTIONS_INIT;
  o.link_types = assoc;
  g_autoptr(netan_view_t) vw = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) tl = netan_paths_shortest(vw, a, b, &o, NULL);
  ASSERT_PATH(tl, 1, "a>c>d>b");
  CU_ASSERT_DOUBLE_EQUAL(netan_table_get_double(tl, 1, col(tl, "strength")), 1.0, 0);
  CU_ASSERT_DOUBLE_EQUAL(netan_table_get_double(tl, 1, col(tl, "length")), 1.0, 0);
  CU_ASSERT_EQUAL(netan_table_get_int(tl, 1, col(tl, "n_records")), 1);
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(tl, 1, col(tl, "evidence")), "associate link #3 (no source row)");
  CU_ASSERT_PTR_NOT_NULL(strstr(meta(tl, "weights"), "allowed types"));
  /* without the filter the c-d edge has both records */
  g_autoptr(netan_table_t) ta = netan_paths_shortest(vw, cc, d, NULL, NULL);
  CU_ASSERT_DOUBLE_EQUAL(netan_table_get_double(ta, 0, col(ta, "strength")), 4.0, 0);

  /* attribute: intermediaries must have country (any value), then = RS */
  o = (netan_path_options_t)NETAN_PATH_OPTIONS_INIT;
  o.entity_attribute = "country";
  g_autoptr(netan_table_t) tat = netan_paths_shortest(v, a, b, &o, NULL);
  ASSERT_PATH(tat, 1, "a>c>d>b");
  o.entity_attribute_value = "RS";
  g_autoptr(netan_table_t) trs = netan_paths_shortest(v, a, b, &o, NULL);
  CU_ASSERT_STRING_EQUAL(meta(trs, "reachable"), "false");
  CU_ASSERT_STRING_EQUAL(meta(trs, "constraint"), "entity attribute: country=RS");
}

static void
test_exclude(void)
{
  g_autoptr(netan_case_t) c = harness_case(TWO_TRIANGLES " b-e");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_UNWEIGHTED);
  int64_t a = id_of(c, "a"), f = id_of(c, "f");
  int64_t no_c[] = { id_of(c, "c") };
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  o.exclude = no_c;
  o.n_exclude = 1;
  g_autoptr(netan_table_t) t = netan_paths_shortest(v, a, f, &o, NULL);
  ASSERT_PATH(t, 1, "a>b>e>f");
  CU_ASSERT_STRING_EQUAL(meta(t, "constraint"), "excluded entities: 2");
  g_autoptr(netan_table_t) eg = netan_paths_ego(v, a, 1, &o, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(eg), 2);  /* a, b */
  int64_t no_c_b[] = { id_of(c, "c"), id_of(c, "b") };
  o.exclude = no_c_b;
  o.n_exclude = 2;
  g_autoptr(netan_table_t) none = netan_paths_shortest(v, a, f, &o, NULL);
  CU_ASSERT_STRING_EQUAL(meta(none, "reachable"), "false");
  GError *e = NULL;
  int64_t named[] = { a };
  o.exclude = named;
  o.n_exclude = 1;
  CU_ASSERT_PTR_NULL(netan_paths_shortest(v, a, f, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  int64_t unknown[] = { 999 };
  o.exclude = unknown;
  CU_ASSERT_PTR_NULL(netan_paths_shortest(v, a, f, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  o.exclude = NULL;
  CU_ASSERT_PTR_NULL(netan_paths_shortest(v, a, f, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
}

/* ---- connecting network ---- */

/* Value of column @name in the entity table row of @key, or -1. */
static int64_t
member_int(const netan_table_t *t, const char *key, const char *name)
{
  for (int64_t r = 0; r < netan_table_n_rows(t); r++)
    if (strcmp(netan_table_get_string(t, r, col(t, "key")), key) == 0)
      return netan_table_get_int(t, r, col(t, name));
  return -1;
}

static void
test_connect_two_triangles(void)
{
  g_autoptr(netan_case_t) c = harness_case(TWO_TRIANGLES);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t seeds[] = { id_of(c, "a"), id_of(c, "b"), id_of(c, "f") };
  netan_table_t *ents = NULL;
  GError *e = NULL;
  g_autoptr(netan_table_t) t = netan_paths_connect(v, seeds, 3, NULL, &ents, &e);
  CU_ASSERT_PTR_NULL(e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  CU_ASSERT_PTR_NOT_NULL_FATAL(ents);
  /* the direct link first; then a-c-d-f and b-c-d-f tie (both share c and
   * d with the other) and the first pair wins; b-c-d-f then joins nothing */
  CU_ASSERT_STRING_EQUAL(meta(t, "n_paths"), "2");
  ASSERT_PATH(t, 1, "a>b");
  ASSERT_PATH(t, 2, "a>c>d>f");
  CU_ASSERT_STRING_EQUAL(meta(t, "reachable"), "true");
  CU_ASSERT_STRING_EQUAL(meta(t, "n_networks"), "1");
  CU_ASSERT_STRING_EQUAL(meta(t, "analysis"), "connecting_network");
  CU_ASSERT_STRING_EQUAL(meta(t, "seeds"), "0,1,5");
  /* entities: seeds in the given order, then intermediaries */
  CU_ASSERT_EQUAL(netan_table_n_rows(ents), 5);
  const char *order[] = { "a", "b", "f", "c", "d" };
  const char *roles[] = { "seed", "seed", "seed", "intermediary", "intermediary" };
  for (int r = 0; r < 5; r++) {
    CU_ASSERT_STRING_EQUAL(netan_table_get_string(ents, r, col(ents, "key")), order[r]);
    CU_ASSERT_STRING_EQUAL(netan_table_get_string(ents, r, col(ents, "role")), roles[r]);
    CU_ASSERT_EQUAL(netan_table_get_int(ents, r, col(ents, "network")), 1);
  }
  CU_ASSERT_EQUAL(netan_table_get_int(ents, 0, col(ents, "n_paths")), 2);  /* a */
  CU_ASSERT_EQUAL(netan_table_get_int(ents, 1, col(ents, "n_paths")), 1);  /* b */
  netan_table_free(ents);
}

static void
test_connect_prefers_shared_intermediary(void)
{
  /* The example of i2's documentation: two shortest paths join seeds 1 and
   * 3 (through x or through y); y is also on the shortest path of seeds 2
   * and 3, so the network goes through y, never x; 3 and 4 are joined by
   * their direct link. Entered x first so that order cannot decide. */
  g_autoptr(netan_case_t) c = harness_case("1-x x-3 1-y y-3 2-y 3-4");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t seeds[] = { id_of(c, "1"), id_of(c, "2"), id_of(c, "3"), id_of(c, "4") };
  netan_table_t *ents = NULL;
  g_autoptr(netan_table_t) t = netan_paths_connect(v, seeds, 4, NULL, &ents, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  CU_ASSERT_PTR_NOT_NULL_FATAL(ents);
  ASSERT_PATH(t, 1, "3>4");
  CU_ASSERT_STRING_EQUAL(meta(t, "reachable"), "true");
  CU_ASSERT_EQUAL(netan_table_n_rows(ents), 5);
  CU_ASSERT_EQUAL(member_int(ents, "x", "network"), -1);
  CU_ASSERT_EQUAL(member_int(ents, "y", "network"), 1);
  for (int64_t r = 0; r < netan_table_n_rows(t); r++) {
    CU_ASSERT_STRING_NOT_EQUAL(netan_table_get_string(t, r, col(t, "from_key")), "x");
    CU_ASSERT_STRING_NOT_EQUAL(netan_table_get_string(t, r, col(t, "to_key")), "x");
  }
  netan_table_free(ents);

  /* y found to be legitimate and excluded (i2's own example): through x */
  int64_t no_y[] = { id_of(c, "y") };
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  o.exclude = no_y;
  o.n_exclude = 1;
  g_autoptr(netan_table_t) tx = netan_paths_connect(v, seeds, 4, &o, &ents, NULL);
  CU_ASSERT_EQUAL(member_int(ents, "x", "network"), 1);
  CU_ASSERT_EQUAL(member_int(ents, "y", "network"), -1);
  CU_ASSERT_EQUAL(member_int(ents, "2", "network"), 2);  /* 2 only knew y */
  CU_ASSERT_STRING_EQUAL(meta(tx, "reachable"), "false");
  netan_table_free(ents);

  /* the same with y entered first: still through y */
  g_autoptr(netan_case_t) c2 = harness_case("1-y y-3 1-x x-3 2-y 3-4");
  g_autoptr(netan_view_t) v2 = harness_view(c2, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t seeds2[] = { id_of(c2, "1"), id_of(c2, "2"), id_of(c2, "3"), id_of(c2, "4") };
  g_autoptr(netan_table_t) t2 = netan_paths_connect(v2, seeds2, 4, NULL, &ents, NULL);
  CU_ASSERT_EQUAL(member_int(ents, "x", "network"), -1);
  CU_ASSERT_EQUAL(member_int(ents, "y", "network"), 1);
  netan_table_free(ents);
}

static void
test_connect_disconnected(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b b-c d-e");
  int64_t lone = netan_case_add_entity(c, "person", "lone", NULL, NULL);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t seeds[] = { id_of(c, "e"), id_of(c, "a"), lone, id_of(c, "c"), id_of(c, "d") };
  netan_table_t *ents = NULL;
  g_autoptr(netan_table_t) t = netan_paths_connect(v, seeds, 5, NULL, &ents, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  CU_ASSERT_STRING_EQUAL(meta(t, "reachable"), "false");
  CU_ASSERT_STRING_EQUAL(meta(t, "n_networks"), "3");
  CU_ASSERT_STRING_EQUAL(meta(t, "n_paths"), "2");  /* e-d, a-b-c */
  ASSERT_PATH(t, 1, "e>d");
  ASSERT_PATH(t, 2, "a>b>c");
  /* networks numbered by their first seed: {e, d} 1, {a, c, b} 2, {lone} 3 */
  CU_ASSERT_EQUAL(member_int(ents, "e", "network"), 1);
  CU_ASSERT_EQUAL(member_int(ents, "d", "network"), 1);
  CU_ASSERT_EQUAL(member_int(ents, "a", "network"), 2);
  CU_ASSERT_EQUAL(member_int(ents, "b", "network"), 2);
  CU_ASSERT_EQUAL(member_int(ents, "lone", "network"), 3);
  CU_ASSERT_EQUAL(member_int(ents, "lone", "n_paths"), 0);
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(ents, 0, col(ents, "key")), "e");
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(ents, 1, col(ents, "key")), "d");
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(ents, 2, col(ents, "key")), "a");
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(ents, 3, col(ents, "key")), "c");
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(ents, 4, col(ents, "key")), "b");
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(ents, 4, col(ents, "role")), "intermediary");
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(ents, 5, col(ents, "key")), "lone");
  netan_table_free(ents);
  /* the entity table is optional */
  g_autoptr(netan_table_t) t2 = netan_paths_connect(v, seeds, 2, NULL, NULL, NULL);
  CU_ASSERT_STRING_EQUAL(meta(t2, "reachable"), "false");
  CU_ASSERT_EQUAL(netan_table_n_rows(t2), 0);
}

static void
test_connect_directed(void)
{
  /* a -> m -> b only: with the arrows, a reaches b; b does not reach a,
   * but one way is enough to join them */
  g_autoptr(netan_case_t) c = harness_case("a>m b>n n>c m>b");
  g_autoptr(netan_view_t) v = harness_view(c, TRUE, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t seeds[] = { id_of(c, "c"), id_of(c, "a") };
  g_autoptr(netan_table_t) t = netan_paths_connect(v, seeds, 2, NULL, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  ASSERT_PATH(t, 1, "a>m>b>n>c");
  CU_ASSERT_STRING_EQUAL(meta(t, "reachable"), "true");
}

static int
count_progress(double fraction, void *payload)
{
  double *seen = payload;
  CU_ASSERT(fraction >= seen[1] && fraction <= 1.0);  /* never backwards */
  seen[0] += 1;
  seen[1] = fraction;
  return seen[2] > 0 && seen[0] >= seen[2];  /* cancel at call seen[2] */
}

static void
test_connect_progress_and_cancel(void)
{
  g_autoptr(netan_case_t) c = harness_case(TWO_TRIANGLES);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t seeds[] = { id_of(c, "a"), id_of(c, "e"), id_of(c, "f") };
  double seen[3] = { 0, 0, 0 };
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  o.progress = count_progress;
  o.payload = seen;
  g_autoptr(netan_table_t) t = netan_paths_connect(v, seeds, 3, &o, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL(t);
  CU_ASSERT_EQUAL(seen[0], 4);  /* before each seed, and at the end */
  CU_ASSERT_DOUBLE_EQUAL(seen[1], 1.0, 0);
  double stop[3] = { 0, 0, 2 };
  o.payload = stop;
  GError *e = NULL;
  netan_table_t *ents = NULL;
  CU_ASSERT_PTR_NULL(netan_paths_connect(v, seeds, 3, &o, &ents, &e));
  CU_ASSERT_PTR_NULL(ents);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_CANCELLED);
  CU_ASSERT_EQUAL(stop[0], 2);
}

/* ---- ego and common contacts ---- */

static void
test_ego(void)
{
  g_autoptr(netan_case_t) c = harness_case(TWO_TRIANGLES);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) e0 = netan_paths_ego(v, id_of(c, "c"), 0, NULL, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(e0), 1);
  CU_ASSERT_EQUAL(hops_of(e0, "c"), 0);
  g_autoptr(netan_table_t) e1 = netan_paths_ego(v, id_of(c, "c"), 1, NULL, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(e1), 4);
  CU_ASSERT_EQUAL(hops_of(e1, "c"), 0);
  CU_ASSERT_EQUAL(hops_of(e1, "a"), 1);
  CU_ASSERT_EQUAL(hops_of(e1, "b"), 1);
  CU_ASSERT_EQUAL(hops_of(e1, "d"), 1);
  CU_ASSERT_EQUAL(hops_of(e1, "e"), -1);
  /* ordered by hops, then key */
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(e1, 0, col(e1, "key")), "c");
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(e1, 1, col(e1, "key")), "a");
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(e1, 3, col(e1, "key")), "d");
  g_autoptr(netan_table_t) e2 = netan_paths_ego(v, id_of(c, "a"), 2, NULL, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(e2), 4);
  CU_ASSERT_EQUAL(hops_of(e2, "d"), 2);
  g_autoptr(netan_table_t) e9 = netan_paths_ego(v, id_of(c, "a"), G_MAXINT64, NULL, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(e9), 6);
  CU_ASSERT_EQUAL(hops_of(e9, "f"), 3);
  CU_ASSERT_STRING_EQUAL(meta(e9, "analysis"), "ego");
  CU_ASSERT_STRING_EQUAL(meta(e9, "center"), "0");

  /* directed: out-neighbours by default, in with against, both with any */
  g_autoptr(netan_case_t) cd = harness_case("a>b c>a b>d");
  g_autoptr(netan_view_t) vd = harness_view(cd, TRUE, NETAN_LENGTH_INVERSE_STRENGTH);
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  g_autoptr(netan_table_t) out = netan_paths_ego(vd, id_of(cd, "a"), 2, &o, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(out), 3);
  CU_ASSERT_EQUAL(hops_of(out, "d"), 2);
  o.direction = NETAN_PATH_AGAINST_ARROWS;
  g_autoptr(netan_table_t) in = netan_paths_ego(vd, id_of(cd, "a"), 2, &o, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(in), 2);
  CU_ASSERT_EQUAL(hops_of(in, "c"), 1);
  o.direction = NETAN_PATH_ANY_DIRECTION;
  g_autoptr(netan_table_t) any = netan_paths_ego(vd, id_of(cd, "a"), 1, &o, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(any), 3);

  /* types: through persons only */
  const char *persons[] = { "person", NULL };
  g_autoptr(netan_case_t) ct = harness_case("a-b");
  int64_t p = netan_case_add_entity(ct, "phone", "p", NULL, NULL);
  netan_case_add_link(ct, id_of(ct, "b"), p, "uses", 1, NULL, NULL);
  g_autoptr(netan_view_t) vt = harness_view(ct, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  o = (netan_path_options_t)NETAN_PATH_OPTIONS_INIT;
  o.entity_types = persons;
  g_autoptr(netan_table_t) et = netan_paths_ego(vt, id_of(ct, "a"), 3, &o, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(et), 2);
  CU_ASSERT_EQUAL(hops_of(et, "p"), -1);
}

static void
test_common_contacts(void)
{
  g_autoptr(netan_case_t) c = harness_case(TWO_TRIANGLES " a-c:2");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t ab[] = { id_of(c, "a"), id_of(c, "b") };
  GError *e = NULL;
  g_autoptr(netan_table_t) t = netan_paths_common_contacts(v, ab, 2, NULL, &e);
  CU_ASSERT_PTR_NULL(e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  /* c is the only common contact: one row per named entity */
  CU_ASSERT_EQUAL(netan_table_n_rows(t), 2);
  CU_ASSERT_STRING_EQUAL(meta(t, "n_contacts"), "1");
  CU_ASSERT_STRING_EQUAL(meta(t, "entity_1"), "0");
  CU_ASSERT_STRING_EQUAL(meta(t, "entity_2"), "1");
  for (int r = 0; r < 2; r++) {
    CU_ASSERT_STRING_EQUAL(netan_table_get_string(t, r, col(t, "key")), "c");
    CU_ASSERT_DOUBLE_EQUAL(netan_table_get_double(t, r, col(t, "total_strength")), 4.0, 0);
  }
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(t, 0, col(t, "with_key")), "a");
  CU_ASSERT_DOUBLE_EQUAL(netan_table_get_double(t, 0, col(t, "strength")), 3.0, 0);  /* 1 + 2 */
  CU_ASSERT_EQUAL(netan_table_get_int(t, 0, col(t, "n_records")), 2);
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(t, 1, col(t, "with_key")), "b");
  CU_ASSERT_DOUBLE_EQUAL(netan_table_get_double(t, 1, col(t, "strength")), 1.0, 0);
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(t, 1, col(t, "evidence")), "contact link #1 (no source row)");

  /* three: a, b and d have only c in common */
  int64_t abd[] = { id_of(c, "a"), id_of(c, "b"), id_of(c, "d") };
  g_autoptr(netan_table_t) t3 = netan_paths_common_contacts(v, abd, 3, NULL, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(t3), 3);
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(t3, 2, col(t3, "with_key")), "d");
  /* c and e: d; c and d: none (they are adjacent, but nobody else is) */
  int64_t ce[] = { id_of(c, "c"), id_of(c, "e") };
  g_autoptr(netan_table_t) tce = netan_paths_common_contacts(v, ce, 2, NULL, NULL);
  CU_ASSERT_STRING_EQUAL(meta(tce, "n_contacts"), "1");
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(tce, 0, col(tce, "key")), "d");
  int64_t af[] = { id_of(c, "a"), id_of(c, "f") };
  g_autoptr(netan_table_t) taf = netan_paths_common_contacts(v, af, 2, NULL, NULL);
  CU_ASSERT_EQUAL(netan_table_n_rows(taf), 0);
  CU_ASSERT_STRING_EQUAL(meta(taf, "n_contacts"), "0");

  /* directed: whom a and b both call, who calls both */
  g_autoptr(netan_case_t) cd = harness_case("a>x b>x y>a y>b a>z z>b");
  g_autoptr(netan_view_t) vd = harness_view(cd, TRUE, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t pair[] = { id_of(cd, "a"), id_of(cd, "b") };
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  g_autoptr(netan_table_t) w = netan_paths_common_contacts(vd, pair, 2, &o, NULL);
  CU_ASSERT_STRING_EQUAL(meta(w, "n_contacts"), "1");
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(w, 0, col(w, "key")), "x");
  o.direction = NETAN_PATH_AGAINST_ARROWS;
  g_autoptr(netan_table_t) ag = netan_paths_common_contacts(vd, pair, 2, &o, NULL);
  CU_ASSERT_STRING_EQUAL(meta(ag, "n_contacts"), "1");
  CU_ASSERT_STRING_EQUAL(netan_table_get_string(ag, 0, col(ag, "key")), "y");
  o.direction = NETAN_PATH_ANY_DIRECTION;
  g_autoptr(netan_table_t) any = netan_paths_common_contacts(vd, pair, 2, &o, NULL);
  CU_ASSERT_STRING_EQUAL(meta(any, "n_contacts"), "3");  /* x, y and z */
}

/* ---- errors ---- */

static void
test_errors(void)
{
  g_autoptr(netan_case_t) c = harness_case(TWO_TRIANGLES);
  int64_t p = netan_case_add_entity(c, "phone", "p", NULL, NULL);
  netan_view_options_t vo = NETAN_VIEW_OPTIONS_INIT;
  vo.entity_type = "phone";
  g_autoptr(netan_view_t) phones = netan_view_build(c, &vo, NULL);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t a = id_of(c, "a"), f = id_of(c, "f");
  GError *e = NULL;

  /* unknown entity, entity not in the view */
  CU_ASSERT_PTR_NULL(netan_paths_shortest(v, a, 999, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  CU_ASSERT_PTR_NULL(netan_paths_shortest(v, -1, a, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  CU_ASSERT_PTR_NULL(netan_paths_shortest(phones, p, a, NULL, &e));
  CU_ASSERT_PTR_NOT_NULL(e);
  if (e)
    CU_ASSERT_PTR_NOT_NULL(strstr(e->message, "not in this view"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  CU_ASSERT_PTR_NULL(netan_paths_ego(phones, a, 1, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  CU_ASSERT_PTR_NULL(netan_paths_all_shortest(v, 999, a, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);

  /* k < 1, hops < 0 */
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  o.k = 0;
  CU_ASSERT_PTR_NULL(netan_paths_shortest(v, a, f, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  o.k = -5;
  CU_ASSERT_PTR_NULL(netan_paths_shortest(v, a, f, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_PTR_NULL(netan_paths_ego(v, a, -1, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);

  /* bad options */
  o = (netan_path_options_t)NETAN_PATH_OPTIONS_INIT;
  o.version = 99;
  CU_ASSERT_PTR_NULL(netan_paths_shortest(v, a, f, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  o = (netan_path_options_t)NETAN_PATH_OPTIONS_INIT;
  o.direction = (netan_path_direction_t)7;
  CU_ASSERT_PTR_NULL(netan_paths_ego(v, a, 1, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  o = (netan_path_options_t)NETAN_PATH_OPTIONS_INIT;
  o.max_paths = 0;
  CU_ASSERT_PTR_NULL(netan_paths_all_shortest(v, a, f, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  o = (netan_path_options_t)NETAN_PATH_OPTIONS_INIT;
  o.entity_attribute_value = "RS";
  CU_ASSERT_PTR_NULL(netan_paths_shortest(v, a, f, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  const char *empty_type[] = { "", NULL };
  o = (netan_path_options_t)NETAN_PATH_OPTIONS_INIT;
  o.link_types = empty_type;
  CU_ASSERT_PTR_NULL(netan_paths_shortest(v, a, f, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);

  /* fewer than two entities, or one named twice */
  int64_t one[] = { a };
  CU_ASSERT_PTR_NULL(netan_paths_connect(v, one, 1, NULL, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_PTR_NULL(netan_paths_common_contacts(v, one, 1, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_PTR_NULL(netan_paths_connect(v, NULL, 0, NULL, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  int64_t twice[] = { a, f, a };
  netan_table_t *ents = (netan_table_t *)&e;  /* must be reset to NULL */
  CU_ASSERT_PTR_NULL(netan_paths_connect(v, twice, 3, NULL, &ents, &e));
  CU_ASSERT_PTR_NULL(ents);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_PTR_NULL(netan_paths_common_contacts(v, twice, 3, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  int64_t bad[] = { a, 999 };
  CU_ASSERT_PTR_NULL(netan_paths_connect(v, bad, 2, NULL, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);

  /* a merged entity stands for the one it was merged into: named twice */
  g_autoptr(netan_case_t) cm = harness_case("a-b b-c");
  int64_t a2 = netan_case_add_entity(cm, "person", "a2", NULL, NULL);
  g_assert(netan_case_merge(cm, id_of(cm, "a"), a2, "analyst:test", 1.0, NULL) >= 0);
  g_autoptr(netan_view_t) vm = harness_view(cm, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) tm = netan_paths_shortest(vm, a2, id_of(cm, "c"), NULL, &e);
  CU_ASSERT_PTR_NULL(e);
  ASSERT_PATH(tm, 1, "a>b>c");
  int64_t same[] = { id_of(cm, "a"), a2 };
  CU_ASSERT_PTR_NULL(netan_paths_common_contacts(vm, same, 2, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);

  /* stale view */
  netan_case_add_entity(c, "person", "new", NULL, NULL);
  CU_ASSERT_PTR_NULL(netan_paths_shortest(v, a, f, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_STALE);
  CU_ASSERT_PTR_NULL(netan_paths_ego(v, a, 1, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_STALE);
}

/* ---- a real network ---- */

static void
test_siren(void)
{
  /* Project Siren (Morselli 2009): every shortest path agrees with the
   * distance it reports, and the k shortest are sorted and distinct */
  g_autoptr(netan_case_t) c = netan_case_new();
  g_autofree char *path = harness_data("siren.csv");
  netan_edgelist_options_t eo = NETAN_EDGELIST_OPTIONS_INIT;
  g_autoptr(netan_ingest_report_t) r = netan_ingest_edgelist(c, path, &eo, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t from = netan_case_find_entity(c, "person", "1");
  int64_t to = netan_case_find_entity(c, "person", "44");
  CU_ASSERT_FATAL(from >= 0 && to >= 0);
  netan_path_options_t o = NETAN_PATH_OPTIONS_INIT;
  o.k = 5;
  g_autoptr(netan_table_t) k = netan_paths_shortest(v, from, to, &o, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(k);
  int64_t n = g_ascii_strtoll(meta(k, "n_paths"), NULL, 10);
  CU_ASSERT(n >= 1 && n <= 5);
  g_autoptr(netan_table_t) one = netan_paths_shortest(v, from, to, NULL, NULL);
  CU_ASSERT_DOUBLE_EQUAL(path_length(k, 1), path_length(one, 1), 1e-12);
  for (int64_t p = 2; p <= n; p++) {
    CU_ASSERT(path_length(k, p) >= path_length(k, p - 1) - 1e-12);
    g_autofree char *a = path_str(k, p - 1);
    g_autofree char *b = path_str(k, p);
    CU_ASSERT_STRING_NOT_EQUAL(a, b);
  }
  /* evidence names the file and line of each link */
  const char *ev = netan_table_get_string(one, 0, col(one, "evidence"));
  CU_ASSERT_PTR_NOT_NULL(strstr(ev, "contact link #"));
  CU_ASSERT_PTR_NOT_NULL(strstr(ev, "siren.csv:"));
  if (!strstr(ev, "siren.csv:"))
    printf("\n  evidence: %s\n", ev);
  /* sum of the step lengths is the path length */
  double sum = 0;
  for (int64_t row = 0; row < netan_table_n_rows(one); row++)
    sum += netan_table_get_double(one, row, col(one, "length"));
  CU_ASSERT_DOUBLE_EQUAL(sum, path_length(one, 1), 1e-12);
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return CU_get_error();
  static const harness_test_t paths[] = {
    { "/analysis/paths/path-graph", test_path_graph },
    { "/analysis/paths/two-triangles", test_two_triangles_paths },
    { "/analysis/paths/weighted-triangle", test_weighted_triangle },
    { "/analysis/paths/equal-lengths-with-rounding", test_equal_lengths_with_rounding },
    { "/analysis/paths/unreachable", test_unreachable },
    { "/analysis/paths/directed", test_directed },
    { "/analysis/paths/evidence", test_evidence },
    { "/analysis/paths/constraints", test_constraints },
    { "/analysis/paths/exclude", test_exclude },
    { "/analysis/paths/errors", test_errors },
    { "/analysis/paths/siren", test_siren },
    { NULL, NULL } };
  static const harness_test_t connect[] = {
    { "/analysis/paths/connect/two-triangles", test_connect_two_triangles },
    { "/analysis/paths/connect/shared-intermediary", test_connect_prefers_shared_intermediary },
    { "/analysis/paths/connect/disconnected", test_connect_disconnected },
    { "/analysis/paths/connect/directed", test_connect_directed },
    { "/analysis/paths/connect/progress-and-cancel", test_connect_progress_and_cancel },
    { NULL, NULL } };
  static const harness_test_t neighbourhood[] = {
    { "/analysis/paths/ego", test_ego },
    { "/analysis/paths/common-contacts", test_common_contacts },
    { NULL, NULL } };
  harness_add_suite("/analysis/paths", paths);
  harness_add_suite("/analysis/paths/connect", connect);
  harness_add_suite("/analysis/paths/neighbourhood", neighbourhood);
  return harness_run();
}
