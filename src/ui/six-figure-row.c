/* six-figure-row.c — a row of the Overview: a title, the figures under it, what it opens
 *
 * Shows one #SixFact: its title, its figures, its bar, and the action activating it runs.
 * Drawn as libadwaita draws an action row (the same style classes in the same places), but
 * its labels wrap between words: an action row wraps anywhere, which makes GTK 4.8 search
 * for each label's narrowest width and lays a page of a hundred rows out three times slower.
 * The arrow shows when the row opens something (it is activatable). A fact never changes,
 * so the row reads it once, when built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-figure-row"

#include "config.h"

#include "six-chart-bar.h"
#include "six-figure-row.h"

struct _SixFigureRow
{
  AdwPreferencesRow  parent_instance;

  /* Template widgets */
  GtkLabel          *subtitle_label;
  GtkBox            *suffixes;
  GtkImage          *arrow;

  /* Owned */
  SixFact           *fact;
};

G_DEFINE_FINAL_TYPE (SixFigureRow, six_figure_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_FACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The subtitle, cut after its fact's lines with the whole in its tooltip, or all of it. */
static void
show_subtitle (SixFigureRow *self)
{
  const char *subtitle = six_fact_get_subtitle (self->fact);
  int lines = six_fact_get_subtitle_lines (self->fact);

  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle);
  if (lines > 0)
    {
      gtk_label_set_lines (self->subtitle_label, lines);
      gtk_label_set_ellipsize (self->subtitle_label, PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), subtitle);
    }
}

/* Its bar, decoration: the row names its figures for screen readers. */
static void
show_bar (SixFigureRow *self)
{
  double max;
  const SixChartValues *bar = six_fact_get_bar (self->fact, &max);

  if (bar == NULL)
    return;

  gtk_box_append (self->suffixes, six_chart_bar_new (bar, max));
  gtk_widget_set_visible (GTK_WIDGET (self->suffixes), TRUE);
}

/* A row that opens nothing keeps the arrow's place, so that the arrows make one column. */
static void
show_action (SixFigureRow *self)
{
  const char *action_name = six_fact_get_action_name (self->fact);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), action_name != NULL);
  gtk_widget_set_opacity (GTK_WIDGET (self->arrow), action_name != NULL ? 1 : 0);
  if (action_name == NULL)
    return;

  /* The target first: an action name without its target is a mismatch GTK warns about. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self),
                                          six_fact_get_action_target (self->fact));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), action_name);
}

static void
six_figure_row_constructed (GObject *object)
{
  SixFigureRow *self = SIX_FIGURE_ROW (object);
  const char *style = six_fact_get_style (self->fact);

  G_OBJECT_CLASS (six_figure_row_parent_class)->constructed (object);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), six_fact_get_title (self->fact));
  show_subtitle (self);
  show_bar (self);
  show_action (self);
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), style);

  /* What a screen reader says: the title, then the figures. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, six_fact_get_title (self->fact),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  six_figure_row_get_subtitle (self),
                                  -1);
}

static void
six_figure_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SIX_TYPE_FIGURE_ROW);

  G_OBJECT_CLASS (six_figure_row_parent_class)->dispose (object);
}

static void
six_figure_row_finalize (GObject *object)
{
  SixFigureRow *self = SIX_FIGURE_ROW (object);

  g_clear_object (&self->fact);

  G_OBJECT_CLASS (six_figure_row_parent_class)->finalize (object);
}

static void
six_figure_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SixFigureRow *self = SIX_FIGURE_ROW (object);

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
six_figure_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SixFigureRow *self = SIX_FIGURE_ROW (object);

  switch (prop_id)
    {
    case PROP_FACT:
      self->fact = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_figure_row_class_init (SixFigureRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = six_figure_row_constructed;
  object_class->dispose = six_figure_row_dispose;
  object_class->finalize = six_figure_row_finalize;
  object_class->get_property = six_figure_row_get_property;
  object_class->set_property = six_figure_row_set_property;

  properties[PROP_FACT] =
    g_param_spec_object ("fact", NULL, NULL, SIX_TYPE_FACT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-figure-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SixFigureRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SixFigureRow, suffixes);
  gtk_widget_class_bind_template_child (widget_class, SixFigureRow, arrow);
}

static void
six_figure_row_init (SixFigureRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
six_figure_row_new (SixFact *fact)
{
  g_return_val_if_fail (SIX_IS_FACT (fact), NULL);

  return g_object_new (SIX_TYPE_FIGURE_ROW, "fact", fact, NULL);
}

/* What the row shows under its title: "" for nothing. */
const char *
six_figure_row_get_subtitle (SixFigureRow *self)
{
  g_return_val_if_fail (SIX_IS_FIGURE_ROW (self), NULL);

  return gtk_label_get_label (self->subtitle_label);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return six_figure_row_new (item);
}

/**
 * six_figure_row_bind_list:
 * @list: a group's list of the Overview
 * @facts: (nullable): the group's #SixFact lines, or %NULL for none
 *
 * Binds @list's rows to @facts, one #SixFigureRow a line.
 */
void
six_figure_row_bind_list (GtkListBox *list,
                          GListModel *facts)
{
  g_return_if_fail (GTK_IS_LIST_BOX (list));

  gtk_list_box_bind_model (list, facts, create_row, NULL, NULL);
}
