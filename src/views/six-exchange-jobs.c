/* six-exchange-jobs.c — the window's file work, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-exchange-jobs"

#include "config.h"

#include <glib/gi18n.h>

#include "six-exchange-jobs.h"
#include "six-exchange-reader.h"
#include "six-repository-run.h"

/* --- importing --------------------------------------------------------------------------- */

typedef struct
{
  gatomicrefcount    ref_count;
  GFile             *file;
  SixExchangeFile   *exchange;
  gboolean           dry_run;
  SixImportProgress  progress;
  gpointer           progress_data;
  GMainContext      *context;   /* where progress is reported */
  gboolean           finished;  /* on the caller's context: reports still queued are dropped */
} ImportRun;

static ImportRun *
import_run_ref (ImportRun *run)
{
  g_atomic_ref_count_inc (&run->ref_count);

  return run;
}

static void
import_run_unref (ImportRun *run)
{
  if (!g_atomic_ref_count_dec (&run->ref_count))
    return;

  g_clear_object (&run->file);
  g_clear_object (&run->exchange);
  g_main_context_unref (run->context);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportRun, import_run_unref)

typedef struct
{
  ImportRun *run;
  double     fraction;
} Report;

static void
report_free (Report *report)
{
  import_run_unref (report->run);
  g_free (report);
}

static gboolean
report_cb (gpointer user_data)
{
  Report *report = user_data;

  if (!report->run->finished)
    report->run->progress (report->fraction, report->run->progress_data);

  return G_SOURCE_REMOVE;
}

/* On the repository's thread, every few hundred records merged: carried to the caller's
 * context. */
static void
report_progress (double   fraction,
                 gpointer user_data)
{
  ImportRun *run = user_data;
  Report *report = g_new0 (Report, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  report->run = import_run_ref (run);
  report->fraction = fraction;
  /* Always queued: g_main_context_invoke () would run it here, on this thread, whenever the
   * caller's thread happens not to hold its context. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, report_cb, report, (GDestroyNotify) report_free);
  g_source_set_static_name (source, "[six] import progress");
  g_source_attach (source, run->context);
}

void
six_import_outcome_free (SixImportOutcome *outcome)
{
  g_clear_pointer (&outcome->result, six_import_result_free);
  g_clear_object (&outcome->exchange);
  g_clear_pointer (&outcome->preview, six_preview_free);
  g_free (outcome);
}

/* On the repository's thread: the references the file leaves to the store are resolved
 * (six_import_file_full () does it first), then the import is planned or applied. */
static gpointer
import_run (SixDb         *db,
            gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  ImportRun *run = user_data;
  g_autoptr(SixImportOutcome) outcome = g_new0 (SixImportOutcome, 1);

  if (!six_import_file_full (db, run->exchange, run->dry_run, cancellable,
                             run->progress != NULL ? report_progress : NULL, run,
                             &outcome->result, error))
    return NULL;

  /* Titles and States are read here, where the store is. */
  if (run->dry_run && !outcome->result->already_imported)
    outcome->preview = six_preview_new (db, run->exchange, outcome->result);
  outcome->exchange = g_object_ref (run->exchange);

  return g_steal_pointer (&outcome);
}

/* The repository's job ended: its outcome is the import's. */
static void
import_ran_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  SixImportOutcome *outcome = six_repository_run_finish (SIX_REPOSITORY (object), result,
                                                         &error);

  if (outcome == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, outcome, (GDestroyNotify) six_import_outcome_free);
}

static void
queue_import (GTask *task)
{
  ImportRun *run = g_task_get_task_data (task);

  six_repository_run_async (g_task_get_source_object (task), import_run, import_run_ref (run),
                            (GDestroyNotify) import_run_unref,
                            (GDestroyNotify) six_import_outcome_free,
                            g_task_get_cancellable (task), import_ran_cb, g_object_ref (task));
}

/* On a thread of its own, so that a big file never holds up the lists and searches waiting
 * for the repository's thread: the file is read and validated, and the references it leaves
 * to the store are kept for import_run (). */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  SixExchangeReadOptions options = { .cancellable = cancellable, .defer_references = TRUE };
  GError *error = NULL;
  SixExchangeFile *exchange = six_exchange_read_file_full (file, &options, &error);

  if (exchange == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, exchange, g_object_unref);
}

/* On the caller's context: the file read, its import goes to the repository's thread. */
static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportRun *run = g_task_get_task_data (task);
  GError *error = NULL;

  run->exchange = g_task_propagate_pointer (G_TASK (result), &error);
  if (run->exchange == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  queue_import (task);
}

static void
read_async (GTask *task)
{
  ImportRun *run = g_task_get_task_data (task);
  g_autoptr(GTask) read = g_task_new (NULL, g_task_get_cancellable (task), read_cb,
                                      g_object_ref (task));

  g_task_set_source_tag (read, read_async);
  g_task_set_task_data (read, g_object_ref (run->file), g_object_unref);
  g_task_run_in_thread (read, read_thread);
}

typedef struct
{
  ImportRun           *run;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} ImportCall;

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportCall *call = user_data;

  call->run->finished = TRUE;
  call->callback (object, result, call->user_data);
  import_run_unref (call->run);
  g_free (call);
}

/**
 * six_import_run_async:
 * @exchange: (nullable): the file as a dry run read it, to apply exactly what was previewed;
 *   %NULL to read @file
 * @progress: (nullable): called on the caller's main context as records are merged; it is
 *   not called once @callback has run, so @progress_data needs to live only until then
 *
 * Reads and validates @file (unless @exchange is given) on a thread of its own, then, on the
 * repository's thread, checks that the records it refers to without carrying them are held
 * here, and plans its import, or applies it. A dry run writes nothing and brings a preview of
 * what would change.
 */
void
six_import_run_async (SixRepository       *repository,
                      GFile               *file,
                      SixExchangeFile     *exchange,
                      gboolean             dry_run,
                      SixImportProgress    progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportRun *run;
  ImportCall *call;

  g_return_if_fail (SIX_IS_REPOSITORY (repository));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (exchange == NULL || SIX_IS_EXCHANGE_FILE (exchange));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run = g_new0 (ImportRun, 1);
  g_atomic_ref_count_init (&run->ref_count);
  run->file = g_object_ref (file);
  run->exchange = exchange != NULL ? g_object_ref (exchange) : NULL;
  run->dry_run = dry_run;
  run->progress = progress;
  run->progress_data = progress_data;
  run->context = g_main_context_ref_thread_default ();

  call = g_new0 (ImportCall, 1);
  call->run = import_run_ref (run);
  call->callback = callback;
  call->user_data = user_data;

  task = g_task_new (repository, cancellable, import_done_cb, call);
  g_task_set_source_tag (task, six_import_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify) import_run_unref);
  /* As on the repository's thread: an apply that has begun reports its outcome, not the
   * cancellation that came too late to stop it. */
  g_task_set_check_cancellable (task, FALSE);

  if (run->exchange != NULL)
    queue_import (task);
  else
    read_async (task);
}

SixImportOutcome *
six_import_run_finish (SixRepository  *repository,
                       GAsyncResult   *result,
                       GError        **error)
{
  g_return_val_if_fail (SIX_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (g_task_is_valid (result, repository), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, six_import_run_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- exporting --------------------------------------------------------------------------- */

/* The options, with their strings, kept until the repository's thread is done with them. */
typedef struct
{
  SixExportOptions  options;
  char             *scope_id;
  char             *origin_name;
  char             *origin_organisation;
  GFile            *file;
} ExportRun;

static void
export_run_free (ExportRun *run)
{
  g_free (run->scope_id);
  g_free (run->origin_name);
  g_free (run->origin_organisation);
  g_clear_object (&run->file);
  g_free (run);
}

static ExportRun *
export_run_new (const SixExportOptions *options,
                GFile                  *file)
{
  ExportRun *run = g_new0 (ExportRun, 1);

  run->options = *options;
  run->options.scope_id = run->scope_id = g_strdup (options->scope_id);
  run->options.origin_name = run->origin_name = g_strdup (options->origin_name);
  run->options.origin_organisation = run->origin_organisation =
    g_strdup (options->origin_organisation);
  run->file = file != NULL ? g_object_ref (file) : NULL;

  return run;
}

void
six_export_outcome_free (SixExportOutcome *outcome)
{
  g_free (outcome->scope_label);
  g_free (outcome);
}

/* What a file holds, in words, read on the repository's thread. */
static char *
describe_scope (SixDb        *db,
                SixScopeType  scope,
                const char   *scope_id)
{
  const char *kind = scope == SIX_SCOPE_COUNTRY ? "country"
                     : scope == SIX_SCOPE_COALITION ? "coalition" : NULL;
  g_autoptr(SixRecord) record = kind != NULL && scope_id != NULL
                                ? six_db_get_record (db, six_kind_lookup (kind), scope_id, FALSE,
                                                     NULL)
                                : NULL;
  g_autofree char *title = record != NULL ? six_record_dup_title (record) : g_strdup (scope_id);

  switch (scope)
    {
    case SIX_SCOPE_COUNTRY:
      /* Translators: what a file holds: a State's profile, "Lebanon profile" */
      return g_strdup_printf (_("%s profile"), title);
    case SIX_SCOPE_COALITION:
      /* A coalition's title says what it is: "Country Coalition for Lebanon". */
      return g_steal_pointer (&title);
    case SIX_SCOPE_ALL:
    case SIX_SCOPE_SELECTION:
    default:
      return g_strdup (_("all records"));
    }
}

static gpointer
export_run (SixDb         *db,
            gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  ExportRun *run = user_data;
  g_autoptr(SixExchangeFile) exchange = NULL;
  SixExportOutcome *outcome;

  exchange = six_exchange_export (db, &run->options, run->file, cancellable, error);
  if (exchange == NULL)
    return NULL;

  outcome = g_new0 (SixExportOutcome, 1);
  outcome->n_records = six_exchange_file_get_records (exchange)->len;
  outcome->scope_label = describe_scope (db, run->options.scope, run->options.scope_id);

  return outcome;
}

/**
 * six_export_run_async:
 * @options: what to export; copied
 * @file: the file to create or replace
 *
 * Writes the export on the repository's thread.
 */
void
six_export_run_async (SixRepository          *repository,
                      const SixExportOptions *options,
                      GFile                  *file,
                      GCancellable           *cancellable,
                      GAsyncReadyCallback     callback,
                      gpointer                user_data)
{
  g_return_if_fail (SIX_IS_REPOSITORY (repository));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));

  six_repository_run_async (repository, export_run, export_run_new (options, file),
                            (GDestroyNotify) export_run_free,
                            (GDestroyNotify) six_export_outcome_free, cancellable, callback,
                            user_data);
}

SixExportOutcome *
six_export_run_finish (SixRepository  *repository,
                       GAsyncResult   *result,
                       GError        **error)
{
  return six_repository_run_finish (repository, result, error);
}

/* --- what each level would hold ---------------------------------------------------------- */

static gpointer
count_levels (SixDb         *db,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  ExportRun *run = user_data;
  g_autofree SixLevelCounts *counts = g_new0 (SixLevelCounts, 1);

  if (!six_exchange_count_levels (db, &run->options, counts, error))
    return NULL;

  return g_steal_pointer (&counts);
}

/**
 * six_count_levels_async:
 *
 * Counts, on the repository's thread, what a file of the scope would hold at each sharing
 * level, for the user choosing one.
 */
void
six_count_levels_async (SixRepository       *repository,
                        SixScopeType         scope,
                        const char          *scope_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  SixExportOptions options = { .scope = scope, .scope_id = scope_id };

  g_return_if_fail (SIX_IS_REPOSITORY (repository));

  six_repository_read_async (repository, count_levels, export_run_new (&options, NULL),
                             (GDestroyNotify) export_run_free, g_free, cancellable, callback,
                             user_data);
}

/* Returns: (transfer full): the counts, freed with g_free () */
SixLevelCounts *
six_count_levels_finish (SixRepository  *repository,
                         GAsyncResult   *result,
                         GError        **error)
{
  return six_repository_run_finish (repository, result, error);
}
