/* The vertex measures of centrality-paths.c, centrality-spectral.c and
 * centrality-structure.c (registered in centrality-registry.c), and what
 * they share. doc/measures.md says what each one means.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef NETAN_MEASURES_H
#define NETAN_MEASURES_H

#include "analysis/centrality-registry.h"
#include <netan/netan-edge-measures.h>

#include <math.h>

/* Path measures: read LENGTHS (centrality-paths.c). */
netan_table_t *netan_m_closeness(const netan_view_t *v, const netan_centrality_options_t *o, GError **error);
netan_table_t *netan_m_harmonic(const netan_view_t *v, const netan_centrality_options_t *o, GError **error);

/* Spectral measures: read STRENGTHS (centrality-spectral.c). */
netan_table_t *netan_m_eigenvector(const netan_view_t *v, const netan_centrality_options_t *o, GError **error);
netan_table_t *netan_m_hubs(const netan_view_t *v, const netan_centrality_options_t *o, GError **error);
netan_table_t *netan_m_authorities(const netan_view_t *v, const netan_centrality_options_t *o, GError **error);

/* Structure: k-cores (unweighted), Burt's structural holes (strengths as
 * tie weights) (centrality-structure.c). */
netan_table_t *netan_m_coreness(const netan_view_t *v, const netan_centrality_options_t *o, GError **error);
netan_table_t *netan_m_constraint(const netan_view_t *v, const netan_centrality_options_t *o, GError **error);
netan_table_t *netan_m_effective_size(const netan_view_t *v, const netan_centrality_options_t *o, GError **error);

/* What "weights" says for a measure that reads strengths. */
#define NETAN_M_STRENGTHS "strength=sum of link weights"

/* The mode as igraph takes it, or FALSE with NETAN_ERROR_INVALID_ARGUMENT. */
static inline gboolean
netan_m_mode(const char *what, netan_degree_mode_t mode, igraph_neimode_t *out, GError **error)
{
  switch (mode) {
  case NETAN_DEGREE_ALL: *out = IGRAPH_ALL; return TRUE;
  case NETAN_DEGREE_IN: *out = IGRAPH_IN; return TRUE;
  case NETAN_DEGREE_OUT: *out = IGRAPH_OUT; return TRUE;
  }
  g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "%s: unknown mode %d", what, (int)mode);
  return FALSE;
}

/* The mode as results name it: "all" on undirected views whatever was asked. */
static inline const char *
netan_m_mode_name(const netan_view_t *v, netan_degree_mode_t mode)
{
  if (!netan_view_is_directed(v) || mode == NETAN_DEGREE_ALL)
    return "all";
  return mode == NETAN_DEGREE_IN ? "in" : "out";
}

/* A NaN cutoff is a caller's mistake; any negative one means "none". */
static inline gboolean
netan_m_check_cutoff(const char *what, double cutoff, GError **error)
{
  if (!isnan(cutoff))
    return TRUE;
  g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
              "%s: cutoff must be a number (negative for none), not NaN", what);
  return FALSE;
}

static inline void
netan_m_set_cutoff_meta(netan_table_t *t, double cutoff)
{
  if (cutoff < 0)
    netan_table_i_set_meta(t, "cutoff", "none");
  else
    netan_table_i_set_meta_double(t, "cutoff", cutoff);
}

/*
 * A centrality table of @values, like netan_vt_centrality(), but where a
 * value may be NaN ("undefined for this vertex", e.g. the constraint of an
 * isolate): NaN rows sort after every number, share one rank, and keep
 * NaN as their value. (netan_vt_centrality() itself assumes numbers.)
 * @values is modified in place and undone.
 */
static inline netan_table_t *
netan_m_table(const netan_view_t *v, double *values, const char *measure)
{
  int64_t n = netan_view_n_vertices(v), n_nan = 0;
  for (int64_t i = 0; i < n; i++)
    if (isnan(values[i])) {
      values[i] = -INFINITY;
      n_nan++;
    }
  netan_table_t *t = netan_vt_centrality(v, values, measure);
  if (n_nan > 0) {
    for (int64_t i = 0; i < n; i++)
      if (values[i] == -INFINITY)
        values[i] = NAN;
    for (int64_t r = n - n_nan; r < n; r++)
      netan_table_i_set_double(t, r, VT_VALUE, NAN);
  }
  return t;
}

#endif
