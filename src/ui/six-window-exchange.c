/* six-window-exchange.c — importing and exporting files from the window
 *
 * Import is always: read and plan off the main thread, show the plan, apply after a backup in
 * one transaction, offer Undo. A refused file changes nothing and says where it is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-window-exchange"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "six-exchange-jobs.h"
#include "six-identity-dialog.h"
#include "six-level-dialog.h"
#include "six-mailer.h"
#include "six-preview-dialog.h"
#include "six-window-private.h"

/* Owned by the callback once the repository is done with it. */
typedef struct
{
  SixWindow       *window;
  GFile           *file;
  SixExchangeFile *exchange;  /* read on the repository's thread, kept for the apply */
  SixPreview      *preview;   /* the dry run's, built on the repository's thread */
  GCancellable    *cancellable;
  gboolean         dry_run;
} ImportJob;

static void import_next (SixWindow *self);

/* Files wait their turn: one preview at a time, each answered before the next is read. */
typedef struct
{
  GQueue   files;  /* GFile */
  gboolean busy;   /* an import is being read, previewed or applied */
} ImportQueue;

static void
import_queue_free (ImportQueue *queue)
{
  g_queue_clear_full (&queue->files, g_object_unref);
  g_free (queue);
}

static ImportQueue *
get_queue (SixWindow *self)
{
  ImportQueue *queue = g_object_get_data (G_OBJECT (self), "six-import-queue");

  if (queue == NULL)
    {
      queue = g_new0 (ImportQueue, 1);
      g_queue_init (&queue->files);
      g_object_set_data_full (G_OBJECT (self), "six-import-queue", queue,
                              (GDestroyNotify) import_queue_free);
    }

  return queue;
}

/* Every import ends here, whatever its outcome: the next file's turn. */
static void
import_job_free (ImportJob *job)
{
  if (job->window != NULL)
    {
      get_queue (job->window)->busy = FALSE;
      import_next (job->window);
    }

  g_clear_object (&job->window);
  g_clear_object (&job->file);
  g_clear_object (&job->exchange);
  g_clear_pointer (&job->preview, six_preview_free);
  g_clear_object (&job->cancellable);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_free)

/* As records are merged, on the window's main context. */
static void
show_progress (double   fraction,
               gpointer window)
{
  _six_window_report_import (window, NULL, fraction);
}

static void
show_error (SixWindow    *self,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reading on a thread of its own, then planning or applying on the repository's thread, with
 * the bar showing. */
static void
run_import (ImportJob           *job,
            GAsyncReadyCallback  callback)
{
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *text = g_strdup_printf (job->dry_run ? _("Reading “%s”…") : _("Importing “%s”…"),
                                           name);

  g_clear_object (&job->cancellable);
  job->cancellable = _six_window_begin_import (job->window);
  _six_window_report_import (job->window, text, -1);
  six_import_run_async (six_window_get_repository (job->window), job->file, job->exchange,
                        job->dry_run, show_progress, job->window, job->cancellable, callback, job);
}

/* The import ended: a cancelled one says so quietly, a refused one says where and why. */
static gboolean
import_failed (ImportJob    *job,
               const GError *error)
{
  _six_window_end_import (job->window);
  if (error == NULL)
    return FALSE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    six_window_add_toast (job->window, adw_toast_new (_("Import cancelled; nothing changed")));
  else
    show_error (job->window, _("Could Not Import the File"), error);

  return TRUE;
}

static void
apply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ImportJob) job = user_data;
  SixWindow *self = job->window;
  g_autoptr(SixImportOutcome) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *title = NULL;

  import = six_import_run_finish (SIX_REPOSITORY (object), result, &error);
  if (import_failed (job, error))
    return;

  counts = six_merge_counts_describe (&import->result->counts);
  title = g_strdup_printf (_("Imported: %s"), counts);
  six_window_add_undo_toast (self, title, import->result->operation);
  _six_window_exchange_logged (self);
}

/* A dialog owns the job it asks about: closed without an answer (its window closing, say),
 * the job goes with it. */
#define DIALOG_JOB "six-job"

static void
on_preview_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  ImportJob *job = g_object_steal_data (G_OBJECT (dialog), DIALOG_JOB);

  if (job == NULL)
    return;

  /* The file read for the plan is applied as it is: no second read, no surprise. */
  if (g_strcmp0 (response, "import") == 0)
    {
      job->dry_run = FALSE;
      run_import (job, apply_cb);
    }
  else
    import_job_free (job);
}

static void
plan_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ImportJob) job = user_data;
  SixWindow *self = job->window;
  g_autoptr(SixImportOutcome) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  plan = six_import_run_finish (SIX_REPOSITORY (object), result, &error);
  if (import_failed (job, error))
    return;

  /* The file read for the plan is applied as it is: no second read, no surprise. */
  g_set_object (&job->exchange, plan->exchange);
  job->preview = g_steal_pointer (&plan->preview);
  name = g_file_get_basename (job->file);
  if (plan->result->already_imported)
    {
      g_autofree char *title = g_strdup_printf (_("“%s” was already imported; nothing changed"),
                                                name);

      six_window_add_toast (self, adw_toast_new (title));
      return;
    }

  dialog = GTK_WIDGET (six_preview_dialog_new (GTK_WINDOW (self), g_steal_pointer (&job->preview)));
  g_object_set_data_full (G_OBJECT (dialog), DIALOG_JOB, g_steal_pointer (&job),
                          (GDestroyNotify) import_job_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_preview_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_next (SixWindow *self)
{
  ImportQueue *queue = get_queue (self);
  ImportJob *job;

  /* A window closing, or still opening its database, reads nothing. */
  if (queue->busy || g_queue_is_empty (&queue->files) ||
      six_window_get_repository (self) == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  job = g_new0 (ImportJob, 1);
  job->window = g_object_ref (self);
  job->file = g_queue_pop_head (&queue->files);
  job->dry_run = TRUE;
  queue->busy = TRUE;
  run_import (job, plan_cb);
}

/**
 * _six_window_import_file:
 * @file: an exchange file
 *
 * Reads @file and previews what importing it would change, once the files before it are
 * done with (and the database is open): nothing is written before the user applies it.
 */
void
_six_window_import_file (SixWindow *self,
                         GFile     *file)
{
  g_return_if_fail (SIX_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_queue_push_tail (&get_queue (self)->files, g_object_ref (file));
  import_next (self);
}

/* The database is open: the files that came before it can be read. */
void
_six_window_import_queued (SixWindow *self)
{
  g_return_if_fail (SIX_IS_WINDOW (self));

  import_next (self);
}

static gboolean
is_exchange_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".a6.json");
}

static gboolean
on_drop_target_drop_cb (GtkDropTarget *target,
                        const GValue  *value,
                        double         x,
                        double         y,
                        SixWindow     *self)
{
  g_autoptr(GSList) files = gdk_file_list_get_files (g_value_get_boxed (value));
  guint n_taken = 0;
  guint n_left = 0;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (is_exchange_file (l->data))
        {
          _six_window_import_file (self, l->data);
          n_taken++;
        }
      else
        n_left++;
    }

  if (n_left > 0)
    {
      g_autofree char *title = NULL;

      /* Translators: files dropped on the window that are not exchange files */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u file is not an Article Six file (.a6.json) and was left alone",
                                            "%u files are not Article Six files (.a6.json) and were left alone",
                                            n_left),
                               n_left);
      six_window_add_toast (self, adw_toast_new (title));
    }

  return n_taken > 0;
}

/* Files dropped on the window are previewed in turn, like files opened from elsewhere. */
void
_six_window_setup_drop (SixWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop_target_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static GtkFileFilter *
exchange_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Article Six files"));
  gtk_file_filter_add_mime_type (filter, "application/x-articlesix+json");
  gtk_file_filter_add_pattern (filter, "*.a6.json");

  return filter;
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               SixWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    _six_window_import_file (self, file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_six_window_choose_import (SixWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = exchange_filter ();

  chooser = gtk_file_chooser_native_new (_("Import File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  GFile         *file;
  SixScopeType   scope;
  char          *scope_id;
  SixVisibility  level;
  gboolean       send;         /* by email, rather than to a file the user chooses */
  gboolean       level_given;  /* the level is the scope's own: nothing to ask */
  SixWindow     *window;       /* send: the window that asked */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->file);
  g_free (job->scope_id);
  g_clear_object (&job->window);
  g_free (job);
}

/* What the file says of who sent it: the name and organisation Preferences keep. */
static void
set_origin (SixExportOptions *options,
            GSettings        *settings,
            char            **name,
            char            **organisation)
{
  *name = g_settings_get_string (settings, "replica-name");
  *organisation = g_settings_get_string (settings, "organisation");
  options->origin_name = (*name)[0] != '\0' ? *name : NULL;
  options->origin_organisation = (*organisation)[0] != '\0' ? *organisation : NULL;
}

/* Writes @job's scope at its level to @job's file, on the repository's thread. */
static void
run_export (SixWindow           *self,
            ExportJob           *job,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;
  SixExportOptions options = { 0 };

  options.scope = job->scope;
  options.scope_id = job->scope_id;
  options.level = job->level;
  set_origin (&options, settings, &name, &organisation);
  six_export_run_async (six_window_get_repository (self), &options, job->file, NULL, callback,
                        user_data);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SixWindow) self = user_data;
  g_autoptr(SixExportOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  outcome = six_export_run_finish (SIX_REPOSITORY (object), result, &error);
  if (outcome == NULL)
    {
      show_error (self, _("Could Not Export"), error);
      return;
    }

  title = g_strdup_printf (ngettext ("Exported %u record", "Exported %u records",
                                     outcome->n_records),
                           outcome->n_records);
  six_window_add_toast (self, adw_toast_new (title));
  _six_window_exchange_logged (self);
}

/**
 * _six_window_export_file:
 * @file: the file to create or replace
 *
 * Writes the export on the repository's thread; a toast says how many records it holds.
 */
void
_six_window_export_file (SixWindow     *self,
                         SixScopeType   scope,
                         const char    *scope_id,
                         SixVisibility  level,
                         GFile         *file)
{
  ExportJob job = { .file = file, .scope = scope, .scope_id = (char *) scope_id,
                    .level = level };

  run_export (self, &job, export_cb, g_object_ref (self));
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               ExportJob       *job)
{
  SixWindow *self = SIX_WINDOW (gtk_native_dialog_get_transient_for (chooser));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    _six_window_export_file (self, job->scope, job->scope_id, job->level, file);
  export_job_free (job);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static const char *
level_words (SixVisibility level)
{
  switch (level)
    {
    case SIX_VISIBILITY_COALITION:
      return _("public and coalition records");
    case SIX_VISIBILITY_PRIVATE:
      return _("all records, private ones too");
    case SIX_VISIBILITY_PUBLIC:
    default:
      return _("public records");
    }
}

static void
mailed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *title = NULL;
  SixMailOutcome outcome = six_mail_file_finish (result, &error);

  if (error != NULL)
    /* Translators: the user closed the new email; %s is the file, kept where it was saved */
    title = g_strdup_printf (_("Email not sent; “%s” is kept with the files sent"), name);
  else if (outcome == SIX_MAIL_COMPOSED)
    /* Translators: %s is the file attached to a new email */
    title = g_strdup_printf (_("Email ready with “%s” attached"), name);
  else
    /* Translators: no mail program answered; %s is the file, shown in the file manager */
    title = g_strdup_printf (_("No email program answered: “%s” was saved and is shown in its "
                               "folder, to attach by hand"), name);

  six_window_add_toast (job->window, adw_toast_new (title));
  export_job_free (job);
}

static void
send_exported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *sender = g_settings_get_string (settings, "replica-name");
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autoptr(SixExportOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;

  outcome = six_export_run_finish (SIX_REPOSITORY (object), result, &error);
  if (outcome == NULL)
    {
      show_error (job->window, _("Could Not Export"), error);
      export_job_free (job);
      return;
    }
  _six_window_exchange_logged (job->window);

  /* Translators: an email's subject: what the file holds, its number of records, its level:
   * "Article Six: Lebanon profile, 13 records, public records" */
  subject = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Article Six: %s, %u record, %s",
                                          "Article Six: %s, %u records, %s",
                                          outcome->n_records),
                             outcome->scope_label, outcome->n_records, level_words (job->level));
  /* Translators: an email's text: the attached file, and who sent it */
  body = g_strdup_printf (_("Attached: %s, from %s.\n\nOpen it with Article Six: it shows who "
                            "sent it and what it would change before anything is written."),
                          name, sender);
  six_mail_file_async (GTK_WINDOW (job->window), job->file, subject, body, NULL, mailed_cb, job);
}

/* The file goes beside the database, in "sent", where the user can find it again. */
static GFile *
sent_file (SixWindow  *self,
           const char *name)
{
  g_autofree char *database_dir = g_path_get_dirname (six_repository_get_path (
                                                        six_window_get_repository (self)));
  g_autofree char *dir = g_build_filename (database_dir, "sent", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_warning ("Could not create %s: %s", dir, g_strerror (errno));

  return g_file_new_for_path (path);
}

static char *
file_name (ExportJob *job)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  /* A coalition's id means nothing to its members. */
  if (job->scope == SIX_SCOPE_COALITION)
    /* Translators: the file sent to a coalition's members, "coalition-2026-12-07.a6.json" */
    return g_strdup_printf (_("coalition-%s.a6.json"), date);

  return g_strdup_printf ("%s-%s.a6.json", job->scope_id != NULL ? job->scope_id : "article-six",
                          date);
}

/* Writes the file with the files sent, then opens a new email with it attached. */
static void
send_job (SixWindow *self,
          ExportJob *job)
{
  g_autofree char *sent = file_name (job);

  job->window = g_object_ref (self);
  job->file = sent_file (self, sent);
  run_export (self, job, send_exported_cb, job);
}

static void
on_level_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  SixWindow *self = SIX_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  ExportJob *job = g_object_steal_data (G_OBJECT (dialog), DIALOG_JOB);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (job == NULL)
    return;

  if (g_strcmp0 (response, "export") != 0 && g_strcmp0 (response, "folder") != 0)
    {
      export_job_free (job);
      return;
    }

  job->level = six_level_dialog_get_level (SIX_LEVEL_DIALOG (dialog));

  /* Into the folder the team's sync tool shares, where the others find it. */
  if (g_strcmp0 (response, "folder") == 0)
    {
      g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
      g_autofree char *folder = g_settings_get_string (settings, "exchange-folder");
      g_autofree char *shared = file_name (job);
      g_autofree char *path = g_build_filename (folder, shared, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      _six_window_export_file (self, job->scope, job->scope_id, job->level, file);
      export_job_free (job);
      return;
    }
  if (job->send)
    {
      send_job (self, job);
      return;
    }

  now = g_date_time_new_now_local ();
  name = g_date_time_format (now, job->scope_id != NULL ? "-%Y-%m-%d.a6.json"
                                                        : "article-six-%Y-%m-%d.a6.json");
  if (job->scope_id != NULL)
    {
      g_autofree char *dated = g_steal_pointer (&name);

      name = g_strconcat (job->scope_id, dated, NULL);
    }
  filter = exchange_filter ();
  chooser = gtk_file_chooser_native_new (_("Export File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GWeakRef, weak_ref_free)

static void
count_levels_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GWeakRef) ref = user_data;
  g_autoptr(SixLevelDialog) dialog = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  g_autofree SixLevelCounts *counts = NULL;

  counts = six_count_levels_finish (SIX_REPOSITORY (object), result, &error);
  /* Answered or closed already: nobody reads the counts. */
  if (dialog == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (counts == NULL)
    g_warning ("Could not count the records of each level: %s", error->message);

  six_level_dialog_set_counts (dialog, counts);
}

/* Files go by email: the user decides first what may leave the laptop. Public is chosen and
 * the default, so Enter never sends anything else. */
static void
choose_level (SixWindow    *self,
              SixScopeType  scope,
              const char   *scope_id,
              gboolean      send)
{
  SixLevelDialog *dialog;
  ExportJob *job = g_new0 (ExportJob, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GWeakRef *ref;

  job->scope = scope;
  job->scope_id = g_strdup (scope_id);
  job->send = send;

  dialog = six_level_dialog_new (GTK_WINDOW (self), scope);
  if (send)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), _("Send Which Records?"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (dialog), "export",
                                             _("_Send by Email…"));
    }
  else
    {
      g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
      g_autofree char *folder = g_settings_get_string (settings, "exchange-folder");

      /* With an exchange folder, the file can go straight there. */
      if (folder[0] != '\0')
        adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "folder",
                                         _("Export to _Folder"));
    }
  g_object_set_data_full (G_OBJECT (dialog), DIALOG_JOB, job, (GDestroyNotify) export_job_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_level_response_cb), NULL);
  /* An answer before the counts are in stops the counting. */
  g_signal_connect_object (dialog, "response", G_CALLBACK (g_cancellable_cancel), cancellable,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (g_cancellable_cancel), cancellable,
                           G_CONNECT_SWAPPED);
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, dialog);
  six_count_levels_async (six_window_get_repository (self), scope, scope_id, cancellable,
                          count_levels_cb, ref);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Once the sender is known: the level, unless the scope has its own. Takes @job. */
static void
export_as_known_sender (SixWindow *self,
                        ExportJob *job)
{
  if (job->level_given)
    {
      send_job (self, job);
      return;
    }

  choose_level (self, job->scope, job->scope_id, job->send);
  export_job_free (job);
}

static void
on_identity_response_cb (SixIdentityDialog *dialog,
                         const char        *response,
                         gpointer           user_data)
{
  SixWindow *self = SIX_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  ExportJob *job = g_object_steal_data (G_OBJECT (dialog), DIALOG_JOB);

  if (job == NULL)
    return;

  if (g_strcmp0 (response, "continue") != 0)
    {
      export_job_free (job);
      return;
    }

  six_identity_dialog_save (dialog);
  export_as_known_sender (self, job);
}

/* Files carry a name people know, not an id: the first file asks who sends it. Takes @job. */
static void
ask_sender (SixWindow *self,
            ExportJob *job)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *name = g_settings_get_string (settings, "replica-name");
  SixIdentityDialog *dialog;

  if (name[0] != '\0')
    {
      export_as_known_sender (self, job);
      return;
    }

  dialog = six_identity_dialog_new (GTK_WINDOW (self));
  g_object_set_data_full (G_OBJECT (dialog), DIALOG_JOB, job, (GDestroyNotify) export_job_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_identity_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choose_export (SixWindow    *self,
               SixScopeType  scope,
               const char   *scope_id,
               gboolean      send)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->scope = scope;
  job->scope_id = g_strdup (scope_id);
  job->send = send;
  ask_sender (self, job);
}

/**
 * _six_window_choose_export:
 * @scope_id: (nullable): the State or coalition of a scope that has one
 *
 * Asks what the file may hold, then where to write it. The first export asks who is
 * sending it: files carry a name people know, not an id.
 */
void
_six_window_choose_export (SixWindow    *self,
                           SixScopeType  scope,
                           const char   *scope_id)
{
  g_return_if_fail (SIX_IS_WINDOW (self));

  choose_export (self, scope, scope_id, FALSE);
}

/**
 * _six_window_choose_send:
 * @scope_id: (nullable): the State or coalition of a scope that has one
 *
 * Asks what the file may hold, writes it with the files sent (beside the database), and
 * opens a new email with it attached; where no mail client answers, shows it in its folder.
 */
void
_six_window_choose_send (SixWindow    *self,
                         SixScopeType  scope,
                         const char   *scope_id)
{
  g_return_if_fail (SIX_IS_WINDOW (self));

  choose_export (self, scope, scope_id, TRUE);
}

/**
 * _six_window_send_to_members:
 * @coalition_id: the coalition
 *
 * Sends a coalition's records to its members by email, as the Exchange page sends files:
 * the coalition's scope at the coalition level (its lead State's profile, its own records,
 * nothing private), so there is no level to ask.
 */
void
_six_window_send_to_members (SixWindow  *self,
                             const char *coalition_id)
{
  ExportJob *job;

  g_return_if_fail (SIX_IS_WINDOW (self));
  g_return_if_fail (coalition_id != NULL);

  job = g_new0 (ExportJob, 1);
  job->scope = SIX_SCOPE_COALITION;
  job->scope_id = g_strdup (coalition_id);
  job->level = SIX_VISIBILITY_COALITION;
  job->level_given = TRUE;
  job->send = TRUE;
  ask_sender (self, job);
}

/* --- other processes' writes ---------------------------------------------------------- */

/* How often the window looks for another process's writes (the command line, a second
 * window), besides whenever it gains the focus. */
#define WATCH_INTERVAL_SECONDS 2

typedef struct
{
  guint    timeout_id;
  gboolean checking;
} Watch;

static void
watch_free (Watch *watch)
{
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  g_free (watch);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SixWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Watch *watch = g_object_get_data (G_OBJECT (self), "six-watch");

  if (watch != NULL)
    watch->checking = FALSE;

  /* The repository has told its lists and listeners already; a failed look is retried. */
  if (!six_repository_check_finish (SIX_REPOSITORY (object), result, &error) && error != NULL)
    g_debug ("Could not look for other writes: %s", error->message);
}

static void
check_database (SixWindow *self)
{
  Watch *watch = g_object_get_data (G_OBJECT (self), "six-watch");
  SixRepository *repository = six_window_get_repository (self);

  if (watch == NULL || watch->checking || repository == NULL)
    return;

  watch->checking = TRUE;
  six_repository_check_async (repository, NULL, checked_cb, g_object_ref (self));
}

static gboolean
watch_timeout_cb (gpointer user_data)
{
  check_database (SIX_WINDOW (user_data));

  return G_SOURCE_CONTINUE;
}

static void
on_window_is_active_cb (SixWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    check_database (self);
}

/**
 * _six_window_watch_database:
 *
 * The window notices what other processes write to its database: on a timer and when it
 * gains the focus, the repository compares SQLite's data version on its own thread, and on
 * a change every list and page reads again.
 */
void
_six_window_watch_database (SixWindow *self)
{
  Watch *watch;

  g_return_if_fail (SIX_IS_WINDOW (self));
  g_return_if_fail (g_object_get_data (G_OBJECT (self), "six-watch") == NULL);

  watch = g_new0 (Watch, 1);
  watch->timeout_id = g_timeout_add_seconds (WATCH_INTERVAL_SECONDS, watch_timeout_cb, self);
  g_object_set_data_full (G_OBJECT (self), "six-watch", watch, (GDestroyNotify) watch_free);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_window_is_active_cb), NULL);
}
