/* six-country-profile.c — one State's profile: read, edited, printed and shared
 *
 * The profile is gathered again, on the repository's thread and with every stamp, whenever
 * one of the lists it draws on changes; every edit is one repository write with an Undo toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-country-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "six-country-profile-private.h"

#include "six-apply.h"
#include "six-choices.h"
#include "six-display-name.h"
#include "six-fact-row.h"
#include "six-file-saver.h"
#include "six-labels.h"
#include "six-overview.h"
#include "six-profile-document.h"
#include "six-queries.h"
#include "six-record-form.h"

struct _SixCountryProfile
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwPreferencesPage  *page;
  GtkLabel            *name_label;
  GtkLabel            *status_label;
  GtkWidget           *unverified_badge;
  GtkListBox          *dates_list;
  GtkListBox          *obligations_list;
  GtkListBox          *reports_list;
  GtkListBox          *requests_list;
  GtkListBox          *contributions_list;
  GtkListBox          *coalitions_list;
  GtkListBox          *contacts_list;
  GtkListBox          *notes_list;

  /* Owned */
  SixRepository       *repository;
  char                *country_id;
  SixProfile          *profile;
  SixLiveQuery        *query;       /* the profile of the State shown, with every stamp */
};

G_DEFINE_FINAL_TYPE (SixCountryProfile, six_country_profile, GTK_TYPE_WIDGET)

/* The fields a form shows for each kind the profile edits. */
typedef struct
{
  const char *kind_name;
  const char *fields[12];
  const char *added;    /* the Undo toast's title for a new record */
  const char *changed;
  const char *removed;
} FormSpec;

static const FormSpec forms[] = {
  { "country", { "status", "region", "signed_on", "instrument", "instrument_on",
                 "entry_into_force", "withdrawn_on", NULL },
    NULL, N_("Status and dates changed"), NULL },
  { "obligation", { "current_deadline", "status", "completed_on", "notes", NULL },
    NULL, N_("Obligation changed"), NULL },
  { "assistance_request", { "year", "category", "description", "amount", "currency", "status",
                            "visibility", NULL },
    N_("Request added"), N_("Request changed"), N_("Request removed") },
  { "contribution", { "donor", "category", "kind", "amount", "currency", "year", "status",
                      "request", "description", "visibility", NULL },
    N_("Contribution added"), N_("Contribution changed"), N_("Contribution removed") },
  { "contact", { "name", "role", "email", "phone", "visibility", NULL },
    N_("Contact added"), N_("Contact changed"), N_("Contact removed") },
  { "note", { "text", "visibility", NULL },
    N_("Note added"), N_("Note changed"), N_("Note removed") },
};

static const FormSpec *
find_form (const char *kind_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_strcmp0 (forms[i].kind_name, kind_name) == 0)
      return &forms[i];

  return NULL;
}

/* --- writing ------------------------------------------------------------------------- */

static void
apply_edit (SixCountryProfile *self,
            const char        *title,
            SixEdit           *edit)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_ptr_array_add (edits, six_edit_ref (edit));
  six_apply_edits (GTK_WIDGET (self), self->repository, title, title, edits, NULL);
}

static void
on_form_save_cb (SixRecordForm *form,
                 SixEdit       *edit,
                 gpointer       user_data)
{
  SixCountryProfile *self = user_data;
  const FormSpec *spec = find_form (six_edit_get_kind (edit)->name);

  apply_edit (self, _(six_edit_is_new (edit) ? spec->added : spec->changed), edit);
}

/* Every country and organisation, by name in the user's language: who a contribution may
 * come from; the donor the contribution names already, by the name the profile knows, if the
 * lists are still loading. */
static void
offer_parties (SixCountryProfile *self,
               SixRecordForm     *form,
               SixRecord         *contribution)
{
  const char *donor = contribution != NULL ? six_record_get_string (contribution, "donor") : NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char * const kinds[] = { "country", "organisation", NULL };

  six_choices_collect (self->repository, kinds, NULL, ids, labels);
  if (donor != NULL && !g_ptr_array_find_with_equal_func (ids, donor, g_str_equal, NULL))
    {
      g_ptr_array_add (ids, g_strdup (donor));
      g_ptr_array_add (labels, six_profile_dup_party_name (self->profile, donor));
    }
  six_record_form_set_choices (form, "donor", ids, labels);
}

/* This State's requests: what a contribution may answer. */
static void
offer_requests (SixCountryProfile *self,
                SixRecordForm     *form)
{
  GPtrArray *requests = six_profile_get_requests (self->profile);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < requests->len; i++)
    {
      SixRecord *request = requests->pdata[i];

      g_ptr_array_add (ids, g_strdup (six_record_get_id (request)));
      g_ptr_array_add (labels, six_request_dup_short_name (request));
    }
  six_record_form_set_choices (form, "request", ids, labels);
}

/* "Contribution to Lebanon": a form says whose record it edits. */
static char *
dup_form_title (SixCountryProfile *self,
                const char        *kind_name)
{
  g_autofree char *name = six_profile_dup_name (self->profile);

  if (g_strcmp0 (kind_name, "contribution") == 0)
    /* Translators: a form's title, "Contribution to Lebanon" */
    return g_strdup_printf (_("Contribution to %s"), name);
  if (g_strcmp0 (kind_name, "assistance_request") == 0)
    /* Translators: a form's title, "Request for Assistance by Lebanon" */
    return g_strdup_printf (_("Request for Assistance by %s"), name);
  if (g_strcmp0 (kind_name, "obligation") == 0)
    /* Translators: a form's title, "Obligation of Lebanon" */
    return g_strdup_printf (_("Obligation of %s"), name);

  /* Translators: a form's title, a kind of record and its State: "Contact · Lebanon" */
  return g_strdup_printf (_("%s · %s"), six_kind_label (kind_name), name);
}

static SixRecordForm *
open_form (SixCountryProfile *self,
           const char        *kind_name,
           SixRecord         *record)
{
  const FormSpec *spec = find_form (kind_name);
  SixRecordForm *form = six_record_form_new (six_kind_lookup (kind_name), record, spec->fields);
  g_autofree char *title = dup_form_title (self, kind_name);

  gtk_window_set_title (GTK_WINDOW (form), title);

  if (g_strcmp0 (kind_name, "contribution") == 0)
    {
      offer_parties (self, form, record);
      offer_requests (self, form);
    }

  g_signal_connect_object (form, "save", G_CALLBACK (on_form_save_cb), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (form),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (form));

  return form;
}

static void
add_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SixCountryProfile *self = SIX_COUNTRY_PROFILE (widget);
  SixRecordForm *form;
  /* What each action creates, and the field that ties it to this State. */
  const struct { const char *action, *kind, *field; } adds[] = {
    { "profile.add-request", "assistance_request", "country" },
    { "profile.add-contribution", "contribution", "recipient" },
    { "profile.add-contact", "contact", "affiliation" },
    { "profile.add-note", "note", "target" },
  };

  if (self->profile == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (adds); i++)
    if (g_strcmp0 (adds[i].action, action_name) == 0)
      {
        form = open_form (self, adds[i].kind, NULL);
        six_record_form_preset (form, adds[i].field, g_variant_new_string (self->country_id));
        return;
      }
}

/* The record an action names, as the profile holds it: with its stamps. */
static SixRecord *
lookup (SixCountryProfile *self,
        GVariant          *parameter)
{
  const char *kind_name;
  const char *id;

  g_variant_get (parameter, "(&s&s)", &kind_name, &id);

  return self->profile != NULL ? six_profile_find (self->profile, kind_name, id) : NULL;
}

static void
edit_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SixCountryProfile *self = SIX_COUNTRY_PROFILE (widget);
  SixRecord *record = lookup (self, parameter);

  if (record != NULL && find_form (six_record_get_kind_name (record)) != NULL)
    open_form (self, six_record_get_kind_name (record), record);
}

static void
edit_country_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SixCountryProfile *self = SIX_COUNTRY_PROFILE (widget);

  if (self->profile != NULL)
    open_form (self, "country", six_profile_get_country (self->profile));
}

static void
remove_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SixCountryProfile *self = SIX_COUNTRY_PROFILE (widget);
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

/* --- printing and sharing ------------------------------------------------------------ */

typedef struct
{
  SixProfile        *profile;
  SixProfileInclude  include;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->profile);
  g_free (job);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  GDate today;

  six_date_get_today (&today);
  six_profile_document_draw (job->profile, gtk_print_context_get_cairo_context (context),
                             gtk_print_context_get_width (context),
                             gtk_print_context_get_height (context), job->include, &today);
}

/* On a worker: the profile is an immutable snapshot, and cairo needs no display. */
static gboolean
write_pdf (gpointer     data,
           const char  *path,
           GError     **error)
{
  PrintJob *job = data;
  GDate today;

  six_date_get_today (&today);

  return six_profile_document_write_pdf (job->profile, path, job->include, &today, error);
}

static PrintJob *
print_job_new (SixCountryProfile *self,
               SixProfileInclude  include)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  job->profile = g_object_ref (self->profile);
  job->include = include;

  return job;
}

/* Where the file chooser, or a test, decided the PDF goes: written on a worker. */
void
_six_country_profile_save_pdf (SixCountryProfile *self,
                               SixProfileInclude  include,
                               const char        *path)
{
  g_return_if_fail (SIX_IS_COUNTRY_PROFILE (self));
  g_return_if_fail (self->profile != NULL);
  g_return_if_fail (path != NULL);

  six_file_save (GTK_WIDGET (self), path, write_pdf, print_job_new (self, include),
                 (GDestroyNotify) print_job_free);
}

static void
save_pdf (SixCountryProfile *self,
          SixProfileInclude  include)
{
  g_autofree char *name = six_profile_dup_name (self->profile);
  g_autofree char *file_name = g_strdup_printf ("%s.pdf", name);

  six_file_choose_and_save (GTK_WIDGET (self), _("Save Profile as PDF"), file_name, write_pdf,
                            print_job_new (self, include), (GDestroyNotify) print_job_free);
}

static void
on_print_response_cb (AdwMessageDialog  *dialog,
                      const char        *response,
                      SixCountryProfile *self)
{
  GtkWidget *options = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *coalition = gtk_widget_get_first_child (options);
  GtkWidget *private = gtk_widget_get_next_sibling (coalition);
  GtkWidget *contacts = gtk_widget_get_next_sibling (private);
  GtkWidget *notes = gtk_widget_get_next_sibling (contacts);
  SixProfileInclude include = SIX_PROFILE_INCLUDE_NONE;
  g_autoptr(GError) error = NULL;

  if (self->profile == NULL || g_strcmp0 (response, "cancel") == 0)
    return;

  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (coalition)))
    include |= SIX_PROFILE_INCLUDE_COALITION;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (private)))
    include |= SIX_PROFILE_INCLUDE_COALITION | SIX_PROFILE_INCLUDE_PRIVATE;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (contacts)))
    include |= SIX_PROFILE_INCLUDE_CONTACTS;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (notes)))
    include |= SIX_PROFILE_INCLUDE_PRIVATE_NOTES;

  if (g_strcmp0 (response, "pdf") == 0)
    save_pdf (self, include);
  else if (!six_country_profile_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL,
                                       include, &error))
    g_warning ("Printing %s: %s", self->country_id, error->message);
}

/* Like a file export, the page holds public records; coalition-level and private records,
 * contacts and private notes leave the office on paper only when ticked in. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SixCountryProfile *self = SIX_COUNTRY_PROFILE (widget);
  GtkWidget *dialog;
  GtkWidget *options;

  if (self->profile == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Print Profile?"),
                                   _("One page for a side event: status, dates, obligations, requests, contributions, coalitions and shared notes. Only public records unless you tick more in."));
  options = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (options),
                  gtk_check_button_new_with_mnemonic (_("Include C_oalition-Level Records")));
  gtk_box_append (GTK_BOX (options),
                  gtk_check_button_new_with_mnemonic (_("Include Pri_vate Records")));
  gtk_box_append (GTK_BOX (options), gtk_check_button_new_with_mnemonic (_("Include _Contacts")));
  gtk_box_append (GTK_BOX (options),
                  gtk_check_button_new_with_mnemonic (_("Include Private _Notes")));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), options);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "pdf", _("Save as _PDF…"),
                                    "print", _("_Print…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "print",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "print");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_print_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The assistant that starts a coalition, with this State as its lead. */
static void
start_coalition_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SixCountryProfile *self = SIX_COUNTRY_PROFILE (widget);

  if (self->country_id != NULL)
    gtk_widget_activate_action (widget, "win.start-coalition", "s", self->country_id);
}

static void
share_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SixCountryProfile *self = SIX_COUNTRY_PROFILE (widget);

  if (self->country_id != NULL)
    gtk_widget_activate_action (widget, "win.share-country", "s", self->country_id);
}

/* The profile as a file attached to a new email. */
static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SixCountryProfile *self = SIX_COUNTRY_PROFILE (widget);

  if (self->country_id != NULL)
    gtk_widget_activate_action (widget, "win.send-email", "(ss)", "country", self->country_id);
}

/* --- showing ------------------------------------------------------------------------- */

static void
show_header (SixCountryProfile *self)
{
  SixRecord *country = six_profile_get_country (self->profile);
  g_autofree char *name = six_profile_dup_name (self->profile);
  const char *region = six_record_value_label (country, "region");
  g_autofree char *status = g_strjoin (" · ", six_record_value_label (country, "status"),
                                       region != NULL ? region : six_record_get_id (country),
                                       region != NULL ? six_record_get_id (country) : NULL, NULL);
  gboolean unverified = six_record_get_value (country, "verified") != NULL &&
                        !six_record_get_boolean (country, "verified");

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->status_label, status);
  gtk_widget_set_visible (self->unverified_badge, unverified);
}

/* The coalitions this State is in, then the line that starts one for it. */
static GListModel *
add_start_coalition (SixCountryProfile *self,
                     GListModel        *coalitions)
{
  g_autofree char *name = six_profile_dup_name (self->profile);
  /* Translators: a button on a State's profile, "Start a Coalition for Lebanon" */
  g_autofree char *title = g_strdup_printf (_("Start a Coalition for %s"), name);
  g_autoptr(SixFact) start = six_fact_new (title, NULL);
  g_autoptr(GListStore) own = g_list_store_new (SIX_TYPE_FACT);
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

  six_fact_set_icon_name (start, "list-add-symbolic");
  six_fact_set_action (start, "profile.start-coalition", NULL);
  g_list_store_append (own, start);
  g_list_store_append (parts, coalitions);
  g_list_store_append (parts, own);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

/* Each section's list, in the order of SixProfileSection. */
static const gsize section_lists[] = {
  G_STRUCT_OFFSET (SixCountryProfile, dates_list),
  G_STRUCT_OFFSET (SixCountryProfile, obligations_list),
  G_STRUCT_OFFSET (SixCountryProfile, reports_list),
  G_STRUCT_OFFSET (SixCountryProfile, requests_list),
  G_STRUCT_OFFSET (SixCountryProfile, contributions_list),
  G_STRUCT_OFFSET (SixCountryProfile, coalitions_list),
  G_STRUCT_OFFSET (SixCountryProfile, contacts_list),
  G_STRUCT_OFFSET (SixCountryProfile, notes_list),
};

G_STATIC_ASSERT (G_N_ELEMENTS (section_lists) == SIX_PROFILE_N_SECTIONS);

/* Every section's rows bound to the view's lines; a section with none shows no list. */
static void
show_profile (SixCountryProfile *self)
{
  GDate today;

  gtk_stack_set_visible_child_name (self->stack, self->profile != NULL ? "profile" : "missing");
  if (self->profile == NULL)
    return;

  show_header (self);
  six_date_get_today (&today);
  for (guint i = 0; i < SIX_PROFILE_N_SECTIONS; i++)
    {
      GtkListBox *list = G_STRUCT_MEMBER (GtkListBox *, self, section_lists[i]);
      g_autoptr(GListModel) facts = six_profile_dup_facts (self->profile, i, &today);

      if (i == SIX_PROFILE_COALITIONS)
        {
          GListModel *coalitions = g_steal_pointer (&facts);

          facts = add_start_coalition (self, coalitions);
          g_object_unref (coalitions);
        }
      six_fact_row_bind_list (list, facts);
    }
}

/* The query reads the State shown, and nothing while none is. */
static void
follow_country (SixCountryProfile *self)
{
  if (self->query == NULL)
    return;

  six_profile_query_set_country (self->query, self->country_id);
}

static void
on_query_snapshot_changed_cb (SixCountryProfile *self)
{
  const GError *error = six_live_query_get_error (self->query);

  g_set_object (&self->profile, six_live_query_get_snapshot (self->query));
  if (self->profile == NULL && error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Reading the profile of %s: %s", self->country_id, error->message);
  show_profile (self);
}

/* --- object -------------------------------------------------------------------------- */

static void
six_country_profile_dispose (GObject *object)
{
  SixCountryProfile *self = (SixCountryProfile *) object;

  g_clear_object (&self->query);
  g_clear_object (&self->profile);
  g_clear_object (&self->repository);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_COUNTRY_PROFILE);

  G_OBJECT_CLASS (six_country_profile_parent_class)->dispose (object);
}

static void
six_country_profile_finalize (GObject *object)
{
  SixCountryProfile *self = (SixCountryProfile *) object;

  g_free (self->country_id);

  G_OBJECT_CLASS (six_country_profile_parent_class)->finalize (object);
}

static void
six_country_profile_class_init (SixCountryProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_country_profile_dispose;
  object_class->finalize = six_country_profile_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-country-profile.ui");
  gtk_widget_class_bind_template_child (widget_class, SixCountryProfile, stack);
  gtk_widget_class_bind_template_child (widget_class, SixCountryProfile, page);
  gtk_widget_class_bind_template_child (widget_class, SixCountryProfile, name_label);
  gtk_widget_class_bind_template_child (widget_class, SixCountryProfile, status_label);
  gtk_widget_class_bind_template_child (widget_class, SixCountryProfile, unverified_badge);
  gtk_widget_class_bind_template_child (widget_class, SixCountryProfile, dates_list);
  gtk_widget_class_bind_template_child (widget_class, SixCountryProfile, obligations_list);
  gtk_widget_class_bind_template_child (widget_class, SixCountryProfile, reports_list);
  gtk_widget_class_bind_template_child (widget_class, SixCountryProfile, requests_list);
  gtk_widget_class_bind_template_child (widget_class, SixCountryProfile, contributions_list);
  gtk_widget_class_bind_template_child (widget_class, SixCountryProfile, coalitions_list);
  gtk_widget_class_bind_template_child (widget_class, SixCountryProfile, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, SixCountryProfile, notes_list);

  gtk_widget_class_install_action (widget_class, "profile.add-request", NULL, add_record_action);
  gtk_widget_class_install_action (widget_class, "profile.add-contribution", NULL,
                                   add_record_action);
  gtk_widget_class_install_action (widget_class, "profile.add-contact", NULL, add_record_action);
  gtk_widget_class_install_action (widget_class, "profile.add-note", NULL, add_record_action);
  gtk_widget_class_install_action (widget_class, "profile.edit-country", NULL,
                                   edit_country_action);
  gtk_widget_class_install_action (widget_class, "record.edit", "(ss)",
                                   edit_record_action);
  gtk_widget_class_install_action (widget_class, "record.remove", "(ss)",
                                   remove_record_action);
  gtk_widget_class_install_action (widget_class, "profile.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "profile.share", NULL, share_action);
  gtk_widget_class_install_action (widget_class, "profile.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "profile.start-coalition", NULL,
                                   start_coalition_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
six_country_profile_init (SixCountryProfile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

}

/* A new State is read from its name down (libadwaita 1.2 has no call for it). */
static void
scroll_to_top (SixCountryProfile *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->page));

  if (GTK_IS_SCROLLED_WINDOW (child))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child)), 0);
}

/* Once: the profile reads from this repository's lists for as long as it lives. */
void
six_country_profile_set_repository (SixCountryProfile *self,
                                    SixRepository     *repository)
{
  g_return_if_fail (SIX_IS_COUNTRY_PROFILE (self));
  g_return_if_fail (SIX_IS_REPOSITORY (repository));
  g_return_if_fail (self->repository == NULL);

  self->repository = g_object_ref (repository);
  self->query = six_profile_query_new (repository);
  g_signal_connect_object (self->query, "notify::snapshot",
                           G_CALLBACK (on_query_snapshot_changed_cb), self, G_CONNECT_SWAPPED);
  follow_country (self);
}

void
six_country_profile_set_country_id (SixCountryProfile *self,
                                    const char        *country_id)
{
  g_return_if_fail (SIX_IS_COUNTRY_PROFILE (self));

  if (g_strcmp0 (self->country_id, country_id) == 0)
    return;

  g_free (self->country_id);
  self->country_id = g_strdup (country_id);
  /* Another State: nothing of the last one stays on screen while this one is read. */
  gtk_stack_set_visible_child_name (self->stack, "loading");
  scroll_to_top (self);
  follow_country (self);
}

const char *
six_country_profile_get_country_id (SixCountryProfile *self)
{
  g_return_val_if_fail (SIX_IS_COUNTRY_PROFILE (self), NULL);

  return self->country_id;
}

/* The profile shown, or NULL while none is (yet). */
SixProfile *
six_country_profile_get_profile (SixCountryProfile *self)
{
  g_return_val_if_fail (SIX_IS_COUNTRY_PROFILE (self), NULL);

  if (self->query == NULL || six_live_query_is_loading (self->query))
    return NULL;

  return self->profile;
}

/**
 * six_country_profile_print:
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG to ask the user, or
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT to write @export_path as a PDF
 * @include: what private records to print
 *
 * Prints the profile shown on one page, through GTK's printing.
 */
gboolean
six_country_profile_print (SixCountryProfile        *self,
                           GtkPrintOperationAction   action,
                           const char               *export_path,
                           SixProfileInclude         include,
                           GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *name = NULL;
  PrintJob *job;

  g_return_val_if_fail (SIX_IS_COUNTRY_PROFILE (self), FALSE);
  g_return_val_if_fail (self->profile != NULL, FALSE);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_path != NULL, FALSE);

  job = g_new0 (PrintJob, 1);
  job->profile = g_object_ref (self->profile);
  job->include = include;
  name = six_profile_dup_name (self->profile);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, name);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job,
                         (GClosureNotify) print_job_free, 0);

  return gtk_print_operation_run (operation, action,
                                  GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
