/* six-countries-page.c — every State and area: searched, filtered, sorted, and profiled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-countries-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "six-countries-page.h"
#include "six-country-entry.h"
#include "six-country-profile.h"
#include "six-profile.h"

struct _SixCountriesPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *deadline_column;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *region_dropdown;
  GtkDropDown         *article_dropdown;
  GtkDropDown         *requested_dropdown;
  GtkStringList       *requested_years;
  GtkDropDown         *deadline_dropdown;
  GtkCheckButton      *coalition_check;
  GtkRevealer         *only_revealer;
  GtkLabel            *only_label;
  GtkWidget           *detail_pane;
  GtkStack            *detail_stack;
  SixCountryProfile   *profile;

  /* Owned */
  SixRepository       *repository;
  GListStore          *entries;      /* SixCountryEntry, one per live country */
  GHashTable          *by_id;        /* id → SixCountryEntry */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  GArray              *years;        /* int: the requested_dropdown's choices after the first */
  char                *query;        /* the search text, accents removed */
  GHashTable          *only;         /* ids: the list is narrowed to these States, or NULL */
  GCancellable        *summarizing;  /* the summary being read on the repository's thread */
  gboolean             summarized;   /* a summary has arrived: an empty list means empty */
  guint                rebuild_id;
};

G_DEFINE_FINAL_TYPE (SixCountriesPage, six_countries_page, GTK_TYPE_WIDGET)

/* The filters' choices, in the order of their drop-downs (the first is "any"). */
static const char * const statuses[] = { NULL, "party", "signatory", "not_party", "withdrawn" };
static const char * const regions[] = {
  NULL, "africa", "americas", "asia", "europe", "middle_east", "pacific"
};
static const char * const articles[] = { NULL, "art3", "art4", "art5" };
static const guint deadline_months[] = { 0, 6, 12, 24 };

static const char * const watched_kinds[] = {
  "country", "obligation", "assistance_request", "article7_report", "coalition",
  "coalition_member", NULL
};

static const char *
choice (GtkDropDown        *dropdown,
        const char * const *values,
        guint               n_values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected < n_values ? values[selected] : NULL;
}

static int
get_requested_in (SixCountriesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->requested_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return -1;
  if (selected == 1)
    return 0;

  return selected - 2 < self->years->len ? g_array_index (self->years, int, selected - 2) : -1;
}

static gboolean
filter_entry (gpointer item,
              gpointer user_data)
{
  SixCountriesPage *self = user_data;
  guint deadline = gtk_drop_down_get_selected (self->deadline_dropdown);
  GDate today;
  SixCountryFilter filter = {
    .query = self->query,
    .status = choice (self->status_dropdown, statuses, G_N_ELEMENTS (statuses)),
    .region = choice (self->region_dropdown, regions, G_N_ELEMENTS (regions)),
    .article = choice (self->article_dropdown, articles, G_N_ELEMENTS (articles)),
    .requested_in = get_requested_in (self),
    .in_coalition = gtk_check_button_get_active (self->coalition_check),
    .deadline_months = deadline < G_N_ELEMENTS (deadline_months) ? deadline_months[deadline] : 0,
    .today = &today,
  };

  six_date_get_today (&today);

  if (self->only != NULL &&
      !g_hash_table_contains (self->only, six_country_entry_get_id (SIX_COUNTRY_ENTRY (item))))
    return FALSE;

  return six_country_entry_matches (item, &filter);
}

static void
update_list_stack (SixCountriesPage *self)
{
  gboolean empty;

  if (self->repository == NULL)
    return;

  empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0 && self->summarized;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

static void
on_filter_changed_cb (SixCountriesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->query, g_free);
  /* Accents typed or not, "Démocratique" and "democratique" find the same States. */
  self->query = g_str_to_ascii (text, "C");
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_stack (self);
}

/* --- folding the lists into entries -------------------------------------------------- */

static void
add_to_group (GHashTable *groups,
              const char *key,
              SixRecord  *record)
{
  GPtrArray *group = g_hash_table_lookup (groups, key);

  if (group == NULL)
    {
      group = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (groups, g_strdup (key), group);
    }
  g_ptr_array_add (group, g_object_ref (record));
}

/* The live records of @kind_name grouped by the country named in @field, or NULL. */
static GHashTable *
group_by_country (SixDb       *db,
                  const char  *kind_name,
                  const char  *field,
                  GError     **error)
{
  g_autoptr(GPtrArray) records = six_db_list_records (db, six_kind_lookup (kind_name), FALSE,
                                                      FALSE, error);
  GHashTable *groups;

  if (records == NULL)
    return NULL;

  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                  (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < records->len; i++)
    {
      const char *country = six_record_get_string (records->pdata[i], field);

      if (country != NULL)
        add_to_group (groups, country, records->pdata[i]);
    }

  return groups;
}

static void
add_year (GHashTable *years,
          const char *country,
          int         year)
{
  GArray *list = g_hash_table_lookup (years, country);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (int));
      g_hash_table_insert (years, g_strdup (country), list);
    }
  for (guint i = 0; i < list->len; i++)
    if (g_array_index (list, int, i) == year)
      return;
  g_array_append_val (list, year);
}

static int
compare_ints_desc (gconstpointer a,
                   gconstpointer b)
{
  return *(const int *) b - *(const int *) a;
}

/* country → years it asked for help: in a request, or in an Article 7 report. */
static GHashTable *
collect_request_years (SixDb    *db,
                       GArray   *all_years,
                       GError  **error)
{
  g_autoptr(GHashTable) requests = group_by_country (db, "assistance_request", "country", error);
  g_autoptr(GHashTable) reports = NULL;
  GHashTable *years;
  GHashTableIter iter;
  const char *country;
  GPtrArray *group;
  GArray *list;

  if (requests == NULL ||
      (reports = group_by_country (db, "article7_report", "country", error)) == NULL)
    return NULL;

  years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);

  g_hash_table_iter_init (&iter, requests);
  while (g_hash_table_iter_next (&iter, (gpointer *) &country, (gpointer *) &group))
    for (guint i = 0; i < group->len; i++)
      add_year (years, country, (int) six_record_get_int (group->pdata[i], "year", 0));

  g_hash_table_iter_init (&iter, reports);
  while (g_hash_table_iter_next (&iter, (gpointer *) &country, (gpointer *) &group))
    for (guint i = 0; i < group->len; i++)
      if (six_record_get_boolean (group->pdata[i], "requested_assistance"))
        add_year (years, country, (int) six_record_get_int (group->pdata[i], "year", 0));

  /* Every year anyone asked in, newest first, for the filter's choices. */
  g_hash_table_iter_init (&iter, years);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &list))
    for (guint i = 0; i < list->len; i++)
      {
        int year = g_array_index (list, int, i);
        guint j;

        for (j = 0; j < all_years->len && g_array_index (all_years, int, j) != year; j++)
          ;
        if (j == all_years->len)
          g_array_append_val (all_years, year);
      }
  g_array_sort (all_years, compare_ints_desc);

  return years;
}

static GHashTable *
collect_coalition_countries (SixDb   *db,
                             GError **error)
{
  g_autoptr(GHashTable) led = group_by_country (db, "coalition", "lead", error);
  g_autoptr(GHashTable) members = NULL;
  GHashTable *countries;
  GHashTableIter iter;
  const char *id;

  if (led == NULL ||
      (members = group_by_country (db, "coalition_member", "member", error)) == NULL)
    return NULL;

  countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_iter_init (&iter, led);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_hash_table_add (countries, g_strdup (id));
  g_hash_table_iter_init (&iter, members);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_hash_table_add (countries, g_strdup (id));

  return countries;
}

/* The year filter offers the years present; the chosen year stays chosen. */
static void
update_years (SixCountriesPage *self,
              GArray           *years)
{
  int chosen = get_requested_in (self);
  guint position = chosen == 0 ? 1 : 0;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->requested_years)) > 0 &&
      years->len == self->years->len &&
      (years->len == 0 || memcmp (years->data, self->years->data, years->len * sizeof (int)) == 0))
    return;

  g_ptr_array_add (labels, g_strdup (_("Any or None")));
  g_ptr_array_add (labels, g_strdup (_("In Any Year")));
  for (guint i = 0; i < years->len; i++)
    {
      int year = g_array_index (years, int, i);

      /* Translators: a filter's choice: States that asked for assistance in this year */
      g_ptr_array_add (labels, g_strdup_printf (_("In %d"), year));
      if (year == chosen)
        position = i + 2;
    }
  g_ptr_array_add (labels, NULL);

  g_array_set_size (self->years, 0);
  g_array_append_vals (self->years, years->data, years->len);
  gtk_string_list_splice (self->requested_years, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->requested_years)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->requested_dropdown, position);
}

/* The list follows a profile opened from elsewhere, when the filters show it. */
static void
select_shown_country (SixCountriesPage *self,
                      const char       *id)
{
  GListModel *shown = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(SixCountryEntry) entry = g_list_model_get_item (shown, i);

      if (g_strcmp0 (six_country_entry_get_id (entry), id) == 0)
        {
          GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));

          gtk_single_selection_set_selected (self->selection, i);
          /* The column view scrolls through the list view inside it. */
          for (; child != NULL; child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_LIST_VIEW (child))
              gtk_widget_activate_action (child, "list.scroll-to-item", "u", i);
          return;
        }
    }
}

/* What the list needs of every State, read on the repository's thread. */
typedef struct
{
  GPtrArray  *countries;     /* SixRecord, live */
  GHashTable *obligations;   /* country id → GPtrArray of obligation */
  GHashTable *years;         /* country id → GArray of the years it asked for help */
  GArray     *all_years;     /* every such year, newest first */
  GHashTable *in_coalition;  /* country ids that lead or belong to a coalition */
} Summary;

static void
summary_free (Summary *summary)
{
  g_clear_pointer (&summary->countries, g_ptr_array_unref);
  g_clear_pointer (&summary->obligations, g_hash_table_unref);
  g_clear_pointer (&summary->years, g_hash_table_unref);
  g_clear_pointer (&summary->all_years, g_array_unref);
  g_clear_pointer (&summary->in_coalition, g_hash_table_unref);
  g_free (summary);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Summary, summary_free)

static gpointer
summarize (SixDb         *db,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(Summary) summary = g_new0 (Summary, 1);

  summary->all_years = g_array_new (FALSE, FALSE, sizeof (int));
  summary->countries = six_db_list_records (db, six_kind_lookup ("country"), FALSE, FALSE, error);
  if (summary->countries == NULL ||
      (summary->obligations = group_by_country (db, "obligation", "country", error)) == NULL ||
      (summary->years = collect_request_years (db, summary->all_years, error)) == NULL ||
      (summary->in_coalition = collect_coalition_countries (db, error)) == NULL)
    return NULL;

  return g_steal_pointer (&summary);
}

/* Brings the entries in line with a summary, in place, so selection and scroll survive. */
static void
apply_summary (SixCountriesPage *self,
               Summary          *summary)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  GDate today;

  six_date_get_today (&today);
  for (guint i = 0; i < summary->countries->len; i++)
    {
      SixRecord *country = summary->countries->pdata[i];
      const char *id = six_record_get_id (country);
      SixCountryEntry *entry = g_hash_table_lookup (self->by_id, id);

      if (entry == NULL)
        {
          entry = six_country_entry_new (id);
          g_hash_table_insert (self->by_id, g_strdup (id), entry);
          g_ptr_array_add (added, g_object_ref (entry));
        }
      six_country_entry_update (entry, country, g_hash_table_lookup (summary->obligations, id),
                                g_hash_table_lookup (summary->years, id),
                                g_hash_table_contains (summary->in_coalition, id), &today);
      g_hash_table_add (seen, (gpointer) six_country_entry_get_id (entry));
    }

  /* Countries gone (deleted, or an undone import) leave the list. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i > 0; i--)
    {
      g_autoptr(SixCountryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i - 1);

      if (!g_hash_table_contains (seen, six_country_entry_get_id (entry)))
        {
          g_hash_table_remove (self->by_id, six_country_entry_get_id (entry));
          g_list_store_remove (self->entries, i - 1);
        }
    }
  g_list_store_splice (self->entries, g_list_model_get_n_items (G_LIST_MODEL (self->entries)), 0,
                       added->pdata, added->len);

  update_years (self, summary->all_years);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
  self->summarized = TRUE;
  update_list_stack (self);
  if (gtk_single_selection_get_selected_item (self->selection) == NULL &&
      six_country_profile_get_country_id (self->profile) != NULL)
    select_shown_country (self, six_country_profile_get_country_id (self->profile));
}

static void
summarized_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SixCountriesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Summary) summary = six_repository_run_finish (SIX_REPOSITORY (object), result, &error);

  /* A summary already being read when the data changed again still answers: for old data. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  g_clear_object (&self->summarizing);
  if (summary == NULL)
    {
      g_warning ("Reading the list of States: %s", error->message);
      return;
    }

  apply_summary (self, summary);
}

static gboolean
rebuild (gpointer user_data)
{
  SixCountriesPage *self = user_data;

  self->rebuild_id = 0;
  g_cancellable_cancel (self->summarizing);
  g_clear_object (&self->summarizing);
  self->summarizing = g_cancellable_new ();
  six_repository_run_async (self->repository, summarize, NULL, NULL,
                            (GDestroyNotify) summary_free, self->summarizing, summarized_cb,
                            g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (SixCountriesPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild, self, NULL);
}

/* --- cells and sorting --------------------------------------------------------------- */

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  const char               *property)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkExpression *expression;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  expression = gtk_property_expression_new (SIX_TYPE_COUNTRY_ENTRY,
                                            gtk_property_expression_new (GTK_TYPE_LIST_ITEM,
                                                                         NULL, "item"),
                                            property);
  gtk_expression_bind (expression, label, "label", item);
  gtk_list_item_set_child (item, label);
}

static void
set_column (GtkColumnViewColumn *column,
            const char          *property,
            GtkSorter           *sorter)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), (gpointer) property);
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (factory);
  g_object_unref (sorter);
}

static GtkSorter *
new_string_sorter (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SIX_TYPE_COUNTRY_ENTRY,
                                                                         NULL, property)));
}

/* Sooner deadlines first; States without one after all the others. */
static int
compare_deadlines (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const char *da = six_country_entry_get_deadline ((SixCountryEntry *) a);
  const char *db = six_country_entry_get_deadline ((SixCountryEntry *) b);

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);

  return g_strcmp0 (da, db);
}

/* --- choosing a country -------------------------------------------------------------- */

static void
show_country (SixCountriesPage *self,
              const char       *id,
              gboolean          navigate)
{
  six_country_profile_set_country_id (self->profile, id);
  if (id != NULL)
    select_shown_country (self, id);
  gtk_stack_set_visible_child_name (self->detail_stack, id != NULL ? "profile" : "none");
  if (navigate)
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
on_column_view_activate_cb (SixCountriesPage *self,
                            guint             position)
{
  g_autoptr(SixCountryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                            position);

  if (entry != NULL)
    show_country (self, six_country_entry_get_id (entry), TRUE);
}

/* Moving through the list with the keyboard shows each profile beside it. */
static void
on_selection_changed_cb (SixCountriesPage *self)
{
  SixCountryEntry *entry = gtk_single_selection_get_selected_item (self->selection);

  if (entry != NULL && !adw_leaflet_get_folded (self->leaflet))
    show_country (self, six_country_entry_get_id (entry), FALSE);
}

/* Enter in the search entry opens the first match. */
static void
on_search_entry_activate_cb (SixCountriesPage *self)
{
  g_autoptr(SixCountryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);

  if (entry != NULL)
    show_country (self, six_country_entry_get_id (entry), TRUE);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  adw_leaflet_navigate (SIX_COUNTRIES_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SixCountriesPage *self = SIX_COUNTRIES_PAGE (widget);

  if (six_country_profile_get_country_id (self->profile) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->profile), "profile.print", NULL);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SixCountriesPage *self = SIX_COUNTRIES_PAGE (widget);

  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->region_dropdown, 0);
  gtk_drop_down_set_selected (self->article_dropdown, 0);
  gtk_drop_down_set_selected (self->requested_dropdown, 0);
  gtk_drop_down_set_selected (self->deadline_dropdown, 0);
  gtk_check_button_set_active (self->coalition_check, FALSE);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  six_countries_page_show_only (SIX_COUNTRIES_PAGE (widget), NULL, NULL);
}

/* --- object -------------------------------------------------------------------------- */

static void
six_countries_page_dispose (GObject *object)
{
  SixCountriesPage *self = (SixCountriesPage *) object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_cancellable_cancel (self->summarizing);
  g_clear_object (&self->summarizing);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->only, g_hash_table_unref);
  /* Taking the list apart changes its selection: nothing to show any more. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_COUNTRIES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->by_id, g_hash_table_unref);

  G_OBJECT_CLASS (six_countries_page_parent_class)->dispose (object);
}

static void
six_countries_page_finalize (GObject *object)
{
  SixCountriesPage *self = (SixCountriesPage *) object;

  g_clear_pointer (&self->years, g_array_unref);
  g_free (self->query);

  G_OBJECT_CLASS (six_countries_page_parent_class)->finalize (object);
}

static void
six_countries_page_class_init (SixCountriesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_countries_page_dispose;
  object_class->finalize = six_countries_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-countries-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, deadline_column);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, article_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, requested_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, requested_years);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, deadline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, coalition_check);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, only_revealer);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, only_label);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SixCountriesPage, profile);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "countries.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "countries.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "countries.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "countries.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "countries.print", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SIX_TYPE_COUNTRY_PROFILE);
}

static void
six_countries_page_init (SixCountriesPage *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;

  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));

  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->entries = g_list_store_new (SIX_TYPE_COUNTRY_ENTRY);
  self->filter = gtk_custom_filter_new (filter_entry, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->entries)),
                                              g_object_ref (GTK_FILTER (self->filter)));

  set_column (self->name_column, "name", new_string_sorter ("name"));
  set_column (self->status_column, "status-label", new_string_sorter ("status-label"));
  set_column (self->deadline_column, "deadline-text",
              GTK_SORTER (gtk_custom_sorter_new (compare_deadlines, NULL, NULL)));

  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  update_years (self, self->years);
}

/* Once: the page reads from this repository's lists for as long as it lives. */
void
six_countries_page_set_repository (SixCountriesPage *self,
                                   SixRepository    *repository)
{
  g_return_if_fail (SIX_IS_COUNTRIES_PAGE (self));
  g_return_if_fail (!repository || SIX_IS_REPOSITORY (repository));
  g_return_if_fail (self->repository == NULL);

  if (repository == NULL)
    return;

  self->repository = g_object_ref (repository);
  six_repository_connect_changed (repository, watched_kinds, G_CALLBACK (schedule_rebuild), self);
  six_country_profile_set_repository (self->profile, repository);
  schedule_rebuild (self);
}

/* What the user would type in the search entry. */
void
six_countries_page_set_query (SixCountriesPage *self,
                              const char       *query)
{
  g_return_if_fail (SIX_IS_COUNTRIES_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query != NULL ? query : "");
  on_filter_changed_cb (self);
}

void
six_countries_page_open_country (SixCountriesPage *self,
                                 const char       *id)
{
  g_return_if_fail (SIX_IS_COUNTRIES_PAGE (self));
  g_return_if_fail (id != NULL);

  show_country (self, id, TRUE);
}

/* The States shown, in the order shown. */
GListModel *
six_countries_page_get_shown (SixCountriesPage *self)
{
  g_return_val_if_fail (SIX_IS_COUNTRIES_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

SixCountryProfile *
six_countries_page_get_profile (SixCountriesPage *self)
{
  g_return_val_if_fail (SIX_IS_COUNTRIES_PAGE (self), NULL);

  return self->profile;
}

gboolean
six_countries_page_is_updating (SixCountriesPage *self)
{
  g_return_val_if_fail (SIX_IS_COUNTRIES_PAGE (self), FALSE);

  return self->rebuild_id != 0 || self->summarizing != NULL;
}

/**
 * six_countries_page_show_only:
 * @title: (nullable): what the States have in common, "States that sought victim assistance
 *   in 2018", shown above the list
 * @ids: (nullable) (array zero-terminated=1): the States to list, or %NULL for all again
 *
 * Narrows the list to the States behind a figure elsewhere (the Overview's), with the other
 * filters and the search cleared so that exactly those show.
 */
void
six_countries_page_show_only (SixCountriesPage   *self,
                              const char         *title,
                              const char * const *ids)
{
  g_return_if_fail (SIX_IS_COUNTRIES_PAGE (self));

  g_clear_pointer (&self->only, g_hash_table_unref);
  if (ids != NULL)
    {
      self->only = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; ids[i] != NULL; i++)
        g_hash_table_add (self->only, g_strdup (ids[i]));
      gtk_widget_activate_action (GTK_WIDGET (self), "countries.clear-filters", NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
    }

  gtk_label_set_label (self->only_label, title != NULL ? title : "");
  gtk_revealer_set_reveal_child (self->only_revealer, ids != NULL);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_stack (self);
}
