/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_RESOLVE_H
#define NETAN_RESOLVE_H

#include <netan/netan-case.h>
#include <netan/netan-table.h>

G_BEGIN_DECLS

/*
 * Entity resolution. Exact identifier matches need nothing: the same
 * normalised key is the same entity, with the provenance of every row that
 * named it. Fuzzy matches (names spelled differently, in another script)
 * are only SUGGESTED here, with a score and the evidence; an analyst
 * confirms them with netan_case_merge(), which is recorded and reversible.
 */

#define NETAN_SUGGEST_OPTIONS_VERSION 1
typedef struct {
  unsigned int version;
  const char *entity_type;  /* entities compared; default "person" */
  double threshold;         /* smallest score reported; default 0.85 */
  double shared_bonus;      /* added per identifier both are linked to; default 0.05 */
  int64_t max_pairs;        /* at most this many rows, best first; default 1000 */
} netan_suggest_options_t;
#define NETAN_SUGGEST_OPTIONS_INIT { NETAN_SUGGEST_OPTIONS_VERSION, "person", 0.85, 0.05, 1000 }
NETAN_API void netan_suggest_options_init(netan_suggest_options_t *opts);

/**
 * Pairs of entities that may be the same, best first. The score is the
 * Jaro–Winkler similarity of their normalised keys (names are
 * transliterated to Latin, folded, tokens sorted) plus @shared_bonus for
 * every identifier (phone, document, account, vehicle, ...) linked to both,
 * capped at 1. Pairs already merged are left out. Candidate pairs share a
 * two-letter prefix of some name token, so the work stays far below all
 * pairs on large cases.
 *
 * Columns: a, a_key, a_label, b, b_key, b_label (entity ids, strings),
 * score, name_similarity (double), shared (int), evidence (string).
 */
NETAN_API netan_table_t *netan_case_suggest_merges(const netan_case_t *c,
                                                   const netan_suggest_options_t *opts,
                                                   GError **error);

G_END_DECLS

#endif
