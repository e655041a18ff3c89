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

/* The sum over i's in-arcs of w * y[tail], in four running sums so that
 * the additions need not wait on each other (measured: no faster than one
 * sum on the benchmark machine, where the reads of y dominate; kept as the
 * summation order the tests were run with). */
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
 * a symmetric matrix with eigenvalues in [1 - d, 1 + d] (condition number
 * at most (1 + d) / (1 - d)), which conjugate gradients solve in about 40
 * products on the benchmark graphs where Gauss–Seidel needed about 60
 * sweeps; being symmetric, A is stored once per edge, so a product reads
 * each edge once (a quarter faster than reading both arcs). A vertex
 * without links has z = 1 (it is only ever jumped to). */

/* The symmetric matrix N = S^-1/2 W S^-1/2 stored once per edge: row i
 * holds the arcs from tails j > i with coefficient w h_i h_j, and diag the
 * loops' (an undirected view has none, but the solver takes any graph).
 * A product reads each edge once and adds it to both of its rows. */
typedef struct {
  int64_t *off;
  int32_t *col;
  double *coef;
  double *diag;
} sym_t;

static void
sym_build(sym_t *m, const in_csr_t *c, const double *h)
{
  int64_t n = c->n;
  m->off = g_new0(int64_t, n + 1);
  m->diag = g_new0(double, n > 0 ? n : 1);
  for (int64_t i = 0; i < n; i++)
    for (int64_t k = c->off[i]; k < c->off[i + 1]; k++)
      if (c->src[k] > i)
        m->off[i + 1]++;
  for (int64_t i = 0; i < n; i++)
    m->off[i + 1] += m->off[i];
  m->col = g_new(int32_t, m->off[n] > 0 ? m->off[n] : 1);
  m->coef = g_new(double, m->off[n] > 0 ? m->off[n] : 1);
  for (int64_t i = 0; i < n; i++) {
    int64_t o = m->off[i];
    for (int64_t k = c->off[i]; k < c->off[i + 1]; k++) {
      int32_t j = c->src[k];
      double v = (c->w != NULL ? c->w[k] : 1.0) * h[i] * h[j];
      if (j > i) {
        m->col[o] = j;
        m->coef[o++] = v;
      } else if (j == i) {
        m->diag[i] += v;
      }
    }
  }
}

static void
sym_free(sym_t *m)
{
  g_free(m->off);
  g_free(m->col);
  g_free(m->coef);
  g_free(m->diag);
}

/* q = A p = p - d N p, returning p . q; y is scratch. */
static double
cg_apply(const sym_t *m, int64_t n, double d, const double *p, double *y, double *q)
{
  for (int64_t i = 0; i < n; i++)
    y[i] = m->diag[i] * p[i];
  for (int64_t i = 0; i < n; i++) {
    double pi = p[i], acc = 0;
    for (int64_t k = m->off[i]; k < m->off[i + 1]; k++) {
      int32_t j = m->col[k];
      acc += m->coef[k] * p[j];
      y[j] += m->coef[k] * pi;
    }
    y[i] += acc;
  }
  double pq = 0;
  for (int64_t i = 0; i < n; i++) {
    q[i] = p[i] - d * y[i];
    pq += p[i] * q[i];
  }
  return pq;
}

/* Returns FALSE if the residual does not get small enough (then the caller
 * sweeps instead). When to stop: with r = b - A u, the error e of u is at
 * most ||r||_2 / (1 - d) (A's smallest eigenvalue); that of z = S^1/2 u is
 * sum_i sqrt(s_i) |e_i| <= sqrt(S) ||e||_2 in L1 (Cauchy–Schwarz, S the
 * total strength); and scaling z to sum 1 turns an error E of z into at
 * most 2 E / (Z - E) in the result, Z being the exact sum
 * n_a / (1 - d) + n_isolated (n_a vertices with links). So stopping at
 *   ||r||_2 <= tol (1 - d) Z / (2.5 sqrt(S))
 * leaves an L1 error of the result below tol. The last residual is
 * recomputed from scratch, so the recurrence's drift cannot fake it.
 *
 * The start: z* = sum_k d^k (W S^-1)^k 1, whose terms tend to n_a pi with
 * pi_i = s_i / S, the walk's stationary distribution; the first term
 * exactly and the others at their limit give z0 = 1 + d / (1 - d) n_a pi,
 * which has the exact sum and saves a few iterations over z0 = 0. */
static gboolean
conjugate_gradients(const in_csr_t *c, double d, double *x)
{
  int64_t n = c->n;
  double total = 0;
  int64_t active = 0;
  double *h = g_new(double, n), *u = g_new(double, n), *r = g_new(double, n);
  double *p = g_new(double, n), *q = g_new(double, n), *y = g_new(double, n);
  for (int64_t i = 0; i < n; i++) {
    h[i] = sqrt(c->inv_out[i]);
    if (c->inv_out[i] > 0) {
      active++;
      total += 1.0 / c->inv_out[i];
    }
  }
  sym_t m;
  sym_build(&m, c, h);
  for (int64_t i = 0; i < n; i++)
    u[i] = c->inv_out[i] > 0 ? h[i] * (1.0 + d / (1.0 - d) * (double)active / (total * c->inv_out[i])) : 0.0;
  cg_apply(&m, n, d, u, y, q);
  double rs = 0;
  for (int64_t i = 0; i < n; i++) {
    r[i] = h[i] - q[i];  /* b = h */
    p[i] = r[i];
    rs += r[i] * r[i];
  }
  double sum_z = (double)active / (1.0 - d) + (double)(n - active);
  double goal = active > 0 ? NETAN_PAGERANK_TOL * (1.0 - d) * sum_z / (2.5 * sqrt(total)) : 0;
  gboolean converged = active == 0;
  for (int it = 0; it < MAX_SWEEPS && !converged && rs > 0; it++) {
    double alpha = rs / cg_apply(&m, n, d, p, y, q);
    double rs_next = 0;
    for (int64_t i = 0; i < n; i++) {
      u[i] += alpha * p[i];
      r[i] -= alpha * q[i];
      rs_next += r[i] * r[i];
    }
    if (sqrt(rs_next) <= goal) {
      cg_apply(&m, n, d, u, y, q);  /* the true residual */
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
    converged = TRUE;  /* the start was exact */
  for (int64_t i = 0; i < n; i++)
    x[i] = c->inv_out[i] > 0 ? u[i] / h[i] : 1.0;  /* z = S^1/2 u = u / h */
  sym_free(&m);
  g_free(h); g_free(u); g_free(r); g_free(p); g_free(q); g_free(y);
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
