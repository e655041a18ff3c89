/* /ingest/i18n-module: loading the netan-i18n module (i18n-module.c). It
 * is found where it is looked for; a module of another version is refused;
 * and when it cannot be loaded, every function that needs it fails with
 * NETAN_ERROR_BACKEND naming what was being done, the files tried and why,
 * while the rest of netan works. The loader is told to look only in given
 * directories (netan_i18n_i_reset()), so that the failures happen whatever
 * is installed on the machine.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include "ingest/i18n-module.h"

#include <glib/gstdio.h>
#include <string.h>

/* The loader looks in @dir alone from now on. */
static void
look_only_in(const char *dir)
{
  const char *dirs[] = { dir, NULL };
  netan_i18n_i_reset(dirs);
}

/* An empty directory of its own (harness_tmpdir() gets files). */
static const char *
empty_dir(void)
{
  static char *dir;
  if (dir == NULL) {
    dir = g_build_filename(harness_tmpdir(), "empty", NULL);
    g_assert(g_mkdir(dir, 0700) == 0);
  }
  return dir;
}

/* Asserts that @e is the module's load failure, for @doing; frees it. */
static void
assert_missing(GError **e, const char *doing)
{
  CU_ASSERT_PTR_NOT_NULL_FATAL(*e);
  CU_ASSERT_EQUAL((*e)->domain, NETAN_ERROR);
  CU_ASSERT_EQUAL((*e)->code, NETAN_ERROR_BACKEND);
  g_autofree char *path = g_build_filename(empty_dir(), "netan-i18n.so", NULL);
  ASSERT_CONTAINS((*e)->message, doing);
  ASSERT_CONTAINS((*e)->message, path);                            /* where */
  ASSERT_CONTAINS((*e)->message, "cannot open shared object file"); /* dlopen's reason */
  ASSERT_CONTAINS((*e)->message, "NETAN_MODULE_DIR");              /* what to do */
  g_clear_error(e);
}

static void
test_missing(void)
{
  look_only_in(empty_dir());
  GError *e = NULL;
  CU_ASSERT_PTR_NULL(netan_normalize(NETAN_NORMALIZE_PHONE, "069 053 0705", "RS", &e));
  assert_missing(&e, "normalizing phone numbers");
  CU_ASSERT_PTR_NULL(netan_normalize(NETAN_NORMALIZE_NAME, "Дритан Хоxха", NULL, &e));
  assert_missing(&e, "normalizing names");
  /* a second call says the same (one attempt per process) */
  CU_ASSERT_PTR_NULL(netan_normalize(NETAN_NORMALIZE_PHONE, "+381690530705", NULL, &e));
  assert_missing(&e, "normalizing phone numbers");

  /* the normalizers that need neither ICU nor libphonenumber work */
  char *k = netan_normalize(NETAN_NORMALIZE_PLATE, "bg 123-ab", NULL, &e);
  CU_ASSERT_PTR_NULL(e);
  CU_ASSERT_STRING_EQUAL(k, "BG123AB");
  g_free(k);

  /* the internal helpers answer "unknown" rather than fail */
  CU_ASSERT_FALSE(netan_norm_i_region_check("RS", &e));
  assert_missing(&e, "checking the phone region");
  CU_ASSERT_PTR_NULL(netan_phone_memo_new());
  CU_ASSERT_PTR_NULL(netan_norm_i_phone_idd("RS"));
  CU_ASSERT_FALSE(netan_norm_i_phone_has_country_code("381690530705"));
  CU_ASSERT_FALSE(netan_norm_i_phone_has_plan(381));
  CU_ASSERT_EQUAL(netan_norm_i_phone_valid(381, 690530705, 0, FALSE), -1);
  char intl[32] = "x", natl[32] = "x";
  netan_norm_i_phone_equal_spellings("+381690530705", "RS", intl, natl);
  CU_ASSERT_STRING_EQUAL(intl, "");
  CU_ASSERT_STRING_EQUAL(natl, "");
  /* ... and the cache keeps the reason of each value */
  netan_norm_cache_t *c = netan_norm_cache_new();
  const char *why = NULL;
  CU_ASSERT_PTR_NULL(netan_norm_cache_get(c, NETAN_NORMALIZE_PHONE, "RS", "069 053 0705", &why));
  CU_ASSERT_PTR_NOT_NULL_FATAL(why);
  ASSERT_CONTAINS(why, "netan-i18n.so");
  netan_norm_cache_free(c);
}

static void
test_missing_ingest(void)
{
  look_only_in(empty_dir());
  g_autofree char *cdr = harness_write("calls.csv", "caller,callee,type,start,duration\n"
                                       "069 053 0705,+381 64 444 5555,call,2026-11-02T10:00:00Z,60\n");
  g_autoptr(netan_case_t) c = netan_case_new();
  netan_ingest_options_t o = NETAN_INGEST_OPTIONS_INIT;
  o.kind = "cdr";
  GError *e = NULL;
  /* a spec with phones fails before any row, naming the file */
  CU_ASSERT_PTR_NULL(netan_ingest_file(c, cdr, &o, &e));
  CU_ASSERT_PTR_NOT_NULL_FATAL(e);
  ASSERT_CONTAINS(e->message, cdr);
  assert_missing(&e, "the phone normalizer");
  CU_ASSERT_EQUAL(netan_case_n_entities(c), 0);
  /* and so does a region, which libphonenumber checks */
  g_autofree char *plates = harness_write("plates.csv", "id,plate\n1,BG 123-AB\n");
  g_autofree char *spec = harness_write("plates.ini", "[entity:vehicle]\ntype = vehicle\nkey = plate\nnormalize = plate\n");
  o.kind = NULL;
  o.spec_path = spec;
  o.region = "RS";
  CU_ASSERT_PTR_NULL(netan_ingest_file(c, plates, &o, &e));
  assert_missing(&e, "checking the phone region");
  /* without one, a spec that needs neither ICU nor libphonenumber works */
  o.region = NULL;
  g_autoptr(netan_ingest_report_t) r = netan_ingest_file(c, plates, &o, &e);
  CU_ASSERT_PTR_NULL(e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_ingested(r), 1);
  g_clear_error(&e);
}

static void
test_other_version(void)
{
  /* a module whose table has another interface version */
  look_only_in(TEST_OTHER_MODULE_DIR);
  GError *e = NULL;
  CU_ASSERT_PTR_NULL(netan_normalize(NETAN_NORMALIZE_PHONE, "069 053 0705", "RS", &e));
  CU_ASSERT_PTR_NOT_NULL_FATAL(e);
  CU_ASSERT_EQUAL(e->code, NETAN_ERROR_BACKEND);
  ASSERT_CONTAINS(e->message, TEST_OTHER_MODULE_DIR "/netan-i18n.so");
  ASSERT_CONTAINS(e->message, "interface version 2, this libnetan needs 1");
  g_clear_error(&e);
}

static void
test_fallback(void)
{
  /* the places are tried in order: an empty one, then the build tree's */
  const char *module_dir = g_getenv("NETAN_MODULE_DIR");
  CU_ASSERT_PTR_NOT_NULL_FATAL(module_dir);
  const char *dirs[] = { empty_dir(), TEST_OTHER_MODULE_DIR, module_dir, NULL };
  netan_i18n_i_reset(dirs);
  GError *e = NULL;
  char *k = netan_normalize(NETAN_NORMALIZE_PHONE, "069 053 0705", "RS", &e);
  CU_ASSERT_PTR_NULL(e);
  CU_ASSERT_STRING_EQUAL(k, "+381690530705");
  g_free(k);
  g_clear_error(&e);
}

static gpointer
normalize_phone(gpointer data)
{
  return netan_normalize(NETAN_NORMALIZE_PHONE, "069 053 0705", "RS", NULL);
}

static void
test_first_use_in_threads(void)
{
  /* where netan normally looks ($NETAN_MODULE_DIR first), loaded once
   * although eight threads want it at the same time */
  netan_i18n_i_reset(NULL);
  GThread *t[8];
  for (int i = 0; i < 8; i++)
    t[i] = g_thread_new("normalize", normalize_phone, NULL);
  for (int i = 0; i < 8; i++) {
    char *k = g_thread_join(t[i]);
    CU_ASSERT_STRING_EQUAL(k ? k : "(null)", "+381690530705");
    g_free(k);
  }
  char *name = netan_normalize(NETAN_NORMALIZE_NAME, "HOXHA Dritan", NULL, NULL);
  CU_ASSERT_STRING_EQUAL(name ? name : "(null)", "dritan hoxha");
  g_free(name);
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return CU_get_error();
  static const harness_test_t tests[] = {
    { "/ingest/i18n-module/missing", test_missing },
    { "/ingest/i18n-module/missing-ingest", test_missing_ingest },
    { "/ingest/i18n-module/other-version", test_other_version },
    { "/ingest/i18n-module/fallback", test_fallback },
    { "/ingest/i18n-module/first-use-in-threads", test_first_use_in_threads },
    { NULL, NULL } };
  harness_add_suite("/ingest/i18n-module", tests);
  return harness_run();
}
