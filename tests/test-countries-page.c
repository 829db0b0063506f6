/* test-countries-page.c — the Countries page on a database holding the reference pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "six-countries-page.h"
#include "six-country-entry.h"
#include "six-labels.h"
#include "six-record-form.h"
#include "ui-fixture.h"

static SixCountriesPage *
open_page (Fixture *fixture)
{
  six_window_show_page (fixture->window, "countries");

  return SIX_COUNTRIES_PAGE (six_window_get_page_widget (fixture->window, "countries"));
}

static GPtrArray *
shown_ids (SixCountriesPage *page)
{
  GListModel *shown = six_countries_page_get_shown (page);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(SixCountryEntry) entry = g_list_model_get_item (shown, i);

      g_ptr_array_add (ids, g_strdup (six_country_entry_get_id (entry)));
    }

  return ids;
}

typedef struct
{
  SixCountriesPage *page;
  const char       *present;   /* must be shown; NULL: any */
  const char       *absent;    /* must not be; NULL: none */
} ShownWait;

static gboolean
shows (gpointer data)
{
  ShownWait *wait = data;
  g_autoptr(GPtrArray) ids = NULL;

  if (six_countries_page_is_updating (wait->page))
    return FALSE;

  ids = shown_ids (wait->page);
  if (wait->present != NULL && !g_ptr_array_find_with_equal_func (ids, wait->present, g_str_equal, NULL))
    return FALSE;
  if (wait->absent != NULL && g_ptr_array_find_with_equal_func (ids, wait->absent, g_str_equal, NULL))
    return FALSE;

  return TRUE;
}

#define wait_shows(page, present, absent) \
  G_STMT_START { \
    ShownWait wait_ = { (page), (present), (absent) }; \
    wait_until (shows, &wait_); \
  } G_STMT_END

static gboolean
all_listed (gpointer page)
{
  return !six_countries_page_is_updating (page) &&
         g_list_model_get_n_items (six_countries_page_get_shown (page)) > 150;
}

/* The States a query finds, once the filter ran. */
static GPtrArray *
search (SixCountriesPage *page,
        const char       *query)
{
  six_countries_page_set_query (page, query);
  g_assert_false (six_countries_page_is_updating (page));

  return shown_ids (page);
}

static gboolean
contains (GPtrArray  *ids,
          const char *id)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL);
}

static void
search_body (Fixture *fixture)
{
  SixCountriesPage *page = open_page (fixture);
  GtkWidget *list_stack = find_by_id (GTK_WIDGET (page), "list_stack");
  g_autoptr(GPtrArray) english = NULL;
  g_autoptr(GPtrArray) french = NULL;
  g_autoptr(GPtrArray) spanish = NULL;
  g_autoptr(GPtrArray) accented = NULL;
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) code = NULL;
  g_autoptr(GPtrArray) none = NULL;

  wait_until (all_listed, page);

  /* The same State by its English, French and Spanish names. */
  english = search (page, "Germany");
  french = search (page, "Allemagne");
  spanish = search (page, "Alemania");
  g_assert_cmpuint (english->len, ==, 1);
  g_assert_cmpstr (english->pdata[0], ==, "DEU");
  g_assert_cmpuint (french->len, ==, 1);
  g_assert_cmpstr (french->pdata[0], ==, "DEU");
  g_assert_cmpuint (spanish->len, ==, 1);
  g_assert_cmpstr (spanish->pdata[0], ==, "DEU");

  /* Accents typed or not: the same States. */
  accented = search (page, "République démocratique");
  plain = search (page, "republique democratique");
  g_assert_true (contains (accented, "LAO"));
  g_assert_true (contains (accented, "COD"));
  g_assert_cmpuint (accented->len, ==, plain->len);
  for (guint i = 0; i < plain->len; i++)
    g_assert_true (contains (accented, plain->pdata[i]));

  code = search (page, "lbn");
  g_assert_true (contains (code, "LBN"));

  none = search (page, "Atlantis");
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (list_stack)), ==, "empty");

  six_countries_page_set_query (page, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (list_stack)), ==, "list");
}

static void
choose (SixCountriesPage *page,
        const char       *dropdown_id,
        const char       *item)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_by_id (GTK_WIDGET (page), dropdown_id));
  GListModel *items = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (items), i), item) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }

  g_error ("%s offers no “%s”", dropdown_id, item);
}

static void
assert_every_status (SixCountriesPage *page,
                     const char       *label)
{
  GListModel *shown = six_countries_page_get_shown (page);

  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(SixCountryEntry) entry = g_list_model_get_item (shown, i);
      g_autofree char *status = NULL;

      g_object_get (entry, "status-label", &status, NULL);
      g_assert_cmpstr (status, ==, label);
    }
}

static void
filters_body (Fixture *fixture)
{
  SixCountriesPage *page = open_page (fixture);
  SixRepository *repository = six_window_get_repository (fixture->window);
  g_autoptr(SixEdit) coalition = six_edit_new (six_kind_lookup ("coalition"), NULL);
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  gint64 operation = 0;

  wait_until (all_listed, page);

  choose (page, "status_dropdown", "Signatory");
  assert_every_status (page, "Signatory");
  choose (page, "status_dropdown", "Any Status");

  choose (page, "region_dropdown", "Pacific");
  wait_shows (page, "NZL", "LAO");
  choose (page, "region_dropdown", "Any Region");

  choose (page, "article_dropdown", "Article 3 — Stockpile Destruction");
  wait_shows (page, "DEU", "LAO");
  choose (page, "article_dropdown", "Any or None");

  choose (page, "requested_dropdown", "In 2018");
  wait_shows (page, "LAO", "NZL");
  wait_shows (page, "LBN", NULL);
  choose (page, "requested_dropdown", "Any or None");

  /* Iraq's deadline is within two years (or past); Germany's is further away. */
  choose (page, "deadline_dropdown", "Passed or Within 24 Months");
  wait_shows (page, "IRQ", "DEU");
  wait_shows (page, "LBN", "NZL");
  choose (page, "deadline_dropdown", "Any Deadline");

  /* New Zealand joins the list of coalition States once it leads one. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_by_id (GTK_WIDGET (page), "coalition_check")),
                               TRUE);
  wait_shows (page, NULL, "NZL");
  six_edit_set_string (coalition, "lead", "NZL");
  six_edit_set_string (coalition, "title", "Pacific Clearance Coalition");
  g_ptr_array_add (edits, six_edit_ref (coalition));
  six_repository_apply_async (repository, "test", edits, NULL, applied_cb, &operation);
  wait_until (nonzero, &operation);
  wait_shows (page, "NZL", NULL);

  gtk_widget_activate_action (GTK_WIDGET (page), "countries.clear-filters", NULL);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_by_id (GTK_WIDGET (page),
                                                                             "coalition_check"))));
}

typedef struct
{
  SixCountryProfile *profile;
  guint              requests;
  guint              received;
} CountWait;

static gboolean
counts_are (gpointer data)
{
  CountWait *wait = data;
  SixProfile *profile = six_country_profile_get_profile (wait->profile);

  return profile != NULL &&
         six_profile_get_requests (profile)->len == wait->requests &&
         six_profile_get_received (profile)->len == wait->received;
}

#define wait_counts(profile, requests, received) \
  G_STMT_START { \
    CountWait wait_ = { (profile), (requests), (received) }; \
    wait_until (counts_are, &wait_); \
  } G_STMT_END

static gboolean
profile_shown (gpointer profile)
{
  return six_country_profile_get_profile (profile) != NULL;
}

static gboolean
shows_missing (gpointer profile)
{
  GtkStack *stack = GTK_STACK (find_by_id (profile, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "missing") == 0;
}

/* The list follows a profile opened from elsewhere. */
static gboolean
lao_selected (gpointer page)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (six_countries_page_get_shown (page));
  SixCountryEntry *entry = gtk_single_selection_get_selected_item (selection);

  return entry != NULL && g_strcmp0 (six_country_entry_get_id (entry), "LAO") == 0;
}

static gboolean
received_amount_is_300000 (gpointer profile)
{
  SixProfile *shown = six_country_profile_get_profile (profile);
  GPtrArray *received = shown != NULL ? six_profile_get_received (shown) : NULL;

  return received != NULL && received->len == 1 &&
         g_strcmp0 (six_record_get_string (received->pdata[0], "amount"), "300000") == 0;
}

static void
assert_subtitle_has (GtkWidget  *row,
                     const char *text)
{
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), text));
}

/* The request with @description carries @source on its values. */
static void
assert_source (SixProfile *profile,
               const char *description,
               const char *source)
{
  GPtrArray *requests = six_profile_get_requests (profile);
  const SixKind *kind = six_kind_lookup ("assistance_request");

  for (guint i = 0; i < requests->len; i++)
    if (g_strcmp0 (six_record_get_string (requests->pdata[i], "description"), description) == 0)
      {
        const SixFieldStamp *stamp =
          six_record_get_nth_stamp (requests->pdata[i], six_kind_field_index (kind, "year"));

        g_assert_cmpstr (stamp->source, ==, source);
        return;
      }

  g_error ("no request “%s”", description);
}

static void
assert_prints (Fixture           *fixture,
               SixCountryProfile *profile)
{
  g_autofree char *path = review_path ("countries-printed.pdf");
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *text_argv[] = { "pdftotext", path, "-", NULL };
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (six_country_profile_print (profile, GTK_PRINT_OPERATION_ACTION_EXPORT, path,
                                            SIX_PROFILE_INCLUDE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &info, NULL, NULL, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (text, "Lao People's Democratic Republic"));
  g_assert_nonnull (strstr (text, "Obligations and deadlines"));
}

/* The tooltips of the buttons @widget shows, in order, each followed by "|". */
static void
append_button_tooltips (GtkWidget *widget,
                        GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_BUTTON (widget))
    g_string_append_printf (out, "%s|", gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_button_tooltips (child, out);
}

static void
profile_body (Fixture *fixture)
{
  SixCountriesPage *page = open_page (fixture);
  SixCountryProfile *profile = six_countries_page_get_profile (page);
  GtkWidget *obligation;
  GtkWidget *deadline;
  SixRecordForm *form;
  AdwMessageDialog *dialog;
  guint requests;
  g_autofree char *png = review_path ("countries-lao.png");

  /* A code no State has: said so, not an empty profile. */
  six_countries_page_open_country (page, "ZZZ");
  wait_until (shows_missing, profile);

  six_countries_page_open_country (page, "LAO");
  wait_until (profile_shown, profile);
  g_assert_cmpstr (six_country_profile_get_country_id (profile), ==, "LAO");
  wait_until (lao_selected, page);

  /* Its obligations and deadline, as the pack has them. */
  obligation = find_row_titled (GTK_WIDGET (profile), "Article 4 — Clearance");
  g_assert_nonnull (obligation);
  /* The list's "Nearest deadline" says it in the same words. */
  {
    SixCountryEntry *entry = gtk_single_selection_get_selected_item (
      GTK_SINGLE_SELECTION (six_countries_page_get_shown (page)));
    g_autofree char *text = NULL;

    g_object_get (entry, "deadline-text", &text, NULL);
    g_assert_cmpstr (text, ==, "2025-08-01 · Extension requested — decision not recorded");
  }

  /* Passed, with an extension awaiting a decision: said so, never "overdue". */
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (obligation)), ==,
                   "Extension requested — decision not recorded");
  deadline = find_row_titled (obligation, "Current Deadline");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (deadline)), ==, "2025-08-01");
  g_assert_nonnull (find_row_titled (GTK_WIDGET (profile), "Article 5 — Victim assistance"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (deadline));

  /* A request: a bad year is refused, a good one is added and undone. */
  requests = six_profile_get_requests (six_country_profile_get_profile (profile))->len;
  form = open_form (profile, "profile.add-request");
  type_into (form, "year", "20x6");
  pick (form, "category", "Victim assistance");
  type_into (form, "description", "Prosthetics workshop");
  type_into (form, "source", "Art. 7 report 2025, Form I");
  g_assert_false (six_record_form_save (form));
  g_assert_true (gtk_widget_has_css_class (six_record_form_get_row (form, "year"), "error"));
  type_into (form, "year", "2026");
  g_assert_true (six_record_form_save (form));
  wait_until (no_form, NULL);
  wait_counts (profile, requests + 1, 0);
  g_assert_nonnull (find_row_titled (GTK_WIDGET (profile), "2026 · Victim assistance"));
  assert_source (six_country_profile_get_profile (profile), "Prosthetics workshop",
                 "Art. 7 report 2025, Form I");
  assert_subtitle_has (find_row_titled (GTK_WIDGET (profile), "2026 · Victim assistance"),
                       "Source: Art. 7 report 2025, Form I");
  /* Its buttons say what they act on, to the eye and to a screen reader. */
  {
    g_autoptr(GString) shown = g_string_new (NULL);

    append_button_tooltips (find_row_titled (GTK_WIDGET (profile), "2026 · Victim assistance"),
                            shown);
    g_assert_cmpstr (shown->str, ==,
                     "Edit 2026 · Victim assistance|Remove 2026 · Victim assistance|");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_counts (profile, requests, 0);

  /* A contribution from Norway: a bad amount is refused; the currency is upper-cased. */
  form = open_form (profile, "profile.add-contribution");
  pick (form, "donor", "Norway");
  pick (form, "category", "Survey and clearance");
  pick (form, "request", "2018 · Survey and clearance");
  type_into (form, "amount", "12,5");
  type_into (form, "currency", "eur");
  g_assert_false (six_record_form_save (form));
  type_into (form, "amount", "250000");
  g_assert_true (six_record_form_save (form));
  wait_until (no_form, NULL);
  wait_counts (profile, requests, 1);
  {
    SixRecord *given = six_profile_get_received (six_country_profile_get_profile (profile))->pdata[0];

    g_assert_cmpstr (six_record_get_string (given, "currency"), ==, "EUR");
    g_assert_cmpstr (six_record_get_string (given, "donor"), ==, "NOR");
    g_assert_cmpstr (six_record_get_string (given, "recipient"), ==, "LAO");
  }
  assert_subtitle_has (find_row_titled (GTK_WIDGET (profile), "From Norway · Survey and clearance"),
                       "Answers 2018 · Survey and clearance");
  save_widget_png (GTK_WIDGET (fixture->window), png);
  g_test_message ("Kept for review: %s", png);

  /* The profile's foot: contributions, coalitions, contacts and notes. */
  {
    GtkWidget *scrolled = gtk_widget_get_first_child (find_by_id (GTK_WIDGET (profile), "page"));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    g_autofree char *end_png = review_path ("countries-lao-end.png");

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    save_widget_png (GTK_WIDGET (fixture->window), end_png);
    g_test_message ("Kept for review: %s", end_png);
  }

  /* Edited: the form opens on the contribution's own donor and request, and saving a new
   * amount keeps them. */
  {
    SixRecord *given = six_profile_get_received (six_country_profile_get_profile (profile))->pdata[0];
    g_autofree char *id = g_strdup (six_record_get_id (given));
    AdwComboRow *donor;
    AdwComboRow *request;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "record.edit",
                                               "(ss)", "contribution", id));
    wait_until (has_toplevel, GSIZE_TO_POINTER (SIX_TYPE_RECORD_FORM));
    form = SIX_RECORD_FORM (find_toplevel (SIX_TYPE_RECORD_FORM));
    donor = ADW_COMBO_ROW (six_record_form_get_row (form, "donor"));
    request = ADW_COMBO_ROW (six_record_form_get_row (form, "request"));
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (donor)),
                                                  adw_combo_row_get_selected (donor)), ==, "Norway");
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (request)),
                                                  adw_combo_row_get_selected (request)),
                     ==, "2018 · Survey and clearance");
    type_into (form, "amount", "300000");
    g_assert_true (six_record_form_save (form));
    wait_until (no_form, NULL);
    wait_until (received_amount_is_300000, profile);
    given = six_profile_get_received (six_country_profile_get_profile (profile))->pdata[0];
    g_assert_cmpstr (six_record_get_string (given, "donor"), ==, "NOR");
    g_assert_nonnull (six_record_get_string (given, "request"));

    /* Removed again, for what follows. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "record.remove",
                                               "(ss)", "contribution", id));
    wait_counts (profile, requests, 0);
  }

  /* Printing goes through GTK's print context: the same one page, exported to a PDF here. */
  assert_prints (fixture, profile);

  /* Ctrl+P asks what to print, contacts and private notes unticked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "countries.print", NULL));
  wait_until (has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Print Profile?");
  g_assert_true (adw_message_dialog_has_response (dialog, "pdf"));
  g_assert_false (gtk_check_button_get_active (
    GTK_CHECK_BUTTON (find_descendant (adw_message_dialog_get_extra_child (dialog),
                                       GTK_TYPE_CHECK_BUTTON))));
  adw_message_dialog_response (dialog, "cancel");
}

/* The page drawn for review, wide and narrow, with Lao PDR's profile open. */
static void
test_screenshots (void)
{
  assert_screenshots ("countries", "country:LAO");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  run_in_app (fixture, search_body);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  run_in_app (fixture, filters_body);
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
  const char *subtitle;  /* NULL: the row must be gone; "": there, whatever it says */
} RowWait;

static gboolean
row_reads (gpointer data)
{
  RowWait *wait = data;
  GtkWidget *row = find_row_titled (wait->root, wait->title);

  if (wait->subtitle == NULL)
    return row == NULL;

  return row != NULL && (wait->subtitle[0] == '\0' ||
                         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                    wait->subtitle) == 0);
}

#define wait_row(root, title, subtitle) \
  G_STMT_START { \
    RowWait wait_ = { GTK_WIDGET (root), (title), (subtitle) }; \
    wait_until (row_reads, &wait_); \
  } G_STMT_END

/* Where @model holds @text; fails when it does not. */
static int
find_string (GListModel *model,
             const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      return (int) i;

  g_error ("“%s” is not offered", text);
}

static const char *
combo_choice (SixRecordForm *form,
              const char    *field)
{
  AdwComboRow *row = ADW_COMBO_ROW (six_record_form_get_row (form, field));

  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                     adw_combo_row_get_selected (row));
}

/* Editing the State, removing a request, adding a contact and a note — each undoable. */
static void
edit_body (Fixture *fixture)
{
  SixCountriesPage *page = open_page (fixture);
  SixCountryProfile *profile = six_countries_page_get_profile (page);
  SixRecordForm *form;
  SixRecord *request;
  g_autofree char *form_png = review_path ("record-form.png");
  g_autofree char *request_title = NULL;
  g_autofree char *request_id = NULL;

  six_countries_page_open_country (page, "LAO");
  wait_until (profile_shown, profile);

  /* A date that does not exist is refused; a real one is saved, and undone. */
  form = open_form (profile, "profile.edit-country");
  g_assert_cmpstr (combo_choice (form, "status"), ==, "State Party");
  /* The pack's citation is not the authority for what the user types now. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (six_record_form_get_row (form, "source"))),
                   ==, "");
  type_into (form, "signed_on", "2008-02-30");
  g_assert_false (six_record_form_save (form));
  g_assert_true (gtk_widget_has_css_class (six_record_form_get_row (form, "signed_on"), "error"));
  save_widget_png (GTK_WIDGET (form), form_png);
  g_test_message ("Kept for review: %s", form_png);
  type_into (form, "signed_on", "2008-12-04");
  g_assert_true (six_record_form_save (form));
  wait_row (profile, "Signed", "2008-12-04");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_row (profile, "Signed", "2008-12-03");

  /* A request removed from its row's button, then brought back. */
  request = six_profile_get_requests (six_country_profile_get_profile (profile))->pdata[0];
  request_id = g_strdup (six_record_get_id (request));
  request_title = g_strdup_printf ("%" G_GINT64_FORMAT " · %s",
                                   six_record_get_int (request, "year", 0),
                                   six_record_value_label (request, "category"));
  g_assert_nonnull (find_row_titled (GTK_WIDGET (profile), request_title));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "record.remove",
                                             "(ss)", "assistance_request", request_id));
  wait_row (profile, request_title, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  wait_row (profile, request_title, "");

  /* A contact is private unless shared; a note can be made public. */
  form = open_form (profile, "profile.add-contact");
  g_assert_cmpstr (combo_choice (form, "visibility"), ==, "Private");
  type_into (form, "name", "Khamphao Sisouk");
  type_into (form, "email", "khamphao@example.org");
  g_assert_true (six_record_form_save (form));
  wait_row (profile, "Khamphao Sisouk", "khamphao@example.org");

  form = open_form (profile, "profile.add-note");
  g_assert_cmpstr (combo_choice (form, "visibility"), ==, "Private");
  pick (form, "visibility", "Public");
  type_into (form, "text", "Side event at the 13MSP");
  g_assert_true (six_record_form_save (form));
  wait_row (profile, "Side event at the 13MSP", "Public");
}

/* The filter popover and the print question, drawn for review. */
static void
dialogs_body (Fixture *fixture)
{
  SixCountriesPage *page = open_page (fixture);
  SixCountryProfile *profile = six_countries_page_get_profile (page);
  GtkMenuButton *filter = GTK_MENU_BUTTON (find_by_id (GTK_WIDGET (page), "filter_button"));
  g_autofree char *filters_png = review_path ("countries-filters.png");
  g_autofree char *print_png = review_path ("print-question.png");
  GtkWidget *dialog;

  wait_until (all_listed, page);
  gtk_menu_button_popup (filter);
  save_widget_png (GTK_WIDGET (gtk_menu_button_get_popover (filter)), filters_png);
  gtk_menu_button_popdown (filter);
  g_test_message ("Kept for review: %s", filters_png);

  six_countries_page_open_country (page, "LAO");
  wait_until (profile_shown, profile);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "countries.print", NULL));
  wait_until (has_toplevel, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG));
  dialog = GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  save_widget_png (dialog, print_png);
  g_test_message ("Kept for review: %s", print_png);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  run_in_app (fixture, edit_body);
}

static void
on_form_save_cb (SixRecordForm *form,
                 SixEdit       *edit,
                 SixEdit      **saved)
{
  *saved = six_edit_ref (edit);
}

/* A reference the form was not offered (a donor organisation, another State's request) is
 * still the record's: saving another field leaves it as it was. */
static void
unoffered_reference_body (Fixture *fixture)
{
  const SixKind *kind = six_kind_lookup ("contribution");
  const char * const fields[] = { "donor", "request", "amount", "currency", NULL };
  const char *request_id = "00000000-0000-4000-8000-0000000000aa";
  GVariant *values[32] = { NULL };
  g_autoptr(SixRecord) contribution = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(SixEdit) saved = NULL;
  SixRecordForm *form;
  AdwComboRow *donor;

  values[six_kind_field_index (kind, "donor")] = g_variant_new_string ("NOR");
  values[six_kind_field_index (kind, "recipient")] = g_variant_new_string ("LAO");
  values[six_kind_field_index (kind, "request")] = g_variant_new_string (request_id);
  values[six_kind_field_index (kind, "amount")] = g_variant_new_string ("1000");
  values[six_kind_field_index (kind, "currency")] = g_variant_new_string ("EUR");
  contribution = six_record_new (kind, "00000000-0000-4000-8000-0000000000bb", values, NULL);

  form = six_record_form_new (kind, contribution, fields);
  g_ptr_array_add (ids, (gpointer) "LAO");
  g_ptr_array_add (labels, (gpointer) "Lao People's Democratic Republic");
  six_record_form_set_choices (form, "donor", ids, labels);
  g_ptr_array_set_size (ids, 0);
  g_ptr_array_set_size (labels, 0);
  six_record_form_set_choices (form, "request", ids, labels);
  g_signal_connect (form, "save", G_CALLBACK (on_form_save_cb), &saved);

  donor = ADW_COMBO_ROW (six_record_form_get_row (form, "donor"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (donor)), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (donor)),
                                                adw_combo_row_get_selected (donor)), ==, "NOR");

  type_into (form, "amount", "2000");
  g_assert_true (six_record_form_save (form));
  g_assert_nonnull (saved);
  g_assert_cmpuint (six_edit_get_n_changes (saved), ==, 1);
  g_assert_cmpuint (six_edit_get_nth_field (saved, 0, NULL),
                    ==, (guint) six_kind_field_index (kind, "amount"));
}

/* In French: the donor list by French names, "Suisse" found by typing, the form naming the
 * State, amounts grouped in thousands. */
static void
chooser_body (Fixture *fixture)
{
  SixCountriesPage *page = open_page (fixture);
  SixCountryProfile *profile = six_countries_page_get_profile (page);
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  SixRecordForm *form;
  GListModel *names;
  GtkWidget *search;

  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  six_countries_page_open_country (page, "LBN");
  wait_until (profile_shown, profile);
  form = open_form (profile, "profile.add-contribution");

  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (form)), " Liban"));
  names = adw_combo_row_get_model (ADW_COMBO_ROW (six_record_form_get_row (form, "donor")));
  /* States and organisations together, by their French names: "Égypte" among the E's. */
  g_assert_cmpuint (g_list_model_get_n_items (names), >=, 197 + 12);
  g_assert_cmpint (find_string (names, "Égypte"), <, find_string (names, "Espagne"));
  g_assert_cmpint (find_string (names, "Espagne"), <, find_string (names, "Finlande"));
  g_assert_cmpint (find_string (names, "Norvège"), <, find_string (names,
                                                                  "Norwegian People's Aid (NPA)"));

  search = six_record_form_get_search_row (form, "donor");
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "Suiss");
  g_assert_cmpstr (combo_choice (form, "donor"), ==, "Suisse");
  {
    g_autofree char *png = review_path ("contribution-form-fr.png");

    save_widget_png (GTK_WIDGET (form), png);
  }
  gtk_editable_set_text (GTK_EDITABLE (search), "halo");
  g_assert_cmpstr (combo_choice (form, "donor"), ==, "The HALO Trust (HALO)");
  gtk_window_close (GTK_WINDOW (form));

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

static void
test_chooser (Fixture       *fixture,
              gconstpointer  data)
{
  run_in_app (fixture, chooser_body);
}

static void
test_unoffered_reference (Fixture       *fixture,
                          gconstpointer  data)
{
  run_in_app (fixture, unoffered_reference_body);
}

static void
test_dialogs (Fixture       *fixture,
              gconstpointer  data)
{
  run_in_app (fixture, dialogs_body);
}

static void
test_profile (Fixture       *fixture,
              gconstpointer  data)
{
  run_in_app (fixture, profile_body);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/ui/countries/search", Fixture, NULL, fixture_set_up, test_search,
              fixture_tear_down);
  g_test_add ("/ui/countries/filters", Fixture, NULL, fixture_set_up, test_filters,
              fixture_tear_down);
  g_test_add ("/ui/countries/profile", Fixture, NULL, fixture_set_up, test_profile,
              fixture_tear_down);
  g_test_add ("/ui/countries/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/ui/countries/dialogs", Fixture, NULL, fixture_set_up, test_dialogs,
              fixture_tear_down);
  g_test_add ("/ui/countries/unoffered-reference", Fixture, NULL, fixture_set_up,
              test_unoffered_reference, fixture_tear_down);
  g_test_add ("/ui/countries/chooser", Fixture, NULL, fixture_set_up, test_chooser,
              fixture_tear_down);
  g_test_add_func ("/ui/countries/screenshots", test_screenshots);

  return g_test_run ();
}
