/* six-profile.c — everything known about one State, gathered for reading and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-profile"

#include "config.h"

#include "six-profile.h"

#include "six-iso-codes.h"

#include <glib/gi18n.h>
#include <string.h>

struct _SixProfile
{
  GObject     parent_instance;

  /* Owned */
  char       *country_id;
  SixRecord  *country;
  GPtrArray  *obligations;  /* by article */
  GHashTable *extensions;   /* obligation id → GPtrArray, by submission date */
  GPtrArray  *reports;      /* newest year first */
  GPtrArray  *requests;     /* newest year first, then category */
  GPtrArray  *received;     /* newest year first */
  GPtrArray  *provided;     /* newest year first */
  GPtrArray  *coalitions;   /* by title */
  GHashTable *members;      /* coalition id → GPtrArray of coalition_member */
  GPtrArray  *contacts;     /* by name */
  GPtrArray  *notes;        /* by text */
  GHashTable *parties;      /* country or organisation id → SixRecord */
  GPtrArray  *none;         /* what an empty group returns */
  GHashTable *scope;        /* while gathering: the ids the next kind may refer to */
};

G_DEFINE_FINAL_TYPE (SixProfile, six_profile, G_TYPE_OBJECT)

typedef gboolean (*Belongs) (SixProfile *self,
                             SixRecord  *record);

static GPtrArray *
new_records (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
refers_to (SixRecord  *record,
           const char *field,
           const char *id)
{
  return g_strcmp0 (six_record_get_string (record, field), id) == 0;
}

/* The live records of @kind that belong to the profile, in list order. */
static GPtrArray *
collect (SixProfile         *self,
         const char         *kind_name,
         Belongs             belongs,
         SixProfileListFunc  list_func,
         gpointer            user_data)
{
  g_autoptr(GListModel) list = list_func (six_kind_lookup (kind_name), user_data);
  GPtrArray *records = new_records ();
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SixRecord) record = g_list_model_get_item (list, i);

      if (!six_record_is_deleted (record) && belongs (self, record))
        g_ptr_array_add (records, g_steal_pointer (&record));
    }

  return records;
}

static gboolean
is_own (SixProfile *self,
        SixRecord  *record)
{
  return refers_to (record, "country", self->country_id);
}

static gboolean
is_this_country (SixProfile *self,
                 SixRecord  *record)
{
  return g_strcmp0 (six_record_get_id (record), self->country_id) == 0;
}

/* Refers through @field to a record gathered before. */
static gboolean
refers_to_scope (SixRecord  *record,
                 GHashTable *scope,
                 const char *field)
{
  const char *id = six_record_get_string (record, field);

  return id != NULL && g_hash_table_contains (scope, id);
}

static gboolean
is_extension (SixProfile *self,
              SixRecord  *record)
{
  return refers_to_scope (record, self->scope, "obligation");
}

static gboolean
is_received (SixProfile *self,
             SixRecord  *record)
{
  return refers_to (record, "recipient", self->country_id);
}

static gboolean
is_provided (SixProfile *self,
             SixRecord  *record)
{
  return refers_to (record, "donor", self->country_id);
}

static gboolean
is_affiliated (SixProfile *self,
               SixRecord  *record)
{
  return refers_to (record, "affiliation", self->country_id);
}

static gboolean
is_membership (SixProfile *self,
               SixRecord  *record)
{
  return refers_to (record, "member", self->country_id);
}

static gboolean
is_led_or_joined (SixProfile *self,
                  SixRecord  *record)
{
  return refers_to (record, "lead", self->country_id) ||
         g_hash_table_contains (self->scope, six_record_get_id (record));
}

static gboolean
is_in_coalition (SixProfile *self,
                 SixRecord  *record)
{
  return refers_to_scope (record, self->scope, "coalition");
}

static gboolean
is_about_country (SixProfile *self,
                  SixRecord  *record)
{
  return refers_to (record, "target", self->country_id);
}

static gboolean
is_any (SixProfile *self,
        SixRecord  *record)
{
  return TRUE;
}

static int
compare_text (SixRecord  *a,
              SixRecord  *b,
              const char *field)
{
  return g_strcmp0 (six_record_get_string (a, field), six_record_get_string (b, field));
}

/* In the order the field's values are declared ("lead" before "donor"…). */
static int
compare_enum (SixRecord  *a,
              SixRecord  *b,
              const char *field)
{
  const char * const *values = six_kind_get_field (six_record_get_kind (a), field)->values;
  const char *va = six_record_get_string (a, field);
  const char *vb = six_record_get_string (b, field);
  guint ia = 0;
  guint ib = 0;

  while (values[ia] != NULL && g_strcmp0 (values[ia], va) != 0)
    ia++;
  while (values[ib] != NULL && g_strcmp0 (values[ib], vb) != 0)
    ib++;

  return (ia > ib) - (ia < ib);
}

static int
compare_year_desc (SixRecord *a,
                   SixRecord *b)
{
  gint64 ya = six_record_get_int (a, "year", 0);
  gint64 yb = six_record_get_int (b, "year", 0);

  return ya != yb ? (ya < yb ? 1 : -1) : 0;
}

#define COMPARE_BY(fn, body) \
  static int fn (gconstpointer pa, gconstpointer pb) \
  { \
    SixRecord *a = *(SixRecord * const *) pa; \
    SixRecord *b = *(SixRecord * const *) pb; \
    int order; \
    body; \
    return g_strcmp0 (six_record_get_id (a), six_record_get_id (b)); \
  }

COMPARE_BY (by_article, if ((order = compare_text (a, b, "article")) != 0) return order)
COMPARE_BY (by_submission, if ((order = compare_text (a, b, "submitted_on")) != 0) return order)
COMPARE_BY (by_year, if ((order = compare_year_desc (a, b)) != 0) return order)
COMPARE_BY (by_year_category,
            if ((order = compare_year_desc (a, b)) != 0) return order;
            if ((order = compare_text (a, b, "category")) != 0) return order)
COMPARE_BY (by_title, if ((order = g_utf8_collate (six_record_get_string (a, "title") ?: "",
                                                   six_record_get_string (b, "title") ?: ""))
                          != 0) return order)
COMPARE_BY (by_name, if ((order = g_utf8_collate (six_record_get_string (a, "name") ?: "",
                                                  six_record_get_string (b, "name") ?: ""))
                         != 0) return order)
COMPARE_BY (by_member, if ((order = compare_enum (a, b, "role")) != 0) return order)
COMPARE_BY (by_text, if ((order = compare_text (a, b, "text")) != 0) return order)

/* Group @records by the id in @field: id → GPtrArray, each sorted with @compare. */
static GHashTable *
group_by (GPtrArray        *records,
          const char       *field,
          GCompareFunc      compare)
{
  GHashTable *groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer group;

  for (guint i = 0; i < records->len; i++)
    {
      const char *key = six_record_get_string (records->pdata[i], field);
      GPtrArray *members = g_hash_table_lookup (groups, key);

      if (members == NULL)
        {
          members = new_records ();
          g_hash_table_insert (groups, g_strdup (key), members);
        }
      g_ptr_array_add (members, g_object_ref (records->pdata[i]));
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &group))
    g_ptr_array_sort (group, compare);

  return groups;
}

static void
index_parties (SixProfile         *self,
               const char         *kind_name,
               SixProfileListFunc  list_func,
               gpointer            user_data)
{
  g_autoptr(GPtrArray) parties = collect (self, kind_name, is_any, list_func, user_data);

  for (guint i = 0; i < parties->len; i++)
    g_hash_table_insert (self->parties, (gpointer) six_record_get_id (parties->pdata[i]),
                         g_object_ref (parties->pdata[i]));
}

/* The next kind may refer to any of @records (or, with @field, to what they refer to). */
static void
set_scope (SixProfile *self,
           GPtrArray  *records,
           const char *field)
{
  g_hash_table_remove_all (self->scope);
  for (guint i = 0; i < records->len; i++)
    {
      const char *id = field != NULL ? six_record_get_string (records->pdata[i], field)
                                     : six_record_get_id (records->pdata[i]);

      if (id != NULL)
        g_hash_table_add (self->scope, g_strdup (id));
    }
}

/* Coalitions the State leads or belongs to, and every member of each. */
static void
collect_coalitions (SixProfile         *self,
                    SixProfileListFunc  list_func,
                    gpointer            user_data)
{
  g_autoptr(GPtrArray) memberships = NULL;
  g_autoptr(GPtrArray) members = NULL;

  memberships = collect (self, "coalition_member", is_membership, list_func, user_data);
  set_scope (self, memberships, "coalition");
  self->coalitions = collect (self, "coalition", is_led_or_joined, list_func, user_data);
  g_ptr_array_sort (self->coalitions, by_title);

  set_scope (self, self->coalitions, NULL);
  members = collect (self, "coalition_member", is_in_coalition, list_func, user_data);
  self->members = group_by (members, "coalition", by_member);
}

static void
six_profile_finalize (GObject *object)
{
  SixProfile *self = (SixProfile *) object;

  g_clear_pointer (&self->country_id, g_free);
  g_clear_object (&self->country);
  g_clear_pointer (&self->obligations, g_ptr_array_unref);
  g_clear_pointer (&self->extensions, g_hash_table_unref);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->received, g_ptr_array_unref);
  g_clear_pointer (&self->provided, g_ptr_array_unref);
  g_clear_pointer (&self->coalitions, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_hash_table_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->parties, g_hash_table_unref);
  g_clear_pointer (&self->none, g_ptr_array_unref);
  g_clear_pointer (&self->scope, g_hash_table_unref);

  G_OBJECT_CLASS (six_profile_parent_class)->finalize (object);
}

static void
six_profile_class_init (SixProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = six_profile_finalize;
}

static void
six_profile_init (SixProfile *self)
{
  self->parties = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->none = new_records ();
  self->scope = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * six_profile_new:
 * @country_id: the country's id (ISO 3166-1 alpha-3 or a user-assigned `X..` code)
 * @list_func: gives the live records of a kind
 *
 * Gathers the country and everything attached to it from the lists @list_func gives.
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL when no live country has the id
 */
SixProfile *
six_profile_new (const char         *country_id,
                 SixProfileListFunc  list_func,
                 gpointer            user_data)
{
  g_autoptr(SixProfile) self = NULL;
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) extensions = NULL;

  g_return_val_if_fail (country_id != NULL, NULL);
  g_return_val_if_fail (list_func != NULL, NULL);

  self = g_object_new (SIX_TYPE_PROFILE, NULL);
  self->country_id = g_strdup (country_id);

  countries = collect (self, "country", is_this_country, list_func, user_data);
  if (countries->len == 0)
    return NULL;
  self->country = g_object_ref (countries->pdata[0]);

  self->obligations = collect (self, "obligation", is_own, list_func, user_data);
  g_ptr_array_sort (self->obligations, by_article);
  set_scope (self, self->obligations, NULL);
  extensions = collect (self, "extension_request", is_extension, list_func, user_data);
  self->extensions = group_by (extensions, "obligation", by_submission);
  self->reports = collect (self, "article7_report", is_own, list_func, user_data);
  g_ptr_array_sort (self->reports, by_year);
  self->requests = collect (self, "assistance_request", is_own, list_func, user_data);
  g_ptr_array_sort (self->requests, by_year_category);
  self->received = collect (self, "contribution", is_received, list_func, user_data);
  g_ptr_array_sort (self->received, by_year);
  self->provided = collect (self, "contribution", is_provided, list_func, user_data);
  g_ptr_array_sort (self->provided, by_year);
  collect_coalitions (self, list_func, user_data);
  self->contacts = collect (self, "contact", is_affiliated, list_func, user_data);
  g_ptr_array_sort (self->contacts, by_name);
  self->notes = collect (self, "note", is_about_country, list_func, user_data);
  g_ptr_array_sort (self->notes, by_text);
  index_parties (self, "country", list_func, user_data);
  index_parties (self, "organisation", list_func, user_data);

  return g_steal_pointer (&self);
}

static GListModel *
list_from_db (const SixKind *kind,
              gpointer       user_data)
{
  SixDb *db = user_data;
  g_autoptr(GPtrArray) records = six_db_list_records (db, kind, FALSE, TRUE, NULL);
  GListStore *store = g_list_store_new (SIX_TYPE_RECORD);

  if (records != NULL)
    g_list_store_splice (store, 0, 0, records->pdata, records->len);

  return G_LIST_MODEL (store);
}

/**
 * six_profile_load:
 *
 * Gathers a profile straight from the database (for the command line).
 *
 * Returns: (transfer full): the profile, or %NULL with @error set when the country is unknown
 */
SixProfile *
six_profile_load (SixDb       *db,
                  const char  *country_id,
                  GError     **error)
{
  g_autoptr(SixProfile) self = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (country_id != NULL, NULL);

  self = six_profile_new (country_id, list_from_db, db);
  if (self == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("No country with the code “%s”"), country_id);

  return g_steal_pointer (&self);
}

SixRecord *
six_profile_get_country (SixProfile *self)
{
  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  return self->country;
}

char *
six_profile_dup_name (SixProfile *self)
{
  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  return six_iso_codes_dup_country_name (self->country);
}

#define GETTER(name, field) \
  GPtrArray * \
  six_profile_get_##name (SixProfile *self) \
  { \
    g_return_val_if_fail (SIX_IS_PROFILE (self), NULL); \
    return self->field; \
  }

GETTER (obligations, obligations)
GETTER (reports, reports)
GETTER (requests, requests)
GETTER (received, received)
GETTER (provided, provided)
GETTER (coalitions, coalitions)
GETTER (contacts, contacts)
GETTER (notes, notes)

static GPtrArray *
get_group (SixProfile *self,
           GHashTable *groups,
           const char *id)
{
  GPtrArray *group = id != NULL ? g_hash_table_lookup (groups, id) : NULL;

  return group != NULL ? group : self->none;
}

/* Returns: (transfer none): the extension requests of one obligation, oldest first */
GPtrArray *
six_profile_get_extensions (SixProfile *self,
                            const char *obligation_id)
{
  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  return get_group (self, self->extensions, obligation_id);
}

/* Returns: (transfer none): the members of one of the profile's coalitions, by name */
GPtrArray *
six_profile_get_members (SixProfile *self,
                         const char *coalition_id)
{
  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  return get_group (self, self->members, coalition_id);
}

/* A donor, recipient or coalition member by name: a country's shown name, an
 * organisation's acronym or name, else the id itself. */
char *
six_profile_dup_party_name (SixProfile *self,
                            const char *party_id)
{
  SixRecord *party;

  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  if (party_id == NULL)
    return NULL;

  party = g_hash_table_lookup (self->parties, party_id);
  if (party == NULL)
    return g_strdup (party_id);

  if (strcmp (six_record_get_kind_name (party), "country") == 0)
    return six_iso_codes_dup_country_name (party);

  return g_strdup (six_record_get_string (party, "acronym") ?: six_record_get_string (party, "name"));
}

/**
 * six_profile_find:
 *
 * Returns: (transfer none) (nullable): the profile's record of @kind_name with @id, with
 *   its stamps
 */
SixRecord *
six_profile_find (SixProfile *self,
                  const char *kind_name,
                  const char *id)
{
  GPtrArray *arrays[] = {
    self->obligations, self->reports, self->requests, self->received, self->provided,
    self->coalitions, self->contacts, self->notes,
  };

  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  if (g_strcmp0 (kind_name, "country") == 0)
    return g_strcmp0 (id, self->country_id) == 0 ? self->country : NULL;

  for (guint a = 0; a < G_N_ELEMENTS (arrays); a++)
    for (guint i = 0; i < arrays[a]->len; i++)
      {
        SixRecord *record = arrays[a]->pdata[i];

        if (g_strcmp0 (six_record_get_kind_name (record), kind_name) == 0 &&
            g_strcmp0 (six_record_get_id (record), id) == 0)
          return record;
      }

  return NULL;
}

SixRecord *
six_profile_get_nearest_deadline (SixProfile *self)
{
  g_return_val_if_fail (SIX_IS_PROFILE (self), NULL);

  return six_obligation_pick_nearest (self->obligations);
}

static const char *
get_deadline (SixRecord *obligation)
{
  return six_record_get_string (obligation, "current_deadline") ?:
         six_record_get_string (obligation, "original_deadline");
}

/* Open: not completed, whatever its deadline. */
gboolean
six_obligation_is_open (SixRecord *obligation)
{
  g_return_val_if_fail (SIX_IS_RECORD (obligation), FALSE);

  return g_strcmp0 (six_record_get_string (obligation, "status"), "completed") != 0 &&
         six_record_get_string (obligation, "completed_on") == NULL;
}

/**
 * six_obligation_pick_nearest:
 * @obligations: (element-type SixRecord): `obligation` records
 *
 * Returns: (transfer none) (nullable): the open obligation whose deadline comes first
 *   (an overdue one before any still running), or %NULL when none is open with a deadline
 */
SixRecord *
six_obligation_pick_nearest (GPtrArray *obligations)
{
  SixRecord *nearest = NULL;

  g_return_val_if_fail (obligations != NULL, NULL);

  for (guint i = 0; i < obligations->len; i++)
    {
      SixRecord *obligation = obligations->pdata[i];

      if (!six_obligation_is_open (obligation) || get_deadline (obligation) == NULL)
        continue;
      if (nearest == NULL || strcmp (get_deadline (obligation), get_deadline (nearest)) < 0)
        nearest = obligation;
    }

  return nearest;
}

void
six_date_get_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

/* "1 year 11 months", "8 months", "22 days": the two largest units. */
static char *
describe_span (const GDate *from,
               const GDate *to)
{
  guint months, days;
  g_autofree char *years_text = NULL;
  g_autofree char *months_text = NULL;

  six_date_span (from, to, &months, &days);
  if (months == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);

  months_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months",
                                              months % 12), months % 12);
  if (months < 12)
    return g_steal_pointer (&months_text);

  years_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years",
                                             months / 12), months / 12);
  if (months % 12 == 0)
    return g_steal_pointer (&years_text);

  /* TRANSLATORS: a span of time: "2 years" "3 months" */
  return g_strdup_printf (C_("span", "%s %s"), years_text, months_text);
}

/**
 * six_describe_time_left:
 *
 * "Completed", "No deadline", "1 year 11 months left" or "Overdue by 8 months".
 *
 * Returns: (transfer full): the obligation's state against its deadline on @today
 */
char *
six_describe_time_left (SixRecord   *obligation,
                        const GDate *today)
{
  g_autofree char *span = NULL;
  GDate deadline;

  g_return_val_if_fail (SIX_IS_RECORD (obligation), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!six_obligation_is_open (obligation))
    return g_strdup (_("Completed"));
  if (!six_date_parse (get_deadline (obligation), &deadline))
    return g_strdup (_("No deadline"));

  if (g_date_compare (&deadline, today) < 0)
    {
      span = describe_span (&deadline, today);
      return g_strdup_printf (_("Overdue by %s"), span);
    }

  span = describe_span (today, &deadline);
  return g_strdup_printf (_("%s left"), span);
}
