/* six-apply.c — a view's writes and what it tells the user, through the window's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page never reaches for its window: it writes through the repository it was given and
 * speaks through "win.toast" and "win.undo-toast", which GTK finds up the widget tree.
 */
#define G_LOG_DOMAIN "six-apply"

#include "config.h"

#include "six-apply.h"

/**
 * six_show_toast:
 * @widget: a widget in the window that shows the toast
 *
 * Tells the user @message in a toast.
 */
void
six_show_toast (GtkWidget  *widget,
                const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  gtk_widget_activate_action (widget, "win.toast", "s", message);
}

/**
 * six_show_undo_toast:
 * @operation: the journal entry the toast's Undo takes back; 0 (nothing written) for a
 *   toast without Undo
 */
void
six_show_undo_toast (GtkWidget  *widget,
                     const char *title,
                     gint64      operation)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL);

  gtk_widget_activate_action (widget, "win.undo-toast", "(sx)", title, operation);
}

typedef struct
{
  GtkWidget   *asker;
  char        *title;
  SixFailFunc  failed;
} Applying;

static void
applying_free (Applying *applying)
{
  g_object_unref (applying->asker);
  g_free (applying->title);
  g_free (applying);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Applying, applying_free)

static void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Applying) applying = user_data;
  g_autoptr(GError) error = NULL;
  gint64 operation = six_repository_apply_finish (SIX_REPOSITORY (object), result, &error);

  if (error == NULL)
    {
      /* 0: nothing changed, nothing to undo, nothing to say. */
      if (operation > 0)
        six_show_undo_toast (applying->asker, applying->title, operation);
      return;
    }

  six_show_toast (applying->asker, error->message);
  /* A view taken out of its window since has nothing left to repair. */
  if (applying->failed != NULL && gtk_widget_get_root (applying->asker) != NULL)
    applying->failed (applying->asker);
}

/**
 * six_apply_edits:
 * @asker: the view that asked; told through @failed when the store refuses the write
 * @label: the operation's name in the history
 * @title: the Undo toast's title
 * @failed: (nullable): the view's repair when the write is refused
 *
 * One write, one undo: applies @edits in one transaction, then offers Undo in a toast, or
 * shows why the store refused them.
 */
void
six_apply_edits (GtkWidget     *asker,
                 SixRepository *repository,
                 const char    *label,
                 const char    *title,
                 GPtrArray     *edits,
                 SixFailFunc    failed)
{
  Applying *applying;

  g_return_if_fail (GTK_IS_WIDGET (asker));
  g_return_if_fail (SIX_IS_REPOSITORY (repository));
  g_return_if_fail (edits != NULL);

  applying = g_new0 (Applying, 1);
  applying->asker = g_object_ref (asker);
  applying->title = g_strdup (title);
  applying->failed = failed;
  six_repository_apply_async (repository, label, edits, NULL, applied_cb, applying);
}
