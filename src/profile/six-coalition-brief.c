/* six-coalition-brief.c — one A4 page for a Country Coalition's next meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the members need on the table: who leads and with whom, the next meeting and its
 * agenda, the lead State's obligations and the time left, its needs against what answers
 * them, and the follow-ups still open with their owners. Drawn top to bottom like the country
 * profile (six-profile-document.c); a list that no longer fits ends with "… and N more", so
 * the page never spills onto a second one. Only cairo and Pango: any thread may draw it.
 */
#define G_LOG_DOMAIN "six-coalition-brief"

#include "config.h"

#include "six-coalition-brief.h"

#include "six-deadline.h"
#include "six-labels.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#define MARGIN      42.0
#define GAP         4.0
#define FONT_BODY   "Sans 8.5"
#define FONT_SMALL  "Sans 7"
#define FONT_HEAD   "Sans Bold 10.5"
#define FOOTER_SIZE 24.0

/* Each list leaves room for the sections after it. */
#define MAX_LIST_ROWS 7

typedef struct
{
  double r, g, b;
} Colour;

static const Colour text_colour = { 0.12, 0.12, 0.12 };
static const Colour dim_colour = { 0.40, 0.40, 0.42 };
static const Colour accent_colour = { 0.11, 0.44, 0.85 };      /* GNOME blue 4 */
static const Colour rule_colour = { 0.80, 0.80, 0.82 };

typedef struct
{
  cairo_t          *cr;
  SixCoalitionView *view;
  GDate             today;
  double            left;
  double            width;
  double            y;
  double            bottom;
} Page;

static void
set_colour (cairo_t      *cr,
            const Colour *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

static PangoLayout *
new_layout (Page       *page,
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

static double
get_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
}

static void
show_layout (Page         *page,
             PangoLayout  *layout,
             double        x,
             double        y,
             const Colour *colour)
{
  set_colour (page->cr, colour);
  cairo_move_to (page->cr, x, y);
  pango_cairo_show_layout (page->cr, layout);
}

/* Draws a paragraph of markup if it fits; returns whether it did. */
static gboolean
draw_paragraph (Page         *page,
                const char   *font,
                const Colour *colour,
                const char   *markup)
{
  g_autoptr(PangoLayout) layout = new_layout (page, font, page->width, markup);
  double height = get_height (layout);

  if (page->y + height > page->bottom)
    return FALSE;

  show_layout (page, layout, page->left, page->y, colour);
  page->y += height;

  return TRUE;
}

static gboolean
draw_text (Page         *page,
           const char   *font,
           const Colour *colour,
           const char   *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  return draw_paragraph (page, font, colour, markup);
}

/* A heading needs room for itself and one line under it, or it is left out. */
static gboolean
draw_heading (Page       *page,
              const char *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  g_autoptr(PangoLayout) layout = new_layout (page, FONT_HEAD, page->width, markup);
  double height = get_height (layout);

  page->y += 2.5 * GAP;
  if (page->y + height + 3 * GAP + 12 > page->bottom)
    return FALSE;

  show_layout (page, layout, page->left, page->y, &accent_colour);
  page->y += height + 1.5;
  set_colour (page->cr, &rule_colour);
  cairo_set_line_width (page->cr, 0.6);
  cairo_move_to (page->cr, page->left, page->y);
  cairo_line_to (page->cr, page->left + page->width, page->y);
  cairo_stroke (page->cr);
  page->y += GAP;

  return TRUE;
}

/* One row of a table: a markup string per column. */
typedef GStrv Row;

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* Adds a row of cells from plain texts (NULL shows as a dash); @bold marks a row to heed. */
static void
add_row_full (GPtrArray *rows,
              gboolean   bold,
              guint      n_cells,
              va_list    args)
{
  Row row = g_new0 (char *, n_cells + 1);

  for (guint i = 0; i < n_cells; i++)
    {
      const char *text = va_arg (args, const char *);

      row[i] = bold ? g_markup_printf_escaped ("<b>%s</b>", text != NULL ? text : "—")
                    : g_markup_escape_text (text != NULL ? text : "—", -1);
    }

  g_ptr_array_add (rows, row);
}

static void
add_row (GPtrArray *rows,
         guint      n_cells,
         ...)
{
  va_list args;

  va_start (args, n_cells);
  add_row_full (rows, FALSE, n_cells, args);
  va_end (args);
}

static void
add_strong_row (GPtrArray *rows,
                guint      n_cells,
                ...)
{
  va_list args;

  va_start (args, n_cells);
  add_row_full (rows, TRUE, n_cells, args);
  va_end (args);
}

/* The table's rows (the first is its header) while they fit and number at most @max_rows,
 * then "… and N more" in the room kept for it. */
static void
draw_table (Page          *page,
            const double  *fractions,
            GPtrArray     *rows,
            guint          max_rows)
{
  guint n_columns = g_strv_length (rows->pdata[0]);
  guint limit = max_rows < rows->len - 1 ? max_rows + 1 : rows->len;
  double line = 0;
  guint drawn;

  for (drawn = 0; drawn < limit; drawn++)
    {
      Row row = rows->pdata[drawn];
      PangoLayout *layouts[8] = { NULL, };
      double height = 0;
      double reserve;
      double x = page->left;

      g_assert (n_columns <= G_N_ELEMENTS (layouts));
      for (guint c = 0; c < n_columns; c++)
        {
          layouts[c] = new_layout (page, FONT_BODY, fractions[c] * page->width - GAP, row[c]);
          height = MAX (height, get_height (layouts[c]));
        }
      line = line > 0 ? line : height;
      reserve = drawn + 1 < rows->len ? line : 0;

      if (page->y + height + reserve <= page->bottom)
        for (guint c = 0; c < n_columns; c++)
          {
            show_layout (page, layouts[c], x, page->y, drawn == 0 ? &dim_colour : &text_colour);
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

      draw_text (page, FONT_BODY, &dim_colour, more);
    }
}

/* "1,000 EUR; 900.25 USD": sums per currency, never one total. */
static char *
describe_sums (GPtrArray *sums)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sums->len; i++)
    {
      SixAmountSum *sum = sums->pdata[i];
      g_autofree char *amount = sum->overflow ? g_strdup (_("Too large to add up"))
                                              : six_amount_format (sum->total, sum->currency);

      g_string_append_printf (out, "%s%s", out->len > 0 ? "; " : "", amount);
    }

  return g_string_free (out, FALSE);
}

static char *
describe_articles (SixRecord *coalition)
{
  GVariant *articles = six_record_get_value (coalition, "articles");
  g_autofree const char **items = articles != NULL ? g_variant_get_strv (articles, NULL) : NULL;
  GString *out = g_string_new (NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "; " : "",
                            six_value_label ("coalition", "articles", items[i]));

  return g_string_free (out, FALSE);
}

static void
draw_title (Page *page)
{
  SixRecord *coalition = six_coalition_view_get_coalition (page->view);
  const char *established = six_record_get_string (coalition, "established_on");
  g_autofree char *title = g_markup_escape_text (six_record_get_string (coalition, "title"), -1);
  g_autoptr(PangoLayout) layout = new_layout (page, "Sans Bold 18", page->width, title);
  g_autofree char *led = NULL;
  g_autofree char *since = NULL;
  g_autofree char *focus = describe_articles (coalition);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  pango_layout_set_height (layout, -2);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  show_layout (page, layout, page->left, page->y, &text_colour);
  page->y += get_height (layout) + 2;

  /* Translators: the heading of a meeting brief: the coalition's lead State */
  led = g_strdup_printf (_("Meeting brief · Led by %s"),
                         six_coalition_view_get_lead_name (page->view));
  g_string_append (subtitle, led);
  if (six_record_get_string (coalition, "status") != NULL)
    g_string_append_printf (subtitle, " · %s", six_record_value_label (coalition, "status"));
  if (established != NULL)
    {
      /* Translators: when a coalition was started, "since 2024-09-01" */
      since = g_strdup_printf (_("since %s"), established);
      g_string_append_printf (subtitle, " · %s", since);
    }
  draw_text (page, "Sans 10.5", &dim_colour, subtitle->str);

  if (focus[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Focus: %s"), focus);

      draw_text (page, FONT_BODY, &dim_colour, line);
    }
  if (six_record_get_string (coalition, "description") != NULL)
    {
      page->y += GAP;
      draw_text (page, FONT_BODY, &text_colour, six_record_get_string (coalition, "description"));
    }
}

static void
draw_members (Page *page)
{
  GPtrArray *members = six_coalition_view_get_members (page->view);
  GString *out = g_string_new (NULL);
  g_autofree char *text = NULL;

  if (!draw_heading (page, _("Members")))
    return;

  for (guint i = 0; i < members->len; i++)
    {
      SixCoalitionMember *member = members->pdata[i];

      if (out->len > 0)
        g_string_append (out, ", ");
      /* Translators: a coalition member and its role: "Norway (Donor)" */
      g_string_append_printf (out, _("%s (%s)"), member->name,
                              six_record_value_label (member->member, "role"));
    }
  text = g_string_free (out, FALSE);
  draw_text (page, FONT_BODY, &text_colour,
             text[0] != '\0' ? text : _("No member has joined yet."));
}

static void
draw_meeting (Page *page)
{
  GPtrArray *upcoming = six_coalition_view_get_upcoming (page->view);
  SixRecord *meeting = upcoming->len > 0 ? upcoming->pdata[0] : NULL;
  g_autofree char *line = NULL;
  const char *agenda;
  const char *participants;

  if (!draw_heading (page, _("Next meeting")))
    return;

  if (meeting == NULL)
    {
      draw_text (page, FONT_BODY, &text_colour, _("No meeting is planned."));
      return;
    }

  line = g_strjoin (" · ", six_record_get_string (meeting, "title"),
                    six_record_get_string (meeting, "held_on") ?: _("Date not set"),
                    six_record_get_string (meeting, "place") ?: _("Place not set"), NULL);
  {
    g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", line);

    draw_paragraph (page, FONT_BODY, &text_colour, markup);
  }

  if ((participants = six_record_get_string (meeting, "participants")) != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Participants: %s"), participants);

      draw_text (page, FONT_BODY, &text_colour, text);
    }

  page->y += GAP / 2;
  draw_text (page, FONT_BODY, &dim_colour, _("Agenda"));
  if ((agenda = six_record_get_string (meeting, "agenda")) != NULL)
    draw_text (page, FONT_BODY, &text_colour, agenda);
  else
    draw_text (page, FONT_BODY, &text_colour,
               _("No agenda recorded: the open follow-ups below are the standing items."));
}

static void
draw_obligations (Page *page)
{
  static const double fractions[] = { 0.34, 0.14, 0.22, 0.30 };
  GPtrArray *obligations = six_coalition_view_get_obligations (page->view);
  g_autoptr(GPtrArray) rows = new_rows ();
  g_autofree char *heading = NULL;

  /* Translators: a heading, "Obligations of Lebanon and time left" */
  heading = g_strdup_printf (_("Obligations of %s and time left"),
                             six_coalition_view_get_lead_name (page->view));
  if (!draw_heading (page, heading))
    return;

  if (obligations->len == 0)
    {
      draw_text (page, FONT_BODY, &text_colour,
                 _("No obligation under Article 3, 4 or 5 is recorded."));
      return;
    }

  add_row (rows, 4, _("Obligation"), _("Deadline"), _("Time left"), _("Extension"));
  for (guint i = 0; i < obligations->len; i++)
    {
      SixCoalitionObligation *obligation = obligations->pdata[i];
      SixRecord *record = obligation->obligation;
      g_autofree char *left = six_describe_time_left (record, &page->today);
      g_autofree char *extension = NULL;
      SixRecord *pending = obligation->deadline != NULL
                           ? obligation->deadline->pending_extension : NULL;

      if (pending != NULL)
        {
          const char *until = six_record_get_string (pending, "requested_until");

          /* Translators: an extension awaiting a decision, "Requested until 2031-05-01" */
          extension = until != NULL ? g_strdup_printf (_("Requested until %s"), until)
                                    : g_strdup (_("Requested"));
        }

      if (obligation->deadline != NULL && obligation->deadline->days_left < 0)
        add_strong_row (rows, 4, six_record_value_label (record, "article"),
                        six_obligation_get_deadline (record), left, extension);
      else
        add_row (rows, 4, six_record_value_label (record, "article"),
                 six_obligation_get_deadline (record), left, extension);
    }
  draw_table (page, fractions, rows, G_MAXUINT);
}

static const char *
describe_coverage (SixCoverage coverage)
{
  switch (coverage)
    {
    case SIX_COVERAGE_ANSWERED:
      return _("Answered");
    case SIX_COVERAGE_PARTLY:
      return _("Partly answered");
    case SIX_COVERAGE_UNANSWERED:
    default:
      return _("Unanswered");
    }
}

/* "Norway, MAG": each donor once. */
static char *
describe_donors (GPtrArray *names)
{
  g_autoptr(GPtrArray) once = g_ptr_array_new ();

  for (guint i = 0; i < names->len; i++)
    if (!g_ptr_array_find_with_equal_func (once, names->pdata[i], g_str_equal, NULL))
      g_ptr_array_add (once, names->pdata[i]);
  g_ptr_array_add (once, NULL);

  return g_strjoinv (", ", (char **) once->pdata);
}

static void
draw_needs (Page *page)
{
  static const double fractions[] = { 0.07, 0.22, 0.17, 0.17, 0.17, 0.20 };
  GPtrArray *needs = six_coalition_view_get_needs (page->view);
  GPtrArray *commitments = six_coalition_view_get_commitments (page->view);
  g_autoptr(GPtrArray) rows = new_rows ();

  if (!draw_heading (page, _("Needs and commitments")))
    return;

  if (needs->len == 0 && commitments->len == 0)
    {
      draw_text (page, FONT_BODY, &text_colour,
                 _("No request for assistance or commitment is recorded."));
      return;
    }

  add_row (rows, 6, _("Year"), _("Need"), _("Asked"), _("Given"), _("Coverage"), _("From"));
  for (guint i = 0; i < needs->len; i++)
    {
      SixCoalitionNeed *need = needs->pdata[i];
      g_autofree char *year = g_strdup_printf ("%d",
                                               (int) six_record_get_int (need->request, "year", 0));
      g_autofree char *asked = NULL;
      g_autofree char *given = describe_sums (need->sums);
      g_autofree char *donors = describe_donors (need->donor_names);
      gint64 amount;

      if (six_amount_parse (six_record_get_string (need->request, "amount"), &amount))
        asked = six_amount_format (amount, six_record_get_string (need->request, "currency"));

      /* What still needs a partner stands out. */
      if (need->coverage == SIX_COVERAGE_UNANSWERED)
        add_strong_row (rows, 6, year, six_record_value_label (need->request, "category"), asked,
                        given[0] != '\0' ? given : NULL, describe_coverage (need->coverage),
                        donors[0] != '\0' ? donors : NULL);
      else
        add_row (rows, 6, year, six_record_value_label (need->request, "category"), asked,
                 given[0] != '\0' ? given : NULL, describe_coverage (need->coverage),
                 donors[0] != '\0' ? donors : NULL);
    }
  for (guint i = 0; i < commitments->len; i++)
    {
      SixCoalitionCommitment *commitment = commitments->pdata[i];
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autoptr(GPtrArray) sums = NULL;
      g_autofree char *given = NULL;

      g_ptr_array_add (one, commitment->contribution);
      sums = six_amount_sum_by_currency (one);
      given = describe_sums (sums);
      add_row (rows, 6, NULL, six_record_value_label (commitment->contribution, "category"),
               NULL, given[0] != '\0' ? given : six_record_value_label (commitment->contribution,
                                                                        "kind"),
               six_record_value_label (commitment->contribution, "status") ?: _("Committed"),
               commitment->donor_name);
    }
  draw_table (page, fractions, rows, MAX_LIST_ROWS + 2);
}

static void
draw_follow_ups (Page *page)
{
  static const double fractions[] = { 0.14, 0.46, 0.24, 0.16 };
  GPtrArray *follow_ups = six_coalition_view_get_follow_ups (page->view);
  g_autoptr(GPtrArray) rows = new_rows ();

  if (!draw_heading (page, _("Open follow-ups")))
    return;

  add_row (rows, 4, _("Due"), _("Follow-up"), _("Owner"), _("Status"));
  for (guint i = 0; i < follow_ups->len; i++)
    {
      SixCoalitionFollowUp *follow_up = follow_ups->pdata[i];
      SixRecord *activity = follow_up->activity;

      if (!follow_up->open)
        continue;
      if (follow_up->overdue)
        add_strong_row (rows, 4, six_record_get_string (activity, "due_on"),
                        six_record_get_string (activity, "title"), follow_up->owner_name,
                        _("Overdue"));
      else
        add_row (rows, 4, six_record_get_string (activity, "due_on"),
                 six_record_get_string (activity, "title"), follow_up->owner_name,
                 six_value_label ("activity", "status",
                                  six_record_get_string (activity, "status")));
    }

  if (rows->len == 1)
    draw_text (page, FONT_BODY, &text_colour, _("No follow-up is open."));
  else
    draw_table (page, fractions, rows, MAX_LIST_ROWS + 3);
}

static void
draw_footer (Page   *page,
             double  height)
{
  g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&page->today),
                                           g_date_get_month (&page->today),
                                           g_date_get_day (&page->today));
  /* Translators: the footer of a printed meeting brief; the date it was made */
  g_autofree char *text = g_strdup_printf (_("Article Six · Coalition brief as of %s · "
                                             "Bold: overdue or unanswered"), date);
  g_autofree char *markup = g_markup_escape_text (text, -1);
  g_autoptr(PangoLayout) layout = new_layout (page, FONT_SMALL, page->width, markup);

  pango_layout_set_height (layout, -2);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  set_colour (page->cr, &rule_colour);
  cairo_set_line_width (page->cr, 0.6);
  cairo_move_to (page->cr, page->left, height - MARGIN - FOOTER_SIZE + GAP);
  cairo_line_to (page->cr, page->left + page->width, height - MARGIN - FOOTER_SIZE + GAP);
  cairo_stroke (page->cr);
  show_layout (page, layout, page->left, height - MARGIN - FOOTER_SIZE + 2 * GAP, &dim_colour);
}

/**
 * six_coalition_brief_draw:
 * @view: a view read with a coalition's workspace
 * @cr: where to draw, in points
 * @width: the page's width in points
 * @height: the page's height in points
 *
 * Draws the brief on one page, as of the day the view was read.
 */
void
six_coalition_brief_draw (SixCoalitionView *view,
                          cairo_t          *cr,
                          double            width,
                          double            height)
{
  Page page = {
    .cr = cr, .view = view, .left = MARGIN, .width = width - 2 * MARGIN, .y = MARGIN,
    .bottom = height - MARGIN - FOOTER_SIZE,
  };

  g_return_if_fail (SIX_IS_COALITION_VIEW (view));
  g_return_if_fail (six_coalition_view_get_coalition (view) != NULL);
  g_return_if_fail (cr != NULL);

  six_coalition_view_get_today (view, &page.today);
  cairo_save (cr);
  draw_title (&page);
  draw_members (&page);
  draw_meeting (&page);
  draw_obligations (&page);
  draw_needs (&page);
  draw_follow_ups (&page);
  draw_footer (&page, height);
  cairo_restore (cr);
}

/**
 * six_coalition_brief_write_pdf:
 * @view: a view read with a coalition's workspace
 * @path: the PDF file to write (replaced)
 *
 * Writes the brief as a one-page A4 PDF. Safe on a worker thread.
 */
gboolean
six_coalition_brief_write_pdf (SixCoalitionView  *view,
                               const char        *path,
                               GError           **error)
{
  SixRecord *coalition;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (SIX_IS_COALITION_VIEW (view), FALSE);
  g_return_val_if_fail (six_coalition_view_get_coalition (view) != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  coalition = six_coalition_view_get_coalition (view);
  surface = cairo_pdf_surface_create (path, SIX_COALITION_BRIEF_WIDTH, SIX_COALITION_BRIEF_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  six_record_get_string (coalition, "title"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Article Six");

  cr = cairo_create (surface);
  six_coalition_brief_draw (view, cr, SIX_COALITION_BRIEF_WIDTH, SIX_COALITION_BRIEF_HEIGHT);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                   display, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
