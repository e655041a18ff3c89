/* A small CUnit harness: suites named by module path, a main that returns
 * the failure count (CUnit's own exit status does not, BUILD-NOTES #9).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_TEST_HARNESS_H
#define NETAN_TEST_HARNESS_H

#include <CUnit/Basic.h>
#include <netan/netan.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  const char *name;
  void (*fn)(void);
} harness_test_t;

/* Registers one suite of tests ending with { NULL, NULL }. */
void harness_add_suite(const char *name, const harness_test_t *tests);
/* Runs all suites verbosely; returns 0 if all passed, 1 otherwise. */
int harness_run(void);

/* Path of a test data file: $NETAN_TEST_DATA/<name> (g_free()). */
char *harness_data(const char *name);
/* A fresh temporary directory for this process (removed at exit). */
const char *harness_tmpdir(void);
/* Writes @text to a new file in the temporary directory; returns its path. */
char *harness_write(const char *name, const char *text);

/* A case from "a-b:w b>c c->d ..." (the weight is optional; "-", ">"
 * and "->" all link; "x" alone adds an entity without links): person entities, contact
 * links. Free with netan_case_free(). */
netan_case_t *harness_case(const char *spec);
/* A view of @c (aborts the test program if it cannot be built). */
netan_view_t *harness_view(const netan_case_t *c, gboolean directed, netan_length_t length);

/* Asserts that reject @i of @r is at @line, @column and its reason holds
 * @reason_part (printing what it was when not). */
void harness_check_reject(const netan_ingest_report_t *r, int64_t i, int64_t line, int64_t column,
                          const char *reason_part);

/* Asserts that @e is a NETAN_ERROR with @code; frees it. */
/* Asserts that string @haystack contains @needle, printing both when not. */
#define ASSERT_CONTAINS(haystack, needle)                                       \
  do {                                                                          \
    if (strstr((haystack), (needle)) == NULL)                                   \
      fprintf(stderr, "\n  \"%s\" lacks \"%s\"\n", (haystack), (needle));       \
    CU_ASSERT_PTR_NOT_NULL(strstr((haystack), (needle)));                       \
  } while (0)

#define ASSERT_NETAN_ERROR(e, expected_code)                       \
  do {                                                             \
    CU_ASSERT_PTR_NOT_NULL_FATAL(e);                               \
    CU_ASSERT_EQUAL((e)->domain, NETAN_ERROR);                     \
    CU_ASSERT_EQUAL((e)->code, (expected_code));                   \
    g_clear_error(&(e));                                           \
  } while (0)

#endif
