/* Normalizers of structured identifiers: vehicle plates, IBANs, IMEIs.
 * The rules are in include/netan/netan-normalize.h; here is why they are
 * the way they are.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/normalize-private.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- plates */

/* Characters people and databases put between the parts of a plate. */
static gboolean
plate_separator(gunichar c)
{
  switch (c) {
  case '-': case '.':
  case 0x00B7:                   /* · middle dot (Catalan, some registries) */
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: /* hyphens, dashes */
  case 0x2022: case 0x2027:      /* bullet, hyphenation point */
  case 0x2212:                   /* minus sign */
  case 0x2219: case 0x22C5:      /* bullet and dot operators */
  case 0x30FB: case 0xFF65:      /* katakana middle dots (keyboard look-alikes) */
    return TRUE;
  default:
    return g_unichar_isspace(c);
  }
}

/* An upper-case letter of another script that a plate clerk or a police
 * database may have typed for the Latin letter it looks like. Plates of
 * Serbia, Bosnia, North Macedonia, Montenegro, Russia, Ukraine, Bulgaria
 * (Cyrillic-written registrations use only these letters) and Greece use
 * exactly such look-alike letters, so reading them as Latin is right. */
static gunichar
plate_lookalike(gunichar c)
{
  switch (c) {
  /* Cyrillic */
  case 0x0410: return 'A'; case 0x0412: return 'B'; case 0x0415: return 'E';
  case 0x041A: return 'K'; case 0x041C: return 'M'; case 0x041D: return 'H';
  case 0x041E: return 'O'; case 0x0420: return 'P'; case 0x0421: return 'C';
  case 0x0422: return 'T'; case 0x0423: return 'Y'; case 0x0425: return 'X';
  case 0x0405: return 'S';  /* Ѕ (Macedonian dze) */
  case 0x0406: return 'I';  /* І (Ukrainian, Belarusian) */
  case 0x0408: return 'J';  /* Ј (Serbian, Macedonian) */
  /* Greek */
  case 0x0391: return 'A'; case 0x0392: return 'B'; case 0x0395: return 'E';
  case 0x0396: return 'Z'; case 0x0397: return 'H'; case 0x0399: return 'I';
  case 0x039A: return 'K'; case 0x039C: return 'M'; case 0x039D: return 'N';
  case 0x039F: return 'O'; case 0x03A1: return 'P'; case 0x03A4: return 'T';
  case 0x03A5: return 'Y'; case 0x03A7: return 'X';
  /* Latin letters with a stroke have no Unicode decomposition to fold */
  case 0x0110: return 'D';  /* Đ (Croatian, Serbian Latin, Bosnian) */
  case 0x00D0: return 'D';  /* Ð (eth, often typed for Đ) */
  default: return c;
  }
}

static gboolean
ascii_upper_or_digit(gunichar c)
{
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char *
netan_norm_i_plate(const char *value, GError **error)
{
  GString *key = g_string_sized_new(16);
  for (const char *p = value; *p; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (plate_separator(c))
      continue;
    /* Case first (so lower-case Cyrillic and Greek find their look-alike),
     * then the compatibility decomposition: Š → S + caron, full-width Ａ → A;
     * the marks it splits off are the diacritics we fold away. */
    gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    gsize n = g_unichar_fully_decompose(plate_lookalike(g_unichar_toupper(c)), TRUE, parts,
                                        G_N_ELEMENTS(parts));
    for (gsize i = 0; i < n; i++) {
      gunichar d = parts[i];
      if (g_unichar_ismark(d) || plate_separator(d))
        continue;
      d = plate_lookalike(g_unichar_toupper(d));
      if (!ascii_upper_or_digit(d)) {
        g_autofree char *q = netan_norm_i_quote(value);
        char bad[8] = { 0 };
        g_unichar_to_utf8(c, bad);
        g_autofree char *qbad = netan_norm_i_quote(bad);
        g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE,
                    "%s is not a vehicle plate: %s is not a letter A-Z or a digit", q, qbad);
        g_string_free(key, TRUE);
        return NULL;
      }
      g_string_append_c(key, (char)d);
    }
  }
  if (key->len == 0) {
    g_autofree char *q = netan_norm_i_quote(value);
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE,
                "%s is not a vehicle plate: it has no letters or digits", q);
    g_string_free(key, TRUE);
    return NULL;
  }
  return g_string_free(key, FALSE);
}

/* ---------------------------------------------------------------- IBAN */

/*
 * The countries of the SWIFT IBAN registry (as of 2024), with the
 * IBAN length and the account part (BBAN) in the registry's notation: runs
 * of n digits, a upper-case letters, c letters or digits. Sorted by code.
 * A test checks length == 4 + the BBAN's length for every row, and the
 * pytest suite checks each against python3-stdnum's registry copy.
 */
static const netan_iban_country_t iban_countries[] = {
  { "AD", 24, "4n4n12c" },   { "AE", 23, "3n16n" },      { "AL", 28, "8n16c" },
  { "AT", 20, "5n11n" },     { "AZ", 28, "4a20c" },      { "BA", 20, "3n3n8n2n" },
  { "BE", 16, "3n7n2n" },    { "BG", 22, "4a4n2n8c" },   { "BH", 22, "4a14c" },
  { "BI", 27, "5n5n11n2n" }, { "BR", 29, "8n5n10n1a1c" }, { "BY", 28, "4c4n16c" },
  { "CH", 21, "5n12c" },     { "CR", 22, "4n14n" },      { "CY", 28, "3n5n16c" },
  { "CZ", 24, "4n6n10n" },   { "DE", 22, "8n10n" },      { "DJ", 27, "5n5n11n2n" },
  { "DK", 18, "4n9n1n" },    { "DO", 28, "4c20n" },      { "EE", 20, "2n2n11n1n" },
  { "EG", 29, "4n4n17n" },   { "ES", 24, "4n4n1n1n10n" }, { "FI", 18, "3n11n" },
  { "FK", 18, "2a12n" },     { "FO", 18, "4n9n1n" },     { "FR", 27, "5n5n11c2n" },
  { "GB", 22, "4a6n8n" },    { "GE", 22, "2a16n" },      { "GI", 23, "4a15c" },
  { "GL", 18, "4n9n1n" },    { "GR", 27, "3n4n16c" },    { "GT", 28, "4c20c" },
  { "HN", 28, "4a20n" },     { "HR", 21, "7n10n" },      { "HU", 28, "3n4n1n15n1n" },
  { "IE", 22, "4a6n8n" },    { "IL", 23, "3n3n13n" },    { "IQ", 23, "4a3n12n" },
  { "IS", 26, "4n2n6n10n" }, { "IT", 27, "1a5n5n12c" },  { "JO", 30, "4a4n18c" },
  { "KW", 30, "4a22c" },     { "KZ", 20, "3n13c" },      { "LB", 28, "4n20c" },
  { "LC", 32, "4a24c" },     { "LI", 21, "5n12c" },      { "LT", 20, "5n11n" },
  { "LU", 20, "3n13c" },     { "LV", 21, "4a13c" },      { "LY", 25, "3n3n15n" },
  { "MC", 27, "5n5n11c2n" }, { "MD", 24, "2c18c" },      { "ME", 22, "3n13n2n" },
  { "MK", 19, "3n10c2n" },   { "MN", 20, "4n12n" },      { "MR", 27, "5n5n11n2n" },
  { "MT", 31, "4a5n18c" },   { "MU", 30, "4a2n2n12n3n3a" }, { "NI", 28, "4a20n" },
  { "NL", 18, "4a10n" },     { "NO", 15, "4n6n1n" },     { "OM", 23, "3n16c" },
  { "PK", 24, "4a16c" },     { "PL", 28, "8n16n" },      { "PS", 29, "4a21c" },
  { "PT", 25, "4n4n11n2n" }, { "QA", 29, "4a21c" },      { "RO", 24, "4a16c" },
  { "RS", 22, "3n13n2n" },   { "RU", 33, "9n5n15c" },    { "SA", 24, "2n18c" },
  { "SC", 31, "4a2n2n16n3a" }, { "SD", 18, "2n12n" },    { "SE", 24, "3n16n1n" },
  { "SI", 19, "5n8n2n" },    { "SK", 24, "4n6n10n" },    { "SM", 27, "1a5n5n12c" },
  { "SO", 23, "4n3n12n" },   { "ST", 25, "4n4n11n2n" },  { "SV", 28, "4a20n" },
  { "TL", 23, "3n14n2n" },   { "TN", 24, "2n3n13n2n" },  { "TR", 26, "5n1n16c" },
  { "UA", 29, "6n19c" },     { "VA", 22, "3n15n" },      { "VG", 24, "4a16n" },
  { "XK", 20, "4n10n2n" },   { "YE", 30, "4a4n18c" },
};

const netan_iban_country_t *
netan_norm_i_iban_countries(size_t *n)
{
  *n = G_N_ELEMENTS(iban_countries);
  return iban_countries;
}

static int
iban_country_cmp(const void *key, const void *elem)
{
  return strncmp(key, ((const netan_iban_country_t *)elem)->cc, 2);
}

/* "8 digits, then 16 letters or digits" for a reason a person reads. */
static char *
describe_bban(const char *bban)
{
  GString *s = g_string_new(NULL);
  int run = 0;
  char last = 0;
  /* merge adjacent runs of one class: "3n13n2n" reads as "18 digits" */
  for (const char *p = bban;; ) {
    int count = 0;
    char cls = 0;
    if (*p) {
      char *end;
      count = (int)strtol(p, &end, 10);
      cls = *end;
      p = end + 1;
    }
    if (cls != last && last != 0) {
      const char *what = last == 'n' ? "digit" : last == 'a' ? "letter" : "letter or digit";
      g_string_append_printf(s, "%s%d %s%s", s->len ? ", then " : "", run,
                             last == 'c' && run != 1 ? "letters or digits" : what,
                             last != 'c' && run != 1 ? "s" : "");
      run = 0;
    }
    if (cls == 0)
      break;
    last = cls;
    run += count;
  }
  return g_string_free(s, FALSE);
}

/* The 1-based position of the first character of @bban (the account part)
 * that does not fit @format, or 0 if all fit. */
static int
bban_mismatch(const char *bban, const char *format, char *want)
{
  int pos = 0;
  for (const char *f = format; *f; ) {
    char *end;
    long count = strtol(f, &end, 10);
    char cls = *end;
    f = end + 1;
    for (long i = 0; i < count; i++, pos++) {
      char c = bban[pos];
      gboolean ok = cls == 'n' ? g_ascii_isdigit(c)
                  : cls == 'a' ? (c >= 'A' && c <= 'Z')
                  : (g_ascii_isdigit(c) || (c >= 'A' && c <= 'Z'));
      if (!ok) {
        *want = cls;
        return pos + 1;
      }
    }
  }
  return 0;
}

/* ISO 7064 MOD 97-10 over the rearranged IBAN (country and check digits
 * moved to the end, letters as 10..35), digit by digit so that no big
 * integer is needed. */
static int
iban_mod97(const char *iban)
{
  size_t len = strlen(iban);
  int r = 0;
  for (size_t k = 0; k < len; k++) {
    char c = iban[(k + 4) % len];
    if (g_ascii_isdigit(c))
      r = (r * 10 + (c - '0')) % 97;
    else
      r = (r * 100 + (c - 'A' + 10)) % 97;
  }
  return r;
}

char *
netan_norm_i_iban(const char *value, GError **error)
{
  g_autofree char *q = netan_norm_i_quote(value);
  GString *s = g_string_sized_new(36);
  const char *why = NULL;
  char *detail = NULL;

  /* Printed IBANs are grouped by spaces (paper format); hyphens and dots
   * turn up in spreadsheets. python-stdnum drops the same three. */
  for (const char *p = value; *p && why == NULL; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_isspace(c) || c == '-' || c == '.')
      continue;
    if (c < 0x80 && g_ascii_isalnum((char)c))
      g_string_append_c(s, g_ascii_toupper((char)c));
    else
      why = "it contains a character that is not a letter A-Z or a digit";
  }
  const netan_iban_country_t *country = NULL;
  if (why == NULL) {
    if (s->len < 4 || !g_ascii_isalpha(s->str[0]) || !g_ascii_isalpha(s->str[1])
        || !g_ascii_isdigit(s->str[2]) || !g_ascii_isdigit(s->str[3]))
      why = "it does not start with a country code and two check digits";
    else if ((country = bsearch(s->str, iban_countries, G_N_ELEMENTS(iban_countries),
                                sizeof iban_countries[0], iban_country_cmp)) == NULL)
      why = detail = g_strdup_printf("%.2s is not a country that uses IBANs", s->str);
    else if (s->len != country->length)
      why = detail = g_strdup_printf("it has %u characters, IBANs of %s have %u (wrong length)",
                                     (unsigned)s->len, country->cc, (unsigned)country->length);
    else if (strncmp(s->str + 2, "00", 2) == 0 || strncmp(s->str + 2, "01", 2) == 0
             || strncmp(s->str + 2, "99", 2) == 0)
      /* ISO 13616: the computed check digits are always 02..98; these three
       * can only be typed, even when they happen to satisfy mod 97. */
      why = detail = g_strdup_printf("its check digits %.2s are not 02 to 98 (bad check digits)",
                                     s->str + 2);
  }
  if (why == NULL) {
    char want = 0;
    int pos = bban_mismatch(s->str + 4, country->bban, &want);
    if (pos > 0) {
      g_autofree char *shape = describe_bban(country->bban);
      why = detail = g_strdup_printf("character %d should be a %s (in IBANs of %s the account "
                                     "part is %s)", pos + 4,
                                     want == 'n' ? "digit" : want == 'a' ? "letter" : "letter or digit",
                                     country->cc, shape);
    } else if (iban_mod97(s->str) != 1) {
      why = "its check digits do not match the rest (bad check digits: the mod-97 check fails)";
    }
  }
  if (why != NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s is not a valid IBAN: %s", q, why);
    g_free(detail);
    g_string_free(s, TRUE);
    return NULL;
  }
  return g_string_free(s, FALSE);
}

/* ---------------------------------------------------------------- IMEI */

/* The Luhn check digit of a 14-digit IMEI body (3GPP TS 23.003 annex B):
 * every second digit from the right of the body is doubled. */
static char
imei_check_digit(const char *body)
{
  int sum = 0;
  for (int i = 0; i < 14; i++) {
    int d = body[i] - '0';
    if (i % 2 == 1) {
      d *= 2;
      if (d > 9)
        d -= 9;
    }
    sum += d;
  }
  return (char)('0' + (10 - sum % 10) % 10);
}

char *
netan_norm_i_imei(const char *value, GError **error)
{
  g_autofree char *q = netan_norm_i_quote(value);
  char digits[16];
  size_t n = 0;
  const char *why = NULL;
  char *detail = NULL;

  /* Handset labels print "35-209900-176148-1" or "35 209900 176148 1";
   * some records add "/SV" separators with a slash. */
  for (const char *p = value; *p && why == NULL; p = g_utf8_next_char(p)) {
    gunichar c = g_utf8_get_char(p);
    if (g_unichar_isspace(c) || c == '-' || c == '/' || c == '.')
      continue;
    if (c < '0' || c > '9')
      why = "it contains a character that is not a digit";
    else if (n < sizeof digits)
      digits[n++] = (char)c;
    else
      n = sizeof digits + 1;  /* too long; counted no further */
  }
  if (why == NULL) {
    if (n == 0)
      why = "it has no digits";
    else if (n == 16)
      why = "it has 16 digits, which is an IMEISV (with a software version), not an IMEI";
    else if (n != 14 && n != 15)
      why = detail = n > 16 ? g_strdup("it has more than 16 digits; an IMEI has 15")
                            : g_strdup_printf("it has %u digits; an IMEI has 15 (or 14 without "
                                              "the check digit)", (unsigned)n);
    else if (memcmp(digits, "00000000000000", 14) == 0)
      why = "it is all zeros, a placeholder for an unknown handset";
  }
  if (why == NULL && n == 15 && imei_check_digit(digits) != digits[14])
    why = detail = g_strdup_printf("its check digit is %c, the Luhn check digit is %c",
                                   digits[14], imei_check_digit(digits));
  if (why != NULL) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s is not a valid IMEI: %s", q, why);
    g_free(detail);
    return NULL;
  }
  /* 14 digits: the check digit was left out (it is not transmitted on the
   * network, so some operators store IMEIs without it); add it so both
   * spellings give one key. */
  digits[14] = imei_check_digit(digits);
  return g_strndup(digits, 15);
}
