/* Spectral measures: eigenvector centrality, hubs and authorities. All read
 * STRENGTHS (a frequent contact passes on more importance).
 *
 * igraph finds the leading eigenvector with ARPACK, started from the
 * degrees plus a small random perturbation. netan seeds igraph's RNG (so
 * the same view gives the same digits every time) and checks what comes
 * back: the residual |M x - lambda x| must be at rounding level, and a zero
 * eigenvalue is accepted only where the leading eigenvalue really is zero.
 * On directed views that are not strongly connected ARPACK's non-symmetric
 * solver (eigenvector, mode "in") can stop on a wrong vector; netan then
 * tries again from other perturbations, and fails with NETAN_ERROR_BACKEND
 * rather than return an unverified answer.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/measures.h"

#include <string.h>

typedef enum { SPECTRAL_EIGENVECTOR, SPECTRAL_HUBS, SPECTRAL_AUTHORITIES } spectral_kind_t;

/* ARPACK runs before giving up; each starts from another perturbation. */
#define SPECTRAL_ATTEMPTS 5
/* Largest accepted residual, relative to lambda * max |x|. ARPACK is asked
 * for machine precision; what it returns is ~1e-15 here. */
#define SPECTRAL_RESIDUAL 1e-8

typedef struct {
  const netan_view_t *view;
  spectral_kind_t kind;
  const igraph_vector_t *weights;  /* strengths, or NULL */
  igraph_bool_t directed;          /* eigenvector: follow in-links */
  igraph_vector_t hubs, auths;     /* HITS: both; eigenvector: hubs holds it */
  igraph_real_t eigenvalue;
  double residual;                 /* relative; set by the check */
  gboolean verified;
} spectral_job_t;

/* y += M x for the matrix the measure reads: A (eigenvector, in-links:
 * y_v = sum_u w_uv x_u), A + A^T (eigenvector with direction ignored, and
 * undirected views), or for HITS, A or A^T as @transpose says, where an
 * undirected edge goes both ways. */
static void
multiply(const spectral_job_t *j, const double *x, double *y, gboolean both_ways, gboolean transpose)
{
  const igraph_t *g = &j->view->graph;
  int64_t m = igraph_ecount(g);
  for (int64_t e = 0; e < m; e++) {
    int64_t u = IGRAPH_FROM(g, e), v = IGRAPH_TO(g, e);
    double w = j->weights ? VECTOR(*j->weights)[e] : 1.0;
    if (both_ways) {
      y[u] += w * x[v];
      y[v] += w * x[u];
    } else if (transpose) {
      y[v] += w * x[u];
    } else {
      y[u] += w * x[v];
    }
  }
}

/* max_i |y_i - lambda x_i| / (lambda max_i |x_i|), or 0 when lambda x = 0 = y */
static double
relative_residual(const double *x, const double *y, double lambda, int64_t n)
{
  double r = 0, xmax = 0;
  for (int64_t i = 0; i < n; i++) {
    r = MAX(r, fabs(y[i] - lambda * x[i]));
    xmax = MAX(xmax, fabs(x[i]));
  }
  double scale = fabs(lambda) * xmax;
  return scale > 0 ? r / scale : (r == 0 ? 0 : INFINITY);
}

/* Is @j's answer the leading eigenvector? */
static igraph_error_t
spectral_check(spectral_job_t *j)
{
  const igraph_t *g = &j->view->graph;
  int64_t n = igraph_vcount(g), m = igraph_ecount(g);
  gboolean undirected = !igraph_is_directed(g);
  gboolean any_tie = FALSE;
  for (int64_t e = 0; e < m && !any_tie; e++)
    any_tie = (j->weights ? VECTOR(*j->weights)[e] : 1.0) > 0;
  if (!any_tie) {
    /* M = 0: every vector is an eigenvector of eigenvalue 0 (igraph gives
     * all ones, and NaN for the HITS eigenvalue) */
    j->eigenvalue = 0;
    j->residual = 0;
    j->verified = TRUE;
    return IGRAPH_SUCCESS;
  }
  double *t = g_new0(double, n > 0 ? n : 1), *y = g_new0(double, n > 0 ? n : 1);
  double lambda = j->eigenvalue, worst = 0;

  if (j->kind == SPECTRAL_EIGENVECTOR) {
    const double *x = VECTOR(j->hubs);
    multiply(j, x, y, undirected || !j->directed, TRUE);
    worst = relative_residual(x, y, lambda, n);
  } else {
    /* hubs: A A^T h = lambda h; authorities: A^T A a = lambda a */
    const double *h = VECTOR(j->hubs), *a = VECTOR(j->auths);
    multiply(j, h, t, undirected, TRUE);
    multiply(j, t, y, undirected, FALSE);
    worst = relative_residual(h, y, lambda, n);
    memset(t, 0, (size_t)n * sizeof(double));
    memset(y, 0, (size_t)n * sizeof(double));
    multiply(j, a, t, undirected, FALSE);
    multiply(j, t, y, undirected, TRUE);
    worst = MAX(worst, relative_residual(a, y, lambda, n));
  }
  g_free(t);
  g_free(y);

  /* lambda = 0 with ties present is right only for the in-link eigenvector
   * of an acyclic view (no cycle: A is nilpotent, igraph returns zeros) */
  gboolean zero_ok = FALSE;
  if (j->kind == SPECTRAL_EIGENVECTOR && j->directed && !undirected) {
    igraph_bool_t dag;
    IGRAPH_CHECK(igraph_is_dag(g, &dag));
    zero_ok = dag;
  }
  j->residual = worst;
  j->verified = worst <= SPECTRAL_RESIDUAL && (lambda > 0 || zero_ok);
  return IGRAPH_SUCCESS;
}

static igraph_error_t
spectral_run(void *data)
{
  spectral_job_t *j = data;
  const igraph_t *g = &j->view->graph;
  igraph_arpack_options_t arpack;
  igraph_arpack_options_init(&arpack);
  if (j->kind == SPECTRAL_EIGENVECTOR)
    IGRAPH_CHECK(igraph_eigenvector_centrality(g, &j->hubs, &j->eigenvalue, j->directed, /* scale */ 1,
                                               j->weights, &arpack));
  else
    IGRAPH_CHECK(igraph_hub_and_authority_scores(g, &j->hubs, &j->auths, &j->eigenvalue, /* scale */ 1,
                                                 j->weights, &arpack));
  return spectral_check(j);
}

static netan_table_t *
spectral_measure(const netan_view_t *v, const netan_centrality_options_t *o, spectral_kind_t kind,
                 GError **error)
{
  static const char *const names[] = { "eigenvector", "hubs", "authorities" };
  const char *what = names[kind];
  gboolean directed = netan_view_is_directed(v);
  spectral_job_t j = { .view = v, .kind = kind };
  if (kind == SPECTRAL_EIGENVECTOR) {
    igraph_neimode_t mode;
    if (!netan_m_mode(what, o->mode, &mode, error))
      return NULL;
    if (directed && mode == IGRAPH_OUT) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "eigenvector: mode \"out\" is not offered: eigenvector centrality follows in-links "
                  "(mode \"in\") or ignores direction (mode \"all\"); for out-links see \"hubs\"");
      return NULL;
    }
    j.directed = directed && mode == IGRAPH_IN;
  }
  if (!netan_view_i_check(v, error))
    return NULL;
  j.weights = o->weighted ? &v->strength : NULL;
  igraph_vector_init(&j.hubs, 0);
  igraph_vector_init(&j.auths, 0);
  GError *failure = NULL;  /* igraph's error at the last attempt, if it failed */
  int attempt;
  for (attempt = 0; attempt < SPECTRAL_ATTEMPTS; attempt++) {
    /* the RNG perturbs ARPACK's start vector: seeded, the same view gives
     * the same digits every time */
    netan_gi_call_t call = { .what = what, .seed_rng = TRUE, .seed = o->seed + (uint64_t)attempt };
    g_clear_error(&failure);
    if (netan_gi_run(&call, spectral_run, &j, &failure) && j.verified)
      break;
  }
  netan_table_t *t = NULL;
  if (attempt == SPECTRAL_ATTEMPTS) {
    const char *hint = j.directed ? "; the directed view is not strongly connected: mode \"all\" and "
                                    "hubs/authorities are defined on any view" : "";
    if (failure != NULL)
      g_propagate_prefixed_error(error, failure, "(%d attempts) ", SPECTRAL_ATTEMPTS);
    else
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND,
                  "%s: ARPACK did not reach the leading eigenvector in %d attempts "
                  "(eigenvalue %g, relative residual %g)%s",
                  what, SPECTRAL_ATTEMPTS, j.eigenvalue, j.residual, hint);
  } else {
    g_clear_error(&failure);
    /* Perron-Frobenius: with non-negative strengths the scores are >= 0;
     * ARPACK leaves rounding noise like -1e-17 (and -0) on vertices that
     * score 0. */
    int64_t n = netan_view_n_vertices(v);
    double *x = VECTOR(kind == SPECTRAL_AUTHORITIES ? j.auths : j.hubs), norm = 0;
    for (int64_t i = 0; i < n; i++) {
      x[i] = x[i] > 0 ? x[i] : 0.0;
      norm += kind == SPECTRAL_EIGENVECTOR ? x[i] * x[i] : x[i];
    }
    if (kind == SPECTRAL_EIGENVECTOR)
      norm = sqrt(norm);
    if (o->normalized && norm > 0)
      for (int64_t i = 0; i < n; i++)
        x[i] /= norm;
    t = netan_m_table(v, x, what);
    netan_table_i_set_meta(t, "weights", "%s", o->weighted ? NETAN_M_STRENGTHS : "none");
    if (kind == SPECTRAL_EIGENVECTOR) {
      netan_table_i_set_meta(t, "normalized", "%s", o->normalized ? "euclidean norm=1" : "max=1");
      netan_table_i_set_meta(t, "mode", "%s", j.directed ? "in" : "all");
      netan_table_i_set_meta(t, "direction", "%s",
                             !directed ? "none (undirected view)"
                             : j.directed ? "in-links: central when central vertices point to it"
                                          : "ignored: a->b and b->a are one tie, strengths added");
    } else {
      netan_table_i_set_meta(t, "normalized", "%s", o->normalized ? "sum=1" : "max=1");
      netan_table_i_set_meta(t, "direction", "%s",
                             !directed ? "none (undirected view: every edge both ways)"
                             : kind == SPECTRAL_HUBS ? "out-links: a hub points to good authorities"
                                                     : "in-links: an authority is pointed to by good hubs");
    }
    netan_table_i_set_meta_double(t, "eigenvalue", j.eigenvalue);
    netan_table_i_set_meta(t, "seed", "%" G_GUINT64_FORMAT, o->seed + (uint64_t)attempt);
  }
  igraph_vector_destroy(&j.hubs);
  igraph_vector_destroy(&j.auths);
  return t;
}

/* Eigenvector centrality (Bonacich 1972): x = A x / lambda for the largest
 * eigenvalue lambda of the strength matrix A, scaled so that max x = 1
 * (normalized: Euclidean length 1). */
netan_table_t *
netan_m_eigenvector(const netan_view_t *v, const netan_centrality_options_t *o, GError **error)
{
  return spectral_measure(v, o, SPECTRAL_EIGENVECTOR, error);
}

/* Kleinberg's HITS (1999): hubs are the principal eigenvector of A A^T,
 * authorities of A^T A; max = 1 (normalized: sum = 1). */
netan_table_t *
netan_m_hubs(const netan_view_t *v, const netan_centrality_options_t *o, GError **error)
{
  return spectral_measure(v, o, SPECTRAL_HUBS, error);
}

netan_table_t *
netan_m_authorities(const netan_view_t *v, const netan_centrality_options_t *o, GError **error)
{
  return spectral_measure(v, o, SPECTRAL_AUTHORITIES, error);
}
