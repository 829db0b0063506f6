/* six-rows.c — rows a view adds to its preference groups, and takes out again on redraw
 *
 * A view keeps the rows it added in @rows (a GPtrArray owning a reference to each), so a
 * redraw takes out exactly those and leaves the groups' own children alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-rows"

#include "config.h"

#include "six-rows.h"

void
six_rows_add (GPtrArray           *rows,
              AdwPreferencesGroup *group,
              GtkWidget           *row)
{
  g_return_if_fail (rows != NULL);
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, g_object_ref (row));
}

/* A dimmed row saying the group is empty, and why. */
void
six_rows_add_placeholder (GPtrArray           *rows,
                          AdwPreferencesGroup *group,
                          const char          *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  six_rows_add (rows, group, row);
}

void
six_rows_clear (GPtrArray *rows)
{
  g_return_if_fail (rows != NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (rows, 0);
}
