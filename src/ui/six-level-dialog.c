/* six-level-dialog.c — which records a file may hold, with what each level adds
 *
 * Public is chosen, focused and the default: Enter never sends a private note by email.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-level-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "six-level-dialog.h"

struct _SixLevelDialog
{
  AdwMessageDialog parent_instance;

  /* Template widgets */
  AdwActionRow   *public_row;
  AdwActionRow   *coalition_row;
  AdwActionRow   *private_row;
  GtkCheckButton *public_check;
  GtkCheckButton *coalition_check;
  GtkCheckButton *private_check;
};

G_DEFINE_FINAL_TYPE (SixLevelDialog, six_level_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* "+3 contacts, +2 private notes, +1 other record", or that the level adds nothing. */
static char *
describe_more (guint n_contacts,
               guint n_notes,
               guint n_other)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (n_contacts > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u contact",
                                                          "+%u contacts", n_contacts),
                                             n_contacts));
  if (n_notes > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u private note",
                                                          "+%u private notes", n_notes),
                                             n_notes));
  if (n_other > 0)
    g_ptr_array_add (parts, g_strdup_printf (parts->len > 0
                                             ? g_dngettext (GETTEXT_PACKAGE, "+%u other record",
                                                            "+%u other records", n_other)
                                             : g_dngettext (GETTEXT_PACKAGE, "+%u record",
                                                            "+%u records", n_other),
                                             n_other));
  if (parts->len == 0)
    return g_strdup (_("Nothing more"));

  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between "+3 contacts" and "+2 private notes" */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static void
six_level_dialog_map (GtkWidget *widget)
{
  SixLevelDialog *self = SIX_LEVEL_DIALOG (widget);

  GTK_WIDGET_CLASS (six_level_dialog_parent_class)->map (widget);

  /* Enter on the chosen level is the default response: the public file. */
  gtk_widget_grab_focus (GTK_WIDGET (self->public_check));
}

static void
six_level_dialog_class_init (SixLevelDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = six_level_dialog_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-level-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SixLevelDialog, public_row);
  gtk_widget_class_bind_template_child (widget_class, SixLevelDialog, coalition_row);
  gtk_widget_class_bind_template_child (widget_class, SixLevelDialog, private_row);
  gtk_widget_class_bind_template_child (widget_class, SixLevelDialog, public_check);
  gtk_widget_class_bind_template_child (widget_class, SixLevelDialog, coalition_check);
  gtk_widget_class_bind_template_child (widget_class, SixLevelDialog, private_check);
}

static void
six_level_dialog_init (SixLevelDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SixLevelDialog *
six_level_dialog_new (GtkWindow    *parent,
                      SixScopeType  scope)
{
  SixLevelDialog *self = g_object_new (SIX_TYPE_LEVEL_DIALOG,
                                       "transient-for", parent,
                                       "modal", TRUE,
                                       NULL);

  if (scope == SIX_SCOPE_COUNTRY)
    adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Share Which Records?"));

  return self;
}

/**
 * six_level_dialog_set_counts:
 * @counts: (nullable): what each level holds, or %NULL when it could not be counted
 *
 * Says beside each level what it holds: "412 records", "+9 records", "+3 contacts, +2 private
 * notes".
 */
void
six_level_dialog_set_counts (SixLevelDialog       *self,
                             const SixLevelCounts *counts)
{
  g_autofree char *public_text = NULL;
  g_autofree char *coalition_text = NULL;
  g_autofree char *private_text = NULL;
  guint more, contacts, notes;

  g_return_if_fail (SIX_IS_LEVEL_DIALOG (self));

  if (counts == NULL)
    {
      adw_action_row_set_subtitle (self->public_row, "");
      adw_action_row_set_subtitle (self->coalition_row, "");
      adw_action_row_set_subtitle (self->private_row, "");
      return;
    }

  public_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record", "%u records",
                                              counts->n_records[SIX_VISIBILITY_PUBLIC]),
                                 counts->n_records[SIX_VISIBILITY_PUBLIC]);

  more = counts->n_records[SIX_VISIBILITY_COALITION] - counts->n_records[SIX_VISIBILITY_PUBLIC];
  coalition_text = describe_more (0, 0, more);

  more = counts->n_records[SIX_VISIBILITY_PRIVATE] - counts->n_records[SIX_VISIBILITY_COALITION];
  contacts = counts->n_contacts[SIX_VISIBILITY_PRIVATE]
             - counts->n_contacts[SIX_VISIBILITY_COALITION];
  notes = counts->n_notes[SIX_VISIBILITY_PRIVATE] - counts->n_notes[SIX_VISIBILITY_COALITION];
  private_text = describe_more (contacts, notes, more - contacts - notes);

  adw_action_row_set_subtitle (self->public_row, public_text);
  adw_action_row_set_subtitle (self->coalition_row, coalition_text);
  adw_action_row_set_subtitle (self->private_row, private_text);
}

SixVisibility
six_level_dialog_get_level (SixLevelDialog *self)
{
  g_return_val_if_fail (SIX_IS_LEVEL_DIALOG (self), SIX_VISIBILITY_PUBLIC);

  if (gtk_check_button_get_active (self->private_check))
    return SIX_VISIBILITY_PRIVATE;
  if (gtk_check_button_get_active (self->coalition_check))
    return SIX_VISIBILITY_COALITION;

  return SIX_VISIBILITY_PUBLIC;
}
