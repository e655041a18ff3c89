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
NETAN_API int64_t netan_case_n_sources(const netan_case_t *c);
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

/** A counter that changes whenever the case changes (views use it). */
NETAN_API uint64_t netan_case_generation(const netan_case_t *c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(netan_case_t, netan_case_free)

G_END_DECLS

#endif
