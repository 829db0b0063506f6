/* six-search-page.c — results of the window's search across every record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-search-page"

#include "config.h"

#include <glib/gi18n.h>

#include "six-display-name.h"
#include "six-labels.h"
#include "six-search-page.h"

/* Wait for a pause in typing before asking the store. */
#define SEARCH_DELAY_MS 150
#define SEARCH_LIMIT 200

struct _SixSearchPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkListView    *results_view;

  /* Owned */
  SixRepository  *repository;
  GListStore     *results;
  GCancellable   *cancellable;
  char           *query;
  guint           timeout_id;
};

G_DEFINE_FINAL_TYPE (SixSearchPage, six_search_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RECORD_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
display_name_cb (gpointer   item,
                 SixRecord *record)
{
  return record != NULL ? six_record_dup_display_name (record) : NULL;
}

static char *
kind_label_cb (gpointer    item,
               const char *kind_name)
{
  return g_strdup (six_kind_label (kind_name));
}

static void
set_state (SixSearchPage *self,
           const char    *state)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), state) == 0)
    return;

  gtk_stack_set_visible_child_name (self->stack, state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SixSearchPage) self = user_data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = six_repository_search_finish (SIX_REPOSITORY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (records == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      g_list_store_remove_all (self->results);
      set_state (self, "error");
      return;
    }

  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       records->pdata, records->len);
  set_state (self, records->len > 0 ? "results" : "no-results");
}

static gboolean
run_search (gpointer user_data)
{
  SixSearchPage *self = user_data;

  self->timeout_id = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->query == NULL || self->repository == NULL)
    {
      g_list_store_remove_all (self->results);
      set_state (self, "empty");
      return G_SOURCE_REMOVE;
    }

  self->cancellable = g_cancellable_new ();
  six_repository_search_async (self->repository, self->query, NULL, SEARCH_LIMIT,
                               self->cancellable, search_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
on_results_view_activate_cb (SixSearchPage *self,
                             guint          position)
{
  g_autoptr(SixRecord) record = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  g_signal_emit (self, signals[RECORD_ACTIVATED], 0, record);
}

static void
six_search_page_dispose (GObject *object)
{
  SixSearchPage *self = (SixSearchPage *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_SEARCH_PAGE);
  g_clear_object (&self->results);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (six_search_page_parent_class)->dispose (object);
}

static void
six_search_page_finalize (GObject *object)
{
  SixSearchPage *self = (SixSearchPage *)object;

  g_free (self->query);

  G_OBJECT_CLASS (six_search_page_parent_class)->finalize (object);
}

static void
six_search_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SixSearchPage *self = SIX_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_string (value, six_search_page_get_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_search_page_class_init (SixSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_search_page_dispose;
  object_class->finalize = six_search_page_finalize;
  object_class->get_property = six_search_page_get_property;

  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "empty",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SixSearchPage::record-activated:
   * @record: the result the user chose
   */
  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, SIX_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SixSearchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SixSearchPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SixSearchPage, results_view);
  gtk_widget_class_bind_template_callback (widget_class, on_results_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, display_name_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_label_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SIX_TYPE_RECORD);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
six_search_page_init (SixSearchPage *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (SIX_TYPE_RECORD);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (selection));
}

void
six_search_page_set_repository (SixSearchPage *self,
                                SixRepository *repository)
{
  g_return_if_fail (SIX_IS_SEARCH_PAGE (self));
  g_return_if_fail (!repository || SIX_IS_REPOSITORY (repository));

  g_set_object (&self->repository, repository);
}

/* An empty or blank query clears the results. */
void
six_search_page_set_query (SixSearchPage *self,
                           const char    *query)
{
  g_autofree char *stripped = g_strstrip (g_strdup (query ? query : ""));

  g_return_if_fail (SIX_IS_SEARCH_PAGE (self));

  g_free (self->query);
  self->query = stripped[0] != '\0' ? g_steal_pointer (&stripped) : NULL;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->query ? SEARCH_DELAY_MS : 0, run_search, self);
}

GListModel *
six_search_page_get_results (SixSearchPage *self)
{
  g_return_val_if_fail (SIX_IS_SEARCH_PAGE (self), NULL);

  return G_LIST_MODEL (self->results);
}

/* "empty", "results", "no-results" or "error". */
const char *
six_search_page_get_state (SixSearchPage *self)
{
  g_return_val_if_fail (SIX_IS_SEARCH_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
