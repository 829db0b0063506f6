/* test-report.c — tests for the command line's reports and their three formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-exchange-reader.h"
#include "six-exchange-writer.h"
#include "six-import.h"
#include "six-reference-pack.h"
#include "six-report.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

/* The facts' date, 2025-09-19, as "today": deadlines are then counted from a fixed day. */
#define PACK_DAY G_GINT64_CONSTANT (1758240000000)
#define DAY_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

static gint64
fixed_now (gpointer user_data)
{
  return *(const gint64 *) user_data;
}

static SixDb *
open_db_with_pack (gint64 *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = six_db_open (":memory:", &error);

  g_assert_no_error (error);
  if (now != NULL)
    six_db_set_wall_clock (db, fixed_now, now);

  g_assert_true (six_reference_pack_ensure (db, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&db);
}

/* One database with the pack for the reports that only read; its clock is @shared_now. */
static gint64 shared_now = PACK_DAY;
static SixDb *shared_db;

static SixDb *
get_shared_db (void)
{
  if (shared_db == NULL)
    shared_db = open_db_with_pack (&shared_now);

  return shared_db;
}

static SixReportTable *
build (SixDb      *db,
       const char *name)
{
  g_autoptr(GError) error = NULL;
  SixReportTable *table = six_report_build (db, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);

  return table;
}

static guint
column (SixReportTable *table,
        const char     *name)
{
  int index = six_report_table_find_column (table, name);

  g_assert_cmpint (index, >=, 0);

  return (guint) index;
}

static int
find_row (SixReportTable *table,
          const char     *column_name,
          const char     *value)
{
  guint c = column (table, column_name);

  for (guint r = 0; r < six_report_table_get_n_rows (table); r++)
    if (g_strcmp0 (six_report_table_get_cell (table, r, c), value) == 0)
      return (int) r;

  return -1;
}

static SixReportTable *
small_table (void)
{
  SixReportTable *table = six_report_table_new ();
  guint name = six_report_table_add_column (table, "name", SIX_REPORT_COLUMN_TEXT);
  guint count = six_report_table_add_column (table, "count", SIX_REPORT_COLUMN_INTEGER);
  guint ok = six_report_table_add_column (table, "ok", SIX_REPORT_COLUMN_BOOLEAN);
  guint row;

  row = six_report_table_add_row (table);
  six_report_table_set_text (table, row, name, "Côte d'Ivoire, \"CIV\"");
  six_report_table_set_int (table, row, count, -3);
  six_report_table_set_boolean (table, row, ok, TRUE);

  row = six_report_table_add_row (table);
  six_report_table_set_text (table, row, name, "two\nlines");
  six_report_table_set_boolean (table, row, ok, FALSE);

  return table;
}

static void
test_report_csv (void)
{
  g_autoptr(SixReportTable) table = small_table ();
  g_autofree char *csv = six_report_table_format (table, SIX_REPORT_FORMAT_CSV);

  /* RFC 4180: CRLF, quotes doubled, quoted when a comma, quote or line break is inside. */
  g_assert_cmpstr (csv, ==,
                   "name,count,ok\r\n"
                   "\"Côte d'Ivoire, \"\"CIV\"\"\",-3,true\r\n"
                   "\"two\nlines\",,false\r\n");
}

static void
test_report_json (void)
{
  g_autoptr(SixReportTable) table = small_table ();
  g_autofree char *json = six_report_table_format (table, SIX_REPORT_FORMAT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  JsonObject *first, *second;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (json, "]\n"));

  rows = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  first = json_array_get_object_element (rows, 0);
  second = json_array_get_object_element (rows, 1);

  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Côte d'Ivoire, \"CIV\"");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (first, "count")), ==,
                   G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (first, "count"), ==, -3);
  g_assert_true (json_object_get_boolean_member (first, "ok"));
  g_assert_true (json_object_get_null_member (second, "count"));
  g_assert_false (json_object_get_boolean_member (second, "ok"));

  /* An empty table is an empty array, not nothing. */
  {
    g_autoptr(SixReportTable) empty = six_report_table_new ();
    g_autofree char *text = NULL;

    six_report_table_add_column (empty, "x", SIX_REPORT_COLUMN_TEXT);
    text = six_report_table_format (empty, SIX_REPORT_FORMAT_JSON);
    g_assert_cmpstr (text, ==, "[]\n");
  }
}

static void
test_report_text (void)
{
  g_autoptr(SixReportTable) table = small_table ();
  g_autofree char *text = six_report_table_format (table, SIX_REPORT_FORMAT_TEXT);

  /* Columns aligned on characters, not bytes; one line per row; no trailing spaces. */
  g_assert_cmpstr (text, ==,
                   "name                  count  ok\n"
                   "--------------------  -----  -----\n"
                   "Côte d'Ivoire, \"CIV\"  -3     true\n"
                   "two lines                    false\n");
}

static void
test_report_names (void)
{
  SixDb *db = get_shared_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SixReportTable) table = NULL;
  SixReportFormat format = SIX_REPORT_FORMAT_TEXT;

  g_assert_cmpuint (g_strv_length ((char **) six_report_get_names ()), ==, 4);
  g_assert_true (six_report_format_from_string ("csv", &format));
  g_assert_cmpint (format, ==, SIX_REPORT_FORMAT_CSV);
  g_assert_false (six_report_format_from_string ("xml", &format));

  table = six_report_build (db, "nonsense", &error);
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_FAILED);
  g_assert_null (table);
}

/* The concept note's table: six States named for survey and clearance in 2018. */
static void
test_report_assistance_requests (void)
{
  SixDb *db = get_shared_db ();
  g_autoptr(SixReportTable) table = build (db, "assistance-requests");
  g_autoptr(GPtrArray) clearance = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  guint year = column (table, "year");
  guint category = column (table, "category");
  guint country = column (table, "country");
  guint source = column (table, "source");

  g_assert_cmpuint (six_report_table_get_n_rows (table), ==, 1 + 6 + 5 + 9 + 1);

  for (guint r = 0; r < six_report_table_get_n_rows (table); r++)
    {
      g_assert_cmpstr (six_report_table_get_cell (table, r, year), ==, "2018");
      g_assert_nonnull (strstr (six_report_table_get_cell (table, r, source),
                                "concept note 2019-2020"));

      if (g_strcmp0 (six_report_table_get_cell (table, r, category), "survey_clearance") == 0)
        g_ptr_array_add (clearance, g_strdup (six_report_table_get_cell (table, r, country)));
    }

  g_ptr_array_add (clearance, NULL);
  joined = g_strjoinv (" ", (char **) clearance->pdata);
  g_assert_cmpstr (joined, ==, "AFG LAO LBN MNE PSE TCD");

  /* Rows follow the category order of the data model, then the State. */
  g_assert_cmpstr (six_report_table_get_cell (table, 0, category), ==, "stockpile_destruction");
  g_assert_cmpstr (six_report_table_get_cell (table, 0, country), ==, "PER");
  g_assert_cmpstr (six_report_table_get_cell (table, six_report_table_get_n_rows (table) - 1,
                                              category), ==, "other");
}

static void
test_report_states (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  SixDb *db = get_shared_db ();
  g_autoptr(SixReportTable) table = build (db, "states");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint status = column (table, "status");
  int lebanon = find_row (table, "country", "LBN");
  int lithuania = find_row (table, "country", "LTU");
  int russia = find_row (table, "country", "RUS");

  g_assert_cmpuint (six_report_table_get_n_rows (table), ==, 197);
  g_assert_cmpstr (six_report_table_get_cell (table, 0, status), ==, "party");
  g_assert_cmpstr (six_report_table_get_cell (table, 196, status), ==, "not_party");

  g_assert_cmpint (lebanon, >=, 0);
  g_assert_cmpstr (six_report_table_get_cell (table, lebanon, column (table, "art4_deadline")),
                   ==, "2026-05-01");
  g_assert_cmpstr (six_report_table_get_cell (table, lebanon, column (table, "art5")), ==,
                   "true");
  g_assert_null (six_report_table_get_cell (table, lebanon, column (table, "art3_deadline")));
  g_assert_cmpstr (six_report_table_get_cell (table, lithuania, column (table, "withdrawn_on")),
                   ==, "2025-03-06");
  g_assert_null (six_report_table_get_cell (table, russia, column (table, "signed_on")));

  /* States in order of status, then code: parties first, LBN before LTU (withdrawn). */
  g_assert_cmpint (lebanon, <, lithuania);
  g_assert_cmpint (lithuania, <, russia);

  json = six_report_run (db, "states", SIX_REPORT_FORMAT_JSON, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                    ==, 197);

  /* Names follow the user's language. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  {
    g_autoptr(SixReportTable) french = build (db, "states");
    int germany = find_row (french, "country", "DEU");

    g_assert_cmpstr (six_report_table_get_cell (french, germany, column (french, "name")), ==,
                     "Allemagne");
  }
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

static void
test_report_deadlines (void)
{
  SixDb *db = get_shared_db ();
  g_autoptr(SixReportTable) table = NULL;
  guint deadline, days_left, time_left;
  int afghanistan, chad, montenegro;

  shared_now = PACK_DAY;
  table = build (db, "deadlines");
  deadline = column (table, "current_deadline");
  days_left = column (table, "days_left");
  time_left = column (table, "time_left");
  afghanistan = find_row (table, "obligation", "AFG:art4");
  chad = find_row (table, "obligation", "TCD:art4");
  montenegro = find_row (table, "obligation", "MNE:art4");

  /* Every Art. 3 and 4 obligation (25), no Art. 5 one (no deadline). */
  g_assert_cmpuint (six_report_table_get_n_rows (table), ==, 25);
  g_assert_cmpint (find_row (table, "obligation", "LBN:art5"), <, 0);

  for (guint r = 1; r < six_report_table_get_n_rows (table); r++)
    g_assert_cmpstr (six_report_table_get_cell (table, r - 1, deadline), <=,
                     six_report_table_get_cell (table, r, deadline));

  g_assert_cmpstr (six_report_table_get_cell (table, afghanistan, deadline), ==, "2026-03-01");
  g_assert_cmpstr (six_report_table_get_cell (table, afghanistan, days_left), ==, "163");
  g_assert_cmpstr (six_report_table_get_cell (table, afghanistan, time_left), ==,
                   "5 months 10 days");
  g_assert_cmpstr (six_report_table_get_cell (table, chad, days_left), ==, "-749");
  g_assert_cmpstr (six_report_table_get_cell (table, chad, time_left), ==,
                   "overdue by 2 years 18 days");
  g_assert_cmpstr (six_report_table_get_cell (table, montenegro, time_left), ==, "completed");
  g_assert_null (six_report_table_get_cell (table, montenegro, days_left));

  /* "today" moves with the database's clock. */
  shared_now = PACK_DAY + 163 * DAY_MS;
  {
    g_autoptr(SixReportTable) later = build (db, "deadlines");
    int row = find_row (later, "obligation", "AFG:art4");

    g_assert_cmpstr (six_report_table_get_cell (later, row, time_left), ==, "today");
  }
  shared_now = PACK_DAY;
}

/* Two coordinators rename Lebanon at once: the conflict log shows who lost what. */
static void
test_report_conflicts (void)
{
  gint64 early = PACK_DAY + 10 * DAY_MS;
  gint64 late = PACK_DAY + 11 * DAY_MS;
  g_autoptr(SixDb) mine = open_db_with_pack (&early);
  g_autoptr(SixDb) theirs = open_db_with_pack (&late);
  g_autoptr(GPtrArray) edits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(SixReportTable) table = NULL;
  g_autofree char *text = NULL;
  SixEdit *edit;

  g_assert_true (six_db_set_replica_name (theirs, six_db_get_replica_id (theirs), "Ana",
                                          "ISU", &error));
  g_assert_no_error (error);

  edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  edit = six_edit_new (six_kind_lookup ("country"), "LBN");
  six_edit_set_string (edit, "name", "Lebanese Republic");
  g_ptr_array_add (edits, edit);
  g_assert_cmpint (six_db_apply_edits (mine, "rename", edits, &error), >, 0);
  g_assert_no_error (error);

  g_ptr_array_set_size (edits, 0);
  edit = six_edit_new (six_kind_lookup ("country"), "LBN");
  six_edit_set_string (edit, "name", "Liban");
  g_ptr_array_add (edits, edit);
  g_assert_cmpint (six_db_apply_edits (theirs, "rename", edits, &error), >, 0);
  g_assert_no_error (error);

  bytes = six_exchange_write (theirs, NULL, &error);
  g_assert_no_error (error);
  file = six_exchange_read_bytes (bytes, "theirs.a6.json", &error);
  g_assert_no_error (error);
  g_assert_true (six_import_file (mine, file, FALSE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->counts.n_conflicts, ==, 1);

  table = build (mine, "conflicts");
  g_assert_cmpuint (six_report_table_get_n_rows (table), ==, 1);
  g_assert_cmpstr (six_report_table_get_cell (table, 0, column (table, "record")), ==, "LBN");
  g_assert_cmpstr (six_report_table_get_cell (table, 0, column (table, "field")), ==, "name");
  g_assert_cmpstr (six_report_table_get_cell (table, 0, column (table, "lost_value")), ==,
                   "Lebanese Republic");
  g_assert_cmpstr (six_report_table_get_cell (table, 0, column (table, "won_value")), ==,
                   "Liban");
  g_assert_true (g_str_has_prefix (six_report_table_get_cell (table, 0,
                                                              column (table, "won_writer")),
                                   "Ana ("));
  g_assert_cmpstr (six_report_table_get_cell (table, 0, column (table, "lost_writer")), ==,
                   six_db_get_replica_id (mine));
  g_assert_cmpstr (six_report_table_get_cell (table, 0, column (table, "won_at")), ==,
                   "2025-09-30T00:00:00Z");
  g_assert_cmpstr (six_report_table_get_cell (table, 0, column (table, "restored")), ==,
                   "false");

  text = six_report_run (mine, "conflicts", SIX_REPORT_FORMAT_TEXT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Lebanese Republic"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/report/csv", test_report_csv);
  g_test_add_func ("/exchange/report/json", test_report_json);
  g_test_add_func ("/exchange/report/text", test_report_text);
  g_test_add_func ("/exchange/report/names", test_report_names);
  g_test_add_func ("/exchange/report/assistance-requests", test_report_assistance_requests);
  g_test_add_func ("/exchange/report/states", test_report_states);
  g_test_add_func ("/exchange/report/deadlines", test_report_deadlines);
  g_test_add_func ("/exchange/report/conflicts", test_report_conflicts);

  status = g_test_run ();
  g_clear_pointer (&shared_db, six_db_close);

  return status;
}
