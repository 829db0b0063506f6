/* six-link-dialog.c — find a record to link to another
 *
 * Searches the store as the user types, among the kinds the caller allows, and emits
 * ::record-chosen with the record the user activates. The caller writes the link.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-link-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "six-display-name.h"
#include "six-labels.h"
#include "six-link-dialog.h"

#define SEARCH_LIMIT 50

struct _SixLinkDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListBox     *results_list;

  /* Owned */
  SixRepository  *repository;
  GStrv           kinds;
  GStrv           exclude;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (SixLinkDialog, six_link_dialog, ADW_TYPE_WINDOW)

enum {
  RECORD_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (SixRecord *record)
{
  g_autofree char *name = six_record_dup_display_name (record);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  /* An action's name is its number: its title or gist says what it is about. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               strcmp (six_record_get_kind_name (record), "action") == 0
                               ? six_action_get_caption (record)
                               : six_kind_label (six_record_get_kind_name (record)));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (record), g_object_unref);

  return row;
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SixLinkDialog) self = user_data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint shown = 0;

  records = six_repository_search_finish (SIX_REPOSITORY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);

  if (records == NULL)
    {
      g_warning ("Searching records to link: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  for (guint i = 0; i < records->len; i++)
    {
      SixRecord *record = records->pdata[i];

      if (self->exclude != NULL &&
          g_strv_contains ((const char * const *) self->exclude, six_record_get_id (record)))
        continue;

      gtk_list_box_append (self->results_list, create_row (record));
      shown++;
    }

  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "results" : "empty");
}

static void
on_search_entry_search_changed_cb (SixLinkDialog  *self,
                                   GtkSearchEntry *entry)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (query[0] == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "hint");
      return;
    }

  self->cancellable = g_cancellable_new ();
  six_repository_search_async (self->repository, query, (const char * const *) self->kinds,
                               SEARCH_LIMIT, self->cancellable, search_cb, g_object_ref (self));
}

static void
choose (SixLinkDialog *self,
        GtkListBoxRow *row)
{
  SixRecord *record = g_object_get_data (G_OBJECT (row), "record");

  g_signal_emit (self, signals[RECORD_CHOSEN], 0, record);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_results_list_row_activated_cb (SixLinkDialog *self,
                                  GtkListBoxRow *row)
{
  choose (self, row);
}

/* Enter in the search entry takes the first match. */
static void
on_search_entry_activate_cb (SixLinkDialog *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "results") == 0)
    choose (self, first);
}

static void
on_search_entry_stop_search_cb (SixLinkDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
six_link_dialog_dispose (GObject *object)
{
  SixLinkDialog *self = (SixLinkDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->repository);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_LINK_DIALOG);

  G_OBJECT_CLASS (six_link_dialog_parent_class)->dispose (object);
}

static void
six_link_dialog_finalize (GObject *object)
{
  SixLinkDialog *self = (SixLinkDialog *)object;

  g_strfreev (self->kinds);
  g_strfreev (self->exclude);

  G_OBJECT_CLASS (six_link_dialog_parent_class)->finalize (object);
}

static void
six_link_dialog_class_init (SixLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_link_dialog_dispose;
  object_class->finalize = six_link_dialog_finalize;

  /**
   * SixLinkDialog::record-chosen:
   * @record: the record the user picked
   */
  signals[RECORD_CHOSEN] =
    g_signal_new ("record-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SIX_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SixLinkDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SixLinkDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SixLinkDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SixLinkDialog, results_list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_list_row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
six_link_dialog_init (SixLinkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @kinds: the kinds a record may be chosen from; @exclude: ids not to offer (nullable). */
SixLinkDialog *
six_link_dialog_new (SixRepository      *repository,
                     const char         *title,
                     const char * const *kinds,
                     const char * const *exclude)
{
  SixLinkDialog *self;

  g_return_val_if_fail (SIX_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (kinds != NULL && kinds[0] != NULL, NULL);

  self = g_object_new (SIX_TYPE_LINK_DIALOG, "title", title, NULL);
  self->repository = g_object_ref (repository);
  self->kinds = g_strdupv ((char **) kinds);
  self->exclude = g_strdupv ((char **) exclude);
  adw_window_title_set_title (self->window_title, title);

  return self;
}

void
six_link_dialog_set_query (SixLinkDialog *self,
                           const char    *query)
{
  g_return_if_fail (SIX_IS_LINK_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
}

GtkListBox *
six_link_dialog_get_results (SixLinkDialog *self)
{
  g_return_val_if_fail (SIX_IS_LINK_DIALOG (self), NULL);

  return self->results_list;
}
