/* six-preferences-window.c — who you are in the files you share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-preferences-window"

#include "config.h"

#include "six-preferences-window.h"

struct _SixPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwEntryRow *name_row;
  AdwEntryRow *organisation_row;

  /* Owned */
  GSettings   *settings;
};

G_DEFINE_FINAL_TYPE (SixPreferencesWindow, six_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

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
}

GtkWidget *
six_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (SIX_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
