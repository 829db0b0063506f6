/* six-exchange-jobs.h — the window's file work, off the main thread: a file read, previewed
 * and imported; an export, and what each sharing level would hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-exchange-writer.h"
#include "six-import.h"
#include "six-preview.h"
#include "six-repository.h"

G_BEGIN_DECLS

/* What an import's dry run or apply found. */
typedef struct
{
  SixImportResult *result;
  SixExchangeFile *exchange;  /* the file as read: an apply after a preview writes this */
  SixPreview      *preview;   /* a dry run's, unless the file was imported already */
} SixImportOutcome;

/* What an export wrote. */
typedef struct
{
  guint  n_records;
  char  *scope_label;  /* what it holds, in words: "Lebanon profile" */
} SixExportOutcome;

/* Called on the caller's main context while an import runs. */
typedef void (*SixImportProgress) (double   fraction,
                                   gpointer user_data);

void              six_import_run_async        (SixRepository          *repository,
                                               GFile                  *file,
                                               SixExchangeFile        *exchange,
                                               gboolean                dry_run,
                                               SixImportProgress       progress,
                                               gpointer                progress_data,
                                               GCancellable           *cancellable,
                                               GAsyncReadyCallback     callback,
                                               gpointer                user_data);
SixImportOutcome *six_import_run_finish       (SixRepository          *repository,
                                               GAsyncResult           *result,
                                               GError                **error);
void              six_import_outcome_free     (SixImportOutcome       *outcome);

void              six_export_run_async        (SixRepository          *repository,
                                               const SixExportOptions *options,
                                               GFile                  *file,
                                               GCancellable           *cancellable,
                                               GAsyncReadyCallback     callback,
                                               gpointer                user_data);
SixExportOutcome *six_export_run_finish       (SixRepository          *repository,
                                               GAsyncResult           *result,
                                               GError                **error);
void              six_export_outcome_free     (SixExportOutcome       *outcome);

void              six_count_levels_async      (SixRepository          *repository,
                                               SixScopeType            scope,
                                               const char             *scope_id,
                                               GCancellable           *cancellable,
                                               GAsyncReadyCallback     callback,
                                               gpointer                user_data);
SixLevelCounts   *six_count_levels_finish     (SixRepository          *repository,
                                               GAsyncResult           *result,
                                               GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixImportOutcome, six_import_outcome_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixExportOutcome, six_export_outcome_free)

G_END_DECLS
