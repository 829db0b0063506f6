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

  GtkWidget    *done_check;  /* before the title, when the fact can be ticked done */

  /* Template widgets */
  GtkWidget    *unverified_badge;
  GtkWidget    *badge;
  GtkWidget    *also_button;
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
  const char *remove_label = six_fact_get_remove_label (self->fact);
  /* Translators: the accessible name of a row's remove button; %s is what the row shows. */
  g_autofree char *remove = remove_label == NULL ? g_strdup_printf (_("Remove %s"), name)
                                                 : g_strdup (remove_label);

  gtk_widget_set_tooltip_text (self->edit_button, edit);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, edit, -1);
  gtk_widget_set_tooltip_text (self->remove_button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  gtk_widget_set_tooltip_text (self->also_button, six_fact_get_also_label (self->fact));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->also_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  six_fact_get_also_label (self->fact), -1);
}

/* Ticked by the user (not by the binding that shows the fact's state): record.mark-done. */
static void
on_done_check_toggled_cb (SixFactRow *self)
{
  gboolean active = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->done_check));
  const char *id;

  if (self->fact == NULL || six_fact_get_target (self->fact) == NULL ||
      active == six_fact_get_done (self->fact))
    return;

  g_variant_get (six_fact_get_target (self->fact), "(s&s)", NULL, &id);
  gtk_widget_activate_action (GTK_WIDGET (self), "record.mark-done", "(sb)", id, active);
}

/* @actionable activates @action_name with @target (nullable); a button for a record
 * (@requires_target) activates nothing when there is none. */
static void
set_actionable (GtkActionable *actionable,
                const char    *action_name,
                GVariant      *target,
                gboolean       requires_target)
{
  gtk_actionable_set_action_target_value (actionable, target);
  gtk_actionable_set_action_name (actionable,
                                  target != NULL || !requires_target ? action_name : NULL);
}

/* @actionable edits, removes… the record @target names, or activates nothing. */
void
_six_fact_set_actionable (GtkActionable *actionable,
                          const char    *action_name,
                          GVariant      *target)
{
  set_actionable (actionable, action_name, target, TRUE);
}

/* A tick before the title, for a fact that can be done: made only then, as a prefix that is
 * there at all indents the title. */
static void
add_done_check (SixFactRow *self)
{
  /* Translators: the accessible name of a follow-up's tick; %s is what the row shows. */
  g_autofree char *label = g_strdup_printf (_("Done: %s"), six_fact_get_title (self->fact));

  self->done_check = gtk_check_button_new ();
  gtk_widget_set_valign (self->done_check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->done_check, _("Mark as done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->done_check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_bind_property (self->fact, "done", self->done_check, "active",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->done_check, "toggled",
                            G_CALLBACK (on_done_check_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), self->done_check);
}

/* Set once: the row is made for its fact, which never changes. */
static void
set_fact (SixFactRow *self,
          SixFact    *fact)
{
  GVariant *target;

  g_return_if_fail (self->fact == NULL);

  self->fact = g_object_ref (fact);
  g_binding_group_set_source (self->bindings, fact);

  target = six_fact_get_target (fact);
  _six_fact_set_actionable (GTK_ACTIONABLE (self->edit_button), "record.edit", target);
  set_actionable (GTK_ACTIONABLE (self->remove_button), six_fact_get_remove_action (fact),
                  six_fact_get_remove_target (fact), FALSE);
  /* A link taken away leaves both records: a minus, not a bin. */
  if (six_fact_get_remove_label (fact) != NULL)
    gtk_button_set_icon_name (GTK_BUTTON (self->remove_button), "list-remove-symbolic");
  _six_fact_set_actionable (GTK_ACTIONABLE (self->also_button), "record.edit",
                            six_fact_get_also_target (fact));
  set_actionable (GTK_ACTIONABLE (self), six_fact_get_action_name (fact),
                  six_fact_get_action_target (fact), FALSE);
  name_buttons (self);

  if (six_fact_get_checkable (fact))
    add_done_check (self);
  if (six_fact_get_style (fact) != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), six_fact_get_style (fact));
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
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SIX_TYPE_FACT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/six-fact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SixFactRow, unverified_badge);
  gtk_widget_class_bind_template_child (widget_class, SixFactRow, badge);
  gtk_widget_class_bind_template_child (widget_class, SixFactRow, also_button);
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
  bind (self, "subtitle-lines", self, "subtitle-lines");
  bind (self, "has-also", self->also_button, "visible");
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

/**
 * six_fact_row_bind_list:
 * @list: a section's list, in an #AdwPreferencesGroup
 * @facts: (nullable): the section's #SixFact lines, or %NULL for none
 *
 * Binds @list's rows to @facts, shows @list only when it has some, and names it after its
 * group's title, as libadwaita names a group's own list.
 */
void
six_fact_row_bind_list (GtkListBox *list,
                        GListModel *facts)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_PREFERENCES_GROUP);
  const char *title = NULL;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  if (group != NULL)
    title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));
  gtk_list_box_bind_model (list, facts, six_fact_row_create, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (list),
                          facts != NULL && g_list_model_get_n_items (facts) > 0);
  if (title != NULL && title[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
}
