/* Neighbourhoods: the ego network of an entity, common contacts.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/paths-private.h"

#include <stdlib.h>
#include <string.h>

/* ---- ego network ---- */

typedef struct {
  const netan_pw_t *w;
  int64_t center, hops;
  igraph_vector_int_list_t nb;
  igraph_matrix_t dist;
  gboolean nb_made, dist_made;
} ego_job_t;

static igraph_error_t
ego_run(void *data)
{
  ego_job_t *j = data;
  const netan_pw_t *w = j->w;
  IGRAPH_CHECK(igraph_vector_int_list_init(&j->nb, 0));
  j->nb_made = TRUE;
  IGRAPH_CHECK(igraph_matrix_init(&j->dist, 0, 0));
  j->dist_made = TRUE;
  IGRAPH_CHECK(igraph_neighborhood(w->g, &j->nb, igraph_vss_1(j->center), j->hops, w->mode, 0));
  /* the hop count of each: breadth-first distances to those vertices */
  IGRAPH_CHECK(igraph_distances(w->g, &j->dist, igraph_vss_1(j->center),
                                igraph_vss_vector(igraph_vector_int_list_get_ptr(&j->nb, 0)),
                                w->mode));
  return IGRAPH_SUCCESS;
}

typedef struct {
  int64_t vertex, hops;
  const char *key;
} ego_row_t;

static int
ego_row_cmp(const void *pa, const void *pb)
{
  const ego_row_t *a = pa, *b = pb;
  if (a->hops != b->hops) return a->hops < b->hops ? -1 : 1;
  int c = strcmp(a->key, b->key);
  if (c) return c;
  return a->vertex < b->vertex ? -1 : (a->vertex > b->vertex);
}

static void
fill_entity(netan_table_t *t, int64_t row, const netan_view_t *v, int64_t vertex)
{
  int64_t id = v->vertex_entity[vertex];
  const netan_entity_rec_t *e = &netan_case_i_entities(v->kase)[id];
  netan_table_i_set_int(t, row, 0, id);
  netan_table_i_set_string(t, row, 1, e->key);
  netan_table_i_set_string(t, row, 2, e->label);
  netan_table_i_set_string(t, row, 3, e->type);
}

netan_table_t *
netan_paths_ego(const netan_view_t *v, int64_t entity, int64_t hops,
                const netan_path_options_t *opts, GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  netan_path_options_t o;
  if (!netan_pw_options(opts, &o, error))
    return NULL;
  if (hops < 0) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "ego network: hops must be 0 or more, not %" G_GINT64_FORMAT, hops);
    return NULL;
  }
  if (!netan_view_i_check(v, error))
    return NULL;
  int64_t center = netan_pw_vertex(v, entity, error);
  if (center < 0)
    return NULL;
  netan_pw_t w;
  netan_table_t *t = NULL;
  if (!netan_pw_init(&w, v, &o, &center, 1, error)) {
    netan_pw_clear(&w);
    return NULL;
  }
  /* more hops than vertices reach no further */
  int64_t nv = netan_view_n_vertices(v);
  ego_job_t j = { .w = &w, .center = center, .hops = MIN(hops, nv) };
  netan_gi_call_t call = { .what = "ego network" };
  if (netan_gi_run(&call, ego_run, &j, error)) {
    const igraph_vector_int_t *nb = igraph_vector_int_list_get_ptr(&j.nb, 0);
    int64_t n = igraph_vector_int_size(nb);
    const netan_entity_rec_t *ents = netan_case_i_entities(v->kase);
    ego_row_t *rows = g_new(ego_row_t, n > 0 ? n : 1);
    for (int64_t i = 0; i < n; i++) {
      int64_t x = VECTOR(*nb)[i];
      rows[i] = (ego_row_t){ x, (int64_t)MATRIX(j.dist, 0, i), ents[v->vertex_entity[x]].key };
    }
    qsort(rows, (size_t)n, sizeof(ego_row_t), ego_row_cmp);
    t = netan_table_i_new(n, "entity", NETAN_COLUMN_INT, "key", NETAN_COLUMN_STRING,
                          "label", NETAN_COLUMN_STRING, "type", NETAN_COLUMN_STRING,
                          "hops", NETAN_COLUMN_INT, NULL);
    for (int64_t r = 0; r < n; r++) {
      fill_entity(t, r, v, rows[r].vertex);
      netan_table_i_set_int(t, r, 4, rows[r].hops);
    }
    g_free(rows);
    netan_pw_set_meta(&w, t, "ego");
    netan_table_i_set_meta(t, "center", "%" G_GINT64_FORMAT, entity);
    netan_table_i_set_meta(t, "hops", "%" G_GINT64_FORMAT, hops);
    netan_table_i_set_meta(t, "n_entities", "%" G_GINT64_FORMAT, n);
    /* hop counts ignore lengths: say so rather than the view's transform */
    netan_table_i_set_meta(t, "weights", "none (hops: every link counts 1)");
  }
  if (j.nb_made)
    igraph_vector_int_list_destroy(&j.nb);
  if (j.dist_made)
    igraph_matrix_destroy(&j.dist);
  netan_pw_clear(&w);
  return t;
}

/* ---- common contacts ---- */

typedef struct {
  const netan_pw_t *w;
  const int64_t *named;
  size_t n;
  igraph_vector_int_t *incident;  /* per named vertex */
  size_t n_made;
} cc_job_t;

static igraph_error_t
cc_run(void *data)
{
  cc_job_t *j = data;
  for (size_t i = 0; i < j->n; i++) {
    IGRAPH_CHECK(igraph_vector_int_init(&j->incident[i], 0));
    j->n_made = i + 1;
    IGRAPH_CHECK(igraph_incident(j->w->g, &j->incident[i], j->named[i], j->w->mode));
  }
  return IGRAPH_SUCCESS;
}

typedef struct {
  int64_t vertex;
  double total;
  const char *key;
} cc_row_t;

static int
cc_row_cmp(const void *pa, const void *pb)
{
  const cc_row_t *a = pa, *b = pb;
  if (a->total != b->total) return a->total > b->total ? -1 : 1;
  int c = strcmp(a->key, b->key);
  if (c) return c;
  return a->vertex < b->vertex ? -1 : (a->vertex > b->vertex);
}

netan_table_t *
netan_paths_common_contacts(const netan_view_t *v, const int64_t *entities, size_t n_entities,
                            const netan_path_options_t *opts, GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  netan_path_options_t o;
  if (!netan_pw_options(opts, &o, error))
    return NULL;
  if (!netan_view_i_check(v, error))
    return NULL;
  int64_t *named = netan_pw_vertices(v, entities, n_entities, "common contacts", error);
  if (named == NULL)
    return NULL;
  size_t n = n_entities;
  netan_pw_t w;
  netan_table_t *t = NULL;
  if (!netan_pw_init(&w, v, &o, named, n, error)) {
    netan_pw_clear(&w);
    g_free(named);
    return NULL;
  }
  cc_job_t j = { &w, named, n, g_new0(igraph_vector_int_t, n), 0 };
  netan_gi_call_t call = { .what = "common contacts" };
  if (netan_gi_run(&call, cc_run, &j, error)) {
    int64_t nv = netan_view_n_vertices(v);
    /* per vertex: how many named entities (in order) it is adjacent to, and
     * the edge to each (allocated when first met). The working graph has
     * one edge per pair in the direction walked, so each tie is one edge. */
    size_t *hits = g_new0(size_t, nv > 0 ? nv : 1);
    int64_t **edge = g_new0(int64_t *, nv > 0 ? nv : 1);
    for (size_t i = 0; i < n; i++) {
      const igraph_vector_int_t *inc = &j.incident[i];
      for (int64_t k = 0; k < igraph_vector_int_size(inc); k++) {
        int64_t e = VECTOR(*inc)[k];
        int64_t x = netan_pw_other(&w, e, named[i]);
        if (hits[x] != i)
          continue;  /* missed an earlier named entity: cannot be common */
        if (edge[x] == NULL)
          edge[x] = g_new(int64_t, n);
        edge[x][i] = e;
        hits[x] = i + 1;
      }
    }
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(cc_row_t));
    const netan_entity_rec_t *ents = netan_case_i_entities(v->kase);
    for (int64_t x = 0; x < nv; x++)
      if (hits[x] == n) {
        cc_row_t r = { x, 0.0, ents[v->vertex_entity[x]].key };
        for (size_t i = 0; i < n; i++)
          r.total += w.strength[edge[x][i]];
        g_array_append_val(rows, r);
      }
    g_array_sort(rows, cc_row_cmp);

    /* one row per (contact, named entity): the tie and its evidence */
    int64_t nr = rows->len;
    t = netan_table_i_new(nr * (int64_t)n, "entity", NETAN_COLUMN_INT, "key", NETAN_COLUMN_STRING,
                          "label", NETAN_COLUMN_STRING, "type", NETAN_COLUMN_STRING,
                          "total_strength", NETAN_COLUMN_DOUBLE, "with", NETAN_COLUMN_INT,
                          "with_key", NETAN_COLUMN_STRING, "strength", NETAN_COLUMN_DOUBLE,
                          "n_records", NETAN_COLUMN_INT, "evidence", NETAN_COLUMN_STRING, NULL);
    for (int64_t r = 0; r < nr; r++) {
      const cc_row_t *row = &g_array_index(rows, cc_row_t, r);
      for (size_t i = 0; i < n; i++) {
        int64_t tr = r * (int64_t)n + (int64_t)i;
        int64_t e = edge[row->vertex][i];
        fill_entity(t, tr, v, row->vertex);
        netan_table_i_set_double(t, tr, 4, row->total);
        netan_table_i_set_int(t, tr, 5, v->vertex_entity[named[i]]);
        netan_table_i_set_string(t, tr, 6, ents[v->vertex_entity[named[i]]].key);
        netan_table_i_set_double(t, tr, 7, w.strength[e]);
        netan_table_i_set_int(t, tr, 8, netan_pw_n_records(&w, e));
        char *evid = netan_pw_evidence(&w, e);
        netan_table_i_set_string(t, tr, 9, evid);
        g_free(evid);
      }
    }
    g_array_free(rows, TRUE);
    for (int64_t x = 0; x < nv; x++)
      g_free(edge[x]);
    g_free(edge);
    g_free(hits);
    netan_pw_set_meta(&w, t, "common_contacts");
    /* strengths are what is reported; nothing is read as a length */
    netan_table_i_set_meta(t, "weights", "strength=sum of link weights (reported, not used)");
    netan_table_i_set_meta(t, "n_contacts", "%" G_GINT64_FORMAT, nr);
    for (size_t i = 0; i < n; i++) {
      char key[32];
      g_snprintf(key, sizeof key, "entity_%zu", i + 1);
      netan_table_i_set_meta(t, key, "%" G_GINT64_FORMAT, entities[i]);
    }
  }
  for (size_t i = 0; i < j.n_made; i++)
    igraph_vector_int_destroy(&j.incident[i]);
  g_free(j.incident);
  g_free(named);
  netan_pw_clear(&w);
  return t;
}
