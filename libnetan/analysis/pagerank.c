/* PageRank as a linear system (see pagerank.h).
 *
 * The system is PRPACK's for a uniform jump vector u = 1/n:
 *
 *   x_i = d * sum_{j -> i} x_j * w_ji / s_j  +  (d * D + 1 - d) / n
 *
 * where s_j is j's out-strength and D the total of x over the vertices
 * with s_j = 0 (a walker there always jumps). Its solution sums to 1 by
 * itself. Undirected graphs are solved by conjugate gradients on a
 * symmetric form of it; directed ones by Gauss–Seidel sweeps, which
 * update x_i in place so that later vertices of the same sweep already
 * read it. Both need no preprocessing beyond one CSR of in-arcs. The
 * matrix I - d P^T is a nonsingular M-matrix for d < 1, for which
 * Gauss–Seidel always converges.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/pagerank.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define MAX_SWEEPS 10000

typedef struct {
  int64_t n;
  int64_t *off;     /* n + 1: in-arcs of vertex i are off[i] .. off[i+1]-1 */
  int32_t *src;     /* the arc's tail */
  double *w;        /* its weight; NULL = all 1 */
  double *inv_out;  /* 1 / out-strength, 0 for a vertex that always jumps */
} in_csr_t;

static void
in_csr_free(in_csr_t *c)
{
  g_free(c->off);
  g_free(c->src);
  g_free(c->w);
  g_free(c->inv_out);
}

/* Counting sort of the arcs by head. Edges of weight 0 are left out, as
 * PRPACK leaves them out. */
static gboolean
in_csr_build(in_csr_t *c, const igraph_t *g, const igraph_vector_t *weights, gboolean both_ways,
             const char **why)
{
  int64_t n = igraph_vcount(g), m = igraph_ecount(g);
  if (n > INT32_MAX) {
    *why = "more vertices than 32-bit indices";
    return FALSE;
  }
  c->n = n;
  c->off = g_new0(int64_t, n + 1);
  c->inv_out = g_new0(double, n > 0 ? n : 1);
  double *out_strength = c->inv_out;  /* summed first, inverted last */
  for (int64_t e = 0; e < m; e++) {
    double w = weights != NULL ? VECTOR(*weights)[e] : 1.0;
    if (!(w >= 0)) {
      *why = "a negative or NaN weight";
      return FALSE;
    }
    if (w == 0)
      continue;
    int64_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
    c->off[b + 1]++;
    out_strength[a] += w;
    if (both_ways) {
      c->off[a + 1]++;
      out_strength[b] += w;
    }
  }
  for (int64_t i = 0; i < n; i++)
    c->off[i + 1] += c->off[i];
  int64_t arcs = c->off[n];
  c->src = g_new(int32_t, arcs > 0 ? arcs : 1);
  c->w = weights != NULL ? g_new(double, arcs > 0 ? arcs : 1) : NULL;
  int64_t *fill = g_new(int64_t, n > 0 ? n : 1);
  memcpy(fill, c->off, (size_t)n * sizeof *fill);
  for (int64_t e = 0; e < m; e++) {
    double w = weights != NULL ? VECTOR(*weights)[e] : 1.0;
    if (w == 0)
      continue;
    int64_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
    int64_t k = fill[b]++;
    c->src[k] = (int32_t)a;
    if (c->w != NULL)
      c->w[k] = w;
    if (both_ways) {
      k = fill[a]++;
      c->src[k] = (int32_t)b;
      if (c->w != NULL)
        c->w[k] = w;
    }
  }
  g_free(fill);
  for (int64_t i = 0; i < n; i++)
    c->inv_out[i] = out_strength[i] > 0 ? 1.0 / out_strength[i] : 0.0;
  return TRUE;
}

/* The sum over i's in-arcs of w * y[tail], in four running sums: one
 * sum is a chain of dependent additions that waits on each one's latency,
 * which was the sweep's whole cost. */
static inline double
weighted_in_sum(const in_csr_t *c, const double *y, int64_t i)
{
  const int32_t *src = c->src;
  const double *w = c->w;
  int64_t k = c->off[i], end = c->off[i + 1];
  double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  for (; k + 4 <= end; k += 4) {
    a0 += w[k] * y[src[k]];
    a1 += w[k + 1] * y[src[k + 1]];
    a2 += w[k + 2] * y[src[k + 2]];
    a3 += w[k + 3] * y[src[k + 3]];
  }
  for (; k < end; k++)
    a0 += w[k] * y[src[k]];
  return (a0 + a1) + (a2 + a3);
}

static inline double
plain_in_sum(const in_csr_t *c, const double *y, int64_t i)
{
  const int32_t *src = c->src;
  int64_t k = c->off[i], end = c->off[i + 1];
  double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  for (; k + 4 <= end; k += 4) {
    a0 += y[src[k]];
    a1 += y[src[k + 1]];
    a2 += y[src[k + 2]];
    a3 += y[src[k + 3]];
  }
  for (; k < end; k++)
    a0 += y[src[k]];
  return (a0 + a1) + (a2 + a3);
}

/* ---- undirected graphs: conjugate gradients ----
 *
 * On an undirected graph the walk's matrix is P^T = W S^-1 (W the
 * symmetric weight matrix, S the diagonal of strengths), and the jump term
 * c = (d D + 1 - d) / n is the same scalar for every vertex, so
 * x = c (I - d W S^-1)^-1 1: solve (I - d W S^-1) z = 1 and scale z to sum
 * 1. With z = S^1/2 u this is A u = S^-1/2 1 for A = I - d S^-1/2 W S^-1/2,
 * a symmetric matrix with eigenvalues in [1 - d, 1 + d], which conjugate
 * gradients solve in about half the passes over the arcs that Gauss–Seidel
 * needs (condition number at most (1 + d) / (1 - d)). A vertex without
 * links has z = 1 (it is only ever jumped to). */

/* q = A p for the active vertices; h = S^-1/2 (0 for isolated vertices),
 * t = scratch. */
static void
cg_apply(const in_csr_t *c, double d, const double *h, const double *p, double *t, double *q)
{
  int64_t n = c->n;
  for (int64_t j = 0; j < n; j++)
    t[j] = h[j] * p[j];
  for (int64_t i = 0; i < n; i++) {
    double acc = c->w != NULL ? weighted_in_sum(c, t, i) : plain_in_sum(c, t, i);
    q[i] = p[i] - d * h[i] * acc;
  }
}

static double
dot(const double *a, const double *b, int64_t n)
{
  double s0 = 0, s1 = 0;
  int64_t i = 0;
  for (; i + 2 <= n; i += 2) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
  }
  for (; i < n; i++)
    s0 += a[i] * b[i];
  return s0 + s1;
}

/* Returns FALSE if the residual does not get small enough (then the caller
 * sweeps instead). When to stop: with r = b - A u on the n_a vertices that
 * have links, the error of u is at most ||r||_2 / (1 - d) (A's smallest
 * eigenvalue), that of z = S^1/2 u at most sqrt(n_a s_max) / (1 - d) ||r||_2
 * in L1, and scaling z to sum 1 at most doubles it relative to the exact
 * sum n_a / (1 - d) + n_isolated. So stopping at
 *   ||r||_2 <= tol (n_a / (1 - d) + n_isolated) (1 - d) / (2 sqrt(n_a s_max))
 * leaves an L1 error of the result below tol. The last residual is
 * recomputed from scratch, so the recurrence's drift cannot fake it. */
static gboolean
conjugate_gradients(const in_csr_t *c, double d, double *x)
{
  int64_t n = c->n;
  double smax = 0;
  int64_t active = 0;
  double *h = g_new(double, n), *u = g_new0(double, n), *r = g_new(double, n);
  double *p = g_new(double, n), *q = g_new(double, n), *t = g_new(double, n);
  for (int64_t i = 0; i < n; i++) {
    h[i] = sqrt(c->inv_out[i]);
    if (c->inv_out[i] > 0) {
      active++;
      smax = MAX(smax, 1.0 / c->inv_out[i]);
    }
    r[i] = h[i];  /* b - A u for u = 0 */
    p[i] = r[i];
  }
  double sum_z = (double)active / (1.0 - d) + (double)(n - active);
  double goal = active > 0 ? NETAN_PAGERANK_TOL * sum_z * (1.0 - d) / (2.0 * sqrt((double)active * smax)) : 0;
  double rs = dot(r, r, n);
  gboolean converged = FALSE;
  for (int it = 0; it < MAX_SWEEPS && !converged && rs > 0; it++) {
    cg_apply(c, d, h, p, t, q);
    double alpha = rs / dot(p, q, n);
    for (int64_t i = 0; i < n; i++) {
      u[i] += alpha * p[i];
      r[i] -= alpha * q[i];
    }
    double rs_next = dot(r, r, n);
    if (sqrt(rs_next) <= goal) {
      cg_apply(c, d, h, u, t, q);  /* the true residual */
      double true_rs = 0;
      for (int64_t i = 0; i < n; i++)
        true_rs += (h[i] - q[i]) * (h[i] - q[i]);
      converged = sqrt(true_rs) <= goal;
      if (!converged)
        break;
    }
    double beta = rs_next / rs;
    for (int64_t i = 0; i < n; i++)
      p[i] = r[i] + beta * p[i];
    rs = rs_next;
  }
  if (rs == 0)
    converged = TRUE;  /* no links at all */
  for (int64_t i = 0; i < n; i++)
    x[i] = c->inv_out[i] > 0 ? u[i] / h[i] : 1.0;  /* z = S^1/2 u = u / h */
  g_free(h); g_free(u); g_free(r); g_free(p); g_free(q); g_free(t);
  return converged;
}

/* Sweeps until one moves x by less than the tolerance. y_j = x_j / s_j is
 * kept beside x so that the inner loop is one multiply-add per arc. */
static gboolean
sweep_until_converged(const in_csr_t *c, double d, double *x)
{
  int64_t n = c->n;
  double *y = g_new(double, n);
  /* Start from the walk's limit as d -> 1 on an undirected graph, where a
   * vertex's share is its strength's: mixed with the jumps, it starts much
   * nearer the solution than the uniform vector (fewer sweeps); any start
   * converges to the same solution. */
  double total = 0;
  for (int64_t i = 0; i < n; i++) {
    double in = 0;
    for (int64_t k = c->off[i]; k < c->off[i + 1]; k++)
      in += c->w != NULL ? c->w[k] : 1.0;
    x[i] = in;
    total += in;
  }
  for (int64_t i = 0; i < n; i++) {
    x[i] = (1.0 - d) / (double)n + (total > 0 ? d * x[i] / total : d / (double)n);
    y[i] = x[i] * c->inv_out[i];
  }
  gboolean converged = FALSE;
  for (int sweep = 0; sweep < MAX_SWEEPS && !converged; sweep++) {
    /* D afresh each sweep, so rounding in its running updates cannot build up */
    double dangling = 0;
    for (int64_t i = 0; i < n; i++)
      if (c->inv_out[i] == 0)
        dangling += x[i];
    double err = 0;
    for (int64_t i = 0; i < n; i++) {
      double acc = c->w != NULL ? weighted_in_sum(c, y, i) : plain_in_sum(c, y, i);
      double xi = d * acc + (d * dangling + 1.0 - d) / (double)n;
      double delta = xi - x[i];
      err += fabs(delta);
      x[i] = xi;
      if (c->inv_out[i] == 0)
        dangling += delta;
      else
        y[i] = xi * c->inv_out[i];
    }
    converged = err < NETAN_PAGERANK_TOL * (1.0 - d) / (d > 0 ? d : 1.0);
  }
  g_free(y);
  return converged;
}

gboolean
netan_pagerank_i_solve(const igraph_t *g, const igraph_vector_t *weights, gboolean directed,
                       double damping, double *out, const char **method, const char **why)
{
  const char *dummy, *dummy_method;
  if (why == NULL)
    why = &dummy;
  if (method == NULL)
    method = &dummy_method;
  if (!(damping >= 0 && damping < 1)) {
    *why = "damping 1 has no unique solution to sweep towards";
    return FALSE;
  }
  int64_t n = igraph_vcount(g);
  if (n == 0)
    return TRUE;
  in_csr_t c = { 0 };
  gboolean both_ways = !(directed && igraph_is_directed(g));
  gboolean ok = in_csr_build(&c, g, weights, both_ways, why);
  if (ok) {
    *method = "conjugate gradients";
    ok = both_ways && conjugate_gradients(&c, damping, out);
    if (!ok) {
      *method = "gauss-seidel";
      ok = sweep_until_converged(&c, damping, out);
    }
    if (!ok)
      *why = "the sweeps did not converge";
  }
  in_csr_free(&c);
  if (!ok)
    return FALSE;
  /* The solution sums to 1 in exact arithmetic; make it so in floating
   * point too, as igraph does with PRPACK's result. */
  double sum = 0;
  for (int64_t i = 0; i < n; i++)
    sum += out[i];
  for (int64_t i = 0; i < n; i++)
    out[i] /= sum;
  return TRUE;
}
