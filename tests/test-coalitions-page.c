/* test-coalitions-page.c — the Coalitions page on a database holding the reference pack: the
 * empty state; a coalition started for Lebanon from its profile, two members (one a new
 * organisation), a meeting and a follow-up added, the follow-up marked done and undone; the
 * brief and "Send to Members"; the list's search and filter; search results opened in the
 * workspace; the page folded at 480 px
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "six-coalition-assistant.h"
#include "six-coalition-row.h"
#include "six-coalitions-page-private.h"
#include "six-countries-page.h"
#include "six-overview-page.h"
#include "six-record-form.h"
#include "six-search-page.h"
#include "ui-fixture.h"

static SixCoalitionsPage *
get_page (Fixture *fixture)
{
  return SIX_COALITIONS_PAGE (six_window_get_page_widget (fixture->window, "coalitions"));
}

typedef struct
{
  GtkWidget  *root;
  const char *stack;
  const char *child;
} StackWait;

static gboolean
stack_shows (gpointer data)
{
  StackWait *wait = data;
  GtkWidget *stack = find_by_id (wait->root, wait->stack);

  return stack != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), wait->child) == 0;
}

#define wait_stack(root, stack, child) \
  G_STMT_START { \
    StackWait wait_ = { GTK_WIDGET (root), (stack), (child) }; \
    wait_until (stack_shows, &wait_); \
  } G_STMT_END

typedef struct
{
  GtkWidget  *root;
  const char *group;
  const char *title;
} RowWait;

static GtkWidget *
find_in_group (GtkWidget  *root,
               const char *group,
               const char *title)
{
  GtkWidget *found = find_by_id (root, group);

  return found != NULL ? find_row_titled (found, title) : NULL;
}

static gboolean
row_shows (gpointer data)
{
  RowWait *wait = data;

  return find_in_group (wait->root, wait->group, wait->title) != NULL;
}

#define wait_row(root, group, title) \
  G_STMT_START { \
    RowWait wait_ = { GTK_WIDGET (root), (group), (title) }; \
    wait_until (row_shows, &wait_); \
  } G_STMT_END

static gboolean
profile_shown (gpointer profile)
{
  return six_country_profile_get_profile (profile) != NULL;
}

/* The workspace shows the coalition opened, as read after the last write. */
static gboolean
workspace_shown (gpointer data)
{
  SixCoalitionsPage *page = data;
  SixCoalitionView *view = six_coalitions_page_get_view (page);

  return view != NULL && six_coalitions_page_get_coalition_id (page) != NULL &&
         g_strcmp0 (six_coalition_view_get_id (view),
                    six_coalitions_page_get_coalition_id (page)) == 0 &&
         stack_shows (&(StackWait) { GTK_WIDGET (page), "detail_stack", "workspace" });
}

static guint
count_forms (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SIX_IS_RECORD_FORM (l->data) && gtk_widget_get_visible (l->data))
      n++;

  return n;
}

static gboolean
two_forms (gpointer data)
{
  return count_forms () == 2;
}

static gboolean
one_form (gpointer data)
{
  return count_forms () == 1;
}

static SixRecordForm *
find_form_titled (const char *title)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SIX_IS_RECORD_FORM (l->data) &&
        g_strcmp0 (gtk_window_get_title (l->data), title) == 0)
      return l->data;

  g_error ("no form titled “%s”", title);
}

static gboolean
has_action_name (GtkWidget     *widget,
                 gconstpointer  name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0;
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static SixCoalitionFollowUp *
find_follow_up (SixCoalitionsPage *page,
                const char        *title)
{
  SixCoalitionView *view = six_coalitions_page_get_view (page);
  GPtrArray *follow_ups = view != NULL ? six_coalition_view_get_follow_ups (view) : NULL;

  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    {
      SixCoalitionFollowUp *follow_up = follow_ups->pdata[i];

      if (g_strcmp0 (six_record_get_string (follow_up->activity, "title"), title) == 0)
        return follow_up;
    }

  return NULL;
}

static gboolean
follow_up_done (gpointer page)
{
  SixCoalitionFollowUp *follow_up = find_follow_up (page, "Send the survey plan");

  return follow_up != NULL && !follow_up->open &&
         gtk_widget_has_css_class (find_in_group (page, "follow_ups_group", "Send the survey plan"),
                                   "dim-label");
}

static gboolean
follow_up_overdue (gpointer page)
{
  SixCoalitionFollowUp *follow_up = find_follow_up (page, "Send the survey plan");
  GtkWidget *row = find_in_group (page, "follow_ups_group", "Send the survey plan");

  return follow_up != NULL && follow_up->open && follow_up->overdue && row != NULL &&
         gtk_widget_has_css_class (row, "overdue");
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, NULL, &error));
  g_assert_no_error (error);

  return out;
}

static void
assert_brief (Fixture           *fixture,
              SixCoalitionsPage *page)
{
  g_autofree char *path = review_path ("coalition-brief.pdf");
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *text_argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  g_unlink (path);
  _six_coalitions_page_save_brief (page, path);
  wait_toast (fixture->window, "Saved");
  g_assert_true (file_exists (path));
  info = run (info_argv);
  text = run (text_argv);
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (text, "Country Coalition for Lebanon"));
  g_assert_nonnull (strstr (text, "Obligations of Lebanon and time left"));
  g_assert_nonnull (strstr (text, "Send the survey plan"));
  g_assert_nonnull (strstr (text, "Norway"));
  g_assert_nonnull (strstr (text, "Review the survey plan"));
  g_assert_nonnull (strstr (text, "Attendees: Norway"));
  g_test_message ("Kept for review: %s", path);
}

/* The coalitions the list shows: its rows on screen, each holding one. */
static GPtrArray *
listed_rows (GtkWidget *page)
{
  GtkWidget *list = find_by_id (page, "list_view");
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (SIX_IS_COALITION_ROW (row) && gtk_widget_get_mapped (row) &&
          six_coalition_row_get_coalition (SIX_COALITION_ROW (row)) != NULL)
        g_ptr_array_add (rows, row);
    }

  return rows;
}

static gboolean
list_settled (gpointer page)
{
  g_autoptr(GPtrArray) rows = listed_rows (page);

  return rows->len == 1;
}

static gboolean
label_holds (GtkWidget     *widget,
             gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
page_is (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (six_window_get_page (fixture->window), "coalitions") == 0;
}

static GtkCheckButton *
find_tick (GtkWidget  *root,
           const char *title)
{
  GtkWidget *row = find_row_titled (root, title);

  g_assert_nonnull (row);

  return GTK_CHECK_BUTTON (find_descendant (row, GTK_TYPE_CHECK_BUTTON));
}

static gboolean
is_ticked (GtkWidget  *root,
           const char *title)
{
  return gtk_check_button_get_active (find_tick (root, title));
}

static void
tick (GtkWidget  *root,
      const char *title,
      gboolean    active)
{
  gtk_check_button_set_active (find_tick (root, title), active);
}

static gboolean
described (gpointer page)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (find_by_id (page, "about_label"))),
                    "Clearance of the south by 2031.") == 0;
}

static gboolean
overview_lists (gpointer overview)
{
  return find_row_titled (overview, "Country Coalition for Lebanon") != NULL;
}

static gboolean
list_shown (gpointer page)
{
  return adw_leaflet_get_visible_child (ADW_LEAFLET (find_by_id (page, "leaflet"))) ==
         find_by_id (page, "list_pane");
}

static gboolean
folded (gpointer page)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (find_by_id (page, "leaflet")));
}

static gboolean
settled (gpointer data)
{
  GtkWidget *body = find_by_id (data, "body_stack");
  GtkWidget *stack = find_by_id (data, "stack");

  return !gtk_stack_get_transition_running (GTK_STACK (body)) &&
         !gtk_stack_get_transition_running (GTK_STACK (stack));
}

static void
journey_body (Fixture *fixture)
{
  SixCoalitionsPage *page = get_page (fixture);
  SixCountriesPage *countries = SIX_COUNTRIES_PAGE (six_window_get_page_widget (fixture->window, "countries"));
  SixCountryProfile *profile = six_countries_page_get_profile (countries);
  SixCoalitionAssistant *assistant;
  SixRecordForm *form, *organisation;
  g_autofree char *png = NULL;
  g_autofree char *coalition_id = NULL;
  g_autofree char *meeting_id = NULL;
  g_autofree char *meeting_label = NULL;
  g_autofree char *next_month = date_from_today (30);
  g_autofree char *last_week = date_from_today (-7);
  g_autofree char *next_meeting = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  GtkWidget *row, *button, *check;
  GPtrArray *upcoming;

  /* No coalition yet: the page says what one is, and offers to start one. */
  six_window_show_page (fixture->window, "coalitions");
  wait_stack (page, "stack", "empty");
  button = find_descendant (find_by_id (GTK_WIDGET (page), "stack"), GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "coalitions.start");
  wait_until (settled, fixture->window);
  png = review_path ("coalitions-empty.png");
  save_widget_png (GTK_WIDGET (fixture->window), png);

  /* Started from Lebanon's profile: the assistant knows the lead and proposes the title. */
  six_window_show_page (fixture->window, "countries");
  six_countries_page_open_country (countries, "LBN");
  wait_until (profile_shown, profile);
  row = find_row_titled (GTK_WIDGET (profile), "Start a Coalition for Lebanon");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  wait_until (has_toplevel, GSIZE_TO_POINTER (SIX_TYPE_COALITION_ASSISTANT));
  g_assert_cmpstr (six_window_get_page (fixture->window), ==, "coalitions");
  assistant = SIX_COALITION_ASSISTANT (find_toplevel (SIX_TYPE_COALITION_ASSISTANT));
  g_assert_cmpstr (six_coalition_assistant_get_lead (assistant), ==, "LBN");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (assistant),
                                                                    "title_row"))),
                   ==, "Country Coalition for Lebanon");
  /* Lebanon's clearance is still open: the coalition's focus comes ticked. */
  g_assert_true (is_ticked (GTK_WIDGET (assistant), "Article 4 — Clearance"));
  g_free (png);
  png = review_path ("coalitions-assistant.png");
  save_widget_png (GTK_WIDGET (assistant), png);
  g_assert_true (six_coalition_assistant_start (assistant));
  wait_until (workspace_shown, page);
  coalition_id = g_strdup (six_coalitions_page_get_coalition_id (page));
  wait_toast (fixture->window, "Coalition started");
  dismiss_toast (fixture->window);
  wait_row (page, "members_group", "Lebanon");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_by_id (GTK_WIDGET (page), "heading_label"))),
                   ==, "Country Coalition for Lebanon");
  g_assert_nonnull (find_in_group (GTK_WIDGET (page), "obligations_group", "Article 4 — Clearance"));

  /* Two members: Norway, and an organisation made from the member's form. */
  form = open_form (page, "coalitions.add-member");
  pick (form, "member", "Norway");
  pick (form, "role", "Donor");
  type_into (form, "since", "2024-09-01");
  g_assert_true (six_record_form_save (form));
  wait_until (no_form, NULL);
  wait_row (page, "members_group", "Norway");
  dismiss_toast (fixture->window);

  form = open_form (page, "coalitions.add-member");
  button = find_matching (GTK_WIDGET (form), has_tooltip, "New Organisation…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_until (two_forms, NULL);
  organisation = find_form_titled ("New Organisation");
  type_into (organisation, "name", "Mines Advisory Group");
  type_into (organisation, "acronym", "MAG");
  pick (organisation, "kind", "Operator");
  g_assert_true (six_record_form_save (organisation));
  wait_until (one_form, NULL);
  g_assert_cmpstr (picked (form, "member"), ==, "Mines Advisory Group");
  pick (form, "role", "Operator");
  /* Its contact person, made from the member's form too: private, as contacts are. */
  button = find_matching (GTK_WIDGET (form), has_tooltip, "New Contact Person…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  wait_until (two_forms, NULL);
  organisation = find_form_titled ("New Contact Person");
  type_into (organisation, "name", "Samir Haddad");
  g_assert_cmpstr (picked (organisation, "visibility"), ==, "Private");
  g_assert_true (six_record_form_save (organisation));
  wait_until (one_form, NULL);
  g_assert_cmpstr (picked (form, "contact"), ==, "Samir Haddad");
  {
    g_autofree char *member_png = review_path ("coalitions-member-form.png");

    save_widget_png (GTK_WIDGET (form), member_png);
  }
  g_assert_true (six_record_form_save (form));
  wait_until (no_form, NULL);
  wait_row (page, "members_group", "Mines Advisory Group");
  row = find_in_group (GTK_WIDGET (page), "members_group", "Mines Advisory Group");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Contact: Samir Haddad"));
  row = find_in_group (GTK_WIDGET (page), "members_group", "Norway");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Since 2024-09-01"));
  dismiss_toast (fixture->window);
  dismiss_toast (fixture->window);
  dismiss_toast (fixture->window);

  /* A meeting next month, with its agenda. */
  form = open_form (page, "coalitions.add-meeting");
  g_assert_cmpstr (picked (form, "kind"), ==, "Coalition meeting");
  type_into (form, "title", "Before the Meeting of States Parties");
  type_into (form, "held_on", "next month");
  g_assert_false (six_record_form_save (form));
  type_into (form, "held_on", next_month);
  type_into (form, "place", "Geneva");
  type_into (form, "agenda", "Review the survey plan");
  /* Who attends, from the members. */
  six_record_form_select (form, "attendees", "NOR");
  g_assert_true (six_record_form_save (form));
  wait_until (no_form, NULL);
  wait_row (page, "upcoming_group", "Before the Meeting of States Parties");
  row = find_in_group (GTK_WIDGET (page), "upcoming_group", "Before the Meeting of States Parties");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "\nAttendees: Norway\nAgenda: Review the survey plan"));
  upcoming = six_coalition_view_get_upcoming (six_coalitions_page_get_view (page));
  meeting_id = g_strdup (six_record_get_id (upcoming->pdata[0]));
  dismiss_toast (fixture->window);

  /* A follow-up Norway owns, due last week: overdue, and it stands out. */
  form = open_form (page, "coalitions.add-follow-up");
  type_into (form, "title", "Send the survey plan");
  type_into (form, "due_on", last_week);
  pick (form, "owner", "Norway");
  /* Agreed for the meeting, for Lebanon's 2018 victim-assistance request. */
  meeting_label = g_strdup_printf ("Before the Meeting of States Parties · %s", next_month);
  pick (form, "meeting", meeting_label);
  pick (form, "request", "2018 · Victim assistance");
  /* The action-plan actions it serves: LAP 38–42 are offered, ticked by a click. */
  six_record_form_select (form, "actions", "lap:38");
  g_assert_true (six_record_form_save (form));
  wait_until (no_form, NULL);
  wait_until (follow_up_overdue, page);
  g_assert_cmpstr (find_follow_up (page, "Send the survey plan")->owner_name, ==, "Norway");
  g_assert_cmpuint (find_follow_up (page, "Send the survey plan")->actions->len, ==, 1);
  row = find_in_group (GTK_WIDGET (page), "follow_ups_group", "Send the survey plan");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "LAP Action 38"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "From: Before the Meeting of States Parties"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "For: 2018 · Victim assistance"));
  dismiss_toast (fixture->window);
  wait_until (settled, fixture->window);
  g_free (png);
  png = review_path ("coalitions-workspace.png");
  save_widget_png (GTK_WIDGET (fixture->window), png);

  /* The workspace's foot: members, follow-ups, meetings. */
  {
    GtkWidget *scrolled = gtk_widget_get_first_child (find_by_id (GTK_WIDGET (page), "workspace_page"));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    g_free (png);
    png = review_path ("coalitions-workspace-end.png");
    save_widget_png (GTK_WIDGET (fixture->window), png);
  }

  /* Done in one click; undone from the toast's Undo. */
  row = find_in_group (GTK_WIDGET (page), "follow_ups_group", "Send the survey plan");
  check = find_descendant (row, GTK_TYPE_CHECK_BUTTON);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  wait_until (follow_up_done, page);
  wait_toast (fixture->window, "Follow-up marked done");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_until (follow_up_overdue, page);
  dismiss_toast (fixture->window);
  dismiss_toast (fixture->window);

  /* The coalition itself, edited in the same form: its focus is a set of ticks. */
  form = open_form (page, "coalitions.edit");
  g_assert_cmpstr (picked (form, "lead"), ==, "Lebanon");
  type_into (form, "description", "Clearance of the south by 2031.");
  tick (GTK_WIDGET (form), "Article 5 — Victim assistance", FALSE);
  g_assert_true (six_record_form_save (form));
  wait_until (no_form, NULL);
  wait_until (described, page);
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (find_by_id (GTK_WIDGET (page), "details_label"))),
                         "Victim assistance"));
  wait_toast (fixture->window, "Coalition changed");

  /* The brief for the next meeting; the file for the members goes by email
   * (test-exchange-flow sends one). */
  assert_brief (fixture, page);
  dismiss_toast (fixture->window);
  g_assert_true (gtk_widget_get_sensitive (find_matching (GTK_WIDGET (page), has_action_name,
                                                          "coalitions.send")));

  /* The list: the coalition by its title, with its lead, status, members, next meeting and
   * follow-ups under it, marked for the overdue one, named for screen readers by its title,
   * and selected as the one shown. */
  wait_until (list_settled, page);
  listed = listed_rows (GTK_WIDGET (page));
  row = g_ptr_array_index (listed, 0);
  next_meeting = g_strdup_printf ("Next meeting %s", next_month);
  g_assert_nonnull (find_matching (row, label_holds, "Country Coalition for Lebanon"));
  g_assert_nonnull (find_matching (row, label_holds, "Led by Lebanon · Active · 3 members"));
  g_assert_nonnull (find_matching (row, label_holds, next_meeting));
  g_assert_nonnull (find_matching (row, label_holds, "1 open follow-up, 1 overdue"));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (row), "overdue"));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row)),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     "Country Coalition for Lebanon"));
  g_assert_true (gtk_widget_get_state_flags (gtk_widget_get_parent (row)) &
                 GTK_STATE_FLAG_SELECTED);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* Searched by lead State, filtered by status. */
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (page), "search_entry")), "liban");
  wait_stack (page, "list_stack", "no-match");
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (page), "search_entry")), "leban");
  wait_stack (page, "list_stack", "list");
  wait_until (list_settled, page);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_by_id (GTK_WIDGET (page), "status_dropdown")), 3);
  wait_stack (page, "list_stack", "no-match");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_by_id (GTK_WIDGET (page), "status_dropdown")), 2);
  wait_stack (page, "list_stack", "list");
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (page), "search_entry")), "");

  /* A search result opens where it lives: a meeting in its coalition's workspace. */
  {
    GtkWidget *search = six_window_get_page_widget (fixture->window, "search");
    SixRecord *meeting = six_coalition_view_find (six_coalitions_page_get_view (page), "meeting",
                                                  meeting_id);
    GtkWidget *overview = six_window_get_page_widget (fixture->window, "overview");
    g_autoptr(GVariant) target = NULL;
    const char *kind, *id;

    g_assert_nonnull (meeting);
    g_object_ref (meeting);
    six_window_show_page (fixture->window, "overview");
    g_signal_emit_by_name (search, "record-activated", meeting);
    g_object_unref (meeting);
    wait_until (page_is, fixture);
    g_assert_cmpstr (six_coalitions_page_get_coalition_id (page), ==, coalition_id);

    /* The Overview's coalition opens its workspace, not its lead's profile. */
    six_window_show_page (fixture->window, "overview");
    wait_until (overview_lists, overview);
    row = find_row_titled (overview, "Country Coalition for Lebanon");
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.open-record");
    target = g_variant_ref (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row)));
    g_variant_get (target, "(&s&s)", &kind, &id);
    g_assert_cmpstr (kind, ==, "coalition");
    g_assert_cmpstr (id, ==, coalition_id);
    gtk_widget_activate (row);
    wait_until (page_is, fixture);
  }

  /* Folded at 480 px: the workspace alone, with its way back to the list. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 800);
  wait_until (folded, page);
  g_assert_true (gtk_widget_get_visible (find_by_id (GTK_WIDGET (page), "back_button")));
  wait_until (settled, fixture->window);
  g_free (png);
  png = review_path ("coalitions-narrow.png");
  save_widget_png (GTK_WIDGET (fixture->window), png);

  /* Back to the list: its row opens the workspace again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "coalitions.show-list", NULL));
  wait_until (list_shown, page);
  g_assert_true (gtk_widget_activate_action (find_by_id (GTK_WIDGET (page), "list_view"),
                                             "list.activate-item", "u", 0));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (find_by_id (GTK_WIDGET (page),
                                                                         "leaflet"))) ==
                 find_by_id (GTK_WIDGET (page), "detail_pane"));
  g_assert_cmpstr (six_coalitions_page_get_coalition_id (page), ==, coalition_id);
}

static void
test_journey (Fixture       *fixture,
              gconstpointer  data)
{
  run_in_app (fixture, journey_body);
}

/* Lebanon's coalition: Norway since 2024, a meeting to come that Norway attends, and a
 * follow-up, for a 2018 request, due a year ago. */
static gpointer
seed_coalition (SixDb         *db,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autofree char *next_month = date_from_today (30);
  g_autofree char *last_year = date_from_today (-365);
  const char *attendees[] = { "NOR", NULL };
  SixEdit *coalition = six_edit_new (six_kind_lookup ("coalition"), NULL);
  SixEdit *member = six_edit_new (six_kind_lookup ("coalition_member"), NULL);
  SixEdit *meeting = six_edit_new (six_kind_lookup ("meeting"), NULL);
  SixEdit *follow_up = six_edit_new (six_kind_lookup ("activity"), NULL);
  const char *coalition_id = six_edit_get_id (coalition);

  six_edit_set_string (coalition, "lead", "LBN");
  six_edit_set_string (coalition, "title", "Country Coalition for Lebanon");
  six_edit_set_string (member, "coalition", coalition_id);
  six_edit_set_string (member, "member", "NOR");
  six_edit_set_string (member, "role", "donor");
  six_edit_set_string (member, "since", "2024-09-01");
  six_edit_set_string (meeting, "coalition", coalition_id);
  six_edit_set_string (meeting, "title", "Geneva");
  six_edit_set_string (meeting, "held_on", next_month);
  six_edit_set_string (meeting, "agenda", "Survey");
  six_edit_set (meeting, "attendees", g_variant_new_strv (attendees, -1));
  six_edit_set_string (follow_up, "coalition", coalition_id);
  six_edit_set_string (follow_up, "title", "Plan");
  six_edit_set_string (follow_up, "due_on", last_year);
  six_edit_set_string (follow_up, "meeting", six_edit_get_id (meeting));
  g_ptr_array_add (edits, coalition);
  g_ptr_array_add (edits, member);
  g_ptr_array_add (edits, meeting);
  g_ptr_array_add (edits, follow_up);
  if (six_db_apply_edits (db, "Start a coalition", edits, error) <= 0)
    return NULL;

  return g_strdup (coalition_id);
}

static gboolean
subtitle_holds (GtkWidget     *widget,
                gconstpointer  text)
{
  return ADW_IS_ACTION_ROW (widget) &&
         strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) ?: "", text) != NULL;
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

typedef struct
{
  GtkWidget  *root;
  const char *group;
  const char *text;
} SubtitleWait;

/* Whether a row of the group has a subtitle holding the text. */
static gboolean
group_says (gpointer data)
{
  SubtitleWait *wait = data;
  GtkWidget *group = find_by_id (wait->root, wait->group);

  return group != NULL && find_matching (group, subtitle_holds, wait->text) != NULL;
}

#define wait_says(root, group, text) \
  G_STMT_START { \
    SubtitleWait wait_ = { GTK_WIDGET (root), (group), (text) }; \
    wait_until (group_says, &wait_); \
  } G_STMT_END

/* The workspace in the Convention's other languages: roles, dates, meetings, follow-ups. */
static void
language_body (Fixture *fixture)
{
  SixCoalitionsPage *page = get_page (fixture);
  gboolean french = g_str_has_prefix (g_getenv ("LANGUAGE"), "fr");
  g_autofree char *coalition_id = NULL;
  g_autofree char *png = NULL;

  coalition_id = run_on_repository (six_window_get_repository (fixture->window), seed_coalition,
                                    NULL);
  six_window_show_page (fixture->window, "coalitions");
  six_coalitions_page_open_coalition (page, coalition_id);
  wait_until (workspace_shown, page);

  wait_says (page, "members_group", french ? "Donateur · Depuis le 2024-09-01"
                                           : "Donante · Desde el 2024-09-01");
  wait_says (page, "upcoming_group", french ? "Ordre du jour : Survey" : "Orden del día: Survey");
  wait_says (page, "upcoming_group", french ? "Participants : " : "Asistentes: ");
  wait_says (page, "follow_ups_group", french ? "Issu de : Geneva" : "De: Geneva");
  g_assert_nonnull (find_matching (find_by_id (GTK_WIDGET (page), "follow_ups_group"),
                                   label_is, french ? "En retard" : "Con retraso"));

  png = review_path (french ? "coalitions-fr.png" : "coalitions-es.png");
  wait_until (settled, fixture->window);
  save_widget_png (GTK_WIDGET (fixture->window), png);
}

static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  run_in_language (fixture, data, language_body);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  ui_test_use_catalogs ();

  g_test_add ("/ui/coalitions-page/journey", Fixture, NULL, fixture_set_up, test_journey,
              fixture_tear_down);
  g_test_add ("/ui/coalitions-page/french", Fixture, "fr", fixture_set_up, test_language,
              fixture_tear_down);
  g_test_add ("/ui/coalitions-page/spanish", Fixture, "es", fixture_set_up, test_language,
              fixture_tear_down);

  return g_test_run ();
}
