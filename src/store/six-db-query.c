/* six-db-query.c — the records that refer to one record, and selections of a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-db-query"

#include "config.h"

#include <string.h>

#include "six-db-private.h"

/* The ids of @kind's live records whose @column is @value, in id order. */
static GPtrArray *
find_ids (SixDb          *db,
          const SixKind  *kind,
          const char     *column,
          const char     *value,
          GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ?1 AND deleted = 0 "
                                          "ORDER BY id", kind->name, column);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SixStmt) stmt = _six_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  _six_db_bind_text (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  if (rc != SQLITE_DONE)
    {
      _six_db_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * six_db_list_referring:
 * @field: a reference field of @kind, or "id" for the record @value itself
 * @value: the id referred to
 *
 * The live records of @kind that name @value in @field, with their stamps, in id order.
 * Reference fields are indexed: this reads only what it returns.
 *
 * Returns: (transfer full) (element-type SixRecord): the records, or %NULL with @error set
 */
GPtrArray *
six_db_list_referring (SixDb          *db,
                       const SixKind  *kind,
                       const char     *field,
                       const char     *value,
                       GError        **error)
{
  const SixField *descriptor;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (field != NULL && value != NULL, NULL);

  descriptor = strcmp (field, "id") == 0 ? NULL : six_kind_get_field (kind, field);
  g_return_val_if_fail (strcmp (field, "id") == 0 ||
                        (descriptor != NULL && descriptor->type == SIX_FIELD_REF), NULL);

  ids = find_ids (db, kind, field, value, error);
  if (ids == NULL)
    return NULL;

  records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      SixRecord *record = six_db_get_record (db, kind, ids->pdata[i], TRUE, error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

/* --- selections ---------------------------------------------------------------------------- */

/* The SQL of @matches on @kind's table, appended to @sql after "WHERE deleted = 0"; the
 * values it binds, in order, are appended to @binds as (field, value) pairs. */
static void
append_matches (GString        *sql,
                GPtrArray      *binds,
                const SixKind  *kind,
                const SixMatch *matches,
                guint           n_matches);

static void
add_bind (GString        *sql,
          GPtrArray      *binds,
          const SixField *field,
          GVariant       *value)
{
  g_ptr_array_add (binds, (gpointer) field);
  g_ptr_array_add (binds, g_variant_ref_sink (value));
  g_string_append_printf (sql, "?%u", binds->len / 2);
}

static void
append_list (GString            *sql,
             GPtrArray          *binds,
             const SixField     *field,
             const char * const *values)
{
  g_string_append (sql, " IN (");
  for (guint v = 0; values[v] != NULL; v++)
    {
      if (v > 0)
        g_string_append (sql, ", ");
      add_bind (sql, binds, field, g_variant_new_string (values[v]));
    }
  g_string_append_c (sql, ')');
}

static void
append_match (GString        *sql,
              GPtrArray      *binds,
              const SixKind  *kind,
              const SixMatch *match)
{
  static const char * const comparisons[] = {
    [SIX_MATCH_AT_LEAST] = " >= ", [SIX_MATCH_AT_MOST] = " <= ", [SIX_MATCH_BELOW] = " < ",
  };
  const SixField *field = six_kind_get_field (kind, match->field);

  g_return_if_fail (field != NULL);

  switch (match->op)
    {
    case SIX_MATCH_AT_LEAST:
    case SIX_MATCH_AT_MOST:
    case SIX_MATCH_BELOW:
      /* Not floating: a selection can be used again, in another or nested. */
      g_return_if_fail (match->bound != NULL && !g_variant_is_floating (match->bound));
      g_string_append_printf (sql, " AND \"%s\"%s", field->name, comparisons[match->op]);
      add_bind (sql, binds, field, match->bound);
      break;

    case SIX_MATCH_SET:
      g_string_append_printf (sql, " AND \"%s\" IS NOT NULL", field->name);
      break;

    case SIX_MATCH_UNSET:
      g_string_append_printf (sql, " AND \"%s\" IS NULL", field->name);
      break;

    case SIX_MATCH_ONE_OF:
      g_string_append_printf (sql, " AND \"%s\"", field->name);
      append_list (sql, binds, field, match->values);
      break;

    case SIX_MATCH_NONE_OF:
      g_string_append_printf (sql, " AND (\"%s\" IS NULL OR \"%s\" NOT", field->name,
                              field->name);
      append_list (sql, binds, field, match->values);
      g_string_append_c (sql, ')');
      break;

    case SIX_MATCH_REFERS_TO:
      g_return_if_fail (field->type == SIX_FIELD_REF && match->target != NULL);
      g_string_append_printf (sql, " AND \"%s\" IN (SELECT id FROM \"%s\" WHERE deleted = 0",
                              field->name, match->target->name);
      append_matches (sql, binds, match->target, match->target_matches,
                      match->n_target_matches);
      g_string_append_c (sql, ')');
      break;

    default:
      g_return_if_reached ();
    }
}

static void
append_matches (GString        *sql,
                GPtrArray      *binds,
                const SixKind  *kind,
                const SixMatch *matches,
                guint           n_matches)
{
  for (guint i = 0; i < n_matches; i++)
    append_match (sql, binds, kind, &matches[i]);
}

/* Prepares @sql with the (field, value) pairs of @binds bound in order. */
static SixStmt *
prepare_bound (SixDb      *db,
               GString    *sql,
               GPtrArray  *binds,
               GError    **error)
{
  SixStmt *stmt = _six_db_prepare (db, sql->str, error);

  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i + 1 < binds->len; i += 2)
    _six_db_bind_value (stmt, (int) (i / 2 + 1), binds->pdata[i], binds->pdata[i + 1]);

  return stmt;
}

static void
unref_binds (GPtrArray *binds)
{
  for (guint i = 1; i < binds->len; i += 2)
    g_variant_unref (binds->pdata[i]);
  g_ptr_array_unref (binds);
}

/**
 * six_db_select_records:
 * @matches: (array length=n_matches): what the records must match, all of it
 *
 * The live records of @kind that @matches select, without stamps, in id order: only those
 * are read, so a page can ask for one year of a table without reading the rest.
 *
 * Returns: (transfer full) (element-type SixRecord): the records, or %NULL with @error set
 */
GPtrArray *
six_db_select_records (SixDb           *db,
                       const SixKind   *kind,
                       const SixMatch  *matches,
                       guint            n_matches,
                       GError         **error)
{
  g_autoptr(GString) sql = NULL;
  GPtrArray *binds;
  g_autoptr(SixStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (matches != NULL || n_matches == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = g_string_new (NULL);
  binds = g_ptr_array_new ();
  g_string_printf (sql, "SELECT %s FROM \"%s\" WHERE deleted = 0",
                   _six_db_kind_sql (db, kind)->columns, kind->name);
  append_matches (sql, binds, kind, matches, n_matches);
  g_string_append (sql, " ORDER BY id");
  stmt = prepare_bound (db, sql, binds, error);
  unref_binds (binds);

  return stmt != NULL ? _six_db_read_rows (db, kind, stmt, error) : NULL;
}

void
six_tally_free (SixTally *tally)
{
  for (guint i = 0; i < tally->n_values; i++)
    g_clear_pointer (&tally->values[i], g_variant_unref);
  g_free (tally->values);
  g_free (tally);
}

/* One row of a tally: the values of @by, then the count. */
static SixTally *
read_tally (SixStmt             *stmt,
            const SixField     **fields,
            guint                n_fields,
            GError             **error)
{
  SixTally *tally = g_new0 (SixTally, 1);

  tally->values = g_new0 (GVariant *, n_fields);
  tally->n_values = n_fields;
  tally->count = sqlite3_column_int64 (stmt, (int) n_fields);
  for (guint i = 0; i < n_fields; i++)
    if (!_six_db_column_value (stmt, (int) i, fields[i], &tally->values[i], error))
      {
        six_tally_free (tally);
        return NULL;
      }

  return tally;
}

/**
 * six_db_tally_records:
 * @by: (array zero-terminated=1): fields of @kind to count by
 * @matches: (array length=n_matches): what the records counted must match, all of it
 *
 * Counts the live records of @kind that @matches select, by the values of @by: the store
 * adds them up, and nothing else is read.
 *
 * Returns: (transfer full) (element-type SixTally): a row per combination of values held,
 *   in no particular order, or %NULL with @error set
 */
GPtrArray *
six_db_tally_records (SixDb               *db,
                      const SixKind       *kind,
                      const char * const  *by,
                      const SixMatch      *matches,
                      guint                n_matches,
                      GError             **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) columns = NULL;
  g_autoptr(GPtrArray) tallies = NULL;
  g_autofree const SixField **fields = NULL;
  g_autoptr(SixStmt) stmt = NULL;
  GPtrArray *binds;
  guint n_fields;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (by != NULL && by[0] != NULL, NULL);
  g_return_val_if_fail (matches != NULL || n_matches == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_fields = g_strv_length ((char **) by);
  fields = g_new0 (const SixField *, n_fields);
  columns = g_string_new (NULL);
  for (guint i = 0; i < n_fields; i++)
    {
      fields[i] = six_kind_get_field (kind, by[i]);
      g_return_val_if_fail (fields[i] != NULL, NULL);
      g_string_append_printf (columns, "%s\"%s\"", i > 0 ? ", " : "", fields[i]->name);
    }

  sql = g_string_new (NULL);
  binds = g_ptr_array_new ();
  g_string_printf (sql, "SELECT %s, count(*) FROM \"%s\" WHERE deleted = 0", columns->str,
                   kind->name);
  append_matches (sql, binds, kind, matches, n_matches);
  g_string_append_printf (sql, " GROUP BY %s", columns->str);
  stmt = prepare_bound (db, sql, binds, error);
  unref_binds (binds);
  if (stmt == NULL)
    return NULL;

  tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) six_tally_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SixTally *tally = read_tally (stmt, fields, n_fields, error);

      if (tally == NULL)
        return NULL;
      g_ptr_array_add (tallies, tally);
    }

  if (rc != SQLITE_DONE)
    {
      _six_db_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&tallies);
}

/**
 * six_db_max_int:
 * @field: an integer field of @kind
 * @none: what to return when no live record holds a value
 *
 * The largest value of @field among the live records of @kind: one step down an index where
 * the field has one.
 *
 * Returns: that value, or @none if none holds one, or @none with @error set
 */
gint64
six_db_max_int (SixDb          *db,
                const SixKind  *kind,
                const char     *field,
                gint64          none,
                GError        **error)
{
  const SixField *column;
  g_autofree char *sql = NULL;
  g_autoptr(SixStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, none);
  g_return_val_if_fail (kind != NULL, none);
  g_return_val_if_fail (error == NULL || *error == NULL, none);
  column = six_kind_get_field (kind, field);
  g_return_val_if_fail (column != NULL && column->type == SIX_FIELD_INTEGER, none);

  sql = g_strdup_printf ("SELECT MAX(\"%s\") FROM \"%s\" WHERE deleted = 0", column->name,
                         kind->name);
  stmt = _six_db_prepare (db, sql, error);
  if (stmt == NULL)
    return none;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _six_db_fail (db, rc, error);
      return none;
    }

  return sqlite3_column_type (stmt, 0) == SQLITE_NULL ? none : sqlite3_column_int64 (stmt, 0);
}
