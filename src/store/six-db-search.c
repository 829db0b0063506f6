/* six-db-search.c — the full-text index: kept in step at commit, rebuilt on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-db-search"

#include "config.h"

#include "six-db.h"
#include "six-db-private.h"

#include <string.h>

/* Title: the kind's title field when searchable; body: its other searchable fields, which
 * are the columns of @stmt from @first, in field order (all of them text). */
static void
search_text (SixStmt        *stmt,
             int             first,
             const SixKind  *kind,
             GString        *title,
             GString        *body)
{
  int column = first;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SixField *field = &kind->fields[i];
      const char *text;

      if (!(field->flags & SIX_FIELD_FLAGS_SEARCHABLE))
        continue;

      text = (const char *) sqlite3_column_text (stmt, column++);
      if (text == NULL)
        continue;

      if (strcmp (field->name, kind->title_field) == 0)
        {
          g_string_append (title, text);
          continue;
        }

      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, text);
    }
}

static gboolean
insert_row (SixDb          *db,
            const SixKind  *kind,
            const char     *id,
            const char     *title,
            const char     *body,
            gint64          doc,
            GError        **error)
{
  g_autoptr(SixStmt) stmt = NULL;

  if (doc == 0)
    {
      stmt = _six_db_prepare (db, "INSERT INTO search_doc (kind, record) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;

      _six_db_bind_text (stmt, 1, kind->name);
      _six_db_bind_text (stmt, 2, id);
      if (!_six_db_step_done (db, stmt, error))
        return FALSE;

      doc = sqlite3_last_insert_rowid (db->handle);
      g_clear_pointer (&stmt, _six_stmt_release);
    }

  stmt = _six_db_prepare (db,
    "INSERT INTO search (rowid, kind, record, title, body) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, doc);
  _six_db_bind_text (stmt, 2, kind->name);
  _six_db_bind_text (stmt, 3, id);
  _six_db_bind_text (stmt, 4, title);
  _six_db_bind_text (stmt, 5, body);

  return _six_db_step_done (db, stmt, error);
}

static gboolean
has_searchable_fields (const SixKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & SIX_FIELD_FLAGS_SEARCHABLE)
      return TRUE;

  return FALSE;
}

/* The search row of a record, 0 when it has none. */
static gboolean
find_doc (SixDb          *db,
          const SixKind  *kind,
          const char     *id,
          gint64         *doc,
          GError        **error)
{
  g_autoptr(SixStmt) stmt = _six_db_prepare (db,
    "SELECT doc FROM search_doc WHERE kind = ?1 AND record = ?2", error);
  int rc;

  *doc = 0;
  if (stmt == NULL)
    return FALSE;

  _six_db_bind_text (stmt, 1, kind->name);
  _six_db_bind_text (stmt, 2, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *doc = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return _six_db_fail (db, rc, error);

  return TRUE;
}

/* Reads only the columns the index holds: no record is built. */
static gboolean
refresh_record (SixDb              *db,
                const SixKind      *kind,
                const char         *id,
                SixDbChangedFlags   flags,
                GError            **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  g_autoptr(GString) title = NULL;
  g_autoptr(GString) body = NULL;
  gint64 doc = 0;
  int rc;

  /* A row inserted in this transaction cannot have a search row yet. */
  if (!(flags & SIX_DB_CHANGED_CREATED) && !find_doc (db, kind, id, &doc, error))
    return FALSE;

  if (doc != 0)
    {
      stmt = _six_db_prepare (db, "DELETE FROM search WHERE rowid = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, doc);
      if (!_six_db_step_done (db, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, _six_stmt_release);
    }

  stmt = _six_db_prepare (db, _six_db_kind_sql (db, kind)->select_search, error);
  if (stmt == NULL)
    return FALSE;

  _six_db_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _six_db_fail (db, rc, error);

  /* Deleted records leave the index: search shows only what lists show. */
  if (rc == SQLITE_DONE || sqlite3_column_int64 (stmt, 0) != 0)
    {
      g_clear_pointer (&stmt, _six_stmt_release);
      if (doc == 0)
        return TRUE;

      stmt = _six_db_prepare (db, "DELETE FROM search_doc WHERE doc = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, doc);

      return _six_db_step_done (db, stmt, error);
    }

  title = g_string_new (NULL);
  body = g_string_new (NULL);
  search_text (stmt, 1, kind, title, body);
  g_clear_pointer (&stmt, _six_stmt_release);

  return insert_row (db, kind, id, title->str, body->str, doc, error);
}

gboolean
_six_db_refresh_search (SixDb       *db,
                        GHashTable  *pending,
                        GError     **error)
{
  GHashTableIter kinds;
  gpointer kind;
  gpointer ids;

  g_hash_table_iter_init (&kinds, pending);
  while (g_hash_table_iter_next (&kinds, &kind, &ids))
    {
      GHashTableIter iter;
      gpointer id;
      gpointer flags;

      if (!has_searchable_fields (kind))
        continue;

      g_hash_table_iter_init (&iter, ids);
      while (g_hash_table_iter_next (&iter, &id, &flags))
        {
          if (!(GPOINTER_TO_UINT (flags) & SIX_DB_CHANGED_SEARCH))
            continue;
          if (!refresh_record (db, kind, id, GPOINTER_TO_UINT (flags), error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Each word becomes a quoted FTS5 string, so no user text is ever query syntax. */
static char *
build_match (const char *query)
{
  g_autofree char *valid = g_utf8_make_valid (query, -1);
  g_auto(GStrv) words = g_strsplit_set (valid, " \t\n\r\f\v", -1);
  GString *match = g_string_new (NULL);
  guint n_words = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;

      if (n_words++ > 0)
        g_string_append_c (match, ' ');

      g_string_append_c (match, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append_c (match, '"');
    }

  if (n_words == 0)
    {
      g_string_free (match, TRUE);
      return NULL;
    }

  /* Search as you type: the last word may be unfinished. */
  g_string_append_c (match, '*');

  return g_string_free (match, FALSE);
}

static char *
kinds_to_json (const char * const *kinds)
{
  GString *json = g_string_new ("[");
  guint n = 0;

  /* Only known kind names, which are plain identifiers, go into the list. */
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      const SixKind *kind = six_kind_lookup (kinds[i]);

      if (kind == NULL)
        continue;
      g_string_append_printf (json, "%s\"%s\"", n++ > 0 ? "," : "", kind->name);
    }

  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/**
 * six_db_search:
 * @query: what the user typed
 * @kinds: (nullable): kind names to search in, or %NULL for all
 * @limit: at most this many results, or 0 for no limit
 *
 * Returns: (element-type SixRecord): the best matches first (bm25), without stamps
 */
GPtrArray *
six_db_search (SixDb               *db,
               const char          *query,
               const char * const  *kinds,
               guint                limit,
               GError             **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(SixStmt) stmt = NULL;
  g_autofree char *match = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  records = g_ptr_array_new_with_free_func (g_object_unref);

  match = build_match (query);
  if (match == NULL)
    return g_steal_pointer (&records);

  if (kinds == NULL)
    stmt = _six_db_prepare (db,
      "SELECT kind, record FROM search WHERE search MATCH ?1 ORDER BY rank LIMIT ?2", error);
  else
    stmt = _six_db_prepare (db,
      "SELECT kind, record FROM search WHERE search MATCH ?1 "
      "AND kind IN (SELECT value FROM json_each (?3)) ORDER BY rank LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;

  _six_db_bind_text (stmt, 1, match);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  if (kinds != NULL)
    sqlite3_bind_text (stmt, 3, kinds_to_json (kinds), -1, g_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind_name = (const char *) sqlite3_column_text (stmt, 0);
      const char *id = (const char *) sqlite3_column_text (stmt, 1);
      const SixKind *kind = kind_name != NULL ? six_kind_lookup (kind_name) : NULL;
      g_autoptr(GError) local_error = NULL;
      SixRecord *record;

      if (kind == NULL || id == NULL)
        continue;

      record = _six_db_read_record (db, kind, id, FALSE, NULL, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      /* The index is derived data; a stale row is skipped, not an error. */
      if (record != NULL)
        g_ptr_array_add (records, record);
    }

  if (rc != SQLITE_DONE)
    {
      _six_db_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

static gboolean
rebuild_kind (SixDb          *db,
              const SixKind  *kind,
              GError        **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  int rc;

  stmt = _six_db_prepare (db, _six_db_kind_sql (db, kind)->select_search_live, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_truncate (title, 0);
      g_string_truncate (body, 0);
      search_text (stmt, 1, kind, title, body);
      if (!insert_row (db, kind, (const char *) sqlite3_column_text (stmt, 0), title->str,
                       body->str, 0, error))
        return FALSE;
    }

  if (rc != SQLITE_DONE)
    return _six_db_fail (db, rc, error);

  return TRUE;
}

/* Rebuilds the index from the canonical tables, in one transaction. */
gboolean
six_db_rebuild_search (SixDb   *db,
                       GError **error)
{
  guint n_kinds;
  const SixKind *kinds = six_kind_all (&n_kinds);

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!six_db_begin (db, error))
    return FALSE;

  if (!_six_db_exec (db, "DELETE FROM search", error) ||
      !_six_db_exec (db, "DELETE FROM search_doc", error))
    goto failed;

  for (guint k = 0; k < n_kinds; k++)
    {
      if (has_searchable_fields (&kinds[k]) && !rebuild_kind (db, &kinds[k], error))
        goto failed;
    }

  /* Merge the index segments, so the first queries after a rebuild are fast. */
  if (!_six_db_exec (db, "INSERT INTO search (search) VALUES ('optimize')", error))
    goto failed;

  return six_db_commit (db, error);

failed:
  six_db_rollback (db);
  return FALSE;
}
