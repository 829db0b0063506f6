/* six-report.c — tables over the database for the command line: text, JSON or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-report"

#include "config.h"

#include "six-report.h"

#include "six-exchange-file.h"
#include "six-iso-codes.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  char                *name;
  SixReportColumnType  type;
} Column;

struct _SixReportTable
{
  GArray    *columns;  /* Column */
  GPtrArray *rows;     /* GPtrArray of char *, one per column */
};

static const char * const report_names[] = {
  "assistance-requests", "conflicts", "deadlines", "states", NULL
};

static const char * const status_order[] = {
  "party", "signatory", "withdrawn", "not_party", NULL
};

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->name);
}

SixReportTable *
six_report_table_new (void)
{
  SixReportTable *self = g_new0 (SixReportTable, 1);

  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  return self;
}

void
six_report_table_free (SixReportTable *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->columns);
  g_ptr_array_unref (self->rows);
  g_free (self);
}

/* Columns come first: a table's shape is fixed before its first row. */
guint
six_report_table_add_column (SixReportTable      *self,
                             const char          *name,
                             SixReportColumnType  type)
{
  Column column = { g_strdup (name), type };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (self->rows->len == 0, 0);

  g_array_append_val (self->columns, column);

  return self->columns->len - 1;
}

guint
six_report_table_add_row (SixReportTable *self)
{
  GPtrArray *cells;

  g_return_val_if_fail (self != NULL, 0);

  cells = g_ptr_array_new_full (self->columns->len, g_free);
  g_ptr_array_set_size (cells, self->columns->len);
  g_ptr_array_add (self->rows, cells);

  return self->rows->len - 1;
}

static void
take_cell (SixReportTable *self,
           guint           row,
           guint           column,
           char           *text)
{
  GPtrArray *cells;

  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (column < self->columns->len);

  cells = self->rows->pdata[row];
  g_free (cells->pdata[column]);
  cells->pdata[column] = text;
}

void
six_report_table_set_text (SixReportTable *self,
                           guint           row,
                           guint           column,
                           const char     *text)
{
  g_return_if_fail (self != NULL);

  take_cell (self, row, column, g_strdup (text));
}

void
six_report_table_set_int (SixReportTable *self,
                          guint           row,
                          guint           column,
                          gint64          value)
{
  g_return_if_fail (self != NULL);

  take_cell (self, row, column, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

void
six_report_table_set_boolean (SixReportTable *self,
                              guint           row,
                              guint           column,
                              gboolean        value)
{
  g_return_if_fail (self != NULL);

  take_cell (self, row, column, g_strdup (value ? "true" : "false"));
}

guint
six_report_table_get_n_columns (SixReportTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

guint
six_report_table_get_n_rows (SixReportTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

const char *
six_report_table_get_column_name (SixReportTable *self,
                                  guint           column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, Column, column).name;
}

int
six_report_table_find_column (SixReportTable *self,
                              const char     *name)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->columns->len; i++)
    if (g_strcmp0 (g_array_index (self->columns, Column, i).name, name) == 0)
      return (int) i;

  return -1;
}

const char *
six_report_table_get_cell (SixReportTable *self,
                           guint           row,
                           guint           column)
{
  GPtrArray *cells;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  cells = self->rows->pdata[row];

  return cells->pdata[column];
}

/* One line per row in a terminal: control characters become spaces. */
static char *
flatten (const char *text)
{
  char *flat = g_strdup (text != NULL ? text : "");

  for (char *p = flat; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';

  return flat;
}

static void
append_padded (GString    *out,
               const char *text,
               glong       width,
               gboolean    last)
{
  g_string_append (out, text);
  if (!last)
    for (glong n = g_utf8_strlen (text, -1); n < width + 2; n++)
      g_string_append_c (out, ' ');
}

static char *
format_text (SixReportTable *self)
{
  guint n_columns = self->columns->len;
  g_autofree glong *widths = g_new0 (glong, MAX (n_columns, 1));
  g_autoptr(GPtrArray) flat = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = g_utf8_strlen (g_array_index (self->columns, Column, c).name, -1);

  for (guint r = 0; r < self->rows->len; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        char *cell = flatten (six_report_table_get_cell (self, r, c));

        widths[c] = MAX (widths[c], g_utf8_strlen (cell, -1));
        g_ptr_array_add (flat, cell);
      }

  for (guint c = 0; c < n_columns; c++)
    append_padded (out, g_array_index (self->columns, Column, c).name, widths[c],
                   c + 1 == n_columns);
  g_string_append_c (out, '\n');

  for (guint c = 0; c < n_columns; c++)
    {
      for (glong n = 0; n < widths[c]; n++)
        g_string_append_c (out, '-');
      if (c + 1 < n_columns)
        g_string_append (out, "  ");
    }
  g_string_append_c (out, '\n');

  for (guint r = 0; r < self->rows->len; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        append_padded (out, flat->pdata[r * n_columns + c], widths[c], c + 1 == n_columns);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static char *
format_json (SixReportTable *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint r = 0; r < self->rows->len; r++)
    {
      json_builder_begin_object (builder);
      for (guint c = 0; c < self->columns->len; c++)
        {
          const Column *column = &g_array_index (self->columns, Column, c);
          const char *cell = six_report_table_get_cell (self, r, c);

          json_builder_set_member_name (builder, column->name);
          if (cell == NULL)
            json_builder_add_null_value (builder);
          else if (column->type == SIX_REPORT_COLUMN_INTEGER)
            json_builder_add_int_value (builder, g_ascii_strtoll (cell, NULL, 10));
          else if (column->type == SIX_REPORT_COLUMN_BOOLEAN)
            json_builder_add_boolean_value (builder, strcmp (cell, "true") == 0);
          else
            json_builder_add_string_value (builder, cell);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}

static void
append_csv_cell (GString    *out,
                 const char *cell)
{
  if (cell == NULL)
    return;

  if (strpbrk (cell, ",\"\r\n") == NULL)
    {
      g_string_append (out, cell);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
format_csv (SixReportTable *self)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < self->columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_csv_cell (out, g_array_index (self->columns, Column, c).name);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < self->rows->len; r++)
    {
      for (guint c = 0; c < self->columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_cell (out, six_report_table_get_cell (self, r, c));
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

char *
six_report_table_format (SixReportTable  *self,
                         SixReportFormat  format)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (format)
    {
    case SIX_REPORT_FORMAT_JSON:
      return format_json (self);
    case SIX_REPORT_FORMAT_CSV:
      return format_csv (self);
    case SIX_REPORT_FORMAT_TEXT:
    default:
      return format_text (self);
    }
}

const char * const *
six_report_get_names (void)
{
  return report_names;
}

gboolean
six_report_format_from_string (const char      *text,
                               SixReportFormat *format)
{
  static const char * const names[] = { "text", "json", "csv", NULL };

  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_strcmp0 (text, names[i]) == 0)
        {
          *format = (SixReportFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Helpers shared by the reports. */

static guint
index_in (const char * const *values,
          const char         *value)
{
  guint i;

  for (i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;

  return i;
}

static GPtrArray *
list_live (SixDb       *db,
           const char  *kind_name,
           gboolean     with_stamps,
           GError     **error)
{
  const SixKind *kind = six_kind_lookup (kind_name);

  g_assert (kind != NULL);

  return six_db_list_records (db, kind, FALSE, with_stamps, error);
}

/* id → country record (borrowed from @countries). */
static GHashTable *
index_by_id (GPtrArray *records)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    g_hash_table_insert (index, (gpointer) six_record_get_id (records->pdata[i]),
                         records->pdata[i]);

  return index;
}

static void
set_country (SixReportTable *table,
             guint           row,
             guint           id_column,
             guint           name_column,
             GHashTable     *countries,
             const char     *id)
{
  SixRecord *country = id != NULL ? g_hash_table_lookup (countries, id) : NULL;

  six_report_table_set_text (table, row, id_column, id);
  if (country != NULL)
    take_cell (table, row, name_column, six_iso_codes_dup_country_name (country));
}

static void
set_field (SixReportTable *table,
           guint           row,
           guint           column,
           SixRecord      *record,
           const char     *field)
{
  six_report_table_set_text (table, row, column, six_record_get_string (record, field));
}

static void
set_fact (SixReportTable *table,
          guint           row,
          guint           confidence_column,
          guint           verified_column,
          SixRecord      *record)
{
  set_field (table, row, confidence_column, record, "confidence");
  if (six_record_get_value (record, "verified") != NULL)
    six_report_table_set_boolean (table, row, verified_column,
                                  six_record_get_boolean (record, "verified"));
}

static char *
value_to_text (GVariant *value)
{
  if (value == NULL)
    return NULL;

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? "true" : "false");

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    {
      g_autofree const char **items = g_variant_get_strv (value, NULL);

      return g_strjoinv (", ", (char **) items);
    }

  return g_variant_print (value, FALSE);
}

static char *
format_ms (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);

  if (time == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, ms);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static void
append_unit (GString    *out,
             guint       n,
             const char *unit)
{
  if (n == 0)
    return;

  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_printf (out, "%u %s%s", n, unit, n == 1 ? "" : "s");
}

/* "1 year 2 months 3 days" from @from to a later @to. */
static char *
describe_span (const GDate *from,
               const GDate *to)
{
  GString *out = g_string_new (NULL);
  guint months, days;

  six_date_span (from, to, &months, &days);
  append_unit (out, months / 12, "year");
  append_unit (out, months % 12, "month");
  append_unit (out, days, "day");

  return g_string_free (out, FALSE);
}

static void
get_today (SixDb *db,
           GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (six_db_now (db) / 1000);

  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

/* assistance-requests: the concept note's table, one row per State, category and year. */

static int
compare_requests (gconstpointer a,
                  gconstpointer b)
{
  SixRecord *ra = *(SixRecord * const *) a;
  SixRecord *rb = *(SixRecord * const *) b;
  gint64 ya = six_record_get_int (ra, "year", 0);
  gint64 yb = six_record_get_int (rb, "year", 0);
  guint ca = index_in (six_categories, six_record_get_string (ra, "category"));
  guint cb = index_in (six_categories, six_record_get_string (rb, "category"));
  int order;

  if (ya != yb)
    return ya < yb ? -1 : 1;
  if (ca != cb)
    return ca < cb ? -1 : 1;

  order = g_strcmp0 (six_record_get_string (ra, "country"),
                     six_record_get_string (rb, "country"));
  if (order != 0)
    return order;

  return strcmp (six_record_get_id (ra), six_record_get_id (rb));
}

static SixReportTable *
build_assistance_requests (SixDb   *db,
                           GError **error)
{
  g_autoptr(SixReportTable) table = six_report_table_new ();
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  const SixKind *kind = six_kind_lookup ("assistance_request");
  int category_field = six_kind_field_index (kind, "category");
  guint year, category, country, name, status, description, amount, currency, source;
  guint confidence, verified;

  countries = list_live (db, "country", FALSE, error);
  if (countries == NULL)
    return NULL;
  requests = list_live (db, "assistance_request", TRUE, error);
  if (requests == NULL)
    return NULL;

  by_id = index_by_id (countries);
  g_ptr_array_sort (requests, compare_requests);

  year = six_report_table_add_column (table, "year", SIX_REPORT_COLUMN_INTEGER);
  category = six_report_table_add_column (table, "category", SIX_REPORT_COLUMN_TEXT);
  country = six_report_table_add_column (table, "country", SIX_REPORT_COLUMN_TEXT);
  name = six_report_table_add_column (table, "name", SIX_REPORT_COLUMN_TEXT);
  status = six_report_table_add_column (table, "status", SIX_REPORT_COLUMN_TEXT);
  description = six_report_table_add_column (table, "description", SIX_REPORT_COLUMN_TEXT);
  amount = six_report_table_add_column (table, "amount", SIX_REPORT_COLUMN_TEXT);
  currency = six_report_table_add_column (table, "currency", SIX_REPORT_COLUMN_TEXT);
  source = six_report_table_add_column (table, "source", SIX_REPORT_COLUMN_TEXT);
  confidence = six_report_table_add_column (table, "confidence", SIX_REPORT_COLUMN_TEXT);
  verified = six_report_table_add_column (table, "verified", SIX_REPORT_COLUMN_BOOLEAN);

  for (guint i = 0; i < requests->len; i++)
    {
      SixRecord *request = requests->pdata[i];
      const SixFieldStamp *stamp = six_record_get_nth_stamp (request, (guint) category_field);
      guint row = six_report_table_add_row (table);

      six_report_table_set_int (table, row, year, six_record_get_int (request, "year", 0));
      set_field (table, row, category, request, "category");
      set_country (table, row, country, name, by_id, six_record_get_string (request, "country"));
      set_field (table, row, status, request, "status");
      set_field (table, row, description, request, "description");
      set_field (table, row, amount, request, "amount");
      set_field (table, row, currency, request, "currency");
      if (stamp != NULL)
        six_report_table_set_text (table, row, source, stamp->source);
      set_fact (table, row, confidence, verified, request);
    }

  return g_steal_pointer (&table);
}

/* conflicts: the conflict log, oldest first. */

static int
compare_conflicts (gconstpointer a,
                   gconstpointer b)
{
  const SixConflict *ca = *(const SixConflict * const *) a;
  const SixConflict *cb = *(const SixConflict * const *) b;

  return ca->id < cb->id ? -1 : ca->id > cb->id;
}

static char *
dup_writer (SixDb               *db,
            const SixFieldStamp *stamp)
{
  const char *replica = stamp->hlc.replica;
  g_autofree char *name = replica != NULL ? six_db_dup_replica_name (db, replica) : NULL;

  if (name != NULL)
    return g_strdup_printf ("%s (%s)", name, replica);

  return g_strdup (replica);
}

static SixReportTable *
build_conflicts (SixDb   *db,
                 GError **error)
{
  g_autoptr(SixReportTable) table = six_report_table_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  guint id, kind, record, field, lost_value, lost_writer, lost_at, won_value, won_writer;
  guint won_at, logged_at, restored;

  conflicts = six_db_list_conflicts (db, TRUE, error);
  if (conflicts == NULL)
    return NULL;

  g_ptr_array_sort (conflicts, compare_conflicts);

  id = six_report_table_add_column (table, "id", SIX_REPORT_COLUMN_INTEGER);
  kind = six_report_table_add_column (table, "kind", SIX_REPORT_COLUMN_TEXT);
  record = six_report_table_add_column (table, "record", SIX_REPORT_COLUMN_TEXT);
  field = six_report_table_add_column (table, "field", SIX_REPORT_COLUMN_TEXT);
  lost_value = six_report_table_add_column (table, "lost_value", SIX_REPORT_COLUMN_TEXT);
  lost_writer = six_report_table_add_column (table, "lost_writer", SIX_REPORT_COLUMN_TEXT);
  lost_at = six_report_table_add_column (table, "lost_at", SIX_REPORT_COLUMN_TEXT);
  won_value = six_report_table_add_column (table, "won_value", SIX_REPORT_COLUMN_TEXT);
  won_writer = six_report_table_add_column (table, "won_writer", SIX_REPORT_COLUMN_TEXT);
  won_at = six_report_table_add_column (table, "won_at", SIX_REPORT_COLUMN_TEXT);
  logged_at = six_report_table_add_column (table, "logged_at", SIX_REPORT_COLUMN_TEXT);
  restored = six_report_table_add_column (table, "restored", SIX_REPORT_COLUMN_BOOLEAN);

  for (guint i = 0; i < conflicts->len; i++)
    {
      const SixConflict *conflict = conflicts->pdata[i];
      guint row = six_report_table_add_row (table);

      six_report_table_set_int (table, row, id, conflict->id);
      six_report_table_set_text (table, row, kind, conflict->kind->name);
      six_report_table_set_text (table, row, record, conflict->record_id);
      if (conflict->field < conflict->kind->n_fields)
        six_report_table_set_text (table, row, field,
                                   conflict->kind->fields[conflict->field].name);
      else
        six_report_table_set_text (table, row, field, conflict->extra_field);
      take_cell (table, row, lost_value, value_to_text (conflict->lost_value));
      take_cell (table, row, lost_writer, dup_writer (db, &conflict->lost_stamp));
      take_cell (table, row, lost_at, format_ms (conflict->lost_stamp.hlc.wall));
      take_cell (table, row, won_value, value_to_text (conflict->won_value));
      take_cell (table, row, won_writer, dup_writer (db, &conflict->won_stamp));
      take_cell (table, row, won_at, format_ms (conflict->won_stamp.hlc.wall));
      take_cell (table, row, logged_at, format_ms (conflict->created_at));
      six_report_table_set_boolean (table, row, restored, conflict->restored);
    }

  return g_steal_pointer (&table);
}

/* states: every country, by CCM status then code, with its obligations' deadlines. */

static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  SixRecord *ca = *(SixRecord * const *) a;
  SixRecord *cb = *(SixRecord * const *) b;
  guint sa = index_in (status_order, six_record_get_string (ca, "status"));
  guint sb = index_in (status_order, six_record_get_string (cb, "status"));

  if (sa != sb)
    return sa < sb ? -1 : 1;

  return strcmp (six_record_get_id (ca), six_record_get_id (cb));
}

/* "LBN art4" → the first live obligation (in id order) of that State and article. */
static GHashTable *
index_obligations (GPtrArray *obligations)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < obligations->len; i++)
    {
      SixRecord *obligation = obligations->pdata[i];
      char *key = g_strdup_printf ("%s %s", six_record_get_string (obligation, "country"),
                                   six_record_get_string (obligation, "article"));

      if (g_hash_table_contains (index, key))
        g_free (key);
      else
        g_hash_table_insert (index, key, obligation);
    }

  return index;
}

static SixRecord *
find_obligation (GHashTable *index,
                 const char *country,
                 const char *article)
{
  g_autofree char *key = g_strdup_printf ("%s %s", country, article);

  return g_hash_table_lookup (index, key);
}

static SixReportTable *
build_states (SixDb   *db,
              GError **error)
{
  g_autoptr(SixReportTable) table = six_report_table_new ();
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) by_article = NULL;
  guint country, name, region, status, signed_on, instrument, instrument_on;
  guint entry_into_force, withdrawn_on, art3_deadline, art3_status, art4_deadline;
  guint art4_status, art5, confidence, verified;

  countries = list_live (db, "country", FALSE, error);
  if (countries == NULL)
    return NULL;
  obligations = list_live (db, "obligation", FALSE, error);
  if (obligations == NULL)
    return NULL;

  by_id = index_by_id (countries);
  by_article = index_obligations (obligations);
  g_ptr_array_sort (countries, compare_countries);

  country = six_report_table_add_column (table, "country", SIX_REPORT_COLUMN_TEXT);
  name = six_report_table_add_column (table, "name", SIX_REPORT_COLUMN_TEXT);
  region = six_report_table_add_column (table, "region", SIX_REPORT_COLUMN_TEXT);
  status = six_report_table_add_column (table, "status", SIX_REPORT_COLUMN_TEXT);
  signed_on = six_report_table_add_column (table, "signed_on", SIX_REPORT_COLUMN_TEXT);
  instrument = six_report_table_add_column (table, "instrument", SIX_REPORT_COLUMN_TEXT);
  instrument_on = six_report_table_add_column (table, "instrument_on", SIX_REPORT_COLUMN_TEXT);
  entry_into_force = six_report_table_add_column (table, "entry_into_force",
                                                  SIX_REPORT_COLUMN_TEXT);
  withdrawn_on = six_report_table_add_column (table, "withdrawn_on", SIX_REPORT_COLUMN_TEXT);
  art3_deadline = six_report_table_add_column (table, "art3_deadline", SIX_REPORT_COLUMN_TEXT);
  art3_status = six_report_table_add_column (table, "art3_status", SIX_REPORT_COLUMN_TEXT);
  art4_deadline = six_report_table_add_column (table, "art4_deadline", SIX_REPORT_COLUMN_TEXT);
  art4_status = six_report_table_add_column (table, "art4_status", SIX_REPORT_COLUMN_TEXT);
  art5 = six_report_table_add_column (table, "art5", SIX_REPORT_COLUMN_BOOLEAN);
  confidence = six_report_table_add_column (table, "confidence", SIX_REPORT_COLUMN_TEXT);
  verified = six_report_table_add_column (table, "verified", SIX_REPORT_COLUMN_BOOLEAN);

  for (guint i = 0; i < countries->len; i++)
    {
      SixRecord *record = countries->pdata[i];
      const char *id = six_record_get_id (record);
      SixRecord *art3 = find_obligation (by_article, id, "art3");
      SixRecord *art4 = find_obligation (by_article, id, "art4");
      guint row = six_report_table_add_row (table);

      set_country (table, row, country, name, by_id, id);
      set_field (table, row, region, record, "region");
      set_field (table, row, status, record, "status");
      set_field (table, row, signed_on, record, "signed_on");
      set_field (table, row, instrument, record, "instrument");
      set_field (table, row, instrument_on, record, "instrument_on");
      set_field (table, row, entry_into_force, record, "entry_into_force");
      set_field (table, row, withdrawn_on, record, "withdrawn_on");
      if (art3 != NULL)
        {
          set_field (table, row, art3_deadline, art3, "current_deadline");
          set_field (table, row, art3_status, art3, "status");
        }
      if (art4 != NULL)
        {
          set_field (table, row, art4_deadline, art4, "current_deadline");
          set_field (table, row, art4_status, art4, "status");
        }
      six_report_table_set_boolean (table, row, art5,
                                    find_obligation (by_article, id, "art5") != NULL);
      set_fact (table, row, confidence, verified, record);
    }

  return g_steal_pointer (&table);
}

/* deadlines: every obligation with a deadline, soonest first, and the time left. */

static const char *
get_deadline (SixRecord *obligation)
{
  const char *current = six_record_get_string (obligation, "current_deadline");

  return current != NULL ? current : six_record_get_string (obligation, "original_deadline");
}

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  SixRecord *oa = *(SixRecord * const *) a;
  SixRecord *ob = *(SixRecord * const *) b;
  int order = g_strcmp0 (get_deadline (oa), get_deadline (ob));

  if (order != 0)
    return order;

  order = g_strcmp0 (six_record_get_string (oa, "country"),
                     six_record_get_string (ob, "country"));
  if (order != 0)
    return order;

  order = g_strcmp0 (six_record_get_string (oa, "article"),
                     six_record_get_string (ob, "article"));
  if (order != 0)
    return order;

  return strcmp (six_record_get_id (oa), six_record_get_id (ob));
}

static SixReportTable *
build_deadlines (SixDb   *db,
                 GError **error)
{
  g_autoptr(SixReportTable) table = six_report_table_new ();
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GPtrArray) dated = g_ptr_array_new ();
  g_autoptr(GHashTable) by_id = NULL;
  guint obligation, country, name, article, deadline, original, status, completed_on;
  guint days_left, time_left, confidence, verified;
  GDate today;

  countries = list_live (db, "country", FALSE, error);
  if (countries == NULL)
    return NULL;
  obligations = list_live (db, "obligation", FALSE, error);
  if (obligations == NULL)
    return NULL;

  by_id = index_by_id (countries);
  get_today (db, &today);

  /* Art. 5 has no deadline, so it has no place in this list. */
  for (guint i = 0; i < obligations->len; i++)
    if (six_date_is_valid (get_deadline (obligations->pdata[i])))
      g_ptr_array_add (dated, obligations->pdata[i]);
  g_ptr_array_sort (dated, compare_deadlines);

  obligation = six_report_table_add_column (table, "obligation", SIX_REPORT_COLUMN_TEXT);
  country = six_report_table_add_column (table, "country", SIX_REPORT_COLUMN_TEXT);
  name = six_report_table_add_column (table, "name", SIX_REPORT_COLUMN_TEXT);
  article = six_report_table_add_column (table, "article", SIX_REPORT_COLUMN_TEXT);
  deadline = six_report_table_add_column (table, "current_deadline", SIX_REPORT_COLUMN_TEXT);
  original = six_report_table_add_column (table, "original_deadline", SIX_REPORT_COLUMN_TEXT);
  status = six_report_table_add_column (table, "status", SIX_REPORT_COLUMN_TEXT);
  completed_on = six_report_table_add_column (table, "completed_on", SIX_REPORT_COLUMN_TEXT);
  days_left = six_report_table_add_column (table, "days_left", SIX_REPORT_COLUMN_INTEGER);
  time_left = six_report_table_add_column (table, "time_left", SIX_REPORT_COLUMN_TEXT);
  confidence = six_report_table_add_column (table, "confidence", SIX_REPORT_COLUMN_TEXT);
  verified = six_report_table_add_column (table, "verified", SIX_REPORT_COLUMN_BOOLEAN);

  for (guint i = 0; i < dated->len; i++)
    {
      SixRecord *record = dated->pdata[i];
      guint row = six_report_table_add_row (table);
      GDate due;

      six_report_table_set_text (table, row, obligation, six_record_get_id (record));
      set_country (table, row, country, name, by_id, six_record_get_string (record, "country"));
      set_field (table, row, article, record, "article");
      six_report_table_set_text (table, row, deadline, get_deadline (record));
      set_field (table, row, original, record, "original_deadline");
      set_field (table, row, status, record, "status");
      set_field (table, row, completed_on, record, "completed_on");
      set_fact (table, row, confidence, verified, record);

      if (g_strcmp0 (six_record_get_string (record, "status"), "completed") == 0)
        {
          six_report_table_set_text (table, row, time_left, "completed");
          continue;
        }

      if (six_date_parse (get_deadline (record), &due))
        {
          int days = g_date_days_between (&today, &due);
          g_autofree char *span = NULL;

          six_report_table_set_int (table, row, days_left, days);
          if (days == 0)
            six_report_table_set_text (table, row, time_left, "today");
          else if (days > 0)
            take_cell (table, row, time_left, describe_span (&today, &due));
          else
            {
              span = describe_span (&due, &today);
              take_cell (table, row, time_left, g_strconcat ("overdue by ", span, NULL));
            }
        }
    }

  return g_steal_pointer (&table);
}

/**
 * six_report_build:
 * @name: one of six_report_get_names ()
 *
 * Returns: (transfer full): the report's table, rows in a stable order
 */
SixReportTable *
six_report_build (SixDb       *db,
                  const char  *name,
                  GError     **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strcmp (name, "assistance-requests") == 0)
    return build_assistance_requests (db, error);
  if (strcmp (name, "conflicts") == 0)
    return build_conflicts (db, error);
  if (strcmp (name, "deadlines") == 0)
    return build_deadlines (db, error);
  if (strcmp (name, "states") == 0)
    return build_states (db, error);

  {
    g_autofree char *known = g_strjoinv (", ", (char **) report_names);

    g_set_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_FAILED,
                 _("there is no report “%s” (reports: %s)"), name, known);
  }

  return NULL;
}

char *
six_report_run (SixDb            *db,
                const char       *name,
                SixReportFormat   format,
                GError          **error)
{
  g_autoptr(SixReportTable) table = six_report_build (db, name, error);

  if (table == NULL)
    return NULL;

  return six_report_table_format (table, format);
}
