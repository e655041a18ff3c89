/* Louvain with igraph 0.10's exact steps (louvain.h says why).
 *
 * The algorithm (Blondel et al. 2008), as igraph_community_multilevel()
 * runs it:
 *  - a level starts with every vertex alone and visits the vertices in an
 *    order shuffled by igraph's RNG; a visited vertex leaves its community
 *    and joins the neighbouring community of largest gain
 *    w_c - gamma * all_c * all_v / 2W (the first largest in ascending
 *    community id, and only a gain above 0; otherwise it stays out of
 *    every other community and goes back to its own);
 *  - passes repeat while one changes something and raises modularity; a
 *    pass that does not is undone;
 *  - the communities become the vertices of the next level's graph, with
 *    parallel edges merged and their weights added;
 *  - it stops when a level merges nothing or lowers modularity.
 * Every sum below is made in igraph's order, and the neighbouring
 * communities are sorted with igraph_qsort() from the same array, so that
 * equal communities' weights are added in the same order: a tie between
 * two gains goes the same way as in igraph. What differs is bookkeeping:
 * a level's incident edges are listed once (igraph_incident(), so in its
 * order) instead of at every visit, and the scratch arrays are allocated
 * once per level.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/louvain.h"

#include <math.h>
#include <string.h>

typedef struct {
  igraph_integer_t size;
  igraph_real_t inside;  /* weight of the edges inside, each counted from both ends */
  igraph_real_t all;     /* weight of the edge ends in the community */
} community_t;

/* An edge end of the visited vertex, by the community at its other end:
 * igraph's layout, so that igraph_qsort() permutes it the same way. */
typedef struct {
  igraph_integer_t community;
  igraph_real_t weight;
} link_t;

static int
link_cmp(const void *a, const void *b)
{
  igraph_integer_t x = ((const link_t *)a)->community, y = ((const link_t *)b)->community;
  return x < y ? -1 : x > y ? 1 : 0;
}

/* A level's incident edges, vertex by vertex, in igraph_incident()'s order. */
typedef struct {
  igraph_vector_int_t start;  /* n + 1 offsets into edge */
  igraph_vector_int_t edge;
  igraph_integer_t max_degree;
} incidence_t;

static void
incidence_destroy(incidence_t *inc)
{
  igraph_vector_int_destroy(&inc->start);
  igraph_vector_int_destroy(&inc->edge);
}

static igraph_error_t
incidence_init(incidence_t *inc, const igraph_t *g)
{
  igraph_integer_t n = igraph_vcount(g);
  igraph_vector_int_t one;
  IGRAPH_CHECK(igraph_vector_int_init(&inc->start, n + 1));
  IGRAPH_FINALLY(igraph_vector_int_destroy, &inc->start);
  IGRAPH_CHECK(igraph_vector_int_init(&inc->edge, 0));
  IGRAPH_FINALLY(igraph_vector_int_destroy, &inc->edge);
  IGRAPH_CHECK(igraph_vector_int_reserve(&inc->edge, 2 * igraph_ecount(g)));
  IGRAPH_VECTOR_INT_INIT_FINALLY(&one, 0);
  inc->max_degree = 0;
  for (igraph_integer_t v = 0; v < n; v++) {
    IGRAPH_CHECK(igraph_incident(g, &one, v, IGRAPH_ALL));
    IGRAPH_CHECK(igraph_vector_int_append(&inc->edge, &one));
    VECTOR(inc->start)[v + 1] = igraph_vector_int_size(&inc->edge);
    if (igraph_vector_int_size(&one) > inc->max_degree)
      inc->max_degree = igraph_vector_int_size(&one);
  }
  igraph_vector_int_destroy(&one);
  IGRAPH_FINALLY_CLEAN(3);
  return IGRAPH_SUCCESS;
}

/* igraph's modularity of the current communities (2W = @two_w). */
static igraph_real_t
level_modularity(const community_t *c, igraph_integer_t n, igraph_real_t two_w, double resolution)
{
  igraph_real_t q = 0.0;
  for (igraph_integer_t i = 0; i < n; i++)
    if (c[i].size > 0)
      q += (c[i].inside - resolution * c[i].all * c[i].all / two_w) / two_w;
  return q;
}

/* One level on @g: @membership gets the communities of its vertices
 * (renumbered 0..k-1 in igraph's way), @q the modularity igraph reports
 * for the level. @w holds the weights of @g's edges first (its length is
 * the original edge count; igraph sums all of it). */
static igraph_error_t
level_step(const igraph_t *g, const igraph_vector_t *w, igraph_vector_int_t *membership, igraph_real_t *q_out,
           double resolution)
{
  igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
  igraph_vector_int_t order, saved;
  /* the interruption handler igraph would poll (its macro for that is
   * not public): read by setting it back */
  igraph_interruption_handler_t *interrupt = igraph_set_interruption_handler(NULL);
  igraph_set_interruption_handler(interrupt);
  incidence_t inc;

  IGRAPH_CHECK(igraph_vector_int_init_range(&order, 0, n));
  IGRAPH_FINALLY(igraph_vector_int_destroy, &order);
  igraph_vector_int_shuffle(&order);  /* igraph's random numbers, as igraph draws them */
  IGRAPH_CHECK(incidence_init(&inc, g));
  IGRAPH_FINALLY(incidence_destroy, &inc);
  IGRAPH_VECTOR_INT_INIT_FINALLY(&saved, n);
  IGRAPH_CHECK(igraph_vector_int_resize(membership, n));

  community_t *com = IGRAPH_CALLOC(n > 0 ? n : 1, community_t);
  IGRAPH_CHECK_OOM(com, "Louvain: no memory for the communities");
  IGRAPH_FINALLY(igraph_free, com);
  igraph_integer_t cap = inc.max_degree > 0 ? inc.max_degree : 1;
  link_t *links = IGRAPH_CALLOC(cap, link_t);
  IGRAPH_CHECK_OOM(links, "Louvain: no memory for the links");
  IGRAPH_FINALLY(igraph_free, links);
  igraph_integer_t *near_c = IGRAPH_CALLOC(cap, igraph_integer_t);
  IGRAPH_CHECK_OOM(near_c, "Louvain: no memory for the links");
  IGRAPH_FINALLY(igraph_free, near_c);
  igraph_real_t *near_w = IGRAPH_CALLOC(cap, igraph_real_t);
  IGRAPH_CHECK_OOM(near_w, "Louvain: no memory for the links");
  IGRAPH_FINALLY(igraph_free, near_w);

  igraph_integer_t *memb = VECTOR(*membership);
  const igraph_real_t *wt = VECTOR(*w);
  const igraph_integer_t *start = VECTOR(inc.start), *edge = VECTOR(inc.edge);
  igraph_real_t two_w = 2.0 * igraph_vector_sum(w);
  for (igraph_integer_t i = 0; i < n; i++) {
    memb[i] = i;
    com[i].size = 1;
  }
  for (igraph_integer_t e = 0; e < m; e++) {
    igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
    com[a].all += wt[e];
    com[b].all += wt[e];
    if (a == b)
      com[a].inside += 2 * wt[e];
  }
  igraph_real_t q = level_modularity(com, n, two_w, resolution), pass_q;
  igraph_bool_t changed;
  do {
    pass_q = q;
    changed = false;
    memcpy(VECTOR(saved), memb, (size_t)n * sizeof *memb);
    for (igraph_integer_t i = 0; i < n; i++) {
      igraph_integer_t v = VECTOR(order)[i], own = memb[v], k = 0;
      igraph_real_t w_all = 0, w_inside = 0, w_loop = 0;
      for (igraph_integer_t p = start[v]; p < start[v + 1]; p++, k++) {
        igraph_integer_t e = edge[p], other = IGRAPH_OTHER(g, e, v);
        w_all += wt[e];
        if (other == v) {
          w_loop += wt[e];
          links[k].community = own;
          links[k].weight = 0;
          continue;
        }
        if (memb[other] == own)
          w_inside += wt[e];
        links[k].community = memb[other];
        links[k].weight = wt[e];
      }
      igraph_qsort(links, (size_t)k, sizeof(link_t), link_cmp);
      igraph_integer_t n_near = 0;
      for (igraph_integer_t j = 0; j < k; j++) {
        if (n_near == 0 || links[j].community != near_c[n_near - 1]) {
          near_c[n_near] = links[j].community;
          near_w[n_near++] = links[j].weight;
        } else {
          near_w[n_near - 1] += links[j].weight;
        }
      }
      /* leave the community ... */
      memb[v] = -1;
      com[own].size--;
      com[own].all -= w_all;
      com[own].inside -= 2 * w_inside + w_loop;
      /* ... and join the best neighbouring one */
      igraph_integer_t best = own;
      igraph_real_t best_gain = 0, best_w = w_inside;
      for (igraph_integer_t j = 0; j < n_near; j++) {
        igraph_real_t gain = near_w[j] - resolution * com[near_c[j]].all * w_all / two_w;
        if (gain > best_gain) {
          best = near_c[j];
          best_gain = gain;
          best_w = near_w[j];
        }
      }
      memb[v] = best;
      com[best].size++;
      com[best].all += w_all;
      com[best].inside += 2 * best_w + w_loop;
      if (best != own)
        changed = true;
    }
    q = level_modularity(com, n, two_w, resolution);
    if (!(changed && q > pass_q)) {
      memcpy(memb, VECTOR(saved), (size_t)n * sizeof *memb);  /* undo the pass */
      break;
    }
    if (interrupt != NULL && interrupt(NULL) != IGRAPH_SUCCESS)
      IGRAPH_ERROR("Louvain: interrupted", IGRAPH_INTERRUPTED);  /* igraph polls once a pass too */
  } while (changed && q > pass_q);
  *q_out = q;
  IGRAPH_CHECK(igraph_reindex_membership(membership, NULL, NULL));

  IGRAPH_FREE(near_w);
  IGRAPH_FREE(near_c);
  IGRAPH_FREE(links);
  IGRAPH_FREE(com);
  igraph_vector_int_destroy(&saved);
  incidence_destroy(&inc);
  igraph_vector_int_destroy(&order);
  IGRAPH_FINALLY_CLEAN(7);
  return IGRAPH_SUCCESS;
}

typedef struct {
  igraph_integer_t from, to, id;
} pair_t;

static int
pair_cmp(const void *a, const void *b)
{
  const pair_t *x = a, *y = b;
  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  return x->to < y->to ? -1 : x->to > y->to ? 1 : 0;
}

/* The next level's graph: one vertex per community of @membership (k of
 * them), one edge per pair of communities joined by edges of @g (loops
 * included), in igraph's order; the weights in @w are replaced by the
 * sums, added in edge order as igraph adds them. */
static igraph_error_t
level_shrink(const igraph_t *g, const igraph_vector_int_t *membership, igraph_integer_t k, igraph_vector_t *w,
             igraph_t *next)
{
  igraph_integer_t m = igraph_ecount(g);
  igraph_vector_int_t ends, eid;
  igraph_t joined;
  IGRAPH_VECTOR_INT_INIT_FINALLY(&ends, 2 * m);
  IGRAPH_VECTOR_INT_INIT_FINALLY(&eid, m);
  IGRAPH_CHECK(igraph_get_edgelist(g, &ends, false));
  for (igraph_integer_t i = 0; i < 2 * m; i++)
    VECTOR(ends)[i] = VECTOR(*membership)[VECTOR(ends)[i]];
  /* igraph stores an undirected edge with its larger end first: read the
   * ends back from the graph it makes, as igraph does */
  IGRAPH_CHECK(igraph_create(&joined, &ends, k, IGRAPH_UNDIRECTED));
  IGRAPH_FINALLY(igraph_destroy, &joined);
  pair_t *pairs = IGRAPH_CALLOC(m > 0 ? m : 1, pair_t);
  IGRAPH_CHECK_OOM(pairs, "Louvain: no memory for the next level");
  IGRAPH_FINALLY(igraph_free, pairs);
  for (igraph_integer_t e = 0; e < m; e++)
    pairs[e] = (pair_t){ IGRAPH_FROM(&joined, e), IGRAPH_TO(&joined, e), e };
  igraph_qsort(pairs, (size_t)m, sizeof(pair_t), pair_cmp);
  igraph_vector_int_clear(&ends);
  igraph_integer_t l = -1;
  for (igraph_integer_t i = 0; i < m; i++) {
    if (l < 0 || pairs[i].from != pairs[i - 1].from || pairs[i].to != pairs[i - 1].to) {
      IGRAPH_CHECK(igraph_vector_int_push_back(&ends, pairs[i].from));
      IGRAPH_CHECK(igraph_vector_int_push_back(&ends, pairs[i].to));
      l++;
    }
    VECTOR(eid)[pairs[i].id] = l;
  }
  IGRAPH_FREE(pairs);
  igraph_destroy(&joined);
  IGRAPH_FINALLY_CLEAN(2);
  IGRAPH_CHECK(igraph_create(next, &ends, k, IGRAPH_UNDIRECTED));
  IGRAPH_FINALLY(igraph_destroy, next);

  igraph_vector_t old;
  IGRAPH_CHECK(igraph_vector_init_copy(&old, w));
  igraph_vector_fill(w, 0);
  for (igraph_integer_t e = 0; e < m; e++)
    VECTOR(*w)[VECTOR(eid)[e]] += VECTOR(old)[e];
  igraph_vector_destroy(&old);

  igraph_vector_int_destroy(&eid);
  igraph_vector_int_destroy(&ends);
  IGRAPH_FINALLY_CLEAN(3);  /* next is the caller's now */
  return IGRAPH_SUCCESS;
}

/* IGRAPH_FINALLY cleanup of the driver's current level graph. */
typedef struct {
  igraph_t graph;
  igraph_bool_t owned;
} level_graph_t;

static void
level_graph_destroy(level_graph_t *lg)
{
  if (lg->owned)
    igraph_destroy(&lg->graph);
  lg->owned = false;
}

igraph_error_t
netan_louvain_i_run(const igraph_t *graph, const igraph_vector_t *weights, double resolution,
                    igraph_vector_int_t *membership)
{
  igraph_integer_t n = igraph_vcount(graph), m = igraph_ecount(graph);
  if (igraph_is_directed(graph))
    IGRAPH_ERROR("Louvain needs an undirected graph.", IGRAPH_EINVAL);
  if (weights != NULL) {
    if (igraph_vector_size(weights) != m)
      IGRAPH_ERROR("Louvain: one weight per edge is needed.", IGRAPH_EINVAL);
    if (m > 0) {
      igraph_real_t least = igraph_vector_min(weights);
      if (isnan(least))
        IGRAPH_ERROR("Louvain: a weight is NaN.", IGRAPH_EINVAL);
      if (least < 0)
        IGRAPH_ERROR("Louvain: weights must not be negative.", IGRAPH_EINVAL);
    }
  }
  if (!(resolution >= 0))
    IGRAPH_ERROR("Louvain: the resolution must not be negative.", IGRAPH_EINVAL);

  igraph_vector_t w;
  igraph_vector_int_t level_m, final_m;
  if (weights != NULL) {
    IGRAPH_CHECK(igraph_vector_init_copy(&w, weights));
    IGRAPH_FINALLY(igraph_vector_destroy, &w);
  } else {
    IGRAPH_VECTOR_INIT_FINALLY(&w, m);
    igraph_vector_fill(&w, 1);
  }
  IGRAPH_VECTOR_INT_INIT_FINALLY(&level_m, 0);
  IGRAPH_CHECK(igraph_vector_int_init_range(&final_m, 0, n));
  IGRAPH_FINALLY(igraph_vector_int_destroy, &final_m);
  level_graph_t lg = { .owned = false };
  IGRAPH_FINALLY(level_graph_destroy, &lg);

  const igraph_t *cur = graph;
  igraph_real_t q = -1, prev_q;
  for (;;) {
    igraph_integer_t level_n = igraph_vcount(cur);
    prev_q = q;
    IGRAPH_CHECK(level_step(cur, &w, &level_m, &q, resolution));
    igraph_integer_t k = level_n > 0 ? igraph_vector_int_max(&level_m) + 1 : 0;
    /* igraph shrinks the graph, then stops if that merged nothing or the
     * modularity fell: the shrunk graph is not needed then */
    if (k == level_n || q < prev_q)
      break;
    for (igraph_integer_t i = 0; i < n; i++)
      VECTOR(final_m)[i] = VECTOR(level_m)[VECTOR(final_m)[i]];
    igraph_t next;
    IGRAPH_CHECK(level_shrink(cur, &level_m, k, &w, &next));
    level_graph_destroy(&lg);
    lg.graph = next;
    lg.owned = true;
    cur = &lg.graph;
  }
  IGRAPH_CHECK(igraph_vector_int_update(membership, &final_m));

  level_graph_destroy(&lg);
  igraph_vector_int_destroy(&final_m);
  igraph_vector_int_destroy(&level_m);
  igraph_vector_destroy(&w);
  IGRAPH_FINALLY_CLEAN(4);
  return IGRAPH_SUCCESS;
}
