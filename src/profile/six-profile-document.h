/* six-profile-document.h — a State's profile on one printed page, for side events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "six-profile.h"

G_BEGIN_DECLS

/* What leaves the office only when the user ticks it in: with none, only public records
 * are printed, as a public file export shares them. */
typedef enum
{
  SIX_PROFILE_INCLUDE_NONE          = 0,
  SIX_PROFILE_INCLUDE_CONTACTS      = 1 << 0,
  SIX_PROFILE_INCLUDE_PRIVATE_NOTES = 1 << 1,
  SIX_PROFILE_INCLUDE_COALITION     = 1 << 2,  /* records shared with coalitions */
  SIX_PROFILE_INCLUDE_PRIVATE       = 1 << 3,  /* private records, notes included */
} SixProfileInclude;

/* A4 in points. */
#define SIX_PROFILE_PAGE_WIDTH  595.276
#define SIX_PROFILE_PAGE_HEIGHT 841.89

void     six_profile_document_draw      (SixProfile         *profile,
                                         cairo_t            *cr,
                                         double              width,
                                         double              height,
                                         SixProfileInclude   include,
                                         const GDate        *today);
gboolean six_profile_document_write_pdf (SixProfile         *profile,
                                         const char         *path,
                                         SixProfileInclude   include,
                                         const GDate        *today,
                                         GError            **error);

G_END_DECLS
