/* Jaro–Winkler similarity, for suggesting that two names denote one
 * person (never for merging by itself: DESIGN.md §3).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/normalize-private.h"

#include <string.h>

/* Names are short: decode into the stack and allocate only for long text. */
enum { JW_STACK = 64 };

/* Decodes @s into code points; NULL if it is not valid UTF-8. */
static gunichar *
decode(const char *s, gunichar *stack, glong *n)
{
  const char *end;
  if (!g_utf8_validate(s, -1, &end))
    return NULL;
  glong len = g_utf8_strlen(s, end - s);
  gunichar *out = len <= JW_STACK ? stack : g_new(gunichar, len);
  glong i = 0;
  for (const char *p = s; *p; p = g_utf8_next_char(p))
    out[i++] = g_utf8_get_char(p);
  *n = len;
  return out;
}

/* The computation follows jellyfish's (python3-jellyfish) step for step,
 * including the order of floating-point operations, so that both give the
 * same double and the pytest oracle can compare to 1e-12. */
static double
jaro_winkler(const gunichar *s1, glong n1, const gunichar *s2, glong n2)
{
  if (n1 == 0 || n2 == 0)
    return 0.0;
  glong min_len = MIN(n1, n2);
  glong range = MAX(n1, n2) / 2 - 1;
  if (range < 0)
    range = 0;

  gboolean stack_flags[2 * JW_STACK];
  gboolean *f1 = n1 + n2 <= 2 * JW_STACK ? stack_flags : g_new(gboolean, n1 + n2);
  gboolean *f2 = f1 + n1;
  memset(f1, 0, sizeof(gboolean) * (size_t)(n1 + n2));

  /* matches: each code point of s1 takes the first unmatched equal one of
   * s2 within the window */
  glong common = 0;
  for (glong i = 0; i < n1; i++) {
    glong lo = MAX(0, i - range), hi = MIN(i + range, n2 - 1);
    for (glong j = lo; j <= hi; j++) {
      if (!f2[j] && s2[j] == s1[i]) {
        f1[i] = f2[j] = TRUE;
        common++;
        break;
      }
    }
  }
  double weight = 0.0;
  if (common > 0) {
    /* transpositions: matched code points that differ in order, halved */
    glong k = 0, trans = 0;
    for (glong i = 0; i < n1; i++) {
      if (!f1[i])
        continue;
      glong j = k;
      while (j < n2 && !f2[j])
        j++;
      k = j + 1;
      if (s1[i] != s2[j])
        trans++;
    }
    trans /= 2;
    double c = (double)common;
    weight = (c / (double)n1 + c / (double)n2 + (c - (double)trans) / c) / 3;
    /* Winkler: reward a common prefix (names are typed right at the start
     * more often than at the end), only for strings already similar */
    if (weight > 0.7) {
      glong p = 0, pmax = MIN(min_len, 4);
      while (p < pmax && s1[p] == s2[p])
        p++;
      if (p > 0)
        weight += (double)p * 0.1 * (1.0 - weight);
    }
  }
  if (f1 != stack_flags)
    g_free(f1);
  return weight;
}

double
netan_jaro_winkler(const char *a, const char *b)
{
  g_return_val_if_fail(a != NULL && b != NULL, -1.0);
  gunichar sa[JW_STACK], sb[JW_STACK];
  glong na = 0, nb = 0;
  gunichar *ua = decode(a, sa, &na);
  gunichar *ub = ua ? decode(b, sb, &nb) : NULL;
  double r = ua && ub ? jaro_winkler(ua, na, ub, nb) : -1.0;
  if (ua != sa)
    g_free(ua);
  if (ub != sb)
    g_free(ub);
  return r;
}
