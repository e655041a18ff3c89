/* The built-in mapping specs (`netan ingest --kind KIND`). Their column
 * names are documented in doc/mapping-spec.md; for other layouts, copy one
 * (`netan ingest --show-spec KIND`) and adapt it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "ingest/spec.h"

#include <string.h>

typedef struct {
  const char *kind;
  const char *text;
} builtin_t;

static const builtin_t builtins[] = {
  { "cdr",
    "# Call detail records: one row per call or SMS.\n"
    "[file]\nkind = cdr\n\n"
    "[entity:caller]\ntype = phone\nkey = caller\nnormalize = phone\n\n"
    "[entity:callee]\ntype = phone\nkey = callee\nnormalize = phone\n\n"
    "[event]\ntype-column = type\ntype-map = call:call;voice:call;CALL:call;VOICE:call;sms:sms;SMS:sms\n"
    "from = caller\nto = callee\ntime = start\nduration = duration\n" },
  { "transfers",
    "# Money transfers between accounts held by people.\n"
    "[file]\nkind = transfers\n\n"
    "[entity:sender]\ntype = account\nkey = sender_account\nnormalize = iban\n\n"
    "[entity:receiver]\ntype = account\nkey = receiver_account\nnormalize = iban\n\n"
    "[entity:sender_person]\ntype = person\nnormalize = name\nlabel = sender_name\noptional = true\n\n"
    "[entity:receiver_person]\ntype = person\nnormalize = name\nlabel = receiver_name\noptional = true\n\n"
    "[event]\ntype = transfer\nfrom = sender\nto = receiver\ntime = time\namount = amount\ncurrency-column = currency\n\n"
    "[link:holds_sender]\ntype = holds\nfrom = sender_person\nto = sender\n\n"
    "[link:holds_receiver]\ntype = holds\nfrom = receiver_person\nto = receiver\n" },
  { "crossings",
    "# Vehicle sightings and border crossings, with driver and passengers.\n"
    "[file]\nkind = crossings\n\n"
    "[entity:vehicle]\ntype = vehicle\nkey = plate\nnormalize = plate\n\n"
    "[entity:place]\ntype = location\nkey = location\n\n"
    "[entity:driver]\ntype = person\nnormalize = name\nlabel = driver\noptional = true\n\n"
    "[entity:passenger]\ntype = person\nnormalize = name\nlabel = passengers\noptional = true\nsplit = |\n\n"
    "[event]\ntype = crossing\nfrom = vehicle\nto = place\ntime = time\n\n"
    "[link:driver]\ntype = occupant\nfrom = vehicle\nto = driver\n\n"
    "[link:passenger]\ntype = occupant\nfrom = vehicle\nto = passenger\n" },
  { "subscribers",
    "# Subscriber lists: who a phone number is registered to.\n"
    "[file]\nkind = subscribers\n\n"
    "[entity:phone]\ntype = phone\nkey = phone\nnormalize = phone\n\n"
    "[entity:subscriber]\ntype = person\nnormalize = name\nlabel = name\n\n"
    "[entity:document]\ntype = document\nkey = id_document\noptional = true\n\n"
    "[link:registered_to]\nfrom = phone\nto = subscriber\n\n"
    "[link:identified_by]\nfrom = subscriber\nto = document\n\n"
    "[attribute:subscriber]\nbirth_date = birth_date\n" },
  { "associations",
    "# Known associations between people (family, associate, employee, ...).\n"
    "[file]\nkind = associations\n\n"
    "[entity:a]\ntype = person\nnormalize = name\nlabel = person_a\n\n"
    "[entity:b]\ntype = person\nnormalize = name\nlabel = person_b\n\n"
    "[link:association]\ntype-column = relation\nfrom = a\nto = b\n" },
  { "entities",
    "# A list of entities: type, key and label.\n"
    "[file]\nkind = entities\n\n"
    "[entity:item]\ntype-column = type\nkey = key\nlabel = label?\n" },
  { "edgelist",
    "# The plain edge list: source,target,weight (weight = strength).\n"
    "[file]\nkind = edgelist\n\n"
    "[entity:source]\ntype = person\nkey = 1\n\n"
    "[entity:target]\ntype = person\nkey = 2\n\n"
    "[link:contact]\nfrom = source\nto = target\nweight = 3?\n" },
};

const char *
netan_spec_builtin(const char *kind)
{
  for (gsize i = 0; kind && i < G_N_ELEMENTS(builtins); i++)
    if (strcmp(builtins[i].kind, kind) == 0)
      return builtins[i].text;
  return NULL;
}

const char *const *
netan_spec_builtin_kinds(void)
{
  static const char *kinds[G_N_ELEMENTS(builtins) + 1];
  for (gsize i = 0; i < G_N_ELEMENTS(builtins); i++)
    kinds[i] = builtins[i].kind;
  return kinds;
}
