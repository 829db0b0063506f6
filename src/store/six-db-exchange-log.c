/* six-db-exchange-log.c — the files imported and exported, so a file is never imported twice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-db-exchange-log"

#include "config.h"

#include "six-db.h"
#include "six-db-private.h"

/* An import whose operation was undone (and not redone) no longer stands. */
#define LOG_COLUMNS \
  "SELECT id, direction, export_id, checksum, origin, origin_name, file_name, at, counts, " \
  "operation, EXISTS (SELECT 1 FROM operation WHERE operation.id = exchange_log.operation " \
  "AND operation.undone = 1) AS undone FROM exchange_log "

void
six_exchange_log_entry_free (SixExchangeLogEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->export_id);
  g_free (entry->checksum);
  g_free (entry->origin);
  g_free (entry->origin_name);
  g_free (entry->file_name);
  g_free (entry->counts);
  g_free (entry);
}

static const char *
direction_to_string (SixExchangeDirection direction)
{
  return direction == SIX_EXCHANGE_DIRECTION_EXPORT ? "export" : "import";
}

static char *
dup_column (SixStmt *stmt,
            int      column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static SixExchangeLogEntry *
read_entry (SixStmt *stmt)
{
  SixExchangeLogEntry *entry = g_new0 (SixExchangeLogEntry, 1);
  const char *direction = (const char *) sqlite3_column_text (stmt, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->direction = g_strcmp0 (direction, "export") == 0 ? SIX_EXCHANGE_DIRECTION_EXPORT
                                                          : SIX_EXCHANGE_DIRECTION_IMPORT;
  entry->export_id = dup_column (stmt, 2);
  entry->checksum = dup_column (stmt, 3);
  entry->origin = dup_column (stmt, 4);
  entry->origin_name = dup_column (stmt, 5);
  entry->file_name = dup_column (stmt, 6);
  entry->at = sqlite3_column_int64 (stmt, 7);
  entry->counts = dup_column (stmt, 8);
  entry->operation = sqlite3_column_int64 (stmt, 9);
  entry->undone = sqlite3_column_int (stmt, 10) != 0;

  return entry;
}

/**
 * six_db_log_exchange:
 * @entry: what to record; its id is ignored, and an @at of 0 means now
 *
 * Records one import or export, inside the caller's transaction if one is open.
 *
 * Returns: the new row's id, or 0 with @error set
 */
gint64
six_db_log_exchange (SixDb                     *db,
                     const SixExchangeLogEntry *entry,
                     GError                   **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (entry != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!six_db_begin (db, error))
    return 0;

  stmt = _six_db_prepare (db,
    "INSERT INTO exchange_log (direction, export_id, checksum, origin, origin_name, "
    "file_name, at, counts, operation) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    goto failed;

  _six_db_bind_text (stmt, 1, direction_to_string (entry->direction));
  _six_db_bind_text (stmt, 2, entry->export_id);
  _six_db_bind_text (stmt, 3, entry->checksum);
  _six_db_bind_text (stmt, 4, entry->origin);
  _six_db_bind_text (stmt, 5, entry->origin_name);
  _six_db_bind_text (stmt, 6, entry->file_name);
  sqlite3_bind_int64 (stmt, 7, entry->at > 0 ? entry->at : six_db_now (db));
  _six_db_bind_text (stmt, 8, entry->counts);
  if (entry->operation > 0)
    sqlite3_bind_int64 (stmt, 9, entry->operation);
  if (!_six_db_step_done (db, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (db->handle);
  g_clear_pointer (&stmt, _six_stmt_release);

  if (!six_db_commit (db, error))
    return 0;

  return id;

failed:
  six_db_rollback (db);
  return 0;
}

/**
 * six_db_find_import:
 * @export_id: the file's export id
 * @checksum: (nullable): the file's checksum; %NULL matches only a file logged without one
 * @entry: (out) (optional) (nullable): the earliest import of that file that stands, else the
 *   earliest one undone since (its entry's undone is set), or %NULL
 *
 * Returns: %FALSE on a database error; otherwise %TRUE, found or not
 */
gboolean
six_db_find_import (SixDb                *db,
                    const char           *export_id,
                    const char           *checksum,
                    SixExchangeLogEntry **entry,
                    GError              **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (export_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (entry != NULL)
    *entry = NULL;

  /* IS, not =, so a file without a checksum is found again too. */
  stmt = _six_db_prepare (db, LOG_COLUMNS
    "WHERE direction = 'import' AND export_id = ?1 AND checksum IS ?2 "
    "ORDER BY undone, id LIMIT 1",
    error);
  if (stmt == NULL)
    return FALSE;

  _six_db_bind_text (stmt, 1, export_id);
  _six_db_bind_text (stmt, 2, checksum);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _six_db_fail (db, rc, error);

  if (entry != NULL)
    *entry = read_entry (stmt);

  return TRUE;
}

/**
 * six_db_list_exchanges:
 * @limit: at most this many, or 0 for all
 *
 * Returns: (element-type SixExchangeLogEntry): the history, newest first
 */
GPtrArray *
six_db_list_exchanges (SixDb    *db,
                       guint     limit,
                       GError  **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(SixStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _six_db_prepare (db, LOG_COLUMNS "ORDER BY id DESC LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) six_exchange_log_entry_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, read_entry (stmt));

  if (rc != SQLITE_DONE)
    {
      _six_db_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}
