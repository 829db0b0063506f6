/* six-profile-document.c — a State's profile on one printed page, for side events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is drawn top to bottom in order of importance; a list that no longer fits ends
 * with "and N more", so long names, many obligations and long translations shorten the
 * page's tail instead of spilling onto a second one.
 */
#define G_LOG_DOMAIN "six-profile-document"

#include "config.h"

#include "six-profile-document.h"
#include "six-page.h"

#include "six-labels.h"
#include "six-overview.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#define FOOTER_SIZE 30.0
#define BAR_HEIGHT  4.5

/* Requests, contributions and coalitions leave room for the sections after them. */
#define MAX_LIST_ROWS 8

static const SixColour given_colour = { 0.15, 0.64, 0.41 };       /* GNOME green 5 */

typedef struct
{
  SixPage          base;
  SixProfile        *profile;     /* shared at the level asked for */
  SixProfile        *all;         /* for contacts and notes, ticked in on their own */
  SixVisibility      level;
  SixProfileInclude  include;
  const GDate       *today;
  GPtrArray         *sources;     /* distinct citations of the facts shown */
  gboolean           unverified;  /* a fact shown carries the unverified mark */
} Page;

/* A heading needs room for itself and one line under it, or it is left out. */
static gboolean
draw_heading (Page       *page,
              const char *title)
{
  return six_page_draw_heading (&page->base, title, 2 * SIX_PAGE_GAP, 12);
}

/* A citation without its parentheses: "ISU 13MSP page (… Afghanistan, Chile, Lebanon …)"
 * names other States' documents, and the footer has three lines. */
static char *
strip_parentheses (const char *source)
{
  GString *out = g_string_new (NULL);
  guint depth = 0;

  for (const char *p = source; *p != '\0'; p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Each document a citation names, once: "A; B: pages 3-4. Name: C" cites A, B and C. */
static void
add_citations (GPtrArray  *sources,
               const char *source)
{
  g_autofree char *plain = strip_parentheses (source);
  g_auto(GStrv) parts = NULL;

  g_strdelimit (plain, "\n", ' ');
  parts = g_regex_split_simple ("; |\\. Name: ", plain, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *detail = strstr (part, ": ");
      gsize len;

      /* The document, not what was read in it ("…: Art. 4 extension analyses for …"). */
      if (detail != NULL)
        *detail = '\0';
      len = strlen (part);

      while (len > 0 && (part[len - 1] == '.' || part[len - 1] == ',' || part[len - 1] == ' '))
        part[--len] = '\0';
      g_strstrip (part);
      if (*part != '\0' && !g_ptr_array_find_with_equal_func (sources, part, g_str_equal, NULL))
        g_ptr_array_add (sources, g_strdup (part));
    }
}

/* Cites where the shown @field of @record comes from, and nothing the page does not show. */
static void
note_source (Page      *page,
             SixRecord *record,
             const char *field)
{
  int nth = six_kind_field_index (six_record_get_kind (record), field);
  const SixFieldStamp *stamp = nth >= 0 ? six_record_get_nth_stamp (record, (guint) nth) : NULL;

  if (stamp == NULL || stamp->source == NULL)
    return;

  add_citations (page->sources, stamp->source);
}

/* A reference fact nobody has confirmed yet is marked on the page. */
static const char *
mark_unverified (Page      *page,
                 SixRecord *record)
{
  if (six_record_get_value (record, "verified") == NULL ||
      six_record_get_boolean (record, "verified"))
    return "";

  page->unverified = TRUE;
  return "*";
}

static void
draw_title (Page *page)
{
  SixRecord *country = six_profile_get_country (page->profile);
  g_autofree char *name = six_profile_dup_name (page->profile);
  g_autofree char *markup = g_markup_escape_text (name, -1);
  g_autoptr(PangoLayout) layout = six_page_new_layout (&page->base, "Sans Bold 20",
                                                       page->base.width, markup);
  g_autofree char *subtitle = NULL;
  const char *region = six_record_value_label (country, "region");

  /* A very long name steps down a size and keeps to three lines. */
  if (pango_layout_get_line_count (layout) > 2)
    {
      g_object_unref (layout);
      layout = six_page_new_layout (&page->base, "Sans Bold 15", page->base.width, markup);
      pango_layout_set_height (layout, -3);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  six_page_show_layout (&page->base, layout, page->base.left, page->base.y, &six_page_text_colour);
  page->base.y += six_page_layout_height (layout) + 2;

  /* Translators: the heading under a State's name: "State Party · Asia · LAO" */
  subtitle = g_markup_printf_escaped ("%s%s · %s%s%s", six_record_value_label (country, "status"),
                                      mark_unverified (page, country),
                                      region != NULL ? region : "",
                                      region != NULL ? " · " : "",
                                      six_record_get_id (country));
  six_page_draw_paragraph (&page->base, "Sans 11", &six_page_dim_colour, subtitle);
  note_source (page, country, "status");
}

static void
draw_dates (Page *page)
{
  static const double fractions[] = { 0.25, 0.25, 0.25, 0.25 };
  SixRecord *country = six_profile_get_country (page->profile);
  const char *instrument = six_record_value_label (country, "instrument");
  g_autoptr(GPtrArray) rows = six_page_new_rows ();

  if (!draw_heading (page, _("Status and key dates")))
    return;

  six_page_add_row (rows, 4, _("Signed"),
                    instrument != NULL ? instrument : _("Ratification or accession"),
                    _("Entry into force"),
                    six_record_get_string (country, "withdrawn_on") != NULL ? _("Withdrawn") : "");
  six_page_add_row (rows, 4, six_record_get_string (country, "signed_on"),
                    six_record_get_string (country, "instrument_on"),
                    six_record_get_string (country, "entry_into_force"),
                    six_record_get_string (country, "withdrawn_on") ?: "");
  six_page_draw_table (&page->base, fractions, rows, G_MAXUINT);
  note_source (page, country, "entry_into_force");
}

static char *
describe_extensions (SixProfile *profile,
                     SixRecord  *obligation)
{
  GPtrArray *extensions = six_profile_get_extensions (profile, six_record_get_id (obligation));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < extensions->len; i++)
    {
      SixRecord *extension = extensions->pdata[i];
      const char *until = six_record_get_string (extension, "granted_until") ?:
                          six_record_get_string (extension, "requested_until");

      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, six_record_value_label (extension, "decision") ?: _("Requested"));
      if (until != NULL)
        g_string_append_printf (out, " %s", until);
    }

  return g_string_free (out, FALSE);
}

static void
draw_obligations (Page *page)
{
  static const double fractions[] = { 0.27, 0.12, 0.12, 0.25, 0.24 };
  GPtrArray *obligations = six_profile_get_obligations (page->profile);
  g_autoptr(GPtrArray) rows = six_page_new_rows ();

  if (!draw_heading (page, _("Obligations and deadlines")))
    return;

  if (obligations->len == 0)
    {
      six_page_draw_paragraph (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour,
                               _("No obligation under Article 3, 4 or 5 is recorded."));
      return;
    }

  six_page_add_row (rows, 5, _("Obligation"), _("Original deadline"), _("Current deadline"),
                    _("Status"), _("Extensions"));
  for (guint i = 0; i < obligations->len; i++)
    {
      SixRecord *obligation = obligations->pdata[i];
      g_autofree char *article = g_strconcat (six_record_value_label (obligation, "article"),
                                              mark_unverified (page, obligation), NULL);
      GPtrArray *requests = six_profile_get_extensions (page->profile,
                                                        six_record_get_id (obligation));
      g_autofree char *left = six_deadline_describe (obligation, requests, page->today);
      g_autofree char *extensions = describe_extensions (page->profile, obligation);

      six_page_add_row (rows, 5, article, six_record_get_string (obligation, "original_deadline"),
                        six_record_get_string (obligation, "current_deadline"), left, extensions);
      note_source (page, obligation, "current_deadline");
    }
  six_page_draw_table (&page->base, fractions, rows, G_MAXUINT);
}

static guint
count_by_category (GPtrArray  *records,
                   const char *category)
{
  guint n = 0;

  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (six_record_get_string (records->pdata[i], "category"), category) == 0)
      n++;

  return n;
}

static void
draw_bar (Page         *page,
          double        x,
          double        length,
          const SixColour *colour)
{
  if (length <= 0)
    return;

  six_page_set_colour (&page->base, colour);
  cairo_rectangle (page->base.cr, x, page->base.y, length, BAR_HEIGHT);
  cairo_fill (page->base.cr);
}

/* Requests and contributions received, counted by category, as paired bars. */
static void
draw_chart (Page *page)
{
  GPtrArray *requests = six_profile_get_requests (page->profile);
  GPtrArray *received = six_profile_get_received (page->profile);
  double label_width = page->base.width * 0.3;
  double bar_width = page->base.width * 0.5;
  g_autofree char *legend = NULL;
  guint most = 0;

  for (guint i = 0; six_categories[i] != NULL; i++)
    most = MAX (most, MAX (count_by_category (requests, six_categories[i]),
                           count_by_category (received, six_categories[i])));
  if (most == 0)
    return;

  /* Requests against nothing received: a sentence says it, full bars beside zeros do not. */
  if (received->len == 0)
    {
      g_autofree char *sentence = NULL;
      g_autofree char *markup = NULL;

      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u request; no contribution received is "
                                               "recorded.",
                                               "%u requests; no contribution received is "
                                               "recorded.", requests->len),
                                  requests->len);
      markup = g_markup_escape_text (sentence, -1);
      six_page_draw_paragraph (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour, markup);
      return;
    }

  legend = g_markup_printf_escaped ("<span foreground='#1c71d8'>■</span> %s    "
                                    "<span foreground='#26a269'>■</span> %s",
                                    _("Requests"), _("Contributions received"));
  six_page_draw_paragraph (&page->base, SIX_PAGE_FONT_SMALL, &six_page_dim_colour, legend);
  page->base.y += 2;

  for (guint i = 0; six_categories[i] != NULL; i++)
    {
      guint asked = count_by_category (requests, six_categories[i]);
      guint given = count_by_category (received, six_categories[i]);
      g_autofree char *name = NULL;
      g_autofree char *counts = NULL;
      g_autoptr(PangoLayout) name_layout = NULL;
      g_autoptr(PangoLayout) count_layout = NULL;
      double x = page->base.left + label_width;

      if (asked == 0 && given == 0)
        continue;
      if (page->base.y + 2 * BAR_HEIGHT + 4 > page->base.bottom)
        break;

      name = g_markup_escape_text (six_value_label (NULL, "category", six_categories[i]), -1);
      name_layout = six_page_new_layout (&page->base, SIX_PAGE_FONT_SMALL,
                                         label_width - SIX_PAGE_GAP, name);
      pango_layout_set_ellipsize (name_layout, PANGO_ELLIPSIZE_END);
      six_page_show_layout (&page->base, name_layout, page->base.left, page->base.y,
                            &six_page_text_colour);
      draw_bar (page, x, bar_width * asked / most, &six_page_accent_colour);
      counts = g_strdup_printf ("%u / %u", asked, given);
      count_layout = six_page_new_layout (&page->base, SIX_PAGE_FONT_SMALL,
                                          page->base.width * 0.2 - SIX_PAGE_GAP, counts);
      six_page_show_layout (&page->base, count_layout, x + bar_width + SIX_PAGE_GAP, page->base.y,
                            &six_page_dim_colour);
      page->base.y += BAR_HEIGHT + 1;
      draw_bar (page, x, bar_width * given / most, &given_colour);
      page->base.y += BAR_HEIGHT + 4;
    }
}

static void
draw_assistance (Page *page)
{
  static const double request_fractions[] = { 0.08, 0.27, 0.13, 0.52 };
  static const double given_fractions[] = { 0.08, 0.24, 0.24, 0.16, 0.14, 0.14 };
  GPtrArray *requests = six_profile_get_requests (page->profile);
  GPtrArray *received = six_profile_get_received (page->profile);
  g_autoptr(GPtrArray) rows = six_page_new_rows ();
  g_autoptr(GPtrArray) given_rows = six_page_new_rows ();

  if (!draw_heading (page, _("Assistance requested and received")))
    return;

  if (requests->len == 0 && received->len == 0)
    {
      six_page_draw_paragraph (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour,
                               _("No request for assistance or contribution is recorded."));
      return;
    }

  draw_chart (page);

  if (requests->len > 0)
    {
      six_page_add_row (rows, 4, _("Year"), _("Category"), _("Status"), _("Request"));
      for (guint i = 0; i < requests->len; i++)
        {
          SixRecord *request = requests->pdata[i];
          g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   six_record_get_int (request, "year", 0));

          six_page_add_row (rows, 4, year, six_record_value_label (request, "category"),
                            six_record_value_label (request, "status"),
                            six_record_get_string (request, "description"));
          note_source (page, request, "description");
        }
      page->base.y += SIX_PAGE_GAP;
      six_page_draw_table (&page->base, request_fractions, rows, MAX_LIST_ROWS);
    }

  if (received->len > 0)
    {
      six_page_add_row (given_rows, 6, _("Year"), _("From"), _("Category"), _("Amount"), _("Kind"),
                        _("Status"));
      for (guint i = 0; i < received->len; i++)
        {
          SixRecord *contribution = received->pdata[i];
          g_autofree char *year = NULL;
          g_autofree char *donor = six_profile_dup_party_name (page->profile,
                                                               six_record_get_string (contribution,
                                                                                      "donor"));
          g_autofree char *amount = six_record_dup_amount (contribution);

          if (six_record_get_value (contribution, "year") != NULL)
            year = g_strdup_printf ("%" G_GINT64_FORMAT,
                                    six_record_get_int (contribution, "year", 0));
          six_page_add_row (given_rows, 6, year, donor,
                            six_record_value_label (contribution, "category"), amount,
                            six_record_value_label (contribution,
                                                    "kind"), six_record_value_label (contribution,
                                                    "status"));
        }
      page->base.y += SIX_PAGE_GAP;
      six_page_draw_table (&page->base, given_fractions, given_rows, MAX_LIST_ROWS);
    }
}

static void
draw_coalitions (Page *page)
{
  static const double fractions[] = { 0.35, 0.12, 0.53 };
  GPtrArray *coalitions = six_profile_get_coalitions (page->profile);
  g_autoptr(GPtrArray) rows = six_page_new_rows ();

  if (coalitions->len == 0 || !draw_heading (page, _("Coalitions and partners")))
    return;

  six_page_add_row (rows, 3, _("Coalition"), _("Status"), _("Partners"));
  for (guint i = 0; i < coalitions->len; i++)
    {
      SixRecord *coalition = coalitions->pdata[i];
      g_autofree char *partners = six_profile_dup_partners (page->profile, coalition);

      six_page_add_row (rows, 3, six_record_get_string (coalition, "title"),
                        six_record_value_label (coalition, "status"),
                        partners);
    }
  six_page_draw_table (&page->base, fractions, rows, MAX_LIST_ROWS);
}

static gboolean
is_shown (Page      *page,
          SixRecord *record)
{
  return six_record_get_visibility (record) <= page->level ||
         (page->include & SIX_PROFILE_INCLUDE_PRIVATE_NOTES) != 0;
}

static void
draw_notes (Page *page)
{
  GPtrArray *notes = six_profile_get_notes (page->all);
  gboolean headed = FALSE;

  for (guint i = 0; i < notes->len; i++)
    {
      g_autofree char *text = NULL;

      if (!is_shown (page, notes->pdata[i]))
        continue;
      if (!headed && !(headed = draw_heading (page, _("Notes"))))
        return;

      text = g_markup_escape_text (six_record_get_string (notes->pdata[i], "text"), -1);
      if (!six_page_draw_paragraph (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour, text))
        return;
      page->base.y += 2;
    }
}

static void
draw_contacts (Page *page)
{
  static const double fractions[] = { 0.28, 0.27, 0.27, 0.18 };
  GPtrArray *contacts = six_profile_get_contacts (page->all);
  g_autoptr(GPtrArray) rows = six_page_new_rows ();

  if ((page->include & SIX_PROFILE_INCLUDE_CONTACTS) == 0 || contacts->len == 0)
    return;
  if (!draw_heading (page, _("Contacts")))
    return;

  six_page_add_row (rows, 4, _("Name"), _("Role"), _("Email"), _("Phone"));
  for (guint i = 0; i < contacts->len; i++)
    six_page_add_row (rows, 4, six_record_get_string (contacts->pdata[i], "name"),
                      six_record_get_string (contacts->pdata[i], "role"),
                      six_record_get_string (contacts->pdata[i], "email"),
                      six_record_get_string (contacts->pdata[i], "phone"));
  six_page_draw_table (&page->base, fractions, rows, G_MAXUINT);
}

/* The date, the unverified mark's meaning and the sources, pinned to the page's foot. */
static void
draw_footer (Page *page)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (page->today),
                                           g_date_get_month (page->today),
                                           g_date_get_day (page->today));

  g_ptr_array_add (page->sources, NULL);
  /* Translators: the footer of a printed profile; the date it was made */
  g_string_append_printf (text, _("Article Six · Country profile as of %s"), date);
  if (page->unverified)
    g_string_append_printf (text, " · %s", _("* not yet verified"));
  if (page->sources->len > 1)
    {
      g_autofree char *sources = g_strjoinv ("; ", (char **) page->sources->pdata);

      g_string_append_printf (text, " · %s %s", _("Sources:"), sources);
    }

  six_page_draw_footer (&page->base, text->str, 3);
}

/**
 * six_profile_document_draw:
 * @cr: where to draw, in points
 * @width: the page's width in points
 * @height: the page's height in points
 * @include: what beyond public records to print
 * @today: the date printed, and the one deadlines count from
 *
 * Draws the profile on one page.
 */
void
six_profile_document_draw (SixProfile        *profile,
                           cairo_t           *cr,
                           double             width,
                           double             height,
                           SixProfileInclude  include,
                           const GDate       *today)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SixProfile) shared = NULL;
  Page page = {
    .all = profile, .include = include, .today = today, .sources = sources,
  };

  g_return_if_fail (SIX_IS_PROFILE (profile));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));

  six_page_init (&page.base, cr, width, height, FOOTER_SIZE);

  page.level = (include & SIX_PROFILE_INCLUDE_PRIVATE) ? SIX_VISIBILITY_PRIVATE
               : (include & SIX_PROFILE_INCLUDE_COALITION) ? SIX_VISIBILITY_COALITION
               : SIX_VISIBILITY_PUBLIC;
  shared = six_profile_share (profile, page.level);
  page.profile = shared;

  cairo_save (cr);
  draw_title (&page);
  draw_dates (&page);
  draw_obligations (&page);
  draw_assistance (&page);
  draw_coalitions (&page);
  draw_notes (&page);
  draw_contacts (&page);
  draw_footer (&page);
  cairo_restore (cr);
}

/**
 * six_profile_document_write_pdf:
 * @path: the PDF file to write (replaced)
 *
 * Writes the one-page profile as an A4 PDF.
 */
gboolean
six_profile_document_write_pdf (SixProfile         *profile,
                                const char         *path,
                                SixProfileInclude   include,
                                const GDate        *today,
                                GError            **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SIX_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, SIX_PROFILE_PAGE_WIDTH, SIX_PROFILE_PAGE_HEIGHT);
  title = six_profile_dup_name (profile);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Article Six");

  cr = cairo_create (surface);
  six_profile_document_draw (profile, cr, SIX_PROFILE_PAGE_WIDTH, SIX_PROFILE_PAGE_HEIGHT,
                             include, today);
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
