/* Case files: the schema, what a file is, errors (doc/case-file.md).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "store/store-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* Schema 1. Ids are the in-memory ids (0, 1, 2, ... in insertion order), so
 * a file maps one to one onto a case and can be appended to. Types, keys
 * and names are kept as text so that the file reads well in any SQLite
 * client. No index beyond the two uniqueness rules: appends stay linear. */
static const char schema_sql[] =
  "CREATE TABLE meta (\n"
  "  key TEXT PRIMARY KEY NOT NULL,\n"
  "  value TEXT NOT NULL\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE source (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  name TEXT NOT NULL,\n"
  "  agency TEXT,\n"
  "  jurisdiction TEXT,\n"
  "  received TEXT,\n"
  "  sha256 TEXT,\n"
  "  grading_scheme TEXT,\n"
  "  grading TEXT,\n"
  "  handling TEXT,\n"
  "  rows_read INTEGER,\n"
  "  rows_rejected INTEGER\n"
  ");\n"
  "CREATE TABLE entity (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  type TEXT NOT NULL,\n"
  "  key TEXT NOT NULL,\n"
  "  label TEXT,\n"
  "  UNIQUE (type, key)\n"
  ");\n"
  "CREATE TABLE link (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  entity_a INTEGER NOT NULL REFERENCES entity (id),\n"
  "  entity_b INTEGER NOT NULL REFERENCES entity (id),\n"
  "  type TEXT NOT NULL,\n"
  "  weight REAL NOT NULL,\n"
  "  source_id INTEGER REFERENCES source (id),\n"
  "  source_row INTEGER\n"
  ");\n"
  "CREATE TABLE event (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  from_entity INTEGER NOT NULL REFERENCES entity (id),\n"
  "  to_entity INTEGER REFERENCES entity (id),\n"
  "  type TEXT NOT NULL,\n"
  "  time INTEGER NOT NULL,\n"
  "  duration INTEGER,\n"
  "  amount REAL,\n"
  "  currency TEXT,\n"
  "  source_id INTEGER NOT NULL REFERENCES source (id),\n"
  "  source_row INTEGER NOT NULL\n"
  ");\n"
  "CREATE TABLE attribute (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  entity_id INTEGER NOT NULL REFERENCES entity (id),\n"
  "  name TEXT NOT NULL,\n"
  "  value TEXT NOT NULL,\n"
  "  source_id INTEGER REFERENCES source (id),\n"
  "  source_row INTEGER\n"
  ");\n"
  "CREATE TABLE entity_seen (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  entity_id INTEGER NOT NULL REFERENCES entity (id),\n"
  "  source_id INTEGER NOT NULL REFERENCES source (id),\n"
  "  first_row INTEGER NOT NULL,\n"
  "  UNIQUE (entity_id, source_id)\n"
  ");\n"
  "CREATE TABLE merge (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  entity_a INTEGER NOT NULL REFERENCES entity (id),\n"
  "  entity_b INTEGER NOT NULL REFERENCES entity (id),\n"
  "  rule TEXT NOT NULL,\n"
  "  score REAL NOT NULL,\n"
  "  time INTEGER NOT NULL,\n"
  "  active INTEGER NOT NULL CHECK (active IN (0, 1))\n"
  ");\n";

static int
code_of(int rc, int other_code)
{
  switch (rc & 0xff) {
  case SQLITE_NOTADB:
  case SQLITE_CORRUPT:
    return NETAN_ERROR_PARSE;
  case SQLITE_CANTOPEN:
  case SQLITE_IOERR:
  case SQLITE_FULL:
  case SQLITE_READONLY:
  case SQLITE_PERM:
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
  case SQLITE_PROTOCOL:
  case SQLITE_NOLFS:
    return NETAN_ERROR_IO;
  default:
    return other_code;
  }
}

gboolean
netanp_store_fail(GError **error, sqlite3 *db, const char *path, const char *what, int other_code)
{
  int rc = db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM;
  const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(SQLITE_NOMEM);
  switch (rc & 0xff) {
  case SQLITE_NOTADB:
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s is not a netan case file (%s)", path, msg);
    break;
  case SQLITE_CORRUPT:
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s is damaged: %s: %s", path, what, msg);
    break;
  default: {
    /* what the OS said, when it said something: "Permission denied" */
    int sys = db ? sqlite3_system_errno(db) : 0;
    const char *hint = rc == SQLITE_READONLY_DIRECTORY
                         ? " (the directory is not writable: a save keeps a journal beside the file)"
                         : "";
    if (sys != 0 && code_of(rc, other_code) == NETAN_ERROR_IO && *hint == '\0')
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_IO, "%s: %s: %s (%s)", path, what, msg, g_strerror(sys));
    else
      g_set_error(error, NETAN_ERROR, code_of(rc, other_code), "%s: %s: %s%s", path, what, msg, hint);
    break;
  }
  }
  return FALSE;
}

sqlite3 *
netanp_store_connect(const char *path, int flags, GError **error)
{
  sqlite3 *db = NULL;
  /* NOMUTEX: a connection lives inside one call, in one thread */
  int rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK) {
    g_autofree char *dir = g_path_get_dirname(path);
    int errsv = 0;
    if (db == NULL)
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND, "%s: cannot open: %s", path, sqlite3_errstr(rc));
    else if ((flags & SQLITE_OPEN_CREATE) && (rc & 0xff) == SQLITE_CANTOPEN &&
             (g_access(dir, W_OK) != 0 && (errsv = errno) != 0))
      /* SQLite's errno is that of its last attempt; say why creating failed */
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_IO, "%s: cannot create the file: %s (%s: %s)", path,
                  sqlite3_errmsg(db), dir, g_strerror(errsv));
    else
      netanp_store_fail(error, db, path, "cannot open", NETAN_ERROR_IO);
    sqlite3_close_v2(db);
    return NULL;
  }
  sqlite3_extended_result_codes(db, 1);
  /* another process saving: wait for it rather than fail at once */
  sqlite3_busy_timeout(db, 10000);
  return db;
}

void
netanp_store_close(sqlite3 *db)
{
  sqlite3_close_v2(db);
}

gboolean
netanp_store_exec(sqlite3 *db, const char *path, const char *sql, GError **error)
{
  if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return netanp_store_fail(error, db, path, "cannot read or write the case file", NETAN_ERROR_BACKEND);
  return TRUE;
}

/* Runs a query of one integer. */
static gboolean
query_int(sqlite3 *db, const char *path, const char *sql, int64_t *out, GError **error)
{
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
    return netanp_store_fail(error, db, path, "cannot read the file", NETAN_ERROR_PARSE);
  int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    gboolean ok = rc == SQLITE_DONE;
    if (!ok)
      netanp_store_fail(error, db, path, "cannot read the file", NETAN_ERROR_PARSE);
    else
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s: no answer to \"%s\"", path, sql);
    sqlite3_finalize(st);
    return FALSE;
  }
  *out = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return TRUE;
}

netanp_store_file_kind_t
netanp_store_identify(sqlite3 *db, const char *path, GError **error)
{
  int64_t app_id, version, n_objects;
  if (!query_int(db, path, "PRAGMA application_id", &app_id, error) ||
      !query_int(db, path, "PRAGMA user_version", &version, error) ||
      !query_int(db, path, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return NETANP_STORE_FILE_ERROR;
  if (app_id == 0 && version == 0 && n_objects == 0)
    return NETANP_STORE_FILE_EMPTY;
  if ((uint32_t)app_id != NETANP_STORE_APPLICATION_ID) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE,
                "%s is not a netan case file (a SQLite database of another program: application id 0x%08x)",
                path, (unsigned)(uint32_t)app_id);
    return NETANP_STORE_FILE_ERROR;
  }
  if (version > NETANP_STORE_SCHEMA) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "%s was written by a newer netan (schema %" G_GINT64_FORMAT ", this netan reads up to %d)",
                path, version, NETANP_STORE_SCHEMA);
    return NETANP_STORE_FILE_ERROR;
  }
  if (version < 1) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE,
                "%s is not a netan case file (no schema version)", path);
    return NETANP_STORE_FILE_ERROR;
  }
  return NETANP_STORE_FILE_CASE;
}

char *
netanp_store_now(void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc();
  return g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
netanp_store_create_schema(sqlite3 *db, const char *path, const char *case_uuid, GError **error)
{
  g_autofree char *pragmas = g_strdup_printf("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                             (int)NETANP_STORE_APPLICATION_ID, NETANP_STORE_SCHEMA);
  g_autofree char *now = netanp_store_now();
  g_autofree char *schema = g_strdup_printf("%d", NETANP_STORE_SCHEMA);
  return netanp_store_exec(db, path, schema_sql, error) &&
         netanp_store_exec(db, path, pragmas, error) &&
         netanp_store_meta_set(db, path, "schema_version", schema, error) &&
         netanp_store_meta_set(db, path, "created", now, error) &&
         netanp_store_meta_set(db, path, "created_by", "netan " PACKAGE_VERSION, error) &&
         netanp_store_meta_set(db, path, "case_uuid", case_uuid, error) &&
         netanp_store_meta_set(db, path, "revision", "0", error);
}

char *
netanp_store_meta_get(sqlite3 *db, const char *path, const char *key, GError **error)
{
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) != SQLITE_OK) {
    netanp_store_fail(error, db, path, "cannot read the meta table", NETAN_ERROR_PARSE);
    return NULL;
  }
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  char *value = NULL;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
    value = g_strdup((const char *)sqlite3_column_text(st, 0));
  else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE,
                "%s is not a consistent netan case file: the meta table has no %s", path, key);
  else
    netanp_store_fail(error, db, path, "cannot read the meta table", NETAN_ERROR_PARSE);
  sqlite3_finalize(st);
  return value;
}

gboolean
netanp_store_meta_set(sqlite3 *db, const char *path, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", -1, &st, NULL) != SQLITE_OK)
    return netanp_store_fail(error, db, path, "cannot write the meta table", NETAN_ERROR_BACKEND);
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
  gboolean ok = sqlite3_step(st) == SQLITE_DONE;
  if (!ok)
    netanp_store_fail(error, db, path, "cannot write the meta table", NETAN_ERROR_BACKEND);
  sqlite3_finalize(st);
  return ok;
}

gboolean
netanp_store_file_id_split(const netan_case_t *c, char **case_uuid, char **save_uuid)
{
  *case_uuid = *save_uuid = NULL;
  if (c->file_id == NULL)
    return FALSE;
  const char *space = strchr(c->file_id, ' ');
  if (space == NULL)
    return FALSE;
  *case_uuid = g_strndup(c->file_id, space - c->file_id);
  *save_uuid = g_strdup(space + 1);
  return TRUE;
}

void
netanp_store_file_id_set(netan_case_t *c, const char *case_uuid, const char *save_uuid)
{
  g_free(c->file_id);
  c->file_id = g_strconcat(case_uuid, " ", save_uuid, NULL);
}
