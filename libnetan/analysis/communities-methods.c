/* netan_communities(): community detection by method name.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/communities-private.h"
#include "analysis/louvain.h"

#include <math.h>
#include <string.h>

void
netan_communities_options_init(netan_communities_options_t *opts)
{
  static const netan_communities_options_t defaults = NETAN_COMMUNITIES_OPTIONS_INIT;
  g_return_if_fail(opts != NULL);
  *opts = defaults;
}

typedef struct job job_t;
typedef igraph_error_t (*run_fn)(job_t *j, const netan_com_ugraph_t *u);

typedef struct {
  const char *name;
  run_fn run;
  gboolean resolution;   /* reads opts->resolution */
  gboolean directed;     /* uses igraph's directed variant on directed views */
} method_t;

/* The caller's progress callback, called at most about 100 times. */
typedef struct {
  netan_progress_cb cb;
  void *payload;
  double last;
  gboolean cancelled;
} throttle_t;

static int
throttled_progress(double fraction, void *data)
{
  throttle_t *t = data;
  if (t->cancelled)
    return 1;
  if (fraction < 1.0 && t->last >= 0 && fraction - t->last < 0.01)
    return 0;
  t->last = fraction;
  if (t->cb(fraction, t->payload) != 0)
    t->cancelled = TRUE;
  return t->cancelled;
}

struct job {
  const netan_view_t *view;
  const method_t *method;
  netan_communities_options_t o;
  gboolean cpm;                    /* leiden objective */
  double mod_resolution;           /* gamma the reported modularity is computed at */
  igraph_vector_int_t membership;  /* per vertex */
  double modularity;
  double quality;                  /* leiden: igraph's value of the objective */
  double codelength;               /* infomap */
  int64_t cut_steps;               /* walktrap, edge_betweenness: merges replayed to the cut */
  int64_t iterations_run;          /* leiden */
};

static const igraph_vector_t *
ustrength(const job_t *j, const netan_com_ugraph_t *u)
{
  return j->o.weighted ? u->strength : NULL;
}

/* ------------------------------------------------------------ methods */

/* igraph_community_multilevel()'s partition, without its per-visit
 * overhead (louvain.h) */
static igraph_error_t
run_louvain(job_t *j, const netan_com_ugraph_t *u)
{
  return netan_louvain_i_run(u->graph, ustrength(j, u), j->o.resolution, &j->membership);
}

/* Leiden with a negative iteration count: igraph 0.10.2 stops after the
 * first iteration that changes something instead of the first that changes
 * nothing, and loops for ever on a stable partition (igraph issue #2798,
 * fixed upstream in 2025). netan iterates one step at a time instead, until the
 * partition stays the same, at most LEIDEN_MAX_ITERATIONS times. */
#define LEIDEN_MAX_ITERATIONS 100

/* Renumbers communities in order of first appearance, so that two
 * membership vectors of one partition compare equal. */
static void
canonical_membership(igraph_vector_int_t *m, int64_t *map)
{
  igraph_integer_t n = igraph_vector_int_size(m), next = 0;
  for (igraph_integer_t i = 0; i < n; i++)
    map[i] = -1;
  for (igraph_integer_t i = 0; i < n; i++) {
    igraph_integer_t c = VECTOR(*m)[i];
    if (map[c] < 0)
      map[c] = next++;
    VECTOR(*m)[i] = map[c];
  }
}

static igraph_error_t
leiden_iterate(job_t *j, const igraph_t *g, const igraph_vector_t *w, const igraph_vector_t *nw,
               double resolution)
{
  igraph_integer_t nb = 0;
  if (j->o.iterations > 0) {
    j->iterations_run = j->o.iterations;
    return igraph_community_leiden(g, w, nw, resolution, 0.01, FALSE, j->o.iterations, &j->membership,
                                   &nb, &j->quality);
  }
  igraph_integer_t n = igraph_vcount(g);
  igraph_vector_int_t before;
  IGRAPH_CHECK(igraph_vector_int_init(&before, n));
  IGRAPH_FINALLY(igraph_vector_int_destroy, &before);
  int64_t *map = IGRAPH_CALLOC(n > 0 ? n : 1, int64_t);
  IGRAPH_CHECK_OOM(map, "leiden");
  IGRAPH_FINALLY(igraph_free, map);
  IGRAPH_CHECK(igraph_community_leiden(g, w, nw, resolution, 0.01, FALSE, 1, &j->membership, &nb,
                                       &j->quality));
  canonical_membership(&j->membership, map);
  j->iterations_run = 1;
  while (j->iterations_run < LEIDEN_MAX_ITERATIONS) {
    IGRAPH_CHECK(igraph_vector_int_update(&before, &j->membership));
    IGRAPH_CHECK(igraph_community_leiden(g, w, nw, resolution, 0.01, TRUE, 1, &j->membership, &nb,
                                         &j->quality));
    canonical_membership(&j->membership, map);
    j->iterations_run++;
    if (igraph_vector_int_all_e(&before, &j->membership))
      break;
  }
  igraph_free(map);
  igraph_vector_int_destroy(&before);
  IGRAPH_FINALLY_CLEAN(2);
  return IGRAPH_SUCCESS;
}

static igraph_error_t
run_leiden(job_t *j, const netan_com_ugraph_t *u)
{
  const igraph_vector_t *w = ustrength(j, u);
  if (j->cpm)
    return leiden_iterate(j, u->graph, w, NULL, j->o.resolution);
  /* modularity: node weights are the strengths (degrees unweighted) and the
   * resolution is divided by their total 2m (igraph's documented recipe,
   * and python-igraph's objective_function="modularity"). */
  igraph_vector_t nw;
  IGRAPH_VECTOR_INIT_FINALLY(&nw, 0);
  IGRAPH_CHECK(igraph_strength(u->graph, &nw, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, w));
  double total = igraph_vector_sum(&nw);
  if (!(total > 0))
    IGRAPH_ERROR("leiden: the strengths of the view add up to 0; modularity is undefined", IGRAPH_EINVAL);
  IGRAPH_CHECK(leiden_iterate(j, u->graph, w, &nw, j->o.resolution / total));
  igraph_vector_destroy(&nw);
  IGRAPH_FINALLY_CLEAN(1);
  return IGRAPH_SUCCESS;
}

static igraph_error_t
run_infomap(job_t *j, const netan_com_ugraph_t *u)
{
  /* directed views keep their arcs: the map equation's random walker
   * follows them (igraph's directed Infomap) */
  const netan_view_t *v = j->view;
  const igraph_t *g = v->opts.directed ? &v->graph : u->graph;
  const igraph_vector_t *w = NULL;
  if (j->o.weighted)
    w = v->opts.directed ? &v->strength : u->strength;
  return igraph_community_infomap(g, w, NULL, j->o.trials, &j->membership, &j->codelength);
}

/* Label propagation can end in one community for the whole graph even when
 * groups are plain (each vertex agrees with all its neighbours once one
 * label has spread): netan runs it @trials times and keeps the partition of
 * highest modularity (the first on ties). */
static igraph_error_t
run_label_propagation(job_t *j, const netan_com_ugraph_t *u)
{
  const igraph_vector_t *w = ustrength(j, u);
  igraph_vector_int_t trial;
  IGRAPH_VECTOR_INT_INIT_FINALLY(&trial, 0);
  double best = -INFINITY;
  for (int t = 0; t < j->o.trials; t++) {
    double q;
    IGRAPH_CHECK(igraph_community_label_propagation(u->graph, &trial, IGRAPH_ALL, w, NULL, NULL));
    IGRAPH_CHECK(igraph_modularity(u->graph, &trial, w, 1.0, IGRAPH_UNDIRECTED, &q));
    if (t == 0 || q > best + 1e-12) {
      best = q;
      IGRAPH_CHECK(igraph_vector_int_update(&j->membership, &trial));
    }
  }
  igraph_vector_int_destroy(&trial);
  IGRAPH_FINALLY_CLEAN(1);
  return IGRAPH_SUCCESS;
}

/* Where to cut a dendrogram: the number of merges (0 = singletons) after
 * which the modularity of the partition, on the symmetrised view at gamma
 * 1, is highest; the first such level (the most communities) on ties, a
 * level counting as higher only if it exceeds the best so far by more than
 * 1e-12 (so rounding cannot decide). Replays the merges with union by size
 * and updates Q incrementally:
 *   Q = sum_c I_c / W - (D_c / 2W)^2,
 *   merging a, b: dQ = w_ab / W - 2 D_a D_b / (2W)^2,
 * with W the total edge weight, I_c the weight inside c, D_c its total
 * strength and w_ab the weight between a and b. O(|E| log |V|). */
static igraph_error_t
best_cut(const igraph_t *g, const igraph_vector_t *w, const igraph_matrix_int_t *merges,
         int64_t *best_steps)
{
  igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g), k = igraph_matrix_int_nrow(merges);
  *best_steps = 0;
  if (n == 0 || m == 0)
    return IGRAPH_SUCCESS;
  /* CSR adjacency */
  int64_t *start = g_new0(int64_t, n + 1), *adj = g_new(int64_t, 2 * m), *fill = g_new(int64_t, n);
  double *adjw = g_new(double, 2 * m), *deg = g_new0(double, n);
  int64_t *cid = g_new(int64_t, n), *next = g_new(int64_t, n), *head = g_new(int64_t, n),
          *tail = g_new(int64_t, n), *size = g_new(int64_t, n), *rep = g_new(int64_t, n + k);
  double total = 0;
  for (igraph_integer_t e = 0; e < m; e++) {
    start[IGRAPH_FROM(g, e) + 1]++;
    start[IGRAPH_TO(g, e) + 1]++;
  }
  for (igraph_integer_t i = 0; i < n; i++) {
    start[i + 1] += start[i];
    fill[i] = start[i];
  }
  for (igraph_integer_t e = 0; e < m; e++) {
    int64_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
    double x = w ? VECTOR(*w)[e] : 1.0;
    adj[fill[a]] = b; adjw[fill[a]++] = x;
    adj[fill[b]] = a; adjw[fill[b]++] = x;
    deg[a] += x;
    deg[b] += x;
    total += x;
  }
  double q = 0, best = 0, two_w = 2 * total;
  for (igraph_integer_t i = 0; i < n; i++) {
    cid[i] = head[i] = tail[i] = rep[i] = i;
    next[i] = -1;
    size[i] = 1;
    q -= (deg[i] / two_w) * (deg[i] / two_w);
  }
  best = q;
  for (igraph_integer_t s = 0; s < k; s++) {
    int64_t x = MATRIX(*merges, s, 0), y = MATRIX(*merges, s, 1);
    if (x < 0 || y < 0 || x >= n + s || y >= n + s) {
      g_free(start); g_free(adj); g_free(fill); g_free(adjw); g_free(deg);
      g_free(cid); g_free(next); g_free(head); g_free(tail); g_free(size); g_free(rep);
      IGRAPH_ERROR("malformed merges matrix", IGRAPH_EINTERNAL);
    }
    int64_t a = rep[x], b = rep[y];
    if (size[a] < size[b]) {
      int64_t t = a; a = b; b = t;
    }
    double between = 0, da = 0, db = 0;
    for (int64_t u = head[b]; u >= 0; u = next[u]) {
      for (int64_t p = start[u]; p < start[u + 1]; p++)
        if (cid[adj[p]] == a)
          between += adjw[p];
      db += deg[u];
    }
    for (int64_t u = head[a]; u >= 0; u = next[u])
      da += deg[u];
    for (int64_t u = head[b]; u >= 0; u = next[u])
      cid[u] = a;
    next[tail[a]] = head[b];
    tail[a] = tail[b];
    size[a] += size[b];
    rep[n + s] = a;
    q += between / total - 2 * (da / two_w) * (db / two_w);
    if (q > best + 1e-12) {
      best = q;
      *best_steps = s + 1;
    }
  }
  g_free(start); g_free(adj); g_free(fill); g_free(adjw); g_free(deg);
  g_free(cid); g_free(next); g_free(head); g_free(tail); g_free(size); g_free(rep);
  return IGRAPH_SUCCESS;
}

static igraph_error_t
membership_at_best_cut(job_t *j, const netan_com_ugraph_t *u, const igraph_matrix_int_t *merges)
{
  IGRAPH_CHECK(best_cut(u->graph, ustrength(j, u), merges, &j->cut_steps));
  return igraph_community_to_membership(merges, igraph_vcount(u->graph), j->cut_steps,
                                        &j->membership, NULL);
}

static igraph_error_t
run_walktrap(job_t *j, const netan_com_ugraph_t *u)
{
  /* igraph's own membership is cut at the modularity walktrap computes
   * internally, which gives isolated vertices a loop of weight 1; netan
   * cuts at the modularity it reports (best_cut). */
  igraph_matrix_int_t merges;
  IGRAPH_CHECK(igraph_matrix_int_init(&merges, 0, 2));
  IGRAPH_FINALLY(igraph_matrix_int_destroy, &merges);
  IGRAPH_CHECK(igraph_community_walktrap(u->graph, ustrength(j, u), j->o.steps, &merges, NULL, NULL));
  IGRAPH_CHECK(membership_at_best_cut(j, u, &merges));
  igraph_matrix_int_destroy(&merges);
  IGRAPH_FINALLY_CLEAN(1);
  return IGRAPH_SUCCESS;
}

static igraph_error_t
run_edge_betweenness(job_t *j, const netan_com_ugraph_t *u)
{
  /* Shortest paths read LENGTHS (and follow arcs on a directed view); the
   * cut reads strengths, as modularity does. igraph would use one weight
   * vector for both, which it warns "might not make sense". */
  const netan_view_t *v = j->view;
  igraph_matrix_int_t merges;
  IGRAPH_CHECK(igraph_matrix_int_init(&merges, 0, 2));
  IGRAPH_FINALLY(igraph_matrix_int_destroy, &merges);
  IGRAPH_CHECK(igraph_community_edge_betweenness(&v->graph, NULL, NULL, &merges, NULL, NULL, NULL,
                                                 TRUE, j->o.weighted ? netan_view_i_lengths(v) : NULL));
  IGRAPH_CHECK(membership_at_best_cut(j, u, &merges));
  igraph_matrix_int_destroy(&merges);
  IGRAPH_FINALLY_CLEAN(1);
  return IGRAPH_SUCCESS;
}

static const method_t methods[] = {
  { "louvain", run_louvain, TRUE, FALSE },
  { "leiden", run_leiden, TRUE, FALSE },
  { "infomap", run_infomap, FALSE, TRUE },
  { "label_propagation", run_label_propagation, FALSE, FALSE },
  { "walktrap", run_walktrap, FALSE, FALSE },
  { "edge_betweenness", run_edge_betweenness, FALSE, TRUE },
  { NULL, NULL, FALSE, FALSE }
};

const char *const *
netan_communities_methods(void)
{
  static const char *names[G_N_ELEMENTS(methods)];
  for (gsize i = 0; methods[i].name; i++)
    names[i] = methods[i].name;
  return names;
}

/* ------------------------------------------------------------ the call */

static void
ugraph_destroy_cb(void *p)
{
  netan_com_ugraph_destroy(p);
}

static igraph_error_t
run_job(void *data)
{
  job_t *j = data;
  const netan_view_t *v = j->view;
  igraph_integer_t n = v->n_vertices;
  netan_com_ugraph_t u;
  IGRAPH_CHECK(netan_com_ugraph_init(&u, v));
  IGRAPH_FINALLY(ugraph_destroy_cb, &u);
  if (v->n_edges == 0) {
    /* nothing links anyone: every vertex is its own community */
    IGRAPH_CHECK(igraph_vector_int_resize(&j->membership, n));
    for (igraph_integer_t i = 0; i < n; i++)
      VECTOR(j->membership)[i] = i;
    j->modularity = NAN;
  } else {
    IGRAPH_CHECK(j->method->run(j, &u));
    if (igraph_vector_int_size(&j->membership) != n)
      IGRAPH_ERROR("membership has the wrong length", IGRAPH_EINTERNAL);
    IGRAPH_CHECK(igraph_modularity(u.graph, &j->membership, ustrength(j, &u), j->mod_resolution,
                                   IGRAPH_UNDIRECTED, &j->modularity));
  }
  netan_com_ugraph_destroy(&u);
  IGRAPH_FINALLY_CLEAN(1);
  return IGRAPH_SUCCESS;
}

static gboolean
check_options(const method_t *m, netan_communities_options_t *o, gboolean *cpm, GError **error)
{
  const char *name = m->name;
  if (m->resolution && (!(o->resolution > 0) || !isfinite(o->resolution))) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "%s: resolution must be a positive number, not %g", name, o->resolution);
    return FALSE;
  }
  *cpm = FALSE;
  if (strcmp(name, "leiden") == 0) {
    if (o->objective == NULL || g_ascii_strcasecmp(o->objective, "modularity") == 0) {
      *cpm = FALSE;
    } else if (g_ascii_strcasecmp(o->objective, "cpm") == 0) {
      *cpm = TRUE;
    } else {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "leiden: objective must be \"modularity\" or \"cpm\", not \"%s\"", o->objective);
      return FALSE;
    }
    if (o->iterations == 0) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "leiden: iterations must be positive, or negative to iterate until nothing changes; not 0");
      return FALSE;
    }
  }
  if ((strcmp(name, "infomap") == 0 || strcmp(name, "label_propagation") == 0) && o->trials < 1) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "%s: trials must be at least 1, not %d", name, o->trials);
    return FALSE;
  }
  if (strcmp(name, "walktrap") == 0 && o->steps < 1) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "walktrap: steps must be at least 1, not %d", o->steps);
    return FALSE;
  }
  if (strcmp(name, "edge_betweenness") == 0 && (o->max_vertices < -1 || o->max_edges < -1)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "edge_betweenness: max_vertices and max_edges must be >= 0, or -1 for no limit");
    return FALSE;
  }
  return TRUE;
}

/* Girvan-Newman recomputes all edge betweenness after every removal:
 * about |V||E|^2/2 shortest-path steps. */
static gboolean
check_size(const netan_view_t *v, const netan_communities_options_t *o, GError **error)
{
  int64_t n = netan_view_n_vertices(v), m = netan_view_n_edges(v);
  gboolean too_many_v = o->max_vertices >= 0 && n > o->max_vertices;
  gboolean too_many_e = o->max_edges >= 0 && m > o->max_edges;
  if (!too_many_v && !too_many_e)
    return TRUE;
  g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
              "edge_betweenness: refused on a view of %" G_GINT64_FORMAT " vertices and %" G_GINT64_FORMAT
              " edges (limits: %" G_GINT64_FORMAT " vertices, %" G_GINT64_FORMAT " edges). Its cost grows as "
              "vertices x edges^2: about %.2g shortest-path steps here, which can take hours. Use "
              "louvain or leiden, a smaller view, or raise max_vertices/max_edges",
              n, m, o->max_vertices, o->max_edges, 0.5 * (double)n * (double)m * (double)m);
  return FALSE;
}

static const char *
direction_note(const job_t *j)
{
  if (!netan_view_is_directed(j->view))
    return "false";
  if (!j->method->directed)
    return "symmetrised (a->b and b->a strengths added)";
  if (strcmp(j->method->name, "infomap") == 0)
    return "directed (the random walk follows arcs); modularity on the symmetrised view";
  return "directed (shortest paths follow arcs); cut and modularity on the symmetrised view";
}

netan_table_t *
netan_communities(const netan_view_t *v, const char *method, const netan_communities_options_t *opts,
                  GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  const method_t *m = NULL;
  for (gsize i = 0; method && methods[i].name; i++)
    if (strcmp(methods[i].name, method) == 0)
      m = &methods[i];
  if (m == NULL) {
    g_autofree char *names = g_strjoinv(", ", (char **)netan_communities_methods());
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND,
                "no community detection method \"%s\" (there are: %s)", method ? method : "", names);
    return NULL;
  }
  job_t j = { .view = v, .method = m, .o = NETAN_COMMUNITIES_OPTIONS_INIT, .modularity = NAN,
              .quality = NAN, .codelength = NAN, .cut_steps = -1 };
  if (opts != NULL) {
    if (opts->version != NETAN_COMMUNITIES_OPTIONS_VERSION) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "communities options: unknown version %u", opts->version);
      return NULL;
    }
    j.o = *opts;
  }
  if (!check_options(m, &j.o, &j.cpm, error) || !netan_view_i_check(v, error))
    return NULL;
  if (strcmp(m->name, "edge_betweenness") == 0 && !check_size(v, &j.o, error))
    return NULL;
  if (j.o.weighted && !netan_com_check_strengths(v, m->name, error))
    return NULL;
  /* the reported modularity is the one optimised where there is one */
  j.mod_resolution = m->resolution && !j.cpm ? j.o.resolution : 1.0;

  throttle_t th = { j.o.progress, j.o.payload, -1, FALSE };
  netan_gi_call_t call = { .what = m->name, .seed_rng = TRUE, .seed = j.o.seed };
  if (j.o.progress) {
    call.progress = throttled_progress;
    call.payload = &th;
    if (throttled_progress(0.0, &th)) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_CANCELLED, "%s: cancelled", m->name);
      return NULL;
    }
  }
  igraph_vector_int_init(&j.membership, 0);
  netan_table_t *t = NULL;
  if (netan_gi_run(&call, run_job, &j, error)) {
    if (j.o.progress)
      (void)throttled_progress(1.0, &th);  /* the work is done: a late cancel changes nothing */
    t = netan_com_table(v, (const int64_t *)VECTOR(j.membership));
    netan_table_i_set_meta(t, "method", "%s", m->name);
    netan_table_i_set_meta(t, "seed", "%" G_GUINT64_FORMAT, j.o.seed);
    if (m->resolution)
      netan_table_i_set_meta_double(t, "resolution", j.o.resolution);
    netan_table_i_set_meta_double(t, "modularity", j.modularity);
    netan_table_i_set_meta_double(t, "modularity_resolution", j.mod_resolution);
    netan_table_i_set_meta(t, "directed", "%s", direction_note(&j));
    if (!j.o.weighted)
      netan_table_i_set_meta(t, "weights", "none");
    else if (strcmp(m->name, "edge_betweenness") == 0)
      netan_table_i_set_meta(t, "weights", "paths: %s; cut: strength=sum of link weights",
                             netan_view_length_name(v));
    else
      netan_table_i_set_meta(t, "weights", "strength=sum of link weights");
    if (strcmp(m->name, "leiden") == 0) {
      netan_table_i_set_meta(t, "objective", "%s", j.cpm ? "cpm" : "modularity");
      netan_table_i_set_meta(t, "iterations", "%" G_GINT64_FORMAT, j.iterations_run);
      netan_table_i_set_meta_double(t, "quality", j.quality);
    } else if (strcmp(m->name, "infomap") == 0) {
      netan_table_i_set_meta(t, "trials", "%d", j.o.trials);
      netan_table_i_set_meta_double(t, "codelength", j.codelength);
    } else if (strcmp(m->name, "label_propagation") == 0) {
      netan_table_i_set_meta(t, "trials", "%d", j.o.trials);
    } else if (strcmp(m->name, "walktrap") == 0) {
      netan_table_i_set_meta(t, "steps", "%d", j.o.steps);
    }
  }
  igraph_vector_int_destroy(&j.membership);
  return t;
}
