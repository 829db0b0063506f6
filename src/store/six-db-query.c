/* six-db-query.c — the records that refer to one record
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
