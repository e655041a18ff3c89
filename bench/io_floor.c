/* bench/io_floor.c — the I/O floor: the least work any tool must do to read
 * a CSV file. getline() over the file, split each line on commas, convert
 * the third field (the weight) with strtod when it is there. No hashing, no
 * graph. Prints one JSON object like the other bench programs.
 *
 * Usage: io_floor [STEP=]FILE...   (STEP defaults to "load")
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "bench_util.h"

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s [STEP=]FILE...\n", argv[0]);
    return 2;
  }
  bench_json_begin("io_floor");
  for (int i = 1; i < argc; i++) {
    const char *step = "load", *path = argv[i];
    char stepbuf[64];
    const char *eq = strchr(argv[i], '=');
    if (eq && (size_t)(eq - argv[i]) < sizeof stepbuf) {
      memcpy(stepbuf, argv[i], (size_t)(eq - argv[i]));
      stepbuf[eq - argv[i]] = '\0';
      step = stepbuf;
      path = eq + 1;
    }
    bench_step_t st;
    bench_step_start(&st);
    FILE *f = fopen(path, "r");
    if (!f) {
      perror(path);
      return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long long rows = 0, fields = 0, bytes = 0;
    double wsum = 0;
    int header = 1;
    while ((len = getline(&line, &cap, f)) != -1) {
      bytes += len;
      if (header) {
        header = 0;
        continue;
      }
      rows++;
      int field = 0;
      char *start = line;
      for (char *p = line;; p++) {
        if (*p == ',' || *p == '\n' || *p == '\0') {
          if (field == 2)
            wsum += strtod(start, NULL);
          field++;
          if (*p != ',')
            break;
          start = p + 1;
        }
      }
      fields += field;
    }
    if (ferror(f)) {
      perror(path);
      return 1;
    }
    free(line);
    fclose(f);
    bench_step_end(&st);
    char extra[256];
    snprintf(extra, sizeof extra,
             "\"rows\": %lld, \"fields\": %lld, \"bytes\": %lld, \"weight_sum\": %.17g",
             rows, fields, bytes, wsum);
    bench_step_print(step, &st, extra);
  }
  bench_json_end();
  return 0;
}
