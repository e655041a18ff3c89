/* Parallel Brandes betweenness, exact or sampled (see brandes.h).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/brandes.h"

#include <float.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* igraph's tolerance for equally long weighted paths (igraph_nongraph.h). */
#define SP_EPSILON 1e-10
G_STATIC_ASSERT(SP_EPSILON == IGRAPH_SHORTEST_PATH_EPSILON);

/* Lengths are kept per arc as a 16-bit code into a table of the distinct
 * lengths when there are at most this many (counts of calls give few:
 * 1/1, 1/2, ...), else as doubles: 2 bytes an arc instead of 8, the same
 * values. */
#define LENGTH_CODES 65536
static size_t length_codes = LENGTH_CODES;  /* lowered by tests only */

void
netan_brandes_i_set_length_codes(size_t max)
{
  length_codes = MIN(max, LENGTH_CODES);
}

struct netan_brandes_graph {
  int32_t n;
  int64_t arcs;
  int64_t *off;     /* n + 1: arcs of vertex v are off[v] .. off[v+1]-1 */
  int32_t *nbr;     /* arcs: the vertex at the other end */
  /* arcs: the length, as len[a] or as table[code[a]]; both NULL = unweighted */
  double *len;
  uint16_t *code;
  double *table;
  gboolean halve;   /* paths followed both ways: igraph halves the sums */
};

static inline double
arc_length(const netan_brandes_graph_t *g, int64_t a)
{
  return g->code ? g->table[g->code[a]] : g->len[a];
}

/* ------------------------------------------------------------ the graph */

typedef struct {
  const igraph_t *g;
  gboolean weighted;
  const double *edge_len;  /* per edge, when bg->len is used */
  const uint16_t *edge_code;/* per edge, when bg->code is used */
  igraph_neimode_t mode;
  netan_brandes_graph_t *bg;
} csr_job_t;

/* Runs under the gateway: the neighbour lists exactly as
 * igraph_betweenness_cutoff() builds them (inclist when weighted, adjlist
 * when not; same mode, loops dropped, parallel edges kept). */
static igraph_error_t
csr_fill(void *data)
{
  csr_job_t *j = data;
  netan_brandes_graph_t *bg = j->bg;
  const igraph_t *g = j->g;
  int64_t k = 0;
  if (j->weighted) {
    igraph_inclist_t il;
    IGRAPH_CHECK(igraph_inclist_init(g, &il, j->mode, IGRAPH_NO_LOOPS));
    IGRAPH_FINALLY(igraph_inclist_destroy, &il);
    for (int32_t v = 0; v < bg->n; v++) {
      const igraph_vector_int_t *inc = igraph_inclist_get(&il, v);
      igraph_integer_t deg = igraph_vector_int_size(inc);
      bg->off[v] = k;
      if (k + deg > bg->arcs)
        IGRAPH_ERROR("betweenness: more arcs than edges allow", IGRAPH_EINTERNAL);
      for (igraph_integer_t i = 0; i < deg; i++, k++) {
        igraph_integer_t e = VECTOR(*inc)[i];
        bg->nbr[k] = (int32_t)IGRAPH_OTHER(g, e, v);
        if (bg->code)
          bg->code[k] = j->edge_code[e];
        else
          bg->len[k] = j->edge_len[e];
      }
    }
    igraph_inclist_destroy(&il);
    IGRAPH_FINALLY_CLEAN(1);
  } else {
    igraph_adjlist_t al;
    IGRAPH_CHECK(igraph_adjlist_init(g, &al, j->mode, IGRAPH_NO_LOOPS, IGRAPH_MULTIPLE));
    IGRAPH_FINALLY(igraph_adjlist_destroy, &al);
    for (int32_t v = 0; v < bg->n; v++) {
      const igraph_vector_int_t *adj = igraph_adjlist_get(&al, v);
      igraph_integer_t deg = igraph_vector_int_size(adj);
      bg->off[v] = k;
      if (k + deg > bg->arcs)
        IGRAPH_ERROR("betweenness: more arcs than edges allow", IGRAPH_EINTERNAL);
      for (igraph_integer_t i = 0; i < deg; i++, k++)
        bg->nbr[k] = (int32_t)VECTOR(*adj)[i];
    }
    igraph_adjlist_destroy(&al);
    IGRAPH_FINALLY_CLEAN(1);
  }
  bg->off[bg->n] = k;
  if (k != bg->arcs)
    IGRAPH_ERROR("betweenness: fewer arcs than edges", IGRAPH_EINTERNAL);
  return IGRAPH_SUCCESS;
}

void
netan_brandes_graph_free(netan_brandes_graph_t *bg)
{
  if (bg == NULL)
    return;
  g_free(bg->off);
  g_free(bg->nbr);
  g_free(bg->len);
  g_free(bg->code);
  g_free(bg->table);
  g_free(bg);
}

int64_t
netan_brandes_graph_n_vertices(const netan_brandes_graph_t *bg)
{
  return bg->n;
}

static void
set_oom(GError **error, const char *what, double bytes)
{
  g_set_error(error, NETAN_ERROR, NETAN_ERROR_FAILED, "betweenness: out of memory (%s: %.0f MB)", what,
              bytes / 1048576.0);
}

/* The distinct lengths of a graph, each with its code (its index in
 * values): an open-addressing hash of their bit patterns. */
typedef struct {
  uint64_t *keys;    /* bit patterns; 0 = empty (lengths are > 0, never +0.0) */
  uint16_t *codes;
  size_t cap;        /* a power of two */
  double *values;    /* code -> length */
  size_t n;
} length_dict_t;

static size_t
dict_slot(const length_dict_t *d, uint64_t key)
{
  uint64_t h = key * UINT64_C(0x9e3779b97f4a7c15);  /* Fibonacci hashing */
  size_t i = (size_t)(h >> 32) & (d->cap - 1);
  while (d->keys[i] != 0 && d->keys[i] != key)
    i = (i + 1) & (d->cap - 1);
  return i;
}

/* The code of @x, added if new; FALSE when there would be more than
 * LENGTH_CODES lengths. */
static gboolean
dict_code(length_dict_t *d, double x, uint16_t *code)
{
  uint64_t key;
  memcpy(&key, &x, sizeof key);
  size_t i = dict_slot(d, key);
  if (d->keys[i] == key) {
    *code = d->codes[i];
    return TRUE;
  }
  if (d->n >= length_codes)
    return FALSE;
  if (2 * (d->n + 1) > d->cap) {  /* keep it at most half full */
    length_dict_t big = { g_new0(uint64_t, 2 * d->cap), g_new(uint16_t, 2 * d->cap), 2 * d->cap, d->values, d->n };
    for (size_t k = 0; k < d->cap; k++)
      if (d->keys[k] != 0) {
        size_t j = dict_slot(&big, d->keys[k]);
        big.keys[j] = d->keys[k];
        big.codes[j] = d->codes[k];
      }
    g_free(d->keys);
    g_free(d->codes);
    *d = big;
    i = dict_slot(d, key);
  }
  d->keys[i] = key;
  d->codes[i] = (uint16_t)d->n;
  d->values[d->n] = x;
  *code = (uint16_t)d->n++;
  return TRUE;
}

/* Every edge's length, checked, as a code per edge in *@codes with the
 * table in bg->table when they fit, else as doubles in *@lens (a new array
 * when @reciprocal, else @w's own). */
static gboolean
edge_lengths(netan_brandes_graph_t *bg, const igraph_vector_t *w, gboolean reciprocal, int64_t m,
             uint16_t **codes, const double **lens, double **own, GError **error)
{
  length_dict_t d = { g_new0(uint64_t, 1024), g_new(uint16_t, 1024), 1024, g_new(double, LENGTH_CODES), 0 };
  uint16_t *c = g_new(uint16_t, m > 0 ? m : 1);
  gboolean fits = TRUE, ok = TRUE;
  for (int64_t e = 0; e < m && ok; e++) {
    double x = reciprocal ? 1.0 / VECTOR(*w)[e] : VECTOR(*w)[e];
    if (!(x > 0)) {  /* also NaN, as igraph */
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "betweenness: edge %" G_GINT64_FORMAT " has length %g; lengths must be positive", e, x);
      ok = FALSE;
    } else if (fits && !dict_code(&d, x, &c[e])) {
      fits = FALSE;
    }
  }
  g_free(d.keys);
  g_free(d.codes);
  if (ok && fits) {
    *codes = c;
    bg->table = g_renew(double, d.values, d.n > 0 ? d.n : 1);
    return TRUE;
  }
  g_free(c);
  g_free(d.values);
  if (ok && reciprocal) {
    *own = g_new(double, m > 0 ? m : 1);
    for (int64_t e = 0; e < m; e++)
      (*own)[e] = 1.0 / VECTOR(*w)[e];
    *lens = *own;
  } else if (ok) {
    *lens = VECTOR(*w);
  }
  return ok;
}

/*
 * The arcs of a view from its own edge list, in the order igraph's
 * inclist and adjlist give them (what csr_fill reads), without making
 * igraph's graph of the view: igraph lists a vertex's out-edges (from ==
 * u; undirected: u is the larger end) ordered by (to, id), its in-edges
 * (to == u) by (from, id), and with both (IGRAPH_ALL) merges the two by
 * neighbour, an out- before an in-edge to the same neighbour (igraph
 * 0.10, igraph_i_incident). A view's edges are in (from, to) order
 * (directed) or (to, from) order (undirected), so listing them in id order
 * gives those orders; this is checked, and FALSE returned if it does not
 * hold (the caller then reads igraph's own lists). tests/unit/
 * test-brandes.c compares the result with csr_fill's on random views.
 */
static gboolean
csr_from_view(netan_brandes_graph_t *bg, const netan_view_t *v, gboolean follow_out, const uint16_t *edge_code,
              const double *edge_len)
{
  int64_t n = bg->n, m = v->n_edges;
  int64_t *os = g_new0(int64_t, n + 2), *is = g_new0(int64_t, n + 2);
  int32_t *ol = g_new(int32_t, m > 0 ? m : 1), *il = g_new(int32_t, m > 0 ? m : 1);
  for (int64_t e = 0; e < m; e++) {
    int64_t a = netan_view_i_from(v, e), b = netan_view_i_to(v, e);
    if (a != b) {  /* loops dropped, as NO_LOOPS (a view has none) */
      os[a + 2]++;
      is[b + 2]++;
    }
  }
  for (int64_t u = 0; u < n; u++) {
    os[u + 2] += os[u + 1];
    is[u + 2] += is[u + 1];
  }
  for (int64_t e = 0; e < m; e++) {
    int64_t a = netan_view_i_from(v, e), b = netan_view_i_to(v, e);
    if (a != b) {
      ol[os[a + 1]++] = (int32_t)e;
      il[is[b + 1]++] = (int32_t)e;
    }
  }
  /* each list must be ordered by neighbour (ids rise by construction) */
  gboolean sorted = TRUE;
  for (int64_t u = 0; u < n && sorted; u++) {
    for (int64_t i = os[u] + 1; i < os[u + 1]; i++)
      sorted &= netan_view_i_to(v, ol[i - 1]) <= netan_view_i_to(v, ol[i]);
    for (int64_t j = is[u] + 1; j < is[u + 1]; j++)
      sorted &= netan_view_i_from(v, il[j - 1]) <= netan_view_i_from(v, il[j]);
  }
  int64_t k = 0;
  for (int64_t u = 0; sorted && u < n; u++) {
    bg->off[u] = k;
    int64_t i1 = os[u], j1 = os[u + 1], i2 = follow_out ? 0 : is[u], j2 = follow_out ? 0 : is[u + 1];
    while (i1 < j1 || i2 < j2) {
      int64_t e1 = i1 < j1 ? ol[i1] : -1, e2 = i2 < j2 ? il[i2] : -1;
      int64_t n1 = e1 >= 0 ? netan_view_i_to(v, e1) : INT64_MAX, n2 = e2 >= 0 ? netan_view_i_from(v, e2) : INT64_MAX;
      int64_t take[2], nt = 0;
      if (n1 < n2) {
        take[nt++] = e1, i1++;
      } else if (n1 > n2) {
        take[nt++] = e2, i2++;
      } else {  /* the same neighbour both ways: igraph lists both, out first */
        take[nt++] = e1, i1++;
        take[nt++] = e2, i2++;
      }
      for (int64_t t = 0; t < nt; t++, k++) {
        int64_t e = take[t];
        bg->nbr[k] = (int32_t)(netan_view_i_from(v, e) == u ? netan_view_i_to(v, e) : netan_view_i_from(v, e));
        if (bg->code)
          bg->code[k] = edge_code[e];
        else if (bg->len)
          bg->len[k] = edge_len[e];
      }
    }
  }
  bg->off[n] = k;
  g_free(os);
  g_free(is);
  g_free(ol);
  g_free(il);
  return sorted && k == bg->arcs;
}

/* From igraph's graph @g, or (@g NULL) from view @v's edge list. */
static netan_brandes_graph_t *
graph_new(const igraph_t *g, const netan_view_t *v, const igraph_vector_t *w, gboolean reciprocal,
          gboolean directed, GError **error)
{
  g_return_val_if_fail(g != NULL || v != NULL, NULL);
  /* igraph_vcount, igraph_ecount and IGRAPH_FROM/TO read the graph's own
   * fields and no global state: safe outside the gateway. */
  int64_t n = g ? igraph_vcount(g) : v->n_vertices, m = g ? igraph_ecount(g) : v->n_edges;
  if (n >= INT32_MAX) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "betweenness: %" G_GINT64_FORMAT " vertices is more than this implementation handles", n);
    return NULL;
  }
  if (w != NULL && igraph_vector_size(w) != m) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "betweenness: %" G_GINT64_FORMAT " %s for %" G_GINT64_FORMAT " edges",
                (int64_t)igraph_vector_size(w), reciprocal ? "strengths" : "lengths", m);
    return NULL;
  }
  gboolean follow_out = directed && (g ? igraph_is_directed(g) : v->opts.directed);
  int64_t loops = 0;
  for (int64_t e = 0; e < m; e++)
    loops += g ? IGRAPH_FROM(g, e) == IGRAPH_TO(g, e) : netan_view_i_from(v, e) == netan_view_i_to(v, e);
  int64_t arcs = (follow_out ? 1 : 2) * (m - loops);

  netan_brandes_graph_t *bg = g_new0(netan_brandes_graph_t, 1);
  bg->n = (int32_t)n;
  bg->arcs = arcs;
  bg->halve = !follow_out;
  uint16_t *edge_code = NULL;
  const double *edge_len = NULL;
  double *own_len = NULL;
  if (w != NULL && !edge_lengths(bg, w, reciprocal, m, &edge_code, &edge_len, &own_len, error)) {
    netan_brandes_graph_free(bg);
    return NULL;
  }
  bg->off = g_try_new(int64_t, n + 1);
  bg->nbr = g_try_new(int32_t, arcs > 0 ? arcs : 1);
  if (edge_code)
    bg->code = g_try_new(uint16_t, arcs > 0 ? arcs : 1);
  else if (edge_len)
    bg->len = g_try_new(double, arcs > 0 ? arcs : 1);
  gboolean ok = bg->off && bg->nbr && (!edge_code || bg->code) && (!edge_len || bg->len);
  if (!ok) {
    set_oom(error, "adjacency",
            (double)(n + 1) * 8 + (double)arcs * (edge_code ? 6 : edge_len ? 12 : 4));
  } else if (g == NULL && csr_from_view(bg, v, follow_out, edge_code, edge_len)) {
    ok = TRUE;
  } else {
    /* a view's edges out of order would be a bug; igraph's lists are right regardless */
    if (g == NULL) {
      ok = netan_view_i_check(v, error);
      g = &v->graph;
    }
    csr_job_t job = { g, w != NULL, edge_len, edge_code, follow_out ? IGRAPH_OUT : IGRAPH_ALL, bg };
    netan_gi_call_t call = { .what = "betweenness (reading the graph)" };
    ok = ok && netan_gi_run(&call, csr_fill, &job, error);
  }
  g_free(edge_code);
  g_free(own_len);
  if (!ok) {
    netan_brandes_graph_free(bg);
    return NULL;
  }
  return bg;
}

netan_brandes_graph_t *
netan_brandes_graph_new(const igraph_t *g, const igraph_vector_t *lengths, gboolean directed,
                        GError **error)
{
  return graph_new(g, NULL, lengths, FALSE, directed, error);
}

netan_brandes_graph_t *
netan_brandes_graph_of_view(const netan_view_t *v, gboolean weighted, gboolean directed, GError **error)
{
  weighted = weighted && netan_view_i_lengths_are_reciprocal(v);
  return graph_new(NULL, v, weighted ? &v->strength : NULL, TRUE, directed, error);
}

gboolean
netan_brandes_i_same_graph(const netan_brandes_graph_t *a, const netan_brandes_graph_t *b)
{
  if (a->n != b->n || a->arcs != b->arcs || a->halve != b->halve || !a->code != !b->code || !a->len != !b->len)
    return FALSE;
  for (int64_t u = 0; u <= a->n; u++)
    if (a->off[u] != b->off[u])
      return FALSE;
  for (int64_t k = 0; k < a->arcs; k++)
    if (a->nbr[k] != b->nbr[k] || ((a->code || a->len) && arc_length(a, k) != arc_length(b, k)) ||
        (a->code && a->code[k] != b->code[k]))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------ arithmetic */

/* igraph_cmp_epsilon() of igraph 0.10, with eps = SP_EPSILON: 0 when a and
 * b are equal to a relative tolerance, else the sign of a - b. Re-stated
 * (not called) so that the search loops stay inline and away from igraph;
 * tests/unit/test-brandes.c checks it against igraph's on many pairs. */
static inline int
cmp_eps(double a, double b)
{
  if (a == b)
    return 0;
  double diff = a - b, abs_diff = fabs(diff), sum = fabs(a) + fabs(b);
  if (a == 0 || b == 0 || sum < DBL_MIN)
    return abs_diff < (SP_EPSILON * DBL_MIN) ? 0 : (diff < 0 ? -1 : 1);
  else if (!isfinite(sum))
    return (abs_diff < (SP_EPSILON * fabs(a) + SP_EPSILON * fabs(b))) ? 0 : (diff < 0 ? -1 : 1);
  else
    return (abs_diff / sum < SP_EPSILON) ? 0 : (diff < 0 ? -1 : 1);
}

int
netan_brandes_i_cmp_eps(double a, double b)
{
  return cmp_eps(a, b);
}

/* Double-double accumulation (Knuth's TwoSum): *hi + *lo carries the sum
 * with about 106 bits, so the order of additions does not show in the
 * rounded result. */
static inline void
dd_add(double *hi, double *lo, double x)
{
  double s = *hi + x;
  double bp = s - *hi;
  double err = (*hi - (s - bp)) + (x - bp);
  *hi = s;
  *lo += err;
}

/* ------------------------------------------------------------ search state */

/* What a search keeps per vertex, in one place: a relaxation touches one
 * cache line instead of four arrays. All zero / -1 between sources. */
typedef struct {
  double dist;      /* distance + 1; 0 = not reached (igraph's convention) */
  double sigma;     /* number of shortest paths from the source */
  double delta;     /* dependency (or g(v), see linear scaling) */
  int32_t phead;    /* first parent link, -1 none */
  int32_t hpos;     /* heap slot + 1; 0 = not in the heap */
} vstate_t;
G_STATIC_ASSERT(sizeof(vstate_t) == 32);

/* ------------------------------------------------------------ the heap */

/* A binary min-heap of vertices by distance with a position index. It
 * mirrors igraph's two-way heap (a max-heap of -distance) comparison for
 * comparison, so that vertices at equal distances leave it in igraph's
 * order: same stacks, same sums, bit for bit. */
typedef struct {
  double key;       /* distance */
  int32_t v;
} hslot_t;

typedef struct {
  hslot_t *slot;
  vstate_t *st;     /* for the positions */
  int32_t size;
} heap_t;

static inline void
heap_switch(heap_t *h, int32_t a, int32_t b)
{
  if (a != b) {
    hslot_t t = h->slot[a];
    h->slot[a] = h->slot[b];
    h->slot[b] = t;
    h->st[h->slot[a].v].hpos = a + 1;
    h->st[h->slot[b].v].hpos = b + 1;
  }
}

static inline void
heap_shift_up(heap_t *h, int32_t e)
{
  /* igraph: stop at the top or when data[e] < data[parent] (-d[e] < -d[p]) */
  while (e != 0) {
    int32_t p = (e + 1) / 2 - 1;
    if (h->slot[e].key > h->slot[p].key)
      break;
    heap_switch(h, e, p);
    e = p;
  }
}

static inline void
heap_sink(heap_t *h, int32_t head)
{
  for (;;) {
    int32_t l = (head + 1) * 2 - 1, r = (head + 1) * 2;
    if (l >= h->size)
      return;
    /* igraph: left if no right child or data[l] >= data[r] (d[l] <= d[r]) */
    int32_t c = (r == h->size || h->slot[l].key <= h->slot[r].key) ? l : r;
    if (!(h->slot[head].key > h->slot[c].key))  /* igraph: swap if data[head] < data[c] */
      return;
    heap_switch(h, head, c);
    head = c;
  }
}

static inline void
heap_push(heap_t *h, int32_t v, double d)
{
  int32_t s = h->size++;
  h->slot[s].v = v;
  h->slot[s].key = d;
  h->st[v].hpos = s + 1;
  heap_shift_up(h, s);
}

static inline int32_t
heap_pop(heap_t *h, double *d)
{
  int32_t v = h->slot[0].v;
  *d = h->slot[0].key;
  heap_switch(h, 0, h->size - 1);
  h->size--;
  h->st[v].hpos = 0;
  heap_sink(h, 0);
  return v;
}

static inline void
heap_modify(heap_t *h, int32_t v, double d)
{
  int32_t p = h->st[v].hpos - 1;
  h->slot[p].key = d;
  heap_sink(h, p);
  heap_shift_up(h, p);  /* at the old slot, as igraph */
}

/* ------------------------------------------------------------ workers */

typedef struct {
  const netan_brandes_graph_t *g;
  const int32_t *sources;   /* NULL: 0 .. n-1 */
  int64_t n_sources;
  int64_t chunk;            /* sources per chunk; chunk c goes to thread c % threads */
  int threads;
  double cutoff;
  gboolean squares;         /* also sum squared contributions (for the error) */
  gboolean linear;          /* linear-scaling contributions (sampled, undirected) */
  gint done;                /* atomic: sources finished */
  gint cancel;              /* atomic: stop */
  GMutex lock;
  GCond cond;
  int running;
} run_t;

typedef struct {
  run_t *run;
  int index;
  GThread *thread;
  vstate_t *st;             /* per vertex (aligned: free()) */
  int32_t *stack;
  int32_t *queue;           /* BFS queue */
  hslot_t *heap;            /* Dijkstra queue */
  int32_t *pv, *pnext;      /* parent links: vertex, next */
  /* results */
  double *hi, *lo;          /* sum of contributions */
  double *sq_hi, *sq_lo;    /* sum of squared contributions (sampling) */
} worker_t;

/* One single-source search from @s and the accumulation of its
 * dependencies, as igraph_i_sspf[_weighted] + the loop of
 * igraph_betweenness_cutoff. */
static void
one_source(worker_t *w, int32_t s)
{
  const netan_brandes_graph_t *g = w->run->g;
  const int64_t *off = g->off;
  const int32_t *nbr = g->nbr;
  const gboolean weighted = g->len || g->code;
  const double cutoff = w->run->cutoff;
  vstate_t *st = w->st;
  int32_t *stack = w->stack, *pv = w->pv, *pnext = w->pnext;
  int32_t sp = 0, np = 0;

  if (!weighted) {
    int32_t *q = w->queue;
    int32_t qh = 0, qt = 0;
    q[qt++] = s;
    st[s].dist = 1.0;
    st[s].sigma = 1;
    while (qh < qt) {
      int32_t u = q[qh++];
      vstate_t *su = &st[u];
      if (cutoff >= 0 && su->dist > cutoff + 1) {
        su->dist = 0;
        su->sigma = 0;
        su->phead = -1;
        continue;
      }
      stack[sp++] = u;
      const double du1 = su->dist + 1, sigma_u = su->sigma;
      for (int64_t a = off[u], end = off[u + 1]; a < end; a++) {
        int32_t t = nbr[a];
        vstate_t *stt = &st[t];
        if (stt->dist == 0) {
          stt->dist = du1;
          q[qt++] = t;
        }
        if (stt->dist == du1 && (du1 <= cutoff + 1 || cutoff < 0)) {
          pv[np] = u;
          pnext[np] = stt->phead;
          stt->phead = np++;
          stt->sigma += sigma_u;
        }
      }
    }
  } else {
    heap_t h = { w->heap, st, 0 };
    heap_push(&h, s, 1.0);
    st[s].dist = 1.0;
    st[s].sigma = 1;
    while (h.size > 0) {
      double mind;
      int32_t u = heap_pop(&h, &mind);
      vstate_t *su = &st[u];
      if (cutoff >= 0 && mind > cutoff + 1.0) {
        su->dist = 0;
        su->sigma = 0;
        su->phead = -1;
        continue;
      }
      stack[sp++] = u;
      const double sigma_u = su->sigma;
      for (int64_t a = off[u], end = off[u + 1]; a < end; a++) {
        int32_t t = nbr[a];
        vstate_t *stt = &st[t];
        double alt = mind + arc_length(g, a);
        double cur = stt->dist;
        if (cur == 0) {
          /* first finite distance */
          pv[np] = u;
          pnext[np] = -1;
          stt->phead = np++;
          stt->sigma = sigma_u;
          stt->dist = alt;
          heap_push(&h, t, alt);
        } else {
          int c = cmp_eps(alt, cur);
          if (c < 0) {
            /* shorter */
            pv[np] = u;
            pnext[np] = -1;
            stt->phead = np++;
            stt->sigma = sigma_u;
            stt->dist = alt;
            if (stt->hpos != 0)
              heap_modify(&h, t, alt);
            else  /* cannot happen with positive lengths; igraph would misbehave */
              heap_push(&h, t, alt);
          } else if (c == 0 && (alt <= cutoff + 1.0 || cutoff < 0)) {
            /* as short: one more parent */
            pv[np] = u;
            pnext[np] = stt->phead;
            stt->phead = np++;
            stt->sigma += sigma_u;
          }
        }
      }
    }
  }

  /* Dependencies, farthest vertex first. */
  const gboolean squares = w->run->squares;
  double *hi = w->hi, *lo = w->lo;
  if (!w->run->linear) {
    while (sp > 0) {
      int32_t x = stack[--sp];
      vstate_t *sx = &st[x];
      double coeff = (1 + sx->delta) / sx->sigma;
      for (int32_t k = sx->phead; k >= 0; k = pnext[k]) {
        vstate_t *sp_ = &st[pv[k]];
        sp_->delta += sp_->sigma * coeff;
      }
      if (x != s && sx->delta != 0) {
        dd_add(&hi[x], &lo[x], sx->delta);
        if (squares)
          dd_add(&w->sq_hi[x], &w->sq_lo[x], sx->delta * sx->delta);
      }
      sx->dist = 0;
      sx->sigma = 0;
      sx->delta = 0;
      sx->phead = -1;
    }
  } else {
    /* Linear scaling (Geisberger, Sanders & Schultes 2008): the pair
     * (s, t) counts at v with weight d(s,v)/d(s,t), so that summed over
     * both ends of every pair it counts once. delta holds
     * g(v) = sum_t sigma_st(v)/sigma_st / d(s,t); the contribution of v is
     * d(s,v) g(v). Distances are dist - 1 (igraph's convention). */
    while (sp > 0) {
      int32_t x = stack[--sp];
      vstate_t *sx = &st[x];
      if (x != s) {
        double dx = sx->dist - 1;
        double coeff = (1 / dx + sx->delta) / sx->sigma;
        for (int32_t k = sx->phead; k >= 0; k = pnext[k]) {
          vstate_t *sp_ = &st[pv[k]];
          sp_->delta += sp_->sigma * coeff;
        }
        double c = dx * sx->delta;
        if (c != 0) {
          dd_add(&hi[x], &lo[x], c);
          if (squares)
            dd_add(&w->sq_hi[x], &w->sq_lo[x], c * c);
        }
      }
      sx->dist = 0;
      sx->sigma = 0;
      sx->delta = 0;
      sx->phead = -1;
    }
  }
}

static gpointer
worker_main(gpointer data)
{
  worker_t *w = data;
  run_t *r = w->run;
  for (int64_t c = w->index; c * r->chunk < r->n_sources; c += r->threads) {
    int64_t from = c * r->chunk, to = MIN(from + r->chunk, r->n_sources);
    for (int64_t i = from; i < to; i++) {
      if (g_atomic_int_get(&r->cancel))
        goto out;
      one_source(w, r->sources ? r->sources[i] : (int32_t)i);
      g_atomic_int_inc(&r->done);
    }
  }
out:
  g_mutex_lock(&r->lock);
  r->running--;
  g_cond_signal(&r->cond);
  g_mutex_unlock(&r->lock);
  return NULL;
}

static void
worker_clear(worker_t *w)
{
  free(w->st);
  g_free(w->stack);
  g_free(w->queue);
  g_free(w->heap);
  g_free(w->pv);
  g_free(w->pnext);
  g_free(w->hi);
  g_free(w->lo);
  g_free(w->sq_hi);
  g_free(w->sq_lo);
}

static gboolean
worker_alloc(worker_t *w, const netan_brandes_graph_t *g, gboolean squares)
{
  size_t n = (size_t)g->n > 0 ? (size_t)g->n : 1;
  size_t arcs = g->arcs > 0 ? (size_t)g->arcs : 1;
  void *st = NULL;
  if (posix_memalign(&st, 64, n * sizeof(vstate_t)) != 0)
    st = NULL;
  w->st = st;
  w->stack = g_try_new(int32_t, n);
  gboolean weighted = g->len || g->code;
  w->queue = weighted ? NULL : g_try_new(int32_t, n);
  w->heap = weighted ? g_try_new(hslot_t, n) : NULL;
  w->pv = g_try_new(int32_t, arcs);
  w->pnext = g_try_new(int32_t, arcs);
  w->hi = g_try_new0(double, n);
  w->lo = g_try_new0(double, n);
  w->sq_hi = squares ? g_try_new0(double, n) : NULL;
  w->sq_lo = squares ? g_try_new0(double, n) : NULL;
  if (!w->st || !w->stack || (weighted ? !w->heap : !w->queue) || !w->pv || !w->pnext || !w->hi || !w->lo ||
      (squares && (!w->sq_hi || !w->sq_lo)))
    return FALSE;
  for (size_t i = 0; i < n; i++)
    w->st[i] = (vstate_t){ 0, 0, 0, -1, 0 };
  return TRUE;
}

/* ------------------------------------------------------------ the run */

static int
cmp_int32(const void *a, const void *b)
{
  int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
  return (x > y) - (x < y);
}

/* k of 0..n-1 uniformly without replacement (partial Fisher-Yates with a
 * seeded Mersenne Twister), ascending. */
static int32_t *
draw_sources(int32_t n, int64_t k, uint64_t seed)
{
  int32_t *all = g_try_new(int32_t, n);
  if (all == NULL)
    return NULL;
  for (int32_t i = 0; i < n; i++)
    all[i] = i;
  guint32 words[2] = { (guint32)(seed & 0xffffffffu), (guint32)(seed >> 32) };
  GRand *rng = g_rand_new_with_seed_array(words, 2);
  for (int32_t i = 0; i < (int32_t)k; i++) {
    int32_t j = (int32_t)g_rand_int_range(rng, i, n);
    int32_t t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  g_rand_free(rng);
  qsort(all, (size_t)k, sizeof(int32_t), cmp_int32);
  return all;
}

static gboolean
check_options(int64_t samples, int threads, double cutoff, GError **error)
{
  const char *why = samples < 0   ? "samples must be 0 (exact) or positive"
                    : threads < 0 ? "threads must be 0 (one per processor) or positive"
                    : isnan(cutoff) ? "cutoff must be a number (negative = none)"
                                    : NULL;
  if (why != NULL)
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "betweenness: %s", why);
  return why == NULL;
}

static gboolean
report(netan_progress_cb cb, void *payload, double f)
{
  return cb == NULL || cb(f < 0 ? 0 : (f > 1 ? 1 : f), payload) == 0;
}

gboolean
netan_brandes_run(const netan_brandes_graph_t *bg, const netan_brandes_options_t *opts, double *values,
                  double *std_error, netan_brandes_info_t *info, GError **error)
{
  g_return_val_if_fail(bg != NULL && opts != NULL, FALSE);
  g_return_val_if_fail(values != NULL || bg->n == 0, FALSE);
  if (!check_options(opts->samples, opts->threads, opts->cutoff, error))
    return FALSE;
  const int32_t n = bg->n;
  const gboolean sampled = opts->samples > 0 && opts->samples < n;
  const int64_t n_sources = sampled ? opts->samples : n;
  netan_progress_cb cb = opts->progress;

  if (!report(cb, opts->payload, 0.0)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_CANCELLED, "betweenness: cancelled");
    return FALSE;
  }

  int threads = opts->threads > 0 ? opts->threads : (int)g_get_num_processors();
  threads = CLAMP(threads, 1, 1024);
  int64_t chunk = CLAMP(n_sources / ((int64_t)threads * 16), 1, 64);
  int64_t n_chunks = (n_sources + chunk - 1) / chunk;
  if (threads > n_chunks)
    threads = n_chunks > 0 ? (int)n_chunks : 1;

  int32_t *sources = NULL;
  if (sampled) {
    sources = draw_sources(n, n_sources, opts->seed);
    if (sources == NULL) {
      set_oom(error, "sources", (double)n * 4);
      return FALSE;
    }
  }

  run_t r = { 0 };
  r.g = bg;
  r.sources = sources;
  r.n_sources = n_sources;
  r.chunk = chunk;
  r.threads = threads;
  r.cutoff = opts->cutoff < 0 ? -1.0 : opts->cutoff;
  r.squares = sampled && std_error != NULL;
  r.linear = sampled && bg->halve && !opts->plain_sampling;
  g_mutex_init(&r.lock);
  g_cond_init(&r.cond);

  gboolean ok = TRUE, cancelled = FALSE;
  worker_t *ws = g_new0(worker_t, threads);
  for (int t = 0; t < threads && ok; t++) {
    ws[t].run = &r;
    ws[t].index = t;
    if (!worker_alloc(&ws[t], bg, r.squares)) {
      set_oom(error, "per-thread arrays",
              (double)threads * ((double)n * (r.squares ? 92 : 76) + (double)bg->arcs * 8));
      ok = FALSE;
    }
  }

  int started = 0;
  if (ok && n_sources > 0) {
    g_mutex_lock(&r.lock);
    for (int t = 0; t < threads; t++) {
      GError *te = NULL;
      r.running++;
      ws[t].thread = g_thread_try_new("netan-brandes", worker_main, &ws[t], &te);
      if (ws[t].thread == NULL) {
        r.running--;
        g_atomic_int_set(&r.cancel, 1);
        g_set_error(error, NETAN_ERROR, NETAN_ERROR_FAILED, "betweenness: cannot start a thread: %s",
                    te ? te->message : "?");
        g_clear_error(&te);
        ok = FALSE;
        break;
      }
      started++;
    }
    /* Wait, reporting progress from this thread: at each further 1% of
     * the sources, and every second so that a cancel request is seen soon. */
    double last_f = 0;
    gint64 last_t = g_get_monotonic_time();
    while (r.running > 0) {
      g_cond_wait_until(&r.cond, &r.lock, g_get_monotonic_time() + 20 * G_TIME_SPAN_MILLISECOND);
      if (cb == NULL || cancelled || r.running == 0)
        continue;
      double f = (double)g_atomic_int_get(&r.done) / (double)n_sources;
      gint64 now = g_get_monotonic_time();
      if (f >= last_f + 0.01 || now - last_t >= G_TIME_SPAN_SECOND) {
        g_mutex_unlock(&r.lock);
        gboolean go_on = report(cb, opts->payload, f);
        g_mutex_lock(&r.lock);
        last_f = f;
        last_t = now;
        if (!go_on) {
          cancelled = TRUE;
          g_atomic_int_set(&r.cancel, 1);
        }
      }
    }
    g_mutex_unlock(&r.lock);
    for (int t = 0; t < started; t++)
      g_thread_join(ws[t].thread);
  }

  if (ok && !cancelled) {
    /* Merge the thread partials in thread order. */
    const double k = (double)n_sources;
    const double scale = sampled ? (double)n / k : 1.0;
    /* linear scaling counts each unordered pair once already */
    const double half = bg->halve && !r.linear ? 0.5 : 1.0;
    for (int32_t v = 0; v < n; v++) {
      double hi = 0, lo = 0, shi = 0, slo = 0;
      for (int t = 0; t < threads; t++) {
        dd_add(&hi, &lo, ws[t].hi[v]);
        lo += ws[t].lo[v];
        if (r.squares) {
          dd_add(&shi, &slo, ws[t].sq_hi[v]);
          slo += ws[t].sq_lo[v];
        }
      }
      double s1 = hi + lo;
      values[v] = s1 * scale * half;
      if (std_error != NULL) {
        if (!sampled) {
          std_error[v] = 0;
        } else if (n_sources < 2) {
          std_error[v] = NAN;
        } else {
          double s2 = shi + slo;
          double var = (s2 - s1 * s1 / k) / (k - 1);
          if (var < 0)
            var = 0;
          std_error[v] = (double)n * sqrt((1 - k / (double)n) * var / k) * half;
        }
      }
    }
    if (!report(cb, opts->payload, 1.0))
      cancelled = TRUE;
  }
  if (ok && cancelled) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_CANCELLED, "betweenness: cancelled");
    ok = FALSE;
  }
  if (ok && info != NULL) {
    info->sources = n_sources;
    info->threads = threads;
    info->sampled = sampled;
    info->linear_scaling = r.linear;
  }

  for (int t = 0; t < threads; t++)
    worker_clear(&ws[t]);
  g_free(ws);
  g_free(sources);
  g_mutex_clear(&r.lock);
  g_cond_clear(&r.cond);
#ifdef __GLIBC__
  /* The workers' state (about 1.5 MB a thread on a 20,000-vertex graph) is
   * freed into glibc's heap, which keeps it resident when its blocks were
   * below glibc's mmap threshold (raised by earlier frees): hand it back,
   * so that an analyst's process does not stay at its peak between
   * analyses, and a second run starts from what the process holds. */
  malloc_trim(0);
#endif
  return ok;
}

/* ------------------------------------------------------------ the table */

static int
cmp_double_desc(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x < y) - (x > y);
}

/* Median of se/value over the 100 highest values (value > 0). */
static double
relative_stderr_top(const double *values, const double *se, int64_t n, int64_t top)
{
  double *vals = g_new(double, n > 0 ? n : 1);
  memcpy(vals, values, (size_t)n * sizeof(double));
  qsort(vals, (size_t)n, sizeof(double), cmp_double_desc);
  double threshold = n > top ? vals[top - 1] : (n > 0 ? vals[n - 1] : 0);
  int64_t m = 0;
  for (int64_t v = 0; v < n && m < top; v++)
    if (values[v] >= threshold && values[v] > 0)
      vals[m++] = se[v] / values[v];
  double med = NAN;
  if (m > 0) {
    qsort(vals, (size_t)m, sizeof(double), cmp_double_desc);
    med = m % 2 ? vals[m / 2] : 0.5 * (vals[m / 2 - 1] + vals[m / 2]);
  }
  g_free(vals);
  return med;
}

netan_table_t *
netan_betweenness_i_table(const netan_view_t *v, const netan_betweenness_params_t *p, GError **error)
{
  g_return_val_if_fail(v != NULL && p != NULL, NULL);
  if (!check_options(p->samples, p->threads, p->cutoff, error))
    return NULL;
  if (!netan_view_i_check_current(v, error))
    return NULL;
  /* from the view's own edges and strengths: neither igraph's graph of the
   * view nor its lengths vector is made for this */
  gboolean weighted = p->weighted && netan_view_i_lengths_are_reciprocal(v);
  netan_brandes_graph_t *bg = netan_brandes_graph_of_view(v, weighted, v->opts.directed, error);
  if (bg == NULL)
    return NULL;
  int64_t n = bg->n;
  double *values = g_try_new0(double, n > 0 ? n : 1);
  double *se = g_try_new0(double, n > 0 ? n : 1);
  if (values == NULL || se == NULL) {
    set_oom(error, "results", (double)n * 16);
    g_free(values);
    g_free(se);
    netan_brandes_graph_free(bg);
    return NULL;
  }
  netan_brandes_options_t o = { p->cutoff, p->samples, p->seed, p->threads, p->progress, p->payload, FALSE };
  netan_brandes_info_t info = { 0 };
  netan_table_t *t = NULL;
  if (netan_brandes_run(bg, &o, values, se, &info, error)) {
    gboolean directed = netan_view_is_directed(v);
    if (p->normalized) {
      double pairs = ((double)n - 1) * ((double)n - 2) / (directed ? 1.0 : 2.0);
      for (int64_t i = 0; i < n; i++) {
        values[i] = pairs > 0 ? values[i] / pairs : 0.0;
        se[i] = pairs > 0 ? se[i] / pairs : 0.0;
      }
    }
    t = netan_vt_centrality(v, values, "betweenness");
    netan_table_i_set_meta(t, "weights", "%s",
                           weighted ? netan_view_length_name(v) : "unweighted (length=1 per edge)");
    netan_table_i_set_meta(t, "normalized", "%s",
                           p->normalized ? (directed ? "1/((n-1)(n-2))" : "2/((n-1)(n-2))") : "false");
    if (p->cutoff < 0)
      netan_table_i_set_meta(t, "cutoff", "none");
    else
      netan_table_i_set_meta_double(t, "cutoff", p->cutoff);
    netan_table_i_set_meta(t, "sources", "%" G_GINT64_FORMAT, info.sources);
    netan_table_i_set_meta(t, "threads", "%d", info.threads);
    if (info.sampled) {
      netan_table_i_set_meta(t, "method",
                             "sampled (Brandes-Pich%s): %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT
                             " sources drawn uniformly, contributions scaled by n/k",
                             info.linear_scaling ? ", linear scaling" : "", info.sources, n);
      netan_table_i_set_meta(t, "samples", "%" G_GINT64_FORMAT, info.sources);
      netan_table_i_set_meta(t, "seed", "%" G_GUINT64_FORMAT, p->seed);
      double se_max = 0;
      for (int64_t i = 0; i < n; i++)
        if (se[i] > se_max || isnan(se[i]))
          se_max = se[i];
      netan_table_i_set_meta_double(t, "stderr_max", se_max);
      netan_table_i_set_meta_double(t, "relative_stderr_top100", relative_stderr_top(values, se, n, 100));
      netan_table_i_set_meta(t, "error_estimate", "%s",
                             "values are unbiased estimates; stderr = n*sqrt((1-k/n)*s2/k), s2 the "
                             "variance of the k per-source contributions, is right on average, but "
                             "value +- 2*stderr covers the exact value less often than 95% for "
                             "vertices whose betweenness comes from few sources");
    } else {
      netan_table_i_set_meta(t, "method", "exact (Brandes)");
    }
  }
  g_free(values);
  g_free(se);
  netan_brandes_graph_free(bg);
  return t;
}
