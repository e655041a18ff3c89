/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_INGEST_H
#define NETAN_INGEST_H

#include <netan/netan-case.h>

G_BEGIN_DECLS

/**
 * What one ingest did with its input. Counts always reconcile:
 * rows_read == rows_ingested + rows_rejected (the header row is not counted).
 */
typedef struct netan_ingest_report netan_ingest_report_t;

/** One rejected row: where it was and why. Strings are borrowed from the report. */
typedef struct {
  const char *file;
  int64_t line;    /* 1-based physical line where the row starts */
  int64_t column;  /* 1-based field number the problem is in; 0 = whole row */
  const char *reason;
} netan_reject_t;

NETAN_API int64_t netan_ingest_report_rows_read(const netan_ingest_report_t *r);
NETAN_API int64_t netan_ingest_report_rows_ingested(const netan_ingest_report_t *r);
NETAN_API int64_t netan_ingest_report_rows_rejected(const netan_ingest_report_t *r);
/** The source id the rows were recorded under. */
NETAN_API int64_t netan_ingest_report_source_id(const netan_ingest_report_t *r);
/** Reject @i (0 <= i < rows_rejected); FALSE if out of range. */
NETAN_API gboolean netan_ingest_report_get_reject(const netan_ingest_report_t *r,
                                                  int64_t i, netan_reject_t *out);
/** Writes the rejects as CSV (file,line,column,reason) to @path. */
NETAN_API gboolean netan_ingest_report_write_rejects(const netan_ingest_report_t *r,
                                                     const char *path, GError **error);
NETAN_API void netan_ingest_report_free(netan_ingest_report_t *r);

#define NETAN_EDGELIST_OPTIONS_VERSION 1

/**
 * Options of netan_ingest_edgelist(). Initialise with
 * NETAN_EDGELIST_OPTIONS_INIT or netan_edgelist_options_init(), then set
 * what you need; fields may be appended in later versions.
 */
typedef struct {
  unsigned int version;     /* NETAN_EDGELIST_OPTIONS_VERSION */
  const char *entity_type;  /* type of both endpoints; default "person" */
  const char *link_type;    /* default "contact" */
  char delimiter;           /* default ','; '\t' for TSV, ';' */
  gboolean strict;          /* stop at the first bad row, with its location */
  gboolean allow_self_loops;/* default FALSE: a row linking an entity to itself is rejected */
} netan_edgelist_options_t;

#define NETAN_EDGELIST_OPTIONS_INIT { NETAN_EDGELIST_OPTIONS_VERSION, "person", "contact", ',', FALSE, FALSE }
NETAN_API void netan_edgelist_options_init(netan_edgelist_options_t *opts);

/**
 * Reads an edge list `source,target[,weight]` (a header row first; UTF-8,
 * an optional BOM; RFC 4180 quoting, CRLF or LF) into @c. Entities are
 * created by key (the id as written, surrounding spaces trimmed). A missing
 * or empty weight is 1. The file is streamed, never loaded whole.
 *
 * A bad row (wrong number of fields, empty id, weight that is not a
 * positive finite number, broken quoting, invalid UTF-8, self-loop) is
 * rejected with its line, column and reason, and reading goes on; with
 * @opts->strict the call fails instead (NETAN_ERROR_PARSE, message
 * "FILE:LINE:COLUMN: reason") and the case is left as it was.
 *
 * Returns: the report (free with netan_ingest_report_free()), or NULL with
 * @error set if the file cannot be read, has no header, or strict mode
 * stopped. @opts may be NULL for the defaults.
 */
NETAN_API netan_ingest_report_t *netan_ingest_edgelist(netan_case_t *c, const char *path,
                                                       const netan_edgelist_options_t *opts,
                                                       GError **error);

#define NETAN_INGEST_OPTIONS_VERSION 1

/**
 * Options of netan_ingest_file(). Give @kind (a built-in spec: see
 * netan_ingest_kinds()) or @spec_path (a mapping spec file, see
 * doc/mapping-spec.md). Fields of @source that are set override the
 * spec's [source] section; its name defaults to the file's base name.
 */
typedef struct {
  unsigned int version;          /* NETAN_INGEST_OPTIONS_VERSION */
  const char *kind;
  const char *spec_path;
  const char *region;            /* default phone region (ISO 3166 alpha-2); overrides the spec */
  netan_source_info_t source;
  gboolean strict;               /* stop at the first bad row, leaving the case as it was */
  netan_progress_cb progress;    /* may be NULL; can cancel */
  void *payload;
} netan_ingest_options_t;
#define NETAN_INGEST_OPTIONS_INIT { NETAN_INGEST_OPTIONS_VERSION, NULL, NULL, NULL, NETAN_SOURCE_INFO_INIT, FALSE, NULL, NULL }
NETAN_API void netan_ingest_options_init(netan_ingest_options_t *opts);

/**
 * Ingests one file through a mapping spec: every row becomes entities,
 * an event, links and attributes, each with its provenance (the source
 * registered for the file, and the row's line), or is rejected with its
 * line, column and reason. Identifiers are normalised (phones to E.164,
 * plates, IBANs, IMEIs, e-mails, names) with a cache: the same entity is
 * found again whatever spelling the row used.
 *
 * The spec is checked against the file before any row is read (unknown
 * encoding, missing column, malformed spec: an error, nothing ingested).
 * The phone and name normalizers, and the check of a region, need the
 * netan-i18n module (doc/mapping-spec.md); if it cannot be loaded, that
 * is an error too (NETAN_ERROR_BACKEND, saying where it was looked for).
 * One ingest is one transaction: a strict stop, a read error or a cancel
 * leaves the case exactly as it was. The file is streamed.
 *
 * Returns the report, or NULL with @error set.
 */
NETAN_API netan_ingest_report_t *netan_ingest_file(netan_case_t *c, const char *path,
                                                   const netan_ingest_options_t *opts,
                                                   GError **error);

/** The names of the built-in specs, NULL-terminated; owned by the library. */
NETAN_API const char *const *netan_ingest_kinds(void);
/** The text of built-in spec @kind (owned by the library), or NULL. */
NETAN_API const char *netan_ingest_kind_spec(const char *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(netan_ingest_report_t, netan_ingest_report_free)

G_END_DECLS

#endif
