/* six-import.c — applying an exchange file: plan, backup, one transaction, undoable as a whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-import"

#include "config.h"

#include <glib/gi18n.h>

#include "six-import.h"

#include "six-db.h"
#include "six-exchange-private.h"
#include "six-exchange-reader.h"

#include <stdio.h>
#include <string.h>

/* How many records between two progress reports and cancellation checks. */
#define PROGRESS_STEP 512

/* Test hook for the kill test in tests/test-import.c: when set, the import prints "ready" on
 * stdout just before COMMIT and waits a minute there, to be killed. */
#define PAUSE_BEFORE_COMMIT_ENV "SIX_IMPORT_PAUSE_BEFORE_COMMIT"

typedef struct
{
  SixImportProgressFunc  func;
  gpointer               data;
  GCancellable          *cancellable;
  double                 start;
  double                 span;
} Progress;

/* Reports progress and checks for cancellation every PROGRESS_STEP records. */
static gboolean
step (Progress  *progress,
      guint      done,
      guint      total,
      GError   **error)
{
  if (done % PROGRESS_STEP != 0 && done != total)
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (progress->cancellable, error))
    return FALSE;

  if (progress->func != NULL)
    progress->func (progress->start + progress->span * (total > 0 ? (double) done / total : 1.0),
                    progress->data);

  return TRUE;
}

static const char *
display_name (SixExchangeFile *file)
{
  const char *name = six_exchange_file_get_display_name (file);

  return name != NULL ? name : "import";
}

static gboolean
stamp_is_complete (const SixFieldStamp *stamp)
{
  return stamp != NULL && stamp->vv != NULL && stamp->hlc.replica != NULL;
}

/* What the planner takes as given, checked so that a file built by hand fails cleanly. */
static gboolean
check_records (SixExchangeFile  *file,
               GError          **error)
{
  GPtrArray *records = six_exchange_file_get_records (file);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (six_exchange_file_get_export_id (file) == NULL)
    {
      _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_INVALID_HEADER, display_name (file),
                               "export_id", "missing");
      return FALSE;
    }

  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *record = records->pdata[i];
      const SixKind *kind = six_record_get_kind (record);
      GPtrArray *extras = six_record_get_extras (record);
      char *key = g_strconcat (kind->name, "/", six_record_get_id (record), NULL);

      if (!g_hash_table_add (seen, key))
        {
          g_autofree char *path = g_strdup_printf ("records[%u].id", i);

          _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_DUPLICATE_ID, display_name (file),
                                   path, "%s %s appears twice", kind->name,
                                   six_record_get_id (record));
          return FALSE;
        }

      for (guint j = 0; j < kind->n_fields; j++)
        {
          /* Only optional references are ever left out (§5); a new record without its
           * visibility or liveness would get values no clock stamps. */
          if ((kind->fields[j].flags & SIX_FIELD_FLAGS_REQUIRED) &&
              !six_record_has_field (record, j))
            {
              g_autofree char *path = g_strdup_printf ("records[%u].values.%s", i,
                                                       kind->fields[j].name);

              _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_MISSING_FIELD,
                                       display_name (file), path,
                                       "missing: %s is required", kind->fields[j].name);
              return FALSE;
            }

          if (six_record_has_field (record, j) &&
              !stamp_is_complete (six_record_get_nth_stamp (record, j)))
            {
              g_autofree char *path = g_strdup_printf ("records[%u].clocks.%s", i,
                                                       kind->fields[j].name);

              _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_INVALID_CLOCK,
                                       display_name (file), path, "missing");
              return FALSE;
            }
        }

      for (guint j = 0; extras != NULL && j < extras->len; j++)
        {
          const SixExtraField *extra = extras->pdata[j];

          if (!stamp_is_complete (&extra->stamp))
            {
              g_autofree char *path = g_strdup_printf ("records[%u].clocks.%s", i, extra->name);

              _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_INVALID_CLOCK,
                                       display_name (file), path, "missing");
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Reads what this replica holds of every incoming record, and plans the merge. */
static SixMergePlan *
plan_file (SixDb            *db,
           SixExchangeFile  *file,
           Progress         *progress,
           GError          **error)
{
  GPtrArray *records = six_exchange_file_get_records (file);
  g_autoptr(SixMergePlan) plan = NULL;

  plan = six_merge_plan_new (six_db_get_replica_id (db));

  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *incoming = records->pdata[i];
      g_autoptr(SixRecord) local = NULL;
      g_autoptr(GError) local_error = NULL;

      local = six_db_get_record (db, six_record_get_kind (incoming),
                                 six_record_get_id (incoming), TRUE, &local_error);
      if (local == NULL &&
          !g_error_matches (local_error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                      display_name (file));
          return NULL;
        }

      six_merge_plan_add (plan, local, incoming);

      if (!step (progress, i + 1, records->len, error))
        return NULL;
    }

  return g_steal_pointer (&plan);
}

static gboolean
check_stamp (SixExchangeFile  *file,
             const SixHlc     *stamp,
             gint64            now,
             guint             index,
             const char       *field,
             GError          **error)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hours_text = NULL;
  gint64 hours;

  if (now > G_MAXINT64 - SIX_HLC_MAX_DRIFT_MS || stamp->wall <= now + SIX_HLC_MAX_DRIFT_MS)
    return TRUE;

  path = g_strdup_printf ("records[%u].clocks.%s.hlc", index, field);
  text = six_hlc_to_string (stamp);
  hours = (stamp->wall - now) / (60 * 60 * 1000);
  hours_text = g_strdup_printf ("%" G_GINT64_FORMAT, hours);
  _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_INVALID_CLOCK, display_name (file), path,
                           /* Translators: a clock stamp, then a number of hours (25 or more) */
                           g_dngettext (GETTEXT_PACKAGE,
                                        "the stamp “%s” is %s hour ahead of this computer’s "
                                        "clock, more than the 24 allowed: the sender’s clock is "
                                        "wrong. Ask them to set it right and export again.",
                                        "the stamp “%s” is %s hours ahead of this computer’s "
                                        "clock, more than the 24 allowed: the sender’s clock is "
                                        "wrong. Ask them to set it right and export again.",
                                        (gulong) MIN (hours, G_MAXLONG)),
                           text, hours_text);

  return FALSE;
}

/* Rule 6: a file with a stamp more than SIX_HLC_MAX_DRIFT_MS ahead of our clock is refused
 * whole. Within the bound stamps are kept as written, so every reader merges them alike. The
 * reference pack ships inside the program: every replica merges its stamps as written. */
static gboolean
check_future_stamps (SixDb            *db,
                     SixExchangeFile  *file,
                     GError          **error)
{
  GPtrArray *records = six_exchange_file_get_records (file);
  gint64 now = six_db_now (db);

  if (six_exchange_file_get_shipped (file))
    return TRUE;

  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *record = records->pdata[i];
      const SixKind *kind = six_record_get_kind (record);
      GPtrArray *extras = six_record_get_extras (record);

      for (guint j = 0; j < kind->n_fields; j++)
        if (six_record_has_field (record, j) &&
            !check_stamp (file, &six_record_get_nth_stamp (record, j)->hlc, now, i,
                          kind->fields[j].name, error))
          return FALSE;

      for (guint j = 0; extras != NULL && j < extras->len; j++)
        {
          SixExtraField *extra = extras->pdata[j];

          if (!check_stamp (file, &extra->stamp.hlc, now, i, extra->name, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Every stamp the file carries moves our clock past it (HLC), so our next edit is stamped
 * after everything we have seen, even values we kept. */
static void
observe_stamps (SixDb           *db,
                SixExchangeFile *file)
{
  SixHlcClock *clock = six_db_get_clock (db);
  GPtrArray *records = six_exchange_file_get_records (file);

  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *record = records->pdata[i];
      const SixKind *kind = six_record_get_kind (record);
      GPtrArray *extras = six_record_get_extras (record);

      for (guint j = 0; j < kind->n_fields; j++)
        if (six_record_has_field (record, j))
          six_hlc_clock_observe (clock, &six_record_get_nth_stamp (record, j)->hlc, NULL);

      for (guint j = 0; extras != NULL && j < extras->len; j++)
        six_hlc_clock_observe (clock, &((SixExtraField *) extras->pdata[j])->stamp.hlc, NULL);
    }
}

/* A record's writes: its known fields in one call, so a new record is one row; then the
 * fields of a newer version, which travel as their JSON text. */
static gboolean
put_record (SixDb           *db,
            gint64           operation,
            SixMergeRecord  *record,
            GArray          *writes,
            GError         **error)
{
  const SixKind *kind = six_record_get_kind (record->incoming);
  const char *id = six_record_get_id (record->incoming);

  g_array_set_size (writes, 0);
  for (guint i = 0; i < record->changes->len; i++)
    {
      SixMergeChange *change = &g_array_index (record->changes, SixMergeChange, i);
      SixFieldWrite write = { change->field, change->value, &change->stamp };

      if (change->field != SIX_MERGE_EXTRA_FIELD)
        g_array_append_val (writes, write);
    }

  if (writes->len > 0 &&
      !six_db_put_fields (db, operation, kind, id, (SixFieldWrite *) writes->data, writes->len,
                          error))
    return FALSE;

  for (guint i = 0; i < record->changes->len; i++)
    {
      SixMergeChange *change = &g_array_index (record->changes, SixMergeChange, i);

      if (change->field == SIX_MERGE_EXTRA_FIELD &&
          !six_db_put_extra_field (db, operation, kind, id, change->name,
                                   change->value != NULL
                                   ? g_variant_get_string (change->value, NULL) : NULL,
                                   &change->stamp, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_changes (SixDb            *db,
               SixExchangeFile  *file,
               SixMergePlan     *plan,
               gint64            operation,
               Progress         *progress,
               GError          **error)
{
  g_autoptr(GArray) writes = g_array_new (FALSE, FALSE, sizeof (SixFieldWrite));

  for (guint i = 0; i < plan->records->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!put_record (db, operation, plan->records->pdata[i], writes, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                      display_name (file));
          return FALSE;
        }

      if (!step (progress, i + 1, plan->records->len, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_conflicts (SixDb            *db,
                 SixExchangeFile  *file,
                 SixMergePlan     *plan,
                 gint64            operation,
                 GError          **error)
{
  for (guint i = 0; i < plan->conflicts->len; i++)
    {
      const SixMergeConflict *planned = plan->conflicts->pdata[i];
      g_autoptr(GError) local_error = NULL;
      SixConflict conflict = { 0 };

      /* Borrowed throughout: the store copies what it keeps. */
      conflict.kind = planned->kind;
      conflict.record_id = (char *) planned->record_id;
      conflict.field = planned->field;
      if (planned->field == SIX_MERGE_EXTRA_FIELD)
        {
          conflict.field = SIX_CONFLICT_EXTRA_FIELD;
          conflict.extra_field = (char *) planned->field_name;
        }
      conflict.lost_value = planned->lost_value;
      conflict.lost_stamp = planned->lost_stamp;
      conflict.won_value = planned->won_value;
      conflict.won_stamp = planned->won_stamp;
      conflict.operation = operation;

      if (!six_db_add_conflict (db, &conflict, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                      display_name (file));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
write_replica_names (SixDb            *db,
                     SixExchangeFile  *file,
                     GError          **error)
{
  GPtrArray *replicas = six_exchange_file_get_replicas (file);
  const SixReplicaInfo *origin = six_exchange_file_get_origin (file);
  const char *self = six_db_get_replica_id (db);

  for (guint i = 0; i <= replicas->len; i++)
    {
      const SixReplicaInfo *info = i < replicas->len ? replicas->pdata[i] : origin;

      /* Our own name is ours to set, not a file's. */
      if (info == NULL || info->id == NULL || strcmp (info->id, self) == 0)
        continue;

      if (!six_db_set_replica_name (db, info->id, info->name, info->organisation, error))
        {
          g_prefix_error (error, "%s: ", display_name (file));
          return FALSE;
        }
    }

  return TRUE;
}

static void
pause_before_commit (void)
{
  if (g_getenv (PAUSE_BEFORE_COMMIT_ENV) == NULL)
    return;

  fputs ("ready\n", stdout);
  fflush (stdout);
  g_usleep (60 * G_USEC_PER_SEC);
}

/* Inside the transaction: everything the import writes. */
static gboolean
apply (SixDb            *db,
       SixExchangeFile  *file,
       SixImportResult  *result,
       Progress         *progress,
       GError          **error)
{
  const SixReplicaInfo *origin = six_exchange_file_get_origin (file);
  SixExchangeLogEntry entry = { 0 };
  g_autofree char *counts = NULL;

  progress->start = 0.0;
  progress->span = 0.5;
  result->plan = plan_file (db, file, progress, error);
  if (result->plan == NULL)
    return FALSE;

  result->counts = result->plan->counts;

  if (!six_merge_plan_is_empty (result->plan))
    {
      g_autofree char *label = g_strdup_printf ("Import %s", display_name (file));

      result->operation = six_db_begin_operation (db, label, error);
      if (result->operation == 0)
        return FALSE;
    }

  progress->start = 0.5;
  progress->span = 0.5;
  if (!write_changes (db, file, result->plan, result->operation, progress, error) ||
      !write_conflicts (db, file, result->plan, result->operation, error) ||
      !write_replica_names (db, file, error))
    return FALSE;

  observe_stamps (db, file);

  counts = six_import_counts_to_json (&result->counts);
  entry.direction = SIX_EXCHANGE_DIRECTION_IMPORT;
  entry.export_id = (char *) six_exchange_file_get_export_id (file);
  entry.checksum = (char *) six_exchange_file_get_checksum (file);
  entry.origin = origin != NULL ? origin->id : NULL;
  entry.origin_name = origin != NULL ? origin->name : NULL;
  entry.file_name = (char *) six_exchange_file_get_display_name (file);
  entry.counts = counts;
  entry.operation = result->operation;

  result->log_id = six_db_log_exchange (db, &entry, error);
  if (result->log_id == 0)
    {
      g_prefix_error (error, "%s: ", display_name (file));
      return FALSE;
    }

  return TRUE;
}

/* Whether the file is in the exchange log; fills @result if so. */
static gboolean
find_previous (SixDb            *db,
               SixExchangeFile  *file,
               SixImportResult  *result,
               GError          **error)
{
  g_autoptr(SixExchangeLogEntry) previous = NULL;

  if (!six_db_find_import (db, six_exchange_file_get_export_id (file),
                           six_exchange_file_get_checksum (file), &previous, error))
    {
      g_prefix_error (error, "%s: ", display_name (file));
      return FALSE;
    }

  if (previous != NULL && !previous->undone)
    {
      result->already_imported = TRUE;
      result->imported_at = previous->at;
    }
  else if (previous != NULL && previous->operation > 0)
    {
      /* Imported, then undone: the undo's writes dominate the file's, so merging it again
       * would change nothing. Importing it again is redoing that import. */
      result->redone = previous->operation;
      result->imported_at = previous->at;
    }

  return TRUE;
}

/* Counts what a redo of an undone import brings back: records it restores, and changes. */
static void
count_redo (SixExchangeFile *file,
            SixImportResult *result)
{
  g_autoptr(GHashTable) records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) restored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  memset (&result->counts, 0, sizeof result->counts);
  for (guint i = 0; i < result->redo_writes->len; i++)
    {
      SixPendingWrite *write = result->redo_writes->pdata[i];
      char *key = g_strconcat (write->kind->name, "/", write->record_id, NULL);

      if (strcmp (write->field, "deleted") == 0 && write->value != NULL &&
          !g_variant_get_boolean (write->value))
        g_hash_table_add (restored, g_strdup (key));
      g_hash_table_add (records, key);
    }

  result->counts.n_records = six_exchange_file_get_records (file)->len;
  result->counts.n_new = g_hash_table_size (restored);
  result->counts.n_changed = g_hash_table_size (records) - result->counts.n_new;
  result->counts.n_unchanged = result->counts.n_records > g_hash_table_size (records)
                               ? result->counts.n_records - g_hash_table_size (records) : 0;
  result->counts.n_writes = result->redo_writes->len;
}

/* What redoing the undone import would write, for a dry run. */
static gboolean
plan_redo (SixDb            *db,
           SixExchangeFile  *file,
           SixImportResult  *result,
           GError          **error)
{
  gint64 reversal = six_db_find_reversal (db, result->redone, error);

  if (reversal < 0)
    return FALSE;

  /* The undo is no longer in the history: the file merges like any other. */
  if (reversal == 0)
    {
      result->redone = 0;
      return TRUE;
    }

  result->redo_writes = six_db_plan_undo (db, reversal, error);
  if (result->redo_writes == NULL)
    return FALSE;

  count_redo (file, result);

  return TRUE;
}

/**
 * six_import_file_full:
 * @file: a file as read, or built in memory with its export id set
 * @dry_run: plan only, and write nothing
 * @cancellable: (nullable): checked between records
 * @progress_func: (nullable): called now and then on this thread, 0.0 to 1.0
 * @progress_data: passed to @progress_func
 * @result: (out) (optional): what was (or would be) done
 *
 * Imports @file exactly: a file already in the exchange log changes nothing; otherwise the
 * merge is planned (exchange format §4) and, unless @dry_run, applied after a backup in one
 * transaction that six_db_undo () of the result's operation reverses as a whole. On error
 * nothing is written. Synchronous: run it in a worker thread for large files.
 *
 * First, every record @file refers to without carrying it must be held in @db: a file read
 * with its references deferred is resolved here, where the store is, so an import never
 * leaves a dangling reference whichever way the file was read.
 */
gboolean
six_import_file_full (SixDb                  *db,
                      SixExchangeFile        *file,
                      gboolean                dry_run,
                      GCancellable           *cancellable,
                      SixImportProgressFunc   progress_func,
                      gpointer                progress_data,
                      SixImportResult       **result,
                      GError                **error)
{
  g_autoptr(SixImportResult) res = g_new0 (SixImportResult, 1);
  g_autoptr(GError) local_error = NULL;
  Progress progress = { progress_func, progress_data, cancellable, 0.0, 1.0 };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  res->dry_run = dry_run;

  if (!six_exchange_resolve_outside (file, six_import_holds, db, error) ||
      !check_records (file, error) || !find_previous (db, file, res, error))
    return FALSE;

  if (res->already_imported)
    goto done;

  if (!check_future_stamps (db, file, error))
    return FALSE;

  if (res->redone > 0 && dry_run)
    {
      if (!plan_redo (db, file, res, error))
        {
          g_prefix_error (error, "%s: ", display_name (file));
          return FALSE;
        }
      if (res->redone > 0)
        goto done;
    }

  if (dry_run)
    {
      res->plan = plan_file (db, file, &progress, error);
      if (res->plan == NULL)
        return FALSE;

      res->counts = res->plan->counts;
      goto done;
    }

  /* Outside the transaction, as the backup API requires; the state it saves is the one the
   * transaction starts from unless another process writes in between. */
  if (strcmp (six_db_get_path (db), ":memory:") != 0)
    {
      res->backup_path = six_db_backup (db, "import", error);
      if (res->backup_path == NULL)
        {
          g_prefix_error (error, "%s: ", display_name (file));
          return FALSE;
        }
    }

  if (!six_db_begin (db, error))
    return FALSE;

  /* Another process may have imported the same file since we looked. */
  if (!find_previous (db, file, res, error))
    goto failed;

  if (res->already_imported)
    {
      six_db_rollback (db);
      goto done;
    }

  if (res->redone > 0)
    {
      gint64 reversal;

      if (!plan_redo (db, file, res, error))
        goto failed;
      reversal = res->redone > 0 ? six_db_find_reversal (db, res->redone, error) : 0;
      if (reversal < 0)
        goto failed;
      if (reversal > 0)
        {
          res->operation = six_db_undo (db, reversal, error);
          if (res->operation == 0)
            goto failed;
          if (!six_db_commit (db, error))
            return FALSE;
          goto done;
        }
      res->redone = 0;
      g_clear_pointer (&res->redo_writes, g_ptr_array_unref);
    }

  if (!apply (db, file, res, &progress, error))
    goto failed;

  pause_before_commit ();

  if (!six_db_commit (db, &local_error))
    {
      /* Foreign keys are checked at COMMIT, as merges write records in any order. */
      if (g_error_matches (local_error, SIX_STORE_ERROR, SIX_STORE_ERROR_CONSTRAINT))
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                    "%s: a record refers to one that neither the file nor "
                                    "this database holds: ", display_name (file));
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ",
                                    display_name (file));
      return FALSE;
    }

done:
  if (result != NULL)
    *result = g_steal_pointer (&res);

  return TRUE;

failed:
  six_db_rollback (db);
  return FALSE;
}

/**
 * six_import_file:
 *
 * six_import_file_full () without cancellation or progress.
 */
/**
 * six_import_holds:
 * @db: (type SixDb): the database a file is imported into
 *
 * A #SixExchangeLookupFunc: whether @db holds a record of @kind with @id, so a file may
 * refer to it without carrying it (format §3). Resolve a file's outside references with it
 * on the thread that owns @db.
 */
gboolean
six_import_holds (const SixKind *kind,
                  const char    *id,
                  gpointer       db)
{
  return six_db_record_exists (db, kind, id);
}

gboolean
six_import_file (SixDb             *db,
                 SixExchangeFile   *file,
                 gboolean           dry_run,
                 SixImportResult  **result,
                 GError           **error)
{
  return six_import_file_full (db, file, dry_run, NULL, NULL, NULL, result, error);
}

/**
 * six_merge_counts_describe:
 *
 * What an import adds, changes, deletes and leaves alone, in words and in the user's plural
 * forms: "1 new, 2 changed, 0 deleted, 5 unchanged; 1 conflict".
 */
char *
six_merge_counts_describe (const SixMergeCounts *counts)
{
  g_autofree char *n_new = NULL;
  g_autofree char *n_changed = NULL;
  g_autofree char *n_deleted = NULL;
  g_autofree char *n_unchanged = NULL;
  g_autofree char *n_conflicts = NULL;

  g_return_val_if_fail (counts != NULL, NULL);

  /* Translators: records an import adds; each of these five is one part of a list */
  n_new = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", counts->n_new),
                           counts->n_new);
  /* Translators: records an import changes */
  n_changed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed",
                                            counts->n_changed), counts->n_changed);
  /* Translators: records an import deletes */
  n_deleted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deleted", "%u deleted",
                                            counts->n_deleted), counts->n_deleted);
  /* Translators: records an import leaves as they are */
  n_unchanged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged",
                                              counts->n_unchanged), counts->n_unchanged);
  n_conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts",
                                              counts->n_conflicts), counts->n_conflicts);

  /* Translators: "1 new, 2 changed, 0 deleted, 5 unchanged; 1 conflict" */
  return g_strdup_printf (_("%s, %s, %s, %s; %s"), n_new, n_changed, n_deleted, n_unchanged,
                          n_conflicts);
}

/* The counts as a small JSON object, as the exchange log keeps them. */
char *
six_import_counts_to_json (const SixMergeCounts *counts)
{
  g_return_val_if_fail (counts != NULL, NULL);

  return g_strdup_printf ("{\"records\": %u, \"new\": %u, \"changed\": %u, \"unchanged\": %u, "
                          "\"deleted\": %u, \"conflicts\": %u}",
                          counts->n_records, counts->n_new, counts->n_changed,
                          counts->n_unchanged, counts->n_deleted, counts->n_conflicts);
}

void
six_import_result_free (SixImportResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->plan, six_merge_plan_unref);
  g_clear_pointer (&result->redo_writes, g_ptr_array_unref);
  g_free (result->backup_path);
  g_free (result);
}
