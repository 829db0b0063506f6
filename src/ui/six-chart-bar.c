/* six-chart-bar.c — one bar of a chart, as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-chart-bar"

#include "config.h"

#include "six-chart-bar.h"

struct _SixChartBar
{
  GtkWidget      parent_instance;

  SixChartValues values;
  double         max;
};

G_DEFINE_FINAL_TYPE (SixChartBar, six_chart_bar, GTK_TYPE_WIDGET)

/* Drawn by the same cairo code as the PDFs, so a chart reads the same on screen and paper. */
static void
six_chart_bar_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SixChartBar *self = SIX_CHART_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  six_chart_draw_bar (cr, width, height, &self->values, self->max);
  cairo_destroy (cr);
}

static void
six_chart_bar_class_init (SixChartBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = six_chart_bar_snapshot;
  gtk_widget_class_set_css_name (widget_class, "chartbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
six_chart_bar_init (SixChartBar *self)
{
}

/* The bar is decoration: the row that holds it names its figures for screen readers. */
GtkWidget *
six_chart_bar_new (const SixChartValues *values,
                   double                max)
{
  SixChartBar *self;

  g_return_val_if_fail (values != NULL, NULL);

  self = g_object_new (SIX_TYPE_CHART_BAR, NULL);
  self->values = *values;
  self->max = max;

  return GTK_WIDGET (self);
}
