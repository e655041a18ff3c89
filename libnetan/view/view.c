/* A view: entities and aggregated links of a case as an igraph graph.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "view/view-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void
netan_view_options_init(netan_view_options_t *opts)
{
  static const netan_view_options_t defaults = NETAN_VIEW_OPTIONS_INIT;
  g_return_if_fail(opts != NULL);
  *opts = defaults;
}

/*
 * The links and events of a view ("arcs"), as 64-bit words: each has a key,
 * its ends packed as (u << end_bits) | v, and its record (the link id, or
 * n_links + the event id). When key and record fit in one word together,
 * an arc is one word, (key << rec_bits) | record (stride 1); otherwise two,
 * key then record (stride 2).
 */
typedef struct {
  uint64_t *w;
  int stride;
  unsigned rec_bits;  /* stride 1: the record's bits at the bottom of a word */
} arcs_t;

static inline uint64_t
arc_key(const arcs_t *a, int64_t i)
{
  return a->stride == 1 ? a->w[i] >> a->rec_bits : a->w[2 * i];
}

static inline int64_t
arc_rec(const arcs_t *a, int64_t i)
{
  return a->stride == 1 ? (int64_t)(a->w[i] & (((uint64_t)1 << a->rec_bits) - 1)) : (int64_t)a->w[2 * i + 1];
}

#define RADIX_BITS 11  /* at most 2048 buckets a pass: the counters stay in L1 */

/* Sorts the @n arcs of @a by key with a least-significant-digit radix
 * sort, using @tmp (as long) as the other buffer; @key_bits is the key's
 * bit length. The sort is stable: arcs of one key stay in record order, as
 * they were collected. Leaves the result in a->w, and the other buffer in
 * *@tmp. */
static void
sort_arcs(arcs_t *a, uint64_t **tmp, int64_t n, unsigned key_bits)
{
  if (n < 2 || key_bits == 0)
    return;
  unsigned passes = (key_bits + RADIX_BITS - 1) / RADIX_BITS;
  unsigned width = (key_bits + passes - 1) / passes;
  unsigned shift0 = a->stride == 1 ? a->rec_bits : 0;  /* where the key starts in its word */
  int st = a->stride;
  size_t nb = (size_t)1 << width;
  uint64_t mask = nb - 1;
  int64_t *count = g_new0(int64_t, passes * nb);
  uint64_t *from = a->w, *to = *tmp;
  for (int64_t i = 0; i < n; i++) {
    uint64_t key = from[i * st] >> shift0;
    for (unsigned p = 0; p < passes; p++)
      count[p * nb + ((key >> (p * width)) & mask)]++;
  }
  for (unsigned p = 0; p < passes; p++) {
    int64_t *c = count + p * nb, at = 0;
    gboolean one_bucket = FALSE;
    for (size_t d = 0; d < nb; d++) {
      int64_t k = c[d];
      one_bucket |= (k == n);
      c[d] = at;
      at += k;
    }
    if (one_bucket)  /* every key has the same digit here: the order stays */
      continue;
    unsigned shift = shift0 + p * width;
    if (st == 1) {
      for (int64_t i = 0; i < n; i++)
        to[c[(from[i] >> shift) & mask]++] = from[i];
    } else {
      for (int64_t i = 0; i < n; i++) {
        int64_t at2 = 2 * c[(from[2 * i] >> shift) & mask]++;
        to[at2] = from[2 * i];
        to[at2 + 1] = from[2 * i + 1];
      }
    }
    uint64_t *t = from; from = to; to = t;
  }
  g_free(count);
  a->w = from;
  *tmp = to;
}

typedef struct {
  netan_view_t *view;
  const uint64_t *strength;/* n_edges: the doubles' bits (they share a buffer with the arcs) */
} strength_job_t;

static igraph_error_t
build_strength(void *data)
{
  strength_job_t *b = data;
  netan_view_t *v = b->view;
  IGRAPH_CHECK(igraph_vector_init(&v->strength, v->n_edges));
  for (int64_t e = 0; e < v->n_edges; e++) {
    double s;
    memcpy(&s, &b->strength[e], sizeof s);
    VECTOR(v->strength)[e] = s;
  }
  return IGRAPH_SUCCESS;
}

typedef struct {
  netan_view_t *view;
  gboolean made;
} graph_job_t;

static igraph_error_t
make_graph(void *data)
{
  graph_job_t *j = data;
  netan_view_t *v = j->view;
  igraph_vector_int_t edges;
  IGRAPH_CHECK(igraph_vector_int_init(&edges, 2 * v->n_edges));
  IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
  for (int64_t i = 0; i < 2 * v->n_edges; i++)
    VECTOR(edges)[i] = v->ends[i];
  IGRAPH_CHECK(igraph_create(&v->graph, &edges, v->n_vertices,
                             v->opts.directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED));
  j->made = TRUE;
  igraph_vector_int_destroy(&edges);
  IGRAPH_FINALLY_CLEAN(1);
  /* igraph_create grows the graph to fit out-of-range ids instead of
   * failing (BUILD-NOTES #10): check that it did not. */
  if (igraph_vcount(&v->graph) != v->n_vertices)
    IGRAPH_ERROR("vertex count differs from the view's", IGRAPH_EINTERNAL);
  return IGRAPH_SUCCESS;
}

/* igraph's graph of @v, made on first call; NULL and @error if igraph
 * failed (then, and on every later call, with the same message). */
static const igraph_t *
view_graph(const netan_view_t *cv, GError **error)
{
  netan_view_t *v = (netan_view_t *)cv;  /* made once, then only read */
  if (g_atomic_int_get(&v->graph_state) != 1) {
    g_mutex_lock(&v->graph_lock);
    if (v->graph_state == 0) {
      graph_job_t j = { v, FALSE };
      netan_gi_call_t call = { .what = "building the view's graph" };
      GError *e = NULL;
      if (netan_gi_run(&call, make_graph, &j, &e)) {
        g_atomic_int_set(&v->graph_state, 1);
      } else {
        if (j.made)
          igraph_destroy(&v->graph);
        v->graph_error = e;
        v->graph_state = 2;
      }
    }
    g_mutex_unlock(&v->graph_lock);
    if (g_atomic_int_get(&v->graph_state) != 1) {
      g_propagate_error(error, v->graph_error ? g_error_copy(v->graph_error)
                                              : g_error_new_literal(NETAN_ERROR, NETAN_ERROR_BACKEND, "igraph failed"));
      return NULL;
    }
  }
  return &v->graph;
}

static gboolean
check_options(const netan_view_options_t *opts, GError **error)
{
  if (opts->version != NETAN_VIEW_OPTIONS_VERSION) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "view options: unknown version %u", opts->version);
    return FALSE;
  }
  if (opts->weight != NETAN_WEIGHT_COUNT && opts->weight != NETAN_WEIGHT_DURATION &&
      opts->weight != NETAN_WEIGHT_AMOUNT) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "view options: unknown weight mode %d",
                (int)opts->weight);
    return FALSE;
  }
  if (opts->time_from >= opts->time_to) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "view options: the time window is empty (from %" G_GINT64_FORMAT " is not before to %" G_GINT64_FORMAT ")",
                opts->time_from, opts->time_to);
    return FALSE;
  }
  if (!(opts->min_weight >= 0)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "view options: min_weight must be 0 or more");
    return FALSE;
  }
  if (opts->length != NETAN_LENGTH_INVERSE_STRENGTH && opts->length != NETAN_LENGTH_UNWEIGHTED) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "view options: unknown length transform %d", (int)opts->length);
    return FALSE;
  }
  return TRUE;
}

/* Which sources the view takes facts from: NULL = all. */
static gboolean *
allowed_sources(const netan_case_t *c, const netan_view_options_t *o, GError **error)
{
  if (o->sources == NULL && o->handling == NULL)
    return NULL;
  int64_t ns = netan_case_n_sources(c);
  gboolean *ok = g_new(gboolean, ns + 1);
  for (int64_t s = 0; s < ns; s++) {
    netan_source_info_t info;
    netan_case_get_source_info(c, s, &info);
    gboolean in = TRUE;
    if (o->handling)
      in = info.handling != NULL && g_strv_contains(o->handling, info.handling);
    if (in && o->sources) {
      gboolean listed = FALSE;
      for (size_t i = 0; i < o->n_sources && !listed; i++)
        listed = o->sources[i] == s;
      in = listed;
    }
    ok[s] = in;
  }
  for (size_t i = 0; o->sources && i < o->n_sources; i++) {
    if (o->sources[i] < 0 || o->sources[i] >= ns) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND, "view options: no source %" G_GINT64_FORMAT,
                  o->sources[i]);
      g_free(ok);
      return NULL;
    }
  }
  return ok;
}

static gboolean
from_allowed(const gboolean *allowed, const netan_provenance_t *p)
{
  /* facts without provenance (asserted by a program) belong to no source */
  return allowed == NULL || (p->source_id >= 0 && allowed[p->source_id]);
}

/* The strength one event adds, or 0 if it adds nothing in this mode. */
static double
event_weight(const netan_event_rec_t *ev, const netan_view_options_t *o, const char *currency)
{
  switch (o->weight) {
  case NETAN_WEIGHT_DURATION:
    return ev->duration > 0 ? (double)ev->duration : 0.0;
  case NETAN_WEIGHT_AMOUNT:
    return isfinite(ev->amount) && ev->amount > 0 && ev->currency == currency ? ev->amount : 0.0;
  default:
    return 1.0;
  }
}

/* NETAN_WEIGHT_AMOUNT: the one currency amounts are summed in. */
static gboolean
pick_currency(const netan_case_t *c, const netan_view_options_t *o, const char **out, GError **error)
{
  *out = NULL;
  if (o->weight != NETAN_WEIGHT_AMOUNT)
    return TRUE;
  if (o->currency) {
    *out = g_intern_string(o->currency);
    return TRUE;
  }
  const netan_event_rec_t *events = netan_case_i_events(c);
  for (int64_t i = 0; i < netan_case_n_events(c); i++) {
    const char *cur = events[i].currency;
    if (cur == NULL || !isfinite(events[i].amount))
      continue;
    if (*out && *out != cur) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "view options: amounts are in several currencies (%s, %s, ...); choose one with currency "
                  "(netan does not convert currencies)", *out, cur);
      return FALSE;
    }
    *out = cur;
  }
  return TRUE;
}

netan_view_t *
netan_view_build(const netan_case_t *c, const netan_view_options_t *opts, GError **error)
{
  g_return_val_if_fail(c != NULL, NULL);
  netan_view_options_t o;
  netan_view_options_init(&o);
  if (opts != NULL)
    o = *opts;
  if (!check_options(&o, error))
    return NULL;

  const char *currency = NULL;
  if (!pick_currency(c, &o, &currency, error))
    return NULL;
  GError *source_error = NULL;
  g_autofree gboolean *allowed = allowed_sources(c, &o, &source_error);
  if (source_error) {
    g_propagate_error(error, source_error);
    return NULL;
  }
  const char *etype = o.entity_type ? g_intern_string(o.entity_type) : NULL;
  const char *ltype = o.link_type ? g_intern_string(o.link_type) : NULL;
  int64_t ne = netan_case_n_entities(c), nl = netan_case_n_links(c);
  const netan_entity_rec_t *ents = netan_case_i_entities(c);
  const netan_link_rec_t *links = netan_case_i_links(c);

  netan_view_t *v = g_new0(netan_view_t, 1);
  v->kase = c;
  v->generation = netan_case_generation(c);
  v->opts = o;
  v->opts.entity_type = NULL;  /* the caller's strings and arrays are not kept */
  v->opts.link_type = NULL;
  v->opts.sources = NULL;
  v->opts.handling = NULL;
  v->opts.currency = NULL;
  v->n_entities_at_build = ne;
  v->entity_vertex = g_new(int64_t, ne > 0 ? ne : 1);

  /* Merged entities are shown as the entity they were merged into. */
  int64_t *canon = g_new(int64_t, ne > 0 ? ne : 1);
  for (int64_t id = 0; id < ne; id++)
    canon[id] = netan_case_canonical(c, id);

  /* Links and events of the view, endpoints as canonical entity ids. Each
   * link adds its weight, each event its weight in the chosen mode (1 per
   * contact by default). A link or event that a merge turned into a loop
   * says nothing about the network: left out. */
  int64_t nev = netan_case_n_events(c);
  const netan_event_rec_t *events = netan_case_i_events(c);
  /* Ends are packed into one key: entity ids fit in end_bits bits. */
  unsigned end_bits = 0;
  while (end_bits < 64 && ((uint64_t)1 << end_bits) < (uint64_t)ne)
    end_bits++;
  if (end_bits > 32) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "view: %" G_GINT64_FORMAT " entities are more than a view can hold", ne);
    g_free(canon);
    g_free(v->entity_vertex);
    g_free(v);
    return NULL;
  }
  uint64_t end_mask = ((uint64_t)1 << end_bits) - 1;
  if ((uint64_t)nl + (uint64_t)nev > UINT32_MAX) {
    /* evidence is kept as 32-bit record numbers (view-private.h) */
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "view: %" G_GINT64_FORMAT " links and events are more than a view can hold (%u)", nl + nev,
                (unsigned)UINT32_MAX);
    g_free(canon);
    g_free(v->entity_vertex);
    g_free(v);
    return NULL;
  }
  unsigned rec_bits = 0;
  while (rec_bits < 63 && ((uint64_t)1 << rec_bits) < (uint64_t)(nl + nev))
    rec_bits++;
  arcs_t arcs = { NULL, 2 * end_bits + rec_bits <= 64 ? 1 : 2, rec_bits };
  int st = arcs.stride;
  arcs.w = g_new(uint64_t, st * (nl + nev > 0 ? nl + nev : 1));
  int64_t na = 0;
  uint64_t all_keys = 0;     /* the bits any key uses */
  gboolean unit = TRUE;      /* every weight is 1: a sum is a count */
  for (int64_t i = 0; i < nl + nev; i++) {
    int64_t from, to;
    const char *type;
    double w;
    if (i < nl) {
      /* links have no duration or amount: in those modes they would mix units */
      if (o.weight != NETAN_WEIGHT_COUNT || !from_allowed(allowed, &links[i].prov))
        continue;
      from = links[i].a; to = links[i].b; type = links[i].type; w = links[i].weight;
    } else {
      const netan_event_rec_t *ev = &events[i - nl];
      if (ev->to < 0 || ev->time < o.time_from || ev->time >= o.time_to || !from_allowed(allowed, &ev->prov))
        continue;
      from = ev->from; to = ev->to; type = ev->type;
      w = event_weight(ev, &o, currency);
      if (w <= 0)
        continue;
    }
    if (ltype && type != ltype)
      continue;
    int64_t u = canon[from], x = canon[to];
    if (etype && (ents[u].type != etype || ents[x].type != etype))
      continue;
    if (u == x)
      continue;
    if (!o.directed && u > x) {
      int64_t t = u; u = x; x = t;
    }
    uint64_t key = ((uint64_t)u << end_bits) | (uint64_t)x;
    all_keys |= key;
    unit &= (w == 1.0);
    if (st == 1) {
      arcs.w[na] = (key << rec_bits) | (uint64_t)i;
    } else {
      arcs.w[2 * na] = key;
      arcs.w[2 * na + 1] = (uint64_t)i;
    }
    na++;
  }

  /* All links between one pair (ordered pair if directed) become one edge,
   * whose strength is the sum of their weights, added in record order;
   * edges weaker than min_weight are left out. Edges are in order of
   * (from, to) entity ids, and so are their records. Ends are entity ids
   * until vertices exist. */
  unsigned key_bits = 0;
  while (key_bits < 64 && (all_keys >> key_bits) != 0)
    key_bits++;
  uint64_t *spare = g_new(uint64_t, st * (na > 0 ? na : 1));
  sort_arcs(&arcs, &spare, na, key_bits);
  int64_t m = 0;
  for (int64_t i = 1; i <= na; i++)
    m += (i == na || arc_key(&arcs, i) != arc_key(&arcs, i - 1));
  int64_t *ends = g_new(int64_t, 2 * (m > 0 ? m : 1));
  v->edge_first_record = g_new(uint32_t, m + 1);
  v->n_links_at_build = nl;
  /* The evidence of each edge, its records CSR-style, goes to the spare
   * buffer (na words at least), and each edge's strength over the arcs
   * already read (edge m is written after arcs i..j-1 are read, and m <= i):
   * on this kind of machine fresh pages cost more than the rest. */
  uint32_t *records = (uint32_t *)spare;
  uint64_t *strength = arcs.w;
  int64_t nr = 0;
  m = 0;
  for (int64_t i = 0; i < na;) {
    uint64_t key = arc_key(&arcs, i);
    int64_t j = i;
    while (j < na && arc_key(&arcs, j) == key)
      j++;
    double sum = 0;
    if (unit) {
      sum = (double)(j - i);  /* exact: the same as adding 1.0 j - i times */
    } else {
      for (int64_t k = i; k < j; k++) {
        int64_t rec = arc_rec(&arcs, k);
        sum += rec < nl ? links[rec].weight : event_weight(&events[rec - nl], &o, currency);
      }
    }
    if (sum >= o.min_weight) {
      v->edge_first_record[m] = (uint32_t)nr;
      for (int64_t k = i; k < j; k++)
        records[nr++] = (uint32_t)arc_rec(&arcs, k);
      ends[2 * m] = (int64_t)(key >> end_bits);
      ends[2 * m + 1] = (int64_t)(key & end_mask);
      memcpy(&strength[m], &sum, sizeof sum);
      m++;
    }
    i = j;
  }
  v->edge_first_record[m] = (uint32_t)nr;
  /* both are shrunk (in place, as a rule), handing the rest back before
   * igraph builds */
  v->records = g_renew(uint32_t, records, nr > 0 ? nr : 1);
  strength = arcs.w = g_renew(uint64_t, arcs.w, m > 0 ? m : 1);

  /* Vertices in entity order, so results do not depend on link order. */
  gboolean *linked = g_new0(gboolean, ne > 0 ? ne : 1);
  for (int64_t e = 0; e < 2 * m; e++)
    linked[ends[e]] = TRUE;
  int64_t nv = 0;
  for (int64_t id = 0; id < ne; id++) {
    gboolean in = canon[id] == id && (!etype || ents[id].type == etype) && (!o.drop_isolates || linked[id]);
    v->entity_vertex[id] = in ? nv++ : -1;
  }
  v->vertex_entity = g_new(int64_t, nv > 0 ? nv : 1);
  for (int64_t id = 0; id < ne; id++)
    if (v->entity_vertex[id] >= 0)
      v->vertex_entity[v->entity_vertex[id]] = id;
  for (int64_t e = 0; e < 2 * m; e++)
    ends[e] = v->entity_vertex[ends[e]];
  /* a merged entity is found at the vertex of the one it was merged into */
  for (int64_t id = 0; id < ne; id++)
    if (canon[id] != id)
      v->entity_vertex[id] = v->entity_vertex[canon[id]];
  g_free(linked);
  g_free(canon);

  /* ends as igraph keeps them (from >= to when undirected), 32-bit */
  v->n_vertices = nv;
  v->n_edges = m;
  v->ends = g_new(int32_t, 2 * (m > 0 ? m : 1));
  for (int64_t e = 0; e < m; e++) {
    int64_t a = ends[2 * e], b = ends[2 * e + 1];
    gboolean swap = !o.directed && a < b;
    v->ends[2 * e] = (int32_t)(swap ? b : a);
    v->ends[2 * e + 1] = (int32_t)(swap ? a : b);
  }
  g_free(ends);
  g_mutex_init(&v->graph_lock);

  strength_job_t b = { v, strength };
  netan_gi_call_t call = { .what = "building the view" };
  gboolean ok = netan_gi_run(&call, build_strength, &b, error);
  g_free(arcs.w);
  if (!ok) {
    g_mutex_clear(&v->graph_lock);
    g_free(v->ends);
    g_free(v->records);
    g_free(v->edge_first_record);
    g_free(v->vertex_entity);
    g_free(v->entity_vertex);
    g_free(v);
    return NULL;
  }
  v->unweighted_length = (o.length == NETAN_LENGTH_UNWEIGHTED);
  return v;
}

void
netan_view_free(netan_view_t *v)
{
  if (v == NULL)
    return;
  if (v->graph_state == 1)
    igraph_destroy(&v->graph);
  g_clear_error(&v->graph_error);
  g_mutex_clear(&v->graph_lock);
  g_free(v->ends);
  igraph_vector_destroy(&v->strength);
  g_free(v->length_data);
  g_free(v->records);
  g_free(v->edge_first_record);
  g_free(v->vertex_entity);
  g_free(v->entity_vertex);
  g_free(v);
}

int64_t
netan_view_edge_n_records(const netan_view_t *v, int64_t edge)
{
  g_return_val_if_fail(v != NULL, 0);
  if (edge < 0 || edge >= v->n_edges)
    return 0;
  return (int64_t)v->edge_first_record[edge + 1] - (int64_t)v->edge_first_record[edge];
}

gboolean
netan_view_edge_record(const netan_view_t *v, int64_t edge, int64_t i, gboolean *is_event, int64_t *id)
{
  g_return_val_if_fail(v != NULL, FALSE);
  if (i < 0 || i >= netan_view_edge_n_records(v, edge))
    return FALSE;
  int64_t rec = v->records[(int64_t)v->edge_first_record[edge] + i];
  gboolean ev = rec >= v->n_links_at_build;
  if (is_event) *is_event = ev;
  if (id) *id = ev ? rec - v->n_links_at_build : rec;
  return TRUE;
}

gboolean
netan_view_i_check_current(const netan_view_t *v, GError **error)
{
  if (netan_case_generation(v->kase) != v->generation) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_STALE,
                "the case changed after this view was built; build a new view");
    return FALSE;
  }
  return TRUE;
}

gboolean
netan_view_i_check(const netan_view_t *v, GError **error)
{
  return netan_view_i_check_current(v, error) && view_graph(v, error) != NULL;
}

const igraph_vector_t *
netan_view_i_lengths(const netan_view_t *v)
{
  if (v->unweighted_length)
    return NULL;
  /* made once, then only read: the view stays shareable between threads */
  netan_view_t *cache = (netan_view_t *)v;
  if (g_once_init_enter(&cache->length_made)) {
    int64_t m = v->n_edges;
    cache->length_data = g_new(double, m > 0 ? m : 1);
    for (int64_t e = 0; e < m; e++)
      cache->length_data[e] = netan_view_i_length_of(v, e);
    igraph_vector_view(&cache->length, cache->length_data, m);
    g_once_init_leave(&cache->length_made, 1);
  }
  return &v->length;
}

const netan_case_t *netan_view_case(const netan_view_t *v) { return v->kase; }
gboolean netan_view_is_current(const netan_view_t *v) { return netan_case_generation(v->kase) == v->generation; }
gboolean netan_view_is_directed(const netan_view_t *v) { return v->opts.directed; }
int64_t netan_view_n_vertices(const netan_view_t *v) { return v->n_vertices; }
int64_t netan_view_n_edges(const netan_view_t *v) { return v->n_edges; }

int64_t
netan_view_entity(const netan_view_t *v, int64_t vertex)
{
  g_return_val_if_fail(v != NULL, -1);
  if (vertex < 0 || vertex >= v->n_vertices)
    return -1;
  return v->vertex_entity[vertex];
}

int64_t
netan_view_vertex(const netan_view_t *v, int64_t entity_id)
{
  g_return_val_if_fail(v != NULL, -1);
  if (entity_id < 0 || entity_id >= v->n_entities_at_build)
    return -1;
  return v->entity_vertex[entity_id];
}

gboolean
netan_view_get_edge(const netan_view_t *v, int64_t edge, int64_t *from, int64_t *to,
                    double *strength, double *length, int64_t *n_links)
{
  g_return_val_if_fail(v != NULL, FALSE);
  if (edge < 0 || edge >= v->n_edges)
    return FALSE;
  if (from) *from = netan_view_i_from(v, edge);
  if (to) *to = netan_view_i_to(v, edge);
  if (strength) *strength = VECTOR(v->strength)[edge];
  if (length) *length = netan_view_i_length_of(v, edge);
  if (n_links) *n_links = netan_view_edge_n_records(v, edge);
  return TRUE;
}

const char *
netan_view_length_name(const netan_view_t *v)
{
  g_return_val_if_fail(v != NULL, NULL);
  return v->unweighted_length ? "unweighted (length=1 per edge)"
                              : "length=1/strength (strength=sum of link weights)";
}
