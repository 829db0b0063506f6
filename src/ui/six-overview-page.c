/* six-overview-page.c — who asked for what, what was given, and what falls due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-overview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "six-overview-page-private.h"

#include "six-chart-bar.h"
#include "six-entry-row.h"
#include "six-figure-row.h"
#include "six-file-saver.h"
#include "six-live-query.h"
#include "six-overview.h"
#include "six-overview-document.h"
#include "six-progress.h"
#include "six-queries.h"
#include "six-report.h"

struct _SixOverviewPage
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  GtkDropDown   *first_dropdown;
  GtkStringList *first_years;
  GtkDropDown   *last_dropdown;
  GtkStringList *last_years;
  GtkListBox    *seeking_list;
  GtkBox        *legend;
  GtkListBox    *category_list;
  GtkListBox    *states_list;
  GtkListBox    *coverage_list;
  GtkListBox    *totals_list;
  SixEntryRow   *currency_row;
  GtkListBox    *rates_list;
  GtkListBox    *unanswered_list;
  GtkListBox    *trend_list;
  GtkListBox    *deadlines_list;
  GtkListBox    *coalitions_list;
  GtkDropDown   *language_dropdown;
  GtkLabel      *progress_label;
  GtkSpinner    *filling_spinner;

  /* Owned */
  GSettings     *settings;   /* the conversion currency and rates the user entered */
  SixLiveQuery  *query;
  SixOverview   *shown;      /* the query's answer the page shows */
  GArray        *years;      /* int: the drop-downs' choices, oldest first */
  GtkStringList *rate_currencies;  /* the currencies the popover offers a rate for */
  gboolean       updating;   /* the drop-downs and the currency are being filled, not chosen */
  guint          fill_id;    /* tick callback: the sections still to show, one a frame */
  gint64         fill_after; /* the frame that shows the first sections: filling starts after */
  guint          n_filled;   /* sections shown of the overview being shown */
};

G_DEFINE_FINAL_TYPE (SixOverviewPage, six_overview_page, GTK_TYPE_WIDGET)

static const char * const languages[] = { "en", "fr", "es" };

/* --- reading ----------------------------------------------------------------------------- */

/* The overview the page shows: its query's answer once taken, which a part read first with
 * nothing in it never is. What is saved, copied and filled in comes from it. */
static SixOverview *
get_overview (SixOverviewPage *self)
{
  return self->shown;
}

/* currency → rate in ten-thousandths of the conversion currency, from what the user typed. */
static GHashTable *
dup_rates (SixOverviewPage *self)
{
  g_autoptr(GVariant) stored = g_settings_get_value (self->settings, "conversion-rates");
  GHashTable *rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GVariantIter iter;
  const char *currency, *text;

  g_variant_iter_init (&iter, stored);
  while (g_variant_iter_next (&iter, "{&s&s}", &currency, &text))
    {
      gint64 rate;

      if (six_amount_parse (text, &rate) && rate > 0)
        g_hash_table_insert (rates, g_strdup (currency), g_memdup2 (&rate, sizeof rate));
    }

  return rates;
}

/* The rates as stored (a{ss}, currency → the text typed), with @currency's replaced by @text,
 * or removed for none. */
static GVariant *
replace_rate (GVariant   *stored,
              const char *currency,
              const char *text)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *code, *rate;

  g_variant_iter_init (&iter, stored);
  while (g_variant_iter_next (&iter, "{&s&s}", &code, &rate))
    if (strcmp (code, currency) != 0)
      g_variant_builder_add (&builder, "{ss}", code, rate);
  if (*text != '\0')
    g_variant_builder_add (&builder, "{ss}", currency, text);

  return g_variant_builder_end (&builder);
}

static void
on_rate_changed_cb (GtkEditable     *entry,
                    SixOverviewPage *self)
{
  const char *currency = g_object_get_data (G_OBJECT (entry), "currency");
  const char *text = gtk_editable_get_text (entry);
  g_autoptr(GVariant) stored = g_settings_get_value (self->settings, "conversion-rates");
  gint64 rate;

  if (*text != '\0' && !(six_amount_parse (text, &rate) && rate > 0))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  g_settings_set_value (self->settings, "conversion-rates", replace_rate (stored, currency, text));
}

static void
on_currency_changed_cb (GtkEditable     *entry,
                        SixOverviewPage *self)
{
  g_autofree char *code = g_ascii_strup (gtk_editable_get_text (entry), -1);

  if (self->updating)
    return;

  if (*code != '\0' && !six_currency_is_valid (code))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  g_settings_set_string (self->settings, "conversion-currency", code);
}

/* "1 USD = [0.9] EUR": the rate the user gives a currency, in the conversion currency. */
static GtkWidget *
create_rate_row (gpointer item,
                 gpointer user_data)
{
  SixOverviewPage *self = user_data;
  const char *code = gtk_string_object_get_string (item);
  g_autofree char *currency = g_settings_get_string (self->settings, "conversion-currency");
  g_autoptr(GVariant) stored = g_settings_get_value (self->settings, "conversion-rates");
  /* Translators: "1 USD =", then the rate the user types, then the conversion currency */
  g_autofree char *title = g_strdup_printf (_("1 %s ="), code);
  const char *rate = NULL;
  GtkWidget *row = six_entry_row_new ();

  g_variant_lookup (stored, code, "&s", &rate);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), rate != NULL ? rate : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (row), 8);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (currency));
  g_object_set_data_full (G_OBJECT (row), "currency", g_strdup (code), g_free);
  g_signal_connect (row, "changed", G_CALLBACK (on_rate_changed_cb), self);

  return row;
}

/* The popover offers the conversion currency and a rate for each other currency given; the
 * rows are made again only when those change, so that typing a rate keeps its row. */
static void
show_rates (SixOverviewPage *self,
            SixOverview     *overview,
            gboolean         new_currency)
{
  g_autofree char *currency = g_settings_get_string (self->settings, "conversion-currency");
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  GPtrArray *totals = six_overview_get_totals (overview);
  GListModel *shown = G_LIST_MODEL (self->rate_currencies);
  guint n_shown = g_list_model_get_n_items (shown);
  gboolean same = !new_currency;

  for (guint i = 0; i < totals->len; i++)
    {
      const char *code = ((SixOverviewTotal *) totals->pdata[i])->currency;

      if (code != NULL && g_strcmp0 (code, currency) != 0 &&
          !g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
        g_ptr_array_add (codes, (gpointer) code);
    }

  same = same && codes->len == n_shown;
  for (guint i = 0; same && i < codes->len; i++)
    same = g_strcmp0 (codes->pdata[i], gtk_string_list_get_string (self->rate_currencies, i)) == 0;
  if (!same)
    {
      g_ptr_array_add (codes, NULL);
      gtk_string_list_splice (self->rate_currencies, 0, n_shown,
                              (const char * const *) codes->pdata);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rates_list), g_list_model_get_n_items (shown) > 0);

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), currency) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->currency_row), currency);
  self->updating = FALSE;
}

static const char *
get_language (SixOverviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  return selected < G_N_ELEMENTS (languages) ? languages[selected] : "en";
}

static void
show_progress (SixOverviewPage    *self,
               SixOverview        *overview,
               GtkWidget          *widget,
               SixOverviewSection  facts)
{
  g_autofree char *text = NULL;
  GDate today;

  six_overview_get_today (overview, &today);
  text = six_progress_dup_text (overview, get_language (self), &today);
  gtk_label_set_label (self->progress_label, text);
}

/* The drop-downs offer every year holding data (and the span shown, if it holds none). */
static void
show_years (SixOverviewPage *self,
            SixOverview     *overview)
{
  GArray *years = six_overview_get_years (overview);
  int first = six_overview_get_first_year (overview), last = six_overview_get_last_year (overview);
  g_autoptr(GArray) choices = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean same = TRUE;

  for (int year = MIN (first, years->len > 0 ? g_array_index (years, SixOverviewYear, 0).year
                                             : first);
       year <= MAX (last, years->len > 0 ? g_array_index (years, SixOverviewYear, years->len - 1).year
                                         : last);
       year++)
    g_array_append_val (choices, year);

  same = choices->len == self->years->len &&
         memcmp (choices->data, self->years->data, choices->len * sizeof (int)) == 0;

  self->updating = TRUE;
  if (!same)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < choices->len; i++)
        g_ptr_array_add (labels, g_strdup_printf ("%d", g_array_index (choices, int, i)));
      g_ptr_array_add (labels, NULL);
      gtk_string_list_splice (self->first_years, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->first_years)),
                              (const char * const *) labels->pdata);
      gtk_string_list_splice (self->last_years, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->last_years)),
                              (const char * const *) labels->pdata);
      g_array_set_size (self->years, 0);
      g_array_append_vals (self->years, choices->data, choices->len);
    }

  for (guint i = 0; i < self->years->len; i++)
    {
      if (g_array_index (self->years, int, i) == first)
        gtk_drop_down_set_selected (self->first_dropdown, i);
      if (g_array_index (self->years, int, i) == last)
        gtk_drop_down_set_selected (self->last_dropdown, i);
    }
  self->updating = FALSE;
}

/* The totals as recorded, then converted at the user's rates if they asked for a currency. */
static void
show_totals (SixOverviewPage *self,
             SixOverview     *overview)
{
  g_autofree char *currency = g_settings_get_string (self->settings, "conversion-currency");
  g_autoptr(GHashTable) rates = dup_rates (self);
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListModel) recorded = six_overview_dup_facts (overview, SIX_OVERVIEW_SECTION_TOTALS);
  g_autoptr(GListModel) converted = six_overview_dup_converted_facts (overview, currency, rates);
  g_autoptr(GtkFlattenListModel) totals = NULL;

  g_list_store_append (parts, recorded);
  g_list_store_append (parts, converted);
  totals = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
  six_figure_row_bind_list (self->totals_list, G_LIST_MODEL (totals));
}

static void
show_contributions (SixOverviewPage    *self,
                    SixOverview        *overview,
                    GtkWidget          *widget,
                    SixOverviewSection  facts)
{
  show_totals (self, overview);
  show_rates (self, overview, FALSE);
}

/* A group's list, bound to @facts. */
static void
show_section (SixOverviewPage    *self,
              SixOverview        *overview,
              GtkWidget          *widget,
              SixOverviewSection  facts)
{
  g_autoptr(GListModel) model = six_overview_dup_facts (overview, facts);

  six_figure_row_bind_list (GTK_LIST_BOX (widget), model);
}

/* The page's groups, top to bottom, each a list of the overview's facts, and the progress
 * report last. The first FIRST_SECTIONS fill the first frame; the others follow, one a
 * frame, so that the figures at the top show without waiting for everything below them to
 * be laid out. */
static const struct
{
  void             (*show) (SixOverviewPage    *self,
                            SixOverview        *overview,
                            GtkWidget          *widget,
                            SixOverviewSection  facts);
  SixOverviewSection facts;   /* what the group's list shows */
  gsize              widget;  /* the offset of a template widget within the group */
} sections[] = {
  { show_section, SIX_OVERVIEW_SECTION_SEEKING, G_STRUCT_OFFSET (SixOverviewPage, seeking_list) },
  { show_section, SIX_OVERVIEW_SECTION_CATEGORIES,
    G_STRUCT_OFFSET (SixOverviewPage, category_list) },
  { show_section, SIX_OVERVIEW_SECTION_STATES, G_STRUCT_OFFSET (SixOverviewPage, states_list) },
  { show_section, SIX_OVERVIEW_SECTION_COVERAGE,
    G_STRUCT_OFFSET (SixOverviewPage, coverage_list) },
  { show_contributions, 0, G_STRUCT_OFFSET (SixOverviewPage, totals_list) },
  { show_section, SIX_OVERVIEW_SECTION_UNANSWERED,
    G_STRUCT_OFFSET (SixOverviewPage, unanswered_list) },
  { show_section, SIX_OVERVIEW_SECTION_TREND, G_STRUCT_OFFSET (SixOverviewPage, trend_list) },
  { show_section, SIX_OVERVIEW_SECTION_DEADLINES,
    G_STRUCT_OFFSET (SixOverviewPage, deadlines_list) },
  { show_section, SIX_OVERVIEW_SECTION_COALITIONS,
    G_STRUCT_OFFSET (SixOverviewPage, coalitions_list) },
  { show_progress, 0, G_STRUCT_OFFSET (SixOverviewPage, progress_label) },
};

#define FIRST_SECTIONS 2

static GtkWidget *
get_section_group (SixOverviewPage *self,
                   guint            section)
{
  GtkWidget *widget = G_STRUCT_MEMBER (GtkWidget *, self, sections[section].widget);

  return gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP);
}

static void
fill_section (SixOverviewPage *self,
              SixOverview     *overview)
{
  guint section = self->n_filled++;

  sections[section].show (self, overview,
                          G_STRUCT_MEMBER (GtkWidget *, self, sections[section].widget),
                          sections[section].facts);
  gtk_widget_set_visible (get_section_group (self, section), TRUE);
}

static void
stop_filling (SixOverviewPage *self)
{
  if (self->fill_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_id);
  self->fill_id = 0;
  gtk_spinner_stop (self->filling_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->filling_spinner), FALSE);
}

static gboolean
fill_next_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  SixOverviewPage *self = SIX_OVERVIEW_PAGE (widget);
  SixOverview *overview = get_overview (self);

  if (gdk_frame_clock_get_frame_counter (frame_clock) <= self->fill_after)
    return G_SOURCE_CONTINUE;

  if (overview != NULL && self->n_filled < G_N_ELEMENTS (sections))
    fill_section (self, overview);

  if (overview != NULL && self->n_filled < G_N_ELEMENTS (sections))
    return G_SOURCE_CONTINUE;

  self->fill_id = 0;
  stop_filling (self);

  return G_SOURCE_REMOVE;
}

/* The report and its tables are of the whole overview, not of the needs read first. */
static void
update_actions (SixOverviewPage *self)
{
  SixOverview *overview = get_overview (self);
  gboolean complete = overview != NULL && six_overview_is_complete (overview);
  static const char * const actions[] = {
    "overview.copy-report", "overview.save-pdf", "overview.save-csv", "overview.save-calendar",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], complete);
}

static void
show_overview (SixOverviewPage *self)
{
  SixOverview *overview = six_live_query_get_snapshot (self->query);
  GdkFrameClock *clock;

  /* The needs read first show only if there are some: a span with none waits for the whole,
   * which knows whether there is anything to show at all. */
  if (overview != NULL && !six_overview_is_complete (overview) &&
      six_overview_get_states (overview)->len == 0)
    return;

  g_set_object (&self->shown, overview);
  stop_filling (self);
  update_actions (self);
  if (overview == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if (six_overview_is_complete (overview) && six_overview_is_empty (overview) &&
      six_overview_get_deadlines (overview)->len == 0 &&
      six_overview_get_coalitions (overview)->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* What the last overview showed below the first sections stays hidden until redrawn. */
  for (guint i = FIRST_SECTIONS; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_set_visible (get_section_group (self, i), FALSE);

  /* The needs read first know the span, not every year: the choices wait for the whole. */
  if (six_overview_is_complete (overview) || self->years->len == 0)
    show_years (self, overview);
  self->n_filled = 0;
  while (self->n_filled < FIRST_SECTIONS)
    fill_section (self, overview);
  gtk_stack_set_visible_child_name (self->stack, "overview");

  gtk_widget_set_visible (GTK_WIDGET (self->filling_spinner), TRUE);
  gtk_spinner_start (self->filling_spinner);
  /* The other sections wait for the whole overview. */
  if (!six_overview_is_complete (overview))
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  self->fill_after = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) + 1 : 0;
  self->fill_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_next_cb, NULL, NULL);
}

static void
set_span (SixOverviewPage *self,
          int              first,
          int              last)
{
  six_overview_query_set_span (self->query, first, last);
}

/* --- callbacks ---------------------------------------------------------------------------- */

static void
on_span_changed_cb (SixOverviewPage *self)
{
  guint first = gtk_drop_down_get_selected (self->first_dropdown);
  guint last = gtk_drop_down_get_selected (self->last_dropdown);

  if (self->updating || self->query == NULL || first >= self->years->len ||
      last >= self->years->len)
    return;

  /* A span runs forwards: moving one end past the other moves both. */
  if (last < first)
    last = first;
  set_span (self, g_array_index (self->years, int, first), g_array_index (self->years, int, last));
}

static void
on_language_changed_cb (SixOverviewPage *self)
{
  SixOverview *overview = get_overview (self);

  if (overview != NULL && six_overview_is_complete (overview))
    show_progress (self, overview, NULL, 0);
}

/* --- actions ------------------------------------------------------------------------------ */

static void
show_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  int year = g_variant_get_int32 (parameter);

  set_span (SIX_OVERVIEW_PAGE (widget), year, year);
}

static void
copy_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SixOverviewPage *self = SIX_OVERVIEW_PAGE (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          gtk_label_get_label (self->progress_label));
  gtk_widget_activate_action (widget, "win.toast", "s", _("Progress report copied"));
}

typedef enum
{
  SAVE_PDF,
  SAVE_CSV,
  SAVE_CALENDAR,
} SaveKind;

typedef struct
{
  SixOverview *overview;
  char        *language;
  SaveKind     kind;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->overview);
  g_free (job->language);
  g_free (job);
}

/* On a worker: the snapshot is immutable, and nothing here touches a widget. */
static gboolean
write_file (gpointer     data,
            const char  *path,
            GError     **error)
{
  SaveJob *job = data;
  g_autofree char *text = NULL;
  GDate today;

  six_overview_get_today (job->overview, &today);
  if (job->kind == SAVE_PDF)
    return six_overview_document_write_pdf (job->overview, job->language, &today, path, error);

  if (job->kind == SAVE_CSV)
    {
      g_autoptr(SixReportTable) table = six_report_build_overview (job->overview);

      text = six_report_table_format (table, SIX_REPORT_FORMAT_CSV);
    }
  else
    text = six_report_deadlines_ics (job->overview);

  return g_file_set_contents (path, text, -1, error);
}

static SaveJob *
save_job_new (SixOverviewPage *self,
              SaveKind         kind)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->overview = g_object_ref (get_overview (self));
  job->language = g_strdup (get_language (self));
  job->kind = kind;

  return job;
}

/* Where a test or the file chooser has decided the file goes. */
void
_six_overview_page_save (SixOverviewPage *self,
                         int              kind,
                         const char      *path)
{
  g_return_if_fail (get_overview (self) != NULL);

  six_file_save (GTK_WIDGET (self), path, write_file, save_job_new (self, kind),
                 (GDestroyNotify) save_job_free);
}

static void
choose_file (SixOverviewPage *self,
             SaveKind         kind,
             const char      *title,
             const char      *name)
{
  if (get_overview (self) == NULL)
    return;

  six_file_choose_and_save (GTK_WIDGET (self), title, name, write_file,
                            save_job_new (self, kind), (GDestroyNotify) save_job_free);
}

static char *
dup_file_name (SixOverviewPage *self,
               const char      *extension)
{
  g_autofree char *span = six_overview_describe_span (get_overview (self));

  /* Translators: a file name, "Cooperation and assistance 2018.pdf" */
  return g_strdup_printf (_("Cooperation and assistance %s.%s"), span, extension);
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SixOverviewPage *self = SIX_OVERVIEW_PAGE (widget);
  g_autofree char *name = get_overview (self) ? dup_file_name (self, "pdf") : NULL;

  choose_file (self, SAVE_PDF, _("Save Progress Report"), name);
}

static void
save_csv_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SixOverviewPage *self = SIX_OVERVIEW_PAGE (widget);
  g_autofree char *name = get_overview (self) ? dup_file_name (self, "csv") : NULL;

  choose_file (self, SAVE_CSV, _("Save Tables"), name);
}

static void
save_calendar_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  /* Translators: a file name */
  choose_file (SIX_OVERVIEW_PAGE (widget), SAVE_CALENDAR, _("Add Deadlines to a Calendar"),
               _("Article Six deadlines.ics"));
}

/* --- object ------------------------------------------------------------------------------- */

/* A new currency or rate: the totals again, and the rates offered for the new currency; the
 * popover is rebuilt only for a new currency, so typing a rate keeps its entry. */
static void
on_conversion_changed_cb (SixOverviewPage *self,
                          const char      *key)
{
  SixOverview *overview = get_overview (self);

  if (overview == NULL || !six_overview_is_complete (overview))
    return;

  show_totals (self, overview);
  if (g_strcmp0 (key, "conversion-currency") == 0)
    show_rates (self, overview, TRUE);
}

static void
on_query_snapshot_changed_cb (SixOverviewPage *self)
{
  show_overview (self);
}

static void
six_overview_page_map (GtkWidget *widget)
{
  SixOverviewPage *self = SIX_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (six_overview_page_parent_class)->map (widget);
  if (self->query != NULL)
    six_live_query_set_active (self->query, TRUE);
}

static void
six_overview_page_unmap (GtkWidget *widget)
{
  SixOverviewPage *self = SIX_OVERVIEW_PAGE (widget);

  if (self->query != NULL)
    six_live_query_set_active (self->query, FALSE);
  GTK_WIDGET_CLASS (six_overview_page_parent_class)->unmap (widget);
}

static void
add_legend_chip (SixOverviewPage *self,
                 SixChartSegment  segment,
                 const char      *label)
{
  SixChartValues values = { .kinds = { segment }, .values = { 1 }, .n_segments = 1 };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *chip = six_chart_bar_new (&values, 1);

  gtk_widget_add_css_class (chip, "legend-chip");
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), chip);
  gtk_box_append (GTK_BOX (box), gtk_label_new (label));
  gtk_box_append (self->legend, box);
}

static void
six_overview_page_dispose (GObject *object)
{
  SixOverviewPage *self = (SixOverviewPage *) object;

  if (self->fill_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_id);
  self->fill_id = 0;
  g_clear_object (&self->query);
  g_clear_object (&self->shown);
  g_clear_object (&self->settings);
  g_clear_object (&self->rate_currencies);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (six_overview_page_parent_class)->dispose (object);
}

static void
six_overview_page_finalize (GObject *object)
{
  SixOverviewPage *self = (SixOverviewPage *) object;

  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (six_overview_page_parent_class)->finalize (object);
}

static void
six_overview_page_class_init (SixOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_overview_page_dispose;
  object_class->finalize = six_overview_page_finalize;
  widget_class->map = six_overview_page_map;
  widget_class->unmap = six_overview_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/six-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, first_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, first_years);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, last_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, last_years);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, seeking_list);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, legend);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, category_list);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, states_list);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, coverage_list);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, totals_list);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, rates_list);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, unanswered_list);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, trend_list);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, deadlines_list);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, coalitions_list);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SixOverviewPage, filling_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_span_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_changed_cb);

  gtk_widget_class_install_action (widget_class, "overview.show-year", "i", show_year_action);
  gtk_widget_class_install_action (widget_class, "overview.copy-report", NULL, copy_report_action);
  gtk_widget_class_install_action (widget_class, "overview.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "overview.save-csv", NULL, save_csv_action);
  gtk_widget_class_install_action (widget_class, "overview.save-calendar", NULL,
                                   save_calendar_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
six_overview_page_init (SixOverviewPage *self)
{
  const char *language = g_get_language_names ()[0];

  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  g_type_ensure (SIX_TYPE_ENTRY_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->rate_currencies = gtk_string_list_new (NULL);
  gtk_list_box_bind_model (self->rates_list, G_LIST_MODEL (self->rate_currencies),
                           create_rate_row, self, NULL);

  update_actions (self);
  add_legend_chip (self, SIX_CHART_SEGMENT_ANSWERED, _("Answered"));
  add_legend_chip (self, SIX_CHART_SEGMENT_PARTLY, _("Partly answered"));
  add_legend_chip (self, SIX_CHART_SEGMENT_UNANSWERED, _("Unanswered"));

  /* The report starts in the user's language where it is one of the Convention's. */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_has_prefix (language, languages[i]))
      gtk_drop_down_set_selected (self->language_dropdown, i);
}

/**
 * six_overview_page_set_query:
 * @query: the page's six_overview_query_new (), which may be reading already: the window
 *   starts reading what the page shown first shows before the page is built
 *
 * The page reads its database through @query only while shown.
 */
void
six_overview_page_set_query (SixOverviewPage *self,
                             SixLiveQuery    *query)
{
  g_return_if_fail (SIX_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (SIX_IS_LIVE_QUERY (query));
  g_return_if_fail (self->query == NULL);

  self->query = g_object_ref (query);
  g_signal_connect_object (self->query, "notify::snapshot",
                           G_CALLBACK (on_query_snapshot_changed_cb), self, G_CONNECT_SWAPPED);
  /* Only the converted rows depend on the rates: shown again as they are typed. */
  g_signal_connect_object (self->settings, "changed::conversion-rates",
                           G_CALLBACK (on_conversion_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::conversion-currency",
                           G_CALLBACK (on_conversion_changed_cb), self, G_CONNECT_SWAPPED);
  six_live_query_set_active (self->query, gtk_widget_get_mapped (GTK_WIDGET (self)));
  if (six_live_query_get_snapshot (self->query) != NULL)
    show_overview (self);
}

/* The overview shown (the needs read first, or the whole), or %NULL before the first read. */
SixOverview *
six_overview_page_get_overview (SixOverviewPage *self)
{
  g_return_val_if_fail (SIX_IS_OVERVIEW_PAGE (self), NULL);

  return get_overview (self);
}
