/* six-overview-document.c — cooperation and assistance in a span of years, on one A4 page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page follows the country profile's look (six-profile-document.c): the title, the
 * progress paragraph, States per category, contributions, unanswered requests and the
 * deadlines, top to bottom; a list that no longer fits ends with "… and N more" so the page
 * never spills onto a second one. Only cairo and Pango: it may be drawn on a worker thread.
 */
#define G_LOG_DOMAIN "six-overview-document"

#include "config.h"

#include "six-overview-document.h"
#include "six-page.h"

#include "six-chart.h"
#include "six-kind.h"
#include "six-progress.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#define FOOTER_SIZE 30.0
#define BAR_HEIGHT  7.0

/* The unanswered requests leave room for the deadlines after them. */
#define MAX_REQUEST_ROWS  8
#define MAX_DEADLINE_ROWS 8

/* The document is written in the paragraph's language (one of the Convention's three), not
 * the interface's: its words live here beside the paragraph's in six-progress.c. A slot "{}"
 * takes the one value; [0] is the form for one, [1] for more. */
typedef struct
{
  const char *code;
  const char *title;
  const char *subtitle;
  const char *summary;
  const char *chart;
  const char *legend[4];               /* answered, partly, unanswered, asked in a report */
  const char *states[2];
  const char *contributions;
  const char *no_contributions;
  const char *currency;
  const char *statuses[5];             /* pledged → delivered, then none recorded */
  const char *no_amount;
  const char *n_contributions[2];
  const char *unanswered;
  const char *no_unanswered;
  const char *request_columns[4];
  const char *deadlines;
  const char *no_deadlines;
  const char *buckets[SIX_N_DEADLINE_BUCKETS];
  const char *deadline_columns[5];
  const char *articles[2];             /* art3, art4 */
  const char *today;
  const char *days_left[2];
  const char *days_ago[2];
  const char *months_left[2];
  const char *months_ago[2];
  const char *years_left[2];
  const char *years_ago[2];
  const char *requested;
  const char *more;
  const char *footer;
} Words;

static const Words words[] = {
  {
    .code = "en",
    .title = "Cooperation and assistance — {}",
    .subtitle = "Convention on Cluster Munitions · Article 6, international cooperation and "
                "assistance",
    .summary = "Summary",
    .chart = "States that sought assistance, by category",
    .legend = { "Answered", "Partly answered", "Unanswered", "Asked in a report, no request "
                "entered" },
    .states = { "{} State", "{} States" },
    .contributions = "Contributions",
    .no_contributions = "No contribution is recorded for {}.",
    .currency = "Currency",
    .statuses = { "Pledged", "Committed", "Disbursed", "Delivered", "Status not recorded" },
    .no_amount = "No amount",
    .n_contributions = { "{} contribution", "{} contributions" },
    .unanswered = "Unanswered requests",
    .no_unanswered = "Every request recorded for {} has had an answer.",
    .request_columns = { "Year", "State", "Category", "Request" },
    .deadlines = "Deadlines under Articles 3 and 4",
    .no_deadlines = "No deadline under Article 3 or 4 is open.",
    .buckets = { "Passed", "Extension requested", "Status unknown", "Within 12 months",
                 "Within 36 months", "Later" },
    .deadline_columns = { "State", "Obligation", "Deadline", "Time left", "Extension" },
    .articles = { "Article 3 — Stockpile destruction", "Article 4 — Clearance" },
    .today = "Today",
    .days_left = { "{} day left", "{} days left" },
    .days_ago = { "passed {} day ago", "passed {} days ago" },
    .months_left = { "{} month left", "{} months left" },
    .months_ago = { "passed {} month ago", "passed {} months ago" },
    .years_left = { "{} year left", "{} years left" },
    .years_ago = { "passed {} year ago", "passed {} years ago" },
    .requested = "Requested",
    .more = "… and {} more",
    .footer = "Article Six · Situation as of {}",
  },
  {
    .code = "fr",
    .title = "Coopération et assistance — {}",
    .subtitle = "Convention sur les armes à sous-munitions · Article 6, coopération et "
                "assistance internationales",
    .summary = "Synthèse",
    .chart = "États ayant demandé une assistance, par catégorie",
    .legend = { "Réponse complète", "Réponse partielle", "Sans réponse",
                "Demandée dans un rapport, aucune demande saisie" },
    .states = { "{} État", "{} États" },
    .contributions = "Contributions",
    .no_contributions = "Aucune contribution n'est enregistrée pour {}.",
    .currency = "Monnaie",
    .statuses = { "Annoncées", "Engagées", "Décaissées", "Livrées", "Statut non précisé" },
    .no_amount = "Sans montant",
    .n_contributions = { "{} contribution", "{} contributions" },
    .unanswered = "Demandes sans réponse",
    .no_unanswered = "Chaque demande enregistrée pour {} a reçu une réponse.",
    .request_columns = { "Année", "État", "Catégorie", "Demande" },
    .deadlines = "Échéances au titre des articles 3 et 4",
    .no_deadlines = "Aucune échéance au titre de l'article 3 ou 4 n'est en cours.",
    .buckets = { "Dépassées", "Prolongation demandée", "Statut inconnu", "Dans les 12 mois",
                 "Dans les 36 mois", "Plus tard" },
    .deadline_columns = { "État", "Obligation", "Échéance", "Délai", "Prolongation" },
    .articles = { "Article 3 — Destruction des stocks", "Article 4 — Dépollution" },
    .today = "Aujourd'hui",
    .days_left = { "{} jour restant", "{} jours restants" },
    .days_ago = { "dépassée depuis {} jour", "dépassée depuis {} jours" },
    .months_left = { "{} mois restant", "{} mois restants" },
    .months_ago = { "dépassée depuis {} mois", "dépassée depuis {} mois" },
    .years_left = { "{} an restant", "{} ans restants" },
    .years_ago = { "dépassée depuis {} an", "dépassée depuis {} ans" },
    .requested = "Demandée",
    .more = "… et {} de plus",
    .footer = "Article Six · Situation au {}",
  },
  {
    .code = "es",
    .title = "Cooperación y asistencia — {}",
    .subtitle = "Convención sobre Municiones en Racimo · Artículo 6, cooperación y asistencia "
                "internacionales",
    .summary = "Resumen",
    .chart = "Estados que solicitaron asistencia, por categoría",
    .legend = { "Atendida", "Atendida en parte", "Sin respuesta",
                "Pedida en un informe, sin solicitud registrada" },
    .states = { "{} Estado", "{} Estados" },
    .contributions = "Contribuciones",
    .no_contributions = "No se ha registrado ninguna contribución para {}.",
    .currency = "Moneda",
    .statuses = { "Prometidas", "Comprometidas", "Desembolsadas", "Entregadas",
                  "Estado no registrado" },
    .no_amount = "Sin importe",
    .n_contributions = { "{} contribución", "{} contribuciones" },
    .unanswered = "Solicitudes sin respuesta",
    .no_unanswered = "Todas las solicitudes registradas para {} han recibido respuesta.",
    .request_columns = { "Año", "Estado", "Categoría", "Solicitud" },
    .deadlines = "Plazos en virtud de los artículos 3 y 4",
    .no_deadlines = "No hay ningún plazo pendiente en virtud del artículo 3 o 4.",
    .buckets = { "Vencidos", "Prórroga solicitada", "Estado desconocido",
                 "En los próximos 12 meses", "En los próximos 36 meses", "Más adelante" },
    .deadline_columns = { "Estado", "Obligación", "Plazo", "Tiempo restante", "Prórroga" },
    .articles = { "Artículo 3 — Destrucción de existencias", "Artículo 4 — Limpieza" },
    .today = "Hoy",
    .days_left = { "queda {} día", "quedan {} días" },
    .days_ago = { "vencido hace {} día", "vencido hace {} días" },
    .months_left = { "queda {} mes", "quedan {} meses" },
    .months_ago = { "vencido hace {} mes", "vencido hace {} meses" },
    .years_left = { "queda {} año", "quedan {} años" },
    .years_ago = { "vencido hace {} año", "vencido hace {} años" },
    .requested = "Solicitada",
    .more = "… y {} más",
    .footer = "Article Six · Situación al {}",
  },
};

typedef struct
{
  SixPage       base;
  SixOverview    *overview;
  const Words    *words;
  const char     *language;
  const GDate    *as_of;
  char           *years;
} Page;

static const Words *
lookup_words (const char *language)
{
  const char *code = six_progress_get_language (language);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (words[i].code, code) == 0)
      return &words[i];

  return &words[0];
}

/* Fills the template's one slot "{}". */
static char *
fill (const char *template,
      const char *value)
{
  const char *slot = strstr (template, "{}");

  if (slot == NULL)
    return g_strdup (template);

  return g_strdup_printf ("%.*s%s%s", (int) (slot - template), template, value, slot + 2);
}

/* French counts zero and one alike ("0 jour"); English and Spanish one only. */
static const char *
plural (Page              *page,
        const char * const forms[2],
        guint              n)
{
  gboolean one = strcmp (page->words->code, "fr") == 0 ? n <= 1 : n == 1;

  return forms[one ? 0 : 1];
}

static char *
fill_count (Page              *page,
            const char * const forms[2],
            guint              n)
{
  g_autofree char *number = g_strdup_printf ("%u", n);

  return fill (plural (page, forms, n), number);
}

/* A heading needs room for itself and a line or two under it, or it is left out. */
static gboolean
draw_heading (Page       *page,
              const char *title)
{
  return six_page_draw_heading (&page->base, title, 3 * SIX_PAGE_GAP, 24);
}

/* The table's rows (the first is its header) while they fit and number at most @max_rows,
 * then "… and N more" in the room kept for it. A cell keeps to two lines. */
static void
draw_table (Page         *page,
            const double *fractions,
            GPtrArray    *rows,
            guint         max_rows)
{
  guint n_columns = g_strv_length (rows->pdata[0]);
  guint n_body = rows->len - 1;
  guint drawn = 0;
  double line = 11;

  g_assert (n_columns <= 8);

  for (guint r = 0; r < rows->len && (r == 0 || drawn < max_rows); r++)
    {
      GStrv row = rows->pdata[r];
      PangoLayout *layouts[8] = { NULL, };
      gboolean fits;
      double height = 0;
      double reserve;
      double x = page->base.left;

      for (guint c = 0; c < n_columns; c++)
        {
          layouts[c] = six_page_new_layout (&page->base,
                                            r == 0 ? SIX_PAGE_FONT_SMALL : SIX_PAGE_FONT_BODY,
                                            fractions[c] * page->base.width - SIX_PAGE_GAP,
                                            row[c]);
          pango_layout_set_height (layouts[c], -2);
          pango_layout_set_ellipsize (layouts[c], PANGO_ELLIPSIZE_END);
          height = MAX (height, six_page_layout_height (layouts[c]));
        }

      /* The header needs a row under it; a row, room for "… and N more" unless it is last. */
      reserve = r == 0 || r + 1 < rows->len ? line : 0;
      fits = page->base.y + height + reserve <= page->base.bottom;

      for (guint c = 0; c < n_columns; c++)
        {
          if (fits)
            six_page_show_layout (&page->base, layouts[c], x, page->base.y,
                                  r == 0 ? &six_page_dim_colour : &six_page_text_colour);
          x += fractions[c] * page->base.width;
          g_object_unref (layouts[c]);
        }

      if (!fits)
        {
          if (r == 0)
            return;
          break;
        }
      page->base.y += height + (r == 0 ? 2 : 1.5);
      if (r > 0)
        drawn++;
    }

  if (drawn < n_body)
    {
      g_autofree char *count = g_strdup_printf ("%u", n_body - drawn);
      g_autofree char *more = fill (page->words->more, count);

      six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_dim_colour, more);
    }
}

static void
draw_title (Page *page)
{
  g_autofree char *title = fill (page->words->title, page->years);
  g_autofree char *markup = g_markup_escape_text (title, -1);
  g_autoptr(PangoLayout) layout = six_page_new_layout (&page->base, "Sans Bold 20",
                                                       page->base.width, markup);

  six_page_show_layout (&page->base, layout, page->base.left, page->base.y, &six_page_text_colour);
  page->base.y += six_page_layout_height (layout) + 2;
  six_page_draw_text (&page->base, "Sans 10", &six_page_dim_colour, page->words->subtitle);
}

static void
draw_summary (Page *page)
{
  g_autofree char *text = six_progress_dup_text (page->overview, page->language, page->as_of);

  if (!draw_heading (page, page->words->summary))
    return;

  /* The paragraph is the page's point: too long, it takes all the room left, ellipsized. */
  if (!six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour, text))
    {
      g_autofree char *markup = g_markup_escape_text (text, -1);
      g_autoptr(PangoLayout) layout = six_page_new_layout (&page->base, SIX_PAGE_FONT_BODY,
                page->base.width, markup);
      double line = six_page_layout_height (layout) / MAX (pango_layout_get_line_count (layout),
                                            1);
      int lines = (int) ((page->base.bottom - page->base.y) / line);

      pango_layout_set_height (layout, -MAX (lines, 1));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      six_page_show_layout (&page->base, layout, page->base.left, page->base.y,
                            &six_page_text_colour);
      page->base.y = page->base.bottom;
    }
}

static guint
category_of (const char *category)
{
  guint i;

  for (i = 0; six_categories[i] != NULL; i++)
    if (g_strcmp0 (six_categories[i], category) == 0)
      return i;

  return i - 1;  /* an unknown category counts as "other", as in the overview */
}

/* How far a State's requests in a category are answered; SIX_N_COVERAGES: it asked only in
 * its Article 7 report, with no request entered. */
static guint
classify_state (SixOverview *overview,
                const char  *country,
                guint        category)
{
  GPtrArray *requests = six_overview_get_requests (overview);
  guint counts[SIX_N_COVERAGES] = { 0, };
  guint n = 0;

  for (guint i = 0; i < requests->len; i++)
    {
      SixOverviewRequest *request = requests->pdata[i];

      if (g_strcmp0 (six_record_get_string (request->request, "country"), country) != 0 ||
          category_of (six_record_get_string (request->request, "category")) != category)
        continue;
      counts[request->coverage]++;
      n++;
    }

  if (n == 0)
    return SIX_N_COVERAGES;
  if (counts[SIX_COVERAGE_ANSWERED] == n)
    return SIX_COVERAGE_ANSWERED;
  if (counts[SIX_COVERAGE_UNANSWERED] == n)
    return SIX_COVERAGE_UNANSWERED;

  return SIX_COVERAGE_PARTLY;
}

static void
append_swatch (GString         *legend,
               SixChartSegment  kind,
               const char      *label)
{
  double rgb[3];
  g_autofree char *escaped = g_markup_escape_text (label, -1);

  six_chart_get_color (kind, rgb);
  g_string_append_printf (legend, "%s<span foreground='#%02x%02x%02x'>■</span> %s",
                          legend->len > 0 ? "    " : "", (int) (rgb[0] * 255 + 0.5),
                          (int) (rgb[1] * 255 + 0.5), (int) (rgb[2] * 255 + 0.5), escaped);
}

/* One row of a bar chart: its label, the bar, and a count after it. */
static void
draw_bar_row (Page                 *page,
              const char           *label,
              const SixChartValues *values,
              double                max,
              const char           *count)
{
  double label_width = page->base.width * 0.3;
  double bar_width = page->base.width * 0.52;
  g_autofree char *label_markup = g_markup_escape_text (label, -1);
  g_autofree char *count_markup = g_markup_escape_text (count, -1);
  g_autoptr(PangoLayout) label_layout = six_page_new_layout (&page->base, SIX_PAGE_FONT_SMALL,
                                                             label_width - SIX_PAGE_GAP,
                                                             label_markup);
  g_autoptr(PangoLayout) count_layout = six_page_new_layout (&page->base, SIX_PAGE_FONT_SMALL,
                                                             page->base.width - label_width
                                                             - bar_width - SIX_PAGE_GAP,
                                                             count_markup);
  double text_height = six_page_layout_height (label_layout);

  pango_layout_set_ellipsize (label_layout, PANGO_ELLIPSIZE_END);
  six_page_show_layout (&page->base, label_layout, page->base.left, page->base.y,
                        &six_page_text_colour);

  cairo_save (page->base.cr);
  cairo_translate (page->base.cr, page->base.left + label_width,
                   page->base.y + (text_height - BAR_HEIGHT) / 2);
  six_chart_draw_bar (page->base.cr, bar_width, BAR_HEIGHT, values, max);
  cairo_restore (page->base.cr);

  six_page_show_layout (&page->base, count_layout,
                        page->base.left + label_width + bar_width + SIX_PAGE_GAP, page->base.y,
                        &six_page_dim_colour);
  page->base.y += MAX (text_height, BAR_HEIGHT) + 3;
}

/* States per category, each coloured by how far its requests in the category are answered. */
static void
draw_chart (Page *page)
{
  static const SixChartSegment kinds[] = {
    SIX_CHART_SEGMENT_ANSWERED, SIX_CHART_SEGMENT_PARTLY, SIX_CHART_SEGMENT_UNANSWERED,
    SIX_CHART_SEGMENT_TOTAL,
  };
  SixChartValues bars[16] = { 0, };
  guint n_states[16] = { 0, };
  g_autoptr(GString) legend = g_string_new (NULL);
  gboolean shown[G_N_ELEMENTS (kinds)] = { FALSE, };
  guint n_categories = g_strv_length ((char **) six_categories);
  guint most = 0;

  g_assert (n_categories <= G_N_ELEMENTS (bars));

  for (guint c = 0; c < n_categories; c++)
    {
      g_auto(GStrv) countries = six_overview_dup_category_states (page->overview, c);

      for (guint s = 0; countries[s] != NULL; s++)
        bars[c].values[classify_state (page->overview, countries[s], c)]++;
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          bars[c].kinds[k] = kinds[k];
          shown[k] |= bars[c].values[k] > 0;
        }
      bars[c].n_segments = G_N_ELEMENTS (kinds);
      n_states[c] = g_strv_length (countries);
      most = MAX (most, n_states[c]);
    }

  if (most == 0 || !draw_heading (page, page->words->chart))
    return;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (shown[k])
      append_swatch (legend, kinds[k], page->words->legend[k]);
  {
    g_autoptr(PangoLayout) layout = six_page_new_layout (&page->base, SIX_PAGE_FONT_SMALL,
              page->base.width, legend->str);

    six_page_show_layout (&page->base, layout, page->base.left, page->base.y,
                          &six_page_dim_colour);
    page->base.y += six_page_layout_height (layout) + SIX_PAGE_GAP;
  }

  for (guint c = 0; c < n_categories; c++)
    {
      g_autofree char *count = NULL;

      if (n_states[c] == 0)
        continue;
      if (page->base.y + BAR_HEIGHT + 4 > page->base.bottom)
        break;

      count = fill_count (page, page->words->states, n_states[c]);
      draw_bar_row (page, six_progress_get_category_label (c, page->language), &bars[c], most,
                    count);
    }
}

static guint
status_column (const char *status)
{
  static const char * const statuses[] = { "pledged", "committed", "disbursed", "delivered" };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      return i;

  return G_N_ELEMENTS (statuses);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The span's contributions as currencies × statuses, never two currencies in one cell. */
static void
draw_contributions (Page *page)
{
  GPtrArray *totals = six_overview_get_totals (page->overview);
  g_autoptr(GPtrArray) currencies = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = six_page_new_rows ();
  gboolean used[5] = { FALSE, };
  guint columns[5];
  guint n_columns = 0;
  double fractions[6];

  if (!draw_heading (page, page->words->contributions))
    return;

  if (totals->len == 0)
    {
      g_autofree char *text = fill (page->words->no_contributions, page->years);

      six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour, text);
      return;
    }

  for (guint i = 0; i < totals->len; i++)
    {
      SixOverviewTotal *total = totals->pdata[i];

      used[status_column (total->status)] = TRUE;
      if (total->currency != NULL &&
          !g_ptr_array_find_with_equal_func (currencies, total->currency, g_str_equal, NULL))
        g_ptr_array_add (currencies, total->currency);
    }
  g_ptr_array_sort (currencies, compare_strings);
  /* Contributions with no amount or currency come last, in a row of counts. */
  for (guint i = 0; i < totals->len; i++)
    if (((SixOverviewTotal *) totals->pdata[i])->currency == NULL)
      {
        g_ptr_array_add (currencies, NULL);
        break;
      }

  for (guint s = 0; s < G_N_ELEMENTS (used); s++)
    if (used[s])
      columns[n_columns++] = s;

  fractions[0] = 0.2;
  for (guint c = 0; c < n_columns; c++)
    fractions[c + 1] = 0.8 / MAX (n_columns, 3);

  {
    GStrv header = g_new0 (char *, n_columns + 2);

    header[0] = g_markup_escape_text (page->words->currency, -1);
    for (guint c = 0; c < n_columns; c++)
      header[c + 1] = g_markup_escape_text (page->words->statuses[columns[c]], -1);
    g_ptr_array_add (rows, header);
  }

  for (guint r = 0; r < currencies->len; r++)
    {
      const char *currency = currencies->pdata[r];
      GStrv row = g_new0 (char *, n_columns + 2);

      row[0] = g_markup_escape_text (currency != NULL ? currency : page->words->no_amount, -1);
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *cell = NULL;

          for (guint i = 0; i < totals->len && cell == NULL; i++)
            {
              SixOverviewTotal *total = totals->pdata[i];

              if (status_column (total->status) != columns[c] ||
                  g_strcmp0 (total->currency, currency) != 0)
                continue;
              if (currency == NULL)
                cell = fill_count (page, page->words->n_contributions, total->n_contributions);
              else if (total->overflow)
                cell = g_strdup ("∞");
              else
                cell = six_progress_format_amount (total->total, NULL, page->language);
            }
          row[c + 1] = g_markup_escape_text (cell != NULL ? cell : "—", -1);
        }
      g_ptr_array_add (rows, row);
    }

  draw_table (page, fractions, rows, G_MAXUINT);
}

static void
draw_unanswered (Page *page)
{
  static const double fractions[] = { 0.08, 0.26, 0.22, 0.44 };
  GPtrArray *requests = six_overview_get_requests (page->overview);
  g_autoptr(GPtrArray) rows = six_page_new_rows ();

  if (requests->len == 0 || !draw_heading (page, page->words->unanswered))
    return;

  six_page_add_row (rows, 4, page->words->request_columns[0], page->words->request_columns[1],
                    page->words->request_columns[2], page->words->request_columns[3]);
  for (guint i = 0; i < requests->len; i++)
    {
      SixOverviewRequest *request = requests->pdata[i];
      SixRecord *record = request->request;
      g_autofree char *year = NULL;

      if (request->coverage != SIX_COVERAGE_UNANSWERED)
        continue;

      year = g_strdup_printf ("%" G_GINT64_FORMAT, six_record_get_int (record, "year", 0));
      six_page_add_row (rows, 4, year,
                        six_progress_get_state_name (six_record_get_string (record, "country"),
                                                     request->country_name, page->language),
                        six_progress_get_category_label (
                          category_of (six_record_get_string (record, "category")),
                          page->language),
                        six_record_get_string (record, "description"));
    }

  if (rows->len == 1)
    {
      g_autofree char *text = fill (page->words->no_unanswered, page->years);

      six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour, text);
      return;
    }

  draw_table (page, fractions, rows, MAX_REQUEST_ROWS);
}

/* "5 months left", "passed 2 years ago": the gap in days, months or years. */
static char *
describe_days_left (Page *page,
                    int   days)
{
  guint span = (guint) ABS (days);
  gboolean passed = days < 0;

  if (days == 0)
    return g_strdup (page->words->today);
  if (span < 60)
    return fill_count (page, passed ? page->words->days_ago : page->words->days_left, span);
  if (span < 730)
    return fill_count (page, passed ? page->words->months_ago : page->words->months_left,
                       (guint) ((span * 12 + 182) / 365));

  return fill_count (page, passed ? page->words->years_ago : page->words->years_left,
                     (guint) ((span + 182) / 365));
}

/* Nearest first, whether just passed or just ahead. */
static int
compare_nearness (gconstpointer a,
                  gconstpointer b)
{
  const SixOverviewDeadline *da = *(SixOverviewDeadline * const *) a;
  const SixOverviewDeadline *db = *(SixOverviewDeadline * const *) b;
  int na = ABS (da->days_left), nb = ABS (db->days_left);

  if (na != nb)
    return na < nb ? -1 : 1;

  return strcmp (da->deadline, db->deadline);
}

/* The radar: open deadlines counted by how near they are, then the nearest of them. */
static void
draw_deadlines (Page *page)
{
  static const SixChartSegment kinds[SIX_N_DEADLINE_BUCKETS] = {
    SIX_CHART_SEGMENT_PASSED, SIX_CHART_SEGMENT_PARTLY, SIX_CHART_SEGMENT_TOTAL,
    SIX_CHART_SEGMENT_SOON, SIX_CHART_SEGMENT_LATER, SIX_CHART_SEGMENT_TOTAL,
  };
  static const double fractions[] = { 0.22, 0.3, 0.11, 0.23, 0.14 };
  GPtrArray *deadlines = six_overview_get_deadlines (page->overview);
  g_autoptr(GPtrArray) nearest = g_ptr_array_sized_new (deadlines->len);
  guint counts[SIX_N_DEADLINE_BUCKETS] = { 0, };
  g_autoptr(GPtrArray) rows = six_page_new_rows ();
  guint most = 0;

  if (!draw_heading (page, page->words->deadlines))
    return;

  if (deadlines->len == 0)
    {
      six_page_draw_text (&page->base, SIX_PAGE_FONT_BODY, &six_page_text_colour,
                          page->words->no_deadlines);
      return;
    }

  for (guint i = 0; i < deadlines->len; i++)
    counts[((SixOverviewDeadline *) deadlines->pdata[i])->bucket]++;
  for (guint b = 0; b < SIX_N_DEADLINE_BUCKETS; b++)
    most = MAX (most, counts[b]);

  for (guint b = 0; b < SIX_N_DEADLINE_BUCKETS; b++)
    {
      SixChartValues values = { .kinds = { kinds[b] }, .values = { counts[b] }, .n_segments = 1 };
      g_autofree char *count = g_strdup_printf ("%u", counts[b]);

      if (page->base.y + BAR_HEIGHT + 4 > page->base.bottom)
        return;
      draw_bar_row (page, page->words->buckets[b], &values, most, count);
    }
  page->base.y += SIX_PAGE_GAP;

  six_page_add_row (rows, 5, page->words->deadline_columns[0], page->words->deadline_columns[1],
                    page->words->deadline_columns[2], page->words->deadline_columns[3],
                    page->words->deadline_columns[4]);
  /* Borrowed: the overview owns the deadlines. */
  g_ptr_array_extend (nearest, deadlines, NULL, NULL);
  g_ptr_array_sort (nearest, compare_nearness);
  for (guint i = 0; i < nearest->len; i++)
    {
      SixOverviewDeadline *deadline = nearest->pdata[i];
      const char *article = six_record_get_string (deadline->obligation, "article");
      g_autofree char *left = describe_days_left (page, deadline->days_left);
      g_autofree char *extension = NULL;

      if (deadline->pending_extension != NULL)
        {
          const char *until = six_record_get_string (deadline->pending_extension,
                                                     "requested_until");

          extension = until != NULL ? g_strdup_printf ("%s %s", page->words->requested, until)
                                    : g_strdup (page->words->requested);
        }

      six_page_add_row (rows, 5,
                        six_progress_get_state_name (six_record_get_string (deadline->obligation,
                                                                            "country"),
                                                     deadline->country_name, page->language),
                        page->words->articles[g_strcmp0 (article, "art3") == 0 ? 0 : 1],
                        deadline->deadline, left, extension);
    }
  draw_table (page, fractions, rows, MAX_DEADLINE_ROWS);
}

/* The as-of date and the program's name, pinned to the page's foot. */
static void
draw_footer (Page *page)
{
  g_autofree char *date = six_progress_format_date (page->as_of, page->language);
  g_autofree char *text = fill (page->words->footer, date);

  six_page_draw_footer (&page->base, text, 2);
}

/**
 * six_overview_document_draw:
 * @cr: where to draw, in points: a PDF surface, a print context, an image
 * @width: the page's width in points
 * @height: the page's height in points
 * @language: "en", "fr" or "es": the whole page is written in it
 * @as_of: the date the page speaks of: the day the overview was built for
 *
 * Draws the overview on one page. Uses no GTK: safe on a worker thread with its own @cr.
 */
void
six_overview_document_draw (SixOverview *overview,
                            cairo_t     *cr,
                            double       width,
                            double       height,
                            const char  *language,
                            const GDate *as_of)
{
  g_autofree char *years = NULL;
  Page page = {
    .overview = overview, .words = lookup_words (language),
    .language = six_progress_get_language (language), .as_of = as_of,
  };

  g_return_if_fail (SIX_IS_OVERVIEW (overview));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (as_of != NULL && g_date_valid (as_of));

  six_page_init (&page.base, cr, width, height, FOOTER_SIZE);

  years = six_progress_format_years (six_overview_get_first_year (overview),
                                     six_overview_get_last_year (overview));
  page.years = years;

  cairo_save (cr);
  draw_title (&page);
  draw_summary (&page);
  draw_chart (&page);
  draw_contributions (&page);
  draw_unanswered (&page);
  draw_deadlines (&page);
  draw_footer (&page);
  cairo_restore (cr);
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  /* Not every stream looks at the cancellable itself (a memory stream does not). */
  if (sink->error != NULL ||
      g_cancellable_set_error_if_cancelled (sink->cancellable, &sink->error) ||
      !g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable,
                                  &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* Writes the page to @stream; @display_name, when known, names the file in an error. */
static gboolean
write_pdf (SixOverview    *overview,
           const char     *language,
           const GDate    *as_of,
           GOutputStream  *stream,
           GCancellable   *cancellable,
           const char     *display_name,
           GError        **error)
{
  Sink sink = { .stream = stream, .cancellable = cancellable };
  g_autofree char *years = six_progress_format_years (six_overview_get_first_year (overview),
                                                      six_overview_get_last_year (overview));
  g_autofree char *title = fill (lookup_words (language)->title, years);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (write_to_sink, &sink,
                                                 SIX_OVERVIEW_DOCUMENT_WIDTH,
                                                 SIX_OVERVIEW_DOCUMENT_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Article Six");

  cr = cairo_create (surface);
  six_overview_document_draw (overview, cr, SIX_OVERVIEW_DOCUMENT_WIDTH,
                              SIX_OVERVIEW_DOCUMENT_HEIGHT, language, as_of);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* The stream's own error says more than cairo's "error while writing to output stream". */
  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (display_name != NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                     display_name, cairo_status_to_string (status));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * six_overview_document_write_pdf_stream:
 * @stream: where the PDF goes; left open
 * @cancellable: (nullable): stops the writing
 *
 * Writes the one-page overview as an A4 PDF to @stream. Safe on a worker thread.
 *
 * Returns: whether it was written
 */
gboolean
six_overview_document_write_pdf_stream (SixOverview    *overview,
                                        const char     *language,
                                        const GDate    *as_of,
                                        GOutputStream  *stream,
                                        GCancellable   *cancellable,
                                        GError        **error)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW (overview), FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_pdf (overview, language, as_of, stream, cancellable, NULL, error);
}

/**
 * six_overview_document_write_pdf:
 * @language: "en", "fr" or "es": the whole page is written in it
 * @as_of: the date the page speaks of
 * @path: the PDF file to write (replaced only once the new one is complete)
 *
 * Writes the one-page overview as an A4 PDF. Safe on a worker thread.
 *
 * Returns: whether it was written
 */
gboolean
six_overview_document_write_pdf (SixOverview  *overview,
                                 const char   *language,
                                 const GDate  *as_of,
                                 const char   *path,
                                 GError      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (SIX_IS_OVERVIEW (overview), FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  display = g_filename_display_name (path);
  if (!write_pdf (overview, language, as_of, G_OUTPUT_STREAM (stream), NULL, display, error))
    {
      /* Closing a replacing stream once cancelled keeps the old file and drops the new. */
      abandon = g_cancellable_new ();
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}
