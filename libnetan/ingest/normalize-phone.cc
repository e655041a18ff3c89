/* Phone numbers to E.164: the thin C++ shim over libphonenumber (the
 * standard; DESIGN.md §4), in the netan-i18n module (i18n-module.h).
 * Everything C sees is extern "C" and exception-free: a C++ exception must
 * never unwind through C frames.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/i18n-module.h"
#include "ingest/phone-plan.h"

#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstdint>
#include <cstring>
#include <list>
#include <string>
#include <unordered_map>

using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

/*
 * What IsValidNumber() and Format(E164) said about a parsed number. Both
 * are functions of the PhoneNumber alone, and of only these fields of it:
 * IsValidNumber looks up the region of the country code and matches the
 * national significant number (national_number, italian_leading_zero,
 * number_of_leading_zeros); Format(E164) writes "+", the country code and
 * that same national significant number (raw_input, the only other field
 * it reads, is empty: Parse() does not keep it; the extension is not
 * written in E.164). So the three spellings of one number ("+381 69 ...",
 * "00381 69...", "069...") parse to one PhoneNumber, and the second and
 * third need neither call. One memo per thread, per ingest.
 */
struct netan_phone_memo {
  struct Key {
    int32_t country_code;
    uint64_t national_number;
    bool italian_leading_zero;
    int32_t number_of_leading_zeros;
    bool operator==(const Key &o) const
    {
      return country_code == o.country_code && national_number == o.national_number &&
             italian_leading_zero == o.italian_leading_zero &&
             number_of_leading_zeros == o.number_of_leading_zeros;
    }
  };
  struct Hash {
    size_t operator()(const Key &k) const
    {
      uint64_t h = k.national_number * 0x9E3779B97F4A7C15ull;
      h ^= (uint64_t)(uint32_t)k.country_code * 0xbf58476d1ce4e5b9ull;
      h ^= (uint64_t)(uint32_t)k.number_of_leading_zeros << 1 | (k.italian_leading_zero ? 1 : 0);
      return (size_t)(h ^ (h >> 31));
    }
  };
  std::unordered_map<Key, std::string, Hash> valid;  /* the E.164 form; "" if invalid */
};

/* Parse()'s result for "+digits", or for a national spelling of a valid
 * number, without Parse(), where it is certain. */
static bool number_from_plus(const PhoneNumberUtil *util, const char *plus, PhoneNumber *number);
static bool number_from_national(const PhoneNumberUtil *util, const char *digits, const std::string &region,
                                 netan_phone_memo_t *memo, PhoneNumber *number);

namespace {

/* Upper-cases @region into @out; FALSE unless it is two ASCII letters. An
 * empty or NULL region is "ZZ", libphonenumber's "unknown region", which
 * accepts only numbers written with a country code. */
bool
region_code(const char *region, std::string *out)
{
  if (region == NULL || region[0] == '\0') {
    *out = "ZZ";
    return true;
  }
  if (!g_ascii_isalpha(region[0]) || !g_ascii_isalpha(region[1]) || region[2] != '\0')
    return false;
  out->assign(1, g_ascii_toupper(region[0]));
  out->push_back(g_ascii_toupper(region[1]));
  /* GetCountryCodeForRegion is 0 for codes libphonenumber has no plan for
   * (and for "ZZ", which a caller must not pass explicitly) */
  return *out != "ZZ" && PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(*out) != 0;
}

const char *
parse_error_text(PhoneNumberUtil::ErrorType e, bool have_region)
{
  switch (e) {
  case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
    return have_region ? "its country code is unknown"
                       : "there is no default region, so it needs + or 00 and a country code";
  case PhoneNumberUtil::NOT_A_NUMBER:
    return "it does not look like a phone number";
  case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    return "it is too short after the international prefix";
  case PhoneNumberUtil::TOO_SHORT_NSN:
    return "it is too short";
  case PhoneNumberUtil::TOO_LONG_NSN:
    return "it is too long";
  default:
    return "it cannot be parsed";
  }
}

const char *
invalid_text(const PhoneNumberUtil *util, const PhoneNumber &number)
{
  switch (util->IsPossibleNumberWithReason(number)) {
  case PhoneNumberUtil::INVALID_COUNTRY_CODE:
    return "its country code is unknown";
  case PhoneNumberUtil::TOO_SHORT:
    return "it is too short";
  case PhoneNumberUtil::TOO_LONG:
    return "it is too long";
  case PhoneNumberUtil::INVALID_LENGTH:
    return "no number of that country has this length";
  default:
    /* possible by length, but in no range the numbering plan assigns */
    return "it is in no range the country's numbering plan assigns";
  }
}

char *
phone_e164(const char *value, const char *region, netan_phone_memo_t *memo, const char *canon, GError **error)
{
  const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
  std::string cc;
  if (!region_code(region, &cc)) {
    g_autofree char *qr = netan_norm_i_quote(region);
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "%s is not a region libphonenumber knows (an ISO 3166 alpha-2 code such as AL or XK)",
                qr);
    return NULL;
  }
  const bool have_region = cc != "ZZ";
  std::string text(value);
  if (!have_region) {
    /* Without a region libphonenumber cannot know which international
     * prefix the writer dialled; "00" is the ITU-recommended one, used in
     * all of Europe, so read it as "+". */
    std::string::size_type i = text.find_first_not_of(" \t(");
    if (i != std::string::npos && text.compare(i, 2, "00") == 0)
      text.replace(i, 2, "+");
  }

  PhoneNumber number;
  PhoneNumberUtil::ErrorType e = PhoneNumberUtil::NO_PARSING_ERROR;
  bool settled = canon != NULL && (canon[0] == '+' ? number_from_plus(util, canon, &number)
                                                 : have_region && number_from_national(util, canon, cc, memo, &number));
  if (!settled)
    e = util->Parse(text, cc, &number);
  if (e != PhoneNumberUtil::NO_PARSING_ERROR) {
    g_autofree char *q = netan_norm_i_quote(value);
    g_autofree char *where = have_region ? g_strdup_printf(" for region %s", cc.c_str()) : g_strdup("");
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s is not a valid phone number%s: %s",
                q, where, parse_error_text(e, have_region));
    return NULL;
  }
  /* IsValidNumber, not IsPossibleNumber: "possible" only checks lengths, so
   * "0692" padded to a plausible length would pass; a key must denote a
   * number that can exist in the plan. libphonenumber's metadata (Debian's
   * package) decides, the same as python3-phonenumbers of the same version;
   * netan_phone_valid() gives IsValidNumber()'s answer (phone-plan.cc). */
  netan_phone_memo::Key mk = { (int32_t)number.country_code(), (uint64_t)number.national_number(),
                               number.italian_leading_zero(), (int32_t)number.number_of_leading_zeros() };
  const std::string *known = NULL;
  if (memo != NULL) {
    auto it = memo->valid.find(mk);
    if (it != memo->valid.end())
      known = &it->second;
  }
  bool valid = known ? !known->empty() : netan_phone_valid(util, number);
  if (!valid) {
    if (memo != NULL && known == NULL)
      memo->valid.emplace(mk, std::string());
    /* the message is only made for a failure (most values are good) */
    g_autofree char *q = netan_norm_i_quote(value);
    g_autofree char *where = have_region ? g_strdup_printf(" for region %s", cc.c_str()) : g_strdup("");
    /* "+383 ..." read with region AL is judged by Kosovo's plan: say so */
    if (!have_region || number.country_code() != util->GetCountryCodeForRegion(cc)) {
      g_free(where);
      where = g_strdup_printf(" (country code +%d)", (int)number.country_code());
    }
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_PARSE, "%s is not a valid phone number%s: %s",
                q, where, invalid_text(util, number));
    return NULL;
  }
  if (known != NULL)
    return g_strndup(known->data(), known->size());
  std::string out;
  util->Format(number, PhoneNumberUtil::E164, &out);
  if (memo != NULL)
    memo->valid.emplace(mk, out);
  return g_strndup(out.data(), out.size());
}

}  // namespace

extern "C" netan_phone_memo_t *
netan_i18n_i_phone_memo_new(void)
{
  try {
    return new netan_phone_memo();
  } catch (...) {
    return NULL;  /* no memo: every number is checked in full */
  }
}

extern "C" void
netan_i18n_i_phone_memo_free(netan_phone_memo_t *memo)
{
  delete memo;
}

extern "C" char *
netan_i18n_i_phone_canon(const char *value, const char *canon, const char *region, netan_phone_memo_t *memo,
                         GError **error)
{
  try {
    return phone_e164(value, region, memo, canon, error);
  } catch (const std::exception &ex) {
    /* only allocation failures can get here */
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND, "libphonenumber failed: %s", ex.what());
  } catch (...) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND, "libphonenumber failed");
  }
  return NULL;
}

/*
 * Two facts per region, read once from the compiled-in metadata, where a
 * regular expression of the metadata is a plain run of digits (so that
 * whether it matches the start of a number is a string comparison):
 *  - idd: the international prefix (international_prefix), such as "00"
 *    or "011";
 *  - national: the national prefix for parsing (national_prefix_for_parsing,
 *    which the metadata builder fills from national_prefix when a region
 *    gives none), such as "0" or "8", when the region has no
 *    national_prefix_transform_rule; "" when the region has no national
 *    prefix for parsing at all.
 * A region missing from a table has a pattern netan does not reason about.
 */
typedef struct {
  GHashTable *idd;
  GHashTable *national;
} plan_tables_t;

static bool
plain_digits(const std::string &s)
{
  if (s.size() >= 8)
    return false;
  for (char ch : s)
    if (ch < '0' || ch > '9')
      return false;
  return true;
}

static const plan_tables_t *
plan_tables(void)
{
  static gsize once = 0;
  static plan_tables_t tables;
  if (g_once_init_enter(&once)) {
    tables.idd = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    tables.national = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    try {
      const PhoneMetadataCollection *all = netan_phone_metadata();
      if (all != NULL) {
        for (int i = 0; i < all->metadata_size(); i++) {
          const auto &md = all->metadata(i);
          const std::string &id = md.id();
          if (id.size() != 2)
            continue;  /* non-geographic entities ("001") */
          if (!md.international_prefix().empty() && plain_digits(md.international_prefix()))
            g_hash_table_insert(tables.idd, g_strdup(id.c_str()), g_strdup(md.international_prefix().c_str()));
          if (md.national_prefix_transform_rule().empty() && plain_digits(md.national_prefix_for_parsing()))
            g_hash_table_insert(tables.national, g_strdup(id.c_str()),
                                g_strdup(md.national_prefix_for_parsing().c_str()));
        }
      }
    } catch (...) {
      /* no tables: no sharing, never a wrong key */
      g_hash_table_remove_all(tables.idd);
      g_hash_table_remove_all(tables.national);
    }
    g_once_init_leave(&once, 1);
  }
  return &tables;
}

/* TRUE if @region is the only region of calling code @cc. Then
 * IsValidNumber() of a number with that code judges it by @region's plan
 * alone (GetRegionCodeForNumber has no other region to pick), which is
 * what the national-spelling arguments below need: "valid" must mean
 * "valid in @region", i.e. matching its general description. Codes shared
 * by several regions (+1, +7, +44, ...) are left to Parse(). */
static bool
sole_region_of(const PhoneNumberUtil *util, int cc, const std::string &region)
{
  std::list<std::string> regions;
  util->GetRegionCodesForCountryCallingCode(cc, &regions);
  return regions.size() == 1 && regions.front() == region;
}

static GHashTable *
literal_idd_table(void)
{
  return plan_tables()->idd;
}

extern "C" const char *
netan_i18n_i_phone_idd(const char *region)
{
  /* without a region, netan itself reads a leading "00" as "+" (phone_e164) */
  if (region == NULL || region[0] == '\0')
    return "00";
  if (!g_ascii_isalpha(region[0]) || !g_ascii_isalpha(region[1]) || region[2] != '\0')
    return NULL;
  char id[3] = { g_ascii_toupper(region[0]), g_ascii_toupper(region[1]), '\0' };
  return (const char *)g_hash_table_lookup(literal_idd_table(), id);
}

extern "C" gboolean
netan_i18n_i_phone_has_country_code(const char *digits)
{
  /* PhoneNumberUtil::ExtractCountryCode, with the same public lookup */
  try {
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    if (digits[0] == '\0' || digits[0] == '0')
      return FALSE;
    for (int i = 1; i <= 3 && digits[i - 1] != '\0'; i++) {
      int cc = 0;
      for (int k = 0; k < i; k++)
        cc = cc * 10 + (digits[k] - '0');
      std::string region;
      util->GetRegionCodeForCountryCode(cc, &region);
      if (region != "ZZ")
        return TRUE;
    }
  } catch (...) {
  }
  return FALSE;
}

extern "C" gboolean
netan_i18n_i_region_check(const char *region, GError **error)
{
  try {
    std::string cc;
    if (region_code(region, &cc))
      return TRUE;
    g_autofree char *qr = netan_norm_i_quote(region);
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                "%s is not a region libphonenumber knows (an ISO 3166 alpha-2 code such as AL or XK)",
                qr);
  } catch (...) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND, "libphonenumber failed");
  }
  return FALSE;
}

/*
 * Spellings equal to a valid number's E.164 form "+CK" (C the country
 * calling code, K the national significant number), for
 * netan_i18n_i_phone_equal_spellings. libphonenumber 8.12's Parse()
 * (phonenumberutil.cc), step by step.
 *
 * "+CK" (any region, or none): the '+' is consumed
 * (MaybeStripInternationalPrefixAndNormalize); ExtractCountryCode takes C,
 * the one prefix of CK that is a calling code (calling codes are prefix-
 * free); ParseHelper then reads the metadata of C's main region M and calls
 * MaybeStripNationalPrefixAndCarrierCode(M, K). When M's national prefix
 * for parsing is empty that returns at once; when it is a plain digit
 * string D that K does not start with, and M has no transform rule, the
 * pattern consumes nothing and K is kept. ParseHelper's length test then
 * compares K with itself, and SetItalianLeadingZerosForPhoneNumber reads the
 * leading zeros of K, which are the number's own (E.164 writes them). So
 * the result has C, K and the same leading zeros: the same number. (The
 * country code source differs, but only ParseAndKeepRawInput keeps it.)
 *
 * "DK" under region R, D being R's national prefix for parsing: only when
 * R is the only region of calling code C (so R's metadata is the one used,
 * R's calling code is C, and a valid number is valid in R's plan), D is a plain digit string and R has no transform rule, K has
 * no leading zero, DK starts neither with R's plain international prefix
 * nor with the digits of C. Then: no '+' and no IDD, so the source is the
 * default country; MaybeExtractCountryCode's check for a number that starts
 * with the region's own calling code is not met; the calling code is C.
 * MaybeStripNationalPrefixAndCarrierCode(R, "DK") consumes D (a pattern
 * without groups: the carrier-code form of Consume fails, the plain one
 * matches) and keeps K unless DK matches the general description and K
 * does not; K is a valid number of R, so it matches a type's pattern and
 * hence the general description (GetNumberTypeHelper checks that first).
 * ParseHelper keeps the stripped K when TestNumberLength(K, R) is not
 * TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY or INVALID_LENGTH: the very test
 * IsPossibleNumberWithReason makes on the number (R being C's main
 * region), asked below. K has no leading zero: the same number.
 *
 * The caller passes only successes of this normaliser, which are valid
 * numbers (phone_e164 checks IsValidNumber): that validity is what the
 * argument for "DK" rests on.
 */
extern "C" void
netan_i18n_i_phone_equal_spellings(const char *e164, const char *region, char *intl, char *natl)
{
  intl[0] = natl[0] = '\0';
  try {
    size_t len = strlen(e164);
    if (len < 3 || len > 20 || e164[0] != '+')
      return;
    for (size_t i = 1; i < len; i++)
      if (!g_ascii_isdigit(e164[i]))
        return;
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    int cc = 0;
    size_t cc_len = 0;
    std::string main_region;
    for (size_t i = 1; i <= 3 && i < len; i++) {
      cc = cc * 10 + (e164[i] - '0');
      util->GetRegionCodeForCountryCode(cc, &main_region);
      if (main_region != "ZZ") {
        cc_len = i;
        break;
      }
    }
    if (cc_len == 0 || main_region == "001")
      return;
    const char *k = e164 + 1 + cc_len;
    const char *d = (const char *)g_hash_table_lookup(plan_tables()->national, main_region.c_str());
    if (d != NULL && (d[0] == '\0' || strncmp(k, d, strlen(d)) != 0))
      memcpy(intl, e164, len + 1);

    std::string r;
    if (d == NULL || d[0] == '\0' || k[0] == '0' || !region_code(region, &r) || r != main_region ||
        !sole_region_of(util, cc, r))
      return;
    const char *idd = netan_i18n_i_phone_idd(r.c_str());
    char cc_digits[8];
    g_snprintf(cc_digits, sizeof cc_digits, "%d", cc);
    char spelled[40];
    g_snprintf(spelled, sizeof spelled, "%s%s", d, k);
    if (idd == NULL || g_str_has_prefix(spelled, idd) || g_str_has_prefix(spelled, cc_digits) || strlen(spelled) > 30)
      return;
    PhoneNumber number;
    number.set_country_code(cc);
    number.set_national_number(g_ascii_strtoull(k, NULL, 10));
    PhoneNumberUtil::ValidationResult why = util->IsPossibleNumberWithReason(number);
    if (why == PhoneNumberUtil::TOO_SHORT || why == PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY ||
        why == PhoneNumberUtil::INVALID_LENGTH)
      return;
    memcpy(natl, spelled, strlen(spelled) + 1);
  } catch (...) {
    intl[0] = natl[0] = '\0';
  }
}

/*
 * Parse() of "+" and digits CK, without Parse(), when its outcome is
 * certain: libphonenumber 8.12's ParseHelper on such a spelling (see
 * netan_i18n_i_phone_equal_spellings for the steps) is viable (three or
 * more digits), has no extension, takes the calling code C by
 * ExtractCountryCode (the one prefix of at most three digits that is a
 * code; none if CK starts with 0), fails with TOO_SHORT_AFTER_IDD when CK
 * has two digits or fewer and with TOO_SHORT_NSN / TOO_LONG_NSN when K has
 * fewer than 2 or more than 17, and otherwise strips no national prefix
 * from K when C's main region M has an empty or plain-digit national
 * prefix for parsing that K does not start with and no transform rule.
 * The number is then C and K, with leading-zero fields only when K starts
 * with 0. Every case this does not settle (a leading 0 in K, a
 * non-geographic code, a pattern that is a real regular expression, the
 * error paths) returns FALSE and goes to Parse(). Validity and the E.164
 * form are then asked of this number exactly as of Parse()'s.
 */
static bool
number_from_plus(const PhoneNumberUtil *util, const char *plus, PhoneNumber *number)
{
  if (plus[0] != '+')
    return false;
  const char *digits = plus + 1;
  size_t len = strlen(digits);
  if (len <= 2 || len > 20 || digits[0] == '0')
    return false;
  for (size_t i = 0; i < len; i++)
    if (digits[i] < '0' || digits[i] > '9')
      return false;
  int cc = 0;
  size_t cc_len = 0;
  std::string main_region;
  for (size_t i = 1; i <= 3 && i <= len; i++) {
    cc = cc * 10 + (digits[i - 1] - '0');
    util->GetRegionCodeForCountryCode(cc, &main_region);
    if (main_region != "ZZ") {
      cc_len = i;
      break;
    }
  }
  if (cc_len == 0 || main_region.size() != 2)
    return false;
  const char *k = digits + cc_len;
  size_t k_len = len - cc_len;
  if (k_len < 2 || k_len > 17 || k[0] == '0')
    return false;
  const char *d = (const char *)g_hash_table_lookup(plan_tables()->national, main_region.c_str());
  if (d == NULL || (d[0] != '\0' && strncmp(k, d, strlen(d)) == 0))
    return false;
  number->Clear();
  number->set_country_code(cc);
  number->set_national_number(g_ascii_strtoull(k, NULL, 10));
  return true;
}

/*
 * Parse() of a national spelling DK (digits only) under region R, without
 * Parse(), when it reads as the valid number (C, K): the conditions and the
 * steps are those of netan_i18n_i_phone_equal_spellings's "DK" (R is the
 * only region of its calling code C; D, R's national prefix for parsing,
 * is plain digits and R has no transform rule; K does not start with 0 and
 * has 2 to 17 digits; DK starts neither with R's plain international
 * prefix nor with C; TestNumberLength(K) is acceptable), and the argument
 * needs K to be valid: then K matches R's general description and the
 * prefix is stripped. So validity is asked first (and kept in @memo, where
 * phone_e164 then finds it); for a K that is not valid this returns FALSE
 * and Parse() decides, since its result, and so the message, may then be
 * another number.
 */
static bool
number_from_national(const PhoneNumberUtil *util, const char *digits, const std::string &region,
                     netan_phone_memo_t *memo, PhoneNumber *number)
{
  size_t len = strlen(digits);
  if (len > 24 || len < 3)
    return false;
  for (size_t i = 0; i < len; i++)
    if (digits[i] < '0' || digits[i] > '9')
      return false;
  const char *d = (const char *)g_hash_table_lookup(plan_tables()->national, region.c_str());
  const char *idd = netan_i18n_i_phone_idd(region.c_str());
  if (d == NULL || d[0] == '\0' || idd == NULL || !g_str_has_prefix(digits, d) || g_str_has_prefix(digits, idd))
    return false;
  int cc = util->GetCountryCodeForRegion(region);
  std::string main_region;
  util->GetRegionCodeForCountryCode(cc, &main_region);
  char cc_digits[8];
  g_snprintf(cc_digits, sizeof cc_digits, "%d", cc);
  if (cc == 0 || main_region != region || !sole_region_of(util, cc, region) || g_str_has_prefix(digits, cc_digits))
    return false;
  const char *k = digits + strlen(d);
  size_t k_len = strlen(k);
  if (k_len < 2 || k_len > 17 || k[0] == '0')
    return false;
  PhoneNumber candidate;
  candidate.set_country_code(cc);
  candidate.set_national_number(g_ascii_strtoull(k, NULL, 10));
  PhoneNumberUtil::ValidationResult why = util->IsPossibleNumberWithReason(candidate);
  if (why == PhoneNumberUtil::TOO_SHORT || why == PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY ||
      why == PhoneNumberUtil::INVALID_LENGTH)
    return false;
  /* the key phone_e164 makes of the same number */
  netan_phone_memo::Key mk = { (int32_t)candidate.country_code(), (uint64_t)candidate.national_number(),
                               candidate.italian_leading_zero(), (int32_t)candidate.number_of_leading_zeros() };
  bool valid;
  const std::string *seen = NULL;
  if (memo != NULL) {
    auto it = memo->valid.find(mk);
    if (it != memo->valid.end())
      seen = &it->second;
  }
  if (seen != NULL) {
    valid = !seen->empty();
  } else {
    valid = netan_phone_valid(util, candidate);
    if (memo != NULL) {
      std::string out;
      if (valid)
        util->Format(candidate, PhoneNumberUtil::E164, &out);
      memo->valid.emplace(mk, out);
    }
  }
  if (!valid)
    return false;
  number->Swap(&candidate);
  return true;
}
