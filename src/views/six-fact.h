/* six-fact.h — one line of a page, worded by a view: what a row shows and what it acts on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-chart-values.h"
#include "six-record.h"

G_BEGIN_DECLS

#define SIX_TYPE_FACT (six_fact_get_type ())

G_DECLARE_FINAL_TYPE (SixFact, six_fact, SIX, FACT, GObject)

SixFact    *six_fact_new                (const char *title,
                                         const char *subtitle);
SixFact    *six_fact_new_placeholder    (const char *text);

void        six_fact_set_tooltip        (SixFact    *self,
                                         const char *tooltip);
void        six_fact_set_icon_name      (SixFact    *self,
                                         const char *icon_name);
void        six_fact_set_record         (SixFact    *self,
                                         SixRecord  *record,
                                         gboolean    removable);
void        six_fact_set_unlink         (SixFact    *self,
                                         const char *action_name,
                                         GVariant   *target,
                                         const char *label);
void        six_fact_set_name           (SixFact    *self,
                                         const char *name);
void        six_fact_set_action         (SixFact    *self,
                                         const char *action_name,
                                         GVariant   *target);
void        six_fact_set_opens_record   (SixFact    *self,
                                         const char *kind_name,
                                         const char *id);
void        six_fact_set_unverified     (SixFact    *self,
                                         gboolean    unverified);
void        six_fact_set_badge          (SixFact    *self,
                                         const char *text,
                                         const char *style);
void        six_fact_set_style          (SixFact    *self,
                                         const char *style);
void        six_fact_set_done           (SixFact    *self,
                                         gboolean    done);
void        six_fact_set_also_edits     (SixFact    *self,
                                         SixRecord  *record,
                                         const char *label);
void        six_fact_set_subtitle_lines (SixFact    *self,
                                         int         lines);
void        six_fact_add_detail         (SixFact    *self,
                                         SixFact    *detail);
void        six_fact_set_bar            (SixFact              *self,
                                         const SixChartValues *values,
                                         double                max);

const char *six_fact_get_title          (SixFact    *self);
const char *six_fact_get_subtitle       (SixFact    *self);
const char *six_fact_get_tooltip        (SixFact    *self);
const char *six_fact_get_name           (SixFact    *self);
GVariant   *six_fact_get_target         (SixFact    *self);
gboolean    six_fact_get_removable      (SixFact    *self);
const char *six_fact_get_remove_action  (SixFact    *self);
GVariant   *six_fact_get_remove_target  (SixFact    *self);
const char *six_fact_get_remove_label   (SixFact    *self);
const char *six_fact_get_action_name    (SixFact    *self);
GVariant   *six_fact_get_action_target  (SixFact    *self);
gboolean    six_fact_get_placeholder    (SixFact    *self);
gboolean    six_fact_get_unverified     (SixFact    *self);
const char *six_fact_get_badge          (SixFact    *self);
const char *six_fact_get_style          (SixFact    *self);
gboolean    six_fact_get_checkable      (SixFact    *self);
gboolean    six_fact_get_done           (SixFact    *self);
int         six_fact_get_subtitle_lines (SixFact    *self);
GVariant   *six_fact_get_also_target    (SixFact    *self);
const char *six_fact_get_also_label     (SixFact    *self);
GListModel *six_fact_get_details        (SixFact    *self);
const SixChartValues *six_fact_get_bar  (SixFact    *self,
                                         double     *max);

/* The parts given, @separator between them; missing (NULL or empty) parts are left out. */
char       *six_join_parts              (const char         *separator,
                                         const char * const *parts,
                                         guint               n_parts);

#define six_join_with(separator, ...) \
  six_join_parts ((separator), (const char * const []) { __VA_ARGS__ }, \
                  sizeof ((const char * const []) { __VA_ARGS__ }) / sizeof (const char *))
/* "Donor · Since 2024-09-01"; one under the other: a row's lines. */
#define six_join_details(...) six_join_with (" · ", __VA_ARGS__)
#define six_join_lines(...) six_join_with ("\n", __VA_ARGS__)

G_END_DECLS
