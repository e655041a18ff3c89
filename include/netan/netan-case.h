/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_CASE_H
#define NETAN_CASE_H

#include <netan/netan-common.h>

G_BEGIN_DECLS

/**
 * A case: the container of sources, entities and links (DESIGN.md §3).
 *
 * Entities are identified by (type, key); the key is the normalized
 * identifier, the label what a person reads. Ids are dense, starting at 0,
 * in insertion order, and never reused. Every link keeps the source rows it
 * came from. A case is not thread-safe: use one case from one thread at a
 * time.
 */
typedef struct netan_case netan_case_t;

/** Where a fact came from: a source of the case and a row (line) in it. */
typedef struct {
  int64_t source_id;
  int64_t row;
} netan_provenance_t;

/* ---- sources ---- */

#define NETAN_SOURCE_INFO_VERSION 1

/**
 * What is known about a source: where the records came from and how far
 * they can be trusted and shared. Strings are UTF-8; NULL = unknown.
 *
 * Grading schemes (validated when @grading_scheme is set):
 * - "admiralty": source reliability A-F + information credibility 1-6, "B2";
 * - "uk-3x5x2": source 1-3 + intelligence A-E, e.g. "1A"; handling "P" or "C";
 * - "europol": source A, B, C or X + information 1-4, e.g. "B2"; handling H0-H3.
 */
typedef struct {
  unsigned int version;        /* NETAN_SOURCE_INFO_VERSION */
  const char *name;            /* required: usually the file name */
  const char *agency;          /* e.g. "Police of Serbia, UKP" */
  const char *jurisdiction;    /* ISO 3166-1 alpha-2 ("XK" for Kosovo) */
  const char *received;        /* ISO 8601 date, e.g. "2026-11-02" */
  const char *sha256;          /* hex digest of the file */
  const char *grading_scheme;  /* "admiralty", "uk-3x5x2", "europol" */
  const char *grading;         /* e.g. "B2" */
  const char *handling;        /* e.g. "H1" (europol), "P"/"C" (uk-3x5x2), free text otherwise */
} netan_source_info_t;
#define NETAN_SOURCE_INFO_INIT { NETAN_SOURCE_INFO_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/** Checks a grading (and handling code, may be NULL) against a scheme. */
NETAN_API gboolean netan_grading_check(const char *scheme, const char *grading,
                                       const char *handling, GError **error);

/* ---- the case ---- */

/** Creates an empty case. Free with netan_case_free(). Never NULL. */
NETAN_API netan_case_t *netan_case_new(void);
NETAN_API void netan_case_free(netan_case_t *c);

/**
 * Registers a source (for example an input file) and returns its id.
 * @name: required, UTF-8; @sha256: hex digest of the file, or NULL.
 * Returns -1 and sets @error on invalid arguments.
 */
NETAN_API int64_t netan_case_add_source(netan_case_t *c, const char *name,
                                        const char *sha256, GError **error);
/** Registers a source with all it is known by. Returns its id or -1. */
NETAN_API int64_t netan_case_add_source_info(netan_case_t *c, const netan_source_info_t *info,
                                             GError **error);
/** Fills @out with source @source_id (strings borrowed from the case). */
NETAN_API gboolean netan_case_get_source_info(const netan_case_t *c, int64_t source_id,
                                              netan_source_info_t *out);
NETAN_API int64_t netan_case_n_sources(const netan_case_t *c);
/** What the ingest of source @source_id did: rows read = ingested + rejected.
 * FALSE if the source was not ingested by netan (or is out of range). */
NETAN_API gboolean netan_case_source_rows(const netan_case_t *c, int64_t source_id, int64_t *read,
                                          int64_t *ingested, int64_t *rejected);
/** Borrowed; NULL if @source_id is out of range. */
NETAN_API const char *netan_case_source_name(const netan_case_t *c, int64_t source_id);
NETAN_API const char *netan_case_source_sha256(const netan_case_t *c, int64_t source_id);

/**
 * Adds an entity or returns the id of the existing one with the same
 * @type and @key. @type is a built-in type name ("person", "phone", ...)
 * or a custom one; @label may be NULL (the key is shown). All strings must
 * be valid UTF-8 and non-empty. Returns -1 and sets @error otherwise.
 */
NETAN_API int64_t netan_case_add_entity(netan_case_t *c, const char *type,
                                        const char *key, const char *label,
                                        GError **error);
NETAN_API int64_t netan_case_n_entities(const netan_case_t *c);
/** Looks up (type, key). Returns the id, or -1 if there is none. */
NETAN_API int64_t netan_case_find_entity(const netan_case_t *c, const char *type,
                                         const char *key);
/* Borrowed strings; NULL if @id is out of range. */
NETAN_API const char *netan_case_entity_type(const netan_case_t *c, int64_t id);
NETAN_API const char *netan_case_entity_key(const netan_case_t *c, int64_t id);
NETAN_API const char *netan_case_entity_label(const netan_case_t *c, int64_t id);

/**
 * Adds a link from entity @a to entity @b of @type ("contact", "call", ...)
 * with a strength @weight (> 0, finite: more is closer) and the row it came
 * from (@prov may be NULL for facts asserted by a program). A link is one
 * record; views aggregate repeated links between the same pair.
 * Returns the link id, or -1 and sets @error.
 */
NETAN_API int64_t netan_case_add_link(netan_case_t *c, int64_t a, int64_t b,
                                      const char *type, double weight,
                                      const netan_provenance_t *prov,
                                      GError **error);
NETAN_API int64_t netan_case_n_links(const netan_case_t *c);
/** Reads link @id; any out pointer may be NULL. FALSE if @id is out of range. */
NETAN_API gboolean netan_case_get_link(const netan_case_t *c, int64_t id,
                                       int64_t *a, int64_t *b, const char **type,
                                       double *weight, netan_provenance_t *prov);

/* ---- events: timed records (calls, messages, transfers, crossings) ---- */

/**
 * One observed record between entities at a time. Events are kept one by
 * one, not only their counts, so that time windows and timelines work.
 */
typedef struct {
  int64_t from;          /* entity id */
  int64_t to;            /* entity id, or -1 when the event has no counterpart */
  const char *type;      /* "call", "sms", "transfer", "crossing", "sighting", ... */
  int64_t time;          /* seconds since 1970-01-01 UTC */
  int64_t duration;      /* seconds, or -1 if unknown */
  double amount;         /* NAN if none */
  const char *currency;  /* ISO 4217 code, or NULL */
  netan_provenance_t prov;
} netan_event_t;

/** Adds an event; returns its id, or -1 and sets @error. */
NETAN_API int64_t netan_case_add_event(netan_case_t *c, const netan_event_t *event, GError **error);
NETAN_API int64_t netan_case_n_events(const netan_case_t *c);
/** Reads event @id (strings borrowed); FALSE if out of range. */
NETAN_API gboolean netan_case_get_event(const netan_case_t *c, int64_t id, netan_event_t *out);

/* ---- attributes and provenance of entities ---- */

/**
 * Records attribute @name = @value of entity @entity, from @prov (may be
 * NULL). An entity may have several values for one name (from different
 * sources); all are kept in order.
 */
NETAN_API int64_t netan_case_add_attribute(netan_case_t *c, int64_t entity, const char *name,
                                           const char *value, const netan_provenance_t *prov,
                                           GError **error);
NETAN_API int64_t netan_case_n_attributes(const netan_case_t *c);
NETAN_API gboolean netan_case_get_attribute(const netan_case_t *c, int64_t id, int64_t *entity,
                                            const char **name, const char **value,
                                            netan_provenance_t *prov);
/** The last value recorded for (@entity, @name), or NULL. Borrowed. */
NETAN_API const char *netan_case_entity_attribute(const netan_case_t *c, int64_t entity,
                                                  const char *name);

/**
 * Records that @entity was seen in a row. Each (entity, source) pair keeps
 * the first row it was seen in; the other rows are those of the events,
 * links and attributes that name the entity.
 */
NETAN_API gboolean netan_case_note_entity(netan_case_t *c, int64_t entity,
                                          const netan_provenance_t *prov, GError **error);
/** The sources entity @entity was seen in, with the first row in each:
 * parallel arrays (may be NULL), g_free() each. Returns their length. */
NETAN_API int64_t netan_case_entity_provenance(const netan_case_t *c, int64_t entity,
                                               int64_t **source_ids, int64_t **first_rows);

/* ---- merges: resolving two entities into one, recorded and reversible ---- */

/**
 * Merges entity @b into entity @a: views then show them as one vertex,
 * @a's. Records who/what decided (@rule, e.g. "analyst:jdoe" or
 * "exact:phone"), the @score and the time. Merging entities already merged
 * into each other, or an entity with itself, is an error. Returns the
 * merge id, or -1.
 */
NETAN_API int64_t netan_case_merge(netan_case_t *c, int64_t a, int64_t b, const char *rule,
                                   double score, GError **error);
/** Undoes merge @merge_id (entities merged into @b later stay with @b). */
NETAN_API gboolean netan_case_unmerge(netan_case_t *c, int64_t merge_id, GError **error);
NETAN_API int64_t netan_case_n_merges(const netan_case_t *c);
/** Reads merge @id; FALSE if out of range. @active is FALSE once undone. */
NETAN_API gboolean netan_case_get_merge(const netan_case_t *c, int64_t id, int64_t *a, int64_t *b,
                                        const char **rule, double *score, int64_t *time,
                                        gboolean *active);
/** The entity @id stands for after merges (itself if not merged). */
NETAN_API int64_t netan_case_canonical(const netan_case_t *c, int64_t id);

/** A counter that changes whenever the case changes (views use it). */
NETAN_API uint64_t netan_case_generation(const netan_case_t *c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(netan_case_t, netan_case_free)

G_END_DECLS

#endif
