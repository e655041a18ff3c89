/* The shape every per-entity measure is returned in.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_VERTEX_TABLE_H
#define NETAN_VERTEX_TABLE_H

#include "analysis/table-private.h"
#include "view/view-private.h"

/* Columns of a centrality table. */
enum { VT_ENTITY, VT_KEY, VT_LABEL, VT_TYPE, VT_VALUE, VT_RANK };

/* A centrality table of @values (one per vertex): sorted by value, highest
 * first, ties by key, with "1224" ranks; metadata "measure", "directed". */
netan_table_t *netan_vt_centrality(const netan_view_t *v, const double *values,
                                   const char *measure);

/* Fills the entity, key, label and type columns (0..3) of row @row with
 * the entity of vertex @vertex. */
void netan_vt_fill_entity(netan_table_t *t, int64_t row, const netan_view_t *v, int64_t vertex);

#endif
