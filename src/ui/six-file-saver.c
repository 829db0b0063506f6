/* six-file-saver.c — a file the user asked for, written on a worker, with a toast when done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-file-saver"

#include "config.h"

#include "six-file-saver.h"

#include <glib/gi18n.h>

typedef struct
{
  SixFileWriteFunc  write;
  gpointer          data;
  GDestroyNotify    data_free;
  char             *path;
  GWeakRef          widget;  /* while the chooser is open: the page may go first */
} Save;

static void
save_free (Save *save)
{
  if (save->data_free != NULL)
    save->data_free (save->data);
  g_free (save->path);
  g_weak_ref_clear (&save->widget);
  g_free (save);
}

static Save *
save_new (SixFileWriteFunc write,
          gpointer         data,
          GDestroyNotify   data_free)
{
  Save *save = g_new0 (Save, 1);

  save->write = write;
  save->data = data;
  save->data_free = data_free;
  g_weak_ref_init (&save->widget, NULL);

  return save;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Save *save = task_data;
  g_autoptr(GError) error = NULL;

  if (save->write (save->data, save->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Save *save = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (save->path);
  g_autofree char *message = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    /* Translators: a file was written; %s is its name */
    message = g_strdup_printf (_("Saved “%s”"), name);
  else
    /* Translators: %s is a file's name, then why it could not be written */
    message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);

  gtk_widget_activate_action (GTK_WIDGET (object), "win.toast", "s", message);
}

static void
run (GtkWidget *widget,
     Save      *save)
{
  g_autoptr(GTask) task = g_task_new (widget, NULL, written_cb, NULL);

  g_task_set_source_tag (task, six_file_save);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * six_file_save:
 * @widget: whose window shows the toast
 * @write: writes @data to the path, on a worker
 * @data: (transfer full): what to write, freed with @data_free
 *
 * Writes the file off the main thread; a toast says it is saved, or why it is not.
 */
void
six_file_save (GtkWidget        *widget,
               const char       *path,
               SixFileWriteFunc  write,
               gpointer          data,
               GDestroyNotify    data_free)
{
  Save *save;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (path != NULL && write != NULL);

  save = save_new (write, data, data_free);
  save->path = g_strdup (path);
  run (widget, save);
}

static void
on_response_cb (GtkNativeDialog *chooser,
                int              response,
                Save            *save)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&save->widget);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && widget != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (save->path = g_file_get_path (file)) != NULL)
    run (widget, save);
  else
    save_free (save);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * six_file_choose_and_save:
 * @widget: whose window the chooser belongs to, and shows the toast
 * @suggested_name: the file name offered
 * @write: writes @data to the path chosen, on a worker
 * @data: (transfer full): what to write, freed with @data_free
 *
 * Asks where to save, then writes there as six_file_save () does. Cancelled, or with
 * @widget gone before the answer, nothing is written.
 */
void
six_file_choose_and_save (GtkWidget        *widget,
                          const char       *title,
                          const char       *suggested_name,
                          SixFileWriteFunc  write,
                          gpointer          data,
                          GDestroyNotify    data_free)
{
  GtkRoot *root;
  GtkFileChooserNative *chooser;
  Save *save;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (write != NULL);

  root = gtk_widget_get_root (widget);
  save = save_new (write, data, data_free);
  g_weak_ref_set (&save->widget, widget);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response_cb), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
