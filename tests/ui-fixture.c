/* ui-fixture.c — what the UI tests share: the application around a test body, waiting,
 * and finding widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "six-entry-row.h"
#include "six-exchange-reader.h"
#include "six-identity-dialog.h"
#include "six-import.h"
#include "six-record-form.h"
#include "ui-fixture.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* GTK 4.8 leaves a tooltip's popup timer running when its window is unrealized: when it fires,
 * it asks the gone window's surface for the pointer (gtktooltip.c: the display's current
 * tooltip, gtk_native_get_surface () → NULL), then for the widget under it. Later GTK returns
 * early there. Those two criticals are not ours: they are noted in the test's log; every other
 * warning and critical stays fatal. */
static gboolean
is_gtk_tooltip_bug (const char *log_domain,
                    const char *message)
{
  return (g_strcmp0 (log_domain, "Gdk") == 0 &&
          g_str_has_prefix (message, "gdk_surface_get_device_position: assertion "
                                     "'GDK_IS_SURFACE (surface)' failed")) ||
         (g_strcmp0 (log_domain, "Gtk") == 0 &&
          g_str_has_prefix (message, "_gtk_widget_find_at_coords: assertion "
                                     "'GDK_IS_SURFACE (surface)' failed"));
}

static gboolean
fatal_unless_gtk_tooltip_bug (const char     *log_domain,
                              GLogLevelFlags  log_level,
                              const char     *message,
                              gpointer        user_data)
{
  return !is_gtk_tooltip_bug (log_domain, message);
}

static void
log_critical (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  if (is_gtk_tooltip_bug (log_domain, message))
    g_test_message ("A GTK 4.8 tooltip outlived its window: %s", message);
  else
    g_log_default_handler (log_domain, log_level, message, user_data);
}

/* GLib forgets the fatal handler at the start of each test case: it is set again wherever a
 * test runs the main loop, where the timer fires. */
static void
tolerate_gtk_tooltip_bug (void)
{
  g_test_log_set_fatal_handler (fatal_unless_gtk_tooltip_bug, NULL);
}

static void
wait_seconds_until (guint        seconds,
                    gboolean   (*condition) (gpointer),
                    gpointer     data,
                    const char  *where)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_cb, &timed_out);

  tolerate_gtk_tooltip_bug ();
  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("%s: still waiting after %u seconds", where, seconds);
  g_source_remove (id);
}

/* Spin the main loop until @condition holds, failing after thirty seconds. */
void
wait_until_at (gboolean  (*condition) (gpointer),
               gpointer    data,
               const char *where)
{
  /* Generous: only a failing wait runs out, and sanitizer builds are several times slower. */
  wait_seconds_until (30, condition, data, where);
}

static gboolean
window_ready (gpointer data)
{
  Fixture *fixture = data;

  fixture->window = SIX_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));

  return fixture->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (fixture->window)) &&
         six_window_get_repository (fixture->window) != NULL;
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SixLaunch *launch = g_new0 (SixLaunch, 1);

  fixture->dir = g_dir_make_tmp ("six-window-XXXXXX", &error);
  g_assert_no_error (error);

  launch->database = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->app = six_application_new (launch);
}

static gpointer
run_nothing (SixDb         *db,
             gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  return GINT_TO_POINTER (TRUE);
}

static void
on_nothing_run_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  gboolean *done = user_data;

  *done = six_repository_run_finish (SIX_REPOSITORY (object), result, NULL) != NULL;
}

static gboolean
is_done (gpointer data)
{
  return *(gboolean *) data;
}

/* The repository runs its jobs in order, and reports them back in order: a job queued now is
 * reported after all the others. */
void
wait_for_repository (SixRepository *repository)
{
  gboolean done = FALSE;

  six_repository_run_async (repository, run_nothing, NULL, NULL, NULL, NULL, on_nothing_run_cb,
                            &done);
  wait_seconds_until (30, is_done, &done, G_STRLOC);
}

static gboolean
run_body_cb (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GList) toplevels = NULL;

  /* Opening a new database merges the reference pack: slow under the sanitizers. */
  wait_seconds_until (30, window_ready, fixture, G_STRLOC);
  /* The window reads as soon as the database is open; the reference pack's merge, queued
   * first, is in and announced once the jobs before this one are done. */
  wait_for_repository (six_window_get_repository (fixture->window));
  fixture->body (fixture);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_application_quit (G_APPLICATION (fixture->app));

  return G_SOURCE_REMOVE;
}

/* Runs @body inside the application's main loop, once its window is up, then quits. */
void
run_in_app (Fixture  *fixture,
            TestBody  body)
{
  g_autoptr(GError) error = NULL;

  fixture->body = body;
  tolerate_gtk_tooltip_bug ();
  g_idle_add (run_body_cb, fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture->app), 0, NULL), ==, 0);
}

void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* What the repository finished as it closed (jobs still queued when the body quit) reports
   * back to the main loop: let it, or a callback's reference would hold the app. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->app);

  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The first widget under @root, depth first, that @match accepts. */
GtkWidget *
find_matching (GtkWidget   *root,
               WidgetMatch  match,
               gconstpointer data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      if ((found = find_matching (child, match, data)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type under @root, depth first. */
GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  return find_matching (root, is_of_type, GSIZE_TO_POINTER (type));
}

GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  return NULL;
}

gboolean
has_toplevel (gpointer type)
{
  return find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

gboolean
has_message_dialog (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
label_starts_with (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

/* Whether the main window shows a label starting with @prefix, such as a toast's. */
gboolean
window_shows (gpointer prefix)
{
  GtkWindow *window = find_toplevel (SIX_TYPE_WINDOW);

  return window != NULL &&
         find_matching (GTK_WIDGET (window), label_starts_with, prefix) != NULL;
}

/* A button showing the icon named @icon_name. */
gboolean
is_button_with_icon (GtkWidget     *widget,
                     gconstpointer  icon_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0;
}

/* A toast on show: one hiding takes no more pointer events. */
static gboolean
is_live_toast (GtkWidget     *widget,
               gconstpointer  data)
{
  return g_strcmp0 (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") == 0 &&
         gtk_widget_get_can_target (widget);
}

/* libadwaita 1.2 frees a toast dismissed while it slides in (300 ms, 500 ms when it replaces
 * another) and touches it when the slide ends, a crash. A toast is dismissed once it has been
 * on show for longer, as counted by the clock that times the slide: the window's frames. */
#define TOAST_SLIDE_US (600 * 1000)
#define TOAST_SEEN "ui-fixture-toast-seen"

static gboolean
toast_settled (GtkWidget *toast)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (toast);
  gint64 now, *seen;

  if (clock == NULL)
    return FALSE;
  now = gdk_frame_clock_get_frame_time (clock);
  seen = g_object_get_data (G_OBJECT (toast), TOAST_SEEN);
  if (seen == NULL)
    {
      seen = g_memdup2 (&now, sizeof now);
      g_object_set_data_full (G_OBJECT (toast), TOAST_SEEN, seen, g_free);
    }
  /* Frames keep coming while the test waits, so the slide ends. */
  gtk_widget_queue_draw (toast);

  return now - *seen >= TOAST_SLIDE_US;
}

/* Dismisses the toast on show once it has settled, as a user would; TRUE once done, or when
 * none shows. */
static gboolean
dismiss_settled_toast (SixWindow *window)
{
  GtkWidget *toast = find_matching (GTK_WIDGET (window), is_live_toast, NULL);

  if (toast == NULL)
    return TRUE;
  if (!toast_settled (toast))
    return FALSE;
  g_signal_emit_by_name (find_matching (toast, is_button_with_icon, "window-close-symbolic"), "clicked");

  return TRUE;
}

static gboolean
toast_dismissed (gpointer window)
{
  return dismiss_settled_toast (window);
}

void
dismiss_toast (SixWindow *window)
{
  wait_until (toast_dismissed, window);
}

typedef struct
{
  SixWindow  *window;
  const char *prefix;
} ToastWait;

/* Toasts queue: the ones before it are dismissed until it shows. */
static gboolean
toast_shows (gpointer data)
{
  ToastWait *wait = data;
  GtkWidget *toast = find_matching (GTK_WIDGET (wait->window), is_live_toast, NULL);

  if (toast != NULL && find_matching (toast, label_starts_with, wait->prefix) != NULL)
    return TRUE;
  dismiss_settled_toast (wait->window);

  return FALSE;
}

void
wait_toast_at (SixWindow  *window,
               const char *prefix,
               const char *where)
{
  ToastWait wait = { window, prefix };

  wait_until_at (toast_shows, &wait, where);
}

void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gint64 *operation = user_data;
  g_autoptr(GError) error = NULL;

  *operation = six_repository_apply_finish (SIX_REPOSITORY (object), result, &error);
  g_assert_no_error (error);
}

gboolean
nonzero (gpointer data)
{
  return *(gint64 *) data != 0;
}

/* Where pictures the tests draw are kept for review: build/tests/screenshots/NAME. */
char *
review_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ?: ".", "screenshots",
                                           NULL);

  g_mkdir_with_parents (dir, 0755);

  return g_build_filename (dir, name, NULL);
}

/* Runs the app with --screenshot on @database (created if need be) at @size ("WxH"), with
 * @open (KIND:ID) shown if not %NULL; checks the picture has exactly that size. */
/* Whether the rectangle holds something drawn: more than a few pixels unlike its corner's
 * colour (a background alone, or a page never drawn, has none). */
static gboolean
region_has_ink (const guchar *pixels,
                gsize         stride,
                int           x0,
                int           y0,
                int           x1,
                int           y1)
{
  const guchar *corner = pixels + y0 * stride + x0 * 4;
  guint unlike = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guchar *pixel = pixels + y * stride + x * 4;

        for (int c = 0; c < 3; c++)
          if (ABS (pixel[c] - corner[c]) > 48)
            {
              unlike++;
              break;
            }
      }

  return unlike > (guint) ((x1 - x0) * (y1 - y0)) / 200;
}

/* The window's main regions are drawn: its header (a title at least), and below it the
 * content's start and the rest (the sidebar and the page, or a folded page's two halves). */
static void
assert_window_drawn (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  const int header = 46;

  gdk_texture_download (texture, pixels, stride);
  g_assert_true (region_has_ink (pixels, stride, 0, 0, width, header));
  g_assert_true (region_has_ink (pixels, stride, 0, header, width / 4, height));
  g_assert_true (region_has_ink (pixels, stride, width / 4, header, width, height));
}

void
assert_screenshot (const char *database,
                   const char *png,
                   const char *size,
                   const char *open)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  g_assert_cmpint (sscanf (size, "%dx%d", &width, &height), ==, 2);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                              g_getenv ("ARTICLE_SIX_BINARY"), "--database", database,
                              "--screenshot", png, "--window-size", size,
                              open != NULL ? "--open" : NULL, open, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);

  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
  assert_window_drawn (texture);
}

typedef struct
{
  GtkWidget     *widget;
  GskRenderNode *node;
} Drawing;

/* Once the widget is shown, laid out and drawn once, what it draws. */
static gboolean
widget_drawn (gpointer data)
{
  Drawing *drawing = data;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  int width = gtk_widget_get_width (drawing->widget);
  int height = gtk_widget_get_height (drawing->widget);

  if (!gtk_widget_get_mapped (drawing->widget) || width == 0 || height == 0)
    return FALSE;

  paintable = gtk_widget_paintable_new (drawing->widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  drawing->node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  return drawing->node != NULL;
}

/* Draws @widget, once it is shown and drawn, into the PNG at @path. */
void
save_widget_png (GtkWidget  *widget,
                 const char *path)
{
  Drawing drawing = { widget, NULL };
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;

  /* A whole window drawn with the cairo renderer takes seconds under ASan. */
  wait_seconds_until (30, widget_drawn, &drawing, G_STRLOC);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, drawing.node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  gsk_render_node_unref (drawing.node);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The row under @root whose title is @title. */
GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  return find_matching (root, is_row_titled, title);
}

static gboolean
list_loaded (gpointer list)
{
  return !six_record_list_is_loading (SIX_RECORD_LIST (list));
}

SixRecord *
stored (SixRepository *repository,
        const char    *kind,
        const char    *id)
{
  GListModel *list = six_repository_list (repository, six_kind_lookup (kind));
  guint position;

  /* A list no page has shown yet may be loading still. */
  wait_until (list_loaded, list);
  if (!six_record_list_find (SIX_RECORD_LIST (list), id, &position))
    return NULL;

  return g_list_model_get_item (list, position);
}

static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

/* The widget under @root built from the .ui element with this id. */
GtkWidget *
find_by_id (GtkWidget  *root,
            const char *id)
{
  return find_matching (root, has_id, id);
}

/* The window drawn by the program itself, wide (1280×800) and folded (480×800), with @open
 * shown; kept as build/tests/screenshots/STEM-SIZE.png. */
void
assert_screenshots (const char *stem,
                    const char *open)
{
  const char * const sizes[] = { "1280x800", "480x800" };
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("six-shot-XXXXXX", &error);
  g_autofree char *db = g_build_filename (tmp, "shot.db", NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.png", stem, sizes[i]);
      g_autofree char *png = review_path (name);

      assert_screenshot (db, png, sizes[i], open);
      g_test_message ("Kept for review: %s", png);
    }

  remove_dir (tmp);
}

/* GTK and libadwaita for a UI test; FALSE, having told TAP why, when there is no display. */
gboolean
ui_test_init (int    *argc,
              char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }

  gtk_test_init (argc, argv, NULL);
  g_log_set_handler ("Gdk", G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                     log_critical, NULL);
  g_log_set_handler ("Gtk", G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                     log_critical, NULL);
  adw_init ();

  return TRUE;
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return SIX_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The first export asks who sends it: Continue waits for a name; what is typed is kept
 * where Preferences shows it. */
void
answer_identity (const char *name,
                 const char *organisation)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *kept_name = NULL;
  g_autofree char *kept_organisation = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *name_row, *organisation_row;

  wait_until (has_toplevel, GSIZE_TO_POINTER (SIX_TYPE_IDENTITY_DIALOG));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (SIX_TYPE_IDENTITY_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Who Is Sending?");
  name_row = find_matching (GTK_WIDGET (dialog), is_entry_row_titled, "Your Name");
  organisation_row = find_matching (GTK_WIDGET (dialog), is_entry_row_titled,
                                    "Your Organisation");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "continue"));

  gtk_editable_set_text (GTK_EDITABLE (name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (organisation_row), organisation);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "continue"));
  adw_message_dialog_response (dialog, "continue");
  gtk_window_destroy (GTK_WINDOW (dialog));

  kept_name = g_settings_get_string (settings, "replica-name");
  kept_organisation = g_settings_get_string (settings, "organisation");
  g_assert_cmpstr (kept_name, ==, name);
  g_assert_cmpstr (kept_organisation, ==, organisation);
}

typedef struct
{
  gpointer result;
  gboolean done;
} RepositoryRun;

static void
ran_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  RepositoryRun *run = user_data;
  g_autoptr(GError) error = NULL;

  run->result = six_repository_run_finish (SIX_REPOSITORY (object), result, &error);
  g_assert_no_error (error);
  run->done = TRUE;
}

static gboolean
ran (gpointer data)
{
  return ((RepositoryRun *) data)->done;
}

gpointer
run_on_repository (SixRepository     *repository,
                   SixRepositoryFunc  func,
                   gpointer           data)
{
  RepositoryRun run = { NULL, FALSE };

  six_repository_run_async (repository, func, data, NULL, NULL, NULL, ran_cb, &run);
  wait_until (ran, &run);

  return run.result;
}

static gpointer
import_path (SixDb         *db,
             gpointer       user_data,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (user_data);
  g_autoptr(SixExchangeFile) exchange = six_exchange_read_file (file, NULL, error);
  g_autoptr(SixImportResult) result = NULL;

  if (exchange == NULL || !six_import_file (db, exchange, FALSE, &result, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

void
import_quietly (Fixture    *fixture,
                const char *path)
{
  run_on_repository (six_window_get_repository (fixture->window), import_path, (gpointer) path);
}

void
ui_test_use_catalogs (void)
{
  /* gtk_test_init () leaves the C locale, where gettext ignores LANGUAGE. */
  setlocale (LC_ALL, "");
  /* Our own catalogs as the build made them: the tests run uninstalled. */
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALE_DIR);
  textdomain (GETTEXT_PACKAGE);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

/* glibc caches translations by locale, not by LANGUAGE: this counter tells it they changed. */
extern int _nl_msg_cat_cntr;

void
run_in_language (Fixture    *fixture,
                 const char *language,
                 TestBody    body)
{
  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
  run_in_app (fixture, body);
  g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;
}

/* --- record forms ---------------------------------------------------------------------- */

gboolean
no_form (gpointer data)
{
  return find_toplevel (SIX_TYPE_RECORD_FORM) == NULL;
}

/* Activates @action on @widget (a page, a profile) and returns the form it opened. */
SixRecordForm *
open_form (gpointer    widget,
           const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (widget), action, NULL));
  wait_until (has_toplevel, GSIZE_TO_POINTER (SIX_TYPE_RECORD_FORM));

  return SIX_RECORD_FORM (find_toplevel (SIX_TYPE_RECORD_FORM));
}

void
type_into (SixRecordForm *form,
           const char    *field,
           const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (six_record_form_get_row (form, field)), text);
}

void
pick (SixRecordForm *form,
      const char    *field,
      const char    *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (six_record_form_get_row (form, field));
  GListModel *items = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (items), i), label) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }

  g_error ("%s offers no “%s”", field, label);
}

const char *
picked (SixRecordForm *form,
        const char    *field)
{
  AdwComboRow *row = ADW_COMBO_ROW (six_record_form_get_row (form, field));

  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                     adw_combo_row_get_selected (row));
}
