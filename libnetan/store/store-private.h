/* Case files: what the loader and the saver share (schema.c).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_STORE_PRIVATE_H
#define NETAN_STORE_PRIVATE_H

#include "model/case-private.h"
#include <netan/netan-store.h>

#include <sqlite3.h>

/* PRAGMA application_id of every case file: 'NETN'. */
#define NETANP_STORE_APPLICATION_ID 0x4E45544E
/* PRAGMA user_version: the schema this netan writes and the newest it reads.
 * Bump it (and document the change in doc/case-file.md) whenever a table
 * or a column changes meaning; older files are then upgraded on save. */
#define NETANP_STORE_SCHEMA 1

/* Sets @error from SQLite's last error on @db: "<path>: <what>: <sqlite's
 * message>", with a NETAN_ERROR code chosen from SQLite's: not a database
 * -> PARSE (not a netan case file), corrupt -> PARSE (damaged), I/O, locks,
 * permissions and a full disk -> IO, anything else -> @other_code.
 * Always returns FALSE. */
gboolean netanp_store_fail(GError **error, sqlite3 *db, const char *path, const char *what,
                           int other_code);

/* Opens @path with @flags (SQLITE_OPEN_*), with a busy timeout and the
 * connection settings netan uses. NULL and @error on failure. */
sqlite3 *netanp_store_connect(const char *path, int flags, GError **error);
/* sqlite3_close_v2, for g_autoptr-like cleanup. */
void netanp_store_close(sqlite3 *db);

/* Runs SQL that returns no rows. */
gboolean netanp_store_exec(sqlite3 *db, const char *path, const char *sql, GError **error);

typedef enum {
  NETANP_STORE_FILE_ERROR = -1, /* @error is set */
  NETANP_STORE_FILE_EMPTY = 0,  /* an empty database: a new case file may be written there */
  NETANP_STORE_FILE_CASE = 1    /* a netan case file whose schema this netan reads */
} netanp_store_file_kind_t;

/* Says what the open database @db at @path is. Not a netan case file ->
 * PARSE; a newer schema -> INVALID_ARGUMENT. Must run inside a transaction
 * when the answer is to hold for what follows. */
netanp_store_file_kind_t netanp_store_identify(sqlite3 *db, const char *path, GError **error);

/* Creates the tables, the pragmas and the meta rows of a new case file for
 * case @case_uuid (inside the caller's transaction). */
gboolean netanp_store_create_schema(sqlite3 *db, const char *path, const char *case_uuid,
                                    GError **error);

/* The value of @key in the meta table (g_free()), or NULL with @error
 * (PARSE if the key is missing). */
char *netanp_store_meta_get(sqlite3 *db, const char *path, const char *key, GError **error);
/* Sets @key to @value in the meta table. */
gboolean netanp_store_meta_set(sqlite3 *db, const char *path, const char *key, const char *value,
                               GError **error);

/* The current UTC time in ISO 8601 with seconds, e.g. 2026-11-02T10:15:00Z (g_free()). */
char *netanp_store_now(void);

/* c->file_id is "<case uuid> <save uuid>": the case's identity and the save
 * its in-memory state continues. These split it (g_free() the results);
 * FALSE if the case has no file. */
gboolean netanp_store_file_id_split(const netan_case_t *c, char **case_uuid, char **save_uuid);
void netanp_store_file_id_set(netan_case_t *c, const char *case_uuid, const char *save_uuid);

#endif
