/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "harness.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

static char *tmpdir;

static void
remove_tmpdir(void)
{
  if (tmpdir == NULL)
    return;
  GDir *d = g_dir_open(tmpdir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name(d)) != NULL) {
    g_autofree char *p = g_build_filename(tmpdir, name, NULL);
    g_remove(p);
  }
  if (d)
    g_dir_close(d);
  g_rmdir(tmpdir);
}

const char *
harness_tmpdir(void)
{
  if (tmpdir == NULL) {
    tmpdir = g_dir_make_tmp("netan-test-XXXXXX", NULL);
    g_assert(tmpdir != NULL);
    atexit(remove_tmpdir);
  }
  return tmpdir;
}

char *
harness_write(const char *name, const char *text)
{
  char *path = g_build_filename(harness_tmpdir(), name, NULL);
  g_assert(g_file_set_contents(path, text, -1, NULL));
  return path;
}

char *
harness_data(const char *name)
{
  const char *dir = g_getenv("NETAN_TEST_DATA");
  return g_build_filename(dir ? dir : "tests/data", name, NULL);
}

void
harness_add_suite(const char *name, const harness_test_t *tests)
{
  CU_pSuite s = CU_add_suite(name, NULL, NULL);
  g_assert(s != NULL);
  for (; tests->name; tests++)
    g_assert(CU_add_test(s, tests->name, tests->fn) != NULL);
}

int
harness_run(void)
{
  CU_basic_set_mode(CU_BRM_VERBOSE);
  CU_basic_run_tests();
  /* read the counts before cleanup clears them */
  unsigned failures = CU_get_number_of_failures() + CU_get_number_of_suites_failed();
  unsigned ran = CU_get_number_of_tests_run();
  CU_cleanup_registry();
  if (ran == 0)
    return 1;  /* a suite that ran nothing proves nothing */
  return failures ? 1 : 0;
}

void
harness_check_reject(const netan_ingest_report_t *r, int64_t i, int64_t line, int64_t column,
                     const char *reason_part)
{
  netan_reject_t rj;
  CU_ASSERT_TRUE_FATAL(netan_ingest_report_get_reject(r, i, &rj));
  CU_ASSERT_EQUAL(rj.line, line);
  CU_ASSERT_EQUAL(rj.column, column);
  CU_ASSERT_PTR_NOT_NULL(strstr(rj.reason, reason_part));
  if (rj.line != line || rj.column != column || !strstr(rj.reason, reason_part))
    fprintf(stderr, "reject %" G_GINT64_FORMAT ": %" G_GINT64_FORMAT ":%" G_GINT64_FORMAT " '%s' (want %"
            G_GINT64_FORMAT ":%" G_GINT64_FORMAT " '%s')\n", i, rj.line, rj.column, rj.reason, line, column,
            reason_part);
}

netan_case_t *
harness_case(const char *spec)
{
  netan_case_t *c = netan_case_new();
  g_auto(GStrv) items = g_strsplit(spec, " ", -1);
  for (char **it = items; *it; it++) {
    if (!**it)
      continue;
    g_auto(GStrv) wparts = g_strsplit(*it, ":", 2);
    g_auto(GStrv) ends = g_strsplit_set(wparts[0], "->", 2);  /* a-b, a>b or a->b */
    int64_t a = netan_case_add_entity(c, "person", ends[0], NULL, NULL);
    if (ends[1] == NULL)
      continue;
    const char *to = ends[1][0] == '>' ? ends[1] + 1 : ends[1];
    int64_t b = netan_case_add_entity(c, "person", to, NULL, NULL);
    double w = wparts[1] ? g_ascii_strtod(wparts[1], NULL) : 1.0;
    g_assert(netan_case_add_link(c, a, b, "contact", w, NULL, NULL) >= 0);
  }
  return c;
}

netan_view_t *
harness_view(const netan_case_t *c, gboolean directed, netan_length_t length)
{
  netan_view_options_t o = NETAN_VIEW_OPTIONS_INIT;
  o.directed = directed;
  o.length = length;
  netan_view_t *v = netan_view_build(c, &o, NULL);
  g_assert(v != NULL);
  return v;
}
