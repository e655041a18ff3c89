/* Building result tables.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_TABLE_PRIVATE_H
#define NETAN_TABLE_PRIVATE_H

#include <netan/netan.h>

/* A table with @n_rows rows and the given columns (name, type pairs,
 * terminated by NULL), all cells zero / NULL. */
netan_table_t *netan_table_i_new(int64_t n_rows, const char *first_name, ...) G_GNUC_NULL_TERMINATED;
/* The same with the columns given as arrays (for tables built at run time). */
netan_table_t *netan_table_i_new_columns(int64_t n_rows, const char *const *names, const int *types, int n_cols);
void netan_table_i_set_int(netan_table_t *t, int64_t row, int col, int64_t value);
void netan_table_i_set_double(netan_table_t *t, int64_t row, int col, double value);
/* The string is copied; a string repeated in many cells is stored once
 * (see table.c). */
void netan_table_i_set_string(netan_table_t *t, int64_t row, int col, const char *value);
void netan_table_i_set_meta(netan_table_t *t, const char *key, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
/* A number in metadata, "%.17g" whatever the locale's decimal separator. */
void netan_table_i_set_meta_double(netan_table_t *t, const char *key, double value);
/* Reorders rows: new row i is old row order[i]. */
void netan_table_i_permute(netan_table_t *t, const int64_t *order);

#endif
