/* The measures netan_centrality() dispatches to.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_CENTRALITY_REGISTRY_H
#define NETAN_CENTRALITY_REGISTRY_H

#include "analysis/vertex-table.h"

typedef netan_table_t *(*netan_measure_fn)(const netan_view_t *v, const netan_centrality_options_t *o,
                                           GError **error);

typedef struct {
  const char *name;
  netan_measure_fn fn;
  const char *summary;   /* one line: what it means and what it reads */
} netan_measure_t;

/* The measures, NULL-name terminated. */
extern const netan_measure_t netan_measures[];

#endif
