/* six-coalitions-page.c — Country Coalitions: the list, and each coalition's workspace
 *
 * The page draws one SixCoalitionView, read on the repository's thread (SixLiveQuery) while
 * the page is shown and again whenever a kind it reads changes: the list of coalitions and the
 * workspace of the one opened. Every edit is a record form, one repository write and an Undo
 * toast; the page itself aggregates nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-coalitions-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "six-coalitions-page-private.h"

#include "six-apply.h"
#include "six-choices.h"
#include "six-coalition-assistant.h"
#include "six-coalition-brief.h"
#include "six-coalition-item.h"
#include "six-coalition-row.h"
#include "six-deadline.h"
#include "six-display-name.h"
#include "six-fact-row.h"
#include "six-file-saver.h"
#include "six-labels.h"
#include "six-live-query.h"
#include "six-profile.h"
#include "six-queries.h"
#include "six-record-form.h"
#include "six-tab-stop.h"

struct _SixCoalitionsPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkSingleSelection  *selection;
  GListStore          *coalitions;
  GtkStringFilter     *search_filter;
  GtkWidget           *detail_pane;
  GtkStack            *detail_stack;
  AdwPreferencesPage  *workspace_page;
  GtkLabel            *heading_label;
  GtkLabel            *details_label;
  GtkLabel            *about_label;
  GtkListBox          *glance_list;
  AdwPreferencesGroup *obligations_group;
  GtkListBox          *obligations_list;
  GtkListBox          *needs_list;
  GtkListBox          *members_list;
  GtkListBox          *follow_ups_list;
  GtkListBox          *upcoming_list;
  GtkListBox          *past_list;
  GtkListBox          *notes_list;

  /* Owned */
  SixRepository       *repository;
  SixLiveQuery        *query;
  char                *coalition_id;  /* the coalition opened, or NULL */
};

G_DEFINE_FINAL_TYPE (SixCoalitionsPage, six_coalitions_page, GTK_TYPE_WIDGET)

/* The kinds the forms offer to choose from. */
static const char * const choice_kinds[] = {
  "country", "organisation", "obligation", "action", NULL
};

/* The status filter's choices, in the order of its drop-down (the first is "any"). */
static const char * const statuses[] = { NULL, "proposed", "active", "closed" };

/* The fields a form shows for each kind the workspace edits, and its toasts. */
typedef struct
{
  const char *kind_name;
  const char *title;
  const char *fields[12];
  const char *added;
  const char *changed;
  const char *removed;
} FormSpec;

static const FormSpec forms[] = {
  { "coalition", N_("Coalition"),
    { "title", "lead", "status", "established_on", "articles", "description", "visibility", NULL },
    N_("Coalition started"), N_("Coalition changed"), N_("Coalition removed") },
  { "coalition_member", N_("Member"),
    { "member", "role", "since", "until", "contact", "visibility", NULL },
    N_("Member added"), N_("Member changed"), N_("Member removed") },
  { "meeting", N_("Meeting"),
    { "title", "kind", "held_on", "place", "agenda", "attendees", "participants", "outcomes",
      "visibility", NULL },
    N_("Meeting added"), N_("Meeting changed"), N_("Meeting removed") },
  { "activity", N_("Follow-up"),
    { "title", "description", "due_on", "status", "owner", "meeting", "request", "actions",
      "visibility", NULL },
    N_("Follow-up added"), N_("Follow-up changed"), N_("Follow-up removed") },
  { "contribution", N_("Contribution"),
    { "donor", "category", "kind", "amount", "currency", "year", "status", "request",
      "description", "visibility", NULL },
    N_("Contribution added"), N_("Contribution changed"), N_("Contribution removed") },
  { "note", N_("Note"), { "text", "visibility", NULL },
    N_("Note added"), N_("Note changed"), N_("Note removed") },
  { "organisation", N_("Organisation"), { NULL },
    N_("Organisation added"), N_("Organisation changed"), NULL },
  { "contact", N_("Contact Person"), { NULL },
    N_("Contact person added"), N_("Contact person changed"), NULL },
};

static const FormSpec *
find_form (const char *kind_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_strcmp0 (forms[i].kind_name, kind_name) == 0)
      return &forms[i];

  return NULL;
}

/* --- reading ----------------------------------------------------------------------------- */

static SixCoalitionView *
get_view (SixCoalitionsPage *self)
{
  return self->query != NULL ? six_live_query_get_snapshot (self->query) : NULL;
}

/* The coalition shown in the workspace: the one opened, once it has been read. */
static SixRecord *
get_coalition (SixCoalitionsPage *self)
{
  SixCoalitionView *view = get_view (self);

  if (view == NULL || self->coalition_id == NULL ||
      g_strcmp0 (six_coalition_view_get_id (view), self->coalition_id) != 0)
    return NULL;

  return six_coalition_view_get_coalition (view);
}

/* --- writing ----------------------------------------------------------------------------- */

static void
apply_edits (SixCoalitionsPage *self,
             const char        *title,
             GPtrArray         *edits)
{
  six_apply_edits (GTK_WIDGET (self), self->repository, title, title, edits, NULL);
}

static void
apply_edit (SixCoalitionsPage *self,
            const char        *title,
            SixEdit           *edit)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);

  g_ptr_array_add (edits, six_edit_ref (edit));
  apply_edits (self, title, edits);
}

static void
on_form_save_cb (SixRecordForm     *form,
                 SixEdit           *edit,
                 SixCoalitionsPage *self)
{
  const FormSpec *spec = find_form (six_edit_get_kind (edit)->name);

  g_return_if_fail (spec != NULL);
  apply_edit (self, _(six_edit_is_new (edit) ? spec->added : spec->changed), edit);
}

static void
present_form (SixCoalitionsPage *self,
              GtkWindow         *form,
              GtkWindow         *parent)
{
  gtk_window_set_transient_for (form, parent != NULL
                                      ? parent
                                      : GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_destroy_with_parent (form, TRUE);
  gtk_window_present (form);
}

static void
offer (SixRecordForm      *form,
       const char         *field,
       SixRepository      *repository,
       const char * const *kinds,
       GHashTable         *exclude)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  six_choices_collect (repository, kinds, exclude, ids, labels);
  six_record_form_set_choices (form, field, ids, labels);
}

/* The coalition's members: who may own a follow-up. */
static void
offer_members (SixCoalitionsPage *self,
               SixRecordForm     *form,
               const char        *field)
{
  GPtrArray *members = six_coalition_view_get_members (get_view (self));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < members->len; i++)
    {
      SixCoalitionMember *member = members->pdata[i];

      g_ptr_array_add (ids, g_strdup (six_record_get_string (member->member, "member")));
      g_ptr_array_add (labels, g_strdup (member->name));
    }
  six_record_form_set_choices (form, field, ids, labels);
}

/* The lead's needs: what a contribution may answer. */
static void
offer_needs (SixCoalitionsPage *self,
             SixRecordForm     *form)
{
  GPtrArray *needs = six_coalition_view_get_needs (get_view (self));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < needs->len; i++)
    {
      SixRecord *request = ((SixCoalitionNeed *) needs->pdata[i])->request;

      g_ptr_array_add (ids, g_strdup (six_record_get_id (request)));
      g_ptr_array_add (labels, six_request_dup_short_name (request));
    }
  six_record_form_set_choices (form, "request", ids, labels);
}

/* The cooperation actions a follow-up may serve: LAP 38–42 and DAP 5.1–5.6. */
static void
offer_actions (SixCoalitionsPage *self,
               SixRecordForm     *form)
{
  GListModel *actions = six_repository_list (self->repository, six_kind_lookup ("action"));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(SixRecord) action = g_list_model_get_item (actions, i);
      const char *id = six_record_get_id (action);
      gint64 number = g_ascii_strtoll (six_record_get_string (action, "number") ?: "0", NULL, 10);
      g_autofree char *heading = NULL;

      if (six_record_is_deleted (action) ||
          !((g_str_has_prefix (id, "lap:") && number >= 38 && number <= 42) ||
            g_str_has_prefix (id, "dap:5.")))
        continue;
      heading = six_action_heading (action);
      g_ptr_array_add (ids, g_strdup (id));
      /* Translators: an action and its title, "LAP Action 38 — Country Coalitions" */
      g_ptr_array_add (labels, g_strdup_printf (_("%s — %s"), heading,
                                                six_record_get_string (action, "title")));
    }
  six_record_form_set_choices (form, "actions", ids, labels);
}

static SixRecordForm *open_form (SixCoalitionsPage *self,
                                 const char        *kind_name,
                                 SixRecord         *record);

/* A record a chooser may name, made from the form that chooses it: "New Organisation…"
 * beside a member, "New Contact Person…" beside its contact. */
typedef struct
{
  const char         *field;
  const char * const *kinds;
  const char         *label;
  SixRecordForm    *(*form_new) (SixRepository *repository,
                                 SixRecord     *record);
} NewChoice;

static const char * const party_kinds[] = { "country", "organisation", NULL };
static const char * const contact_kinds[] = { "contact", NULL };
static const NewChoice new_member = {
  "member", party_kinds, N_("New Organisation…"), six_organisation_form_new
};
static const NewChoice new_contact = {
  "contact", contact_kinds, N_("New Contact Person…"), six_contact_form_new
};

/* The new record is written at once, and chosen in the form that asked for it. */
static void
on_new_choice_save_cb (SixRecordForm *form,
                       SixEdit       *edit,
                       SixRecordForm *chooser)
{
  SixCoalitionsPage *self = g_object_get_data (G_OBJECT (chooser), "page");
  const NewChoice *choice = g_object_get_data (G_OBJECT (form), "new-choice");
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *name = NULL;

  on_form_save_cb (form, edit, self);

  for (guint i = 0; i < six_edit_get_n_changes (edit); i++)
    {
      GVariant *value = NULL;
      guint field = six_edit_get_nth_field (edit, i, &value);

      if (g_strcmp0 (six_edit_get_kind (edit)->fields[field].name, "name") == 0 && value != NULL)
        name = g_variant_get_string (value, NULL);
    }

  /* The list does not hold it until the write is done: it is offered by the name typed. */
  six_choices_collect (self->repository, choice->kinds, NULL, ids, labels);
  g_ptr_array_add (ids, g_strdup (six_edit_get_id (edit)));
  g_ptr_array_add (labels, g_strdup (name != NULL ? name : six_edit_get_id (edit)));
  six_record_form_set_choices (chooser, choice->field, ids, labels);
  six_record_form_select (chooser, choice->field, six_edit_get_id (edit));
}

static void
on_new_choice_clicked_cb (GtkButton     *button,
                          SixRecordForm *chooser)
{
  SixCoalitionsPage *self = g_object_get_data (G_OBJECT (chooser), "page");
  const NewChoice *choice = g_object_get_data (G_OBJECT (button), "new-choice");
  SixRecordForm *form = choice->form_new (self->repository, NULL);

  g_object_set_data (G_OBJECT (form), "new-choice", (gpointer) choice);
  g_signal_connect_object (form, "save", G_CALLBACK (on_new_choice_save_cb), chooser, 0);
  present_form (self, GTK_WINDOW (form), GTK_WINDOW (chooser));
}

static void
add_new_choice_button (SixCoalitionsPage *self,
                       SixRecordForm     *form,
                       const NewChoice   *choice)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  g_object_set_data (G_OBJECT (form), "page", self);
  g_object_set_data (G_OBJECT (button), "new-choice", (gpointer) choice);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _(choice->label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(choice->label), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_new_choice_clicked_cb), form, 0);
  six_record_form_add_row_suffix (form, choice->field, button);
}

static void
prepare_member_form (SixCoalitionsPage *self,
                     SixRecordForm     *form,
                     SixRecord         *member)
{
  g_autoptr(GHashTable) joined = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *members = six_coalition_view_get_members (get_view (self));

  /* A new member is one not in the coalition yet. */
  for (guint i = 0; member == NULL && i < members->len; i++)
    {
      SixCoalitionMember *joined_member = members->pdata[i];

      g_hash_table_add (joined, (gpointer) six_record_get_string (joined_member->member, "member"));
    }
  offer (form, "member", self->repository, party_kinds, joined);
  offer (form, "contact", self->repository, contact_kinds, NULL);
  add_new_choice_button (self, form, &new_member);
  add_new_choice_button (self, form, &new_contact);
}

/* The coalition's meetings: where a follow-up was agreed. */
static void
offer_meetings (SixCoalitionsPage *self,
                SixRecordForm     *form)
{
  GPtrArray *lists[] = { six_coalition_view_get_past (get_view (self)),
                         six_coalition_view_get_upcoming (get_view (self)) };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        SixRecord *meeting = lists[l]->pdata[i];
        const char *held_on = six_record_get_string (meeting, "held_on");

        g_ptr_array_add (ids, g_strdup (six_record_get_id (meeting)));
        g_ptr_array_add (labels, six_join_details (six_record_get_string (meeting, "title"),
                                               held_on));
      }
  six_record_form_set_choices (form, "meeting", ids, labels);
}

static SixRecordForm *
open_form (SixCoalitionsPage *self,
           const char        *kind_name,
           SixRecord         *record)
{
  const FormSpec *spec = find_form (kind_name);
  SixRecord *coalition = get_coalition (self);
  const char * const countries[] = { "country", NULL };
  SixRecordForm *form;

  g_return_val_if_fail (spec != NULL && coalition != NULL, NULL);

  if (g_strcmp0 (kind_name, "organisation") == 0)
    form = six_organisation_form_new (self->repository, record);
  else
    form = six_record_form_new (six_kind_lookup (kind_name), record, spec->fields);
  if (record == NULL || g_strcmp0 (kind_name, "organisation") != 0)
    gtk_window_set_title (GTK_WINDOW (form), _(spec->title));

  if (g_strcmp0 (kind_name, "coalition") == 0)
    offer (form, "lead", self->repository, countries, NULL);
  else if (g_strcmp0 (kind_name, "coalition_member") == 0)
    prepare_member_form (self, form, record);
  else if (g_strcmp0 (kind_name, "meeting") == 0)
    offer_members (self, form, "attendees");
  else if (g_strcmp0 (kind_name, "activity") == 0)
    {
      offer_members (self, form, "owner");
      offer_meetings (self, form);
      offer_needs (self, form);
      offer_actions (self, form);
    }
  else if (g_strcmp0 (kind_name, "contribution") == 0)
    {
      offer (form, "donor", self->repository, party_kinds, NULL);
      offer_needs (self, form);
    }

  /* What ties a new record to this coalition, without a row to change it. */
  if (record == NULL)
    {
      const char *id = six_record_get_id (coalition);
      const char *lead = six_record_get_string (coalition, "lead");

      if (g_strcmp0 (kind_name, "coalition_member") == 0 ||
          g_strcmp0 (kind_name, "meeting") == 0 || g_strcmp0 (kind_name, "activity") == 0)
        six_record_form_preset (form, "coalition", g_variant_new_string (id));
      if (g_strcmp0 (kind_name, "note") == 0)
        six_record_form_preset (form, "target", g_variant_new_string (id));
      if (g_strcmp0 (kind_name, "contribution") == 0 && lead != NULL)
        {
          six_record_form_preset (form, "recipient", g_variant_new_string (lead));
          six_record_form_preset (form, "coalition", g_variant_new_string (id));
        }
      if (g_strcmp0 (kind_name, "meeting") == 0)
        six_record_form_select (form, "kind", "coalition_meeting");
      if (g_strcmp0 (kind_name, "activity") == 0)
        six_record_form_select (form, "status", "planned");
    }

  g_signal_connect_object (form, "save", G_CALLBACK (on_form_save_cb), self, 0);
  present_form (self, GTK_WINDOW (form), NULL);

  return form;
}

/* --- actions ----------------------------------------------------------------------------- */

static void
add_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SixCoalitionsPage *self = SIX_COALITIONS_PAGE (widget);
  const struct { const char *action, *kind; } adds[] = {
    { "coalitions.add-member", "coalition_member" },
    { "coalitions.add-meeting", "meeting" },
    { "coalitions.add-follow-up", "activity" },
    { "coalitions.add-note", "note" },
    { "coalitions.add-contribution", "contribution" },
    { "coalitions.new-organisation", "organisation" },
  };

  if (get_coalition (self) == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (adds); i++)
    if (g_strcmp0 (adds[i].action, action_name) == 0)
      open_form (self, adds[i].kind, NULL);
}

/* The record an action names, as the workspace holds it. */
static SixRecord *
lookup (SixCoalitionsPage *self,
        GVariant          *parameter)
{
  const char *kind_name, *id;
  SixCoalitionView *view = get_view (self);

  g_variant_get (parameter, "(&s&s)", &kind_name, &id);

  return view != NULL && get_coalition (self) != NULL
         ? six_coalition_view_find (view, kind_name, id) : NULL;
}

static void
edit_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SixCoalitionsPage *self = SIX_COALITIONS_PAGE (widget);
  SixRecord *record = lookup (self, parameter);

  if (record != NULL && find_form (six_record_get_kind_name (record)) != NULL)
    open_form (self, six_record_get_kind_name (record), record);
}

static void
edit_coalition_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SixCoalitionsPage *self = SIX_COALITIONS_PAGE (widget);

  if (get_coalition (self) != NULL)
    open_form (self, "coalition", get_coalition (self));
}

static void
remove_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SixCoalitionsPage *self = SIX_COALITIONS_PAGE (widget);
  SixRecord *record = lookup (self, parameter);
  g_autoptr(SixEdit) edit = NULL;
  const FormSpec *spec;

  if (record == NULL || (spec = find_form (six_record_get_kind_name (record))) == NULL ||
      spec->removed == NULL)
    return;

  edit = six_edit_new (six_record_get_kind (record), six_record_get_id (record));
  six_edit_delete (edit);
  apply_edit (self, _(spec->removed), edit);
}

/* "(sb)": a follow-up marked done, or open again, in one click with Undo. */
static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SixCoalitionsPage *self = SIX_COALITIONS_PAGE (widget);
  SixCoalitionView *view = get_view (self);
  g_autoptr(SixEdit) edit = NULL;
  const char *id;
  gboolean done;
  SixRecord *activity;

  g_variant_get (parameter, "(&sb)", &id, &done);
  activity = view != NULL ? six_coalition_view_find (view, "activity", id) : NULL;
  if (activity == NULL || six_activity_is_open (activity) != done)
    return;

  edit = six_edit_new (six_kind_lookup ("activity"), id);
  six_edit_set_string (edit, "status", done ? "done" : "in_progress");
  apply_edit (self, done ? _("Follow-up marked done") : _("Follow-up open again"), edit);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  adw_leaflet_navigate (SIX_COALITIONS_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  six_coalitions_page_start (SIX_COALITIONS_PAGE (widget), NULL);
}

/* Send to Members: the window exports the coalition's scope at the coalition level. */
static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SixCoalitionsPage *self = SIX_COALITIONS_PAGE (widget);

  if (get_coalition (self) != NULL)
    gtk_widget_activate_action (widget, "win.send-coalition", "s", self->coalition_id);
}

/* On a worker: the view is immutable, and drawing a PDF touches no widget. */
static gboolean
write_brief (gpointer     view,
             const char  *path,
             GError     **error)
{
  return six_coalition_brief_write_pdf (view, path, error);
}

/* The brief of the coalition shown, written to @path off the main thread, then a toast. */
void
_six_coalitions_page_save_brief (SixCoalitionsPage *self,
                                 const char        *path)
{
  g_return_if_fail (SIX_IS_COALITIONS_PAGE (self));
  g_return_if_fail (get_coalition (self) != NULL);

  six_file_save (GTK_WIDGET (self), path, write_brief, g_object_ref (get_view (self)),
                 g_object_unref);
}

static void
print_brief_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SixCoalitionsPage *self = SIX_COALITIONS_PAGE (widget);
  SixRecord *coalition = get_coalition (self);
  g_autofree char *name = NULL;

  if (coalition == NULL)
    return;

  /* Translators: a file name, "Country Coalition for Lebanon — brief.pdf" */
  name = g_strdup_printf (_("%s — brief.pdf"), six_record_get_string (coalition, "title"));
  six_file_choose_and_save (widget, _("Save Meeting Brief"), name, write_brief,
                            g_object_ref (get_view (self)), g_object_unref);
}

/* --- rows -------------------------------------------------------------------------------- */

/* --- the list ---------------------------------------------------------------------------- */

/* The status filter's search: the stored status chosen, or NULL for any. */
static char *
status_chosen_cb (gpointer page,
                  guint    selected)
{
  return g_strdup (selected < G_N_ELEMENTS (statuses) ? statuses[selected] : NULL);
}

static char *
list_or_no_match_cb (gpointer page,
                     guint    n_shown)
{
  return g_strdup (n_shown > 0 ? "list" : "no-match");
}

/* The selection follows the coalition opened, when the filters show it. */
static void
select_listed (SixCoalitionsPage *self)
{
  GListModel *shown = G_LIST_MODEL (self->selection);

  for (guint i = 0; self->coalition_id != NULL && i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(SixCoalitionItem) item = g_list_model_get_item (shown, i);

      if (g_str_equal (six_coalition_item_get_id (item), self->coalition_id))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* Replaces only the stretch between the unchanged head and tail: an edit, or another
 * coalition opened (the list read again the same), leaves the rows, scroll and selection. */
static void
show_list (SixCoalitionsPage *self,
           SixCoalitionView  *view)
{
  GListModel *old = G_LIST_MODEL (self->coalitions);
  GListModel *new = six_coalition_view_get_coalitions (view);
  guint n_old = g_list_model_get_n_items (old);
  guint n_new = g_list_model_get_n_items (new);
  guint head = 0, tail = 0;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (; head < n_old && head < n_new; head++)
    {
      g_autoptr(SixCoalitionItem) a = g_list_model_get_item (old, head);
      g_autoptr(SixCoalitionItem) b = g_list_model_get_item (new, head);

      if (!six_coalition_item_equal (a, b))
        break;
    }

  for (; tail < n_old - head && tail < n_new - head; tail++)
    {
      g_autoptr(SixCoalitionItem) a = g_list_model_get_item (old, n_old - 1 - tail);
      g_autoptr(SixCoalitionItem) b = g_list_model_get_item (new, n_new - 1 - tail);

      if (!six_coalition_item_equal (a, b))
        break;
    }

  if (head == n_old && head == n_new)
    return;

  for (guint i = head; i < n_new - tail; i++)
    g_ptr_array_add (added, g_list_model_get_item (new, i));
  g_list_store_splice (self->coalitions, head, n_old - head - tail, added->pdata, added->len);
}

static void
on_search_entry_search_changed_cb (SixCoalitionsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = six_coalition_item_fold (text);

  gtk_string_filter_set_search (self->search_filter, folded);
}

/* A coalition filtered out and back loses its selection: it is chosen again. */
static void
on_shown_items_changed_cb (SixCoalitionsPage *self)
{
  select_listed (self);
}

/* GTK 4.8 selects the row under the pointer in a single-click list: once the pointer
 * leaves, the selection shows the coalition opened again. */
static void
on_list_view_leave_cb (SixCoalitionsPage *self)
{
  select_listed (self);
}

static void
on_list_view_activate_cb (SixCoalitionsPage *self,
                          guint              position)
{
  g_autoptr(SixCoalitionItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                            position);

  if (item != NULL)
    six_coalitions_page_open_coalition (self, six_coalition_item_get_id (item));
}

/* --- the workspace ----------------------------------------------------------------------- */

static void
show_header (SixCoalitionsPage *self,
             SixCoalitionView  *view)
{
  SixRecord *coalition = six_coalition_view_get_coalition (view);
  const char *established = six_record_get_string (coalition, "established_on");
  g_autofree char *led = g_strdup_printf (_("Led by %s"), six_coalition_view_get_lead_name (view));
  /* Translators: when a coalition was started, "Started 2024-09-01" */
  g_autofree char *started = established != NULL ? g_strdup_printf (_("Started %s"), established)
                                                  : NULL;
  g_autofree char *articles = six_coalition_dup_focus (coalition);
  g_autofree char *focus = articles[0] != '\0' ? g_strdup_printf (_("Focus: %s"), articles) : NULL;
  g_autofree char *subtitle = six_join_details (led, six_record_value_label (coalition, "status"),
                                            started, focus);
  const char *description = six_record_get_string (coalition, "description");

  gtk_label_set_label (self->heading_label, six_record_get_string (coalition, "title"));
  gtk_label_set_label (self->details_label, subtitle);
  gtk_label_set_label (self->about_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->about_label), description != NULL);
}

/* Each section's list, in the order of SixCoalitionSection. */
static const gsize section_lists[] = {
  G_STRUCT_OFFSET (SixCoalitionsPage, glance_list),
  G_STRUCT_OFFSET (SixCoalitionsPage, obligations_list),
  G_STRUCT_OFFSET (SixCoalitionsPage, needs_list),
  G_STRUCT_OFFSET (SixCoalitionsPage, members_list),
  G_STRUCT_OFFSET (SixCoalitionsPage, follow_ups_list),
  G_STRUCT_OFFSET (SixCoalitionsPage, upcoming_list),
  G_STRUCT_OFFSET (SixCoalitionsPage, past_list),
  G_STRUCT_OFFSET (SixCoalitionsPage, notes_list),
};

G_STATIC_ASSERT (G_N_ELEMENTS (section_lists) == SIX_COALITION_N_SECTIONS);

/* Every section's rows bound to the view's lines (none when no workspace is read); a section
 * with none shows no list. */
static void
show_sections (SixCoalitionsPage *self,
               SixCoalitionView  *view)
{
  for (guint i = 0; i < SIX_COALITION_N_SECTIONS; i++)
    {
      GtkListBox *list = G_STRUCT_MEMBER (GtkListBox *, self, section_lists[i]);
      g_autoptr(GListModel) facts = six_coalition_view_dup_facts (view, i);

      six_fact_row_bind_list (list, facts);
    }
}

static void
update_actions (SixCoalitionsPage *self)
{
  const char * const workspace_actions[] = {
    "coalitions.edit", "coalitions.add-member", "coalitions.add-meeting",
    "coalitions.add-follow-up", "coalitions.add-note", "coalitions.add-contribution",
    "coalitions.new-organisation", "coalitions.send", "coalitions.print-brief", NULL
  };
  gboolean shown = get_coalition (self) != NULL;

  for (guint i = 0; workspace_actions[i] != NULL; i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), workspace_actions[i], shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "coalitions.start", self->repository != NULL);
}

static void
show_workspace (SixCoalitionsPage *self,
                SixCoalitionView  *view)
{
  /* Translators: a heading, "Obligations and Deadlines of Lebanon" */
  g_autofree char *title = g_strdup_printf (_("Obligations and Deadlines of %s"),
                                            six_coalition_view_get_lead_name (view));

  show_header (self, view);
  adw_preferences_group_set_title (self->obligations_group, title);
  show_sections (self, view);
}

static void
show (SixCoalitionsPage *self)
{
  SixCoalitionView *view = get_view (self);

  if (view == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  update_actions (self);
  show_list (self, view);
  select_listed (self);
  if (six_coalition_view_get_summaries (view)->len == 0)
    {
      show_sections (self, view);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "coalitions");

  /* While another coalition is read, the one shown stays; one gone shows nothing. */
  if (self->coalition_id != NULL &&
      g_strcmp0 (six_coalition_view_get_id (view), self->coalition_id) != 0 &&
      six_live_query_is_loading (self->query))
    return;

  if (get_coalition (self) != NULL)
    {
      show_workspace (self, view);
      gtk_stack_set_visible_child_name (self->detail_stack, "workspace");
    }
  else
    {
      show_sections (self, view);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
    }
}

static void
on_query_snapshot_changed_cb (SixCoalitionsPage *self)
{
  show (self);
}

/* --- object ------------------------------------------------------------------------------ */

static void
six_coalitions_page_map (GtkWidget *widget)
{
  SixCoalitionsPage *self = SIX_COALITIONS_PAGE (widget);

  GTK_WIDGET_CLASS (six_coalitions_page_parent_class)->map (widget);
  if (self->query != NULL)
    six_live_query_set_active (self->query, TRUE);
}

static void
six_coalitions_page_unmap (GtkWidget *widget)
{
  SixCoalitionsPage *self = SIX_COALITIONS_PAGE (widget);

  if (self->query != NULL)
    six_live_query_set_active (self->query, FALSE);
  GTK_WIDGET_CLASS (six_coalitions_page_parent_class)->unmap (widget);
}

static void
six_coalitions_page_dispose (GObject *object)
{
  SixCoalitionsPage *self = (SixCoalitionsPage *) object;

  g_clear_object (&self->query);
  g_clear_object (&self->repository);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_COALITIONS_PAGE);

  G_OBJECT_CLASS (six_coalitions_page_parent_class)->dispose (object);
}

static void
six_coalitions_page_finalize (GObject *object)
{
  SixCoalitionsPage *self = (SixCoalitionsPage *) object;

  g_free (self->coalition_id);

  G_OBJECT_CLASS (six_coalitions_page_parent_class)->finalize (object);
}

static void
six_coalitions_page_class_init (SixCoalitionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_coalitions_page_dispose;
  object_class->finalize = six_coalitions_page_finalize;
  widget_class->map = six_coalitions_page_map;
  widget_class->unmap = six_coalitions_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-coalitions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, coalitions);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, search_filter);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, workspace_page);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, about_label);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, glance_list);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, obligations_group);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, obligations_list);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, needs_list);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, members_list);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, follow_ups_list);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, past_list);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, notes_list);
  gtk_widget_class_bind_template_callback (widget_class, status_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_or_no_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_shown_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "coalitions.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "coalitions.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "coalitions.edit", NULL, edit_coalition_action);
  gtk_widget_class_install_action (widget_class, "coalitions.add-member", NULL, add_record_action);
  gtk_widget_class_install_action (widget_class, "coalitions.add-meeting", NULL,
                                   add_record_action);
  gtk_widget_class_install_action (widget_class, "coalitions.add-follow-up", NULL,
                                   add_record_action);
  gtk_widget_class_install_action (widget_class, "coalitions.add-note", NULL, add_record_action);
  gtk_widget_class_install_action (widget_class, "coalitions.add-contribution", NULL,
                                   add_record_action);
  gtk_widget_class_install_action (widget_class, "coalitions.new-organisation", NULL,
                                   add_record_action);
  gtk_widget_class_install_action (widget_class, "record.edit", "(ss)",
                                   edit_record_action);
  gtk_widget_class_install_action (widget_class, "record.remove", "(ss)",
                                   remove_record_action);
  gtk_widget_class_install_action (widget_class, "record.mark-done", "(sb)",
                                   mark_done_action);
  gtk_widget_class_install_action (widget_class, "coalitions.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "coalitions.print-brief", NULL,
                                   print_brief_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SIX_TYPE_TAB_STOP);
  g_type_ensure (SIX_TYPE_COALITION_ITEM);
  g_type_ensure (SIX_TYPE_COALITION_ROW);
}

static void
six_coalitions_page_init (SixCoalitionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_actions (self);
}

/* Once: the page reads this repository for as long as it lives, while it is shown. */
void
six_coalitions_page_set_repository (SixCoalitionsPage *self,
                                    SixRepository     *repository)
{
  g_return_if_fail (SIX_IS_COALITIONS_PAGE (self));
  g_return_if_fail (SIX_IS_REPOSITORY (repository));
  g_return_if_fail (self->repository == NULL);

  self->repository = g_object_ref (repository);
  /* The forms offer what these lists hold: they load once, and stay live. */
  for (guint i = 0; choice_kinds[i] != NULL; i++)
    six_repository_list (repository, six_kind_lookup (choice_kinds[i]));
  self->query = six_coalition_query_new (repository);
  six_coalition_query_set_coalition (self->query, self->coalition_id);
  g_signal_connect_object (self->query, "notify::snapshot",
                           G_CALLBACK (on_query_snapshot_changed_cb), self, G_CONNECT_SWAPPED);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    six_live_query_set_active (self->query, TRUE);
  update_actions (self);
}

/* A new workspace is read from its title down (libadwaita 1.2 has no call for it). */
static void
scroll_to_top (SixCoalitionsPage *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->workspace_page));

  if (GTK_IS_SCROLLED_WINDOW (child))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child)), 0);
}

/* Shows @coalition_id's workspace, once read (at once if it is the one shown). */
void
six_coalitions_page_open_coalition (SixCoalitionsPage *self,
                                    const char        *coalition_id)
{
  g_return_if_fail (SIX_IS_COALITIONS_PAGE (self));
  g_return_if_fail (coalition_id != NULL);

  if (g_strcmp0 (self->coalition_id, coalition_id) != 0)
    {
      g_free (self->coalition_id);
      self->coalition_id = g_strdup (coalition_id);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "coalitions.edit", FALSE);
      if (self->query != NULL)
        six_coalition_query_set_coalition (self->query, coalition_id);
      scroll_to_top (self);
    }

  select_listed (self);
  adw_leaflet_set_visible_child (self->leaflet, self->detail_pane);
  show (self);
}

/* Returns: (nullable): the coalition opened (shown once read) */
const char *
six_coalitions_page_get_coalition_id (SixCoalitionsPage *self)
{
  g_return_val_if_fail (SIX_IS_COALITIONS_PAGE (self), NULL);

  return self->coalition_id;
}

/* Returns: (transfer none) (nullable): the view the page shows */
SixCoalitionView *
six_coalitions_page_get_view (SixCoalitionsPage *self)
{
  g_return_val_if_fail (SIX_IS_COALITIONS_PAGE (self), NULL);

  return get_view (self);
}

static void
on_assistant_start_cb (SixCoalitionAssistant *assistant,
                       GPtrArray             *edits,
                       const char            *coalition_id,
                       SixCoalitionsPage     *self)
{
  apply_edits (self, _("Coalition started"), edits);
  /* The write goes first on the repository's thread: the read after it sees the coalition. */
  six_coalitions_page_open_coalition (self, coalition_id);
}

/**
 * six_coalitions_page_start:
 * @lead: (nullable): the State that leads (from its profile), or %NULL to choose it
 *
 * Opens the assistant that starts a coalition; once started, its workspace.
 */
void
six_coalitions_page_start (SixCoalitionsPage *self,
                           const char        *lead)
{
  SixCoalitionAssistant *assistant;

  g_return_if_fail (SIX_IS_COALITIONS_PAGE (self));
  g_return_if_fail (self->repository != NULL);

  assistant = six_coalition_assistant_new (self->repository, lead);
  g_signal_connect_object (assistant, "start", G_CALLBACK (on_assistant_start_cb), self, 0);
  present_form (self, GTK_WINDOW (assistant), NULL);
}
