/* /util: the error domain, the version and the igraph gateway.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include "util/igraph-gate.h"

#include <string.h>

static void
test_error_quark(void)
{
  CU_ASSERT_EQUAL(NETAN_ERROR, g_quark_from_string("netan-error-quark"));
  CU_ASSERT_NOT_EQUAL(NETAN_ERROR, 0);
}

static void
test_version(void)
{
  CU_ASSERT_STRING_EQUAL(netan_version(), PACKAGE_VERSION);
}

/* Asks igraph for the neighbours of a vertex the graph does not have. */
static igraph_error_t
bad_vertex(void *data)
{
  igraph_t g;
  igraph_vector_int_t nei;
  IGRAPH_CHECK(igraph_empty(&g, 3, IGRAPH_UNDIRECTED));
  IGRAPH_FINALLY(igraph_destroy, &g);
  IGRAPH_VECTOR_INT_INIT_FINALLY(&nei, 0);
  IGRAPH_CHECK(igraph_neighbors(&g, &nei, 99, IGRAPH_ALL));
  igraph_vector_int_destroy(&nei);
  igraph_destroy(&g);
  IGRAPH_FINALLY_CLEAN(2);
  return IGRAPH_SUCCESS;
}

static igraph_error_t
good_call(void *data)
{
  igraph_t g;
  IGRAPH_CHECK(igraph_ring(&g, 5, IGRAPH_UNDIRECTED, FALSE, TRUE));
  *(igraph_integer_t *)data = igraph_ecount(&g);
  igraph_destroy(&g);
  return IGRAPH_SUCCESS;
}

static void
test_gate_error_becomes_gerror(void)
{
  /* whatever handler the host had is restored afterwards */
  igraph_error_handler_t *host = igraph_set_error_handler(igraph_error_handler_printignore);
  GError *e = NULL;
  netan_gi_call_t call = { .what = "neighbours" };
  CU_ASSERT_FALSE(netan_gi_run(&call, bad_vertex, NULL, &e));
  CU_ASSERT_PTR_NOT_NULL_FATAL(e);
  CU_ASSERT_EQUAL(e->domain, NETAN_ERROR);
  CU_ASSERT_EQUAL(e->code, NETAN_ERROR_BACKEND);
  /* igraph's own text, not a generic one */
  CU_ASSERT_PTR_NOT_NULL(strstr(e->message, "neighbours: igraph: "));
  CU_ASSERT_PTR_NOT_NULL(g_strrstr(e->message, "ertex"));
  g_clear_error(&e);
  CU_ASSERT_PTR_EQUAL(igraph_set_error_handler(host), igraph_error_handler_printignore);

  /* and the process goes on: the next call works */
  igraph_integer_t m = 0;
  CU_ASSERT_TRUE(netan_gi_run(&call, good_call, &m, &e));
  CU_ASSERT_PTR_NULL(e);
  CU_ASSERT_EQUAL(m, 5);
}

static igraph_error_t
draw_random(void *data)
{
  *(igraph_integer_t *)data = igraph_rng_get_integer(igraph_rng_default(), 0, 1000000);
  return IGRAPH_SUCCESS;
}

static void
test_gate_seed(void)
{
  igraph_integer_t a = -1, b = -2, c = -3;
  netan_gi_call_t seeded = { .what = "rng", .seed_rng = TRUE, .seed = 7 };
  netan_gi_call_t plain = { .what = "rng" };
  CU_ASSERT_TRUE(netan_gi_run(&seeded, draw_random, &a, NULL));
  CU_ASSERT_TRUE(netan_gi_run(&plain, draw_random, &c, NULL));  /* moves the RNG on */
  CU_ASSERT_TRUE(netan_gi_run(&seeded, draw_random, &b, NULL));
  CU_ASSERT_EQUAL(a, b);
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return CU_get_error();
  static const harness_test_t error[] = {
    { "/util/error/quark", test_error_quark },
    { "/util/error/version", test_version },
    { NULL, NULL } };
  static const harness_test_t gate[] = {
    { "/util/igraph-gate/error-becomes-gerror", test_gate_error_becomes_gerror },
    { "/util/igraph-gate/seed", test_gate_seed },
    { NULL, NULL } };
  harness_add_suite("/util/error", error);
  harness_add_suite("/util/igraph-gate", gate);
  return harness_run();
}
