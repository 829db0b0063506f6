/* six-entry-row.c — a titled row holding a text entry that screen readers follow
 *
 * What AdwEntryRow is, for a screen reader too: libadwaita 1.2's entry row keeps the focus on a
 * text widget it does not expose, so moving into a field is never announced (fixed upstream
 * after 1.2, with API GTK 4.8 keeps private). Here the row's title names a GtkEntry, which
 * GTK reports as focused. The row edits as the entry does (GtkEditable), and offers the entry
 * row's apply button: typed text shows it; Enter or the button applies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-entry-row"

#include "config.h"

#include "six-entry-row.h"

struct _SixEntryRow
{
  AdwActionRow parent_instance;

  GtkWidget *entry;
  GtkWidget *apply_button;
  gboolean   show_apply_button;
};

static void six_entry_row_editable_init (GtkEditableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SixEntryRow, six_entry_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_EDITABLE,
                                                      six_entry_row_editable_init))

enum {
  PROP_0,
  PROP_SHOW_APPLY_BUTTON,
  PROP_ACTIVATES_DEFAULT,
  N_PROPS
};

enum {
  APPLY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkEditable *
six_entry_row_get_delegate (GtkEditable *editable)
{
  return GTK_EDITABLE (SIX_ENTRY_ROW (editable)->entry);
}

static void
six_entry_row_editable_init (GtkEditableInterface *iface)
{
  iface->get_delegate = six_entry_row_get_delegate;
}

/* Typing, not a value set by the program: the focus is in the entry. */
static gboolean
is_editing (SixEntryRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, self->entry);
}

static void
on_entry_changed_cb (SixEntryRow *self)
{
  if (self->show_apply_button && is_editing (self))
    gtk_widget_set_visible (self->apply_button, TRUE);
}

static void
apply (SixEntryRow *self)
{
  gtk_widget_set_visible (self->apply_button, FALSE);
  g_signal_emit (self, signals[APPLY], 0);
}

static void
on_entry_activate_cb (SixEntryRow *self)
{
  if (gtk_widget_get_visible (self->apply_button))
    apply (self);
}

static void
on_title_changed_cb (SixEntryRow *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                                  -1);
}

static void
six_entry_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SixEntryRow *self = SIX_ENTRY_ROW (object);

  if (gtk_editable_delegate_get_property (object, prop_id, value, pspec))
    return;

  switch (prop_id)
    {
    case PROP_SHOW_APPLY_BUTTON:
      g_value_set_boolean (value, self->show_apply_button);
      break;
    case PROP_ACTIVATES_DEFAULT:
      g_value_set_boolean (value, gtk_entry_get_activates_default (GTK_ENTRY (self->entry)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_entry_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SixEntryRow *self = SIX_ENTRY_ROW (object);

  if (gtk_editable_delegate_set_property (object, prop_id, value, pspec))
    return;

  switch (prop_id)
    {
    case PROP_SHOW_APPLY_BUTTON:
      six_entry_row_set_show_apply_button (self, g_value_get_boolean (value));
      break;
    case PROP_ACTIVATES_DEFAULT:
      gtk_entry_set_activates_default (GTK_ENTRY (self->entry), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_entry_row_dispose (GObject *object)
{
  SixEntryRow *self = SIX_ENTRY_ROW (object);

  if (self->entry != NULL)
    gtk_editable_finish_delegate (GTK_EDITABLE (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_ENTRY_ROW);
  self->entry = NULL;

  G_OBJECT_CLASS (six_entry_row_parent_class)->dispose (object);
}

static void
six_entry_row_class_init (SixEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = six_entry_row_get_property;
  object_class->set_property = six_entry_row_set_property;
  object_class->dispose = six_entry_row_dispose;

  properties[PROP_SHOW_APPLY_BUTTON] =
    g_param_spec_boolean ("show-apply-button", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVATES_DEFAULT] =
    g_param_spec_boolean ("activates-default", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_editable_install_properties (object_class, N_PROPS);

  /**
   * SixEntryRow::apply:
   *
   * The text typed is to be kept: Enter, or the apply button, with show-apply-button set.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/articlesix/ArticleSix"
                                                             "/ui/six-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SixEntryRow, entry);
  gtk_widget_class_bind_template_child (widget_class, SixEntryRow, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply);
}

static void
six_entry_row_init (SixEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_editable_init_delegate (GTK_EDITABLE (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);
}

GtkWidget *
six_entry_row_new (void)
{
  return g_object_new (SIX_TYPE_ENTRY_ROW, NULL);
}

gboolean
six_entry_row_get_show_apply_button (SixEntryRow *self)
{
  g_return_val_if_fail (SIX_IS_ENTRY_ROW (self), FALSE);

  return self->show_apply_button;
}

void
six_entry_row_set_show_apply_button (SixEntryRow *self,
                                     gboolean     show_apply_button)
{
  g_return_if_fail (SIX_IS_ENTRY_ROW (self));

  show_apply_button = !!show_apply_button;
  if (self->show_apply_button == show_apply_button)
    return;

  self->show_apply_button = show_apply_button;
  if (!show_apply_button)
    gtk_widget_set_visible (self->apply_button, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_APPLY_BUTTON]);
}
