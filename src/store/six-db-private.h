/* six-db-private.h — what the store's files share: the connection, statements, conversions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "six-db.h"

G_BEGIN_DECLS

/* The replica that writes the reference pack: fixed, so every installation agrees on it. */
#define SIX_DB_REFERENCE_REPLICA "reference"

/* How often a database is checked through and through (PRAGMA integrity_check): at the first
 * open of a day, and with the day's backup. */
#define SIX_DB_CHECK_INTERVAL_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

/* Flags of a record written in the open transaction. */
typedef enum
{
  SIX_DB_CHANGED_VALUES = 1 << 0,  /* some field changed */
  SIX_DB_CHANGED_SEARCH = 1 << 1,  /* a field the search index holds changed */
  SIX_DB_CHANGED_CREATED = 1 << 2, /* the row was inserted, so it has no search row yet */
} SixDbChangedFlags;

/* SQL text built once per kind from the static descriptors; names never come from data. */
typedef struct
{
  char  *columns;       /* id, then every field in descriptor order, quoted */
  char  *select_one;    /* id, every field … WHERE id = ?1 */
  char  *select_all;    /* … ORDER BY id */
  char  *select_live;   /* … WHERE deleted = 0 ORDER BY id */
  char  *count_all;
  char  *count_live;
  char  *exists;
  char  *select_search;       /* deleted, every searchable field … WHERE id = ?1 */
  char  *select_search_live;  /* id, every searchable field … of live rows, ORDER BY id */
  char **select_field;  /* per field: SELECT col … WHERE id = ?1 */
  char **insert_field;  /* per field: INSERT (id, col) VALUES (?1, ?2) */
  char **update_field;  /* per field: UPDATE … SET col = ?2 WHERE id = ?1 */
  char  *insert_row;    /* INSERT (id, every field) VALUES (?1, ?2 …) */
  char  *insert_id;     /* INSERT (id) VALUES (?1): the other columns take their defaults */
} SixKindSql;

/* An operation opened in the open transaction, and how many field writes it made so far. */
typedef struct
{
  gint64 id;
  guint  n_changes;
} SixDbOperation;

struct _SixDb
{
  /* Owned */
  sqlite3          *handle;
  char             *path;
  SixHlcClock      *clock;
  GHashTable       *statements;  /* SQL text → sqlite3_stmt, prepared once */
  GHashTable       *statement_at;  /* address of SQL text → the same statements, unowned */
  SixKindSql       *kind_sql;    /* one per kind, in six_kind_all () order */
  GHashTable       *pending;     /* this transaction: SixKind → (id → SixDbChangedFlags) */
  GHashTable       *changed;     /* committed, not yet taken: same shape */
  GArray           *operations;  /* SixDbOperation opened in this transaction */
  GHashTable       *created;     /* "operation kind id" of records inserted in this transaction */

  /* Borrowed */
  const char       *replica_id;  /* interned */
  SixWallClockFunc  wall_func;
  gpointer          wall_data;

  int               open_lock;   /* "<db>.lock", held shared while open; -1 for :memory: */
  guint             depth;       /* 0: no transaction; 1: BEGIN; more: savepoints */
  int               schema_version;
};

/* A cached statement, reset (not finalized) when it goes out of scope. */
typedef sqlite3_stmt SixStmt;

void           _six_stmt_release              (SixStmt             *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixStmt, _six_stmt_release)

/* six-db.c */
SixStoreError  _six_store_error_from_sqlite   (int                  rc);
void           _six_store_set_error           (GError             **error,
                                               int                  rc,
                                               const char          *path,
                                               const char          *message);
gboolean       _six_db_fail                   (SixDb               *db,
                                               int                  rc,
                                               GError             **error);
SixStmt       *_six_db_prepare                (SixDb               *db,
                                               const char          *sql,
                                               GError             **error);
gboolean       _six_db_exec                   (SixDb               *db,
                                               const char          *sql,
                                               GError             **error);
gboolean       _six_db_step_done              (SixDb               *db,
                                               SixStmt             *stmt,
                                               GError             **error);
guint          _six_kind_index                (const SixKind       *kind);
const SixKindSql *_six_db_kind_sql            (SixDb               *db,
                                               const SixKind       *kind);
void           _six_db_bind_text              (SixStmt             *stmt,
                                               int                  index,
                                               const char          *text);
gboolean       _six_replica_id_is_valid       (const char          *replica_id);

/* six-schema.c */
int            _six_schema_get_latest         (void);
gboolean       _six_schema_migrate            (SixDb               *db,
                                               GError             **error);

/* six-db-records.c: values, reads and the one function that writes a field */
void           _six_db_bind_value             (SixStmt             *stmt,
                                               int                  index,
                                               const SixField      *field,
                                               GVariant            *value);
GPtrArray     *_six_db_read_rows              (SixDb               *db,
                                               const SixKind       *kind,
                                               SixStmt             *stmt,
                                               GError             **error);
gboolean       _six_db_column_value           (SixStmt             *stmt,
                                               int                  column,
                                               const SixField      *field,
                                               GVariant           **value,
                                               GError             **error);
char          *_six_db_value_to_text          (GVariant            *value);
gboolean       _six_db_value_from_text        (const SixField      *field,
                                               const char          *text,
                                               GVariant           **value,
                                               GError             **error);
gboolean       _six_db_values_equal           (GVariant            *a,
                                               GVariant            *b);
SixRecord     *_six_db_read_record            (SixDb               *db,
                                               const SixKind       *kind,
                                               const char          *id,
                                               gboolean             with_stamps,
                                               SixVersionVector   **record_vv,
                                               GError             **error);
gboolean       _six_db_read_field             (SixDb               *db,
                                               const SixKind       *kind,
                                               const char          *id,
                                               guint                field,
                                               gboolean            *row_exists,
                                               GVariant           **value,
                                               GError             **error);
gboolean       _six_db_read_record_vv         (SixDb               *db,
                                               const SixKind       *kind,
                                               const char          *id,
                                               SixVersionVector   **record_vv,
                                               GError             **error);
gboolean       _six_db_write_field            (SixDb               *db,
                                               gint64               operation,
                                               const SixKind       *kind,
                                               const char          *id,
                                               guint                field,
                                               gboolean             row_exists,
                                               GVariant            *before,
                                               GVariant            *after,
                                               const SixFieldStamp *stamp,
                                               GError             **error);
gboolean       _six_db_local_write            (SixDb               *db,
                                               gint64               operation,
                                               const SixKind       *kind,
                                               const char          *id,
                                               guint                field,
                                               gboolean             row_exists,
                                               SixVersionVector   **record_vv,
                                               GVariant            *before,
                                               GVariant            *after,
                                               const char          *source,
                                               GError             **error);
gboolean       _six_db_read_extra             (SixDb               *db,
                                               const SixKind       *kind,
                                               const char          *id,
                                               const char          *name,
                                               char               **json,
                                               GError             **error);
gboolean       _six_db_write_extra            (SixDb               *db,
                                               gint64               operation,
                                               const SixKind       *kind,
                                               const char          *id,
                                               const char          *name,
                                               const char          *before,
                                               const char          *json,
                                               const SixFieldStamp *stamp,
                                               GError             **error);
gboolean       _six_db_local_write_extra      (SixDb               *db,
                                               gint64               operation,
                                               const SixKind       *kind,
                                               const char          *id,
                                               const char          *name,
                                               SixVersionVector   **record_vv,
                                               const char          *before,
                                               const char          *json,
                                               GError             **error);
void           _six_db_mark_changed           (SixDb               *db,
                                               const SixKind       *kind,
                                               const char          *id,
                                               SixDbChangedFlags    flags);

/* six-db-journal.c */
gint64         _six_db_open_operation         (SixDb               *db,
                                               const char          *label,
                                               gint64               undo_of,
                                               GError             **error);
void           _six_db_count_change           (SixDb               *db,
                                               gint64               operation);
gboolean       _six_db_flush_operations       (SixDb               *db,
                                               GError             **error);

/* six-db-search.c */
gboolean       _six_db_refresh_search         (SixDb               *db,
                                               GHashTable          *pending,
                                               GError             **error);

G_END_DECLS
