/* The normalize-private.h functions that need libphonenumber or ICU: each
 * calls its namesake in the netan-i18n module (i18n-module.h), which is
 * loaded on first use. Once it is, a call costs an atomic read of a
 * pointer and a call through the table more (no lock).
 * Without the module, the functions that report errors report that one
 * (NETAN_ERROR_BACKEND); the others give the answer that sends their
 * callers the long way (no memo, no shared spelling), where it is reported.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/i18n-module.h"

static const netan_i18n_t *
module(void)
{
  return netan_i18n_i_load(NULL, NULL);
}

gboolean
netan_norm_i_available(netan_normalizer_t n, GError **error)
{
  if ((n != NETAN_NORMALIZE_PHONE && n != NETAN_NORMALIZE_NAME) || module() != NULL)
    return TRUE;
  g_autofree char *doing = g_strdup_printf("the %s normalizer", netan_normalizer_name(n));
  return netan_i18n_i_load(doing, error) != NULL;
}

gboolean
netan_norm_i_region_check(const char *region, GError **error)
{
  const netan_i18n_t *m = netan_i18n_i_load("checking the phone region", error);
  return m != NULL && m->region_check(region, error);
}

char *
netan_norm_i_phone(const char *value, const char *region, GError **error)
{
  return netan_norm_i_phone_canon(value, NULL, region, NULL, error);
}

char *
netan_norm_i_phone_memo(const char *value, const char *region, netan_phone_memo_t *memo, GError **error)
{
  return netan_norm_i_phone_canon(value, NULL, region, memo, error);
}

char *
netan_norm_i_phone_canon(const char *value, const char *canon, const char *region, netan_phone_memo_t *memo,
                         GError **error)
{
  const netan_i18n_t *m = netan_i18n_i_load("normalizing phone numbers", error);
  return m != NULL ? m->phone_canon(value, canon, region, memo, error) : NULL;
}

netan_phone_memo_t *
netan_phone_memo_new(void)
{
  const netan_i18n_t *m = module();
  return m != NULL ? m->phone_memo_new() : NULL;
}

void
netan_phone_memo_free(netan_phone_memo_t *memo)
{
  /* a memo was made by the module, so it is loaded (unless a test has
   * since told the loader to forget it: then the memo is left) */
  const netan_i18n_t *m = module();
  if (memo != NULL && m != NULL)
    m->phone_memo_free(memo);
}

const char *
netan_norm_i_phone_idd(const char *region)
{
  const netan_i18n_t *m = module();
  return m != NULL ? m->phone_idd(region) : NULL;
}

gboolean
netan_norm_i_phone_has_country_code(const char *digits)
{
  const netan_i18n_t *m = module();
  return m != NULL && m->phone_has_country_code(digits);
}

void
netan_norm_i_phone_equal_spellings(const char *e164, const char *region, char *intl, char *natl)
{
  const netan_i18n_t *m = module();
  if (m != NULL)
    m->phone_equal_spellings(e164, region, intl, natl);
  else
    intl[0] = natl[0] = '\0';
}

int
netan_norm_i_phone_valid(int country_code, guint64 national_number, int leading_zeros, gboolean reference)
{
  const netan_i18n_t *m = module();
  return m != NULL ? m->phone_valid(country_code, national_number, leading_zeros, reference) : -1;
}

gboolean
netan_norm_i_phone_has_plan(int country_code)
{
  const netan_i18n_t *m = module();
  return m != NULL && m->phone_has_plan(country_code);
}

char *
netan_norm_i_name(const char *value, GError **error)
{
  const netan_i18n_t *m = netan_i18n_i_load("normalizing names", error);
  return m != NULL ? m->name(value, error) : NULL;
}
