/* The graph a path search walks, the evidence of its edges, path tables.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/paths-private.h"

#include <stdlib.h>
#include <string.h>

void
netan_path_options_init(netan_path_options_t *opts)
{
  static const netan_path_options_t defaults = NETAN_PATH_OPTIONS_INIT;
  g_return_if_fail(opts != NULL);
  *opts = defaults;
}

gboolean
netan_pw_options(const netan_path_options_t *opts, netan_path_options_t *o, GError **error)
{
  netan_path_options_init(o);
  if (opts == NULL)
    return TRUE;
  if (opts->version != NETAN_PATH_OPTIONS_VERSION) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "path options: unknown version %u",
                opts->version);
    return FALSE;
  }
  *o = *opts;
  if (o->direction != NETAN_PATH_WITH_ARROWS && o->direction != NETAN_PATH_AGAINST_ARROWS &&
      o->direction != NETAN_PATH_ANY_DIRECTION) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "path options: unknown direction %d",
                (int)o->direction);
    return FALSE;
  }
  if (o->max_paths < 1) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "path options: max_paths must be at least 1, not %" G_GINT64_FORMAT, o->max_paths);
    return FALSE;
  }
  for (int which = 0; which < 2; which++) {
    const char *const *list = which ? o->link_types : o->entity_types;
    for (; list && *list; list++)
      if (!g_utf8_validate(*list, -1, NULL) || **list == '\0') {
        g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                    "path options: %s types must be non-empty UTF-8", which ? "link" : "entity");
        return FALSE;
      }
  }
  if (o->entity_attribute != NULL && (o->entity_attribute[0] == '\0' ||
                                      !g_utf8_validate(o->entity_attribute, -1, NULL))) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "path options: the entity attribute must be a non-empty UTF-8 name");
    return FALSE;
  }
  if (o->entity_attribute == NULL && o->entity_attribute_value != NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "path options: an attribute value needs an attribute name");
    return FALSE;
  }
  if (o->n_exclude > 0 && o->exclude == NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "path options: n_exclude is %zu but exclude is NULL", o->n_exclude);
    return FALSE;
  }
  return TRUE;
}

int64_t
netan_pw_vertex(const netan_view_t *v, int64_t entity, GError **error)
{
  const netan_case_t *c = v->kase;
  if (entity < 0 || entity >= netan_case_n_entities(c)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND, "no entity with id %" G_GINT64_FORMAT " in the case",
                entity);
    return -1;
  }
  int64_t vertex = netan_view_vertex(v, entity);
  if (vertex < 0)
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND,
                "entity %" G_GINT64_FORMAT " (%s \"%s\") is not in this view", entity,
                netan_case_entity_type(c, entity), netan_case_entity_key(c, entity));
  return vertex;
}

int64_t *
netan_pw_vertices(const netan_view_t *v, const int64_t *entities, size_t n, const char *what,
                  GError **error)
{
  if (n < 2 || entities == NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "%s: name at least two entities", what);
    return NULL;
  }
  int64_t *vs = g_new(int64_t, n);
  for (size_t i = 0; i < n; i++) {
    vs[i] = netan_pw_vertex(v, entities[i], error);
    if (vs[i] < 0) {
      g_free(vs);
      return NULL;
    }
    for (size_t j = 0; j < i; j++)
      if (vs[j] == vs[i]) {
        g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                    "%s: entities %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT
                    " are the same vertex of this view (named twice, or merged)",
                    what, entities[j], entities[i]);
        g_free(vs);
        return NULL;
      }
  }
  return vs;
}

/* ---- the working graph ---- */

typedef struct {
  int64_t lo, hi, e;  /* a kept view edge and the pair it joins */
} kept_t;

static int
kept_cmp(const void *pa, const void *pb)
{
  const kept_t *a = pa, *b = pb;
  if (a->lo != b->lo) return a->lo < b->lo ? -1 : 1;
  if (a->hi != b->hi) return a->hi < b->hi ? -1 : 1;
  return a->e < b->e ? -1 : (a->e > b->e);
}

static int
record_cmp(const void *pa, const void *pb)
{
  uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
  return a < b ? -1 : (a > b);
}

typedef struct {
  netan_pw_t *w;
  const int64_t *ends;
  int64_t n_vertices, n_edges;
  gboolean want_lengths;
} build_job_t;

static igraph_error_t
build_run(void *data)
{
  build_job_t *j = data;
  netan_pw_t *w = j->w;
  igraph_vector_int_t edges = { 0 };
  NETAN_GI_INT_VIEW(&edges, j->ends, 2 * j->n_edges);
  IGRAPH_CHECK(igraph_create(&w->own, &edges, j->n_vertices,
                             w->directed ? IGRAPH_DIRECTED : IGRAPH_UNDIRECTED));
  w->has_own = TRUE;
  if (igraph_vcount(&w->own) != j->n_vertices)
    IGRAPH_ERROR("vertex count differs from the view's", IGRAPH_EINTERNAL);
  if (j->want_lengths) {
    IGRAPH_CHECK(igraph_vector_init(&w->own_lengths, j->n_edges));
    w->has_own_lengths = TRUE;
    for (int64_t e = 0; e < j->n_edges; e++)
      VECTOR(w->own_lengths)[e] = 1.0 / w->own_strength[e];
  }
  return IGRAPH_SUCCESS;
}

/* Is record @rec (view coding) of one of the types in @types (interned)?
 * @weight receives what it adds to its edge's strength, as the view
 * counted it: a link its weight (links are only in count views); an event
 * 1, its duration or its amount by the view's weight mode. The view kept
 * only records that add something (and amounts in its one currency). */
static gboolean
record_allowed(const netan_view_t *v, int64_t rec, const char *const *types, double *weight)
{
  const char *type;
  if (rec >= v->n_links_at_build) {
    const netan_event_rec_t *ev = &netan_case_i_events(v->kase)[rec - v->n_links_at_build];
    type = ev->type;
    *weight = v->opts.weight == NETAN_WEIGHT_DURATION ? (double)ev->duration
              : v->opts.weight == NETAN_WEIGHT_AMOUNT ? ev->amount : 1.0;
  } else {
    const netan_link_rec_t *l = &netan_case_i_links(v->kase)[rec];
    type = l->type;
    *weight = l->weight;
  }
  for (; *types; types++)
    if (*types == type)
      return TRUE;
  return FALSE;
}

static gboolean
in_list(const char *s, const char *const *list)
{
  for (; list && *list; list++)
    if (strcmp(s, *list) == 0)
      return TRUE;
  return FALSE;
}

static char *
constraint_text(const netan_path_options_t *o)
{
  GString *s = g_string_new(NULL);
  if (o->entity_types) {
    g_string_append(s, "entity types: ");
    for (const char *const *t = o->entity_types; *t; t++)
      g_string_append_printf(s, "%s%s", t == o->entity_types ? "" : ", ", *t);
  }
  if (o->link_types) {
    g_string_append_printf(s, "%slink types: ", s->len ? "; " : "");
    for (const char *const *t = o->link_types; *t; t++)
      g_string_append_printf(s, "%s%s", t == o->link_types ? "" : ", ", *t);
  }
  if (o->entity_attribute) {
    g_string_append_printf(s, "%sentity attribute: %s", s->len ? "; " : "", o->entity_attribute);
    if (o->entity_attribute_value)
      g_string_append_printf(s, "=%s", o->entity_attribute_value);
  }
  if (o->n_exclude > 0) {
    g_string_append_printf(s, "%sexcluded entities: ", s->len ? "; " : "");
    for (size_t i = 0; i < o->n_exclude; i++)
      g_string_append_printf(s, "%s%" G_GINT64_FORMAT, i ? ", " : "", o->exclude[i]);
  }
  if (s->len == 0)
    g_string_append(s, "none");
  return g_string_free(s, FALSE);
}

gboolean
netan_pw_init(netan_pw_t *w, const netan_view_t *v, const netan_path_options_t *o,
              const int64_t *named, size_t n_named, GError **error)
{
  memset(w, 0, sizeof *w);
  w->view = v;
  w->opts = o;
  w->constraint = constraint_text(o);
  gboolean view_directed = netan_view_is_directed(v);
  gboolean collapse = view_directed && o->direction == NETAN_PATH_ANY_DIRECTION;
  w->directed = view_directed && !collapse;
  w->mode = !w->directed ? IGRAPH_ALL : o->direction == NETAN_PATH_AGAINST_ARROWS ? IGRAPH_IN : IGRAPH_OUT;
  gboolean weighted = o->weighted && !v->unweighted_length;
  gboolean filter_vertices = o->entity_types != NULL || o->entity_attribute != NULL || o->n_exclude > 0;
  const netan_case_t *c = v->kase;
  for (size_t i = 0; i < o->n_exclude; i++) {
    if (o->exclude[i] < 0 || o->exclude[i] >= netan_case_n_entities(c)) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND,
                  "path options: no entity with id %" G_GINT64_FORMAT " to exclude", o->exclude[i]);
      return FALSE;
    }
    int64_t x = netan_view_vertex(v, o->exclude[i]);
    for (size_t k = 0; x >= 0 && k < n_named; k++)
      if (named[k] == x) {
        g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                    "entity %" G_GINT64_FORMAT " is both named and excluded", o->exclude[i]);
        return FALSE;
      }
  }
  gboolean filter_links = o->link_types != NULL;

  if (!filter_vertices && !filter_links && !collapse) {
    /* the view as it is */
    w->g = &v->graph;
    w->strength = VECTOR(v->strength);
    w->lengths = weighted ? netan_view_i_lengths(v) : NULL;
    w->rec_first = v->edge_first_record;
    w->recs = v->records;
    return TRUE;
  }

  int64_t nv = v->n_vertices, ne = v->n_edges;
  const netan_entity_rec_t *ents = netan_case_i_entities(c);

  /* which vertices may be walked through */
  gboolean *allowed = g_new(gboolean, nv > 0 ? nv : 1);
  for (int64_t x = 0; x < nv; x++)
    allowed[x] = !o->entity_types || in_list(ents[v->vertex_entity[x]].type, o->entity_types);
  if (o->entity_attribute) {
    /* a vertex stands for its entity and every entity merged into it: it
     * qualifies if any of them has the attribute */
    gboolean *has = g_new0(gboolean, nv > 0 ? nv : 1);
    for (int64_t id = 0; id < v->n_entities_at_build; id++) {
      int64_t x = v->entity_vertex[id];
      if (x < 0 || has[x])
        continue;
      const char *val = netan_case_entity_attribute(c, id, o->entity_attribute);
      if (val && (!o->entity_attribute_value || strcmp(val, o->entity_attribute_value) == 0))
        has[x] = TRUE;
    }
    for (int64_t x = 0; x < nv; x++)
      allowed[x] = allowed[x] && has[x];
    g_free(has);
  }
  for (size_t i = 0; i < n_named; i++)
    allowed[named[i]] = TRUE;
  /* excluded entities (not in the view: nothing to do) */
  for (size_t i = 0; i < o->n_exclude; i++)
    if (netan_view_vertex(v, o->exclude[i]) >= 0)
      allowed[netan_view_vertex(v, o->exclude[i])] = FALSE;

  const char **types = NULL;
  if (filter_links) {
    size_t n = g_strv_length((char **)o->link_types);
    types = g_new0(const char *, n + 1);
    for (size_t i = 0; i < n; i++)
      types[i] = g_intern_string(o->link_types[i]);
  }

  /* the view's edges that stay, with the records that stay */
  kept_t *kept = g_new(kept_t, ne > 0 ? ne : 1);
  double *kept_strength = g_new(double, ne > 0 ? ne : 1);
  int64_t *kept_nrec = g_new(int64_t, ne > 0 ? ne : 1);
  int64_t nk = 0;
  for (int64_t e = 0; e < ne; e++) {
    int64_t a = netan_view_i_from(v, e), b = netan_view_i_to(v, e);
    if (!allowed[a] || !allowed[b])
      continue;
    double s = VECTOR(v->strength)[e];
    int64_t nrec = (int64_t)v->edge_first_record[e + 1] - (int64_t)v->edge_first_record[e];
    if (filter_links) {
      s = 0;
      nrec = 0;
      for (int64_t r = v->edge_first_record[e]; r < (int64_t)v->edge_first_record[e + 1]; r++) {
        double wt;
        if (record_allowed(v, v->records[r], types, &wt)) {
          s += wt;
          nrec++;
        }
      }
      /* as a view of those types alone would: no records, or weaker than
       * the view's minimum, no edge */
      if (nrec == 0 || s < v->opts.min_weight)
        continue;
    }
    if (collapse && a > b) {
      int64_t t = a; a = b; b = t;
    }
    kept[nk] = (kept_t){ a, b, e };
    kept_strength[e] = s;
    kept_nrec[e] = nrec;
    nk++;
  }
  if (collapse)
    qsort(kept, (size_t)nk, sizeof(kept_t), kept_cmp);

  /* working edges: one per kept edge, or per pair when collapsing */
  int64_t *ends = g_new(int64_t, 2 * (nk > 0 ? nk : 1));
  int64_t *group = g_new(int64_t, nk > 0 ? nk : 1);  /* kept index -> working edge */
  w->own_strength = g_new0(double, nk > 0 ? nk : 1);
  w->own_rec_first = g_new0(uint32_t, nk + 1);
  int64_t m = 0;
  for (int64_t i = 0; i < nk; i++) {
    if (!(collapse && m > 0 && kept[i].lo == kept[i - 1].lo && kept[i].hi == kept[i - 1].hi)) {
      ends[2 * m] = kept[i].lo;
      ends[2 * m + 1] = kept[i].hi;
      m++;
    }
    group[i] = m - 1;
    w->own_strength[m - 1] += kept_strength[kept[i].e];
    w->own_rec_first[m] += kept_nrec[kept[i].e];
  }
  for (int64_t e = 0; e < m; e++)
    w->own_rec_first[e + 1] += w->own_rec_first[e];
  w->own_recs = g_new(uint32_t, w->own_rec_first[m] > 0 ? w->own_rec_first[m] : 1);
  uint32_t *fill = g_new(uint32_t, m > 0 ? m : 1);
  memcpy(fill, w->own_rec_first, sizeof(uint32_t) * (size_t)m);
  for (int64_t i = 0; i < nk; i++) {
    int64_t e = kept[i].e;
    for (int64_t r = v->edge_first_record[e]; r < (int64_t)v->edge_first_record[e + 1]; r++) {
      double wt;
      if (!filter_links || record_allowed(v, v->records[r], types, &wt))
        w->own_recs[fill[group[i]]++] = v->records[r];
    }
  }
  if (collapse)  /* records of both directions, back in case order */
    for (int64_t e = 0; e < m; e++)
      qsort(w->own_recs + w->own_rec_first[e], (size_t)(w->own_rec_first[e + 1] - w->own_rec_first[e]),
            sizeof(uint32_t), record_cmp);
  g_free(fill);
  g_free(group);
  g_free(kept);
  g_free(kept_strength);
  g_free(kept_nrec);
  g_free(types);
  g_free(allowed);

  build_job_t j = { w, ends, nv, m, weighted };
  netan_gi_call_t call = { .what = "paths: building the graph to search" };
  gboolean ok = netan_gi_run(&call, build_run, &j, error);
  g_free(ends);
  if (!ok)
    return FALSE;
  w->g = &w->own;
  w->strength = w->own_strength;
  w->lengths = weighted ? &w->own_lengths : NULL;
  w->rec_first = w->own_rec_first;
  w->recs = w->own_recs;
  return TRUE;
}

void
netan_pw_clear(netan_pw_t *w)
{
  if (w->has_own)
    igraph_destroy(&w->own);
  if (w->has_own_lengths)
    igraph_vector_destroy(&w->own_lengths);
  g_free(w->own_strength);
  g_free(w->own_rec_first);
  g_free(w->own_recs);
  g_free(w->constraint);
  memset(w, 0, sizeof *w);
}

/* ---- evidence ---- */

static void
append_record(GString *s, const netan_case_t *c, const netan_view_t *v, int64_t rec)
{
  netan_provenance_t prov;
  if (rec >= v->n_links_at_build) {
    int64_t id = rec - v->n_links_at_build;
    const netan_event_rec_t *ev = &netan_case_i_events(c)[id];
    g_string_append_printf(s, "%s event #%" G_GINT64_FORMAT, ev->type, id);
    GDateTime *dt = g_date_time_new_from_unix_utc(ev->time);
    if (dt) {
      char *when = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%SZ");
      g_string_append_printf(s, " %s", when);
      g_free(when);
      g_date_time_unref(dt);
    }
    prov = ev->prov;
  } else {
    const netan_link_rec_t *l = &netan_case_i_links(c)[rec];
    g_string_append_printf(s, "%s link #%" G_GINT64_FORMAT, l->type, rec);
    prov = l->prov;
  }
  const char *src = netan_case_source_name(c, prov.source_id);
  if (src)
    g_string_append_printf(s, " (%s:%" G_GINT64_FORMAT ")", src, prov.row);
  else
    g_string_append(s, " (no source row)");
}

char *
netan_pw_evidence(const netan_pw_t *w, int64_t e)
{
  GString *s = g_string_new(NULL);
  int64_t n = netan_pw_n_records(w, e);
  int64_t shown = w->opts->max_evidence < 0 ? n : MIN(n, (int64_t)w->opts->max_evidence);
  for (int64_t i = 0; i < shown; i++) {
    if (i > 0)
      g_string_append(s, "; ");
    append_record(s, w->view->kase, w->view, w->recs[w->rec_first[e] + i]);
  }
  if (shown < n) {
    if (shown > 0)
      g_string_append_printf(s, "; and %" G_GINT64_FORMAT " more", n - shown);
    else
      g_string_append_printf(s, "%" G_GINT64_FORMAT " record%s", n, n == 1 ? "" : "s");
  }
  return g_string_free(s, FALSE);
}

/* ---- metadata ---- */

void
netan_pw_set_meta(const netan_pw_t *w, netan_table_t *t, const char *analysis)
{
  const netan_view_t *v = w->view;
  const char *weights;
  if (w->lengths == NULL)
    weights = v->unweighted_length ? netan_view_length_name(v)
                                   : "none (every step counts 1: fewest hops)";
  else if (w->opts->link_types)
    weights = "length=1/strength (strength=sum of the weights of the links and events of the allowed types)";
  else
    weights = netan_view_length_name(v);
  netan_table_i_set_meta(t, "analysis", "%s", analysis);
  netan_table_i_set_meta(t, "weights", "%s", weights);
  netan_table_i_set_meta(t, "directed", "%s", w->directed ? "true" : "false");
  const char *dir = !netan_view_is_directed(v) ? "none (undirected view)"
                    : w->opts->direction == NETAN_PATH_AGAINST_ARROWS ? "against arrows"
                    : w->opts->direction == NETAN_PATH_ANY_DIRECTION
                        ? "any (a->b and b->a as one edge, strengths added)"
                        : "with arrows";
  netan_table_i_set_meta(t, "direction", "%s", dir);
  netan_table_i_set_meta(t, "constraint", "%s", w->constraint);
}

/* ---- paths ---- */

void
netan_pw_path_clear(netan_pw_path_t *p)
{
  g_free(p->edges);
  p->edges = NULL;
  p->n_edges = 0;
}

int64_t
netan_pw_other(const netan_pw_t *w, int64_t e, int64_t vertex)
{
  int64_t a = IGRAPH_FROM(w->g, e), b = IGRAPH_TO(w->g, e);
  return a == vertex ? b : a;
}

void
netan_pw_path_measure(const netan_pw_t *w, netan_pw_path_t *p)
{
  p->length = 0;
  for (int64_t i = 0; i < p->n_edges; i++)
    p->length += netan_pw_length(w, p->edges[i]);
}

void
netan_pw_path_from_igraph(netan_pw_path_t *p, int64_t start, const igraph_vector_int_t *edges)
{
  p->start = start;
  p->n_edges = igraph_vector_int_size(edges);
  p->edges = g_new(int64_t, p->n_edges > 0 ? p->n_edges : 1);
  if (p->n_edges > 0)
    memcpy(p->edges, VECTOR(*edges), sizeof(int64_t) * (size_t)p->n_edges);
}

enum { PT_PATH, PT_STEP, PT_FROM, PT_FROM_KEY, PT_TO, PT_TO_KEY, PT_LENGTH, PT_STRENGTH,
       PT_N_RECORDS, PT_EVIDENCE, PT_PATH_LENGTH };

netan_table_t *
netan_pw_path_table(const netan_pw_t *w, const netan_pw_path_t *paths, size_t n,
                    const char *analysis, gboolean reachable)
{
  const netan_view_t *v = w->view;
  const netan_entity_rec_t *ents = netan_case_i_entities(v->kase);
  int64_t rows = 0;
  for (size_t i = 0; i < n; i++)
    rows += paths[i].n_edges;
  netan_table_t *t = netan_table_i_new(rows,
      "path", NETAN_COLUMN_INT, "step", NETAN_COLUMN_INT,
      "from", NETAN_COLUMN_INT, "from_key", NETAN_COLUMN_STRING,
      "to", NETAN_COLUMN_INT, "to_key", NETAN_COLUMN_STRING,
      "length", NETAN_COLUMN_DOUBLE, "strength", NETAN_COLUMN_DOUBLE,
      "n_records", NETAN_COLUMN_INT, "evidence", NETAN_COLUMN_STRING,
      "path_length", NETAN_COLUMN_DOUBLE, NULL);
  int64_t r = 0;
  for (size_t i = 0; i < n; i++) {
    int64_t at = paths[i].start;
    for (int64_t s = 0; s < paths[i].n_edges; s++, r++) {
      int64_t e = paths[i].edges[s];
      int64_t next = netan_pw_other(w, e, at);
      int64_t fe = v->vertex_entity[at], te = v->vertex_entity[next];
      netan_table_i_set_int(t, r, PT_PATH, (int64_t)i + 1);
      netan_table_i_set_int(t, r, PT_STEP, s + 1);
      netan_table_i_set_int(t, r, PT_FROM, fe);
      netan_table_i_set_string(t, r, PT_FROM_KEY, ents[fe].key);
      netan_table_i_set_int(t, r, PT_TO, te);
      netan_table_i_set_string(t, r, PT_TO_KEY, ents[te].key);
      netan_table_i_set_double(t, r, PT_LENGTH, netan_pw_length(w, e));
      netan_table_i_set_double(t, r, PT_STRENGTH, w->strength[e]);
      netan_table_i_set_int(t, r, PT_N_RECORDS, netan_pw_n_records(w, e));
      char *ev = netan_pw_evidence(w, e);
      netan_table_i_set_string(t, r, PT_EVIDENCE, ev);
      g_free(ev);
      netan_table_i_set_double(t, r, PT_PATH_LENGTH, paths[i].length);
      at = next;
    }
  }
  netan_pw_set_meta(w, t, analysis);
  netan_table_i_set_meta(t, "reachable", "%s", reachable ? "true" : "false");
  netan_table_i_set_meta(t, "n_paths", "%zu", n);
  return t;
}
