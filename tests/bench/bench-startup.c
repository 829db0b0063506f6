/* bench-startup.c — start-up to the first frame, against a bare GTK window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measurements only (DESIGN.md §9): the program fails only when something errs, never on
 * timing. Each start is a process of its own — this program again, with --child — which
 * prints how long it took from being spawned to the end of its window's first frame:
 *
 *   bare  a GtkApplicationWindow of the same size holding one label, in a GtkApplication;
 *   adw   the same window in an AdwApplication, which loads libadwaita's style sheet: what
 *         any libadwaita application pays before drawing anything of its own;
 *   app   Article Six on a database of --records records, as `article-six --database` runs.
 *
 * The first start of the app is also the day's first open of that database, which makes the
 * daily backup; it is printed on its own, and the ratio compares the starts after it.
 */
#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include "six-application.h"
#include "six-bench-data.h"
#include "six-cli.h"
#include "six-db.h"

#include <locale.h>
#include <stdlib.h>

#define N_RUNS 7

static int n_records = SIX_BENCH_DEFAULT_RECORDS;
static gboolean keep_files;
static char *child_mode;
static char *child_database;
static gint64 child_spawned_at;

static const GOptionEntry entries[] = {
  { "records", 'n', 0, G_OPTION_ARG_INT, &n_records, "Records to generate", "N" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep_files, "Keep the database", NULL },
  { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_mode, NULL, NULL },
  { "database", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_database, NULL, NULL },
  { "spawned-at", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &child_spawned_at, NULL, NULL },
  { NULL }
};

/* ---- A start, in its own process ---- */

static void
on_after_paint_cb (GdkFrameClock  *clock,
                   GApplication   *app)
{
  /* The monotonic clock is the system's: the parent's spawn time compares with ours. */
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - child_spawned_at);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, app);
  g_application_quit (app);
}

static void
on_realize_cb (GtkWidget    *window,
               GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), app);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), app);
}

static void
on_bare_activate_cb (GtkApplication *app)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("A bare GTK window"));
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *mode,
           const char *database)
{
  g_autoptr(GtkApplication) app = NULL;
  char *argv[] = { (char *) "article-six", (char *) "--database", (char *) database, NULL };

  if (g_strcmp0 (mode, "bare") == 0 || g_strcmp0 (mode, "adw") == 0)
    {
      app = g_object_new (g_strcmp0 (mode, "adw") == 0 ? ADW_TYPE_APPLICATION
                                                       : GTK_TYPE_APPLICATION,
                          "application-id", "io.github.articlesix.ArticleSix.BenchBare",
                          "flags", G_APPLICATION_NON_UNIQUE,
                          NULL);
      g_signal_connect (app, "activate", G_CALLBACK (on_bare_activate_cb), NULL);
    }
  else if (g_strcmp0 (mode, "app") == 0 && database != NULL)
    {
      g_autoptr(SixLaunch) launch = NULL;
      int status = 0;

      if (six_cli_dispatch (G_N_ELEMENTS (argv) - 1, argv, &launch, &status))
        return status != 0 ? status : 1;
      app = GTK_APPLICATION (six_application_new (g_steal_pointer (&launch)));
    }
  else
    {
      g_printerr ("--child takes bare, adw, or app with --database\n");
      return 2;
    }

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* ---- The parent ---- */

static gboolean
run_start (const char  *self_path,
           const char  *mode,
           const char  *database,
           gint64      *first_frame_us,
           GError     **error)
{
  g_autofree char *spawned_at = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *output = NULL;
  const char *line;
  const char *argv[] = { self_path, "--child", mode, "--database", database,
                         "--spawned-at", NULL, NULL };

  spawned_at = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  argv[6] = spawned_at;
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, error);
  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, error) ||
      !g_subprocess_wait_check (process, NULL, error))
    {
      g_prefix_error (error, "the %s start: ", mode);
      return FALSE;
    }

  line = output != NULL ? strstr (output, "first-frame-us ") : NULL;
  if (line == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the %s start drew no frame", mode);
      return FALSE;
    }
  *first_frame_us = g_ascii_strtoll (line + strlen ("first-frame-us "), NULL, 10);

  return TRUE;
}

static gboolean
bench_startup (const char  *self_path,
               const char  *database,
               GError     **error)
{
  gint64 bare_us[N_RUNS];
  gint64 adw_us[N_RUNS];
  gint64 app_us[N_RUNS];
  gint64 first_us;
  double app_ms, adw_ms;

  if (!run_start (self_path, "app", database, &first_us, error))
    return FALSE;

  /* In turn, so that a slow moment of the machine falls on each. */
  for (guint i = 0; i < N_RUNS; i++)
    {
      if (!run_start (self_path, "bare", database, &bare_us[i], error) ||
          !run_start (self_path, "adw", database, &adw_us[i], error) ||
          !run_start (self_path, "app", database, &app_us[i], error))
        return FALSE;
    }

  app_ms = six_bench_median_ms (app_us, N_RUNS);
  adw_ms = six_bench_median_ms (adw_us, N_RUNS);
  six_bench_print_ratio ("start-up to first frame (median of 7)", app_ms,
                         "a bare GTK window", six_bench_median_ms (bare_us, N_RUNS), "ms", 1.3);
  g_print ("  against the same window in an AdwApplication (%.1f ms, libadwaita's own start-up): "
           "%.2f×  (no target)\n", adw_ms, app_ms / adw_ms);
  g_print ("  the day's first start, with the daily backup: %.1f ms\n", first_us / 1000.0);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SixDb) db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *database = NULL;
  g_autofree char *self_path = NULL;
  gint64 start;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— benchmark start-up against a bare GTK window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (child_mode != NULL)
    return run_child (child_mode, child_database);

  if (n_records < 1)
    {
      g_printerr ("--records must be positive\n");
      return 2;
    }

  self_path = g_file_read_link ("/proc/self/exe", &error);
  dir = self_path != NULL ? g_dir_make_tmp ("six-bench-startup-XXXXXX", &error) : NULL;
  if (dir == NULL)
    goto failed;
  database = g_build_filename (dir, "article-six.db", NULL);

  g_print ("# bench-startup: %d records (%s)\n", n_records, dir);
  start = six_bench_now_us ();
  db = six_db_open_full (database, SIX_BENCH_REPLICA, &error);
  if (db == NULL || !six_bench_data_fill (db, (guint) n_records, &error))
    goto failed;
  g_clear_pointer (&db, six_db_close);
  g_print ("# generated through the store in %.1f s\n", (six_bench_now_us () - start) / 1e6);

  if (!bench_startup (self_path, database, &error))
    goto failed;

  if (!keep_files)
    six_bench_remove_tree (dir);

  return 0;

failed:
  g_printerr ("bench-startup: %s\n", error->message);
  if (dir != NULL && !keep_files)
    six_bench_remove_tree (dir);

  return 1;
}
