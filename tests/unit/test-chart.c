/* /chart: DOT escaping, the renderer, determinism, failures.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include "chart/dot-escape.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


static char *
escaped(const char *s)
{
  GString *out = g_string_new(NULL);
  netan_dot_append_string(out, s);
  return g_string_free(out, FALSE);
}

static void
test_escape(void)
{
  struct { const char *in, *out; } cases[] = {
    { "plain", "\"plain\"" },
    { "say \"hi\"", "\"say \\\"hi\\\"\"" },
    { "back\\slash \\N \\G", "\"back\\\\slash \\\\N \\\\G\"" },
    { "<script>alert(1)</script>", "\"<script>alert(1)</script>\"" },
    { "AT&T &lt;", "\"AT&amp;T &amp;lt;\"" },
    { "two\nlines\r\nthree", "\"two\\nlines\\nthree\"" },
    { "tab\there\x01", "\"tab here \"" },
    { "Дритан Хоџа, Đorđe Šćekić", "\"Дритан Хоџа, Đorđe Šćekić\"" },
    { "\"];evil [label=\"x", "\"\\\"];evil [label=\\\"x\"" },
    { "", "\"\"" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *got = escaped(cases[i].in);
    CU_ASSERT_STRING_EQUAL(got, cases[i].out);
    if (strcmp(got, cases[i].out) != 0)
      fprintf(stderr, "escape(%s) = %s, want %s\n", cases[i].in, got, cases[i].out);
  }
}

static const char *hostile[] = {
  "\"quoted\"", "back\\slash", "<script>alert(1)</script>", "A & B", "new\nline",
  "Дритан Хоџа", "<<b>html</b>>", "&lt;b&gt;", NULL,
};

static netan_case_t *
hostile_case(void)
{
  netan_case_t *c = netan_case_new();
  int64_t prev = -1;
  for (int i = 0; hostile[i]; i++) {
    char key[8];
    g_snprintf(key, sizeof key, "k%d", i);
    int64_t id = netan_case_add_entity(c, "person", key, hostile[i], NULL);
    if (prev >= 0)
      netan_case_add_link(c, prev, id, "contact", i, NULL, NULL);
    prev = id;
  }
  return c;
}

static void
test_dot_of_view(void)
{
  g_autoptr(netan_case_t) c = hostile_case();
  g_autoptr(netan_view_t) v = netan_view_build(c, NULL, NULL);
  g_autoptr(netan_table_t) b = netan_centrality_betweenness(v, NULL, NULL);
  g_autoptr(netan_table_t) com = netan_communities_louvain(v, NULL, NULL);
  netan_chart_options_t o = NETAN_CHART_OPTIONS_INIT;
  o.title = "Case \"X\" <2026>";
  o.wrap = 0;  /* whole labels, to find them */
  o.size_by = b;
  o.communities = com;
  GError *e = NULL;
  g_autofree char *dot = netan_chart_dot(v, &o, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(dot);
  CU_ASSERT(g_str_has_prefix(dot, "graph netan {"));
  CU_ASSERT_PTR_NOT_NULL(strstr(dot, "layout=neato"));
  /* the title is in the title block, escaped for an HTML-like label */
  CU_ASSERT_PTR_NOT_NULL(strstr(dot, "<B>Case &quot;X&quot; &lt;2026&gt;</B>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(dot, "&lt;script&gt;alert(1)&lt;/script&gt;</TD>"));
  CU_ASSERT_PTR_NULL(strstr(dot, "<script"));
  CU_ASSERT_PTR_NOT_NULL(strstr(dot, "n2 [id=\"entity2\", shape=ellipse"));
  CU_ASSERT_PTR_NOT_NULL(strstr(dot, "fillcolor=\"#F2CF80\""));  /* community 0 */
  CU_ASSERT_PTR_NOT_NULL(strstr(dot, "n0 -- n1 [penwidth="));
  /* same input, same text */
  g_autofree char *again = netan_chart_dot(v, &o, &e);
  CU_ASSERT_STRING_EQUAL(dot, again);
  o.layout = "bogus";
  CU_ASSERT_PTR_NULL(netan_chart_dot(v, &o, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
}

static GBytes *
render(const netan_view_t *v, const char *format, GError **e)
{
  netan_chart_options_t o = NETAN_CHART_OPTIONS_INIT;
  o.wrap = 0;
  g_autofree char *dot = netan_chart_dot(v, &o, e);
  return dot ? netan_chart_render_dot(dot, NULL, format, e) : NULL;
}

static void
test_render_formats(void)
{
  g_autoptr(netan_case_t) c = hostile_case();
  g_autoptr(netan_view_t) v = netan_view_build(c, NULL, NULL);
  GError *e = NULL;
  g_autoptr(GBytes) svg = render(v, "svg", &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
  g_autofree char *text = g_strndup(g_bytes_get_data(svg, NULL), g_bytes_get_size(svg));
  CU_ASSERT(g_str_has_prefix(text, "<?xml"));
  CU_ASSERT_PTR_NOT_NULL(strstr(text, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CU_ASSERT_PTR_NULL(strstr(text, "<script"));
  CU_ASSERT_PTR_NOT_NULL(strstr(text, "&amp;lt;b&amp;gt;"));  /* shown as typed */
  CU_ASSERT_PTR_NOT_NULL(strstr(text, "Дритан Хоџа"));
  /* byte-identical on a second run (a new renderer process) */
  g_autoptr(GBytes) svg2 = render(v, "svg", &e);
  CU_ASSERT_TRUE(svg2 && g_bytes_equal(svg, svg2));
  g_autoptr(GBytes) pdf = render(v, "pdf", &e);
  CU_ASSERT_TRUE_FATAL(pdf && memcmp(g_bytes_get_data(pdf, NULL), "%PDF", 4) == 0);
  /* PDFs too: cairo's run-to-run jitter in text positions and its time
   * stamp are taken out by netan-render; eight runs, one set of bytes */
  for (int i = 0; i < 8; i++) {
    g_autoptr(GBytes) again = render(v, "pdf", &e);
    CU_ASSERT_TRUE(again && g_bytes_equal(pdf, again));
  }
  /* and the rebuilt cross-reference table points at the objects */
  gsize pdf_len;
  const char *bytes = g_bytes_get_data(pdf, &pdf_len);
  const char *sx = NULL, *date = NULL;  /* binary data: search by hand */
  for (gsize i = 0; i + 10 < pdf_len; i++) {
    if (memcmp(bytes + i, "startxref\n", 10) == 0)
      sx = bytes + i;
    if (i + 33 < pdf_len && memcmp(bytes + i, "/CreationDate (D:19700101000000Z)", 33) == 0)
      date = bytes + i;
  }
  CU_ASSERT_PTR_NOT_NULL_FATAL(sx);
  long at = strtol(sx + 10, NULL, 10);
  CU_ASSERT_TRUE(at > 0 && (gsize)at < pdf_len && strncmp(bytes + at, "xref\n", 5) == 0);
  CU_ASSERT_PTR_NOT_NULL(date);
  g_autoptr(GBytes) png = render(v, "png", &e);
  CU_ASSERT_TRUE(png && memcmp(g_bytes_get_data(png, NULL), "\x89PNG", 4) == 0);
  g_clear_error(&e);
}

static void
test_render_failures(void)
{
  GError *e = NULL;
  CU_ASSERT_PTR_NULL(netan_chart_render_dot("graph { a -- b }", NULL, "gif", &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_PTR_NULL(netan_chart_render_dot("graph { a -- b }", "nosuchlayout", "svg", &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  /* a DOT syntax error comes back with Graphviz's own message */
  CU_ASSERT_PTR_NULL(netan_chart_render_dot("graph { a -- ; }}}", NULL, "svg", &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, "syntax error"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_BACKEND);

  g_autoptr(netan_case_t) c = hostile_case();
  g_autoptr(netan_view_t) v = netan_view_build(c, NULL, NULL);
  CU_ASSERT_FALSE(netan_chart_render(v, NULL, "/nonexistent/dir/chart.svg", NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_IO);
  g_autofree char *noext = g_build_filename(harness_tmpdir(), "chart", NULL);
  CU_ASSERT_FALSE(netan_chart_render(v, NULL, noext, NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  CU_ASSERT_FALSE(g_file_test(noext, G_FILE_TEST_EXISTS));

  /* no renderer: a clear error, not a crash or an empty file */
  g_autofree char *saved = g_strdup(g_getenv("NETAN_RENDER"));
  g_setenv("NETAN_RENDER", "/nonexistent/netan-render", TRUE);
  g_autofree char *out = g_build_filename(harness_tmpdir(), "x.svg", NULL);
  CU_ASSERT_FALSE(netan_chart_render(v, NULL, out, NULL, &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, "NETAN_RENDER"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  CU_ASSERT_FALSE(g_file_test(out, G_FILE_TEST_EXISTS));
  /* a renderer that quits without reading: an error, and the host lives on (no SIGPIPE) */
  g_setenv("NETAN_RENDER", "/bin/false", TRUE);
  g_autofree char *big = g_strnfill(4 * 1024 * 1024, 'x');  /* more than a pipe holds */
  g_autofree char *dot_big = g_strdup_printf("graph { a [label=\"%s\"] }", big);
  CU_ASSERT_PTR_NULL(netan_chart_render_dot(dot_big, NULL, "svg", &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_BACKEND);
  if (saved)
    g_setenv("NETAN_RENDER", saved, TRUE);
  else
    g_unsetenv("NETAN_RENDER");
  /* a DOT file needs no renderer at all, and is the DOT netan built */
  g_autofree char *dotfile = g_build_filename(harness_tmpdir(), "x.dot", NULL);
  CU_ASSERT_TRUE(netan_chart_render(v, NULL, dotfile, NULL, &e));
  g_autofree char *text = NULL;
  g_autofree char *direct = netan_chart_dot(v, NULL, NULL);
  CU_ASSERT_TRUE(g_file_get_contents(dotfile, &text, NULL, NULL));
  CU_ASSERT_STRING_EQUAL(text, direct);
}

/* ---- options and focus errors: domain and code ---- */

static void
test_option_errors(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b b-c c-a d-e");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autoptr(netan_table_t) com = netan_communities_louvain(v, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(com);
  int64_t a = netan_case_find_entity(c, "person", "a"), b = netan_case_find_entity(c, "person", "b");
  GError *e = NULL;
  struct {
    const char *what;
    netan_chart_options_t o;
    int code;
  } cases[8];
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
    netan_chart_options_init(&cases[i].o);
  int64_t one[] = { a }, two[] = { a, b }, missing[] = { 9999 };
  cases[0].what = "version";      cases[0].o.version = 99;                     cases[0].code = NETAN_ERROR_INVALID_ARGUMENT;
  cases[1].what = "page A5";      cases[1].o.page = "A5";                      cases[1].code = NETAN_ERROR_INVALID_ARGUMENT;
  cases[2].what = "colour key";   cases[2].o.color_by = (netan_chart_color_t)7; cases[2].code = NETAN_ERROR_INVALID_ARGUMENT;
  cases[3].what = "path of one";  cases[3].o.focus = NETAN_CHART_FOCUS_PATH;   cases[3].code = NETAN_ERROR_INVALID_ARGUMENT;
  cases[3].o.seeds = one, cases[3].o.n_seeds = 1;
  cases[4].what = "ego not in view"; cases[4].o.focus = NETAN_CHART_FOCUS_EGO; cases[4].code = NETAN_ERROR_NOT_FOUND;
  cases[4].o.seeds = missing, cases[4].o.n_seeds = 1;
  cases[5].what = "empty community"; cases[5].o.focus = NETAN_CHART_FOCUS_COMMUNITY; cases[5].code = NETAN_ERROR_NOT_FOUND;
  cases[5].o.communities = com, cases[5].o.community = 999;
  cases[6].what = "collapse without communities"; cases[6].o.focus = NETAN_CHART_FOCUS_COLLAPSE;
  cases[6].code = NETAN_ERROR_INVALID_ARGUMENT;
  cases[7].what = "title not UTF-8"; cases[7].o.title = "bad \xff"; cases[7].code = NETAN_ERROR_INVALID_ARGUMENT;
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    netan_chart_t *chart = netan_chart_new(v, &cases[i].o, &e);
    CU_ASSERT_PTR_NULL(chart);
    if (chart || !e || e->code != cases[i].code)
      fprintf(stderr, "%s: chart %p, error %s\n", cases[i].what, (void *)chart, e ? e->message : "none");
    netan_chart_free(chart);
    ASSERT_NETAN_ERROR(e, cases[i].code);
  }
  /* and the two-seed path is fine */
  netan_chart_options_t o = NETAN_CHART_OPTIONS_INIT;
  o.focus = NETAN_CHART_FOCUS_PATH, o.seeds = two, o.n_seeds = 2;
  g_autoptr(netan_chart_t) path = netan_chart_new(v, &o, &e);
  CU_ASSERT_PTR_NOT_NULL(path);
  CU_ASSERT_EQUAL(path ? netan_chart_n_nodes(path) : -1, 2);
  CU_ASSERT_EQUAL(path ? netan_chart_n_edges(path) : -1, 1);
}

/* ---- pages: ISO 216 ---- */

static void
test_page_sizes(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b b-c");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  static const struct { const char *page; gboolean landscape; double w, h; } pages[] = {
    { "A4", FALSE, 595.276, 841.890 }, { "A4", TRUE, 841.890, 595.276 },
    { "a3", FALSE, 841.890, 1190.551 }, { "A3", TRUE, 1190.551, 841.890 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(pages); i++) {
    netan_chart_options_t o = NETAN_CHART_OPTIONS_INIT;
    o.page = pages[i].page, o.landscape = pages[i].landscape, o.date = "2024-08-15";
    GError *e = NULL;
    g_autoptr(netan_chart_t) chart = netan_chart_new(v, &o, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(chart);
    g_autoptr(GBytes) svg = netan_chart_render_bytes(chart, "svg", &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
    g_autofree char *text = g_strndup(g_bytes_get_data(svg, NULL), g_bytes_get_size(svg));
    const char *at = strstr(text, "<svg width=\"");
    double w = -1, h = -1;
    CU_ASSERT_PTR_NOT_NULL_FATAL(at);
    CU_ASSERT_EQUAL(sscanf(at, "<svg width=\"%lfpt\" height=\"%lfpt\"", &w, &h), 2);
    CU_ASSERT_DOUBLE_EQUAL(w, pages[i].w, 1.0);
    CU_ASSERT_DOUBLE_EQUAL(h, pages[i].h, 1.0);
    if (fabs(w - pages[i].w) > 1 || fabs(h - pages[i].h) > 1)
      fprintf(stderr, "%s%s: %gx%g pt, want %gx%g\n", pages[i].page, pages[i].landscape ? " landscape" : "", w, h,
              pages[i].w, pages[i].h);
  }
}

/* ---- edge labels from events: count, first-last date, amounts per currency ---- */

static void
add_transfer(netan_case_t *c, int64_t from, int64_t to, const char *when, double amount, const char *currency)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_iso8601(when, NULL);
  netan_event_t ev = { from, to, "transfer", g_date_time_to_unix(t), -1, amount, currency, { 0, 1 } };
  GError *e = NULL;
  CU_ASSERT_TRUE(netan_case_add_event(c, &ev, &e) >= 0);
  g_clear_error(&e);
}

static void
test_edge_labels(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  CU_ASSERT_EQUAL(netan_case_add_source(c, "bank.csv", NULL, NULL), 0);
  int64_t x = netan_case_add_entity(c, "account", "X", "Acct X", NULL);
  int64_t y = netan_case_add_entity(c, "account", "Y", "Acct Y", NULL);
  int64_t z = netan_case_add_entity(c, "account", "Z", "Acct Z", NULL);
  add_transfer(c, x, y, "2024-02-01T10:00:00Z", 100.0, "EUR");
  add_transfer(c, y, x, "2024-03-04T23:30:00Z", 40.0, "USD");
  add_transfer(c, x, y, "2024-02-15T10:00:00Z", 250.5, "EUR");
  add_transfer(c, z, x, "2024-05-09T08:00:00Z", 1000.0, "EUR");
  g_autoptr(netan_view_t) v = netan_view_build(c, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(v);
  netan_chart_options_t o = NETAN_CHART_OPTIONS_INIT;
  o.edge_labels = NETAN_CHART_EDGE_LABEL_COUNT | NETAN_CHART_EDGE_LABEL_DATES | NETAN_CHART_EDGE_LABEL_AMOUNT;
  o.date = "2024-08-15";
  GError *e = NULL;
  g_autoptr(netan_chart_t) chart = netan_chart_new(v, &o, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(chart);
  CU_ASSERT_EQUAL(netan_chart_n_nodes(chart), 3);
  CU_ASSERT_EQUAL(netan_chart_n_edges(chart), 2);
  const char *dot = netan_chart_get_dot(chart);
  CU_ASSERT_PTR_NOT_NULL(strstr(dot, "label=\"transfer 3\u00D7\\n2024-02-01 \u2013 2024-03-04\\nEUR 350.50\\nUSD 40.00\""));
  CU_ASSERT_PTR_NOT_NULL(strstr(dot, "label=\"transfer 1\u00D7\\n2024-05-09\\nEUR 1000.00\""));
  /* the footer names the source of the events */
  CU_ASSERT_PTR_NOT_NULL(strstr(dot, "bank.csv (no SHA-256)"));
  /* dates only */
  o.edge_labels = NETAN_CHART_EDGE_LABEL_DATES;
  g_autofree char *dates = netan_chart_dot(v, &o, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(dates);
  CU_ASSERT_PTR_NOT_NULL(strstr(dates, "label=\"2024-02-01 \u2013 2024-03-04\""));
  CU_ASSERT_PTR_NULL(strstr(dates, "label=\"transfer"));
  /* the rendered SVG shows them as text */
  o.edge_labels = NETAN_CHART_EDGE_LABEL_AMOUNT;
  g_autoptr(netan_chart_t) amounts = netan_chart_new(v, &o, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(amounts);
  g_autoptr(GBytes) svg = netan_chart_render_bytes(amounts, "svg", &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
  g_autofree char *text = g_strndup(g_bytes_get_data(svg, NULL), g_bytes_get_size(svg));
  CU_ASSERT_PTR_NOT_NULL(strstr(text, ">EUR 350.50</text>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(text, ">USD 40.00</text>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(text, ">EUR 1000.00</text>"));
}

/* ---- focus charts: the counts the analyses give ---- */

static void
test_focus_counts(void)
{
  g_autofree char *path = harness_data("siren.csv");
  g_autoptr(netan_case_t) c = netan_case_new();
  GError *e = NULL;
  g_autoptr(netan_ingest_report_t) r = netan_ingest_edgelist(c, path, NULL, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  int64_t hub = netan_case_find_entity(c, "person", "1");
  CU_ASSERT_TRUE_FATAL(hub >= 0);
  /* ego, 1 and 2 hops: the nodes netan_paths_ego returns, the edges among them */
  for (int64_t hops = 1; hops <= 2; hops++) {
    g_autoptr(netan_table_t) ego = netan_paths_ego(v, hub, hops, NULL, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ego);
    g_autoptr(GHashTable) in = g_hash_table_new(g_direct_hash, g_direct_equal);
    int col = netan_table_column_index(ego, "entity");
    for (int64_t i = 0; i < netan_table_n_rows(ego); i++)
      g_hash_table_add(in, GINT_TO_POINTER((int)netan_table_get_int(ego, i, col) + 1));
    int64_t inner = 0;
    for (int64_t ed = 0; ed < netan_view_n_edges(v); ed++) {
      int64_t a, b;
      CU_ASSERT_TRUE(netan_view_get_edge(v, ed, &a, &b, NULL, NULL, NULL));
      a = netan_view_entity(v, a), b = netan_view_entity(v, b);  /* vertices -> entity ids */
      inner += g_hash_table_contains(in, GINT_TO_POINTER((int)a + 1)) && g_hash_table_contains(in, GINT_TO_POINTER((int)b + 1));
    }
    int64_t seeds[] = { hub };
    netan_chart_options_t o = NETAN_CHART_OPTIONS_INIT;
    o.focus = NETAN_CHART_FOCUS_EGO, o.seeds = seeds, o.n_seeds = 1, o.hops = hops;
    g_autoptr(netan_chart_t) chart = netan_chart_new(v, &o, &e);
    CU_ASSERT_PTR_NOT_NULL_FATAL(chart);
    CU_ASSERT_EQUAL(netan_chart_n_nodes(chart), netan_table_n_rows(ego));
    CU_ASSERT_EQUAL(netan_chart_n_edges(chart), inner);
    /* every node drawn is one of them */
    const char *dot = netan_chart_get_dot(chart);
    int64_t drawn = 0;
    for (const char *p = strstr(dot, "[id=\"entity"); p; p = strstr(p + 1, "[id=\"entity")) {
      int64_t id = g_ascii_strtoll(p + 11, NULL, 10);
      CU_ASSERT_TRUE(g_hash_table_contains(in, GINT_TO_POINTER((int)id + 1)));
      drawn++;
    }
    CU_ASSERT_EQUAL(drawn, netan_table_n_rows(ego));
  }
  /* collapsed: one node per community, one line per pair of communities with an edge */
  g_autoptr(netan_table_t) com = netan_communities_louvain(v, NULL, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(com);
  int64_t n = netan_view_n_vertices(v);
  g_autofree int64_t *part = g_new0(int64_t, n);
  int ec = netan_table_column_index(com, "entity"), cc = netan_table_column_index(com, "community");
  int64_t k = 0;
  for (int64_t i = 0; i < netan_table_n_rows(com); i++) {
    int64_t vx = netan_view_vertex(v, netan_table_get_int(com, i, ec));
    part[vx] = netan_table_get_int(com, i, cc);
    k = MAX(k, part[vx] + 1);
  }
  g_autofree gboolean *pair = g_new0(gboolean, k * k);
  int64_t pairs = 0;
  for (int64_t ed = 0; ed < netan_view_n_edges(v); ed++) {
    int64_t a, b;
    netan_view_get_edge(v, ed, &a, &b, NULL, NULL, NULL);
    int64_t ca = part[a], cb = part[b];  /* a and b are vertices */
    if (ca == cb)
      continue;
    int64_t lo = MIN(ca, cb), hi = MAX(ca, cb);
    if (!pair[lo * k + hi])
      pair[lo * k + hi] = TRUE, pairs++;
  }
  netan_chart_options_t o = NETAN_CHART_OPTIONS_INIT;
  o.focus = NETAN_CHART_FOCUS_COLLAPSE, o.communities = com;
  g_autoptr(netan_chart_t) collapsed = netan_chart_new(v, &o, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(collapsed);
  CU_ASSERT_EQUAL(netan_chart_n_nodes(collapsed), k);
  CU_ASSERT_EQUAL(netan_chart_n_edges(collapsed), pairs);
  CU_ASSERT_PTR_NULL(strstr(netan_chart_get_dot(collapsed), "id=\"entity"));
}

/* ---- hostile text in the page items ---- */

static void
test_hostile_page_text(void)
{
  g_autoptr(netan_case_t) c = netan_case_new();
  int64_t s = netan_case_add_source(c, "<script>x</script> & \\N.csv", NULL, NULL);
  netan_provenance_t prov = { s, 2 };
  int64_t a = netan_case_add_entity(c, "<b>type</b>", "k\\G", "\\N", NULL);
  int64_t b = netan_case_add_entity(c, "person", "k2", "B", NULL);
  CU_ASSERT_TRUE(netan_case_add_link(c, a, b, "ev\"il&<>", 1, &prov, NULL) >= 0);
  g_autoptr(netan_view_t) v = netan_view_build(c, NULL, NULL);
  netan_chart_options_t o = NETAN_CHART_OPTIONS_INIT;
  o.title = "<script>alert(1)</script>";
  o.banner = "SECRET & <b>x</b>";
  o.author = "\\l\\N";
  o.date = "2024-08-15";
  o.wrap = 0;
  GError *e = NULL;
  g_autoptr(netan_chart_t) chart = netan_chart_new(v, &o, &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(chart);
  g_autoptr(GBytes) svg = netan_chart_render_bytes(chart, "svg", &e);
  CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
  g_autofree char *text = g_strndup(g_bytes_get_data(svg, NULL), g_bytes_get_size(svg));
  CU_ASSERT_PTR_NULL(strstr(text, "<script"));
  CU_ASSERT_PTR_NULL(strstr(text, "<b>"));
  static const char *const shown[] = {
    ">&lt;script&gt;alert(1)&lt;/script&gt;</text>",                  /* title */
    ">SECRET &amp; &lt;b&gt;x&lt;/b&gt;</text>",                      /* banner */
    ">\\l\\N</text>",                                                   /* author */
    ">\\N</text>",                                                      /* label */
    "&lt;b&gt;type&lt;/b&gt; \u2014 double octagon (1)</text>",       /* entity type, legend */
    ">ev&quot;il&amp;&lt;&gt; (1)</text>",                            /* link type, legend */
    "&lt;script&gt;x&lt;/script&gt; &amp; \\N.csv (no SHA&#45;256)",  /* source, footer */
    "xlink:title=\"&lt;b&gt;type&lt;/b&gt;: k\\G\"",                /* type: key, node tooltip */
  };
  for (gsize i = 0; i < G_N_ELEMENTS(shown); i++) {
    CU_ASSERT_PTR_NOT_NULL(strstr(text, shown[i]));
    if (!strstr(text, shown[i]))
      fprintf(stderr, "not in the SVG: %s\n", shown[i]);
  }
  /* the banner is printed twice: top and bottom */
  const char *first = strstr(text, ">SECRET &amp; &lt;b&gt;x&lt;/b&gt;</text>");
  CU_ASSERT_TRUE(first && strstr(first + 1, ">SECRET &amp; &lt;b&gt;x&lt;/b&gt;</text>"));
}

static void
test_icon_dir_empty(void)
{
  g_autoptr(netan_case_t) c = harness_case("a-b");
  g_autoptr(netan_view_t) v = harness_view(c, FALSE, NETAN_LENGTH_INVERSE_STRENGTH);
  g_autofree char *saved = g_strdup(g_getenv("NETAN_ICON_DIR"));
  g_autofree char *empty = g_build_filename(harness_tmpdir(), "no-icons", NULL);
  g_mkdir_with_parents(empty, 0700);
  g_setenv("NETAN_ICON_DIR", empty, TRUE);
  g_autofree char *out = g_build_filename(harness_tmpdir(), "icons.pdf", NULL);
  GError *e = NULL;
  CU_ASSERT_FALSE(netan_chart_render(v, NULL, out, NULL, &e));
  CU_ASSERT_PTR_NOT_NULL(e && strstr(e->message, "NETAN_ICON_DIR"));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_NOT_FOUND);
  CU_ASSERT_FALSE(g_file_test(out, G_FILE_TEST_EXISTS));
  if (saved)
    g_setenv("NETAN_ICON_DIR", saved, TRUE);
  else
    g_unsetenv("NETAN_ICON_DIR");
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return CU_get_error();
  static const harness_test_t dot[] = {
    { "/chart/dot/escape", test_escape },
    { "/chart/dot/of-view", test_dot_of_view },
    { NULL, NULL } };
  static const harness_test_t rnd[] = {
    { "/chart/render/formats-and-determinism", test_render_formats },
    { "/chart/render/failures", test_render_failures },
    { NULL, NULL } };
  static const harness_test_t opt[] = {
    { "/chart/options/errors", test_option_errors },
    { "/chart/options/edge-labels", test_edge_labels },
    { "/chart/options/focus-counts", test_focus_counts },
    { NULL, NULL } };
  static const harness_test_t page[] = {
    { "/chart/page/iso216", test_page_sizes },
    { "/chart/page/hostile-text", test_hostile_page_text },
    { "/chart/page/icon-dir-empty", test_icon_dir_empty },
    { NULL, NULL } };
  harness_add_suite("/chart/dot", dot);
  harness_add_suite("/chart/render", rnd);
  harness_add_suite("/chart/options", opt);
  harness_add_suite("/chart/page", page);
  return harness_run();
}
