/* bench-store.c — the store against bare SQLite: bulk insert, open and first list, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measurements only: every figure is printed as a ratio against its target (DESIGN.md §9), and
 * the program fails only when something errs, never on timing.
 */
#define G_LOG_DOMAIN "bench-store"

#include "config.h"

#include "six-bench-data.h"
#include "six-db.h"
#include "six-repository.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>

/* The most fields any kind has, for arrays on the stack. */
#define MAX_FIELDS 32
#define LIST_ROUNDS 3
#define SEARCH_LIMIT 200  /* what the search page asks for */

static int n_records = SIX_BENCH_DEFAULT_RECORDS;
static int n_queries = 1000;
static gboolean keep_files;

static const GOptionEntry entries[] = {
  { "records", 'n', 0, G_OPTION_ARG_INT, &n_records, "Records to generate", "N" },
  { "queries", 'q', 0, G_OPTION_ARG_INT, &n_queries, "Search queries to time", "N" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep_files, "Keep the databases", NULL },
  { NULL }
};

/* ---- Bare SQLite ---- */

static gboolean
sqlite_ok (sqlite3  *handle,
           int       rc,
           GError  **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "sqlite3: %s",
               handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));

  return FALSE;
}

static gboolean
sqlite_exec (sqlite3     *handle,
             const char  *sql,
             GError     **error)
{
  return sqlite_ok (handle, sqlite3_exec (handle, sql, NULL, NULL, NULL), error);
}

/* The store's own settings, so only the code in between differs. */
static sqlite3 *
sqlite_open (const char  *path,
             GError     **error)
{
  sqlite3 *handle = NULL;
  int rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  g_autofree char *checkpoint = g_strdup_printf ("PRAGMA wal_autocheckpoint = %d",
                                                 SIX_DB_WAL_CHECKPOINT_PAGES);

  if (!sqlite_ok (handle, rc, error) ||
      !sqlite_exec (handle, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
                            "PRAGMA busy_timeout = 5000", error) ||
      !sqlite_exec (handle, checkpoint, error))
    {
      sqlite3_close (handle);
      return NULL;
    }

  return handle;
}

static char *
columns_of (const SixKind *kind)
{
  GString *columns = g_string_new ("id");

  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (columns, ", \"%s\"", kind->fields[i].name);

  return g_string_free (columns, FALSE);
}

typedef struct
{
  sqlite3       *handle;
  sqlite3_stmt **insert_record;  /* per kind, in six_kind_all () order */
  sqlite3_stmt  *insert_clock;
  SixHlcClock   *clock;
  GVariant      *not_deleted;
} RawDb;

static void
raw_db_free (RawDb *raw)
{
  guint n_kinds;

  six_kind_all (&n_kinds);
  for (guint k = 0; k < n_kinds && raw->insert_record != NULL; k++)
    sqlite3_finalize (raw->insert_record[k]);
  sqlite3_finalize (raw->insert_clock);
  g_free (raw->insert_record);
  g_clear_pointer (&raw->clock, six_hlc_clock_free);
  g_clear_pointer (&raw->not_deleted, g_variant_unref);
  sqlite3_close (raw->handle);
  g_free (raw);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RawDb, raw_db_free)

/* The store's schema, made by the store, without the rows a new database starts with. */
static RawDb *
raw_db_new (const char  *path,
            GError     **error)
{
  g_autoptr(RawDb) raw = g_new0 (RawDb, 1);
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);
  SixDb *schema;

  schema = six_db_open_full (path, SIX_BENCH_REPLICA, error);
  if (schema == NULL)
    return NULL;
  six_db_close (schema);

  raw->handle = sqlite_open (path, error);
  if (raw->handle == NULL ||
      !sqlite_exec (raw->handle, "DELETE FROM meta; DELETE FROM replica", error))
    return NULL;

  raw->insert_record = g_new0 (sqlite3_stmt *, n_kinds);
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autofree char *columns = columns_of (&kinds[k]);
      g_autoptr(GString) sql = g_string_new (NULL);

      g_string_printf (sql, "INSERT INTO \"%s\" (%s) VALUES (?1", kinds[k].name, columns);
      for (guint i = 0; i < kinds[k].n_fields; i++)
        g_string_append_printf (sql, ", ?%u", i + 2);
      g_string_append_c (sql, ')');

      if (!sqlite_ok (raw->handle, sqlite3_prepare_v3 (raw->handle, sql->str, -1,
                                                       SQLITE_PREPARE_PERSISTENT,
                                                       &raw->insert_record[k], NULL), error))
        return NULL;
    }

  if (!sqlite_ok (raw->handle,
                  sqlite3_prepare_v3 (raw->handle,
                                      "INSERT INTO clock (kind, id, field, vv, hlc_wall, "
                                      "hlc_counter, hlc_replica, source) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1,
                                      SQLITE_PREPARE_PERSISTENT, &raw->insert_clock, NULL),
                  error))
    return NULL;

  raw->clock = six_hlc_clock_new (SIX_BENCH_REPLICA, six_bench_wall_clock, NULL);
  raw->not_deleted = g_variant_ref_sink (g_variant_new_boolean (FALSE));

  return g_steal_pointer (&raw);
}

/* The store's column format: sets are JSON arrays of strings. */
static char *
set_to_json (GVariant *value)
{
  GString *json = g_string_new ("[");
  GVariantIter iter;
  const char *item;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "&s", &item))
    {
      if (json->len > 1)
        g_string_append_c (json, ',');
      g_string_append_c (json, '"');
      for (const char *p = item; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (json, '\\');
          g_string_append_c (json, *p);
        }
      g_string_append_c (json, '"');
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static void
bind_value (sqlite3_stmt   *stmt,
            int             index,
            const SixField *field,
            GVariant       *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else if (field->type == SIX_FIELD_INTEGER)
    sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
  else if (field->type == SIX_FIELD_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_variant_get_boolean (value) ? 1 : 0);
  else if (field->type == SIX_FIELD_SET)
    sqlite3_bind_text (stmt, index, set_to_json (value), -1, g_free);
  else
    {
      gsize len;
      const char *text = g_variant_get_string (value, &len);

      sqlite3_bind_text (stmt, index, text, (int) len, SQLITE_STATIC);
    }
}

/* One INSERT for the row and one per written field for its clock: the rows the store writes
 * for a new record, stamped the way it stamps them (field order, one tick per field). */
static gboolean
raw_insert (RawDb          *raw,
            const SixEdit  *edit,
            GError        **error)
{
  const SixKind *kind = six_edit_get_kind (edit);
  const char *id = six_edit_get_id (edit);
  const char *source = six_edit_get_source (edit);
  sqlite3_stmt *stmt = raw->insert_record[kind - six_kind_all (NULL)];
  g_autoptr(GVariant) visibility = NULL;
  GVariant *values[MAX_FIELDS] = { NULL };
  guint n_written = 0;
  int rc;

  g_assert (kind->n_fields <= MAX_FIELDS);

  for (guint i = 0; i < six_edit_get_n_changes (edit); i++)
    {
      GVariant *value;
      guint field = six_edit_get_nth_field (edit, i, &value);

      values[field] = value;
    }

  if (values[SIX_FIELD_VISIBILITY] == NULL)
    {
      visibility = g_variant_ref_sink (g_variant_new_string (
        six_visibility_to_string (kind->default_visibility)));
      values[SIX_FIELD_VISIBILITY] = visibility;
    }
  if (values[SIX_FIELD_DELETED] == NULL)
    values[SIX_FIELD_DELETED] = raw->not_deleted;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  for (guint i = 0; i < kind->n_fields; i++)
    bind_value (stmt, (int) i + 2, &kind->fields[i], values[i]);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (!sqlite_ok (raw->handle, rc, error))
    return FALSE;

  stmt = raw->insert_clock;
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *vv = NULL;
      SixHlc hlc;

      if (values[i] == NULL)
        continue;

      /* A new record's nth field is the nth write we know of it: {us: n}. */
      vv = g_strdup_printf ("%s=%u", SIX_BENCH_REPLICA, ++n_written);
      six_hlc_clock_tick (raw->clock, &hlc);

      sqlite3_bind_text (stmt, 1, kind->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, kind->fields[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, vv, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, hlc.wall);
      sqlite3_bind_int64 (stmt, 6, hlc.counter);
      sqlite3_bind_text (stmt, 7, hlc.replica, -1, SQLITE_STATIC);
      if (source != NULL)
        sqlite3_bind_text (stmt, 8, source, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 8);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (!sqlite_ok (raw->handle, rc, error))
        return FALSE;
    }

  return TRUE;
}

/* ---- (a) Bulk insert ---- */

static gboolean
insert_through_store (const char     *path,
                      gint64         *elapsed_us,
                      const SixKind **biggest,
                      gint64         *n_biggest,
                      GError        **error)
{
  g_autoptr(SixBenchData) data = six_bench_data_new ((guint) n_records, error);
  g_autoptr(SixDb) db = NULL;
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);
  GPtrArray *batch;
  gint64 start;

  if (data == NULL)
    return FALSE;

  db = six_db_open_full (path, SIX_BENCH_REPLICA, error);
  if (db == NULL)
    return FALSE;
  six_db_set_wall_clock (db, six_bench_wall_clock, NULL);

  *elapsed_us = 0;
  while ((batch = six_bench_data_next_batch (data, SIX_BENCH_BATCH_SIZE)) != NULL)
    {
      gint64 operation;

      start = six_bench_now_us ();
      operation = six_db_apply_edits (db, "Benchmark batch", batch, error);
      *elapsed_us += six_bench_now_us () - start;
      g_ptr_array_unref (batch);

      if (operation == 0)
        return FALSE;
    }

  *n_biggest = 0;
  for (guint k = 0; k < n_kinds; k++)
    {
      gint64 n = six_db_count_records (db, &kinds[k], FALSE);

      if (n > *n_biggest)
        {
          *n_biggest = n;
          *biggest = &kinds[k];
        }
    }

  /* Closing checkpoints the WAL: the data is in the database file only after it. */
  start = six_bench_now_us ();
  g_clear_pointer (&db, six_db_close);
  *elapsed_us += six_bench_now_us () - start;

  return TRUE;
}

/* The same rows as the store, straight into SQLite: committed once per batch as the store
 * commits each write, or all in one transaction. */
static gboolean
insert_raw (const char  *path,
            gboolean     commit_per_batch,
            gint64      *elapsed_us,
            GError     **error)
{
  g_autoptr(SixBenchData) data = six_bench_data_new ((guint) n_records, error);
  g_autoptr(RawDb) raw = NULL;
  GPtrArray *batch;
  gint64 start;

  if (data == NULL)
    return FALSE;

  raw = raw_db_new (path, error);
  if (raw == NULL)
    return FALSE;

  start = six_bench_now_us ();
  if (!sqlite_exec (raw->handle, "BEGIN IMMEDIATE", error))
    return FALSE;
  *elapsed_us = six_bench_now_us () - start;

  while ((batch = six_bench_data_next_batch (data, SIX_BENCH_BATCH_SIZE)) != NULL)
    {
      gboolean ok = TRUE;
      SixHlc hlc;

      start = six_bench_now_us ();
      for (guint i = 0; ok && i < batch->len; i++)
        ok = raw_insert (raw, batch->pdata[i], error);
      /* The store ticks once more per commit, to save where its clock stands. */
      six_hlc_clock_tick (raw->clock, &hlc);
      if (ok && commit_per_batch)
        ok = sqlite_exec (raw->handle, "COMMIT; BEGIN IMMEDIATE", error);
      *elapsed_us += six_bench_now_us () - start;
      g_ptr_array_unref (batch);

      if (!ok)
        return FALSE;
    }

  start = six_bench_now_us ();
  if (!sqlite_exec (raw->handle, "COMMIT", error))
    return FALSE;
  g_clear_pointer (&raw, raw_db_free);
  *elapsed_us += six_bench_now_us () - start;

  return TRUE;
}

/* Both databases must hold the same records and clocks, or the ratio means nothing. */
static gboolean
compare_rows (const char  *raw_path,
              const char  *store_path,
              gint64      *n_rows,
              gint64      *n_clocks,
              gint64      *n_different,
              GError     **error)
{
  sqlite3 *handle = sqlite_open (raw_path, error);
  sqlite3_stmt *attach = NULL;
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);
  gboolean ok = FALSE;

  if (handle == NULL)
    return FALSE;

  if (!sqlite_ok (handle, sqlite3_prepare_v2 (handle, "ATTACH ?1 AS s", -1, &attach, NULL),
                  error))
    goto out;
  sqlite3_bind_text (attach, 1, store_path, -1, SQLITE_STATIC);
  if (!sqlite_ok (handle, sqlite3_step (attach), error))
    goto out;

  *n_rows = *n_clocks = *n_different = 0;
  for (guint k = 0; k <= n_kinds; k++)
    {
      const char *table = k < n_kinds ? kinds[k].name : "clock";
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      sql = g_strdup_printf ("SELECT (SELECT count(*) FROM main.\"%s\"), "
                             "(SELECT count(*) FROM (SELECT * FROM main.\"%s\" "
                             "EXCEPT SELECT * FROM s.\"%s\")), "
                             "(SELECT count(*) FROM (SELECT * FROM s.\"%s\" "
                             "EXCEPT SELECT * FROM main.\"%s\"))",
                             table, table, table, table, table);
      if (!sqlite_ok (handle, sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), error) ||
          !sqlite_ok (handle, sqlite3_step (stmt), error))
        {
          sqlite3_finalize (stmt);
          goto out;
        }

      if (k < n_kinds)
        *n_rows += sqlite3_column_int64 (stmt, 0);
      else
        *n_clocks += sqlite3_column_int64 (stmt, 0);
      *n_different += sqlite3_column_int64 (stmt, 1) + sqlite3_column_int64 (stmt, 2);
      sqlite3_finalize (stmt);
    }

  ok = TRUE;

out:
  sqlite3_finalize (attach);
  sqlite3_close (handle);
  return ok;
}

/* ---- (b) Open and first list ---- */

static gboolean
time_repository_list (const char     *path,
                      const SixKind  *kind,
                      gint64         *open_us,
                      gint64         *total_us,
                      guint          *n_items,
                      GError        **error)
{
  g_autoptr(SixRepository) repository = NULL;
  GListModel *list;
  gint64 start = six_bench_now_us ();

  repository = six_repository_open (path, error);
  if (repository == NULL)
    return FALSE;
  *open_us = six_bench_now_us () - start;

  list = six_repository_list (repository, kind);
  while (six_record_list_is_loading (SIX_RECORD_LIST (list)))
    g_main_context_iteration (NULL, TRUE);
  *total_us = six_bench_now_us () - start;

  if (six_record_list_get_error (SIX_RECORD_LIST (list)) != NULL)
    {
      g_propagate_error (error, g_error_copy (six_record_list_get_error (SIX_RECORD_LIST (list))));
      return FALSE;
    }

  *n_items = g_list_model_get_n_items (list);
  six_repository_close (repository);

  return TRUE;
}

/* The same rows as the list: every column of the live records, in id order. */
static gboolean
time_bare_select (const char     *path,
                  const SixKind  *kind,
                  gint64         *total_us,
                  guint          *n_rows,
                  GError        **error)
{
  g_autofree char *columns = columns_of (kind);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE deleted = 0 ORDER BY id",
                                          columns, kind->name);
  gint64 start = six_bench_now_us ();
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize n_bytes = 0;
  int rc;

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (!sqlite_ok (handle, rc, error) ||
      !sqlite_ok (handle, sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), error))
    {
      sqlite3_close (handle);
      return FALSE;
    }

  *n_rows = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (sqlite3_column_type (stmt, i) == SQLITE_TEXT)
            n_bytes += strlen ((const char *) sqlite3_column_text (stmt, i));
          else
            n_bytes += (gsize) sqlite3_column_int64 (stmt, i) & 1;
        }
      (*n_rows)++;
    }

  sqlite3_finalize (stmt);
  if (!sqlite_ok (handle, rc, error))
    {
      sqlite3_close (handle);
      return FALSE;
    }
  sqlite3_close (handle);
  *total_us = six_bench_now_us () - start;
  g_debug ("%" G_GSIZE_FORMAT " bytes read", n_bytes);

  return TRUE;
}

static gboolean
bench_open_list (const char     *path,
                 const SixKind  *kind,
                 GError        **error)
{
  gint64 open_us[LIST_ROUNDS];
  gint64 store_us[LIST_ROUNDS];
  gint64 bare_us[LIST_ROUNDS];
  gint64 first_open_us;
  gint64 first_us;
  guint n_items = 0;
  guint n_rows = 0;
  g_autofree char *name = NULL;

  /* The first open of a day also makes the daily backup: shown apart, not in the median. */
  if (!time_repository_list (path, kind, &first_open_us, &first_us, &n_items, error))
    return FALSE;
  g_print ("first open of the day + first list: %.1f ms (repository open with the daily "
           "backup %.1f ms)\n", first_us / 1000.0, first_open_us / 1000.0);

  /* Alternated, so both see the same page cache; the median of a few rounds. */
  for (guint round = 0; round < LIST_ROUNDS; round++)
    {
      if (!time_repository_list (path, kind, &open_us[round], &store_us[round], &n_items,
                                 error) ||
          !time_bare_select (path, kind, &bare_us[round], &n_rows, error))
        return FALSE;
    }

  if (n_items != n_rows)
    g_printerr ("open + first list: the list has %u records, the table %u live rows\n",
                n_items, n_rows);

  name = g_strdup_printf ("open + first list (%s, %u rows; repository open alone %.1f ms)",
                          kind->name, n_items, six_bench_median_ms (open_us, LIST_ROUNDS));
  six_bench_print_ratio (name, six_bench_median_ms (store_us, LIST_ROUNDS), "bare sqlite3 open + SELECT",
                         six_bench_median_ms (bare_us, LIST_ROUNDS), "ms", 0);

  return TRUE;
}

/* ---- (c) Full-text search ---- */

typedef struct
{
  gint64  us;
  char   *query;
  guint   n_hits;
} Slowest;

static gboolean
bench_search (const char  *path,
              GError     **error)
{
  g_autoptr(SixDb) db = six_db_open (path, error);
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_queries);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SIX_BENCH_SEED + 1);
  Slowest slowest = { 0 };
  guint64 n_hits = 0;
  guint n_empty = 0;

  if (db == NULL)
    return FALSE;

  for (int i = 0; i < n_queries; i++)
    {
      g_autofree char *query = six_bench_data_random_query (rand);
      g_autoptr(GPtrArray) results = NULL;
      gint64 start = six_bench_now_us ();
      gint64 elapsed;

      results = six_db_search (db, query, NULL, SEARCH_LIMIT, error);
      elapsed = six_bench_now_us () - start;
      if (results == NULL)
        {
          g_prefix_error (error, "searching “%s”: ", query);
          g_free (slowest.query);
          return FALSE;
        }

      g_array_append_val (times, elapsed);
      n_hits += results->len;
      n_empty += results->len == 0;
      if (elapsed > slowest.us)
        {
          g_free (slowest.query);
          slowest.query = g_steal_pointer (&query);
          slowest.us = elapsed;
          slowest.n_hits = results->len;
        }
    }

  six_bench_print_median ("fts search (six_db_search, limit 200)", times, 16);
  g_print ("  %.1f results per query on average, %u with none; slowest “%s” "
           "(%u results, %.1f ms)\n", (double) n_hits / n_queries, n_empty,
           slowest.query != NULL ? slowest.query : "", slowest.n_hits, slowest.us / 1000.0);
  g_free (slowest.query);

  return TRUE;
}

/* ---- (d) Sizes ---- */

static void
print_database_size (const char *store_path,
                     const char *raw_path)
{
  g_autofree char *store_wal = g_strconcat (store_path, "-wal", NULL);
  g_autofree char *raw_wal = g_strconcat (raw_path, "-wal", NULL);
  g_autoptr(GString) largest = g_string_new (NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  six_bench_print_ratio ("database size (store vs raw rows only, incl. -wal)",
                         six_bench_file_size_mb (store_path) +
                         six_bench_file_size_mb (store_wal), "raw",
                         six_bench_file_size_mb (raw_path) + six_bench_file_size_mb (raw_wal),
                         "MB", 0);

  /* Where the space goes, when SQLite was built with the dbstat table. */
  if (sqlite3_open_v2 (store_path, &handle, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (handle,
                          "SELECT name, sum (pgsize) FROM dbstat GROUP BY name "
                          "ORDER BY 2 DESC LIMIT 8", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (largest, "%s%s %.1f MB", largest->len > 0 ? ", " : "",
                                (const char *) sqlite3_column_text (stmt, 0),
                                sqlite3_column_int64 (stmt, 1) / (1024.0 * 1024.0));
      g_print ("  largest in the store's file: %s\n", largest->str);
    }

  sqlite3_finalize (stmt);
  sqlite3_close (handle);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *store_path = NULL;
  g_autofree char *raw_path = NULL;
  g_autofree char *raw_one_path = NULL;
  const SixKind *biggest = NULL;
  gint64 n_biggest = 0;
  gint64 store_us = 0;
  gint64 raw_us = 0;
  gint64 raw_one_us = 0;
  gint64 n_rows, n_clocks, n_different;
  double rss_after_insert;
  g_autofree char *name = NULL;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— benchmark the store against bare SQLite");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (n_records < 1 || n_queries < 1)
    {
      g_printerr ("--records and --queries must be positive\n");
      return 2;
    }

  dir = g_dir_make_tmp ("six-bench-store-XXXXXX", &error);
  if (dir == NULL)
    goto failed;
  store_path = g_build_filename (dir, "store.db", NULL);
  raw_path = g_build_filename (dir, "raw.db", NULL);
  raw_one_path = g_build_filename (dir, "raw-one-transaction.db", NULL);

  g_print ("# bench-store: %d records, batches of %d edits, %d search queries (%s)\n",
           n_records, SIX_BENCH_BATCH_SIZE, n_queries, dir);

  /* (a) */
  if (!insert_through_store (store_path, &store_us, &biggest, &n_biggest, &error))
    goto failed;
  rss_after_insert = six_bench_peak_rss_mb ();

  if (!insert_raw (raw_path, TRUE, &raw_us, &error) ||
      !insert_raw (raw_one_path, FALSE, &raw_one_us, &error) ||
      !compare_rows (raw_path, store_path, &n_rows, &n_clocks, &n_different, &error))
    goto failed;

  /* The target compares the same work: the same rows in the same transactions (the store
   * commits every write). One transaction for everything is shown beside it. */
  name = g_strdup_printf ("bulk insert (six_db_apply_edits, %" G_GINT64_FORMAT " records, %"
                          G_GINT64_FORMAT " clock rows, %d commits)", n_rows, n_clocks,
                          (n_records + SIX_BENCH_BATCH_SIZE - 1) / SIX_BENCH_BATCH_SIZE);
  six_bench_print_ratio (name, store_us / 1000.0, "raw sqlite3 inserts, a commit per batch",
                         raw_us / 1000.0, "ms", 2);
  six_bench_print_ratio ("  the same store insert", store_us / 1000.0,
                         "raw sqlite3 inserts in one transaction", raw_one_us / 1000.0, "ms", 0);
  if (n_different > 0)
    g_print ("  WARNING: %" G_GINT64_FORMAT " rows differ between the store and the raw "
             "inserts\n", n_different);
  else
    g_print ("  the raw inserts wrote the same table and clock rows as the store\n");

  /* (b) */
  if (!bench_open_list (store_path, biggest, &error))
    goto failed;

  /* (c) */
  if (!bench_search (store_path, &error))
    goto failed;

  /* (d) */
  g_print ("peak RSS: %.1f MB after the store's insert, %.1f MB at the end\n",
           rss_after_insert, six_bench_peak_rss_mb ());
  print_database_size (store_path, raw_path);

  if (!keep_files)
    six_bench_remove_tree (dir);

  return 0;

failed:
  g_printerr ("bench-store: %s\n", error->message);
  if (dir != NULL && !keep_files)
    six_bench_remove_tree (dir);

  return 1;
}
