/* SPDX-License-Identifier: GPL-3.0-or-later */
#if !defined(NETAN_INSIDE) && !defined(NETAN_COMPILATION)
#error "Only <netan/netan.h> can be included directly."
#endif
#ifndef NETAN_NORMALIZE_H
#define NETAN_NORMALIZE_H

#include <netan/netan-common.h>

G_BEGIN_DECLS

/**
 * netan_normalizer_t:
 * How an identifier becomes an entity key (DESIGN.md §4; the `normalize`
 * key of a mapping spec, doc/mapping-spec.md). Two raw values that denote
 * the same thing get the same key, so that exact-key matches can merge
 * entities automatically. Values are only ever appended.
 *
 * @NETAN_NORMALIZE_NONE: the value as written (still valid UTF-8).
 * @NETAN_NORMALIZE_TEXT: trimmed, runs of white space collapsed to one
 *   space, Unicode NFC.
 * @NETAN_NORMALIZE_PHONE: E.164 ("+355692123456") with libphonenumber;
 *   numbers libphonenumber does not consider *valid* for their country
 *   (IsValidNumber: the number plan's ranges and lengths, not only
 *   plausible lengths) are rejected. Without a region, only numbers written
 *   with "+" or "00" and a country code are accepted. An extension
 *   ("ext. 12") is dropped, as E.164 has none.
 * @NETAN_NORMALIZE_PLATE: vehicle plate: upper case; white space, hyphens
 *   and dashes, dots and middle dots dropped; Cyrillic and Greek letters
 *   that look like Latin ones (А В Е К М Н О Р С Т У Х, and Ѕ І Ј; Α Β Ε Ζ Η
 *   Ι Κ Μ Ν Ο Ρ Τ Υ Χ; upper or lower case) read as those Latin letters;
 *   diacritics folded (Š→S, Č→C, Ć→C, Ž→Z, Đ→D), full-width forms read as
 *   ASCII. Rejected if anything but A–Z and 0–9 remains (a "/" or "_", a
 *   Cyrillic Ж), or nothing does.
 * @NETAN_NORMALIZE_IBAN: white space, hyphens and dots dropped, upper
 *   case; the country must use IBANs (SWIFT registry), the length and the
 *   account-part format must be that country's, and the ISO 7064 mod-97-10
 *   check must hold with check digits 02–98 (ISO 13616).
 * @NETAN_NORMALIZE_IMEI: spaces, hyphens, slashes and dots dropped; 15
 *   digits whose last is the Luhn check digit, or 14 digits (the check digit
 *   omitted, as some operators record them), to which the computed check
 *   digit is appended. An all-zero IMEI (a placeholder for "unknown" in
 *   call records) is rejected so that unknown handsets do not merge into
 *   one. Anything else, including a 16-digit IMEISV, is rejected.
 * @NETAN_NORMALIZE_EMAIL: trimmed, lower case, NFC; exactly one "@", a
 *   non-empty local part, a domain of non-empty labels with at least one
 *   dot, no white space.
 * @NETAN_NORMALIZE_NAME: a person's or organization's name as a matching
 *   key: transliterated to ASCII Latin with ICU ("Any-Latin; Latin-ASCII":
 *   Cyrillic, Greek, Arabic, Han, ... to Latin, then diacritics folded),
 *   case folded, apostrophes dropped ("O'Brien" = "OBrien"), every other
 *   non-letter (digits too) a separator, the words sorted and joined by one
 *   space. So "HOXHA Dritan", "Dritan Hoxha" and "Дритан Хоxха" all give
 *   "dritan hoxha". Before ICU's transform, the Serbian and Macedonian
 *   letters Љ Њ Џ Ѓ Ќ Ѕ become Lj Nj Dž Gj Kj Dz, as in those languages'
 *   own Latin alphabets and passports (ICU's Any-Latin follows ISO 9, which
 *   would make "Љубица" "Lubica", not "Ljubica", and "Хоџа" "Hoda"). The
 *   key is exact: a transliteration that spells a sound differently stays
 *   different — Serbian "Хоџа" gives "hodza", not Albanian "hoxha", and
 *   "Đorđe" gives "dorde", not "djordje". Finding such near-matches is the
 *   job of netan_jaro_winkler() and merge suggestions, which an analyst
 *   confirms (DESIGN.md §3), not of the key.
 */
typedef enum {
  NETAN_NORMALIZE_NONE = 0,
  NETAN_NORMALIZE_TEXT,
  NETAN_NORMALIZE_PHONE,
  NETAN_NORMALIZE_PLATE,
  NETAN_NORMALIZE_IBAN,
  NETAN_NORMALIZE_IMEI,
  NETAN_NORMALIZE_EMAIL,
  NETAN_NORMALIZE_NAME
} netan_normalizer_t;

/**
 * Looks up a normalizer by the name a mapping spec uses: "none", "text",
 * "phone", "plate", "iban", "imei", "email", "name" (ASCII case ignored).
 * Returns: TRUE and sets *@out, or FALSE (and leaves *@out alone) if
 * @name is NULL or unknown.
 */
NETAN_API gboolean netan_normalizer_from_name(const char *name, netan_normalizer_t *out);

/**
 * The name of @n ("phone", ...), or NULL if @n is not a normalizer.
 * Static: do not free.
 */
NETAN_API const char *netan_normalizer_name(netan_normalizer_t n);

/**
 * Normalizes one identifier (see netan_normalizer_t for each rule).
 * @value: UTF-8 text as it came from the source.
 * @region: ISO 3166 alpha-2 code ("AL", "XK", ...; any case) of the
 *   country whose national notation @value may be in. Only
 *   NETAN_NORMALIZE_PHONE reads it; NULL or "" means no default region.
 *
 * Thread-safe. Each call does the full work (the phone and name
 * normalizers are the slow ones, a few microseconds); code that normalizes
 * many repeating values should cache the results, as ingest does.
 *
 * Returns: the key, newly allocated (g_free()), or NULL with @error set:
 * NETAN_ERROR_PARSE when @value is not valid UTF-8 or is not a valid
 * identifier of that kind (the message says why, for a person:
 * "\"0692\" is not a valid phone number for region AL");
 * NETAN_ERROR_INVALID_ARGUMENT when @value is NULL, @n is unknown or
 * @region is not a region libphonenumber knows; NETAN_ERROR_BACKEND if ICU
 * cannot provide the transliterator, or if the netan-i18n module, which
 * holds the phone and name normalizers (doc/mapping-spec.md), cannot be
 * loaded (the message says where it was looked for and why it failed).
 */
NETAN_API char *netan_normalize(netan_normalizer_t n, const char *value, const char *region,
                                GError **error);

/**
 * Jaro–Winkler similarity of two UTF-8 strings, on Unicode code points:
 * Jaro's matching window max(|a|, |b|) / 2 - 1, half the out-of-order
 * matches as transpositions (rounded down), and Winkler's boost of 0.1 per
 * common leading code point (up to 4) applied when the Jaro similarity
 * exceeds 0.7. The same numbers as jellyfish.jaro_winkler_similarity()
 * (python3-jellyfish): MARTHA/MARHTA 0.9611, DWAYNE/DUANE 0.84,
 * DIXON/DICKSONX 0.8133. Case-sensitive: compare normalized names
 * (NETAN_NORMALIZE_NAME) to ignore case, script and word order.
 *
 * Returns: 0.0 (nothing in common, or either string empty) .. 1.0
 * (identical), or -1.0 if either string is not valid UTF-8 (or NULL, a
 * caller bug). Time O(|a| * |b|) at worst, memory O(|a| + |b|).
 * Thread-safe.
 *
 * W. E. Winkler, "String comparator metrics and enhanced decision rules in
 * the Fellegi–Sunter model of record linkage", Proc. Section on Survey
 * Research Methods, ASA, 1990.
 */
NETAN_API double netan_jaro_winkler(const char *a, const char *b);

G_END_DECLS

#endif
