/* bench-startup.c — start-up to the first frame, against a bare GTK window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measurements only (DESIGN.md §9): the program fails only when something errs, never on
 * timing. Each start is a process of its own — this program again, with --child — which
 * prints how long it took from being spawned to the end of its window's first frame:
 *
 *   bare   a GtkApplicationWindow of the same size holding one label, in a GtkApplication;
 *   adw    the same window in an AdwApplication, which loads libadwaita's style sheet: what
 *          any libadwaita application pays before drawing anything of its own;
 *   shell  an AdwApplicationWindow with the app's sidebar and header bars and no page: the
 *          floor any window of this shape stands on;
 *   app    Article Six on a database of --records records, as `article-six --database` runs;
 *          it also prints when the window became usable, the first frame after which the
 *          Overview shows its figures (six_window_shows_content ()), and when it was complete,
 *          every section of the Overview filled in (six_window_is_loading () turned false).
 *
 * The first start of the app is also the day's first open of that database, which makes the
 * daily backup and checks the file through; it is printed on its own, and the ratios compare
 * the starts after it.
 */
#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include "six-application.h"
#include "six-bench-data.h"
#include "six-cli.h"
#include "six-db.h"
#include "six-window.h"

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

/* What the shell start shows: the app's window without its pages. */
static const char shell_ui[] =
  "<interface>"
  " <object class='AdwLeaflet' id='leaflet'>"
  "  <child><object class='GtkBox'><property name='orientation'>vertical</property>"
  "   <property name='width-request'>220</property>"
  "   <child><object class='AdwHeaderBar'><property name='show-end-title-buttons'>0</property>"
  "    <property name='title-widget'><object class='AdwWindowTitle'>"
  "     <property name='title'>Article Six</property></object></property>"
  "    <child type='end'><object class='GtkMenuButton'>"
  "     <property name='icon-name'>open-menu-symbolic</property></object></child>"
  "   </object></child>"
  "   <child><object class='GtkScrolledWindow'><property name='vexpand'>1</property>"
  "    <property name='child'><object class='GtkListBox' id='sidebar'>"
  "     <style><class name='navigation-sidebar'/></style></object></property>"
  "   </object></child>"
  "  </object></child>"
  "  <child><object class='AdwLeafletPage'><property name='navigatable'>0</property>"
  "   <property name='child'><object class='GtkSeparator'/></property></object></child>"
  "  <child><object class='GtkBox'><property name='orientation'>vertical</property>"
  "   <property name='hexpand'>1</property>"
  "   <child><object class='AdwHeaderBar'><property name='title-widget'>"
  "    <object class='AdwWindowTitle'><property name='title'>Overview</property></object>"
  "    </property><child type='end'><object class='GtkToggleButton'>"
  "     <property name='icon-name'>system-search-symbolic</property></object></child>"
  "   </object></child>"
  "   <child><object class='GtkBox'><property name='vexpand'>1</property></object></child>"
  "  </object></child>"
  " </object>"
  "</interface>";

static gboolean child_usable_wanted;

static void
print_since_spawn (const char *what)
{
  /* The monotonic clock is the system's: the parent's spawn time compares with ours. */
  g_print ("%s-us %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time () - child_spawned_at);
}

/* After every frame of the app's window: usable once the page shown has drawn its figures,
 * complete once all of it is there. */
static void
on_usable_after_paint_cb (GdkFrameClock *clock,
                          GtkWindow     *window)
{
  static gboolean usable;

  if (!usable && six_window_shows_content (SIX_WINDOW (window)))
    {
      usable = TRUE;
      print_since_spawn ("usable");
    }

  if (!usable || six_window_is_loading (SIX_WINDOW (window)))
    return;

  print_since_spawn ("complete");
  g_signal_handlers_disconnect_by_func (clock, on_usable_after_paint_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GtkWindow     *window)
{
  print_since_spawn ("first-frame");
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, window);
  if (child_usable_wanted && SIX_IS_WINDOW (window))
    {
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_usable_after_paint_cb), window);
      on_usable_after_paint_cb (clock, window);
      return;
    }
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), window);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), NULL);
}

static void
size_like_the_app (GtkWidget *window)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);

  gtk_window_set_default_size (GTK_WINDOW (window), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
}

static void
on_bare_activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  size_like_the_app (window);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("A bare GTK window"));
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_shell_activate_cb (GtkApplication *app)
{
  const char * const pages[] = { "Overview", "Action Plans", "Countries", "Coalitions",
                                 "Exchange" };
  const char * const icons[] = { "view-grid-symbolic", "view-list-symbolic",
                                 "mark-location-symbolic", "system-users-symbolic",
                                 "emblem-synchronizing-symbolic" };
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_string (shell_ui, -1);
  GtkWidget *window = adw_application_window_new (app);
  GtkListBox *sidebar = GTK_LIST_BOX (gtk_builder_get_object (builder, "sidebar"));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icons[i]));
      gtk_box_append (GTK_BOX (box), gtk_label_new (pages[i]));
      gtk_list_box_append (sidebar, box);
    }
  size_like_the_app (window);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      GTK_WIDGET (gtk_builder_get_object (builder, "leaflet")));
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *mode,
           const char *database)
{
  g_autoptr(GtkApplication) app = NULL;
  char *argv[] = { (char *) "article-six", (char *) "--database", (char *) database, NULL };

  if (g_strcmp0 (mode, "bare") == 0 || g_strcmp0 (mode, "adw") == 0 ||
      g_strcmp0 (mode, "shell") == 0)
    {
      app = g_object_new (g_strcmp0 (mode, "bare") != 0 ? ADW_TYPE_APPLICATION
                                                        : GTK_TYPE_APPLICATION,
                          "application-id", "io.github.articlesix.ArticleSix.BenchBare",
                          "flags", G_APPLICATION_NON_UNIQUE,
                          NULL);
      g_signal_connect (app, "activate",
                        g_strcmp0 (mode, "shell") == 0 ? G_CALLBACK (on_shell_activate_cb)
                                                       : G_CALLBACK (on_bare_activate_cb),
                        NULL);
    }
  else if (g_strcmp0 (mode, "app") == 0 && database != NULL)
    {
      g_autoptr(SixLaunch) launch = NULL;
      int status = 0;

      if (six_cli_dispatch (G_N_ELEMENTS (argv) - 1, argv, &launch, &status))
        return status != 0 ? status : 1;
      app = GTK_APPLICATION (six_application_new (g_steal_pointer (&launch)));
      child_usable_wanted = TRUE;
    }
  else
    {
      g_printerr ("--child takes bare, adw, shell, or app with --database\n");
      return 2;
    }

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* ---- The parent ---- */

typedef struct
{
  gint64 first_frame_us;
  gint64 usable_us;      /* the app's only; 0 for the others */
  gint64 complete_us;    /* the app's only */
} Start;

static gint64
read_measure (const char *output,
              const char *name)
{
  g_autofree char *key = g_strdup_printf ("%s-us ", name);
  const char *line = output != NULL ? strstr (output, key) : NULL;

  return line != NULL ? g_ascii_strtoll (line + strlen (key), NULL, 10) : 0;
}

static gboolean
run_start (const char  *self_path,
           const char  *mode,
           const char  *database,
           Start       *start,
           GError     **error)
{
  g_autofree char *spawned_at = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *output = NULL;
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

  start->first_frame_us = read_measure (output, "first-frame");
  start->usable_us = read_measure (output, "usable");
  start->complete_us = read_measure (output, "complete");
  if (start->first_frame_us <= 0 || (g_strcmp0 (mode, "app") == 0 && start->usable_us <= 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the %s start drew no %s", mode,
                   start->first_frame_us <= 0 ? "frame" : "usable window");
      return FALSE;
    }

  return TRUE;
}

static const char * const modes[] = { "bare", "adw", "shell", "app" };

enum { BARE, ADW, SHELL, APP, N_MODES };

static gboolean
bench_startup (const char  *self_path,
               const char  *database,
               GError     **error)
{
  gint64 first_us[N_MODES][N_RUNS];
  gint64 usable_us[N_RUNS];
  gint64 complete_us[N_RUNS];
  double first_ms[N_MODES];
  double usable_ms;
  double complete_ms;
  Start day_first;

  if (!run_start (self_path, "app", database, &day_first, error))
    return FALSE;

  /* In turn, so that a slow moment of the machine falls on each. */
  for (guint i = 0; i < N_RUNS; i++)
    for (guint m = 0; m < N_MODES; m++)
      {
        Start start;

        if (!run_start (self_path, modes[m], database, &start, error))
          return FALSE;
        first_us[m][i] = start.first_frame_us;
        if (m == APP)
          {
            usable_us[i] = start.usable_us;
            complete_us[i] = start.complete_us;
          }
      }

  for (guint m = 0; m < N_MODES; m++)
    first_ms[m] = six_bench_median_ms (first_us[m], N_RUNS);
  usable_ms = six_bench_median_ms (usable_us, N_RUNS);
  complete_ms = six_bench_median_ms (complete_us, N_RUNS);

  six_bench_print_ratio ("start-up to first frame (median of 7)", first_ms[APP],
                         "a bare GTK window", first_ms[BARE], "ms", 1.3);
  g_print ("  the floor, libadwaita's window with the app's sidebar and header bars and no page: "
           "%.1f ms, %.2f× the bare window\n", first_ms[SHELL], first_ms[SHELL] / first_ms[BARE]);
  g_print ("  a bare window in an AdwApplication (libadwaita's style sheet): %.1f ms, %.2f×\n",
           first_ms[ADW], first_ms[ADW] / first_ms[BARE]);
  six_bench_print_ratio ("start-up to a usable window, the Overview drawn with its figures",
                         usable_ms, "a bare GTK window's first frame", first_ms[BARE], "ms", 2.5);
  g_print ("  every section of the Overview filled in: %.1f ms, %.2f× the bare window\n",
           complete_ms, complete_ms / first_ms[BARE]);
  g_print ("  the day's first start, with the daily backup and full check: first frame %.1f ms, "
           "usable %.1f ms\n", day_first.first_frame_us / 1000.0, day_first.usable_us / 1000.0);

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
