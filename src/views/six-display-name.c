/* six-display-name.c — how a record is named wherever a person must tell it from others
 *
 * A request's description is often the same words for every State ("Assistance sought for
 * victim assistance"), so lists name a record by its State, year and category instead:
 * "Lebanon · 2018 · Victim assistance", "Lebanon · Art. 4 clearance".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-display-name"

#include "config.h"

#include "six-display-name.h"

#include "six-iso-codes.h"
#include "six-labels.h"

#include <glib/gi18n.h>
#include <string.h>

/* "Art. 4 clearance": an article and what it asks, short enough for a list. */
static const char *
article_short_label (const char *article)
{
  if (g_strcmp0 (article, "art3") == 0)
    return _("Art. 3 stockpile destruction");
  if (g_strcmp0 (article, "art4") == 0)
    return _("Art. 4 clearance");
  if (g_strcmp0 (article, "art5") == 0)
    return _("Art. 5 victim assistance");

  return article;
}

static const char *
state_name (const char *country)
{
  return country != NULL ? six_iso_codes_get_name (country) ?: country : NULL;
}

/* The parts that are known, joined by " · ". */
static char *
join_parts (const char * const *parts,
            guint               n_parts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append (out, parts[i]);
    }

  return g_string_free (out, FALSE);
}

static char *
dup_year (SixRecord *record)
{
  gint64 year = six_record_get_int (record, "year", 0);

  return year != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, year) : NULL;
}

/* "Lebanon · 2018 · Victim assistance" (a request), "Lebanon · 2019 · Survey and clearance"
 * (a contribution to Lebanon). */
static char *
name_by_state_year_category (SixRecord  *record,
                             const char *country_field)
{
  g_autofree char *year = dup_year (record);
  const char *parts[] = {
    state_name (six_record_get_string (record, country_field)), year,
    six_record_value_label (record, "category"),
  };

  return join_parts (parts, G_N_ELEMENTS (parts));
}

/* The obligation "LBN:art4" of an extension request: its State and article. */
static char *
name_obligation_id (const char *obligation)
{
  const char *colon = obligation != NULL ? strchr (obligation, ':') : NULL;
  g_autofree char *country = NULL;
  const char *parts[2];

  if (colon == NULL)
    return g_strdup (obligation);

  country = g_strndup (obligation, colon - obligation);
  parts[0] = state_name (country);
  parts[1] = article_short_label (colon + 1);

  return join_parts (parts, G_N_ELEMENTS (parts));
}

static char *
name_extension (SixRecord *record)
{
  g_autofree char *obligation = name_obligation_id (six_record_get_string (record,
                                                                            "obligation"));
  const char *until = six_record_get_string (record, "requested_until") ?:
                      six_record_get_string (record, "granted_until");
  g_autofree char *extension = until != NULL
    /* Translators: an extension of a deadline, and the day it runs to */
    ? g_strdup_printf (_("extension to %s"), until)
    : g_strdup (_("extension"));
  const char *parts[] = { obligation, extension, six_record_get_string (record, "decided_at") };

  return join_parts (parts, G_N_ELEMENTS (parts));
}

/* "Coalition meeting · 2026-03-12": meetings of one series share their title. */
static char *
name_meeting (SixRecord *record)
{
  const char *parts[] = {
    six_record_get_string (record, "title"), six_record_get_string (record, "held_on"),
  };

  return join_parts (parts, G_N_ELEMENTS (parts));
}

static char *
name_report (SixRecord *record)
{
  g_autofree char *year = dup_year (record);
  /* Translators: an Article 7 transparency report of a year, "Article 7 report 2018" */
  g_autofree char *report = g_strdup_printf (_("Article 7 report %s"), year ?: "");
  const char *parts[] = { state_name (six_record_get_string (record, "country")), report };

  return join_parts (parts, G_N_ELEMENTS (parts));
}

/**
 * six_record_dup_display_name:
 *
 * Requests, contributions, obligations, extension requests, Article 7 reports and meetings
 * are named by their State, year and category or article; an action by its plan and number;
 * any other record by its title.
 *
 * Returns: (transfer full): the record's name in lists, search results, reports and footers
 */
char *
six_record_dup_display_name (SixRecord *record)
{
  const char *kind;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SIX_IS_RECORD (record), NULL);

  kind = six_record_get_kind_name (record);
  if (strcmp (kind, "assistance_request") == 0)
    name = name_by_state_year_category (record, "country");
  else if (strcmp (kind, "contribution") == 0)
    name = name_by_state_year_category (record, "recipient");
  else if (strcmp (kind, "obligation") == 0)
    name = name_obligation_id (six_record_get_id (record));
  else if (strcmp (kind, "extension_request") == 0)
    name = name_extension (record);
  else if (strcmp (kind, "article7_report") == 0)
    name = name_report (record);
  else if (strcmp (kind, "meeting") == 0)
    name = name_meeting (record);
  else if (strcmp (kind, "action") == 0)
    name = six_action_heading (record);
  else if (strcmp (kind, "country") == 0)
    name = six_iso_codes_dup_country_name (record);

  if (name == NULL || *name == '\0')
    {
      g_free (name);
      return six_record_dup_title (record);
    }

  return g_steal_pointer (&name);
}

/**
 * six_replica_dup_display_name:
 * @name: (nullable): the name the replica gave, if any
 * @replica: its id
 *
 * Who sent or wrote something: their name, or for someone who gave none the start of their
 * id, never a bare UUID.
 */
char *
six_replica_dup_display_name (const char *name,
                              const char *replica)
{
  if (name != NULL && name[0] != '\0')
    return g_strdup (name);

  /* Translators: a sender who did not give a name; %.8s is the start of their id */
  return g_strdup_printf (_("someone who gave no name (%.8s…)"), replica != NULL ? replica : "");
}

/**
 * six_request_dup_short_name:
 * @request: an `assistance_request`
 *
 * A request named where its State goes without saying (its State's profile, its coalition's
 * workspace): "2018 · Survey and clearance".
 */
char *
six_request_dup_short_name (SixRecord *request)
{
  g_return_val_if_fail (SIX_IS_RECORD (request), NULL);

  /* Translators: a request for assistance, its year and category: "2023 · Victim assistance" */
  return g_strdup_printf (_("%d · %s"), (int) six_record_get_int (request, "year", 0),
                          six_record_value_label (request, "category"));
}
