/* six-exchange-log.c — the conflicts kept for review and the files received and exported,
 * worded for people on the repository's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-exchange-log"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "six-conflict-item.h"
#include "six-display-name.h"
#include "six-exchange-file-item.h"
#include "six-exchange-log.h"
#include "six-import.h"
#include "six-labels.h"
#include "six-repository-run.h"

struct _SixExchangeLog
{
  GObject     parent_instance;

  GListStore *conflicts;  /* SixConflictItem, newest first */
  GListStore *files;      /* SixExchangeFileItem, received and exported, newest first */
};

G_DEFINE_FINAL_TYPE (SixExchangeLog, six_exchange_log, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONFLICTS,
  PROP_FILES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
value_text (const SixKind *kind,
            const char    *field,
            GVariant      *value)
{
  if (value == NULL)
    return g_strdup (_("no value"));

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_strdup (six_value_label (kind->name, field, g_variant_get_string (value, NULL)));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? _("Yes") : _("No"));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    {
      g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
      g_auto(GStrv) joined = NULL;
      g_autofree const char **items = g_variant_get_strv (value, NULL);

      for (guint i = 0; items[i] != NULL; i++)
        g_strv_builder_add (labels, six_value_label (kind->name, field, items[i]));
      joined = g_strv_builder_end (labels);

      return g_strjoinv (", ", joined);
    }

  return g_variant_print (value, FALSE);
}

static char *
date_text (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (ms / 1000);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d") : g_strdup ("");
}

/* "“State Party”, by Nadia Haddad on 2026-11-20" */
static char *
stamped_text (SixDb               *db,
              const SixKind       *kind,
              const char          *field,
              GVariant            *value,
              const SixFieldStamp *stamp)
{
  g_autofree char *text = value_text (kind, field, value);
  g_autofree char *name = NULL;
  g_autofree char *who = NULL;
  g_autofree char *date = date_text (stamp->hlc.wall);
  const char *replica = stamp->hlc.replica != NULL ? stamp->hlc.replica : "";

  if (g_strcmp0 (replica, six_db_get_replica_id (db)) == 0)
    /* Translators: a value, and the day it was written here: “State Party”, by you on 2026-11-20 */
    return g_strdup_printf (_("“%s”, by you on %s"), text, date);

  name = six_db_dup_replica_name (db, replica);
  who = six_replica_dup_display_name (name, replica);
  /* Translators: a value, who wrote it and the day: “State Party”, by Nadia Haddad on 2026-11-20 */
  return g_strdup_printf (_("“%s”, by %s on %s"), text, who, date);
}

static SixConflictItem *
conflict_item_new (SixDb             *db,
                   const SixConflict *conflict)
{
  const SixKind *kind = conflict->kind;
  const char *field = conflict->field == SIX_CONFLICT_EXTRA_FIELD
                      ? conflict->extra_field : kind->fields[conflict->field].name;
  g_autoptr(SixRecord) record = six_db_get_record (db, kind, conflict->record_id, FALSE, NULL);
  g_autofree char *name = record != NULL ? six_record_dup_display_name (record)
                                         : g_strdup (conflict->record_id);
  g_autofree char *title = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *replaced = NULL;

  /* Translators: a record and one of its fields: Lebanon · Status */
  title = g_strdup_printf (_("%s · %s"), name, six_field_label (field));
  kept = stamped_text (db, kind, field, conflict->won_value, &conflict->won_stamp);
  replaced = stamped_text (db, kind, field, conflict->lost_value, &conflict->lost_stamp);

  return six_conflict_item_new (conflict->id, title, kept, replaced);
}

/* The log's small JSON object of counts, or %NULL. */
static JsonObject *
parse_counts (JsonParser *parser,
              const char *json)
{
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  return json_node_get_object (json_parser_get_root (parser));
}

static guint
count_of (JsonObject *counts,
          const char *name)
{
  return counts != NULL && json_object_has_member (counts, name)
         ? (guint) json_object_get_int_member (counts, name) : 0;
}

static SixExchangeFileItem *
received_item_new (const SixExchangeLogEntry *entry)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *date = date_text (entry->at);
  g_autofree char *changes = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *description = NULL;
  JsonObject *counts = parse_counts (parser, entry->counts);
  SixMergeCounts merged = { 0 };

  merged.n_new = count_of (counts, "new");
  merged.n_changed = count_of (counts, "changed");
  merged.n_deleted = count_of (counts, "deleted");
  merged.n_unchanged = count_of (counts, "unchanged");
  merged.n_conflicts = count_of (counts, "conflicts");
  changes = six_merge_counts_describe (&merged);
  sender = six_replica_dup_display_name (entry->origin_name, entry->origin);
  /* Translators: who sent a file, the day it was imported, and what it changed */
  description = g_strdup_printf (_("From %s, imported on %s · %s"), sender, date, changes);

  return six_exchange_file_item_new (entry->file_name != NULL ? entry->file_name
                                                              : entry->export_id,
                                     description, FALSE);
}

static SixExchangeFileItem *
exported_item_new (const SixExchangeLogEntry *entry)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *date = date_text (entry->at);
  g_autofree char *description = NULL;
  JsonObject *counts = parse_counts (parser, entry->counts);
  guint n_records = count_of (counts, "records");

  /* Translators: the day a file was exported, then how many records it holds */
  description = g_strdup_printf (ngettext ("Exported on %s · %u record",
                                           "Exported on %s · %u records", n_records),
                                 date, n_records);

  return six_exchange_file_item_new (entry->file_name != NULL ? entry->file_name
                                                              : entry->export_id,
                                     description, TRUE);
}

static void
six_exchange_log_dispose (GObject *object)
{
  SixExchangeLog *self = (SixExchangeLog *) object;

  g_clear_object (&self->conflicts);
  g_clear_object (&self->files);

  G_OBJECT_CLASS (six_exchange_log_parent_class)->dispose (object);
}

static void
six_exchange_log_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SixExchangeLog *self = SIX_EXCHANGE_LOG (object);

  switch (prop_id)
    {
    case PROP_CONFLICTS:
      g_value_set_object (value, self->conflicts);
      break;
    case PROP_FILES:
      g_value_set_object (value, self->files);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_exchange_log_class_init (SixExchangeLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = six_exchange_log_dispose;
  object_class->get_property = six_exchange_log_get_property;

  /**
   * SixExchangeLog:conflicts: (type GListModel)
   *
   * The values merges replaced, still to review, as #SixConflictItem: newest first.
   */
  properties[PROP_CONFLICTS] =
    g_param_spec_object ("conflicts", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * SixExchangeLog:files: (type GListModel)
   *
   * The newest files received and exported, as #SixExchangeFileItem: newest first.
   */
  properties[PROP_FILES] =
    g_param_spec_object ("files", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
six_exchange_log_init (SixExchangeLog *self)
{
  self->conflicts = g_list_store_new (SIX_TYPE_CONFLICT_ITEM);
  self->files = g_list_store_new (SIX_TYPE_EXCHANGE_FILE_ITEM);
}

/**
 * six_exchange_log_build:
 * @n_files: how many of the newest files to read
 *
 * Reads the conflicts still to review and the newest files received and exported, on the
 * repository's thread.
 *
 * Returns: (transfer full): the log, or %NULL with @error set
 */
SixExchangeLog *
six_exchange_log_build (SixDb   *db,
                        guint    n_files,
                        GError **error)
{
  g_autoptr(SixExchangeLog) self = g_object_new (SIX_TYPE_EXCHANGE_LOG, NULL);
  g_autoptr(GPtrArray) conflicts = six_db_list_conflicts (db, FALSE, error);
  g_autoptr(GPtrArray) entries = NULL;

  if (conflicts == NULL)
    return NULL;
  entries = six_db_list_exchanges (db, n_files, error);
  if (entries == NULL)
    return NULL;

  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autoptr(SixConflictItem) item = conflict_item_new (db, conflicts->pdata[i]);

      g_list_store_append (self->conflicts, item);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const SixExchangeLogEntry *entry = entries->pdata[i];
      g_autoptr(SixExchangeFileItem) item = NULL;

      if (entry->direction == SIX_EXCHANGE_DIRECTION_IMPORT)
        item = received_item_new (entry);
      else
        item = exported_item_new (entry);
      g_list_store_append (self->files, item);
    }

  return g_steal_pointer (&self);
}

/* Returns: (transfer none): the conflicts still to review, as #SixConflictItem */
GListModel *
six_exchange_log_get_conflicts (SixExchangeLog *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_LOG (self), NULL);

  return G_LIST_MODEL (self->conflicts);
}

/* Returns: (transfer none): the files received and exported, as #SixExchangeFileItem */
GListModel *
six_exchange_log_get_files (SixExchangeLog *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_LOG (self), NULL);

  return G_LIST_MODEL (self->files);
}

/* No conflict waits, and no file was ever received or exported. */
gboolean
six_exchange_log_is_empty (SixExchangeLog *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_LOG (self), TRUE);

  return g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->files)) == 0;
}

/* On the repository's thread: for each key, whether this database has the file. */
static gpointer
find_seen (SixDb         *db,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  GArray *keys = user_data;
  g_autoptr(GArray) seen = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), keys->len);

  for (guint i = 0; i < keys->len; i++)
    {
      const SixExchangeFileKey *key = &g_array_index (keys, SixExchangeFileKey, i);
      g_autoptr(SixExchangeLogEntry) previous = NULL;
      gboolean has = FALSE;

      /* What this database wrote itself, it has; an import undone, it has not. */
      if (g_strcmp0 (key->origin, six_db_get_replica_id (db)) == 0)
        has = TRUE;
      else if (key->export_id != NULL)
        {
          if (!six_db_find_import (db, key->export_id, key->checksum, &previous, error))
            return NULL;
          has = previous != NULL && !previous->undone;
        }
      g_array_append_val (seen, has);
    }

  return g_steal_pointer (&seen);
}

/**
 * six_exchange_log_find_seen_async:
 * @keys: (element-type SixExchangeFileKey): the files to ask about; their strings must live
 *   until the callback
 *
 * Asks which files this database has: imported (and not undone), or written itself.
 */
void
six_exchange_log_find_seen_async (SixRepository       *repository,
                                  GArray              *keys,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (SIX_IS_REPOSITORY (repository));
  g_return_if_fail (keys != NULL);

  six_repository_read_async (repository, find_seen, g_array_ref (keys),
                             (GDestroyNotify) g_array_unref, (GDestroyNotify) g_array_unref,
                             cancellable, callback, user_data);
}

/* Returns: (element-type gboolean): for each key in order, whether the database has it */
GArray *
six_exchange_log_find_seen_finish (SixRepository  *repository,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return six_repository_run_finish (repository, result, error);
}
