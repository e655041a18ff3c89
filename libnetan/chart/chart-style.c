/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "chart/chart-style.h"

#include <string.h>

/* Synonyms the built-in specs and analysts use map to one look. */
static const struct {
  const char *const *types;
  netan_chart_type_look_t look;
} type_looks[] = {
  { (const char *const[]){ "person", "suspect", "victim", "witness", NULL },
    { "person", "ellipse", "", "ellipse" } },
  { (const char *const[]){ "phone", "msisdn", "sim", "number", NULL },
    { "phone", "box", "rounded", "rounded box" } },
  { (const char *const[]){ "imei", "handset", "device", NULL },
    { "handset", "octagon", "", "octagon" } },
  { (const char *const[]){ "vehicle", "plate", "car", NULL },
    { "vehicle", "hexagon", "", "hexagon" } },
  { (const char *const[]){ "account", "iban", "card", "wallet", NULL },
    { "account", "house", "", "house" } },
  { (const char *const[]){ "location", "place", "address", "cell", "bcp", NULL },
    { "location", "invhouse", "", "inverted house" } },
  { (const char *const[]){ "organization", "organisation", "company", "group", NULL },
    { "organization", "box3d", "", "3-D box" } },
  { (const char *const[]){ "document", "passport", "id", "id_document", NULL },
    { "document", "note", "", "note" } },
  { (const char *const[]){ "email", "e-mail", "mail", NULL },
    { "email", "component", "", "component" } },
  { (const char *const[]){ "online", "url", "username", "ip", "social", NULL },
    { "online", "parallelogram", "", "parallelogram" } },
};
static const netan_chart_type_look_t other_look = { "other", "doubleoctagon", "", "double octagon" };

const netan_chart_type_look_t *
netan_chart_type_look(const char *entity_type)
{
  for (gsize i = 0; i < G_N_ELEMENTS(type_looks); i++)
    for (const char *const *t = type_looks[i].types; *t; t++)
      if (g_ascii_strcasecmp(*t, entity_type) == 0)
        return &type_looks[i].look;
  return &other_look;
}

/* Contacts solid, messages dashed, money double, ownership and use
 * dotted, asserted relations bold; other types solid. */
static const netan_chart_line_look_t solid = { "solid", "\u2500\u2500\u2500\u2500" };
static const netan_chart_line_look_t dashed = { "dashed", "\u254C\u254C\u254C\u254C" };
static const netan_chart_line_look_t dotted = { "dotted", "\u2508\u2508\u2508\u2508" };
static const netan_chart_line_look_t twin = { "double", "\u2550\u2550\u2550\u2550" };
static const netan_chart_line_look_t bold = { "bold", "\u2501\u2501\u2501\u2501" };

static const struct {
  const char *prefix;
  const netan_chart_line_look_t *look;
} line_looks[] = {
  { "call", &solid }, { "voice", &solid }, { "contact", &solid }, { "meeting", &solid },
  { "sms", &dashed }, { "message", &dashed }, { "mms", &dashed }, { "chat", &dashed },
  { "transfer", &twin }, { "payment", &twin }, { "transaction", &twin }, { "deposit", &twin },
  { "holds", &dotted }, { "owns", &dotted }, { "owner", &dotted }, { "registered", &dotted },
  { "identified", &dotted }, { "uses", &dotted }, { "used", &dotted }, { "caller_handset", &dotted },
  { "handset", &dotted }, { "occupant", &dotted }, { "driver", &dotted }, { "passenger", &dotted },
  { "subscriber", &dotted }, { "crossing", &dotted }, { "sighting", &dotted },
  { "family", &bold }, { "associate", &bold }, { "association", &bold }, { "employee", &bold },
  { "member", &bold }, { "relative", &bold }, { "known", &bold },
};

const netan_chart_line_look_t *
netan_chart_line_look(const char *link_type)
{
  for (gsize i = 0; i < G_N_ELEMENTS(line_looks); i++)
    if (g_ascii_strncasecmp(link_type, line_looks[i].prefix, strlen(line_looks[i].prefix)) == 0)
      return line_looks[i].look;
  return &solid;
}

void
netan_chart_line_attrs(GString *out, const netan_chart_line_look_t *look, const char *colour)
{
  if (look == &twin)  /* two lines with a gap: Graphviz draws a colour list side by side */
    g_string_append_printf(out, ", color=\"%s:invis:%s\"", colour, colour);
  else
    g_string_append_printf(out, ", color=\"%s\"", colour);
  if (look == &dashed || look == &dotted || look == &bold)
    g_string_append_printf(out, ", style=%s", look->name);
}

/* Okabe–Ito's colours (told apart with colour-vision deficiencies), mixed
 * half with white so that black icons and text stay readable on them,
 * then lighter tints of a second set. */
static const char *const palette[] = {
  "#F2CF80", "#AADAF4", "#80CEB9", "#F7F1A0", "#80B8D8", "#EAAE80", "#E5BCD3",
  "#CCCC99", "#C3E5F6", "#A1D4CC", "#EEE5BB", "#D4A1CC",
};

const char *
netan_chart_palette(int64_t i)
{
  return i >= 0 && i < (int64_t)G_N_ELEMENTS(palette) ? palette[i] : NULL;
}
