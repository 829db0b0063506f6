/* six-clock.h — version vectors and hybrid logical clocks for the per-field merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SIX_CLOCK_ERROR (six_clock_error_quark ())

typedef enum
{
  SIX_CLOCK_ERROR_PARSE,
  SIX_CLOCK_ERROR_OVERFLOW,  /* a counter that cannot grow any further */
} SixClockError;

/* How two version vectors relate. */
typedef enum
{
  SIX_CLOCK_EQUAL,
  SIX_CLOCK_BEFORE,      /* a < b: b has seen everything a has, and more */
  SIX_CLOCK_AFTER,       /* a > b: a dominates */
  SIX_CLOCK_CONCURRENT,  /* neither has seen the other's latest write */
} SixClockOrder;

/* A file with a stamp further than this ahead of the reader's clock is refused (format §4,
 * rule 6); within it, stamps are kept as written and the local clock moves past them. The
 * local clock itself never jumps further than this past its wall clock. */
#define SIX_HLC_MAX_DRIFT_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

/* Largest counter a file may carry: a replica counts one per field it writes, and no one
 * writes a trillion fields, so anything above it was forged or damaged. Local counters keep
 * room to grow far beyond it. */
#define SIX_VERSION_VECTOR_COUNTER_MAX (G_GINT64_CONSTANT (1) << 40)

/* Largest replica id accepted in a vector or stamp. */
#define SIX_REPLICA_ID_MAX 64

typedef struct _SixVersionVector SixVersionVector;

GType             six_version_vector_get_type   (void) G_GNUC_CONST;
GQuark            six_clock_error_quark         (void);
SixVersionVector *six_version_vector_new        (void);
SixVersionVector *six_version_vector_ref        (SixVersionVector       *self);
void              six_version_vector_unref      (SixVersionVector       *self);
SixVersionVector *six_version_vector_parse      (const char             *text,
                                                 GError                **error);
char             *six_version_vector_to_string  (const SixVersionVector *self);
guint             six_version_vector_get_size   (const SixVersionVector *self);
const char       *six_version_vector_get_nth    (const SixVersionVector *self,
                                                 guint                   nth,
                                                 guint64                *counter);
guint64           six_version_vector_get        (const SixVersionVector *self,
                                                 const char             *replica);
SixVersionVector *six_version_vector_increment  (const SixVersionVector *self,
                                                 const char             *replica,
                                                 GError                **error);
SixVersionVector *six_version_vector_join       (const SixVersionVector *a,
                                                 const SixVersionVector *b);
SixClockOrder     six_version_vector_compare    (const SixVersionVector *a,
                                                 const SixVersionVector *b);
gboolean          six_version_vector_equal      (const SixVersionVector *a,
                                                 const SixVersionVector *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixVersionVector, six_version_vector_unref)

/* A hybrid logical clock stamp: wall time in ms since the Unix epoch, a logical counter
 * for events within the same millisecond, and the replica that made it (an interned string). */
typedef struct
{
  gint64      wall;
  guint32     counter;
  const char *replica;
} SixHlc;

int       six_hlc_compare    (const SixHlc *a,
                              const SixHlc *b);
char     *six_hlc_to_string  (const SixHlc *self);
gboolean  six_hlc_parse      (const char   *text,
                              SixHlc       *out,
                              GError      **error);

/* The local clock: monotonic even when the wall clock jumps backwards. */
typedef gint64 (*SixWallClockFunc) (gpointer user_data);

typedef struct _SixHlcClock SixHlcClock;

SixHlcClock *six_hlc_clock_new      (const char       *replica,
                                     SixWallClockFunc  wall_func,
                                     gpointer          user_data);
void         six_hlc_clock_free     (SixHlcClock      *self);
const char  *six_hlc_clock_get_replica (SixHlcClock   *self);
void         six_hlc_clock_tick     (SixHlcClock      *self,
                                     SixHlc           *out);
gboolean     six_hlc_clock_observe  (SixHlcClock      *self,
                                     const SixHlc     *remote,
                                     SixHlc           *accepted);
gboolean     six_hlc_clamp          (const SixHlc     *stamp,
                                     gint64            now,
                                     SixHlc           *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixHlcClock, six_hlc_clock_free)

G_END_DECLS
