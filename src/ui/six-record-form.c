/* six-record-form.c — a dialog that creates or edits one record, field by field
 *
 * One row per field, chosen by the field's type: a choice for enumerations and references,
 * an entry checked as the user types for text, numbers, dates, amounts and currencies.
 * Saving emits ::save with an edit holding only what changed; the caller applies it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-record-form"

#include "config.h"

#include <glib/gi18n.h>

#include "six-entry-row.h"
#include "six-labels.h"
#include "six-record-form.h"

#include <string.h>

typedef struct
{
  const SixField *field;
  GtkWidget      *row;     /* SixEntryRow, AdwComboRow, or AdwExpanderRow for a set */
  GPtrArray      *values;  /* a combo's value behind each choice; NULL for "none" */
  GPtrArray      *checks;  /* a set's GtkCheckButton for each of @values, in the same order */
  GPtrArray      *items;   /* a set's rows in its expander, to take out when choices change */
  GPtrArray      *choice_ids;     /* a reference's choices, all of them, … */
  GPtrArray      *choice_labels;  /* … and how each is shown, in the same order */
  GtkWidget      *search;         /* narrows a reference's long list as the user types */
} FieldRow;

struct _SixRecordForm
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkWidget           *save_button;

  /* Owned */
  SixRecord           *record;   /* NULL: a new record */
  GArray              *rows;     /* FieldRow */
  GHashTable          *presets;  /* field name → GVariant, for a new record */
  GtkWidget           *source;   /* the citation stamped on every value saved */
  gboolean             valid;

  /* Borrowed */
  const SixKind       *kind;
};

G_DEFINE_FINAL_TYPE (SixRecordForm, six_record_form, ADW_TYPE_WINDOW)

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_row_clear (gpointer data)
{
  FieldRow *row = data;

  g_clear_pointer (&row->values, g_ptr_array_unref);
  g_clear_pointer (&row->checks, g_ptr_array_unref);
  g_clear_pointer (&row->items, g_ptr_array_unref);
  g_clear_pointer (&row->choice_ids, g_ptr_array_unref);
  g_clear_pointer (&row->choice_labels, g_ptr_array_unref);
}

static FieldRow *
find_row (SixRecordForm *self,
          const char    *field)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);

      if (g_strcmp0 (row->field->name, field) == 0)
        return row;
    }

  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The row's value, or NULL when empty; FALSE when what was typed is not a valid value. */
static gboolean
read_row (FieldRow  *row,
          GVariant **value)
{
  g_autofree char *text = NULL;
  gint64 number;

  *value = NULL;

  /* A set holds its ticked values, sorted and each once, as the model keeps sets. */
  if (row->checks != NULL)
    {
      g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

      for (guint i = 0; i < row->checks->len; i++)
        if (gtk_check_button_get_active (row->checks->pdata[i]) &&
            !g_ptr_array_find_with_equal_func (chosen, row->values->pdata[i], g_str_equal, NULL))
          g_ptr_array_add (chosen, row->values->pdata[i]);
      if (chosen->len == 0)
        return TRUE;

      g_ptr_array_sort (chosen, compare_strings);
      g_ptr_array_add (chosen, NULL);
      *value = g_variant_ref_sink (g_variant_new_strv ((const char * const *) chosen->pdata, -1));
      return six_field_validate (row->field, *value, NULL);
    }

  if (ADW_IS_COMBO_ROW (row->row))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row->row));
      const char *choice = selected < row->values->len ? row->values->pdata[selected] : NULL;

      *value = choice != NULL ? g_variant_ref_sink (g_variant_new_string (choice)) : NULL;
      return TRUE;
    }

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->row))));
  if (text[0] == '\0')
    return TRUE;

  if (row->field->type == SIX_FIELD_INTEGER)
    {
      if (!g_ascii_string_to_signed (text, 10, 0, G_MAXINT32, &number, NULL))
        return FALSE;
      *value = g_variant_ref_sink (g_variant_new_int64 (number));
    }
  else
    {
      if (row->field->type == SIX_FIELD_CURRENCY)
        {
          g_autofree char *upper = g_ascii_strup (text, -1);

          g_free (text);
          text = g_steal_pointer (&upper);
        }
      *value = g_variant_ref_sink (g_variant_new_string (text));
    }

  if (!six_field_validate (row->field, *value, NULL))
    {
      g_clear_pointer (value, g_variant_unref);
      return FALSE;
    }

  return TRUE;
}

/* Save is possible once every value is valid and every required field is filled. */
static void
update_validity (SixRecordForm *self)
{
  gboolean all_valid = TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);
      g_autoptr(GVariant) value = NULL;
      gboolean valid = read_row (row, &value);

      if (SIX_IS_ENTRY_ROW (row->row))
        {
          if (valid)
            gtk_widget_remove_css_class (row->row, "error");
          else
            gtk_widget_add_css_class (row->row, "error");
        }

      if (!valid || (value == NULL && (row->field->flags & SIX_FIELD_FLAGS_REQUIRED) != 0 &&
                     !g_hash_table_contains (self->presets, row->field->name)))
        all_valid = FALSE;
    }

  self->valid = all_valid;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.save", all_valid);
}

static const char *
get_hint (const SixField *field)
{
  switch (field->type)
    {
    case SIX_FIELD_DATE:
      return _("A date as YYYY-MM-DD");
    case SIX_FIELD_DECIMAL:
      return _("A number such as 1250000 or 99.50");
    case SIX_FIELD_CURRENCY:
      return _("A three-letter code such as EUR, USD or CHF");
    case SIX_FIELD_INTEGER:
      return _("A whole number");
    case SIX_FIELD_TEXT:
    case SIX_FIELD_BOOLEAN:
    case SIX_FIELD_ENUM:
    case SIX_FIELD_REF:
    case SIX_FIELD_SET:
    default:
      return NULL;
    }
}

static GtkWidget *
new_entry_row (SixRecordForm  *self,
               const SixField *field,
               GVariant       *value)
{
  GtkWidget *row = six_entry_row_new ();
  g_autofree char *text = NULL;

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    text = g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  else if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    text = g_variant_dup_string (value, NULL);

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (row, get_hint (field));
  g_signal_connect_object (row, "changed", G_CALLBACK (update_validity), self, G_CONNECT_SWAPPED);

  return row;
}

static GtkWidget *
new_combo_row (SixRecordForm  *self,
               FieldRow       *field_row)
{
  const SixField *field = field_row->field;
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  field_row->values = g_ptr_array_new_with_free_func (g_free);
  if ((field->flags & SIX_FIELD_FLAGS_REQUIRED) == 0)
    {
      g_ptr_array_add (field_row->values, NULL);
      gtk_string_list_append (labels, "—");
    }
  for (guint i = 0; field->values != NULL && field->values[i] != NULL; i++)
    {
      g_ptr_array_add (field_row->values, g_strdup (field->values[i]));
      gtk_string_list_append (labels, six_value_label (self->kind->name, field->name,
                                                       field->values[i]));
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (update_validity), self,
                           G_CONNECT_SWAPPED);

  return row;
}

/* "Article 4 — Clearance, Article 5 — Victim assistance": what a set's row holds. */
static void
update_set_subtitle (FieldRow *row)
{
  g_autoptr(GString) chosen = g_string_new (NULL);

  for (guint i = 0; i < row->checks->len; i++)
    if (gtk_check_button_get_active (row->checks->pdata[i]))
      g_string_append_printf (chosen, "%s%s", chosen->len > 0 ? ", " : "",
                              adw_preferences_row_get_title (row->items->pdata[i]));

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->row), chosen->len > 0 ? chosen->str : "—");
}

static void
on_set_check_toggled_cb (SixRecordForm *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);

      if (row->checks != NULL)
        update_set_subtitle (row);
    }
  update_validity (self);
}

/* A set's choices, each a row with a tick; those in @chosen ticked. */
static void
fill_set_row (SixRecordForm       *self,
              FieldRow            *row,
              const char * const  *values,
              const char * const  *labels,
              const char * const  *chosen)
{
  for (guint i = 0; i < row->items->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (row->row), row->items->pdata[i]);
  g_ptr_array_set_size (row->items, 0);
  g_ptr_array_set_size (row->checks, 0);
  g_ptr_array_set_size (row->values, 0);

  for (guint i = 0; values[i] != NULL; i++)
    {
      GtkWidget *item = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), labels[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   chosen != NULL && g_strv_contains (chosen, values[i]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (item), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (item), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_set_check_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row->row), item);
      g_ptr_array_add (row->items, item);
      g_ptr_array_add (row->checks, check);
      g_ptr_array_add (row->values, g_strdup (values[i]));
    }
  update_set_subtitle (row);
}

static GtkWidget *
new_set_row (SixRecordForm *self,
             FieldRow      *field_row,
             GVariant      *value)
{
  const SixField *field = field_row->field;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree const char **chosen = value != NULL ? g_variant_get_strv (value, NULL) : NULL;

  field_row->row = adw_expander_row_new ();
  field_row->values = g_ptr_array_new_with_free_func (g_free);
  field_row->checks = g_ptr_array_new ();
  field_row->items = g_ptr_array_new ();

  /* A set of enumerated values offers them all; a set of ids waits for its choices. */
  for (guint i = 0; field->values != NULL && field->values[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) six_value_label (self->kind->name, field->name,
                                                         field->values[i]));
  g_ptr_array_add (labels, NULL);
  fill_set_row (self, field_row,
                field->values != NULL ? field->values : (const char * const []) { NULL },
                (const char * const *) labels->pdata, chosen);

  return field_row->row;
}

static void
select_value (FieldRow   *row,
              const char *value)
{
  for (guint i = 0; i < row->values->len; i++)
    if (g_strcmp0 (row->values->pdata[i], value) == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row->row), i);
        return;
      }
}

/* The combo's choices: those whose name matches what the search row holds; @wanted stays
 * chosen if it is among them, else the first match is. */
static void
fill_choices (SixRecordForm *self,
              FieldRow      *row,
              const char    *wanted)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *query = row->search != NULL ? gtk_editable_get_text (GTK_EDITABLE (row->search))
                                          : "";
  guint first_match = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (row->values, (row->field->flags & SIX_FIELD_FLAGS_REQUIRED) ? 0 : 1);
  if (row->values->len > 0)
    gtk_string_list_append (names, "—");
  for (guint i = 0; i < row->choice_ids->len; i++)
    {
      const char *label = row->choice_labels->pdata[i];

      if (*query != '\0' && !g_str_match_string (query, label, TRUE) &&
          g_strcmp0 (row->choice_ids->pdata[i], wanted) != 0)
        continue;
      if (first_match == GTK_INVALID_LIST_POSITION && g_strcmp0 (row->choice_ids->pdata[i],
                                                                 wanted) != 0)
        first_match = row->values->len;
      g_ptr_array_add (row->values, g_strdup (row->choice_ids->pdata[i]));
      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row->row), G_LIST_MODEL (names));

  if (*query != '\0' && first_match != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row->row), first_match);
  else if (wanted != NULL)
    select_value (row, wanted);
  update_validity (self);
}

static void
on_search_changed_cb (GtkEditable *search,
                      gpointer     user_data)
{
  SixRecordForm *self = user_data;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);

      if (row->search == GTK_WIDGET (search))
        fill_choices (self, row, NULL);
    }
}

/* States and organisations are hundreds: a row above their list finds one by typing. */
static GtkWidget *
new_search_row (SixRecordForm  *self,
                const SixField *field)
{
  GtkWidget *row;

  if (field->targets == NULL ||
      !g_strv_contains (field->targets, "country") ||
      !g_strv_contains (field->targets, "organisation"))
    return NULL;

  row = six_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("Find a State or Organisation"));
  g_signal_connect_object (row, "changed", G_CALLBACK (on_search_changed_cb), self, 0);
  adw_preferences_group_add (self->group, row);

  return row;
}

static void
add_row (SixRecordForm  *self,
         const SixField *field)
{
  FieldRow row = { field, NULL, NULL };
  GVariant *value = self->record != NULL ? six_record_get_value (self->record, field->name) : NULL;

  if (field->type == SIX_FIELD_REF)
    {
      row.choice_ids = g_ptr_array_new_with_free_func (g_free);
      row.choice_labels = g_ptr_array_new_with_free_func (g_free);
      row.search = new_search_row (self, field);
    }
  if (field->type == SIX_FIELD_ENUM || field->type == SIX_FIELD_REF)
    row.row = new_combo_row (self, &row);
  else if (field->type == SIX_FIELD_SET)
    row.row = new_set_row (self, &row, value);
  else
    row.row = new_entry_row (self, field, value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row.row), six_field_label (field->name));
  adw_preferences_group_add (self->group, row.row);
  g_array_append_val (self->rows, row);

  if (row.values != NULL && row.checks == NULL)
    select_value (&g_array_index (self->rows, FieldRow, self->rows->len - 1),
                  value != NULL ? g_variant_get_string (value, NULL)
                  : g_strcmp0 (field->name, "visibility") == 0
                  ? six_visibility_to_string (self->kind->default_visibility) : NULL);
}

/* Where the values saved come from, stamped on each. It starts empty: the citation of an
 * earlier value is not the authority for a new one. */
static void
add_source_row (SixRecordForm *self)
{
  self->source = six_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->source), _("Source"));
  gtk_widget_set_tooltip_text (self->source,
                               _("Where this comes from, such as “Art. 7 report 2023, Form I”"));
  adw_preferences_group_add (self->group, self->source);
}

/* An edit of what changed; for a new record, the presets and every value given. */
static SixEdit *
build_edit (SixRecordForm *self)
{
  SixEdit *edit = six_edit_new (self->kind, self->record != NULL
                                ? six_record_get_id (self->record) : NULL);
  g_autofree char *source = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->source)));
  GHashTableIter iter;
  const char *name;
  GVariant *preset;

  g_strstrip (source);
  g_hash_table_iter_init (&iter, self->presets);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &preset))
    six_edit_set (edit, name, preset);
  if (source[0] != '\0')
    six_edit_set_source (edit, source);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);
      g_autoptr(GVariant) value = NULL;
      GVariant *old;

      read_row (row, &value);
      old = self->record != NULL ? six_record_get_value (self->record, row->field->name) : NULL;
      if (self->record == NULL ? value != NULL
                               : (value == NULL) != (old == NULL) ||
                                 (value != NULL && !g_variant_equal (value, old)))
        six_edit_set (edit, row->field->name, value);
    }

  return edit;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  six_record_form_save (SIX_RECORD_FORM (widget));
}

static void
six_record_form_finalize (GObject *object)
{
  SixRecordForm *self = (SixRecordForm *) object;

  g_clear_object (&self->record);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->presets, g_hash_table_unref);

  G_OBJECT_CLASS (six_record_form_parent_class)->finalize (object);
}

static void
six_record_form_class_init (SixRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = six_record_form_finalize;

  /**
   * SixRecordForm::save:
   * @edit: the changes, for the caller to apply
   */
  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, six_edit_get_type ());

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-record-form.ui");
  gtk_widget_class_bind_template_child (widget_class, SixRecordForm, group);
  gtk_widget_class_bind_template_child (widget_class, SixRecordForm, save_button);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
}

static void
six_record_form_init (SixRecordForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_array_new (FALSE, TRUE, sizeof (FieldRow));
  g_array_set_clear_func (self->rows, field_row_clear);
  self->presets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_variant_unref);
}

/**
 * six_record_form_new:
 * @record: (nullable): the record to edit, or %NULL to create one
 * @fields: the fields to show, in order
 */
SixRecordForm *
six_record_form_new (const SixKind      *kind,
                     SixRecord          *record,
                     const char * const *fields)
{
  SixRecordForm *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (record == NULL || SIX_IS_RECORD (record), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (SIX_TYPE_RECORD_FORM, NULL);
  self->kind = kind;
  self->record = record != NULL ? g_object_ref (record) : NULL;
  gtk_window_set_title (GTK_WINDOW (self), six_kind_label (kind->name));
  if (record == NULL)
    gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const SixField *field = six_kind_get_field (kind, fields[i]);

      g_return_val_if_fail (field != NULL, self);
      add_row (self, field);
    }
  add_source_row (self);
  update_validity (self);

  return self;
}

/* A value a new record gets without a row: the country a request is for. */
void
six_record_form_preset (SixRecordForm *self,
                        const char    *field,
                        GVariant      *value)
{
  g_return_if_fail (SIX_IS_RECORD_FORM (self));

  g_hash_table_insert (self->presets, g_strdup (field), g_variant_ref_sink (value));
  update_validity (self);
}

/**
 * six_record_form_set_choices:
 * @ids: (element-type utf8): the records a reference may name
 * @labels: (element-type utf8): how each is shown
 *
 * Fills a reference field's choice, keeping the record's current value chosen.
 */
void
six_record_form_set_choices (SixRecordForm *self,
                             const char    *field,
                             GPtrArray     *ids,
                             GPtrArray     *labels)
{
  FieldRow *row = find_row (self, field);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GVariant *value;
  const char *current = NULL;
  gboolean offered = FALSE;

  g_return_if_fail (row != NULL && (row->field->type == SIX_FIELD_REF ||
                                     row->field->type == SIX_FIELD_SET));
  g_return_if_fail (ids->len == labels->len);

  value = self->record != NULL ? six_record_get_value (self->record, field) : NULL;

  /* A set of ids: what is ticked stays ticked, what the record holds stays offered. */
  if (row->checks != NULL)
    {
      g_autoptr(GPtrArray) values = g_ptr_array_new ();
      g_autoptr(GPtrArray) titles = g_ptr_array_new ();
      g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
      g_autofree const char **held = value != NULL ? g_variant_get_strv (value, NULL) : NULL;

      for (guint i = 0; i < row->checks->len; i++)
        if (gtk_check_button_get_active (row->checks->pdata[i]))
          g_ptr_array_add (chosen, g_strdup (row->values->pdata[i]));
      g_ptr_array_set_free_func (chosen, g_free);
      /* The first choices offered: the record's own values come ticked. */
      for (guint i = 0; row->checks->len == 0 && held != NULL && held[i] != NULL; i++)
        g_ptr_array_add (chosen, g_strdup (held[i]));
      g_ptr_array_extend (values, ids, NULL, NULL);
      g_ptr_array_extend (titles, labels, NULL, NULL);
      for (guint i = 0; i < chosen->len; i++)
        if (!g_ptr_array_find_with_equal_func (ids, chosen->pdata[i], g_str_equal, NULL))
          {
            g_ptr_array_add (values, chosen->pdata[i]);
            g_ptr_array_add (titles, chosen->pdata[i]);
          }
      g_ptr_array_add (values, NULL);
      g_ptr_array_add (titles, NULL);
      g_ptr_array_add (chosen, NULL);
      fill_set_row (self, row, (const char * const *) values->pdata,
                    (const char * const *) titles->pdata, (const char * const *) chosen->pdata);
      update_validity (self);
      return;
    }
  if (value != NULL)
    current = g_variant_get_string (value, NULL);

  g_ptr_array_set_size (row->choice_ids, 0);
  g_ptr_array_set_size (row->choice_labels, 0);
  for (guint i = 0; i < ids->len; i++)
    {
      g_ptr_array_add (row->choice_ids, g_strdup (ids->pdata[i]));
      g_ptr_array_add (row->choice_labels, g_strdup (labels->pdata[i]));
      offered = offered || g_strcmp0 (ids->pdata[i], current) == 0;
    }

  /* A value the caller did not offer is still the record's: saving another field must not
   * change it, so it stays a choice, shown by its id. */
  if (current != NULL && !offered)
    {
      g_ptr_array_add (row->choice_ids, g_strdup (current));
      g_ptr_array_add (row->choice_labels, g_strdup (current));
    }

  fill_choices (self, row, current);
}

/* The row that edits @field, or "source" (for tests and for focus). */
GtkWidget *
six_record_form_get_row (SixRecordForm *self,
                         const char    *field)
{
  FieldRow *row;

  g_return_val_if_fail (SIX_IS_RECORD_FORM (self), NULL);

  if (g_strcmp0 (field, "source") == 0)
    return self->source;

  row = find_row (self, field);

  return row != NULL ? row->row : NULL;
}

/* The row that finds a choice of @field by typing, or %NULL when its list has none. */
GtkWidget *
six_record_form_get_search_row (SixRecordForm *self,
                                const char    *field)
{
  FieldRow *row;

  g_return_val_if_fail (SIX_IS_RECORD_FORM (self), NULL);

  row = find_row (self, field);

  return row != NULL ? row->search : NULL;
}

/* Emits ::save when every value is valid and closes; returns whether it did. */
gboolean
six_record_form_save (SixRecordForm *self)
{
  g_autoptr(SixEdit) edit = NULL;

  g_return_val_if_fail (SIX_IS_RECORD_FORM (self), FALSE);

  update_validity (self);
  if (!self->valid)
    return FALSE;

  edit = build_edit (self);
  if (six_edit_get_n_changes (edit) > 0)
    g_signal_emit (self, signals[SAVE], 0, edit);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

/**
 * six_record_form_select:
 * @value: a value one of @field's choices holds
 *
 * Chooses @value for @field: a choice is selected, a set's value ticked (a new organisation
 * just made for a member, say).
 */
void
six_record_form_select (SixRecordForm *self,
                        const char    *field,
                        const char    *value)
{
  FieldRow *row;

  g_return_if_fail (SIX_IS_RECORD_FORM (self));

  row = find_row (self, field);
  g_return_if_fail (row != NULL && row->values != NULL);

  if (row->checks == NULL)
    {
      select_value (row, value);
      return;
    }

  for (guint i = 0; i < row->values->len; i++)
    if (g_strcmp0 (row->values->pdata[i], value) == 0)
      gtk_check_button_set_active (row->checks->pdata[i], TRUE);
}

/* A button beside a field's row: "New Organisation…" beside the member to choose. */
void
six_record_form_add_row_suffix (SixRecordForm *self,
                                const char    *field,
                                GtkWidget     *widget)
{
  FieldRow *row;

  g_return_if_fail (SIX_IS_RECORD_FORM (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  row = find_row (self, field);
  g_return_if_fail (row != NULL);

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  if (SIX_IS_ENTRY_ROW (row->row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), widget);
  else if (ADW_IS_ACTION_ROW (row->row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), widget);
  else
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row->row), widget);
}
