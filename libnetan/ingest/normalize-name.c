/* Names to matching keys: ICU transliteration to ASCII Latin, case
 * folding, words sorted (the rule is documented at NETAN_NORMALIZE_NAME).
 * In the netan-i18n module (i18n-module.h), with the rest of what needs ICU.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/i18n-module.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>

/*
 * The transform: ICU's "Any-Latin; Latin-ASCII", preceded by the letters of
 * Serbian and Macedonian Cyrillic that have a digraph in those languages'
 * own Latin alphabets. Any-Latin follows ISO 9, which writes Љ Њ Џ as L̂ N̂
 * D̂ (so "Љубица" would become "Lubica" and "Хоџа" "Hoda"), while the same
 * people's documents in Latin read Ljubica, Hodža; with these rules the
 * Cyrillic and Latin spellings give one key. Macedonian Ѓ Ќ Ѕ become Gj Kj
 * Dz as in Macedonian passports. The letters are specific to these two
 * languages, so Russian, Ukrainian, Bulgarian names are unaffected. Ђ and
 * Ћ need no rule: ISO 9 and Serbian Latin agree (Đ, Ć).
 * bindings/python/tests/test_normalize.py applies this same text with
 * python3-icu as the oracle.
 */
static const char name_rules[] =
  "\xD0\x89 > Lj ; \xD1\x99 > lj ; "        /* Љ љ */
  "\xD0\x8A > Nj ; \xD1\x9A > nj ; "        /* Њ њ */
  "\xD0\x8F > D\xC5\xBE ; \xD1\x9F > d\xC5\xBE ; " /* Џ џ > Dž dž */
  "\xD0\x83 > Gj ; \xD1\x93 > gj ; "        /* Ѓ ѓ */
  "\xD0\x8C > Kj ; \xD1\x9C > kj ; "        /* Ќ ќ */
  "\xD0\x85 > Dz ; \xD1\x95 > dz ; "        /* Ѕ ѕ */
  ":: Any-Latin ; :: Latin-ASCII ;";

/* A UTransliterator is not thread-safe and costs milliseconds to build
 * (it compiles rule sets): build it once, use it under a lock. It is never
 * closed; it lives as long as the process, like ICU's own caches. */
static GMutex trans_lock;
static UTransliterator *trans;
static UErrorCode trans_status = U_ZERO_ERROR;  /* of the one attempt to open it */

/* Called with trans_lock held. */
static gboolean
trans_open_locked(GError **error)
{
  if (trans == NULL && U_SUCCESS(trans_status)) {
    glong n = 0;
    gunichar2 *rules = g_utf8_to_utf16(name_rules, -1, NULL, &n, NULL);
    const UChar id[] = { 'n', 'e', 't', 'a', 'n', '-', 'n', 'a', 'm', 'e', 0 };
    UParseError pe;
    trans = utrans_openU(id, -1, UTRANS_FORWARD, (const UChar *)rules, (int32_t)n, &pe,
                         &trans_status);
    g_free(rules);
    if (U_FAILURE(trans_status) && trans != NULL) {
      utrans_close(trans);
      trans = NULL;
    }
  }
  if (trans == NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND,
                "ICU cannot build the name transliterator (%s); is ICU's data installed?",
                u_errorName(trans_status));
    return FALSE;
  }
  return TRUE;
}

/* Transliterates @src (UTF-16, @len units) into a new buffer; *@out_len
 * gets its length. NULL with @error set if ICU fails. */
static UChar *
transliterate(const UChar *src, int32_t len, int32_t *out_len, GError **error)
{
  /* Room for growth: "Щ" and CJK characters become several letters. */
  int32_t cap = len * 4 + 16;
  for (int attempt = 0; attempt < 2; attempt++) {
    UChar *buf = g_new(UChar, cap);
    memcpy(buf, src, sizeof(UChar) * (size_t)len);
    int32_t text_len = len, limit = len;
    UErrorCode st = U_ZERO_ERROR;
    g_mutex_lock(&trans_lock);
    gboolean ok = trans_open_locked(error);
    if (ok)
      utrans_transUChars(trans, buf, &text_len, cap, 0, &limit, &st);
    g_mutex_unlock(&trans_lock);
    if (!ok) {
      g_free(buf);
      return NULL;
    }
    if (U_SUCCESS(st)) {
      *out_len = text_len;
      return buf;
    }
    g_free(buf);
    if (st != U_BUFFER_OVERFLOW_ERROR || attempt == 1) {
      g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND, "ICU transliteration failed: %s",
                  u_errorName(st));
      return NULL;
    }
    /* the buffer was too small: ICU reported the length it needs */
    cap = MAX(text_len, cap * 2) + 16;
  }
  return NULL;
}

static gboolean
is_apostrophe(UChar32 c)
{
  /* Inside a word: "O'Brien" and "OBrien" are one name, not "brien o".
   * ʼ and ʻ are letters to Unicode (Lm), so test before u_isalpha(). */
  switch (c) {
  case 0x0027: case 0x0060: case 0x00B4: case 0x02BB: case 0x02BC:
  case 0x2018: case 0x2019: case 0x2032:
    return TRUE;
  default:
    return FALSE;
  }
}

static int
cmp_strings(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

char *
netan_i18n_i_name(const char *value, GError **error)
{
  glong len16 = 0;
  g_autofree gunichar2 *src = g_utf8_to_utf16(value, -1, NULL, &len16, NULL);
  if (src == NULL || len16 > G_MAXINT32 / 8) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "the name is too long");
    return NULL;
  }
  int32_t tlen = 0;
  g_autofree UChar *latin = transliterate((const UChar *)src, (int32_t)len16, &tlen, error);
  if (latin == NULL)
    return NULL;

  /* Full case folding (ICU's, like Python's str.casefold): "ß" and "SS"
   * agree; preflight first because folding can lengthen the text. */
  UErrorCode st = U_ZERO_ERROR;
  int32_t flen = u_strFoldCase(NULL, 0, latin, tlen, U_FOLD_CASE_DEFAULT, &st);
  if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND, "ICU case folding failed: %s",
                u_errorName(st));
    return NULL;
  }
  g_autofree UChar *folded = g_new(UChar, flen + 1);
  st = U_ZERO_ERROR;
  u_strFoldCase(folded, flen + 1, latin, tlen, U_FOLD_CASE_DEFAULT, &st);
  if (U_FAILURE(st)) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND, "ICU case folding failed: %s",
                u_errorName(st));
    return NULL;
  }

  /* Words: runs of letters; apostrophes vanish, anything else separates. */
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free);
  GString *word = g_string_new(NULL);
  for (int32_t i = 0; i <= flen; ) {
    UChar32 c = 0;
    if (i < flen)
      U16_NEXT(folded, i, flen, c);
    else
      i++;  /* one step past the end flushes the last word */
    if (c != 0 && is_apostrophe(c))
      continue;
    if (c != 0 && u_isalpha(c)) {
      g_string_append_unichar(word, (gunichar)c);
    } else if (word->len > 0) {
      g_ptr_array_add(words, g_strndup(word->str, word->len));
      g_string_truncate(word, 0);
    }
  }
  g_string_free(word, TRUE);
  if (words->len == 0) {
    g_autofree char *q = netan_norm_i_quote(value);
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s is not a name: it has no letters", q);
    return NULL;
  }
  /* Word order varies by source ("HOXHA Dritan" in registers, "Dritan
   * Hoxha" in statements): sort the words, by code point. */
  g_ptr_array_sort(words, cmp_strings);
  GString *key = g_string_new(NULL);
  for (guint i = 0; i < words->len; i++) {
    if (i)
      g_string_append_c(key, ' ');
    g_string_append(key, g_ptr_array_index(words, i));
  }
  return g_string_free(key, FALSE);
}
