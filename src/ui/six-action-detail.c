/* six-action-detail.c — one action: its text, the coordinator's follow-up, and its links
 *
 * Everything shown is read from the repository's live lists and redrawn when they change;
 * every change the user makes is one stamped write through the repository, offered for
 * undo in a toast. The text of a row the user is editing is only replaced when the stored
 * value itself changes (an undo, an import).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-action-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "six-action-detail.h"
#include "six-apply.h"
#include "six-display-name.h"
#include "six-entry-row.h"
#include "six-labels.h"
#include "six-fact-row.h"
#include "six-link-dialog.h"

static const char * const tracking_statuses[] = {
  "not_started", "in_progress", "done", "not_applicable", NULL
};
static const char * const linkable_kinds[] = {
  "activity", "assistance_request", "coalition", "country", NULL
};
/* The lists the page draws from: what it shows changes when any of them does. */
static const char * const watched_kinds[] = {
  "action", "action_tracking", "plan_section", "activity", "assistance_request", "coalition",
  "country", NULL
};

struct _SixActionDetail
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkScrolledWindow   *scroller;
  GtkLabel            *number_label;
  GtkWidget           *unverified_badge;
  GtkLabel            *title_label;
  GtkLabel            *section_label;
  GtkWidget           *verify_button;
  SixEntryRow         *title_row;
  SixEntryRow         *summary_row;
  SixEntryRow         *indicators_row;
  AdwActionRow        *source_row;
  AdwComboRow         *status_row;
  SixEntryRow         *notes_row;
  GtkListBox          *related_list;
  GtkListBox          *links_list;

  /* Owned */
  SixRepository       *repository;
  char                *action_id;
  SixRecord           *shown_action;    /* the snapshots last drawn */
  SixRecord           *shown_tracking;
  GCancellable        *cancellable;
  guint                refresh_id;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (SixActionDetail, six_action_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTION_ID,
  N_PROPS
};

enum {
  OPEN_ACTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_refresh (SixActionDetail *self);

/* --- reading ------------------------------------------------------------------------- */

static GListModel *
list_of (SixActionDetail *self,
         const char      *kind_name)
{
  return six_repository_list (self->repository, six_kind_lookup (kind_name));
}

static SixRecord *
find_record (SixActionDetail *self,
             const char      *kind_name,
             const char      *id)
{
  return six_repository_lookup (self->repository, six_kind_lookup (kind_name), id);
}

/* --- writing ------------------------------------------------------------------------- */

/* Refused: show again what the store holds. */
static void
on_apply_failed (gpointer self)
{
  schedule_refresh (self);
}

/* One write, one undo: @edits are applied in one transaction; @message names it. */
static void
apply (SixActionDetail *self,
       const char      *message,
       GPtrArray       *edits)
{
  g_autofree char *label = NULL;

  if (self->repository == NULL || edits->len == 0)
    return;

  label = g_strdup_printf ("%s — %s", message, self->action_id);
  six_apply_edits (GTK_WIDGET (self), self->repository, label, message, edits, on_apply_failed);
}

static GPtrArray *
new_edits (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) six_edit_unref);
}

static SixEdit *
edit_action (GPtrArray  *edits,
             const char *id)
{
  SixEdit *edit = six_edit_new (six_kind_lookup ("action"), id);

  g_ptr_array_add (edits, edit);

  return edit;
}

/* The tracking record of this action, created on the first change. */
static SixEdit *
edit_tracking (SixActionDetail *self,
               GPtrArray       *edits)
{
  g_autoptr(SixRecord) tracking = find_record (self, "action_tracking", self->action_id);
  SixEdit *edit = six_edit_new (six_kind_lookup ("action_tracking"), self->action_id);

  /* New, or brought back after an undo left it deleted. */
  if (tracking == NULL)
    {
      six_edit_set_boolean (edit, "deleted", FALSE);
      six_edit_set_string (edit, "action", self->action_id);
      six_edit_set_string (edit, "status", "not_started");
    }
  g_ptr_array_add (edits, edit);

  return edit;
}

static void
save_action_text (SixActionDetail *self,
                  const char      *field,
                  const char      *text,
                  const char      *message)
{
  g_autoptr(GPtrArray) edits = new_edits ();
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  /* A title cannot be emptied: it is how the action is known. */
  if (strcmp (field, "title") == 0 && stripped[0] == '\0')
    {
      schedule_refresh (self);
      return;
    }

  six_edit_set_string (edit_action (edits, self->action_id), field,
                       stripped[0] != '\0' ? stripped : NULL);
  apply (self, message, edits);
}

static void
on_text_row_apply_cb (SixActionDetail *self,
                      SixEntryRow     *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (row == self->title_row)
    save_action_text (self, "title", text, _("Title changed"));
  else if (row == self->summary_row)
    save_action_text (self, "summary", text, _("Summary changed"));
  else if (row == self->indicators_row)
    save_action_text (self, "indicators", text, _("Indicators changed"));
  else if (row == self->notes_row)
    {
      g_autoptr(GPtrArray) edits = new_edits ();
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      six_edit_set_string (edit_tracking (self, edits), "notes",
                           stripped[0] != '\0' ? stripped : NULL);
      apply (self, _("Notes changed"), edits);
    }
}

static void
on_status_row_selected_cb (SixActionDetail *self)
{
  g_autoptr(GPtrArray) edits = NULL;
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->updating || self->action_id == NULL || selected >= G_N_ELEMENTS (tracking_statuses) - 1)
    return;

  edits = new_edits ();
  six_edit_set_string (edit_tracking (self, edits), "status", tracking_statuses[selected]);
  apply (self, _("Status changed"), edits);
}

static void
mark_verified_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SixActionDetail *self = SIX_ACTION_DETAIL (widget);
  g_autoptr(GPtrArray) edits = new_edits ();

  six_edit_set_boolean (edit_action (edits, self->action_id), "verified", TRUE);
  apply (self, _("Marked as verified"), edits);
}

/* The crosswalk is kept on both actions, so either side shows it after any merge. */
static void
set_related (SixActionDetail *self,
             const char      *other_id,
             gboolean         related)
{
  g_autoptr(SixRecord) action = find_record (self, "action", self->action_id);
  g_autoptr(SixRecord) other = find_record (self, "action", other_id);
  g_autoptr(GPtrArray) edits = new_edits ();

  if (action == NULL || other == NULL)
    return;

  if (six_record_set_has (action, "related", other_id) != related)
    six_edit_set (edit_action (edits, self->action_id), "related",
                  six_set_with (six_record_get_value (action, "related"), other_id, related));
  if (six_record_set_has (other, "related", self->action_id) != related)
    six_edit_set (edit_action (edits, other_id), "related",
                  six_set_with (six_record_get_value (other, "related"), self->action_id, related));

  apply (self, related ? _("Related action added") : _("Related action removed"), edits);
}

static void
set_linked (SixActionDetail *self,
            SixRecord       *record,
            gboolean         linked)
{
  g_autoptr(SixRecord) tracking = find_record (self, "action_tracking", self->action_id);
  g_autoptr(GPtrArray) edits = new_edits ();
  const char *id = six_record_get_id (record);
  GVariant *links = tracking != NULL ? six_record_get_value (tracking, "links") : NULL;

  if ((tracking != NULL && six_record_set_has (tracking, "links", id)) != linked)
    six_edit_set (edit_tracking (self, edits), "links", six_set_with (links, id, linked));

  /* An activity may name the action itself; unlinking it there keeps the two in step. */
  if (!linked && strcmp (six_record_get_kind_name (record), "activity") == 0 &&
      six_record_set_has (record, "actions", self->action_id))
    {
      SixEdit *edit = six_edit_new (six_record_get_kind (record), id);

      six_edit_set (edit, "actions",
                    six_set_with (six_record_get_value (record, "actions"), self->action_id, FALSE));
      g_ptr_array_add (edits, edit);
    }

  apply (self, linked ? _("Record linked") : _("Link removed"), edits);
}

static void
on_related_chosen_cb (SixActionDetail *self,
                      SixRecord       *record)
{
  set_related (self, six_record_get_id (record), TRUE);
}

static void
on_link_chosen_cb (SixActionDetail *self,
                   SixRecord       *record)
{
  set_linked (self, record, TRUE);
}

static void
present_dialog (SixActionDetail    *self,
                const char         *title,
                const char * const *kinds,
                GCallback           chosen)
{
  const char * const exclude[] = { self->action_id, NULL };
  SixLinkDialog *dialog;

  dialog = six_link_dialog_new (self->repository, title, kinds, exclude);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "record-chosen", chosen, self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_related_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char * const kinds[] = { "action", NULL };

  present_dialog (SIX_ACTION_DETAIL (widget), _("Add Related Action"), kinds,
                  G_CALLBACK (on_related_chosen_cb));
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  present_dialog (SIX_ACTION_DETAIL (widget), _("Link a Record"), linkable_kinds,
                  G_CALLBACK (on_link_chosen_cb));
}

/* "s": another action, shown in this detail's place (its related actions open so). */
static void
open_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_ACTION], 0, g_variant_get_string (parameter, NULL));
}

/* "s": an action no longer related to this one, on either side. */
static void
remove_related_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  set_related (SIX_ACTION_DETAIL (widget), g_variant_get_string (parameter, NULL), FALSE);
}

/* "(ss)": a record no longer linked to this action. */
static void
remove_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SixActionDetail *self = SIX_ACTION_DETAIL (widget);
  const char *kind_name, *id;
  g_autoptr(SixRecord) record = NULL;

  g_variant_get (parameter, "(&s&s)", &kind_name, &id);
  record = find_record (self, kind_name, id);
  if (record != NULL)
    set_linked (self, record, FALSE);
}

/* --- drawing ------------------------------------------------------------------------- */

static void
add_fact (GListStore *facts,
          SixFact    *fact)
{
  g_list_store_append (facts, fact);
  g_object_unref (fact);
}

/* The actions of the other plan related to @action, either side naming the other. */
static GListModel *
dup_related_facts (SixActionDetail *self,
                   SixRecord       *action)
{
  GListModel *actions = list_of (self, "action");
  GListStore *facts = g_list_store_new (SIX_TYPE_FACT);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(SixRecord) other = g_list_model_get_item (actions, i);
      const char *other_id = six_record_get_id (other);
      g_autofree char *heading = NULL;
      SixFact *fact;

      if (!six_record_set_has (action, "related", other_id) &&
          !six_record_set_has (other, "related", self->action_id))
        continue;

      heading = six_action_heading (other);
      fact = six_fact_new (heading, six_action_get_caption (other));
      six_fact_set_action (fact, "detail.open-action", g_variant_new_string (other_id));
      six_fact_set_unlink (fact, "detail.remove-related", g_variant_new_string (other_id),
                           _("Remove Related Action"));
      add_fact (facts, fact);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (facts)) == 0)
    add_fact (facts, six_fact_new_placeholder (_("No related actions")));

  return G_LIST_MODEL (facts);
}

/* A linked record opens where it lives. */
static SixFact *
new_link_fact (SixRecord *record)
{
  g_autofree char *name = six_record_dup_display_name (record);
  const char *kind_name = six_record_get_kind_name (record);
  const char *id = six_record_get_id (record);
  SixFact *fact = six_fact_new (name, six_kind_label (kind_name));

  six_fact_set_opens_record (fact, kind_name, id);
  six_fact_set_unlink (fact, "detail.remove-link", g_variant_new ("(ss)", kind_name, id),
                       _("Remove Link"));

  return fact;
}

/* The records @tracking links to the action, then the activities that name it themselves. */
static GListModel *
dup_link_facts (SixActionDetail *self,
                SixRecord       *tracking)
{
  GVariant *links = tracking != NULL ? six_record_get_value (tracking, "links") : NULL;
  g_autofree const char **ids = links != NULL ? g_variant_get_strv (links, NULL) : NULL;
  GListModel *activities = list_of (self, "activity");
  GListStore *facts = g_list_store_new (SIX_TYPE_FACT);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    for (guint k = 0; linkable_kinds[k] != NULL; k++)
      {
        g_autoptr(SixRecord) record = find_record (self, linkable_kinds[k], ids[i]);

        if (record != NULL)
          {
            add_fact (facts, new_link_fact (record));
            break;
          }
      }

  /* Activities that name the action themselves, and were not linked from here too. */
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(SixRecord) activity = g_list_model_get_item (activities, i);

      if (six_record_set_has (activity, "actions", self->action_id) &&
          !(tracking != NULL && six_record_set_has (tracking, "links",
                                                    six_record_get_id (activity))))
        add_fact (facts, new_link_fact (activity));
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (facts)) == 0)
    add_fact (facts, six_fact_new_placeholder (_("Nothing linked yet")));

  return G_LIST_MODEL (facts);
}

/* Replace a row's text only when the stored value changed, or another action is shown. */
static void
draw_text_row (SixActionDetail *self,
               SixEntryRow     *row,
               SixRecord       *previous,
               SixRecord       *current,
               const char      *field)
{
  const char *value = current != NULL ? six_record_get_string (current, field) : NULL;

  if (previous != NULL && current != NULL &&
      g_strcmp0 (six_record_get_string (previous, field), value) == 0 &&
      strcmp (six_record_get_id (previous), six_record_get_id (current)) == 0)
    return;

  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
}

static void
source_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SixActionDetail) self = user_data;
  g_autoptr(SixRecord) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  const SixFieldStamp *stamp;
  const char *source;

  action = six_repository_get_record_finish (SIX_REPOSITORY (object), result, &error);
  if (action == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && error != NULL)
        adw_action_row_set_subtitle (self->source_row, error->message);
      return;
    }

  stamp = six_record_get_nth_stamp (action, six_kind_field_index (six_record_get_kind (action),
                                                                  "title"));
  source = stamp != NULL && stamp->source != NULL ? stamp->source : _("No source given");
  /* Translators: a source citation, then how sure it is: "Seed 003 — Low confidence" */
  subtitle = g_strdup_printf (_("%s — %s"), source,
                              six_confidence_label (six_record_get_string (action, "confidence")));
  adw_action_row_set_subtitle (self->source_row, subtitle);
}

static void
draw (SixActionDetail *self,
      SixRecord       *action,
      SixRecord       *tracking)
{
  g_autoptr(SixRecord) section = find_record (self, "plan_section",
                                              six_record_get_string (action, "section"));
  g_autofree char *heading = six_action_heading (action);
  const char *status = tracking != NULL ? six_record_get_string (tracking, "status") : NULL;
  gboolean verified = six_record_get_boolean (action, "verified");
  guint selected = 0;

  gtk_label_set_text (self->number_label, heading);
  gtk_label_set_text (self->title_label, six_action_get_caption (action) ?:
                                         six_record_get_string (action, "title"));
  gtk_label_set_text (self->section_label,
                      section != NULL ? six_record_get_string (section, "title") : "");
  gtk_widget_set_visible (self->unverified_badge, !verified);
  gtk_widget_set_visible (self->verify_button, !verified);

  draw_text_row (self, self->title_row, self->shown_action, action, "title");
  draw_text_row (self, self->summary_row, self->shown_action, action, "summary");
  draw_text_row (self, self->indicators_row, self->shown_action, action, "indicators");
  draw_text_row (self, self->notes_row, self->shown_tracking, tracking, "notes");

  for (guint i = 0; status != NULL && tracking_statuses[i] != NULL; i++)
    if (strcmp (tracking_statuses[i], status) == 0)
      selected = i;
  self->updating = TRUE;
  adw_combo_row_set_selected (self->status_row, selected);
  self->updating = FALSE;

  {
    g_autoptr(GListModel) related = dup_related_facts (self, action);
    g_autoptr(GListModel) linked = dup_link_facts (self, tracking);

    six_fact_row_bind_list (self->related_list, related);
    six_fact_row_bind_list (self->links_list, linked);
  }

  /* The source sits in the stamps, which the lists do not carry. */
  if (self->shown_action != action)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      six_repository_get_record_async (self->repository, six_record_get_kind (action),
                                       self->action_id, self->cancellable, source_cb,
                                       g_object_ref (self));
    }

  g_set_object (&self->shown_action, action);
  g_set_object (&self->shown_tracking, tracking);
}

static gboolean
refresh (gpointer user_data)
{
  SixActionDetail *self = user_data;
  g_autoptr(SixRecord) action = NULL;
  g_autoptr(SixRecord) tracking = NULL;
  GListModel *actions;

  self->refresh_id = 0;

  if (self->repository == NULL || self->action_id == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return G_SOURCE_REMOVE;
    }

  actions = list_of (self, "action");
  action = find_record (self, "action", self->action_id);
  if (action == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack,
                                        six_record_list_is_loading (SIX_RECORD_LIST (actions))
                                        ? "empty" : "missing");
      return G_SOURCE_REMOVE;
    }

  tracking = find_record (self, "action_tracking", self->action_id);
  draw (self, action, tracking);
  gtk_stack_set_visible_child_name (self->stack, "action");

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (SixActionDetail *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT, refresh, self, NULL);
}

/* --- object -------------------------------------------------------------------------- */

static void
six_action_detail_dispose (GObject *object)
{
  SixActionDetail *self = (SixActionDetail *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The lists' handlers go with us: they were connected with g_signal_connect_object (). */
  g_clear_object (&self->repository);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_ACTION_DETAIL);
  g_clear_object (&self->shown_action);
  g_clear_object (&self->shown_tracking);

  G_OBJECT_CLASS (six_action_detail_parent_class)->dispose (object);
}

static void
six_action_detail_finalize (GObject *object)
{
  SixActionDetail *self = (SixActionDetail *)object;

  g_free (self->action_id);

  G_OBJECT_CLASS (six_action_detail_parent_class)->finalize (object);
}

static void
six_action_detail_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SixActionDetail *self = SIX_ACTION_DETAIL (object);

  switch (prop_id)
    {
    case PROP_ACTION_ID:
      g_value_set_string (value, self->action_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_action_detail_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SixActionDetail *self = SIX_ACTION_DETAIL (object);

  switch (prop_id)
    {
    case PROP_ACTION_ID:
      six_action_detail_set_action_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_action_detail_class_init (SixActionDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_action_detail_dispose;
  object_class->finalize = six_action_detail_finalize;
  object_class->get_property = six_action_detail_get_property;
  object_class->set_property = six_action_detail_set_property;

  properties[PROP_ACTION_ID] =
    g_param_spec_string ("action-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SixActionDetail::open-action:
   * @id: the action the user asked to see, from the related actions
   */
  signals[OPEN_ACTION] =
    g_signal_new ("open-action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-action-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, number_label);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, unverified_badge);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, section_label);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, verify_button);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, title_row);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, summary_row);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, indicators_row);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, source_row);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, status_row);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, notes_row);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, related_list);
  gtk_widget_class_bind_template_child (widget_class, SixActionDetail, links_list);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "detail.mark-verified", NULL,
                                   mark_verified_action);
  gtk_widget_class_install_action (widget_class, "detail.add-related", NULL,
                                   add_related_action);
  gtk_widget_class_install_action (widget_class, "detail.add-link", NULL, add_link_action);
  gtk_widget_class_install_action (widget_class, "detail.open-action", "s", open_action_action);
  gtk_widget_class_install_action (widget_class, "detail.remove-related", "s",
                                   remove_related_action);
  gtk_widget_class_install_action (widget_class, "detail.remove-link", "(ss)",
                                   remove_link_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (SIX_TYPE_ENTRY_ROW);
}

static void
six_action_detail_init (SixActionDetail *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; tracking_statuses[i] != NULL; i++)
    gtk_string_list_append (statuses, six_tracking_status_label (tracking_statuses[i]));
  self->updating = TRUE;
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->updating = FALSE;
}

/* Once: the detail reads from this repository's lists for as long as it lives. */
void
six_action_detail_set_repository (SixActionDetail *self,
                                  SixRepository   *repository)
{
  g_return_if_fail (SIX_IS_ACTION_DETAIL (self));
  g_return_if_fail (!repository || SIX_IS_REPOSITORY (repository));
  g_return_if_fail (self->repository == NULL);

  if (repository == NULL)
    return;

  self->repository = g_object_ref (repository);
  six_repository_connect_lists (repository, watched_kinds, G_CALLBACK (schedule_refresh), self);
  schedule_refresh (self);
}

const char *
six_action_detail_get_action_id (SixActionDetail *self)
{
  g_return_val_if_fail (SIX_IS_ACTION_DETAIL (self), NULL);

  return self->action_id;
}

/* Show the action with this id (%NULL: none). */
void
six_action_detail_set_action_id (SixActionDetail *self,
                                 const char      *action_id)
{
  g_return_if_fail (SIX_IS_ACTION_DETAIL (self));

  if (g_strcmp0 (self->action_id, action_id) == 0)
    return;

  g_free (self->action_id);
  self->action_id = g_strdup (action_id);
  g_clear_object (&self->shown_tracking);
  schedule_refresh (self);

  /* Another action reads from the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_ID]);
}

/* "empty" (no action chosen), "missing" (not in the database) or "action". */
const char *
six_action_detail_get_state (SixActionDetail *self)
{
  g_return_val_if_fail (SIX_IS_ACTION_DETAIL (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
