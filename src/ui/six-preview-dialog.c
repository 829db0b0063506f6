/* six-preview-dialog.c — before an import writes anything: who sent the file, what it changes
 *
 * The records the file changes, State by State and by what happens to them: new ones with
 * their values, changed fields as old → new, fields edited on both sides with both values,
 * deletions, and what this database has already seen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-preview-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "six-labels.h"
#include "six-preview-dialog.h"

/* Rows shown at most: a large file is summed up, not drawn record by record. */
#define MAX_ROWS 200

/* Titles of records already seen, named before "and N more". */
#define SKIPPED_NAMED 5

struct _SixPreviewDialog
{
  AdwMessageDialog parent_instance;

  /* Template widgets */
  GtkBox     *changes_box;

  /* Owned */
  SixPreview *preview;
};

G_DEFINE_FINAL_TYPE (SixPreviewDialog, six_preview_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
item_row_new (SixPreviewItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < item->fields->len; i++)
    g_ptr_array_add (lines, six_preview_field_describe (item->fields->pdata[i]));
  g_ptr_array_add (lines, NULL);
  subtitle = g_strjoinv ("\n", (char **) lines->pdata);

  /* Translators: a kind of record and its title: Contribution: France · Lebanon */
  title = g_strdup_printf (_("%s: %s"), six_kind_label (item->kind->name), item->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static char *
skipped_text (SixPreviewGroup *group)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint n = group->n_items[SIX_PREVIEW_SKIPPED];
  g_autofree char *named = NULL;

  for (guint i = 0; i < group->items->len && titles->len < SKIPPED_NAMED; i++)
    {
      SixPreviewItem *item = group->items->pdata[i];

      if (item->action == SIX_PREVIEW_SKIPPED)
        g_ptr_array_add (titles, item->title);
    }
  g_ptr_array_add (titles, NULL);
  named = g_strjoinv (_(", "), (char **) titles->pdata);

  if (n > SKIPPED_NAMED)
    {
      g_autofree char *more = NULL;

      /* Translators: records already seen, named, then how many more there are */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                           n - SKIPPED_NAMED),
                              named, n - SKIPPED_NAMED);
      g_free (named);
      named = g_steal_pointer (&more);
    }

  /* Translators: records the file holds that this database has already seen, then which */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Already seen, %u record: %s",
                                       "Already seen, %u records: %s", n),
                          n, named);
}

static void
show_changes (SixPreviewDialog *self)
{
  guint n_rows = 0;
  guint n_hidden = 0;

  for (guint i = 0; i < self->preview->groups->len; i++)
    {
      SixPreviewGroup *group = self->preview->groups->pdata[i];
      GtkWidget *list = NULL;
      SixPreviewAction shown = SIX_PREVIEW_N_ACTIONS;

      gtk_box_append (self->changes_box, label_new (group->name, "heading"));

      for (guint j = 0; j < group->items->len; j++)
        {
          SixPreviewItem *item = group->items->pdata[j];

          if (item->action == SIX_PREVIEW_SKIPPED)
            break;
          if (n_rows >= MAX_ROWS)
            {
              n_hidden++;
              continue;
            }

          if (item->action != shown)
            {
              shown = item->action;
              gtk_box_append (self->changes_box,
                              label_new (six_preview_action_label (shown), "caption-heading"));
              list = gtk_list_box_new ();
              gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
              gtk_widget_add_css_class (list, "boxed-list");
              gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              six_preview_action_label (shown), -1);
              gtk_box_append (self->changes_box, list);
            }
          gtk_list_box_append (GTK_LIST_BOX (list), item_row_new (item));
          n_rows++;
        }

      if (group->n_items[SIX_PREVIEW_SKIPPED] > 0)
        {
          g_autofree char *skipped = skipped_text (group);

          gtk_box_append (self->changes_box, label_new (skipped, "dim-label"));
        }
    }

  if (n_hidden > 0)
    {
      g_autofree char *more = NULL;

      /* Translators: records left out of a long preview; the command line lists them all */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u more record changes, not shown here.",
                                           "%u more records change, not shown here.", n_hidden),
                              n_hidden);
      gtk_box_append (self->changes_box, label_new (more, "dim-label"));
    }
}

static void
six_preview_dialog_dispose (GObject *object)
{
  SixPreviewDialog *self = (SixPreviewDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_PREVIEW_DIALOG);

  G_OBJECT_CLASS (six_preview_dialog_parent_class)->dispose (object);
}

static void
six_preview_dialog_finalize (GObject *object)
{
  SixPreviewDialog *self = (SixPreviewDialog *)object;

  g_clear_pointer (&self->preview, six_preview_free);

  G_OBJECT_CLASS (six_preview_dialog_parent_class)->finalize (object);
}

static void
six_preview_dialog_class_init (SixPreviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_preview_dialog_dispose;
  object_class->finalize = six_preview_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-preview-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SixPreviewDialog, changes_box);
}

static void
six_preview_dialog_init (SixPreviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * six_preview_dialog_new:
 * @preview: (transfer full): what the file would change
 */
SixPreviewDialog *
six_preview_dialog_new (GtkWindow  *parent,
                        SixPreview *preview)
{
  SixPreviewDialog *self;
  g_autofree char *heading = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *description = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (preview != NULL, NULL);

  self = g_object_new (SIX_TYPE_PREVIEW_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->preview = preview;

  sender = six_preview_dup_sender (preview);
  description = six_preview_dup_description (preview);
  counts = six_merge_counts_describe (&preview->counts);

  /* Translators: the heading of an import's preview; %s is the file's name */
  heading = g_strdup_printf (_("Import “%s”?"), preview->file_name);
  /* Translators: who sent a file; when it was written, what it covers and holds; what it
   * would change */
  body = g_strdup_printf (_("From %s\n%s\n\n%s. A backup is made first, and the import can "
                            "be undone."),
                          sender, description, counts);
  if (preview->redo)
    {
      g_autofree char *note = six_preview_dup_redo_note (preview);
      g_autofree char *first = g_steal_pointer (&body);

      body = g_strconcat (first, "\n\n", note, NULL);
    }
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  show_changes (self);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->changes_box)),
                          preview->groups->len > 0);

  return self;
}
