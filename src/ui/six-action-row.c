/* six-action-row.c — how one entry of the action plans list is drawn
 *
 * The row follows its entry through property bindings, so an edit redraws only what
 * changed, and a recycled row drops the bindings of the entry it showed before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-action-row"

#include "config.h"

#include "six-action-row.h"

struct _SixActionRow
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkWidget *box;
  GtkWidget *heading_box;
  GtkWidget *heading_title;
  GtkWidget *heading_plan;
  GtkWidget *action_box;
  GtkWidget *number_label;
  GtkWidget *status_label;
  GtkWidget *title_label;
  GtkWidget *summary_label;

  /* Owned */
  GPtrArray *bindings;
};

G_DEFINE_FINAL_TYPE (SixActionRow, six_action_row, GTK_TYPE_WIDGET)

static void
six_action_row_dispose (GObject *object)
{
  SixActionRow *self = (SixActionRow *)object;

  six_action_row_set_entry (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_ACTION_ROW);

  G_OBJECT_CLASS (six_action_row_parent_class)->dispose (object);
}

static void
six_action_row_finalize (GObject *object)
{
  SixActionRow *self = (SixActionRow *)object;

  g_ptr_array_unref (self->bindings);

  G_OBJECT_CLASS (six_action_row_parent_class)->finalize (object);
}

static void
six_action_row_class_init (SixActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_action_row_dispose;
  object_class->finalize = six_action_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SixActionRow, box);
  gtk_widget_class_bind_template_child (widget_class, SixActionRow, heading_box);
  gtk_widget_class_bind_template_child (widget_class, SixActionRow, heading_title);
  gtk_widget_class_bind_template_child (widget_class, SixActionRow, heading_plan);
  gtk_widget_class_bind_template_child (widget_class, SixActionRow, action_box);
  gtk_widget_class_bind_template_child (widget_class, SixActionRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, SixActionRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, SixActionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SixActionRow, summary_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
six_action_row_init (SixActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new ();
}

GtkWidget *
six_action_row_new (void)
{
  return g_object_new (SIX_TYPE_ACTION_ROW, NULL);
}

static void
bind (SixActionRow   *self,
      SixActionEntry *entry,
      const char     *property,
      GtkWidget      *widget,
      const char     *widget_property)
{
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (entry, property, widget, widget_property,
                                           G_BINDING_SYNC_CREATE));
}

/* Show @entry (%NULL: nothing). */
void
six_action_row_set_entry (SixActionRow   *self,
                          SixActionEntry *entry)
{
  g_return_if_fail (SIX_IS_ACTION_ROW (self));
  g_return_if_fail (!entry || SIX_IS_ACTION_ENTRY (entry));

  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (self->bindings->pdata[i]);
  g_ptr_array_set_size (self->bindings, 0);

  if (entry == NULL)
    return;

  bind (self, entry, "is-heading", self->heading_box, "visible");
  bind (self, entry, "title", self->heading_title, "label");
  bind (self, entry, "number", self->heading_plan, "label");
  bind (self, entry, "is-action", self->action_box, "visible");
  bind (self, entry, "number", self->number_label, "label");
  bind (self, entry, "status-label", self->status_label, "label");
  bind (self, entry, "title", self->title_label, "label");
  bind (self, entry, "has-title", self->title_label, "visible");
  bind (self, entry, "summary", self->summary_label, "label");
  /* Two lines of a long summary show; the tooltip reads all of it. */
  bind (self, entry, "summary", self->summary_label, "tooltip-text");
  bind (self, entry, "has-summary", self->summary_label, "visible");
}
