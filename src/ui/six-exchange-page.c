/* six-exchange-page.c — the conflict log, with its restore, and the files received and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-exchange-page"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "six-display-name.h"
#include "six-exchange-page.h"
#include "six-import.h"
#include "six-incoming-group.h"
#include "six-labels.h"
#include "six-window.h"

/* The newest files received shown; the log keeps them all. */
#define N_FILES_SHOWN 50

struct _SixExchangePage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  SixIncomingGroup     *incoming_group;
  AdwPreferencesGroup  *conflicts_group;
  GtkListBox           *conflicts_list;
  AdwPreferencesGroup  *files_group;
  GtkListBox           *files_list;
  AdwPreferencesGroup  *exports_group;
  GtkListBox           *exports_list;

  /* Owned */
  SixRepository        *repository;
  GCancellable         *reading;
  guint                 reload_id;
};

G_DEFINE_FINAL_TYPE (SixExchangePage, six_exchange_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the page shows, worded on the repository's thread. */
typedef struct
{
  gint64  id;
  char   *title;    /* "Lebanon · Status" */
  char   *kept;
  char   *replaced;
} ConflictItem;

typedef struct
{
  char *title;      /* the file's name */
  char *subtitle;   /* who sent it, when, and what it changed */
} FileItem;

typedef struct
{
  GPtrArray *conflicts;
  GPtrArray *files;    /* received */
  GPtrArray *exports;
} Summary;

static void
conflict_item_free (ConflictItem *item)
{
  g_free (item->title);
  g_free (item->kept);
  g_free (item->replaced);
  g_free (item);
}

static void
file_item_free (FileItem *item)
{
  g_free (item->title);
  g_free (item->subtitle);
  g_free (item);
}

static void
summary_free (Summary *summary)
{
  g_clear_pointer (&summary->conflicts, g_ptr_array_unref);
  g_clear_pointer (&summary->files, g_ptr_array_unref);
  g_clear_pointer (&summary->exports, g_ptr_array_unref);
  g_free (summary);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Summary, summary_free)

/* --- on the repository's thread ------------------------------------------------------- */

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

/* Who sent or wrote something: their name, or for someone who gave none the start of their
 * id, never a bare UUID. */
static char *
sender_text (const char *name,
             const char *replica)
{
  if (name != NULL && name[0] != '\0')
    return g_strdup (name);

  /* Translators: a sender who did not give a name; %.8s is the start of their id */
  return g_strdup_printf (_("someone who gave no name (%.8s…)"), replica != NULL ? replica : "");
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
  who = sender_text (name, replica);
  /* Translators: a value, who wrote it and the day: “State Party”, by Nadia Haddad on 2026-11-20 */
  return g_strdup_printf (_("“%s”, by %s on %s"), text, who, date);
}

static ConflictItem *
conflict_item_new (SixDb             *db,
                   const SixConflict *conflict)
{
  const SixKind *kind = conflict->kind;
  const char *field = conflict->field == SIX_CONFLICT_EXTRA_FIELD
                      ? conflict->extra_field : kind->fields[conflict->field].name;
  g_autoptr(SixRecord) record = six_db_get_record (db, kind, conflict->record_id, FALSE, NULL);
  g_autofree char *title = record != NULL ? six_record_dup_display_name (record)
                                          : g_strdup (conflict->record_id);
  ConflictItem *item = g_new0 (ConflictItem, 1);

  item->id = conflict->id;
  /* Translators: a record and one of its fields: Lebanon · Status */
  item->title = g_strdup_printf (_("%s · %s"), title, six_field_label (field));
  item->kept = stamped_text (db, kind, field, conflict->won_value, &conflict->won_stamp);
  item->replaced = stamped_text (db, kind, field, conflict->lost_value, &conflict->lost_stamp);

  return item;
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

static FileItem *
file_item_new (const SixExchangeLogEntry *entry)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *date = date_text (entry->at);
  g_autofree char *changes = NULL;
  g_autofree char *sender = NULL;
  JsonObject *counts = parse_counts (parser, entry->counts);
  SixMergeCounts merged = { 0 };
  FileItem *item = g_new0 (FileItem, 1);

  merged.n_new = count_of (counts, "new");
  merged.n_changed = count_of (counts, "changed");
  merged.n_deleted = count_of (counts, "deleted");
  merged.n_unchanged = count_of (counts, "unchanged");
  merged.n_conflicts = count_of (counts, "conflicts");
  changes = six_merge_counts_describe (&merged);
  item->title = g_strdup (entry->file_name != NULL ? entry->file_name : entry->export_id);
  /* Translators: who sent a file, the day it was imported, and what it changed */
  sender = sender_text (entry->origin_name, entry->origin);
  item->subtitle = g_strdup_printf (_("From %s, imported on %s · %s"), sender, date, changes);

  return item;
}

static FileItem *
export_item_new (const SixExchangeLogEntry *entry)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *date = date_text (entry->at);
  JsonObject *counts = parse_counts (parser, entry->counts);
  FileItem *item = g_new0 (FileItem, 1);
  guint n_records;

  n_records = count_of (counts, "records");

  item->title = g_strdup (entry->file_name != NULL ? entry->file_name : entry->export_id);
  /* Translators: the day a file was exported, then how many records it holds */
  item->subtitle = g_strdup_printf (ngettext ("Exported on %s · %u record",
                                              "Exported on %s · %u records", n_records),
                                    date, n_records);

  return item;
}

static gpointer
read_summary (SixDb         *db,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(Summary) summary = g_new0 (Summary, 1);
  g_autoptr(GPtrArray) conflicts = six_db_list_conflicts (db, FALSE, error);
  g_autoptr(GPtrArray) entries = NULL;

  if (conflicts == NULL)
    return NULL;
  entries = six_db_list_exchanges (db, N_FILES_SHOWN, error);
  if (entries == NULL)
    return NULL;

  summary->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) conflict_item_free);
  for (guint i = 0; i < conflicts->len; i++)
    g_ptr_array_add (summary->conflicts, conflict_item_new (db, conflicts->pdata[i]));

  summary->files = g_ptr_array_new_with_free_func ((GDestroyNotify) file_item_free);
  summary->exports = g_ptr_array_new_with_free_func ((GDestroyNotify) file_item_free);
  for (guint i = 0; i < entries->len; i++)
    {
      const SixExchangeLogEntry *entry = entries->pdata[i];

      if (entry->direction == SIX_EXCHANGE_DIRECTION_IMPORT)
        g_ptr_array_add (summary->files, file_item_new (entry));
      else
        g_ptr_array_add (summary->exports, export_item_new (entry));
    }

  return g_steal_pointer (&summary);
}

/* --- on the main thread ---------------------------------------------------------------- */

static void
set_state (SixExchangePage *self,
           const char      *state)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), state) == 0)
    return;

  gtk_stack_set_visible_child_name (self->stack, state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void schedule_reload (SixExchangePage *self);

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SixExchangePage) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gint64 operation;

  operation = six_repository_restore_conflict_finish (SIX_REPOSITORY (object), result, &error);
  /* A restore writes the record, and the page reads again; a refusal writes nothing. */
  if (operation == 0)
    schedule_reload (self);
  if (!SIX_IS_WINDOW (root))
    return;

  if (operation > 0)
    six_window_add_undo_toast (SIX_WINDOW (root), _("Replaced value brought back"), operation);
  else
    six_window_add_toast (SIX_WINDOW (root), adw_toast_new (error->message));
}

static void
on_restore_clicked_cb (GtkButton       *button,
                       SixExchangePage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "conflict");

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  six_repository_restore_conflict_async (self->repository, *id, NULL, restored_cb,
                                         g_object_ref (self));
}

static GtkWidget *
conflict_row_new (SixExchangePage    *self,
                  const ConflictItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));
  g_autofree char *subtitle = NULL;
  g_autofree char *button_label = NULL;

  /* Translators: the value kept by a merge, then the value it replaced, each with who and when */
  subtitle = g_strdup_printf (_("Kept %s\nReplaced %s"), item->kept, item->replaced);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: the button's name for screen readers; %s is a record and field */
  button_label = g_strdup_printf (_("Bring back the replaced value of %s"), item->title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Bring back the replaced value"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  button_label, -1);
  g_object_set_data_full (G_OBJECT (button), "conflict", g_memdup2 (&item->id, sizeof item->id),
                          g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
file_row_new (const FileItem *item,
              const char     *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));

  return row;
}

static void
show_files (AdwPreferencesGroup *group,
            GtkListBox          *list,
            GPtrArray           *items,
            const char          *icon_name)
{
  remove_rows (list);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (list, file_row_new (items->pdata[i], icon_name));
  gtk_widget_set_visible (GTK_WIDGET (group), items->len > 0);
}

static void
show_summary (SixExchangePage *self,
              Summary         *summary)
{
  remove_rows (self->conflicts_list);
  for (guint i = 0; i < summary->conflicts->len; i++)
    gtk_list_box_append (self->conflicts_list,
                         conflict_row_new (self, summary->conflicts->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), summary->conflicts->len > 0);

  show_files (self->files_group, self->files_list, summary->files, "mail-attachment-symbolic");
  show_files (self->exports_group, self->exports_list, summary->exports,
              "document-send-symbolic");

  set_state (self, summary->conflicts->len + summary->files->len + summary->exports->len > 0
                   ? "content" : "empty");
}

static void
summary_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SixExchangePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Summary) summary = six_repository_run_finish (SIX_REPOSITORY (object), result,
                                                          &error);

  /* Stale: a newer read is under way, or the page is gone. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  if (summary == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (SIX_IS_WINDOW (root))
        six_window_add_toast (SIX_WINDOW (root), adw_toast_new (error->message));
      return;
    }

  show_summary (self, summary);
}

static gboolean
reload (gpointer user_data)
{
  SixExchangePage *self = user_data;

  self->reload_id = 0;
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  self->reading = g_cancellable_new ();
  six_repository_run_async (self->repository, read_summary, NULL, NULL,
                            (GDestroyNotify) summary_free, self->reading, summary_cb,
                            g_object_ref (self));

  return G_SOURCE_REMOVE;
}

/* Read only while shown: a hidden page reads again when it is next shown. */
static void
schedule_reload (SixExchangePage *self)
{
  if (self->repository != NULL && self->reload_id == 0 &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->reload_id = g_idle_add (reload, self);
}

/* Shown: read again, for what changed while hidden, and for imports whose merge kept every
 * local value, which write no record but may add conflicts. */
static void
six_exchange_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (six_exchange_page_parent_class)->map (widget);

  schedule_reload (SIX_EXCHANGE_PAGE (widget));
  six_incoming_group_rescan (SIX_EXCHANGE_PAGE (widget)->incoming_group);
}

static void
six_exchange_page_dispose (GObject *object)
{
  SixExchangePage *self = (SixExchangePage *)object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_EXCHANGE_PAGE);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (six_exchange_page_parent_class)->dispose (object);
}

static void
six_exchange_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SixExchangePage *self = SIX_EXCHANGE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_string (value, six_exchange_page_get_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_exchange_page_class_init (SixExchangePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_exchange_page_dispose;
  object_class->get_property = six_exchange_page_get_property;
  widget_class->map = six_exchange_page_map;

  /**
   * SixExchangePage:state:
   *
   * "loading" until the log is first read, "empty" before any file is received and while no
   * conflict waits, else "content".
   */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "loading",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-exchange-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SixExchangePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SixExchangePage, incoming_group);
  gtk_widget_class_bind_template_child (widget_class, SixExchangePage, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, SixExchangePage, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, SixExchangePage, files_group);
  gtk_widget_class_bind_template_child (widget_class, SixExchangePage, files_list);
  gtk_widget_class_bind_template_child (widget_class, SixExchangePage, exports_group);
  gtk_widget_class_bind_template_child (widget_class, SixExchangePage, exports_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SIX_TYPE_INCOMING_GROUP);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
six_exchange_page_init (SixExchangePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
six_exchange_page_set_repository (SixExchangePage *self,
                                  SixRepository   *repository)
{
  g_return_if_fail (SIX_IS_EXCHANGE_PAGE (self));
  g_return_if_fail (!repository || SIX_IS_REPOSITORY (repository));
  g_return_if_fail (self->repository == NULL);

  if (repository == NULL)
    return;

  self->repository = g_object_ref (repository);

  /* Every import and every restore writes records, of whatever kind. */
  g_signal_connect_object (repository, "changed", G_CALLBACK (schedule_reload), self,
                           G_CONNECT_SWAPPED);
  schedule_reload (self);
  six_incoming_group_set_repository (self->incoming_group, repository);
}

/* Reads the log again, now if the page is shown, else when it is next shown. */
void
six_exchange_page_reload (SixExchangePage *self)
{
  g_return_if_fail (SIX_IS_EXCHANGE_PAGE (self));

  schedule_reload (self);
}

/* "loading", "empty" or "content". */
const char *
six_exchange_page_get_state (SixExchangePage *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
