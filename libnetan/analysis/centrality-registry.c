/* netan_centrality(): measures by name.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "analysis/centrality-registry.h"
#include "analysis/brandes.h"
#include "analysis/measures.h"

#include <string.h>

void
netan_centrality_options_init(netan_centrality_options_t *opts)
{
  static const netan_centrality_options_t defaults = NETAN_CENTRALITY_OPTIONS_INIT;
  g_return_if_fail(opts != NULL);
  *opts = defaults;
}

static netan_table_t *
m_degree(const netan_view_t *v, const netan_centrality_options_t *o, GError **error)
{
  netan_degree_options_t d = NETAN_DEGREE_OPTIONS_INIT;
  d.mode = o->mode;
  return netan_centrality_degree(v, &d, error);
}

static netan_table_t *
m_strength(const netan_view_t *v, const netan_centrality_options_t *o, GError **error)
{
  netan_degree_options_t d = NETAN_DEGREE_OPTIONS_INIT;
  d.mode = o->mode;
  d.strength = TRUE;
  return netan_centrality_degree(v, &d, error);
}

static netan_table_t *
m_betweenness(const netan_view_t *v, const netan_centrality_options_t *o, GError **error)
{
  netan_betweenness_params_t p = NETAN_BETWEENNESS_PARAMS_INIT;
  p.normalized = o->normalized;
  p.weighted = o->weighted;
  p.cutoff = o->cutoff;
  p.samples = o->samples;
  p.seed = o->seed;
  p.threads = o->threads;
  p.progress = o->progress;
  p.payload = o->payload;
  return netan_betweenness_i_table(v, &p, error);
}

static netan_table_t *
m_pagerank(const netan_view_t *v, const netan_centrality_options_t *o, GError **error)
{
  netan_pagerank_options_t p = NETAN_PAGERANK_OPTIONS_INIT;
  p.damping = o->damping;
  p.weighted = o->weighted;
  return netan_centrality_pagerank(v, &p, error);
}

const netan_measure_t netan_measures[] = {
  { "degree", m_degree, "number of distinct neighbours (in + out arcs on directed views)" },
  { "strength", m_strength, "sum of edge strengths (contacts, amounts)" },
  { "betweenness", m_betweenness, "shortest paths through the vertex; reads lengths (1/strength)" },
  { "pagerank", m_pagerank, "random-walk share of time; reads strengths" },
  { "closeness", netan_m_closeness,
    "1/sum of distances to the vertices reached (igraph's reachable-only closeness); reads lengths" },
  { "harmonic", netan_m_harmonic, "sum of 1/distance to every other vertex; reads lengths" },
  { "eigenvector", netan_m_eigenvector,
    "central when tied to central vertices (max=1); reads strengths; direction ignored unless mode=in" },
  { "hubs", netan_m_hubs, "HITS hub score: points to good authorities (max=1); reads strengths" },
  { "authorities", netan_m_authorities, "HITS authority score: pointed to by good hubs (max=1); reads strengths" },
  { "coreness", netan_m_coreness, "largest k of a k-core holding the vertex; counts edges" },
  { "constraint", netan_m_constraint,
    "Burt's constraint: how much the contacts are tied to each other (low = broker); reads strengths" },
  { "effective_size", netan_m_effective_size,
    "Burt's effective size: contacts less their redundancy (high = broker); reads strengths" },
  { NULL, NULL, NULL }
};

const char *const *
netan_centrality_measures(void)
{
  static const char *names[G_N_ELEMENTS(netan_measures)];
  for (gsize i = 0; netan_measures[i].name; i++)
    names[i] = netan_measures[i].name;
  return names;
}

netan_table_t *
netan_centrality(const netan_view_t *v, const char *measure, const netan_centrality_options_t *opts,
                 GError **error)
{
  g_return_val_if_fail(v != NULL, NULL);
  netan_centrality_options_t o;
  netan_centrality_options_init(&o);
  if (opts) {
    if (opts->version != NETAN_CENTRALITY_OPTIONS_VERSION) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "centrality options: unknown version %u",
                  opts->version);
      return NULL;
    }
    o = *opts;
  }
  for (gsize i = 0; measure && netan_measures[i].name; i++)
    if (strcmp(netan_measures[i].name, measure) == 0)
      return netan_measures[i].fn(v, &o, error);
  g_autofree char *names = g_strjoinv(", ", (char **)netan_centrality_measures());
  g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND, "no centrality measure \"%s\" (there are: %s)",
              measure ? measure : "", names);
  return NULL;
}
