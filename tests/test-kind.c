/* test-kind.c — tests for the record kinds, their fields and value validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-edit.h"
#include "six-kind.h"
#include "six-labels.h"
#include "six-record.h"

#include <string.h>

static const SixKind *
kind (const char *name)
{
  const SixKind *result = six_kind_lookup (name);

  g_assert_nonnull (result);

  return result;
}

static const SixField *
field (const char *kind_name,
       const char *field_name)
{
  const SixField *result = six_kind_get_field (kind (kind_name), field_name);

  g_assert_nonnull (result);

  return result;
}

static void
assert_valid (const SixField *descriptor,
              GVariant       *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) owned = value != NULL ? g_variant_ref_sink (value) : NULL;

  if (!six_field_validate (descriptor, owned, &error))
    g_error ("%s: %s refused: %s", descriptor->name,
             owned != NULL ? g_variant_print (owned, TRUE) : "NULL", error->message);
}

static void
assert_invalid (const SixField *descriptor,
                GVariant       *value,
                SixModelError   code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) owned = value != NULL ? g_variant_ref_sink (value) : NULL;

  if (six_field_validate (descriptor, owned, &error))
    g_error ("%s: %s accepted", descriptor->name,
             owned != NULL ? g_variant_print (owned, TRUE) : "NULL");
  g_assert_error (error, SIX_MODEL_ERROR, (gint) code);
  /* The message names the field, so a caller can say where the problem is. */
  g_assert_true (g_str_has_prefix (error->message, descriptor->name));
}

static GVariant *
strv (const char *first,
      ...)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *item = first; item != NULL; item = va_arg (args, const char *))
    g_ptr_array_add (items, (gpointer) item);
  va_end (args);

  return g_variant_new_strv ((const char * const *) items->pdata, (gssize) items->len);
}

static gboolean
is_identifier (const char *name)
{
  if (name == NULL || !g_ascii_islower (name[0]))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

/* The descriptors are the source of truth for tables and columns: keep them sane. */
static void
test_descriptors (void)
{
  guint n_kinds = 0;
  const SixKind *kinds = six_kind_all (&n_kinds);
  g_autoptr(GHashTable) seen_kinds = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n_kinds, ==, 17);

  for (guint k = 0; k < n_kinds; k++)
    {
      const SixKind *record_kind = &kinds[k];
      g_autoptr(GHashTable) seen_fields = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_true (is_identifier (record_kind->name));
      g_assert_true (g_hash_table_add (seen_kinds, (gpointer) record_kind->name));
      g_assert_true (six_kind_lookup (record_kind->name) == record_kind);
      g_assert_nonnull (six_kind_get_field (record_kind, record_kind->title_field));

      /* Every kind starts with the two common fields, at fixed indices. */
      g_assert_cmpuint (record_kind->n_fields, >, 2);
      g_assert_cmpstr (record_kind->fields[SIX_FIELD_VISIBILITY].name, ==, "visibility");
      g_assert_cmpint (record_kind->fields[SIX_FIELD_VISIBILITY].type, ==, SIX_FIELD_ENUM);
      g_assert_cmpstr (record_kind->fields[SIX_FIELD_DELETED].name, ==, "deleted");
      g_assert_cmpint (record_kind->fields[SIX_FIELD_DELETED].type, ==, SIX_FIELD_BOOLEAN);
      g_assert_true (record_kind->fields[SIX_FIELD_VISIBILITY].flags & SIX_FIELD_FLAGS_REQUIRED);
      g_assert_true (record_kind->fields[SIX_FIELD_DELETED].flags & SIX_FIELD_FLAGS_REQUIRED);

      for (guint i = 0; i < record_kind->n_fields; i++)
        {
          const SixField *descriptor = &record_kind->fields[i];

          g_assert_true (is_identifier (descriptor->name));
          g_assert_cmpstr (descriptor->name, !=, "id");
          g_assert_true (g_hash_table_add (seen_fields, (gpointer) descriptor->name));
          g_assert_cmpint (six_kind_field_index (record_kind, descriptor->name), ==, (int) i);

          switch (descriptor->type)
            {
            case SIX_FIELD_ENUM:
              g_assert_nonnull (descriptor->values);
              g_assert_nonnull (descriptor->values[0]);
              g_assert_null (descriptor->targets);
              break;

            case SIX_FIELD_REF:
              g_assert_nonnull (descriptor->targets);
              g_assert_null (descriptor->values);
              break;

            case SIX_FIELD_SET:
              /* A set holds enum values or record ids, never both. */
              g_assert_true ((descriptor->values != NULL) != (descriptor->targets != NULL));
              break;

            case SIX_FIELD_TEXT:
            case SIX_FIELD_INTEGER:
            case SIX_FIELD_BOOLEAN:
            case SIX_FIELD_DATE:
            case SIX_FIELD_DECIMAL:
            case SIX_FIELD_CURRENCY:
            default:
              g_assert_null (descriptor->values);
              g_assert_null (descriptor->targets);
              break;
            }

          /* Enum values are unique and fit the stored form. */
          for (guint v = 0; descriptor->values != NULL && descriptor->values[v] != NULL; v++)
            {
              g_assert_true (is_identifier (descriptor->values[v]));
              for (guint w = 0; w < v; w++)
                g_assert_cmpstr (descriptor->values[v], !=, descriptor->values[w]);
            }

          /* References name known kinds listed earlier, the order records are written in; a
           * set may name its own kind. */
          for (guint t = 0; descriptor->targets != NULL && descriptor->targets[t] != NULL; t++)
            {
              const SixKind *target = six_kind_lookup (descriptor->targets[t]);

              g_assert_nonnull (target);
              if (strcmp (record_kind->name, "note") == 0)
                continue;
              if (descriptor->type == SIX_FIELD_SET)
                g_assert_true (target <= record_kind);
              else
                g_assert_true (target < record_kind);
            }

          /* Only text is indexed for search. */
          if (descriptor->flags & SIX_FIELD_FLAGS_SEARCHABLE)
            g_assert_cmpint (descriptor->type, ==, SIX_FIELD_TEXT);
        }
    }

  g_assert_null (six_kind_lookup ("nothing"));
  g_assert_cmpint (six_kind_field_index (kind ("country"), "nothing"), ==, -1);
  g_assert_null (six_kind_get_field (kind ("country"), "nothing"));
}

static void
test_visibility (void)
{
  SixVisibility visibility = SIX_VISIBILITY_PUBLIC;

  /* Personal data is private unless the user shares it. */
  g_assert_cmpint (kind ("contact")->default_visibility, ==, SIX_VISIBILITY_PRIVATE);
  g_assert_cmpint (kind ("note")->default_visibility, ==, SIX_VISIBILITY_PRIVATE);
  g_assert_cmpint (kind ("country")->default_visibility, ==, SIX_VISIBILITY_PUBLIC);
  g_assert_cmpint (kind ("coalition")->default_visibility, ==, SIX_VISIBILITY_COALITION);

  for (SixVisibility v = SIX_VISIBILITY_PUBLIC; v <= SIX_VISIBILITY_PRIVATE; v++)
    {
      const char *text = six_visibility_to_string (v);

      g_assert_true (six_visibility_from_string (text, &visibility));
      g_assert_cmpint (visibility, ==, v);
      g_assert_true (six_field_has_value (&kind ("plan")->fields[SIX_FIELD_VISIBILITY], text));
    }

  visibility = SIX_VISIBILITY_COALITION;
  g_assert_false (six_visibility_from_string ("secret", &visibility));
  g_assert_false (six_visibility_from_string (NULL, &visibility));
  g_assert_cmpint (visibility, ==, SIX_VISIBILITY_COALITION);
}

static void
test_variant_types (void)
{
  g_assert_true (g_variant_type_equal (six_field_type_variant_type (SIX_FIELD_INTEGER),
                                       G_VARIANT_TYPE_INT64));
  g_assert_true (g_variant_type_equal (six_field_type_variant_type (SIX_FIELD_BOOLEAN),
                                       G_VARIANT_TYPE_BOOLEAN));
  g_assert_true (g_variant_type_equal (six_field_type_variant_type (SIX_FIELD_SET),
                                       G_VARIANT_TYPE_STRING_ARRAY));

  for (SixFieldType type = SIX_FIELD_TEXT; type <= SIX_FIELD_SET; type++)
    if (type != SIX_FIELD_INTEGER && type != SIX_FIELD_BOOLEAN && type != SIX_FIELD_SET)
      g_assert_true (g_variant_type_equal (six_field_type_variant_type (type),
                                           G_VARIANT_TYPE_STRING));
}

static void
test_dates (void)
{
  const char *valid[] = {
    "2024-02-29", "2000-02-29", "2023-02-28", "1999-12-31", "0001-01-01", "9999-12-31",
    "2008-12-03", NULL
  };
  const char *invalid[] = {
    "2023-02-30", "2023-02-29", "1900-02-29", "2023-04-31", "2023-13-01", "2023-00-10",
    "2023-01-00", "2023-01-32", "0000-01-01", "2023-1-01", "2023-01-1", "2023/01/01",
    "20230101", "2023-01-01T00:00", " 2023-01-01", "2023-01-01 ", "", "abcd-ef-gh",
    "-023-01-01", "+2023-01-01", "２０２３-01-01", NULL
  };
  const SixField *signed_on = field ("country", "signed_on");

  for (guint i = 0; valid[i] != NULL; i++)
    {
      if (!six_date_is_valid (valid[i]))
        g_error ("“%s” refused", valid[i]);
      assert_valid (signed_on, g_variant_new_string (valid[i]));
    }

  for (guint i = 0; invalid[i] != NULL; i++)
    {
      if (six_date_is_valid (invalid[i]))
        g_error ("“%s” accepted", invalid[i]);
      assert_invalid (signed_on, g_variant_new_string (invalid[i]),
                      SIX_MODEL_ERROR_INVALID_VALUE);
    }

  g_assert_false (six_date_is_valid (NULL));
  assert_valid (signed_on, NULL);
}

static void
test_enums (void)
{
  const SixField *status = field ("country", "status");
  const SixField *article = field ("obligation", "article");

  for (guint i = 0; status->values[i] != NULL; i++)
    assert_valid (status, g_variant_new_string (status->values[i]));

  assert_valid (status, g_variant_new_string ("party"));
  assert_valid (article, g_variant_new_string ("art5"));
  assert_invalid (status, g_variant_new_string ("Party"), SIX_MODEL_ERROR_INVALID_VALUE);
  assert_invalid (status, g_variant_new_string ("party "), SIX_MODEL_ERROR_INVALID_VALUE);
  assert_invalid (status, g_variant_new_string (""), SIX_MODEL_ERROR_INVALID_VALUE);
  assert_invalid (article, g_variant_new_string ("art6"), SIX_MODEL_ERROR_INVALID_VALUE);
  assert_invalid (status, g_variant_new_int64 (0), SIX_MODEL_ERROR_INVALID_VALUE);

  /* Required enums need a value; optional ones may be unset. */
  assert_invalid (status, NULL, SIX_MODEL_ERROR_MISSING_VALUE);
  assert_valid (field ("country", "region"), NULL);

  g_assert_true (six_field_has_value (status, "withdrawn"));
  g_assert_false (six_field_has_value (status, "withdraw"));
  g_assert_false (six_field_has_value (field ("country", "name"), "party"));
}

static void
test_currencies (void)
{
  const char *valid[] = { "USD", "EUR", "CHF", "GBP", "NOK", "XDR", "AED", "ZWL", NULL };
  const char *invalid[] = {
    "usd", "Usd", "US", "USDD", "", "XXX", "ABC", "EU1", "E R", "DEM", "FRF", "D A", NULL
  };
  const SixField *currency = field ("contribution", "currency");

  for (guint i = 0; valid[i] != NULL; i++)
    {
      if (!six_currency_is_valid (valid[i]))
        g_error ("“%s” refused", valid[i]);
      assert_valid (currency, g_variant_new_string (valid[i]));
    }

  for (guint i = 0; invalid[i] != NULL; i++)
    {
      if (six_currency_is_valid (invalid[i]))
        g_error ("“%s” accepted", invalid[i]);
      assert_invalid (currency, g_variant_new_string (invalid[i]),
                      SIX_MODEL_ERROR_INVALID_VALUE);
    }

  g_assert_false (six_currency_is_valid (NULL));
}

static void
test_decimals (void)
{
  const char *valid[] = {
    "0", "7", "1250000", "99.50", "0.5", "0.0001", "123456789012345", "1.2345", NULL
  };
  const char *invalid[] = {
    "", "01", "00", "1.", ".5", "-1", "+1", "1e6", "1,000", "1 000", "1000000000000000",
    "1.23456", "١٢", "NaN", "1..2", "1.2.3", " 1", "0x10", NULL
  };
  const SixField *amount = field ("assistance_request", "amount");

  for (guint i = 0; valid[i] != NULL; i++)
    assert_valid (amount, g_variant_new_string (valid[i]));

  for (guint i = 0; invalid[i] != NULL; i++)
    assert_invalid (amount, g_variant_new_string (invalid[i]), SIX_MODEL_ERROR_INVALID_VALUE);

  /* Amounts are text, so a number of the wrong type is refused, not converted. */
  assert_invalid (amount, g_variant_new_int64 (5), SIX_MODEL_ERROR_INVALID_VALUE);
}

static void
test_ids (void)
{
  g_autofree char *longest = g_strnfill (128, 'a');
  g_autofree char *too_long = g_strnfill (129, 'a');
  g_autofree char *uuid = g_uuid_string_random ();
  const char *valid[] = {
    "LBN", "lap:38", "LBN:art4", "dap:5.1", "XKX", "a", "x_y-z.1", "0", NULL
  };
  const char *invalid[] = {
    "", "-a", ":a", ".a", "_a", "a b", "a/b", "é", "a\"b", "a'b", "a;b", "LBN\n", NULL
  };
  const SixField *country = field ("obligation", "country");

  for (guint i = 0; valid[i] != NULL; i++)
    {
      if (!six_id_is_valid (valid[i]))
        g_error ("“%s” refused", valid[i]);
      assert_valid (country, g_variant_new_string (valid[i]));
    }

  for (guint i = 0; invalid[i] != NULL; i++)
    {
      if (six_id_is_valid (invalid[i]))
        g_error ("“%s” accepted", invalid[i]);
      assert_invalid (country, g_variant_new_string (invalid[i]),
                      SIX_MODEL_ERROR_INVALID_VALUE);
    }

  g_assert_true (six_id_is_valid (longest));
  g_assert_false (six_id_is_valid (too_long));
  g_assert_false (six_id_is_valid (NULL));

  g_assert_true (six_id_is_valid (uuid));
  g_assert_true (six_id_is_uuid (uuid));
  g_assert_false (six_id_is_uuid ("LBN"));
  g_assert_false (six_id_is_uuid (NULL));
}

static void
test_sets (void)
{
  const SixField *categories = field ("article7_report", "categories");
  const SixField *actions = field ("activity", "actions");

  assert_valid (categories, strv (NULL, NULL));
  assert_valid (categories, strv ("other", NULL));
  assert_valid (categories, strv ("other", "stockpile_destruction", "victim_assistance", NULL));

  /* Sorted and without duplicates, so equal sets are equal values. */
  assert_invalid (categories, strv ("victim_assistance", "other", NULL),
                  SIX_MODEL_ERROR_INVALID_VALUE);
  assert_invalid (categories, strv ("other", "other", NULL), SIX_MODEL_ERROR_INVALID_VALUE);
  assert_invalid (categories, strv ("other", "clearance", NULL), SIX_MODEL_ERROR_INVALID_VALUE);
  assert_invalid (categories, g_variant_new_string ("other"), SIX_MODEL_ERROR_INVALID_VALUE);

  assert_valid (actions, strv ("dap:5.1", "lap:38", "lap:40", NULL));
  assert_invalid (actions, strv ("lap:40", "lap:38", NULL), SIX_MODEL_ERROR_INVALID_VALUE);
  assert_invalid (actions, strv ("lap 38", NULL), SIX_MODEL_ERROR_INVALID_VALUE);
  assert_valid (actions, NULL);
}

static void
test_scalars (void)
{
  g_autofree char *longest = g_strnfill (SIX_TEXT_MAX, 'x');
  g_autofree char *too_long = g_strnfill (SIX_TEXT_MAX + 1, 'x');
  const SixField *name = field ("country", "name");
  const SixField *year = field ("article7_report", "year");
  const SixField *requested = field ("article7_report", "requested_assistance");

  assert_valid (name, g_variant_new_string ("République démocratique du Congo"));
  assert_valid (name, g_variant_new_string (longest));
  assert_invalid (name, g_variant_new_string (too_long), SIX_MODEL_ERROR_INVALID_VALUE);
  assert_invalid (name, NULL, SIX_MODEL_ERROR_MISSING_VALUE);
  assert_invalid (name, g_variant_new_int32 (1), SIX_MODEL_ERROR_INVALID_VALUE);

  assert_valid (year, g_variant_new_int64 (2023));
  assert_valid (year, g_variant_new_int64 (-1));
  assert_invalid (year, g_variant_new_string ("2023"), SIX_MODEL_ERROR_INVALID_VALUE);
  assert_invalid (year, g_variant_new_int32 (2023), SIX_MODEL_ERROR_INVALID_VALUE);

  assert_valid (requested, g_variant_new_boolean (TRUE));
  assert_valid (requested, NULL);
  assert_invalid (requested, g_variant_new_int64 (1), SIX_MODEL_ERROR_INVALID_VALUE);
}

static void
test_categories (void)
{
  /* DESIGN.md §3 lists seven categories of assistance. */
  g_assert_cmpuint (g_strv_length ((char **) six_categories), ==, 7);
  g_assert_true (field ("assistance_request", "category")->values == six_categories);
  g_assert_true (field ("contribution", "category")->values == six_categories);
}

static void
test_edit (void)
{
  g_autoptr(SixEdit) created = six_edit_new (kind ("country"), NULL);
  g_autoptr(SixEdit) edit = six_edit_new (kind ("country"), "LBN");
  g_autoptr(SixEdit) bad_id = six_edit_new (kind ("country"), "not valid");
  g_autoptr(SixEdit) bad_value = six_edit_new (kind ("country"), "LBN");
  g_autoptr(GError) error = NULL;
  GVariant *value = NULL;
  guint index;

  g_assert_true (six_edit_is_new (created));
  g_assert_true (six_id_is_uuid (six_edit_get_id (created)));
  six_edit_set_id (created, "FRA");
  g_assert_cmpstr (six_edit_get_id (created), ==, "FRA");
  g_assert_true (six_edit_is_new (created));

  g_assert_false (six_edit_is_new (edit));
  g_assert_true (six_edit_get_kind (edit) == kind ("country"));
  g_assert_cmpuint (six_edit_get_n_changes (edit), ==, 0);
  g_assert_true (six_edit_validate (edit, &error));

  /* A later value for the same field replaces the earlier one. */
  six_edit_set_string (edit, "name", "Lebanon");
  six_edit_set_string (edit, "name", "Liban");
  six_edit_delete (edit);
  six_edit_set_source (edit, "Art. 7 report 2023");
  g_assert_cmpuint (six_edit_get_n_changes (edit), ==, 2);

  index = six_edit_get_nth_field (edit, 0, &value);
  g_assert_cmpuint (index, ==, (guint) six_kind_field_index (kind ("country"), "name"));
  g_assert_cmpstr (g_variant_get_string (value, NULL), ==, "Liban");
  index = six_edit_get_nth_field (edit, 1, &value);
  g_assert_cmpuint (index, ==, SIX_FIELD_DELETED);
  g_assert_true (g_variant_get_boolean (value));
  g_assert_cmpstr (six_edit_get_source (edit), ==, "Art. 7 report 2023");
  g_assert_true (six_edit_validate (edit, &error));
  g_assert_no_error (error);

  g_assert_false (six_edit_validate (bad_id, &error));
  g_assert_error (error, SIX_MODEL_ERROR, SIX_MODEL_ERROR_INVALID_ID);
  g_clear_error (&error);

  /* Errors say which record and field. */
  six_edit_set_string (bad_value, "signed_on", "2023-02-30");
  g_assert_false (six_edit_validate (bad_value, &error));
  g_assert_error (error, SIX_MODEL_ERROR, SIX_MODEL_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "country LBN: signed_on: "));
}

static char *
print_set (GVariant *set)
{
  g_autoptr(GVariant) owned = set != NULL ? g_variant_ref_sink (set) : NULL;

  return owned != NULL ? g_variant_print (owned, FALSE) : g_strdup ("NULL");
}

/* Adding and removing one member keeps a set as a set field stores it: sorted, distinct,
 * NULL when empty; a record answers whether a member is in it. */
static void
test_set_members (void)
{
  const char * const start[] = { "lap:38", "dap:5.2" };
  g_autoptr(GVariant) set = g_variant_ref_sink (g_variant_new_strv (start, 2));
  g_autoptr(GVariant) one = g_variant_ref_sink (g_variant_new_strv (start, 1));
  g_autoptr(SixRecord) action = NULL;
  g_autofree GVariant **values = NULL;
  const SixKind *kind = six_kind_lookup ("action");
  g_autofree char *added = print_set (six_set_with (set, "dap:5.1", TRUE));
  g_autofree char *again = print_set (six_set_with (set, "lap:38", TRUE));
  g_autofree char *removed = print_set (six_set_with (set, "lap:38", FALSE));
  g_autofree char *absent = print_set (six_set_with (set, "lap:1", FALSE));
  g_autofree char *emptied = print_set (six_set_with (one, "lap:38", FALSE));
  g_autofree char *from_null = print_set (six_set_with (NULL, "lap:38", TRUE));

  g_assert_cmpstr (added, ==, "['dap:5.1', 'dap:5.2', 'lap:38']");
  g_assert_cmpstr (again, ==, "['dap:5.2', 'lap:38']");
  g_assert_cmpstr (removed, ==, "['dap:5.2']");
  g_assert_cmpstr (absent, ==, "['dap:5.2', 'lap:38']");
  g_assert_cmpstr (emptied, ==, "NULL");
  g_assert_cmpstr (from_null, ==, "['lap:38']");

  values = g_new0 (GVariant *, kind->n_fields);
  values[six_kind_field_index (kind, "related")] = one;
  action = six_record_new (kind, "dap:5.2", values, NULL);
  g_assert_true (six_record_set_has (action, "related", "lap:38"));
  g_assert_false (six_record_set_has (action, "related", "lap:39"));
  g_assert_false (six_record_set_has (action, "title", "lap:38"));
}

/* A record built by a reader adopts the values, stamps and extras it is given: nothing is
 * copied, and finalizing it frees them. */
static void
test_record_take (void)
{
  const SixKind *kind = six_kind_lookup ("note");
  GVariant **values = g_new0 (GVariant *, kind->n_fields);
  SixFieldStamp *stamps = g_new0 (SixFieldStamp, kind->n_fields);
  GPtrArray *extras = g_ptr_array_new_with_free_func ((GDestroyNotify) six_extra_field_free);
  guint text = (guint) six_kind_field_index (kind, "text");
  SixExtraField *extra = g_new0 (SixExtraField, 1);
  g_autoptr(SixRecord) record = NULL;
  GVariant *value;
  char *source;

  value = g_variant_ref_sink (g_variant_new_string ("Met the authority."));
  values[text] = value;
  stamps[text].vv = six_version_vector_parse ("remote=1", NULL);
  stamps[text].hlc.replica = g_intern_string ("remote");
  source = stamps[text].source = g_strdup ("Art. 7 report 2023");
  extra->name = g_strdup ("seat");
  extra->json = g_strdup ("\"Geneva\"");
  g_ptr_array_add (extras, extra);

  record = six_record_new_take (kind, "n1", values, stamps, extras);
  g_assert_true (six_record_get_nth_value (record, text) == value);
  g_assert_true (six_record_get_nth_stamp (record, text)->source == source);
  g_assert_true (six_record_get_extras (record) == extras);
  g_assert_false (six_record_has_field (record, (guint) six_kind_field_index (kind, "target")));

  /* An empty list of extras is no list. */
  g_clear_object (&record);
  record = six_record_new_take (kind, "n2", g_new0 (GVariant *, kind->n_fields), NULL,
                                g_ptr_array_new ());
  g_assert_null (six_record_get_extras (record));
}

/* Dates read strictly, and spans counted in whole months and the days left. */
static void
test_date_span (void)
{
  const struct { const char *from, *to; guint months, days; } cases[] = {
    { "2026-11-23", "2028-11-01", 23, 9 },
    { "2025-08-01", "2026-11-23", 15, 22 },
    { "2026-01-31", "2026-03-01", 1, 1 },
    { "2026-11-23", "2026-11-23", 0, 0 },
    { "2026-11-23", "2026-11-01", 0, 0 },
  };
  GDate date;

  g_assert_false (six_date_parse ("2023-02-30", &date));
  g_assert_false (g_date_valid (&date));
  g_assert_false (six_date_parse (NULL, &date));
  g_assert_true (six_date_parse ("2024-02-29", &date));
  g_assert_cmpuint (g_date_get_day (&date), ==, 29);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate from, to;
      guint months, days;

      g_assert_true (six_date_parse (cases[i].from, &from));
      g_assert_true (six_date_parse (cases[i].to, &to));
      six_date_span (&from, &to, &months, &days);
      g_assert_cmpuint (months, ==, cases[i].months);
      g_assert_cmpuint (days, ==, cases[i].days);
    }
}

/* Every field has words to name it: a conflict or a form never shows a column's name. */
static void
test_field_labels (void)
{
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    for (guint f = 0; f < kinds[k].n_fields; f++)
      {
        const char *name = kinds[k].fields[f].name;

        if (g_strcmp0 (six_field_label (name), name) == 0)
          g_error ("%s.%s has no label", kinds[k].name, name);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/date/span", test_date_span);
  g_test_add_func ("/model/kind/descriptors", test_descriptors);
  g_test_add_func ("/model/kind/visibility", test_visibility);
  g_test_add_func ("/model/kind/variant-types", test_variant_types);
  g_test_add_func ("/model/kind/dates", test_dates);
  g_test_add_func ("/model/kind/enums", test_enums);
  g_test_add_func ("/model/kind/currencies", test_currencies);
  g_test_add_func ("/model/kind/decimals", test_decimals);
  g_test_add_func ("/model/kind/ids", test_ids);
  g_test_add_func ("/model/kind/sets", test_sets);
  g_test_add_func ("/model/kind/set-members", test_set_members);
  g_test_add_func ("/model/kind/scalars", test_scalars);
  g_test_add_func ("/model/kind/categories", test_categories);
  g_test_add_func ("/model/kind/edit", test_edit);
  g_test_add_func ("/model/record/take", test_record_take);
  g_test_add_func ("/model/kind/field-labels", test_field_labels);

  return g_test_run ();
}
