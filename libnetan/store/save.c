/* Saving a case: create its file, or append what is new, in one transaction.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "store/store-private.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* The tables that grow with the case, in the order they are written
 * (parents before children, as the declared foreign keys read). */
enum { T_SOURCE, T_ENTITY, T_LINK, T_EVENT, T_ATTRIBUTE, T_SEEN, T_MERGE, N_TABLES };
static const char *const table_name[N_TABLES] = { "source", "entity", "link", "event", "attribute",
                                                  "entity_seen", "merge" };
static const char *const insert_sql[N_TABLES] = {
  "INSERT INTO source (id, name, agency, jurisdiction, received, sha256, grading_scheme, grading, "
  "handling, rows_read, rows_rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  "INSERT INTO entity (id, type, key, label) VALUES (?, ?, ?, ?)",
  "INSERT INTO link (id, entity_a, entity_b, type, weight, source_id, source_row) VALUES (?, ?, ?, ?, ?, ?, ?)",
  "INSERT INTO event (id, from_entity, to_entity, type, time, duration, amount, currency, source_id, "
  "source_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  "INSERT INTO attribute (id, entity_id, name, value, source_id, source_row) VALUES (?, ?, ?, ?, ?, ?)",
  "INSERT INTO entity_seen (id, entity_id, source_id, first_row) VALUES (?, ?, ?, ?)",
  "INSERT INTO merge (id, entity_a, entity_b, rule, score, time, active) VALUES (?, ?, ?, ?, ?, ?, ?)",
};

typedef struct {
  sqlite3 *db;
  const char *path;
  const netan_case_t *c;
  GError **error;
  int64_t in_file[N_TABLES]; /* rows of each table the file holds already */
  int64_t in_case[N_TABLES]; /* rows the case has */
  gboolean changed;          /* something was written */
} saver_t;

static gboolean
fail(saver_t *s, const char *what)
{
  return netanp_store_fail(s->error, s->db, s->path, what, NETAN_ERROR_BACKEND);
}

static void
bind_text(sqlite3_stmt *st, int i, const char *text)
{
  if (text != NULL)
    sqlite3_bind_text(st, i, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null(st, i);
}

static void
bind_int_or_null(sqlite3_stmt *st, int i, int64_t v, gboolean is_null)
{
  if (is_null)
    sqlite3_bind_null(st, i);
  else
    sqlite3_bind_int64(st, i, v);
}

/* Binds (source_id, row) at @i, @i+1; no source = NULL, NULL. */
static void
bind_prov(sqlite3_stmt *st, int i, const netan_provenance_t *p)
{
  bind_int_or_null(st, i, p->source_id, p->source_id < 0);
  bind_int_or_null(st, i + 1, p->row, p->source_id < 0);
}

/* Binds row @id of table @t to @st (parameter 1 is the id). */
static void
bind_row(const netan_case_t *c, int t, sqlite3_stmt *st, int64_t id)
{
  sqlite3_bind_int64(st, 1, id);
  switch (t) {
  case T_SOURCE: {
    const netan_source_rec_t *r = g_ptr_array_index(c->sources, id);
    const char *const text[] = { r->name, r->agency, r->jurisdiction, r->received, r->sha256,
                                 r->grading_scheme, r->grading, r->handling };
    for (int i = 0; i < (int)G_N_ELEMENTS(text); i++)
      bind_text(st, 2 + i, text[i]);
    bind_int_or_null(st, 10, r->rows_read, r->rows_read < 0);
    bind_int_or_null(st, 11, r->rows_rejected, r->rows_read < 0);
    break;
  }
  case T_ENTITY: {
    const netan_entity_rec_t *r = &g_array_index(c->entities, netan_entity_rec_t, id);
    sqlite3_bind_text(st, 2, r->type, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, r->key, -1, SQLITE_STATIC);
    /* no label given: the key is shown, and NULL says so in the file */
    bind_text(st, 4, r->label == r->key || strcmp(r->label, r->key) == 0 ? NULL : r->label);
    break;
  }
  case T_LINK: {
    const netan_link_rec_t *r = &g_array_index(c->links, netan_link_rec_t, id);
    sqlite3_bind_int64(st, 2, r->a);
    sqlite3_bind_int64(st, 3, r->b);
    sqlite3_bind_text(st, 4, r->type, -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 5, r->weight);
    bind_prov(st, 6, &r->prov);
    break;
  }
  case T_EVENT: {
    const netan_event_rec_t *r = &g_array_index(c->events, netan_event_rec_t, id);
    sqlite3_bind_int64(st, 2, r->from);
    bind_int_or_null(st, 3, r->to, r->to < 0);
    sqlite3_bind_text(st, 4, r->type, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 5, r->time);
    bind_int_or_null(st, 6, r->duration, r->duration < 0);
    if (isnan(r->amount))
      sqlite3_bind_null(st, 7);
    else
      sqlite3_bind_double(st, 7, r->amount);
    bind_text(st, 8, r->currency);
    sqlite3_bind_int64(st, 9, r->prov.source_id);
    sqlite3_bind_int64(st, 10, r->prov.row);
    break;
  }
  case T_ATTRIBUTE: {
    const netan_attribute_rec_t *r = &g_array_index(c->attributes, netan_attribute_rec_t, id);
    sqlite3_bind_int64(st, 2, r->entity);
    sqlite3_bind_text(st, 3, r->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, r->value, -1, SQLITE_STATIC);
    bind_prov(st, 5, &r->prov);
    break;
  }
  case T_SEEN: {
    const netan_seen_rec_t *r = &g_array_index(c->seen, netan_seen_rec_t, id);
    sqlite3_bind_int64(st, 2, r->entity);
    sqlite3_bind_int64(st, 3, r->source_id);
    sqlite3_bind_int64(st, 4, r->first_row);
    break;
  }
  case T_MERGE: {
    const netan_merge_rec_t *r = &g_array_index(c->merges, netan_merge_rec_t, id);
    sqlite3_bind_int64(st, 2, r->a);
    sqlite3_bind_int64(st, 3, r->b);
    sqlite3_bind_text(st, 4, r->rule, -1, SQLITE_STATIC);
    sqlite3_bind_double(st, 5, r->score);
    sqlite3_bind_int64(st, 6, r->time);
    sqlite3_bind_int(st, 7, r->active ? 1 : 0);
    break;
  }
  default:
    g_assert_not_reached();
  }
}

/* Steps a statement that returns no rows and resets it for the next. */
static gboolean
step_done(saver_t *s, sqlite3_stmt *st, const char *what)
{
  gboolean ok = sqlite3_step(st) == SQLITE_DONE;
  if (!ok)
    fail(s, what);
  sqlite3_reset(st);
  return ok;
}

/* Appends rows in_file[t] .. in_case[t]-1 of table @t: one prepared
 * statement for the whole table, bound and stepped per row. */
static gboolean
append_table(saver_t *s, int t)
{
  if (s->in_file[t] >= s->in_case[t])
    return TRUE;
  sqlite3_stmt *st = NULL;
  g_autofree char *what = g_strdup_printf("cannot write table %s", table_name[t]);
  if (sqlite3_prepare_v3(s->db, insert_sql[t], -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
    return fail(s, what);
  gboolean ok = TRUE;
  for (int64_t id = s->in_file[t]; ok && id < s->in_case[t]; id++) {
    bind_row(s->c, t, st, id);
    ok = step_done(s, st, what);
  }
  sqlite3_finalize(st);
  s->changed = TRUE;
  return ok;
}

/* Rows the file holds of each table: ids are dense, so max(id) + 1. */
static gboolean
count_file_rows(saver_t *s)
{
  for (int t = 0; t < N_TABLES; t++) {
    g_autofree char *sql = g_strdup_printf("SELECT coalesce(max(id) + 1, 0) FROM %s", table_name[t]);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
      return netanp_store_fail(s->error, s->db, s->path, "cannot read the case file", NETAN_ERROR_PARSE);
    gboolean ok = sqlite3_step(st) == SQLITE_ROW;
    if (ok)
      s->in_file[t] = sqlite3_column_int64(st, 0);
    else
      netanp_store_fail(s->error, s->db, s->path, "cannot read the case file", NETAN_ERROR_PARSE);
    sqlite3_finalize(st);
    if (!ok)
      return FALSE;
    if (s->in_file[t] > s->in_case[t]) {
      g_set_error(s->error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "%s holds more rows of %s (%" G_GINT64_FORMAT ") than this case has (%" G_GINT64_FORMAT
                  "): the file and the case have diverged", s->path, table_name[t], s->in_file[t],
                  s->in_case[t]);
      return FALSE;
    }
  }
  return TRUE;
}

/* Rewrites a row the file holds that has changed in the case: @get reads
 * (id, file's values...) of every row, @row_differs compares and binds @put. */
typedef gboolean (*differs_fn)(const netan_case_t *c, sqlite3_stmt *get, int64_t id, sqlite3_stmt *put);

static gboolean
update_rows(saver_t *s, int t, const char *get_sql, const char *put_sql, differs_fn differs)
{
  if (s->in_file[t] == 0)
    return TRUE;
  g_autofree char *what = g_strdup_printf("cannot update table %s", table_name[t]);
  sqlite3_stmt *get = NULL, *put = NULL;
  gboolean ok = sqlite3_prepare_v2(s->db, get_sql, -1, &get, NULL) == SQLITE_OK &&
                sqlite3_prepare_v2(s->db, put_sql, -1, &put, NULL) == SQLITE_OK;
  if (!ok)
    fail(s, what);
  int rc = SQLITE_DONE;
  while (ok && (rc = sqlite3_step(get)) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(get, 0);
    if (id < 0 || id >= s->in_file[t] || !differs(s->c, get, id, put))
      continue;
    ok = step_done(s, put, what);
    s->changed = TRUE;
  }
  if (ok && rc != SQLITE_DONE)
    ok = fail(s, what);
  sqlite3_finalize(get);
  sqlite3_finalize(put);
  return ok;
}

static gboolean
source_rows_differ(const netan_case_t *c, sqlite3_stmt *get, int64_t id, sqlite3_stmt *put)
{
  const netan_source_rec_t *r = g_ptr_array_index(c->sources, id);
  int64_t read = sqlite3_column_type(get, 1) == SQLITE_NULL ? -1 : sqlite3_column_int64(get, 1);
  int64_t rejected = sqlite3_column_int64(get, 2);
  if (read == r->rows_read && (read < 0 || rejected == r->rows_rejected))
    return FALSE;
  bind_int_or_null(put, 1, r->rows_read, r->rows_read < 0);
  bind_int_or_null(put, 2, r->rows_rejected, r->rows_read < 0);
  sqlite3_bind_int64(put, 3, id);
  return TRUE;
}

static gboolean
merge_flag_differs(const netan_case_t *c, sqlite3_stmt *get, int64_t id, sqlite3_stmt *put)
{
  gboolean active = g_array_index(c->merges, netan_merge_rec_t, id).active;
  if ((sqlite3_column_int(get, 1) != 0) == active)
    return FALSE;
  sqlite3_bind_int(put, 1, active ? 1 : 0);
  sqlite3_bind_int64(put, 2, id);
  return TRUE;
}

/* The two things a case file holds that can change after they were
 * written: a source's row counts (known once its ingest ends) and a
 * merge's active flag (cleared when it is undone). */
static gboolean
update_changed(saver_t *s)
{
  return update_rows(s, T_SOURCE, "SELECT id, rows_read, rows_rejected FROM source",
                     "UPDATE source SET rows_read = ?, rows_rejected = ? WHERE id = ?", source_rows_differ) &&
         update_rows(s, T_MERGE, "SELECT id, active FROM merge",
                     "UPDATE merge SET active = ? WHERE id = ?", merge_flag_differs);
}

/* The file holds this case, at the state the case continues from? */
static gboolean
check_same_case(saver_t *s, netan_case_t *c, char **case_uuid)
{
  g_autofree char *file_case = netanp_store_meta_get(s->db, s->path, "case_uuid", s->error);
  g_autofree char *file_save = file_case ? netanp_store_meta_get(s->db, s->path, "save_uuid", s->error) : NULL;
  if (file_save == NULL)
    return FALSE;
  g_autofree char *my_case = NULL, *my_save = NULL;
  if (!netanp_store_file_id_split(c, &my_case, &my_save)) {
    g_set_error(s->error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "%s holds another case (%s); this case was not opened from it: save it to a new file",
                s->path, file_case);
    return FALSE;
  }
  if (strcmp(my_case, file_case) != 0) {
    g_set_error(s->error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "%s holds another case (%s, this one is %s): two cases are never mixed in one file",
                s->path, file_case, my_case);
    return FALSE;
  }
  if (strcmp(my_save, file_save) != 0) {
    g_set_error(s->error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "%s was saved since this case was opened from it or saved to it (by another program, or "
                "this case was saved elsewhere since): open it again and redo the changes", s->path);
    return FALSE;
  }
  *case_uuid = g_steal_pointer(&file_case);
  return TRUE;
}

static gboolean
bump_revision(saver_t *s, const char *save_uuid)
{
  g_autofree char *rev_text = netanp_store_meta_get(s->db, s->path, "revision", s->error);
  if (rev_text == NULL)
    return FALSE;
  g_autofree char *rev = g_strdup_printf("%" G_GINT64_FORMAT, g_ascii_strtoll(rev_text, NULL, 10) + 1);
  g_autofree char *now = netanp_store_now();
  return netanp_store_meta_set(s->db, s->path, "revision", rev, s->error) &&
         netanp_store_meta_set(s->db, s->path, "save_uuid", save_uuid, s->error) &&
         netanp_store_meta_set(s->db, s->path, "saved", now, s->error) &&
         netanp_store_meta_set(s->db, s->path, "saved_by", "netan " PACKAGE_VERSION, s->error);
}

/* Inside the write transaction: create or check, then append. Sets
 * *@case_uuid to the file's case on success. */
static gboolean
save_in_transaction(saver_t *s, netan_case_t *c, char **case_uuid)
{
  netanp_store_file_kind_t kind = netanp_store_identify(s->db, s->path, s->error);
  if (kind == NETANP_STORE_FILE_ERROR)
    return FALSE;
  if (kind == NETANP_STORE_FILE_EMPTY) {
    /* a new file: the case keeps its identity if it has one ("save as") */
    g_autofree char *save = NULL;
    if (!netanp_store_file_id_split(c, case_uuid, &save))
      *case_uuid = g_uuid_string_random();
    if (!netanp_store_create_schema(s->db, s->path, *case_uuid, s->error))
      return FALSE;
    memset(s->in_file, 0, sizeof s->in_file);
    s->changed = TRUE;
  } else if (!check_same_case(s, c, case_uuid) || !count_file_rows(s) || !update_changed(s)) {
    return FALSE;
  }
  for (int t = 0; t < N_TABLES; t++)
    if (!append_table(s, t))
      return FALSE;
  return TRUE;
}

static void
remove_created(const char *path)
{
  g_autofree char *journal = g_strconcat(path, "-journal", NULL);
  g_unlink(journal);
  g_unlink(path);
}

gboolean
netan_case_save(netan_case_t *c, const char *path, GError **error)
{
  g_return_val_if_fail(c != NULL && path != NULL, FALSE);
  GStatBuf sb;
  gboolean existed = g_stat(path, &sb) == 0;
  if (existed && !S_ISREG(sb.st_mode)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "%s is not a regular file", path);
    return FALSE;
  }
  sqlite3 *db = netanp_store_connect(path, SQLITE_OPEN_READWRITE | (existed ? 0 : SQLITE_OPEN_CREATE), error);
  if (db == NULL) {
    if (!existed)
      remove_created(path);
    return FALSE;
  }
  saver_t s = { db, path, c, error, { 0 }, { 0 }, FALSE };
  s.in_case[T_SOURCE] = c->sources->len;
  s.in_case[T_ENTITY] = c->entities->len;
  s.in_case[T_LINK] = c->links->len;
  s.in_case[T_EVENT] = c->events->len;
  s.in_case[T_ATTRIBUTE] = c->attributes->len;
  s.in_case[T_SEEN] = c->seen->len;
  s.in_case[T_MERGE] = c->merges->len;

  /* The foreign keys of the schema are declared, not enforced while
   * saving: every reference was checked when it entered the case (and is
   * checked again when a file is opened), and enforcing them row by row
   * doubles the time of a save (1.9 s instead of 0.9 s of CPU for a
   * million events). `PRAGMA foreign_key_check` verifies a file. A page
   * cache large enough for the entity index of a big case. The rollback
   * journal (SQLite's default) keeps the committed case in the one file. */
  g_autofree char *save_uuid = g_uuid_string_random();
  g_autofree char *case_uuid = NULL;
  gboolean in_transaction = FALSE;
  gboolean ok = netanp_store_exec(db, path, "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536", error);
  /* IMMEDIATE: the write lock is taken before anything is read, so no other
   * save can slip in between our check of the file and our writes */
  ok = ok && netanp_store_exec(db, path, "BEGIN IMMEDIATE", error);
  in_transaction = ok;
  ok = ok && save_in_transaction(&s, c, &case_uuid);
  if (ok && !s.changed) {
    /* nothing new: the file is left untouched */
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    netanp_store_close(db);
    return TRUE;
  }
  ok = ok && bump_revision(&s, save_uuid) && netanp_store_exec(db, path, "COMMIT", error);
  if (!ok && in_transaction)
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  netanp_store_close(db);
  if (!ok) {
    if (!existed)
      remove_created(path);
    return FALSE;
  }
  netanp_store_file_id_set(c, case_uuid, save_uuid);
  return TRUE;
}
