/* six-overview-document.h — cooperation and assistance in a span of years, on one A4 page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "six-overview.h"

G_BEGIN_DECLS

/* A4 in points. */
#define SIX_OVERVIEW_DOCUMENT_WIDTH  595.276
#define SIX_OVERVIEW_DOCUMENT_HEIGHT 841.89

void     six_overview_document_draw             (SixOverview    *overview,
                                                 cairo_t        *cr,
                                                 double          width,
                                                 double          height,
                                                 const char     *language,
                                                 const GDate    *as_of);
gboolean six_overview_document_write_pdf_stream (SixOverview    *overview,
                                                 const char     *language,
                                                 const GDate    *as_of,
                                                 GOutputStream  *stream,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
gboolean six_overview_document_write_pdf        (SixOverview    *overview,
                                                 const char     *language,
                                                 const GDate    *as_of,
                                                 const char     *path,
                                                 GError        **error);

G_END_DECLS
