/* test-import.c — tests for applying exchange files: exactness, dry runs, undo, rollback, kill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-import.h"
#include "six-exchange-reader.h"
#include "six-exchange-writer.h"
#include "six-report.h"
#include "six-db-private.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

/* The wall clock of every database here: 2025-11-23, ms since the epoch. */
#define NOW G_GINT64_CONSTANT (1763900000000)

/* How many records the kill test's child imports. */
#define N_KILL_RECORDS 30000

/* Set from argv[0]: the kill test re-runs this binary as its child. */
static const char *test_binary;

typedef struct
{
  gint64 now;
} FakeWall;

static gint64
fake_wall_now (gpointer user_data)
{
  FakeWall *wall = user_data;

  return wall->now;
}

static SixDb *
open_db (const char *path,
         FakeWall   *wall)
{
  g_autoptr(GError) error = NULL;
  SixDb *db;

  db = six_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  if (wall != NULL)
    six_db_set_wall_clock (db, fake_wall_now, wall);

  return db;
}

static const SixKind *
kind (const char *name)
{
  const SixKind *result = six_kind_lookup (name);

  g_assert_nonnull (result);

  return result;
}

static guint
field_index (const char *kind_name,
             const char *field)
{
  int index = six_kind_field_index (kind (kind_name), field);

  g_assert_cmpint (index, >=, 0);

  return (guint) index;
}

static gint64
apply_one (SixDb      *db,
           const char *label,
           SixEdit    *edit)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GError) error = NULL;
  gint64 operation;

  g_ptr_array_add (edits, edit);
  operation = six_db_apply_edits (db, label, edits, &error);
  g_assert_no_error (error);

  return operation;
}

/* Returns the new organisation's id. */
static char *
create_organisation (SixDb      *db,
                     const char *name,
                     const char *acronym)
{
  SixEdit *edit = six_edit_new (kind ("organisation"), NULL);
  char *id = g_strdup (six_edit_get_id (edit));

  six_edit_set_string (edit, "name", name);
  if (acronym != NULL)
    six_edit_set_string (edit, "acronym", acronym);
  g_assert_cmpint (apply_one (db, "Add organisation", edit), >, 0);

  return id;
}

static void
set_field (SixDb      *db,
           const char *kind_name,
           const char *id,
           const char *field,
           const char *value)
{
  SixEdit *edit = six_edit_new (kind (kind_name), id);

  six_edit_set_string (edit, field, value);
  g_assert_cmpint (apply_one (db, "Edit", edit), >, 0);
}

static void
delete_record (SixDb      *db,
               const char *kind_name,
               const char *id)
{
  SixEdit *edit = six_edit_new (kind (kind_name), id);

  six_edit_delete (edit);
  g_assert_cmpint (apply_one (db, "Delete", edit), >, 0);
}

static SixRecord *
get_record (SixDb      *db,
            const char *kind_name,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  SixRecord *record = six_db_get_record (db, kind (kind_name), id, TRUE, &error);

  g_assert_no_error (error);

  return record;
}

/* Every record the database holds, as a file exported by it would carry them. */
static SixExchangeFile *
export_all (SixDb      *db,
            const char *export_id)
{
  SixExchangeFile *file = six_exchange_file_new ();
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, export_id, -1);
  g_autofree char *checksum = g_strconcat ("sha256:", hash, NULL);
  g_autoptr(SixReplicaInfo) origin = NULL;
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);

  origin = six_replica_info_new (six_db_get_replica_id (db), "Amal Haddad", "Lebanon MAC");
  six_exchange_file_set_display_name (file, "test.a6.json");
  six_exchange_file_set_export_id (file, export_id);
  six_exchange_file_set_checksum (file, checksum);
  six_exchange_file_set_origin (file, origin);
  six_exchange_file_set_level (file, SIX_VISIBILITY_PRIVATE);
  six_exchange_file_add_replica (file, six_replica_info_new (six_db_get_replica_id (db),
                                                             "Amal Haddad", "Lebanon MAC"));

  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = six_db_list_records (db, &kinds[i], TRUE, TRUE, &error);

      g_assert_no_error (error);
      for (guint j = 0; j < records->len; j++)
        six_exchange_file_add_record (file, records->pdata[j]);
    }

  return file;
}

static void
append_value (GString  *out,
              GVariant *value)
{
  g_autofree char *text = value != NULL ? g_variant_print (value, TRUE) : g_strdup ("NULL");

  g_string_append (out, text);
}

/* Every record of every kind, values and (optionally) stamps, one line each. */
static char *
dump_records (SixDb    *db,
              gboolean  with_stamps)
{
  GString *out = g_string_new (NULL);
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = six_db_list_records (db, &kinds[i], TRUE, TRUE, &error);

      g_assert_no_error (error);
      for (guint j = 0; j < records->len; j++)
        {
          SixRecord *record = records->pdata[j];

          g_string_append_printf (out, "%s %s", kinds[i].name, six_record_get_id (record));
          for (guint f = 0; f < kinds[i].n_fields; f++)
            {
              const SixFieldStamp *stamp = six_record_get_nth_stamp (record, f);

              if (!six_record_has_field (record, f))
                continue;

              g_string_append_printf (out, " %s=", kinds[i].fields[f].name);
              append_value (out, six_record_get_nth_value (record, f));
              if (with_stamps)
                {
                  g_autofree char *vv = six_version_vector_to_string (stamp->vv);
                  g_autofree char *hlc = six_hlc_to_string (&stamp->hlc);

                  g_string_append_printf (out, "[%s %s %s]", vv, hlc,
                                          stamp->source != NULL ? stamp->source : "");
                }
            }
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

/* Every row of every table, so that "nothing written" means exactly that. */
static char *
dump_handle (sqlite3 *handle)
{
  GString *dump = g_string_new (NULL);
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      /* When the file was last checked through is written by the open after a kill. */
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"%s", table,
                                              strcmp (table, "meta") == 0
                                              ? " WHERE key <> 'checked_at'" : "");
      sqlite3_stmt *rows = NULL;

      g_string_append_printf (dump, "== %s\n", table);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            {
              if (sqlite3_column_type (rows, i) == SQLITE_BLOB)
                {
                  const guchar *blob = sqlite3_column_blob (rows, i);

                  for (int b = 0; b < sqlite3_column_bytes (rows, i); b++)
                    g_string_append_printf (dump, "%02x", blob[b]);
                }
              else if (sqlite3_column_type (rows, i) == SQLITE_NULL)
                g_string_append (dump, "NULL");
              else
                g_string_append (dump, (const char *) sqlite3_column_text (rows, i));
              g_string_append_c (dump, '|');
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }

  sqlite3_finalize (tables);

  return g_string_free (dump, FALSE);
}

static char *
dump_database (const char *path)
{
  sqlite3 *handle = NULL;
  char *dump;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  dump = dump_handle (handle);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  return dump;
}

static gint64
count_rows (SixDb      *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-import-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }

  g_remove (path);
}

static SixImportResult *
import (SixDb           *db,
        SixExchangeFile *file,
        gboolean         dry_run)
{
  g_autoptr(GError) error = NULL;
  SixImportResult *result = NULL;
  gboolean ok = six_import_file (db, file, dry_run, &result, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (result);

  return result;
}

/* Two replicas, A with three organisations, B empty; clocks a minute apart. */
typedef struct
{
  FakeWall  wall_a;
  FakeWall  wall_b;
  SixDb    *a;
  SixDb    *b;
  char     *ids[3];
} Pair;

static void
pair_setup (Pair          *pair,
            gconstpointer  data)
{
  pair->wall_a.now = NOW;
  pair->wall_b.now = NOW + 60000;
  pair->a = open_db (":memory:", &pair->wall_a);
  pair->b = open_db (":memory:", &pair->wall_b);

  pair->ids[0] = create_organisation (pair->a, "Halo Trust", "HALO");
  pair->ids[1] = create_organisation (pair->a, "Mines Advisory Group", "MAG");
  pair->ids[2] = create_organisation (pair->a, "Norwegian People's Aid", NULL);
  pair->wall_a.now += 1000;
}

static void
pair_teardown (Pair          *pair,
               gconstpointer  data)
{
  g_clear_pointer (&pair->a, six_db_close);
  g_clear_pointer (&pair->b, six_db_close);
  for (guint i = 0; i < G_N_ELEMENTS (pair->ids); i++)
    g_free (pair->ids[i]);
}

static SixEdit *
new_edit (GPtrArray  *edits,
          const char *kind_name,
          const char *id)
{
  SixEdit *edit = six_edit_new (kind (kind_name), id);

  g_ptr_array_add (edits, edit);

  return edit;
}

static GVariant *
one_id (const char *id)
{
  return g_variant_new_strv (&id, 1);
}

/* What the Action plans page writes — a corrected title, the crosswalk, the follow-up with
 * its status, notes and links — travels in a file and lands the same on the other side. */
static void
test_import_action_follow_up (Pair          *pair,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  SixExportOptions options = { .level = SIX_VISIBILITY_COALITION };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(SixRecord) lap = NULL;
  g_autoptr(SixRecord) tracking = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a_records = NULL;
  g_autofree char *b_records = NULL;
  g_autofree char *related = NULL;
  gint64 operation;
  SixEdit *edit;

  edit = new_edit (edits, "plan", "lap");
  six_edit_set_string (edit, "title", "Lausanne Action Plan");
  edit = new_edit (edits, "plan", "dap");
  six_edit_set_string (edit, "title", "Dubrovnik Action Plan");
  edit = new_edit (edits, "action", "lap:38");
  six_edit_set_string (edit, "plan", "lap");
  six_edit_set_string (edit, "number", "38");
  six_edit_set_int (edit, "position", 38);
  six_edit_set_string (edit, "title", "Make needs known");
  six_edit_set_boolean (edit, "verified", TRUE);
  edit = new_edit (edits, "action", "dap:5.2");
  six_edit_set_string (edit, "plan", "dap");
  six_edit_set_string (edit, "number", "5.2");
  six_edit_set_int (edit, "position", 502);
  six_edit_set_string (edit, "title", "Communicate challenges and seek assistance");
  /* A local edit may only name records that exist: the crosswalk comes once both do. */
  six_edit_set (new_edit (edits, "action", "lap:38"), "related", one_id ("dap:5.2"));
  six_edit_set (new_edit (edits, "action", "dap:5.2"), "related", one_id ("lap:38"));
  edit = new_edit (edits, "country", "LBN");
  six_edit_set_string (edit, "name", "Lebanon");
  six_edit_set_string (edit, "status", "party");
  edit = new_edit (edits, "action_tracking", "lap:38");
  six_edit_set_string (edit, "action", "lap:38");
  six_edit_set_string (edit, "status", "in_progress");
  six_edit_set_string (edit, "notes", "Raised at the intersessional");
  six_edit_set (edit, "links", one_id ("LBN"));
  operation = six_db_apply_edits (pair->a, "Follow up", edits, &error);
  g_assert_no_error (error);
  g_assert_cmpint (operation, >, 0);

  bytes = six_exchange_write (pair->a, &options, &error);
  g_assert_no_error (error);
  file = six_exchange_read_bytes (bytes, "follow-up.a6.json", &error);
  g_assert_no_error (error);
  g_assert_true (six_import_file (pair->b, file, FALSE, &result, &error));
  g_assert_no_error (error);

  lap = get_record (pair->b, "action", "lap:38");
  tracking = get_record (pair->b, "action_tracking", "lap:38");
  g_assert_cmpstr (six_record_get_string (lap, "title"), ==, "Make needs known");
  g_assert_true (six_record_get_boolean (lap, "verified"));
  related = g_variant_print (six_record_get_value (lap, "related"), FALSE);
  g_assert_cmpstr (related, ==, "['dap:5.2']");
  g_assert_cmpstr (six_record_get_string (tracking, "status"), ==, "in_progress");
  g_assert_cmpstr (six_record_get_string (tracking, "notes"), ==, "Raised at the intersessional");

  /* Every record, value and stamp the same on both sides. */
  a_records = dump_records (pair->a, TRUE);
  b_records = dump_records (pair->b, TRUE);
  g_assert_cmpstr (a_records, ==, b_records);
}

/* B gets A's records: same values, same stamps. Then the same file again changes nothing. */
static void
test_import_apply_then_reimport (Pair          *pair,
                                 gconstpointer  data)
{
  g_autoptr(SixExchangeFile) file = export_all (pair->a, "3f1e3c9a-0000-4000-8000-000000000001");
  g_autoptr(SixExchangeFile) again = NULL;
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(SixImportResult) second = NULL;
  g_autoptr(SixImportResult) third = NULL;
  g_autofree char *a_records = dump_records (pair->a, TRUE);
  g_autofree char *b_records = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_records = NULL;

  result = import (pair->b, file, FALSE);
  g_assert_false (result->already_imported);
  g_assert_false (result->dry_run);
  g_assert_cmpint (result->operation, >, 0);
  g_assert_cmpuint (result->counts.n_records, ==, 3);
  g_assert_cmpuint (result->counts.n_new, ==, 3);
  g_assert_cmpuint (result->counts.n_changed, ==, 0);
  g_assert_cmpuint (result->counts.n_conflicts, ==, 0);
  g_assert_null (result->backup_path);

  b_records = dump_records (pair->b, TRUE);
  g_assert_cmpstr (b_records, ==, a_records);

  /* The same file, later: nothing at all changes, and the result says why. */
  pair->wall_b.now += 3600 * 1000;
  before = dump_handle (pair->b->handle);
  second = import (pair->b, file, FALSE);
  g_assert_true (second->already_imported);
  g_assert_cmpint (second->imported_at, ==, NOW + 60000);
  g_assert_null (second->plan);
  g_assert_cmpint (second->operation, ==, 0);
  g_assert_cmpuint (second->counts.n_records, ==, 0);
  after = dump_handle (pair->b->handle);
  g_assert_cmpstr (after, ==, before);

  /* The same data in another export: planned, found unchanged, nothing written but the log. */
  again = export_all (pair->a, "3f1e3c9a-0000-4000-8000-000000000002");
  third = import (pair->b, again, FALSE);
  g_assert_false (third->already_imported);
  g_assert_nonnull (third->plan);
  g_assert_true (six_merge_plan_is_empty (third->plan));
  g_assert_cmpuint (third->counts.n_unchanged, ==, 3);
  g_assert_cmpint (third->operation, ==, 0);
  g_assert_cmpint (count_rows (pair->b, "operation"), ==, 1);
  g_assert_cmpint (count_rows (pair->b, "exchange_log"), ==, 2);
  after_records = dump_records (pair->b, TRUE);
  g_assert_cmpstr (after_records, ==, b_records);
}

/* A dry run plans exactly what the import then does, and writes nothing. */
static void
test_import_dry_run (Pair          *pair,
                     gconstpointer  data)
{
  g_autoptr(SixExchangeFile) first = export_all (pair->a, "3f1e3c9a-0000-4000-8000-000000000003");
  g_autoptr(SixExchangeFile) second = NULL;
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(SixImportResult) dry = NULL;
  g_autoptr(SixImportResult) applied = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  result = import (pair->b, first, FALSE);

  /* B edits one name, A concurrently edits it and another, and deletes the third. */
  set_field (pair->b, "organisation", pair->ids[0], "name", "The HALO Trust");
  pair->wall_a.now += 120000;
  set_field (pair->a, "organisation", pair->ids[0], "name", "HALO Trust (UK)");
  set_field (pair->a, "organisation", pair->ids[1], "acronym", "M.A.G.");
  delete_record (pair->a, "organisation", pair->ids[2]);
  new_id = create_organisation (pair->a, "Danish Refugee Council", "DRC");
  second = export_all (pair->a, "3f1e3c9a-0000-4000-8000-000000000004");

  before = dump_handle (pair->b->handle);
  dry = import (pair->b, second, TRUE);
  after = dump_handle (pair->b->handle);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (dry->dry_run);
  g_assert_false (dry->already_imported);
  g_assert_cmpint (dry->operation, ==, 0);
  g_assert_cmpint (dry->log_id, ==, 0);
  g_assert_null (dry->backup_path);
  g_assert_nonnull (dry->plan);
  g_assert_cmpuint (dry->counts.n_records, ==, 4);
  g_assert_cmpuint (dry->counts.n_new, ==, 1);
  g_assert_cmpuint (dry->counts.n_changed, ==, 3);
  g_assert_cmpuint (dry->counts.n_deleted, ==, 1);
  g_assert_cmpuint (dry->counts.n_conflicts, ==, 1);
  g_assert_cmpuint (dry->plan->new_records->len, ==, 1);
  g_assert_cmpuint (dry->plan->deletions->len, ==, 1);

  /* A dry run is not an import: the real one still happens, with the same plan. */
  applied = import (pair->b, second, FALSE);
  g_assert_false (applied->already_imported);
  g_assert_cmpmem (&applied->counts, sizeof applied->counts, &dry->counts, sizeof dry->counts);
  g_clear_pointer (&after, g_free);
  after = dump_handle (pair->b->handle);
  g_assert_cmpstr (after, !=, before);
}

/* Undoing an import is one step, and gives back every previous value. */
static void
test_import_undo (Pair          *pair,
                  gconstpointer  data)
{
  g_autoptr(SixExchangeFile) first = export_all (pair->a, "3f1e3c9a-0000-4000-8000-000000000005");
  g_autoptr(SixExchangeFile) second = NULL;
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(SixImportResult) applied = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SixRecord) created = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *undone_without_new = NULL;
  g_autofree char *new_line = NULL;
  gint64 undo;

  result = import (pair->b, first, FALSE);
  set_field (pair->b, "organisation", pair->ids[1], "name", "MAG International");

  pair->wall_a.now += 120000;
  set_field (pair->a, "organisation", pair->ids[0], "name", "HALO Trust (UK)");
  set_field (pair->a, "organisation", pair->ids[0], "acronym", "HT");
  delete_record (pair->a, "organisation", pair->ids[2]);
  new_id = create_organisation (pair->a, "Danish Refugee Council", "DRC");
  second = export_all (pair->a, "3f1e3c9a-0000-4000-8000-000000000006");

  before = dump_records (pair->b, FALSE);
  applied = import (pair->b, second, FALSE);
  after = dump_records (pair->b, FALSE);
  g_assert_cmpstr (after, !=, before);

  undo = six_db_undo (pair->b, applied->operation, &error);
  g_assert_no_error (error);
  g_assert_cmpint (undo, >, 0);

  /* The record the import created stays as a tombstone; everything else is as before. */
  created = get_record (pair->b, "organisation", new_id);
  g_assert_true (six_record_is_deleted (created));
  undone = dump_records (pair->b, FALSE);
  new_line = g_strdup_printf ("organisation %s ", new_id);
  {
    g_auto(GStrv) lines = g_strsplit (undone, "\n", -1);
    GString *kept = g_string_new (NULL);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        if (lines[i][0] == '\0' || g_str_has_prefix (lines[i], new_line))
          continue;
        g_string_append_printf (kept, "%s\n", lines[i]);
      }
    undone_without_new = g_string_free (kept, FALSE);
  }
  g_assert_cmpstr (undone_without_new, ==, before);

  /* One unit: undoing it again is refused. */
  g_assert_cmpint (six_db_undo (pair->b, applied->operation, &error), ==, 0);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOTHING_TO_UNDO);
}

static SixConflict *
find_conflict (GPtrArray  *conflicts,
               const char *record_id,
               const char *field)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      SixConflict *conflict = conflicts->pdata[i];

      if (strcmp (conflict->record_id, record_id) == 0 &&
          strcmp (conflict->kind->fields[conflict->field].name, field) == 0)
        return conflict;
    }

  return NULL;
}

/* Concurrent overwrites land in the conflict log, and the losing value can be restored. */
static void
test_import_conflicts (Pair          *pair,
                       gconstpointer  data)
{
  g_autoptr(SixExchangeFile) first = export_all (pair->a, "3f1e3c9a-0000-4000-8000-000000000007");
  g_autoptr(SixExchangeFile) second = NULL;
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(SixImportResult) applied = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SixRecord) renamed = NULL;
  g_autoptr(SixRecord) undeleted = NULL;
  g_autoptr(SixRecord) theirs = NULL;
  SixConflict *name_conflict;
  SixConflict *delete_conflict;
  const char *a_replica = six_db_get_replica_id (pair->a);
  const char *b_replica = six_db_get_replica_id (pair->b);
  gint64 restore;

  result = import (pair->b, first, FALSE);

  /* B renames first; A renames the same field later (a higher stamp), not having seen B's. */
  set_field (pair->b, "organisation", pair->ids[0], "name", "The HALO Trust");
  set_field (pair->b, "organisation", pair->ids[2], "acronym", "NPA");
  pair->wall_a.now = pair->wall_b.now + 60000;
  set_field (pair->a, "organisation", pair->ids[0], "name", "HALO Trust (UK)");
  delete_record (pair->a, "organisation", pair->ids[2]);
  second = export_all (pair->a, "3f1e3c9a-0000-4000-8000-000000000008");

  applied = import (pair->b, second, FALSE);
  g_assert_cmpuint (applied->counts.n_conflicts, ==, 2);

  conflicts = six_db_list_conflicts (pair->b, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 2);

  name_conflict = find_conflict (conflicts, pair->ids[0], "name");
  g_assert_nonnull (name_conflict);
  g_assert_cmpstr (g_variant_get_string (name_conflict->lost_value, NULL), ==, "The HALO Trust");
  g_assert_cmpstr (g_variant_get_string (name_conflict->won_value, NULL), ==, "HALO Trust (UK)");
  g_assert_cmpstr (name_conflict->lost_stamp.hlc.replica, ==, b_replica);
  g_assert_cmpstr (name_conflict->won_stamp.hlc.replica, ==, a_replica);
  g_assert_cmpint (name_conflict->operation, ==, applied->operation);
  g_assert_false (name_conflict->restored);

  /* The edit of the acronym was concurrent with the deletion: restoring undeletes. */
  delete_conflict = find_conflict (conflicts, pair->ids[2], "deleted");
  g_assert_nonnull (delete_conflict);
  g_assert_false (g_variant_get_boolean (delete_conflict->lost_value));
  g_assert_true (g_variant_get_boolean (delete_conflict->won_value));
  g_assert_cmpstr (delete_conflict->lost_stamp.hlc.replica, ==, b_replica);
  g_assert_cmpstr (delete_conflict->won_stamp.hlc.replica, ==, a_replica);

  renamed = get_record (pair->b, "organisation", pair->ids[0]);
  g_assert_cmpstr (six_record_get_string (renamed, "name"), ==, "HALO Trust (UK)");
  g_clear_object (&renamed);

  restore = six_db_restore_conflict (pair->b, name_conflict->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (restore, >, 0);
  restore = six_db_restore_conflict (pair->b, delete_conflict->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (restore, >, 0);

  renamed = get_record (pair->b, "organisation", pair->ids[0]);
  g_assert_cmpstr (six_record_get_string (renamed, "name"), ==, "The HALO Trust");
  undeleted = get_record (pair->b, "organisation", pair->ids[2]);
  g_assert_false (six_record_is_deleted (undeleted));
  g_assert_cmpstr (six_record_get_string (undeleted, "acronym"), ==, "NPA");

  /* The restored values are new edits: they win over A's when A receives them. */
  theirs = get_record (pair->a, "organisation", pair->ids[0]);
  g_assert_cmpint (six_version_vector_compare (
                     six_record_get_nth_stamp (renamed, field_index ("organisation", "name"))->vv,
                     six_record_get_nth_stamp (theirs, field_index ("organisation", "name"))->vv),
                   ==, SIX_CLOCK_AFTER);

  all = six_db_list_conflicts (pair->b, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_true (((SixConflict *) all->pdata[0])->restored);
  g_assert_true (((SixConflict *) all->pdata[1])->restored);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = six_db_list_conflicts (pair->b, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

/* An organisation as another replica wrote it, every field with one vector. */
static SixRecord *
organisation_record (const char *id,
                     const char *name,
                     const char *org_kind,
                     const char *country,
                     const char *vv,
                     const char *hlc)
{
  const SixKind *organisation = kind ("organisation");
  g_autofree GVariant **values = g_new0 (GVariant *, organisation->n_fields);
  g_autofree SixFieldStamp *stamps = g_new0 (SixFieldStamp, organisation->n_fields);
  guint fields[] = {
    SIX_FIELD_VISIBILITY, SIX_FIELD_DELETED, field_index ("organisation", "name"),
    field_index ("organisation", "kind"), field_index ("organisation", "country"),
  };
  SixRecord *record;

  values[fields[0]] = g_variant_new_string ("public");
  values[fields[1]] = g_variant_new_boolean (FALSE);
  values[fields[2]] = g_variant_new_string (name);
  values[fields[3]] = org_kind != NULL ? g_variant_new_string (org_kind) : NULL;
  values[fields[4]] = country != NULL ? g_variant_new_string (country) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (values[fields[i]] == NULL)
        continue;
      stamps[fields[i]].vv = six_version_vector_parse (vv, NULL);
      g_assert_true (six_hlc_parse (hlc, &stamps[fields[i]].hlc, NULL));
      stamps[fields[i]].hlc.counter = i;
    }

  record = six_record_new (organisation, id, values, stamps);

  for (guint i = 0; i < organisation->n_fields; i++)
    six_field_stamp_clear (&stamps[i]);

  return record;
}

static SixExchangeFile *
file_new (const char *export_id)
{
  SixExchangeFile *file = six_exchange_file_new ();
  g_autoptr(SixReplicaInfo) origin = six_replica_info_new ("remote", "Remote", "Elsewhere");

  six_exchange_file_set_display_name (file, "bad.a6.json");
  six_exchange_file_set_export_id (file, export_id);
  six_exchange_file_set_checksum (file, "sha256:0000");
  six_exchange_file_set_origin (file, origin);

  return file;
}

#define SEAT_REPLICA "5605f20f-67f3-483a-ac10-8ad0fa472de9"
#define SEAT_JSON "{\"since\":2021,\"roles\":[\"chair\",\"rapporteur\"],\"share\":0.25," \
                  "\"note\":\"co-chair \\\"VA\\\"\",\"ok\":true,\"none\":null}"

static char *
export_text (SixDb *db)
{
  SixExportOptions options = { .level = SIX_VISIBILITY_PRIVATE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = six_exchange_write (db, &options, &error);

  g_assert_no_error (error);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* LBN as @db holds it, with its seat on the treaty body as another replica wrote it. */
static SixExchangeFile *
seat_file (SixDb      *db,
           const char *export_id,
           const char *json,
           const char *vv_text,
           const char *hlc_text)
{
  SixExchangeFile *file = file_new (export_id);
  const SixKind *country = kind ("country");
  g_autoptr(SixRecord) held = get_record (db, "country", "LBN");
  g_autoptr(GPtrArray) extras = NULL;
  g_autoptr(SixVersionVector) vv = six_version_vector_parse (vv_text, NULL);
  g_autoptr(SixRecord) record = NULL;
  g_autofree GVariant **values = g_new0 (GVariant *, country->n_fields);
  g_autofree SixFieldStamp *stamps = g_new0 (SixFieldStamp, country->n_fields);
  SixFieldStamp stamp = { vv, { 0 }, NULL };

  /* Borrowed: the record takes its own references. */
  for (guint i = 0; i < country->n_fields; i++)
    {
      values[i] = six_record_get_nth_value (held, i);
      stamps[i] = *six_record_get_nth_stamp (held, i);
    }

  extras = g_ptr_array_new_with_free_func ((GDestroyNotify) six_extra_field_free);
  g_assert_true (six_hlc_parse (hlc_text, &stamp.hlc, NULL));
  g_ptr_array_add (extras, six_extra_field_new ("treaty_body_seat", json, &stamp));
  record = six_record_new_full (country, "LBN", values, stamps, extras);
  six_exchange_file_add_record (file, record);

  return file;
}

/* A field of a newer minor version is stored with its clock, exported again as it came, and
 * merged like any other field: a later write replaces it, an earlier one does not, and undo
 * brings back the value before. */
static void
test_import_unknown_fields (void)
{
  FakeWall wall = { NOW };
  g_autoptr(SixDb) db = open_db (":memory:", &wall);
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "good", "future-minor.a6.json", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SixExchangeFile) file = six_exchange_read_file (source, NULL, &error);
  g_autoptr(SixExchangeFile) newer = NULL;
  g_autoptr(SixExchangeFile) older = NULL;
  g_autoptr(SixImportResult) first = NULL;
  g_autoptr(SixImportResult) second = NULL;
  g_autoptr(SixImportResult) third = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after_newer = NULL;
  g_autofree char *after_older = NULL;
  g_autofree char *after_undo = NULL;

  g_assert_no_error (error);
  first = import (db, file, FALSE);

  text = export_text (db);
  g_assert_nonnull (strstr (text, "        \"entry_into_force\": \"2011-11-01\",\n"
                                  "        \"treaty_body_seat\": " SEAT_JSON ",\n"
                                  "        \"zz_cleared\": null\n      },\n"));
  g_assert_nonnull (strstr (text, "        \"treaty_body_seat\": {\"vv\": {\"" SEAT_REPLICA
                                  "\": 9}, \"hlc\": \"1763900000900.0@" SEAT_REPLICA "\"},\n"
                                  "        \"zz_cleared\": {\"vv\": {\"" SEAT_REPLICA
                                  "\": 10}, \"hlc\": \"1763900000901.0@" SEAT_REPLICA "\"}\n"));

  newer = seat_file (db, "3f1e3c9a-0000-4000-8000-000000000101", "{\"since\":2024}",
                     SEAT_REPLICA "=9,remote=1", "1763900002000.0@remote");
  second = import (db, newer, FALSE);
  after_newer = export_text (db);
  g_assert_nonnull (strstr (after_newer, "        \"treaty_body_seat\": {\"since\":2024},\n"));
  g_assert_nonnull (strstr (after_newer, "        \"treaty_body_seat\": {\"vv\": {\"" SEAT_REPLICA
                                         "\": 9, \"remote\": 1}, \"hlc\": "
                                         "\"1763900002000.0@remote\"},\n"));

  older = seat_file (db, "3f1e3c9a-0000-4000-8000-000000000102", "{\"since\":1999}",
                     SEAT_REPLICA "=8", "1763900000800.0@" SEAT_REPLICA);
  third = import (db, older, FALSE);
  after_older = export_text (db);
  g_assert_null (strstr (after_older, "1999"));
  g_assert_nonnull (strstr (after_older, "        \"treaty_body_seat\": {\"since\":2024},\n"));

  g_assert_cmpint (six_db_undo (db, second->operation, &error), >, 0);
  g_assert_no_error (error);
  after_undo = export_text (db);
  g_assert_nonnull (strstr (after_undo, "        \"treaty_body_seat\": " SEAT_JSON ",\n"));
}

/* Two replicas set a field of a newer version concurrently: the value that loses goes into the
 * conflict log under the field's name, and restoring it writes it back. */
static void
test_import_unknown_field_conflict (void)
{
  FakeWall wall = { NOW };
  g_autoptr(SixDb) db = open_db (":memory:", &wall);
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "good", "future-minor.a6.json", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SixExchangeFile) file = six_exchange_read_file (source, NULL, &error);
  g_autoptr(SixExchangeFile) concurrent = NULL;
  g_autoptr(SixImportResult) first = NULL;
  g_autoptr(SixImportResult) second = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *after_merge = NULL;
  g_autofree char *after_restore = NULL;
  const SixConflict *conflict;

  g_assert_no_error (error);
  first = import (db, file, FALSE);

  /* Not seen by the writer of the file's value, and stamped later: it wins. */
  concurrent = seat_file (db, "3f1e3c9a-0000-4000-8000-000000000103", "{\"since\":2024}",
                          "remote=1", "1763900002000.0@remote");
  second = import (db, concurrent, FALSE);
  g_assert_cmpuint (second->counts.n_conflicts, ==, 1);
  after_merge = export_text (db);
  g_assert_nonnull (strstr (after_merge, "        \"treaty_body_seat\": {\"since\":2024},\n"));

  conflicts = six_db_list_conflicts (db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = conflicts->pdata[0];
  g_assert_cmpuint (conflict->field, ==, SIX_CONFLICT_EXTRA_FIELD);
  g_assert_cmpstr (conflict->extra_field, ==, "treaty_body_seat");
  g_assert_cmpstr (conflict->record_id, ==, "LBN");
  g_assert_cmpstr (g_variant_get_string (conflict->lost_value, NULL), ==, SEAT_JSON);
  g_assert_cmpstr (g_variant_get_string (conflict->won_value, NULL), ==, "{\"since\":2024}");
  g_assert_cmpstr (conflict->lost_stamp.hlc.replica, ==, SEAT_REPLICA);
  g_assert_cmpint (conflict->operation, ==, second->operation);

  /* The conflicts report names the record and the field; JSON keeps the record's id. */
  {
    g_autofree char *report = six_report_run (db, "conflicts", SIX_REPORT_FORMAT_CSV, &error);
    g_autofree char *json = six_report_run (db, "conflicts", SIX_REPORT_FORMAT_JSON, &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (report, ",Lebanon,treaty_body_seat,"));
    g_assert_nonnull (strstr (json, "\"LBN\""));
  }

  g_assert_cmpint (six_db_restore_conflict (db, conflict->id, &error), >, 0);
  g_assert_no_error (error);
  after_restore = export_text (db);
  g_assert_nonnull (strstr (after_restore, "        \"treaty_body_seat\": " SEAT_JSON ",\n"));

  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = six_db_list_conflicts (db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

static void
assert_import_fails (SixDb           *db,
                     SixExchangeFile *file,
                     GQuark           domain,
                     int              code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixImportResult) result = NULL;
  g_autofree char *before = dump_handle (db->handle);
  g_autofree char *after = NULL;

  g_assert_false (six_import_file (db, file, FALSE, &result, &error));
  g_assert_error (error, domain, code);
  g_assert_null (result);
  g_test_message ("refused: %s", error->message);
  /* The message names the file first. */
  g_assert_true (g_str_has_prefix (error->message, six_exchange_file_get_display_name (file)));

  after = dump_handle (db->handle);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (db->depth, ==, 0);
}

/* A failing apply writes nothing at all: not the good records before it, not the log. */
static void
test_import_rollback (Pair          *pair,
                      gconstpointer  data)
{
  g_autoptr(SixExchangeFile) first = export_all (pair->a, "3f1e3c9a-0000-4000-8000-000000000009");
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = import (pair->b, first, FALSE);

  /* An enum value the model refuses, after valid records and changes. */
  {
    g_autoptr(SixExchangeFile) file = export_all (pair->a, "3f1e3c9a-0000-4000-8000-00000000000a");
    g_autoptr(SixRecord) bad = organisation_record ("9b3e2f4e-1111-4111-8111-111111111111",
                                                    "Spaceship operator", "spaceship", NULL,
                                                    "remote=1", "1763900000000.0@remote");
    g_autoptr(SixRecord) good = organisation_record ("9b3e2f4e-2222-4222-8222-222222222222",
                                                     "Good operator", "operator", NULL,
                                                     "remote=1", "1763900000000.0@remote");

    six_exchange_file_add_record (file, good);
    six_exchange_file_add_record (file, bad);
    assert_import_fails (pair->b, file, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID);
  }

  /* A reference to a country nobody has: refused by the foreign key at COMMIT. */
  {
    g_autoptr(SixExchangeFile) file = file_new ("3f1e3c9a-0000-4000-8000-00000000000c");
    g_autoptr(SixRecord) good = organisation_record ("9b3e2f4e-2222-4222-8222-222222222222",
                                                     "Good operator", "operator", NULL,
                                                     "remote=1", "1763900000000.0@remote");
    g_autoptr(SixRecord) dangling = organisation_record ("9b3e2f4e-3333-4333-8333-333333333333",
                                                         "Dangling operator", NULL, "ZZZ",
                                                         "remote=1", "1763900000001.0@remote");

    six_exchange_file_add_record (file, good);
    six_exchange_file_add_record (file, dangling);
    assert_import_fails (pair->b, file, SIX_STORE_ERROR, SIX_STORE_ERROR_CONSTRAINT);
  }

  /* A value without its clock, and the same record twice: refused before planning. */
  {
    g_autoptr(SixExchangeFile) file = file_new ("3f1e3c9a-0000-4000-8000-00000000000d");
    g_autoptr(SixRecord) good = organisation_record ("9b3e2f4e-4444-4444-8444-444444444444",
                                                     "Good operator", NULL, NULL, "remote=1",
                                                     "1763900000000.0@remote");
    const SixKind *organisation = kind ("organisation");
    g_autofree GVariant **values = g_new0 (GVariant *, organisation->n_fields);
    g_autoptr(SixRecord) unstamped = NULL;

    g_autofree SixFieldStamp *stamps = g_new0 (SixFieldStamp, organisation->n_fields);

    /* Visibility and liveness stamped, the name not. */
    values[SIX_FIELD_VISIBILITY] = g_variant_new_string ("public");
    values[SIX_FIELD_DELETED] = g_variant_new_boolean (FALSE);
    values[field_index ("organisation", "name")] = g_variant_new_string ("No clock");
    for (guint i = SIX_FIELD_VISIBILITY; i <= SIX_FIELD_DELETED; i++)
      {
        stamps[i].vv = six_version_vector_parse ("remote=1", NULL);
        g_assert_true (six_hlc_parse ("1763900000000.0@remote", &stamps[i].hlc, NULL));
      }
    unstamped = six_record_new (organisation, "9b3e2f4e-5555-4555-8555-555555555555", values,
                                stamps);
    six_exchange_file_add_record (file, good);
    six_exchange_file_add_record (file, unstamped);
    assert_import_fails (pair->b, file, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_INVALID_CLOCK);

    /* Only optional fields may be absent: this record lacks its name. */
    g_clear_object (&file);
    file = file_new ("3f1e3c9a-0000-4000-8000-00000000000f");
    {
      g_autoptr(SixRecord) nameless = NULL;

      /* The arrays only borrow: the records took their own references. */
      values[field_index ("organisation", "name")] = NULL;
      nameless = six_record_new (organisation, "9b3e2f4e-7777-4777-8777-777777777777", values,
                                 stamps);
      for (guint i = SIX_FIELD_VISIBILITY; i <= SIX_FIELD_DELETED; i++)
        six_field_stamp_clear (&stamps[i]);
      six_exchange_file_add_record (file, good);
      six_exchange_file_add_record (file, nameless);
      assert_import_fails (pair->b, file, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_MISSING_FIELD);
    }

    g_clear_object (&file);
    file = file_new ("3f1e3c9a-0000-4000-8000-00000000000e");
    six_exchange_file_add_record (file, good);
    six_exchange_file_add_record (file, good);
    {
      g_autoptr(GError) local_error = NULL;

      g_assert_false (six_import_file (pair->b, file, TRUE, NULL, &local_error));
      g_assert_error (local_error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_DUPLICATE_ID);
      g_assert_cmpstr (six_exchange_error_get_path (local_error), ==, "records[1].id");
    }
  }

  /* The database is still usable, and the refused files were never logged as imported. */
  g_assert_cmpint (count_rows (pair->b, "exchange_log"), ==, 1);
  set_field (pair->b, "organisation", pair->ids[0], "acronym", "HT");
}

/* A file stamped a month ahead is refused whole, naming the stamp; one stamped within the
 * day is kept as written, and our clock moves past it (rule 6). */
static void
test_import_future_clock (Pair          *pair,
                          gconstpointer  data)
{
  const char *id = "9b3e2f4e-6666-4666-8666-666666666666";
  g_autoptr(SixExchangeFile) far = file_new ("3f1e3c9a-0000-4000-8000-00000000000f");
  g_autoptr(SixExchangeFile) near = file_new ("3f1e3c9a-0000-4000-8000-0000000000f0");
  g_autoptr(SixRecord) month = organisation_record (id, "Time traveller", "ngo", NULL,
                                                    "remote=1", "1766492000000.0@remote");
  g_autofree char *hour_text = g_strdup_printf ("%" G_GINT64_FORMAT ".0@remote",
                                                pair->wall_b.now + 60 * 60 * 1000);
  g_autoptr(SixRecord) hour = organisation_record (id, "Early bird", "ngo", NULL, "remote=1",
                                                   hour_text);
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(SixRecord) stored = NULL;
  g_autoptr(SixRecord) edited = NULL;
  g_autoptr(GError) error = NULL;
  guint name = field_index ("organisation", "name");

  six_exchange_file_add_record (far, month);
  g_assert_false (six_import_file (pair->b, far, FALSE, &result, &error));
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_INVALID_CLOCK);
  g_assert_cmpstr (six_exchange_error_get_path (error), ==, "records[0].clocks.visibility.hlc");
  g_assert_nonnull (strstr (error->message, "the sender’s clock is wrong"));
  g_assert_cmpint (count_rows (pair->b, "organisation"), ==, 0);
  g_assert_cmpint (count_rows (pair->b, "exchange_log"), ==, 0);

  six_exchange_file_add_record (near, hour);
  result = import (pair->b, near, FALSE);
  stored = get_record (pair->b, "organisation", id);
  g_assert_cmpint (six_record_get_nth_stamp (stored, name)->hlc.wall, ==,
                   pair->wall_b.now + 60 * 60 * 1000);

  /* Our next edit is stamped after it, though our wall clock has not got there. */
  pair->wall_b.now += 1000;
  set_field (pair->b, "organisation", id, "name", "Caught up");
  edited = get_record (pair->b, "organisation", id);
  g_assert_cmpint (six_hlc_compare (&six_record_get_nth_stamp (edited, name)->hlc,
                                    &six_record_get_nth_stamp (stored, name)->hlc), >, 0);
}

/* Two replicas importing the same files seconds apart hold the same data, a file from a
 * computer a month ahead among them: it is refused by both, where clamping it "to the
 * reader's time" gave each a different stamp and a later concurrent edit different winners. */
static void
test_import_future_converges (Pair          *pair,
                              gconstpointer  data)
{
  const char *id = "9b3e2f4e-7777-4777-8777-777777777777";
  g_autoptr(SixExchangeFile) first = file_new ("3f1e3c9a-0000-4000-8000-0000000000f1");
  g_autoptr(SixExchangeFile) future = file_new ("3f1e3c9a-0000-4000-8000-0000000000f2");
  g_autoptr(SixExchangeFile) concurrent = file_new ("3f1e3c9a-0000-4000-8000-0000000000f3");
  g_autofree char *base_stamp = g_strdup_printf ("%" G_GINT64_FORMAT ".0@remote", NOW - 1000);
  g_autofree char *edit_stamp = g_strdup_printf ("%" G_GINT64_FORMAT ".0@other",
                                                 pair->wall_b.now + 2000);
  g_autoptr(SixRecord) base = organisation_record (id, "Base", "ngo", NULL, "remote=1",
                                                   base_stamp);
  g_autoptr(SixRecord) ahead = organisation_record (id, "From the future", "ngo", NULL,
                                                    "remote=2", "1766492000000.0@remote");
  g_autoptr(SixRecord) other = organisation_record (id, "Concurrent", "ngo", NULL,
                                                    "other=1,remote=1", edit_stamp);
  SixDb *dbs[] = { pair->a, pair->b };
  FakeWall *walls[] = { &pair->wall_a, &pair->wall_b };
  SixRecord *held[2] = { NULL, NULL };
  guint name = field_index ("organisation", "name");

  six_exchange_file_add_record (first, base);
  six_exchange_file_add_record (future, ahead);
  six_exchange_file_add_record (concurrent, other);

  /* A imports each file at B's time, B five seconds later. */
  pair->wall_a.now = pair->wall_b.now;
  for (guint i = 0; i < G_N_ELEMENTS (dbs); i++)
    {
      g_autoptr(SixImportResult) result = NULL;
      g_autoptr(GError) error = NULL;

      walls[i]->now += i * 5000;
      result = import (dbs[i], first, FALSE);
      g_assert_false (six_import_file (dbs[i], future, FALSE, NULL, &error));
      g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_INVALID_CLOCK);
      g_clear_pointer (&result, six_import_result_free);
      result = import (dbs[i], concurrent, FALSE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (dbs); i++)
    {
      held[i] = get_record (dbs[i], "organisation", id);
      g_assert_cmpstr (six_record_get_string (held[i], "name"), ==, "Concurrent");
    }
  g_assert_cmpint (six_hlc_compare (&six_record_get_nth_stamp (held[0], name)->hlc,
                                    &six_record_get_nth_stamp (held[1], name)->hlc), ==, 0);
  g_assert_true (six_version_vector_equal (six_record_get_nth_stamp (held[0], name)->vv,
                                           six_record_get_nth_stamp (held[1], name)->vv));
  g_object_unref (held[0]);
  g_object_unref (held[1]);
}

/* The log names the file, its origin and what it did; replica names are learnt. */
static void
test_import_log (Pair          *pair,
                 gconstpointer  data)
{
  g_autoptr(SixExchangeFile) file = export_all (pair->a, "3f1e3c9a-0000-4000-8000-000000000010");
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(SixExchangeLogEntry) found = NULL;
  g_autoptr(SixExchangeLogEntry) missing = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *self_name = NULL;
  SixExchangeLogEntry *entry;

  six_db_set_replica_name (pair->b, six_db_get_replica_id (pair->b), "Me", "Here", &error);
  g_assert_no_error (error);
  six_exchange_file_add_replica (file, six_replica_info_new (six_db_get_replica_id (pair->b),
                                                             "Someone else", "Elsewhere"));

  result = import (pair->b, file, FALSE);

  history = six_db_list_exchanges (pair->b, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  entry = history->pdata[0];
  g_assert_cmpint (entry->id, ==, result->log_id);
  g_assert_cmpint (entry->direction, ==, SIX_EXCHANGE_DIRECTION_IMPORT);
  g_assert_cmpstr (entry->export_id, ==, "3f1e3c9a-0000-4000-8000-000000000010");
  g_assert_cmpstr (entry->checksum, ==, six_exchange_file_get_checksum (file));
  g_assert_cmpstr (entry->origin, ==, six_db_get_replica_id (pair->a));
  g_assert_cmpstr (entry->origin_name, ==, "Amal Haddad");
  g_assert_cmpstr (entry->file_name, ==, "test.a6.json");
  g_assert_cmpint (entry->at, ==, pair->wall_b.now);
  g_assert_cmpint (entry->operation, ==, result->operation);
  g_assert_cmpstr (entry->counts, ==,
                   "{\"records\": 3, \"new\": 3, \"changed\": 0, \"unchanged\": 0, "
                   "\"deleted\": 0, \"conflicts\": 0}");

  g_assert_true (six_db_find_import (pair->b, "3f1e3c9a-0000-4000-8000-000000000010",
                                     six_exchange_file_get_checksum (file), &found, &error));
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, entry->id);

  /* Same export id, other content: another file, not the one imported. */
  g_assert_true (six_db_find_import (pair->b, "3f1e3c9a-0000-4000-8000-000000000010",
                                     "sha256:other", &missing, &error));
  g_assert_null (missing);

  name = six_db_dup_replica_name (pair->b, six_db_get_replica_id (pair->a));
  g_assert_cmpstr (name, ==, "Amal Haddad");
  self_name = six_db_dup_replica_name (pair->b, six_db_get_replica_id (pair->b));
  g_assert_cmpstr (self_name, ==, "Me");

  /* An export is logged too, for the history. */
  {
    SixExchangeLogEntry export = { 0 };

    export.direction = SIX_EXCHANGE_DIRECTION_EXPORT;
    export.export_id = (char *) "3f1e3c9a-0000-4000-8000-000000000011";
    export.file_name = (char *) "out.a6.json";
    g_assert_cmpint (six_db_log_exchange (pair->b, &export, &error), >, entry->id);
    g_assert_no_error (error);
    g_clear_pointer (&history, g_ptr_array_unref);
    history = six_db_list_exchanges (pair->b, 1, &error);
    g_assert_cmpuint (history->len, ==, 1);
    g_assert_cmpint (((SixExchangeLogEntry *) history->pdata[0])->direction, ==,
                     SIX_EXCHANGE_DIRECTION_EXPORT);
  }
}

static SixExchangeFile *
generated_file (const char *export_id,
                guint       n_records)
{
  SixExchangeFile *file = file_new (export_id);

  for (guint i = 0; i < n_records; i++)
    {
      g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);
      g_autofree char *name = g_strdup_printf ("Generated operator %u", i);
      g_autoptr(SixRecord) record = organisation_record (id, name, "operator", NULL, "remote=1",
                                                         "1763800000000.0@remote");

      six_exchange_file_add_record (file, record);
    }

  return file;
}

typedef struct
{
  GArray       *fractions;
  GCancellable *cancellable;
  double        cancel_at;
} ProgressLog;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  ProgressLog *log = user_data;

  g_array_append_val (log->fractions, fraction);
  if (log->cancellable != NULL && fraction >= log->cancel_at)
    g_cancellable_cancel (log->cancellable);
}

/* Large files report progress, and can be cancelled with nothing written. */
static void
test_import_progress (Pair          *pair,
                      gconstpointer  data)
{
  g_autoptr(SixExchangeFile) file = generated_file ("3f1e3c9a-0000-4000-8000-000000000012", 3000);
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_handle (pair->b->handle);
  g_autofree char *after = NULL;
  ProgressLog log = { fractions, cancellable, 0.75 };

  /* Cancelled while writing: rolled back. */
  g_assert_false (six_import_file_full (pair->b, file, FALSE, cancellable, on_progress, &log,
                                        &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = dump_handle (pair->b->handle);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (pair->b->depth, ==, 0);
  g_clear_error (&error);

  g_array_set_size (fractions, 0);
  log.cancellable = NULL;
  g_assert_true (six_import_file_full (pair->b, file, FALSE, NULL, on_progress, &log, &result,
                                       &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result->counts.n_new, ==, 3000);
  g_assert_cmpuint (fractions->len, >=, 10);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, 0), >, 0.0);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_assert_cmpint (six_db_count_records (pair->b, kind ("organisation"), TRUE), ==, 3000);
}

/* On disk, an import first makes a backup of what it is about to change. */
static void
test_import_backup (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article-six.db", NULL);
  g_autoptr(SixExchangeFile) file = generated_file ("3f1e3c9a-0000-4000-8000-000000000013", 10);
  g_autoptr(SixImportResult) result = NULL;
  g_autofree char *before = NULL;
  g_autofree char *in_backup = NULL;
  g_autofree char *org_id = NULL;
  FakeWall wall = { NOW };
  SixDb *db;

  db = open_db (path, &wall);
  org_id = create_organisation (db, "Before the import", NULL);
  before = dump_records (db, TRUE);

  result = import (db, file, FALSE);
  g_assert_nonnull (result->backup_path);
  g_assert_true (g_file_test (result->backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_prefix (result->backup_path, dir));
  six_db_close (db);

  db = open_db (result->backup_path, NULL);
  in_backup = dump_records (db, TRUE);
  six_db_close (db);
  g_assert_cmpstr (in_backup, ==, before);

  remove_tree (dir);
}

/* --- the kill test ------------------------------------------------------------------ */

/* Run as `test-import --child-import DBPATH`: imports a large file and stops before COMMIT. */
static int
child_import (const char *path)
{
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SixDb *db;

  db = six_db_open (path, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* A tiny page cache, so the uncommitted pages spill into the WAL on disk. */
  sqlite3_exec (db->handle, "PRAGMA cache_size = 16", NULL, NULL, NULL);

  file = generated_file ("3f1e3c9a-0000-4000-8000-000000000014", N_KILL_RECORDS);

  /* SIX_IMPORT_PAUSE_BEFORE_COMMIT, set by the parent, prints "ready" and waits to be killed. */
  if (!six_import_file (db, file, FALSE, &result, &error))
    {
      g_printerr ("%s\n", error->message);
      return 3;
    }

  /* Not killed: the import committed. */
  six_db_close (db);

  return 4;
}

static void
test_import_kill (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article-six.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *line = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  SixDb *db;

  db = open_db (path, NULL);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Before the child %u", i);
      g_autofree char *id = create_organisation (db, name, NULL);
    }
  six_db_close (db);
  before = dump_database (path);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "SIX_IMPORT_PAUSE_BEFORE_COMMIT", "1", TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, test_binary, "--child-import", path,
                                       NULL);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (line, "ready") != 0)
    {
      g_subprocess_force_exit (child);
      g_error ("The child did not reach the commit (said “%s”)", line);
    }

  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* The import's pages did reach the disk, so recovery had work to do. */
  g_assert_cmpint (g_stat (wal, &buf), ==, 0);
  g_assert_cmpint (buf.st_size, >, 1024 * 1024);

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  integrity = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
  g_assert_cmpstr (integrity, ==, "ok");

  after = dump_database (path);
  g_assert_cmpstr (after, ==, before);

  /* And the file imports normally afterwards. */
  db = open_db (path, NULL);
  {
    g_autoptr(SixExchangeFile) file = generated_file ("3f1e3c9a-0000-4000-8000-000000000014", 50);
    g_autoptr(SixImportResult) result = import (db, file, FALSE);

    g_assert_cmpuint (result->counts.n_new, ==, 50);
  }
  six_db_close (db);

  remove_tree (dir);
}

/* Through the JSON writer and reader: what B imports is what A exported. */
static void
test_import_json (Pair          *pair,
                  gconstpointer  data)
{
  SixExportOptions options = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(SixImportResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a_records = NULL;
  g_autofree char *b_records = NULL;

  set_field (pair->a, "organisation", pair->ids[0], "acronym", "HT");
  delete_record (pair->a, "organisation", pair->ids[1]);

  options.level = SIX_VISIBILITY_PRIVATE;
  options.export_id = "3f1e3c9a-0000-4000-8000-000000000015";
  options.created_at = "2025-11-23T12:00:00Z";
  bytes = six_exchange_write (pair->a, &options, &error);
  g_assert_no_error (error);

  file = six_exchange_read_bytes (bytes, "a.a6.json", &error);
  g_assert_no_error (error);
  result = import (pair->b, file, FALSE);
  g_assert_cmpuint (result->counts.n_new, ==, 2);
  g_assert_cmpuint (result->counts.n_unchanged, ==, 1);

  a_records = dump_records (pair->a, TRUE);
  b_records = dump_records (pair->b, TRUE);
  g_assert_cmpstr (b_records, ==, a_records);

  /* B's export carries the same records, byte for byte. */
  again = six_exchange_write (pair->b, &options, &error);
  g_assert_no_error (error);
  {
    const char *a_text = g_bytes_get_data (bytes, NULL);
    const char *b_text = g_bytes_get_data (again, NULL);
    const char *a_start = strstr (a_text, "\"records\"");
    const char *b_start = strstr (b_text, "\"records\"");
    const char *a_end = strstr (a_text, "\"checksum\"");
    const char *b_end = strstr (b_text, "\"checksum\"");

    g_assert_nonnull (a_start);
    g_assert_nonnull (b_start);
    g_assert_cmpmem (a_start, a_end - a_start, b_start, b_end - b_start);
  }

  /* Read again from the same bytes: the same export, already imported. */
  g_clear_object (&file);
  file = six_exchange_read_bytes (bytes, "a.a6.json", &error);
  g_assert_no_error (error);
  second = import (pair->b, file, FALSE);
  g_assert_true (second->already_imported);
}

/* Imported, undone, imported again: the file's changes come back (a redo: the undo's writes
 * dominate the file's, so a merge would change nothing), and the file stands imported again;
 * undoing that re-import lets it be imported once more. */
static void
test_import_undo_reimport (Pair          *pair,
                           gconstpointer  data)
{
  g_autoptr(SixExchangeFile) file = export_all (pair->a, "3f1e3c9a-0000-4000-8000-0000000000aa");
  g_autoptr(SixImportResult) first = NULL;
  g_autoptr(SixImportResult) planned = NULL;
  g_autoptr(SixImportResult) again = NULL;
  g_autoptr(SixImportResult) third = NULL;
  g_autoptr(SixImportResult) fourth = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  first = import (pair->b, file, FALSE);
  imported = dump_records (pair->b, FALSE);
  g_assert_cmpint (six_db_undo (pair->b, 0, &error), >, 0);
  g_assert_no_error (error);
  undone = dump_records (pair->b, FALSE);
  g_assert_cmpstr (undone, !=, imported);

  /* Not "already imported": a dry run says what comes back, and writes nothing. */
  planned = import (pair->b, file, TRUE);
  g_assert_false (planned->already_imported);
  g_assert_cmpint (planned->redone, ==, first->operation);
  g_assert_cmpuint (planned->counts.n_new, ==, 3);
  g_assert_cmpuint (planned->redo_writes->len, ==, 3);
  {
    g_autofree char *still = dump_records (pair->b, FALSE);

    g_assert_cmpstr (still, ==, undone);
  }

  again = import (pair->b, file, FALSE);
  g_assert_false (again->already_imported);
  g_assert_cmpint (again->operation, >, 0);
  redone = dump_records (pair->b, FALSE);
  g_assert_cmpstr (redone, ==, imported);

  third = import (pair->b, file, FALSE);
  g_assert_true (third->already_imported);

  /* The re-import's own Undo: the file may come back once more. */
  g_assert_cmpint (six_db_undo (pair->b, again->operation, &error), >, 0);
  g_assert_no_error (error);
  fourth = import (pair->b, file, FALSE);
  g_assert_false (fourth->already_imported);
  {
    g_autofree char *back = dump_records (pair->b, FALSE);

    g_assert_cmpstr (back, ==, imported);
  }
}

/* --- references to records held here ----------------------------------------------------- */

#define HELD_REQUEST "00000000-0000-4000-8000-000000000004"
#define HELD_CONTRIBUTION "00000000-0000-4000-8000-0000000000c1"
/* A minute after held-references.a6.json was written, by its stamps. */
#define HELD_NOW G_GINT64_CONSTANT (1763990060000)

static SixExchangeFile *
read_data_file (const char *name,
                gboolean    defer_references)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, name, NULL);
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  SixExchangeReadOptions options = { .defer_references = defer_references };
  g_autoptr(GError) error = NULL;
  SixExchangeFile *file = six_exchange_read_file_full (gfile, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);

  return file;
}

static void
assert_outside_ref (SixExchangeFile *file,
                    guint            index,
                    const char      *field,
                    const char      *id)
{
  GPtrArray *refs = six_exchange_file_get_outside_refs (file);
  const SixOutsideReference *ref;
  g_autofree char *path = g_strdup_printf ("records[0].values.%s", field);

  g_assert_cmpuint (index, <, refs->len);
  ref = refs->pdata[index];
  g_assert_cmpstr (ref->field->name, ==, field);
  g_assert_cmpstr (ref->id, ==, id);
  g_assert_cmpstr (ref->path, ==, path);
}

/* A contribution that refers to States and a request held here, not carried in its file:
 * read with no database, its references are kept, then resolved against the store. */
static void
test_import_held_resolved (void)
{
  FakeWall wall = { HELD_NOW };
  g_autoptr(SixDb) db = open_db (":memory:", &wall);
  g_autoptr(SixExchangeFile) holdings = read_data_file ("good/all-private.a6.json", FALSE);
  g_autoptr(SixExchangeFile) file = read_data_file ("held-references.a6.json", TRUE);
  g_autoptr(SixImportResult) first = import (db, holdings, FALSE);
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(SixRecord) contribution = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (six_exchange_file_get_outside_refs (file)->len, ==, 3);
  assert_outside_ref (file, 0, "donor", "FRA");
  assert_outside_ref (file, 1, "recipient", "LBN");
  assert_outside_ref (file, 2, "request", HELD_REQUEST);

  g_assert_true (six_exchange_resolve_outside (file, six_import_holds, db, &error));
  g_assert_no_error (error);

  result = import (db, file, FALSE);
  g_assert_cmpuint (result->counts.n_new, ==, 1);
  contribution = get_record (db, "contribution", HELD_CONTRIBUTION);
  g_assert_nonnull (contribution);
  g_assert_cmpstr (g_variant_get_string (six_record_get_value (contribution, "recipient"), NULL),
                   ==, "LBN");
}

static void
create_country (SixDb      *db,
                const char *id,
                const char *name)
{
  SixEdit *edit = six_edit_new (kind ("country"), id);

  six_edit_set_string (edit, "name", name);
  six_edit_set_string (edit, "status", "party");
  g_assert_cmpint (apply_one (db, "Add country", edit), >, 0);
}

/* A reference held nowhere is refused when the file is resolved, with the words and the JSON
 * path the reading gave when it asked the store itself; the import refuses it the same way
 * and writes nothing. */
static void
test_import_held_missing (void)
{
  static const char *message =
    "held-references.a6.json: records[0].values.request: “" HELD_REQUEST "” is neither in "
    "this file nor held here as a record of kind assistance_request";
  FakeWall wall = { HELD_NOW };
  g_autoptr(SixDb) db = open_db (":memory:", &wall);
  g_autoptr(SixExchangeFile) file = read_data_file ("held-references.a6.json", TRUE);
  g_autoptr(SixImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  create_country (db, "FRA", "France");
  create_country (db, "LBN", "Lebanon");

  g_assert_false (six_exchange_resolve_outside (file, six_import_holds, db, &error));
  g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_DANGLING_REFERENCE);
  g_assert_cmpstr (six_exchange_error_get_path (error), ==, "records[0].values.request");
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  for (guint dry_run = 0; dry_run < 2; dry_run++)
    {
      g_assert_false (six_import_file (db, file, dry_run, &result, &error));
      g_assert_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_DANGLING_REFERENCE);
      g_assert_cmpstr (six_exchange_error_get_path (error), ==, "records[0].values.request");
      g_assert_cmpstr (error->message, ==, message);
      g_assert_null (result);
      g_clear_error (&error);
    }
  g_assert_cmpint (six_db_count_records (db, kind ("contribution"), TRUE), ==, 0);
}


/* Counts in words, in plural forms: "1 conflict", never "1 conflicts". */
static void
test_counts_describe (void)
{
  SixMergeCounts one = { .n_new = 1, .n_changed = 1, .n_unchanged = 1, .n_conflicts = 1 };
  SixMergeCounts many = { .n_new = 2, .n_changed = 3, .n_deleted = 4, .n_unchanged = 5,
                          .n_conflicts = 6 };
  g_autofree char *one_text = six_merge_counts_describe (&one);
  g_autofree char *many_text = six_merge_counts_describe (&many);

  g_assert_cmpstr (one_text, ==, "1 new, 1 changed, 0 deleted, 1 unchanged; 1 conflict");
  g_assert_cmpstr (many_text, ==, "2 new, 3 changed, 4 deleted, 5 unchanged; 6 conflicts");
}

int
main (int   argc,
      char *argv[])
{
  /* Private mode, before GTest sees the arguments. */
  if (argc == 3 && strcmp (argv[1], "--child-import") == 0)
    return child_import (argv[2]);

  test_binary = argv[0];

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/exchange/import/apply-then-reimport", Pair, NULL, pair_setup,
              test_import_apply_then_reimport, pair_teardown);
  g_test_add ("/exchange/import/action-follow-up", Pair, NULL, pair_setup,
              test_import_action_follow_up, pair_teardown);
  g_test_add ("/exchange/import/dry-run", Pair, NULL, pair_setup, test_import_dry_run,
              pair_teardown);
  g_test_add ("/exchange/import/undo", Pair, NULL, pair_setup, test_import_undo, pair_teardown);
  g_test_add ("/exchange/import/undo-reimport", Pair, NULL, pair_setup, test_import_undo_reimport,
              pair_teardown);
  g_test_add ("/exchange/import/conflicts", Pair, NULL, pair_setup, test_import_conflicts,
              pair_teardown);
  g_test_add ("/exchange/import/rollback", Pair, NULL, pair_setup, test_import_rollback,
              pair_teardown);
  g_test_add ("/exchange/import/future-converges", Pair, NULL, pair_setup,
              test_import_future_converges, pair_teardown);
  g_test_add ("/exchange/import/future-clock", Pair, NULL, pair_setup, test_import_future_clock,
              pair_teardown);
  g_test_add ("/exchange/import/log", Pair, NULL, pair_setup, test_import_log, pair_teardown);
  g_test_add ("/exchange/import/progress", Pair, NULL, pair_setup, test_import_progress,
              pair_teardown);
  g_test_add ("/exchange/import/json", Pair, NULL, pair_setup, test_import_json, pair_teardown);
  g_test_add_func ("/exchange/import/unknown-fields", test_import_unknown_fields);
  g_test_add_func ("/exchange/import/unknown-field-conflict",
                   test_import_unknown_field_conflict);
  g_test_add_func ("/exchange/import/backup", test_import_backup);
  g_test_add_func ("/exchange/import/counts-describe", test_counts_describe);
  g_test_add_func ("/exchange/import/kill", test_import_kill);
  g_test_add_func ("/exchange/import/held/resolved", test_import_held_resolved);
  g_test_add_func ("/exchange/import/held/missing", test_import_held_missing);

  return g_test_run ();
}
