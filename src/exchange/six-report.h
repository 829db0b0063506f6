/* six-report.h — tables over the database for the command line: text, JSON or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-db.h"

G_BEGIN_DECLS

typedef enum
{
  SIX_REPORT_FORMAT_TEXT,  /* aligned columns for a terminal */
  SIX_REPORT_FORMAT_JSON,  /* an array of objects, one per row */
  SIX_REPORT_FORMAT_CSV,   /* RFC 4180: CRLF, quoted where needed, a header row */
} SixReportFormat;

typedef enum
{
  SIX_REPORT_COLUMN_TEXT,
  SIX_REPORT_COLUMN_INTEGER,  /* a JSON number */
  SIX_REPORT_COLUMN_BOOLEAN,  /* a JSON true or false */
} SixReportColumnType;

/* Columns and rows of text cells; a NULL cell is empty (JSON null). */
typedef struct _SixReportTable SixReportTable;

SixReportTable     *six_report_table_new             (void);
void                six_report_table_free            (SixReportTable      *self);
guint               six_report_table_add_column      (SixReportTable      *self,
                                                      const char          *name,
                                                      SixReportColumnType  type);
guint               six_report_table_add_row         (SixReportTable      *self);
void                six_report_table_set_text        (SixReportTable      *self,
                                                      guint                row,
                                                      guint                column,
                                                      const char          *text);
void                six_report_table_set_int         (SixReportTable      *self,
                                                      guint                row,
                                                      guint                column,
                                                      gint64               value);
void                six_report_table_set_boolean     (SixReportTable      *self,
                                                      guint                row,
                                                      guint                column,
                                                      gboolean             value);
guint               six_report_table_get_n_columns   (SixReportTable      *self);
guint               six_report_table_get_n_rows      (SixReportTable      *self);
const char         *six_report_table_get_column_name (SixReportTable      *self,
                                                      guint                column);
int                 six_report_table_find_column     (SixReportTable      *self,
                                                      const char          *name);
const char         *six_report_table_get_cell        (SixReportTable      *self,
                                                      guint                row,
                                                      guint                column);
char               *six_report_table_format          (SixReportTable      *self,
                                                      SixReportFormat      format);

const char * const *six_report_get_names             (void);
gboolean            six_report_format_from_string    (const char          *text,
                                                      SixReportFormat     *format);
SixReportTable     *six_report_build                 (SixDb               *db,
                                                      const char          *name,
                                                      GError             **error);
char               *six_report_run                   (SixDb               *db,
                                                      const char          *name,
                                                      SixReportFormat      format,
                                                      GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixReportTable, six_report_table_free)

G_END_DECLS
