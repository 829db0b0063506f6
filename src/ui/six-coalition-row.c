/* six-coalition-row.c — one coalition in the Coalitions page's list
 *
 * The template binds what the row shows to its coalition; the row sets what no binding can,
 * on the list's row that holds it: the name a screen reader reads (GTK 4.8 names a list
 * view's row after its type), and the mark of an overdue follow-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-coalition-row"

#include "config.h"

#include "six-coalition-row.h"

struct _SixCoalitionRow
{
  GtkBox            parent_instance;

  /* Owned */
  SixCoalitionItem *coalition;
};

G_DEFINE_FINAL_TYPE (SixCoalitionRow, six_coalition_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_COALITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The list's row: named and marked after the coalition, once the row holds this one and
 * whenever the list gives it another. */
static void
update_list_row (SixCoalitionRow *self)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self));

  if (row == NULL || self->coalition == NULL)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  six_coalition_item_get_title (self->coalition),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  six_coalition_item_get_subtitle (self->coalition),
                                  -1);
  if (six_coalition_item_get_overdue (self->coalition))
    gtk_widget_add_css_class (row, "overdue");
  else
    gtk_widget_remove_css_class (row, "overdue");
}

static void
six_coalition_row_dispose (GObject *object)
{
  SixCoalitionRow *self = (SixCoalitionRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_COALITION_ROW);
  g_clear_object (&self->coalition);

  G_OBJECT_CLASS (six_coalition_row_parent_class)->dispose (object);
}

static void
six_coalition_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SixCoalitionRow *self = SIX_COALITION_ROW (object);

  switch (prop_id)
    {
    case PROP_COALITION:
      g_value_set_object (value, self->coalition);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_coalition_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SixCoalitionRow *self = SIX_COALITION_ROW (object);

  switch (prop_id)
    {
    case PROP_COALITION:
      six_coalition_row_set_coalition (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_coalition_row_class_init (SixCoalitionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_coalition_row_dispose;
  object_class->get_property = six_coalition_row_get_property;
  object_class->set_property = six_coalition_row_set_property;

  /**
   * SixCoalitionRow:coalition:
   *
   * The coalition shown; %NULL in a row not yet given one.
   */
  properties[PROP_COALITION] =
    g_param_spec_object ("coalition", NULL, NULL, SIX_TYPE_COALITION_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-coalition-row.ui");

  g_type_ensure (SIX_TYPE_COALITION_ITEM);
}

static void
six_coalition_row_init (SixCoalitionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::parent", G_CALLBACK (update_list_row), NULL);
}

/* Returns: (transfer none) (nullable): the coalition shown */
SixCoalitionItem *
six_coalition_row_get_coalition (SixCoalitionRow *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_ROW (self), NULL);

  return self->coalition;
}

/* A row the list recycles is given another coalition. */
void
six_coalition_row_set_coalition (SixCoalitionRow  *self,
                                 SixCoalitionItem *coalition)
{
  g_return_if_fail (SIX_IS_COALITION_ROW (self));
  g_return_if_fail (coalition == NULL || SIX_IS_COALITION_ITEM (coalition));

  if (!g_set_object (&self->coalition, coalition))
    return;

  update_list_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COALITION]);
}
