/* /chart: DOT escaping, the renderer, determinism, failures.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include "chart/dot-escape.h"

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
  harness_add_suite("/chart/dot", dot);
  harness_add_suite("/chart/render", rnd);
  return harness_run();
}
