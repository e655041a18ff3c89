/* The plain edge list: `source,target[,weight]` with a header row.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/csv-reader.h"
#include "ingest/report-private.h"
#include "ingest/source-file.h"
#include "model/case-private.h"

#include <math.h>
#include <string.h>

void
netan_edgelist_options_init(netan_edgelist_options_t *opts)
{
  static const netan_edgelist_options_t defaults = NETAN_EDGELIST_OPTIONS_INIT;
  g_return_if_fail(opts != NULL);
  *opts = defaults;
}

/* Parses a strength: empty means 1; otherwise a finite number > 0. */
static gboolean
parse_weight(const char *s, double *out)
{
  if (*s == '\0') {
    *out = 1.0;
    return TRUE;
  }
  /* plain decimal notation only: strtod would also take "0x10", "inf" */
  if (strspn(s, "0123456789.eE+-") != strlen(s))
    return FALSE;
  char *end = NULL;
  double w = g_ascii_strtod(s, &end);
  if (end == s || *end != '\0' || !isfinite(w) || w <= 0)
    return FALSE;
  *out = w;
  return TRUE;
}

static gboolean
add_row(netan_case_t *c, const netan_edgelist_options_t *o, int64_t source_id,
        const char *from, const char *to, double weight, int64_t line, GError **error)
{
  int64_t a = netan_case_add_entity(c, o->entity_type, from, NULL, error);
  int64_t b = a < 0 ? -1 : netan_case_add_entity(c, o->entity_type, to, NULL, error);
  if (b < 0)
    return FALSE;
  netan_provenance_t prov = { source_id, line };
  return netan_case_add_link(c, a, b, o->link_type, weight, &prov, error) >= 0;
}

/* Checks one record; returns FALSE with the column and reason of a bad one. */
static gboolean
check_record(netan_csv_reader_t *r, const netan_edgelist_options_t *o, int n_columns,
             char **from, char **to, double *weight, int64_t *column, char *why, gsize why_size)
{
  int n = netan_csv_reader_n_fields(r);
  *column = 0;
  *weight = 1.0;
  if (n != n_columns) {
    g_snprintf(why, why_size, "expected %d fields as in the header, found %d", n_columns, n);
    return FALSE;
  }
  *from = g_strstrip(g_strdup(netan_csv_reader_field(r, 0, NULL)));
  *to = g_strstrip(g_strdup(netan_csv_reader_field(r, 1, NULL)));
  if ((*from)[0] == '\0') {
    *column = 1;
    g_snprintf(why, why_size, "empty source id");
  } else if ((*to)[0] == '\0') {
    *column = 2;
    g_snprintf(why, why_size, "empty target id");
  } else if (n == 3 && !parse_weight(g_strstrip((char *)netan_csv_reader_field(r, 2, NULL)), weight)) {
    *column = 3;
    g_snprintf(why, why_size, "weight \"%.40s\" is not a positive number",
               netan_csv_reader_field(r, 2, NULL));
  } else if (!o->allow_self_loops && strcmp(*from, *to) == 0) {
    *column = 2;
    g_snprintf(why, why_size, "source and target are the same entity \"%.40s\"", *from);
  } else {
    return TRUE;
  }
  g_clear_pointer(from, g_free);
  g_clear_pointer(to, g_free);
  return FALSE;
}

/* Reads and checks the header row; returns its number of columns or 0. */
static int
read_header(netan_csv_reader_t *r, const char *path, GError **error)
{
  netan_csv_status_t st = netan_csv_reader_next(r, error);
  if (st == NETAN_CSV_ERROR)
    return 0;
  if (st == NETAN_CSV_EOF) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE,
                "%s: the file is empty; an edge list starts with a header row such as source,target,weight",
                path);
    return 0;
  }
  int n = st == NETAN_CSV_RECORD ? netan_csv_reader_n_fields(r) : 0;
  if (n < 2 || n > 3) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE,
                "%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT
                ": the header must name 2 or 3 columns (source,target[,weight])%s%s",
                path, netan_csv_reader_line(r), netan_csv_reader_column(r),
                st == NETAN_CSV_BAD ? ": " : "", st == NETAN_CSV_BAD ? netan_csv_reader_reason(r) : "");
    return 0;
  }
  return n;
}

netan_ingest_report_t *
netan_ingest_edgelist(netan_case_t *c, const char *path,
                      const netan_edgelist_options_t *opts, GError **error)
{
  netan_edgelist_options_t o;
  netan_edgelist_options_init(&o);
  if (opts != NULL) {
    if (opts->version != NETAN_EDGELIST_OPTIONS_VERSION) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "edge list options: unknown version %u", opts->version);
      return NULL;
    }
    o = *opts;
    if (o.entity_type == NULL) o.entity_type = "person";
    if (o.link_type == NULL) o.link_type = "contact";
    if (o.delimiter == '\0') o.delimiter = ',';
  }
  g_return_val_if_fail(c != NULL && path != NULL, NULL);
  if (!netan_i_check_text("entity type", o.entity_type, error) ||
      !netan_i_check_text("link type", o.link_type, error))
    return NULL;

  g_autofree char *sha = netan_i_file_sha256(path, error);
  if (sha == NULL)
    return NULL;
  netan_csv_reader_t *r = netan_csv_reader_open(path, o.delimiter, error);
  if (r == NULL)
    return NULL;
  int n_columns = read_header(r, path, error);
  if (n_columns == 0) {
    netan_csv_reader_close(r);
    return NULL;
  }

  /* One ingest is all or nothing: a strict stop or a read error rolls the
   * case back to where it was. Rows are streamed straight into the case. */
  netan_case_mark_t mark = netan_case_i_mark(c);
  int64_t source_id = netan_case_add_source(c, path, sha, error);
  if (source_id < 0) {
    netan_csv_reader_close(r);
    return NULL;
  }
  netan_ingest_report_t *report = netan_report_i_new(path, source_id);
  gboolean ok = TRUE;
  netan_csv_status_t st;
  char why[256];

  while (ok && (st = netan_csv_reader_next(r, error)) != NETAN_CSV_EOF) {
    int64_t line = netan_csv_reader_line(r), column = 0;
    char *from = NULL, *to = NULL;
    double weight = 1.0;
    gboolean good = FALSE;
    GError *e = NULL;

    if (st == NETAN_CSV_ERROR) {
      ok = FALSE;
      break;
    }
    if (st == NETAN_CSV_BAD) {
      column = netan_csv_reader_column(r);
      g_strlcpy(why, netan_csv_reader_reason(r), sizeof why);
    } else if (check_record(r, &o, n_columns, &from, &to, &weight, &column, why, sizeof why)) {
      good = add_row(c, &o, source_id, from, to, weight, line, &e);
      if (!good) {  /* not expected for validated text; kept so nothing is lost */
        g_strlcpy(why, e->message, sizeof why);
        g_error_free(e);
      }
    }
    g_free(from);
    g_free(to);
    if (good) {
      netan_report_i_ingested(report);
    } else if (o.strict) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE,
                  "%s:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ": %s", path, line, column, why);
      ok = FALSE;
    } else {
      netan_report_i_reject(report, line, column, why);
    }
  }
  netan_csv_reader_close(r);
  if (ok)
    netan_case_i_set_source_rows(c, source_id, netan_ingest_report_rows_read(report),
                                 netan_ingest_report_rows_rejected(report));
  if (!ok) {
    netan_case_i_rollback(c, &mark);
    netan_ingest_report_free(report);
    return NULL;
  }
  return report;
}
