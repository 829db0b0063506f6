/* six-db.h — the SQLite store: one connection, used by one thread at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-clock.h"
#include "six-edit.h"
#include "six-kind.h"
#include "six-record.h"

G_BEGIN_DECLS

#define SIX_STORE_ERROR (six_store_error_quark ())

typedef enum
{
  SIX_STORE_ERROR_FAILED,
  SIX_STORE_ERROR_IO,
  SIX_STORE_ERROR_BUSY,
  SIX_STORE_ERROR_CORRUPT,         /* quick_check failed or the file is damaged */
  SIX_STORE_ERROR_NOT_A_DATABASE,  /* not SQLite, or another program's database */
  SIX_STORE_ERROR_TOO_NEW,         /* written by a newer version of the app */
  SIX_STORE_ERROR_CONSTRAINT,      /* a CHECK, NOT NULL, UNIQUE or foreign key failed */
  SIX_STORE_ERROR_INVALID,         /* a value or reference the model refuses */
  SIX_STORE_ERROR_NOT_FOUND,
  SIX_STORE_ERROR_NOTHING_TO_UNDO,
  SIX_STORE_ERROR_NOTHING_TO_REDO,
} SixStoreError;

/* The fixed application_id of our database files ("A6DB"). */
#define SIX_DB_APPLICATION_ID 0x41364442

/* Pages (4 KB) the write-ahead log may hold before it is checkpointed: 64 MB. */
#define SIX_DB_WAL_CHECKPOINT_PAGES 16384

/* How much of the database file reads may map (PRAGMA mmap_size). */
#define SIX_DB_MMAP_BYTES (G_GINT64_CONSTANT (256) * 1024 * 1024)

typedef struct _SixDb SixDb;

/* One undoable operation: an edit, a delete, an import, an undo. */
typedef struct
{
  gint64  id;
  char   *label;
  gint64  created_at;  /* ms since the epoch */
  guint   n_changes;
  gboolean undone;
} SixOperation;

/* The field index of a conflict on a field this version does not know. */
#define SIX_CONFLICT_EXTRA_FIELD G_MAXUINT

/* A concurrent overwrite kept for review: the value that lost the merge. */
typedef struct
{
  gint64         id;
  const SixKind *kind;
  char          *record_id;
  guint          field;        /* or SIX_CONFLICT_EXTRA_FIELD */
  char          *extra_field;  /* with SIX_CONFLICT_EXTRA_FIELD: the field's name; its values
                                * are strings holding JSON text */
  GVariant      *lost_value;   /* NULL: the field was unset */
  SixFieldStamp  lost_stamp;
  GVariant      *won_value;
  SixFieldStamp  won_stamp;
  gint64         operation;    /* the import or edit that produced it */
  gint64         created_at;
  gboolean       restored;
} SixConflict;

GQuark      six_store_error_quark        (void);

SixDb      *six_db_open                  (const char        *path,
                                          GError           **error);
SixDb      *six_db_open_full             (const char        *path,
                                          const char        *replica_id,
                                          GError           **error);
void        six_db_close                 (SixDb             *db);
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

void        six_operation_free           (SixOperation      *operation);
void        six_conflict_free            (SixConflict       *conflict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixDb, six_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixOperation, six_operation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixConflict, six_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixPendingWrite, six_pending_write_free)

/* ---- Exchange log (six-db-exchange-log.c): every file imported or exported ---- */

typedef enum
{
  SIX_EXCHANGE_DIRECTION_IMPORT,
  SIX_EXCHANGE_DIRECTION_EXPORT,
} SixExchangeDirection;

typedef struct
{
  gint64                id;
  SixExchangeDirection  direction;
  char                 *export_id;
  char                 *checksum;     /* "sha256:…", or NULL */
  char                 *origin;       /* the replica that wrote the file */
  char                 *origin_name;
  char                 *file_name;
  gint64                at;           /* ms since the epoch */
  char                 *counts;       /* a small JSON object: {"new": 3, "changed": 1, …} */
  gint64                operation;    /* the import's undoable operation, or 0 */
  gboolean              undone;       /* that operation was undone, and is not redone */
} SixExchangeLogEntry;

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
void        six_exchange_log_entry_free  (SixExchangeLogEntry       *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixExchangeLogEntry, six_exchange_log_entry_free)

G_END_DECLS
