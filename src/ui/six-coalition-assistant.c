/* six-coalition-assistant.c — start a Country Coalition: lead State, title, focus, members
 *
 * One compact form rather than a wall of fields: the lead State (the title follows it until
 * the user writes their own), what the coalition works on (the lead's open obligations come
 * ticked), and its first members, organisations made here included. Starting emits ::start
 * with every edit, for the caller to write as one undoable operation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-coalition-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "six-choices.h"
#include "six-coalition-assistant.h"
#include "six-coalition.h"
#include "six-deadline.h"
#include "six-entry-row.h"
#include "six-labels.h"
#include "six-record-form.h"

typedef struct
{
  char *party;
  char *role;
} Member;

struct _SixCoalitionAssistant
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwComboRow         *lead_row;
  SixEntryRow         *title_row;
  AdwComboRow         *status_row;
  AdwPreferencesGroup *focus_group;
  AdwComboRow         *party_row;
  AdwComboRow         *role_row;
  AdwPreferencesGroup *chosen_group;

  /* Owned */
  SixRepository       *repository;
  GPtrArray           *lead_ids;       /* the lead row's choices */
  GPtrArray           *lead_labels;
  GPtrArray           *party_ids;      /* the member row's choices */
  GPtrArray           *party_labels;
  GPtrArray           *checks;         /* GtkCheckButton for art3, art4, art5 */
  GPtrArray           *members;        /* Member, in the order added */
  GPtrArray           *member_rows;    /* the rows showing them */
  GPtrArray           *organisations;  /* SixEdit: organisations made here */
  char                *default_title;  /* the title the lead gave, while the user keeps it */
  gboolean             focus_chosen;   /* the user ticked the focus: the lead no longer does */
  gboolean             ticking;
};

G_DEFINE_FINAL_TYPE (SixCoalitionAssistant, six_coalition_assistant, ADW_TYPE_WINDOW)

enum {
  START,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The roles a member may take, the lead's apart. */
static const char * const roles[] = { "donor", "operator", "ngo", "isu", "expert", "peer", NULL };
static const char * const articles[] = { "art3", "art4", "art5", NULL };

static void
member_free (Member *member)
{
  g_free (member->party);
  g_free (member->role);
  g_free (member);
}

static void
update_actions (SixCoalitionAssistant *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *title = g_strstrip (g_strdup (text));
  gboolean has_lead = six_coalition_assistant_get_lead (self) != NULL;
  gboolean has_party = adw_combo_row_get_selected (self->party_row) < self->party_ids->len;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.start",
                                 has_lead && title[0] != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.add-member", has_party);
}

static void
fill_combo (AdwComboRow *row,
            GPtrArray   *labels)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (names, labels->pdata[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
}

static guint
find_index (GPtrArray  *ids,
            const char *id)
{
  guint index;

  return id != NULL && g_ptr_array_find_with_equal_func (ids, id, g_str_equal, &index)
         ? index : GTK_INVALID_LIST_POSITION;
}

/* The lead's open obligations are what a new coalition usually works on. */
static void
tick_open_obligations (SixCoalitionAssistant *self,
                       const char            *lead)
{
  GListModel *obligations = six_repository_list (self->repository, six_kind_lookup ("obligation"));
  gboolean open[G_N_ELEMENTS (articles)] = { FALSE };
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (obligations); i++)
    {
      g_autoptr(SixRecord) obligation = g_list_model_get_item (obligations, i);
      guint a;

      if (g_strcmp0 (six_record_get_string (obligation, "country"), lead) != 0 ||
          six_record_is_deleted (obligation) || !six_obligation_is_open (obligation) ||
          !g_strv_contains (articles, six_record_get_string (obligation, "article")))
        continue;
      for (a = 0; g_strcmp0 (articles[a], six_record_get_string (obligation, "article")) != 0; a++)
        ;
      open[a] = any = TRUE;
    }

  self->ticking = TRUE;
  for (guint a = 0; any && articles[a] != NULL; a++)
    gtk_check_button_set_active (self->checks->pdata[a], open[a]);
  self->ticking = FALSE;
}

static void
on_focus_toggled_cb (SixCoalitionAssistant *self)
{
  if (!self->ticking)
    self->focus_chosen = TRUE;
}

/* The obligations may still be loading when the assistant opens. */
static void
on_obligations_changed_cb (SixCoalitionAssistant *self)
{
  const char *lead = six_coalition_assistant_get_lead (self);

  if (lead != NULL && !self->focus_chosen)
    tick_open_obligations (self, lead);
}

static void
on_lead_row_selected_cb (SixCoalitionAssistant *self)
{
  const char *lead = six_coalition_assistant_get_lead (self);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *proposed = NULL;

  if (lead == NULL)
    {
      update_actions (self);
      return;
    }

  /* The title follows the lead until the user writes one of their own. */
  proposed = six_coalition_dup_default_title (self->lead_labels->pdata[find_index (self->lead_ids,
                                                                                  lead)]);
  if (title[0] == '\0' || g_strcmp0 (title, self->default_title) == 0)
    {
      g_free (self->default_title);
      self->default_title = g_strdup (proposed);
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), proposed);
    }
  if (!self->focus_chosen)
    tick_open_obligations (self, lead);
  update_actions (self);
}

static void
on_title_row_changed_cb (SixCoalitionAssistant *self)
{
  update_actions (self);
}

static const char *
get_party_label (SixCoalitionAssistant *self,
                 const char            *party)
{
  guint index = find_index (self->party_ids, party);

  return index != GTK_INVALID_LIST_POSITION ? self->party_labels->pdata[index] : party;
}

static void
on_remove_member_clicked_cb (GtkButton             *button,
                             SixCoalitionAssistant *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  guint index;

  if (!g_ptr_array_find (self->member_rows, row, &index))
    return;

  adw_preferences_group_remove (self->chosen_group, row);
  g_ptr_array_remove_index (self->member_rows, index);
  g_ptr_array_remove_index (self->members, index);
}

static void
show_member (SixCoalitionAssistant *self,
             Member                *member)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *label = g_strdup_printf (_("Remove %s"), get_party_label (self, member->party));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), get_party_label (self, member->party));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               six_value_label ("coalition_member", "role", member->role));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_member_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_preferences_group_add (self->chosen_group, row);
  g_ptr_array_add (self->member_rows, row);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SixCoalitionAssistant *self = SIX_COALITION_ASSISTANT (widget);
  guint party = adw_combo_row_get_selected (self->party_row);
  guint role = adw_combo_row_get_selected (self->role_row);

  if (party < self->party_ids->len && role < g_strv_length ((char **) roles))
    six_coalition_assistant_add_member (self, self->party_ids->pdata[party], roles[role]);
}

static void
on_organisation_save_cb (SixRecordForm         *form,
                         SixEdit               *edit,
                         SixCoalitionAssistant *self)
{
  const char *id = six_edit_get_id (edit);
  GVariant *name = NULL;

  /* Made with the coalition, undone with it: one operation. */
  g_ptr_array_add (self->organisations, six_edit_ref (edit));

  for (guint i = 0; i < six_edit_get_n_changes (edit); i++)
    {
      GVariant *value = NULL;
      guint field = six_edit_get_nth_field (edit, i, &value);

      if (g_strcmp0 (six_kind_lookup ("organisation")->fields[field].name, "name") == 0)
        name = value;
    }

  g_ptr_array_add (self->party_ids, g_strdup (id));
  g_ptr_array_add (self->party_labels, name != NULL ? g_variant_dup_string (name, NULL)
                                                    : g_strdup (id));
  fill_combo (self->party_row, self->party_labels);
  adw_combo_row_set_selected (self->party_row, self->party_ids->len - 1);
  update_actions (self);
}

static void
new_organisation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SixCoalitionAssistant *self = SIX_COALITION_ASSISTANT (widget);
  SixRecordForm *form = six_organisation_form_new (self->repository, NULL);

  g_signal_connect_object (form, "save", G_CALLBACK (on_organisation_save_cb), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (form));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  six_coalition_assistant_start (SIX_COALITION_ASSISTANT (widget));
}

static void
six_coalition_assistant_dispose (GObject *object)
{
  SixCoalitionAssistant *self = (SixCoalitionAssistant *) object;

  g_clear_object (&self->repository);

  G_OBJECT_CLASS (six_coalition_assistant_parent_class)->dispose (object);
}

static void
six_coalition_assistant_finalize (GObject *object)
{
  SixCoalitionAssistant *self = (SixCoalitionAssistant *) object;

  g_clear_pointer (&self->lead_ids, g_ptr_array_unref);
  g_clear_pointer (&self->lead_labels, g_ptr_array_unref);
  g_clear_pointer (&self->party_ids, g_ptr_array_unref);
  g_clear_pointer (&self->party_labels, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->member_rows, g_ptr_array_unref);
  g_clear_pointer (&self->organisations, g_ptr_array_unref);
  g_free (self->default_title);

  G_OBJECT_CLASS (six_coalition_assistant_parent_class)->finalize (object);
}

static void
six_coalition_assistant_class_init (SixCoalitionAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_coalition_assistant_dispose;
  object_class->finalize = six_coalition_assistant_finalize;

  /**
   * SixCoalitionAssistant::start:
   * @edits: (element-type SixEdit): the organisations made, the coalition and its members
   * @coalition_id: the new coalition's id
   */
  signals[START] = g_signal_new ("start", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_PTR_ARRAY,
                                 G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-coalition-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionAssistant, lead_row);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionAssistant, title_row);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionAssistant, status_row);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionAssistant, focus_group);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionAssistant, party_row);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionAssistant, role_row);
  gtk_widget_class_bind_template_child (widget_class, SixCoalitionAssistant, chosen_group);
  gtk_widget_class_bind_template_callback (widget_class, on_lead_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_row_changed_cb);

  gtk_widget_class_install_action (widget_class, "assistant.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "assistant.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "assistant.new-organisation", NULL,
                                   new_organisation_action);

  g_type_ensure (SIX_TYPE_ENTRY_ROW);
}

static void
six_coalition_assistant_init (SixCoalitionAssistant *self)
{
  g_autoptr(GtkStringList) role_names = gtk_string_list_new (NULL);

  self->lead_ids = g_ptr_array_new_with_free_func (g_free);
  self->lead_labels = g_ptr_array_new_with_free_func (g_free);
  self->party_ids = g_ptr_array_new_with_free_func (g_free);
  self->party_labels = g_ptr_array_new_with_free_func (g_free);
  self->checks = g_ptr_array_new ();
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  self->member_rows = g_ptr_array_new ();
  self->organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint a = 0; articles[a] != NULL; a++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     six_value_label ("coalition", "articles", articles[a]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_focus_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->focus_group, row);
      g_ptr_array_add (self->checks, check);
    }

  for (guint r = 0; roles[r] != NULL; r++)
    gtk_string_list_append (role_names, six_value_label ("coalition_member", "role", roles[r]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (role_names));
}

/**
 * six_coalition_assistant_new:
 * @lead: (nullable): the State that leads, chosen already (from its profile), or %NULL
 */
SixCoalitionAssistant *
six_coalition_assistant_new (SixRepository *repository,
                             const char    *lead)
{
  static const char * const countries[] = { "country", NULL };
  static const char * const parties[] = { "country", "organisation", NULL };
  SixCoalitionAssistant *self;

  g_return_val_if_fail (SIX_IS_REPOSITORY (repository), NULL);

  self = g_object_new (SIX_TYPE_COALITION_ASSISTANT, NULL);
  self->repository = g_object_ref (repository);
  g_signal_connect_object (six_repository_list (repository, six_kind_lookup ("obligation")),
                           "items-changed", G_CALLBACK (on_obligations_changed_cb), self,
                           G_CONNECT_SWAPPED);
  six_choices_collect (repository, countries, NULL, self->lead_ids, self->lead_labels);
  six_choices_collect (repository, parties, NULL, self->party_ids, self->party_labels);
  fill_combo (self->lead_row, self->lead_labels);
  fill_combo (self->party_row, self->party_labels);

  /* Nothing chosen until the user or the caller chooses. */
  adw_combo_row_set_selected (self->lead_row, find_index (self->lead_ids, lead));
  adw_combo_row_set_selected (self->party_row, GTK_INVALID_LIST_POSITION);
  on_lead_row_selected_cb (self);

  return self;
}

/* Returns: (nullable): the lead State chosen */
const char *
six_coalition_assistant_get_lead (SixCoalitionAssistant *self)
{
  guint selected;

  g_return_val_if_fail (SIX_IS_COALITION_ASSISTANT (self), NULL);

  selected = adw_combo_row_get_selected (self->lead_row);

  return selected < self->lead_ids->len ? self->lead_ids->pdata[selected] : NULL;
}

/* A first member, with @role ("donor", "operator"…); a party added twice keeps its first. */
void
six_coalition_assistant_add_member (SixCoalitionAssistant *self,
                                    const char            *party,
                                    const char            *role)
{
  Member *member;

  g_return_if_fail (SIX_IS_COALITION_ASSISTANT (self));
  g_return_if_fail (party != NULL && role != NULL);

  for (guint i = 0; i < self->members->len; i++)
    if (g_strcmp0 (((Member *) self->members->pdata[i])->party, party) == 0)
      return;

  member = g_new0 (Member, 1);
  member->party = g_strdup (party);
  member->role = g_strdup (role);
  g_ptr_array_add (self->members, member);
  show_member (self, member);
}

static SixEdit *
new_member_edit (const char *coalition,
                 const char *party,
                 const char *role)
{
  SixEdit *edit = six_edit_new (six_kind_lookup ("coalition_member"), NULL);

  six_edit_set_string (edit, "coalition", coalition);
  six_edit_set_string (edit, "member", party);
  six_edit_set_string (edit, "role", role);

  return edit;
}

/* Emits ::start with the edits and closes, once a lead and a title are given. */
gboolean
six_coalition_assistant_start (SixCoalitionAssistant *self)
{
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
  g_autoptr(GStrvBuilder) focus = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *lead;
  const char *id;
  SixEdit *coalition;

  g_return_val_if_fail (SIX_IS_COALITION_ASSISTANT (self), FALSE);

  lead = six_coalition_assistant_get_lead (self);
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  if (lead == NULL || title[0] == '\0')
    return FALSE;

  for (guint i = 0; i < self->organisations->len; i++)
    g_ptr_array_add (edits, six_edit_ref (self->organisations->pdata[i]));

  coalition = six_edit_new (six_kind_lookup ("coalition"), NULL);
  id = six_edit_get_id (coalition);
  six_edit_set_string (coalition, "lead", lead);
  six_edit_set_string (coalition, "title", title);
  six_edit_set_string (coalition, "status",
                       adw_combo_row_get_selected (self->status_row) == 1 ? "proposed" : "active");
  six_edit_set_string (coalition, "established_on", today);
  for (guint a = 0; articles[a] != NULL; a++)
    if (gtk_check_button_get_active (self->checks->pdata[a]))
      g_strv_builder_add (focus, articles[a]);
  chosen = g_strv_builder_end (focus);
  if (chosen[0] != NULL)
    six_edit_set (coalition, "articles", g_variant_new_strv ((const char * const *) chosen, -1));
  g_ptr_array_add (edits, coalition);

  g_ptr_array_add (edits, new_member_edit (id, lead, "lead"));
  for (guint i = 0; i < self->members->len; i++)
    {
      Member *member = self->members->pdata[i];

      if (g_strcmp0 (member->party, lead) != 0)
        g_ptr_array_add (edits, new_member_edit (id, member->party, member->role));
    }

  g_signal_emit (self, signals[START], 0, edits, id);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}
