/* bench/chart_passes.c — where netan-render's time goes, pass by pass
 * (bench/chart_bench.py --profile; bench/CHARTS.md, "Where the time goes").
 *
 * An LD_PRELOAD library for netan-render and Graphviz's own programs: it
 * wraps the Graphviz calls netan-render makes — gvContext, agmemread,
 * gvLayout, gvRenderData, gvFreeLayout, agclose — and those the `sfdp` /
 * `neato` programs make (gvLayoutJobs, gvRenderJobs), and
 * appends one JSON line per call to $CHART_PASSES_LOG:
 *   {"call": "gvLayout", "engine": "sfdp", "graph": "netan", "seq": 2,
 *    "wall_s": .., "cpu_s": .., "rss_kb": .., "peak_rss_kb": ..}
 * with the process's resident size and peak (VmRSS, VmHWM, kB) after the
 * call, and at exit one {"call": "process", ...} line with the wall time
 * since the library was loaded and the process CPU time. Time outside the
 * wrapped calls is netan-render's own code (reading the DOT, embedding the
 * icons, writing the output). Nothing of netan is changed; without
 * $CHART_PASSES_LOG the wrappers only pass the calls on.
 *
 * Build: cc -shared -fPIC -O2 -o chart_passes.so chart_passes.c \
 *          $(pkg-config --cflags libgvc) -ldl
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double t_load;
static int seq;

static double
now(clockid_t id)
{
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* VmRSS or VmHWM of this process, kB (-1 if unknown). */
static long
status_kb(const char *field)
{
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long v = -1;
  size_t fl = strlen(field);
  while (f && fgets(line, sizeof line, f))
    if (strncmp(line, field, fl) == 0 && line[fl] == ':') {
      v = strtol(line + fl + 1, NULL, 10);
      break;
    }
  if (f)
    fclose(f);
  return v;
}

static void
emit(const char *call, const char *engine, const char *graph, double wall, double cpu)
{
  const char *path = getenv("CHART_PASSES_LOG");
  if (!path || !*path)
    return;
  long rss = status_kb("VmRSS"), hwm = status_kb("VmHWM");
  FILE *f = fopen(path, "a");
  if (!f)
    return;
  fprintf(f, "{\"call\": \"%s\", \"engine\": \"%s\", \"graph\": \"%s\", \"seq\": %d, \"wall_s\": %.6f, "
             "\"cpu_s\": %.6f, \"rss_kb\": %ld, \"peak_rss_kb\": %ld}\n",
          call, engine ? engine : "", graph ? graph : "", seq++, wall, cpu, rss, hwm);
  fclose(f);
}

__attribute__((constructor)) static void
loaded(void)
{
  t_load = now(CLOCK_MONOTONIC);
}

__attribute__((destructor)) static void
unloaded(void)
{
  emit("process", "", "", now(CLOCK_MONOTONIC) - t_load, now(CLOCK_PROCESS_CPUTIME_ID));
}

#define NEXT(name) \
  static __typeof__(name) *real; \
  if (!real) \
    real = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)
#define START double w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID)
#define STOP(call, engine, graph) \
  emit(call, engine, graph, now(CLOCK_MONOTONIC) - w0, now(CLOCK_PROCESS_CPUTIME_ID) - c0)

GVC_t *
gvContext(void)
{
  NEXT(gvContext);
  START;
  GVC_t *r = real();
  STOP("gvContext", "", "");
  return r;
}

Agraph_t *
agmemread(const char *cp)
{
  NEXT(agmemread);
  START;
  Agraph_t *r = real(cp);
  STOP("agmemread", "", r ? agnameof(r) : "");
  return r;
}

int
gvLayout(GVC_t *gvc, graph_t *g, const char *engine)
{
  NEXT(gvLayout);
  char name[64];
  snprintf(name, sizeof name, "%s", agnameof(g));
  START;
  int r = real(gvc, g, engine);
  STOP("gvLayout", engine, name);
  return r;
}

int
gvRenderData(GVC_t *gvc, graph_t *g, const char *format, char **result, unsigned int *length)
{
  NEXT(gvRenderData);
  START;
  int r = real(gvc, g, format, result, length);
  STOP("gvRenderData", format, agnameof(g));
  return r;
}

int
gvFreeLayout(GVC_t *gvc, graph_t *g)
{
  NEXT(gvFreeLayout);
  START;
  int r = real(gvc, g);
  STOP("gvFreeLayout", "", agnameof(g));
  return r;
}

int
agclose(Agraph_t *g)
{
  NEXT(agclose);
  char name[64];
  snprintf(name, sizeof name, "%s", agnameof(g));
  START;
  int r = real(g);
  STOP("agclose", "", name);
  return r;
}

int
gvLayoutJobs(GVC_t *gvc, graph_t *g)
{
  NEXT(gvLayoutJobs);
  START;
  int r = real(gvc, g);
  STOP("gvLayoutJobs", "", agnameof(g));
  return r;
}

int
gvRenderJobs(GVC_t *gvc, graph_t *g)
{
  NEXT(gvRenderJobs);
  START;
  int r = real(gvc, g);
  STOP("gvRenderJobs", "", agnameof(g));
  return r;
}
