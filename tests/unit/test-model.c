/* /model: sources and gradings, events, attributes, provenance, merges.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"

#include <math.h>
#include <string.h>

static void
test_grading(void)
{
  GError *e = NULL;
  CU_ASSERT_TRUE(netan_grading_check("admiralty", "B2", NULL, &e));
  CU_ASSERT_TRUE(netan_grading_check("admiralty", "F6", NULL, &e));
  CU_ASSERT_FALSE(netan_grading_check("admiralty", "G1", NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_FALSE(netan_grading_check("admiralty", "B7", NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_TRUE(netan_grading_check("uk-3x5x2", "1A", "P", &e));
  CU_ASSERT_FALSE(netan_grading_check("uk-3x5x2", "4A", "P", &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_FALSE(netan_grading_check("uk-3x5x2", "1A", "X", &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, "handling code"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_TRUE(netan_grading_check("europol", "X4", "H3", &e));
  CU_ASSERT_FALSE(netan_grading_check("europol", "D1", "H0", &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_FALSE(netan_grading_check("europol", "A1", "H4", &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_FALSE(netan_grading_check("nato", "A1", NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
}

static void
test_sources(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  netan_source_info_t in = NETAN_SOURCE_INFO_INIT;
  in.name = "cdr_operator_rs.csv";
  in.agency = "Ministarstvo unutrašnjih poslova";
  in.jurisdiction = "RS";
  in.received = "2026-11-02";
  in.grading_scheme = "europol";
  in.grading = "B2";
  in.handling = "H1";
  CU_ASSERT_EQUAL(netan_case_add_source_info(c, &in, &e), 0);
  netan_source_info_t out;
  CU_ASSERT_TRUE(netan_case_get_source_info(c, 0, &out));
  CU_ASSERT_STRING_EQUAL(out.agency, "Ministarstvo unutrašnjih poslova");
  CU_ASSERT_STRING_EQUAL(out.jurisdiction, "RS");
  CU_ASSERT_STRING_EQUAL(out.handling, "H1");
  CU_ASSERT_PTR_NULL(out.sha256);
  in.jurisdiction = "Serbia";
  CU_ASSERT_EQUAL(netan_case_add_source_info(c, &in, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  in.jurisdiction = "XK";
  in.received = "02/11/2026";
  CU_ASSERT_EQUAL(netan_case_add_source_info(c, &in, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  in.received = NULL;
  in.handling = "H9";
  CU_ASSERT_EQUAL(netan_case_add_source_info(c, &in, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  in.handling = NULL;
  in.grading_scheme = NULL;
  CU_ASSERT_EQUAL(netan_case_add_source_info(c, &in, &e), -1);  /* grading without scheme */
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_EQUAL(netan_case_n_sources(c), 1);
}

static void
test_events(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  int64_t s = netan_case_add_source(c, "cdr.csv", NULL, NULL);
  int64_t a = netan_case_add_entity(c, "phone", "+355692123456", NULL, NULL);
  int64_t b = netan_case_add_entity(c, "phone", "+38163111222", NULL, NULL);
  netan_event_t ev = { a, b, "call", 1764288000, 95, NAN, NULL, { s, 7 } };
  CU_ASSERT_EQUAL(netan_case_add_event(c, &ev, &e), 0);
  ev.type = "transfer";
  ev.amount = 1500.5;
  ev.currency = "EUR";
  ev.duration = -1;
  CU_ASSERT_EQUAL(netan_case_add_event(c, &ev, &e), 1);
  netan_event_t out;
  CU_ASSERT_TRUE(netan_case_get_event(c, 1, &out));
  CU_ASSERT_STRING_EQUAL(out.type, "transfer");
  CU_ASSERT_STRING_EQUAL(out.currency, "EUR");
  CU_ASSERT_DOUBLE_EQUAL(out.amount, 1500.5, 0);
  CU_ASSERT_EQUAL(out.prov.row, 7);
  ev.to = 99;
  CU_ASSERT_EQUAL(netan_case_add_event(c, &ev, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  ev.to = -1;  /* a sighting with no counterpart is allowed */
  CU_ASSERT_EQUAL(netan_case_add_event(c, &ev, &e), 2);
  ev.duration = -5;
  CU_ASSERT_EQUAL(netan_case_add_event(c, &ev, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  ev.duration = 0;
  ev.prov.source_id = 4;
  CU_ASSERT_EQUAL(netan_case_add_event(c, &ev, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);

  /* events make edges: two calls a-b = strength 2 */
  netan_event_t call = { b, a, "call", 1764288100, 10, NAN, NULL, { s, 8 } };
  netan_case_add_event(c, &call, NULL);
  netan_view_options_t vo = NETAN_VIEW_OPTIONS_INIT;
  vo.link_type = "call";
  g_autoptr(netan_view_t) v = netan_view_build(c, &vo, &e);
  CU_ASSERT_EQUAL(netan_view_n_edges(v), 1);
  double strength;
  CU_ASSERT_TRUE(netan_view_get_edge(v, 0, NULL, NULL, &strength, NULL, NULL));
  CU_ASSERT_DOUBLE_EQUAL(strength, 2, 0);
  /* the edge's evidence: the two calls, in case order */
  CU_ASSERT_EQUAL(netan_view_edge_n_records(v, 0), 2);
  gboolean is_event;
  int64_t id;
  CU_ASSERT_TRUE(netan_view_edge_record(v, 0, 0, &is_event, &id));
  CU_ASSERT_TRUE(is_event);
  CU_ASSERT_EQUAL(id, 0);
  CU_ASSERT_TRUE(netan_view_edge_record(v, 0, 1, &is_event, &id));
  CU_ASSERT_EQUAL(id, 3);
  CU_ASSERT_FALSE(netan_view_edge_record(v, 0, 2, &is_event, &id));
}

static void
test_attributes_and_provenance(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  int64_t s1 = netan_case_add_source(c, "subscribers.csv", NULL, NULL);
  int64_t s2 = netan_case_add_source(c, "associations.csv", NULL, NULL);
  int64_t p = netan_case_add_entity(c, "person", "dritan hoxha", "Dritan Hoxha", NULL);
  netan_provenance_t r1 = { s1, 12 }, r2 = { s1, 40 }, r3 = { s2, 3 };
  CU_ASSERT_EQUAL(netan_case_add_attribute(c, p, "birth_date", "1981-04-02", &r1, &e), 0);
  CU_ASSERT_EQUAL(netan_case_add_attribute(c, p, "birth_date", "1981-04-03", &r3, &e), 1);
  CU_ASSERT_STRING_EQUAL(netan_case_entity_attribute(c, p, "birth_date"), "1981-04-03");
  CU_ASSERT_PTR_NULL(netan_case_entity_attribute(c, p, "nationality"));
  CU_ASSERT_EQUAL(netan_case_add_attribute(c, p, "x", "", &r1, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_TRUE(netan_case_note_entity(c, p, &r1, &e));
  CU_ASSERT_TRUE(netan_case_note_entity(c, p, &r2, &e));
  CU_ASSERT_TRUE(netan_case_note_entity(c, p, &r3, &e));
  g_autofree int64_t *src = NULL, *first = NULL;
  CU_ASSERT_EQUAL(netan_case_entity_provenance(c, p, &src, &first), 2);
  CU_ASSERT_EQUAL(src[0], s1);
  CU_ASSERT_EQUAL(first[0], 12);  /* the first row is kept */
  CU_ASSERT_EQUAL(src[1], s2);
}

static void
test_merges(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  int64_t a = netan_case_add_entity(c, "person", "dritan hoxha", "Dritan Hoxha", NULL);
  int64_t b = netan_case_add_entity(c, "person", "dritan hodza", "Дритан Хоџа", NULL);
  int64_t x = netan_case_add_entity(c, "person", "x", NULL, NULL);
  int64_t y = netan_case_add_entity(c, "person", "y", NULL, NULL);
  netan_case_add_link(c, a, x, "associate", 1, NULL, NULL);
  netan_case_add_link(c, b, y, "associate", 1, NULL, NULL);
  netan_case_add_link(c, a, b, "family", 1, NULL, NULL);
  g_autoptr(netan_view_t) before = netan_view_build(c, NULL, NULL);
  CU_ASSERT_EQUAL(netan_view_n_vertices(before), 4);

  int64_t m = netan_case_merge(c, a, b, "analyst:test", 0.93, &e);
  CU_ASSERT_EQUAL(m, 0);
  CU_ASSERT_EQUAL(netan_case_canonical(c, b), a);
  g_autoptr(netan_view_t) merged = netan_view_build(c, NULL, NULL);
  CU_ASSERT_EQUAL(netan_view_n_vertices(merged), 3);
  CU_ASSERT_EQUAL(netan_view_n_edges(merged), 2);  /* a-x, a-y; the a-b link became a loop */
  CU_ASSERT_EQUAL(netan_view_vertex(merged, b), netan_view_vertex(merged, a));
  /* the old view is stale */
  CU_ASSERT_PTR_NULL(netan_centrality_degree(before, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_STALE);

  CU_ASSERT_EQUAL(netan_case_merge(c, b, a, "again", 1, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_EQUAL(netan_case_merge(c, a, a, "self", 1, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);

  const char *rule;
  double score;
  gboolean active;
  CU_ASSERT_TRUE(netan_case_get_merge(c, m, NULL, NULL, &rule, &score, NULL, &active));
  CU_ASSERT_STRING_EQUAL(rule, "analyst:test");
  CU_ASSERT_TRUE(active);
  CU_ASSERT_TRUE(netan_case_unmerge(c, m, &e));
  CU_ASSERT_EQUAL(netan_case_canonical(c, b), b);
  CU_ASSERT_FALSE(netan_case_unmerge(c, m, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  g_autoptr(netan_view_t) after = netan_view_build(c, NULL, NULL);
  CU_ASSERT_EQUAL(netan_view_n_vertices(after), 4);
  CU_ASSERT_EQUAL(netan_view_n_edges(after), 3);
}

/* Two calls a-b (60 s at t=100, 30 s at t=200) from source 0 (handling
 * H1), a transfer a-c of 500 EUR and one of 900 ALL from source 1 (H2). */
static netan_case_t *
window_case(void)
{
  netan_case_t *c = netan_case_new();
  netan_source_info_t s0 = NETAN_SOURCE_INFO_INIT, s1 = NETAN_SOURCE_INFO_INIT;
  s0.name = "cdr"; s0.grading_scheme = "europol"; s0.handling = "H1";
  s1.name = "fiu"; s1.grading_scheme = "europol"; s1.handling = "H2";
  int64_t src0 = netan_case_add_source_info(c, &s0, NULL), src1 = netan_case_add_source_info(c, &s1, NULL);
  int64_t a = netan_case_add_entity(c, "x", "a", NULL, NULL);
  int64_t b = netan_case_add_entity(c, "x", "b", NULL, NULL);
  int64_t d = netan_case_add_entity(c, "x", "c", NULL, NULL);
  netan_event_t e1 = { a, b, "call", 100, 60, NAN, NULL, { src0, 2 } };
  netan_event_t e2 = { a, b, "call", 200, 30, NAN, NULL, { src0, 3 } };
  netan_event_t e3 = { a, d, "transfer", 150, -1, 500, "EUR", { src1, 2 } };
  netan_event_t e4 = { a, d, "transfer", 160, -1, 900, "ALL", { src1, 3 } };
  g_assert(netan_case_add_event(c, &e1, NULL) >= 0 && netan_case_add_event(c, &e2, NULL) >= 0 &&
           netan_case_add_event(c, &e3, NULL) >= 0 && netan_case_add_event(c, &e4, NULL) >= 0);
  return c;
}

static double
strength_between(const netan_view_t *v, int64_t a, int64_t b)
{
  for (int64_t e = 0; e < netan_view_n_edges(v); e++) {
    int64_t x, y;
    double s;
    netan_view_get_edge(v, e, &x, &y, &s, NULL, NULL);
    x = netan_view_entity(v, x);
    y = netan_view_entity(v, y);
    if ((x == a && y == b) || (x == b && y == a))
      return s;
  }
  return 0;
}

static void
test_view_selection(void)
{
  g_autoptr(netan_case_t) c = window_case();
  GError *e = NULL;
  netan_view_options_t o = NETAN_VIEW_OPTIONS_INIT;
  g_autoptr(netan_view_t) all = netan_view_build(c, &o, &e);
  CU_ASSERT_DOUBLE_EQUAL(strength_between(all, 0, 1), 2, 0);   /* two calls */
  CU_ASSERT_DOUBLE_EQUAL(strength_between(all, 0, 2), 2, 0);   /* two transfers */
  o.time_from = 150;
  o.time_to = 201;
  g_autoptr(netan_view_t) late = netan_view_build(c, &o, &e);
  CU_ASSERT_DOUBLE_EQUAL(strength_between(late, 0, 1), 1, 0);
  o.time_from = INT64_MIN;
  o.time_to = INT64_MAX;
  o.weight = NETAN_WEIGHT_DURATION;
  g_autoptr(netan_view_t) dur = netan_view_build(c, &o, &e);
  CU_ASSERT_DOUBLE_EQUAL(strength_between(dur, 0, 1), 90, 0);
  CU_ASSERT_EQUAL(netan_view_n_edges(dur), 1);  /* transfers have no duration */
  o.weight = NETAN_WEIGHT_AMOUNT;
  CU_ASSERT_PTR_NULL(netan_view_build(c, &o, &e));  /* EUR and ALL are not added up */
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, "several currencies"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  o.currency = "EUR";
  g_autoptr(netan_view_t) eur = netan_view_build(c, &o, &e);
  CU_ASSERT_DOUBLE_EQUAL(strength_between(eur, 0, 2), 500, 0);
  netan_view_options_t h = NETAN_VIEW_OPTIONS_INIT;
  const char *const codes[] = { "H2", NULL };
  h.handling = codes;
  g_autoptr(netan_view_t) fiu = netan_view_build(c, &h, &e);
  CU_ASSERT_EQUAL(netan_view_n_edges(fiu), 1);
  CU_ASSERT_DOUBLE_EQUAL(strength_between(fiu, 0, 2), 2, 0);
  netan_view_options_t so = NETAN_VIEW_OPTIONS_INIT;
  const int64_t only[] = { 0 };
  so.sources = only;
  so.n_sources = 1;
  so.min_weight = 2;
  g_autoptr(netan_view_t) cdr = netan_view_build(c, &so, &e);
  CU_ASSERT_EQUAL(netan_view_n_edges(cdr), 1);
  so.min_weight = 3;
  so.drop_isolates = TRUE;
  g_autoptr(netan_view_t) none = netan_view_build(c, &so, &e);
  CU_ASSERT_EQUAL(netan_view_n_edges(none), 0);
  CU_ASSERT_EQUAL(netan_view_n_vertices(none), 0);
  const int64_t bad[] = { 7 };
  so.sources = bad;
  CU_ASSERT_PTR_NULL(netan_view_build(c, &so, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  netan_view_options_t w = NETAN_VIEW_OPTIONS_INIT;
  w.time_from = 10;
  w.time_to = 10;
  CU_ASSERT_PTR_NULL(netan_view_build(c, &w, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return CU_get_error();
  static const harness_test_t tests[] = {
    { "/model/source/grading", test_grading },
    { "/model/source/info", test_sources },
    { "/model/event", test_events },
    { "/model/attribute-and-provenance", test_attributes_and_provenance },
    { "/model/merge", test_merges },
    { "/view/selection-window-sources-weights", test_view_selection },
    { NULL, NULL } };
  harness_add_suite("/model", tests);
  return harness_run();
}
