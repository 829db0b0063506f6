/* six-deadline.h — an obligation's deadline, and the time left to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "six-record.h"

G_BEGIN_DECLS

/* What is known of an obligation against its deadline; never more than the data says. */
typedef enum
{
  SIX_DEADLINE_STATE_COMPLETED,          /* completed, with the day when it is known */
  SIX_DEADLINE_STATE_IN_TIME,            /* the deadline is today or ahead */
  SIX_DEADLINE_STATE_EXTENSION_PENDING,  /* passed or unknown, an extension awaits a decision */
  SIX_DEADLINE_STATE_PASSED,             /* passed, and no extension is recorded */
  SIX_DEADLINE_STATE_UNKNOWN,            /* no deadline, or a status nobody verified */
} SixDeadlineState;

const char *six_obligation_get_deadline (SixRecord   *obligation);
gboolean    six_obligation_is_open      (SixRecord   *obligation);
SixRecord  *six_obligation_pick_nearest (GPtrArray   *obligations);
SixDeadlineState six_deadline_assess     (SixRecord   *obligation,
                                          GPtrArray   *extensions,
                                          const GDate *today);
const char *six_deadline_state_code     (SixDeadlineState state);
char       *six_deadline_describe       (SixRecord   *obligation,
                                         GPtrArray   *extensions,
                                         const GDate *today);
SixRecord  *six_extension_find_pending  (GPtrArray   *extensions,
                                         const char  *obligation_id);
char       *six_describe_span           (const GDate *from,
                                         const GDate *to);
void        six_date_get_today          (GDate       *today);

G_END_DECLS
