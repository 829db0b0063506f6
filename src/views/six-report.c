/* six-report.c — tables over the overview and the store: text, JSON, CSV, and an iCalendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-report"

#include "config.h"

#include "six-report.h"

#include "six-coalition.h"
#include "six-db.h"
#include "six-deadline.h"
#include "six-display-name.h"
#include "six-exchange-file.h"
#include "six-iso-codes.h"
#include "six-labels.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  char                *name;   /* stable, for JSON */
  char                *title;  /* translated, for text and CSV */
  SixReportColumnType  type;
} Column;

struct _SixReportTable
{
  GArray    *columns;  /* Column */
  GPtrArray *rows;     /* GPtrArray of char *: each column's value, then each column's label */
};

typedef struct
{
  const char *code;
  const char *label;
} Word;

static const char * const report_names[] = {
  "assistance-requests", "coalitions", "conflicts", "deadlines", "overview", "states", NULL
};

static const char * const status_order[] = {
  "party", "signatory", "withdrawn", "not_party", NULL
};

static const char * const contribution_status_order[] = {
  "pledged", "committed", "disbursed", "delivered", NULL
};

/* Indexed by SixCoverage. */
static const Word coverage_words[] = {
  { "answered", N_("Answered") },
  { "partly", N_("Partly answered") },
  { "unanswered", N_("Unanswered") },
};

/* Indexed by SixDeadlineBucket. */
static const Word bucket_words[] = {
  { "passed", N_("Passed") },
  { "extension_requested", N_("Extension requested") },
  { "status_unknown", N_("Status unknown") },
  { "within_12_months", N_("Within 12 months") },
  { "within_36_months", N_("Within 36 months") },
  { "later", N_("Later") },
};

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->name);
  g_free (column->title);
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

/**
 * six_report_table_add_column:
 * @name: the column's stable name, JSON's member name
 * @title: (nullable): its translated heading for text and CSV, or %NULL for @name
 *
 * Columns come first: a table's shape is fixed before its first row.
 */
guint
six_report_table_add_column (SixReportTable      *self,
                             const char          *name,
                             const char          *title,
                             SixReportColumnType  type)
{
  Column column = { g_strdup (name), g_strdup (title != NULL ? title : name), type };

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

  cells = g_ptr_array_new_full (2 * self->columns->len, g_free);
  g_ptr_array_set_size (cells, 2 * self->columns->len);
  g_ptr_array_add (self->rows, cells);

  return self->rows->len - 1;
}

static void
take_slot (SixReportTable *self,
           guint           row,
           guint           slot,
           char           *text)
{
  GPtrArray *cells = self->rows->pdata[row];

  g_free (cells->pdata[slot]);
  cells->pdata[slot] = text;
}

static void
take_cell (SixReportTable *self,
           guint           row,
           guint           column,
           char           *text)
{
  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (column < self->columns->len);

  take_slot (self, row, column, text);
}

static void
take_label (SixReportTable *self,
            guint           row,
            guint           column,
            char           *label)
{
  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (column < self->columns->len);

  take_slot (self, row, self->columns->len + column, label);
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

/* What text and CSV show for a cell instead of its value: a code's translated word. */
void
six_report_table_set_label (SixReportTable *self,
                            guint           row,
                            guint           column,
                            const char     *label)
{
  g_return_if_fail (self != NULL);

  take_label (self, row, column, g_strdup (label));
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

const char *
six_report_table_get_column_title (SixReportTable *self,
                                   guint           column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, Column, column).title;
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

/* The cell's value: a code, as JSON gives it. */
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

/* The cell as text and CSV show it: its label, a truth as a translated word, or its value. */
const char *
six_report_table_get_label (SixReportTable *self,
                            guint           row,
                            guint           column)
{
  GPtrArray *cells;
  const char *value;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  cells = self->rows->pdata[row];
  value = cells->pdata[column];
  if (cells->pdata[self->columns->len + column] != NULL)
    return cells->pdata[self->columns->len + column];
  if (value != NULL && g_array_index (self->columns, Column, column).type ==
                       SIX_REPORT_COLUMN_BOOLEAN)
    return strcmp (value, "true") == 0 ? C_("report", "yes") : C_("report", "no");

  return value;
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
    widths[c] = g_utf8_strlen (g_array_index (self->columns, Column, c).title, -1);

  for (guint r = 0; r < self->rows->len; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        char *cell = flatten (six_report_table_get_label (self, r, c));

        widths[c] = MAX (widths[c], g_utf8_strlen (cell, -1));
        g_ptr_array_add (flat, cell);
      }

  for (guint c = 0; c < n_columns; c++)
    append_padded (out, g_array_index (self->columns, Column, c).title, widths[c],
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
      /* Empty last cells leave the padding of the ones before: no trailing spaces. */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
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

/* A spreadsheet runs a cell that starts with one of = + - @ tab CR as a formula (OWASP, "CSV
 * injection"); a plain number such as -12.5 is not one. */
static gboolean
csv_cell_is_formula (const char *cell)
{
  char *end;

  if (cell[0] == '\0' || strchr ("=+-@\t\r", cell[0]) == NULL)
    return FALSE;

  g_ascii_strtod (cell, &end);

  return end == cell || *end != '\0';
}

static void
append_csv_cell (GString    *out,
                 const char *cell)
{
  gboolean formula;

  if (cell == NULL)
    return;

  formula = csv_cell_is_formula (cell);
  if (!formula && strpbrk (cell, ",\"\r\n") == NULL)
    {
      g_string_append (out, cell);
      return;
    }

  /* A leading quote makes the spreadsheet show the cell as text. */
  g_string_append (out, formula ? "\"'" : "\"");
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
      append_csv_cell (out, g_array_index (self->columns, Column, c).title);
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < self->rows->len; r++)
    {
      for (guint c = 0; c < self->columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_cell (out, six_report_table_get_label (self, r, c));
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

/* A code and its word: "victim_assistance" for JSON, "Victim assistance" for people. */
static void
set_coded (SixReportTable *table,
           guint           row,
           guint           column,
           const char     *kind_name,
           const char     *field,
           const char     *code)
{
  six_report_table_set_text (table, row, column, code);
  if (code != NULL)
    six_report_table_set_label (table, row, column, six_value_label (kind_name, field, code));
}

static void
set_word (SixReportTable *table,
          guint           row,
          guint           column,
          const Word     *word)
{
  six_report_table_set_text (table, row, column, word->code);
  six_report_table_set_label (table, row, column, _(word->label));
}

static void
set_field (SixReportTable *table,
           guint           row,
           guint           column,
           SixRecord      *record,
           const char     *field)
{
  set_coded (table, row, column, six_record_get_kind_name (record), field,
             six_record_get_string (record, field));
}

static void
set_fact (SixReportTable *table,
          guint           row,
          guint           confidence_column,
          guint           verified_column,
          SixRecord      *record)
{
  const char *confidence = six_record_get_string (record, "confidence");

  six_report_table_set_text (table, row, confidence_column, confidence);
  if (confidence != NULL)
    six_report_table_set_label (table, row, confidence_column,
                                six_confidence_label (confidence));
  if (six_record_get_value (record, "verified") != NULL)
    six_report_table_set_boolean (table, row, verified_column,
                                  six_record_get_boolean (record, "verified"));
}

static guint
add_fact_columns (SixReportTable *table,
                  guint          *verified)
{
  guint confidence = six_report_table_add_column (table, "confidence",
                                                  C_("report column", "Confidence"),
                                                  SIX_REPORT_COLUMN_TEXT);

  *verified = six_report_table_add_column (table, "verified", C_("report column", "Verified"),
                                           SIX_REPORT_COLUMN_BOOLEAN);

  return confidence;
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

/* "1250000.5": ten-thousandths as the model writes a decimal, for JSON. */
static char *
format_decimal (gint64 ten_thousandths)
{
  g_autofree char *fraction = NULL;
  gsize len;

  if (ten_thousandths % 10000 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, ten_thousandths / 10000);

  fraction = g_strdup_printf ("%04d", (int) (ten_thousandths % 10000));
  for (len = strlen (fraction); fraction[len - 1] == '0'; len--)
    fraction[len - 1] = '\0';

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%s", ten_thousandths / 10000, fraction);
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

/* "1 year 2 months 3 days" from @from to a later @to: JSON's stable English. */
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

/* The day reports count from: the database clock's (a test's fixed day), in UTC. */
void
six_report_get_today (SixDb *db,
                      GDate *today)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (db != NULL);
  g_return_if_fail (today != NULL);

  now = g_date_time_new_from_unix_utc (six_db_now (db) / 1000);
  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static char *
join_ptr_array (GPtrArray  *items,
                const char *separator)
{
  if (items->len == 0)
    return NULL;

  g_ptr_array_add (items, NULL);
  {
    char *joined = g_strjoinv (separator, (char **) items->pdata);

    g_ptr_array_remove_index (items, items->len - 1);

    return joined;
  }
}

/**
 * six_report_load_overview:
 * @first_year: the span's first year, or 0 for the latest year holding data
 * @last_year: its last, or 0 for @first_year
 *
 * The overview as of the database clock's today, as every report sees it.
 *
 * Returns: (transfer full): the overview, or %NULL with @error set
 */
SixOverview *
six_report_load_overview (SixDb   *db,
                          int      first_year,
                          int      last_year,
                          GError **error)
{
  GDate today;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  six_report_get_today (db, &today);

  return six_overview_build (db, first_year, last_year, &today, error);
}

/* assistance-requests: the concept note's table, one row per State, category and year, with
 * the contributions that answer each request. */

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

/* The overview over every year holding data: each request of the store with its answers. */
static SixOverview *
load_overview_of_all_years (SixDb   *db,
                            GError **error)
{
  g_autoptr(SixOverview) latest = six_report_load_overview (db, 0, 0, error);
  GArray *years;

  if (latest == NULL)
    return NULL;

  years = six_overview_get_years (latest);
  if (years->len < 2)
    return g_steal_pointer (&latest);

  return six_report_load_overview (db, g_array_index (years, SixOverviewYear, 0).year,
                                   g_array_index (years, SixOverviewYear, years->len - 1).year,
                                   error);
}

static char *
dup_donor_name (GHashTable *countries,
                GHashTable *organisations,
                const char *id)
{
  SixRecord *record;

  if ((record = g_hash_table_lookup (organisations, id)) != NULL)
    return g_strdup (six_record_get_string (record, "name"));
  if ((record = g_hash_table_lookup (countries, id)) != NULL)
    return six_iso_codes_dup_country_name (record);

  return g_strdup (id);
}

/* The answers' amounts, one sum per currency: "150000 EUR; 20000 USD", never one total. */
static void
set_response_amounts (SixReportTable *table,
                      guint           row,
                      guint           column,
                      GPtrArray      *responses)
{
  g_autoptr(GPtrArray) sums = six_amount_sum_by_currency (responses);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < sums->len; s++)
    {
      SixAmountSum *sum = sums->pdata[s];
      g_autofree char *decimal = NULL;

      if (sum->overflow)
        {
          /* Too large to add up: the currency stays, the figure would be a lie. */
          g_ptr_array_add (values, g_strjoin (" ", "…", sum->currency, NULL));
          g_ptr_array_add (labels, g_strjoin (" ", "…", sum->currency, NULL));
          continue;
        }
      decimal = format_decimal (sum->total);
      g_ptr_array_add (values, g_strjoin (" ", decimal, sum->currency, NULL));
      g_ptr_array_add (labels, six_amount_format (sum->total, sum->currency));
    }

  take_cell (table, row, column, join_ptr_array (values, "; "));
  take_label (table, row, column, join_ptr_array (labels, "; "));
}

static void
set_responses (SixReportTable     *table,
               guint               row,
               guint               answered,
               guint               donors,
               guint               amounts,
               guint               statuses,
               SixOverviewRequest *request,
               GHashTable         *countries,
               GHashTable         *organisations)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  gboolean seen[G_N_ELEMENTS (contribution_status_order)] = { FALSE };

  set_word (table, row, answered, &coverage_words[request->coverage]);

  for (guint i = 0; i < request->responses->len; i++)
    {
      SixRecord *contribution = request->responses->pdata[i];
      g_autofree char *name = dup_donor_name (countries, organisations,
                                              six_record_get_string (contribution, "donor"));
      const char *status = six_record_get_string (contribution, "status");

      if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, g_steal_pointer (&name));
      if (status != NULL)
        seen[index_in (contribution_status_order, status)] = TRUE;
    }

  /* Statuses in the order money moves, each once. */
  for (guint s = 0; contribution_status_order[s] != NULL; s++)
    if (seen[s])
      {
        g_ptr_array_add (codes, (gpointer) contribution_status_order[s]);
        g_ptr_array_add (words, (gpointer) six_value_label ("contribution", "status",
                                                            contribution_status_order[s]));
      }

  g_ptr_array_sort (names, compare_collated);
  take_cell (table, row, donors, join_ptr_array (names, "; "));
  set_response_amounts (table, row, amounts, request->responses);
  take_cell (table, row, statuses, join_ptr_array (codes, ", "));
  take_label (table, row, statuses, join_ptr_array (words, ", "));
}

static SixReportTable *
build_assistance_requests (SixDb   *db,
                           GError **error)
{
  g_autoptr(SixReportTable) table = six_report_table_new ();
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) organisations_by_id = NULL;
  g_autoptr(GHashTable) needs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SixOverview) overview = NULL;
  GPtrArray *overview_requests;
  const SixKind *kind = six_kind_lookup ("assistance_request");
  int category_field = six_kind_field_index (kind, "category");
  guint year, category, country, name, status, description, amount, currency, source;
  guint confidence, verified, answered, donors, amounts, response_statuses;

  if ((countries = list_live (db, "country", FALSE, error)) == NULL ||
      (organisations = list_live (db, "organisation", FALSE, error)) == NULL ||
      (requests = list_live (db, "assistance_request", TRUE, error)) == NULL ||
      (overview = load_overview_of_all_years (db, error)) == NULL)
    return NULL;

  by_id = index_by_id (countries);
  organisations_by_id = index_by_id (organisations);
  g_ptr_array_sort (requests, compare_requests);

  /* Who answers what is the overview's to say: withdrawn requests are nobody's need. */
  overview_requests = six_overview_get_requests (overview);
  for (guint i = 0; i < overview_requests->len; i++)
    {
      SixOverviewRequest *need = overview_requests->pdata[i];

      g_hash_table_insert (needs, (gpointer) six_record_get_id (need->request), need);
    }

  year = six_report_table_add_column (table, "year", six_field_label ("year"),
                                      SIX_REPORT_COLUMN_INTEGER);
  category = six_report_table_add_column (table, "category", six_field_label ("category"),
                                          SIX_REPORT_COLUMN_TEXT);
  country = six_report_table_add_column (table, "country", C_("report column", "Code"),
                                         SIX_REPORT_COLUMN_TEXT);
  name = six_report_table_add_column (table, "name", C_("report column", "State"),
                                      SIX_REPORT_COLUMN_TEXT);
  status = six_report_table_add_column (table, "status", six_field_label ("status"),
                                        SIX_REPORT_COLUMN_TEXT);
  description = six_report_table_add_column (table, "description",
                                             six_field_label ("description"),
                                             SIX_REPORT_COLUMN_TEXT);
  amount = six_report_table_add_column (table, "amount", six_field_label ("amount"),
                                        SIX_REPORT_COLUMN_TEXT);
  currency = six_report_table_add_column (table, "currency", C_("report column", "Currency"),
                                          SIX_REPORT_COLUMN_TEXT);
  source = six_report_table_add_column (table, "source", C_("report column", "Source"),
                                        SIX_REPORT_COLUMN_TEXT);
  confidence = add_fact_columns (table, &verified);
  answered = six_report_table_add_column (table, "answered", C_("report column", "Answered"),
                                          SIX_REPORT_COLUMN_TEXT);
  donors = six_report_table_add_column (table, "donors", C_("report column", "Donors"),
                                        SIX_REPORT_COLUMN_TEXT);
  amounts = six_report_table_add_column (table, "amounts", C_("report column", "Amounts given"),
                                         SIX_REPORT_COLUMN_TEXT);
  response_statuses = six_report_table_add_column (table, "response_statuses",
                                                   C_("report column", "Contributions"),
                                                   SIX_REPORT_COLUMN_TEXT);

  for (guint i = 0; i < requests->len; i++)
    {
      SixRecord *request = requests->pdata[i];
      const SixFieldStamp *stamp = six_record_get_nth_stamp (request, (guint) category_field);
      SixOverviewRequest *need = g_hash_table_lookup (needs, six_record_get_id (request));
      guint row = six_report_table_add_row (table);
      gint64 asked;

      six_report_table_set_int (table, row, year, six_record_get_int (request, "year", 0));
      set_field (table, row, category, request, "category");
      set_country (table, row, country, name, by_id, six_record_get_string (request, "country"));
      set_field (table, row, status, request, "status");
      set_field (table, row, description, request, "description");
      set_field (table, row, amount, request, "amount");
      if (six_amount_parse (six_record_get_string (request, "amount"), &asked))
        take_label (table, row, amount, six_amount_format (asked, NULL));
      set_field (table, row, currency, request, "currency");
      if (stamp != NULL)
        six_report_table_set_text (table, row, source, stamp->source);
      set_fact (table, row, confidence, verified, request);
      if (need != NULL)
        set_responses (table, row, answered, donors, amounts, response_statuses, need, by_id,
                       organisations_by_id);
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

/* A record's display name as the label of the cell that holds its id (kept for JSON). */
static void
label_record (SixReportTable *table,
              guint           row,
              guint           column,
              SixDb          *db,
              const SixKind  *kind,
              const char     *id)
{
  g_autoptr(SixRecord) record = six_db_get_record (db, kind, id, TRUE, NULL);

  if (record != NULL)
    take_label (table, row, column, six_record_dup_display_name (record));
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

  id = six_report_table_add_column (table, "id", C_("report column", "No."),
                                    SIX_REPORT_COLUMN_INTEGER);
  kind = six_report_table_add_column (table, "kind", C_("report column", "Kind"),
                                      SIX_REPORT_COLUMN_TEXT);
  record = six_report_table_add_column (table, "record", C_("report column", "Record"),
                                        SIX_REPORT_COLUMN_TEXT);
  field = six_report_table_add_column (table, "field", C_("report column", "Field"),
                                       SIX_REPORT_COLUMN_TEXT);
  lost_value = six_report_table_add_column (table, "lost_value",
                                            C_("report column", "Value lost"),
                                            SIX_REPORT_COLUMN_TEXT);
  lost_writer = six_report_table_add_column (table, "lost_writer",
                                             C_("report column", "Lost by"),
                                             SIX_REPORT_COLUMN_TEXT);
  lost_at = six_report_table_add_column (table, "lost_at", C_("report column", "Lost value of"),
                                         SIX_REPORT_COLUMN_TEXT);
  won_value = six_report_table_add_column (table, "won_value",
                                           C_("report column", "Value kept"),
                                           SIX_REPORT_COLUMN_TEXT);
  won_writer = six_report_table_add_column (table, "won_writer",
                                            C_("report column", "Kept from"),
                                            SIX_REPORT_COLUMN_TEXT);
  won_at = six_report_table_add_column (table, "won_at", C_("report column", "Kept value of"),
                                        SIX_REPORT_COLUMN_TEXT);
  logged_at = six_report_table_add_column (table, "logged_at", C_("report column", "Logged"),
                                           SIX_REPORT_COLUMN_TEXT);
  restored = six_report_table_add_column (table, "restored", C_("report column", "Restored"),
                                          SIX_REPORT_COLUMN_BOOLEAN);

  for (guint i = 0; i < conflicts->len; i++)
    {
      const SixConflict *conflict = conflicts->pdata[i];
      const char *field_name = conflict->field < conflict->kind->n_fields
                               ? conflict->kind->fields[conflict->field].name
                               : conflict->extra_field;
      guint row = six_report_table_add_row (table);

      six_report_table_set_int (table, row, id, conflict->id);
      six_report_table_set_text (table, row, kind, conflict->kind->name);
      six_report_table_set_label (table, row, kind, six_kind_label (conflict->kind->name));
      six_report_table_set_text (table, row, record, conflict->record_id);
      label_record (table, row, record, db, conflict->kind, conflict->record_id);
      six_report_table_set_text (table, row, field, field_name);
      if (field_name != NULL)
        six_report_table_set_label (table, row, field, six_field_label (field_name));
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

  country = six_report_table_add_column (table, "country", C_("report column", "Code"),
                                         SIX_REPORT_COLUMN_TEXT);
  name = six_report_table_add_column (table, "name", C_("report column", "State"),
                                      SIX_REPORT_COLUMN_TEXT);
  region = six_report_table_add_column (table, "region", six_field_label ("region"),
                                        SIX_REPORT_COLUMN_TEXT);
  status = six_report_table_add_column (table, "status", six_field_label ("status"),
                                        SIX_REPORT_COLUMN_TEXT);
  signed_on = six_report_table_add_column (table, "signed_on", six_field_label ("signed_on"),
                                           SIX_REPORT_COLUMN_TEXT);
  instrument = six_report_table_add_column (table, "instrument",
                                            C_("report column", "Instrument"),
                                            SIX_REPORT_COLUMN_TEXT);
  instrument_on = six_report_table_add_column (table, "instrument_on",
                                               six_field_label ("instrument_on"),
                                               SIX_REPORT_COLUMN_TEXT);
  entry_into_force = six_report_table_add_column (table, "entry_into_force",
                                                  six_field_label ("entry_into_force"),
                                                  SIX_REPORT_COLUMN_TEXT);
  withdrawn_on = six_report_table_add_column (table, "withdrawn_on",
                                              six_field_label ("withdrawn_on"),
                                              SIX_REPORT_COLUMN_TEXT);
  art3_deadline = six_report_table_add_column (table, "art3_deadline",
                                               C_("report column", "Art. 3 deadline"),
                                               SIX_REPORT_COLUMN_TEXT);
  art3_status = six_report_table_add_column (table, "art3_status",
                                             C_("report column", "Art. 3 status"),
                                             SIX_REPORT_COLUMN_TEXT);
  art4_deadline = six_report_table_add_column (table, "art4_deadline",
                                               C_("report column", "Art. 4 deadline"),
                                               SIX_REPORT_COLUMN_TEXT);
  art4_status = six_report_table_add_column (table, "art4_status",
                                             C_("report column", "Art. 4 status"),
                                             SIX_REPORT_COLUMN_TEXT);
  art5 = six_report_table_add_column (table, "art5", C_("report column", "Art. 5"),
                                      SIX_REPORT_COLUMN_BOOLEAN);
  confidence = add_fact_columns (table, &verified);

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

/* coalitions: every Country Coalition, its lead, members, nearest deadline, next meeting and
 * follow-ups, as the Coalitions page lists them. */

static SixReportTable *
build_coalitions (SixDb   *db,
                  GError **error)
{
  g_autoptr(SixReportTable) table = six_report_table_new ();
  g_autoptr(SixCoalitionView) view = NULL;
  GPtrArray *summaries;
  guint coalition, title, lead, name, status, members, deadline, article, next_meeting;
  guint meeting_title, open, overdue;
  GDate today;

  six_report_get_today (db, &today);
  view = six_coalition_view_build (db, NULL, &today, error);
  if (view == NULL)
    return NULL;
  summaries = six_coalition_view_get_summaries (view);

  coalition = six_report_table_add_column (table, "coalition", C_("report column", "Coalition"),
                                           SIX_REPORT_COLUMN_TEXT);
  title = six_report_table_add_column (table, "title", C_("report column", "Title"),
                                       SIX_REPORT_COLUMN_TEXT);
  lead = six_report_table_add_column (table, "lead", C_("report column", "Code"),
                                      SIX_REPORT_COLUMN_TEXT);
  name = six_report_table_add_column (table, "lead_name", C_("report column", "Lead State"),
                                      SIX_REPORT_COLUMN_TEXT);
  status = six_report_table_add_column (table, "status", six_field_label ("status"),
                                        SIX_REPORT_COLUMN_TEXT);
  members = six_report_table_add_column (table, "members", C_("report column", "Members"),
                                         SIX_REPORT_COLUMN_INTEGER);
  deadline = six_report_table_add_column (table, "nearest_deadline",
                                          C_("report column", "Nearest deadline"),
                                          SIX_REPORT_COLUMN_TEXT);
  article = six_report_table_add_column (table, "deadline_article",
                                         C_("report column", "Article"),
                                         SIX_REPORT_COLUMN_TEXT);
  next_meeting = six_report_table_add_column (table, "next_meeting",
                                              C_("report column", "Next meeting"),
                                              SIX_REPORT_COLUMN_TEXT);
  meeting_title = six_report_table_add_column (table, "next_meeting_title",
                                               C_("report column", "Meeting"),
                                               SIX_REPORT_COLUMN_TEXT);
  open = six_report_table_add_column (table, "open_follow_ups",
                                      C_("report column", "Open follow-ups"),
                                      SIX_REPORT_COLUMN_INTEGER);
  overdue = six_report_table_add_column (table, "overdue_follow_ups",
                                         C_("report column", "Overdue"),
                                         SIX_REPORT_COLUMN_INTEGER);

  for (guint i = 0; i < summaries->len; i++)
    {
      SixCoalitionSummary *summary = summaries->pdata[i];
      guint row = six_report_table_add_row (table);

      six_report_table_set_text (table, row, coalition, six_record_get_id (summary->coalition));
      set_field (table, row, title, summary->coalition, "title");
      six_report_table_set_text (table, row, lead,
                                 six_record_get_string (summary->coalition, "lead"));
      six_report_table_set_text (table, row, name, summary->lead_name);
      set_field (table, row, status, summary->coalition, "status");
      six_report_table_set_int (table, row, members, summary->n_members);
      if (summary->nearest_obligation != NULL)
        {
          six_report_table_set_text (table, row, deadline,
                                     six_obligation_get_deadline (summary->nearest_obligation));
          set_field (table, row, article, summary->nearest_obligation, "article");
        }
      if (summary->next_meeting != NULL)
        {
          set_field (table, row, next_meeting, summary->next_meeting, "held_on");
          set_field (table, row, meeting_title, summary->next_meeting, "title");
        }
      six_report_table_set_int (table, row, open, summary->n_open);
      six_report_table_set_int (table, row, overdue, summary->n_overdue);
    }

  return g_steal_pointer (&table);
}

/* deadlines: every obligation with a deadline, soonest first, and the time left. */

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  SixRecord *oa = *(SixRecord * const *) a;
  SixRecord *ob = *(SixRecord * const *) b;
  const char *da = six_obligation_get_deadline (oa), *db = six_obligation_get_deadline (ob);
  int order = (da == NULL) - (db == NULL);

  if (order != 0)
    return order;
  order = g_strcmp0 (da, db);
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

/* The state's code for JSON, its words (with any low confidence) for text and CSV. */
static void
set_deadline_state (SixReportTable *table,
                    guint           row,
                    guint           column,
                    SixRecord      *obligation,
                    GPtrArray      *extensions,
                    const GDate    *today)
{
  SixDeadlineState state = six_deadline_assess (obligation, extensions, today);

  six_report_table_set_text (table, row, column, six_deadline_state_code (state));
  take_label (table, row, column, six_deadline_describe (obligation, extensions, today));
}

static SixReportTable *
build_deadlines (SixDb   *db,
                 GError **error)
{
  g_autoptr(SixReportTable) table = six_report_table_new ();
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) obligations = NULL;
  g_autoptr(GPtrArray) extensions = NULL;
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  g_autoptr(GHashTable) by_id = NULL;
  guint obligation, country, name, article, deadline, original, status, completed_on;
  guint deadline_status, days_left, time_left, confidence, verified;
  GDate today;

  countries = list_live (db, "country", FALSE, error);
  if (countries == NULL)
    return NULL;
  obligations = list_live (db, "obligation", FALSE, error);
  if (obligations == NULL)
    return NULL;
  extensions = list_live (db, "extension_request", FALSE, error);
  if (extensions == NULL)
    return NULL;

  by_id = index_by_id (countries);
  six_report_get_today (db, &today);

  /* Art. 5 has no deadline, so it has no place in this list; an Art. 3 or 4 deadline nobody
   * knows the day of has, last. */
  for (guint i = 0; i < obligations->len; i++)
    if (g_strcmp0 (six_record_get_string (obligations->pdata[i], "article"), "art5") != 0)
      g_ptr_array_add (listed, obligations->pdata[i]);
  g_ptr_array_sort (listed, compare_deadlines);

  obligation = six_report_table_add_column (table, "obligation",
                                            C_("report column", "Obligation"),
                                            SIX_REPORT_COLUMN_TEXT);
  country = six_report_table_add_column (table, "country", C_("report column", "Code"),
                                         SIX_REPORT_COLUMN_TEXT);
  name = six_report_table_add_column (table, "name", C_("report column", "State"),
                                      SIX_REPORT_COLUMN_TEXT);
  article = six_report_table_add_column (table, "article", C_("report column", "Article"),
                                         SIX_REPORT_COLUMN_TEXT);
  deadline = six_report_table_add_column (table, "current_deadline",
                                          six_field_label ("current_deadline"),
                                          SIX_REPORT_COLUMN_TEXT);
  original = six_report_table_add_column (table, "original_deadline",
                                          six_field_label ("original_deadline"),
                                          SIX_REPORT_COLUMN_TEXT);
  status = six_report_table_add_column (table, "status", six_field_label ("status"),
                                        SIX_REPORT_COLUMN_TEXT);
  completed_on = six_report_table_add_column (table, "completed_on",
                                              six_field_label ("completed_on"),
                                              SIX_REPORT_COLUMN_TEXT);
  deadline_status = six_report_table_add_column (table, "deadline_status",
                                                 C_("report column", "Deadline status"),
                                                 SIX_REPORT_COLUMN_TEXT);
  days_left = six_report_table_add_column (table, "days_left", C_("report column", "Days left"),
                                           SIX_REPORT_COLUMN_INTEGER);
  time_left = six_report_table_add_column (table, "time_left", C_("report column", "Time left"),
                                           SIX_REPORT_COLUMN_TEXT);
  confidence = add_fact_columns (table, &verified);

  for (guint i = 0; i < listed->len; i++)
    {
      SixRecord *record = listed->pdata[i];
      guint row = six_report_table_add_row (table);
      GDate due;
      int days;

      six_report_table_set_text (table, row, obligation, six_record_get_id (record));
      take_label (table, row, obligation, six_record_dup_display_name (record));
      set_country (table, row, country, name, by_id, six_record_get_string (record, "country"));
      set_field (table, row, article, record, "article");
      six_report_table_set_text (table, row, deadline, six_obligation_get_deadline (record));
      set_field (table, row, original, record, "original_deadline");
      set_field (table, row, status, record, "status");
      set_field (table, row, completed_on, record, "completed_on");
      set_fact (table, row, confidence, verified, record);
      set_deadline_state (table, row, deadline_status, record, extensions, &today);

      /* Days are counted to an open deadline only; time left, only while it is ahead. */
      if (!six_obligation_is_open (record) || !six_date_parse (six_obligation_get_deadline (record), &due))
        continue;

      days = g_date_days_between (&today, &due);
      six_report_table_set_int (table, row, days_left, days);
      if (days == 0)
        {
          six_report_table_set_text (table, row, time_left, "today");
          six_report_table_set_label (table, row, time_left, _("Due today"));
        }
      else if (days > 0)
        {
          take_cell (table, row, time_left, describe_span (&today, &due));
          take_label (table, row, time_left, six_describe_span (&today, &due));
        }
    }

  return g_steal_pointer (&table);
}

/* overview: the figures of a span of reporting years, one figure a row, in sections. */

static const Word section_words[] = {
  { "summary", N_("Summary") },
  { "category", N_("By category") },
  { "contributions", N_("Contributions") },
  { "unanswered", N_("Unanswered requests") },
  { "trend", N_("Trend") },
  { "deadlines", N_("Deadlines") },
};

typedef enum
{
  SECTION_SUMMARY,
  SECTION_CATEGORY,
  SECTION_CONTRIBUTIONS,
  SECTION_UNANSWERED,
  SECTION_TREND,
  SECTION_DEADLINES,
} Section;

static const Word figure_words[] = {
  { "states_seeking", N_("States seeking assistance") },
  { "states_reporting", N_("States with an Article 7 report") },
  { "requests", N_("Requests") },
  { "answered", N_("Requests answered") },
  { "partly", N_("Requests partly answered") },
  { "unanswered", N_("Requests unanswered") },
  { "states", N_("States") },
  { "total", N_("Total") },
  { "request", N_("Request") },
  { "contributions", N_("Contributions") },
  { "deadlines", N_("Open deadlines") },
};

typedef enum
{
  FIGURE_STATES_SEEKING,
  FIGURE_STATES_REPORTING,
  FIGURE_REQUESTS,
  FIGURE_ANSWERED,  /* then FIGURE_PARTLY and FIGURE_UNANSWERED, in SixCoverage's order */
  FIGURE_PARTLY,
  FIGURE_UNANSWERED,
  FIGURE_STATES,
  FIGURE_TOTAL,
  FIGURE_REQUEST,
  FIGURE_CONTRIBUTIONS,
  FIGURE_DEADLINES,
} Figure;

typedef struct
{
  SixReportTable *table;
  guint           section;
  guint           first_year;
  guint           last_year;
  guint           category;
  guint           status;
  guint           currency;
  guint           figure;
  guint           count;
  guint           amount;
  guint           country;
  guint           name;
  guint           states;
} OverviewColumns;

static guint
add_figure (OverviewColumns *columns,
            Section          section,
            Figure           figure,
            int              first_year,
            int              last_year)
{
  guint row = six_report_table_add_row (columns->table);

  set_word (columns->table, row, columns->section, &section_words[section]);
  set_word (columns->table, row, columns->figure, &figure_words[figure]);
  if (first_year > 0)
    {
      six_report_table_set_int (columns->table, row, columns->first_year, first_year);
      six_report_table_set_int (columns->table, row, columns->last_year, last_year);
    }

  return row;
}

static void
add_count (OverviewColumns *columns,
           Section          section,
           Figure           figure,
           int              first_year,
           int              last_year,
           gint64           count)
{
  guint row = add_figure (columns, section, figure, first_year, last_year);

  six_report_table_set_int (columns->table, row, columns->count, count);
}

/* The States a figure counts: their codes for JSON, in an order no language changes, and
 * their names for people, as they sort them. */
static void
set_states (OverviewColumns *columns,
            guint            row,
            GStrv            ids,
            GHashTable      *names)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_ptr_array_add (codes, ids[i]);
      g_ptr_array_add (labels, g_hash_table_lookup (names, ids[i]) ?: ids[i]);
    }
  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_sort (labels, compare_collated);

  take_cell (columns->table, row, columns->states, join_ptr_array (codes, ", "));
  take_label (columns->table, row, columns->states, join_ptr_array (labels, "; "));
}

static void
add_summary (OverviewColumns *columns,
             SixOverview     *overview,
             GHashTable      *names)
{
  int first = six_overview_get_first_year (overview);
  int last = six_overview_get_last_year (overview);
  GPtrArray *requests = six_overview_get_requests (overview);
  g_auto(GStrv) seeking = six_overview_dup_seeking_states (overview);
  guint coverage[SIX_N_COVERAGES] = { 0 };
  guint row;

  for (guint i = 0; i < requests->len; i++)
    coverage[((SixOverviewRequest *) requests->pdata[i])->coverage]++;

  row = add_figure (columns, SECTION_SUMMARY, FIGURE_STATES_SEEKING, first, last);
  six_report_table_set_int (columns->table, row, columns->count,
                            six_overview_get_states (overview)->len);
  set_states (columns, row, seeking, names);
  add_count (columns, SECTION_SUMMARY, FIGURE_STATES_REPORTING, first, last,
             six_overview_get_n_reporting (overview));
  add_count (columns, SECTION_SUMMARY, FIGURE_REQUESTS, first, last, requests->len);
  for (guint c = 0; c < SIX_N_COVERAGES; c++)
    add_count (columns, SECTION_SUMMARY, FIGURE_ANSWERED + c, first, last, coverage[c]);
}

/* Only the categories someone asked for: an empty year shows no invented zeros. */
static void
add_categories (OverviewColumns *columns,
                SixOverview     *overview,
                GHashTable      *names)
{
  int first = six_overview_get_first_year (overview);
  int last = six_overview_get_last_year (overview);

  for (guint c = 0; six_categories[c] != NULL; c++)
    {
      guint coverage[SIX_N_COVERAGES];
      guint n_states = six_overview_count_category (overview, c, coverage);
      g_auto(GStrv) ids = NULL;
      guint row;

      if (n_states == 0 && coverage[0] + coverage[1] + coverage[2] == 0)
        continue;

      ids = six_overview_dup_category_states (overview, c);
      row = add_figure (columns, SECTION_CATEGORY, FIGURE_STATES, first, last);
      set_coded (columns->table, row, columns->category, "assistance_request", "category",
                 six_categories[c]);
      six_report_table_set_int (columns->table, row, columns->count, n_states);
      set_states (columns, row, ids, names);

      for (guint k = 0; k < SIX_N_COVERAGES; k++)
        {
          row = add_figure (columns, SECTION_CATEGORY, FIGURE_ANSWERED + k, first, last);
          set_coded (columns->table, row, columns->category, "assistance_request", "category",
                     six_categories[c]);
          six_report_table_set_int (columns->table, row, columns->count, coverage[k]);
        }
    }
}

static void
set_amount (OverviewColumns *columns,
            guint            row,
            gint64           ten_thousandths,
            const char      *currency)
{
  six_report_table_set_text (columns->table, row, columns->currency, currency);
  take_cell (columns->table, row, columns->amount, format_decimal (ten_thousandths));
  take_label (columns->table, row, columns->amount, six_amount_format (ten_thousandths, NULL));
}

/* One row per status and currency: amounts in two currencies are never added together. */
static void
add_totals (OverviewColumns *columns,
            SixOverview     *overview)
{
  int first = six_overview_get_first_year (overview);
  int last = six_overview_get_last_year (overview);
  GPtrArray *totals = six_overview_get_totals (overview);

  for (guint i = 0; i < totals->len; i++)
    {
      SixOverviewTotal *total = totals->pdata[i];
      guint row = add_figure (columns, SECTION_CONTRIBUTIONS, FIGURE_TOTAL, first, last);

      set_coded (columns->table, row, columns->status, "contribution", "status", total->status);
      if (total->status == NULL)
        six_report_table_set_label (columns->table, row, columns->status,
                                    C_("contribution status", "None recorded"));
      six_report_table_set_int (columns->table, row, columns->count, total->n_contributions);
      if (total->overflow)
        six_report_table_set_text (columns->table, row, columns->currency, total->currency);
      else if (total->currency != NULL || total->total != 0)
        set_amount (columns, row, total->total, total->currency);
    }
}

/* The needs nobody has answered yet, oldest first: where a donor is wanted. */
static void
add_unanswered (OverviewColumns *columns,
                SixOverview     *overview)
{
  GPtrArray *requests = six_overview_get_requests (overview);

  for (guint i = 0; i < requests->len; i++)
    {
      SixOverviewRequest *need = requests->pdata[i];
      SixRecord *request = need->request;
      int year = (int) six_record_get_int (request, "year", 0);
      gint64 amount;
      guint row;

      if (need->coverage != SIX_COVERAGE_UNANSWERED)
        continue;

      row = add_figure (columns, SECTION_UNANSWERED, FIGURE_REQUEST, year, year);
      set_field (columns->table, row, columns->category, request, "category");
      six_report_table_set_text (columns->table, row, columns->country,
                                 six_record_get_string (request, "country"));
      six_report_table_set_text (columns->table, row, columns->name, need->country_name);
      if (six_amount_parse (six_record_get_string (request, "amount"), &amount))
        set_amount (columns, row, amount, six_record_get_string (request, "currency"));
    }
}

static void
add_trend (OverviewColumns *columns,
           SixOverview     *overview)
{
  GArray *years = six_overview_get_years (overview);

  for (guint i = 0; i < years->len; i++)
    {
      const SixOverviewYear *year = &g_array_index (years, SixOverviewYear, i);

      add_count (columns, SECTION_TREND, FIGURE_STATES_SEEKING, year->year, year->year,
                 year->n_seeking);
      add_count (columns, SECTION_TREND, FIGURE_STATES_REPORTING, year->year, year->year,
                 year->n_reporting);
      add_count (columns, SECTION_TREND, FIGURE_CONTRIBUTIONS, year->year, year->year,
                 year->n_contributions);
    }
}

/* The radar: open deadlines by how soon they fall, every bucket even when empty. */
static void
add_deadlines (OverviewColumns *columns,
               SixOverview     *overview,
               GHashTable      *names)
{
  GPtrArray *deadlines = six_overview_get_deadlines (overview);

  for (guint b = 0; b < SIX_N_DEADLINE_BUCKETS; b++)
    {
      g_auto(GStrv) ids = six_overview_dup_bucket_states (overview, (SixDeadlineBucket) b);
      guint n = 0;
      guint row;

      for (guint i = 0; i < deadlines->len; i++)
        if (((SixOverviewDeadline *) deadlines->pdata[i])->bucket == b)
          n++;

      row = add_figure (columns, SECTION_DEADLINES, FIGURE_DEADLINES, 0, 0);
      set_word (columns->table, row, columns->status, &bucket_words[b]);
      six_report_table_set_int (columns->table, row, columns->count, n);
      set_states (columns, row, ids, names);
    }
}

/**
 * six_report_build_overview:
 *
 * One table of the overview's figures, a figure a row. Columns: section, first_year,
 * last_year, category, status (a contribution's, or a deadline's bucket), currency, figure,
 * count, amount (a decimal, in currency), country and name (one State), states (the States
 * a figure counts). The sections: summary, category, contributions, unanswered (requests,
 * oldest first), trend (every year) and deadlines (the radar's buckets).
 *
 * Returns: (transfer full): the table
 */
SixReportTable *
six_report_build_overview (SixOverview *overview)
{
  g_autoptr(SixReportTable) table = six_report_table_new ();
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *states, *deadlines;
  OverviewColumns columns = { table };

  g_return_val_if_fail (SIX_IS_OVERVIEW (overview), NULL);

  /* The overview already named every State it counts, in the user's language. */
  states = six_overview_get_states (overview);
  for (guint i = 0; i < states->len; i++)
    {
      SixOverviewState *state = states->pdata[i];

      g_hash_table_insert (names, state->country, state->name);
    }
  deadlines = six_overview_get_deadlines (overview);
  for (guint i = 0; i < deadlines->len; i++)
    {
      SixOverviewDeadline *deadline = deadlines->pdata[i];

      g_hash_table_insert (names,
                           (gpointer) six_record_get_string (deadline->obligation, "country"),
                           deadline->country_name);
    }

  columns.section = six_report_table_add_column (table, "section",
                                                 C_("report column", "Section"),
                                                 SIX_REPORT_COLUMN_TEXT);
  columns.first_year = six_report_table_add_column (table, "first_year",
                                                    C_("report column", "From"),
                                                    SIX_REPORT_COLUMN_INTEGER);
  columns.last_year = six_report_table_add_column (table, "last_year",
                                                   C_("report column", "To"),
                                                   SIX_REPORT_COLUMN_INTEGER);
  columns.category = six_report_table_add_column (table, "category",
                                                  six_field_label ("category"),
                                                  SIX_REPORT_COLUMN_TEXT);
  columns.status = six_report_table_add_column (table, "status", six_field_label ("status"),
                                                SIX_REPORT_COLUMN_TEXT);
  columns.currency = six_report_table_add_column (table, "currency",
                                                  C_("report column", "Currency"),
                                                  SIX_REPORT_COLUMN_TEXT);
  columns.figure = six_report_table_add_column (table, "figure",
                                                C_("report column", "Figure"),
                                                SIX_REPORT_COLUMN_TEXT);
  columns.count = six_report_table_add_column (table, "count", C_("report column", "Count"),
                                               SIX_REPORT_COLUMN_INTEGER);
  columns.amount = six_report_table_add_column (table, "amount", six_field_label ("amount"),
                                                SIX_REPORT_COLUMN_TEXT);
  columns.country = six_report_table_add_column (table, "country", C_("report column", "Code"),
                                                 SIX_REPORT_COLUMN_TEXT);
  columns.name = six_report_table_add_column (table, "name", C_("report column", "State"),
                                              SIX_REPORT_COLUMN_TEXT);
  columns.states = six_report_table_add_column (table, "states", C_("report column", "States"),
                                                SIX_REPORT_COLUMN_TEXT);

  add_summary (&columns, overview, names);
  add_categories (&columns, overview, names);
  add_totals (&columns, overview);
  add_unanswered (&columns, overview);
  add_trend (&columns, overview);
  add_deadlines (&columns, overview, names);

  return g_steal_pointer (&table);
}

/**
 * six_report_build:
 * @name: one of six_report_get_names ()
 *
 * The overview is the latest year holding data's.
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
  if (strcmp (name, "coalitions") == 0)
    return build_coalitions (db, error);
  if (strcmp (name, "conflicts") == 0)
    return build_conflicts (db, error);
  if (strcmp (name, "deadlines") == 0)
    return build_deadlines (db, error);
  if (strcmp (name, "states") == 0)
    return build_states (db, error);
  if (strcmp (name, "overview") == 0)
    {
      g_autoptr(SixOverview) overview = six_report_load_overview (db, 0, 0, error);

      return overview != NULL ? six_report_build_overview (overview) : NULL;
    }

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

/* deadlines as iCalendar (RFC 5545): all-day events a calendar can import again and update. */

#define ICS_DOMAIN "articlesix.github.io"

/* Content lines end in CRLF and fold before 75 octets, never inside a UTF-8 character. */
static void
append_ics_line (GString    *out,
                 const char *line)
{
  gsize width = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize n = (gsize) (g_utf8_next_char (p) - p);

      if (width + n > 75)
        {
          g_string_append (out, "\r\n ");
          width = 1;
        }
      g_string_append_len (out, p, (gssize) n);
      width += n;
    }
  g_string_append (out, "\r\n");
}

static void
append_ics_text (GString    *out,
                 const char *name,
                 const char *text)
{
  GString *line = g_string_new (name);

  g_string_append_c (line, ':');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == ';' || *p == ',')
        g_string_append_c (line, '\\');
      if (*p == '\n')
        g_string_append (line, "\\n");
      else if (*p != '\r')
        g_string_append_c (line, *p);
    }
  append_ics_line (out, line->str);
  g_string_free (line, TRUE);
}

static void
append_ics_date (GString     *out,
                 const char  *name,
                 const GDate *date)
{
  g_autofree char *line = g_strdup_printf ("%s;VALUE=DATE:%04d%02d%02d", name,
                                           g_date_get_year (date), g_date_get_month (date),
                                           g_date_get_day (date));

  append_ics_line (out, line);
}

/* A UID from a record's id: "LBN:art4" → "obligation-LBN-art4@…", the same on every run. */
static char *
dup_uid (const char *prefix,
         const char *id)
{
  g_autofree char *safe = g_strdup (id);

  for (char *p = safe; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      *p = '-';

  return g_strdup_printf ("%s-%s@" ICS_DOMAIN, prefix, safe);
}

static void
begin_event (GString     *out,
             const char  *uid,
             const char  *stamp,
             const GDate *day)
{
  GDate next = *day;

  g_date_add_days (&next, 1);
  append_ics_line (out, "BEGIN:VEVENT");
  append_ics_text (out, "UID", uid);
  append_ics_line (out, stamp);
  append_ics_date (out, "DTSTART", day);
  append_ics_date (out, "DTEND", &next);
  /* A deadline or a meeting day marks the calendar; it does not make the user busy. */
  append_ics_line (out, "TRANSP:TRANSPARENT");
}

static char *
dup_deadline_description (SixOverviewDeadline *deadline)
{
  SixRecord *obligation = deadline->obligation;
  SixRecord *extension = deadline->pending_extension;
  const char *original = six_record_get_string (obligation, "original_deadline");
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (original != NULL)
    g_ptr_array_add (lines, g_strdup_printf (_("Original deadline: %s"), original));
  if (extension != NULL)
    {
      const char *until = six_record_get_string (extension, "requested_until");
      const char *submitted = six_record_get_string (extension, "submitted_on");
      const char *considered = six_record_get_string (extension, "decided_at");

      if (until != NULL)
        g_ptr_array_add (lines, g_strdup_printf (_("Extension requested until %s, "
                                                   "no decision recorded yet"), until));
      else
        g_ptr_array_add (lines, g_strdup (_("Extension requested, no decision recorded yet")));
      if (submitted != NULL)
        g_ptr_array_add (lines, g_strdup_printf (_("Request submitted on %s"), submitted));
      if (considered != NULL)
        g_ptr_array_add (lines, g_strdup_printf (_("To be considered at %s"), considered));
    }

  return join_ptr_array (lines, "\n");
}

static void
append_deadline_event (GString             *out,
                       const char          *stamp,
                       SixOverviewDeadline *deadline)
{
  SixRecord *obligation = deadline->obligation;
  g_autofree char *uid = dup_uid ("obligation", six_record_get_id (obligation));
  g_autofree char *summary = NULL;
  g_autofree char *description = dup_deadline_description (deadline);
  GDate day;

  if (!six_date_parse (deadline->deadline, &day))
    return;

  if (g_strcmp0 (six_record_get_string (obligation, "article"), "art3") == 0)
    {
      /* Translators: a calendar event's title; %s is a State, "Peru" */
      summary = g_strdup_printf (_("%s: Art. 3 stockpile destruction deadline"),
                                 deadline->country_name);
    }
  else
    {
      /* Translators: a calendar event's title; %s is a State, "Lebanon" */
      summary = g_strdup_printf (_("%s: Art. 4 clearance deadline"), deadline->country_name);
    }

  begin_event (out, uid, stamp, &day);
  append_ics_text (out, "SUMMARY", summary);
  if (description != NULL)
    append_ics_text (out, "DESCRIPTION", description);
  append_ics_line (out, "END:VEVENT");
}

static void
append_meeting_event (GString              *out,
                      const char           *stamp,
                      SixOverviewCoalition *coalition)
{
  SixRecord *meeting = coalition->next_meeting;
  const char *place = six_record_get_string (meeting, "place");
  g_autofree char *uid = dup_uid ("meeting", six_record_get_id (meeting));
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  GDate day;

  if (!six_date_parse (six_record_get_string (meeting, "held_on"), &day))
    return;

  /* Translators: a calendar event's title: a coalition's title, then its meeting's */
  summary = g_strdup_printf (_("%s: %s"), six_record_get_string (coalition->coalition, "title"),
                             six_record_get_string (meeting, "title"));
  /* Translators: %s is the State leading a coalition */
  description = g_strdup_printf (_("A meeting of the coalition led by %s"),
                                 coalition->lead_name);

  begin_event (out, uid, stamp, &day);
  append_ics_text (out, "SUMMARY", summary);
  append_ics_text (out, "DESCRIPTION", description);
  if (place != NULL)
    append_ics_text (out, "LOCATION", place);
  append_ics_line (out, "END:VEVENT");
}

/**
 * six_report_deadlines_ics:
 *
 * The open Art. 3 and Art. 4 deadlines, and each coalition's next meeting, as all-day events
 * of an iCalendar file. UIDs come from the records' ids and DTSTAMP from the overview's day,
 * so the same store on the same day gives the same bytes, and importing again updates events
 * rather than adding copies.
 *
 * Returns: (transfer full): the calendar, CRLF line ends
 */
char *
six_report_deadlines_ics (SixOverview *overview)
{
  GString *out = g_string_new (NULL);
  GPtrArray *deadlines, *coalitions;
  g_autofree char *stamp = NULL;
  GDate today;

  g_return_val_if_fail (SIX_IS_OVERVIEW (overview), NULL);

  six_overview_get_today (overview, &today);
  stamp = g_strdup_printf ("DTSTAMP:%04d%02d%02dT000000Z", g_date_get_year (&today),
                           g_date_get_month (&today), g_date_get_day (&today));

  append_ics_line (out, "BEGIN:VCALENDAR");
  append_ics_line (out, "VERSION:2.0");
  append_ics_line (out, "PRODID:-//Article Six//Article Six " PACKAGE_VERSION "//EN");
  append_ics_line (out, "CALSCALE:GREGORIAN");
  append_ics_line (out, "METHOD:PUBLISH");
  append_ics_text (out, "X-WR-CALNAME", _("Article Six deadlines"));

  deadlines = six_overview_get_deadlines (overview);
  for (guint i = 0; i < deadlines->len; i++)
    append_deadline_event (out, stamp, deadlines->pdata[i]);

  coalitions = six_overview_get_coalitions (overview);
  for (guint i = 0; i < coalitions->len; i++)
    if (((SixOverviewCoalition *) coalitions->pdata[i])->next_meeting != NULL)
      append_meeting_event (out, stamp, coalitions->pdata[i]);

  append_ics_line (out, "END:VCALENDAR");

  return g_string_free (out, FALSE);
}
