/* Normalizers: the public entry points, and the text and e-mail rules.
 * Phones are in normalize-phone.cc and names in normalize-name.c (both in
 * the netan-i18n module, reached through normalize-i18n.c), plates/IBAN/IMEI
 * in normalize-ids.c, Jaro–Winkler in normalize-jaro.c, the cache in
 * normalize-cache.c, netan_norm_i_quote() in normalize-quote.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/normalize-private.h"

#include <string.h>

/* Indexed by netan_normalizer_t: the names a mapping spec uses. */
static const char *const normalizer_names[NETAN_NORM_N_KINDS] = {
  [NETAN_NORMALIZE_NONE] = "none",
  [NETAN_NORMALIZE_TEXT] = "text",
  [NETAN_NORMALIZE_PHONE] = "phone",
  [NETAN_NORMALIZE_PLATE] = "plate",
  [NETAN_NORMALIZE_IBAN] = "iban",
  [NETAN_NORMALIZE_IMEI] = "imei",
  [NETAN_NORMALIZE_EMAIL] = "email",
  [NETAN_NORMALIZE_NAME] = "name",
};

gboolean
netan_normalizer_from_name(const char *name, netan_normalizer_t *out)
{
  if (name == NULL)
    return FALSE;
  for (int i = 0; i < NETAN_NORM_N_KINDS; i++) {
    if (g_ascii_strcasecmp(name, normalizer_names[i]) == 0) {
      if (out)
        *out = (netan_normalizer_t)i;
      return TRUE;
    }
  }
  return FALSE;
}

const char *
netan_normalizer_name(netan_normalizer_t n)
{
  /* the enum may be unsigned or signed depending on the compiler: compare as int */
  int i = (int)n;
  return i >= 0 && i < NETAN_NORM_N_KINDS ? normalizer_names[i] : NULL;
}

char *
netan_normalize(netan_normalizer_t n, const char *value, const char *region, GError **error)
{
  return netan_norm_i_run(n, value, region, error);
}

static char *
run(netan_normalizer_t n, const char *value, const char *region, netan_phone_memo_t *memo, GError **error);

char *
netan_norm_i_run(netan_normalizer_t n, const char *value, const char *region, GError **error)
{
  return run(n, value, region, NULL, error);
}

char *
netan_norm_i_run_phone(const char *value, const char *region, netan_phone_memo_t *memo, GError **error)
{
  return run(NETAN_NORMALIZE_PHONE, value, region, memo, error);
}

static char *
run(netan_normalizer_t n, const char *value, const char *region, netan_phone_memo_t *memo, GError **error)
{
  if (value == NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "no value to normalize (NULL)");
    return NULL;
  }
  if (netan_normalizer_name(n) == NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT, "unknown normalizer %d", (int)n);
    return NULL;
  }
  /* Every rule below walks UTF-8; bad bytes are the input's fault (a file in
   * an undeclared legacy encoding), so they are a parse error, not a crash. */
  if (!g_utf8_validate(value, -1, NULL)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE,
                "the value is not valid UTF-8 (is the file's encoding declared?)");
    return NULL;
  }
  switch (n) {
  case NETAN_NORMALIZE_NONE:
    return g_strdup(value);
  case NETAN_NORMALIZE_TEXT:
    return netan_norm_i_text(value, error);
  case NETAN_NORMALIZE_PHONE:
    return netan_norm_i_phone_memo(value, region, memo, error);
  case NETAN_NORMALIZE_PLATE:
    return netan_norm_i_plate(value, error);
  case NETAN_NORMALIZE_IBAN:
    return netan_norm_i_iban(value, error);
  case NETAN_NORMALIZE_IMEI:
    return netan_norm_i_imei(value, error);
  case NETAN_NORMALIZE_EMAIL:
    return netan_norm_i_email(value, error);
  case NETAN_NORMALIZE_NAME:
    return netan_norm_i_name(value, error);
  }
  /* unreachable (netan_normalizer_name() accepted n), but never abort */
  g_set_error(error, NETAN_ERROR, NETAN_ERROR_FAILED, "normalizer %d has no implementation", (int)n);
  return NULL;
}

/* Trims and collapses runs of Unicode white space (tabs, no-break spaces,
 * line breaks) to one ASCII space: "Tirana  " and "Tirana" are one place. */
static char *
collapse_space(const char *value)
{
  GString *s = g_string_sized_new(strlen(value));
  gboolean pending = FALSE;
  for (const char *p = value; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_isspace(c)) {
      pending = s->len > 0;
      continue;
    }
    if (pending)
      g_string_append_c(s, ' ');
    pending = FALSE;
    g_string_append_len(s, p, g_utf8_next_char(p) - p);
  }
  return g_string_free(s, FALSE);
}

char *
netan_norm_i_text(const char *value, GError **error)
{
  g_autofree char *collapsed = collapse_space(value);
  if (collapsed[0] == '\0') {
    /* an entity key cannot be empty; say so here rather than later */
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "the value is empty");
    return NULL;
  }
  /* NFC: "Đ" typed as D + combining stroke, or "é" as e + acute, must be
   * the same key as the precomposed form. */
  return g_utf8_normalize(collapsed, -1, G_NORMALIZE_NFC);
}

char *
netan_norm_i_email(const char *value, GError **error)
{
  g_autofree char *q = netan_norm_i_quote(value);
  /* trims Unicode white space too; white space left inside is rejected below */
  g_autofree char *trimmed = collapse_space(value);
  g_autofree char *nfc = g_utf8_normalize(trimmed, -1, G_NORMALIZE_NFC);
  /* Lower case all of it: domains are case-insensitive, and although the
   * local part formally is not, no mail provider treats it so. */
  char *key = g_utf8_strdown(nfc, -1);
  const char *why = NULL;
  const char *at = strchr(key, '@');

  if (key[0] == '\0')
    why = "it is empty";
  else if (at == NULL)
    why = "it has no \"@\"";
  else if (strchr(at + 1, '@') != NULL)
    why = "it has more than one \"@\"";
  else if (at == key)
    why = "nothing comes before the \"@\"";
  for (const char *p = key; why == NULL && *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_isspace(c))
      why = "it contains white space";
    else if (g_unichar_iscntrl(c))
      why = "it contains a control character";
  }
  if (why == NULL) {
    const char *domain = at + 1;
    if (strchr(domain, '.') == NULL)
      why = "its domain has no dot";
    else if (domain[0] == '.' || domain[strlen(domain) - 1] == '.' || strstr(domain, "..") != NULL)
      why = "its domain has an empty part";
  }
  if (why != NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s is not an e-mail address: %s", q, why);
    g_free(key);
    return NULL;
  }
  return key;
}
