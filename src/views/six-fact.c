/* six-fact.c — one line of a page, worded by a view: what a row shows and what it acts on
 *
 * A view words its facts where it reads them (the store's thread, or lazily on the main
 * thread), in the user's language; a page binds rows to them and adds no words of its own.
 * A fact is filled in by the view that makes it, and read only once handed out: it never
 * changes, so its properties are never notified.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-fact"

#include "config.h"

#include "six-fact.h"

struct _SixFact
{
  GObject     parent_instance;

  char       *title;
  char       *subtitle;
  char       *tooltip;      /* who changed it, when, on what source */
  char       *icon_name;    /* shown before the title */
  char       *name;         /* what "Edit %s" calls it; the title unless set */
  GVariant   *target;       /* "(ss)": the record it shows, to edit; or NULL */
  char       *remove_action;  /* what its Remove button activates, or NULL: no button */
  GVariant   *remove_target;
  char       *remove_label;   /* an unlink button's name; NULL: "Remove %s" with the name */
  char       *action_name;  /* what activating the row does, or NULL: it opens nothing */
  GVariant   *action_target;
  gboolean    placeholder;  /* a dimmed line saying that a section is empty */
  gboolean    unverified;   /* a reference fact no one has confirmed yet */
  char       *badge;
  char       *badge_style;
  char       *style;        /* a style class of the whole line: "overdue", "dim-label" */
  gboolean    checkable;    /* it can be ticked done (record.mark-done) */
  gboolean    done;
  GVariant   *also_target;  /* "(ss)": a second record its line edits, or NULL */
  char       *also_label;   /* what that button is called: "Edit Organisation MAG" */
  int         subtitle_lines;
  GListStore *details;      /* SixFact: the lines it folds out, or NULL */
  gboolean    has_bar;      /* a bar of a chart after its figures */
  SixChartValues bar;
  double      bar_max;      /* the value that fills the bar's whole width */
};

G_DEFINE_FINAL_TYPE (SixFact, six_fact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_TOOLTIP,
  PROP_ICON_NAME,
  PROP_EDITABLE,
  PROP_REMOVABLE,
  PROP_ACTIVATABLE,
  PROP_UNVERIFIED,
  PROP_BADGE,
  PROP_BADGE_CLASSES,
  PROP_HAS_BADGE,
  PROP_DONE,
  PROP_HAS_ALSO,
  PROP_SUBTITLE_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
six_fact_finalize (GObject *object)
{
  SixFact *self = (SixFact *) object;

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->tooltip);
  g_free (self->icon_name);
  g_free (self->name);
  g_clear_pointer (&self->target, g_variant_unref);
  g_free (self->remove_action);
  g_clear_pointer (&self->remove_target, g_variant_unref);
  g_free (self->remove_label);
  g_free (self->action_name);
  g_clear_pointer (&self->action_target, g_variant_unref);
  g_free (self->badge);
  g_free (self->badge_style);
  g_free (self->style);
  g_clear_pointer (&self->also_target, g_variant_unref);
  g_free (self->also_label);
  g_clear_object (&self->details);

  G_OBJECT_CLASS (six_fact_parent_class)->finalize (object);
}

static char **
dup_badge_classes (SixFact *self)
{
  const char *classes[] = { "badge", self->badge_style, NULL };

  return g_strdupv ((char **) classes);
}

static void
six_fact_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SixFact *self = SIX_FACT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_TOOLTIP:
      g_value_set_string (value, self->tooltip);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->target != NULL);
      break;
    case PROP_REMOVABLE:
      g_value_set_boolean (value, self->remove_action != NULL);
      break;
    case PROP_ACTIVATABLE:
      g_value_set_boolean (value, self->action_name != NULL);
      break;
    case PROP_UNVERIFIED:
      g_value_set_boolean (value, self->unverified);
      break;
    case PROP_BADGE:
      g_value_set_string (value, self->badge);
      break;
    case PROP_BADGE_CLASSES:
      g_value_take_boxed (value, dup_badge_classes (self));
      break;
    case PROP_HAS_BADGE:
      g_value_set_boolean (value, self->badge != NULL);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;
    case PROP_HAS_ALSO:
      g_value_set_boolean (value, self->also_target != NULL);
      break;
    case PROP_SUBTITLE_LINES:
      g_value_set_int (value, self->subtitle_lines);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
six_fact_class_init (SixFactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = six_fact_finalize;
  object_class->get_property = six_fact_get_property;

  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_SUBTITLE] = string_property ("subtitle");
  properties[PROP_TOOLTIP] = string_property ("tooltip");
  properties[PROP_ICON_NAME] = string_property ("icon-name");
  properties[PROP_EDITABLE] = boolean_property ("editable");
  properties[PROP_REMOVABLE] = boolean_property ("removable");
  properties[PROP_ACTIVATABLE] = boolean_property ("activatable");
  properties[PROP_UNVERIFIED] = boolean_property ("unverified");
  properties[PROP_BADGE] = string_property ("badge");
  properties[PROP_BADGE_CLASSES] = g_param_spec_boxed ("badge-classes", NULL, NULL, G_TYPE_STRV,
                                                       G_PARAM_READABLE |
                                                       G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_BADGE] = boolean_property ("has-badge");
  properties[PROP_DONE] = boolean_property ("done");
  properties[PROP_HAS_ALSO] = boolean_property ("has-also");
  properties[PROP_SUBTITLE_LINES] = g_param_spec_int ("subtitle-lines", NULL, NULL, 0, G_MAXINT,
                                                      0, G_PARAM_READABLE |
                                                      G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
six_fact_init (SixFact *self)
{
}

/**
 * six_fact_new:
 * @subtitle: (nullable): the figures or details under the title
 *
 * Returns: (transfer full): a line that shows @title, and acts on nothing yet
 */
SixFact *
six_fact_new (const char *title,
              const char *subtitle)
{
  SixFact *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (SIX_TYPE_FACT, NULL);
  self->title = g_strdup (title);
  self->subtitle = subtitle != NULL && subtitle[0] != '\0' ? g_strdup (subtitle) : NULL;

  return self;
}

/* Returns: (transfer full): a dimmed line that says why a section is empty */
SixFact *
six_fact_new_placeholder (const char *text)
{
  SixFact *self = six_fact_new (text, NULL);

  self->placeholder = TRUE;
  self->style = g_strdup ("dim-label");

  return self;
}

void
six_fact_set_tooltip (SixFact    *self,
                      const char *tooltip)
{
  g_return_if_fail (SIX_IS_FACT (self));

  g_free (self->tooltip);
  self->tooltip = g_strdup (tooltip);
}

void
six_fact_set_icon_name (SixFact    *self,
                        const char *icon_name)
{
  g_return_if_fail (SIX_IS_FACT (self));

  g_free (self->icon_name);
  self->icon_name = g_strdup (icon_name);
}

static void
set_remove (SixFact    *self,
            const char *action_name,
            GVariant   *target,
            const char *label)
{
  if (target != NULL)
    g_variant_ref_sink (target);
  g_free (self->remove_action);
  self->remove_action = g_strdup (action_name);
  g_clear_pointer (&self->remove_target, g_variant_unref);
  self->remove_target = target;
  g_free (self->remove_label);
  self->remove_label = g_strdup (label);
}

/* The line shows @record: it can be edited (record.edit), and removed (record.remove) if
 * @removable. */
void
six_fact_set_record (SixFact   *self,
                     SixRecord *record,
                     gboolean   removable)
{
  g_return_if_fail (SIX_IS_FACT (self));
  g_return_if_fail (SIX_IS_RECORD (record));

  g_clear_pointer (&self->target, g_variant_unref);
  self->target = g_variant_ref_sink (g_variant_new ("(ss)", six_record_get_kind_name (record),
                                                    six_record_get_id (record)));
  if (removable)
    set_remove (self, "record.remove", self->target, NULL);
}

/* The line stands for a link (an action related to another, a record linked to it), not a
 * record: its Remove button, called @label, takes the link away by activating @action_name
 * with @target (floating taken), and leaves both records. */
void
six_fact_set_unlink (SixFact    *self,
                     const char *action_name,
                     GVariant   *target,
                     const char *label)
{
  g_return_if_fail (SIX_IS_FACT (self));
  g_return_if_fail (action_name != NULL && target != NULL && label != NULL);

  set_remove (self, action_name, target, label);
}

/* What the line's buttons call it ("Edit Norway"), when its title says more than a name. */
void
six_fact_set_name (SixFact    *self,
                   const char *name)
{
  g_return_if_fail (SIX_IS_FACT (self));

  g_free (self->name);
  self->name = g_strdup (name);
}

/* Activating the line activates @action_name with @target (nullable, floating taken). */
void
six_fact_set_action (SixFact    *self,
                     const char *action_name,
                     GVariant   *target)
{
  g_return_if_fail (SIX_IS_FACT (self));
  g_return_if_fail (action_name != NULL);

  g_free (self->action_name);
  self->action_name = g_strdup (action_name);
  g_clear_pointer (&self->action_target, g_variant_unref);
  self->action_target = target != NULL ? g_variant_ref_sink (target) : NULL;
}

/* Activating the line opens a record where the window shows it (win.open-record). */
void
six_fact_set_opens_record (SixFact    *self,
                           const char *kind_name,
                           const char *id)
{
  g_return_if_fail (kind_name != NULL && id != NULL);

  six_fact_set_action (self, "win.open-record", g_variant_new ("(ss)", kind_name, id));
}

void
six_fact_set_unverified (SixFact  *self,
                         gboolean  unverified)
{
  g_return_if_fail (SIX_IS_FACT (self));

  self->unverified = unverified;
}

/* A word beside the title ("Overdue"), styled by @style ("overdue", "answered"; nullable). */
void
six_fact_set_badge (SixFact    *self,
                    const char *text,
                    const char *style)
{
  g_return_if_fail (SIX_IS_FACT (self));

  g_free (self->badge);
  self->badge = g_strdup (text);
  g_free (self->badge_style);
  self->badge_style = g_strdup (style);
}

/* A style class of the whole line ("overdue", "unanswered", "dim-label"), or NULL. */
void
six_fact_set_style (SixFact    *self,
                    const char *style)
{
  g_return_if_fail (SIX_IS_FACT (self));

  g_free (self->style);
  self->style = g_strdup (style);
}

/* The line can be ticked done, and is if @done: record.mark-done, "(sb)", with its record's
 * id and the state ticked. */
void
six_fact_set_done (SixFact  *self,
                   gboolean  done)
{
  g_return_if_fail (SIX_IS_FACT (self));

  self->checkable = TRUE;
  self->done = done;
}

/* A second record the line edits, by a button called @label: a member's organisation. */
void
six_fact_set_also_edits (SixFact    *self,
                         SixRecord  *record,
                         const char *label)
{
  g_return_if_fail (SIX_IS_FACT (self));
  g_return_if_fail (SIX_IS_RECORD (record));
  g_return_if_fail (label != NULL);

  g_clear_pointer (&self->also_target, g_variant_unref);
  self->also_target = g_variant_ref_sink (g_variant_new ("(ss)",
                                                         six_record_get_kind_name (record),
                                                         six_record_get_id (record)));
  g_free (self->also_label);
  self->also_label = g_strdup (label);
}

/* At most @lines of the subtitle show; 0 (the default) for all of them. */
void
six_fact_set_subtitle_lines (SixFact *self,
                             int      lines)
{
  g_return_if_fail (SIX_IS_FACT (self));
  g_return_if_fail (lines >= 0);

  self->subtitle_lines = lines;
}

/* A bar after the line's figures, its segments scaled so that @max fills its width. */
void
six_fact_set_bar (SixFact              *self,
                  const SixChartValues *values,
                  double                max)
{
  g_return_if_fail (SIX_IS_FACT (self));
  g_return_if_fail (values != NULL && values->n_segments <= G_N_ELEMENTS (values->kinds));
  g_return_if_fail (max > 0);

  self->has_bar = TRUE;
  self->bar = *values;
  self->bar_max = max;
}

/* A line the fact folds out, in order. */
void
six_fact_add_detail (SixFact *self,
                     SixFact *detail)
{
  g_return_if_fail (SIX_IS_FACT (self));
  g_return_if_fail (SIX_IS_FACT (detail));

  if (self->details == NULL)
    self->details = g_list_store_new (SIX_TYPE_FACT);
  g_list_store_append (self->details, detail);
}

const char *
six_fact_get_title (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->title;
}

const char *
six_fact_get_subtitle (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->subtitle;
}

const char *
six_fact_get_tooltip (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->tooltip;
}

const char *
six_fact_get_name (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->name != NULL ? self->name : self->title;
}

/* Returns: (transfer none) (nullable): "(ss)", the kind and id of the record shown */
GVariant *
six_fact_get_target (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->target;
}

gboolean
six_fact_get_removable (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), FALSE);

  return self->remove_action != NULL;
}

const char *
six_fact_get_remove_action (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->remove_action;
}

/* Returns: (transfer none) (nullable) */
GVariant *
six_fact_get_remove_target (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->remove_target;
}

/* Returns: (nullable): the unlink button's name; %NULL for a record's Remove button */
const char *
six_fact_get_remove_label (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->remove_label;
}

const char *
six_fact_get_action_name (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->action_name;
}

/* Returns: (transfer none) (nullable) */
GVariant *
six_fact_get_action_target (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->action_target;
}

gboolean
six_fact_get_placeholder (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), FALSE);

  return self->placeholder;
}

gboolean
six_fact_get_unverified (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), FALSE);

  return self->unverified;
}

const char *
six_fact_get_badge (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->badge;
}

const char *
six_fact_get_style (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->style;
}

gboolean
six_fact_get_checkable (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), FALSE);

  return self->checkable;
}

gboolean
six_fact_get_done (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), FALSE);

  return self->done;
}

int
six_fact_get_subtitle_lines (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), 0);

  return self->subtitle_lines;
}

/* Returns: (transfer none) (nullable): "(ss)", the second record the line edits */
GVariant *
six_fact_get_also_target (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->also_target;
}

const char *
six_fact_get_also_label (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->also_label;
}

/* Returns: (transfer none) (nullable): the SixFact lines it folds out */
GListModel *
six_fact_get_details (SixFact *self)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  return self->details != NULL ? G_LIST_MODEL (self->details) : NULL;
}

/**
 * six_fact_get_bar:
 * @max: (out) (optional): the value that fills the bar's width
 *
 * Returns: (nullable): the bar after the line's figures, or %NULL for none
 */
const SixChartValues *
six_fact_get_bar (SixFact *self,
                  double  *max)
{
  g_return_val_if_fail (SIX_IS_FACT (self), NULL);

  if (max != NULL)
    *max = self->bar_max;

  return self->has_bar ? &self->bar : NULL;
}

char *
six_join_parts (const char         *separator,
                const char * const *parts,
                guint               n_parts)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? separator : "", parts[i]);

  return g_string_free (out, FALSE);
}

