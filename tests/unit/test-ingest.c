/* /ingest: the CSV reader, the edge list, the case model.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include "ingest/csv-reader.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* Reads @text and renders each record as "line:f1|f2|..." or
 * "line:BAD@col:reason", records separated by newlines. */
static char *
read_all(const char *text, char delim)
{
  g_autofree char *path = harness_write("in.csv", text);
  GError *e = NULL;
  netan_csv_reader_t *r = netan_csv_reader_open(path, delim, &e);
  g_assert(r != NULL);
  GString *out = g_string_new(NULL);
  netan_csv_status_t st;
  while ((st = netan_csv_reader_next(r, &e)) != NETAN_CSV_EOF) {
    g_assert(st != NETAN_CSV_ERROR);
    g_string_append_printf(out, "%" G_GINT64_FORMAT ":", netan_csv_reader_line(r));
    if (st == NETAN_CSV_BAD) {
      g_string_append_printf(out, "BAD@%" G_GINT64_FORMAT, netan_csv_reader_column(r));
    } else {
      for (int i = 0; i < netan_csv_reader_n_fields(r); i++)
        g_string_append_printf(out, "%s%s", i ? "|" : "", netan_csv_reader_field(r, i, NULL));
    }
    g_string_append_c(out, '\n');
  }
  netan_csv_reader_close(r);
  return g_string_free(out, FALSE);
}

static void
test_csv_quoting(void)
{
  g_autofree char *got = read_all("a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\n\"two\nlines\",z,\"\"\n", ',');
  CU_ASSERT_STRING_EQUAL(got, "1:a|b|c\n2:x,1|say \"hi\"|\n3:two\nlines|z|\n");
}

static void
test_csv_crlf_bom_blank(void)
{
  g_autofree char *got = read_all("\xEF\xBB\xBFid,name\r\n\r\n1,Дритан Хоџа\r\n2,x", ',');
  CU_ASSERT_STRING_EQUAL(got, "1:id|name\n3:1|Дритан Хоџа\n4:2|x\n");
}

static void
test_csv_delimiter(void)
{
  g_autofree char *semi = read_all("a;b\n\"c;d\";e\n", ';');
  CU_ASSERT_STRING_EQUAL(semi, "1:a|b\n2:c;d|e\n");
  g_autofree char *tab = read_all("a\tb\nc,d\te\n", '\t');
  CU_ASSERT_STRING_EQUAL(tab, "1:a|b\n2:c,d|e\n");
}

static void
test_csv_text_after_quote(void)
{
  /* the bad record is reported at its field and the next line is read */
  g_autofree char *got = read_all("a,b\n1,\"x\"y\n2,z\n", ',');
  CU_ASSERT_STRING_EQUAL(got, "1:a|b\n2:BAD@2\n3:2|z\n");
}

static void
test_csv_unterminated_quote(void)
{
  /* a quote left open costs only its own line, not the rest of the file */
  g_autofree char *got = read_all("a,b\n1,\"never closed\n2,ok\n3,fine\n", ',');
  CU_ASSERT_STRING_EQUAL(got, "1:a|b\n2:BAD@2\n3:2|ok\n4:3|fine\n");
}

static void
test_csv_invalid_utf8(void)
{
  g_autofree char *got = read_all("a,b\n1,caf\xE9\n2,ok\n", ',');
  CU_ASSERT_STRING_EQUAL(got, "1:a|b\n2:BAD@2\n3:2|ok\n");
  g_autofree char *nul = read_all("a,b\n1,x\0y\n", ',');  /* text ends at the NUL here */
  CU_ASSERT_STRING_EQUAL(nul, "1:a|b\n2:1|x\n");
}

static void
test_csv_nul_byte(void)
{
  static const char data[] = "a,b\n1,x\0y\n2,ok\n";
  g_autofree char *path = g_build_filename(harness_tmpdir(), "nul.csv", NULL);
  g_assert(g_file_set_contents(path, data, sizeof data - 1, NULL));
  netan_csv_reader_t *r = netan_csv_reader_open(path, ',', NULL);
  CU_ASSERT_EQUAL(netan_csv_reader_next(r, NULL), NETAN_CSV_RECORD);
  CU_ASSERT_EQUAL(netan_csv_reader_next(r, NULL), NETAN_CSV_BAD);
  CU_ASSERT_EQUAL(netan_csv_reader_column(r), 2);
  CU_ASSERT_EQUAL(netan_csv_reader_next(r, NULL), NETAN_CSV_RECORD);
  CU_ASSERT_STRING_EQUAL(netan_csv_reader_field(r, 1, NULL), "ok");
  CU_ASSERT_EQUAL(netan_csv_reader_next(r, NULL), NETAN_CSV_EOF);
  netan_csv_reader_close(r);
}

static void
test_csv_huge_field(void)
{
  GString *s = g_string_new("a,b\n1,");
  for (int i = 0; i < NETAN_CSV_MAX_FIELD + 10; i++)
    g_string_append_c(s, 'x');
  g_string_append(s, "\n2,ok\n");
  g_autofree char *got = read_all(s->str, ',');
  g_string_free(s, TRUE);
  CU_ASSERT_STRING_EQUAL(got, "1:a|b\n2:BAD@2\n3:2|ok\n");
}

static void
test_csv_missing_file(void)
{
  GError *e = NULL;
  CU_ASSERT_PTR_NULL(netan_csv_reader_open("/nonexistent/x.csv", ',', &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
}

/* ---- edge lists ---- */

static netan_ingest_report_t *
ingest(netan_case_t *c, const char *text, gboolean strict, GError **e)
{
  g_autofree char *path = harness_write("edges.csv", text);
  netan_edgelist_options_t o = NETAN_EDGELIST_OPTIONS_INIT;
  o.strict = strict;
  return netan_ingest_edgelist(c, path, &o, e);
}

static void
test_edgelist_good(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  g_autoptr(netan_ingest_report_t) r =
      ingest(c, "source,target,weight\nalice,bob,3\n\"bob\", carol ,0.5\nalice,bob,\n", FALSE, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_read(r), 3);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_ingested(r), 3);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_rejected(r), 0);
  CU_ASSERT_EQUAL(netan_case_n_entities(c), 3);
  CU_ASSERT_EQUAL(netan_case_n_links(c), 3);
  CU_ASSERT_EQUAL(netan_case_find_entity(c, "person", "carol"), 2);  /* spaces trimmed */
  double w;
  netan_provenance_t p;
  CU_ASSERT_TRUE(netan_case_get_link(c, 2, NULL, NULL, NULL, &w, &p));
  CU_ASSERT_DOUBLE_EQUAL(w, 1.0, 0);  /* empty weight = 1 */
  CU_ASSERT_EQUAL(p.row, 4);
  CU_ASSERT_EQUAL(p.source_id, netan_ingest_report_source_id(r));
  /* the source's SHA-256 is recorded */
  CU_ASSERT_EQUAL(strlen(netan_case_source_sha256(c, p.source_id)), 64);
}

static void
test_edgelist_two_columns(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  g_autoptr(netan_ingest_report_t) r = ingest(c, "a,b\nx,y\ny,z\n", FALSE, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_ingested(r), 2);
}


static const char *bad_file =
    "source,target,weight\n"
    "a,b,1\n"              /* 2 good */
    "a,b\n"                /* 3 wrong field count */
    ",b,1\n"               /* 4 empty source */
    "a,  ,1\n"             /* 5 empty target */
    "a,c,many\n"           /* 6 not a number */
    "a,c,-2\n"             /* 7 negative */
    "a,c,nan\n"            /* 8 NaN */
    "a,a,1\n"              /* 9 self-loop */
    "a,\"c\"x,1\n"         /* 10 broken quote */
    "b,c,2\n";             /* 11 good */

static void
test_edgelist_rejects(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  g_autoptr(netan_ingest_report_t) r = ingest(c, bad_file, FALSE, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_read(r), 10);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_ingested(r), 2);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_rejected(r), 8);
  CU_ASSERT_EQUAL(netan_case_n_links(c), 2);
  harness_check_reject(r, 0, 3, 0, "expected 3 fields");
  harness_check_reject(r, 1, 4, 1, "empty source");
  harness_check_reject(r, 2, 5, 2, "empty target");
  harness_check_reject(r, 3, 6, 3, "not a positive number");
  harness_check_reject(r, 4, 7, 3, "not a positive number");
  harness_check_reject(r, 5, 8, 3, "not a positive number");
  harness_check_reject(r, 6, 9, 2, "same entity");
  harness_check_reject(r, 7, 10, 2, "closing quote");

  /* the rejects file lists them all, one CSV row each */
  g_autofree char *out = g_build_filename(harness_tmpdir(), "rejects.csv", NULL);
  CU_ASSERT_TRUE(netan_ingest_report_write_rejects(r, out, &e));
  g_autofree char *text = NULL;
  CU_ASSERT_TRUE(g_file_get_contents(out, &text, NULL, NULL));
  g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
  CU_ASSERT_EQUAL(g_strv_length(lines), 1 + 8 + 1);  /* header, rows, final empty */
  CU_ASSERT_STRING_EQUAL(lines[0], "file,line,column,reason");
  CU_ASSERT_PTR_NOT_NULL(strstr(lines[1], "\",3,0,\"expected 3 fields"));
}

static void
test_edgelist_strict(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  g_autoptr(netan_ingest_report_t) ok = ingest(c, "s,t\nkeep,me\n", FALSE, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(ok);
  g_autoptr(netan_view_t) before = netan_view_build(c, NULL, &e);
  netan_ingest_report_t *r = ingest(c, bad_file, TRUE, &e);
  CU_ASSERT_PTR_NULL(r);
  CU_ASSERT_PTR_NOT_NULL_FATAL(e);
  CU_ASSERT_EQUAL(e->code, NETAN_ERROR_PARSE);
  /* FILE:LINE:COLUMN: reason */
  CU_ASSERT_PTR_NOT_NULL(strstr(e->message, "edges.csv:3:0: expected 3 fields"));
  g_clear_error(&e);
  /* all or nothing: the case is as it was before the failed ingest */
  CU_ASSERT_EQUAL(netan_case_n_links(c), 1);
  CU_ASSERT_EQUAL(netan_case_n_entities(c), 2);
  CU_ASSERT_EQUAL(netan_case_n_sources(c), 1);
  CU_ASSERT_EQUAL(netan_case_find_entity(c, "person", "a"), -1);
  /* so a view built before is still valid */
  g_autoptr(netan_table_t) deg = netan_centrality_degree(before, NULL, &e);
  CU_ASSERT_PTR_NOT_NULL(deg);
  g_clear_error(&e);
  /* and the same entity can be added again afterwards */
  CU_ASSERT_EQUAL(netan_case_add_entity(c, "person", "a", NULL, NULL), 2);
}

static void
test_edgelist_bad_files(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  CU_ASSERT_PTR_NULL(ingest(c, "", FALSE, &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, "empty"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);
  CU_ASSERT_PTR_NULL(ingest(c, "a,b,c,d\n1,2,3,4\n", FALSE, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_PARSE);
  CU_ASSERT_PTR_NULL(netan_ingest_edgelist(c, "/nonexistent/edges.csv", NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  CU_ASSERT_PTR_NULL(netan_ingest_edgelist(c, harness_tmpdir(), NULL, &e));  /* a directory */
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_IO);
  netan_edgelist_options_t o = NETAN_EDGELIST_OPTIONS_INIT;
  o.version = 99;
  g_autofree char *path = harness_write("ok.csv", "a,b\nx,y\n");
  CU_ASSERT_PTR_NULL(netan_ingest_edgelist(c, path, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_EQUAL(netan_case_n_entities(c), 0);
  CU_ASSERT_EQUAL(netan_case_n_sources(c), 0);
}

static void
test_edgelist_real(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  g_autofree char *path = harness_data("siren.csv");
  GError *e = NULL;
  g_autoptr(netan_ingest_report_t) r = netan_ingest_edgelist(c, path, NULL, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  /* n=44, m=103 as in the data README */
  CU_ASSERT_EQUAL(netan_case_n_entities(c), 44);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_ingested(r), 103);
  CU_ASSERT_EQUAL(netan_ingest_report_rows_rejected(r), 0);
}

/* ---- the case ---- */

static void
test_case_entities(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  CU_ASSERT_EQUAL(netan_case_add_entity(c, "person", "hoxha dritan", "Дритан Хоџа", &e), 0);
  CU_ASSERT_EQUAL(netan_case_add_entity(c, "phone", "hoxha dritan", NULL, &e), 1);  /* other type */
  CU_ASSERT_EQUAL(netan_case_add_entity(c, "person", "hoxha dritan", "other", &e), 0);  /* same */
  CU_ASSERT_STRING_EQUAL(netan_case_entity_label(c, 0), "Дритан Хоџа");
  CU_ASSERT_STRING_EQUAL(netan_case_entity_label(c, 1), "hoxha dritan");  /* key shown */
  CU_ASSERT_STRING_EQUAL(netan_case_entity_type(c, 1), "phone");
  CU_ASSERT_PTR_NULL(netan_case_entity_key(c, 2));
  CU_ASSERT_PTR_NULL(netan_case_entity_key(c, -1));
  CU_ASSERT_EQUAL(netan_case_add_entity(c, "person", "", NULL, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_EQUAL(netan_case_add_entity(c, "person", "caf\xE9", NULL, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_EQUAL(netan_case_add_entity(c, NULL, "x", NULL, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
}

static void
test_case_links(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  int64_t a = netan_case_add_entity(c, "person", "a", NULL, NULL);
  int64_t b = netan_case_add_entity(c, "person", "b", NULL, NULL);
  CU_ASSERT_EQUAL(netan_case_add_link(c, a, b, "call", 2.0, NULL, &e), 0);
  CU_ASSERT_EQUAL(netan_case_add_link(c, a, 7, "call", 1.0, NULL, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  CU_ASSERT_EQUAL(netan_case_add_link(c, a, b, "call", 0.0, NULL, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_EQUAL(netan_case_add_link(c, a, b, "call", INFINITY, NULL, &e), -1);
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  netan_provenance_t p = { 3, 1 };
  CU_ASSERT_EQUAL(netan_case_add_link(c, a, b, "call", 1.0, &p, &e), -1);  /* no source 3 */
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  CU_ASSERT_EQUAL(netan_case_n_links(c), 1);
  CU_ASSERT_FALSE(netan_case_get_link(c, 1, NULL, NULL, NULL, NULL, NULL));
}


/* ---------------------------------------------------------------- prefetch */

/* Everything an ingest leaves in a case and its report, as text. */
static char *
dump_ingest(const netan_case_t *c, const netan_ingest_report_t *r)
{
  GString *s = g_string_new(NULL);
  for (int64_t i = 0; i < netan_case_n_entities(c); i++) {
    g_autofree int64_t *src = NULL, *rows = NULL;
    int64_t n = netan_case_entity_provenance(c, i, &src, &rows);
    g_string_append_printf(s, "E %s %s %s", netan_case_entity_type(c, i), netan_case_entity_key(c, i),
                           netan_case_entity_label(c, i));
    for (int64_t k = 0; k < n; k++)
      g_string_append_printf(s, " %" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, src[k], rows[k]);
    g_string_append_c(s, '\n');
  }
  for (int64_t i = 0; i < netan_case_n_events(c); i++) {
    netan_event_t ev;
    netan_case_get_event(c, i, &ev);
    g_string_append_printf(s, "V %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                           " %" G_GINT64_FORMAT "\n", ev.from, ev.to, ev.type, ev.time, ev.duration, ev.prov.row);
  }
  for (int64_t i = 0; i < netan_ingest_report_rows_rejected(r); i++) {
    netan_reject_t rj;
    netan_ingest_report_get_reject(r, i, &rj);
    g_string_append_printf(s, "R %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s\n", rj.line, rj.column, rj.reason);
  }
  g_string_append_printf(s, "rows %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", netan_ingest_report_rows_read(r),
                         netan_ingest_report_rows_ingested(r));
  return g_string_free(s, FALSE);
}

static char *
ingest_dump(const char *path, const char *prefetch)
{
  if (prefetch)
    g_setenv("NETAN_INGEST_PREFETCH", prefetch, TRUE);
  else
    g_unsetenv("NETAN_INGEST_PREFETCH");
  g_autoptr(netan_case_t) c = netan_case_new();
  netan_ingest_options_t o = NETAN_INGEST_OPTIONS_INIT;
  o.kind = "cdr";
  o.region = "RS";
  o.source.name = "calls";       /* the same source record in both runs */
  o.source.received = "2026-01-01";
  GError *e = NULL;
  g_autoptr(netan_ingest_report_t) r = netan_ingest_file(c, path, &o, &e);
  g_unsetenv("NETAN_INGEST_PREFETCH");
  CU_ASSERT_PTR_NOT_NULL(r);
  if (r == NULL) {
    g_printerr("%s\n", e->message);
    g_clear_error(&e);
    return g_strdup("");
  }
  return dump_ingest(c, r);
}

/* A call-record file of 40,000 rows over 2 MB (so the prefetcher starts in
 * its middle) whose numbers come in many spellings, some of them invalid,
 * and a few bad rows: the case and the rejects are the same, line for
 * line, whether a second thread normalized ahead or not. */
static void
test_prefetch_same_case(void)
{
  GRand *rand = g_rand_new_with_seed(11);
  GString *csv = g_string_new("caller,callee,type,start,duration\n");
  char nsn[400][12];
  for (int i = 0; i < 400; i++)
    g_snprintf(nsn[i], sizeof nsn[i], "6%d%07d", g_rand_int_range(rand, 0, 10), g_rand_int_range(rand, 0, 10000000));
  for (int row = 0; row < 40000; row++) {
    char *who[2];
    for (int k = 0; k < 2; k++) {
      const char *n = nsn[g_rand_int_range(rand, 0, 400)];
      switch (g_rand_int_range(rand, 0, 8)) {
      case 0: who[k] = g_strdup_printf("+381 %.2s %.3s %s", n, n + 2, n + 5); break;
      case 1: who[k] = g_strdup_printf("00381%s", n); break;
      case 2: who[k] = g_strdup_printf("0%s", n); break;
      case 3: who[k] = g_strdup_printf("+381-%.2s-%s", n, n + 2); break;
      case 4: who[k] = g_strdup_printf(" (0%.2s) %s ", n, n + 2); break;
      case 5: who[k] = g_strdup_printf("+381 %.2s %.3s", n, n + 2); break;  /* too short */
      case 6: who[k] = g_strdup_printf("+381%s", n); break;
      default: who[k] = g_strdup_printf("0%.2s.%.3s.%s", n, n + 2, n + 5); break;
      }
    }
    int t = row * 13;
    if (row % 997 == 0)
      g_string_append_printf(csv, "%s,%s,call,yesterday,5\n", who[0], who[1]);
    else if (row % 1009 == 0)
      g_string_append_printf(csv, "%s,%s\n", who[0], who[1]);
    else
      g_string_append_printf(csv, "%s,%s,%s,2024-02-%02dT%02d:%02d:%02dZ,%d\n", who[0], who[1],
                             row % 3 ? "call" : "sms", 1 + t / 86400 % 28, t / 3600 % 24, t / 60 % 60, t % 60,
                             row % 900);
    g_free(who[0]);
    g_free(who[1]);
  }
  g_autofree char *path = harness_write("prefetch.csv", csv->str);
  CU_ASSERT(csv->len > 2 * 1024 * 1024);
  g_string_free(csv, TRUE);
  g_rand_free(rand);

  g_autofree char *alone = ingest_dump(path, NULL);
  g_autofree char *ahead = ingest_dump(path, "1");
  CU_ASSERT(strlen(alone) > 1000);
  CU_ASSERT(strstr(alone, "\nR ") != NULL);  /* some rows rejected */
  CU_ASSERT_STRING_EQUAL(alone, ahead);
  /* every key is what netan_normalize() makes of some spelling: spot-check */
  CU_ASSERT(strstr(alone, "E phone +381") != NULL);
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return CU_get_error();
  static const harness_test_t csv[] = {
    { "/ingest/csv/quoting", test_csv_quoting },
    { "/ingest/csv/crlf-bom-blank-lines", test_csv_crlf_bom_blank },
    { "/ingest/csv/delimiter", test_csv_delimiter },
    { "/ingest/csv/text-after-quote", test_csv_text_after_quote },
    { "/ingest/csv/unterminated-quote", test_csv_unterminated_quote },
    { "/ingest/csv/invalid-utf8", test_csv_invalid_utf8 },
    { "/ingest/csv/nul-byte", test_csv_nul_byte },
    { "/ingest/csv/huge-field", test_csv_huge_field },
    { "/ingest/csv/missing-file", test_csv_missing_file },
    { NULL, NULL } };
  static const harness_test_t edgelist[] = {
    { "/ingest/edgelist/good", test_edgelist_good },
    { "/ingest/edgelist/two-columns", test_edgelist_two_columns },
    { "/ingest/edgelist/rejects", test_edgelist_rejects },
    { "/ingest/edgelist/strict", test_edgelist_strict },
    { "/ingest/edgelist/bad-files", test_edgelist_bad_files },
    { "/ingest/edgelist/real-siren", test_edgelist_real },
    { NULL, NULL } };
  static const harness_test_t kase[] = {
    { "/model/case/entities", test_case_entities },
    { "/model/case/links", test_case_links },
    { NULL, NULL } };
  harness_add_suite("/ingest/csv", csv);
  harness_add_suite("/ingest/edgelist", edgelist);
  static const harness_test_t prefetch[] = {
    { "/ingest/prefetch/same-case", test_prefetch_same_case },
    { NULL, NULL } };
  harness_add_suite("/model/case", kase);
  harness_add_suite("/ingest/prefetch", prefetch);
  return harness_run();
}
