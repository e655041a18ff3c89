/* bench/netan_c.c — the benchmark steps through netan's public C API.
 *
 * ingest       netan_ingest_edgelist (entity type "phone", link type "call")
 * view         netan_view_build (undirected, length = 1/strength)
 * load         ingest + view (the step the peers' "load" compares with)
 * degree       netan_centrality_degree
 * betweenness  netan_centrality(v, "betweenness") with --threads N workers
 *              (0 = one per core), exact ("mode": "exact"). With
 *              --btw-budget F the run is cancelled through the progress
 *              callback once F of the work is reported done, and the time
 *              of the exact computation is estimated as time / fraction
 *              ("mode": "partial"). Headers without netan_centrality(): the
 *              older netan_centrality_betweenness.
 * betweenness_sampled
 *              netan_centrality(v, "betweenness") with samples = K
 *              (--btw-samples K): netan's own estimate from K random
 *              sources, timed as it runs (the time is NOT scaled: it is
 *              what an analyst waits for the estimate). Reports netan's
 *              error metadata (stderr_max, relative_stderr_top100), and
 *              when the exact step ran in the same process: the time as a
 *              fraction of the exact time, Spearman's rank correlation with
 *              the exact values on the exact top 1,000, and the actual rms
 *              relative error of the exact top 100. Skipped without
 *              --btw-samples or without netan_centrality().
 * pagerank     netan_centrality_pagerank (damping 0.85, strengths), when the
 *              headers have it; otherwise reported as skipped
 * closeness    netan_centrality(v, "closeness"), normalized, all vertices;
 *              --closeness-budget F cancels it as above. Skipped when the
 *              headers have no netan_centrality()
 * --guard-seconds S: a safety net for betweenness and closeness: cancel
 *              through the progress callback after S seconds and fail with
 *              a message saying so (a sampled run that does far more work
 *              than asked would otherwise run for hours)
 * louvain      netan_communities_louvain (seeded, strengths)
 * chart_dot    netan_chart_dot, sized by betweenness and coloured by
 *              community when those ran (--dot-out FILE keeps the DOT for
 *              the layout floor)
 * chart_render netan_chart_render_dot(dot, NULL, "svg") through netan-render
 *              ($NETAN_RENDER); --svg-out FILE keeps the SVG
 *
 * Usage: netan_c [--steps a,b|all] [--seed S] [--btw-samples K] [--btw-budget F]
 *                [--closeness-budget F] [--threads N] [--guard-seconds S]
 *                [--dot-out FILE] [--svg-out FILE] EDGES.csv
 * Prints JSON lines (bench_util.h). Exits non-zero when a step fails.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include <inttypes.h>
#include <math.h>
#include <netan/netan.h>

#include "bench_util.h"

static int fail(const char *what, GError *error) {
  fprintf(stderr, "netan_c: %s failed: %s\n", what, error ? error->message : "(no GError set)");
  /* also on stdout, so that bench/run can show it next to the steps */
  printf("{\"type\": \"error\", \"tool\": \"netan_c\", \"error_in\": ");
  bench_json_str(stdout, what);
  printf(", \"domain\": ");
  bench_json_str(stdout, error ? g_quark_to_string(error->domain) : "");
  printf(", \"code\": %d, \"message\": ", error ? error->code : -1);
  bench_json_str(stdout, error ? error->message : "(no GError set)");
  printf("}\n");
  fflush(stdout);
  if (error)
    g_error_free(error);
  return 1;
}

typedef struct {
  double budget;     /* cancel once fraction >= budget; <= 0: never */
  double last;
  long calls;
  int cancelled;
  double guard_s;    /* cancel after this many seconds (a safety net); <= 0: never */
  double t0;
  int guard_tripped;
} progress_t;

static double guard_seconds = 0;

static void progress_init(progress_t *p, double budget) {
  memset(p, 0, sizeof *p);
  p->budget = budget;
  p->guard_s = guard_seconds;
  p->t0 = bench_clock(CLOCK_MONOTONIC);
}

static int on_progress(double fraction, void *payload) {
  progress_t *p = payload;
  p->calls++;
  p->last = fraction;
  if (p->budget > 0 && fraction >= p->budget) {
    p->cancelled = 1;
    return 1;
  }
  if (p->guard_s > 0 && bench_clock(CLOCK_MONOTONIC) - p->t0 > p->guard_s) {
    p->guard_tripped = 1;
    return 1;
  }
  return 0;
}

/* The step ran past --guard-seconds: report it as a failure that says so. */
static int guard_fail(const char *what, const progress_t *p, GError *error) {
  char msg[512];
  snprintf(msg, sizeof msg,
           "still running after the %.0f s guard (progress reported %.4g%% done after %ld calls); "
           "for a sampled run this means far more work than the samples asked for",
           p->guard_s, 100 * p->last, p->calls);
  if (error)
    g_error_free(error);
  return fail(what, g_error_new_literal(NETAN_ERROR, NETAN_ERROR_CANCELLED, msg));
}

/* "sum": .., "top": [[key, value] x5] of a centrality table */
static void table_summary(const netan_table_t *t, char *buf, size_t cap) {
  int kcol = netan_table_column_index(t, "key"), vcol = netan_table_column_index(t, "value");
  int64_t rows = netan_table_n_rows(t);
  if (kcol < 0 || vcol < 0) {
    snprintf(buf, cap, "\"summary_error\": \"no key/value column\"");
    return;
  }
  double sum = 0;
  for (int64_t r = 0; r < rows; r++)
    sum += netan_table_get_double(t, r, vcol);
  size_t off = (size_t)snprintf(buf, cap, "\"rows\": %" PRId64 ", \"sum\": %.17g, \"top\": [", rows, sum);
  for (int64_t r = 0; r < 5 && r < rows && off < cap; r++) {
    off += (size_t)snprintf(buf + off, cap - off, "%s[", r ? ", " : "");
    if (off >= cap)
      break;
    /* keys are phone numbers here; escape anyway */
    FILE *mf = fmemopen(buf + off, cap - off, "w");
    if (mf) {
      bench_json_str(mf, netan_table_get_string(t, r, kcol));
      long w = ftell(mf);
      fclose(mf);
      off += (size_t)w;
    }
    if (off < cap)
      off += (size_t)snprintf(buf + off, cap - off, ", %.17g]", netan_table_get_double(t, r, vcol));
  }
  if (off < cap)
    snprintf(buf + off, cap - off, "]");
}

/* Table metadata @key, escaped for use inside a JSON string ("" if none).
 * The result lives in one of 4 rotating static buffers. */
static const char *meta_or(const netan_table_t *t, const char *key) {
  static char bufs[4][512];
  static int next = 0;
  const char *v = netan_table_get_meta(t, key);
  char *out = bufs[next++ % 4];
  size_t o = 0;
  for (const unsigned char *p = (const unsigned char *)(v ? v : ""); *p && o + 7 < sizeof bufs[0]; p++) {
    if (*p == '"' || *p == '\\') {
      out[o++] = '\\';
      out[o++] = (char)*p;
    } else if (*p < 0x20) {
      o += (size_t)snprintf(out + o, sizeof bufs[0] - o, "\\u%04x", *p);
    } else {
      out[o++] = (char)*p;
    }
  }
  out[o] = '\0';
  return out;
}

/* A metadata number as a JSON value: null when empty or not finite. */
static const char *json_num_str(const char *s) {
  if (!s || !*s)
    return "null";
  char *end = NULL;
  double d = strtod(s, &end);
  return (end && *end == '\0' && isfinite(d)) ? s : "null";
}

/* @x as a JSON number into @buf (null when not finite). */
static const char *json_num(double x, char *buf, size_t cap) {
  if (!isfinite(x))
    snprintf(buf, cap, "null");
  else
    snprintf(buf, cap, "%.6g", x);
  return buf;
}

/* Per-vertex values of a centrality table (rows are sorted by value). */
static double *vertex_values(const netan_view_t *v, const netan_table_t *t) {
  int64_t n = netan_view_n_vertices(v), rows = netan_table_n_rows(t);
  int ecol = netan_table_column_index(t, "entity"), vcol = netan_table_column_index(t, "value");
  double *x = calloc((size_t)(n > 0 ? n : 1), sizeof *x);
  for (int64_t r = 0; x && r < rows; r++) {
    int64_t vertex = netan_view_vertex(v, netan_table_get_int(t, r, ecol));
    if (vertex >= 0 && vertex < n)
      x[vertex] = netan_table_get_double(t, r, vcol);
  }
  return x;
}

typedef struct {
  double value;
  int64_t i;
} ranked_t;

static int ranked_cmp(const void *pa, const void *pb) {
  const ranked_t *a = pa, *b = pb;
  if (a->value != b->value)
    return a->value < b->value ? -1 : 1;
  return a->i < b->i ? -1 : (a->i > b->i);
}

/* Ranks (1 = smallest; ties share their mean rank) of x[0..m). */
static void mid_ranks(const double *x, int64_t m, double *rank) {
  ranked_t *r = malloc((size_t)m * sizeof *r);
  if (!r)
    return;
  for (int64_t i = 0; i < m; i++)
    r[i] = (ranked_t){ x[i], i };
  qsort(r, (size_t)m, sizeof *r, ranked_cmp);
  for (int64_t i = 0; i < m;) {
    int64_t j = i + 1;
    while (j < m && r[j].value == r[i].value)
      j++;
    for (int64_t k = i; k < j; k++)
      rank[r[k].i] = 0.5 * (double)(i + 1 + j);
    i = j;
  }
  free(r);
}

static double pearson(const double *a, const double *b, int64_t m) {
  double ma = 0, mb = 0, sab = 0, saa = 0, sbb = 0;
  for (int64_t i = 0; i < m; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= (double)m;
  mb /= (double)m;
  for (int64_t i = 0; i < m; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return saa > 0 && sbb > 0 ? sab / sqrt(saa * sbb) : NAN;
}

/* The exact top 1,000 (the exact table's first rows: vertex and value),
 * all that the comparison with the estimate needs: kept instead of the
 * table, so that this harness does not add a second result table to the
 * process's peak memory during the sampled step. */
#define EXACT_TOP 1000
typedef struct {
  int64_t m;
  int64_t vertex[EXACT_TOP];
  double value[EXACT_TOP];
} exact_top_t;

static void exact_top_of(const netan_view_t *v, const netan_table_t *exact, exact_top_t *top) {
  int64_t rows = netan_table_n_rows(exact);
  int ecol = netan_table_column_index(exact, "entity"), vcol = netan_table_column_index(exact, "value");
  top->m = rows < EXACT_TOP ? rows : EXACT_TOP;
  for (int64_t r = 0; r < top->m; r++) {
    top->vertex[r] = netan_view_vertex(v, netan_table_get_int(exact, r, ecol));
    top->value[r] = netan_table_get_double(exact, r, vcol);
  }
}

/* The sampled estimate @est against the exact top @exact, as JSON
 * fields (each with a leading ", "): its time as a fraction of the exact
 * time, Spearman's rho of the two on the exact top 1,000 vertices, and
 * the rms relative error on the exact top 100. */
static void compare_with_exact(const netan_view_t *v, const exact_top_t *exact, const netan_table_t *est,
                               double exact_wall, double est_wall, char *buf, size_t cap) {
  double *x = vertex_values(v, est);
  int64_t m = exact->m;
  double *a = malloc((size_t)(m > 0 ? m : 1) * sizeof *a), *b = malloc((size_t)(m > 0 ? m : 1) * sizeof *b);
  double *ra = malloc((size_t)(m > 0 ? m : 1) * sizeof *ra), *rb = malloc((size_t)(m > 0 ? m : 1) * sizeof *rb);
  double rho = NAN, sq = 0;
  int64_t k100 = 0;
  if (x && a && b && ra && rb && m > 1) {
    for (int64_t r = 0; r < m; r++) {
      a[r] = exact->value[r];
      b[r] = x[exact->vertex[r]];
      if (r < 100 && a[r] > 0) {
        sq += (b[r] - a[r]) * (b[r] - a[r]) / (a[r] * a[r]);
        k100++;
      }
    }
    mid_ranks(a, m, ra);
    mid_ranks(b, m, rb);
    rho = pearson(ra, rb, m);
  }
  char b1[32], b2[32];
  snprintf(buf, cap,
           ", \"exact_wall_s\": %.6f, \"time_fraction_of_exact\": %.6f, \"spearman_top1000\": %s"
           ", \"spearman_n\": %" PRId64 ", \"rel_rms_err_top100\": %s",
           exact_wall, est_wall / exact_wall, json_num(rho, b1, sizeof b1), m,
           json_num(k100 ? sqrt(sq / (double)k100) : NAN, b2, sizeof b2));
  free(x);
  free(a);
  free(b);
  free(ra);
  free(rb);
}

int main(int argc, char **argv) {
  const char *steps = "all", *path = NULL, *dot_out = NULL, *svg_out = NULL;
  unsigned long long seed = 42;
  double btw_budget = 0, clo_budget = 0;
  long btw_samples = 0;
  int threads = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--steps") && i + 1 < argc)
      steps = argv[++i];
    else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
      seed = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--btw-budget") && i + 1 < argc)
      btw_budget = strtod(argv[++i], NULL);
    else if (!strcmp(argv[i], "--btw-samples") && i + 1 < argc)
      btw_samples = strtol(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--closeness-budget") && i + 1 < argc)
      clo_budget = strtod(argv[++i], NULL);
    else if (!strcmp(argv[i], "--guard-seconds") && i + 1 < argc)
      guard_seconds = strtod(argv[++i], NULL);
    else if (!strcmp(argv[i], "--threads") && i + 1 < argc)
      threads = (int)strtol(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--dot-out") && i + 1 < argc)
      dot_out = argv[++i];
    else if (!strcmp(argv[i], "--svg-out") && i + 1 < argc)
      svg_out = argv[++i];
    else if (argv[i][0] != '-' && !path)
      path = argv[i];
    else {
      fprintf(stderr,
              "usage: %s [--steps a,b|all] [--seed S] [--btw-samples K] [--btw-budget F]\n"
              "          [--closeness-budget F] [--threads N] [--guard-seconds S] [--dot-out F]\n"
              "          [--svg-out F] EDGES.csv\n",
              argv[0]);
      return 2;
    }
  }
  if (!path) {
    fprintf(stderr, "netan_c: no input file\n");
    return 2;
  }
  bench_json_begin("netan_c");
  char extra[8192], summ[4096];
  {
    char info[256];
    snprintf(info, sizeof info, "\"netan_version\": \"%s\"", netan_version());
    bench_info_print(info);
  }

  GError *error = NULL;
  bench_step_t st, st_view;
  netan_case_t *c = netan_case_new();

  /* ingest */
  netan_edgelist_options_t eo = NETAN_EDGELIST_OPTIONS_INIT;
  eo.entity_type = "phone";
  eo.link_type = "call";
  bench_step_start(&st);
  netan_ingest_report_t *rep = netan_ingest_edgelist(c, path, &eo, &error);
  bench_step_end(&st);
  if (!rep)
    return fail("netan_ingest_edgelist", error);
  snprintf(extra, sizeof extra,
           "\"rows_read\": %" PRId64 ", \"rows_ingested\": %" PRId64 ", \"rows_rejected\": %" PRId64
           ", \"entities\": %" PRId64 ", \"links\": %" PRId64,
           netan_ingest_report_rows_read(rep), netan_ingest_report_rows_ingested(rep),
           netan_ingest_report_rows_rejected(rep), netan_case_n_entities(c), netan_case_n_links(c));
  bench_step_print("ingest", &st, extra);
  if (netan_ingest_report_rows_rejected(rep) > 0) {
    netan_reject_t rj;
    if (netan_ingest_report_get_reject(rep, 0, &rj)) {
      char msg[1024];
      snprintf(msg, sizeof msg, "%" PRId64 " rows rejected; the first: %s:%" PRId64 ":%" PRId64 ": %s",
               netan_ingest_report_rows_rejected(rep), rj.file ? rj.file : "?", rj.line, rj.column,
               rj.reason ? rj.reason : "?");
      printf("{\"type\": \"warning\", \"tool\": \"netan_c\", \"message\": ");
      bench_json_str(stdout, msg);
      printf("}\n");
      fflush(stdout);
    }
  }
  netan_ingest_report_free(rep);

  /* view */
  netan_view_options_t vo = NETAN_VIEW_OPTIONS_INIT;
  bench_step_start(&st_view);
  netan_view_t *v = netan_view_build(c, &vo, &error);
  bench_step_end(&st_view);
  if (!v)
    return fail("netan_view_build", error);
  int64_t n = netan_view_n_vertices(v);
  snprintf(extra, sizeof extra,
           "\"vertices\": %" PRId64 ", \"edges\": %" PRId64 ", \"length\": \"%s\"", n,
           netan_view_n_edges(v), netan_view_length_name(v) ? netan_view_length_name(v) : "");
  bench_step_print("view", &st_view, extra);
  {
    bench_step_t ld = st;
    ld.wall = st.wall + st_view.wall;
    ld.cpu = st.cpu + st_view.cpu;
    ld.peak_rss_kb = st.peak_rss_kb > st_view.peak_rss_kb ? st.peak_rss_kb : st_view.peak_rss_kb;
    ld.rss_kb = st_view.rss_kb;
    ld.rss_reset = st.rss_reset && st_view.rss_reset;
    snprintf(extra, sizeof extra, "\"vertices\": %" PRId64 ", \"edges\": %" PRId64 ", \"composite\": \"ingest+view\"",
             n, netan_view_n_edges(v));
    bench_step_print("load", &ld, extra);
  }

  if (bench_want(steps, "degree")) {
    bench_step_start(&st);
    netan_table_t *t = netan_centrality_degree(v, NULL, &error);
    bench_step_end(&st);
    if (!t)
      return fail("netan_centrality_degree", error);
    table_summary(t, summ, sizeof summ);
    snprintf(extra, sizeof extra, "%s", summ);
    bench_step_print("degree", &st, extra);
    netan_table_free(t);
  }

  netan_table_t *btw = NULL, *comm = NULL;
  double btw_exact_wall = -1;   /* wall time of the exact betweenness, if it ran */
  static exact_top_t btw_top;
  gboolean want_chart = bench_want(steps, "chart_dot") || bench_want(steps, "chart_render");
  if (bench_want(steps, "betweenness")) {
    progress_t pr;
    progress_init(&pr, btw_budget);
#ifdef NETAN_CENTRALITY_OPTIONS_VERSION
    /* netan_centrality() by name: exact, parallel Brandes over --threads workers */
    netan_centrality_options_t co = NETAN_CENTRALITY_OPTIONS_INIT;
    co.seed = seed;
    co.threads = threads;
    co.progress = on_progress;
    co.payload = &pr;
    const char *api = "netan_centrality(betweenness)";
    bench_step_start(&st);
    btw = netan_centrality(v, "betweenness", &co, &error);
    bench_step_end(&st);
#else
    netan_betweenness_options_t bo = NETAN_BETWEENNESS_OPTIONS_INIT;
    bo.progress = on_progress;
    bo.payload = &pr;
    const char *api = "netan_centrality_betweenness";
    bench_step_start(&st);
    btw = netan_centrality_betweenness(v, &bo, &error);
    bench_step_end(&st);
#endif
    if (!btw && pr.guard_tripped) {
      return guard_fail(api, &pr, error);
    } else if (!btw && pr.cancelled && error && g_error_matches(error, NETAN_ERROR, NETAN_ERROR_CANCELLED)) {
      g_clear_error(&error);
      snprintf(extra, sizeof extra,
               "\"mode\": \"partial\", \"fraction\": %.6f, \"vertices\": %" PRId64
               ", \"estimate_full_s\": %.6f, \"progress_calls\": %ld, \"threads\": %d, \"api\": \"%s\"",
               pr.last, n, pr.last > 0 ? st.wall / pr.last : -1.0, pr.calls, threads, api);
      bench_step_print("betweenness", &st, extra);
    } else if (!btw) {
      return fail(api, error);
    } else {
      btw_exact_wall = st.wall;
      table_summary(btw, summ, sizeof summ);
      snprintf(extra, sizeof extra,
               "\"mode\": \"exact\", \"sources\": %" PRId64 ", \"vertices\": %" PRId64
               ", \"weights\": \"%s\", \"threads\": %d, \"threads_used\": \"%s\", \"progress_calls\": %ld"
               ", \"api\": \"%s\", %s",
               n, n, meta_or(btw, "weights"), threads, meta_or(btw, "threads"), pr.calls, api, summ);
      bench_step_print("betweenness", &st, extra);
      exact_top_of(v, btw, &btw_top);
      if (!want_chart) {  /* only the chart reads the table again */
        netan_table_free(btw);
        btw = NULL;
      }
    }
  }

  if (bench_want(steps, "betweenness_sampled")) {
#ifdef NETAN_CENTRALITY_OPTIONS_VERSION
    if (btw_samples <= 0 || btw_samples >= n) {
      bench_skip_print("betweenness_sampled", "no --btw-samples K with 0 < K < n given");
    } else {
      progress_t pr;
      progress_init(&pr, 0);
      netan_centrality_options_t co = NETAN_CENTRALITY_OPTIONS_INIT;
      co.samples = btw_samples;
      co.seed = seed;
      co.threads = threads;
      co.progress = on_progress;
      co.payload = &pr;
      bench_step_start(&st);
      netan_table_t *est = netan_centrality(v, "betweenness", &co, &error);
      bench_step_end(&st);
      if (!est && pr.guard_tripped)
        return guard_fail("netan_centrality(betweenness, samples)", &pr, error);
      if (!est)
        return fail("netan_centrality(betweenness, samples)", error);
      char cmp[512] = "";
      if (btw_exact_wall > 0)
        compare_with_exact(v, &btw_top, est, btw_exact_wall, st.wall, cmp, sizeof cmp);
      table_summary(est, summ, sizeof summ);
      /* meta_or() rotates 4 buffers: copy what is printed together */
      char *m_threads = g_strdup(meta_or(est, "threads")), *m_method = g_strdup(meta_or(est, "method"));
      char *m_se = g_strdup(meta_or(est, "stderr_max")), *m_rse = g_strdup(meta_or(est, "relative_stderr_top100"));
      char *m_w = g_strdup(meta_or(est, "weights"));
      snprintf(extra, sizeof extra,
               "\"mode\": \"estimate\", \"samples\": %ld, \"vertices\": %" PRId64
               ", \"threads\": %d, \"threads_used\": \"%s\", \"seed\": %llu, \"method\": \"%s\""
               ", \"stderr_max\": %s, \"relative_stderr_top100\": %s, \"weights\": \"%s\"%s, %s",
               btw_samples, n, threads, m_threads, seed, m_method, json_num_str(m_se), json_num_str(m_rse),
               m_w, cmp, summ);
      g_free(m_threads);
      g_free(m_method);
      g_free(m_se);
      g_free(m_rse);
      g_free(m_w);
      bench_step_print("betweenness_sampled", &st, extra);
      netan_table_free(est);
    }
#else
    bench_skip_print("betweenness_sampled", "netan's C API has no sampled betweenness (no netan_centrality())");
#endif
  }

  if (bench_want(steps, "pagerank")) {
#ifdef NETAN_PAGERANK_OPTIONS_VERSION
    netan_pagerank_options_t po = NETAN_PAGERANK_OPTIONS_INIT;
    po.damping = 0.85;
    bench_step_start(&st);
    netan_table_t *t = netan_centrality_pagerank(v, &po, &error);
    bench_step_end(&st);
    if (!t)
      return fail("netan_centrality_pagerank", error);
    table_summary(t, summ, sizeof summ);
    snprintf(extra, sizeof extra, "\"weights\": \"%s\", \"damping\": 0.85, %s", meta_or(t, "weights"), summ);
    bench_step_print("pagerank", &st, extra);
    netan_table_free(t);
#else
    bench_skip_print("pagerank", "netan's C API has no PageRank yet (issue 4)");
#endif
  }
  if (bench_want(steps, "closeness")) {
#ifdef NETAN_CENTRALITY_OPTIONS_VERSION
    /* all vertices; with --closeness-budget F cancelled once F of the work
     * is reported done (netan reports closeness after each slice: 1% of
     * the vertices, at most 256) */
    progress_t pr;
    progress_init(&pr, clo_budget);
    netan_centrality_options_t co = NETAN_CENTRALITY_OPTIONS_INIT;
    co.normalized = TRUE;
    co.threads = threads;
    co.progress = on_progress;
    co.payload = &pr;
    bench_step_start(&st);
    netan_table_t *t = netan_centrality(v, "closeness", &co, &error);
    bench_step_end(&st);
    if (!t && pr.guard_tripped) {
      return guard_fail("netan_centrality(closeness)", &pr, error);
    } else if (!t && pr.cancelled && error && g_error_matches(error, NETAN_ERROR, NETAN_ERROR_CANCELLED)) {
      g_clear_error(&error);
      snprintf(extra, sizeof extra,
               "\"mode\": \"partial\", \"fraction\": %.6f, \"vertices\": %" PRId64
               ", \"estimate_full_s\": %.6f, \"progress_calls\": %ld",
               pr.last, n, pr.last > 0 ? st.wall / pr.last : -1.0, pr.calls);
      bench_step_print("closeness", &st, extra);
    } else if (!t) {
      return fail("netan_centrality(closeness)", error);
    } else {
      table_summary(t, summ, sizeof summ);
      snprintf(extra, sizeof extra,
               "\"mode\": \"exact\", \"sources\": %" PRId64 ", \"vertices\": %" PRId64
               ", \"weights\": \"%s\", %s", n, n, meta_or(t, "weights"), summ);
      bench_step_print("closeness", &st, extra);
      netan_table_free(t);
    }
#else
    bench_skip_print("closeness", "netan's C API has no closeness yet (issue 4)");
#endif
  }

  if (bench_want(steps, "louvain")) {
    netan_louvain_options_t lo = NETAN_LOUVAIN_OPTIONS_INIT;
    lo.seed = seed;
    bench_step_start(&st);
    comm = netan_communities_louvain(v, &lo, &error);
    bench_step_end(&st);
    if (!comm)
      return fail("netan_communities_louvain", error);
    snprintf(extra, sizeof extra,
             "\"weights\": \"%s\", \"seed\": %llu, \"communities\": %s, \"modularity\": %s, \"rows\": %" PRId64,
             meta_or(comm, "weights"), seed, *meta_or(comm, "communities") ? meta_or(comm, "communities") : "null",
             *meta_or(comm, "modularity") ? meta_or(comm, "modularity") : "null", netan_table_n_rows(comm));
    bench_step_print("louvain", &st, extra);
  }

  if (want_chart) {
    netan_chart_options_t co = NETAN_CHART_OPTIONS_INIT;
    co.title = "netan bench";
    co.size_by = btw;
    co.communities = comm;
    bench_step_start(&st);
    char *dot = netan_chart_dot(v, &co, &error);
    bench_step_end(&st);
    if (!dot)
      return fail("netan_chart_dot", error);
    snprintf(extra, sizeof extra, "\"bytes\": %zu", strlen(dot));
    bench_step_print("chart_dot", &st, extra);
    if (dot_out) {
      FILE *f = fopen(dot_out, "w");
      if (!f || fputs(dot, f) < 0 || fclose(f) != 0) {
        perror(dot_out);
        return 1;
      }
    }
    if (bench_want(steps, "chart_render")) {
      bench_step_start(&st);
      GBytes *svg = netan_chart_render_dot(dot, NULL, "svg", &error);
      bench_step_end(&st);
      if (!svg)
        return fail("netan_chart_render_dot", error);
      gsize len = 0;
      const void *data = g_bytes_get_data(svg, &len);
      snprintf(extra, sizeof extra, "\"bytes\": %zu, \"format\": \"svg\"", (size_t)len);
      bench_step_print("chart_render", &st, extra);
      if (svg_out) {
        FILE *f = fopen(svg_out, "wb");
        if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
          perror(svg_out);
          return 1;
        }
      }
      g_bytes_unref(svg);
    }
    g_free(dot);
  }

  if (btw)
    netan_table_free(btw);
  if (comm)
    netan_table_free(comm);
  netan_view_free(v);
  netan_case_free(c);
  bench_json_end();
  return 0;
}
