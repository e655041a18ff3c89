/* Phone numbers: validity by the numbering plan, as IsValidNumber() judges
 * it, at a twentieth of its cost.
 *
 * IsValidNumber() is what makes a phone key (normalize-phone.cc). Of its
 * ~2 µs a call, the matching itself is a small part: each of up to eleven
 * pattern tests looks the pattern up in libphonenumber's regular-expression
 * cache (hashing the pattern text, under a lock) and builds and destroys an
 * ICU matcher. On a million call records with 50,000 numbers that was an
 * eighth of the ingest. Here the same patterns, read from the same
 * compiled-in metadata, are compiled once with PCRE2 (JIT where the system
 * allows it) and tested with the same rules, in the same order.
 *
 * What libphonenumber 8.12 does, and what this repeats:
 *  - IsValidNumber(n) takes the region of n's calling code
 *    (GetRegionCodeForNumber): the only one when the code has one region.
 *    Codes shared by several regions (+1, +7, +44, ...) pick a region by
 *    leading digits and patterns; they are not handled here, and
 *    libphonenumber decides (the caller falls back). So are non-geographic
 *    codes (+800, ...), whose metadata is not a region's.
 *  - IsValidNumberForRegion: with the region's metadata and its calling
 *    code equal to n's, the number is valid iff GetNumberTypeHelper(NSN)
 *    is not UNKNOWN, NSN being the national number after its leading zeros
 *    (number_of_leading_zeros of them when italian_leading_zero is set).
 *  - GetNumberTypeHelper: NSN must match the general description; then it
 *    is of a type when it matches that type's description: premium rate,
 *    toll free, shared cost, VoIP, personal, pager, UAN, voicemail, fixed
 *    line, mobile. Fixed line and mobile only decide between
 *    FIXED_LINE, MOBILE and FIXED_LINE_OR_MOBILE, all of them valid; a
 *    mobile test skipped because its pattern equals the fixed-line one
 *    (same_mobile_and_fixed_line_pattern) would have failed like the
 *    fixed-line one did. So: valid iff general && (any of the ten).
 *  - IsNumberMatchingDesc: false when the description lists possible
 *    lengths and NSN's length is not among them; otherwise
 *    RegexBasedMatcher: false for an empty pattern, else a full match of
 *    the pattern against NSN (ICU RegexMatcher::matches()).
 * A full match is the same question for PCRE2 and ICU: the pattern,
 * anchored at the start and followed by \z, with backtracking through
 * every alternative. The metadata's patterns use digits, \d, classes,
 * (?:...), | and counted repeats, which both engines read alike; NSN is
 * ASCII digits. A region whose patterns PCRE2 refuses gets no plan.
 * tests/unit/test-normalize.c compares this with IsValidNumber() on
 * numbers of every single-region calling code.
 *
 * Plans are compiled on first use, per calling code, and kept for the life
 * of the process (like libphonenumber's own cache): about 240 at most.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/phone-plan.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <list>
#include <string>
#include <unordered_map>
#include <vector>

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberDesc;
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

const PhoneMetadataCollection *
netan_phone_metadata(void)
{
  static gsize once = 0;
  static PhoneMetadataCollection *all = NULL;
  if (g_once_init_enter(&once)) {
    try {
      PhoneMetadataCollection *c = new PhoneMetadataCollection();
      if (c->ParseFromArray(i18n::phonenumbers::metadata_get(), i18n::phonenumbers::metadata_size()))
        all = c;
      else
        delete c;
    } catch (...) {
      all = NULL;  /* no metadata: every question goes to libphonenumber */
    }
    g_once_init_leave(&once, 1);
  }
  return all;
}

namespace {

/* One PhoneNumberDesc: its possible lengths and its compiled pattern
 * (NULL: the pattern is empty, which matches nothing). */
struct Desc {
  std::vector<int> lengths;
  pcre2_code *re = NULL;
};

/* The eleven descriptions of one region, in GetNumberTypeHelper's order. */
struct Plan {
  Desc general;
  Desc types[10];
};

bool
compile_desc(const PhoneNumberDesc &d, Desc *out)
{
  out->lengths.assign(d.possible_length().begin(), d.possible_length().end());
  const std::string &p = d.national_number_pattern();
  if (p.empty())
    return true;
  std::string full = "(?:" + p + ")\\z";
  int code;
  PCRE2_SIZE offset;
  out->re = pcre2_compile((PCRE2_SPTR)full.c_str(), full.size(), PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, &code,
                          &offset, NULL);
  if (out->re == NULL)
    return false;
  /* JIT is an optimisation: where the system forbids it, pcre2_match()
   * interprets the same pattern */
  (void)pcre2_jit_compile(out->re, PCRE2_JIT_COMPLETE);
  return true;
}

void
free_plan(Plan *p)
{
  pcre2_code_free(p->general.re);
  for (Desc &d : p->types)
    pcre2_code_free(d.re);
  delete p;
}

/* The plan of calling code @cc, or NULL where libphonenumber must decide. */
Plan *
build_plan(const PhoneNumberUtil *util, int cc)
{
  const PhoneMetadataCollection *all = netan_phone_metadata();
  std::list<std::string> regions;
  util->GetRegionCodesForCountryCallingCode(cc, &regions);
  if (all == NULL || regions.size() != 1 || regions.front().size() != 2)
    return NULL;
  const PhoneMetadata *md = NULL;
  for (int i = 0; i < all->metadata_size() && md == NULL; i++)
    if (all->metadata(i).id() == regions.front())
      md = &all->metadata(i);
  if (md == NULL || md->country_code() != cc || md->general_desc().national_number_pattern().empty())
    return NULL;
  Plan *p = new Plan();
  const PhoneNumberDesc *types[10] = { &md->premium_rate(), &md->toll_free(), &md->shared_cost(), &md->voip(),
                                       &md->personal_number(), &md->pager(), &md->uan(), &md->voicemail(),
                                       &md->fixed_line(), &md->mobile() };
  bool ok = compile_desc(md->general_desc(), &p->general);
  for (int i = 0; i < 10 && ok; i++)
    ok = compile_desc(*types[i], &p->types[i]);
  if (!ok) {
    free_plan(p);
    return NULL;
  }
  return p;
}

GMutex plans_lock;
std::unordered_map<int, Plan *> *plans;  /* calling code -> plan or NULL; under plans_lock */

Plan *
plan_of(const PhoneNumberUtil *util, int cc)
{
  g_mutex_lock(&plans_lock);
  if (plans == NULL)
    plans = new std::unordered_map<int, Plan *>();
  auto it = plans->find(cc);
  Plan *p;
  if (it != plans->end()) {
    p = it->second;
  } else {
    p = build_plan(util, cc);
    plans->emplace(cc, p);
  }
  g_mutex_unlock(&plans_lock);
  return p;
}

/* pcre2_match() needs scratch space; one per thread, made once and freed
 * with the thread. A GPrivate rather than thread_local: this module is
 * opened with dlopen(), and GCC 12's LeakSanitizer crashes at exit when it
 * scans a dlopen()ed library's dynamic TLS (--enable-sanitizers). */
void
free_match_data(gpointer md)
{
  pcre2_match_data_free((pcre2_match_data *)md);
}
GPrivate match_data = G_PRIVATE_INIT(free_match_data);

bool
matches(const Desc &d, const std::string &nsn)
{
  if (!d.lengths.empty() && std::find(d.lengths.begin(), d.lengths.end(), (int)nsn.size()) == d.lengths.end())
    return false;
  if (d.re == NULL)
    return false;
  pcre2_match_data *md = (pcre2_match_data *)g_private_get(&match_data);
  if (md == NULL) {
    md = pcre2_match_data_create(1, NULL);
    if (md == NULL)
      throw std::bad_alloc();
    g_private_set(&match_data, md);
  }
  int rc = pcre2_match(d.re, (PCRE2_SPTR)nsn.data(), nsn.size(), 0, PCRE2_NO_UTF_CHECK, md, NULL);
  if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
    throw std::runtime_error("pcre2_match");  /* a resource limit: let libphonenumber answer */
  return rc >= 0;
}

}  // namespace

bool
netan_phone_valid(const PhoneNumberUtil *util, const PhoneNumber &number)
{
  Plan *p = plan_of(util, number.country_code());
  if (p == NULL)
    return util->IsValidNumber(number);
  std::string nsn;
  if (number.italian_leading_zero())
    nsn.assign((size_t)std::max(number.number_of_leading_zeros(), 0), '0');
  nsn += std::to_string(number.national_number());
  try {
    if (!matches(p->general, nsn))
      return false;
    for (const Desc &d : p->types)
      if (matches(d, nsn))
        return true;
    return false;
  } catch (const std::runtime_error &) {
    return util->IsValidNumber(number);
  }
}

extern "C" int
netan_i18n_i_phone_valid(int country_code, guint64 national_number, int leading_zeros, gboolean reference)
{
  try {
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber n;
    n.set_country_code(country_code);
    n.set_national_number(national_number);
    if (leading_zeros > 0) {
      n.set_italian_leading_zero(true);
      if (leading_zeros != 1)
        n.set_number_of_leading_zeros(leading_zeros);
    }
    return (reference ? util->IsValidNumber(n) : netan_phone_valid(util, n)) ? 1 : 0;
  } catch (...) {
    return -1;
  }
}

extern "C" gboolean
netan_i18n_i_phone_has_plan(int country_code)
{
  try {
    return plan_of(PhoneNumberUtil::GetInstance(), country_code) != NULL;
  } catch (...) {
    return FALSE;
  }
}
