/* six-chart-bar.h — one bar of a chart, as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "six-chart.h"

G_BEGIN_DECLS

#define SIX_TYPE_CHART_BAR (six_chart_bar_get_type ())

G_DECLARE_FINAL_TYPE (SixChartBar, six_chart_bar, SIX, CHART_BAR, GtkWidget)

GtkWidget *six_chart_bar_new (const SixChartValues *values,
                              double                max);

G_END_DECLS
