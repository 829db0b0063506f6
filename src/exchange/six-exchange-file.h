/* six-exchange-file.h — an exchange file in memory: its header and its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-record.h"

G_BEGIN_DECLS

#define SIX_EXCHANGE_ERROR (six_exchange_error_quark ())

/* Every refusal names the file and the JSON path of the problem in its message:
 * "lbn.a6.json: records[12].values.deadline: “2023-02-30” is not a date". */
typedef enum
{
  SIX_EXCHANGE_ERROR_EMPTY,             /* a 0-byte or blank file */
  SIX_EXCHANGE_ERROR_TOO_LARGE,         /* the file, or a string in it, is over the limit */
  SIX_EXCHANGE_ERROR_TOO_DEEP,          /* nested deeper than SIX_EXCHANGE_MAX_DEPTH */
  SIX_EXCHANGE_ERROR_NOT_UTF8,
  SIX_EXCHANGE_ERROR_NOT_JSON,          /* a syntax error, or truncated */
  SIX_EXCHANGE_ERROR_NOT_EXCHANGE,      /* valid JSON, but not an Article Six file */
  SIX_EXCHANGE_ERROR_VERSION,           /* a newer major version */
  SIX_EXCHANGE_ERROR_INVALID_HEADER,
  SIX_EXCHANGE_ERROR_UNKNOWN_KIND,
  SIX_EXCHANGE_ERROR_INVALID_ID,
  SIX_EXCHANGE_ERROR_DUPLICATE_ID,
  SIX_EXCHANGE_ERROR_INVALID_FIELD,     /* wrong type, enum, date, currency, amount… */
  SIX_EXCHANGE_ERROR_MISSING_FIELD,
  SIX_EXCHANGE_ERROR_INVALID_CLOCK,
  SIX_EXCHANGE_ERROR_DANGLING_REFERENCE,
  SIX_EXCHANGE_ERROR_CHECKSUM,
  SIX_EXCHANGE_ERROR_FAILED,            /* writing, or the store refused */
  SIX_EXCHANGE_ERROR_NOT_REGULAR,       /* a folder, a device, a pipe: not a file to read */
} SixExchangeError;

#define SIX_EXCHANGE_FORMAT        "article-six"
#define SIX_EXCHANGE_VERSION_MAJOR 1
#define SIX_EXCHANGE_VERSION_MINOR 4
/* The largest file, written or read (six_exchange_size_limit ()): one limit for both, so every
 * export imports again. A whole-database export of a million records is about 1.2 GB. */
#define SIX_EXCHANGE_MAX_SIZE      (G_GINT64_CONSTANT (4) * 1024 * 1024 * 1024)
#define SIX_EXCHANGE_MAX_DEPTH     32

typedef enum
{
  SIX_SCOPE_ALL,
  SIX_SCOPE_COUNTRY,
  SIX_SCOPE_COALITION,
  SIX_SCOPE_SELECTION,
} SixScopeType;

typedef struct
{
  char *id;
  char *name;
  char *organisation;
} SixReplicaInfo;

SixReplicaInfo *six_replica_info_new  (const char     *id,
                                       const char     *name,
                                       const char     *organisation);
void            six_replica_info_free (SixReplicaInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixReplicaInfo, six_replica_info_free)

/* A reference to a record the file does not carry, which the reader may hold (format §3):
 * kept by a read that defers them, and checked against the store when the file is imported. */
typedef struct
{
  const SixField *field;  /* the referring field: its targets are the kinds the record may be */
  char           *id;
  char           *path;   /* where the file refers to it: "records[3].values.recipient" */
} SixOutsideReference;

#define SIX_TYPE_EXCHANGE_FILE (six_exchange_file_get_type ())

G_DECLARE_FINAL_TYPE (SixExchangeFile, six_exchange_file, SIX, EXCHANGE_FILE, GObject)

GQuark                six_exchange_error_quark             (void);

gsize                 six_exchange_size_limit              (void);
SixExchangeFile      *six_exchange_file_new                (void);
gboolean              six_exchange_file_get_shipped        (SixExchangeFile      *self);
void                  six_exchange_file_set_shipped        (SixExchangeFile      *self,
                                                            gboolean              shipped);
const char           *six_exchange_file_get_display_name   (SixExchangeFile      *self);
void                  six_exchange_file_set_display_name   (SixExchangeFile      *self,
                                                            const char           *name);
guint                 six_exchange_file_get_minor_version  (SixExchangeFile      *self);
void                  six_exchange_file_set_minor_version  (SixExchangeFile      *self,
                                                            guint                 minor);
const char           *six_exchange_file_get_export_id      (SixExchangeFile      *self);
void                  six_exchange_file_set_export_id      (SixExchangeFile      *self,
                                                            const char           *export_id);
const char           *six_exchange_file_get_created_at     (SixExchangeFile      *self);
void                  six_exchange_file_set_created_at     (SixExchangeFile      *self,
                                                            const char           *created_at);
const char           *six_exchange_file_get_app_version    (SixExchangeFile      *self);
void                  six_exchange_file_set_app_version    (SixExchangeFile      *self,
                                                            const char           *app_version);
const SixReplicaInfo *six_exchange_file_get_origin         (SixExchangeFile      *self);
void                  six_exchange_file_set_origin         (SixExchangeFile      *self,
                                                            const SixReplicaInfo *origin);
SixScopeType          six_exchange_file_get_scope          (SixExchangeFile      *self,
                                                            const char          **scope_id);
void                  six_exchange_file_set_scope          (SixExchangeFile      *self,
                                                            SixScopeType          scope,
                                                            const char           *scope_id);
SixVisibility         six_exchange_file_get_level          (SixExchangeFile      *self);
void                  six_exchange_file_set_level          (SixExchangeFile      *self,
                                                            SixVisibility         level);
GPtrArray            *six_exchange_file_get_replicas       (SixExchangeFile      *self);
void                  six_exchange_file_add_replica        (SixExchangeFile      *self,
                                                            SixReplicaInfo       *replica);
GPtrArray            *six_exchange_file_get_records        (SixExchangeFile      *self);
void                  six_exchange_file_add_record         (SixExchangeFile      *self,
                                                            SixRecord            *record);
const char           *six_exchange_file_get_checksum       (SixExchangeFile      *self);
void                  six_exchange_file_set_checksum       (SixExchangeFile      *self,
                                                            const char           *checksum);
GPtrArray            *six_exchange_file_get_outside_refs   (SixExchangeFile      *self);
void                  six_exchange_file_add_outside_ref    (SixExchangeFile      *self,
                                                            const SixField       *field,
                                                            const char           *id,
                                                            const char           *path);

G_END_DECLS
