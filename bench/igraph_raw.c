/* bench/igraph_raw.c — the same work as netan, in raw igraph C: the
 * baseline that netan's overhead is measured against.
 *
 * load         read the CSV edge list `source,target[,weight]` (header row;
 *              a missing weight is 1) with getline, map names to vertex ids
 *              with a hash table, sum the weights of each unordered pair
 *              (as a netan view does), igraph_create(); strength = sum,
 *              length = 1/strength
 * degree       igraph_degree
 * betweenness  igraph_betweenness, weights = lengths (exact), or
 *              igraph_betweenness_subset from K random sources to all
 *              targets (--btw-sources K), scaled up in "estimate_full_s"
 * pagerank     igraph_pagerank (PRPACK), damping 0.85, weights = strengths
 * closeness    igraph_closeness, weights = lengths, of all vertices or of K
 *              random ones (--closeness-sources K)
 * louvain      igraph_community_multilevel, weights = strengths, resolution
 *              1, igraph's RNG seeded with --seed
 *
 * Usage: igraph_raw [--steps a,b,..|all] [--seed S] [--btw-sources K]
 *                   [--closeness-sources K] EDGES.csv
 * Prints JSON lines (bench_util.h). Exits non-zero on any failure.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include <igraph.h>
#include <inttypes.h>
#include <stdint.h>

#include "bench_util.h"

#define CHECK(expr)                                                          \
  do {                                                                       \
    igraph_error_t rc_ = (expr);                                             \
    if (rc_ != IGRAPH_SUCCESS) {                                             \
      fprintf(stderr, "igraph_raw: %s failed: %s\n", #expr,                  \
              igraph_strerror(rc_));                                         \
      exit(1);                                                               \
    }                                                                        \
  } while (0)

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) {
    fprintf(stderr, "igraph_raw: out of memory\n");
    exit(1);
  }
  return p;
}
static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) {
    fprintf(stderr, "igraph_raw: out of memory\n");
    exit(1);
  }
  return p;
}

/* ---- names -> ids: open addressing over an arena of NUL-terminated names */
typedef struct {
  char *arena;
  size_t arena_len, arena_cap;
  size_t *off;       /* id -> offset in arena */
  int64_t n, cap_ids;
  int64_t *slots;    /* -1 = empty, else id */
  size_t nslots;     /* power of two */
} names_t;

static uint64_t hash_str(const char *s, size_t len) {
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
  return h ^ (h >> 29);
}

static void names_init(names_t *t) {
  memset(t, 0, sizeof *t);
  t->nslots = 1 << 16;
  t->slots = xmalloc(t->nslots * sizeof *t->slots);
  memset(t->slots, 0xff, t->nslots * sizeof *t->slots);
}

static void names_grow(names_t *t) {
  size_t ns = t->nslots * 2;
  int64_t *slots = xmalloc(ns * sizeof *slots);
  memset(slots, 0xff, ns * sizeof *slots);
  for (int64_t id = 0; id < t->n; id++) {
    const char *s = t->arena + t->off[id];
    size_t i = hash_str(s, strlen(s)) & (ns - 1);
    while (slots[i] >= 0)
      i = (i + 1) & (ns - 1);
    slots[i] = id;
  }
  free(t->slots);
  t->slots = slots;
  t->nslots = ns;
}

static int64_t names_id(names_t *t, const char *s, size_t len) {
  size_t i = hash_str(s, len) & (t->nslots - 1);
  while (t->slots[i] >= 0) {
    const char *o = t->arena + t->off[t->slots[i]];
    if (strncmp(o, s, len) == 0 && o[len] == '\0')
      return t->slots[i];
    i = (i + 1) & (t->nslots - 1);
  }
  if (t->n == t->cap_ids) {
    t->cap_ids = t->cap_ids ? t->cap_ids * 2 : 1024;
    t->off = xrealloc(t->off, (size_t)t->cap_ids * sizeof *t->off);
  }
  if (t->arena_len + len + 1 > t->arena_cap) {
    t->arena_cap = (t->arena_cap + len + 1) * 2;
    t->arena = xrealloc(t->arena, t->arena_cap);
  }
  memcpy(t->arena + t->arena_len, s, len);
  t->arena[t->arena_len + len] = '\0';
  t->off[t->n] = t->arena_len;
  t->arena_len += len + 1;
  t->slots[i] = t->n;
  t->n++;
  if ((size_t)t->n * 2 > t->nslots)
    names_grow(t);
  return t->n - 1;
}

static const char *names_get(const names_t *t, int64_t id) { return t->arena + t->off[id]; }

/* ---- unordered pair -> edge index */
typedef struct {
  uint64_t *keys; /* (min << 32 | max) + 1; 0 = empty */
  int64_t *edge;
  size_t nslots;
  int64_t n;
} pairs_t;

static uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

static void pairs_init(pairs_t *p) {
  p->nslots = 1 << 16;
  p->keys = calloc(p->nslots, sizeof *p->keys);
  p->edge = xmalloc(p->nslots * sizeof *p->edge);
  p->n = 0;
  if (!p->keys) {
    fprintf(stderr, "igraph_raw: out of memory\n");
    exit(1);
  }
}

static void pairs_grow(pairs_t *p) {
  size_t ns = p->nslots * 2;
  uint64_t *keys = calloc(ns, sizeof *keys);
  int64_t *edge = xmalloc(ns * sizeof *edge);
  if (!keys) {
    fprintf(stderr, "igraph_raw: out of memory\n");
    exit(1);
  }
  for (size_t i = 0; i < p->nslots; i++) {
    if (!p->keys[i])
      continue;
    size_t j = mix64(p->keys[i]) & (ns - 1);
    while (keys[j])
      j = (j + 1) & (ns - 1);
    keys[j] = p->keys[i];
    edge[j] = p->edge[i];
  }
  free(p->keys);
  free(p->edge);
  p->keys = keys;
  p->edge = edge;
  p->nslots = ns;
}

/* Returns the edge index of the pair, creating it as @next if new (*created = 1). */
static int64_t pairs_get(pairs_t *p, int64_t a, int64_t b, int64_t next, int *created) {
  if (a > b) {
    int64_t t = a;
    a = b;
    b = t;
  }
  uint64_t key = (((uint64_t)a << 32) | (uint64_t)b) + 1;
  size_t i = mix64(key) & (p->nslots - 1);
  while (p->keys[i]) {
    if (p->keys[i] == key) {
      *created = 0;
      return p->edge[i];
    }
    i = (i + 1) & (p->nslots - 1);
  }
  p->keys[i] = key;
  p->edge[i] = next;
  p->n++;
  *created = 1;
  if ((size_t)p->n * 2 > p->nslots)
    pairs_grow(p);
  return next;
}

typedef struct {
  names_t names;
  igraph_t g;
  igraph_vector_t strength, length;
  int64_t rows, self_loops;
} loaded_t;

static void load(const char *path, loaded_t *L) {
  FILE *f = fopen(path, "r");
  if (!f) {
    perror(path);
    exit(1);
  }
  names_init(&L->names);
  pairs_t pairs;
  pairs_init(&pairs);
  int64_t cap = 1 << 16, m = 0;
  int64_t *ends = xmalloc((size_t)cap * 2 * sizeof *ends);
  double *w = xmalloc((size_t)cap * sizeof *w);
  char *line = NULL;
  size_t lcap = 0;
  ssize_t len;
  int header = 1;
  L->rows = L->self_loops = 0;
  while ((len = getline(&line, &lcap, f)) != -1) {
    if (header) {
      header = 0;
      continue;
    }
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      line[--len] = '\0';
    if (len == 0)
      continue;
    char *c1 = strchr(line, ',');
    if (!c1) {
      fprintf(stderr, "igraph_raw: %s: bad row %" PRId64 "\n", path, L->rows + 2);
      exit(1);
    }
    char *c2 = strchr(c1 + 1, ',');
    double weight = 1.0;
    size_t l2 = c2 ? (size_t)(c2 - c1 - 1) : strlen(c1 + 1);
    if (c2 && c2[1])
      weight = strtod(c2 + 1, NULL);
    L->rows++;
    int64_t a = names_id(&L->names, line, (size_t)(c1 - line));
    int64_t b = names_id(&L->names, c1 + 1, l2);
    if (a == b) { /* netan rejects self-loops by default */
      L->self_loops++;
      continue;
    }
    int created;
    int64_t e = pairs_get(&pairs, a, b, m, &created);
    if (created) {
      if (m == cap) {
        cap *= 2;
        ends = xrealloc(ends, (size_t)cap * 2 * sizeof *ends);
        w = xrealloc(w, (size_t)cap * sizeof *w);
      }
      ends[2 * m] = a;
      ends[2 * m + 1] = b;
      w[m] = weight;
      m++;
    } else {
      w[e] += weight;
    }
  }
  free(line);
  fclose(f);
  free(pairs.keys);
  free(pairs.edge);

  igraph_vector_int_t ev;
  igraph_vector_int_view(&ev, (const igraph_integer_t *)ends, 2 * m);
  CHECK(igraph_create(&L->g, &ev, L->names.n, IGRAPH_UNDIRECTED));
  CHECK(igraph_vector_init(&L->strength, m));
  CHECK(igraph_vector_init(&L->length, m));
  for (int64_t i = 0; i < m; i++) {
    VECTOR(L->strength)[i] = w[i];
    VECTOR(L->length)[i] = 1.0 / w[i];
  }
  free(ends);
  free(w);
}

/* K distinct random vertices (igraph's RNG), sorted. */
static void sample_vertices(const igraph_t *g, igraph_integer_t k, igraph_vector_int_t *out) {
  igraph_integer_t n = igraph_vcount(g);
  CHECK(igraph_random_sample(out, 0, n - 1, k));
}

/* "top": [[key, value], ...] of the 5 highest values */
static void top5(const loaded_t *L, const igraph_vector_t *v, const igraph_vector_int_t *ids,
                 char *buf, size_t cap) {
  igraph_integer_t n = igraph_vector_size(v);
  int64_t best[5];
  int nb = 0;
  for (int k = 0; k < 5 && k < n; k++) {
    int64_t bi = -1;
    for (igraph_integer_t i = 0; i < n; i++) {
      int used = 0;
      for (int j = 0; j < nb; j++)
        used |= best[j] == i;
      if (used)
        continue;
      if (bi < 0 || VECTOR(*v)[i] > VECTOR(*v)[bi])
        bi = i;
    }
    best[nb++] = bi;
  }
  size_t off = (size_t)snprintf(buf, cap, "\"top\": [");
  for (int j = 0; j < nb && off < cap; j++) {
    int64_t vid = ids ? VECTOR(*ids)[best[j]] : best[j];
    off += (size_t)snprintf(buf + off, cap - off, "%s[\"%s\", %.17g]", j ? ", " : "",
                            names_get(&L->names, vid), VECTOR(*v)[best[j]]);
  }
  if (off < cap)
    snprintf(buf + off, cap - off, "]");
}

int main(int argc, char **argv) {
  const char *steps = "all", *path = NULL;
  unsigned long seed = 42;
  long btw_sources = 0, clo_sources = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--steps") && i + 1 < argc)
      steps = argv[++i];
    else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
      seed = strtoul(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--btw-sources") && i + 1 < argc)
      btw_sources = strtol(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--closeness-sources") && i + 1 < argc)
      clo_sources = strtol(argv[++i], NULL, 10);
    else if (argv[i][0] != '-' && !path)
      path = argv[i];
    else {
      fprintf(stderr,
              "usage: %s [--steps a,b|all] [--seed S] [--btw-sources K] [--closeness-sources K] EDGES.csv\n",
              argv[0]);
      return 2;
    }
  }
  if (!path) {
    fprintf(stderr, "igraph_raw: no input file\n");
    return 2;
  }
  igraph_set_error_handler(igraph_error_handler_printignore);
  igraph_rng_seed(igraph_rng_default(), seed);
  bench_json_begin("igraph_c");
  {
    char info[256];
    snprintf(info, sizeof info, "\"igraph_version\": \"%s\"", IGRAPH_VERSION);
    bench_info_print(info);
  }

  char extra[4096], top[2048];
  bench_step_t st;
  loaded_t L;
  bench_step_start(&st);
  load(path, &L);
  bench_step_end(&st);
  igraph_integer_t n = igraph_vcount(&L.g), m = igraph_ecount(&L.g);
  snprintf(extra, sizeof extra,
           "\"rows\": %" PRId64 ", \"vertices\": %" IGRAPH_PRId ", \"edges\": %" IGRAPH_PRId
           ", \"self_loops_skipped\": %" PRId64,
           L.rows, n, m, L.self_loops);
  bench_step_print("load", &st, extra);

  if (bench_want(steps, "degree")) {
    igraph_vector_int_t deg;
    CHECK(igraph_vector_int_init(&deg, 0));
    bench_step_start(&st);
    CHECK(igraph_degree(&L.g, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS));
    bench_step_end(&st);
    snprintf(extra, sizeof extra, "\"max\": %" IGRAPH_PRId, igraph_vector_int_max(&deg));
    bench_step_print("degree", &st, extra);
    igraph_vector_int_destroy(&deg);
  }

  if (bench_want(steps, "betweenness")) {
    igraph_vector_t res;
    CHECK(igraph_vector_init(&res, 0));
    if (btw_sources > 0 && btw_sources < n) {
      igraph_vector_int_t src;
      CHECK(igraph_vector_int_init(&src, 0));
      sample_vertices(&L.g, btw_sources, &src);
      bench_step_start(&st);
      CHECK(igraph_betweenness_subset(&L.g, &res, igraph_vss_all(), IGRAPH_UNDIRECTED,
                                      igraph_vss_vector(&src), igraph_vss_all(), &L.length));
      bench_step_end(&st);
      top5(&L, &res, NULL, top, sizeof top);
      snprintf(extra, sizeof extra,
               "\"mode\": \"sampled\", \"sources\": %ld, \"vertices\": %" IGRAPH_PRId
               ", \"estimate_full_s\": %.6f, \"weights\": \"length=1/strength\", \"sum\": %.17g, %s",
               btw_sources, n, st.wall * (double)n / (double)btw_sources, igraph_vector_sum(&res), top);
      igraph_vector_int_destroy(&src);
    } else {
      bench_step_start(&st);
      CHECK(igraph_betweenness(&L.g, &res, igraph_vss_all(), IGRAPH_UNDIRECTED, &L.length));
      bench_step_end(&st);
      top5(&L, &res, NULL, top, sizeof top);
      snprintf(extra, sizeof extra,
               "\"mode\": \"exact\", \"sources\": %" IGRAPH_PRId ", \"vertices\": %" IGRAPH_PRId
               ", \"weights\": \"length=1/strength\", \"sum\": %.17g, %s",
               n, n, igraph_vector_sum(&res), top);
    }
    bench_step_print("betweenness", &st, extra);
    igraph_vector_destroy(&res);
  }

  if (bench_want(steps, "pagerank")) {
    igraph_vector_t res;
    igraph_real_t value;
    CHECK(igraph_vector_init(&res, 0));
    bench_step_start(&st);
    CHECK(igraph_pagerank(&L.g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(),
                          IGRAPH_UNDIRECTED, 0.85, &L.strength, NULL));
    bench_step_end(&st);
    top5(&L, &res, NULL, top, sizeof top);
    snprintf(extra, sizeof extra, "\"weights\": \"strength\", \"damping\": 0.85, %s", top);
    bench_step_print("pagerank", &st, extra);
    igraph_vector_destroy(&res);
  }

  if (bench_want(steps, "closeness")) {
    igraph_vector_t res;
    CHECK(igraph_vector_init(&res, 0));
    if (clo_sources > 0 && clo_sources < n) {
      igraph_vector_int_t vids;
      CHECK(igraph_vector_int_init(&vids, 0));
      sample_vertices(&L.g, clo_sources, &vids);
      bench_step_start(&st);
      CHECK(igraph_closeness(&L.g, &res, NULL, NULL, igraph_vss_vector(&vids), IGRAPH_ALL,
                             &L.length, 1));
      bench_step_end(&st);
      top5(&L, &res, &vids, top, sizeof top);
      snprintf(extra, sizeof extra,
               "\"mode\": \"sampled\", \"sources\": %ld, \"vertices\": %" IGRAPH_PRId
               ", \"estimate_full_s\": %.6f, \"weights\": \"length=1/strength\", %s",
               clo_sources, n, st.wall * (double)n / (double)clo_sources, top);
      igraph_vector_int_destroy(&vids);
    } else {
      bench_step_start(&st);
      CHECK(igraph_closeness(&L.g, &res, NULL, NULL, igraph_vss_all(), IGRAPH_ALL, &L.length, 1));
      bench_step_end(&st);
      top5(&L, &res, NULL, top, sizeof top);
      snprintf(extra, sizeof extra,
               "\"mode\": \"exact\", \"sources\": %" IGRAPH_PRId ", \"vertices\": %" IGRAPH_PRId
               ", \"weights\": \"length=1/strength\", %s",
               n, n, top);
    }
    bench_step_print("closeness", &st, extra);
    igraph_vector_destroy(&res);
  }

  if (bench_want(steps, "louvain")) {
    igraph_vector_int_t memb;
    igraph_vector_t mod;
    CHECK(igraph_vector_int_init(&memb, 0));
    CHECK(igraph_vector_init(&mod, 0));
    bench_step_start(&st);
    igraph_rng_seed(igraph_rng_default(), seed);
    CHECK(igraph_community_multilevel(&L.g, &L.strength, 1.0, &memb, NULL, &mod));
    bench_step_end(&st);
    snprintf(extra, sizeof extra,
             "\"weights\": \"strength\", \"seed\": %lu, \"communities\": %" IGRAPH_PRId
             ", \"modularity\": %.17g",
             seed, igraph_vector_int_size(&memb) ? igraph_vector_int_max(&memb) + 1 : 0,
             igraph_vector_size(&mod) ? igraph_vector_tail(&mod) : 0.0);
    bench_step_print("louvain", &st, extra);
    igraph_vector_int_destroy(&memb);
    igraph_vector_destroy(&mod);
  }

  igraph_vector_destroy(&L.strength);
  igraph_vector_destroy(&L.length);
  igraph_destroy(&L.g);
  free(L.names.arena);
  free(L.names.off);
  free(L.names.slots);
  bench_json_end();
  return 0;
}
