/* six-chart.h — one horizontal bar, drawn with cairo: the window's charts and the PDFs alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "six-chart-values.h"

G_BEGIN_DECLS

void six_chart_get_color (SixChartSegment       kind,
                          double               *rgb);
void six_chart_draw_bar  (cairo_t              *cr,
                          double                width,
                          double                height,
                          const SixChartValues *bar,
                          double                max);

G_END_DECLS
