/* /ingest/spec and /ingest/engine: mapping specs, typed fields, and files
 * of several kinds and encodings into a case.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include "ingest/fields.h"
#include "ingest/spec.h"

#include <math.h>
#include <string.h>

static void
expect_spec_error(const char *text, const char *part)
{
  GError *e = NULL;
  netan_spec_t *s = netan_spec_parse(text, "t.ini", &e);
  CU_ASSERT_PTR_NULL(s);
  CU_ASSERT_PTR_NOT_NULL_FATAL(e);
  CU_ASSERT_EQUAL(e->code, NETAN_ERROR_PARSE);
  CU_ASSERT_PTR_NOT_NULL(strstr(e->message, part));
  if (!strstr(e->message, part))
    fprintf(stderr, "message '%s' lacks '%s'\n", e->message, part);
  g_clear_error(&e);
  netan_spec_free(s);
}

static const char *good_head = "[entity:a]\ntype = phone\nkey = A\nnormalize = phone\n";

static void
test_spec_errors(void)
{
  expect_spec_error("[file\nx", "not a valid spec file");
  expect_spec_error("[file]\ndelimter = ;\n[entity:a]\ntype=x\nkey=A\n", "unknown key \"delimter\"");
  expect_spec_error("[file]\nencoding = klingon-8\n[entity:a]\ntype=x\nkey=A\n", "encoding \"klingon-8\"");
  expect_spec_error("[file]\nencoding = UTF-16\n[entity:a]\ntype=x\nkey=A\n", "convert the file to UTF-8");
  expect_spec_error("[file]\ntimezone = Mars/Olympus\n[entity:a]\ntype=x\nkey=A\n", "timezone");
  expect_spec_error("[file]\ntime-format = %Y-%m-%d %Q\n[entity:a]\ntype=x\nkey=A\n", "%Q is not supported");
  expect_spec_error("[file]\nregion = Serbia\n[entity:a]\ntype=x\nkey=A\n", "region");
  expect_spec_error("[file]\nkind = x\n", "no [entity:...] section");
  expect_spec_error("[entity:a]\nkey = A\n", "give either type or type-column");
  expect_spec_error("[entity:a]\ntype = phone\nkey = A\nnormalize = phonetic\n", "unknown normalizer \"phonetic\"");
  expect_spec_error("[entity:a]\ntype = x\nkey = A\n[event]\ntype = call\nfrom = a\nto = nobody\ntime = T\n", "from and to");
  expect_spec_error("[entity:a]\ntype = x\nkey = A\n[event]\ntype = call\nfrom = a\n", "no time column");
  expect_spec_error("[entity:a]\ntype = x\nkey = A\n[links:x]\nfrom = a\nto = a\n", "unknown section [links:x]");
  expect_spec_error("[entity:a]\ntype = x\nkey = A\n[source]\ngrading-scheme = admiralty\ngrading = Z9\n", "not valid under admiralty");
  expect_spec_error("[entity:a]\ntype = x\nkey = A\n[event]\ntype-column = T\ntype-map = nonsense\nfrom = a\ntime = T\n", "VALUE:TYPE");
  /* every built-in spec parses */
  for (const char *const *k = netan_ingest_kinds(); *k; k++) {
    GError *e = NULL;
    netan_spec_t *s = netan_spec_parse(netan_ingest_kind_spec(*k), *k, &e);
    CU_ASSERT_PTR_NOT_NULL(s);
    if (e) {
      fprintf(stderr, "built-in %s: %s\n", *k, e->message);
      g_clear_error(&e);
    }
    netan_spec_free(s);
  }
  (void)good_head;
}

static void
test_fields(void)
{
  GError *e = NULL;
  g_autofree char *text = g_strdup_printf("[file]\ntime-format = %%d.%%m.%%Y %%H:%%M:%%S\ntimezone = Europe/Belgrade\n%s", good_head);
  netan_spec_t *s = netan_spec_parse(text, "t.ini", &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(s);
  int64_t t;
  /* 2 Nov 2026 10:00 in Belgrade (CET, UTC+1) = 09:00 UTC */
  CU_ASSERT_TRUE(netan_field_time(s, "02.11.2026 10:00:00", &t));
  CU_ASSERT_EQUAL(t, 1793610000);
  /* summer time: 1 Jul 2026 10:00 CEST = 08:00 UTC */
  CU_ASSERT_TRUE(netan_field_time(s, "01.07.2026 10:00:00", &t));
  CU_ASSERT_EQUAL(t, 1782892800);
  CU_ASSERT_FALSE(netan_field_time(s, "31.02.2026 10:00:00", &t));
  CU_ASSERT_FALSE(netan_field_time(s, "2026-11-02 10:00:00", &t));
  CU_ASSERT_FALSE(netan_field_time(s, "02.11.2026 10:00:00 extra", &t));
  CU_ASSERT_FALSE(netan_field_time(s, "", &t));
  netan_spec_free(s);

  s = netan_spec_parse(good_head, "t.ini", &e);  /* ISO 8601, UTC */
  CU_ASSERT_TRUE(netan_field_time(s, "2026-11-02T09:00:00Z", &t));
  CU_ASSERT_EQUAL(t, 1793610000);
  CU_ASSERT_TRUE(netan_field_time(s, "2026-11-02 10:00:00+01:00", &t));
  CU_ASSERT_EQUAL(t, 1793610000);
  CU_ASSERT_TRUE(netan_field_time(s, "2026-11-02", &t));
  CU_ASSERT_EQUAL(t, 1793577600);
  CU_ASSERT_FALSE(netan_field_time(s, "yesterday", &t));
  CU_ASSERT_FALSE(netan_field_time(s, "2026-02-30T10:00:00Z", &t));
  CU_ASSERT_FALSE(netan_field_time(s, "2026-11-02T25:00:00Z", &t));
  netan_spec_free(s);

  /* ISO 8601 without an offset is in the spec's zone, summer time included */
  g_autofree char *zoned = g_strdup_printf("[file]\ntimezone = Europe/Belgrade\n%s", good_head);
  s = netan_spec_parse(zoned, "t.ini", &e);
  CU_ASSERT_TRUE(netan_field_time(s, "2026-07-01 10:00:00", &t));
  CU_ASSERT_EQUAL(t, 1782892800);
  CU_ASSERT_TRUE(netan_field_time(s, "2026-11-02T10:00:00", &t));
  CU_ASSERT_EQUAL(t, 1793610000);
  CU_ASSERT_TRUE(netan_field_time(s, "2026-11-02T10:00:00Z", &t));  /* an explicit offset wins */
  CU_ASSERT_EQUAL(t, 1793613600);
  netan_spec_free(s);

  int64_t d;
  CU_ASSERT_TRUE(netan_field_duration("95", &d)); CU_ASSERT_EQUAL(d, 95);
  CU_ASSERT_TRUE(netan_field_duration("1:35", &d)); CU_ASSERT_EQUAL(d, 95);
  CU_ASSERT_TRUE(netan_field_duration("01:01:35", &d)); CU_ASSERT_EQUAL(d, 3695);
  CU_ASSERT_FALSE(netan_field_duration("1:75", &d));
  CU_ASSERT_FALSE(netan_field_duration("-5", &d));
  CU_ASSERT_FALSE(netan_field_duration("ten", &d));
  double a;
  CU_ASSERT_TRUE(netan_field_amount("1500", &a)); CU_ASSERT_DOUBLE_EQUAL(a, 1500, 0);
  CU_ASSERT_TRUE(netan_field_amount("1500.50", &a)); CU_ASSERT_DOUBLE_EQUAL(a, 1500.5, 0);
  CU_ASSERT_TRUE(netan_field_amount("1.500,50", &a)); CU_ASSERT_DOUBLE_EQUAL(a, 1500.5, 0);
  CU_ASSERT_TRUE(netan_field_amount("1,500.50", &a)); CU_ASSERT_DOUBLE_EQUAL(a, 1500.5, 0);
  CU_ASSERT_TRUE(netan_field_amount("1 500,5", &a)); CU_ASSERT_DOUBLE_EQUAL(a, 1500.5, 0);
  CU_ASSERT_TRUE(netan_field_amount("-20", &a)); CU_ASSERT_DOUBLE_EQUAL(a, -20, 0);
  CU_ASSERT_FALSE(netan_field_amount("0x10", &a));
  CU_ASSERT_FALSE(netan_field_amount("inf", &a));
  CU_ASSERT_FALSE(netan_field_amount("12 EUR", &a));
  CU_ASSERT_FALSE(netan_field_amount("", &a));
}

static netan_ingest_report_t *
ingest_text(netan_case_t *c, const char *name, const char *data, gsize len, const char *spec_text,
            const char *kind, gboolean strict, GError **e)
{
  g_autofree char *path = g_build_filename(harness_tmpdir(), name, NULL);
  g_assert(g_file_set_contents(path, data, (gssize)len, NULL));
  g_autofree char *spec_path = spec_text ? harness_write("spec.ini", spec_text) : NULL;
  netan_ingest_options_t o = NETAN_INGEST_OPTIONS_INIT;
  o.kind = kind;
  o.spec_path = spec_path;
  o.strict = strict;
  return netan_ingest_file(c, path, &o, e);
}

/* windows-1250 bytes: "Đorđe Šćekić" = D0 6F 72 F0 65 20 8A E6 65 6B 69 E6 */
static const char cdr_1250[] =
    "A_NUMBER;B_NUMBER;VRSTA;POCETAK;TRAJANJE;IME\r\n"
    "063 111 2233;+381 64 444 5566;GOVOR;02.11.2026 10:00:00;0:01:35;\xD0or\xF0""e \x8A\xE6""eki\xE6\r\n"
    "+381631112233;0644445566;SMS;02.11.2026 10:05:00;0;x\r\n"
    "063 111 2233;0644445566;FAX;02.11.2026 10:06:00;3;x\r\n"          /* 4: type not mapped */
    "063 111 2233;0644445566;GOVOR;32.11.2026 10:07:00;3;x\r\n"        /* 5: bad time */
    "063 111 2233;12;GOVOR;02.11.2026 10:08:00;3;x\r\n"                /* 6: bad phone */
    "063 111 2233;0644445566;GOVOR;02.11.2026 10:09:00;three;x\r\n"    /* 7: bad duration */
    ";0644445566;GOVOR;02.11.2026 10:09:00;3;x\r\n"                    /* 8: empty caller */
    "063 111 2233;0644445566;GOVOR;02.11.2026 10:10:00\r\n";           /* 9: short row */

static const char *cdr_spec =
    "[file]\nkind = cdr-rs\ndelimiter = ;\nencoding = windows-1250\nregion = RS\n"
    "time-format = %d.%m.%Y %H:%M:%S\ntimezone = Europe/Belgrade\n"
    "[entity:caller]\ntype = phone\nkey = A_NUMBER\nnormalize = phone\n"
    "[entity:callee]\ntype = phone\nkey = B_NUMBER\nnormalize = phone\n"
    "[event]\ntype-column = VRSTA\ntype-map = GOVOR:call;SMS:sms\nfrom = caller\nto = callee\n"
    "time = POCETAK\nduration = TRAJANJE\n"
    "[attribute:caller]\nsubscriber = IME\n"
    "[source]\nagency = MUP RS\njurisdiction = RS\ngrading-scheme = europol\ngrading = B2\nhandling = H1\n";


static void
test_engine_cdr(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  g_autoptr(netan_ingest_report_t) r = ingest_text(c, "cdr.csv", cdr_1250, sizeof cdr_1250 - 1, cdr_spec, NULL, FALSE, &e);
  if (e) fprintf(stderr, "%s\n", e->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_read(r), 8);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_ingested(r), 2);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_rejected(r), 6);
  harness_check_reject(r, 0, 4, 3, "not in the spec's type-map");
  harness_check_reject(r, 1, 5, 4, "does not match");
  harness_check_reject(r, 2, 6, 2, "");
  harness_check_reject(r, 3, 7, 5, "duration");
  harness_check_reject(r, 4, 8, 1, "empty caller");
  harness_check_reject(r, 5, 9, 0, "");
  /* the same phone in two notations is one entity, in E.164 */
  CU_ASSERT_EQUAL(netan_case_n_entities(c), 2);
  CU_ASSERT(netan_case_find_entity(c, "phone", "+381631112233") >= 0);
  CU_ASSERT(netan_case_find_entity(c, "phone", "+381644445566") >= 0);
  CU_ASSERT_EQUAL(netan_case_n_events(c), 2);
  netan_event_t ev;
  CU_ASSERT_TRUE(netan_case_get_event(c, 0, &ev));
  CU_ASSERT_STRING_EQUAL(ev.type, "call");
  CU_ASSERT_EQUAL(ev.time, 1793610000);
  CU_ASSERT_EQUAL(ev.duration, 95);
  CU_ASSERT_EQUAL(ev.prov.row, 2);
  CU_ASSERT_TRUE(netan_case_get_event(c, 1, &ev));
  CU_ASSERT_STRING_EQUAL(ev.type, "sms");
  /* windows-1250 converted to UTF-8 */
  int64_t caller = netan_case_find_entity(c, "phone", "+381631112233");
  CU_ASSERT_STRING_EQUAL(netan_case_entity_attribute(c, caller, "subscriber"), "x");
  const char *name;
  CU_ASSERT_TRUE(netan_case_get_attribute(c, 0, NULL, NULL, &name, NULL));
  CU_ASSERT_STRING_EQUAL(name, "Đorđe Šćekić");
  /* the source carries the spec's [source] */
  netan_source_info_t si;
  CU_ASSERT_TRUE(netan_case_get_source_info(c, 0, &si));
  CU_ASSERT_STRING_EQUAL(si.name, "cdr.csv");
  CU_ASSERT_STRING_EQUAL(si.grading, "B2");
  CU_ASSERT_STRING_EQUAL(si.handling, "H1");
  CU_ASSERT_EQUAL(strlen(si.sha256), 64);
  int64_t read, ingested, rejected;
  CU_ASSERT_TRUE(netan_case_source_rows(c, 0, &read, &ingested, &rejected));
  CU_ASSERT_EQUAL(read, 8);
  CU_ASSERT_EQUAL(ingested + rejected, read);
  /* calls become edges of a view */
  g_autoptr(netan_view_t) v = netan_view_build(c, NULL, &e);
  CU_ASSERT_EQUAL(netan_view_n_edges(v), 1);
}

static void
test_engine_strict_and_spec_mismatch(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  CU_ASSERT_PTR_NULL(ingest_text(c, "cdr.csv", cdr_1250, sizeof cdr_1250 - 1, cdr_spec, NULL, TRUE, &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, "cdr.csv:4:3: type"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);
  CU_ASSERT_EQUAL(netan_case_n_entities(c), 0);
  CU_ASSERT_EQUAL(netan_case_n_events(c), 0);
  CU_ASSERT_EQUAL(netan_case_n_sources(c), 0);
  CU_ASSERT_EQUAL(netan_case_n_attributes(c), 0);
  /* a spec naming a column the file lacks: an error before any row */
  g_autofree char *bad = g_strdup(cdr_spec);
  char *at = strstr(bad, "key = B_NUMBER");
  memcpy(at, "key = C_NUMBER", 14);
  CU_ASSERT_PTR_NULL(ingest_text(c, "cdr.csv", cdr_1250, sizeof cdr_1250 - 1, bad, NULL, FALSE, &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, "\"C_NUMBER\", which the header does not have"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);
  CU_ASSERT_EQUAL(netan_case_n_sources(c), 0);
  /* kind and spec: exactly one */
  netan_ingest_options_t o = NETAN_INGEST_OPTIONS_INIT;
  CU_ASSERT_PTR_NULL(netan_ingest_file(c, "x.csv", &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  o.kind = "telepathy";
  CU_ASSERT_PTR_NULL(netan_ingest_file(c, "x.csv", &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
}

static void
test_engine_builtin_kinds(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  static const char crossings[] =
      "plate,location,time,driver,passengers\n"
      "BG 123-AB,Preševo,2026-11-02T03:10:00Z,Goran Petrović,Ana Ilić|Ivan Pavlović\n"
      "bg123ав,Preševo,2026-11-03T03:10:00Z,Goran Petrović,\n"       /* Cyrillic а, в: the same plate */
      ",Horgoš,2026-11-04T03:10:00Z,x,\n";                           /* no plate */
  g_autoptr(netan_ingest_report_t) r = ingest_text(c, "crossings.csv", crossings, sizeof crossings - 1, NULL, "crossings", FALSE, &e);
  if (e) fprintf(stderr, "%s\n", e->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_ingested(r), 2);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_rejected(r), 1);
  CU_ASSERT_EQUAL(netan_case_n_events(c), 2);
  int64_t car = netan_case_find_entity(c, "vehicle", "BG123AB");
  CU_ASSERT(car >= 0);
  /* driver + 2 passengers on the first crossing, the driver again on the second */
  CU_ASSERT_EQUAL(netan_case_n_links(c), 4);
  int64_t n_people = 0;
  for (int64_t i = 0; i < netan_case_n_entities(c); i++)
    n_people += strcmp(netan_case_entity_type(c, i), "person") == 0;
  CU_ASSERT_EQUAL(n_people, 3);

  static const char edges[] = "source,target,weight\na,b,2\nb,c\n";
  g_autoptr(netan_ingest_report_t) r2 = ingest_text(c, "edges.csv", edges, sizeof edges - 1, NULL, "edgelist", FALSE, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r2);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_ingested(r2), 1);   /* b,c lacks a field */
  CU_ASSERT_EQUAL(netan_ingest_report_rows_rejected(r2), 1);
  static const char edges2[] = "from,to\na,b\nb,c\n";
  g_autoptr(netan_ingest_report_t) r3 = ingest_text(c, "edges2.csv", edges2, sizeof edges2 - 1, NULL, "edgelist", FALSE, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r3);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_ingested(r3), 2);  /* the weight column is optional */
}

static void
test_engine_transfers(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  static const char data[] =
      "sender_name,sender_account,receiver_name,receiver_account,amount,currency,time\n"
      "Dritan Hoxha,AL47 2121 1009 0000 0002 3569 8741,HOXHA Dritan,DE89 3704 0044 0532 0130 00,\"1.500,50\",EUR,2026-11-02T10:00:00Z\n"
      "x,AL47 2121 1009 0000 0002 3569 8742,y,DE89370400440532013000,10,EUR,2026-11-02T10:00:00Z\n"  /* bad check digits */
      "x,DE89370400440532013000,y,AL47212110090000000235698741,ten,EUR,2026-11-02T10:00:00Z\n"        /* bad amount */
      "x,DE89370400440532013000,y,AL47212110090000000235698741,10,euro,2026-11-02T10:00:00Z\n";       /* bad currency */
  g_autoptr(netan_ingest_report_t) r = ingest_text(c, "transfers.csv", data, sizeof data - 1, NULL, "transfers", FALSE, &e);
  if (e) fprintf(stderr, "%s\n", e->message);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_ingested(r), 1);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_rejected(r), 3);
  harness_check_reject(r, 0, 3, 2, "");
  harness_check_reject(r, 1, 4, 5, "amount");
  harness_check_reject(r, 2, 5, 6, "currency");
  netan_event_t ev;
  CU_ASSERT_TRUE(netan_case_get_event(c, 0, &ev));
  CU_ASSERT_DOUBLE_EQUAL(ev.amount, 1500.5, 1e-9);
  CU_ASSERT_STRING_EQUAL(ev.currency, "EUR");
  /* "Dritan Hoxha" and "HOXHA Dritan" are one normalised name */
  int64_t people = 0;
  for (int64_t i = 0; i < netan_case_n_entities(c); i++)
    people += strcmp(netan_case_entity_type(c, i), "person") == 0;
  CU_ASSERT_EQUAL(people, 1);
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return CU_get_error();
  static const harness_test_t spec[] = {
    { "/ingest/spec/errors", test_spec_errors },
    { "/ingest/spec/fields", test_fields },
    { NULL, NULL } };
  static const harness_test_t engine[] = {
    { "/ingest/engine/cdr-windows-1250", test_engine_cdr },
    { "/ingest/engine/strict-and-spec-mismatch", test_engine_strict_and_spec_mismatch },
    { "/ingest/engine/builtin-crossings-edgelist", test_engine_builtin_kinds },
    { "/ingest/engine/builtin-transfers", test_engine_transfers },
    { NULL, NULL } };
  harness_add_suite("/ingest/spec", spec);
  harness_add_suite("/ingest/engine", engine);
  return harness_run();
}
