/* six-clock.c — version vectors and hybrid logical clocks for the per-field merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "six-clock"

#include "config.h"

#include "six-clock.h"

#include <glib/gi18n.h>
#include <string.h>

/* 9999-12-31T23:59:59.999Z: four-digit years keep stamps printable as ISO dates. */
#define SIX_HLC_WALL_MAX G_GINT64_CONSTANT (253402300799999)

typedef struct
{
  const char *replica;  /* interned */
  guint64     counter;  /* > 0 */
} Entry;

struct _SixVersionVector
{
  guint n_entries;
  Entry entries[];  /* sorted by strcmp (replica) */
};

struct _SixHlcClock
{
  /* Borrowed */
  const char       *replica;  /* interned */
  SixWallClockFunc  wall_func;
  gpointer          user_data;

  /* The last stamp handed out or observed: (l, c) in Kulkarni et al. */
  gint64            wall;
  guint32           counter;
};

G_DEFINE_QUARK (six-clock-error-quark, six_clock_error)

G_DEFINE_BOXED_TYPE (SixVersionVector, six_version_vector,
                     six_version_vector_ref, six_version_vector_unref)

static gboolean
replica_id_is_valid_len (const char *text,
                         gsize       len)
{
  if (len == 0 || len > SIX_REPLICA_ID_MAX)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char ch = text[i];

      if (!g_ascii_isalnum (ch) && ch != '_' && ch != '-')
        return FALSE;
    }

  return TRUE;
}

static gboolean
replica_id_is_valid (const char *text)
{
  return text != NULL && replica_id_is_valid_len (text, strlen (text));
}

/* Strict decimal: digits only, no sign or spaces, no leading zero except "0" itself.
 * Returns NULL on success, or why @text was refused. */
static const char *
parse_decimal (const char *text,
               gsize       len,
               guint64     max,
               guint64    *out)
{
  guint64 value = 0;

  if (len == 0)
    return N_("missing number");

  for (gsize i = 0; i < len; i++)
    {
      guint digit;

      if (!g_ascii_isdigit (text[i]))
        return N_("not a decimal number");

      digit = text[i] - '0';
      if (value > (max - digit) / 10)
        return N_("number out of range");
      value = value * 10 + digit;
    }

  /* Only one spelling per number, so the text form stays canonical. */
  if (text[0] == '0' && len > 1)
    return N_("leading zero");

  *out = value;
  return NULL;
}

static void
set_parse_error (GError     **error,
                 const char  *what,
                 const char  *text,
                 gssize       len,
                 const char  *reason)
{
  /* The text is untrusted input; a GError message must be UTF-8. */
  g_autofree char *quoted = g_utf8_make_valid (text, len);

  /* Translators: "Invalid version vector entry “x=0”: counter must be positive" */
  g_set_error (error, SIX_CLOCK_ERROR, SIX_CLOCK_ERROR_PARSE,
               _("Invalid %s “%s”: %s"), _(what), quoted, _(reason));
}

/* Like strcmp () for strings that are not NUL-terminated. */
static int
compare_bounded (const char *a,
                 gsize       a_len,
                 const char *b,
                 gsize       b_len)
{
  int cmp = memcmp (a, b, MIN (a_len, b_len));

  if (cmp != 0)
    return cmp;

  return (a_len > b_len) - (a_len < b_len);
}

static SixVersionVector *
vector_alloc (guint n_entries)
{
  SixVersionVector *self;

  self = g_atomic_rc_box_alloc0 (sizeof (SixVersionVector) + n_entries * sizeof (Entry));
  self->n_entries = n_entries;

  return self;
}

/* Index of @replica in @self, or where it would be inserted if absent. */
static guint
vector_find (const SixVersionVector *self,
             const char             *replica,
             gboolean               *found)
{
  guint lo = 0;
  guint hi = self->n_entries;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = strcmp (self->entries[mid].replica, replica);

      if (cmp == 0)
        {
          *found = TRUE;
          return mid;
        }

      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  *found = FALSE;
  return lo;
}

SixVersionVector *
six_version_vector_new (void)
{
  return vector_alloc (0);
}

SixVersionVector *
six_version_vector_ref (SixVersionVector *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
six_version_vector_unref (SixVersionVector *self)
{
  g_return_if_fail (self != NULL);

  /* Replica ids are interned, so there is nothing else to free. */
  g_atomic_rc_box_release (self);
}

typedef struct
{
  const char *replica;
  gsize       len;
  guint64     counter;
} PendingEntry;

SixVersionVector *
six_version_vector_parse (const char  *text,
                          GError     **error)
{
  g_autoptr(GArray) pending = NULL;
  SixVersionVector *self;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*text == '\0')
    return vector_alloc (0);

  pending = g_array_new (FALSE, FALSE, sizeof (PendingEntry));

  /* Validate everything first so garbage never reaches the intern table. */
  p = text;
  for (;;)
    {
      const char *comma = strchr (p, ',');
      gsize len = comma != NULL ? (gsize) (comma - p) : strlen (p);
      const char *eq = memchr (p, '=', len);
      PendingEntry entry;
      const char *reason;

      if (len == 0)
        {
          set_parse_error (error, N_("version vector"), text, -1, N_("empty entry"));
          return NULL;
        }

      if (eq == NULL)
        {
          set_parse_error (error, N_("version vector entry"), p, len, N_("expected “replica=counter”"));
          return NULL;
        }

      entry.replica = p;
      entry.len = eq - p;
      if (!replica_id_is_valid_len (entry.replica, entry.len))
        {
          set_parse_error (error, N_("version vector entry"), p, len,
                           N_("replica id must be 1 to 64 characters of A–Z, a–z, 0–9, “_” or “-”"));
          return NULL;
        }

      reason = parse_decimal (eq + 1, len - entry.len - 1, G_MAXINT64, &entry.counter);
      if (reason != NULL)
        {
          set_parse_error (error, N_("version vector entry"), p, len, reason);
          return NULL;
        }

      if (entry.counter == 0)
        {
          set_parse_error (error, N_("version vector entry"), p, len, N_("counter must be positive"));
          return NULL;
        }

      if (pending->len > 0)
        {
          const PendingEntry *prev = &g_array_index (pending, PendingEntry, pending->len - 1);
          int cmp = compare_bounded (prev->replica, prev->len, entry.replica, entry.len);

          if (cmp == 0)
            {
              set_parse_error (error, N_("version vector entry"), p, len, N_("duplicate replica"));
              return NULL;
            }

          if (cmp > 0)
            {
              set_parse_error (error, N_("version vector entry"), p, len,
                               N_("replicas are not in sorted order"));
              return NULL;
            }
        }

      g_array_append_val (pending, entry);

      if (comma == NULL)
        break;
      p = comma + 1;
    }

  self = vector_alloc (pending->len);

  for (guint i = 0; i < pending->len; i++)
    {
      const PendingEntry *entry = &g_array_index (pending, PendingEntry, i);
      char replica[SIX_REPLICA_ID_MAX + 1];

      memcpy (replica, entry->replica, entry->len);
      replica[entry->len] = '\0';

      self->entries[i].replica = g_intern_string (replica);
      self->entries[i].counter = entry->counter;
    }

  return self;
}

char *
six_version_vector_to_string (const SixVersionVector *self)
{
  GString *str;

  g_return_val_if_fail (self != NULL, NULL);

  str = g_string_new (NULL);

  for (guint i = 0; i < self->n_entries; i++)
    {
      if (i > 0)
        g_string_append_c (str, ',');
      g_string_append_printf (str, "%s=%" G_GUINT64_FORMAT,
                              self->entries[i].replica, self->entries[i].counter);
    }

  return g_string_free (str, FALSE);
}

guint
six_version_vector_get_size (const SixVersionVector *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_entries;
}

const char *
six_version_vector_get_nth (const SixVersionVector *self,
                            guint                   nth,
                            guint64                *counter)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (nth < self->n_entries, NULL);

  if (counter != NULL)
    *counter = self->entries[nth].counter;

  return self->entries[nth].replica;
}

guint64
six_version_vector_get (const SixVersionVector *self,
                        const char             *replica)
{
  gboolean found;
  guint pos;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (replica != NULL, 0);

  pos = vector_find (self, replica, &found);

  return found ? self->entries[pos].counter : 0;
}

/**
 * six_version_vector_increment:
 *
 * Returns: (transfer full) (nullable): @self with @replica's counter one higher, or %NULL
 *   with %SIX_CLOCK_ERROR_OVERFLOW when the counter is already the largest a vector holds
 *   (only a damaged or forged clock gets there).
 */
SixVersionVector *
six_version_vector_increment (const SixVersionVector *self,
                              const char             *replica,
                              GError                **error)
{
  SixVersionVector *copy;
  gboolean found;
  guint pos;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (replica_id_is_valid (replica), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pos = vector_find (self, replica, &found);

  if (found)
    {
      /* The text form must stay parseable. */
      if (self->entries[pos].counter >= G_MAXINT64)
        {
          g_set_error (error, SIX_CLOCK_ERROR, SIX_CLOCK_ERROR_OVERFLOW,
                       _("the edit counter of replica “%s” is at its limit: the record’s "
                         "clock is damaged"), replica);
          return NULL;
        }

      copy = vector_alloc (self->n_entries);
      memcpy (copy->entries, self->entries, self->n_entries * sizeof (Entry));
      copy->entries[pos].counter++;
    }
  else
    {
      copy = vector_alloc (self->n_entries + 1);
      memcpy (copy->entries, self->entries, pos * sizeof (Entry));
      copy->entries[pos].replica = g_intern_string (replica);
      copy->entries[pos].counter = 1;
      memcpy (copy->entries + pos + 1, self->entries + pos,
              (self->n_entries - pos) * sizeof (Entry));
    }

  return copy;
}

SixVersionVector *
six_version_vector_join (const SixVersionVector *a,
                         const SixVersionVector *b)
{
  SixVersionVector *self;
  guint i = 0;
  guint j = 0;
  guint n = 0;

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);

  /* Merge the two sorted lists; the result can hold at most both. */
  self = vector_alloc (a->n_entries + b->n_entries);

  while (i < a->n_entries || j < b->n_entries)
    {
      int cmp;

      if (i == a->n_entries)
        cmp = 1;
      else if (j == b->n_entries)
        cmp = -1;
      else
        cmp = strcmp (a->entries[i].replica, b->entries[j].replica);

      if (cmp < 0)
        self->entries[n++] = a->entries[i++];
      else if (cmp > 0)
        self->entries[n++] = b->entries[j++];
      else
        {
          self->entries[n].replica = a->entries[i].replica;
          self->entries[n].counter = MAX (a->entries[i].counter, b->entries[j].counter);
          n++;
          i++;
          j++;
        }
    }

  self->n_entries = n;

  return self;
}

SixClockOrder
six_version_vector_compare (const SixVersionVector *a,
                            const SixVersionVector *b)
{
  gboolean a_ahead = FALSE;
  gboolean b_ahead = FALSE;
  guint i = 0;
  guint j = 0;

  g_return_val_if_fail (a != NULL, SIX_CLOCK_CONCURRENT);
  g_return_val_if_fail (b != NULL, SIX_CLOCK_CONCURRENT);

  /* An absent entry counts as 0, and stored counters are > 0. */
  while ((i < a->n_entries || j < b->n_entries) && !(a_ahead && b_ahead))
    {
      int cmp;

      if (i == a->n_entries)
        cmp = 1;
      else if (j == b->n_entries)
        cmp = -1;
      else
        cmp = strcmp (a->entries[i].replica, b->entries[j].replica);

      if (cmp < 0)
        {
          a_ahead = TRUE;
          i++;
        }
      else if (cmp > 0)
        {
          b_ahead = TRUE;
          j++;
        }
      else
        {
          if (a->entries[i].counter > b->entries[j].counter)
            a_ahead = TRUE;
          else if (a->entries[i].counter < b->entries[j].counter)
            b_ahead = TRUE;
          i++;
          j++;
        }
    }

  if (a_ahead && b_ahead)
    return SIX_CLOCK_CONCURRENT;
  if (a_ahead)
    return SIX_CLOCK_AFTER;
  if (b_ahead)
    return SIX_CLOCK_BEFORE;
  return SIX_CLOCK_EQUAL;
}

gboolean
six_version_vector_equal (const SixVersionVector *a,
                          const SixVersionVector *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a->n_entries != b->n_entries)
    return FALSE;

  /* Interned replica ids compare by pointer. */
  for (guint i = 0; i < a->n_entries; i++)
    {
      if (a->entries[i].replica != b->entries[i].replica ||
          a->entries[i].counter != b->entries[i].counter)
        return FALSE;
    }

  return TRUE;
}

int
six_hlc_compare (const SixHlc *a,
                 const SixHlc *b)
{
  int cmp;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  if (a->wall != b->wall)
    return a->wall < b->wall ? -1 : 1;

  if (a->counter != b->counter)
    return a->counter < b->counter ? -1 : 1;

  if (a->replica == b->replica)
    return 0;
  if (a->replica == NULL)
    return -1;
  if (b->replica == NULL)
    return 1;

  cmp = strcmp (a->replica, b->replica);

  return (cmp > 0) - (cmp < 0);
}

char *
six_hlc_to_string (const SixHlc *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->replica != NULL, NULL);

  return g_strdup_printf ("%" G_GINT64_FORMAT ".%u@%s",
                          self->wall, (guint) self->counter, self->replica);
}

gboolean
six_hlc_parse (const char  *text,
               SixHlc      *out,
               GError     **error)
{
  const char *at;
  const char *dot;
  const char *reason;
  guint64 wall;
  guint64 counter;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  at = strchr (text, '@');
  if (at == NULL)
    {
      set_parse_error (error, N_("clock stamp"), text, -1, N_("expected “wall.counter@replica”"));
      return FALSE;
    }

  dot = memchr (text, '.', at - text);
  if (dot == NULL)
    {
      set_parse_error (error, N_("clock stamp"), text, -1, N_("expected “wall.counter@replica”"));
      return FALSE;
    }

  reason = parse_decimal (text, dot - text, SIX_HLC_WALL_MAX, &wall);
  if (reason != NULL)
    {
      set_parse_error (error, N_("clock stamp"), text, -1, reason);
      return FALSE;
    }

  reason = parse_decimal (dot + 1, at - dot - 1, G_MAXUINT32, &counter);
  if (reason != NULL)
    {
      set_parse_error (error, N_("clock stamp"), text, -1, reason);
      return FALSE;
    }

  if (!replica_id_is_valid (at + 1))
    {
      set_parse_error (error, N_("clock stamp"), text, -1,
                       N_("replica id must be 1 to 64 characters of A–Z, a–z, 0–9, “_” or “-”"));
      return FALSE;
    }

  out->wall = (gint64) wall;
  out->counter = (guint32) counter;
  out->replica = g_intern_string (at + 1);

  return TRUE;
}

static gint64
hlc_clock_now (SixHlcClock *self)
{
  if (self->wall_func != NULL)
    return self->wall_func (self->user_data);

  return g_get_real_time () / 1000;
}

/* Sets (l, c), carrying a counter overflow into the next millisecond so time never repeats. */
static void
hlc_clock_set (SixHlcClock *self,
               gint64       wall,
               guint64      counter)
{
  if (counter > G_MAXUINT32)
    {
      wall++;
      counter = 0;
    }

  self->wall = wall;
  self->counter = (guint32) counter;
}

SixHlcClock *
six_hlc_clock_new (const char       *replica,
                   SixWallClockFunc  wall_func,
                   gpointer          user_data)
{
  SixHlcClock *self;

  g_return_val_if_fail (replica_id_is_valid (replica), NULL);

  self = g_new0 (SixHlcClock, 1);
  self->replica = g_intern_string (replica);
  self->wall_func = wall_func;
  self->user_data = user_data;

  return self;
}

void
six_hlc_clock_free (SixHlcClock *self)
{
  g_free (self);
}

const char *
six_hlc_clock_get_replica (SixHlcClock *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->replica;
}

void
six_hlc_clock_tick (SixHlcClock *self,
                    SixHlc      *out)
{
  gint64 now;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  now = hlc_clock_now (self);

  if (now > self->wall)
    hlc_clock_set (self, now, 0);
  else
    hlc_clock_set (self, self->wall, (guint64) self->counter + 1);

  out->wall = self->wall;
  out->counter = self->counter;
  out->replica = self->replica;
}

gboolean
six_hlc_clock_observe (SixHlcClock  *self,
                       const SixHlc *remote,
                       SixHlc       *accepted)
{
  SixHlc r;
  gboolean clamped;
  gint64 now;
  gint64 wall;
  guint64 counter;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (remote != NULL, FALSE);

  now = hlc_clock_now (self);

  /* Clamp against the wall clock, not l, so accepted stamps cannot ratchet the limit up. */
  clamped = six_hlc_clamp (remote, now, &r);

  wall = MAX (MAX (self->wall, r.wall), now);

  if (wall == self->wall && wall == r.wall)
    counter = (guint64) MAX (self->counter, r.counter) + 1;
  else if (wall == self->wall)
    counter = (guint64) self->counter + 1;
  else if (wall == r.wall)
    counter = (guint64) r.counter + 1;
  else
    counter = 0;

  hlc_clock_set (self, wall, counter);

  if (accepted != NULL)
    *accepted = r;

  return !clamped;
}

gboolean
six_hlc_clamp (const SixHlc *stamp,
               gint64        now,
               SixHlc       *out)
{
  g_return_val_if_fail (stamp != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  /* The first test keeps now + drift from overflowing. */
  if (now <= G_MAXINT64 - SIX_HLC_MAX_DRIFT_MS && stamp->wall > now + SIX_HLC_MAX_DRIFT_MS)
    {
      const char *replica = stamp->replica;

      out->wall = now;
      out->counter = 0;
      out->replica = replica;
      return TRUE;
    }

  *out = *stamp;
  return FALSE;
}
