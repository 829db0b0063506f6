/* six-actions-page.c — the Dubrovnik and Lausanne Action Plans, browsed and followed up
 *
 * Data flows one way: the repository's live lists (actions, sections, tracking, activities)
 * and the page's own state (plan, query, filters) are folded into one list of entries,
 * section headings between actions. Entries live as long as the page and follow their
 * records in place; only the stretch of the list that changed is spliced, so scrolling,
 * focus and selection survive an edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-actions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "six-action-entry.h"
#include "six-action-row.h"
#include "six-actions-page.h"
#include "six-property.h"

#define SEARCH_LIMIT 500

static const char * const watched_kinds[] = {
  "action", "plan_section", "action_tracking", "activity", NULL
};
static const char * const searched_kinds[] = { "action", "action_tracking", NULL };

struct _SixActionsPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkWidget          *unverified_banner;
  GtkLabel           *unverified_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *error_page;
  GtkWidget          *detail_pane;
  SixActionDetail    *detail;

  /* Owned */
  SixRepository      *repository;
  GListStore         *entries;     /* SixActionEntry, as shown */
  GtkSingleSelection *selection;
  GHashTable         *by_id;       /* action or section id → SixActionEntry */
  GHashTable         *matches;     /* action ids matching the query; NULL: no query */
  char               *query;       /* the query asked, stripped; NULL: none */
  GCancellable       *cancellable;
  char               *plan;
  char               *status;      /* the tracking status shown; "" for any */
  gboolean            open_only;
  gboolean            unverified_only;
  gboolean            searching;
  guint               rebuild_id;
};

G_DEFINE_FINAL_TYPE (SixActionsPage, six_actions_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_STATUS_FILTER,
  PROP_OPEN_ONLY,
  PROP_UNVERIFIED_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListModel *
list_of (SixActionsPage *self,
         const char     *kind_name)
{
  return six_repository_list (self->repository, six_kind_lookup (kind_name));
}

/* --- folding the lists into entries -------------------------------------------------- */

typedef struct
{
  SixRecord *action;
  SixRecord *section;   /* nullable */
} Line;

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const Line *la = a, *lb = b;
  int by_plan = g_strcmp0 (six_record_get_string (la->action, "plan"),
                           six_record_get_string (lb->action, "plan"));
  gint64 sa = la->section != NULL ? six_record_get_int (la->section, "position", 0) : G_MAXINT64;
  gint64 sb = lb->section != NULL ? six_record_get_int (lb->section, "position", 0) : G_MAXINT64;
  gint64 pa = six_record_get_int (la->action, "position", 0);
  gint64 pb = six_record_get_int (lb->action, "position", 0);

  if (by_plan != 0)
    return by_plan;
  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (pa != pb)
    return pa < pb ? -1 : 1;

  return strcmp (six_record_get_id (la->action), six_record_get_id (lb->action));
}

/* Actions with an activity still to do: one that names the action, or that the action's
 * follow-up links to. */
static GHashTable *
collect_open_follow_ups (SixActionsPage *self)
{
  GListModel *activities = list_of (self, "activity");
  GListModel *tracking = list_of (self, "action_tracking");
  GHashTable *open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) open_activities = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(SixRecord) activity = g_list_model_get_item (activities, i);
      const char *status = six_record_get_string (activity, "status");
      GVariant *actions = six_record_get_value (activity, "actions");
      g_autofree const char **ids = actions != NULL ? g_variant_get_strv (actions, NULL) : NULL;

      if (g_strcmp0 (status, "done") == 0 || g_strcmp0 (status, "cancelled") == 0)
        continue;

      g_hash_table_add (open_activities, (gpointer) six_record_get_id (activity));
      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        g_hash_table_add (open, g_strdup (ids[k]));
    }

  for (guint i = 0; i < g_list_model_get_n_items (tracking); i++)
    {
      g_autoptr(SixRecord) record = g_list_model_get_item (tracking, i);
      GVariant *links = six_record_get_value (record, "links");
      g_autofree const char **ids = links != NULL ? g_variant_get_strv (links, NULL) : NULL;

      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        if (g_hash_table_contains (open_activities, ids[k]))
          g_hash_table_add (open, g_strdup (six_record_get_string (record, "action")));
    }

  return open;
}

static SixRecord *
find_record (SixActionsPage *self,
             const char     *kind_name,
             const char     *id)
{
  return six_repository_lookup (self->repository, six_kind_lookup (kind_name), id);
}

static gboolean
line_is_shown (SixActionsPage *self,
               SixRecord      *action,
               SixRecord      *tracking,
               GHashTable     *open)
{
  const char *id = six_record_get_id (action);
  const char *status = tracking != NULL ? six_record_get_string (tracking, "status") : NULL;

  /* A search keeps to the plan the switch shows, as the list does. */
  if (self->matches != NULL && !g_hash_table_contains (self->matches, id))
    return FALSE;
  if (g_strcmp0 (six_record_get_string (action, "plan"), self->plan) != 0)
    return FALSE;

  if (self->unverified_only && six_record_get_boolean (action, "verified"))
    return FALSE;
  if (self->open_only && !g_hash_table_contains (open, id))
    return FALSE;
  if (self->status[0] != '\0' && g_strcmp0 (status ? status : "not_started", self->status) != 0)
    return FALSE;

  return TRUE;
}

static SixActionEntry *
entry_for (SixActionsPage *self,
           const char     *id,
           gboolean        is_action)
{
  SixActionEntry *entry = g_hash_table_lookup (self->by_id, id);

  if (entry == NULL)
    {
      entry = is_action ? six_action_entry_new_action (id) : six_action_entry_new_heading (id);
      g_hash_table_insert (self->by_id, g_strdup (id), entry);
    }

  return entry;
}

/* The entries to show, in order, each heading before its section's first action;
 * @n_unverified: (out): how many actions of the plan shown have no verified text */
static GPtrArray *
fold_entries (SixActionsPage *self,
              guint          *n_unverified)
{
  GListModel *actions = list_of (self, "action");
  g_autoptr(GHashTable) open = collect_open_follow_ups (self);
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  GPtrArray *entries = g_ptr_array_new ();
  const char *last_section = NULL;

  *n_unverified = 0;
  g_array_set_clear_func (lines, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(SixRecord) action = g_list_model_get_item (actions, i);
      g_autoptr(SixRecord) tracking = find_record (self, "action_tracking",
                                                   six_record_get_id (action));
      Line line;

      *n_unverified += !six_record_get_boolean (action, "verified") &&
                       g_strcmp0 (six_record_get_string (action, "plan"), self->plan) == 0;

      six_action_entry_update (entry_for (self, six_record_get_id (action), TRUE),
                               action, tracking);
      if (!line_is_shown (self, action, tracking, open))
        continue;

      line.action = g_steal_pointer (&action);
      line.section = find_record (self, "plan_section",
                                  six_record_get_string (line.action, "section"));
      g_array_append_val (lines, line);
    }

  g_array_sort (lines, compare_lines);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      const char *plan = six_record_get_string (line->action, "plan");
      g_autofree char *section_key = g_strdup_printf ("%s/%s", plan,
                                                      line->section != NULL
                                                      ? six_record_get_id (line->section) : "");

      if (g_strcmp0 (last_section, section_key) != 0)
        {
          SixActionEntry *heading = entry_for (self, section_key, FALSE);

          six_action_entry_update_heading (heading,
                                           line->section != NULL
                                           ? six_record_get_string (line->section, "title")
                                           : _("Other actions"),
                                           g_strcmp0 (plan, "dap") == 0 ? _("DAP") : _("LAP"));
          g_ptr_array_add (entries, heading);
          last_section = six_action_entry_get_id (heading);
        }

      g_ptr_array_add (entries, g_hash_table_lookup (self->by_id,
                                                     six_record_get_id (line->action)));
      g_object_unref (line->action);
      g_clear_object (&line->section);
    }

  return entries;
}

/* Replace only the stretch between the unchanged head and tail. */
static void
splice_entries (SixActionsPage *self,
                GPtrArray      *wanted)
{
  GListModel *model = G_LIST_MODEL (self->entries);
  guint n_old = g_list_model_get_n_items (model);
  guint head = 0, tail = 0;

  while (head < n_old && head < wanted->len)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, head);

      if (item != wanted->pdata[head])
        break;
      head++;
    }

  while (tail < n_old - head && tail < wanted->len - head)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, n_old - 1 - tail);

      if (item != wanted->pdata[wanted->len - 1 - tail])
        break;
      tail++;
    }

  if (head == n_old && head == wanted->len)
    return;

  g_list_store_splice (self->entries, head, n_old - head - tail,
                       wanted->pdata + head, wanted->len - head - tail);
}

static void
select_shown_action (SixActionsPage *self)
{
  const char *id = six_action_detail_get_action_id (self->detail);
  SixActionEntry *entry = id != NULL ? g_hash_table_lookup (self->by_id, id) : NULL;
  guint position;

  if (entry != NULL && g_list_store_find (self->entries, entry, &position))
    gtk_single_selection_set_selected (self->selection, position);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* Once per plan, not a badge on every row: how many actions still lack a verified text. */
static void
show_unverified (SixActionsPage *self,
                 guint           n_unverified)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->unverified_banner,
                          self->matches == NULL && (n_unverified > 0 || self->unverified_only));
  if (n_unverified == 0)
    return;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u action of this plan has no verified text yet: open "
                                       "it to complete it from the official text.",
                                       "%u actions of this plan have no verified text yet: "
                                       "open one to complete it from the official text.",
                                       n_unverified),
                          n_unverified);
  gtk_label_set_text (self->unverified_label, text);
}

static gboolean
rebuild (gpointer user_data)
{
  SixActionsPage *self = user_data;
  g_autoptr(GPtrArray) wanted = NULL;
  const GError *error;
  guint n_unverified;

  self->rebuild_id = 0;
  if (self->repository == NULL)
    return G_SOURCE_REMOVE;

  error = six_record_list_get_error (SIX_RECORD_LIST (list_of (self, "action")));
  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      return G_SOURCE_REMOVE;
    }

  wanted = fold_entries (self, &n_unverified);
  show_unverified (self, n_unverified);
  splice_entries (self, wanted);
  select_shown_action (self);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    wanted->len > 0 ? "list"
                                    : six_record_list_is_loading (SIX_RECORD_LIST (
                                        list_of (self, "action"))) ? "loading"
                                    : "empty");

  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (SixActionsPage *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT, rebuild, self, NULL);
}

/* --- search -------------------------------------------------------------------------- */

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SixActionsPage) self = user_data;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = six_repository_search_finish (SIX_REPOSITORY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->matches, g_hash_table_unref);
  self->matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (records == NULL)
    g_warning ("Searching actions: %s", error->message);

  /* A match in the coordinator's notes finds the action they follow. */
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      SixRecord *record = records->pdata[i];
      const char *id = strcmp (six_record_get_kind_name (record), "action") == 0
                       ? six_record_get_id (record)
                       : six_record_get_string (record, "action");

      if (id != NULL)
        g_hash_table_add (self->matches, g_strdup (id));
    }

  schedule_rebuild (self);
  self->searching = FALSE;
}

static void
run_search (SixActionsPage *self,
            const char     *text)
{
  g_autofree char *query = g_strstrip (g_strdup (text));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->query, g_free);

  if (query[0] == '\0' || self->repository == NULL)
    {
      g_clear_pointer (&self->matches, g_hash_table_unref);
      self->searching = FALSE;
      schedule_rebuild (self);
      return;
    }

  self->query = g_steal_pointer (&query);
  self->searching = TRUE;
  self->cancellable = g_cancellable_new ();
  six_repository_search_async (self->repository, self->query, searched_kinds, SEARCH_LIMIT,
                               self->cancellable, search_cb, g_object_ref (self));
}

/* The entry reports a pause in typing, also after six_actions_page_set_query () asked. */
static void
on_search_entry_search_changed_cb (SixActionsPage *self,
                                   GtkSearchEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_strcmp0 (text[0] != '\0' ? text : NULL, self->query) != 0)
    run_search (self, text);
}

/* An edit can make an action match the query, or stop matching it: ask again. */
static void
on_lists_changed_cb (SixActionsPage *self)
{
  if (self->query != NULL)
    {
      g_autofree char *query = g_strdup (self->query);

      run_search (self, query);
    }
  else
    schedule_rebuild (self);
}

/* --- drawing ------------------------------------------------------------------------ */

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  gtk_list_item_set_child (item, six_action_row_new ());
}

/* A heading is neither chosen nor opened. */
static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  SixActionEntry *entry = gtk_list_item_get_item (item);

  gtk_list_item_set_activatable (item, six_action_entry_is_action (entry));
  gtk_list_item_set_selectable (item, six_action_entry_is_action (entry));
  six_action_row_set_entry (SIX_ACTION_ROW (gtk_list_item_get_child (item)), entry);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  six_action_row_set_entry (SIX_ACTION_ROW (gtk_list_item_get_child (item)), NULL);
}

/* --- choosing an action -------------------------------------------------------------- */

static void
show_action (SixActionsPage *self,
             const char     *id,
             gboolean        navigate)
{
  six_action_detail_set_action_id (self->detail, id);
  select_shown_action (self);
  if (navigate)
    adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
}

static void
on_list_view_activate_cb (SixActionsPage *self,
                          guint           position)
{
  g_autoptr(SixActionEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  if (entry != NULL && six_action_entry_is_action (entry))
    show_action (self, six_action_entry_get_id (entry), TRUE);
}

/* Moving through the list with the keyboard shows each action beside it. */
static void
on_selection_changed_cb (SixActionsPage *self)
{
  SixActionEntry *entry = gtk_single_selection_get_selected_item (self->selection);

  if (entry != NULL && six_action_entry_is_action (entry) &&
      !adw_leaflet_get_folded (self->leaflet))
    six_action_detail_set_action_id (self->detail, six_action_entry_get_id (entry));
}

/* Enter in the search entry opens the first match. */
static void
on_search_entry_activate_cb (SixActionsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->entries);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SixActionEntry) entry = g_list_model_get_item (model, i);

      if (six_action_entry_is_action (entry))
        {
          show_action (self, six_action_entry_get_id (entry), TRUE);
          return;
        }
    }
}

static void
on_detail_open_action_cb (SixActionsPage *self,
                          const char     *id)
{
  six_actions_page_open_action (self, id);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SixActionsPage *self = SIX_ACTIONS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* --- object -------------------------------------------------------------------------- */

static void
six_actions_page_dispose (GObject *object)
{
  SixActionsPage *self = (SixActionsPage *)object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The lists' handlers go with us: they were connected with g_signal_connect_object (). */
  g_clear_object (&self->repository);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_ACTIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->matches, g_hash_table_unref);

  G_OBJECT_CLASS (six_actions_page_parent_class)->dispose (object);
}

static void
six_actions_page_finalize (GObject *object)
{
  SixActionsPage *self = (SixActionsPage *)object;

  g_free (self->plan);
  g_free (self->status);
  g_free (self->query);

  G_OBJECT_CLASS (six_actions_page_parent_class)->finalize (object);
}

static void
six_actions_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SixActionsPage *self = SIX_ACTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_string (value, self->plan);
      break;

    case PROP_STATUS_FILTER:
      g_value_set_string (value, self->status);
      break;

    case PROP_OPEN_ONLY:
      g_value_set_boolean (value, self->open_only);
      break;

    case PROP_UNVERIFIED_ONLY:
      g_value_set_boolean (value, self->unverified_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string_property (SixActionsPage  *self,
                     char           **field,
                     const char      *value,
                     guint            prop_id)
{
  if (six_property_set_string (self, field, value != NULL ? value : "", properties[prop_id]))
    schedule_rebuild (self);
}

static void
set_boolean_property (SixActionsPage *self,
                      gboolean       *field,
                      gboolean        value,
                      guint           prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  schedule_rebuild (self);
}

static void
six_actions_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SixActionsPage *self = SIX_ACTIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      set_string_property (self, &self->plan, g_value_get_string (value), prop_id);
      break;

    case PROP_STATUS_FILTER:
      set_string_property (self, &self->status, g_value_get_string (value), prop_id);
      break;

    case PROP_OPEN_ONLY:
      set_boolean_property (self, &self->open_only, g_value_get_boolean (value), prop_id);
      break;

    case PROP_UNVERIFIED_ONLY:
      set_boolean_property (self, &self->unverified_only, g_value_get_boolean (value), prop_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_actions_page_class_init (SixActionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = six_actions_page_dispose;
  object_class->finalize = six_actions_page_finalize;
  object_class->get_property = six_actions_page_get_property;
  object_class->set_property = six_actions_page_set_property;

  /* The plan shown when not searching: "dap" or "lap". */
  properties[PROP_PLAN] = g_param_spec_string ("plan", NULL, NULL, "lap", flags);
  /* Only actions whose follow-up has this status; "" for any. */
  properties[PROP_STATUS_FILTER] = g_param_spec_string ("status-filter", NULL, NULL, "", flags);
  properties[PROP_OPEN_ONLY] = g_param_spec_boolean ("open-only", NULL, NULL, FALSE, flags);
  properties[PROP_UNVERIFIED_ONLY] =
    g_param_spec_boolean ("unverified-only", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-actions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SixActionsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SixActionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SixActionsPage, unverified_banner);
  gtk_widget_class_bind_template_child (widget_class, SixActionsPage, unverified_label);
  gtk_widget_class_bind_template_child (widget_class, SixActionsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SixActionsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SixActionsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SixActionsPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, SixActionsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_open_action_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);

  gtk_widget_class_install_property_action (widget_class, "page.plan", "plan");
  gtk_widget_class_install_property_action (widget_class, "page.status", "status-filter");
  gtk_widget_class_install_property_action (widget_class, "page.open-only", "open-only");
  gtk_widget_class_install_property_action (widget_class, "page.unverified-only",
                                            "unverified-only");
  gtk_widget_class_install_action (widget_class, "page.show-list", NULL, show_list_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SIX_TYPE_ACTION_DETAIL);
  g_type_ensure (SIX_TYPE_ACTION_ENTRY);
}

static void
six_actions_page_init (SixActionsPage *self)
{
  self->plan = g_strdup ("lap");
  self->status = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->entries = g_list_store_new (SIX_TYPE_ACTION_ENTRY);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

/* Once: the page reads from this repository's lists for as long as it lives. */
void
six_actions_page_set_repository (SixActionsPage *self,
                                 SixRepository  *repository)
{
  g_return_if_fail (SIX_IS_ACTIONS_PAGE (self));
  g_return_if_fail (!repository || SIX_IS_REPOSITORY (repository));
  g_return_if_fail (self->repository == NULL);

  if (repository == NULL)
    return;

  self->repository = g_object_ref (repository);
  six_repository_connect_lists (repository, watched_kinds, G_CALLBACK (on_lists_changed_cb),
                                self);
  /* A plan without actions says so once its list has loaded. */
  g_signal_connect_object (list_of (self, "action"), "notify::loading",
                           G_CALLBACK (schedule_rebuild), self, G_CONNECT_SWAPPED);

  six_action_detail_set_repository (self->detail, repository);
  schedule_rebuild (self);
}

/* What the user would type in the page's search entry. */
void
six_actions_page_set_query (SixActionsPage *self,
                            const char     *query)
{
  g_return_if_fail (SIX_IS_ACTIONS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query != NULL ? query : "");
  run_search (self, query != NULL ? query : "");
}

/* Show an action, in its own plan unless a search is showing both. */
void
six_actions_page_open_action (SixActionsPage *self,
                              const char     *action_id)
{
  g_autofree char *plan = NULL;
  const char *colon;

  g_return_if_fail (SIX_IS_ACTIONS_PAGE (self));
  g_return_if_fail (action_id != NULL);

  colon = strchr (action_id, ':');
  plan = colon != NULL ? g_strndup (action_id, colon - action_id) : NULL;
  if (self->matches == NULL && plan != NULL)
    g_object_set (self, "plan", plan, NULL);

  show_action (self, action_id, TRUE);
  schedule_rebuild (self);
}

GListModel *
six_actions_page_get_entries (SixActionsPage *self)
{
  g_return_val_if_fail (SIX_IS_ACTIONS_PAGE (self), NULL);

  return G_LIST_MODEL (self->entries);
}

SixActionDetail *
six_actions_page_get_detail (SixActionsPage *self)
{
  g_return_val_if_fail (SIX_IS_ACTIONS_PAGE (self), NULL);

  return self->detail;
}

/* Whether the list is about to change: a query's answer has not come back yet, or the
 * entries wait to be folded again. */
gboolean
six_actions_page_is_updating (SixActionsPage *self)
{
  g_return_val_if_fail (SIX_IS_ACTIONS_PAGE (self), FALSE);

  return self->searching || self->rebuild_id != 0;
}
