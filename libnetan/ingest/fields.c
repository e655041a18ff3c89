/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/fields.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static gboolean
all_digits(const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit(*s))
      return FALSE;
  return TRUE;
}

static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec" };

/* Reads up to @width digits. */
static gboolean
digits(const char **p, int width, int *out)
{
  int v = 0, n = 0;
  while (n < width && g_ascii_isdigit(**p)) {
    v = v * 10 + (**p - '0');
    (*p)++;
    n++;
  }
  *out = v;
  return n > 0;
}

/* A small strptime for the conversions the spec allows; strict about the
 * text matching the whole format, and locale-independent (unlike libc's). */
static gboolean
parse_format(const char *fmt, const char *s, int *Y, int *m, int *d, int *H, int *M, int *S)
{
  *H = *M = *S = 0;
  *Y = *m = *d = -1;
  for (const char *f = fmt; *f; f++) {
    if (*f != '%') {
      if (*f == ' ') {
        while (*s == ' ') s++;
        continue;
      }
      if (*s++ != *f)
        return FALSE;
      continue;
    }
    f++;
    int v;
    switch (*f) {
    case 'Y': if (!digits(&s, 4, Y)) return FALSE; break;
    case 'y': if (!digits(&s, 2, &v)) return FALSE; *Y = v < 70 ? 2000 + v : 1900 + v; break;
    case 'm': if (!digits(&s, 2, m)) return FALSE; break;
    case 'd': case 'e': while (*s == ' ') s++; if (!digits(&s, 2, d)) return FALSE; break;
    case 'H': if (!digits(&s, 2, H)) return FALSE; break;
    case 'M': if (!digits(&s, 2, M)) return FALSE; break;
    case 'S': if (!digits(&s, 2, S)) return FALSE; break;
    case 'b': {
      gboolean found = FALSE;
      for (int i = 0; i < 12 && !found; i++) {
        if (g_ascii_strncasecmp(s, months[i], 3) == 0) {
          *m = i + 1;
          s += 3;
          found = TRUE;
        }
      }
      if (!found) return FALSE;
      break;
    }
    case '%': if (*s++ != '%') return FALSE; break;
    default: return FALSE;
    }
  }
  while (*s == ' ') s++;
  return *s == '\0' && *Y >= 0 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31 && *H <= 23 &&
         *M <= 59 && *S <= 60;
}

/* Days from 1970-01-01 to the civil date y-m-d (Howard Hinnant's algorithm). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static int
days_in_month(int y, int m)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

/* Local civil time in @tz to seconds since the epoch, without allocating
 * (a GDateTime per row costs more than the rest of the row). */
static gboolean
civil_to_unix(GTimeZone *tz, int Y, int m, int d, int H, int M, int S, int64_t *out)
{
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(Y, m) || H > 23 || M > 59 || S > 59)
    return FALSE;
  gint64 local = days_from_civil(Y, m, d) * 86400 + H * 3600 + M * 60 + S;
  gint64 t = local;
  gint interval = g_time_zone_adjust_time(tz, G_TIME_TYPE_STANDARD, &t);
  if (interval < 0)
    return FALSE;
  *out = local - g_time_zone_get_offset(tz, interval) + (t - local);
  return TRUE;
}

/* "YYYY-MM-DD[T ]HH:MM:SS" with "Z" or "+hh:mm"/"-hh:mm" or nothing (the
 * spec's zone): the form call records use. FALSE means "not this form",
 * and the general parser has its turn. */
static gboolean
fast_iso(const netan_spec_t *spec, const char *s, int64_t *out)
{
  int Y, m, d, H, M, S;
  const char *p = s;
  if (!digits(&p, 4, &Y) || *p++ != '-' || !digits(&p, 2, &m) || *p++ != '-' || !digits(&p, 2, &d) ||
      (*p != 'T' && *p != ' ') || p - s != 10)
    return FALSE;
  p++;
  if (!digits(&p, 2, &H) || *p++ != ':' || !digits(&p, 2, &M) || *p++ != ':' || !digits(&p, 2, &S) || p - s != 19)
    return FALSE;
  if (*p == '\0')
    return civil_to_unix(spec->timezone, Y, m, d, H, M, S, out);
  int sign = 0, oh = 0, om = 0;
  if (*p == 'Z' && p[1] == '\0') {
    sign = 1;
  } else if ((*p == '+' || *p == '-') && strlen(p) == 6 && p[3] == ':') {
    sign = *p == '+' ? 1 : -1;
    const char *q = p + 1;
    if (!digits(&q, 2, &oh) || *q++ != ':' || !digits(&q, 2, &om))
      return FALSE;
  } else {
    return FALSE;
  }
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(Y, m) || H > 23 || M > 59 || S > 59)
    return FALSE;
  *out = days_from_civil(Y, m, d) * 86400 + H * 3600 + M * 60 + S - sign * (oh * 3600 + om * 60);
  return TRUE;
}

gboolean
netan_field_time(const netan_spec_t *spec, const char *text, int64_t *out)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  if (spec->time_kind == NETAN_TIME_EPOCH) {
    const char *digits_from = text[0] == '-' ? text + 1 : text;
    if (!all_digits(digits_from))
      return FALSE;
    *out = g_ascii_strtoll(text, NULL, 10);
    return TRUE;
  }
  GDateTime *dt = NULL;
  if (spec->time_kind == NETAN_TIME_ISO8601 && fast_iso(spec, text, out))
    return TRUE;
  if (spec->time_kind == NETAN_TIME_ISO8601) {
    /* accept "2026-11-02 10:00:00" and a bare date as well as the T form */
    g_autofree char *iso = g_strdup(text);
    if (strlen(iso) > 10 && iso[10] == ' ')
      iso[10] = 'T';
    if (strlen(iso) == 10) {
      char *full = g_strconcat(iso, "T00:00:00", NULL);
      g_free(iso);
      iso = full;
    }
    dt = g_date_time_new_from_iso8601(iso, spec->timezone);
  } else {
    int Y, m, d, H, M, S;
    if (!parse_format(spec->time_format, text, &Y, &m, &d, &H, &M, &S))
      return FALSE;
    return civil_to_unix(spec->timezone, Y, m, d, H, M, S, out);  /* FALSE for 31 February */
  }
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix(dt);
  g_date_time_unref(dt);
  return TRUE;
}

gboolean
netan_field_duration(const char *text, int64_t *out)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  /* plain seconds, the common case: read in place */
  size_t nd = 0;
  while (g_ascii_isdigit(text[nd]))
    nd++;
  if (text[nd] == '\0') {
    if (nd > 12)
      return FALSE;
    int64_t v = 0;
    for (size_t i = 0; i < nd; i++)
      v = v * 10 + (text[i] - '0');
    *out = v;
    return TRUE;
  }
  g_auto(GStrv) parts = g_strsplit(text, ":", -1);
  guint n = g_strv_length(parts);
  if (n < 2 || n > 3)
    return FALSE;
  int64_t total = 0;
  for (guint i = 0; i < n; i++) {
    if (!all_digits(parts[i]) || strlen(parts[i]) > 6)
      return FALSE;
    int64_t v = g_ascii_strtoll(parts[i], NULL, 10);
    if (i > 0 && v >= 60)
      return FALSE;
    total = total * 60 + v;
  }
  *out = total;
  return TRUE;
}

gboolean
netan_field_amount(const char *text, double *out)
{
  if (text == NULL)
    return FALSE;
  /* drop grouping spaces and apostrophes; the rightmost of . and , is the
   * decimal separator, the other one groups thousands */
  GString *clean = g_string_new(NULL);
  for (const char *p = text; *p; p++)
    if (*p != ' ' && *p != '\'' && (unsigned char)*p != 0xA0)
      g_string_append_c(clean, *p);
  char *dot = strrchr(clean->str, '.'), *comma = strrchr(clean->str, ',');
  char decimal = (dot && comma) ? (dot > comma ? '.' : ',') : (comma ? ',' : '.');
  GString *num = g_string_new(NULL);
  for (const char *p = clean->str; *p; p++) {
    if (*p == decimal)
      g_string_append_c(num, '.');
    else if (*p == '.' || *p == ',')
      continue;
    else
      g_string_append_c(num, *p);
  }
  g_string_free(clean, TRUE);
  gboolean ok = FALSE;
  if (num->len > 0 && strchr(num->str, '.') == strrchr(num->str, '.')) {
    char *end;
    double v = g_ascii_strtod(num->str, &end);
    ok = end != num->str && *end == '\0' && isfinite(v) && strpbrk(num->str, "eEnNiIxX") == NULL;
    if (ok)
      *out = v;
  }
  g_string_free(num, TRUE);
  return ok;
}
