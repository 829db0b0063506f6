/* six-db.h — the SQLite store: one connection, used by one thread at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#ifdef SIX_UI
#error "six-db.h is the store's own: the window reads through src/views and six-repository.h"
#endif

#include <gio/gio.h>

#include "six-clock.h"
#include "six-edit.h"
#include "six-kind.h"
#include "six-record.h"
#include "six-store-types.h"

G_BEGIN_DECLS


/* The fixed application_id of our database files ("A6DB"). */
#define SIX_DB_APPLICATION_ID 0x41364442

/* Pages (4 KB) the write-ahead log may hold before it is checkpointed: 64 MB. */
#define SIX_DB_WAL_CHECKPOINT_PAGES 16384

/* How much of the database file reads may map (PRAGMA mmap_size). */
#define SIX_DB_MMAP_BYTES (G_GINT64_CONSTANT (256) * 1024 * 1024)



SixDb      *six_db_open                  (const char        *path,
                                          GError           **error);
SixDb      *six_db_open_full             (const char        *path,
                                          const char        *replica_id,
                                          GError           **error);
void        six_db_close                 (SixDb             *db);
void        six_db_interrupt             (SixDb             *db);
const char *six_db_get_path              (SixDb             *db);
const char *six_db_get_replica_id        (SixDb             *db);
int         six_db_get_schema_version    (SixDb             *db);
int         six_db_get_latest_version    (void);
gboolean    six_db_get_data_version      (SixDb             *db,
                                          gint64            *version,
                                          GError           **error);
void        six_db_set_wall_clock        (SixDb             *db,
                                          SixWallClockFunc   func,
                                          gpointer           user_data);
gint64      six_db_now                   (SixDb             *db);
SixHlcClock *six_db_get_clock            (SixDb             *db);

/* Transactions: every write below must happen inside one. */
gboolean    six_db_begin                 (SixDb             *db,
                                          GError           **error);
gboolean    six_db_commit                (SixDb             *db,
                                          GError           **error);
void        six_db_rollback              (SixDb             *db);

/* Replicas we know of: our own, the reference pack's, and every file's origin. */
gboolean    six_db_set_replica_name      (SixDb             *db,
                                          const char        *replica_id,
                                          const char        *name,
                                          const char        *organisation,
                                          GError           **error);
char       *six_db_dup_replica_name      (SixDb             *db,
                                          const char        *replica_id);

/* Reading records. */
SixRecord  *six_db_get_record            (SixDb             *db,
                                          const SixKind     *kind,
                                          const char        *id,
                                          gboolean           with_stamps,
                                          GError           **error);
GPtrArray  *six_db_list_records          (SixDb             *db,
                                          const SixKind     *kind,
                                          gboolean           include_deleted,
                                          gboolean           with_stamps,
                                          GError           **error);
gboolean    six_db_record_exists         (SixDb             *db,
                                          const SixKind     *kind,
                                          const char        *id);
const SixKind *six_db_find_kind_of_id    (SixDb             *db,
                                          const char        *id,
                                          const char * const *kinds);
gint64      six_db_count_records         (SixDb             *db,
                                          const SixKind     *kind,
                                          gboolean           include_deleted);
GPtrArray  *six_db_list_referring        (SixDb             *db,
                                          const SixKind     *kind,
                                          const char        *field,
                                          const char        *value,
                                          GError           **error);

/* A condition on one field of the records a selection reads; a selection's conditions all
 * hold. An unset value never compares, and is none of any values. */
typedef enum
{
  SIX_MATCH_AT_LEAST,   /* ≥ @bound */
  SIX_MATCH_AT_MOST,    /* ≤ @bound */
  SIX_MATCH_BELOW,      /* < @bound */
  SIX_MATCH_SET,        /* has a value */
  SIX_MATCH_UNSET,      /* has none */
  SIX_MATCH_ONE_OF,     /* one of @values */
  SIX_MATCH_NONE_OF,    /* unset, or none of @values */
  SIX_MATCH_REFERS_TO,  /* the id of a live @target record that @target_matches select */
} SixMatchOp;

typedef struct _SixMatch SixMatch;

struct _SixMatch
{
  const char          *field;
  SixMatchOp           op;
  GVariant            *bound;           /* an int64 or a string, as the field holds; the
                                         * caller's reference, not floating */
  const char * const  *values;          /* NULL-terminated */
  const SixKind       *target;
  const SixMatch      *target_matches;
  guint                n_target_matches;
};

/* Records counted by the values of some fields: one row per combination held. */
typedef struct
{
  GVariant **values;   /* one per field counted by; NULL where unset */
  guint      n_values;
  gint64     count;
} SixTally;

void        six_tally_free               (SixTally          *tally);

GPtrArray  *six_db_select_records        (SixDb             *db,
                                          const SixKind     *kind,
                                          const SixMatch    *matches,
                                          guint              n_matches,
                                          GError           **error);
GPtrArray  *six_db_tally_records         (SixDb             *db,
                                          const SixKind     *kind,
                                          const char * const *by,
                                          const SixMatch    *matches,
                                          guint              n_matches,
                                          GError           **error);
gint64      six_db_max_int               (SixDb             *db,
                                          const SixKind     *kind,
                                          const char        *field,
                                          gint64             none,
                                          GError           **error);

/* Local edits: validated, stamped with our clock, journaled as one operation in one
 * transaction. Returns the operation id, or 0 with @error set. */
gint64      six_db_apply_edits           (SixDb             *db,
                                          const char        *label,
                                          GPtrArray         *edits,
                                          GError           **error);

/* One field of a merge write: a value with the stamp it carries. */
typedef struct
{
  guint                field;
  GVariant            *value;  /* %NULL unsets the field */
  const SixFieldStamp *stamp;
} SixFieldWrite;

/* Merge writes: a value with the stamp it carries. For the exchange layer's apply, inside a
 * transaction and an operation started with six_db_begin_operation(). */
gint64      six_db_begin_operation       (SixDb             *db,
                                          const char        *label,
                                          GError           **error);
gboolean    six_db_put_field             (SixDb             *db,
                                          gint64             operation,
                                          const SixKind     *kind,
                                          const char        *id,
                                          guint              field,
                                          GVariant          *value,
                                          const SixFieldStamp *stamp,
                                          GError           **error);
gboolean    six_db_put_fields            (SixDb             *db,
                                          gint64             operation,
                                          const SixKind     *kind,
                                          const char        *id,
                                          const SixFieldWrite *writes,
                                          guint              n_writes,
                                          GError           **error);
gboolean    six_db_put_extra_field       (SixDb             *db,
                                          gint64             operation,
                                          const SixKind     *kind,
                                          const char        *id,
                                          const char        *name,
                                          const char        *json,
                                          const SixFieldStamp *stamp,
                                          GError           **error);
gboolean    six_db_add_conflict          (SixDb             *db,
                                          const SixConflict *conflict,
                                          GError           **error);

/* The records written since the last call, as kind name → GPtrArray of ids, so the
 * repository can refresh exactly what changed. Cleared on rollback. */
GHashTable *six_db_take_changed          (SixDb             *db);

/* Undo. */
GPtrArray  *six_db_list_operations       (SixDb             *db,
                                          guint              limit,
                                          GError           **error);
gint64      six_db_undo                  (SixDb             *db,
                                          gint64             operation,
                                          GError           **error);
gint64      six_db_redo                  (SixDb             *db,
                                          GError           **error);
gint64      six_db_find_reversal         (SixDb             *db,
                                          gint64             operation,
                                          GError           **error);

/* A field write an undo would make: what it holds now, and what it would hold. */
typedef struct
{
  const SixKind *kind;
  char          *record_id;
  char          *field;     /* a field's name, known or of a newer version */
  GVariant      *current;   /* %NULL: unset */
  GVariant      *value;
} SixPendingWrite;

GPtrArray  *six_db_plan_undo             (SixDb             *db,
                                          gint64             operation,
                                          GError           **error);
void        six_pending_write_free       (SixPendingWrite   *write);

/* Conflicts. */
GPtrArray  *six_db_list_conflicts        (SixDb             *db,
                                          gboolean           include_restored,
                                          GError           **error);
gint64      six_db_restore_conflict      (SixDb             *db,
                                          gint64             conflict,
                                          GError           **error);

/* Full-text search: @query is user text, never FTS syntax. Returns SixRecords. */
GPtrArray  *six_db_search                (SixDb             *db,
                                          const char        *query,
                                          const char * const *kinds,
                                          guint              limit,
                                          GError           **error);
gboolean    six_db_rebuild_search        (SixDb             *db,
                                          GError           **error);

/* Backups with the SQLite backup API, in the database's directory, the newest five kept. */
char       *six_db_backup                (SixDb             *db,
                                          const char        *reason,
                                          GError           **error);
gboolean    six_db_backup_daily          (SixDb             *db,
                                          GError           **error);
char       *six_db_find_latest_backup    (const char        *db_path);
gboolean    six_db_restore_backup        (const char        *db_path,
                                          const char        *backup_path,
                                          GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixDb, six_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixPendingWrite, six_pending_write_free)

/* ---- Exchange log (six-db-exchange-log.c): every file imported or exported ---- */

gint64      six_db_log_exchange          (SixDb                     *db,
                                          const SixExchangeLogEntry *entry,
                                          GError                   **error);
gboolean    six_db_find_import           (SixDb                     *db,
                                          const char                *export_id,
                                          const char                *checksum,
                                          SixExchangeLogEntry      **entry,
                                          GError                   **error);
GPtrArray  *six_db_list_exchanges        (SixDb                     *db,
                                          guint                      limit,
                                          GError                   **error);

G_END_DECLS
