/* netan._netan: the CPython extension over libnetan. Thin on purpose: the
 * Pythonic layer (results, pandas, networkx) is in the netan package.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <netan/netan.h>

/* ---- errors: one exception class per NETAN_ERROR code ---- */

static PyObject *exc_by_code[NETAN_ERROR_STALE + 1];
static PyObject *exc_base;

/* Raises the exception of @e's code and frees @e; returns NULL. */
static PyObject *
raise_gerror(GError *e)
{
  PyObject *cls = exc_base;
  if (e->domain == NETAN_ERROR && e->code >= 0 && e->code <= NETAN_ERROR_STALE && exc_by_code[e->code])
    cls = exc_by_code[e->code];
  /* str(exc) is the message; exc.code the NETAN_ERROR code */
  PyObject *exc = PyObject_CallFunction(cls, "s", e->message);
  if (exc != NULL) {
    PyObject *code = PyLong_FromLong(e->code);
    if (code == NULL || PyObject_SetAttrString(exc, "code", code) < 0) {
      Py_XDECREF(code);
      Py_DECREF(exc);
      g_error_free(e);
      return NULL;
    }
    Py_DECREF(code);
    PyErr_SetObject(cls, exc);
    Py_DECREF(exc);
  }
  g_error_free(e);
  return NULL;
}

/* ---- tables: (columns, rows, meta) ---- */

static PyObject *
table_to_python(netan_table_t *t)
{
  int nc = netan_table_n_columns(t);
  int64_t nr = netan_table_n_rows(t);
  PyObject *cols = PyList_New(nc), *rows = PyList_New((Py_ssize_t)nr), *meta = PyDict_New();
  if (!cols || !rows || !meta)
    goto fail;
  for (int c = 0; c < nc; c++) {
    PyObject *name = PyUnicode_FromString(netan_table_column_name(t, c));
    if (!name)
      goto fail;
    PyList_SET_ITEM(cols, c, name);
  }
  for (int64_t r = 0; r < nr; r++) {
    PyObject *row = PyTuple_New(nc);
    if (!row)
      goto fail;
    PyList_SET_ITEM(rows, (Py_ssize_t)r, row);
    for (int c = 0; c < nc; c++) {
      PyObject *cell;
      switch (netan_table_column_type(t, c)) {
      case NETAN_COLUMN_INT: cell = PyLong_FromLongLong(netan_table_get_int(t, r, c)); break;
      case NETAN_COLUMN_DOUBLE: cell = PyFloat_FromDouble(netan_table_get_double(t, r, c)); break;
      default: {
        const char *s = netan_table_get_string(t, r, c);
        cell = s ? PyUnicode_FromString(s) : Py_NewRef(Py_None);
      }
      }
      if (!cell)
        goto fail;
      PyTuple_SET_ITEM(row, c, cell);
    }
  }
  char **keys = netan_table_meta_keys(t);
  for (char **k = keys; *k; k++) {
    PyObject *v = PyUnicode_FromString(netan_table_get_meta(t, *k));
    if (!v || PyDict_SetItemString(meta, *k, v) < 0) {
      Py_XDECREF(v);
      g_strfreev(keys);
      goto fail;
    }
    Py_DECREF(v);
  }
  g_strfreev(keys);
  netan_table_free(t);
  return Py_BuildValue("(NNN)", cols, rows, meta);
fail:
  Py_XDECREF(cols);
  Py_XDECREF(rows);
  Py_XDECREF(meta);
  netan_table_free(t);
  return NULL;
}

/* ---- lists of records: one tuple per record ---- */

typedef PyObject *(*row_fn)(void *owner, int64_t i);

/* [fn(owner, 0), ..., fn(owner, n - 1)], or NULL with the exception set. */
static PyObject *
list_of(void *owner, int64_t n, row_fn fn)
{
  PyObject *list = PyList_New((Py_ssize_t)n);
  for (int64_t i = 0; list && i < n; i++) {
    PyObject *t = fn(owner, i);
    if (!t) {
      Py_CLEAR(list);
      break;
    }
    PyList_SET_ITEM(list, (Py_ssize_t)i, t);
  }
  return list;
}

/* ---- Case ---- */

typedef struct {
  PyObject_HEAD
  netan_case_t *kase;
} CaseObject;

static PyTypeObject CaseType;

static int
Case_init(CaseObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { NULL };
  if (!PyArg_ParseTupleAndKeywords(args, kwds, ":Case", kwlist))
    return -1;
  if (self->kase == NULL)
    self->kase = netan_case_new();
  return 0;
}

static void
Case_dealloc(CaseObject *self)
{
  netan_case_free(self->kase);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
Case_add_source(CaseObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "name", "sha256", NULL };
  const char *name, *sha = NULL;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "s|z:add_source", kwlist, &name, &sha))
    return NULL;
  GError *e = NULL;
  int64_t id = netan_case_add_source(self->kase, name, sha, &e);
  return id < 0 ? raise_gerror(e) : PyLong_FromLongLong(id);
}

static PyObject *
Case_add_entity(CaseObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "type", "key", "label", NULL };
  const char *type, *key, *label = NULL;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "ss|z:add_entity", kwlist, &type, &key, &label))
    return NULL;
  GError *e = NULL;
  int64_t id = netan_case_add_entity(self->kase, type, key, label, &e);
  return id < 0 ? raise_gerror(e) : PyLong_FromLongLong(id);
}

static PyObject *
Case_add_link(CaseObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "a", "b", "type", "weight", "source", "row", NULL };
  long long a, b, source = -1, row = -1;
  const char *type = "contact";
  double weight = 1.0;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "LL|sdLL:add_link", kwlist, &a, &b, &type, &weight,
                                   &source, &row))
    return NULL;
  netan_provenance_t prov = { source, row };
  GError *e = NULL;
  int64_t id = netan_case_add_link(self->kase, a, b, type, weight, source >= 0 ? &prov : NULL, &e);
  return id < 0 ? raise_gerror(e) : PyLong_FromLongLong(id);
}

static PyObject *
report_to_python(netan_ingest_report_t *r)
{
  int64_t n = netan_ingest_report_rows_rejected(r);
  PyObject *rejects = PyList_New((Py_ssize_t)n);
  if (!rejects) {
    netan_ingest_report_free(r);
    return NULL;
  }
  for (int64_t i = 0; i < n; i++) {
    netan_reject_t rj;
    netan_ingest_report_get_reject(r, i, &rj);
    PyObject *d = Py_BuildValue("{s:s,s:L,s:L,s:s}", "file", rj.file, "line", (long long)rj.line,
                                "column", (long long)rj.column, "reason", rj.reason);
    if (!d) {
      Py_DECREF(rejects);
      netan_ingest_report_free(r);
      return NULL;
    }
    PyList_SET_ITEM(rejects, (Py_ssize_t)i, d);
  }
  PyObject *res = Py_BuildValue("{s:L,s:L,s:L,s:L,s:N}",
                                "rows_read", (long long)netan_ingest_report_rows_read(r),
                                "rows_ingested", (long long)netan_ingest_report_rows_ingested(r),
                                "rows_rejected", (long long)n,
                                "source_id", (long long)netan_ingest_report_source_id(r),
                                "rejects", rejects);
  netan_ingest_report_free(r);
  return res;
}

static PyObject *
Case_ingest_edgelist(CaseObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "path", "entity_type", "link_type", "delimiter", "strict",
                            "allow_self_loops", NULL };
  PyObject *path_obj = NULL;
  const char *etype = "person", *ltype = "contact", *delim = ",";
  int strict = 0, loops = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&|ssspp:ingest_edgelist", kwlist,
                                   PyUnicode_FSConverter, &path_obj, &etype, &ltype, &delim,
                                   &strict, &loops))
    return NULL;
  if (strlen(delim) != 1) {
    Py_DECREF(path_obj);
    PyErr_SetString(PyExc_ValueError, "delimiter must be one character");
    return NULL;
  }
  netan_edgelist_options_t o = NETAN_EDGELIST_OPTIONS_INIT;
  o.entity_type = etype;
  o.link_type = ltype;
  o.delimiter = delim[0];
  o.strict = strict;
  o.allow_self_loops = loops;
  GError *e = NULL;
  netan_ingest_report_t *r;
  Py_BEGIN_ALLOW_THREADS
  r = netan_ingest_edgelist(self->kase, PyBytes_AS_STRING(path_obj), &o, &e);
  Py_END_ALLOW_THREADS
  Py_DECREF(path_obj);
  return r ? report_to_python(r) : raise_gerror(e);
}

static PyObject *
Case_ingest(CaseObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "path", "kind", "spec", "region", "strict", "name", "agency", "jurisdiction",
                            "received", "grading_scheme", "grading", "handling", NULL };
  PyObject *path_obj = NULL, *spec_arg = Py_None, *spec_obj = NULL;
  netan_ingest_options_t o = NETAN_INGEST_OPTIONS_INIT;
  int strict = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "O&|zOzpzzzzzzz:ingest", kwlist, PyUnicode_FSConverter, &path_obj,
                                   &o.kind, &spec_arg, &o.region, &strict, &o.source.name,
                                   &o.source.agency, &o.source.jurisdiction, &o.source.received,
                                   &o.source.grading_scheme, &o.source.grading, &o.source.handling))
    return NULL;
  if (spec_arg != Py_None && !PyUnicode_FSConverter(spec_arg, &spec_obj)) {
    Py_DECREF(path_obj);
    return NULL;
  }
  o.strict = strict;
  o.spec_path = spec_obj ? PyBytes_AS_STRING(spec_obj) : NULL;
  GError *e = NULL;
  netan_ingest_report_t *r;
  Py_BEGIN_ALLOW_THREADS
  r = netan_ingest_file(self->kase, PyBytes_AS_STRING(path_obj), &o, &e);
  Py_END_ALLOW_THREADS
  Py_DECREF(path_obj);
  Py_XDECREF(spec_obj);
  return r ? report_to_python(r) : raise_gerror(e);
}

static PyObject *
Case_events_row(void *owner, int64_t i)
{
  CaseObject *self = owner;
  netan_event_t ev;
  netan_case_get_event(self->kase, i, &ev);
  return Py_BuildValue("(LLLsLLdzLL)", (long long)i, (long long)ev.from, (long long)ev.to, ev.type,
                       (long long)ev.time, (long long)ev.duration, ev.amount, ev.currency,
                       (long long)ev.prov.source_id, (long long)ev.prov.row);
}

static PyObject *
Case_events(CaseObject *self, PyObject *noargs)
{
  return list_of(self, netan_case_n_events(self->kase), Case_events_row);
}

static PyObject *
Case_attributes_row(void *owner, int64_t i)
{
  CaseObject *self = owner;
  int64_t entity;
  const char *name, *value;
  netan_provenance_t p;
  netan_case_get_attribute(self->kase, i, &entity, &name, &value, &p);
  return Py_BuildValue("(LLssLL)", (long long)i, (long long)entity, name, value,
                       (long long)p.source_id, (long long)p.row);
}

static PyObject *
Case_attributes(CaseObject *self, PyObject *noargs)
{
  return list_of(self, netan_case_n_attributes(self->kase), Case_attributes_row);
}

static PyObject *
Case_source_info(CaseObject *self, PyObject *args)
{
  long long id;
  if (!PyArg_ParseTuple(args, "L:source_info", &id))
    return NULL;
  netan_source_info_t s;
  if (!netan_case_get_source_info(self->kase, id, &s)) {
    PyErr_Format(PyExc_IndexError, "no source %lld", id);
    return NULL;
  }
  int64_t read = -1, ingested = -1, rejected = -1;
  gboolean counted = netan_case_source_rows(self->kase, id, &read, &ingested, &rejected);
  PyObject *d = Py_BuildValue("{s:L,s:s,s:z,s:z,s:z,s:z,s:z,s:z,s:z}", "id", id, "name", s.name,
                              "agency", s.agency, "jurisdiction", s.jurisdiction, "received", s.received,
                              "sha256", s.sha256, "grading_scheme", s.grading_scheme, "grading", s.grading,
                              "handling", s.handling);
  if (d == NULL)
    return NULL;
  const char *keys[] = { "rows_read", "rows_ingested", "rows_rejected" };
  int64_t vals[] = { read, ingested, rejected };
  for (int k = 0; k < 3; k++) {
    PyObject *v = counted ? PyLong_FromLongLong(vals[k]) : Py_NewRef(Py_None);
    if (v == NULL || PyDict_SetItemString(d, keys[k], v) < 0) {
      Py_XDECREF(v);
      Py_DECREF(d);
      return NULL;
    }
    Py_DECREF(v);
  }
  return d;
}

static PyObject *
Case_suggest_merges(CaseObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "entity_type", "threshold", "shared_bonus", "max_pairs", NULL };
  netan_suggest_options_t o = NETAN_SUGGEST_OPTIONS_INIT;
  long long max_pairs = o.max_pairs;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "|sddL:suggest_merges", kwlist, &o.entity_type, &o.threshold,
                                   &o.shared_bonus, &max_pairs))
    return NULL;
  o.max_pairs = max_pairs;
  GError *e = NULL;
  netan_table_t *t = netan_case_suggest_merges(self->kase, &o, &e);
  return t ? table_to_python(t) : raise_gerror(e);
}

static PyObject *
Case_merge(CaseObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "a", "b", "rule", "score", NULL };
  long long a, b;
  const char *rule = "analyst";
  double score = 1.0;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "LL|sd:merge", kwlist, &a, &b, &rule, &score))
    return NULL;
  GError *e = NULL;
  int64_t id = netan_case_merge(self->kase, a, b, rule, score, &e);
  return id < 0 ? raise_gerror(e) : PyLong_FromLongLong(id);
}

static PyObject *
Case_unmerge(CaseObject *self, PyObject *args)
{
  long long id;
  if (!PyArg_ParseTuple(args, "L:unmerge", &id))
    return NULL;
  GError *e = NULL;
  if (!netan_case_unmerge(self->kase, id, &e))
    return raise_gerror(e);
  Py_RETURN_NONE;
}

static PyObject *
Case_merges_row(void *owner, int64_t i)
{
  CaseObject *self = owner;
  int64_t a, b, time;
  const char *rule;
  double score;
  gboolean active;
  netan_case_get_merge(self->kase, i, &a, &b, &rule, &score, &time, &active);
  return Py_BuildValue("(LLLsdLN)", (long long)i, (long long)a, (long long)b, rule, score,
                       (long long)time, PyBool_FromLong(active));
}

static PyObject *
Case_merges(CaseObject *self, PyObject *noargs)
{
  return list_of(self, netan_case_n_merges(self->kase), Case_merges_row);
}

static PyObject *
Case_canonical(CaseObject *self, PyObject *args)
{
  long long id;
  if (!PyArg_ParseTuple(args, "L:canonical", &id))
    return NULL;
  return PyLong_FromLongLong(netan_case_canonical(self->kase, id));
}

static PyObject *
Case_save(CaseObject *self, PyObject *args)
{
  PyObject *path_obj;
  if (!PyArg_ParseTuple(args, "O&:save", PyUnicode_FSConverter, &path_obj))
    return NULL;
  GError *e = NULL;
  gboolean ok;
  Py_BEGIN_ALLOW_THREADS
  ok = netan_case_save(self->kase, PyBytes_AS_STRING(path_obj), &e);
  Py_END_ALLOW_THREADS
  Py_DECREF(path_obj);
  if (!ok)
    return raise_gerror(e);
  Py_RETURN_NONE;
}

/* Case.open(path): a classmethod that fills a new object of the caller's class. */
static PyObject *
Case_open(PyObject *cls, PyObject *args)
{
  PyObject *path_obj;
  if (!PyArg_ParseTuple(args, "O&:open", PyUnicode_FSConverter, &path_obj))
    return NULL;
  GError *e = NULL;
  netan_case_t *c;
  Py_BEGIN_ALLOW_THREADS
  c = netan_case_open(PyBytes_AS_STRING(path_obj), &e);
  Py_END_ALLOW_THREADS
  Py_DECREF(path_obj);
  if (c == NULL)
    return raise_gerror(e);
  PyObject *obj = PyObject_CallNoArgs(cls);
  if (obj == NULL) {
    netan_case_free(c);
    return NULL;
  }
  netan_case_free(((CaseObject *)obj)->kase);
  ((CaseObject *)obj)->kase = c;
  return obj;
}

static PyObject *
Case_entities_row(void *owner, int64_t i)
{
  CaseObject *self = owner;
  return Py_BuildValue("(Lsss)", (long long)i, netan_case_entity_type(self->kase, i),
                       netan_case_entity_key(self->kase, i), netan_case_entity_label(self->kase, i));
}

static PyObject *
Case_entities(CaseObject *self, PyObject *noargs)
{
  return list_of(self, netan_case_n_entities(self->kase), Case_entities_row);
}

static PyObject *
Case_links_row(void *owner, int64_t i)
{
  CaseObject *self = owner;
  int64_t a, b;
  const char *type;
  double w;
  netan_provenance_t p;
  netan_case_get_link(self->kase, i, &a, &b, &type, &w, &p);
  return Py_BuildValue("(LLLsdLL)", (long long)i, (long long)a, (long long)b, type, w,
                       (long long)p.source_id, (long long)p.row);
}

static PyObject *
Case_links(CaseObject *self, PyObject *noargs)
{
  return list_of(self, netan_case_n_links(self->kase), Case_links_row);
}

static PyObject *
Case_sources_row(void *owner, int64_t i)
{
  CaseObject *self = owner;
  return Py_BuildValue("(Lsz)", (long long)i, netan_case_source_name(self->kase, i),
                       netan_case_source_sha256(self->kase, i));
}

static PyObject *
Case_sources(CaseObject *self, PyObject *noargs)
{
  return list_of(self, netan_case_n_sources(self->kase), Case_sources_row);
}

static PyObject *
Case_find_entity(CaseObject *self, PyObject *args)
{
  const char *type, *key;
  if (!PyArg_ParseTuple(args, "ss:find_entity", &type, &key))
    return NULL;
  return PyLong_FromLongLong(netan_case_find_entity(self->kase, type, key));
}

static PyObject *
Case_get_n_entities(CaseObject *self, void *closure)
{
  return PyLong_FromLongLong(netan_case_n_entities(self->kase));
}

static PyObject *
Case_get_n_links(CaseObject *self, void *closure)
{
  return PyLong_FromLongLong(netan_case_n_links(self->kase));
}

static PyMethodDef Case_methods[] = {
  { "add_source", (PyCFunction)(void (*)(void))Case_add_source, METH_VARARGS | METH_KEYWORDS, "add_source(name, sha256=None) -> id" },
  { "add_entity", (PyCFunction)(void (*)(void))Case_add_entity, METH_VARARGS | METH_KEYWORDS, "add_entity(type, key, label=None) -> id" },
  { "add_link", (PyCFunction)(void (*)(void))Case_add_link, METH_VARARGS | METH_KEYWORDS, "add_link(a, b, type='contact', weight=1.0, source=-1, row=-1) -> id" },
  { "ingest_edgelist", (PyCFunction)(void (*)(void))Case_ingest_edgelist, METH_VARARGS | METH_KEYWORDS, "ingest_edgelist(path, ...) -> report dict" },
  { "entities", (PyCFunction)Case_entities, METH_NOARGS, "[(id, type, key, label)]" },
  { "links", (PyCFunction)Case_links, METH_NOARGS, "[(id, a, b, type, weight, source_id, row)]" },
  { "sources", (PyCFunction)Case_sources, METH_NOARGS, "[(id, name, sha256)]" },
  { "find_entity", (PyCFunction)Case_find_entity, METH_VARARGS, "find_entity(type, key) -> id or -1" },
  { "ingest", (PyCFunction)(void (*)(void))Case_ingest, METH_VARARGS | METH_KEYWORDS, "ingest(path, kind=None, spec=None, region=None, strict=False, name=..., agency=..., ...) -> report dict" },
  { "events", (PyCFunction)Case_events, METH_NOARGS, "[(id, from, to, type, time, duration, amount, currency, source_id, row)]" },
  { "attributes", (PyCFunction)Case_attributes, METH_NOARGS, "[(id, entity, name, value, source_id, row)]" },
  { "source_info", (PyCFunction)Case_source_info, METH_VARARGS, "source_info(id) -> dict" },
  { "suggest_merges", (PyCFunction)(void (*)(void))Case_suggest_merges, METH_VARARGS | METH_KEYWORDS, "suggest_merges(entity_type='person', threshold=0.85, shared_bonus=0.05, max_pairs=1000) -> (columns, rows, meta)" },
  { "merge", (PyCFunction)(void (*)(void))Case_merge, METH_VARARGS | METH_KEYWORDS, "merge(a, b, rule='analyst', score=1.0) -> merge id" },
  { "unmerge", (PyCFunction)Case_unmerge, METH_VARARGS, "unmerge(merge_id)" },
  { "merges", (PyCFunction)Case_merges, METH_NOARGS, "[(id, a, b, rule, score, time, active)]" },
  { "canonical", (PyCFunction)Case_canonical, METH_VARARGS, "canonical(entity) -> the entity it stands for after merges" },
  { "save", (PyCFunction)Case_save, METH_VARARGS, "save(path): writes what is new to the case file, in one transaction" },
  { "open", (PyCFunction)Case_open, METH_VARARGS | METH_CLASS, "open(path) -> Case read from a case file" },
  { NULL }
};

static PyGetSetDef Case_getset[] = {
  { "n_entities", (getter)Case_get_n_entities, NULL, "number of entities", NULL },
  { "n_links", (getter)Case_get_n_links, NULL, "number of links", NULL },
  { NULL }
};

static PyTypeObject CaseType = {
  PyVarObject_HEAD_INIT(NULL, 0)
  .tp_name = "netan._netan.Case",
  .tp_basicsize = sizeof(CaseObject),
  .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
  .tp_doc = "A case: sources, entities and links (low-level; use netan.Case).",
  .tp_new = PyType_GenericNew,
  .tp_init = (initproc)Case_init,
  .tp_dealloc = (destructor)Case_dealloc,
  .tp_methods = Case_methods,
  .tp_getset = Case_getset,
};

/* ---- View ---- */

typedef struct {
  PyObject_HEAD
  netan_view_t *view;
  PyObject *case_obj;  /* strong reference: the view borrows the case */
} ViewObject;

static int
View_init(ViewObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "case", "directed", "unweighted", "entity_type", "link_type",
                            "drop_isolates", "time_from", "time_to", "sources", "handling",
                            "min_weight", "weight", "currency", NULL };
  PyObject *case_obj, *sources = Py_None, *handling = Py_None;
  int directed = 0, unweighted = 0, drop = 0;
  const char *etype = NULL, *ltype = NULL, *weight = "count", *currency = NULL;
  netan_view_options_t o = NETAN_VIEW_OPTIONS_INIT;
  long long from = o.time_from, to = o.time_to;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!|ppzzpLLOOdsz:View", kwlist, &CaseType, &case_obj,
                                   &directed, &unweighted, &etype, &ltype, &drop, &from, &to, &sources,
                                   &handling, &o.min_weight, &weight, &currency))
    return -1;
  o.directed = directed;
  o.length = unweighted ? NETAN_LENGTH_UNWEIGHTED : NETAN_LENGTH_INVERSE_STRENGTH;
  o.entity_type = etype;
  o.link_type = ltype;
  o.drop_isolates = drop;
  o.time_from = from;
  o.time_to = to;
  o.currency = currency;
  if (strcmp(weight, "count") == 0) o.weight = NETAN_WEIGHT_COUNT;
  else if (strcmp(weight, "duration") == 0) o.weight = NETAN_WEIGHT_DURATION;
  else if (strcmp(weight, "amount") == 0) o.weight = NETAN_WEIGHT_AMOUNT;
  else {
    PyErr_Format(PyExc_ValueError, "weight must be 'count', 'duration' or 'amount', not '%s'", weight);
    return -1;
  }
  g_autofree int64_t *src = NULL;
  g_autoptr(GPtrArray) codes = g_ptr_array_new();
  if (sources != Py_None) {
    PyObject *seq = PySequence_Fast(sources, "sources must be a sequence of source ids");
    if (seq == NULL)
      return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    src = g_new(int64_t, n + 1);
    for (Py_ssize_t i = 0; i < n; i++) {
      src[i] = PyLong_AsLongLong(PySequence_Fast_GET_ITEM(seq, i));
      if (src[i] == -1 && PyErr_Occurred()) {
        Py_DECREF(seq);
        return -1;
      }
    }
    Py_DECREF(seq);
    o.sources = src;
    o.n_sources = (size_t)n;
  }
  /* the handling codes are borrowed from this sequence until the view is built */
  PyObject *handling_seq = NULL;
  if (handling != Py_None) {
    handling_seq = PySequence_Fast(handling, "handling must be a sequence of handling codes");
    if (handling_seq == NULL)
      return -1;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(handling_seq); i++) {
      const char *code = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(handling_seq, i));
      if (code == NULL) {
        Py_DECREF(handling_seq);
        return -1;
      }
      g_ptr_array_add(codes, (gpointer)code);
    }
    g_ptr_array_add(codes, NULL);
    o.handling = (const char *const *)codes->pdata;
  }
  GError *e = NULL;
  netan_view_t *v = netan_view_build(((CaseObject *)case_obj)->kase, &o, &e);
  Py_XDECREF(handling_seq);
  if (v == NULL) {
    raise_gerror(e);
    return -1;
  }
  netan_view_free(self->view);
  self->view = v;
  Py_INCREF(case_obj);
  Py_XSETREF(self->case_obj, case_obj);
  return 0;
}

static void
View_dealloc(ViewObject *self)
{
  netan_view_free(self->view);
  Py_XDECREF(self->case_obj);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
view_ready(ViewObject *self)
{
  if (self->view == NULL) {
    PyErr_SetString(PyExc_RuntimeError, "the view was not initialised");
    return 0;
  }
  return 1;
}

static PyObject *
View_degree(ViewObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "mode", "strength", NULL };
  const char *mode = "all";
  int strength = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "|sp:degree", kwlist, &mode, &strength) || !view_ready(self))
    return NULL;
  netan_degree_options_t o = NETAN_DEGREE_OPTIONS_INIT;
  if (strcmp(mode, "all") == 0) o.mode = NETAN_DEGREE_ALL;
  else if (strcmp(mode, "in") == 0) o.mode = NETAN_DEGREE_IN;
  else if (strcmp(mode, "out") == 0) o.mode = NETAN_DEGREE_OUT;
  else {
    PyErr_Format(PyExc_ValueError, "mode must be 'all', 'in' or 'out', not '%s'", mode);
    return NULL;
  }
  o.strength = strength;
  GError *e = NULL;
  netan_table_t *t = netan_centrality_degree(self->view, &o, &e);
  return t ? table_to_python(t) : raise_gerror(e);
}

/* Progress from C back into a Python callable; an exception it raises is
 * kept and re-raised after the call (never overwritten). */
typedef struct {
  PyObject *callable;
  int failed;
} py_progress_t;

static int
call_python_progress(double fraction, void *payload)
{
  py_progress_t *p = payload;
  if (p->failed)
    return 1;
  PyGILState_STATE st = PyGILState_Ensure();
  PyObject *r = PyObject_CallFunction(p->callable, "d", fraction);
  int stop = 0;
  if (r == NULL) {
    p->failed = 1;
    stop = 1;
  } else {
    stop = PyObject_IsTrue(r) == 1;
    Py_DECREF(r);
  }
  PyGILState_Release(st);
  return stop;
}

static PyObject *
View_betweenness(ViewObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "normalized", "progress", NULL };
  int normalized = 0;
  PyObject *progress = Py_None;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "|pO:betweenness", kwlist, &normalized, &progress) ||
      !view_ready(self))
    return NULL;
  if (progress != Py_None && !PyCallable_Check(progress)) {
    PyErr_SetString(PyExc_TypeError, "progress must be callable: progress(fraction) -> stop?");
    return NULL;
  }
  netan_betweenness_options_t o = NETAN_BETWEENNESS_OPTIONS_INIT;
  o.normalized = normalized;
  py_progress_t p = { progress, 0 };
  if (progress != Py_None) {
    o.progress = call_python_progress;
    o.payload = &p;
  }
  GError *e = NULL;
  netan_table_t *t;
  Py_BEGIN_ALLOW_THREADS
  t = netan_centrality_betweenness(self->view, &o, &e);
  Py_END_ALLOW_THREADS
  if (p.failed) {  /* the callback's own exception wins */
    if (t) netan_table_free(t);
    if (e) g_error_free(e);
    return NULL;
  }
  return t ? table_to_python(t) : raise_gerror(e);
}

static PyObject *
View_pagerank(ViewObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "damping", "weighted", NULL };
  netan_pagerank_options_t o = NETAN_PAGERANK_OPTIONS_INIT;
  int weighted = 1;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "|dp:pagerank", kwlist, &o.damping, &weighted) ||
      !view_ready(self))
    return NULL;
  o.weighted = weighted;
  GError *e = NULL;
  netan_table_t *t;
  Py_BEGIN_ALLOW_THREADS
  t = netan_centrality_pagerank(self->view, &o, &e);
  Py_END_ALLOW_THREADS
  return t ? table_to_python(t) : raise_gerror(e);
}

/* Runs measure @measure (NULL: edge betweenness) with the GIL released;
 * @cutoff and @progress are the Python arguments (None or a value). An
 * exception raised by the progress callable wins over the cancel it causes. */
static PyObject *
centrality_call(ViewObject *self, const char *measure, netan_centrality_options_t *o, PyObject *cutoff,
                PyObject *progress)
{
  if (cutoff != Py_None) {
    o->cutoff = PyFloat_AsDouble(cutoff);
    if (o->cutoff == -1.0 && PyErr_Occurred())
      return NULL;
  }
  if (progress != Py_None && !PyCallable_Check(progress)) {
    PyErr_SetString(PyExc_TypeError, "progress must be callable: progress(fraction) -> stop?");
    return NULL;
  }
  py_progress_t p = { progress, 0 };
  if (progress != Py_None) {
    o->progress = call_python_progress;
    o->payload = &p;
  }
  GError *e = NULL;
  netan_table_t *t;
  Py_BEGIN_ALLOW_THREADS
  t = measure ? netan_centrality(self->view, measure, o, &e) : netan_centrality_edge_betweenness(self->view, o, &e);
  Py_END_ALLOW_THREADS
  if (p.failed) {
    if (t) netan_table_free(t);
    if (e) g_error_free(e);
    return NULL;
  }
  return t ? table_to_python(t) : raise_gerror(e);
}

static PyObject *
View_centrality(ViewObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "measure", "mode", "normalized", "cutoff", "samples", "seed", "damping",
                            "weighted", "threads", "progress", NULL };
  const char *measure, *mode = "all";
  netan_centrality_options_t o = NETAN_CENTRALITY_OPTIONS_INIT;
  int normalized = 0, weighted = 1;
  long long samples = 0;
  unsigned long long seed = o.seed;
  PyObject *progress = Py_None, *cutoff = Py_None;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "s|spOLKdpiO:centrality", kwlist, &measure, &mode, &normalized,
                                   &cutoff, &samples, &seed, &o.damping, &weighted, &o.threads, &progress) ||
      !view_ready(self))
    return NULL;
  if (strcmp(mode, "all") == 0) o.mode = NETAN_DEGREE_ALL;
  else if (strcmp(mode, "in") == 0) o.mode = NETAN_DEGREE_IN;
  else if (strcmp(mode, "out") == 0) o.mode = NETAN_DEGREE_OUT;
  else
    return raise_gerror(g_error_new(NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                                    "mode must be 'all', 'in' or 'out', not '%s'", mode));
  o.normalized = normalized;
  o.weighted = weighted;
  o.samples = samples;
  o.seed = seed;
  return centrality_call(self, measure, &o, cutoff, progress);
}

static PyObject *
View_edge_betweenness(ViewObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "normalized", "cutoff", "weighted", "progress", NULL };
  netan_centrality_options_t o = NETAN_CENTRALITY_OPTIONS_INIT;
  int normalized = 0, weighted = 1;
  PyObject *progress = Py_None, *cutoff = Py_None;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "|pOpO:edge_betweenness", kwlist, &normalized, &cutoff,
                                   &weighted, &progress) ||
      !view_ready(self))
    return NULL;
  o.normalized = normalized;
  o.weighted = weighted;
  return centrality_call(self, NULL, &o, cutoff, progress);
}

static PyObject *
View_communities(ViewObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "method", "seed", "resolution", "weighted", "objective", "iterations",
                            "trials", "steps", "max_vertices", "max_edges", NULL };
  const char *method = "louvain";
  netan_communities_options_t o = NETAN_COMMUNITIES_OPTIONS_INIT;
  unsigned long long seed = o.seed;
  long long iterations = o.iterations, max_v = o.max_vertices, max_e = o.max_edges;
  int weighted = o.weighted;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "|sKdpzLiiLL:communities", kwlist, &method, &seed,
                                   &o.resolution, &weighted, &o.objective, &iterations, &o.trials, &o.steps,
                                   &max_v, &max_e) ||
      !view_ready(self))
    return NULL;
  o.seed = seed;
  o.weighted = weighted;
  o.iterations = iterations;
  o.max_vertices = max_v;
  o.max_edges = max_e;
  GError *e = NULL;
  netan_table_t *t;
  Py_BEGIN_ALLOW_THREADS
  t = netan_communities(self->view, method, &o, &e);
  Py_END_ALLOW_THREADS
  return t ? table_to_python(t) : raise_gerror(e);
}

/* summary(entities, communities): the partition as two parallel sequences */
static PyObject *
View_community_summary(ViewObject *self, PyObject *args)
{
  PyObject *ents, *comms;
  if (!PyArg_ParseTuple(args, "OO:community_summary", &ents, &comms) || !view_ready(self))
    return NULL;
  g_autofree int64_t *a = NULL, *b = NULL;
  Py_ssize_t n = 0;
  PyObject *sa = PySequence_Fast(ents, "entities must be a sequence of entity ids");
  PyObject *sb = sa ? PySequence_Fast(comms, "communities must be a sequence of ints") : NULL;
  if (sb == NULL) {
    Py_XDECREF(sa);
    return NULL;
  }
  n = PySequence_Fast_GET_SIZE(sa);
  if (PySequence_Fast_GET_SIZE(sb) != n) {
    Py_DECREF(sa);
    Py_DECREF(sb);
    PyErr_SetString(PyExc_ValueError, "entities and communities differ in length");
    return NULL;
  }
  a = g_new(int64_t, n + 1);
  b = g_new(int64_t, n + 1);
  for (Py_ssize_t i = 0; i < n; i++) {
    a[i] = PyLong_AsLongLong(PySequence_Fast_GET_ITEM(sa, i));
    b[i] = PyLong_AsLongLong(PySequence_Fast_GET_ITEM(sb, i));
  }
  Py_DECREF(sa);
  Py_DECREF(sb);
  if (PyErr_Occurred())
    return NULL;
  GError *e = NULL;
  netan_table_t *t;
  Py_BEGIN_ALLOW_THREADS
  t = netan_communities_summary_membership(self->view, n, a, b, &e);
  Py_END_ALLOW_THREADS
  return t ? table_to_python(t) : raise_gerror(e);
}

/* The entity ids of a Python sequence (owned array, length in @n). */
static int64_t *
id_array(PyObject *seq_obj, size_t *n)
{
  PyObject *seq = PySequence_Fast(seq_obj, "entities must be a sequence of entity ids");
  if (seq == NULL)
    return NULL;
  *n = (size_t)PySequence_Fast_GET_SIZE(seq);
  int64_t *ids = g_new(int64_t, *n + 1);
  for (size_t i = 0; i < *n; i++)
    ids[i] = PyLong_AsLongLong(PySequence_Fast_GET_ITEM(seq, (Py_ssize_t)i));
  Py_DECREF(seq);
  if (PyErr_Occurred()) {
    g_free(ids);
    return NULL;
  }
  return ids;
}

static int
path_options(const char *direction, int weighted, long long k, long long max_paths, int max_evidence,
             netan_path_options_t *o)
{
  netan_path_options_init(o);
  o->k = k;
  o->weighted = weighted;
  o->max_paths = max_paths;
  o->max_evidence = max_evidence;
  if (direction == NULL || strcmp(direction, "with") == 0) o->direction = NETAN_PATH_WITH_ARROWS;
  else if (strcmp(direction, "against") == 0) o->direction = NETAN_PATH_AGAINST_ARROWS;
  else if (strcmp(direction, "any") == 0) o->direction = NETAN_PATH_ANY_DIRECTION;
  else {
    raise_gerror(g_error_new(NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                             "direction must be 'with', 'against' or 'any', not '%s'", direction));
    return 0;
  }
  return 1;
}

static PyObject *
View_shortest_path(ViewObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "a", "b", "k", "weighted", "direction", "all", "max_paths", "max_evidence", NULL };
  long long a, b, k = 1, max_paths = 1000;
  int weighted = 1, all = 0, max_evidence = 3;
  const char *direction = NULL;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "LL|LpzpLi:shortest_path", kwlist, &a, &b, &k, &weighted,
                                   &direction, &all, &max_paths, &max_evidence) || !view_ready(self))
    return NULL;
  netan_path_options_t o;
  if (!path_options(direction, weighted, k, max_paths, max_evidence, &o))
    return NULL;
  GError *e = NULL;
  netan_table_t *t;
  Py_BEGIN_ALLOW_THREADS
  t = all ? netan_paths_all_shortest(self->view, a, b, &o, &e) : netan_paths_shortest(self->view, a, b, &o, &e);
  Py_END_ALLOW_THREADS
  return t ? table_to_python(t) : raise_gerror(e);
}

static PyObject *
View_connect(ViewObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "entities", "weighted", "direction", "max_paths", "max_evidence", NULL };
  PyObject *seeds_obj;
  int weighted = 1, max_evidence = 3;
  long long max_paths = 1000;
  const char *direction = NULL;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|pzLi:connect", kwlist, &seeds_obj, &weighted, &direction,
                                   &max_paths, &max_evidence) || !view_ready(self))
    return NULL;
  netan_path_options_t o;
  if (!path_options(direction, weighted, 1, max_paths, max_evidence, &o))
    return NULL;
  size_t n = 0;
  g_autofree int64_t *seeds = id_array(seeds_obj, &n);
  if (seeds == NULL)
    return NULL;
  GError *e = NULL;
  netan_table_t *paths, *ents = NULL;
  Py_BEGIN_ALLOW_THREADS
  paths = netan_paths_connect(self->view, seeds, n, &o, &ents, &e);
  Py_END_ALLOW_THREADS
  if (paths == NULL)
    return raise_gerror(e);
  PyObject *p = table_to_python(paths);
  PyObject *q = ents ? table_to_python(ents) : Py_NewRef(Py_None);
  if (p == NULL || q == NULL) {
    Py_XDECREF(p);
    Py_XDECREF(q);
    return NULL;
  }
  return Py_BuildValue("(NN)", p, q);
}

static PyObject *
View_ego(ViewObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "entity", "hops", "direction", NULL };
  long long entity, hops = 1;
  const char *direction = NULL;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "L|Lz:ego", kwlist, &entity, &hops, &direction) ||
      !view_ready(self))
    return NULL;
  netan_path_options_t o;
  if (!path_options(direction, 1, 1, 1000, 3, &o))
    return NULL;
  GError *e = NULL;
  netan_table_t *t = netan_paths_ego(self->view, entity, hops, &o, &e);
  return t ? table_to_python(t) : raise_gerror(e);
}

static PyObject *
View_common_contacts(ViewObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "entities", "direction", "max_evidence", NULL };
  PyObject *ents_obj;
  const char *direction = NULL;
  int max_evidence = 3;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|zi:common_contacts", kwlist, &ents_obj, &direction,
                                   &max_evidence) || !view_ready(self))
    return NULL;
  netan_path_options_t o;
  if (!path_options(direction, 1, 1, 1000, max_evidence, &o))
    return NULL;
  size_t n = 0;
  g_autofree int64_t *ids = id_array(ents_obj, &n);
  if (ids == NULL)
    return NULL;
  GError *e = NULL;
  netan_table_t *t = netan_paths_common_contacts(self->view, ids, n, &o, &e);
  return t ? table_to_python(t) : raise_gerror(e);
}

static PyObject *
View_louvain(ViewObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "seed", "resolution", "weighted", NULL };
  unsigned long long seed = 42;
  double resolution = 1.0;
  int weighted = 1;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Kdp:louvain", kwlist, &seed, &resolution, &weighted) ||
      !view_ready(self))
    return NULL;
  netan_louvain_options_t o = NETAN_LOUVAIN_OPTIONS_INIT;
  o.seed = seed;
  o.resolution = resolution;
  o.weighted = weighted;
  GError *e = NULL;
  netan_table_t *t;
  Py_BEGIN_ALLOW_THREADS
  t = netan_communities_louvain(self->view, &o, &e);
  Py_END_ALLOW_THREADS
  return t ? table_to_python(t) : raise_gerror(e);
}

/* Reading a view whose case changed would show a graph that no longer
 * exists: raise StaleViewError as the measures do. */
static int
view_fresh(ViewObject *self)
{
  if (!view_ready(self))
    return 0;
  if (netan_view_is_current(self->view))
    return 1;
  GError *e = NULL;
  g_set_error(&e, NETAN_ERROR, NETAN_ERROR_STALE, "the case changed after this view was built; build a new view");
  raise_gerror(e);
  return 0;
}

static PyObject *
View_edge_row(void *owner, int64_t i)
{
  ViewObject *self = owner;
  int64_t a, b, k;
  double s, l;
  netan_view_get_edge(self->view, i, &a, &b, &s, &l, &k);
  return Py_BuildValue("(LLddL)", (long long)netan_view_entity(self->view, a),
                       (long long)netan_view_entity(self->view, b), s, l, (long long)k);
}

static PyObject *
View_edges(ViewObject *self, PyObject *noargs)
{
  return view_fresh(self) ? list_of(self, netan_view_n_edges(self->view), View_edge_row) : NULL;
}

static PyObject *
View_vertex_row(void *owner, int64_t i)
{
  return PyLong_FromLongLong(netan_view_entity(((ViewObject *)owner)->view, i));
}

static PyObject *
View_vertices(ViewObject *self, PyObject *noargs)
{
  return view_fresh(self) ? list_of(self, netan_view_n_vertices(self->view), View_vertex_row) : NULL;
}

/* A list of entity ids from a Python sequence of ints (None: empty). */
static gboolean
entity_ids(PyObject *obj, const char *what, GArray *out)
{
  if (obj == Py_None)
    return TRUE;
  PyObject *seq = PySequence_Fast(obj, what);
  if (seq == NULL)
    return FALSE;
  for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
    long long id = PyLong_AsLongLong(PySequence_Fast_GET_ITEM(seq, i));
    if (id == -1 && PyErr_Occurred()) {
      Py_DECREF(seq);
      PyErr_Format(PyExc_TypeError, "%s: entity ids (ints) expected", what);
      return FALSE;
    }
    int64_t v = id;
    g_array_append_val(out, v);
  }
  Py_DECREF(seq);
  return TRUE;
}

static gboolean
chart_color(const char *name, netan_chart_color_t *out)
{
  if (name == NULL || strcmp(name, "none") == 0) *out = NETAN_CHART_COLOR_NONE;
  else if (strcmp(name, "communities") == 0 || strcmp(name, "community") == 0) *out = NETAN_CHART_COLOR_COMMUNITY;
  else if (strcmp(name, "type") == 0) *out = NETAN_CHART_COLOR_TYPE;
  else if (strcmp(name, "jurisdiction") == 0) *out = NETAN_CHART_COLOR_JURISDICTION;
  else {
    PyErr_Format(PyExc_ValueError, "color_by must be 'communities', 'type', 'jurisdiction' or None, not '%s'",
                 name);
    return FALSE;
  }
  return TRUE;
}

static gboolean
chart_edge_labels(PyObject *obj, unsigned *out)
{
  *out = 0;
  if (obj == Py_None)
    return TRUE;
  PyObject *comma = PyUnicode_FromString(",");
  PyObject *seq = comma == NULL ? NULL : PyUnicode_Check(obj) ? PyUnicode_Split(obj, comma, -1) : PySequence_List(obj);
  Py_XDECREF(comma);
  if (seq == NULL)
    return FALSE;
  gboolean ok = TRUE;
  for (Py_ssize_t i = 0; ok && i < PyList_GET_SIZE(seq); i++) {
    const char *w = PyUnicode_Check(PyList_GET_ITEM(seq, i)) ? PyUnicode_AsUTF8(PyList_GET_ITEM(seq, i)) : NULL;
    if (w && strcmp(w, "count") == 0) *out |= NETAN_CHART_EDGE_LABEL_COUNT;
    else if (w && strcmp(w, "dates") == 0) *out |= NETAN_CHART_EDGE_LABEL_DATES;
    else if (w && strcmp(w, "amount") == 0) *out |= NETAN_CHART_EDGE_LABEL_AMOUNT;
    else {
      PyErr_SetString(PyExc_ValueError, "edge_labels: 'count', 'dates' and/or 'amount'");
      ok = FALSE;
    }
  }
  Py_DECREF(seq);
  return ok;
}

static PyObject *
View_chart(ViewObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "format", "title", "case_ref", "author", "date", "banner", "page", "landscape",
                            "layout", "size_by", "color_by", "communities", "method", "focus", "hops",
                            "community", "connect", "path", "collapse", "show_keys", "edge_labels", "wrap",
                            "legend", "command", "max_labels", NULL };
  const char *format = "dot", *title = NULL, *case_ref = NULL, *author = NULL, *date = NULL, *banner = NULL,
             *page = NULL, *layout = NULL, *size_by = "betweenness", *color_by = "communities",
             *method = "louvain", *command = NULL;
  PyObject *communities = NULL, *focus = Py_None, *community = Py_None, *connect = Py_None, *path = Py_None,
           *edge_labels = Py_None;
  long long hops = 1, max_labels = -1;
  int landscape = 0, collapse = 0, show_keys = 0, wrap = 20, legend = 1;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "|szzzzzzpzzzOzOLOOOppOipzL:chart", kwlist, &format, &title,
                                   &case_ref, &author, &date, &banner, &page, &landscape, &layout, &size_by,
                                   &color_by, &communities, &method, &focus, &hops, &community, &connect, &path,
                                   &collapse, &show_keys, &edge_labels, &wrap, &legend, &command, &max_labels) ||
      !view_ready(self))
    return NULL;
  netan_chart_options_t o = NETAN_CHART_OPTIONS_INIT;
  o.title = title, o.case_ref = case_ref, o.author = author, o.date = date, o.banner = banner;
  o.page = page, o.landscape = landscape, o.layout = layout, o.show_keys = show_keys;
  o.wrap = wrap, o.decorations = legend, o.hops = hops, o.command = command, o.max_labels = max_labels;
  if (!chart_color(color_by, &o.color_by) || !chart_edge_labels(edge_labels, &o.edge_labels))
    return NULL;
  /* communities: the seed of the partition (None: no colour by community) */
  unsigned long long seed = 42;
  if (communities == Py_None && o.color_by == NETAN_CHART_COLOR_COMMUNITY)
    o.color_by = NETAN_CHART_COLOR_NONE;
  else if (communities && communities != Py_None) {
    seed = PyLong_AsUnsignedLongLong(communities);
    if (PyErr_Occurred()) {
      PyErr_Clear();
      PyErr_SetString(PyExc_TypeError, "communities must be the partition's seed (an int) or None");
      return NULL;
    }
  }
  g_autoptr(GArray) seeds = g_array_new(FALSE, FALSE, sizeof(int64_t));
  int n_focus = (focus != Py_None) + (community != Py_None) + (connect != Py_None) + (path != Py_None) + collapse;
  if (n_focus > 1) {
    PyErr_SetString(PyExc_ValueError, "choose one of focus, community, connect, path, collapse");
    return NULL;
  }
  if (focus != Py_None) {
    PyObject *one = PyTuple_Pack(1, focus);
    gboolean ok = one && entity_ids(one, "focus", seeds);
    Py_XDECREF(one);
    if (!ok)
      return NULL;
    o.focus = NETAN_CHART_FOCUS_EGO;
  } else if (connect != Py_None) {
    if (!entity_ids(connect, "connect", seeds))
      return NULL;
    o.focus = NETAN_CHART_FOCUS_CONNECT;
  } else if (path != Py_None) {
    if (!entity_ids(path, "path", seeds))
      return NULL;
    o.focus = NETAN_CHART_FOCUS_PATH;
  } else if (community != Py_None) {
    o.community = PyLong_AsLongLong(community);
    if (PyErr_Occurred())
      return NULL;
    o.focus = NETAN_CHART_FOCUS_COMMUNITY;
  } else if (collapse) {
    o.focus = NETAN_CHART_FOCUS_COLLAPSE;
  }
  o.seeds = (const int64_t *)(void *)seeds->data;
  o.n_seeds = seeds->len;
  GError *e = NULL;
  netan_table_t *size = NULL, *partition = NULL;
  netan_chart_t *chart = NULL;
  GBytes *bytes = NULL;
  gboolean needs_partition = o.color_by == NETAN_CHART_COLOR_COMMUNITY || o.focus == NETAN_CHART_FOCUS_COMMUNITY ||
                             o.focus == NETAN_CHART_FOCUS_COLLAPSE;
  Py_BEGIN_ALLOW_THREADS
  if (needs_partition) {
    netan_communities_options_t co = NETAN_COMMUNITIES_OPTIONS_INIT;
    co.seed = seed;
    partition = netan_communities(self->view, method ? method : "louvain", &co, &e);
  }
  if ((!needs_partition || partition) && size_by)
    size = netan_centrality(self->view, size_by, NULL, &e);
  if (e == NULL) {
    o.size_by = size;
    o.communities = partition;
    chart = netan_chart_new(self->view, &o, &e);
  }
  if (chart)
    bytes = netan_chart_render_bytes(chart, format, &e);
  Py_END_ALLOW_THREADS
  netan_chart_free(chart);
  netan_table_free(size);
  netan_table_free(partition);
  if (bytes == NULL)
    return raise_gerror(e);
  gsize n;
  const char *data = g_bytes_get_data(bytes, &n);
  PyObject *result = PyBytes_FromStringAndSize(data, (Py_ssize_t)n);
  g_bytes_unref(bytes);
  return result;
}

static PyObject *View_get_n_vertices(ViewObject *s, void *c) { return view_ready(s) ? PyLong_FromLongLong(netan_view_n_vertices(s->view)) : NULL; }
static PyObject *View_get_n_edges(ViewObject *s, void *c) { return view_ready(s) ? PyLong_FromLongLong(netan_view_n_edges(s->view)) : NULL; }
static PyObject *View_get_directed(ViewObject *s, void *c) { return view_ready(s) ? PyBool_FromLong(netan_view_is_directed(s->view)) : NULL; }
static PyObject *View_get_length(ViewObject *s, void *c) { return view_ready(s) ? PyUnicode_FromString(netan_view_length_name(s->view)) : NULL; }
static PyObject *View_get_case(ViewObject *s, void *c) { return Py_NewRef(s->case_obj ? s->case_obj : Py_None); }

static PyMethodDef View_methods[] = {
  { "degree", (PyCFunction)(void (*)(void))View_degree, METH_VARARGS | METH_KEYWORDS, "degree(mode='all', strength=False) -> (columns, rows, meta)" },
  { "betweenness", (PyCFunction)(void (*)(void))View_betweenness, METH_VARARGS | METH_KEYWORDS, "betweenness(normalized=False, progress=None) -> (columns, rows, meta)" },
  { "centrality", (PyCFunction)(void (*)(void))View_centrality, METH_VARARGS | METH_KEYWORDS, "centrality(measure, mode='all', normalized=False, cutoff=None, samples=0, seed=42, damping=0.85, weighted=True, threads=0, progress=None) -> (columns, rows, meta)" },
  { "pagerank", (PyCFunction)(void (*)(void))View_pagerank, METH_VARARGS | METH_KEYWORDS, "pagerank(damping=0.85, weighted=True) -> (columns, rows, meta)" },
  { "edge_betweenness", (PyCFunction)(void (*)(void))View_edge_betweenness, METH_VARARGS | METH_KEYWORDS, "edge_betweenness(normalized=False, cutoff=None, weighted=True, progress=None) -> (columns, rows, meta)" },
  { "communities", (PyCFunction)(void (*)(void))View_communities, METH_VARARGS | METH_KEYWORDS, "communities(method='louvain', seed=42, resolution=1.0, weighted=True, objective=None, iterations=-1, trials=10, steps=4, max_vertices=1000, max_edges=5000) -> (columns, rows, meta)" },
  { "community_summary", (PyCFunction)View_community_summary, METH_VARARGS, "community_summary(entities, communities) -> (columns, rows, meta)" },
  { "shortest_path", (PyCFunction)(void (*)(void))View_shortest_path, METH_VARARGS | METH_KEYWORDS, "shortest_path(a, b, k=1, weighted=True, direction=None, all=False, max_paths=1000, max_evidence=3)" },
  { "connect", (PyCFunction)(void (*)(void))View_connect, METH_VARARGS | METH_KEYWORDS, "connect(entities, ...) -> (paths, entities)" },
  { "ego", (PyCFunction)(void (*)(void))View_ego, METH_VARARGS | METH_KEYWORDS, "ego(entity, hops=1, direction=None)" },
  { "common_contacts", (PyCFunction)(void (*)(void))View_common_contacts, METH_VARARGS | METH_KEYWORDS, "common_contacts(entities, direction=None, max_evidence=3)" },
  { "louvain", (PyCFunction)(void (*)(void))View_louvain, METH_VARARGS | METH_KEYWORDS, "louvain(seed=42, resolution=1.0, weighted=True) -> (columns, rows, meta)" },
  { "edges", (PyCFunction)View_edges, METH_NOARGS, "[(entity_a, entity_b, strength, length, n_links)]" },
  { "vertices", (PyCFunction)View_vertices, METH_NOARGS, "[entity id of each vertex]" },
  { "chart", (PyCFunction)(void (*)(void))View_chart, METH_VARARGS | METH_KEYWORDS, "chart(format='dot', title=None, case_ref=None, author=None, date=None, banner=None, page=None, landscape=False, layout=None, size_by='betweenness', color_by='communities', communities=42, method='louvain', focus=None, hops=1, community=None, connect=None, path=None, collapse=False, show_keys=False, edge_labels=None, wrap=20, legend=True, command=None, max_labels=-1) -> bytes (see doc/charts.md)" },
  { NULL }
};

static PyGetSetDef View_getset[] = {
  { "n_vertices", (getter)View_get_n_vertices, NULL, NULL, NULL },
  { "n_edges", (getter)View_get_n_edges, NULL, NULL, NULL },
  { "directed", (getter)View_get_directed, NULL, NULL, NULL },
  { "length", (getter)View_get_length, NULL, "how path measures read edges", NULL },
  { "case", (getter)View_get_case, NULL, NULL, NULL },
  { NULL }
};

static PyTypeObject ViewType = {
  PyVarObject_HEAD_INIT(NULL, 0)
  .tp_name = "netan._netan.View",
  .tp_basicsize = sizeof(ViewObject),
  .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
  .tp_doc = "A view of a case as a graph (low-level; use netan.View).",
  .tp_new = PyType_GenericNew,
  .tp_init = (initproc)View_init,
  .tp_dealloc = (destructor)View_dealloc,
  .tp_methods = View_methods,
  .tp_getset = View_getset,
};

/* ---- module ---- */

static PyObject *
mod_version(PyObject *self, PyObject *noargs)
{
  return PyUnicode_FromString(netan_version());
}

static PyObject *
mod_render_dot(PyObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "dot", "format", "layout", NULL };
  const char *dot, *format, *layout = NULL;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "ss|z:render_dot", kwlist, &dot, &format, &layout))
    return NULL;
  GError *e = NULL;
  GBytes *bytes;
  Py_BEGIN_ALLOW_THREADS
  bytes = netan_chart_render_dot(dot, layout, format, &e);
  Py_END_ALLOW_THREADS
  if (bytes == NULL)
    return raise_gerror(e);
  gsize n;
  const char *data = g_bytes_get_data(bytes, &n);
  PyObject *r = PyBytes_FromStringAndSize(data, (Py_ssize_t)n);
  g_bytes_unref(bytes);
  return r;
}

static PyObject *
mod_normalize(PyObject *self, PyObject *args, PyObject *kwds)
{
  static char *kwlist[] = { "kind", "value", "region", NULL };
  const char *kind, *value, *region = NULL;
  if (!PyArg_ParseTupleAndKeywords(args, kwds, "ss|z:normalize", kwlist, &kind, &value, &region))
    return NULL;
  netan_normalizer_t n;
  if (!netan_normalizer_from_name(kind, &n))
    return raise_gerror(g_error_new(NETAN_ERROR, NETAN_ERROR_INVALID_ARGUMENT,
                                    "unknown normalizer \"%s\" (phone, plate, iban, imei, email, name, text, none)", kind));
  GError *e = NULL;
  char *key;
  /* no Python code runs inside; names wait on ICU's lock, so let other threads go on */
  Py_BEGIN_ALLOW_THREADS
  key = netan_normalize(n, value, region, &e);
  Py_END_ALLOW_THREADS
  if (key == NULL)
    return raise_gerror(e);
  PyObject *r = PyUnicode_FromString(key);
  g_free(key);
  return r;
}

static PyObject *
mod_jaro_winkler(PyObject *self, PyObject *args)
{
  const char *a, *b;
  if (!PyArg_ParseTuple(args, "ss:jaro_winkler", &a, &b))
    return NULL;
  return PyFloat_FromDouble(netan_jaro_winkler(a, b));
}

/* A Python list of the strings of a NULL-terminated array. */
static PyObject *
str_list(const char *const *items)
{
  PyObject *list = PyList_New(0);
  for (const char *const *k = items; list && *k; k++) {
    PyObject *s = PyUnicode_FromString(*k);
    if (s == NULL || PyList_Append(list, s) < 0)
      Py_CLEAR(list);
    Py_XDECREF(s);
  }
  return list;
}

static PyObject *
mod_centrality_measures(PyObject *self, PyObject *noargs)
{
  return str_list(netan_centrality_measures());
}

static PyObject *
mod_communities_methods(PyObject *self, PyObject *noargs)
{
  return str_list(netan_communities_methods());
}

static PyObject *
mod_ingest_kinds(PyObject *self, PyObject *noargs)
{
  return str_list(netan_ingest_kinds());
}

static PyMethodDef module_methods[] = {
  { "normalize", (PyCFunction)(void (*)(void))mod_normalize, METH_VARARGS | METH_KEYWORDS, "normalize(kind, value, region=None) -> key" },
  { "jaro_winkler", mod_jaro_winkler, METH_VARARGS, "jaro_winkler(a, b) -> similarity in [0, 1]" },
  { "ingest_kinds", mod_ingest_kinds, METH_NOARGS, "names of the built-in mapping specs" },
  { "centrality_measures", mod_centrality_measures, METH_NOARGS, "names of the centrality measures" },
  { "communities_methods", mod_communities_methods, METH_NOARGS, "names of the community detection methods" },
  { "version", mod_version, METH_NOARGS, "libnetan's version" },
  { "render_dot", (PyCFunction)(void (*)(void))mod_render_dot, METH_VARARGS | METH_KEYWORDS, "render_dot(dot, format, layout=None) -> bytes" },
  { NULL }
};

static struct PyModuleDef module_def = {
  PyModuleDef_HEAD_INIT, "netan._netan", "libnetan bindings (low-level)", -1, module_methods,
  NULL, NULL, NULL, NULL,
};

static const struct {
  int code;
  const char *name;
  const char *base;  /* a builtin the class also derives from, or NULL */
} exc_specs[] = {
  { NETAN_ERROR_FAILED, "FailedError", NULL },
  { NETAN_ERROR_INVALID_ARGUMENT, "InvalidArgumentError", "ValueError" },
  { NETAN_ERROR_NOT_FOUND, "NotFoundError", "LookupError" },
  { NETAN_ERROR_PARSE, "ParseError", "ValueError" },
  { NETAN_ERROR_IO, "FileError", "OSError" },
  { NETAN_ERROR_BACKEND, "BackendError", "RuntimeError" },
  { NETAN_ERROR_CANCELLED, "CancelledError", NULL },
  { NETAN_ERROR_STALE, "StaleViewError", NULL },
};

PyMODINIT_FUNC
PyInit__netan(void)
{
  if (PyType_Ready(&CaseType) < 0 || PyType_Ready(&ViewType) < 0)
    return NULL;
  PyObject *m = PyModule_Create(&module_def);
  if (m == NULL)
    return NULL;
  PyObject *builtins = PyEval_GetBuiltins();
  exc_base = PyErr_NewExceptionWithDoc("netan.Error",
      "Base of netan's errors: str(e) is the message, e.code libnetan's error code.", NULL, NULL);
  if (exc_base == NULL || PyModule_AddObjectRef(m, "Error", exc_base) < 0)
    goto fail;
  for (gsize i = 0; i < G_N_ELEMENTS(exc_specs); i++) {
    PyObject *bases = exc_specs[i].base
        ? PyTuple_Pack(2, exc_base, PyDict_GetItemString(builtins, exc_specs[i].base))
        : PyTuple_Pack(1, exc_base);
    g_autofree char *qual = g_strconcat("netan.", exc_specs[i].name, NULL);
    PyObject *cls = bases ? PyErr_NewException(qual, bases, NULL) : NULL;
    Py_XDECREF(bases);
    if (cls == NULL || PyModule_AddObjectRef(m, exc_specs[i].name, cls) < 0)
      goto fail;
    exc_by_code[exc_specs[i].code] = cls;
  }
  if (PyModule_AddObjectRef(m, "Case", (PyObject *)&CaseType) < 0 ||
      PyModule_AddObjectRef(m, "View", (PyObject *)&ViewType) < 0)
    goto fail;
  return m;
fail:
  Py_DECREF(m);
  return NULL;
}
