/* six-page-slot.c — where a page of the window goes, built when first shown
 *
 * The window's first frame need not wait for pages nobody has opened yet: each page is built
 * from its template the first time its slot is shown, or when the window needs it (a record
 * to open there). "notify::page" tells the window, which hands the page what it needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-page-slot"

#include "config.h"

#include "six-page-slot.h"

struct _SixPageSlot
{
  AdwBin parent_instance;

  GType  page_type;
};

G_DEFINE_FINAL_TYPE (SixPageSlot, six_page_slot, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PAGE_TYPE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
six_page_slot_map (GtkWidget *widget)
{
  /* Built before the slot maps its child, so the page is shown in the same frame. */
  six_page_slot_get_page (SIX_PAGE_SLOT (widget));

  GTK_WIDGET_CLASS (six_page_slot_parent_class)->map (widget);
}

static void
six_page_slot_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SixPageSlot *self = SIX_PAGE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      g_value_set_gtype (value, self->page_type);
      break;

    case PROP_PAGE:
      g_value_set_object (value, adw_bin_get_child (ADW_BIN (self)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_page_slot_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SixPageSlot *self = SIX_PAGE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      self->page_type = g_value_get_gtype (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_page_slot_class_init (SixPageSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = six_page_slot_get_property;
  object_class->set_property = six_page_slot_set_property;
  widget_class->map = six_page_slot_map;

  properties[PROP_PAGE_TYPE] =
    g_param_spec_gtype ("page-type", NULL, NULL, GTK_TYPE_WIDGET,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_object ("page", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
six_page_slot_init (SixPageSlot *self)
{
  self->page_type = GTK_TYPE_WIDGET;
}

/**
 * six_page_slot_get_page:
 *
 * Returns: (transfer none): the page, built now if it was not yet
 */
GtkWidget *
six_page_slot_get_page (SixPageSlot *self)
{
  GtkWidget *page;

  g_return_val_if_fail (SIX_IS_PAGE_SLOT (self), NULL);

  if ((page = adw_bin_get_child (ADW_BIN (self))) != NULL)
    return page;

  page = g_object_new (self->page_type, NULL);
  adw_bin_set_child (ADW_BIN (self), page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);

  return page;
}

/* Whether the page has been built: what has not been shown needs nothing done to it. */
gboolean
six_page_slot_has_page (SixPageSlot *self)
{
  g_return_val_if_fail (SIX_IS_PAGE_SLOT (self), FALSE);

  return adw_bin_get_child (ADW_BIN (self)) != NULL;
}

GType
six_page_slot_get_page_type (SixPageSlot *self)
{
  g_return_val_if_fail (SIX_IS_PAGE_SLOT (self), G_TYPE_INVALID);

  return self->page_type;
}
