/* six-page.c — one A4 page drawn with cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-page"

#include "config.h"

#include "six-page.h"

#include <glib/gi18n.h>

const SixColour six_page_text_colour = { 0.12, 0.12, 0.12 };
const SixColour six_page_dim_colour = { 0.40, 0.40, 0.42 };
const SixColour six_page_accent_colour = { 0.11, 0.44, 0.85 };
const SixColour six_page_rule_colour = { 0.80, 0.80, 0.82 };

/* A page of @width × @height points, margins all round and @footer kept at its foot. */
void
six_page_init (SixPage *page,
               cairo_t *cr,
               double   width,
               double   height,
               double   footer)
{
  page->cr = cr;
  page->left = SIX_PAGE_MARGIN;
  page->width = width - 2 * SIX_PAGE_MARGIN;
  page->y = SIX_PAGE_MARGIN;
  page->bottom = height - SIX_PAGE_MARGIN - footer;
  page->foot = page->bottom;
}

/* Plain text in small print under a rule at the page's foot, cut after @max_lines. */
void
six_page_draw_footer (SixPage    *page,
                      const char *text,
                      int         max_lines)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  g_autoptr(PangoLayout) layout = six_page_new_layout (page, SIX_PAGE_FONT_SMALL, page->width,
                                                       markup);

  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  six_page_set_colour (page, &six_page_rule_colour);
  cairo_set_line_width (page->cr, 0.6);
  cairo_move_to (page->cr, page->left, page->foot + SIX_PAGE_GAP);
  cairo_line_to (page->cr, page->left + page->width, page->foot + SIX_PAGE_GAP);
  cairo_stroke (page->cr);
  six_page_show_layout (page, layout, page->left, page->foot + 2 * SIX_PAGE_GAP,
                        &six_page_dim_colour);
}

void
six_page_set_colour (SixPage         *page,
                     const SixColour *colour)
{
  cairo_set_source_rgb (page->cr, colour->r, colour->g, colour->b);
}

PangoLayout *
six_page_new_layout (SixPage    *page,
                     const char *font,
                     double      width,
                     const char *markup)
{
  PangoLayout *layout = pango_cairo_create_layout (page->cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  /* Sizes are in points on every surface: PDF, print context or screen. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  pango_font_description_free (description);

  return layout;
}

double
six_page_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
}

void
six_page_show_layout (SixPage         *page,
                      PangoLayout     *layout,
                      double           x,
                      double           y,
                      const SixColour *colour)
{
  six_page_set_colour (page, colour);
  cairo_move_to (page->cr, x, y);
  pango_cairo_show_layout (page->cr, layout);
}

/* Draws a paragraph of markup across the page if it fits; returns whether it did. */
gboolean
six_page_draw_paragraph (SixPage         *page,
                         const char      *font,
                         const SixColour *colour,
                         const char      *markup)
{
  g_autoptr(PangoLayout) layout = six_page_new_layout (page, font, page->width, markup);
  double height = six_page_layout_height (layout);

  if (page->y + height > page->bottom)
    return FALSE;

  six_page_show_layout (page, layout, page->left, page->y, colour);
  page->y += height;

  return TRUE;
}

gboolean
six_page_draw_text (SixPage         *page,
                    const char      *font,
                    const SixColour *colour,
                    const char      *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  return six_page_draw_paragraph (page, font, colour, markup);
}

/* A heading, ruled under, after @space_before; it needs @room_after for what follows it, or
 * it is left out (returns FALSE). */
gboolean
six_page_draw_heading (SixPage    *page,
                       const char *title,
                       double      space_before,
                       double      room_after)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  g_autoptr(PangoLayout) layout = six_page_new_layout (page, SIX_PAGE_FONT_HEAD, page->width,
                                                       markup);
  double height = six_page_layout_height (layout);

  page->y += space_before;
  if (page->y + height + 3 * SIX_PAGE_GAP + room_after > page->bottom)
    return FALSE;

  six_page_show_layout (page, layout, page->left, page->y, &six_page_accent_colour);
  page->y += height + 1.5;
  six_page_set_colour (page, &six_page_rule_colour);
  cairo_set_line_width (page->cr, 0.6);
  cairo_move_to (page->cr, page->left, page->y);
  cairo_line_to (page->cr, page->left + page->width, page->y);
  cairo_stroke (page->cr);
  page->y += SIX_PAGE_GAP;

  return TRUE;
}

GPtrArray *
six_page_new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* Adds a row of markup cells from plain texts (NULL shows as a dash); @bold marks a row to
 * heed. */
void
six_page_add_row_valist (GPtrArray *rows,
                         gboolean   bold,
                         guint      n_cells,
                         va_list    args)
{
  GStrv row = g_new0 (char *, n_cells + 1);

  for (guint i = 0; i < n_cells; i++)
    {
      const char *text = va_arg (args, const char *);

      row[i] = bold ? g_markup_printf_escaped ("<b>%s</b>", text != NULL ? text : "—")
                    : g_markup_escape_text (text != NULL ? text : "—", -1);
    }

  g_ptr_array_add (rows, row);
}

void
six_page_add_row (GPtrArray *rows,
                  guint      n_cells,
                  ...)
{
  va_list args;

  va_start (args, n_cells);
  six_page_add_row_valist (rows, FALSE, n_cells, args);
  va_end (args);
}

/* The table's rows (the first is its header) while they fit and number at most @max_rows,
 * then "… and N more" in the room kept for it. */
void
six_page_draw_table (SixPage      *page,
                     const double *fractions,
                     GPtrArray    *rows,
                     guint         max_rows)
{
  guint n_columns = g_strv_length (rows->pdata[0]);
  guint limit = max_rows < rows->len - 1 ? max_rows + 1 : rows->len;
  double line = 0;
  guint drawn;

  for (drawn = 0; drawn < limit; drawn++)
    {
      GStrv row = rows->pdata[drawn];
      PangoLayout *layouts[8] = { NULL, };
      double height = 0;
      double reserve;
      double x = page->left;

      g_assert (n_columns <= G_N_ELEMENTS (layouts));
      for (guint c = 0; c < n_columns; c++)
        {
          layouts[c] = six_page_new_layout (page, SIX_PAGE_FONT_BODY,
                                            fractions[c] * page->width - SIX_PAGE_GAP, row[c]);
          height = MAX (height, six_page_layout_height (layouts[c]));
        }
      line = line > 0 ? line : height;
      reserve = drawn + 1 < rows->len ? line : 0;

      if (page->y + height + reserve <= page->bottom)
        for (guint c = 0; c < n_columns; c++)
          {
            six_page_show_layout (page, layouts[c], x, page->y,
                                  drawn == 0 ? &six_page_dim_colour : &six_page_text_colour);
            x += fractions[c] * page->width;
          }
      for (guint c = 0; c < n_columns; c++)
        g_object_unref (layouts[c]);

      if (x == page->left)
        break;
      page->y += height + 1;
    }

  if (drawn < rows->len)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more",
                                                            "… and %u more", rows->len - drawn),
                                               rows->len - drawn);

      six_page_draw_text (page, SIX_PAGE_FONT_BODY, &six_page_dim_colour, more);
    }
}
