/* Phone numbers to E.164: the thin C++ shim over libphonenumber (the
 * standard; DESIGN.md §4). Everything C sees is extern "C" and
 * exception-free: a C++ exception must never unwind through C frames.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/normalize-private.h"

#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstdint>
#include <string>
#include <unordered_map>

using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

/* The metadata compiled into libphonenumber, the very bytes PhoneNumberUtil
 * loads at start (LoadCompiledInMetadata); exported by the library, declared
 * in its metadata.h, which Debian does not install. */
namespace i18n {
namespace phonenumbers {
int metadata_size();
const void *metadata_get();
}  // namespace phonenumbers
}  // namespace i18n

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
phone_e164(const char *value, const char *region, netan_phone_memo_t *memo, GError **error)
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
  PhoneNumberUtil::ErrorType e = util->Parse(text, cc, &number);
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
   * package) decides, the same as python3-phonenumbers of the same version. */
  netan_phone_memo::Key mk = { (int32_t)number.country_code(), (uint64_t)number.national_number(),
                               number.italian_leading_zero(), (int32_t)number.number_of_leading_zeros() };
  const std::string *known = NULL;
  if (memo != NULL) {
    auto it = memo->valid.find(mk);
    if (it != memo->valid.end())
      known = &it->second;
  }
  bool valid = known ? !known->empty() : util->IsValidNumber(number);
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

extern "C" char *
netan_norm_i_phone(const char *value, const char *region, GError **error)
{
  return netan_norm_i_phone_memo(value, region, NULL, error);
}

extern "C" netan_phone_memo_t *
netan_phone_memo_new(void)
{
  try {
    return new netan_phone_memo();
  } catch (...) {
    return NULL;  /* no memo: every number is checked in full */
  }
}

extern "C" void
netan_phone_memo_free(netan_phone_memo_t *memo)
{
  delete memo;
}

extern "C" char *
netan_norm_i_phone_memo(const char *value, const char *region, netan_phone_memo_t *memo, GError **error)
{
  try {
    return phone_e164(value, region, memo, error);
  } catch (const std::exception &ex) {
    /* only allocation failures can get here */
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND, "libphonenumber failed: %s", ex.what());
  } catch (...) {
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND, "libphonenumber failed");
  }
  return NULL;
}

/*
 * The international prefix of each region whose prefix (the metadata's
 * international_prefix, a regular expression) is a plain run of digits,
 * such as "00" or "011"; read once from the compiled-in metadata.
 */
static GHashTable *
literal_idd_table(void)
{
  static gsize once = 0;
  static GHashTable *table = NULL;
  if (g_once_init_enter(&once)) {
    GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    try {
      PhoneMetadataCollection all;
      if (all.ParseFromArray(i18n::phonenumbers::metadata_get(), i18n::phonenumbers::metadata_size())) {
        for (int i = 0; i < all.metadata_size(); i++) {
          const std::string &id = all.metadata(i).id();
          const std::string &idd = all.metadata(i).international_prefix();
          bool digits = !idd.empty() && idd.size() < 8;
          for (char ch : idd)
            digits = digits && ch >= '0' && ch <= '9';
          if (digits && id.size() == 2)
            g_hash_table_insert(t, g_strdup(id.c_str()), g_strdup(idd.c_str()));
        }
      }
    } catch (...) {
      g_hash_table_remove_all(t);  /* no table: no sharing, never a wrong key */
    }
    table = t;
    g_once_init_leave(&once, 1);
  }
  return table;
}

extern "C" const char *
netan_norm_i_phone_idd(const char *region)
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
netan_norm_i_phone_has_country_code(const char *digits)
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
netan_norm_i_region_check(const char *region, GError **error)
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
