/* six-action-entry.c — one line of the action plans list: an action, or a section heading
 *
 * The page keeps one entry per action and per section for as long as it lives and updates
 * them in place, so a row that is shown follows its record without being rebuilt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-action-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "six-action-entry.h"
#include "six-labels.h"
#include "six-property.h"

struct _SixActionEntry
{
  GObject   parent_instance;

  char     *id;
  gboolean  is_action;
  char     *number;      /* "LAP Action 38"; for a heading, the plan's short name */
  char     *raw_number;  /* "38" */
  char     *title;
  char     *summary;
  char     *status;      /* the tracking status, "not_started" when untracked */
};

G_DEFINE_FINAL_TYPE (SixActionEntry, six_action_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_IS_ACTION,
  PROP_IS_HEADING,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_HAS_TITLE,
  PROP_SUMMARY,
  PROP_HAS_SUMMARY,
  PROP_STATUS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* An action whose title was never recovered is called "Action 38", which its number says
 * already. */
static gboolean
six_action_entry_has_title (SixActionEntry *self)
{
  g_autofree char *placeholder = NULL;

  if (self->title == NULL || self->title[0] == '\0')
    return FALSE;
  if (!self->is_action || self->raw_number == NULL)
    return TRUE;

  placeholder = g_strdup_printf ("Action %s", self->raw_number);

  return g_strcmp0 (self->title, placeholder) != 0 && g_strcmp0 (self->title, self->number) != 0;
}

static void
six_action_entry_finalize (GObject *object)
{
  SixActionEntry *self = (SixActionEntry *)object;

  g_free (self->id);
  g_free (self->number);
  g_free (self->raw_number);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->status);

  G_OBJECT_CLASS (six_action_entry_parent_class)->finalize (object);
}

static void
six_action_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SixActionEntry *self = SIX_ACTION_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_IS_ACTION:
      g_value_set_boolean (value, self->is_action);
      break;

    case PROP_IS_HEADING:
      g_value_set_boolean (value, !self->is_action);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_HAS_TITLE:
      g_value_set_boolean (value, six_action_entry_has_title (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_HAS_SUMMARY:
      g_value_set_boolean (value, self->summary != NULL && self->summary[0] != '\0');
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, self->is_action && g_strcmp0 (self->status, "not_started") != 0
                                 ? six_tracking_status_label (self->status) : NULL);
      break;


    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_action_entry_class_init (SixActionEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = six_action_entry_finalize;
  object_class->get_property = six_action_entry_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_IS_ACTION] = g_param_spec_boolean ("is-action", NULL, NULL, FALSE, flags);
  properties[PROP_IS_HEADING] = g_param_spec_boolean ("is-heading", NULL, NULL, FALSE, flags);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_HAS_TITLE] = g_param_spec_boolean ("has-title", NULL, NULL, FALSE, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_HAS_SUMMARY] = g_param_spec_boolean ("has-summary", NULL, NULL, FALSE, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
six_action_entry_init (SixActionEntry *self)
{
  self->status = g_strdup ("not_started");
}

SixActionEntry *
six_action_entry_new_action (const char *id)
{
  SixActionEntry *self = g_object_new (SIX_TYPE_ACTION_ENTRY, NULL);

  self->id = g_strdup (id);
  self->is_action = TRUE;

  return self;
}

SixActionEntry *
six_action_entry_new_heading (const char *id)
{
  SixActionEntry *self = g_object_new (SIX_TYPE_ACTION_ENTRY, NULL);

  self->id = g_strdup (id);

  return self;
}

const char *
six_action_entry_get_id (SixActionEntry *self)
{
  g_return_val_if_fail (SIX_IS_ACTION_ENTRY (self), NULL);

  return self->id;
}

gboolean
six_action_entry_is_action (SixActionEntry *self)
{
  g_return_val_if_fail (SIX_IS_ACTION_ENTRY (self), FALSE);

  return self->is_action;
}

/* Follow the newest snapshots of the action and of its tracking (which may be %NULL). */
void
six_action_entry_update (SixActionEntry *self,
                         SixRecord      *action,
                         SixRecord      *tracking)
{
  g_autofree char *number = NULL;
  const char *status = tracking != NULL ? six_record_get_string (tracking, "status") : NULL;
  gboolean had_summary;
  gboolean had_title;

  g_return_if_fail (SIX_IS_ACTION_ENTRY (self));
  g_return_if_fail (self->is_action);
  g_return_if_fail (SIX_IS_RECORD (action));

  number = six_action_heading (action);
  had_summary = self->summary != NULL && self->summary[0] != '\0';
  had_title = six_action_entry_has_title (self);

  g_object_freeze_notify (G_OBJECT (self));
  six_property_set_string (self, &self->number, number, properties[PROP_NUMBER]);
  g_free (self->raw_number);
  self->raw_number = g_strdup (six_record_get_string (action, "number"));
  six_property_set_string (self, &self->title, six_record_get_string (action, "title"), properties[PROP_TITLE]);
  if (had_title != six_action_entry_has_title (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_TITLE]);
  six_property_set_string (self, &self->summary, six_record_get_string (action, "summary"), properties[PROP_SUMMARY]);
  if (had_summary != (self->summary != NULL && self->summary[0] != '\0'))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SUMMARY]);
  if (g_strcmp0 (self->status, status != NULL ? status : "not_started") != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status != NULL ? status : "not_started");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* A heading names a section, and the plan it belongs to. */
void
six_action_entry_update_heading (SixActionEntry *self,
                                 const char     *title,
                                 const char     *plan_label)
{
  g_return_if_fail (SIX_IS_ACTION_ENTRY (self));
  g_return_if_fail (!self->is_action);

  g_object_freeze_notify (G_OBJECT (self));
  six_property_set_string (self, &self->title, title, properties[PROP_TITLE]);
  six_property_set_string (self, &self->number, plan_label, properties[PROP_NUMBER]);
  g_object_thaw_notify (G_OBJECT (self));
}
