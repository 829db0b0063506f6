/* six-db-journal.c — operations, undo and the conflict log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-db-journal"

#include "config.h"

#include "six-db.h"
#include "six-db-private.h"

#include <glib/gi18n.h>

/* How many operations the undo history keeps. */
#define OPERATIONS_KEPT 100

void
six_operation_free (SixOperation *operation)
{
  if (operation == NULL)
    return;

  g_free (operation->label);
  g_free (operation);
}

void
six_conflict_free (SixConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->record_id);
  g_free (conflict->extra_field);
  g_clear_pointer (&conflict->lost_value, g_variant_unref);
  g_clear_pointer (&conflict->won_value, g_variant_unref);
  six_field_stamp_clear (&conflict->lost_stamp);
  six_field_stamp_clear (&conflict->won_stamp);
  g_free (conflict);
}

gint64
_six_db_open_operation (SixDb       *db,
                        const char  *label,
                        gint64       undo_of,
                        GError     **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  gint64 id;

  stmt = _six_db_prepare (db,
    "INSERT INTO operation (label, created_at, undo_of) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return 0;

  _six_db_bind_text (stmt, 1, label);
  sqlite3_bind_int64 (stmt, 2, six_db_now (db));
  if (undo_of > 0)
    sqlite3_bind_int64 (stmt, 3, undo_of);
  if (!_six_db_step_done (db, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (db->handle);
  g_array_append_val (db->operations, ((SixDbOperation) { id, 0 }));

  return id;
}

/* Counted as they are written: a created record has one journal entry for all its fields.
 * An operation rolled back to a savepoint is rolled back with its writes, so the count
 * of one that commits is exact. */
void
_six_db_count_change (SixDb  *db,
                      gint64  operation)
{
  for (guint i = db->operations->len; i > 0; i--)
    {
      SixDbOperation *open = &g_array_index (db->operations, SixDbOperation, i - 1);

      if (open->id == operation)
        {
          open->n_changes++;
          return;
        }
    }
}

/* At the outermost commit: count what each operation changed, and forget the oldest. */
gboolean
_six_db_flush_operations (SixDb   *db,
                          GError **error)
{
  gint64 oldest_kept;

  if (db->operations->len == 0)
    return TRUE;

  for (guint i = 0; i < db->operations->len; i++)
    {
      SixDbOperation *open = &g_array_index (db->operations, SixDbOperation, i);
      g_autoptr(SixStmt) stmt = _six_db_prepare (db,
        "UPDATE operation SET n_changes = ?2 WHERE id = ?1", error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, open->id);
      sqlite3_bind_int64 (stmt, 2, open->n_changes);
      if (!_six_db_step_done (db, stmt, error))
        return FALSE;
    }

  g_array_set_size (db->operations, 0);

  {
    g_autoptr(SixStmt) stmt = _six_db_prepare (db,
      "SELECT id FROM operation ORDER BY id DESC LIMIT 1 OFFSET ?1", error);
    int rc;

    if (stmt == NULL)
      return FALSE;

    sqlite3_bind_int (stmt, 1, OPERATIONS_KEPT - 1);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      return TRUE;
    if (rc != SQLITE_ROW)
      return _six_db_fail (db, rc, error);

    oldest_kept = sqlite3_column_int64 (stmt, 0);
  }

  /* No foreign key ties the journal to its operation (it would cost a lookup per write),
   * so both go here. */
  {
    g_autoptr(SixStmt) stmt = _six_db_prepare (db, "DELETE FROM operation WHERE id < ?1",
                                               error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, oldest_kept);
    if (!_six_db_step_done (db, stmt, error))
      return FALSE;
  }

  {
    g_autoptr(SixStmt) stmt = _six_db_prepare (db, "DELETE FROM journal WHERE operation < ?1",
                                               error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, oldest_kept);

    return _six_db_step_done (db, stmt, error);
  }
}

/* Opens an operation for six_db_put_field () inside the caller's transaction. */
gint64
six_db_begin_operation (SixDb       *db,
                        const char  *label,
                        GError     **error)
{
  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (db->depth > 0, 0);
  g_return_val_if_fail (label != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return _six_db_open_operation (db, label, 0, error);
}

/**
 * six_db_list_operations:
 * @limit: at most this many, or 0 for all that are kept
 *
 * Returns: (element-type SixOperation): the newest first
 */
GPtrArray *
six_db_list_operations (SixDb    *db,
                        guint     limit,
                        GError  **error)
{
  g_autoptr(GPtrArray) operations = NULL;
  g_autoptr(SixStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _six_db_prepare (db,
    "SELECT id, label, created_at, n_changes, undone FROM operation "
    "ORDER BY id DESC LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  operations = g_ptr_array_new_with_free_func ((GDestroyNotify) six_operation_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SixOperation *operation = g_new0 (SixOperation, 1);

      operation->id = sqlite3_column_int64 (stmt, 0);
      operation->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      operation->created_at = sqlite3_column_int64 (stmt, 2);
      operation->n_changes = (guint) sqlite3_column_int64 (stmt, 3);
      operation->undone = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (operations, operation);
    }

  if (rc != SQLITE_DONE)
    {
      _six_db_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&operations);
}

typedef struct
{
  const SixKind *kind;
  char          *record_id;
  guint          field;
  char          *extra;           /* the name of a field of a newer version, or %NULL */
  char          *before;
  char          *after;
  gboolean       existed_before;
} JournalEntry;

static void
journal_entry_clear (gpointer data)
{
  JournalEntry *entry = data;

  g_free (entry->record_id);
  g_free (entry->extra);
  g_free (entry->before);
  g_free (entry->after);
}

/* Loaded before writing, since the undo's own entries go into the same table. */
static GArray *
load_journal (SixDb    *db,
              gint64    operation,
              GError  **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (JournalEntry));
  g_autoptr(SixStmt) stmt = NULL;
  int rc;

  g_array_set_clear_func (entries, journal_entry_clear);

  stmt = _six_db_prepare (db,
    "SELECT kind, record_id, field, before, after, existed_before FROM journal "
    "WHERE operation = ?1 ORDER BY seq DESC", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, operation);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind_name = (const char *) sqlite3_column_text (stmt, 0);
      const char *field_name = (const char *) sqlite3_column_text (stmt, 2);
      const SixKind *kind = kind_name != NULL ? six_kind_lookup (kind_name) : NULL;
      int field = kind != NULL && field_name != NULL ? six_kind_field_index (kind, field_name) : -1;
      JournalEntry entry;

      if (kind == NULL || field_name == NULL)
        {
          g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT,
                       "%s: operation %" G_GINT64_FORMAT " names an unknown field %s.%s",
                       db->path, operation, kind_name, field_name);
          return NULL;
        }

      entry.kind = kind;
      entry.record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      /* A field we have no column for is one of a newer version, kept in extra_field. */
      entry.field = field >= 0 ? (guint) field : G_MAXUINT;
      entry.extra = field >= 0 ? NULL : g_strdup (field_name);
      entry.before = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry.after = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry.existed_before = sqlite3_column_int (stmt, 5) != 0;
      g_array_append_val (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _six_db_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

static char *
record_key (const SixKind *kind,
            const char    *id)
{
  return g_strconcat (kind->name, "/", id, NULL);
}

/* Writes @value over the current one as a new local write, unless it is already there. */
static gboolean
write_back (SixDb          *db,
            gint64          operation,
            const SixKind  *kind,
            const char     *id,
            guint           field,
            GVariant       *expected,
            gboolean        check_expected,
            GVariant       *value,
            gboolean       *skipped,
            GError        **error)
{
  g_autoptr(GVariant) current = NULL;
  g_autoptr(SixVersionVector) vv = NULL;
  gboolean exists;

  *skipped = FALSE;

  if (!_six_db_read_field (db, kind, id, field, &exists, &current, error))
    return FALSE;

  if (!exists)
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND,
                   _("%s %s does not exist"), kind->name, id);
      return FALSE;
    }

  /* Changed since: a later edit wins over the undo. */
  if (check_expected && !_six_db_values_equal (current, expected))
    {
      *skipped = TRUE;
      return TRUE;
    }

  if (_six_db_values_equal (current, value))
    return TRUE;

  if (!_six_db_read_record_vv (db, kind, id, &vv, error))
    return FALSE;

  return _six_db_local_write (db, operation, kind, id, field, TRUE, &vv, current, value, NULL,
                              error);
}

/* write_back () for a field of a newer version. */
static gboolean
write_back_extra (SixDb          *db,
                  gint64          operation,
                  const SixKind  *kind,
                  const char     *id,
                  const char     *name,
                  const char     *expected,
                  gboolean        check_expected,
                  const char     *json,
                  gboolean       *skipped,
                  GError        **error)
{
  g_autofree char *current = NULL;
  g_autoptr(SixVersionVector) vv = NULL;

  *skipped = FALSE;

  if (!_six_db_read_extra (db, kind, id, name, &current, error))
    return FALSE;

  if (check_expected && g_strcmp0 (current, expected) != 0)
    {
      *skipped = TRUE;
      return TRUE;
    }

  if (g_strcmp0 (current, json) == 0)
    return TRUE;

  if (!_six_db_read_record_vv (db, kind, id, &vv, error))
    return FALSE;

  return _six_db_local_write_extra (db, operation, kind, id, name, &vv, current, json, error);
}

static gboolean
undo_entry (SixDb         *db,
            gint64         undo,
            JournalEntry  *entry,
            gboolean      *skipped,
            GError       **error)
{
  const SixField *field;
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) after = NULL;

  if (entry->extra != NULL)
    return write_back_extra (db, undo, entry->kind, entry->record_id, entry->extra,
                             entry->after, TRUE, entry->before, skipped, error);

  field = &entry->kind->fields[entry->field];

  return _six_db_value_from_text (field, entry->before, &before, error) &&
         _six_db_value_from_text (field, entry->after, &after, error) &&
         write_back (db, undo, entry->kind, entry->record_id, entry->field, after, TRUE,
                     before, skipped, error);
}

static gboolean
undo_entries (SixDb    *db,
              gint64    undo,
              GArray   *entries,
              guint    *n_skipped,
              GError  **error)
{
  g_autoptr(GHashTable) created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) created_order = g_ptr_array_new ();
  g_autoptr(GVariant) deleted = g_variant_ref_sink (g_variant_new_boolean (TRUE));

  /* A record the operation created is tombstoned as a whole, not unwound field by field. */
  for (guint i = 0; i < entries->len; i++)
    {
      JournalEntry *entry = &g_array_index (entries, JournalEntry, i);

      if (!entry->existed_before)
        {
          char *key = record_key (entry->kind, entry->record_id);

          if (g_hash_table_add (created, key))
            g_ptr_array_insert (created_order, 0, entry);
        }
    }

  for (guint i = 0; i < entries->len; i++)
    {
      JournalEntry *entry = &g_array_index (entries, JournalEntry, i);
      g_autofree char *key = record_key (entry->kind, entry->record_id);
      gboolean skipped;

      if (g_hash_table_contains (created, key))
        continue;

      if (!undo_entry (db, undo, entry, &skipped, error))
        return FALSE;

      if (skipped)
        (*n_skipped)++;
    }

  for (guint i = 0; i < created_order->len; i++)
    {
      JournalEntry *entry = created_order->pdata[i];
      gboolean skipped;

      if (!write_back (db, undo, entry->kind, entry->record_id, SIX_FIELD_DELETED, NULL, FALSE,
                       deleted, &skipped, error))
        return FALSE;
    }

  return TRUE;
}

/* How far @operation is from the edit or import it goes back to (0: it is one; 1: an undo
 * of one; 2: a redo; …), and that root operation. Returns %FALSE with @error on a database
 * error; a chain the history no longer holds gives a root of 0. */
static gboolean
find_root (SixDb    *db,
           gint64    operation,
           gint64   *root,
           guint    *depth,
           GError  **error)
{
  g_autoptr(SixStmt) stmt = _six_db_prepare (db,
    "SELECT undo_of FROM operation WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  *root = operation;
  *depth = 0;

  /* The history keeps at most OPERATIONS_KEPT: a longer chain is a damaged one. */
  for (guint i = 0; i <= OPERATIONS_KEPT; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, *root);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          *root = 0;
          return TRUE;
        }
      if (rc != SQLITE_ROW)
        return _six_db_fail (db, rc, error);
      if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
        return TRUE;

      *root = sqlite3_column_int64 (stmt, 0);
      (*depth)++;
    }

  *root = 0;

  return TRUE;
}

static gboolean
set_undone (SixDb     *db,
            gint64     operation,
            gboolean   undone,
            GError   **error)
{
  g_autoptr(SixStmt) stmt = _six_db_prepare (db,
    "UPDATE operation SET undone = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, operation);
  sqlite3_bind_int (stmt, 2, undone ? 1 : 0);

  return _six_db_step_done (db, stmt, error);
}

/* Inside a transaction: writes back what @operation changed, as a new operation. */
static gint64
reverse (SixDb    *db,
         gint64    operation,
         GError  **error)
{
  g_autoptr(GArray) entries = NULL;
  g_autofree char *label = NULL;
  g_autofree char *root_label = NULL;
  g_autofree char *undo_label = NULL;
  guint n_skipped = 0;
  gint64 undo;
  gint64 root;
  guint depth;
  int rc;

  {
    g_autoptr(SixStmt) stmt = _six_db_prepare (db,
      "SELECT id, label, undone FROM operation WHERE id = ?1", error);

    if (stmt == NULL)
      return 0;

    sqlite3_bind_int64 (stmt, 1, operation);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      {
        g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND,
                     _("That change is no longer in the history"));
        return 0;
      }
    if (rc != SQLITE_ROW)
      {
        _six_db_fail (db, rc, error);
        return 0;
      }

    label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    if (sqlite3_column_int (stmt, 2) != 0)
      {
        g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOTHING_TO_UNDO,
                     _("“%s” was already undone"), label);
        return 0;
      }
  }

  if (!find_root (db, operation, &root, &depth, error))
    return 0;

  entries = load_journal (db, operation, error);
  if (entries == NULL)
    return 0;

  /* The history names what the user did: an edit's undo, or its redo. */
  if (depth % 2 == 1 && root > 0)
    {
      g_autoptr(SixStmt) stmt = _six_db_prepare (db,
        "SELECT label FROM operation WHERE id = ?1", error);

      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, root);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        root_label = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  undo_label = root_label != NULL ? g_strdup_printf ("Redo: %s", root_label)
                                  : g_strdup_printf ("Undo: %s", label);

  undo = _six_db_open_operation (db, undo_label, operation, error);
  if (undo == 0 || !undo_entries (db, undo, entries, &n_skipped, error))
    return 0;

  if (n_skipped > 0)
    g_debug ("Undo of “%s”: %u fields changed since were kept", label, n_skipped);

  /* What the user did stands again when an odd number of steps now reverse it: the edit
   * (or import) is undone after an undo of it or of its redo, in effect after a redo. */
  if (!set_undone (db, operation, TRUE, error) ||
      (root > 0 && root != operation && !set_undone (db, root, depth % 2 == 0, error)))
    return 0;

  return undo;
}

/**
 * six_db_undo:
 * @operation: the operation to undo, or 0 for the newest edit, import or redo still in
 *   effect: each call steps one further back through the history
 *
 * Writes the old values back as new local writes, so an undo merges like any edit.
 * Fields changed since the operation keep their newer value. Undoing an undo is a redo.
 *
 * Returns: the id of the undo's own operation
 */
gint64
six_db_undo (SixDb    *db,
             gint64    operation,
             GError  **error)
{
  gint64 undo;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (operation >= 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!six_db_begin (db, error))
    return 0;

  /* The newest thing the user did that is still in effect: never an undo itself, so that
   * undoing again steps further back instead of undoing the undo. */
  if (operation == 0)
    {
      g_autoptr(SixStmt) stmt = _six_db_prepare (db,
        "SELECT id FROM operation WHERE undone = 0 AND undo_of IS NULL "
        "ORDER BY id DESC LIMIT 1", error);
      int rc;

      if (stmt == NULL)
        goto failed;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error_literal (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOTHING_TO_UNDO,
                               _("There is nothing to undo"));
          goto failed;
        }
      if (rc != SQLITE_ROW)
        {
          _six_db_fail (db, rc, error);
          goto failed;
        }
      operation = sqlite3_column_int64 (stmt, 0);
    }

  undo = reverse (db, operation, error);
  if (undo == 0)
    goto failed;

  if (!six_db_commit (db, error))
    return 0;

  return undo;

failed:
  six_db_rollback (db);
  return 0;
}

/* Inside a transaction: the newest undo still standing since the last edit or import, or
 * 0: a new edit or import ends what can be redone. */
static gint64
find_redo (SixDb   *db,
           GError **error)
{
  g_autoptr(SixStmt) stmt = _six_db_prepare (db,
    "SELECT id FROM operation WHERE undone = 0 AND undo_of IS NOT NULL AND id > "
    "(SELECT COALESCE (MAX (id), 0) FROM operation WHERE undo_of IS NULL) "
    "ORDER BY id DESC", error);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return -1;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (candidates, id);
    }
  if (rc != SQLITE_DONE)
    {
      _six_db_fail (db, rc, error);
      return -1;
    }
  g_clear_pointer (&stmt, _six_stmt_release);

  /* An undo reverses an edit; a redo (an undo of an undo) is not one to redo. */
  for (guint i = 0; i < candidates->len; i++)
    {
      gint64 root;
      guint depth;

      if (!find_root (db, g_array_index (candidates, gint64, i), &root, &depth, error))
        return -1;
      if (root > 0 && depth % 2 == 1)
        return g_array_index (candidates, gint64, i);
    }

  return 0;
}

/**
 * six_db_redo:
 *
 * Redoes what the newest undo undid, as a new local write; each call steps one further
 * forward, until an edit or import made since the undos.
 *
 * Returns: the id of the redo's own operation, or 0 with @error set
 *   (%SIX_STORE_ERROR_NOTHING_TO_REDO when there is nothing to redo)
 */
gint64
six_db_redo (SixDb    *db,
             GError  **error)
{
  gint64 undo;
  gint64 redo;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!six_db_begin (db, error))
    return 0;

  undo = find_redo (db, error);
  if (undo < 0)
    goto failed;
  if (undo == 0)
    {
      g_set_error_literal (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOTHING_TO_REDO,
                           _("There is nothing to redo"));
      goto failed;
    }

  redo = reverse (db, undo, error);
  if (redo == 0)
    goto failed;

  if (!six_db_commit (db, error))
    return 0;

  return redo;

failed:
  six_db_rollback (db);
  return 0;
}

/**
 * six_db_find_reversal:
 * @operation: an edit or import
 *
 * Returns: the newest operation standing that reverses @operation (its undo, or the undo of
 *   its redo), 0 when none does, or -1 with @error set
 */
gint64
six_db_find_reversal (SixDb    *db,
                      gint64    operation,
                      GError  **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  stmt = _six_db_prepare (db,
    "WITH RECURSIVE chain (id, depth) AS ("
    "  SELECT id, 1 FROM operation WHERE undo_of = ?1"
    "  UNION ALL SELECT operation.id, chain.depth + 1 FROM operation"
    "  JOIN chain ON operation.undo_of = chain.id) "
    "SELECT chain.id FROM chain JOIN operation ON operation.id = chain.id "
    "WHERE chain.depth % 2 = 1 AND operation.undone = 0 ORDER BY chain.id DESC LIMIT 1",
    error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, operation);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      _six_db_fail (db, rc, error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

void
six_pending_write_free (SixPendingWrite *write)
{
  if (write == NULL)
    return;

  g_free (write->record_id);
  g_free (write->field);
  g_clear_pointer (&write->current, g_variant_unref);
  g_clear_pointer (&write->value, g_variant_unref);
  g_free (write);
}

/**
 * six_db_plan_undo:
 * @operation: an operation in the history
 *
 * What six_db_undo () of @operation would write, without writing: the fields it changed
 * that hold its value still (a field changed since keeps its newer value). A field of a
 * newer version carries its JSON text as a string.
 *
 * Returns: (element-type SixPendingWrite): the writes, or %NULL with @error set
 */
GPtrArray *
six_db_plan_undo (SixDb    *db,
                  gint64    operation,
                  GError  **error)
{
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GPtrArray) writes = NULL;
  g_autoptr(GHashTable) created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entries = load_journal (db, operation, error);
  if (entries == NULL)
    return NULL;

  writes = g_ptr_array_new_with_free_func ((GDestroyNotify) six_pending_write_free);

  for (guint i = 0; i < entries->len; i++)
    {
      JournalEntry *entry = &g_array_index (entries, JournalEntry, i);
      g_autofree char *key = record_key (entry->kind, entry->record_id);
      g_autoptr(GVariant) before = NULL;
      g_autoptr(GVariant) after = NULL;
      g_autoptr(GVariant) current = NULL;
      SixPendingWrite *write;
      gboolean exists;

      /* A record the operation created is tombstoned, as six_db_undo () does. */
      if (!entry->existed_before)
        {
          if (!g_hash_table_add (created, g_steal_pointer (&key)))
            continue;
          if (!_six_db_read_field (db, entry->kind, entry->record_id, SIX_FIELD_DELETED,
                                   &exists, &current, error))
            return NULL;
          if (current != NULL && g_variant_get_boolean (current))
            continue;

          write = g_new0 (SixPendingWrite, 1);
          write->kind = entry->kind;
          write->record_id = g_strdup (entry->record_id);
          write->field = g_strdup ("deleted");
          write->current = current != NULL ? g_variant_ref (current) : NULL;
          write->value = g_variant_ref_sink (g_variant_new_boolean (TRUE));
          g_ptr_array_add (writes, write);
          continue;
        }

      if (entry->extra != NULL)
        {
          g_autofree char *json = NULL;

          if (!_six_db_read_extra (db, entry->kind, entry->record_id, entry->extra, &json,
                                   error))
            return NULL;
          if (g_strcmp0 (json, entry->after) != 0 || g_strcmp0 (json, entry->before) == 0)
            continue;

          write = g_new0 (SixPendingWrite, 1);
          write->kind = entry->kind;
          write->record_id = g_strdup (entry->record_id);
          write->field = g_strdup (entry->extra);
          write->current = json != NULL ? g_variant_ref_sink (g_variant_new_string (json)) : NULL;
          write->value = entry->before != NULL
                         ? g_variant_ref_sink (g_variant_new_string (entry->before)) : NULL;
          g_ptr_array_add (writes, write);
          continue;
        }

      if (!_six_db_value_from_text (&entry->kind->fields[entry->field], entry->before, &before,
                                    error) ||
          !_six_db_value_from_text (&entry->kind->fields[entry->field], entry->after, &after,
                                    error) ||
          !_six_db_read_field (db, entry->kind, entry->record_id, entry->field, &exists,
                               &current, error))
        return NULL;

      /* Changed since, or already as it was: nothing to write. */
      if (!exists || !_six_db_values_equal (current, after) ||
          _six_db_values_equal (current, before))
        continue;

      write = g_new0 (SixPendingWrite, 1);
      write->kind = entry->kind;
      write->record_id = g_strdup (entry->record_id);
      write->field = g_strdup (entry->kind->fields[entry->field].name);
      write->current = current != NULL ? g_variant_ref (current) : NULL;
      write->value = before != NULL ? g_variant_ref (before) : NULL;
      g_ptr_array_add (writes, write);
    }

  return g_steal_pointer (&writes);
}

static void
bind_stamp (SixStmt             *stmt,
            int                  first,
            const SixFieldStamp *stamp)
{
  if (stamp->vv != NULL)
    sqlite3_bind_text (stmt, first, six_version_vector_to_string (stamp->vv), -1, g_free);
  if (stamp->hlc.replica != NULL)
    {
      sqlite3_bind_int64 (stmt, first + 1, stamp->hlc.wall);
      sqlite3_bind_int64 (stmt, first + 2, stamp->hlc.counter);
      _six_db_bind_text (stmt, first + 3, stamp->hlc.replica);
    }
  _six_db_bind_text (stmt, first + 4, stamp->source);
}

static const char *
conflict_field_name (const SixConflict *conflict)
{
  if (conflict->field == SIX_CONFLICT_EXTRA_FIELD)
    return conflict->extra_field;

  return conflict->kind->fields[conflict->field].name;
}

/* Records the losing value of a concurrent merge; the caller's operation produced it. */
gboolean
six_db_add_conflict (SixDb              *db,
                     const SixConflict  *conflict,
                     GError            **error)
{
  g_autoptr(SixStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);
  g_return_val_if_fail (conflict->kind != NULL, FALSE);
  g_return_val_if_fail (conflict->record_id != NULL, FALSE);
  g_return_val_if_fail (conflict->field < conflict->kind->n_fields ||
                        (conflict->field == SIX_CONFLICT_EXTRA_FIELD &&
                         conflict->extra_field != NULL &&
                         six_kind_field_index (conflict->kind, conflict->extra_field) < 0),
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!six_db_begin (db, error))
    return FALSE;

  stmt = _six_db_prepare (db,
    "INSERT INTO conflict (kind, record_id, field, "
    "lost_value, lost_vv, lost_hlc_wall, lost_hlc_counter, lost_hlc_replica, lost_source, "
    "won_value, won_vv, won_hlc_wall, won_hlc_counter, won_hlc_replica, won_source, "
    "operation, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    error);
  if (stmt == NULL)
    goto failed;

  _six_db_bind_text (stmt, 1, conflict->kind->name);
  _six_db_bind_text (stmt, 2, conflict->record_id);
  _six_db_bind_text (stmt, 3, conflict_field_name (conflict));
  sqlite3_bind_text (stmt, 4, _six_db_value_to_text (conflict->lost_value), -1, g_free);
  bind_stamp (stmt, 5, &conflict->lost_stamp);
  sqlite3_bind_text (stmt, 10, _six_db_value_to_text (conflict->won_value), -1, g_free);
  bind_stamp (stmt, 11, &conflict->won_stamp);
  if (conflict->operation > 0)
    sqlite3_bind_int64 (stmt, 16, conflict->operation);
  sqlite3_bind_int64 (stmt, 17, conflict->created_at > 0 ? conflict->created_at
                                                          : six_db_now (db));
  if (!_six_db_step_done (db, stmt, error))
    goto failed;

  g_clear_pointer (&stmt, _six_stmt_release);

  return six_db_commit (db, error);

failed:
  six_db_rollback (db);
  return FALSE;
}

static gboolean
read_conflict_stamp (SixDb          *db,
                     SixStmt        *stmt,
                     int             first,
                     SixFieldStamp  *stamp,
                     GError        **error)
{
  const char *vv = (const char *) sqlite3_column_text (stmt, first);
  const char *replica = (const char *) sqlite3_column_text (stmt, first + 3);

  if (vv != NULL)
    {
      stamp->vv = six_version_vector_parse (vv, error);
      if (stamp->vv == NULL)
        {
          g_prefix_error (error, _("%s: conflict: "), db->path);
          return FALSE;
        }
    }

  if (replica != NULL)
    {
      stamp->hlc.wall = sqlite3_column_int64 (stmt, first + 1);
      stamp->hlc.counter = (guint32) sqlite3_column_int64 (stmt, first + 2);
      stamp->hlc.replica = g_intern_string (replica);
    }

  stamp->source = g_strdup ((const char *) sqlite3_column_text (stmt, first + 4));

  return TRUE;
}

/* Restored, unless the operation that restored it has been undone. */
#define CONFLICT_RESTORED \
  "(restored = 1 AND NOT EXISTS (SELECT 1 FROM operation " \
  "WHERE operation.id = conflict.restored_by AND operation.undone = 1))"

/* Made by an import or edit since undone: that merge no longer stands. */
#define CONFLICT_UNDONE \
  "EXISTS (SELECT 1 FROM operation " \
  "WHERE operation.id = conflict.operation AND operation.undone = 1)"

#define CONFLICT_COLUMNS \
  "SELECT id, kind, record_id, field, " \
  "lost_value, lost_vv, lost_hlc_wall, lost_hlc_counter, lost_hlc_replica, lost_source, " \
  "won_value, won_vv, won_hlc_wall, won_hlc_counter, won_hlc_replica, won_source, " \
  "operation, created_at, " CONFLICT_RESTORED " FROM conflict "

static SixConflict *
read_conflict (SixDb    *db,
               SixStmt  *stmt,
               GError  **error)
{
  g_autoptr(SixConflict) conflict = g_new0 (SixConflict, 1);
  const char *kind_name = (const char *) sqlite3_column_text (stmt, 1);
  const char *field_name = (const char *) sqlite3_column_text (stmt, 3);
  /* A field of a newer version: its values are kept as JSON text in strings. */
  SixField extra = { field_name, SIX_FIELD_TEXT, SIX_FIELD_FLAGS_NONE, NULL, NULL };
  const SixField *field = &extra;
  int index;

  conflict->id = sqlite3_column_int64 (stmt, 0);
  conflict->kind = kind_name != NULL ? six_kind_lookup (kind_name) : NULL;
  if (conflict->kind == NULL || field_name == NULL || field_name[0] == '\0')
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT,
                   "%s: conflict %" G_GINT64_FORMAT " names an unknown field %s.%s",
                   db->path, conflict->id, kind_name, field_name);
      return NULL;
    }

  index = six_kind_field_index (conflict->kind, field_name);
  if (index >= 0)
    {
      conflict->field = (guint) index;
      field = &conflict->kind->fields[index];
    }
  else
    {
      conflict->field = SIX_CONFLICT_EXTRA_FIELD;
      conflict->extra_field = g_strdup (field_name);
    }

  conflict->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));

  if (!_six_db_value_from_text (field, (const char *) sqlite3_column_text (stmt, 4),
                                &conflict->lost_value, error) ||
      !read_conflict_stamp (db, stmt, 5, &conflict->lost_stamp, error) ||
      !_six_db_value_from_text (field, (const char *) sqlite3_column_text (stmt, 10),
                                &conflict->won_value, error) ||
      !read_conflict_stamp (db, stmt, 11, &conflict->won_stamp, error))
    return NULL;

  conflict->operation = sqlite3_column_int64 (stmt, 16);
  conflict->created_at = sqlite3_column_int64 (stmt, 17);
  conflict->restored = sqlite3_column_int (stmt, 18) != 0;

  return g_steal_pointer (&conflict);
}

/**
 * six_db_list_conflicts:
 * @include_restored: every conflict ever logged; otherwise only those waiting for review:
 *   not restored (or restored by an operation since undone), and made by an import or edit
 *   that still stands
 *
 * Returns: (element-type SixConflict): the newest first
 */
GPtrArray *
six_db_list_conflicts (SixDb     *db,
                       gboolean   include_restored,
                       GError   **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(SixStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (include_restored)
    stmt = _six_db_prepare (db, CONFLICT_COLUMNS "ORDER BY id DESC", error);
  else
    stmt = _six_db_prepare (db, CONFLICT_COLUMNS "WHERE NOT " CONFLICT_RESTORED
                            " AND NOT " CONFLICT_UNDONE " ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;

  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) six_conflict_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SixConflict *conflict = read_conflict (db, stmt, error);

      if (conflict == NULL)
        return NULL;
      g_ptr_array_add (conflicts, conflict);
    }

  if (rc != SQLITE_DONE)
    {
      _six_db_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&conflicts);
}

/* The losing value written back over whatever holds the field now. */
static gboolean
restore_value (SixDb              *db,
               gint64              operation,
               const SixConflict  *conflict,
               GError            **error)
{
  gboolean skipped;

  if (conflict->field != SIX_CONFLICT_EXTRA_FIELD)
    return write_back (db, operation, conflict->kind, conflict->record_id, conflict->field,
                       NULL, FALSE, conflict->lost_value, &skipped, error);

  return write_back_extra (db, operation, conflict->kind, conflict->record_id,
                           conflict->extra_field, NULL, FALSE,
                           conflict->lost_value != NULL
                           ? g_variant_get_string (conflict->lost_value, NULL) : NULL,
                           &skipped, error);
}

/**
 * six_db_restore_conflict:
 *
 * Writes the value that lost back as a new local write, in an operation of its own.
 *
 * Returns: the operation's id
 */
gint64
six_db_restore_conflict (SixDb    *db,
                         gint64    conflict_id,
                         GError  **error)
{
  g_autoptr(SixConflict) conflict = NULL;
  g_autofree char *label = NULL;
  gint64 operation;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!six_db_begin (db, error))
    return 0;

  {
    g_autoptr(SixStmt) stmt = _six_db_prepare (db, CONFLICT_COLUMNS "WHERE id = ?1", error);
    int rc;

    if (stmt == NULL)
      goto failed;

    sqlite3_bind_int64 (stmt, 1, conflict_id);
    rc = sqlite3_step (stmt);
    if (rc == SQLITE_DONE)
      {
        g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND,
                     _("That conflict is no longer in the log"));
        goto failed;
      }
    if (rc != SQLITE_ROW)
      {
        _six_db_fail (db, rc, error);
        goto failed;
      }

    conflict = read_conflict (db, stmt, error);
    if (conflict == NULL)
      goto failed;
  }

  if (conflict->restored)
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID,
                   _("%s %s: %s: the value was already restored"), conflict->kind->name,
                   conflict->record_id, conflict_field_name (conflict));
      goto failed;
    }

  label = g_strdup_printf ("Restore %s of %s %s", conflict_field_name (conflict),
                           conflict->kind->name, conflict->record_id);
  operation = _six_db_open_operation (db, label, 0, error);
  if (operation == 0 || !restore_value (db, operation, conflict, error))
    goto failed;

  {
    g_autoptr(SixStmt) stmt = _six_db_prepare (db,
      "UPDATE conflict SET restored = 1, restored_by = ?2 WHERE id = ?1", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_int64 (stmt, 1, conflict_id);
    sqlite3_bind_int64 (stmt, 2, operation);
    if (!_six_db_step_done (db, stmt, error))
      goto failed;
  }

  if (!six_db_commit (db, error))
    return 0;

  return operation;

failed:
  six_db_rollback (db);
  return 0;
}
