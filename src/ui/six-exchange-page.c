/* six-exchange-page.c — the conflict log, with its restore, and the files received and exported
 *
 * A thin view over one live query: the lists are bound to the log it reads (the page's .ui
 * holds their models, filters and row templates), and the page keeps only the state shown
 * and the restore under way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-exchange-page"

#include "config.h"

#include <glib/gi18n.h>

#include "six-apply.h"
#include "six-conflict-item.h"
#include "six-conflict-row.h"
#include "six-exchange-file-item.h"
#include "six-exchange-log.h"
#include "six-exchange-page.h"
#include "six-incoming-group.h"
#include "six-queries.h"

/* The newest files received and exported shown; the log keeps them all. */
#define N_FILES_SHOWN 50

/* A restore writes the record, and the log is read again: until that answer comes, the
 * conflict restored is still listed, and Restore waits. */
typedef enum
{
  RESTORE_IDLE,
  RESTORE_RUNNING,
  RESTORE_AWAITING_ANSWER,
} RestoreState;

struct _SixExchangePage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  SixIncomingGroup *incoming_group;

  /* Owned */
  SixRepository    *repository;
  SixLiveQuery     *query;     /* the log, read on the repository's thread */
  SixExchangeLog   *log;       /* the newest answer read: what the lists show */

  RestoreState      restore;
};

G_DEFINE_FINAL_TYPE (SixExchangePage, six_exchange_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  PROP_LOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- the lists' templates ---------------------------------------------------------------- */

static char *
file_icon_cb (gpointer item,
              gboolean exported)
{
  return g_strdup (exported ? "document-send-symbolic" : "mail-attachment-symbolic");
}

/* --- state ------------------------------------------------------------------------------ */

static void
set_state (SixExchangePage *self,
           const char      *state)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), state) == 0)
    return;

  gtk_stack_set_visible_child_name (self->stack, state);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
update_actions (SixExchangePage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exchange.restore",
                                 self->repository != NULL && self->restore == RESTORE_IDLE);
}

static void
on_query_snapshot_cb (SixExchangePage *self)
{
  SixExchangeLog *log = six_live_query_get_snapshot (self->query);
  const GError *error = six_live_query_get_error (self->query);

  /* Any answer read after a restore shows what it did. */
  if (self->restore == RESTORE_AWAITING_ANSWER)
    self->restore = RESTORE_IDLE;
  update_actions (self);

  /* A failed read leaves the lists as they were. */
  if (log == NULL)
    {
      if (error != NULL)
        six_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  g_set_object (&self->log, log);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG]);
  set_state (self, six_exchange_log_is_empty (log) ? "empty" : "content");
}

/* --- restoring a replaced value ---------------------------------------------------------- */

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SixExchangePage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 operation;

  operation = six_repository_restore_conflict_finish (SIX_REPOSITORY (object), result, &error);
  if (self->query == NULL)
    return;

  self->restore = RESTORE_AWAITING_ANSWER;
  if (operation > 0)
    {
      six_show_undo_toast (GTK_WIDGET (self), _("Replaced value brought back"), operation);
      return;
    }

  six_show_toast (GTK_WIDGET (self), error->message);
  /* A refusal writes nothing (restored elsewhere, say): read again for what is so now. */
  six_live_query_reload (self->query);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SixExchangePage *self = SIX_EXCHANGE_PAGE (widget);

  self->restore = RESTORE_RUNNING;
  update_actions (self);
  six_repository_restore_conflict_async (self->repository, g_variant_get_int64 (parameter), NULL,
                                         restored_cb, g_object_ref (self));
}

/* --- the widget -------------------------------------------------------------------------- */

/* Read only while shown. Shown again, read again even with no record written: undoing an
 * import whose merge kept every local value writes none, yet takes its conflicts away. */
static void
six_exchange_page_map (GtkWidget *widget)
{
  SixExchangePage *self = SIX_EXCHANGE_PAGE (widget);

  GTK_WIDGET_CLASS (six_exchange_page_parent_class)->map (widget);

  if (self->query != NULL)
    {
      six_live_query_reload (self->query);
      six_live_query_set_active (self->query, TRUE);
    }
  six_incoming_group_rescan (self->incoming_group);
}

static void
six_exchange_page_unmap (GtkWidget *widget)
{
  SixExchangePage *self = SIX_EXCHANGE_PAGE (widget);

  if (self->query != NULL)
    six_live_query_set_active (self->query, FALSE);

  GTK_WIDGET_CLASS (six_exchange_page_parent_class)->unmap (widget);
}

static void
six_exchange_page_dispose (GObject *object)
{
  SixExchangePage *self = (SixExchangePage *)object;

  g_clear_object (&self->query);
  gtk_widget_dispose_template (GTK_WIDGET (self), SIX_TYPE_EXCHANGE_PAGE);
  g_clear_object (&self->log);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (six_exchange_page_parent_class)->dispose (object);
}

static void
six_exchange_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SixExchangePage *self = SIX_EXCHANGE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_string (value, six_exchange_page_get_state (self));
      break;

    case PROP_LOG:
      g_value_set_object (value, self->log);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_exchange_page_class_init (SixExchangePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = six_exchange_page_dispose;
  object_class->get_property = six_exchange_page_get_property;
  widget_class->map = six_exchange_page_map;
  widget_class->unmap = six_exchange_page_unmap;

  /**
   * SixExchangePage:state:
   *
   * "loading" until the log is first read, "empty" before any file is received and while no
   * conflict waits, else "content".
   */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "loading",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * SixExchangePage:log:
   *
   * The conflicts and files shown, as last read; %NULL until the first answer.
   */
  properties[PROP_LOG] =
    g_param_spec_object ("log", NULL, NULL, SIX_TYPE_EXCHANGE_LOG,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The target is the conflict's id (see SixConflictRow). */
  gtk_widget_class_install_action (widget_class, "exchange.restore", "x", restore_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/six-exchange-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SixExchangePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SixExchangePage, incoming_group);
  gtk_widget_class_bind_template_callback (widget_class, file_icon_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (SIX_TYPE_INCOMING_GROUP);
  g_type_ensure (SIX_TYPE_EXCHANGE_LOG);
  g_type_ensure (SIX_TYPE_CONFLICT_ITEM);
  g_type_ensure (SIX_TYPE_EXCHANGE_FILE_ITEM);
  g_type_ensure (SIX_TYPE_CONFLICT_ROW);
}

static void
six_exchange_page_init (SixExchangePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

void
six_exchange_page_set_repository (SixExchangePage *self,
                                  SixRepository   *repository)
{
  g_return_if_fail (SIX_IS_EXCHANGE_PAGE (self));
  g_return_if_fail (!repository || SIX_IS_REPOSITORY (repository));
  g_return_if_fail (self->repository == NULL);

  if (repository == NULL)
    return;

  self->repository = g_object_ref (repository);
  self->query = six_exchange_log_query_new (repository, N_FILES_SHOWN);
  g_signal_connect_object (self->query, "notify::snapshot", G_CALLBACK (on_query_snapshot_cb),
                           self, G_CONNECT_SWAPPED);
  six_live_query_set_active (self->query, gtk_widget_get_mapped (GTK_WIDGET (self)));
  six_incoming_group_set_repository (self->incoming_group, repository);
  update_actions (self);
}

/* Reads the log again, now if the page is shown, else when it is next shown: for a file
 * logged, which writes no record. */
void
six_exchange_page_reload (SixExchangePage *self)
{
  g_return_if_fail (SIX_IS_EXCHANGE_PAGE (self));

  if (self->query != NULL)
    six_live_query_reload (self->query);
}

/* "loading", "empty" or "content". */
const char *
six_exchange_page_get_state (SixExchangePage *self)
{
  g_return_val_if_fail (SIX_IS_EXCHANGE_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
