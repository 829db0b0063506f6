/* six-figure-row.c — a row of the Overview: a title, the figures under it, what it opens
 *
 * Drawn as libadwaita draws an action row (the same style classes in the same places), but
 * its labels wrap between words: an action row wraps anywhere, which makes GTK 4.8 search
 * for each label's narrowest width and lays a page of a hundred rows out three times slower.
 * The arrow shows when the row opens something (it is activatable).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-figure-row"

#include "config.h"

#include "six-figure-row.h"

struct _SixFigureRow
{
  AdwPreferencesRow  parent_instance;

  /* Template widgets */
  GtkLabel          *subtitle_label;
  GtkBox            *suffixes;
  GtkImage          *arrow;
};

G_DEFINE_FINAL_TYPE (SixFigureRow, six_figure_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a screen reader says: the title, then the figures. */
static void
update_row (SixFigureRow *self)
{
  const char *subtitle = six_figure_row_get_subtitle (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle[0] != '\0');
}

/* A row that opens nothing keeps the arrow's place, so that the arrows make one column. */
static void
on_activatable_changed_cb (SixFigureRow *self)
{
  gtk_widget_set_opacity (GTK_WIDGET (self->arrow),
                          gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (self)) ? 1 : 0);
}

static void
six_figure_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SIX_TYPE_FIGURE_ROW);

  G_OBJECT_CLASS (six_figure_row_parent_class)->dispose (object);
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
    case PROP_SUBTITLE:
      g_value_set_string (value, six_figure_row_get_subtitle (self));
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
    case PROP_SUBTITLE:
      six_figure_row_set_subtitle (self, g_value_get_string (value));
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

  object_class->dispose = six_figure_row_dispose;
  object_class->get_property = six_figure_row_get_property;
  object_class->set_property = six_figure_row_set_property;

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

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
  g_signal_connect (self, "notify::activatable", G_CALLBACK (on_activatable_changed_cb), NULL);
  g_signal_connect (self, "notify::title", G_CALLBACK (update_row), NULL);
  on_activatable_changed_cb (self);
  update_row (self);
}

GtkWidget *
six_figure_row_new (const char *title,
                    const char *subtitle)
{
  return g_object_new (SIX_TYPE_FIGURE_ROW,
                       "title", title,
                       "subtitle", subtitle != NULL ? subtitle : "",
                       "activatable", FALSE,
                       NULL);
}

const char *
six_figure_row_get_subtitle (SixFigureRow *self)
{
  g_return_val_if_fail (SIX_IS_FIGURE_ROW (self), NULL);

  return gtk_label_get_label (self->subtitle_label);
}

void
six_figure_row_set_subtitle (SixFigureRow *self,
                             const char   *subtitle)
{
  g_return_if_fail (SIX_IS_FIGURE_ROW (self));

  if (subtitle == NULL)
    subtitle = "";
  if (g_strcmp0 (subtitle, six_figure_row_get_subtitle (self)) == 0)
    return;

  gtk_label_set_label (self->subtitle_label, subtitle);
  update_row (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/**
 * six_figure_row_set_subtitle_lines:
 * @lines: the lines the subtitle shows at most, cut with an ellipsis and read whole in its
 *   tooltip; 0 for all of it
 */
void
six_figure_row_set_subtitle_lines (SixFigureRow *self,
                                   int           lines)
{
  g_return_if_fail (SIX_IS_FIGURE_ROW (self));
  g_return_if_fail (lines >= 0);

  gtk_label_set_lines (self->subtitle_label, lines > 0 ? lines : -1);
  gtk_label_set_ellipsize (self->subtitle_label,
                           lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label),
                               lines > 0 ? six_figure_row_get_subtitle (self) : NULL);
}

/* @widget goes after the figures, before the arrow: a bar, say. */
void
six_figure_row_add_suffix (SixFigureRow *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (SIX_IS_FIGURE_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (self->suffixes, widget);
  gtk_widget_set_visible (GTK_WIDGET (self->suffixes), TRUE);
}
