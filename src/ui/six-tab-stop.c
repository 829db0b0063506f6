/* six-tab-stop.c — a list Tab stops at once
 *
 * Around a list: Tab comes to its current row and leaves with the next press, and the arrow
 * keys move between the rows. GTK 4.8 gives every row a stop of its own: tabbing past the
 * countries took two hundred presses, and past the sidebar, whose rows are selected as they
 * take the focus, showed each page on the way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-tab-stop"

#include "config.h"

#include "six-tab-stop.h"

struct _SixTabStop
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (SixTabStop, six_tab_stop, ADW_TYPE_BIN)

static gboolean
holds_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
six_tab_stop_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  gboolean tab = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD;

  if (tab && holds_focus (widget))
    return FALSE;

  return GTK_WIDGET_CLASS (six_tab_stop_parent_class)->focus (widget, direction);
}

static void
six_tab_stop_class_init (SixTabStopClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->focus = six_tab_stop_focus;
}

static void
six_tab_stop_init (SixTabStop *self)
{
}
