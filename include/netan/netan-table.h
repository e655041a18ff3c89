/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_TABLE_H
#define NETAN_TABLE_H

#include <netan/netan-common.h>

G_BEGIN_DECLS

/**
 * A result table: typed columns, one row per entity (or per item the
 * analysis reports), plus metadata saying how it was computed (measure,
 * weights used, seed, modularity, ...). Tables are immutable once returned.
 */
typedef struct netan_table netan_table_t;

typedef enum {
  NETAN_COLUMN_INT = 0,
  NETAN_COLUMN_DOUBLE = 1,
  NETAN_COLUMN_STRING = 2
} netan_column_type_t;

typedef enum {
  NETAN_TABLE_CSV = 0,   /* RFC 4180; cells starting with = + - @ are neutralised for spreadsheets */
  NETAN_TABLE_JSON = 1,  /* {"meta": {...}, "rows": [{...}, ...]} */
  NETAN_TABLE_TEXT = 2   /* aligned columns for a terminal */
} netan_table_format_t;

NETAN_API int64_t netan_table_n_rows(const netan_table_t *t);
NETAN_API int netan_table_n_columns(const netan_table_t *t);
/** Borrowed; NULL if out of range. */
NETAN_API const char *netan_table_column_name(const netan_table_t *t, int col);
NETAN_API netan_column_type_t netan_table_column_type(const netan_table_t *t, int col);
/** Index of the column called @name, or -1. */
NETAN_API int netan_table_column_index(const netan_table_t *t, const char *name);

/* Cell getters. Reading a cell of another type or out of range returns
 * 0, NAN or NULL (and is a caller bug, reported by g_return_val_if_fail). */
NETAN_API int64_t netan_table_get_int(const netan_table_t *t, int64_t row, int col);
NETAN_API double netan_table_get_double(const netan_table_t *t, int64_t row, int col);
NETAN_API const char *netan_table_get_string(const netan_table_t *t, int64_t row, int col);

/** Metadata value for @key (borrowed), or NULL. */
NETAN_API const char *netan_table_get_meta(const netan_table_t *t, const char *key);
/** The metadata keys, sorted; free with g_strfreev(). */
NETAN_API char **netan_table_meta_keys(const netan_table_t *t);

/**
 * The table as text in @format, the first @max_rows rows (-1 = all).
 * Returns a newly allocated string (g_free()).
 */
NETAN_API char *netan_table_to_string(const netan_table_t *t, netan_table_format_t format,
                                      int64_t max_rows);
/** Writes the whole table to @path in @format. */
NETAN_API gboolean netan_table_write(const netan_table_t *t, const char *path,
                                     netan_table_format_t format, GError **error);
NETAN_API void netan_table_free(netan_table_t *t);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(netan_table_t, netan_table_free)

G_END_DECLS

#endif
