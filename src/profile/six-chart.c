/* six-chart.c — one horizontal bar, drawn with cairo: the window's charts and the PDFs alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-chart"

#include "config.h"

#include "six-chart.h"

/* GNOME's palette: blue 3, green 4, yellow 5, red 3, orange 4. */
static const double colors[SIX_CHART_N_SEGMENTS][3] = {
  [SIX_CHART_SEGMENT_TOTAL] = { 0x35 / 255., 0x84 / 255., 0xe4 / 255. },
  [SIX_CHART_SEGMENT_ANSWERED] = { 0x2e / 255., 0xc2 / 255., 0x7e / 255. },
  [SIX_CHART_SEGMENT_PARTLY] = { 0xf5 / 255., 0xc2 / 255., 0x11 / 255. },
  [SIX_CHART_SEGMENT_UNANSWERED] = { 0xe0 / 255., 0x1b / 255., 0x24 / 255. },
  [SIX_CHART_SEGMENT_PASSED] = { 0xc0 / 255., 0x1c / 255., 0x28 / 255. },
  [SIX_CHART_SEGMENT_SOON] = { 0xff / 255., 0x78 / 255., 0x00 / 255. },
  [SIX_CHART_SEGMENT_LATER] = { 0x35 / 255., 0x84 / 255., 0xe4 / 255. },
};

void
six_chart_get_color (SixChartSegment  kind,
                     double          *rgb)
{
  g_return_if_fail (kind < SIX_CHART_N_SEGMENTS);

  for (guint i = 0; i < 3; i++)
    rgb[i] = colors[kind][i];
}

/**
 * six_chart_draw_bar:
 * @width: the room for a bar as long as @max
 * @max: the longest bar of the chart; a bar of 0 draws a thin track only
 *
 * Draws at (0, 0): a light track the whole @width, and the segments over it.
 */
void
six_chart_draw_bar (cairo_t           *cr,
                    double             width,
                    double             height,
                    const SixChartValues *bar,
                    double             max)
{
  double x = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (bar != NULL && bar->n_segments <= G_N_ELEMENTS (bar->kinds));

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.15);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  for (guint i = 0; i < bar->n_segments && max > 0; i++)
    {
      double length = width * bar->values[i] / max;

      if (length <= 0)
        continue;
      cairo_set_source_rgb (cr, colors[bar->kinds[i]][0], colors[bar->kinds[i]][1],
                            colors[bar->kinds[i]][2]);
      cairo_rectangle (cr, x, 0, MIN (length, width - x), height);
      cairo_fill (cr);
      x += length;
    }
  cairo_restore (cr);
}
