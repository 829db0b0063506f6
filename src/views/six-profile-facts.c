/* six-profile-facts.c — a State's profile, line by line as its page shows it
 *
 * Each section of the profile page is a list of #SixFact, worded here from the profile's
 * records: the page binds its rows to them and adds no words of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-profile-facts"

#include "config.h"

#include <glib/gi18n.h>

#include "six-display-name.h"
#include "six-fact.h"
#include "six-labels.h"
#include "six-overview.h"
#include "six-profile.h"

/* What every line of one profile is worded against. */
typedef struct
{
  SixProfile  *profile;
  const GDate *today;
  GListStore  *facts;
} Facts;

/* "Changed by you on 2026-11-23 · Source: Art. 7 report 2023": who, when, on what authority. */
static char *
describe_provenance (Facts      *facts,
                     SixRecord  *record,
                     const char *field)
{
  int nth = six_kind_field_index (six_record_get_kind (record), field);
  const SixFieldStamp *stamp = nth >= 0 ? six_record_get_nth_stamp (record, (guint) nth) : NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *date = NULL;
  g_autofree char *changed = NULL;

  if (stamp == NULL || six_profile_get_writer (facts->profile, stamp->hlc.replica) == NULL)
    return NULL;

  time = g_date_time_new_from_unix_utc (stamp->hlc.wall / 1000);
  date = time != NULL ? g_date_time_format (time, "%Y-%m-%d") : g_strdup ("?");
  /* Translators: who last changed a value, and when: "Changed by you on 2026-11-23" */
  changed = g_strdup_printf (_("Changed by %s on %s"),
                             six_profile_get_writer (facts->profile, stamp->hlc.replica), date);
  if (stamp->source == NULL)
    return g_steal_pointer (&changed);

  /* Translators: provenance and source of a value */
  return g_strdup_printf (_("%s · Source: %s"), changed, stamp->source);
}

/* A line for @field of @record, "—" when it is not recorded, its provenance on hover. */
static SixFact *
new_fact (Facts      *facts,
          const char *title,
          const char *value,
          SixRecord  *record,
          const char *field)
{
  SixFact *fact = six_fact_new (title, value != NULL ? value : "—");
  g_autofree char *provenance = describe_provenance (facts, record, field);

  six_fact_set_tooltip (fact, provenance);

  return fact;
}

static void
add (Facts   *facts,
     SixFact *fact)
{
  g_list_store_append (facts->facts, fact);
  g_object_unref (fact);
}

static void
add_placeholder (Facts      *facts,
                 const char *text)
{
  add (facts, six_fact_new_placeholder (text));
}

static gboolean
is_unverified (SixRecord *record)
{
  return six_record_get_value (record, "verified") != NULL &&
         !six_record_get_boolean (record, "verified");
}

/* --- the sections ------------------------------------------------------------------------ */

static void
add_dates (Facts *facts)
{
  SixRecord *country = six_profile_get_country (facts->profile);
  const char * const fields[] = {
    "status", "signed_on", "instrument_on", "entry_into_force", "withdrawn_on", NULL
  };

  for (guint i = 0; fields[i] != NULL; i++)
    {
      /* Words for an enumeration's value; other values as they are. */
      const char *value = six_record_value_label (country, fields[i]);
      const char *title = six_field_label (fields[i]);

      if (g_strcmp0 (fields[i], "withdrawn_on") == 0 && value == NULL)
        continue;
      if (g_strcmp0 (fields[i], "instrument_on") == 0 &&
          six_record_get_string (country, "instrument") != NULL)
        title = six_record_value_label (country, "instrument");

      add (facts, new_fact (facts, title, value, country, fields[i]));
    }
}

static SixFact *
new_extension_fact (Facts     *facts,
                    SixRecord *extension)
{
  g_autofree char *subtitle = NULL;
  const char *until = six_record_get_string (extension, "granted_until") ?:
                      six_record_get_string (extension, "requested_until");

  /* Translators: an extension request: its decision and the deadline it asked for or got */
  subtitle = g_strdup_printf (_("%s · until %s"),
                              six_record_value_label (extension, "decision") ?: "—",
                              until != NULL ? until : "—");

  return new_fact (facts, _("Extension request"), subtitle, extension, "decision");
}

/* An obligation, the time left to its deadline, and its dates and extensions folded out. */
static void
add_obligations (Facts *facts)
{
  GPtrArray *obligations = six_profile_get_obligations (facts->profile);
  const char * const fields[] = {
    "original_deadline", "current_deadline", "status", "completed_on", "notes", NULL
  };

  if (obligations->len == 0)
    add_placeholder (facts, _("No obligation under Article 3, 4 or 5 is recorded."));

  for (guint i = 0; i < obligations->len; i++)
    {
      SixRecord *obligation = obligations->pdata[i];
      GPtrArray *extensions = six_profile_get_extensions (facts->profile,
                                                          six_record_get_id (obligation));
      g_autofree char *left = six_deadline_describe (obligation, extensions, facts->today);
      SixFact *fact = six_fact_new (six_record_value_label (obligation, "article"), left);

      six_fact_set_record (fact, obligation, FALSE);
      six_fact_set_unverified (fact, is_unverified (obligation));
      for (guint f = 0; fields[f] != NULL; f++)
        {
          g_autoptr(SixFact) detail = new_fact (facts, six_field_label (fields[f]),
                                                six_record_value_label (obligation, fields[f]),
                                                obligation, fields[f]);

          six_fact_add_detail (fact, detail);
        }
      for (guint e = 0; e < extensions->len; e++)
        {
          g_autoptr(SixFact) detail = new_extension_fact (facts, extensions->pdata[e]);

          six_fact_add_detail (fact, detail);
        }
      add (facts, fact);
    }
}

static char *
describe_categories (GVariant *categories)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree const char **items = categories != NULL ? g_variant_get_strv (categories, NULL)
                                                     : NULL;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "",
                            six_value_label (NULL, "category", items[i]));

  return g_strdup (out->str);
}

static void
add_reports (Facts *facts)
{
  GPtrArray *reports = six_profile_get_reports (facts->profile);

  if (reports->len == 0)
    add_placeholder (facts, _("No Article 7 report is recorded."));

  for (guint i = 0; i < reports->len; i++)
    {
      SixRecord *report = reports->pdata[i];
      g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               six_record_get_int (report, "year", 0));
      g_autofree char *categories = describe_categories (six_record_get_value (report,
                                                                               "categories"));
      const char *submitted = six_record_get_string (report, "submitted_on");
      g_autofree char *subtitle = NULL;

      subtitle = g_strdup_printf ("%s · %s%s%s",
                                  submitted != NULL ? submitted
                                                    : _("Submission date not recorded"),
                                  six_record_get_boolean (report, "requested_assistance")
                                  ? _("Assistance requested") : _("No assistance requested"),
                                  categories[0] != '\0' ? ": " : "", categories);
      add (facts, new_fact (facts, year, subtitle, report, "submitted_on"));
    }
}

/* "Source: Art. 7 report 2023, Form I", or NULL when the value cites none. */
static char *
describe_source (SixRecord  *record,
                 const char *field)
{
  int nth = six_kind_field_index (six_record_get_kind (record), field);
  const SixFieldStamp *stamp = nth >= 0 ? six_record_get_nth_stamp (record, (guint) nth) : NULL;

  if (stamp == NULL || stamp->source == NULL)
    return NULL;

  /* Translators: where a value comes from */
  return g_strdup_printf (_("Source: %s"), stamp->source);
}

static void
add_requests (Facts *facts)
{
  GPtrArray *requests = six_profile_get_requests (facts->profile);

  if (requests->len == 0)
    add_placeholder (facts, _("No request for assistance is recorded."));

  for (guint i = 0; i < requests->len; i++)
    {
      SixRecord *request = requests->pdata[i];
      g_autofree char *title = six_request_dup_short_name (request);
      g_autofree char *amount = six_record_dup_amount (request);
      g_autofree char *source = describe_source (request, "description");
      g_autofree char *subtitle = six_join_details (six_record_get_string (request, "description"),
                                                six_record_value_label (request, "status"),
                                                amount, source);
      SixFact *fact = new_fact (facts, title, subtitle, request, "description");

      six_fact_set_record (fact, request, TRUE);
      add (facts, fact);
    }
}

/* "Answers 2018 · Survey and clearance": the request a contribution meets, if it names one. */
static char *
describe_answered (Facts     *facts,
                   SixRecord *contribution)
{
  const char *id = six_record_get_string (contribution, "request");
  SixRecord *request = id != NULL ? six_profile_find (facts->profile, "assistance_request", id)
                                  : NULL;
  g_autofree char *described = request != NULL ? six_request_dup_short_name (request) : NULL;

  /* Translators: the request for assistance a contribution answers */
  return described != NULL ? g_strdup_printf (_("Answers %s"), described) : NULL;
}

static void
add_contributions_of (Facts     *facts,
                      GPtrArray *contributions,
                      gboolean   received)
{
  for (guint i = 0; i < contributions->len; i++)
    {
      SixRecord *contribution = contributions->pdata[i];
      const char *party_id = six_record_get_string (contribution,
                                                    received ? "donor" : "recipient");
      g_autofree char *party = six_profile_dup_party_name (facts->profile, party_id);
      /* Translators: a contribution's donor, or its recipient */
      g_autofree char *who = g_strdup_printf (received ? _("From %s") : _("To %s"), party);
      g_autofree char *title = six_join_details (who,
                                             six_record_value_label (contribution, "category"));
      g_autofree char *amount = six_record_dup_amount (contribution);
      g_autofree char *year = six_record_get_value (contribution, "year") != NULL
        ? g_strdup_printf ("%" G_GINT64_FORMAT, six_record_get_int (contribution, "year", 0))
        : NULL;
      g_autofree char *answers = describe_answered (facts, contribution);
      g_autofree char *subtitle = six_join_details (amount,
                                                six_record_value_label (contribution, "kind"),
                                                six_record_value_label (contribution, "status"),
                                                year, answers);
      SixFact *fact = new_fact (facts, title, subtitle, contribution, "status");

      six_fact_set_record (fact, contribution, TRUE);
      add (facts, fact);
    }
}

static void
add_contributions (Facts *facts)
{
  GPtrArray *received = six_profile_get_received (facts->profile);
  GPtrArray *provided = six_profile_get_provided (facts->profile);

  add_contributions_of (facts, received, TRUE);
  add_contributions_of (facts, provided, FALSE);
  if (received->len + provided->len == 0)
    add_placeholder (facts, _("No contribution is recorded."));
}

/* A coalition opens in its workspace. */
static void
add_coalitions (Facts *facts)
{
  GPtrArray *coalitions = six_profile_get_coalitions (facts->profile);

  if (coalitions->len == 0)
    add_placeholder (facts, _("Not in a coalition."));

  for (guint i = 0; i < coalitions->len; i++)
    {
      SixRecord *coalition = coalitions->pdata[i];
      g_autofree char *partners = six_profile_dup_partners (facts->profile, coalition);
      SixFact *fact = new_fact (facts, six_record_get_string (coalition, "title"), partners,
                                coalition, "title");

      six_fact_set_opens_record (fact, "coalition", six_record_get_id (coalition));
      add (facts, fact);
    }
}

static void
add_contacts (Facts *facts)
{
  GPtrArray *contacts = six_profile_get_contacts (facts->profile);

  for (guint i = 0; i < contacts->len; i++)
    {
      SixRecord *contact = contacts->pdata[i];
      g_autofree char *subtitle = six_join_details (six_record_get_string (contact, "role"),
                                                six_record_get_string (contact, "email"),
                                                six_record_get_string (contact, "phone"));
      SixFact *fact = new_fact (facts, six_record_get_string (contact, "name"), subtitle,
                                contact, "name");

      six_fact_set_record (fact, contact, TRUE);
      add (facts, fact);
    }
}

static void
add_notes (Facts *facts)
{
  GPtrArray *notes = six_profile_get_notes (facts->profile);

  for (guint i = 0; i < notes->len; i++)
    {
      SixRecord *note = notes->pdata[i];
      const char *level = six_visibility_to_string (six_record_get_visibility (note));
      SixFact *fact = new_fact (facts, six_record_get_string (note, "text"),
                                six_value_label (NULL, "visibility", level), note, "text");

      six_fact_set_record (fact, note, TRUE);
      add (facts, fact);
    }
}

/**
 * six_profile_dup_facts:
 * @section: which of the profile's sections
 * @today: the day deadlines are counted from
 *
 * Returns: (transfer full): the #SixFact lines of @section, in the order a page shows them;
 *   a dimmed placeholder line says when a section that always shows is empty
 */
GListModel *
six_profile_dup_facts (SixProfile        *self,
                       SixProfileSection  section,
                       const GDate       *today)
{
  static void (* const add_section[]) (Facts *) = {
    [SIX_PROFILE_DATES] = add_dates,
    [SIX_PROFILE_OBLIGATIONS] = add_obligations,
    [SIX_PROFILE_REPORTS] = add_reports,
    [SIX_PROFILE_REQUESTS] = add_requests,
    [SIX_PROFILE_CONTRIBUTIONS] = add_contributions,
    [SIX_PROFILE_COALITIONS] = add_coalitions,
    [SIX_PROFILE_CONTACTS] = add_contacts,
    [SIX_PROFILE_NOTES] = add_notes,
  };
  Facts facts = { self, today, NULL };

  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);
  g_return_val_if_fail (section < G_N_ELEMENTS (add_section), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  facts.facts = g_list_store_new (SIX_TYPE_FACT);
  add_section[section] (&facts);

  return G_LIST_MODEL (facts.facts);
}
