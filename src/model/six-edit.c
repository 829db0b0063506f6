/* six-edit.c — a requested change to the fields of one record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-edit"

#include "config.h"

#include "six-edit.h"

typedef struct
{
  guint     field;
  GVariant *value;  /* NULL: unset the field */
} Change;

struct _SixEdit
{
  const SixKind *kind;
  char          *id;
  char          *source;
  GArray        *changes;
  gboolean       is_new;
};

G_DEFINE_BOXED_TYPE (SixEdit, six_edit, six_edit_ref, six_edit_unref)

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_pointer (&change->value, g_variant_unref);
}

static void
six_edit_free (SixEdit *self)
{
  g_array_unref (self->changes);
  g_free (self->source);
  g_free (self->id);
}

/**
 * six_edit_new:
 * @kind: the kind of record to change
 * @id: (nullable): the record's id, or %NULL to create a record with a new UUID
 */
SixEdit *
six_edit_new (const SixKind *kind,
              const char    *id)
{
  SixEdit *self;

  g_return_val_if_fail (kind != NULL, NULL);

  self = g_atomic_rc_box_new0 (SixEdit);
  self->kind = kind;
  self->is_new = id == NULL;
  self->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  self->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->changes, change_clear);

  return self;
}

SixEdit *
six_edit_ref (SixEdit *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
six_edit_unref (SixEdit *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) six_edit_free);
}

const SixKind *
six_edit_get_kind (const SixEdit *self)
{
  return self->kind;
}

const char *
six_edit_get_id (const SixEdit *self)
{
  return self->id;
}

/* A reference record created from the pack or a file is new but has a natural key. */
void
six_edit_set_id (SixEdit    *self,
                 const char *id)
{
  g_return_if_fail (id != NULL);

  g_free (self->id);
  self->id = g_strdup (id);
}

gboolean
six_edit_is_new (const SixEdit *self)
{
  return self->is_new;
}

void
six_edit_set (SixEdit    *self,
              const char *field,
              GVariant   *value)
{
  int index = six_kind_field_index (self->kind, field);
  Change change;

  g_return_if_fail (index >= 0);

  /* A later change of the same field replaces the earlier one. */
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *existing = &g_array_index (self->changes, Change, i);

      if (existing->field == (guint) index)
        {
          g_clear_pointer (&existing->value, g_variant_unref);
          existing->value = value != NULL ? g_variant_ref_sink (value) : NULL;
          return;
        }
    }

  change.field = (guint) index;
  change.value = value != NULL ? g_variant_ref_sink (value) : NULL;
  g_array_append_val (self->changes, change);
}

void
six_edit_set_string (SixEdit    *self,
                     const char *field,
                     const char *value)
{
  six_edit_set (self, field, value != NULL ? g_variant_new_string (value) : NULL);
}

void
six_edit_set_int (SixEdit    *self,
                  const char *field,
                  gint64      value)
{
  six_edit_set (self, field, g_variant_new_int64 (value));
}

void
six_edit_set_boolean (SixEdit    *self,
                      const char *field,
                      gboolean    value)
{
  six_edit_set (self, field, g_variant_new_boolean (value));
}

/* The citation stamped on every field this edit writes ("Art. 7 report 2023, Form I"). */
void
six_edit_set_source (SixEdit    *self,
                     const char *source)
{
  g_free (self->source);
  self->source = g_strdup (source);
}

const char *
six_edit_get_source (const SixEdit *self)
{
  return self->source;
}

void
six_edit_delete (SixEdit *self)
{
  six_edit_set_boolean (self, "deleted", TRUE);
}

guint
six_edit_get_n_changes (const SixEdit *self)
{
  return self->changes->len;
}

/* Returns the field index; @value is borrowed and %NULL for an unset. */
guint
six_edit_get_nth_field (const SixEdit *self,
                        guint          nth,
                        GVariant     **value)
{
  const Change *change;

  g_return_val_if_fail (nth < self->changes->len, 0);

  change = &g_array_index (self->changes, Change, nth);
  if (value != NULL)
    *value = change->value;

  return change->field;
}

/* Checks the values; a new record must also carry every required field. */
gboolean
six_edit_validate (const SixEdit *self,
                   GError       **error)
{
  if (!six_id_is_valid (self->id))
    {
      g_set_error (error, SIX_MODEL_ERROR, SIX_MODEL_ERROR_INVALID_ID,
                   "%s: “%s” is not a valid record id", self->kind->name, self->id);
      return FALSE;
    }

  for (guint i = 0; i < self->changes->len; i++)
    {
      const Change *change = &g_array_index (self->changes, Change, i);

      if (!six_field_validate (&self->kind->fields[change->field], change->value, error))
        {
          g_prefix_error (error, "%s %s: ", self->kind->name, self->id);
          return FALSE;
        }
    }

  return TRUE;
}
