/* The normalization cache: each distinct (normalizer, region, value) is
 * normalized once per ingest. A million call records hold perhaps twenty
 * thousand distinct numbers, and libphonenumber costs microseconds a call
 * against tens of nanoseconds for a hash lookup.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/normalize-private.h"

#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

/*
 * Layout. A cache owns tables; a table holds the results of one normalizer
 * under one region. A table is an open-addressing hash map from the raw
 * bytes of a value to an entry that holds the raw bytes inline, the result
 * (the key, interned in the cache so that every spelling of one key gives
 * one pointer, or the reason) and a slot the caller may use (the ingest
 * engine keeps the entity id there: one lookup takes a row's value to its
 * entity). A hit costs one hash of the value, one probe and one memcmp.
 * Entries never move (they live in blocks); only the slot array grows.
 * Failures are cached too: a bad value repeats as often as a good one.
 */

typedef struct {
  netan_norm_entry_t pub;
  guint64 hash;
  guint32 len;
  char raw[];  /* len bytes and a NUL */
} entry_t;

typedef struct {
  guint64 hash;  /* 0: empty */
  entry_t *e;
} slot_t;

typedef struct {
  slot_t *slots;
  gsize mask;  /* n_slots - 1 */
  gsize used;
} map_t;

struct netan_norm_table {
  netan_norm_cache_t *cache;
  netan_normalizer_t n;
  char *region;           /* "" for none, and for every normalizer but phones */
  map_t values;           /* raw value -> entry */
  map_t canonical;        /* phones: canonical spelling -> entry of a success (see canonical_phone) */
  netan_norm_runner_t runner;
  gpointer runner_data;
  netan_phone_memo_t *memo;  /* phones: validity by parsed number (normalize-phone.cc) */
  const char *idd;           /* phones: the region's international prefix if plain digits, or NULL */
};

struct netan_norm_cache {
  GStringChunk *keys;     /* interned keys (insert_const) */
  GStringChunk *reasons;  /* reasons: one copy per failing value */
  GSList *blocks;         /* of entry storage */
  char *block;            /* current block and its free space */
  gsize block_free;
  GPtrArray *tables;      /* every table, owned */
  GHashTable *by_kind;    /* "n\x1fregion" -> table, for netan_norm_cache_get */
  guint size;
  guint runs;             /* normalizer calls made */
};

#define HUGE_PAGE (2 * 1024 * 1024)
#define BLOCK_SIZE HUGE_PAGE

/*
 * Memory for the slot arrays and entry blocks. A lookup touches a slot and
 * an entry at random among hundreds of thousands: with 4 KiB pages nearly
 * every lookup also misses the TLB (costly under virtualisation), which
 * made the lookups of a 10M-row ingest a quarter of its time. Large
 * allocations are therefore aligned to 2 MiB and offered to the kernel as
 * transparent huge pages (a hint; without it they are ordinary memory).
 */
static gpointer
big_alloc0(gsize size)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (size >= HUGE_PAGE) {
    size = (size + HUGE_PAGE - 1) & ~(gsize)(HUGE_PAGE - 1);
    void *p = NULL;
    if (posix_memalign(&p, HUGE_PAGE, size) == 0) {
      madvise(p, size, MADV_HUGEPAGE);
      memset(p, 0, size);
      return p;
    }
  }
#endif
  gpointer p = malloc(size);
  if (p == NULL)
    g_error("out of memory (%" G_GSIZE_FORMAT " bytes)", size);
  return memset(p, 0, size);
}

/* A fast 64-bit hash of a short byte string (values are a few dozen
 * bytes; this reads 8 at a time). Never 0: 0 marks an empty slot. */
static inline guint64
hash_bytes(const char *s, gsize n)
{
  guint64 h = 0x9E3779B97F4A7C15ull ^ ((guint64)n * 0xff51afd7ed558ccdull);
  while (n >= 8) {
    guint64 w;
    memcpy(&w, s, 8);
    h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    h ^= h >> 31;
    s += 8;
    n -= 8;
  }
  guint64 w = 0;
  memcpy(&w, s, n);
  h = (h ^ w) * 0x94d049bb133111ebull;
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return h ? h : 1;
}

static void
map_init(map_t *m)
{
  m->mask = 63;
  m->used = 0;
  m->slots = big_alloc0(sizeof(slot_t) * (m->mask + 1));
}

static entry_t *
map_find(const map_t *m, guint64 h, const char *value, gsize len)
{
  for (gsize i = h & m->mask;; i = (i + 1) & m->mask) {
    const slot_t *s = &m->slots[i];
    if (s->hash == 0)
      return NULL;
    if (s->hash == h && s->e->len == len && memcmp(s->e->raw, value, len) == 0)
      return s->e;
  }
}

static void
map_put(map_t *m, guint64 h, entry_t *e)
{
  if ((m->used + 1) * 2 > m->mask + 1) {
    gsize n = (m->mask + 1) * 2;
    slot_t *old = m->slots;
    gsize old_n = m->mask + 1;
    m->slots = big_alloc0(sizeof(slot_t) * n);
    m->mask = n - 1;
    for (gsize i = 0; i < old_n; i++) {
      if (old[i].hash == 0)
        continue;
      gsize j = old[i].hash & m->mask;
      while (m->slots[j].hash != 0)
        j = (j + 1) & m->mask;
      m->slots[j] = old[i];
    }
    free(old);
  }
  gsize j = h & m->mask;
  while (m->slots[j].hash != 0)
    j = (j + 1) & m->mask;
  m->slots[j].hash = h;
  m->slots[j].e = e;
  m->used++;
}

static entry_t *
entry_new(netan_norm_cache_t *c, guint64 h, const char *value, gsize len)
{
  gsize need = (sizeof(entry_t) + len + 1 + 7) & ~(gsize)7;
  if (need > c->block_free) {
    gsize size = MAX(BLOCK_SIZE, need);
    c->block = big_alloc0(size);
    c->blocks = g_slist_prepend(c->blocks, c->block);
    c->block_free = size;
  }
  entry_t *e = (entry_t *)c->block;
  c->block += need;
  c->block_free -= need;
  e->pub.key = NULL;
  e->pub.reason = NULL;
  e->pub.id = -1;
  e->hash = h;
  e->len = (guint32)len;
  memcpy(e->raw, value, len);
  e->raw[len] = '\0';
  return e;
}

netan_norm_cache_t *
netan_norm_cache_new(void)
{
  netan_norm_cache_t *c = g_new0(netan_norm_cache_t, 1);
  c->keys = g_string_chunk_new(64 * 1024);
  c->reasons = g_string_chunk_new(16 * 1024);
  c->tables = g_ptr_array_new();
  c->by_kind = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  return c;
}

void
netan_norm_cache_free(netan_norm_cache_t *c)
{
  if (c == NULL)
    return;
  for (guint i = 0; i < c->tables->len; i++) {
    netan_norm_table_t *t = g_ptr_array_index(c->tables, i);
    free(t->values.slots);
    free(t->canonical.slots);
    netan_phone_memo_free(t->memo);
    g_free(t->region);
    g_free(t);
  }
  g_ptr_array_unref(c->tables);
  g_hash_table_unref(c->by_kind);
  g_slist_free_full(c->blocks, free);
  g_string_chunk_free(c->keys);
  g_string_chunk_free(c->reasons);
  g_free(c);
}

guint
netan_norm_cache_size(const netan_norm_cache_t *c)
{
  return c->size;
}

guint
netan_norm_cache_runs(const netan_norm_cache_t *c)
{
  return c->runs;
}

netan_norm_table_t *
netan_norm_table_new(netan_norm_cache_t *c, netan_normalizer_t n, const char *region)
{
  g_return_val_if_fail(c != NULL && netan_normalizer_name(n) != NULL, NULL);
  netan_norm_table_t *t = g_new0(netan_norm_table_t, 1);
  t->cache = c;
  t->n = n;
  /* only phone numbers depend on the region */
  t->region = g_strdup(n == NETAN_NORMALIZE_PHONE && region ? region : "");
  map_init(&t->values);
  map_init(&t->canonical);
  if (n == NETAN_NORMALIZE_PHONE) {
    t->memo = netan_phone_memo_new();
    t->idd = netan_norm_i_phone_idd(t->region);
  }
  g_ptr_array_add(c->tables, t);
  return t;
}

void
netan_norm_table_set_runner(netan_norm_table_t *t, netan_norm_runner_t runner, gpointer data)
{
  t->runner = runner;
  t->runner_data = data;
}

/*
 * The canonical spelling of a phone value of a narrow, ASCII-only shape:
 *
 *   an optional "+", a first run of at least two digits, then runs of
 *   digits each after one or more of ' ', '-', '.', '(' , ')';
 *   at least three digits; it ends with a digit; at most 64 bytes.
 *
 * Its canonical spelling is the "+" (if any) and the digits. For every
 * value of that shape libphonenumber's Parse() builds the same number from
 * the value and from its canonical spelling (libphonenumber 8.12,
 * phonenumberutil.cc):
 *  - the input is far below kMaxInputStringLength (250);
 *  - BuildNationalNumberForParsing: no ";phone-context=" or ";isub=";
 *    ExtractPossibleNumber starts at the first byte (a '+' or a digit),
 *    trims nothing at the end (a digit) and finds no second number (that
 *    needs '/' or '\');
 *  - IsViablePhoneNumber: with three digits or more both spellings match
 *    the "[+]*(?:[punctuation]*digit){3,}" branch (' ', '-', '.', '(' and
 *    ')' are all in kValidPunctuation);
 *  - CheckRegionForParsing only asks whether it starts with '+': both do,
 *    or neither;
 *  - MaybeStripExtension: every extension pattern needs a letter, '#',
 *    ',' or ';', none of which the shape allows;
 *  - from MaybeStripInternationalPrefixAndNormalize on, libphonenumber
 *    works on the leading '+' (consumed) and the digits alone (Normalize:
 *    no letters, so NormalizeDigitsOnly), the same for both spellings.
 * netan's own step before Parse (without a region, a leading "00" is read
 * as "+") looks at the first two bytes, which the first run of two digits
 * makes the same in both spellings.
 *
 * One step further, the international prefix. When the region's prefix is
 * a plain string of digits P (@idd: "00" for most of Europe, "011" for
 * NANPA; netan_norm_i_phone_idd()) and the digits are P, then F, where F
 * has more than two digits, does not start with 0 and starts with a known
 * country calling code, the canonical spelling is "+F":
 * MaybeStripInternationalPrefixAndNormalize strips P (ParsePrefixAsIdd:
 * the pattern consumes P at the start; the next digit is not 0) and leaves
 * the digits F, exactly what it leaves after the "+" of "+F"; from there
 * MaybeExtractCountryCode does the same for both (the length check, then
 * ExtractCountryCode(F), which succeeds), and ParseHelper's one difference
 * between the two, its retry without the "+" on INVALID_COUNTRY_CODE_ERROR,
 * is not reached. The country code source (IDD or plus) is only kept by
 * ParseAndKeepRawInput, which netan does not use. Without a region, netan
 * turns the leading "00" into "+" itself, so P is "00".
 *
 * Two more spellings join a success's key once it is known: its E.164
 * form, and its national form under the table's region (the region's
 * national prefix, then the national number), each when libphonenumber's
 * Parse() provably reads it as the same number (normalize-phone.cc,
 * netan_norm_i_phone_equal_spellings, argues it step by step). So "069…"
 * and "+381 69…" share one parse whichever comes first.
 *
 * Only successes are shared through the canonical spelling: a failure's
 * reason quotes the value as written, so every failing spelling is parsed
 * for its own message. Writes the canonical spelling to @out (66 bytes);
 * FALSE if @value is not of the shape.
 */
static gboolean
canonical_phone(const char *value, gsize len, const char *idd, char *out, gsize *out_len)
{
  if (len > 64 || len < 3)
    return FALSE;
  gsize i = 0, o = 0, digits = 0, first_run = 0;
  gboolean in_first = TRUE;
  if (value[0] == '+')
    out[o++] = value[i++];
  if (i >= len || !g_ascii_isdigit(value[i]))
    return FALSE;
  for (; i < len; i++) {
    char ch = value[i];
    if (g_ascii_isdigit(ch)) {
      out[o++] = ch;
      digits++;
      if (in_first)
        first_run++;
    } else if (ch == ' ' || ch == '-' || ch == '.' || ch == '(' || ch == ')') {
      in_first = FALSE;
    } else {
      return FALSE;
    }
  }
  if (digits < 3 || first_run < 2 || !g_ascii_isdigit(value[len - 1]))
    return FALSE;
  out[o] = '\0';
  gsize p = idd ? strlen(idd) : 0;
  if (out[0] != '+' && p > 0 && o > p + 2 && strncmp(out, idd, p) == 0 && out[p] != '0' &&
      netan_norm_i_phone_has_country_code(out + p)) {
    out[0] = '+';
    memmove(out + 1, out + p, o - p + 1);
    o = o - p + 1;
  }
  *out_len = o;
  return TRUE;
}

/* Maps a canonical spelling to a success's key, unless it is mapped. */
static void
canonical_put(netan_norm_table_t *t, guint64 h, const char *canon, gsize len, const char *key)
{
  if (map_find(&t->canonical, h, canon, len) != NULL)
    return;
  entry_t *ce = entry_new(t->cache, h, canon, len);
  ce->pub.key = key;
  map_put(&t->canonical, h, ce);
}

/* Runs the normalizer on @value and stores the result in @e. @canon: the
 * value's canonical spelling if it is a phone number of the narrow shape
 * (one that libphonenumber may not need to parse), or NULL. */
static void
compute(netan_norm_table_t *t, entry_t *e, const char *canon)
{
  netan_norm_cache_t *c = t->cache;
  GError *err = NULL;
  const char *rg = t->region;
  c->runs++;
  char *key = t->runner ? t->runner(t->runner_data, e->raw, &err)
            : canon != NULL ? netan_norm_i_phone_canon(e->raw, canon, rg, t->memo, &err)  /* ASCII: shaped */
            : t->n == NETAN_NORMALIZE_PHONE ? netan_norm_i_run_phone(e->raw, rg, t->memo, &err)
                                            : netan_norm_i_run(t->n, e->raw, rg, &err);
  if (key != NULL) {
    /* keys repeat across raw spellings ("+355 69..." and "0692..."): store
     * each key once, so that one key is one pointer */
    e->pub.key = g_string_chunk_insert_const(c->keys, key);
    g_free(key);
  } else {
    e->pub.reason = g_string_chunk_insert(c->reasons, err ? err->message : "cannot be normalised");
    g_clear_error(&err);
  }
}

guint64
netan_norm_table_hash(const netan_norm_table_t *t, const char *value, gsize len)
{
  guint64 h = hash_bytes(value, len);
  __builtin_prefetch(&t->values.slots[h & t->values.mask]);
  return h;
}

void
netan_norm_table_prefetch(const netan_norm_table_t *t, guint64 h)
{
  const slot_t *s = &t->values.slots[h & t->values.mask];
  if (s->hash == h)
    __builtin_prefetch(s->e);
}

netan_norm_entry_t *
netan_norm_table_get(netan_norm_table_t *t, const char *value, gsize len)
{
  return netan_norm_table_get_hashed(t, value, len, hash_bytes(value, len));
}

netan_norm_entry_t *
netan_norm_table_get_hashed(netan_norm_table_t *t, const char *value, gsize len, guint64 h)
{
  entry_t *e = map_find(&t->values, h, value, len);
  if (G_LIKELY(e != NULL))
    return &e->pub;

  netan_norm_cache_t *c = t->cache;
  e = entry_new(c, h, value, len);
  map_put(&t->values, h, e);
  c->size++;

  char canon[72];
  gsize canon_len = 0;
  gboolean shaped = t->n == NETAN_NORMALIZE_PHONE && canonical_phone(value, len, t->idd, canon, &canon_len);
  guint64 ch = shaped ? hash_bytes(canon, canon_len) : 0;
  if (shaped) {
    entry_t *same = map_find(&t->canonical, ch, canon, canon_len);
    if (same != NULL) {
      e->pub.key = same->pub.key;  /* a success: only those are in this map */
      return &e->pub;
    }
  }
  compute(t, e, shaped ? canon : NULL);
  if (shaped && e->pub.key != NULL)
    canonical_put(t, ch, canon, canon_len, e->pub.key);
  if (t->n == NETAN_NORMALIZE_PHONE && e->pub.key != NULL) {
    /* the E.164 spelling and the national one read as the same number
     * (normalize-phone.cc says why): later spellings of either share it */
    char intl[32], natl[32];
    netan_norm_i_phone_equal_spellings(e->pub.key, t->region, intl, natl);
    if (intl[0] != '\0')
      canonical_put(t, hash_bytes(intl, strlen(intl)), intl, strlen(intl), e->pub.key);
    if (natl[0] != '\0')
      canonical_put(t, hash_bytes(natl, strlen(natl)), natl, strlen(natl), e->pub.key);
  }
  return &e->pub;
}

const char *
netan_norm_cache_get(netan_norm_cache_t *c, netan_normalizer_t n, const char *region,
                     const char *value, const char **reason)
{
  const char *why;
  if (value == NULL)
    why = "no value to normalize (NULL)";
  else if (netan_normalizer_name(n) == NULL)
    why = "unknown normalizer";
  else
    why = NULL;
  if (why != NULL) {
    if (reason)
      *reason = why;
    return NULL;
  }

  /* only phone numbers depend on the region: the others share one table */
  const char *rg = n == NETAN_NORMALIZE_PHONE && region ? region : "";
  g_autofree char *name = g_strdup_printf("%d\x1f%s", (int)n, rg);
  netan_norm_table_t *t = g_hash_table_lookup(c->by_kind, name);
  if (t == NULL) {
    t = netan_norm_table_new(c, n, rg);
    g_hash_table_insert(c->by_kind, g_steal_pointer(&name), t);
  }
  const netan_norm_entry_t *e = netan_norm_table_get(t, value, strlen(value));
  if (e->key != NULL)
    return e->key;
  if (reason)
    *reason = e->reason;
  return NULL;
}
