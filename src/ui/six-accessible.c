/* six-accessible.c — names screen readers read, where GTK 4.8 gets them wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-accessible"

#include "config.h"

#include "six-accessible.h"

#include <glib/gi18n.h>

#define OWN_LABEL "six-accessible-label"

/* GTK 4.8 gives a button with a mnemonic both its raw label ("_Cancel") as an accessible
 * label and its label widget ("Cancel") as labelled-by, so it is read "_Cancel Cancel".
 * The label widget alone names it; this drops the raw one whenever the label is set, or
 * puts back the name given with six_accessible_name_button (). */
static void
drop_raw_label (GtkButton *button)
{
  const char *own = g_object_get_data (G_OBJECT (button), OWN_LABEL);

  if (!gtk_button_get_use_underline (button) || gtk_button_get_label (button) == NULL)
    return;

  if (own != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    own, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/**
 * six_accessible_name_button:
 * @label: what a screen reader says, more than the button's own label: "Restore" becomes
 *   "Bring back the replaced value of Lebanon · Name"
 *
 * Names a button for screen readers, and keeps the name when its label changes.
 */
void
six_accessible_name_button (GtkButton  *button,
                            const char *label)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  g_object_set_data_full (G_OBJECT (button), OWN_LABEL, g_strdup (label), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

static gboolean
on_widget_map_cb (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  GObject *object = g_value_get_object (&values[0]);
  static GQuark watched;

  if (!GTK_IS_BUTTON (object))
    return TRUE;
  if (watched == 0)
    watched = g_quark_from_static_string ("six-accessible-watched");
  if (g_object_get_qdata (object, watched) == NULL)
    {
      g_object_set_qdata (object, watched, GINT_TO_POINTER (TRUE));
      g_signal_connect (object, "notify::label", G_CALLBACK (drop_raw_label), NULL);
      g_signal_connect (object, "notify::use-underline", G_CALLBACK (drop_raw_label), NULL);
    }
  drop_raw_label (GTK_BUTTON (object));
  return TRUE;
}

/* Every button of the process, ours, libadwaita's message dialogs and GTK's own. */
void
six_accessible_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      /* The signal exists once the class does; the class lives as long as GTK. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_widget_map_cb, NULL, NULL);
      g_once_init_leave (&done, TRUE);
    }
}

static GtkWidget *
find_search_toggle (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "edit-find-symbolic") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_toggle (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * six_accessible_name_shortcuts_window:
 * @window: the window whose help overlay to name
 *
 * GTK 4.8 leaves the shortcuts window's search button unnamed; this names it.
 */
void
six_accessible_name_shortcuts_window (GtkApplicationWindow *window)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);
  GtkWidget *search;

  g_return_if_fail (GTK_IS_APPLICATION_WINDOW (window));

  if (overlay == NULL)
    return;
  search = find_search_toggle (GTK_WIDGET (overlay));
  if (search != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search Shortcuts"), -1);
}
