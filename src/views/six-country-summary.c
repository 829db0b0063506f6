/* six-country-summary.c — what the list of States needs of every State, in one read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-country-summary"

#include "config.h"

#include "six-country-summary.h"
#include "six-db.h"

struct _SixCountrySummary
{
  GObject     parent_instance;

  GPtrArray  *countries;     /* SixRecord, live */
  GHashTable *obligations;   /* country id → GPtrArray of obligation */
  GPtrArray  *extensions;    /* SixRecord extension_request, live */
  GHashTable *years;         /* country id → GArray of the years it asked for help */
  GArray     *all_years;     /* every such year, newest first */
  GHashTable *in_coalition;  /* country ids that lead or belong to a coalition */
};

G_DEFINE_FINAL_TYPE (SixCountrySummary, six_country_summary, G_TYPE_OBJECT)

static void
add_to_group (GHashTable *groups,
              const char *key,
              SixRecord  *record)
{
  GPtrArray *group = g_hash_table_lookup (groups, key);

  if (group == NULL)
    {
      group = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (groups, g_strdup (key), group);
    }
  g_ptr_array_add (group, g_object_ref (record));
}

/* The live records of @kind_name grouped by the country named in @field, or NULL. */
static GHashTable *
group_by_country (SixDb       *db,
                  const char  *kind_name,
                  const char  *field,
                  GError     **error)
{
  g_autoptr(GPtrArray) records = six_db_list_records (db, six_kind_lookup (kind_name), FALSE,
                                                      FALSE, error);
  GHashTable *groups;

  if (records == NULL)
    return NULL;

  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < records->len; i++)
    {
      const char *country = six_record_get_string (records->pdata[i], field);

      if (country != NULL)
        add_to_group (groups, country, records->pdata[i]);
    }

  return groups;
}

static void
add_year (GHashTable *years,
          const char *country,
          int         year)
{
  GArray *list = g_hash_table_lookup (years, country);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (int));
      g_hash_table_insert (years, g_strdup (country), list);
    }
  for (guint i = 0; i < list->len; i++)
    if (g_array_index (list, int, i) == year)
      return;
  g_array_append_val (list, year);
}

static int
compare_ints_desc (gconstpointer a,
                   gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

/* country → years it asked for help: in a request, or in an Article 7 report. */
static GHashTable *
collect_request_years (SixDb    *db,
                       GArray   *all_years,
                       GError  **error)
{
  g_autoptr(GHashTable) requests = group_by_country (db, "assistance_request", "country", error);
  g_autoptr(GHashTable) reports = NULL;
  GHashTable *years;
  GHashTableIter iter;
  const char *country;
  GPtrArray *group;
  GArray *list;

  if (requests == NULL ||
      (reports = group_by_country (db, "article7_report", "country", error)) == NULL)
    return NULL;

  years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);

  g_hash_table_iter_init (&iter, requests);
  while (g_hash_table_iter_next (&iter, (gpointer *) &country, (gpointer *) &group))
    for (guint i = 0; i < group->len; i++)
      add_year (years, country, (int) six_record_get_int (group->pdata[i], "year", 0));

  g_hash_table_iter_init (&iter, reports);
  while (g_hash_table_iter_next (&iter, (gpointer *) &country, (gpointer *) &group))
    for (guint i = 0; i < group->len; i++)
      if (six_record_get_boolean (group->pdata[i], "requested_assistance"))
        add_year (years, country, (int) six_record_get_int (group->pdata[i], "year", 0));

  /* Every year anyone asked in, newest first, for the filter's choices. */
  g_hash_table_iter_init (&iter, years);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &list))
    for (guint i = 0; i < list->len; i++)
      {
        int year = g_array_index (list, int, i);
        guint j;

        for (j = 0; j < all_years->len && g_array_index (all_years, int, j) != year; j++)
          ;
        if (j == all_years->len)
          g_array_append_val (all_years, year);
      }
  g_array_sort (all_years, compare_ints_desc);

  return years;
}

static GHashTable *
collect_coalition_countries (SixDb   *db,
                             GError **error)
{
  g_autoptr(GHashTable) led = group_by_country (db, "coalition", "lead", error);
  g_autoptr(GHashTable) members = NULL;
  GHashTable *countries;
  GHashTableIter iter;
  const char *id;

  if (led == NULL ||
      (members = group_by_country (db, "coalition_member", "member", error)) == NULL)
    return NULL;

  countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_iter_init (&iter, led);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_hash_table_add (countries, g_strdup (id));
  g_hash_table_iter_init (&iter, members);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_hash_table_add (countries, g_strdup (id));

  return countries;
}

static void
six_country_summary_finalize (GObject *object)
{
  SixCountrySummary *self = (SixCountrySummary *) object;

  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->obligations, g_hash_table_unref);
  g_clear_pointer (&self->extensions, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_hash_table_unref);
  g_clear_pointer (&self->all_years, g_array_unref);
  g_clear_pointer (&self->in_coalition, g_hash_table_unref);

  G_OBJECT_CLASS (six_country_summary_parent_class)->finalize (object);
}

static void
six_country_summary_class_init (SixCountrySummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = six_country_summary_finalize;
}

static void
six_country_summary_init (SixCountrySummary *self)
{
}

/**
 * six_country_summary_build:
 *
 * Reads on the store's connection (the repository's thread).
 *
 * Returns: (transfer full): every live State with its obligations, the years it asked for
 *   assistance and whether it is in a coalition, or %NULL with @error set
 */
SixCountrySummary *
six_country_summary_build (SixDb   *db,
                           GError **error)
{
  g_autoptr(SixCountrySummary) self = g_object_new (SIX_TYPE_COUNTRY_SUMMARY, NULL);

  g_return_val_if_fail (db != NULL, NULL);

  self->all_years = g_array_new (FALSE, FALSE, sizeof (int));
  self->countries = six_db_list_records (db, six_kind_lookup ("country"), FALSE, FALSE, error);
  if (self->countries == NULL ||
      (self->obligations = group_by_country (db, "obligation", "country", error)) == NULL ||
      (self->extensions = six_db_list_records (db, six_kind_lookup ("extension_request"),
                                               FALSE, FALSE, error)) == NULL ||
      (self->years = collect_request_years (db, self->all_years, error)) == NULL ||
      (self->in_coalition = collect_coalition_countries (db, error)) == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/* Returns: (transfer none) (element-type SixRecord): every live State, by id */
GPtrArray *
six_country_summary_get_countries (SixCountrySummary *self)
{
  g_return_val_if_fail (SIX_IS_COUNTRY_SUMMARY (self), NULL);

  return self->countries;
}

/* Returns: (transfer none) (nullable) (element-type SixRecord): the State's obligations */
GPtrArray *
six_country_summary_get_obligations (SixCountrySummary *self,
                                     const char        *country)
{
  g_return_val_if_fail (SIX_IS_COUNTRY_SUMMARY (self), NULL);

  return g_hash_table_lookup (self->obligations, country);
}

/* Returns: (transfer none) (element-type SixRecord): every live extension request */
GPtrArray *
six_country_summary_get_extensions (SixCountrySummary *self)
{
  g_return_val_if_fail (SIX_IS_COUNTRY_SUMMARY (self), NULL);

  return self->extensions;
}

/* Returns: (transfer none) (nullable) (element-type int): the years the State asked for help */
GArray *
six_country_summary_get_request_years (SixCountrySummary *self,
                                       const char        *country)
{
  g_return_val_if_fail (SIX_IS_COUNTRY_SUMMARY (self), NULL);

  return g_hash_table_lookup (self->years, country);
}

/* Returns: (transfer none) (element-type int): every year anyone asked in, newest first */
GArray *
six_country_summary_get_years (SixCountrySummary *self)
{
  g_return_val_if_fail (SIX_IS_COUNTRY_SUMMARY (self), NULL);

  return self->all_years;
}

gboolean
six_country_summary_in_coalition (SixCountrySummary *self,
                                  const char        *country)
{
  g_return_val_if_fail (SIX_IS_COUNTRY_SUMMARY (self), FALSE);

  return g_hash_table_contains (self->in_coalition, country);
}
