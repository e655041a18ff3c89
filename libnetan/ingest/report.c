/* The ingest report: every row read is either ingested or rejected with a
 * reason, so the counts always reconcile.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/report-private.h"

#include <errno.h>
#include <stdio.h>

typedef struct {
  int64_t line, column;
  const char *reason;  /* in strings */
} reject_rec_t;

struct netan_ingest_report {
  char *file;
  int64_t source_id;
  int64_t ingested;
  GArray *rejects;       /* of reject_rec_t */
  GStringChunk *strings; /* reasons repeat: stored once */
};

netan_ingest_report_t *
netan_report_i_new(const char *file, int64_t source_id)
{
  netan_ingest_report_t *r = g_new0(netan_ingest_report_t, 1);
  r->file = g_strdup(file);
  r->source_id = source_id;
  r->rejects = g_array_new(FALSE, FALSE, sizeof(reject_rec_t));
  r->strings = g_string_chunk_new(4096);
  return r;
}

void
netan_report_i_ingested(netan_ingest_report_t *r)
{
  r->ingested++;
}

void
netan_report_i_reject(netan_ingest_report_t *r, int64_t line, int64_t column, const char *reason)
{
  reject_rec_t rec = { line, column, g_string_chunk_insert_const(r->strings, reason) };
  g_array_append_val(r->rejects, rec);
}

void
netan_ingest_report_free(netan_ingest_report_t *r)
{
  if (r == NULL)
    return;
  g_free(r->file);
  g_array_unref(r->rejects);
  g_string_chunk_free(r->strings);
  g_free(r);
}

int64_t
netan_ingest_report_rows_read(const netan_ingest_report_t *r)
{
  g_return_val_if_fail(r != NULL, 0);
  return r->ingested + (int64_t)r->rejects->len;
}

int64_t
netan_ingest_report_rows_ingested(const netan_ingest_report_t *r)
{
  g_return_val_if_fail(r != NULL, 0);
  return r->ingested;
}

int64_t
netan_ingest_report_rows_rejected(const netan_ingest_report_t *r)
{
  g_return_val_if_fail(r != NULL, 0);
  return r->rejects->len;
}

int64_t
netan_ingest_report_source_id(const netan_ingest_report_t *r)
{
  g_return_val_if_fail(r != NULL, -1);
  return r->source_id;
}

gboolean
netan_ingest_report_get_reject(const netan_ingest_report_t *r, int64_t i, netan_reject_t *out)
{
  g_return_val_if_fail(r != NULL && out != NULL, FALSE);
  if (i < 0 || i >= (int64_t)r->rejects->len)
    return FALSE;
  const reject_rec_t *rec = &g_array_index(r->rejects, reject_rec_t, i);
  out->file = r->file;
  out->line = rec->line;
  out->column = rec->column;
  out->reason = rec->reason;
  return TRUE;
}

static void
write_csv_cell(GString *out, const char *s)
{
  g_string_append_c(out, '"');
  for (; *s; s++) {
    if (*s == '"')
      g_string_append_c(out, '"');
    g_string_append_c(out, *s);
  }
  g_string_append_c(out, '"');
}

gboolean
netan_ingest_report_write_rejects(const netan_ingest_report_t *r, const char *path, GError **error)
{
  g_return_val_if_fail(r != NULL && path != NULL, FALSE);
  g_autoptr(GString) out = g_string_new("file,line,column,reason\n");
  for (guint i = 0; i < r->rejects->len; i++) {
    const reject_rec_t *rec = &g_array_index(r->rejects, reject_rec_t, i);
    write_csv_cell(out, r->file);
    g_string_append_printf(out, ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",", rec->line, rec->column);
    write_csv_cell(out, rec->reason);
    g_string_append_c(out, '\n');
  }
  GError *e = NULL;
  if (!g_file_set_contents(path, out->str, (gssize)out->len, &e)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_IO, "%s", e->message);
    g_error_free(e);
    return FALSE;
  }
  return TRUE;
}
