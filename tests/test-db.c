/* test-db.c — tests for the SQLite store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-db.h"
#include "six-db-private.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>

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
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  SixDb *db;

  db = six_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  return db;
}

static SixDb *
open_memory (void)
{
  return open_db (":memory:");
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
query_int (SixDb      *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (SixDb      *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static void
exec_sql (SixDb      *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db->handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
apply_edits (SixDb      *db,
             const char *label,
             GPtrArray  *edits)
{
  g_autoptr(GError) error = NULL;
  gint64 operation;

  operation = six_db_apply_edits (db, label, edits, &error);
  g_assert_no_error (error);

  return operation;
}

/* Applies one edit, which it consumes. */
static gint64
apply_one (SixDb      *db,
           const char *label,
           SixEdit    *edit)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);

  g_ptr_array_add (edits, edit);

  return apply_edits (db, label, edits);
}

static void
apply_one_fails (SixDb         *db,
                 SixEdit       *edit,
                 SixStoreError  code)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (edits, edit);
  g_assert_cmpint (six_db_apply_edits (db, "Failing edit", edits, &error), ==, 0);
  g_assert_error (error, SIX_STORE_ERROR, (gint) code);
}

static SixRecord *
get_record (SixDb      *db,
            const char *kind_name,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  SixRecord *record;

  record = six_db_get_record (db, kind (kind_name), id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);

  return record;
}

static char *
get_string (SixDb      *db,
            const char *kind_name,
            const char *id,
            const char *field)
{
  g_autoptr(SixRecord) record = get_record (db, kind_name, id);

  return g_strdup (six_record_get_string (record, field));
}

static gint64
create_country (SixDb      *db,
                const char *iso3,
                const char *name)
{
  SixEdit *edit = six_edit_new (kind ("country"), iso3);

  six_edit_set_string (edit, "name", name);
  six_edit_set_string (edit, "status", "party");

  return apply_one (db, "Add country", edit);
}

static gint64
rename_record (SixDb      *db,
               const char *kind_name,
               const char *id,
               const char *field,
               const char *value)
{
  SixEdit *edit = six_edit_new (kind (kind_name), id);

  six_edit_set_string (edit, field, value);

  return apply_one (db, "Rename", edit);
}

/* A valid value of @field's type; references point at minimal records made on demand. */
static GVariant *make_value (SixDb          *db,
                             GHashTable     *made,
                             const SixField *field);

/* Creates (once per kind) the smallest valid record of @kind and returns its id. */
static const char *
ensure_minimal (SixDb         *db,
                GHashTable    *made,
                const SixKind *record_kind)
{
  g_autoptr(SixEdit) edit = NULL;
  g_autoptr(GPtrArray) edits = NULL;
  const char *id = g_hash_table_lookup (made, record_kind->name);
  g_autofree char *natural = NULL;

  if (id != NULL)
    return id;

  natural = record_kind->key == SIX_KEY_NATURAL ? g_strdup_printf ("min-%s", record_kind->name)
                                                : NULL;
  edit = six_edit_new (record_kind, natural);

  for (guint i = 0; i < record_kind->n_fields; i++)
    {
      const SixField *field = &record_kind->fields[i];

      if ((field->flags & SIX_FIELD_FLAGS_REQUIRED) && i != SIX_FIELD_VISIBILITY &&
          i != SIX_FIELD_DELETED)
        six_edit_set (edit, field->name, make_value (db, made, field));
    }

  edits = g_ptr_array_new ();
  g_ptr_array_add (edits, edit);
  g_assert_cmpint (apply_edits (db, "Minimal record", edits), >, 0);

  g_hash_table_insert (made, (gpointer) record_kind->name, g_strdup (six_edit_get_id (edit)));

  return g_hash_table_lookup (made, record_kind->name);
}

static GVariant *
make_value (SixDb          *db,
            GHashTable     *made,
            const SixField *field)
{
  switch (field->type)
    {
    case SIX_FIELD_TEXT:
      return g_variant_new_string ("Some text for the field");
    case SIX_FIELD_INTEGER:
      return g_variant_new_int64 (2023);
    case SIX_FIELD_BOOLEAN:
      return g_variant_new_boolean (TRUE);
    case SIX_FIELD_DATE:
      return g_variant_new_string ("2024-02-29");
    case SIX_FIELD_ENUM:
      return g_variant_new_string (field->values[0]);
    case SIX_FIELD_REF:
      return g_variant_new_string (ensure_minimal (db, made, kind (field->targets[0])));
    case SIX_FIELD_DECIMAL:
      return g_variant_new_string ("1250000.50");
    case SIX_FIELD_CURRENCY:
      return g_variant_new_string ("CHF");
    case SIX_FIELD_SET:
      if (field->values != NULL)
        {
          /* Two values, sorted, so the JSON array has a separator to get right. */
          const char *items[] = { field->values[0], field->values[1] };

          if (strcmp (items[0], items[1]) > 0)
            {
              items[0] = field->values[1];
              items[1] = field->values[0];
            }
          return g_variant_new_strv (items, 2);
        }
      else
        {
          const char *items[] = { ensure_minimal (db, made, kind (field->targets[0])) };

          return g_variant_new_strv (items, 1);
        }
    default:
      g_assert_not_reached ();
    }
}

static GHashTable *
made_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static gint64
count_rows (SixDb      *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);

  return query_int (db, sql);
}

/* Row counts of every table, to show that a refused write wrote nothing. */
static char *
count_all_rows (SixDb *db)
{
  GString *counts = g_string_new (NULL);
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);
  const char *tables[] = { "clock", "journal", "operation", "conflict", "search_doc", "meta" };

  for (guint i = 0; i < n_kinds; i++)
    g_string_append_printf (counts, "%s=%" G_GINT64_FORMAT " ", kinds[i].name,
                            count_rows (db, kinds[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_string_append_printf (counts, "%s=%" G_GINT64_FORMAT " ", tables[i],
                            count_rows (db, tables[i]));

  return g_string_free (counts, FALSE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
has_id (GPtrArray  *records,
        const char *id)
{
  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (six_record_get_id (records->pdata[i]), id) == 0)
      return TRUE;

  return FALSE;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-db-XXXXXX", &error);

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

static guint
file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);

  return buf.st_mode & 0777;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             const char *contents,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);
}

/* --- opening ------------------------------------------------------------------------ */

static void
test_open_memory (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *self_name = NULL;
  FakeWall wall = { 1234567 };

  g_assert_cmpstr (six_db_get_path (db), ==, ":memory:");
  g_assert_true (six_id_is_uuid (six_db_get_replica_id (db)));
  g_assert_cmpint (six_db_get_schema_version (db), ==, six_db_get_latest_version ());
  g_assert_cmpint (six_db_get_latest_version (), >=, 1);
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, SIX_DB_APPLICATION_ID);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, six_db_get_latest_version ());
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "PRAGMA busy_timeout"), ==, 5000);
  g_assert_cmpint (query_int (db, "PRAGMA wal_autocheckpoint"), ==, SIX_DB_WAL_CHECKPOINT_PAGES);
  g_assert_cmpint (query_int (db, "PRAGMA journal_size_limit"), ==,
                   SIX_DB_WAL_CHECKPOINT_PAGES * 4096);

  /* Ourselves and the reference pack are known replicas from the start. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM replica WHERE is_self = 1"), ==, 1);
  self_name = query_text (db, "SELECT id FROM replica WHERE is_self = 1");
  g_assert_cmpstr (self_name, ==, six_db_get_replica_id (db));
  reference = six_db_dup_replica_name (db, "reference");
  g_assert_cmpstr (reference, ==, "Reference pack");
  g_assert_null (six_db_dup_replica_name (db, six_db_get_replica_id (db)));
  g_assert_null (six_db_dup_replica_name (db, "nobody"));

  g_assert_true (six_db_set_replica_name (db, six_db_get_replica_id (db), "Ana Ruiz", "ISU",
                                          &error));
  g_assert_no_error (error);
  g_clear_pointer (&self_name, g_free);
  self_name = six_db_dup_replica_name (db, six_db_get_replica_id (db));
  g_assert_cmpstr (self_name, ==, "Ana Ruiz");

  g_assert_true (six_db_set_replica_name (db, "other-replica", NULL, "Norway MFA", &error));
  g_assert_no_error (error);
  g_clear_pointer (&self_name, g_free);
  self_name = six_db_dup_replica_name (db, "other-replica");
  g_assert_cmpstr (self_name, ==, "Norway MFA");

  g_assert_false (six_db_set_replica_name (db, "not a replica!", "x", NULL, &error));
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID);

  six_db_set_wall_clock (db, fake_wall_now, &wall);
  g_assert_cmpint (six_db_now (db), ==, 1234567);
  g_assert_nonnull (six_db_get_clock (db));
  g_assert_cmpstr (six_hlc_clock_get_replica (six_db_get_clock (db)), ==,
                   six_db_get_replica_id (db));
}

static void
test_error_mapping (void)
{
  const struct
  {
    int           rc;
    SixStoreError code;
  } cases[] = {
    { SQLITE_NOTADB, SIX_STORE_ERROR_NOT_A_DATABASE },
    { SQLITE_CORRUPT, SIX_STORE_ERROR_CORRUPT },
    { SQLITE_CORRUPT_INDEX, SIX_STORE_ERROR_CORRUPT },
    { SQLITE_BUSY, SIX_STORE_ERROR_BUSY },
    { SQLITE_BUSY_SNAPSHOT, SIX_STORE_ERROR_BUSY },
    { SQLITE_LOCKED, SIX_STORE_ERROR_BUSY },
    { SQLITE_CONSTRAINT, SIX_STORE_ERROR_CONSTRAINT },
    { SQLITE_CONSTRAINT_FOREIGNKEY, SIX_STORE_ERROR_CONSTRAINT },
    { SQLITE_CONSTRAINT_CHECK, SIX_STORE_ERROR_CONSTRAINT },
    { SQLITE_IOERR, SIX_STORE_ERROR_IO },
    { SQLITE_IOERR_WRITE, SIX_STORE_ERROR_IO },
    { SQLITE_CANTOPEN, SIX_STORE_ERROR_IO },
    { SQLITE_PERM, SIX_STORE_ERROR_IO },
    { SQLITE_READONLY, SIX_STORE_ERROR_IO },
    { SQLITE_FULL, SIX_STORE_ERROR_IO },
    { SQLITE_ERROR, SIX_STORE_ERROR_FAILED },
    { SQLITE_MISUSE, SIX_STORE_ERROR_FAILED },
    { SQLITE_NOMEM, SIX_STORE_ERROR_FAILED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (_six_store_error_from_sqlite (cases[i].rc), ==, cases[i].code);
}

/* --- schema ------------------------------------------------------------------------- */

static const char *
declared_type (SixFieldType type)
{
  return type == SIX_FIELD_INTEGER || type == SIX_FIELD_BOOLEAN ? "INTEGER" : "TEXT";
}

/* Descriptors and schema cannot drift: every field is a column of the right type. */
static void
test_schema_columns (void)
{
  g_autoptr(SixDb) db = open_memory ();
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      const SixKind *record_kind = &kinds[k];
      g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (\"%s\")", record_kind->name);
      sqlite3_stmt *stmt = NULL;
      guint n_columns = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 1);
          const char *type = (const char *) sqlite3_column_text (stmt, 2);
          gboolean not_null = sqlite3_column_int (stmt, 3) != 0;
          gboolean primary_key = sqlite3_column_int (stmt, 5) != 0;
          const SixField *field;

          n_columns++;
          if (strcmp (name, "id") == 0)
            {
              g_assert_cmpstr (type, ==, "TEXT");
              g_assert_true (primary_key);
              g_assert_true (not_null);
              continue;
            }

          field = six_kind_get_field (record_kind, name);
          if (field == NULL)
            g_error ("%s.%s is a column but not a field", record_kind->name, name);

          g_assert_cmpstr (type, ==, declared_type (field->type));
          /* Only visibility and deleted are NOT NULL: merges write field by field. */
          g_assert_cmpint (not_null, ==, strcmp (name, "visibility") == 0 ||
                                         strcmp (name, "deleted") == 0);
        }
      sqlite3_finalize (stmt);

      g_assert_cmpuint (n_columns, ==, record_kind->n_fields + 1);
      g_assert_cmpint (sqlite3_table_column_metadata (db->handle, NULL, record_kind->name,
                                                      "id", NULL, NULL, NULL, NULL, NULL),
                       ==, SQLITE_OK);

      /* Each field exists as a column (the other direction). */
      for (guint i = 0; i < record_kind->n_fields; i++)
        {
          const char *type = NULL;

          if (sqlite3_table_column_metadata (db->handle, NULL, record_kind->name,
                                             record_kind->fields[i].name, &type, NULL, NULL,
                                             NULL, NULL) != SQLITE_OK)
            g_error ("%s.%s has no column", record_kind->name, record_kind->fields[i].name);
          g_assert_cmpstr (type, ==, declared_type (record_kind->fields[i].type));
        }
    }
}

/* Single-target references have a deferred foreign key; polymorphic ones have none. */
static void
test_schema_foreign_keys (void)
{
  g_autoptr(SixDb) db = open_memory ();
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      const SixKind *record_kind = &kinds[k];
      g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_key_list (\"%s\")",
                                              record_kind->name);
      sqlite3_stmt *stmt = NULL;
      guint n_expected = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_hash_table_insert (keys, g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
                               g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
          g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "id");
        }
      sqlite3_finalize (stmt);

      for (guint i = 0; i < record_kind->n_fields; i++)
        {
          const SixField *field = &record_kind->fields[i];
          const char *target = g_hash_table_lookup (keys, field->name);

          if (field->type == SIX_FIELD_REF && g_strv_length ((char **) field->targets) == 1)
            {
              n_expected++;
              if (target == NULL)
                g_error ("%s.%s has no foreign key", record_kind->name, field->name);
              g_assert_cmpstr (target, ==, field->targets[0]);
            }
          else if (target != NULL)
            g_error ("%s.%s has an unexpected foreign key", record_kind->name, field->name);
        }

      g_assert_cmpuint (g_hash_table_size (keys), ==, n_expected);
    }

  /* Deferred: a merge may insert the referring row before the one it refers to. */
  exec_sql (db, "BEGIN");
  exec_sql (db, "INSERT INTO plan_section (id, plan) VALUES ('s1', 'p1')");
  exec_sql (db, "INSERT INTO plan (id) VALUES ('p1')");
  exec_sql (db, "COMMIT");
  g_assert_cmpint (count_rows (db, "plan_section"), ==, 1);
}

static gboolean
sql_update_ok (SixDb         *db,
               const SixKind *record_kind,
               const char    *column,
               const char    *value)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1", record_kind->name,
                                          column);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  g_assert_true (rc == SQLITE_DONE || (rc & 0xff) == SQLITE_CONSTRAINT);

  return rc == SQLITE_DONE;
}

/* The CHECK constraints accept exactly what the model accepts, column by column. */
static void
test_schema_checks (void)
{
  g_autoptr(SixDb) db = open_memory ();
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);

  exec_sql (db, "PRAGMA foreign_keys = OFF");

  for (guint k = 0; k < n_kinds; k++)
    {
      const SixKind *record_kind = &kinds[k];
      g_autofree char *insert = g_strdup_printf ("INSERT INTO \"%s\" (id) VALUES ('x')",
                                                 record_kind->name);
      g_autofree char *select = g_strdup_printf ("SELECT visibility FROM \"%s\"",
                                                 record_kind->name);
      g_autofree char *visibility = NULL;

      exec_sql (db, insert);

      /* The default visibility is the kind's. */
      visibility = query_text (db, select);
      g_assert_cmpstr (visibility,
                       ==, six_visibility_to_string (record_kind->default_visibility));

      for (guint i = 0; i < record_kind->n_fields; i++)
        {
          const SixField *field = &record_kind->fields[i];

          switch (field->type)
            {
            case SIX_FIELD_ENUM:
              for (guint v = 0; field->values[v] != NULL; v++)
                g_assert_true (sql_update_ok (db, record_kind, field->name, field->values[v]));
              g_assert_false (sql_update_ok (db, record_kind, field->name, "bogus"));
              g_assert_false (sql_update_ok (db, record_kind, field->name, ""));
              break;

            case SIX_FIELD_DATE:
              g_assert_true (sql_update_ok (db, record_kind, field->name, "2024-02-29"));
              g_assert_true (sql_update_ok (db, record_kind, field->name, "2023-12-31"));
              g_assert_false (sql_update_ok (db, record_kind, field->name, "2023-02-30"));
              g_assert_false (sql_update_ok (db, record_kind, field->name, "2023-02-29"));
              g_assert_false (sql_update_ok (db, record_kind, field->name, "2023-13-01"));
              g_assert_false (sql_update_ok (db, record_kind, field->name, "2023-1-01"));
              g_assert_false (sql_update_ok (db, record_kind, field->name, "yesterday"));
              break;

            case SIX_FIELD_CURRENCY:
              g_assert_true (sql_update_ok (db, record_kind, field->name, "EUR"));
              g_assert_false (sql_update_ok (db, record_kind, field->name, "eur"));
              g_assert_false (sql_update_ok (db, record_kind, field->name, "EURO"));
              break;

            case SIX_FIELD_DECIMAL:
              g_assert_true (sql_update_ok (db, record_kind, field->name, "99.50"));
              g_assert_false (sql_update_ok (db, record_kind, field->name, "-1"));
              g_assert_false (sql_update_ok (db, record_kind, field->name, "1e6"));
              break;

            case SIX_FIELD_SET:
              g_assert_true (sql_update_ok (db, record_kind, field->name, "[\"a\",\"b\"]"));
              g_assert_true (sql_update_ok (db, record_kind, field->name, "[]"));
              g_assert_false (sql_update_ok (db, record_kind, field->name, "[\"a\""));
              g_assert_false (sql_update_ok (db, record_kind, field->name, "{}"));
              break;

            case SIX_FIELD_TEXT:
            case SIX_FIELD_INTEGER:
            case SIX_FIELD_BOOLEAN:
            case SIX_FIELD_REF:
            default:
              break;
            }
        }
    }
}

/* --- records ------------------------------------------------------------------------ */

/* Every kind: created with all its fields, read back, edited, tombstoned. */
static void
test_records_every_kind (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GHashTable) made = made_table_new ();
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      const SixKind *record_kind = &kinds[k];
      g_autoptr(SixEdit) edit = NULL;
      g_autoptr(GPtrArray) edits = g_ptr_array_new ();
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (
        (GDestroyNotify) g_variant_unref);
      g_autoptr(SixRecord) record = NULL;
      g_autoptr(SixRecord) deleted = NULL;
      g_autoptr(GPtrArray) live = NULL;
      g_autoptr(GPtrArray) all = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *natural = NULL;
      gint64 n_live;
      const char *id;

      natural = record_kind->key == SIX_KEY_NATURAL ? g_strdup_printf ("full-%s",
                                                                       record_kind->name)
                                                    : NULL;
      edit = six_edit_new (record_kind, natural);
      id = six_edit_get_id (edit);
      if (record_kind->key == SIX_KEY_UUID)
        g_assert_true (six_id_is_uuid (id));

      /* Every field but the two common ones, which take the kind's defaults. */
      for (guint i = 0; i < record_kind->n_fields; i++)
        {
          GVariant *value = NULL;

          if (i != SIX_FIELD_VISIBILITY && i != SIX_FIELD_DELETED)
            {
              value = g_variant_ref_sink (make_value (db, made, &record_kind->fields[i]));
              six_edit_set (edit, record_kind->fields[i].name, value);
            }
          g_ptr_array_add (values, value != NULL ? value : g_variant_ref_sink (
                                      g_variant_new_boolean (FALSE)));
        }

      n_live = six_db_count_records (db, record_kind, FALSE);
      g_ptr_array_add (edits, edit);
      g_assert_cmpint (apply_edits (db, "Create", edits), >, 0);
      g_assert_cmpint (six_db_count_records (db, record_kind, FALSE), ==, n_live + 1);
      g_assert_true (six_db_record_exists (db, record_kind, id));

      record = six_db_get_record (db, record_kind, id, FALSE, &error);
      g_assert_no_error (error);
      g_assert_true (six_record_get_kind (record) == record_kind);
      g_assert_cmpstr (six_record_get_id (record), ==, id);
      g_assert_cmpint (six_record_get_visibility (record), ==, record_kind->default_visibility);
      g_assert_false (six_record_is_deleted (record));
      g_assert_null (six_record_get_nth_stamp (record, 0));
      for (guint i = 2; i < record_kind->n_fields; i++)
        {
          GVariant *value = six_record_get_nth_value (record, i);

          if (value == NULL || !g_variant_equal (value, values->pdata[i]))
            g_error ("%s.%s did not round-trip", record_kind->name,
                     record_kind->fields[i].name);
        }

      /* Edit one field of each record. */
      {
        SixEdit *change = six_edit_new (record_kind, id);
        SixVisibility other = record_kind->default_visibility == SIX_VISIBILITY_PRIVATE
                              ? SIX_VISIBILITY_PUBLIC : SIX_VISIBILITY_PRIVATE;

        six_edit_set_string (change, "visibility", six_visibility_to_string (other));
        g_assert_cmpint (apply_one (db, "Change visibility", change), >, 0);
        g_clear_object (&record);
        record = get_record (db, record_kind->name, id);
        g_assert_cmpint (six_record_get_visibility (record), ==, other);
      }

      /* Delete: a tombstone, still there when asked for. */
      {
        SixEdit *remove = six_edit_new (record_kind, id);

        six_edit_delete (remove);
        g_assert_cmpint (apply_one (db, "Delete", remove), >, 0);
      }

      deleted = get_record (db, record_kind->name, id);
      g_assert_true (six_record_is_deleted (deleted));
      g_assert_true (six_db_record_exists (db, record_kind, id));
      g_assert_cmpint (six_db_count_records (db, record_kind, FALSE), ==, n_live);
      g_assert_cmpint (six_db_count_records (db, record_kind, TRUE), ==,
                       count_rows (db, record_kind->name));

      live = six_db_list_records (db, record_kind, FALSE, FALSE, &error);
      g_assert_no_error (error);
      all = six_db_list_records (db, record_kind, TRUE, TRUE, &error);
      g_assert_no_error (error);
      g_assert_false (has_id (live, id));
      g_assert_true (has_id (all, id));
      g_assert_cmpuint (live->len, ==, n_live);
    }

  /* Every kind now has a row: the minimal records and the full ones. */
  for (guint k = 0; k < n_kinds; k++)
    g_assert_cmpint (six_db_count_records (db, &kinds[k], TRUE), >=, 1);
}

static void
test_records_not_found (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  const char *party[] = { "country", "organisation", NULL };
  const char *unknown[] = { "no_such_kind", NULL };

  g_assert_null (six_db_get_record (db, kind ("country"), "LBN", FALSE, &error));
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "country LBN does not exist");
  g_clear_error (&error);
  g_assert_false (six_db_record_exists (db, kind ("country"), "LBN"));
  g_assert_null (six_db_find_kind_of_id (db, "LBN", NULL));

  empty = six_db_list_records (db, kind ("country"), TRUE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (empty);
  g_assert_cmpuint (empty->len, ==, 0);

  create_country (db, "LBN", "Lebanon");
  g_assert_true (six_db_find_kind_of_id (db, "LBN", party) == kind ("country"));
  g_assert_true (six_db_find_kind_of_id (db, "LBN", NULL) == kind ("country"));
  g_assert_null (six_db_find_kind_of_id (db, "LBN", unknown));
  g_assert_null (six_db_find_kind_of_id (db, "FRA", party));
}

/* Clocks for every written field: our replica in the vector, stamps always increasing. */
static void
test_records_clocks (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(SixRecord) first = NULL;
  g_autoptr(SixRecord) second = NULL;
  g_autoptr(SixRecord) third = NULL;
  const char *replica = six_db_get_replica_id (db);
  const SixKind *country = kind ("country");
  FakeWall wall = { 1700000000000 };
  SixEdit *edit;
  const SixFieldStamp *stamp;
  const SixFieldStamp *before;
  SixHlc last = { 0 };
  guint n_written = 0;
  int name = six_kind_field_index (country, "name");
  int status = six_kind_field_index (country, "status");
  int region = six_kind_field_index (country, "region");

  six_db_set_wall_clock (db, fake_wall_now, &wall);

  edit = six_edit_new (country, "LBN");
  six_edit_set_string (edit, "name", "Lebanon");
  six_edit_set_string (edit, "status", "party");
  six_edit_set_source (edit, "Art. 7 report 2023, Form A");
  apply_one (db, "Add", edit);

  first = get_record (db, "country", "LBN");
  for (guint i = 0; i < country->n_fields; i++)
    {
      gboolean written = i == SIX_FIELD_VISIBILITY || i == SIX_FIELD_DELETED ||
                         (int) i == name || (int) i == status;

      stamp = six_record_get_nth_stamp (first, i);
      g_assert_nonnull (stamp);
      if (!written)
        {
          g_assert_null (stamp->vv);
          g_assert_null (six_record_get_nth_value (first, i));
          continue;
        }

      g_assert_nonnull (stamp->vv);
      g_assert_cmpuint (six_version_vector_get_size (stamp->vv), ==, 1);
      /* Each write joins the vectors of the whole record and counts one more (format §4). */
      g_assert_cmpuint (six_version_vector_get (stamp->vv, replica), ==, ++n_written);
      g_assert_cmpint (stamp->hlc.wall, ==, wall.now);
      g_assert_true (stamp->hlc.replica == g_intern_string (replica));
      g_assert_cmpstr (stamp->source, ==, "Art. 7 report 2023, Form A");
      g_assert_cmpint (six_hlc_compare (&last, &stamp->hlc), <, 0);
      last = stamp->hlc;
    }

  /* Sequential edits dominate; the wall clock going back does not make stamps go back. */
  wall.now -= 60000;
  edit = six_edit_new (country, "LBN");
  six_edit_set_string (edit, "name", "Liban");
  six_edit_set_string (edit, "region", "middle_east");
  apply_one (db, "Rename", edit);

  second = get_record (db, "country", "LBN");
  stamp = six_record_get_nth_stamp (second, (guint) name);
  before = six_record_get_nth_stamp (first, (guint) name);
  g_assert_cmpuint (six_version_vector_get (stamp->vv, replica), ==, n_written + 1);
  g_assert_cmpint (six_version_vector_compare (stamp->vv, before->vv), ==, SIX_CLOCK_AFTER);
  g_assert_cmpint (six_hlc_compare (&stamp->hlc, &before->hlc), >, 0);
  g_assert_null (stamp->source);
  stamp = six_record_get_nth_stamp (second, (guint) region);
  g_assert_cmpuint (six_version_vector_get (stamp->vv, replica), ==, n_written + 2);

  /* Unchanged fields keep their stamps. */
  stamp = six_record_get_nth_stamp (second, (guint) status);
  before = six_record_get_nth_stamp (first, (guint) status);
  g_assert_true (six_version_vector_equal (stamp->vv, before->vv));
  g_assert_cmpint (six_hlc_compare (&stamp->hlc, &before->hlc), ==, 0);

  /* Writing the same value again changes nothing and records no operation. */
  g_assert_cmpint (rename_record (db, "country", "LBN", "name", "Liban"), ==, 0);
  third = get_record (db, "country", "LBN");
  g_assert_true (six_version_vector_equal (six_record_get_nth_stamp (third, (guint) name)->vv,
                                           six_record_get_nth_stamp (second, (guint) name)->vv));
  g_assert_cmpint (count_rows (db, "operation"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM clock WHERE kind = 'country'"), ==, 5);
}

/* A clock row of a field this version does not know still counts in the record's history. */
static void
test_records_clocks_unknown_field (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(SixRecord) record = NULL;
  const SixFieldStamp *stamp;

  create_country (db, "LBN", "Lebanon");
  exec_sql (db, "INSERT INTO clock (kind, id, field, vv, hlc_wall, hlc_counter, hlc_replica) "
                "VALUES ('country', 'LBN', 'flag_colour', 'newer=7', 1, 0, 'newer')");

  rename_record (db, "country", "LBN", "name", "Liban");

  record = get_record (db, "country", "LBN");
  stamp = six_record_get_nth_stamp (record, (guint) field_index ("country", "name"));
  g_assert_cmpuint (six_version_vector_get (stamp->vv, "newer"), ==, 7);
}

/* Statements are found by the address of their text, but never by an address alone. */
static void
test_records_statement_cache (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  char sql[] = "SELECT 1";
  SixStmt *first;
  SixStmt *second;

  first = _six_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (_six_db_prepare (db, sql, &error) == first);

  /* The same buffer now holds other SQL, as a freed and reused string would. */
  sql[7] = '2';
  second = _six_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_true (second != first);
  g_assert_cmpstr (sqlite3_sql (second), ==, "SELECT 2");
  g_assert_cmpint (sqlite3_step (second), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (second, 0), ==, 2);
  _six_stmt_release (second);
}

/* The ordered merge of clock rows in list_records gives each record its own stamps. */
static void
test_records_list_stamps (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "AAA", "BBB", "CCC", "DDD" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    create_country (db, ids[i], ids[i]);

  /* Some records edited more often than others, one deleted. */
  rename_record (db, "country", "BBB", "name", "Bee");
  rename_record (db, "country", "BBB", "name", "Bees");
  rename_record (db, "country", "DDD", "alpha2", "DD");
  {
    SixEdit *edit = six_edit_new (kind ("country"), "CCC");

    six_edit_delete (edit);
    apply_one (db, "Delete", edit);
  }

  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean include_deleted = pass == 1;

      records = six_db_list_records (db, kind ("country"), include_deleted, TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (records->len, ==, include_deleted ? 4 : 3);

      for (guint i = 0; i < records->len; i++)
        {
          SixRecord *listed = records->pdata[i];
          g_autoptr(SixRecord) single = get_record (db, "country", six_record_get_id (listed));

          if (i > 0)
            g_assert_cmpstr (six_record_get_id (records->pdata[i - 1]), <,
                             six_record_get_id (listed));
          g_assert_true (six_record_equal_values (listed, single));
          for (guint f = 0; f < kind ("country")->n_fields; f++)
            {
              const SixFieldStamp *a = six_record_get_nth_stamp (listed, f);
              const SixFieldStamp *b = six_record_get_nth_stamp (single, f);

              g_assert_true ((a->vv == NULL) == (b->vv == NULL));
              if (a->vv != NULL)
                g_assert_true (six_version_vector_equal (a->vv, b->vv));
              g_assert_cmpint (six_hlc_compare (&a->hlc, &b->hlc), ==, 0);
              g_assert_cmpstr (a->source, ==, b->source);
            }
        }

      g_clear_pointer (&records, g_ptr_array_unref);
    }
}

/* A request of @country, in @year, with @status (NULL: none). */
static void
create_request (SixDb      *db,
                const char *id,
                const char *country,
                int         year,
                const char *status)
{
  SixEdit *edit = six_edit_new (kind ("assistance_request"), id);

  six_edit_set_string (edit, "category", "other");
  six_edit_set_string (edit, "country", country);
  six_edit_set_int (edit, "year", year);
  if (status != NULL)
    six_edit_set_string (edit, "status", status);
  apply_one (db, "Add request", edit);
}

static void
create_contribution (SixDb      *db,
                     const char *id,
                     const char *request,
                     int         year)
{
  SixEdit *edit = six_edit_new (kind ("contribution"), id);

  six_edit_set_string (edit, "donor", "AAA");
  six_edit_set_string (edit, "recipient", "BBB");
  six_edit_set_string (edit, "category", "other");
  if (request != NULL)
    six_edit_set_string (edit, "request", request);
  if (year != 0)
    six_edit_set_int (edit, "year", year);
  apply_one (db, "Add contribution", edit);
}

/* The ids of @records, joined by spaces. */
static char *
join_ids (GPtrArray *records)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", six_record_get_id (records->pdata[i]));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
select_ids (SixDb          *db,
            const char     *kind_name,
            const SixMatch *matches,
            guint           n_matches)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = six_db_select_records (db, kind (kind_name), matches, n_matches,
                                                        &error);

  g_assert_no_error (error);
  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(SixRecord) stored = get_record (db, kind_name,
                                                six_record_get_id (records->pdata[i]));

      g_assert_true (six_record_equal_values (records->pdata[i], stored));
    }

  return join_ids (records);
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "value:count" per row, sorted, unset values as "-". */
static char *
tally (SixDb              *db,
       const char         *kind_name,
       const char * const *by,
       const SixMatch     *matches,
       guint               n_matches)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = six_db_tally_records (db, kind (kind_name), by, matches, n_matches,
                                                    &error);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      SixTally *row = rows->pdata[i];
      g_autofree char *value = row->values[0] == NULL ? g_strdup ("-")
                               : g_variant_is_of_type (row->values[0], G_VARIANT_TYPE_INT64)
                               ? g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  g_variant_get_int64 (row->values[0]))
                               : g_variant_dup_string (row->values[0], NULL);

      g_assert_cmpuint (row->n_values, ==, g_strv_length ((char **) by));
      g_ptr_array_add (texts, g_strdup_printf ("%s:%" G_GINT64_FORMAT, value, row->count));
    }
  g_ptr_array_sort (texts, compare_texts);
  g_ptr_array_add (texts, NULL);

  return g_strjoinv (" ", (char **) texts->pdata);
}

/* Selections read only the live records their conditions name, unset values never compare,
 * and the store's counts agree with them. */
static void
test_records_select (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GVariant) y2018 = g_variant_ref_sink (g_variant_new_int64 (2018));
  g_autoptr(GVariant) y2019 = g_variant_ref_sink (g_variant_new_int64 (2019));
  static const char * const withdrawn[] = { "withdrawn", NULL };
  static const char * const open[] = { "open", NULL };
  static const char * const by_year[] = { "year", NULL };
  static const char * const by_country[] = { "country", NULL };
  const SixMatch from_2019[] = { { .field = "year", .op = SIX_MATCH_AT_LEAST, .bound = y2019 } };
  const SixMatch to_2018[] = { { .field = "year", .op = SIX_MATCH_AT_MOST, .bound = y2018 } };
  const SixMatch before_2019[] = { { .field = "year", .op = SIX_MATCH_BELOW, .bound = y2019 } };
  const SixMatch dated[] = { { .field = "year", .op = SIX_MATCH_SET } };
  const SixMatch undated[] = { { .field = "year", .op = SIX_MATCH_UNSET } };
  const SixMatch needs[] = { { .field = "status", .op = SIX_MATCH_NONE_OF, .values = withdrawn } };
  const SixMatch open_ones[] = { { .field = "status", .op = SIX_MATCH_ONE_OF, .values = open } };
  const SixMatch recent_needs[] = { from_2019[0], needs[0] };
  const SixMatch answering[] = {
    { .field = "request", .op = SIX_MATCH_REFERS_TO, .target = kind ("assistance_request"),
      .target_matches = recent_needs, .n_target_matches = G_N_ELEMENTS (recent_needs) },
  };
  g_autofree char *ids = NULL;

  create_country (db, "AAA", "Aland");
  create_country (db, "BBB", "Bland");
  create_request (db, "R1", "AAA", 2018, "open");
  create_request (db, "R2", "AAA", 2019, "withdrawn");
  create_request (db, "R3", "BBB", 2019, NULL);
  create_request (db, "R4", "BBB", 2017, "open");
  create_request (db, "R5", "BBB", 2019, "open");
  {
    SixEdit *edit = six_edit_new (kind ("assistance_request"), "R5");

    six_edit_delete (edit);
    apply_one (db, "Delete", edit);
  }
  create_contribution (db, "C1", "R1", 2020);
  create_contribution (db, "C2", "R3", 0);
  create_contribution (db, "C3", NULL, 2019);
  create_contribution (db, "C4", "R2", 2019);

#define CHECK_SELECT(kind_name, matches, expected) \
  G_STMT_START { \
    g_autofree char *got_ = select_ids (db, kind_name, matches, G_N_ELEMENTS (matches)); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

  ids = select_ids (db, "assistance_request", NULL, 0);
  g_assert_cmpstr (ids, ==, "R1 R2 R3 R4");
  CHECK_SELECT ("assistance_request", from_2019, "R2 R3");
  CHECK_SELECT ("assistance_request", to_2018, "R1 R4");
  CHECK_SELECT ("assistance_request", before_2019, "R1 R4");
  CHECK_SELECT ("contribution", dated, "C1 C3 C4");
  CHECK_SELECT ("contribution", undated, "C2");
  CHECK_SELECT ("assistance_request", needs, "R1 R3 R4");
  CHECK_SELECT ("assistance_request", open_ones, "R1 R4");
  CHECK_SELECT ("assistance_request", recent_needs, "R3");
  CHECK_SELECT ("contribution", answering, "C2");
  /* A selection used once is the same the second time: its bounds are the caller's. */
  CHECK_SELECT ("contribution", answering, "C2");
#undef CHECK_SELECT

  {
    g_autofree char *years = tally (db, "assistance_request", by_year, needs, G_N_ELEMENTS (needs));
    g_autofree char *states = tally (db, "assistance_request", by_country, NULL, 0);
    g_autofree char *dated_years = tally (db, "contribution", by_year, dated, G_N_ELEMENTS (dated));
    g_autofree char *all_years = tally (db, "contribution", by_year, NULL, 0);

    g_assert_cmpstr (years, ==, "2017:1 2018:1 2019:1");
    g_assert_cmpstr (states, ==, "AAA:2 BBB:2");
    g_assert_cmpstr (dated_years, ==, "2019:2 2020:1");
    g_assert_cmpstr (all_years, ==, "-:1 2019:2 2020:1");
  }

  /* The largest year among the live records, a deleted record's left out; none when no
   * record holds one. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (six_db_max_int (db, kind ("assistance_request"), "year", -1, &error), ==,
                     2019);
    g_assert_no_error (error);
    g_assert_cmpint (six_db_max_int (db, kind ("contribution"), "year", -1, &error), ==, 2020);
    g_assert_cmpint (six_db_max_int (db, kind ("article7_report"), "year", -1, &error), ==, -1);
    g_assert_no_error (error);
    create_request (db, "R6", "AAA", 2023, "open");
    g_assert_cmpint (six_db_max_int (db, kind ("assistance_request"), "year", -1, &error), ==,
                     2023);
    {
      SixEdit *edit = six_edit_new (kind ("assistance_request"), "R6");

      six_edit_delete (edit);
      apply_one (db, "Delete", edit);
    }
    g_assert_cmpint (six_db_max_int (db, kind ("assistance_request"), "year", -1, &error), ==,
                     2019);
  }
}

/* Refused edits are mapped to our error domain and write nothing at all. */
static void
test_records_errors (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autofree char *counts = NULL;
  const SixKind *country = kind ("country");
  SixEdit *edit;

  create_country (db, "LBN", "Lebanon");
  counts = count_all_rows (db);

  edit = six_edit_new (country, "LBN");
  six_edit_set_string (edit, "status", "maybe");
  apply_one_fails (db, edit, SIX_STORE_ERROR_INVALID);

  edit = six_edit_new (country, "LBN");
  six_edit_set_string (edit, "signed_on", "2023-02-30");
  apply_one_fails (db, edit, SIX_STORE_ERROR_INVALID);

  edit = six_edit_new (country, "LBN");
  six_edit_set (edit, "name", g_variant_new_int64 (3));
  apply_one_fails (db, edit, SIX_STORE_ERROR_INVALID);

  edit = six_edit_new (country, "LBN");
  six_edit_set_string (edit, "name", NULL);
  apply_one_fails (db, edit, SIX_STORE_ERROR_INVALID);

  edit = six_edit_new (country, "not valid!");
  six_edit_set_string (edit, "name", "Nowhere");
  apply_one_fails (db, edit, SIX_STORE_ERROR_INVALID);

  /* A missing required field on create. */
  edit = six_edit_new (country, "FRA");
  six_edit_set_string (edit, "name", "France");
  apply_one_fails (db, edit, SIX_STORE_ERROR_INVALID);

  /* An unknown reference, with a foreign key and without one. */
  edit = six_edit_new (kind ("obligation"), "ZZZ:art4");
  six_edit_set_string (edit, "country", "ZZZ");
  six_edit_set_string (edit, "article", "art4");
  apply_one_fails (db, edit, SIX_STORE_ERROR_INVALID);

  edit = six_edit_new (kind ("note"), NULL);
  six_edit_set_string (edit, "target", "ZZZ");
  six_edit_set_string (edit, "text", "Note on nothing");
  apply_one_fails (db, edit, SIX_STORE_ERROR_INVALID);

  edit = six_edit_new (kind ("contribution"), NULL);
  six_edit_set_string (edit, "donor", "obligation-is-not-a-party");
  six_edit_set_string (edit, "recipient", "LBN");
  six_edit_set_string (edit, "category", "victim_assistance");
  apply_one_fails (db, edit, SIX_STORE_ERROR_INVALID);

  {
    const char *actions[] = { "lap:99" };

    edit = six_edit_new (kind ("activity"), NULL);
    six_edit_set_string (edit, "title", "Workshop");
    six_edit_set (edit, "actions", g_variant_new_strv (actions, 1));
    apply_one_fails (db, edit, SIX_STORE_ERROR_INVALID);
  }

  /* A good edit followed by a bad one: the batch is one transaction. */
  {
    g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func (
      (GDestroyNotify) six_edit_unref);
    g_autoptr(GError) error = NULL;
    g_autofree char *message = NULL;

    edit = six_edit_new (country, "LBN");
    six_edit_set_string (edit, "name", "Liban");
    g_ptr_array_add (edits, edit);
    edit = six_edit_new (country, "SYR");
    six_edit_set_string (edit, "name", "Syria");
    six_edit_set_string (edit, "status", "not_party");
    g_ptr_array_add (edits, edit);
    edit = six_edit_new (kind ("obligation"), "SYR:art5");
    six_edit_set_string (edit, "country", "SYX");
    six_edit_set_string (edit, "article", "art5");
    g_ptr_array_add (edits, edit);

    g_assert_cmpint (six_db_apply_edits (db, "Batch", edits, &error), ==, 0);
    g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "obligation SYR:art5: country: “SYX” does not exist");

    message = get_string (db, "country", "LBN", "name");
    g_assert_cmpstr (message, ==, "Lebanon");
    g_assert_false (six_db_record_exists (db, country, "SYR"));
  }

  {
    g_autofree char *after = count_all_rows (db);

    g_assert_cmpstr (after, ==, counts);
  }

  /* And the store is still usable afterwards. */
  g_assert_cmpint (rename_record (db, "country", "LBN", "name", "Liban"), >, 0);
}

/* A refused commit (deferred foreign key) is mapped to CONSTRAINT and rolled back. */
static void
test_records_constraint (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SixVersionVector) vv = six_version_vector_parse ("remote=1", NULL);
  g_autofree char *counts = count_all_rows (db);
  SixFieldStamp stamp = { vv, { 1000, 0, g_intern_string ("remote") }, NULL };
  const SixKind *section = kind ("plan_section");
  gint64 operation;

  g_assert_true (six_db_begin (db, &error));
  g_assert_no_error (error);
  operation = six_db_begin_operation (db, "Import", &error);
  g_assert_no_error (error);
  g_assert_cmpint (operation, >, 0);
  g_assert_true (six_db_put_field (db, operation, section, "dap:s1",
                                   (guint) six_kind_field_index (section, "plan"),
                                   g_variant_new_string ("nope"), &stamp, &error));
  g_assert_no_error (error);
  g_assert_false (six_db_commit (db, &error));
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, ":memory:"));
  g_clear_error (&error);

  {
    g_autofree char *after = count_all_rows (db);
    g_autoptr(GHashTable) changed = six_db_take_changed (db);

    g_assert_cmpstr (after, ==, counts);
    g_assert_cmpuint (g_hash_table_size (changed), ==, 0);
  }

  /* A CHECK the model does not know about is mapped too. */
  g_assert_true (six_db_begin (db, &error));
  operation = six_db_begin_operation (db, "Import", &error);
  g_assert_no_error (error);
  exec_sql (db, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON country "
                "BEGIN SELECT RAISE (ABORT, 'refused'); END");
  g_assert_false (six_db_put_field (db, operation, kind ("country"), "LBN", SIX_FIELD_DELETED,
                                    g_variant_new_boolean (FALSE), &stamp, &error));
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CONSTRAINT);
  six_db_rollback (db);
}

/* A record whose clock holds our counter at its limit refuses a local edit with an error
 * (an older version imported such clocks); nothing aborts and nothing is written. */
static void
test_records_counter_limit (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("%s=9223372036854775807",
                                           six_db_get_replica_id (db));
  g_autoptr(SixVersionVector) vv = six_version_vector_parse (text, NULL);
  SixFieldStamp stamp = { vv, { 1000, 0, g_intern_string (six_db_get_replica_id (db)) }, NULL };
  const SixKind *country = kind ("country");
  const char *fields[] = { "visibility", "deleted", "name", "status" };
  GVariant *values[] = { g_variant_new_string ("public"), g_variant_new_boolean (FALSE),
                         g_variant_new_string ("Laos"), g_variant_new_string ("party") };
  g_autoptr(SixRecord) record = NULL;
  SixEdit *edit;
  gint64 operation;

  g_assert_true (six_db_begin (db, &error));
  operation = six_db_begin_operation (db, "Import", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_true (six_db_put_field (db, operation, country, "LAO",
                                     (guint) six_kind_field_index (country, fields[i]),
                                     values[i], &stamp, &error));
  g_assert_true (six_db_commit (db, &error));
  g_assert_no_error (error);

  edit = six_edit_new (country, "LAO");
  six_edit_set_string (edit, "name", "Lao PDR");
  apply_one_fails (db, edit, SIX_STORE_ERROR_INVALID);

  record = get_record (db, "country", "LAO");
  g_assert_cmpstr (g_variant_get_string (six_record_get_value (record, "name"), NULL), ==,
                   "Laos");
}

/* Merge writes keep the stamp they carry; local writes after them dominate. */
static void
test_records_put_field (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SixVersionVector) vv = six_version_vector_parse ("remote=3", NULL);
  g_autoptr(SixRecord) record = NULL;
  g_autoptr(GHashTable) changed = NULL;
  const SixKind *country = kind ("country");
  const char *replica = six_db_get_replica_id (db);
  SixFieldStamp stamp = { vv, { 1700000000000, 2, g_intern_string ("remote") },
                          (char *) "file.a6.json" };
  const SixFieldStamp *got;
  FakeWall wall = { 1700000000000 - 1000 };
  gint64 operation;
  GPtrArray *ids;
  struct
  {
    const char *field;
    GVariant   *value;
  } fields[] = {
    { "visibility", g_variant_new_string ("public") },
    { "deleted", g_variant_new_boolean (FALSE) },
    { "name", g_variant_new_string ("Lao People's Democratic Republic") },
    { "status", g_variant_new_string ("party") },
  };

  six_db_set_wall_clock (db, fake_wall_now, &wall);

  g_assert_true (six_db_begin (db, &error));
  operation = six_db_begin_operation (db, "Import file.a6.json", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_assert_true (six_db_put_field (db, operation, country, "LAO",
                                       (guint) six_kind_field_index (country, fields[i].field),
                                       fields[i].value, &stamp, &error));
      g_assert_no_error (error);
    }
  /* An invalid value is refused before anything is written. */
  g_assert_false (six_db_put_field (db, operation, country, "LAO",
                                    (guint) six_kind_field_index (country, "status"),
                                    g_variant_new_string ("party!"), &stamp, &error));
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (six_db_commit (db, &error));
  g_assert_no_error (error);

  changed = six_db_take_changed (db);
  ids = g_hash_table_lookup (changed, "country");
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (ids->pdata[0], ==, "LAO");

  record = get_record (db, "country", "LAO");
  g_assert_cmpstr (six_record_get_string (record, "name"), ==,
                   "Lao People's Democratic Republic");
  got = six_record_get_nth_stamp (record, (guint) six_kind_field_index (country, "name"));
  g_assert_true (six_version_vector_equal (got->vv, vv));
  g_assert_cmpint (six_hlc_compare (&got->hlc, &stamp.hlc), ==, 0);
  g_assert_cmpstr (got->source, ==, "file.a6.json");

  {
    g_autoptr(GPtrArray) operations = six_db_list_operations (db, 0, &error);
    SixOperation *first;

    g_assert_no_error (error);
    g_assert_cmpuint (operations->len, ==, 1);
    first = operations->pdata[0];
    g_assert_cmpint (first->id, ==, operation);
    g_assert_cmpstr (first->label, ==, "Import file.a6.json");
    g_assert_cmpuint (first->n_changes, ==, 4);
    g_assert_false (first->undone);
    g_assert_cmpint (first->created_at, ==, wall.now);
  }

  /* Our clock saw the remote stamp: a local edit now stamps after it, though our wall is
   * behind, and its vector dominates the remote one. */
  rename_record (db, "country", "LAO", "name", "Laos");
  g_clear_object (&record);
  record = get_record (db, "country", "LAO");
  got = six_record_get_nth_stamp (record, (guint) six_kind_field_index (country, "name"));
  g_assert_cmpint (six_version_vector_compare (got->vv, vv), ==, SIX_CLOCK_AFTER);
  g_assert_cmpuint (six_version_vector_get (got->vv, "remote"), ==, 3);
  g_assert_cmpuint (six_version_vector_get (got->vv, replica), ==, 1);
  g_assert_cmpint (six_hlc_compare (&got->hlc, &stamp.hlc), >, 0);

  /* The import is undoable like an edit: the record it created is tombstoned. */
  g_assert_cmpint (six_db_undo (db, operation, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&record);
  record = get_record (db, "country", "LAO");
  g_assert_true (six_record_is_deleted (record));
}

/* A record new here, written whole by a merge, is one INSERT: no UPDATE of its row, one journal
 * entry, and every field stamped as given. A bad value anywhere writes nothing. */
static void
test_records_put_fields (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SixVersionVector) vv = six_version_vector_parse ("remote=2", NULL);
  g_autoptr(SixRecord) record = NULL;
  const SixKind *country = kind ("country");
  SixFieldStamp stamp = { vv, { 1700000000000, 0, g_intern_string ("remote") }, NULL };
  g_autoptr(GVariant) visibility = g_variant_ref_sink (g_variant_new_string ("coalition"));
  g_autoptr(GVariant) deleted = g_variant_ref_sink (g_variant_new_boolean (FALSE));
  g_autoptr(GVariant) name = g_variant_ref_sink (g_variant_new_string ("Ruritania"));
  g_autoptr(GVariant) status = g_variant_ref_sink (g_variant_new_string ("party"));
  g_autoptr(GVariant) bad = g_variant_ref_sink (g_variant_new_string ("treaty!"));
  SixFieldWrite writes[] = {
    { SIX_FIELD_VISIBILITY, visibility, &stamp },
    { SIX_FIELD_DELETED, deleted, &stamp },
    { field_index ("country", "name"), name, &stamp },
    { field_index ("country", "status"), status, &stamp },
    { field_index ("country", "instrument"), bad, &stamp },
  };
  gint64 operation;

  exec_sql (db, "CREATE TEMP TABLE updates (n INTEGER); INSERT INTO updates VALUES (0);"
                "CREATE TEMP TRIGGER count_updates AFTER UPDATE ON country "
                "BEGIN UPDATE updates SET n = n + 1; END");

  g_assert_true (six_db_begin (db, &error));
  operation = six_db_begin_operation (db, "Import", &error);
  g_assert_no_error (error);
  g_assert_false (six_db_put_fields (db, operation, country, "XRU", writes,
                                     G_N_ELEMENTS (writes), &error));
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (six_db_record_exists (db, country, "XRU"));

  g_assert_true (six_db_put_fields (db, operation, country, "XRU", writes,
                                    G_N_ELEMENTS (writes) - 1, &error));
  g_assert_no_error (error);
  g_assert_true (six_db_commit (db, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (db, "SELECT n FROM updates"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journal WHERE record_id = 'XRU'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM clock WHERE id = 'XRU'"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT n_changes FROM operation"), ==, 4);

  record = get_record (db, "country", "XRU");
  g_assert_cmpstr (six_record_get_string (record, "visibility"), ==, "coalition");
  g_assert_cmpstr (six_record_get_string (record, "name"), ==, "Ruritania");
  g_assert_cmpstr (six_record_get_string (record, "status"), ==, "party");
  g_assert_null (six_record_get_nth_value (record, field_index ("country", "instrument")));
  for (guint i = 0; i < 4; i++)
    {
      const SixFieldStamp *got = six_record_get_nth_stamp (record, writes[i].field);

      g_assert_true (six_version_vector_equal (got->vv, vv));
      g_assert_cmpint (six_hlc_compare (&got->hlc, &stamp.hlc), ==, 0);
    }

  {
    g_autoptr(GPtrArray) results = six_db_search (db, "rurit", NULL, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (results->len, ==, 1);
  }

  /* Undone as a unit: the record it created is tombstoned. */
  g_assert_cmpint (six_db_undo (db, operation, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&record);
  record = get_record (db, "country", "XRU");
  g_assert_true (six_record_is_deleted (record));
}

static void
test_records_set_json (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(SixRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *categories[] = { "other", "victim_assistance" };
  SixEdit *edit;
  GVariant *value;

  create_country (db, "LBN", "Lebanon");
  edit = six_edit_new (kind ("article7_report"), "LBN:2023");
  six_edit_set_string (edit, "country", "LBN");
  six_edit_set_int (edit, "year", 2023);
  six_edit_set (edit, "categories", g_variant_new_strv (categories, 2));
  apply_one (db, "Report", edit);

  g_assert_cmpint (query_int (db, "SELECT json_array_length (categories) FROM article7_report"),
                   ==, 2);
  record = get_record (db, "article7_report", "LBN:2023");
  value = six_record_get_value (record, "categories");
  g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY));
  g_assert_cmpuint (g_variant_n_children (value), ==, 2);

  /* Escapes written by another tool are read too. */
  exec_sql (db, "UPDATE article7_report SET categories = ' [ \"a\\u0041\\\"\" , \"\\\\b\" ] '");
  g_clear_object (&record);
  record = get_record (db, "article7_report", "LBN:2023");
  value = six_record_get_value (record, "categories");
  {
    g_autofree const char **items = g_variant_get_strv (value, NULL);

    g_assert_cmpstr (items[0], ==, "aA\"");
    g_assert_cmpstr (items[1], ==, "\\b");
  }

  /* Something that is not an array of strings is reported, not guessed at. */
  exec_sql (db, "UPDATE article7_report SET categories = '[1, 2]'");
  g_clear_object (&record);
  record = six_db_get_record (db, kind ("article7_report"), "LBN:2023", FALSE, &error);
  g_assert_null (record);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT);
}

/* --- transactions and the changed set ----------------------------------------------- */

static void
test_transactions_nesting (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) changed = NULL;
  GPtrArray *ids;

  /* Edits join the outer transaction; an inner rollback undoes only its part. */
  g_assert_true (six_db_begin (db, &error));
  create_country (db, "AAA", "Aaa");
  g_assert_true (six_db_begin (db, &error));
  create_country (db, "BBB", "Bbb");
  six_db_rollback (db);
  create_country (db, "CCC", "Ccc");
  g_assert_true (six_db_commit (db, &error));
  g_assert_no_error (error);

  g_assert_true (six_db_record_exists (db, kind ("country"), "AAA"));
  g_assert_false (six_db_record_exists (db, kind ("country"), "BBB"));
  g_assert_true (six_db_record_exists (db, kind ("country"), "CCC"));

  changed = six_db_take_changed (db);
  ids = g_hash_table_lookup (changed, "country");
  g_assert_nonnull (ids);
  g_assert_true (g_ptr_array_find_with_equal_func (ids, "AAA", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (ids, "CCC", g_str_equal, NULL));
  g_clear_pointer (&changed, g_hash_table_unref);

  /* Taken once. */
  changed = six_db_take_changed (db);
  g_assert_cmpuint (g_hash_table_size (changed), ==, 0);
  g_clear_pointer (&changed, g_hash_table_unref);

  /* An outer rollback undoes everything, the changed set included. */
  g_assert_true (six_db_begin (db, &error));
  create_country (db, "DDD", "Ddd");
  rename_record (db, "country", "AAA", "name", "Changed");
  six_db_rollback (db);
  g_assert_false (six_db_record_exists (db, kind ("country"), "DDD"));
  {
    g_autofree char *name = get_string (db, "country", "AAA", "name");

    g_assert_cmpstr (name, ==, "Aaa");
  }
  changed = six_db_take_changed (db);
  g_assert_cmpuint (g_hash_table_size (changed), ==, 0);
  g_assert_cmpint (count_rows (db, "operation"), ==, 2);
}

/* --- search ------------------------------------------------------------------------- */

static GPtrArray *
search (SixDb              *db,
        const char         *query,
        const char * const *kinds)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = six_db_search (db, query, kinds, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);

  return results;
}

static void
assert_search (SixDb      *db,
               const char *query,
               const char *expected)
{
  g_autoptr(GPtrArray) results = search (db, query, NULL);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  /* Equal scores come in any order; ranking has its own test. */
  for (guint i = 0; i < results->len; i++)
    g_ptr_array_add (sorted, (gpointer) six_record_get_id (results->pdata[i]));
  g_ptr_array_sort (sorted, compare_names);

  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", (const char *) sorted->pdata[i]);

  g_assert_cmpstr (ids->str, ==, expected);
}

static void
create_action (SixDb      *db,
               const char *id,
               const char *number,
               const char *title,
               const char *summary)
{
  SixEdit *edit = six_edit_new (kind ("action"), id);

  six_edit_set_string (edit, "plan", "lap");
  six_edit_set_string (edit, "number", number);
  six_edit_set_int (edit, "position", 1);
  six_edit_set_string (edit, "title", title);
  six_edit_set_string (edit, "summary", summary);
  apply_one (db, "Add action", edit);
}

static SixDb *
open_search_db (void)
{
  SixDb *db = open_memory ();
  SixEdit *edit;

  create_country (db, "COD", "République Démocratique du Congo");
  create_country (db, "LAO", "Lao People's Democratic Republic");

  edit = six_edit_new (kind ("organisation"), "0e6d5a2c-6f2f-4c36-9d0b-2f7d5a3c9e11");
  six_edit_set_string (edit, "name", "Association democratique des victimes");
  apply_one (db, "Add organisation", edit);

  edit = six_edit_new (kind ("plan"), "lap");
  six_edit_set_string (edit, "title", "Lausanne Action Plan");
  apply_one (db, "Add plan", edit);

  create_action (db, "lap:38", "38", "Cooperation and assistance requests",
                 "States seek support through Country Coalitions.");
  create_action (db, "dap:5.2", "5.2", "Victim assistance",
                 "Integrate victim assistance into national plans.");
  create_action (db, "lap:40", "40", "Exchange of good practice",
                 "Share lessons on clearance; survivors and victim support.");

  /* bm25 needs a corpus in which the words searched for are rare. */
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *id = g_strdup_printf ("F%02u", i);

      create_country (db, id, "Filler");
    }

  return db;
}

static void
test_search_diacritics (void)
{
  g_autoptr(SixDb) db = open_search_db ();

  assert_search (db, "democratique", "0e6d5a2c-6f2f-4c36-9d0b-2f7d5a3c9e11 COD");
  assert_search (db, "Démocratique", "0e6d5a2c-6f2f-4c36-9d0b-2f7d5a3c9e11 COD");
  assert_search (db, "DÉMOCRATIQUE congo", "COD");
  assert_search (db, "republique", "COD");
  assert_search (db, "République", "COD");
}

static void
test_search_prefix (void)
{
  g_autoptr(SixDb) db = open_search_db ();

  assert_search (db, "Démo", "0e6d5a2c-6f2f-4c36-9d0b-2f7d5a3c9e11 COD LAO");
  assert_search (db, "democratic", "LAO");
  assert_search (db, "Con", "COD");
  assert_search (db, "coal", "lap:38");
  assert_search (db, "victim assist", "dap:5.2");
  assert_search (db, "c", "COD lap:38 lap:40");
  /* Only the last word is a prefix: the others are whole words. */
  assert_search (db, "Dem congo", "");
  assert_search (db, "   ", "");
  assert_search (db, "", "");
}

static void
test_search_numbers (void)
{
  g_autoptr(SixDb) db = open_search_db ();

  assert_search (db, "38", "lap:38");
  assert_search (db, "5.2", "dap:5.2");
  assert_search (db, "40", "lap:40");
}

/* A title match ranks above a body match (bm25 with the title weighted). */
static void
test_search_ranking (void)
{
  g_autoptr(SixDb) db = open_search_db ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) limited = NULL;
  g_autoptr(GError) error = NULL;

  /* Same length, same words: only where "zebra" stands differs. The first one made
   * would win a tie. */
  create_action (db, "rank:a", "901", "Alpha beta", "Gamma zebra");
  create_action (db, "rank:b", "902", "Zebra beta", "Gamma alpha");

  results = search (db, "zebra", NULL);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpstr (six_record_get_id (results->pdata[0]), ==, "rank:b");
  g_assert_cmpstr (six_record_get_id (results->pdata[1]), ==, "rank:a");

  /* Body-only matches come after title matches. */
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (db, "victim", NULL);
  g_assert_cmpuint (results->len, ==, 3);
  g_assert_cmpstr (six_record_get_id (results->pdata[2]), ==, "lap:40");

  limited = six_db_search (db, "zebra", NULL, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limited->len, ==, 1);
  g_assert_cmpstr (six_record_get_id (limited->pdata[0]), ==, "rank:b");
}

static void
test_search_kinds (void)
{
  g_autoptr(SixDb) db = open_search_db ();
  const char *countries[] = { "country", NULL };
  const char *organisations[] = { "organisation", "no_such_kind", NULL };
  const char *none[] = { NULL };
  g_autoptr(GPtrArray) a = search (db, "democratique", countries);
  g_autoptr(GPtrArray) b = search (db, "democratique", organisations);
  g_autoptr(GPtrArray) c = search (db, "democratique", none);

  g_assert_cmpuint (a->len, ==, 1);
  g_assert_cmpstr (six_record_get_id (a->pdata[0]), ==, "COD");
  g_assert_nonnull (six_record_get_value (a->pdata[0], "name"));
  g_assert_null (six_record_get_nth_stamp (a->pdata[0], 0));
  g_assert_cmpuint (b->len, ==, 1);
  g_assert_cmpstr (six_record_get_kind_name (b->pdata[0]), ==, "organisation");
  g_assert_cmpuint (c->len, ==, 0);
}

/* User text is never query syntax: no error, and no operator takes effect. */
static void
test_search_hostile (void)
{
  g_autoptr(SixDb) db = open_search_db ();
  const char *inputs[] = {
    "\"", "\"\"", "*", "**", "NEAR(", "NEAR(congo", "NEAR(congo republique, 2)", "\"a\" OR",
    ")", "(", "AND", "OR", "NOT", "-", ":", "^", "+", "{", "}", "congo\"", "\"congo",
    "congo*", "*congo", "title:", "kind:country", "\" OR \"\" OR \"", "'", "\\", "%", "_",
    "\x01", "congo \t\n ", "é*\"", "🙂", NULL
  };

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) results = six_db_search (db, inputs[i], NULL, 20, &error);

      g_assert_no_error (error);
      g_assert_nonnull (results);
    }

  /* Were these operators, they would find records; as words they find none. */
  assert_search (db, "congo OR zzz", "");
  assert_search (db, "title:congo", "");
  assert_search (db, "congo NOT republique", "");
  assert_search (db, "\"congo\"", "COD");
  assert_search (db, "congo)", "COD");
  assert_search (db, "-congo", "COD");
}

static void
test_search_updates (void)
{
  g_autoptr(SixDb) db = open_search_db ();
  SixEdit *edit;

  /* Edits update the index at commit; deleted records leave it. */
  rename_record (db, "country", "COD", "name", "Congo-Kinshasa");
  assert_search (db, "democratique", "0e6d5a2c-6f2f-4c36-9d0b-2f7d5a3c9e11");
  assert_search (db, "kinshasa", "COD");

  edit = six_edit_new (kind ("country"), "COD");
  six_edit_delete (edit);
  apply_one (db, "Delete", edit);
  assert_search (db, "kinshasa", "");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM search_doc WHERE record = 'COD'"), ==, 0);

  edit = six_edit_new (kind ("country"), "COD");
  six_edit_set_boolean (edit, "deleted", FALSE);
  apply_one (db, "Restore", edit);
  assert_search (db, "kinshasa", "COD");

  /* Notes are searchable, and a note's row follows it. */
  edit = six_edit_new (kind ("note"), NULL);
  six_edit_set_string (edit, "target", "COD");
  six_edit_set_string (edit, "text", "Met the national authority in Kinshasa.");
  apply_one (db, "Note", edit);
  {
    g_autoptr(GPtrArray) results = search (db, "authority", NULL);

    g_assert_cmpuint (results->len, ==, 1);
    g_assert_cmpstr (six_record_get_kind_name (results->pdata[0]), ==, "note");
  }

  /* Undo reaches the index too. */
  g_assert_cmpint (six_db_undo (db, 0, NULL), >, 0);
  assert_search (db, "authority", "");
}

static void
test_search_rebuild (void)
{
  g_autoptr(SixDb) db = open_search_db ();
  g_autoptr(GError) error = NULL;
  gint64 rows = count_rows (db, "search_doc");
  const char *index_text =
    "SELECT group_concat (line, ';') FROM (SELECT kind || ' ' || record || ': ' || title "
    "|| ' / ' || body AS line FROM search ORDER BY kind, record)";
  g_autofree char *kept = query_text (db, index_text);

  g_assert_cmpint (rows, ==, 19);
  exec_sql (db, "DELETE FROM search");
  exec_sql (db, "DELETE FROM search_doc");
  assert_search (db, "democratique", "");

  g_assert_true (six_db_rebuild_search (db, &error));
  g_assert_no_error (error);
  assert_search (db, "democratique", "0e6d5a2c-6f2f-4c36-9d0b-2f7d5a3c9e11 COD");
  assert_search (db, "38", "lap:38");
  g_assert_cmpint (count_rows (db, "search_doc"), ==, rows);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM search"), ==, rows);
  /* The index kept at each commit is the one a rebuild makes. */
  {
    g_autofree char *rebuilt = query_text (db, index_text);

    g_assert_cmpstr (rebuilt, ==, kept);
  }

  /* Stale rows (the canonical table changed behind the index's back) go away too. */
  exec_sql (db, "UPDATE country SET deleted = 1 WHERE id = 'COD'");
  g_assert_true (six_db_rebuild_search (db, &error));
  assert_search (db, "democratique", "0e6d5a2c-6f2f-4c36-9d0b-2f7d5a3c9e11");
}

/* --- undo --------------------------------------------------------------------------- */

static void
test_undo_edit (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SixRecord) edited = NULL;
  g_autoptr(SixRecord) undone = NULL;
  g_autoptr(GPtrArray) operations = NULL;
  g_autofree char *name = NULL;
  const SixFieldStamp *a;
  const SixFieldStamp *b;
  guint field = (guint) six_kind_field_index (kind ("country"), "name");
  gint64 edit;
  gint64 undo;
  gint64 redo;

  create_country (db, "LBN", "Lebanon");
  edit = rename_record (db, "country", "LBN", "name", "Liban");
  edited = get_record (db, "country", "LBN");

  undo = six_db_undo (db, edit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (undo, >, edit);

  undone = get_record (db, "country", "LBN");
  g_assert_cmpstr (six_record_get_string (undone, "name"), ==, "Lebanon");

  /* The undo is a stamped write of its own: it dominates what it undid. */
  a = six_record_get_nth_stamp (undone, field);
  b = six_record_get_nth_stamp (edited, field);
  g_assert_cmpint (six_version_vector_compare (a->vv, b->vv), ==, SIX_CLOCK_AFTER);
  g_assert_cmpint (six_hlc_compare (&a->hlc, &b->hlc), >, 0);

  operations = six_db_list_operations (db, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (operations->len, ==, 3);
  g_assert_cmpint (((SixOperation *) operations->pdata[0])->id, ==, undo);
  g_assert_cmpstr (((SixOperation *) operations->pdata[0])->label, ==, "Undo: Rename");
  g_assert_cmpuint (((SixOperation *) operations->pdata[0])->n_changes, ==, 1);
  g_assert_true (((SixOperation *) operations->pdata[1])->undone);
  g_assert_false (((SixOperation *) operations->pdata[2])->undone);
  g_assert_cmpint (query_int (db, "SELECT undo_of FROM operation ORDER BY id DESC LIMIT 1"),
                   ==, edit);

  /* Twice is refused. */
  g_assert_cmpint (six_db_undo (db, edit, &error), ==, 0);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* Undoing the undo is a redo. */
  redo = six_db_undo (db, undo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (redo, >, undo);
  name = get_string (db, "country", "LBN", "name");
  g_assert_cmpstr (name, ==, "Liban");

  g_assert_cmpint (six_db_undo (db, 9999, &error), ==, 0);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND);
}

static void
test_undo_create (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SixRecord) record = NULL;
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  SixEdit *edit;
  gint64 operation;

  create_country (db, "LBN", "Lebanon");

  /* One operation creates a record and edits it again. */
  edit = six_edit_new (kind ("obligation"), "LBN:art4");
  six_edit_set_string (edit, "country", "LBN");
  six_edit_set_string (edit, "article", "art4");
  g_ptr_array_add (edits, edit);
  edit = six_edit_new (kind ("obligation"), "LBN:art4");
  six_edit_set_string (edit, "current_deadline", "2026-05-01");
  g_ptr_array_add (edits, edit);
  operation = apply_edits (db, "Add obligation", edits);

  g_assert_cmpint (six_db_undo (db, 0, &error), >, operation);
  g_assert_no_error (error);

  /* A tombstone, not a physical delete, and not a half-unwound record. */
  record = get_record (db, "obligation", "LBN:art4");
  g_assert_true (six_record_is_deleted (record));
  g_assert_cmpstr (six_record_get_string (record, "current_deadline"), ==, "2026-05-01");
  g_assert_cmpint (six_db_count_records (db, kind ("obligation"), FALSE), ==, 0);
  g_assert_cmpint (six_db_count_records (db, kind ("obligation"), TRUE), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT n_changes FROM operation ORDER BY id DESC LIMIT 1"),
                   ==, 1);
}

/* A created record is undone as a whole, so it is journaled once, without values; its
 * operation still counts every field it wrote. */
static void
test_undo_create_journal (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autofree char *count_entries = NULL;
  g_autofree char *count_values = NULL;
  g_autofree char *n_changes = NULL;
  SixEdit *edit;
  gint64 operation;

  create_country (db, "LBN", "Lebanon");

  edit = six_edit_new (kind ("obligation"), "LBN:art4");
  six_edit_set_string (edit, "country", "LBN");
  six_edit_set_string (edit, "article", "art4");
  g_ptr_array_add (edits, edit);
  edit = six_edit_new (kind ("obligation"), "LBN:art4");
  six_edit_set_string (edit, "current_deadline", "2026-05-01");
  g_ptr_array_add (edits, edit);
  edit = six_edit_new (kind ("country"), "LBN");
  six_edit_set_string (edit, "name", "Liban");
  g_ptr_array_add (edits, edit);
  operation = apply_edits (db, "Add obligation", edits);

  count_entries = g_strdup_printf ("SELECT count(*) FROM journal WHERE operation = %"
                                   G_GINT64_FORMAT, operation);
  count_values = g_strdup_printf ("SELECT count(*) FROM journal WHERE operation = %"
                                  G_GINT64_FORMAT " AND existed_before = 0 AND "
                                  "before IS NULL AND after IS NULL", operation);
  n_changes = g_strdup_printf ("SELECT n_changes FROM operation WHERE id = %" G_GINT64_FORMAT,
                               operation);
  g_assert_cmpint (query_int (db, count_entries), ==, 2);
  g_assert_cmpint (query_int (db, count_values), ==, 1);
  /* country, article, visibility, deleted, current_deadline; and the country's name. */
  g_assert_cmpint (query_int (db, n_changes), ==, 6);

  g_assert_cmpint (six_db_undo (db, operation, NULL), >, operation);
  g_assert_false (six_db_count_records (db, kind ("obligation"), FALSE));
  {
    g_autofree char *name = get_string (db, "country", "LBN", "name");

    g_assert_cmpstr (name, ==, "Lebanon");
  }
}

static void
test_undo_multi (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  const char *ids[] = { "AAA", "BBB", "CCC" };
  gint64 operation;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    create_country (db, ids[i], ids[i]);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      SixEdit *edit = six_edit_new (kind ("country"), ids[i]);

      six_edit_set_string (edit, "status", "signatory");
      six_edit_set_string (edit, "region", "africa");
      g_ptr_array_add (edits, edit);
    }
  operation = apply_edits (db, "Bulk edit", edits);
  g_assert_cmpint (query_int (db, "SELECT n_changes FROM operation ORDER BY id DESC LIMIT 1"),
                   ==, 6);

  g_assert_cmpint (six_db_undo (db, operation, &error), >, 0);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(SixRecord) record = get_record (db, "country", ids[i]);

      g_assert_cmpstr (six_record_get_string (record, "status"), ==, "party");
      g_assert_null (six_record_get_value (record, "region"));
      g_assert_false (six_record_is_deleted (record));
    }
}

static void
test_undo_changed_since (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SixRecord) record = NULL;
  SixEdit *edit;
  gint64 operation;

  create_country (db, "LBN", "Lebanon");
  edit = six_edit_new (kind ("country"), "LBN");
  six_edit_set_string (edit, "name", "Liban");
  six_edit_set_string (edit, "status", "signatory");
  operation = apply_one (db, "Edit", edit);
  rename_record (db, "country", "LBN", "name", "Lubnan");

  g_assert_cmpint (six_db_undo (db, operation, &error), >, 0);
  g_assert_no_error (error);

  /* The later edit of the name wins; the status, untouched since, is undone. */
  record = get_record (db, "country", "LBN");
  g_assert_cmpstr (six_record_get_string (record, "name"), ==, "Lubnan");
  g_assert_cmpstr (six_record_get_string (record, "status"), ==, "party");
}

static void
assert_name (SixDb      *db,
             const char *expected)
{
  g_autofree char *name = get_string (db, "country", "LBN", "name");

  g_assert_cmpstr (name, ==, expected);
}

/* Undo steps one further back each time; redo steps forward again, and an edit made since
 * the undos ends what can be redone. */
static void
test_undo_steps (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) operations = NULL;
  gint64 redo;

  create_country (db, "LBN", "Lebanon");
  rename_record (db, "country", "LBN", "name", "One");
  rename_record (db, "country", "LBN", "name", "Two");
  rename_record (db, "country", "LBN", "name", "Three");

  /* Three steps back: never an undo of the undo. */
  g_assert_cmpint (six_db_undo (db, 0, &error), >, 0);
  assert_name (db, "Two");
  g_assert_cmpint (six_db_undo (db, 0, &error), >, 0);
  assert_name (db, "One");
  g_assert_cmpint (six_db_undo (db, 0, &error), >, 0);
  assert_name (db, "Lebanon");
  g_assert_no_error (error);

  /* Two forward, in the order they were undone. */
  redo = six_db_redo (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (redo, >, 0);
  assert_name (db, "One");
  operations = six_db_list_operations (db, 1, &error);
  g_assert_cmpstr (((SixOperation *) operations->pdata[0])->label, ==, "Redo: Rename");
  g_assert_cmpint (six_db_redo (db, &error), >, 0);
  assert_name (db, "Two");

  /* Back again: the redone edit is undone, not the redo's undo. */
  g_assert_cmpint (six_db_undo (db, 0, &error), >, 0);
  assert_name (db, "One");
  g_assert_cmpint (six_db_redo (db, &error), >, 0);
  assert_name (db, "Two");
  g_assert_cmpint (six_db_redo (db, &error), >, 0);
  assert_name (db, "Three");
  g_assert_cmpint (six_db_redo (db, &error), ==, 0);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOTHING_TO_REDO);
  g_clear_error (&error);

  /* An edit after an undo: nothing left to redo. */
  g_assert_cmpint (six_db_undo (db, 0, &error), >, 0);
  assert_name (db, "Two");
  rename_record (db, "country", "LBN", "name", "Four");
  g_assert_cmpint (six_db_redo (db, &error), ==, 0);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOTHING_TO_REDO);
  g_clear_error (&error);
  assert_name (db, "Four");
}

/* What an undo would write, before it does: what holds the undone value still. */
static void
test_undo_plan (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) writes = NULL;
  SixPendingWrite *write;
  gint64 operation;

  create_country (db, "LBN", "Lebanon");
  operation = rename_record (db, "country", "LBN", "name", "Liban");

  writes = six_db_plan_undo (db, operation, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (writes->len, ==, 1);
  write = writes->pdata[0];
  g_assert_cmpstr (write->kind->name, ==, "country");
  g_assert_cmpstr (write->record_id, ==, "LBN");
  g_assert_cmpstr (write->field, ==, "name");
  g_assert_cmpstr (g_variant_get_string (write->current, NULL), ==, "Liban");
  g_assert_cmpstr (g_variant_get_string (write->value, NULL), ==, "Lebanon");
  g_clear_pointer (&writes, g_ptr_array_unref);

  /* Changed since: the undo keeps the newer value, and would write nothing. */
  rename_record (db, "country", "LBN", "name", "Lubnan");
  writes = six_db_plan_undo (db, operation, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (writes->len, ==, 0);
}

static void
test_undo_nothing (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (six_db_undo (db, 0, &error), ==, 0);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  create_country (db, "LBN", "Lebanon");
  g_assert_cmpint (six_db_undo (db, 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (six_db_record_exists (db, kind ("country"), "LBN"));
  g_assert_cmpint (six_db_count_records (db, kind ("country"), FALSE), ==, 0);
}

static void
test_undo_prune (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) operations = NULL;
  gint64 first;
  gint64 last = 0;

  first = create_country (db, "LBN", "Name 0");
  for (guint i = 1; i < 105; i++)
    {
      g_autofree char *name = g_strdup_printf ("Name %u", i);

      last = rename_record (db, "country", "LBN", "name", name);
    }

  operations = six_db_list_operations (db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (operations->len, ==, 100);
  g_assert_cmpint (((SixOperation *) operations->pdata[0])->id, ==, last);
  g_assert_cmpint (count_rows (db, "operation"), ==, 100);
  g_assert_cmpint (count_rows (db, "journal"), ==, 100);

  g_assert_cmpint (six_db_undo (db, first, &error), ==, 0);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND);
}

/* --- conflicts ---------------------------------------------------------------------- */

static void
test_conflicts (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(SixVersionVector) lost_vv = six_version_vector_parse ("remote=2", NULL);
  g_autoptr(SixVersionVector) won_vv = NULL;
  g_autoptr(SixRecord) record = NULL;
  g_autoptr(GVariant) first_lost = g_variant_ref_sink (g_variant_new_string ("Lebanese Republic"));
  g_autoptr(GVariant) second_lost = g_variant_ref_sink (g_variant_new_string ("Second"));
  g_autoptr(GVariant) won = g_variant_ref_sink (g_variant_new_string ("Liban"));
  g_autofree char *name = NULL;
  SixConflict conflict = { 0 };
  SixConflict *got;
  gint64 operation;
  gint64 restore;
  gint64 restored_id;

  create_country (db, "LBN", "Lebanon");
  operation = rename_record (db, "country", "LBN", "name", "Liban");
  record = get_record (db, "country", "LBN");
  won_vv = six_version_vector_ref (six_record_get_nth_stamp (record,
                                                            field_index ("country", "name"))->vv);

  conflict.kind = kind ("country");
  conflict.record_id = (char *) "LBN";
  conflict.field = field_index ("country", "name");
  conflict.lost_value = first_lost;
  conflict.lost_stamp.vv = lost_vv;
  conflict.lost_stamp.hlc = (SixHlc) { 1000, 1, g_intern_string ("remote") };
  conflict.lost_stamp.source = (char *) "their file";
  conflict.won_value = won;
  conflict.won_stamp = *six_record_get_nth_stamp (record, conflict.field);
  conflict.operation = operation;

  g_assert_true (six_db_add_conflict (db, &conflict, &error));
  g_assert_no_error (error);
  conflict.lost_value = second_lost;
  g_assert_true (six_db_add_conflict (db, &conflict, &error));
  conflict.lost_value = NULL;
  g_assert_true (six_db_add_conflict (db, &conflict, &error));
  g_assert_no_error (error);

  conflicts = six_db_list_conflicts (db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 3);

  /* Newest first: the one that lost an unset, then "Second", then the first. */
  got = conflicts->pdata[0];
  g_assert_null (got->lost_value);
  got = conflicts->pdata[2];
  g_assert_true (got->kind == kind ("country"));
  g_assert_cmpstr (got->record_id, ==, "LBN");
  g_assert_cmpuint (got->field, ==, conflict.field);
  g_assert_cmpstr (g_variant_get_string (got->lost_value, NULL), ==, "Lebanese Republic");
  g_assert_true (six_version_vector_equal (got->lost_stamp.vv, lost_vv));
  g_assert_cmpint (six_hlc_compare (&got->lost_stamp.hlc, &conflict.lost_stamp.hlc), ==, 0);
  g_assert_cmpstr (got->lost_stamp.source, ==, "their file");
  g_assert_cmpstr (g_variant_get_string (got->won_value, NULL), ==, "Liban");
  g_assert_true (six_version_vector_equal (got->won_stamp.vv, won_vv));
  g_assert_cmpint (got->operation, ==, operation);
  g_assert_cmpint (got->created_at, >, 0);
  g_assert_false (got->restored);

  restored_id = got->id;
  restore = six_db_restore_conflict (db, restored_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (restore, >, operation);
  name = get_string (db, "country", "LBN", "name");
  g_assert_cmpstr (name, ==, "Lebanese Republic");

  /* The restore is a local write that dominates both sides, and it can be undone. */
  {
    g_autoptr(SixRecord) restored = get_record (db, "country", "LBN");
    const SixFieldStamp *stamp = six_record_get_nth_stamp (restored, conflict.field);

    g_assert_cmpint (six_version_vector_compare (stamp->vv, won_vv), ==, SIX_CLOCK_AFTER);
  }

  g_assert_cmpint (six_db_restore_conflict (db, got->id, &error), ==, 0);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (six_db_restore_conflict (db, 4242, &error), ==, 0);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = six_db_list_conflicts (db, FALSE, &error);
  g_assert_cmpuint (conflicts->len, ==, 2);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = six_db_list_conflicts (db, TRUE, &error);
  g_assert_cmpuint (conflicts->len, ==, 3);
  g_assert_true (((SixConflict *) conflicts->pdata[2])->restored);

  g_assert_cmpint (six_db_undo (db, restore, &error), >, 0);
  g_clear_pointer (&name, g_free);
  name = get_string (db, "country", "LBN", "name");
  g_assert_cmpstr (name, ==, "Liban");

  /* Undoing the restore puts the conflict back in the log, to be restored again. */
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = six_db_list_conflicts (db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 3);
  g_assert_cmpint (((SixConflict *) conflicts->pdata[2])->id, ==, restored_id);
  g_assert_false (((SixConflict *) conflicts->pdata[2])->restored);

  /* The edit the conflicts came from, undone: that merge no longer stands, nothing waits. */
  g_assert_cmpint (six_db_undo (db, operation, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = six_db_list_conflicts (db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = six_db_list_conflicts (db, TRUE, &error);
  g_assert_cmpuint (conflicts->len, ==, 3);
}

/* --- files -------------------------------------------------------------------------- */

static void
test_files_mode (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "article-six.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *replica = NULL;
  g_autofree char *journal_mode = NULL;
  SixDb *db;

  db = open_db (path);
  create_country (db, "LBN", "Lebanon");
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  journal_mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (query_int (db, "PRAGMA synchronous"), ==, 1);
  /* Reads map the file. */
  g_assert_cmpint (query_int (db, "PRAGMA mmap_size"), ==, SIX_DB_MMAP_BYTES);
  replica = g_strdup (six_db_get_replica_id (db));
  six_db_close (db);

  /* The replica id is created once per database. */
  db = open_db (path);
  g_assert_cmpstr (six_db_get_replica_id (db), ==, replica);
  g_assert_true (six_db_record_exists (db, kind ("country"), "LBN"));
  six_db_close (db);

  remove_tree (dir);
}

/* Stamps keep increasing across a reopen, even with the wall clock set back. */
static void
test_files_clock_resumes (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article-six.db", NULL);
  FakeWall wall = { 1700000000000 };
  SixHlc first;
  SixDb *db;

  db = open_db (path);
  six_db_set_wall_clock (db, fake_wall_now, &wall);
  create_country (db, "LBN", "Lebanon");
  {
    g_autoptr(SixRecord) record = get_record (db, "country", "LBN");

    first = six_record_get_nth_stamp (record, field_index ("country", "name"))->hlc;
  }
  six_db_close (db);

  wall.now -= 60 * 60 * 1000;
  db = open_db (path);
  six_db_set_wall_clock (db, fake_wall_now, &wall);
  rename_record (db, "country", "LBN", "name", "Liban");
  {
    g_autoptr(SixRecord) record = get_record (db, "country", "LBN");

    const SixFieldStamp *stamp = six_record_get_nth_stamp (record,
                                                           field_index ("country", "name"));

    g_assert_cmpint (six_hlc_compare (&stamp->hlc, &first), >, 0);
  }
  six_db_close (db);

  remove_tree (dir);
}

/* SQLite may leave an empty -wal and -shm beside a damaged WAL file: never the data. */
static void
assert_refused (const char    *path,
                SixStoreError  code,
                SixStoreError  other_code,
                gboolean       untouched_by_sqlite)
{
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  SixDb *db;

  db = six_db_open (path, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SIX_STORE_ERROR);
  if (error->code != (int) code && error->code != (int) other_code)
    g_error ("Unexpected error %d: %s", error->code, error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  if (untouched_by_sqlite)
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_files_corrupt (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *contents = g_malloc (16384);
  SixDb *db;

  /* Not SQLite at all. */
  for (guint i = 0; i < 16384; i++)
    contents[i] = (char) g_test_rand_int_range (0, 256);
  write_bytes (garbage, contents, 16384);
  assert_refused (garbage, SIX_STORE_ERROR_NOT_A_DATABASE, SIX_STORE_ERROR_CORRUPT, TRUE);

  /* Our database with its pages after the first overwritten. */
  db = open_db (damaged);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("C%02u", i);

      create_country (db, id, "A country with a long enough name to fill some pages");
    }
  six_db_close (db);
  {
    g_autoptr(GBytes) bytes = read_bytes (damaged);
    gsize length;
    char *copy = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));

    g_assert_cmpuint (length, >, 8 * 4096);
    for (gsize i = 4096 * 2; i < length; i += 7)
      copy[i] = (char) 0xA5;
    write_bytes (damaged, copy, length);
    g_free (copy);
  }
  assert_refused (damaged, SIX_STORE_ERROR_CORRUPT, SIX_STORE_ERROR_NOT_A_DATABASE, FALSE);

  remove_tree (dir);
}

/* A plain SQLite file made by someone else, with the pragmas given. */
static void
make_sqlite_file (const char *path,
                  const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static void
test_files_too_new (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *latest = NULL;

  make_sqlite_file (path, "PRAGMA application_id = 1094075458; PRAGMA user_version = 999;"
                          "CREATE TABLE future (x);");
  assert_refused (path, SIX_STORE_ERROR_TOO_NEW, SIX_STORE_ERROR_TOO_NEW, TRUE);

  /* The sentence names both versions. */
  g_assert_null (six_db_open (path, &error));
  version = g_strdup_printf ("version 999");
  latest = g_strdup_printf ("version %d", six_db_get_latest_version ());
  g_assert_nonnull (strstr (error->message, version));
  g_assert_nonnull (strstr (error->message, latest));
  g_clear_error (&error);

  /* Newer only in the -wal, where our own header check cannot see it: SQLite's check
   * refuses it, and closing does not checkpoint the -wal into the file. */
  {
    g_autofree char *ours = g_build_filename (dir, "ours.db", NULL);
    g_autofree char *ours_wal = g_strconcat (ours, "-wal", NULL);
    g_autoptr(GBytes) db_before = NULL;
    g_autoptr(GBytes) wal_before = NULL;
    g_autoptr(GBytes) db_after = NULL;
    g_autoptr(GBytes) wal_after = NULL;
    sqlite3 *handle = NULL;
    SixDb *db = open_db (ours);

    create_country (db, "LBN", "Lebanon");
    six_db_close (db);

    g_assert_cmpint (sqlite3_open (ours, &handle), ==, SQLITE_OK);
    sqlite3_db_config (handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
    g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 999", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

    db_before = read_bytes (ours);
    wal_before = read_bytes (ours_wal);
    g_assert_cmpuint (g_bytes_get_size (wal_before), >, 0);

    g_assert_null (six_db_open (ours, &error));
    g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_TOO_NEW);

    db_after = read_bytes (ours);
    wal_after = read_bytes (ours_wal);
    g_assert_true (g_bytes_equal (db_before, db_after));
    g_assert_true (g_bytes_equal (wal_before, wal_after));
  }

  remove_tree (dir);
}

static void
test_files_foreign (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *unmarked = g_build_filename (dir, "unmarked.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  SixDb *db;

  make_sqlite_file (other, "PRAGMA application_id = 305419896; CREATE TABLE t (x);");
  assert_refused (other, SIX_STORE_ERROR_NOT_A_DATABASE, SIX_STORE_ERROR_NOT_A_DATABASE, TRUE);

  g_assert_null (six_db_open (other, &error));
  g_assert_nonnull (strstr (error->message, "is not an Article Six database"));
  g_clear_error (&error);

  /* No application id, but someone's tables: not ours either. */
  make_sqlite_file (unmarked, "CREATE TABLE contacts (name TEXT);");
  assert_refused (unmarked, SIX_STORE_ERROR_NOT_A_DATABASE, SIX_STORE_ERROR_NOT_A_DATABASE, TRUE);

  /* An emptied file lost its data: refused, never silently made new. */
  write_bytes (empty, "", 0);
  assert_refused (empty, SIX_STORE_ERROR_CORRUPT, SIX_STORE_ERROR_CORRUPT, TRUE);
  g_assert_null (six_db_open (empty, &error));
  g_assert_nonnull (strstr (error->message, "is empty"));
  g_assert_nonnull (strstr (error->message, "Restore a backup"));
  g_clear_error (&error);

  /* A file that does not exist yet is a new database. */
  g_assert_cmpint (g_unlink (empty), ==, 0);
  db = open_db (empty);
  g_assert_cmpint (six_db_get_schema_version (db), ==, six_db_get_latest_version ());
  six_db_close (db);

  remove_tree (dir);
}

static const char fixture_org[] = "6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
static const char fixture_contribution[] = "7b2e1d3f-4c5e-4f6a-9b0c-1d2e3f4a5b6c";
static const char fixture_coalition[] = "8c3f2e4a-5d6f-4a7b-8c1d-2e3f4a5b6c7d";

/* Writes tests/data/schema-vN.db for the latest version N: `test-db --make-fixture PATH`
 * (tests/data/make-schema-vN.sh). Never regenerate a fixture once a later version ships. */
static int
make_fixture (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(SixVersionVector) vv = six_version_vector_parse ("fixture-remote=4", NULL);
  const char *categories[] = { "survey_clearance", "victim_assistance" };
  const char *articles[] = { "art4", "art5" };
  FakeWall wall = { 1700000000000 };
  SixConflict conflict = { 0 };
  SixEdit *edit;
  SixDb *db;


  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists; remove it first.\n", path);
      return 1;
    }

  /* Small pages keep the committed file small; the schema does not depend on them. */
  make_sqlite_file (path, "PRAGMA page_size = 1024; CREATE TABLE x (y); DROP TABLE x;");

  db = open_db (path);
  six_db_set_wall_clock (db, fake_wall_now, &wall);
  six_db_set_replica_name (db, six_db_get_replica_id (db), "Fixture Maker", "ISU", &error);
  g_assert_no_error (error);

  edit = six_edit_new (kind ("country"), "LBN");
  six_edit_set_string (edit, "name", "Lebanon");
  six_edit_set_string (edit, "alpha2", "LB");
  six_edit_set_string (edit, "status", "party");
  six_edit_set_string (edit, "region", "middle_east");
  six_edit_set_string (edit, "instrument", "ratification");
  six_edit_set_string (edit, "instrument_on", "2010-11-05");
  six_edit_set_string (edit, "entry_into_force", "2011-05-01");
  six_edit_set_source (edit, "Depositary notification");
  g_ptr_array_add (edits, edit);

  edit = six_edit_new (kind ("country"), "LAO");
  six_edit_set_string (edit, "name", "République démocratique populaire lao");
  six_edit_set_string (edit, "status", "party");
  g_ptr_array_add (edits, edit);

  edit = six_edit_new (kind ("plan"), "lap");
  six_edit_set_string (edit, "title", "Lausanne Action Plan");
  six_edit_set_int (edit, "first_year", 2021);
  six_edit_set_int (edit, "last_year", 2026);
  g_ptr_array_add (edits, edit);

  edit = six_edit_new (kind ("action"), "lap:38");
  six_edit_set_string (edit, "plan", "lap");
  six_edit_set_string (edit, "number", "38");
  six_edit_set_int (edit, "position", 38);
  six_edit_set_string (edit, "title", "Cooperation and assistance");
  g_ptr_array_add (edits, edit);

  /* Version 2: the crosswalk between the plans. */
  if (six_db_get_latest_version () >= 2)
    {
      const char *related[] = { "lap:38" };

      edit = six_edit_new (kind ("action"), "lap:39");
      six_edit_set_string (edit, "plan", "lap");
      six_edit_set_string (edit, "number", "39");
      six_edit_set_int (edit, "position", 39);
      six_edit_set_string (edit, "title", "Seek assistance");
      six_edit_set (edit, "related", g_variant_new_strv (related, 1));
      g_ptr_array_add (edits, edit);
    }

  edit = six_edit_new (kind ("obligation"), "LBN:art4");
  six_edit_set_string (edit, "country", "LBN");
  six_edit_set_string (edit, "article", "art4");
  six_edit_set_string (edit, "current_deadline", "2026-05-01");
  g_ptr_array_add (edits, edit);

  edit = six_edit_new (kind ("article7_report"), "LBN:2023");
  six_edit_set_string (edit, "country", "LBN");
  six_edit_set_int (edit, "year", 2023);
  six_edit_set_boolean (edit, "requested_assistance", TRUE);
  six_edit_set (edit, "categories", g_variant_new_strv (categories, 2));
  g_ptr_array_add (edits, edit);

  edit = six_edit_new (kind ("organisation"), fixture_org);
  six_edit_set_string (edit, "name", "Mines Advisory Group");
  six_edit_set_string (edit, "kind", "operator");
  g_ptr_array_add (edits, edit);

  edit = six_edit_new (kind ("coalition"), fixture_coalition);
  six_edit_set_string (edit, "lead", "LBN");
  six_edit_set_string (edit, "title", "Lebanon Country Coalition");
  six_edit_set (edit, "articles", g_variant_new_strv (articles, 2));
  g_ptr_array_add (edits, edit);

  edit = six_edit_new (kind ("contribution"), fixture_contribution);
  six_edit_set_string (edit, "donor", fixture_org);
  six_edit_set_string (edit, "recipient", "LBN");
  six_edit_set_string (edit, "category", "survey_clearance");
  six_edit_set_string (edit, "amount", "250000.50");
  six_edit_set_string (edit, "currency", "EUR");
  six_edit_set_string (edit, "coalition", fixture_coalition);
  g_ptr_array_add (edits, edit);

  six_db_apply_edits (db, "Fixture data", edits, &error);
  g_assert_no_error (error);

  wall.now += 1000;
  rename_record (db, "country", "LBN", "name", "Lebanese Republic");

  conflict.kind = kind ("country");
  conflict.record_id = (char *) "LBN";
  conflict.field = field_index ("country", "name");
  conflict.lost_value = g_variant_ref_sink (g_variant_new_string ("Liban"));
  conflict.lost_stamp.vv = vv;
  conflict.lost_stamp.hlc = (SixHlc) { 1690000000000, 0, g_intern_string ("fixture-remote") };
  conflict.won_value = g_variant_ref_sink (g_variant_new_string ("Lebanese Republic"));
  conflict.won_stamp.vv = vv;
  conflict.won_stamp.hlc = (SixHlc) { 1700000001000, 0, g_intern_string ("fixture-remote") };
  six_db_add_conflict (db, &conflict, &error);
  g_assert_no_error (error);
  g_variant_unref (conflict.lost_value);
  g_variant_unref (conflict.won_value);

  six_db_close (db);

  /* One self-contained file, as an old installation would have left it after a clean exit. */
  make_sqlite_file (path, "VACUUM; PRAGMA journal_mode = DELETE;");

  return 0;
}

/* The first column of the first row of @sql on the file at @path, read as it is: opened
 * read-only, before the store touches it. */
static char *
read_file_text (const char *path,
                const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return text;
}

static gint64
read_file_int (const char *path,
               const char *sql)
{
  g_autofree char *text = read_file_text (path, sql);

  g_assert_nonnull (text);

  return g_ascii_strtoll (text, NULL, 10);
}

static void
test_files_migrate_v1 (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fixture = g_build_filename (TEST_DATA_DIR, "schema-v1.db", NULL);
  g_autofree char *path = g_build_filename (dir, "article-six.db", NULL);
  g_autoptr(GBytes) bytes = read_bytes (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(SixRecord) lebanon = NULL;
  g_autoptr(SixRecord) report = NULL;
  g_autoptr(SixRecord) contribution = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) operations = NULL;
  g_autofree char *replica = NULL;
  g_autofree char *replica_name = NULL;
  SixDb *db;

  write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* Who wrote the fixture, read before our code touches the file. */
  replica = read_file_text (path, "SELECT value FROM meta WHERE key = 'replica_id'");
  g_assert_cmpint (read_file_int (path, "PRAGMA user_version"), ==, 1);

  db = open_db (path);
  g_assert_cmpint (six_db_get_schema_version (db), ==, six_db_get_latest_version ());
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, six_db_get_latest_version ());
  g_assert_cmpstr (six_db_get_replica_id (db), ==, replica);
  replica_name = six_db_dup_replica_name (db, replica);
  g_assert_cmpstr (replica_name, ==, "Fixture Maker");

  lebanon = get_record (db, "country", "LBN");
  g_assert_cmpstr (six_record_get_string (lebanon, "name"), ==, "Lebanese Republic");
  g_assert_cmpstr (six_record_get_string (lebanon, "entry_into_force"), ==, "2011-05-01");
  /* Nine fields written, then the name again: each write counted one more (format §4). */
  g_assert_cmpuint (six_version_vector_get (
                      six_record_get_nth_stamp (lebanon, field_index ("country", "name"))->vv,
                      replica), ==, 10);
  g_assert_cmpstr (six_record_get_nth_stamp (lebanon, field_index ("country", "status"))->source,
                   ==, "Depositary notification");

  report = get_record (db, "article7_report", "LBN:2023");
  g_assert_true (six_record_get_boolean (report, "requested_assistance"));
  g_assert_cmpuint (g_variant_n_children (six_record_get_value (report, "categories")), ==, 2);

  contribution = get_record (db, "contribution", fixture_contribution);
  g_assert_cmpstr (six_record_get_string (contribution, "amount"), ==, "250000.50");
  g_assert_cmpstr (six_record_get_string (contribution, "donor"), ==, fixture_org);

  g_assert_cmpint (six_db_count_records (db, kind ("country"), FALSE), ==, 2);
  g_assert_cmpint (six_db_count_records (db, kind ("coalition"), FALSE), ==, 1);

  /* Version 2's fields exist and are empty until written. */
  {
    g_autoptr(SixRecord) action = get_record (db, "action", "lap:38");

    g_assert_null (six_record_get_value (action, "related"));
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_table_info('action_tracking') "
                                    "WHERE name = 'links'"), ==, 1);
  }

  found = six_db_search (db, "democratique", NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (six_record_get_id (found->pdata[0]), ==, "LAO");

  conflicts = six_db_list_conflicts (db, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);

  operations = six_db_list_operations (db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (operations->len, ==, 2);

  /* History made by the old version can be undone by this one. */
  g_assert_cmpint (six_db_undo (db, 0, &error), >, 0);
  g_assert_no_error (error);
  {
    g_autofree char *name = get_string (db, "country", "LBN", "name");

    g_assert_cmpstr (name, ==, "Lebanon");
  }

  six_db_close (db);
  remove_tree (dir);
}

/* A version-2 file gains the table of unknown fields, keeps its data, and takes a field of a
 * newer version with its clock. */
static void
test_files_migrate_v2 (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fixture = g_build_filename (TEST_DATA_DIR, "schema-v2.db", NULL);
  g_autofree char *path = g_build_filename (dir, "article-six.db", NULL);
  g_autoptr(GBytes) bytes = read_bytes (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(SixRecord) action = NULL;
  g_autoptr(SixRecord) lebanon = NULL;
  g_autoptr(SixVersionVector) vv = six_version_vector_parse ("newer=3", NULL);
  SixFieldStamp stamp = { vv, { 1800000000000, 0, g_intern_string ("newer") }, NULL };
  const SixExtraField *extra;
  gint64 operation;
  SixDb *db;

  write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  db = open_db (path);
  g_assert_cmpint (six_db_get_schema_version (db), ==, six_db_get_latest_version ());
  g_assert_cmpint (count_rows (db, "extra_field"), ==, 0);

  /* Migration 4: which operation restored a conflict; 5: format 1.3's fields. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_table_info ('conflict') "
                                  "WHERE name = 'restored_by'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_table_info ('coalition_member') "
                                  "WHERE name IN ('since', 'until', 'contact')"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_table_info ('meeting') "
                                  "WHERE name IN ('agenda', 'attendees')"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_table_info ('activity') "
                                  "WHERE name IN ('meeting', 'request')"), ==, 2);
  g_assert_cmpint (count_rows (db, "conflict"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM conflict WHERE restored_by IS NULL"), ==,
                   1);

  /* Migration 6: the indexes that answer the Overview's counts alone, the follow-ups' one in
   * place of the index on their coalition only. */
  g_assert_cmpint (query_int (db, "SELECT count(*) "
                                  "FROM pragma_index_info ('assistance_request_year')"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_index_info ('contribution_year')"),
                   ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_index_info ('activity_coalition')"),
                   ==, 4);

  action = get_record (db, "action", "lap:39");
  g_assert_cmpuint (g_variant_n_children (six_record_get_value (action, "related")), ==, 1);
  g_assert_null (six_record_get_extras (action));

  g_assert_true (six_db_begin (db, &error));
  operation = six_db_begin_operation (db, "Import", &error);
  g_assert_no_error (error);
  g_assert_true (six_db_put_extra_field (db, operation, kind ("country"), "LBN", "seat",
                                         "{\"since\":2021}", &stamp, &error));
  g_assert_no_error (error);
  g_assert_true (six_db_commit (db, &error));
  g_assert_no_error (error);

  lebanon = get_record (db, "country", "LBN");
  g_assert_cmpstr (six_record_get_string (lebanon, "name"), ==, "Lebanese Republic");
  g_assert_nonnull (six_record_get_extras (lebanon));
  g_assert_cmpuint (six_record_get_extras (lebanon)->len, ==, 1);
  extra = six_record_get_extras (lebanon)->pdata[0];
  g_assert_cmpstr (extra->name, ==, "seat");
  g_assert_cmpstr (extra->json, ==, "{\"since\":2021}");
  g_assert_true (six_version_vector_equal (extra->stamp.vv, vv));
  g_assert_cmpint (extra->stamp.hlc.wall, ==, 1800000000000);

  /* A field this version knows is not one of a newer version. */
  g_assert_true (six_db_begin (db, &error));
  g_assert_false (six_db_put_extra_field (db, operation, kind ("country"), "LBN", "name",
                                          "\"x\"", &stamp, &error));
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID);
  six_db_rollback (db);

  six_db_close (db);
  remove_tree (dir);
}

/* A file of each later version (made by that version's store,
 * tests/data/make-schema-past.sh) keeps its data and its history, and gains every later step. */
static void
test_files_migrate_past (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *name = g_strdup_printf ("schema-v%d.db", version);
  g_autofree char *fixture = g_build_filename (TEST_DATA_DIR, name, NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article-six.db", NULL);
  g_autoptr(GBytes) bytes = read_bytes (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(SixRecord) lebanon = NULL;
  g_autoptr(SixRecord) contribution = NULL;
  g_autoptr(SixRecord) action = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) operations = NULL;
  g_autofree char *undone_name = NULL;
  SixDb *db;

  write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpint (read_file_int (path, "PRAGMA user_version"), ==, version);

  db = open_db (path);
  g_assert_cmpint (six_db_get_schema_version (db), ==, six_db_get_latest_version ());

  lebanon = get_record (db, "country", "LBN");
  g_assert_cmpstr (six_record_get_string (lebanon, "name"), ==, "Lebanese Republic");
  contribution = get_record (db, "contribution", fixture_contribution);
  g_assert_cmpstr (six_record_get_string (contribution, "amount"), ==, "250000.50");
  g_assert_cmpstr (six_record_get_string (contribution, "coalition"), ==, fixture_coalition);
  action = get_record (db, "action", "lap:39");
  g_assert_cmpuint (g_variant_n_children (six_record_get_value (action, "related")), ==, 1);
  g_assert_cmpint (six_db_count_records (db, kind ("country"), FALSE), ==, 2);

  conflicts = six_db_list_conflicts (db, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  operations = six_db_list_operations (db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (operations->len, ==, 2);

  /* Every step after the file's own: the operation that restored a conflict (4), format 1.3's
   * fields (5), the Overview's indexes (6). */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_table_info ('conflict') "
                                  "WHERE name = 'restored_by'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM conflict WHERE restored_by IS NULL"), ==,
                   1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_table_info ('coalition_member') "
                                  "WHERE name IN ('since', 'until', 'contact')"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_table_info ('activity') "
                                  "WHERE name IN ('meeting', 'request')"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) "
                                  "FROM pragma_index_info ('assistance_request_year')"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_index_info ('activity_coalition')"),
                   ==, 4);

  /* History made by the old version can be undone by this one. */
  g_assert_cmpint (six_db_undo (db, 0, &error), >, 0);
  g_assert_no_error (error);
  undone_name = get_string (db, "country", "LBN", "name");
  g_assert_cmpstr (undone_name, ==, "Lebanon");

  six_db_close (db);
  remove_tree (dir);
}

/* A record not held here whose first write is a field of a newer version gets its row, and
 * undoing the write tombstones it like any record the operation created. */
static void
test_records_put_extra_field_new (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SixVersionVector) vv = six_version_vector_parse ("newer=1", NULL);
  g_autoptr(SixRecord) record = NULL;
  g_autoptr(SixRecord) undone = NULL;
  SixFieldStamp stamp = { vv, { 1800000000000, 0, g_intern_string ("newer") }, NULL };
  const SixExtraField *extra;
  gint64 operation;

  g_assert_true (six_db_begin (db, &error));
  operation = six_db_begin_operation (db, "Import", &error);
  g_assert_no_error (error);
  g_assert_true (six_db_put_extra_field (db, operation, kind ("country"), "XRU", "seat",
                                         "{\"since\":2021}", &stamp, &error));
  g_assert_no_error (error);
  g_assert_true (six_db_commit (db, &error));
  g_assert_no_error (error);

  record = get_record (db, "country", "XRU");
  g_assert_false (six_record_is_deleted (record));
  g_assert_nonnull (six_record_get_extras (record));
  extra = six_record_get_extras (record)->pdata[0];
  g_assert_cmpstr (extra->name, ==, "seat");
  g_assert_cmpstr (extra->json, ==, "{\"since\":2021}");
  g_assert_true (six_version_vector_equal (extra->stamp.vv, vv));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM journal WHERE record_id = 'XRU'"), ==, 1);

  g_assert_cmpint (six_db_undo (db, operation, &error), >, 0);
  g_assert_no_error (error);
  undone = get_record (db, "country", "XRU");
  g_assert_true (six_record_is_deleted (undone));
}

/* --- backups ------------------------------------------------------------------------ */

static GPtrArray *
list_dir (const char *path)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);

  return names;
}

static guint
count_dir (const char *path)
{
  g_autoptr(GPtrArray) names = list_dir (path);

  return names->len;
}

/* A database another process is writing to: the message names it and says who holds it,
 * not SQLite's "database is locked". Waits out the busy timeout (5 s). */
static void
test_locked_message (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "locked.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = six_db_open (path, &error);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  SixEdit *edit = six_edit_new (six_kind_lookup ("organisation"), NULL);
  sqlite3 *other = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  six_edit_set_string (edit, "name", "Blocked Demining");
  g_ptr_array_add (edits, edit);
  g_assert_cmpint (six_db_apply_edits (db, "Add", edits, &error), ==, 0);
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_BUSY);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "another Article Six"));
  g_assert_false (g_str_has_suffix (error->message, ": database is locked"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_clear_pointer (&db, six_db_close);
  remove_tree (dir);
}

static void
test_backup_rotate (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article-six.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *latest = NULL;
  FakeWall wall = { 1700000000000 };
  SixDb *db;

  db = open_db (path);
  six_db_set_wall_clock (db, fake_wall_now, &wall);
  create_country (db, "LBN", "Lebanon");

  for (guint i = 0; i < 7; i++)
    {
      char *backup;

      wall.now += 60 * 60 * 1000;
      backup = six_db_backup (db, i % 2 == 0 ? "import" : "Before/../import", &error);
      g_assert_no_error (error);
      g_assert_nonnull (backup);
      g_assert_true (g_str_has_prefix (backup, backups));
      g_assert_cmpuint (file_mode (backup), ==, 0600);
      g_ptr_array_add (made, backup);
    }

  g_assert_cmpuint (file_mode (backups), ==, 0700);

  /* Two backups in the same second get different names. */
  {
    g_autofree char *same = six_db_backup (db, "import", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (same, !=, made->pdata[6]);
    g_assert_true (g_file_test (same, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (made->pdata[6], G_FILE_TEST_EXISTS));
  }

  names = list_dir (backups);
  g_assert_cmpuint (names->len, ==, 5);
  g_assert_false (g_file_test (made->pdata[0], G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (made->pdata[2], G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (made->pdata[3], G_FILE_TEST_EXISTS));
  g_assert_true (g_str_has_suffix (made->pdata[0], "/article-six-20231114-231320-import.db"));
  g_assert_true (g_str_has_suffix (made->pdata[1],
                                   "/article-six-20231115-001320-before----import.db"));

  latest = six_db_find_latest_backup (path);
  g_assert_cmpstr (latest, ==, made->pdata[6]);
  six_db_close (db);

  /* A backup is a complete database of its own. */
  {
    g_autofree char *copy = g_build_filename (dir, "copy.db", NULL);
    g_autoptr(GBytes) bytes = read_bytes (made->pdata[6]);

    write_bytes (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    db = open_db (copy);
    g_assert_true (six_db_record_exists (db, kind ("country"), "LBN"));
    six_db_close (db);
  }

  remove_tree (dir);
}

static sqlite3_int64
root_page (sqlite3    *handle,
           const char *name)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3_int64 page;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT rootpage FROM sqlite_schema "
                                       "WHERE name = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return page;
}

/* Swaps the b-trees of the country id index (one row) and an empty index: every page stays
 * well formed, so only a full integrity check sees that the indexes no longer match their
 * tables. With @leave_wal the change stays in the -wal, as a crash leaves it. */
static void
damage_index (const char *path,
              gboolean    leave_wal)
{
  sqlite3 *handle = NULL;
  g_autofree char *sql = NULL;
  sqlite3_int64 country;
  sqlite3_int64 meeting;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  country = root_page (handle, "sqlite_autoindex_country_1");
  meeting = root_page (handle, "meeting_country");
  sql = g_strdup_printf ("PRAGMA writable_schema = ON;"
                         "UPDATE sqlite_schema SET rootpage = %lld WHERE name = "
                         "'sqlite_autoindex_country_1';"
                         "UPDATE sqlite_schema SET rootpage = %lld WHERE name = "
                         "'meeting_country';", meeting, country);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  if (leave_wal)
    sqlite3_db_config (handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

/* When the file was last checked through and through (ms), as the store records it; -1 if
 * it never was. */
static gint64
get_checked_at (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 at = -1;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT value FROM meta WHERE key = 'checked_at'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    at = g_ascii_strtoll ((const char *) sqlite3_column_text (stmt, 0), NULL, 10);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  return at;
}

static void
set_checked_at (const char *path,
                gint64      at)
{
  g_autofree char *sql = g_strdup_printf ("INSERT OR REPLACE INTO meta (key, value) "
                                          "VALUES ('checked_at', '%" G_GINT64_FORMAT "')", at);
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static void
checkpoint (const char *path)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA wal_checkpoint", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);
}

static void
assert_open_finds_damage (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (six_db_open (path, &error));
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "is damaged"));
}

/* The full check is not run at every open (it reads every page): it runs at the first open of
 * a file, after an unclean shutdown, when the last one is a day old or stamped in the
 * future, and on every backup, and its time is recorded. A damaged index is found by each of
 * those; between two full checks an open sees it not, the backup's check does, and no
 * backup of it is kept. */
static void
test_backup_damaged_index (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article-six.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time () / 1000;
  gint64 now;
  SixDb *db;

  /* A new file has nothing to check; its next open checks it, and says when. */
  db = open_db (path);
  create_country (db, "LBN", "Lebanon");
  six_db_close (db);
  g_assert_cmpint (get_checked_at (path), ==, -1);
  six_db_close (open_db (path));
  now = g_get_real_time () / 1000;
  g_assert_cmpint (get_checked_at (path), >=, before);
  g_assert_cmpint (get_checked_at (path), <=, now);

  /* Killed with the damage still in the -wal: the next open checks in full. */
  damage_index (path, TRUE);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_open_finds_damage (path);

  /* Closed cleanly, last checked a day ago, or at a time still to come: checked again. */
  checkpoint (path);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  set_checked_at (path, now - 24 * 60 * 60 * 1000);
  assert_open_finds_damage (path);
  set_checked_at (path, now + 60 * 60 * 1000);
  assert_open_finds_damage (path);

  /* Checked within the day: the open reads the header only; the backup's full check sees it. */
  set_checked_at (path, g_get_real_time () / 1000 - 60 * 1000);
  db = open_db (path);
  g_assert_null (six_db_backup (db, "import", &error));
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_error (&error);
  g_assert_false (six_db_backup_daily (db, &error));
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT);
  g_assert_cmpuint (count_dir (backups), ==, 0);
  six_db_close (db);

  remove_tree (dir);
}

/* A backup killed half way (old versions wrote in place) leaves broken files named like
 * backups, and this version leaves hidden part files: neither is trusted, offered, or
 * counted, and the good backups survive rotation. */
static void
test_backup_killed (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article-six.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *stale_part = NULL;
  g_autofree char *latest = NULL;
  g_autoptr(GPtrArray) good = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  FakeWall wall = { 1700000000000 };
  SixDb *db;

  db = open_db (path);
  six_db_set_wall_clock (db, fake_wall_now, &wall);
  create_country (db, "LBN", "Lebanon");
  for (guint i = 0; i < 5; i++)
    {
      wall.now += 60 * 60 * 1000;
      g_ptr_array_add (good, six_db_backup (db, "import", &error));
      g_assert_no_error (error);
    }

  /* Three newer broken backups: truncated, with the orphan journal a kill leaves. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GBytes) bytes = read_bytes (good->pdata[4]);
      g_autofree char *name = g_strdup_printf ("article-six-20231115-%02u0000-import.db", 10 + i);
      g_autofree char *broken = g_build_filename (backups, name, NULL);
      g_autofree char *journal = g_strconcat (broken, "-journal", NULL);

      write_bytes (broken, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2);
      write_bytes (journal, "", 0);
    }
  stale_part = g_build_filename (backups, ".article-six-backup.a6-part-999999999-abcdef12", NULL);
  write_bytes (stale_part, "half", 4);

  latest = six_db_find_latest_backup (path);
  g_assert_cmpstr (latest, ==, good->pdata[4]);

  /* The newest backup is broken and recent, but the newest whole one is a day old. */
  wall.now = 1700000000000 + 30 * 60 * 60 * 1000;
  g_assert_true (six_db_backup_daily (db, &error));
  g_assert_no_error (error);
  g_clear_pointer (&latest, g_free);
  latest = six_db_find_latest_backup (path);
  g_assert_true (g_str_has_suffix (latest, "-daily.db"));
  g_assert_false (g_file_test (stale_part, G_FILE_TEST_EXISTS));

  /* Rotation dropped the oldest good one only: four good ones, the daily, the broken. */
  g_assert_false (g_file_test (good->pdata[0], G_FILE_TEST_EXISTS));
  for (guint i = 1; i < 5; i++)
    g_assert_true (g_file_test (good->pdata[i], G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_dir (backups), ==, 5 + 3 * 2);

  six_db_close (db);
  remove_tree (dir);
}

static void
test_backup_daily (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article-six.db", NULL);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autofree char *latest = NULL;
  g_autoptr(GError) error = NULL;
  FakeWall wall = { 1700000000000 };
  SixDb *db;

  g_assert_null (six_db_find_latest_backup (path));

  db = open_db (path);
  six_db_set_wall_clock (db, fake_wall_now, &wall);

  g_assert_true (six_db_backup_daily (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_dir (backups), ==, 1);

  wall.now += 23 * 60 * 60 * 1000;
  g_assert_true (six_db_backup_daily (db, &error));
  g_assert_cmpuint (count_dir (backups), ==, 1);

  wall.now += 2 * 60 * 60 * 1000;
  g_assert_true (six_db_backup_daily (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_dir (backups), ==, 2);
  latest = six_db_find_latest_backup (path);
  g_assert_true (g_str_has_suffix (latest, "-daily.db"));

  six_db_close (db);
  remove_tree (dir);
}

static void
test_backup_memory (void)
{
  g_autoptr(SixDb) db = open_memory ();
  g_autoptr(GError) error = NULL;

  g_assert_null (six_db_backup (db, "import", &error));
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* Nothing to back up daily either, and that is not a failure. */
  g_assert_true (six_db_backup_daily (db, &error));
  g_assert_no_error (error);
}

static void
test_backup_restore (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article-six.db", NULL);
  g_autofree char *latest = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char garbage[] = "This file was damaged by a bad disk. It is not SQLite any more.";
  SixDb *db;

  db = open_db (path);
  create_country (db, "LBN", "Lebanon");
  backup = six_db_backup (db, "import", &error);
  g_assert_no_error (error);
  create_country (db, "FRA", "France");
  six_db_close (db);

  /* The database is damaged: opening it fails, and it is not touched. */
  write_bytes (path, garbage, sizeof garbage);
  write_bytes (wal, "stale wal", 9);
  g_assert_null (six_db_open (path, &error));
  g_clear_error (&error);

  latest = six_db_find_latest_backup (path);
  g_assert_cmpstr (latest, ==, backup);

  /* A bad backup is refused before anything moves. */
  g_assert_false (six_db_restore_backup (path, path, &error));
  g_assert_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);

  g_assert_true (six_db_restore_backup (path, latest, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* The damaged file was moved aside, never deleted, with its -wal. */
  names = list_dir (dir);
  for (guint i = 0; i < names->len; i++)
    if (g_str_has_prefix (names->pdata[i], "article-six.db.damaged-") &&
        !g_str_has_suffix (names->pdata[i], "-wal"))
      damaged = g_build_filename (dir, names->pdata[i], NULL);
  g_assert_nonnull (damaged);
  {
    g_autoptr(GBytes) bytes = read_bytes (damaged);
    g_autofree char *damaged_wal = g_strconcat (damaged, "-wal", NULL);

    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                     garbage, sizeof garbage);
    g_assert_true (g_file_test (damaged_wal, G_FILE_TEST_EXISTS));
  }

  db = open_db (path);
  g_assert_true (six_db_record_exists (db, kind ("country"), "LBN"));
  g_assert_false (six_db_record_exists (db, kind ("country"), "FRA"));
  six_db_close (db);

  remove_tree (dir);
}

/* --- the kill test ------------------------------------------------------------------ */

/* Run as `test-db --child-write DBPATH`: one huge transaction that never commits. */
static int
child_write (const char *path)
{
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

  if (!six_db_begin (db, &error))
    {
      g_printerr ("%s\n", error->message);
      return 3;
    }

  for (guint i = 0; i < 200000; i++)
    {
      g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func (
        (GDestroyNotify) six_edit_unref);
      g_autofree char *id = g_strdup_printf ("K%06u", i);
      SixEdit *edit = six_edit_new (six_kind_lookup ("country"), id);

      six_edit_set_string (edit, "name", "Written by the child that will be killed");
      six_edit_set_string (edit, "status", "party");
      g_ptr_array_add (edits, edit);

      edit = six_edit_new (six_kind_lookup ("country"), "BASE0");
      six_edit_set_string (edit, "name", id);
      g_ptr_array_add (edits, edit);

      if (six_db_apply_edits (db, "Child edit", edits, &error) == 0)
        {
          g_printerr ("%s\n", error->message);
          return 4;
        }

      if (i == 2000)
        {
          g_print ("started\n");
          fflush (stdout);
        }
    }

  /* Never commit: wait to be killed. */
  g_usleep (60 * G_USEC_PER_SEC);

  return 5;
}

static char *
dump_database (const char *path)
{
  GString *dump = g_string_new (NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
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
  g_assert_cmpint (sqlite3_close (handle), ==, SQLITE_OK);

  return g_string_free (dump, FALSE);
}

static void
test_files_kill (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article-six.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;
  gint64 n_countries;
  SixDb *db;

  db = open_db (path);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("BASE%u", i);

      create_country (db, id, "Written before the child");
    }
  n_countries = six_db_count_records (db, kind ("country"), TRUE);
  six_db_close (db);
  before = dump_database (path);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            test_binary, "--child-write", path, NULL);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  if (g_strcmp0 (line, "started") != 0)
    {
      g_subprocess_force_exit (child);
      g_error ("The child did not start writing (said “%s”)", line);
    }

  /* Mid-transaction, with thousands of uncommitted writes behind it. */
  g_usleep (300 * 1000);
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* The uncommitted pages did reach the disk, so recovery had work to do. */
  g_assert_cmpint (g_stat (wal, &buf), ==, 0);
  g_assert_cmpint (buf.st_size, >, 100 * 1024);

  db = open_db (path);
  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (six_db_count_records (db, kind ("country"), TRUE), ==, n_countries);
  g_assert_false (six_db_record_exists (db, kind ("country"), "K000000"));
  six_db_close (db);

  after = dump_database (path);
  g_assert_cmpstr (after, ==, before);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Private modes, before GTest sees the arguments. */
  if (argc == 3 && strcmp (argv[1], "--child-write") == 0)
    return child_write (argv[2]);
  if (argc == 3 && strcmp (argv[1], "--make-fixture") == 0)
    return make_fixture (argv[2]);

  test_binary = argv[0];

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/db/open/memory", test_open_memory);
  g_test_add_func ("/store/db/open/error-mapping", test_error_mapping);
  g_test_add_func ("/store/db/schema/columns", test_schema_columns);
  g_test_add_func ("/store/db/schema/foreign-keys", test_schema_foreign_keys);
  g_test_add_func ("/store/db/schema/checks", test_schema_checks);
  g_test_add_func ("/store/db/records/every-kind", test_records_every_kind);
  g_test_add_func ("/store/db/records/not-found", test_records_not_found);
  g_test_add_func ("/store/db/records/clocks", test_records_clocks);
  g_test_add_func ("/store/db/records/clocks-unknown-field", test_records_clocks_unknown_field);
  g_test_add_func ("/store/db/records/statement-cache", test_records_statement_cache);
  g_test_add_func ("/store/db/records/list-stamps", test_records_list_stamps);
  g_test_add_func ("/store/db/records/select", test_records_select);
  g_test_add_func ("/store/db/records/errors", test_records_errors);
  g_test_add_func ("/store/db/records/constraint", test_records_constraint);
  g_test_add_func ("/store/db/records/put-field", test_records_put_field);
  g_test_add_func ("/store/db/records/put-fields", test_records_put_fields);
  g_test_add_func ("/store/db/records/put-extra-field-new", test_records_put_extra_field_new);
  g_test_add_func ("/store/db/records/set-json", test_records_set_json);
  g_test_add_func ("/store/db/transactions/nesting", test_transactions_nesting);
  g_test_add_func ("/store/db/search/diacritics", test_search_diacritics);
  g_test_add_func ("/store/db/search/prefix", test_search_prefix);
  g_test_add_func ("/store/db/search/numbers", test_search_numbers);
  g_test_add_func ("/store/db/search/ranking", test_search_ranking);
  g_test_add_func ("/store/db/search/kinds", test_search_kinds);
  g_test_add_func ("/store/db/search/hostile", test_search_hostile);
  g_test_add_func ("/store/db/search/updates", test_search_updates);
  g_test_add_func ("/store/db/search/rebuild", test_search_rebuild);
  g_test_add_func ("/store/db/undo/edit", test_undo_edit);
  g_test_add_func ("/store/db/undo/create", test_undo_create);
  g_test_add_func ("/store/db/undo/create-journal", test_undo_create_journal);
  g_test_add_func ("/store/db/undo/multi-record", test_undo_multi);
  g_test_add_func ("/store/db/undo/changed-since", test_undo_changed_since);
  g_test_add_func ("/store/db/undo/nothing", test_undo_nothing);
  g_test_add_func ("/store/db/undo/steps", test_undo_steps);
  g_test_add_func ("/store/db/undo/plan", test_undo_plan);
  g_test_add_func ("/store/db/undo/prune", test_undo_prune);
  g_test_add_func ("/store/db/conflicts", test_conflicts);
  g_test_add_func ("/store/db/files/mode", test_files_mode);
  g_test_add_func ("/store/db/files/clock-resumes", test_files_clock_resumes);
  g_test_add_func ("/store/db/files/corrupt", test_files_corrupt);
  g_test_add_func ("/store/db/records/counter-limit", test_records_counter_limit);
  g_test_add_func ("/store/db/files/too-new", test_files_too_new);
  g_test_add_func ("/store/db/files/foreign", test_files_foreign);
  g_test_add_func ("/store/db/files/migrate-v1", test_files_migrate_v1);
  g_test_add_func ("/store/db/files/migrate-v2", test_files_migrate_v2);
  for (int version = 3; version <= six_db_get_latest_version (); version++)
    {
      g_autofree char *test_path = g_strdup_printf ("/store/db/files/migrate-v%d", version);

      g_test_add_data_func (test_path, GINT_TO_POINTER (version), test_files_migrate_past);
    }
  g_test_add_func ("/store/db/files/kill", test_files_kill);
  g_test_add_func ("/store/db/locked-message", test_locked_message);
  g_test_add_func ("/store/db/backup/rotate", test_backup_rotate);
  g_test_add_func ("/store/db/backup/daily", test_backup_daily);
  g_test_add_func ("/store/db/backup/damaged-index", test_backup_damaged_index);
  g_test_add_func ("/store/db/backup/killed", test_backup_killed);
  g_test_add_func ("/store/db/backup/memory", test_backup_memory);
  g_test_add_func ("/store/db/backup/restore", test_backup_restore);

  return g_test_run ();
}
