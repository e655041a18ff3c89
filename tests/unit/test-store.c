/* /store: case files (.netan): round trips, appends, kills, bad files.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include "model/case-private.h"
#include <netan/netan-store.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ------------------------------------------------------------ helpers */

static char *
tmp_path(const char *name)
{
  return g_build_filename(harness_tmpdir(), name, NULL);
}

static gboolean
str_eq0(const char *a, const char *b)
{
  return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static gboolean
prov_eq(netan_provenance_t a, netan_provenance_t b)
{
  return a.source_id == b.source_id && a.row == b.row;
}

#define DIFFER(...) do { g_printerr("\n    cases differ: " __VA_ARGS__); g_printerr("\n"); return FALSE; } while (0)

/* Compares two cases record by record, field by field; prints the first
 * difference. Interned strings (types, attribute names, currencies) must
 * be the same pointers. */
static gboolean
cases_equal(const netan_case_t *x, const netan_case_t *y)
{
  if (netan_case_n_sources(x) != netan_case_n_sources(y))
    DIFFER("sources %" G_GINT64_FORMAT " vs %" G_GINT64_FORMAT, netan_case_n_sources(x), netan_case_n_sources(y));
  for (int64_t i = 0; i < netan_case_n_sources(x); i++) {
    netan_source_info_t a, b;
    netan_case_get_source_info(x, i, &a);
    netan_case_get_source_info(y, i, &b);
    if (!str_eq0(a.name, b.name) || !str_eq0(a.agency, b.agency) || !str_eq0(a.jurisdiction, b.jurisdiction) ||
        !str_eq0(a.received, b.received) || !str_eq0(a.sha256, b.sha256) ||
        !str_eq0(a.grading_scheme, b.grading_scheme) || !str_eq0(a.grading, b.grading) ||
        !str_eq0(a.handling, b.handling))
      DIFFER("source %" G_GINT64_FORMAT " info", i);
    int64_t ra = -7, ia = -7, ja = -7, rb = -7, ib = -7, jb = -7;
    gboolean ka = netan_case_source_rows(x, i, &ra, &ia, &ja), kb = netan_case_source_rows(y, i, &rb, &ib, &jb);
    if (ka != kb || ra != rb || ia != ib || ja != jb)
      DIFFER("source %" G_GINT64_FORMAT " rows", i);
  }
  if (netan_case_n_entities(x) != netan_case_n_entities(y))
    DIFFER("entities %" G_GINT64_FORMAT " vs %" G_GINT64_FORMAT, netan_case_n_entities(x), netan_case_n_entities(y));
  for (int64_t i = 0; i < netan_case_n_entities(x); i++) {
    const char *t = netan_case_entity_type(x, i), *k = netan_case_entity_key(x, i);
    if (t != netan_case_entity_type(y, i) || strcmp(k, netan_case_entity_key(y, i)) != 0 ||
        strcmp(netan_case_entity_label(x, i), netan_case_entity_label(y, i)) != 0)
      DIFFER("entity %" G_GINT64_FORMAT " (%s %s)", i, t, k);
    if (netan_case_find_entity(y, t, k) != i)
      DIFFER("entity %" G_GINT64_FORMAT " not found by (type, key)", i);
    if (netan_case_canonical(x, i) != netan_case_canonical(y, i))
      DIFFER("canonical of entity %" G_GINT64_FORMAT, i);
    if (i >= 200)
      continue;  /* the public lookup scans all records: only for the first few */
    g_autofree int64_t *sa = NULL, *fa = NULL, *sb = NULL, *fb = NULL;
    int64_t na = netan_case_entity_provenance(x, i, &sa, &fa), nb = netan_case_entity_provenance(y, i, &sb, &fb);
    if (na != nb || (na > 0 && (memcmp(sa, sb, na * sizeof *sa) != 0 || memcmp(fa, fb, na * sizeof *fa) != 0)))
      DIFFER("provenance of entity %" G_GINT64_FORMAT, i);
  }
  /* the "seen" records themselves, in order */
  if (x->seen->len != y->seen->len)
    DIFFER("seen records %u vs %u", x->seen->len, y->seen->len);
  for (guint i = 0; i < x->seen->len; i++) {
    const netan_seen_rec_t *a = &g_array_index(x->seen, netan_seen_rec_t, i);
    const netan_seen_rec_t *b = &g_array_index(y->seen, netan_seen_rec_t, i);
    if (a->entity != b->entity || a->source_id != b->source_id || a->first_row != b->first_row)
      DIFFER("seen record %u", i);
  }
  if (netan_case_n_links(x) != netan_case_n_links(y))
    DIFFER("links");
  for (int64_t i = 0; i < netan_case_n_links(x); i++) {
    int64_t a1, b1, a2, b2;
    const char *t1, *t2;
    double w1, w2;
    netan_provenance_t p1, p2;
    netan_case_get_link(x, i, &a1, &b1, &t1, &w1, &p1);
    netan_case_get_link(y, i, &a2, &b2, &t2, &w2, &p2);
    if (a1 != a2 || b1 != b2 || t1 != t2 || w1 != w2 || !prov_eq(p1, p2))
      DIFFER("link %" G_GINT64_FORMAT, i);
  }
  if (netan_case_n_events(x) != netan_case_n_events(y))
    DIFFER("events %" G_GINT64_FORMAT " vs %" G_GINT64_FORMAT, netan_case_n_events(x), netan_case_n_events(y));
  for (int64_t i = 0; i < netan_case_n_events(x); i++) {
    netan_event_t a, b;
    netan_case_get_event(x, i, &a);
    netan_case_get_event(y, i, &b);
    if (a.from != b.from || a.to != b.to || a.type != b.type || a.time != b.time || a.duration != b.duration ||
        !(a.amount == b.amount || (isnan(a.amount) && isnan(b.amount))) || a.currency != b.currency ||
        !prov_eq(a.prov, b.prov))
      DIFFER("event %" G_GINT64_FORMAT, i);
  }
  if (netan_case_n_attributes(x) != netan_case_n_attributes(y))
    DIFFER("attributes");
  for (int64_t i = 0; i < netan_case_n_attributes(x); i++) {
    int64_t e1, e2;
    const char *n1, *n2, *v1, *v2;
    netan_provenance_t p1, p2;
    netan_case_get_attribute(x, i, &e1, &n1, &v1, &p1);
    netan_case_get_attribute(y, i, &e2, &n2, &v2, &p2);
    if (e1 != e2 || n1 != n2 || strcmp(v1, v2) != 0 || !prov_eq(p1, p2))
      DIFFER("attribute %" G_GINT64_FORMAT, i);
    if (!str_eq0(netan_case_entity_attribute(x, e1, n1), netan_case_entity_attribute(y, e2, n2)))
      DIFFER("last value of attribute %s of entity %" G_GINT64_FORMAT, n1, e1);
  }
  if (netan_case_n_merges(x) != netan_case_n_merges(y))
    DIFFER("merges");
  for (int64_t i = 0; i < netan_case_n_merges(x); i++) {
    int64_t a1, b1, a2, b2, t1, t2;
    const char *r1, *r2;
    double s1, s2;
    gboolean on1, on2;
    netan_case_get_merge(x, i, &a1, &b1, &r1, &s1, &t1, &on1);
    netan_case_get_merge(y, i, &a2, &b2, &r2, &s2, &t2, &on2);
    if (a1 != a2 || b1 != b2 || strcmp(r1, r2) != 0 || s1 != s2 || t1 != t2 || on1 != on2)
      DIFFER("merge %" G_GINT64_FORMAT, i);
  }
  return TRUE;
}

/* Runs SQL on a file directly, as another program would. */
static void
sql_on(const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  CU_ASSERT_EQUAL_FATAL(sqlite3_open(path, &db), SQLITE_OK);
  char *msg = NULL;
  int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
  if (rc != SQLITE_OK)
    g_printerr("\n    %s: %s\n", sql, msg);
  CU_ASSERT_EQUAL(rc, SQLITE_OK);
  sqlite3_free(msg);
  sqlite3_close(db);
}

/* The first column of the first row of @sql on a file, as text (g_free). */
static char *
sql_text(const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  char *out = NULL;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    out = g_strdup(sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "(null)");
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

/* SHA-256 of a file's bytes (g_free), to tell that it did not change. */
static char *
file_sha(const char *path)
{
  char *bytes = NULL;
  gsize len = 0;
  if (!g_file_get_contents(path, &bytes, &len, NULL))
    return NULL;
  char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
  g_free(bytes);
  return sum;
}

static char *
file_contents(const char *path)
{
  char *text = NULL;
  gsize len = 0;
  g_file_get_contents(path, &text, &len, NULL);
  return text;
}

static gboolean
file_exists(const char *path)
{
  return g_file_test(path, G_FILE_TEST_EXISTS);
}

static double
now_s(void)
{
  return g_get_monotonic_time() / 1e6;
}

/* A case with every kind of record, and the corner cases of each field. */
static netan_case_t *
full_case(void)
{
  netan_case_t *c = netan_case_new();
  GError *e = NULL;
  netan_source_info_t in = NETAN_SOURCE_INFO_INIT;
  in.name = "cdr_operator_rs.csv";
  in.agency = "Министарство унутрашњих послова / MUP";
  in.jurisdiction = "RS";
  in.received = "2026-11-02";
  in.sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  in.grading_scheme = "europol";
  in.grading = "B2";
  in.handling = "H1";
  int64_t s0 = netan_case_add_source_info(c, &in, &e);
  netan_case_i_set_source_rows(c, s0, 1200, 17);
  netan_source_info_t in1 = NETAN_SOURCE_INFO_INIT;
  in1.name = "subscribers_al.xlsx";
  in1.grading_scheme = "admiralty";
  in1.grading = "C3";
  in1.jurisdiction = "AL";
  int64_t s1 = netan_case_add_source_info(c, &in1, &e);
  int64_t s2 = netan_case_add_source(c, "analyst notes", NULL, &e);
  CU_ASSERT_PTR_NULL(e);

  int64_t ph1 = netan_case_add_entity(c, "phone", "+381631112222", NULL, NULL);
  int64_t ph2 = netan_case_add_entity(c, "phone", "+355692123456", "+355 69 212 3456", NULL);
  int64_t p1 = netan_case_add_entity(c, "person", "ivan petrovic", "Иван Петровић", NULL);
  int64_t p2 = netan_case_add_entity(c, "person", "ivan petrovich", "Ivan Petrovich", NULL);
  int64_t p3 = netan_case_add_entity(c, "person", "dritan hoxha", "dritan hoxha", NULL); /* label == key */
  int64_t p4 = netan_case_add_entity(c, "person", "d. hoxha", "D. Hoxha", NULL);
  int64_t v1 = netan_case_add_entity(c, "vehicle", "BG123AB", NULL, NULL);
  int64_t x1 = netan_case_add_entity(c, "drone", "DJI-1581F4", "Mavic 3 ‘grey’", NULL); /* custom type */
  int64_t acc = netan_case_add_entity(c, "account", "RS35105008123123123173", NULL, NULL);

  netan_provenance_t pr = { s1, 4 };
  CU_ASSERT(netan_case_add_link(c, p1, ph1, "uses", 1.0, &pr, NULL) >= 0);
  CU_ASSERT(netan_case_add_link(c, p3, v1, "owns", 2.5, NULL, NULL) >= 0);  /* asserted by a program */
  pr.source_id = s2;
  pr.row = -1;
  CU_ASSERT(netan_case_add_link(c, p1, p3, "associate", 0.125, &pr, NULL) >= 0);

  netan_event_t ev = { ph1, ph2, "call", 1764288000, 95, NAN, NULL, { s0, 2 } };
  CU_ASSERT(netan_case_add_event(c, &ev, NULL) >= 0);
  ev = (netan_event_t){ ph2, ph1, "sms", 1764288060, -1, NAN, NULL, { s0, 3 } };
  CU_ASSERT(netan_case_add_event(c, &ev, NULL) >= 0);
  ev = (netan_event_t){ acc, acc, "transfer", -86400, 0, 1500.25, "EUR", { s2, 1 } };
  CU_ASSERT(netan_case_add_event(c, &ev, NULL) >= 0);
  ev = (netan_event_t){ v1, -1, "crossing", INT64_C(4102444800), -1, -0.5, NULL, { s2, INT64_MAX } };
  CU_ASSERT(netan_case_add_event(c, &ev, NULL) >= 0);
  ev = (netan_event_t){ ph1, ph2, "call", 1764289000, 3600, 1e-300, "ALL", { s0, 0 } };
  CU_ASSERT(netan_case_add_event(c, &ev, NULL) >= 0);

  pr = (netan_provenance_t){ s1, 4 };
  CU_ASSERT(netan_case_add_attribute(c, p1, "birth_date", "1981-04-12", &pr, NULL) >= 0);
  CU_ASSERT(netan_case_add_attribute(c, p1, "address", "Bulevar kralja Aleksandra 73, Beograd", NULL, NULL) >= 0);
  pr.row = 9;
  CU_ASSERT(netan_case_add_attribute(c, p1, "birth_date", "1981-04-21", &pr, NULL) >= 0);
  CU_ASSERT(netan_case_add_attribute(c, x1, "note", "line 1\nline 2\t\"quoted\" 'x'", NULL, NULL) >= 0);

  netan_provenance_t seen[] = { { s1, 4 }, { s0, 2 }, { s2, 7 } };
  CU_ASSERT_TRUE(netan_case_note_entity(c, p1, &seen[0], NULL));
  CU_ASSERT_TRUE(netan_case_note_entity(c, ph1, &seen[1], NULL));
  CU_ASSERT_TRUE(netan_case_note_entity(c, ph1, &seen[0], NULL));
  CU_ASSERT_TRUE(netan_case_note_entity(c, p1, &seen[2], NULL));
  CU_ASSERT_TRUE(netan_case_note_entity(c, acc, &seen[2], NULL));

  /* merges: active, undone, re-merged elsewhere, a chain */
  int64_t m0 = netan_case_merge(c, p1, p2, "name:jaro-winkler+analyst:jdoe", 0.93, NULL);
  int64_t m1 = netan_case_merge(c, p1, p4, "analyst:jdoe", 0.5, NULL);
  CU_ASSERT_TRUE(netan_case_unmerge(c, m1, NULL));
  int64_t m2 = netan_case_merge(c, p3, p4, "exact:document", 1.0, NULL);
  int64_t m3 = netan_case_merge(c, p3, p1, "analyst:mk", 0.88, NULL);  /* p2 -> p1 -> p3 */
  CU_ASSERT(m0 >= 0 && m2 >= 0 && m3 >= 0);
  CU_ASSERT_EQUAL(netan_case_canonical(c, p2), p3);
  return c;
}

/* ------------------------------------------------------------ round trip */

static void
test_round_trip(void)
{
  g_autoptr(netan_case_t) c = full_case();
  g_autofree char *path = tmp_path("full.netan");
  GError *e = NULL;
  CU_ASSERT_TRUE_FATAL(netan_case_save(c, path, &e));
  g_autoptr(netan_case_t) d = netan_case_open(path, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_TRUE(cases_equal(c, d));

  /* what another SQLite client sees */
  g_autofree char *app = sql_text(path, "PRAGMA application_id");
  g_autofree char *ver = sql_text(path, "PRAGMA user_version");
  g_autofree char *mode = sql_text(path, "PRAGMA journal_mode");
  g_autofree char *schema = sql_text(path, "SELECT value FROM meta WHERE key = 'schema_version'");
  g_autofree char *uuid = sql_text(path, "SELECT value FROM meta WHERE key = 'case_uuid'");
  g_autofree char *rev = sql_text(path, "SELECT value FROM meta WHERE key = 'revision'");
  g_autofree char *label = sql_text(path, "SELECT label FROM entity WHERE key = '+381631112222'");
  g_autofree char *label3 = sql_text(path, "SELECT label FROM entity WHERE key = 'dritan hoxha'");
  g_autofree char *fk = sql_text(path, "SELECT count(*) FROM pragma_foreign_key_check");
  g_autofree char *integrity = sql_text(path, "PRAGMA integrity_check");
  CU_ASSERT_STRING_EQUAL(app, "1313166414");  /* 0x4E45544E, 'NETN' */
  CU_ASSERT_STRING_EQUAL(ver, "1");
  CU_ASSERT_STRING_EQUAL(mode, "delete");
  CU_ASSERT_STRING_EQUAL(schema, "1");
  CU_ASSERT_TRUE(uuid && g_uuid_string_is_valid(uuid));
  CU_ASSERT_STRING_EQUAL(rev, "1");
  CU_ASSERT_STRING_EQUAL(label, "(null)");  /* no label: the key is shown */
  CU_ASSERT_STRING_EQUAL(label3, "(null)");
  CU_ASSERT_STRING_EQUAL(fk, "0");
  CU_ASSERT_STRING_EQUAL(integrity, "ok");

  /* saving with nothing new leaves the file as it was */
  GStatBuf before, after;
  CU_ASSERT_EQUAL(g_stat(path, &before), 0);
  g_usleep(20000);
  CU_ASSERT_TRUE(netan_case_save(d, path, &e));
  CU_ASSERT_TRUE(netan_case_save(c, path, &e));
  CU_ASSERT_EQUAL(g_stat(path, &after), 0);
  CU_ASSERT_EQUAL(before.st_mtime, after.st_mtime);
  CU_ASSERT_EQUAL(before.st_size, after.st_size);
  g_autofree char *rev2 = sql_text(path, "SELECT value FROM meta WHERE key = 'revision'");
  CU_ASSERT_STRING_EQUAL(rev2, "1");
  CU_ASSERT_PTR_NULL(e);
}

static void
test_empty_case(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  g_autofree char *path = tmp_path("empty-case.netan");
  GError *e = NULL;
  CU_ASSERT_TRUE_FATAL(netan_case_save(c, path, &e));
  g_autoptr(netan_case_t) d = netan_case_open(path, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_TRUE(cases_equal(c, d));

  /* an empty file (e.g. from mkstemp) is a place to create a case file */
  g_autofree char *zero = harness_write("zero.netan", "");
  g_autoptr(netan_case_t) f = full_case();
  CU_ASSERT_TRUE(netan_case_save(f, zero, &e));
  g_autoptr(netan_case_t) g = netan_case_open(zero, &e);
  CU_ASSERT_TRUE(g && cases_equal(f, g));
  CU_ASSERT_PTR_NULL(e);
}

/* ------------------------------------------------------------ appends */

static const char *const tables[] = { "source", "entity", "link", "event", "attribute", "entity_seen", "merge" };

/* Triggers that log every insert, update and delete into test_changes. */
static void
watch_changes(const char *path)
{
  GString *sql = g_string_new("CREATE TABLE test_changes (what TEXT);\n");
  for (gsize i = 0; i < G_N_ELEMENTS(tables); i++) {
    const char *ops[] = { "INSERT", "UPDATE", "DELETE" };
    for (gsize j = 0; j < G_N_ELEMENTS(ops); j++)
      g_string_append_printf(sql, "CREATE TRIGGER test_%s_%s AFTER %s ON %s BEGIN "
                             "INSERT INTO test_changes VALUES ('%s %s'); END;\n",
                             ops[j], tables[i], ops[j], tables[i], ops[j], tables[i]);
  }
  sql_on(path, sql->str);
  g_string_free(sql, TRUE);
}

static int64_t
changes(const char *path, const char *what)
{
  g_autofree char *sql = g_strdup_printf("SELECT count(*) FROM test_changes WHERE what = '%s'", what);
  g_autofree char *n = sql_text(path, sql);
  return n ? g_ascii_strtoll(n, NULL, 10) : -1;
}

static void
test_append(void)
{
  g_autoptr(netan_case_t) c = full_case();
  g_autofree char *path = tmp_path("append.netan");
  GError *e = NULL;
  CU_ASSERT_TRUE_FATAL(netan_case_save(c, path, &e));
  watch_changes(path);

  g_autoptr(netan_case_t) d = netan_case_open(path, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  /* one more of every kind, and the two kinds of change */
  int64_t s = netan_case_add_source(d, "cdr_operator_xk.csv", NULL, NULL);
  int64_t ph = netan_case_add_entity(d, "phone", "+38344123456", NULL, NULL);
  int64_t ph1 = netan_case_find_entity(d, "phone", "+381631112222");
  int64_t p4 = netan_case_find_entity(d, "person", "d. hoxha");
  int64_t v1 = netan_case_find_entity(d, "vehicle", "BG123AB");
  netan_provenance_t pr = { s, 1 };
  netan_event_t ev = { ph, ph1, "call", 1764300000, 12, NAN, NULL, pr };
  CU_ASSERT(netan_case_add_event(d, &ev, NULL) >= 0);
  ev.time += 60;
  pr.row = 2;
  ev.prov = pr;
  CU_ASSERT(netan_case_add_event(d, &ev, NULL) >= 0);
  CU_ASSERT(netan_case_add_link(d, ph, ph1, "contact", 2, &pr, NULL) >= 0);
  CU_ASSERT(netan_case_add_attribute(d, ph, "operator", "Vala", &pr, NULL) >= 0);
  CU_ASSERT_TRUE(netan_case_note_entity(d, ph, &pr, NULL));
  CU_ASSERT_TRUE(netan_case_note_entity(d, ph1, &pr, NULL));
  netan_case_i_set_source_rows(d, s, 2, 0);
  netan_case_i_set_source_rows(d, 2, 10, 1);           /* rows of an old source become known */
  CU_ASSERT_TRUE(netan_case_unmerge(d, 0, NULL));      /* an old merge is undone */
  CU_ASSERT(netan_case_merge(d, v1, p4, "test", 0.1, NULL) < 0);  /* p4 is merged already */
  CU_ASSERT(netan_case_merge(d, ph1, ph, "analyst:jdoe", 0.7, NULL) >= 0);
  CU_ASSERT_TRUE_FATAL(netan_case_save(d, path, &e));

  g_autoptr(netan_case_t) f = netan_case_open(path, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(f);
  CU_ASSERT_TRUE(cases_equal(d, f));
  /* only the new rows were written, and the two changed ones rewritten */
  CU_ASSERT_EQUAL(changes(path, "INSERT source"), 1);
  CU_ASSERT_EQUAL(changes(path, "INSERT entity"), 1);
  CU_ASSERT_EQUAL(changes(path, "INSERT link"), 1);
  CU_ASSERT_EQUAL(changes(path, "INSERT event"), 2);
  CU_ASSERT_EQUAL(changes(path, "INSERT attribute"), 1);
  CU_ASSERT_EQUAL(changes(path, "INSERT entity_seen"), 2);
  CU_ASSERT_EQUAL(changes(path, "INSERT merge"), 1);
  CU_ASSERT_EQUAL(changes(path, "UPDATE merge"), 1);
  CU_ASSERT_EQUAL(changes(path, "UPDATE source"), 1);
  g_autofree char *total = sql_text(path, "SELECT count(*) FROM test_changes");
  CU_ASSERT_STRING_EQUAL(total, "11");
  g_autofree char *rev = sql_text(path, "SELECT value FROM meta WHERE key = 'revision'");
  CU_ASSERT_STRING_EQUAL(rev, "2");
  g_autofree char *fk = sql_text(path, "SELECT count(*) FROM pragma_foreign_key_check");
  CU_ASSERT_STRING_EQUAL(fk, "0");

  /* and again from the same in-memory case: the file follows it */
  CU_ASSERT(netan_case_add_entity(d, "email", "x@example.org", NULL, NULL) >= 0);
  CU_ASSERT_TRUE(netan_case_save(d, path, &e));
  g_autoptr(netan_case_t) g = netan_case_open(path, &e);
  CU_ASSERT_TRUE(g && cases_equal(d, g));

  /* the first case's view of the file is two saves old: refused */
  CU_ASSERT(netan_case_add_entity(c, "email", "y@example.org", NULL, NULL) >= 0);
  CU_ASSERT_FALSE(netan_case_save(c, path, &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, path));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  g_autoptr(netan_case_t) h = netan_case_open(path, &e);
  CU_ASSERT_TRUE(h && cases_equal(d, h));
}

static void
test_other_case_refused(void)
{
  g_autoptr(netan_case_t) a = full_case();
  g_autoptr(netan_case_t) b = netan_case_new();
  netan_case_add_entity(b, "phone", "+38970111222", NULL, NULL);
  g_autofree char *fa = tmp_path("a.netan"), *fb = tmp_path("b.netan"), *fc = tmp_path("c.netan");
  GError *e = NULL;
  CU_ASSERT_TRUE_FATAL(netan_case_save(a, fa, &e));
  CU_ASSERT_TRUE_FATAL(netan_case_save(b, fb, &e));
  g_autofree char *before = file_sha(fb);

  CU_ASSERT_FALSE(netan_case_save(a, fb, &e));       /* a's case into b's file */
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, "another case"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  g_autoptr(netan_case_t) fresh = netan_case_new();   /* a case never saved, into b's file */
  CU_ASSERT_FALSE(netan_case_save(fresh, fb, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  g_autofree char *after = file_sha(fb);
  CU_ASSERT_TRUE(before && after && strcmp(before, after) == 0);

  /* save as: the case belongs to the new file from then on */
  CU_ASSERT_TRUE(netan_case_save(a, fc, &e));
  g_autofree char *ua = sql_text(fa, "SELECT value FROM meta WHERE key = 'case_uuid'");
  g_autofree char *uc = sql_text(fc, "SELECT value FROM meta WHERE key = 'case_uuid'");
  CU_ASSERT_TRUE(ua && uc && strcmp(ua, uc) == 0);  /* the same case */
  netan_case_add_entity(a, "phone", "+38970999000", NULL, NULL);
  CU_ASSERT_TRUE(netan_case_save(a, fc, &e));
  CU_ASSERT_FALSE(netan_case_save(a, fa, &e));       /* fa is behind fc: not this case's state */
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  g_autoptr(netan_case_t) ca = netan_case_open(fc, &e);
  CU_ASSERT_TRUE(ca && cases_equal(a, ca));
}

/* ------------------------------------------------------------ bad files */

static void
test_not_found(void)
{
  GError *e = NULL;
  g_autofree char *path = tmp_path("missing.netan");
  CU_ASSERT_PTR_NULL(netan_case_open(path, &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, path));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  CU_ASSERT_PTR_NULL(netan_case_open(harness_tmpdir(), &e));  /* a directory */
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);
  g_autoptr(netan_case_t) c = netan_case_new();
  CU_ASSERT_FALSE(netan_case_save(c, harness_tmpdir(), &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  g_autofree char *nodir = tmp_path("no/such/dir/x.netan");
  CU_ASSERT_FALSE(netan_case_save(c, nodir, &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, nodir) && strstr(e->message, "unable to open"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_IO);
}

static void
test_not_sqlite(void)
{
  GError *e = NULL;
  const char *text = "from,to,time\n+38163111222,+355692123456,2026-11-02T10:00:00\n"
                     "this file is long enough to have a header of 100 bytes, like a database would.\n";
  g_autofree char *path = harness_write("calls.netan", text);
  CU_ASSERT_PTR_NULL(netan_case_open(path, &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, path) && strstr(e->message, "is not a netan case file") &&
                         strstr(e->message, "file is not a database"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);
  g_autoptr(netan_case_t) c = full_case();
  CU_ASSERT_FALSE(netan_case_save(c, path, &e));     /* never overwritten */
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);
  g_autofree char *after = file_contents(path);
  CU_ASSERT_STRING_EQUAL(after, text);
  g_autofree char *journal = g_strconcat(path, "-journal", NULL);
  CU_ASSERT_FALSE(file_exists(journal));
}

static void
test_other_sqlite(void)
{
  GError *e = NULL;
  g_autofree char *path = tmp_path("browser-history.sqlite");
  sql_on(path, "CREATE TABLE visits (url TEXT, time INTEGER); INSERT INTO visits VALUES ('https://example.org', 1);");
  CU_ASSERT_PTR_NULL(netan_case_open(path, &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, path) && strstr(e->message, "is not a netan case file"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);
  g_autoptr(netan_case_t) c = full_case();
  CU_ASSERT_FALSE(netan_case_save(c, path, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);
  g_autofree char *n = sql_text(path, "SELECT count(*) FROM sqlite_master");
  CU_ASSERT_STRING_EQUAL(n, "1");

  /* an empty SQLite database with a foreign application id is not ours either */
  g_autofree char *other = tmp_path("other-app.db");
  sql_on(other, "PRAGMA application_id = 1234;");
  CU_ASSERT_PTR_NULL(netan_case_open(other, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);
  CU_ASSERT_FALSE(netan_case_save(c, other, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);
}

static void
test_newer_schema(void)
{
  GError *e = NULL;
  g_autoptr(netan_case_t) c = full_case();
  g_autofree char *path = tmp_path("future.netan");
  CU_ASSERT_TRUE_FATAL(netan_case_save(c, path, &e));
  sql_on(path, "PRAGMA user_version = 2; ALTER TABLE event ADD COLUMN cell_id TEXT;");
  CU_ASSERT_PTR_NULL(netan_case_open(path, &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, path) &&
                         strstr(e->message, "written by a newer netan (schema 2, this netan reads up to 1)"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  netan_case_add_entity(c, "phone", "+38970111222", NULL, NULL);
  CU_ASSERT_FALSE(netan_case_save(c, path, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
}

/* A case big enough to span many pages. */
static netan_case_t *
big_case(int64_t n_entities, int64_t n_events, uint32_t seed)
{
  netan_case_t *c = netan_case_new();
  int64_t s = netan_case_add_source(c, "cdr.csv", NULL, NULL);
  netan_case_i_set_source_rows(c, s, n_events, 0);
  char key[32];
  for (int64_t i = 0; i < n_entities; i++) {
    g_snprintf(key, sizeof key, "+3816%08" G_GINT64_MODIFIER "d", i * 7919 % 100000000);
    int64_t id = netan_case_add_entity(c, "phone", key, NULL, NULL);
    netan_provenance_t p = { s, i + 1 };
    netan_case_note_entity(c, id, &p, NULL);
  }
  uint32_t x = seed;
  for (int64_t i = 0; i < n_events; i++) {
    x = x * 1664525u + 1013904223u;
    int64_t a = (x >> 8) % n_entities;
    x = x * 1664525u + 1013904223u;
    int64_t b = (x >> 8) % n_entities;
    netan_event_t ev = { a, b, i % 10 == 9 ? "transfer" : "call", 1764288000 + i * 13, i % 10 == 9 ? -1 : (int64_t)(x % 1800),
                         i % 10 == 9 ? (double)(x % 100000) / 100 : NAN, i % 10 == 9 ? "EUR" : NULL, { s, i + 2 } };
    netan_case_add_event(c, &ev, NULL);
  }
  return c;
}

static void
test_corrupted(void)
{
  GError *e = NULL;
  g_autoptr(netan_case_t) c = big_case(2000, 50000, 7);
  g_autofree char *good = tmp_path("good.netan");
  CU_ASSERT_TRUE_FATAL(netan_case_save(c, good, &e));
  g_autofree char *bytes = NULL;
  gsize len = 0;
  CU_ASSERT_TRUE_FATAL(g_file_get_contents(good, &bytes, &len, NULL));
  CU_ASSERT_FATAL(len > 100000);

  /* a page in the middle overwritten with garbage */
  g_autofree char *garbled = g_memdup2(bytes, len);
  gsize page = 8192, at = (len / 2) / page * page;
  for (gsize i = 0; i < page; i++)
    garbled[at + i] = (char)(0xA5 ^ (i * 31));
  g_autofree char *p1 = tmp_path("garbled.netan");
  CU_ASSERT_TRUE(g_file_set_contents(p1, garbled, len, NULL));
  CU_ASSERT_PTR_NULL(netan_case_open(p1, &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, p1) && strstr(e->message, "damaged"));
  if (e) printf("\n    garbled page: %s\n", e->message);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);

  /* cut in half */
  g_autofree char *p2 = tmp_path("truncated.netan");
  CU_ASSERT_TRUE(g_file_set_contents(p2, bytes, len / 2, NULL));
  CU_ASSERT_PTR_NULL(netan_case_open(p2, &e));
  if (e) printf("    truncated: %s\n", e->message);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);

  /* the header destroyed */
  g_autofree char *headless = g_memdup2(bytes, len);
  memset(headless, 0, 100);
  g_autofree char *p3 = tmp_path("headless.netan");
  CU_ASSERT_TRUE(g_file_set_contents(p3, headless, len, NULL));
  CU_ASSERT_PTR_NULL(netan_case_open(p3, &e));
  if (e) printf("    header zeroed: %s\n", e->message);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);

  /* valid SQLite, inconsistent case: edited behind netan's back */
  struct { const char *name, *sql, *expect; } edits[] = {
    { "dangling.netan", "UPDATE event SET from_entity = 999999 WHERE id = 3", "event 3" },
    { "gap.netan", "UPDATE entity SET id = 5000 WHERE id = 1999", "ids are not" },
    { "cycle.netan", "INSERT INTO merge VALUES (0, 0, 1, 'x', 1, 0, 1); INSERT INTO merge VALUES (1, 1, 0, 'x', 1, 0, 1)",
      "cycle" },
    { "twice.netan", "INSERT INTO merge VALUES (0, 0, 1, 'x', 1, 0, 1); INSERT INTO merge VALUES (1, 2, 1, 'x', 1, 0, 1)",
      "merged twice" },
    { "nometa.netan", "DELETE FROM meta WHERE key = 'case_uuid'", "case_uuid" },
    { "notable.netan", "DROP TABLE entity_seen", "no such table" },
    { "badtype.netan", "UPDATE entity SET type = '' WHERE id = 0", "entity 0" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(edits); i++) {
    g_autofree char *p = tmp_path(edits[i].name);
    CU_ASSERT_TRUE(g_file_set_contents(p, bytes, len, NULL));
    sql_on(p, edits[i].sql);
    CU_ASSERT_PTR_NULL(netan_case_open(p, &e));
    CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, p) && strstr(e->message, edits[i].expect));
    if (e) printf("    %s\n", e->message);
    ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);
  }
}

/* ------------------------------------------------------------ read-only directory */

/* Run as a user who cannot write @dir: creating a file there and appending
 * to @existing (which needs a journal beside it) fail with IO errors and
 * change nothing; reading works. Returns the number of failed checks. */
static int
readonly_checks(const char *dir, const char *existing, int64_t n_events)
{
  int failed = 0;
#define CHECK(cond) do { if (!(cond)) { g_printerr("\n    read-only check failed: %s\n", #cond); failed++; } } while (0)
  GError *e = NULL;
  g_autofree char *fresh = g_build_filename(dir, "new.netan", NULL);
  netan_case_t *c = full_case();
  CHECK(!netan_case_save(c, fresh, &e));
  CHECK(e && e->domain == NETAN_ERROR && e->code == NETAN_ERROR_IO && strstr(e->message, fresh));
  if (e) printf("\n    create: %s\n", e->message);
  g_clear_error(&e);
  CHECK(!file_exists(fresh));
  netan_case_free(c);

  netan_case_t *d = netan_case_open(existing, &e);
  CHECK(d != NULL && netan_case_n_events(d) == n_events);
  g_clear_error(&e);
  if (d != NULL) {
    netan_event_t ev;
    netan_case_get_event(d, 0, &ev);
    CHECK(netan_case_add_event(d, &ev, NULL) == n_events);
    CHECK(!netan_case_save(d, existing, &e));
    CHECK(e && e->domain == NETAN_ERROR && e->code == NETAN_ERROR_IO && strstr(e->message, existing));
    if (e) printf("    append: %s\n", e->message);
    g_clear_error(&e);
    netan_case_free(d);
    d = netan_case_open(existing, &e);
    CHECK(d != NULL && netan_case_n_events(d) == n_events);
    g_clear_error(&e);
    netan_case_free(d);
  }
  return failed;
#undef CHECK
}

static void
test_readonly_dir(void)
{
  g_autofree char *dir = g_dir_make_tmp("netan-ro-XXXXXX", NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
  g_autofree char *existing = g_build_filename(dir, "case.netan", NULL);
  g_autoptr(netan_case_t) c = big_case(100, 1000, 3);
  GError *e = NULL;
  CU_ASSERT_TRUE_FATAL(netan_case_save(c, existing, &e));
  CU_ASSERT_EQUAL(g_chmod(existing, 0666), 0);
  CU_ASSERT_EQUAL(g_chmod(dir, 0555), 0);
  fflush(stdout);
  if (geteuid() != 0) {
    CU_ASSERT_EQUAL(readonly_checks(dir, existing, 1000), 0);
  } else {
    /* root writes anywhere: drop to nobody in a child to meet the permissions */
    pid_t pid = fork();
    CU_ASSERT_FATAL(pid >= 0);
    if (pid == 0) {
      if (setgid(65534) != 0 || setuid(65534) != 0)
        _exit(77);
      int failed = readonly_checks(dir, existing, 1000);
      fflush(stdout);
      _exit(failed);
    }
    int status = 0;
    CU_ASSERT_EQUAL(waitpid(pid, &status, 0), pid);
    CU_ASSERT_TRUE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 77)
      printf("\n    (skipped: cannot switch to an unprivileged user)\n");
    else
      CU_ASSERT_EQUAL(WEXITSTATUS(status), 0);
  }
  CU_ASSERT_EQUAL(g_chmod(dir, 0755), 0);
  g_autoptr(netan_case_t) d = netan_case_open(existing, &e);
  CU_ASSERT_TRUE(d && cases_equal(c, d));
  g_autofree char *fresh = g_build_filename(dir, "new.netan", NULL);
  g_unlink(fresh);
  g_unlink(existing);
  CU_ASSERT_EQUAL(g_rmdir(dir), 0);
}

/* ------------------------------------------------------------ killed mid-save */

static void
exit_now(int sig)
{
  (void)sig;
  _exit(3);  /* async-signal-safe: no atexit handlers, no flushing, no SQLite cleanup */
}

/* Starts a save of @c to @path in a child, stops it by @how mid-transaction
 * once the file has grown by @grow bytes (pages already written into the
 * case file) or, with @grow 0, as soon as the journal exists. Returns TRUE
 * if the child was stopped during the transaction. */
static gboolean
kill_mid_save(netan_case_t *c, const char *path, int how, goffset grow)
{
  g_autofree char *journal = g_strconcat(path, "-journal", NULL);
  GStatBuf sb;
  CU_ASSERT_EQUAL(g_stat(path, &sb), 0);
  goffset size0 = sb.st_size;
  fflush(stdout);
  pid_t pid = fork();
  CU_ASSERT_FATAL(pid >= 0);
  if (pid == 0) {
    signal(SIGUSR1, exit_now);
    gboolean ok = netan_case_save(c, path, NULL);
    _exit(ok ? 0 : 1);
  }
  gboolean seen = FALSE;
  double t0 = now_s();
  while (now_s() - t0 < 60) {
    int status;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      g_printerr("\n    the save finished before it could be interrupted (status %d)\n", status);
      return FALSE;
    }
    if (file_exists(journal) && (grow == 0 || (g_stat(path, &sb) == 0 && sb.st_size >= size0 + grow))) {
      seen = TRUE;
      break;
    }
    g_usleep(200);
  }
  kill(pid, how);
  int status = 0;
  CU_ASSERT_EQUAL(waitpid(pid, &status, 0), pid);
  gboolean stopped = how == SIGKILL ? WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL
                                    : WIFEXITED(status) && WEXITSTATUS(status) == 3;
  CU_ASSERT_TRUE(seen);
  CU_ASSERT_TRUE(stopped);
  /* the transaction was cut: its journal is left behind, hot */
  CU_ASSERT_TRUE(file_exists(journal));
  if (g_stat(path, &sb) == 0)
    printf("\n    stopped mid-save: file %.1f MB (was %.1f MB), journal left\n", sb.st_size / 1e6, size0 / 1e6);
  return seen && stopped;
}

static void
test_killed_mid_save(void)
{
  GError *e = NULL;
  g_autofree char *path = tmp_path("killed.netan");
  g_autofree char *journal = g_strconcat(path, "-journal", NULL);
  g_autoptr(netan_case_t) c = big_case(5000, 20000, 11);
  CU_ASSERT_TRUE_FATAL(netan_case_save(c, path, &e));
  g_autoptr(netan_case_t) committed = netan_case_open(path, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(committed);

  /* a big append: more than the page cache, so pages reach the file before the commit */
  int64_t n0 = netan_case_n_events(c), n_entities = netan_case_n_entities(c);
  for (int64_t i = 0; i < 1500000; i++) {
    netan_event_t ev = { i % n_entities, (i * 31) % n_entities, "call", 1764300000 + i, i % 600, NAN, NULL,
                         { 0, n0 + i + 2 } };
    netan_case_add_event(c, &ev, NULL);
  }
  netan_case_add_entity(c, "person", "someone new", NULL, NULL);

  /* 1: SIGKILL once 16 MB of the new pages are in the file */
  CU_ASSERT_TRUE(kill_mid_save(c, path, SIGKILL, 16 << 20));
  g_autoptr(netan_case_t) after_kill = netan_case_open(path, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(after_kill);
  CU_ASSERT_TRUE(cases_equal(committed, after_kill));
  CU_ASSERT_FALSE(file_exists(journal));  /* the open rolled the cut save back */
  g_autofree char *integrity = sql_text(path, "PRAGMA integrity_check");
  CU_ASSERT_STRING_EQUAL(integrity, "ok");

  /* 2: _exit() from a signal handler as soon as the journal exists */
  CU_ASSERT_TRUE(kill_mid_save(c, path, SIGUSR1, 0));
  g_autoptr(netan_case_t) after_exit = netan_case_open(path, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(after_exit);
  CU_ASSERT_TRUE(cases_equal(committed, after_exit));

  /* the file is still this case's at its last committed state: the save goes through now */
  CU_ASSERT_TRUE(netan_case_save(c, path, &e));
  CU_ASSERT_PTR_NULL(e);
  g_autoptr(netan_case_t) whole = netan_case_open(path, &e);
  CU_ASSERT_TRUE(whole && cases_equal(c, whole));
}

/* ------------------------------------------------------------ speed */

static void
test_speed(void)
{
  GError *e = NULL;
  const int64_t n_events = 1000000, n_entities = 100000;
  double t0 = now_s();
  g_autoptr(netan_case_t) c = big_case(n_entities, n_events, 42);
  double t1 = now_s();
  g_autofree char *path = tmp_path("speed.netan");
  CU_ASSERT_TRUE_FATAL(netan_case_save(c, path, &e));
  double t2 = now_s();
  g_autoptr(netan_case_t) d = netan_case_open(path, &e);
  double t3 = now_s();
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  CU_ASSERT_TRUE(cases_equal(c, d));
  GStatBuf sb;
  g_stat(path, &sb);
  double mb = sb.st_size / 1e6;

  /* an append of 10,000 events to the big file */
  for (int64_t i = 0; i < 10000; i++) {
    netan_event_t ev = { i % n_entities, (i * 7) % n_entities, "sms", 1800000000 + i, -1, NAN, NULL, { 0, i } };
    netan_case_add_event(d, &ev, NULL);
  }
  double t4 = now_s();
  CU_ASSERT_TRUE(netan_case_save(d, path, &e));
  double t5 = now_s();
  printf("\n    build in memory: %.2f s; save %" G_GINT64_FORMAT " events + %" G_GINT64_FORMAT
         " entities: %.2f s (%.0f events/s), file %.1f MB (%.0f bytes/event); open: %.2f s (%.0f events/s);"
         " append 10000 events: %.3f s\n",
         t1 - t0, n_events, n_entities, t2 - t1, n_events / (t2 - t1), mb, sb.st_size / (double)n_events,
         t3 - t2, n_events / (t3 - t2), t5 - t4);
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return 1;
  static const harness_test_t tests[] = {
    { "round-trip", test_round_trip },
    { "empty-case", test_empty_case },
    { "append", test_append },
    { "other-case-refused", test_other_case_refused },
    { "not-found", test_not_found },
    { "not-sqlite", test_not_sqlite },
    { "other-sqlite", test_other_sqlite },
    { "newer-schema", test_newer_schema },
    { "corrupted", test_corrupted },
    { "read-only-dir", test_readonly_dir },
    { "killed-mid-save", test_killed_mid_save },
    { "speed", test_speed },
    { NULL, NULL }
  };
  harness_add_suite("/store", tests);
  return harness_run();
}
