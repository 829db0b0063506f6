/* six-chart-values.h — what one bar of a chart holds: the figures a view gives and the
 * window and the PDFs draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a segment of a bar stands for; each has its colour, the same on screen and on paper. */
typedef enum
{
  SIX_CHART_SEGMENT_TOTAL,       /* a plain count (accent blue) */
  SIX_CHART_SEGMENT_ANSWERED,    /* green */
  SIX_CHART_SEGMENT_PARTLY,      /* yellow */
  SIX_CHART_SEGMENT_UNANSWERED,  /* red */
  SIX_CHART_SEGMENT_PASSED,      /* a deadline passed (red) */
  SIX_CHART_SEGMENT_SOON,        /* within 12 months (orange) */
  SIX_CHART_SEGMENT_LATER,       /* later (blue) */
} SixChartSegment;

#define SIX_CHART_N_SEGMENTS 7

/* One bar: up to four stacked segments, drawn left to right in the order given. */
typedef struct
{
  SixChartSegment kinds[4];
  double          values[4];
  guint           n_segments;
} SixChartValues;

G_END_DECLS
