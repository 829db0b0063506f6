/* six-exchange-file.c — an exchange file in memory: its header and its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-exchange-file"

#include "config.h"

#include "six-exchange-file.h"

#include "six-exchange-private.h"
#include "six-exchange-reader.h"
#include "six-text.h"

#include <string.h>

struct _SixExchangeFile
{
  GObject parent_instance;

  /* Owned */
  char           *display_name;
  char           *export_id;
  char           *created_at;
  char           *app_version;
  SixReplicaInfo *origin;
  char           *scope_id;
  char           *checksum;
  GPtrArray      *replicas;  /* SixReplicaInfo */
  GPtrArray      *records;   /* SixRecord */
  GPtrArray      *outside;   /* SixOutsideReference */

  guint           minor_version;
  SixScopeType    scope;
  SixVisibility   level;
  gboolean        shipped;
};

G_DEFINE_FINAL_TYPE (SixExchangeFile, six_exchange_file, G_TYPE_OBJECT)

/* The JSON path of a refusal travels with the error, so callers need not parse the message. */
typedef struct
{
  char *path;
} SixExchangeErrorPrivate;

static void
six_exchange_error_private_init (SixExchangeErrorPrivate *priv)
{
  priv->path = NULL;
}

static void
six_exchange_error_private_copy (const SixExchangeErrorPrivate *src,
                                 SixExchangeErrorPrivate       *dest)
{
  dest->path = g_strdup (src->path);
}

static void
six_exchange_error_private_clear (SixExchangeErrorPrivate *priv)
{
  g_clear_pointer (&priv->path, g_free);
}

/* GLib's macro casts a byte pointer to the private struct, which its offset keeps aligned;
 * clang's -Wcast-align cannot know that. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
G_DEFINE_EXTENDED_ERROR (SixExchangeError, six_exchange_error)
#pragma GCC diagnostic pop

void
_six_exchange_set_error (GError           **error,
                         SixExchangeError   code,
                         const char        *display_name,
                         const char        *path,
                         const char        *format,
                         ...)
{
  g_autofree char *what = NULL;
  g_autofree char *safe_name = NULL;
  g_autofree char *safe_path = NULL;
  g_autofree char *safe_what = NULL;
  GError *new_error;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* The name, the path and the message may quote the file: none may carry a control. */
  safe_name = six_text_escape_controls (display_name, FALSE);
  safe_path = six_text_escape_controls (path != NULL ? path : "(root)", FALSE);
  safe_what = six_text_escape_controls (what, FALSE);
  new_error = g_error_new (SIX_EXCHANGE_ERROR, code, "%s: %s: %s", safe_name, safe_path,
                           safe_what);
  six_exchange_error_get_private (new_error)->path = g_strdup (path != NULL ? path : "(root)");
  g_propagate_error (error, new_error);
}

/**
 * six_exchange_error_get_path:
 * @error: a #GError
 *
 * Returns: (nullable): the JSON path of the problem when @error is a refusal of the
 *   exchange reader ("records[12].values.deadline", "(root)"), else %NULL
 */
const char *
six_exchange_error_get_path (const GError *error)
{
  if (error == NULL || error->domain != SIX_EXCHANGE_ERROR)
    return NULL;

  return six_exchange_error_get_private (error)->path;
}

SixReplicaInfo *
six_replica_info_new (const char *id,
                      const char *name,
                      const char *organisation)
{
  SixReplicaInfo *info;

  g_return_val_if_fail (id != NULL, NULL);

  info = g_new0 (SixReplicaInfo, 1);
  info->id = g_strdup (id);
  info->name = g_strdup (name);
  info->organisation = g_strdup (organisation);

  return info;
}

void
six_replica_info_free (SixReplicaInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_free (info->name);
  g_free (info->organisation);
  g_free (info);
}

static void
outside_reference_free (SixOutsideReference *reference)
{
  g_free (reference->id);
  g_free (reference->path);
  g_free (reference);
}

static void
six_exchange_file_finalize (GObject *object)
{
  SixExchangeFile *self = (SixExchangeFile *)object;

  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->export_id, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->app_version, g_free);
  g_clear_pointer (&self->origin, six_replica_info_free);
  g_clear_pointer (&self->scope_id, g_free);
  g_clear_pointer (&self->checksum, g_free);
  g_clear_pointer (&self->replicas, g_ptr_array_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->outside, g_ptr_array_unref);

  G_OBJECT_CLASS (six_exchange_file_parent_class)->finalize (object);
}

static void
six_exchange_file_class_init (SixExchangeFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = six_exchange_file_finalize;
}

static void
six_exchange_file_init (SixExchangeFile *self)
{
  self->minor_version = SIX_EXCHANGE_VERSION_MINOR;
  self->scope = SIX_SCOPE_ALL;
  self->level = SIX_VISIBILITY_PUBLIC;
  self->replicas = g_ptr_array_new_with_free_func ((GDestroyNotify) six_replica_info_free);
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->outside = g_ptr_array_new_with_free_func ((GDestroyNotify) outside_reference_free);
}

/**
 * six_exchange_size_limit:
 *
 * The largest file written or read, one limit for both so that every export imports again:
 * SIX_EXCHANGE_MAX_SIZE, or what this machine can address in one buffer if that is less.
 */
gsize
six_exchange_size_limit (void)
{
  return (gsize) MIN (SIX_EXCHANGE_MAX_SIZE, (gint64) G_MAXSSIZE);
}

/* An empty file of the current version: scope all, level public, no records. */
SixExchangeFile *
six_exchange_file_new (void)
{
  return g_object_new (SIX_TYPE_EXCHANGE_FILE, NULL);
}

/* The name errors start with: the file's name, or what the caller passed to the reader. */
/* Whether the file ships inside the program (the reference pack), so its stamps are the
 * pack's own and are not held against this computer's clock (format §4, rule 6). */
gboolean
six_exchange_file_get_shipped (SixExchangeFile *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (self), FALSE);

  return self->shipped;
}

void
six_exchange_file_set_shipped (SixExchangeFile *self,
                               gboolean         shipped)
{
  g_return_if_fail (SIX_IS_EXCHANGE_FILE (self));

  self->shipped = shipped;
}

const char *
six_exchange_file_get_display_name (SixExchangeFile *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (self), NULL);

  return self->display_name;
}

void
six_exchange_file_set_display_name (SixExchangeFile *self,
                                    const char      *name)
{
  g_return_if_fail (SIX_IS_EXCHANGE_FILE (self));

  g_free (self->display_name);
  self->display_name = g_strdup (name);
}

/* The file's format minor version; the major version is always SIX_EXCHANGE_VERSION_MAJOR. */
guint
six_exchange_file_get_minor_version (SixExchangeFile *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (self), 0);

  return self->minor_version;
}

void
six_exchange_file_set_minor_version (SixExchangeFile *self,
                                     guint            minor)
{
  g_return_if_fail (SIX_IS_EXCHANGE_FILE (self));

  self->minor_version = minor;
}

const char *
six_exchange_file_get_export_id (SixExchangeFile *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (self), NULL);

  return self->export_id;
}

void
six_exchange_file_set_export_id (SixExchangeFile *self,
                                 const char      *export_id)
{
  g_return_if_fail (SIX_IS_EXCHANGE_FILE (self));

  g_free (self->export_id);
  self->export_id = g_strdup (export_id);
}

/* "YYYY-MM-DDTHH:MM:SSZ" */
const char *
six_exchange_file_get_created_at (SixExchangeFile *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (self), NULL);

  return self->created_at;
}

void
six_exchange_file_set_created_at (SixExchangeFile *self,
                                  const char      *created_at)
{
  g_return_if_fail (SIX_IS_EXCHANGE_FILE (self));

  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
}

const char *
six_exchange_file_get_app_version (SixExchangeFile *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (self), NULL);

  return self->app_version;
}

void
six_exchange_file_set_app_version (SixExchangeFile *self,
                                   const char      *app_version)
{
  g_return_if_fail (SIX_IS_EXCHANGE_FILE (self));

  g_free (self->app_version);
  self->app_version = g_strdup (app_version);
}

/* Returns: (nullable): the replica that wrote the file */
const SixReplicaInfo *
six_exchange_file_get_origin (SixExchangeFile *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (self), NULL);

  return self->origin;
}

/* @origin is copied. */
void
six_exchange_file_set_origin (SixExchangeFile      *self,
                              const SixReplicaInfo *origin)
{
  g_return_if_fail (SIX_IS_EXCHANGE_FILE (self));

  g_clear_pointer (&self->origin, six_replica_info_free);
  if (origin != NULL)
    self->origin = six_replica_info_new (origin->id, origin->name, origin->organisation);
}

/* @scope_id: (out) (optional): the country or coalition id, %NULL for the other scopes */
SixScopeType
six_exchange_file_get_scope (SixExchangeFile  *self,
                             const char      **scope_id)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (self), SIX_SCOPE_ALL);

  if (scope_id != NULL)
    *scope_id = self->scope_id;

  return self->scope;
}

void
six_exchange_file_set_scope (SixExchangeFile *self,
                             SixScopeType     scope,
                             const char      *scope_id)
{
  g_return_if_fail (SIX_IS_EXCHANGE_FILE (self));
  g_return_if_fail (scope <= SIX_SCOPE_SELECTION);

  self->scope = scope;
  g_free (self->scope_id);
  self->scope_id = g_strdup (scope_id);
}

/* The sharing level the writer filtered by. */
SixVisibility
six_exchange_file_get_level (SixExchangeFile *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (self), SIX_VISIBILITY_PUBLIC);

  return self->level;
}

void
six_exchange_file_set_level (SixExchangeFile *self,
                             SixVisibility    level)
{
  g_return_if_fail (SIX_IS_EXCHANGE_FILE (self));
  g_return_if_fail (level <= SIX_VISIBILITY_PRIVATE);

  self->level = level;
}

/* Returns: (transfer none) (element-type SixReplicaInfo): the replicas the clocks name */
GPtrArray *
six_exchange_file_get_replicas (SixExchangeFile *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (self), NULL);

  return self->replicas;
}

/* @replica: (transfer full) */
void
six_exchange_file_add_replica (SixExchangeFile *self,
                               SixReplicaInfo  *replica)
{
  g_return_if_fail (SIX_IS_EXCHANGE_FILE (self));
  g_return_if_fail (replica != NULL);

  g_ptr_array_add (self->replicas, replica);
}

/* Returns: (transfer none) (element-type SixRecord): the records, in file order */
GPtrArray *
six_exchange_file_get_records (SixExchangeFile *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (self), NULL);

  return self->records;
}

/* @record: (transfer none): a reference is taken */
void
six_exchange_file_add_record (SixExchangeFile *self,
                              SixRecord       *record)
{
  g_return_if_fail (SIX_IS_EXCHANGE_FILE (self));
  g_return_if_fail (SIX_IS_RECORD (record));

  g_ptr_array_add (self->records, g_object_ref (record));
}

/* "sha256:<64 hex digits>", as read or written; %NULL for a file not yet written */
const char *
six_exchange_file_get_checksum (SixExchangeFile *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (self), NULL);

  return self->checksum;
}

void
six_exchange_file_set_checksum (SixExchangeFile *self,
                                const char      *checksum)
{
  g_return_if_fail (SIX_IS_EXCHANGE_FILE (self));

  g_free (self->checksum);
  self->checksum = g_strdup (checksum);
}

/**
 * six_exchange_file_get_outside_refs:
 *
 * Returns: (transfer none) (element-type SixOutsideReference): the references to records the
 *   file does not carry, in file order; empty unless the reader deferred them
 */
GPtrArray *
six_exchange_file_get_outside_refs (SixExchangeFile *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_FILE (self), NULL);

  return self->outside;
}

/* @field: the referring field, of a kind descriptor (never freed); @id and @path are copied */
void
six_exchange_file_add_outside_ref (SixExchangeFile *self,
                                   const SixField  *field,
                                   const char      *id,
                                   const char      *path)
{
  SixOutsideReference *reference;

  g_return_if_fail (SIX_IS_EXCHANGE_FILE (self));
  g_return_if_fail (field != NULL && field->targets != NULL);
  g_return_if_fail (id != NULL);
  g_return_if_fail (path != NULL);

  reference = g_new0 (SixOutsideReference, 1);
  reference->field = field;
  reference->id = g_strdup (id);
  reference->path = g_strdup (path);
  g_ptr_array_add (self->outside, reference);
}

gboolean
_six_exchange_uuid_is_valid (const char *text)
{
  if (!six_id_is_uuid (text))
    return FALSE;

  /* One spelling per UUID, or "A…" and "a…" would be two records. */
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

gboolean
_six_exchange_id_is_valid (const SixKind *kind,
                           const char    *id)
{
  if (kind->key == SIX_KEY_NATURAL)
    return six_id_is_valid (id);

  return _six_exchange_uuid_is_valid (id);
}

/* The rule of six-clock.c, which keeps its own check private. */
gboolean
_six_exchange_replica_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  len = strlen (id);
  if (len == 0 || len > SIX_REPLICA_ID_MAX)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '_' && id[i] != '-')
      return FALSE;

  return TRUE;
}
