/* six-application.c — the graphical face: opens the database and the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <glib/gstdio.h>

#include "six-application.h"
#include "six-accessible.h"
#include "six-iso-codes.h"
#include "six-preferences-window.h"
#include "six-reference-pack.h"
#include "six-repository.h"
#include "six-repository-run.h"
#include "six-window-private.h"

/* A page that never stops loading is captured as it is, with a warning, after this long. */
#define SCREENSHOT_TIMEOUT_S 60

struct _SixApplication
{
  AdwApplication parent_instance;

  /* Owned */
  SixLaunch     *launch;
  SixRepository *repository;
  GCancellable  *cancellable;
  gboolean       opening;
  guint          screenshot_timeout_id;
  guint          screenshot_resizes;
  int            exit_status;
};

G_DEFINE_FINAL_TYPE (SixApplication, six_application, ADW_TYPE_APPLICATION)

static void open_database (SixApplication *self);

/* The main window, even while a dialog or the preferences are in front of it. */
static SixWindow *
get_window (SixApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SIX_IS_WINDOW (l->data))
      return SIX_WINDOW (l->data);

  return NULL;
}

static void
save_screenshot (SixApplication *self,
                 GtkWidget      *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (!gdk_texture_save_to_png (texture, self->launch->screenshot))
    {
      g_printerr ("article-six: %s: %s\n", self->launch->screenshot,
                  _("could not write the screenshot"));
      self->exit_status = 1;
    }

  g_application_quit (G_APPLICATION (self));
}

/* Client-side decorations take a few pixels from the default size: give them back, so the
 * picture has exactly the size asked for. Returns: whether the window is being resized. */
static gboolean
fit_screenshot_size (SixApplication *self,
                     GtkWidget      *window)
{
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  int default_width, default_height;

  if (self->launch->width <= 0 ||
      (width == self->launch->width && height == self->launch->height) ||
      self->screenshot_resizes++ >= 3)
    return FALSE;

  gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
  gtk_window_set_default_size (GTK_WINDOW (window),
                               default_width + self->launch->width - width,
                               default_height + self->launch->height - height);

  return TRUE;
}

static void
take_screenshot (SixApplication *self,
                 GtkWidget      *window)
{
  g_clear_handle_id (&self->screenshot_timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (window), self);
  save_screenshot (self, window);
}

/* After each frame: once the window has its size and the page shown has drawn its content
 * (no spinner turns: a loading page animates one, so frames keep coming until it is done),
 * the picture is what that frame showed. */
static void
on_screenshot_frame_cb (GdkFrameClock  *frame_clock,
                        SixApplication *self)
{
  GtkWidget *window = GTK_WIDGET (get_window (self));

  if (fit_screenshot_size (self, window) || six_window_is_loading (SIX_WINDOW (window)))
    return;

  take_screenshot (self, window);
}

static gboolean
screenshot_timeout_cb (gpointer user_data)
{
  SixApplication *self = user_data;

  self->screenshot_timeout_id = 0;
  g_warning ("The page shown was still loading after %d s: captured as it is",
             SCREENSHOT_TIMEOUT_S);
  take_screenshot (self, GTK_WIDGET (get_window (self)));

  return G_SOURCE_REMOVE;
}

static void
start_screenshot (SixApplication *self)
{
  GtkWidget *window = GTK_WIDGET (get_window (self));

  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_screenshot_frame_cb), self);
  self->screenshot_timeout_id = g_timeout_add_seconds (SCREENSHOT_TIMEOUT_S,
                                                       screenshot_timeout_cb, self);
  gtk_widget_queue_draw (window);
}

static void
on_window_map_cb (GtkWidget      *window,
                  SixApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, on_window_map_cb, self);
  start_screenshot (self);
}

/* The window comes first, before the database is open: it shows that it is opening. */
static void
present_window (SixApplication *self)
{
  SixWindow *window = six_window_new (GTK_APPLICATION (self));

  if (self->launch->width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), self->launch->width, self->launch->height);
  if (self->launch->page != NULL)
    six_window_show_page (window, self->launch->page);

  gtk_window_present (GTK_WINDOW (window));
}

/* The database is open: what the command line asked for can be done. */
static void
fill_window (SixApplication *self,
             SixWindow      *window)
{
  six_window_set_repository (window, self->repository);

  if (self->launch->open != NULL && strchr (self->launch->open, ':') != NULL)
    {
      g_autofree char *kind = g_strndup (self->launch->open,
                                         strchr (self->launch->open, ':') - self->launch->open);

      six_window_open_record (window, kind, strchr (self->launch->open, ':') + 1);
    }

  if (self->launch->screenshot != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)))
    start_screenshot (self);
  else if (self->launch->screenshot != NULL)
    g_signal_connect (window, "map", G_CALLBACK (on_window_map_cb), self);

}

static void
restore_backup_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SixApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_printerr ("article-six: %s\n", error->message);
      g_application_quit (G_APPLICATION (self));
      return;
    }

  open_database (self);
}

static void
restore_backup_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  SixApplication *self = source_object;
  g_autofree char *backup = six_db_find_latest_backup (self->launch->database);
  GError *error = NULL;

  if (six_db_restore_backup (self->launch->database, backup, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_open_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           SixApplication   *self)
{
  g_autoptr(GTask) task = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }

  task = g_task_new (self, NULL, restore_backup_cb, g_object_ref (self));
  g_task_run_in_thread (task, restore_backup_thread);
}

/* The file is never touched; the user may restore the newest sound backup, or quit. */
static void
show_open_error (SixApplication *self,
                 const GError   *error,
                 const char     *backup)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (get_window (self)),
                                                       _("Could Not Open the Database"),
                                                       NULL));
  adw_message_dialog_format_body (dialog, "%s\n\n%s", error->message,
                                  backup != NULL
                                  ? _("The file was left as it is. You can restore the newest automatic backup; the damaged file is kept beside it.")
                                  : _("The file was left as it is, and there is no automatic backup to restore."));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  if (backup != NULL)
    {
      adw_message_dialog_add_response (dialog, "restore", _("_Restore Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
    }
  adw_message_dialog_set_close_response (dialog, "quit");
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_error_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Each backup is checked in full before it is offered: off the main thread. */
static void
find_backup_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  SixApplication *self = source_object;

  g_task_return_pointer (task, six_db_find_latest_backup (self->launch->database), g_free);
}

static void
find_backup_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree char *backup = g_task_propagate_pointer (G_TASK (result), NULL);

  show_open_error (SIX_APPLICATION (object), g_task_get_task_data (G_TASK (result)), backup);
}

static void
report_open_error (SixApplication *self,
                   const GError   *error)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, find_backup_cb, NULL);

  g_task_set_task_data (task, g_error_copy (error), (GDestroyNotify) g_error_free);
  g_task_run_in_thread (task, find_backup_thread);
}

/* A new database gets the reference pack; a newer app merges its newer pack like an import. */
static gpointer
ensure_reference_pack (SixDb         *db,
                       gpointer       user_data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  /* Country names load here, off the main thread, before the pages first ask for them. */
  six_iso_codes_get_n_countries ();

  return six_reference_pack_ensure (db, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
ensure_reference_pack_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(SixApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  six_repository_run_finish (SIX_REPOSITORY (object), result, &error);
  self->opening = FALSE;
  /* Held since the open began, so that closing the window meanwhile cannot quit the
   * application in the middle of it. */
  g_application_release (G_APPLICATION (self));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || get_window (self) == NULL)
    return;

  /* The database still works without the pack; say so and carry on. */
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The reference facts could not be loaded: %s"),
                                                  error->message);

      six_window_add_toast (get_window (self), adw_toast_new (message));
    }
}

static void
open_database_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SixApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  self->repository = six_repository_open_finish (result, &error);

  if (self->repository == NULL)
    {
      self->opening = FALSE;
      /* A window closed meanwhile was the user leaving: nobody is there to tell. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && get_window (self) != NULL)
        report_open_error (self, error);
      g_application_release (G_APPLICATION (self));
      return;
    }

  six_repository_run_async (self->repository, ensure_reference_pack, NULL, NULL, NULL,
                            self->cancellable, ensure_reference_pack_cb, g_object_ref (self));
  /* The window reads at once: the repository runs one job at a time, in order, so every read
   * comes after the reference pack is in. */
  if (get_window (self) != NULL)
    fill_window (self, get_window (self));
}

static void
open_database (SixApplication *self)
{
  g_autofree char *directory = g_path_get_dirname (self->launch->database);

  /* The database holds personal data: its directory is ours alone. */
  if (g_mkdir_with_parents (directory, 0700) != 0)
    g_warning ("Could not create %s: %s", directory, g_strerror (errno));

  self->opening = TRUE;
  g_application_hold (G_APPLICATION (self));
  six_repository_open_async (self->launch->database, self->cancellable,
                             open_database_cb, g_object_ref (self));
}

static void
six_application_activate (GApplication *app)
{
  SixApplication *self = SIX_APPLICATION (app);
  SixWindow *window = get_window (self);

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
  else if (!self->opening && self->repository == NULL)
    {
      /* The database opens on the repository's thread while the window is built here; the
       * window still shows first, as the opening is reported from the main loop. */
      open_database (self);
      present_window (self);
    }
}

/* Files from the command line, the file manager or a mail client (the desktop entry's %F),
 * here or sent by a second `article-six FILE` on the same database: each is previewed in
 * the window in turn; the window waits for its database first. */
static void
six_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  SixApplication *self = SIX_APPLICATION (app);
  SixWindow *window;

  six_application_activate (app);
  window = get_window (self);
  if (window == NULL)
    return;

  for (int i = 0; i < n_files; i++)
    _six_window_import_file (window, files[i]);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SixApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (six_preferences_window_new (GTK_WINDOW (get_window (self)))));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SixApplication *self = user_data;

  gtk_show_uri (GTK_WINDOW (get_window (self)), "help:" GETTEXT_PACKAGE, GDK_CURRENT_TIME);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SixApplication *self = user_data;
  static const char *developers[] = { "Article Six contributors", NULL };
  g_autofree char *facts = NULL;
  g_autofree char *comments = NULL;
  GtkWidget *about;

  /* Translators: %s is a date, the version of the reference facts shipped with the app */
  facts = g_strdup_printf (_("Reference facts as of %s"), six_reference_pack_get_version ());
  comments = g_strdup_printf ("%s\n\n%s",
                              _("Coordinate cooperation and assistance under the Convention on Cluster Munitions"),
                              facts);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_window (self),
                        "application-icon", APP_ID,
                        "application-name", _("Article Six"),
                        "developer-name", _("Article Six contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", comments,
                        "website", "https://github.com/articlesix/article-six",
                        "issue-url", "https://github.com/articlesix/article-six/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SixApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close each window so it saves its state, then quit. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action },
  { "help", help_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
six_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", NULL };
  SixApplication *self = SIX_APPLICATION (app);

  G_APPLICATION_CLASS (six_application_parent_class)->startup (app);
  six_accessible_init ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.redo", redo_accels);
}

static void
six_application_shutdown (GApplication *app)
{
  SixApplication *self = SIX_APPLICATION (app);

  g_clear_handle_id (&self->screenshot_timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->repository != NULL)
    six_repository_close (self->repository);

  G_APPLICATION_CLASS (six_application_parent_class)->shutdown (app);
}

static void
six_application_finalize (GObject *object)
{
  SixApplication *self = (SixApplication *)object;

  g_clear_object (&self->repository);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->launch, six_launch_free);

  G_OBJECT_CLASS (six_application_parent_class)->finalize (object);
}

static void
six_application_class_init (SixApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = six_application_finalize;

  app_class->activate = six_application_activate;
  app_class->open = six_application_open;
  app_class->startup = six_application_startup;
  app_class->shutdown = six_application_shutdown;
}

static void
six_application_init (SixApplication *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * six_application_id_for_database:
 * @database: the database's path
 *
 * One running instance per database: a second `article-six FILE` on the same database joins
 * the window open on it, one on another database opens its own. The default database's
 * instance is the application itself.
 *
 * Returns: (transfer full): the application id for @database
 */
char *
six_application_id_for_database (const char *database)
{
  g_autofree char *default_database = six_default_database_path ();
  g_autofree char *canonical = NULL;
  g_autofree char *canonical_default = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (database != NULL, NULL);

  canonical = g_canonicalize_filename (database, NULL);
  canonical_default = g_canonicalize_filename (default_database, NULL);
  if (g_strcmp0 (canonical, canonical_default) == 0)
    return g_strdup (APP_ID);

  /* A bus name's elements must not start with a digit: hence the prefix. */
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  hash[16] = '\0';

  return g_strconcat (APP_ID, ".Database_", hash, NULL);
}

/**
 * six_application_new:
 * @launch: (transfer full): what the command line asked for
 */
SixApplication *
six_application_new (SixLaunch *launch)
{
  g_autofree char *application_id = NULL;
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN;
  SixApplication *self;

  g_return_val_if_fail (launch != NULL, NULL);

  /* A screenshot must not join a window already open. */
  if (launch->screenshot != NULL)
    flags |= G_APPLICATION_NON_UNIQUE;

  application_id = six_application_id_for_database (launch->database);
  self = g_object_new (SIX_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
  self->launch = launch;

  return self;
}

/* Non-zero when a run with --screenshot could not write its picture. */
int
six_application_get_exit_status (SixApplication *self)
{
  g_return_val_if_fail (SIX_IS_APPLICATION (self), 1);

  return self->exit_status;
}
