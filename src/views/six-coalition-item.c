/* six-coalition-item.c — one line of the list of coalitions, worded for people
 *
 * Made on the repository's thread with the rest of the view, so a list row binds strings
 * and computes nothing; immutable, so rows may share it with that thread's snapshot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-coalition-item"

#include "config.h"

#include "six-coalition-item.h"

struct _SixCoalitionItem
{
  GObject   parent_instance;

  char     *id;
  char     *title;         /* as the row shows it: "—" for a coalition without one */
  char     *lead;          /* the lead State's code */
  char     *lead_name;
  char     *status;        /* "proposed", "active", "closed", or NULL */
  char     *status_label;  /* the status in the user's language, or NULL */
  char     *subtitle;      /* who leads, members, nearest deadline, next meeting, follow-ups */
  gboolean  overdue;       /* some follow-up is overdue */
  char     *search_key;    /* title, lead's name and code, folded */
};

G_DEFINE_FINAL_TYPE (SixCoalitionItem, six_coalition_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_LEAD,
  PROP_LEAD_NAME,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_SUBTITLE,
  PROP_OVERDUE,
  PROP_SEARCH_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
six_coalition_item_finalize (GObject *object)
{
  SixCoalitionItem *self = (SixCoalitionItem *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->lead);
  g_free (self->lead_name);
  g_free (self->status);
  g_free (self->status_label);
  g_free (self->subtitle);
  g_free (self->search_key);

  G_OBJECT_CLASS (six_coalition_item_parent_class)->finalize (object);
}

static void
six_coalition_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SixCoalitionItem *self = SIX_COALITION_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_LEAD:
      g_value_set_string (value, self->lead);
      break;
    case PROP_LEAD_NAME:
      g_value_set_string (value, self->lead_name);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, self->status_label);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    case PROP_SEARCH_KEY:
      g_value_set_string (value, self->search_key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
new_string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
six_coalition_item_class_init (SixCoalitionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = six_coalition_item_finalize;
  object_class->get_property = six_coalition_item_get_property;

  properties[PROP_ID] = new_string_property ("id");
  properties[PROP_TITLE] = new_string_property ("title");
  properties[PROP_LEAD] = new_string_property ("lead");
  properties[PROP_LEAD_NAME] = new_string_property ("lead-name");
  /* The stored value, which the status filter matches exactly. */
  properties[PROP_STATUS] = new_string_property ("status");
  properties[PROP_STATUS_LABEL] = new_string_property ("status-label");
  properties[PROP_SUBTITLE] = new_string_property ("subtitle");
  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* What a search finds it by, folded with six_coalition_item_fold (). */
  properties[PROP_SEARCH_KEY] = new_string_property ("search-key");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
six_coalition_item_init (SixCoalitionItem *self)
{
}

/**
 * six_coalition_item_fold:
 *
 * Accents and case aside, "Liban" finds "liban", "Lebanon" finds "LEBANON": the items'
 * search keys are folded so, and so must the text searched for be.
 *
 * Returns: (transfer full): @text folded to lower-case ASCII
 */
char *
six_coalition_item_fold (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");

  return g_ascii_strdown (ascii, -1);
}

/**
 * six_coalition_item_new:
 * @title: (nullable): the coalition's title
 * @status: (nullable): its stored status
 * @status_label: (nullable): the status in the user's language
 * @subtitle: the lines under the title
 * @overdue: whether a follow-up is overdue
 *
 * Returns: (transfer full): the item
 */
SixCoalitionItem *
six_coalition_item_new (const char *id,
                        const char *title,
                        const char *lead,
                        const char *lead_name,
                        const char *status,
                        const char *status_label,
                        const char *subtitle,
                        gboolean    overdue)
{
  SixCoalitionItem *self;
  g_autofree char *key = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (SIX_TYPE_COALITION_ITEM, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title != NULL ? title : "—");
  self->lead = g_strdup (lead);
  self->lead_name = g_strdup (lead_name);
  self->status = g_strdup (status);
  self->status_label = g_strdup (status_label);
  self->subtitle = g_strdup (subtitle);
  self->overdue = overdue;
  key = g_strjoin (" ", title != NULL ? title : "", lead_name != NULL ? lead_name : "",
                   lead != NULL ? lead : "", NULL);
  self->search_key = six_coalition_item_fold (key);

  return self;
}

const char *
six_coalition_item_get_id (SixCoalitionItem *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_ITEM (self), NULL);

  return self->id;
}

const char *
six_coalition_item_get_title (SixCoalitionItem *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_ITEM (self), NULL);

  return self->title;
}

const char *
six_coalition_item_get_lead (SixCoalitionItem *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_ITEM (self), NULL);

  return self->lead;
}

const char *
six_coalition_item_get_lead_name (SixCoalitionItem *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_ITEM (self), NULL);

  return self->lead_name;
}

const char *
six_coalition_item_get_status (SixCoalitionItem *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_ITEM (self), NULL);

  return self->status;
}

const char *
six_coalition_item_get_status_label (SixCoalitionItem *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_ITEM (self), NULL);

  return self->status_label;
}

const char *
six_coalition_item_get_subtitle (SixCoalitionItem *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_ITEM (self), NULL);

  return self->subtitle;
}

gboolean
six_coalition_item_get_overdue (SixCoalitionItem *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_ITEM (self), FALSE);

  return self->overdue;
}

const char *
six_coalition_item_get_search_key (SixCoalitionItem *self)
{
  g_return_val_if_fail (SIX_IS_COALITION_ITEM (self), NULL);

  return self->search_key;
}

/* Whether a list may keep @a where a new snapshot has @b: everything shown is the same. */
gboolean
six_coalition_item_equal (SixCoalitionItem *a,
                          SixCoalitionItem *b)
{
  g_return_val_if_fail (SIX_IS_COALITION_ITEM (a), FALSE);
  g_return_val_if_fail (SIX_IS_COALITION_ITEM (b), FALSE);

  return g_str_equal (a->id, b->id) &&
         g_str_equal (a->title, b->title) &&
         g_strcmp0 (a->lead, b->lead) == 0 &&
         g_strcmp0 (a->lead_name, b->lead_name) == 0 &&
         g_strcmp0 (a->status, b->status) == 0 &&
         g_strcmp0 (a->status_label, b->status_label) == 0 &&
         g_strcmp0 (a->subtitle, b->subtitle) == 0 &&
         a->overdue == b->overdue;
}
