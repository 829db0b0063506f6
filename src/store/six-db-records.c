/* six-db-records.c — reading records and writing stamped fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-db-records"

#include "config.h"

#include "six-db.h"
#include "six-db-private.h"

#include <glib/gi18n.h>
#include <string.h>

static void
append_json_string (GString    *json,
                    const char *text)
{
  g_string_append_c (json, '"');

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (json, '\\');
          g_string_append_c (json, (char) c);
        }
      else if (c < 0x20)
        g_string_append_printf (json, "\\u%04x", c);
      else
        g_string_append_c (json, (char) c);
    }

  g_string_append_c (json, '"');
}

/* A SET is stored as a JSON array of strings, which SQLite's json functions can read. */
static char *
set_to_json (GVariant *value)
{
  GString *json = g_string_new ("[");
  GVariantIter iter;
  const char *item;
  gboolean first = TRUE;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "&s", &item))
    {
      if (!first)
        g_string_append_c (json, ',');
      first = FALSE;
      append_json_string (json, item);
    }

  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;

  return p;
}

/* Reads one JSON string at @p into @out; returns the position after it or %NULL. */
static const char *
parse_json_string (const char *p,
                   GString    *out)
{
  if (*p != '"')
    return NULL;

  for (p++; *p != '"'; p++)
    {
      if (*p == '\0' || (guchar) *p < 0x20)
        return NULL;

      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }

      p++;
      switch (*p)
        {
        case '"':
        case '\\':
        case '/':
          g_string_append_c (out, *p);
          break;
        case 'b':
          g_string_append_c (out, '\b');
          break;
        case 'f':
          g_string_append_c (out, '\f');
          break;
        case 'n':
          g_string_append_c (out, '\n');
          break;
        case 'r':
          g_string_append_c (out, '\r');
          break;
        case 't':
          g_string_append_c (out, '\t');
          break;
        case 'u':
          {
            gunichar ch = 0;

            for (guint i = 1; i <= 4; i++)
              {
                int digit = g_ascii_xdigit_value (p[i]);

                if (digit < 0)
                  return NULL;
                ch = ch * 16 + (gunichar) digit;
              }

            /* We never write surrogates (only control characters are escaped). */
            if (ch == 0 || (ch >= 0xd800 && ch <= 0xdfff))
              return NULL;

            g_string_append_unichar (out, ch);
            p += 4;
          }
          break;
        default:
          return NULL;
        }
    }

  return p + 1;
}

static GVariant *
set_from_json (const char *json)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  const char *p = skip_space (json);

  if (*p++ != '[')
    return NULL;

  p = skip_space (p);
  if (*p == ']')
    p++;
  else
    {
      for (;;)
        {
          GString *item = g_string_new (NULL);

          p = parse_json_string (p, item);
          if (p == NULL)
            {
              g_string_free (item, TRUE);
              return NULL;
            }

          g_ptr_array_add (items, g_string_free (item, FALSE));
          p = skip_space (p);
          if (*p == ']')
            {
              p++;
              break;
            }
          if (*p++ != ',')
            return NULL;
          p = skip_space (p);
        }
    }

  if (*skip_space (p) != '\0')
    return NULL;

  for (guint i = 0; i < items->len; i++)
    if (!g_utf8_validate (items->pdata[i], -1, NULL))
      return NULL;

  return g_variant_ref_sink (g_variant_new_strv ((const char * const *) items->pdata,
                                                 (gssize) items->len));
}

void
_six_db_bind_value (SixStmt        *stmt,
                    int             index,
                    const SixField *field,
                    GVariant       *value)
{
  if (value == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  switch (field->type)
    {
    case SIX_FIELD_INTEGER:
      sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
      break;

    case SIX_FIELD_BOOLEAN:
      sqlite3_bind_int (stmt, index, g_variant_get_boolean (value) ? 1 : 0);
      break;

    case SIX_FIELD_SET:
      sqlite3_bind_text (stmt, index, set_to_json (value), -1, g_free);
      break;

    case SIX_FIELD_TEXT:
    case SIX_FIELD_DATE:
    case SIX_FIELD_ENUM:
    case SIX_FIELD_REF:
    case SIX_FIELD_DECIMAL:
    case SIX_FIELD_CURRENCY:
    default:
      {
        gsize len;
        const char *text = g_variant_get_string (value, &len);

        sqlite3_bind_text (stmt, index, text, (int) len, SQLITE_TRANSIENT);
      }
      break;
    }
}

/* @value receives a full reference, or %NULL for an unset field. */
gboolean
_six_db_column_value (SixStmt         *stmt,
                      int              column,
                      const SixField  *field,
                      GVariant       **value,
                      GError         **error)
{
  int type = sqlite3_column_type (stmt, column);

  *value = NULL;

  if (type == SQLITE_NULL)
    return TRUE;

  switch (field->type)
    {
    case SIX_FIELD_INTEGER:
      if (type != SQLITE_INTEGER)
        break;
      *value = g_variant_ref_sink (g_variant_new_int64 (sqlite3_column_int64 (stmt, column)));
      return TRUE;

    case SIX_FIELD_BOOLEAN:
      if (type != SQLITE_INTEGER)
        break;
      *value = g_variant_ref_sink (g_variant_new_boolean (sqlite3_column_int64 (stmt, column)));
      return TRUE;

    case SIX_FIELD_SET:
      if (type != SQLITE_TEXT)
        break;
      *value = set_from_json ((const char *) sqlite3_column_text (stmt, column));
      if (*value == NULL)
        break;
      return TRUE;

    case SIX_FIELD_TEXT:
    case SIX_FIELD_DATE:
    case SIX_FIELD_ENUM:
    case SIX_FIELD_REF:
    case SIX_FIELD_DECIMAL:
    case SIX_FIELD_CURRENCY:
    default:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, column);
        int len = sqlite3_column_bytes (stmt, column);

        char *copy;

        /* Only another program could have stored this; GVariant strings must be UTF-8. */
        if (type != SQLITE_TEXT || !g_utf8_validate (text, len, NULL) ||
            (int) strlen (text) != len)
          break;

        /* Checked just above: g_variant_new_string () would check it all again. */
        copy = g_memdup2 (text, (gsize) len + 1);
        *value = g_variant_ref_sink (g_variant_new_from_data (G_VARIANT_TYPE_STRING, copy,
                                                              (gsize) len + 1, TRUE, g_free,
                                                              copy));
      }
      return TRUE;
    }

  g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT,
               _("%s: the stored value is not a valid %s"), field->name,
               g_variant_type_peek_string (six_field_type_variant_type (field->type)));

  return FALSE;
}

char *
_six_db_value_to_text (GVariant *value)
{
  if (value == NULL)
    return NULL;

  return g_variant_print (value, FALSE);
}

gboolean
_six_db_value_from_text (const SixField  *field,
                         const char      *text,
                         GVariant       **value,
                         GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  *value = NULL;
  if (text == NULL)
    return TRUE;

  *value = g_variant_parse (six_field_type_variant_type (field->type), text, NULL, NULL,
                            &local_error);
  if (*value == NULL)
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT,
                   _("%s: the stored value “%s” cannot be read: %s"),
                   field->name, text, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
_six_db_values_equal (GVariant *a,
                      GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_variant_equal (a, b);
}

static void
clear_values (GVariant **values,
              guint      n_values)
{
  for (guint i = 0; i < n_values; i++)
    g_clear_pointer (&values[i], g_variant_unref);
}

static void
clear_stamps (SixFieldStamp *stamps,
              guint          n_stamps)
{
  for (guint i = 0; i < n_stamps; i++)
    six_field_stamp_clear (&stamps[i]);
}

/* The values a list read makes once and shares between its records: booleans and the strings
 * that repeat (enums, currencies, dates, references), most of the values of a record. */
typedef struct
{
  GHashTable *strings;      /* text → GVariant */
  GVariant   *booleans[2];
} SharedValues;

static void
shared_values_init (SharedValues *shared)
{
  shared->strings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify) g_variant_unref);
  shared->booleans[0] = g_variant_ref_sink (g_variant_new_boolean (FALSE));
  shared->booleans[1] = g_variant_ref_sink (g_variant_new_boolean (TRUE));
}

static void
shared_values_clear (SharedValues *shared)
{
  g_clear_pointer (&shared->strings, g_hash_table_unref);
  g_clear_pointer (&shared->booleans[0], g_variant_unref);
  g_clear_pointer (&shared->booleans[1], g_variant_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SharedValues, shared_values_clear)

static gboolean
is_repeated_string (const SixField *field)
{
  return field->type == SIX_FIELD_ENUM || field->type == SIX_FIELD_CURRENCY ||
         field->type == SIX_FIELD_DATE || field->type == SIX_FIELD_REF;
}

/* A shared value for column @column when there is one; %NULL to read it afresh. */
static GVariant *
find_shared (SharedValues   *shared,
             SixStmt        *stmt,
             int             column,
             const SixField *field)
{
  int type = sqlite3_column_type (stmt, column);

  if (shared == NULL)
    return NULL;

  if (field->type == SIX_FIELD_BOOLEAN && type == SQLITE_INTEGER)
    return g_variant_ref (shared->booleans[sqlite3_column_int64 (stmt, column) != 0]);

  if (is_repeated_string (field) && type == SQLITE_TEXT)
    {
      GVariant *value = g_hash_table_lookup (shared->strings,
                                             sqlite3_column_text (stmt, column));

      return value != NULL ? g_variant_ref (value) : NULL;
    }

  return NULL;
}

static void
add_shared (SharedValues   *shared,
            const SixField *field,
            GVariant       *value)
{
  if (shared != NULL && value != NULL && is_repeated_string (field))
    g_hash_table_insert (shared->strings, (gpointer) g_variant_get_string (value, NULL),
                         g_variant_ref (value));
}

/* Reads the id and every field of the current row of @stmt (columns in descriptor order). */
static gboolean
read_values (SixStmt        *stmt,
             const SixKind  *kind,
             SharedValues   *shared,
             GVariant      **values,
             GError        **error)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      values[i] = find_shared (shared, stmt, (int) i + 1, &kind->fields[i]);
      if (values[i] != NULL)
        continue;

      if (_six_db_column_value (stmt, (int) i + 1, &kind->fields[i], &values[i], error))
        add_shared (shared, &kind->fields[i], values[i]);
      else
        {
          g_prefix_error (error, "%s %s: ", kind->name,
                          (const char *) sqlite3_column_text (stmt, 0));
          clear_values (values, i);
          return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  GHashTable       *vvs;     /* text → SixVersionVector: equal vectors are shared within one read */
  SixVersionVector *joined;  /* when wanted: the join of every clock read */
  const char       *replica; /* interned: the last stamp's replica, usually the next one's */
  GPtrArray        *unknown; /* SixExtraField without values: clocks of fields we have no
                              * column for, until read_extras () pairs them with values */
} StampReader;

static SixVersionVector *
parse_stamp_vv (SixDb         *db,
                StampReader   *reader,
                const char    *vv_text,
                const char    *replica,
                const SixKind *kind,
                const char    *id,
                const char    *field,
                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  SixVersionVector *vv = NULL;

  if (vv_text != NULL && reader->vvs != NULL)
    vv = g_hash_table_lookup (reader->vvs, vv_text);
  if (vv != NULL)
    return six_version_vector_ref (vv);

  vv = vv_text != NULL ? six_version_vector_parse (vv_text, &local_error) : NULL;
  if (vv == NULL || !_six_replica_id_is_valid (replica))
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT,
                   _("%s: %s %s: %s: the stored clock cannot be read%s%s"), db->path,
                   kind->name, id, field, local_error != NULL ? ": " : "",
                   local_error != NULL ? local_error->message : "");
      g_clear_pointer (&vv, six_version_vector_unref);
      return NULL;
    }

  if (reader->vvs != NULL)
    g_hash_table_insert (reader->vvs, g_strdup (vv_text), six_version_vector_ref (vv));

  return vv;
}

static void
join_into (SixVersionVector       **joined,
           const SixVersionVector  *vv)
{
  SixVersionVector *next = six_version_vector_join (*joined, vv);

  six_version_vector_unref (*joined);
  *joined = next;
}

/* Columns from @first: field, vv, hlc_wall, hlc_counter, hlc_replica, source. */
static gboolean
read_stamp (SixDb         *db,
            StampReader   *reader,
            SixStmt       *stmt,
            int            first,
            const SixKind *kind,
            const char    *id,
            SixFieldStamp *stamps,
            GError       **error)
{
  const char *field = (const char *) sqlite3_column_text (stmt, first);
  const char *vv_text = (const char *) sqlite3_column_text (stmt, first + 1);
  const char *replica = (const char *) sqlite3_column_text (stmt, first + 4);
  const char *source = (const char *) sqlite3_column_text (stmt, first + 5);
  SixFieldStamp *stamp;
  SixVersionVector *vv;
  int index;

  index = field != NULL ? six_kind_field_index (kind, field) : -1;

  /* A field of a newer version: its clock is part of the record's history, and the stamp of
   * the value extra_field keeps for it. */
  if (index < 0 && reader->joined == NULL && reader->unknown == NULL)
    return TRUE;

  vv = parse_stamp_vv (db, reader, vv_text, replica, kind, id, field, error);
  if (vv == NULL)
    return FALSE;

  if (reader->joined != NULL)
    join_into (&reader->joined, vv);

  if (index < 0)
    {
      SixExtraField *extra = g_new0 (SixExtraField, 1);

      extra->name = g_strdup (field);
      stamp = &extra->stamp;
      g_ptr_array_add (reader->unknown, extra);
    }
  else
    {
      stamp = &stamps[index];
      six_field_stamp_clear (stamp);
    }

  stamp->vv = vv;
  stamp->hlc.wall = sqlite3_column_int64 (stmt, first + 2);
  stamp->hlc.counter = (guint32) sqlite3_column_int64 (stmt, first + 3);
  if (reader->replica == NULL || strcmp (reader->replica, replica) != 0)
    reader->replica = g_intern_string (replica);
  stamp->hlc.replica = reader->replica;
  stamp->source = g_strdup (source);

  return TRUE;
}

/* The extra_field row at @stmt (columns from @first: field, json) with the clock read_stamp ()
 * set aside for it, moved to @extras. */
static gboolean
read_extra (SixDb          *db,
            StampReader    *reader,
            SixStmt        *stmt,
            int             first,
            const SixKind  *kind,
            const char     *id,
            GPtrArray      *extras,
            GError        **error)
{
  const char *name = (const char *) sqlite3_column_text (stmt, first);
  const char *json = (const char *) sqlite3_column_text (stmt, first + 1);

  for (guint i = 0; name != NULL && i < reader->unknown->len; i++)
    {
      SixExtraField *extra = reader->unknown->pdata[i];

      if (strcmp (extra->name, name) == 0)
        {
          extra->json = g_strdup (json);
          g_ptr_array_add (extras, g_ptr_array_steal_index (reader->unknown, i));
          return TRUE;
        }
    }

  g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT,
               _("%s: %s %s: %s: a value without a clock"), db->path, kind->name, id,
               name != NULL ? name : "");

  return FALSE;
}

/* The rows of @stmt (columns: id, field, json; in id order) for the record @id. */
static gboolean
list_extras (SixDb          *db,
             StampReader    *reader,
             SixStmt        *stmt,
             int            *rc,
             const SixKind  *kind,
             const char     *id,
             GPtrArray     **extras,
             GError        **error)
{
  while (*rc == SQLITE_ROW)
    {
      int cmp = strcmp ((const char *) sqlite3_column_text (stmt, 0), id);

      if (cmp > 0)
        break;

      if (cmp == 0)
        {
          if (*extras == NULL)
            *extras = g_ptr_array_new_with_free_func ((GDestroyNotify) six_extra_field_free);
          if (!read_extra (db, reader, stmt, 1, kind, id, *extras, error))
            return FALSE;
        }

      *rc = sqlite3_step (stmt);
    }

  return TRUE;
}

/* The unknown fields of one record, in byte order of their names (format §2). */
static gboolean
read_extras (SixDb          *db,
             StampReader    *reader,
             const SixKind  *kind,
             const char     *id,
             GPtrArray     **extras,
             GError        **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  g_autoptr(GPtrArray) read = NULL;
  int rc;

  *extras = NULL;
  stmt = _six_db_prepare (db,
    "SELECT field, json FROM extra_field WHERE kind = ?1 AND id = ?2 ORDER BY field", error);
  if (stmt == NULL)
    return FALSE;

  read = g_ptr_array_new_with_free_func ((GDestroyNotify) six_extra_field_free);
  _six_db_bind_text (stmt, 1, kind->name);
  _six_db_bind_text (stmt, 2, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!read_extra (db, reader, stmt, 0, kind, id, read, error))
      return FALSE;

  if (rc != SQLITE_DONE)
    return _six_db_fail (db, rc, error);

  if (read->len > 0)
    *extras = g_steal_pointer (&read);

  return TRUE;
}

/* Every clock row of one record: into @stamps by field, and joined into @record_vv. */
static gboolean
read_stamps (SixDb              *db,
             const SixKind      *kind,
             const char         *id,
             SixFieldStamp      *stamps,
             GPtrArray         **extras,
             SixVersionVector  **record_vv,
             GError            **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  StampReader reader = { NULL, NULL, NULL, NULL };
  int rc;

  unknown = g_ptr_array_new_with_free_func ((GDestroyNotify) six_extra_field_free);
  reader.unknown = unknown;

  stmt = _six_db_prepare (db,
    "SELECT field, vv, hlc_wall, hlc_counter, hlc_replica, source "
    "FROM clock WHERE kind = ?1 AND id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  if (record_vv != NULL)
    reader.joined = six_version_vector_new ();

  _six_db_bind_text (stmt, 1, kind->name);
  _six_db_bind_text (stmt, 2, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!read_stamp (db, &reader, stmt, 0, kind, id, stamps, error))
      break;

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _six_db_fail (db, rc, error);

  g_clear_pointer (&stmt, _six_stmt_release);

  if (rc != SQLITE_DONE || !read_extras (db, &reader, kind, id, extras, error))
    {
      g_clear_pointer (&reader.joined, six_version_vector_unref);
      return FALSE;
    }

  if (record_vv != NULL)
    *record_vv = reader.joined;

  return TRUE;
}

/**
 * _six_db_read_record:
 * @record_vv: (out) (optional): the join of every clock of the record, for a local write;
 *   implies @with_stamps
 *
 * Returns: %NULL without an error when the record does not exist
 */
SixRecord *
_six_db_read_record (SixDb              *db,
                     const SixKind      *kind,
                     const char         *id,
                     gboolean            with_stamps,
                     SixVersionVector  **record_vv,
                     GError            **error)
{
  const SixKindSql *sql = _six_db_kind_sql (db, kind);
  g_autoptr(SixStmt) stmt = NULL;
  g_autofree GVariant **values = g_new0 (GVariant *, kind->n_fields);
  g_autofree SixFieldStamp *stamps = NULL;
  g_autoptr(GPtrArray) extras = NULL;
  int rc;

  if (record_vv != NULL)
    *record_vv = NULL;

  stmt = _six_db_prepare (db, sql->select_one, error);
  if (stmt == NULL)
    return NULL;

  _six_db_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      _six_db_fail (db, rc, error);
      return NULL;
    }

  if (!read_values (stmt, kind, NULL, values, error))
    return NULL;

  g_clear_pointer (&stmt, _six_stmt_release);

  if (with_stamps || record_vv != NULL)
    {
      stamps = g_new0 (SixFieldStamp, kind->n_fields);
      if (!read_stamps (db, kind, id, stamps, &extras, record_vv, error))
        goto failed;
    }

  return six_record_new_take (kind, id, g_steal_pointer (&values), g_steal_pointer (&stamps),
                              g_steal_pointer (&extras));

failed:
  clear_values (values, kind->n_fields);
  clear_stamps (stamps, kind->n_fields);
  return NULL;
}

/* The current value of one field, and whether the record exists at all. */
gboolean
_six_db_read_field (SixDb          *db,
                    const SixKind  *kind,
                    const char     *id,
                    guint           field,
                    gboolean       *row_exists,
                    GVariant      **value,
                    GError        **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  int rc;

  *row_exists = FALSE;
  *value = NULL;

  stmt = _six_db_prepare (db, _six_db_kind_sql (db, kind)->select_field[field], error);
  if (stmt == NULL)
    return FALSE;

  _six_db_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _six_db_fail (db, rc, error);

  *row_exists = TRUE;
  if (!_six_db_column_value (stmt, 0, &kind->fields[field], value, error))
    {
      g_prefix_error (error, "%s %s: ", kind->name, id);
      return FALSE;
    }

  return TRUE;
}

/* The join of the vectors of every field of a record: what a local write increments. */
gboolean
_six_db_read_record_vv (SixDb              *db,
                        const SixKind      *kind,
                        const char         *id,
                        SixVersionVector  **record_vv,
                        GError            **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  g_autoptr(SixVersionVector) joined = six_version_vector_new ();
  int rc;

  *record_vv = NULL;

  stmt = _six_db_prepare (db, "SELECT vv FROM clock WHERE kind = ?1 AND id = ?2", error);
  if (stmt == NULL)
    return FALSE;

  _six_db_bind_text (stmt, 1, kind->name);
  _six_db_bind_text (stmt, 2, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(SixVersionVector) vv = NULL;

      vv = six_version_vector_parse (text != NULL ? text : "", &local_error);
      if (vv == NULL)
        {
          g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_CORRUPT,
                       _("%s: %s %s: the stored clock cannot be read: %s"), db->path, kind->name,
                       id, local_error->message);
          return FALSE;
        }

      join_into (&joined, vv);
    }

  if (rc != SQLITE_DONE)
    return _six_db_fail (db, rc, error);

  *record_vv = g_steal_pointer (&joined);

  return TRUE;
}

static SixDbChangedFlags
changed_flags (const SixKind *kind,
               guint          field)
{
  const SixField *descriptor = &kind->fields[field];

  if ((descriptor->flags & SIX_FIELD_FLAGS_SEARCHABLE) || field == SIX_FIELD_DELETED ||
      strcmp (descriptor->name, kind->title_field) == 0)
    return SIX_DB_CHANGED_VALUES | SIX_DB_CHANGED_SEARCH;

  return SIX_DB_CHANGED_VALUES;
}

/* The clock row of one field, counted as a change of @operation. */
static gboolean
write_clock (SixDb               *db,
             gint64               operation,
             const SixKind       *kind,
             const char          *id,
             const char          *field,
             const SixFieldStamp *stamp,
             GError             **error)
{
  g_autoptr(SixStmt) stmt = NULL;

  g_assert (stamp->vv != NULL && stamp->hlc.replica != NULL);

  stmt = _six_db_prepare (db,
    "INSERT INTO clock (kind, id, field, vv, hlc_wall, hlc_counter, hlc_replica, source) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (kind, id, field) DO UPDATE SET vv = excluded.vv, "
    "hlc_wall = excluded.hlc_wall, hlc_counter = excluded.hlc_counter, "
    "hlc_replica = excluded.hlc_replica, source = excluded.source", error);
  if (stmt == NULL)
    return FALSE;

  _six_db_bind_text (stmt, 1, kind->name);
  _six_db_bind_text (stmt, 2, id);
  _six_db_bind_text (stmt, 3, field);
  sqlite3_bind_text (stmt, 4, six_version_vector_to_string (stamp->vv), -1, g_free);
  sqlite3_bind_int64 (stmt, 5, stamp->hlc.wall);
  sqlite3_bind_int64 (stmt, 6, stamp->hlc.counter);
  _six_db_bind_text (stmt, 7, stamp->hlc.replica);
  _six_db_bind_text (stmt, 8, stamp->source);
  if (!_six_db_step_done (db, stmt, error))
    return FALSE;

  _six_db_count_change (db, operation);

  return TRUE;
}

/* Undo tombstones a record its operation created, so the record's first write is journaled
 * without values and its later writes in the same operation not at all. @before and @after
 * are texts (GVariant text, or JSON for an unknown field), consumed. */
static gboolean
write_journal (SixDb          *db,
               gint64          operation,
               const SixKind  *kind,
               const char     *id,
               const char     *field,
               gboolean        existed_before,
               char           *before,
               char           *after,
               GError        **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT " %s %s", operation,
                                          kind->name, id);
  g_autofree char *owned_before = before;
  g_autofree char *owned_after = after;

  if (existed_before && g_hash_table_contains (db->created, key))
    return TRUE;

  stmt = _six_db_prepare (db,
    "INSERT INTO journal (operation, kind, record_id, field, before, after, existed_before) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, operation);
  _six_db_bind_text (stmt, 2, kind->name);
  _six_db_bind_text (stmt, 3, id);
  _six_db_bind_text (stmt, 4, field);
  if (existed_before)
    {
      sqlite3_bind_text (stmt, 5, g_steal_pointer (&owned_before), -1, g_free);
      sqlite3_bind_text (stmt, 6, g_steal_pointer (&owned_after), -1, g_free);
    }
  sqlite3_bind_int (stmt, 7, existed_before ? 1 : 0);
  if (!_six_db_step_done (db, stmt, error))
    return FALSE;

  if (!existed_before)
    g_hash_table_add (db->created, g_steal_pointer (&key));

  return TRUE;
}

/**
 * _six_db_write_field:
 * @row_exists: whether the record's row exists now (else it is inserted)
 * @before: the value being replaced, for the journal
 *
 * The one function that writes a single field: the column, its clock row, a journal entry
 * and the changed set. No path writes a value without stamping it.
 */
gboolean
_six_db_write_field (SixDb               *db,
                     gint64               operation,
                     const SixKind       *kind,
                     const char          *id,
                     guint                field,
                     gboolean             row_exists,
                     GVariant            *before,
                     GVariant            *after,
                     const SixFieldStamp *stamp,
                     GError             **error)
{
  const SixKindSql *sql = _six_db_kind_sql (db, kind);
  const SixField *descriptor = &kind->fields[field];
  g_autoptr(SixStmt) stmt = NULL;

  g_assert (db->depth > 0);
  g_assert (operation > 0);

  stmt = _six_db_prepare (db, row_exists ? sql->update_field[field] : sql->insert_field[field],
                          error);
  if (stmt == NULL)
    return FALSE;

  _six_db_bind_text (stmt, 1, id);
  _six_db_bind_value (stmt, 2, descriptor, after);
  if (!_six_db_step_done (db, stmt, error))
    {
      g_prefix_error (error, "%s %s: %s: ", kind->name, id, descriptor->name);
      return FALSE;
    }

  if (row_exists && sqlite3_changes (db->handle) != 1)
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND,
                   _("%s %s does not exist"), kind->name, id);
      return FALSE;
    }

  g_clear_pointer (&stmt, _six_stmt_release);

  if (!write_clock (db, operation, kind, id, descriptor->name, stamp, error) ||
      !write_journal (db, operation, kind, id, descriptor->name, row_exists,
                      _six_db_value_to_text (before), _six_db_value_to_text (after), error))
    return FALSE;

  _six_db_mark_changed (db, kind, id, changed_flags (kind, field) |
                                      (row_exists ? 0 : SIX_DB_CHANGED_CREATED));

  return TRUE;
}

/* A stamp of our own: @record_vv incremented, so it dominates all we had seen of the record
 * and a deletion carries the record's history, which is how a concurrent edit of another
 * field is detected (format §4). */
static gboolean
stamp_local (SixDb                  *db,
             const SixVersionVector *record_vv,
             const char             *source,
             SixFieldStamp          *stamp,
             GError                **error)
{
  g_autoptr(GError) local_error = NULL;

  stamp->vv = six_version_vector_increment (record_vv, db->replica_id, &local_error);
  if (stamp->vv == NULL)
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID, "%s", local_error->message);
      return FALSE;
    }

  stamp->source = (char *) source;
  six_hlc_clock_tick (db->clock, &stamp->hlc);

  return TRUE;
}

/**
 * _six_db_local_write:
 * @record_vv: (inout): the join of the vectors of every field of the record (see
 *   _six_db_read_record_vv ()); replaced by the vector of this write, which dominates it
 *
 * A write of our own, stamped by stamp_local ().
 */
gboolean
_six_db_local_write (SixDb              *db,
                     gint64              operation,
                     const SixKind      *kind,
                     const char         *id,
                     guint               field,
                     gboolean            row_exists,
                     SixVersionVector  **record_vv,
                     GVariant           *before,
                     GVariant           *after,
                     const char         *source,
                     GError            **error)
{
  SixFieldStamp stamp = { NULL };

  if (!stamp_local (db, *record_vv, source, &stamp, error))
    return FALSE;
  if (!_six_db_write_field (db, operation, kind, id, field, row_exists, before, after, &stamp,
                            error))
    {
      six_version_vector_unref (stamp.vv);
      return FALSE;
    }

  six_version_vector_unref (*record_vv);
  *record_vv = stamp.vv;

  return TRUE;
}

/* The value of a field of a newer version (JSON text); %NULL when cleared or never written. */
gboolean
_six_db_read_extra (SixDb          *db,
                    const SixKind  *kind,
                    const char     *id,
                    const char     *name,
                    char          **json,
                    GError        **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  int rc;

  *json = NULL;
  stmt = _six_db_prepare (db,
    "SELECT json FROM extra_field WHERE kind = ?1 AND id = ?2 AND field = ?3", error);
  if (stmt == NULL)
    return FALSE;

  _six_db_bind_text (stmt, 1, kind->name);
  _six_db_bind_text (stmt, 2, id);
  _six_db_bind_text (stmt, 3, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *json = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    return _six_db_fail (db, rc, error);

  return TRUE;
}

/**
 * _six_db_write_extra:
 * @before: the JSON text being replaced, for the journal
 * @json: (nullable): the new JSON text; %NULL clears the field
 *
 * The one function that writes a field of a newer version: its extra_field row, its clock
 * row, a journal entry and the changed set. The record's row exists.
 */
gboolean
_six_db_write_extra (SixDb               *db,
                     gint64               operation,
                     const SixKind       *kind,
                     const char          *id,
                     const char          *name,
                     const char          *before,
                     const char          *json,
                     const SixFieldStamp *stamp,
                     GError             **error)
{
  g_autoptr(SixStmt) stmt = NULL;

  g_assert (db->depth > 0);
  g_assert (operation > 0);

  stmt = _six_db_prepare (db,
    "INSERT INTO extra_field (kind, id, field, json) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (kind, id, field) DO UPDATE SET json = excluded.json", error);
  if (stmt == NULL)
    return FALSE;

  _six_db_bind_text (stmt, 1, kind->name);
  _six_db_bind_text (stmt, 2, id);
  _six_db_bind_text (stmt, 3, name);
  _six_db_bind_text (stmt, 4, json);
  if (!_six_db_step_done (db, stmt, error))
    return FALSE;

  g_clear_pointer (&stmt, _six_stmt_release);

  if (!write_clock (db, operation, kind, id, name, stamp, error) ||
      !write_journal (db, operation, kind, id, name, TRUE, g_strdup (before), g_strdup (json),
                      error))
    return FALSE;

  _six_db_mark_changed (db, kind, id, SIX_DB_CHANGED_VALUES);

  return TRUE;
}

/* _six_db_local_write () for a field of a newer version. */
gboolean
_six_db_local_write_extra (SixDb              *db,
                           gint64              operation,
                           const SixKind      *kind,
                           const char         *id,
                           const char         *name,
                           SixVersionVector  **record_vv,
                           const char         *before,
                           const char         *json,
                           GError            **error)
{
  SixFieldStamp stamp = { NULL };

  if (!stamp_local (db, *record_vv, NULL, &stamp, error))
    return FALSE;
  if (!_six_db_write_extra (db, operation, kind, id, name, before, json, &stamp, error))
    {
      six_version_vector_unref (stamp.vv);
      return FALSE;
    }

  six_version_vector_unref (*record_vv);
  *record_vv = stamp.vv;

  return TRUE;
}

/* A new row in one INSERT: @values by field (%NULL: unset), a clock row for each field with a
 * stamp in @stamps, the record's creation journaled once. */
static gboolean
insert_record (SixDb                *db,
               gint64                operation,
               const SixKind        *kind,
               const char           *id,
               GVariant            **values,
               const SixFieldStamp **stamps,
               GError              **error)
{
  g_autoptr(SixStmt) stmt = NULL;
  SixDbChangedFlags flags = SIX_DB_CHANGED_CREATED;
  gboolean journaled = FALSE;

  g_assert (db->depth > 0);
  g_assert (operation > 0);

  stmt = _six_db_prepare (db, _six_db_kind_sql (db, kind)->insert_row, error);
  if (stmt == NULL)
    return FALSE;

  _six_db_bind_text (stmt, 1, id);
  for (guint i = 0; i < kind->n_fields; i++)
    _six_db_bind_value (stmt, (int) i + 2, &kind->fields[i], values[i]);
  if (!_six_db_step_done (db, stmt, error))
    {
      g_prefix_error (error, "%s %s: ", kind->name, id);
      return FALSE;
    }

  g_clear_pointer (&stmt, _six_stmt_release);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (stamps[i] == NULL)
        continue;

      if (!write_clock (db, operation, kind, id, kind->fields[i].name, stamps[i], error) ||
          (!journaled && !write_journal (db, operation, kind, id, kind->fields[i].name, FALSE,
                                         NULL, NULL, error)))
        return FALSE;

      journaled = TRUE;
      flags |= changed_flags (kind, i);
    }

  _six_db_mark_changed (db, kind, id, flags);

  return TRUE;
}

/* A new record of our own: every value it sets stamped like a local write of that field, in
 * field order. */
static gboolean
insert_local_record (SixDb          *db,
                     gint64          operation,
                     const SixKind  *kind,
                     const char     *id,
                     GVariant      **values,
                     const char     *source,
                     GError        **error)
{
  g_autofree SixFieldStamp *stamps = g_new0 (SixFieldStamp, kind->n_fields);
  g_autofree const SixFieldStamp **stamped = g_new0 (const SixFieldStamp *, kind->n_fields);
  g_autoptr(SixVersionVector) empty = six_version_vector_new ();
  const SixVersionVector *record_vv = empty;
  gboolean ok = TRUE;

  for (guint i = 0; i < kind->n_fields && ok; i++)
    {
      if (values[i] == NULL)
        continue;

      ok = stamp_local (db, record_vv, source, &stamps[i], error);
      record_vv = stamps[i].vv;
      stamped[i] = &stamps[i];
    }

  ok = ok && insert_record (db, operation, kind, id, values, stamped, error);

  /* stamp_local () lends the source; only the vectors are ours. */
  for (guint i = 0; i < kind->n_fields; i++)
    g_clear_pointer (&stamps[i].vv, six_version_vector_unref);

  return ok;
}

static gboolean
row_exists (SixDb          *db,
            const SixKind  *kind,
            const char     *id,
            gboolean       *exists,
            GError        **error)
{
  g_autoptr(SixStmt) stmt = _six_db_prepare (db, _six_db_kind_sql (db, kind)->exists, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  _six_db_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _six_db_fail (db, rc, error);

  *exists = rc == SQLITE_ROW;

  return TRUE;
}

SixRecord *
six_db_get_record (SixDb          *db,
                   const SixKind  *kind,
                   const char     *id,
                   gboolean        with_stamps,
                   GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  SixRecord *record;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  record = _six_db_read_record (db, kind, id, with_stamps, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (record == NULL)
    g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOT_FOUND,
                 _("%s %s does not exist"), kind->name, id);

  return record;
}

/* Every row @stmt steps to, as records without stamps: its columns are the id, then every
 * field of @kind in descriptor order (SixKindSql.columns). */
GPtrArray *
_six_db_read_rows (SixDb          *db,
                   const SixKind  *kind,
                   SixStmt        *stmt,
                   GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(SharedValues) shared = { NULL };
  int rc;

  shared_values_init (&shared);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GVariant **values = g_new0 (GVariant *, kind->n_fields);

      if (!read_values (stmt, kind, &shared, values, error))
        {
          g_free (values);
          return NULL;
        }
      g_ptr_array_add (records, six_record_new_take (kind,
                                                     (const char *) sqlite3_column_text (stmt, 0),
                                                     values, NULL, NULL));
    }

  if (rc != SQLITE_DONE)
    {
      _six_db_fail (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* Records ordered by id; with stamps, the clock rows are merged in one ordered scan. */
GPtrArray *
six_db_list_records (SixDb          *db,
                     const SixKind  *kind,
                     gboolean        include_deleted,
                     gboolean        with_stamps,
                     GError        **error)
{
  const SixKindSql *sql;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(SixStmt) stmt = NULL;
  g_autoptr(SixStmt) clocks = NULL;
  g_autoptr(GHashTable) vvs = NULL;
  g_autofree GVariant **values = NULL;
  g_autofree SixFieldStamp *stamps = NULL;
  g_auto(SharedValues) shared = { NULL };
  g_autoptr(SixStmt) extra_rows = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  StampReader reader = { NULL, NULL, NULL, NULL };
  int clock_rc;
  int extra_rc;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = _six_db_kind_sql (db, kind);
  stmt = _six_db_prepare (db, include_deleted ? sql->select_all : sql->select_live, error);
  if (stmt == NULL)
    return NULL;

  if (!with_stamps)
    return _six_db_read_rows (db, kind, stmt, error);

  records = g_ptr_array_new_with_free_func (g_object_unref);
  values = g_new0 (GVariant *, kind->n_fields);
  stamps = g_new0 (SixFieldStamp, kind->n_fields);
  shared_values_init (&shared);
  vvs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                               (GDestroyNotify) six_version_vector_unref);
  reader.vvs = vvs;
  clocks = _six_db_prepare (db,
    "SELECT id, field, vv, hlc_wall, hlc_counter, hlc_replica, source "
    "FROM clock WHERE kind = ?1 ORDER BY id", error);
  if (clocks == NULL)
    return NULL;
  _six_db_bind_text (clocks, 1, kind->name);
  clock_rc = sqlite3_step (clocks);

  unknown = g_ptr_array_new_with_free_func ((GDestroyNotify) six_extra_field_free);
  reader.unknown = unknown;
  extra_rows = _six_db_prepare (db,
    "SELECT id, field, json FROM extra_field WHERE kind = ?1 ORDER BY id, field", error);
  if (extra_rows == NULL)
    return NULL;
  _six_db_bind_text (extra_rows, 1, kind->name);
  extra_rc = sqlite3_step (extra_rows);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr(GPtrArray) extras = NULL;

      if (!read_values (stmt, kind, &shared, values, error))
        return NULL;

      /* Both scans are in id order (BINARY collation, like strcmp on UTF-8). */
      while (clock_rc == SQLITE_ROW)
        {
          int cmp = strcmp ((const char *) sqlite3_column_text (clocks, 0), id);

          if (cmp > 0)
            break;
          if (cmp == 0 &&
              !read_stamp (db, &reader, clocks, 1, kind, id, stamps, error))
            {
              clear_values (values, kind->n_fields);
              clear_stamps (stamps, kind->n_fields);
              return NULL;
            }
          clock_rc = sqlite3_step (clocks);
        }

      if (!list_extras (db, &reader, extra_rows, &extra_rc, kind, id, &extras, error))
        {
          clear_values (values, kind->n_fields);
          clear_stamps (stamps, kind->n_fields);
          return NULL;
        }

      /* Clocks of unknown fields without a value: history only, already read. */
      g_ptr_array_set_size (unknown, 0);

      g_ptr_array_add (records, six_record_new_take (kind, id, g_steal_pointer (&values),
                                                     g_steal_pointer (&stamps),
                                                     g_steal_pointer (&extras)));
      values = g_new0 (GVariant *, kind->n_fields);
      stamps = g_new0 (SixFieldStamp, kind->n_fields);
    }

  if (rc != SQLITE_DONE)
    {
      _six_db_fail (db, rc, error);
      return NULL;
    }

  if (clock_rc != SQLITE_DONE && clock_rc != SQLITE_ROW)
    {
      _six_db_fail (db, clock_rc, error);
      return NULL;
    }

  if (extra_rc != SQLITE_DONE && extra_rc != SQLITE_ROW)
    {
      _six_db_fail (db, extra_rc, error);
      return NULL;
    }

  return g_steal_pointer (&records);
}

/* Whether a row exists, tombstoned or not. */
gboolean
six_db_record_exists (SixDb         *db,
                      const SixKind *kind,
                      const char    *id)
{
  g_autoptr(GError) error = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!row_exists (db, kind, id, &exists, &error))
    g_debug ("%s", error->message);

  return exists;
}

/**
 * six_db_find_kind_of_id:
 * @kinds: (nullable): kind names to try in order, or %NULL for every kind
 *
 * Returns: (nullable): the first of @kinds holding a record @id
 */
const SixKind *
six_db_find_kind_of_id (SixDb              *db,
                        const char         *id,
                        const char * const *kinds)
{
  guint n_kinds;
  const SixKind *all = six_kind_all (&n_kinds);

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (kinds == NULL)
    {
      for (guint i = 0; i < n_kinds; i++)
        if (six_db_record_exists (db, &all[i], id))
          return &all[i];
      return NULL;
    }

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      const SixKind *kind = six_kind_lookup (kinds[i]);

      if (kind != NULL && six_db_record_exists (db, kind, id))
        return kind;
    }

  return NULL;
}

gint64
six_db_count_records (SixDb         *db,
                      const SixKind *kind,
                      gboolean       include_deleted)
{
  const SixKindSql *sql;
  g_autoptr(SixStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (kind != NULL, 0);

  sql = _six_db_kind_sql (db, kind);
  stmt = _six_db_prepare (db, include_deleted ? sql->count_all : sql->count_live, &error);
  if (stmt == NULL)
    {
      g_debug ("%s", error->message);
      return 0;
    }

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
check_reference (SixDb          *db,
                 const SixKind  *kind,
                 const char     *id,
                 const SixField *field,
                 const char     *target,
                 GError        **error)
{
  for (guint i = 0; field->targets[i] != NULL; i++)
    {
      const SixKind *target_kind = six_kind_lookup (field->targets[i]);
      gboolean exists = FALSE;

      if (target_kind == NULL)
        continue;
      if (!row_exists (db, target_kind, target, &exists, error))
        return FALSE;
      if (exists)
        return TRUE;
    }

  g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID,
               _("%s %s: %s: “%s” does not exist"), kind->name, id, field->name, target);

  return FALSE;
}

/* Polymorphic references have no foreign key, so local edits are checked here. */
static gboolean
check_references (SixDb          *db,
                  const SixKind  *kind,
                  const char     *id,
                  const SixField *field,
                  GVariant       *value,
                  GError        **error)
{
  if (value == NULL || field->targets == NULL)
    return TRUE;

  if (field->type == SIX_FIELD_REF)
    return check_reference (db, kind, id, field, g_variant_get_string (value, NULL), error);

  if (field->type == SIX_FIELD_SET)
    {
      GVariantIter iter;
      const char *item;

      g_variant_iter_init (&iter, value);
      while (g_variant_iter_next (&iter, "&s", &item))
        if (!check_reference (db, kind, id, field, item, error))
          return FALSE;
    }

  return TRUE;
}

static gboolean
apply_edit (SixDb          *db,
            gint64          operation,
            const SixEdit  *edit,
            guint          *n_changes,
            GError        **error)
{
  const SixKind *kind = six_edit_get_kind (edit);
  const char *id = six_edit_get_id (edit);
  g_autoptr(SixRecord) current = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree GVariant **after = g_new0 (GVariant *, kind->n_fields);
  g_autofree gboolean *given = g_new0 (gboolean, kind->n_fields);
  g_autoptr(GVariant) default_visibility = NULL;
  g_autoptr(GVariant) default_deleted = NULL;
  g_autoptr(SixVersionVector) record_vv = NULL;
  gboolean exists;

  if (!six_edit_validate (edit, &local_error))
    {
      g_set_error_literal (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  current = _six_db_read_record (db, kind, id, TRUE, &record_vv, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  exists = current != NULL;

  for (guint i = 0; i < six_edit_get_n_changes (edit); i++)
    {
      GVariant *value;
      guint field = six_edit_get_nth_field (edit, i, &value);

      after[field] = value;
      given[field] = TRUE;
    }

  if (!exists)
    {
      /* A new record gets its visibility and liveness stamped like any other field. */
      if (!given[SIX_FIELD_VISIBILITY])
        {
          default_visibility = g_variant_ref_sink (g_variant_new_string (
            six_visibility_to_string (kind->default_visibility)));
          after[SIX_FIELD_VISIBILITY] = default_visibility;
          given[SIX_FIELD_VISIBILITY] = TRUE;
        }
      if (!given[SIX_FIELD_DELETED])
        {
          default_deleted = g_variant_ref_sink (g_variant_new_boolean (FALSE));
          after[SIX_FIELD_DELETED] = default_deleted;
          given[SIX_FIELD_DELETED] = TRUE;
        }

      for (guint i = 0; i < kind->n_fields; i++)
        {
          if ((kind->fields[i].flags & SIX_FIELD_FLAGS_REQUIRED) && after[i] == NULL)
            {
              g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID,
                           _("%s %s: %s: a value is required"), kind->name, id,
                           kind->fields[i].name);
              return FALSE;
            }
        }
    }

  /* Check everything before the first write, so a refused edit writes nothing. */
  for (guint i = 0; i < kind->n_fields; i++)
    {
      GVariant *before = exists ? six_record_get_nth_value (current, i) : NULL;

      if (given[i] && !_six_db_values_equal (before, after[i]) &&
          !check_references (db, kind, id, &kind->fields[i], after[i], error))
        return FALSE;
    }

  if (!exists)
    {
      for (guint i = 0; i < kind->n_fields; i++)
        *n_changes += after[i] != NULL;

      return insert_local_record (db, operation, kind, id, after, six_edit_get_source (edit),
                                  error);
    }

  for (guint i = 0; i < kind->n_fields; i++)
    {
      GVariant *before = six_record_get_nth_value (current, i);

      if (!given[i] || _six_db_values_equal (before, after[i]))
        continue;

      if (!_six_db_local_write (db, operation, kind, id, i, TRUE, &record_vv, before, after[i],
                                six_edit_get_source (edit), error))
        return FALSE;

      (*n_changes)++;
    }

  return TRUE;
}

/**
 * six_db_apply_edits:
 * @label: what the user did, shown in the undo history
 * @edits: (element-type SixEdit): the changes, applied in order
 *
 * Returns: the operation's id; 0 with no error when nothing changed
 */
gint64
six_db_apply_edits (SixDb       *db,
                    const char  *label,
                    GPtrArray   *edits,
                    GError     **error)
{
  gint64 operation;
  guint n_changes = 0;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (label != NULL, 0);
  g_return_val_if_fail (edits != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!six_db_begin (db, error))
    return 0;

  operation = _six_db_open_operation (db, label, 0, error);
  if (operation == 0)
    goto failed;

  for (guint i = 0; i < edits->len; i++)
    {
      guint n_record_changes = 0;

      if (!apply_edit (db, operation, edits->pdata[i], &n_record_changes, error))
        goto failed;

      n_changes += n_record_changes;
    }

  if (n_changes == 0)
    {
      g_autoptr(SixStmt) stmt = NULL;

      /* Nothing to undo, so nothing to record. */
      stmt = _six_db_prepare (db, "DELETE FROM operation WHERE id = ?1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, operation);
      if (!_six_db_step_done (db, stmt, error))
        goto failed;
      operation = 0;
    }

  if (!six_db_commit (db, error))
    return 0;

  return operation;

failed:
  six_db_rollback (db);
  return 0;
}

/* The row of a record whose first write is a field of a newer version, journaled as created
 * (undo tombstones it) like the row a first known field inserts. */
static gboolean
insert_bare_row (SixDb          *db,
                 gint64          operation,
                 const SixKind  *kind,
                 const char     *id,
                 const char     *name,
                 GError        **error)
{
  g_autoptr(SixStmt) stmt = _six_db_prepare (db, _six_db_kind_sql (db, kind)->insert_id, error);

  if (stmt == NULL)
    return FALSE;

  _six_db_bind_text (stmt, 1, id);
  if (!_six_db_step_done (db, stmt, error))
    {
      g_prefix_error (error, "%s %s: ", kind->name, id);
      return FALSE;
    }

  g_clear_pointer (&stmt, _six_stmt_release);

  if (!write_journal (db, operation, kind, id, name, FALSE, NULL, NULL, error))
    return FALSE;

  /* A live row, even a bare one, is in the index, as a rebuild would put it. */
  _six_db_mark_changed (db, kind, id, SIX_DB_CHANGED_VALUES | SIX_DB_CHANGED_SEARCH |
                                      SIX_DB_CHANGED_CREATED);

  return TRUE;
}

/**
 * six_db_put_extra_field:
 * @name: a field of a newer minor version of the format, unknown to this one
 * @json: (nullable): its value as JSON text, as the file gave it; %NULL when cleared
 * @stamp: the clock the value carries, written as given
 *
 * six_db_put_field () for a field the store has no column for (format §4): kept with its
 * clock, merged like any other and exported again. A record not held here gets its row, as
 * with a first known field.
 */
gboolean
six_db_put_extra_field (SixDb               *db,
                        gint64               operation,
                        const SixKind       *kind,
                        const char          *id,
                        const char          *name,
                        const char          *json,
                        const SixFieldStamp *stamp,
                        GError             **error)
{
  g_autofree char *before = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (db->depth > 0, FALSE);
  g_return_val_if_fail (operation > 0, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (stamp != NULL && stamp->vv != NULL, FALSE);
  g_return_val_if_fail (stamp->hlc.replica != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name[0] == '\0' || six_kind_field_index (kind, name) >= 0)
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID,
                   _("%s %s: “%s” is not a field of a newer version"), kind->name, id, name);
      return FALSE;
    }

  if (!six_id_is_valid (id))
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID,
                   _("%s: “%s” is not a valid record id"), kind->name, id);
      return FALSE;
    }

  if (!row_exists (db, kind, id, &exists, error) ||
      (!exists && !insert_bare_row (db, operation, kind, id, name, error)))
    return FALSE;

  if (!_six_db_read_extra (db, kind, id, name, &before, error))
    return FALSE;

  six_hlc_clock_observe (db->clock, &stamp->hlc, NULL);

  return _six_db_write_extra (db, operation, kind, id, name, before, json, stamp, error);
}

/* Whether @writes set every field a record cannot be created without. */
static gboolean
writes_complete_record (const SixKind       *kind,
                        const SixFieldWrite *writes,
                        guint                n_writes)
{
  guint next = 0;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (!(kind->fields[i].flags & SIX_FIELD_FLAGS_REQUIRED))
        continue;

      while (next < n_writes && writes[next].field < i)
        next++;
      if (next == n_writes || writes[next].field != i)
        return FALSE;
    }

  return TRUE;
}

/* A record not held here, complete: one row, as a local creation writes it. */
static gboolean
put_new_record (SixDb               *db,
                gint64               operation,
                const SixKind       *kind,
                const char          *id,
                const SixFieldWrite *writes,
                guint                n_writes,
                GError             **error)
{
  g_autofree GVariant **values = g_new0 (GVariant *, kind->n_fields);
  g_autofree const SixFieldStamp **stamps = g_new0 (const SixFieldStamp *, kind->n_fields);

  for (guint i = 0; i < n_writes; i++)
    {
      values[writes[i].field] = writes[i].value;
      stamps[writes[i].field] = writes[i].stamp;
    }

  return insert_record (db, operation, kind, id, values, stamps, error);
}

/* One field at a time: the first write of a record not held here inserts its row. */
static gboolean
put_each_field (SixDb               *db,
                gint64               operation,
                const SixKind       *kind,
                const char          *id,
                const SixFieldWrite *writes,
                guint                n_writes,
                GError             **error)
{
  for (guint i = 0; i < n_writes; i++)
    {
      g_autoptr(GVariant) before = NULL;
      gboolean exists;

      if (!_six_db_read_field (db, kind, id, writes[i].field, &exists, &before, error) ||
          !_six_db_write_field (db, operation, kind, id, writes[i].field, exists, before,
                                writes[i].value, writes[i].stamp, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_field_write (const SixKind        *kind,
                   const char           *id,
                   const SixFieldWrite  *write,
                   GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  if (write->value != NULL &&
      !six_field_validate (&kind->fields[write->field], write->value, &local_error))
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID,
                   "%s %s: %s", kind->name, id, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * six_db_put_fields:
 * @writes: (array length=n_writes): values with the stamps they carry, in field order, each
 *   field once; borrowed
 *
 * A merge write of several fields of one record, inside a transaction and an operation from
 * six_db_begin_operation (). Every value is checked before the first write. A record not held
 * here that @writes create completely is inserted in one row.
 * References are not checked here: single-target ones by foreign keys at commit.
 */
gboolean
six_db_put_fields (SixDb                *db,
                   gint64                operation,
                   const SixKind        *kind,
                   const char           *id,
                   const SixFieldWrite  *writes,
                   guint                 n_writes,
                   GError              **error)
{
  gboolean exists;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (db->depth > 0, FALSE);
  g_return_val_if_fail (operation > 0, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (writes != NULL || n_writes == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n_writes; i++)
    {
      g_return_val_if_fail (writes[i].field < kind->n_fields, FALSE);
      g_return_val_if_fail (i == 0 || writes[i].field > writes[i - 1].field, FALSE);
      g_return_val_if_fail (writes[i].stamp != NULL && writes[i].stamp->vv != NULL, FALSE);
      g_return_val_if_fail (writes[i].stamp->hlc.replica != NULL, FALSE);
    }

  if (!six_id_is_valid (id))
    {
      g_set_error (error, SIX_STORE_ERROR, SIX_STORE_ERROR_INVALID,
                   _("%s: “%s” is not a valid record id"), kind->name, id);
      return FALSE;
    }

  for (guint i = 0; i < n_writes; i++)
    if (!check_field_write (kind, id, &writes[i], error))
      return FALSE;

  /* Later local writes must stamp after everything we have seen. */
  for (guint i = 0; i < n_writes; i++)
    six_hlc_clock_observe (db->clock, &writes[i].stamp->hlc, NULL);

  if (n_writes == 0)
    return TRUE;

  if (!row_exists (db, kind, id, &exists, error))
    return FALSE;

  if (!exists && writes_complete_record (kind, writes, n_writes))
    return put_new_record (db, operation, kind, id, writes, n_writes, error);

  return put_each_field (db, operation, kind, id, writes, n_writes, error);
}

/**
 * six_db_put_field:
 * @value: (nullable): the value, consumed if floating; %NULL unsets the field
 * @stamp: the clock the value carries, written as given
 *
 * six_db_put_fields () for one field.
 */
gboolean
six_db_put_field (SixDb               *db,
                  gint64               operation,
                  const SixKind       *kind,
                  const char          *id,
                  guint                field,
                  GVariant            *value,
                  const SixFieldStamp *stamp,
                  GError             **error)
{
  g_autoptr(GVariant) owned = value != NULL ? g_variant_ref_sink (value) : NULL;
  SixFieldWrite write = { field, owned, stamp };

  return six_db_put_fields (db, operation, kind, id, &write, 1, error);
}
