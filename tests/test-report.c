/* test-report.c — the reports: their three formats, their translated words, the overview's
 * table on the reference pack and on small fixtures, and the deadlines as iCalendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-db.h"
#include "six-exchange-reader.h"
#include "six-exchange-writer.h"
#include "six-import.h"
#include "six-reference-pack.h"
#include "six-report.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
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
  guint name = six_report_table_add_column (table, "name", NULL, SIX_REPORT_COLUMN_TEXT);
  guint count = six_report_table_add_column (table, "count", NULL, SIX_REPORT_COLUMN_INTEGER);
  guint ok = six_report_table_add_column (table, "ok", NULL, SIX_REPORT_COLUMN_BOOLEAN);
  guint kind = six_report_table_add_column (table, "kind", "Kind of thing",
                                            SIX_REPORT_COLUMN_TEXT);
  guint row;

  row = six_report_table_add_row (table);
  six_report_table_set_text (table, row, name, "Côte d'Ivoire, \"CIV\"");
  six_report_table_set_int (table, row, count, -3);
  six_report_table_set_boolean (table, row, ok, TRUE);
  six_report_table_set_text (table, row, kind, "victim_assistance");
  six_report_table_set_label (table, row, kind, "Victim assistance");

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

  /* RFC 4180: CRLF, quotes doubled, quoted when a comma, quote or line break is inside;
   * people's words: the titles, the labels, a truth as yes or no. */
  g_assert_cmpstr (csv, ==,
                   "name,count,ok,Kind of thing\r\n"
                   "\"Côte d'Ivoire, \"\"CIV\"\"\",-3,yes,Victim assistance\r\n"
                   "\"two\nlines\",,no,\r\n");
}

/* Cells a spreadsheet would run as formulas start with a quote (OWASP); numbers stay. */
static void
test_report_csv_formulas (void)
{
  g_autoptr(SixReportTable) table = six_report_table_new ();
  guint name = six_report_table_add_column (table, "name", NULL, SIX_REPORT_COLUMN_TEXT);
  const char *cells[] = { "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)",
                          "\tTab", "\rCR", "-12.5", "a=b" };
  g_autofree char *csv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    six_report_table_set_text (table, six_report_table_add_row (table), name, cells[i]);

  csv = six_report_table_format (table, SIX_REPORT_FORMAT_CSV);
  g_assert_cmpstr (csv, ==,
                   "name\r\n"
                   "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
                   "\"'+1+1\"\r\n"
                   "\"'-2+3\"\r\n"
                   "\"'@SUM(A1)\"\r\n"
                   "\"'\tTab\"\r\n"
                   "\"'\rCR\"\r\n"
                   "-12.5\r\n"
                   "a=b\r\n");
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

  /* JSON keeps the stable names and the codes, never the labels. */
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "victim_assistance");
  g_assert_false (json_object_has_member (first, "Kind of thing"));

  /* An empty table is an empty array, not nothing. */
  {
    g_autoptr(SixReportTable) empty = six_report_table_new ();
    g_autofree char *text = NULL;

    six_report_table_add_column (empty, "x", NULL, SIX_REPORT_COLUMN_TEXT);
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
                   "name                  count  ok   Kind of thing\n"
                   "--------------------  -----  ---  -----------------\n"
                   "Côte d'Ivoire, \"CIV\"  -3     yes  Victim assistance\n"
                   "two lines                    no\n");
}

static void
test_report_names (void)
{
  SixDb *db = get_shared_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SixReportTable) table = NULL;
  SixReportFormat format = SIX_REPORT_FORMAT_TEXT;

  g_assert_cmpuint (g_strv_length ((char **) six_report_get_names ()), ==, 6);
  g_assert_true (g_strv_contains (six_report_get_names (), "overview"));
  g_assert_true (g_strv_contains (six_report_get_names (), "coalitions"));
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

  /* The pack records needs, not answers: every request is unanswered, nobody gave. */
  g_assert_cmpstr (six_report_table_get_cell (table, 0, column (table, "answered")), ==,
                   "unanswered");
  g_assert_cmpstr (six_report_table_get_label (table, 0, column (table, "answered")), ==,
                   "Unanswered");
  g_assert_null (six_report_table_get_cell (table, 0, column (table, "donors")));
  g_assert_null (six_report_table_get_cell (table, 0, column (table, "amounts")));

  /* People read words, JSON keeps codes. */
  g_assert_cmpstr (six_report_table_get_label (table, 0, category), ==, "Stockpile destruction");
  g_assert_cmpstr (six_report_table_get_column_title (table, category), ==, "Category");
  g_assert_cmpstr (six_report_table_get_column_name (table, category), ==, "category");
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
  guint deadline, days_left, time_left, status_column;
  int afghanistan, chad, montenegro;

  shared_now = PACK_DAY;
  table = build (db, "deadlines");
  status_column = column (table, "deadline_status");
  deadline = column (table, "current_deadline");
  days_left = column (table, "days_left");
  time_left = column (table, "time_left");
  afghanistan = find_row (table, "obligation", "AFG:art4");
  chad = find_row (table, "obligation", "TCD:art4");
  montenegro = find_row (table, "obligation", "MNE:art4");

  /* Every Art. 3 and 4 obligation (34), no Art. 5 one (no deadline). */
  g_assert_cmpuint (six_report_table_get_n_rows (table), ==, 34);
  g_assert_cmpint (find_row (table, "obligation", "LBN:art5"), <, 0);

  for (guint r = 1; r < six_report_table_get_n_rows (table); r++)
    g_assert_cmpstr (six_report_table_get_cell (table, r - 1, deadline), <=,
                     six_report_table_get_cell (table, r, deadline));

  g_assert_cmpstr (six_report_table_get_cell (table, afghanistan, deadline), ==, "2026-03-01");
  g_assert_cmpstr (six_report_table_get_cell (table, afghanistan, days_left), ==, "163");
  g_assert_cmpstr (six_report_table_get_cell (table, afghanistan, time_left), ==,
                   "5 months 10 days");
  g_assert_cmpstr (six_report_table_get_cell (table, chad, deadline), ==, "2026-10-01");
  g_assert_cmpstr (six_report_table_get_cell (table, chad, days_left), ==, "377");
  g_assert_cmpstr (six_report_table_get_cell (table, montenegro, status_column), ==,
                   "completed");
  g_assert_null (six_report_table_get_cell (table, montenegro, time_left));
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

static const struct
{
  const char *obligation;
  const char *state;
  const char *words;
} deadline_examples[] = {
  { "BIH:art4", "completed", "Completed" },
  { "PER:art3", "completed", "Completed on 2023-12-15" },
  { "TCD:art4", "passed", "Passed on 2026-10-01 — no extension recorded" },
  { "SOM:art4", "extension_requested",
    "Extension requested until 2030-03-01 — decision not recorded" },
  { "LBN:art4", "extension_requested", "Extension requested — decision not recorded" },
  { "MRT:art4", "extension_requested", "Extension requested — decision not recorded" },
  { "GBR:art4", "unknown", "Status unknown · Low confidence" },
  { "DEU:art4", "in_time", "3 years 7 months left" },
};

/* On the pack's own day: what the refreshed facts say of each deadline, and no obligation
 * with a pending request or a recorded completion called passed. */
static void
test_report_deadline_states (void)
{
  SixDb *db = get_shared_db ();
  g_autoptr(SixReportTable) table = NULL;
  guint state, obligation;

  shared_now = PACK_DAY + 444 * DAY_MS; /* 2026-12-07 */
  table = build (db, "deadlines");
  state = column (table, "deadline_status");
  obligation = column (table, "obligation");

  for (guint i = 0; i < G_N_ELEMENTS (deadline_examples); i++)
    {
      int row = find_row (table, "obligation", deadline_examples[i].obligation);

      g_test_message ("%s", deadline_examples[i].obligation);
      g_assert_cmpint (row, >=, 0);
      g_assert_cmpstr (six_report_table_get_cell (table, row, state), ==,
                       deadline_examples[i].state);
      g_assert_cmpstr (six_report_table_get_label (table, row, state), ==,
                       deadline_examples[i].words);
    }
  g_assert_cmpstr (six_report_table_get_cell (table, find_row (table, "obligation", "TCD:art4"),
                                              column (table, "current_deadline")), ==,
                   "2026-10-01");

  /* The Overview's radar counts the same way: Chad alone passed, the requests apart. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SixOverview) overview = six_report_load_overview (db, 0, 0, &error);
    g_auto(GStrv) passed = six_overview_dup_bucket_states (overview, SIX_DEADLINE_PASSED);
    g_auto(GStrv) requested = six_overview_dup_bucket_states (overview,
                                                             SIX_DEADLINE_EXTENSION_REQUESTED);

    g_assert_cmpstrv (passed, ((const char *[]) { "TCD", NULL }));
    g_assert_true (g_strv_contains ((const char * const *) requested, "SOM"));
    g_assert_true (g_strv_contains ((const char * const *) requested, "LBN"));
  }

  for (guint r = 0; r < six_report_table_get_n_rows (table); r++)
    {
      const char *id = six_report_table_get_cell (table, r, obligation);
      g_autoptr(SixRecord) record = six_db_get_record (db, six_kind_lookup ("obligation"), id,
                                                       FALSE, NULL);
      const char *code = six_report_table_get_cell (table, r, state);

      if (g_strcmp0 (code, "passed") != 0)
        continue;
      /* Passed: open, in progress, and nothing awaiting a decision. */
      g_assert_cmpstr (six_record_get_string (record, "status"), ==, "in_progress");
      g_assert_null (six_record_get_string (record, "completed_on"));
      g_assert_cmpstr (id, ==, "TCD:art4");
    }
  shared_now = PACK_DAY;
}

/* Two coordinators rename Lebanon at once: the conflict log shows who lost what. */
static void
test_report_conflicts (void)
{
  /* 2026-12-07 and a day later: after every stamp of the pack the exported file carries,
   * which a reader's clock must not lag by more than a day (format §4, rule 6). */
  gint64 early = G_GINT64_CONSTANT (1796601600000);
  gint64 late = early + DAY_MS;
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
                   "2026-12-08T00:00:00Z");
  g_assert_cmpstr (six_report_table_get_cell (table, 0, column (table, "restored")), ==,
                   "false");

  text = six_report_run (mine, "conflicts", SIX_REPORT_FORMAT_TEXT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Lebanese Republic"));
}

/* --- the overview's table ------------------------------------------------------------- */

static void
put (SixDb      *db,
     const char *kind_name,
     const char *id,
     const char *first_field,
     ...)
{
  g_autoptr(SixEdit) edit = six_edit_new (six_kind_lookup (kind_name), id);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GError) error = NULL;
  const char *field = first_field;
  va_list args;

  va_start (args, first_field);
  for (; field != NULL; field = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (g_strcmp0 (field, "year") == 0)
        six_edit_set_int (edit, field, g_ascii_strtoll (value, NULL, 10));
      else if (g_strcmp0 (field, "requested_assistance") == 0)
        six_edit_set_boolean (edit, field, g_strcmp0 (value, "true") == 0);
      else
        six_edit_set_string (edit, field, value);
    }
  va_end (args);

  g_ptr_array_add (edits, g_steal_pointer (&edit));
  g_assert_cmpint (six_db_apply_edits (db, "test", edits, &error), >, 0);
  g_assert_no_error (error);
}

/* Figures counted by hand. 2016: Peru asks (unanswered). 2018: Lebanon asks for victim
 * assistance (1000 EUR; Norway pledges 600 EUR and Germany 900.25 USD: partly answered) and
 * for clearance (nothing given: unanswered); Lao PDR asks 500 EUR for clearance and Norway
 * disburses 500 EUR (answered); a withdrawn request is nobody's need. 2020: Peru asks again.
 * Lebanon's Art. 4 deadline is open with an extension requested; its coalition meets soon. */
static SixDb *
open_fixture (gint64 *now)
{
  g_autoptr(GError) error = NULL;
  SixDb *db = six_db_open (":memory:", &error);

  g_assert_no_error (error);
  six_db_set_wall_clock (db, fixed_now, now);

  put (db, "country", "LBN", "name", "Lebanon", "status", "party", NULL);
  put (db, "country", "LAO", "name", "Lao PDR", "status", "party", NULL);
  put (db, "country", "NOR", "name", "Norway", "status", "party", NULL);
  put (db, "country", "DEU", "name", "Germany", "status", "party", NULL);
  put (db, "country", "PER", "name", "Peru", "status", "party", NULL);

  put (db, "article7_report", "LBN:2018", "country", "LBN", "year", "2018",
       "requested_assistance", "true", NULL);
  put (db, "article7_report", "LAO:2018", "country", "LAO", "year", "2018", NULL);
  put (db, "article7_report", "NOR:2018", "country", "NOR", "year", "2018", NULL);

  put (db, "assistance_request", "r-per-2016", "country", "PER", "year", "2016",
       "category", "stockpile_destruction", NULL);
  put (db, "assistance_request", "r-lbn-va", "country", "LBN", "year", "2018",
       "category", "victim_assistance", "amount", "1000", "currency", "EUR", NULL);
  put (db, "assistance_request", "r-lbn-sc", "country", "LBN", "year", "2018",
       "category", "survey_clearance", "description", "Clearance of the south", NULL);
  put (db, "assistance_request", "r-lao-sc", "country", "LAO", "year", "2018",
       "category", "survey_clearance", "amount", "500", "currency", "EUR", NULL);
  put (db, "assistance_request", "r-lao-withdrawn", "country", "LAO", "year", "2018",
       "category", "risk_education", "status", "withdrawn", NULL);
  put (db, "assistance_request", "r-per-2020", "country", "PER", "year", "2020",
       "category", "stockpile_destruction", NULL);

  put (db, "contribution", "c-eur", "donor", "NOR", "recipient", "LBN",
       "category", "victim_assistance", "amount", "600", "currency", "EUR", "year", "2018",
       "status", "pledged", "request", "r-lbn-va", NULL);
  put (db, "contribution", "c-usd", "donor", "DEU", "recipient", "LBN",
       "category", "victim_assistance", "amount", "900.25", "currency", "USD", "year", "2018",
       "status", "pledged", "request", "r-lbn-va", NULL);
  put (db, "contribution", "c-lao", "donor", "NOR", "recipient", "LAO",
       "category", "survey_clearance", "amount", "500", "currency", "EUR", "year", "2018",
       "status", "disbursed", "request", "r-lao-sc", NULL);

  put (db, "obligation", "LBN:art4", "country", "LBN", "article", "art4",
       "original_deadline", "2021-08-01", "current_deadline", "2028-01-01",
       "status", "in_progress", NULL);
  put (db, "extension_request", "LBN:art4:1", "obligation", "LBN:art4",
       "submitted_on", "2027-03-01", "requested_until", "2030-01-01", "decision", "requested",
       NULL);
  put (db, "coalition", "co-lbn", "lead", "LBN", "title", "Lebanon Country Coalition",
       "status", "active", NULL);
  put (db, "meeting", "m-next", "coalition", "co-lbn", "held_on", "2027-02-01",
       "title", "Donors, operators; and the ISU \\ review",
       "place", "Palais des Nations, Avenue de la Paix 8-14, 1211 Genève 10, "
                "Suisse — Salle XVII", NULL);

  return db;
}

/* The fixtures' "today": 2026-12-07. */
#define FIXTURE_DAY G_GINT64_CONSTANT (1796601600000)

static SixOverview *
load_overview (SixDb *db,
               int    first,
               int    last)
{
  g_autoptr(GError) error = NULL;
  SixOverview *overview = six_report_load_overview (db, first, last, &error);

  g_assert_no_error (error);
  g_assert_nonnull (overview);

  return overview;
}

static SixReportTable *
build_overview (SixDb *db,
                int    first,
                int    last)
{
  g_autoptr(SixOverview) overview = load_overview (db, first, last);

  return six_report_build_overview (overview);
}

/* The row of a figure; @key is the category, a contribution's status or the bucket, and
 * @currency a total's currency, when the figure has them. */
static int
find_figure (SixReportTable *table,
             const char     *section,
             const char     *figure,
             const char     *key,
             const char     *currency)
{
  guint section_column = column (table, "section");
  guint figure_column = column (table, "figure");
  guint category_column = column (table, "category");
  guint status_column = column (table, "status");
  guint currency_column = column (table, "currency");
  int found = -1;

  for (guint r = 0; r < six_report_table_get_n_rows (table); r++)
    {
      const char *category = six_report_table_get_cell (table, r, category_column);
      const char *status = six_report_table_get_cell (table, r, status_column);

      if (g_strcmp0 (six_report_table_get_cell (table, r, section_column), section) != 0 ||
          g_strcmp0 (six_report_table_get_cell (table, r, figure_column), figure) != 0 ||
          (key != NULL && g_strcmp0 (category, key) != 0 && g_strcmp0 (status, key) != 0) ||
          (currency != NULL &&
           g_strcmp0 (six_report_table_get_cell (table, r, currency_column), currency) != 0))
        continue;

      /* A figure is one row: two would be a sum split or counted twice. */
      g_assert_cmpint (found, ==, -1);
      found = (int) r;
    }

  return found;
}

static const char *
figure_cell (SixReportTable *table,
             const char     *section,
             const char     *figure,
             const char     *key,
             const char     *column_name)
{
  int row = find_figure (table, section, figure, key, NULL);

  g_assert_cmpint (row, >=, 0);

  return six_report_table_get_cell (table, (guint) row, column (table, column_name));
}

static guint
count_section (SixReportTable *table,
               const char     *section)
{
  guint section_column = column (table, "section");
  guint n = 0;

  for (guint r = 0; r < six_report_table_get_n_rows (table); r++)
    if (g_strcmp0 (six_report_table_get_cell (table, r, section_column), section) == 0)
      n++;

  return n;
}

/* The coordinators' 2019 concept note, for the 2018 reports (seeds/001, lines 27-37). */
static void
test_report_overview_concept_note (void)
{
  SixDb *db = get_shared_db ();
  g_autoptr(SixReportTable) table = NULL;
  g_autofree char *csv = NULL;

  shared_now = PACK_DAY;
  table = build_overview (db, 2018, 2018);

  /* "11 out of 67 States Parties that had submitted their 2018 Article 7 reports …" */
  g_assert_cmpstr (figure_cell (table, "summary", "states_seeking", NULL, "count"), ==, "11");
  g_assert_cmpstr (figure_cell (table, "summary", "states_seeking", NULL, "states"), ==,
                   "AFG, ALB, IRQ, LAO, LBN, MNE, MOZ, PER, PSE, SOM, TCD");
  g_assert_cmpstr (figure_cell (table, "summary", "states_seeking", NULL, "first_year"), ==,
                   "2018");
  g_assert_cmpstr (figure_cell (table, "summary", "states_seeking", NULL, "last_year"), ==,
                   "2018");
  /* The note's denominator is 67, but the pack holds only the 11 reports that asked for help
   * (its Art. 7 records come from this very note, which names no other reporting State):
   * 11 is what is recorded, and the overview says so rather than borrow the note's 67. */
  g_test_message ("denominator: the note says 67 States Parties reported for 2018; the pack "
                  "records 11 reports, those of the requesting States");
  g_assert_cmpstr (figure_cell (table, "summary", "states_reporting", NULL, "count"), ==, "11");

  /* "one (Peru) requested assistance for stockpile destruction obligations" */
  g_assert_cmpstr (figure_cell (table, "category", "states", "stockpile_destruction", "count"),
                   ==, "1");
  g_assert_cmpstr (figure_cell (table, "category", "states", "stockpile_destruction", "states"),
                   ==, "PER");
  /* "seven (Afghanistan, Chad, Lao PDR, Lebanon, Montenegro & State of Palestine) for survey
   * & clearance": the note says seven but names six, and no seventh State appears anywhere in
   * it; the pack records the six it names, so six it is. */
  g_test_message ("survey and clearance: the note says \"seven\" but names six States; the "
                  "pack records the six named");
  g_assert_cmpstr (figure_cell (table, "category", "states", "survey_clearance", "count"), ==,
                   "6");
  g_assert_cmpstr (figure_cell (table, "category", "states", "survey_clearance", "states"), ==,
                   "AFG, LAO, LBN, MNE, PSE, TCD");
  /* "five (Afghanistan, Iraq, Lebanon, Montenegro & Somalia) for risk reduction education" */
  g_assert_cmpstr (figure_cell (table, "category", "states", "risk_education", "count"), ==,
                   "5");
  g_assert_cmpstr (figure_cell (table, "category", "states", "risk_education", "states"), ==,
                   "AFG, IRQ, LBN, MNE, SOM");
  /* "nine (Afghanistan, Albania, Chad, Iraq, Lao PDR, Lebanon, Montenegro, Somalia and State
   * of Palestine) for victim assistance" */
  g_assert_cmpstr (figure_cell (table, "category", "states", "victim_assistance", "count"), ==,
                   "9");
  g_assert_cmpstr (figure_cell (table, "category", "states", "victim_assistance", "states"), ==,
                   "AFG, ALB, IRQ, LAO, LBN, MNE, PSE, SOM, TCD");
  /* "one (Mozambique) for … munitions [obsolete aerial bombs] not covered by the Convention" */
  g_assert_cmpstr (figure_cell (table, "category", "states", "other", "count"), ==, "1");
  g_assert_cmpstr (figure_cell (table, "category", "states", "other", "states"), ==, "MOZ");
  /* No other category was asked for, and none is shown with an invented zero. */
  g_assert_cmpint (find_figure (table, "category", "states", "national_implementation", NULL),
                   ==, -1);
  g_assert_cmpuint (count_section (table, "category"), ==, 5 * 4);

  /* The note records needs, not answers: 22 requests, none answered, nothing given. */
  g_assert_cmpstr (figure_cell (table, "summary", "requests", NULL, "count"), ==, "22");
  g_assert_cmpstr (figure_cell (table, "summary", "unanswered", NULL, "count"), ==, "22");
  g_assert_cmpstr (figure_cell (table, "category", "unanswered", "victim_assistance", "count"),
                   ==, "9");
  g_assert_cmpuint (count_section (table, "unanswered"), ==, 22);
  g_assert_cmpuint (count_section (table, "contributions"), ==, 0);

  /* People read the States' names and the words, not codes. */
  csv = six_report_table_format (table, SIX_REPORT_FORMAT_CSV);
  g_assert_true (g_str_has_prefix (csv, "Section,From,To,Category,Status,Currency,Figure,"));
  g_assert_nonnull (strstr (csv, "By category,2018,2018,Victim assistance,,,States,9,,,,"));
  g_assert_nonnull (strstr (csv, ",Afghanistan; Iraq; Lebanon; Montenegro; Somalia\r\n"));
  g_assert_null (strstr (csv, "victim_assistance"));
}

static void
test_report_overview_coverage (void)
{
  gint64 now = FIXTURE_DAY;
  g_autoptr(SixDb) db = open_fixture (&now);
  g_autoptr(SixReportTable) table = build_overview (db, 2018, 2018);
  int row;

  g_assert_cmpstr (figure_cell (table, "summary", "states_seeking", NULL, "count"), ==, "2");
  g_assert_cmpstr (figure_cell (table, "summary", "states_reporting", NULL, "count"), ==, "3");
  g_assert_cmpstr (figure_cell (table, "summary", "requests", NULL, "count"), ==, "3");
  /* Answered: 500 EUR of 500 EUR. Partly: 600 EUR of 1000 EUR, the USD not counting towards
   * EUR. Unanswered: nothing against it. */
  g_assert_cmpstr (figure_cell (table, "summary", "answered", NULL, "count"), ==, "1");
  g_assert_cmpstr (figure_cell (table, "summary", "partly", NULL, "count"), ==, "1");
  g_assert_cmpstr (figure_cell (table, "summary", "unanswered", NULL, "count"), ==, "1");
  g_assert_cmpstr (figure_cell (table, "category", "states", "survey_clearance", "count"), ==,
                   "2");
  g_assert_cmpstr (figure_cell (table, "category", "answered", "survey_clearance", "count"), ==,
                   "1");
  g_assert_cmpstr (figure_cell (table, "category", "unanswered", "survey_clearance", "count"),
                   ==, "1");
  g_assert_cmpstr (figure_cell (table, "category", "partly", "victim_assistance", "count"), ==,
                   "1");
  /* The withdrawn risk education request is nobody's need. */
  g_assert_cmpint (find_figure (table, "category", "states", "risk_education", NULL), ==, -1);

  /* The unanswered request, with its State. */
  row = find_figure (table, "unanswered", "request", NULL, NULL);
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpstr (six_report_table_get_cell (table, row, column (table, "country")), ==, "LBN");
  g_assert_cmpstr (six_report_table_get_cell (table, row, column (table, "category")), ==,
                   "survey_clearance");
}

static void
test_report_overview_currencies (void)
{
  gint64 now = FIXTURE_DAY;
  g_autoptr(SixDb) db = open_fixture (&now);
  g_autoptr(SixReportTable) table = build_overview (db, 2018, 2018);
  g_autoptr(SixReportTable) moved = NULL;
  guint amount = column (table, "amount");
  int eur, usd, disbursed;

  /* Pledged: 600 EUR and 900.25 USD, two rows; 1500.25 of nothing would be a lie. */
  eur = find_figure (table, "contributions", "total", "pledged", "EUR");
  usd = find_figure (table, "contributions", "total", "pledged", "USD");
  disbursed = find_figure (table, "contributions", "total", "disbursed", "EUR");
  g_assert_cmpint (eur, >=, 0);
  g_assert_cmpint (usd, >=, 0);
  g_assert_cmpstr (six_report_table_get_cell (table, eur, amount), ==, "600");
  g_assert_cmpstr (six_report_table_get_cell (table, usd, amount), ==, "900.25");
  g_assert_cmpstr (six_report_table_get_cell (table, disbursed, amount), ==, "500");
  g_assert_cmpuint (count_section (table, "contributions"), ==, 3);
  g_assert_cmpstr (six_report_table_get_label (table, usd, column (table, "status")), ==,
                   "Pledged");

  /* Norway's 600 EUR moves from pledged to disbursed: the totals move with it. */
  put (db, "contribution", "c-eur", "status", "disbursed", NULL);
  moved = build_overview (db, 2018, 2018);
  g_assert_cmpint (find_figure (moved, "contributions", "total", "pledged", "EUR"), ==, -1);
  disbursed = find_figure (moved, "contributions", "total", "disbursed", "EUR");
  g_assert_cmpstr (six_report_table_get_cell (moved, disbursed, amount), ==, "1100");
  g_assert_cmpstr (six_report_table_get_cell (moved, disbursed, column (moved, "count")), ==,
                   "2");
  g_assert_cmpstr (six_report_table_get_label (moved, disbursed, amount), ==, "1,100");
  usd = find_figure (moved, "contributions", "total", "pledged", "USD");
  g_assert_cmpstr (six_report_table_get_cell (moved, usd, amount), ==, "900.25");
}

static void
test_report_overview_span (void)
{
  gint64 now = FIXTURE_DAY;
  g_autoptr(SixDb) db = open_fixture (&now);
  g_autoptr(SixReportTable) span = build_overview (db, 2016, 2020);
  g_autoptr(SixReportTable) latest = build_overview (db, 0, 0);
  guint section = column (span, "section");
  guint first_year = column (span, "first_year");
  g_autoptr(GPtrArray) unanswered = g_ptr_array_new ();

  g_assert_cmpstr (figure_cell (span, "summary", "states_seeking", NULL, "states"), ==,
                   "LAO, LBN, PER");
  g_assert_cmpstr (figure_cell (span, "summary", "states_seeking", NULL, "first_year"), ==,
                   "2016");
  g_assert_cmpstr (figure_cell (span, "summary", "states_seeking", NULL, "last_year"), ==,
                   "2020");
  g_assert_cmpstr (figure_cell (span, "category", "states", "stockpile_destruction", "count"),
                   ==, "1");
  g_assert_cmpstr (figure_cell (span, "category", "unanswered", "stockpile_destruction",
                                "count"), ==, "2");

  /* The unanswered requests, oldest first. */
  for (guint r = 0; r < six_report_table_get_n_rows (span); r++)
    if (g_strcmp0 (six_report_table_get_cell (span, r, section), "unanswered") == 0)
      g_ptr_array_add (unanswered, (gpointer) six_report_table_get_cell (span, r, first_year));
  g_ptr_array_add (unanswered, NULL);
  g_assert_cmpstrv ((const char * const *) unanswered->pdata,
                    ((const char *[]) { "2016", "2018", "2020", NULL }));

  /* The trend: every year holding data, each on its own. */
  g_assert_cmpuint (count_section (span, "trend"), ==, 3 * 3);
  g_assert_cmpstr (figure_cell (latest, "summary", "states_seeking", NULL, "first_year"), ==,
                   "2020");
  g_assert_cmpstr (figure_cell (latest, "summary", "states_seeking", NULL, "states"), ==, "PER");
}

static void
test_report_overview_empty_year (void)
{
  gint64 now = FIXTURE_DAY;
  g_autoptr(SixDb) db = open_fixture (&now);
  g_autoptr(SixReportTable) table = build_overview (db, 2019, 2019);

  /* 2019 holds nothing: zero States, and nothing invented to fill the year. */
  g_assert_cmpstr (figure_cell (table, "summary", "states_seeking", NULL, "count"), ==, "0");
  g_assert_null (figure_cell (table, "summary", "states_seeking", NULL, "states"));
  g_assert_cmpstr (figure_cell (table, "summary", "states_reporting", NULL, "count"), ==, "0");
  g_assert_cmpstr (figure_cell (table, "summary", "requests", NULL, "count"), ==, "0");
  g_assert_cmpuint (count_section (table, "category"), ==, 0);
  g_assert_cmpuint (count_section (table, "contributions"), ==, 0);
  g_assert_cmpuint (count_section (table, "unanswered"), ==, 0);
  /* The radar is not a year's: Lebanon's deadline, 2028-01-01, is 13 months away. */
  g_assert_cmpuint (count_section (table, "deadlines"), ==, 6);
  g_assert_cmpstr (figure_cell (table, "deadlines", "deadlines", "within_36_months", "count"),
                   ==, "1");
  g_assert_cmpstr (figure_cell (table, "deadlines", "deadlines", "within_36_months", "states"),
                   ==, "LBN");
  g_assert_cmpstr (figure_cell (table, "deadlines", "deadlines", "passed", "count"), ==, "0");
  g_assert_cmpstr (figure_cell (table, "deadlines", "deadlines", "extension_requested", "count"),
                   ==, "0");
}

/* Each request with who answered it, how far, and with what — per currency. */
static void
test_report_assistance_responses (void)
{
  gint64 now = FIXTURE_DAY;
  g_autoptr(SixDb) db = open_fixture (&now);
  g_autoptr(SixReportTable) table = build (db, "assistance-requests");
  guint answered = column (table, "answered");
  guint donors = column (table, "donors");
  guint amounts = column (table, "amounts");
  guint statuses = column (table, "response_statuses");
  int lebanon_va = -1;
  int withdrawn;
  g_autofree char *json = NULL;

  /* Every request of every year, withdrawn ones too. */
  g_assert_cmpuint (six_report_table_get_n_rows (table), ==, 6);
  for (guint r = 0; r < six_report_table_get_n_rows (table); r++)
    if (g_strcmp0 (six_report_table_get_cell (table, r, column (table, "country")), "LBN") == 0 &&
        g_strcmp0 (six_report_table_get_cell (table, r, column (table, "category")),
                   "victim_assistance") == 0)
      lebanon_va = (int) r;
  g_assert_cmpint (lebanon_va, >=, 0);

  g_assert_cmpstr (six_report_table_get_cell (table, lebanon_va, answered), ==, "partly");
  g_assert_cmpstr (six_report_table_get_label (table, lebanon_va, answered), ==,
                   "Partly answered");
  g_assert_cmpstr (six_report_table_get_cell (table, lebanon_va, donors), ==, "Germany; Norway");
  g_assert_cmpstr (six_report_table_get_cell (table, lebanon_va, amounts), ==,
                   "600 EUR; 900.25 USD");
  g_assert_cmpstr (six_report_table_get_label (table, lebanon_va, amounts), ==,
                   "600 EUR; 900.25 USD");
  g_assert_cmpstr (six_report_table_get_cell (table, lebanon_va, statuses), ==, "pledged");
  g_assert_cmpstr (six_report_table_get_label (table, lebanon_va, statuses), ==, "Pledged");

  g_assert_cmpstr (six_report_table_get_cell (table, find_row (table, "description",
                                                               "Clearance of the south"),
                                              answered), ==, "unanswered");

  /* A withdrawn request asks nothing: no answer to weigh. */
  withdrawn = find_row (table, "status", "withdrawn");
  g_assert_cmpint (withdrawn, >=, 0);
  g_assert_null (six_report_table_get_cell (table, withdrawn, answered));

  /* More given than asked in one currency answers it; the sums stay per currency. */
  put (db, "contribution", "c-more", "donor", "NOR", "recipient", "LBN",
       "category", "victim_assistance", "amount", "400", "currency", "EUR", "year", "2018",
       "status", "committed", "request", "r-lbn-va", NULL);
  {
    g_autoptr(SixReportTable) more = build (db, "assistance-requests");

    g_assert_cmpstr (six_report_table_get_cell (more, lebanon_va, answered), ==, "answered");
    g_assert_cmpstr (six_report_table_get_cell (more, lebanon_va, amounts), ==,
                     "1000 EUR; 900.25 USD");
    g_assert_cmpstr (six_report_table_get_label (more, lebanon_va, amounts), ==,
                     "1,000 EUR; 900.25 USD");
    g_assert_cmpstr (six_report_table_get_cell (more, lebanon_va, statuses), ==,
                     "pledged, committed");
  }

  json = six_report_run (db, "assistance-requests", SIX_REPORT_FORMAT_JSON, NULL);
  g_assert_nonnull (strstr (json, "\"answered\" : \"answered\""));
  g_assert_nonnull (strstr (json, "\"category\" : \"victim_assistance\""));
}

static void
assert_crlf_folded (const char *ics)
{
  for (const char *line = ics; *line != '\0';)
    {
      const char *end = strstr (line, "\r\n");

      /* Every line ends in CRLF, none is longer than 75 octets, no bare LF hides inside. */
      g_assert_nonnull (end);
      g_assert_cmpint (end - line, <=, 75);
      g_assert_null (memchr (line, '\n', (gsize) (end - line)));
      line = end + 2;
    }
}

/* Unfolded, as a calendar reads it back. */
static char *
unfold (const char *ics)
{
  g_autoptr(GRegex) fold = g_regex_new ("\r\n ", 0, 0, NULL);

  return g_regex_replace_literal (fold, ics, -1, 0, "", 0, NULL);
}

static void
test_report_deadlines_ics (void)
{
  SixDb *db = get_shared_db ();
  g_autoptr(SixOverview) overview = NULL;
  g_autoptr(SixOverview) again = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *second = NULL;
  g_autofree char *flat = NULL;

  shared_now = PACK_DAY;
  overview = load_overview (db, 0, 0);
  ics = six_report_deadlines_ics (overview);
  assert_crlf_folded (ics);
  flat = unfold (ics);

  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  g_assert_true (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));
  /* Lebanon's Art. 4 deadline, with the extension it requested at the 13MSP. */
  g_assert_nonnull (strstr (flat, "BEGIN:VEVENT\r\n"
                                  "UID:obligation-LBN-art4@articlesix.github.io\r\n"
                                  "DTSTAMP:20250919T000000Z\r\n"
                                  "DTSTART;VALUE=DATE:20260501\r\n"
                                  "DTEND;VALUE=DATE:20260502\r\n"));
  g_assert_nonnull (strstr (flat, "SUMMARY:Lebanon: Art. 4 clearance deadline\r\n"));
  g_assert_nonnull (strstr (flat, "Extension requested\\, no decision recorded yet\\n"
                                  "To be considered at 13MSP (Sep 2025)"));
  g_assert_nonnull (strstr (flat, "SUMMARY:Chad: Art. 4 clearance deadline"));
  /* Montenegro and Peru completed: off the calendar; Art. 5 has no deadline. */
  g_assert_null (strstr (flat, "obligation-MNE-art4"));
  g_assert_null (strstr (flat, "obligation-PER-art3"));
  g_assert_null (strstr (flat, "-art5@"));

  /* The same day, the same store: the same bytes, so a calendar updates, not duplicates. */
  again = load_overview (db, 0, 0);
  second = six_report_deadlines_ics (again);
  g_assert_cmpstr (ics, ==, second);
}

static void
test_report_meetings_ics (void)
{
  gint64 now = FIXTURE_DAY;
  g_autoptr(SixDb) db = open_fixture (&now);
  g_autoptr(SixOverview) overview = load_overview (db, 0, 0);
  g_autoptr(SixOverview) later = NULL;
  g_autofree char *ics = six_report_deadlines_ics (overview);
  g_autofree char *flat = unfold (ics);
  g_autofree char *after = NULL;

  assert_crlf_folded (ics);
  g_assert_nonnull (strstr (flat, "UID:obligation-LBN-art4@articlesix.github.io\r\n"
                                  "DTSTAMP:20261207T000000Z\r\n"
                                  "DTSTART;VALUE=DATE:20280101\r\n"));
  g_assert_nonnull (strstr (flat, "DESCRIPTION:Original deadline: 2021-08-01\\n"
                                  "Extension requested until 2030-01-01\\, no decision "
                                  "recorded yet\\nRequest submitted on 2027-03-01\r\n"));

  /* The coalition's next meeting: commas, semicolons and backslashes escaped, a long
   * location folded between characters, never inside "è". */
  g_assert_nonnull (strstr (flat, "UID:meeting-m-next@articlesix.github.io\r\n"));
  g_assert_nonnull (strstr (flat, "DTSTART;VALUE=DATE:20270201\r\n"));
  g_assert_nonnull (strstr (flat, "SUMMARY:Lebanon Country Coalition: Donors\\, operators\\; "
                                  "and the ISU \\\\ review\r\n"));
  g_assert_nonnull (strstr (flat, "LOCATION:Palais des Nations\\, Avenue de la Paix 8-14\\, "
                                  "1211 Genève 10\\, Suisse — Salle XVII\r\n"));
  g_assert_true (g_utf8_validate (ics, -1, NULL));
  g_assert_nonnull (strstr (ics, "\r\n "));

  /* Once the meeting is past, it leaves the calendar. */
  now = FIXTURE_DAY + 90 * DAY_MS;
  later = load_overview (db, 0, 0);
  after = six_report_deadlines_ics (later);
  g_assert_null (strstr (after, "meeting-m-next"));
  g_assert_nonnull (strstr (after, "DTSTAMP:20270307T000000Z"));
}

/* Text and CSV speak the user's language; JSON does not change with it. */
static void
test_report_labels_french (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *catalog = g_test_build_filename (G_TEST_BUILT, "..", "po", "fr",
                                                    "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                                    NULL);
  SixDb *db = get_shared_db ();
  g_autofree char *json_before = NULL;
  g_autofree char *json_after = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (catalog, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the French catalog is not built");
      return;
    }

  json_before = six_report_run (db, "assistance-requests", SIX_REPORT_FORMAT_JSON, &error);
  g_assert_no_error (error);

  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  csv = six_report_run (db, "assistance-requests", SIX_REPORT_FORMAT_CSV, &error);
  g_assert_no_error (error);
  json_after = six_report_run (db, "assistance-requests", SIX_REPORT_FORMAT_JSON, &error);
  g_assert_no_error (error);
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");

  g_assert_true (g_str_has_prefix (csv, "Année,Catégorie,"));
  g_assert_nonnull (strstr (csv, ",Assistance aux victimes,"));
  g_assert_nonnull (strstr (csv, "Relevé et dépollution"));
  g_assert_null (strstr (csv, "victim_assistance"));
  g_assert_nonnull (strstr (json_after, "\"category\" : \"victim_assistance\""));

  /* The States' names follow the language in JSON too; nothing else may move. */
  g_assert_nonnull (strstr (json_after, "\"name\" : \"Liban\""));
  g_assert_nonnull (strstr (json_before, "\"name\" : \"Lebanon\""));
}

/* An Art. 4 obligation recorded with no deadline: listed last, its deadline said unknown. */
static void
test_report_deadline_undated (void)
{
  gint64 now = PACK_DAY;
  g_autoptr(SixDb) db = open_db_with_pack (&now);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(SixReportTable) table = NULL;
  SixEdit *edit;
  guint last;

  edit = six_edit_new (six_kind_lookup ("obligation"), "NZL:art4");
  six_edit_set_string (edit, "country", "NZL");
  six_edit_set_string (edit, "article", "art4");
  six_edit_set_string (edit, "status", "in_progress");
  g_ptr_array_add (edits, edit);
  g_assert_cmpint (six_db_apply_edits (db, "add", edits, &error), >, 0);
  g_assert_no_error (error);

  table = build (db, "deadlines");
  last = six_report_table_get_n_rows (table) - 1;
  g_assert_cmpstr (six_report_table_get_cell (table, last, column (table, "obligation")), ==,
                   "NZL:art4");
  g_assert_null (six_report_table_get_cell (table, last, column (table, "current_deadline")));
  g_assert_cmpstr (six_report_table_get_cell (table, last, column (table, "deadline_status")),
                   ==, "unknown");
  g_assert_cmpstr (six_report_table_get_label (table, last, column (table, "deadline_status")),
                   ==, "Deadline unknown");
}

/* The deadlines in the user's language, French and Spanish: the words, never the codes. */
static void
test_report_deadline_labels (void)
{
  static const struct { const char *language, *state, *pending, *completed; } cases[] = {
    { "fr", "Liban · Art. 4 dépollution,LBN,Liban,",
      "Prolongation demandée — décision non enregistrée", "Achevé le 2023-12-15" },
    { "es", "Líbano · Art. 4 limpieza,LBN,Líbano,",
      "Prórroga solicitada — decisión no registrada", "Completado el 2023-12-15" },
  };
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  SixDb *db = get_shared_db ();

  g_autofree char *catalog = g_test_build_filename (G_TEST_BUILT, "..", "po", "fr",
                                                    "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                                    NULL);

  if (!g_file_test (catalog, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the French catalog is not built");
      return;
    }

  shared_now = PACK_DAY + 444 * DAY_MS; /* 2026-12-07 */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *csv = NULL;

      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      setlocale (LC_ALL, "");
      csv = six_report_run (db, "deadlines", SIX_REPORT_FORMAT_CSV, &error);
      g_assert_no_error (error);

      g_test_message ("%s", cases[i].language);
      g_assert_nonnull (strstr (csv, cases[i].state));
      g_assert_nonnull (strstr (csv, cases[i].pending));
      g_assert_nonnull (strstr (csv, cases[i].completed));
      g_assert_null (strstr (csv, "extension_requested"));
      g_assert_null (strstr (csv, "LBN:art4"));
    }

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  shared_now = PACK_DAY;
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  /* The catalogs built beside the tests, so translated words can be checked uninstalled. */
  {
    g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

    bindtextdomain (GETTEXT_PACKAGE, locale_dir);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);
  }

  g_test_add_func ("/views/report/csv", test_report_csv);
  g_test_add_func ("/views/report/csv-formulas", test_report_csv_formulas);
  g_test_add_func ("/views/report/json", test_report_json);
  g_test_add_func ("/views/report/text", test_report_text);
  g_test_add_func ("/views/report/names", test_report_names);
  g_test_add_func ("/views/report/assistance-requests", test_report_assistance_requests);
  g_test_add_func ("/views/report/assistance-requests/responses",
                   test_report_assistance_responses);
  g_test_add_func ("/views/report/states", test_report_states);
  g_test_add_func ("/views/report/deadlines", test_report_deadlines);
  g_test_add_func ("/views/report/deadline-states", test_report_deadline_states);
  g_test_add_func ("/views/report/deadline-labels", test_report_deadline_labels);
  g_test_add_func ("/views/report/deadline-undated", test_report_deadline_undated);
  g_test_add_func ("/views/report/deadlines/ics", test_report_deadlines_ics);
  g_test_add_func ("/views/report/deadlines/ics-meetings", test_report_meetings_ics);
  g_test_add_func ("/views/report/conflicts", test_report_conflicts);
  g_test_add_func ("/views/report/overview/concept-note", test_report_overview_concept_note);
  g_test_add_func ("/views/report/overview/coverage", test_report_overview_coverage);
  g_test_add_func ("/views/report/overview/currencies", test_report_overview_currencies);
  g_test_add_func ("/views/report/overview/span", test_report_overview_span);
  g_test_add_func ("/views/report/overview/empty-year", test_report_overview_empty_year);
  g_test_add_func ("/views/report/labels/french", test_report_labels_french);

  status = g_test_run ();
  g_clear_pointer (&shared_db, six_db_close);

  return status;
}
