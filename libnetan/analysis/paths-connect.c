/* The connecting network of a set of seed entities, after i2 Analyst's
 * Notebook's "Find Connecting Network" (doc/paths.md explains each step
 * and where the public description leaves a choice to us).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/paths-private.h"

#include <stdlib.h>
#include <string.h>

/* One candidate: a shortest path from seed i to seed j. */
typedef struct {
  size_t i, j;            /* seed indices (from, to) */
  size_t lo, hi;          /* the unordered pair */
  netan_pw_path_t path;
  int64_t *verts;         /* n_edges + 1 vertices along it */
  int64_t shared;         /* intermediaries on shortest paths of other pairs */
  int64_t through;        /* how many such paths pass through them */
  gboolean chosen;
} cand_t;

typedef struct {
  const netan_pw_t *w;
  const int64_t *seeds;
  size_t n;
  int64_t *targets;                  /* scratch, n */
  igraph_vector_int_list_t *vpaths;  /* per seed */
  igraph_vector_int_list_t *epaths;
  size_t n_made;
} connect_job_t;

static igraph_error_t
connect_run(void *data)
{
  connect_job_t *j = data;
  const netan_pw_t *w = j->w;
  for (size_t i = 0; i < j->n; i++) {
    IGRAPH_CHECK(igraph_vector_int_list_init(&j->vpaths[i], 0));
    if (igraph_vector_int_list_init(&j->epaths[i], 0) != IGRAPH_SUCCESS) {
      igraph_vector_int_list_destroy(&j->vpaths[i]);
      IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
    }
    j->n_made = i + 1;
  }
  const netan_path_options_t *o = w->opts;
  for (size_t i = 0; i < j->n; i++) {
    if (o->progress && o->progress((double)i / (double)j->n, o->payload) != 0)
      return IGRAPH_INTERRUPTED;
    /* undirected: each pair once, from the seed given first; directed:
     * both ways */
    size_t nt = 0;
    for (size_t k = w->directed ? 0 : i + 1; k < j->n; k++)
      if (k != i)
        j->targets[nt++] = j->seeds[k];
    if (nt == 0)
      continue;
    igraph_vector_int_t to = { 0 };
    NETAN_GI_INT_VIEW(&to, j->targets, nt);
    if (w->lengths)
      IGRAPH_CHECK(igraph_get_all_shortest_paths_dijkstra(w->g, &j->vpaths[i], &j->epaths[i], NULL,
                                                          j->seeds[i], igraph_vss_vector(&to),
                                                          w->lengths, w->mode));
    else
      IGRAPH_CHECK(igraph_get_all_shortest_paths(w->g, &j->vpaths[i], &j->epaths[i], NULL,
                                                 j->seeds[i], igraph_vss_vector(&to), w->mode));
  }
  if (o->progress && o->progress(1.0, o->payload) != 0)
    return IGRAPH_INTERRUPTED;
  return IGRAPH_SUCCESS;
}

static int
cand_by_pair_then_sequence(const void *pa, const void *pb)
{
  const cand_t *a = pa, *b = pb;
  if (a->lo != b->lo) return a->lo < b->lo ? -1 : 1;
  if (a->hi != b->hi) return a->hi < b->hi ? -1 : 1;
  if (a->i != b->i) return a->i < b->i ? -1 : 1;
  for (int64_t k = 0; k <= a->path.n_edges && k <= b->path.n_edges; k++)
    if (a->verts[k] != b->verts[k])
      return a->verts[k] < b->verts[k] ? -1 : 1;
  return (a->path.n_edges > b->path.n_edges) - (a->path.n_edges < b->path.n_edges);
}

/* Best first: direct links, then more shared intermediaries, then more
 * paths through them, then shorter, then pair and sequence order. */
static int
cand_by_value(const void *pa, const void *pb)
{
  const cand_t *a = pa, *b = pb;
  gboolean da = a->path.n_edges == 1, db = b->path.n_edges == 1;
  if (da != db) return da ? -1 : 1;
  if (a->shared != b->shared) return a->shared > b->shared ? -1 : 1;
  if (a->through != b->through) return a->through > b->through ? -1 : 1;
  if (a->path.length != b->path.length) return a->path.length < b->path.length ? -1 : 1;
  return cand_by_pair_then_sequence(pa, pb);
}

static int64_t
uf_find(int64_t *parent, int64_t x)
{
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

static void
uf_union(int64_t *parent, int64_t a, int64_t b)
{
  a = uf_find(parent, a);
  b = uf_find(parent, b);
  if (a != b)
    parent[a < b ? b : a] = a < b ? a : b;
}

typedef struct {
  int64_t vertex;
  int64_t network;
  int64_t seed_index;   /* position among the seeds, or -1 */
  int64_t n_paths;
  const char *key;
} member_t;

static int
member_cmp(const void *pa, const void *pb)
{
  const member_t *a = pa, *b = pb;
  if (a->network != b->network) return a->network < b->network ? -1 : 1;
  gboolean sa = a->seed_index >= 0, sb = b->seed_index >= 0;
  if (sa != sb) return sa ? -1 : 1;
  if (sa) return a->seed_index < b->seed_index ? -1 : 1;
  if (a->n_paths != b->n_paths) return a->n_paths > b->n_paths ? -1 : 1;
  int c = strcmp(a->key, b->key);
  if (c) return c;
  return a->vertex < b->vertex ? -1 : (a->vertex > b->vertex);
}

static netan_table_t *
entity_table(const netan_pw_t *w, const member_t *m, int64_t n, int64_t n_networks)
{
  const netan_view_t *v = w->view;
  const netan_entity_rec_t *ents = netan_case_i_entities(v->kase);
  netan_table_t *t = netan_table_i_new(n, "entity", NETAN_COLUMN_INT, "key", NETAN_COLUMN_STRING,
                                       "label", NETAN_COLUMN_STRING, "type", NETAN_COLUMN_STRING,
                                       "role", NETAN_COLUMN_STRING, "network", NETAN_COLUMN_INT,
                                       "n_paths", NETAN_COLUMN_INT, NULL);
  for (int64_t r = 0; r < n; r++) {
    int64_t id = v->vertex_entity[m[r].vertex];
    netan_table_i_set_int(t, r, 0, id);
    netan_table_i_set_string(t, r, 1, ents[id].key);
    netan_table_i_set_string(t, r, 2, ents[id].label);
    netan_table_i_set_string(t, r, 3, ents[id].type);
    netan_table_i_set_string(t, r, 4, m[r].seed_index >= 0 ? "seed" : "intermediary");
    netan_table_i_set_int(t, r, 5, m[r].network);
    netan_table_i_set_int(t, r, 6, m[r].n_paths);
  }
  netan_pw_set_meta(w, t, "connecting_network_entities");
  netan_table_i_set_meta(t, "n_networks", "%" G_GINT64_FORMAT, n_networks);
  netan_table_i_set_meta(t, "reachable", "%s", n_networks == 1 ? "true" : "false");
  return t;
}

#define METHOD_TEXT \
  "i2 Analyst's Notebook Find Connecting Network heuristic: shortest paths between pairs of " \
  "seeds, direct links first, then paths by intermediaries shared with shortest paths of other " \
  "pairs and the number of such paths; a path is added only while its seeds are not yet joined"

netan_table_t *
netan_paths_connect(const netan_view_t *v, const int64_t *seeds, size_t n_seeds,
                    const netan_path_options_t *opts, netan_table_t **entities, GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  if (entities)
    *entities = NULL;
  netan_path_options_t o;
  if (!netan_pw_options(opts, &o, error))
    return NULL;
  if (!netan_view_i_check(v, error))
    return NULL;
  int64_t *sv = netan_pw_vertices(v, seeds, n_seeds, "connecting network", error);
  if (sv == NULL)
    return NULL;
  size_t n = n_seeds;

  netan_pw_t w;
  netan_table_t *t = NULL;
  if (!netan_pw_init(&w, v, &o, sv, n, error)) {
    netan_pw_clear(&w);
    g_free(sv);
    return NULL;
  }
  int64_t nv = netan_view_n_vertices(v);

  /* 1. every shortest path between every pair of seeds */
  connect_job_t j = { &w, sv, n, g_new(int64_t, n), g_new0(igraph_vector_int_list_t, n),
                      g_new0(igraph_vector_int_list_t, n), 0 };
  netan_gi_call_t call = { .what = "connecting network" };
  gboolean ok = netan_gi_run(&call, connect_run, &j, error);
  GArray *cands = g_array_new(FALSE, TRUE, sizeof(cand_t));
  int64_t *seed_index = g_new(int64_t, nv > 0 ? nv : 1);
  for (int64_t x = 0; x < nv; x++)
    seed_index[x] = -1;
  for (size_t i = 0; i < n; i++)
    seed_index[sv[i]] = (int64_t)i;
  if (ok) {
    for (size_t i = 0; i < n; i++) {
      int64_t np = igraph_vector_int_list_size(&j.vpaths[i]);
      for (int64_t p = 0; p < np; p++) {
        const igraph_vector_int_t *vp = igraph_vector_int_list_get_ptr(&j.vpaths[i], p);
        const igraph_vector_int_t *ep = igraph_vector_int_list_get_ptr(&j.epaths[i], p);
        int64_t nvp = igraph_vector_int_size(vp);
        if (nvp < 2)
          continue;
        cand_t cd = { 0 };
        cd.i = i;
        cd.j = (size_t)seed_index[VECTOR(*vp)[nvp - 1]];
        cd.lo = MIN(cd.i, cd.j);
        cd.hi = MAX(cd.i, cd.j);
        netan_pw_path_from_igraph(&cd.path, sv[i], ep);
        netan_pw_path_measure(&w, &cd.path);
        cd.verts = g_new(int64_t, nvp);
        memcpy(cd.verts, VECTOR(*vp), sizeof(int64_t) * (size_t)nvp);
        g_array_append_val(cands, cd);
      }
    }
  }
  for (size_t i = 0; i < j.n_made; i++) {
    igraph_vector_int_list_destroy(&j.vpaths[i]);
    igraph_vector_int_list_destroy(&j.epaths[i]);
  }
  g_free(j.vpaths);
  g_free(j.epaths);
  g_free(j.targets);
  if (!ok)
    goto out;

  /* at most max_paths per ordered pair, the first by vertex sequence */
  g_array_sort(cands, cand_by_pair_then_sequence);
  cand_t *c = (cand_t *)(void *)cands->data;
  {
    guint kept = 0, run = 0;
    for (guint k = 0; k < cands->len; k++) {
      run = (k > 0 && c[k].i == c[k - 1].i && c[k].j == c[k - 1].j) ? run + 1 : 0;
      if ((int64_t)run < o.max_paths)
        c[kept++] = c[k];
      else {
        netan_pw_path_clear(&c[k].path);
        g_free(c[k].verts);
      }
    }
    g_array_set_size(cands, kept);
    c = (cand_t *)(void *)cands->data;
  }
  int64_t n_cand = cands->len;

  /* 2. value of each path: its intermediaries that shortest paths of
   * other pairs also pass through, and how many such paths */
  {
    int64_t *total = g_new0(int64_t, nv > 0 ? nv : 1);
    int64_t *pair = g_new0(int64_t, nv > 0 ? nv : 1);
    for (int64_t k = 0; k < n_cand; k++)
      for (int64_t s = 0; s <= c[k].path.n_edges; s++)
        total[c[k].verts[s]]++;
    for (int64_t k0 = 0; k0 < n_cand;) {
      int64_t k1 = k0;
      while (k1 < n_cand && c[k1].lo == c[k0].lo && c[k1].hi == c[k0].hi)
        k1++;
      for (int64_t k = k0; k < k1; k++)
        for (int64_t s = 0; s <= c[k].path.n_edges; s++)
          pair[c[k].verts[s]]++;
      for (int64_t k = k0; k < k1; k++)
        for (int64_t s = 1; s < c[k].path.n_edges; s++) {
          int64_t x = c[k].verts[s];
          int64_t others = total[x] - pair[x];
          if (others > 0) {
            c[k].shared++;
            c[k].through += others;
          }
        }
      for (int64_t k = k0; k < k1; k++)
        for (int64_t s = 0; s <= c[k].path.n_edges; s++)
          pair[c[k].verts[s]]--;
      k0 = k1;
    }
    g_free(total);
    g_free(pair);
  }

  /* 3. best first, each path only while its seeds are not yet joined */
  g_array_sort(cands, cand_by_value);
  int64_t *parent = g_new(int64_t, nv > 0 ? nv : 1);
  for (int64_t x = 0; x < nv; x++)
    parent[x] = x;
  GArray *chosen = g_array_new(FALSE, FALSE, sizeof(netan_pw_path_t));
  int64_t *on_paths = g_new0(int64_t, nv > 0 ? nv : 1);
  for (int64_t k = 0; k < n_cand; k++) {
    if (uf_find(parent, sv[c[k].i]) == uf_find(parent, sv[c[k].j]))
      continue;
    for (int64_t s = 0; s <= c[k].path.n_edges; s++) {
      uf_union(parent, c[k].verts[0], c[k].verts[s]);
      on_paths[c[k].verts[s]]++;
    }
    g_array_append_val(chosen, c[k].path);
  }

  /* the networks: numbered in the order of their first seed */
  int64_t *network = g_new0(int64_t, nv > 0 ? nv : 1);  /* root -> number, 0 = none yet */
  int64_t n_networks = 0;
  for (size_t i = 0; i < n; i++) {
    int64_t r = uf_find(parent, sv[i]);
    if (network[r] == 0)
      network[r] = ++n_networks;
  }
  t = netan_pw_path_table(&w, (const netan_pw_path_t *)(void *)chosen->data, chosen->len,
                          "connecting_network", n_networks == 1);
  netan_table_i_set_meta(t, "n_networks", "%" G_GINT64_FORMAT, n_networks);
  netan_table_i_set_meta(t, "n_candidates", "%" G_GINT64_FORMAT, n_cand);
  netan_table_i_set_meta(t, "method", "%s", METHOD_TEXT);
  {
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < n; i++)
      g_string_append_printf(s, "%s%" G_GINT64_FORMAT, i ? "," : "", seeds[i]);
    netan_table_i_set_meta(t, "seeds", "%s", s->str);
    g_string_free(s, TRUE);
  }
  if (entities) {
    GArray *members = g_array_new(FALSE, FALSE, sizeof(member_t));
    const netan_entity_rec_t *ents = netan_case_i_entities(v->kase);
    for (int64_t x = 0; x < nv; x++)
      if (seed_index[x] >= 0 || on_paths[x] > 0) {
        member_t m = { x, network[uf_find(parent, x)], seed_index[x], on_paths[x],
                       ents[v->vertex_entity[x]].key };
        g_array_append_val(members, m);
      }
    g_array_sort(members, member_cmp);
    *entities = entity_table(&w, (const member_t *)(void *)members->data, members->len, n_networks);
    g_array_free(members, TRUE);
  }
  g_array_free(chosen, TRUE);  /* the paths are the candidates' */
  g_free(parent);
  g_free(on_paths);
  g_free(network);

out:
  for (guint k = 0; k < cands->len; k++) {
    cand_t *cd = &g_array_index(cands, cand_t, k);
    netan_pw_path_clear(&cd->path);
    g_free(cd->verts);
  }
  g_array_free(cands, TRUE);
  g_free(seed_index);
  g_free(sv);
  netan_pw_clear(&w);
  return t;
}
