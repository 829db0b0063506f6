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
#include "six-file-saver.h"
#include "six-labels.h"
#include "six-live-query.h"
#include "six-queries.h"
#include "six-record-form.h"
#include "six-rows.h"
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
  AdwPreferencesGroup *glance_group;
  AdwPreferencesGroup *obligations_group;
  AdwPreferencesGroup *needs_group;
  AdwPreferencesGroup *members_group;
  AdwPreferencesGroup *follow_ups_group;
  AdwPreferencesGroup *upcoming_group;
  AdwPreferencesGroup *past_group;
  AdwPreferencesGroup *notes_group;

  /* Owned */
  SixRepository       *repository;
  SixLiveQuery        *query;
  char                *coalition_id;  /* the coalition opened, or NULL */
  GPtrArray           *rows;          /* the workspace's rows, to take out again */
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

/* The parts given, @separator between them; missing (NULL or empty) parts are left out. */
static char *
join_parts (const char         *separator,
            const char * const *parts,
            guint               n_parts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? separator : "", parts[i]);

  return g_string_free (out, FALSE);
}

#define join_with(separator, ...) \
  join_parts ((separator), (const char * const []) { __VA_ARGS__ }, \
              sizeof ((const char * const []) { __VA_ARGS__ }) / sizeof (const char *))
/* "Donor · Since 2024-09-01"; one under the other: a row's lines. */
#define join_details(...) join_with (" · ", __VA_ARGS__)
#define join_lines(...) join_with ("\n", __VA_ARGS__)

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

/* A request by its year and category: "2023 · Victim assistance". */
static char *
describe_request (SixRecord *request)
{
  /* Translators: a request for assistance, its year and category: "2023 · Victim assistance" */
  return g_strdup_printf (_("%d · %s"), (int) six_record_get_int (request, "year", 0),
                          six_record_value_label (request, "category"));
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
      g_ptr_array_add (labels, describe_request (request));
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
        g_ptr_array_add (labels, join_details (six_record_get_string (meeting, "title"),
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

/* "s": an organisation among the members, edited where it is named. */
static void
edit_organisation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SixCoalitionsPage *self = SIX_COALITIONS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GPtrArray *members;

  if (get_coalition (self) == NULL)
    return;

  members = six_coalition_view_get_members (get_view (self));
  for (guint i = 0; i < members->len; i++)
    {
      SixCoalitionMember *member = members->pdata[i];

      if (member->party != NULL && g_strcmp0 (six_record_get_id (member->party), id) == 0 &&
          g_strcmp0 (six_record_get_kind_name (member->party), "organisation") == 0)
        {
          open_form (self, "organisation", member->party);
          return;
        }
    }
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

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "—");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/* A row that opens a record where it is shown (the lead's profile, an obligation in it). */
static void
make_opening (GtkWidget  *row,
              const char *kind_name,
              const char *id)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", kind_name, id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
}

static GtkWidget *
new_badge (const char *text,
           const char *style)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, style);

  return badge;
}

static GtkWidget *
new_icon_button (const char *icon,
                 const char *label,
                 const char *action,
                 GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

/* Edit and Remove buttons, named after what they act on ("Edit Norway"). */
static void
add_record_buttons (GtkWidget  *row,
                    SixRecord  *record,
                    const char *name)
{
  g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new ("(ss)",
                                                                  six_record_get_kind_name (record),
                                                                  six_record_get_id (record)));
  g_autofree char *edit = g_strdup_printf (_("Edit %s"), name);
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), name);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("document-edit-symbolic", edit,
                                              "coalitions.edit-record", target));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_icon_button ("user-trash-symbolic", remove,
                                              "coalitions.remove-record", target));
}

static char *
describe_amount (SixRecord *record)
{
  gint64 amount;

  if (!six_amount_parse (six_record_get_string (record, "amount"), &amount))
    return NULL;

  return six_amount_format (amount, six_record_get_string (record, "currency"));
}

/* "2 open follow-ups, 1 overdue" */
static char *
describe_follow_ups (guint n_open,
                     guint n_overdue)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open follow-up, %u overdue",
                                       "%u open follow-ups, %u overdue", n_open),
                          n_open, n_overdue);
}

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
  g_autofree char *subtitle = join_details (led, six_record_value_label (coalition, "status"),
                                            started, focus);
  const char *description = six_record_get_string (coalition, "description");

  gtk_label_set_label (self->heading_label, six_record_get_string (coalition, "title"));
  gtk_label_set_label (self->details_label, subtitle);
  gtk_label_set_label (self->about_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->about_label), description != NULL);
}

static void
show_glance (SixCoalitionsPage *self,
             SixCoalitionView  *view)
{
  SixCoalitionSummary *summary = six_coalition_view_get_summary (view);
  SixRecord *coalition = summary->coalition;
  GPtrArray *upcoming = six_coalition_view_get_upcoming (view);
  SixRecord *next = upcoming->len > 0 ? upcoming->pdata[0] : NULL;
  g_autofree char *follow_ups = describe_follow_ups (summary->n_open, summary->n_overdue);
  GtkWidget *row;

  /* The lead State's profile, one click away. */
  row = new_row (summary->lead_name, _("Lead State — open its profile"));
  if (six_coalition_view_get_lead (view) != NULL)
    make_opening (row, "country", six_record_get_string (coalition, "lead"));
  six_rows_add (self->rows, self->glance_group, row);

  if (next != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Next meeting: %s"),
                                                six_record_get_string (next, "title"));
      const char *held_on = six_record_get_string (next, "held_on");
      g_autofree char *when = join_details (held_on != NULL ? held_on : _("Date not set"),
                                            six_record_get_string (next, "place"));

      six_rows_add (self->rows, self->glance_group, new_row (title, when));
    }
  else
    six_rows_add (self->rows, self->glance_group, new_row (_("No meeting planned"), NULL));

  row = new_row (follow_ups, NULL);
  if (summary->n_overdue > 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_badge (_("Overdue"), "overdue"));
  six_rows_add (self->rows, self->glance_group, row);
}

/* The last extension granted, "Extended until 2026-05-01"; a pending request is the
 * deadline's status already. */
static char *
describe_extension (SixCoalitionObligation *obligation)
{
  const char *until;

  for (guint i = obligation->extensions->len; i > 0; i--)
    if ((until = six_record_get_string (obligation->extensions->pdata[i - 1],
                                        "granted_until")) != NULL)
      /* Translators: the deadline an extension granted, "Extended until 2026-05-01" */
      return g_strdup_printf (_("Extended until %s"), until);

  return NULL;
}

static void
show_obligations (SixCoalitionsPage *self,
                  SixCoalitionView  *view)
{
  GPtrArray *obligations = six_coalition_view_get_obligations (view);
  g_autofree char *title = NULL;
  GDate today;

  six_coalition_view_get_today (view, &today);
  /* Translators: a heading, "Obligations and Deadlines of Lebanon" */
  title = g_strdup_printf (_("Obligations and Deadlines of %s"),
                           six_coalition_view_get_lead_name (view));
  adw_preferences_group_set_title (self->obligations_group, title);

  if (obligations->len == 0)
    six_rows_add_placeholder (self->rows, self->obligations_group,
                              _("No obligation under Article 3, 4 or 5 is recorded."));

  for (guint i = 0; i < obligations->len; i++)
    {
      SixCoalitionObligation *obligation = obligations->pdata[i];
      SixRecord *record = obligation->obligation;
      const char *due = six_obligation_get_deadline (record);
      g_autofree char *deadline = due != NULL && six_obligation_is_open (record)
                                  ? g_strdup_printf (_("Deadline %s"), due) : NULL;
      g_autofree char *left = six_deadline_describe (record, obligation->extensions, &today);
      g_autofree char *extension = describe_extension (obligation);
      g_autofree char *subtitle = join_details (deadline, left, extension);
      GtkWidget *row = new_row (six_record_value_label (record, "article"), subtitle);

      if (six_deadline_assess (record, obligation->extensions, &today) ==
          SIX_DEADLINE_STATE_PASSED)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_badge (_("Passed"), "overdue"));
      make_opening (row, "obligation", six_record_get_id (record));
      six_rows_add (self->rows, self->obligations_group, row);
    }
}

static const char *
coverage_label (SixCoverage coverage)
{
  switch (coverage)
    {
    case SIX_COVERAGE_ANSWERED:
      return _("Answered");
    case SIX_COVERAGE_PARTLY:
      return _("Partly answered");
    case SIX_COVERAGE_UNANSWERED:
    default:
      return _("Unanswered");
    }
}

static void
show_needs (SixCoalitionsPage *self,
            SixCoalitionView  *view)
{
  static const char * const styles[] = { "answered", "partly", "unanswered" };
  GPtrArray *needs = six_coalition_view_get_needs (view);
  GPtrArray *commitments = six_coalition_view_get_commitments (view);

  if (needs->len == 0 && commitments->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No request for assistance from %s is recorded."),
                                               six_coalition_view_get_lead_name (view));

      six_rows_add_placeholder (self->rows, self->needs_group, text);
    }

  for (guint i = 0; i < needs->len; i++)
    {
      SixCoalitionNeed *need = needs->pdata[i];
      g_autofree char *title = describe_request (need->request);
      g_autofree char *asked_amount = describe_amount (need->request);
      g_autofree char *given_amounts = six_amount_sums_describe (need->sums);
      /* Translators: what a request asked for, "Asked 1,000 EUR" */
      g_autofree char *asked = asked_amount != NULL ? g_strdup_printf (_("Asked %s"), asked_amount)
                                                    : NULL;
      /* Translators: what the contributions answering a request add up to, per currency */
      g_autofree char *given = given_amounts[0] != '\0'
                               ? g_strdup_printf (_("Given %s"), given_amounts)
                               : need->responses->len > 0
                               ? NULL : g_strdup (_("Nothing given yet"));
      const char *description = six_record_get_string (need->request, "description");
      g_autofree char *subtitle = join_details (description, asked, given);
      GtkWidget *badge = new_badge (coverage_label (need->coverage), styles[need->coverage]);
      GtkWidget *row;

      /* What answers a need is listed under it; a need nothing answers is one line. */
      if (need->responses->len == 0)
        {
          row = new_row (title, subtitle);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
        }
      else
        {
          row = adw_expander_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);
        }
      if (need->coverage == SIX_COVERAGE_UNANSWERED)
        gtk_widget_add_css_class (row, "unanswered");

      for (guint r = 0; r < need->responses->len; r++)
        {
          SixRecord *response = need->responses->pdata[r];
          g_autofree char *amount = describe_amount (response);
          g_autofree char *details = join_details (six_record_value_label (response, "status"),
                                                   six_record_value_label (response, "kind"),
                                                   amount);
          GtkWidget *answer = new_row (need->donor_names->pdata[r], details);

          add_record_buttons (answer, response, need->donor_names->pdata[r]);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), answer);
        }
      six_rows_add (self->rows, self->needs_group, row);
    }

  for (guint i = 0; i < commitments->len; i++)
    {
      SixCoalitionCommitment *commitment = commitments->pdata[i];
      SixRecord *contribution = commitment->contribution;
      g_autofree char *amount = describe_amount (contribution);
      g_autofree char *title = join_details (commitment->donor_name,
                                             six_record_value_label (contribution, "category"));
      const char *description = six_record_get_string (contribution, "description");
      g_autofree char *subtitle = join_details (six_record_value_label (contribution, "status"),
                                                six_record_value_label (contribution, "kind"),
                                                amount, description);
      GtkWidget *row = new_row (title, subtitle);

      add_record_buttons (row, contribution, commitment->donor_name);
      six_rows_add (self->rows, self->needs_group, row);
    }
}

/* When a member joined and left: "Since 2024-03-01", "2024-03-01 to 2025-06-30". */
static char *
describe_tenure (SixRecord *member)
{
  const char *since = six_record_get_string (member, "since");
  const char *until = six_record_get_string (member, "until");

  if (since != NULL && until != NULL)
    /* Translators: when a coalition member joined and left, "2024-03-01 to 2025-06-30" */
    return g_strdup_printf (_("%s to %s"), since, until);
  if (since != NULL)
    /* Translators: when a coalition member joined, "Since 2024-03-01" */
    return g_strdup_printf (_("Since %s"), since);
  if (until != NULL)
    /* Translators: when a coalition member left, "Until 2025-06-30" */
    return g_strdup_printf (_("Until %s"), until);

  return NULL;
}

static void
show_members (SixCoalitionsPage *self,
              SixCoalitionView  *view)
{
  GPtrArray *members = six_coalition_view_get_members (view);

  if (members->len == 0)
    six_rows_add_placeholder (self->rows, self->members_group, _("No member has joined yet."));

  for (guint i = 0; i < members->len; i++)
    {
      SixCoalitionMember *member = members->pdata[i];
      gboolean organisation = member->party != NULL &&
                              g_strcmp0 (six_record_get_kind_name (member->party),
                                         "organisation") == 0;
      const char *role = six_record_value_label (member->member, "role");
      const char *kind = organisation ? six_record_value_label (member->party, "kind") : NULL;
      const char *acronym = organisation ? six_record_get_string (member->party, "acronym") : NULL;
      g_autofree char *tenure = describe_tenure (member->member);
      /* Translators: a coalition member's contact person, "Contact: Samir Haddad" */
      g_autofree char *contact = member->contact_name != NULL
                                 ? g_strdup_printf (_("Contact: %s"), member->contact_name)
                                 : NULL;
      /* "Operator · MAG"; an organisation's kind only where it says more than the role. */
      g_autofree char *subtitle = join_details (role, g_strcmp0 (kind, role) != 0 ? kind : NULL,
                                                acronym, tenure, contact);
      GtkWidget *row = new_row (member->name, subtitle);

      if (organisation)
        {
          g_autofree char *label = g_strdup_printf (_("Edit Organisation %s"), member->name);
          GVariant *target = g_variant_new_string (six_record_get_id (member->party));

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     new_icon_button ("contact-new-symbolic", label,
                                                      "coalitions.edit-organisation", target));
        }
      add_record_buttons (row, member->member, member->name);
      six_rows_add (self->rows, self->members_group, row);
    }
}

static void
on_done_toggled_cb (GtkCheckButton    *check,
                    SixCoalitionsPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "activity");

  gtk_widget_activate_action (GTK_WIDGET (self), "coalitions.mark-done", "(sb)", id,
                              gtk_check_button_get_active (check));
}

static void
show_follow_ups (SixCoalitionsPage *self,
                 SixCoalitionView  *view)
{
  GPtrArray *follow_ups = six_coalition_view_get_follow_ups (view);

  if (follow_ups->len == 0)
    six_rows_add_placeholder (self->rows, self->follow_ups_group,
                              _("Nothing agreed to follow up yet."));

  for (guint i = 0; i < follow_ups->len; i++)
    {
      SixCoalitionFollowUp *follow_up = follow_ups->pdata[i];
      SixRecord *activity = follow_up->activity;
      const char *due_on = six_record_get_string (activity, "due_on");
      const char *title = six_record_get_string (activity, "title");
      /* Translators: when a follow-up is due, "Due 2026-11-01" */
      g_autofree char *due = due_on != NULL ? g_strdup_printf (_("Due %s"), due_on) : NULL;
      g_autoptr(GString) actions = g_string_new (NULL);
      g_autofree char *subtitle = NULL;
      g_autofree char *from = NULL;
      g_autofree char *serves = NULL;
      g_autofree char *done_label = g_strdup_printf (_("Done: %s"), title);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *row;

      for (guint a = 0; a < follow_up->actions->len; a++)
        {
          g_autofree char *heading = six_action_heading (follow_up->actions->pdata[a]);

          g_string_append_printf (actions, "%s%s", actions->len > 0 ? ", " : "", heading);
        }
      if (follow_up->meeting != NULL)
        /* Translators: the meeting a follow-up was agreed at, "From: Coalition meeting, June" */
        from = g_strdup_printf (_("From: %s"), six_record_get_string (follow_up->meeting, "title"));
      if (follow_up->request != NULL)
        {
          g_autofree char *request = describe_request (follow_up->request);

          /* Translators: the request a follow-up serves, "For: 2018 · Victim assistance" */
          serves = g_strdup_printf (_("For: %s"), request);
        }
      subtitle = join_details (due, follow_up->owner_name,
                               six_record_value_label (activity, "status"), actions->str, from,
                               serves);
      row = new_row (title, subtitle);

      /* Marking one done is one click, undone from the toast. */
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !follow_up->open);
      gtk_widget_set_tooltip_text (check, _("Mark as done"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      done_label, -1);
      g_object_set_data_full (G_OBJECT (check), "activity",
                              g_strdup (six_record_get_id (activity)), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_done_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

      if (follow_up->overdue)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_badge (_("Overdue"), "overdue"));
          gtk_widget_add_css_class (row, "overdue");
        }
      if (!follow_up->open)
        gtk_widget_add_css_class (row, "dim-label");
      add_record_buttons (row, activity, title);
      six_rows_add (self->rows, self->follow_ups_group, row);
    }
}

static void
show_meetings_of (SixCoalitionsPage   *self,
                  GPtrArray           *meetings,
                  AdwPreferencesGroup *group,
                  const char          *none)
{
  if (meetings->len == 0)
    six_rows_add_placeholder (self->rows, group, none);

  for (guint i = 0; i < meetings->len; i++)
    {
      SixRecord *meeting = meetings->pdata[i];
      const char *title = six_record_get_string (meeting, "title");
      const char *agenda = six_record_get_string (meeting, "agenda");
      const char *outcomes = six_record_get_string (meeting, "outcomes");
      const char *held_on = six_record_get_string (meeting, "held_on");
      g_autofree char *when = join_details (held_on != NULL ? held_on : _("Date not set"),
                                            six_record_get_string (meeting, "place"),
                                            six_record_value_label (meeting, "kind"));
      /* Translators: a meeting's agenda, "Agenda: the survey plan" */
      g_autofree char *agenda_line = agenda != NULL ? g_strdup_printf (_("Agenda: %s"), agenda)
                                                    : NULL;
      g_autofree char *attendees = six_coalition_view_dup_attendees (get_view (self), meeting);
      /* Translators: the members who attend a meeting, "Attendees: Norway, MAG" */
      g_autofree char *attendees_line = attendees != NULL
                                        ? g_strdup_printf (_("Attendees: %s"), attendees) : NULL;
      /* Translators: a meeting's minutes, "Minutes: the plan was agreed" */
      g_autofree char *minutes_line = outcomes != NULL
                                      ? g_strdup_printf (_("Minutes: %s"), outcomes) : NULL;
      g_autofree char *subtitle = join_lines (when, attendees_line, agenda_line, minutes_line);
      GtkWidget *row = new_row (title, subtitle);

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 5);
      add_record_buttons (row, meeting, title);
      six_rows_add (self->rows, group, row);
    }
}

static void
show_notes (SixCoalitionsPage *self,
            SixCoalitionView  *view)
{
  GPtrArray *notes = six_coalition_view_get_notes (view);

  for (guint i = 0; i < notes->len; i++)
    {
      SixRecord *note = notes->pdata[i];
      const char *visibility = six_visibility_to_string (six_record_get_visibility (note));
      GtkWidget *row = new_row (six_record_get_string (note, "text"),
                                six_value_label (NULL, "visibility", visibility));

      add_record_buttons (row, note, _("Note"));
      six_rows_add (self->rows, self->notes_group, row);
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
  six_rows_clear (self->rows);
  show_header (self, view);
  show_glance (self, view);
  show_obligations (self, view);
  show_needs (self, view);
  show_members (self, view);
  show_follow_ups (self, view);
  show_meetings_of (self, six_coalition_view_get_upcoming (view), self->upcoming_group,
                    _("No meeting planned."));
  show_meetings_of (self, six_coalition_view_get_past (view), self->past_group,
                    _("No meeting held yet."));
  show_notes (self, view);
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
      six_rows_clear (self->rows);
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
      six_rows_clear (self->rows);
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

  g_clear_pointer (&self->rows, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, glance_group);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, obligations_group);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, needs_group);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, members_group);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, follow_ups_group);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, past_group);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionsPage, notes_group);
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
  gtk_widget_class_install_action (widget_class, "coalitions.edit-record", "(ss)",
                                   edit_record_action);
  gtk_widget_class_install_action (widget_class, "coalitions.remove-record", "(ss)",
                                   remove_record_action);
  gtk_widget_class_install_action (widget_class, "coalitions.edit-organisation", "s",
                                   edit_organisation_action);
  gtk_widget_class_install_action (widget_class, "coalitions.mark-done", "(sb)",
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

  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
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
