/* six-kind.c — the record kinds of the data model and their fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-kind"

#include "config.h"

#include "six-kind.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_QUARK (six-model-error-quark, six_model_error)

#define N_ELEMENTS(a) G_N_ELEMENTS (a)

static const char * const visibilities[] = { "public", "coalition", "private", NULL };

const char * const six_categories[] = {
  "stockpile_destruction", "survey_clearance", "risk_education", "victim_assistance",
  "national_implementation", "transparency_reporting", "other", NULL
};
static const char * const confidences[] = { "high", "medium", "low", "unknown", NULL };
static const char * const ccm_statuses[] = { "party", "signatory", "not_party", "withdrawn", NULL };
static const char * const regions[] = {
  "africa", "americas", "asia", "europe", "middle_east", "pacific", NULL
};
static const char * const instruments[] = { "ratification", "accession", "succession", NULL };
static const char * const articles[] = { "art3", "art4", "art5", NULL };
static const char * const obligation_statuses[] = {
  "in_progress", "completed", "unknown", NULL
};
static const char * const extension_decisions[] = {
  "requested", "granted", "granted_presumed", "refused", "withdrawn", NULL
};
static const char * const request_statuses[] = {
  "open", "partly_met", "met", "withdrawn", NULL
};
static const char * const contribution_kinds[] = { "financial", "technical", "material", NULL };
static const char * const contribution_statuses[] = {
  "pledged", "committed", "disbursed", "delivered", NULL
};
static const char * const organisation_kinds[] = {
  "un", "icrc", "ngo", "operator", "isu", "regional", "government", "other", NULL
};
static const char * const coalition_statuses[] = { "proposed", "active", "closed", NULL };
static const char * const member_roles[] = {
  "lead", "donor", "operator", "ngo", "isu", "expert", "peer", NULL
};
static const char * const tracking_statuses[] = {
  "not_started", "in_progress", "done", "not_applicable", NULL
};
static const char * const activity_statuses[] = {
  "planned", "in_progress", "done", "cancelled", NULL
};
static const char * const meeting_kinds[] = {
  "coalition_meeting", "side_event", "msp", "review_conference", "intersessional",
  "workshop", "bilateral", "other", NULL
};

static const char * const to_plan[] = { "plan", NULL };
static const char * const to_section[] = { "plan_section", NULL };
static const char * const to_action[] = { "action", NULL };
static const char * const to_country[] = { "country", NULL };
static const char * const to_obligation[] = { "obligation", NULL };
static const char * const to_request[] = { "assistance_request", NULL };
static const char * const to_coalition[] = { "coalition", NULL };
static const char * const to_contact[] = { "contact", NULL };
static const char * const to_meeting[] = { "meeting", NULL };
static const char * const to_party[] = { "country", "organisation", NULL };
static const char * const to_owner[] = { "contact", "organisation", "country", NULL };
static const char * const to_linkable[] = {
  "activity", "assistance_request", "coalition", "country", NULL
};
static const char * const to_any[] = {
  "plan", "plan_section", "action", "action_tracking", "country", "obligation",
  "extension_request", "article7_report", "assistance_request", "contribution",
  "organisation", "contact", "coalition", "coalition_member", "activity", "meeting", NULL
};

#define REQ SIX_FIELD_FLAGS_REQUIRED
#define FTS SIX_FIELD_FLAGS_SEARCHABLE
#define NONE SIX_FIELD_FLAGS_NONE

#define COMMON \
  { "visibility", SIX_FIELD_ENUM, REQ, visibilities, NULL }, \
  { "deleted", SIX_FIELD_BOOLEAN, REQ, NULL, NULL }

#define TEXT(n, f) { n, SIX_FIELD_TEXT, f, NULL, NULL }
#define INT(n, f) { n, SIX_FIELD_INTEGER, f, NULL, NULL }
#define BOOL(n, f) { n, SIX_FIELD_BOOLEAN, f, NULL, NULL }
#define DATE(n) { n, SIX_FIELD_DATE, NONE, NULL, NULL }
#define ENUM(n, f, v) { n, SIX_FIELD_ENUM, f, v, NULL }
#define REF(n, f, t) { n, SIX_FIELD_REF, f, NULL, t }
#define DECIMAL(n) { n, SIX_FIELD_DECIMAL, NONE, NULL, NULL }
#define CURRENCY(n) { n, SIX_FIELD_CURRENCY, NONE, NULL, NULL }
#define ENUM_SET(n, v) { n, SIX_FIELD_SET, NONE, v, NULL }
#define REF_SET(n, t) { n, SIX_FIELD_SET, NONE, NULL, t }
#define FACT ENUM ("confidence", NONE, confidences), BOOL ("verified", NONE)

static const SixField plan_fields[] = {
  COMMON,
  TEXT ("title", REQ | FTS),
  TEXT ("short_title", FTS),
  INT ("first_year", NONE),
  INT ("last_year", NONE),
  TEXT ("adopted_at", NONE),
  DATE ("adopted_on"),
  TEXT ("symbol", FTS),
  FACT,
};

static const SixField plan_section_fields[] = {
  COMMON,
  REF ("plan", REQ, to_plan),
  INT ("position", REQ),
  TEXT ("title", REQ | FTS),
  FACT,
};

static const SixField action_fields[] = {
  COMMON,
  REF ("plan", REQ, to_plan),
  REF ("section", NONE, to_section),
  TEXT ("number", REQ | FTS),
  INT ("position", REQ),
  TEXT ("title", REQ | FTS),
  TEXT ("summary", FTS),
  TEXT ("indicators", FTS),
  FACT,
  REF_SET ("related", to_action),
};

static const SixField action_tracking_fields[] = {
  COMMON,
  REF ("action", REQ, to_action),
  ENUM ("status", REQ, tracking_statuses),
  TEXT ("notes", FTS),
  REF_SET ("links", to_linkable),
};

static const SixField country_fields[] = {
  COMMON,
  TEXT ("alpha2", NONE),
  TEXT ("name", REQ | FTS),
  ENUM ("region", NONE, regions),
  ENUM ("status", REQ, ccm_statuses),
  DATE ("signed_on"),
  ENUM ("instrument", NONE, instruments),
  DATE ("instrument_on"),
  DATE ("entry_into_force"),
  DATE ("withdrawn_on"),
  FACT,
};

static const SixField obligation_fields[] = {
  COMMON,
  REF ("country", REQ, to_country),
  ENUM ("article", REQ, articles),
  DATE ("original_deadline"),
  DATE ("current_deadline"),
  ENUM ("status", NONE, obligation_statuses),
  DATE ("completed_on"),
  TEXT ("notes", FTS),
  FACT,
};

static const SixField extension_request_fields[] = {
  COMMON,
  REF ("obligation", REQ, to_obligation),
  DATE ("submitted_on"),
  DATE ("requested_until"),
  TEXT ("decided_at", NONE),
  ENUM ("decision", NONE, extension_decisions),
  DATE ("granted_until"),
  FACT,
};

static const SixField article7_report_fields[] = {
  COMMON,
  REF ("country", REQ, to_country),
  INT ("year", REQ),
  DATE ("submitted_on"),
  BOOL ("requested_assistance", NONE),
  ENUM_SET ("categories", six_categories),
  FACT,
};

static const SixField assistance_request_fields[] = {
  COMMON,
  REF ("country", REQ, to_country),
  INT ("year", REQ),
  ENUM ("category", REQ, six_categories),
  TEXT ("description", FTS),
  DECIMAL ("amount"),
  CURRENCY ("currency"),
  ENUM ("status", NONE, request_statuses),
  FACT,
};

static const SixField contribution_fields[] = {
  COMMON,
  REF ("donor", REQ, to_party),
  REF ("recipient", REQ, to_country),
  ENUM ("category", REQ, six_categories),
  ENUM ("kind", NONE, contribution_kinds),
  DECIMAL ("amount"),
  CURRENCY ("currency"),
  INT ("year", NONE),
  ENUM ("status", NONE, contribution_statuses),
  REF ("request", NONE, to_request),
  REF ("coalition", NONE, to_coalition),
  TEXT ("description", FTS),
};

static const SixField organisation_fields[] = {
  COMMON,
  TEXT ("name", REQ | FTS),
  TEXT ("acronym", FTS),
  ENUM ("kind", NONE, organisation_kinds),
  REF ("country", NONE, to_country),
};

static const SixField contact_fields[] = {
  COMMON,
  TEXT ("name", REQ | FTS),
  REF ("affiliation", NONE, to_party),
  TEXT ("role", FTS),
  TEXT ("email", NONE),
  TEXT ("phone", NONE),
};

static const SixField coalition_fields[] = {
  COMMON,
  REF ("lead", REQ, to_country),
  TEXT ("title", REQ | FTS),
  ENUM ("status", NONE, coalition_statuses),
  DATE ("established_on"),
  ENUM_SET ("articles", articles),
  TEXT ("description", FTS),
};

static const SixField coalition_member_fields[] = {
  COMMON,
  REF ("coalition", REQ, to_coalition),
  REF ("member", REQ, to_party),
  ENUM ("role", REQ, member_roles),
  DATE ("since"),
  DATE ("until"),
  REF ("contact", NONE, to_contact),
};

static const SixField activity_fields[] = {
  COMMON,
  TEXT ("title", REQ | FTS),
  TEXT ("description", FTS),
  DATE ("due_on"),
  ENUM ("status", NONE, activity_statuses),
  REF ("owner", NONE, to_owner),
  REF ("coalition", NONE, to_coalition),
  REF ("country", NONE, to_country),
  REF_SET ("actions", to_action),
  REF ("meeting", NONE, to_meeting),
  REF ("request", NONE, to_request),
};

static const SixField meeting_fields[] = {
  COMMON,
  TEXT ("title", REQ | FTS),
  ENUM ("kind", NONE, meeting_kinds),
  DATE ("held_on"),
  TEXT ("place", FTS),
  TEXT ("participants", FTS),
  TEXT ("outcomes", FTS),
  REF ("coalition", NONE, to_coalition),
  REF ("country", NONE, to_country),
  TEXT ("agenda", FTS),
};

static const SixField note_fields[] = {
  COMMON,
  REF ("target", REQ, to_any),
  TEXT ("text", REQ | FTS),
};

#define KIND(n, title, key, vis) \
  { #n, title, key, SIX_VISIBILITY_##vis, n##_fields, N_ELEMENTS (n##_fields) }

/* In dependency order: a record refers only to kinds listed before it, or through a set to
 * its own kind (the plans' crosswalk); notes refer to anything. */
static const SixKind kinds[] = {
  KIND (plan, "title", SIX_KEY_NATURAL, PUBLIC),
  KIND (plan_section, "title", SIX_KEY_NATURAL, PUBLIC),
  KIND (action, "title", SIX_KEY_NATURAL, PUBLIC),
  KIND (country, "name", SIX_KEY_NATURAL, PUBLIC),
  KIND (obligation, "article", SIX_KEY_NATURAL, PUBLIC),
  KIND (extension_request, "decided_at", SIX_KEY_NATURAL, PUBLIC),
  KIND (article7_report, "year", SIX_KEY_NATURAL, PUBLIC),
  KIND (organisation, "name", SIX_KEY_UUID, PUBLIC),
  KIND (coalition, "title", SIX_KEY_UUID, COALITION),
  KIND (assistance_request, "description", SIX_KEY_UUID, PUBLIC),
  KIND (contribution, "description", SIX_KEY_UUID, COALITION),
  KIND (contact, "name", SIX_KEY_UUID, PRIVATE),
  KIND (coalition_member, "role", SIX_KEY_UUID, COALITION),
  KIND (meeting, "title", SIX_KEY_UUID, COALITION),
  KIND (activity, "title", SIX_KEY_UUID, COALITION),
  KIND (action_tracking, "status", SIX_KEY_NATURAL, COALITION),
  KIND (note, "text", SIX_KEY_UUID, PRIVATE),
};

const SixKind *
six_kind_all (guint *n_kinds)
{
  if (n_kinds != NULL)
    *n_kinds = N_ELEMENTS (kinds);

  return kinds;
}

const SixKind *
six_kind_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].name, name) == 0)
      return &kinds[i];

  return NULL;
}

int
six_kind_field_index (const SixKind *kind,
                      const char    *field)
{
  g_return_val_if_fail (kind != NULL, -1);
  g_return_val_if_fail (field != NULL, -1);

  for (guint i = 0; i < kind->n_fields; i++)
    if (strcmp (kind->fields[i].name, field) == 0)
      return (int) i;

  return -1;
}

const SixField *
six_kind_get_field (const SixKind *kind,
                    const char    *field)
{
  int index = six_kind_field_index (kind, field);

  return index < 0 ? NULL : &kind->fields[index];
}

const char *
six_visibility_to_string (SixVisibility visibility)
{
  g_return_val_if_fail (visibility <= SIX_VISIBILITY_PRIVATE, NULL);

  return visibilities[visibility];
}

gboolean
six_visibility_from_string (const char    *text,
                            SixVisibility *visibility)
{
  for (guint i = 0; visibilities[i] != NULL; i++)
    {
      if (g_strcmp0 (visibilities[i], text) == 0)
        {
          *visibility = (SixVisibility) i;
          return TRUE;
        }
    }

  return FALSE;
}

const GVariantType *
six_field_type_variant_type (SixFieldType type)
{
  switch (type)
    {
    case SIX_FIELD_INTEGER:
      return G_VARIANT_TYPE_INT64;
    case SIX_FIELD_BOOLEAN:
      return G_VARIANT_TYPE_BOOLEAN;
    case SIX_FIELD_SET:
      return G_VARIANT_TYPE_STRING_ARRAY;
    case SIX_FIELD_TEXT:
    case SIX_FIELD_DATE:
    case SIX_FIELD_ENUM:
    case SIX_FIELD_REF:
    case SIX_FIELD_DECIMAL:
    case SIX_FIELD_CURRENCY:
    default:
      return G_VARIANT_TYPE_STRING;
    }
}

gboolean
six_field_has_value (const SixField *field,
                     const char     *value)
{
  if (field->values == NULL)
    return FALSE;

  return g_strv_contains ((const char * const *) field->values, value);
}

gboolean
six_id_is_uuid (const char *id)
{
  return id != NULL && g_uuid_string_is_valid (id);
}

/* Natural keys: letters, digits and ":._-", starting with a letter or digit. */
gboolean
six_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL || !g_ascii_isalnum (id[0]))
    return FALSE;

  len = strlen (id);
  if (len > 128)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = id[i];

      if (!g_ascii_isalnum (c) && c != ':' && c != '.' && c != '_' && c != '-')
        return FALSE;
    }

  return TRUE;
}

gboolean
six_date_is_valid (const char *text)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* Reads a valid "YYYY-MM-DD" into @date; FALSE (and @date cleared) for anything else. */
gboolean
six_date_parse (const char *text,
                GDate      *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (!six_date_is_valid (text))
    return FALSE;

  g_date_set_dmy (date,
                  (GDateDay) g_ascii_strtoull (text + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (text + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (text, NULL, 10));

  return g_date_valid (date);
}

/* From @from to a later @to in whole months and the days left over ("1 year 2 months
 * 3 days" is 14 months and 3 days); nothing when @to is not later. */
void
six_date_span (const GDate *from,
               const GDate *to,
               guint       *months,
               guint       *days)
{
  GDate step = *from;
  int whole;

  whole = ((int) g_date_get_year (to) - (int) g_date_get_year (from)) * 12 +
          ((int) g_date_get_month (to) - (int) g_date_get_month (from));
  if (g_date_get_day (to) < g_date_get_day (from))
    whole--;
  whole = MAX (whole, 0);
  g_date_add_months (&step, (guint) whole);

  *months = (guint) whole;
  *days = (guint) MAX (g_date_days_between (&step, to), 0);
}

/* ISO 4217 codes in current use (2024), plus XDR for the IMF's unit of account. */
static const char currencies[] =
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN "
  "BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD "
  "FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY "
  "KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP "
  "MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR "
  "RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT "
  "TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XDR XOF XPF YER ZAR "
  "ZMW ZWL";

gboolean
six_currency_is_valid (const char *code)
{
  const char *found;

  if (code == NULL || strlen (code) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;

  found = strstr (currencies, code);

  return found != NULL && (found - currencies) % 4 == 0;
}

static gboolean
decimal_is_valid (const char *text)
{
  const char *p = text;
  guint int_digits = 0, frac_digits = 0;

  while (g_ascii_isdigit (*p))
    p++, int_digits++;

  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, frac_digits++;
      if (frac_digits == 0)
        return FALSE;
    }

  /* No leading zeros, at most 15 digits before the point and 4 after. */
  return *p == '\0' && int_digits >= 1 && int_digits <= 15 && frac_digits <= 4 &&
         !(int_digits > 1 && text[0] == '0');
}

static gboolean
invalid (GError    **error,
         const char *field,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError    **error,
         const char *field,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SIX_MODEL_ERROR, SIX_MODEL_ERROR_INVALID_VALUE, "%s: %s", field, message);

  return FALSE;
}

static gboolean
validate_string (const SixField *field,
                 const char     *text,
                 GError        **error)
{
  gsize len = strlen (text);

  if (len > SIX_TEXT_MAX)
    return invalid (error, field->name, _("text longer than %d bytes"), SIX_TEXT_MAX);

  if (!g_utf8_validate (text, (gssize) len, NULL))
    return invalid (error, field->name, _("text is not valid UTF-8"));

  switch (field->type)
    {
    case SIX_FIELD_DATE:
      if (!six_date_is_valid (text))
        return invalid (error, field->name, _("“%s” is not a date (YYYY-MM-DD)"), text);
      break;

    case SIX_FIELD_ENUM:
      if (!six_field_has_value (field, text))
        return invalid (error, field->name, _("“%s” is not one of the allowed values"), text);
      break;

    case SIX_FIELD_REF:
      if (!six_id_is_valid (text))
        return invalid (error, field->name, _("“%s” is not a record id"), text);
      break;

    case SIX_FIELD_DECIMAL:
      if (!decimal_is_valid (text))
        return invalid (error, field->name, _("“%s” is not an amount"), text);
      break;

    case SIX_FIELD_CURRENCY:
      if (!six_currency_is_valid (text))
        return invalid (error, field->name, _("“%s” is not an ISO 4217 currency code"), text);
      break;

    case SIX_FIELD_TEXT:
    case SIX_FIELD_INTEGER:
    case SIX_FIELD_BOOLEAN:
    case SIX_FIELD_SET:
    default:
      break;
    }

  return TRUE;
}

static gboolean
validate_set (const SixField *field,
              GVariant       *value,
              GError        **error)
{
  gsize n = 0;
  g_autofree const char **items = g_variant_get_strv (value, &n);

  for (gsize i = 0; i < n; i++)
    {
      if (field->values != NULL && !six_field_has_value (field, items[i]))
        return invalid (error, field->name, _("“%s” is not one of the allowed values"), items[i]);
      if (field->values == NULL && !six_id_is_valid (items[i]))
        return invalid (error, field->name, _("“%s” is not a record id"), items[i]);
      /* Sets are kept sorted and without duplicates, so equal sets compare equal. */
      if (i > 0 && strcmp (items[i - 1], items[i]) >= 0)
        return invalid (error, field->name, _("set is not sorted or has duplicates"));
    }

  return TRUE;
}

/* A NULL value means "not set" and is valid unless the field is required. */
gboolean
six_field_validate (const SixField *field,
                    GVariant       *value,
                    GError        **error)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (value == NULL)
    {
      if (field->flags & SIX_FIELD_FLAGS_REQUIRED)
        {
          g_set_error (error, SIX_MODEL_ERROR, SIX_MODEL_ERROR_MISSING_VALUE,
                       _("%s: a value is required"), field->name);
          return FALSE;
        }
      return TRUE;
    }

  if (!g_variant_is_of_type (value, six_field_type_variant_type (field->type)))
    return invalid (error, field->name, _("wrong type %s"), g_variant_get_type_string (value));

  if (field->type == SIX_FIELD_SET)
    return validate_set (field, value, error);

  if (field->type == SIX_FIELD_INTEGER || field->type == SIX_FIELD_BOOLEAN)
    return TRUE;

  return validate_string (field, g_variant_get_string (value, NULL), error);
}
