/* Loading the netan-i18n module (i18n-module.h says why it is separate).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE 1 /* dladdr */
#include "config.h"
#include "ingest/i18n-module.h"

#include <dlfcn.h>
#include <gmodule.h>
#include <string.h>

/* The outcome of the one attempt to load the module. */
typedef struct {
  const netan_i18n_t *table;  /* NULL: it could not be loaded */
  char *tried;                /* then: each file tried, and why it failed */
} load_t;

static gsize loaded;         /* a load_t *, set once per process (or per netan_i18n_i_reset()) */
static char **only_dirs;     /* netan_i18n_i_reset()'s, for tests */

/* Appends @dir (taken) unless it is there already. */
static void
add_dir(GPtrArray *dirs, char *dir)
{
  for (guint i = 0; i < dirs->len; i++) {
    if (strcmp(g_ptr_array_index(dirs, i), dir) == 0) {
      g_free(dir);
      return;
    }
  }
  g_ptr_array_add(dirs, dir);
}

/*
 * Where to look, in order: $NETAN_MODULE_DIR; the directory of the
 * libnetan code that is running, and its netan/ subdirectory (in the
 * build tree the module is built beside libnetan.so; installed,
 * $(libdir)/netan is $(pkglibdir), which also holds when the installed
 * tree has been moved); the compiled-in $(pkglibdir), for programs that
 * carry libnetan's code themselves (the netan command). A relative path
 * from dladdr (the main program run by a relative name) is not used: it
 * would make the current directory a place code is loaded from.
 */
static GPtrArray *
module_dirs(void)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func(g_free);
  if (only_dirs != NULL) {
    for (char **d = only_dirs; *d; d++)
      add_dir(dirs, g_strdup(*d));
    return dirs;
  }
  const char *env = g_getenv("NETAN_MODULE_DIR");
  if (env != NULL && *env != '\0')
    add_dir(dirs, g_strdup(env));
  Dl_info info;
  if (dladdr((void *)netan_i18n_i_load, &info) != 0 && info.dli_fname != NULL &&
      g_path_is_absolute(info.dli_fname)) {
    g_autofree char *dir = g_path_get_dirname(info.dli_fname);
    add_dir(dirs, g_strdup(dir));
    add_dir(dirs, g_build_filename(dir, "netan", NULL));
  }
  add_dir(dirs, g_strdup(NETAN_PKGLIBDIR));
  return dirs;
}

/* Opens the module at @path and checks its table; NULL and *@why if not. */
static const netan_i18n_t *
open_module(const char *path, char **why)
{
  /* BIND_LOCAL: ICU's and libphonenumber's symbols stay the module's.
   * Not BIND_LAZY: a symbol missing from a library is an error now, not a
   * crash later. */
  GModule *m = g_module_open(path, G_MODULE_BIND_LOCAL);
  if (m == NULL) {
    /* dlopen's text usually starts with the path, which the message has */
    const char *text = g_module_error();
    gsize n = strlen(path);
    if (strncmp(text, path, n) == 0 && text[n] == ':' && text[n + 1] == ' ')
      text += n + 2;
    *why = g_strdup(text);
    return NULL;
  }
  gpointer entry = NULL;
  if (!g_module_symbol(m, NETAN_I18N_ENTRY, &entry) || entry == NULL) {
    *why = g_strdup_printf("it is not netan's i18n module (%s)", g_module_error());
    g_module_close(m);
    return NULL;
  }
  const netan_i18n_t *t = ((netan_i18n_entry_t)entry)();
  if (t == NULL || t->version != NETAN_I18N_VERSION) {
    *why = g_strdup_printf("it is a module of interface version %u, this libnetan needs %u",
                           t ? t->version : 0, NETAN_I18N_VERSION);
  } else if (t->size != sizeof(netan_i18n_t) || t->netan_version == NULL ||
             strcmp(t->netan_version, PACKAGE_VERSION) != 0) {
    *why = g_strdup_printf("it is the module of netan %s, this is netan %s",
                           t->netan_version ? t->netan_version : "(unknown)", PACKAGE_VERSION);
  } else {
    /* never unloaded: its libraries keep per-thread and process-wide
     * state (libphonenumber's singleton, ICU's caches) */
    g_module_make_resident(m);
    return t;
  }
  g_module_close(m);
  return NULL;
}

static load_t *
load(void)
{
  load_t *l = g_new0(load_t, 1);
  GString *tried = g_string_new(NULL);
  if (!g_module_supported()) {
    g_string_append(tried, "this system cannot load modules");
  } else {
    g_autoptr(GPtrArray) dirs = module_dirs();
    for (guint i = 0; i < dirs->len && l->table == NULL; i++) {
      g_autofree char *path = g_build_filename(g_ptr_array_index(dirs, i), NETAN_I18N_FILE, NULL);
      g_autofree char *why = NULL;
      l->table = open_module(path, &why);
      if (l->table == NULL)
        g_string_append_printf(tried, "%s%s (%s)", tried->len ? "; " : "", path, why);
    }
  }
  l->tried = g_string_free(tried, FALSE);
  return l;
}

const netan_i18n_t *
netan_i18n_i_load(const char *doing, GError **error)
{
  if (g_once_init_enter(&loaded))
    g_once_init_leave(&loaded, (gsize)load());
  const load_t *l = (const load_t *)loaded;
  if (l->table == NULL)
    g_set_error(error, NETAN_ERROR, NETAN_ERROR_BACKEND,
                "%s needs netan's i18n module " NETAN_I18N_FILE " (ICU, libphonenumber), which cannot "
                "be loaded (set NETAN_MODULE_DIR to the directory that holds it); tried %s",
                doing ? doing : "normalizing", l->tried);
  return l->table;
}

void
netan_i18n_i_reset(const char *const *dirs)
{
  load_t *l = (load_t *)loaded;
  if (l != NULL) {
    g_free(l->tried);
    g_free(l);
  }
  g_strfreev(only_dirs);
  only_dirs = dirs ? g_strdupv((char **)dirs) : NULL;
  loaded = 0;
}
