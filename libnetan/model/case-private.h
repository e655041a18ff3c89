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

/* Entity ids in link and event records are 32-bit (a case holds at most
 * NETAN_CASE_MAX_ENTITIES): they are most of the case's memory, and this
 * makes a link 40 bytes instead of 48, an event 64 instead of 72. */
#define NETAN_CASE_MAX_ENTITIES INT32_MAX

typedef struct {
  int32_t a, b;
  const char *type;   /* interned */
  double weight;
  netan_provenance_t prov;
} netan_link_rec_t;
G_STATIC_ASSERT(sizeof(netan_link_rec_t) == 40);

typedef struct {
  int32_t from, to;     /* to = -1: an event with one party */
  const char *type;     /* interned */
  int64_t time, duration;
  double amount;
  const char *currency; /* interned or NULL */
  netan_provenance_t prov;
} netan_event_rec_t;
G_STATIC_ASSERT(sizeof(netan_event_rec_t) == 64);

typedef struct {
  int64_t entity;
  const char *name;     /* interned */
  const char *value;    /* in strings */
  netan_provenance_t prov;
} netan_attribute_rec_t;

typedef struct {
  int64_t entity, source_id, first_row;
  int64_t next;  /* the entity's previous seen record, or -1: a list per entity */
} netan_seen_rec_t;

typedef struct {
  int64_t a, b;
  const char *rule;     /* in strings */
  double score;
  int64_t time;
  gboolean active;
} netan_merge_rec_t;

typedef struct {
  char *name, *agency, *jurisdiction, *received, *sha256, *grading_scheme, *grading, *handling;
  int64_t rows_read, rows_rejected;  /* what the ingest of this source did; -1 if unknown */
} netan_source_rec_t;

struct netan_case {
  GPtrArray *sources;        /* of netan_source_rec_t* */
  GArray *entities;          /* of netan_entity_rec_t */
  GArray *links;             /* of netan_link_rec_t */
  GArray *events;            /* of netan_event_rec_t */
  GArray *attributes;        /* of netan_attribute_rec_t */
  GArray *seen;              /* of netan_seen_rec_t */
  GHashTable *seen_index;    /* (entity, source) packed -> index + 1 in seen */
  GArray *seen_head;         /* int64 per entity: its newest seen record, or -1 */
  GArray *merges;            /* of netan_merge_rec_t */
  GArray *merged_into;       /* int64 per entity: -1, or the entity it was merged into */
  GStringChunk *strings;     /* keys, labels, values: identifiers repeat, store once */
  GHashTable *by_type_key;   /* "type\x1fkey" (in strings) -> id + 1 */
  uint64_t generation;
  char *file_id;             /* store/: "<case uuid> <save uuid>" of the case file this case was
                                opened from or last saved to; NULL if none (g_free) */
};

/* Direct read access for views and exporters (no copies). */
const netan_event_rec_t *netan_case_i_events(const netan_case_t *c);
const netan_entity_rec_t *netan_case_i_entities(const netan_case_t *c);
const netan_link_rec_t *netan_case_i_links(const netan_case_t *c);

/* A point to roll back to: an ingest is all or nothing. */
typedef struct {
  int64_t n_sources, n_entities, n_links, n_events, n_attributes, n_seen, n_merges;
  uint64_t generation;
} netan_case_mark_t;

netan_case_mark_t netan_case_i_mark(const netan_case_t *c);
void netan_case_i_rollback(netan_case_t *c, const netan_case_mark_t *mark);

/* Hash of the packed (entity, source) keys of seen_index: g_int64_hash
 * folds the halves and collides badly on them; this mixes (Fibonacci). */
guint netan_case_i_seen_hash(gconstpointer key);
/* Undoes netan_case_note_entity records after a mark (seen.c). */
void netan_case_i_rollback_seen(netan_case_t *c, int64_t n_seen);
/* Records what the ingest of a source did (source.c). */
void netan_case_i_set_source_rows(netan_case_t *c, int64_t source_id, int64_t read, int64_t rejected);
/* Sets the SHA-256 of a source once its file has been read (source.c). */
void netan_case_i_set_source_sha256(netan_case_t *c, int64_t source_id, const char *sha256);
/* Frees the record of one source (source.c). */
void netan_source_rec_free(gpointer p);
/* TRUE if @s is a valid id of a source of @c. */
gboolean netan_case_i_has_source(const netan_case_t *c, int64_t source_id);
/* Checks @prov (may be NULL) names a source of @c. */
gboolean netan_case_i_check_prov(const netan_case_t *c, const netan_provenance_t *prov, GError **error);

/* Validates a string argument: non-NULL, non-empty, valid UTF-8. */
gboolean netan_i_check_text(const char *what, const char *s, GError **error);

#endif
