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
    { NULL, NULL } };
  harness_add_suite("/model", tests);
  return harness_run();
}
