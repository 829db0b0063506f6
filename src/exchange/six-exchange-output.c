/* six-exchange-output.c — printed bytes hashed and written on a thread of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-exchange-output"

#include "config.h"

#include "six-exchange-output.h"

/*
 * The writer prints into chunks; a thread of this output hashes each full chunk (§6: the
 * checksum covers every byte before its own line) and writes it to the stream, in order,
 * while the writer prints the next one. A few chunks go round between the two, so memory
 * stays the same whatever the size of the file, and printing never waits on the disk
 * unless the disk is slower than printing.
 *
 * An empty chunk in the queue of full ones is the end.
 */

#define CHUNK_SIZE (1024 * 1024)
#define N_CHUNKS   4

struct _SixExchangeOutput
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GAsyncQueue   *full;    /* chunks to hash and write, in order */
  GAsyncQueue   *empty;   /* chunks to print into */
  GThread       *thread;
  GString       *current; /* the chunk being printed */
  guint64        handed;  /* bytes handed to the thread so far */

  /* The thread's until it is joined. */
  GChecksum     *checksum;
  GError        *error;
  gint           failed;  /* atomic: set once error is */
};

static gpointer
output_thread (gpointer data)
{
  SixExchangeOutput *self = data;
  GString *chunk;

  while ((chunk = g_async_queue_pop (self->full))->len > 0)
    {
      if (self->error == NULL)
        {
          g_checksum_update (self->checksum, (const guchar *) chunk->str, (gssize) chunk->len);
          if (!g_output_stream_write_all (self->stream, chunk->str, chunk->len, NULL,
                                          self->cancellable, &self->error))
            g_atomic_int_set (&self->failed, TRUE);
        }

      g_string_truncate (chunk, 0);
      g_async_queue_push (self->empty, chunk);
    }

  g_async_queue_push (self->empty, chunk);

  return NULL;
}

/**
 * _six_exchange_output_new:
 * @stream: where the bytes go, used by the output's thread until
 *   _six_exchange_output_finish () returns
 * @cancellable: (nullable): stops the writing
 *
 * Returns: (transfer full): an output printing into _six_exchange_output_buffer ()
 */
SixExchangeOutput *
_six_exchange_output_new (GOutputStream *stream,
                          GCancellable  *cancellable)
{
  SixExchangeOutput *self = g_new0 (SixExchangeOutput, 1);

  self->stream = g_object_ref (stream);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  self->full = g_async_queue_new ();
  self->empty = g_async_queue_new ();
  for (guint i = 1; i < N_CHUNKS; i++)
    g_async_queue_push (self->empty, g_string_sized_new (CHUNK_SIZE + CHUNK_SIZE / 4));
  self->current = g_string_sized_new (CHUNK_SIZE + CHUNK_SIZE / 4);
  self->thread = g_thread_new ("six-exchange-output", output_thread, self);

  return self;
}

/* The chunk to print into; it changes at each _six_exchange_output_flush (). */
GString *
_six_exchange_output_buffer (SixExchangeOutput *self)
{
  return self->current;
}

/**
 * _six_exchange_output_flush:
 *
 * Hands the current chunk to the thread once it is full.
 *
 * Returns: %FALSE once writing has failed: printing more is pointless, and
 *   _six_exchange_output_finish () says why
 */
gboolean
_six_exchange_output_flush (SixExchangeOutput *self)
{
  if (self->current->len >= CHUNK_SIZE)
    {
      self->handed += self->current->len;
      g_async_queue_push (self->full, self->current);
      self->current = g_async_queue_pop (self->empty);
    }

  return !g_atomic_int_get (&self->failed);
}

/* Every byte printed so far, handed to the thread or not. */
guint64
_six_exchange_output_get_size (SixExchangeOutput *self)
{
  return self->handed + self->current->len;
}

/* Waits for the thread to write everything handed to it, and stops it. */
static void
join (SixExchangeOutput *self)
{
  GString *end;

  if (self->thread == NULL)
    return;

  end = g_async_queue_pop (self->empty);
  g_async_queue_push (self->full, end);
  g_thread_join (g_steal_pointer (&self->thread));
}

/**
 * _six_exchange_output_finish:
 *
 * Writes what is left and waits for every byte to be on the stream. The stream is the
 * caller's again, open.
 *
 * Returns: (transfer full): the SHA-256 of every byte written, in hexadecimal, or %NULL
 *   with @error set
 */
char *
_six_exchange_output_finish (SixExchangeOutput  *self,
                             GError            **error)
{
  if (self->current->len > 0)
    {
      g_async_queue_push (self->full, self->current);
      self->current = g_async_queue_pop (self->empty);
    }
  join (self);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }

  return g_strdup (g_checksum_get_string (self->checksum));
}

void
_six_exchange_output_free (SixExchangeOutput *self)
{
  GString *chunk;

  join (self);

  g_string_free (self->current, TRUE);
  while ((chunk = g_async_queue_try_pop (self->empty)) != NULL)
    g_string_free (chunk, TRUE);

  g_async_queue_unref (self->full);
  g_async_queue_unref (self->empty);
  g_checksum_free (self->checksum);
  g_clear_error (&self->error);
  g_clear_object (&self->cancellable);
  g_object_unref (self->stream);
  g_free (self);
}
