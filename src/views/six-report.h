/* six-report.h — tables over the overview and the store: text, JSON, CSV, and an iCalendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-store-types.h"
#include "six-overview.h"

G_BEGIN_DECLS

typedef enum
{
  SIX_REPORT_FORMAT_TEXT,  /* aligned columns for a terminal, translated words */
  SIX_REPORT_FORMAT_JSON,  /* an array of objects, one per row, codes and stable names */
  SIX_REPORT_FORMAT_CSV,   /* RFC 4180: CRLF, quoted where needed, a translated header row */
} SixReportFormat;

typedef enum
{
  SIX_REPORT_COLUMN_TEXT,
  SIX_REPORT_COLUMN_INTEGER,  /* a JSON number */
  SIX_REPORT_COLUMN_BOOLEAN,  /* a JSON true or false */
} SixReportColumnType;

/* Columns and rows of cells; a NULL cell is empty (JSON null). A cell holds a value (a code,
 * for JSON) and may hold a label (its translated word, for text and CSV). */
typedef struct _SixReportTable SixReportTable;

SixReportTable     *six_report_table_new              (void);
void                six_report_table_free             (SixReportTable      *self);
guint               six_report_table_add_column       (SixReportTable      *self,
                                                       const char          *name,
                                                       const char          *title,
                                                       SixReportColumnType  type);
guint               six_report_table_add_row          (SixReportTable      *self);
void                six_report_table_set_text         (SixReportTable      *self,
                                                       guint                row,
                                                       guint                column,
                                                       const char          *text);
void                six_report_table_set_int          (SixReportTable      *self,
                                                       guint                row,
                                                       guint                column,
                                                       gint64               value);
void                six_report_table_set_boolean      (SixReportTable      *self,
                                                       guint                row,
                                                       guint                column,
                                                       gboolean             value);
void                six_report_table_set_label        (SixReportTable      *self,
                                                       guint                row,
                                                       guint                column,
                                                       const char          *label);
guint               six_report_table_get_n_columns    (SixReportTable      *self);
guint               six_report_table_get_n_rows       (SixReportTable      *self);
const char         *six_report_table_get_column_name  (SixReportTable      *self,
                                                       guint                column);
const char         *six_report_table_get_column_title (SixReportTable      *self,
                                                       guint                column);
int                 six_report_table_find_column      (SixReportTable      *self,
                                                       const char          *name);
const char         *six_report_table_get_cell         (SixReportTable      *self,
                                                       guint                row,
                                                       guint                column);
const char         *six_report_table_get_label        (SixReportTable      *self,
                                                       guint                row,
                                                       guint                column);
char               *six_report_table_format           (SixReportTable      *self,
                                                       SixReportFormat      format);

const char * const *six_report_get_names              (void);
gboolean            six_report_format_from_string     (const char          *text,
                                                       SixReportFormat     *format);
void                six_report_get_today              (SixDb               *db,
                                                       GDate               *today);
SixOverview        *six_report_load_overview          (SixDb               *db,
                                                       int                  first_year,
                                                       int                  last_year,
                                                       GError             **error);
SixReportTable     *six_report_build                  (SixDb               *db,
                                                       const char          *name,
                                                       GError             **error);
SixReportTable     *six_report_build_overview         (SixOverview         *overview);
char               *six_report_run                    (SixDb               *db,
                                                       const char          *name,
                                                       SixReportFormat      format,
                                                       GError             **error);
char               *six_report_deadlines_ics          (SixOverview         *overview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SixReportTable, six_report_table_free)

G_END_DECLS
