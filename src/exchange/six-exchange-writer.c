/* six-exchange-writer.c — writing an exchange file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-exchange-writer"

#include "config.h"

#include "six-exchange-writer.h"

#include "six-db.h"
#include "six-exchange-output.h"
#include "six-exchange-private.h"
#include "six-part-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Two steps: six_exchange_collect () chooses the records (scope, closure, sharing level) and
 * six_exchange_write_file_to_stream () prints them — to a file with six_exchange_save_file (),
 * to memory with six_exchange_write_file (). The printer is our own, not json-glib's
 * generator: the layout is part of the format (§6 hashes bytes, the MIME magic reads the
 * first line) and must not change with a library version. The bytes are hashed and written
 * by six-exchange-output.c on a thread of their own while the next ones are printed.
 */

/* Emitter */

/* @text as the inside of a JSON string. */
static void
append_escaped (GString    *out,
                const char *text,
                gssize      len)
{
  const char *end = text + (len < 0 ? strlen (text) : (gsize) len);
  const char *run = text;

  for (const char *p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      /* Copy the plain run in one go; escapes are rare. */
      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
    }

  g_string_append_len (out, run, end - run);
}

void
_six_exchange_append_string (GString    *out,
                             const char *text,
                             gssize      len)
{
  g_string_append_c (out, '"');
  append_escaped (out, text, len);
  g_string_append_c (out, '"');
}

static void
append_nullable_string (GString    *out,
                        const char *text)
{
  if (text == NULL)
    g_string_append (out, "null");
  else
    _six_exchange_append_string (out, text, -1);
}

static void
append_value (GString  *out,
              GVariant *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    _six_exchange_append_string (out, g_variant_get_string (value, NULL), -1);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    g_string_append_printf (out, "%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    g_string_append (out, g_variant_get_boolean (value) ? "true" : "false");
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    {
      g_string_append_c (out, '[');
      for (gsize i = 0; i < g_variant_n_children (value); i++)
        {
          const char *item;

          if (i > 0)
            g_string_append (out, ", ");
          g_variant_get_child (value, i, "&s", &item);
          _six_exchange_append_string (out, item, -1);
        }
      g_string_append_c (out, ']');
    }
  else
    g_assert_not_reached ();
}

static void
append_uint64 (GString *out,
               guint64  number)
{
  char digits[20];
  guint n = sizeof digits;

  do
    {
      digits[--n] = (char) ('0' + number % 10);
      number /= 10;
    }
  while (number > 0);

  g_string_append_len (out, digits + n, (gssize) (sizeof digits - n));
}

static void
append_vv (GString                *out,
           const SixVersionVector *vv)
{
  g_string_append_c (out, '{');
  for (guint i = 0; i < six_version_vector_get_size (vv); i++)
    {
      guint64 counter;
      const char *replica = six_version_vector_get_nth (vv, i, &counter);

      if (i > 0)
        g_string_append (out, ", ");
      _six_exchange_append_string (out, replica, -1);
      g_string_append (out, ": ");
      append_uint64 (out, counter);
    }
  g_string_append_c (out, '}');
}

/* Records read together share their equal vectors, so each is printed once. */
static void
append_stamp (GString             *out,
              GHashTable          *printed_vvs,
              const SixFieldStamp *stamp)
{
  GString *vv = g_hash_table_lookup (printed_vvs, stamp->vv);

  if (vv == NULL)
    {
      vv = g_string_new (NULL);
      append_vv (vv, stamp->vv);
      g_hash_table_insert (printed_vvs, stamp->vv, vv);
    }

  g_string_append (out, "{\"vv\": ");
  g_string_append_len (out, vv->str, (gssize) vv->len);

  /* six_hlc_to_string (): wall.counter@replica */
  g_string_append (out, ", \"hlc\": \"");
  if (stamp->hlc.wall < 0)
    {
      g_string_append_c (out, '-');
      append_uint64 (out, -(guint64) stamp->hlc.wall);
    }
  else
    append_uint64 (out, (guint64) stamp->hlc.wall);
  g_string_append_c (out, '.');
  append_uint64 (out, stamp->hlc.counter);
  g_string_append_c (out, '@');
  append_escaped (out, stamp->hlc.replica, -1);
  g_string_append_c (out, '"');

  if (stamp->source != NULL)
    {
      g_string_append (out, ", \"source\": ");
      _six_exchange_append_string (out, stamp->source, -1);
    }
  g_string_append_c (out, '}');
}

static void
free_gstring (GString *string)
{
  g_string_free (string, TRUE);
}

static guint
kind_index (const SixKind *kind)
{
  return (guint) (kind - six_kind_all (NULL));
}

/* §2: by kind in the order of §3, then by id in byte order. */
static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  SixRecord *ra = *(SixRecord * const *) a;
  SixRecord *rb = *(SixRecord * const *) b;
  guint ka = kind_index (six_record_get_kind (ra));
  guint kb = kind_index (six_record_get_kind (rb));

  if (ka != kb)
    return ka < kb ? -1 : 1;

  return strcmp (six_record_get_id (ra), six_record_get_id (rb));
}

static int
compare_replicas (gconstpointer a,
                  gconstpointer b)
{
  const SixReplicaInfo *ra = *(SixReplicaInfo * const *) a;
  const SixReplicaInfo *rb = *(SixReplicaInfo * const *) b;

  return strcmp (ra->id, rb->id);
}

static gboolean
append_record (GString    *out,
               GHashTable *printed_vvs,
               SixRecord  *record,
               GError    **error)
{
  const SixKind *kind = six_record_get_kind (record);
  GPtrArray *extras = six_record_get_extras (record);
  gboolean first;

  g_string_append (out, "    {\n      \"kind\": ");
  _six_exchange_append_string (out, kind->name, -1);
  g_string_append (out, ",\n      \"id\": ");
  _six_exchange_append_string (out, six_record_get_id (record), -1);

  /* values, then clocks: the same members in the same order. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_string_append (out, pass == 0 ? ",\n      \"values\": {" : ",\n      \"clocks\": {");
      first = TRUE;

      for (guint i = 0; i < kind->n_fields; i++)
        {
          const SixFieldStamp *stamp = six_record_get_nth_stamp (record, i);

          if (!six_record_has_field (record, i))
            continue;

          /* A value without its clock could never be merged by the reader. */
          if (stamp == NULL || stamp->vv == NULL || stamp->hlc.replica == NULL)
            {
              _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_FAILED, "export", NULL,
                                       "%s %s: %s has a value but no clock", kind->name,
                                       six_record_get_id (record), kind->fields[i].name);
              return FALSE;
            }

          g_string_append (out, first ? "\n        " : ",\n        ");
          first = FALSE;
          _six_exchange_append_string (out, kind->fields[i].name, -1);
          g_string_append (out, ": ");
          if (pass == 0)
            append_value (out, six_record_get_nth_value (record, i));
          else
            append_stamp (out, printed_vvs, stamp);
        }

      for (guint i = 0; extras != NULL && i < extras->len; i++)
        {
          const SixExtraField *extra = extras->pdata[i];

          if (extra->stamp.vv == NULL || extra->stamp.hlc.replica == NULL)
            {
              _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_FAILED, "export", NULL,
                                       "%s %s: %s has a value but no clock", kind->name,
                                       six_record_get_id (record), extra->name);
              return FALSE;
            }

          g_string_append (out, first ? "\n        " : ",\n        ");
          first = FALSE;
          _six_exchange_append_string (out, extra->name, -1);
          g_string_append (out, ": ");
          if (pass == 1)
            append_stamp (out, printed_vvs, &extra->stamp);
          else if (extra->json != NULL)
            g_string_append (out, extra->json);
          else
            g_string_append (out, "null");
        }

      g_string_append (out, first ? "}" : "\n      }");
    }

  g_string_append (out, "\n    }");

  return TRUE;
}

static void
append_header (GString         *out,
               SixExchangeFile *file,
               GPtrArray       *replicas)
{
  static const char * const scopes[] = { "all", "country", "coalition", "selection" };
  const SixReplicaInfo *origin = six_exchange_file_get_origin (file);
  const char *scope_id;
  SixScopeType scope = six_exchange_file_get_scope (file, &scope_id);

  g_string_append (out, "{\n  \"format\": \"" SIX_EXCHANGE_FORMAT "\",\n");
  g_string_append_printf (out, "  \"format_version\": \"%d.%d\",\n",
                          SIX_EXCHANGE_VERSION_MAJOR, SIX_EXCHANGE_VERSION_MINOR);
  g_string_append (out, "  \"export_id\": ");
  _six_exchange_append_string (out, six_exchange_file_get_export_id (file), -1);
  g_string_append (out, ",\n  \"created_at\": ");
  _six_exchange_append_string (out, six_exchange_file_get_created_at (file), -1);
  g_string_append (out, ",\n  \"app_version\": ");
  _six_exchange_append_string (out, six_exchange_file_get_app_version (file), -1);

  g_string_append (out, ",\n  \"origin\": {\"replica\": ");
  _six_exchange_append_string (out, origin->id, -1);
  g_string_append (out, ", \"name\": ");
  append_nullable_string (out, origin->name);
  g_string_append (out, ", \"organisation\": ");
  append_nullable_string (out, origin->organisation);

  g_string_append (out, "},\n  \"scope\": {\"type\": ");
  _six_exchange_append_string (out, scopes[scope], -1);
  if (scope == SIX_SCOPE_COUNTRY || scope == SIX_SCOPE_COALITION)
    {
      g_string_append (out, ", \"id\": ");
      _six_exchange_append_string (out, scope_id, -1);
    }

  g_string_append (out, "},\n  \"level\": ");
  _six_exchange_append_string (out,
                               six_visibility_to_string (six_exchange_file_get_level (file)),
                               -1);

  g_string_append (out, ",\n  \"replicas\": [");
  for (guint i = 0; i < replicas->len; i++)
    {
      const SixReplicaInfo *replica = replicas->pdata[i];

      g_string_append (out, i == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ");
      _six_exchange_append_string (out, replica->id, -1);
      g_string_append (out, ", \"name\": ");
      append_nullable_string (out, replica->name);
      g_string_append (out, ", \"organisation\": ");
      append_nullable_string (out, replica->organisation);
      g_string_append_c (out, '}');
    }
  g_string_append (out, replicas->len > 0 ? "\n  ],\n" : "],\n");
}

static gboolean
check_header (SixExchangeFile  *file,
              GError          **error)
{
  const char *scope_id;
  SixScopeType scope = six_exchange_file_get_scope (file, &scope_id);

  if (!_six_exchange_uuid_is_valid (six_exchange_file_get_export_id (file)) ||
      six_exchange_file_get_created_at (file) == NULL ||
      six_exchange_file_get_app_version (file) == NULL ||
      six_exchange_file_get_origin (file) == NULL ||
      ((scope == SIX_SCOPE_COUNTRY || scope == SIX_SCOPE_COALITION) && scope_id == NULL))
    {
      _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_FAILED, "export", NULL,
                               "the header is incomplete (export id, time, version, origin "
                               "or scope)");
      return FALSE;
    }

  return TRUE;
}

/* The records of @file in the order of §2; %NULL when one appears twice. */
static GPtrArray *
sorted_records (SixExchangeFile  *file,
                GError          **error)
{
  /* Shallow copies: the file keeps owning the elements. */
  g_autoptr(GPtrArray) records = g_ptr_array_copy (six_exchange_file_get_records (file),
                                                   NULL, NULL);

  guint i;

  g_ptr_array_set_free_func (records, NULL);

  /* A collected file is in order already; a file read from elsewhere may not be. */
  for (i = 1; i < records->len; i++)
    if (compare_records (&records->pdata[i - 1], &records->pdata[i]) >= 0)
      break;
  if (i < records->len)
    g_ptr_array_sort (records, compare_records);

  for (i = 1; i < records->len; i++)
    {
      if (compare_records (&records->pdata[i - 1], &records->pdata[i]) == 0)
        {
          _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_FAILED, "export", NULL,
                                   "%s %s appears twice",
                                   six_record_get_kind_name (records->pdata[i]),
                                   six_record_get_id (records->pdata[i]));
          return NULL;
        }
    }

  return g_steal_pointer (&records);
}

/**
 * six_exchange_write_file_to_stream:
 * @file: the header and records to write
 * @stream: where to write them; left open
 * @cancellable: (nullable): stops the writing
 *
 * Prints @file in the layout of the format: two-space indents, records sorted, the checksum
 * last. The same @file always gives the same bytes. Sets the checksum of @file.
 *
 * The bytes are hashed and written on another thread while the next ones are printed, a
 * few megabytes at a time, whatever the size of the file.
 *
 * A file larger than import accepts (six_exchange_size_limit ()) is not finished: the error is
 * %SIX_EXCHANGE_ERROR_TOO_LARGE, so no one is sent a file they cannot read.
 *
 * Returns: %FALSE with @error set when @file cannot be written validly or @stream fails;
 *   @stream may then have received part of the file
 */
gboolean
six_exchange_write_file_to_stream (SixExchangeFile  *file,
                                   GOutputStream    *stream,
                                   GCancellable     *cancellable,
                                   GError          **error)
{
  return six_exchange_write_file_to_stream_full (file, stream, six_exchange_size_limit (),
                                                 cancellable, error);
}

/* The checksum line and the closing brace: the same length for every file. */
#define CHECKSUM_LINE_SIZE (sizeof ("  \"checksum\": \"sha256:\"\n}\n") - 1 + 64)

static gboolean
check_size (SixExchangeOutput  *output,
            guint64             max_size,
            GError            **error)
{
  g_autofree char *limit_text = NULL;

  if (_six_exchange_output_get_size (output) + CHECKSUM_LINE_SIZE <= max_size)
    return TRUE;

  limit_text = g_format_size (max_size);
  g_set_error (error, SIX_EXCHANGE_ERROR, SIX_EXCHANGE_ERROR_TOO_LARGE,
               _("The file would be over the limit of %s that importing accepts: export one "
                 "country or one coalition at a time instead"), limit_text);

  return FALSE;
}

/**
 * six_exchange_write_file_to_stream_full:
 * @max_size: the largest file to write, checksum line included
 *
 * six_exchange_write_file_to_stream () with another limit than import's.
 */
gboolean
six_exchange_write_file_to_stream_full (SixExchangeFile  *file,
                                        GOutputStream    *stream,
                                        guint64           max_size,
                                        GCancellable     *cancellable,
                                        GError          **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) replicas = NULL;
  g_autoptr(GHashTable) printed_vvs = NULL;
  g_autoptr(SixExchangeOutput) output = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *stated = NULL;
  g_autofree char *last_line = NULL;
  GString *out;

  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (file), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_header (file, error))
    return FALSE;

  records = sorted_records (file, error);
  if (records == NULL)
    return FALSE;

  replicas = g_ptr_array_copy (six_exchange_file_get_replicas (file), NULL, NULL);
  g_ptr_array_set_free_func (replicas, NULL);
  g_ptr_array_sort (replicas, compare_replicas);

  output = _six_exchange_output_new (stream, cancellable);
  append_header (_six_exchange_output_buffer (output), file, replicas);

  printed_vvs = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) free_gstring);
  out = _six_exchange_output_buffer (output);
  g_string_append (out, "  \"records\": [");
  for (guint i = 0; i < records->len; i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      if (!append_record (out, printed_vvs, records->pdata[i], error) ||
          !check_size (output, max_size, error))
        return FALSE;

      /* A failed stream says why in _six_exchange_output_finish (). */
      if (!_six_exchange_output_flush (output))
        break;
      out = _six_exchange_output_buffer (output);
    }
  g_string_append (out, records->len > 0 ? "\n  ],\n" : "],\n");
  if (!check_size (output, max_size, error))
    return FALSE;

  /* §6: the hash covers every byte before the checksum line. */
  checksum = _six_exchange_output_finish (output, error);
  if (checksum == NULL)
    return FALSE;

  stated = g_strconcat ("sha256:", checksum, NULL);
  last_line = g_strdup_printf ("  \"checksum\": \"%s\"\n}\n", stated);
  if (!g_output_stream_write_all (stream, last_line, strlen (last_line), NULL, cancellable,
                                  error))
    return FALSE;

  six_exchange_file_set_checksum (file, stated);

  return TRUE;
}

/**
 * six_exchange_write_file:
 * @file: the header and records to write
 *
 * six_exchange_write_file_to_stream () into memory.
 *
 * Returns: (transfer full): the file's bytes, or %NULL when @file cannot be written validly
 */
GBytes *
six_exchange_write_file (SixExchangeFile  *file,
                         GError          **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!six_exchange_write_file_to_stream (file, stream, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

/* Whether @file holds anything beyond public records: such a file is for its owner's eyes. */
static gboolean
holds_restricted_records (SixExchangeFile *file)
{
  GPtrArray *records = six_exchange_file_get_records (file);

  if (six_exchange_file_get_level (file) != SIX_VISIBILITY_PUBLIC)
    return TRUE;

  for (guint i = 0; i < records->len; i++)
    if (six_record_get_visibility (records->pdata[i]) != SIX_VISIBILITY_PUBLIC)
      return TRUE;

  return FALSE;
}

/* The permission bits of @file, or -1 when it does not exist or has none (not a local file). */
static int
query_mode (GFile        *file,
            GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_MODE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    return -1;

  return (int) (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0777);
}

/* Narrows the written file's mode: never writable by others, its owner's alone when
 * @restricted, and never wider than the file it replaced. Only ever removes bits. */
static gboolean
narrow_mode (GFile         *destination,
             gboolean       restricted,
             int            replaced_mode,
             GCancellable  *cancellable,
             GError       **error)
{
  int mode = query_mode (destination, cancellable);
  int narrowed;

  if (mode < 0)
    return TRUE;

  narrowed = mode & (restricted ? 0600 : 0755);
  if (replaced_mode >= 0)
    narrowed &= replaced_mode;
  if (narrowed == mode)
    return TRUE;

  return g_file_set_attribute_uint32 (destination, G_FILE_ATTRIBUTE_UNIX_MODE, (guint32) narrowed,
                                      G_FILE_QUERY_INFO_NONE, cancellable, error);
}

/* The process's umask, read without setting it (umask () would, for every thread). */
static mode_t
current_umask (void)
{
  g_autofree char *status = NULL;
  const char *line;
  unsigned int mask;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "\nUmask:")) != NULL &&
      sscanf (line + strlen ("\nUmask:"), "%o", &mask) == 1)
    return (mode_t) (mask & 0777);

  return 022;
}

static gboolean
write_part (SixExchangeFile  *file,
            const char       *part,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autoptr(GFile) part_file = g_file_new_for_path (part);
  g_autoptr(GFileOutputStream) stream = NULL;
  int fd;

  stream = g_file_append_to (part_file, G_FILE_CREATE_PRIVATE, cancellable, error);
  if (stream == NULL ||
      !six_exchange_write_file_to_stream (file, G_OUTPUT_STREAM (stream), cancellable, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return FALSE;

  /* On disk before it takes the destination's name. */
  fd = g_open (part, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write the file: %s"), part, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  return TRUE;
}

/* A local destination: written under a part name of our own beside it, created 0600, then
 * given its mode and renamed over the destination. */
static gboolean
save_local (SixExchangeFile  *file,
            const char       *path,
            gboolean          restricted,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *part = NULL;
  GStatBuf replaced;
  mode_t mode;

  six_part_files_sweep (dir);
  part = six_part_file_create (dir, base);
  if (part == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot create the file: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  mode = restricted ? 0600 : (0666 & ~current_umask ()) & 0755;
  if (g_stat (path, &replaced) == 0)
    mode &= replaced.st_mode & 0777;

  if (!write_part (file, part, cancellable, error))
    goto failed;

  if (g_chmod (part, (int) mode) != 0 || g_rename (part, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write the file: %s"), path, g_strerror (saved_errno));
      goto failed;
    }

  return TRUE;

failed:
  g_unlink (part);
  return FALSE;
}

/**
 * six_exchange_save_file:
 * @file: the header and records to write
 * @destination: the file to create or replace
 * @cancellable: (nullable): stops the writing
 *
 * Writes @file to @destination as a whole or not at all: a file that was there is
 * replaced only once every byte is written, and a file created for it is removed
 * when writing fails. A local file is written under a hidden part name beside it, created
 * 0600, and renamed; part files a killed export left in that folder are removed.
 *
 * A file holding coalition or private records is created readable by its owner alone
 * (0600), whatever the umask; a public one is never writable by others. Replacing a file
 * never widens its mode: a 0600 file stays 0600.
 */
gboolean
six_exchange_save_file (SixExchangeFile  *file,
                        GFile            *destination,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autofree char *local_path = NULL;
  GFileCreateFlags flags = G_FILE_CREATE_NONE;
  gboolean restricted;
  gboolean created = TRUE;
  int replaced_mode = -1;

  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (file), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  restricted = holds_restricted_records (file);
  local_path = g_file_get_path (destination);
  if (local_path != NULL)
    return save_local (file, local_path, restricted, cancellable, error);

  if (restricted)
    flags |= G_FILE_CREATE_PRIVATE;

  stream = g_file_create (destination, flags, cancellable, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_clear_error (&local_error);
      created = FALSE;
      replaced_mode = query_mode (destination, cancellable);
      /* GIO writes beside it and renames at close; the copy it writes is 0600 when asked
       * for, else it follows the umask. */
      stream = g_file_replace (destination, NULL, FALSE,
                               flags | G_FILE_CREATE_REPLACE_DESTINATION
                               | (replaced_mode >= 0 && (replaced_mode & 077) == 0
                                  ? G_FILE_CREATE_PRIVATE : 0),
                               cancellable, &local_error);
    }
  if (stream == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (six_exchange_write_file_to_stream (file, G_OUTPUT_STREAM (stream), cancellable,
                                         &local_error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    return narrow_mode (destination, restricted, replaced_mode, cancellable, error);

  /* Closing with a cancelled cancellable drops GIO's copy and keeps the file that was there. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  if (created)
    g_file_delete (destination, NULL, NULL);

  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

/* Choosing the records */

typedef struct
{
  SixDb                  *db;
  const SixExportOptions *options;
  const SixKind          *kinds;
  guint                   n_kinds;
  GPtrArray             **records;   /* per kind: every record, tombstones included */
  GHashTable            **by_id;     /* per kind: id → SixRecord */
  GHashTable             *excluded;  /* SixRecord: not shared at the level, or dropped */
  GHashTable             *included;  /* SixRecord */
  GPtrArray              *seeds;     /* SixRecord: what the scope asks for */
} Export;

static void
export_clear (Export *export)
{
  for (guint i = 0; i < export->n_kinds; i++)
    {
      if (export->records != NULL)
        g_clear_pointer (&export->records[i], g_ptr_array_unref);
      if (export->by_id != NULL)
        g_clear_pointer (&export->by_id[i], g_hash_table_unref);
    }

  g_clear_pointer (&export->records, g_free);
  g_clear_pointer (&export->by_id, g_free);
  g_clear_pointer (&export->excluded, g_hash_table_unref);
  g_clear_pointer (&export->included, g_hash_table_unref);
  g_clear_pointer (&export->seeds, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

static SixRecord *
lookup (Export     *export,
        const char *kind_name,
        const char *id)
{
  const SixKind *kind = six_kind_lookup (kind_name);

  if (kind == NULL)
    return NULL;

  return g_hash_table_lookup (export->by_id[kind_index (kind)], id);
}

/* The record a reference names, trying the field's target kinds in order. */
static SixRecord *
resolve (Export         *export,
         const SixField *field,
         const char     *id)
{
  for (guint i = 0; field->targets[i] != NULL; i++)
    {
      SixRecord *target = lookup (export, field->targets[i], id);

      if (target != NULL)
        return target;
    }

  return NULL;
}

/* Calls @func on every record a field of @record refers to (NULL when it is not stored);
 * stops and returns FALSE as soon as @func does. */
typedef gboolean (*TargetFunc) (Export         *export,
                                SixRecord      *record,
                                const SixField *field,
                                SixRecord      *target,
                                gpointer        data);

static gboolean
foreach_target (Export         *export,
                SixRecord      *record,
                guint           nth,
                TargetFunc      func,
                gpointer        data)
{
  const SixField *field = &six_record_get_kind (record)->fields[nth];
  GVariant *value = six_record_get_nth_value (record, nth);

  if (value == NULL || field->targets == NULL)
    return TRUE;

  if (field->type == SIX_FIELD_REF)
    return func (export, record, field,
                 resolve (export, field, g_variant_get_string (value, NULL)), data);

  for (gsize i = 0; i < g_variant_n_children (value); i++)
    {
      const char *id;

      g_variant_get_child (value, i, "&s", &id);
      if (!func (export, record, field, resolve (export, field, id), data))
        return FALSE;
    }

  return TRUE;
}

static gboolean
push_target (Export         *export,
             SixRecord      *record,
             const SixField *field,
             SixRecord      *target,
             gpointer        data)
{
  GPtrArray *queue = data;

  if (target != NULL && !g_hash_table_contains (export->excluded, target) &&
      !g_hash_table_contains (export->included, target))
    g_ptr_array_add (queue, target);

  return TRUE;
}

static gboolean
target_is_included (Export         *export,
                    SixRecord      *record,
                    const SixField *field,
                    SixRecord      *target,
                    gpointer        data)
{
  return target != NULL && g_hash_table_contains (export->included, target);
}

/* Adds @start and, transitively, every shared record it refers to. */
static void
include_closure (Export    *export,
                 SixRecord *start)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  if (g_hash_table_contains (export->excluded, start))
    return;

  g_ptr_array_add (queue, start);
  while (queue->len > 0)
    {
      SixRecord *record = g_ptr_array_steal_index_fast (queue, queue->len - 1);
      const SixKind *kind = six_record_get_kind (record);

      if (!g_hash_table_add (export->included, record))
        continue;

      for (guint i = 0; i < kind->n_fields; i++)
        foreach_target (export, record, i, push_target, queue);
    }
}

static gboolean
refers_to (SixRecord  *record,
           const char *field,
           const char *id)
{
  return g_strcmp0 (six_record_get_string (record, field), id) == 0;
}

/* Adds to the seeds every record of @kind_name whose @field is @id. */
static void
seed_referring (Export     *export,
                const char *kind_name,
                const char *field,
                const char *id,
                GPtrArray  *matches)
{
  GPtrArray *records = export->records[kind_index (six_kind_lookup (kind_name))];

  for (guint i = 0; i < records->len; i++)
    {
      if (refers_to (records->pdata[i], field, id))
        {
          g_ptr_array_add (export->seeds, records->pdata[i]);
          if (matches != NULL)
            g_ptr_array_add (matches, records->pdata[i]);
        }
    }
}

/* A coalition's workspace: its members, contributions, activities and meetings. */
static void
seed_coalition (Export     *export,
                SixRecord  *coalition)
{
  const char *id = six_record_get_id (coalition);

  g_ptr_array_add (export->seeds, coalition);
  seed_referring (export, "coalition_member", "coalition", id, NULL);
  seed_referring (export, "contribution", "coalition", id, NULL);
  seed_referring (export, "activity", "coalition", id, NULL);
  seed_referring (export, "meeting", "coalition", id, NULL);
}

/* A State's profile: the State and everything recorded about it. */
static void
seed_country (Export    *export,
              SixRecord *country)
{
  const char *id = six_record_get_id (country);
  g_autoptr(GPtrArray) obligations = g_ptr_array_new ();

  g_ptr_array_add (export->seeds, country);
  seed_referring (export, "obligation", "country", id, obligations);
  for (guint i = 0; i < obligations->len; i++)
    seed_referring (export, "extension_request", "obligation",
                    six_record_get_id (obligations->pdata[i]), NULL);
  seed_referring (export, "article7_report", "country", id, NULL);
  seed_referring (export, "assistance_request", "country", id, NULL);
  seed_referring (export, "contribution", "donor", id, NULL);
  seed_referring (export, "contribution", "recipient", id, NULL);
  seed_referring (export, "organisation", "country", id, NULL);
  seed_referring (export, "contact", "affiliation", id, NULL);
  seed_referring (export, "activity", "country", id, NULL);
  seed_referring (export, "meeting", "country", id, NULL);
}

static gboolean
collect_seeds (Export  *export,
               GError **error)
{
  const SixExportOptions *options = export->options;

  switch (options->scope)
    {
    case SIX_SCOPE_ALL:
      for (guint k = 0; k < export->n_kinds; k++)
        for (guint i = 0; i < export->records[k]->len; i++)
          g_ptr_array_add (export->seeds, export->records[k]->pdata[i]);
      break;

    case SIX_SCOPE_COUNTRY:
      {
        const char *id = options->scope_id;
        SixRecord *country = id != NULL ? lookup (export, "country", id) : NULL;
        g_autoptr(GPtrArray) coalitions = g_ptr_array_new ();

        if (country == NULL)
          {
            _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_FAILED, "export", "scope.id",
                                     "country “%s” is not in the database", id ? id : "");
            return FALSE;
          }

        seed_country (export, country);
        /* The seeds array collects the coalitions too; seed_coalition adds them again,
         * which the closure ignores. */
        seed_referring (export, "coalition", "lead", id, coalitions);
        for (guint i = 0; i < coalitions->len; i++)
          seed_coalition (export, coalitions->pdata[i]);
      }
      break;

    case SIX_SCOPE_COALITION:
      {
        const char *id = options->scope_id;
        SixRecord *coalition = id != NULL ? lookup (export, "coalition", id) : NULL;
        SixRecord *lead_country;
        const char *lead;

        if (coalition == NULL)
          {
            _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_FAILED, "export", "scope.id",
                                     "coalition “%s” is not in the database", id ? id : "");
            return FALSE;
          }

        seed_coalition (export, coalition);

        /* The lead State's profile travels with it: its obligations, deadlines and needs are
         * what the coalition works on (the level still keeps out what is not to be shared). */
        lead = six_record_get_string (coalition, "lead");
        if (lead != NULL && (lead_country = lookup (export, "country", lead)) != NULL)
          seed_country (export, lead_country);
      }
      break;

    case SIX_SCOPE_SELECTION:
      for (guint i = 0; i < options->n_selection; i++)
        {
          const SixExportItem *item = &options->selection[i];
          SixRecord *record = NULL;

          if (item->kind != NULL && item->id != NULL)
            record = lookup (export, item->kind, item->id);

          if (record == NULL)
            {
              _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_FAILED, "export", NULL,
                                       "%s %s is not in the database",
                                       item->kind ? item->kind : "(no kind)",
                                       item->id ? item->id : "(no id)");
              return FALSE;
            }

          g_ptr_array_add (export->seeds, record);
        }
      break;

    default:
      _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_FAILED, "export", "scope",
                               "unknown scope %d", options->scope);
      return FALSE;
    }

  return TRUE;
}

/* §5 to a fixed point: include the seeds and their closure, drop every record whose required
 * reference did not make it, and start again until nothing more is dropped. */
static void
choose_records (Export *export)
{
  gboolean with_notes = export->options->scope == SIX_SCOPE_COUNTRY ||
                        export->options->scope == SIX_SCOPE_COALITION;
  GPtrArray *notes = export->records[kind_index (six_kind_lookup ("note"))];
  gboolean dropped;

  do
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_remove_all (export->included);
      for (guint i = 0; i < export->seeds->len; i++)
        include_closure (export, export->seeds->pdata[i]);

      /* Notes on whatever is included; a note refers to nothing else. */
      if (with_notes)
        for (guint i = 0; i < notes->len; i++)
          if (foreach_target (export, notes->pdata[i],
                              (guint) six_kind_field_index (six_kind_lookup ("note"), "target"),
                              target_is_included, NULL) &&
              six_record_get_value (notes->pdata[i], "target") != NULL)
            include_closure (export, notes->pdata[i]);

      dropped = FALSE;
      g_hash_table_iter_init (&iter, export->included);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          SixRecord *record = key;
          const SixKind *kind = six_record_get_kind (record);

          for (guint i = 0; i < kind->n_fields; i++)
            {
              if (!(kind->fields[i].flags & SIX_FIELD_FLAGS_REQUIRED))
                continue;

              if (!foreach_target (export, record, i, target_is_included, NULL))
                {
                  g_hash_table_add (export->excluded, record);
                  dropped = TRUE;
                  break;
                }
            }
        }
    }
  while (dropped);
}

/* The record as it is sent: references to records that are not sent are left out. */
static SixRecord *
filter_record (Export    *export,
               SixRecord *record)
{
  const SixKind *kind = six_record_get_kind (record);
  g_autofree GVariant **values = NULL;
  g_autofree SixFieldStamp *stamps = NULL;
  gboolean changed = FALSE;

  for (guint i = 0; i < kind->n_fields && !changed; i++)
    if (!foreach_target (export, record, i, target_is_included, NULL))
      changed = TRUE;

  if (!changed)
    return g_object_ref (record);

  /* Borrowed: six_record_new_full () takes its own references. */
  values = g_new0 (GVariant *, kind->n_fields);
  stamps = g_new0 (SixFieldStamp, kind->n_fields);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const SixFieldStamp *stamp = six_record_get_nth_stamp (record, i);

      if (!foreach_target (export, record, i, target_is_included, NULL))
        continue;

      values[i] = six_record_get_nth_value (record, i);
      if (stamp != NULL)
        stamps[i] = *stamp;
    }

  return six_record_new_full (kind, six_record_get_id (record), values, stamps,
                              six_record_get_extras (record));
}

static void
add_stamp_replicas (GHashTable          *replicas,
                    const SixFieldStamp *stamp)
{
  if (stamp == NULL || stamp->vv == NULL)
    return;

  for (guint i = 0; i < six_version_vector_get_size (stamp->vv); i++)
    g_hash_table_add (replicas, (gpointer) six_version_vector_get_nth (stamp->vv, i, NULL));
  if (stamp->hlc.replica != NULL)
    g_hash_table_add (replicas, (gpointer) stamp->hlc.replica);
}

/**
 * six_exchange_collect:
 * @db: the store, used from the calling thread only
 * @options: (nullable): what to export; %NULL is everything at the public level
 *
 * Chooses the records of an export and fills a file with them and its header, without
 * printing it: the scope, the records they refer to, and the sharing level (§5).
 *
 * Returns: (transfer full): the file, or %NULL with @error set
 */
SixExchangeFile *
six_exchange_collect (SixDb                   *db,
                      const SixExportOptions  *options,
                      GError                 **error)
{
  static const SixExportOptions defaults = { 0 };
  g_auto(Export) export = { 0 };
  g_autoptr(SixExchangeFile) file = NULL;
  g_autoptr(GHashTable) replicas = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(SixReplicaInfo) origin = NULL;
  g_autofree char *export_id = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *self_name = NULL;
  const char *self;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = &defaults;

  if (options->level > SIX_VISIBILITY_PRIVATE)
    {
      _six_exchange_set_error (error, SIX_EXCHANGE_ERROR_FAILED, "export", "level",
                               "unknown sharing level %d", options->level);
      return NULL;
    }

  export.db = db;
  export.options = options;
  export.kinds = six_kind_all (&export.n_kinds);
  export.records = g_new0 (GPtrArray *, export.n_kinds);
  export.by_id = g_new0 (GHashTable *, export.n_kinds);
  export.excluded = g_hash_table_new (NULL, NULL);
  export.included = g_hash_table_new (NULL, NULL);
  export.seeds = g_ptr_array_new ();

  for (guint k = 0; k < export.n_kinds; k++)
    {
      export.records[k] = six_db_list_records (db, &export.kinds[k], TRUE, TRUE, error);
      if (export.records[k] == NULL)
        return NULL;

      export.by_id[k] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < export.records[k]->len; i++)
        {
          SixRecord *record = export.records[k]->pdata[i];

          g_hash_table_insert (export.by_id[k], (gpointer) six_record_get_id (record), record);
          if (six_record_get_visibility (record) > options->level)
            g_hash_table_add (export.excluded, record);
        }
    }

  if (!collect_seeds (&export, error))
    return NULL;

  choose_records (&export);

  self = six_db_get_replica_id (db);
  self_name = six_db_dup_replica_name (db, self);
  export_id = options->export_id != NULL ? g_strdup (options->export_id)
                                         : g_uuid_string_random ();
  if (options->created_at != NULL)
    created_at = g_strdup (options->created_at);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      created_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
    }

  file = six_exchange_file_new ();
  six_exchange_file_set_export_id (file, export_id);
  six_exchange_file_set_created_at (file, created_at);
  six_exchange_file_set_app_version (file, options->app_version != NULL ? options->app_version
                                                                        : PACKAGE_VERSION);
  origin = six_replica_info_new (self,
                                 options->origin_name != NULL ? options->origin_name
                                                              : self_name,
                                 options->origin_organisation);
  six_exchange_file_set_origin (file, origin);
  six_exchange_file_set_scope (file, options->scope,
                               options->scope == SIX_SCOPE_COUNTRY ||
                               options->scope == SIX_SCOPE_COALITION ? options->scope_id : NULL);
  six_exchange_file_set_level (file, options->level);

  /* In the order of §2 already: kinds in order, each listed by id. */
  chosen = g_ptr_array_new ();
  for (guint k = 0; k < export.n_kinds; k++)
    for (guint i = 0; i < export.records[k]->len; i++)
      if (g_hash_table_contains (export.included, export.records[k]->pdata[i]))
        g_ptr_array_add (chosen, export.records[k]->pdata[i]);

  replicas = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < chosen->len; i++)
    {
      g_autoptr(SixRecord) record = filter_record (&export, chosen->pdata[i]);
      const SixKind *kind = six_record_get_kind (record);
      GPtrArray *extras = six_record_get_extras (record);

      for (guint f = 0; f < kind->n_fields; f++)
        if (six_record_has_field (record, f))
          add_stamp_replicas (replicas, six_record_get_nth_stamp (record, f));
      for (guint f = 0; extras != NULL && f < extras->len; f++)
        add_stamp_replicas (replicas, &((SixExtraField *) extras->pdata[f])->stamp);

      six_exchange_file_add_record (file, record);
    }

  /* Every replica the clocks name, with the names the store knows (§1). */
  g_hash_table_iter_init (&iter, replicas);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *replica = key;

      if (g_strcmp0 (replica, self) == 0)
        six_exchange_file_add_replica (file, six_replica_info_new (origin->id, origin->name,
                                                                   origin->organisation));
      else
        {
          g_autofree char *name = six_db_dup_replica_name (db, replica);

          six_exchange_file_add_replica (file, six_replica_info_new (replica, name, NULL));
        }
    }
  g_ptr_array_sort (six_exchange_file_get_replicas (file), compare_replicas);

  return g_steal_pointer (&file);
}

/* The export in the exchange log: what was written, where, and how many records. */
static gboolean
log_export (SixDb            *db,
            SixExchangeFile  *file,
            GFile            *destination,
            GError          **error)
{
  const SixReplicaInfo *origin = six_exchange_file_get_origin (file);
  g_autofree char *file_name = g_file_get_basename (destination);
  g_autofree char *counts = g_strdup_printf ("{\"records\": %u}",
                                             six_exchange_file_get_records (file)->len);
  SixExchangeLogEntry entry = { 0 };

  entry.direction = SIX_EXCHANGE_DIRECTION_EXPORT;
  entry.export_id = (char *) six_exchange_file_get_export_id (file);
  entry.checksum = (char *) six_exchange_file_get_checksum (file);
  entry.origin = origin->id;
  entry.origin_name = origin->name;
  entry.file_name = file_name;
  entry.counts = counts;

  return six_db_log_exchange (db, &entry, error) > 0;
}

/**
 * six_exchange_export:
 * @db: the store, used from the calling thread only (the repository's worker thread)
 * @options: (nullable): what to export; %NULL is everything at the public level
 * @destination: the file to create or replace
 * @cancellable: (nullable): stops the writing
 *
 * Collects, writes with six_exchange_save_file (), and records the export in the exchange
 * log, where the Exchange page lists it.
 *
 * Returns: (transfer full): the file as written, or %NULL with @error set
 */
SixExchangeFile *
six_exchange_export (SixDb                   *db,
                     const SixExportOptions  *options,
                     GFile                   *destination,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  g_autoptr(SixExchangeFile) file = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (destination), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = six_exchange_collect (db, options, error);
  if (file == NULL ||
      !six_exchange_save_file (file, destination, cancellable, error) ||
      !log_export (db, file, destination, error))
    return NULL;

  return g_steal_pointer (&file);
}

/**
 * six_exchange_write:
 * @db: the store, used from the calling thread only (the repository's worker thread)
 * @options: (nullable): what to export; %NULL is everything at the public level
 *
 * Returns: (transfer full): the bytes of an exchange file, or %NULL with @error set
 */
GBytes *
six_exchange_write (SixDb                   *db,
                    const SixExportOptions  *options,
                    GError                 **error)
{
  g_autoptr(SixExchangeFile) file = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = six_exchange_collect (db, options, error);
  if (file == NULL)
    return NULL;

  return six_exchange_write_file (file, error);
}

/**
 * six_exchange_count_levels:
 * @db: the store, used from the calling thread only (the repository's worker thread)
 * @options: (nullable): the scope to count; its level is ignored
 * @counts: (out caller-allocates): what a file of each level would hold
 *
 * Collects the scope at each sharing level, as six_exchange_collect () would for the file,
 * so the user choosing a level sees what each one adds.
 */
gboolean
six_exchange_count_levels (SixDb                   *db,
                           const SixExportOptions  *options,
                           SixLevelCounts          *counts,
                           GError                 **error)
{
  SixExportOptions level_options = { 0 };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options != NULL)
    level_options = *options;
  memset (counts, 0, sizeof *counts);

  for (guint level = SIX_VISIBILITY_PUBLIC; level <= SIX_VISIBILITY_PRIVATE; level++)
    {
      g_autoptr(SixExchangeFile) file = NULL;
      GPtrArray *records;

      level_options.level = level;
      file = six_exchange_collect (db, &level_options, error);
      if (file == NULL)
        return FALSE;

      records = six_exchange_file_get_records (file);
      for (guint i = 0; i < records->len; i++)
        {
          SixRecord *record = records->pdata[i];
          const char *kind = six_record_get_kind_name (record);

          /* Tombstones travel too, but the user counts what they would read. */
          if (six_record_is_deleted (record))
            continue;

          counts->n_records[level]++;
          if (strcmp (kind, "contact") == 0)
            counts->n_contacts[level]++;
          else if (strcmp (kind, "note") == 0)
            counts->n_notes[level]++;
        }
    }

  return TRUE;
}
