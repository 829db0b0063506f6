/* six-bench-data.c — a synthetic database for the benchmarks, and how they report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-bench-data"

#include "config.h"

#include "six-bench-data.h"

#include "six-db.h"
#include "six-iso-codes.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

/* Frequent words first: text draws them by a Zipf-like law, queries draw them uniformly. */
static const char * const words[] = {
  "the", "of", "and", "in", "to", "for", "on", "with", "by", "from",
  "cluster", "munitions", "clearance", "survey", "assistance", "victim", "stockpile",
  "destruction", "risk", "education", "national", "implementation", "coalition",
  "contamination", "remnants", "submunitions", "area", "land", "release", "capacity", "mine",
  "action", "programme", "support", "cooperation", "transparency", "report", "plan",
  "meeting", "States", "Parties", "Convention", "obligation", "deadline", "extension",
  "request", "funding", "donor", "operator", "partner", "technical", "financial", "material",
  "training", "equipment", "team", "field", "community", "province", "district", "village",
  "hazardous", "suspected", "confirmed", "cancelled", "reduced", "square", "metres",
  "hectares", "survivors", "disability", "rehabilitation", "psychosocial", "inclusion",
  "gender", "diversity", "age", "data", "information", "management", "database", "quality",
  "standards", "accreditation", "monitoring", "evaluation", "strategy", "budget", "ministry",
  "authority", "centre", "universalization", "ratification", "accession", "compliance",
  "legislation", "measures", "prohibition", "retention", "development", "research",
  "expert", "workshop", "side", "event", "intersessional", "review", "conference",
  "presidency", "coordinator", "thematic", "progress", "challenge", "priority", "timeline",
  "completion", "verification", "sustainable", "resources", "local", "regional",
  "international", "humanitarian", "disarmament", "security", "safety", "explosive",
  "ordnance", "disposal", "unexploded", "bomblets", "airstrike", "conflict", "post-conflict",
  "reconstruction", "agriculture", "farmland", "school", "children", "women", "men", "girls",
  "boys", "health", "hospital", "prosthetics", "orthotics", "physiotherapy", "livelihood",
  "employment", "income", "non-technical", "mechanical", "manual", "dogs", "detectors",
  "démocratique", "République", "Côte d'Ivoire", "sécurité", "déminage", "élimination",
  "coopération", "développement", "général", "ministère", "santé", "éducation", "réunion",
  "comité", "données", "bénéficiaires", "victimes", "programa", "educación", "niños", "años",
  "región", "población", "zona", "limpieza", "desminado", "municiones", "racimo",
  "cooperación", "informe", "país", "Bogotá", "Medellín", "Perú", "México", "Panamá",
  "São Tomé", "Príncipe", "Genève", "Zürich", "Kraków", "Malmö", "Beyrouth", "Liban",
  "Vientiane", "Phnom Penh", "Kaboul", "Bagdad", "Tchad", "Sénégal", "Bénin", "Guinée",
  "Mauritanie", "Moçambique", "Angola", "Kosovo", "Dubrovnik", "Lausanne", "Oslo",
  "Wellington", "Dublin", "Santiago", "Managua", "Québec", "Montréal", "Île", "Åland",
  "Ñuñoa", "Łódź", "Gdańsk", "Ljubljana", "Beograd", "Sarajevo", "Tiranë", "Chișinău",
  "Kyiv", "Tbilisi", "Yerevan", "Ouagadougou", "Niamey", "Bamako", "N'Djamena",
  "year", "annual", "first", "second", "third", "new", "additional", "remaining",
  "completed", "ongoing", "planned", "approved", "submitted", "received", "provided",
  "delivered", "pledged", "committed", "agreed", "discussed", "noted", "requested",
  "identified", "estimated", "reported", "updated", "shared", "circulated", "draft", "final",
  "letter", "note", "minutes", "agenda", "follow-up", "contact", "focal", "point", "embassy",
  "mission", "permanent", "delegation", "ambassador", "deputy", "officer", "adviser",
  "director", "head", "unit", "department", "office", "headquarters", "north", "south",
  "east", "west", "central", "border", "river", "valley", "mountain", "coast", "road",
  "bridge", "airport", "railway", "water", "forest", "rice", "cattle", "market",
  "population", "households", "beneficiaries", "families", "people", "persons", "staff",
  "volunteers", "partners", "NGOs", "UNDP", "UNMAS", "ICRC", "GICHD", "ISU", "CMC", "HALO",
  "MAG", "NPA", "DanChurchAid", "FSD", "APOPO", "ITF", "USD", "EUR", "CHF", "million",
  "thousand", "percent", "quarter", "month", "week", "phase", "pilot", "project", "grant",
  "contract", "proposal", "tender", "procurement", "vehicles", "radios", "laptops", "GPS",
  "maps", "GIS", "IMSMA", "baseline", "indicator", "target", "outcome", "output", "result",
  "lessons", "learned", "good", "practice", "guidelines", "tools", "methodology",
  "approach", "framework", "policy", "law", "decree", "article", "paragraph", "annex",
  "form", "template", "table", "figure", "summary", "background", "context", "situation",
  "analysis", "assessment", "needs", "gaps", "barriers", "opportunities",
  "recommendations", "conclusions", "decisions", "commitments", "pledges", "contributions",
  "disbursement", "allocation", "multi-year", "predictable", "flexible", "earmarked", "core",
  "trust", "fund",
};

static const char * const first_names[] = {
  "Amina", "José", "François", "Zoë", "Ngozi", "Björn", "Chloé", "Søren", "Aïcha", "Iñaki",
  "Maria", "John", "Fatima", "Ahmed", "Li", "Wei", "Anna", "Peter", "Élodie", "Thanh",
  "Kofi", "Ama", "Olga", "Ivan", "Nour", "Rania", "Carlos", "Lucía", "Hélène", "Jürgen",
  "Somchai", "Bounmy", "Sok", "Dara", "Aigerim", "Tariq", "Leila", "Miguel", "Inès", "Noé",
};

static const char * const last_names[] = {
  "Müller", "Nguyễn", "García", "Dubois", "Okafor", "Haddad", "Svensson", "Kowalski",
  "Rossi", "Smith", "Traoré", "Diallo", "Ferreira", "Ødegaard", "Núñez", "Petrović",
  "Ibrahim", "Chen", "Kim", "Phommachanh", "Sithole", "Mensah", "O'Brien", "Novák",
  "Lefèvre", "Benítez", "Jovanović", "Khalil", "Andersson", "Tanaka", "Popescu", "Yılmaz",
};

static const char * const org_words[] = {
  "Foundation", "Institute", "Centre", "Network", "Aid", "Alliance", "Association", "Agency",
  "Programme", "Fondation", "Asociación", "Initiative", "Trust", "Service",
};

static const char * const places[] = {
  "Genève", "Lausanne", "Dubrovnik", "Vientiane", "Bogotá", "Beyrouth", "Phnom Penh",
  "Medellín", "Oslo", "Dublin", "Wellington", "Santiago", "Kraków", "Montréal", "New York",
  "Vienna", "Tirana", "Sarajevo", "Ouagadougou", "N'Djamena",
};

static const char * const roles[] = {
  "Programme officer", "Head of mission", "Desk officer", "Operations manager",
  "Victim assistance focal point", "Deputy permanent representative", "Technical adviser",
  "Chargée de mission", "Directora nacional", "Information management officer",
};

static const char * const currencies[] = {
  "USD", "EUR", "CHF", "GBP", "NOK", "SEK", "JPY", "CAD", "AUD", "NZD", "DKK",
};

/* Makes the @nth record of one kind. */
typedef SixEdit *(*MakeFunc) (SixBenchData *self,
                              guint         nth);

/* Indices into gen_kinds[]. */
enum
{
  GEN_PLAN,
  GEN_PLAN_SECTION,
  GEN_ACTION,
  GEN_COUNTRY,
  GEN_ACTION_TRACKING,
  GEN_OBLIGATION,
  GEN_EXTENSION_REQUEST,
  GEN_ORGANISATION,
  GEN_COALITION,
  GEN_ARTICLE7_REPORT,
  GEN_ASSISTANCE_REQUEST,
  GEN_CONTRIBUTION,
  GEN_CONTACT,
  GEN_COALITION_MEMBER,
  GEN_ACTIVITY,
  GEN_MEETING,
  GEN_NOTE,
  N_GEN_KINDS
};

typedef struct
{
  const char *kind;
  MakeFunc    make;
  double      share;    /* of the records after the fixed ones; 0 for the fixed kinds */
  gboolean    interleaved;
} GenKind;

struct _SixBenchData
{
  /* Owned */
  GRand      *rand;
  GPtrArray  *countries;      /* alpha-3 codes, borrowed from the iso-codes table */
  GPtrArray  *sections;       /* ids */
  GPtrArray  *actions;
  GPtrArray  *obligations;
  GPtrArray  *organisations;
  GPtrArray  *coalitions;
  GPtrArray  *requests;
  GPtrArray  *contacts;
  GPtrArray  *targets;        /* everything a note may be about */
  guint      *quota;          /* per GenKind: how many to make */
  guint      *made;           /* per GenKind: how many made */

  guint       current;        /* the fixed kind being made */
  guint       left_interleaved;
};

static SixEdit *make_plan (SixBenchData *self, guint nth);
static SixEdit *make_plan_section (SixBenchData *self, guint nth);
static SixEdit *make_action (SixBenchData *self, guint nth);
static SixEdit *make_country (SixBenchData *self, guint nth);
static SixEdit *make_action_tracking (SixBenchData *self, guint nth);
static SixEdit *make_obligation (SixBenchData *self, guint nth);
static SixEdit *make_extension_request (SixBenchData *self, guint nth);
static SixEdit *make_organisation (SixBenchData *self, guint nth);
static SixEdit *make_coalition (SixBenchData *self, guint nth);
static SixEdit *make_article7_report (SixBenchData *self, guint nth);
static SixEdit *make_assistance_request (SixBenchData *self, guint nth);
static SixEdit *make_contribution (SixBenchData *self, guint nth);
static SixEdit *make_contact (SixBenchData *self, guint nth);
static SixEdit *make_coalition_member (SixBenchData *self, guint nth);
static SixEdit *make_activity (SixBenchData *self, guint nth);
static SixEdit *make_meeting (SixBenchData *self, guint nth);
static SixEdit *make_note (SixBenchData *self, guint nth);

/* In dependency order: a record refers only to records made before it. */
static const GenKind gen_kinds[N_GEN_KINDS] = {
  { "plan", make_plan, 0, FALSE },
  { "plan_section", make_plan_section, 0, FALSE },
  { "action", make_action, 0, FALSE },
  { "country", make_country, 0, FALSE },
  { "action_tracking", make_action_tracking, 0.0008, FALSE },
  { "obligation", make_obligation, 0.005, FALSE },
  { "extension_request", make_extension_request, 0.002, FALSE },
  { "organisation", make_organisation, 0.02, FALSE },
  { "coalition", make_coalition, 0.005, FALSE },
  { "article7_report", make_article7_report, 0.025, TRUE },
  { "assistance_request", make_assistance_request, 0.12, TRUE },
  { "contribution", make_contribution, 0.26, TRUE },
  { "contact", make_contact, 0.07, TRUE },
  { "coalition_member", make_coalition_member, 0.04, TRUE },
  { "activity", make_activity, 0.14, TRUE },
  { "meeting", make_meeting, 0.07, TRUE },
  { "note", make_note, 0, TRUE },  /* whatever is left */
};

#define N_COUNTRIES 200
#define N_SECTIONS_PER_PLAN 8
#define N_DAP_ACTIONS 30
#define N_LAP_ACTIONS 50
#define FIRST_YEAR 2011
#define N_YEARS 16

/* ---- Random values ---- */

static guint
pick_index (SixBenchData *self,
            guint         n)
{
  return (guint) g_rand_int_range (self->rand, 0, (gint32) n);
}

static gboolean
chance (SixBenchData *self,
        double        p)
{
  return g_rand_double (self->rand) < p;
}

static const char *
pick_from (SixBenchData       *self,
           const char * const *items,
           guint               n_items)
{
  return items[pick_index (self, n_items)];
}

static const char *
pick_id (SixBenchData *self,
         GPtrArray    *ids)
{
  if (ids->len == 0)
    return NULL;

  return g_ptr_array_index (ids, pick_index (self, ids->len));
}

/* Ranks follow a log-uniform law (Zipf with s = 1): "the" is common, "Łódź" rare. */
static const char *
pick_word (SixBenchData *self)
{
  double u = g_rand_double (self->rand);
  guint rank = (guint) exp (u * log (G_N_ELEMENTS (words) + 1.0)) - 1;

  return words[MIN (rank, G_N_ELEMENTS (words) - 1)];
}

static char *
make_text (SixBenchData *self,
           guint         min_words,
           guint         max_words)
{
  GString *text = g_string_new (NULL);
  guint n = (guint) g_rand_int_range (self->rand, (gint32) min_words, (gint32) max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');

      /* Numbers too: years, amounts, action numbers. */
      if (chance (self, 0.03))
        g_string_append_printf (text, "%u", FIRST_YEAR + pick_index (self, N_YEARS));
      else if (chance (self, 0.01))
        g_string_append_printf (text, "%u", 100 * (1 + pick_index (self, 5000)));
      else
        g_string_append (text, pick_word (self));

      if (i + 1 < n && chance (self, 0.08))
        g_string_append_c (text, i % 2 == 0 ? ',' : '.');
    }

  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

static char *
make_date (SixBenchData *self,
           guint         first_year,
           guint         n_years)
{
  return g_strdup_printf ("%04u-%02u-%02u", first_year + pick_index (self, n_years),
                          1 + pick_index (self, 12), 1 + pick_index (self, 28));
}

static char *
make_amount (SixBenchData *self)
{
  if (chance (self, 0.2))
    return g_strdup_printf ("%u.%02u", pick_index (self, 100000), pick_index (self, 100));

  return g_strdup_printf ("%u", 1000 * (1 + pick_index (self, 5000)));
}

/* A version-4 UUID from our seeded generator, so every run makes the same ids. */
static char *
make_uuid (SixBenchData *self)
{
  guint32 a = g_rand_int (self->rand);
  guint32 b = g_rand_int (self->rand);
  guint32 c = g_rand_int (self->rand);
  guint32 d = g_rand_int (self->rand);

  return g_strdup_printf ("%08x-%04x-%04x-%04x-%04x%08x", a, b >> 16, (b & 0x0fff) | 0x4000,
                          ((c >> 16) & 0x3fff) | 0x8000, c & 0xffff, d);
}

static const char *
pick_enum (SixBenchData  *self,
           const SixKind *kind,
           const char    *field)
{
  const SixField *descriptor = six_kind_get_field (kind, field);

  return descriptor->values[pick_index (self, g_strv_length ((char **) descriptor->values))];
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A set is stored sorted and without duplicates. */
static void
set_some (SixBenchData       *self,
          SixEdit            *edit,
          const char         *field,
          const char * const *items,
          guint               n_items,
          guint               max_picked)
{
  g_autoptr(GPtrArray) picked = g_ptr_array_new ();
  guint n = 1 + pick_index (self, max_picked);

  for (guint i = 0; i < n; i++)
    {
      const char *item = items[pick_index (self, n_items)];

      if (!g_ptr_array_find_with_equal_func (picked, item, g_str_equal, NULL))
        g_ptr_array_add (picked, (gpointer) item);
    }

  g_ptr_array_sort (picked, compare_strings);
  six_edit_set (edit, field,
                g_variant_new_strv ((const char * const *) picked->pdata, (gssize) picked->len));
}

static void
set_owned_string (SixEdit    *edit,
                  const char *field,
                  char       *value)
{
  six_edit_set_string (edit, field, value);
  g_free (value);
}

static SixEdit *
new_edit (SixBenchData *self,
          const char   *kind_name,
          const char   *natural_id)
{
  const SixKind *kind = six_kind_lookup (kind_name);
  SixEdit *edit = six_edit_new (kind, NULL);

  if (natural_id != NULL)
    six_edit_set_id (edit, natural_id);
  else
    {
      g_autofree char *uuid = make_uuid (self);

      six_edit_set_id (edit, uuid);
    }

  /* Some records shared more or less widely than their kind's default; a few tombstones. */
  if (chance (self, 0.1))
    six_edit_set_string (edit, "visibility", pick_enum (self, kind, "visibility"));
  if (natural_id == NULL && chance (self, 0.02))
    six_edit_set_boolean (edit, "deleted", TRUE);

  return edit;
}

static void
set_fact (SixBenchData *self,
          SixEdit      *edit)
{
  six_edit_set_string (edit, "confidence",
                       pick_enum (self, six_edit_get_kind (edit), "confidence"));
  six_edit_set_boolean (edit, "verified", chance (self, 0.4));
  six_edit_set_source (edit, "Synthetic benchmark data, after the reference pack");
}

/* ---- The kinds ---- */

static SixEdit *
make_plan (SixBenchData *self,
           guint         nth)
{
  gboolean dap = nth == 0;
  SixEdit *edit = new_edit (self, "plan", dap ? "dap" : "lap");

  six_edit_set_string (edit, "title", dap ? "Dubrovnik Action Plan" : "Lausanne Action Plan");
  six_edit_set_string (edit, "short_title", dap ? "DAP" : "LAP");
  six_edit_set_int (edit, "first_year", dap ? 2016 : 2021);
  six_edit_set_int (edit, "last_year", dap ? 2020 : 2026);
  six_edit_set_string (edit, "adopted_at", dap ? "First Review Conference, Dubrovnik"
                                               : "Second Review Conference, Lausanne");
  six_edit_set_string (edit, "adopted_on", dap ? "2015-09-11" : "2021-09-21");
  six_edit_set_string (edit, "symbol", dap ? "CCM/CONF/2015/7" : "CCM/CONF/2021/6");
  set_fact (self, edit);

  return edit;
}

static SixEdit *
make_plan_section (SixBenchData *self,
                   guint         nth)
{
  const char *plan = nth < N_SECTIONS_PER_PLAN ? "dap" : "lap";
  guint position = 1 + nth % N_SECTIONS_PER_PLAN;
  g_autofree char *id = g_strdup_printf ("%s:s%u", plan, position);
  SixEdit *edit = new_edit (self, "plan_section", id);

  six_edit_set_string (edit, "plan", plan);
  six_edit_set_int (edit, "position", position);
  set_owned_string (edit, "title", make_text (self, 2, 5));
  set_fact (self, edit);
  g_ptr_array_add (self->sections, g_steal_pointer (&id));

  return edit;
}

static SixEdit *
make_action (SixBenchData *self,
             guint         nth)
{
  gboolean dap = nth < N_DAP_ACTIONS;
  g_autofree char *number = NULL;
  g_autofree char *id = NULL;
  guint section;
  SixEdit *edit;

  /* "dap:5.1" and "lap:38", like the reference pack. */
  if (dap)
    {
      section = nth * N_SECTIONS_PER_PLAN / N_DAP_ACTIONS;
      number = g_strdup_printf ("%u.%u", section + 1, 1 + nth % 4);
    }
  else
    {
      section = N_SECTIONS_PER_PLAN + (nth - N_DAP_ACTIONS) * N_SECTIONS_PER_PLAN /
                                      N_LAP_ACTIONS;
      number = g_strdup_printf ("%u", 1 + nth - N_DAP_ACTIONS);
    }

  id = g_strdup_printf ("%s:%s", dap ? "dap" : "lap", number);
  edit = new_edit (self, "action", id);
  six_edit_set_string (edit, "plan", dap ? "dap" : "lap");
  six_edit_set_string (edit, "section", g_ptr_array_index (self->sections, section));
  six_edit_set_string (edit, "number", number);
  six_edit_set_int (edit, "position", 100 * (section + 1) + nth);
  set_owned_string (edit, "title", make_text (self, 4, 12));
  set_owned_string (edit, "summary", make_text (self, 15, 40));
  if (chance (self, 0.7))
    set_owned_string (edit, "indicators", make_text (self, 8, 25));
  set_fact (self, edit);
  g_ptr_array_add (self->actions, g_steal_pointer (&id));

  return edit;
}

static SixEdit *
make_country (SixBenchData *self,
              guint         nth)
{
  const char *code = g_ptr_array_index (self->countries, nth);
  const char *alpha2 = six_iso_codes_get_alpha2 (code);
  SixEdit *edit = new_edit (self, "country", code);
  const SixKind *kind = six_edit_get_kind (edit);
  double status = g_rand_double (self->rand);

  if (alpha2 != NULL)
    six_edit_set_string (edit, "alpha2", alpha2);
  six_edit_set_string (edit, "name", six_iso_codes_get_english_name (code));
  six_edit_set_string (edit, "region", pick_enum (self, kind, "region"));
  six_edit_set_string (edit, "status", status < 0.56 ? "party" : status < 0.62 ? "signatory"
                                       : status < 0.995 ? "not_party" : "withdrawn");
  if (status < 0.62)
    set_owned_string (edit, "signed_on", make_date (self, 2008, 3));
  if (status < 0.56)
    {
      six_edit_set_string (edit, "instrument", pick_enum (self, kind, "instrument"));
      set_owned_string (edit, "instrument_on", make_date (self, 2009, 15));
      set_owned_string (edit, "entry_into_force", make_date (self, 2010, 16));
    }
  set_fact (self, edit);
  six_edit_set_source (edit, "UN Treaty Collection, Chapter XXVI-6 (synthetic)");

  return edit;
}

static SixEdit *
make_action_tracking (SixBenchData *self,
                      guint         nth)
{
  const char *action = g_ptr_array_index (self->actions, nth % self->actions->len);
  g_autofree char *id = g_strdup_printf ("%s:tracking", action);
  SixEdit *edit = new_edit (self, "action_tracking", id);

  six_edit_set_string (edit, "action", action);
  six_edit_set_string (edit, "status", pick_enum (self, six_edit_get_kind (edit), "status"));
  if (chance (self, 0.8))
    set_owned_string (edit, "notes", make_text (self, 10, 40));

  return edit;
}

static SixEdit *
make_obligation (SixBenchData *self,
                 guint         nth)
{
  static const char * const articles[] = { "art4", "art3", "art5" };
  /* Spread over the countries: 7 is prime to their number. */
  const char *country = g_ptr_array_index (self->countries,
                                           (nth * 7) % self->countries->len);
  const char *article = articles[(nth / self->countries->len) % G_N_ELEMENTS (articles)];
  g_autofree char *id = g_strdup_printf ("%s:%s", country, article);
  SixEdit *edit = new_edit (self, "obligation", id);
  const SixKind *kind = six_edit_get_kind (edit);

  six_edit_set_string (edit, "country", country);
  six_edit_set_string (edit, "article", article);
  set_owned_string (edit, "original_deadline", make_date (self, 2018, 10));
  set_owned_string (edit, "current_deadline", make_date (self, 2022, 10));
  six_edit_set_string (edit, "status", pick_enum (self, kind, "status"));
  if (chance (self, 0.5))
    set_owned_string (edit, "notes", make_text (self, 10, 40));
  set_fact (self, edit);
  g_ptr_array_add (self->obligations, g_steal_pointer (&id));

  return edit;
}

static SixEdit *
make_extension_request (SixBenchData *self,
                        guint         nth)
{
  const char *obligation = g_ptr_array_index (self->obligations,
                                              nth % self->obligations->len);
  g_autofree char *id = g_strdup_printf ("%s:%u", obligation,
                                         1 + nth / self->obligations->len);
  SixEdit *edit = new_edit (self, "extension_request", id);

  six_edit_set_string (edit, "obligation", obligation);
  set_owned_string (edit, "submitted_on", make_date (self, 2017, 8));
  set_owned_string (edit, "requested_until", make_date (self, 2024, 6));
  set_owned_string (edit, "decided_at",
                    g_strdup_printf ("Meeting of States Parties, %u",
                                     2017 + pick_index (self, 9)));
  six_edit_set_string (edit, "decision", pick_enum (self, six_edit_get_kind (edit), "decision"));
  set_fact (self, edit);

  return edit;
}

/* "Humanitarian Île Fondation" → "HÎF" */
static char *
make_acronym (const char *name)
{
  GString *acronym = g_string_new (NULL);
  gboolean at_start = TRUE;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (at_start && g_unichar_isalnum (c))
        g_string_append_unichar (acronym, g_unichar_toupper (c));
      at_start = c == ' ';
    }

  return g_string_free (acronym, FALSE);
}

static SixEdit *
make_organisation (SixBenchData *self,
                   guint         nth)
{
  SixEdit *edit = new_edit (self, "organisation", NULL);
  g_autofree char *name = NULL;
  g_autofree char *acronym = NULL;
  const char *first = pick_word (self);
  const char *second = pick_from (self, words, G_N_ELEMENTS (words));
  const char *third = pick_from (self, org_words, G_N_ELEMENTS (org_words));

  name = g_strdup_printf ("%s %s %s", first, second, third);
  acronym = make_acronym (name);
  six_edit_set_string (edit, "name", name);
  six_edit_set_string (edit, "acronym", acronym);
  six_edit_set_string (edit, "kind", pick_enum (self, six_edit_get_kind (edit), "kind"));
  if (chance (self, 0.7))
    six_edit_set_string (edit, "country", pick_id (self, self->countries));
  g_ptr_array_add (self->organisations, g_strdup (six_edit_get_id (edit)));

  return edit;
}

static SixEdit *
make_coalition (SixBenchData *self,
                guint         nth)
{
  static const char * const articles[] = { "art3", "art4", "art5" };
  SixEdit *edit = new_edit (self, "coalition", NULL);
  const char *lead = pick_id (self, self->countries);

  six_edit_set_string (edit, "lead", lead);
  set_owned_string (edit, "title", g_strdup_printf ("Country Coalition: %s, %s %s",
                                                    six_iso_codes_get_english_name (lead),
                                                    pick_word (self), pick_word (self)));
  six_edit_set_string (edit, "status", pick_enum (self, six_edit_get_kind (edit), "status"));
  set_owned_string (edit, "established_on", make_date (self, 2019, 7));
  set_some (self, edit, "articles", articles, G_N_ELEMENTS (articles), 2);
  set_owned_string (edit, "description", make_text (self, 20, 60));
  g_ptr_array_add (self->coalitions, g_strdup (six_edit_get_id (edit)));

  return edit;
}

static SixEdit *
make_article7_report (SixBenchData *self,
                      guint         nth)
{
  /* Distinct (country, year) pairs: "LBN:2018". */
  const char *country = g_ptr_array_index (self->countries, nth % self->countries->len);
  guint year = FIRST_YEAR + (nth / self->countries->len) % N_YEARS;
  g_autofree char *id = g_strdup_printf ("%s:%u", country, year);
  SixEdit *edit = new_edit (self, "article7_report", id);
  gboolean requested = chance (self, 0.3);

  six_edit_set_string (edit, "country", country);
  six_edit_set_int (edit, "year", year);
  set_owned_string (edit, "submitted_on", make_date (self, year + 1, 1));
  six_edit_set_boolean (edit, "requested_assistance", requested);
  if (requested)
    set_some (self, edit, "categories", six_categories,
              g_strv_length ((char **) six_categories), 3);
  set_fact (self, edit);

  return edit;
}

static SixEdit *
make_assistance_request (SixBenchData *self,
                         guint         nth)
{
  SixEdit *edit = new_edit (self, "assistance_request", NULL);
  const SixKind *kind = six_edit_get_kind (edit);

  six_edit_set_string (edit, "country", pick_id (self, self->countries));
  six_edit_set_int (edit, "year", FIRST_YEAR + pick_index (self, N_YEARS));
  six_edit_set_string (edit, "category", pick_enum (self, kind, "category"));
  set_owned_string (edit, "description", make_text (self, 8, 40));
  if (chance (self, 0.6))
    {
      set_owned_string (edit, "amount", make_amount (self));
      six_edit_set_string (edit, "currency",
                           pick_from (self, currencies, G_N_ELEMENTS (currencies)));
    }
  six_edit_set_string (edit, "status", pick_enum (self, kind, "status"));
  set_fact (self, edit);
  if (chance (self, 0.5))
    six_edit_set_source (edit, "Art. 7 report, Form I");
  g_ptr_array_add (self->requests, g_strdup (six_edit_get_id (edit)));

  return edit;
}

static SixEdit *
make_contribution (SixBenchData *self,
                   guint         nth)
{
  SixEdit *edit = new_edit (self, "contribution", NULL);
  const SixKind *kind = six_edit_get_kind (edit);

  six_edit_set_string (edit, "donor", chance (self, 0.6) || self->organisations->len == 0
                                      ? pick_id (self, self->countries)
                                      : pick_id (self, self->organisations));
  six_edit_set_string (edit, "recipient", pick_id (self, self->countries));
  six_edit_set_string (edit, "category", pick_enum (self, kind, "category"));
  six_edit_set_string (edit, "kind", pick_enum (self, kind, "kind"));
  set_owned_string (edit, "amount", make_amount (self));
  six_edit_set_string (edit, "currency", pick_from (self, currencies, G_N_ELEMENTS (currencies)));
  six_edit_set_int (edit, "year", FIRST_YEAR + pick_index (self, N_YEARS));
  six_edit_set_string (edit, "status", pick_enum (self, kind, "status"));
  if (self->requests->len > 0 && chance (self, 0.4))
    six_edit_set_string (edit, "request", pick_id (self, self->requests));
  if (self->coalitions->len > 0 && chance (self, 0.25))
    six_edit_set_string (edit, "coalition", pick_id (self, self->coalitions));
  set_owned_string (edit, "description", make_text (self, 6, 30));

  return edit;
}

static SixEdit *
make_contact (SixBenchData *self,
              guint         nth)
{
  SixEdit *edit = new_edit (self, "contact", NULL);
  const char *first = pick_from (self, first_names, G_N_ELEMENTS (first_names));
  const char *last = pick_from (self, last_names, G_N_ELEMENTS (last_names));
  g_autofree char *ascii = g_str_to_ascii (first, "C");
  g_autofree char *ascii_last = g_str_to_ascii (last, "C");

  set_owned_string (edit, "name", g_strdup_printf ("%s %s", first, last));
  if (chance (self, 0.8))
    six_edit_set_string (edit, "affiliation", chance (self, 0.5)
                                              ? pick_id (self, self->organisations)
                                              : pick_id (self, self->countries));
  six_edit_set_string (edit, "role", pick_from (self, roles, G_N_ELEMENTS (roles)));
  set_owned_string (edit, "email", g_strdup_printf ("%s.%s%u@example.org", ascii, ascii_last,
                                                    nth));
  if (chance (self, 0.6))
    set_owned_string (edit, "phone", g_strdup_printf ("+41 22 %03u %04u",
                                                      pick_index (self, 1000),
                                                      pick_index (self, 10000)));
  g_ptr_array_add (self->contacts, g_strdup (six_edit_get_id (edit)));

  return edit;
}

static SixEdit *
make_coalition_member (SixBenchData *self,
                       guint         nth)
{
  SixEdit *edit = new_edit (self, "coalition_member", NULL);

  six_edit_set_string (edit, "coalition", pick_id (self, self->coalitions));
  six_edit_set_string (edit, "member", chance (self, 0.5) || self->organisations->len == 0
                                       ? pick_id (self, self->countries)
                                       : pick_id (self, self->organisations));
  six_edit_set_string (edit, "role", pick_enum (self, six_edit_get_kind (edit), "role"));

  return edit;
}

static SixEdit *
make_activity (SixBenchData *self,
               guint         nth)
{
  SixEdit *edit = new_edit (self, "activity", NULL);
  double owner = g_rand_double (self->rand);

  set_owned_string (edit, "title", make_text (self, 3, 10));
  if (chance (self, 0.8))
    set_owned_string (edit, "description", make_text (self, 10, 50));
  set_owned_string (edit, "due_on", make_date (self, 2020, 8));
  six_edit_set_string (edit, "status", pick_enum (self, six_edit_get_kind (edit), "status"));
  if (owner < 0.5 && self->contacts->len > 0)
    six_edit_set_string (edit, "owner", pick_id (self, self->contacts));
  else if (owner < 0.8 && self->organisations->len > 0)
    six_edit_set_string (edit, "owner", pick_id (self, self->organisations));
  else
    six_edit_set_string (edit, "owner", pick_id (self, self->countries));
  if (self->coalitions->len > 0 && chance (self, 0.4))
    six_edit_set_string (edit, "coalition", pick_id (self, self->coalitions));
  if (chance (self, 0.5))
    six_edit_set_string (edit, "country", pick_id (self, self->countries));
  if (chance (self, 0.3))
    set_some (self, edit, "actions", (const char * const *) self->actions->pdata,
              self->actions->len, 3);

  return edit;
}

static SixEdit *
make_meeting (SixBenchData *self,
              guint         nth)
{
  SixEdit *edit = new_edit (self, "meeting", NULL);
  GString *participants = g_string_new (NULL);
  guint n_participants = 2 + pick_index (self, 8);

  for (guint i = 0; i < n_participants; i++)
    g_string_append_printf (participants, "%s%s %s", i > 0 ? ", " : "",
                            pick_from (self, first_names, G_N_ELEMENTS (first_names)),
                            pick_from (self, last_names, G_N_ELEMENTS (last_names)));

  set_owned_string (edit, "title", make_text (self, 3, 10));
  six_edit_set_string (edit, "kind", pick_enum (self, six_edit_get_kind (edit), "kind"));
  set_owned_string (edit, "held_on", make_date (self, 2016, 10));
  six_edit_set_string (edit, "place", pick_from (self, places, G_N_ELEMENTS (places)));
  set_owned_string (edit, "participants", g_string_free (participants, FALSE));
  set_owned_string (edit, "outcomes", make_text (self, 15, 80));
  if (self->coalitions->len > 0 && chance (self, 0.4))
    six_edit_set_string (edit, "coalition", pick_id (self, self->coalitions));
  if (chance (self, 0.6))
    six_edit_set_string (edit, "country", pick_id (self, self->countries));

  return edit;
}

static SixEdit *
make_note (SixBenchData *self,
           guint         nth)
{
  SixEdit *edit = new_edit (self, "note", NULL);

  six_edit_set_string (edit, "target", chance (self, 0.2) || self->targets->len == 0
                                       ? pick_id (self, self->countries)
                                       : pick_id (self, self->targets));
  set_owned_string (edit, "text", make_text (self, 10, 70));

  return edit;
}

/* ---- The generator ---- */

/* Every ⌈n / N_COUNTRIES⌉-th code, so the choice spreads over the alphabet. */
static gboolean
choose_countries (SixBenchData  *self,
                  GError       **error)
{
  guint n;

  if (!six_iso_codes_load (SIX_ISO_CODES_3166_1_JSON, error))
    return FALSE;

  n = six_iso_codes_get_n_countries ();
  for (guint i = 0; i < n; i++)
    if ((i + 1) * N_COUNTRIES / n > i * N_COUNTRIES / n)
      g_ptr_array_add (self->countries, (gpointer) six_iso_codes_get_nth_alpha3 (i));

  /* The accented name the search tests rely on. */
  if (!g_ptr_array_find_with_equal_func (self->countries, "CIV", g_str_equal, NULL))
    g_ptr_array_index (self->countries, 0) = (gpointer) "CIV";

  return TRUE;
}

/**
 * six_bench_data_new:
 * @n_records: how many records in all, the fixed reference records included
 */
SixBenchData *
six_bench_data_new (guint    n_records,
                    GError **error)
{
  g_autoptr(SixBenchData) self = g_new0 (SixBenchData, 1);
  guint n_fixed;
  guint rest;
  guint assigned = 0;

  self->rand = g_rand_new_with_seed (SIX_BENCH_SEED);
  self->countries = g_ptr_array_new ();
  self->sections = g_ptr_array_new_with_free_func (g_free);
  self->actions = g_ptr_array_new_with_free_func (g_free);
  self->obligations = g_ptr_array_new_with_free_func (g_free);
  self->organisations = g_ptr_array_new_with_free_func (g_free);
  self->coalitions = g_ptr_array_new_with_free_func (g_free);
  self->requests = g_ptr_array_new_with_free_func (g_free);
  self->contacts = g_ptr_array_new_with_free_func (g_free);
  self->targets = g_ptr_array_new_with_free_func (g_free);
  self->quota = g_new0 (guint, N_GEN_KINDS);
  self->made = g_new0 (guint, N_GEN_KINDS);

  if (!choose_countries (self, error))
    return NULL;

  /* The reference records are there whatever N is, like the pack's. */
  self->quota[GEN_PLAN] = 2;
  self->quota[GEN_PLAN_SECTION] = 2 * N_SECTIONS_PER_PLAN;
  self->quota[GEN_ACTION] = N_DAP_ACTIONS + N_LAP_ACTIONS;
  self->quota[GEN_COUNTRY] = self->countries->len;
  n_fixed = self->quota[GEN_PLAN] + self->quota[GEN_PLAN_SECTION] + self->quota[GEN_ACTION] +
            self->quota[GEN_COUNTRY];
  rest = n_records > n_fixed ? n_records - n_fixed : 0;

  for (guint k = GEN_ACTION_TRACKING; k < GEN_NOTE; k++)
    self->quota[k] = (guint) (rest * gen_kinds[k].share + 0.5);

  /* Natural keys bound some kinds: one tracking per action, three obligations per State. */
  self->quota[GEN_ACTION_TRACKING] = MIN (self->quota[GEN_ACTION_TRACKING],
                                          self->quota[GEN_ACTION]);
  self->quota[GEN_OBLIGATION] = CLAMP (self->quota[GEN_OBLIGATION], 1,
                                       3 * self->countries->len);
  self->quota[GEN_EXTENSION_REQUEST] = MIN (self->quota[GEN_EXTENSION_REQUEST],
                                            2 * self->quota[GEN_OBLIGATION]);
  self->quota[GEN_ARTICLE7_REPORT] = MIN (self->quota[GEN_ARTICLE7_REPORT],
                                          N_YEARS * self->countries->len);
  /* Members need a coalition. */
  self->quota[GEN_COALITION] = MAX (1, self->quota[GEN_COALITION]);

  for (guint k = GEN_ACTION_TRACKING; k < GEN_NOTE; k++)
    assigned += self->quota[k];
  self->quota[GEN_NOTE] = rest > assigned ? rest - assigned : 0;

  for (guint k = 0; k < N_GEN_KINDS; k++)
    if (gen_kinds[k].interleaved)
      self->left_interleaved += self->quota[k];

  return g_steal_pointer (&self);
}

void
six_bench_data_free (SixBenchData *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->obligations, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_clear_pointer (&self->coalitions, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_free (self->quota);
  g_free (self->made);
  g_free (self);
}

/* The fixed kinds one after the other, then the others mixed in proportion to what is left. */
static guint
next_kind (SixBenchData *self)
{
  guint pick;

  while (self->current < N_GEN_KINDS && !gen_kinds[self->current].interleaved)
    {
      if (self->made[self->current] < self->quota[self->current])
        return self->current;
      self->current++;
    }

  if (self->left_interleaved == 0)
    return N_GEN_KINDS;

  pick = pick_index (self, self->left_interleaved);
  for (guint k = self->current; k < N_GEN_KINDS; k++)
    {
      guint left = self->quota[k] - self->made[k];

      if (pick < left)
        return k;
      pick -= left;
    }

  g_assert_not_reached ();
  return N_GEN_KINDS;
}

/**
 * six_bench_data_next_batch:
 *
 * Returns: (transfer full) (element-type SixEdit) (nullable): up to @max_edits new records,
 *   or %NULL when all are made
 */
GPtrArray *
six_bench_data_next_batch (SixBenchData *self,
                           guint         max_edits)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);

  g_return_val_if_fail (self != NULL, NULL);

  while (batch->len < max_edits)
    {
      guint k = next_kind (self);
      SixEdit *edit;

      if (k >= N_GEN_KINDS)
        break;

      edit = gen_kinds[k].make (self, self->made[k]);
      self->made[k]++;
      if (gen_kinds[k].interleaved)
        self->left_interleaved--;

      /* Notes are about anything; a sample of ids keeps the pool small. */
      if (strcmp (gen_kinds[k].kind, "note") != 0 && chance (self, 0.1))
        g_ptr_array_add (self->targets, g_strdup (six_edit_get_id (edit)));

      g_ptr_array_add (batch, edit);
    }

  if (batch->len == 0)
    return NULL;

  return g_steal_pointer (&batch);
}

/* Writes the records through the store, one operation per batch, like many small imports. */
gboolean
six_bench_data_fill (SixDb    *db,
                     guint     n_records,
                     GError  **error)
{
  g_autoptr(SixBenchData) data = six_bench_data_new (n_records, error);
  GPtrArray *batch;

  if (data == NULL)
    return FALSE;

  while ((batch = six_bench_data_next_batch (data, SIX_BENCH_BATCH_SIZE)) != NULL)
    {
      gint64 operation = six_db_apply_edits (db, "Benchmark data", batch, error);

      g_ptr_array_unref (batch);
      if (operation == 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * six_bench_data_random_query:
 *
 * Returns: what someone might type in the search entry: a word, the start of one, two words,
 *   a year or an amount, a word without its accents
 */
char *
six_bench_data_random_query (GRand *rand)
{
  const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
  double what = g_rand_double (rand);

  if (what < 0.40)
    return g_strdup (word);

  if (what < 0.65)
    {
      glong len = g_utf8_strlen (word, -1);

      return g_utf8_substring (word, 0, MIN (len, g_rand_int_range (rand, 2, 5)));
    }

  if (what < 0.80)
    return g_strdup_printf ("%s %s", word,
                            words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);

  if (what < 0.90)
    return g_strdup_printf ("%d", g_rand_boolean (rand)
                                  ? g_rand_int_range (rand, FIRST_YEAR, FIRST_YEAR + N_YEARS)
                                  : 100 * g_rand_int_range (rand, 1, 5001));

  /* Typed without accents, or in capitals: the index folds both. */
  if (g_rand_boolean (rand))
    return g_str_to_ascii (word, "C");

  return g_utf8_strup (word, -1);
}

/* A fixed wall clock: stamps depend only on the order of writes, so two runs compare. */
gint64
six_bench_wall_clock (gpointer user_data)
{
  return G_GINT64_CONSTANT (1767225600000);  /* 2026-01-01T00:00:00Z */
}

/* ---- Measurements ---- */

gint64
six_bench_now_us (void)
{
  return g_get_monotonic_time ();
}

double
six_bench_peak_rss_mb (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;

  /* Linux reports kilobytes. */
  return usage.ru_maxrss / 1024.0;
}

double
six_bench_file_size_mb (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return 0;

  return buf.st_size / (1024.0 * 1024.0);
}

/**
 * six_bench_print_ratio:
 * @target: the highest acceptable ratio, or 0 for none
 *
 * Prints "name: X ms vs baseline Y ms = R×  (target ≤ T×) OK|OVER": a measurement, never a
 * verdict that fails the run.
 */
void
six_bench_print_ratio (const char *name,
                       double      value,
                       const char *baseline_name,
                       double      baseline,
                       const char *unit,
                       double      target)
{
  double ratio = baseline > 0 ? value / baseline : 0;

  if (target > 0)
    g_print ("%s: %.1f %s vs %s %.1f %s = %.2f×  (target ≤ %g×) %s\n", name, value, unit,
             baseline_name, baseline, unit, ratio, target, ratio <= target ? "OK" : "OVER");
  else
    g_print ("%s: %.1f %s vs %s %.1f %s = %.2f×  (no target)\n", name, value, unit,
             baseline_name, baseline, unit, ratio);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Sorts @times_us (@n microsecond times) and returns their median in milliseconds. */
double
six_bench_median_ms (gint64 *times_us,
                     guint   n)
{
  g_return_val_if_fail (n > 0, 0);

  qsort (times_us, n, sizeof (gint64), compare_gint64);

  return times_us[n / 2] / 1000.0;
}

/* Sorts @times_us (gint64) and prints the median, 95th percentile and maximum. */
void
six_bench_print_median (const char *name,
                        GArray     *times_us,
                        double      target_ms)
{
  double median;
  double p95;
  double max;

  g_return_if_fail (times_us->len > 0);

  g_array_sort (times_us, compare_gint64);
  median = g_array_index (times_us, gint64, times_us->len / 2) / 1000.0;
  p95 = g_array_index (times_us, gint64, MIN (times_us->len - 1, times_us->len * 95 / 100))
        / 1000.0;
  max = g_array_index (times_us, gint64, times_us->len - 1) / 1000.0;

  g_print ("%s: median %.2f ms, p95 %.2f ms, max %.2f ms over %u queries  "
           "(target median < %g ms) %s\n", name, median, p95, max, times_us->len, target_ms,
           median < target_ms ? "OK" : "OVER");
}

/* Removes the benchmark's scratch folder (flat: files only). */
void
six_bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        six_bench_remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}
