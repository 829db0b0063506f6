/* six-mailer.c — a file to the user's mail client, or failing that to their file manager
 *
 * The XDG Email portal opens a new email with the file attached, subject and body filled
 * in. Where no portal answers (no desktop portal, a minimal session), the file is shown in
 * the file manager (org.freedesktop.FileManager1), else its folder is opened, so the user
 * can attach it by hand. The portal is asked whether it is there before libportal is used:
 * libportal 0.6 assumes it is, and fails loudly when it is not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-mailer"

#include "config.h"

#include <libportal-gtk4/portal-gtk4.h>
#include <libportal/portal.h>

#include "six-mailer.h"

#define PORTAL_BUS_NAME    "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define EMAIL_INTERFACE    "org.freedesktop.portal.Email"

#define FILE_MANAGER_BUS_NAME    "org.freedesktop.FileManager1"
#define FILE_MANAGER_OBJECT_PATH "/org/freedesktop/FileManager1"

/* How long a D-Bus service may take to answer, or to start. */
#define CALL_TIMEOUT_MS 10000

typedef struct
{
  GtkWindow *parent;
  GFile     *file;
  char      *subject;
  char      *body;
} MailData;

static void
mail_data_free (MailData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->file);
  g_free (data->subject);
  g_free (data->body);
  g_free (data);
}

static void
show_in_folder (GTask *task);

static void
shown_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MailData *data = g_task_get_task_data (task);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (data->file);
      g_autofree char *uri = g_file_get_uri (folder);

      /* No file manager on the bus: the folder, in whatever opens folders. */
      g_debug ("No file manager answered (%s); opening the folder", error->message);
      gtk_show_uri (data->parent, uri, GDK_CURRENT_TIME);
    }

  g_task_return_int (task, SIX_MAIL_SHOWN_IN_FOLDER);
}

static void
show_in_folder (GTask *task)
{
  MailData *data = g_task_get_task_data (task);
  g_autofree char *uri = g_file_get_uri (data->file);
  const char *uris[] = { uri, NULL };
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  if (bus == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (data->file);
      g_autofree char *folder_uri = g_file_get_uri (folder);

      gtk_show_uri (data->parent, folder_uri, GDK_CURRENT_TIME);
      g_task_return_int (task, SIX_MAIL_SHOWN_IN_FOLDER);
      g_object_unref (task);
      return;
    }

  g_dbus_connection_call (bus, FILE_MANAGER_BUS_NAME, FILE_MANAGER_OBJECT_PATH,
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, CALL_TIMEOUT_MS,
                          g_task_get_cancellable (task), shown_cb, task);
}

static void
composed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (xdp_portal_compose_email_finish (XDP_PORTAL (object), result, &error))
    {
      g_task_return_int (task, SIX_MAIL_COMPOSED);
      return;
    }

  /* The user closed the email: that is their answer, not a failure to fall back from. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("The email portal failed (%s); showing the file instead", error->message);
  show_in_folder (g_steal_pointer (&task));
}

static void
compose (GTask *task)
{
  MailData *data = g_task_get_task_data (task);
  g_autoptr(XdpPortal) portal = xdp_portal_new ();
  XdpParent *parent = data->parent != NULL ? xdp_parent_new_gtk (data->parent) : NULL;
  g_autofree char *path = g_file_get_path (data->file);
  const char *attachments[] = { path, NULL };

  xdp_portal_compose_email (portal, parent, NULL, NULL, NULL, data->subject, data->body,
                            attachments, XDP_EMAIL_FLAG_NONE, g_task_get_cancellable (task),
                            composed_cb, task);
  g_clear_pointer (&parent, xdp_parent_free);
}

static void
version_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply != NULL)
    compose (task);
  else
    {
      g_debug ("No email portal (%s); showing the file instead", error->message);
      show_in_folder (task);
    }
}

/**
 * six_mail_file_async:
 * @parent: (nullable): the window the mail client's window belongs to
 * @file: a local file to attach
 * @subject: the new email's subject
 * @body: its text
 *
 * Opens a new email with @file attached through the XDG Email portal; where no portal
 * answers, shows @file in the file manager instead. Either way the user sends it.
 */
void
six_mail_file_async (GtkWindow           *parent,
                     GFile               *file,
                     const char          *subject,
                     const char          *body,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;
  MailData *data;
  g_autoptr(GDBusConnection) bus = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (MailData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->file = g_object_ref (file);
  data->subject = g_strdup (subject);
  data->body = g_strdup (body);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, six_mail_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) mail_data_free);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    {
      show_in_folder (task);
      return;
    }

  /* Is a portal there, with an email interface? (It may start on demand.) */
  g_dbus_connection_call (bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                          "org.freedesktop.DBus.Properties", "Get",
                          g_variant_new ("(ss)", EMAIL_INTERFACE, "version"),
                          G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, CALL_TIMEOUT_MS,
                          cancellable, version_cb, task);
}

/* Returns: what became of the file, or with @error set when the user closed the email. */
SixMailOutcome
six_mail_file_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), SIX_MAIL_SHOWN_IN_FOLDER);
  g_return_val_if_fail (g_async_result_is_tagged (result, six_mail_file_async),
                        SIX_MAIL_SHOWN_IN_FOLDER);

  return (SixMailOutcome) g_task_propagate_int (G_TASK (result), error);
}
