/* six-fact-expander.c — a fact that folds out the lines under it (an obligation's dates)
 *
 * Its title, subtitle, badge and Edit button are bound to its fact, as a #SixFactRow's are;
 * the lines it folds out are rows of the fact's details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-fact-expander"

#include "config.h"

#include <glib/gi18n.h>

#include "six-fact-expander.h"
#include "six-fact-row.h"

struct _SixFactExpander
{
  AdwExpanderRow  parent_instance;

  SixFact        *fact;

  /* Template widgets */
  GtkWidget      *badge;
  GtkWidget      *unverified_badge;
  GtkWidget      *edit_button;
};

G_DEFINE_FINAL_TYPE (SixFactExpander, six_fact_expander, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_FACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Named once: an expander row's details never change, as its fact never does. */
static void
set_fact (SixFactExpander *self,
          SixFact         *fact)
{
  const char *title = six_fact_get_title (fact);
  g_autofree char *edit = g_strdup_printf (_("Edit %s"), six_fact_get_name (fact));
  GListModel *details = six_fact_get_details (fact);

  g_return_if_fail (self->fact == NULL);

  self->fact = g_object_ref (fact);
  g_object_bind_property (fact, "title", self, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (fact, "subtitle", self, "subtitle", G_BINDING_SYNC_CREATE);
  g_object_bind_property (fact, "unverified", self->unverified_badge, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (fact, "badge", self->badge, "label", G_BINDING_SYNC_CREATE);
  g_object_bind_property (fact, "has-badge", self->badge, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (fact, "badge-classes", self->badge, "css-classes",
                          G_BINDING_SYNC_CREATE);
  if (six_fact_get_style (fact) != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), six_fact_get_style (fact));
  g_object_bind_property (fact, "editable", self->edit_button, "visible",
                          G_BINDING_SYNC_CREATE);
  /* The expander itself is read by its title, as its header row is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_widget_set_tooltip_text (self->edit_button, edit);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit, -1);
  _six_fact_set_actionable (GTK_ACTIONABLE (self->edit_button), "record.edit",
                            six_fact_get_target (fact));
  for (guint i = 0; details != NULL && i < g_list_model_get_n_items (details); i++)
    {
      g_autoptr(SixFact) detail = g_list_model_get_item (details, i);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), six_fact_row_new (detail));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACT]);
}

static void
six_fact_expander_dispose (GObject *object)
{
  SixFactExpander *self = (SixFactExpander *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_FACT_EXPANDER);
  g_clear_object (&self->fact);

  G_OBJECT_CLASS (six_fact_expander_parent_class)->dispose (object);
}

static void
six_fact_expander_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SixFactExpander *self = SIX_FACT_EXPANDER (object);

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
six_fact_expander_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SixFactExpander *self = SIX_FACT_EXPANDER (object);

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
six_fact_expander_class_init (SixFactExpanderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_fact_expander_dispose;
  object_class->get_property = six_fact_expander_get_property;
  object_class->set_property = six_fact_expander_set_property;

  /* Set once: the rows it folds out are made from it. */
  properties[PROP_FACT] =
    g_param_spec_object ("fact", NULL, NULL, SIX_TYPE_FACT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SIX_TYPE_FACT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-fact-expander.ui");
  gtk_widget_class_bind_template_child (widget_class, SixFactExpander, badge);
  gtk_widget_class_bind_template_child (widget_class, SixFactExpander, unverified_badge);
  gtk_widget_class_bind_template_child (widget_class, SixFactExpander, edit_button);
}

static void
six_fact_expander_init (SixFactExpander *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
six_fact_expander_new (SixFact *fact)
{
  g_return_val_if_fail (SIX_IS_FACT (fact), NULL);

  return g_object_new (SIX_TYPE_FACT_EXPANDER, "fact", fact, NULL);
}

SixFact *
six_fact_expander_get_fact (SixFactExpander *self)
{
  g_return_val_if_fail (SIX_IS_FACT_EXPANDER (self), NULL);

  return self->fact;
}
