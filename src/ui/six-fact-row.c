/* six-fact-row.c — a row that shows a fact of a view, and the buttons for its record
 *
 * Everything it shows is bound to its fact by one binding group. Its Edit and Remove buttons
 * activate record.edit and record.remove with the record's kind and id ("(ss)"): the page
 * that shows the row installs both. Actions are set in code, each target before its name, so
 * that no action is ever looked up with a target of the wrong type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-fact-row"

#include "config.h"

#include <glib/gi18n.h>

#include "six-fact-row.h"
#include "six-fact-expander.h"

struct _SixFactRow
{
  AdwActionRow  parent_instance;

  SixFact      *fact;
  GBindingGroup *bindings;  /* the fact's properties to the row's and its widgets' */

  /* Template widgets */
  GtkWidget    *unverified_badge;
  GtkWidget    *badge;
  GtkWidget    *edit_button;
  GtkWidget    *remove_button;
  GtkWidget    *arrow;
};

G_DEFINE_FINAL_TYPE (SixFactRow, six_fact_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_FACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a screen reader calls the buttons: "Edit Norway", "Remove Norway". */
static void
name_buttons (SixFactRow *self)
{
  const char *name = six_fact_get_name (self->fact);
  /* Translators: the accessible name of a row's edit button; %s is what the row shows. */
  g_autofree char *edit = g_strdup_printf (_("Edit %s"), name);
  /* Translators: the accessible name of a row's remove button; %s is what the row shows. */
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
}

/* @actionable activates @action_name with @target, or nothing when @target is NULL. */
void
_six_fact_set_actionable (GtkActionable *actionable,
                          const char    *action_name,
                          GVariant      *target)
{
  gtk_actionable_set_action_name (actionable, NULL);
  gtk_actionable_set_action_target_value (actionable, target);
  gtk_actionable_set_action_name (actionable, target != NULL ? action_name : NULL);
}

static void
set_fact (SixFactRow *self,
          SixFact    *fact)
{
  GVariant *target;

  if (!g_set_object (&self->fact, fact))
    return;

  g_binding_group_set_source (self->bindings, fact);
  target = six_fact_get_target (fact);
  _six_fact_set_actionable (GTK_ACTIONABLE (self->edit_button), "record.edit", target);
  _six_fact_set_actionable (GTK_ACTIONABLE (self->remove_button), "record.remove",
                            six_fact_get_removable (fact) ? target : NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self),
                                          six_fact_get_action_target (fact));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), six_fact_get_action_name (fact));
  name_buttons (self);
  if (six_fact_get_placeholder (fact))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACT]);
}

static void
six_fact_row_dispose (GObject *object)
{
  SixFactRow *self = (SixFactRow *) object;

  g_clear_object (&self->bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_FACT_ROW);
  g_clear_object (&self->fact);

  G_OBJECT_CLASS (six_fact_row_parent_class)->dispose (object);
}

static void
six_fact_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SixFactRow *self = SIX_FACT_ROW (object);

  switch (prop_id)
    {
    case PROP_FACT:
      g_value_set_object (value, self->fact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_fact_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SixFactRow *self = SIX_FACT_ROW (object);

  switch (prop_id)
    {
    case PROP_FACT:
      set_fact (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_fact_row_class_init (SixFactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_fact_row_dispose;
  object_class->get_property = six_fact_row_get_property;
  object_class->set_property = six_fact_row_set_property;

  properties[PROP_FACT] =
    g_param_spec_object ("fact", NULL, NULL, SIX_TYPE_FACT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SIX_TYPE_FACT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/six-fact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SixFactRow, unverified_badge);
  gtk_widget_class_bind_template_child (widget_class, SixFactRow, badge);
  gtk_widget_class_bind_template_child (widget_class, SixFactRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SixFactRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, SixFactRow, arrow);
}

static void
bind (SixFactRow *self,
      const char *fact_property,
      gpointer    target,
      const char *target_property)
{
  g_binding_group_bind (self->bindings, fact_property, target, target_property,
                        G_BINDING_SYNC_CREATE);
}

static void
six_fact_row_init (SixFactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  bind (self, "title", self, "title");
  bind (self, "subtitle", self, "subtitle");
  bind (self, "tooltip", self, "tooltip-text");
  bind (self, "activatable", self, "activatable");
  bind (self, "icon-name", self, "icon-name");
  bind (self, "unverified", self->unverified_badge, "visible");
  bind (self, "badge", self->badge, "label");
  bind (self, "has-badge", self->badge, "visible");
  bind (self, "badge-classes", self->badge, "css-classes");
  bind (self, "editable", self->edit_button, "visible");
  bind (self, "removable", self->remove_button, "visible");
  bind (self, "activatable", self->arrow, "visible");
}

GtkWidget *
six_fact_row_new (SixFact *fact)
{
  g_return_val_if_fail (SIX_IS_FACT (fact), NULL);

  return g_object_new (SIX_TYPE_FACT_ROW, "fact", fact, NULL);
}

SixFact *
six_fact_row_get_fact (SixFactRow *self)
{
  g_return_val_if_fail (SIX_IS_FACT_ROW (self), NULL);

  return self->fact;
}

/**
 * six_fact_row_create:
 * @item: a #SixFact
 *
 * A #GtkListBoxCreateWidgetFunc for gtk_list_box_bind_model () over a view's facts: a fact
 * with details folds them out (#SixFactExpander), any other is a #SixFactRow.
 *
 * Returns: (transfer full): the row
 */
GtkWidget *
six_fact_row_create (gpointer item,
                     gpointer user_data)
{
  SixFact *fact = SIX_FACT (item);

  if (six_fact_get_details (fact) != NULL)
    return six_fact_expander_new (fact);

  return six_fact_row_new (fact);
}
