/* six-country-entry.c — one line of the list of States: a country and what the filters ask
 *
 * The page keeps one entry per country and updates it in place, so selection and scroll
 * survive edits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-country-entry"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "six-country-entry.h"
#include "six-iso-codes.h"
#include "six-labels.h"
#include "six-profile.h"
#include "six-property.h"

struct _SixCountryEntry
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  char     *status;         /* CCM status code */
  char     *status_label;
  char     *region;
  char     *deadline;       /* the nearest open deadline, "YYYY-MM-DD" */
  char     *deadline_text;  /* "2026-10-01 · Passed on 2026-10-01 — no extension recorded" */
  char     *search_keys;    /* names in English, French and Spanish, and the codes */
  guint     articles;       /* bit n: has an Art. n obligation */
  GArray   *request_years;  /* int, sorted */
  gboolean  in_coalition;
};

G_DEFINE_FINAL_TYPE (SixCountryEntry, six_country_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_STATUS_LABEL,
  PROP_DEADLINE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
build_search_keys (SixRecord  *country,
                   const char *name)
{
  const char *id = six_record_get_id (country);

  return g_strjoin (" ", name,
                    six_iso_codes_get_name_in (id, "en") ?: "",
                    six_iso_codes_get_name_in (id, "fr") ?: "",
                    six_iso_codes_get_name_in (id, "es") ?: "",
                    six_record_get_string (country, "name") ?: "",
                    id, six_record_get_string (country, "alpha2") ?: "", NULL);
}

/* The open deadline nearest in time; else an open Art. 3 or 4 one whose day nobody knows,
 * which is still the State's to meet. */
static SixRecord *
pick_shown_obligation (GPtrArray *obligations)
{
  SixRecord *nearest = six_obligation_pick_nearest (obligations);

  for (guint i = 0; nearest == NULL && i < obligations->len; i++)
    if (six_obligation_is_open (obligations->pdata[i]) &&
        g_strcmp0 (six_record_get_string (obligations->pdata[i], "article"), "art5") != 0)
      nearest = obligations->pdata[i];

  return nearest;
}

static char *
describe_deadline (SixRecord   *nearest,
                   GPtrArray   *extensions,
                   const GDate *today)
{
  g_autofree char *left = NULL;

  if (nearest == NULL)
    return NULL;

  left = six_deadline_describe (nearest, extensions, today);
  if (six_obligation_get_deadline (nearest) == NULL)
    return g_steal_pointer (&left);

  /* Translators: a deadline and the time left: "2028-11-01 · 1 year 11 months left" */
  return g_strdup_printf (_("%s · %s"), six_obligation_get_deadline (nearest), left);
}

static guint
get_articles (GPtrArray *obligations)
{
  guint articles = 0;

  for (guint i = 0; obligations != NULL && i < obligations->len; i++)
    {
      const char *article = six_record_get_string (obligations->pdata[i], "article");

      if (article != NULL && g_str_has_prefix (article, "art"))
        articles |= 1u << (article[3] - '0');
    }

  return articles;
}

static void
six_country_entry_finalize (GObject *object)
{
  SixCountryEntry *self = (SixCountryEntry *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->status);
  g_free (self->status_label);
  g_free (self->region);
  g_free (self->deadline);
  g_free (self->deadline_text);
  g_free (self->search_keys);
  g_clear_pointer (&self->request_years, g_array_unref);

  G_OBJECT_CLASS (six_country_entry_parent_class)->finalize (object);
}

static void
six_country_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SixCountryEntry *self = SIX_COUNTRY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, self->status_label);
      break;
    case PROP_DEADLINE_TEXT:
      g_value_set_string (value, self->deadline_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_country_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SixCountryEntry *self = SIX_COUNTRY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_country_entry_class_init (SixCountryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = six_country_entry_finalize;
  object_class->get_property = six_country_entry_get_property;
  object_class->set_property = six_country_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEADLINE_TEXT] =
    g_param_spec_string ("deadline-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
six_country_entry_init (SixCountryEntry *self)
{
  self->request_years = g_array_new (FALSE, FALSE, sizeof (int));
}

SixCountryEntry *
six_country_entry_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (SIX_TYPE_COUNTRY_ENTRY, "id", id, NULL);
}

const char *
six_country_entry_get_id (SixCountryEntry *self)
{
  g_return_val_if_fail (SIX_IS_COUNTRY_ENTRY (self), NULL);

  return self->id;
}

const char *
six_country_entry_get_deadline (SixCountryEntry *self)
{
  g_return_val_if_fail (SIX_IS_COUNTRY_ENTRY (self), NULL);

  return self->deadline;
}

/**
 * six_country_entry_update:
 * @obligations: (nullable) (element-type SixRecord): the country's live obligations
 * @extensions: (element-type SixRecord): extension requests, of its obligations or others
 * @request_years: (nullable) (element-type int): years it asked for assistance, sorted
 *
 * Brings the entry in line with its records, notifying only what changed.
 */
void
six_country_entry_update (SixCountryEntry *self,
                          SixRecord       *country,
                          GPtrArray       *obligations,
                          GPtrArray       *extensions,
                          GArray          *request_years,
                          gboolean         in_coalition,
                          const GDate     *today)
{
  SixRecord *nearest = obligations != NULL ? pick_shown_obligation (obligations) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *deadline_text = NULL;

  g_return_if_fail (SIX_IS_COUNTRY_ENTRY (self));
  g_return_if_fail (SIX_IS_RECORD (country));

  name = six_iso_codes_dup_country_name (country);
  deadline_text = describe_deadline (nearest, extensions, today);
  g_free (self->search_keys);
  self->search_keys = build_search_keys (country, name);
  six_property_set_string (self, &self->name, name, properties[PROP_NAME]);
  six_property_set_string (self, &self->status, six_record_get_string (country, "status"), NULL);
  six_property_set_string (self, &self->status_label,
                           six_record_value_label (country, "status"),
                           properties[PROP_STATUS_LABEL]);
  six_property_set_string (self, &self->region, six_record_get_string (country, "region"), NULL);
  six_property_set_string (self, &self->deadline,
                           nearest == NULL ? NULL : six_obligation_get_deadline (nearest), NULL);
  six_property_set_string (self, &self->deadline_text, deadline_text,
                           properties[PROP_DEADLINE_TEXT]);

  self->articles = get_articles (obligations);
  self->in_coalition = in_coalition;
  g_array_set_size (self->request_years, 0);
  if (request_years != NULL)
    g_array_append_vals (self->request_years, request_years->data, request_years->len);
}

static gboolean
has_request_in (SixCountryEntry *self,
                int              year)
{
  if (year == 0)
    return self->request_years->len > 0;

  for (guint i = 0; i < self->request_years->len; i++)
    if (g_array_index (self->request_years, int, i) == year)
      return TRUE;

  return FALSE;
}

static gboolean
deadline_within (SixCountryEntry *self,
                 guint            months,
                 const GDate     *today)
{
  GDate limit = *today;
  GDate deadline;

  if (!six_date_parse (self->deadline, &deadline))
    return FALSE;

  g_date_add_months (&limit, months);

  return g_date_compare (&deadline, &limit) <= 0;
}

gboolean
six_country_entry_matches (SixCountryEntry        *self,
                           const SixCountryFilter *filter)
{
  g_return_val_if_fail (SIX_IS_COUNTRY_ENTRY (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  if (filter->query != NULL && *filter->query != '\0' &&
      !g_str_match_string (filter->query, self->search_keys, TRUE))
    return FALSE;
  if (filter->status != NULL && g_strcmp0 (filter->status, self->status) != 0)
    return FALSE;
  if (filter->region != NULL && g_strcmp0 (filter->region, self->region) != 0)
    return FALSE;
  if (filter->article != NULL && (self->articles & (1u << (filter->article[3] - '0'))) == 0)
    return FALSE;
  if (filter->requested_in >= 0 && !has_request_in (self, filter->requested_in))
    return FALSE;
  if (filter->in_coalition && !self->in_coalition)
    return FALSE;
  if (filter->deadline_months > 0 && !deadline_within (self, filter->deadline_months, filter->today))
    return FALSE;

  return TRUE;
}
