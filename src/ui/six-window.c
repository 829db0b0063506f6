/* six-window.c — the main window: sidebar, pages, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-window"

#include "config.h"

#include <glib/gi18n.h>

#include "six-window-private.h"
#include "six-accessible.h"
#include "six-actions-page.h"
#include "six-choices.h"
#include "six-coalitions-page.h"
#include "six-countries-page.h"
#include "six-exchange-page.h"
#include "six-locate.h"
#include "six-overview-page.h"
#include "six-page-slot.h"
#include "six-queries.h"
#include "six-search-page.h"
#include "six-tab-stop.h"

struct _SixWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  GtkListBox      *sidebar_list;
  GtkWidget       *content;
  GtkWidget       *back_button;
  AdwWindowTitle  *page_title;
  GtkSearchBar    *search_bar;
  GtkWidget       *search_button;
  GtkSearchEntry  *search_entry;
  GtkStack        *body_stack;
  GtkStack        *stack;
  SixPageSlot     *search_slot;
  SixPageSlot     *overview_slot;
  SixPageSlot     *actions_slot;
  SixPageSlot     *countries_slot;
  SixPageSlot     *coalitions_slot;
  SixPageSlot     *exchange_slot;
  GtkRevealer     *import_revealer;
  GtkLabel        *import_label;
  GtkProgressBar  *import_progress;

  /* Owned */
  SixRepository   *repository;
  GSettings       *settings;
  char            *page_before_search;
  GCancellable    *importing;   /* shared by the imports under way, for Cancel */
  guint            n_importing;
  guint            pulse_id;
  guint            back_button_id;
  gboolean         drawn;      /* the window has drawn its first frame */
  SixLiveQuery    *early_read; /* what the page shown first reads, started before it is built */
  guint            early_kind; /* that page, in page_kinds */
};

G_DEFINE_FINAL_TYPE (SixWindow, six_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_REPOSITORY,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const sidebar_pages[] = {
  "overview", "action-plans", "countries", "coalitions", "exchange", NULL
};

static void
select_sidebar_row (SixWindow  *self,
                    const char *page)
{
  for (guint i = 0; sidebar_pages[i] != NULL; i++)
    {
      if (g_strcmp0 (sidebar_pages[i], page) == 0)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, (int) i);

          gtk_list_box_select_row (self->sidebar_list, row);
          return;
        }
    }

  gtk_list_box_unselect_all (self->sidebar_list);
}

static void
on_sidebar_list_row_activated_cb (SixWindow     *self,
                                  GtkListBoxRow *row)
{
  const char *page = gtk_widget_get_name (GTK_WIDGET (row));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", page);
}

/* Selecting a row (by keyboard, or through accessibility) shows its page too. */
static void
on_sidebar_list_row_selected_cb (SixWindow     *self,
                                 GtkListBoxRow *row)
{
  const char *page = row != NULL ? gtk_widget_get_name (GTK_WIDGET (row)) : NULL;

  if (page != NULL && g_strcmp0 (page, six_window_get_page (self)) != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", page);
}

/* The pages, built when first asked for (see SixPageSlot). */
#define SEARCH_PAGE(self) SIX_SEARCH_PAGE (six_page_slot_get_page ((self)->search_slot))
#define ACTIONS_PAGE(self) SIX_ACTIONS_PAGE (six_page_slot_get_page ((self)->actions_slot))
#define COUNTRIES_PAGE(self) SIX_COUNTRIES_PAGE (six_page_slot_get_page ((self)->countries_slot))
#define COALITIONS_PAGE(self) SIX_COALITIONS_PAGE (six_page_slot_get_page ((self)->coalitions_slot))

static AdwLeaflet *
find_leaflet (GtkWidget *widget)
{
  if (ADW_IS_LEAFLET (widget))
    return ADW_LEAFLET (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwLeaflet *found = find_leaflet (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A page folded onto one of its records has its own way back (to its list): the header's,
 * back to the sidebar, would stand beside it as a second arrow. */
static void
update_back_button (SixWindow *self)
{
  AdwLeaflet *inner = find_leaflet (gtk_stack_get_visible_child (self->stack));
  gboolean inner_back = inner != NULL && adw_leaflet_get_folded (inner) &&
                        adw_leaflet_get_adjacent_child (inner, ADW_NAVIGATION_DIRECTION_BACK)
                        != NULL;

  gtk_widget_set_visible (self->back_button,
                          adw_leaflet_get_folded (self->leaflet) && !inner_back);
}

static gboolean
update_back_button_cb (gpointer data)
{
  SixWindow *self = data;

  self->back_button_id = 0;
  update_back_button (self);
  return G_SOURCE_REMOVE;
}

/* A leaflet folds while it is being allocated: the header changes after that frame. */
static void
queue_update_back_button (SixWindow *self)
{
  if (self->back_button_id == 0)
    self->back_button_id = g_idle_add (update_back_button_cb, self);
}

static void
on_stack_visible_child_changed_cb (SixWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  GtkStackPage *page = gtk_stack_get_page (self->stack, child);

  adw_window_title_set_title (self->page_title, gtk_stack_page_get_title (page));
  select_sidebar_row (self, gtk_stack_page_get_name (page));
  update_back_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
on_leaflet_folded_changed_cb (SixWindow *self)
{
  /* Folded, the sidebar is a list to pick from, not a record of where we are. */
  gtk_list_box_set_selection_mode (self->sidebar_list,
                                   adw_leaflet_get_folded (self->leaflet)
                                   ? GTK_SELECTION_NONE : GTK_SELECTION_SINGLE);
  if (!adw_leaflet_get_folded (self->leaflet))
    select_sidebar_row (self, six_window_get_page (self));
  queue_update_back_button (self);
}

static void
on_search_entry_search_changed_cb (SixWindow      *self,
                                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  six_search_page_set_query (SEARCH_PAGE (self), text);
  if (text[0] != '\0' && g_strcmp0 (six_window_get_page (self), "search") != 0)
    six_window_show_page (self, "search");
}

/* A result opens on its own page; a follow-up opens as its action. */
static void
on_search_page_record_activated_cb (SixWindow *self,
                                    SixRecord *record)
{
  const char *kind = six_record_get_kind_name (record);
  const char *id = g_strcmp0 (kind, "action_tracking") == 0
                   ? six_record_get_string (record, "action") : six_record_get_id (record);

  if (id != NULL && !six_window_open_record (self, kind, id))
    g_debug ("No page shows %s records yet", kind);
}

/* --- pages ------------------------------------------------------------------------------ */

typedef void (*SetRepositoryFunc) (gpointer page, SixRepository *repository);
typedef void (*SetQueryFunc) (gpointer page, SixLiveQuery *query);

/* Every page by the name the stack and the sidebar know it by. A page is given the repository,
 * or, if it reads through one query, that query (new_query ()), which the window can start
 * before the page is built. */
static const struct
{
  const char        *name;
  gsize              slot_offset;
  SetRepositoryFunc  set_repository;
  SixLiveQuery    *(*new_query) (SixRepository *repository);
  SetQueryFunc       set_query;
} page_kinds[] = {
  { "overview", G_STRUCT_OFFSET (SixWindow, overview_slot), NULL,
    six_overview_query_new, (SetQueryFunc) six_overview_page_set_query },
  { "action-plans", G_STRUCT_OFFSET (SixWindow, actions_slot),
    (SetRepositoryFunc) six_actions_page_set_repository },
  { "countries", G_STRUCT_OFFSET (SixWindow, countries_slot),
    (SetRepositoryFunc) six_countries_page_set_repository },
  { "coalitions", G_STRUCT_OFFSET (SixWindow, coalitions_slot),
    (SetRepositoryFunc) six_coalitions_page_set_repository },
  { "exchange", G_STRUCT_OFFSET (SixWindow, exchange_slot),
    (SetRepositoryFunc) six_exchange_page_set_repository },
  { "search", G_STRUCT_OFFSET (SixWindow, search_slot),
    (SetRepositoryFunc) six_search_page_set_repository },
};

static SixPageSlot *
get_slot (SixWindow  *self,
          const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_kinds); i++)
    if (g_strcmp0 (page_kinds[i].name, name) == 0)
      return G_STRUCT_MEMBER (SixPageSlot *, self, page_kinds[i].slot_offset);

  return NULL;
}

static guint
get_page_kind (SixPageSlot *slot,
               SixWindow   *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_kinds); i++)
    if (get_slot (self, page_kinds[i].name) == slot)
      return i;

  g_return_val_if_reached (0);
}

/* @page's way to its data: the repository, or its query (the one already reading, if it is
 * the page the window started reading for). */
static void
give_repository (SixWindow *self,
                 guint      kind,
                 GtkWidget *page)
{
  g_autoptr(SixLiveQuery) query = NULL;

  if (page_kinds[kind].new_query == NULL)
    {
      page_kinds[kind].set_repository (page, self->repository);
      return;
    }

  if (self->early_read != NULL && kind == self->early_kind)
    query = g_steal_pointer (&self->early_read);
  else
    query = page_kinds[kind].new_query (self->repository);
  page_kinds[kind].set_query (page, query);
}

/* Before the first frame, the page shown is not built yet (it would hold the frame up), but
 * what it shows can be read meanwhile: it is its first query, handed to it when built. */
static void
start_early_read (SixWindow *self)
{
  SixPageSlot *slot = get_slot (self, six_window_get_page (self));
  guint kind;

  if (slot == NULL || six_page_slot_has_page (slot))
    return;

  kind = get_page_kind (slot, self);
  if (page_kinds[kind].new_query == NULL)
    return;

  self->early_kind = kind;
  self->early_read = page_kinds[kind].new_query (self->repository);
  six_live_query_set_active (self->early_read, TRUE);
}

/* A page just built gets what the others got when the window opened. */
static void
on_slot_page_cb (SixWindow   *self,
                 GParamSpec  *pspec,
                 SixPageSlot *slot)
{
  GtkWidget *page = six_page_slot_get_page (slot);
  AdwLeaflet *inner = find_leaflet (page);

  if (SIX_IS_SEARCH_PAGE (page))
    g_signal_connect_object (page, "record-activated",
                             G_CALLBACK (on_search_page_record_activated_cb), self,
                             G_CONNECT_SWAPPED);
  if (inner != NULL)
    {
      g_signal_connect_object (inner, "notify::folded", G_CALLBACK (queue_update_back_button),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (inner, "notify::visible-child",
                               G_CALLBACK (queue_update_back_button), self, G_CONNECT_SWAPPED);
    }

  if (self->repository != NULL)
    give_repository (self, get_page_kind (slot, self), page);
}

static void
on_search_entry_stop_search_cb (SixWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_bar_search_mode_changed_cb (SixWindow *self)
{
  gboolean enabled = gtk_search_bar_get_search_mode (self->search_bar);

  if (enabled)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (g_strcmp0 (six_window_get_page (self), "search") == 0)
    six_window_show_page (self, self->page_before_search ? self->page_before_search : "overview");
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  six_window_show_page (SIX_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* "(sas)": the Countries list narrowed to the States behind a figure, with what they share. */
static void
show_countries_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SixWindow *self = SIX_WINDOW (widget);
  g_autofree const char **ids = NULL;
  const char *title;

  g_variant_get (parameter, "(&s^a&s)", &title, &ids);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  six_window_show_page (self, "countries");
  six_countries_page_show_only (COUNTRIES_PAGE (self), title, ids);
}

/* "(ss)": a record's kind and id, shown where it lives. */
static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *kind, *id;

  g_variant_get (parameter, "(&s&s)", &kind, &id);
  if (!six_window_open_record (SIX_WINDOW (widget), kind, id))
    g_warning ("No page shows records of kind “%s”", kind);
}

/* "s": feedback from a page, as a toast. */
static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  six_window_add_toast (SIX_WINDOW (widget), adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static void
undo_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *title;
  gint64 operation;

  g_variant_get (parameter, "(&sx)", &title, &operation);
  six_window_add_undo_toast (SIX_WINDOW (widget), title, operation);
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SixWindow *self = SIX_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SixWindow *self = SIX_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar,
                                  !gtk_search_bar_get_search_mode (self->search_bar));
}

static void
undo_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SixWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (six_repository_undo_finish (SIX_REPOSITORY (object), result, &error) > 0)
    toast = adw_toast_new (_("Undone"));
  else if (g_error_matches (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOTHING_TO_UNDO))
    toast = adw_toast_new (_("Nothing to undo"));
  else
    toast = adw_toast_new (error->message);

  six_window_add_toast (self, toast);
}

static void
redo_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SixWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (six_repository_redo_finish (SIX_REPOSITORY (object), result, &error) > 0)
    toast = adw_toast_new (_("Redone"));
  else if (g_error_matches (error, SIX_STORE_ERROR, SIX_STORE_ERROR_NOTHING_TO_REDO))
    toast = adw_toast_new (_("Nothing to redo"));
  else
    toast = adw_toast_new (error->message);

  six_window_add_toast (self, toast);
}

/* Each Ctrl+Shift+Z redoes one more of the steps Ctrl+Z went back. */
static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SixWindow *self = SIX_WINDOW (widget);

  six_repository_redo_async (self->repository, NULL, redo_cb, g_object_ref (self));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SixWindow *self = SIX_WINDOW (widget);

  six_repository_undo_async (self->repository, 0, NULL, undo_cb, g_object_ref (self));
}

static void
undo_operation_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SixWindow *self = SIX_WINDOW (widget);

  six_repository_undo_async (self->repository, g_variant_get_int64 (parameter), NULL, undo_cb,
                             g_object_ref (self));
}

static void
import_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _six_window_choose_import (SIX_WINDOW (widget));
}

/* "s": a file by its path, previewed before anything is written. */
static void
import_path_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  _six_window_import_file (SIX_WINDOW (widget), file);
}

static void
export_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _six_window_choose_export (SIX_WINDOW (widget), SIX_SCOPE_ALL, NULL);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_cancellable_cancel (SIX_WINDOW (widget)->importing);
}

/* "(ss)": a scope ("all", "country", "coalition") and its id, sent by email. */
static void
send_email_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *scope, *id;

  g_variant_get (parameter, "(&s&s)", &scope, &id);
  _six_window_choose_send (SIX_WINDOW (widget),
                           g_str_equal (scope, "country") ? SIX_SCOPE_COUNTRY
                           : g_str_equal (scope, "coalition") ? SIX_SCOPE_COALITION
                           : SIX_SCOPE_ALL,
                           id[0] != '\0' ? id : NULL);
}

/* One State's profile, to send to whoever asked for it. */
static void
share_country_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _six_window_choose_export (SIX_WINDOW (widget), SIX_SCOPE_COUNTRY,
                             g_variant_get_string (parameter, NULL));
}

/* "s": the assistant that starts a coalition, for this lead State ("" to choose one). */
static void
start_coalition_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SixWindow *self = SIX_WINDOW (widget);
  const char *lead = g_variant_get_string (parameter, NULL);

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  six_window_show_page (self, "coalitions");
  six_coalitions_page_start (COALITIONS_PAGE (self), lead[0] != '\0' ? lead : NULL);
}

/* "s": Send to Members — the coalition's records by email, as the Exchange page sends. */
static void
send_coalition_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _six_window_send_to_members (SIX_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
save_window_state (SixWindow *self)
{
  const char *page = six_window_get_page (self);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  /* The page to open on next time; a search is not a place to come back to. */
  if (g_strcmp0 (page, "search") == 0)
    page = self->page_before_search != NULL ? self->page_before_search : "overview";
  g_settings_set_string (self->settings, "last-page", page);
  g_settings_apply (self->settings);
}

static gboolean
six_window_close_request (GtkWindow *window)
{
  save_window_state (SIX_WINDOW (window));

  return GTK_WINDOW_CLASS (six_window_parent_class)->close_request (window);
}

/* Without a database (it is opening, or could not be opened) there is nothing to edit or
 * exchange. */
static void
update_repository_actions (SixWindow *self)
{
  gboolean has_repository = self->repository != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", has_repository);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-operation", has_repository);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", has_repository);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-file", has_repository);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-path", has_repository);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-file", has_repository);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.share-country", has_repository);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-email", has_repository);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-coalition", has_repository);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-coalition", has_repository);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_repository);
  gtk_widget_set_sensitive (self->search_button, has_repository);
  /* Typing anywhere searches, once there is something to search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar,
                                         has_repository ? GTK_WIDGET (self) : NULL);
}

static void
six_window_constructed (GObject *object)
{
  SixWindow *self = (SixWindow *)object;

  G_OBJECT_CLASS (six_window_parent_class)->constructed (object);

  update_repository_actions (self);
}

/* The page shown is built now if it was not, and gets the repository as it is: its reads
 * come first, then the lists forms offer choices from. */
static void
show_pages (SixWindow *self)
{
  gtk_stack_set_visible_child_name (self->body_stack, "pages");
  six_window_get_page_widget (self, six_window_get_page (self));
  /* Read for a page no longer shown first: its page reads anew when built. */
  g_clear_object (&self->early_read);
  six_choices_preload (self->repository);
}

/* The first frame shows the window and that the database is opening, as soon as it can: a
 * page built now waits for it. */
static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   SixWindow     *self)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint_cb, self);
  self->drawn = TRUE;
  if (self->repository != NULL)
    show_pages (self);
}

static void
six_window_realize (GtkWidget *widget)
{
  SixWindow *self = SIX_WINDOW (widget);

  GTK_WIDGET_CLASS (six_window_parent_class)->realize (widget);
  if (!self->drawn)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_after_paint_cb), self, 0);
}

static void
six_window_dispose (GObject *object)
{
  SixWindow *self = (SixWindow *)object;

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_handle_id (&self->back_button_id, g_source_remove);
  /* No more looking for other processes' writes. */
  g_object_set_data (object, "six-watch", NULL);
  g_cancellable_cancel (self->importing);
  g_clear_object (&self->importing);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_WINDOW);
  g_clear_object (&self->early_read);
  g_clear_object (&self->repository);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (six_window_parent_class)->dispose (object);
}

static void
six_window_finalize (GObject *object)
{
  SixWindow *self = (SixWindow *)object;

  g_free (self->page_before_search);

  G_OBJECT_CLASS (six_window_parent_class)->finalize (object);
}

static void
six_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SixWindow *self = SIX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;

    case PROP_PAGE:
      g_value_set_string (value, six_window_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SixWindow *self = SIX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      six_window_show_page (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_window_class_init (SixWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = six_window_constructed;
  object_class->dispose = six_window_dispose;
  object_class->finalize = six_window_finalize;
  object_class->get_property = six_window_get_property;
  object_class->set_property = six_window_set_property;

  widget_class->realize = six_window_realize;
  window_class->close_request = six_window_close_request;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL,
                         SIX_TYPE_REPOSITORY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "overview",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/six-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SixWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, content);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, body_stack);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, search_slot);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, overview_slot);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, actions_slot);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, countries_slot);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, coalitions_slot);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, exchange_slot);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, SixWindow, import_progress);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_slot_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_bar_search_mode_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-countries", "(sas)",
                                   show_countries_action);
  gtk_widget_class_install_action (widget_class, "win.open-record", "(ss)", open_record_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.undo-toast", "(sx)", undo_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-operation", "x", undo_operation_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.import-file", NULL, import_file_action);
  gtk_widget_class_install_action (widget_class, "win.import-path", "s", import_path_action);
  gtk_widget_class_install_action (widget_class, "win.export-file", NULL, export_file_action);
  gtk_widget_class_install_action (widget_class, "win.share-country", "s", share_country_action);
  gtk_widget_class_install_action (widget_class, "win.send-email", "(ss)", send_email_action);
  gtk_widget_class_install_action (widget_class, "win.start-coalition", "s",
                                   start_coalition_action);
  gtk_widget_class_install_action (widget_class, "win.send-coalition", "s",
                                   send_coalition_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-file", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  for (guint i = 0; sidebar_pages[i] != NULL; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", sidebar_pages[i]);

  g_type_ensure (SIX_TYPE_PAGE_SLOT);
  g_type_ensure (SIX_TYPE_OVERVIEW_PAGE);
  g_type_ensure (SIX_TYPE_SEARCH_PAGE);
  g_type_ensure (SIX_TYPE_TAB_STOP);
  g_type_ensure (SIX_TYPE_ACTIONS_PAGE);
  g_type_ensure (SIX_TYPE_COUNTRIES_PAGE);
  g_type_ensure (SIX_TYPE_COALITIONS_PAGE);
  g_type_ensure (SIX_TYPE_EXCHANGE_PAGE);
}

static void
six_window_init (SixWindow *self)
{
  g_autofree char *last_page = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The entry sits in a clamp, where the search bar does not find it by itself: connected,
   * what is typed anywhere goes into it. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->settings = g_settings_new (BASE_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  last_page = g_settings_get_string (self->settings, "last-page");
  if (gtk_stack_get_child_by_name (self->stack, last_page) != NULL &&
      g_strcmp0 (last_page, "search") != 0)
    gtk_stack_set_visible_child_name (self->stack, last_page);
  select_sidebar_row (self, six_window_get_page (self));
  on_stack_visible_child_changed_cb (self);
  _six_window_setup_drop (self);
}

/* A window without its database yet: see six_window_set_repository (). */
SixWindow *
six_window_new (GtkApplication *application)
{
  SixWindow *self = g_object_new (SIX_TYPE_WINDOW, "application", application, NULL);

  /* The application gave the window its shortcuts window when it was set. */
  six_accessible_name_shortcuts_window (GTK_APPLICATION_WINDOW (self));
  return self;
}

/**
 * six_window_set_repository:
 * @repository: (nullable): the open database
 *
 * Gives the window its database, once: until then it shows that the database is opening.
 */
void
six_window_set_repository (SixWindow     *self,
                           SixRepository *repository)
{
  g_return_if_fail (SIX_IS_WINDOW (self));
  g_return_if_fail (repository == NULL || SIX_IS_REPOSITORY (repository));
  g_return_if_fail (self->repository == NULL);

  if (repository == NULL)
    return;

  self->repository = g_object_ref (repository);
  for (guint i = 0; i < G_N_ELEMENTS (page_kinds); i++)
    {
      SixPageSlot *slot = get_slot (self, page_kinds[i].name);

      if (six_page_slot_has_page (slot))
        give_repository (self, i, six_page_slot_get_page (slot));
    }
  /* A window never realized draws nothing to wait for. */
  if (self->drawn || !gtk_widget_get_realized (GTK_WIDGET (self)))
    show_pages (self);
  else
    start_early_read (self);
  update_repository_actions (self);
  _six_window_import_queued (self);
  _six_window_watch_database (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPOSITORY]);
}

void
_six_window_exchange_logged (SixWindow *self)
{
  if (six_page_slot_has_page (self->exchange_slot))
    six_exchange_page_reload (SIX_EXCHANGE_PAGE (six_page_slot_get_page (self->exchange_slot)));
}

SixRepository *
six_window_get_repository (SixWindow *self)
{
  g_return_val_if_fail (SIX_IS_WINDOW (self), NULL);

  return self->repository;
}

static gboolean
is_turning_spinner (GtkWidget *widget)
{
  return GTK_IS_SPINNER (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget));
}

/* A page shows a child named "loading" while it reads what it shows. */
static gboolean
is_loading_stack (GtkWidget *widget)
{
  return GTK_IS_STACK (widget) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (widget)), "loading") == 0;
}

/* Whether @widget or a widget under it is on screen and matches. */
static gboolean
shows (GtkWidget *widget,
       gboolean (*match) (GtkWidget *widget))
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  if (match (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows (child, match))
      return TRUE;

  return FALSE;
}

/**
 * six_window_shows_content:
 *
 * Whether the page shown has drawn what it read, its figures at the top: the window is usable.
 * The rest of a long page may still be filling in below; six_window_is_loading () says when
 * all of it is there.
 */
gboolean
six_window_shows_content (SixWindow *self)
{
  g_return_val_if_fail (SIX_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->body_stack), "pages") == 0 &&
         !shows (GTK_WIDGET (self->body_stack), is_loading_stack);
}

/**
 * six_window_is_loading:
 *
 * Whether the page shown is still reading or drawing what it shows: the database is not open
 * yet, or a spinner turns on the page (every page shows one while it loads, and the Overview
 * one below its last section while the others fill in).
 */
gboolean
six_window_is_loading (SixWindow *self)
{
  g_return_val_if_fail (SIX_IS_WINDOW (self), FALSE);

  /* The opening spinner fades out over the first page: counted until it has gone. */
  return self->repository == NULL || shows (GTK_WIDGET (self->body_stack), is_turning_spinner);
}

/**
 * six_window_get_page_widget:
 * @name: a page's name, as six_window_show_page () takes it
 *
 * Returns: (transfer none) (nullable): the page, built now if it was not yet; %NULL for a
 *   name no page has
 */
GtkWidget *
six_window_get_page_widget (SixWindow  *self,
                            const char *name)
{
  SixPageSlot *slot;

  g_return_val_if_fail (SIX_IS_WINDOW (self), NULL);

  slot = get_slot (self, name);

  return slot != NULL ? six_page_slot_get_page (slot) : NULL;
}

const char *
six_window_get_page (SixWindow *self)
{
  g_return_val_if_fail (SIX_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
six_window_show_page (SixWindow  *self,
                      const char *page)
{
  g_return_if_fail (SIX_IS_WINDOW (self));
  g_return_if_fail (page != NULL);

  if (gtk_stack_get_child_by_name (self->stack, page) == NULL)
    {
      g_warning ("No page named “%s”", page);
      return;
    }

  if (g_strcmp0 (page, "search") == 0 && g_strcmp0 (six_window_get_page (self), "search") != 0)
    {
      g_free (self->page_before_search);
      self->page_before_search = g_strdup (six_window_get_page (self));
    }

  gtk_stack_set_visible_child_name (self->stack, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
six_window_add_toast (SixWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (SIX_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
located_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SixWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *id = NULL;

  if (!six_record_locate_finish (SIX_REPOSITORY (object), result, &kind, &id, &error))
    {
      g_debug ("Opening a record: %s", error->message);
      return;
    }

  six_window_open_record (self, kind, id);
}

/* Show a record on its own page, or on the page of what it belongs to (a meeting in its
 * coalition's workspace, a request in its State's profile). Returns: %FALSE if no page
 * shows records of this kind. */
gboolean
six_window_open_record (SixWindow  *self,
                        const char *kind_name,
                        const char *id)
{
  g_return_val_if_fail (SIX_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (kind_name != NULL && id != NULL, FALSE);

  /* An action's follow-up shares its action's id. */
  if (g_strcmp0 (kind_name, "action") == 0 || g_strcmp0 (kind_name, "action_tracking") == 0)
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      six_window_show_page (self, "action-plans");
      six_actions_page_open_action (ACTIONS_PAGE (self), id);
      return TRUE;
    }

  if (g_strcmp0 (kind_name, "country") == 0)
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      six_window_show_page (self, "countries");
      six_countries_page_open_country (COUNTRIES_PAGE (self), id);
      return TRUE;
    }

  if (g_strcmp0 (kind_name, "coalition") == 0)
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      six_window_show_page (self, "coalitions");
      six_coalitions_page_open_coalition (COALITIONS_PAGE (self), id);
      return TRUE;
    }

  /* Anything else is shown where what it belongs to is: found on the repository's thread. */
  if (self->repository == NULL || six_kind_lookup (kind_name) == NULL ||
      g_strcmp0 (kind_name, "plan") == 0 || g_strcmp0 (kind_name, "plan_section") == 0)
    return FALSE;

  six_record_locate_async (self->repository, kind_name, id, NULL, located_cb,
                           g_object_ref (self));

  return TRUE;
}

/* A toast whose Undo button undoes @operation, one journal entry, as a unit; with no
 * operation (0: nothing was written) a toast without the button. */
void
six_window_add_undo_toast (SixWindow  *self,
                           const char *title,
                           gint64      operation)
{
  AdwToast *toast;

  g_return_if_fail (SIX_IS_WINDOW (self));

  toast = adw_toast_new (title);
  if (operation > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-operation");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (operation));
    }
  six_window_add_toast (self, toast);
}

/* --- imports under way --------------------------------------------------------------- */

static gboolean
pulse_cb (gpointer user_data)
{
  gtk_progress_bar_pulse (SIX_WINDOW (user_data)->import_progress);

  return G_SOURCE_CONTINUE;
}

/**
 * _six_window_begin_import:
 *
 * Shows the import bar (Cancel stops every import under way).
 *
 * Returns: (transfer full): the cancellable the import must honour
 */
GCancellable *
_six_window_begin_import (SixWindow *self)
{
  g_return_val_if_fail (SIX_IS_WINDOW (self), NULL);

  if (self->importing == NULL || g_cancellable_is_cancelled (self->importing))
    {
      g_clear_object (&self->importing);
      self->importing = g_cancellable_new ();
    }
  self->n_importing++;
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);

  return g_object_ref (self->importing);
}

/* What the import is doing, and how far it got: 0 to 1, or below 0 while that is unknown. */
void
_six_window_report_import (SixWindow  *self,
                           const char *text,
                           double      fraction)
{
  g_return_if_fail (SIX_IS_WINDOW (self));

  if (self->n_importing == 0)
    return;

  if (text != NULL)
    gtk_label_set_label (self->import_label, text);

  if (fraction < 0)
    {
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (100, pulse_cb, self);
      return;
    }

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_progress_bar_set_fraction (self->import_progress, CLAMP (fraction, 0.0, 1.0));
}

void
_six_window_end_import (SixWindow *self)
{
  g_return_if_fail (SIX_IS_WINDOW (self));
  g_return_if_fail (self->n_importing > 0);

  if (--self->n_importing > 0)
    return;

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  g_clear_object (&self->importing);
}
