/* bench-exchange.c — export and import of a large database against the sqlite3 shell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measurements only: every figure is printed as a ratio against its target (DESIGN.md §9), and
 * the program fails only when something errs, never on timing. The import runs in a child
 * process (this program again, with --import-child) so that its peak memory is its own.
 */
#define G_LOG_DOMAIN "bench-exchange"

#include "config.h"

#include "six-bench-data.h"
#include "six-db.h"
#include "six-exchange-reader.h"
#include "six-exchange-writer.h"
#include "six-import.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>

static int n_records = SIX_BENCH_DEFAULT_RECORDS;
static gboolean keep_files;
static char *sqlite3_path;
static char *import_child;
static char *import_into;

static const GOptionEntry entries[] = {
  { "records", 'n', 0, G_OPTION_ARG_INT, &n_records, "Records to generate", "N" },
  { "sqlite3", 0, 0, G_OPTION_ARG_FILENAME, &sqlite3_path, "The sqlite3 shell", "PATH" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep_files, "Keep the files", NULL },
  { "import-child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &import_child, NULL, NULL },
  { "into", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &import_into, NULL, NULL },
  { NULL }
};

/* ---- The import, in its own process ---- */

/* Prints "import-us N" and "peak-rss-kb N" for the parent. */
static int
run_import_child (const char *file_path,
                  const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = six_db_open (db_path, &error);
  g_autoptr(GFile) file = g_file_new_for_path (file_path);
  g_autoptr(SixExchangeFile) exchange = NULL;
  g_autoptr(SixImportResult) result = NULL;
  struct rusage usage;
  gint64 start;
  gint64 elapsed;

  if (db == NULL)
    goto failed;

  /* As the command line does it: read and check the file, then plan and apply it. */
  start = six_bench_now_us ();
  exchange = six_exchange_read_file (file, NULL, &error);
  if (exchange == NULL || !six_import_file (db, exchange, FALSE, &result, &error))
    goto failed;
  elapsed = six_bench_now_us () - start;

  getrusage (RUSAGE_SELF, &usage);
  g_print ("import-us %" G_GINT64_FORMAT "\npeak-rss-kb %ld\n", elapsed, usage.ru_maxrss);

  return 0;

failed:
  g_printerr ("import: %s\n", error->message);
  return 1;
}

/* ---- The sqlite3 shell ---- */

static gboolean
run_shell (const char * const  *argv,
           const char          *stdout_path,
           gint64              *elapsed_us,
           GError             **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  gint64 start = six_bench_now_us ();

  launcher = g_subprocess_launcher_new (stdout_path != NULL ? G_SUBPROCESS_FLAGS_NONE
                                                            : G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  if (stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);

  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, error))
    {
      g_prefix_error (error, "%s: ", argv[0]);
      return FALSE;
    }

  *elapsed_us += six_bench_now_us () - start;

  return TRUE;
}

static char *
quote_sql (const char *text)
{
  g_autofree char *escaped = NULL;
  g_auto(GStrv) parts = g_strsplit (text, "'", -1);

  escaped = g_strjoinv ("''", parts);

  return g_strdup_printf ("'%s'", escaped);
}

/* The baseline of the import: the file's rows into the same tables, clocks included, in one
 * transaction, with json_each and json_extract. */
static char *
build_import_script (const char *json_path)
{
  GString *sql = g_string_new ("PRAGMA foreign_keys = ON;\nBEGIN;\n");
  g_autofree char *quoted = quote_sql (json_path);
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);

  g_string_append_printf (sql,
    "CREATE TEMP TABLE r AS SELECT json_extract (value, '$.kind') AS kind, "
    "json_extract (value, '$.id') AS id, json_extract (value, '$.values') AS v, "
    "json_extract (value, '$.clocks') AS c FROM json_each (readfile (%s), '$.records');\n",
    quoted);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_string_append_printf (sql, "INSERT INTO \"%s\" (id", kinds[k].name);
      for (guint i = 0; i < kinds[k].n_fields; i++)
        g_string_append_printf (sql, ", \"%s\"", kinds[k].fields[i].name);
      g_string_append (sql, ") SELECT id");
      for (guint i = 0; i < kinds[k].n_fields; i++)
        g_string_append_printf (sql, ", json_extract (v, '$.%s')", kinds[k].fields[i].name);
      g_string_append_printf (sql, " FROM r WHERE kind = '%s';\n", kinds[k].name);
    }

  /* "hlc": "WALL.COUNTER@REPLICA" */
  g_string_append (sql,
    "INSERT INTO clock (kind, id, field, vv, hlc_wall, hlc_counter, hlc_replica, source) "
    "SELECT kind, id, field, vv, CAST (substr (h, 1, instr (h, '.') - 1) AS INTEGER), "
    "CAST (substr (h, instr (h, '.') + 1, instr (h, '@') - instr (h, '.') - 1) AS INTEGER), "
    "substr (h, instr (h, '@') + 1), source FROM (SELECT r.kind AS kind, r.id AS id, "
    "j.key AS field, json_extract (j.value, '$.vv') AS vv, json_extract (j.value, '$.hlc') AS h, "
    "json_extract (j.value, '$.source') AS source FROM r, json_each (r.c) AS j);\n"
    "COMMIT;\n");

  return g_string_free (sql, FALSE);
}

/* Rows in the record tables, and in the clock table. */
static gboolean
count_rows (const char  *path,
            gint64      *n_rows,
            gint64      *n_clocks,
            GError     **error)
{
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);
  sqlite3 *handle = NULL;
  gboolean ok = TRUE;

  *n_rows = *n_clocks = 0;
  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    ok = FALSE;

  for (guint k = 0; ok && k <= n_kinds; k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"",
                                              k < n_kinds ? kinds[k].name : "clock");
      sqlite3_stmt *stmt = NULL;

      ok = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
           sqlite3_step (stmt) == SQLITE_ROW;
      if (ok && k < n_kinds)
        *n_rows += sqlite3_column_int64 (stmt, 0);
      else if (ok)
        *n_clocks += sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
    }

  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path,
                 handle != NULL ? sqlite3_errmsg (handle) : "cannot open");
  sqlite3_close (handle);

  return ok;
}

/* ---- Export ---- */

static gboolean
bench_export (const char  *db_path,
              const char  *export_path,
              const char  *dir,
              GError     **error)
{
  SixExportOptions options = { 0 };
  g_autoptr(SixDb) db = six_db_open (db_path, error);
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(GFile) destination = g_file_new_for_path (export_path);
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);
  gint64 store_us;
  gint64 shell_us = 0;
  double shell_mb = 0;
  gint64 start;

  if (db == NULL)
    return FALSE;

  /* Everything, like the command line's whole-database export. */
  options.level = SIX_VISIBILITY_PRIVATE;
  start = six_bench_now_us ();
  file = six_exchange_export (db, &options, destination, NULL, error);
  if (file == NULL)
    return FALSE;
  g_clear_object (&file);
  store_us = six_bench_now_us () - start;

  g_clear_pointer (&db, six_db_close);

  for (guint k = 0; k <= n_kinds; k++)
    {
      const char *table = k < n_kinds ? kinds[k].name : "clock";
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      g_autofree char *name = g_strdup_printf ("sqlite3-%s.json", table);
      g_autofree char *out = g_build_filename (dir, name, NULL);
      const char *argv[] = { sqlite3_path, "-json", db_path, sql, NULL };

      if (!run_shell (argv, out, &shell_us, error))
        return FALSE;
      shell_mb += six_bench_file_size_mb (out);
    }

  six_bench_print_ratio ("export (six_exchange_export to a file)", store_us / 1000.0,
                         "sqlite3 -json of every table", shell_us / 1000.0, "ms", 1.5);
  g_print ("  file %.1f MB, sqlite3 -json output %.1f MB; peak RSS of this process so far "
           "%.1f MB\n", six_bench_file_size_mb (export_path), shell_mb,
           six_bench_peak_rss_mb ());

  return TRUE;
}

/* ---- Import ---- */

static gboolean
parse_child_output (const char  *output,
                    gint64      *import_us,
                    gint64      *rss_kb)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint found = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "import-us "))
        {
          *import_us = g_ascii_strtoll (lines[i] + strlen ("import-us "), NULL, 10);
          found++;
        }
      else if (g_str_has_prefix (lines[i], "peak-rss-kb "))
        {
          *rss_kb = g_ascii_strtoll (lines[i] + strlen ("peak-rss-kb "), NULL, 10);
          found++;
        }
    }

  return found == 2;
}

static gboolean
bench_import (const char  *export_path,
              const char  *dir,
              GError     **error)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", error);
  g_autofree char *store_db = g_build_filename (dir, "imported.db", NULL);
  g_autofree char *shell_db = g_build_filename (dir, "shell-imported.db", NULL);
  g_autofree char *script_path = g_build_filename (dir, "import.sql", NULL);
  g_autofree char *script = NULL;
  g_autofree char *read_script = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *output = NULL;
  gint64 import_us = 0, rss_kb = 0;
  gint64 shell_us = 0;
  gint64 store_rows, store_clocks, shell_rows, shell_clocks;
  double file_mb = six_bench_file_size_mb (export_path);
  SixDb *schema;

  if (self_path == NULL)
    return FALSE;

  {
    const char *argv[] = { self_path, "--import-child", export_path, "--into", store_db, NULL };

    child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, error);
    if (child == NULL ||
        !g_subprocess_communicate_utf8 (child, NULL, NULL, &output, NULL, error) ||
        !g_subprocess_wait_check (child, NULL, error))
      {
        g_prefix_error (error, "the import child: ");
        return FALSE;
      }

    if (!parse_child_output (output, &import_us, &rss_kb))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the import child said “%s”", output);
        return FALSE;
      }
  }

  /* The same empty database, made by the store, for the shell to fill. */
  schema = six_db_open (shell_db, error);
  if (schema == NULL)
    return FALSE;
  six_db_close (schema);

  script = build_import_script (export_path);
  if (!g_file_set_contents (script_path, script, -1, error))
    return FALSE;
  read_script = g_strdup_printf (".read %s", script_path);

  {
    const char *argv[] = { sqlite3_path, "-bail", shell_db, read_script, NULL };

    if (!run_shell (argv, NULL, &shell_us, error))
      return FALSE;
  }

  if (!count_rows (store_db, &store_rows, &store_clocks, error) ||
      !count_rows (shell_db, &shell_rows, &shell_clocks, error))
    return FALSE;

  six_bench_print_ratio ("import (read + six_import_file, into an empty database)",
                         import_us / 1000.0, "sqlite3 json_each", shell_us / 1000.0, "ms", 2);
  if (store_rows != shell_rows || store_clocks != shell_clocks)
    g_print ("  WARNING: the store imported %" G_GINT64_FORMAT " records and %" G_GINT64_FORMAT
             " clocks, the shell %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT "\n",
             store_rows, store_clocks, shell_rows, shell_clocks);
  else
    g_print ("  both imported %" G_GINT64_FORMAT " records and %" G_GINT64_FORMAT " clocks\n",
             store_rows, store_clocks);

  six_bench_print_ratio ("import peak RSS (child process)", rss_kb / 1024.0, "file size",
                         file_mb, "MB", 3);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *export_path = NULL;
  g_autoptr(SixDb) db = NULL;
  gint64 start;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— benchmark export and import against the sqlite3 shell");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (import_child != NULL)
    {
      if (import_into == NULL)
        {
          g_printerr ("--import-child needs --into\n");
          return 2;
        }
      return run_import_child (import_child, import_into);
    }

  if (n_records < 1)
    {
      g_printerr ("--records must be positive\n");
      return 2;
    }

  if (sqlite3_path == NULL)
    sqlite3_path = g_strdup ("sqlite3");

  dir = g_dir_make_tmp ("six-bench-exchange-XXXXXX", &error);
  if (dir == NULL)
    goto failed;
  db_path = g_build_filename (dir, "source.db", NULL);
  export_path = g_build_filename (dir, "export.a6.json", NULL);

  g_print ("# bench-exchange: %d records (%s)\n", n_records, dir);

  start = six_bench_now_us ();
  db = six_db_open_full (db_path, SIX_BENCH_REPLICA, &error);
  if (db == NULL || !six_bench_data_fill (db, (guint) n_records, &error))
    goto failed;
  g_clear_pointer (&db, six_db_close);
  g_print ("# generated through the store in %.1f s\n", (six_bench_now_us () - start) / 1e6);

  if (!bench_export (db_path, export_path, dir, &error) ||
      !bench_import (export_path, dir, &error))
    goto failed;

  if (!keep_files)
    six_bench_remove_tree (dir);

  return 0;

failed:
  g_printerr ("bench-exchange: %s\n", error->message);
  if (dir != NULL && !keep_files)
    six_bench_remove_tree (dir);

  return 1;
}
