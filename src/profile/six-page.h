/* six-page.h — one A4 page drawn with cairo and Pango: the layout the profile, the overview
 * and the coalition brief share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

#define SIX_PAGE_MARGIN     42.0
#define SIX_PAGE_GAP        4.0
#define SIX_PAGE_FONT_BODY  "Sans 8.5"
#define SIX_PAGE_FONT_SMALL "Sans 7"
#define SIX_PAGE_FONT_HEAD  "Sans Bold 10.5"

typedef struct
{
  double r, g, b;
} SixColour;

extern const SixColour six_page_text_colour;
extern const SixColour six_page_dim_colour;
extern const SixColour six_page_accent_colour;  /* GNOME blue 4 */
extern const SixColour six_page_rule_colour;

/* Where the next line goes: @y moves down as things are drawn, never past @bottom. */
typedef struct
{
  cairo_t *cr;
  double   left;
  double   width;
  double   y;
  double   bottom;
  double   foot;    /* where the footer starts, under @bottom */
} SixPage;

void         six_page_init           (SixPage         *page,
                                      cairo_t         *cr,
                                      double           width,
                                      double           height,
                                      double           footer);
void         six_page_draw_footer    (SixPage         *page,
                                      const char      *text,
                                      int              max_lines);
void         six_page_set_colour     (SixPage         *page,
                                      const SixColour *colour);
PangoLayout *six_page_new_layout     (SixPage         *page,
                                      const char      *font,
                                      double           width,
                                      const char      *markup);
double       six_page_layout_height  (PangoLayout     *layout);
void         six_page_show_layout    (SixPage         *page,
                                      PangoLayout     *layout,
                                      double           x,
                                      double           y,
                                      const SixColour *colour);
gboolean     six_page_draw_paragraph (SixPage         *page,
                                      const char      *font,
                                      const SixColour *colour,
                                      const char      *markup);
gboolean     six_page_draw_text      (SixPage         *page,
                                      const char      *font,
                                      const SixColour *colour,
                                      const char      *text);
gboolean     six_page_draw_heading   (SixPage         *page,
                                      const char      *title,
                                      double           space_before,
                                      double           room_after);

/* A table: rows of markup cells, the first its header. */
GPtrArray   *six_page_new_rows       (void);
void         six_page_add_row        (GPtrArray       *rows,
                                      guint            n_cells,
                                      ...);
void         six_page_add_row_valist (GPtrArray       *rows,
                                      gboolean         bold,
                                      guint            n_cells,
                                      va_list          args);
void         six_page_draw_table     (SixPage         *page,
                                      const double    *fractions,
                                      GPtrArray       *rows,
                                      guint            max_rows);

G_END_DECLS
