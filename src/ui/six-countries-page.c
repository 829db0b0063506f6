/* six-countries-page.c — every State and area: searched, filtered, sorted, and profiled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-countries-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "six-countries-page.h"
#include "six-country-summary.h"
#include "six-queries.h"
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
  SixLiveQuery        *summary;      /* every State, read on the repository's thread */
  gboolean             summarized;   /* a summary has arrived: an empty list means empty */
};

G_DEFINE_FINAL_TYPE (SixCountriesPage, six_countries_page, GTK_TYPE_WIDGET)

/* The filters' choices, in the order of their drop-downs (the first is "any"). */
static const char * const statuses[] = { NULL, "party", "signatory", "not_party", "withdrawn" };
static const char * const regions[] = {
  NULL, "africa", "americas", "asia", "europe", "middle_east", "pacific"
};
static const char * const articles[] = { NULL, "art3", "art4", "art5" };
static const guint deadline_months[] = { 0, 6, 12, 24 };

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

  /* Until the first summary, the States would show without their figures. */
  if (!self->summarized)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
      return;
    }

  empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;
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

/* Brings the entries in line with a summary, in place, so selection and scroll survive. */
static void
apply_summary (SixCountriesPage  *self,
               SixCountrySummary *summary)
{
  GPtrArray *countries = six_country_summary_get_countries (summary);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  GDate today;

  six_date_get_today (&today);
  for (guint i = 0; i < countries->len; i++)
    {
      SixRecord *country = countries->pdata[i];
      const char *id = six_record_get_id (country);
      SixCountryEntry *entry = g_hash_table_lookup (self->by_id, id);

      if (entry == NULL)
        {
          entry = six_country_entry_new (id);
          g_hash_table_insert (self->by_id, g_strdup (id), entry);
          g_ptr_array_add (added, g_object_ref (entry));
        }
      six_country_entry_update (entry, country, six_country_summary_get_obligations (summary, id),
                                six_country_summary_get_extensions (summary),
                                six_country_summary_get_request_years (summary, id),
                                six_country_summary_in_coalition (summary, id), &today);
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

  update_years (self, six_country_summary_get_years (summary));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
  self->summarized = TRUE;
  update_list_stack (self);
  if (gtk_single_selection_get_selected_item (self->selection) == NULL &&
      six_country_profile_get_country_id (self->profile) != NULL)
    select_shown_country (self, six_country_profile_get_country_id (self->profile));
}

static void
on_query_snapshot_changed_cb (SixCountriesPage *self)
{
  SixCountrySummary *summary = six_live_query_get_snapshot (self->summary);

  if (summary != NULL)
    apply_summary (self, summary);
}

/* --- cells and sorting --------------------------------------------------------------- */

/* GTK 4.8 names a column view's row after its type ("GtkListItemWidget") for screen readers:
 * the row, the name cell's parent, is named by the country, once the cell is in its row and
 * whenever the row shows another. */
static void
on_name_label_changed_cb (GtkLabel *label)
{
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (label));
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;

  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_label_get_label (label), -1);
}

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
  /* A long name is cut at the column's edge: its tooltip reads it whole. */
  gtk_expression_bind (gtk_expression_ref (expression), label, "tooltip-text", item);
  if (g_str_equal (property, "name"))
    {
      g_signal_connect (label, "map", G_CALLBACK (on_name_label_changed_cb), NULL);
      g_signal_connect (label, "notify::label", G_CALLBACK (on_name_label_changed_cb), NULL);
    }
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
  else
    gtk_widget_activate_action (widget, "win.toast", "s",
                                _("Choose a State first: its profile is what prints"));
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

  g_clear_object (&self->summary);
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
  GtkWidget *headings;

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
  /* The headings' row, the column view's first child, is named after its type too. */
  headings = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (headings), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Column Headings"), -1);

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
  self->summary = six_country_summary_query_new (repository);
  g_signal_connect_object (self->summary, "notify::snapshot",
                           G_CALLBACK (on_query_snapshot_changed_cb), self, G_CONNECT_SWAPPED);
  /* Always read: other pages narrow this list or open a State in it while it is hidden. */
  six_live_query_set_active (self->summary, TRUE);
  six_country_profile_set_repository (self->profile, repository);
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

  return self->summary != NULL && six_live_query_is_loading (self->summary);
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
