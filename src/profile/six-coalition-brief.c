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
#include "six-page.h"

#include "six-deadline.h"
#include "six-labels.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#define FOOTER_SIZE 24.0

/* Each list leaves room for the sections after it. */
#define MAX_LIST_ROWS 7

typedef struct
{
  SixPage         base;
  SixCoalitionView *view;
  GDate             today;
} Page;

/* A heading needs room for itself and one line under it, or it is left out. */
static gboolean
draw_heading (Page       *page,
              const char *title)
{
  return six_page_draw_heading (&page->base, title, 2.5 * SIX_PAGE_GAP, 12);
}

static void
add_strong_row (GPtrArray *rows,
                guint      n_cells,
                ...)
{
  va_list args;

  va_start (args, n_cells);
  six_page_add_row_valist (rows, TRUE, n_cells, args);
  va_end (args);
}

static void
draw_title (Page *page)
{
  SixRecord *coalition = six_coalition_view_get_coalition (page->view);
  const char *established = six_record_get_string (coalition, "established_on");
  g_autofree char *title = g_markup_escape_text (six_record_get_string (coalition, "title"), -1);
  g_autoptr(PangoLayout) layout = six_page_new_layout (&page->base, "Sans Bold 18",
                                                       page->base.width, title);
  g_autofree char *led = NULL;
  g_autofree char *since = NULL;
  g_autofree char *focus = six_coalition_dup_focus (coalition);
  g_autoptr(GString) subtitle = g_string_new (NULL);

  pango_layout_set_height (layout, -2);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  six_page_show_layout (&page->base, layout, page->base.left, page->base.y, &six_page_text_colour);
  page->base.y += six_page_layout_height (layout) + 2;

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
  six_page_draw_text (&page->base, "Sans 10.5", &six_page_dim_colour, subtitle->str);

  if (focus[0] != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Focus: %s"), focus);

      six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_dim_colour, line);
    }
  if (six_record_get_string (coalition, "description") != NULL)
    {
      page->base.y += SIX_PAGE_GAP;
      six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour,
                          six_record_get_string (coalition, "description"));
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
  six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour,
                      text[0] != '\0' ? text : _("No member has joined yet."));
}

static void
draw_meeting (Page *page)
{
  GPtrArray *upcoming = six_coalition_view_get_upcoming (page->view);
  SixRecord *meeting = upcoming->len > 0 ? upcoming->pdata[0] : NULL;
  g_autofree char *line = NULL;
  g_autofree char *attendees = NULL;
  const char *agenda;
  const char *participants;

  if (!draw_heading (page, _("Next meeting")))
    return;

  if (meeting == NULL)
    {
      six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour,
                          _("No meeting is planned."));
      return;
    }

  line = g_strjoin (" · ", six_record_get_string (meeting, "title"),
                    six_record_get_string (meeting, "held_on") ?: _("Date not set"),
                    six_record_get_string (meeting, "place") ?: _("Place not set"), NULL);
  {
    g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", line);

    six_page_draw_paragraph (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour, markup);
  }

  if ((attendees = six_coalition_view_dup_attendees (page->view, meeting)) != NULL)
    {
      /* Translators: the members who attend the next meeting, "Attendees: Norway, MAG" */
      g_autofree char *text = g_strdup_printf (_("Attendees: %s"), attendees);

      six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour, text);
    }
  if ((participants = six_record_get_string (meeting, "participants")) != NULL)
    {
      /* Translators: others attending the next meeting, "Others attending: UNDP" */
      g_autofree char *text = g_strdup_printf (_("Others attending: %s"), participants);

      six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour, text);
    }

  page->base.y += SIX_PAGE_GAP / 2;
  six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_dim_colour, _("Agenda"));
  if ((agenda = six_record_get_string (meeting, "agenda")) != NULL)
    six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour, agenda);
  else
    six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour,
                        _("No agenda recorded: the open follow-ups below are the standing "
                          "items."));
}

static void
draw_obligations (Page *page)
{
  static const double fractions[] = { 0.34, 0.14, 0.22, 0.30 };
  GPtrArray *obligations = six_coalition_view_get_obligations (page->view);
  g_autoptr(GPtrArray) rows = six_page_new_rows ();
  g_autofree char *heading = NULL;

  /* Translators: a heading, "Obligations of Lebanon and time left" */
  heading = g_strdup_printf (_("Obligations of %s and time left"),
                             six_coalition_view_get_lead_name (page->view));
  if (!draw_heading (page, heading))
    return;

  if (obligations->len == 0)
    {
      six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour,
                          _("No obligation under Article 3, 4 or 5 is recorded."));
      return;
    }

  six_page_add_row (rows, 4, _("Obligation"), _("Deadline"), _("Status"), _("Extension"));
  for (guint i = 0; i < obligations->len; i++)
    {
      SixCoalitionObligation *obligation = obligations->pdata[i];
      SixRecord *record = obligation->obligation;
      g_autofree char *left = six_deadline_describe (record, obligation->extensions,
                                                     &page->today);
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
        six_page_add_row (rows, 4, six_record_value_label (record, "article"),
                          six_obligation_get_deadline (record), left, extension);
    }
  six_page_draw_table (&page->base, fractions, rows, G_MAXUINT);
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
  g_autoptr(GPtrArray) rows = six_page_new_rows ();

  if (!draw_heading (page, _("Needs and commitments")))
    return;

  if (needs->len == 0 && commitments->len == 0)
    {
      six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour,
                          _("No request for assistance or commitment is recorded."));
      return;
    }

  six_page_add_row (rows, 6, _("Year"), _("Need"), _("Asked"), _("Given"), _("Coverage"),
                    _("From"));
  for (guint i = 0; i < needs->len; i++)
    {
      SixCoalitionNeed *need = needs->pdata[i];
      g_autofree char *year = g_strdup_printf ("%d",
                                               (int) six_record_get_int (need->request, "year",
                                                0));
      g_autofree char *asked = NULL;
      g_autofree char *given = six_amount_sums_describe (need->sums);
      g_autofree char *donors = describe_donors (need->donor_names);
      gint64 amount;

      if (six_amount_parse (six_record_get_string (need->request, "amount"), &amount))
        asked = six_amount_format (amount, six_record_get_string (need->request, "currency"));

      /* What still needs a partner stands out. */
      if (need->coverage == SIX_COVERAGE_UNANSWERED)
        add_strong_row (rows, 6, year, six_record_value_label (need->request, "category"), asked,
                        given[0] != '\0' ? given : NULL, six_coverage_label (need->coverage),
                        donors[0] != '\0' ? donors : NULL);
      else
        six_page_add_row (rows, 6, year, six_record_value_label (need->request, "category"), asked,
                          given[0] != '\0' ? given : NULL, six_coverage_label (need->coverage),
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
      given = six_amount_sums_describe (sums);
      six_page_add_row (rows, 6, NULL,
                        six_record_value_label (commitment->contribution, "category"),
                        NULL,
                        given[0] != '\0' ? given
                                          : six_record_value_label (commitment->contribution,
                                                                    "kind"),
                        six_record_value_label (commitment->contribution, "status")
                          ?: _("Committed"),
                        commitment->donor_name);
    }
  six_page_draw_table (&page->base, fractions, rows, MAX_LIST_ROWS + 2);
}

static void
draw_follow_ups (Page *page)
{
  static const double fractions[] = { 0.14, 0.46, 0.24, 0.16 };
  GPtrArray *follow_ups = six_coalition_view_get_follow_ups (page->view);
  g_autoptr(GPtrArray) rows = six_page_new_rows ();

  if (!draw_heading (page, _("Open follow-ups")))
    return;

  six_page_add_row (rows, 4, _("Due"), _("Follow-up"), _("Owner"), _("Status"));
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
        six_page_add_row (rows, 4, six_record_get_string (activity, "due_on"),
                          six_record_get_string (activity, "title"), follow_up->owner_name,
                          six_value_label ("activity", "status",
                                           six_record_get_string (activity, "status")));
    }

  if (rows->len == 1)
    six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour,
                        _("No follow-up is open."));
  else
    six_page_draw_table (&page->base, fractions, rows, MAX_LIST_ROWS + 3);
}

static void
draw_footer (Page *page)
{
  g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&page->today),
                                           g_date_get_month (&page->today),
                                           g_date_get_day (&page->today));
  /* Translators: the footer of a printed meeting brief; the date it was made */
  g_autofree char *text = g_strdup_printf (_("Article Six · Coalition brief as of %s · "
                                             "Bold: overdue or unanswered"), date);

  six_page_draw_footer (&page->base, text, 2);
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
  Page page = { .view = view };

  g_return_if_fail (SIX_IS_COALITION_VIEW (view));
  g_return_if_fail (six_coalition_view_get_coalition (view) != NULL);
  g_return_if_fail (cr != NULL);

  six_page_init (&page.base, cr, width, height, FOOTER_SIZE);

  six_coalition_view_get_today (view, &page.today);
  cairo_save (cr);
  draw_title (&page);
  draw_members (&page);
  draw_meeting (&page);
  draw_obligations (&page);
  draw_needs (&page);
  draw_follow_ups (&page);
  draw_footer (&page);
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
