/* /normalize: identifiers to entity keys, the cache, Jaro–Winkler.
 * Expected values are written by hand from the rules (and, for phones and
 * IBANs, the published example numbers of each country's plan); the
 * pytest suite compares with independent implementations in bulk.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "harness.h"
#include "ingest/normalize-private.h"

#include <math.h>
#include <string.h>

/* Asserts that normalizing @value gives @expected. */
#define ASSERT_KEY(n, value, region, expected)                                  \
  do {                                                                          \
    GError *e_ = NULL;                                                          \
    char *k_ = netan_normalize((n), (value), (region), &e_);                    \
    if (k_ == NULL || strcmp(k_, (expected)) != 0)                              \
      fprintf(stderr, "\n  %s(%s, %s): got %s (%s), want %s\n",                 \
              netan_normalizer_name(n), (value), (region) ? (region) : "-",     \
              k_ ? k_ : "NULL", e_ ? e_->message : "", (expected));            \
    CU_ASSERT_PTR_NULL(e_);                                                     \
    CU_ASSERT_PTR_NOT_NULL(k_);                                                 \
    if (k_)                                                                     \
      CU_ASSERT_STRING_EQUAL(k_, (expected));                                   \
    g_free(k_);                                                                 \
    g_clear_error(&e_);                                                         \
  } while (0)

/* Normalizes @value expecting failure with @code; returns the message
 * (g_free) so a test can check it reads well. */
static char *
rejected(netan_normalizer_t n, const char *value, const char *region, int code)
{
  GError *e = NULL;
  char *k = netan_normalize(n, value, region, &e);
  if (k != NULL)
    fprintf(stderr, "\n  %s(%s): accepted as %s, want a rejection\n",
            netan_normalizer_name(n), value, k);
  CU_ASSERT_PTR_NULL(k);
  g_free(k);
  if (e == NULL) {
    CU_FAIL("no error set");
    return g_strdup("");
  }
  CU_ASSERT_EQUAL(e->domain, NETAN_ERROR);
  CU_ASSERT_EQUAL(e->code, code);
  char *msg = g_strdup(e->message);
  g_error_free(e);
  return msg;
}

#define ASSERT_REJECTED(n, value, region)                                       \
  g_free(rejected((n), (value), (region), NETAN_ERROR_PARSE))

/* ---------------------------------------------------------------- names, arguments */

static void
test_normalizer_names(void)
{
  static const char *const names[] = { "none", "text", "phone", "plate", "iban", "imei", "email", "name" };
  for (int i = 0; i < (int)G_N_ELEMENTS(names); i++) {
    netan_normalizer_t n = NETAN_NORMALIZE_NAME;
    CU_ASSERT_TRUE(netan_normalizer_from_name(names[i], &n));
    CU_ASSERT_EQUAL((int)n, i);
    CU_ASSERT_STRING_EQUAL(netan_normalizer_name(n), names[i]);
  }
  netan_normalizer_t n = NETAN_NORMALIZE_PLATE;
  CU_ASSERT_TRUE(netan_normalizer_from_name("PHONE", &n));
  CU_ASSERT_EQUAL(n, NETAN_NORMALIZE_PHONE);
  n = NETAN_NORMALIZE_PLATE;
  CU_ASSERT_FALSE(netan_normalizer_from_name("telephone", &n));
  CU_ASSERT_FALSE(netan_normalizer_from_name("", &n));
  CU_ASSERT_FALSE(netan_normalizer_from_name(NULL, &n));
  CU_ASSERT_EQUAL(n, NETAN_NORMALIZE_PLATE);  /* untouched on failure */
  CU_ASSERT_PTR_NULL(netan_normalizer_name((netan_normalizer_t)99));
  CU_ASSERT_PTR_NULL(netan_normalizer_name((netan_normalizer_t)-1));
}

static void
test_bad_arguments(void)
{
  for (int i = 0; i <= NETAN_NORMALIZE_NAME; i++) {
    GError *e = NULL;
    CU_ASSERT_PTR_NULL(netan_normalize((netan_normalizer_t)i, NULL, NULL, &e));
    ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
    /* invalid UTF-8 (a windows-1250 "š") is the input's fault: a parse error */
    g_autofree char *m = rejected((netan_normalizer_t)i, "Ko\x9a" "ice 1", "AL", NETAN_ERROR_PARSE);
    ASSERT_CONTAINS(m, "UTF-8");
    /* a truncated multi-byte sequence at the very end */
    ASSERT_REJECTED((netan_normalizer_t)i, "+355 69 212 345\xD0", "AL");
  }
  GError *e = NULL;
  CU_ASSERT_PTR_NULL(netan_normalize((netan_normalizer_t)42, "x", NULL, &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
  /* a default region libphonenumber does not know is the caller's mistake */
  g_autofree char *m = rejected(NETAN_NORMALIZE_PHONE, "0692123456", "QQ", NETAN_ERROR_INVALID_ARGUMENT);
  ASSERT_CONTAINS(m, "\"QQ\" is not a region");
  g_free(rejected(NETAN_NORMALIZE_PHONE, "0692123456", "ALB", NETAN_ERROR_INVALID_ARGUMENT));
  g_free(rejected(NETAN_NORMALIZE_PHONE, "0692123456", "ZZ", NETAN_ERROR_INVALID_ARGUMENT));
  g_free(rejected(NETAN_NORMALIZE_PHONE, "0692123456", "A\xFF", NETAN_ERROR_INVALID_ARGUMENT));
  CU_ASSERT_TRUE(netan_norm_i_region_check(NULL, NULL));
  CU_ASSERT_TRUE(netan_norm_i_region_check("", NULL));
  CU_ASSERT_TRUE(netan_norm_i_region_check("xk", NULL));
  CU_ASSERT_FALSE(netan_norm_i_region_check("QQ", &e));
  ASSERT_NETAN_ERROR(e, NETAN_ERROR_INVALID_ARGUMENT);
}

static void
test_reason_quoting(void)
{
  /* a huge or multi-line field must not make a huge or multi-line reason */
  GString *big = g_string_new("bad\n\"plate\"");
  for (int i = 0; i < 100000; i++)
    g_string_append(big, "Ф");
  g_autofree char *m = rejected(NETAN_NORMALIZE_PLATE, big->str, NULL, NETAN_ERROR_PARSE);
  g_string_free(big, TRUE);
  CU_ASSERT(strlen(m) < 300);
  CU_ASSERT_PTR_NULL(strchr(m, '\n'));
  ASSERT_CONTAINS(m, "\"bad\\x0A\\\"plate\\\"ФФФ");
  ASSERT_CONTAINS(m, "…\"");
}

/* ---------------------------------------------------------------- none, text */

static void
test_none_text(void)
{
  ASSERT_KEY(NETAN_NORMALIZE_NONE, "  As  Is ", NULL, "  As  Is ");
  ASSERT_KEY(NETAN_NORMALIZE_NONE, "", NULL, "");
  ASSERT_KEY(NETAN_NORMALIZE_TEXT, "  Rruga   e\tDurrësit \n", NULL, "Rruga e Durrësit");
  /* no-break and ideographic spaces are white space too */
  ASSERT_KEY(NETAN_NORMALIZE_TEXT, "\xC2\xA0Tirana\xE3\x80\x80" "Durr\xC3\xABs", NULL, "Tirana Durrës");
  /* NFC: e + combining diaeresis is the precomposed ë */
  ASSERT_KEY(NETAN_NORMALIZE_TEXT, "Durre\xCC\x88s", NULL, "Durr\xC3\xABs");
  ASSERT_KEY(NETAN_NORMALIZE_TEXT, "Хоџа", NULL, "Хоџа");
  ASSERT_REJECTED(NETAN_NORMALIZE_TEXT, "", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_TEXT, " \t\xC2\xA0 ", NULL);
}

/* ---------------------------------------------------------------- phones */

static void
test_phone_albania(void)
{
  /* the issue's three spellings of one number */
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "+355 69 212 3456", NULL, "+355692123456");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "+355 69 212 3456", "AL", "+355692123456");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "00355692123456", "AL", "+355692123456");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "00355692123456", NULL, "+355692123456");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, " 00 355 69 212 3456", "", "+355692123456");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "0692123456", "AL", "+355692123456");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "0692123456", "al", "+355692123456");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "(069) 212-34-56", "AL", "+355692123456");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "022 345 678", "AL", "+35522345678");  /* Durrës landline */
  /* E.164 has no extension: it is dropped */
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "+355 69 212 3456 ext. 12", NULL, "+355692123456");

  g_autofree char *m1 = rejected(NETAN_NORMALIZE_PHONE, "0692", "AL", NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m1, "\"0692\" is not a valid phone number for region AL");
  /* no region: a national number cannot be placed */
  g_autofree char *m2 = rejected(NETAN_NORMALIZE_PHONE, "0692123456", NULL, NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m2, "needs + or 00");
  ASSERT_REJECTED(NETAN_NORMALIZE_PHONE, "0692123456", "");
  /* possible by length, but no Albanian range starts 0600 */
  ASSERT_REJECTED(NETAN_NORMALIZE_PHONE, "0600123456", "AL");
  ASSERT_REJECTED(NETAN_NORMALIZE_PHONE, "+355 69 212 34567890", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_PHONE, "unknown", "AL");
  ASSERT_REJECTED(NETAN_NORMALIZE_PHONE, "", "AL");
  ASSERT_REJECTED(NETAN_NORMALIZE_PHONE, "+999 123 456 789", NULL);
}

static void
test_phone_region(void)
{
  /* national notations of the Western Balkans and destination countries
   * (libphonenumber's example numbers for each plan) */
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "043 201 234", "XK", "+38343201234");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "+383 43 201 234", NULL, "+38343201234");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "072 345 678", "MK", "+38972345678");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "02 201 2345", "MK", "+38922012345");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "060 1234567", "RS", "+381601234567");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "00381 10 234567", "RS", "+38110234567");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "061 123 456", "BA", "+38761123456");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "030 212-345", "BA", "+38730212345");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "067 622 901", "ME", "+38267622901");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "092 123 4567", "HR", "+385921234567");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "01 2345 678", "HR", "+38512345678");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "01512 3456789", "DE", "+4915123456789");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "0664 123456", "AT", "+43664123456");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "312 345 6789", "IT", "+393123456789");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "02 1234 5678", "IT", "+390212345678");  /* Italy keeps the 0 */
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "691 234 5678", "GR", "+306912345678");
  /* a number written with its country code wins over the default region */
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "+43 664 123456", "AL", "+43664123456");
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "0043 664 123456", "RS", "+43664123456");
  /* the same digits are a different number in another country */
  ASSERT_KEY(NETAN_NORMALIZE_PHONE, "061 123 456", "BA", "+38761123456");
  ASSERT_REJECTED(NETAN_NORMALIZE_PHONE, "061 123 456", "XK");
  g_autofree char *m = rejected(NETAN_NORMALIZE_PHONE, "0692", "XK", NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m, "for region XK");
}

/* ---------------------------------------------------------------- plates */

static void
test_plate(void)
{
  ASSERT_KEY(NETAN_NORMALIZE_PLATE, "BG 123-AB", NULL, "BG123AB");
  ASSERT_KEY(NETAN_NORMALIZE_PLATE, "bg123ab", NULL, "BG123AB");
  /* Cyrillic look-alikes, upper and lower case, mixed with Latin */
  ASSERT_KEY(NETAN_NORMALIZE_PLATE, "вg123ав", NULL, "BG123AB");
  ASSERT_KEY(NETAN_NORMALIZE_PLATE, "АВЕКМНОРСТУХ", NULL, "ABEKMHOPCTYX");
  ASSERT_KEY(NETAN_NORMALIZE_PLATE, "авекмнорстух", NULL, "ABEKMHOPCTYX");
  /* dots, middle dots, dashes, no-break spaces */
  ASSERT_KEY(NETAN_NORMALIZE_PLATE, "W·12345.A", NULL, "W12345A");
  ASSERT_KEY(NETAN_NORMALIZE_PLATE, "TR\xC2\xA0" "234\xE2\x80\x93" "AB", NULL, "TR234AB");
  /* diacritics of Balkan plates folded */
  ASSERT_KEY(NETAN_NORMALIZE_PLATE, "ŠI 123-ŽĆ", NULL, "SI123ZC");
  ASSERT_KEY(NETAN_NORMALIZE_PLATE, "čđ 1", NULL, "CD1");
  /* Greek plates use the Latin look-alike letters */
  ASSERT_KEY(NETAN_NORMALIZE_PLATE, "ΙΚΗ-1234", NULL, "IKH1234");
  /* full-width forms from East Asian input methods */
  ASSERT_KEY(NETAN_NORMALIZE_PLATE, "\xEF\xBC\xA1\xEF\xBC\x91", NULL, "A1");

  g_autofree char *m = rejected(NETAN_NORMALIZE_PLATE, "ЖК 123", NULL, NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m, "\"Ж\" is not a letter A-Z or a digit");
  ASSERT_REJECTED(NETAN_NORMALIZE_PLATE, "BG_123", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_PLATE, "BG/123", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_PLATE, " - . ", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_PLATE, "", NULL);
}

/* ---------------------------------------------------------------- IBAN */

static void
test_iban_table(void)
{
  size_t n;
  const netan_iban_country_t *rows = netan_norm_i_iban_countries(&n);
  CU_ASSERT(n >= 80);
  for (size_t i = 0; i < n; i++) {
    int sum = 0;
    for (const char *p = rows[i].bban; *p; ) {
      char *end;
      sum += (int)strtol(p, &end, 10);
      CU_ASSERT(*end == 'n' || *end == 'a' || *end == 'c');
      p = end + 1;
    }
    if (sum + 4 != rows[i].length)
      fprintf(stderr, "\n  %s: length %u, BBAN %s\n", rows[i].cc, rows[i].length, rows[i].bban);
    CU_ASSERT_EQUAL(sum + 4, rows[i].length);
    if (i > 0)
      CU_ASSERT(strcmp(rows[i - 1].cc, rows[i].cc) < 0);  /* bsearch needs order */
  }
}

static void
test_iban(void)
{
  /* one example per country (national banks' and the registry's examples) */
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "AL47 2121 1009 0000 0002 3569 8741", NULL, "AL47212110090000000235698741");
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "XK05 1212 0123 4567 8906", NULL, "XK051212012345678906");
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "MK07 2501 2000 0058 984", NULL, "MK07250120000058984");
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "RS35 2600 0560 1001 6113 79", NULL, "RS35260005601001611379");
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "BA39 1290 0794 0102 8494", NULL, "BA391290079401028494");
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "ME25 5050 0001 2345 6789 51", NULL, "ME25505000012345678951");
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "HR12 1001 0051 8630 0016 0", NULL, "HR1210010051863000160");
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "DE89 3704 0044 0532 0130 00", NULL, "DE89370400440532013000");
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "AT61 1904 3002 3457 3201", NULL, "AT611904300234573201");
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "IT60 X054 2811 1010 0000 0123 456", NULL, "IT60X0542811101000000123456");
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "GR16 0110 1250 0000 0001 2300 695", NULL, "GR1601101250000000012300695");
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "gb82-west-1234-5698-7654-32", NULL, "GB82WEST12345698765432");
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "NO93.8601.1117.947", NULL, "NO9386011117947");

  g_autofree char *m1 = rejected(NETAN_NORMALIZE_IBAN, "DE88 3704 0044 0532 0130 00", NULL, NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m1, "bad check digits");
  /* two adjacent digits swapped: mod 97 catches it */
  ASSERT_REJECTED(NETAN_NORMALIZE_IBAN, "DE89 3704 0044 0532 0131 00", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_IBAN, "AL47 2121 1009 0000 0002 3569 8714", NULL);
  g_autofree char *m2 = rejected(NETAN_NORMALIZE_IBAN, "DE89 3704 0044 0532 0130 0", NULL, NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m2, "it has 21 characters, IBANs of DE have 22 (wrong length)");
  g_autofree char *m3 = rejected(NETAN_NORMALIZE_IBAN, "US12 3456 7890", NULL, NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m3, "US is not a country that uses IBANs");
  /* a letter where Germany has digits */
  g_autofree char *m4 = rejected(NETAN_NORMALIZE_IBAN, "DE89 3704 0044 0532 0130 0A", NULL, NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m4, "character 22 should be a digit");
  /* check digits 99 satisfy mod 97 where 02 does (99 = 2 + 97), but ISO
   * 13616 check digits are 02..98 */
  ASSERT_KEY(NETAN_NORMALIZE_IBAN, "DE02370400441000000087", NULL, "DE02370400441000000087");
  g_autofree char *m5 = rejected(NETAN_NORMALIZE_IBAN, "DE99370400441000000087", NULL, NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m5, "not 02 to 98");
  ASSERT_REJECTED(NETAN_NORMALIZE_IBAN, "GB82 WEST 1234 5698 7654 3Ä", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_IBAN, "3704004405320130", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_IBAN, "", NULL);
}

/* ---------------------------------------------------------------- IMEI */

static void
test_imei(void)
{
  ASSERT_KEY(NETAN_NORMALIZE_IMEI, "35-209900-176148-1", NULL, "352099001761481");
  ASSERT_KEY(NETAN_NORMALIZE_IMEI, "35 209900 176148 1", NULL, "352099001761481");
  ASSERT_KEY(NETAN_NORMALIZE_IMEI, "490154203237518", NULL, "490154203237518");
  /* 14 digits: the check digit is computed and appended */
  ASSERT_KEY(NETAN_NORMALIZE_IMEI, "35209900176148", NULL, "352099001761481");
  ASSERT_KEY(NETAN_NORMALIZE_IMEI, "49015420323751", NULL, "490154203237518");
  ASSERT_KEY(NETAN_NORMALIZE_IMEI, "35/209900/176148", NULL, "352099001761481");

  g_autofree char *m1 = rejected(NETAN_NORMALIZE_IMEI, "352099001761482", NULL, NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m1, "the Luhn check digit is 1");
  g_autofree char *m2 = rejected(NETAN_NORMALIZE_IMEI, "3520990017614801", NULL, NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m2, "IMEISV");
  ASSERT_REJECTED(NETAN_NORMALIZE_IMEI, "3520990017614", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_IMEI, "35209900176148123456789", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_IMEI, "35209900176148A", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_IMEI, "", NULL);
  g_autofree char *m3 = rejected(NETAN_NORMALIZE_IMEI, "000000000000000", NULL, NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m3, "placeholder");
  ASSERT_REJECTED(NETAN_NORMALIZE_IMEI, "00000000000000", NULL);
}

/* ---------------------------------------------------------------- e-mail */

static void
test_email(void)
{
  ASSERT_KEY(NETAN_NORMALIZE_EMAIL, " Dritan.Hoxha@Example.COM ", NULL, "dritan.hoxha@example.com");
  ASSERT_KEY(NETAN_NORMALIZE_EMAIL, "x+tag@mail.example.al", NULL, "x+tag@mail.example.al");
  ASSERT_KEY(NETAN_NORMALIZE_EMAIL, "ĐORĐE@PRIMER.RS", NULL, "đorđe@primer.rs");

  ASSERT_REJECTED(NETAN_NORMALIZE_EMAIL, "dritan.hoxha", NULL);
  g_autofree char *m = rejected(NETAN_NORMALIZE_EMAIL, "a@b@example.com", NULL, NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m, "more than one \"@\"");
  ASSERT_REJECTED(NETAN_NORMALIZE_EMAIL, "@example.com", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_EMAIL, "a@localhost", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_EMAIL, "a b@example.com", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_EMAIL, "a@example..com", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_EMAIL, "a@.example.com", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_EMAIL, "a@example.com.", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_EMAIL, "a@exa\tmple.com", NULL);
  ASSERT_REJECTED(NETAN_NORMALIZE_EMAIL, "   ", NULL);
}

/* ---------------------------------------------------------------- names */

static void
test_name(void)
{
  /* the issue's spellings of one man, where the letters agree */
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "Dritan Hoxha", NULL, "dritan hoxha");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "HOXHA Dritan", NULL, "dritan hoxha");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "  hoxha,   DRITAN ", NULL, "dritan hoxha");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "Дритан Хоxха", NULL, "dritan hoxha");
  /* Serbian Џ is dž: "Хоџа" is "hodza", not "hoxha" (Jaro–Winkler's job) */
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "Дритан Хоџа", NULL, "dritan hodza");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "ХОЏА Дритан", NULL, "dritan hodza");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "Dritan Hodža", NULL, "dritan hodza");
  /* Serbian and Macedonian Cyrillic meet their own Latin alphabets */
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "Љубица Његовић", NULL, "ljubica njegovic");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "Ljubica Njegović", NULL, "ljubica njegovic");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "Ђорђе Јовановић", NULL, "dorde jovanovic");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "Đorđe Jovanović", NULL, "dorde jovanovic");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "Ѓорѓи Ќосевски", NULL, "gjorgji kjosevski");
  /* Albanian diacritics, Greek, German */
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "Çelë Gjeçi", NULL, "cele gjeci");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "Γιώργος Παπαδόπουλος", NULL, "giorgos papadopoulos");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "STRAẞE Jürgen", NULL, "jurgen strasse");
  /* apostrophes join, hyphens and digits separate */
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "O'Brien Seán", NULL, "obrien sean");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "O’Brien Seán", NULL, "obrien sean");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "Hoxha-Berisha Dritan", NULL, "berisha dritan hoxha");
  ASSERT_KEY(NETAN_NORMALIZE_NAME, "Dritan2 Hoxha", NULL, "dritan hoxha");

  g_autofree char *m = rejected(NETAN_NORMALIZE_NAME, "123 -- 456", NULL, NETAN_ERROR_PARSE);
  ASSERT_CONTAINS(m, "has no letters");
  ASSERT_REJECTED(NETAN_NORMALIZE_NAME, "", NULL);
}

/* Long input: the transliteration outgrows its first buffer. */
static void
test_name_long(void)
{
  GString *in = g_string_new(NULL), *want = g_string_new(NULL);
  for (int i = 0; i < 3000; i++)
    g_string_append(in, "Щ北京 ");  /* 3 code points become "S bei jing" */
  g_autofree char *k = netan_normalize(NETAN_NORMALIZE_NAME, in->str, NULL, NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL(k);
  /* 3000 each of "s", "bei", "jing", sorted */
  for (int i = 0; i < 3000; i++)
    g_string_append(want, "bei ");
  for (int i = 0; i < 3000; i++)
    g_string_append(want, "jing ");
  for (int i = 0; i < 3000; i++)
    g_string_append(want, i < 2999 ? "s " : "s");
  CU_ASSERT_STRING_EQUAL(k, want->str);
  g_string_free(in, TRUE);
  g_string_free(want, TRUE);
}

/* The transliterator is shared behind a lock: many threads at once must
 * give what one thread gives. */
static const char *const thread_names[] = {
  "Дритан Хоџа", "Ђорђе Јовановић", "Γιώργος Παπαδόπουλος", "Љубица Његовић", "HOXHA Dritan",
  "Ѓорѓи Ќосевски", "Щука Йосиф", "Çelë Gjeçi",
};

static gpointer
name_worker(gpointer data)
{
  char **want = data;
  for (int round = 0; round < 200; round++) {
    for (guint i = 0; i < G_N_ELEMENTS(thread_names); i++) {
      char *k = netan_normalize(NETAN_NORMALIZE_NAME, thread_names[i], NULL, NULL);
      gboolean same = k != NULL && strcmp(k, want[i]) == 0;
      g_free(k);
      if (!same)
        return GINT_TO_POINTER(1);
    }
  }
  return GINT_TO_POINTER(0);
}

static void
test_name_threads(void)
{
  char *want[G_N_ELEMENTS(thread_names)];
  for (guint i = 0; i < G_N_ELEMENTS(thread_names); i++)
    want[i] = netan_normalize(NETAN_NORMALIZE_NAME, thread_names[i], NULL, NULL);
  GThread *t[6];
  for (int i = 0; i < 6; i++)
    t[i] = g_thread_new("names", name_worker, want);
  int bad = 0;
  for (int i = 0; i < 6; i++)
    bad += GPOINTER_TO_INT(g_thread_join(t[i]));
  CU_ASSERT_EQUAL(bad, 0);
  for (guint i = 0; i < G_N_ELEMENTS(thread_names); i++)
    g_free(want[i]);
}

/* ---------------------------------------------------------------- cache */

static void
test_cache(void)
{
  netan_norm_cache_t *c = netan_norm_cache_new();
  const char *why = NULL;
  const char *k1 = netan_norm_cache_get(c, NETAN_NORMALIZE_PHONE, "AL", "0692123456", &why);
  CU_ASSERT_STRING_EQUAL(k1, "+355692123456");
  /* a hit returns the very same string */
  char raw[] = "0692123456";  /* a different buffer with the same text */
  CU_ASSERT_PTR_EQUAL(netan_norm_cache_get(c, NETAN_NORMALIZE_PHONE, "AL", raw, &why), k1);
  CU_ASSERT_EQUAL(netan_norm_cache_size(c), 1);
  /* another spelling is another entry with the same key, stored once */
  const char *k2 = netan_norm_cache_get(c, NETAN_NORMALIZE_PHONE, "AL", "+355 69 212 3456", &why);
  CU_ASSERT_PTR_EQUAL(k2, k1);
  CU_ASSERT_EQUAL(netan_norm_cache_size(c), 2);

  /* the region is part of the key for phones ... */
  why = NULL;
  CU_ASSERT_PTR_NULL(netan_norm_cache_get(c, NETAN_NORMALIZE_PHONE, NULL, "0692123456", &why));
  CU_ASSERT_PTR_NOT_NULL_FATAL(why);
  ASSERT_CONTAINS(why, "needs + or 00");
  CU_ASSERT_PTR_NULL(netan_norm_cache_get(c, NETAN_NORMALIZE_PHONE, "", "0692123456", NULL));
  CU_ASSERT_EQUAL(netan_norm_cache_size(c), 3);  /* NULL and "" are one region */
  CU_ASSERT_STRING_EQUAL(netan_norm_cache_get(c, NETAN_NORMALIZE_PHONE, "XK", "043 201 234", NULL),
                         "+38343201234");
  CU_ASSERT_PTR_EQUAL(netan_norm_cache_get(c, NETAN_NORMALIZE_PHONE, "AL", "0692123456", NULL), k1);
  CU_ASSERT_EQUAL(netan_norm_cache_size(c), 4);

  /* ... and failures are cached: the same reason string, no new entry */
  const char *r1 = NULL, *r2 = NULL;
  CU_ASSERT_PTR_NULL(netan_norm_cache_get(c, NETAN_NORMALIZE_IBAN, NULL, "DE88370400440532013000", &r1));
  CU_ASSERT_PTR_NULL(netan_norm_cache_get(c, NETAN_NORMALIZE_IBAN, "AL", "DE88370400440532013000", &r2));
  CU_ASSERT_PTR_NOT_NULL_FATAL(r1);
  CU_ASSERT_PTR_EQUAL(r1, r2);  /* the region does not matter for IBANs */
  ASSERT_CONTAINS(r1, "bad check digits");
  CU_ASSERT_EQUAL(netan_norm_cache_size(c), 5);

  /* kinds do not mix: the same text under another normalizer */
  CU_ASSERT_STRING_EQUAL(netan_norm_cache_get(c, NETAN_NORMALIZE_TEXT, NULL, " 0692123456 ", NULL),
                         "0692123456");
  CU_ASSERT_STRING_EQUAL(netan_norm_cache_get(c, NETAN_NORMALIZE_NONE, NULL, "0692123456", NULL),
                         "0692123456");
  CU_ASSERT_STRING_EQUAL(netan_norm_cache_get(c, NETAN_NORMALIZE_NAME, NULL, "Хоџа Дритан", NULL),
                         "dritan hodza");
  CU_ASSERT_EQUAL(netan_norm_cache_size(c), 8);

  /* caller bugs are answered, not cached */
  why = NULL;
  CU_ASSERT_PTR_NULL(netan_norm_cache_get(c, NETAN_NORMALIZE_PHONE, "AL", NULL, &why));
  CU_ASSERT_PTR_NOT_NULL(why);
  CU_ASSERT_PTR_NULL(netan_norm_cache_get(c, (netan_normalizer_t)77, NULL, "x", &why));
  /* invalid UTF-8 is a cached failure like any other */
  CU_ASSERT_PTR_NULL(netan_norm_cache_get(c, NETAN_NORMALIZE_PLATE, NULL, "\xC3(", &why));
  ASSERT_CONTAINS(why, "UTF-8");
  CU_ASSERT_EQUAL(netan_norm_cache_size(c), 9);
  netan_norm_cache_free(c);
  netan_norm_cache_free(NULL);
}

/* Many distinct values and many repeats: everything comes back right after
 * the tables have grown several times. */
static void
test_cache_many(void)
{
  netan_norm_cache_t *c = netan_norm_cache_new();
  const char *first[2000];
  for (int round = 0; round < 3; round++) {
    for (int i = 0; i < 2000; i++) {
      char v[32], want[32];
      g_snprintf(v, sizeof v, "069 %07d", 2000000 + i);
      g_snprintf(want, sizeof want, "+35569%07d", 2000000 + i);
      const char *k = netan_norm_cache_get(c, NETAN_NORMALIZE_PHONE, "AL", v, NULL);
      CU_ASSERT_PTR_NOT_NULL_FATAL(k);
      CU_ASSERT_STRING_EQUAL(k, want);
      if (round == 0)
        first[i] = k;
      else
        CU_ASSERT_PTR_EQUAL(k, first[i]);
    }
  }
  CU_ASSERT_EQUAL(netan_norm_cache_size(c), 2000);
  netan_norm_cache_free(c);
}


/* The fast path of ingest gives, for every spelling, exactly what an
 * uncached netan_normalize() gives: the key, or the reason word for word.
 * The spellings share keys through the canonical form (spaces, hyphens,
 * dots, parentheses) and the validity memo (one parsed number, several
 * spellings), in both orders of arrival, in several regions, with
 * failures that quote their own spelling. */
static void
check_phone_spellings(const char *region, const char *const *values, int n, gboolean reverse)
{
  netan_norm_cache_t *c = netan_norm_cache_new();
  netan_norm_table_t *t = netan_norm_table_new(c, NETAN_NORMALIZE_PHONE, region);
  for (int round = 0; round < 2; round++) {
    for (int j = 0; j < n; j++) {
      const char *v = values[reverse ? n - 1 - j : j];
      GError *e = NULL;
      g_autofree char *want = netan_normalize(NETAN_NORMALIZE_PHONE, v, region, &e);
      const netan_norm_entry_t *got = netan_norm_table_get(t, v, strlen(v));
      if (want != NULL) {
        CU_ASSERT_PTR_NOT_NULL(got->key);
        if (got->key == NULL || strcmp(got->key, want) != 0) {
          CU_FAIL("another key");
          g_printerr("\n%s %s: got %s, want %s\n", region ? region : "-", v, got->key ? got->key : got->reason, want);
        }
      } else {
        CU_ASSERT_PTR_NULL(got->key);
        CU_ASSERT_PTR_NOT_NULL_FATAL(e);
        if (got->reason == NULL || strcmp(got->reason, e->message) != 0) {
          CU_FAIL("another reason");
          g_printerr("\n%s %s: got %s, want %s\n", region ? region : "-", v, got->key ? got->key : got->reason, e->message);
        }
        g_clear_error(&e);
      }
    }
  }
  /* the same key is the same pointer, whatever the spelling */
  const char *first = NULL;
  for (int j = 0; j < n; j++) {
    const netan_norm_entry_t *got = netan_norm_table_get(t, values[j], strlen(values[j]));
    if (got->key && first && strcmp(got->key, first) == 0)
      CU_ASSERT_PTR_EQUAL(got->key, first);
    if (got->key && !first)
      first = got->key;
  }
  netan_norm_cache_free(c);
}

static void
test_cache_phone_spellings(void)
{
  /* the international prefixes read from libphonenumber's metadata */
  CU_ASSERT_STRING_EQUAL(netan_norm_i_phone_idd("RS"), "00");
  CU_ASSERT_STRING_EQUAL(netan_norm_i_phone_idd("rs"), "00");
  CU_ASSERT_STRING_EQUAL(netan_norm_i_phone_idd("US"), "011");
  CU_ASSERT_STRING_EQUAL(netan_norm_i_phone_idd(NULL), "00");
  CU_ASSERT_PTR_NULL(netan_norm_i_phone_idd("QQ"));
  CU_ASSERT_TRUE(netan_norm_i_phone_has_country_code("381690530705"));
  CU_ASSERT_TRUE(netan_norm_i_phone_has_country_code("1650"));
  CU_ASSERT_TRUE(netan_norm_i_phone_has_country_code("80012345678"));  /* non-geographic */
  CU_ASSERT_FALSE(netan_norm_i_phone_has_country_code("0381"));
  CU_ASSERT_FALSE(netan_norm_i_phone_has_country_code("999123"));
  /* and what is shared: one parse for all the spellings of a number,
   * international or national, whichever comes first */
  for (int national_first = 0; national_first <= 1; national_first++) {
    netan_norm_cache_t *c = netan_norm_cache_new();
    netan_norm_table_t *t = netan_norm_table_new(c, NETAN_NORMALIZE_PHONE, "RS");
    static const char *const one[] = { "+381 69 053 0705", "00381690530705", "+381690530705",
                                       "00381 69-053-0705", "0690530705", "069 053 0705" };
    for (guint i = 0; i < G_N_ELEMENTS(one); i++) {
      const char *v = one[national_first ? G_N_ELEMENTS(one) - 1 - i : i];
      CU_ASSERT_STRING_EQUAL(netan_norm_table_get(t, v, strlen(v))->key, "+381690530705");
    }
    CU_ASSERT_EQUAL(netan_norm_cache_runs(c), 1);
    CU_ASSERT_EQUAL(netan_norm_cache_size(c), G_N_ELEMENTS(one));
    /* failures are never shared: each quotes its own spelling */
    CU_ASSERT_PTR_NULL(netan_norm_table_get(t, "+381 69 05", 10)->key);
    const netan_norm_entry_t *bad = netan_norm_table_get(t, "0038169 05", 10);
    CU_ASSERT_PTR_NULL(bad->key);
    ASSERT_CONTAINS(bad->reason, "\"0038169 05\"");
    CU_ASSERT_EQUAL(netan_norm_cache_runs(c), 3);
    netan_norm_cache_free(c);
  }
  /* what is not shared: the national spelling under a region that is not
   * its calling code's main one (GG shares +44 with GB), and a national
   * prefix with a transform rule (AR) */
  {
    char intl[32], natl[32];
    netan_norm_i_phone_equal_spellings("+381690530705", "RS", intl, natl);
    CU_ASSERT_STRING_EQUAL(intl, "+381690530705");
    CU_ASSERT_STRING_EQUAL(natl, "0690530705");
    netan_norm_i_phone_equal_spellings("+381690530705", "AL", intl, natl);
    CU_ASSERT_STRING_EQUAL(intl, "+381690530705");
    CU_ASSERT_STRING_EQUAL(natl, "");
    netan_norm_i_phone_equal_spellings("+381690530705", NULL, intl, natl);
    CU_ASSERT_STRING_EQUAL(natl, "");
    netan_norm_i_phone_equal_spellings("+447781123456", "GG", intl, natl);
    CU_ASSERT_STRING_EQUAL(natl, "");
    /* +44 and +7 are shared by several regions: "valid" need not mean
     * valid in GB's or RU's own plan, so their national spellings parse */
    netan_norm_i_phone_equal_spellings("+447911123456", "GB", intl, natl);
    CU_ASSERT_STRING_EQUAL(intl, "+447911123456");
    CU_ASSERT_STRING_EQUAL(natl, "");
    netan_norm_i_phone_equal_spellings("+74951234567", "RU", intl, natl);
    CU_ASSERT_STRING_EQUAL(natl, "");
    /* Hungary's national prefix is 06 */
    netan_norm_i_phone_equal_spellings("+36201234567", "HU", intl, natl);
    CU_ASSERT_STRING_EQUAL(natl, "06201234567");
    netan_norm_i_phone_equal_spellings("+5491123456789", "AR", intl, natl);
    CU_ASSERT_STRING_EQUAL(intl, "");
    CU_ASSERT_STRING_EQUAL(natl, "");
    /* Italy keeps the leading zero and has no national prefix */
    netan_norm_i_phone_equal_spellings("+390612345678", "IT", intl, natl);
    CU_ASSERT_STRING_EQUAL(intl, "+390612345678");
    CU_ASSERT_STRING_EQUAL(natl, "");
  }

  static const char *const rs[] = {
    "+381 69 053 0705", "+381690530705", "+381-69-053-0705", "+381.69.053.0705", "+381 (69) 053-0705",
    "00381690530705", "00381 69 053 0705", "0690530705", "069 053 0705", "(069) 053-0705", "069/053-0705",
    "0 0381 69 053 0705", "+381 69 053 07", "+38169053070", "+381 69 053 07055 55", "+381 69 053 0705 ext 12",
    "+381 69 053 0705#", "+3 81 69 053 0705", "+381  69--053..0705", "+381 69 053 0705 ", "12", "1 2", "+12",
    "069 053 0705 x5", "069 053 07o5", "+381 11 3030 100", "011 3030 100", "+381 60 123 4567", "060 123 4567",
    "+1 650 253 0000", "001 650 253 0000", "+39 06 1234 5678", "0039 06 1234 5678", "+39 0612345678", "06 1234 5678",
    "+44 20 7946 0000", "0044 20 7946 0000", "+355 69 212 3456", "0692123456", "+383 43 201 234", "043 201 234",
    "+49 30 1234567", "0049 30 1234567", "+0 69 053 0705", "000381690530705", "+381 0 69 053 0705",
    "011 381 69 053 0705", "011381690530705", "011 1 650 253 0000", "0111650253000", "810 381 69 053 0705",
    "8 495 123 45 67", "+7 495 123 45 67", "810 7 495 123 45 67", "0011 61 2 9374 4000", "+61 2 9374 4000",
    "010 81 3 1234 5678", "+81 3 1234 5678", "00 381 69 053 0705", "0038 1690530705", "00 800 1234 5678",
    "+800 1234 5678", "00999 123 456", "+999 123 456", "00381", "003816", "+3816", "0038169",
  };
  static const char *const regions[] = { "RS", "AL", "XK", "IT", "US", "GB", "DE", "RU", "AU", "JP", "BR", NULL };
  for (guint r = 0; r < G_N_ELEMENTS(regions); r++) {
    check_phone_spellings(regions[r], rs, (int)G_N_ELEMENTS(rs), FALSE);
    check_phone_spellings(regions[r], rs, (int)G_N_ELEMENTS(rs), TRUE);
  }
  /* generated: many numbers, each in many spellings, in a shuffled order */
  GPtrArray *vals = g_ptr_array_new_with_free_func(g_free);
  GRand *rand = g_rand_new_with_seed(7);
  for (int i = 0; i < 300; i++) {
    char nsn[16];
    g_snprintf(nsn, sizeof nsn, "6%d%07d", g_rand_int_range(rand, 0, 10), g_rand_int_range(rand, 0, 10000000));
    g_ptr_array_add(vals, g_strdup_printf("+381 %.2s %.3s %s", nsn, nsn + 2, nsn + 5));
    g_ptr_array_add(vals, g_strdup_printf("+381%s", nsn));
    g_ptr_array_add(vals, g_strdup_printf("00381%s", nsn));
    g_ptr_array_add(vals, g_strdup_printf("0%s", nsn));
    g_ptr_array_add(vals, g_strdup_printf("0%.2s-%.3s-%s", nsn, nsn + 2, nsn + 5));
    g_ptr_array_add(vals, g_strdup_printf("(0%.2s) %s", nsn, nsn + 2));
    g_ptr_array_add(vals, g_strdup_printf("+381.%.2s.%s", nsn, nsn + 2));
    g_ptr_array_add(vals, g_strdup_printf("+381 %.2s %.3s", nsn, nsn + 2));  /* too short */
  }
  for (guint i = vals->len; i > 1; i--) {
    guint j = (guint)g_rand_int_range(rand, 0, (gint32)i);
    gpointer x = vals->pdata[i - 1];
    vals->pdata[i - 1] = vals->pdata[j];
    vals->pdata[j] = x;
  }
  check_phone_spellings("RS", (const char *const *)vals->pdata, (int)vals->len, FALSE);
  check_phone_spellings(NULL, (const char *const *)vals->pdata, (int)vals->len, TRUE);
  g_rand_free(rand);
  g_ptr_array_unref(vals);
}

/* ---------------------------------------------------------------- Jaro–Winkler */

/* netan's plan check (phone-plan.cc) answers as libphonenumber's
 * IsValidNumber() for every number: here numbers of every calling code it
 * handles, each leading block of one to three digits with random lengths
 * and digits after it, with and without leading zeros. Codes shared by
 * several regions and non-geographic ones are left to libphonenumber. */
static void
test_phone_plan(void)
{
  CU_ASSERT_TRUE(netan_norm_i_phone_has_plan(381));  /* RS */
  CU_ASSERT_TRUE(netan_norm_i_phone_has_plan(355));  /* AL */
  CU_ASSERT_TRUE(netan_norm_i_phone_has_plan(383));  /* XK */
  CU_ASSERT_TRUE(netan_norm_i_phone_has_plan(49));   /* DE */
  CU_ASSERT_FALSE(netan_norm_i_phone_has_plan(1));   /* NANPA: many regions */
  CU_ASSERT_FALSE(netan_norm_i_phone_has_plan(7));   /* RU, KZ */
  CU_ASSERT_FALSE(netan_norm_i_phone_has_plan(44));  /* GB, GG, IM, JE */
  CU_ASSERT_FALSE(netan_norm_i_phone_has_plan(800)); /* non-geographic */
  CU_ASSERT_FALSE(netan_norm_i_phone_has_plan(999)); /* no such code */
  /* both answers of a known number, by hand: +381 69 053 0705 is a Serbian
   * mobile; without its first digit it is too short */
  CU_ASSERT_EQUAL(netan_norm_i_phone_valid(381, 690530705, 0, FALSE), 1);
  CU_ASSERT_EQUAL(netan_norm_i_phone_valid(381, 90530705, 0, FALSE), 0);

  GRand *rng = g_rand_new_with_seed(20261128);
  int codes = 0;
  int64_t checked = 0, valid = 0, differ = 0;
  for (int cc = 1; cc < 1000; cc++) {
    if (!netan_norm_i_phone_has_plan(cc))
      continue;
    codes++;
    for (int draw = 0; draw < 2000; draw++) {
      int block = 1 + draw % 999;
      int block_len = block < 10 ? 1 : block < 100 ? 2 : 3;
      /* most national numbers have 7 to 10 digits; every second one is
       * drawn from 4 to 13 */
      int len = draw % 2 ? g_rand_int_range(rng, MAX(block_len + 1, 4), 14) : g_rand_int_range(rng, 7, 11);
      guint64 nn = (guint64)block;
      for (int i = block_len; i < len; i++)
        nn = nn * 10 + (guint64)g_rand_int_range(rng, 0, 10);
      int zeros = g_rand_int_range(rng, 0, 10) == 0 ? g_rand_int_range(rng, 1, 3) : 0;
      int mine = netan_norm_i_phone_valid(cc, nn, zeros, FALSE);
      int ref = netan_norm_i_phone_valid(cc, nn, zeros, TRUE);
      CU_ASSERT_TRUE(ref >= 0 && mine >= 0);
      if (mine != ref && differ++ < 10)
        fprintf(stderr, "\n  +%d %.*s%" G_GUINT64_FORMAT ": netan says %d, IsValidNumber %d\n", cc, zeros,
                "000", nn, mine, ref);
      checked++;
      valid += ref == 1;
    }
  }
  g_rand_free(rng);
  CU_ASSERT_EQUAL(differ, 0);
  /* every geographic code with one region: about two hundred */
  CU_ASSERT_TRUE(codes > 150);
  /* and the sample must hold valid numbers of many plans, not only junk */
  CU_ASSERT_TRUE(valid > checked / 20);
  if (differ != 0 || codes <= 150 || valid <= checked / 20)
    fprintf(stderr, "\n  %d codes, %" G_GINT64_FORMAT " numbers, %" G_GINT64_FORMAT " valid, %" G_GINT64_FORMAT
            " differ\n", codes, checked, valid, differ);
}

static void
test_jaro_winkler(void)
{
  /* Winkler's and the textbook's examples */
  CU_ASSERT_DOUBLE_EQUAL(netan_jaro_winkler("MARTHA", "MARHTA"), 0.9611, 1e-4);
  CU_ASSERT_DOUBLE_EQUAL(netan_jaro_winkler("DWAYNE", "DUANE"), 0.84, 1e-4);
  CU_ASSERT_DOUBLE_EQUAL(netan_jaro_winkler("DIXON", "DICKSONX"), 0.8133, 1e-4);
  /* exact: Jaro (6/6 + 6/6 + 5/6)/3 = 17/18, then 3 common leading letters */
  CU_ASSERT_DOUBLE_EQUAL(netan_jaro_winkler("MARTHA", "MARHTA"), 17.0 / 18 + 0.3 * (1.0 / 18), 1e-15);
  CU_ASSERT_EQUAL(netan_jaro_winkler("Hoxha", "Hoxha"), 1.0);
  CU_ASSERT_EQUAL(netan_jaro_winkler("", ""), 0.0);  /* as jellyfish */
  CU_ASSERT_EQUAL(netan_jaro_winkler("abc", ""), 0.0);
  CU_ASSERT_EQUAL(netan_jaro_winkler("abc", "xyz"), 0.0);
  /* symmetric on these */
  CU_ASSERT_DOUBLE_EQUAL(netan_jaro_winkler("DUANE", "DWAYNE"), 0.84, 1e-4);
  /* on code points, not bytes: each of these is one code point apart */
  double cyr = netan_jaro_winkler("Хоџа", "Хоxха");
  double lat = netan_jaro_winkler("Hodza", "Hoxha");
  CU_ASSERT_DOUBLE_EQUAL(cyr, netan_jaro_winkler("Hoda", "Hoxha"), 1e-15);
  CU_ASSERT_DOUBLE_EQUAL(lat, 0.7866666666666667, 1e-12);  /* jellyfish's value */
  /* é is one code point: "é" vs "e" share nothing */
  CU_ASSERT_EQUAL(netan_jaro_winkler("é", "e"), 0.0);
  /* the prefix bonus stops at 4 */
  CU_ASSERT_DOUBLE_EQUAL(netan_jaro_winkler("abcdefgh", "abcdefgx"),
                         (7.0 / 8 + 7.0 / 8 + 1) / 3 + 0.4 * (1 - (7.0 / 8 + 7.0 / 8 + 1) / 3), 1e-15);
  /* long strings leave the stack buffers (the wide window lets the greedy
   * matching pair letters far apart: jellyfish's value) */
  GString *a = g_string_new(NULL), *b = g_string_new(NULL);
  for (int i = 0; i < 500; i++) {
    g_string_append(a, "Дритан");
    g_string_append(b, i == 250 ? "Дритаx" : "Дритан");
  }
  double longer = netan_jaro_winkler(a->str, b->str);
  CU_ASSERT_DOUBLE_EQUAL(longer, 0.9500500611314883, 1e-12);
  g_string_free(a, TRUE);
  g_string_free(b, TRUE);
  /* invalid UTF-8 cannot be compared */
  CU_ASSERT_EQUAL(netan_jaro_winkler("\xFF", "a"), -1.0);
  CU_ASSERT_EQUAL(netan_jaro_winkler("a", "Хо\xD0"), -1.0);
}

int
main(void)
{
  if (CU_initialize_registry() != CUE_SUCCESS)
    return CU_get_error();
  static const harness_test_t api[] = {
    { "/normalize/api/names", test_normalizer_names },
    { "/normalize/api/bad-arguments", test_bad_arguments },
    { "/normalize/api/reason-quoting", test_reason_quoting },
    { NULL, NULL } };
  static const harness_test_t kinds[] = {
    { "/normalize/none-text", test_none_text },
    { "/normalize/phone/albania", test_phone_albania },
    { "/normalize/phone/regions", test_phone_region },
    { "/normalize/phone/plan", test_phone_plan },
    { "/normalize/plate", test_plate },
    { "/normalize/iban/table", test_iban_table },
    { "/normalize/iban", test_iban },
    { "/normalize/imei", test_imei },
    { "/normalize/email", test_email },
    { "/normalize/name", test_name },
    { "/normalize/name/long", test_name_long },
    { "/normalize/name/threads", test_name_threads },
    { NULL, NULL } };
  static const harness_test_t cache[] = {
    { "/normalize/cache/hits-and-failures", test_cache },
    { "/normalize/cache/many", test_cache_many },
    { "/normalize/cache/phone-spellings", test_cache_phone_spellings },
    { NULL, NULL } };
  static const harness_test_t jw[] = {
    { "/normalize/jaro-winkler", test_jaro_winkler },
    { NULL, NULL } };
  harness_add_suite("/normalize/api", api);
  harness_add_suite("/normalize/kinds", kinds);
  harness_add_suite("/normalize/cache", cache);
  harness_add_suite("/normalize/jaro-winkler", jw);
  return harness_run();
}
