/* six-identity-dialog.c — the name and organisation that go into the files you send
 *
 * Asked before the first export, so nobody receives a file from a bare id; kept in the same
 * settings Preferences shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-identity-dialog"

#include "config.h"

#include "six-entry-row.h"
#include "six-identity-dialog.h"

struct _SixIdentityDialog
{
  AdwMessageDialog parent_instance;

  /* Template widgets */
  SixEntryRow *name_row;
  SixEntryRow *organisation_row;

  /* Owned */
  GSettings   *settings;
};

G_DEFINE_FINAL_TYPE (SixIdentityDialog, six_identity_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
stripped_text (SixEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* A name is needed to go on; an organisation may be left out. */
static void
on_name_row_changed_cb (SixIdentityDialog *self)
{
  g_autofree char *name = stripped_text (self->name_row);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "continue",
                                           name[0] != '\0');
}

static void
six_identity_dialog_dispose (GObject *object)
{
  SixIdentityDialog *self = (SixIdentityDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_IDENTITY_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (six_identity_dialog_parent_class)->dispose (object);
}

static void
six_identity_dialog_class_init (SixIdentityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_identity_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-identity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SixIdentityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SixIdentityDialog, organisation_row);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed_cb);

  g_type_ensure (SIX_TYPE_ENTRY_ROW);
}

static void
six_identity_dialog_init (SixIdentityDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  name = g_settings_get_string (self->settings, "replica-name");
  organisation = g_settings_get_string (self->settings, "organisation");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), organisation);
}

SixIdentityDialog *
six_identity_dialog_new (GtkWindow *parent)
{
  return g_object_new (SIX_TYPE_IDENTITY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

/* Keeps what was typed, where Preferences and every later export read it. */
void
six_identity_dialog_save (SixIdentityDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;

  g_return_if_fail (SIX_IS_IDENTITY_DIALOG (self));

  name = stripped_text (self->name_row);
  organisation = stripped_text (self->organisation_row);
  g_settings_set_string (self->settings, "replica-name", name);
  g_settings_set_string (self->settings, "organisation", organisation);
}
