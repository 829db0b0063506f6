/* six-conflict-row.c — one conflict of the Exchange page, with its Restore button
 *
 * The template binds what the row shows to its conflict; the row sets what no binding can:
 * the name a screen reader gives the button, which says which value it brings back, and the
 * conflict the button's action restores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-conflict-row"

#include "config.h"

#include <glib/gi18n.h>

#include "six-accessible.h"
#include "six-conflict-row.h"

struct _SixConflictRow
{
  GtkBox           parent_instance;

  /* Template widgets */
  GtkButton       *restore_button;

  /* Owned */
  SixConflictItem *conflict;
};

G_DEFINE_FINAL_TYPE (SixConflictRow, six_conflict_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CONFLICT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
subtitle_cb (gpointer    row,
             const char *kept,
             const char *replaced)
{
  /* Translators: the value kept by a merge, then the value it replaced, each with who and when */
  return g_strdup_printf (_("Kept %s\nReplaced %s"), kept, replaced);
}

static void
six_conflict_row_dispose (GObject *object)
{
  SixConflictRow *self = (SixConflictRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_CONFLICT_ROW);
  g_clear_object (&self->conflict);

  G_OBJECT_CLASS (six_conflict_row_parent_class)->dispose (object);
}

static void
six_conflict_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SixConflictRow *self = SIX_CONFLICT_ROW (object);

  switch (prop_id)
    {
    case PROP_CONFLICT:
      g_value_set_object (value, self->conflict);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_conflict_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SixConflictRow *self = SIX_CONFLICT_ROW (object);

  switch (prop_id)
    {
    case PROP_CONFLICT:
      six_conflict_row_set_conflict (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_conflict_row_class_init (SixConflictRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_conflict_row_dispose;
  object_class->get_property = six_conflict_row_get_property;
  object_class->set_property = six_conflict_row_set_property;

  /**
   * SixConflictRow:conflict:
   *
   * The conflict shown, whose replaced value Restore brings back; %NULL in a row not yet
   * given one.
   */
  properties[PROP_CONFLICT] =
    g_param_spec_object ("conflict", NULL, NULL, SIX_TYPE_CONFLICT_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-conflict-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SixConflictRow, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, subtitle_cb);

  g_type_ensure (SIX_TYPE_CONFLICT_ITEM);
}

static void
six_conflict_row_init (SixConflictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Returns: (transfer none) (nullable): the conflict shown */
SixConflictItem *
six_conflict_row_get_conflict (SixConflictRow *self)
{
  g_return_val_if_fail (SIX_IS_CONFLICT_ROW (self), NULL);

  return self->conflict;
}

/* A row the list recycles is given another conflict. */
void
six_conflict_row_set_conflict (SixConflictRow  *self,
                               SixConflictItem *conflict)
{
  g_autofree char *label = NULL;

  g_return_if_fail (SIX_IS_CONFLICT_ROW (self));
  g_return_if_fail (conflict == NULL || SIX_IS_CONFLICT_ITEM (conflict));

  if (!g_set_object (&self->conflict, conflict))
    return;

  if (conflict != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->restore_button), "x",
                                        six_conflict_item_get_id (conflict));
      /* Translators: the button's name for screen readers; %s is a record and field */
      label = g_strdup_printf (_("Bring back the replaced value of %s"),
                               six_conflict_item_get_title (conflict));
      six_accessible_name_button (self->restore_button, label);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICT]);
}
