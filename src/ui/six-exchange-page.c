/* six-exchange-page.c — the conflict log, with its restore, and the files received and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-exchange-page"

#include "config.h"

#include <glib/gi18n.h>

#include "six-accessible.h"
#include "six-apply.h"
#include "six-exchange-log.h"
#include "six-exchange-page.h"
#include "six-incoming-group.h"
#include "six-labels.h"

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
  gint64 operation;

  operation = six_repository_restore_conflict_finish (SIX_REPOSITORY (object), result, &error);
  /* A restore writes the record, and the page reads again; a refusal writes nothing. */
  if (operation == 0)
    schedule_reload (self);
  if (operation > 0)
    six_show_undo_toast (GTK_WIDGET (self), _("Replaced value brought back"), operation);
  else
    six_show_toast (GTK_WIDGET (self), error->message);
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
conflict_row_new (SixExchangePage          *self,
                  const SixExchangeConflict *item)
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
  six_accessible_name_button (GTK_BUTTON (button), button_label);
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
file_row_new (const SixExchangeFileItem *item,
              const char                *icon_name)
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
              SixExchangeLog  *summary)
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
  g_autoptr(SixExchangeLog) summary = six_exchange_log_read_finish (SIX_REPOSITORY (object),
                                                                     result, &error);

  /* Stale: a newer read is under way, or the page is gone. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  if (summary == NULL)
    {
      six_show_toast (GTK_WIDGET (self), error->message);
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
  six_exchange_log_read_async (self->repository, N_FILES_SHOWN, self->reading, summary_cb,
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
