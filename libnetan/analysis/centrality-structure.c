/* Structure around a vertex: coreness (k-cores), and Burt's structural
 * holes: constraint and effective size. Constraint and effective size read
 * STRENGTHS as tie weights; coreness counts edges.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/measures.h"

#include <stdlib.h>
#include <string.h>

/* ---- coreness ---- */

typedef struct {
  const netan_view_t *view;
  igraph_neimode_t mode;
  igraph_vector_int_t cores;
} coreness_job_t;

static igraph_error_t
coreness_run(void *data)
{
  coreness_job_t *j = data;
  return igraph_coreness(&j->view->graph, &j->cores, j->mode);
}

/* Coreness (Seidman 1983; Batagelj & Zaversnik 2003): the largest k such
 * that the vertex belongs to a subgraph where every vertex has degree >= k
 * (in-, out- or total degree on directed views). */
netan_table_t *
netan_m_coreness(const netan_view_t *v, const netan_centrality_options_t *o, GError **error)
{
  coreness_job_t j = { .view = v };
  if (!netan_m_mode("coreness", o->mode, &j.mode, error) || !netan_view_i_check(v, error))
    return NULL;
  igraph_vector_int_init(&j.cores, 0);
  netan_gi_call_t call = { .what = "coreness" };
  netan_table_t *t = NULL;
  if (netan_gi_run(&call, coreness_run, &j, error)) {
    int64_t n = netan_view_n_vertices(v);
    double *x = g_new(double, n > 0 ? n : 1);
    for (int64_t i = 0; i < n; i++)
      x[i] = (double)VECTOR(j.cores)[i];
    t = netan_vt_centrality(v, x, "coreness");
    g_free(x);
    netan_table_i_set_meta(t, "weights", "none (edges counted; strengths not read)");
    netan_table_i_set_meta(t, "mode", "%s", netan_m_mode_name(v, o->mode));
    netan_table_i_set_meta(t, "normalized", "false");
  }
  igraph_vector_int_destroy(&j.cores);
  return t;
}

/* ---- Burt's constraint ---- */

typedef struct {
  const netan_view_t *view;
  const igraph_vector_t *weights;
  igraph_vector_t out;
} constraint_job_t;

static igraph_error_t
constraint_run(void *data)
{
  constraint_job_t *j = data;
  return igraph_constraint(&j->view->graph, &j->out, igraph_vss_all(), j->weights);
}

/* Burt's constraint (Burt 1992, 2004): c_i = sum_j (p_ij + sum_q p_iq p_qj)^2
 * over the contacts j of i, q != i, j; p_ij = (a_ij + a_ji) / sum_k (a_ik + a_ki)
 * is the share of i's ties (both directions) that goes to j. NaN for an
 * isolate. */
netan_table_t *
netan_m_constraint(const netan_view_t *v, const netan_centrality_options_t *o, GError **error)
{
  if (!netan_view_i_check(v, error))
    return NULL;
  constraint_job_t j = { v, o->weighted ? &v->strength : NULL, { 0 } };
  igraph_vector_init(&j.out, 0);
  netan_gi_call_t call = { .what = "constraint" };
  netan_table_t *t = NULL;
  if (netan_gi_run(&call, constraint_run, &j, error)) {
    t = netan_m_table(v, VECTOR(j.out), "constraint");
    netan_table_i_set_meta(t, "weights", "%s", o->weighted ? NETAN_M_STRENGTHS " (tie weights a_ij)"
                                                           : "none (a_ij=1 per edge)");
    netan_table_i_set_meta(t, "normalized", "false");
  }
  igraph_vector_destroy(&j.out);
  return t;
}

/* ---- Burt's effective size ---- */

/* One contact of a vertex and the mutual weight of the tie (a_ij + a_ji). */
typedef struct {
  int64_t vertex;
  double w;
} tie_t;

static int
tie_cmp(const void *pa, const void *pb)
{
  const tie_t *a = pa, *b = pb;
  return a->vertex < b->vertex ? -1 : a->vertex > b->vertex;
}

typedef struct {
  const netan_view_t *view;
  gboolean weighted;
  gboolean normalized;
  /* work space, allocated by the caller */
  int64_t *first;     /* n + 1: ties of vertex i are ties[first[i] .. first[i] + count[i]) */
  int64_t *count;     /* n: distinct contacts */
  tie_t *ties;        /* 2m */
  double *max_w;      /* n: the strongest tie of each vertex */
  double *share;      /* n: p_iq of the ego's contacts */
  int64_t *stamp;     /* n: ego + 1 on the ego's contacts */
  double *out;        /* n */
  gboolean borgatti;  /* set by the job: which formula it used */
} esize_job_t;

static igraph_error_t
esize_run(void *data)
{
  esize_job_t *j = data;
  const igraph_t *g = &j->view->graph;
  const igraph_vector_t *strength = &j->view->strength;
  int64_t n = igraph_vcount(g), m = igraph_ecount(g);
  /* Borgatti's n - 2t/n is Burt's formula when all ties weigh the same */
  gboolean borgatti = !igraph_is_directed(g);
  for (int64_t e = 1; borgatti && j->weighted && e < m; e++)
    borgatti = VECTOR(*strength)[e] == VECTOR(*strength)[0];
  j->borgatti = borgatti;

  /* contacts of every vertex, both directions, with mutual weights */
  memset(j->first, 0, (size_t)(n + 1) * sizeof(int64_t));
  for (int64_t e = 0; e < m; e++) {
    j->first[IGRAPH_FROM(g, e) + 1]++;
    j->first[IGRAPH_TO(g, e) + 1]++;
  }
  for (int64_t i = 0; i < n; i++)
    j->first[i + 1] += j->first[i];
  memset(j->count, 0, (size_t)n * sizeof(int64_t));
  for (int64_t e = 0; e < m; e++) {
    int64_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
    double w = j->weighted ? VECTOR(*strength)[e] : 1.0;
    j->ties[j->first[a] + j->count[a]++] = (tie_t){ b, w };
    j->ties[j->first[b] + j->count[b]++] = (tie_t){ a, w };
  }
  /* a->b and b->a of a directed view are one tie: a_ab + a_ba */
  for (int64_t i = 0; i < n; i++) {
    tie_t *t = j->ties + j->first[i];
    int64_t k = 0;
    qsort(t, (size_t)j->count[i], sizeof(tie_t), tie_cmp);
    for (int64_t x = 0; x < j->count[i]; x++) {
      if (k > 0 && t[k - 1].vertex == t[x].vertex)
        t[k - 1].w += t[x].w;
      else
        t[k++] = t[x];
    }
    j->count[i] = k;
    j->max_w[i] = 0;
    for (int64_t x = 0; x < k; x++)
      j->max_w[i] = MAX(j->max_w[i], t[x].w);
    j->stamp[i] = 0;
  }

  int64_t step = n / 100 + 1;
  for (int64_t i = 0; i < n; i++) {
    if (i % step == 0 && igraph_progress("Effective size: ", 100.0 * (double)i / (double)n, NULL) != IGRAPH_SUCCESS)
      return IGRAPH_INTERRUPTED;
    const tie_t *ti = j->ties + j->first[i];
    int64_t deg = j->count[i];
    if (deg == 0) {
      j->out[i] = NAN;  /* no ego network */
      continue;
    }
    double total = 0;
    for (int64_t x = 0; x < deg; x++)
      total += ti[x].w;
    for (int64_t x = 0; x < deg; x++) {
      j->stamp[ti[x].vertex] = i + 1;
      j->share[ti[x].vertex] = ti[x].w / total;
    }
    double es;
    if (borgatti) {
      /* Borgatti (1997): n - 2t/n, t = ties among the n contacts */
      int64_t twice_t = 0;
      for (int64_t x = 0; x < deg; x++) {
        const tie_t *tj = j->ties + j->first[ti[x].vertex];
        for (int64_t y = 0; y < j->count[ti[x].vertex]; y++)
          twice_t += j->stamp[tj[y].vertex] == i + 1;
      }
      es = (double)deg - (double)twice_t / (double)deg;
    } else {
      /* Burt (1992): sum over contacts j of 1 - sum_q p_iq m_jq, with
       * m_jq = a_jq / max_k a_jk, q over the other contacts of i */
      es = 0;
      for (int64_t x = 0; x < deg; x++) {
        int64_t c = ti[x].vertex;
        const tie_t *tj = j->ties + j->first[c];
        double redundancy = 0;
        for (int64_t y = 0; y < j->count[c]; y++)
          if (j->stamp[tj[y].vertex] == i + 1)
            redundancy += j->share[tj[y].vertex] * tj[y].w;
        es += 1.0 - redundancy / j->max_w[c];
      }
    }
    j->out[i] = j->normalized ? es / (double)deg : es;
  }
  return igraph_progress("Effective size: ", 100.0, NULL);
}

/* Burt's effective size (Burt 1992): the number of contacts less their
 * redundancy; Borgatti's n - 2t/n on undirected views whose ties all weigh
 * the same (or with weighted = FALSE), where the two are equal.
 * normalized: divided by the number of contacts (Burt's efficiency). NaN
 * for an isolate. */
netan_table_t *
netan_m_effective_size(const netan_view_t *v, const netan_centrality_options_t *o, GError **error)
{
  if (!netan_view_i_check(v, error))
    return NULL;
  int64_t n = netan_view_n_vertices(v), m = netan_view_n_edges(v);
  gsize nn = (gsize)(n > 0 ? n : 1);
  esize_job_t j = {
    .view = v, .weighted = o->weighted, .normalized = o->normalized,
    .first = g_new(int64_t, nn + 1), .count = g_new(int64_t, nn),
    .ties = g_new(tie_t, m > 0 ? 2 * (gsize)m : 1), .max_w = g_new(double, nn),
    .share = g_new(double, nn), .stamp = g_new(int64_t, nn), .out = g_new(double, nn),
  };
  netan_gi_call_t call = { .what = "effective size", .progress = o->progress, .payload = o->payload };
  netan_table_t *t = NULL;
  if (netan_gi_run(&call, esize_run, &j, error)) {
    t = netan_m_table(v, j.out, "effective_size");
    netan_table_i_set_meta(t, "weights", "%s",
                           o->weighted ? NETAN_M_STRENGTHS " (tie weights a_ij)"
                                       : "none (a_ij=1 per edge)");
    netan_table_i_set_meta(t, "formula", "%s",
                           j.borgatti ? "Borgatti: n-2t/n" : "Burt: sum_j (1 - sum_q p_iq m_jq)");
    netan_table_i_set_meta(t, "normalized", "%s",
                           o->normalized ? "effective size/number of contacts (efficiency)" : "false");
  }
  g_free(j.first);
  g_free(j.count);
  g_free(j.ties);
  g_free(j.max_w);
  g_free(j.share);
  g_free(j.stamp);
  g_free(j.out);
  return t;
}
