/* Sources of a case: where facts came from, how reliable, how shareable.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "model/case-private.h"

#include <string.h>

void
netan_source_rec_free(gpointer p)
{
  netan_source_rec_t *s = p;
  g_free(s->name);
  g_free(s->agency);
  g_free(s->jurisdiction);
  g_free(s->received);
  g_free(s->sha256);
  g_free(s->grading_scheme);
  g_free(s->grading);
  g_free(s->handling);
  g_free(s);
}

static gboolean
in_range(char ch, char lo, char hi)
{
  return ch >= lo && ch <= hi;
}

gboolean
netan_grading_check(const char *scheme, const char *grading, const char *handling, GError **error)
{
  if (scheme == NULL || *scheme == '\0') {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "no grading scheme given");
    return FALSE;
  }
  gboolean ok_grading = grading == NULL, ok_handling = TRUE;
  const char *expect;
  if (strcmp(scheme, "admiralty") == 0) {
    /* source reliability A (reliable) .. F (cannot be judged); information 1 (confirmed) .. 6 */
    expect = "source A-F and information 1-6, e.g. B2";
    if (grading)
      ok_grading = strlen(grading) == 2 && in_range(grading[0], 'A', 'F') && in_range(grading[1], '1', '6');
  } else if (strcmp(scheme, "uk-3x5x2") == 0) {
    /* source evaluation 1-3, intelligence assessment A-E, handling P (lawful sharing) or C (conditions) */
    expect = "source 1-3 and intelligence A-E, e.g. 1A; handling P or C";
    if (grading)
      ok_grading = strlen(grading) == 2 && in_range(grading[0], '1', '3') && in_range(grading[1], 'A', 'E');
    if (handling)
      ok_handling = strcmp(handling, "P") == 0 || strcmp(handling, "C") == 0;
  } else if (strcmp(scheme, "europol") == 0) {
    /* source reliability A, B, C, X; information 1-4; handling codes H0-H3 */
    expect = "source A, B, C or X and information 1-4, e.g. B2; handling H0-H3";
    if (grading)
      ok_grading = strlen(grading) == 2 && strchr("ABCX", grading[0]) != NULL && in_range(grading[1], '1', '4');
    if (handling)
      ok_handling = strlen(handling) == 2 && handling[0] == 'H' && in_range(handling[1], '0', '3');
  } else {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "unknown grading scheme \"%s\" (admiralty, uk-3x5x2, europol)", scheme);
    return FALSE;
  }
  if (!ok_grading || !ok_handling) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "%s \"%s\" is not valid under %s: %s", ok_grading ? "handling code" : "grading",
                ok_grading ? handling : grading, scheme, expect);
    return FALSE;
  }
  return TRUE;
}

/* ISO 3166-1 alpha-2 shape: two upper-case letters (XK included). */
static gboolean
is_country(const char *s)
{
  return strlen(s) == 2 && in_range(s[0], 'A', 'Z') && in_range(s[1], 'A', 'Z');
}

int64_t
netan_case_add_source_info(netan_case_t *c, const netan_source_info_t *info, GError **error)
{
  g_return_val_if_fail(c != NULL && info != NULL, -1);
  if (info->version != NETAN_SOURCE_INFO_VERSION) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "source info: unknown version %u",
                info->version);
    return -1;
  }
  if (!netan_i_check_text("source name", info->name, error))
    return -1;
  const char *const optional[] = { info->agency, info->jurisdiction, info->received, info->sha256,
                                   info->grading_scheme, info->grading, info->handling };
  for (gsize i = 0; i < G_N_ELEMENTS(optional); i++)
    if (optional[i] && !netan_i_check_text("source field", optional[i], error))
      return -1;
  if (info->jurisdiction && !is_country(info->jurisdiction)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "jurisdiction \"%s\" is not an ISO 3166 alpha-2 code such as RS or XK", info->jurisdiction);
    return -1;
  }
  if (info->received) {
    g_autofree char *iso = g_strconcat(info->received, strchr(info->received, 'T') ? "" : "T00:00:00Z", NULL);
    g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601(iso, NULL);
    if (dt == NULL) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                  "received date \"%s\" is not an ISO 8601 date such as 2026-11-02", info->received);
      return -1;
    }
  }
  if ((info->grading || info->handling) && info->grading_scheme &&
      !netan_grading_check(info->grading_scheme, info->grading, info->handling, error))
    return -1;
  if (info->grading && !info->grading_scheme) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "grading \"%s\" given without a grading scheme", info->grading);
    return -1;
  }
  netan_source_rec_t *s = g_new0(netan_source_rec_t, 1);
  s->name = g_strdup(info->name);
  s->agency = g_strdup(info->agency);
  s->jurisdiction = g_strdup(info->jurisdiction);
  s->received = g_strdup(info->received);
  s->sha256 = g_strdup(info->sha256);
  s->grading_scheme = g_strdup(info->grading_scheme);
  s->grading = g_strdup(info->grading);
  s->handling = g_strdup(info->handling);
  s->rows_read = s->rows_rejected = -1;
  g_ptr_array_add(c->sources, s);
  c->generation++;
  return (int64_t)c->sources->len - 1;
}

int64_t
netan_case_add_source(netan_case_t *c, const char *name, const char *sha256, GError **error)
{
  netan_source_info_t info = NETAN_SOURCE_INFO_INIT;
  info.name = name;
  info.sha256 = sha256;
  return netan_case_add_source_info(c, &info, error);
}

gboolean
netan_case_i_has_source(const netan_case_t *c, int64_t id)
{
  return c != NULL && id >= 0 && id < (int64_t)c->sources->len;
}

gboolean
netan_case_i_check_prov(const netan_case_t *c, const netan_provenance_t *prov, GError **error)
{
  if (prov == NULL || netan_case_i_has_source(c, prov->source_id))
    return TRUE;
  g_set_error(error, NETAN_ERROR, NETAN_ERROR_NOT_FOUND,
              "provenance names source %" G_GINT64_FORMAT ", which the case does not have",
              prov->source_id);
  return FALSE;
}

gboolean
netan_case_get_source_info(const netan_case_t *c, int64_t id, netan_source_info_t *out)
{
  g_return_val_if_fail(out != NULL, FALSE);
  if (!netan_case_i_has_source(c, id))
    return FALSE;
  const netan_source_rec_t *s = g_ptr_array_index(c->sources, id);
  *out = (netan_source_info_t){ NETAN_SOURCE_INFO_VERSION, s->name, s->agency, s->jurisdiction,
                                s->received, s->sha256, s->grading_scheme, s->grading, s->handling };
  return TRUE;
}

int64_t
netan_case_n_sources(const netan_case_t *c)
{
  g_return_val_if_fail(c != NULL, 0);
  return c->sources->len;
}

const char *
netan_case_source_name(const netan_case_t *c, int64_t id)
{
  return netan_case_i_has_source(c, id) ? ((netan_source_rec_t *)g_ptr_array_index(c->sources, id))->name : NULL;
}

const char *
netan_case_source_sha256(const netan_case_t *c, int64_t id)
{
  return netan_case_i_has_source(c, id) ? ((netan_source_rec_t *)g_ptr_array_index(c->sources, id))->sha256 : NULL;
}

void
netan_case_i_set_source_rows(netan_case_t *c, int64_t id, int64_t read, int64_t rejected)
{
  if (!netan_case_i_has_source(c, id))
    return;
  netan_source_rec_t *s = g_ptr_array_index(c->sources, id);
  s->rows_read = read;
  s->rows_rejected = rejected;
}

gboolean
netan_case_source_rows(const netan_case_t *c, int64_t id, int64_t *read, int64_t *ingested, int64_t *rejected)
{
  if (!netan_case_i_has_source(c, id))
    return FALSE;
  const netan_source_rec_t *s = g_ptr_array_index(c->sources, id);
  if (s->rows_read < 0)
    return FALSE;
  if (read) *read = s->rows_read;
  if (ingested) *ingested = s->rows_read - s->rows_rejected;
  if (rejected) *rejected = s->rows_rejected;
  return TRUE;
}

void
netan_case_i_set_source_sha256(netan_case_t *c, int64_t id, const char *sha256)
{
  if (!netan_case_i_has_source(c, id))
    return;
  netan_source_rec_t *s = g_ptr_array_index(c->sources, id);
  g_free(s->sha256);
  s->sha256 = g_strdup(sha256);
}
