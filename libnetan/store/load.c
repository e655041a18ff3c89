/* Opening a case file: the whole case back in memory, exactly as saved.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "store/store-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>

typedef struct {
  sqlite3 *db;
  const char *path;
  netan_case_t *c;
  GError **error;
} loader_t;

/* Reads one row (the id is checked already); FALSE with @cause set if the
 * row does not make sense. */
typedef gboolean (*row_fn)(loader_t *l, sqlite3_stmt *st, int64_t id, GError **cause);

static const char *
col_text(sqlite3_stmt *st, int i)
{
  return (const char *)sqlite3_column_text(st, i);
}

static gboolean
col_null(sqlite3_stmt *st, int i)
{
  return sqlite3_column_type(st, i) == SQLITE_NULL;
}

static int64_t
col_int_or(sqlite3_stmt *st, int i, int64_t if_null)
{
  return col_null(st, i) ? if_null : sqlite3_column_int64(st, i);
}

static gboolean
inconsistent(GError **cause, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static gboolean
inconsistent(GError **cause, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  g_autofree char *msg = g_strdup_vprintf(fmt, ap);
  va_end(ap);
  g_set_error_literal(cause, NETAN_ERROR, NETAN_ERROR_PARSE, msg);
  return FALSE;
}

/* Reads table @table in id order; ids must be 0, 1, 2, ... as in memory. */
static gboolean
load_table(loader_t *l, const char *table, const char *columns, row_fn fn)
{
  g_autofree char *sql = g_strdup_printf("SELECT id, %s FROM %s ORDER BY id", columns, table);
  sqlite3_stmt *st = NULL;
  g_autofree char *what = g_strdup_printf("cannot read table %s", table);
  if (sqlite3_prepare_v2(l->db, sql, -1, &st, NULL) != SQLITE_OK)
    return netanp_store_fail(l->error, l->db, l->path, what, NETAN_ERROR_PARSE);
  int64_t expect = 0;
  int rc;
  gboolean ok = TRUE;
  while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(st, 0);
    GError *cause = NULL;
    if (id != expect)
      inconsistent(&cause, "ids are not 0, 1, 2, ...: %" G_GINT64_FORMAT " where %" G_GINT64_FORMAT
                   " was expected", id, expect);
    else
      fn(l, st, id, &cause);
    if (cause != NULL) {
      g_set_error(l->error, NETAN_ERROR, NETAN_ERROR_PARSE,
                  "%s is not a consistent netan case file: %s %" G_GINT64_FORMAT ": %s",
                  l->path, table, id, cause->message);
      g_error_free(cause);
      ok = FALSE;
    }
    expect++;
  }
  if (ok && rc != SQLITE_DONE)
    ok = netanp_store_fail(l->error, l->db, l->path, what, NETAN_ERROR_PARSE);
  sqlite3_finalize(st);
  return ok;
}

static gboolean
source_row(loader_t *l, sqlite3_stmt *st, int64_t id, GError **cause)
{
  netan_source_info_t info = NETAN_SOURCE_INFO_INIT;
  info.name = col_text(st, 1);
  info.agency = col_text(st, 2);
  info.jurisdiction = col_text(st, 3);
  info.received = col_text(st, 4);
  info.sha256 = col_text(st, 5);
  info.grading_scheme = col_text(st, 6);
  info.grading = col_text(st, 7);
  info.handling = col_text(st, 8);
  if (netan_case_add_source_info(l->c, &info, cause) < 0)
    return FALSE;
  if (!col_null(st, 9))
    netan_case_i_set_source_rows(l->c, id, sqlite3_column_int64(st, 9), col_int_or(st, 10, 0));
  return TRUE;
}

static gboolean
entity_row(loader_t *l, sqlite3_stmt *st, int64_t id, GError **cause)
{
  int64_t got = netan_case_add_entity(l->c, col_text(st, 1), col_text(st, 2), col_text(st, 3), cause);
  if (got < 0)
    return FALSE;
  if (got != id)
    return inconsistent(cause, "(%s, %s) is entity %" G_GINT64_FORMAT " already", col_text(st, 1),
                        col_text(st, 2), got);
  return TRUE;
}

/* A provenance from (source_id, row) columns; NULL source = none. */
static const netan_provenance_t *
prov_of(sqlite3_stmt *st, int i, netan_provenance_t *p)
{
  if (col_null(st, i))
    return NULL;
  p->source_id = sqlite3_column_int64(st, i);
  p->row = col_int_or(st, i + 1, -1);
  return p;
}

static gboolean
link_row(loader_t *l, sqlite3_stmt *st, int64_t id, GError **cause)
{
  netan_provenance_t p;
  return netan_case_add_link(l->c, col_int_or(st, 1, -1), col_int_or(st, 2, -1), col_text(st, 3),
                             col_null(st, 4) ? NAN : sqlite3_column_double(st, 4), prov_of(st, 5, &p),
                             cause) >= 0;
}

static gboolean
event_row(loader_t *l, sqlite3_stmt *st, int64_t id, GError **cause)
{
  netan_event_t ev = {
    col_int_or(st, 1, -1), col_int_or(st, 2, -1), col_text(st, 3), sqlite3_column_int64(st, 4),
    col_int_or(st, 5, -1), col_null(st, 6) ? NAN : sqlite3_column_double(st, 6), col_text(st, 7),
    { col_int_or(st, 8, -1), col_int_or(st, 9, -1) }
  };
  return netan_case_add_event(l->c, &ev, cause) >= 0;
}

static gboolean
attribute_row(loader_t *l, sqlite3_stmt *st, int64_t id, GError **cause)
{
  netan_provenance_t p;
  return netan_case_add_attribute(l->c, col_int_or(st, 1, -1), col_text(st, 2), col_text(st, 3),
                                  prov_of(st, 4, &p), cause) >= 0;
}

static gboolean
seen_row(loader_t *l, sqlite3_stmt *st, int64_t id, GError **cause)
{
  netan_provenance_t p = { col_int_or(st, 2, -1), col_int_or(st, 3, -1) };
  guint before = l->c->seen->len;
  if (!netan_case_note_entity(l->c, col_int_or(st, 1, -1), &p, cause))
    return FALSE;
  if (l->c->seen->len == before)
    return inconsistent(cause, "entity %" G_GINT64_FORMAT " is seen in source %" G_GINT64_FORMAT " twice",
                        col_int_or(st, 1, -1), p.source_id);
  return TRUE;
}

/* Merges are restored as records, not replayed: a replay cannot know when
 * the undone ones were undone. The active ones must form a forest (each
 * entity merged into at most one, no cycles), which is what makes
 * netan_case_canonical() terminate. */
static gboolean
merge_row(loader_t *l, sqlite3_stmt *st, int64_t id, GError **cause)
{
  netan_case_t *c = l->c;
  int64_t n = c->entities->len;
  int64_t a = col_int_or(st, 1, -1), b = col_int_or(st, 2, -1), active = col_int_or(st, 6, -1);
  double score = col_null(st, 4) ? NAN : sqlite3_column_double(st, 4);
  if (a < 0 || a >= n || b < 0 || b >= n)
    return inconsistent(cause, "entity %" G_GINT64_FORMAT " or %" G_GINT64_FORMAT " is not in the case", a, b);
  if (!netan_i_check_text("merge rule", col_text(st, 3), cause))
    return FALSE;
  if (!isfinite(score) || col_null(st, 5) || (active != 0 && active != 1))
    return inconsistent(cause, "score, time or active flag missing or out of range");
  int64_t *into = (int64_t *)(void *)c->merged_into->data;
  if (active) {
    if (into[b] >= 0)
      return inconsistent(cause, "entity %" G_GINT64_FORMAT " is merged twice", b);
    if (netan_case_canonical(c, a) == b)
      return inconsistent(cause, "merging %" G_GINT64_FORMAT " into %" G_GINT64_FORMAT " makes a cycle", b, a);
  }
  netan_merge_rec_t m = { a, b, g_string_chunk_insert_const(c->strings, col_text(st, 3)), score,
                          sqlite3_column_int64(st, 5), active == 1 };
  g_array_append_val(c->merges, m);
  if (active)
    into[b] = a;
  c->generation++;
  return TRUE;
}

static gboolean
load_all(loader_t *l)
{
  netanp_store_file_kind_t kind = netanp_store_identify(l->db, l->path, l->error);
  if (kind == NETANP_STORE_FILE_ERROR)
    return FALSE;
  if (kind == NETANP_STORE_FILE_EMPTY) {
    g_set_error(l->error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s is not a netan case file (an empty database)",
                l->path);
    return FALSE;
  }
  g_autofree char *case_uuid = netanp_store_meta_get(l->db, l->path, "case_uuid", l->error);
  g_autofree char *save_uuid = case_uuid ? netanp_store_meta_get(l->db, l->path, "save_uuid", l->error) : NULL;
  if (save_uuid == NULL)
    return FALSE;
  if (!load_table(l, "source", "name, agency, jurisdiction, received, sha256, grading_scheme, grading, "
                  "handling, rows_read, rows_rejected", source_row) ||
      !load_table(l, "entity", "type, key, label", entity_row) ||
      !load_table(l, "link", "entity_a, entity_b, type, weight, source_id, source_row", link_row) ||
      !load_table(l, "event", "from_entity, to_entity, type, time, duration, amount, currency, source_id, "
                  "source_row", event_row) ||
      !load_table(l, "attribute", "entity_id, name, value, source_id, source_row", attribute_row) ||
      !load_table(l, "entity_seen", "entity_id, source_id, first_row", seen_row) ||
      !load_table(l, "merge", "entity_a, entity_b, rule, score, time, active", merge_row))
    return FALSE;
  netanp_store_file_id_set(l->c, case_uuid, save_uuid);
  return TRUE;
}

netan_case_t *
netan_case_open(const char *path, GError **error)
{
  g_return_val_if_fail(path != NULL, NULL);
  GStatBuf sb;
  if (g_stat(path, &sb) != 0) {
    int errsv = errno;
    g_set_error(error, NETAN_ERROR, errsv == ENOENT ? NETAN_ERROR_NOT_FOUND : NETAN_ERROR_IO,
                "%s: %s", path, g_strerror(errsv));
    return NULL;
  }
  if (!S_ISREG(sb.st_mode)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s is not a netan case file (not a regular file)", path);
    return NULL;
  }
  /* read-write, so that SQLite can roll back a save that was interrupted
   * (a file the OS will not let us write is opened read-only) */
  sqlite3 *db = netanp_store_connect(path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return NULL;
  netan_case_t *c = netan_case_new();
  loader_t l = { db, path, c, error };
  /* one read transaction: a save by another process is either all seen or not at all */
  gboolean ok = netanp_store_exec(db, path, "BEGIN", error) && load_all(&l);
  sqlite3_exec(db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
  netanp_store_close(db);
  if (!ok) {
    netan_case_free(c);
    return NULL;
  }
  return c;
}
