/* six-import.h — applying an exchange file: plan, backup, one transaction, undoable as a whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-store-types.h"
#include "six-exchange-file.h"
#include "six-merge.h"

G_BEGIN_DECLS

/* Called now and then with the share of the import done, 0.0 to 1.0, on the importing thread. */
typedef void (*SixImportProgressFunc) (double   fraction,
                                       gpointer user_data);

typedef struct
{
  SixMergeCounts  counts;
  SixMergePlan   *plan;              /* %NULL when the file was already imported */
  gint64          operation;         /* for six_db_undo (); 0 when nothing was written */
  gint64          log_id;            /* the exchange log row; 0 for a dry run */
  gboolean        dry_run;
  gboolean        already_imported;  /* nothing was changed: see imported_at */
  gint64          imported_at;       /* already imported: when it first was, ms since the epoch */
  char           *backup_path;       /* %NULL: dry run, already imported, or in memory */
  gint64          redone;            /* the file's earlier import, undone, that this import
                                      * brings back (a redo, not a merge); else 0 */
  GPtrArray      *redo_writes;       /* redone: SixPendingWrite, what the redo writes */
} SixImportResult;

gboolean  six_import_file                (SixDb                  *db,
                                          SixExchangeFile        *file,
                                          gboolean                dry_run,
                                          SixImportResult       **result,
                                          GError                **error);
gboolean  six_import_file_full           (SixDb                  *db,
                                          SixExchangeFile        *file,
                                          gboolean                dry_run,
                                          GCancellable           *cancellable,
                                          SixImportProgressFunc   progress_func,
                                          gpointer                progress_data,
                                          SixImportResult       **result,
                                          GError                **error);
gboolean  six_import_holds               (const SixKind          *kind,
                                          const char             *id,
                                          gpointer                db);
char     *six_import_counts_to_json      (const SixMergeCounts   *counts);
char     *six_merge_counts_describe      (const SixMergeCounts   *counts);
void      six_import_result_free         (SixImportResult        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixImportResult, six_import_result_free)

G_END_DECLS
