/* six-window-exchange.c — importing and exporting files from the window
 *
 * Import is always: read and plan off the main thread, show the plan, apply after a backup in
 * one transaction, offer Undo. A refused file changes nothing and says where it is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-window-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "six-exchange-reader.h"
#include "six-exchange-writer.h"
#include "six-import.h"
#include "six-window-private.h"

/* Owned by the callback once the repository is done with it. */
typedef struct
{
  SixWindow       *window;
  GFile           *file;
  SixExchangeFile *exchange;  /* read on the repository's thread, kept for the apply */
  GCancellable    *cancellable;
  gboolean         dry_run;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->file);
  g_clear_object (&job->exchange);
  g_clear_object (&job->cancellable);
  g_free (job);
}

/* A progress report, carried from the repository's thread to the window's. */
typedef struct
{
  SixWindow *window;
  double     fraction;
} Report;

static gboolean
show_report_cb (gpointer user_data)
{
  Report *report = user_data;

  _six_window_report_import (report->window, NULL, report->fraction);

  return G_SOURCE_REMOVE;
}

static void
report_free (Report *report)
{
  g_object_unref (report->window);
  g_free (report);
}

/* On the repository's thread, every few hundred records. */
static void
report_progress (double   fraction,
                 gpointer user_data)
{
  ImportJob *job = user_data;
  Report *report = g_new0 (Report, 1);

  report->window = g_object_ref (job->window);
  report->fraction = fraction;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_report_cb, report,
                              (GDestroyNotify) report_free);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_free)

static gpointer
import_job_run (SixDb         *db,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  ImportJob *job = user_data;
  SixImportResult *result = NULL;

  if (job->exchange == NULL)
    job->exchange = six_exchange_read_file (job->file, cancellable, error);
  if (job->exchange == NULL)
    return NULL;

  if (!six_import_file_full (db, job->exchange, job->dry_run, cancellable, report_progress, job,
                             &result, error))
    return NULL;

  return result;
}

static char *
describe_counts (const SixMergeCounts *counts)
{
  /* Translators: the numbers of records an import adds, changes, deletes and leaves alone. */
  return g_strdup_printf (_("%u new, %u changed, %u deleted, %u unchanged; %u conflicts"),
                          counts->n_new, counts->n_changed, counts->n_deleted,
                          counts->n_unchanged, counts->n_conflicts);
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

/* Reading and planning, or applying, on the repository's thread, with the bar showing. */
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
  six_repository_run_async (six_window_get_repository (job->window), import_job_run, job,
                            NULL, (GDestroyNotify) six_import_result_free,
                            job->cancellable, callback, job);
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
  g_autoptr(SixImportResult) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *title = NULL;

  import = six_repository_run_finish (SIX_REPOSITORY (object), result, &error);
  if (import_failed (job, error))
    return;

  counts = describe_counts (&import->counts);
  title = g_strdup_printf (_("Imported: %s"), counts);
  six_window_add_undo_toast (self, title, import->operation);
  _six_window_exchange_logged (self);
}

static void
on_preview_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        ImportJob        *job)
{
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
  g_autoptr(SixImportResult) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  plan = six_repository_run_finish (SIX_REPOSITORY (object), result, &error);
  if (import_failed (job, error))
    return;

  name = g_file_get_basename (job->file);
  if (plan->already_imported)
    {
      g_autofree char *title = g_strdup_printf (_("“%s” was already imported; nothing changed"),
                                                name);

      six_window_add_toast (self, adw_toast_new (title));
      return;
    }

  counts = describe_counts (&plan->counts);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import File?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” holds %u records: %s.\n\nA backup is made first, and the import can be undone."),
                                  name, plan->counts.n_records, counts);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_signal_connect (dialog, "response", G_CALLBACK (on_preview_response_cb),
                    g_steal_pointer (&job));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_six_window_import_file (SixWindow *self,
                         GFile     *file)
{
  ImportJob *job = g_new0 (ImportJob, 1);

  g_return_if_fail (SIX_IS_WINDOW (self));
  g_return_if_fail (six_window_get_repository (self) != NULL);

  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  job->dry_run = TRUE;
  run_import (job, plan_cb);
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
  guint          n_records;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->file);
  g_free (job->scope_id);
  g_free (job);
}

static gpointer
export_job_run (SixDb         *db,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  ExportJob *job = user_data;
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *name = g_settings_get_string (settings, "replica-name");
  g_autofree char *organisation = g_settings_get_string (settings, "organisation");
  SixExportOptions options = { 0 };
  g_autoptr(SixExchangeFile) exchange = NULL;

  options.scope = job->scope;
  options.scope_id = job->scope_id;
  options.level = job->level;
  options.origin_name = name[0] != '\0' ? name : NULL;
  options.origin_organisation = organisation[0] != '\0' ? organisation : NULL;

  exchange = six_exchange_export (db, &options, job->file, cancellable, error);
  if (exchange == NULL)
    return NULL;

  job->n_records = six_exchange_file_get_records (exchange)->len;

  return GUINT_TO_POINTER (job->n_records);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SixWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_records;

  n_records = GPOINTER_TO_UINT (six_repository_run_finish (SIX_REPOSITORY (object), result,
                                                           &error));
  if (error != NULL)
    {
      show_error (self, _("Could Not Export"), error);
      return;
    }

  title = g_strdup_printf (ngettext ("Exported %u record", "Exported %u records", n_records),
                           n_records);
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
  ExportJob *job = g_new0 (ExportJob, 1);

  job->scope = scope;
  job->scope_id = g_strdup (scope_id);
  job->level = level;
  job->file = g_object_ref (file);
  six_repository_run_async (six_window_get_repository (self), export_job_run, job,
                            (GDestroyNotify) export_job_free, NULL,
                            NULL, export_cb, g_object_ref (self));
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

static void
on_level_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ExportJob        *job)
{
  SixWindow *self = SIX_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (!six_visibility_from_string (response, &job->level))
    {
      export_job_free (job);
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

/* Files go by email: the user decides first what may leave the laptop. */
void
_six_window_choose_export (SixWindow    *self,
                           SixScopeType  scope,
                           const char   *scope_id)
{
  GtkWidget *dialog;
  ExportJob *job = g_new0 (ExportJob, 1);

  job->scope = scope;
  job->scope_id = g_strdup (scope_id);
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   scope == SIX_SCOPE_COUNTRY ? _("Share Which Records?")
                                                              : _("Export Which Records?"),
                                   _("Contacts and notes are private unless you shared them. Choose what the file may hold."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "public", _("_Public Only"),
                                    "coalition", _("Public and _Coalition"),
                                    "private", _("_Everything"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "public",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "public");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_level_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}
