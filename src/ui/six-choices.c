/* six-choices.c — what a form's reference may name: live records by the name people read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-choices"

#include "config.h"

#include "six-choices.h"

#include "six-iso-codes.h"

#include <glib/gi18n.h>

#include <string.h>

/* "Lebanon"; "Mines Advisory Group (MAG)"; a person's or a record's title otherwise. */
char *
six_choice_dup_label (SixRecord *record)
{
  const char *kind;
  const char *name, *acronym;

  g_return_val_if_fail (SIX_IS_RECORD (record), NULL);

  kind = six_record_get_kind_name (record);
  if (strcmp (kind, "country") == 0)
    return six_iso_codes_dup_country_name (record);
  if (strcmp (kind, "organisation") != 0)
    return six_record_dup_title (record);

  name = six_record_get_string (record, "name");
  acronym = six_record_get_string (record, "acronym");
  if (acronym != NULL && g_strcmp0 (acronym, name) != 0)
    return g_strdup_printf ("%s (%s)", name, acronym);

  return g_strdup (name != NULL ? name : six_record_get_id (record));
}

typedef struct
{
  char *id;
  char *label;
  char *key;
} Choice;

static void
choice_free (Choice *choice)
{
  g_free (choice->id);
  g_free (choice->label);
  g_free (choice->key);
  g_free (choice);
}

/* "Égypte" among the E's whatever the collation the locale offers (often none but C's). */
static char *
dup_sort_key (const char *label)
{
  g_autofree char *folded = g_str_to_ascii (label, NULL);
  g_autofree char *lower = g_ascii_strdown (folded, -1);

  return g_utf8_collate_key (lower, -1);
}

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  const Choice *ca = *(Choice * const *) a;
  const Choice *cb = *(Choice * const *) b;
  int order = strcmp (ca->key, cb->key);

  return order != 0 ? order : strcmp (ca->id, cb->id);
}

/**
 * six_choices_preload:
 *
 * Starts loading every list a form may offer a choice from (the kinds references point to),
 * so that a form opened soon after start offers every State and organisation: forms read the
 * repository's lists as they are when they open.
 */
void
six_choices_preload (SixRepository *repository)
{
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);

  g_return_if_fail (SIX_IS_REPOSITORY (repository));

  for (guint k = 0; k < n_kinds; k++)
    for (guint f = 0; f < kinds[k].n_fields; f++)
      for (guint t = 0; kinds[k].fields[f].targets != NULL && kinds[k].fields[f].targets[t]; t++)
        six_repository_list (repository, six_kind_lookup (kinds[k].fields[f].targets[t]));
}

/**
 * six_choices_collect:
 * @kind_names: the kinds a reference may name
 * @exclude: (nullable): ids to leave out (the members a coalition has already)
 * @ids: (element-type utf8): appended to, each id
 * @labels: (element-type utf8): appended to, each label, in the same order
 *
 * The live records of @kind_names in the repository's lists, by name in the user's language.
 */
void
six_choices_collect (SixRepository      *repository,
                     const char * const *kind_names,
                     GHashTable         *exclude,
                     GPtrArray          *ids,
                     GPtrArray          *labels)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);

  g_return_if_fail (SIX_IS_REPOSITORY (repository));
  g_return_if_fail (kind_names != NULL && ids != NULL && labels != NULL);

  for (guint k = 0; kind_names[k] != NULL; k++)
    {
      GListModel *list = six_repository_list (repository, six_kind_lookup (kind_names[k]));

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(SixRecord) record = g_list_model_get_item (list, i);
          Choice *choice;

          if (six_record_is_deleted (record) ||
              (exclude != NULL && g_hash_table_contains (exclude, six_record_get_id (record))))
            continue;

          choice = g_new0 (Choice, 1);
          choice->id = g_strdup (six_record_get_id (record));
          choice->label = six_choice_dup_label (record);
          choice->key = dup_sort_key (choice->label);
          g_ptr_array_add (choices, choice);
        }
    }
  g_ptr_array_sort (choices, compare_choices);

  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = choices->pdata[i];

      g_ptr_array_add (ids, g_steal_pointer (&choice->id));
      g_ptr_array_add (labels, g_steal_pointer (&choice->label));
    }
}

/* A form for a record of @kind_name whose one reference, @field, names a record of
 * @choice_kinds; titled @title. */
static SixRecordForm *
form_with_choices (SixRepository      *repository,
                   const char         *kind_name,
                   SixRecord          *record,
                   const char * const *fields,
                   const char         *title,
                   const char         *field,
                   const char * const *choice_kinds)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  SixRecordForm *form;

  g_return_val_if_fail (SIX_IS_REPOSITORY (repository), NULL);

  form = six_record_form_new (six_kind_lookup (kind_name), record, fields);
  gtk_window_set_title (GTK_WINDOW (form), title);
  six_choices_collect (repository, choice_kinds, NULL, ids, labels);
  six_record_form_set_choices (form, field, ids, labels);

  return form;
}

/**
 * six_organisation_form_new:
 * @organisation: (nullable): the organisation to edit, or %NULL for a new one
 *
 * An operator, NGO, UN agency or the ISU: its name, acronym, kind and country.
 *
 * Returns: (transfer none): the form, held by GTK as a toplevel, for the caller to connect
 *   and present
 */
SixRecordForm *
six_organisation_form_new (SixRepository *repository,
                           SixRecord     *organisation)
{
  static const char * const fields[] = { "name", "acronym", "kind", "country", "visibility", NULL };
  static const char * const countries[] = { "country", NULL };

  return form_with_choices (repository, "organisation", organisation, fields,
                            organisation != NULL ? _("Organisation") : _("New Organisation"),
                            "country", countries);
}

/**
 * six_contact_form_new:
 * @contact: (nullable): the contact person to edit, or %NULL for a new one
 *
 * A contact person: name, organisation or State, role, email and phone. Contacts are
 * private unless their owner shares them.
 *
 * Returns: (transfer none): the form, held by GTK as a toplevel, for the caller to connect
 *   and present
 */
SixRecordForm *
six_contact_form_new (SixRepository *repository,
                      SixRecord     *contact)
{
  static const char * const fields[] = {
    "name", "affiliation", "role", "email", "phone", "visibility", NULL
  };
  static const char * const parties[] = { "country", "organisation", NULL };

  return form_with_choices (repository, "contact", contact, fields,
                            contact != NULL ? _("Contact Person") : _("New Contact Person"),
                            "affiliation", parties);
}
