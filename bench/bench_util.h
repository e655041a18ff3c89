/* bench/bench_util.h — timing and reporting shared by the C bench programs.
 *
 * Every bench program prints JSON lines on stdout, one object per line:
 *   {"type": "step", "step": NAME, "wall_s": .., "cpu_s": .., "peak_rss_kb": .., ...}
 *   {"type": "skip", "step": NAME, "reason": ".."}
 *   {"type": "info", ...}
 * bench/run reads them (see bench/README.md, "Output of a bench program").
 *
 * wall_s: CLOCK_MONOTONIC; cpu_s: CLOCK_PROCESS_CPUTIME_ID (all threads)
 * plus the CPU time of child processes that ended during the step (such as
 * netan-render, which netan_chart_render_dot runs);
 * peak_rss_kb: the process's resident high-water mark during the step. The
 * mark is reset before the step by writing "5" to /proc/self/clear_refs
 * (Linux >= 4.0); where that is refused, it is the high-water mark since
 * the process started, and "rss_reset": false says so. Because the reset
 * also lowers what the kernel reports as the process's peak (ru_maxrss),
 * bench_json_end() prints the true peak of the whole process, tracked
 * across the resets, as {"type": "info", "process_peak_rss_kb": ...}.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef BENCH_UTIL_H
#define BENCH_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

typedef struct {
  double wall0, cpu0, child_cpu0;
  double wall, cpu, child_cpu;
  long peak_rss_kb, rss_kb, child_peak_rss_kb;
  int rss_reset;
} bench_step_t;

static const char *bench_tool_name = "?";
static long bench_max_hwm_kb = 0; /* peak RSS of the process across HWM resets */

static inline double bench_clock(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* VmHWM / VmRSS from /proc/self/status, in kB; -1 if unavailable. */
static inline long bench_proc_status_kb(const char *field) {
  FILE *f = fopen("/proc/self/status", "r");
  if (!f)
    return -1;
  char line[256];
  long v = -1;
  size_t fl = strlen(field);
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, field, fl) == 0 && line[fl] == ':') {
      v = strtol(line + fl + 1, NULL, 10);
      break;
    }
  }
  fclose(f);
  return v;
}

static inline void bench_note_hwm(long kb) {
  if (kb > bench_max_hwm_kb)
    bench_max_hwm_kb = kb;
}

static inline int bench_reset_hwm(void) {
  bench_note_hwm(bench_proc_status_kb("VmHWM"));
  FILE *f = fopen("/proc/self/clear_refs", "w");
  if (!f)
    return 0;
  int ok = fputs("5", f) >= 0;
  if (fclose(f) != 0)
    ok = 0;
  return ok;
}

/* CPU seconds and peak RSS of the waited-for children so far. */
static inline double bench_children_cpu(long *maxrss_kb) {
  struct rusage ru;
  if (getrusage(RUSAGE_CHILDREN, &ru) != 0)
    return 0;
  if (maxrss_kb)
    *maxrss_kb = ru.ru_maxrss;
  return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
         (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

static inline void bench_step_start(bench_step_t *st) {
  memset(st, 0, sizeof *st);
  fflush(stdout);
  st->rss_reset = bench_reset_hwm();
  st->child_cpu0 = bench_children_cpu(NULL);
  st->wall0 = bench_clock(CLOCK_MONOTONIC);
  st->cpu0 = bench_clock(CLOCK_PROCESS_CPUTIME_ID);
}

static inline void bench_step_end(bench_step_t *st) {
  st->cpu = bench_clock(CLOCK_PROCESS_CPUTIME_ID) - st->cpu0;
  st->wall = bench_clock(CLOCK_MONOTONIC) - st->wall0;
  st->child_cpu = bench_children_cpu(&st->child_peak_rss_kb) - st->child_cpu0;
  st->cpu += st->child_cpu;
  st->peak_rss_kb = bench_proc_status_kb("VmHWM");
  st->rss_kb = bench_proc_status_kb("VmRSS");
  bench_note_hwm(st->peak_rss_kb);
}

/* Writes @s as a JSON string (with quotes). */
static inline void bench_json_str(FILE *out, const char *s) {
  fputc('"', out);
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    switch (*p) {
    case '"': fputs("\\\"", out); break;
    case '\\': fputs("\\\\", out); break;
    case '\n': fputs("\\n", out); break;
    case '\r': fputs("\\r", out); break;
    case '\t': fputs("\\t", out); break;
    default:
      if (*p < 0x20)
        fprintf(out, "\\u%04x", *p);
      else
        fputc(*p, out);
    }
  }
  fputc('"', out);
}

static inline void bench_json_begin(const char *tool) {
  bench_tool_name = tool;
}

/* One step line. @extra: more members, already JSON ("\"k\": 1, ..."), or NULL. */
static inline void bench_step_print(const char *name, const bench_step_t *st, const char *extra) {
  printf("{\"type\": \"step\", \"tool\": ");
  bench_json_str(stdout, bench_tool_name);
  printf(", \"step\": ");
  bench_json_str(stdout, name);
  printf(", \"wall_s\": %.6f, \"cpu_s\": %.6f, \"peak_rss_kb\": %ld, \"rss_kb\": %ld, \"rss_reset\": %s",
         st->wall, st->cpu, st->peak_rss_kb, st->rss_kb, st->rss_reset ? "true" : "false");
  if (st->child_cpu > 0)
    printf(", \"child_cpu_s\": %.6f, \"child_peak_rss_kb\": %ld", st->child_cpu, st->child_peak_rss_kb);
  if (extra && *extra)
    printf(", %s", extra);
  printf("}\n");
  fflush(stdout);
}

static inline void bench_skip_print(const char *name, const char *reason) {
  printf("{\"type\": \"skip\", \"tool\": ");
  bench_json_str(stdout, bench_tool_name);
  printf(", \"step\": ");
  bench_json_str(stdout, name);
  printf(", \"reason\": ");
  bench_json_str(stdout, reason);
  printf("}\n");
  fflush(stdout);
}

/* An info line: @members is JSON members ("\"k\": 1, ..."). */
static inline void bench_info_print(const char *members) {
  printf("{\"type\": \"info\", \"tool\": ");
  bench_json_str(stdout, bench_tool_name);
  if (members && *members)
    printf(", %s", members);
  printf("}\n");
  fflush(stdout);
}

static inline void bench_json_end(void) {
  char m[64];
  bench_note_hwm(bench_proc_status_kb("VmHWM"));
  snprintf(m, sizeof m, "\"process_peak_rss_kb\": %ld", bench_max_hwm_kb);
  bench_info_print(m);
  fflush(stdout);
}

/* Splits "a,b,c" and tells whether @name is in it ("all" matches everything). */
static inline int bench_want(const char *list, const char *name) {
  if (!list || strcmp(list, "all") == 0)
    return 1;
  size_t n = strlen(name);
  for (const char *p = list; *p;) {
    const char *e = strchr(p, ',');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    if (l == n && strncmp(p, name, n) == 0)
      return 1;
    if (!e)
      break;
    p = e + 1;
  }
  return 0;
}

#endif
