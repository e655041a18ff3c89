/* Rendering through netan-render, the separately licensed Graphviz program.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include <netan/netan.h>

#include <gio/gio.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>

static const char *const formats[] = { "svg", "pdf", "png", "dot", NULL };

/* $NETAN_RENDER; else a netan-render beside the running program (the
 * build tree, or a relocated bundle); else the installed one. */
static char *
find_renderer(GError **error)
{
  const char *env = g_getenv("NETAN_RENDER");
  if (env && *env) {
    if (g_file_test(env, G_FILE_TEST_IS_EXECUTABLE))
      return g_strdup(env);
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND,
                "NETAN_RENDER=%s is not an executable netan-render program", env);
    return NULL;
  }
  g_autofree char *self = g_file_read_link("/proc/self/exe", NULL);
  if (self != NULL) {
    g_autofree char *dir = g_path_get_dirname(self);
    char *beside = g_build_filename(dir, "netan-render", NULL);
    if (g_file_test(beside, G_FILE_TEST_IS_EXECUTABLE))
      return beside;
    g_free(beside);
  }
  char *path = g_strdup(NETAN_LIBEXECDIR "/netan-render");
  if (!g_file_test(path, G_FILE_TEST_IS_EXECUTABLE)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND,
                "the chart renderer %s is not there or not executable "
                "(install netan, or set NETAN_RENDER to the netan-render program)", path);
    g_free(path);
    return NULL;
  }
  return path;
}

/* The entity-type icons: $NETAN_ICON_DIR, the installed data directory,
 * else the source tree netan was built from (running uninstalled). */
static char *
find_icons(GError **error)
{
  const char *env = g_getenv("NETAN_ICON_DIR");
  const char *candidates[] = { env && *env ? env : NULL, NETAN_ICONDIR, NETAN_SOURCE_ICONDIR };
  for (gsize i = 0; i < G_N_ELEMENTS(candidates); i++) {
    if (candidates[i] == NULL)
      continue;
    g_autofree char *probe = g_build_filename(candidates[i], "person.png", NULL);
    if (g_file_test(probe, G_FILE_TEST_IS_REGULAR))
      return g_strdup(candidates[i]);
    if (i == 0) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND,
                  "NETAN_ICON_DIR=%s does not hold netan's chart icons", env);
      return NULL;
    }
  }
  g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND,
              "the chart icons are not in %s (install netan, or set NETAN_ICON_DIR)", NETAN_ICONDIR);
  return NULL;
}

GBytes *
netan_chart_render_dot(const char *dot, const char *layout, const char *format, GError **error)
{
  g_return_val_if_fail(dot != NULL, NULL);
  if (format == NULL || !g_strv_contains(formats, format)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "chart: unknown format \"%s\" (svg, pdf, png, dot)", format ? format : "");
    return NULL;
  }
  g_autofree char *renderer = find_renderer(error);
  if (renderer == NULL)
    return NULL;
  g_autofree char *icons = find_icons(error);
  if (icons == NULL)
    return NULL;
  const char *argv[] = { renderer, "-T", format, "-I", icons, layout ? "-K" : NULL, layout, NULL };
  GError *e = NULL;
  g_autoptr(GSubprocess) proc = g_subprocess_newv(argv, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                  G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                  G_SUBPROCESS_FLAGS_STDERR_PIPE, &e);
  if (proc == NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_IO, "starting %s: %s", renderer, e->message);
    g_error_free(e);
    return NULL;
  }
  g_autoptr(GBytes) input = g_bytes_new_static(dot, strlen(dot));
  GBytes *out = NULL, *err = NULL;
  /* A renderer that exits before reading its input would make our write
   * raise SIGPIPE, which kills the host by default. A library must not
   * change the process's signal handling, so SIGPIPE is blocked in this
   * thread only (communicate runs here), and one raised meanwhile is
   * taken back before the mask is restored; the write fails with EPIPE. */
  sigset_t pipe_set, old_set;
  sigemptyset(&pipe_set);
  sigaddset(&pipe_set, SIGPIPE);
  sigset_t pending;
  gboolean was_pending = sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_set, &old_set);
  gboolean talked = g_subprocess_communicate(proc, input, NULL, &out, &err, &e);
  if (!was_pending && sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE)) {
    struct timespec zero = { 0, 0 };
    while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR)
      ;
  }
  pthread_sigmask(SIG_SETMASK, &old_set, NULL);
  if (!talked && g_error_matches(e, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE)) {
    /* the renderer stopped early: its exit status and message say why */
    g_clear_error(&e);
    g_subprocess_wait(proc, NULL, NULL);
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND,
                "rendering %s failed: %s exited without reading the chart (exit status %d)", format, renderer,
                g_subprocess_get_if_exited(proc) ? g_subprocess_get_exit_status(proc) : -1);
    return NULL;
  }
  if (!talked) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_IO, "talking to %s: %s", renderer, e->message);
    g_error_free(e);
    return NULL;
  }
  int status = g_subprocess_get_if_exited(proc) ? g_subprocess_get_exit_status(proc) : -1;
  if (status != 0) {
    gsize n = 0;
    const char *msg = err ? g_bytes_get_data(err, &n) : NULL;
    g_autofree char *text = msg && n ? g_strstrip(g_strndup(msg, n)) : g_strdup("no message");
    g_set_error(error, NETAN_ERROR, status == 2 ? NETAN_ERROR_INVALID_ARGUMENT : NETAN_ERROR_BACKEND,
                "rendering %s failed (%s): %s", format,
                status < 0 ? "renderer crashed" : status == 2 ? "bad argument" : "Graphviz error", text);
    if (out) g_bytes_unref(out);
    if (err) g_bytes_unref(err);
    return NULL;
  }
  if (err) g_bytes_unref(err);
  if (out == NULL || g_bytes_get_size(out) == 0) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND, "rendering %s produced no output", format);
    if (out) g_bytes_unref(out);
    return NULL;
  }
  return out;
}

static const char *
format_of(const char *path)
{
  const char *dot = strrchr(path, '.');
  return dot ? dot + 1 : NULL;
}

GBytes *
netan_chart_render_bytes(const netan_chart_t *chart, const char *format, GError **error)
{
  g_return_val_if_fail(chart != NULL, NULL);
  const char *dot = netan_chart_get_dot(chart);
  if (format && strcmp(format, "dot") == 0)
    return g_bytes_new(dot, strlen(dot));
  return netan_chart_render_dot(dot, NULL, format, error);
}

gboolean
netan_chart_render_file(const netan_chart_t *chart, const char *path, const char *format,
                        GError **error)
{
  g_return_val_if_fail(chart != NULL && path != NULL, FALSE);
  if (format == NULL)
    format = format_of(path);
  if (format == NULL || !g_strv_contains(formats, format)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "%s: cannot tell the chart format from the name (use .svg, .pdf, .png or .dot)", path);
    return FALSE;
  }
  g_autoptr(GBytes) bytes = netan_chart_render_bytes(chart, format, error);
  if (bytes == NULL)
    return FALSE;
  gsize n;
  const char *data = g_bytes_get_data(bytes, &n);
  GError *e = NULL;
  /* written to a temporary file and renamed: nothing half-written is left */
  if (!g_file_set_contents(path, data, (gssize)n, &e)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_IO, "%s", e->message);
    g_error_free(e);
    return FALSE;
  }
  return TRUE;
}
