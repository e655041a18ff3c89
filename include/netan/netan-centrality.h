/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_CENTRALITY_H
#define NETAN_CENTRALITY_H

#include <netan/netan-analysis.h>

G_BEGIN_DECLS

/*
 * Every vertex centrality by name, with one options struct: what the CLI
 * (`netan centrality --measure M`) and the bindings call. The measures and
 * what each reads (strengths or lengths) are documented in
 * doc/measures.md; each result records it in its metadata ("weights").
 */

#define NETAN_CENTRALITY_OPTIONS_VERSION 1
typedef struct {
  unsigned int version;        /* NETAN_CENTRALITY_OPTIONS_VERSION */
  netan_degree_mode_t mode;    /* degree, closeness, harmonic, coreness on directed views */
  gboolean normalized;         /* the measure's documented normalisation */
  double cutoff;               /* path measures: only paths up to this length; < 0 = no cutoff */
  int64_t samples;             /* betweenness: 0 = exact; k > 0 = estimate from k random sources */
  uint64_t seed;               /* sampling; ARPACK start vector (eigenvector, hubs, authorities) */
  double damping;              /* pagerank */
  gboolean weighted;           /* FALSE: ignore edge weights altogether */
  int threads;                 /* betweenness: worker threads; 0 = one per core */
  netan_progress_cb progress;  /* may be NULL; can cancel */
  void *payload;
} netan_centrality_options_t;
#define NETAN_CENTRALITY_OPTIONS_INIT \
  { NETAN_CENTRALITY_OPTIONS_VERSION, NETAN_DEGREE_ALL, FALSE, -1.0, 0, 42, 0.85, TRUE, 0, NULL, NULL }
NETAN_API void netan_centrality_options_init(netan_centrality_options_t *opts);

/** The measure names netan_centrality() knows, NULL-terminated. */
NETAN_API const char *const *netan_centrality_measures(void);

/**
 * Measure @measure on every vertex of @v: a centrality table (see
 * netan-analysis.h). NETAN_ERROR_NOT_FOUND for an unknown measure name.
 */
NETAN_API netan_table_t *netan_centrality(const netan_view_t *v, const char *measure,
                                          const netan_centrality_options_t *opts, GError **error);

G_END_DECLS

#endif
