/* six-live-query.c — a query read again on the repository's thread whenever what it reads changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-live-query"

#include "config.h"

#include "six-live-query-private.h"
#include "six-repository-run.h"

struct _SixLiveQuery
{
  GObject            parent_instance;

  /* Owned */
  SixRepository     *repository;
  GObject           *snapshot;
  GError            *error;
  GVariant          *args;      /* immutable: each read holds its own reference */
  GCancellable      *reading;   /* the read under way: cancelled when superseded */
  guint              idle_id;

  SixRepositoryFunc  func;
  SixRepositoryFunc  first_func;  /* a quicker read of the first part, or NULL */
  gboolean           first_due;   /* no answer to the arguments yet: read the first part first */
  gboolean           active;
  gboolean           stale;     /* something changed while inactive */
};

G_DEFINE_FINAL_TYPE (SixLiveQuery, six_live_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SNAPSHOT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void read_again (SixLiveQuery *self);

/* The one place a superseded answer is told: a newer read is under way. */
static gboolean
is_superseded (GAsyncResult *result)
{
  return g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result)));
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SixLiveQuery) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) snapshot = six_repository_run_finish (SIX_REPOSITORY (object), result, &error);

  if (is_superseded (result))
    return;

  g_clear_object (&self->reading);
  g_clear_error (&self->error);
  self->first_due = FALSE;
  /* What a failed read means is the reader's to say: a State not found is no warning. */
  if (snapshot == NULL)
    self->error = g_steal_pointer (&error);

  g_set_object (&self->snapshot, snapshot);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPSHOT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The first part, shown until the whole is read; dropped with the whole when superseded. */
static void
read_first_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SixLiveQuery) self = user_data;
  g_autoptr(GObject) snapshot = six_repository_run_finish (SIX_REPOSITORY (object), result, NULL);

  /* Failed, it is no answer: the whole one, read next, says what failed. */
  if (is_superseded (result) || snapshot == NULL)
    return;

  self->first_due = FALSE;
  g_set_object (&self->snapshot, snapshot);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPSHOT]);
}

static void
read_again (SixLiveQuery *self)
{
  gboolean was_loading = self->reading != NULL;

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  self->reading = g_cancellable_new ();
  self->stale = FALSE;
  if (self->first_due && self->first_func != NULL)
    six_repository_read_async (self->repository, self->first_func,
                               self->args != NULL ? g_variant_ref (self->args) : NULL,
                               self->args != NULL ? (GDestroyNotify) g_variant_unref : NULL,
                               g_object_unref,
                               self->reading, read_first_cb, g_object_ref (self));
  six_repository_read_async (self->repository, self->func,
                             self->args != NULL ? g_variant_ref (self->args) : NULL,
                             self->args != NULL ? (GDestroyNotify) g_variant_unref : NULL,
                             g_object_unref,
                             self->reading, read_cb, g_object_ref (self));
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
read_idle (gpointer user_data)
{
  SixLiveQuery *self = user_data;

  self->idle_id = 0;
  read_again (self);

  return G_SOURCE_REMOVE;
}

/* Many changes in a row (an import's kinds) make one read. */
static void
on_repository_changed_cb (SixLiveQuery *self)
{
  if (!self->active)
    {
      self->stale = TRUE;
      return;
    }

  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, read_idle, self, NULL);
}

static void
six_live_query_dispose (GObject *object)
{
  SixLiveQuery *self = (SixLiveQuery *) object;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->repository);

  G_OBJECT_CLASS (six_live_query_parent_class)->dispose (object);
}

static void
six_live_query_finalize (GObject *object)
{
  SixLiveQuery *self = (SixLiveQuery *) object;

  g_clear_error (&self->error);
  g_clear_pointer (&self->args, g_variant_unref);

  G_OBJECT_CLASS (six_live_query_parent_class)->finalize (object);
}

static void
six_live_query_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SixLiveQuery *self = SIX_LIVE_QUERY (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      g_value_set_object (value, self->snapshot);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, six_live_query_is_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
six_live_query_class_init (SixLiveQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = six_live_query_dispose;
  object_class->finalize = six_live_query_finalize;
  object_class->get_property = six_live_query_get_property;

  properties[PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
six_live_query_init (SixLiveQuery *self)
{
}

/**
 * six_live_query_new:
 * @kind_names: the kinds @func reads: a write to any of them reads it again
 * @func: runs on the repository's thread, given the #GVariant of six_live_query_set_args ()
 *
 * Inactive until six_live_query_set_active (): a page reads only while it is shown.
 */
SixLiveQuery *
six_live_query_new (SixRepository      *repository,
                    const char * const *kind_names,
                    SixRepositoryFunc   func)
{
  SixLiveQuery *self;

  g_return_val_if_fail (SIX_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (kind_names != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (SIX_TYPE_LIVE_QUERY, NULL);
  self->repository = g_object_ref (repository);
  self->func = func;
  self->stale = TRUE;
  self->first_due = TRUE;
  six_repository_connect_changed (repository, kind_names, G_CALLBACK (on_repository_changed_cb),
                                  self);

  return self;
}

/**
 * six_live_query_set_first_func:
 * @first_func: reads what is shown first, quicker than the whole @func reads
 *
 * Before the first answer, and the first after new arguments, @first_func's snapshot is
 * read first and shown while @func's is read: the query is loading until the whole is in.
 */
void
six_live_query_set_first_func (SixLiveQuery      *self,
                               SixRepositoryFunc  first_func)
{
  g_return_if_fail (SIX_IS_LIVE_QUERY (self));

  self->first_func = first_func;
}

/* New arguments (another span of years, say): read again with them. */
void
six_live_query_set_args (SixLiveQuery *self,
                         GVariant     *args)
{
  g_return_if_fail (SIX_IS_LIVE_QUERY (self));

  if (args != NULL)
    g_variant_ref_sink (args);
  g_clear_pointer (&self->args, g_variant_unref);
  self->args = args;
  self->stale = TRUE;
  self->first_due = TRUE;

  if (self->active)
    read_again (self);
}

void
six_live_query_set_active (SixLiveQuery *self,
                           gboolean      active)
{
  g_return_if_fail (SIX_IS_LIVE_QUERY (self));

  self->active = active;
  if (active && self->stale)
    read_again (self);
}

/* Read again though no kind it reads was written: for what ::changed does not announce (the
 * exchange log's own rows). Soon if active, with any change just made; else when next made
 * active. */
void
six_live_query_reload (SixLiveQuery *self)
{
  g_return_if_fail (SIX_IS_LIVE_QUERY (self));

  on_repository_changed_cb (self);
}

/* Returns: (transfer none) (nullable): the newest answer, NULL before the first */
gpointer
six_live_query_get_snapshot (SixLiveQuery *self)
{
  g_return_val_if_fail (SIX_IS_LIVE_QUERY (self), NULL);

  return self->snapshot;
}

const GError *
six_live_query_get_error (SixLiveQuery *self)
{
  g_return_val_if_fail (SIX_IS_LIVE_QUERY (self), NULL);

  return self->error;
}

gboolean
six_live_query_is_loading (SixLiveQuery *self)
{
  g_return_val_if_fail (SIX_IS_LIVE_QUERY (self), FALSE);

  /* A read due (changes waiting for the idle) counts: what is shown is about to change. */
  return self->reading != NULL || self->idle_id != 0;
}
