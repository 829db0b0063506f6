/* six-incoming-group.c — the files that arrived in the exchange folder, not yet imported
 *
 * A team that outgrows email shares a folder with the sync tool it already runs. Files that
 * arrive there are read on a thread of their own, the ones this database has not imported
 * (nor written itself) are listed, and each is previewed and applied by the user: nothing is
 * imported behind their back, and the merge makes the order files arrive in irrelevant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-incoming-group"

#include "config.h"

#include <glib/gi18n.h>

#include "six-accessible.h"
#include "six-exchange-log.h"
#include "six-exchange-reader.h"
#include "six-incoming-group.h"

/* A sync tool writes a file in several steps: look once it has been quiet this long. */
#define SETTLE_MS 500

struct _SixIncomingGroup
{
  AdwPreferencesGroup parent_instance;

  /* Template widgets */
  GtkListBox    *list;

  /* Owned */
  SixRepository *repository;
  char          *watched;   /* the folder the monitor watches */
  GFileMonitor  *monitor;
  GCancellable  *scanning;
  guint          settle_id;
};

G_DEFINE_FINAL_TYPE (SixIncomingGroup, six_incoming_group, ADW_TYPE_PREFERENCES_GROUP)

/* One file of the folder, as read. */
typedef struct
{
  char   *path;
  char   *name;
  char   *export_id;   /* %NULL: the file could not be read */
  char   *checksum;
  char   *origin;
  char   *subtitle;
} Incoming;

static void
incoming_free (Incoming *incoming)
{
  g_free (incoming->path);
  g_free (incoming->name);
  g_free (incoming->export_id);
  g_free (incoming->checksum);
  g_free (incoming->origin);
  g_free (incoming->subtitle);
  g_free (incoming);
}

/* --- on a thread of its own: reading the folder's files ---------------------------------- */

static Incoming *
incoming_read (GFile        *file,
               GCancellable *cancellable)
{
  /* The listing only says who sent what; whether a reference names a record held here is
   * resolved when the file is imported, where the store is. */
  SixExchangeReadOptions options = { .cancellable = cancellable, .defer_references = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(SixExchangeFile) exchange = six_exchange_read_file_full (file, &options, &error);
  Incoming *incoming = g_new0 (Incoming, 1);
  const SixReplicaInfo *origin;
  guint n_records;

  incoming->path = g_file_get_path (file);
  incoming->name = g_file_get_basename (file);
  if (exchange == NULL)
    {
      /* Translators: a file in the exchange folder that is not a valid exchange file */
      incoming->subtitle = g_strdup_printf (_("Cannot be read: %s"), error->message);
      return incoming;
    }

  origin = six_exchange_file_get_origin (exchange);
  n_records = six_exchange_file_get_records (exchange)->len;
  incoming->export_id = g_strdup (six_exchange_file_get_export_id (exchange));
  incoming->checksum = g_strdup (six_exchange_file_get_checksum (exchange));
  incoming->origin = g_strdup (origin != NULL ? origin->id : NULL);
  /* Translators: who sent a file that arrived in the exchange folder, and its size */
  incoming->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "From %s · %u record",
                                                     "From %s · %u records", n_records),
                                        origin != NULL && origin->name != NULL
                                        ? origin->name : _("someone who gave no name"),
                                        n_records);

  return incoming;
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *folder = task_data;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) incoming_free);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (children == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  while (g_file_enumerator_iterate (children, &info, NULL, cancellable, &error) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) child = NULL;

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          !g_str_has_suffix (name, ".a6.json"))
        continue;

      child = g_file_get_child (folder, name);
      g_ptr_array_add (found, incoming_read (child, cancellable));
    }
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) g_ptr_array_unref);
}

/* --- on the main thread ------------------------------------------------------------------ */

static void
on_preview_clicked_cb (GtkButton        *button,
                       SixIncomingGroup *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.import-path", "s", path);
}

static GtkWidget *
row_new (SixIncomingGroup *self,
         Incoming         *incoming)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), incoming->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), incoming->subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("folder-download-symbolic"));

  if (incoming->export_id != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Preview…"));

      /* Translators: the button's name for screen readers; %s is a file's name */
      label = g_strdup_printf (_("Preview “%s”"), incoming->name);
      six_accessible_name_button (GTK_BUTTON (button), label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "path", g_strdup (incoming->path), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_preview_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
show (SixIncomingGroup *self,
      GPtrArray        *incoming)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; incoming != NULL && i < incoming->len; i++)
    gtk_list_box_append (self->list, row_new (self, incoming->pdata[i]));

  gtk_widget_set_visible (GTK_WIDGET (self), incoming != NULL && incoming->len > 0);
}

typedef struct
{
  SixIncomingGroup *self;
  GPtrArray        *found;  /* Incoming, owning */
} Filtering;

static void
filtering_free (Filtering *filtering)
{
  g_object_unref (filtering->self);
  g_ptr_array_unref (filtering->found);
  g_free (filtering);
}

static void
filtered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Filtering *filtering = user_data;
  g_autoptr(GPtrArray) incoming = g_ptr_array_new ();
  g_autoptr(GArray) seen = NULL;
  g_autoptr(GError) error = NULL;

  seen = six_exchange_log_find_seen_finish (SIX_REPOSITORY (object), result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (error != NULL)
        g_debug ("Could not check the incoming files: %s", error->message);
      /* Listed: the files this database has not imported, nor written itself. */
      for (guint i = 0; seen != NULL && i < seen->len; i++)
        if (!g_array_index (seen, gboolean, i))
          g_ptr_array_add (incoming, filtering->found->pdata[i]);
      show (filtering->self, seen != NULL ? incoming : NULL);
    }

  filtering_free (filtering);
}

static void
scanned_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SixIncomingGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *found = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GArray) keys = NULL;
  Filtering *filtering;

  if (found == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Could not read the exchange folder: %s", error->message);
          show (self, NULL);
        }
      return;
    }
  if (self->repository == NULL)
    {
      g_ptr_array_unref (found);
      return;
    }

  filtering = g_new0 (Filtering, 1);
  filtering->self = g_object_ref (self);
  filtering->found = found;
  keys = g_array_sized_new (FALSE, TRUE, sizeof (SixExchangeFileKey), found->len);
  for (guint i = 0; i < found->len; i++)
    {
      Incoming *incoming = found->pdata[i];
      SixExchangeFileKey key = { incoming->export_id, incoming->checksum, incoming->origin };

      g_array_append_val (keys, key);
    }
  six_exchange_log_find_seen_async (self->repository, keys, self->scanning, filtered_cb,
                                    filtering);
}

/* The folder Preferences names, read each time: the group keeps no settings object. */
static char *
dup_folder_path (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  char *path = g_settings_get_string (settings, "exchange-folder");

  if (path[0] == '\0')
    g_clear_pointer (&path, g_free);

  return path;
}

static void schedule_rescan (SixIncomingGroup *self);

/* Watches the folder Preferences names now, if it is not the one watched already. */
static void
watch (SixIncomingGroup *self,
       const char       *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;

  if (g_strcmp0 (path, self->watched) == 0)
    return;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, schedule_rescan, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_free (self->watched);
  self->watched = g_strdup (path);
  if (path == NULL)
    return;

  folder = g_file_new_for_path (path);
  self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor != NULL)
    g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (schedule_rescan), self);
  else
    g_debug ("Cannot watch the exchange folder: %s", error->message);
}

/**
 * six_incoming_group_rescan:
 *
 * Reads the exchange folder again, and lists what this database has not imported yet.
 */
void
six_incoming_group_rescan (SixIncomingGroup *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (SIX_IS_INCOMING_GROUP (self));

  g_cancellable_cancel (self->scanning);
  g_clear_object (&self->scanning);

  if (self->repository == NULL)
    return;

  path = dup_folder_path ();
  watch (self, path);
  if (path == NULL)
    {
      show (self, NULL);
      return;
    }
  folder = g_file_new_for_path (path);

  self->scanning = g_cancellable_new ();
  task = g_task_new (self, self->scanning, scanned_cb, g_object_ref (self));
  g_task_set_source_tag (task, six_incoming_group_rescan);
  g_task_set_task_data (task, g_steal_pointer (&folder), g_object_unref);
  g_task_run_in_thread (task, scan_thread);
}

static gboolean
settled_cb (gpointer user_data)
{
  SixIncomingGroup *self = user_data;

  self->settle_id = 0;
  six_incoming_group_rescan (self);

  return G_SOURCE_REMOVE;
}

/* Read only while the page is shown (its stack of states is mapped, whichever state it
 * shows): the page asks again when it is next shown. */
static void
schedule_rescan (SixIncomingGroup *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_STACK);

  if (page == NULL || !gtk_widget_get_mapped (page))
    return;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settled_cb, self);
}

/* Its window back in front (from Preferences, say): the folder may have changed. */
static void
on_root_is_active_cb (SixIncomingGroup *self,
                      GParamSpec       *pspec,
                      GtkWindow        *window)
{
  if (gtk_window_is_active (window))
    schedule_rescan (self);
}

/* Hidden while nothing is incoming, the group is never mapped: it follows its window. */
static void
six_incoming_group_root (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (six_incoming_group_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::is-active", G_CALLBACK (on_root_is_active_cb),
                             widget, G_CONNECT_SWAPPED);
}

static void
six_incoming_group_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, on_root_is_active_cb, widget);

  GTK_WIDGET_CLASS (six_incoming_group_parent_class)->unroot (widget);
}

static void
six_incoming_group_dispose (GObject *object)
{
  SixIncomingGroup *self = (SixIncomingGroup *)object;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_cancellable_cancel (self->scanning);
  g_clear_object (&self->scanning);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, schedule_rescan, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_INCOMING_GROUP);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->watched, g_free);

  G_OBJECT_CLASS (six_incoming_group_parent_class)->dispose (object);
}

static void
six_incoming_group_class_init (SixIncomingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_incoming_group_dispose;
  widget_class->root = six_incoming_group_root;
  widget_class->unroot = six_incoming_group_unroot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-incoming-group.ui");
  gtk_widget_class_bind_template_child (widget_class, SixIncomingGroup, list);
}

static void
six_incoming_group_init (SixIncomingGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
six_incoming_group_set_repository (SixIncomingGroup *self,
                                   SixRepository    *repository)
{
  g_return_if_fail (SIX_IS_INCOMING_GROUP (self));
  g_return_if_fail (SIX_IS_REPOSITORY (repository));
  g_return_if_fail (self->repository == NULL);

  self->repository = g_object_ref (repository);
  /* An import, here or by another process, may be one of the files listed. */
  g_signal_connect_object (repository, "changed", G_CALLBACK (schedule_rescan), self,
                           G_CONNECT_SWAPPED);
  schedule_rescan (self);
}
