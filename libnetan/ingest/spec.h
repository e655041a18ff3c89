/* Mapping specs: the parsed form of doc/mapping-spec.md.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_SPEC_H
#define NETAN_SPEC_H

#include <netan/netan.h>

/* A column reference: a header name, or a 1-based number when the file
 * has no header. Resolved to an index when the header has been read. */
typedef struct {
  char *name;          /* as written in the spec; NULL = not used */
  int index;           /* 0-based after resolution, -1 before */
} netan_column_ref_t;

typedef struct {
  char *name;                 /* section name after "entity:" */
  char *type;                 /* fixed type, or NULL when read from type_column */
  netan_column_ref_t type_column;
  netan_column_ref_t key;
  GArray *label;              /* of netan_column_ref_t: joined with spaces */
  int normalizer;             /* netan_normalizer_t */
  gboolean optional;
  char *split;                /* separator of several values in one cell, or NULL */
} netan_spec_entity_t;

typedef struct {
  char *type;                 /* fixed type, or NULL when read from type_column */
  netan_column_ref_t type_column;
  GHashTable *type_map;       /* raw value -> type, or NULL */
  int from, to;               /* indexes into entities; to may be -1 */
  netan_column_ref_t time, duration, amount, currency_column;
  char *currency;             /* fixed currency, or NULL */
} netan_spec_event_t;

typedef struct {
  char *name;
  char *type;
  netan_column_ref_t type_column;
  GHashTable *type_map;
  int from, to;
  netan_column_ref_t weight;
} netan_spec_link_t;

typedef struct {
  int entity;                 /* index into entities */
  char *name;
  netan_column_ref_t column;
} netan_spec_attribute_t;

typedef enum { NETAN_TIME_ISO8601, NETAN_TIME_EPOCH, NETAN_TIME_FORMAT } netan_time_kind_t;

typedef struct {
  char *kind;
  char delimiter;
  char *encoding;             /* NULL = UTF-8 */
  gboolean header;
  char *region;
  netan_time_kind_t time_kind;
  char *time_format;          /* for NETAN_TIME_FORMAT */
  GTimeZone *timezone;
  char *timezone_name;
  GPtrArray *entities;        /* of netan_spec_entity_t* */
  netan_spec_event_t *event;  /* or NULL */
  GPtrArray *links;           /* of netan_spec_link_t* */
  GPtrArray *attributes;      /* of netan_spec_attribute_t* */
  /* [source] defaults */
  char *agency, *jurisdiction, *grading_scheme, *grading, *handling;
} netan_spec_t;

/* Parses a spec from key-file text; @origin names it in messages. Every
 * problem is reported before any row is read. */
netan_spec_t *netan_spec_parse(const char *text, const char *origin, GError **error);
void netan_spec_free(netan_spec_t *spec);

/* Resolves the column references against the file's header (or checks the
 * numbers against its width). @path names the file in messages. */
gboolean netan_spec_resolve(netan_spec_t *spec, const char *const *header, int n_columns,
                            const char *path, GError **error);

/* The text of a built-in spec, or NULL. */
const char *netan_spec_builtin(const char *kind);
const char *const *netan_spec_builtin_kinds(void);

#endif
