/* six-preferences-window.c — who you are in the files you share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "six-entry-row.h"
#include "six-preferences-window.h"

struct _SixPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  SixEntryRow  *name_row;
  SixEntryRow  *organisation_row;
  AdwActionRow *folder_row;
  GtkWidget    *clear_folder_button;

  /* Owned */
  GSettings   *settings;
};

G_DEFINE_FINAL_TYPE (SixPreferencesWindow, six_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_folder (SixPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "exchange-folder");

  adw_action_row_set_subtitle (self->folder_row,
                               folder[0] != '\0' ? folder : _("None: files go by email"));
  gtk_widget_set_visible (self->clear_folder_button, folder[0] != '\0');
}

static void
on_folder_chooser_response_cb (GtkNativeDialog      *chooser,
                               int                   response,
                               SixPreferencesWindow *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL && g_file_peek_path (folder) != NULL)
    g_settings_set_string (self->settings, "exchange-folder", g_file_peek_path (folder));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_choose_folder_button_clicked_cb (SixPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Exchange Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Choose"),
                                         NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_folder_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_clear_folder_button_clicked_cb (SixPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "exchange-folder", "");
}

static void
six_preferences_window_dispose (GObject *object)
{
  SixPreferencesWindow *self = (SixPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (six_preferences_window_parent_class)->dispose (object);
}

static void
six_preferences_window_class_init (SixPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SixPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SixPreferencesWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SixPreferencesWindow, folder_row);
  gtk_widget_class_bind_template_child (widget_class, SixPreferencesWindow,
                                        clear_folder_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_folder_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_folder_button_clicked_cb);

  g_type_ensure (SIX_TYPE_ENTRY_ROW);
}

static void
six_preferences_window_init (SixPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  g_settings_bind (self->settings, "replica-name", self->name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "organisation", self->organisation_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::exchange-folder", G_CALLBACK (show_folder),
                           self, G_CONNECT_SWAPPED);
  show_folder (self);
}

GtkWidget *
six_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (SIX_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
