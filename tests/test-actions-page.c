/* test-actions-page.c — the Action plans page on a database holding the reference pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "six-action-entry.h"
#include "six-actions-page.h"
#include "six-entry-row.h"
#include "six-link-dialog.h"
#include "six-search-page.h"
#include "ui-fixture.h"

typedef struct
{
  SixActionsPage *page;
  const char     *id;        /* an action that must be listed; NULL: any */
  const char     *absent;    /* one that must not be; NULL: none */
  const char     *prefix;    /* every action listed starts with it; NULL: any */
} ListWait;

static GPtrArray *
listed_ids (SixActionsPage *page)
{
  GListModel *entries = six_actions_page_get_entries (page);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SixActionEntry) entry = g_list_model_get_item (entries, i);

      if (six_action_entry_is_action (entry))
        g_ptr_array_add (ids, g_strdup (six_action_entry_get_id (entry)));
    }

  return ids;
}

static gboolean
listed (gpointer data)
{
  ListWait *wait = data;
  g_autoptr(GPtrArray) ids = NULL;
  guint position;

  if (six_actions_page_is_updating (wait->page))
    return FALSE;

  ids = listed_ids (wait->page);
  if (ids->len == 0)
    return FALSE;
  if (wait->id != NULL && !g_ptr_array_find_with_equal_func (ids, wait->id, g_str_equal, NULL))
    return FALSE;
  if (wait->absent != NULL &&
      g_ptr_array_find_with_equal_func (ids, wait->absent, g_str_equal, &position))
    return FALSE;
  for (guint i = 0; wait->prefix != NULL && i < ids->len; i++)
    if (!g_str_has_prefix (ids->pdata[i], wait->prefix))
      return FALSE;

  return TRUE;
}

#define wait_listed(page, id, absent, prefix) \
  G_STMT_START { \
    ListWait wait_ = { (page), (id), (absent), (prefix) }; \
    wait_until (listed, &wait_); \
  } G_STMT_END

/* As if typed: the page asks the store at once, and is searching until it answers. */
static void
search (SixActionsPage *page,
        const char     *query)
{
  six_actions_page_set_query (page, query);
  g_assert_true (six_actions_page_is_updating (page));
}

static gboolean
nonnull_row (gpointer list)
{
  return gtk_list_box_get_row_at_index (list, 0) != NULL;
}

static gboolean
first_row_is_lebanon (gpointer list)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  return row != NULL &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Lebanon") == 0;
}

typedef struct
{
  SixRepository *repository;
  const char    *kind;
  const char    *id;
  const char    *field;
  const char    *value;      /* NULL: the record is absent or the field unset */
} FieldWait;

static gboolean
field_is (gpointer data)
{
  FieldWait *wait = data;
  g_autoptr(SixRecord) record = stored (wait->repository, wait->kind, wait->id);
  GVariant *value = record != NULL ? six_record_get_value (record, wait->field) : NULL;
  g_autofree char *text = NULL;

  if (value == NULL)
    return wait->value == NULL;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    text = g_variant_dup_string (value, NULL);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    text = g_strdup (g_variant_get_boolean (value) ? "true" : "false");
  else
    text = g_variant_print (value, FALSE);

  return g_strcmp0 (text, wait->value) == 0;
}

#define wait_field(repository, kind, id, field, value) \
  G_STMT_START { \
    FieldWait wait_ = { (repository), (kind), (id), (field), (value) }; \
    wait_until (field_is, &wait_); \
  } G_STMT_END

static gboolean
detail_shows_action (gpointer data)
{
  return g_strcmp0 (six_action_detail_get_state (data), "action") == 0;
}

static gboolean
is_unverified_label (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "unverified");
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
widget_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

static gboolean
widget_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
} RowWait;

static gboolean
row_titled (gpointer data)
{
  RowWait *wait = data;

  return find_row_titled (wait->root, wait->title) != NULL;
}

/* The first button @widget shows, itself or within. */
static GtkWidget *
find_shown_button (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_BUTTON (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_shown_button (child);

      if (button != NULL)
        return button;
    }

  return NULL;
}

/* Clicks the one button @title's row shows (its Remove). */
static void
click_row_button (GtkWidget  *root,
                  const char *title)
{
  GtkWidget *row = find_row_titled (root, title);
  GtkWidget *button = row != NULL ? find_shown_button (row) : NULL;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* The row shows the stored title again once the undo reached the page. */
static gboolean
title_row_reverted (gpointer row)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), "Action 38") == 0;
}

/* The shown number of the entry for @id, as its row reads it. */
static char *
dup_entry_number (SixActionsPage *page,
                  const char     *id)
{
  GListModel *entries = six_actions_page_get_entries (page);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(SixActionEntry) entry = g_list_model_get_item (entries, i);
      char *number = NULL;

      if (g_strcmp0 (six_action_entry_get_id (entry), id) == 0)
        {
          g_object_get (entry, "number", &number, NULL);
          return number;
        }
    }

  return NULL;
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
is_banner_label (GtkWidget     *widget,
                 gconstpointer  text)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_LABEL (widget) && parent != NULL &&
         gtk_widget_has_css_class (parent, "unverified-banner") &&
         gtk_widget_get_visible (parent) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text);
}

typedef struct
{
  SixActionsPage *page;
  const char     *text;
} BannerWait;

/* The page's banner about unverified actions is shown and begins with the text. */
static gboolean
banner_says (gpointer data)
{
  BannerWait *wait = data;

  return find_matching (GTK_WIDGET (wait->page), is_banner_label, wait->text) != NULL;
}

static SixActionsPage *
open_page (Fixture *fixture)
{
  SixActionsPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "action-plans"));
  page = SIX_ACTIONS_PAGE (six_window_get_page_widget (fixture->window, "action-plans"));
  g_assert_nonnull (page);

  return page;
}

/* Both plans, every action, by number, by words, accents ignored. */
static void
browse_body (Fixture *fixture)
{
  SixActionsPage *page = open_page (fixture);
  g_autoptr(GPtrArray) lap = NULL;
  g_autoptr(GPtrArray) dap = NULL;
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) accented = NULL;
  g_autofree char *png = review_path ("action-filters.png");
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  GtkWidget *filter_button, *popover;
  BannerWait lap_banner = { page, "49 actions of this plan have no verified text yet" };
  BannerWait dap_banner = { page, "19 actions of this plan have no verified text yet" };
  g_autofree char *number = NULL;
  gint64 operation = 0;
  SixEdit *edit;

  /* The current plan first, each of its 50 actions once, in order. */
  wait_listed (page, "lap:50", NULL, "lap:");
  lap = listed_ids (page);
  g_assert_cmpuint (lap->len, ==, 50);
  g_assert_cmpstr (lap->pdata[0], ==, "lap:1");
  g_assert_cmpstr (lap->pdata[37], ==, "lap:38");

  /* Named by plan and number; what is unverified is said once, above the list. */
  number = dup_entry_number (page, "lap:39");
  g_assert_cmpstr (number, ==, "LAP Action 39");
  wait_until (banner_says, &lap_banner);
  g_assert_null (find_matching (find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW),
                                is_unverified_label, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.plan", "s", "dap"));
  wait_listed (page, "dap:5.2", NULL, "dap:");
  dap = listed_ids (page);
  g_assert_cmpuint (dap->len, ==, 26);
  g_free (number);
  number = dup_entry_number (page, "dap:5.5");
  g_assert_cmpstr (number, ==, "DAP Action 5.5");
  wait_until (banner_says, &dap_banner);

  /* A number finds its action in the plan the switch shows, and only there. */
  search (page, "5.2");
  wait_listed (page, "dap:5.2", "dap:5.1", "dap:");
  search (page, "victims");
  wait_listed (page, NULL, "lap:36", "dap:");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.plan", "s", "lap"));
  search (page, "38");
  wait_listed (page, "lap:38", "lap:39", "lap:");

  /* Words, in title or summary; accents do not matter. */
  search (page, "victims");
  wait_listed (page, "lap:36", "lap:38", "lap:");
  plain = listed_ids (page);
  search (page, "víctîms");
  wait_listed (page, "lap:36", "lap:38", "lap:");
  accented = listed_ids (page);
  g_assert_cmpuint (plain->len, ==, accented->len);
  for (guint i = 0; i < plain->len; i++)
    g_assert_cmpstr (plain->pdata[i], ==, accented->pdata[i]);

  /* An edit that makes another action match joins the results, the query unchanged. */
  edit = six_edit_new (six_kind_lookup ("action"), "lap:12");
  six_edit_set_string (edit, "summary", "Destroy stocks before they claim more victims");
  g_ptr_array_add (edits, edit);
  six_repository_apply_async (six_window_get_repository (fixture->window), "Edit", edits, NULL,
                              applied_cb, &operation);
  wait_until (nonzero, &operation);
  wait_listed (page, "lap:12", "lap:38", NULL);

  /* Nothing matches: an empty state, not an empty list. */
  search (page, "zzzz-nothing");
  wait_until (widget_mapped, find_descendant (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.plan", "s", "dap"));
  search (page, "");
  wait_listed (page, "dap:1.1", "lap:1", "dap:");

  /* Unverified only: the verified DAP 5.5 goes, the placeholder 1.1 stays. */
  g_object_set (page, "unverified-only", TRUE, NULL);
  wait_listed (page, "dap:1.1", "dap:5.5", "dap:");
  g_object_set (page, "unverified-only", FALSE, NULL);
  wait_listed (page, "dap:5.5", NULL, "dap:");

  /* The filter menu, drawn for review. */
  filter_button = find_descendant (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON);
  gtk_menu_button_popup (GTK_MENU_BUTTON (filter_button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter_button)));
  save_widget_png (popover, png);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (filter_button));
}

/* The rows of @list whose subtitle is @kind: at least @at_least, no two titled alike. */
static void
assert_rows_distinct (GtkListBox *list,
                      const char *kind,
                      guint       at_least)
{
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, (int) i)) != NULL; i++)
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), kind) != 0)
        continue;
      if (!g_hash_table_add (titles, (gpointer) title))
        g_error ("Two rows read “%s”", title);
    }
  g_assert_cmpuint (g_hash_table_size (titles), >=, at_least);
}

/* Open LAP Action 38, track it, correct it, verify it, link to it — and undo. */
static void
detail_body (Fixture *fixture)
{
  SixRepository *repository = six_window_get_repository (fixture->window);
  SixActionsPage *page = open_page (fixture);
  SixActionDetail *detail = six_actions_page_get_detail (page);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  GtkWidget *badge, *title_row, *status_row, *notes_row, *focus;
  RowWait lebanon_row = { GTK_WIDGET (detail), "Lebanon" };
  RowWait lap_38_row = { GTK_WIDGET (detail), "LAP Action 38" };
  SixLinkDialog *dialog;
  gint64 operation = 0;
  SixEdit *edit;

  wait_listed (page, "lap:38", NULL, "lap:");
  six_actions_page_open_action (page, "lap:38");
  wait_until (detail_shows_action, detail);

  /* The keyboard's focus coming into the action selects none of its text. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (detail), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_false (GTK_IS_LABEL (focus) &&
                  gtk_label_get_selection_bounds (GTK_LABEL (focus), NULL, NULL));
  g_assert_false (GTK_IS_EDITABLE (focus) &&
                  gtk_editable_get_selection_bounds (GTK_EDITABLE (focus), NULL, NULL));

  /* The pack does not vouch for its wording: the badge says so. */
  badge = find_matching (GTK_WIDGET (detail), is_unverified_label, NULL);
  g_assert_nonnull (badge);
  wait_until (widget_visible, badge);
  title_row = find_descendant (GTK_WIDGET (detail), SIX_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Action 38");
  /* A title that only repeats the number: the header reads the gist instead. */
  g_assert_nonnull (find_matching (GTK_WIDGET (detail), is_label_starting,
                                   "States needing help state their needs"));
  g_assert_null (find_matching (GTK_WIDGET (detail), is_label_starting, "Action 38"));

  /* The crosswalk shows the DAP's side, and opens it. */
  g_assert_nonnull (find_row_titled (GTK_WIDGET (detail), "DAP Action 5.2"));

  /* Status: a follow-up is created, shown in the list, and undone as one. */
  status_row = find_descendant (GTK_WIDGET (detail), ADW_TYPE_COMBO_ROW);
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), 1);
  wait_field (repository, "action_tracking", "lap:38", "status", "in_progress");
  g_object_set (page, "status-filter", "in_progress", NULL);
  wait_listed (page, "lap:38", "lap:39", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_field (repository, "action_tracking", "lap:38", "status", NULL);
  g_object_set (page, "status-filter", "", NULL);

  /* A correction of the title, then undone. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Make needs known");
  g_signal_emit_by_name (title_row, "apply");
  wait_field (repository, "action", "lap:38", "title", "Make needs known");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_field (repository, "action", "lap:38", "title", "Action 38");
  wait_until (title_row_reverted, title_row);

  /* Verified: the badge goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.mark-verified", NULL));
  wait_field (repository, "action", "lap:38", "verified", "true");
  wait_until (widget_hidden, badge);

  /* Link a country through the dialog, as a user would. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.add-link", NULL));
  wait_until (has_toplevel, GSIZE_TO_POINTER (SIX_TYPE_LINK_DIALOG));
  dialog = SIX_LINK_DIALOG (find_toplevel (SIX_TYPE_LINK_DIALOG));

  /* The nine 2018 victim-assistance requests share their words: each row names its State. */
  six_link_dialog_set_query (dialog, "Assistance sought for victim assistance");
  wait_until (nonnull_row, six_link_dialog_get_results (dialog));
  assert_rows_distinct (six_link_dialog_get_results (dialog), "Request for assistance", 9);
  g_assert_nonnull (find_row_titled (GTK_WIDGET (six_link_dialog_get_results (dialog)),
                                     "Lebanon · 2018 · Victim assistance"));
  {
    g_autofree char *png = review_path ("link-dialog-requests.png");

    save_widget_png (GTK_WIDGET (dialog), png);
  }

  six_link_dialog_set_query (dialog, "Lebanon");
  wait_until (first_row_is_lebanon, six_link_dialog_get_results (dialog));
  {
    g_autofree char *png = review_path ("link-dialog.png");

    save_widget_png (GTK_WIDGET (dialog), png);
  }
  g_signal_emit_by_name (six_link_dialog_get_results (dialog), "row-activated",
                         gtk_list_box_get_row_at_index (six_link_dialog_get_results (dialog), 0));
  wait_field (repository, "action_tracking", "lap:38", "links", "['LBN']");

  /* Its row opens the record where it lives, … */
  wait_until (row_titled, &lebanon_row);
  {
    GtkWidget *row = find_row_titled (GTK_WIDGET (detail), "Lebanon");
    GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));
    g_autoptr(GVariant) expected = g_variant_ref_sink (g_variant_new ("(ss)", "country", "LBN"));

    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==,
                     "win.open-record");
    g_assert_true (g_variant_equal (target, expected));
  }

  /* The detail's foot, for review: related actions, then the linked records. */
  {
    GtkWidget *scroller = find_by_id (GTK_WIDGET (detail), "scroller");
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    g_autofree char *png = review_path ("action-detail-links.png");

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    save_widget_png (GTK_WIDGET (fixture->window), png);
  }

  /* … its button unlinks it (a minus, named for the link, not a bin); Undo links it again. */
  {
    GtkWidget *button = find_shown_button (find_row_titled (GTK_WIDGET (detail), "Lebanon"));

    g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "list-remove-symbolic");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Remove Link");
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                     "detail.remove-link");
  }
  click_row_button (GTK_WIDGET (detail), "Lebanon");
  wait_field (repository, "action_tracking", "lap:38", "links", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_field (repository, "action_tracking", "lap:38", "links", "['LBN']");

  /* Notes are the coordinator's own. */
  notes_row = find_row_titled (GTK_WIDGET (detail), "Notes");
  gtk_editable_set_text (GTK_EDITABLE (notes_row), "  Raised with the donors' group  ");
  g_signal_emit_by_name (notes_row, "apply");
  wait_field (repository, "action_tracking", "lap:38", "notes", "Raised with the donors' group");

  /* A related action opens in its place; removing the pair edits both sides. */
  g_assert_true (gtk_widget_activate (find_row_titled (GTK_WIDGET (detail), "DAP Action 5.2")));
  g_assert_cmpstr (six_action_detail_get_action_id (detail), ==, "dap:5.2");
  wait_until (row_titled, &lap_38_row);
  click_row_button (GTK_WIDGET (detail), "LAP Action 38");
  wait_field (repository, "action", "dap:5.2", "related", NULL);
  wait_field (repository, "action", "lap:38", "related", "['dap:5.3']");
  six_actions_page_open_action (page, "lap:38");

  /* An open activity naming the action: "with open follow-ups" finds it. */
  edit = six_edit_new (six_kind_lookup ("activity"), NULL);
  six_edit_set_string (edit, "title", "Draft the needs statement");
  six_edit_set_string (edit, "status", "planned");
  six_edit_set (edit, "actions", g_variant_new_strv ((const char * const[]) { "lap:40" }, 1));
  g_ptr_array_add (edits, edit);
  six_repository_apply_async (repository, "Add an activity", edits, NULL, applied_cb, &operation);
  wait_until (nonzero, &operation);
  g_object_set (page, "open-only", TRUE, NULL);
  wait_listed (page, "lap:40", "lap:38", NULL);
}

static gboolean
result_listed (gpointer data)
{
  SixSearchPage *search = data;
  GListModel *results = six_search_page_get_results (search);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(SixRecord) record = g_list_model_get_item (results, i);

      if (g_strcmp0 (six_record_get_id (record), "lap:38") == 0)
        return TRUE;
    }

  return FALSE;
}

/* A result of the window's search opens on this page. */
static void
search_opens_body (Fixture *fixture)
{
  GtkWidget *entry = find_descendant (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY);
  SixSearchPage *search = SIX_SEARCH_PAGE (six_window_get_page_widget (fixture->window, "search"));
  SixActionsPage *page = SIX_ACTIONS_PAGE (six_window_get_page_widget (fixture->window, "action-plans"));
  GListModel *results = six_search_page_get_results (search);
  guint position = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), "38");
  wait_until (result_listed, search);
  for (; position < g_list_model_get_n_items (results); position++)
    {
      g_autoptr(SixRecord) record = g_list_model_get_item (results, position);

      if (g_strcmp0 (six_record_get_id (record), "lap:38") == 0)
        break;
    }

  g_signal_emit_by_name (find_descendant (GTK_WIDGET (search), GTK_TYPE_LIST_VIEW), "activate",
                         position);
  g_assert_cmpstr (six_window_get_page (fixture->window), ==, "action-plans");
  g_assert_cmpstr (six_action_detail_get_action_id (six_actions_page_get_detail (page)), ==,
                   "lap:38");
  wait_until (detail_shows_action, six_actions_page_get_detail (page));
}

/* The page drawn for review, wide and narrow, with an action open. */
static void
test_screenshots (void)
{
  assert_screenshots ("action-plans", "action:lap:38");
}

static void
test_browse (Fixture       *fixture,
             gconstpointer  data)
{
  run_in_app (fixture, browse_body);
}

static void
test_detail (Fixture       *fixture,
             gconstpointer  data)
{
  run_in_app (fixture, detail_body);
}

static void
test_search_opens (Fixture       *fixture,
                   gconstpointer  data)
{
  run_in_app (fixture, search_opens_body);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/actions/browse", Fixture, NULL, fixture_set_up, test_browse,
              fixture_tear_down);
  g_test_add ("/ui/actions/detail", Fixture, NULL, fixture_set_up, test_detail,
              fixture_tear_down);
  g_test_add ("/ui/actions/search-opens", Fixture, NULL, fixture_set_up, test_search_opens,
              fixture_tear_down);
  g_test_add_func ("/ui/actions/screenshots", test_screenshots);

  return g_test_run ();
}
