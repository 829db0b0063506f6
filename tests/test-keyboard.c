/* test-keyboard.c — what a mouse reaches, the keyboard reaches: on every page and in every
 * dialog, Tab comes to each control that can be used, and every shortcut is listed in the
 * shortcuts window
 *
 * Tab is the window's "move-focus" signal, the one GTK binds to the key; key presses
 * themselves, with Escape and Enter, are the end-to-end keyboard journey's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "six-action-detail.h"
#include "six-actions-page.h"
#include "six-coalition-assistant.h"
#include "six-coalitions-page.h"
#include "six-countries-page.h"
#include "six-country-profile.h"
#include "six-entry-row.h"
#include "six-exchange-page.h"
#include "six-link-dialog.h"
#include "six-overview-page.h"
#include "six-preferences-window.h"
#include "six-tab-stop.h"
#include "ui-fixture.h"

/* A control a pointer can use: Tab must come to it, or to the list that holds it. */
static gboolean
is_control (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;
  /* The window's own buttons are the window manager's keys' (Ctrl+W closes). */
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL)
    return FALSE;

  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
         GTK_IS_TEXT (widget) || GTK_IS_SCALE (widget) ||
         (GTK_IS_LIST_BOX_ROW (widget) &&
          gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)));
}

static void
collect_controls (GtkWidget *widget,
                  GPtrArray *controls)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (is_control (widget))
    g_ptr_array_add (controls, g_object_ref (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_controls (child, controls);
}

static const char *
named_ancestor (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

      if (id != NULL)
        return id;
    }

  return "the window";
}

static char *
describe (GtkWidget *widget)
{
  const char *said = NULL;
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

  if (GTK_IS_BUTTON (widget))
    said = gtk_button_get_label (GTK_BUTTON (widget));
  if (said == NULL)
    said = gtk_widget_get_tooltip_text (widget);
  if (said == NULL && GTK_IS_ACTIONABLE (widget))
    said = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));
  if (said == NULL && row != NULL)
    said = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  return g_strdup_printf ("%s “%s” in %s", G_OBJECT_TYPE_NAME (widget),
                          said != NULL ? said : "", named_ancestor (widget));
}

/* The widgets Tab gives the focus to, once round @root, starting wherever it is. */
static GPtrArray *
tab_round (GtkWidget  *root,
           const char *where)
{
  GPtrArray *visited = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *first = NULL;

  for (guint i = 0; i < 2000; i++)
    {
      GtkWidget *focus;

      g_signal_emit_by_name (root, "move-focus", GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (root));
      if (focus == NULL)
        continue;
      if (focus == first)
        return visited;
      if (first == NULL)
        first = focus;
      g_ptr_array_add (visited, g_object_ref (focus));
    }

  /* Round and round a few widgets, never back to the first: a trap, or a page changed by
   * the focus. */
  for (guint i = 0; i < MIN (visited->len, 40); i++)
    {
      g_autofree char *what = describe (g_ptr_array_index (visited, i));

      g_test_message ("Tab came to %s", what);
    }
  g_error ("%s: Tab never came back to where it started", where);
}

/* The items of a GtkListView and the rows of the sidebar (a SixTabStop) are reached by the
 * arrow keys once Tab is in the list. */
static GtkWidget *
list_view_of (GtkWidget *widget)
{
  GType lists[] = { GTK_TYPE_LIST_VIEW, GTK_TYPE_COLUMN_VIEW, SIX_TYPE_TAB_STOP };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GtkWidget *list = gtk_widget_get_ancestor (widget, lists[i]);

      if (list != NULL)
        return list;
    }

  return NULL;
}

static gboolean
reached (GtkWidget *control,
         GPtrArray *visited)
{
  GtkWidget *list = list_view_of (control);

  for (guint i = 0; i < visited->len; i++)
    {
      GtkWidget *focus = g_ptr_array_index (visited, i);

      /* An entry's text, a drop-down's or a menu button's own button. */
      if (focus == control || gtk_widget_is_ancestor (focus, control) ||
          gtk_widget_is_ancestor (control, focus))
        return TRUE;
      if (list != NULL && gtk_widget_is_ancestor (focus, list))
        return TRUE;
    }

  return FALSE;
}

/* Fails naming each control of @root that Tab does not come to. */
static void
assert_tab_reaches_all (GtkWidget  *root,
                        const char *where)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) visited = tab_round (root, where);
  g_autoptr(GString) missed = g_string_new (NULL);

  collect_controls (root, controls);
  g_assert_cmpuint (controls->len, >, 0);
  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *control = g_ptr_array_index (controls, i);

      if (!reached (control, visited))
        {
          g_autofree char *what = describe (control);

          g_string_append_printf (missed, "\n  %s", what);
        }
    }
  if (missed->len > 0)
    g_error ("%s: Tab never comes to%s", where, missed->str);
  g_test_message ("%s: %u controls, %u stops of Tab", where, controls->len, visited->len);
}

/* Stack transitions over: the widgets shown are the ones that stay. */
static gboolean
no_transition (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!no_transition (child))
      return FALSE;

  return TRUE;
}

static gboolean
settled (gpointer window)
{
  return no_transition (window);
}

static gboolean
page_ready (gpointer data)
{
  GtkWidget *page = data;

  if (!no_transition (gtk_widget_get_ancestor (page, GTK_TYPE_WINDOW)))
    return FALSE;
  if (SIX_IS_OVERVIEW_PAGE (page))
    return six_overview_page_get_overview (SIX_OVERVIEW_PAGE (page)) != NULL;
  if (SIX_IS_ACTIONS_PAGE (page))
    return !six_actions_page_is_updating (SIX_ACTIONS_PAGE (page));
  if (SIX_IS_COUNTRIES_PAGE (page))
    return !six_countries_page_is_updating (SIX_COUNTRIES_PAGE (page));
  if (SIX_IS_EXCHANGE_PAGE (page))
    return g_strcmp0 (six_exchange_page_get_state (SIX_EXCHANGE_PAGE (page)), "loading") != 0;

  return TRUE;
}

static GtkWidget *
show_page (Fixture    *fixture,
           const char *name,
           GType       type)
{
  GtkWidget *page = six_window_get_page_widget (fixture->window, name);

  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, type));
  six_window_show_page (fixture->window, name);
  wait_until (page_ready, page);

  return page;
}

static void
pages_body (Fixture *fixture)
{
  struct { const char *name; GType type; } pages[] = {
    { "overview", SIX_TYPE_OVERVIEW_PAGE },
    { "action-plans", SIX_TYPE_ACTIONS_PAGE },
    { "countries", SIX_TYPE_COUNTRIES_PAGE },
    { "coalitions", SIX_TYPE_COALITIONS_PAGE },
    { "exchange", SIX_TYPE_EXCHANGE_PAGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      show_page (fixture, pages[i].name, pages[i].type);
      assert_tab_reaches_all (GTK_WIDGET (fixture->window), pages[i].name);
    }
}

static gboolean
action_shown (gpointer page)
{
  SixActionDetail *detail = six_actions_page_get_detail (page);

  return g_strcmp0 (six_action_detail_get_state (detail), "action") == 0 &&
         settled (gtk_widget_get_root (page));
}

static SixActionsPage *
open_action (Fixture    *fixture,
             const char *id)
{
  SixActionsPage *page = SIX_ACTIONS_PAGE (show_page (fixture, "action-plans",
                                                      SIX_TYPE_ACTIONS_PAGE));

  six_actions_page_open_action (page, id);
  wait_until (action_shown, page);

  return page;
}

/* An action opened: its status, notes and links. */
static void
action_body (Fixture *fixture)
{
  open_action (fixture, "lap:39");
  assert_tab_reaches_all (GTK_WIDGET (fixture->window), "LAP Action 39");
}

static gboolean
profile_shown (gpointer profile)
{
  return six_country_profile_get_profile (profile) != NULL &&
         no_transition (gtk_widget_get_ancestor (profile, GTK_TYPE_WINDOW));
}

static gboolean
contribution_shown (gpointer profile)
{
  return find_row_titled (profile, "From Norway · Survey and clearance") != NULL &&
         profile_shown (profile);
}

/* A profile with a row of each kind: its edit and remove buttons are reached too. */
static void
profile_body (Fixture *fixture)
{
  SixCountriesPage *page = SIX_COUNTRIES_PAGE (show_page (fixture, "countries",
                                                          SIX_TYPE_COUNTRIES_PAGE));
  SixCountryProfile *profile = six_countries_page_get_profile (page);
  SixRecordForm *form;

  six_countries_page_open_country (page, "LBN");
  wait_until (profile_shown, profile);
  form = open_form (profile, "profile.add-contribution");
  assert_tab_reaches_all (GTK_WIDGET (form), "the contribution form");
  pick (form, "donor", "Norway");
  pick (form, "category", "Survey and clearance");
  type_into (form, "amount", "250000");
  g_assert_true (six_record_form_save (form));
  wait_until (no_form, NULL);
  wait_until (contribution_shown, profile);
  assert_tab_reaches_all (GTK_WIDGET (fixture->window), "Lebanon’s profile");
}

static gboolean
workspace_shown (gpointer page)
{
  return six_coalitions_page_get_view (page) != NULL &&
         find_row_titled (page, "Lebanon") != NULL &&
         no_transition (gtk_widget_get_ancestor (page, GTK_TYPE_WINDOW));
}

/* The assistant that starts a coalition, then the workspace with its lead as a member. */
static void
coalition_body (Fixture *fixture)
{
  SixCoalitionsPage *page = SIX_COALITIONS_PAGE (show_page (fixture, "coalitions",
                                                            SIX_TYPE_COALITIONS_PAGE));
  SixCoalitionAssistant *assistant;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start-coalition",
                                             "s", "LBN"));
  wait_until (has_toplevel, GSIZE_TO_POINTER (SIX_TYPE_COALITION_ASSISTANT));
  assistant = SIX_COALITION_ASSISTANT (find_toplevel (SIX_TYPE_COALITION_ASSISTANT));
  wait_until (settled, assistant);
  assert_tab_reaches_all (GTK_WIDGET (assistant), "the coalition assistant");
  g_assert_true (six_coalition_assistant_start (assistant));
  wait_until (workspace_shown, page);
  assert_tab_reaches_all (GTK_WIDGET (fixture->window), "a coalition’s workspace");
}

/* Preferences, and the dialog that links an action to others. */
static void
dialogs_body (Fixture *fixture)
{
  SixActionsPage *page = open_action (fixture, "lap:39");
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  wait_until (has_toplevel, GSIZE_TO_POINTER (SIX_TYPE_PREFERENCES_WINDOW));
  dialog = find_toplevel (SIX_TYPE_PREFERENCES_WINDOW);
  wait_until (settled, dialog);
  assert_tab_reaches_all (GTK_WIDGET (dialog), "Preferences");
  gtk_window_destroy (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (six_actions_page_get_detail (page)),
                                             "detail.add-link", NULL));
  wait_until (has_toplevel, GSIZE_TO_POINTER (SIX_TYPE_LINK_DIALOG));
  dialog = find_toplevel (SIX_TYPE_LINK_DIALOG);
  wait_until (settled, dialog);
  assert_tab_reaches_all (GTK_WIDGET (dialog), "the link dialog");
  gtk_window_destroy (dialog);
}

static gboolean
same_accelerator (const char *a,
                  const char *b)
{
  guint key_a, key_b;
  GdkModifierType mods_a, mods_b;

  return gtk_accelerator_parse (a, &key_a, &mods_a) && gtk_accelerator_parse (b, &key_b, &mods_b) &&
         gdk_keyval_to_lower (key_a) == gdk_keyval_to_lower (key_b) && mods_a == mods_b;
}

static gboolean
listed (GPtrArray  *shown,
        const char *accelerator)
{
  for (guint i = 0; i < shown->len; i++)
    if (same_accelerator (g_ptr_array_index (shown, i), accelerator))
      return TRUE;

  return FALSE;
}

static void
collect_listed (GtkWidget *widget,
                GPtrArray *shown)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      g_ptr_array_add (shown, accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed (child, shown);
}

/* The shortcuts a widget's class binds to actions ("win.import-file", "countries.print" …). */
static void
collect_bound (GtkWidget *widget,
               GPtrArray *bound)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (action))
            g_ptr_array_add (bound,
                             gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut)));
        }
    }
}

/* Every accelerator the application sets and every key the window binds is in the shortcuts
 * window, and the shortcuts window lists nothing that does not work. */
static void
shortcuts_body (Fixture *fixture)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (fixture->window);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (fixture->app));
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bound = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *countries = six_window_get_page_widget (fixture->window, "countries");

  g_assert_nonnull (overlay);
  collect_listed (GTK_WIDGET (overlay), shown);
  g_assert_cmpuint (shown->len, >, 10);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                                    actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          g_ptr_array_add (bound, g_strdup (accels[j]));
        }
    }
  collect_bound (GTK_WIDGET (fixture->window), bound);
  collect_bound (countries, bound);
  g_assert_cmpuint (bound->len, >=, 14);

  for (guint i = 0; i < bound->len; i++)
    if (!listed (shown, g_ptr_array_index (bound, i)))
      g_error ("%s works but the shortcuts window does not list it",
               (char *) g_ptr_array_index (bound, i));
  for (guint i = 0; i < shown->len; i++)
    if (!listed (bound, g_ptr_array_index (shown, i)))
      g_error ("The shortcuts window lists %s, which does nothing",
               (char *) g_ptr_array_index (shown, i));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* A form's text field: its entry is named by the row's title, which a screen reader says as
 * the focus comes; a value the program sets shows no apply button, a typed one does, and
 * Enter applies it. */
static void
test_entry_row (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = six_entry_row_new ();
  GtkWidget *entry, *apply_button;
  guint applied = 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Amount");
  six_entry_row_set_show_apply_button (SIX_ENTRY_ROW (row), TRUE);
  g_signal_connect_swapped (row, "apply", G_CALLBACK (count_cb), &applied);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, row);

  entry = find_descendant (row, GTK_TYPE_ENTRY);
  apply_button = find_matching (row, is_button_with_icon, "object-select-symbolic");
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (entry),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, "Amount"));

  /* As with libadwaita's entry row, text that changes while the focus is elsewhere was not
   * typed. */
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), "12");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "12");
  g_assert_false (gtk_widget_get_visible (apply_button));

  /* Tab comes to the entry itself; the row is no stop of its own. */
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  gtk_editable_set_text (GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (window))), "250000");
  g_assert_true (gtk_widget_get_visible (apply_button));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "250000");

  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (applied, ==, 1);
  g_assert_false (gtk_widget_get_visible (apply_button));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  run_in_app (fixture, pages_body);
}

static void
test_profile (Fixture       *fixture,
              gconstpointer  data)
{
  run_in_app (fixture, profile_body);
}

static void
test_coalition (Fixture       *fixture,
                gconstpointer  data)
{
  run_in_app (fixture, coalition_body);
}

static void
test_action (Fixture       *fixture,
             gconstpointer  data)
{
  run_in_app (fixture, action_body);
}

static void
test_dialogs (Fixture       *fixture,
              gconstpointer  data)
{
  run_in_app (fixture, dialogs_body);
}

static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  run_in_app (fixture, shortcuts_body);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/keyboard/entry-row", test_entry_row);
  g_test_add ("/ui/keyboard/pages", Fixture, NULL, fixture_set_up, test_pages,
              fixture_tear_down);
  g_test_add ("/ui/keyboard/action", Fixture, NULL, fixture_set_up, test_action,
              fixture_tear_down);
  g_test_add ("/ui/keyboard/profile", Fixture, NULL, fixture_set_up, test_profile,
              fixture_tear_down);
  g_test_add ("/ui/keyboard/coalition", Fixture, NULL, fixture_set_up, test_coalition,
              fixture_tear_down);
  g_test_add ("/ui/keyboard/dialogs", Fixture, NULL, fixture_set_up, test_dialogs,
              fixture_tear_down);
  g_test_add ("/ui/keyboard/shortcuts", Fixture, NULL, fixture_set_up, test_shortcuts,
              fixture_tear_down);

  return g_test_run ();
}
