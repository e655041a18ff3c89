/* Internal layout of a case, shared by the modules that read it in bulk.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_CASE_PRIVATE_H
#define NETAN_CASE_PRIVATE_H

#include <netan/netan.h>

typedef struct {
  const char *type;   /* interned (g_intern_string): compare by pointer */
  const char *key;    /* in the case's string chunk */
  const char *label;  /* in the string chunk; == key when none was given */
} netan_entity_rec_t;

typedef struct {
  int64_t a, b;
  const char *type;   /* interned */
  double weight;
  netan_provenance_t prov;
} netan_link_rec_t;

/* Direct read access for views and exporters (no copies). */
const netan_entity_rec_t *netan_case_i_entities(const netan_case_t *c);
const netan_link_rec_t *netan_case_i_links(const netan_case_t *c);

/* A point to roll back to: an ingest is all or nothing. */
typedef struct {
  int64_t n_sources, n_entities, n_links;
  uint64_t generation;
} netan_case_mark_t;

netan_case_mark_t netan_case_i_mark(const netan_case_t *c);
void netan_case_i_rollback(netan_case_t *c, const netan_case_mark_t *mark);

/* Validates a string argument: non-NULL, non-empty, valid UTF-8. */
gboolean netan_i_check_text(const char *what, const char *s, GError **error);

#endif
